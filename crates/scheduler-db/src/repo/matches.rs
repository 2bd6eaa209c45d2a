//! Listing, creating, patching and deleting matches.

use diesel::prelude::*;

use super::match_state::{apply_status, not_modifiable};
use super::{validate, Db};
use crate::convert::*;
use crate::error::{DbError, DbResult};
use crate::models::*;
use crate::schema;
use crate::store::{self, project_row, slot_of, status_of};
use crate::types::*;
use crate::Database;

pub(super) fn match_of(row: MatchRow) -> DbResult<MatchRecord> {
    const T: &str = "matches";
    Ok(MatchRecord {
        id: DbMatchId(row.id),
        project_id: ProjectId(row.project_id),
        slot: slot_of(&row)?,
        statut: status_of(&row)?,
        leg: leg_of(row.leg.as_deref(), row.id)?,
        equipe1: MatchSide {
            genre: gender_of(row.equipe1_genre.as_deref(), T, row.id)?,
            nom: row.equipe1_nom,
            institution: row.equipe1_institution,
        },
        equipe2: MatchSide {
            genre: gender_of(row.equipe2_genre.as_deref(), T, row.id)?,
            nom: row.equipe2_nom,
            institution: row.equipe2_institution,
        },
        match_key: row.match_key,
        poule: row.poule,
        est_fixe: row.est_fixe,
        priorite: row.priorite,
        score_equipe1: row.score_equipe1,
        score_equipe2: row.score_equipe2,
        score: row.score,
        competition: row.competition,
        notes: row.notes,
        created_at: row.created_at,
        updated_at: row.updated_at,
    })
}

pub(super) fn match_row(conn: &mut Db, id: DbMatchId) -> DbResult<MatchRow> {
    schema::matches::table
        .find(id.0)
        .select(MatchRow::as_select())
        .first(conn)
        .optional()?
        .ok_or(DbError::NotFound { what: "match", id: id.0 })
}

impl Database {
    /// Matches matching every filter given, by id.
    pub fn list_matches(&self, filter: &MatchFilter) -> DbResult<Vec<MatchRecord>> {
        use schema::matches::dsl;
        self.read(|conn| {
            let mut query = dsl::matches.select(MatchRow::as_select()).order(dsl::id).into_boxed();
            if let Some(p) = filter.project_id {
                query = query.filter(dsl::project_id.eq(p.0));
            }
            if let Some(week) = filter.semaine {
                query = query.filter(dsl::semaine.eq(i32::from(week)));
            }
            if let Some(pool) = &filter.poule {
                query = query.filter(dsl::poule.eq(pool.clone()));
            }
            if let Some(status) = filter.statut {
                query = query.filter(dsl::statut.eq(status.as_str()));
            }
            if let Some(venue) = &filter.gymnase {
                query = query.filter(dsl::gymnase.eq(venue.clone()));
            }
            query.load(conn)?.into_iter().map(match_of).collect()
        })
    }

    /// A match.
    pub fn get_match(&self, id: DbMatchId) -> DbResult<MatchRecord> {
        self.read(|conn| match_of(match_row(conn, id)?))
    }

