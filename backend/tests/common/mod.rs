//! The test harness: a real service on a real backend, driven through the
//! real router with `oneshot`, and a client that builds secrets with the
//! protocol crate exactly as the browser app and the CLI do.
#![allow(dead_code)]

pub mod aws;
pub mod lambda;
pub mod requests;

/// Generates, for each backend, a module with one `#[tokio::test]` per
/// listed test: `suite!(make; test_a, test_b)` runs `test_a(make(backend))`.
/// One suite, every backend, no copies.
#[allow(unused_macros)]
macro_rules! suite {
    ($make:path; $($test:ident),* $(,)?) => {
        suite!(@backend sqlite, Sqlite, $make; $($test),*);
        suite!(@backend dynamodb, Dynamodb, $make; $($test),*);
    };
    (@backend $module:ident, $backend:ident, $make:path; $($test:ident),*) => {
        mod $module {
            use super::*;
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
                async fn $test() {
                    super::$test($make(common::Backend::$backend).await).await;
                }
            )*
        }
    };
}

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicI64, AtomicU64, Ordering};

use async_trait::async_trait;
use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Method, Request, StatusCode, header};
use http_body_util::BodyExt;
use sdo_backend::app::{HttpOptions, router};
use sdo_backend::clock::ManualClock;
use sdo_backend::keys::{
    KeyError, KeyProvider, KmsKeyProvider, LocalKeyProvider, NewDataKey, Subject,
};
use sdo_backend::seal::DataKey;
use sdo_backend::service::{Limits, Service};
use sdo_backend::store::{Durability, DynamoStore, SecretStore, SqliteOptions, SqliteStore};
use sdo_shared::base64url;
use sdo_shared::client::{self, Protection};
use sdo_shared::kdf::{self, KdfParams};
use sdo_shared::payload::Payload;
use sdo_shared::secret::LinkKey;
use serde_json::Value;
use tower::ServiceExt;

/// Every backend the API suite runs against.
#[derive(Debug, Clone)]
pub enum Backend {
    /// SQLite in a temporary data directory, with the local master key.
    Sqlite,
    /// The same, with other store options (queue bound, checkpoints).
    SqliteWith(SqliteOptions),
    /// DynamoDB and KMS on `moto_server`.
    Dynamodb,
    /// DynamoDB and KMS on `moto_server`, each reached through its own URL
    /// (a proxy that a test can cut).
    DynamodbVia { kms: String, dynamodb: String },
}

pub const START: i64 = 1_800_000_000;

/// Cheapest Argon2id the protocol allows: tests check the rules, not the cost.
pub fn test_kdf() -> KdfParams {
    KdfParams::generate(kdf::M_KIB_MIN, 1, 1).unwrap()
}

/// Wraps the real key provider so a test can make the key service fail,
/// as an unreachable KMS would.
#[derive(Debug)]
pub struct FaultyKeys {
    inner: Arc<dyn KeyProvider>,
    pub down: AtomicBool,
    /// Added latency, as a slow KMS would have.
    pub delay_ms: AtomicU64,
    /// Seconds the test clock moves on during each unwrap: time that
    /// passes while a slow key service answers, without a race.
    pub advance_on_unwrap: AtomicI64,
    clock: Arc<ManualClock>,
}

impl FaultyKeys {
    async fn fault(&self) -> Result<(), KeyError> {
        let delay = self.delay_ms.load(Ordering::SeqCst);
        if delay > 0 {
            tokio::time::sleep(std::time::Duration::from_millis(delay)).await;
        }
        if self.down.load(Ordering::SeqCst) {
            return Err(KeyError::Unavailable("injected outage".into()));
        }
        Ok(())
    }
}

#[async_trait]
impl KeyProvider for FaultyKeys {
    async fn generate_data_key(&self, subject: Subject) -> Result<NewDataKey, KeyError> {
        self.fault().await?;
        self.inner.generate_data_key(subject).await
    }
    async fn unwrap(&self, w: &[u8], r: &str, subject: Subject) -> Result<DataKey, KeyError> {
        self.fault().await?;
        self.clock
            .advance(self.advance_on_unwrap.load(Ordering::SeqCst));
        self.inner.unwrap(w, r, subject).await
    }
}

