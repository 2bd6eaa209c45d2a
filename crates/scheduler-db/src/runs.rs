//! Solve runs: a record per solve, its progress, its end, and recovery after a restart.

use diesel::prelude::*;
use diesel::SqliteConnection;
use scheduler_core::Strategy;

use crate::convert::{corrupt, from_json, now, to_json};
use crate::error::{DbError, DbResult};
use crate::models::{NewSolveRunRow, SolveRunRow};
use crate::schema::solve_runs::dsl;
use crate::store::project_row;
use crate::types::*;
use crate::Database;

fn run_of(row: SolveRunRow) -> DbResult<SolveRun> {
    Ok(SolveRun {
        id: SolveRunId(row.id),
        project_id: ProjectId(row.project_id),
        strategy: row
            .strategy
            .parse::<Strategy>()
            .map_err(|e| corrupt("solve_runs", row.id, e.to_string()))?,
        status: row.status.parse::<RunStatus>().map_err(|e| corrupt("solve_runs", row.id, e))?,
        progress: row.progress,
        created_at: row.created_at,
        started_at: row.started_at,
        finished_at: row.finished_at,
        duration_ms: row.duration_ms,
        base_revision: row.base_revision,
        summary: row.summary.as_deref().map(|s| from_json(s, "solve_runs", row.id)).transpose()?,
        error: row.error,
    })
}

fn get_in(conn: &mut SqliteConnection, id: SolveRunId) -> DbResult<SolveRun> {
    let row = dsl::solve_runs
        .find(id.0)
        .select(SolveRunRow::as_select())
        .first(conn)
        .optional()?
        .ok_or(DbError::NotFound { what: "solve run", id: id.0 })?;
    run_of(row)
}

pub(crate) fn finish_in(
    conn: &mut SqliteConnection,
    id: SolveRunId,
    status: RunStatus,
    summary: Option<&RunSummary>,
    error: Option<&str>,
) -> DbResult<SolveRun> {
    if !status.is_finished() {
        return Err(DbError::Invalid(format!("`{status}` is not a final run status")));
    }
    let run = get_in(conn, id)?;
    let at = now();
    let duration = run.started_at.map(|s| (at - s).num_milliseconds());
    diesel::update(dsl::solve_runs.find(id.0))
        .set((
            dsl::status.eq(status.as_str()),
            dsl::finished_at.eq(Some(at)),
            dsl::duration_ms.eq(duration),
            dsl::summary.eq(summary.map(to_json).transpose()?),
            dsl::error.eq(error),
            dsl::progress.eq(if status == RunStatus::Completed { 1.0 } else { run.progress }),
        ))
        .execute(conn)?;
    get_in(conn, id)
}

impl Database {
    /// Records a new run (`pending`).
    pub fn create_run(&self, project: ProjectId, strategy: Strategy) -> DbResult<SolveRun> {
        self.write(|conn| {
            project_row(conn, project)?;
            let id: i64 = diesel::insert_into(dsl::solve_runs)
                .values(NewSolveRunRow {
                    project_id: project.0,
                    strategy: strategy.name().to_string(),
                    status: RunStatus::Pending.as_str().to_string(),
                    progress: 0.0,
                    created_at: now(),
                })
                .returning(dsl::id)
                .get_result(conn)?;
            get_in(conn, SolveRunId(id))
        })
    }

    /// Marks a run `running` on the revision it read.
    pub fn start_run(&self, id: SolveRunId, base_revision: i64) -> DbResult<SolveRun> {
        self.write(|conn| {
            get_in(conn, id)?;
            diesel::update(dsl::solve_runs.find(id.0))
                .set((
                    dsl::status.eq(RunStatus::Running.as_str()),
                    dsl::started_at.eq(Some(now())),
                    dsl::base_revision.eq(Some(base_revision)),
                ))
                .execute(conn)?;
            get_in(conn, id)
        })
    }

    /// Records progress (clamped to 0..=1).
    pub fn update_run_progress(&self, id: SolveRunId, progress: f64) -> DbResult<()> {
        let progress = if progress.is_finite() { progress.clamp(0.0, 1.0) } else { 0.0 };
        self.write(|conn| {
            let n =
                diesel::update(dsl::solve_runs.find(id.0)).set(dsl::progress.eq(progress)).execute(conn)?;
            if n == 0 {
                return Err(DbError::NotFound { what: "solve run", id: id.0 });
            }
            Ok(())
        })
    }

    /// Ends a run: `completed` (with its summary), `failed` (with the error) or `cancelled`.
    /// [`Database::save_solve`] completes the run itself when given it.
    pub fn finish_run(
        &self,
        id: SolveRunId,
        status: RunStatus,
        summary: Option<&RunSummary>,
        error: Option<&str>,
    ) -> DbResult<SolveRun> {
        self.write(|conn| finish_in(conn, id, status, summary, error))
    }

    /// A run.
    pub fn get_run(&self, id: SolveRunId) -> DbResult<SolveRun> {
        self.read(|conn| get_in(conn, id))
    }

    /// The runs of a project, newest first.
    pub fn list_runs(&self, project: ProjectId) -> DbResult<Vec<SolveRun>> {
        self.read(|conn| {
            project_row(conn, project)?;
            dsl::solve_runs
                .filter(dsl::project_id.eq(project.0))
                .order(dsl::id.desc())
                .select(SolveRunRow::as_select())
                .load(conn)?
                .into_iter()
                .map(run_of)
                .collect()
        })
    }

    /// Marks every `pending` or `running` run as failed (`interrupted`): call it once when the
    /// server starts, since no solve survives a restart. Returns how many runs were marked.
    pub fn fail_interrupted_runs(&self) -> DbResult<usize> {
        self.write(|conn| {
            let n = diesel::update(
                dsl::solve_runs
                    .filter(dsl::status.eq_any([RunStatus::Pending.as_str(), RunStatus::Running.as_str()])),
            )
            .set((
                dsl::status.eq(RunStatus::Failed.as_str()),
                dsl::finished_at.eq(Some(now())),
                dsl::error.eq(Some("interrupted: the server stopped before the solve ended")),
            ))
            .execute(conn)?;
            Ok(n)
        })
    }
}
