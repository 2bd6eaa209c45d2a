//! Explanations of unplaced matches: one tiny season per blocker, the summary sentence, and the
//! agreement with the slot grid on synthetic seasons.

mod common;

use std::collections::{HashMap, HashSet};
use std::time::Duration;

use common::*;
use scheduler_core::evaluation::{match_penalties, MatchRef};
use scheduler_core::explain::{explain, explain_unplaced, Blocker, Explanation, Occupant, TeamRef, VenueRef};
use scheduler_core::slots::SlotGrid;
use scheduler_core::*;

fn team_ref(problem: &Problem, name: &str) -> TeamRef {
    let i = problem.teams.iter().position(|t| t.name == name).expect("known team");
    TeamRef { id: TeamId(i as u32), label: problem.teams[i].label() }
}

fn venue_ref(problem: &Problem, name: &str) -> VenueRef {
    let i = problem.venues.iter().position(|v| v.name == name).expect("known venue");
    VenueRef { id: VenueId(i as u32), name: name.into() }
}

/// The blockers of every week, by week number.
fn blockers(explanation: &Explanation) -> Vec<(u16, Vec<Blocker>)> {
    explanation.weeks.iter().map(|w| (w.week.0, w.blockers.clone())).collect()
}

fn placed_occupant(problem: &Problem, id: MatchId, time: &str, venue: &str) -> Occupant {
    Occupant {
        id: MatchRef::Planned(id),
        fixed: false,
        label: problem.describe_match(id),
        time: t(time),
        venue: venue.into(),
    }
}

fn external(name: &str) -> TeamSpec {
    TeamSpec { pool: None, ..TeamSpec::new(name, Some(Gender::Female), "") }
}

fn fixed(home: &str, away: &str, week: u16, time: &str, venue: &str) -> FixedMatchSpec {
    FixedMatchSpec {
        home: key(home),
        away: key(away),
        pool: None,
        week,
        time: t(time),
        venue: venue.into(),
        competition: Some("CFE".into()),
        score: None,
        notes: None,
    }
}

fn all_day(team: &str, week: u16) -> TeamUnavailability {
    TeamUnavailability { team: key(team), week, range: TimeRange::AllDay }
}

#[test]
fn weeks_before_the_first_plannable_week_and_blocked_weeks() {
    let mut spec = league(&["A (1)", "B (1)"], 3, vec![venue("GYM", 1, &["20:00"])]);
    spec.calendar.first_plannable_week = 2;
    spec.calendar.blocked_weeks = [2, 3].into_iter().collect();
    let problem = build(spec);
    let e = explain(&problem, &Schedule::empty(&problem), MatchId(0));
    assert_eq!(e.summary, "no plannable week: the first plannable week is 2 of 3, blocked weeks 2–3");
    assert_eq!(
        blockers(&e),
        vec![
            (1, vec![Blocker::BeforeFirstPlannableWeek { first_plannable_week: 2 }]),
            (2, vec![Blocker::BlockedWeek]),
            (3, vec![Blocker::BlockedWeek]),
        ]
    );
    assert_eq!(e.weeks_free_for_both_teams().count(), 0);
    assert_eq!(
        e.weeks[0].blockers[0].to_string(),
        "before the first plannable week (2): nothing new is placed there"
    );
}

#[test]
fn team_and_institution_unavailable() {
    let mut spec = league(&["A (1)", "B (1)"], 2, vec![venue("GYM", 1, &["18:00", "20:00"])]);
    spec.team_unavailabilities.push(all_day("B (1)", 1));
    spec.institution_unavailabilities.push(InstitutionUnavailability {
        institution: "A".into(),
        week: 2,
        range: TimeRange::Between { start: t("17:00"), end: t("23:00") },
    });
    let problem = build(spec);
    let e = explain(&problem, &Schedule::empty(&problem), MatchId(0));
    let (a, b) = (team_ref(&problem, "A (1)"), team_ref(&problem, "B (1)"));
    assert_eq!(
        blockers(&e),
        vec![
            (
                1,
                vec![Blocker::TeamUnavailable {
                    team: b,
                    institution: None,
                    whole_week: true,
                    times: vec![]
                }]
            ),
            (
                2,
                vec![Blocker::TeamUnavailable {
                    team: a,
                    institution: Some("A".into()),
                    whole_week: true,
                    times: vec![]
                }]
            ),
        ]
    );
    assert_eq!(
        e.summary,
        "no plannable week has room for it: in week 1 B (1) [F] unavailable; in week 2 A (1) [F] unavailable \
         (institution A)"
    );
    assert_eq!(
        e.weeks[1].blockers[0].to_string(),
        "A (1) [F] is unavailable the whole week (its institution A is)"
    );
    assert_eq!(e.weeks_free_for_both_teams().count(), 0);
}

