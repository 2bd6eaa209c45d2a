//! The exact strategy against optima known by hand or by exhaustive search, and the evaluator.

use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use super::*;
use crate::spec::{PoolKind, PoolSpec, TeamSpec, VenueSpec};
use crate::{
    Calendar, Gender, HomeAwayWeights, MatchId, Placement, ProblemSpec, Settings, TeamKey,
    TeamUnavailability, TimeOfDay, TimeRange,
};

fn time(h: u16) -> TimeOfDay {
    TimeOfDay::from_hm(h, 0).expect("valid time")
}

fn venue(name: &str, courts: u32, hours: &[u16]) -> VenueSpec {
    VenueSpec { name: name.into(), courts, times: hours.iter().map(|h| time(*h)).collect(), level: None }
}

fn team(name: &str, pool: &str) -> TeamSpec {
    TeamSpec::new(name, Some(Gender::Female), pool)
}

fn build(spec: ProblemSpec) -> Problem {
    Problem::new(spec).expect("valid problem").0
}

/// An exact solve on the problem's own slot grid.
fn run(
    problem: &Problem,
    options: &SolveOptions,
    start: Option<&Schedule>,
    started: Instant,
) -> Result<Run, SolveError> {
    super::run(problem, &SlotGrid::new(problem), options, start, started)
}

fn options(seconds: u64) -> SolveOptions {
    SolveOptions { time_limit: Duration::from_secs(seconds), threads: 1, ..SolveOptions::default() }
}

/// Solves exactly and checks what every exact solve must satisfy.
fn exact(problem: &Problem, start: Option<&Schedule>) -> Run {
    let run = run(problem, &options(60), start, Instant::now()).expect("SCIP solves");
    let evaluation = &run.outcome.evaluation;
    assert!(evaluation.hard.is_empty(), "hard violations: {:?}", evaluation.hard);
    assert_eq!(evaluation, &evaluate(problem, &run.outcome.schedule));
    let scip = run.scip_objective.expect("SCIP found a schedule");
    assert!(
        (scip - evaluation.objective).abs() <= 1e-6,
        "SCIP says {scip}, the evaluator {}",
        evaluation.objective
    );
    run
}

fn assert_close(actual: f64, expected: f64) {
    assert!((actual - expected).abs() <= 1e-6, "{actual} ≠ {expected}");
}

#[test]
fn three_teams_one_court_hand_optimum() {
    // One court, one time, three weeks: one match a week. Each team plays two of the three weeks:
    // the two teams playing consecutive weeks pay S4 = 5, the one with a week off 2; week 3 costs 5
    // (S5), every placement the S2 base 20.
    let spec = ProblemSpec {
        calendar: Calendar::new(3),
        teams: ["A (1)", "B (1)", "C (1)"].iter().map(|n| team(n, "P")).collect(),
        venues: vec![venue("GYM", 1, &[20])],
        ..ProblemSpec::default()
    };
    let problem = build(spec);
    let run = exact(&problem, None);
    assert_eq!(run.outcome.status, SolveStatus::Optimal);
    assert_eq!(run.outcome.evaluation.placed, 3);
    assert_close(run.outcome.evaluation.objective, 30_000.0 - 60.0 - 5.0 - 12.0);
    assert_close(run.outcome.evaluation.penalties.rest_spacing, 12.0);
    assert_eq!(run.outcome.gap, Some(0.0));
}

#[test]
fn home_and_away_legs_keep_a_week_apart() {
    // Two teams, both legs, three weeks with one slot each. Weeks 1 and 2 pay S8 = 2000 (+ S4 2×5);
    // weeks 1 and 3 pay S4 2×2 and S5 5: the optimum.
    let spec = ProblemSpec {
        calendar: Calendar::new(3),
        teams: ["A (1)", "B (1)"].iter().map(|n| team(n, "AR")).collect(),
        pools: vec![PoolSpec { code: "AR".into(), kind: PoolKind::HomeAndAway }],
        venues: vec![venue("GYM", 1, &[20])],
        ..ProblemSpec::default()
    };
    let problem = build(spec);
    assert_eq!(problem.matches.len(), 2);
    let run = exact(&problem, None);
    assert_eq!(run.outcome.status, SolveStatus::Optimal);
    assert_close(run.outcome.evaluation.objective, 20_000.0 - 40.0 - 4.0 - 5.0);
    let weeks: Vec<u16> = run.outcome.schedule.placed().map(|(_, p)| p.week.0).collect();
    assert!(weeks.contains(&1) && weeks.contains(&3), "{weeks:?}");
}

