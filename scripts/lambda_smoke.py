#!/usr/bin/env python3
"""The Lambda path as a real process: sdo-server under `cargo lambda watch`
(the Lambda runtime emulator), invoked with API Gateway HTTP API (v2) events
through `cargo lambda invoke`, against DynamoDB and KMS on moto_server.

Clients here craft blobs and tokens with the right shapes only: the server
cannot tell (it never decrypts a blob), and the crypto itself is covered by
the Rust suites. Run by scripts/test.sh; exits non-zero on any failure.
"""
import base64
import hashlib
import json
import os
import socket
import subprocess
import sys
import tempfile
import time

import boto3

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def b64(b: bytes) -> str:
    return base64.urlsafe_b64encode(b).rstrip(b"=").decode()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_port(port: int, seconds: float) -> None:
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.2)
    sys.exit(f"nothing listening on {port} after {seconds}s")


def event(method, path, bearer=None, body=None):
    headers = {"host": "sdo.example"}
    if bearer:
        headers["authorization"] = f"Bearer {bearer}"
    if body is not None:
        headers["content-type"] = "application/json"
    return {
        "version": "2.0", "routeKey": "$default", "rawPath": path, "rawQueryString": "",
        "headers": headers,
        "requestContext": {
            "accountId": "123456789012", "apiId": "api", "domainName": "sdo.example",
            "domainPrefix": "sdo", "requestId": "smoke", "routeKey": "$default",
            "stage": "$default", "time": "27/Nov/2026:00:00:00 +0000", "timeEpoch": 0,
            "http": {"method": method, "path": path, "protocol": "HTTP/1.1",
                     "sourceIp": "192.0.2.1", "userAgent": "smoke"},
        },
        "body": None if body is None else json.dumps(body),
        "isBase64Encoded": False,
    }


class Invoker:
    def __init__(self, port: int, tmp: str):
        self.port, self.tmp, self.n = port, tmp, 0

    def __call__(self, ev):
        self.n += 1
        path = os.path.join(self.tmp, f"event-{self.n}.json")
        with open(path, "w") as f:
            json.dump(ev, f)
        started = time.time()
        out = subprocess.run(
            ["cargo", "lambda", "invoke", "sdo-server", "--invoke-port", str(self.port),
             "--data-file", path, "--output-format", "json"],
            cwd=ROOT, capture_output=True, text=True, timeout=600)
        elapsed = time.time() - started
        if out.returncode != 0:
            sys.exit(f"cargo lambda invoke failed: {out.stderr}")
        response = json.loads(out.stdout)
        body = response.get("body") or ""
        return response["statusCode"], (json.loads(body) if body else None), elapsed


def main():
    moto_port = free_port()
    moto = subprocess.Popen([sys.executable, os.path.join(ROOT, "scripts", "moto_server.py"), str(moto_port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    watch = None
    results = []
    try:
        wait_port(moto_port, 60)
        endpoint = f"http://127.0.0.1:{moto_port}"
        aws = dict(endpoint_url=endpoint, region_name="us-east-1",
                   aws_access_key_id="testing", aws_secret_access_key="testing")
        key_id = boto3.client("kms", **aws).create_key()["KeyMetadata"]["KeyId"]
        ddb = boto3.client("dynamodb", **aws)
        ddb.create_table(TableName="sdo-smoke", BillingMode="PAY_PER_REQUEST",
                         AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}],
                         KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}])
        ddb.update_time_to_live(TableName="sdo-smoke", TimeToLiveSpecification={
            "AttributeName": "expires_at", "Enabled": True})

        env = dict(os.environ, AWS_ENDPOINT_URL=endpoint, AWS_REGION="us-east-1",
                   AWS_ACCESS_KEY_ID="testing", AWS_SECRET_ACCESS_KEY="testing",
                   SDO_STORE="dynamodb", SDO_TABLE="sdo-smoke", SDO_KMS_KEY_ID=key_id,
                   SDO_LOG_FORMAT="json")
        invoke_port = free_port()
        watch = subprocess.Popen(
            ["cargo", "lambda", "watch", "--invoke-port", str(invoke_port),
             "--package", "sdo-backend", "--bin", "sdo-server"],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            start_new_session=True)
        wait_port(invoke_port, 120)
        with tempfile.TemporaryDirectory() as tmp:
            invoke = Invoker(invoke_port, tmp)

            def check(name, ok):
                results.append(ok)
                print(f"{'ok  ' if ok else 'FAIL'} {name}")

            # The first invocation builds and cold-starts the function.
            status, body, first = invoke(event("GET", "/api/v1/health"))
            check("health", status == 200 and body == {"status": "ok"})
            status, body, warm = invoke(event("GET", "/api/v1/health"))
            print(f"     first invocation {first:.2f}s (includes the build), warm {warm:.2f}s")

            link_token, reveal_token = os.urandom(32), os.urandom(32)
            blob = b"\x01" + os.urandom(12 + 256 + 16)
            create = {"blob": b64(blob),
                      "link_verifier": b64(hashlib.sha256(link_token).digest()),
                      "reveal_verifier": b64(hashlib.sha256(reveal_token).digest()),
                      "ttl_secs": 600, "max_views": 1}
            status, created, _ = invoke(event("POST", "/api/v1/secrets", body=create))
            check("create", status == 201 and len(created["id"]) == 22)
            path = f"/api/v1/secrets/{created['id']}"
            status, meta, _ = invoke(event("GET", path, bearer=b64(link_token)))
            check("meta", status == 200 and meta["views_left"] == 1 and meta["kdf"] is None)
            status, body, _ = invoke(event("POST", path + "/reveal", bearer=b64(link_token),
                                           body={"reveal_token": b64(os.urandom(32))}))
            check("wrong reveal token: 403", status == 403 and body["attempts_left"] == 4)
            status, revealed, _ = invoke(event("POST", path + "/reveal", bearer=b64(link_token),
                                               body={"reveal_token": b64(reveal_token)}))
            check("reveal returns the very blob", status == 200 and revealed["blob"] == b64(blob))
            status, body, _ = invoke(event("POST", path + "/reveal", bearer=b64(link_token),
                                           body={"reveal_token": b64(reveal_token)}))
            check("second reveal: 404", status == 404 and body["error"] == "not_found")
            status, receipt, _ = invoke(event("GET", path + "/receipt",
                                              bearer=created["manage_token"]))
            check("receipt: revealed", status == 200 and receipt["state"] == "revealed")
            status, body, _ = invoke(event("POST", "/api/v1/secrets", body={"blob": "AQ=="}))
            check("bad request: 400", status == 400 and body["error"] == "invalid_request")
            item = ddb.get_item(TableName="sdo-smoke", Key={"id": {"S": created["id"]}})["Item"]
            check("tombstone holds no payload", "sealed" not in item and "wrapped_key" not in item)
    finally:
        if watch:
            os.killpg(watch.pid, 15)
            watch.wait()
        moto.terminate()
        moto.wait()
    passed = sum(results)
    print(f"lambda: {passed} passed, {len(results) - passed} failed")
    sys.exit(0 if results and all(results) else 1)


if __name__ == "__main__":
    main()
