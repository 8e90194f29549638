//! Lost answers: a DynamoDB write applied and its answer lost (an HTTP
//! fault proxy in front of moto drops it, holds or refuses the SDK's
//! retry), recognised by the op ids the item keeps (docs/PROTOCOL.md §6).

use sdo_backend::service::ServiceError;
use sdo_shared::api::RevealResponse;

use super::*;

async fn app_behind_fault_proxy(fault: Fault) -> (TestApp, FaultProxy) {
    let proxy = FaultProxy::start(&aws::moto_url(), fault).await;
    let backend = Backend::DynamodbVia {
        kms: aws::moto_url(),
        dynamodb: proxy.url.clone(),
    };
    (TestApp::new(backend).await, proxy)
}

/// The record as DynamoDB holds it, read around the proxy.
async fn stored(app: &TestApp, id: &str) -> sdo_backend::store::Record {
    let id = SecretId::parse(id).unwrap();
    direct_store(app).await.get(&id).await.unwrap().unwrap()
}

/// `app`'s table, reached around the proxy.
async fn direct_store(app: &TestApp) -> DynamoStore {
    let ddb = aws_sdk_dynamodb::Client::new(&aws::sdk_config(&aws::moto_url()).await);
    DynamoStore::new(ddb, app.aws.as_ref().unwrap().table.clone())
}

/// The view's UpdateItem is applied and its answer lost; the SDK's retry
/// then fails its condition. The store recognises its own write (the old
/// item carries this request's op id): the client gets the secret and
/// exactly one view is gone, not two.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_lost_answer_to_a_view_is_recognised_not_taken_twice() {
    let (app, proxy) = app_behind_fault_proxy(Fault::DropFirstResponse("UpdateItem")).await;
    let c = app
        .create_with(&Payload::text("exactly once"), None, 600, 2)
        .await;
    let r = app.reveal(&c, None).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.json);
    assert_eq!(app.open(&c, None, &r).as_text(), Some("exactly once"));
    assert_eq!(proxy.dropped(), 1, "the fault was injected");
    assert_eq!(r.json["views_left"], 1);
    let record = stored(&app, &c.id).await;
    assert_eq!((record.state, record.views_left), (State::Waiting, 1));

    // The same for the last view: the client still gets it.
    let (app, proxy) = app_behind_fault_proxy(Fault::DropFirstResponse("UpdateItem")).await;
    let c = app.create("the last view").await;
    let r = app.reveal(&c, None).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.json);
    assert_eq!(app.open(&c, None, &r).as_text(), Some("the last view"));
    assert_eq!(proxy.dropped(), 1);
    assert_eq!(stored(&app, &c.id).await.state, State::Revealed);
}

/// A view's write applied and its answer lost, then another reveal's write
/// lands before the SDK's retry: the retry still recognises its own first
/// attempt, so the two reveals take two views, not three (with one op id
/// slot, the second write made the retry look like a conflict, and the
/// reveal took another view; with two views left it answered 404).
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_lost_answer_is_recognised_after_another_write_lands() {
    let (app, proxy) = app_behind_fault_proxy(Fault::DropResponseThenHoldRetry("UpdateItem")).await;
    let c = app
        .create_with(&Payload::text("three views"), None, 600, 3)
        .await;
    let other = reveal_once_the_retry_is_held(&app, &proxy, &c, None);
    let (r, other) = tokio::join!(app.reveal(&c, None), other);
    assert_eq!(other.unwrap().views_left, 1);
    assert_eq!(r.status, StatusCode::OK, "{}", r.json);
    assert_eq!(app.open(&c, None, &r).as_text(), Some("three views"));
    assert_eq!(proxy.dropped(), 1, "the fault was injected");
    let record = stored(&app, &c.id).await;
    assert_eq!(
        (record.state, record.views_left),
        (State::Waiting, 1),
        "two reveals took more than two views"
    );

    // The same for a wrong passphrase: two wrong ones count two, not three.
    let (app, proxy) = app_behind_fault_proxy(Fault::DropResponseThenHoldRetry("UpdateItem")).await;
    let c = app
        .create_with(&Payload::text("guarded"), Some("right"), 600, 1)
        .await;
    let other = reveal_once_the_retry_is_held(&app, &proxy, &c, Some("also wrong"));
    let (r, other) = tokio::join!(app.reveal(&c, Some("wrong")), other);
    assert!(other.is_err());
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.json);
    assert_eq!(proxy.dropped(), 1);
    assert_eq!(stored(&app, &c.id).await.failed_attempts, 2);
}

