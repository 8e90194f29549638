//! What only the AWS backends can show: KMS's encryption context binding a
//! record to its id, and real network faults between the server and AWS.
//! (Every API row runs against DynamoDB+KMS in api.rs and store.rs.)

mod common;
#[path = "aws/lost_answers.rs"]
mod lost_answers;

use axum::http::{Method, StatusCode};
use common::aws::{self, Fault, FaultProxy, Proxy};
use common::requests::{Asked, ask, cancel, collect, fill, opened};
use std::sync::Arc;

use common::{Backend, TestApp};
use lost_answers::stored_request;
use sdo_backend::clock::ManualClock;
use sdo_backend::keys::KmsKeyProvider;
use sdo_backend::service::{Limits, Service, Token};
use sdo_backend::store::{DynamoStore, SecretStore};
use sdo_shared::api::{RequestState, State};
use sdo_shared::base64url;
use sdo_shared::payload::Payload;
use sdo_shared::secret::SecretId;

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn records_swapped_between_ids_fail_closed() {
    let app = TestApp::new(Backend::Dynamodb).await;
    let a = app.create("secret A").await;
    let b = app.create("secret B").await;

    let table = app.aws.as_ref().unwrap().table.clone();
    let ddb = aws_sdk_dynamodb::Client::new(&aws::sdk_config(&aws::moto_url()).await);
    let item = |id: String| {
        let (ddb, table) = (ddb.clone(), table.clone());
        async move {
            ddb.get_item()
                .table_name(table)
                .key("id", aws_sdk_dynamodb::types::AttributeValue::S(id))
                .send()
                .await
                .unwrap()
                .item
                .unwrap()
        }
    };
    let (item_a, item_b) = (item(a.id.clone()).await, item(b.id.clone()).await);
    // Put A's sealed blob and wrapped key under B's id, and B's under A's.
    for (target, source) in [(&a.id, &item_b), (&b.id, &item_a)] {
        let mut update = ddb
            .update_item()
            .table_name(&table)
            .key(
                "id",
                aws_sdk_dynamodb::types::AttributeValue::S(target.clone()),
            )
            .update_expression("SET sealed = :s, server_nonce = :n, wrapped_key = :w");
        for (placeholder, attr) in [
            (":s", "sealed"),
            (":n", "server_nonce"),
            (":w", "wrapped_key"),
        ] {
            update = update.expression_attribute_values(placeholder, source[attr].clone());
        }
        update.send().await.unwrap();
    }

    for c in [&a, &b] {
        let r = app.reveal(c, None).await;
        assert_eq!(r.status, StatusCode::INTERNAL_SERVER_ERROR, "{}", r.json);
        assert_eq!(r.json["error"], "internal");
        assert!(r.json.get("blob").is_none());
        // Failing closed consumed nothing.
        assert_eq!(app.receipt(c).await.json["state"], "waiting");
    }
}

async fn app_behind_proxies() -> (TestApp, Proxy, Proxy) {
    let kms = Proxy::start(&aws::moto_url()).await;
    let dynamodb = Proxy::start(&aws::moto_url()).await;
    let backend = Backend::DynamodbVia {
        kms: kms.url.clone(),
        dynamodb: dynamodb.url.clone(),
    };
    (TestApp::new(backend).await, kms, dynamodb)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn kms_unreachable_is_503_and_the_secret_survives() {
    let (app, kms, _dynamodb) = app_behind_proxies().await;
    let c = app
        .create_with(&Payload::text("wait for KMS"), None, 600, 1)
        .await;
    kms.cut();
    let r = app.reveal(&c, None).await;
    assert_eq!(r.status, StatusCode::SERVICE_UNAVAILABLE, "{}", r.json);
    assert_eq!(r.json["error"], "unavailable");
    let body = serde_json::to_value(
        &sdo_shared::client::prepare(&Payload::text("x"), None, 600, 1)
            .unwrap()
            .request,
    )
    .unwrap();
    let create = app.post_create(body).await;
    assert_eq!(create.status, StatusCode::SERVICE_UNAVAILABLE);
    kms.restore();
    let r = app.reveal(&c, None).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.json);
    assert_eq!(app.open(&c, None, &r).as_text(), Some("wait for KMS"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn dynamodb_unreachable_is_503_and_the_secret_survives() {
    let (app, _kms, dynamodb) = app_behind_proxies().await;
    let c = app
        .create_with(&Payload::text("wait for DynamoDB"), None, 600, 1)
        .await;
    dynamodb.cut();
    for r in [
        app.reveal(&c, None).await,
        app.call(Method::GET, &c.secret_uri(), Some(&c.link_token()), None)
            .await,
        app.receipt(&c).await,
    ] {
        assert_eq!(r.status, StatusCode::SERVICE_UNAVAILABLE, "{}", r.json);
        assert_eq!(r.json["error"], "unavailable");
    }
    dynamodb.restore();
    let r = app.reveal(&c, None).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.json);
    assert_eq!(app.open(&c, None, &r).as_text(), Some("wait for DynamoDB"));
}

/// KMS binds a request's data key to `{"sdo:request": rid}`: the same id
/// under a secret's context does not decrypt.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_requests_data_key_opens_only_in_its_own_context() {
    use sdo_backend::keys::{KeyProvider, Subject};
    let app = TestApp::new(Backend::Dynamodb).await;
    let a = ask(&app, Some("note"), 600).await;
    let key = stored_request(&app, &a).await.key.unwrap();
    let (wrapped, key_ref) = (&key.wrapped_key, &key.key_ref);
    let keys = &app.keys;
    assert!(
        keys.unwrap(wrapped, key_ref, Subject::Request(a.rid()))
            .await
            .is_ok()
    );
    assert!(
        keys.unwrap(wrapped, key_ref, Subject::Secret(a.rid()))
            .await
            .is_err()
    );
}
