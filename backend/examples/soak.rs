//! Soak: mixed load on a real `sdo-server` (SQLite, the durable default)
//! for a bounded time, sampling the server's resident memory and open file
//! descriptors; fails if either keeps growing, or if any answer is not one
//! the protocol allows. Loopback only; stops by itself.
//!
//! ```text
//! scripts/soak.sh [SECONDS]    # builds release, runs this (default 600 s)
//! ```
//!
//! The mix, per client loop: create (a quarter with a 60 s lifetime that
//! are never read, so the sweep expires them), check, reveal, a wrong
//! passphrase (every fourth secret gets three and locks), and a burn.

use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use sdo_shared::client;
use sdo_shared::payload::Payload;
use serde_json::json;

const CLIENTS: usize = 16;

#[derive(Default)]
struct Counts {
    created: AtomicU64,
    revealed: AtomicU64,
    wrong: AtomicU64,
    locked: AtomicU64,
    burned: AtomicU64,
    unexpected: AtomicU64,
}

fn sample(pid: u32) -> (u64, usize) {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let rss_kib = status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.split_whitespace().next()?.parse().ok())
        .unwrap_or(0);
    let fds = std::fs::read_dir(format!("/proc/{pid}/fd")).map_or(0, |d| d.count());
    (rss_kib, fds)
}

async fn client_loop(base: String, counts: Arc<Counts>, until: Instant, n: usize) {
    let http = reqwest::Client::new();
    let ok = |status: u16, allowed: &[u16]| {
        if !allowed.contains(&status) {
            eprintln!("unexpected status {status}");
            counts.unexpected.fetch_add(1, Ordering::Relaxed);
        }
    };
    let mut i = 0usize;
    while Instant::now() < until {
        i += 1;
        let expiring = i.is_multiple_of(4);
        let text = format!("soak {n}.{i} {}", "x".repeat(i % 700));
        let ttl = if expiring { 60 } else { 3600 };
        let prepared = client::prepare(&Payload::text(&text), None, ttl, 2).unwrap();
        let keys = client::derive_keys(&prepared.link_key, None, None).unwrap();
        let link_token = sdo_shared::kdf::link_token(&prepared.link_key).to_base64url();
        let Ok(r) = http
            .post(format!("{base}/api/v1/secrets"))
            .json(&prepared.request)
            .send()
            .await
        else {
            counts.unexpected.fetch_add(1, Ordering::Relaxed);
            continue;
        };
        ok(r.status().as_u16(), &[201]);
        let Ok(body) = r.json::<serde_json::Value>().await else {
            continue;
        };
        counts.created.fetch_add(1, Ordering::Relaxed);
        if expiring {
            continue; // left for the sweep
        }
        let url = format!(
            "{base}/api/v1/secrets/{}",
            body["id"].as_str().unwrap_or("")
        );
        let send = |req: reqwest::RequestBuilder| async move {
            req.send().await.map(|r| r.status().as_u16()).unwrap_or(0)
        };
        ok(send(http.get(&url).bearer_auth(&link_token)).await, &[200]);
        let wrongs = if i % 4 == 1 { 3 } else { 1 };
        for attempt in 0..wrongs {
            let status = send(
                http.post(format!("{url}/reveal"))
                    .bearer_auth(&link_token)
                    .json(
                        &json!({ "reveal_token": sdo_shared::base64url::encode(&[attempt; 32]) }),
                    ),
            )
            .await;
            ok(status, &[403]);
            counts.wrong.fetch_add(1, Ordering::Relaxed);
        }
        if wrongs == 3 {
            counts.locked.fetch_add(1, Ordering::Relaxed);
            continue;
        }
        let reveal = json!({ "reveal_token": keys.reveal_token.to_base64url() });
        let status = send(
            http.post(format!("{url}/reveal"))
                .bearer_auth(&link_token)
                .json(&reveal),
        )
        .await;
        ok(status, &[200]);
        counts.revealed.fetch_add(1, Ordering::Relaxed);
        let manage = body["manage_token"].as_str().unwrap_or("");
        ok(send(http.delete(&url).bearer_auth(manage)).await, &[204]);
        counts.burned.fetch_add(1, Ordering::Relaxed);
    }
}

