//! CRUD of teams; every change keeps one row per generated match.

use diesel::prelude::*;
use scheduler_core::TeamSpec;

use super::{next_position, Db};
use crate::convert::*;
use crate::error::{DbError, DbResult};
use crate::models::*;
use crate::schema;
use crate::store::{self, project_row};
use crate::types::*;
use crate::Database;

fn team_of(row: TeamRow) -> DbResult<TeamRecord> {
    const T: &str = "teams";
    Ok(TeamRecord {
        id: DbTeamId(row.id),
        project_id: ProjectId(row.project_id),
        position: row.position,
        genre: gender_of(row.genre.as_deref(), T, row.id)?,
        horaire_prefere: row.horaire_prefere.as_deref().map(|h| time_of(h, T, row.id)).transpose()?,
        lieux_preferes: from_json(&row.lieux_preferes, T, row.id)?,
        nom: row.nom,
        institution: row.institution,
        numero_equipe: row.numero_equipe,
        poule: row.poule,
        created_at: row.created_at,
    })
}

fn team_row(conn: &mut Db, id: DbTeamId) -> DbResult<TeamRow> {
    schema::teams::table
        .find(id.0)
        .select(TeamRow::as_select())
        .first(conn)
        .optional()?
        .ok_or(DbError::NotFound { what: "team", id: id.0 })
}

impl Database {
    /// The teams of a project in source order.
    pub fn list_teams(&self, project: ProjectId) -> DbResult<Vec<TeamRecord>> {
        use schema::teams::dsl;
        self.read(|conn| {
            project_row(conn, project)?;
            dsl::teams
                .filter(dsl::project_id.eq(project.0))
                .order((dsl::position, dsl::id))
                .select(TeamRow::as_select())
                .load(conn)?
                .into_iter()
                .map(team_of)
                .collect()
        })
    }

    /// A team.
    pub fn get_team(&self, id: DbTeamId) -> DbResult<TeamRecord> {
        self.read(|conn| team_of(team_row(conn, id)?))
    }

    /// Adds a team after the others; its pool's new matches are created (`a_planifier`).
    pub fn create_team(&self, project: ProjectId, team: &NewTeam) -> DbResult<TeamRecord> {
        use schema::teams::dsl;
        self.write(|conn| {
            project_row(conn, project)?;
            let max: Option<i32> = dsl::teams
                .filter(dsl::project_id.eq(project.0))
                .select(diesel::dsl::max(dsl::position))
                .first(conn)?;
            let position = next_position(conn, max)?;
            let spec = TeamSpec {
                name: team.nom.trim().to_string(),
                gender: team.genre,
                institution: team.institution.clone(),
                pool: team.poule.clone(),
                preferred_time: team.horaire_prefere,
                preferred_venues: team.lieux_preferes.clone(),
            };
            let id: i64 = diesel::insert_into(dsl::teams)
                .values(store::new_team_row(project.0, position, &spec)?)
                .returning(dsl::id)
                .get_result(conn)?;
            store::sync_generated(conn, project)?;
            store::touch(conn, project)?;
            team_of(team_row(conn, DbTeamId(id))?)
        })
    }

    /// Changes a team; a pool change regenerates its matches to plan (locked ones stay).
    pub fn update_team(&self, id: DbTeamId, patch: &TeamPatch) -> DbResult<TeamRecord> {
        use schema::teams::dsl;
        self.write(|conn| {
            let row = team_row(conn, id)?;
            let project = ProjectId(row.project_id);
            let target = dsl::teams.find(id.0);
            if let Some(institution) = &patch.institution {
                diesel::update(target).set(dsl::institution.eq(institution)).execute(conn)?;
            }
            if let Some(pool) = &patch.poule {
                diesel::update(target).set(dsl::poule.eq(pool)).execute(conn)?;
            }
            if let Some(time) = patch.horaire_prefere {
                diesel::update(target).set(dsl::horaire_prefere.eq(time.map(time_str))).execute(conn)?;
            }
            if let Some(venues) = &patch.lieux_preferes {
                diesel::update(target).set(dsl::lieux_preferes.eq(to_json(venues)?)).execute(conn)?;
            }
            store::sync_generated(conn, project)?;
            store::touch(conn, project)?;
            team_of(team_row(conn, id)?)
        })
    }

    /// Deletes a team and its unlocked matches to plan; refused while a fixed match or a constraint
    /// names it.
    pub fn delete_team(&self, id: DbTeamId) -> DbResult<()> {
        self.write(|conn| {
            let row = team_row(conn, id)?;
            let project = ProjectId(row.project_id);
            diesel::delete(schema::teams::table.find(id.0)).execute(conn)?;
            store::sync_generated(conn, project)?;
            store::touch(conn, project)?;
            Ok(())
        })
    }
}