    /// Adds a fixed match outside the championship (cup, friendly, external). Championship matches
    /// exist already: fix or move them instead.
    pub fn create_fixed_match(&self, project: ProjectId, input: &NewFixedMatch) -> DbResult<MatchRecord> {
        use schema::matches::dsl;
        if !matches!(input.statut, MatchStatus::Fixed | MatchStatus::Played) {
            return Err(DbError::Invalid(format!(
                "a created match is fixed (`fixe`) or played (`termine`), not `{}`",
                input.statut
            )));
        }
        self.write(|conn| {
            project_row(conn, project)?;
            let keys: Vec<String> = dsl::matches
                .filter(dsl::project_id.eq(project.0).and(dsl::match_key.like(format!("{OUTSIDE_PREFIX}%"))))
                .select(dsl::match_key)
                .load(conn)?;
            let n = keys
                .iter()
                .filter_map(|k| k.strip_prefix(OUTSIDE_PREFIX).and_then(|n| n.parse::<u64>().ok()))
                .max()
                .unwrap_or(0)
                + 1;
            let teams: Vec<TeamRow> = schema::teams::table
                .filter(schema::teams::project_id.eq(project.0))
                .select(TeamRow::as_select())
                .load(conn)?;
            let institution = |key: &scheduler_core::TeamKey| {
                teams
                    .iter()
                    .find(|t| {
                        t.nom == key.name && (key.gender.is_none() || t.genre == gender_str(key.gender))
                    })
                    .map(|t| t.institution.clone())
            };
            let (s1, s2) = split_score(input.score.as_deref());
            let at = now();
            let id: i64 = diesel::insert_into(dsl::matches)
                .values(NewMatchRow {
                    project_id: project.0,
                    match_key: format!("{OUTSIDE_PREFIX}{n}"),
                    equipe1_nom: input.home.name.clone(),
                    equipe1_institution: institution(&input.home),
                    equipe1_genre: gender_str(input.home.gender),
                    equipe2_nom: input.away.name.clone(),
                    equipe2_institution: institution(&input.away),
                    equipe2_genre: gender_str(input.away.gender),
                    poule: input.poule.clone(),
                    semaine: Some(i32::from(input.slot.semaine)),
                    horaire: Some(time_str(input.slot.horaire)),
                    gymnase: Some(input.slot.gymnase.clone()),
                    est_fixe: true,
                    statut: input.statut.as_str().to_string(),
                    priorite: 0,
                    score_equipe1: s1,
                    score_equipe2: s2,
                    score: input.score.clone(),
                    leg: None,
                    competition: input.competition.clone(),
                    notes: input.notes.clone(),
                    created_at: at,
                    updated_at: at,
                })
                .returning(dsl::id)
                .get_result(conn)?;
            let built = store::build(conn, project)?;
            let index = built.loaded.match_rows.fixed.iter().position(|r| r.0 == id);
            if let Some(f) = index.map(|i| &built.loaded.problem.fixed[i]) {
                if f.replaces.is_some() {
                    return Err(DbError::Invalid(
                        "these teams meet in their pool already: fix or move their championship match instead"
                            .into(),
                    ));
                }
            }
            store::touch(conn, project)?;
            match_of(match_row(conn, DbMatchId(id))?)
        })
    }

    /// Changes a match's status, priority, scores or notes (see [`MatchPatch`]).
    pub fn update_match(&self, id: DbMatchId, patch: &MatchPatch) -> DbResult<MatchRecord> {
        use schema::matches::dsl;
        self.write(|conn| {
            let row = match_row(conn, id)?;
            let project = ProjectId(row.project_id);
            if let Some(status) = patch.statut {
                apply_status(conn, &row, status)?;
            }
            let target = dsl::matches.find(id.0);
            if let Some(p) = patch.priorite {
                diesel::update(target).set(dsl::priorite.eq(p)).execute(conn)?;
            }
            if let Some(s) = patch.score_equipe1 {
                diesel::update(target).set(dsl::score_equipe1.eq(s)).execute(conn)?;
            }
            if let Some(s) = patch.score_equipe2 {
                diesel::update(target).set(dsl::score_equipe2.eq(s)).execute(conn)?;
            }
            if let Some(s) = &patch.score {
                diesel::update(target).set(dsl::score.eq(s)).execute(conn)?;
            }
            if let Some(n) = &patch.notes {
                diesel::update(target).set(dsl::notes.eq(n)).execute(conn)?;
            }
            diesel::update(target).set(dsl::updated_at.eq(now())).execute(conn)?;
            validate(conn, project)?;
            store::touch(conn, project)?;
            match_of(match_row(conn, id)?)
        })
    }

    /// Deletes a match outside the championship. A championship match cannot be deleted (its pool
    /// would generate it again): cancel it instead (`annule`).
    pub fn delete_match(&self, id: DbMatchId) -> DbResult<()> {
        self.write(|conn| {
            let row = match_row(conn, id)?;
            if store::is_championship(&row) {
                return Err(not_modifiable(
                    &row,
                    "a championship match cannot be deleted; set its status to `annule` to cancel it",
                ));
            }
            diesel::delete(schema::matches::table.find(id.0)).execute(conn)?;
            store::touch(conn, ProjectId(row.project_id))?;
            Ok(())
        })
    }
}
