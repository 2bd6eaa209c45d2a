//! Writing workbooks: the season's calendar ([`write_calendar`]) and, the other way round, an input
//! workbook in PyCalendar's layout from a spec ([`write_input_workbook`], with its project YAML from
//! [`write_project_yaml`]).

mod calendar;
mod input;
mod writer;
mod yaml;

use std::path::{Path, PathBuf};
use std::time::Duration;

use scheduler_core::{SolveOutcome, SolveStatus, Strategy};

pub use calendar::{calendar_sheet_names, fixed_match_id, match_id, write_calendar, write_calendar_file};
pub use input::{write_input_workbook, write_input_workbook_file};
pub use yaml::{write_project_yaml, ProjectYaml};

/// Why a workbook could not be written.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The workbook library refused the content.
    #[error("cannot build the workbook: {0}")]
    Xlsx(String),
    /// The file could not be written.
    #[error("cannot write {path}: {source}")]
    Io {
        /// File.
        path: PathBuf,
        /// Cause.
        source: std::io::Error,
    },
    /// The schedule was made for another problem.
    #[error("the schedule has {schedule} entries but the problem has {matches} matches to plan")]
    ScheduleMismatch {
        /// Entries of the schedule.
        schedule: usize,
        /// Matches to plan of the problem.
        matches: usize,
    },
}

impl From<rust_xlsxwriter::XlsxError> for ExportError {
    fn from(error: rust_xlsxwriter::XlsxError) -> Self {
        ExportError::Xlsx(error.to_string())
    }
}

/// How the schedule was obtained, for the `Statistiques` sheet. Every field is optional: a
/// schedule edited by hand has no strategy.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ExportInfo {
    /// Strategy that produced the schedule.
    pub strategy: Option<Strategy>,
    /// Status the solver reached.
    pub status: Option<SolveStatus>,
    /// Solving wall time.
    pub elapsed: Option<Duration>,
    /// Best proven bound on the objective.
    pub bound: Option<f64>,
    /// Relative gap between the objective and the bound.
    pub gap: Option<f64>,
    /// Notes of the solver (fallbacks, limits).
    pub notes: Vec<String>,
    /// Project name shown at the top of `Statistiques`.
    pub project: Option<String>,
}

impl ExportInfo {
    /// The information of a solve.
    pub fn from_outcome(outcome: &SolveOutcome) -> Self {
        Self {
            strategy: Some(outcome.strategy),
            status: Some(outcome.status),
            elapsed: Some(outcome.elapsed),
            bound: outcome.bound,
            gap: outcome.gap,
            notes: outcome.notes.clone(),
            project: None,
        }
    }

    /// The same with a project name.
    pub fn with_project(mut self, name: impl Into<String>) -> Self {
        self.project = Some(name.into());
        self
    }
}

/// Writes `bytes` to `path`.
/// Columns of the `Matchs_Fixes` layout: the input sheet, and `Tous_Matchs` written to be pasted
/// back into it.
pub(crate) const FIXED_MATCH_HEADERS: [&str; 10] = [
    "Equipe_1",
    "Equipe_2",
    "Genre",
    "Poule",
    "Semaine",
    "Horaire",
    "Gymnase",
    "Score",
    "Type_Competition",
    "Remarques",
];

pub(crate) fn save(path: &Path, bytes: &[u8]) -> Result<(), ExportError> {
    std::fs::write(path, bytes).map_err(|source| ExportError::Io { path: path.to_path_buf(), source })
}
