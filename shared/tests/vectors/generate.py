#!/usr/bin/env python3
"""An independent implementation of the sdo/v1 client side, in Python with
the `cryptography` package, that writes the protocol's test vectors: v1.json
here, and requests.json (secret requests, HPKE with `pyhpke`) from
request_vectors.py. requirements.txt has both packages.

The Rust crate is checked against the files this writes (shared/tests/vectors.rs,
shared/tests/request_vectors.rs), so the vectors are not the Rust code
agreeing with itself. Run with --check to verify that both files are exactly
what this script produces.
"""
import base64
import hashlib
import json
import struct
import sys
import unicodedata
from pathlib import Path

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

OUT = Path(__file__).with_name("v1.json")


def b64(b: bytes) -> str:
    return base64.urlsafe_b64encode(b).rstrip(b"=").decode()


def hkdf(salt: bytes, ikm: bytes, info: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=info).derive(ikm)


def pass_key(passphrase: str, kdf: dict) -> bytes:
    pw = unicodedata.normalize("NFC", passphrase).encode()
    return Argon2id(salt=kdf["salt"], length=32, iterations=kdf["t"], lanes=kdf["p"],
                    memory_cost=kdf["m_kib"]).derive(pw)


def payload(kind: int, name: bytes, mime: bytes, data: bytes) -> bytes:
    return (bytes([kind]) + struct.pack(">H", len(name)) + name
            + struct.pack(">H", len(mime)) + mime + struct.pack(">I", len(data)) + data)


