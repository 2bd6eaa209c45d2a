//! Projects.

use std::collections::BTreeSet;

use chrono::{NaiveDate, NaiveDateTime};
use scheduler_core::{parse_weekday, Calendar, SeasonDates};
use scheduler_db::{NewProject, Project, ProjectPatch, ProjectStats};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::double_option;
use crate::error::ApiError;

/// A project: one season of one sport.
#[derive(Debug, Serialize, ToSchema)]
pub struct ProjectResponse {
    /// Id.
    #[schema(example = 1)]
    pub id: i64,
    /// Name.
    #[schema(example = "Volley 2025-2026")]
    pub nom: String,
    /// Sport.
    #[schema(example = "Volleyball")]
    pub sport: String,
    /// Weeks of the season grid.
    #[schema(example = 13)]
    pub nb_semaines: u16,
    /// First week where new matches may be placed (earlier weeks are played).
    #[schema(example = 5)]
    pub semaine_min: u16,
    /// Blocked weeks (holidays): no match is placed there.
    #[schema(example = json!([3, 10, 11, 12]))]
    pub semaines_banalisees: Vec<u16>,
    /// Season start, when real dates are on.
    pub date_debut: Option<NaiveDate>,
    /// Match weekday (`jeudi`, `thursday`…), when real dates are on.
    pub jour_match: Option<String>,
    /// The project's configuration (merged YAML) as JSON.
    pub config_data: Option<serde_json::Value>,
    /// Bumped by every change; a solve saves only if it did not move.
    pub revision: i64,
    /// Creation time (UTC).
    pub created_at: NaiveDateTime,
    /// Last change (UTC).
    pub updated_at: NaiveDateTime,
}

impl From<Project> for ProjectResponse {
    fn from(p: Project) -> Self {
        ProjectResponse {
            id: p.id.0,
            nom: p.nom,
            sport: p.sport,
            nb_semaines: p.calendar.weeks,
            semaine_min: p.calendar.first_plannable_week,
            semaines_banalisees: p.calendar.blocked_weeks.iter().copied().collect(),
            date_debut: p.calendar.dates.map(|d| d.start),
            jour_match: p.calendar.dates.map(|d| scheduler_core::french_weekday(d.match_day).to_string()),
            config_data: p.config,
            revision: p.revision,
            created_at: p.created_at,
            updated_at: p.updated_at,
        }
    }
}

fn dates(date_debut: Option<NaiveDate>, jour_match: Option<&str>) -> Result<Option<SeasonDates>, ApiError> {
    match (date_debut, jour_match) {
        (None, None) => Ok(None),
        (Some(start), day) => {
            let day = day.unwrap_or("jeudi");
            let match_day = parse_weekday(day).ok_or_else(|| {
                ApiError::BadRequest(format!("jour_match `{day}` is not a weekday (lundi…dimanche)"))
            })?;
            Ok(Some(SeasonDates { start, match_day }))
        }
        (None, Some(_)) => Err(ApiError::BadRequest("jour_match needs date_debut".into())),
    }
}

/// A project to create.
#[derive(Debug, Deserialize, ToSchema)]
pub struct ProjectCreate {
    /// Name.
    #[schema(example = "Volley 2025-2026")]
    pub nom: String,
    /// Sport.
    #[schema(example = "Volleyball")]
    pub sport: String,
    /// Weeks of the season grid (default 26).
    #[serde(default = "default_weeks")]
    #[schema(default = 26, minimum = 1, maximum = 60)]
    pub nb_semaines: u16,
    /// First plannable week (default 1).
    #[serde(default = "one")]
    #[schema(default = 1, minimum = 1)]
    pub semaine_min: u16,
    /// Blocked weeks.
    #[serde(default)]
    pub semaines_banalisees: BTreeSet<u16>,
    /// Season start (turns real dates on).
    #[serde(default)]
    pub date_debut: Option<NaiveDate>,
    /// Match weekday (default `jeudi`).
    #[serde(default)]
    pub jour_match: Option<String>,
    /// Free configuration data kept with the project.
    #[serde(default)]
    pub config_data: Option<serde_json::Value>,
}

fn default_weeks() -> u16 {
    26
}

fn one() -> u16 {
    1
}