/// Another reveal of `c` (with `passphrase`), straight to the table and
/// key, made while the proxy holds the first reveal's retry; then the
/// retry is let go.
async fn reveal_once_the_retry_is_held(
    app: &TestApp,
    proxy: &FaultProxy,
    c: &common::Created,
    passphrase: Option<&str>,
) -> Result<RevealResponse, ServiceError> {
    let token = |t: String| Token::new(base64url::decode_array(&t).unwrap());
    proxy.until_held().await;
    let other = direct_service(app)
        .await
        .reveal(
            &SecretId::parse(&c.id).unwrap(),
            &token(c.link_token()),
            &token(c.reveal_token(passphrase)),
            None,
        )
        .await;
    proxy.release();
    other
}

/// A view's write applied and its answer lost, and the SDK's retry refused
/// outright (credentials changed in between): the refusal is checked
/// against the item, so the reader gets the view that was taken for them
/// (it was a 500 and a view lost).
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_refused_retry_of_an_applied_write_is_recognised() {
    let (app, proxy) = app_behind_fault_proxy(Fault::DropResponseThenDenyRetry("UpdateItem")).await;
    let c = app
        .create_with(&Payload::text("taken once"), None, 600, 2)
        .await;
    let r = app.reveal(&c, None).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.json);
    assert_eq!(app.open(&c, None, &r).as_text(), Some("taken once"));
    assert_eq!(proxy.dropped(), 1, "the fault was injected");
    assert_eq!(stored(&app, &c.id).await.views_left, 1);

    // A refusal of a write that was never applied stays a refusal.
    let (app, _proxy) = app_behind_fault_proxy(Fault::DenyNext("UpdateItem")).await;
    let c = app.create("denied").await;
    let r = app.reveal(&c, None).await;
    assert_eq!(r.status, StatusCode::INTERNAL_SERVER_ERROR, "{}", r.json);
    assert_eq!(stored(&app, &c.id).await.views_left, 1);
}

/// A create's `PutItem` applied and its answer lost: the SDK's retry finds
/// the item there, and it is this create's own, so the creator gets the
/// link (it was a 500 for a secret that was stored). The same for a
/// request.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_lost_answer_to_a_create_is_recognised() {
    let (app, proxy) = app_behind_fault_proxy(Fault::DropFirstResponse("PutItem")).await;
    let c = app.create("stored once").await;
    assert_eq!(proxy.dropped(), 1, "the fault was injected");
    let r = app.reveal(&c, None).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.json);
    assert_eq!(app.open(&c, None, &r).as_text(), Some("stored once"));

    let (app, proxy) = app_behind_fault_proxy(Fault::DropFirstResponse("PutItem")).await;
    let a = ask(&app, None, 600).await;
    assert_eq!(proxy.dropped(), 1);
    assert_eq!(stored_request(&app, &a).await.state, RequestState::Open);
}

/// A wrong passphrase whose answer is lost is counted once, not twice.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_lost_answer_to_a_wrong_passphrase_counts_once() {
    let (app, proxy) = app_behind_fault_proxy(Fault::DropFirstResponse("UpdateItem")).await;
    let c = app
        .create_with(&Payload::text("guarded"), Some("right"), 600, 1)
        .await;
    let r = app.reveal(&c, Some("wrong")).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.json);
    assert_eq!(proxy.dropped(), 1);
    assert_eq!(r.json["attempts_left"], 4);
    assert_eq!(stored(&app, &c.id).await.failed_attempts, 1);
}

/// The write is applied, its answer lost, and the network stays down: the
/// server cannot tell, and says so (`outcome_unknown`), instead of "nothing
/// was used up, try again". The record shows the view was indeed taken.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_write_that_may_have_happened_is_outcome_unknown() {
    let (app, proxy) = app_behind_fault_proxy(Fault::DropResponseThenCut("UpdateItem")).await;
    let c = app.create("maybe gone").await;
    let r = app.reveal(&c, None).await;
    assert_eq!(r.status, StatusCode::SERVICE_UNAVAILABLE, "{}", r.json);
    assert_eq!(r.json["error"], "outcome_unknown");
    assert!(
        r.json["message"].as_str().unwrap().contains("receipt"),
        "{}",
        r.json
    );
    assert!(r.json.get("blob").is_none());
    assert_eq!(proxy.dropped(), 1);
    assert_eq!(stored(&app, &c.id).await.state, State::Revealed);
}

