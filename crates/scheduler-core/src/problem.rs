//! The checked, indexed season: [`Problem::new`] turns a [`ProblemSpec`] into ids, generates the
//! matches to plan and reports what does not block solving as [`ProblemWarning`]s.

mod error;
mod generation;
mod lookup;

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

pub use error::{ProblemError, ProblemWarning};

use crate::names::{institution_of, level_of_pool};
use crate::spec::{Gender, PoolKind, ProblemSpec, TemporalKind, VenueLevel};
use crate::{
    Calendar, FixedMatchId, InstitutionId, MatchId, PoolId, Settings, TeamId, TimeOfDay, TimeRange, VenueId,
    Week,
};

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
        let mut warnings = Vec::new();
        let ProblemSpec {
            settings,
            calendar,
            teams: team_specs,
            pools: pool_specs,
            venues: venue_specs,
            venue_unavailabilities,
            team_unavailabilities,
            institution_unavailabilities,
            earliest_times,
            presence_obligations,
            groups: group_specs,
            ententes,
            temporal_constraints,
            fixed_matches,
        } = spec;

        check_calendar(&calendar)?;
        let week_check = |week: u16, context: &str| -> Result<Week, ProblemError> {
            if (1..=calendar.weeks).contains(&week) {
                Ok(Week(week))
            } else {
                Err(ProblemError::WeekOutOfRange { week, weeks: calendar.weeks, context: context.into() })
            }
        };

        // Venues.
        let mut venues: Vec<Venue> = Vec::with_capacity(venue_specs.len());
        let mut venue_index: HashMap<String, VenueId> = HashMap::new();
        for spec in venue_specs {
            if spec.name.trim().is_empty() {
                return Err(ProblemError::EmptyName { what: "venue" });
            }
            if spec.courts == 0 {
                return Err(ProblemError::NoCourts { venue: spec.name });
            }
            if venue_index.insert(spec.name.clone(), VenueId::from_index(venues.len())).is_some() {
                return Err(ProblemError::DuplicateVenue { venue: spec.name });
            }
            let mut times = spec.times;
            times.sort();
            times.dedup();
            venues.push(Venue {
                name: spec.name,
                courts: spec.courts,
                times,
                level: spec.level,
                required_institution: None,
                reduced: BTreeMap::new(),
            });
        }
        let venue_id = |name: &str, context: &str| -> Result<VenueId, ProblemError> {
            venue_index.get(name).copied().ok_or_else(|| ProblemError::UnknownVenue {
                venue: name.to_string(),
                context: context.to_string(),
            })
        };

        // Teams, institutions, pools.
        let mut institutions: Vec<String> = Vec::new();
        let mut institution_index: HashMap<String, InstitutionId> = HashMap::new();
        let mut pools: Vec<Pool> = Vec::new();
        let mut pool_index: HashMap<String, PoolId> = HashMap::new();
        let mut teams: Vec<Team> = Vec::with_capacity(team_specs.len());
        let mut team_lookup = lookup::TeamLookup::default();
        let mut raw_preferences = Vec::with_capacity(team_specs.len());
        for spec in team_specs {
            if spec.name.trim().is_empty() {
                return Err(ProblemError::EmptyName { what: "team" });
            }
            let id = TeamId::from_index(teams.len());
            if !team_lookup.insert(&spec.name, spec.gender, id) {
                return Err(ProblemError::DuplicateTeam { team: spec.key().to_string() });
            }
            let institution_name = spec.institution.clone().unwrap_or_else(|| institution_of(&spec.name));
            let institution = *institution_index.entry(institution_name.clone()).or_insert_with(|| {
                institutions.push(institution_name);
                InstitutionId::from_index(institutions.len() - 1)
            });
            let pool = spec.pool.as_ref().map(|code| {
                let pool = *pool_index.entry(code.clone()).or_insert_with(|| {
                    pools.push(Pool {
                        code: code.clone(),
                        kind: PoolKind::SingleRoundRobin,
                        level: level_of_pool(code),
                        teams: Vec::new(),
                    });
                    PoolId::from_index(pools.len() - 1)
                });
                pools[pool.index()].teams.push(id);
                pool
            });
            raw_preferences.push(spec.preferred_venues);
            teams.push(Team {
                name: spec.name,
                gender: spec.gender,
                institution,
                pool,
                preferred_time: spec.preferred_time,
                preferred_venues: Vec::new(),
                unavailable: Vec::new(),
                institution_unavailable: Vec::new(),
                earliest: Vec::new(),
            });
        }
        for (team, preferences) in teams.iter_mut().zip(raw_preferences) {
            let context = format!("venue preferences of {}", team.label());
            team.preferred_venues = preferences
                .iter()
                .map(|venue| venue.as_deref().map(|name| venue_id(name, &context)).transpose())
                .collect::<Result<_, _>>()?;
        }
        for spec in pool_specs {
            match pool_index.get(&spec.code) {
                Some(pool) => pools[pool.index()].kind = spec.kind,
                None => warnings.push(ProblemWarning::UnusedPool { pool: spec.code }),
            }
        }
        for pool in &pools {
            if pool.teams.len() < 2 {
                warnings
                    .push(ProblemWarning::PoolTooSmall { pool: pool.code.clone(), teams: pool.teams.len() });
            }
        }
        for venue in &venues {
            if venue.times.is_empty() {
                warnings.push(ProblemWarning::VenueWithoutTimes { venue: venue.name.clone() });
            }
        }
        let institution_id = |name: &str| institution_index.get(name).copied();

        // Venue unavailability: keep the smallest remainder per (week, time).
        for row in venue_unavailabilities {
            let context = format!("venue unavailability of {} in week {}", row.venue, row.week);
            let venue = venue_id(&row.venue, &context)?;
            let week = week_check(row.week, &context)?;
            let venue = &mut venues[venue.index()];
            let left = row.courts_taken.map_or(0, |taken| venue.courts.saturating_sub(taken));
            for time in venue.times.clone() {
                if row.range.contains(time) {
                    let slot = venue.reduced.entry((week, time)).or_insert(left);
                    *slot = (*slot).min(left);
                }
            }
        }

        // Team and institution unavailability.
        for row in team_unavailabilities {
            let context = format!("unavailability of {} in week {}", row.team, row.week);
            let week = week_check(row.week, &context)?;
            for team in team_lookup.all(&row.team, &context)? {
                teams[team.index()].unavailable.push((week, row.range));
            }
        }
        for row in institution_unavailabilities {
            let context = format!("unavailability of institution {} in week {}", row.institution, row.week);
            let week = week_check(row.week, &context)?;
            match institution_id(&row.institution) {
                Some(institution) => {
                    for team in teams.iter_mut().filter(|t| t.institution == institution) {
                        team.unavailable.push((week, row.range));
                        team.institution_unavailable.push((week, row.range));
                    }
                }
                None => warnings
                    .push(ProblemWarning::UnknownInstitution { institution: row.institution, context }),
            }
        }

        for row in earliest_times {
            let context = format!("earliest time of {} at {}", row.team, row.venue);
            let venue = venue_id(&row.venue, &context)?;
            for team in team_lookup.all(&row.team, &context)? {
                teams[team.index()].earliest.push((venue, row.earliest));
            }
        }

        for row in presence_obligations {
            let context = format!("presence obligation at {}", row.venue);
            let venue = venue_id(&row.venue, &context)?;
            match institution_id(&row.institution) {
                Some(institution) => venues[venue.index()].required_institution = Some(institution),
                None => {
                    // PyCalendar makes the venue unusable; we keep the rule but say it bites.
                    warnings.push(ProblemWarning::UnknownInstitution {
                        institution: row.institution.clone(),
                        context,
                    });
                    let id = InstitutionId::from_index(institutions.len());
                    institutions.push(row.institution);
                    venues[venue.index()].required_institution = Some(id);
                }
            }
        }

        let mut groups = Vec::with_capacity(group_specs.len());
        for spec in group_specs {
            let mut group = Group { name: spec.name, institutions: Vec::new(), teams: Vec::new() };
            for member in spec.members {
                if let Some(institution) = institution_id(&member) {
                    group.institutions.push(institution);
                } else {
                    let named = team_lookup.by_name(&member);
                    if named.is_empty() {
                        warnings
                            .push(ProblemWarning::UnknownGroupMember { group: group.name.clone(), member });
                    }
                    group.teams.extend(named);
                }
            }
            groups.push(group);
        }

        let mut entente_rewards: HashMap<(InstitutionId, InstitutionId), i64> = HashMap::new();
        if settings.ententes_active {
            for row in ententes {
                let context = format!("entente {} – {}", row.institution_a, row.institution_b);
                let (Some(a), Some(b)) =
                    (institution_id(&row.institution_a), institution_id(&row.institution_b))
                else {
                    for name in [&row.institution_a, &row.institution_b] {
                        if institution_id(name).is_none() {
                            warnings.push(ProblemWarning::UnknownInstitution {
                                institution: name.clone(),
                                context: context.clone(),
                            });
                        }
                    }
                    continue;
                };
                let reward = row.reward.filter(|r| *r >= 0).unwrap_or(settings.entente_reward);
                entente_rewards.insert((a.min(b), a.max(b)), reward);
            }
        }

        let mut temporal: HashMap<(TeamId, TeamId), Vec<(TemporalKind, u16)>> = HashMap::new();
        if settings.temporal.active {
            for row in temporal_constraints {
                let context = format!("temporal constraint {} – {}", row.team_a, row.team_b);
                let a = team_lookup.one(&row.team_a, &context)?;
                let b = team_lookup.one(&row.team_b, &context)?;
                week_check(row.week, &context)?;
                temporal.entry((a.min(b), a.max(b))).or_default().push((row.kind, row.week));
            }
        }

        // Fixed matches.
        let mut fixed = Vec::with_capacity(fixed_matches.len());
        for row in fixed_matches {
            let context = format!("fixed match {} – {} in week {}", row.home, row.away, row.week);
            let home = team_lookup.one(&row.home, &context)?;
            let away = team_lookup.one(&row.away, &context)?;
            if home == away {
                return Err(ProblemError::SameTeamTwice { team: row.home.to_string(), context });
            }
            let week = week_check(row.week, &context)?;
            let venue = venue_id(&row.venue, &context)?;
            let pool = match &row.pool {
                Some(code) => match pool_index.get(code) {
                    Some(pool) => Some(*pool),
                    None => {
                        warnings.push(ProblemWarning::UnknownPool { pool: code.clone(), context });
                        None
                    }
                },
                None => None,
            };
            fixed.push(FixedMatch {
                home,
                away,
                pool,
                week,
                time: row.time,
                venue,
                competition: row.competition,
                score: row.score,
                notes: row.notes,
                replaces: None,
            });
        }

        let generated = generation::generate(&pools, &teams);
        let generated_count = generated.len();
        let (kept, replaced) = generation::replace_by_fixed(generated, &teams, &mut fixed, &mut warnings);
        debug_assert_eq!(kept.len() + replaced, generated_count);
        let matches = generation::finish(kept, &teams, &entente_rewards, &temporal, &settings);

        let problem = Problem {
            settings,
            calendar,
            teams,
            institutions,
            pools,
            venues,
            matches,
            fixed,
            groups,
            generated_count,
        };
        Ok((problem, warnings))
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
