//! Matches.

use chrono::NaiveDateTime;
use scheduler_core::{Leg, TeamKey};
use scheduler_db::{MatchFilter, MatchPatch, MatchRecord, MatchStatus, NewFixedMatch, ProjectId, Slot};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::double_option;
use super::teams::{parse_gender, parse_time};
use crate::error::ApiError;

/// A match (PyCalendar's `MatchResponse`, plus its key, leg, competition and written score).
#[derive(Debug, Serialize, ToSchema)]
pub struct MatchResponse {
    /// Id.
    pub id: i64,
    /// Project.
    pub project_id: i64,
    /// Stable key (pool, teams, leg), unique in the project.
    pub match_key: String,
    /// First team (home in home-and-away pools).
    #[schema(example = "LYON 1 (2)")]
    pub equipe1_nom: String,
    /// Its institution.
    pub equipe1_institution: Option<String>,
    /// Its gender.
    pub equipe1_genre: Option<String>,
    /// Second team.
    #[schema(example = "INSA (1)")]
    pub equipe2_nom: String,
    /// Its institution.
    pub equipe2_institution: Option<String>,
    /// Its gender.
    pub equipe2_genre: Option<String>,
    /// Pool.
    pub poule: Option<String>,
    /// Week, when placed.
    #[schema(example = 6)]
    pub semaine: Option<u16>,
    /// Start time, when placed.
    #[schema(example = "20:00")]
    pub horaire: Option<String>,
    /// Venue, when placed.
    #[schema(example = "BESSON")]
    pub gymnase: Option<String>,
    /// Locked: moves and solves leave it alone.
    pub est_fixe: bool,
    /// `a_planifier`, `planifie`, `fixe`, `termine` or `annule`.
    #[schema(example = "planifie")]
    pub statut: String,
    /// Priority (kept for compatibility).
    pub priorite: i32,
    /// Score of the first team.
    pub score_equipe1: Option<i32>,
    /// Score of the second team.
    pub score_equipe2: Option<i32>,
    /// Score as written (`3-1`).
    pub score: Option<String>,
    /// `unique`, `aller` or `retour` for championship matches.
    pub manche: Option<String>,
    /// Competition of a fixed match (`Acad`, `CFE`…).
    pub type_competition: Option<String>,
    /// Notes.
    pub notes: Option<String>,
    /// Creation time (UTC).
    pub created_at: NaiveDateTime,
    /// Last change (UTC).
    pub updated_at: NaiveDateTime,
}

impl From<MatchRecord> for MatchResponse {
    fn from(m: MatchRecord) -> Self {
        let genre = |g: Option<scheduler_core::Gender>| g.map(|g| g.code().to_string());
        MatchResponse {
            id: m.id.0,
            project_id: m.project_id.0,
            match_key: m.match_key,
            equipe1_nom: m.equipe1.nom,
            equipe1_institution: m.equipe1.institution,
            equipe1_genre: genre(m.equipe1.genre),
            equipe2_nom: m.equipe2.nom,
            equipe2_institution: m.equipe2.institution,
            equipe2_genre: genre(m.equipe2.genre),
            poule: m.poule,
            semaine: m.slot.as_ref().map(|s| s.semaine),
            horaire: m.slot.as_ref().map(|s| s.horaire.to_string()),
            gymnase: m.slot.map(|s| s.gymnase),
            est_fixe: m.est_fixe,
            statut: m.statut.as_str().to_string(),
            priorite: m.priorite,
            score_equipe1: m.score_equipe1,
            score_equipe2: m.score_equipe2,
            score: m.score,
            manche: m.leg.map(|leg| {
                match leg {
                    Leg::Single => "unique",
                    Leg::First => "aller",
                    Leg::Return => "retour",
                }
                .to_string()
            }),
            type_competition: m.competition,
            notes: m.notes,
            created_at: m.created_at,
            updated_at: m.updated_at,
        }
    }
}

/// Filters of the match list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct MatchQuery {
    /// Project.
    pub project_id: Option<i64>,
    /// Week.
    pub semaine: Option<u16>,
    /// Pool.
    pub poule: Option<String>,
    /// Status.
    pub statut: Option<String>,
    /// Venue.
    pub gymnase: Option<String>,
}

impl MatchQuery {
    /// Checks and converts.
    pub fn into_filter(self) -> Result<MatchFilter, ApiError> {
        Ok(MatchFilter {
            project_id: self.project_id.map(ProjectId),
            semaine: self.semaine,
            poule: self.poule,
            statut: self.statut.as_deref().map(parse_status).transpose()?,
            gymnase: self.gymnase,
        })
    }
}

pub(crate) fn parse_status(text: &str) -> Result<MatchStatus, ApiError> {
    text.parse::<MatchStatus>().map_err(ApiError::BadRequest)
}

/// A slot to move a match to.
#[derive(Debug, Deserialize, ToSchema)]
pub struct MatchMove {
    /// Week.
    #[schema(example = 6)]
    pub semaine: u16,
    /// Start time.
    #[schema(example = "20:00")]
    pub horaire: String,
    /// Venue.
    #[schema(example = "BESSON")]
    pub gymnase: String,
}

impl MatchMove {
    /// Checks and converts.
    pub fn into_slot(self) -> Result<Slot, ApiError> {
        Ok(Slot {
            semaine: self.semaine,
            horaire: parse_time(&self.horaire, "horaire")?,
            gymnase: self.gymnase,
        })
    }
}