#[test]
fn unplaceable_matches_stay_out_and_the_empty_model_solves() {
    // Four teams, one week: at most two matches (one per team and week).
    let spec = ProblemSpec {
        calendar: Calendar::new(1),
        teams: ["A (1)", "B (1)", "C (1)", "D (1)"].iter().map(|n| team(n, "P")).collect(),
        venues: vec![venue("GYM", 3, &[18, 20])],
        ..ProblemSpec::default()
    };
    let four = exact(&build(spec), None);
    assert_eq!(four.outcome.status, SolveStatus::Optimal);
    assert_eq!((four.outcome.evaluation.placed, four.outcome.evaluation.unplaced), (2, 4));

    let nothing = ProblemSpec { calendar: Calendar::new(2), ..ProblemSpec::default() };
    let empty = run(&build(nothing), &options(10), None, Instant::now()).expect("solves");
    assert_eq!(empty.outcome.status, SolveStatus::Optimal);
    assert_eq!(empty.outcome.evaluation.placed, 0);
}

/// A tiny random league: a few teams, three weeks, two slots a week, random preferences and
/// unavailabilities, sometimes home-and-away, two matches a week and S6.
fn tiny(seed: u64) -> Problem {
    let mut state = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    let mut next = move |n: u64| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state % n
    };
    let home_and_away = next(3) == 0;
    let count = if home_and_away { 3 } else { 4 };
    let names = ["LYON 1 (1)", "LYON 1 (2)", "INSA (1)", "ECL (1)"];
    let mut settings = Settings::default();
    if next(2) == 0 {
        settings.max_matches_per_team_per_week = 2;
    }
    if next(2) == 0 {
        settings.overlap_penalty = Some(7);
    }
    settings.home_away = Some(HomeAwayWeights { same_week: 500, consecutive_weeks: 200 });
    let mut spec = ProblemSpec {
        settings,
        calendar: Calendar::new(3),
        venues: vec![venue("BESSON", 1 + next(2) as u32, &[18]), venue("LAENNEC", 1, &[20])],
        ..ProblemSpec::default()
    };
    if home_and_away {
        spec.pools.push(PoolSpec { code: "P".into(), kind: PoolKind::HomeAndAway });
    }
    for name in &names[..count] {
        let mut t = team(name, "P");
        if next(2) == 0 {
            t.preferred_time = Some(time([14, 18, 21][next(3) as usize] as u16));
        }
        if next(2) == 0 {
            t.preferred_venues = vec![Some(["BESSON", "LAENNEC"][next(2) as usize].into())];
        }
        spec.teams.push(t);
        if next(3) == 0 {
            spec.team_unavailabilities.push(TeamUnavailability {
                team: TeamKey::new(*name, Some(Gender::Female)),
                week: 1 + next(3) as u16,
                range: TimeRange::AllDay,
            });
        }
    }
    build(spec)
}

/// The best objective over every feasible schedule, by exhaustive search.
fn brute_force(problem: &Problem) -> f64 {
    fn go(problem: &Problem, options: &[Vec<Placement>], i: usize, schedule: &mut Schedule, best: &mut f64) {
        if i == options.len() {
            *best = best.max(evaluate(problem, schedule).objective);
            return;
        }
        let id = MatchId::from_index(i);
        go(problem, options, i + 1, schedule, best);
        for p in &options[i] {
            schedule.set(id, Some(*p));
            if evaluate(problem, schedule).hard.is_empty() {
                go(problem, options, i + 1, schedule, best);
            }
        }
        schedule.set(id, None);
    }
    let grid = SlotGrid::new(problem);
    let options: Vec<Vec<Placement>> =
        grid.candidates.iter().map(|cs| cs.iter().map(|c| grid.placement(c.slot)).collect()).collect();
    let mut best = f64::NEG_INFINITY;
    go(problem, &options, 0, &mut Schedule::empty(problem), &mut best);
    best
}