#[test]
fn a_team_unavailable_at_some_times_and_a_venue_full_at_the_others() {
    let mut spec = league(&["A (1)", "B (1)"], 1, vec![venue("GYM", 1, &["18:00", "20:00"])]);
    spec.teams.push(TeamSpec::new("C (1)", Some(Gender::Female), "VBFA1PB"));
    spec.teams.push(TeamSpec::new("D (1)", Some(Gender::Female), "VBFA1PB"));
    spec.team_unavailabilities.push(TeamUnavailability {
        team: key("B (1)"),
        week: 1,
        range: TimeRange::Between { start: t("19:00"), end: t("21:00") },
    });
    let problem = build(spec);
    let (ab, cd) = (find(&problem, "A (1)", "B (1)"), find(&problem, "C (1)", "D (1)"));
    let mut schedule = Schedule::empty(&problem);
    schedule.set(cd, Some(at(&problem, 1, "18:00", "GYM")));
    let e = explain(&problem, &schedule, ab);
    assert_eq!(
        blockers(&e),
        vec![(
            1,
            vec![
                Blocker::TeamUnavailable {
                    team: team_ref(&problem, "B (1)"),
                    institution: None,
                    whole_week: false,
                    times: vec![t("20:00")]
                },
                Blocker::VenueFull {
                    venue: venue_ref(&problem, "GYM"),
                    all_times: false,
                    times: vec![t("18:00")],
                    matches: vec![placed_occupant(&problem, cd, "18:00", "GYM")]
                },
            ]
        )]
    );
    assert!(e.weeks[0].free_for_both_teams, "B can play at 18:00");
    assert_eq!(
        e.summary,
        "no plannable week has room for it: in week 1 B (1) [F] unavailable at 20:00, GYM full"
    );
    assert_eq!(
        e.weeks[0].blockers[1].to_string(),
        "every court of GYM is taken at 18:00: C (1) [F] – D (1) [F] (VBFA1PB) (placed, 18:00 at GYM)"
    );
}

#[test]
fn weekly_limit_used_by_a_fixed_match_then_a_free_week() {
    let mut spec = league(&["A (1)", "B (1)"], 2, vec![venue("GYM", 2, &["20:00"])]);
    spec.teams.push(external("X (1)"));
    spec.fixed_matches.push(fixed("A (1)", "X (1)", 1, "20:00", "GYM"));
    let problem = build(spec);
    let e = explain(&problem, &Schedule::empty(&problem), MatchId(0));
    let occupant = Occupant {
        id: MatchRef::Fixed(FixedMatchId(0)),
        fixed: true,
        label: "A (1) [F] – X (1) [F] (CFE)".into(),
        time: t("20:00"),
        venue: "GYM".into(),
    };
    assert_eq!(
        blockers(&e),
        vec![
            (
                1,
                vec![Blocker::WeeklyLimitReached {
                    team: team_ref(&problem, "A (1)"),
                    limit: 1,
                    matches: vec![occupant]
                }]
            ),
            (2, vec![]),
        ]
    );
    assert_eq!(e.weeks[1].free_slots, 1);
    assert_eq!(
        e.summary,
        "1 possible slot is still free in week 2: the solver stopped before placing it (a longer time limit or \
         another strategy may place it)"
    );
    assert_eq!(
        e.weeks[0].blockers[0].to_string(),
        "A (1) [F] already plays its 1 match of the week: A (1) [F] – X (1) [F] (CFE) (fixed, 20:00 at GYM)"
    );
    assert_eq!(e.weeks[0].blockers[0].short(), "A (1) [F] already plays that week (fixed match)");
}

#[test]
fn weekly_limit_used_by_placed_matches() {
    // A–B in week 1 and A–C in week 2 leave B–C no week: B plays in week 1, C in week 2.
    let problem = build(league(&["A (1)", "B (1)", "C (1)"], 2, vec![venue("GYM", 1, &["20:00"])]));
    let mut schedule = Schedule::empty(&problem);
    let (ab, ac, bc) = (
        find(&problem, "A (1)", "B (1)"),
        find(&problem, "A (1)", "C (1)"),
        find(&problem, "B (1)", "C (1)"),
    );
    schedule.set(ab, Some(at(&problem, 1, "20:00", "GYM")));
    schedule.set(ac, Some(at(&problem, 2, "20:00", "GYM")));
    let e = explain(&problem, &schedule, bc);
    assert_eq!(
        e.summary,
        "no plannable week has room for it: in week 1 B (1) [F] already plays that week; in week 2 C (1) [F] \
         already plays that week"
    );
    match &e.weeks[0].blockers[..] {
        [Blocker::WeeklyLimitReached { matches, .. }] => {
            assert_eq!(matches, &vec![placed_occupant(&problem, ab, "20:00", "GYM")]);
        }
        other => panic!("{other:?}"),
    }
    assert!(!e.weeks[0].free_for_both_teams);
}

