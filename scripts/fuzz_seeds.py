#!/usr/bin/env python3
"""Writes the fuzz targets' seed corpora from the protocol's test vectors
(shared/tests/vectors/v1.json, and requests.json for request and inbox
links) into fuzz/corpus/<target>/, and copies the
committed inputs from fuzz/seeds/<target>/ (crashes found and fixed, and
inputs that reach deep paths the fuzzer takes long to find).

Seeds are generated here rather than committed: they follow the vectors when
those change. Usage: scripts/fuzz_seeds.py [CORPUS_DIR]
"""
import base64
import hashlib
import json
import shutil
import struct
import sys
from pathlib import Path

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

ROOT = Path(__file__).resolve().parent.parent
VECTORS = json.loads((ROOT / "shared/tests/vectors/v1.json").read_text())
REQUEST_VECTORS = json.loads((ROOT / "shared/tests/vectors/requests.json").read_text())

# Must match fuzz/fuzz_targets/blob.rs: the content key of the fail_* vectors.
FAIL_LINK_KEY = bytes([0x77] * 32)
# Must match fuzz/fuzz_targets/seal.rs.
SEAL_KEY = bytes([0x07] * 32)
SEAL_ID = bytes([0x09] * 16)
SEAL_NONCE = bytes([0x03] * 12)


def b64(b: bytes) -> str:
    return base64.urlsafe_b64encode(b).rstrip(b"=").decode()


def unb64(s: str) -> bytes:
    return base64.urlsafe_b64decode(s + "=" * (-len(s) % 4))


def content_key(link_key: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=b"sdo/v1/secret",
                info=b"content key").derive(link_key)


def padded_payload(p: dict) -> bytes:
    kind = 0 if p["kind"] == "text" else 1
    name, mime, data = p["name"].encode(), p["mime"].encode(), unb64(p["data"])
    raw = (bytes([kind]) + struct.pack(">H", len(name)) + name
           + struct.pack(">H", len(mime)) + mime + struct.pack(">I", len(data)) + data)
    return raw + bytes(max(256, -(-len(raw) // 256) * 256) - len(raw))


def seeds():
    fail_key = content_key(FAIL_LINK_KEY)
    fail_gcm = AESGCM(fail_key)
    out = {"link": {}, "payload": {}, "blob": {}, "seal": {}, "api": {}, "requests": {}}

    for v in VECTORS["valid"]:
        name = v["name"]
        padded = padded_payload(v["payload"])
        nonce = unb64(v["nonce"])
        out["payload"][name] = padded
        # Under the target's key, so that these open.
        out["blob"][name] = b"\x01" + nonce + fail_gcm.encrypt(nonce, padded, b"sdo/v1 blob")
        out["blob"][name + "_plaintext"] = padded
        out["blob"][name + "_other_key"] = unb64(v["blob"])

        secret_id = b64(hashlib.sha256(name.encode()).digest()[:16])
        out["link"][name + "_share"] = f"https://sdo.example/#/s/{secret_id}/{v['link_key']}".encode()
        out["link"][name + "_receipt"] = (
            f"http://127.0.0.1:8080/app/#/r/{secret_id}/{v['reveal_token']}".encode())
        out["link"][name + "_loose"] = f"  https://sdo.example//#/s/{secret_id}/{v['link_key']}\n".encode()
        out["link"][name + "_fragment"] = f"#/s/{secret_id}/{v['link_key']}".encode()

    # Secret requests' links (inbox and request), as the vectors write them
    # and as they arrive pasted.
    for v in REQUEST_VECTORS["valid"]:
        name = "request_" + v["name"]
        out["link"][name + "_inbox"] = v["inbox_link"].encode()
        out["link"][name + "_request"] = v["request_link"].encode()
        out["link"][name + "_loose"] = f"  {v['request_link']}\n".encode()
        out["link"][name + "_fragment"] = f"#/i/{v['rid']}/{v['request_key']}".encode()

    for v in VECTORS["fail"]:
        name = v["name"]
        blob = unb64(v["blob"])
        out["blob"][name] = blob
        try:
            out["payload"][name] = fail_gcm.decrypt(blob[1:13], blob[13:], b"sdo/v1 blob")
        except Exception:
            pass  # fails before decryption, or on purpose at it

    # Call sequences for fuzz/fuzz_targets/requests.rs, four bytes a call:
    # [kind, slot, x, y]. Kinds: 0 create (x: note, y: minutes), 1 meta,
    # 2 fill (y: body), 3 collect, 4 cancel (x: token), 5 wait (x, y: secs).
    # Tokens: 0 fill, 1 inbox, 2 another slot's fill, 3 random, 4 none.
    def calls(*ops):
        return b"".join(bytes(op) for op in ops)

    out["requests"] = {
        "round_trip": calls((0, 0, 2, 10), (1, 0, 0, 0), (2, 0, 0, 0), (2, 0, 0, 4),
                            (3, 0, 1, 0), (3, 0, 1, 0), (1, 0, 1, 0), (1, 0, 0, 0), (4, 0, 1, 0)),
        "cancelled": calls((0, 1, 0, 1), (4, 1, 1, 0), (2, 1, 0, 0), (1, 1, 0, 0), (3, 1, 1, 0)),
        "expired": calls((0, 2, 2, 1), (2, 2, 0, 0), (5, 0, 61, 0), (1, 2, 0, 0), (3, 2, 1, 0),
                         (4, 2, 1, 0), (1, 2, 1, 0)),
        "wrong_tokens": calls((0, 0, 2, 10), (0, 1, 0, 10), (1, 0, 2 + 6, 0), (2, 0, 2 + 6, 0),
                              (3, 0, 0, 0), (4, 0, 0, 0), (1, 0, 3, 0), (1, 0, 4, 0), (2, 0, 5, 0)),
        "odd_bodies": calls((0, 3, 3, 5), (2, 3, 0, 3), (2, 3, 0, 7), (2, 3, 0, 11), (2, 3, 0, 1),
                            (3, 3, 1, 0), (0, 3, 1, 0), (0, 3, 1, 255), (2, 3, 0, 2), (3, 3, 1, 0)),
    }

    original = unb64(VECTORS["valid"][0]["blob"])
    aad = b"sdo/v1 record" + b64(SEAL_ID).encode()
    sealed = SEAL_NONCE + AESGCM(SEAL_KEY).encrypt(SEAL_NONCE, original, aad)
    out["seal"]["original"] = sealed
    out["seal"]["truncated"] = sealed[:-1]
    out["seal"]["flipped"] = sealed[:40] + bytes([sealed[40] ^ 1]) + sealed[41:]
    out["seal"]["blob"] = original
    return out


def main():
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "fuzz/corpus"
    committed = ROOT / "fuzz/seeds"
    for target, files in seeds().items():
        d = corpus / target
        d.mkdir(parents=True, exist_ok=True)
        for name, data in files.items():
            (d / f"seed_{name}").write_bytes(data)
        if (committed / target).is_dir():
            for f in (committed / target).iterdir():
                shutil.copy(f, d / f"committed_{f.name}")
    print(f"seeds written to {corpus}")


if __name__ == "__main__":
    main()
