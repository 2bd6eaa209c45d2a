//! Every penalty term against values computed by hand (spec §8.2 worked examples).

mod common;

use common::*;
use scheduler_core::*;

/// Two teams, one match, weights neutral except the term under test.
fn duel(pref_a: Option<&str>, pref_b: Option<&str>) -> ProblemSpec {
    let mut spec =
        league(&["A (1)", "B (1)"], 4, vec![venue("GYM", 1, &["14:00", "17:45", "18:00", "19:15", "20:00"])]);
    spec.teams[0].preferred_time = pref_a.map(t);
    spec.teams[1].preferred_time = pref_b.map(t);
    spec.settings.venue_preference_bonus.clear();
    spec.settings.compaction_penalties = None;
    spec
}

fn s1(pref_a: Option<&str>, pref_b: Option<&str>, slot: &str) -> f64 {
    let problem = build(duel(pref_a, pref_b));
    let mut schedule = Schedule::empty(&problem);
    schedule.set(MatchId(0), Some(at(&problem, 1, slot, "GYM")));
    let evaluation = evaluate(&problem, &schedule);
    assert!(evaluation.hard.is_empty(), "{:?}", evaluation.hard);
    evaluation.penalties.preferred_time
}

#[test]
fn s1_preferred_time_examples_of_the_spec() {
    assert_eq!(s1(Some("20:00"), Some("20:00"), "18:00"), 120.0, "both early: 2 × 15 × 2²");
    assert_eq!(s1(Some("20:00"), Some("14:00"), "18:00"), 120.0, "one early: 6 × 2² + 6 × 4²");
    assert_eq!(s1(Some("18:00"), None, "17:45"), 0.0, "within tolerance");
    assert_eq!(s1(Some("18:00"), None, "19:15"), 1.5625, "after: 1 × (75/60)²");
    assert_eq!(s1(Some("20:00"), None, "14:00"), 216.0, "one early: 6 × 6²");
    assert_eq!(s1(None, None, "14:00"), 0.0);
}

#[test]
fn s2_venue_preference_by_rank_with_holes() {
    let mut spec = league(
        &["LYON 1 (1)", "LYON 1 (2)", "INSA (1)"],
        4,
        vec![venue("BESSON", 3, &["20:00"]), venue("LAENNEC", 3, &["20:00"])],
    );
    spec.settings.compaction_penalties = None;
    for team in &mut spec.teams[..2] {
        team.preferred_venues = vec![None, Some("BESSON".into())];
    }
    let problem = build(spec);
    let mut schedule = Schedule::empty(&problem);
    schedule.set(find(&problem, "LYON 1 (1)", "LYON 1 (2)"), Some(at(&problem, 1, "20:00", "BESSON")));
    schedule.set(find(&problem, "LYON 1 (1)", "INSA (1)"), Some(at(&problem, 2, "20:00", "BESSON")));
    schedule.set(find(&problem, "LYON 1 (2)", "INSA (1)"), Some(at(&problem, 3, "20:00", "LAENNEC")));
    // 20 − 8 − 8, 20 − 8, 20 − 0.
    assert_eq!(evaluate(&problem, &schedule).penalties.venue_preference, 4.0 + 12.0 + 20.0);
}

#[test]
fn s3_venue_level_rewards_and_penalties() {
    let mut spec = league(
        &["A (1)", "B (1)"],
        4,
        vec![venue("BESSON", 1, &["20:00"]), venue("L. J. HAUT", 1, &["20:00"])],
    );
    spec.teams.push(TeamSpec::new("C (1)", Some(Gender::Female), "VBFA4PA"));
    spec.teams.push(TeamSpec::new("D (1)", Some(Gender::Female), "VBFA4PA"));
    spec.venues[0].level = Some(VenueLevel::High);
    spec.venues[1].level = Some(VenueLevel::Low);
    spec.settings.venue_level_penalty_high = vec![-5, -3, -1, 0];
    spec.settings.venue_level_penalty_low = vec![8, 5, 2, 1];
    let problem = build(spec);
    let level = |a: &str, b: &str, venue: &str| {
        let mut schedule = Schedule::empty(&problem);
        schedule.set(find(&problem, a, b), Some(at(&problem, 1, "20:00", venue)));
        evaluate(&problem, &schedule).penalties.venue_level
    };
    assert_eq!(level("A (1)", "B (1)", "BESSON"), -5.0);
    assert_eq!(level("C (1)", "D (1)", "BESSON"), 0.0);
    assert_eq!(level("A (1)", "B (1)", "L. J. HAUT"), 8.0);
    assert_eq!(level("C (1)", "D (1)", "L. J. HAUT"), 1.0);
}

