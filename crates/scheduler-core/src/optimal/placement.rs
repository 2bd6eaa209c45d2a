//! The placement variables x(i, c) — match i takes its candidate c — with S0 and the static placement
//! cost in the objective, and the hard rules that tie matches together: H10 (once), H1 (courts),
//! H5 (matches per team and week), H4 (one match per team at a time).

use russcip::{Solution, Variable};

use super::builder::Builder;
use super::index::{Cand, Index};
use crate::slots::SlotGrid;
use crate::Problem;

/// x(i, c) for every candidate of the slot grid.
pub(super) struct Placements {
    /// Per match, per candidate position.
    pub x: Vec<Vec<Variable>>,
}

impl Placements {
    pub fn build(b: &mut Builder, problem: &Problem, grid: &SlotGrid, index: &Index) -> Self {
        let x: Vec<Vec<Variable>> = grid
            .candidates
            .iter()
            .enumerate()
            .map(|(i, candidates)| {
                let reward = problem.matches[i].reward as f64;
                candidates
                    .iter()
                    .enumerate()
                    .map(|(c, candidate)| b.binary(reward - candidate.cost, &format!("x{i}_{c}")))
                    .collect()
            })
            .collect();
        let placements = Self { x };

        // H10: a match takes at most one candidate.
        for (i, vars) in placements.x.iter().enumerate() {
            if vars.len() > 1 {
                b.at_most(&vars.iter().collect::<Vec<_>>(), 1.0, &format!("once{i}"));
            }
        }
        // H1: courts left in each slot.
        for (s, cands) in index.slot.iter().enumerate() {
            let capacity = grid.slots[s].capacity as usize;
            if Index::distinct_matches(cands) > capacity {
                b.at_most(&placements.vars(cands), capacity as f64, &format!("courts{s}"));
            }
        }
        // H5: the team's budget of matches in the week (fixed matches already deducted).
        for (team, weeks) in index.team_week.iter().enumerate() {
            for (w, cands) in weeks.iter().enumerate() {
                let budget = grid.week_budget[team][w] as usize;
                if Index::distinct_matches(cands) > budget {
                    b.at_most(&placements.vars(cands), budget as f64, &format!("week{team}_{w}"));
                }
            }
        }
        // H4: one match per team at a time; implied by H5 when the week budget is one.
        for (&(team, w, t), cands) in &index.team_time {
            if grid.week_budget[team][w] > 1 && Index::distinct_matches(cands) > 1 {
                b.at_most(&placements.vars(cands), 1.0, &format!("time{team}_{w}_{t}"));
            }
        }
        placements
    }

    /// The variables of `cands`.
    pub fn vars(&self, cands: &[Cand]) -> Vec<&Variable> {
        cands.iter().map(|(i, c)| &self.x[*i][*c]).collect()
    }

    /// The variables of match `i` at candidate positions `positions`.
    pub fn of_match<'a>(&'a self, i: usize, positions: &[usize]) -> Vec<&'a Variable> {
        positions.iter().map(|c| &self.x[i][*c]).collect()
    }

    /// Sets x in a starting solution.
    pub fn start(&self, chosen: &[Option<usize>], sol: &Solution) {
        for (i, vars) in self.x.iter().enumerate() {
            for (c, var) in vars.iter().enumerate() {
                sol.set_val(var, if chosen[i] == Some(c) { 1.0 } else { 0.0 });
            }
        }
    }

    /// The candidate each match takes in `sol`.
    pub fn chosen(&self, sol: &Solution) -> Vec<Option<usize>> {
        self.x.iter().map(|vars| vars.iter().position(|var| sol.val(var) > 0.5)).collect()
    }
}
