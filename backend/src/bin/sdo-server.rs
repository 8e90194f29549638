//! `sdo-server`: parse the configuration, set up logging, serve.

use clap::Parser;
use sdo_backend::config::{Config, LogFormat};
use sdo_backend::server;
use tracing_subscriber::EnvFilter;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let config = Config::parse();
    let filter = EnvFilter::try_new(&config.log)?;
    let logs = tracing_subscriber::fmt().with_env_filter(filter);
    match config.log_format {
        LogFormat::Text => logs.init(),
        LogFormat::Json => logs.json().init(),
    }
    let built = server::build(&config)?;
    server::serve(&config, built, server::shutdown_signal()).await?;
    Ok(())
}
