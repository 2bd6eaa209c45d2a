//! The strategy and time limit of a solve: the request's, else the project's configuration.

use scheduler_core::Strategy;
use scheduler_db::Project;

use crate::dto::solve::SolveRequest;
use crate::error::ApiError;

/// Time limit when neither the request nor the project says.
const DEFAULT_TIME_LIMIT: u64 = 60;

/// `(strategy, time limit in seconds)` for `request` on `project`.
pub fn resolve_request(request: &SolveRequest, project: &Project) -> Result<(Strategy, u64), ApiError> {
    let config = project.config.as_ref();
    let strategy = match request.strategy()? {
        Some(strategy) => strategy,
        None => config
            .and_then(|c| c.pointer("/planification/strategie"))
            .and_then(|v| v.as_str())
            .and_then(|s| s.parse().ok())
            .unwrap_or(Strategy::Hybrid),
    };
    let time_limit = match request.time_limit()? {
        Some(seconds) => seconds,
        None => config
            .and_then(|c| c.pointer("/cpsat/temps_max_secondes"))
            .and_then(|v| v.as_f64())
            .map_or(DEFAULT_TIME_LIMIT, |s| s.clamp(1.0, 3600.0) as u64),
    };
    Ok((strategy, time_limit))
}
