//! `sdo get` never loses a secret it has consumed: each way the delivery can
//! fail, against a real server. Every test checks that the bytes are where
//! the CLI said, and that the secret was consumed once (or, when the failure
//! is found before the reveal, not at all).
//!
//! Tests run as root, where permissions do not make a file unwritable, so
//! failures come from what root cannot do either: /dev/full (every write is
//! ENOSPC), a FIFO whose reader leaves (EPIPE), /proc (no new files), a
//! name over 255 bytes, a dangling symlink.

mod common;

use std::io::Read;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Output;

use common::*;
use predicates::prelude::*;
use sdo_shared::payload::Payload;

/// A secret that can be viewed twice: (link, receipt).
fn two_views(s: &Server, stdin: &[u8]) -> (String, String) {
    let created = send_json(s, &["--views", "2"], stdin);
    let field = |k: &str| created[k].as_str().unwrap().to_owned();
    (field("link"), field("receipt"))
}

/// The one file in `dir`, which must be private to its owner.
fn only_private_file(dir: &Path) -> PathBuf {
    let files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    let mode = std::fs::metadata(&files[0]).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    files[0].clone()
}

/// `sdo get LINK` with stdout on a terminal (a pty from util-linux
/// `script`), in `cwd`, with TMPDIR set. stdout and stderr arrive merged.
fn get_on_a_terminal(link: &str, cwd: &Path, tmpdir: &Path) -> (Option<i32>, String) {
    on_a_terminal(&["get", link], cwd, tmpdir)
}

/// `sdo ARGS` on a terminal, as above.
fn on_a_terminal(args: &[&str], cwd: &Path, tmpdir: &Path) -> (Option<i32>, String) {
    let bin = assert_cmd::cargo::cargo_bin("sdo");
    let out: Output = std::process::Command::new("script")
        .args([
            "-qec",
            &format!(
                "'{}' {}",
                bin.display(),
                args.iter()
                    .map(|a| format!("'{a}'"))
                    .collect::<Vec<_>>()
                    .join(" ")
            ),
            "/dev/null",
        ])
        .current_dir(cwd)
        .env_remove("SDO_SERVER")
        .env("TMPDIR", tmpdir)
        .output()
        .expect("util-linux script, for a pty");
    let text = String::from_utf8_lossy(&out.stdout).replace("\r\n", "\n");
    (out.status.code(), text)
}

#[test]
fn a_full_disk_after_the_reveal_puts_the_secret_on_stdout() {
    let s = server();
    let (link, receipt) = two_views(&s, b"survives ENOSPC");
    sdo()
        .args(["get", &link, "-o", "/dev/full"])
        .assert()
        .code(1)
        .stdout("survives ENOSPC")
        .stderr(
            predicate::str::contains("cannot write /dev/full")
                .and(predicate::str::contains("written to stdout instead")),
        );
    assert_eq!(views_left(&receipt), 1);
}

#[test]
fn when_stdout_fails_too_the_secret_goes_to_a_private_file_in_tmpdir() {
    let s = server();
    let (link, receipt) = two_views(&s, b"nowhere to go");
    let tmp = tempfile::tempdir().unwrap();
    let full = || {
        std::fs::File::options()
            .write(true)
            .open("/dev/full")
            .unwrap()
    };
    // -o and stdout are both /dev/full; then stdout alone, without -o.
    for args in [&["-o", "/dev/full"][..], &[]] {
        let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("sdo"))
            .args(["get", &link])
            .args(args)
            .env("TMPDIR", tmp.path())
            .stdout(full())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{out:?}");
        let rescued = only_private_file(tmp.path());
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert!(
            stderr.contains(&format!("saved in \"{}\"", rescued.display())),
            "{stderr}"
        );
        assert_eq!(std::fs::read(&rescued).unwrap(), b"nowhere to go");
        std::fs::remove_file(rescued).unwrap();
    }
    assert_eq!(views_left(&receipt), 0, "two gets, two views");
}

#[test]
fn dev_stdout_is_stdout_whatever_stdout_is() {
    let s = server();
    let created = send_json(&s, &["--views", "3"], b"to stdout");
    let (link, receipt) = (
        created["link"].as_str().unwrap(),
        created["receipt"].as_str().unwrap(),
    );
    // A pipe: it exists but holds nothing to overwrite, and cannot be
    // truncated.
    for force in [&[][..], &["--force"]] {
        sdo()
            .args(["get", link, "-o", "/dev/stdout"])
            .args(force)
            .assert()
            .success()
            .stdout("to stdout");
    }
    assert_eq!(views_left(receipt), 1);
    // A file the shell opened for appending (>>): appended to, not
    // truncated or written over from its start.
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("log");
    std::fs::write(&log, "before\n").unwrap();
    let append = std::fs::File::options().append(true).open(&log).unwrap();
    let status = std::process::Command::new(assert_cmd::cargo::cargo_bin("sdo"))
        .args(["get", link, "-o", "/dev/stdout"])
        .env_remove("SDO_SERVER")
        .stdout(append)
        .status()
        .unwrap();
    assert!(status.success());
    assert_eq!(std::fs::read(&log).unwrap(), b"before\nto stdout");
    assert_eq!(views_left(receipt), 0);
}

