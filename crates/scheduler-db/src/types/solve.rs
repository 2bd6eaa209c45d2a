//! Solves and their bookkeeping: runs, summaries, import and save reports, loaded problems.

use std::fmt;

use chrono::NaiveDateTime;
use scheduler_core::{
    FixedMatchId, MatchId, MatchRef, Problem, ProblemWarning, Schedule, SolveOutcome, SolveStatus, Strategy,
};
use serde::{Deserialize, Serialize};

use super::{DbMatchId, ProjectId, RunStatus, SolveRunId};

/// A solve run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SolveRun {
    /// Id.
    pub id: SolveRunId,
    /// Project.
    pub project_id: ProjectId,
    /// Strategy.
    pub strategy: Strategy,
    /// Status.
    pub status: RunStatus,
    /// Progress, 0..=1.
    pub progress: f64,
    /// Creation time.
    pub created_at: NaiveDateTime,
    /// Start.
    pub started_at: Option<NaiveDateTime>,
    /// End.
    pub finished_at: Option<NaiveDateTime>,
    /// Duration in milliseconds (start to end).
    pub duration_ms: Option<i64>,
    /// Project revision the solve read.
    pub base_revision: Option<i64>,
    /// Result summary.
    pub summary: Option<RunSummary>,
    /// Error message of a failed run.
    pub error: Option<String>,
}

/// What a solve reached, as stored with its run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RunSummary {
    /// Strategy.
    pub strategy: Strategy,
    /// Solver status.
    pub status: SolveStatus,
    /// PyCalendar's objective (higher is better).
    pub objective: f64,
    /// Matches placed.
    pub placed: usize,
    /// Matches left unplaced.
    pub unplaced: usize,
    /// Fixed matches.
    pub fixed: usize,
    /// Penalties by term (S1..S8), `(code, value)`.
    pub penalties: Vec<(String, f64)>,
    /// Proven bound, when known.
    pub bound: Option<f64>,
    /// Relative gap, when known.
    pub gap: Option<f64>,
    /// Solver wall time in milliseconds.
    pub elapsed_ms: u64,
    /// Solver notes.
    pub notes: Vec<String>,
}

impl RunSummary {
    /// The summary of a solve outcome.
    pub fn from_outcome(outcome: &SolveOutcome) -> Self {
        let e = &outcome.evaluation;
        RunSummary {
            strategy: outcome.strategy,
            status: outcome.status,
            objective: e.objective,
            placed: e.placed,
            unplaced: e.unplaced,
            fixed: e.fixed,
            penalties: e.penalties.terms().iter().map(|(code, _, v)| ((*code).to_string(), *v)).collect(),
            bound: outcome.bound,
            gap: outcome.gap,
            elapsed_ms: u64::try_from(outcome.elapsed.as_millis()).unwrap_or(u64::MAX),
            notes: outcome.notes.clone(),
        }
    }
}

/// What an import stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ImportReport {
    /// The new project.
    pub project_id: ProjectId,
    /// Teams.
    pub teams: usize,
    /// Venues.
    pub venues: usize,
    /// Pools (with at least one team).
    pub pools: usize,
    /// Matches to plan.
    pub to_plan: usize,
    /// Fixed matches.
    pub fixed: usize,
    /// Constraint rows (unavailabilities, earliest times, obligations, groups, ententes, temporal).
    pub constraints: usize,
    /// Warnings of `Problem::new`.
    pub warnings: Vec<ProblemWarning>,
}

/// Something a load noticed that does not block solving.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum LoadWarning {
    /// From `Problem::new`.
    Problem {
        /// The warning.
        warning: ProblemWarning,
    },
    /// A generated match without a row (left out of the problem until the teams are saved again).
    MissingRow {
        /// The match.
        description: String,
    },
    /// About one match row.
    Match {
        /// Row.
        id: DbMatchId,
        /// What.
        message: String,
    },
}

impl fmt::Display for LoadWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadWarning::Problem { warning } => warning.fmt(f),
            LoadWarning::MissingRow { description } => {
                write!(f, "{description} has no row in the database: left out")
            }
            LoadWarning::Match { id, message } => write!(f, "match {id}: {message}"),
        }
    }
}

/// Which row stands for each match of a loaded problem.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MatchRows {
    /// Row of each match to plan, indexed by [`MatchId`].
    pub planned: Vec<DbMatchId>,
    /// Row of each fixed match, indexed by [`FixedMatchId`].
    pub fixed: Vec<DbMatchId>,
}

impl MatchRows {
    /// Row of a match to plan.
    pub fn row_of(&self, id: MatchId) -> Option<DbMatchId> {
        self.planned.get(id.index()).copied()
    }

    /// Row of a fixed match.
    pub fn row_of_fixed(&self, id: FixedMatchId) -> Option<DbMatchId> {
        self.fixed.get(id.index()).copied()
    }

    /// Row of any match of the calendar.
    pub fn row_of_ref(&self, r: MatchRef) -> Option<DbMatchId> {
        match r {
            MatchRef::Planned(id) => self.row_of(id),
            MatchRef::Fixed(id) => self.row_of_fixed(id),
        }
    }

    /// The match a row stands for, if it takes part in the problem.
    pub fn match_of(&self, row: DbMatchId) -> Option<MatchRef> {
        if let Some(i) = self.planned.iter().position(|r| *r == row) {
            return u32::try_from(i).ok().map(|i| MatchRef::Planned(MatchId(i)));
        }
        let i = self.fixed.iter().position(|r| *r == row)?;
        u32::try_from(i).ok().map(|i| MatchRef::Fixed(FixedMatchId(i)))
    }
}

/// A project loaded as a solvable problem with its current schedule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LoadedProblem {
    /// Project.
    pub project_id: ProjectId,
    /// Revision read: give it back to [`crate::Database::save_solve`].
    pub revision: i64,
    /// The checked season.
    pub problem: Problem,
    /// Current placements of the matches to plan.
    pub schedule: Schedule,
    /// Rows of the matches.
    pub match_rows: MatchRows,
    /// What the load noticed.
    pub warnings: Vec<LoadWarning>,
}

/// What a saved solve changed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SaveReport {
    /// The project's revision after the save.
    pub revision: i64,
    /// Matches placed by the schedule.
    pub placed: usize,
    /// Matches left unplaced.
    pub unplaced: usize,
    /// Rows whose slot or status changed.
    pub updated: usize,
    /// Rows that lost their slot (no longer placed).
    pub cleared: usize,
    /// PyCalendar's objective of the saved schedule.
    pub objective: f64,
}
