//! The steps of [`Problem::new`](super::Problem::new): each kind of input row checked and indexed
//! in turn, sharing the name indexes and the warnings.

use std::collections::{BTreeMap, HashMap};

use super::lookup::TeamLookup;
use super::{FixedMatch, Group, Pool, ProblemError, ProblemWarning, Team, Venue};
use crate::names::{institution_of, level_of_pool};
use crate::spec::{
    EarliestTime, Entente, FixedMatchSpec, InstitutionUnavailability, NonSimultaneityGroup, PoolKind,
    PoolSpec, PresenceObligation, TeamSpec, TeamUnavailability, TemporalConstraint, TemporalKind, VenueSpec,
    VenueUnavailability,
};
use crate::{InstitutionId, PoolId, Settings, TeamId, VenueId, Week};

/// Entente rewards by sorted institution pair.
pub(super) type EntenteRewards = HashMap<(InstitutionId, InstitutionId), i64>;
/// Temporal rules by sorted team pair.
pub(super) type TemporalRules = HashMap<(TeamId, TeamId), Vec<(TemporalKind, u16)>>;

/// Tables and indexes filled step by step.
#[derive(Debug, Default)]
pub(super) struct Builder {
    weeks: u16,
    pub warnings: Vec<ProblemWarning>,
    pub venues: Vec<Venue>,
    venue_index: HashMap<String, VenueId>,
    pub teams: Vec<Team>,
    team_lookup: TeamLookup,
    pub institutions: Vec<String>,
    institution_index: HashMap<String, InstitutionId>,
    pub pools: Vec<Pool>,
    pool_index: HashMap<String, PoolId>,
}

impl Builder {
    pub fn new(weeks: u16) -> Self {
        Self { weeks, ..Self::default() }
    }

    fn week(&self, week: u16, context: &str) -> Result<Week, ProblemError> {
        if (1..=self.weeks).contains(&week) {
            Ok(Week(week))
        } else {
            Err(ProblemError::WeekOutOfRange { week, weeks: self.weeks, context: context.into() })
        }
    }

    fn venue_id(&self, name: &str, context: &str) -> Result<VenueId, ProblemError> {
        self.venue_index.get(name).copied().ok_or_else(|| ProblemError::UnknownVenue {
            venue: name.to_string(),
            context: context.to_string(),
        })
    }

    fn institution_id(&self, name: &str) -> Option<InstitutionId> {
        self.institution_index.get(name).copied()
    }

    fn institution_or_insert(&mut self, name: String) -> InstitutionId {
        if let Some(id) = self.institution_id(&name) {
            return id;
        }
        let id = InstitutionId::from_index(self.institutions.len());
        self.institution_index.insert(name.clone(), id);
        self.institutions.push(name);
        id
    }

    fn pool_or_insert(&mut self, code: &str) -> PoolId {
        if let Some(id) = self.pool_index.get(code) {
            return *id;
        }
        let id = PoolId::from_index(self.pools.len());
        self.pool_index.insert(code.to_string(), id);
        self.pools.push(Pool {
            code: code.to_string(),
            kind: PoolKind::SingleRoundRobin,
            level: level_of_pool(code),
            teams: Vec::new(),
        });
        id
    }

    pub fn venues(&mut self, specs: Vec<VenueSpec>) -> Result<(), ProblemError> {
        for spec in specs {
            if spec.name.trim().is_empty() {
                return Err(ProblemError::EmptyName { what: "venue" });
            }
            if spec.courts == 0 {
                return Err(ProblemError::NoCourts { venue: spec.name });
            }
            if self.venue_index.insert(spec.name.clone(), VenueId::from_index(self.venues.len())).is_some() {
                return Err(ProblemError::DuplicateVenue { venue: spec.name });
            }
            let mut times = spec.times;
            times.sort();
            times.dedup();
            self.venues.push(Venue {
                name: spec.name,
                courts: spec.courts,
                times,
                level: spec.level,
                required_institution: None,
                reduced: BTreeMap::new(),
            });
        }
        Ok(())
    }

