//! Shared row conversion: project, match and slot columns read back, and the rows to insert for
//! projects, teams, venues and generated matches.

use std::collections::BTreeSet;

use scheduler_core::{Calendar, MatchId, Problem, SeasonDates, Settings, TeamSpec, VenueSpec};

use crate::convert::*;
use crate::error::{DbError, DbResult};
use crate::models::*;
use crate::types::*;

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
        jour_match: calendar.dates.map(|d| scheduler_core::french_weekday(d.match_day).to_string()),
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

pub(crate) fn position(index: usize) -> DbResult<i32> {
    i32::try_from(index).map_err(|_| DbError::Invalid("too many rows".into()))
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
