//! Master-key rotation (`sdo-server rotate-master-key`), in process: secrets
//! made before it reveal after it; a rotation stopped after any of its steps
//! leaves a data directory the server can serve from and a rerun finishes;
//! the data directory's lock keeps rotations and servers apart; the old key
//! is gone at the end. The kill -9 version with real processes is in
//! `rotate_kill.rs`.

mod rotation;

use std::ops::ControlFlow;
use std::path::Path;
use std::sync::mpsc;

use rotation::{Kept, by_key, config, files_containing, reveal_all, seed};
use sdo_backend::config::RotateArgs;
use sdo_backend::keys::LocalKeyProvider;
use sdo_backend::keys::local::MASTER_KEY_FILE;
use sdo_backend::keys::rotate::{self, NEXT_KEY_FILE, RotateError, Step};
use sdo_backend::server::{self, StartError};

fn key_ref(path: &Path) -> String {
    LocalKeyProvider::load_path(path)
        .unwrap()
        .unwrap()
        .key_ref()
        .to_owned()
}

fn go_on(_: Step) -> ControlFlow<()> {
    ControlFlow::Continue(())
}

#[tokio::test(flavor = "multi_thread")]
async fn secrets_created_before_a_rotation_reveal_after_it_and_the_old_key_is_gone() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let kept = seed(&data, 12).await;
    let old_key = std::fs::read(data.join(MASTER_KEY_FILE)).unwrap();
    let old_ref = key_ref(&data.join(MASTER_KEY_FILE));
    assert_eq!(by_key(&data), [(old_ref.clone(), 12)]);

    let report = rotate::rotate(&data, 5, &mut go_on).unwrap();
    assert_eq!(report.from.as_deref(), Some(old_ref.as_str()));
    assert_eq!(report.rewrapped, 12, "{report}");
    assert!(!report.resumed);
    let new_ref = key_ref(&data.join(MASTER_KEY_FILE));
    assert_eq!(report.to, new_ref);
    assert_ne!(new_ref, old_ref);
    assert_eq!(by_key(&data), [(new_ref.clone(), 12)]);

    assert!(!data.join(NEXT_KEY_FILE).exists());
    assert_eq!(files_containing(&data, &old_key), Vec::<String>::new());
    // The start-up guard now expects the new key, and gets it.
    reveal_all(&data, &kept).await;
}

