//! The season in tables and back: import of a `ProblemSpec`, rebuilding it from the rows, the
//! `Problem` + current `Schedule` of a project, saving a solve, and keeping one row per generated
//! match when teams change.
//!
//! How rows become the spec (documented in ARCHITECTURE.md):
//! - a row is **frozen** when `est_fixe`, or its status is `fixe`/`termine`, or it has a slot in a
//!   week before `semaine_min`; frozen rows with a slot are the spec's fixed matches, in row order;
//! - a **cancelled** row (`annule`) is neither planned nor occupying anything: it is left out of the
//!   fixed matches and the generated leg with its key is removed from the problem;
//! - every other championship row is a match to plan, found by its stable key
//!   (`POOL|HOME|G|AWAY|G|leg`); its slot, if any, is its current placement.

mod build;
mod import;
mod rows;
mod save;
mod snapshot;
mod sync;

use diesel::prelude::*;
use diesel::SqliteConnection;

use crate::convert::now;
use crate::error::{DbError, DbResult};
use crate::models::ProjectRow;
use crate::schema;
use crate::types::ProjectId;

pub(crate) use build::build;
pub(crate) use import::import;
pub(crate) use rows::{
    calendar_of, describe_row, is_championship, new_team_row, new_venue_row, project_values, settings_of,
    slot_of, status_of,
};
pub(crate) use save::save;
pub(crate) use snapshot::snapshot;
pub(crate) use sync::sync_generated;

type Db = SqliteConnection;

/// Rows per multi-row INSERT (SQLite caps the bound parameters of one statement at 32 766).
const CHUNK: usize = 500;

pub(crate) fn project_row(conn: &mut Db, id: ProjectId) -> DbResult<ProjectRow> {
    schema::projects::table
        .find(id.0)
        .select(ProjectRow::as_select())
        .first(conn)
        .optional()?
        .ok_or(DbError::NotFound { what: "project", id: id.0 })
}

/// Bumps a project's revision (every change to the project or its rows calls it).
pub(crate) fn touch(conn: &mut Db, id: ProjectId) -> DbResult<i64> {
    use schema::projects::dsl;
    let revision = diesel::update(dsl::projects.find(id.0))
        .set((dsl::revision.eq(dsl::revision + 1), dsl::updated_at.eq(now())))
        .returning(dsl::revision)
        .get_result(conn)
        .optional()?;
    revision.ok_or(DbError::NotFound { what: "project", id: id.0 })
}
