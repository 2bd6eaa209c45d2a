//! `cargo xtask solve`: the whole season workflow without a database.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use scheduler_core::explain::explain_unplaced;
use scheduler_core::strategy::Progress;
use scheduler_core::{solve, Problem, Schedule, SolveOptions, SolveOutcome, Strategy};
use scheduler_excel::{load_project, write_calendar_file, ExportInfo};

use crate::Args;

/// `1234567.5` → `1 234 567.5`.
pub(crate) fn grouped(value: f64) -> String {
    let rounded = (value * 100.0).round() / 100.0;
    let negative = rounded < 0.0;
    let text = format!("{:.2}", rounded.abs());
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, "00"));
    let mut out = String::new();
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i).is_multiple_of(3) {
            out.push(' ');
        }
        out.push(digit);
    }
    let fraction = fraction.trim_end_matches('0');
    let sign = if negative { "-" } else { "" };
    if fraction.is_empty() {
        format!("{sign}{out}")
    } else {
        format!("{sign}{out}.{fraction}")
    }
}

/// Prints at most a few progress lines a second on stderr, overwriting the line.
fn progress_printer(to_plan: usize) -> Arc<dyn Fn(Progress) + Send + Sync> {
    let last = Mutex::new(None::<Instant>);
    Arc::new(move |p: Progress| {
        let Ok(mut last) = last.lock() else { return };
        let now = Instant::now();
        if p.fraction < 1.0 && last.is_some_and(|t| now.duration_since(t) < Duration::from_millis(200)) {
            return;
        }
        *last = Some(now);
        let fraction = p.fraction.clamp(0.0, 1.0);
        let filled = (fraction * 20.0).round() as usize;
        let bar = format!("{}{}", "=".repeat(filled), " ".repeat(20 - filled));
        let best = p.best_objective.map_or_else(|| "-".to_string(), grouped);
        let bound = p.bound.map(|b| format!("  bound {}", grouped(b))).unwrap_or_default();
        let mut err = std::io::stderr().lock();
        let _ = write!(
            err,
            "\r  solving [{bar}] {:>3.0}%  best objective {best}{bound}  placed {}/{to_plan}   ",
            fraction * 100.0,
            p.placed
        );
        let _ = err.flush();
    })
}

pub(crate) fn run(args: &Args) -> Result<()> {
    let [yaml] = args.positional.as_slice() else {
        bail!("usage: cargo xtask solve <config.yaml> [--strategy S] [--time-limit S] [--threads N] [--seed N] [--out F.xlsx]");
    };
    let yaml = Path::new(yaml);
    let started = Instant::now();
    let project =
        load_project(yaml).with_context(|| format!("cannot read the project {}", yaml.display()))?;
    eprintln!("read {} and {} in {:.1?}", yaml.display(), project.workbook_path.display(), started.elapsed());
    for warning in &project.warnings {
        eprintln!("  read warning: {warning}");
    }
    let config = project.config;
    let (problem, warnings) = Problem::new(project.spec).context("the season cannot be built")?;
    for warning in &warnings {
        eprintln!("  problem warning: {warning}");
    }
    let weeks: Vec<String> = problem.calendar.plannable_weeks().map(|w| w.0.to_string()).collect();
    eprintln!(
        "season: {} teams, {} pools, {} venues, {} generated matches, {} to plan, {} fixed; plannable weeks {}",
        problem.teams.len(),
        problem.pools.len(),
        problem.venues.len(),
        problem.generated_count,
        problem.matches.len(),
        problem.fixed.len(),
        weeks.join(" ")
    );

    let strategy = match args.get("strategy") {
        Some(name) => name.parse::<Strategy>()?,
        None => config.strategy,
    };
    let time_limit = match args.parsed::<f64>("time-limit", "a number of seconds")? {
        Some(seconds) if seconds.is_finite() && seconds > 0.0 => Duration::from_secs_f64(seconds),
        Some(seconds) => bail!("`--time-limit {seconds}`: expected a number of seconds > 0"),
        None => config.time_limit,
    };
    let printer = progress_printer(problem.matches.len());
    let defaults = SolveOptions::default();
    let options = SolveOptions {
        time_limit,
        threads: args.parsed("threads", "a number of threads")?.unwrap_or(defaults.threads),
        seed: args.parsed("seed", "a whole number")?.unwrap_or(defaults.seed),
        progress: Some(Arc::clone(&printer)),
        ..defaults
    };
    let out: PathBuf = args.get("out").map_or_else(|| config.output.clone(), PathBuf::from);
    eprintln!(
        "solving with strategy {strategy}, time limit {}s, {} thread(s), seed {}",
        grouped(time_limit.as_secs_f64()),
        options.thread_count(),
        options.seed
    );

    let result = solve(&problem, strategy, &options);
    if let Ok(outcome) = &result {
        printer(Progress {
            fraction: 1.0,
            best_objective: Some(outcome.evaluation.objective),
            bound: outcome.bound,
            placed: outcome.evaluation.placed,
        });
    }
    eprintln!();
    let outcome = match result {
        Ok(outcome) => outcome,
        Err(error) => bail!("the {strategy} strategy failed: {error}"),
    };
    summary(&problem, &outcome);

    if let Some(dir) = out.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    let name = yaml.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let info = ExportInfo::from_outcome(&outcome).with_project(name);
    write_calendar_file(&out, &problem, &outcome.schedule, &outcome.evaluation, &info)?;
    println!("calendar written to {}", out.display());
    if !outcome.evaluation.hard.is_empty() {
        bail!("the schedule breaks {} hard rule(s)", outcome.evaluation.hard.len());
    }
    Ok(())
}

