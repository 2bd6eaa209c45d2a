//! The exact strategy: a MIP of the whole rule set solved by SCIP (feature `scip`).
//!
//! The model ([`formulation`]) has one binary per candidate of the [`SlotGrid`] (every single-match
//! hard rule is already filtered there), the hard rules that tie matches together as rows, and the
//! penalties that depend on several matches (S4, S8, S6) through exact products. Its objective is
//! PyCalendar's, maximised, so that SCIP's number is the evaluator's to the unit.
//!
//! SCIP's `Model` is not `Send`: everything here runs on the calling thread.

mod builder;
mod formulation;
mod index;
mod legs;
mod monitor;
mod overlap;
mod placement;
mod rest;
#[cfg(test)]
mod tests;

use std::rc::Rc;
use std::time::Instant;

use russcip::prelude::*;

use formulation::Formulation;
use monitor::{Monitor, Shared, Watch};

use crate::slots::SlotGrid;
use crate::strategy::{relative_gap, Progress};
use crate::{evaluate, Problem, Schedule, SolveError, SolveOptions, SolveOutcome, SolveStatus, Strategy};

/// Solves `problem` exactly, from `start` when given (the hybrid strategy's heuristic schedule).
pub(crate) fn solve(
    problem: &Problem,
    grid: &SlotGrid,
    options: &SolveOptions,
    start: Option<&Schedule>,
    started: Instant,
) -> Result<SolveOutcome, SolveError> {
    run(problem, grid, options, start, started).map(|run| run.outcome)
}

/// A solve with what tests and benchmarks look at besides the outcome.
#[derive(Debug)]
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) struct Run {
    pub outcome: SolveOutcome,
    /// SCIP's objective value of the returned schedule, when SCIP found one.
    pub scip_objective: Option<f64>,
}

fn failed(what: &str) -> impl Fn(russcip::Retcode) -> SolveError + '_ {
    move |code| SolveError::Solver(format!("{what}: {code:?}"))
}

