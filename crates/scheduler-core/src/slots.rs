//! The plannable slot grid and, per match, the slots it may take with their fixed cost.
//!
//! Built once per problem and shared by the heuristic, the exact model and the explanations: a
//! candidate already satisfies every rule that depends on one match alone (H2, H3, H6, H7, H8, H9,
//! and H1/H4/H5 against fixed matches). What is left to check while solving is how placed matches
//! share courts and team weeks.

use std::collections::HashMap;

use rayon::prelude::*;

use crate::evaluation::terms;
use crate::{MatchId, Problem, TeamId, TimeOfDay, VenueId, Week};

/// One (week, time, venue) where new matches can go.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Slot {
    /// Week.
    pub week: Week,
    /// Start time.
    pub time: TimeOfDay,
    /// Venue.
    pub venue: VenueId,
    /// Courts left for new matches (after closures and fixed matches at this very slot), ≥ 1.
    pub capacity: u32,
    /// Position of the week among the plannable weeks.
    pub week_index: usize,
    /// Position of the time among all distinct times of the grid.
    pub time_index: usize,
}

/// A slot a match may take, with its placement cost (S1 + S2 + S3 + S5 + S7).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Candidate {
    /// Index into [`SlotGrid::slots`].
    pub slot: usize,
    /// Cost of the terms that depend on this placement alone.
    pub cost: f64,
}

/// The grid and the candidates of every match.
#[derive(Debug, Clone)]
pub struct SlotGrid {
    /// Slots with at least one free court, by week, venue, time.
    pub slots: Vec<Slot>,
    /// Plannable weeks, in order.
    pub weeks: Vec<Week>,
    /// Distinct times of the grid, sorted.
    pub times: Vec<TimeOfDay>,
    /// Per match (by [`MatchId`]), its candidates, cheapest first.
    pub candidates: Vec<Vec<Candidate>>,
    /// Per team and plannable week index, the matches it may still play once fixed matches count.
    pub week_budget: Vec<Vec<u32>>,
    index: HashMap<(Week, VenueId, TimeOfDay), usize>,
}

impl SlotGrid {
    /// Builds the grid of `problem`.
    pub fn new(problem: &Problem) -> Self {
        let weeks: Vec<Week> = problem.calendar.plannable_weeks().collect();
        let mut times: Vec<TimeOfDay> = problem.venues.iter().flat_map(|v| v.times.iter().copied()).collect();
        times.sort();
        times.dedup();

        let mut fixed_at_slot: HashMap<(Week, VenueId, TimeOfDay), u32> = HashMap::new();
        let mut fixed_team_week: HashMap<(TeamId, Week), u32> = HashMap::new();
        let mut fixed_team_time: HashMap<(TeamId, Week, TimeOfDay), u32> = HashMap::new();
        for f in &problem.fixed {
            *fixed_at_slot.entry((f.week, f.venue, f.time)).or_default() += 1;
            for team in [f.home, f.away] {
                *fixed_team_week.entry((team, f.week)).or_default() += 1;
                *fixed_team_time.entry((team, f.week, f.time)).or_default() += 1;
            }
        }

        let mut slots = Vec::new();
        let mut index = HashMap::new();
        for (week_index, &week) in weeks.iter().enumerate() {
            for (v, venue) in problem.venues.iter().enumerate() {
                let venue_id = VenueId::from_index(v);
                for &time in &venue.times {
                    let courts = problem.venue_courts(venue_id, week, time);
                    let taken = fixed_at_slot.get(&(week, venue_id, time)).copied().unwrap_or(0);
                    let capacity = courts.saturating_sub(taken);
                    if capacity == 0 {
                        continue;
                    }
                    let time_index = times.binary_search(&time).unwrap_or_default();
                    index.insert((week, venue_id, time), slots.len());
                    slots.push(Slot { week, time, venue: venue_id, capacity, week_index, time_index });
                }
            }
        }

        let limit = problem.settings.max_matches_per_team_per_week;
        let week_budget: Vec<Vec<u32>> = (0..problem.teams.len())
            .map(|t| {
                let team = TeamId::from_index(t);
                weeks
                    .iter()
                    .map(|w| limit.saturating_sub(fixed_team_week.get(&(team, *w)).copied().unwrap_or(0)))
                    .collect()
            })
            .collect();

        // Per team, the slots it may play in (computed once per team, not once per match).
        let team_slots: Vec<Vec<bool>> = (0..problem.teams.len())
            .into_par_iter()
            .map(|t| {
                let team = TeamId::from_index(t);
                slots
                    .iter()
                    .map(|s| {
                        week_budget[t][s.week_index] > 0
                            && !fixed_team_time.contains_key(&(team, s.week, s.time))
                            && problem.team_can_play(team, s.week, s.time, s.venue)
                    })
                    .collect()
            })
            .collect();

        let candidates = (0..problem.matches.len())
            .into_par_iter()
            .map(|i| {
                let id = MatchId::from_index(i);
                let m = problem.match_(id);
                let (home, away) = (&team_slots[m.home.index()], &team_slots[m.away.index()]);
                slots
                    .iter()
                    .enumerate()
                    .filter(|(index, s)| {
                        home[*index]
                            && away[*index]
                            && problem.obligation_met(s.venue, m.home, m.away)
                            && problem.temporal_allows(id, s.week)
                    })
                    .map(|(slot, s)| Candidate {
                        slot,
                        cost: terms::placement_cost(problem, id, s.week, s.time, s.venue),
                    })
                    .collect::<Vec<_>>()
            })
            .map(|mut list| {
                list.sort_by(|a, b| a.cost.total_cmp(&b.cost).then(a.slot.cmp(&b.slot)));
                list
            })
            .collect();

        Self { slots, weeks, times, candidates, week_budget, index }
    }

    /// The slot at (week, venue, time), if it is in the grid.
    pub fn slot_at(&self, week: Week, venue: VenueId, time: TimeOfDay) -> Option<usize> {
        self.index.get(&(week, venue, time)).copied()
    }

    /// The placement a slot stands for.
    pub fn placement(&self, slot: usize) -> crate::Placement {
        let s = &self.slots[slot];
        crate::Placement { week: s.week, time: s.time, venue: s.venue }
    }
}
