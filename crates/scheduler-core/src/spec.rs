//! The input of a season, by names: what a workbook, a database or a program states.
//!
//! A [`ProblemSpec`] is checked and indexed once by [`Problem::new`](crate::Problem::new); everything
//! downstream works on ids. Every list keeps the order of its source (team order decides match
//! orientation, spec §5).

use serde::{Deserialize, Serialize};

use crate::{Calendar, Settings, TimeOfDay, TimeRange};

/// Men's or women's team.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Gender {
    /// `M`.
    #[serde(rename = "M")]
    Male,
    /// `F`.
    #[serde(rename = "F")]
    Female,
}

impl Gender {
    /// `M` or `F`.
    pub fn code(self) -> &'static str {
        match self {
            Gender::Male => "M",
            Gender::Female => "F",
        }
    }

    /// Reads `M`/`F` (any case, trimmed).
    pub fn parse(text: &str) -> Option<Self> {
        match text.trim().to_ascii_uppercase().as_str() {
            "M" => Some(Gender::Male),
            "F" => Some(Gender::Female),
            _ => None,
        }
    }
}

/// A team named in a constraint: its name, and its gender when the source gives one.
///
/// Without a gender the key names every team of that name (an unavailability), or the only one
/// (a fixed match); see the constraint's documentation.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct TeamKey {
    /// Team name without gender suffix, e.g. `LYON 1 (2)`.
    pub name: String,
    /// `None` when the source does not say.
    pub gender: Option<Gender>,
}

impl TeamKey {
    /// A key with an explicit gender.
    pub fn new(name: impl Into<String>, gender: Option<Gender>) -> Self {
        Self { name: name.into(), gender }
    }
}

impl std::fmt::Display for TeamKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.gender {
            Some(gender) => write!(f, "{} [{}]", self.name, gender.code()),
            None => f.write_str(&self.name),
        }
    }
}

/// Everything needed to build a [`Problem`](crate::Problem).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ProblemSpec {
    /// Weights and switches.
    pub settings: Settings,
    /// Weeks, first plannable week, blocked weeks, dates.
    pub calendar: Calendar,
    /// Teams in source order (championship teams, then teams met only in fixed matches).
    pub teams: Vec<TeamSpec>,
    /// Pool formats; a pool of the teams missing here is a single round robin.
    pub pools: Vec<PoolSpec>,
    /// Venues in source order.
    pub venues: Vec<VenueSpec>,
    /// Closed or partly occupied venue times.
    pub venue_unavailabilities: Vec<VenueUnavailability>,
    /// Times a team cannot play.
    pub team_unavailabilities: Vec<TeamUnavailability>,
    /// Times no team of an institution can play.
    pub institution_unavailabilities: Vec<InstitutionUnavailability>,
    /// Per team and venue, the earliest time the team may start there (`Dispos_Gymnases_Equipes`).
    pub earliest_times: Vec<EarliestTime>,
    /// Venues where one team of an institution must play.
    pub presence_obligations: Vec<PresenceObligation>,
    /// Groups of institutions/teams that should not play at the same time (S6).
    pub groups: Vec<NonSimultaneityGroup>,
    /// Institution pairs whose matches are optional (low reward).
    pub ententes: Vec<Entente>,
    /// "Before week N" / "after week N" rules between two teams.
    pub temporal_constraints: Vec<TemporalConstraint>,
    /// Played or imposed matches; never moved.
    pub fixed_matches: Vec<FixedMatchSpec>,
}

/// A team.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeamSpec {
    /// Name without gender suffix; identity is (name, gender).
    pub name: String,
    /// Gender, when known.
    pub gender: Option<Gender>,
    /// Owning institution; `None` derives it from the name (`LYON 1 (2)` → `LYON 1`).
    #[serde(default)]
    pub institution: Option<String>,
    /// Pool code; `None` for a team outside the championship (met only in fixed matches).
    #[serde(default)]
    pub pool: Option<String>,
    /// Preferred start time (S1).
    #[serde(default)]
    pub preferred_time: Option<TimeOfDay>,
    /// Preferred venues by rank; holes keep the rank of the next ones (S2).
    #[serde(default)]
    pub preferred_venues: Vec<Option<String>>,
}

impl TeamSpec {
    /// A championship team with no preference.
    pub fn new(name: impl Into<String>, gender: Option<Gender>, pool: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            gender,
            institution: None,
            pool: Some(pool.into()),
            preferred_time: None,
            preferred_venues: Vec::new(),
        }
    }

    /// This team's key.
    pub fn key(&self) -> TeamKey {
        TeamKey::new(self.name.clone(), self.gender)
    }
}

/// How a pool's matches are generated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum PoolKind {
    /// Every pair once (`Classique`).
    #[default]
    #[serde(rename = "Classique")]
    SingleRoundRobin,
    /// Every pair twice, each team at home once (`Aller-Retour`).
    #[serde(rename = "Aller-Retour")]
    HomeAndAway,
}

