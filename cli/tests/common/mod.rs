//! The harness shared by the CLI's test binaries: a real `sdo-server` in
//! this process on a free port, the `sdo` binary, and a hand-written HTTP
//! responder for answers a real server gives only under failure.
// Each test binary uses a different part of this module.
#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::path::Path;

use assert_cmd::Command;
use clap::Parser;
use predicates::prelude::*;
use sdo_backend::config::Config;
use sdo_backend::server;
use sdo_shared::api::CreateResponse;
use sdo_shared::client;
use sdo_shared::link::{ReceiptLink, ShareLink};
use sdo_shared::payload::Payload;
use sdo_shared::secret::{ManageToken, SecretId};
use tokio::sync::oneshot;

/// A running server; stops when dropped.
pub struct Server {
    pub url: String,
    stop: Option<oneshot::Sender<()>>,
    _data: tempfile::TempDir,
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}

pub fn server() -> Server {
    server_with(&[])
}

/// A server with more flags (`--max-blob-bytes 1000`…).
pub fn server_with(flags: &[&str]) -> Server {
    let data = tempfile::tempdir().unwrap();
    let config = Config::try_parse_from(
        [
            "sdo-server",
            "--rate-limit",
            "0",
            "--data-dir",
            data.path().to_str().unwrap(),
        ]
        .into_iter()
        .chain(flags.iter().copied()),
    )
    .unwrap();
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    listener.set_nonblocking(true).unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let (stop, stopped) = oneshot::channel::<()>();
    std::thread::spawn(move || {
        let rt = tokio::runtime::Runtime::new().unwrap();
        rt.block_on(async move {
            let built = server::build(&config).await.unwrap();
            let listener = tokio::net::TcpListener::from_std(listener).unwrap();
            let shutdown = async {
                let _ = stopped.await;
            };
            server::serve(listener, built, None, shutdown)
                .await
                .unwrap();
        });
    });
    Server {
        url,
        stop: Some(stop),
        _data: data,
    }
}

pub fn sdo() -> Command {
    let mut cmd = Command::cargo_bin("sdo").unwrap();
    cmd.env_remove("SDO_SERVER");
    cmd
}

pub fn send(server: &Server, args: &[&str], stdin: &[u8]) -> String {
    let out = sdo()
        .args(["send", "--server", &server.url])
        .args(args)
        .write_stdin(stdin.to_vec())
        .assert()
        .success()
        .stderr(predicate::str::contains("Receipt"))
        .get_output()
        .stdout
        .clone();
    let stdout = String::from_utf8(out).unwrap();
    assert_eq!(
        stdout.lines().count(),
        1,
        "stdout is the link alone: {stdout:?}"
    );
    stdout.trim().to_owned()
}

pub fn send_json(server: &Server, args: &[&str], stdin: &[u8]) -> serde_json::Value {
    let out = sdo()
        .args(["send", "--json", "--server", &server.url])
        .args(args)
        .write_stdin(stdin.to_vec())
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    serde_json::from_slice(&out).unwrap()
}

pub fn write_file(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_owned()
}

/// Views left, from the receipt: how a test tells that a secret was
/// consumed exactly once (or not at all).
pub fn views_left(receipt: &str) -> u64 {
    let out = sdo().args(["status", "--json", receipt]).output().unwrap();
    assert!(out.status.success(), "{out:?}");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    match json["state"].as_str() {
        Some("waiting") => json["views_left"].as_u64().unwrap(),
        _ => 0,
    }
}

/// A secret with a payload `sdo send` would not make (a sender may be
/// another client): (share link, receipt link).
pub fn create(server: &Server, payload: &Payload, views: u32) -> (String, String) {
    let prepared = client::prepare(payload, None, 3600, views).unwrap();
    let body = serde_json::to_string(&prepared.request).unwrap();
    let answer = ureq::post(format!("{}/api/v1/secrets", server.url))
        .header("Content-Type", "application/json")
        .send(body.as_str())
        .unwrap()
        .body_mut()
        .read_to_string()
        .unwrap();
    let created: CreateResponse = serde_json::from_str(&answer).unwrap();
    let id = SecretId::parse(&created.id).unwrap();
    let share = ShareLink {
        origin: server.url.clone(),
        id,
        link_key: prepared.link_key,
    };
    let receipt = ReceiptLink {
        origin: server.url.clone(),
        id,
        manage_token: ManageToken::from_slice(created.manage_token.as_bytes()).unwrap(),
    };
    (share.to_url(), receipt.to_url())
}

/// A share link on a fake server (any id and key: it checks nothing).
pub fn fake_link(url: &str) -> String {
    format!("{url}/#/s/AQEBAQEBAQEBAQEBAQEBAQ/AgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgI")
}

/// A server that answers each request with `answer(method, path)`:
/// (status, JSON body), or status 0 for no answer at all (the connection
/// closes). It reads each request whole before answering, so the client
/// never sees a reset instead of the answer.
pub fn fake_server(answer: fn(&str, &str) -> (u16, String)) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(stream) = stream else { continue };
            let mut reader = BufReader::new(stream);
            let mut request_line = String::new();
            let mut content_length = 0;
            let _ = reader.read_line(&mut request_line);
            loop {
                let mut line = String::new();
                if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
                    break;
                }
                if let Some((name, value)) = line.split_once(':')
                    && name.eq_ignore_ascii_case("content-length")
                {
                    content_length = value.trim().parse().unwrap_or(0);
                }
            }
            let mut body = vec![0; content_length];
            let _ = reader.read_exact(&mut body);
            let mut parts = request_line.split_whitespace();
            let (method, path) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
            let (status, body) = answer(method, path);
            if status == 0 {
                // The request was read, and no answer comes: the line
                // went after it reached the server.
                continue;
            }
            // A body that is not JSON (`<html>…`) goes out as a page, as a
            // wrong server's or a proxy's would.
            let content_type = if body.starts_with('<') {
                "text/html"
            } else {
                "application/json"
            };
            let response = format!(
                "HTTP/1.1 {status} X\r\ncontent-type: {content_type}\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
                body.len()
            );
            let _ = reader.get_mut().write_all(response.as_bytes());
        }
    });
    url
}
