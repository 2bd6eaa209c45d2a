//! The heuristic: construction by difficulty, then local search with ejection chains, in parallel
//! restarts. Every state it visits satisfies every hard rule, so its output does too.

use std::sync::Mutex;
use std::time::Instant;

use rayon::prelude::*;

use super::state::State;
use super::{Progress, SolveOptions};
use crate::rng::Rng;
use crate::slots::SlotGrid;
use crate::{MatchId, Problem, Schedule};

const EPSILON: f64 = 1e-6;
/// Rounds without a new best before a restart stops.
const PATIENCE: usize = 8;

/// Runs the heuristic on `grid` (the problem's slot grid) and returns its best schedule.
pub(super) fn run(problem: &Problem, grid: &SlotGrid, options: &SolveOptions, started: Instant) -> Schedule {
    let threads = options.thread_count();
    let best_seen: Mutex<Option<(f64, usize)>> = Mutex::new(None);
    let restart = |index: usize| {
        let seed = options.seed.wrapping_mul(0x2545_F491_4F6C_DD1D).wrapping_add(index as u64 + 1);
        let mut search = Search {
            state: State::new(problem, grid),
            failures: vec![0; problem.matches.len()],
            round: 0,
            rng: Rng::new(seed),
            options,
            started,
        };
        let (objective, chosen) = search.run(|fraction, objective, placed| {
            let mut best = best_seen.lock().unwrap_or_else(|e| e.into_inner());
            if best.is_none_or(|(b, _)| objective > b) {
                *best = Some((objective, placed));
            }
            let (best_objective, best_placed) = best.unwrap_or((objective, placed));
            options.report(Progress {
                fraction,
                best_objective: Some(best_objective),
                bound: None,
                placed: best_placed,
            });
        });
        (objective, index, chosen)
    };
    let results: Vec<(f64, usize, Vec<Option<usize>>)> =
        match rayon::ThreadPoolBuilder::new().num_threads(threads).build() {
            Ok(pool) => pool.install(|| (0..threads).into_par_iter().map(restart).collect()),
            Err(_) => (0..threads).map(restart).collect(),
        };
    let best = results
        .into_iter()
        .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)))
        .map(|(_, _, chosen)| chosen)
        .unwrap_or_default();
    let mut state = State::new(problem, grid);
    for (i, c) in best.into_iter().enumerate() {
        if let Some(c) = c {
            state.insert(MatchId::from_index(i), c);
        }
    }
    state.schedule()
}

struct Search<'a, 'o> {
    state: State<'a>,
    /// Per match, how many insertion attempts failed in a row (tried again less and less often).
    failures: Vec<u32>,
    round: usize,
    rng: Rng,
    options: &'o SolveOptions,
    started: Instant,
}

impl Search<'_, '_> {
    fn out_of_time(&self) -> bool {
        self.options.is_cancelled() || self.started.elapsed() >= self.options.time_limit
    }

    fn run(&mut self, report: impl Fn(f64, f64, usize)) -> (f64, Vec<Option<usize>>) {
        self.construct();
        self.state.journal.clear();
        let mut best = (self.state.objective, self.state.chosen.clone());
        let rounds = self.options.heuristic_rounds.max(1);
        let mut since_best = 0;
        for round in 0..rounds {
            if self.out_of_time() || since_best >= PATIENCE {
                break;
            }
            let before = self.state.objective;
            self.round = round;
            self.insert_unplaced();
            self.improve_placed();
            self.state.journal.clear();
            let significant = EPSILON + 1e-6 * best.0.abs();
            if self.state.objective > best.0 + EPSILON {
                since_best = if self.state.objective > best.0 + significant { 0 } else { since_best + 1 };
                best = (self.state.objective, self.state.chosen.clone());
            } else {
                since_best += 1;
            }
            report((round + 1) as f64 / rounds as f64, best.0, best.1.iter().flatten().count());
            if self.state.objective <= before + EPSILON {
                // Stuck: start again from the best schedule, shaken.
                self.restore(&best.1);
                self.perturb();
            }
        }
        best
    }

    fn restore(&mut self, chosen: &[Option<usize>]) {
        let placed: Vec<MatchId> =
            self.state.problem.match_ids().filter(|m| self.state.chosen[m.index()].is_some()).collect();
        for m in placed {
            self.state.remove(m);
        }
        for (i, c) in chosen.iter().enumerate() {
            if let Some(c) = c {
                self.state.insert(MatchId::from_index(i), *c);
            }
        }
        self.state.journal.clear();
    }

    /// Removes a few placed matches and puts them back greedily.
    fn perturb(&mut self) {
        let mut placed: Vec<MatchId> =
            self.state.problem.match_ids().filter(|m| self.state.chosen[m.index()].is_some()).collect();
        self.rng.shuffle(&mut placed);
        let count = (placed.len() / 5).max(2).min(placed.len());
        let removed: Vec<MatchId> = placed[..count].to_vec();
        for m in &removed {
            self.state.remove(*m);
        }
        self.insert_unplaced();
        self.state.journal.clear();
    }

    /// Places matches hardest first (fewest candidates), ententes last.
    fn construct(&mut self) {
        let problem = self.state.problem;
        let mut order: Vec<(bool, usize, u64, MatchId)> = problem
            .match_ids()
            .map(|m| {
                (problem.match_(m).entente, self.state.grid.candidates[m.index()].len(), self.rng.next(), m)
            })
            .collect();
        order.sort_unstable();
        for (_, _, _, m) in order {
            if let Some((c, gain)) = self.state.best_fit(m) {
                if gain > EPSILON {
                    self.state.insert(m, c);
                }
            }
        }
    }

