//! Metrics: a scripted workload through the real router, then the scrape,
//! with every counter's exact value; no id, token, verifier or address in
//! it; and `/metrics` only on its own listener, never on the API's.

mod common;

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::body::Body;
use axum::extract::connect_info::MockConnectInfo;
use axum::http::{Method, Request, StatusCode, header};
use common::aws::{self, Fault, FaultProxy};
use common::{Backend, Created, TestApp, requests};
use http_body_util::BodyExt;
use sdo_backend::app::{HttpOptions, StaticApp, router};
use sdo_backend::metrics;
use sdo_backend::rate_limit::RateLimit;
use sdo_backend::service::Limits;
use sdo_shared::base64url;
use sdo_shared::kdf;
use sdo_shared::payload::Payload;
use sdo_shared::secret::Verifier;
use tower::ServiceExt;

/// `GET /metrics` on the metrics router of `app`'s service.
async fn scrape(app: &TestApp) -> String {
    let response = metrics::router(Arc::clone(app.service.metrics()))
        .oneshot(Request::get("/metrics").body(Body::empty()).unwrap())
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        response.headers()[header::CONTENT_TYPE],
        "text/plain; version=0.0.4; charset=utf-8"
    );
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    String::from_utf8(bytes.to_vec()).unwrap()
}

/// Every sample in the scrape: `name{labels}` to its value.
fn samples(text: &str) -> BTreeMap<String, f64> {
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(|l| {
            let (series, value) = l.rsplit_once(' ').unwrap();
            (series.to_owned(), value.parse().unwrap())
        })
        .collect()
}

fn value(samples: &BTreeMap<String, f64>, series: &str) -> f64 {
    *samples
        .get(series)
        .unwrap_or_else(|| panic!("no {series} in {samples:#?}"))
}

/// Every form in which a secret's credentials could leak: its id, its
/// tokens (link, reveal, manage) and their verifiers.
fn credentials(c: &Created, passphrase: Option<&str>) -> Vec<String> {
    let link = kdf::link_token(&c.link_key);
    let reveal = base64url::decode(&c.reveal_token(passphrase)).unwrap();
    let reveal: [u8; 32] = reveal.try_into().unwrap();
    vec![
        c.id.clone(),
        c.link_token(),
        c.reveal_token(passphrase),
        c.manage_token.clone(),
        base64url::encode(Verifier::of(link.expose()).as_bytes()),
        base64url::encode(Verifier::of(&reveal).as_bytes()),
    ]
}

