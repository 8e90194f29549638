use proptest::prelude::*;

use super::*;
use crate::request::public_key;

fn hex(text: &str) -> Vec<u8> {
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&text[i..i + 2], 16).unwrap())
        .collect()
}

fn rk() -> RequestKey {
    RequestKey::from_bytes([3; 32])
}

fn rid() -> RequestId {
    RequestId::from_bytes([9; 16])
}

/// RFC 9180, appendix A.1.1 (base mode, DHKEM(X25519, HKDF-SHA256),
/// HKDF-SHA256, AES-128-GCM), sequence number 0: proves that [`IkmE`] makes
/// hpke's ephemeral key exactly `DeriveKeyPair(ikmE)`, as in the RFC's own
/// vectors and in ours.
#[test]
fn ikm_e_reproduces_rfc_9180_a_1() {
    let ikm_e: [u8; 32] = hex("7268600d403fce431561aef583ee1613527cff655c1343f29812e66706df3234")
        .try_into()
        .unwrap();
    let ikm_r = hex("6db9df30aa07dd42ee5e8181afdb977e538f5e1fec8a06223f33f7013e525037");
    // The RFC prints skRm unclamped and hpke serializes it clamped; the
    // ciphertext below depends on pkRm, so it checks the key pair anyway.
    let (_, pk_r) = <Kem as hpke::Kem>::derive_keypair(&ikm_r);
    let mut rng = IkmE::new(&ikm_e);
    let (enc, ct) = hpke::single_shot_seal_with_rng::<hpke::aead::AesGcm128, Kdf, Kem>(
        &OpModeS::Base,
        &pk_r,
        &hex("4f6465206f6e2061204772656369616e2055726e"),
        &hex("4265617574792069732074727574682c20747275746820626561757479"),
        &hex("436f756e742d30"),
        &mut rng,
    )
    .unwrap();
    assert!(rng.used_exactly_once());
    assert_eq!(
        enc.to_bytes().as_slice(),
        hex("37fda3567bdbd628e88668c3c8d7e97d1d1253b6d4ea6d44c150f741f1bf4431")
    );
    assert_eq!(
        ct,
        hex(
            "f938558b5d72f1a23810b4be2ab4f84331acc02fc97babc53a52ae8218a355a9\
             6d8770ac83d07bea87e13c512a"
        )
    );
}

#[test]
fn round_trip_size_and_binding() {
    let pk = public_key(&rk());
    let p = Payload::text("the database password");
    let fill = seal(&pk, &rid(), &p).unwrap();
    assert_eq!(fill.len(), MIN_LEN);
    assert_eq!(fill[0], VERSION_V1);
    assert_eq!(open(&rk(), &rid(), &fill).unwrap(), p);
    // A fresh ephemeral key each time.
    assert_ne!(seal(&pk, &rid(), &p).unwrap(), fill);
    assert_eq!(
        open(&rk(), &RequestId::from_bytes([8; 16]), &fill),
        Err(RequestError::Decrypt)
    );
    assert_eq!(
        open(&RequestKey::from_bytes([4; 32]), &rid(), &fill),
        Err(RequestError::Decrypt)
    );
    let file = Payload::file("id_ed25519", "application/octet-stream", vec![1; 700]);
    let fill = seal(&pk, &rid(), &file).unwrap();
    assert_eq!(fill.len(), OVERHEAD + 3 * PAD_BLOCK);
    assert_eq!(open(&rk(), &rid(), &fill).unwrap(), file);
}

#[test]
fn info_and_aad_bytes() {
    let rid = rid();
    assert_eq!(info(&rid), b"sdo/v1 request infoCQkJCQkJCQkJCQkJCQkJCQ");
    assert_eq!(aad(&rid), b"sdo/v1 request fillCQkJCQkJCQkJCQkJCQkJCQ");
}

#[test]
fn ikm_e_is_deterministic() {
    let pk = public_key(&rk());
    let p = Payload::text("x");
    let a = seal_with_ikm_e(&pk, &rid(), &p, &[5; 32]).unwrap();
    assert_eq!(a, seal_with_ikm_e(&pk, &rid(), &p, &[5; 32]).unwrap());
    assert_ne!(a, seal_with_ikm_e(&pk, &rid(), &p, &[6; 32]).unwrap());
}

#[test]
fn low_order_public_keys_are_refused() {
    // 0 and 1 are points of small order: the DH result is all zeros.
    for bytes in [[0u8; 32], {
        let mut one = [0u8; 32];
        one[0] = 1;
        one
    }] {
        assert_eq!(
            seal(
                &RequestPublicKey::from_bytes(bytes),
                &rid(),
                &Payload::text("x")
            ),
            Err(RequestError::BadPublicKey)
        );
    }
}

#[test]
fn shape_errors_are_distinct() {
    let fill = seal(&public_key(&rk()), &rid(), &Payload::text("x")).unwrap();
    assert_eq!(open(&rk(), &rid(), &[]), Err(RequestError::Empty));
    let mut v2 = fill.clone();
    v2[0] = 2;
    assert_eq!(
        open(&rk(), &rid(), &v2),
        Err(RequestError::UnknownVersion(2))
    );
    let short = &fill[..fill.len() - 1];
    assert_eq!(
        open(&rk(), &rid(), short),
        Err(RequestError::BadLength(short.len()))
    );
    assert_eq!(
        open(&rk(), &rid(), &fill[..40]),
        Err(RequestError::BadLength(40))
    );
    assert_eq!(check_shape(&fill), Ok(()));
    let mut over = vec![VERSION_V1];
    over.resize(MAX_LEN + PAD_BLOCK, 0);
    assert_eq!(check_shape(&over), Err(RequestError::BadLength(over.len())));
    over.truncate(MAX_LEN);
    assert_eq!(check_shape(&over), Ok(()));
    let too_big = Payload::text("a".repeat(MAX_PADDED_LEN));
    assert!(matches!(
        seal(&public_key(&rk()), &rid(), &too_big),
        Err(RequestError::Payload(
            crate::payload::PayloadError::TooLarge { .. }
        ))
    ));
}

#[test]
fn a_flipped_bit_anywhere_is_caught() {
    let fill = seal(&public_key(&rk()), &rid(), &Payload::text("flip")).unwrap();
    // One bit per byte, a different one each time: every byte of enc, the
    // ciphertext and the tag is covered without thousands of X25519 runs.
    for i in 1..fill.len() {
        let mut bad = fill.clone();
        bad[i] ^= 1 << (i % 8);
        assert_eq!(
            open(&rk(), &rid(), &bad),
            Err(RequestError::Decrypt),
            "byte {i}"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn arbitrary_fills_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..700)) {
        let _ = open(&rk(), &rid(), &bytes);
        let _ = check_shape(&bytes);
    }

    #[test]
    fn well_shaped_garbage_does_not_open(body in proptest::collection::vec(any::<u8>(), MIN_LEN - 1)) {
        let mut fill = vec![VERSION_V1];
        fill.extend_from_slice(&body);
        prop_assert_eq!(open(&rk(), &rid(), &fill), Err(RequestError::Decrypt));
    }
}
