//! The strategy interface shared by every solver: options in, schedule + evaluation + status out.

mod heuristic;
mod state;

use std::fmt;
use std::str::FromStr;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use crate::{evaluate, Evaluation, Problem, Schedule};

/// How to solve.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Strategy {
    /// Exact model solved by SCIP: the best schedule, with a proof (`optimal`, alias `cpsat`).
    #[serde(rename = "optimal")]
    Optimal,
    /// Fast local search, never breaks a rule (`heuristique`, alias `greedy`).
    #[serde(rename = "heuristique")]
    Heuristic,
    /// Heuristic start, then SCIP improves it; falls back to the heuristic's schedule (`hybride`).
    #[default]
    #[serde(rename = "hybride")]
    Hybrid,
}

impl Strategy {
    /// Every accepted spelling, for error messages.
    pub const VALID_NAMES: &'static str =
        "optimal, heuristique, hybride (aliases: cpsat, greedy, heuristic, hybrid)";

    /// The wire name (`optimal`, `heuristique`, `hybride`).
    pub fn name(self) -> &'static str {
        match self {
            Strategy::Optimal => "optimal",
            Strategy::Heuristic => "heuristique",
            Strategy::Hybrid => "hybride",
        }
    }
}

impl fmt::Display for Strategy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// An unknown strategy name.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown strategy `{0}`; valid values: {valid}", valid = Strategy::VALID_NAMES)]
pub struct UnknownStrategy(pub String);

impl FromStr for Strategy {
    type Err = UnknownStrategy;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        match text.trim().to_lowercase().as_str() {
            "optimal" | "cpsat" | "cp-sat" | "exact" | "scip" => Ok(Strategy::Optimal),
            "heuristique" | "heuristic" | "greedy" => Ok(Strategy::Heuristic),
            "hybride" | "hybrid" => Ok(Strategy::Hybrid),
            _ => Err(UnknownStrategy(text.to_string())),
        }
    }
}

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

/// A snapshot sent to the progress callback.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Progress {
    /// Fraction of the work or time budget done, 0..=1.
    pub fraction: f64,
    /// Best objective so far (PyCalendar's, higher is better).
    pub best_objective: Option<f64>,
    /// Best bound so far, when an exact solver runs.
    pub bound: Option<f64>,
    /// Matches placed in the best schedule so far.
    pub placed: usize,
}

/// Callback receiving progress; called from solver threads.
pub type ProgressCallback = Arc<dyn Fn(Progress) + Send + Sync>;

/// How long, how hard and how reproducibly to solve.
#[derive(Clone)]
pub struct SolveOptions {
    /// Wall-time budget.
    pub time_limit: Duration,
    /// Relative gap at which the exact solver stops (0 = prove optimality).
    pub gap_limit: f64,
    /// Seed of the heuristic's random choices.
    pub seed: u64,
    /// Threads (0 = every core).
    pub threads: usize,
    /// Heuristic improvement rounds per restart; with a fixed budget the result depends only on
    /// the seed and the thread count (the time limit remains a safety stop).
    pub heuristic_rounds: usize,
    /// Set to `true` to stop; checked often.
    pub cancel: Arc<AtomicBool>,
    /// Receives progress.
    pub progress: Option<ProgressCallback>,
}

impl Default for SolveOptions {
    fn default() -> Self {
        Self {
            time_limit: Duration::from_secs(60),
            gap_limit: 0.0,
            seed: 0,
            threads: 0,
            heuristic_rounds: 200,
            cancel: Arc::new(AtomicBool::new(false)),
            progress: None,
        }
    }
}

impl fmt::Debug for SolveOptions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SolveOptions")
            .field("time_limit", &self.time_limit)
            .field("gap_limit", &self.gap_limit)
            .field("seed", &self.seed)
            .field("threads", &self.threads)
            .field("heuristic_rounds", &self.heuristic_rounds)
            .field("cancelled", &self.is_cancelled())
            .finish()
    }
}

