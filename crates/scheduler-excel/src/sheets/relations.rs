//! `Groupes_Non_Simultaneite`, `Ententes`, `Contraintes_Temporelles`.

use std::collections::HashMap;

use scheduler_core::{Entente, NonSimultaneityGroup, TemporalConstraint, TemporalKind};

use super::Context;
use crate::cells::format_number;
use crate::error::{ReadError, Suggestions, WarningKind};
use crate::suggest;
use crate::table::Sheet;

/// `Groupes_Non_Simultaneite`: institutions or teams that should not play at the same time;
/// rows with the same name are merged, an empty name becomes `Groupe_<k>`.
pub(crate) fn read_groups(ctx: &mut Context, sheet: &Sheet) -> Result<(), ReadError> {
    if !sheet.require_columns(&["Entites"], &mut ctx.warnings)? {
        return Ok(());
    }
    let mut index: HashMap<String, usize> = HashMap::new();
    for row in sheet.rows_with("Entites", &mut ctx.warnings) {
        let name = row.text("Nom_Groupe").unwrap_or_else(|| format!("Groupe_{}", ctx.spec.groups.len() + 1));
        let mut members = Vec::new();
        for member in row.list("Entites") {
            let is_institution = !ctx.institution_teams(&member).is_empty();
            let is_team = ctx.find_team(&member, None, true, &row.at("Entites"))?.is_some();
            if is_institution || is_team {
                members.push(member);
                continue;
            }
            let mut known: Vec<String> = ctx.spec.teams.iter().map(|t| t.name.clone()).collect();
            known.extend(ctx.spec.teams.iter().map(|t| scheduler_core::names::institution_of(&t.name)));
            known.sort();
            known.dedup();
            let suggestions = suggest::closest(&member, known.iter().map(String::as_str));
            ctx.warn(
                WarningKind::UnknownInstitution,
                row.at("Entites"),
                format!(
                    "{member:?} is neither an institution nor a team{}; left out of group {name:?}",
                    Suggestions(&suggestions)
                ),
            );
        }
        match index.get(&name) {
            Some(i) => {
                let group = &mut ctx.spec.groups[*i];
                for member in members {
                    if !group.members.contains(&member) {
                        group.members.push(member);
                    }
                }
            }
            None => {
                index.insert(name.clone(), ctx.spec.groups.len());
                ctx.spec.groups.push(NonSimultaneityGroup { name, members });
            }
        }
    }
    Ok(())
}

/// `Ententes`: institution pairs whose matches are optional; `Penalite_Non_Planif` (≥ 0) is their
/// own reward, else the configured one.
pub(crate) fn read_ententes(ctx: &mut Context, sheet: &Sheet) -> Result<(), ReadError> {
    const PENALTY: &str = "Penalite_Non_Planif";
    if !sheet.require_columns(&["Institution_1", "Institution_2"], &mut ctx.warnings)? {
        return Ok(());
    }
    for row in sheet.rows_with("Institution_1", &mut ctx.warnings) {
        let first = row.required_text("Institution_1", "an institution")?;
        let Some(second) = row.text("Institution_2") else {
            ctx.warn(
                WarningKind::IgnoredRow,
                row.at("Institution_2"),
                "row ignored: second institution missing",
            );
            continue;
        };
        let reward = match row.decimal(PENALTY) {
            Ok(Some(value)) if value >= 0.0 => {
                let whole = value.trunc();
                if whole != value {
                    ctx.warn(
                        WarningKind::AdjustedValue,
                        row.at(PENALTY),
                        format!(
                            "{} is not a whole number; {} is used",
                            format_number(value),
                            format_number(whole)
                        ),
                    );
                }
                Some(whole.min(9e15) as i64)
            }
            Ok(None) => None,
            Ok(Some(_)) | Err(_) => {
                ctx.warn(
                    WarningKind::AdjustedValue,
                    row.at(PENALTY),
                    format!(
                        "{:?} is not a number ≥ 0; the configured entente_penalite_non_planif is used",
                        crate::cells::display(row.cell(PENALTY))
                    ),
                );
                None
            }
        };
        let purpose = "this entente has no effect";
        let a = ctx.institution(&first, row.at("Institution_1"), purpose);
        let b = ctx.institution(&second, row.at("Institution_2"), purpose);
        let (Some(institution_a), Some(institution_b)) = (a, b) else { continue };
        ctx.spec.ententes.push(Entente { institution_a, institution_b, reward });
    }
    Ok(())
}

/// `Contraintes_Temporelles` (V1 columns): matches between two teams before/after a week.
pub(crate) fn read_temporal(ctx: &mut Context, sheet: &Sheet) -> Result<(), ReadError> {
    if !sheet.require_columns(&["Equipe_1", "Equipe_2", "Type_Contrainte", "Semaine"], &mut ctx.warnings)? {
        return Ok(());
    }
    let mut index: HashMap<(String, String), usize> = HashMap::new();
    for row in sheet.rows_with("Equipe_1", &mut ctx.warnings) {
        let gender = Context::gender(&row, "Genre")?;
        let first = row.required_text("Equipe_1", "a team name")?;
        let second = row.required_text("Equipe_2", "a team name")?;
        let team_a = ctx.team(&first, gender, false, &row.at("Equipe_1"))?;
        let team_b = ctx.team(&second, gender, false, &row.at("Equipe_2"))?;
        let kind_text = row.required_text("Type_Contrainte", "Avant or Apres")?;
        let kind = match kind_text.to_lowercase().as_str() {
            "avant" | "before" => TemporalKind::Before,
            "apres" | "après" | "after" => TemporalKind::After,
            _ => return Err(row.invalid_value("Type_Contrainte", "Avant or Apres")),
        };
        let week = row.week("Semaine")?;
        let weeks = ctx.calendar().weeks;
        if week > weeks {
            return Err(row.invalid_value("Semaine", &format!("a week of the season (1 to {weeks})")));
        }
        if let Some(times) = row.text("Horaires_Possibles") {
            ctx.warn(
                WarningKind::Unused,
                row.at("Horaires_Possibles"),
                format!(
                    "{times:?} is not used: only the week limit applies (PyCalendar never used it either)"
                ),
            );
        }
        let key = {
            let (a, b) = (team_a.to_string(), team_b.to_string());
            if a <= b {
                (a, b)
            } else {
                (b, a)
            }
        };
        let constraint = TemporalConstraint { team_a, team_b, kind, week };
        match index.get(&key) {
            Some(i) => {
                ctx.warn(
                    WarningKind::DuplicateRow,
                    row.location(),
                    format!("{} – {} already has a temporal constraint; this later row wins", key.0, key.1),
                );
                ctx.spec.temporal_constraints[*i] = constraint;
            }
            None => {
                index.insert(key, ctx.spec.temporal_constraints.len());
                ctx.spec.temporal_constraints.push(constraint);
            }
        }
    }
    Ok(())
}
