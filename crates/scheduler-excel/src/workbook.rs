//! Reading every sheet of a workbook, in dependency order, into a [`ProblemSpec`].

use scheduler_core::ProblemSpec;

use crate::config::ProjectConfig;
use crate::error::{Location, ReadError, ReadWarning, WarningKind};
use crate::sheets::{availability, fixed, relations, teams, venues, Context};
use crate::table::Workbook;

/// Sheet names (spec §3.4).
pub mod sheet_names {
    /// Teams (required).
    pub const TEAMS: &str = "Equipes";
    /// Venues (required).
    pub const VENUES: &str = "Gymnases";
    /// Venue unavailability.
    pub const VENUE_UNAVAILABILITY: &str = "Indispos_Gymnases";
    /// Team unavailability.
    pub const TEAM_UNAVAILABILITY: &str = "Indispos_Equipes";
    /// Institution unavailability.
    pub const INSTITUTION_UNAVAILABILITY: &str = "Indispos_Institutions";
    /// Venue preferences by institution.
    pub const PREFERENCES: &str = "Preferences_Gymnases";
    /// Earliest start per team and venue.
    pub const EARLIEST_TIMES: &str = "Dispos_Gymnases_Equipes";
    /// Presence obligations.
    pub const OBLIGATIONS: &str = "Obligation_Presence";
    /// Non-simultaneity groups.
    pub const GROUPS: &str = "Groupes_Non_Simultaneite";
    /// Ententes.
    pub const ENTENTES: &str = "Ententes";
    /// Temporal constraints.
    pub const TEMPORAL: &str = "Contraintes_Temporelles";
    /// Pool formats.
    pub const POOL_KINDS: &str = "Types_Poules";
    /// Venue levels.
    pub const VENUE_LEVELS: &str = "Niveaux_Gymnases";
    /// Fixed matches.
    pub const FIXED_MATCHES: &str = "Matchs_Fixes";
    /// Teams outside the championship.
    pub const EXTERNAL_TEAMS: &str = "Equipes_Hors_Championnat";
    /// Loaded by PyCalendar but never used; reported when it holds data.
    pub const SPECIFIC_CONSTRAINTS: &str = "Contraintes_Specifiques";
}

use sheet_names as s;

/// Reads every sheet; settings and calendar come from `config`.
pub(crate) fn read(
    bytes: &[u8],
    file: &str,
    config: &ProjectConfig,
) -> Result<(ProblemSpec, Vec<ReadWarning>), ReadError> {
    let mut book = Workbook::open(bytes, file)?;
    let spec = ProblemSpec {
        settings: config.settings.clone(),
        calendar: config.calendar.clone(),
        ..ProblemSpec::default()
    };
    let mut ctx = Context::new(spec);

    let sheet = book.required_sheet(s::VENUES)?;
    venues::read_venues(&mut ctx, &sheet)?;
    let sheet = book.required_sheet(s::TEAMS)?;
    teams::read_teams(&mut ctx, &sheet)?;
    for names in ctx.similar_institutions() {
        let message = format!(
            "institutions {} differ only by spaces or punctuation; they are kept apart (rows naming one do \
             not apply to the other)",
            names.iter().map(|n| format!("{n:?}")).collect::<Vec<_>>().join(" and ")
        );
        ctx.warn(WarningKind::SimilarInstitution, Location::sheet(book.file(), s::TEAMS), message);
    }

    type Reader = fn(&mut Context, &crate::table::Sheet) -> Result<(), ReadError>;
    let optional: [(&str, Reader); 11] = [
        (s::VENUE_LEVELS, venues::read_levels),
        (s::POOL_KINDS, teams::read_pool_kinds),
        (s::PREFERENCES, teams::read_preferences),
        (s::VENUE_UNAVAILABILITY, venues::read_unavailability),
        (s::TEAM_UNAVAILABILITY, availability::read_team_unavailability),
        (s::INSTITUTION_UNAVAILABILITY, availability::read_institution_unavailability),
        (s::EARLIEST_TIMES, availability::read_earliest_times),
        (s::OBLIGATIONS, venues::read_obligations),
        (s::GROUPS, relations::read_groups),
        (s::ENTENTES, relations::read_ententes),
        (s::TEMPORAL, relations::read_temporal),
    ];
    for (name, reader) in optional {
        if let Some(sheet) = book.optional_sheet(name, &mut ctx.warnings)? {
            reader(&mut ctx, &sheet)?;
        }
    }

    if config.read_fixed_matches {
        let declared = match book.optional_sheet(s::EXTERNAL_TEAMS, &mut ctx.warnings)? {
            Some(sheet) => fixed::read_declared(&mut ctx, &sheet)?,
            None => fixed::Declared::default(),
        };
        if let Some(sheet) = book.optional_sheet(s::FIXED_MATCHES, &mut ctx.warnings)? {
            fixed::read_fixed(&mut ctx, &sheet, &declared)?;
        }
    } else if book.sheet(s::FIXED_MATCHES)?.is_some_and(|sheet| sheet.has_data()) {
        ctx.warn(
            WarningKind::Unused,
            Location::sheet(book.file(), s::FIXED_MATCHES),
            "not read: planification.respecter_matchs_fixes is false",
        );
    }
    if book.sheet(s::SPECIFIC_CONSTRAINTS)?.is_some_and(|sheet| sheet.has_data()) {
        ctx.warn(
            WarningKind::Unused,
            Location::sheet(book.file(), s::SPECIFIC_CONSTRAINTS),
            "not read: PyCalendar loaded this sheet but no rule ever used it",
        );
    }
    Ok((ctx.spec, ctx.warnings))
}
