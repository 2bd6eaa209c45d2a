//! CRUD of projects and their statistics.

use diesel::dsl::count_star;
use diesel::prelude::*;

use super::validate;
use crate::convert::*;
use crate::error::{DbError, DbResult};
use crate::models::*;
use crate::schema;
use crate::store::{self, project_row, slot_of, status_of};
use crate::types::*;
use crate::Database;

fn project_of(row: ProjectRow) -> DbResult<Project> {
    Ok(Project {
        id: ProjectId(row.id),
        calendar: store::calendar_of(&row)?,
        settings: store::settings_of(&row)?,
        config: row.config.as_deref().map(|c| from_json(c, "projects", row.id)).transpose()?,
        nom: row.nom,
        sport: row.sport,
        revision: row.revision,
        created_at: row.created_at,
        updated_at: row.updated_at,
    })
}

impl Database {
    /// Every project, by id.
    pub fn list_projects(&self) -> DbResult<Vec<Project>> {
        self.read(|conn| {
            schema::projects::table
                .order(schema::projects::id)
                .select(ProjectRow::as_select())
                .load(conn)?
                .into_iter()
                .map(project_of)
                .collect()
        })
    }

    /// A project.
    pub fn get_project(&self, id: ProjectId) -> DbResult<Project> {
        self.read(|conn| project_of(project_row(conn, id)?))
    }

    /// Creates an empty project.
    pub fn create_project(&self, project: &NewProject) -> DbResult<Project> {
        self.write(|conn| {
            let id: i64 = diesel::insert_into(schema::projects::table)
                .values(store::project_values(project, 0)?)
                .returning(schema::projects::id)
                .get_result(conn)?;
            validate(conn, ProjectId(id))?;
            project_of(project_row(conn, ProjectId(id))?)
        })
    }

    /// Changes a project; refused if the season would no longer build (e.g. fewer weeks than a
    /// constraint names).
    pub fn update_project(&self, id: ProjectId, patch: &ProjectPatch) -> DbResult<Project> {
        self.write(|conn| {
            let row = project_row(conn, id)?;
            let mut project = project_of(row)?;
            let new = NewProject {
                nom: patch.nom.clone().unwrap_or(project.nom),
                sport: patch.sport.clone().unwrap_or(project.sport),
                config: patch.config.clone().unwrap_or(project.config),
                calendar: {
                    if let Some(weeks) = patch.nb_semaines {
                        project.calendar.weeks = weeks;
                    }
                    if let Some(week) = patch.semaine_min {
                        project.calendar.first_plannable_week = week;
                    }
                    if let Some(blocked) = &patch.semaines_banalisees {
                        project.calendar.blocked_weeks = blocked.clone();
                    }
                    if let Some(dates) = patch.dates {
                        project.calendar.dates = dates;
                    }
                    project.calendar
                },
                settings: patch.settings.clone().unwrap_or(project.settings),
            };
            let mut values = store::project_values(&new, project.revision)?;
            values.created_at = project.created_at;
            diesel::update(schema::projects::table.find(id.0)).set(&values).execute(conn)?;
            store::touch(conn, id)?;
            validate(conn, id)?;
            project_of(project_row(conn, id)?)
        })
    }

    /// Deletes a project and everything in it (foreign keys cascade).
    pub fn delete_project(&self, id: ProjectId) -> DbResult<()> {
        self.write(|conn| {
            let n = diesel::delete(schema::projects::table.find(id.0)).execute(conn)?;
            if n == 0 {
                return Err(DbError::NotFound { what: "project", id: id.0 });
            }
            Ok(())
        })
    }

    /// Counts of a project's matches, teams and venues.
    pub fn project_stats(&self, id: ProjectId) -> DbResult<ProjectStats> {
        use schema::matches::dsl as m;
        self.read(|conn| {
            let project = project_row(conn, id)?;
            let rows: Vec<MatchRow> =
                m::matches.filter(m::project_id.eq(id.0)).select(MatchRow::as_select()).load(conn)?;
            let mut stats = ProjectStats {
                nb_matchs_total: 0,
                nb_matchs_planifies: 0,
                nb_matchs_fixes: 0,
                nb_matchs_a_planifier: 0,
                nb_matchs_annules: 0,
                nb_equipes: schema::teams::table
                    .filter(schema::teams::project_id.eq(id.0))
                    .select(count_star())
                    .first(conn)?,
                nb_gymnases: schema::venues::table
                    .filter(schema::venues::project_id.eq(id.0))
                    .select(count_star())
                    .first(conn)?,
            };
            for row in &rows {
                let status = status_of(row)?;
                stats.nb_matchs_total += 1;
                if status == MatchStatus::Cancelled {
                    stats.nb_matchs_annules += 1;
                    continue;
                }
                if row.est_fixe || matches!(status, MatchStatus::Fixed | MatchStatus::Played) {
                    stats.nb_matchs_fixes += 1;
                }
                if slot_of(row)?.is_some() {
                    stats.nb_matchs_planifies += 1;
                } else {
                    stats.nb_matchs_a_planifier += 1;
                }
            }
            let _ = project;
            Ok(stats)
        })
    }
}
