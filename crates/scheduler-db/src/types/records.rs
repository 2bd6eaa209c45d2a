//! Rows as the repository returns them: projects, teams, venues, matches and project counts.

use chrono::NaiveDateTime;
use scheduler_core::{Calendar, Gender, Leg, Settings, TeamKey, TimeOfDay, VenueLevel};
use serde::{Deserialize, Serialize};

use super::{DbMatchId, DbTeamId, DbVenueId, MatchStatus, ProjectId};

/// A project: a season of one sport with its configuration.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Project {
    /// Id.
    pub id: ProjectId,
    /// Name.
    pub nom: String,
    /// Sport.
    pub sport: String,
    /// The merged YAML configuration as JSON, when imported from a YAML file.
    pub config: Option<serde_json::Value>,
    /// Weeks, first plannable week, blocked weeks, dates.
    pub calendar: Calendar,
    /// Rule weights and switches.
    pub settings: Settings,
    /// Bumped by every change to the project or its rows.
    pub revision: i64,
    /// Creation time (UTC).
    pub created_at: NaiveDateTime,
    /// Last change (UTC).
    pub updated_at: NaiveDateTime,
}

/// A team row.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TeamRecord {
    /// Id.
    pub id: DbTeamId,
    /// Project.
    pub project_id: ProjectId,
    /// Source order (decides match orientation).
    pub position: i32,
    /// Name without gender suffix.
    pub nom: String,
    /// Gender.
    pub genre: Option<Gender>,
    /// Institution.
    pub institution: String,
    /// Team number from the name (`LYON 1 (2)` → 2).
    pub numero_equipe: Option<i32>,
    /// Pool; `None` outside the championship.
    pub poule: Option<String>,
    /// Preferred start time.
    pub horaire_prefere: Option<TimeOfDay>,
    /// Preferred venues by rank.
    pub lieux_preferes: Vec<Option<String>>,
    /// Creation time.
    pub created_at: NaiveDateTime,
}

/// A venue row.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VenueRecord {
    /// Id.
    pub id: DbVenueId,
    /// Project.
    pub project_id: ProjectId,
    /// Source order.
    pub position: i32,
    /// Name.
    pub nom: String,
    /// Courts.
    pub capacite: u32,
    /// Weekly start times.
    pub horaires: Vec<TimeOfDay>,
    /// Level.
    pub niveau: Option<VenueLevel>,
    /// Creation time.
    pub created_at: NaiveDateTime,
}

/// Where a match is played.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Slot {
    /// Week.
    pub semaine: u16,
    /// Start time.
    pub horaire: TimeOfDay,
    /// Venue name.
    pub gymnase: String,
}

/// One side of a match (denormalised as in PyCalendar V2).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MatchSide {
    /// Team name.
    pub nom: String,
    /// Institution.
    pub institution: Option<String>,
    /// Gender.
    pub genre: Option<Gender>,
}

impl MatchSide {
    /// The team key.
    pub fn key(&self) -> TeamKey {
        TeamKey::new(self.nom.clone(), self.genre)
    }
}

/// A match row.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MatchRecord {
    /// Id.
    pub id: DbMatchId,
    /// Project.
    pub project_id: ProjectId,
    /// Stable key, unique in the project.
    pub match_key: String,
    /// First team (home).
    pub equipe1: MatchSide,
    /// Second team.
    pub equipe2: MatchSide,
    /// Pool.
    pub poule: Option<String>,
    /// Where it is, when placed.
    pub slot: Option<Slot>,
    /// Locked against moves and solves.
    pub est_fixe: bool,
    /// Status.
    pub statut: MatchStatus,
    /// Priority (kept for PyCalendar compatibility; unused by the solver).
    pub priorite: i32,
    /// Score of the first team.
    pub score_equipe1: Option<i32>,
    /// Score of the second team.
    pub score_equipe2: Option<i32>,
    /// Score as written.
    pub score: Option<String>,
    /// Leg of a championship pairing; `None` for cup, friendly or external matches.
    pub leg: Option<Leg>,
    /// Competition of a fixed match.
    pub competition: Option<String>,
    /// Notes.
    pub notes: Option<String>,
    /// Creation time.
    pub created_at: NaiveDateTime,
    /// Last change.
    pub updated_at: NaiveDateTime,
}

impl MatchRecord {
    /// Whether moves and solves may change it (PyCalendar's `est_modifiable`).
    pub fn est_modifiable(&self) -> bool {
        !self.est_fixe && matches!(self.statut, MatchStatus::ToPlan | MatchStatus::Planned)
    }
}

/// Counts of a project (PyCalendar's `ProjectStats`, plus cancelled matches).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProjectStats {
    /// Every match row.
    pub nb_matchs_total: i64,
    /// Not cancelled, with a slot.
    pub nb_matchs_planifies: i64,
    /// Locked: `est_fixe`, `fixe` or `termine`.
    pub nb_matchs_fixes: i64,
    /// Not cancelled, without a slot.
    pub nb_matchs_a_planifier: i64,
    /// Cancelled.
    pub nb_matchs_annules: i64,
    /// Teams.
    pub nb_equipes: i64,
    /// Venues.
    pub nb_gymnases: i64,
}
