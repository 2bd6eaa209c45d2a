//! `Gymnases`, `Niveaux_Gymnases`, `Indispos_Gymnases`, `Obligation_Presence`.

use std::collections::HashMap;

use scheduler_core::{PresenceObligation, VenueLevel, VenueSpec, VenueUnavailability};

use super::Context;
use crate::error::{ReadError, WarningKind};
use crate::table::Sheet;

/// `Gymnases`: name, courts (`Capacite`, empty → 1), weekly times (`Creneaux`).
pub(crate) fn read_venues(ctx: &mut Context, sheet: &Sheet) -> Result<(), ReadError> {
    if !sheet.require_columns(&["Gymnase"], &mut ctx.warnings)? {
        return Ok(());
    }
    for row in sheet.rows_with("Gymnase", &mut ctx.warnings) {
        let name = row.required_text("Gymnase", "a venue name")?;
        let courts = match row.whole("Capacite")? {
            None => {
                ctx.warn(WarningKind::AdjustedValue, row.at("Capacite"), "empty capacity: 1 court assumed");
                1
            }
            Some(value) => u32::try_from(value)
                .ok()
                .filter(|c| *c >= 1)
                .ok_or_else(|| row.invalid_value("Capacite", "a number of courts (1 or more)"))?,
        };
        let times = row.times("Creneaux")?;
        if let Some(first_row) = ctx.add_venue(&name, row.number()) {
            return Err(ReadError::Duplicate {
                location: row.at("Gymnase").into(),
                what: "venue",
                name,
                first_row,
            });
        }
        ctx.spec.venues.push(VenueSpec { name, courts, times, level: None });
    }
    Ok(())
}

/// `Niveaux_Gymnases`: `Haut niveau` / `Bas niveau` per venue.
pub(crate) fn read_levels(ctx: &mut Context, sheet: &Sheet) -> Result<(), ReadError> {
    if !sheet.require_columns(&["Gymnase", "Niveau"], &mut ctx.warnings)? {
        return Ok(());
    }
    for row in sheet.rows_with("Gymnase", &mut ctx.warnings) {
        let venue = ctx.venue(&row, "Gymnase")?;
        let text = row.text("Niveau").unwrap_or_default();
        let level = match text.to_lowercase().split_whitespace().next() {
            Some("haut") => VenueLevel::High,
            Some("bas") => VenueLevel::Low,
            _ => {
                ctx.warn(
                    WarningKind::IgnoredRow,
                    row.at("Niveau"),
                    format!("row ignored: {text:?} is neither \"Haut niveau\" nor \"Bas niveau\""),
                );
                continue;
            }
        };
        if let Some(spec) = ctx.spec.venues.iter_mut().find(|v| v.name == venue) {
            spec.level = Some(level);
        }
    }
    Ok(())
}

/// `Indispos_Gymnases`: closed or partly occupied venue times.
pub(crate) fn read_unavailability(ctx: &mut Context, sheet: &Sheet) -> Result<(), ReadError> {
    if !sheet.require_columns(&["Gymnase", "Semaine"], &mut ctx.warnings)? {
        return Ok(());
    }
    for row in sheet.rows_with("Gymnase", &mut ctx.warnings) {
        let venue = ctx.venue(&row, "Gymnase")?;
        let range = ctx.time_range(&row)?;
        let courts_taken = match row.whole("Capacite_Occupee")? {
            None => None,
            Some(value) => Some(
                u32::try_from(value)
                    .map_err(|_| row.invalid_value("Capacite_Occupee", "a number of courts (0 or more)"))?,
            ),
        };
        let Some(week) = ctx.season_week(&row, "Semaine")? else { continue };
        ctx.spec.venue_unavailabilities.push(VenueUnavailability { venue, week, range, courts_taken });
    }
    Ok(())
}

/// `Obligation_Presence`: every match in the venue must involve a team of the institution.
pub(crate) fn read_obligations(ctx: &mut Context, sheet: &Sheet) -> Result<(), ReadError> {
    const INSTITUTION: &str = "Institution_Obligatoire";
    if !sheet.require_columns(&["Gymnase", INSTITUTION], &mut ctx.warnings)? {
        return Ok(());
    }
    let mut by_venue: HashMap<String, usize> = HashMap::new();
    for row in sheet.rows_with("Gymnase", &mut ctx.warnings) {
        let venue = ctx.venue(&row, "Gymnase")?;
        let Some(institution) = row.text(INSTITUTION) else {
            ctx.warn(WarningKind::IgnoredRow, row.at(INSTITUTION), "row ignored: no institution given");
            continue;
        };
        // An unknown institution keeps PyCalendar's meaning (nobody may play there), with a warning.
        ctx.institution(&institution, row.at(INSTITUTION), "no match can be played in this venue");
        let obligation = PresenceObligation { venue: venue.clone(), institution };
        match by_venue.get(&venue) {
            Some(index) => {
                ctx.warn(
                    WarningKind::DuplicateRow,
                    row.location(),
                    format!("venue {venue:?} already has an obligation; this later row wins"),
                );
                ctx.spec.presence_obligations[*index] = obligation;
            }
            None => {
                by_venue.insert(venue, ctx.spec.presence_obligations.len());
                ctx.spec.presence_obligations.push(obligation);
            }
        }
    }
    Ok(())
}
