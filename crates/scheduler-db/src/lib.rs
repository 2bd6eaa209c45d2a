//! Persistence of league-scheduling projects with diesel and SQLite (bundled: nothing to install).
//!
//! The database stores **everything** a solve needs — teams, venues, pool formats, every
//! constraint, fixed and planned matches, the calendar and the weights — so that a solve from the
//! database equals a solve from the workbook (PyCalendar's backend lost all constraints, spec §15).
//!
//! [`Database`] is a small pool of connections on one file (`DATABASE_URL`, default
//! `data/scheduler.db`, WAL, foreign keys on, embedded migrations run when it opens). Its methods speak
//! domain types only; diesel stays inside this crate. Every method runs in one transaction.
//!
//! ```no_run
//! use scheduler_core::{solve, SolveOptions, Strategy};
//! use scheduler_db::{Database, NewProject, RunSummary};
//!
//! let db = Database::open("data/scheduler.db")?;
//! let project = scheduler_excel::load_project("config_volley.yaml".as_ref())?;
//! let new = NewProject {
//!     nom: "Volley 2025".into(),
//!     sport: "Volleyball".into(),
//!     config: None,
//!     calendar: project.spec.calendar.clone(),
//!     settings: project.spec.settings.clone(),
//! };
//! let report = db.import_project(&new, &project.spec)?;
//!
//! let loaded = db.load_problem(report.project_id)?;
//! let outcome = solve(&loaded.problem, Strategy::Heuristic, &SolveOptions::default())?;
//! let summary = RunSummary::from_outcome(&outcome);
//! db.save_solve(report.project_id, loaded.revision, &loaded.problem, &outcome.schedule, None)?;
//! # let _ = summary;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod connection;
mod convert;
mod error;
mod models;
mod repo;
mod runs;
mod schema;
mod store;
mod types;

pub use connection::{Database, DEFAULT_DATABASE_URL, MIGRATIONS};
pub use error::{DbError, DbResult};
pub use types::{
    DbMatchId, DbTeamId, DbVenueId, ImportReport, LoadWarning, LoadedProblem, MatchFilter, MatchPatch,
    MatchRecord, MatchRows, MatchSide, MatchStatus, NewFixedMatch, NewProject, NewTeam, NewVenue, Project,
    ProjectId, ProjectPatch, ProjectStats, RunStatus, RunSummary, SaveReport, Slot, SolveRun, SolveRunId,
    TeamPatch, TeamRecord, VenuePatch, VenueRecord,
};
