//! `cargo xtask import <config.yaml> [name]`: stores a PyCalendar project (YAML + workbook) in the
//! database named by `DATABASE_URL` (default `data/scheduler.db`), in one transaction.

use std::path::Path;
use std::time::Instant;

use anyhow::{bail, Context, Result};
use scheduler_db::{Database, NewProject};

pub(crate) const USAGE: &str = "\
  import <config.yaml> [name]
        Reads a PyCalendar project (YAML + workbook) and stores it, constraints and fixed matches
        included, in the database of DATABASE_URL (default data/scheduler.db); prints the new
        project id. Default name: \"<sport> <weeks> semaines\".";

/// PyCalendar's sport guess from the workbook path (spec §13.5).
fn sport_of(path: &Path) -> &'static str {
    let text = path.to_string_lossy().to_lowercase();
    [("volley", "Volleyball"), ("hand", "Handball"), ("basket", "Basketball"), ("foot", "Football")]
        .into_iter()
        .find(|(needle, _)| text.contains(needle))
        .map_or("Autre", |(_, sport)| sport)
}

pub(crate) fn run(args: &[String]) -> Result<()> {
    if let Some(option) = args.iter().find(|a| a.starts_with("--")) {
        bail!("unknown option `{option}`; usage:\n{USAGE}");
    }
    let (yaml, name) = match args {
        [yaml] => (yaml, None),
        [yaml, name] => (yaml, Some(name.clone())),
        _ => bail!("expected a YAML file and an optional name; usage:\n{USAGE}"),
    };
    let started = Instant::now();
    let project = scheduler_excel::load_project(Path::new(yaml))
        .with_context(|| format!("cannot read the project {yaml}; nothing was stored"))?;
    let spec = &project.spec;
    let sport = sport_of(&project.workbook_path);
    let config = serde_json::to_value(&project.config.merged)
        .context("cannot store the YAML configuration as JSON; nothing was stored")?;
    let new = NewProject {
        nom: name.unwrap_or_else(|| format!("{sport} {} semaines", spec.calendar.weeks)),
        sport: sport.to_string(),
        config: Some(config),
        calendar: spec.calendar.clone(),
        settings: spec.settings.clone(),
    };

    let db = Database::from_env().context("cannot open the database; nothing was stored")?;
    let report = db
        .import_project(&new, spec)
        .with_context(|| format!("cannot store {yaml} in {}; nothing was stored", db.path().display()))?;

    println!("imported {yaml} into {} as project {}", db.path().display(), report.project_id);
    println!("  name            {}", new.nom);
    println!("  teams           {}", report.teams);
    println!("  venues          {}", report.venues);
    println!("  pools           {}", report.pools);
    println!("  matches to plan {}", report.to_plan);
    println!("  fixed matches   {}", report.fixed);
    println!("  constraints     {}", report.constraints);
    let warnings = project.warnings.len() + report.warnings.len();
    println!("  warnings        {warnings}");
    for warning in &project.warnings {
        println!("    - {warning}");
    }
    for warning in &report.warnings {
        println!("    - {warning}");
    }
    println!("  time            {:.2} s (reading and storing)", started.elapsed().as_secs_f64());
    println!("project id: {}", report.project_id);
    Ok(())
}
