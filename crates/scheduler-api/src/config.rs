//! Server settings, from flags or environment variables (`--help` lists them all).

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::Parser;

/// League scheduler API server.
#[derive(Debug, Clone, Parser)]
#[command(
    name = "scheduler-api",
    version,
    about = "League scheduler HTTP API (OpenAPI at /api/openapi.json, Swagger UI at /docs)"
)]
pub struct ServerConfig {
    /// Address and port to listen on.
    #[arg(long, env = "BIND", default_value = "127.0.0.1:8000")]
    pub bind: SocketAddr,

    /// SQLite database file (created with its folder if missing).
    #[arg(long, env = "DATABASE_URL", default_value = "data/scheduler.db")]
    pub database_url: String,

    /// Allowed CORS origins, comma-separated (none: same-origin only).
    #[arg(long, env = "CORS_ORIGINS", value_delimiter = ',', default_value = "http://localhost:5173")]
    pub cors_origins: Vec<String>,

    /// API key required (as `Authorization: Bearer <key>`) by every route that changes data.
    #[arg(long, env = "API_KEY")]
    pub api_key: Option<String>,

    /// Require the API key for reads too.
    #[arg(long, env = "API_KEY_FOR_READS", default_value_t = false)]
    pub api_key_for_reads: bool,

    /// Log filter (`info`, `debug`, `scheduler_api=debug,actix_web=warn`…).
    #[arg(long, env = "LOG_LEVEL", default_value = "info")]
    pub log_level: String,

    /// Largest JSON body accepted, in bytes.
    #[arg(long, env = "MAX_JSON_BYTES", default_value_t = 1 << 20)]
    pub max_json_bytes: usize,

    /// Largest workbook upload accepted, in bytes.
    #[arg(long, env = "MAX_UPLOAD_BYTES", default_value_t = 20 << 20)]
    pub max_upload_bytes: usize,

    /// Solves running at once (others wait their turn).
    #[arg(long, env = "MAX_CONCURRENT_SOLVES", default_value_t = 1)]
    pub max_concurrent_solves: usize,

    /// Demo project imported into an empty database (its YAML file); `none` to skip.
    #[arg(long, env = "DEMO_PROJECT", default_value = "examples/demo/demo.yaml")]
    pub demo_project: PathBuf,

    /// HTTP worker threads (0 = one per core).
    #[arg(long, env = "WORKERS", default_value_t = 0)]
    pub workers: usize,
}

impl ServerConfig {
    /// Defaults, as if started without flags (for tests and embedding).
    pub fn defaults() -> Self {
        Self::parse_from(["scheduler-api"])
    }
}
