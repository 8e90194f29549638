//! The OpenAPI document: what `GET /api/v1/openapi.json` serves, that it
//! describes the router's real routes, and that `docs/openapi.json` is a
//! copy of it.

mod common;

use std::collections::BTreeSet;
use std::path::PathBuf;

use axum::http::{Method, StatusCode, header};
use common::{Backend, TestApp};
use sdo_backend::service::Limits;
use sdo_shared::api::{ErrorCode, State};
use serde_json::Value;

/// Every operation of the API, as the shared crate's table lists them.
const OPERATIONS: &[(&str, &str)] = &[
    ("get", "/api/v1/health"),
    ("get", "/api/v1/ready"),
    ("get", "/api/v1/config"),
    ("get", "/api/v1/openapi.json"),
    ("post", "/api/v1/secrets"),
    ("get", "/api/v1/secrets/{id}"),
    ("delete", "/api/v1/secrets/{id}"),
    ("post", "/api/v1/secrets/{id}/reveal"),
    ("get", "/api/v1/secrets/{id}/receipt"),
    ("post", "/api/v1/requests"),
    ("get", "/api/v1/requests/{rid}"),
    ("delete", "/api/v1/requests/{rid}"),
    ("post", "/api/v1/requests/{rid}/fill"),
    ("post", "/api/v1/requests/{rid}/collect"),
];

const METHODS: &[&str] = &["get", "put", "post", "delete", "patch"];

async fn served() -> (TestApp, String) {
    let app = TestApp::new(Backend::Sqlite).await;
    let reply = app
        .send(
            axum::http::Request::get("/api/v1/openapi.json")
                .body(axum::body::Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.headers[header::CONTENT_TYPE], "application/json");
    let text = serde_json::to_string_pretty(&reply.json).unwrap();
    (app, text)
}

fn operations(doc: &Value) -> BTreeSet<(String, String)> {
    let mut found = BTreeSet::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for method in item.as_object().unwrap().keys() {
            if METHODS.contains(&method.as_str()) {
                found.insert((method.clone(), path.clone()));
            }
        }
    }
    found
}

#[tokio::test]
async fn the_document_is_openapi_3_1_and_lists_exactly_the_routes() {
    let (app, text) = served().await;
    let doc: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(doc["openapi"], "3.1.0");

    let expected: BTreeSet<(String, String)> = OPERATIONS
        .iter()
        .map(|(m, p)| (m.to_string(), p.to_string()))
        .collect();
    assert_eq!(operations(&doc), expected);

    // The router agrees: each listed operation is routed (the fallback would
    // say 404 "no such resource", an unrouted method 405), and every other
    // method on a listed path is 405.
    let id = "AAAAAAAAAAAAAAAAAAAAAA";
    let paths: BTreeSet<&str> = OPERATIONS.iter().map(|(_, p)| *p).collect();
    for path in paths {
        let uri = path.replace("{id}", id).replace("{rid}", id);
        for method in METHODS {
            let reply = app
                .call(method.to_uppercase().parse().unwrap(), &uri, None, None)
                .await;
            if expected.contains(&(method.to_string(), path.to_string())) {
                assert_ne!(
                    reply.status,
                    StatusCode::METHOD_NOT_ALLOWED,
                    "{method} {path}"
                );
                assert_ne!(reply.status, StatusCode::NOT_FOUND, "{method} {path}");
            } else {
                assert_eq!(
                    reply.status,
                    StatusCode::METHOD_NOT_ALLOWED,
                    "{method} {path} is routed but not documented"
                );
            }
        }
    }
}

fn strings(array: &Value) -> BTreeSet<String> {
    array
        .as_array()
        .unwrap_or_else(|| panic!("not an array: {array}"))
        .iter()
        .map(|v| v.as_str().unwrap().to_owned())
        .collect()
}

fn wire_name<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .unwrap()
        .as_str()
        .unwrap()
        .to_owned()
}

fn resolve<'a>(doc: &'a Value, reference: &str) -> &'a Value {
    let pointer = reference
        .strip_prefix('#')
        .unwrap_or_else(|| panic!("external $ref {reference}"));
    doc.pointer(pointer)
        .unwrap_or_else(|| panic!("dangling $ref {reference}"))
}