/// Stops a rotation of `data` after `stop`, as a crash there would.
fn rotate_until(data: &Path, stop: Step) {
    let err = rotate::rotate(data, 4, &mut |step| {
        if step == stop {
            ControlFlow::Break(())
        } else {
            ControlFlow::Continue(())
        }
    })
    .unwrap_err();
    assert!(
        matches!(err, RotateError::Interrupted(s) if s == stop),
        "{err}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_rotation_stopped_after_any_step_serves_and_resumes_and_every_secret_reveals() {
    for stop in [
        Step::NextKeyWritten,
        Step::Started,
        Step::Rewrapped(1),
        Step::Rewrapped(7),
        Step::Swapped,
    ] {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        let mut kept = seed(&data, 10).await;
        let old_key = std::fs::read(data.join(MASTER_KEY_FILE)).unwrap();
        let old_ref = key_ref(&data.join(MASTER_KEY_FILE));
        rotate_until(&data, stop);

        let next_ref = match stop {
            Step::Swapped => key_ref(&data.join(MASTER_KEY_FILE)),
            _ => key_ref(&data.join(NEXT_KEY_FILE)),
        };
        if let Step::Rewrapped(n) = stop {
            // Genuinely mid-way: records under each key.
            assert_eq!(
                by_key(&data),
                sorted([(next_ref.clone(), n), (old_ref.clone(), 10 - n)]),
                "{stop}"
            );
        }

        // A server started now opens every record, whichever key it is
        // under, and a secret it makes is rotated too.
        let mut later: Vec<Kept> = kept.split_off(5);
        reveal_all(&data, &kept).await;
        later.extend(rotation::create(&data, 1).await);

        let report = rotate::rotate(&data, 4, &mut go_on).unwrap();
        assert_eq!(report.resumed, stop != Step::NextKeyWritten, "{stop}");
        assert_eq!(report.to, next_ref, "{stop}: the key written first is kept");
        assert_eq!(key_ref(&data.join(MASTER_KEY_FILE)), next_ref);
        assert_eq!(by_key(&data), [(next_ref.clone(), 6)], "{stop}");
        assert!(!data.join(NEXT_KEY_FILE).exists());
        assert_eq!(files_containing(&data, &old_key), Vec::<String>::new());
        reveal_all(&data, &later).await;
    }
}

fn sorted<const N: usize>(mut v: [(String, u64); N]) -> Vec<(String, u64)> {
    v.sort();
    v.to_vec()
}

#[tokio::test(flavor = "multi_thread")]
async fn one_rotation_at_a_time_and_never_beside_a_running_server() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let kept = seed(&data, 6).await;
    let old_ref = key_ref(&data.join(MASTER_KEY_FILE));

    let running = server::build(&config(&data)).await.unwrap();
    let err = rotate::rotate(&data, 4, &mut go_on).unwrap_err();
    assert!(matches!(err, RotateError::Lock(_)), "{err}");
    assert!(
        err.to_string().contains("in use by sdo-server (pid"),
        "{err}"
    );
    assert!(!data.join(NEXT_KEY_FILE).exists(), "nothing was started");
    assert_eq!(key_ref(&data.join(MASTER_KEY_FILE)), old_ref);
    drop(running);

    // A rotation that holds still after two records.
    let (paused_tx, paused) = mpsc::channel();
    let (resume, resume_rx) = mpsc::channel::<()>();
    let first = {
        let data = data.clone();
        std::thread::spawn(move || {
            rotate::rotate(&data, 4, &mut |step| {
                if step == Step::Rewrapped(2) {
                    paused_tx.send(()).unwrap();
                    resume_rx.recv().unwrap();
                }
                ControlFlow::Continue(())
            })
        })
    };
    paused.recv().unwrap();
    let err = rotate::rotate(&data, 4, &mut go_on).unwrap_err();
    assert!(
        err.to_string()
            .contains("in use by sdo-server rotate-master-key"),
        "{err}"
    );
    let err = server::build(&config(&data)).await.unwrap_err();
    assert!(matches!(err, StartError::Locked(_)), "{err}");
    resume.send(()).unwrap();
    let report = first.join().unwrap().unwrap();
    assert_eq!(report.rewrapped, 6);
    reveal_all(&data, &kept).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn kms_dynamodb_and_missing_data_dirs_are_refused() {
    use clap::Parser;
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let args = RotateArgs { batch: 10 };
    let parse = |extra: &[&str]| {
        let mut argv = vec!["sdo-server", "--data-dir", data.to_str().unwrap()];
        argv.extend_from_slice(extra);
        sdo_backend::config::Config::try_parse_from(argv).unwrap()
    };
    let err = rotate::run(&parse(&["--kms-key-id", "alias/x"]), &args).unwrap_err();
    assert!(matches!(err, RotateError::NotLocal(_)), "{err}");
    assert!(err.to_string().contains("KMS rotates"), "{err}");
    let err = rotate::run(&parse(&["--store", "dynamodb", "--table", "t"]), &args).unwrap_err();
    assert!(matches!(err, RotateError::NotLocal(_)), "{err}");
    let err = rotate::run(&parse(&[]), &args).unwrap_err();
    assert!(matches!(err, RotateError::NothingToRotate(_)), "{err}");
    assert!(!data.exists(), "a mistyped --data-dir is not created");
}

/// Requests have data keys of their own (context `sdo:request`): a rotation
/// moves them too, and both a request filled before it and one filled after
/// it are collected and open.
#[tokio::test(flavor = "multi_thread")]
async fn requests_made_before_a_rotation_fill_and_collect_after_it() {
    use sdo_shared::request::{self, RequestId, client};
    use sdo_shared::secret::RequestKey;

    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let ask = |router: axum::Router| async move {
        let (key, body) = client::prepare_request(Some("note"), 3600).unwrap();
        let body = serde_json::to_value(body).unwrap();
        let (status, reply) = rotation::call(&router, "/api/v1/requests", None, body).await;
        assert_eq!(status, axum::http::StatusCode::CREATED, "{reply}");
        let rid = RequestId::parse(reply["id"].as_str().unwrap()).unwrap();
        (rid, key)
    };
    let fill = |router: axum::Router, rid: RequestId, key: RequestKey, text: &'static str| async move {
        let pk = request::public_key(&key);
        let body = client::seal_fill(&pk, &rid, &sdo_shared::payload::Payload::text(text));
        let body = serde_json::to_value(body.unwrap()).unwrap();
        let token = request::fill_token(&pk).to_base64url();
        let uri = format!("/api/v1/requests/{rid}/fill");
        let (status, reply) = rotation::call(&router, &uri, Some(&token), body).await;
        assert_eq!(status, axum::http::StatusCode::OK, "{reply}");
    };
    let built = server::build(&config(&data)).await.unwrap();
    let (early, early_key) = ask(built.router.clone()).await;
    let (late, late_key) = ask(built.router.clone()).await;
    fill(built.router.clone(), early, early_key.clone(), "early").await;
    drop(built);

    let report = rotate::rotate(&data, 5, &mut go_on).unwrap();
    assert_eq!(report.rewrapped, 2, "{report}");
    let new_ref = key_ref(&data.join(MASTER_KEY_FILE));
    assert_eq!(by_key(&data), [(new_ref, 2)]);

    let built = server::build(&config(&data)).await.unwrap();
    fill(built.router.clone(), late, late_key.clone(), "late").await;
    for (rid, key, text) in [(early, early_key, "early"), (late, late_key, "late")] {
        let token = request::inbox_token(&key).to_base64url();
        let uri = format!("/api/v1/requests/{rid}/collect");
        let (status, reply) =
            rotation::call(&built.router, &uri, Some(&token), serde_json::Value::Null).await;
        assert_eq!(status, axum::http::StatusCode::OK, "{reply}");
        let blob = sdo_shared::base64url::decode(reply["blob"].as_str().unwrap()).unwrap();
        let opened = client::open_fill(&key, &rid, &blob).unwrap();
        assert_eq!(opened.as_text(), Some(text));
    }
}

