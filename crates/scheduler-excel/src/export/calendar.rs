//! The calendar workbook (spec §12.1, extended): `Calendrier`, `Non_Planifies`, `Statistiques`,
//! `Tous_Matchs` and, when the fixed matches break rules, `Alertes`.

use std::collections::BTreeSet;
use std::path::Path;

use rust_xlsxwriter::Workbook;
use scheduler_core::explain::{weeks_text, Explainer};
use scheduler_core::names::gender_of_pool;
use scheduler_core::slots::SlotGrid;
use scheduler_core::{
    Evaluation, FixedMatchId, Gender, Leg, MatchId, PoolId, Problem, Schedule, SolveStatus, TeamId,
    TimeOfDay, VenueId, Week,
};

use super::writer::{Cell, Styles, Table};
use super::{save, ExportError, ExportInfo};

/// Sheet names of the calendar workbook.
pub mod calendar_sheet_names {
    /// Every match, fixed and placed, in calendar order.
    pub const CALENDAR: &str = "Calendrier";
    /// Matches left unplaced, with the reason.
    pub const UNPLACED: &str = "Non_Planifies";
    /// Counts, objective, penalties, solver.
    pub const STATISTICS: &str = "Statistiques";
    /// Fixed and placed matches in the `Matchs_Fixes` layout (to paste back into the input).
    pub const ALL_MATCHES: &str = "Tous_Matchs";
    /// Rules broken by fixed matches (and, should it ever happen, by placed ones).
    pub const ALERTS: &str = "Alertes";
}

use calendar_sheet_names as names;

/// Headers of `Calendrier`.
pub(crate) const CALENDAR_HEADERS: [&str; 15] = [
    "Match_ID",
    "Poule",
    "Equipe_1",
    "Genre_1",
    "Institution_1",
    "Equipe_2",
    "Genre_2",
    "Institution_2",
    "Semaine",
    "Date",
    "Horaire",
    "Gymnase",
    "Type",
    "Score",
    "Type_Competition",
];

/// `Type` of a fixed match in `Calendrier`.
pub(crate) const FIXED: &str = "Fixe";
/// `Type` of a placed match in `Calendrier`.
pub(crate) const PLACED: &str = "Planifié";

fn team_key(problem: &Problem, team: TeamId) -> String {
    let team = problem.team(team);
    format!("{}|{}", team.name, team.gender.map_or("", Gender::code))
}

/// The stable identifier of a match to plan: `HOME|G__AWAY|G__POOL` (the two legs of a home-and-away
/// pairing differ by their order).
pub fn match_id(problem: &Problem, id: MatchId) -> String {
    let m = problem.match_(id);
    format!(
        "{}__{}__{}",
        team_key(problem, m.home),
        team_key(problem, m.away),
        problem.pools[m.pool.index()].code
    )
}

/// The identifier of a fixed match: `HOME|G__AWAY|G__POOL-or-COMPETITION__S<week>`.
pub fn fixed_match_id(problem: &Problem, id: FixedMatchId) -> String {
    let f = &problem.fixed[id.index()];
    let label = match f.pool {
        Some(pool) => problem.pools[pool.index()].code.clone(),
        None => f.competition.clone().unwrap_or_else(|| FIXED.to_string()),
    };
    format!("{}__{}__{}__S{}", team_key(problem, f.home), team_key(problem, f.away), label, f.week.0)
}

/// One match of the calendar, fixed or placed.
struct Entry {
    id: String,
    pool: Option<PoolId>,
    home: TeamId,
    away: TeamId,
    week: Week,
    time: TimeOfDay,
    venue: VenueId,
    fixed: Option<FixedMatchId>,
}

fn entries(problem: &Problem, schedule: &Schedule) -> Vec<Entry> {
    let mut list: Vec<Entry> = problem
        .fixed_ids()
        .map(|id| {
            let f = &problem.fixed[id.index()];
            Entry {
                id: fixed_match_id(problem, id),
                pool: f.pool,
                home: f.home,
                away: f.away,
                week: f.week,
                time: f.time,
                venue: f.venue,
                fixed: Some(id),
            }
        })
        .collect();
    list.extend(schedule.placed().map(|(id, p)| {
        let m = problem.match_(id);
        Entry {
            id: match_id(problem, id),
            pool: Some(m.pool),
            home: m.home,
            away: m.away,
            week: p.week,
            time: p.time,
            venue: p.venue,
            fixed: None,
        }
    }));
    list
}

fn pool_code(problem: &Problem, pool: Option<PoolId>) -> &str {
    pool.map_or("", |p| problem.pools[p.index()].code.as_str())
}

