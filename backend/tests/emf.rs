//! On Lambda the counters leave as CloudWatch Embedded Metric Format log
//! lines, one per invocation that changed any: the shape CloudWatch reads,
//! and each line holding only what its invocation changed.

mod common;

use std::sync::Arc;

use axum::http::StatusCode;
use common::lambda::{event, invoke};
use common::{Backend, TestApp};
use sdo_backend::app::HttpOptions;
use sdo_backend::lambda::{with_emf, with_source_ip};
use sdo_backend::metrics::emf::Emf;
use sdo_shared::payload::Payload;
use serde_json::{Value, json};

/// Where the test's EMF lines go.
#[derive(Clone, Default)]
struct Captured(Arc<std::sync::Mutex<Vec<u8>>>);

impl std::io::Write for Captured {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Captured {
    /// The lines written since the last call, each parsed as JSON.
    fn take(&self) -> Vec<Value> {
        let bytes = std::mem::take(&mut *self.0.lock().unwrap());
        let text = String::from_utf8(bytes).unwrap();
        assert!(text.is_empty() || text.ends_with('\n'), "{text}");
        text.lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    }
}

/// One EMF document with exactly `expected` as its metrics, each a count.
fn assert_emf(line: &Value, expected: &[(&str, u64)]) {
    let aws = &line["_aws"];
    let now_ms = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_millis() as u64;
    let timestamp = aws["Timestamp"].as_u64().unwrap();
    assert!(now_ms.abs_diff(timestamp) < 60_000, "{line}");
    let directives = aws["CloudWatchMetrics"].as_array().unwrap();
    assert_eq!(directives.len(), 1, "{line}");
    assert_eq!(directives[0]["Namespace"], "self-destruct-o");
    assert_eq!(directives[0]["Dimensions"], json!([["FunctionName"]]));
    assert_eq!(line["FunctionName"], "sdo-test");
    let names: Vec<&str> = directives[0]["Metrics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            assert_eq!(m["Unit"], "Count", "{line}");
            m["Name"].as_str().unwrap()
        })
        .collect();
    let expected_names: Vec<&str> = expected.iter().map(|(n, _)| *n).collect();
    assert_eq!(names, expected_names, "{line}");
    for (name, value) in expected {
        assert_eq!(line[name].as_u64(), Some(*value), "{name}: {line}");
    }
    // The directive, the dimension and the metrics: nothing else.
    assert_eq!(
        line.as_object().unwrap().len(),
        2 + expected.len(),
        "{line}"
    );
}

/// On Lambda the counters leave as one CloudWatch EMF line per invocation
/// that changed any, holding how much each grew during it.
#[tokio::test(flavor = "multi_thread")]
async fn each_invocation_logs_its_counters_as_emf() {
    let limits = sdo_backend::service::Limits {
        max_attempts: 1,
        ..Default::default()
    };
    let test = TestApp::with(Backend::Sqlite, limits, HttpOptions::default()).await;
    let captured = Captured::default();
    let emf = Emf::new(
        Arc::clone(test.service.metrics()),
        "sdo-test",
        Box::new(captured.clone()),
    );
    let app = with_emf(with_source_ip(test.router.clone()), Arc::new(emf));
    let ip = "192.0.2.10";

    let (status, _) = invoke(&app, include_str!("events/health.json")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        captured.take().is_empty(),
        "nothing counted, nothing logged"
    );

    let mut created = Vec::new();
    for passphrase in [None, Some("pw")] {
        let kdf = passphrase.map(|_| common::test_kdf());
        let protection = passphrase
            .zip(kdf.as_ref())
            .map(|(passphrase, kdf)| sdo_shared::client::Protection { passphrase, kdf });
        let prepared =
            sdo_shared::client::prepare(&Payload::text("emf"), protection, 600, 1).unwrap();
        let create = serde_json::to_value(&prepared.request).unwrap();
        let (status, body) = invoke(
            &app,
            &event("POST", "/api/v1/secrets", None, Some(&create), ip),
        )
        .await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
        let lines = captured.take();
        assert_eq!(lines.len(), 1);
        assert_emf(&lines[0], &[("sdo_secrets_created", 1)]);
        created.push((prepared, body["id"].as_str().unwrap().to_owned(), kdf));
    }

    // A reveal, then a wrong passphrase that locks (limit 1): one line each,
    // with only what that invocation changed.
    let (prepared, id, _) = &created[0];
    let link_token = sdo_shared::kdf::link_token(&prepared.link_key).to_base64url();
    let keys = sdo_shared::client::derive_keys(&prepared.link_key, None, None).unwrap();
    let reveal = json!({"reveal_token": keys.reveal_token.to_base64url()});
    let path = format!("/api/v1/secrets/{id}/reveal");
    let (status, _) = invoke(
        &app,
        &event("POST", &path, Some(&link_token), Some(&reveal), ip),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let lines = captured.take();
    assert_emf(&lines[0], &[("sdo_secrets_revealed", 1)]);
    let (status, _) = invoke(
        &app,
        &event("POST", &path, Some(&link_token), Some(&reveal), ip),
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(captured.take().is_empty(), "a 404 counts nothing");

    let (prepared, id, kdf) = &created[1];
    let link_token = sdo_shared::kdf::link_token(&prepared.link_key).to_base64url();
    let wrong =
        sdo_shared::client::derive_keys(&prepared.link_key, kdf.as_ref(), Some("nope")).unwrap();
    let reveal = json!({"reveal_token": wrong.reveal_token.to_base64url()});
    let path = format!("/api/v1/secrets/{id}/reveal");
    let (status, body) = invoke(
        &app,
        &event("POST", &path, Some(&link_token), Some(&reveal), ip),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
    let lines = captured.take();
    assert_eq!(lines.len(), 1);
    assert_emf(
        &lines[0],
        &[("sdo_secrets_locked", 1), ("sdo_wrong_passphrases", 1)],
    );
    // No id, token or address in any line.
    let line = lines[0].to_string();
    for secret in [id.as_str(), link_token.as_str(), ip] {
        assert!(!line.contains(secret), "{line}");
    }
}
