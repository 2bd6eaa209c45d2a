//! Spec → rows: a whole season stored, then read back as the same `Problem`.

use diesel::prelude::*;
use scheduler_core::{Problem, ProblemSpec};

use super::build::build;
use super::rows::{new_planned_row, new_team_row, new_venue_row, position, project_values};
use super::{Db, CHUNK};
use crate::convert::*;
use crate::error::{DbError, DbResult};
use crate::models::*;
use crate::schema;
use crate::types::*;

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