fn gender_cell(problem: &Problem, team: TeamId) -> Cell {
    Cell::opt(problem.team(team).gender.map(Gender::code))
}

/// Writes the calendar workbook of `schedule` and returns its bytes.
pub fn write_calendar(
    problem: &Problem,
    schedule: &Schedule,
    evaluation: &Evaluation,
    info: &ExportInfo,
) -> Result<Vec<u8>, ExportError> {
    if schedule.len() != problem.matches.len() {
        return Err(ExportError::ScheduleMismatch {
            schedule: schedule.len(),
            matches: problem.matches.len(),
        });
    }
    let styles = Styles::new();
    let mut workbook = Workbook::new();
    let mut list = entries(problem, schedule);
    calendar_sheet(&mut workbook, &styles, problem, &mut list)?;
    unplaced_sheet(&mut workbook, &styles, problem, schedule)?;
    statistics_sheet(&mut workbook, &styles, problem, evaluation, info, &list)?;
    all_matches_sheet(&mut workbook, &styles, problem, &mut list)?;
    alerts_sheet(&mut workbook, &styles, problem, evaluation)?;
    Ok(workbook.save_to_buffer()?)
}

/// Writes the calendar workbook to `path`.
pub fn write_calendar_file(
    path: &Path,
    problem: &Problem,
    schedule: &Schedule,
    evaluation: &Evaluation,
    info: &ExportInfo,
) -> Result<(), ExportError> {
    save(path, &write_calendar(problem, schedule, evaluation, info)?)
}

fn calendar_sheet(
    workbook: &mut Workbook,
    styles: &Styles,
    problem: &Problem,
    list: &mut [Entry],
) -> Result<(), ExportError> {
    list.sort_by(|a, b| {
        (a.week, a.time, &problem.venue(a.venue).name, pool_code(problem, a.pool), &a.id).cmp(&(
            b.week,
            b.time,
            &problem.venue(b.venue).name,
            pool_code(problem, b.pool),
            &b.id,
        ))
    });
    let mut table = Table::new(workbook, styles, names::CALENDAR, &CALENDAR_HEADERS)?;
    for e in list.iter() {
        let (home, away) = (problem.team(e.home), problem.team(e.away));
        let fixed = e.fixed.map(|id| &problem.fixed[id.index()]);
        let competition = match fixed {
            Some(f) => f.competition.clone().unwrap_or_else(|| "Acad".into()),
            None => "Acad".into(),
        };
        table.row(
            &[
                Cell::text(e.id.clone()),
                Cell::text(pool_code(problem, e.pool)),
                Cell::text(home.name.clone()),
                gender_cell(problem, e.home),
                Cell::text(problem.institution_name(home.institution)),
                Cell::text(away.name.clone()),
                gender_cell(problem, e.away),
                Cell::text(problem.institution_name(away.institution)),
                Cell::Int(i64::from(e.week.0)),
                problem.calendar.date_of(e.week).map_or(Cell::Empty, Cell::Date),
                Cell::text(e.time.to_string()),
                Cell::text(problem.venue(e.venue).name.clone()),
                Cell::text(if fixed.is_some() { FIXED } else { PLACED }),
                Cell::opt(fixed.and_then(|f| f.score.clone())),
                Cell::text(competition),
            ],
            fixed.is_some(),
        )?;
    }
    table.finish()?;
    Ok(())
}

fn unplaced_sheet(
    workbook: &mut Workbook,
    styles: &Styles,
    problem: &Problem,
    schedule: &Schedule,
) -> Result<(), ExportError> {
    const HEADERS: [&str; 13] = [
        "Match_ID",
        "Poule",
        "Equipe_1",
        "Genre_1",
        "Institution_1",
        "Equipe_2",
        "Genre_2",
        "Institution_2",
        "Manche",
        "Creneaux_Possibles",
        "Raison",
        "Semaines_Equipes_Libres",
        "Detail",
    ];
    let mut table = Table::new(workbook, styles, names::UNPLACED, &HEADERS)?;
    let unplaced: Vec<MatchId> = schedule.unplaced().collect();
    if !unplaced.is_empty() {
        let grid = SlotGrid::new(problem);
        let explainer = Explainer::new(problem, schedule);
        for id in unplaced {
            let explanation = explainer.explain(id);
            let m = problem.match_(id);
            let (home, away) = (problem.team(m.home), problem.team(m.away));
            let leg = match m.leg {
                Leg::Single => "",
                Leg::First => "Aller",
                Leg::Return => "Retour",
            };
            table.row(
                &[
                    Cell::text(match_id(problem, id)),
                    Cell::text(problem.pools[m.pool.index()].code.clone()),
                    Cell::text(home.name.clone()),
                    gender_cell(problem, m.home),
                    Cell::text(problem.institution_name(home.institution)),
                    Cell::text(away.name.clone()),
                    gender_cell(problem, m.away),
                    Cell::text(problem.institution_name(away.institution)),
                    Cell::text(leg),
                    Cell::Int(grid.candidates[id.index()].len() as i64),
                    Cell::text(explanation.summary.clone()),
                    Cell::text(weeks_text(explanation.weeks_free_for_both_teams().map(|w| w.0))),
                    Cell::text(details(problem, &explanation)),
                ],
                false,
            )?;
        }
    }
    table.finish()?;
    Ok(())
}

