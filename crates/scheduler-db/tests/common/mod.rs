//! Helpers shared by the database tests: a temporary database file per test, seasons, solves.

#![allow(dead_code)]

use std::path::Path;
use std::time::Duration;

use scheduler_core::synthetic::{generate, SyntheticParams};
use scheduler_core::{solve, Problem, ProblemSpec, SolveOptions, SolveOutcome, Strategy};
use scheduler_db::{Database, NewProject, ProjectId};
use tempfile::TempDir;

/// A fresh database in its own temporary folder (kept alive by the returned guard).
pub fn temp_db() -> (TempDir, Database) {
    let dir = tempfile::tempdir().expect("temporary folder");
    let db = Database::open(dir.path().join("nested/test.db").to_str().expect("utf-8 path")).expect("open");
    (dir, db)
}

pub fn new_project(name: &str, spec: &ProblemSpec) -> NewProject {
    NewProject {
        nom: name.into(),
        sport: "Volleyball".into(),
        config: Some(serde_json::json!({ "source": "test" })),
        calendar: spec.calendar.clone(),
        settings: spec.settings.clone(),
    }
}

pub fn synthetic(teams: usize, seed: u64) -> ProblemSpec {
    generate(SyntheticParams { teams, seed })
}

pub fn import(db: &Database, spec: &ProblemSpec) -> ProjectId {
    db.import_project(&new_project("synthetic", spec), spec).expect("import").project_id
}

/// A deterministic heuristic solve.
pub fn heuristic(problem: &Problem) -> SolveOutcome {
    let options = SolveOptions {
        time_limit: Duration::from_secs(20),
        seed: 7,
        threads: 1,
        heuristic_rounds: 30,
        ..SolveOptions::default()
    };
    solve(problem, Strategy::Heuristic, &options).expect("heuristic solve")
}

/// Database file bytes after writing the WAL back (the WAL is then empty).
pub fn file_bytes(db: &Database) -> Vec<u8> {
    db.checkpoint().expect("checkpoint");
    let wal = format!("{}-wal", db.path().display());
    if Path::new(&wal).exists() {
        assert_eq!(std::fs::metadata(&wal).expect("wal").len(), 0, "WAL truncated by the checkpoint");
    }
    std::fs::read(db.path()).expect("database file")
}
