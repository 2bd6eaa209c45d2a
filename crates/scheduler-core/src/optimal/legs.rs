//! S8, home-and-away legs: for the first leg in week a, one product per penalty value p with the
//! return leg in any week b at spacing penalty p — `v = u(first, a) · Σ_b u(return, b)`, where u sums the
//! leg's x over a week. Each leg takes one week at most, so the sums are 0 or 1 and the aggregation is
//! exact (and tighter than one product per week pair). Same-week pairs are dropped when either team may
//! play only once that week.

use russcip::{Solution, Variable};

use super::builder::Builder;
use super::index::Index;
use super::placement::Placements;
use crate::evaluation::terms;
use crate::slots::SlotGrid;
use crate::{Leg, Problem};

/// One product: first leg `first` in week `week`, return leg `other` in one of `other_weeks`.
struct Spacing {
    first: usize,
    week: usize,
    other: usize,
    other_weeks: Vec<usize>,
    var: Variable,
}

/// The S8 products.
pub(super) struct LegSpacing {
    products: Vec<Spacing>,
}

impl LegSpacing {
    pub fn build(
        b: &mut Builder,
        problem: &Problem,
        grid: &SlotGrid,
        index: &Index,
        placements: &Placements,
    ) -> Self {
        let mut products = Vec::new();
        if problem.settings.home_away.is_none() {
            return Self { products };
        }
        for (first, m) in problem.matches.iter().enumerate() {
            let Some(other) = m.other_leg.map(|o| o.index()) else { continue };
            if m.leg != Leg::First {
                continue;
            }
            for (a, mine) in index.match_week[first].iter().enumerate() {
                if mine.is_empty() {
                    continue;
                }
                let mut by_penalty: Vec<(f64, Vec<usize>)> = Vec::new();
                for (c, theirs) in index.match_week[other].iter().enumerate() {
                    let cost = terms::leg_spacing(problem, grid.weeks[a], grid.weeks[c]);
                    let same_week_impossible =
                        a == c && [m.home, m.away].iter().any(|t| grid.week_budget[t.index()][a] <= 1);
                    if theirs.is_empty() || cost <= 0.0 || same_week_impossible {
                        continue;
                    }
                    match by_penalty.iter_mut().find(|(p, _)| *p == cost) {
                        Some((_, weeks)) => weeks.push(c),
                        None => by_penalty.push((cost, vec![c])),
                    }
                }
                for (cost, other_weeks) in by_penalty {
                    let u_first = placements.of_match(first, mine);
                    let u_other: Vec<&Variable> = other_weeks
                        .iter()
                        .flat_map(|c| placements.of_match(other, &index.match_week[other][*c]))
                        .collect();
                    let var = b.product(&u_first, &u_other, cost, &format!("legs{first}_{a}_{cost}"));
                    products.push(Spacing { first, week: a, other, other_weeks, var });
                }
            }
        }
        Self { products }
    }

    /// Sets the products in a starting solution.
    pub fn start(&self, grid: &SlotGrid, chosen: &[Option<usize>], sol: &Solution) {
        let week = |i: usize| chosen[i].map(|c| grid.slots[grid.candidates[i][c].slot].week_index);
        for p in &self.products {
            let on =
                week(p.first) == Some(p.week) && week(p.other).is_some_and(|w| p.other_weeks.contains(&w));
            sol.set_val(&p.var, f64::from(u8::from(on)));
        }
    }
}