impl PoolKind {
    /// PyCalendar's reading of `Types_Poules.Type`: the home-and-away spellings, anything else is classic.
    pub fn parse(text: &str) -> Self {
        match text.trim().to_lowercase().as_str() {
            "aller-retour" | "aller retour" | "allerretour" | "ar" | "home-and-away" => PoolKind::HomeAndAway,
            _ => PoolKind::SingleRoundRobin,
        }
    }
}

/// A pool's format.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PoolSpec {
    /// Pool code, e.g. `VBFA1PA`.
    pub code: String,
    /// Format.
    pub kind: PoolKind,
}

/// Level of a venue (S3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum VenueLevel {
    /// `Haut niveau`.
    High,
    /// `Bas niveau`.
    Low,
}

/// A venue (gym).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VenueSpec {
    /// Name (identity).
    pub name: String,
    /// Matches that can be played at the same time (courts).
    pub courts: u32,
    /// Weekly start times; empty for a venue used only by fixed matches.
    pub times: Vec<TimeOfDay>,
    /// Level, when classified.
    #[serde(default)]
    pub level: Option<VenueLevel>,
}

/// A venue closed, or with fewer courts, at some times of a week.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VenueUnavailability {
    /// Venue name.
    pub venue: String,
    /// Week.
    pub week: u16,
    /// Times concerned (a start time inside the range).
    pub range: TimeRange,
    /// Courts taken; `None` = all of them. Several rows on one time keep the smallest remainder.
    #[serde(default)]
    pub courts_taken: Option<u32>,
}

/// A team that cannot play at some times of a week.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeamUnavailability {
    /// The team; without gender, every team of that name.
    pub team: TeamKey,
    /// Week.
    pub week: u16,
    /// Times concerned.
    pub range: TimeRange,
}

/// An institution whose teams cannot play at some times of a week.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InstitutionUnavailability {
    /// Institution name.
    pub institution: String,
    /// Week.
    pub week: u16,
    /// Times concerned.
    pub range: TimeRange,
}

/// On `venue`, `team` may only start at `earliest` or later.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EarliestTime {
    /// The team (gender required by the source sheet, but optional here).
    pub team: TeamKey,
    /// Venue name.
    pub venue: String,
    /// Earliest start.
    pub earliest: TimeOfDay,
}

/// Every match in `venue` must involve a team of `institution`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PresenceObligation {
    /// Venue name.
    pub venue: String,
    /// Institution name.
    pub institution: String,
}

/// Entities (institution or team names) that should not play at the same time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NonSimultaneityGroup {
    /// Group name.
    pub name: String,
    /// Institution names or team names (without gender).
    pub members: Vec<String>,
}

/// Matches between teams of these two institutions are optional: they earn `reward` instead of the
/// normal match reward.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entente {
    /// First institution.
    pub institution_a: String,
    /// Second institution (may equal the first).
    pub institution_b: String,
    /// Reward of placing one such match; `None` = `Settings::entente_reward`.
    #[serde(default)]
    pub reward: Option<i64>,
}

/// Side of a temporal constraint.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TemporalKind {
    /// Week ≤ limit (`Avant`).
    #[serde(rename = "Avant")]
    Before,
    /// Week ≥ limit (`Apres`).
    #[serde(rename = "Apres")]
    After,
}

impl TemporalKind {
    /// Whether `week` satisfies the constraint with limit `limit` (inclusive).
    pub fn allows(self, week: u16, limit: u16) -> bool {
        match self {
            TemporalKind::Before => week <= limit,
            TemporalKind::After => week >= limit,
        }
    }
}

/// Matches between two teams must be played before/after a week.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TemporalConstraint {
    /// One team.
    pub team_a: TeamKey,
    /// The other.
    pub team_b: TeamKey,
    /// Before or after.
    pub kind: TemporalKind,
    /// Limit week (inclusive).
    pub week: u16,
}

/// A played or imposed match. It stays where it is, even when it breaks a rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FixedMatchSpec {
    /// First team (home in a home-and-away pool).
    pub home: TeamKey,
    /// Second team.
    pub away: TeamKey,
    /// Championship pool; `None` for cup, friendly or external matches.
    #[serde(default)]
    pub pool: Option<String>,
    /// Week.
    pub week: u16,
    /// Start time (may be outside the venue's weekly times).
    pub time: TimeOfDay,
    /// Venue name (may be a venue without weekly times).
    pub venue: String,
    /// `Acad`, `CFE`, `CFU`, `Autre`…
    #[serde(default)]
    pub competition: Option<String>,
    /// Score as written, e.g. `3-1`.
    #[serde(default)]
    pub score: Option<String>,
    /// Free notes.
    #[serde(default)]
    pub notes: Option<String>,
}
