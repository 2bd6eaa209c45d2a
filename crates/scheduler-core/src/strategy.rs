//! The strategy interface shared by every solver: options in, schedule + evaluation + status out.

mod heuristic;
mod kind;
mod options;
mod outcome;
mod state;

pub use kind::{Strategy, UnknownStrategy};
pub use options::{Progress, ProgressCallback, SolveOptions};
pub use outcome::{SolveError, SolveOutcome, SolveStatus};

use std::time::Instant;

use crate::slots::SlotGrid;
use crate::{evaluate, Problem, Schedule};

/// Solves `problem` with `strategy`.
///
/// Every returned schedule has been re-checked by the evaluator and has zero hard violations.
pub fn solve(
    problem: &Problem,
    strategy: Strategy,
    options: &SolveOptions,
) -> Result<SolveOutcome, SolveError> {
    let started = Instant::now();
    // Built once: the hybrid strategy's heuristic and exact model share it.
    let grid = SlotGrid::new(problem);
    let mut outcome = match strategy {
        Strategy::Heuristic => heuristic_outcome(problem, &grid, options, started),
        Strategy::Optimal => optimal(problem, &grid, options, None, started)?,
        Strategy::Hybrid => hybrid(problem, &grid, options, started),
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

fn heuristic_outcome(
    problem: &Problem,
    grid: &SlotGrid,
    options: &SolveOptions,
    started: Instant,
) -> SolveOutcome {
    let schedule = heuristic::run(problem, grid, options, started);
    let evaluation = evaluate(problem, &schedule);
    let status = if options.is_cancelled() {
        SolveStatus::Cancelled
    } else if problem.matches.is_empty() {
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
    _grid: &SlotGrid,
    _options: &SolveOptions,
    _start: Option<&Schedule>,
    _started: Instant,
) -> Result<SolveOutcome, SolveError> {
    Err(SolveError::OptimalUnavailable)
}

#[cfg(feature = "scip")]
fn optimal(
    problem: &Problem,
    grid: &SlotGrid,
    options: &SolveOptions,
    start: Option<&Schedule>,
    started: Instant,
) -> Result<SolveOutcome, SolveError> {
    crate::optimal::solve(problem, grid, options, start, started)
}

fn hybrid(problem: &Problem, grid: &SlotGrid, options: &SolveOptions, started: Instant) -> SolveOutcome {
    let quick = SolveOptions { heuristic_rounds: options.heuristic_rounds.min(30), ..options.clone() };
    let mut first = heuristic_outcome(problem, grid, &quick, started);
    first.strategy = Strategy::Hybrid;
    if options.is_cancelled() {
        return first;
    }
    match optimal(problem, grid, options, Some(&first.schedule), started) {
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
