//! `sdo` against a real `sdo-server` (in this process, on a free port):
//! pipes, files, passphrases, receipts, and every documented exit code.

mod common;
#[path = "cli/faults.rs"]
mod faults;

use std::io::{Read, Write};
use std::net::TcpListener;
use std::os::unix::fs::PermissionsExt;

use common::*;
use predicates::prelude::*;
use sdo_shared::payload::Payload;

#[test]
fn text_round_trip_through_pipes() {
    let s = server();
    let link = send(&s, &[], b"hunter2\n");
    assert!(link.starts_with(&format!("{}/#/s/", s.url)), "{link}");
    sdo()
        .args(["get", &link])
        .assert()
        .success()
        .stdout("hunter2\n")
        .stderr(predicate::str::contains("destroyed"));
    sdo()
        .args(["get", &link])
        .assert()
        .code(3)
        .stdout("")
        .stderr(predicate::str::contains(
            "does not exist or is no longer available",
        ));
}

#[test]
fn binary_file_round_trip_keeps_bytes_and_refuses_to_overwrite() {
    let s = server();
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("id_ed25519");
    let bytes: Vec<u8> = (0..5000u32).map(|i| (i * 7 % 256) as u8).collect();
    std::fs::write(&input, &bytes).unwrap();
    let link = send(&s, &[input.to_str().unwrap()], b"");

    let out = dir.path().join("restored");
    std::fs::write(&out, b"precious").unwrap();
    sdo()
        .args(["get", &link, "-o", out.to_str().unwrap()])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--force"));
    assert_eq!(
        std::fs::read(&out).unwrap(),
        b"precious",
        "nothing overwritten"
    );
    // Refusing consumed nothing: the secret is still there.
    sdo()
        .args(["get", &link, "-o", out.to_str().unwrap(), "--force"])
        .assert()
        .success();
    assert_eq!(std::fs::read(&out).unwrap(), bytes);
    let mode = std::fs::metadata(&out).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
}

#[test]
fn an_unwritable_destination_fails_before_the_secret_is_consumed() {
    let s = server();
    let link = send(&s, &[], b"still here");
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("no/such/dir/out.txt");
    sdo()
        .args(["get", &link, "-o", missing.to_str().unwrap()])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("cannot write"));
    // Nothing was consumed: the secret is still there.
    let out = dir.path().join("out.txt");
    sdo()
        .args(["get", &link, "-o", out.to_str().unwrap()])
        .assert()
        .success();
    assert_eq!(std::fs::read(&out).unwrap(), b"still here");
}

#[test]
fn a_failed_reveal_leaves_no_empty_output_file() {
    let s = server();
    let dir = tempfile::tempdir().unwrap();
    let right = write_file(dir.path(), "right", "pw one\n");
    let wrong = write_file(dir.path(), "wrong", "pw two\n");
    let link = send(&s, &["--passphrase-file", &right], b"x");
    let out = dir.path().join("out.txt");
    sdo()
        .args([
            "get",
            &link,
            "-o",
            out.to_str().unwrap(),
            "--passphrase-file",
            &wrong,
        ])
        .assert()
        .code(4);
    assert!(!out.exists());
}

#[test]
fn file_to_stdout_when_piped() {
    let s = server();
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("creds.env");
    std::fs::write(&input, b"AWS_SECRET=abc\n").unwrap();
    let link = send(&s, &[input.to_str().unwrap()], b"");
    sdo()
        .args(["get", &link])
        .assert()
        .success()
        .stdout("AWS_SECRET=abc\n")
        .stderr(predicate::str::contains("creds.env"));
}

#[test]
fn wrong_passphrase_then_right_one() {
    let s = server();
    let dir = tempfile::tempdir().unwrap();
    let right = write_file(dir.path(), "right", "correct horse\n");
    let wrong = write_file(dir.path(), "wrong", "battery staple\n");
    let link = send(&s, &["--passphrase-file", &right], b"the vault code");

    // No passphrase and no terminal to ask on: a clear error, nothing consumed.
    sdo()
        .args(["get", &link])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--passphrase-file"));
    sdo()
        .args(["get", &link, "--passphrase-file", &wrong])
        .assert()
        .code(4)
        .stdout("")
        .stderr(predicate::str::contains("4 attempts left"));
    sdo()
        .args(["get", &link, "--passphrase-file", &right])
        .assert()
        .success()
        .stdout("the vault code");
}

