//! Soft penalties S1–S8 of the placed matches (fixed matches cost nothing: they cannot change).

use std::collections::{BTreeMap, BTreeSet};

use super::{terms, PenaltyBreakdown};
use crate::{Leg, Problem, Schedule, TeamId, TimeOfDay, Week};

pub(super) fn penalties(problem: &Problem, schedule: &Schedule) -> PenaltyBreakdown {
    let mut out = PenaltyBreakdown::default();
    let mut weeks_played: BTreeMap<TeamId, BTreeSet<Week>> = BTreeMap::new();
    let mut at_time: BTreeMap<(Week, TimeOfDay), Vec<[TeamId; 2]>> = BTreeMap::new();
    for (id, p) in schedule.placed() {
        let m = problem.match_(id);
        out.preferred_time += terms::preferred_time(problem, id, p.time);
        out.venue_preference += terms::venue_preference(problem, id, p.venue);
        out.venue_level += terms::venue_level(problem, id, p.venue);
        out.compaction += terms::compaction(problem, p.week);
        out.temporal += terms::temporal(problem, id, p.week);
        for team in [m.home, m.away] {
            weeks_played.entry(team).or_default().insert(p.week);
        }
        if m.leg == Leg::First {
            if let Some(other) = m.other_leg.and_then(|o| schedule.get(o)) {
                out.home_away += terms::leg_spacing(problem, p.week, other.week);
            }
        }
        at_time.entry((p.week, p.time)).or_default().push([m.home, m.away]);
    }
    for weeks in weeks_played.values() {
        let weeks: Vec<Week> = weeks.iter().copied().collect();
        for (i, a) in weeks.iter().enumerate() {
            for b in &weeks[i + 1..] {
                out.rest_spacing += terms::rest_spacing(problem, *a, *b);
            }
        }
    }
    if let Some(weight) = problem.settings.overlap_penalty {
        for group in at_time.values() {
            for (i, a) in group.iter().enumerate() {
                for b in &group[i + 1..] {
                    if terms::overlapping(problem, *a, *b) {
                        out.overlap += weight.max(0) as f64;
                    }
                }
            }
        }
    }
    out
}
