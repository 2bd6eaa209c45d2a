//! `Equipes` (with the legacy `Lieu_*` and `Indispo_*` columns), `Preferences_Gymnases`,
//! `Types_Poules`.

use std::collections::HashMap;

use scheduler_core::names::{gender_of_pool, split_gender_suffix};
use scheduler_core::{PoolKind, PoolSpec, TeamKey, TeamSpec, TeamUnavailability, TimeRange};

use super::Context;
use crate::error::{ReadError, WarningKind};
use crate::table::{Row, Sheet};

/// `Equipes`: one team per row, in sheet order. Gender: name suffix > `Genre` > pool code.
pub(crate) fn read_teams(ctx: &mut Context, sheet: &Sheet) -> Result<(), ReadError> {
    sheet.require_columns(&["Equipe"], &mut ctx.warnings)?;
    let mut rows_of_team: HashMap<usize, u32> = HashMap::new();
    let lieu_columns = sheet.numbered_columns("Lieu_");
    let indispo_columns = sheet.numbered_columns("Indispo_");
    for row in sheet.rows_with("Equipe", &mut ctx.warnings) {
        let raw = row.required_text("Equipe", "a team name")?;
        let (name, suffix) = split_gender_suffix(&raw);
        let pool = row.text("Poule");
        let column_gender = Context::gender(&row, "Genre")?;
        let pool_gender = pool.as_deref().and_then(gender_of_pool);
        let gender = suffix.or(column_gender).or(pool_gender);
        if let (Some(g), Some(p)) = (gender, pool_gender) {
            if g != p {
                ctx.warn(
                    WarningKind::TeamData,
                    row.location(),
                    format!(
                        "team {name:?} is {} but its pool {} is {}",
                        g.code(),
                        pool.as_deref().unwrap_or_default(),
                        p.code()
                    ),
                );
            }
        }
        if pool.is_none() {
            ctx.warn(
                WarningKind::TeamData,
                row.at("Poule"),
                format!("team {name:?} has no pool: it plays no championship match"),
            );
        }
        let preferred_time = row.time("Horaire_Prefere")?;
        let preferred_venues = legacy_venues(ctx, &row, &lieu_columns)?;
        let index = ctx.spec.teams.len();
        ctx.spec.teams.push(TeamSpec {
            name: name.clone(),
            gender,
            institution: None,
            pool,
            preferred_time,
            preferred_venues,
        });
        if let Some(existing) = ctx.index_team(index, true) {
            let first_row = rows_of_team.get(&existing).copied().unwrap_or_default();
            return Err(ReadError::Duplicate {
                location: row.at("Equipe").into(),
                what: "team",
                name: TeamKey::new(name, gender).to_string(),
                first_row,
            });
        }
        rows_of_team.insert(index, row.number());
        for (_, column) in &indispo_columns {
            if row.text(column).is_none() {
                continue;
            }
            let Some(week) = ctx.season_week(&row, column)? else { continue };
            ctx.spec.team_unavailabilities.push(TeamUnavailability {
                team: TeamKey::new(name.clone(), gender),
                week,
                range: TimeRange::AllDay,
            });
        }
    }
    Ok(())
}

/// Team-level venue preferences: `Lieu_Prefere` (comma list), else `Lieu_1`…`Lieu_9` (holes kept).
fn legacy_venues(
    ctx: &mut Context,
    row: &Row<'_>,
    lieu_columns: &[(u32, String)],
) -> Result<Vec<Option<String>>, ReadError> {
    let mut venues = Vec::new();
    for name in row.list("Lieu_Prefere") {
        venues.push(Some(ctx.known_venue(row, "Lieu_Prefere", &name)?));
    }
    if venues.is_empty() {
        for (_, column) in lieu_columns {
            venues.push(match row.text(column) {
                Some(name) => Some(ctx.known_venue(row, column, &name)?),
                None => None,
            });
        }
        while venues.last() == Some(&None) {
            venues.pop();
        }
    }
    Ok(venues)
}

/// `Preferences_Gymnases`: per institution, venues by rank (`Gymnase_Pref_N` sorted by N, holes
/// kept). A row replaces the team-level preferences of every team of the institution.
pub(crate) fn read_preferences(ctx: &mut Context, sheet: &Sheet) -> Result<(), ReadError> {
    if !sheet.require_columns(&["Institution"], &mut ctx.warnings)? {
        return Ok(());
    }
    let columns = sheet.numbered_columns("Gymnase_Pref_");
    let mut seen: HashMap<String, u32> = HashMap::new();
    for row in sheet.rows_with("Institution", &mut ctx.warnings) {
        let name = row.required_text("Institution", "an institution")?;
        let mut venues = Vec::with_capacity(columns.len());
        for (_, column) in &columns {
            venues.push(match row.text(column) {
                Some(venue) => Some(ctx.known_venue(&row, column, &venue)?),
                None => None,
            });
        }
        while venues.last() == Some(&None) {
            venues.pop();
        }
        if venues.is_empty() {
            ctx.warn(WarningKind::IgnoredRow, row.location(), "row ignored: no venue given");
            continue;
        }
        let purpose = "these preferences apply to no team";
        let Some(institution) = ctx.institution(&name, row.at("Institution"), purpose) else { continue };
        if let Some(first) = seen.insert(institution.clone(), row.number()) {
            ctx.warn(
                WarningKind::DuplicateRow,
                row.location(),
                format!(
                    "institution {institution:?} already has preferences at row {first}; this later row wins"
                ),
            );
        }
        for index in ctx.institution_teams(&institution).to_vec() {
            ctx.spec.teams[index].preferred_venues = venues.clone();
        }
    }
    Ok(())
}

/// `Types_Poules`: `Aller-Retour` (home and away) or `Classique` per pool.
pub(crate) fn read_pool_kinds(ctx: &mut Context, sheet: &Sheet) -> Result<(), ReadError> {
    if !sheet.require_columns(&["Poule", "Type"], &mut ctx.warnings)? {
        return Ok(());
    }
    let known: Vec<String> = {
        let mut pools: Vec<String> = ctx.spec.teams.iter().filter_map(|t| t.pool.clone()).collect();
        pools.sort();
        pools.dedup();
        pools
    };
    let mut index: HashMap<String, usize> = HashMap::new();
    for row in sheet.rows_with("Poule", &mut ctx.warnings) {
        let code = row.required_text("Poule", "a pool code")?;
        let text = row.text("Type").unwrap_or_default();
        let kind = PoolKind::parse(&text);
        let classic = ["classique", "classic", "simple", ""].contains(&text.to_lowercase().as_str());
        if kind == PoolKind::SingleRoundRobin && !classic {
            ctx.warn(
                WarningKind::AdjustedValue,
                row.at("Type"),
                format!("{text:?} is neither Classique nor Aller-Retour: single round robin assumed"),
            );
        }
        if known.binary_search(&code).is_err() {
            let suggestions = crate::suggest::closest(&code, known.iter().map(String::as_str));
            ctx.warn(
                WarningKind::IgnoredRow,
                row.at("Poule"),
                format!(
                    "row ignored: no team is in pool {code:?}{}",
                    crate::error::Suggestions(&suggestions)
                ),
            );
            continue;
        }
        match index.get(&code) {
            Some(i) => {
                ctx.warn(
                    WarningKind::DuplicateRow,
                    row.location(),
                    format!("pool {code} is listed again; this later row wins"),
                );
                ctx.spec.pools[*i].kind = kind;
            }
            None => {
                index.insert(code.clone(), ctx.spec.pools.len());
                ctx.spec.pools.push(PoolSpec { code, kind });
            }
        }
    }
    Ok(())
}