#[test]
fn a_team_with_more_matches_than_room() {
    let problem = build(league(&["A (1)", "B (1)", "C (1)"], 1, vec![venue("GYM", 1, &["18:00", "20:00"])]));
    let mut schedule = Schedule::empty(&problem);
    schedule.set(find(&problem, "A (1)", "B (1)"), Some(at(&problem, 1, "18:00", "GYM")));
    let e = explain(&problem, &schedule, find(&problem, "A (1)", "C (1)"));
    assert_eq!(
        e.summary,
        "A (1) [F] has 2 matches to plan but room for only 1 in the plannable weeks it can play: in week 1 A \
         (1) [F] already plays that week"
    );
}

#[test]
fn venue_closed_then_free() {
    let mut spec = league(&["A (1)", "B (1)"], 2, vec![venue("GYM", 1, &["18:00", "20:00"])]);
    spec.venue_unavailabilities.push(VenueUnavailability {
        venue: "GYM".into(),
        week: 1,
        range: TimeRange::AllDay,
        courts_taken: None,
    });
    let problem = build(spec);
    let e = explain(&problem, &Schedule::empty(&problem), MatchId(0));
    assert_eq!(
        blockers(&e)[0],
        (
            1,
            vec![Blocker::VenueClosed {
                venue: venue_ref(&problem, "GYM"),
                all_times: true,
                times: vec![t("18:00"), t("20:00")]
            }]
        )
    );
    assert_eq!(e.weeks[0].blockers[0].to_string(), "GYM is closed at every time");
    assert!(e.weeks[0].free_for_both_teams);
    assert_eq!(e.open_weeks().collect::<Vec<_>>(), vec![Week(2)]);
    assert_eq!(e.free_slots(), 2);
}

#[test]
fn venue_full_with_fixed_matches_everywhere() {
    let mut spec = league(&["A (1)", "B (1)"], 1, vec![venue("GYM", 1, &["20:00"])]);
    spec.teams.push(external("X (1)"));
    spec.teams.push(external("Y (1)"));
    spec.fixed_matches.push(fixed("X (1)", "Y (1)", 1, "20:00", "GYM"));
    let problem = build(spec);
    let e = explain(&problem, &Schedule::empty(&problem), MatchId(0));
    assert_eq!(e.summary, "no plannable week has room for it: in week 1 GYM full");
    match &e.weeks[0].blockers[..] {
        [Blocker::VenueFull { all_times: true, matches, .. }] => assert!(matches[0].fixed),
        other => panic!("{other:?}"),
    }
}

#[test]
fn presence_obligation() {
    let mut spec =
        league(&["A (1)", "B (1)"], 1, vec![venue("GYM", 1, &["20:00"]), venue("HALL", 1, &["20:00"])]);
    spec.teams.push(TeamSpec::new("C (1)", Some(Gender::Female), "VBFA1PB"));
    spec.teams.push(TeamSpec::new("D (1)", Some(Gender::Female), "VBFA1PB"));
    spec.presence_obligations.push(PresenceObligation { venue: "GYM".into(), institution: "C".into() });
    let problem = build(spec);
    let (ab, cd) = (find(&problem, "A (1)", "B (1)"), find(&problem, "C (1)", "D (1)"));
    let mut schedule = Schedule::empty(&problem);
    schedule.set(cd, Some(at(&problem, 1, "20:00", "HALL")));
    let e = explain(&problem, &schedule, ab);
    assert_eq!(
        e.weeks[0].blockers,
        vec![
            Blocker::PresenceObligation { venue: venue_ref(&problem, "GYM"), institution: "C".into() },
            Blocker::VenueFull {
                venue: venue_ref(&problem, "HALL"),
                all_times: true,
                times: vec![t("20:00")],
                matches: vec![placed_occupant(&problem, cd, "20:00", "HALL")]
            },
        ]
    );
    assert_eq!(
        e.summary,
        "no plannable week has room for it: in week 1 HALL full, GYM reserved to other institutions"
    );
    assert_eq!(e.weeks[0].blockers[0].to_string(), "every match at GYM must involve a team of C");
}

