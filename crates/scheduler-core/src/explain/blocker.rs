//! What can keep a match out of a week, with the data to show it.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::evaluation::MatchRef;
use crate::{TeamId, TemporalKind, TimeOfDay, VenueId};

/// A team named in an explanation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeamRef {
    /// Id in the problem.
    pub id: TeamId,
    /// `NAME [G]`.
    pub label: String,
}

/// A venue named in an explanation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VenueRef {
    /// Id in the problem.
    pub id: VenueId,
    /// Name.
    pub name: String,
}

/// A match that takes a team's week or time, or a venue's courts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Occupant {
    /// The match.
    pub id: MatchRef,
    /// Whether it is fixed (played or imposed) rather than placed by the schedule.
    pub fixed: bool,
    /// `HOME [G] – AWAY [G] (POOL or competition)`.
    pub label: String,
    /// Its start time.
    pub time: TimeOfDay,
    /// Its venue.
    pub venue: String,
}

impl fmt::Display for Occupant {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let how = if self.fixed { "fixed" } else { "placed" };
        write!(f, "{} ({how}, {} at {})", self.label, self.time, self.venue)
    }
}

/// One reason a week, or some of its slots, cannot take the match.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Blocker {
    /// The week comes before the first plannable week (`semaine_min`): already played.
    BeforeFirstPlannableWeek {
        /// The first plannable week.
        first_plannable_week: u16,
    },
    /// A blocked week (holidays, `semaines_banalisees`).
    BlockedWeek,
    /// A hard temporal constraint of the pairing excludes the week.
    TemporalConstraint {
        /// Before or after.
        side: TemporalKind,
        /// Limit week (inclusive).
        limit: u16,
    },
    /// A team cannot play, the whole week (at every time a venue offers) or at the times listed.
    TeamUnavailable {
        /// The team.
        team: TeamRef,
        /// Its institution, when the institution's unavailability is the cause.
        institution: Option<String>,
        /// At every time of the week.
        whole_week: bool,
        /// The times concerned when not the whole week.
        times: Vec<TimeOfDay>,
    },
    /// A team already plays its matches of the week (the weekly limit, fixed matches included).
    WeeklyLimitReached {
        /// The team.
        team: TeamRef,
        /// Matches a team may play a week.
        limit: u32,
        /// The matches that use the week.
        matches: Vec<Occupant>,
    },
    /// A team plays another match at the only times left.
    TeamBusy {
        /// The team.
        team: TeamRef,
        /// Those matches.
        matches: Vec<Occupant>,
    },
    /// A team may not start this early at a venue.
    EarliestTime {
        /// The team.
        team: TeamRef,
        /// The venue.
        venue: VenueRef,
        /// Its earliest start there.
        earliest: TimeOfDay,
    },
    /// A venue is closed at some or all of its times this week.
    VenueClosed {
        /// The venue.
        venue: VenueRef,
        /// At every time it offers.
        all_times: bool,
        /// The times concerned.
        times: Vec<TimeOfDay>,
    },
    /// Every court of a venue is taken at some or all of its times this week.
    VenueFull {
        /// The venue.
        venue: VenueRef,
        /// At every time it offers.
        all_times: bool,
        /// The times concerned.
        times: Vec<TimeOfDay>,
        /// The matches that take the courts.
        matches: Vec<Occupant>,
    },
    /// Every match at the venue must involve a team of another institution.
    PresenceObligation {
        /// The venue.
        venue: VenueRef,
        /// The institution required there.
        institution: String,
    },
    /// No venue offers any time.
    NoVenueTime,
}

/// `18:00, 20:00`.
fn times_text(times: &[TimeOfDay]) -> String {
    times.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ")
}

