//! Every hard rule, each broken on purpose once, and fixed matches reported apart.

mod common;

use common::*;
use scheduler_core::*;

fn one_match_at(spec: ProblemSpec, week: u16, time: &str, venue: &str) -> Evaluation {
    let problem = build(spec);
    let mut schedule = Schedule::empty(&problem);
    schedule.set(MatchId(0), Some(at(&problem, week, time, venue)));
    evaluate(&problem, &schedule)
}

fn base() -> ProblemSpec {
    league(
        &["A (1)", "B (1)", "C (1)", "D (1)"],
        6,
        vec![venue("GYM", 1, &["18:00", "20:00"]), venue("HALL", 2, &["20:00"])],
    )
}

#[test]
fn a_valid_placement_breaks_nothing() {
    assert!(one_match_at(base(), 2, "20:00", "GYM").hard.is_empty());
}

#[test]
fn h1_venue_capacity() {
    let problem = build(base());
    let mut schedule = Schedule::empty(&problem);
    schedule.set(find(&problem, "A (1)", "B (1)"), Some(at(&problem, 2, "20:00", "GYM")));
    schedule.set(find(&problem, "C (1)", "D (1)"), Some(at(&problem, 2, "20:00", "GYM")));
    let evaluation = evaluate(&problem, &schedule);
    assert_eq!(rules(&evaluation), vec![HardRule::H1]);
    assert_eq!(evaluation.hard[0].matches.len(), 2);
    assert_eq!(evaluation.hard[0].message, "2 matches in week 2 20:00 at GYM, which has 1 free court(s)");
    // Two courts at HALL take both.
    schedule.set(find(&problem, "A (1)", "B (1)"), Some(at(&problem, 2, "20:00", "HALL")));
    schedule.set(find(&problem, "C (1)", "D (1)"), Some(at(&problem, 2, "20:00", "HALL")));
    assert!(evaluate(&problem, &schedule).hard.is_empty());
}

#[test]
fn h1_reduced_capacity_and_fixed_matches_take_courts() {
    let mut spec = base();
    spec.venue_unavailabilities.push(VenueUnavailability {
        venue: "HALL".into(),
        week: 2,
        range: TimeRange::AllDay,
        courts_taken: Some(1),
    });
    spec.teams.push(TeamSpec { pool: None, ..TeamSpec::new("EXT (1)", Some(Gender::Female), "") });
    spec.teams.push(TeamSpec { pool: None, ..TeamSpec::new("EXT (2)", Some(Gender::Female), "") });
    spec.fixed_matches.push(FixedMatchSpec {
        home: key("EXT (1)"),
        away: key("EXT (2)"),
        pool: None,
        week: 3,
        time: t("20:00"),
        venue: "HALL".into(),
        competition: Some("CFU".into()),
        score: None,
        notes: None,
    });
    let problem = build(spec);
    for week in [2, 3] {
        let mut schedule = Schedule::empty(&problem);
        schedule.set(find(&problem, "A (1)", "B (1)"), Some(at(&problem, week, "20:00", "HALL")));
        assert!(evaluate(&problem, &schedule).hard.is_empty(), "one court is left in week {week}");
        schedule.set(find(&problem, "C (1)", "D (1)"), Some(at(&problem, week, "20:00", "HALL")));
        assert_eq!(rules(&evaluate(&problem, &schedule)), vec![HardRule::H1], "week {week}");
    }
}

#[test]
fn h2_closed_venue_or_time_not_offered() {
    let mut spec = base();
    spec.venue_unavailabilities.push(VenueUnavailability {
        venue: "GYM".into(),
        week: 2,
        range: TimeRange::Between { start: t("19:00"), end: t("22:00") },
        courts_taken: None,
    });
    assert_eq!(rules(&one_match_at(spec.clone(), 2, "20:00", "GYM")), vec![HardRule::H2]);
    assert!(one_match_at(spec.clone(), 2, "18:00", "GYM").hard.is_empty(), "18:00 is outside the range");
    let evaluation = one_match_at(spec, 2, "14:00", "GYM");
    assert_eq!(rules(&evaluation), vec![HardRule::H2]);
    assert_eq!(evaluation.hard[0].message, "A (1) [F] – B (1) [F] (VBFA1PA): GYM offers no slot at 14:00");
}

#[test]
fn h3_team_institution_unavailability_and_earliest_time() {
    let mut spec = base();
    spec.team_unavailabilities.push(TeamUnavailability {
        team: TeamKey::new("A (1)", None),
        week: 2,
        range: TimeRange::AllDay,
    });
    spec.institution_unavailabilities.push(InstitutionUnavailability {
        institution: "B".into(),
        week: 3,
        range: TimeRange::Between { start: t("20:00"), end: t("22:00") },
    });
    spec.earliest_times.push(EarliestTime { team: key("A (1)"), venue: "GYM".into(), earliest: t("20:00") });
    assert_eq!(rules(&one_match_at(spec.clone(), 2, "20:00", "HALL")), vec![HardRule::H3]);
    assert_eq!(rules(&one_match_at(spec.clone(), 3, "20:00", "HALL")), vec![HardRule::H3]);
    assert_eq!(rules(&one_match_at(spec.clone(), 4, "18:00", "GYM")), vec![HardRule::H3]);
    assert!(one_match_at(spec, 4, "20:00", "GYM").hard.is_empty());
}

