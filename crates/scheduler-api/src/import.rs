//! Turning a PyCalendar project (workbook + optional YAML) into a stored project: used by the
//! upload route and by the demo import at start-up.

use std::path::Path;

use scheduler_db::{Database, ImportReport, NewProject};
use scheduler_excel::{ProjectConfig, ReadWarning};

use crate::error::ApiError;

/// What an import stored and noticed.
#[derive(Debug)]
pub struct Imported {
    /// Stored rows.
    pub report: ImportReport,
    /// Reader warnings, then problem warnings.
    pub warnings: Vec<String>,
}

/// PyCalendar's guess of the sport from the workbook's name.
fn sport_of(file_name: &str) -> &'static str {
    let lower = file_name.to_lowercase();
    [("volley", "Volleyball"), ("hand", "Handball"), ("basket", "Basketball"), ("foot", "Football")]
        .iter()
        .find(|(needle, _)| lower.contains(needle))
        .map_or("Autre", |(_, sport)| sport)
}

/// Reads and stores a project in one transaction; nothing is stored on any error.
pub fn import(
    db: &Database,
    workbook: &[u8],
    workbook_name: &str,
    yaml: Option<(&str, &str)>,
    name: Option<String>,
    sport: Option<String>,
) -> Result<Imported, ApiError> {
    let bad = |e: scheduler_excel::ReadError| ApiError::BadRequest(e.to_string());
    let (config, mut warnings): (ProjectConfig, Vec<ReadWarning>) = match yaml {
        Some((text, file)) => ProjectConfig::from_yaml_str(text, file, Path::new("")).map_err(bad)?,
        None => (ProjectConfig::defaults().map_err(bad)?, Vec::new()),
    };
    let data = scheduler_excel::read_workbook_bytes(workbook, workbook_name, &config).map_err(bad)?;
    warnings.extend(data.warnings);
    let stem = Path::new(workbook_name).file_stem().and_then(|s| s.to_str()).unwrap_or("projet");
    let new = NewProject {
        nom: name.filter(|n| !n.trim().is_empty()).unwrap_or_else(|| stem.to_string()),
        sport: sport.filter(|s| !s.trim().is_empty()).unwrap_or_else(|| sport_of(workbook_name).to_string()),
        config: serde_json::to_value(&config.merged).ok(),
        calendar: config.calendar.clone(),
        settings: config.settings.clone(),
    };
    let report = db.import_project(&new, &data.spec)?;
    let mut all: Vec<String> = warnings.iter().map(ToString::to_string).collect();
    all.extend(report.warnings.iter().map(ToString::to_string));
    Ok(Imported { report, warnings: all })
}

/// Imports the demo project from its YAML file when the database has no project yet.
pub fn import_demo_if_empty(db: &Database, yaml_path: &Path) -> anyhow::Result<Option<ImportReportSummary>> {
    if yaml_path.as_os_str() == "none" || !db.list_projects()?.is_empty() {
        return Ok(None);
    }
    if !yaml_path.exists() {
        tracing::warn!(path = %yaml_path.display(), "demo project not found; starting with an empty database");
        return Ok(None);
    }
    let loaded = scheduler_excel::load_project(yaml_path)?;
    let new = NewProject {
        nom: "Démo".into(),
        sport: "Volleyball".into(),
        config: serde_json::to_value(&loaded.config.merged).ok(),
        calendar: loaded.config.calendar.clone(),
        settings: loaded.config.settings.clone(),
    };
    let report = db.import_project(&new, &loaded.spec)?;
    Ok(Some(ImportReportSummary {
        project_id: report.project_id.0,
        to_plan: report.to_plan,
        fixed: report.fixed,
    }))
}

/// What the demo import stored.
#[derive(Debug)]
pub struct ImportReportSummary {
    /// New project id.
    pub project_id: i64,
    /// Matches to plan.
    pub to_plan: usize,
    /// Fixed matches.
    pub fixed: usize,
}