/// The largest value of `xs[range]`.
fn peak(xs: &[u64], from: usize, to: usize) -> u64 {
    xs[from..to].iter().copied().max().unwrap_or(0)
}

#[tokio::main]
async fn main() {
    let seconds: u64 = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(600);
    let server_bin = std::env::var("SDO_SERVER_BIN").unwrap_or_else(|_| {
        let exe = std::env::current_exe().unwrap();
        let dir = exe.parent().unwrap().parent().unwrap();
        dir.join("sdo-server").display().to_string()
    });
    let data = tempfile::tempdir().unwrap();
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut server = Command::new(&server_bin)
        .args(["--listen", &format!("127.0.0.1:{port}")])
        .args(["--rate-limit", "0", "--sweep-interval", "5s"])
        .args(["--max-attempts", "3", "--log", "warn", "--data-dir"])
        .arg(data.path())
        .stdout(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("{server_bin}: {e} (build it first: scripts/soak.sh)"));
    let base = format!("http://127.0.0.1:{port}");
    let start = Instant::now();
    while reqwest::get(format!("{base}/api/v1/health")).await.is_err() {
        assert!(start.elapsed() < Duration::from_secs(20), "no server");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }

    let counts = Arc::new(Counts::default());
    let until = Instant::now() + Duration::from_secs(seconds);
    let clients: Vec<_> = (0..CLIENTS)
        .map(|n| tokio::spawn(client_loop(base.clone(), counts.clone(), until, n)))
        .collect();
    let (mut rss, mut fds) = (Vec::new(), Vec::new());
    let every = Duration::from_secs((seconds / 60).clamp(1, 10));
    while Instant::now() < until {
        tokio::time::sleep(every).await;
        let (r, f) = sample(server.id());
        rss.push(r);
        fds.push(f as u64);
    }
    for c in clients {
        c.await.unwrap();
    }
    let _ = server.kill();
    let _ = server.wait();

    // Warm-up is the first fifth; "growing" means the last quarter's peak is
    // well above the peak of the stretch right after warm-up.
    let n = rss.len();
    let (early_from, early_to, late_from) = (n / 5, (n / 2).max(n / 5 + 1), n - n / 4 - 1);
    let (rss_early, rss_late) = (peak(&rss, early_from, early_to), peak(&rss, late_from, n));
    let (fds_early, fds_late) = (peak(&fds, early_from, early_to), peak(&fds, late_from, n));
    let c = &counts;
    println!(
        "soak: {seconds} s, {CLIENTS} clients: created {}, revealed {}, wrong passphrases {}, \
         locked {}, burned {}, unexpected {}",
        c.created.load(Ordering::Relaxed),
        c.revealed.load(Ordering::Relaxed),
        c.wrong.load(Ordering::Relaxed),
        c.locked.load(Ordering::Relaxed),
        c.burned.load(Ordering::Relaxed),
        c.unexpected.load(Ordering::Relaxed),
    );
    println!(
        "soak: RSS peak {:.1} MiB after warm-up, {:.1} MiB at the end (max {:.1}); \
         open fds {fds_early} -> {fds_late}; {n} samples every {}s",
        rss_early as f64 / 1024.0,
        rss_late as f64 / 1024.0,
        rss.iter().max().copied().unwrap_or(0) as f64 / 1024.0,
        every.as_secs(),
    );
    let rss_grew = rss_late > rss_early + rss_early / 5 + 4096;
    let fds_grew = fds_late > fds_early + 8;
    let failed = rss_grew || fds_grew || c.unexpected.load(Ordering::Relaxed) > 0;
    println!(
        "soak: {} passed, {} failed",
        u32::from(!failed),
        u32::from(failed)
    );
    if failed {
        std::process::exit(1);
    }
}
