"""An independent implementation of sdo/v1 requests (docs/PROTOCOL.md §8),
in Python with `pyhpke` (RFC 9180) on `cryptography`, that builds
requests.json. generate.py writes (or --check's) it with v1.json.

HPKE seals with a fixed ephemeral key, DeriveKeyPair(ikm_e), as RFC 9180's
own test vectors do, so every byte is reproducible; the Rust crate seals the
same bytes from the same ikm_e (shared/tests/request_vectors.rs).
"""
import hashlib

from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from pyhpke import AEADId, CipherSuite, KDFId, KEMId

from generate import b64, hkdf, pad, payload

SUITE = CipherSuite.new(KEMId.DHKEM_X25519_HKDF_SHA256, KDFId.HKDF_SHA256, AEADId.AES256_GCM)
ORIGIN = "https://sdo.example"


def rfc9180_self_check():
    """RFC 9180 A.1.1 (the same KEM and KDF, with AES-128-GCM), sequence 0:
    refuses to write vectors with an HPKE that disagrees with the RFC."""
    h = bytes.fromhex
    suite = CipherSuite.new(KEMId.DHKEM_X25519_HKDF_SHA256, KDFId.HKDF_SHA256, AEADId.AES128_GCM)
    eph = suite.kem.derive_key_pair(h("7268600d403fce431561aef583ee1613527cff655c1343f29812e66706df3234"))
    rcp = suite.kem.derive_key_pair(h("6db9df30aa07dd42ee5e8181afdb977e538f5e1fec8a06223f33f7013e525037"))
    enc, ctx = suite.create_sender_context(rcp.public_key, h("4f6465206f6e2061204772656369616e2055726e"), eks=eph)
    assert enc == h("37fda3567bdbd628e88668c3c8d7e97d1d1253b6d4ea6d44c150f741f1bf4431")
    ct = ctx.seal(h("4265617574792069732074727574682c20747275746820626561757479"), h("436f756e742d30"))
    assert ct == h("f938558b5d72f1a23810b4be2ab4f84331acc02fc97babc53a52ae8218a355a9"
                   "6d8770ac83d07bea87e13c512a")


def keys(request_key: bytes):
    kp = SUITE.kem.derive_key_pair(hkdf(b"sdo/v1/request", request_key, b"hpke key pair"))
    pk = kp.public_key.to_public_bytes()
    return {
        "pair": kp,
        "public_key": pk,
        "inbox_token": hkdf(b"sdo/v1/request", request_key, b"inbox token"),
        "fill_token": hkdf(b"sdo/v1/request/public", pk, b"fill token"),
        "note_key": hkdf(b"sdo/v1/request/public", pk, b"note key"),
    }


def info(rid: bytes) -> bytes:
    return b"sdo/v1 request info" + b64(rid).encode()


def aad(rid: bytes) -> bytes:
    return b"sdo/v1 request fill" + b64(rid).encode()


def seal_fill(pk: bytes, padded: bytes, ikm_e: bytes, info_bytes: bytes, aad_bytes: bytes, suite=SUITE) -> bytes:
    eks = suite.kem.derive_key_pair(ikm_e)
    enc, ctx = suite.create_sender_context(suite.kem.deserialize_public_key(pk), info_bytes, eks=eks)
    return b"\x01" + enc + ctx.seal(padded, aad_bytes)


def open_fill(kp, rid: bytes, fill: bytes) -> bytes:
    ctx = SUITE.create_recipient_context(fill[1:33], kp.private_key, info(rid))
    return ctx.open(fill[33:], aad(rid))


def seal_note(note_key: bytes, nonce: bytes, padded: bytes, note_aad=b"sdo/v1 request note") -> bytes:
    return b"\x01" + nonce + AESGCM(note_key).encrypt(nonce, padded, note_aad)


def text(t: str):
    return (0, b"", b"", t.encode())


VALID = [
    ("text_with_note", bytes([0x11] * 32), bytes(range(16)), "the staging DB password, please",
     text("hunter2")),
    ("file_no_note", bytes([0xA5] * 32), bytes([0xFE] * 16), None,
     (1, b"id_ed25519", b"application/octet-stream", bytes(range(256)))),
    ("empty_text_unicode_note", bytes(range(32)), bytes([0x00] * 16), "naïve ✓ — « merci »", text("")),
    ("file_exact_block_long_note", bytes([0x5A] * 32), bytes([0x42] * 16), "é" * 507 + "a",
     (1, "créds.env".encode(), b"text/plain", b"A" * (256 - 9 - len("créds.env".encode()) - 10))),
]


def valid_cases():
    out = []
    for i, (name, request_key, rid, note, (kind, fname, mime, data)) in enumerate(VALID):
        k = keys(request_key)
        ikm_e = bytes([0x31 + i] * 32)
        padded = pad(payload(kind, fname, mime, data))
        fill = seal_fill(k["public_key"], padded, ikm_e, info(rid), aad(rid))
        assert open_fill(k["pair"], rid, fill) == padded
        note_nonce = bytes([0x21 + i] * 12)
        note_blob = seal_note(k["note_key"], note_nonce, pad(payload(0, b"", b"", note.encode()))) if note else None
        rid_text, pk_text = b64(rid), b64(k["public_key"])
        out.append({
            "name": name,
            "request_key": b64(request_key),
            "rid": rid_text,
            "public_key": pk_text,
            "inbox_token": b64(k["inbox_token"]),
            "inbox_verifier": b64(hashlib.sha256(k["inbox_token"]).digest()),
            "fill_token": b64(k["fill_token"]),
            "fill_verifier": b64(hashlib.sha256(k["fill_token"]).digest()),
            "note_key": b64(k["note_key"]),
            "note": note,
            "note_nonce": b64(note_nonce) if note else None,
            "note_blob": b64(note_blob) if note else None,
            "payload": {"kind": "text" if kind == 0 else "file", "name": fname.decode(),
                        "mime": mime.decode(), "data": b64(data)},
            "padded_len": len(padded),
            "info": b64(info(rid)),
            "aad": b64(aad(rid)),
            "ikm_e": b64(ikm_e),
            "enc": b64(fill[1:33]),
            "fill": b64(fill),
            "inbox_link": f"{ORIGIN}/#/i/{rid_text}/{b64(request_key)}",
            "request_link": f"{ORIGIN}/#/q/{rid_text}/{pk_text}",
        })
    return out