#[tokio::test(flavor = "multi_thread")]
async fn a_workload_is_counted_exactly_and_leaks_nothing() {
    let limits = Limits {
        max_attempts: 2,
        ..Limits::default()
    };
    let app = TestApp::with(Backend::Sqlite, limits, HttpOptions::default()).await;
    let mut secrets = Vec::new();

    // Create 3 (one of them failing first on the key service).
    let plain = app.create("one view").await;
    let two = app
        .create_with(&Payload::text("two views"), Some("pw"), 3600, 2)
        .await;
    app.keys
        .down
        .store(true, std::sync::atomic::Ordering::SeqCst);
    let refused = app.post_create(serde_json::json!({})).await;
    assert_eq!(
        refused.status,
        StatusCode::BAD_REQUEST,
        "invalid: no key call"
    );
    let prepared =
        sdo_shared::client::prepare(&Payload::text("x"), None, 3600, 1).expect("prepare");
    let down = app
        .post_create(serde_json::to_value(&prepared.request).unwrap())
        .await;
    assert_eq!(down.status, StatusCode::SERVICE_UNAVAILABLE);
    app.keys
        .down
        .store(false, std::sync::atomic::Ordering::SeqCst);
    let locked = app
        .create_with(&Payload::text("locks"), Some("right"), 3600, 1)
        .await;

    // Reveal 2 views, one wrong passphrase, burn 1, lock 1.
    assert_eq!(app.reveal(&plain, None).await.status, StatusCode::OK);
    assert_eq!(
        app.reveal(&two, Some("nope")).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(app.reveal(&two, Some("pw")).await.status, StatusCode::OK);
    let burn = app.burn(&two).await;
    assert_eq!(burn.status, StatusCode::NO_CONTENT);
    for _ in 0..2 {
        assert_eq!(
            app.reveal(&locked, Some("wrong")).await.status,
            StatusCode::FORBIDDEN
        );
    }
    // Gone ones: 404s that count nothing.
    assert_eq!(app.reveal(&plain, None).await.status, StatusCode::NOT_FOUND);
    assert_eq!(
        app.reveal(&locked, Some("right")).await.status,
        StatusCode::NOT_FOUND
    );
    secrets.push(credentials(&plain, None));
    secrets.push(credentials(&two, Some("pw")));
    secrets.push(credentials(&locked, Some("right")));

    // Requests: two asked; one answered (a second answer refused) and
    // collected (a second collect refused), the other withdrawn.
    let answered = requests::ask(&app, Some("a note"), 600).await;
    let withdrawn = requests::ask(&app, None, 600).await;
    let answer = Payload::text("answer");
    let fill_token = answered.fill_token();
    for expected in [StatusCode::OK, StatusCode::NOT_FOUND] {
        let r = requests::fill(&app, &answered, &fill_token, &answer).await;
        assert_eq!(r.status, expected);
    }
    for expected in [StatusCode::OK, StatusCode::NOT_FOUND] {
        let r = requests::collect(&app, &answered, &answered.inbox_token()).await;
        assert_eq!(r.status, expected);
    }
    let r = requests::cancel(&app, &withdrawn, &withdrawn.inbox_token()).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);

    // One expires: a 4th secret, opened a second after its expiry.
    let late = app.create_with(&Payload::text("late"), None, 60, 1).await;
    app.clock.advance(61);
    let meta = app
        .call(
            Method::GET,
            &late.secret_uri(),
            Some(&late.link_token()),
            None,
        )
        .await;
    assert_eq!(meta.status, StatusCode::NOT_FOUND);
    secrets.push(credentials(&late, None));

    // One rate-limited request, from a client address that must not show.
    let limited = router(
        Arc::clone(&app.service),
        &HttpOptions {
            rate_limit: RateLimit::per_minute(1),
            ..Default::default()
        },
    )
    .layer(MockConnectInfo(SocketAddr::from(([192, 0, 2, 77], 5000))));
    for expected in [StatusCode::OK, StatusCode::TOO_MANY_REQUESTS] {
        let r = limited
            .clone()
            .oneshot(Request::get("/api/v1/health").body(Body::empty()).unwrap())
            .await
            .unwrap();
        assert_eq!(r.status(), expected);
    }
    let unrouted = app.call(Method::GET, "/no/such/page", None, None).await;
    assert_eq!(unrouted.status, StatusCode::NOT_FOUND);

    let text = scrape(&app).await;
    let s = samples(&text);
    for (name, expected) in [
        ("sdo_secrets_created_total", 4.0),
        ("sdo_secrets_revealed_total", 2.0),
        ("sdo_secrets_burned_total", 1.0),
        ("sdo_secrets_expired_total", 1.0),
        ("sdo_secrets_locked_total", 1.0),
        ("sdo_wrong_passphrases_total", 3.0),
        ("sdo_rate_limited_total", 1.0),
        ("sdo_outcome_unknown_total", 0.0),
        ("sdo_secrets_swept_total", 0.0),
        ("sdo_requests_created_total", 2.0),
        ("sdo_requests_filled_total", 1.0),
        ("sdo_requests_collected_total", 1.0),
        ("sdo_requests_cancelled_total", 1.0),
        ("sdo_key_errors_total{kind=\"unavailable\"}", 1.0),
        ("sdo_key_errors_total{kind=\"refused\"}", 0.0),
        ("sdo_store_errors_total{kind=\"unavailable\"}", 0.0),
        ("sdo_store_errors_total{kind=\"internal\"}", 0.0),
        ("sdo_store_queue_depth", 0.0),
        ("sdo_build_info{version=\"0.1.0\"}", 1.0),
    ] {
        assert_eq!(value(&s, name), expected, "{name}\n{text}");
    }
    let count = |method: &str, route: &str, status: u16| {
        value(
            &s,
            &format!(
                "sdo_http_request_duration_seconds_count{{method=\"{method}\",route=\"{route}\",status=\"{status}\"}}"
            ),
        )
    };
    assert_eq!(count("POST", "/api/v1/secrets", 201), 4.0);
    assert_eq!(count("POST", "/api/v1/secrets", 400), 1.0);
    assert_eq!(count("POST", "/api/v1/secrets", 503), 1.0);
    assert_eq!(count("POST", "/api/v1/secrets/{id}/reveal", 200), 2.0);
    assert_eq!(count("POST", "/api/v1/secrets/{id}/reveal", 403), 3.0);
    assert_eq!(count("POST", "/api/v1/secrets/{id}/reveal", 404), 2.0);
    assert_eq!(count("DELETE", "/api/v1/secrets/{id}", 204), 1.0);
    assert_eq!(count("GET", "/api/v1/secrets/{id}", 404), 1.0);
    assert_eq!(count("GET", "/api/v1/health", 200), 1.0);
    assert_eq!(count("GET", "/api/v1/health", 429), 1.0);
    assert_eq!(count("GET", "fallback", 404), 1.0);

    // Nothing a caller sent is in it: no id, token, verifier or address.
    for credential in secrets.iter().flatten() {
        assert!(
            !text.contains(credential.as_str()),
            "{credential} in\n{text}"
        );
    }
    assert!(!text.contains("192.0.2.77"), "{text}");
    // Every route label is a template, not a path.
    for series in s.keys() {
        if let Some((_, rest)) = series.split_once("route=\"") {
            let route = rest.split('"').next().unwrap();
            assert!(
                route == metrics::FALLBACK_ROUTE
                    || (route.starts_with("/api/v1/")
                        && (!route.contains("/secrets/") || route.contains("/{id}"))),
                "{series}"
            );
        }
    }
}

