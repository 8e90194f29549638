//! Wiring: from a [`Config`] to a running server, chosen once at start-up.
//! The same [`Built`] router serves a TCP listener or AWS Lambda.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::http::HeaderValue;
use tokio::net::TcpListener;

use crate::app::{HttpOptions, StaticApp, router};
use crate::client_ip::ClientIp;
use crate::clock::SystemClock;
use crate::config::{Config, StoreKind};
use crate::keys::local::{MASTER_KEY_FILE, MasterKeyError, ensure_private_dir};
use crate::keys::{KeyProvider, KmsKeyProvider, LocalKeyProvider, rotate};
use crate::lock::DataDirLock;
use crate::metrics::Metrics;
use crate::rate_limit::{PRUNE_EVERY, RateLimit};
use crate::service::{Limits, Service};
use crate::store::{DynamoStore, SecretStore, SqliteOptions, SqliteStore};

#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("master key: {0}")]
    MasterKey(#[from] crate::keys::local::MasterKeyError),
    #[error("database: {0}")]
    Store(#[from] crate::store::StoreError),
    #[error(transparent)]
    Locked(#[from] crate::lock::LockError),
    #[error("--allowed-origin is not a valid origin: {0}")]
    Origin(String),
    #[error("cannot listen on {addr}: {source}")]
    Listen {
        addr: SocketAddr,
        source: std::io::Error,
    },
    #[error("{0}")]
    Config(String),
}

/// Everything a running server needs, built from the configuration.
#[derive(Debug)]
pub struct Built {
    pub router: Router,
    pub service: Arc<Service>,
    /// The data directory's lock, while the server uses the directory
    /// (SQLite or the local master key): a master-key rotation is refused
    /// until this is dropped.
    pub lock: Option<DataDirLock>,
}

/// AWS SDK settings from the standard environment, with timeouts short
/// enough that an unreachable service answers 503 well inside a request.
pub async fn aws_config() -> aws_config::SdkConfig {
    let timeouts = aws_config::timeout::TimeoutConfig::builder()
        .connect_timeout(Duration::from_secs(2))
        .operation_timeout(Duration::from_secs(5))
        .build();
    aws_config::defaults(aws_config::BehaviorVersion::latest())
        .timeout_config(timeouts)
        .load()
        .await
}

/// `--static-dir` wins (development); else the app built into this binary,
/// if it was built with one; else API only.
fn static_app(config: &Config) -> StaticApp {
    if let Some(dir) = &config.static_dir {
        return StaticApp::Dir(dir.clone());
    }
    #[cfg(feature = "embed-app")]
    if crate::embedded::has_app() {
        return StaticApp::Embedded;
    }
    StaticApp::None
}

pub async fn build(config: &Config) -> Result<Built, StartError> {
    let needs_aws = config.store == StoreKind::Dynamodb || config.kms_key_id.is_some();
    let aws = if needs_aws {
        Some(aws_config().await)
    } else {
        None
    };
    // Taken before anything in the directory is read, so the server never
    // sees a rotation's intermediate state while it is being made.
    let uses_data_dir = config.store == StoreKind::Sqlite || config.kms_key_id.is_none();
    // A key file that cannot serve (too open, not 32 bytes) fails before
    // the lock, database or anything else is made beside it. (Read again
    // under the lock below: a rotation only ever renames a whole key into
    // place.)
    if config.kms_key_id.is_none() && config.data_dir.join(MASTER_KEY_FILE).exists() {
        LocalKeyProvider::load(&config.data_dir)?;
    }
    let lock = if uses_data_dir {
        ensure_private_dir(&config.data_dir)?;
        Some(DataDirLock::acquire(&config.data_dir, "sdo-server")?)
    } else {
        None
    };
    let store: Arc<dyn SecretStore> = match (config.store, &aws) {
        (StoreKind::Dynamodb, Some(aws)) => {
            let table = config
                .table
                .clone()
                .ok_or_else(|| StartError::Config("--store dynamodb needs --table".into()))?;
            Arc::new(DynamoStore::new(aws_sdk_dynamodb::Client::new(aws), table))
        }
        _ => Arc::new(SqliteStore::open_with(
            &config.data_dir,
            SqliteOptions::new(config.sqlite_sync),
        )?),
    };
    let keys: Arc<dyn KeyProvider> = match (&config.kms_key_id, &aws) {
        (Some(key_id), Some(aws)) => {
            Arc::new(KmsKeyProvider::new(aws_sdk_kms::Client::new(aws), key_id))
        }
        _ => Arc::new(local_master_key(&config.data_dir, store.as_ref()).await?),
    };
    let limits = Limits {
        max_ttl_secs: config.max_ttl.as_secs(),
        max_blob_bytes: config.max_blob_bytes,
        max_attempts: config.max_attempts,
        max_views: config.max_views,
    };
    let service = Arc::new(
        Service::new(store, keys, Arc::new(SystemClock), limits)
            .with_write_budget(config.write_budget),
    );
    let allowed_origin = config
        .allowed_origin
        .as_deref()
        .map(|o| {
            sdo_shared::link::normalize_origin(o)
                .ok()
                .and_then(|o| HeaderValue::from_str(&o).ok())
                .ok_or_else(|| StartError::Origin(o.to_owned()))
        })
        .transpose()?;
    let client_ip = ClientIp {
        trusted_proxies: config.trusted_proxies.clone(),
        cloudfront: config.trust_cloudfront,
    };
    let options = HttpOptions {
        static_app: static_app(config),
        allowed_origin,
        rate_limit: RateLimit::new(config.rate_limit, client_ip, PRUNE_EVERY),
        request_timeout: config.request_timeout,
    };
    Ok(Built {
        router: router(Arc::clone(&service), &options),
        service,
        lock,
    })
}

/// The local master key, checked against the one the store recorded at its
/// first start: a missing or different key file would otherwise mean a new
/// key, and every stored secret unreadable (a 500 on each reveal, forever).
/// After an interrupted rotation, both keys it involves, each checked.
pub async fn local_master_key(
    data_dir: &std::path::Path,
    store: &dyn SecretStore,
) -> Result<LocalKeyProvider, StartError> {
    let recorded = store.master_key_ref().await?;
    if let Some(next_ref) = store.rotating_to().await? {
        let keys = rotate::keys_mid_rotation(data_dir, recorded.as_deref(), &next_ref)?;
        tracing::warn!(
            to = %next_ref,
            "a master-key rotation was interrupted; serving with both keys. \
             Stop the server and run `sdo-server rotate-master-key` to finish it"
        );
        return Ok(keys);
    }
    let path = data_dir.join(MASTER_KEY_FILE);
    let key = match LocalKeyProvider::load(data_dir)? {
        Some(key) => key,
        None if recorded.is_some() || store.has_records().await? => {
            return Err(MasterKeyError::Missing {
                path,
                expected: recorded.unwrap_or_else(|| "(not recorded)".into()),
            }
            .into());
        }
        None => LocalKeyProvider::create(data_dir)?,
    };
    match recorded {
        Some(expected) if expected != key.key_ref() => Err(MasterKeyError::Mismatch {
            path,
            expected,
            found: key.key_ref().to_owned(),
        }
        .into()),
        Some(_) => Ok(key),
        None => {
            store.record_master_key(key.key_ref()).await?;
            Ok(key)
        }
    }
}

/// Binds the listening socket.
pub async fn bind(addr: SocketAddr) -> Result<TcpListener, StartError> {
    TcpListener::bind(addr)
        .await
        .map_err(|source| StartError::Listen { addr, source })
}

/// Serves on `listener` until `shutdown` resolves, then finishes requests in
/// flight. `sweep` is how often expired secrets are deleted (`None`: never).
pub async fn serve(
    listener: TcpListener,
    built: Built,
    sweep: Option<Duration>,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> Result<(), StartError> {
    let addr = listener.local_addr().map_err(|source| StartError::Listen {
        addr: SocketAddr::from(([0, 0, 0, 0], 0)),
        source,
    })?;
    tracing::info!(%addr, "listening");
    let maintenance = tokio::spawn(maintain(Arc::clone(&built.service), sweep));
    let result = axum::serve(
        listener,
        built
            .router
            .into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown)
    .await;
    maintenance.abort();
    result.map_err(|source| StartError::Listen { addr, source })
}

/// Serves `GET /metrics` on `listener` (the `--metrics-listen` address),
/// a router of its own, until the task running it is dropped.
pub async fn serve_metrics(listener: TcpListener, metrics: Arc<Metrics>) {
    if let Ok(addr) = listener.local_addr() {
        tracing::info!(%addr, "serving metrics");
    }
    if let Err(e) = axum::serve(listener, crate::metrics::router(metrics)).await {
        tracing::error!(error = %e, "the metrics listener stopped");
    }
}

/// The periodic sweep of expired secrets. (Idle rate-limit buckets are
/// pruned by the limiter itself, which works on Lambda too.)
async fn maintain(service: Arc<Service>, sweep: Option<Duration>) {
    let Some(every) = sweep else { return };
    let mut tick = tokio::time::interval(every);
    loop {
        tick.tick().await;
        match service.sweep().await {
            Ok(0) => {}
            Ok(n) => tracing::info!(deleted = n, "swept expired secrets"),
            Err(e) => tracing::warn!(error = %e, "sweep failed"),
        }
    }
}

/// Resolves on Ctrl-C or SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
    tracing::info!("shutting down; finishing requests in flight");
}
