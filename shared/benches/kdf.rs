//! Native Argon2id time for the protocol's default and floor costs, to set
//! beside the browser's (docs/BENCHMARKS.md).
//!
//! cargo bench -p sdo-shared --bench kdf

use std::time::Instant;

use sdo_shared::kdf::{self, KdfParams};

fn main() {
    println!("| m_kib | t | p | median ms (native, release) |");
    println!("| ---: | ---: | ---: | ---: |");
    for (m, t, p) in [
        (kdf::M_KIB_MIN, 2, 1),
        (kdf::DEFAULT_M_KIB, kdf::DEFAULT_T, kdf::DEFAULT_P),
        (262_144, 3, 1),
    ] {
        let params = KdfParams::new([7; 16], m, t, p).unwrap();
        let mut times: Vec<f64> = (0..7)
            .map(|_| {
                let started = Instant::now();
                kdf::pass_key("correct horse battery staple", &params).unwrap();
                started.elapsed().as_secs_f64() * 1000.0
            })
            .collect();
        times.sort_by(f64::total_cmp);
        println!("| {m} | {t} | {p} | {:.0} |", times[times.len() / 2]);
    }
}
