//! `scheduler-api`: serves the league scheduler API (see `--help`).

use std::net::TcpListener;

use anyhow::Context;
use clap::Parser;
use scheduler_api::ServerConfig;

#[actix_web::main]
async fn main() -> anyhow::Result<()> {
    let config = ServerConfig::parse();
    tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::try_new(&config.log_level).context("--log-level")?)
        .init();
    let listener =
        TcpListener::bind(config.bind).with_context(|| format!("cannot listen on {}", config.bind))?;
    tracing::info!(address = %config.bind, docs = format!("http://{}/docs/", config.bind), "serving");
    scheduler_api::start(config, listener)?.await.context("server stopped with an error")
}
