//! Why a match is left unplaced, in one short sentence computed from the rules.
//!
//! A match without any candidate slot is blocked by a rule that depends on it alone (the first
//! plannable week and blocked weeks, closed or full venues, team unavailability, fixed matches
//! filling a team's week, presence obligations, a hard temporal constraint); one with candidates
//! lost them to other matches.

use std::collections::{HashMap, HashSet};

use scheduler_core::slots::{Slot, SlotGrid};
use scheduler_core::{MatchId, Problem, Schedule, TeamId, TemporalKind, TimeOfDay, Week};

/// Why `id` is not placed in `schedule`.
pub fn unplaced_reason(problem: &Problem, grid: &SlotGrid, schedule: &Schedule, id: MatchId) -> String {
    let m = problem.match_(id);
    let reason = match grid.candidates.get(id.index()) {
        Some(candidates) if !candidates.is_empty() => {
            let slots: Vec<usize> = candidates.iter().map(|c| c.slot).collect();
            crowded(problem, grid, schedule, id, &slots)
        }
        _ => blocked(problem, grid, id),
    };
    if m.entente && !reason.contains("entente") {
        format!(
            "{reason} (entente match: optional, worth {} instead of {})",
            m.reward, problem.settings.match_reward
        )
    } else {
        reason
    }
}

/// Weeks as `3, 5–7, 9`.
fn weeks_text(weeks: impl IntoIterator<Item = u16>) -> String {
    let mut list: Vec<u16> = weeks.into_iter().collect();
    list.sort_unstable();
    list.dedup();
    let mut parts: Vec<String> = Vec::new();
    let mut i = 0;
    while i < list.len() {
        let start = list[i];
        let mut end = start;
        while i + 1 < list.len() && list[i + 1] == end + 1 {
            i += 1;
            end = list[i];
        }
        parts.push(if start == end { start.to_string() } else { format!("{start}–{end}") });
        i += 1;
    }
    parts.join(", ")
}

/// No candidate: which rule that depends on this match alone empties the grid.
fn blocked(problem: &Problem, grid: &SlotGrid, id: MatchId) -> String {
    let calendar = &problem.calendar;
    if grid.weeks.is_empty() {
        let blocked = if calendar.blocked_weeks.is_empty() {
            String::new()
        } else {
            format!(", blocked weeks {}", weeks_text(calendar.blocked_weeks.iter().copied()))
        };
        return format!(
            "no plannable week: the first plannable week is {} of {}{blocked}",
            calendar.first_plannable_week, calendar.weeks
        );
    }
    if grid.slots.is_empty() {
        return format!(
            "no free slot in the plannable weeks ({}): venues are closed or filled by fixed matches",
            weeks_text(grid.weeks.iter().map(|w| w.0))
        );
    }
    let m = problem.match_(id);
    let (home, away) = (m.home, m.away);
    let label = |team: TeamId| problem.team(team).label();

    let mut fixed_at: HashSet<(TeamId, Week, TimeOfDay)> = HashSet::new();
    for f in &problem.fixed {
        fixed_at.insert((f.home, f.week, f.time));
        fixed_at.insert((f.away, f.week, f.time));
    }
    let can_play = |team: TeamId, s: &Slot| problem.team_can_play(team, s.week, s.time, s.venue);
    let has_room = |team: TeamId, s: &Slot| {
        grid.week_budget[team.index()][s.week_index] > 0 && !fixed_at.contains(&(team, s.week, s.time))
    };
    let slots = &grid.slots;
    let count = |test: &dyn Fn(&Slot) -> bool| slots.iter().filter(|s| test(s)).count();

    if count(&|s| problem.temporal_allows(id, s.week)) == 0 {
        let rules: Vec<String> = m
            .temporal
            .iter()
            .map(|(kind, week)| match kind {
                TemporalKind::Before => format!("before week {week}"),
                TemporalKind::After => format!("after week {week}"),
            })
            .collect();
        return format!(
            "its hard temporal constraint ({}) leaves no plannable week ({})",
            rules.join(", "),
            weeks_text(grid.weeks.iter().map(|w| w.0))
        );
    }
    if count(&|s| problem.obligation_met(s.venue, home, away)) == 0 {
        return "presence obligations: every venue with free courts requires a team of another institution"
            .into();
    }
    for team in [home, away] {
        if count(&|s| can_play(team, s)) == 0 {
            return format!("{} is unavailable at every free slot of the plannable weeks", label(team));
        }
        if count(&|s| has_room(team, s)) == 0 {
            return format!(
                "{} already plays its weekly limit of {} in fixed matches in every plannable week",
                label(team),
                problem.settings.max_matches_per_team_per_week
            );
        }
    }
    let available = |s: &Slot| can_play(home, s) && can_play(away, s);
    if count(&available) == 0 {
        let weeks_of = |team: TeamId| {
            weeks_text(slots.iter().filter(|s| can_play(team, s)).map(|s| s.week.0).collect::<Vec<_>>())
        };
        return format!(
            "both teams are never available at the same time: {} can play in weeks {}, {} in weeks {}",
            label(home),
            weeks_of(home),
            label(away),
            weeks_of(away)
        );
    }
    let room = |s: &Slot| has_room(home, s) && has_room(away, s);
    if count(&|s| available(s) && room(s)) == 0 {
        return "whenever both teams are available, one of them already plays a fixed match that week".into();
    }
    if count(&|s| available(s) && problem.obligation_met(s.venue, home, away)) == 0 {
        return "presence obligations: the venues free when both teams are available require a team of \
                another institution"
            .into();
    }
    "no slot meets every rule at once (team availability, fixed matches, presence obligations, temporal \
     constraints)"
        .into()
}

