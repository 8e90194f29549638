//! Create+reveal pairs through the real HTTP stack of a real `sdo-server`
//! process on SQLite. Blobs and tokens are prepared before the clock starts:
//! the client's Argon2 is not the server's cost.
//!
//! cargo bench -p sdo-backend --bench create_reveal [-- PAIRS]
//!
//! Prints a Markdown table for docs/BENCHMARKS.md. Client and server share
//! the machine's cores, so the figures are a floor for the server alone.

use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use sdo_shared::client;
use sdo_shared::kdf;
use sdo_shared::payload::Payload;

struct Prepared {
    create_body: String,
    link_token: String,
    reveal_body: String,
}

struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn prepare(n: usize) -> Vec<Prepared> {
    (0..n)
        .map(|i| {
            let payload = Payload::text(format!("benchmark secret number {i}: hunter2"));
            let p = client::prepare(&payload, None, 3600, 1).unwrap();
            let keys = client::derive_keys(&p.link_key, None, None).unwrap();
            Prepared {
                create_body: serde_json::to_string(&p.request).unwrap(),
                link_token: kdf::link_token(&p.link_key).to_base64url(),
                reveal_body: serde_json::json!({"reveal_token": keys.reveal_token.to_base64url()})
                    .to_string(),
            }
        })
        .collect()
}

fn memory_kib(pid: u32, field: &str) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .unwrap_or_default()
        .lines()
        .find_map(|l| l.strip_prefix(field))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

/// User+system CPU seconds the process has used so far.
fn cpu_secs(pid: u32) -> f64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    // Fields after the command name (which may hold spaces) start at ')'.
    let fields: Vec<&str> = stat
        .rsplit_once(')')
        .map(|(_, r)| r)
        .unwrap_or("")
        .split_whitespace()
        .collect();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|v| v.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    // utime and stime are fields 14 and 15; here 11 and 12 (0-based after ')').
    (ticks(11) + ticks(12)) / 100.0
}

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i].as_secs_f64() * 1000.0
}

async fn pair(http: &reqwest::Client, base: &str, p: &Prepared) {
    let created: serde_json::Value = http
        .post(format!("{base}/api/v1/secrets"))
        .header("content-type", "application/json")
        .body(p.create_body.clone())
        .send()
        .await
        .unwrap()
        .error_for_status()
        .unwrap()
        .json()
        .await
        .unwrap();
    let id = created["id"].as_str().unwrap();
    let r = http
        .post(format!("{base}/api/v1/secrets/{id}/reveal"))
        .header("content-type", "application/json")
        .bearer_auth(&p.link_token)
        .body(p.reveal_body.clone())
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    r.bytes().await.unwrap();
}

async fn run(base: &str, secrets: Arc<Vec<Prepared>>, clients: usize) -> (f64, Vec<Duration>) {
    let http = reqwest::Client::builder()
        .pool_max_idle_per_host(clients)
        .build()
        .unwrap();
    let next = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let started = Instant::now();
    let workers: Vec<_> = (0..clients)
        .map(|_| {
            let (http, secrets, next, base) = (
                http.clone(),
                Arc::clone(&secrets),
                Arc::clone(&next),
                base.to_owned(),
            );
            tokio::spawn(async move {
                let mut latencies = Vec::new();
                loop {
                    let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    let Some(p) = secrets.get(i) else { break };
                    let t = Instant::now();
                    pair(&http, &base, p).await;
                    latencies.push(t.elapsed());
                }
                latencies
            })
        })
        .collect();
    let mut all = Vec::new();
    for w in workers {
        all.extend(w.await.unwrap());
    }
    let elapsed = started.elapsed().as_secs_f64();
    all.sort_unstable();
    (all.len() as f64 / elapsed, all)
}

#[tokio::main]
async fn main() {
    let pairs: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(4000);
    println!(
        "| --sqlite-sync | clients | pairs | pairs/s | p50 ms | p99 ms | server CPU µs/pair | server RSS after (MiB) |"
    );
    println!("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    let mut peak = 0;
    for sync in ["full", "normal"] {
        peak = peak.max(bench_server(sync, pairs).await);
    }
    println!(
        "\nserver peak RSS (VmHWM), largest of the runs: {:.1} MiB",
        peak as f64 / 1024.0
    );
}

/// Runs both client counts against one fresh server; returns its peak RSS.
async fn bench_server(sync: &str, pairs: usize) -> u64 {
    let dir = tempfile::tempdir().unwrap();
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let server = Server(
        Command::new(env!("CARGO_BIN_EXE_sdo-server"))
            .args([
                "--listen",
                &format!("127.0.0.1:{port}"),
                "--rate-limit",
                "0",
                "--log",
                "warn",
                "--sqlite-sync",
                sync,
                "--data-dir",
            ])
            .arg(dir.path())
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap(),
    );
    let base = format!("http://127.0.0.1:{port}");
    let deadline = Instant::now() + Duration::from_secs(30);
    while reqwest::get(format!("{base}/api/v1/health")).await.is_err() {
        assert!(Instant::now() < deadline, "server did not start");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let pid = server.0.id();
    eprintln!("preparing {pairs} secrets per run…");

    for clients in [1usize, 32] {
        let secrets = Arc::new(prepare(pairs));
        let cpu_before = cpu_secs(pid);
        let (rate, latencies) = run(&base, secrets, clients).await;
        let cpu_per_pair = (cpu_secs(pid) - cpu_before) / pairs as f64 * 1e6;
        println!(
            "| {sync} | {clients} | {pairs} | {rate:.0} | {:.2} | {:.2} | {cpu_per_pair:.0} | {:.1} |",
            percentile(&latencies, 0.50),
            percentile(&latencies, 0.99),
            memory_kib(pid, "VmRSS:") as f64 / 1024.0,
        );
    }
    memory_kib(pid, "VmHWM:")
}
