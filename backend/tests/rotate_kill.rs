//! kill -9 in the middle of a real `sdo-server rotate-master-key`: while it
//! runs, a second rotation and a server are refused; after the kill, the
//! lock is free at once, a server serves from the half-rotated directory,
//! a rerun finishes the rotation, and every secret still reveals through a
//! real server. The rotation is held mid-way by its debug-build test hook
//! (`SDO_ROTATE_PAUSE_AT`), so the kill lands at a known record.

mod common;
mod rotation;

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use rotation::{Kept, by_key, files_containing, seed};
use sdo_backend::keys::local::MASTER_KEY_FILE;
use sdo_backend::keys::rotate::NEXT_KEY_FILE;

const SECRETS: usize = 40;
const KILLED_AT: u64 = 13;

fn sdo_server() -> Command {
    Command::new(env!("CARGO_BIN_EXE_sdo-server"))
}

fn rotation(data: &Path) -> Command {
    let mut c = sdo_server();
    c.args([
        "rotate-master-key",
        "--batch",
        "8",
        "--log",
        "warn",
        "--data-dir",
    ])
    .arg(data)
    .env_remove("SDO_ROTATE_PAUSE_AT");
    c
}

struct Killed(Child);

impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill(); // SIGKILL
        let _ = self.0.wait();
    }
}

/// Runs a command that must end by itself within 20 s.
fn finish(mut command: Command) -> Output {
    let child = command
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut child = Killed(child);
    let deadline = Instant::now() + Duration::from_secs(20);
    while child.0.try_wait().unwrap().is_none() {
        assert!(Instant::now() < deadline, "{command:?} did not end");
        std::thread::sleep(Duration::from_millis(20));
    }
    let Killed(child) = &mut child;
    let mut out = Output {
        status: child.wait().unwrap(),
        stdout: Vec::new(),
        stderr: Vec::new(),
    };
    use std::io::Read;
    child
        .stdout
        .take()
        .unwrap()
        .read_to_end(&mut out.stdout)
        .unwrap();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_end(&mut out.stderr)
        .unwrap();
    out
}

async fn start_server(data: &Path) -> (Killed, String) {
    let port = common::free_port();
    let server = Killed(
        sdo_server()
            .args(["--listen", &format!("127.0.0.1:{port}")])
            .args(["--rate-limit", "0", "--log", "warn", "--data-dir"])
            .arg(data)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    let base = format!("http://127.0.0.1:{port}");
    let deadline = Instant::now() + Duration::from_secs(20);
    while reqwest::get(format!("{base}/api/v1/health")).await.is_err() {
        assert!(Instant::now() < deadline, "sdo-server did not start");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    (server, base)
}

async fn reveal_over_http(base: &str, kept: &[Kept]) {
    let http = reqwest::Client::new();
    for k in kept {
        let r = http
            .post(format!("{base}/api/v1/secrets/{}/reveal", k.id))
            .bearer_auth(&k.link_token)
            .json(&k.reveal_body())
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200, "{}", k.text);
        k.assert_opens(&r.json().await.unwrap());
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kill_9_mid_rotation_then_resume_and_every_secret_reveals() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let mut kept = seed(&data, SECRETS).await;
    let old_key = std::fs::read(data.join(MASTER_KEY_FILE)).unwrap();

    let mut first = rotation(&data);
    first
        .env("SDO_ROTATE_PAUSE_AT", format!("rewrapped:{KILLED_AT}"))
        .stderr(Stdio::piped());
    let mut first = Killed(first.spawn().unwrap());
    let stderr = BufReader::new(first.0.stderr.take().unwrap());
    let paused = stderr
        .lines()
        .map(Result::unwrap)
        .find(|line| line.contains("paused at"))
        .expect("the rotation ended without pausing");
    assert!(
        paused.contains(&format!("rewrapped:{KILLED_AT}")),
        "{paused}"
    );

    let second = finish(rotation(&data));
    let said = String::from_utf8_lossy(&second.stderr);
    assert!(!second.status.success(), "a second rotation ran: {said}");
    assert!(
        said.contains("in use by sdo-server rotate-master-key"),
        "{said}"
    );
    let mut server = sdo_server();
    server
        .args(["--listen", "127.0.0.1:0", "--data-dir"])
        .arg(&data);
    let refused = finish(server);
    let said = String::from_utf8_lossy(&refused.stderr);
    assert!(!refused.status.success(), "a server started: {said}");
    assert!(
        said.contains("in use by sdo-server rotate-master-key"),
        "{said}"
    );

    drop(first); // kill -9, mid-way
    let counts = by_key(&data);
    assert_eq!(counts.len(), 2, "some records under each key: {counts:?}");
    let new_ref = sdo_backend::keys::LocalKeyProvider::load_path(&data.join(NEXT_KEY_FILE))
        .unwrap()
        .unwrap()
        .key_ref()
        .to_owned();
    let under_new = counts.iter().find(|(r, _)| *r == new_ref).unwrap().1;
    assert_eq!(under_new, KILLED_AT, "{counts:?}");

    // Service goes on from the half-rotated directory (the dead process's
    // lock went with it).
    let later = kept.split_off(SECRETS / 4);
    {
        let (_server, base) = start_server(&data).await;
        reveal_over_http(&base, &kept).await;
    }

    let resumed = finish(rotation(&data));
    let said = String::from_utf8_lossy(&resumed.stdout);
    assert!(
        resumed.status.success(),
        "{said}{}",
        String::from_utf8_lossy(&resumed.stderr)
    );
    assert!(said.contains("finished an interrupted rotation"), "{said}");
    assert_eq!(by_key(&data), [(new_ref, later.len() as u64)]);
    assert!(!data.join(NEXT_KEY_FILE).exists());
    assert_eq!(files_containing(&data, &old_key), Vec::<String>::new());

    let (_server, base) = start_server(&data).await;
    reveal_over_http(&base, &later).await;
}