/// KMS and DynamoDB clients on the emulator, each reached at its URL; the
/// new key id and table name go to `names`.
async fn aws_parts(
    kms_url: &str,
    dynamodb_url: &str,
    names: &mut Option<AwsNames>,
) -> (Arc<dyn SecretStore>, Arc<dyn KeyProvider>) {
    let (key_id, table) = aws::create_key_and_table(&aws::moto_url()).await;
    let kms = aws_sdk_kms::Client::new(&aws::sdk_config(kms_url).await);
    let ddb = aws_sdk_dynamodb::Client::new(&aws::sdk_config(dynamodb_url).await);
    *names = Some(AwsNames {
        key_id: key_id.clone(),
        table: table.clone(),
    });
    (
        Arc::new(DynamoStore::new(ddb, table)),
        Arc::new(KmsKeyProvider::new(kms, key_id)),
    )
}

/// The emulator resources a DynamoDB test app uses.
#[derive(Debug, Clone)]
pub struct AwsNames {
    pub key_id: String,
    pub table: String,
}

pub struct TestApp {
    pub router: Router,
    pub service: Arc<Service>,
    pub store: Arc<dyn SecretStore>,
    pub keys: Arc<FaultyKeys>,
    pub clock: Arc<ManualClock>,
    pub dir: tempfile::TempDir,
    pub aws: Option<AwsNames>,
    /// The concrete store, on SQLite (for its queue depth).
    pub sqlite: Option<Arc<SqliteStore>>,
}

/// What the creator keeps after creating a secret.
pub struct Created {
    pub id: String,
    pub link_key: LinkKey,
    pub manage_token: String,
    pub expires_at: i64,
    pub kdf: Option<KdfParams>,
}

impl Created {
    pub fn link_token(&self) -> String {
        kdf::link_token(&self.link_key).to_base64url()
    }
    pub fn reveal_token(&self, passphrase: Option<&str>) -> String {
        client::derive_keys(&self.link_key, self.kdf.as_ref(), passphrase)
            .unwrap()
            .reveal_token
            .to_base64url()
    }
    pub fn secret_uri(&self) -> String {
        format!("/api/v1/secrets/{}", self.id)
    }
}

/// The one answer for every gone, unknown or wrongly-addressed secret.
pub fn assert_not_found(reply: &Reply) {
    assert_eq!(reply.status, StatusCode::NOT_FOUND, "{}", reply.json);
    assert_eq!(reply.json["error"], "not_found");
    assert_eq!(
        reply.json["message"],
        "this secret does not exist or is no longer available"
    );
}

/// A loopback port nothing listens on right now.
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

pub struct Reply {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub json: Value,
}

impl TestApp {
    pub async fn new(backend: Backend) -> Self {
        Self::with(backend, Limits::default(), HttpOptions::default()).await
    }

    pub async fn with(backend: Backend, limits: Limits, options: HttpOptions) -> Self {
        Self::in_dir(backend, limits, options, tempfile::tempdir().unwrap()).await
    }

    /// Stops the app (on SQLite) and hands back its data directory.
    pub fn close(self) -> tempfile::TempDir {
        self.dir
    }

    /// An app on an existing SQLite data directory, as a restarted server.
    pub async fn open_dir(dir: tempfile::TempDir) -> Self {
        Self::in_dir(
            Backend::Sqlite,
            Limits::default(),
            HttpOptions::default(),
            dir,
        )
        .await
    }

    async fn in_dir(
        backend: Backend,
        limits: Limits,
        options: HttpOptions,
        dir: tempfile::TempDir,
    ) -> Self {
        let mut aws_names = None;
        let mut sqlite = None;
        let mut open_sqlite = |options| {
            let store = Arc::new(SqliteStore::open_with(dir.path(), options).unwrap());
            sqlite = Some(Arc::clone(&store));
            let keys = Arc::new(LocalKeyProvider::open_or_create(dir.path()).unwrap());
            (store as Arc<dyn SecretStore>, keys as Arc<dyn KeyProvider>)
        };
        let (store, keys): (Arc<dyn SecretStore>, Arc<dyn KeyProvider>) = match backend {
            Backend::Sqlite => open_sqlite(SqliteOptions::new(Durability::Full)),
            Backend::SqliteWith(options) => open_sqlite(options),
            Backend::Dynamodb => {
                let url = aws::moto_url();
                aws_parts(&url, &url, &mut aws_names).await
            }
            Backend::DynamodbVia { kms, dynamodb } => {
                aws_parts(&kms, &dynamodb, &mut aws_names).await
            }
        };
        let clock = Arc::new(ManualClock::new(START));
        let keys = Arc::new(FaultyKeys {
            inner: keys,
            down: AtomicBool::new(false),
            delay_ms: AtomicU64::new(0),
            advance_on_unwrap: AtomicI64::new(0),
            clock: clock.clone(),
        });
        let service = Arc::new(Service::new(
            Arc::clone(&store),
            keys.clone(),
            clock.clone(),
            limits,
        ));
        Self {
            router: router(Arc::clone(&service), &options),
            service,
            store,
            keys,
            clock,
            dir,
            aws: aws_names,
            sqlite,
        }
    }

