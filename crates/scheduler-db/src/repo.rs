//! The repository: every public operation of [`Database`], each in one transaction.
//!
//! Every change bumps the project's revision, and every change to the season's rows is checked by
//! rebuilding the `Problem` inside the transaction: a change that would make the season
//! inconsistent (a constraint naming a deleted team…) is refused and nothing is written.

use diesel::dsl::count_star;
use diesel::prelude::*;
use diesel::SqliteConnection;
use scheduler_core::{
    evaluate, MatchRef, Placement, Problem, ProblemSpec, Schedule, TeamSpec, VenueSpec, Week,
};

use crate::convert::*;
use crate::error::{DbError, DbResult};
use crate::models::*;
use crate::schema;
use crate::store::{self, project_row, slot_of, status_of};
use crate::types::*;
use crate::Database;

type Db = SqliteConnection;

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

fn match_of(row: MatchRow) -> DbResult<MatchRecord> {
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

fn team_row(conn: &mut Db, id: DbTeamId) -> DbResult<TeamRow> {
    schema::teams::table
        .find(id.0)
        .select(TeamRow::as_select())
        .first(conn)
        .optional()?
        .ok_or(DbError::NotFound { what: "team", id: id.0 })
}

fn venue_row(conn: &mut Db, id: DbVenueId) -> DbResult<VenueRow> {
    schema::venues::table
        .find(id.0)
        .select(VenueRow::as_select())
        .first(conn)
        .optional()?
        .ok_or(DbError::NotFound { what: "venue", id: id.0 })
}

fn match_row(conn: &mut Db, id: DbMatchId) -> DbResult<MatchRow> {
    schema::matches::table
        .find(id.0)
        .select(MatchRow::as_select())
        .first(conn)
        .optional()?
        .ok_or(DbError::NotFound { what: "match", id: id.0 })
}

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

fn not_modifiable(row: &MatchRow, reason: impl Into<String>) -> DbError {
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
    // ----- import, load, save -------------------------------------------------------------------

    /// Stores a whole season in one transaction: the project (settings and calendar of `project`,
    /// which override the spec's), teams, venues, pool formats, every constraint, the matches to plan
    /// of `Problem::new(spec)` (`a_planifier`) and the fixed matches (`est_fixe`, `termine` when a
    /// score is known, else `fixe`). The stored rows are read back and must give the same `Problem`.
    pub fn import_project(&self, project: &NewProject, spec: &ProblemSpec) -> DbResult<ImportReport> {
        self.write(|conn| store::import(conn, project, spec))
    }

    /// The project as a checked `Problem`, its current schedule, the row of every match and the
    /// revision read (see the module `store` for how rows become the spec).
    pub fn load_problem(&self, project: ProjectId) -> DbResult<LoadedProblem> {
        self.read(|conn| Ok(store::build(conn, project)?.loaded))
    }

    /// Saves a solved schedule in one transaction, only if the project is still at `base_revision`
    /// ([`DbError::Conflict`] otherwise), `problem` is still its season, and the schedule breaks no
    /// hard rule ([`DbError::BrokenRules`]). Placed matches get their slot and `planifie`; matches no
    /// longer placed lose their slot and go back to `a_planifier`; fixed, frozen and cancelled rows
    /// are not touched. With `run`, the run is completed with its summary in the same transaction.
    /// On any error nothing is written.
    pub fn save_solve(
        &self,
        project: ProjectId,
        base_revision: i64,
        problem: &Problem,
        schedule: &Schedule,
        run: Option<(SolveRunId, &RunSummary)>,
    ) -> DbResult<SaveReport> {
        self.write(|conn| store::save(conn, project, base_revision, problem, schedule, run))
    }

    // ----- projects -----------------------------------------------------------------------------

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

    // ----- teams --------------------------------------------------------------------------------

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

    // ----- venues -------------------------------------------------------------------------------

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

    // ----- matches ------------------------------------------------------------------------------

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
fn apply_status(conn: &mut Db, row: &MatchRow, target: MatchStatus) -> DbResult<()> {
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