/// The API's router has no `/metrics`, with or without the static app.
#[tokio::test]
async fn metrics_are_not_on_the_api_router() {
    let app = TestApp::new(Backend::Sqlite).await;
    app.create("counted").await;
    for path in ["/metrics", "/api/v1/metrics", "/metrics/"] {
        let r = app.call(Method::GET, path, None, None).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{path}");
        assert!(
            !r.json.to_string().contains("sdo_secrets_created"),
            "{path}"
        );
    }
    let dist = tempfile::tempdir().unwrap();
    let with_app = TestApp::with(
        Backend::Sqlite,
        Limits::default(),
        HttpOptions {
            static_app: StaticApp::Dir(dist.path().to_owned()),
            ..Default::default()
        },
    )
    .await;
    let r = with_app.call(Method::GET, "/metrics", None, None).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
}

/// A reveal whose write was applied and its answer lost (a real DynamoDB
/// fault, through a proxy) is counted as outcome unknown, and its store
/// error as `ambiguous`. No queue on DynamoDB: no queue gauge.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn outcome_unknown_is_counted_on_dynamodb() {
    let proxy = FaultProxy::start(&aws::moto_url(), Fault::DropResponseThenCut("UpdateItem")).await;
    let app = TestApp::new(Backend::DynamodbVia {
        kms: aws::moto_url(),
        dynamodb: proxy.url.clone(),
    })
    .await;
    let c = app.create("maybe gone").await;
    let r = app.reveal(&c, None).await;
    assert_eq!(r.json["error"], "outcome_unknown", "{}", r.json);
    let text = scrape(&app).await;
    let s = samples(&text);
    assert_eq!(value(&s, "sdo_outcome_unknown_total"), 1.0, "{text}");
    assert_eq!(value(&s, "sdo_secrets_revealed_total"), 0.0, "{text}");
    assert_eq!(
        value(&s, "sdo_store_errors_total{kind=\"ambiguous\"}"),
        1.0,
        "{text}"
    );
    assert!(!text.contains(metrics::QUEUE_DEPTH), "{text}");
    assert!(!text.contains(&c.id), "{text}");
}

struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
    }
}

async fn get(url: &str) -> Option<(u16, String)> {
    let r = reqwest::get(url).await.ok()?;
    Some((r.status().as_u16(), r.text().await.ok()?))
}

