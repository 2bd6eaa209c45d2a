//! Exact model of the rule set, solved by SCIP (feature `scip`).

use std::time::Instant;

use crate::{Problem, Schedule, SolveError, SolveOptions, SolveOutcome};

/// Solves `problem` exactly.
pub(crate) fn solve(
    _problem: &Problem,
    _options: &SolveOptions,
    _start: Option<&Schedule>,
    _started: Instant,
) -> Result<SolveOutcome, SolveError> {
    Err(SolveError::Solver("the exact model is not written yet".into()))
}
