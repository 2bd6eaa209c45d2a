//! Venues.

use chrono::NaiveDateTime;
use scheduler_core::VenueLevel;
use scheduler_db::{NewVenue, VenuePatch, VenueRecord};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::double_option;
use super::teams::parse_time;
use crate::error::ApiError;

/// A venue (gym).
#[derive(Debug, Serialize, ToSchema)]
pub struct VenueResponse {
    /// Id.
    pub id: i64,
    /// Project.
    pub project_id: i64,
    /// Name.
    #[schema(example = "BESSON")]
    pub nom: String,
    /// Courts: matches at the same time.
    #[schema(example = 3)]
    pub capacite: u32,
    /// Weekly start times.
    #[schema(example = json!(["14:00", "16:00", "18:00", "20:00"]))]
    pub horaires_disponibles: Vec<String>,
    /// `haut` or `bas` (venue level), when classified.
    pub niveau: Option<String>,
    /// Creation time (UTC).
    pub created_at: NaiveDateTime,
}

fn level_name(level: VenueLevel) -> &'static str {
    match level {
        VenueLevel::High => "haut",
        VenueLevel::Low => "bas",
    }
}

fn parse_level(text: &str) -> Result<VenueLevel, ApiError> {
    match text.trim().to_lowercase().as_str() {
        "haut" | "haut niveau" | "high" => Ok(VenueLevel::High),
        "bas" | "bas niveau" | "low" => Ok(VenueLevel::Low),
        _ => Err(ApiError::Unprocessable(format!("niveau must be `haut` or `bas`, got `{text}`"))),
    }
}

impl From<VenueRecord> for VenueResponse {
    fn from(v: VenueRecord) -> Self {
        VenueResponse {
            id: v.id.0,
            project_id: v.project_id.0,
            nom: v.nom,
            capacite: v.capacite,
            horaires_disponibles: v.horaires.iter().map(ToString::to_string).collect(),
            niveau: v.niveau.map(|l| level_name(l).to_string()),
            created_at: v.created_at,
        }
    }
}

fn times(list: &[String]) -> Result<Vec<scheduler_core::TimeOfDay>, ApiError> {
    list.iter().map(|t| parse_time(t, "horaires_disponibles")).collect()
}

fn check_courts(courts: u32) -> Result<u32, ApiError> {
    if courts == 0 {
        return Err(ApiError::Unprocessable("capacite must be at least 1".into()));
    }
    Ok(courts)
}

/// A venue to create.
#[derive(Debug, Deserialize, ToSchema)]
pub struct VenueCreate {
    /// Project.
    pub project_id: i64,
    /// Name.
    pub nom: String,
    /// Courts (default 1).
    #[serde(default = "one")]
    #[schema(default = 1, minimum = 1)]
    pub capacite: u32,
    /// Weekly start times.
    #[serde(default)]
    pub horaires_disponibles: Vec<String>,
    /// `haut` or `bas`.
    #[serde(default)]
    pub niveau: Option<String>,
}

fn one() -> u32 {
    1
}

impl VenueCreate {
    /// Checks and converts.
    pub fn into_new(self) -> Result<NewVenue, ApiError> {
        if self.nom.trim().is_empty() {
            return Err(ApiError::Unprocessable("nom must not be empty".into()));
        }
        Ok(NewVenue {
            nom: self.nom.trim().to_string(),
            capacite: check_courts(self.capacite)?,
            horaires: times(&self.horaires_disponibles)?,
            niveau: self.niveau.as_deref().map(parse_level).transpose()?,
        })
    }
}

/// Changes to a venue (its name identifies it).
#[derive(Debug, Default, Deserialize, ToSchema)]
pub struct VenueUpdate {
    /// Courts.
    #[serde(default)]
    pub capacite: Option<u32>,
    /// Weekly start times.
    #[serde(default)]
    pub horaires_disponibles: Option<Vec<String>>,
    /// Level (`null` clears).
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>)]
    pub niveau: Option<Option<String>>,
}

impl VenueUpdate {
    /// Checks and converts.
    pub fn into_patch(self) -> Result<VenuePatch, ApiError> {
        Ok(VenuePatch {
            capacite: self.capacite.map(check_courts).transpose()?,
            horaires: self.horaires_disponibles.as_deref().map(times).transpose()?,
            niveau: self.niveau.map(|n| n.as_deref().map(parse_level).transpose()).transpose()?,
        })
    }
}
