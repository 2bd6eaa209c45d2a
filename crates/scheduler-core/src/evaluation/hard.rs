//! Hard rules H1–H9 (H10 holds by the schedule's shape).

use std::collections::BTreeMap;

use super::{HardRule, HardViolation, MatchRef};
use crate::{Problem, Schedule, TeamId, TimeOfDay, VenueId, Week};

/// One match of the calendar with its place, fixed or planned.
#[derive(Debug, Clone, Copy)]
struct Entry {
    who: MatchRef,
    home: TeamId,
    away: TeamId,
    week: Week,
    time: TimeOfDay,
    venue: VenueId,
}

fn entries(problem: &Problem, schedule: &Schedule, with_planned: bool) -> Vec<Entry> {
    let mut out: Vec<Entry> = problem
        .fixed_ids()
        .map(|id| {
            let f = &problem.fixed[id.index()];
            Entry {
                who: MatchRef::Fixed(id),
                home: f.home,
                away: f.away,
                week: f.week,
                time: f.time,
                venue: f.venue,
            }
        })
        .collect();
    if with_planned {
        out.extend(schedule.placed().map(|(id, p)| {
            let m = problem.match_(id);
            Entry {
                who: MatchRef::Planned(id),
                home: m.home,
                away: m.away,
                week: p.week,
                time: p.time,
                venue: p.venue,
            }
        }));
    }
    out
}

fn describe(problem: &Problem, who: MatchRef) -> String {
    match who {
        MatchRef::Planned(id) => problem.describe_match(id),
        MatchRef::Fixed(id) => problem.describe_fixed(id),
    }
}

fn violation(rule: HardRule, entries: &[&Entry], with_place: bool, message: String) -> HardViolation {
    let first = entries[0];
    HardViolation {
        rule,
        matches: entries.iter().map(|e| e.who).collect(),
        week: first.week,
        time: with_place.then_some(first.time),
        venue: with_place.then_some(first.venue),
        message,
    }
}

/// Rules a single match breaks by where it is. Fixed matches are not checked against H7 or H9.
fn single_checks(problem: &Problem, e: &Entry, out: &mut Vec<HardViolation>) {
    let planned = matches!(e.who, MatchRef::Planned(_));
    let name = describe(problem, e.who);
    let venue = &problem.venue(e.venue).name;
    let place = format!("{} {} at {venue}", e.week, e.time);
    if !problem.calendar.is_open(e.week) {
        out.push(violation(
            HardRule::H8,
            &[e],
            true,
            format!("{name} is in {}, which is blocked or outside the season", e.week),
        ));
        return;
    }
    if planned && e.week.0 < problem.calendar.first_plannable_week {
        out.push(violation(
            HardRule::H7,
            &[e],
            true,
            format!(
                "{name} is in {}, before the first plannable week {}",
                e.week, problem.calendar.first_plannable_week
            ),
        ));
    }
    if !problem.venue_offers(e.venue, e.time) {
        out.push(violation(
            HardRule::H2,
            &[e],
            true,
            format!("{name}: {venue} offers no slot at {}", e.time),
        ));
    } else if problem.venue_courts(e.venue, e.week, e.time) == 0 {
        out.push(violation(HardRule::H2, &[e], true, format!("{name}: {venue} is closed in {place}")));
    }
    for team in [e.home, e.away] {
        if !problem.team_can_play(team, e.week, e.time, e.venue) {
            out.push(violation(
                HardRule::H3,
                &[e],
                true,
                format!("{name}: {} is not available in {place}", problem.team(team).label()),
            ));
        }
    }
    if !problem.obligation_met(e.venue, e.home, e.away) {
        let institution =
            problem.venue(e.venue).required_institution.map(|i| problem.institution_name(i)).unwrap_or("");
        out.push(violation(
            HardRule::H6,
            &[e],
            true,
            format!("{name}: every match at {venue} must involve a team of {institution}"),
        ));
    }
    if let MatchRef::Planned(id) = e.who {
        if !problem.temporal_allows(id, e.week) {
            out.push(violation(
                HardRule::H9,
                &[e],
                true,
                format!("{name} breaks a temporal constraint in {}", e.week),
            ));
        }
    }
}

