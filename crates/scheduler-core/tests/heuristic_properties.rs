//! Properties of the heuristic on random small seasons, and its optimality gap on tiny ones
//! against an exhaustive search.

mod common;

use std::time::Duration;

use proptest::prelude::*;
use scheduler_core::slots::SlotGrid;
use scheduler_core::synthetic::{generate, SyntheticParams};
use scheduler_core::Strategy;
use scheduler_core::*;

fn quick_options(seed: u64) -> SolveOptions {
    SolveOptions {
        seed,
        threads: 1,
        heuristic_rounds: 40,
        time_limit: Duration::from_secs(30),
        ..SolveOptions::default()
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn heuristic_never_breaks_a_rule(teams in 8usize..40, seed in 0u64..1_000, max_per_week in 1u32..3) {
        let mut spec = generate(SyntheticParams { teams, seed });
        spec.settings.max_matches_per_team_per_week = max_per_week;
        spec.settings.overlap_penalty = seed.is_multiple_of(2).then_some(10);
        let (problem, _) = Problem::new(spec).expect("synthetic seasons are valid");
        let outcome = solve(&problem, Strategy::Heuristic, &quick_options(seed)).expect("the heuristic always answers");
        let evaluation = evaluate(&problem, &outcome.schedule);
        prop_assert!(evaluation.hard.is_empty(), "{:?}", evaluation.hard.first());
        prop_assert_eq!(&evaluation, &outcome.evaluation);
        prop_assert_eq!(evaluation.fixed, problem.fixed.len());
        for (_, placement) in outcome.schedule.placed() {
            prop_assert!(placement.week.0 >= problem.calendar.first_plannable_week);
            prop_assert!(!problem.calendar.blocked_weeks.contains(&placement.week.0));
        }
        // Fixed matches keep their slot: they are part of the problem, the schedule cannot hold them.
        prop_assert_eq!(outcome.schedule.len(), problem.matches.len());
    }

    #[test]
    fn same_seed_and_threads_give_the_same_schedule(seed in 0u64..1_000) {
        let (problem, _) = Problem::new(generate(SyntheticParams { teams: 24, seed })).expect("valid");
        let options = SolveOptions { threads: 2, ..quick_options(seed) };
        let first = solve(&problem, Strategy::Heuristic, &options).expect("answers");
        let second = solve(&problem, Strategy::Heuristic, &options).expect("answers");
        prop_assert_eq!(first.schedule, second.schedule);
    }
}

/// Best objective over every assignment of candidates (each match: one candidate or nothing).
fn exhaustive(problem: &Problem) -> (f64, Schedule) {
    let grid = SlotGrid::new(problem);
    let mut schedule = Schedule::empty(problem);
    let mut best = (f64::NEG_INFINITY, Schedule::empty(problem));
    fn walk(
        problem: &Problem,
        grid: &SlotGrid,
        schedule: &mut Schedule,
        index: usize,
        best: &mut (f64, Schedule),
    ) {
        let evaluation = evaluate(problem, schedule);
        if !evaluation.hard.is_empty() {
            return;
        }
        if index == problem.matches.len() {
            if evaluation.objective > best.0 {
                *best = (evaluation.objective, schedule.clone());
            }
            return;
        }
        let id = MatchId(index as u32);
        walk(problem, grid, schedule, index + 1, best);
        for candidate in &grid.candidates[index] {
            schedule.set(id, Some(grid.placement(candidate.slot)));
            walk(problem, grid, schedule, index + 1, best);
        }
        schedule.set(id, None);
    }
    walk(problem, &grid, &mut schedule, 0, &mut best);
    best
}

fn tiny(seed: u64) -> Problem {
    use common::*;
    let names = ["LYON 1 (1)", "LYON 1 (2)", "INSA (1)", "ECL (1)"];
    let mut spec =
        league(&names, 4, vec![venue("BESSON", 1, &["18:00", "20:00"]), venue("ECL", 1, &["20:00"])]);
    spec.calendar.first_plannable_week = 2;
    let times = ["14:00", "18:00", "20:00"];
    for (i, team) in spec.teams.iter_mut().enumerate() {
        team.preferred_time = Some(t(times[(seed as usize + i) % 3]));
        if (seed >> i) & 1 == 1 {
            team.preferred_venues = vec![Some("BESSON".into())];
        }
    }
    spec.team_unavailabilities.push(TeamUnavailability {
        team: key(names[seed as usize % 4]),
        week: 2 + (seed % 3) as u16,
        range: TimeRange::AllDay,
    });
    spec.presence_obligations.push(PresenceObligation { venue: "ECL".into(), institution: "ECL".into() });
    if seed.is_multiple_of(2) {
        spec.ententes.push(Entente {
            institution_a: "LYON 1".into(),
            institution_b: "LYON 1".into(),
            reward: None,
        });
    }
    build(spec)
}

/// The heuristic is not exact: on tiny seasons it must place what the optimum places and come
/// within 0.2 % of its objective; most seeds reach it exactly (the count is asserted too).
#[test]
fn heuristic_is_close_to_the_exhaustive_optimum_on_tiny_seasons() {
    let mut exact = 0;
    for seed in 0..16 {
        let problem = tiny(seed);
        let (optimum, best) = exhaustive(&problem);
        let options = SolveOptions { threads: 2, ..quick_options(seed) };
        let outcome = solve(&problem, Strategy::Heuristic, &options).expect("answers");
        assert!(outcome.evaluation.hard.is_empty());
        assert_eq!(
            outcome.evaluation.reward,
            evaluate(&problem, &best).reward,
            "seed {seed}: same matches placed"
        );
        let gap = (optimum - outcome.evaluation.objective) / optimum;
        assert!(
            (-1e-9..0.002).contains(&gap),
            "seed {seed}: heuristic {} vs optimum {optimum}",
            outcome.evaluation.objective
        );
        exact += usize::from(gap.abs() < 1e-9);
    }
    assert!(exact >= 12, "only {exact} of 16 tiny seasons solved exactly");
}
