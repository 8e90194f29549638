//! Secret requests from the command line against a real `sdo-server` (in
//! this process, on a free port): `sdo request`, `sdo fill`, `sdo collect`,
//! and `sdo status` / `sdo burn` of an inbox link. Round trips, each refusal
//! and its exit code, and that no key or token reaches stderr.

mod common;

use std::os::unix::fs::PermissionsExt;
use std::time::{Duration, Instant};

use common::*;
use predicates::prelude::*;
use sdo_shared::link::{self, Link};
use sdo_shared::request;

const GONE: &str = "does not exist or is no longer available";
const SENT: &str = "sent: only the requester can open it";

/// `sdo request --json`: (request link, inbox link).
fn make_request(s: &Server, args: &[&str]) -> (String, String) {
    let out = sdo()
        .args(["request", "--json", "--server", &s.url])
        .args(args)
        .assert()
        .success()
        .stderr("")
        .get_output()
        .stdout
        .clone();
    let json: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(json["id"].as_str().unwrap().len(), 22, "{json}");
    assert!(json["expires_at"].as_i64().unwrap() > 0, "{json}");
    let field = |k: &str| json[k].as_str().unwrap().to_owned();
    (field("request_link"), field("inbox_link"))
}

/// The request's state, from `sdo status --json INBOX_LINK`.
fn state(inbox: &str) -> String {
    let out = sdo().args(["status", "--json", inbox]).output().unwrap();
    assert!(out.status.success(), "{out:?}");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    json["state"].as_str().unwrap().to_owned()
}

fn fill(request: &str, stdin: &str) {
    sdo()
        .args(["fill", request])
        .write_stdin(stdin)
        .assert()
        .success()
        .stdout("")
        .stderr(predicate::str::contains(SENT));
}

/// An inbox link on a fake server (any id and key: it checks nothing).
fn fake_inbox(url: &str) -> String {
    format!("{url}/#/i/AQEBAQEBAQEBAQEBAQEBAQ/AgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgI")
}

#[test]
fn text_round_trip_shows_the_note_and_each_side_acts_once() {
    let s = server();
    let out = sdo()
        .args(["request", "--server", &s.url, "--ttl", "10m"])
        .args(["--note", "the staging DB password, please"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let stdout = String::from_utf8(out.stdout).unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        stdout.lines().count(),
        1,
        "the request link alone: {stdout:?}"
    );
    let request = stdout.trim();
    assert!(request.starts_with(&format!("{}/#/q/", s.url)), "{request}");
    let inbox = stderr
        .split_whitespace()
        .find(|w| w.starts_with(&format!("{}/#/i/", s.url)))
        .unwrap_or_else(|| panic!("no inbox link on stderr: {stderr}"));
    assert!(stderr.contains("keep it to yourself"), "{stderr}");

    sdo()
        .args(["fill", request])
        .write_stdin("hunter2\n")
        .assert()
        .success()
        .stdout("")
        .stderr(
            predicate::str::contains("The requester's note:\n  the staging DB password, please\n")
                .and(predicate::str::contains(SENT)),
        );
    assert_eq!(state(inbox), "filled");
    // The first fill wins; the second is told so, and sends nothing.
    sdo()
        .args(["fill", request])
        .write_stdin("second answer")
        .assert()
        .code(9)
        .stdout("")
        .stderr(predicate::str::contains(
            "this request was already answered",
        ));

    sdo()
        .args(["collect", inbox])
        .assert()
        .success()
        .stdout("hunter2\n")
        .stderr(predicate::str::contains("destroyed on the server"));
    assert_eq!(state(inbox), "collected");
    sdo()
        .args(["collect", inbox])
        .assert()
        .code(3)
        .stdout("")
        .stderr(predicate::str::contains(GONE).and(predicate::str::contains("collected")));
    sdo()
        .args(["fill", request])
        .write_stdin("third")
        .assert()
        .code(9)
        .stderr(predicate::str::contains("already answered"));
}

#[test]
fn a_file_keeps_its_name_and_bytes() {
    let s = server();
    let (request, inbox) = make_request(&s, &[]);
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("db.env");
    let bytes: Vec<u8> = (0..3000u32).map(|i| (i * 13 % 256) as u8).collect();
    std::fs::write(&input, &bytes).unwrap();
    sdo()
        .args(["fill", &request, input.to_str().unwrap()])
        .assert()
        .success()
        .stderr(predicate::str::contains(SENT));
    let out = sdo().args(["collect", &inbox]).output().unwrap();
    assert!(out.status.success(), "{out:?}");
    assert_eq!(out.stdout, bytes);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("File \"db.env\""), "{stderr}");
}

