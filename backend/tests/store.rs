//! The `SecretStore` contract, run against every store: each conditional
//! write does what it says, and nothing else, under concurrency too.

#[macro_use]
mod common;

use std::sync::Arc;

use common::{Backend, TestApp};
use sdo_backend::store::{Failure, OpId, Outcome, Record, SealedBlob, SecretStore, StoreError};
use sdo_shared::api::State;
use sdo_shared::secret::{SecretId, Verifier};

const NOW: i64 = 1_000_000;

fn op() -> OpId {
    OpId::generate().unwrap()
}

fn record(n: u8, views: u32) -> Record {
    Record {
        id: SecretId::from_bytes([n; 16]),
        state: State::Waiting,
        payload: Some(SealedBlob {
            sealed: vec![n; 300],
            nonce: [n; 12],
            wrapped_key: vec![n; 60],
            key_ref: "local:test".into(),
        }),
        link_verifier: Some(Verifier::of(&[1; 32])),
        reveal_verifier: Some(Verifier::of(&[2; 32])),
        manage_verifier: Verifier::of(&[3; 32]),
        kdf: None,
        created_at: NOW,
        expires_at: NOW + 100,
        views_left: views,
        failed_attempts: 0,
        revealed_at: None,
    }
}

async fn insert_get_and_duplicates((store, _app): (Arc<dyn SecretStore>, TestApp)) {
    let r = record(1, 2);
    store.insert(&r).await.unwrap();
    // The same id with other contents: refused, and the first one kept whole.
    let mut other = record(2, 1);
    other.id = r.id;
    assert!(matches!(
        store.insert(&other).await,
        Err(StoreError::AlreadyExists)
    ));
    let got = store.get(&r.id).await.unwrap().unwrap();
    assert_eq!(got.state, State::Waiting);
    assert_eq!(got.payload.unwrap().sealed, vec![1; 300]);
    assert!(got.link_verifier.unwrap().matches(&[1; 32]));
    assert!(
        store
            .get(&SecretId::from_bytes([9; 16]))
            .await
            .unwrap()
            .is_none()
    );
}

async fn concurrent_inserts_with_one_duplicate((store, _app): (Arc<dyn SecretStore>, TestApp)) {
    store.insert(&record(50, 1)).await.unwrap();
    let tasks: Vec<_> = (40..60u8)
        .map(|n| {
            let store = Arc::clone(&store);
            tokio::spawn(async move { store.insert(&record(n, 1)).await })
        })
        .collect();
    let mut failed = 0;
    for t in tasks {
        match t.await.unwrap() {
            Ok(()) => {}
            Err(StoreError::AlreadyExists) => failed += 1,
            Err(e) => panic!("{e}"),
        }
    }
    assert_eq!(
        failed, 1,
        "only the duplicate fails; its batch-mates commit"
    );
    for n in 40..60u8 {
        assert!(
            store
                .get(&SecretId::from_bytes([n; 16]))
                .await
                .unwrap()
                .is_some()
        );
    }
}

async fn take_view_is_conditional((store, _app): (Arc<dyn SecretStore>, TestApp)) {
    let r = record(2, 2);
    store.insert(&r).await.unwrap();
    assert_eq!(
        store.take_view(&r.id, 1, NOW, &op()).await.unwrap(),
        Outcome::Conflict
    );
    assert_eq!(
        store.take_view(&r.id, 2, NOW, &op()).await.unwrap(),
        Outcome::Done(1)
    );
    assert_eq!(
        store.take_view(&r.id, 2, NOW, &op()).await.unwrap(),
        Outcome::Conflict
    );
    let mid = store.get(&r.id).await.unwrap().unwrap();
    assert_eq!(
        (mid.state, mid.views_left, mid.revealed_at),
        (State::Waiting, 1, Some(NOW))
    );
    assert_eq!(
        store.take_view(&r.id, 1, NOW + 5, &op()).await.unwrap(),
        Outcome::Done(0)
    );
    let done = store.get(&r.id).await.unwrap().unwrap();
    assert_eq!(done.state, State::Revealed);
    assert_eq!(done.revealed_at, Some(NOW), "first reveal, not last");
    assert!(
        done.payload.is_none() && done.link_verifier.is_none() && done.reveal_verifier.is_none()
    );
    assert!(done.manage_verifier.matches(&[3; 32]));
    assert_eq!(
        store.take_view(&r.id, 0, NOW, &op()).await.unwrap(),
        Outcome::Conflict
    );
}

