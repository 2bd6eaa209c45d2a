//! `cargo xtask bench`: wall time and peak memory of the core on synthetic seasons of growing
//! size, and of every strategy on the real volleyball season when `../shared/data` is there. Each
//! measurement runs in its own release process, so peak memory is its own.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{bail, Context, Result};

pub const USAGE: &str = "  bench [--sizes 100,500,2000] [--time-limit SECONDS]
        Release-mode figures: generation, evaluation and heuristic on synthetic seasons (time and
        peak memory per size), then heuristique, optimal and hybride on ../shared/data/volleyball.";

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn cargo_example(example: &str, features: &[&str], args: &[String]) -> Result<String> {
    let mut command = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    command.current_dir(workspace()).args([
        "run",
        "--quiet",
        "--release",
        "-p",
        "scheduler-core",
        "--example",
        example,
    ]);
    if !features.is_empty() {
        command.args(["--features", &features.join(",")]);
    }
    let output =
        command.arg("--").args(args).output().with_context(|| format!("running example {example}"))?;
    if !output.status.success() {
        bail!("example {example} failed: {}", String::from_utf8_lossy(&output.stderr));
    }
    Ok(String::from_utf8_lossy(&output.stdout).into_owned())
}

pub fn run(args: &crate::Args) -> Result<()> {
    let sizes: Vec<String> =
        args.get("sizes").unwrap_or("100,500,2000").split(',').map(|s| s.trim().to_string()).collect();
    let time_limit = args.get("time-limit").unwrap_or("120").to_string();
    println!("machine: {} cores", std::thread::available_parallelism().map_or(1, |n| n.get()));
    println!("\n== synthetic seasons (cargo run --release -p scheduler-core --example scaling -- N)");
    for (i, size) in sizes.iter().enumerate() {
        let out = cargo_example("scaling", &[], std::slice::from_ref(size))?;
        let mut lines = out.lines();
        let header = lines.next().unwrap_or_default();
        if i == 0 {
            println!("{header}");
        }
        for line in lines {
            println!("{line}");
        }
    }

    let volley = workspace().join("../shared/data/volleyball/config_volley.yaml");
    if !volley.exists() {
        println!("\n(the real season ../shared/data/volleyball is not here: skipped)");
        return Ok(());
    }
    println!("\n== volleyball season (example solve_spec, feature scip, time limit {time_limit} s)");
    let project = scheduler_excel::load_project(&volley)?;
    let dir = workspace().join("target/bench");
    std::fs::create_dir_all(&dir)?;
    let spec_path = dir.join("volley.json");
    std::fs::write(&spec_path, serde_json::to_string(&project.spec)?)?;
    let spec_arg = spec_path.display().to_string();
    for strategy in ["heuristique", "optimal", "hybride"] {
        let out =
            cargo_example("solve_spec", &["scip"], &[spec_arg.clone(), strategy.into(), time_limit.clone()])?;
        print!("{out}");
    }
    Ok(())
}