#[test]
fn collect_refuses_to_overwrite_without_force_and_keeps_the_answer() {
    let s = server();
    let (request, inbox) = make_request(&s, &[]);
    fill(&request, "the answer");
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.txt");
    std::fs::write(&out, b"precious").unwrap();
    sdo()
        .args(["collect", &inbox, "-o", out.to_str().unwrap()])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--force"));
    assert_eq!(std::fs::read(&out).unwrap(), b"precious");
    assert_eq!(state(&inbox), "filled", "refusing collected nothing");
    sdo()
        .args(["collect", &inbox, "-o", out.to_str().unwrap(), "--force"])
        .assert()
        .success()
        .stdout("");
    assert_eq!(std::fs::read(&out).unwrap(), b"the answer");
    let mode = std::fs::metadata(&out).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    assert_eq!(state(&inbox), "collected");
}

#[test]
fn a_failed_write_after_the_collect_keeps_the_answer() {
    let s = server();
    let (request, inbox) = make_request(&s, &[]);
    fill(&request, "survives ENOSPC");
    sdo()
        .args(["collect", &inbox, "-o", "/dev/full"])
        .assert()
        .code(1)
        .stdout("survives ENOSPC")
        .stderr(
            predicate::str::contains("cannot write /dev/full")
                .and(predicate::str::contains("written to stdout instead")),
        );
    assert_eq!(state(&inbox), "collected");
}

#[test]
fn collect_before_the_answer_is_exit_8_and_changes_nothing() {
    let s = server();
    let (request, inbox) = make_request(&s, &[]);
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.txt");
    sdo()
        .args(["collect", &inbox, "-o", out.to_str().unwrap()])
        .assert()
        .code(8)
        .stdout("")
        .stderr(
            predicate::str::contains("not been answered yet")
                .and(predicate::str::contains("--wait")),
        );
    assert!(!out.exists(), "no empty file left behind");
    // A destination that cannot be written fails at once, not after a wait.
    sdo()
        .args(["collect", "--wait", &inbox, "-o"])
        .arg(dir.path().join("no/such/dir/out.txt"))
        .timeout(Duration::from_secs(10))
        .assert()
        .code(1)
        .stderr(predicate::str::contains("cannot write"));
    assert_eq!(state(&inbox), "open");
    fill(&request, "later");
    sdo()
        .args(["collect", &inbox])
        .assert()
        .success()
        .stdout("later");
}

#[test]
fn collect_wait_returns_once_someone_fills() {
    let s = server();
    let (request, inbox) = make_request(&s, &[]);
    let filler = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(400));
        fill(&request, "worth the wait");
    });
    let started = Instant::now();
    let out = sdo()
        .args(["collect", "--wait", "--poll-interval", "100ms", &inbox])
        .timeout(Duration::from_secs(30))
        .output()
        .unwrap();
    filler.join().unwrap();
    assert!(out.status.success(), "{out:?}");
    assert!(started.elapsed() >= Duration::from_millis(400));
    assert_eq!(out.stdout, b"worth the wait");
    // Not a terminal: one line about the wait, not one per look.
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.matches("Waiting").count(), 1, "{stderr}");
    assert_eq!(stderr.lines().count(), 2, "{stderr}");
}

#[test]
fn collect_wait_ends_when_the_request_is_cancelled() {
    let s = server();
    let (_, inbox) = make_request(&s, &[]);
    let burner = {
        let inbox = inbox.clone();
        std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(300));
            sdo().args(["burn", &inbox]).assert().success();
        })
    };
    sdo()
        .args(["collect", "--wait", "--poll-interval", "100ms", &inbox])
        .timeout(Duration::from_secs(30))
        .assert()
        .code(3)
        .stdout("")
        .stderr(predicate::str::contains(GONE).and(predicate::str::contains("cancelled")));
    burner.join().unwrap();
}