async fn writes_refuse_expired_records((store, _app): (Arc<dyn SecretStore>, TestApp)) {
    let r = record(3, 1);
    store.insert(&r).await.unwrap();
    let at_expiry = r.expires_at;
    assert_eq!(
        store.take_view(&r.id, 1, at_expiry, &op()).await.unwrap(),
        Outcome::Conflict
    );
    assert_eq!(
        store.burn(&r.id, at_expiry, &op()).await.unwrap(),
        Outcome::Conflict
    );
    assert_eq!(
        store
            .record_failure(&r.id, 0, 5, at_expiry, &op())
            .await
            .unwrap(),
        Outcome::Conflict
    );
    assert!(store.get(&r.id).await.unwrap().unwrap().payload.is_some());
}

async fn failures_count_then_lock((store, _app): (Arc<dyn SecretStore>, TestApp)) {
    let r = record(4, 1);
    store.insert(&r).await.unwrap();
    assert_eq!(
        store.record_failure(&r.id, 0, 3, NOW, &op()).await.unwrap(),
        Outcome::Done(Failure::Counted { failed_attempts: 1 })
    );
    assert_eq!(
        store.record_failure(&r.id, 0, 3, NOW, &op()).await.unwrap(),
        Outcome::Conflict
    );
    store.record_failure(&r.id, 1, 3, NOW, &op()).await.unwrap();
    assert_eq!(
        store.record_failure(&r.id, 2, 3, NOW, &op()).await.unwrap(),
        Outcome::Done(Failure::Locked)
    );
    let locked = store.get(&r.id).await.unwrap().unwrap();
    assert_eq!((locked.state, locked.failed_attempts), (State::Locked, 3));
    assert!(locked.payload.is_none());
}

async fn burn_and_sweep((store, _app): (Arc<dyn SecretStore>, TestApp)) {
    let r = record(5, 1);
    store.insert(&r).await.unwrap();
    assert_eq!(
        store.burn(&r.id, NOW, &op()).await.unwrap(),
        Outcome::Done(())
    );
    assert_eq!(
        store.burn(&r.id, NOW, &op()).await.unwrap(),
        Outcome::Conflict
    );
    let burned = store.get(&r.id).await.unwrap().unwrap();
    assert_eq!(burned.state, State::Burned);
    assert!(burned.payload.is_none());

    let later = Record {
        expires_at: NOW + 1000,
        ..record(6, 1)
    };
    store.insert(&later).await.unwrap();
    assert_eq!(store.sweep_expired(NOW + 99).await.unwrap(), 0);
    assert_eq!(store.sweep_expired(NOW + 100).await.unwrap(), 1);
    assert!(store.get(&r.id).await.unwrap().is_none());
    assert!(store.get(&later.id).await.unwrap().is_some());
}

/// A consuming write sent again with the same op (as a store's retry after
/// a lost answer does) never changes the record twice.
async fn a_repeated_op_changes_nothing_twice((store, _app): (Arc<dyn SecretStore>, TestApp)) {
    let r = record(7, 3);
    store.insert(&r).await.unwrap();
    let view = op();
    assert_eq!(
        store.take_view(&r.id, 3, NOW, &view).await.unwrap(),
        Outcome::Done(2)
    );
    let again = store.take_view(&r.id, 3, NOW, &view).await.unwrap();
    assert!(
        matches!(again, Outcome::Done(2) | Outcome::Conflict),
        "{again:?}"
    );
    assert_eq!(store.get(&r.id).await.unwrap().unwrap().views_left, 2);

    let failure = op();
    store
        .record_failure(&r.id, 0, 5, NOW, &failure)
        .await
        .unwrap();
    store
        .record_failure(&r.id, 0, 5, NOW, &failure)
        .await
        .unwrap();
    assert_eq!(store.get(&r.id).await.unwrap().unwrap().failed_attempts, 1);
}

async fn master_key_is_recorded_once((store, _app): (Arc<dyn SecretStore>, TestApp)) {
    assert_eq!(store.master_key_ref().await.unwrap(), None);
    assert!(!store.has_records().await.unwrap());
    store.record_master_key("local:aaaa").await.unwrap();
    store.record_master_key("local:bbbb").await.unwrap();
    assert_eq!(
        store.master_key_ref().await.unwrap().as_deref(),
        Some("local:aaaa")
    );
    // The recorded setting is not a record.
    assert!(!store.has_records().await.unwrap());
    store.insert(&record(8, 1)).await.unwrap();
    assert!(store.has_records().await.unwrap());
    assert_eq!(store.sweep_expired(NOW + 1000).await.unwrap(), 1);
    assert!(store.master_key_ref().await.unwrap().is_some());
}

async fn store_of(backend: Backend) -> (Arc<dyn SecretStore>, TestApp) {
    let app = TestApp::new(backend).await;
    (app.store.clone(), app)
}

suite!(
    store_of;
    insert_get_and_duplicates,
    concurrent_inserts_with_one_duplicate,
    take_view_is_conditional,
    writes_refuse_expired_records,
    failures_count_then_lock,
    burn_and_sweep,
    a_repeated_op_changes_nothing_twice,
    master_key_is_recorded_once,
);