FAIL_KEY = bytes([0x77] * 32)
FAIL_RID = bytes([0x66] * 16)
OTHER_RID = bytes([0x67] * 16)


def fail_cases():
    """Fills the requester must refuse, each with its error. The malformed
    plaintexts are sealed properly, so only the payload decoder catches them."""
    pk = keys(FAIL_KEY)["public_key"]
    ikm_e = bytes([0x55] * 32)
    hi = pad(payload(0, b"", b"", b"hi"))

    def sealed(padded=hi, info_b=info(FAIL_RID), aad_b=aad(FAIL_RID), suite=SUITE):
        return seal_fill(pk, padded, ikm_e, info_b, aad_b, suite)

    good = sealed()

    def flip(i):
        b = bytearray(good)
        b[i] ^= 0x01
        return bytes(b)

    dirty = bytearray(hi)
    dirty[255] = 1
    chacha = CipherSuite.new(KEMId.DHKEM_X25519_HKDF_SHA256, KDFId.HKDF_SHA256, AEADId.CHACHA20_POLY1305)
    cases = [
        ("fail_empty", FAIL_KEY, FAIL_RID, b"", "empty"),
        ("fail_unknown_version", FAIL_KEY, FAIL_RID, b"\x02" + good[1:], "unknown_version"),
        ("fail_truncated", FAIL_KEY, FAIL_RID, good[:-1], "bad_length"),
        ("fail_enc_only", FAIL_KEY, FAIL_RID, good[:33], "bad_length"),
        ("fail_wrong_rid", FAIL_KEY, OTHER_RID, good, "decrypt"),
        ("fail_wrong_rid_in_aad", FAIL_KEY, FAIL_RID, sealed(aad_b=aad(OTHER_RID)), "decrypt"),
        ("fail_wrong_rid_in_info", FAIL_KEY, FAIL_RID, sealed(info_b=info(OTHER_RID)), "decrypt"),
        ("fail_no_label", FAIL_KEY, FAIL_RID, sealed(info_b=b64(FAIL_RID).encode(), aad_b=b64(FAIL_RID).encode()),
         "decrypt"),
        ("fail_wrong_key", bytes([0x78] * 32), FAIL_RID, good, "decrypt"),
        ("fail_tampered_enc", FAIL_KEY, FAIL_RID, flip(5), "decrypt"),
        ("fail_zero_enc", FAIL_KEY, FAIL_RID, b"\x01" + bytes(32) + good[33:], "decrypt"),
        ("fail_tampered_ciphertext", FAIL_KEY, FAIL_RID, flip(100), "decrypt"),
        ("fail_tampered_tag", FAIL_KEY, FAIL_RID, flip(len(good) - 1), "decrypt"),
        ("fail_chacha20poly1305", FAIL_KEY, FAIL_RID, sealed(suite=chacha), "decrypt"),
        ("fail_unknown_kind", FAIL_KEY, FAIL_RID, sealed(pad(payload(2, b"", b"", b"hi"))), "unknown_kind"),
        ("fail_nonzero_padding", FAIL_KEY, FAIL_RID, sealed(bytes(dirty)), "non_zero_padding"),
        ("fail_excess_padding", FAIL_KEY, FAIL_RID, sealed(hi + bytes(256)), "excess_padding"),
        ("fail_text_not_utf8", FAIL_KEY, FAIL_RID, sealed(pad(payload(0, b"", b"", b"\xff"))), "text_not_utf8"),
    ]
    return [{"name": n, "request_key": b64(k), "rid": b64(r), "fill": b64(f), "error": e}
            for n, k, r, f, e in cases]


def note_fail_cases():
    """Notes a responder must refuse, opened with FAIL_KEY's public key."""
    nk = keys(FAIL_KEY)["note_key"]
    nonce = bytes([0x44] * 12)
    hi = pad(payload(0, b"", b"", b"hi"))
    cases = [
        ("fail_note_wrong_key", seal_note(keys(bytes([0x78] * 32))["note_key"], nonce, hi), "decrypt"),
        ("fail_note_secret_aad", seal_note(nk, nonce, hi, b"sdo/v1 blob"), "decrypt"),
        ("fail_note_is_a_file", seal_note(nk, nonce, pad(payload(1, b"a", b"b/c", b"hi"))), "note_not_text"),
        ("fail_note_too_long", seal_note(nk, nonce, pad(payload(0, b"", b"", b"a" * 1016))), "note_too_long"),
        ("fail_note_unknown_version", b"\x02" + seal_note(nk, nonce, hi)[1:], "unknown_version"),
    ]
    pk = b64(keys(FAIL_KEY)["public_key"])
    return [{"name": n, "public_key": pk, "note": b64(b), "error": e} for n, b, e in cases]


def build():
    rfc9180_self_check()
    return {"protocol": "sdo/v1 requests", "generator": "shared/tests/vectors/generate.py",
            "suite": {"kem_id": 0x20, "kdf_id": 0x01, "aead_id": 0x02},
            "valid": valid_cases(), "fail": fail_cases(), "note_fail": note_fail_cases()}
