//! The real volleyball season through the whole core: the evaluator reproduces PyCalendar's proven
//! optimum to the unit, and the heuristic places at least 128 of the 183 matches without breaking a rule.
//!
//! Skipped (with a message) when ../shared/data is absent, as in a user's fresh clone.

use std::path::{Path, PathBuf};
use std::time::Duration;

use scheduler_core::{evaluate, solve, Placement, Problem, Schedule, SolveOptions, Strategy, VenueId, Week};

fn volley_dir() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/volleyball");
    if dir.join("config_volley.yaml").exists() {
        Some(dir)
    } else {
        eprintln!("skipped: the real season ../shared/data/volleyball is not here");
        None
    }
}

fn volley_problem(dir: &Path) -> Problem {
    let project = scheduler_excel::load_project(&dir.join("config_volley.yaml")).expect("the season reads");
    Problem::new(project.spec).expect("the season is valid").0
}

/// PyCalendar's optimal calendar as a schedule of our matches (fixed rows are already in the problem).
fn reference_schedule(dir: &Path, problem: &Problem) -> Schedule {
    let csv = std::fs::read_to_string(dir.join("pycalendar_cpsat_calendar.csv")).expect("reference calendar");
    let mut schedule = Schedule::empty(problem);
    for line in csv.lines().skip(1) {
        let cells: Vec<&str> = line.split(',').collect();
        let [home, away, gender, pool, week, time, venue] = cells[..] else { panic!("bad line {line}") };
        if week.is_empty() {
            continue;
        }
        let found = problem.match_ids().find(|id| {
            let m = problem.match_(*id);
            let (h, a) = (problem.team(m.home), problem.team(m.away));
            h.name == home
                && a.name == away
                && h.gender.map(|g| g.code()) == Some(gender)
                && problem.pools[m.pool.index()].code == pool
        });
        let Some(id) = found else { continue }; // a fixed match
        let venue = problem.venues.iter().position(|v| v.name == venue).expect("known venue");
        schedule.set(
            id,
            Some(Placement {
                week: Week(week.parse().expect("week")),
                time: time.parse().expect("time"),
                venue: VenueId(venue as u32),
            }),
        );
    }
    schedule
}

#[test]
fn evaluator_reproduces_pycalendar_optimum_exactly() {
    let Some(dir) = volley_dir() else { return };
    let problem = volley_problem(&dir);
    assert_eq!(problem.matches.len(), 183);
    let schedule = reference_schedule(&dir, &problem);
    let evaluation = evaluate(&problem, &schedule);
    assert!(evaluation.hard.is_empty(), "{:?}", evaluation.hard.first());
    assert_eq!(evaluation.placed, 132);
    assert_eq!(evaluation.reward, 1_320_000);
    let p = evaluation.penalties;
    assert_eq!(
        [
            p.preferred_time,
            p.venue_preference,
            p.venue_level,
            p.rest_spacing,
            p.compaction,
            p.overlap,
            p.temporal,
            p.home_away
        ],
        [1616.0, 1834.0, -118.0, 472.0, 396.0, 0.0, 0.0, 0.0]
    );
    assert_eq!(p.total(), 4200.0);
    assert_eq!(evaluation.objective, 1_315_800.0);
}

#[test]
fn fixed_matches_break_17_rules_reported_as_input_warnings() {
    let Some(dir) = volley_dir() else { return };
    let problem = volley_problem(&dir);
    let evaluation = evaluate(&problem, &Schedule::empty(&problem));
    let count = |rule| evaluation.fixed_problems.iter().filter(|v| v.rule == rule).count();
    use scheduler_core::HardRule::*;
    // 15 off-grid times or closed slots, one overfull slot (ENTPE week 2 16:00), one team twice in week 7.
    assert_eq!((count(H2), count(H1), count(H5)), (15, 1, 1));
    assert_eq!(evaluation.fixed_problems.len(), 17);
    let twice = evaluation.fixed_problems.iter().find(|v| v.rule == H5).expect("H5");
    assert_eq!(twice.message, "INSA (1) [F] plays 2 matches in week 7 (at most 1)");
    assert!(evaluation.hard.is_empty(), "nothing placed, nothing broken");
}

#[test]
fn heuristic_places_at_least_128_matches_without_breaking_a_rule() {
    let Some(dir) = volley_dir() else { return };
    let problem = volley_problem(&dir);
    let options = SolveOptions { time_limit: Duration::from_secs(60), ..SolveOptions::default() };
    let outcome = solve(&problem, Strategy::Heuristic, &options).expect("the heuristic answers");
    let evaluation = evaluate(&problem, &outcome.schedule);
    assert!(evaluation.hard.is_empty(), "{:?}", evaluation.hard.first());
    assert!(evaluation.placed >= 128, "placed {} of 183", evaluation.placed);
    assert!(evaluation.placed <= 132, "132 is the proven maximum, placed {}", evaluation.placed);
    eprintln!(
        "heuristic: {} placed, objective {}, {:?}",
        evaluation.placed, evaluation.objective, outcome.elapsed
    );
}