#[test]
fn burn_cancels_and_then_nothing_fills_or_collects() {
    let s = server();
    let (request, inbox) = make_request(&s, &[]);
    sdo()
        .args(["burn", &inbox])
        .assert()
        .success()
        .stderr(predicate::str::contains("Cancelled"));
    assert_eq!(state(&inbox), "cancelled");
    sdo()
        .args(["fill", &request])
        .write_stdin("too late")
        .assert()
        .code(3)
        .stdout("")
        .stderr(predicate::str::contains(GONE).and(predicate::str::contains("cancelled")));
    sdo().args(["collect", &inbox]).assert().code(3);
    sdo()
        .args(["burn", &inbox])
        .assert()
        .code(3)
        .stderr(predicate::str::contains(GONE));

    // A filled request's answer goes with it.
    let (request, inbox) = make_request(&s, &[]);
    fill(&request, "never read");
    sdo()
        .args(["burn", "-"])
        .write_stdin(inbox.clone())
        .assert()
        .success();
    sdo().args(["collect", &inbox]).assert().code(3).stdout("");
}

#[test]
fn status_of_an_inbox_link_follows_the_request() {
    let s = server();
    let (request, inbox) = make_request(&s, &["--note", "n"]);
    sdo()
        .args(["status", &inbox])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("open: not answered yet"));
    fill(&request, "x");
    sdo()
        .args(["status", "-"])
        .write_stdin(inbox.clone())
        .assert()
        .success()
        .stdout(predicate::str::starts_with("filled: answered"));
    let out = sdo().args(["status", "--json", &inbox]).output().unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["state"], "filled");
    assert!(json["filled_at"].as_i64().is_some());
    assert!(
        json["note"].is_null(),
        "the note is only for the fill token"
    );
    sdo().args(["collect", &inbox]).assert().success();
    sdo()
        .args(["status", &inbox])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("collected"));
}

#[test]
fn each_link_names_the_command_that_takes_it() {
    let s = server();
    let (request, inbox) = make_request(&s, &[]);
    let (share, receipt) = create(&s, &sdo_shared::payload::Payload::text("s"), 1);
    let (q, i) = (request.as_str(), inbox.as_str());
    for (args, says) in [
        (["get", q], "sdo fill"),
        (["get", i], "sdo collect"),
        (["burn", q], "sdo fill"),
        (["fill", i], "sdo collect"),
        (["fill", &share], "sdo get"),
        (["fill", &receipt], "sdo status"),
        (["collect", q], "sdo fill"),
        (["collect", &share], "sdo get"),
        (["status", q], "inbox link"),
    ] {
        sdo()
            .args(args)
            .write_stdin("x")
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicate::str::contains(says));
    }
    assert_eq!(state(&inbox), "open", "none of them touched the request");
    fill(&request, "still open");
}

#[test]
fn an_oversized_fill_is_refused_before_it_is_sent() {
    // This server takes at most 768 bytes of padded payload.
    let s = server_with(&["--max-blob-bytes", "1000"]);
    let (request, inbox) = make_request(&s, &[]);
    sdo()
        .args(["fill", &request])
        .write_stdin("a".repeat(1000))
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("too large for this server"));
    assert_eq!(state(&inbox), "open");

    // Over the protocol's limit: refused before the server is even asked
    // (this link's server does not exist).
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.bin");
    std::fs::write(&big, vec![7u8; 300 * 1024]).unwrap();
    let closed = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let nowhere = request.replace(&s.url, &format!("http://127.0.0.1:{closed}"));
    sdo()
        .args(["fill", &nowhere, big.to_str().unwrap()])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("too large"));

    // The request still takes an answer that fits.
    fill(&request, "fits");
    sdo()
        .args(["collect", &inbox])
        .assert()
        .success()
        .stdout("fits");
}

#[test]
fn the_link_from_stdin_needs_the_secret_from_a_file() {
    let s = server();
    let (request, inbox) = make_request(&s, &[]);
    sdo()
        .args(["fill", "-"])
        .write_stdin(request.clone())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("FILE"));
    let dir = tempfile::tempdir().unwrap();
    let file = write_file(dir.path(), "token.txt", "from a file");
    sdo()
        .args(["fill", "-", &file])
        .write_stdin(format!("{request}\n"))
        .assert()
        .success()
        .stderr(predicate::str::contains(SENT));
    sdo()
        .args(["collect", "-"])
        .write_stdin(inbox)
        .assert()
        .success()
        .stdout("from a file");
}

