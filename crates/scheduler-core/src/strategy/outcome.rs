//! What a solve returns, or why it returned nothing.

use std::time::Duration;

use serde::{Deserialize, Serialize};

use super::Strategy;
use crate::{Evaluation, Schedule};

/// What a solve reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SolveStatus {
    /// Proven best.
    Optimal,
    /// A valid schedule, not proven best.
    Feasible,
    /// The time limit ran out before any schedule.
    TimeLimit,
    /// Stopped by the cancellation flag (the best schedule so far is returned).
    Cancelled,
    /// The model has no solution.
    NoSolution,
}

/// What a strategy returns.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SolveOutcome {
    /// Strategy that ran.
    pub strategy: Strategy,
    /// Placement of every match to plan.
    pub schedule: Schedule,
    /// The evaluator's verdict on it (zero hard violations).
    pub evaluation: Evaluation,
    /// Status.
    pub status: SolveStatus,
    /// Best proven upper bound on the objective, when known.
    pub bound: Option<f64>,
    /// Relative gap between objective and bound, when known.
    pub gap: Option<f64>,
    /// Wall time.
    pub elapsed: Duration,
    /// What happened that the caller should know (fallbacks, limits).
    pub notes: Vec<String>,
}

/// Why a solve produced nothing.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SolveError {
    /// The exact solver is not compiled in.
    #[error("the optimal strategy needs SCIP: build scheduler-core with the `scip` feature")]
    OptimalUnavailable,
    /// The exact solver failed.
    #[error("SCIP failed: {0}")]
    Solver(String),
    /// A strategy produced a schedule that breaks a hard rule (a bug; nothing is returned).
    #[error("internal error: the {strategy} strategy broke {count} hard rule(s), first: {first}")]
    BrokenRules {
        /// Strategy.
        strategy: Strategy,
        /// How many.
        count: usize,
        /// The first one.
        first: String,
    },
}
