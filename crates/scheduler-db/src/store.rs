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

use std::collections::{BTreeSet, HashMap, HashSet};

use diesel::prelude::*;
use diesel::SqliteConnection;
use scheduler_core::{
    evaluate, Calendar, EarliestTime, Entente, FixedMatchSpec, InstitutionUnavailability, MatchId,
    NonSimultaneityGroup, Placement, PoolSpec, PresenceObligation, Problem, ProblemSpec, Schedule,
    SeasonDates, Settings, TeamKey, TeamSpec, TeamUnavailability, TemporalConstraint, VenueSpec,
    VenueUnavailability, Week,
};

use crate::convert::*;
use crate::error::{DbError, DbResult};
use crate::models::*;
use crate::schema;
use crate::types::*;

type Db = SqliteConnection;

/// Rows per multi-row INSERT (SQLite caps the bound parameters of one statement at 32 766).
const CHUNK: usize = 500;

/// A project's rows read as a spec, before `Problem::new`.
pub(crate) struct Snapshot {
    pub project: ProjectRow,
    pub spec: ProblemSpec,
    /// Row of each fixed match of the spec, in order.
    pub fixed_rows: Vec<MatchRow>,
    /// Championship rows to plan, by key.
    pub open_rows: HashMap<String, MatchRow>,
    /// Cancelled rows, by key.
    pub cancelled: HashMap<String, MatchRow>,
    pub warnings: Vec<LoadWarning>,
}

pub(crate) fn project_row(conn: &mut Db, id: ProjectId) -> DbResult<ProjectRow> {
    schema::projects::table
        .find(id.0)
        .select(ProjectRow::as_select())
        .first(conn)
        .optional()?
        .ok_or(DbError::NotFound { what: "project", id: id.0 })
}

pub(crate) fn calendar_of(row: &ProjectRow) -> DbResult<Calendar> {
    let blocked: BTreeSet<u16> = from_json(&row.semaines_banalisees, "projects", row.id)?;
    let dates = if row.calendrier_actif {
        let start =
            row.date_debut.ok_or_else(|| corrupt("projects", row.id, "active calendar without date"))?;
        let day = row.jour_match.as_deref().unwrap_or("lundi");
        Some(SeasonDates { start, match_day: weekday_of(day, row.id)? })
    } else {
        None
    };
    Ok(Calendar {
        weeks: week_of(row.nb_semaines, "projects", row.id)?,
        first_plannable_week: week_of(row.semaine_min, "projects", row.id)?,
        blocked_weeks: blocked,
        dates,
    })
}

pub(crate) fn settings_of(row: &ProjectRow) -> DbResult<Settings> {
    from_json(&row.settings, "projects", row.id)
}

pub(crate) fn slot_of(row: &MatchRow) -> DbResult<Option<Slot>> {
    match (row.semaine, row.horaire.as_deref(), row.gymnase.as_deref()) {
        (Some(week), Some(time), Some(venue)) => Ok(Some(Slot {
            semaine: week_of(week, "matches", row.id)?,
            horaire: time_of(time, "matches", row.id)?,
            gymnase: venue.to_string(),
        })),
        _ => Ok(None),
    }
}

pub(crate) fn status_of(row: &MatchRow) -> DbResult<MatchStatus> {
    row.statut.parse().map_err(|e: String| corrupt("matches", row.id, e))
}

/// Whether a row is locked for solves: `est_fixe`, `fixe`, `termine`, or placed before `semaine_min`.
pub(crate) fn is_frozen(row: &MatchRow, status: MatchStatus, semaine_min: i32) -> bool {
    row.est_fixe
        || matches!(status, MatchStatus::Fixed | MatchStatus::Played)
        || (status != MatchStatus::Cancelled
            && row.horaire.is_some()
            && row.gymnase.is_some()
            && row.semaine.is_some_and(|w| w < semaine_min))
}

fn team_key(name: &str, gender: Option<&str>, table: &'static str, id: i64) -> DbResult<TeamKey> {
    Ok(TeamKey::new(name, gender_of(gender, table, id)?))
}