/// The real binary with `--metrics-listen`: the metrics answer there, and
/// only there; the API's port has none and the metrics port has no API.
#[tokio::test]
async fn the_binary_serves_metrics_on_their_own_address() {
    let dir = tempfile::tempdir().unwrap();
    let (port, metrics_port) = (common::free_port(), common::free_port());
    let _server = Server(
        Command::new(env!("CARGO_BIN_EXE_sdo-server"))
            .args(["--listen", &format!("127.0.0.1:{port}")])
            .args(["--metrics-listen", &format!("127.0.0.1:{metrics_port}")])
            .arg("--data-dir")
            .arg(dir.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    let api = format!("http://127.0.0.1:{port}");
    let deadline = Instant::now() + Duration::from_secs(20);
    while get(&format!("{api}/api/v1/health")).await.map(|r| r.0) != Some(200) {
        assert!(Instant::now() < deadline, "the server did not start");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let (status, body) = get(&format!("{api}/api/v1/ready")).await.unwrap();
    assert_eq!((status, body.as_str()), (200, r#"{"status":"ok"}"#));

    let (status, text) = get(&format!("http://127.0.0.1:{metrics_port}/metrics"))
        .await
        .unwrap();
    assert_eq!(status, 200);
    let s = samples(&text);
    assert_eq!(value(&s, "sdo_build_info{version=\"0.1.0\"}"), 1.0);
    assert_eq!(value(&s, "sdo_store_queue_depth"), 0.0);
    let health = "sdo_http_request_duration_seconds_count{method=\"GET\",route=\"/api/v1/health\",status=\"200\"}";
    assert!(value(&s, health) >= 1.0, "{text}");

    assert_eq!(get(&format!("{api}/metrics")).await.unwrap().0, 404);
    let other = format!("http://127.0.0.1:{metrics_port}/api/v1/health");
    assert_eq!(get(&other).await.unwrap().0, 404);
}

/// The `sdo_…` names in `text`.
fn metric_names(text: &str) -> std::collections::BTreeSet<String> {
    text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .filter(|word| word.starts_with("sdo_"))
        .map(str::to_owned)
        .collect()
}

/// docs/OPERATIONS.md describes every metric the server exports (and its
/// EMF name, and every `route` label value), and the Grafana dashboard
/// queries only metrics that exist.
#[tokio::test]
async fn the_docs_and_the_dashboard_name_the_real_metrics() {
    let app = TestApp::new(Backend::Sqlite).await;
    app.call(Method::GET, "/api/v1/health", None, None).await;
    let text = scrape(&app).await;
    let exported: Vec<&str> = text
        .lines()
        .filter_map(|l| l.strip_prefix("# TYPE "))
        .map(|l| l.split(' ').next().unwrap())
        .collect();
    assert_eq!(exported.len(), 18, "{text}");
    let docs = concat!(env!("CARGO_MANIFEST_DIR"), "/../docs/");
    let operations = std::fs::read_to_string(format!("{docs}OPERATIONS.md")).unwrap();
    for name in &exported {
        assert!(operations.contains(&format!("| `{name}` |")), "{name}");
        // On Lambda the counters are EMF metrics named without `_total`.
        if let Some(emf) = name.strip_suffix("_total")
            && !name.ends_with("_errors_total")
        {
            assert!(operations.contains(&format!("`{emf}`")), "EMF name {emf}");
        }
    }
    // Every route template is a documented `route` label value (the
    // served OpenAPI document lists the router's routes; openapi.rs checks
    // that it does).
    let openapi: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(format!("{docs}openapi.json")).unwrap())
            .unwrap();
    for route in openapi["paths"].as_object().unwrap().keys() {
        assert!(operations.contains(&format!("`{route}`")), "route {route}");
    }
    let dashboard = std::fs::read_to_string(format!("{docs}grafana/sdo-dashboard.json")).unwrap();
    let dashboard: serde_json::Value = serde_json::from_str(&dashboard).unwrap();
    let series = metric_names(&text);
    let panels = dashboard["panels"].as_array().unwrap();
    assert_eq!(panels.len(), 9);
    for panel in panels {
        for target in panel["targets"].as_array().unwrap() {
            let expr = target["expr"].as_str().unwrap();
            let names = metric_names(expr);
            assert!(!names.is_empty(), "{expr}");
            for name in names {
                assert!(series.contains(&name), "{name} in {expr}");
            }
        }
    }
}
