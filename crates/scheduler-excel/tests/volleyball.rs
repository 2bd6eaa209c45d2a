//! The real 2025–26 Lyon volleyball season (shared data; skipped when absent).

use std::collections::BTreeSet;
use std::path::Path;
use std::time::Instant;

use scheduler_core::{Gender, PoolKind, Problem, Strategy, TimeOfDay, VenueLevel, Week};
use scheduler_excel::{load_project, LoadedProject, WarningKind};

const YAML: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data/volleyball/config_volley.yaml");

fn load() -> Option<LoadedProject> {
    if !Path::new(YAML).exists() {
        println!("volleyball data is absent ({YAML}); test skipped");
        return None;
    }
    let start = Instant::now();
    let project = load_project(Path::new(YAML)).expect("the volleyball project loads");
    println!("volleyball project loaded in {:?}", start.elapsed());
    Some(project)
}

fn hm(h: u16, m: u16) -> TimeOfDay {
    TimeOfDay::from_hm(h, m).expect("valid time")
}

#[test]
fn configuration() {
    let Some(project) = load() else { return };
    let config = &project.config;
    assert_eq!(config.strategy, Strategy::Optimal, "cpsat is an alias of optimal");
    assert_eq!(config.time_limit.as_secs(), 400);
    assert_eq!(config.greedy_attempts, 5);
    assert!(project.workbook_path.ends_with("volleyball/config_volley.xlsx"));
    assert!(config.output.ends_with("volleyball/calendrier_volley.xlsx"));
    let settings = &config.settings;
    assert_eq!(settings.compaction_penalties, Some(vec![0, 0, 5, 0, 3, 3, 3, 3, 3, 3, 3, 3, 3]));
    assert_eq!(settings.venue_level_penalty_high, vec![-5, -3, -1, 0]);
    assert_eq!(settings.venue_level_penalty_low, vec![8, 5, 2, 1]);
    assert_eq!(settings.overlap_penalty, None);
    assert_eq!(settings.entente_reward, 30);
    let calendar = &project.spec.calendar;
    assert_eq!(calendar.weeks, 13);
    assert_eq!(calendar.first_plannable_week, 5);
    assert_eq!(calendar.blocked_weeks, BTreeSet::from([3, 10, 11, 12]));
    assert_eq!(calendar.date_of(Week(1)).map(|d| d.to_string()).as_deref(), Some("2025-10-09"));
}

