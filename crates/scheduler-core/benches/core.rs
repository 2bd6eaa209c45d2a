//! Criterion benchmarks of generation, the slot grid, evaluation and the heuristic on synthetic
//! seasons of about 100, 500 and 2000 teams. Peak memory per size: `cargo xtask bench`.

use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use scheduler_core::slots::SlotGrid;
use scheduler_core::synthetic::{generate, SyntheticParams};
use scheduler_core::{evaluate, solve, Problem, SolveOptions, Strategy};

const SIZES: [usize; 3] = [100, 500, 2000];

fn problem(teams: usize) -> Problem {
    Problem::new(generate(SyntheticParams { teams, seed: 1 })).expect("synthetic seasons are valid").0
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("core");
    group.sample_size(10).measurement_time(Duration::from_secs(5));
    for teams in SIZES {
        group.bench_with_input(BenchmarkId::new("generate+check", teams), &teams, |b, &teams| {
            b.iter(|| problem(teams))
        });
        let problem = problem(teams);
        group.bench_with_input(BenchmarkId::new("slot_grid", teams), &problem, |b, problem| {
            b.iter(|| SlotGrid::new(problem))
        });
        let options = SolveOptions { heuristic_rounds: 5, ..SolveOptions::default() };
        let outcome = solve(&problem, Strategy::Heuristic, &options).expect("heuristic answers");
        group.bench_with_input(BenchmarkId::new("evaluate", teams), &problem, |b, problem| {
            b.iter(|| evaluate(problem, &outcome.schedule))
        });
        if teams <= 500 {
            group.bench_with_input(BenchmarkId::new("heuristic", teams), &problem, |b, problem| {
                b.iter(|| solve(problem, Strategy::Heuristic, &SolveOptions::default()))
            });
        }
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
