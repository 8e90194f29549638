//! The responder's envelope: the v1 padded payload, sealed with HPKE to the
//! request's public key.
//!
//! ```text
//! info = "sdo/v1 request info" || rid      (rid in its 22-character text form)
//! aad  = "sdo/v1 request fill" || rid
//! (enc, ct) = SealBase(pkR, info, aad, padded)   (RFC 9180 §6.1)
//! fill = 0x01 || enc (32) || ct (padded payload || 16-byte tag)
//! ```

use std::convert::Infallible;

use hpke::rand_core::{TryCryptoRng, TryRng};
use hpke::{Deserializable as _, OpModeR, OpModeS, Serializable as _};
use zeroize::Zeroizing;

use super::{Aead, Kdf, Kem, RequestError, RequestId, key_pair};
use crate::payload::{MAX_PADDED_LEN, PAD_BLOCK, Payload};
use crate::random_bytes;
use crate::secret::{RequestKey, RequestPublicKey};

pub const VERSION_V1: u8 = 0x01;
pub const INFO_LABEL: &[u8] = b"sdo/v1 request info";
pub const AAD_LABEL: &[u8] = b"sdo/v1 request fill";
/// `Nenc` of DHKEM(X25519): the ephemeral public key.
pub const ENC_LEN: usize = 32;
pub const TAG_LEN: usize = 16;
/// Version byte, `enc` and tag around the padded payload.
pub const OVERHEAD: usize = 1 + ENC_LEN + TAG_LEN;
pub const MIN_LEN: usize = OVERHEAD + PAD_BLOCK;
pub const MAX_LEN: usize = OVERHEAD + MAX_PADDED_LEN;

/// HPKE's `info`: binds the protocol and the request, so a fill cannot be
/// moved to another request, even one with the same key.
pub fn info(rid: &RequestId) -> Vec<u8> {
    labelled(INFO_LABEL, rid)
}

/// HPKE's `aad`: binds them again at the AEAD, as the design asks.
pub fn aad(rid: &RequestId) -> Vec<u8> {
    labelled(AAD_LABEL, rid)
}

fn labelled(label: &[u8], rid: &RequestId) -> Vec<u8> {
    let rid = rid.to_string();
    let mut out = Vec::with_capacity(label.len() + rid.len());
    out.extend_from_slice(label);
    out.extend_from_slice(rid.as_bytes());
    out
}

/// Checks what can be checked without the key: version and length class.
/// The server calls this on every fill it is given.
pub fn check_shape(fill: &[u8]) -> Result<(), RequestError> {
    let version = *fill.first().ok_or(RequestError::Empty)?;
    if version != VERSION_V1 {
        return Err(RequestError::UnknownVersion(version));
    }
    let len = fill.len();
    if !(MIN_LEN..=MAX_LEN).contains(&len) || !(len - OVERHEAD).is_multiple_of(PAD_BLOCK) {
        return Err(RequestError::BadLength(len));
    }
    Ok(())
}

/// Seals `payload` to the request under a fresh ephemeral key.
pub fn seal(
    public_key: &RequestPublicKey,
    rid: &RequestId,
    payload: &Payload,
) -> Result<Vec<u8>, RequestError> {
    let ikm_e = Zeroizing::new(random_bytes::<32>()?);
    seal_with_ikm_e(public_key, rid, payload, &ikm_e)
}

/// Seals with the ephemeral key `DeriveKeyPair(ikm_e)`, as RFC 9180's test
/// vectors do. Only for test vectors: a reused `ikm_e` is a reused
/// ephemeral key.
pub fn seal_with_ikm_e(
    public_key: &RequestPublicKey,
    rid: &RequestId,
    payload: &Payload,
    ikm_e: &[u8; 32],
) -> Result<Vec<u8>, RequestError> {
    let pk = <Kem as hpke::Kem>::PublicKey::from_bytes(public_key.expose())
        .map_err(|_| RequestError::BadPublicKey)?;
    // At most MAX_PADDED_LEN, so the fill is at most MAX_LEN.
    let padded = payload.encode_padded()?;
    let mut rng = IkmE::new(ikm_e);
    let sealed = hpke::single_shot_seal_with_rng::<Aead, Kdf, Kem>(
        &OpModeS::Base,
        &pk,
        &info(rid),
        &padded,
        &aad(rid),
        &mut rng,
    );
    if !rng.used_exactly_once() {
        // Whatever was sealed used an ephemeral key we did not choose.
        return Err(RequestError::Random(crate::RandomError));
    }
    // Encapsulation fails only for a low-order public key (all-zero DH).
    let (enc, ct) = sealed.map_err(|_| RequestError::BadPublicKey)?;
    let mut fill = Vec::with_capacity(1 + ENC_LEN + ct.len());
    fill.push(VERSION_V1);
    fill.extend_from_slice(&enc.to_bytes());
    fill.extend_from_slice(&ct);
    Ok(fill)
}

/// Opens a fill: shape, then HPKE (decapsulation and authentication), then
/// the strict payload decoder.
pub fn open(
    request_key: &RequestKey,
    rid: &RequestId,
    fill: &[u8],
) -> Result<Payload, RequestError> {
    check_shape(fill)?;
    let (enc, ct) = fill[1..].split_at(ENC_LEN);
    let enc = <Kem as hpke::Kem>::EncappedKey::from_bytes(enc)
        .map_err(|_| RequestError::BadLength(fill.len()))?;
    let (sk, _) = key_pair(request_key);
    // A tampered `enc` fails here (an all-zero DH) or at the tag: both are
    // "does not open", with nothing to tell them apart for an attacker.
    let padded = Zeroizing::new(
        hpke::single_shot_open::<Aead, Kdf, Kem>(
            &OpModeR::Base,
            &sk,
            &enc,
            &info(rid),
            ct,
            &aad(rid),
        )
        .map_err(|_| RequestError::Decrypt)?,
    );
    Ok(Payload::decode_padded(&padded)?)
}

/// An RNG that yields one chosen 32-byte `ikm_e`, so that the ephemeral key
/// hpke draws is `DeriveKeyPair(ikm_e)` (its `gen_keypair_with_rng` asks for
/// exactly `Nsk` = 32 bytes). Randomness thus comes from [`random_bytes`],
/// which reports failure instead of panicking, and vectors are reproducible.
/// Any other request is recorded and the seal discarded, never served with
/// predictable bytes.
struct IkmE {
    ikm: Zeroizing<[u8; 32]>,
    fills: u32,
    misused: bool,
}

impl IkmE {
    fn new(ikm: &[u8; 32]) -> Self {
        Self {
            ikm: Zeroizing::new(*ikm),
            fills: 0,
            misused: false,
        }
    }

    fn used_exactly_once(&self) -> bool {
        self.fills == 1 && !self.misused
    }
}

impl TryRng for IkmE {
    type Error = Infallible;

    fn try_next_u32(&mut self) -> Result<u32, Infallible> {
        self.misused = true;
        Ok(0)
    }

    fn try_next_u64(&mut self) -> Result<u64, Infallible> {
        self.misused = true;
        Ok(0)
    }

    fn try_fill_bytes(&mut self, dst: &mut [u8]) -> Result<(), Infallible> {
        if dst.len() == 32 && self.fills == 0 {
            dst.copy_from_slice(self.ikm.as_ref());
        } else {
            self.misused = true;
            dst.fill(0);
        }
        self.fills += 1;
        Ok(())
    }
}

impl TryCryptoRng for IkmE {}

#[cfg(test)]
mod tests;
