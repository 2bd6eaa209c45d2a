//! One row per generated match, kept after teams change.

use std::collections::HashSet;

use diesel::prelude::*;
use scheduler_core::Problem;

use super::rows::new_planned_row;
use super::snapshot::snapshot;
use super::{Db, CHUNK};
use crate::convert::planned_key;
use crate::error::{DbError, DbResult};
use crate::models::NewMatchRow;
use crate::schema;
use crate::types::ProjectId;

/// Keeps one row per generated match after teams changed: inserts rows for new legs, deletes the
/// unlocked rows of legs that no longer exist. Fails (and the caller rolls back) if the season no
/// longer builds.
pub(crate) fn sync_generated(conn: &mut Db, id: ProjectId) -> DbResult<()> {
    use schema::matches::dsl;
    let snapshot = snapshot(conn, id)?;
    let existing: HashSet<String> = snapshot
        .fixed_rows
        .iter()
        .chain(snapshot.open_rows.values())
        .chain(snapshot.cancelled.values())
        .map(|r| r.match_key.clone())
        .collect();
    let open: Vec<(String, i64)> = snapshot.open_rows.iter().map(|(k, r)| (k.clone(), r.id)).collect();
    let (problem, _) = Problem::new(snapshot.spec)
        .map_err(|e| DbError::Invalid(format!("this change would make the season inconsistent: {e}")))?;
    let generated: HashSet<String> = problem.matches.iter().map(|m| planned_key(&problem, m)).collect();
    let stale: Vec<i64> = open.iter().filter(|(k, _)| !generated.contains(k)).map(|(_, id)| *id).collect();
    if !stale.is_empty() {
        diesel::delete(dsl::matches.filter(dsl::id.eq_any(stale))).execute(conn)?;
    }
    let new_rows: Vec<NewMatchRow> = problem
        .match_ids()
        .filter(|m| !existing.contains(&planned_key(&problem, problem.match_(*m))))
        .map(|m| new_planned_row(id.0, &problem, m))
        .collect();
    for chunk in new_rows.chunks(CHUNK) {
        diesel::insert_into(dsl::matches).values(chunk).execute(conn)?;
    }
    Ok(())
}
