//! Match generation and replacement by fixed matches; problem validation errors.

mod common;

use common::*;
use scheduler_core::*;

fn fixed(home: &str, away: &str, week: u16) -> FixedMatchSpec {
    FixedMatchSpec {
        home: key(home),
        away: key(away),
        pool: None,
        week,
        time: t("20:00"),
        venue: "GYM".into(),
        competition: Some("Acad".into()),
        score: Some("3-0".into()),
        notes: None,
    }
}

fn pairs(problem: &Problem) -> Vec<(String, String, Leg)> {
    problem
        .matches
        .iter()
        .map(|m| (problem.team(m.home).name.clone(), problem.team(m.away).name.clone(), m.leg))
        .collect()
}

#[test]
fn single_round_robin_in_sheet_order() {
    let problem = build(league(&["A", "B", "C", "D"], 6, vec![venue("GYM", 1, &["20:00"])]));
    let names: Vec<(String, String)> = pairs(&problem).into_iter().map(|(a, b, _)| (a, b)).collect();
    let expected = [("A", "B"), ("A", "C"), ("A", "D"), ("B", "C"), ("B", "D"), ("C", "D")];
    assert_eq!(names, expected.map(|(a, b)| (a.to_string(), b.to_string())));
    assert_eq!(problem.generated_count, 6);
}

#[test]
fn home_and_away_legs_back_to_back() {
    let mut spec = league(&["A", "B", "C"], 6, vec![venue("GYM", 1, &["20:00"])]);
    spec.pools.push(PoolSpec { code: "VBFA1PA".into(), kind: PoolKind::HomeAndAway });
    let problem = build(spec);
    assert_eq!(problem.matches.len(), 6);
    assert_eq!(pairs(&problem)[0], ("A".into(), "B".into(), Leg::First));
    assert_eq!(pairs(&problem)[1], ("B".into(), "A".into(), Leg::Return));
    assert_eq!(problem.matches[0].other_leg, Some(MatchId(1)));
}

#[test]
fn a_reversed_fixed_match_replaces_the_single_round_robin_match() {
    let mut spec = league(&["A", "B", "C"], 6, vec![venue("GYM", 1, &["20:00"])]);
    spec.fixed_matches.push(fixed("B", "A", 1));
    let problem = build(spec);
    assert_eq!(problem.matches.len(), 2, "PyCalendar would schedule A – B again");
    assert_eq!(problem.fixed[0].replaces, Some(Leg::Single));
}

#[test]
fn in_home_and_away_pools_the_order_picks_the_leg() {
    let mut spec = league(&["A", "B", "C"], 6, vec![venue("GYM", 1, &["20:00"])]);
    spec.pools.push(PoolSpec { code: "VBFA1PA".into(), kind: PoolKind::HomeAndAway });
    spec.fixed_matches.push(fixed("B", "A", 1));
    let problem = build(spec.clone());
    assert_eq!(problem.fixed[0].replaces, Some(Leg::Return));
    assert!(pairs(&problem).contains(&("A".into(), "B".into(), Leg::First)));
    assert!(!pairs(&problem).contains(&("B".into(), "A".into(), Leg::Return)));
    assert_eq!(problem.match_(find(&problem, "A", "B")).other_leg, None);

    // The same orientation twice consumes both legs.
    spec.fixed_matches.push(fixed("B", "A", 2));
    let problem = build(spec.clone());
    assert_eq!(problem.matches.len(), 4);
    assert_eq!(problem.fixed[1].replaces, Some(Leg::First));

    // A third one replaces nothing and is reported.
    spec.fixed_matches.push(fixed("A", "B", 3));
    let (problem, warnings) = Problem::new(spec).expect("valid");
    assert_eq!(problem.matches.len(), 4);
    assert_eq!(problem.fixed[2].replaces, None);
    assert_eq!(warnings.len(), 1);
    assert!(warnings[0].to_string().contains("already covered"), "{}", warnings[0]);
}

#[test]
fn fixed_matches_outside_the_pools_replace_nothing() {
    let mut spec = league(&["A", "B"], 6, vec![venue("GYM", 1, &["20:00"])]);
    spec.teams.push(TeamSpec::new("C", Some(Gender::Female), "VBFA2PA"));
    spec.teams.push(TeamSpec::new("D", Some(Gender::Female), "VBFA2PA"));
    spec.fixed_matches.push(fixed("A", "C", 1));
    let problem = build(spec);
    assert_eq!(problem.matches.len(), 2);
    assert_eq!(problem.fixed[0].replaces, None);
}

#[test]
fn validation_errors_are_typed_and_readable() {
    let ok = league(&["A", "B"], 6, vec![venue("GYM", 1, &["20:00"])]);

    let mut spec = ok.clone();
    spec.venues[0].courts = 0;
    assert_eq!(Problem::new(spec).unwrap_err(), ProblemError::NoCourts { venue: "GYM".into() });

    let mut spec = ok.clone();
    spec.venue_unavailabilities.push(VenueUnavailability {
        venue: "GYMM".into(),
        week: 1,
        range: TimeRange::AllDay,
        courts_taken: None,
    });
    assert_eq!(
        Problem::new(spec).unwrap_err().to_string(),
        "unknown venue `GYMM` in venue unavailability of GYMM in week 1"
    );

    let mut spec = ok.clone();
    spec.team_unavailabilities.push(TeamUnavailability { team: key("A"), week: 9, range: TimeRange::AllDay });
    assert_eq!(
        Problem::new(spec).unwrap_err().to_string(),
        "week 9 is outside the season's weeks 1..=6 (unavailability of A [F] in week 9)"
    );

    let mut spec = ok.clone();
    spec.teams.push(TeamSpec::new("A", Some(Gender::Female), "VBFA2PA"));
    assert!(matches!(Problem::new(spec).unwrap_err(), ProblemError::DuplicateTeam { .. }));

    let mut spec = ok.clone();
    spec.fixed_matches.push(fixed("A", "Z", 1));
    assert_eq!(
        Problem::new(spec).unwrap_err().to_string(),
        "unknown team `Z [F]` in fixed match A [F] – Z [F] in week 1"
    );

    let mut spec = ok;
    spec.calendar.first_plannable_week = 7;
    assert!(matches!(Problem::new(spec).unwrap_err(), ProblemError::FirstPlannableWeekOutOfRange { .. }));
}

#[test]
fn unknown_institutions_are_warnings() {
    let mut spec = league(&["LYON 2 IEP (1)", "LYON 2 IEP (2)"], 6, vec![venue("GYM", 1, &["20:00"])]);
    spec.ententes.push(Entente {
        institution_a: "LYON 2 (IEP)".into(),
        institution_b: "LYON 2 (IEP)".into(),
        reward: None,
    });
    let (problem, warnings) = Problem::new(spec).expect("valid");
    assert!(!problem.matches[0].entente);
    assert_eq!(warnings.len(), 2);
    assert_eq!(
        warnings[0].to_string(),
        "institution `LYON 2 (IEP)` owns no team (entente LYON 2 (IEP) – LYON 2 (IEP)); this row has no effect"
    );
}