#[test]
fn earliest_time_at_a_venue() {
    let mut spec = league(&["A (1)", "B (1)"], 1, vec![venue("GYM", 1, &["18:00", "20:00"])]);
    spec.earliest_times.push(EarliestTime { team: key("A (1)"), venue: "GYM".into(), earliest: t("21:00") });
    let problem = build(spec);
    let e = explain(&problem, &Schedule::empty(&problem), MatchId(0));
    assert_eq!(
        e.weeks[0].blockers,
        vec![Blocker::EarliestTime {
            team: team_ref(&problem, "A (1)"),
            venue: venue_ref(&problem, "GYM"),
            earliest: t("21:00")
        }]
    );
    assert_eq!(
        e.summary,
        "no plannable week has room for it: in week 1 A (1) [F] may not start before 21:00 at GYM"
    );
}

#[test]
fn a_team_playing_elsewhere_at_that_time() {
    let mut spec = league(&["A (1)", "B (1)"], 1, vec![venue("GYM", 1, &["20:00"]), venue("FAR", 1, &[])]);
    spec.settings.max_matches_per_team_per_week = 2;
    spec.teams.push(external("X (1)"));
    spec.fixed_matches.push(fixed("A (1)", "X (1)", 1, "20:00", "FAR"));
    let problem = build(spec);
    let e = explain(&problem, &Schedule::empty(&problem), MatchId(0));
    match &e.weeks[0].blockers[..] {
        [Blocker::TeamBusy { team, matches }] => {
            assert_eq!(team.label, "A (1) [F]");
            assert_eq!(matches[0].to_string(), "A (1) [F] – X (1) [F] (CFE) (fixed, 20:00 at FAR)");
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        e.summary,
        "no plannable week has room for it: in week 1 A (1) [F] plays another match at 20:00"
    );
}

#[test]
fn hard_temporal_constraint() {
    let mut spec = league(&["A (1)", "B (1)"], 4, vec![venue("GYM", 1, &["20:00"])]);
    spec.calendar.first_plannable_week = 3;
    spec.settings.temporal.hard = true;
    spec.temporal_constraints.push(TemporalConstraint {
        team_a: key("A (1)"),
        team_b: key("B (1)"),
        kind: TemporalKind::Before,
        week: 2,
    });
    let problem = build(spec);
    let e = explain(&problem, &Schedule::empty(&problem), MatchId(0));
    assert_eq!(
        e.weeks[2].blockers,
        vec![Blocker::TemporalConstraint { side: TemporalKind::Before, limit: 2 }]
    );
    assert_eq!(
        e.summary,
        "no plannable week has room for it: in weeks 3–4 hard temporal constraint (not after week 2)"
    );
    assert_eq!(e.weeks_free_for_both_teams().map(|w| w.0).collect::<Vec<_>>(), vec![3, 4]);
}

#[test]
fn no_venue_time() {
    let problem = build(league(&["A (1)", "B (1)"], 1, vec![venue("GYM", 1, &[])]));
    let e = explain(&problem, &Schedule::empty(&problem), MatchId(0));
    assert_eq!(e.weeks[0].blockers, vec![Blocker::NoVenueTime]);
    assert_eq!(e.summary, "no plannable week has room for it: in week 1 no venue offers a time");
}

#[test]
fn an_optional_entente_match() {
    let mut spec = league(&["A (1)", "A (2)"], 1, vec![venue("GYM", 1, &["20:00"])]);
    spec.ententes.push(Entente { institution_a: "A".into(), institution_b: "A".into(), reward: None });
    let problem = build(spec);
    assert_eq!(
        explain(&problem, &Schedule::empty(&problem), MatchId(0)).summary,
        "1 possible slot is still free in week 1: as an optional entente match it stays out when its penalties \
         would exceed its reward"
    );
    let mut spec = league(&["A (1)", "A (2)", "B (1)"], 2, vec![venue("GYM", 1, &["20:00"])]);
    spec.ententes.push(Entente { institution_a: "A".into(), institution_b: "A".into(), reward: None });
    let problem = build(spec);
    let mut schedule = Schedule::empty(&problem);
    schedule.set(find(&problem, "A (2)", "B (1)"), Some(at(&problem, 1, "20:00", "GYM")));
    schedule.set(find(&problem, "A (1)", "B (1)"), Some(at(&problem, 2, "20:00", "GYM")));
    assert_eq!(
        explain(&problem, &schedule, find(&problem, "A (1)", "A (2)")).summary,
        "no plannable week has room for it: in week 1 A (2) [F] already plays that week; in week 2 A (1) [F] \
         already plays that week (entente match: optional, worth 30 instead of 10000)"
    );
}

fn quick(problem: &Problem, seed: u64) -> SolveOutcome {
    let options = SolveOptions {
        time_limit: Duration::from_secs(20),
        seed,
        threads: 1,
        heuristic_rounds: 20,
        ..SolveOptions::default()
    };
    solve(problem, Strategy::Heuristic, &options).expect("the heuristic answers")
}

/// The free slots an explanation finds are the grid's candidates no other match takes.
#[test]
fn free_slots_agree_with_the_slot_grid() {
    for (teams, seed) in [(30, 1), (60, 2), (90, 3)] {
        let (problem, _) = Problem::new(synthetic::generate(synthetic::SyntheticParams { teams, seed }))
            .expect("synthetic seasons are valid");
        let grid = SlotGrid::new(&problem);
        let empty = Schedule::empty(&problem);
        let explained = explain_unplaced(&problem, &empty);
        assert_eq!(explained.len(), problem.matches.len());
        for e in &explained {
            assert_eq!(
                e.free_slots(),
                grid.candidates[e.match_id.index()].len(),
                "{}",
                problem.describe_match(e.match_id)
            );
        }

        let outcome = quick(&problem, seed);
        let schedule = &outcome.schedule;
        let mut at_slot: HashMap<usize, u32> = HashMap::new();
        let mut team_week: HashMap<(TeamId, Week), u32> = HashMap::new();
        let mut team_time: HashSet<(TeamId, Week, TimeOfDay)> = HashSet::new();
        for (id, p) in schedule.placed() {
            *at_slot
                .entry(grid.slot_at(p.week, p.venue, p.time).expect("placed on the grid"))
                .or_default() += 1;
            let m = problem.match_(id);
            for team in [m.home, m.away] {
                *team_week.entry((team, p.week)).or_default() += 1;
                team_time.insert((team, p.week, p.time));
            }
        }
        let unplaced = explain_unplaced(&problem, schedule);
        assert_eq!(unplaced.len(), outcome.evaluation.unplaced);
        for e in &unplaced {
            let m = problem.match_(e.match_id);
            let usable = grid.candidates[e.match_id.index()]
                .iter()
                .filter(|c| {
                    let s = &grid.slots[c.slot];
                    at_slot.get(&c.slot).copied().unwrap_or(0) < s.capacity
                        && [m.home, m.away].iter().all(|team| {
                            team_week.get(&(*team, s.week)).copied().unwrap_or(0)
                                < grid.week_budget[team.index()][s.week_index]
                                && !team_time.contains(&(*team, s.week, s.time))
                        })
                })
                .count();
            assert_eq!(e.free_slots(), usable, "{}: {}", problem.describe_match(e.match_id), e.summary);
            assert!(!e.summary.is_empty());
            for w in &e.weeks {
                assert_eq!(w.blockers.is_empty(), w.free_slots > 0, "week {} of {}", w.week.0, e.summary);
            }
        }
    }
}

/// The per-match penalties add up to the evaluator's, term by term.
#[test]
fn per_match_penalties_add_up() {
    let mut spec = synthetic::generate(synthetic::SyntheticParams { teams: 60, seed: 5 });
    spec.settings.overlap_penalty = Some(7);
    let (problem, _) = Problem::new(spec).expect("valid");
    let outcome = quick(&problem, 5);
    let per_match = match_penalties(&problem, &outcome.schedule);
    let mut sum = PenaltyBreakdown::default();
    for (id, breakdown) in problem.match_ids().zip(&per_match) {
        assert_eq!(breakdown.is_some(), outcome.schedule.get(id).is_some());
        if let Some(b) = breakdown {
            sum.preferred_time += b.preferred_time;
            sum.venue_preference += b.venue_preference;
            sum.venue_level += b.venue_level;
            sum.rest_spacing += b.rest_spacing;
            sum.compaction += b.compaction;
            sum.overlap += b.overlap;
            sum.temporal += b.temporal;
            sum.home_away += b.home_away;
        }
    }
    let expected = outcome.evaluation.penalties;
    for ((code, _, got), (_, _, want)) in sum.terms().iter().zip(expected.terms()) {
        assert!((got - want).abs() < 1e-6, "{code}: {got} vs {want}");
    }
    assert!(expected.rest_spacing > 0.0 && expected.home_away >= 0.0);
}