impl Blocker {
    /// A stable code for the kind of blocker (`team_unavailable`…), as serialized in `kind`.
    pub fn code(&self) -> &'static str {
        match self {
            Blocker::BeforeFirstPlannableWeek { .. } => "before_first_plannable_week",
            Blocker::BlockedWeek => "blocked_week",
            Blocker::TemporalConstraint { .. } => "temporal_constraint",
            Blocker::TeamUnavailable { .. } => "team_unavailable",
            Blocker::WeeklyLimitReached { .. } => "weekly_limit_reached",
            Blocker::TeamBusy { .. } => "team_busy",
            Blocker::EarliestTime { .. } => "earliest_time",
            Blocker::VenueClosed { .. } => "venue_closed",
            Blocker::VenueFull { .. } => "venue_full",
            Blocker::PresenceObligation { .. } => "presence_obligation",
            Blocker::NoVenueTime => "no_venue_time",
        }
    }

    /// The team concerned, if any.
    pub fn team(&self) -> Option<&TeamRef> {
        match self {
            Blocker::TeamUnavailable { team, .. }
            | Blocker::WeeklyLimitReached { team, .. }
            | Blocker::TeamBusy { team, .. }
            | Blocker::EarliestTime { team, .. } => Some(team),
            _ => None,
        }
    }

    /// The venue concerned, if any.
    pub fn venue(&self) -> Option<&VenueRef> {
        match self {
            Blocker::EarliestTime { venue, .. }
            | Blocker::VenueClosed { venue, .. }
            | Blocker::VenueFull { venue, .. }
            | Blocker::PresenceObligation { venue, .. } => Some(venue),
            _ => None,
        }
    }

    /// The matches involved (weekly limit, team busy, venue full).
    pub fn matches(&self) -> &[Occupant] {
        match self {
            Blocker::WeeklyLimitReached { matches, .. }
            | Blocker::TeamBusy { matches, .. }
            | Blocker::VenueFull { matches, .. } => matches,
            _ => &[],
        }
    }

    /// The times concerned, when the blocker is about some times only.
    pub fn times(&self) -> &[TimeOfDay] {
        match self {
            Blocker::TeamUnavailable { times, .. }
            | Blocker::VenueClosed { times, .. }
            | Blocker::VenueFull { times, .. } => times,
            _ => &[],
        }
    }

    /// A few words without the matches, the same from week to week, for summaries.
    pub fn short(&self) -> String {
        match self {
            Blocker::BeforeFirstPlannableWeek { first_plannable_week } => {
                format!("before the first plannable week {first_plannable_week}")
            }
            Blocker::BlockedWeek => "blocked week".into(),
            Blocker::TemporalConstraint { side, limit } => {
                format!("hard temporal constraint ({})", temporal(*side, *limit))
            }
            Blocker::TeamUnavailable { team, institution, whole_week, times } => {
                let when = if *whole_week { String::new() } else { format!(" at {}", times_text(times)) };
                match institution {
                    Some(institution) => {
                        format!("{} unavailable{when} (institution {institution})", team.label)
                    }
                    None => format!("{} unavailable{when}", team.label),
                }
            }
            Blocker::WeeklyLimitReached { team, limit, matches } => {
                let fixed = !matches.is_empty() && matches.iter().all(|m| m.fixed);
                let what = if *limit == 1 {
                    "already plays that week".to_string()
                } else {
                    format!("already plays {limit} matches that week")
                };
                format!("{} {what}{}", team.label, if fixed { " (fixed match)" } else { "" })
            }
            Blocker::TeamBusy { team, matches } => {
                let times: Vec<TimeOfDay> = matches.iter().map(|m| m.time).collect();
                format!("{} plays another match at {}", team.label, times_text(&times))
            }
            Blocker::EarliestTime { team, venue, earliest } => {
                format!("{} may not start before {earliest} at {}", team.label, venue.name)
            }
            Blocker::VenueClosed { venue, all_times, times } => {
                if *all_times {
                    format!("{} closed", venue.name)
                } else {
                    format!("{} closed at {}", venue.name, times_text(times))
                }
            }
            Blocker::VenueFull { venue, all_times, times, .. } => {
                if *all_times {
                    format!("{} full", venue.name)
                } else {
                    format!("{} full at {}", venue.name, times_text(times))
                }
            }
            Blocker::PresenceObligation { venue, institution } => {
                format!("{} reserved to {institution}", venue.name)
            }
            Blocker::NoVenueTime => "no venue offers a time".into(),
        }
    }
}

fn temporal(kind: TemporalKind, limit: u16) -> String {
    match kind {
        TemporalKind::Before => format!("not after week {limit}"),
        TemporalKind::After => format!("not before week {limit}"),
    }
}

fn list(matches: &[Occupant]) -> String {
    matches.iter().map(ToString::to_string).collect::<Vec<_>>().join("; ")
}

impl fmt::Display for Blocker {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Blocker::BeforeFirstPlannableWeek { first_plannable_week } => write!(
                f,
                "before the first plannable week ({first_plannable_week}): nothing new is placed there"
            ),
            Blocker::BlockedWeek => f.write_str("blocked week: no match is played"),
            Blocker::TemporalConstraint { side, limit } => {
                write!(f, "a hard temporal constraint says the match is played {}", temporal(*side, *limit))
            }
            Blocker::TeamUnavailable { team, institution, whole_week, times } => {
                let when = if *whole_week {
                    "the whole week".to_string()
                } else {
                    format!("at {}", times_text(times))
                };
                match institution {
                    Some(institution) => {
                        write!(f, "{} is unavailable {when} (its institution {institution} is)", team.label)
                    }
                    None => write!(f, "{} is unavailable {when}", team.label),
                }
            }
            Blocker::WeeklyLimitReached { team, limit, matches } => {
                let plural = if *limit == 1 { "match" } else { "matches" };
                write!(f, "{} already plays its {limit} {plural} of the week: {}", team.label, list(matches))
            }
            Blocker::TeamBusy { team, matches } => {
                write!(f, "{} already plays at that time: {}", team.label, list(matches))
            }
            Blocker::EarliestTime { team, venue, earliest } => {
                write!(f, "{} may not start before {earliest} at {}", team.label, venue.name)
            }
            Blocker::VenueClosed { venue, all_times, times } => {
                let when = if *all_times {
                    "at every time".to_string()
                } else {
                    format!("at {}", times_text(times))
                };
                write!(f, "{} is closed {when}", venue.name)
            }
            Blocker::VenueFull { venue, all_times, times, matches } => {
                let when = if *all_times {
                    "at every time".to_string()
                } else {
                    format!("at {}", times_text(times))
                };
                write!(f, "every court of {} is taken {when}: {}", venue.name, list(matches))
            }
            Blocker::PresenceObligation { venue, institution } => {
                write!(f, "every match at {} must involve a team of {institution}", venue.name)
            }
            Blocker::NoVenueTime => f.write_str("no venue offers any time"),
        }
    }
}
