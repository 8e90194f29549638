//! The `RequestStore` contract, run against every store (`suite!`): each
//! conditional write does what it says and nothing else, under concurrency
//! too, and tombstones lose the key, note and fill in the same write.

#[macro_use]
mod common;

use std::sync::Arc;

use common::{Backend, TestApp};
use sdo_backend::store::{
    OpId, Outcome, RequestRecord, Sealed, SecretStore, StoreError, WrappedDataKey,
};
use sdo_shared::api::RequestState;
use sdo_shared::request::RequestId;
use sdo_shared::secret::Verifier;

const NOW: i64 = 1_000_000;

fn op() -> OpId {
    OpId::generate().unwrap()
}

fn sealed(n: u8) -> Sealed {
    Sealed {
        sealed: vec![n; 320],
        nonce: [n; 12],
    }
}

fn record(n: u8, note: bool) -> RequestRecord {
    RequestRecord {
        id: RequestId::from_bytes([n; 16]),
        state: RequestState::Open,
        inbox_verifier: Verifier::of(&[1; 32]),
        fill_verifier: Verifier::of(&[2; 32]),
        key: Some(WrappedDataKey {
            wrapped_key: vec![n; 60],
            key_ref: "local:test".into(),
        }),
        note: note.then(|| sealed(n + 100)),
        fill: None,
        created_at: NOW,
        expires_at: NOW + 100,
        filled_at: None,
        collected_at: None,
    }
}

type Made = (Arc<dyn SecretStore>, TestApp);

async fn insert_get_and_duplicates((store, _app): Made) {
    let requests = store.requests().unwrap();
    let r = record(1, true);
    requests.insert_request(&r).await.unwrap();
    assert!(matches!(
        requests.insert_request(&r).await,
        Err(StoreError::AlreadyExists)
    ));
    let got = requests.get_request(&r.id).await.unwrap().unwrap();
    assert_eq!(got.state, RequestState::Open);
    assert_eq!(got.note, Some(sealed(101)));
    assert_eq!(got.key, r.key);
    assert!(got.inbox_verifier.matches(&[1; 32]));
    assert!(got.fill_verifier.matches(&[2; 32]));
    assert_eq!(
        (got.fill, got.filled_at, got.collected_at),
        (None, None, None)
    );
    // A request is not a secret, even with the same id.
    assert!(store.get(&r.id).await.unwrap().is_none());
    assert!(store.has_records().await.unwrap());
    let other = RequestId::from_bytes([9; 16]);
    assert!(requests.get_request(&other).await.unwrap().is_none());
    let plain = record(2, false);
    requests.insert_request(&plain).await.unwrap();
    assert_eq!(
        requests.get_request(&plain.id).await.unwrap().unwrap().note,
        None
    );
}

async fn fill_then_collect_once((store, _app): Made) {
    let requests = store.requests().unwrap();
    let r = record(3, true);
    requests.insert_request(&r).await.unwrap();
    assert_eq!(
        requests.collect_request(&r.id, NOW, &op()).await.unwrap(),
        Outcome::Conflict
    );
    let fill = sealed(7);
    let filled = requests.fill_request(&r.id, &fill, NOW + 1, &op()).await;
    assert_eq!(filled.unwrap(), Outcome::Done(()));
    let second = requests
        .fill_request(&r.id, &sealed(8), NOW + 2, &op())
        .await;
    assert_eq!(second.unwrap(), Outcome::Conflict);
    let got = requests.get_request(&r.id).await.unwrap().unwrap();
    assert_eq!(
        (got.state, got.filled_at),
        (RequestState::Filled, Some(NOW + 1))
    );
    assert_eq!(got.fill, Some(fill));
    assert!(got.note.is_some() && got.key.is_some());

    let collected = requests.collect_request(&r.id, NOW + 5, &op()).await;
    assert_eq!(collected.unwrap(), Outcome::Done(()));
    assert_eq!(
        requests
            .collect_request(&r.id, NOW + 6, &op())
            .await
            .unwrap(),
        Outcome::Conflict
    );
    assert_eq!(
        requests
            .cancel_request(&r.id, NOW + 6, &op())
            .await
            .unwrap(),
        Outcome::Conflict
    );
    let done = requests.get_request(&r.id).await.unwrap().unwrap();
    assert_eq!(done.state, RequestState::Collected);
    assert_eq!(
        (done.filled_at, done.collected_at),
        (Some(NOW + 1), Some(NOW + 5))
    );
    assert_eq!(
        (done.key, done.note, done.fill),
        (None, None, None),
        "tombstone"
    );
    assert!(done.inbox_verifier.matches(&[1; 32]), "verifiers stay");
}