/// What blocks each plannable week, one line per week (`S5: …`), within a cell's limit.
fn details(problem: &Problem, explanation: &scheduler_core::explain::Explanation) -> String {
    const CELL_LIMIT: usize = 32_000;
    let lines: Vec<String> = explanation
        .weeks
        .iter()
        .filter(|w| problem.calendar.is_plannable(w.week) && !w.blockers.is_empty())
        .map(|w| {
            let blockers: Vec<String> = w.blockers.iter().map(ToString::to_string).collect();
            format!("S{}: {}", w.week.0, blockers.join(" | "))
        })
        .collect();
    let mut text = lines.join("\n");
    if text.len() > CELL_LIMIT {
        let mut end = CELL_LIMIT;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        text.truncate(end);
        text.push('…');
    }
    text
}

fn status_text(status: SolveStatus) -> &'static str {
    match status {
        SolveStatus::Optimal => "optimal (prouvé)",
        SolveStatus::Feasible => "réalisable",
        SolveStatus::TimeLimit => "limite de temps atteinte sans solution",
        SolveStatus::Cancelled => "interrompu",
        SolveStatus::NoSolution => "sans solution",
    }
}

/// French name of a penalty term, by code; the engine's English label otherwise.
fn term_label(code: &str, english: &str) -> String {
    let french = match code {
        "S1" => "horaires préférés",
        "S2" => "préférences de gymnases",
        "S3" => "niveau des gymnases",
        "S4" => "espacement des matchs (repos)",
        "S5" => "compaction",
        "S6" => "matchs simultanés",
        "S7" => "contraintes temporelles",
        "S8" => "espacement aller-retour",
        _ => english,
    };
    format!("Pénalité {code} – {french}")
}

fn statistics_sheet(
    workbook: &mut Workbook,
    styles: &Styles,
    problem: &Problem,
    evaluation: &Evaluation,
    info: &ExportInfo,
    list: &[Entry],
) -> Result<(), ExportError> {
    let mut rows: Vec<(String, Cell)> = Vec::new();
    let mut push = |name: &str, value: Cell| rows.push((name.to_string(), value));
    if let Some(project) = &info.project {
        push("Projet", Cell::text(project.clone()));
    }
    let to_plan = problem.matches.len();
    push("Matchs générés", Cell::Int(problem.generated_count as i64));
    push("Matchs remplacés par des matchs fixes", Cell::Int((problem.generated_count - to_plan) as i64));
    push("Matchs à planifier", Cell::Int(to_plan as i64));
    push("Matchs planifiés", Cell::Int(evaluation.placed as i64));
    push("Matchs non planifiés", Cell::Int(evaluation.unplaced as i64));
    if to_plan > 0 {
        push("Taux planification", Cell::Percent(evaluation.placed as f64 / to_plan as f64));
    }
    push("Matchs fixes", Cell::Int(evaluation.fixed as i64));
    push("Violations dures", Cell::Int(evaluation.hard.len() as i64));
    push("Problèmes des matchs fixes", Cell::Int(evaluation.fixed_problems.len() as i64));
    push("Objectif (PyCalendar, plus haut = mieux)", Cell::Num(evaluation.objective));
    if let Some(bound) = info.bound {
        push("Borne de l'objectif", Cell::Num(bound));
    }
    if let Some(gap) = info.gap.filter(|g| g.is_finite()) {
        push("Écart à la borne", Cell::Percent(gap));
    }
    push("Coût (plus bas = mieux)", Cell::Num(evaluation.cost));
    push("Récompense des matchs placés (S0)", Cell::Int(evaluation.reward));
    push("Récompense perdue (non planifiés)", Cell::Int(evaluation.unplaced_reward));
    push("Pénalités (total)", Cell::Num(evaluation.penalties.total()));
    for (code, label, value) in evaluation.penalties.terms() {
        push(&term_label(code, label), Cell::Num(value));
    }
    let weeks: BTreeSet<Week> = list.iter().map(|e| e.week).collect();
    push("Semaines utilisées", Cell::Int(weeks.len() as i64));
    if !weeks.is_empty() {
        push(
            "Matchs/semaine (moy)",
            Cell::Num((list.len() as f64 / weeks.len() as f64 * 10.0).round() / 10.0),
        );
    }
    if let Some(strategy) = info.strategy {
        push("Stratégie", Cell::text(strategy.name()));
    }
    if let Some(status) = info.status {
        push("Statut", Cell::text(status_text(status)));
    }
    if let Some(elapsed) = info.elapsed {
        push("Temps de résolution (s)", Cell::Num((elapsed.as_secs_f64() * 100.0).round() / 100.0));
    }
    for note in &info.notes {
        push("Remarque", Cell::text(note.clone()));
    }
    let mut table = Table::new(workbook, styles, names::STATISTICS, &["Metrique", "Valeur"])?;
    for (name, value) in rows {
        table.row(&[Cell::text(name), value], false)?;
    }
    table.finish()?;
    Ok(())
}