    pub async fn send(&self, request: Request<Body>) -> Reply {
        let response = self.router.clone().oneshot(request).await.unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        let json = if bytes.is_empty() {
            Value::Null
        } else {
            serde_json::from_slice(&bytes)
                .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(&bytes).into_owned()))
        };
        Reply {
            status,
            headers,
            json,
        }
    }

    pub async fn call(
        &self,
        method: Method,
        uri: &str,
        bearer: Option<&str>,
        body: Option<Value>,
    ) -> Reply {
        let mut req = Request::builder().method(method).uri(uri);
        if let Some(token) = bearer {
            req = req.header(header::AUTHORIZATION, format!("Bearer {token}"));
        }
        let body = match body {
            Some(json) => {
                req = req.header(header::CONTENT_TYPE, "application/json");
                Body::from(json.to_string())
            }
            None => Body::empty(),
        };
        self.send(req.body(body).unwrap()).await
    }

    /// `POST /api/v1/secrets` with a raw JSON body.
    pub async fn post_create(&self, body: Value) -> Reply {
        self.call(Method::POST, "/api/v1/secrets", None, Some(body))
            .await
    }

    pub async fn create_with(
        &self,
        payload: &Payload,
        passphrase: Option<&str>,
        ttl: u64,
        views: u32,
    ) -> Created {
        let kdf = passphrase.map(|_| test_kdf());
        let prepared = client::prepare(
            payload,
            passphrase
                .zip(kdf.as_ref())
                .map(|(passphrase, kdf)| Protection { passphrase, kdf }),
            ttl,
            views,
        )
        .unwrap();
        let body = serde_json::to_value(&prepared.request).unwrap();
        let reply = self.post_create(body).await;
        assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.json);
        Created {
            id: reply.json["id"].as_str().unwrap().to_owned(),
            link_key: prepared.link_key,
            manage_token: reply.json["manage_token"].as_str().unwrap().to_owned(),
            expires_at: reply.json["expires_at"].as_i64().unwrap(),
            kdf,
        }
    }

    pub async fn create(&self, text: &str) -> Created {
        self.create_with(&Payload::text(text), None, 3600, 1).await
    }

    pub async fn reveal(&self, created: &Created, passphrase: Option<&str>) -> Reply {
        let body = serde_json::json!({ "reveal_token": created.reveal_token(passphrase) });
        self.call(
            Method::POST,
            &format!("{}/reveal", created.secret_uri()),
            Some(&created.link_token()),
            Some(body),
        )
        .await
    }

    /// Burns with the creator's manage token.
    pub async fn burn(&self, created: &Created) -> Reply {
        self.call(
            Method::DELETE,
            &created.secret_uri(),
            Some(&created.manage_token),
            None,
        )
        .await
    }

    pub async fn receipt(&self, created: &Created) -> Reply {
        self.call(
            Method::GET,
            &format!("{}/receipt", created.secret_uri()),
            Some(&created.manage_token),
            None,
        )
        .await
    }

    /// Decrypts a 200 reveal's blob as the recipient would.
    pub fn open(&self, created: &Created, passphrase: Option<&str>, reply: &Reply) -> Payload {
        let keys =
            client::derive_keys(&created.link_key, created.kdf.as_ref(), passphrase).unwrap();
        let blob = base64url::decode(reply.json["blob"].as_str().unwrap()).unwrap();
        sdo_shared::blob::open(&keys.content_key, &blob).unwrap()
    }
}
