//! The repository: every public operation of [`Database`], each in one transaction.
//!
//! Every change bumps the project's revision, and every change to the season's rows is checked by
//! rebuilding the `Problem` inside the transaction: a change that would make the season
//! inconsistent (a constraint naming a deleted team…) is refused and nothing is written.

mod match_state;
mod matches;
mod projects;
mod season;
mod teams;
mod venues;

use diesel::SqliteConnection;
use scheduler_core::Problem;

use crate::error::{DbError, DbResult};
use crate::store;
use crate::types::ProjectId;

type Db = SqliteConnection;

/// Checks that the season still builds (the caller's transaction rolls back otherwise).
fn validate(conn: &mut Db, project: ProjectId) -> DbResult<()> {
    let snapshot = store::snapshot(conn, project)?;
    Problem::new(snapshot.spec)
        .map(|_| ())
        .map_err(|e| DbError::Invalid(format!("this change would make the season inconsistent: {e}")))
}

fn next_position(conn: &mut Db, table_max: Option<i32>) -> DbResult<i32> {
    let _ = conn;
    Ok(table_max.map_or(0, |m| m + 1))
}