impl ProjectCreate {
    /// Checks and converts.
    pub fn into_new(self) -> Result<NewProject, ApiError> {
        check_name(&self.nom, "nom")?;
        check_name(&self.sport, "sport")?;
        check_weeks(self.nb_semaines, self.semaine_min)?;
        let calendar = Calendar {
            weeks: self.nb_semaines,
            first_plannable_week: self.semaine_min,
            blocked_weeks: self.semaines_banalisees,
            dates: dates(self.date_debut, self.jour_match.as_deref())?,
        };
        Ok(NewProject {
            nom: self.nom.trim().to_string(),
            sport: self.sport.trim().to_string(),
            config: self.config_data,
            calendar,
            settings: Default::default(),
        })
    }
}

fn check_name(value: &str, field: &str) -> Result<(), ApiError> {
    if value.trim().is_empty() {
        return Err(ApiError::Unprocessable(format!("{field} must not be empty")));
    }
    Ok(())
}

fn check_weeks(weeks: u16, first: u16) -> Result<(), ApiError> {
    if !(1..=60).contains(&weeks) {
        return Err(ApiError::Unprocessable(format!("nb_semaines must be between 1 and 60, got {weeks}")));
    }
    if first == 0 || first > weeks {
        return Err(ApiError::Unprocessable(format!(
            "semaine_min must be between 1 and nb_semaines ({weeks}), got {first}"
        )));
    }
    Ok(())
}

/// Changes to a project: only the fields present are applied.
#[derive(Debug, Default, Deserialize, ToSchema)]
pub struct ProjectUpdate {
    /// Name.
    #[serde(default)]
    pub nom: Option<String>,
    /// Sport.
    #[serde(default)]
    pub sport: Option<String>,
    /// Weeks.
    #[serde(default)]
    pub nb_semaines: Option<u16>,
    /// First plannable week.
    #[serde(default)]
    pub semaine_min: Option<u16>,
    /// Blocked weeks.
    #[serde(default)]
    pub semaines_banalisees: Option<BTreeSet<u16>>,
    /// Season start (`null` turns real dates off).
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<NaiveDate>)]
    pub date_debut: Option<Option<NaiveDate>>,
    /// Match weekday.
    #[serde(default)]
    pub jour_match: Option<String>,
    /// Configuration data (`null` clears it).
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<Object>)]
    pub config_data: Option<Option<serde_json::Value>>,
}

impl ProjectUpdate {
    /// Checks against the current project and converts.
    pub fn into_patch(self, current: &Project) -> Result<ProjectPatch, ApiError> {
        if let Some(nom) = &self.nom {
            check_name(nom, "nom")?;
        }
        if let Some(sport) = &self.sport {
            check_name(sport, "sport")?;
        }
        let weeks = self.nb_semaines.unwrap_or(current.calendar.weeks);
        let first = self.semaine_min.unwrap_or(current.calendar.first_plannable_week);
        check_weeks(weeks, first)?;
        let dates = match (self.date_debut, self.jour_match) {
            (None, None) => None,
            (Some(None), _) => Some(None),
            (Some(Some(start)), day) => Some(dates(Some(start), day.as_deref())?),
            (None, Some(day)) => {
                let start = current.calendar.dates.map(|d| d.start);
                Some(dates(start, Some(&day))?)
            }
        };
        Ok(ProjectPatch {
            nom: self.nom.map(|n| n.trim().to_string()),
            sport: self.sport.map(|s| s.trim().to_string()),
            config: self.config_data,
            nb_semaines: self.nb_semaines,
            semaine_min: self.semaine_min,
            semaines_banalisees: self.semaines_banalisees,
            dates,
            settings: None,
        })
    }
}

/// Counts of a project's calendar.
#[derive(Debug, Serialize, ToSchema)]
pub struct ProjectStatsResponse {
    /// Every match.
    pub nb_matchs_total: i64,
    /// Matches with a slot (cancelled ones excluded).
    pub nb_matchs_planifies: i64,
    /// Locked matches (fixed or played).
    pub nb_matchs_fixes: i64,
    /// Matches without a slot (cancelled ones excluded).
    pub nb_matchs_a_planifier: i64,
    /// Cancelled matches.
    pub nb_matchs_annules: i64,
    /// Teams.
    pub nb_equipes: i64,
    /// Venues.
    pub nb_gymnases: i64,
}

impl From<ProjectStats> for ProjectStatsResponse {
    fn from(s: ProjectStats) -> Self {
        ProjectStatsResponse {
            nb_matchs_total: s.nb_matchs_total,
            nb_matchs_planifies: s.nb_matchs_planifies,
            nb_matchs_fixes: s.nb_matchs_fixes,
            nb_matchs_a_planifier: s.nb_matchs_a_planifier,
            nb_matchs_annules: s.nb_matchs_annules,
            nb_equipes: s.nb_equipes,
            nb_gymnases: s.nb_gymnases,
        }
    }
}
