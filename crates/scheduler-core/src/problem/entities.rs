//! What a checked season is made of: teams, pools, venues, matches to plan, fixed matches, groups.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::spec::{Gender, PoolKind, TemporalKind, VenueLevel};
use crate::{InstitutionId, MatchId, PoolId, TeamId, TimeOfDay, TimeRange, VenueId, Week};

/// A team.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Team {
    /// Name without gender suffix.
    pub name: String,
    /// Gender, when known.
    pub gender: Option<Gender>,
    /// Owning institution.
    pub institution: InstitutionId,
    /// Championship pool; `None` for teams met only in fixed matches.
    pub pool: Option<PoolId>,
    /// Preferred start time (S1).
    pub preferred_time: Option<TimeOfDay>,
    /// Preferred venues by rank (S2).
    pub preferred_venues: Vec<Option<VenueId>>,
    /// Weeks and times the team cannot play (its own, its institution's).
    pub unavailable: Vec<(Week, TimeRange)>,
    /// The entries of `unavailable` that come from its institution (for explanations).
    #[serde(default)]
    pub institution_unavailable: Vec<(Week, TimeRange)>,
    /// Per venue, the earliest start allowed.
    pub earliest: Vec<(VenueId, TimeOfDay)>,
}

impl Team {
    /// `NAME [G]`, or the name alone without gender.
    pub fn label(&self) -> String {
        match self.gender {
            Some(gender) => format!("{} [{}]", self.name, gender.code()),
            None => self.name.clone(),
        }
    }
}

/// A pool (division).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pool {
    /// Code, e.g. `VBMA2PB`.
    pub code: String,
    /// Format.
    pub kind: PoolKind,
    /// Level index from the code (`A1` → 0), for S3.
    pub level: Option<usize>,
    /// Teams in source order.
    pub teams: Vec<TeamId>,
}

/// A venue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Venue {
    /// Name.
    pub name: String,
    /// Courts.
    pub courts: u32,
    /// Weekly start times, sorted.
    pub times: Vec<TimeOfDay>,
    /// Level (S3).
    pub level: Option<VenueLevel>,
    /// Presence obligation: one team of this institution must play every match here (H6).
    pub required_institution: Option<InstitutionId>,
    /// Courts left at (week, time) where the venue is closed or partly taken.
    pub reduced: BTreeMap<(Week, TimeOfDay), u32>,
}

/// Which leg of a pairing a match is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Leg {
    /// The only match of a single round-robin pairing.
    Single,
    /// First leg (`aller`) of a home-and-away pairing.
    First,
    /// Return leg (`retour`).
    Return,
}

/// A match to plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Match {
    /// First team (home in home-and-away pools).
    pub home: TeamId,
    /// Second team.
    pub away: TeamId,
    /// Pool.
    pub pool: PoolId,
    /// Leg.
    pub leg: Leg,
    /// The other leg when it is also to plan (S8).
    pub other_leg: Option<MatchId>,
    /// Reward of placing it (S0): the normal match reward, or the entente reward.
    pub reward: i64,
    /// Whether the teams' institutions form an entente.
    pub entente: bool,
    /// Temporal constraints on this pairing.
    pub temporal: Vec<(TemporalKind, u16)>,
}

/// A played or imposed match.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FixedMatch {
    /// First team.
    pub home: TeamId,
    /// Second team.
    pub away: TeamId,
    /// Championship pool when it replaces a generated match or names one.
    pub pool: Option<PoolId>,
    /// Week.
    pub week: Week,
    /// Start time.
    pub time: TimeOfDay,
    /// Venue.
    pub venue: VenueId,
    /// Competition (`Acad`, `CFE`…).
    pub competition: Option<String>,
    /// Score as written.
    pub score: Option<String>,
    /// Notes.
    pub notes: Option<String>,
    /// The generated leg it stands for, when it replaces one.
    pub replaces: Option<Leg>,
}

/// A non-simultaneity group, resolved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Group {
    /// Name.
    pub name: String,
    /// Member institutions.
    pub institutions: Vec<InstitutionId>,
    /// Member teams (every gender of a named team).
    pub teams: Vec<TeamId>,
}