#[test]
fn a_note_from_a_file_or_stdin_is_shown_escaped() {
    let s = server();
    let dir = tempfile::tempdir().unwrap();
    let note = write_file(
        dir.path(),
        "note",
        "line one\n\u{1b}]0;owned\u{7}line two\u{202e}\u{9b}2J\n",
    );
    let (request, _) = make_request(&s, &["--note-file", &note]);
    let out = sdo()
        .args(["fill", &request])
        .write_stdin("x")
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains(
            "The requester's note:\n  line one\n  \\u{1b}]0;owned\\u{7}line two\\u{202e}\\u{9b}2J\n"
        ),
        "{stderr:?}"
    );
    assert!(
        !stderr.chars().any(|c| c != '\n' && c.is_control()) && !stderr.contains('\u{202e}'),
        "{stderr:?}"
    );

    let out = sdo()
        .args(["request", "--json", "--server", &s.url, "--note-file", "-"])
        .write_stdin("from stdin\n")
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    sdo()
        .args(["fill", json["request_link"].as_str().unwrap()])
        .write_stdin("x")
        .assert()
        .success()
        .stderr(predicate::str::contains("note:\n  from stdin\n"));

    // Too long for a note: refused before the server is asked.
    sdo()
        .args(["request", "--server", &s.url, "--note", &"a".repeat(1016)])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("at most 1015 bytes"));
}

/// Every key and token of one request, as base64url, and where each may
/// appear: nowhere on stderr but the inbox link that `sdo request` prints.
#[test]
fn keys_and_tokens_never_reach_stderr() {
    let s = server();
    let made = sdo()
        .args(["request", "--server", &s.url, "--note", "n"])
        .output()
        .unwrap();
    let request = String::from_utf8(made.stdout).unwrap().trim().to_owned();
    let made_stderr = String::from_utf8(made.stderr).unwrap();
    let inbox = made_stderr
        .split_whitespace()
        .find(|w| w.contains("/#/i/"))
        .unwrap()
        .to_owned();
    let Ok(Link::Inbox(parsed)) = link::parse(&inbox) else {
        panic!("{inbox}");
    };
    let keys = request::request_keys(&parsed.request_key);
    let request_key = parsed.request_key.to_base64url();
    let public_key = keys.public_key.to_base64url();
    let tokens = [
        keys.inbox_token.to_base64url(),
        keys.fill_token.to_base64url(),
    ];
    assert!(request.ends_with(&public_key));

    // `sdo request` shows the inbox link on stderr (that is its job), but
    // never the request link's key or a token there.
    assert!(!made_stderr.contains(&public_key), "{made_stderr}");
    let mut runs: Vec<(String, std::process::Output)> = Vec::new();
    let mut run = |args: &[&str], stdin: &str| {
        let out = sdo().args(args).write_stdin(stdin).output().unwrap();
        runs.push((args.join(" "), out));
    };
    run(&["collect", &inbox], "");
    run(&["fill", &request], "the secret");
    run(&["fill", &request], "again");
    run(&["status", &inbox], "");
    run(&["status", "--json", &inbox], "");
    run(&["get", &request], "");
    run(&["burn", &request], "");
    run(&["collect", &inbox], "");
    run(&["collect", &inbox], "");
    run(&["burn", &inbox], "");
    run(&["fill", &request], "after");
    assert_eq!(
        runs[7].1.stdout, b"the secret",
        "the flow ran: {:?}",
        runs[7]
    );
    for (args, out) in &runs {
        let stderr = String::from_utf8_lossy(&out.stderr);
        let stdout = String::from_utf8_lossy(&out.stdout);
        for secret in [&request_key, &public_key] {
            assert!(!stderr.contains(secret.as_str()), "{args}: {stderr}");
        }
        for token in &tokens {
            assert!(!stderr.contains(token.as_str()), "{args}: {stderr}");
            assert!(!stdout.contains(token.as_str()), "{args}: {stdout}");
        }
    }
    for token in &tokens {
        assert!(!made_stderr.contains(token.as_str()));
    }
}

const FILLED: &str = r#"{"state":"filled","created_at":1,"expires_at":4102444800,"filled_at":2,"collected_at":null,"note":null}"#;

