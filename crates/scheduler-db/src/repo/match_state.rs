//! Moving, fixing and unfixing matches, and the status transitions they share with patches.

use diesel::prelude::*;
use scheduler_core::{evaluate, MatchRef, Placement, Week};

use super::matches::{match_of, match_row};
use super::{validate, Db};
use crate::convert::*;
use crate::error::{DbError, DbResult};
use crate::models::*;
use crate::schema;
use crate::store::{self, slot_of, status_of};
use crate::types::*;
use crate::Database;

pub(super) fn not_modifiable(row: &MatchRow, reason: impl Into<String>) -> DbError {
    DbError::NotModifiable { id: row.id, reason: format!("{} ({})", reason.into(), store::describe_row(row)) }
}

fn set_match_state(
    conn: &mut Db,
    row: &MatchRow,
    est_fixe: bool,
    status: MatchStatus,
    clear_slot: bool,
) -> DbResult<()> {
    use schema::matches::dsl;
    let target = dsl::matches.find(row.id);
    if clear_slot {
        diesel::update(target)
            .set((
                dsl::semaine.eq(None::<i32>),
                dsl::horaire.eq(None::<String>),
                dsl::gymnase.eq(None::<String>),
            ))
            .execute(conn)?;
    }
    diesel::update(target)
        .set((dsl::est_fixe.eq(est_fixe), dsl::statut.eq(status.as_str()), dsl::updated_at.eq(now())))
        .execute(conn)?;
    Ok(())
}

impl Database {
    /// Moves a match to plan to `slot` (status `planifie`). Refused for fixed, played, cancelled and
    /// past matches ([`DbError::NotModifiable`]) and for a slot that breaks a hard rule with the
    /// project's current schedule ([`DbError::InvalidMove`], naming the rule).
    pub fn move_match(&self, id: DbMatchId, slot: &Slot) -> DbResult<MatchRecord> {
        use schema::matches::dsl;
        self.write(|conn| {
            let row = match_row(conn, id)?;
            let project = ProjectId(row.project_id);
            let status = status_of(&row)?;
            if row.est_fixe || !matches!(status, MatchStatus::ToPlan | MatchStatus::Planned) {
                return Err(not_modifiable(&row, format!("it is locked (status `{status}`)")));
            }
            let built = store::build(conn, project)?;
            let Some(MatchRef::Planned(match_id)) = built.loaded.match_rows.match_of(id) else {
                return Err(not_modifiable(&row, "it is locked or not a match of the current season"));
            };
            let problem = &built.loaded.problem;
            let venue = problem
                .venues
                .iter()
                .position(|v| v.name == slot.gymnase)
                .ok_or_else(|| DbError::Invalid(format!("unknown venue `{}`", slot.gymnase)))?;
            let mut schedule = built.loaded.schedule.clone();
            schedule.set(
                match_id,
                Some(Placement {
                    week: Week(slot.semaine),
                    time: slot.horaire,
                    venue: scheduler_core::VenueId(u32::try_from(venue).unwrap_or(u32::MAX)),
                }),
            );
            let evaluation = evaluate(problem, &schedule);
            if let Some(v) = evaluation.hard.iter().find(|v| v.matches.contains(&MatchRef::Planned(match_id)))
            {
                return Err(DbError::InvalidMove { rule: v.rule, message: v.message.clone() });
            }
            diesel::update(dsl::matches.find(id.0))
                .set((
                    dsl::semaine.eq(Some(i32::from(slot.semaine))),
                    dsl::horaire.eq(Some(time_str(slot.horaire))),
                    dsl::gymnase.eq(Some(slot.gymnase.clone())),
                    dsl::statut.eq(MatchStatus::Planned.as_str()),
                    dsl::updated_at.eq(now()),
                ))
                .execute(conn)?;
            store::touch(conn, project)?;
            match_of(match_row(conn, id)?)
        })
    }

    /// Locks a match in its slot (`est_fixe`, status `fixe`). A played or cancelled match keeps its
    /// status (PyCalendar overwrote it); a match needs a slot to be fixed.
    pub fn fix_match(&self, id: DbMatchId) -> DbResult<MatchRecord> {
        self.write(|conn| {
            let row = match_row(conn, id)?;
            apply_status(conn, &row, MatchStatus::Fixed)?;
            validate(conn, ProjectId(row.project_id))?;
            store::touch(conn, ProjectId(row.project_id))?;
            match_of(match_row(conn, id)?)
        })
    }

    /// Unlocks a championship match: status `planifie` if it has a slot, else `a_planifier`. Played
    /// and cancelled matches, and matches outside the championship, stay as they are.
    pub fn unfix_match(&self, id: DbMatchId) -> DbResult<MatchRecord> {
        self.write(|conn| {
            let row = match_row(conn, id)?;
            let status = status_of(&row)?;
            if matches!(status, MatchStatus::Played | MatchStatus::Cancelled) {
                return Err(not_modifiable(&row, format!("it is `{status}`")));
            }
            if !store::is_championship(&row) {
                return Err(not_modifiable(&row, "a match outside the championship always stays fixed"));
            }
            let next = if slot_of(&row)?.is_some() { MatchStatus::Planned } else { MatchStatus::ToPlan };
            set_match_state(conn, &row, false, next, false)?;
            validate(conn, ProjectId(row.project_id))?;
            store::touch(conn, ProjectId(row.project_id))?;
            match_of(match_row(conn, id)?)
        })
    }
}

/// Status transitions of [`MatchPatch::statut`] and [`Database::fix_match`].
pub(super) fn apply_status(conn: &mut Db, row: &MatchRow, target: MatchStatus) -> DbResult<()> {
    let current = status_of(row)?;
    let has_slot = slot_of(row)?.is_some();
    let championship = store::is_championship(row);
    match target {
        MatchStatus::Fixed => {
            if matches!(current, MatchStatus::Played | MatchStatus::Cancelled) {
                return Err(not_modifiable(row, format!("it is `{current}`; fixing would hide that")));
            }
            if !has_slot {
                return Err(DbError::Invalid(format!(
                    "match {} has no week, time and venue: place it before fixing it",
                    row.id
                )));
            }
            set_match_state(conn, row, true, MatchStatus::Fixed, false)
        }
        MatchStatus::Played => {
            if !has_slot {
                return Err(DbError::Invalid(format!(
                    "match {} has no slot: it cannot have been played",
                    row.id
                )));
            }
            set_match_state(conn, row, true, MatchStatus::Played, false)
        }
        MatchStatus::Cancelled => set_match_state(conn, row, row.est_fixe, MatchStatus::Cancelled, false),
        MatchStatus::Planned | MatchStatus::ToPlan => {
            if !championship {
                return Err(not_modifiable(
                    row,
                    "a match outside the championship is fixed, played or cancelled",
                ));
            }
            if target == MatchStatus::Planned && !has_slot {
                return Err(DbError::Invalid(format!(
                    "match {} has no slot: it cannot be `planifie`",
                    row.id
                )));
            }
            set_match_state(conn, row, false, target, target == MatchStatus::ToPlan)
        }
    }
}
