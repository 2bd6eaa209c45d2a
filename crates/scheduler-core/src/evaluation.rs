//! The one evaluator: hard violations and the penalty breakdown of a schedule, used by every strategy,
//! the API and the exports so that all report the same numbers.

mod hard;
mod per_match;
mod soft;
pub mod terms;

pub use per_match::match_penalties;

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::{FixedMatchId, MatchId, Problem, Schedule, TimeOfDay, VenueId, Week};

/// The hard rules (spec §8.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum HardRule {
    /// Venue capacity: no more matches than free courts.
    H1,
    /// Venue availability: the venue offers that time and is open.
    H2,
    /// Team availability (and earliest time per venue).
    H3,
    /// A team plays at most once at a given week and time.
    H4,
    /// At most `max_matches_per_team_per_week` matches per team and week, fixed ones included.
    H5,
    /// Presence obligation of the venue.
    H6,
    /// Nothing new before the first plannable week.
    H7,
    /// Nothing in a blocked week or outside the season.
    H8,
    /// Hard temporal constraint.
    H9,
    /// A match is placed at most once (structural: a schedule holds one place per match).
    H10,
}

impl HardRule {
    /// What the rule says.
    pub fn summary(self) -> &'static str {
        match self {
            HardRule::H1 => "venue capacity",
            HardRule::H2 => "venue availability",
            HardRule::H3 => "team availability",
            HardRule::H4 => "one match per team at a time",
            HardRule::H5 => "matches per team per week",
            HardRule::H6 => "presence obligation",
            HardRule::H7 => "first plannable week",
            HardRule::H8 => "blocked or out-of-season week",
            HardRule::H9 => "temporal constraint",
            HardRule::H10 => "match placed once",
        }
    }
}

impl fmt::Display for HardRule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{self:?} ({})", self.summary())
    }
}

/// A match of the calendar: to plan, or fixed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum MatchRef {
    /// A match to plan.
    Planned(MatchId),
    /// A fixed match.
    Fixed(FixedMatchId),
}

/// One broken hard rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HardViolation {
    /// Rule.
    pub rule: HardRule,
    /// Matches involved.
    pub matches: Vec<MatchRef>,
    /// Week.
    pub week: Week,
    /// Time, when the rule is about one.
    pub time: Option<TimeOfDay>,
    /// Venue, when the rule is about one.
    pub venue: Option<VenueId>,
    /// Readable explanation.
    pub message: String,
}

/// Soft penalties by term (spec §8.2). All are costs (lower is better); S3 may be negative.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct PenaltyBreakdown {
    /// S1 preferred times.
    pub preferred_time: f64,
    /// S2 venue preferences (includes the constant per-placement base).
    pub venue_preference: f64,
    /// S3 venue level.
    pub venue_level: f64,
    /// S4 rest spacing.
    pub rest_spacing: f64,
    /// S5 compaction.
    pub compaction: f64,
    /// S6 simultaneous matches of one institution or group.
    pub overlap: f64,
    /// S7 soft temporal constraints.
    pub temporal: f64,
    /// S8 home-and-away leg spacing.
    pub home_away: f64,
}

impl PenaltyBreakdown {
    /// Sum of all terms.
    pub fn total(&self) -> f64 {
        self.preferred_time
            + self.venue_preference
            + self.venue_level
            + self.rest_spacing
            + self.compaction
            + self.overlap
            + self.temporal
            + self.home_away
    }

    /// `(code, label, value)` per term, in order S1..S8.
    pub fn terms(&self) -> [(&'static str, &'static str, f64); 8] {
        [
            ("S1", "preferred time", self.preferred_time),
            ("S2", "venue preference", self.venue_preference),
            ("S3", "venue level", self.venue_level),
            ("S4", "rest spacing", self.rest_spacing),
            ("S5", "compaction", self.compaction),
            ("S6", "simultaneous matches", self.overlap),
            ("S7", "temporal constraints", self.temporal),
            ("S8", "home-and-away legs", self.home_away),
        ]
    }
}

/// What a schedule is worth.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Evaluation {
    /// Hard rules broken by placed matches (alone or with fixed ones). Empty for any strategy's output.
    pub hard: Vec<HardViolation>,
    /// Hard rules broken by fixed matches alone: input warnings, never fixed by moving them.
    pub fixed_problems: Vec<HardViolation>,
    /// Soft penalties of the placed matches.
    pub penalties: PenaltyBreakdown,
    /// Matches to plan that are placed.
    pub placed: usize,
    /// Matches to plan left unplaced.
    pub unplaced: usize,
    /// Fixed matches.
    pub fixed: usize,
    /// S0 earned: Σ rewards of placed matches.
    pub reward: i64,
    /// S0 lost: Σ rewards of unplaced matches.
    pub unplaced_reward: i64,
    /// PyCalendar's objective (higher is better): `reward − penalties`.
    pub objective: f64,
    /// One cost, lower is better: `unplaced_reward + penalties`.
    pub cost: f64,
}

impl Evaluation {
    /// Whether no placed match breaks a hard rule.
    pub fn is_feasible(&self) -> bool {
        self.hard.is_empty()
    }
}

/// Evaluates `schedule` against `problem`: hard violations, fixed-match problems, penalties, objective.
pub fn evaluate(problem: &Problem, schedule: &Schedule) -> Evaluation {
    let hard = hard::violations(problem, schedule);
    let fixed_problems = hard::fixed_problems(problem);
    let penalties = soft::penalties(problem, schedule);
    let (mut placed, mut reward, mut unplaced_reward) = (0, 0_i64, 0_i64);
    for id in problem.match_ids() {
        let value = problem.match_(id).reward;
        if schedule.get(id).is_some() {
            placed += 1;
            reward += value;
        } else {
            unplaced_reward += value;
        }
    }
    let total = penalties.total();
    Evaluation {
        hard,
        fixed_problems,
        penalties,
        placed,
        unplaced: problem.matches.len() - placed,
        fixed: problem.fixed.len(),
        reward,
        unplaced_reward,
        objective: reward as f64 - total,
        cost: unplaced_reward as f64 + total,
    }
}