    /// Teams with their institution and pool; venues must be known (preferences name them).
    pub fn teams(&mut self, specs: Vec<TeamSpec>) -> Result<(), ProblemError> {
        for spec in specs {
            if spec.name.trim().is_empty() {
                return Err(ProblemError::EmptyName { what: "team" });
            }
            let id = TeamId::from_index(self.teams.len());
            if !self.team_lookup.insert(&spec.name, spec.gender, id) {
                return Err(ProblemError::DuplicateTeam { team: spec.key().to_string() });
            }
            let institution = self.institution_or_insert(
                spec.institution.clone().unwrap_or_else(|| institution_of(&spec.name)),
            );
            let pool = spec.pool.as_deref().map(|code| self.pool_or_insert(code));
            if let Some(pool) = pool {
                self.pools[pool.index()].teams.push(id);
            }
            let label = spec.key().to_string();
            let preferred_venues = spec
                .preferred_venues
                .iter()
                .map(|venue| {
                    venue
                        .as_deref()
                        .map(|name| self.venue_id(name, &format!("venue preferences of {label}")))
                        .transpose()
                })
                .collect::<Result<_, _>>()?;
            self.teams.push(Team {
                name: spec.name,
                gender: spec.gender,
                institution,
                pool,
                preferred_time: spec.preferred_time,
                preferred_venues,
                unavailable: Vec::new(),
                institution_unavailable: Vec::new(),
                earliest: Vec::new(),
            });
        }
        Ok(())
    }

    /// Pool formats; then warns about pools that generate nothing and venues without times.
    pub fn pool_formats(&mut self, specs: Vec<PoolSpec>) {
        for spec in specs {
            match self.pool_index.get(&spec.code) {
                Some(pool) => self.pools[pool.index()].kind = spec.kind,
                None => self.warnings.push(ProblemWarning::UnusedPool { pool: spec.code }),
            }
        }
        for pool in &self.pools {
            if pool.teams.len() < 2 {
                self.warnings
                    .push(ProblemWarning::PoolTooSmall { pool: pool.code.clone(), teams: pool.teams.len() });
            }
        }
        for venue in &self.venues {
            if venue.times.is_empty() {
                self.warnings.push(ProblemWarning::VenueWithoutTimes { venue: venue.name.clone() });
            }
        }
    }

    /// Closed or partly taken venue times: several rows on one time keep the smallest remainder.
    pub fn venue_unavailabilities(&mut self, rows: Vec<VenueUnavailability>) -> Result<(), ProblemError> {
        for row in rows {
            let context = format!("venue unavailability of {} in week {}", row.venue, row.week);
            let venue = self.venue_id(&row.venue, &context)?;
            let week = self.week(row.week, &context)?;
            let venue = &mut self.venues[venue.index()];
            let left = row.courts_taken.map_or(0, |taken| venue.courts.saturating_sub(taken));
            for time in venue.times.clone() {
                if row.range.contains(time) {
                    let slot = venue.reduced.entry((week, time)).or_insert(left);
                    *slot = (*slot).min(left);
                }
            }
        }
        Ok(())
    }

    pub fn team_unavailabilities(&mut self, rows: Vec<TeamUnavailability>) -> Result<(), ProblemError> {
        for row in rows {
            let context = format!("unavailability of {} in week {}", row.team, row.week);
            let week = self.week(row.week, &context)?;
            for team in self.team_lookup.all(&row.team, &context)? {
                self.teams[team.index()].unavailable.push((week, row.range));
            }
        }
        Ok(())
    }

    pub fn institution_unavailabilities(
        &mut self,
        rows: Vec<InstitutionUnavailability>,
    ) -> Result<(), ProblemError> {
        for row in rows {
            let context = format!("unavailability of institution {} in week {}", row.institution, row.week);
            let week = self.week(row.week, &context)?;
            match self.institution_id(&row.institution) {
                Some(institution) => {
                    for team in self.teams.iter_mut().filter(|t| t.institution == institution) {
                        team.unavailable.push((week, row.range));
                        team.institution_unavailable.push((week, row.range));
                    }
                }
                None => self
                    .warnings
                    .push(ProblemWarning::UnknownInstitution { institution: row.institution, context }),
            }
        }
        Ok(())
    }

    pub fn earliest_times(&mut self, rows: Vec<EarliestTime>) -> Result<(), ProblemError> {
        for row in rows {
            let context = format!("earliest time of {} at {}", row.team, row.venue);
            let venue = self.venue_id(&row.venue, &context)?;
            for team in self.team_lookup.all(&row.team, &context)? {
                self.teams[team.index()].earliest.push((venue, row.earliest));
            }
        }
        Ok(())
    }

