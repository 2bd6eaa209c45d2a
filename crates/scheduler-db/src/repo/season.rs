//! Import, load and save of a whole season.

use scheduler_core::{Problem, ProblemSpec, Schedule};

use crate::error::DbResult;
use crate::store;
use crate::types::*;
use crate::Database;

impl Database {
    /// Stores a whole season in one transaction: the project (settings and calendar of `project`,
    /// which override the spec's), teams, venues, pool formats, every constraint, the matches to plan
    /// of `Problem::new(spec)` (`a_planifier`) and the fixed matches (`est_fixe`, `termine` when a
    /// score is known, else `fixe`). The stored rows are read back and must give the same `Problem`.
    pub fn import_project(&self, project: &NewProject, spec: &ProblemSpec) -> DbResult<ImportReport> {
        self.write(|conn| store::import(conn, project, spec))
    }

    /// The project as a checked `Problem`, its current schedule, the row of every match and the
    /// revision read (see the module `store` for how rows become the spec).
    pub fn load_problem(&self, project: ProjectId) -> DbResult<LoadedProblem> {
        self.read(|conn| Ok(store::build(conn, project)?.loaded))
    }

    /// Saves a solved schedule in one transaction, only if the project is still at `base_revision`
    /// ([`DbError::Conflict`] otherwise), `problem` is still its season, and the schedule breaks no
    /// hard rule ([`DbError::BrokenRules`]). Placed matches get their slot and `planifie`; matches no
    /// longer placed lose their slot and go back to `a_planifier`; fixed, frozen and cancelled rows
    /// are not touched. With `run`, the run is completed with its summary in the same transaction.
    /// On any error nothing is written.
    ///
    /// [`DbError::Conflict`]: crate::DbError::Conflict
    /// [`DbError::BrokenRules`]: crate::DbError::BrokenRules
    pub fn save_solve(
        &self,
        project: ProjectId,
        base_revision: i64,
        problem: &Problem,
        schedule: &Schedule,
        run: Option<(SolveRunId, &RunSummary)>,
    ) -> DbResult<SaveReport> {
        self.write(|conn| store::save(conn, project, base_revision, problem, schedule, run))
    }
}