/// An operator runs the rotation as root against a data directory that the
/// service's user owns (`/var/lib/sdo` under systemd's `DynamicUser`): the
/// new `master.key`, and a lock file the rotation had to create, belong to
/// that user afterwards, so the service can still read its key. (Root
/// only: as anyone else nothing can be given away; CI runs as root.)
#[tokio::test(flavor = "multi_thread")]
async fn a_rotation_run_as_root_leaves_the_files_to_the_directory_owner() {
    use std::os::unix::fs::MetadataExt;
    const SERVICE_USER: u32 = 65_534; // nobody
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let kept = seed(&data, 3).await;
    if std::os::unix::fs::chown(&data, Some(SERVICE_USER), Some(SERVICE_USER)).is_err() {
        eprintln!("not root: nothing to check");
        return;
    }
    for file in std::fs::read_dir(&data).unwrap() {
        let path = file.unwrap().path();
        std::os::unix::fs::chown(&path, Some(SERVICE_USER), Some(SERVICE_USER)).unwrap();
    }
    let _ = std::fs::remove_file(data.join("sdo.lock"));

    let report = rotate::rotate(&data, 5, &mut go_on).unwrap();
    assert_eq!(report.rewrapped, 3, "{report}");
    for file in std::fs::read_dir(&data).unwrap() {
        let path = file.unwrap().path();
        let meta = std::fs::metadata(&path).unwrap();
        assert_eq!(
            (meta.uid(), meta.gid()),
            (SERVICE_USER, SERVICE_USER),
            "{} is not the service user's",
            path.display()
        );
    }
    reveal_all(&data, &kept).await;

    // A data directory with its key and no database: the rotation makes
    // the database, and it is the service user's too.
    std::fs::remove_file(data.join("secrets.db")).unwrap();
    for extra in ["secrets.db-wal", "secrets.db-shm"] {
        let _ = std::fs::remove_file(data.join(extra));
    }
    rotate::rotate(&data, 5, &mut go_on).unwrap();
    let meta = std::fs::metadata(data.join("secrets.db")).unwrap();
    assert_eq!((meta.uid(), meta.gid()), (SERVICE_USER, SERVICE_USER));
}