/// Reads every row of a project into a spec.
pub(crate) fn snapshot(conn: &mut Db, id: ProjectId) -> DbResult<Snapshot> {
    use schema::*;
    let project = project_row(conn, id)?;
    let pid = project.id;
    let mut spec = ProblemSpec {
        settings: settings_of(&project)?,
        calendar: calendar_of(&project)?,
        ..Default::default()
    };

    let team_rows: Vec<TeamRow> = teams::table
        .filter(teams::project_id.eq(pid))
        .order((teams::position, teams::id))
        .select(TeamRow::as_select())
        .load(conn)?;
    for t in team_rows {
        spec.teams.push(team_spec(&t)?);
    }
    let venue_rows: Vec<VenueRow> = venues::table
        .filter(venues::project_id.eq(pid))
        .order((venues::position, venues::id))
        .select(VenueRow::as_select())
        .load(conn)?;
    for v in venue_rows {
        spec.venues.push(venue_spec(&v)?);
    }
    let pool_rows: Vec<PoolRow> = pools::table
        .filter(pools::project_id.eq(pid))
        .order(pools::id)
        .select(PoolRow::as_select())
        .load(conn)?;
    for p in pool_rows {
        spec.pools.push(PoolSpec { code: p.code.clone(), kind: kind_of(&p.kind, p.id)? });
    }

    let rows: Vec<VenueUnavailabilityRow> = venue_unavailabilities::table
        .filter(venue_unavailabilities::project_id.eq(pid))
        .order(venue_unavailabilities::id)
        .select(VenueUnavailabilityRow::as_select())
        .load(conn)?;
    for r in rows {
        const T: &str = "venue_unavailabilities";
        spec.venue_unavailabilities.push(VenueUnavailability {
            venue: r.gymnase.clone(),
            week: week_of(r.semaine, T, r.id)?,
            range: range_of(r.heure_debut.as_deref(), r.heure_fin.as_deref(), T, r.id)?,
            courts_taken: r
                .terrains_occupes
                .map(|c| u32::try_from(c).map_err(|_| corrupt(T, r.id, "negative courts")))
                .transpose()?,
        });
    }
    let rows: Vec<TeamUnavailabilityRow> = team_unavailabilities::table
        .filter(team_unavailabilities::project_id.eq(pid))
        .order(team_unavailabilities::id)
        .select(TeamUnavailabilityRow::as_select())
        .load(conn)?;
    for r in rows {
        const T: &str = "team_unavailabilities";
        spec.team_unavailabilities.push(TeamUnavailability {
            team: team_key(&r.equipe_nom, r.equipe_genre.as_deref(), T, r.id)?,
            week: week_of(r.semaine, T, r.id)?,
            range: range_of(r.heure_debut.as_deref(), r.heure_fin.as_deref(), T, r.id)?,
        });
    }
    let rows: Vec<InstitutionUnavailabilityRow> = institution_unavailabilities::table
        .filter(institution_unavailabilities::project_id.eq(pid))
        .order(institution_unavailabilities::id)
        .select(InstitutionUnavailabilityRow::as_select())
        .load(conn)?;
    for r in rows {
        const T: &str = "institution_unavailabilities";
        spec.institution_unavailabilities.push(InstitutionUnavailability {
            institution: r.institution.clone(),
            week: week_of(r.semaine, T, r.id)?,
            range: range_of(r.heure_debut.as_deref(), r.heure_fin.as_deref(), T, r.id)?,
        });
    }
    let rows: Vec<EarliestTimeRow> = earliest_times::table
        .filter(earliest_times::project_id.eq(pid))
        .order(earliest_times::id)
        .select(EarliestTimeRow::as_select())
        .load(conn)?;
    for r in rows {
        const T: &str = "earliest_times";
        spec.earliest_times.push(EarliestTime {
            team: team_key(&r.equipe_nom, r.equipe_genre.as_deref(), T, r.id)?,
            venue: r.gymnase.clone(),
            earliest: time_of(&r.horaire_min, T, r.id)?,
        });
    }
    let rows: Vec<PresenceObligationRow> = presence_obligations::table
        .filter(presence_obligations::project_id.eq(pid))
        .order(presence_obligations::id)
        .select(PresenceObligationRow::as_select())
        .load(conn)?;
    spec.presence_obligations = rows
        .into_iter()
        .map(|r| PresenceObligation { venue: r.gymnase, institution: r.institution })
        .collect();
    let rows: Vec<GroupRow> = non_simultaneity_groups::table
        .filter(non_simultaneity_groups::project_id.eq(pid))
        .order(non_simultaneity_groups::id)
        .select(GroupRow::as_select())
        .load(conn)?;
    for r in rows {
        let members = from_json(&r.membres, "non_simultaneity_groups", r.id)?;
        spec.groups.push(NonSimultaneityGroup { name: r.nom, members });
    }
    let rows: Vec<EntenteRow> = ententes::table
        .filter(ententes::project_id.eq(pid))
        .order(ententes::id)
        .select(EntenteRow::as_select())
        .load(conn)?;
    spec.ententes = rows
        .into_iter()
        .map(|r| Entente {
            institution_a: r.institution_a,
            institution_b: r.institution_b,
            reward: r.recompense,
        })
        .collect();
    let rows: Vec<TemporalConstraintRow> = temporal_constraints::table
        .filter(temporal_constraints::project_id.eq(pid))
        .order(temporal_constraints::id)
        .select(TemporalConstraintRow::as_select())
        .load(conn)?;
    for r in rows {
        const T: &str = "temporal_constraints";
        spec.temporal_constraints.push(TemporalConstraint {
            team_a: team_key(&r.equipe_a_nom, r.equipe_a_genre.as_deref(), T, r.id)?,
            team_b: team_key(&r.equipe_b_nom, r.equipe_b_genre.as_deref(), T, r.id)?,
            kind: temporal_of(&r.sens, r.id)?,
            week: week_of(r.semaine, T, r.id)?,
        });
    }

    let match_rows: Vec<MatchRow> = matches::table
        .filter(matches::project_id.eq(pid))
        .order(matches::id)
        .select(MatchRow::as_select())
        .load(conn)?;
    let mut snapshot = Snapshot {
        project,
        spec,
        fixed_rows: Vec::new(),
        open_rows: HashMap::new(),
        cancelled: HashMap::new(),
        warnings: Vec::new(),
    };
    for row in match_rows {
        let status = status_of(&row)?;
        let slot = slot_of(&row)?;
        let leg = leg_of(row.leg.as_deref(), row.id)?;
        if status == MatchStatus::Cancelled {
            snapshot.cancelled.insert(row.match_key.clone(), row);
            continue;
        }
        if is_frozen(&row, status, snapshot.project.semaine_min) {
            if let Some(slot) = slot {
                snapshot.spec.fixed_matches.push(FixedMatchSpec {
                    home: team_key(&row.equipe1_nom, row.equipe1_genre.as_deref(), "matches", row.id)?,
                    away: team_key(&row.equipe2_nom, row.equipe2_genre.as_deref(), "matches", row.id)?,
                    pool: row.poule.clone(),
                    week: slot.semaine,
                    time: slot.horaire,
                    venue: slot.gymnase,
                    competition: row.competition.clone(),
                    score: row.score.clone(),
                    notes: row.notes.clone(),
                });
                snapshot.fixed_rows.push(row);
                continue;
            }
            snapshot.warnings.push(LoadWarning::Match {
                id: DbMatchId(row.id),
                message: "locked without a complete slot: treated as a match to plan".into(),
            });
        }
        if leg.is_some() {
            snapshot.open_rows.insert(row.match_key.clone(), row);
        } else {
            snapshot.warnings.push(LoadWarning::Match {
                id: DbMatchId(row.id),
                message: "a match outside the championship without a slot or lock: ignored".into(),
            });
        }
    }
    Ok(snapshot)
}

