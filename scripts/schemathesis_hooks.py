"""Schemathesis hooks for scripts/schemathesis.sh.

Without them every operation on /secrets/{id} answers 401 or 404: the
generated bearer tokens and ids never name a real secret, so the 200, 204
and 403 answers (and their schemas) would go unchecked. Here each such case
gets a secret made for it and the token its operation wants; a share of the
cases keep their generated id, token or reveal token, so the 404 and 403
paths stay covered too.

Blobs and tokens only have the right shapes (the server never decrypts a
blob; the crypto is covered by the Rust suites). Choices are derived from
the generated case, not from a random source, so a failing case replays.
"""
import base64
import hashlib
import os

import requests
import schemathesis

BASE = os.environ["SDO_ST_BASE"]
# The smallest sealed length (blob::MIN_LEN): version byte, nonce, one pad
# block, tag.
BLOB = bytes([1]) + bytes(12 + 256 + 16)


def b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def choice(case, salt: str) -> int:
    """A number in 0..99 fixed by what was generated for this case."""
    seed = repr((case.method, case.path, case.path_parameters, case.body, salt))
    return hashlib.sha256(seed.encode()).digest()[0] * 100 // 256


@schemathesis.auth(refresh_interval=None).apply_to(path_regex=r"\{id\}")
class FreshSecret:
    def get(self, case, ctx):
        link_token, reveal_token = os.urandom(32), os.urandom(32)
        body = {
            "blob": b64(BLOB),
            "link_verifier": b64(hashlib.sha256(link_token).digest()),
            "reveal_verifier": b64(hashlib.sha256(reveal_token).digest()),
            "ttl_secs": 600,
            "max_views": 1 + choice(case, "views") % 3,
        }
        if choice(case, "kdf") < 50:
            body["kdf"] = {"alg": "argon2id", "salt": b64(os.urandom(16)),
                           "m_kib": 19456, "t": 1, "p": 1}
        reply = requests.post(f"{BASE}/api/v1/secrets", json=body, timeout=30)
        reply.raise_for_status()
        created = reply.json()
        return {"id": created["id"], "link": b64(link_token),
                "reveal": b64(reveal_token), "manage": created["manage_token"]}

    def set(self, case, secret, ctx):
        # A case generated to violate the schema must reach the server as
        # generated; only its token is made real.
        positive = case.meta is None or case.meta.generation.mode != schemathesis.GenerationMode.NEGATIVE
        if positive and choice(case, "id") < 85:
            case.path_parameters = {**case.path_parameters, "id": secret["id"]}
        receipt = case.path.endswith("/receipt")
        manage = receipt or (case.method.upper() == "DELETE" and choice(case, "token") < 50)
        if choice(case, "auth") < 90:
            token = secret["manage" if manage else "link"]
            case.headers["Authorization"] = f"Bearer {token}"
        if (positive and case.path.endswith("/reveal") and isinstance(case.body, dict)
                and choice(case, "reveal") < 60):
            case.body = {**case.body, "reveal_token": secret["reveal"]}