#[test]
fn s4_counts_every_pair_of_played_weeks_and_s5_each_week() {
    let mut spec = league(&["A (1)", "B (1)", "C (1)", "D (1)"], 8, vec![venue("GYM", 2, &["20:00"])]);
    spec.settings.venue_preference_bonus.clear();
    spec.settings.compaction_penalties = Some(vec![0, 0, 5, 10, 10, 15, 20, 35]);
    let problem = build(spec);
    let mut schedule = Schedule::empty(&problem);
    // A plays weeks 5, 6, 7: pairs (5,6) 5 + (6,7) 5 + (5,7) 2 = 12.
    schedule.set(find(&problem, "A (1)", "B (1)"), Some(at(&problem, 5, "20:00", "GYM")));
    schedule.set(find(&problem, "A (1)", "C (1)"), Some(at(&problem, 6, "20:00", "GYM")));
    schedule.set(find(&problem, "A (1)", "D (1)"), Some(at(&problem, 7, "20:00", "GYM")));
    let evaluation = evaluate(&problem, &schedule);
    assert!(evaluation.hard.is_empty());
    // B, C and D play once each: no pair.
    assert_eq!(evaluation.penalties.rest_spacing, 12.0);
    assert_eq!(evaluation.penalties.compaction, 10.0 + 15.0 + 20.0);
    assert_eq!(evaluation.reward, 30_000);
    assert_eq!(evaluation.unplaced_reward, 30_000);
    assert_eq!(evaluation.objective, 30_000.0 - 57.0);
    assert_eq!(evaluation.cost, 30_000.0 + 57.0);
}

#[test]
fn s7_soft_temporal_and_s8_home_and_away_legs() {
    let mut spec = league(&["A (1)", "B (1)"], 6, vec![venue("GYM", 1, &["20:00"])]);
    spec.settings.venue_preference_bonus.clear();
    spec.settings.compaction_penalties = None;
    spec.settings.rest_spacing_penalties.clear();
    spec.pools.push(PoolSpec { code: "VBFA1PA".into(), kind: PoolKind::HomeAndAway });
    spec.temporal_constraints.push(TemporalConstraint {
        team_a: key("B (1)"),
        team_b: key("A (1)"),
        kind: TemporalKind::Before,
        week: 2,
    });
    let problem = build(spec);
    assert_eq!(problem.matches.len(), 2);
    let mut schedule = Schedule::empty(&problem);
    schedule.set(find(&problem, "A (1)", "B (1)"), Some(at(&problem, 2, "20:00", "GYM")));
    schedule.set(find(&problem, "B (1)", "A (1)"), Some(at(&problem, 3, "20:00", "GYM")));
    let evaluation = evaluate(&problem, &schedule);
    assert!(evaluation.hard.is_empty());
    assert_eq!(evaluation.penalties.temporal, 100.0, "only the leg in week 3 is late");
    assert_eq!(evaluation.penalties.home_away, 2000.0, "consecutive legs");
    schedule.set(find(&problem, "B (1)", "A (1)"), Some(at(&problem, 4, "20:00", "GYM")));
    assert_eq!(evaluate(&problem, &schedule).penalties.home_away, 0.0);
}

#[test]
fn s6_is_defined_once_same_week_and_time_any_venue() {
    let mut spec = league(
        &["X (1)", "Y (1)", "X (2)", "Z (1)"],
        4,
        vec![venue("G1", 1, &["20:00"]), venue("G2", 1, &["20:00"])],
    );
    spec.settings.venue_preference_bonus.clear();
    spec.settings.compaction_penalties = None;
    spec.settings.overlap_penalty = Some(10);
    let problem = build(spec);
    let mut schedule = Schedule::empty(&problem);
    schedule.set(find(&problem, "X (1)", "Y (1)"), Some(at(&problem, 1, "20:00", "G1")));
    schedule.set(find(&problem, "X (2)", "Z (1)"), Some(at(&problem, 1, "20:00", "G2")));
    assert_eq!(evaluate(&problem, &schedule).penalties.overlap, 10.0, "institution X twice at once");
    schedule.set(find(&problem, "X (2)", "Z (1)"), Some(at(&problem, 2, "20:00", "G2")));
    assert_eq!(evaluate(&problem, &schedule).penalties.overlap, 0.0);
}

#[test]
fn ententes_earn_their_own_reward() {
    let mut spec = league(&["LYON 1 (1)", "LYON 1 (2)", "INSA (1)"], 4, vec![venue("GYM", 1, &["20:00"])]);
    spec.ententes.push(Entente {
        institution_a: "LYON 1".into(),
        institution_b: "LYON 1".into(),
        reward: None,
    });
    let problem = build(spec);
    let entente = find(&problem, "LYON 1 (1)", "LYON 1 (2)");
    assert!(problem.match_(entente).entente);
    assert_eq!(problem.match_(entente).reward, 30);
    assert_eq!(problem.match_(find(&problem, "LYON 1 (1)", "INSA (1)")).reward, 10_000);
    let evaluation = evaluate(&problem, &Schedule::empty(&problem));
    assert_eq!(evaluation.unplaced_reward, 20_030);
    assert_eq!(evaluation.objective, 0.0);
}