fn team_spec(t: &TeamRow) -> DbResult<TeamSpec> {
    const T: &str = "teams";
    Ok(TeamSpec {
        name: t.nom.clone(),
        gender: gender_of(t.genre.as_deref(), T, t.id)?,
        institution: Some(t.institution.clone()),
        pool: t.poule.clone(),
        preferred_time: t.horaire_prefere.as_deref().map(|h| time_of(h, T, t.id)).transpose()?,
        preferred_venues: from_json(&t.lieux_preferes, T, t.id)?,
    })
}

fn venue_spec(v: &VenueRow) -> DbResult<VenueSpec> {
    const T: &str = "venues";
    let times: Vec<String> = from_json(&v.horaires, T, v.id)?;
    Ok(VenueSpec {
        name: v.nom.clone(),
        courts: u32::try_from(v.capacite).map_err(|_| corrupt(T, v.id, "negative capacity"))?,
        times: times.iter().map(|t| time_of(t, T, v.id)).collect::<DbResult<_>>()?,
        level: level_of(v.niveau.as_deref(), v.id)?,
    })
}

/// A snapshot turned into a problem, with rows mapped and the current schedule.
pub(crate) struct Built {
    pub loaded: LoadedProblem,
    /// Rows of the matches to plan, by match index (same order as `loaded.match_rows.planned`).
    pub planned_rows: Vec<MatchRow>,
}