    fn insert_unplaced(&mut self) {
        let mut unplaced: Vec<MatchId> =
            self.state.problem.match_ids().filter(|m| self.state.chosen[m.index()].is_none()).collect();
        self.rng.shuffle(&mut unplaced);
        for m in unplaced {
            if self.out_of_time() {
                return;
            }
            if self.state.chosen[m.index()].is_some() {
                continue;
            }
            let backoff = 1 << self.failures[m.index()].min(4);
            if !self.round.is_multiple_of(backoff) {
                continue;
            }
            let mark = self.state.journal.len();
            let start = self.state.objective;
            if !self.place_with_ejection(m, 2, &mut vec![m]) || self.state.objective <= start + EPSILON {
                self.state.rollback(mark, start);
                self.failures[m.index()] += 1;
            } else {
                self.failures[m.index()] = 0;
            }
        }
    }

    fn improve_placed(&mut self) {
        let mut placed: Vec<MatchId> =
            self.state.problem.match_ids().filter(|m| self.state.chosen[m.index()].is_some()).collect();
        self.rng.shuffle(&mut placed);
        for m in placed {
            if self.out_of_time() {
                return;
            }
            if self.state.chosen[m.index()].is_none() {
                continue;
            }
            let mark = self.state.journal.len();
            let start = self.state.objective;
            self.state.remove(m);
            // Chains are costly: a quarter of the matches per round try them, the rest only move.
            let depth = usize::from(self.rng.below(4) == 0);
            if !self.place_with_ejection(m, depth, &mut vec![m]) || self.state.objective <= start + EPSILON {
                self.state.rollback(mark, start);
            }
        }
    }

    /// Places `m`, moving up to a few blocking matches elsewhere (recursively, `depth` levels).
    ///
    /// Returns whether `m` ended up placed; the caller decides whether the result is worth keeping.
    fn place_with_ejection(&mut self, m: MatchId, depth: usize, moved: &mut Vec<MatchId>) -> bool {
        let direct = self.state.best_fit(m);
        let candidates = self.state.grid.candidates[m.index()].len();
        if depth == 0 || candidates == 0 {
            return match direct {
                Some((c, _)) => {
                    self.state.insert(m, c);
                    true
                }
                None => false,
            };
        }
        // Try the candidates in a random order, keep the best complete chain.
        let mut order: Vec<usize> = (0..candidates).collect();
        self.rng.shuffle(&mut order);
        let start = self.state.objective;
        let mark = self.state.journal.len();
        let mut best: Option<(f64, Vec<super::state::Change>)> = None;
        if let Some((c, _)) = direct {
            self.state.insert(m, c);
            best = Some((self.state.objective, self.state.journal[mark..].to_vec()));
            self.state.rollback(mark, start);
        }
        let budget = if depth >= 2 { candidates.min(24) } else { candidates.min(6) };
        for &c in order.iter().take(budget) {
            let Some(blockers) = self.blockers(m, c, moved) else { continue };
            if blockers.is_empty() {
                continue;
            }
            for b in &blockers {
                self.state.remove(*b);
            }
            if !self.state.fits(m, c) {
                self.state.rollback(mark, start);
                continue;
            }
            self.state.insert(m, c);
            let depth_left = depth - 1;
            let mut all = true;
            for b in &blockers {
                moved.push(*b);
                let ok = self.place_with_ejection(*b, depth_left, moved);
                if !ok
                    && self.state.problem.match_(*b).reward as f64
                        > self.state.problem.match_(m).reward as f64
                {
                    all = false;
                }
            }
            moved.truncate(moved.len() - blockers.len());
            if all && best.as_ref().is_none_or(|(o, _)| self.state.objective > *o + EPSILON) {
                best = Some((self.state.objective, self.state.journal[mark..].to_vec()));
            }
            self.state.rollback(mark, start);
            if self.out_of_time() {
                break;
            }
        }
        match best {
            Some((_, changes)) => {
                self.state.replay(&changes);
                true
            }
            None => false,
        }
    }

    /// The placed matches that must leave for `m` to take candidate `c`, or `None` if one of them
    /// was already moved in this chain.
    fn blockers(&mut self, m: MatchId, c: usize, moved: &[MatchId]) -> Option<Vec<MatchId>> {
        let state = &self.state;
        let slot_index = state.slot_of(m, c);
        let slot = state.grid.slots[slot_index];
        let matched = state.problem.match_(m);
        let mut out: Vec<MatchId> = Vec::new();
        for team in [matched.home, matched.away] {
            let here = state.team_week(team, slot.week_index);
            let same_time = here.iter().copied().find(|o| {
                let os = state.slot_of(*o, state.chosen[o.index()].unwrap_or_default());
                state.grid.slots[os].time_index == slot.time_index
            });
            if let Some(o) = same_time {
                out.push(o);
            } else if here.len() as u32 >= state.grid.week_budget[team.index()][slot.week_index] {
                out.push(here[self.rng.below(here.len())]);
            }
        }
        out.sort_unstable();
        out.dedup();
        let members = state.slot_members(slot_index);
        let freed = members.iter().filter(|o| out.contains(o)).count();
        if members.len() - freed >= slot.capacity as usize {
            let options: Vec<MatchId> = members.iter().copied().filter(|o| !out.contains(o)).collect();
            out.push(options[self.rng.below(options.len())]);
        }
        if out.iter().any(|o| moved.contains(o)) {
            return None;
        }
        Some(out)
    }
}
