//! Teams.

use chrono::NaiveDateTime;
use scheduler_core::{names, Gender, TimeOfDay};
use scheduler_db::{NewTeam, TeamPatch, TeamRecord};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::double_option;
use crate::error::ApiError;

/// A team.
#[derive(Debug, Serialize, ToSchema)]
pub struct TeamResponse {
    /// Id.
    pub id: i64,
    /// Project.
    pub project_id: i64,
    /// Name without gender suffix.
    #[schema(example = "LYON 1 (2)")]
    pub nom: String,
    /// Institution.
    #[schema(example = "LYON 1")]
    pub institution: String,
    /// Team number within its institution.
    pub numero_equipe: Option<String>,
    /// `M` or `F`.
    #[schema(example = "F")]
    pub genre: Option<String>,
    /// Pool code; `null` for a team met only in fixed matches.
    #[schema(example = "VBFA1PA")]
    pub poule: Option<String>,
    /// Preferred start times (PyCalendar holds at most one).
    #[schema(example = json!(["20:00"]))]
    pub horaires_preferes: Vec<String>,
    /// Preferred venues by rank (`null` keeps a rank empty).
    #[schema(example = json!([null, "BESSON"]))]
    pub lieux_preferes: Vec<Option<String>>,
    /// Creation time (UTC).
    pub created_at: NaiveDateTime,
}

impl From<TeamRecord> for TeamResponse {
    fn from(t: TeamRecord) -> Self {
        TeamResponse {
            id: t.id.0,
            project_id: t.project_id.0,
            nom: t.nom,
            institution: t.institution,
            numero_equipe: t.numero_equipe.map(|n| n.to_string()),
            genre: t.genre.map(|g| g.code().to_string()),
            poule: t.poule,
            horaires_preferes: t.horaire_prefere.map(|h| h.to_string()).into_iter().collect(),
            lieux_preferes: t.lieux_preferes,
            created_at: t.created_at,
        }
    }
}

/// A team to create; its pool's matches are generated at once.
#[derive(Debug, Deserialize, ToSchema)]
pub struct TeamCreate {
    /// Project.
    pub project_id: i64,
    /// Name (a ` [F]`/` [M]` suffix sets the gender).
    #[schema(example = "LYON 1 (2)")]
    pub nom: String,
    /// Institution (default: the name before its number).
    #[serde(default)]
    pub institution: Option<String>,
    /// `M` or `F` (default: from the name suffix or the pool code).
    #[serde(default)]
    pub genre: Option<String>,
    /// Pool code.
    #[serde(default)]
    pub poule: Option<String>,
    /// Preferred start times; the first one counts.
    #[serde(default)]
    pub horaires_preferes: Vec<String>,
    /// Preferred venues by rank.
    #[serde(default)]
    pub lieux_preferes: Vec<Option<String>>,
}

pub(crate) fn parse_gender(text: &str) -> Result<Gender, ApiError> {
    Gender::parse(text)
        .ok_or_else(|| ApiError::Unprocessable(format!("genre must be `M` or `F`, got `{text}`")))
}

pub(crate) fn parse_time(text: &str, field: &str) -> Result<TimeOfDay, ApiError> {
    text.parse().map_err(|e| ApiError::Unprocessable(format!("{field}: {e}")))
}

fn first_time(times: &[String]) -> Result<Option<TimeOfDay>, ApiError> {
    times.first().map(|t| parse_time(t, "horaires_preferes")).transpose()
}

impl TeamCreate {
    /// Checks and converts.
    pub fn into_new(self) -> Result<NewTeam, ApiError> {
        let (name, suffix) = names::split_gender_suffix(&self.nom);
        if name.is_empty() {
            return Err(ApiError::Unprocessable("nom must not be empty".into()));
        }
        let genre = match self.genre.as_deref() {
            Some(text) => Some(parse_gender(text)?),
            None => suffix.or_else(|| self.poule.as_deref().and_then(names::gender_of_pool)),
        };
        Ok(NewTeam {
            nom: name,
            genre,
            institution: self.institution,
            poule: self.poule.filter(|p| !p.trim().is_empty()),
            horaire_prefere: first_time(&self.horaires_preferes)?,
            lieux_preferes: self.lieux_preferes,
        })
    }
}

/// Changes to a team (its name and gender identify it and cannot change).
#[derive(Debug, Default, Deserialize, ToSchema)]
pub struct TeamUpdate {
    /// Institution.
    #[serde(default)]
    pub institution: Option<String>,
    /// Pool (`null`: out of the championship); its matches to plan are regenerated.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>)]
    pub poule: Option<Option<String>>,
    /// Preferred start times (`[]` clears).
    #[serde(default)]
    pub horaires_preferes: Option<Vec<String>>,
    /// Preferred venues by rank.
    #[serde(default)]
    pub lieux_preferes: Option<Vec<Option<String>>>,
}

impl TeamUpdate {
    /// Checks and converts.
    pub fn into_patch(self) -> Result<TeamPatch, ApiError> {
        Ok(TeamPatch {
            institution: self.institution,
            poule: self.poule,
            horaire_prefere: self.horaires_preferes.as_deref().map(first_time).transpose()?,
            lieux_preferes: self.lieux_preferes,
        })
    }
}