impl SolveOptions {
    /// Whether the cancellation flag is set.
    pub fn is_cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }

    /// Threads to use.
    pub fn thread_count(&self) -> usize {
        if self.threads == 0 {
            std::thread::available_parallelism().map_or(1, |n| n.get())
        } else {
            self.threads
        }
    }

    pub(crate) fn report(&self, progress: Progress) {
        if let Some(callback) = &self.progress {
            callback(progress);
        }
    }
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

/// Solves `problem` with `strategy`.
///
/// Every returned schedule has been re-checked by the evaluator and has zero hard violations.
pub fn solve(
    problem: &Problem,
    strategy: Strategy,
    options: &SolveOptions,
) -> Result<SolveOutcome, SolveError> {
    let started = Instant::now();
    let mut outcome = match strategy {
        Strategy::Heuristic => heuristic_outcome(problem, options, started),
        Strategy::Optimal => optimal(problem, options, None, started)?,
        Strategy::Hybrid => hybrid(problem, options, started),
    };
    outcome.elapsed = started.elapsed();
    if let Some(first) = outcome.evaluation.hard.first() {
        return Err(SolveError::BrokenRules {
            strategy,
            count: outcome.evaluation.hard.len(),
            first: first.message.clone(),
        });
    }
    Ok(outcome)
}

fn heuristic_outcome(problem: &Problem, options: &SolveOptions, started: Instant) -> SolveOutcome {
    let schedule = heuristic::run(problem, options, started);
    let evaluation = evaluate(problem, &schedule);
    let status = if options.is_cancelled() {
        SolveStatus::Cancelled
    } else if evaluation.unplaced == 0 && problem.matches.is_empty() {
        SolveStatus::Optimal
    } else {
        SolveStatus::Feasible
    };
    SolveOutcome {
        strategy: Strategy::Heuristic,
        schedule,
        evaluation,
        status,
        bound: None,
        gap: None,
        elapsed: started.elapsed(),
        notes: Vec::new(),
    }
}

#[cfg(not(feature = "scip"))]
fn optimal(
    _problem: &Problem,
    _options: &SolveOptions,
    _start: Option<&Schedule>,
    _started: Instant,
) -> Result<SolveOutcome, SolveError> {
    Err(SolveError::OptimalUnavailable)
}

#[cfg(feature = "scip")]
fn optimal(
    problem: &Problem,
    options: &SolveOptions,
    start: Option<&Schedule>,
    started: Instant,
) -> Result<SolveOutcome, SolveError> {
    crate::optimal::solve(problem, options, start, started)
}

fn hybrid(problem: &Problem, options: &SolveOptions, started: Instant) -> SolveOutcome {
    let quick = SolveOptions { heuristic_rounds: options.heuristic_rounds.min(30), ..options.clone() };
    let mut first = heuristic_outcome(problem, &quick, started);
    first.strategy = Strategy::Hybrid;
    if options.is_cancelled() {
        return first;
    }
    match optimal(problem, options, Some(&first.schedule), started) {
        Ok(mut exact)
            if exact.evaluation.hard.is_empty()
                && exact.evaluation.objective >= first.evaluation.objective - 1e-6 =>
        {
            exact.strategy = Strategy::Hybrid;
            exact
        }
        Ok(exact) => {
            first.bound = exact.bound;
            first.gap = exact.bound.map(|b| relative_gap(first.evaluation.objective, b));
            first.notes.push(
                "SCIP found nothing better than the heuristic; the heuristic's schedule is kept".into(),
            );
            first
        }
        Err(error) => {
            first.notes.push(format!("{error}; the heuristic's schedule is returned"));
            first
        }
    }
}

/// `(bound − objective) / |bound|`, 0 when both are 0.
pub fn relative_gap(objective: f64, bound: f64) -> f64 {
    if bound.abs() < 1e-9 {
        return if objective.abs() < 1e-9 { 0.0 } else { f64::INFINITY };
    }
    ((bound - objective) / bound.abs()).max(0.0)
}