/// The gender of a match for `Tous_Matchs`, and whether the names need their `[G]` suffix (the two
/// teams have different genders).
fn match_gender(problem: &Problem, e: &Entry) -> (Option<Gender>, bool) {
    match (problem.team(e.home).gender, problem.team(e.away).gender) {
        (Some(a), Some(b)) if a != b => (None, true),
        (Some(g), _) | (None, Some(g)) => (Some(g), false),
        (None, None) => (e.pool.and_then(|p| gender_of_pool(&problem.pools[p.index()].code)), false),
    }
}

fn all_matches_sheet(
    workbook: &mut Workbook,
    styles: &Styles,
    problem: &Problem,
    list: &mut [Entry],
) -> Result<(), ExportError> {
    const HEADERS: [&str; 10] = super::FIXED_MATCH_HEADERS;
    let gender_rank = |g: Option<Gender>| match g {
        Some(Gender::Female) => 0,
        Some(Gender::Male) => 1,
        None => 2,
    };
    list.sort_by_cached_key(|e| {
        let level = e.pool.and_then(|p| problem.pools[p.index()].level).unwrap_or(0);
        (e.week, gender_rank(match_gender(problem, e).0), level, e.time, problem.team(e.home).name.clone())
    });
    let mut table = Table::new(workbook, styles, names::ALL_MATCHES, &HEADERS)?;
    for e in list.iter() {
        let (gender, suffixes) = match_gender(problem, e);
        let name = |team: TeamId| {
            let team = problem.team(team);
            if suffixes {
                team.label()
            } else {
                team.name.clone()
            }
        };
        let fixed = e.fixed.map(|id| &problem.fixed[id.index()]);
        table.row(
            &[
                Cell::text(name(e.home)),
                Cell::text(name(e.away)),
                Cell::opt(gender.map(Gender::code)),
                Cell::text(pool_code(problem, e.pool)),
                Cell::Int(i64::from(e.week.0)),
                Cell::text(e.time.to_string()),
                Cell::text(problem.venue(e.venue).name.clone()),
                Cell::opt(fixed.and_then(|f| f.score.clone())),
                Cell::text(fixed.and_then(|f| f.competition.clone()).unwrap_or_else(|| "Acad".into())),
                Cell::opt(fixed.and_then(|f| f.notes.clone())),
            ],
            false,
        )?;
    }
    table.finish()?;
    Ok(())
}

fn alerts_sheet(
    workbook: &mut Workbook,
    styles: &Styles,
    problem: &Problem,
    evaluation: &Evaluation,
) -> Result<(), ExportError> {
    if evaluation.hard.is_empty() && evaluation.fixed_problems.is_empty() {
        return Ok(());
    }
    const HEADERS: [&str; 6] = ["Type", "Regle", "Semaine", "Horaire", "Gymnase", "Message"];
    let mut table = Table::new(workbook, styles, names::ALERTS, &HEADERS)?;
    let placed = evaluation.hard.iter().map(|v| ("Violation (match planifié)", v));
    let fixed = evaluation.fixed_problems.iter().map(|v| ("Match fixe", v));
    for (kind, v) in placed.chain(fixed) {
        table.row(
            &[
                Cell::text(kind),
                Cell::text(v.rule.to_string()),
                Cell::Int(i64::from(v.week.0)),
                Cell::opt(v.time.map(|t| t.to_string())),
                Cell::opt(v.venue.map(|id| problem.venue(id).name.clone())),
                Cell::text(v.message.clone()),
            ],
            false,
        )?;
    }
    table.finish()?;
    Ok(())
}