#[test]
fn matches_exhaustive_search_on_tiny_leagues() {
    for seed in 0..12 {
        let problem = tiny(seed);
        let run = exact(&problem, None);
        assert_eq!(run.outcome.status, SolveStatus::Optimal, "seed {seed}");
        let best = brute_force(&problem);
        assert!(
            (run.outcome.evaluation.objective - best).abs() <= 1e-6,
            "seed {seed}: SCIP {} vs exhaustive {best}",
            run.outcome.evaluation.objective
        );
    }
}

/// A league big enough that SCIP works for a while: `teams` teams in home-and-away pools of six,
/// eight weeks, venues with two courts and three times, preferences all over.
fn league(teams: usize) -> Problem {
    let institutions = ["LYON 1", "LYON 2", "LYON 3", "INSA", "ECL", "EML", "ENS", "CPE", "VETO"];
    let venues = ["BESSON", "LAENNEC", "DOUA", "GERLAND", "CHARCOT"];
    let mut spec = ProblemSpec { calendar: Calendar::new(8), ..ProblemSpec::default() };
    for (v, name) in venues.iter().enumerate() {
        spec.venues.push(venue(name, 1 + (v % 2) as u32, &[18, 20, 21]));
    }
    for p in 0..teams.div_ceil(6) {
        spec.pools.push(PoolSpec { code: format!("VBFA{}P{p}", 1 + p % 3), kind: PoolKind::HomeAndAway });
    }
    for k in 0..teams {
        let institution = institutions[k % institutions.len()];
        let mut t = team(
            &format!("{institution} ({})", k / institutions.len() + 1),
            &format!("VBFA{}P{}", 1 + (k / 6) % 3, k / 6),
        );
        t.preferred_time = Some(time([18, 20, 21][k % 3]));
        t.preferred_venues =
            vec![Some(venues[k % venues.len()].into()), Some(venues[(k + 2) % venues.len()].into())];
        if k.is_multiple_of(4) {
            spec.team_unavailabilities.push(TeamUnavailability {
                team: t.key(),
                week: 1 + (k % 8) as u16,
                range: TimeRange::AllDay,
            });
        }
        spec.teams.push(t);
    }
    build(spec)
}

#[test]
fn start_solution_objective_is_the_evaluators() {
    // The model's objective at the heuristic's schedule, as SCIP computes it, is the evaluator's.
    let problem = league(18);
    let heuristic = crate::solve(&problem, Strategy::Heuristic, &options(10)).expect("heuristic");
    let grid = SlotGrid::new(&problem);
    let model = Model::new().hide_output().include_default_plugins().create_prob("t").maximize();
    let (formulation, model) = Formulation::build(model, &problem, &grid);
    let chosen = formulation.chosen_of(&heuristic.schedule).expect("heuristic placements are candidates");
    let sol = model.create_orig_sol();
    formulation.fill(&chosen, &sol);
    assert_close(sol.obj_val(), heuristic.evaluation.objective);
    assert!(model.add_sol(sol).is_ok(), "the heuristic's schedule satisfies every row");
}

#[test]
fn hybrid_is_never_worse_than_the_heuristic() {
    for problem in [tiny(3), tiny(5), league(10)] {
        let heuristic = crate::solve(&problem, Strategy::Heuristic, &options(20)).expect("heuristic");
        let hybrid = crate::solve(&problem, Strategy::Hybrid, &options(20)).expect("hybrid");
        assert!(hybrid.evaluation.hard.is_empty());
        assert!(hybrid.evaluation.objective >= heuristic.evaluation.objective - 1e-6);
        let exact = exact(&problem, Some(&heuristic.schedule));
        assert!(exact.outcome.evaluation.objective >= heuristic.evaluation.objective - 1e-6);
    }
}

