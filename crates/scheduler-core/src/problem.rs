//! The checked, indexed season: [`Problem::new`] turns a [`ProblemSpec`] into ids, generates the
//! matches to plan and reports what does not block solving as [`ProblemWarning`]s.

mod build;
mod entities;
mod error;
mod generation;
mod lookup;

use serde::{Deserialize, Serialize};

pub use entities::{FixedMatch, Group, Leg, Match, Pool, Team, Venue};
pub use error::{ProblemError, ProblemWarning};

use crate::spec::ProblemSpec;
use crate::{Calendar, FixedMatchId, InstitutionId, MatchId, Settings, TeamId, TimeOfDay, VenueId, Week};

/// A checked season, ready for every strategy and the evaluator.
///
/// Build it with [`Problem::new`]; it is immutable afterwards.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Problem {
    /// Weights.
    pub settings: Settings,
    /// Weeks.
    pub calendar: Calendar,
    /// Teams, in source order.
    pub teams: Vec<Team>,
    /// Institution names.
    pub institutions: Vec<String>,
    /// Pools, in order of first appearance.
    pub pools: Vec<Pool>,
    /// Venues, in source order.
    pub venues: Vec<Venue>,
    /// Matches to plan (generated minus those replaced by fixed matches).
    pub matches: Vec<Match>,
    /// Fixed matches, in source order.
    pub fixed: Vec<FixedMatch>,
    /// Non-simultaneity groups.
    pub groups: Vec<Group>,
    /// Number of generated matches before fixed matches replaced some.
    pub generated_count: usize,
}

impl Problem {
    /// Checks and indexes `spec`, generates the matches to plan.
    ///
    /// Returns the problem and the warnings about data that does not block solving.
    pub fn new(spec: ProblemSpec) -> Result<(Problem, Vec<ProblemWarning>), ProblemError> {
        let ProblemSpec {
            settings,
            calendar,
            teams,
            pools,
            venues,
            venue_unavailabilities,
            team_unavailabilities,
            institution_unavailabilities,
            earliest_times,
            presence_obligations,
            groups,
            ententes,
            temporal_constraints,
            fixed_matches,
        } = spec;
        check_calendar(&calendar)?;

        let mut build = build::Builder::new(calendar.weeks);
        build.venues(venues)?;
        build.teams(teams)?;
        build.pool_formats(pools);
        build.venue_unavailabilities(venue_unavailabilities)?;
        build.team_unavailabilities(team_unavailabilities)?;
        build.institution_unavailabilities(institution_unavailabilities)?;
        build.earliest_times(earliest_times)?;
        build.presence_obligations(presence_obligations)?;
        let groups = build.groups(groups);
        let entente_rewards = build.ententes(ententes, &settings);
        let temporal = build.temporal(temporal_constraints, &settings)?;
        let mut fixed = build.fixed_matches(fixed_matches)?;

        let generated = generation::generate(&build.pools, &build.teams);
        let generated_count = generated.len();
        let (kept, replaced) =
            generation::replace_by_fixed(generated, &build.teams, &mut fixed, &mut build.warnings);
        debug_assert_eq!(kept.len() + replaced, generated_count);
        let matches = generation::finish(kept, &build.teams, &entente_rewards, &temporal, &settings);

        let problem = Problem {
            settings,
            calendar,
            teams: build.teams,
            institutions: build.institutions,
            pools: build.pools,
            venues: build.venues,
            matches,
            fixed,
            groups,
            generated_count,
        };
        Ok((problem, build.warnings))
    }

    /// Ids of the matches to plan.
    pub fn match_ids(&self) -> impl Iterator<Item = MatchId> {
        (0..self.matches.len()).map(MatchId::from_index)
    }

    /// Ids of the fixed matches.
    pub fn fixed_ids(&self) -> impl Iterator<Item = FixedMatchId> {
        (0..self.fixed.len()).map(FixedMatchId::from_index)
    }

    /// A match to plan.
    pub fn match_(&self, id: MatchId) -> &Match {
        &self.matches[id.index()]
    }

    /// A team.
    pub fn team(&self, id: TeamId) -> &Team {
        &self.teams[id.index()]
    }

    /// A venue.
    pub fn venue(&self, id: VenueId) -> &Venue {
        &self.venues[id.index()]
    }

    /// A team's institution name.
    pub fn institution_name(&self, id: InstitutionId) -> &str {
        &self.institutions[id.index()]
    }

    /// Courts of `venue` usable at (`week`, `time`) before any match: 0 when the venue does not offer
    /// that time or is closed then.
    pub fn venue_courts(&self, venue: VenueId, week: Week, time: TimeOfDay) -> u32 {
        let venue = self.venue(venue);
        if venue.times.binary_search(&time).is_err() {
            return 0;
        }
        venue.reduced.get(&(week, time)).copied().unwrap_or(venue.courts)
    }

    /// Whether the venue offers `time` at all (its weekly times).
    pub fn venue_offers(&self, venue: VenueId, time: TimeOfDay) -> bool {
        self.venue(venue).times.binary_search(&time).is_ok()
    }

    /// Whether `team` may play at (`week`, `time`) in `venue`: not unavailable, not before its earliest
    /// time there.
    pub fn team_can_play(&self, team: TeamId, week: Week, time: TimeOfDay, venue: VenueId) -> bool {
        let team = self.team(team);
        !team.unavailable.iter().any(|(w, range)| *w == week && range.contains(time))
            && team.earliest.iter().all(|(v, earliest)| *v != venue || time >= *earliest)
    }

    /// Whether a match between `home` and `away` satisfies the venue's presence obligation.
    pub fn obligation_met(&self, venue: VenueId, home: TeamId, away: TeamId) -> bool {
        match self.venue(venue).required_institution {
            Some(institution) => {
                self.team(home).institution == institution || self.team(away).institution == institution
            }
            None => true,
        }
    }

    /// Whether the hard temporal rule (H9, when temporal constraints are hard) allows `week`.
    pub fn temporal_allows(&self, id: MatchId, week: Week) -> bool {
        !(self.settings.temporal.active && self.settings.temporal.hard)
            || self.match_(id).temporal.iter().all(|(kind, limit)| kind.allows(week.0, *limit))
    }

    /// Short readable name of a match: `HOME [G] – AWAY [G] (POOL)`.
    pub fn describe_match(&self, id: MatchId) -> String {
        let m = self.match_(id);
        format!(
            "{} – {} ({})",
            self.team(m.home).label(),
            self.team(m.away).label(),
            self.pools[m.pool.index()].code
        )
    }

    /// Short readable name of a fixed match.
    pub fn describe_fixed(&self, id: FixedMatchId) -> String {
        let m = &self.fixed[id.index()];
        format!("fixed {} – {}", self.team(m.home).label(), self.team(m.away).label())
    }
}

fn check_calendar(calendar: &Calendar) -> Result<(), ProblemError> {
    if calendar.weeks == 0 {
        return Err(ProblemError::NoWeeks);
    }
    if calendar.first_plannable_week == 0 || calendar.first_plannable_week > calendar.weeks {
        return Err(ProblemError::FirstPlannableWeekOutOfRange {
            week: calendar.first_plannable_week,
            weeks: calendar.weeks,
        });
    }
    Ok(())
}