fn collect_outcome_unknown(method: &str, _: &str) -> (u16, String) {
    match method {
        "GET" => (200, FILLED.into()),
        _ => (
            503,
            r#"{"error":"outcome_unknown","message":"the answer was lost"}"#.into(),
        ),
    }
}

#[test]
fn an_unconfirmed_collect_is_exit_7_and_says_what_the_state_shows() {
    let url = fake_server(collect_outcome_unknown);
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.txt");
    sdo()
        .args(["collect", &fake_inbox(&url), "-o", out.to_str().unwrap()])
        .assert()
        .code(7)
        .stdout("")
        .stderr(
            predicate::str::contains("could not confirm whether the answer was collected")
                .and(predicate::str::contains("run the same `sdo collect` again")),
        );
    assert!(!out.exists(), "nothing was written, so nothing is left");
}

fn no_requests(_: &str, _: &str) -> (u16, String) {
    (404, r#"{"error":"not_found","message":"not found"}"#.into())
}

#[test]
fn a_server_without_requests_says_so() {
    let url = fake_server(no_requests);
    sdo()
        .args(["request", "--server", &url])
        .assert()
        .code(6)
        .stdout("")
        .stderr(predicate::str::contains("does not take secret requests"));
}

const OPEN: &str = r#"{"state":"open","created_at":1,"expires_at":4102444800,"filled_at":null,"collected_at":null,"note":null}"#;
const CONFIG: &str = r#"{"min_ttl_secs":60,"max_ttl_secs":604800,"max_views":100,"max_payload_bytes":262144,"max_attempts":5,"requests_enabled":true}"#;

/// A request link on a fake server.
fn fake_request(url: &str) -> String {
    format!("{url}/#/q/AQEBAQEBAQEBAQEBAQEBAQ/AgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgI")
}

/// Open at the first look; someone else's fill lands before ours, which
/// gets the server's one 404; the state then says filled.
fn fill_loses_the_race(method: &str, path: &str) -> (u16, String) {
    static LOOKS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    match (method, path) {
        ("GET", "/api/v1/config") => (200, CONFIG.into()),
        ("GET", _) if LOOKS.fetch_add(1, std::sync::atomic::Ordering::SeqCst) == 0 => {
            (200, OPEN.into())
        }
        ("GET", _) => (200, FILLED.into()),
        _ => (404, r#"{"error":"not_found","message":"not found"}"#.into()),
    }
}

#[test]
fn a_fill_that_loses_the_race_says_already_answered() {
    let url = fake_server(fill_loses_the_race);
    sdo()
        .args(["fill", &fake_request(&url)])
        .write_stdin("mine")
        .assert()
        .code(9)
        .stderr(predicate::str::contains(
            "this request was already answered",
        ));
}

fn fill_outcome_unknown(method: &str, path: &str) -> (u16, String) {
    match (method, path) {
        ("GET", "/api/v1/config") => (200, CONFIG.into()),
        ("GET", _) => (200, OPEN.into()),
        _ => (
            503,
            r#"{"error":"outcome_unknown","message":"the answer was lost"}"#.into(),
        ),
    }
}

#[test]
fn an_unconfirmed_fill_is_exit_7_and_says_what_the_state_shows() {
    let url = fake_server(fill_outcome_unknown);
    sdo()
        .args(["fill", &fake_request(&url)])
        .write_stdin("maybe")
        .assert()
        .code(7)
        .stderr(
            predicate::str::contains("could not confirm whether the secret was stored")
                .and(predicate::str::contains("run the same `sdo fill` again"))
                .and(predicate::str::contains(SENT).not()),
        );
}

/// The cancel's answer is lost, but the state shows it cancelled, and only
/// the inbox link cancels: that was this burn.
fn cancel_outcome_unknown(method: &str, _: &str) -> (u16, String) {
    match method {
        "GET" => (
            200,
            OPEN.replace(r#""state":"open""#, r#""state":"cancelled""#),
        ),
        _ => (
            503,
            r#"{"error":"outcome_unknown","message":"the answer was lost"}"#.into(),
        ),
    }
}

#[test]
fn an_unconfirmed_cancel_is_settled_by_the_state() {
    let url = fake_server(cancel_outcome_unknown);
    sdo()
        .args(["burn", &fake_inbox(&url)])
        .assert()
        .success()
        .stderr(predicate::str::contains("Cancelled"));
}