    pub fn presence_obligations(&mut self, rows: Vec<PresenceObligation>) -> Result<(), ProblemError> {
        for row in rows {
            let context = format!("presence obligation at {}", row.venue);
            let venue = self.venue_id(&row.venue, &context)?;
            let institution = match self.institution_id(&row.institution) {
                Some(institution) => institution,
                None => {
                    // PyCalendar makes the venue unusable; we keep the rule but say it bites. The
                    // name owns no team, so other rows naming it stay unknown.
                    self.warnings.push(ProblemWarning::UnknownInstitution {
                        institution: row.institution.clone(),
                        context,
                    });
                    self.institutions.push(row.institution);
                    InstitutionId::from_index(self.institutions.len() - 1)
                }
            };
            self.venues[venue.index()].required_institution = Some(institution);
        }
        Ok(())
    }

    pub fn groups(&mut self, specs: Vec<NonSimultaneityGroup>) -> Vec<Group> {
        let mut groups = Vec::with_capacity(specs.len());
        for spec in specs {
            let mut group = Group { name: spec.name, institutions: Vec::new(), teams: Vec::new() };
            for member in spec.members {
                if let Some(institution) = self.institution_id(&member) {
                    group.institutions.push(institution);
                    continue;
                }
                let named = self.team_lookup.by_name(&member);
                if named.is_empty() {
                    self.warnings
                        .push(ProblemWarning::UnknownGroupMember { group: group.name.clone(), member });
                }
                group.teams.extend(named);
            }
            groups.push(group);
        }
        groups
    }

    pub fn ententes(&mut self, rows: Vec<Entente>, settings: &Settings) -> EntenteRewards {
        let mut rewards = EntenteRewards::new();
        if !settings.ententes_active {
            return rewards;
        }
        for row in rows {
            let context = format!("entente {} – {}", row.institution_a, row.institution_b);
            let (Some(a), Some(b)) =
                (self.institution_id(&row.institution_a), self.institution_id(&row.institution_b))
            else {
                for name in [&row.institution_a, &row.institution_b] {
                    if self.institution_id(name).is_none() {
                        self.warnings.push(ProblemWarning::UnknownInstitution {
                            institution: name.clone(),
                            context: context.clone(),
                        });
                    }
                }
                continue;
            };
            let reward = row.reward.filter(|r| *r >= 0).unwrap_or(settings.entente_reward);
            rewards.insert((a.min(b), a.max(b)), reward);
        }
        rewards
    }

    pub fn temporal(
        &mut self,
        rows: Vec<TemporalConstraint>,
        settings: &Settings,
    ) -> Result<TemporalRules, ProblemError> {
        let mut rules = TemporalRules::new();
        if !settings.temporal.active {
            return Ok(rules);
        }
        for row in rows {
            let context = format!("temporal constraint {} – {}", row.team_a, row.team_b);
            let a = self.team_lookup.one(&row.team_a, &context)?;
            let b = self.team_lookup.one(&row.team_b, &context)?;
            self.week(row.week, &context)?;
            rules.entry((a.min(b), a.max(b))).or_default().push((row.kind, row.week));
        }
        Ok(rules)
    }

    pub fn fixed_matches(&mut self, rows: Vec<FixedMatchSpec>) -> Result<Vec<FixedMatch>, ProblemError> {
        let mut fixed = Vec::with_capacity(rows.len());
        for row in rows {
            let context = format!("fixed match {} – {} in week {}", row.home, row.away, row.week);
            let home = self.team_lookup.one(&row.home, &context)?;
            let away = self.team_lookup.one(&row.away, &context)?;
            if home == away {
                return Err(ProblemError::SameTeamTwice { team: row.home.to_string(), context });
            }
            let week = self.week(row.week, &context)?;
            let venue = self.venue_id(&row.venue, &context)?;
            let pool = row.pool.as_ref().and_then(|code| {
                let pool = self.pool_index.get(code).copied();
                if pool.is_none() {
                    self.warnings
                        .push(ProblemWarning::UnknownPool { pool: code.clone(), context: context.clone() });
                }
                pool
            });
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
        Ok(fixed)
    }
}