#[test]
fn h4_and_h5_one_match_per_team_per_time_and_per_week() {
    let mut spec = base();
    spec.settings.max_matches_per_team_per_week = 2;
    let problem = build(spec);
    let mut schedule = Schedule::empty(&problem);
    schedule.set(find(&problem, "A (1)", "B (1)"), Some(at(&problem, 2, "20:00", "GYM")));
    schedule.set(find(&problem, "A (1)", "C (1)"), Some(at(&problem, 2, "20:00", "HALL")));
    assert_eq!(rules(&evaluate(&problem, &schedule)), vec![HardRule::H4]);
    schedule.set(find(&problem, "A (1)", "C (1)"), Some(at(&problem, 2, "18:00", "GYM")));
    assert!(evaluate(&problem, &schedule).hard.is_empty(), "two matches a week are allowed here");
    schedule.set(find(&problem, "A (1)", "D (1)"), Some(at(&problem, 2, "20:00", "HALL")));
    let found = rules(&evaluate(&problem, &schedule));
    assert!(found.contains(&HardRule::H5) && found.contains(&HardRule::H4), "{found:?}");
}

#[test]
fn h5_counts_fixed_matches() {
    let mut spec = base();
    spec.fixed_matches.push(FixedMatchSpec {
        home: key("A (1)"),
        away: key("C (1)"),
        pool: None,
        week: 2,
        time: t("18:00"),
        venue: "GYM".into(),
        competition: Some("CFE".into()),
        score: None,
        notes: None,
    });
    let evaluation = one_match_at(spec, 2, "20:00", "HALL");
    assert_eq!(rules(&evaluation), vec![HardRule::H5]);
    assert!(evaluation.hard[0].matches.contains(&MatchRef::Fixed(FixedMatchId(0))));
}

#[test]
fn h6_presence_obligation() {
    let mut spec = base();
    spec.presence_obligations.push(PresenceObligation { venue: "GYM".into(), institution: "C".into() });
    let evaluation = one_match_at(spec, 2, "20:00", "GYM");
    assert_eq!(rules(&evaluation), vec![HardRule::H6]);
    assert_eq!(
        evaluation.hard[0].message,
        "A (1) [F] – B (1) [F] (VBFA1PA): every match at GYM must involve a team of C"
    );
}

#[test]
fn h7_h8_first_plannable_week_blocked_weeks_and_season_end() {
    let mut spec = base();
    spec.calendar.first_plannable_week = 2;
    spec.calendar.blocked_weeks.insert(3);
    assert_eq!(rules(&one_match_at(spec.clone(), 1, "20:00", "GYM")), vec![HardRule::H7]);
    assert_eq!(rules(&one_match_at(spec.clone(), 3, "20:00", "GYM")), vec![HardRule::H8]);
    assert_eq!(rules(&one_match_at(spec, 7, "20:00", "GYM")), vec![HardRule::H8]);
}

#[test]
fn h9_hard_temporal_constraint() {
    let mut spec = base();
    spec.settings.temporal.hard = true;
    spec.temporal_constraints.push(TemporalConstraint {
        team_a: key("A (1)"),
        team_b: key("B (1)"),
        kind: TemporalKind::After,
        week: 3,
    });
    let evaluation = one_match_at(spec.clone(), 2, "20:00", "GYM");
    assert_eq!(rules(&evaluation), vec![HardRule::H9]);
    assert_eq!(evaluation.penalties.temporal, 0.0, "hard mode has no penalty");
    assert!(one_match_at(spec, 3, "20:00", "GYM").hard.is_empty(), "limits are inclusive");
}

#[test]
fn fixed_matches_breaking_rules_are_input_warnings_not_violations() {
    let mut spec = base();
    spec.calendar.blocked_weeks.insert(4);
    spec.fixed_matches.push(FixedMatchSpec {
        home: key("C (1)"),
        away: key("D (1)"),
        pool: Some("VBFA1PA".into()),
        week: 4,
        time: t("15:30"),
        venue: "GYM".into(),
        competition: None,
        score: Some("3-1".into()),
        notes: None,
    });
    let problem = build(spec);
    assert_eq!(problem.matches.len(), 5, "the fixed match replaces C – D");
    let evaluation = evaluate(&problem, &Schedule::empty(&problem));
    assert!(evaluation.hard.is_empty());
    let fixed_rules: Vec<HardRule> = evaluation.fixed_problems.iter().map(|v| v.rule).collect();
    assert_eq!(fixed_rules, vec![HardRule::H8]);
    assert_eq!(evaluation.fixed, 1);
}