/// CPU time used so far by the thread whose `/proc` task folder is `task` (Linux), if readable.
fn thread_cpu(task: &std::path::Path) -> Option<Duration> {
    let stat = std::fs::read_to_string(task.join("stat")).ok()?;
    // Fields after the command name (which ends with ')'): utime and stime are the 12th and 13th.
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let ticks: u64 = fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
    Some(Duration::from_millis(ticks * 10)) // USER_HZ is 100 on Linux
}

#[test]
fn cancellation_stops_scip_within_a_second() {
    // Takes SCIP about 20 s; the flag is set 200 ms after SCIP's first report (its trivial incumbent,
    // when presolving starts), so it lands in presolving or the root LP, the slowest phases to stop.
    // "Within a second" is checked on the solving thread's CPU time, so that a busy machine (other
    // tests, other builds) does not make it fail; the wall time is checked loosely.
    let problem = league(18);
    let mut options = options(120);
    let reports = Arc::new(Mutex::new(Vec::new()));
    let sink = Arc::clone(&reports);
    options.progress = Some(Arc::new(move |p: Progress| sink.lock().expect("lock").push(p)));
    let cancel = Arc::clone(&options.cancel);
    let seen = Arc::clone(&reports);
    let task = std::fs::read_link("/proc/thread-self").ok().map(|t| std::path::Path::new("/proc").join(t));
    let watched = task.clone();
    let setter = std::thread::spawn(move || {
        while seen.lock().expect("lock").is_empty() {
            std::thread::sleep(Duration::from_millis(5));
        }
        std::thread::sleep(Duration::from_millis(200));
        let cpu = watched.as_deref().and_then(thread_cpu);
        cancel.store(true, Ordering::Relaxed);
        (Instant::now(), cpu)
    });
    let outcome = crate::solve(&problem, Strategy::Optimal, &options).expect("solves");
    let (stopped, cpu_stopped) = (Instant::now(), task.as_deref().and_then(thread_cpu));
    let (set_at, cpu_at_flag) = setter.join().expect("setter");
    let wall = stopped.duration_since(set_at);
    match (cpu_at_flag, cpu_stopped) {
        (Some(before), Some(after)) => {
            let cpu = after.saturating_sub(before);
            assert!(cpu < Duration::from_secs(1), "SCIP worked {cpu:?} after the flag ({wall:?} wall)");
            assert!(wall < Duration::from_secs(10), "stopped {wall:?} after the flag");
        }
        _ => assert!(wall < Duration::from_secs(1), "stopped {wall:?} after the flag"),
    }
    assert_eq!(outcome.status, SolveStatus::Cancelled);
    assert!(outcome.evaluation.hard.is_empty());
    assert_eq!(reports.lock().expect("lock").last().map(|p| p.fraction), Some(1.0));
}

#[test]
fn cancelled_before_the_solve_returns_the_start() {
    let problem = tiny(1);
    let options = options(10);
    options.cancel.store(true, Ordering::Relaxed);
    let heuristic = crate::solve(&problem, Strategy::Heuristic, &SolveOptions::default()).expect("heuristic");
    let run = run(&problem, &options, Some(&heuristic.schedule), Instant::now()).expect("returns");
    assert_eq!(run.outcome.status, SolveStatus::Cancelled);
    assert_eq!(run.outcome.schedule, heuristic.schedule);
}

#[test]
fn progress_reports_incumbents_and_the_bound() {
    let problem = league(10);
    let mut options = options(60);
    let reports = Arc::new(Mutex::new(Vec::new()));
    let sink = Arc::clone(&reports);
    options.progress = Some(Arc::new(move |p: Progress| sink.lock().expect("lock").push(p)));
    let outcome = crate::solve(&problem, Strategy::Optimal, &options).expect("solves");
    let reports = reports.lock().expect("lock");
    assert!(reports.len() >= 2, "{reports:?}");
    let last = reports.last().expect("a report");
    assert_eq!(last.placed, outcome.evaluation.placed);
    assert_close(last.best_objective.expect("objective"), outcome.evaluation.objective);
    assert!(reports.iter().any(|p| p.bound.is_some()));
    if outcome.status == SolveStatus::Optimal {
        assert!(outcome.gap.expect("gap") <= 1e-9);
    }
}
