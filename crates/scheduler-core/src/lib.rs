//! League scheduling engine: the domain, match generation, one evaluator and the solving strategies.
//!
//! No I/O happens here: callers build a [`ProblemSpec`] (from a workbook, a database or code), turn it
//! into a checked [`Problem`], run a [`Strategy`] and read the [`Schedule`] and its [`Evaluation`].
//!
//! ```
//! use scheduler_core::{
//!     solve, Calendar, Gender, ProblemSpec, SolveOptions, Strategy, TeamSpec, TimeOfDay, VenueSpec,
//!     Problem,
//! };
//!
//! let mut spec = ProblemSpec { calendar: Calendar::new(4), ..ProblemSpec::default() };
//! for name in ["LYON 1 (1)", "INSA (1)", "ECL (1)"] {
//!     spec.teams.push(TeamSpec::new(name, Some(Gender::Female), "VBFA1PA"));
//! }
//! spec.venues.push(VenueSpec {
//!     name: "BESSON".into(),
//!     courts: 1,
//!     times: vec![TimeOfDay::from_hm(18, 0).unwrap(), TimeOfDay::from_hm(20, 0).unwrap()],
//!     level: None,
//! });
//! let (problem, warnings) = Problem::new(spec)?;
//! assert!(warnings.is_empty());
//! assert_eq!(problem.matches.len(), 3);
//!
//! let outcome = solve(&problem, Strategy::Heuristic, &SolveOptions::default())?;
//! assert_eq!(outcome.evaluation.placed, 3);
//! assert!(outcome.evaluation.hard.is_empty());
//! for (id, placement) in outcome.schedule.placed() {
//!     println!("{} in {} at {} in {}", problem.describe_match(id), placement.week,
//!              placement.time, problem.venue(placement.venue).name);
//! }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod calendar;
pub mod evaluation;
pub mod explain;
mod ids;
pub mod names;
#[cfg(feature = "scip")]
mod optimal;
mod problem;
mod rng;
mod schedule;
mod settings;
pub mod slots;
mod spec;
pub mod strategy;
pub mod synthetic;
mod time;

pub use calendar::{french_weekday, parse_weekday, Calendar, SeasonDates};
pub use evaluation::{evaluate, Evaluation, HardRule, HardViolation, MatchRef, PenaltyBreakdown};
pub use ids::{FixedMatchId, InstitutionId, MatchId, PoolId, TeamId, VenueId, Week};
pub use problem::{FixedMatch, Group, Leg, Match, Pool, Problem, ProblemError, ProblemWarning, Team, Venue};
pub use schedule::{Placement, Schedule};
pub use settings::{HomeAwayWeights, PreferredTimeWeights, Settings, TemporalWeights};
pub use spec::{
    EarliestTime, Entente, FixedMatchSpec, Gender, InstitutionUnavailability, NonSimultaneityGroup, PoolKind,
    PoolSpec, PresenceObligation, ProblemSpec, TeamKey, TeamSpec, TeamUnavailability, TemporalConstraint,
    TemporalKind, VenueLevel, VenueSpec, VenueUnavailability,
};
pub use strategy::{solve, SolveError, SolveOptions, SolveOutcome, SolveStatus, Strategy};
pub use time::{TimeOfDay, TimeParseError, TimeRange};
