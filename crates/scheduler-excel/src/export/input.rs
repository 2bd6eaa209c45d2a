//! An input workbook in PyCalendar's layout (spec §3.4) from a [`ProblemSpec`]: what the reader
//! reads back into the same spec.
//!
//! Settings and the calendar belong to the project YAML ([`super::write_project_yaml`]).
//! Institution venue preferences go to `Preferences_Gymnases` when every team of the institution
//! shares them, else to the team's `Lieu_1`… columns. A championship team's explicit
//! `institution` is not written: the workbook derives it from the team name.

use std::collections::BTreeMap;
use std::path::Path;

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Workbook};
use scheduler_core::names::institution_of;
use scheduler_core::{
    Gender, PoolKind, ProblemSpec, TeamKey, TemporalKind, TimeOfDay, TimeRange, VenueLevel,
};

use super::writer::{Cell, Styles, Table};
use super::{save, ExportError};
use crate::sheet_names as s;

fn range_cells(range: TimeRange) -> [Cell; 2] {
    match range {
        TimeRange::AllDay => [Cell::Empty, Cell::Empty],
        TimeRange::Between { start, end } => [Cell::text(start.to_string()), Cell::text(end.to_string())],
    }
}

fn time_cell(time: Option<TimeOfDay>) -> Cell {
    Cell::opt(time.map(|t| t.to_string()))
}

fn gender_cell(gender: Option<Gender>) -> Cell {
    Cell::opt(gender.map(Gender::code))
}

/// Two team keys as written in a row with one `Genre` column: the shared gender, or no gender and
/// `[G]` suffixes on the names.
fn pair_cells(a: &TeamKey, b: &TeamKey) -> [Cell; 3] {
    if a.gender == b.gender {
        [Cell::text(a.name.clone()), Cell::text(b.name.clone()), gender_cell(a.gender)]
    } else {
        [Cell::text(a.to_string()), Cell::text(b.to_string()), Cell::Empty]
    }
}

fn venue_cells(venues: &[Option<String>], width: usize) -> Vec<Cell> {
    (0..width).map(|i| Cell::opt(venues.get(i).cloned().flatten())).collect()
}

