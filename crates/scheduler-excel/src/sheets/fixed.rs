//! `Equipes_Hors_Championnat` and `Matchs_Fixes` (V1 format).
//!
//! A fixed match may name a team that is not in `Equipes` (cup or friendly opponents): it becomes an
//! external team (no pool), appended after the championship teams once per (name, gender), owned by
//! the institution `Equipes_Hors_Championnat` declares or the one its name gives (never `EXTERNE`).

use std::collections::HashMap;

use calamine::Data;
use scheduler_core::names::{gender_of_pool, institution_of, split_gender_suffix};
use scheduler_core::{FixedMatchSpec, Gender, TeamKey, TeamSpec};

use super::Context;
use crate::error::{Location, ReadError, WarningKind};
use crate::table::{Row, Sheet};

/// Teams declared outside the championship: (name, gender) → declared institution.
#[derive(Debug, Default)]
pub(crate) struct Declared {
    teams: HashMap<(String, Option<Gender>), Option<String>>,
}

impl Declared {
    /// The declaration of a team: exact gender first, then a declaration without gender.
    fn get(&self, name: &str, gender: Option<Gender>) -> Option<&Option<String>> {
        self.teams.get(&(name.to_string(), gender)).or_else(|| self.teams.get(&(name.to_string(), None)))
    }
}

/// `Equipes_Hors_Championnat`: `Equipe`, `Institution`, `Genre`.
pub(crate) fn read_declared(ctx: &mut Context, sheet: &Sheet) -> Result<Declared, ReadError> {
    let mut declared = Declared::default();
    if !sheet.require_columns(&["Equipe"], &mut ctx.warnings)? {
        return Ok(declared);
    }
    for row in sheet.rows_with("Equipe", &mut ctx.warnings) {
        let raw = row.required_text("Equipe", "a team name")?;
        let (name, suffix) = split_gender_suffix(&raw);
        let gender = suffix.or(Context::gender(&row, "Genre")?);
        if let Some(key) = ctx.find_team(&name, gender, true, &row.at("Equipe"))? {
            if gender.is_some() || key.gender.is_none() {
                ctx.warn(
                    WarningKind::TeamData,
                    row.at("Equipe"),
                    format!("{key} is a championship team (sheet Equipes); this declaration is not needed"),
                );
            }
        }
        declared.teams.insert((name, gender), row.text("Institution"));
    }
    Ok(declared)
}

/// `Matchs_Fixes`: played or imposed matches.
pub(crate) fn read_fixed(ctx: &mut Context, sheet: &Sheet, declared: &Declared) -> Result<(), ReadError> {
    const REQUIRED: &[&str] = &["Equipe_1", "Equipe_2", "Semaine", "Horaire", "Gymnase"];
    if !sheet.require_columns(REQUIRED, &mut ctx.warnings)? {
        return Ok(());
    }
    for row in sheet.rows_with("Equipe_1", &mut ctx.warnings) {
        let pool = row.text("Poule");
        let gender = Context::gender(&row, "Genre")?.or_else(|| pool.as_deref().and_then(gender_of_pool));
        let first = row.required_text("Equipe_1", "a team name")?;
        let second = row.required_text("Equipe_2", "a team name")?;
        let home = team_or_external(ctx, &row, "Equipe_1", &first, gender, declared)?;
        let away = team_or_external(ctx, &row, "Equipe_2", &second, gender, declared)?;
        let week = row.week("Semaine")?;
        let weeks = ctx.calendar().weeks;
        if week > weeks {
            return Err(row.invalid_value("Semaine", &format!("a week of the season (1 to {weeks})")));
        }
        let time = row.required_time("Horaire")?;
        let venue = ctx.venue(&row, "Gymnase")?;
        let score = score(ctx, &row);
        let competition = Some(row.text("Type_Competition").unwrap_or_else(|| "Acad".to_string()));
        let notes = row.text("Remarques");
        if home == away {
            return Err(ReadError::Inconsistent {
                location: row.at("Equipe_2").into(),
                message: format!("{home} cannot play itself"),
            });
        }
        ctx.spec.fixed_matches.push(FixedMatchSpec {
            home,
            away,
            pool,
            week,
            time,
            venue,
            competition,
            score,
            notes,
        });
    }
    Ok(())
}

fn score(ctx: &mut Context, row: &Row<'_>) -> Option<String> {
    let text = row.text("Score")?;
    if matches!(row.cell("Score"), Data::DateTime(_) | Data::DateTimeIso(_)) {
        ctx.warn(
            WarningKind::AdjustedValue,
            row.at("Score"),
            format!(
                "the score is stored as a date ({text}); Excel may have turned a score like 3-1 into a date"
            ),
        );
    }
    Some(text)
}

/// The championship team of that name, else an external team (created on first sight).
fn team_or_external(
    ctx: &mut Context,
    row: &Row<'_>,
    column: &str,
    raw: &str,
    gender: Option<Gender>,
    declared: &Declared,
) -> Result<TeamKey, ReadError> {
    let location = row.at(column);
    if let Some(key) = ctx.find_team(raw, gender, false, &location)? {
        return Ok(key);
    }
    let (name, suffix) = split_gender_suffix(raw);
    let gender = suffix.or(gender);
    let institution = match declared.get(&name, gender) {
        Some(institution) => institution.clone().unwrap_or_else(|| institution_of(&name)),
        None => {
            undeclared(ctx, location, &TeamKey::new(name.clone(), gender));
            institution_of(&name)
        }
    };
    let index = ctx.spec.teams.len();
    ctx.spec.teams.push(TeamSpec {
        name: name.clone(),
        gender,
        institution: Some(institution),
        pool: None,
        preferred_time: None,
        preferred_venues: Vec::new(),
    });
    ctx.index_team(index, false);
    Ok(TeamKey::new(name, gender))
}

fn undeclared(ctx: &mut Context, location: Location, key: &TeamKey) {
    ctx.warn(
        WarningKind::UndeclaredExternalTeam,
        location,
        format!(
            "{key} is neither in Equipes nor in Equipes_Hors_Championnat: added as an external team \
             (no pool); declare it in Equipes_Hors_Championnat if this is intended"
        ),
    );
}
