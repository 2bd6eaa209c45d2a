//! Incremental bookkeeping of a partial schedule over the slot grid: courts used, team weeks, and the
//! exact change of the evaluator's objective for every insertion and removal.

use crate::evaluation::terms;
use crate::slots::SlotGrid;
use crate::{MatchId, Problem, Schedule, TeamId};

/// One change, to undo a trial.
#[derive(Debug, Clone, Copy)]
pub(super) enum Change {
    Inserted(MatchId, usize),
    Removed(MatchId, usize),
}

/// A partial schedule that never breaks a hard rule.
#[derive(Debug, Clone)]
pub(super) struct State<'a> {
    pub problem: &'a Problem,
    pub grid: &'a SlotGrid,
    /// Per match, the index of its candidate in use.
    pub chosen: Vec<Option<usize>>,
    slot_members: Vec<Vec<MatchId>>,
    /// Per team × week index, the placed matches.
    team_week: Vec<Vec<MatchId>>,
    /// Per team × week index × time index, how many placed matches (H4).
    team_time: Vec<u8>,
    /// Per team × week index, how many placed matches (H5), next to the budget left by fixed ones.
    week_count: Vec<u32>,
    budget: Vec<u32>,
    /// Per slot: courts left for new matches, week index, time index — packed for the hot loop.
    slot_info: Vec<(u32, u16, u16)>,
    slot_used: Vec<u32>,
    /// Per week index × time index, the placed matches (for S6 only).
    at_time: Vec<Vec<MatchId>>,
    rest: Vec<Vec<f64>>,
    legs: Vec<Vec<f64>>,
    weeks: usize,
    times: usize,
    pub objective: f64,
    pub placed: usize,
    pub journal: Vec<Change>,
}

impl<'a> State<'a> {
    pub fn new(problem: &'a Problem, grid: &'a SlotGrid) -> Self {
        let weeks = grid.weeks.len();
        let pair_table = |f: fn(&Problem, crate::Week, crate::Week) -> f64| {
            grid.weeks.iter().map(|a| grid.weeks.iter().map(|b| f(problem, *a, *b)).collect()).collect()
        };
        Self {
            problem,
            grid,
            chosen: vec![None; problem.matches.len()],
            slot_members: vec![Vec::new(); grid.slots.len()],
            team_week: vec![Vec::new(); problem.teams.len() * weeks],
            team_time: vec![0; problem.teams.len() * weeks * grid.times.len()],
            week_count: vec![0; problem.teams.len() * weeks],
            budget: grid.week_budget.iter().flatten().copied().collect(),
            slot_info: grid
                .slots
                .iter()
                .map(|s| (s.capacity, s.week_index as u16, s.time_index as u16))
                .collect(),
            slot_used: vec![0; grid.slots.len()],
            at_time: vec![Vec::new(); weeks * grid.times.len()],
            rest: pair_table(terms::rest_spacing),
            legs: pair_table(terms::leg_spacing),
            weeks,
            times: grid.times.len(),
            objective: 0.0,
            placed: 0,
            journal: Vec::new(),
        }
    }

    fn tw(&self, team: TeamId, week_index: usize) -> usize {
        team.index() * self.weeks + week_index
    }

    fn tt(&self, team: TeamId, week_index: usize, time_index: usize) -> usize {
        (team.index() * self.weeks + week_index) * self.times + time_index
    }

    /// The slot index of candidate `c` of `m`.
    pub fn slot_of(&self, m: MatchId, c: usize) -> usize {
        self.grid.candidates[m.index()][c].slot
    }

    /// Placed matches of `team` in week index `w`.
    pub fn team_week(&self, team: TeamId, w: usize) -> &[MatchId] {
        &self.team_week[self.tw(team, w)]
    }

    /// Matches placed in slot `s`.
    pub fn slot_members(&self, s: usize) -> &[MatchId] {
        &self.slot_members[s]
    }

    /// Whether candidate `c` of `m` (unplaced) fits now.
    pub fn fits(&self, m: MatchId, c: usize) -> bool {
        let slot_index = self.slot_of(m, c);
        let (capacity, week, time) = self.slot_info[slot_index];
        if self.slot_used[slot_index] >= capacity {
            return false;
        }
        let matched = self.problem.match_(m);
        let (week, time) = (usize::from(week), usize::from(time));
        [matched.home, matched.away].iter().all(|team| {
            let tw = self.tw(*team, week);
            self.week_count[tw] < self.budget[tw] && self.team_time[self.tt(*team, week, time)] == 0
        })
    }