fn summary(problem: &Problem, outcome: &SolveOutcome) {
    let e = &outcome.evaluation;
    let to_plan = problem.matches.len();
    let percent = if to_plan == 0 { 100.0 } else { 100.0 * e.placed as f64 / to_plan as f64 };
    println!("matches to plan   {to_plan}");
    println!("placed            {} ({percent:.1}%), unplaced {}", e.placed, e.unplaced);
    println!("fixed             {} ({} with rule problems in the input)", e.fixed, e.fixed_problems.len());
    println!("hard violations   {}", e.hard.len());
    println!("objective         {}  (PyCalendar's, higher is better)", grouped(e.objective));
    if let Some(bound) = outcome.bound {
        let gap = outcome.gap.map(|g| format!(", gap {:.2}%", g * 100.0)).unwrap_or_default();
        println!("bound             {}{gap}", grouped(bound));
    }
    println!("cost              {}  (lower is better: lost rewards + penalties)", grouped(e.cost));
    println!("penalties         {}", grouped(e.penalties.total()));
    for (code, label, value) in e.penalties.terms() {
        println!("  {code} {label:<22} {}", grouped(value));
    }
    println!("strategy          {}", outcome.strategy);
    println!("status            {:?}", outcome.status);
    println!("time              {:.2}s", outcome.elapsed.as_secs_f64());
    for note in &outcome.notes {
        println!("note              {note}");
    }
    for line in unplaced_lines(problem, &outcome.schedule, UNPLACED_SHOWN) {
        println!("{line}");
    }
}

/// Unplaced matches listed in the summary; the workbook's `Non_Planifies` sheet has them all.
const UNPLACED_SHOWN: usize = 20;

/// The unplaced matches with their one-line reason, at most `shown` of them, then how many more.
fn unplaced_lines(problem: &Problem, schedule: &Schedule, shown: usize) -> Vec<String> {
    let explanations = explain_unplaced(problem, schedule);
    if explanations.is_empty() {
        return Vec::new();
    }
    let mut lines = vec![format!("unplaced matches  {} (why, from the rules):", explanations.len())];
    for e in explanations.iter().take(shown) {
        lines.push(format!("  {}: {}", problem.describe_match(e.match_id), e.summary));
    }
    if explanations.len() > shown {
        lines.push(format!(
            "  … and {} more (every one with its reason in the Non_Planifies sheet)",
            explanations.len() - shown
        ));
    }
    lines
}

#[cfg(test)]
mod tests {
    use scheduler_core::{Calendar, Gender, Problem, ProblemSpec, Schedule, TeamSpec, TimeOfDay, VenueSpec};

    use super::{grouped, unplaced_lines};

    #[test]
    fn unplaced_matches_are_listed_with_their_reason() {
        let mut spec = ProblemSpec { calendar: Calendar::new(1), ..ProblemSpec::default() };
        for name in ["A (1)", "B (1)", "C (1)", "D (1)"] {
            spec.teams.push(TeamSpec::new(name, Some(Gender::Female), "VBFA1PA"));
        }
        spec.venues.push(VenueSpec {
            name: "GYM".into(),
            courts: 1,
            times: vec![TimeOfDay::from_hm(20, 0).expect("time")],
            level: None,
        });
        let (problem, _) = Problem::new(spec).expect("valid");
        let schedule = Schedule::empty(&problem);
        let lines = unplaced_lines(&problem, &schedule, 2);
        assert_eq!(lines.len(), 4, "{lines:#?}");
        assert_eq!(lines[0], "unplaced matches  6 (why, from the rules):");
        assert_eq!(
            lines[1],
            "  A (1) [F] – B (1) [F] (VBFA1PA): 1 possible slot is still free in week 1: the solver stopped \
             before placing it (a longer time limit or another strategy may place it)"
        );
        assert_eq!(lines[3], "  … and 4 more (every one with its reason in the Non_Planifies sheet)");
    }

    #[test]
    fn numbers_are_grouped_by_thousands() {
        assert_eq!(grouped(1_315_800.0), "1 315 800");
        assert_eq!(grouped(-118.0), "-118");
        assert_eq!(grouped(4200.5), "4 200.5");
        assert_eq!(grouped(0.0), "0");
        assert_eq!(grouped(999.999), "1 000");
    }
}
