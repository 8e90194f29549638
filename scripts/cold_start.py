#!/usr/bin/env python3
"""Cold start of the release sdo-server with DynamoDB + KMS (on moto_server):
from process spawn to the first answered request, and to the first create
(which makes the SDK's first KMS and DynamoDB calls). On Lambda the same
start-up runs once per cold start. Prints a Markdown table (docs/BENCHMARKS.md).

Usage: python3 scripts/cold_start.py [RUNS]   (builds target/release/sdo-server)
"""
import base64
import hashlib
import json
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.request

import boto3

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, "target", "release", "sdo-server")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def b64(b):
    return base64.urlsafe_b64encode(b).rstrip(b"=").decode()


def until_answer(url, data=None, timeout=30):
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        try:
            req = urllib.request.Request(url, data=data, headers={"content-type": "application/json"})
            with urllib.request.urlopen(req, timeout=5) as r:
                return r.status
        except OSError:
            time.sleep(0.002)
    sys.exit(f"no answer from {url}")


def main():
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    subprocess.run(["cargo", "build", "--release", "--locked", "-p", "sdo-backend", "--bin", "sdo-server"],
                   cwd=ROOT, check=True)
    moto_port = free_port()
    moto = subprocess.Popen([sys.executable, os.path.join(ROOT, "scripts", "moto_server.py"), str(moto_port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        endpoint = f"http://127.0.0.1:{moto_port}"
        time.sleep(1)
        aws = dict(endpoint_url=endpoint, region_name="us-east-1",
                   aws_access_key_id="testing", aws_secret_access_key="testing")
        for _ in range(300):
            try:
                key_id = boto3.client("kms", **aws).create_key()["KeyMetadata"]["KeyId"]
                break
            except Exception:
                time.sleep(0.2)
        ddb = boto3.client("dynamodb", **aws)
        ddb.create_table(TableName="cold", BillingMode="PAY_PER_REQUEST",
                         AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}],
                         KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}])
        env = dict(os.environ, AWS_ENDPOINT_URL=endpoint, AWS_REGION="us-east-1",
                   AWS_ACCESS_KEY_ID="testing", AWS_SECRET_ACCESS_KEY="testing",
                   SDO_STORE="dynamodb", SDO_TABLE="cold", SDO_KMS_KEY_ID=key_id, SDO_LOG="warn")
        body = json.dumps({"blob": b64(b"\x01" + os.urandom(284)),
                           "link_verifier": b64(hashlib.sha256(b"l").digest()),
                           "reveal_verifier": b64(hashlib.sha256(b"r").digest())}).encode()
        first, create = [], []
        for _ in range(runs):
            port = free_port()
            started = time.perf_counter()
            server = subprocess.Popen([BIN, "--listen", f"127.0.0.1:{port}"], env=env,
                                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            try:
                until_answer(f"http://127.0.0.1:{port}/api/v1/health")
                first.append((time.perf_counter() - started) * 1000)
                assert until_answer(f"http://127.0.0.1:{port}/api/v1/secrets", data=body) == 201
                create.append((time.perf_counter() - started) * 1000)
            finally:
                server.terminate()
                server.wait()
    finally:
        moto.terminate()
        moto.wait()
    size = os.path.getsize(BIN) / 1024 / 1024
    print(f"| runs | spawn → first response (median ms) | spawn → first create done (median ms) | binary (MiB) |")
    print(f"| ---: | ---: | ---: | ---: |")
    print(f"| {runs} | {statistics.median(first):.0f} | {statistics.median(create):.0f} | {size:.1f} |")


if __name__ == "__main__":
    main()