fn each_ref<'a>(value: &'a Value, out: &mut Vec<&'a str>) {
    match value {
        Value::Object(map) => {
            if let Some(Value::String(r)) = map.get("$ref") {
                out.push(r);
            }
            map.values().for_each(|v| each_ref(v, out));
        }
        Value::Array(items) => items.iter().for_each(|v| each_ref(v, out)),
        _ => {}
    }
}

#[tokio::test]
async fn the_document_describes_the_wire_types_and_errors() {
    let (_, text) = served().await;
    let doc: Value = serde_json::from_str(&text).unwrap();

    let mut refs = Vec::new();
    each_ref(&doc, &mut refs);
    assert!(refs.len() > 20, "{refs:?}");
    for r in refs {
        resolve(&doc, r);
    }

    let schemas = &doc["components"]["schemas"];
    assert_eq!(schemas["Base64Bytes"]["type"], "string");
    assert_eq!(
        schemas["Base64Bytes"]["pattern"],
        sdo_shared::base64url::PATTERN
    );
    let kdf = &schemas["KdfParams"];
    assert_eq!(
        kdf["properties"]["alg"]["enum"],
        serde_json::json!(["argon2id"])
    );
    assert_eq!(
        kdf["properties"]["m_kib"]["minimum"],
        sdo_shared::kdf::M_KIB_MIN
    );
    assert_eq!(kdf["additionalProperties"], false);
    let required = strings(&kdf["required"]);
    // A real KdfParams serializes to exactly the documented properties.
    let real = serde_json::to_value(common::test_kdf()).unwrap();
    let keys: BTreeSet<String> = real.as_object().unwrap().keys().cloned().collect();
    assert_eq!(keys, required);
    let properties: BTreeSet<String> = kdf["properties"]
        .as_object()
        .unwrap()
        .keys()
        .cloned()
        .collect();
    assert_eq!(properties, required);

    let actual: BTreeSet<String> = ErrorCode::ALL.iter().map(wire_name).collect();
    assert_eq!(strings(&schemas["ErrorCode"]["enum"]), actual);
    assert!(actual.contains("outcome_unknown"));

    let real_states: BTreeSet<String> = [
        State::Waiting,
        State::Revealed,
        State::Burned,
        State::Locked,
        State::Expired,
    ]
    .iter()
    .map(wire_name)
    .collect();
    assert_eq!(strings(&schemas["State"]["enum"]), real_states);
    let request_states: BTreeSet<String> = sdo_shared::api::RequestState::ALL
        .iter()
        .map(wire_name)
        .collect();
    assert_eq!(strings(&schemas["RequestState"]["enum"]), request_states);

    // Every error status an operation lists is an ErrorBody, and every
    // status the ErrorCode table can produce for that route is listed.
    let schemes = doc["components"]["securitySchemes"].as_object().unwrap();
    for (method, path) in OPERATIONS {
        let op = &doc["paths"][path][method];
        let responses = op["responses"].as_object().unwrap();
        for (status, response) in responses {
            let response = match response.get("$ref") {
                Some(Value::String(r)) => resolve(&doc, r),
                _ => response,
            };
            if status.starts_with('4') || status.starts_with('5') {
                assert_eq!(
                    response["content"]["application/json"]["schema"]["$ref"],
                    "#/components/schemas/ErrorBody",
                    "{method} {path} {status}"
                );
            }
        }
        assert!(responses.contains_key("429"), "{method} {path}: rate limit");
        let authed = path.contains("{id}") || path.contains("{rid}");
        assert_eq!(responses.contains_key("401"), authed, "{method} {path}");
        assert_eq!(responses.contains_key("404"), authed, "{method} {path}");
        // Collect is a POST (it consumes) without a body.
        let has_body = *method == "post" && !path.ends_with("/collect");
        for status in ["413", "415", "400"] {
            assert_eq!(
                responses.contains_key(status),
                has_body,
                "{method} {path} {status}"
            );
        }
        let security = op["security"].as_array().map(Vec::as_slice).unwrap_or(&[]);
        assert_eq!(!security.is_empty(), authed, "{method} {path}");
        for requirement in security {
            for name in requirement.as_object().unwrap().keys() {
                assert_eq!(schemes[name]["scheme"], "bearer", "{method} {path}: {name}");
            }
        }
    }
    assert!(
        doc["paths"]["/api/v1/secrets/{id}/reveal"]["post"]["responses"]
            .as_object()
            .unwrap()
            .contains_key("403")
    );
}

