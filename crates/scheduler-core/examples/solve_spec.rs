//! Solves a season given as `ProblemSpec` JSON and prints one line of figures, for benchmarks
//! (`cargo xtask bench` runs it on the real volleyball season).
//!
//! `cargo run --release -p scheduler-core --features scip --example solve_spec -- SPEC.json STRATEGY [SECONDS]`
//! With STRATEGY `cancel`, solves optimally and cancels at several moments, printing how long SCIP
//! took to stop each time.

use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use scheduler_core::{solve, Problem, ProblemSpec, SolveOptions, Strategy};

fn peak_memory_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with("VmHWM:")).map(str::to_string))
        .and_then(|l| l.split_whitespace().nth(1).and_then(|kb| kb.parse::<f64>().ok()))
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [path, strategy, rest @ ..] = args.as_slice() else {
        return Err("usage: solve_spec SPEC.json optimal|heuristique|hybride|cancel [SECONDS]".into());
    };
    let seconds: u64 = rest.first().map(|s| s.parse()).transpose()?.unwrap_or(300);
    let spec: ProblemSpec = serde_json::from_str(&std::fs::read_to_string(path)?)?;
    let (problem, _) = Problem::new(spec)?;
    if strategy == "cancel" {
        for tenths in [2u64, 5, 10, 20, 30] {
            let options =
                SolveOptions { time_limit: Duration::from_secs(seconds), ..SolveOptions::default() };
            let cancel = options.cancel.clone();
            let setter = std::thread::spawn(move || {
                std::thread::sleep(Duration::from_millis(100 * tenths));
                cancel.store(true, Ordering::Relaxed);
                Instant::now()
            });
            let outcome = solve(&problem, Strategy::Optimal, &options)?;
            let stopped = Instant::now();
            let asked = setter.join().map_err(|_| "cancel thread panicked")?;
            println!(
                "cancel at {:.1} s: stopped {:?} later, status {:?}",
                tenths as f64 / 10.0,
                stopped.saturating_duration_since(asked),
                outcome.status
            );
        }
        return Ok(());
    }
    let strategy: Strategy = strategy.parse()?;
    let options = SolveOptions { time_limit: Duration::from_secs(seconds), ..SolveOptions::default() };
    let started = Instant::now();
    let outcome = solve(&problem, strategy, &options)?;
    let e = &outcome.evaluation;
    println!(
        "{:<11} {:<8} placed {:>4}/{:<4} objective {:>12.1} bound {:>12} gap {:>8} wall {:>6.2} s peak {:>6.0} MB",
        strategy.name(),
        format!("{:?}", outcome.status),
        e.placed,
        problem.matches.len(),
        e.objective,
        outcome.bound.map_or("-".into(), |b| format!("{b:.1}")),
        outcome.gap.map_or("-".into(), |g| format!("{:.4}%", g * 100.0)),
        started.elapsed().as_secs_f64(),
        peak_memory_mb(),
    );
    Ok(())
}
