//! Measures generation, evaluation and the heuristic on synthetic seasons of growing size.
//!
//! `cargo run --release -p scheduler-core --example scaling -- 100 500 2000` prints one line per size
//! (wall times and the process's peak memory so far, from /proc on Linux).

use std::time::{Duration, Instant};

use scheduler_core::synthetic::{generate, SyntheticParams};
use scheduler_core::{evaluate, solve, Problem, SolveOptions, Strategy};

fn peak_memory_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let sizes: Vec<usize> = std::env::args().skip(1).filter_map(|a| a.parse().ok()).collect();
    let sizes = if sizes.is_empty() { vec![100, 500, 2000] } else { sizes };
    println!("teams  matches  build_ms  evaluate_ms  heuristic_ms  placed/total  objective  peak_MB");
    for teams in sizes {
        let started = Instant::now();
        let spec = generate(SyntheticParams { teams, seed: 1 });
        let (problem, _) = Problem::new(spec)?;
        let build = started.elapsed();
        let options = SolveOptions { time_limit: Duration::from_secs(120), ..SolveOptions::default() };
        let started = Instant::now();
        let outcome = solve(&problem, Strategy::Heuristic, &options)?;
        let heuristic = started.elapsed();
        let started = Instant::now();
        let evaluation = evaluate(&problem, &outcome.schedule);
        let evaluate_time = started.elapsed();
        println!(
            "{teams:>5}  {:>7}  {:>8.1}  {:>11.2}  {:>12.0}  {:>5}/{:<6}  {:>10.0}  {:>7.0}",
            problem.matches.len(),
            build.as_secs_f64() * 1e3,
            evaluate_time.as_secs_f64() * 1e3,
            heuristic.as_secs_f64() * 1e3,
            evaluation.placed,
            problem.matches.len(),
            evaluation.objective,
            peak_memory_mb().unwrap_or(f64::NAN),
        );
    }
    Ok(())
}