#[test]
fn workbook_contents() {
    let Some(project) = load() else { return };
    let spec = &project.spec;
    let championship: Vec<_> = spec.teams.iter().filter(|t| t.pool.is_some()).collect();
    assert_eq!(championship.len(), 126);
    assert_eq!(championship.iter().filter(|t| t.gender == Some(Gender::Male)).count(), 74);
    assert_eq!(championship.iter().filter(|t| t.gender == Some(Gender::Female)).count(), 52);
    // External teams come after the championship teams, with their declared institution.
    let external: Vec<String> = spec.teams[126..].iter().map(|t| t.key().to_string()).collect();
    assert_eq!(
        external,
        [
            "UDL (1) [F]",
            "UCA (1) [F]",
            "UDL (2) [F]",
            "UDG (1) [F]",
            "UDL (1) [M]",
            "UDG (1) [M]",
            "INPG (1) [F]",
            "INPG (1) [M]"
        ]
    );
    assert!(spec.teams[126..].iter().all(|t| t.pool.is_none()));
    let udl = &spec.teams[126];
    assert_eq!(udl.institution.as_deref(), Some("UDL"));

    assert_eq!(spec.pools.len(), 30);
    assert_eq!(spec.pools.iter().filter(|p| p.kind == PoolKind::SingleRoundRobin).count(), 17);
    assert_eq!(spec.pools.iter().filter(|p| p.kind == PoolKind::HomeAndAway).count(), 13);

    assert_eq!(spec.venues.len(), 9);
    let venue = |name: &str| spec.venues.iter().find(|v| v.name == name).unwrap();
    assert!(venue("ENTPE").times.is_empty());
    assert!(venue("GRENOBLE").times.is_empty());
    assert_eq!(venue("ESA").times, vec![hm(20, 0)]);
    assert_eq!(venue("BESSON").courts, 3);
    assert_eq!(venue("BESSON").level, Some(VenueLevel::High));
    assert_eq!(venue("L. J. HAUT").level, Some(VenueLevel::Low));

    assert_eq!(spec.fixed_matches.len(), 113);
    assert_eq!(spec.fixed_matches.iter().filter(|m| m.competition.as_deref() == Some("Acad")).count(), 92);
    assert_eq!(spec.fixed_matches[17].score.as_deref(), Some("1-3"));

    assert_eq!(spec.teams.iter().filter(|t| !t.preferred_venues.is_empty()).count(), 97);
    let ens = spec.teams.iter().find(|t| t.name == "ENS (1)").unwrap();
    assert_eq!(ens.preferred_venues, vec![Some("DESCARTES".to_string())]);
    let ecl = spec.teams.iter().find(|t| t.name == "ECL (1)").unwrap();
    assert_eq!(ecl.preferred_venues, vec![None, None, Some("ECL".to_string())]);
    assert_eq!(spec.earliest_times.len(), 7);
    assert_eq!(spec.presence_obligations.len(), 4);
    assert_eq!(spec.ententes.len(), 6);
    assert_eq!(spec.groups.len(), 1);
    assert_eq!(spec.venue_unavailabilities.len(), 14);
    assert_eq!(spec.team_unavailabilities.len(), 6);
    // Week 14 rows are outside the 13-week season: dropped with a warning.
    assert_eq!(spec.institution_unavailabilities.len(), 10 + 5);
    assert!(spec.temporal_constraints.is_empty());
}

#[test]
fn expected_warnings() {
    let Some(project) = load() else { return };
    let shown: Vec<String> = project.warnings.iter().map(ToString::to_string).collect();
    for warning in &shown {
        println!("{warning}");
    }
    let has = |kind: WarningKind, text: &str| {
        project.warnings.iter().any(|w| w.kind == kind && w.to_string().contains(text))
    };
    assert!(has(
        WarningKind::SimilarInstitution,
        "config_volley.xlsx, sheet Ententes, row 4, column Institution_1: institution \"LYON 2 (IEP)\" covers \
         only its own teams; the teams of \"LYON 2 IEP\""
    ));
    assert!(has(
        WarningKind::SimilarInstitution,
        "sheet Equipes: institutions \"LYON 2 (IEP)\" and \"LYON 2 IEP\""
    ));
    assert!(has(
        WarningKind::UndeclaredExternalTeam,
        "sheet Matchs_Fixes, row 5, column Equipe_2: UDG (1) [F] is neither in Equipes nor in \
         Equipes_Hors_Championnat"
    ));
    assert_eq!(project.warnings.iter().filter(|w| w.kind == WarningKind::UndeclaredExternalTeam).count(), 1);
    assert!(has(
        WarningKind::IgnoredRow,
        "sheet Indispos_Institutions, row 12, column Semaine: row ignored: week 14"
    ));
    assert_eq!(shown.len(), 13, "{shown:#?}");
}

#[test]
fn builds_the_problem() {
    let Some(project) = load() else { return };
    let (problem, warnings) = Problem::new(project.spec).expect("the volleyball spec is consistent");
    for warning in &warnings {
        println!("problem warning: {warning}");
    }
    assert_eq!(problem.generated_count, 276);
    assert_eq!(problem.matches.len(), 183);
    assert_eq!(problem.fixed.len(), 113);
    assert_eq!(problem.fixed.iter().filter(|f| f.replaces.is_some()).count(), 93);
    let weeks: Vec<u16> = problem.calendar.plannable_weeks().map(|w| w.0).collect();
    assert_eq!(weeks, vec![5, 6, 7, 8, 9, 13]);
    assert_eq!(problem.teams.len(), 134);
}