/// The document states this server's limits, which are flags.
#[tokio::test]
async fn the_document_states_the_configured_limits() {
    let (_, text) = served().await;
    let doc: Value = serde_json::from_str(&text).unwrap();
    let create = &doc["components"]["schemas"]["CreateRequest"]["properties"];
    assert_eq!(
        create["ttl_secs"]["maximum"],
        sdo_shared::api::DEFAULT_MAX_TTL_SECS
    );
    assert_eq!(
        create["max_views"]["maximum"],
        sdo_shared::api::MAX_VIEWS_LIMIT
    );
    let max_blob = sdo_shared::base64url::encoded_len(sdo_shared::blob::MAX_LEN);
    assert_eq!(create["blob"]["maxLength"], max_blob);
    assert_eq!(create["blob"]["pattern"], sdo_shared::base64url::PATTERN);
    let min_blob = sdo_shared::base64url::encoded_len(sdo_shared::blob::MIN_LEN);
    assert_eq!(create["blob"]["minLength"], min_blob);
    assert!(
        create["blob"]["description"]
            .as_str()
            .unwrap()
            .contains("envelope")
    );

    let limits = Limits {
        max_ttl_secs: 3600,
        max_views: 3,
        max_blob_bytes: 1024,
        ..Limits::default()
    };
    let app = TestApp::with(Backend::Sqlite, limits, Default::default()).await;
    let reply = app
        .call(Method::GET, "/api/v1/openapi.json", None, None)
        .await;
    let create = &reply.json["components"]["schemas"]["CreateRequest"]["properties"];
    assert_eq!(create["ttl_secs"]["maximum"], 3600);
    assert_eq!(create["max_views"]["maximum"], 3);
    assert_eq!(
        create["blob"]["maxLength"],
        sdo_shared::base64url::encoded_len(1024)
    );
    // A request's: the same ttl, and the fill of the largest payload
    // (768 bytes padded with this blob limit) plus its 49 bytes.
    let schemas = &reply.json["components"]["schemas"];
    let request = &schemas["CreateRequestRequest"]["properties"];
    assert_eq!(request["ttl_secs"]["maximum"], 3600);
    let fill = &schemas["FillRequest"]["properties"]["blob"];
    assert_eq!(
        fill["maxLength"],
        sdo_shared::base64url::encoded_len(768 + 49)
    );
    assert_eq!(
        fill["minLength"],
        sdo_shared::base64url::encoded_len(sdo_shared::request::fill::MIN_LEN)
    );
}

/// The example create request is one the server accepts, so tools that
/// start from it (schemathesis) get past validation.
#[tokio::test]
async fn the_create_example_is_accepted() {
    let (app, text) = served().await;
    let doc: Value = serde_json::from_str(&text).unwrap();
    let example = doc["paths"]["/api/v1/secrets"]["post"]["requestBody"]["content"]
        ["application/json"]["example"]
        .clone();
    assert!(example.is_object(), "{example}");
    let reply = app.post_create(example).await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.json);
    let receipt = app
        .call(
            Method::GET,
            &format!(
                "/api/v1/secrets/{}/receipt",
                reply.json["id"].as_str().unwrap()
            ),
            Some(reply.json["manage_token"].as_str().unwrap()),
            None,
        )
        .await;
    assert_eq!(receipt.status, StatusCode::OK);
}

/// `docs/openapi.json` is what the server serves. `UPDATE_OPENAPI=1`
/// rewrites it; otherwise a difference fails.
#[tokio::test]
async fn docs_openapi_json_is_the_served_document() {
    let app = TestApp::new(Backend::Sqlite).await;
    let response = tower::ServiceExt::oneshot(
        app.router.clone(),
        axum::http::Request::get("/api/v1/openapi.json")
            .body(axum::body::Body::empty())
            .unwrap(),
    )
    .await
    .unwrap();
    let bytes = http_body_util::BodyExt::collect(response.into_body())
        .await
        .unwrap()
        .to_bytes();
    let served = format!("{}\n", std::str::from_utf8(&bytes).unwrap());
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../docs/openapi.json");
    if std::env::var_os("UPDATE_OPENAPI").is_some_and(|v| v == "1") {
        std::fs::write(&path, &served).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == served,
        "docs/openapi.json differs from what the server serves. If the API change is \
         intended, run `UPDATE_OPENAPI=1 cargo test -p sdo-backend --test openapi` and \
         commit docs/openapi.json."
    );
}