async fn cancel_open_or_filled((store, _app): Made) {
    let requests = store.requests().unwrap();
    let (open, filled) = (record(4, true), record(5, false));
    requests.insert_request(&open).await.unwrap();
    requests.insert_request(&filled).await.unwrap();
    let f = requests
        .fill_request(&filled.id, &sealed(1), NOW, &op())
        .await;
    assert_eq!(f.unwrap(), Outcome::Done(()));
    for r in [&open, &filled] {
        assert_eq!(
            requests.cancel_request(&r.id, NOW, &op()).await.unwrap(),
            Outcome::Done(())
        );
        assert_eq!(
            requests.cancel_request(&r.id, NOW, &op()).await.unwrap(),
            Outcome::Conflict
        );
        let got = requests.get_request(&r.id).await.unwrap().unwrap();
        assert_eq!(got.state, RequestState::Cancelled);
        assert_eq!((got.key, got.note, got.fill), (None, None, None));
    }
    let late = requests
        .fill_request(&open.id, &sealed(2), NOW, &op())
        .await;
    assert_eq!(late.unwrap(), Outcome::Conflict);
    assert_eq!(
        requests
            .collect_request(&filled.id, NOW, &op())
            .await
            .unwrap(),
        Outcome::Conflict
    );
}

async fn writes_refuse_expired_requests_and_the_sweep_deletes((store, _app): Made) {
    let requests = store.requests().unwrap();
    let (open, filled) = (record(6, true), record(7, true));
    requests.insert_request(&open).await.unwrap();
    requests.insert_request(&filled).await.unwrap();
    let f = requests
        .fill_request(&filled.id, &sealed(1), NOW, &op())
        .await;
    assert_eq!(f.unwrap(), Outcome::Done(()));
    let end = NOW + 100;
    let late = requests
        .fill_request(&open.id, &sealed(2), end, &op())
        .await;
    assert_eq!(late.unwrap(), Outcome::Conflict);
    assert_eq!(
        requests
            .collect_request(&filled.id, end, &op())
            .await
            .unwrap(),
        Outcome::Conflict
    );
    assert_eq!(
        requests.cancel_request(&open.id, end, &op()).await.unwrap(),
        Outcome::Conflict
    );
    let got = requests.get_request(&open.id).await.unwrap().unwrap();
    assert_eq!(got.state_at(end), RequestState::Expired);
    // Either sweep removes them (DynamoDB's is one scan of the whole table).
    let swept = store.sweep_expired(end).await.unwrap()
        + requests.sweep_expired_requests(end).await.unwrap();
    assert_eq!(swept, 2);
    for r in [&open, &filled] {
        assert!(requests.get_request(&r.id).await.unwrap().is_none());
    }
}

async fn concurrent_fills_then_collects_are_exactly_once((store, _app): Made) {
    let r = record(8, false);
    store.requests().unwrap().insert_request(&r).await.unwrap();
    for collect in [false, true] {
        let tasks: Vec<_> = (0..64u8)
            .map(|n| {
                let (store, id) = (Arc::clone(&store), r.id);
                tokio::spawn(async move {
                    let requests = store.requests().unwrap();
                    if collect {
                        requests.collect_request(&id, NOW, &op()).await
                    } else {
                        requests.fill_request(&id, &sealed(n), NOW, &op()).await
                    }
                })
            })
            .collect();
        let mut done = 0;
        for t in tasks {
            if t.await.unwrap().unwrap() == Outcome::Done(()) {
                done += 1;
            }
        }
        assert_eq!(done, 1, "collect: {collect}");
    }
}

async fn store_of(backend: Backend) -> Made {
    let app = TestApp::new(backend).await;
    (app.store.clone(), app)
}

suite!(
    store_of;
    insert_get_and_duplicates,
    fill_then_collect_once,
    cancel_open_or_filled,
    writes_refuse_expired_requests_and_the_sweep_deletes,
    concurrent_fills_then_collects_are_exactly_once,
);
