//! CRUD of venues.

use diesel::dsl::count_star;
use diesel::prelude::*;
use scheduler_core::VenueSpec;

use super::{next_position, validate, Db};
use crate::convert::*;
use crate::error::{DbError, DbResult};
use crate::models::*;
use crate::schema;
use crate::store::{self, project_row};
use crate::types::*;
use crate::Database;

fn venue_of(row: VenueRow) -> DbResult<VenueRecord> {
    const T: &str = "venues";
    let times: Vec<String> = from_json(&row.horaires, T, row.id)?;
    Ok(VenueRecord {
        id: DbVenueId(row.id),
        project_id: ProjectId(row.project_id),
        position: row.position,
        capacite: u32::try_from(row.capacite).map_err(|_| corrupt(T, row.id, "negative capacity"))?,
        horaires: times.iter().map(|t| time_of(t, T, row.id)).collect::<DbResult<_>>()?,
        niveau: level_of(row.niveau.as_deref(), row.id)?,
        nom: row.nom,
        created_at: row.created_at,
    })
}

fn venue_row(conn: &mut Db, id: DbVenueId) -> DbResult<VenueRow> {
    schema::venues::table
        .find(id.0)
        .select(VenueRow::as_select())
        .first(conn)
        .optional()?
        .ok_or(DbError::NotFound { what: "venue", id: id.0 })
}

impl Database {
    /// The venues of a project in source order.
    pub fn list_venues(&self, project: ProjectId) -> DbResult<Vec<VenueRecord>> {
        use schema::venues::dsl;
        self.read(|conn| {
            project_row(conn, project)?;
            dsl::venues
                .filter(dsl::project_id.eq(project.0))
                .order((dsl::position, dsl::id))
                .select(VenueRow::as_select())
                .load(conn)?
                .into_iter()
                .map(venue_of)
                .collect()
        })
    }

    /// A venue.
    pub fn get_venue(&self, id: DbVenueId) -> DbResult<VenueRecord> {
        self.read(|conn| venue_of(venue_row(conn, id)?))
    }

    /// Adds a venue after the others.
    pub fn create_venue(&self, project: ProjectId, venue: &NewVenue) -> DbResult<VenueRecord> {
        use schema::venues::dsl;
        self.write(|conn| {
            project_row(conn, project)?;
            let max: Option<i32> = dsl::venues
                .filter(dsl::project_id.eq(project.0))
                .select(diesel::dsl::max(dsl::position))
                .first(conn)?;
            let position = next_position(conn, max)?;
            let spec = VenueSpec {
                name: venue.nom.trim().to_string(),
                courts: venue.capacite,
                times: venue.horaires.clone(),
                level: venue.niveau,
            };
            let id: i64 = diesel::insert_into(dsl::venues)
                .values(store::new_venue_row(project.0, position, &spec)?)
                .returning(dsl::id)
                .get_result(conn)?;
            validate(conn, project)?;
            store::touch(conn, project)?;
            venue_of(venue_row(conn, DbVenueId(id))?)
        })
    }

    /// Changes a venue's courts, times or level.
    pub fn update_venue(&self, id: DbVenueId, patch: &VenuePatch) -> DbResult<VenueRecord> {
        use schema::venues::dsl;
        self.write(|conn| {
            let row = venue_row(conn, id)?;
            let project = ProjectId(row.project_id);
            let target = dsl::venues.find(id.0);
            if let Some(courts) = patch.capacite {
                let courts = i32::try_from(courts).map_err(|_| DbError::Invalid("too many courts".into()))?;
                diesel::update(target).set(dsl::capacite.eq(courts)).execute(conn)?;
            }
            if let Some(times) = &patch.horaires {
                let times: Vec<String> = times.iter().map(|t| time_str(*t)).collect();
                diesel::update(target).set(dsl::horaires.eq(to_json(&times)?)).execute(conn)?;
            }
            if let Some(level) = patch.niveau {
                diesel::update(target)
                    .set(dsl::niveau.eq(level.map(|l| level_str(l).to_string())))
                    .execute(conn)?;
            }
            validate(conn, project)?;
            store::touch(conn, project)?;
            venue_of(venue_row(conn, id)?)
        })
    }

    /// Deletes a venue; refused while a match is placed there or a constraint names it.
    pub fn delete_venue(&self, id: DbVenueId) -> DbResult<()> {
        use schema::matches::dsl as m;
        self.write(|conn| {
            let row = venue_row(conn, id)?;
            let project = ProjectId(row.project_id);
            let used: i64 = m::matches
                .filter(m::project_id.eq(row.project_id).and(m::gymnase.eq(&row.nom)))
                .select(count_star())
                .first(conn)?;
            if used > 0 {
                return Err(DbError::Invalid(format!(
                    "venue {} holds {used} match(es): move or unplace them first",
                    row.nom
                )));
            }
            diesel::delete(schema::venues::table.find(id.0)).execute(conn)?;
            validate(conn, project)?;
            store::touch(conn, project)?;
            Ok(())
        })
    }
}
