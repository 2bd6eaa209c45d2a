//! `Indispos_Equipes`, `Indispos_Institutions`, `Dispos_Gymnases_Equipes`.

use scheduler_core::{EarliestTime, InstitutionUnavailability, TeamUnavailability};

use super::Context;
use crate::error::{ReadError, WarningKind};
use crate::table::Sheet;

/// `Indispos_Equipes`: `NAME (n)` applies to every gender, `NAME (n) [F]` to one.
pub(crate) fn read_team_unavailability(ctx: &mut Context, sheet: &Sheet) -> Result<(), ReadError> {
    if !sheet.require_columns(&["Equipe", "Semaine"], &mut ctx.warnings)? {
        return Ok(());
    }
    for row in sheet.rows_with("Equipe", &mut ctx.warnings) {
        let raw = row.required_text("Equipe", "a team name")?;
        let team = ctx.team(&raw, None, true, &row.at("Equipe"))?;
        let range = ctx.time_range(&row)?;
        let Some(week) = ctx.season_week(&row, "Semaine")? else { continue };
        ctx.spec.team_unavailabilities.push(TeamUnavailability { team, week, range });
    }
    Ok(())
}

/// `Indispos_Institutions`: every team of the institution.
pub(crate) fn read_institution_unavailability(ctx: &mut Context, sheet: &Sheet) -> Result<(), ReadError> {
    if !sheet.require_columns(&["Institution", "Semaine"], &mut ctx.warnings)? {
        return Ok(());
    }
    for row in sheet.rows_with("Institution", &mut ctx.warnings) {
        let name = row.required_text("Institution", "an institution")?;
        let range = ctx.time_range(&row)?;
        let Some(week) = ctx.season_week(&row, "Semaine")? else { continue };
        let purpose = "this unavailability applies to no team";
        let Some(institution) = ctx.institution(&name, row.at("Institution"), purpose) else { continue };
        ctx.spec.institution_unavailabilities.push(InstitutionUnavailability { institution, week, range });
    }
    Ok(())
}

/// `Dispos_Gymnases_Equipes`: on each listed venue (`Gymnase_1`…), the team starts at
/// `Horaire_Dispo` or later.
pub(crate) fn read_earliest_times(ctx: &mut Context, sheet: &Sheet) -> Result<(), ReadError> {
    if !sheet.require_columns(&["Equipe", "Horaire_Dispo"], &mut ctx.warnings)? {
        return Ok(());
    }
    let columns = sheet.numbered_columns("Gymnase_");
    for row in sheet.rows_with("Equipe", &mut ctx.warnings) {
        let raw = row.required_text("Equipe", "a team name")?;
        let gender = Context::gender(&row, "Genre")?;
        let team = ctx.team(&raw, gender, false, &row.at("Equipe"))?;
        let earliest = row.required_time("Horaire_Dispo")?;
        let mut any = false;
        for (_, column) in &columns {
            let Some(name) = row.text(column) else { continue };
            let venue = ctx.known_venue(&row, column, &name)?;
            ctx.spec.earliest_times.push(EarliestTime { team: team.clone(), venue, earliest });
            any = true;
        }
        if !any {
            ctx.warn(WarningKind::IgnoredRow, row.location(), "row ignored: no venue given (Gymnase_1…)");
        }
    }
    Ok(())
}
