//! Reads a PyCalendar project — a YAML configuration and an Excel workbook — into a
//! [`scheduler_core::ProblemSpec`].
//!
//! - [`load_project`]: YAML file → configuration (defaults cascade) → workbook → spec.
//! - [`read_workbook`] / [`read_workbook_bytes`]: a workbook alone, with a [`ProjectConfig`]
//!   (e.g. [`ProjectConfig::default`] for the built-in defaults, or an uploaded file's bytes).
//!
//! Errors ([`ReadError`]) say where: file, sheet, Excel row, column, the value and what was
//! expected. Data quirks that do not block solving come back as [`ReadWarning`]s.
//!
//! ```no_run
//! let project = scheduler_excel::load_project("config_volley.yaml".as_ref())?;
//! for warning in &project.warnings {
//!     eprintln!("warning: {warning}");
//! }
//! let (problem, _) = scheduler_core::Problem::new(project.spec)?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod cascade;
mod cells;
mod config;
mod error;
pub mod export;
mod sheets;
mod suggest;
mod table;
mod workbook;

use std::path::{Path, PathBuf};

use scheduler_core::ProblemSpec;

pub use cascade::DEFAULT_YAML;
pub use config::ProjectConfig;
pub use error::{Location, ReadError, ReadWarning, WarningKind};
pub use export::{
    calendar_sheet_names, fixed_match_id, match_id, write_calendar, write_calendar_file,
    write_input_workbook, write_input_workbook_file, write_project_yaml, ExportError, ExportInfo,
    ProjectYaml,
};
pub use suggest::{closest, levenshtein};
pub use workbook::sheet_names;

/// A project read from its YAML file and its workbook.
#[derive(Debug, Clone)]
pub struct LoadedProject {
    /// The configuration (defaults merged with the project YAML).
    pub config: ProjectConfig,
    /// The season, ready for [`scheduler_core::Problem::new`].
    pub spec: ProblemSpec,
    /// Configuration warnings, then workbook warnings.
    pub warnings: Vec<ReadWarning>,
    /// The workbook that was read.
    pub workbook_path: PathBuf,
}

/// A workbook read into a spec.
#[derive(Debug, Clone)]
pub struct WorkbookData {
    /// The season; its settings and calendar come from the configuration given.
    pub spec: ProblemSpec,
    /// Data quirks that do not block solving.
    pub warnings: Vec<ReadWarning>,
}

/// Reads a project: the YAML (merged over the built-in defaults), then the workbook it names
/// (`fichiers.donnees`, relative to the YAML's directory).
pub fn load_project(yaml_path: &Path) -> Result<LoadedProject, ReadError> {
    let (config, mut warnings) = ProjectConfig::load(yaml_path)?;
    let workbook_path = config.workbook.clone();
    let data = read_workbook(&workbook_path, &config)?;
    warnings.extend(data.warnings);
    Ok(LoadedProject { config, spec: data.spec, warnings, workbook_path })
}

/// Reads a workbook file with the given configuration.
pub fn read_workbook(path: &Path, config: &ProjectConfig) -> Result<WorkbookData, ReadError> {
    let bytes = std::fs::read(path).map_err(|source| ReadError::Io { path: path.to_path_buf(), source })?;
    read_workbook_bytes(&bytes, &config::file_name(path), config)
}

/// Reads a workbook from memory (e.g. an upload); `file_name` names it in messages.
pub fn read_workbook_bytes(
    bytes: &[u8],
    file_name: &str,
    config: &ProjectConfig,
) -> Result<WorkbookData, ReadError> {
    let (spec, warnings) = workbook::read(bytes, file_name, config)?;
    Ok(WorkbookData { spec, warnings })
}
