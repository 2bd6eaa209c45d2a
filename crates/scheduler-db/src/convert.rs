//! Column encodings: genders, times, ranges, legs, pool formats, levels, weekdays, JSON, keys.

use chrono::{NaiveDateTime, Weekday};
use scheduler_core::{
    parse_weekday, FixedMatch, Gender, Leg, Match, PoolKind, Problem, TeamKey, TemporalKind, TimeOfDay,
    TimeRange, VenueLevel,
};
use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::error::{DbError, DbResult};

pub(crate) fn now() -> NaiveDateTime {
    chrono::Utc::now().naive_utc()
}

pub(crate) fn corrupt(table: &'static str, id: i64, message: impl Into<String>) -> DbError {
    DbError::Corrupt { table, id, message: message.into() }
}

pub(crate) fn gender_str(gender: Option<Gender>) -> Option<String> {
    gender.map(|g| g.code().to_string())
}

pub(crate) fn gender_of(text: Option<&str>, table: &'static str, id: i64) -> DbResult<Option<Gender>> {
    match text {
        None => Ok(None),
        Some(t) => Gender::parse(t).map(Some).ok_or_else(|| corrupt(table, id, format!("gender `{t}`"))),
    }
}

pub(crate) fn time_str(time: TimeOfDay) -> String {
    time.to_string()
}

pub(crate) fn time_of(text: &str, table: &'static str, id: i64) -> DbResult<TimeOfDay> {
    text.parse().map_err(|e: scheduler_core::TimeParseError| corrupt(table, id, e.to_string()))
}

pub(crate) fn range_cols(range: TimeRange) -> (Option<String>, Option<String>) {
    match range {
        TimeRange::AllDay => (None, None),
        TimeRange::Between { start, end } => (Some(time_str(start)), Some(time_str(end))),
    }
}

pub(crate) fn range_of(
    start: Option<&str>,
    end: Option<&str>,
    table: &'static str,
    id: i64,
) -> DbResult<TimeRange> {
    match (start, end) {
        (None, None) => Ok(TimeRange::AllDay),
        (Some(s), Some(e)) => {
            Ok(TimeRange::Between { start: time_of(s, table, id)?, end: time_of(e, table, id)? })
        }
        _ => Err(corrupt(table, id, "a time range needs both bounds or none")),
    }
}

pub(crate) fn leg_str(leg: Leg) -> &'static str {
    match leg {
        Leg::Single => "single",
        Leg::First => "first",
        Leg::Return => "return",
    }
}

pub(crate) fn leg_of(text: Option<&str>, id: i64) -> DbResult<Option<Leg>> {
    match text {
        None => Ok(None),
        Some("single") => Ok(Some(Leg::Single)),
        Some("first") => Ok(Some(Leg::First)),
        Some("return") => Ok(Some(Leg::Return)),
        Some(other) => Err(corrupt("matches", id, format!("leg `{other}`"))),
    }
}

pub(crate) fn kind_str(kind: PoolKind) -> &'static str {
    match kind {
        PoolKind::SingleRoundRobin => "classique",
        PoolKind::HomeAndAway => "aller_retour",
    }
}

pub(crate) fn kind_of(text: &str, id: i64) -> DbResult<PoolKind> {
    match text {
        "classique" => Ok(PoolKind::SingleRoundRobin),
        "aller_retour" => Ok(PoolKind::HomeAndAway),
        other => Err(corrupt("pools", id, format!("pool kind `{other}`"))),
    }
}

pub(crate) fn level_str(level: VenueLevel) -> &'static str {
    match level {
        VenueLevel::High => "haut",
        VenueLevel::Low => "bas",
    }
}

pub(crate) fn level_of(text: Option<&str>, id: i64) -> DbResult<Option<VenueLevel>> {
    match text {
        None => Ok(None),
        Some("haut") => Ok(Some(VenueLevel::High)),
        Some("bas") => Ok(Some(VenueLevel::Low)),
        Some(other) => Err(corrupt("venues", id, format!("level `{other}`"))),
    }
}