pub(crate) fn run(
    problem: &Problem,
    grid: &SlotGrid,
    options: &SolveOptions,
    start: Option<&Schedule>,
    started: Instant,
) -> Result<Run, SolveError> {
    let model = Model::try_new().map_err(failed("creating SCIP"))?;
    // `SCHEDULER_SCIP_LOG=1` shows SCIP's own log on stdout, to study a slow solve.
    let model = if std::env::var_os("SCHEDULER_SCIP_LOG").is_some() { model } else { model.hide_output() };
    let model = model.include_default_plugins().create_prob("league").maximize();
    let (formulation, model) = Formulation::build(model, problem, grid);
    let size = formulation.size;
    let mut notes =
        vec![format!("SCIP model: {} variables, {} constraints", size.variables, size.constraints)];

    let remaining = options.time_limit.saturating_sub(started.elapsed());
    let mut model = model
        .set_real_param("limits/time", remaining.as_secs_f64())
        .map_err(failed("setting the time limit"))?
        .set_real_param("limits/gap", options.gap_limit.max(0.0))
        .map_err(failed("setting the gap limit"))?
        .set_int_param("randomization/randomseedshift", (options.seed % i32::MAX as u64) as i32)
        .map_err(failed("setting the seed"))?
        // Undercover works on the AND constraints SCIP makes of the products and finds nothing here.
        .set_int_param("heuristics/undercover/freq", -1)
        .map_err(failed("switching undercover off"))?;

    let shared = Rc::new(Shared::default());
    shared.x.replace(formulation.placements.x.iter().flatten().cloned().collect());
    let _watch = Watch(Rc::clone(&shared));
    let monitor = Monitor::new(
        options.cancel.clone(),
        options.progress.clone(),
        started,
        options.time_limit,
        Rc::clone(&shared),
    );
    model.include_eventhdlr("league_monitor", "cancellation and progress", Box::new(monitor));

    let mut start_chosen = None;
    if let Some(schedule) = start {
        match formulation.chosen_of(schedule) {
            Some(chosen) => {
                let sol = model.create_orig_sol();
                formulation.fill(&chosen, &sol);
                match model.add_sol(sol) {
                    Ok(()) => start_chosen = Some(chosen),
                    Err(_) => notes.push("SCIP rejected the starting schedule".into()),
                }
            }
            None => notes
                .push("the starting schedule uses a slot outside the grid; SCIP starts without it".into()),
        }
    }
    let start_schedule =
        start_chosen.as_ref().map_or_else(|| Schedule::empty(problem), |c| formulation.schedule_of(c));
    if let Some(chosen) = &start_chosen {
        let evaluation = evaluate(problem, &start_schedule);
        options.report(Progress {
            fraction: 0.0,
            best_objective: Some(evaluation.objective),
            bound: None,
            placed: chosen.iter().flatten().count(),
        });
    }

    if options.is_cancelled() {
        let evaluation = evaluate(problem, &start_schedule);
        options.report(Progress {
            fraction: 1.0,
            best_objective: Some(evaluation.objective),
            bound: None,
            placed: evaluation.placed,
        });
        let outcome = outcome(start_schedule, evaluation, SolveStatus::Cancelled, None, started, notes);
        return Ok(Run { outcome, scip_objective: None });
    }

    // One thread: this SCIP build can solve concurrently, but russcip 0.11 gives event handlers no copy
    // callback, so the concurrent solvers would run without the monitor (no cancellation, no progress).
    let solved = model.try_solve().map_err(failed("solving"))?;
    let status = solved.status();
    // `SCHEDULER_SCIP_STATS=file.json` writes SCIP's statistics, to study a slow solve.
    if let Some(path) = std::env::var_os("SCHEDULER_SCIP_STATS") {
        let _ = solved.write_stats_json(&path.to_string_lossy());
    }
    let best = solved.best_sol();
    let (chosen, scip_objective) = match &best {
        Some(sol) => (formulation.placements.chosen(sol), Some(sol.obj_val())),
        None => (vec![None; problem.matches.len()], None),
    };
    // SCIP's final dual bound equals the primal bound when it stopped inside the root node: keep the
    // best bound seen while solving unless SCIP proved optimality or still has a larger, open bound.
    let bound = match (status, scip_objective) {
        (Status::Optimal, Some(objective)) => Some(objective),
        _ => {
            let last = solved.best_bound();
            let open = last.abs() < 1e19 && scip_objective.is_none_or(|o| last > o + 1e-9);
            match (shared.bound.get(), open.then_some(last)) {
                (Some(seen), Some(last)) => Some(seen.min(last)),
                (seen, last) => seen.or(last),
            }
        }
    };

    let schedule = formulation.schedule_of(&chosen);
    let evaluation = evaluate(problem, &schedule);
    if let Some(objective) = scip_objective {
        if (objective - evaluation.objective).abs() > 1e-6 * evaluation.objective.abs().max(1.0) {
            notes.push(format!(
                "SCIP's objective {objective} differs from the evaluator's {}",
                evaluation.objective
            ));
        }
    }
    let status = match status {
        Status::Optimal => SolveStatus::Optimal,
        _ if options.is_cancelled() => SolveStatus::Cancelled,
        Status::Infeasible | Status::Inforunbd | Status::Unbounded => SolveStatus::NoSolution,
        _ if scip_objective.is_some() => SolveStatus::Feasible,
        _ => SolveStatus::TimeLimit,
    };
    if status == SolveStatus::TimeLimit {
        notes.push(format!("no schedule within the time limit ({:?})", options.time_limit));
    }
    options.report(Progress {
        fraction: 1.0,
        best_objective: scip_objective.map(|_| evaluation.objective),
        bound,
        placed: evaluation.placed,
    });
    let outcome = outcome(schedule, evaluation, status, bound, started, notes);
    Ok(Run { outcome, scip_objective })
}

fn outcome(
    schedule: Schedule,
    evaluation: crate::Evaluation,
    status: SolveStatus,
    bound: Option<f64>,
    started: Instant,
    notes: Vec<String>,
) -> SolveOutcome {
    let gap = bound.map(|b| relative_gap(evaluation.objective, b));
    SolveOutcome {
        strategy: Strategy::Optimal,
        schedule,
        evaluation,
        status,
        bound,
        gap,
        elapsed: started.elapsed(),
        notes,
    }
}