#[test]
fn passphrase_prompt_refuses_without_a_terminal() {
    let s = server();
    sdo()
        .args(["send", "--passphrase", "--server", &s.url])
        .write_stdin("x")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not a terminal"));
}

#[test]
fn status_and_burn_with_the_receipt() {
    let s = server();
    let created = send_json(&s, &["--views", "2", "--ttl", "10m"], b"two views");
    let (link, receipt) = (
        created["link"].as_str().unwrap(),
        created["receipt"].as_str().unwrap(),
    );
    assert_eq!(created["id"].as_str().unwrap().len(), 22);
    sdo()
        .args(["status", receipt])
        .assert()
        .success()
        .stdout(predicate::str::contains("waiting: 2 view(s) left"));
    sdo()
        .args(["get", link])
        .assert()
        .success()
        .stdout("two views");
    let status = sdo().args(["status", "--json", receipt]).output().unwrap();
    let json: serde_json::Value = serde_json::from_slice(&status.stdout).unwrap();
    assert_eq!(
        (json["state"].as_str(), json["views_left"].as_u64()),
        (Some("waiting"), Some(1))
    );

    sdo().args(["burn", receipt]).assert().success();
    sdo()
        .args(["status", receipt])
        .assert()
        .success()
        .stdout(predicate::str::contains("burned"));
    sdo().args(["get", link]).assert().code(3);
    sdo().args(["burn", receipt]).assert().code(3);
}

#[test]
fn links_can_come_from_stdin_instead_of_argv() {
    let s = server();
    let created = send_json(&s, &["--views", "2"], b"kept out of ps");
    let (link, receipt) = (
        created["link"].as_str().unwrap().to_owned(),
        created["receipt"].as_str().unwrap().to_owned(),
    );
    sdo()
        .args(["get", "-"])
        .write_stdin(format!("{link}\n"))
        .assert()
        .success()
        .stdout("kept out of ps");
    sdo()
        .args(["status", "-"])
        .write_stdin(receipt.clone())
        .assert()
        .success()
        .stdout(predicate::str::contains("1 view(s) left"));
    sdo()
        .args(["burn", "-"])
        .write_stdin(receipt)
        .assert()
        .success();
    sdo().args(["get", "-"]).write_stdin("").assert().code(2);
}

#[test]
fn burn_with_the_share_link() {
    let s = server();
    let link = send(&s, &[], b"burn me");
    sdo().args(["burn", &link]).assert().success();
    sdo().args(["get", &link]).assert().code(3);
}

#[test]
fn bad_links_are_usage_errors() {
    let s = server();
    let created = send_json(&s, &[], b"x");
    for bad in [
        "not a link",
        "https://sdo.example/#/s/short/key",
        "ftp://sdo.example/#/s/AQEBAQEBAQEBAQEBAQEBAQ/AgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgI",
        created["receipt"].as_str().unwrap(),
    ] {
        sdo().args(["get", bad]).assert().code(2).stdout("");
    }
    sdo()
        .args(["status", created["link"].as_str().unwrap()])
        .assert()
        .code(2);
    sdo()
        .args(["send", "--server", "nope"])
        .write_stdin("x")
        .assert()
        .code(2);
    sdo()
        .args(["send", "--server", &s.url, "--ttl", "5s"])
        .write_stdin("x")
        .assert()
        .code(2);
    sdo()
        .args(["send", "--server", &s.url])
        .write_stdin("")
        .assert()
        .code(2);
}