def pad(p: bytes) -> bytes:
    n = max(256, -(-len(p) // 256) * 256)
    return p + bytes(n - len(p))


def seal(content_key: bytes, nonce: bytes, padded: bytes) -> bytes:
    return b"\x01" + nonce + AESGCM(content_key).encrypt(nonce, padded, b"sdo/v1 blob")


def keys(link_key: bytes, passphrase, kdf):
    pk = pass_key(passphrase, kdf) if kdf else None
    ikm = link_key + (pk or b"")
    return pk, hkdf(b"sdo/v1/secret", ikm, b"content key"), hkdf(b"sdo/v1/secret", ikm, b"reveal token")


def kdf_json(kdf):
    if not kdf:
        return None
    return {"alg": "argon2id", "salt": b64(kdf["salt"]), "m_kib": kdf["m_kib"], "t": kdf["t"], "p": kdf["p"]}


FAST_KDF = {"salt": bytes(range(16)), "m_kib": 19456, "t": 2, "p": 1}
VALID = [
    ("text_no_passphrase", bytes([0x11] * 32), None, None, (0, b"", b"", b"correct horse battery staple")),
    ("text_passphrase", bytes(range(32)), "open sesame", FAST_KDF, (0, b"", b"", b"AKIA...EXAMPLE")),
    # The passphrase is decomposed (e + U+0301); NFC makes it "café".
    ("text_passphrase_nfd", bytes(range(32)), "cafe\u0301 au lait", FAST_KDF, (0, b"", b"", "naïve ✓".encode())),
    ("file_exact_block", bytes([0xA5] * 32), None, None,
     (1, "créds.env".encode(), b"text/plain", b"A" * (256 - 9 - len("créds.env".encode()) - 10))),
    ("file_two_blocks", bytes([0x5A] * 32), None, None, (1, b"key.bin", b"application/octet-stream", bytes(range(256)))),
    ("text_empty", bytes([0x00] * 32), None, None, (0, b"", b"", b"")),
]

# Blobs that a decoder must refuse, each with the error it must report.
# Those with malformed plaintext are sealed properly so that only the strict
# payload decoder can catch them.
FAIL_KEY = bytes([0x77] * 32)


def fail_cases():
    _, ck, _ = keys(FAIL_KEY, None, None)
    nonce = bytes([0x42] * 12)
    good = seal(ck, nonce, pad(payload(0, b"", b"", b"hi")))
    flipped = bytearray(good)
    flipped[40] ^= 0x01
    dirty = bytearray(pad(payload(0, b"", b"", b"hi")))
    dirty[255] = 1
    cases = [
        ("fail_empty", b"", "empty"),
        ("fail_unknown_version", b"\x02" + good[1:], "unknown_version"),
        ("fail_truncated", good[:-1], "bad_length"),
        ("fail_short", good[:28], "bad_length"),
        ("fail_flipped_bit", bytes(flipped), "decrypt"),
        ("fail_wrong_aad", b"\x01" + nonce + AESGCM(ck).encrypt(nonce, pad(payload(0, b"", b"", b"hi")), b"sdo/v1 record"), "decrypt"),
        ("fail_unknown_kind", seal(ck, nonce, pad(payload(2, b"", b"", b"hi"))), "unknown_kind"),
        ("fail_data_overrun", seal(ck, nonce, pad(payload(0, b"", b"", b"hi")[:5] + struct.pack(">I", 5000) + b"hi")), "overrun"),
        ("fail_name_overrun", seal(ck, nonce, pad(b"\x01" + struct.pack(">H", 4000) + b"x")), "overrun"),
        ("fail_nonzero_padding", seal(ck, nonce, bytes(dirty)), "non_zero_padding"),
        ("fail_excess_padding", seal(ck, nonce, pad(payload(0, b"", b"", b"hi")) + bytes(256)), "excess_padding"),
        ("fail_name_not_utf8", seal(ck, nonce, pad(payload(1, b"\xff\xfe", b"text/plain", b"hi"))), "invalid_utf8"),
        ("fail_mime_not_utf8", seal(ck, nonce, pad(payload(1, b"a.txt", b"\xc3", b"hi"))), "invalid_utf8"),
        ("fail_text_with_name", seal(ck, nonce, pad(payload(0, b"a.txt", b"", b"hi"))), "text_with_metadata"),
        ("fail_text_not_utf8", seal(ck, nonce, pad(payload(0, b"", b"", b"hi \xff"))), "text_not_utf8"),
    ]
    return [{"name": n, "link_key": b64(FAIL_KEY), "blob": b64(b), "error": e} for n, b, e in cases]


def build():
    valid = []
    for i, (name, link_key, passphrase, kdf, (kind, fname, mime, data)) in enumerate(VALID):
        nonce = bytes([i + 1] * 12)
        link_token = hkdf(b"sdo/v1/link", link_key, b"link token")
        pk, ck, rt = keys(link_key, passphrase, kdf)
        padded = pad(payload(kind, fname, mime, data))
        valid.append({
            "name": name,
            "link_key": b64(link_key),
            "passphrase": passphrase,
            "kdf": kdf_json(kdf),
            "payload": {"kind": "text" if kind == 0 else "file", "name": fname.decode(),
                        "mime": mime.decode(), "data": b64(data)},
            "nonce": b64(nonce),
            "link_token": b64(link_token),
            "link_verifier": b64(hashlib.sha256(link_token).digest()),
            "pass_key": b64(pk) if pk else None,
            "content_key": b64(ck),
            "reveal_token": b64(rt),
            "reveal_verifier": b64(hashlib.sha256(rt).digest()),
            "padded_len": len(padded),
            "blob": b64(seal(ck, nonce, padded)),
        })
    return {"protocol": "sdo/v1", "generator": "shared/tests/vectors/generate.py",
            "valid": valid, "fail": fail_cases()}


def main():
    # Imported here: it builds on this module's helpers. No bytecode next
    # to the vectors.
    sys.dont_write_bytecode = True
    import request_vectors

    for out, make in [(OUT, build), (OUT.with_name("requests.json"), request_vectors.build)]:
        text = json.dumps(make(), indent=2, ensure_ascii=False) + "\n"
        if "--check" in sys.argv:
            if not out.exists() or out.read_text() != text:
                sys.exit(f"{out} differs from what generate.py produces")
            print(f"{out.name}: matches the independent Python implementation")
        else:
            out.write_text(text)


if __name__ == "__main__":
    main()
