//! Wiring: from a [`Config`] to a running server, chosen once at start-up.
//! The same [`Built`] router serves a TCP listener or AWS Lambda.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::http::HeaderValue;
use tokio::net::TcpListener;

use crate::app::{HttpOptions, router};
use crate::clock::SystemClock;
use crate::config::{Config, StoreKind};
use crate::keys::{KeyProvider, KmsKeyProvider, LocalKeyProvider};
use crate::rate_limit::RateLimit;
use crate::service::{Limits, Service};
use crate::store::{DynamoStore, SecretStore, SqliteStore};

#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("master key: {0}")]
    MasterKey(#[from] crate::keys::local::MasterKeyError),
    #[error("database: {0}")]
    Store(#[from] crate::store::StoreError),
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
    pub rate_limit: Option<Arc<RateLimit>>,
}

/// AWS SDK settings from the standard environment, with timeouts short
/// enough that an unreachable service answers 503 well inside a request.
pub async fn aws_config() -> aws_config::SdkConfig {
    let timeouts = aws_config::timeout::TimeoutConfig::builder()
        .connect_timeout(Duration::from_secs(2))
        .operation_timeout(Duration::from_secs(8))
        .build();
    aws_config::defaults(aws_config::BehaviorVersion::latest())
        .timeout_config(timeouts)
        .load()
        .await
}

pub async fn build(config: &Config) -> Result<Built, StartError> {
    let needs_aws = config.store == StoreKind::Dynamodb || config.kms_key_id.is_some();
    let aws = if needs_aws {
        Some(aws_config().await)
    } else {
        None
    };
    let keys: Arc<dyn KeyProvider> = match (&config.kms_key_id, &aws) {
        (Some(key_id), Some(aws)) => {
            Arc::new(KmsKeyProvider::new(aws_sdk_kms::Client::new(aws), key_id))
        }
        _ => Arc::new(LocalKeyProvider::open_or_create(&config.data_dir)?),
    };
    let store: Arc<dyn SecretStore> = match (config.store, &aws) {
        (StoreKind::Dynamodb, Some(aws)) => {
            let table = config
                .table
                .clone()
                .ok_or_else(|| StartError::Config("--store dynamodb needs --table".into()))?;
            Arc::new(DynamoStore::new(aws_sdk_dynamodb::Client::new(aws), table))
        }
        _ => Arc::new(SqliteStore::open(&config.data_dir, config.sqlite_sync)?),
    };
    let limits = Limits {
        max_ttl_secs: config.max_ttl.as_secs(),
        max_blob_bytes: config.max_blob_bytes,
        max_attempts: config.max_attempts,
        max_views: config.max_views,
    };
    let service = Arc::new(Service::new(store, keys, Arc::new(SystemClock), limits));
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
    let rate_limit = RateLimit::per_minute(config.rate_limit);
    let options = HttpOptions {
        static_dir: config.static_dir.clone(),
        allowed_origin,
        rate_limit: rate_limit.clone(),
        request_timeout: config.request_timeout,
    };
    Ok(Built {
        router: router(Arc::clone(&service), &options),
        service,
        rate_limit,
    })
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
    let maintenance = tokio::spawn(maintain(
        Arc::clone(&built.service),
        built.rate_limit.clone(),
        sweep,
    ));
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

/// The periodic sweep of expired secrets and idle rate-limit buckets.
async fn maintain(
    service: Arc<Service>,
    rate_limit: Option<Arc<RateLimit>>,
    sweep: Option<Duration>,
) {
    let mut tick = tokio::time::interval(sweep.unwrap_or(Duration::from_secs(60)));
    loop {
        tick.tick().await;
        if sweep.is_some() {
            match service.sweep().await {
                Ok(0) => {}
                Ok(n) => tracing::info!(deleted = n, "swept expired secrets"),
                Err(e) => tracing::warn!(error = %e, "sweep failed"),
            }
        }
        if let Some(limit) = &rate_limit {
            limit.retain_recent();
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