#[test]
fn unreachable_server_is_exit_5() {
    let closed = {
        let l = TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let url = format!("http://127.0.0.1:{closed}");
    sdo()
        .args(["send", "--server", &url])
        .write_stdin("x")
        .assert()
        .code(5)
        .stderr(predicate::str::contains("cannot reach"));
    let link =
        format!("{url}/#/s/AQEBAQEBAQEBAQEBAQEBAQ/AgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgI");
    sdo().args(["get", &link]).assert().code(5);
}

#[test]
fn completions_and_help() {
    sdo()
        .args(["completions", "bash"])
        .assert()
        .success()
        .stdout(predicate::str::contains("sdo"));
    sdo().arg("--help").assert().success().stdout(
        predicate::str::contains("Exit codes").and(predicate::str::contains("wrong passphrase")),
    );
}

/// An endless or huge input is refused as it is read, with a clear usage
/// error, before anything is sent (`/dev/zero` ran the client out of
/// memory; a 400 MB file took as much).
#[test]
fn endless_inputs_are_refused_while_read() {
    let nowhere = "http://127.0.0.1:9";
    sdo()
        .args(["send", "--server", nowhere, "/dev/zero"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("too large"));
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.bin");
    std::fs::File::create(&big)
        .unwrap()
        .set_len(400 * 1024 * 1024)
        .unwrap();
    sdo()
        .args(["send", "--server", nowhere, big.to_str().unwrap()])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("too large"));
    sdo()
        .args([
            "send",
            "--server",
            nowhere,
            "--passphrase-file",
            "/dev/zero",
        ])
        .write_stdin("x")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not a passphrase"));
}

/// `sdo man DIR` writes a page for `sdo` and one for each command, each
/// well-formed roff (groff warns of nothing) with the command's options;
/// a directory that cannot be made is a clear error.
#[test]
fn manual_pages() {
    let dir = tempfile::tempdir().unwrap();
    let man = dir.path().join("man1");
    sdo()
        .args(["man", man.to_str().unwrap()])
        .assert()
        .success();
    for (page, option) in [
        ("sdo", "Exit codes"),
        ("sdo-send", "passphrase\\-file"),
        ("sdo-get", "\\-\\-output"),
        ("sdo-status", "LINK"),
        ("sdo-burn", "LINK"),
        ("sdo-request", "\\-\\-note"),
        ("sdo-fill", "LINK"),
        ("sdo-collect", "\\-\\-wait"),
    ] {
        let text = std::fs::read_to_string(man.join(format!("{page}.1"))).unwrap();
        assert!(
            text.starts_with(".ie") && text.contains(&format!(".TH {page} 1")),
            "{page}"
        );
        assert!(text.contains(option), "{page} lacks {option}");
        let groff = std::process::Command::new("groff")
            .args(["-k", "-man", "-ww", "-z"])
            .arg(man.join(format!("{page}.1")))
            .output()
            .expect("groff (scripts/setup.sh installs groff-base)");
        assert!(
            groff.status.success() && groff.stderr.is_empty(),
            "{page}: {groff:?}"
        );
    }
    let file = dir.path().join("a-file");
    std::fs::write(&file, "").unwrap();
    sdo()
        .args(["man", file.to_str().unwrap()])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("a-file"));
}

fn hostile_message(_: &str, _: &str) -> (u16, String) {
    let message = "\u{1b}[2J\u{1b}]0;owned\u{7}done\nsdo: all is well\u{9b}31m\u{7f}\u{202e}";
    (
        500,
        serde_json::json!({"error": "internal", "message": message}).to_string(),
    )
}

/// One line, ending in its newline, with no other control character.
fn assert_inert(stderr: &[u8]) {
    let text = String::from_utf8(stderr.to_vec()).unwrap();
    let body = text.strip_suffix('\n').unwrap_or(&text);
    assert!(
        !body.chars().any(|c| c.is_control() || c == '\u{202e}'),
        "{text:?}"
    );
    assert!(body.contains("\\u{1b}"), "{text:?}");
}

#[test]
fn control_characters_from_the_server_or_the_sender_are_escaped() {
    let url = fake_server(hostile_message);
    let out = sdo().args(["get", &fake_link(&url)]).output().unwrap();
    assert_eq!(out.status.code(), Some(6));
    assert_inert(&out.stderr);

    let s = server();
    let name = "x\u{1b}]0;owned\u{7}\u{9b}2J\n.txt";
    let payload = Payload::file(name, "text/plain\u{1b}[31m", b"data".to_vec());
    let (link, _) = create(&s, &payload, 2);
    let out = sdo().args(["get", &link]).output().unwrap();
    assert!(out.status.success());
    assert_eq!(out.stdout, b"data");
    let stderr = String::from_utf8(out.stderr).unwrap();
    let (file_line, views_line) = stderr.split_once('\n').unwrap();
    assert_inert(format!("{file_line}\n").as_bytes());
    assert_eq!(views_line, "It can be viewed 1 more time.\n");
}