/// A burn whose answer is lost is recognised too.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_lost_answer_to_a_burn_is_recognised() {
    let (app, proxy) = app_behind_fault_proxy(Fault::DropFirstResponse("UpdateItem")).await;
    let c = app.create("burn me").await;
    let r = app.burn(&c).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.json);
    assert_eq!(proxy.dropped(), 1);
    assert_eq!(stored(&app, &c.id).await.state, State::Burned);
}

/// A request as DynamoDB holds it, read around the proxy.
pub(crate) async fn stored_request(app: &TestApp, a: &Asked) -> sdo_backend::store::RequestRecord {
    let store = direct_store(app).await;
    let requests = store.requests().unwrap();
    requests.get_request(&a.rid()).await.unwrap().unwrap()
}

/// A service on `app`'s table and KMS key that reaches both directly.
async fn direct_service(app: &TestApp) -> Service {
    let names = app.aws.as_ref().unwrap();
    let sdk = aws::sdk_config(&aws::moto_url()).await;
    let store = direct_store(app).await;
    let keys = KmsKeyProvider::new(aws_sdk_kms::Client::new(&sdk), names.key_id.clone());
    let clock = Arc::new(ManualClock::new(common::START));
    Service::new(Arc::new(store), Arc::new(keys), clock, Limits::default())
}

/// Fill, collect and cancel are consuming writes like a view: a lost answer
/// is recognised by the op id, so the first fill still wins for its sender
/// and the one collect still gets the fill.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn lost_answers_to_request_writes_are_recognised() {
    let secret = Payload::text("asked for");
    let (app, proxy) = app_behind_fault_proxy(Fault::DropFirstResponse("UpdateItem")).await;
    let a = ask(&app, None, 600).await;
    let r = fill(&app, &a, &a.fill_token(), &secret).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.json);
    assert_eq!(proxy.dropped(), 1, "the fault was injected");
    let r = collect(&app, &a, &a.inbox_token()).await;
    assert_eq!(opened(&a, &r), secret);

    // The collect's answer lost: the fill goes around the proxy, through a
    // second server on the same table and key.
    let (app, proxy) = app_behind_fault_proxy(Fault::DropFirstResponse("UpdateItem")).await;
    let b = ask(&app, None, 600).await;
    let body: sdo_shared::api::FillRequest = serde_json::from_value(b.fill_body(&secret)).unwrap();
    let token = Token::new(base64url::decode_array(&b.fill_token()).unwrap());
    direct_service(&app)
        .await
        .fill_request(&b.rid(), &token, body.blob.as_bytes(), None)
        .await
        .unwrap();
    let r = collect(&app, &b, &b.inbox_token()).await;
    assert_eq!(
        (r.status, proxy.dropped()),
        (StatusCode::OK, 1),
        "{}",
        r.json
    );
    assert_eq!(opened(&b, &r), secret);
    assert_eq!(
        stored_request(&app, &b).await.state,
        RequestState::Collected
    );

    let (app, proxy) = app_behind_fault_proxy(Fault::DropFirstResponse("UpdateItem")).await;
    let c = ask(&app, None, 600).await;
    let r = cancel(&app, &c, &c.inbox_token()).await;
    assert_eq!((r.status, proxy.dropped()), (StatusCode::NO_CONTENT, 1));
    assert_eq!(
        stored_request(&app, &c).await.state,
        RequestState::Cancelled
    );
}

/// A fill applied whose answer is lost, with the network gone after it: the
/// responder is told `outcome_unknown`, not "nothing happened".
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_fill_that_may_have_happened_is_outcome_unknown() {
    let (app, proxy) = app_behind_fault_proxy(Fault::DropResponseThenCut("UpdateItem")).await;
    let a = ask(&app, None, 600).await;
    let r = fill(&app, &a, &a.fill_token(), &Payload::text("maybe")).await;
    assert_eq!(r.status, StatusCode::SERVICE_UNAVAILABLE, "{}", r.json);
    assert_eq!(r.json["error"], "outcome_unknown");
    assert!(
        r.json["message"]
            .as_str()
            .unwrap()
            .contains("request's state")
    );
    assert_eq!(proxy.dropped(), 1);
    assert_eq!(stored_request(&app, &a).await.state, RequestState::Filled);
}
