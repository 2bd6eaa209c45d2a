//! What callers give the repository: rows to create, patches and match filters.

use std::collections::BTreeSet;

use scheduler_core::{Calendar, Gender, SeasonDates, Settings, TeamKey, TimeOfDay, VenueLevel};
use serde::{Deserialize, Serialize};

use super::{MatchStatus, ProjectId, Slot};

/// A project to create.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NewProject {
    /// Name.
    pub nom: String,
    /// Sport.
    pub sport: String,
    /// Configuration as JSON (e.g. the merged YAML).
    #[serde(default)]
    pub config: Option<serde_json::Value>,
    /// Calendar.
    #[serde(default)]
    pub calendar: Calendar,
    /// Settings.
    #[serde(default)]
    pub settings: Settings,
}

/// Changes to a project; `None` leaves a field alone.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ProjectPatch {
    /// Name.
    pub nom: Option<String>,
    /// Sport.
    pub sport: Option<String>,
    /// Configuration (`Some(None)` clears it).
    pub config: Option<Option<serde_json::Value>>,
    /// Number of weeks.
    pub nb_semaines: Option<u16>,
    /// First plannable week.
    pub semaine_min: Option<u16>,
    /// Blocked weeks.
    pub semaines_banalisees: Option<BTreeSet<u16>>,
    /// Dates (`Some(None)` deactivates the calendar).
    pub dates: Option<Option<SeasonDates>>,
    /// Settings.
    pub settings: Option<Settings>,
}

/// A team to create (appended after the existing ones).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NewTeam {
    /// Name without gender suffix.
    pub nom: String,
    /// Gender.
    #[serde(default)]
    pub genre: Option<Gender>,
    /// Institution; `None` derives it from the name.
    #[serde(default)]
    pub institution: Option<String>,
    /// Pool.
    #[serde(default)]
    pub poule: Option<String>,
    /// Preferred start time.
    #[serde(default)]
    pub horaire_prefere: Option<TimeOfDay>,
    /// Preferred venues by rank.
    #[serde(default)]
    pub lieux_preferes: Vec<Option<String>>,
}

/// Changes to a team. Renaming (name, gender) is not supported: constraints and matches name teams.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TeamPatch {
    /// Institution.
    pub institution: Option<String>,
    /// Pool (`Some(None)`: out of the championship). Regenerates the team's matches to plan.
    pub poule: Option<Option<String>>,
    /// Preferred time.
    pub horaire_prefere: Option<Option<TimeOfDay>>,
    /// Preferred venues.
    pub lieux_preferes: Option<Vec<Option<String>>>,
}

/// A venue to create.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NewVenue {
    /// Name.
    pub nom: String,
    /// Courts (≥ 1).
    pub capacite: u32,
    /// Weekly start times.
    #[serde(default)]
    pub horaires: Vec<TimeOfDay>,
    /// Level.
    #[serde(default)]
    pub niveau: Option<VenueLevel>,
}

/// Changes to a venue (renaming is not supported).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct VenuePatch {
    /// Courts.
    pub capacite: Option<u32>,
    /// Weekly start times.
    pub horaires: Option<Vec<TimeOfDay>>,
    /// Level.
    pub niveau: Option<Option<VenueLevel>>,
}

/// Filters of [`crate::Database::list_matches`]; `None` = any.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct MatchFilter {
    /// Project.
    pub project_id: Option<ProjectId>,
    /// Week.
    pub semaine: Option<u16>,
    /// Pool.
    pub poule: Option<String>,
    /// Status.
    pub statut: Option<MatchStatus>,
    /// Venue.
    pub gymnase: Option<String>,
}

/// Changes to a match. The slot changes only through moves, fixes and solves.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct MatchPatch {
    /// New status: `fixe` (needs a slot), `termine` (needs a slot; locks), `annule`, `planifie` (needs a
    /// slot; unlocks), `a_planifier` (unlocks and clears the slot).
    pub statut: Option<MatchStatus>,
    /// Priority.
    pub priorite: Option<i32>,
    /// Score of the first team.
    pub score_equipe1: Option<Option<i32>>,
    /// Score of the second team.
    pub score_equipe2: Option<Option<i32>>,
    /// Score as written.
    pub score: Option<Option<String>>,
    /// Notes.
    pub notes: Option<Option<String>>,
}

/// A fixed match outside the championship (cup, friendly, external) to create.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NewFixedMatch {
    /// First team.
    pub home: TeamKey,
    /// Second team.
    pub away: TeamKey,
    /// Pool named, if any.
    #[serde(default)]
    pub poule: Option<String>,
    /// Where.
    pub slot: Slot,
    /// `fixe` or `termine`.
    pub statut: MatchStatus,
    /// Competition.
    #[serde(default)]
    pub competition: Option<String>,
    /// Score as written.
    #[serde(default)]
    pub score: Option<String>,
    /// Notes.
    #[serde(default)]
    pub notes: Option<String>,
}