/// Builds the problem of a project; `ProblemError`s become [`DbError::Invalid`].
pub(crate) fn build(conn: &mut Db, id: ProjectId) -> DbResult<Built> {
    let Snapshot { project, spec, fixed_rows, mut open_rows, cancelled, mut warnings } = snapshot(conn, id)?;
    let (mut problem, problem_warnings) = Problem::new(spec)
        .map_err(|e| DbError::Invalid(format!("the season of project {id} is inconsistent: {e}")))?;
    warnings.splice(0..0, problem_warnings.into_iter().map(|warning| LoadWarning::Problem { warning }));

    let keys: Vec<String> = problem.matches.iter().map(|m| planned_key(&problem, m)).collect();
    let mut keep = vec![true; keys.len()];
    let mut planned_rows = Vec::with_capacity(keys.len());
    for (i, key) in keys.iter().enumerate() {
        match open_rows.remove(key) {
            Some(row) => planned_rows.push(row),
            None => {
                keep[i] = false;
                if !cancelled.contains_key(key) {
                    let name = problem.describe_match(MatchId(u32::try_from(i).unwrap_or(u32::MAX)));
                    warnings.push(LoadWarning::MissingRow { description: name });
                }
            }
        }
    }
    for row in open_rows.values() {
        warnings.push(LoadWarning::Match {
            id: DbMatchId(row.id),
            message: format!("`{}` is not a match of the current pools: ignored", row.match_key),
        });
    }
    retain_matches(&mut problem, &keep);

    let mut placements = Vec::with_capacity(planned_rows.len());
    for row in &planned_rows {
        let placement = match slot_of(row)? {
            None => None,
            Some(slot) => match problem.venues.iter().position(|v| v.name == slot.gymnase) {
                Some(v) => Some(Placement {
                    week: Week(slot.semaine),
                    time: slot.horaire,
                    venue: scheduler_core::VenueId(u32::try_from(v).unwrap_or(u32::MAX)),
                }),
                None => {
                    warnings.push(LoadWarning::Match {
                        id: DbMatchId(row.id),
                        message: format!("unknown venue `{}`: treated as unplaced", slot.gymnase),
                    });
                    None
                }
            },
        };
        placements.push(placement);
    }
    let loaded = LoadedProblem {
        project_id: id,
        revision: project.revision,
        problem,
        schedule: Schedule::from_placements(placements),
        match_rows: MatchRows {
            planned: planned_rows.iter().map(|r| DbMatchId(r.id)).collect(),
            fixed: fixed_rows.iter().map(|r| DbMatchId(r.id)).collect(),
        },
        warnings,
    };
    Ok(Built { loaded, planned_rows })
}

