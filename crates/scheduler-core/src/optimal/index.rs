//! Where the candidates of the slot grid are, by match, team, slot, week and time: what every part of
//! the model sums over. A candidate is `(match index, candidate position)`.

use std::collections::BTreeMap;

use crate::slots::SlotGrid;
use crate::Problem;

/// `(match index, candidate position)`.
pub(super) type Cand = (usize, usize);

/// Candidates grouped every way the model needs.
pub(super) struct Index {
    /// Per match and week index, its candidate positions.
    pub match_week: Vec<Vec<Vec<usize>>>,
    /// Per match, its candidate positions at each (week index, time index).
    pub match_time: Vec<BTreeMap<(usize, usize), Vec<usize>>>,
    /// Per team and week index, the candidates of its matches.
    pub team_week: Vec<Vec<Vec<Cand>>>,
    /// Per (team, week index, time index), the candidates of its matches.
    pub team_time: BTreeMap<(usize, usize, usize), Vec<Cand>>,
    /// Per slot, the candidates that use it.
    pub slot: Vec<Vec<Cand>>,
}

impl Index {
    pub fn new(problem: &Problem, grid: &SlotGrid) -> Self {
        let weeks = grid.weeks.len();
        let mut index = Index {
            match_week: vec![vec![Vec::new(); weeks]; problem.matches.len()],
            match_time: vec![BTreeMap::new(); problem.matches.len()],
            team_week: vec![vec![Vec::new(); weeks]; problem.teams.len()],
            team_time: BTreeMap::new(),
            slot: vec![Vec::new(); grid.slots.len()],
        };
        for (i, candidates) in grid.candidates.iter().enumerate() {
            let m = &problem.matches[i];
            for (c, candidate) in candidates.iter().enumerate() {
                let slot = &grid.slots[candidate.slot];
                let (w, t) = (slot.week_index, slot.time_index);
                index.match_week[i][w].push(c);
                index.match_time[i].entry((w, t)).or_default().push(c);
                index.slot[candidate.slot].push((i, c));
                for team in [m.home, m.away] {
                    index.team_week[team.index()][w].push((i, c));
                    index.team_time.entry((team.index(), w, t)).or_default().push((i, c));
                }
            }
        }
        index
    }

    /// Number of distinct matches among `cands` (each match takes at most one of its candidates).
    pub fn distinct_matches(cands: &[Cand]) -> usize {
        let mut matches: Vec<usize> = cands.iter().map(|(i, _)| *i).collect();
        matches.sort_unstable();
        matches.dedup();
        matches.len()
    }
}