pub(crate) fn temporal_str(kind: TemporalKind) -> &'static str {
    match kind {
        TemporalKind::Before => "avant",
        TemporalKind::After => "apres",
    }
}

pub(crate) fn temporal_of(text: &str, id: i64) -> DbResult<TemporalKind> {
    match text {
        "avant" => Ok(TemporalKind::Before),
        "apres" => Ok(TemporalKind::After),
        other => Err(corrupt("temporal_constraints", id, format!("direction `{other}`"))),
    }
}

pub(crate) fn weekday_of(text: &str, id: i64) -> DbResult<Weekday> {
    parse_weekday(text).ok_or_else(|| corrupt("projects", id, format!("weekday `{text}`")))
}

pub(crate) fn to_json<T: Serialize + ?Sized>(value: &T) -> DbResult<String> {
    serde_json::to_string(value).map_err(|e| DbError::Invalid(format!("cannot encode as JSON: {e}")))
}

pub(crate) fn from_json<T: DeserializeOwned>(text: &str, table: &'static str, id: i64) -> DbResult<T> {
    serde_json::from_str(text).map_err(|e| corrupt(table, id, format!("JSON: {e}")))
}

/// A `u16` column value (weeks), checked.
pub(crate) fn week_of(value: i32, table: &'static str, id: i64) -> DbResult<u16> {
    u16::try_from(value).map_err(|_| corrupt(table, id, format!("week {value}")))
}

/// The team number of a name: `LYON 1 (2)` → 2.
pub(crate) fn team_number(name: &str) -> Option<i32> {
    let body = name.trim().strip_suffix(')')?;
    let (_, number) = body.rsplit_once('(')?;
    number.trim().parse().ok()
}

/// Scores of a written score `3-1` / `3 - 1` / `3:1`.
pub(crate) fn split_score(score: Option<&str>) -> (Option<i32>, Option<i32>) {
    let Some(text) = score else { return (None, None) };
    let parts: Vec<&str> = text.split(['-', ':', '/']).map(str::trim).collect();
    match parts.as_slice() {
        [a, b] => match (a.parse(), b.parse()) {
            (Ok(a), Ok(b)) => (Some(a), Some(b)),
            _ => (None, None),
        },
        _ => (None, None),
    }
}

fn side(key: &TeamKey) -> String {
    format!("{}|{}", key.name, key.gender.map_or("-", |g| g.code()))
}

/// The stable key of a championship leg, in the generated orientation.
pub(crate) fn leg_key(pool: &str, home: &TeamKey, away: &TeamKey, leg: Leg) -> String {
    format!("{pool}|{}|{}|{}", side(home), side(away), leg_str(leg))
}

/// The key of a match to plan.
pub(crate) fn planned_key(problem: &Problem, m: &Match) -> String {
    let home = problem.team(m.home);
    let away = problem.team(m.away);
    leg_key(
        &problem.pools[m.pool.index()].code,
        &TeamKey::new(home.name.clone(), home.gender),
        &TeamKey::new(away.name.clone(), away.gender),
        m.leg,
    )
}

/// The key of the generated leg a fixed match replaces, if it replaces one.
pub(crate) fn replaced_key(problem: &Problem, f: &FixedMatch) -> Option<String> {
    let leg = f.replaces?;
    let pool = &problem.pools[f.pool?.index()];
    let pos = |t| pool.teams.iter().position(|x| *x == t);
    let (first, second) = if pos(f.home)? < pos(f.away)? { (f.home, f.away) } else { (f.away, f.home) };
    let (home, away) = if leg == Leg::Return { (second, first) } else { (first, second) };
    let key = |t| {
        let team = problem.team(t);
        TeamKey::new(team.name.clone(), team.gender)
    };
    Some(leg_key(&pool.code, &key(home), &key(away), leg))
}

/// Prefix of the keys of matches outside the championship.
pub(crate) const OUTSIDE_PREFIX: &str = "hors|";