/// A match to create: a played or imposed match (cup, friendly, external team) with its slot.
/// Championship matches to plan are generated from the pools, not created one by one.
#[derive(Debug, Deserialize, ToSchema)]
pub struct MatchCreate {
    /// Project.
    pub project_id: i64,
    /// First team.
    pub equipe1_nom: String,
    /// Its gender.
    #[serde(default)]
    pub equipe1_genre: Option<String>,
    /// Second team.
    pub equipe2_nom: String,
    /// Its gender.
    #[serde(default)]
    pub equipe2_genre: Option<String>,
    /// Pool, for a championship match already played.
    #[serde(default)]
    pub poule: Option<String>,
    /// Week.
    pub semaine: Option<u16>,
    /// Start time.
    pub horaire: Option<String>,
    /// Venue.
    pub gymnase: Option<String>,
    /// `fixe` (default) or `termine`.
    #[serde(default)]
    pub statut: Option<String>,
    /// Competition (`Acad`, `CFE`, `CFU`, `Autre`).
    #[serde(default)]
    pub type_competition: Option<String>,
    /// Score as written.
    #[serde(default)]
    pub score: Option<String>,
    /// Notes.
    #[serde(default)]
    pub notes: Option<String>,
}

impl MatchCreate {
    /// Checks and converts.
    pub fn into_new(self) -> Result<(ProjectId, NewFixedMatch), ApiError> {
        let (Some(semaine), Some(horaire), Some(gymnase)) = (self.semaine, self.horaire, self.gymnase) else {
            return Err(ApiError::BadRequest(
                "a created match needs semaine, horaire and gymnase: it is a played or imposed match; \
                 matches to plan are generated from the pools"
                    .into(),
            ));
        };
        let statut = match self.statut.as_deref() {
            None => MatchStatus::Fixed,
            Some(text) => match parse_status(text)? {
                status @ (MatchStatus::Fixed | MatchStatus::Played) => status,
                other => {
                    return Err(ApiError::BadRequest(format!(
                        "a created match is `fixe` or `termine`, not `{}`",
                        other.as_str()
                    )))
                }
            },
        };
        let key = |name: String, genre: Option<String>| -> Result<TeamKey, ApiError> {
            Ok(TeamKey::new(name.trim(), genre.as_deref().map(parse_gender).transpose()?))
        };
        Ok((
            ProjectId(self.project_id),
            NewFixedMatch {
                home: key(self.equipe1_nom, self.equipe1_genre)?,
                away: key(self.equipe2_nom, self.equipe2_genre)?,
                poule: self.poule,
                slot: Slot { semaine, horaire: parse_time(&horaire, "horaire")?, gymnase },
                statut,
                competition: self.type_competition,
                score: self.score,
                notes: self.notes,
            },
        ))
    }
}

/// Changes to a match: only the fields present are applied. A full slot (`semaine`, `horaire`,
/// `gymnase`) moves the match with the same checks as `/move`.
#[derive(Debug, Default, Deserialize, ToSchema)]
pub struct MatchUpdate {
    /// Week (with `horaire` and `gymnase`: a move).
    #[serde(default)]
    pub semaine: Option<u16>,
    /// Start time.
    #[serde(default)]
    pub horaire: Option<String>,
    /// Venue.
    #[serde(default)]
    pub gymnase: Option<String>,
    /// `est_fixe: true` fixes, `false` unfixes.
    #[serde(default)]
    pub est_fixe: Option<bool>,
    /// New status.
    #[serde(default)]
    pub statut: Option<String>,
    /// Priority.
    #[serde(default)]
    pub priorite: Option<i32>,
    /// Score of the first team (`null` clears).
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<i32>)]
    pub score_equipe1: Option<Option<i32>>,
    /// Score of the second team.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<i32>)]
    pub score_equipe2: Option<Option<i32>>,
    /// Notes.
    #[serde(default, deserialize_with = "double_option")]
    #[schema(value_type = Option<String>)]
    pub notes: Option<Option<String>>,
}

/// What an update asks for, in order: a move, a lock change, then field changes.
#[derive(Debug)]
pub struct UpdatePlan {
    /// Move first.
    pub slot: Option<Slot>,
    /// Then fix (`true`) or unfix (`false`).
    pub lock: Option<bool>,
    /// Then the fields.
    pub patch: MatchPatch,
}

impl MatchUpdate {
    /// Checks and converts.
    pub fn into_plan(self) -> Result<UpdatePlan, ApiError> {
        let slot = match (self.semaine, self.horaire, self.gymnase) {
            (None, None, None) => None,
            (Some(semaine), Some(horaire), Some(gymnase)) => {
                Some(Slot { semaine, horaire: parse_time(&horaire, "horaire")?, gymnase })
            }
            _ => {
                return Err(ApiError::BadRequest(
                    "semaine, horaire and gymnase go together (a move); send all three".into(),
                ))
            }
        };
        let score = match (&self.score_equipe1, &self.score_equipe2) {
            (Some(Some(a)), Some(Some(b))) => Some(Some(format!("{a}-{b}"))),
            _ => None,
        };
        Ok(UpdatePlan {
            slot,
            lock: self.est_fixe,
            patch: MatchPatch {
                statut: self.statut.as_deref().map(parse_status).transpose()?,
                priorite: self.priorite,
                score_equipe1: self.score_equipe1,
                score_equipe2: self.score_equipe2,
                score,
                notes: self.notes,
            },
        })
    }
}

/// Answer of `/fix` and `/unfix` (PyCalendar's shape).
#[derive(Debug, Serialize, ToSchema)]
pub struct MatchActionResponse {
    /// What happened.
    #[schema(example = "Match fixé avec succès")]
    pub message: String,
    /// The match after the action.
    #[serde(rename = "match")]
    pub match_: MatchResponse,
}
