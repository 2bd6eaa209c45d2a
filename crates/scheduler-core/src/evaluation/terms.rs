//! The penalty of one term for one placement, shared by the evaluator, the slot grid and every solver
//! so that all of them agree to the unit.

use crate::spec::VenueLevel;
use crate::{MatchId, Problem, TimeOfDay, VenueId, Week};

/// S1: distance to the teams' preferred times (spec §8.2, full distance once out of tolerance).
pub fn preferred_time(problem: &Problem, id: MatchId, time: TimeOfDay) -> f64 {
    let weights = &problem.settings.preferred_time;
    let m = problem.match_(id);
    let mut out_of_tolerance = [(0.0_f64, false); 2];
    let mut count = 0;
    for team in [m.home, m.away] {
        let Some(preferred) = problem.team(team).preferred_time else { continue };
        let distance = f64::from(time.distance(preferred));
        if distance > weights.tolerance {
            out_of_tolerance[count] = (distance, time < preferred);
            count += 1;
        }
    }
    let early = out_of_tolerance[..count].iter().filter(|(_, before)| *before).count();
    let multiplier = match early {
        2 => weights.before_both,
        1 => weights.before_one,
        _ => weights.after,
    };
    out_of_tolerance[..count].iter().map(|(d, _)| multiplier * (d / weights.divisor).powi(2)).sum()
}

/// S2: the constant cost of a placement minus the teams' bonuses for this venue.
pub fn venue_preference(problem: &Problem, id: MatchId, venue: VenueId) -> f64 {
    let bonuses = &problem.settings.venue_preference_bonus;
    if bonuses.is_empty() {
        return 0.0;
    }
    let m = problem.match_(id);
    let bonus: i64 = [m.home, m.away]
        .iter()
        .filter_map(|team| {
            let rank = problem.team(*team).preferred_venues.iter().position(|v| *v == Some(venue))?;
            bonuses.get(rank).copied()
        })
        .sum();
    (problem.settings.venue_preference_base() - bonus) as f64
}

/// S3: the match level against the venue level (negative values reward).
pub fn venue_level(problem: &Problem, id: MatchId, venue: VenueId) -> f64 {
    let Some(level) = problem.pools[problem.match_(id).pool.index()].level else { return 0.0 };
    let list = match problem.venue(venue).level {
        Some(VenueLevel::High) => &problem.settings.venue_level_penalty_high,
        Some(VenueLevel::Low) => &problem.settings.venue_level_penalty_low,
        None => return 0.0,
    };
    list.get(level).copied().unwrap_or(0) as f64
}

/// S5: the later the week, the higher.
pub fn compaction(problem: &Problem, week: Week) -> f64 {
    problem.settings.compaction_penalty(week.0) as f64
}

/// S7: each soft temporal constraint the week breaks.
pub fn temporal(problem: &Problem, id: MatchId, week: Week) -> f64 {
    let settings = &problem.settings.temporal;
    if !settings.active || settings.hard {
        return 0.0;
    }
    let broken =
        problem.match_(id).temporal.iter().filter(|(kind, limit)| !kind.allows(week.0, *limit)).count();
    (broken as i64 * settings.penalty) as f64
}

/// S4 between two weeks a team plays in.
pub fn rest_spacing(problem: &Problem, a: Week, b: Week) -> f64 {
    if a == b {
        return 0.0;
    }
    let rest = a.0.abs_diff(b.0) - 1;
    problem.settings.rest_penalty(rest) as f64
}

/// S8 between the two legs of a pairing.
pub fn leg_spacing(problem: &Problem, a: Week, b: Week) -> f64 {
    let Some(weights) = problem.settings.home_away else { return 0.0 };
    match a.0.abs_diff(b.0) {
        0 => weights.same_week.max(0) as f64,
        1 => weights.consecutive_weeks.max(0) as f64,
        _ => 0.0,
    }
}

/// Every term that depends on one placement alone (S1 + S2 + S3 + S5 + S7).
pub fn placement_cost(problem: &Problem, id: MatchId, week: Week, time: TimeOfDay, venue: VenueId) -> f64 {
    preferred_time(problem, id, time)
        + venue_preference(problem, id, venue)
        + venue_level(problem, id, venue)
        + compaction(problem, week)
        + temporal(problem, id, week)
}

/// S6: whether two matches at the same week and time involve a shared institution (no group set up)
/// or members of one non-simultaneity group each.
pub fn overlapping(problem: &Problem, a: [crate::TeamId; 2], b: [crate::TeamId; 2]) -> bool {
    let institutions = |teams: [crate::TeamId; 2]| teams.map(|t| problem.team(t).institution);
    let (ia, ib) = (institutions(a), institutions(b));
    if problem.groups.is_empty() {
        return ia.iter().any(|i| ib.contains(i));
    }
    problem.groups.iter().any(|group| {
        let touches = |teams: &[crate::TeamId; 2], insts: &[crate::InstitutionId; 2]| {
            teams.iter().any(|t| group.teams.contains(t))
                || insts.iter().any(|i| group.institutions.contains(i))
        };
        touches(&a, &ia) && touches(&b, &ib)
    })
}
