//! `sdo-server`: parse the configuration, set up logging, serve (or run
//! `rotate-master-key`, whose logic is in `sdo_backend::keys::rotate`).

use std::sync::Arc;

use anyhow::Context;
use clap::{CommandFactory, Parser};
use sdo_backend::config::{Command, Config};
use sdo_backend::keys::rotate;
use sdo_backend::metrics::emf::Emf;
use sdo_backend::{lambda, server};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let config = Config::parse();
    sdo_backend::logging::init(&config.log, config.log_format)
        .with_context(|| format!("--log {:?}", config.log))?;
    if let Some(Command::Man { dir }) = &config.command {
        std::fs::create_dir_all(dir)
            .and_then(|()| clap_mangen::generate_to(Config::command(), dir))
            .with_context(|| dir.display().to_string())?;
        return Ok(());
    }
    if let Some(Command::RotateMasterKey(args)) = config.command.clone() {
        // Blocking file and SQLite work, off the async threads.
        let report = tokio::task::spawn_blocking(move || rotate::run(&config, &args)).await??;
        println!("{report}");
        return Ok(());
    }
    if lambda::is_lambda() {
        let built = server::build(&config).await?;
        // Clients and keys were made above, once per cold start.
        if config.metrics_listen.is_some() {
            tracing::warn!("--metrics-listen is ignored on Lambda: metrics go to the log as EMF");
        }
        let emf = Arc::new(Emf::stdout(Arc::clone(built.service.metrics())));
        lambda::run(built.router, emf)
            .await
            .map_err(|e| anyhow::anyhow!("lambda runtime: {e}"))?;
    } else {
        // Both addresses first: a port in use or an address not on this
        // machine fails before a data directory, key or database is made.
        let listener = server::bind(config.listen).await?;
        let metrics_listener = match config.metrics_listen {
            Some(addr) => Some(server::bind(addr).await?),
            None => None,
        };
        let built = server::build(&config).await?;
        let metrics = metrics_listener.map(|listener| {
            tokio::spawn(server::serve_metrics(
                listener,
                Arc::clone(built.service.metrics()),
            ))
        });
        tracing::info!(store = ?config.store, kms = config.kms_key_id.is_some(), "ready");
        server::serve(
            listener,
            built,
            config.sweep_every(),
            server::shutdown_signal(),
        )
        .await?;
        if let Some(task) = metrics {
            task.abort();
        }
    }
    Ok(())
}
