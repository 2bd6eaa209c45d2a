//! S6 (only when `overlap_penalty` is set): one product per pair of overlapping matches (a shared
//! institution, or one non-simultaneity group each) that may both be at the same week and time, in any
//! venues. Pairs sharing a team are dropped: H4 already forbids them.

use russcip::{Solution, Variable};

use super::builder::Builder;
use super::index::Index;
use super::placement::Placements;
use crate::evaluation::terms;
use crate::slots::SlotGrid;
use crate::Problem;

/// One product: matches `a` and `b` both at (week index, time index) `at`.
struct Pair {
    a: usize,
    b: usize,
    at: (usize, usize),
    var: Variable,
}

/// The S6 products.
pub(super) struct Overlap {
    pairs: Vec<Pair>,
}

impl Overlap {
    pub fn build(b: &mut Builder, problem: &Problem, index: &Index, placements: &Placements) -> Self {
        let mut pairs = Vec::new();
        let Some(weight) = problem.settings.overlap_penalty else { return Self { pairs } };
        let cost = weight as f64;
        if cost == 0.0 {
            return Self { pairs };
        }
        let n = problem.matches.len();
        let related: Vec<Vec<usize>> = (0..n)
            .map(|i| {
                let mi = &problem.matches[i];
                (i + 1..n)
                    .filter(|j| {
                        let mj = &problem.matches[*j];
                        let shares_team = [mi.home, mi.away].iter().any(|t| *t == mj.home || *t == mj.away);
                        !shares_team && terms::overlapping(problem, [mi.home, mi.away], [mj.home, mj.away])
                    })
                    .collect()
            })
            .collect();
        for (i, others) in related.iter().enumerate() {
            for &j in others {
                for (at, mine) in &index.match_time[i] {
                    let Some(theirs) = index.match_time[j].get(at) else { continue };
                    let name = format!("overlap{i}_{j}_{}_{}", at.0, at.1);
                    let var = b.product(
                        &placements.of_match(i, mine),
                        &placements.of_match(j, theirs),
                        cost,
                        &name,
                    );
                    pairs.push(Pair { a: i, b: j, at: *at, var });
                }
            }
        }
        Self { pairs }
    }

    /// Sets the products in a starting solution.
    pub fn start(&self, grid: &SlotGrid, chosen: &[Option<usize>], sol: &Solution) {
        let at = |i: usize| {
            chosen[i].map(|c| {
                let slot = &grid.slots[grid.candidates[i][c].slot];
                (slot.week_index, slot.time_index)
            })
        };
        for p in &self.pairs {
            let on = at(p.a) == Some(p.at) && at(p.b) == Some(p.at);
            sol.set_val(&p.var, f64::from(u8::from(on)));
        }
    }
}
