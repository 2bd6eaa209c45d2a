//! Saving a solved schedule into the match rows.

use diesel::prelude::*;
use scheduler_core::{evaluate, MatchId, Problem, Schedule};

use super::build::build;
use super::rows::slot_of;
use super::{project_row, touch, Db};
use crate::convert::{now, time_str};
use crate::error::{DbError, DbResult};
use crate::schema;
use crate::types::*;

/// Writes a solved schedule; the caller runs it in one transaction.
pub(crate) fn save(
    conn: &mut Db,
    id: ProjectId,
    base_revision: i64,
    problem: &Problem,
    schedule: &Schedule,
    run: Option<(SolveRunId, &RunSummary)>,
) -> DbResult<SaveReport> {
    use schema::matches::dsl;
    let project = project_row(conn, id)?;
    if project.revision != base_revision {
        return Err(DbError::Conflict { project: id.0, expected: base_revision, actual: project.revision });
    }
    let built = build(conn, id)?;
    if built.loaded.problem != *problem {
        return Err(DbError::Invalid(format!(
            "the problem to save is not project {id}'s season at revision {base_revision}"
        )));
    }
    if schedule.len() != problem.matches.len() {
        return Err(DbError::Invalid(format!(
            "the schedule has {} entries for {} matches to plan",
            schedule.len(),
            problem.matches.len()
        )));
    }
    let evaluation = evaluate(problem, schedule);
    if let Some(first) = evaluation.hard.first() {
        return Err(DbError::BrokenRules {
            count: evaluation.hard.len(),
            rule: first.rule,
            message: first.message.clone(),
        });
    }

    let at = now();
    let (mut updated, mut cleared) = (0, 0);
    for (index, row) in built.planned_rows.iter().enumerate() {
        let id = MatchId(u32::try_from(index).map_err(|_| DbError::Invalid("too many matches".into()))?);
        let target = schedule.get(id).map(|p| Slot {
            semaine: p.week.0,
            horaire: p.time,
            gymnase: problem.venue(p.venue).name.clone(),
        });
        let status = if target.is_some() { MatchStatus::Planned } else { MatchStatus::ToPlan };
        let current = slot_of(row)?;
        let incomplete =
            current.is_none() && (row.semaine.is_some() || row.horaire.is_some() || row.gymnase.is_some());
        if current == target && row.statut == status.as_str() && !incomplete {
            continue;
        }
        if target.is_none() && (current.is_some() || incomplete) {
            cleared += 1;
        }
        updated += 1;
        diesel::update(dsl::matches.find(row.id))
            .set((
                dsl::semaine.eq(target.as_ref().map(|s| i32::from(s.semaine))),
                dsl::horaire.eq(target.as_ref().map(|s| time_str(s.horaire))),
                dsl::gymnase.eq(target.as_ref().map(|s| s.gymnase.clone())),
                dsl::statut.eq(status.as_str()),
                dsl::updated_at.eq(at),
            ))
            .execute(conn)?;
    }
    let revision = touch(conn, id)?;
    if let Some((run, summary)) = run {
        crate::runs::finish_in(conn, run, RunStatus::Completed, Some(summary), None)?;
    }
    Ok(SaveReport {
        revision,
        placed: evaluation.placed,
        unplaced: evaluation.unplaced,
        updated,
        cleared,
        objective: evaluation.objective,
    })
}