/// Writes the input workbook of `spec` and returns its bytes (the same spec gives the same bytes).
pub fn write_input_workbook(spec: &ProblemSpec) -> Result<Vec<u8>, ExportError> {
    let styles = Styles::new();
    let mut workbook = Workbook::new();
    let created = ExcelDateTime::from_ymd(2025, 1, 1)?;
    workbook.set_properties(&DocProperties::new().set_creation_datetime(&created).set_title("Season data"));

    // Venue preferences: by institution when all its teams share the same list.
    let mut by_institution: BTreeMap<String, Vec<&Vec<Option<String>>>> = BTreeMap::new();
    for team in spec.teams.iter().filter(|t| t.pool.is_some()) {
        let institution = team.institution.clone().unwrap_or_else(|| institution_of(&team.name));
        by_institution.entry(institution).or_default().push(&team.preferred_venues);
    }
    let shared: BTreeMap<&str, &Vec<Option<String>>> = by_institution
        .iter()
        .filter(|(_, lists)| !lists[0].iter().all(Option::is_none) && lists.iter().all(|l| *l == lists[0]))
        .map(|(name, lists)| (name.as_str(), lists[0]))
        .collect();
    let own_preferences = |team: &scheduler_core::TeamSpec| {
        let institution = team.institution.clone().unwrap_or_else(|| institution_of(&team.name));
        !shared.contains_key(institution.as_str())
    };

    // Equipes.
    let lieux = spec
        .teams
        .iter()
        .filter(|t| t.pool.is_some() && own_preferences(t))
        .map(|t| t.preferred_venues.len())
        .max()
        .unwrap_or(0);
    let lieu_headers: Vec<String> = (1..=lieux).map(|i| format!("Lieu_{i}")).collect();
    let mut headers = vec!["Equipe", "Poule", "Genre", "Horaire_Prefere"];
    headers.extend(lieu_headers.iter().map(String::as_str));
    let mut table = Table::new(&mut workbook, &styles, s::TEAMS, &headers)?;
    for team in spec.teams.iter().filter(|t| t.pool.is_some()) {
        let mut cells = vec![
            Cell::text(team.name.clone()),
            Cell::opt(team.pool.clone()),
            gender_cell(team.gender),
            time_cell(team.preferred_time),
        ];
        if own_preferences(team) {
            cells.extend(venue_cells(&team.preferred_venues, lieux));
        }
        table.row(&cells, false)?;
    }
    table.finish()?;

    // Gymnases, Niveaux_Gymnases.
    let mut table =
        Table::new(&mut workbook, &styles, s::VENUES, &["Gymnase", "Adresse", "Capacite", "Creneaux"])?;
    for venue in &spec.venues {
        let times: Vec<String> = venue.times.iter().map(ToString::to_string).collect();
        table.row(
            &[
                Cell::text(venue.name.clone()),
                Cell::Empty,
                Cell::Int(i64::from(venue.courts)),
                Cell::text(times.join(", ")),
            ],
            false,
        )?;
    }
    table.finish()?;
    let mut table = Table::new(&mut workbook, &styles, s::VENUE_LEVELS, &["Gymnase", "Niveau", "Remarque"])?;
    for venue in &spec.venues {
        let Some(level) = venue.level else { continue };
        let text = match level {
            VenueLevel::High => "Haut niveau",
            VenueLevel::Low => "Bas niveau",
        };
        table.row(&[Cell::text(venue.name.clone()), Cell::text(text)], false)?;
    }
    table.finish()?;

    // Types_Poules.
    let mut table = Table::new(&mut workbook, &styles, s::POOL_KINDS, &["Poule", "Type", "Remarques"])?;
    for pool in &spec.pools {
        let kind = match pool.kind {
            PoolKind::SingleRoundRobin => "Classique",
            PoolKind::HomeAndAway => "Aller-Retour",
        };
        table.row(&[Cell::text(pool.code.clone()), Cell::text(kind)], false)?;
    }
    table.finish()?;

    // Preferences_Gymnases.
    let width = shared.values().map(|l| l.len()).max().unwrap_or(0).max(3);
    let pref_headers: Vec<String> = (1..=width).map(|i| format!("Gymnase_Pref_{i}")).collect();
    let mut headers = vec!["Institution"];
    headers.extend(pref_headers.iter().map(String::as_str));
    let mut table = Table::new(&mut workbook, &styles, s::PREFERENCES, &headers)?;
    for (institution, venues) in &shared {
        let mut cells = vec![Cell::text(*institution)];
        cells.extend(venue_cells(venues, width));
        table.row(&cells, false)?;
    }
    table.finish()?;

    // Unavailabilities.
    let headers = ["Gymnase", "Semaine", "Horaire_Debut", "Horaire_Fin", "Capacite_Occupee", "Remarques"];
    let mut table = Table::new(&mut workbook, &styles, s::VENUE_UNAVAILABILITY, &headers)?;
    for row in &spec.venue_unavailabilities {
        let [start, end] = range_cells(row.range);
        let taken = row.courts_taken.map_or(Cell::Empty, |c| Cell::Int(i64::from(c)));
        table.row(
            &[Cell::text(row.venue.clone()), Cell::Int(i64::from(row.week)), start, end, taken],
            false,
        )?;
    }
    table.finish()?;
    let headers = ["Equipe", "Semaine", "Horaire_Debut", "Horaire_Fin", "Remarques"];
    let mut table = Table::new(&mut workbook, &styles, s::TEAM_UNAVAILABILITY, &headers)?;
    for row in &spec.team_unavailabilities {
        let [start, end] = range_cells(row.range);
        table.row(&[Cell::text(row.team.to_string()), Cell::Int(i64::from(row.week)), start, end], false)?;
    }
    table.finish()?;
    let headers = ["Institution", "Semaine", "Horaire_Debut", "Horaire_Fin", "Remarques"];
    let mut table = Table::new(&mut workbook, &styles, s::INSTITUTION_UNAVAILABILITY, &headers)?;
    for row in &spec.institution_unavailabilities {
        let [start, end] = range_cells(row.range);
        table
            .row(&[Cell::text(row.institution.clone()), Cell::Int(i64::from(row.week)), start, end], false)?;
    }
    table.finish()?;
    let headers = ["Equipe", "Genre", "Horaire_Dispo", "Gymnase_1", "Remarques"];
    let mut table = Table::new(&mut workbook, &styles, s::EARLIEST_TIMES, &headers)?;
    for row in &spec.earliest_times {
        table.row(
            &[
                Cell::text(row.team.name.clone()),
                gender_cell(row.team.gender),
                time_cell(Some(row.earliest)),
                Cell::text(row.venue.clone()),
            ],
            false,
        )?;
    }
    table.finish()?;

    // Relations.
    let headers = ["Gymnase", "Institution_Obligatoire", "Remarques"];
    let mut table = Table::new(&mut workbook, &styles, s::OBLIGATIONS, &headers)?;
    for row in &spec.presence_obligations {
        table.row(&[Cell::text(row.venue.clone()), Cell::text(row.institution.clone())], false)?;
    }
    table.finish()?;
    let mut table = Table::new(&mut workbook, &styles, s::GROUPS, &["Nom_Groupe", "Entites", "Remarques"])?;
    for group in &spec.groups {
        table.row(&[Cell::text(group.name.clone()), Cell::text(group.members.join(", "))], false)?;
    }
    table.finish()?;
    let headers = ["Institution_1", "Institution_2", "Penalite_Non_Planif", "Remarques"];
    let mut table = Table::new(&mut workbook, &styles, s::ENTENTES, &headers)?;
    for row in &spec.ententes {
        let reward = row.reward.map_or(Cell::Empty, Cell::Int);
        table.row(
            &[Cell::text(row.institution_a.clone()), Cell::text(row.institution_b.clone()), reward],
            false,
        )?;
    }
    table.finish()?;
    let headers =
        ["Equipe_1", "Equipe_2", "Genre", "Type_Contrainte", "Semaine", "Horaires_Possibles", "Remarques"];
    let mut table = Table::new(&mut workbook, &styles, s::TEMPORAL, &headers)?;
    for row in &spec.temporal_constraints {
        let [a, b, gender] = pair_cells(&row.team_a, &row.team_b);
        let kind = match row.kind {
            TemporalKind::Before => "Avant",
            TemporalKind::After => "Apres",
        };
        table.row(&[a, b, gender, Cell::text(kind), Cell::Int(i64::from(row.week))], false)?;
    }
    table.finish()?;

    // Fixed matches and the teams met only there.
    let headers = super::FIXED_MATCH_HEADERS;
    let mut table = Table::new(&mut workbook, &styles, s::FIXED_MATCHES, &headers)?;
    for row in &spec.fixed_matches {
        let [a, b, gender] = pair_cells(&row.home, &row.away);
        table.row(
            &[
                a,
                b,
                gender,
                Cell::opt(row.pool.clone()),
                Cell::Int(i64::from(row.week)),
                time_cell(Some(row.time)),
                Cell::text(row.venue.clone()),
                Cell::opt(row.score.clone()),
                Cell::opt(row.competition.clone()),
                Cell::opt(row.notes.clone()),
            ],
            false,
        )?;
    }
    table.finish()?;
    let headers = ["Equipe", "Institution", "Genre", "Type_Championnat", "Motif", "Remarques"];
    let mut table = Table::new(&mut workbook, &styles, s::EXTERNAL_TEAMS, &headers)?;
    for team in spec.teams.iter().filter(|t| t.pool.is_none()) {
        table.row(
            &[Cell::text(team.name.clone()), Cell::opt(team.institution.clone()), gender_cell(team.gender)],
            false,
        )?;
    }
    table.finish()?;

    Ok(workbook.save_to_buffer()?)
}

/// Writes the input workbook of `spec` to `path`.
pub fn write_input_workbook_file(path: &Path, spec: &ProblemSpec) -> Result<(), ExportError> {
    save(path, &write_input_workbook(spec)?)
}
