//! The penalties of each placed match: its own terms (S1, S2, S3, S5, S7) and its share of the terms
//! between matches (S4 rest spacing, S6 simultaneous matches, S8 home-and-away legs).

use std::collections::BTreeMap;

use super::{terms, PenaltyBreakdown};
use crate::{Leg, MatchId, Problem, Schedule, TeamId, TimeOfDay, Week};

/// Per match to plan (indexed by [`MatchId`]), its penalties when placed, `None` when unplaced.
///
/// A term between two weeks of a team (S4), two simultaneous matches (S6) or two legs (S8) is split
/// in halves between the two sides, and a team's half of S4 in a week between its matches of that
/// week; so the breakdowns of all matches add up to [`super::evaluate`]'s penalties, term by term.
pub fn match_penalties(problem: &Problem, schedule: &Schedule) -> Vec<Option<PenaltyBreakdown>> {
    let mut out: Vec<Option<PenaltyBreakdown>> = vec![None; problem.matches.len()];
    let mut team_weeks: BTreeMap<TeamId, BTreeMap<Week, Vec<MatchId>>> = BTreeMap::new();
    let mut at_time: BTreeMap<(Week, TimeOfDay), Vec<MatchId>> = BTreeMap::new();
    let placed: Vec<_> = schedule.placed().filter(|(id, _)| id.index() < problem.matches.len()).collect();
    for &(id, p) in &placed {
        let m = problem.match_(id);
        out[id.index()] = Some(PenaltyBreakdown {
            preferred_time: terms::preferred_time(problem, id, p.time),
            venue_preference: terms::venue_preference(problem, id, p.venue),
            venue_level: terms::venue_level(problem, id, p.venue),
            compaction: terms::compaction(problem, p.week),
            temporal: terms::temporal(problem, id, p.week),
            ..PenaltyBreakdown::default()
        });
        for team in [m.home, m.away] {
            team_weeks.entry(team).or_default().entry(p.week).or_default().push(id);
        }
        at_time.entry((p.week, p.time)).or_default().push(id);
    }
    let mut add = |id: MatchId, value: f64, term: fn(&mut PenaltyBreakdown) -> &mut f64| {
        if let Some(b) = out[id.index()].as_mut() {
            *term(b) += value;
        }
    };
    for weeks in team_weeks.values() {
        let list: Vec<(&Week, &Vec<MatchId>)> = weeks.iter().collect();
        for (i, (a, in_a)) in list.iter().enumerate() {
            for (b, in_b) in &list[i + 1..] {
                let half = terms::rest_spacing(problem, **a, **b) / 2.0;
                for (ids, share) in [(in_a, half), (in_b, half)] {
                    for id in ids.iter() {
                        add(*id, share / ids.len() as f64, |b| &mut b.rest_spacing);
                    }
                }
            }
        }
    }
    for &(id, p) in &placed {
        let m = problem.match_(id);
        if m.leg != Leg::First {
            continue;
        }
        if let Some((other, q)) = m.other_leg.and_then(|o| schedule.get(o).map(|q| (o, q))) {
            let half = terms::leg_spacing(problem, p.week, q.week) / 2.0;
            add(id, half, |b| &mut b.home_away);
            add(other, half, |b| &mut b.home_away);
        }
    }
    if let Some(weight) = problem.settings.overlap_penalty {
        for group in at_time.values() {
            for (i, a) in group.iter().enumerate() {
                for b in &group[i + 1..] {
                    let (ma, mb) = (problem.match_(*a), problem.match_(*b));
                    if terms::overlapping(problem, [ma.home, ma.away], [mb.home, mb.away]) {
                        let half = weight.max(0) as f64 / 2.0;
                        add(*a, half, |b| &mut b.overlap);
                        add(*b, half, |b| &mut b.overlap);
                    }
                }
            }
        }
    }
    out
}
