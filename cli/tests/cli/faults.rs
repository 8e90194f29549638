//! A server that fails, or whose answer to a consuming call is cut off,
//! unconfirmed or not the API's: the exit code and message say what may
//! have happened to the secret.

use super::*;

#[test]
fn a_failing_server_is_exit_6() {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for stream in listener.incoming().take(2) {
            let mut stream = stream.unwrap();
            let mut buf = [0u8; 4096];
            let _ = stream.read(&mut buf);
            let _ = stream.write_all(
                b"HTTP/1.1 500 Internal Server Error\r\ncontent-length: 0\r\nconnection: close\r\n\r\n",
            );
        }
    });
    sdo()
        .args(["send", "--server", &url])
        .write_stdin("x")
        .assert()
        .code(6)
        .stderr(predicate::str::contains("500"));
}

const META: &str = r#"{"kdf":null,"expires_at":4102444800,"views_left":1}"#;

fn reveal_outcome_unknown(method: &str, _: &str) -> (u16, String) {
    match method {
        "GET" => (200, META.into()),
        _ => (
            503,
            r#"{"error":"outcome_unknown","message":"the answer was lost"}"#.into(),
        ),
    }
}

fn reveal_cut_off(method: &str, _: &str) -> (u16, String) {
    match method {
        "GET" => (200, META.into()),
        _ => (200, r#"{"blob":"AQID"#.into()),
    }
}

/// The server took the view and answered 200, but the body that arrived
/// is not whole: the secret was released and lost on the way, which is
/// exit 7 with the receipt's hint, not "a bad server" (6) or "try again".
#[test]
fn a_reveal_answered_but_cut_off_is_an_unknown_outcome() {
    a_reveal_ends_unknown(reveal_cut_off);
}

/// `sdo get` against a fake server answering as `answer` does: exit 7,
/// nothing on stdout, and the receipt's hint.
fn a_reveal_ends_unknown(answer: fn(&str, &str) -> (u16, String)) {
    let url = fake_server(answer);
    sdo()
        .args(["get", &fake_link(&url)])
        .assert()
        .code(7)
        .stdout("")
        .stderr(predicate::str::contains("receipt"));
}

fn reveal_answered_with_a_page(method: &str, _: &str) -> (u16, String) {
    match method {
        "GET" => (200, META.into()),
        _ => (200, "<html><body>Welcome</body></html>".into()),
    }
}

/// A 200 that is not JSON at all is a wrong server or a proxy's page, not
/// a reveal that was done: exit 6, "not the API", not "may be used up".
#[test]
fn a_reveal_answered_with_a_page_not_json_is_a_bad_server() {
    let url = fake_server(reveal_answered_with_a_page);
    sdo()
        .args(["get", &fake_link(&url)])
        .assert()
        .code(6)
        .stderr(predicate::str::contains("not the self-destruct-o API"));
}

fn reveal_unavailable(method: &str, _: &str) -> (u16, String) {
    match method {
        "GET" => (200, META.into()),
        _ => (
            503,
            r#"{"error":"unavailable","message":"nothing was consumed"}"#.into(),
        ),
    }
}

#[test]
fn an_unconfirmed_reveal_or_burn_is_exit_7_and_says_it_may_be_gone() {
    let url = fake_server(reveal_outcome_unknown);
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.txt");
    sdo()
        .args(["get", &fake_link(&url), "-o", out.to_str().unwrap()])
        .assert()
        .code(7)
        .stdout("")
        .stderr(
            predicate::str::contains("could not confirm whether the secret was used up")
                .and(predicate::str::contains("may be gone"))
                .and(predicate::str::contains("receipt")),
        );
    assert!(!out.exists(), "nothing was written, so nothing is left");
    sdo()
        .args(["burn", &fake_link(&url)])
        .assert()
        .code(7)
        .stderr(predicate::str::contains("whether the secret was burned"));

    let url = fake_server(reveal_unavailable);
    sdo()
        .args(["get", &fake_link(&url)])
        .assert()
        .code(6)
        .stderr(
            predicate::str::contains("nothing was used up")
                .and(predicate::str::contains("could not confirm").not()),
        );
}

fn reveal_unanswered(method: &str, _: &str) -> (u16, String) {
    match method {
        "GET" => (200, META.into()),
        _ => (0, String::new()),
    }
}

/// The reveal reached the server and the connection went before any
/// answer: the view may have been taken, so exit 7 with the receipt's
/// hint, not 5 "cannot reach" (which tells a script to try again). A
/// server that cannot be reached at all stays exit 5
/// (`unreachable_server_is_exit_5`).
#[test]
fn a_reveal_sent_and_never_answered_is_an_unknown_outcome() {
    a_reveal_ends_unknown(reveal_unanswered);
}
