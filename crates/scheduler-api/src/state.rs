//! What every handler can reach.

use crate::config::ServerConfig;

/// Shared application state.
#[derive(Debug)]
pub struct AppState {
    /// Server settings.
    pub config: ServerConfig,
    /// The database.
    pub db: scheduler_db::Database,
    /// Running solves.
    pub solver: std::sync::Arc<crate::solver::SolveManager>,
}
