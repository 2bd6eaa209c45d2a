//! The one-sentence summary of an explanation.

use super::{Blocker, WeekDiagnosis};
use crate::{MatchId, Problem, TeamId};

/// Weeks as `3, 5–7, 9` (sorted, without repeats).
pub fn weeks_text(weeks: impl IntoIterator<Item = u16>) -> String {
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

/// `week 9` or `weeks 5–8, 13`.
fn weeks_label(weeks: &[u16]) -> String {
    match weeks {
        [one] => format!("week {one}"),
        _ => format!("weeks {}", weeks_text(weeks.iter().copied())),
    }
}

/// The verdict, then what blocks each plannable week (weeks with the same blockers together).
pub(super) fn summary(
    problem: &Problem,
    id: MatchId,
    weeks: &[WeekDiagnosis],
    room: impl Fn(TeamId) -> u32,
) -> String {
    let m = problem.match_(id);
    let calendar = &problem.calendar;
    let plannable: Vec<&WeekDiagnosis> = weeks.iter().filter(|d| calendar.is_plannable(d.week)).collect();
    let open: Vec<u16> = plannable.iter().filter(|d| d.free_slots > 0).map(|d| d.week.0).collect();
    let reason = if plannable.is_empty() {
        let blocked = if calendar.blocked_weeks.is_empty() {
            String::new()
        } else {
            format!(", blocked weeks {}", weeks_text(calendar.blocked_weeks.iter().copied()))
        };
        format!(
            "no plannable week: the first plannable week is {} of {}{blocked}",
            calendar.first_plannable_week, calendar.weeks
        )
    } else if !open.is_empty() {
        let slots: usize = plannable.iter().map(|d| d.free_slots).sum();
        let place = format!(
            "{slots} possible slot{} still free in {}",
            if slots == 1 { " is" } else { "s are" },
            weeks_label(&open)
        );
        if m.entente {
            format!("{place}: as an optional entente match it stays out when its penalties would exceed its reward")
        } else {
            format!(
                "{place}: the solver stopped before placing it (a longer time limit or another strategy may \
                 place it)"
            )
        }
    } else {
        let headline = overloaded(problem, id, &plannable, room)
            .unwrap_or_else(|| "no plannable week has room for it".to_string());
        let mut groups: Vec<(String, Vec<u16>)> = Vec::new();
        for d in &plannable {
            let text = week_phrase(&d.blockers);
            match groups.iter_mut().find(|(t, _)| *t == text) {
                Some((_, weeks)) => weeks.push(d.week.0),
                None => groups.push((text, vec![d.week.0])),
            }
        }
        let clauses: Vec<String> =
            groups.iter().map(|(text, weeks)| format!("in {} {text}", weeks_label(weeks))).collect();
        format!("{headline}: {}", clauses.join("; "))
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

/// The blockers of one week in a few words: team blockers as they are, venues grouped
/// (`BESSON/LAENNEC full, LYON 2 HC closed, ECL/ESA reserved`).
fn week_phrase(blockers: &[Blocker]) -> String {
    let mut parts: Vec<String> = Vec::new();
    let (mut full, mut closed, mut reserved): (Vec<&str>, Vec<&str>, Vec<&str>) = (vec![], vec![], vec![]);
    for blocker in blockers {
        match blocker {
            Blocker::VenueFull { venue, .. } => full.push(&venue.name),
            Blocker::VenueClosed { venue, .. } => closed.push(&venue.name),
            Blocker::PresenceObligation { venue, .. } => reserved.push(&venue.name),
            other => parts.push(other.short()),
        }
    }
    for (venues, what) in [(full, "full"), (closed, "closed"), (reserved, "reserved to other institutions")] {
        if !venues.is_empty() {
            parts.push(format!("{} {what}", venues.join("/")));
        }
    }
    parts.join(", ")
}

/// A team whose other matches fill its weeks and that has more matches than room.
fn overloaded(
    problem: &Problem,
    id: MatchId,
    plannable: &[&WeekDiagnosis],
    room: impl Fn(TeamId) -> u32,
) -> Option<String> {
    let m = problem.match_(id);
    [m.home, m.away].into_iter().find_map(|team| {
        let filled = plannable.iter().any(|d| {
            d.blockers.iter().any(|b| matches!(b, Blocker::WeeklyLimitReached { team: t, .. } if t.id == team))
        });
        let matches = problem.matches.iter().filter(|o| o.home == team || o.away == team).count();
        let room = room(team) as usize;
        (filled && matches > room).then(|| {
            format!(
                "{} has {matches} matches to plan but room for only {room} in the plannable weeks it can play",
                problem.team(team).label(),
            )
        })
    })
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