#[test]
fn a_fifo_whose_reader_leaves_gets_the_secret_on_stdout_instead() {
    let s = server();
    // More than a pipe holds (64 KiB), so the write must outlive the reader.
    let secret: Vec<u8> = (0..200_000u32).map(|i| (i % 251) as u8).collect();
    let (link, receipt) = two_views(&s, &secret);
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("fifo");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || {
            let mut head = [0u8; 10];
            std::fs::File::open(fifo)
                .unwrap()
                .read_exact(&mut head)
                .unwrap();
            head
        })
    };
    let out = sdo()
        .args(["get", &link, "-o", fifo.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert_eq!(
        out.stdout, secret,
        "the whole secret, not what the FIFO missed"
    );
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("written to stdout instead")
    );
    assert_eq!(reader.join().unwrap(), secret[..10]);
    assert_eq!(views_left(&receipt), 1);
}

#[test]
fn a_dangling_symlink_is_never_followed() {
    let s = server();
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("key.pem");
    std::fs::write(&input, b"-----BEGIN KEY-----").unwrap();
    let created = send_json(&s, &["--views", "2", input.to_str().unwrap()], b"");
    let (link, receipt) = (
        created["link"].as_str().unwrap(),
        created["receipt"].as_str().unwrap(),
    );
    let cwd = tempfile::tempdir().unwrap();
    let target = cwd.path().join("planted");
    std::os::unix::fs::symlink(&target, cwd.path().join("key.pem")).unwrap();

    // As -o: refused before the reveal.
    sdo()
        .args([
            "get",
            link,
            "-o",
            cwd.path().join("key.pem").to_str().unwrap(),
        ])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "symlink to a file that does not exist",
        ));
    assert_eq!(views_left(receipt), 2);

    // As the sender's file name on a terminal: saved beside it.
    let (code, output) = get_on_a_terminal(link, cwd.path(), cwd.path());
    assert_eq!(code, Some(0), "{output}");
    assert!(output.contains("Saved \"key.pem.1\""), "{output}");
    assert_eq!(
        std::fs::read(cwd.path().join("key.pem.1")).unwrap(),
        b"-----BEGIN KEY-----"
    );
    assert!(!target.exists(), "nothing was written through the symlink");
    assert_eq!(views_left(receipt), 1);
}

#[test]
fn a_name_over_255_bytes_is_shortened_or_refused_before_the_reveal() {
    let s = server();
    let name = format!("{}.env", "é".repeat(150));
    let payload = Payload::file(name.clone(), "text/plain", b"A=1\n".to_vec());
    let (link, receipt) = create(&s, &payload, 2);
    let cwd = tempfile::tempdir().unwrap();

    // As -o: the file system refuses it before the reveal.
    sdo()
        .args(["get", &link, "-o"])
        .arg(cwd.path().join(&name))
        .assert()
        .code(1)
        .stderr(predicate::str::contains("cannot write"));
    assert_eq!(views_left(&receipt), 2);

    // As the sender's file name on a terminal: cut to fit.
    let (code, output) = get_on_a_terminal(&link, cwd.path(), cwd.path());
    assert_eq!(code, Some(0), "{output}");
    let saved = only_private_file(cwd.path());
    let saved_name = saved.file_name().unwrap().to_str().unwrap();
    assert!(
        saved_name.len() <= 255 && saved_name.ends_with(".env"),
        "{saved_name}"
    );
    assert!(
        output.contains(&format!("Saved \"{saved_name}\"")),
        "{output}"
    );
    assert_eq!(std::fs::read(&saved).unwrap(), b"A=1\n");
    assert_eq!(views_left(&receipt), 1);
}

#[test]
fn an_unwritable_current_directory_saves_the_file_in_tmpdir() {
    let s = server();
    let payload = Payload::file("id_ed25519", "application/octet-stream", vec![7; 300]);
    let (link, receipt) = create(&s, &payload, 2);
    let tmp = tempfile::tempdir().unwrap();
    // Not even root can create a file in /proc.
    let (code, output) = get_on_a_terminal(&link, Path::new("/proc"), tmp.path());
    assert_eq!(code, Some(1), "{output}");
    let rescued = only_private_file(tmp.path());
    assert!(
        output.contains("cannot save \"id_ed25519\" in the current directory")
            && output.contains(&format!("saved in \"{}\"", rescued.display())),
        "{output}"
    );
    assert_eq!(std::fs::read(&rescued).unwrap(), vec![7; 300]);
    assert_eq!(views_left(&receipt), 1);
}

#[test]
fn text_on_a_terminal_ends_its_line_and_elsewhere_stays_exact() {
    let s = server();
    let (link, _) = two_views(&s, b"no newline at the end");
    let tmp = tempfile::tempdir().unwrap();
    // On a terminal, the next line (stderr's) starts on a line of its own.
    let (code, output) = get_on_a_terminal(&link, tmp.path(), tmp.path());
    assert_eq!(code, Some(0), "{output}");
    assert!(
        output.starts_with("no newline at the end\nIt can be viewed 1 more time."),
        "{output:?}"
    );
    // In a pipe, the bytes are the secret's, and nothing more.
    sdo()
        .args(["get", &link])
        .assert()
        .success()
        .stdout("no newline at the end");
}
