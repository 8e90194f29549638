//! The HTTP edges: rate limiting, CORS, the static app, the limits clients
//! are told (`GET /config`), and the real `sdo-server` process (start-up,
//! refusal, graceful shutdown).

mod common;

use std::net::SocketAddr;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use axum::extract::connect_info::MockConnectInfo;
use axum::http::{Method, Request, StatusCode, header};
use common::{Backend, TestApp};
use sdo_backend::app::{HttpOptions, StaticApp};
use sdo_backend::rate_limit::RateLimit;
use sdo_backend::service::Limits;
use sdo_shared::payload::{MAX_PADDED_LEN, PAD_BLOCK, Payload};
use sdo_shared::{base64url, blob, client};
use serde_json::{Value, json};

#[tokio::test]
async fn over_the_rate_limit_is_429_with_retry_after() {
    let options = HttpOptions {
        rate_limit: RateLimit::per_minute(3),
        ..Default::default()
    };
    let mut app = TestApp::with(Backend::Sqlite, Default::default(), options).await;
    app.router = app
        .router
        .clone()
        .layer(MockConnectInfo(SocketAddr::from(([192, 0, 2, 1], 5000))));
    for _ in 0..3 {
        let r = app.call(Method::GET, "/api/v1/health", None, None).await;
        assert_eq!(r.status, StatusCode::OK);
    }
    let r = app.call(Method::GET, "/api/v1/health", None, None).await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(r.json["error"], "rate_limited");
    let retry: u64 = r.headers[header::RETRY_AFTER]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=60).contains(&retry));
    assert_eq!(r.headers[header::CACHE_CONTROL], "no-store");
}

#[tokio::test]
async fn cors_allows_only_the_configured_origin() {
    let options = HttpOptions {
        allowed_origin: Some("https://app.example".parse().unwrap()),
        ..Default::default()
    };
    let app = TestApp::with(Backend::Sqlite, Default::default(), options).await;
    let preflight = |origin: &str| {
        Request::builder()
            .method(Method::OPTIONS)
            .uri("/api/v1/secrets")
            .header(header::ORIGIN, origin)
            .header(header::ACCESS_CONTROL_REQUEST_METHOD, "POST")
            .header(header::ACCESS_CONTROL_REQUEST_HEADERS, "content-type")
            .body(axum::body::Body::empty())
            .unwrap()
    };
    let ok = app.send(preflight("https://app.example")).await;
    assert_eq!(
        ok.headers[header::ACCESS_CONTROL_ALLOW_ORIGIN],
        "https://app.example"
    );
    let other = app.send(preflight("https://evil.example")).await;
    // The browser compares this to its own origin and refuses the call.
    assert_ne!(
        other
            .headers
            .get(header::ACCESS_CONTROL_ALLOW_ORIGIN)
            .map(|v| v.as_bytes()),
        Some(&b"https://evil.example"[..])
    );
}

#[tokio::test]
async fn static_app_is_served_with_a_strict_csp() {
    let dist = tempfile::tempdir().unwrap();
    std::fs::write(
        dist.path().join("index.html"),
        "<!doctype html><title>sdo</title>",
    )
    .unwrap();
    let options = HttpOptions {
        static_app: StaticApp::Dir(dist.path().to_owned()),
        ..Default::default()
    };
    let app = TestApp::with(Backend::Sqlite, Default::default(), options).await;
    let r = app.call(Method::GET, "/", None, None).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.json.as_str().unwrap().contains("<title>sdo</title>"));
    let csp = r.headers[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
    assert!(csp.contains("frame-ancestors 'none'"));
    assert!(!csp.contains("unsafe-inline"));
    assert_eq!(r.headers[header::X_FRAME_OPTIONS], "DENY");
    let missing = app.call(Method::GET, "/missing.js", None, None).await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    assert_eq!(missing.json["error"], "not_found");
    // The API still wins over the static fallback.
    assert_eq!(
        app.call(Method::GET, "/api/v1/health", None, None)
            .await
            .status,
        StatusCode::OK
    );
}

struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
    }
}

fn spawn_server(data: &std::path::Path, port: u16, flags: &[&str]) -> Server {
    Server(
        Command::new(env!("CARGO_BIN_EXE_sdo-server"))
            .args(["--listen", &format!("127.0.0.1:{port}"), "--data-dir"])
            .arg(data)
            .args(flags)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap(),
    )
}

async fn wait_healthy(port: u16) {
    let deadline = Instant::now() + Duration::from_secs(20);
    let url = format!("http://127.0.0.1:{port}/api/v1/health");
    while Instant::now() < deadline {
        if let Ok(r) = reqwest::get(&url).await
            && r.status() == 200
        {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("server did not become healthy");
}

#[tokio::test]
async fn the_binary_serves_and_shuts_down_gracefully() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let port = common::free_port();
    let mut server = spawn_server(&data, port, &[]);
    wait_healthy(port).await;
    let config: Value = reqwest::get(format!("http://127.0.0.1:{port}/api/v1/config"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(config, default_config());
    let r = reqwest::get(format!("http://127.0.0.1:{port}/api/v1/secrets/x"))
        .await
        .unwrap();
    assert_eq!(r.status(), 401);
    assert_eq!(r.headers()["content-type"], "application/json");

    let status = Command::new("kill")
        .args(["-TERM", &server.0.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let deadline = Instant::now() + Duration::from_secs(10);
    let exit = loop {
        if let Some(exit) = server.0.try_wait().unwrap() {
            break exit;
        }
        assert!(Instant::now() < deadline, "no exit after SIGTERM");
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    assert!(exit.success(), "{exit:?}");
    let mode = std::os::unix::fs::PermissionsExt::mode(
        &std::fs::metadata(data.join("master.key"))
            .unwrap()
            .permissions(),
    );
    assert_eq!(mode & 0o777, 0o600);
    let mode = std::os::unix::fs::PermissionsExt::mode(
        &std::fs::metadata(data.join("secrets.db"))
            .unwrap()
            .permissions(),
    );
    assert_eq!(mode & 0o777, 0o600, "the database is private too");
}

#[test]
fn the_binary_refuses_a_master_key_others_can_read() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let key = dir.path().join("master.key");
    std::fs::write(&key, [7u8; 32]).unwrap();
    std::fs::set_permissions(&key, std::fs::Permissions::from_mode(0o644)).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_sdo-server"))
        .args(["--listen", "127.0.0.1:0", "--data-dir"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("chmod 600"), "{stderr}");
    // Refused before anything was made beside it (a database, a lock).
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(left, ["master.key"], "{stderr}");

    // Through a link (a mounted secret), no chmod is suggested: it would
    // change whatever the link points to.
    let elsewhere = tempfile::tempdir().unwrap();
    let linked = elsewhere.path().join("data");
    std::fs::create_dir(&linked).unwrap();
    std::os::unix::fs::symlink(&key, linked.join("master.key")).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_sdo-server"))
        .args(["--listen", "127.0.0.1:0", "--data-dir"])
        .arg(&linked)
        .output()
        .unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("links to") && !stderr.contains("chmod"),
        "{stderr}"
    );
    let mode = std::fs::metadata(&key).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o644, "the target was left as it was");
}

/// A listening address that cannot be had (a port in use) fails before a
/// data directory, key or database is made.
#[test]
fn a_port_in_use_fails_before_the_data_directory_is_made() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = taken.local_addr().unwrap().to_string();
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let out = Command::new(env!("CARGO_BIN_EXE_sdo-server"))
        .args(["--listen", &addr, "--data-dir"])
        .arg(&data)
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(!data.exists(), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn help_explains_every_flag() {
    let out = Command::new(env!("CARGO_BIN_EXE_sdo-server"))
        .arg("--help")
        .output()
        .unwrap();
    let help = String::from_utf8_lossy(&out.stdout);
    for flag in [
        "--listen",
        "--data-dir",
        "--static-dir",
        "--max-ttl",
        "--max-blob-bytes",
        "--max-attempts",
        "--allowed-origin",
        "--rate-limit",
        "SDO_LISTEN",
    ] {
        assert!(help.contains(flag), "{flag} missing from --help");
    }
}

/// Forwarding headers from a peer that is not a trusted proxy change
/// nothing (a client cannot pick its own bucket); from a trusted proxy, the
/// client it names gets its own bucket.
#[tokio::test]
async fn forwarded_addresses_count_only_from_trusted_proxies() {
    use sdo_backend::client_ip::ClientIp;

    let client_ip = ClientIp {
        trusted_proxies: ClientIp::parse_proxies("10.0.0.0/8").unwrap(),
        cloudfront: false,
    };
    let options = HttpOptions {
        rate_limit: RateLimit::new(2, client_ip, Duration::from_secs(60)),
        ..Default::default()
    };
    let app = TestApp::with(Backend::Sqlite, Default::default(), options).await;
    let from = |peer: [u8; 4], forwarded: &str| {
        let router = app.router.clone();
        let mut request = Request::get("/api/v1/health")
            .header("x-forwarded-for", forwarded)
            .header("cloudfront-viewer-address", format!("{forwarded}:443"))
            .body(axum::body::Body::empty())
            .unwrap();
        // What axum's server puts there for a TCP peer.
        request
            .extensions_mut()
            .insert(axum::extract::ConnectInfo(SocketAddr::from((peer, 5000))));
        async move {
            use tower::ServiceExt;
            router.oneshot(request).await.unwrap().status()
        }
    };
    let untrusted = [198, 51, 100, 1];
    assert_eq!(from(untrusted, "203.0.113.1").await, StatusCode::OK);
    assert_eq!(from(untrusted, "203.0.113.2").await, StatusCode::OK);
    // Rotating spoofed addresses does not escape the peer's own budget.
    assert_eq!(
        from(untrusted, "203.0.113.3").await,
        StatusCode::TOO_MANY_REQUESTS
    );

    let proxy = [10, 0, 0, 2];
    assert_eq!(from(proxy, "203.0.113.1").await, StatusCode::OK);
    assert_eq!(from(proxy, "1.1.1.1, 203.0.113.1").await, StatusCode::OK);
    assert_eq!(
        from(proxy, "203.0.113.1").await,
        StatusCode::TOO_MANY_REQUESTS
    );
    // Another client behind the same proxy is not held back.
    assert_eq!(from(proxy, "203.0.113.9").await, StatusCode::OK);
}

/// A consuming request is exempt from the request timeout, but its body is
/// not: a client that never finishes sending gets 503 in time, and the
/// secret is untouched.
#[tokio::test(flavor = "multi_thread")]
async fn a_reveal_body_that_never_arrives_times_out_and_consumes_nothing() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    let options = HttpOptions {
        request_timeout: Duration::from_millis(300),
        ..Default::default()
    };
    let app = TestApp::with(Backend::Sqlite, Default::default(), options).await;
    let c = app.create("slow client").await;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let router = app.router.clone();
    tokio::spawn(async move {
        axum::serve(
            listener,
            router.into_make_service_with_connect_info::<SocketAddr>(),
        )
        .await
    });
    let mut stream = tokio::net::TcpStream::connect(addr).await.unwrap();
    let head = format!(
        "POST {}/reveal HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {}\r\n\
         Content-Type: application/json\r\nContent-Length: 200\r\n\r\n{{\"reveal_token\":",
        c.secret_uri(),
        c.link_token()
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    let started = Instant::now();
    let mut answer = vec![0u8; 4096];
    let n = tokio::time::timeout(Duration::from_secs(5), stream.read(&mut answer))
        .await
        .expect("an answer before the client finishes")
        .unwrap();
    let answer = String::from_utf8_lossy(&answer[..n]);
    assert!(answer.starts_with("HTTP/1.1 503"), "{answer}");
    assert!(answer.contains("\"unavailable\""), "{answer}");
    assert!(started.elapsed() < Duration::from_secs(3));
    let receipt = app.receipt(&c).await;
    assert_eq!(receipt.json["state"], "waiting");
}

/// A reveal body over the limit without a Content-Length (so only reading
/// it finds out) is 413, like any other body; found by the `api` fuzz target.
#[tokio::test]
async fn an_oversized_reveal_body_without_a_length_is_413() {
    let app = TestApp::new(Backend::Sqlite).await;
    let c = app.create("small").await;
    let body = format!("{{\"reveal_token\":\"{}\"}}", "A".repeat(1_000_000));
    let request = Request::post(format!("{}/reveal", c.secret_uri()))
        .header(header::AUTHORIZATION, format!("Bearer {}", c.link_token()))
        .header(header::CONTENT_TYPE, "application/json")
        .body(axum::body::Body::from(body))
        .unwrap();
    let r = app.send(request).await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE, "{}", r.json);
    assert_eq!(r.json["error"], "too_large");
    assert_eq!(app.receipt(&c).await.json["state"], "waiting");
}

/// What `GET /api/v1/config` says with the default flags.
fn default_config() -> Value {
    json!({
        "min_ttl_secs": 60,
        "max_ttl_secs": 604_800,
        "max_views": 100,
        "max_payload_bytes": 262_144,
        "max_attempts": 5,
        "requests_enabled": true,
    })
}

async fn get_config(app: &TestApp) -> Value {
    let r = app.call(Method::GET, "/api/v1/config", None, None).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.json);
    r.json
}

#[tokio::test]
async fn config_states_the_default_limits_to_anyone() {
    let app = TestApp::new(Backend::Sqlite).await;
    let r = app.call(Method::GET, "/api/v1/config", None, None).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.json);
    assert_eq!(r.json, default_config());
    assert_eq!(r.headers[header::CONTENT_TYPE], "application/json");
    // Like every answer; limits can change on a restart, so nothing caches.
    assert_eq!(r.headers[header::CACHE_CONTROL], "no-store");
    assert_eq!(r.headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
}

/// A server with lower limits states them, and each stated bound is where
/// a create (or a wrong passphrase) starts being refused.
#[tokio::test]
async fn config_states_lower_limits_and_they_are_the_ones_enforced() {
    let limits = Limits {
        max_ttl_secs: 3600,
        max_views: 3,
        max_attempts: 2,
        max_blob_bytes: 10_000,
    };
    let app = TestApp::with(Backend::Sqlite, limits, Default::default()).await;
    let config = get_config(&app).await;
    assert_eq!(
        config,
        json!({
            "min_ttl_secs": 60,
            "max_ttl_secs": 3600,
            "max_views": 3,
            "max_payload_bytes": 9728,
            "max_attempts": 2,
            "requests_enabled": true,
        })
    );
    let number = |field: &str| config[field].as_u64().unwrap();
    let (min_ttl, max_ttl) = (number("min_ttl_secs"), number("max_ttl_secs"));
    let max_views = number("max_views") as u32;
    let text = Payload::text("bounds");
    let create = |ttl, views| {
        let prepared = client::prepare(&text, None, ttl, views).unwrap();
        app.post_create(serde_json::to_value(&prepared.request).unwrap())
    };
    for (ttl, views, status) in [
        (min_ttl, 1, StatusCode::CREATED),
        (min_ttl - 1, 1, StatusCode::BAD_REQUEST),
        (max_ttl, 1, StatusCode::CREATED),
        (max_ttl + 1, 1, StatusCode::BAD_REQUEST),
        (600, max_views, StatusCode::CREATED),
        (600, max_views + 1, StatusCode::BAD_REQUEST),
    ] {
        let r = create(ttl, views).await;
        assert_eq!(r.status, status, "ttl {ttl}, views {views}: {}", r.json);
    }

    let c = app.create_with(&text, Some("right"), 600, 1).await;
    for left in (0..number("max_attempts")).rev() {
        let r = app.reveal(&c, Some("wrong")).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.json);
        assert_eq!(r.json["attempts_left"], left);
    }
    assert_eq!(app.receipt(&c).await.json["state"], "locked");
}

/// A text payload whose padded encoding is exactly `padded` bytes.
fn payload_of(padded: usize) -> Payload {
    // Its header: kind (1), name and mime lengths (2 + 2), data length (4).
    let payload = Payload::text("x".repeat(padded - 9));
    assert_eq!(payload.padded_len(), padded);
    payload
}

/// A create body whose blob holds a padded payload of `padded` bytes. Past
/// the protocol's ceiling no client seals one, so it is a blob of that
/// shape, which is all the server can check.
fn create_body(padded: usize) -> Value {
    if padded <= MAX_PADDED_LEN {
        let prepared = client::prepare(&payload_of(padded), None, 600, 1).unwrap();
        assert_eq!(prepared.request.blob.len(), blob::OVERHEAD + padded);
        return serde_json::to_value(&prepared.request).unwrap();
    }
    let mut sealed = vec![0u8; blob::OVERHEAD + padded];
    sealed[0] = blob::VERSION_V1;
    let prepared = client::prepare(&Payload::text("x"), None, 600, 1).unwrap();
    let mut body = serde_json::to_value(&prepared.request).unwrap();
    body["blob"] = base64url::encode(&sealed).into();
    body
}

/// `max_payload_bytes` is exact: a payload padded to it is stored and
/// revealed whole, one pad block more is 413. With the protocol's blob
/// limit, with one that falls between two blocks, and with the smallest.
#[tokio::test]
async fn max_payload_bytes_is_accepted_and_one_block_more_is_413() {
    for (max_blob_bytes, expected) in [
        (blob::MAX_LEN, MAX_PADDED_LEN),
        (10_000, 9728),
        (blob::MIN_LEN, PAD_BLOCK),
    ] {
        let limits = Limits {
            max_blob_bytes,
            ..Limits::default()
        };
        let app = TestApp::with(Backend::Sqlite, limits, Default::default()).await;
        let max = get_config(&app).await["max_payload_bytes"]
            .as_u64()
            .unwrap() as usize;
        assert_eq!(max, expected, "--max-blob-bytes {max_blob_bytes}");

        let payload = payload_of(max);
        let c = app.create_with(&payload, None, 600, 1).await;
        let r = app.reveal(&c, None).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.json);
        assert_eq!(app.open(&c, None, &r), payload);

        let r = app.post_create(create_body(max + PAD_BLOCK)).await;
        assert_eq!(
            r.status,
            StatusCode::PAYLOAD_TOO_LARGE,
            "--max-blob-bytes {max_blob_bytes}: {}",
            r.json
        );
        assert_eq!(r.json["error"], "too_large");
    }
}

/// The real binary's flags reach `GET /config`.
#[tokio::test]
async fn the_binary_states_its_flags_as_config() {
    let dir = tempfile::tempdir().unwrap();
    let port = common::free_port();
    let _server = spawn_server(
        &dir.path().join("data"),
        port,
        &[
            "--max-ttl",
            "1h",
            "--max-views",
            "3",
            "--max-attempts",
            "2",
            "--max-blob-bytes",
            "10000",
        ],
    );
    wait_healthy(port).await;
    let config: Value = reqwest::get(format!("http://127.0.0.1:{port}/api/v1/config"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        config,
        json!({
            "min_ttl_secs": 60,
            "max_ttl_secs": 3600,
            "max_views": 3,
            "max_payload_bytes": 9728,
            "max_attempts": 2,
            "requests_enabled": true,
        })
    );
}
