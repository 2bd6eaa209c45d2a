//! Solve requests, results and status (PyCalendar's `SolveRequest`/`SolveResponse` and more).

use scheduler_core::Strategy;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::evaluation::PenaltiesResponse;
use crate::error::ApiError;

/// What to solve with; every field is optional.
#[derive(Debug, Default, Deserialize, ToSchema)]
pub struct SolveRequest {
    /// `optimal` (exact, SCIP), `heuristique` (fast) or `hybride` (heuristic start then SCIP; the
    /// default). Aliases: `cpsat` → optimal, `greedy` → heuristique, and the English names.
    /// Default: the project's `planification.strategie`, else `hybride`.
    #[serde(default, alias = "strategy")]
    #[schema(example = "hybride")]
    pub strategie: Option<String>,
    /// Time limit in seconds (1–3600). Default: the project's `cpsat.temps_max_secondes`, else 60.
    #[serde(default)]
    #[schema(example = 30, minimum = 1, maximum = 3600)]
    pub temps_max_secondes: Option<u64>,
    /// Run in the background: answer 202 at once and follow `/solve/status` or `/solve/events`.
    #[serde(default)]
    pub asynchrone: bool,
}

impl SolveRequest {
    /// The strategy asked for, if any.
    pub fn strategy(&self) -> Result<Option<Strategy>, ApiError> {
        self.strategie
            .as_deref()
            .map(|s| {
                s.parse::<Strategy>()
                    .map_err(|e| ApiError::BadRequestCode { detail: e.to_string(), code: "INVALID_STRATEGY" })
            })
            .transpose()
    }

    /// The time limit asked for, if any, checked.
    pub fn time_limit(&self) -> Result<Option<u64>, ApiError> {
        match self.temps_max_secondes {
            Some(seconds) if !(1..=3600).contains(&seconds) => Err(ApiError::Unprocessable(format!(
                "temps_max_secondes must be between 1 and 3600, got {seconds}"
            ))),
            other => Ok(other),
        }
    }
}

/// The outcome of a solve, once saved.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SolveResponse {
    /// Project.
    pub project_id: i64,
    /// Run id (see `/solve/runs`).
    pub run_id: i64,
    /// Strategy that ran.
    #[schema(example = "hybride")]
    pub strategie: String,
    /// `optimal` (proven), `feasible`, `time_limit`, `cancelled` or `no_solution`.
    #[schema(example = "optimal")]
    pub statut_solveur: String,
    /// Every match of the project: fixed + modifiable.
    pub nb_matchs_total: usize,
    /// Fixed, played or frozen matches (never changed by a solve).
    pub nb_matchs_fixes: usize,
    /// Matches the solve could place.
    pub nb_matchs_modifiables: usize,
    /// Of those, placed.
    pub nb_matchs_planifies: usize,
    /// Of those, left unplaced.
    pub nb_matchs_non_planifies: usize,
    /// Rows whose slot or status changed (PyCalendar's `nb_matchs_updated`).
    pub nb_matchs_updated: usize,
    /// PyCalendar's objective: rewards of placed matches minus penalties (higher is better).
    pub objectif: f64,
    /// Best proven bound on the objective, when the exact solver ran.
    pub borne: Option<f64>,
    /// Relative gap between objective and bound (0 = proven optimal).
    pub gap: Option<f64>,
    /// Penalties by term.
    pub penalites: PenaltiesResponse,
    /// Solve time in seconds.
    pub temps_execution_secondes: f64,
    /// Problems met (empty on success; kept for PyCalendar's clients).
    pub erreurs: Vec<String>,
    /// Notes of the solver (fallbacks, limits) and warnings about the data.
    pub avertissements: Vec<String>,
}

/// Where a background solve is.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SolveStatusResponse {
    /// Project.
    pub project_id: i64,
    /// Run.
    pub run_id: Option<i64>,
    /// `pending`, `running`, `completed`, `failed` or `cancelled` (`idle` when the project never ran one).
    #[schema(example = "running")]
    pub status: String,
    /// Fraction done, 0–1.
    pub progress: f64,
    /// What is happening, or what went wrong.
    pub message: Option<String>,
    /// Best objective so far.
    pub meilleur_objectif: Option<f64>,
    /// Matches placed in the best schedule so far.
    pub nb_matchs_planifies: Option<usize>,
    /// The result, once completed.
    pub result: Option<SolveResponse>,
}

/// A past solve.
#[derive(Debug, Serialize, ToSchema)]
pub struct SolveRunResponse {
    /// Run.
    pub id: i64,
    /// Project.
    pub project_id: i64,
    /// Strategy.
    pub strategie: String,
    /// Run status.
    pub status: String,
    /// Fraction done.
    pub progress: f64,
    /// Created (UTC).
    pub created_at: chrono::NaiveDateTime,
    /// Started (UTC).
    pub started_at: Option<chrono::NaiveDateTime>,
    /// Finished (UTC).
    pub finished_at: Option<chrono::NaiveDateTime>,
    /// Duration in milliseconds.
    pub duree_ms: Option<i64>,
    /// Solver status, objective, placed/unplaced, penalties, bound and gap (when completed).
    #[schema(value_type = Option<Object>)]
    pub resume: Option<serde_json::Value>,
    /// Error of a failed run.
    pub erreur: Option<String>,
}

impl From<scheduler_db::SolveRun> for SolveRunResponse {
    fn from(run: scheduler_db::SolveRun) -> Self {
        SolveRunResponse {
            id: run.id.0,
            project_id: run.project_id.0,
            strategie: run.strategy.name().to_string(),
            status: run.status.as_str().to_string(),
            progress: run.progress,
            created_at: run.created_at,
            started_at: run.started_at,
            finished_at: run.finished_at,
            duree_ms: run.duration_ms,
            resume: run.summary.and_then(|s| serde_json::to_value(s).ok()),
            erreur: run.error,
        }
    }
}