/// Candidates exist: how other matches took them.
fn crowded(problem: &Problem, grid: &SlotGrid, schedule: &Schedule, id: MatchId, slots: &[usize]) -> String {
    let m = problem.match_(id);
    let mut at_slot: HashMap<usize, u32> = HashMap::new();
    let mut team_week: HashMap<(TeamId, Week), u32> = HashMap::new();
    let mut team_time: HashSet<(TeamId, Week, TimeOfDay)> = HashSet::new();
    for (other, p) in schedule.placed() {
        if let Some(slot) = grid.slot_at(p.week, p.venue, p.time) {
            *at_slot.entry(slot).or_default() += 1;
        }
        let o = problem.match_(other);
        for team in [o.home, o.away] {
            *team_week.entry((team, p.week)).or_default() += 1;
            team_time.insert((team, p.week, p.time));
        }
    }
    let (mut full, mut busy, mut free) = (0, 0, 0);
    for &slot in slots {
        let s = &grid.slots[slot];
        let team_busy = [m.home, m.away].iter().any(|team| {
            let used = team_week.get(&(*team, s.week)).copied().unwrap_or(0);
            used >= grid.week_budget[team.index()][s.week_index]
                || team_time.contains(&(*team, s.week, s.time))
        });
        if team_busy {
            busy += 1;
        } else if at_slot.get(&slot).copied().unwrap_or(0) >= s.capacity {
            full += 1;
        } else {
            free += 1;
        }
    }
    let n = slots.len();
    let (possible, still_free) = if n == 1 {
        ("its only possible slot".to_string(), "its only possible slot is still free".to_string())
    } else {
        (format!("its {n} possible slots"), format!("{free} of its {n} possible slots are still free"))
    };
    if free > 0 && m.entente {
        return format!(
            "{still_free}: as an optional entente match it stays out when its penalties would exceed its \
             reward"
        );
    }
    if free > 0 {
        return format!(
            "{still_free}: the solver stopped before placing it (a longer time limit or another strategy \
             may place it)"
        );
    }
    // A team with more matches than room in the plannable weeks cannot play them all.
    for team in [m.home, m.away] {
        let matches = problem.matches.iter().filter(|o| o.home == team || o.away == team).count();
        let room: u32 = grid.week_budget[team.index()].iter().sum();
        if matches > room as usize {
            return format!(
                "{} has {matches} matches to plan but room for only {room} in the plannable weeks (at most {} \
                 a week, fixed matches included): not all of them fit",
                problem.team(team).label(),
                problem.settings.max_matches_per_team_per_week
            );
        }
    }
    format!(
        "every possible slot is taken by other matches or the teams' weekly limit ({possible}: {full} full, \
         {busy} where a team already plays that week)"
    )
}

#[cfg(test)]
mod tests {
    use super::weeks_text;

    #[test]
    fn week_ranges() {
        assert_eq!(weeks_text([5, 6, 7, 9, 13, 12]), "5–7, 9, 12–13");
        assert_eq!(weeks_text([]), "");
        assert_eq!(weeks_text([4]), "4");
    }
}
