//! What stops a season from being built, and what only deserves a warning.

use std::fmt;

use serde::{Deserialize, Serialize};

/// Input that cannot be solved as stated.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProblemError {
    /// The grid has no week.
    #[error("the season has no week (nb_semaines must be at least 1)")]
    NoWeeks,
    /// `semaine_min` outside the grid.
    #[error("the first plannable week {week} is outside the season's weeks 1..={weeks}")]
    FirstPlannableWeekOutOfRange {
        /// Given week.
        week: u16,
        /// Number of weeks.
        weeks: u16,
    },
    /// A week outside 1..=weeks.
    #[error("week {week} is outside the season's weeks 1..={weeks} ({context})")]
    WeekOutOfRange {
        /// Given week.
        week: u16,
        /// Number of weeks.
        weeks: u16,
        /// Where it was found.
        context: String,
    },
    /// A team or venue without name.
    #[error("a {what} has an empty name")]
    EmptyName {
        /// `team` or `venue`.
        what: &'static str,
    },
    /// Two teams with the same name and gender.
    #[error("team {team} is listed twice (a team is its name and gender, whatever its pool)")]
    DuplicateTeam {
        /// The team.
        team: String,
    },
    /// Two venues with the same name.
    #[error("venue {venue} is listed twice")]
    DuplicateVenue {
        /// The venue.
        venue: String,
    },
    /// A venue with capacity 0.
    #[error("venue {venue} has no court (capacity must be at least 1)")]
    NoCourts {
        /// The venue.
        venue: String,
    },
    /// A constraint names a venue that does not exist.
    #[error("unknown venue `{venue}` in {context}")]
    UnknownVenue {
        /// The name given.
        venue: String,
        /// Where it was found.
        context: String,
    },
    /// A constraint names a team that does not exist.
    #[error("unknown team `{team}` in {context}")]
    UnknownTeam {
        /// The name given.
        team: String,
        /// Where it was found.
        context: String,
    },
    /// A name without gender where both genders exist and one team is meant.
    #[error("team `{team}` exists in both genders; say which one in {context}")]
    AmbiguousTeam {
        /// The name given.
        team: String,
        /// Where it was found.
        context: String,
    },
    /// A fixed match of a team against itself.
    #[error("{team} cannot play itself ({context})")]
    SameTeamTwice {
        /// The team.
        team: String,
        /// Where it was found.
        context: String,
    },
}

/// Data that does not block solving but probably is not what the organiser meant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ProblemWarning {
    /// An institution named in a constraint owns no team.
    UnknownInstitution {
        /// The name given.
        institution: String,
        /// Where.
        context: String,
    },
    /// A group member that is neither an institution nor a team.
    UnknownGroupMember {
        /// Group.
        group: String,
        /// Member.
        member: String,
    },
    /// A pool format given for a pool without teams.
    UnusedPool {
        /// Pool code.
        pool: String,
    },
    /// A fixed match names a pool no team belongs to.
    UnknownPool {
        /// Pool code.
        pool: String,
        /// Where.
        context: String,
    },
    /// A pool with fewer than two teams generates nothing.
    PoolTooSmall {
        /// Pool code.
        pool: String,
        /// Team count.
        teams: usize,
    },
    /// A venue without weekly times (usable only by fixed matches).
    VenueWithoutTimes {
        /// Venue.
        venue: String,
    },
    /// A fixed championship match whose pairing was already replaced by an earlier fixed match.
    ExtraFixedMatch {
        /// Description of the fixed match.
        fixed: String,
    },
}

impl fmt::Display for ProblemWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ProblemWarning::UnknownInstitution { institution, context } => {
                write!(f, "institution `{institution}` owns no team ({context}); this row has no effect")
            }
            ProblemWarning::UnknownGroupMember { group, member } => {
                write!(f, "`{member}` in group {group} is neither an institution nor a team")
            }
            ProblemWarning::UnusedPool { pool } => write!(f, "pool {pool} has a format but no team"),
            ProblemWarning::UnknownPool { pool, context } => {
                write!(f, "pool {pool} has no team ({context})")
            }
            ProblemWarning::PoolTooSmall { pool, teams } => {
                write!(f, "pool {pool} has {teams} team(s): no match to generate")
            }
            ProblemWarning::VenueWithoutTimes { venue } => {
                write!(f, "venue {venue} has no weekly time: only fixed matches can use it")
            }
            ProblemWarning::ExtraFixedMatch { fixed } => write!(
                f,
                "{fixed}: its pairing is already covered by another fixed match, so it replaces nothing"
            ),
        }
    }
}
