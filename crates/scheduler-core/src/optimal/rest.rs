//! S4, rest spacing: y(team, week) is exactly "the team plays that week" (fixed matches ignored, as in
//! the evaluator), and z = y(w1) · y(w2) pays the penalty of every pair of weeks it plays in.
//!
//! Tightening: within a window of weeks where every pair is penalised, k weeks played make k(k−1)/2
//! pairs, so `Σ z ≥ m·Σ y − m(m+1)/2` for every integer m (the tangents of that convex count).

use std::collections::BTreeMap;

use russcip::{Solution, Variable};

use super::builder::Builder;
use super::index::Index;
use super::placement::Placements;
use crate::evaluation::terms;
use crate::slots::SlotGrid;
use crate::Problem;

/// y and z variables of S4.
pub(super) struct RestSpacing {
    /// y per (team, week index).
    plays: BTreeMap<(usize, usize), Variable>,
    /// z per (team, week index, week index).
    pairs: Vec<(usize, usize, usize, Variable)>,
}

impl RestSpacing {
    pub fn build(
        b: &mut Builder,
        problem: &Problem,
        grid: &SlotGrid,
        index: &Index,
        placements: &Placements,
    ) -> Self {
        let mut rest = Self { plays: BTreeMap::new(), pairs: Vec::new() };
        let weeks = grid.weeks.len();
        let penalty: Vec<Vec<f64>> = (0..weeks)
            .map(|a| (0..weeks).map(|c| terms::rest_spacing(problem, grid.weeks[a], grid.weeks[c])).collect())
            .collect();
        for (team, by_week) in index.team_week.iter().enumerate() {
            let played: Vec<usize> = (0..weeks).filter(|w| !by_week[*w].is_empty()).collect();
            let paired = |w: usize| played.iter().any(|o| penalty[w][*o] > 0.0);
            for &w in played.iter().filter(|w| paired(**w)) {
                let cands = &by_week[w];
                let y = b.binary(0.0, &format!("y{team}_{w}"));
                let x = placements.vars(cands);
                let mut row: Vec<(&Variable, f64)> = vec![(&y, 1.0)];
                row.extend(x.iter().map(|v| (*v, -1.0)));
                if grid.week_budget[team][w] <= 1 || Index::distinct_matches(cands) <= 1 {
                    // At most one of these x is 1: y is their sum.
                    b.linear(&row, 0.0, 0.0, &format!("plays{team}_{w}"));
                } else {
                    b.linear(&row, f64::NEG_INFINITY, 0.0, &format!("plays{team}_{w}"));
                    for v in &x {
                        b.linear(&[(&y, 1.0), (*v, -1.0)], 0.0, f64::INFINITY, &format!("plays{team}_{w}"));
                    }
                }
                rest.plays.insert((team, w), y);
            }
            for (k, &w1) in played.iter().enumerate() {
                for &w2 in &played[k + 1..] {
                    let cost = penalty[w1][w2];
                    if cost > 0.0 {
                        let (y1, y2) = (&rest.plays[&(team, w1)], &rest.plays[&(team, w2)]);
                        let z = b.product(&[y1], &[y2], cost, &format!("rest{team}_{w1}_{w2}"));
                        rest.pairs.push((team, w1, w2, z));
                    }
                }
            }
            rest.window_cuts(b, team, &played, &penalty);
        }
        rest
    }

    /// The tangent cuts on every maximal window of weeks whose pairs are all penalised.
    fn window_cuts(&self, b: &mut Builder, team: usize, played: &[usize], penalty: &[Vec<f64>]) {
        let mut last_end = 0;
        for start in 0..played.len() {
            let mut end = start + 1;
            while end < played.len() && played[start..end].iter().all(|w| penalty[*w][played[end]] > 0.0) {
                end += 1;
            }
            if end - start < 3 || end <= last_end {
                continue;
            }
            last_end = end;
            let window = &played[start..end];
            let z: Vec<&Variable> = self
                .pairs
                .iter()
                .filter(|(t, w1, w2, _)| *t == team && window.contains(w1) && window.contains(w2))
                .map(|(_, _, _, z)| z)
                .collect();
            for m in 1..window.len() {
                let m = m as f64;
                let mut row: Vec<(&Variable, f64)> = z.iter().map(|v| (*v, 1.0)).collect();
                row.extend(window.iter().map(|w| (&self.plays[&(team, *w)], -m)));
                b.linear(&row, -m * (m + 1.0) / 2.0, f64::INFINITY, &format!("window{team}_{start}"));
            }
        }
    }

    /// Sets y and z in a starting solution.
    pub fn start(&self, index: &Index, chosen: &[Option<usize>], sol: &Solution) {
        let plays =
            |team: usize, w: usize| index.team_week[team][w].iter().any(|(i, c)| chosen[*i] == Some(*c));
        for (&(team, w), y) in &self.plays {
            sol.set_val(y, f64::from(u8::from(plays(team, w))));
        }
        for (team, w1, w2, z) in &self.pairs {
            sol.set_val(z, f64::from(u8::from(plays(*team, *w1) && plays(*team, *w2))));
        }
    }
}