    /// Cost of placing `m` at candidate `c` given everything else placed (S1–S8).
    pub fn cost(&self, m: MatchId, c: usize) -> f64 {
        let candidate = self.grid.candidates[m.index()][c];
        let slot = &self.grid.slots[candidate.slot];
        let w = slot.week_index;
        let matched = self.problem.match_(m);
        let mut cost = candidate.cost;
        for team in [matched.home, matched.away] {
            if self.team_week(team, w).iter().all(|o| *o == m) {
                for other in 0..self.weeks {
                    if other != w && self.team_week(team, other).iter().any(|o| *o != m) {
                        cost += self.rest[w][other];
                    }
                }
            }
        }
        if let Some(other) = matched.other_leg {
            if let Some(oc) = self.chosen[other.index()] {
                cost += self.legs[w][self.grid.slots[self.slot_of(other, oc)].week_index];
            }
        }
        if let Some(weight) = self.problem.settings.overlap_penalty {
            for o in &self.at_time[w * self.times + slot.time_index] {
                let om = self.problem.match_(*o);
                if *o != m
                    && terms::overlapping(self.problem, [matched.home, matched.away], [om.home, om.away])
                {
                    cost += weight.max(0) as f64;
                }
            }
        }
        cost
    }

    /// Gain in objective of placing `m` at `c`.
    pub fn gain(&self, m: MatchId, c: usize) -> f64 {
        self.problem.match_(m).reward as f64 - self.cost(m, c)
    }

    pub fn insert(&mut self, m: MatchId, c: usize) {
        debug_assert!(self.chosen[m.index()].is_none());
        self.objective += self.gain(m, c);
        let slot_index = self.slot_of(m, c);
        let slot = self.grid.slots[slot_index];
        self.chosen[m.index()] = Some(c);
        self.slot_members[slot_index].push(m);
        self.slot_used[slot_index] += 1;
        let matched = self.problem.match_(m);
        for team in [matched.home, matched.away] {
            let key = self.tw(team, slot.week_index);
            self.team_week[key].push(m);
            self.week_count[key] += 1;
            let key = self.tt(team, slot.week_index, slot.time_index);
            self.team_time[key] += 1;
        }
        self.at_time[slot.week_index * self.times + slot.time_index].push(m);
        self.placed += 1;
        self.journal.push(Change::Inserted(m, c));
    }

    /// Removes `m`; returns the candidate it used.
    pub fn remove(&mut self, m: MatchId) -> usize {
        let c = self.chosen[m.index()].expect("only placed matches are removed");
        let slot_index = self.slot_of(m, c);
        let slot = self.grid.slots[slot_index];
        let drop = |list: &mut Vec<MatchId>| {
            if let Some(pos) = list.iter().position(|o| *o == m) {
                list.swap_remove(pos);
            }
        };
        drop(&mut self.slot_members[slot_index]);
        self.slot_used[slot_index] -= 1;
        let matched = self.problem.match_(m);
        for team in [matched.home, matched.away] {
            let key = self.tw(team, slot.week_index);
            drop(&mut self.team_week[key]);
            self.week_count[key] -= 1;
            let key = self.tt(team, slot.week_index, slot.time_index);
            self.team_time[key] -= 1;
        }
        drop(&mut self.at_time[slot.week_index * self.times + slot.time_index]);
        self.chosen[m.index()] = None;
        self.objective -= self.gain(m, c);
        self.placed -= 1;
        self.journal.push(Change::Removed(m, c));
        c
    }

    /// Undoes every change after journal position `mark`, restoring `objective`.
    pub fn rollback(&mut self, mark: usize, objective: f64) {
        while self.journal.len() > mark {
            match self.journal.pop() {
                Some(Change::Inserted(m, _)) => {
                    self.remove(m);
                }
                Some(Change::Removed(m, c)) => self.insert(m, c),
                None => break,
            }
            self.journal.pop();
        }
        self.objective = objective;
    }

    /// The best candidate that fits, by gain.
    ///
    /// Candidates are sorted by their fixed cost and the other terms (S4, S6, S8) only add, so the
    /// scan stops once the fixed cost alone cannot beat the best found.
    pub fn best_fit(&self, m: MatchId) -> Option<(usize, f64)> {
        let reward = self.problem.match_(m).reward as f64;
        let mut best: Option<(usize, f64)> = None;
        for (c, candidate) in self.grid.candidates[m.index()].iter().enumerate() {
            if best.is_some_and(|(_, g)| reward - candidate.cost <= g + 1e-9) {
                break;
            }
            if self.fits(m, c) {
                let gain = self.gain(m, c);
                if best.is_none_or(|(_, g)| gain > g + 1e-9) {
                    best = Some((c, gain));
                }
            }
        }
        best
    }

    /// Re-applies changes recorded by a trial that was rolled back.
    pub fn replay(&mut self, changes: &[Change]) {
        for change in changes {
            match *change {
                Change::Inserted(m, c) => self.insert(m, c),
                Change::Removed(m, _) => {
                    self.remove(m);
                }
            }
        }
    }

    pub fn schedule(&self) -> Schedule {
        Schedule::from_placements(
            self.chosen
                .iter()
                .enumerate()
                .map(|(i, c)| c.map(|c| self.grid.placement(self.slot_of(MatchId::from_index(i), c))))
                .collect(),
        )
    }
}