/// Rules about several matches together (H1, H4, H5). A group breaks them only if it holds a planned
/// match when `planned_only` is true, and only fixed matches otherwise.
fn group_checks(problem: &Problem, entries: &[Entry], planned_groups: bool, out: &mut Vec<HardViolation>) {
    let counts = |group: &[&Entry]| {
        let planned = group.iter().filter(|e| matches!(e.who, MatchRef::Planned(_))).count();
        (planned, group.len() - planned)
    };
    let wanted = |planned: usize| if planned_groups { planned > 0 } else { planned == 0 };

    let mut by_slot: BTreeMap<(Week, VenueId, TimeOfDay), Vec<&Entry>> = BTreeMap::new();
    let mut by_team_time: BTreeMap<(TeamId, Week, TimeOfDay), Vec<&Entry>> = BTreeMap::new();
    let mut by_team_week: BTreeMap<(TeamId, Week), Vec<&Entry>> = BTreeMap::new();
    for e in entries {
        by_slot.entry((e.week, e.venue, e.time)).or_default().push(e);
        for team in [e.home, e.away] {
            by_team_time.entry((team, e.week, e.time)).or_default().push(e);
            by_team_week.entry((team, e.week)).or_default().push(e);
        }
    }
    for ((week, venue, time), group) in &by_slot {
        let (planned, _) = counts(group);
        // Off-grid times (fixed matches at 15:30…) still have the venue's courts; closed slots are
        // reported once per match as H2.
        let courts = if problem.venue_offers(*venue, *time) {
            problem.venue_courts(*venue, *week, *time)
        } else {
            problem.venue(*venue).courts
        } as usize;
        if wanted(planned) && courts > 0 && group.len() > courts {
            out.push(violation(
                HardRule::H1,
                group,
                true,
                format!(
                    "{} matches in {week} {time} at {}, which has {courts} free court(s)",
                    group.len(),
                    problem.venue(*venue).name
                ),
            ));
        }
    }
    for ((team, week, time), group) in &by_team_time {
        let (planned, _) = counts(group);
        if wanted(planned) && group.len() > 1 {
            out.push(violation(
                HardRule::H4,
                group,
                false,
                format!("{} plays {} matches at {time} in {week}", problem.team(*team).label(), group.len()),
            ));
        }
    }
    let limit = problem.settings.max_matches_per_team_per_week as usize;
    for ((team, week), group) in &by_team_week {
        let (planned, _) = counts(group);
        if wanted(planned) && group.len() > limit {
            out.push(violation(
                HardRule::H5,
                group,
                false,
                format!(
                    "{} plays {} matches in {week} (at most {limit})",
                    problem.team(*team).label(),
                    group.len()
                ),
            ));
        }
    }
}

/// Hard rules broken by the placed matches, alone or together with fixed matches.
pub(super) fn violations(problem: &Problem, schedule: &Schedule) -> Vec<HardViolation> {
    let all = entries(problem, schedule, true);
    let mut out = Vec::new();
    for e in all.iter().filter(|e| matches!(e.who, MatchRef::Planned(_))) {
        single_checks(problem, e, &mut out);
    }
    group_checks(problem, &all, true, &mut out);
    out
}

/// Hard rules broken by fixed matches alone.
pub(super) fn fixed_problems(problem: &Problem) -> Vec<HardViolation> {
    let fixed = entries(problem, &Schedule::default(), false);
    let mut out = Vec::new();
    for e in &fixed {
        single_checks(problem, e, &mut out);
    }
    group_checks(problem, &fixed, false, &mut out);
    out
}
