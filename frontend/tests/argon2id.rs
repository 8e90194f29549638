//! The browser's own Argon2id (`sdo_shared::argon2id`, wasm SIMD) gives
//! RFC 9106's tag, and the `argon2` crate's bytes for every shape of memory:
//! lane counts, lengths that are not a multiple of 4p, segments longer than
//! one block of addresses, one pass or several.
// sdo_shared::argon2id exists only where wasm SIMD is enabled, as
// .cargo/config.toml does for this target.
#![cfg(target_feature = "simd128")]

use argon2::{Algorithm, Argon2, AssociatedData, ParamsBuilder, Version};
use sdo_shared::argon2id::{self, Error};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

fn with_crate(
    password: &[u8],
    salt: &[u8],
    secret: &[u8],
    ad: &[u8],
    m: u32,
    t: u32,
    p: u32,
) -> [u8; 32] {
    let params = ParamsBuilder::new()
        .m_cost(m)
        .t_cost(t)
        .p_cost(p)
        .output_len(32)
        .data(AssociatedData::new(ad).unwrap())
        .build()
        .unwrap();
    let argon = if secret.is_empty() {
        Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
    } else {
        Argon2::new_with_secret(secret, Algorithm::Argon2id, Version::V0x13, params).unwrap()
    };
    let mut out = [0u8; 32];
    argon.hash_password_into(password, salt, &mut out).unwrap();
    out
}

#[wasm_bindgen_test]
fn rfc_9106_argon2id_vector() {
    // RFC 9106 section 5.3: m = 32 KiB, t = 3, p = 4, with a secret and
    // associated data.
    let tag = argon2id::hash(&[1; 32], &[2; 16], &[3; 8], &[4; 12], 32, 3, 4).unwrap();
    assert_eq!(
        tag,
        [
            0x0d, 0x64, 0x0d, 0xf5, 0x8d, 0x78, 0x76, 0x6c, 0x08, 0xc0, 0x37, 0xa3, 0x4a, 0x8b,
            0x53, 0xc9, 0xd0, 0x1e, 0xf0, 0x45, 0x2d, 0x75, 0xb6, 0x5e, 0xb5, 0x25, 0x20, 0xe9,
            0x6b, 0x01, 0xe6, 0x59,
        ]
    );
}

#[wasm_bindgen_test]
fn agrees_with_the_argon2_crate() {
    let mut cases = 0;
    for p in 1..=4u32 {
        for m in [8 * p, 8 * p + 3, 37, 64, 100, 257, 1000, 2051] {
            if m < 8 * p {
                continue;
            }
            for t in [1, 2, 3] {
                let password = format!("pass {m} {t} {p}");
                let salt = [m as u8, t as u8, p as u8, 9, 9, 9, 9, 9];
                assert_eq!(
                    argon2id::hash(password.as_bytes(), &salt, &[], &[], m, t, p).unwrap(),
                    with_crate(password.as_bytes(), &salt, &[], &[], m, t, p),
                    "m={m} t={t} p={p}"
                );
                cases += 1;
            }
        }
    }
    assert_eq!(cases, 96);
    // The secret and the associated data reach H0, empty or not.
    for (secret, ad) in [(&b"k"[..], &b""[..]), (b"", b"ad"), (b"key", b"data")] {
        assert_eq!(
            argon2id::hash(b"pw", b"saltsalt", secret, ad, 64, 2, 2).unwrap(),
            with_crate(b"pw", b"saltsalt", secret, ad, 64, 2, 2)
        );
    }
}

#[wasm_bindgen_test]
fn agrees_with_the_argon2_crate_at_the_protocols_floor() {
    // The smallest cost the protocol accepts: 1216-block segments, so ten
    // blocks of data-independent addresses per segment.
    let (m, t) = (sdo_shared::kdf::M_KIB_MIN, 1);
    assert_eq!(
        argon2id::hash(b"correct horse", &[7; 16], &[], &[], m, t, 1).unwrap(),
        with_crate(b"correct horse", &[7; 16], &[], &[], m, t, 1)
    );
}

#[wasm_bindgen_test]
fn rejects_impossible_costs() {
    assert_eq!(
        argon2id::hash(b"pw", &[0; 16], &[], &[], 8, 1, 0),
        Err(Error::Params)
    );
    assert_eq!(
        argon2id::hash(b"pw", &[0; 16], &[], &[], 8, 0, 1),
        Err(Error::Params)
    );
    assert_eq!(
        argon2id::hash(b"pw", &[0; 16], &[], &[], 15, 1, 2),
        Err(Error::Params)
    );
    assert!(argon2id::hash(b"pw", &[0; 16], &[], &[], 16, 1, 2).is_ok());
}
