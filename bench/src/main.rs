//! `sdo-bench-secrets N FILE`: writes N ready-made secrets for
//! `bench/wrk/sdo.lua`, one per line, tab-separated:
//!
//! ```text
//! create body (JSON)  link token  reveal body (JSON)  blob (base64url)
//! ```
//!
//! Each is what a real client sends (`sdo_shared::client::prepare`, no
//! passphrase, one view, an hour), made before the clock starts so wrk does
//! no crypto. The server makes a new id for every create, so wrk may send
//! one body many times: each is a new secret, revealed with the same tokens.
//! The blob is what a correct reveal must answer.

use std::io::Write;

use sdo_shared::client;
use sdo_shared::kdf;
use sdo_shared::payload::Payload;

/// One hour, as SnapPass's `ttl=hour` in the same benchmark.
const TTL_SECS: u64 = 3600;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let (Some(count), Some(path), None) = (args.next(), args.next(), args.next()) else {
        return Err("usage: sdo-bench-secrets COUNT FILE".into());
    };
    let count: usize = count.parse()?;
    let mut out = std::io::BufWriter::new(std::fs::File::create(path)?);
    for i in 0..count {
        // About as long as the SnapPass passwords of bench/wrk/snappass.lua.
        let payload = Payload::text(format!("benchmark secret {i:08}: hunter2"));
        let prepared = client::prepare(&payload, None, TTL_SECS, 1)?;
        let keys = client::derive_keys(&prepared.link_key, None, None)?;
        let create = serde_json::to_string(&prepared.request)?;
        let reveal = serde_json::json!({ "reveal_token": keys.reveal_token.to_base64url() });
        writeln!(
            out,
            "{create}\t{}\t{reveal}\t{}",
            kdf::link_token(&prepared.link_key).to_base64url(),
            sdo_shared::base64url::encode(prepared.request.blob.as_bytes()),
        )?;
    }
    out.flush()?;
    Ok(())
}