/// Keeps the matches to plan marked in `keep`, renumbering ids and leg partners.
fn retain_matches(problem: &mut Problem, keep: &[bool]) {
    if keep.iter().all(|k| *k) {
        return;
    }
    let mut new_id = vec![None; keep.len()];
    let mut next = 0u32;
    for (i, k) in keep.iter().enumerate() {
        if *k {
            new_id[i] = Some(MatchId(next));
            next += 1;
        }
    }
    let old = std::mem::take(&mut problem.matches);
    problem.matches = old
        .into_iter()
        .zip(keep)
        .filter(|(_, k)| **k)
        .map(|(mut m, _)| {
            m.other_leg = m.other_leg.and_then(|o| new_id.get(o.index()).copied().flatten());
            m
        })
        .collect();
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

pub(crate) fn project_values(input: &NewProject, revision: i64) -> DbResult<NewProjectRow> {
    let at = now();
    let calendar = &input.calendar;
    Ok(NewProjectRow {
        nom: input.nom.clone(),
        sport: input.sport.clone(),
        config: input.config.as_ref().map(to_json).transpose()?,
        nb_semaines: i32::from(calendar.weeks),
        semaine_min: i32::from(calendar.first_plannable_week),
        semaines_banalisees: to_json(&calendar.blocked_weeks)?,
        calendrier_actif: calendar.dates.is_some(),
        date_debut: calendar.dates.map(|d| d.start),
        jour_match: calendar.dates.map(|d| weekday_str(d.match_day).to_string()),
        settings: to_json(&input.settings)?,
        revision,
        created_at: at,
        updated_at: at,
    })
}

pub(crate) fn new_team_row(pid: i64, position: i32, t: &TeamSpec) -> DbResult<NewTeamRow> {
    Ok(NewTeamRow {
        project_id: pid,
        position,
        nom: t.name.clone(),
        genre: gender_str(t.gender),
        institution: t.institution.clone().unwrap_or_else(|| scheduler_core::names::institution_of(&t.name)),
        numero_equipe: team_number(&t.name),
        poule: t.pool.clone(),
        horaire_prefere: t.preferred_time.map(time_str),
        lieux_preferes: to_json(&t.preferred_venues)?,
        created_at: now(),
    })
}

pub(crate) fn new_venue_row(pid: i64, position: i32, v: &VenueSpec) -> DbResult<NewVenueRow> {
    Ok(NewVenueRow {
        project_id: pid,
        position,
        nom: v.name.clone(),
        capacite: i32::try_from(v.courts).map_err(|_| DbError::Invalid("too many courts".into()))?,
        horaires: to_json(&v.times.iter().map(|t| time_str(*t)).collect::<Vec<_>>())?,
        niveau: v.level.map(|l| level_str(l).to_string()),
        created_at: now(),
    })
}

/// The row of a generated match to plan (unplaced, `a_planifier`).
pub(crate) fn new_planned_row(pid: i64, problem: &Problem, id: MatchId) -> NewMatchRow {
    let m = problem.match_(id);
    let home = problem.team(m.home);
    let away = problem.team(m.away);
    let at = now();
    NewMatchRow {
        project_id: pid,
        match_key: planned_key(problem, m),
        equipe1_nom: home.name.clone(),
        equipe1_institution: Some(problem.institution_name(home.institution).to_string()),
        equipe1_genre: gender_str(home.gender),
        equipe2_nom: away.name.clone(),
        equipe2_institution: Some(problem.institution_name(away.institution).to_string()),
        equipe2_genre: gender_str(away.gender),
        poule: Some(problem.pools[m.pool.index()].code.clone()),
        semaine: None,
        horaire: None,
        gymnase: None,
        est_fixe: false,
        statut: MatchStatus::ToPlan.as_str().to_string(),
        priorite: 0,
        score_equipe1: None,
        score_equipe2: None,
        score: None,
        leg: Some(leg_str(m.leg).to_string()),
        competition: None,
        notes: None,
        created_at: at,
        updated_at: at,
    }
}

fn count_constraints(spec: &ProblemSpec) -> usize {
    spec.venue_unavailabilities.len()
        + spec.team_unavailabilities.len()
        + spec.institution_unavailabilities.len()
        + spec.earliest_times.len()
        + spec.presence_obligations.len()
        + spec.groups.len()
        + spec.ententes.len()
        + spec.temporal_constraints.len()
}

/// Stores a whole season; the caller runs it in one transaction.
pub(crate) fn import(conn: &mut Db, project: &NewProject, spec: &ProblemSpec) -> DbResult<ImportReport> {
    use schema::*;
    let mut spec = spec.clone();
    spec.settings = project.settings.clone();
    spec.calendar = project.calendar.clone();
    let (problem, warnings) = Problem::new(spec.clone())
        .map_err(|e| DbError::Invalid(format!("the season cannot be built: {e}")))?;

    let pid: i64 = diesel::insert_into(projects::table)
        .values(project_values(project, 0)?)
        .returning(projects::id)
        .get_result(conn)?;

    let team_rows = spec
        .teams
        .iter()
        .enumerate()
        .map(|(i, t)| new_team_row(pid, position(i)?, t))
        .collect::<DbResult<Vec<_>>>()?;
    for chunk in team_rows.chunks(CHUNK) {
        diesel::insert_into(teams::table).values(chunk).execute(conn)?;
    }
    let venue_rows = spec
        .venues
        .iter()
        .enumerate()
        .map(|(i, v)| new_venue_row(pid, position(i)?, v))
        .collect::<DbResult<Vec<_>>>()?;
    for chunk in venue_rows.chunks(CHUNK) {
        diesel::insert_into(venues::table).values(chunk).execute(conn)?;
    }
    let pool_rows: Vec<NewPoolRow> = spec
        .pools
        .iter()
        .map(|p| NewPoolRow { project_id: pid, code: p.code.clone(), kind: kind_str(p.kind).to_string() })
        .collect();
    for chunk in pool_rows.chunks(CHUNK) {
        diesel::insert_into(pools::table).values(chunk).execute(conn)?;
    }
    store_constraints(conn, pid, &spec)?;

    let mut rows: Vec<NewMatchRow> =
        problem.match_ids().map(|id| new_planned_row(pid, &problem, id)).collect();
    let mut outside = 0;
    for (f, source) in problem.fixed.iter().zip(&spec.fixed_matches) {
        let home = problem.team(f.home);
        let away = problem.team(f.away);
        let key = match replaced_key(&problem, f) {
            Some(key) => key,
            None => {
                outside += 1;
                format!("{OUTSIDE_PREFIX}{outside}")
            }
        };
        let (s1, s2) = split_score(f.score.as_deref());
        let status = if f.score.is_some() { MatchStatus::Played } else { MatchStatus::Fixed };
        let at = now();
        rows.push(NewMatchRow {
            project_id: pid,
            match_key: key,
            equipe1_nom: home.name.clone(),
            equipe1_institution: Some(problem.institution_name(home.institution).to_string()),
            equipe1_genre: gender_str(home.gender),
            equipe2_nom: away.name.clone(),
            equipe2_institution: Some(problem.institution_name(away.institution).to_string()),
            equipe2_genre: gender_str(away.gender),
            poule: f.pool.map(|p| problem.pools[p.index()].code.clone()).or_else(|| source.pool.clone()),
            semaine: Some(i32::from(f.week.0)),
            horaire: Some(time_str(f.time)),
            gymnase: Some(problem.venue(f.venue).name.clone()),
            est_fixe: true,
            statut: status.as_str().to_string(),
            priorite: 0,
            score_equipe1: s1,
            score_equipe2: s2,
            score: f.score.clone(),
            leg: f.replaces.map(|l| leg_str(l).to_string()),
            competition: f.competition.clone(),
            notes: f.notes.clone(),
            created_at: at,
            updated_at: at,
        });
    }
    for chunk in rows.chunks(CHUNK) {
        diesel::insert_into(matches::table).values(chunk).execute(conn)?;
    }

    // What was stored must read back as the same problem (a solve from the database equals a solve
    // from the workbook).
    let built = build(conn, ProjectId(pid))?;
    if built.loaded.problem != problem {
        return Err(DbError::Invalid(
            "internal error: the stored season does not read back as the imported one".into(),
        ));
    }
    Ok(ImportReport {
        project_id: ProjectId(pid),
        teams: spec.teams.len(),
        venues: spec.venues.len(),
        pools: problem.pools.len(),
        to_plan: problem.matches.len(),
        fixed: problem.fixed.len(),
        constraints: count_constraints(&spec),
        warnings,
    })
}

pub(crate) fn position(index: usize) -> DbResult<i32> {
    i32::try_from(index).map_err(|_| DbError::Invalid("too many rows".into()))
}

fn store_constraints(conn: &mut Db, pid: i64, spec: &ProblemSpec) -> DbResult<()> {
    use schema::*;
    let rows: Vec<VenueUnavailabilityRow> = spec
        .venue_unavailabilities
        .iter()
        .map(|r| {
            let (start, end) = range_cols(r.range);
            Ok(VenueUnavailabilityRow {
                id: 0,
                project_id: pid,
                gymnase: r.venue.clone(),
                semaine: i32::from(r.week),
                heure_debut: start,
                heure_fin: end,
                terrains_occupes: r
                    .courts_taken
                    .map(|c| i32::try_from(c).map_err(|_| DbError::Invalid("too many courts".into())))
                    .transpose()?,
            })
        })
        .collect::<DbResult<_>>()?;
    for chunk in rows.chunks(CHUNK) {
        diesel::insert_into(venue_unavailabilities::table).values(chunk).execute(conn)?;
    }
    let rows: Vec<TeamUnavailabilityRow> = spec
        .team_unavailabilities
        .iter()
        .map(|r| {
            let (start, end) = range_cols(r.range);
            TeamUnavailabilityRow {
                id: 0,
                project_id: pid,
                equipe_nom: r.team.name.clone(),
                equipe_genre: gender_str(r.team.gender),
                semaine: i32::from(r.week),
                heure_debut: start,
                heure_fin: end,
            }
        })
        .collect();
    for chunk in rows.chunks(CHUNK) {
        diesel::insert_into(team_unavailabilities::table).values(chunk).execute(conn)?;
    }
    let rows: Vec<InstitutionUnavailabilityRow> = spec
        .institution_unavailabilities
        .iter()
        .map(|r| {
            let (start, end) = range_cols(r.range);
            InstitutionUnavailabilityRow {
                id: 0,
                project_id: pid,
                institution: r.institution.clone(),
                semaine: i32::from(r.week),
                heure_debut: start,
                heure_fin: end,
            }
        })
        .collect();
    for chunk in rows.chunks(CHUNK) {
        diesel::insert_into(institution_unavailabilities::table).values(chunk).execute(conn)?;
    }
    let rows: Vec<EarliestTimeRow> = spec
        .earliest_times
        .iter()
        .map(|r| EarliestTimeRow {
            id: 0,
            project_id: pid,
            equipe_nom: r.team.name.clone(),
            equipe_genre: gender_str(r.team.gender),
            gymnase: r.venue.clone(),
            horaire_min: time_str(r.earliest),
        })
        .collect();
    for chunk in rows.chunks(CHUNK) {
        diesel::insert_into(earliest_times::table).values(chunk).execute(conn)?;
    }
    let rows: Vec<PresenceObligationRow> = spec
        .presence_obligations
        .iter()
        .map(|r| PresenceObligationRow {
            id: 0,
            project_id: pid,
            gymnase: r.venue.clone(),
            institution: r.institution.clone(),
        })
        .collect();
    for chunk in rows.chunks(CHUNK) {
        diesel::insert_into(presence_obligations::table).values(chunk).execute(conn)?;
    }
    let rows: Vec<GroupRow> = spec
        .groups
        .iter()
        .map(|g| Ok(GroupRow { id: 0, project_id: pid, nom: g.name.clone(), membres: to_json(&g.members)? }))
        .collect::<DbResult<_>>()?;
    for chunk in rows.chunks(CHUNK) {
        diesel::insert_into(non_simultaneity_groups::table).values(chunk).execute(conn)?;
    }
    let rows: Vec<EntenteRow> = spec
        .ententes
        .iter()
        .map(|e| EntenteRow {
            id: 0,
            project_id: pid,
            institution_a: e.institution_a.clone(),
            institution_b: e.institution_b.clone(),
            recompense: e.reward,
        })
        .collect();
    for chunk in rows.chunks(CHUNK) {
        diesel::insert_into(ententes::table).values(chunk).execute(conn)?;
    }
    let rows: Vec<TemporalConstraintRow> = spec
        .temporal_constraints
        .iter()
        .map(|t| TemporalConstraintRow {
            id: 0,
            project_id: pid,
            equipe_a_nom: t.team_a.name.clone(),
            equipe_a_genre: gender_str(t.team_a.gender),
            equipe_b_nom: t.team_b.name.clone(),
            equipe_b_genre: gender_str(t.team_b.gender),
            sens: temporal_str(t.kind).to_string(),
            semaine: i32::from(t.week),
        })
        .collect();
    for chunk in rows.chunks(CHUNK) {
        diesel::insert_into(temporal_constraints::table).values(chunk).execute(conn)?;
    }
    Ok(())
}

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

/// The legs of a match row, for messages.
pub(crate) fn describe_row(row: &MatchRow) -> String {
    let side = |n: &str, g: &Option<String>| match g {
        Some(g) => format!("{n} [{g}]"),
        None => n.to_string(),
    };
    format!("{} – {}", side(&row.equipe1_nom, &row.equipe1_genre), side(&row.equipe2_nom, &row.equipe2_genre))
}

/// Whether a leg is a championship one.
pub(crate) fn is_championship(row: &MatchRow) -> bool {
    row.leg.is_some() && !row.match_key.starts_with(OUTSIDE_PREFIX)
}
