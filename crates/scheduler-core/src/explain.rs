//! Why a match is not placed, computed from the rules.
//!
//! For every week of the season, [`Explainer::explain`] says what keeps a match out: the week is before
//! the first plannable week or blocked, a hard temporal constraint forbids it, a team (or its
//! institution) is unavailable, a team already plays its matches of the week (which fixed or placed
//! match), or — time by time and venue by venue — venues are closed, full, reserved by a presence
//! obligation, too early for a team, or a team plays elsewhere at that time. The weeks are summed up in
//! one English sentence ([`Explanation::summary`]) and kept in detail ([`WeekDiagnosis`], [`Blocker`]).
//!
//! The explanation reads the rules the evaluator and the slot grid apply (`Problem::team_can_play`,
//! `Problem::obligation_met`, `Problem::temporal_allows`, `Problem::venue_courts`, the weekly limit
//! with fixed and placed matches): the slots it finds free are exactly the grid's candidates that no
//! other match of the schedule takes (tested).

mod blocker;
mod summary;

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

pub use blocker::{Blocker, Occupant, TeamRef, VenueRef};
pub use summary::weeks_text;

use crate::evaluation::MatchRef;
use crate::{MatchId, Problem, Schedule, TeamId, TimeOfDay, VenueId, Week};

/// Why one match is (or would be) left out.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Explanation {
    /// The match.
    pub match_id: MatchId,
    /// One sentence: the verdict and what blocks each plannable week.
    pub summary: String,
    /// Every week of the season, in order.
    pub weeks: Vec<WeekDiagnosis>,
}

impl Explanation {
    /// Weeks where the match could go now (some slot is free).
    pub fn open_weeks(&self) -> impl Iterator<Item = Week> + '_ {
        self.weeks.iter().filter(|w| w.free_slots > 0).map(|w| w.week)
    }

    /// Plannable weeks where neither team is unavailable all week nor already plays its matches of
    /// the week.
    pub fn weeks_free_for_both_teams(&self) -> impl Iterator<Item = Week> + '_ {
        self.weeks.iter().filter(|w| w.free_for_both_teams).map(|w| w.week)
    }

    /// Slots (week, time, venue) where the match could be placed now.
    pub fn free_slots(&self) -> usize {
        self.weeks.iter().map(|w| w.free_slots).sum()
    }
}

/// What keeps a match out of one week.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WeekDiagnosis {
    /// The week.
    pub week: Week,
    /// Plannable, and both teams can play some time of it and have not used their weekly limit.
    pub free_for_both_teams: bool,
    /// Slots (time, venue) of the week where the match could be placed now, every rule checked.
    pub free_slots: usize,
    /// What blocks the week; empty when a slot is free. Whole-week blockers (week not plannable,
    /// temporal constraint, team unavailable or at its weekly limit) come alone; otherwise what blocks
    /// each (time, venue), the first rule per slot in the order: presence obligation, venue closed,
    /// team unavailable at that time, earliest time, team playing at that time, venue full.
    pub blockers: Vec<Blocker>,
}

/// One match of the calendar where it is.
#[derive(Debug, Clone, Copy)]
struct Entry {
    who: MatchRef,
    time: TimeOfDay,
    venue: VenueId,
}

/// Explains matches of one schedule; build it once and ask for as many matches as needed.
#[derive(Debug)]
pub struct Explainer<'a> {
    problem: &'a Problem,
    by_team_week: HashMap<(TeamId, Week), Vec<Entry>>,
    by_slot: HashMap<(Week, VenueId, TimeOfDay), Vec<Entry>>,
    /// Every weekly time of every venue, sorted.
    times: Vec<TimeOfDay>,
}

/// Why a slot (time, venue) of an open week cannot take the match: the first rule that refuses it.
#[derive(Debug, Clone)]
enum SlotRefusal {
    Obligation,
    Closed,
    Unavailable(TeamId),
    Earliest(TeamId, TimeOfDay),
    Busy(TeamId, Vec<Entry>),
    Full(Vec<Entry>),
}

impl PartialEq for Entry {
    fn eq(&self, other: &Self) -> bool {
        self.who == other.who
    }
}

impl<'a> Explainer<'a> {
    /// Indexes where every fixed match and every placed match of `schedule` is.
    pub fn new(problem: &'a Problem, schedule: &Schedule) -> Self {
        let mut by_team_week: HashMap<(TeamId, Week), Vec<Entry>> = HashMap::new();
        let mut by_slot: HashMap<(Week, VenueId, TimeOfDay), Vec<Entry>> = HashMap::new();
        let fixed = problem.fixed_ids().map(|id| {
            let f = &problem.fixed[id.index()];
            (MatchRef::Fixed(id), f.home, f.away, f.week, f.time, f.venue)
        });
        let placed = schedule.placed().filter(|(id, _)| id.index() < problem.matches.len()).map(|(id, p)| {
            let m = problem.match_(id);
            (MatchRef::Planned(id), m.home, m.away, p.week, p.time, p.venue)
        });
        for (who, home, away, week, time, venue) in fixed.chain(placed) {
            let entry = Entry { who, time, venue };
            by_slot.entry((week, venue, time)).or_default().push(entry);
            for team in [home, away] {
                by_team_week.entry((team, week)).or_default().push(entry);
            }
        }
        let mut times: Vec<TimeOfDay> = problem.venues.iter().flat_map(|v| v.times.iter().copied()).collect();
        times.sort();
        times.dedup();
        Self { problem, by_team_week, by_slot, times }
    }

    /// Why `id` is not placed: every week of the season. The match's own placement, if any, is ignored.
    pub fn explain(&self, id: MatchId) -> Explanation {
        let weeks: Vec<WeekDiagnosis> =
            (1..=self.problem.calendar.weeks).map(|w| self.week(id, Week(w))).collect();
        let summary = summary::summary(self.problem, id, &weeks, |team| self.room(team));
        Explanation { match_id: id, summary, weeks }
    }

    fn team_ref(&self, team: TeamId) -> TeamRef {
        TeamRef { id: team, label: self.problem.team(team).label() }
    }

    fn venue_ref(&self, venue: VenueId) -> VenueRef {
        VenueRef { id: venue, name: self.problem.venue(venue).name.clone() }
    }

    fn occupant(&self, entry: &Entry) -> Occupant {
        let label = match entry.who {
            MatchRef::Planned(id) => self.problem.describe_match(id),
            MatchRef::Fixed(id) => {
                let f = &self.problem.fixed[id.index()];
                let what = match (f.pool, &f.competition) {
                    (Some(pool), _) => self.problem.pools[pool.index()].code.clone(),
                    (None, Some(competition)) => competition.clone(),
                    (None, None) => "fixed".into(),
                };
                format!(
                    "{} – {} ({what})",
                    self.problem.team(f.home).label(),
                    self.problem.team(f.away).label()
                )
            }
        };
        Occupant {
            id: entry.who,
            fixed: matches!(entry.who, MatchRef::Fixed(_)),
            label,
            time: entry.time,
            venue: self.problem.venue(entry.venue).name.clone(),
        }
    }

    /// Matches of `team` in `week`, other than `id`.
    fn team_week(&self, team: TeamId, week: Week, id: MatchId) -> Vec<Entry> {
        self.by_team_week
            .get(&(team, week))
            .map(|list| list.iter().filter(|e| e.who != MatchRef::Planned(id)).copied().collect())
            .unwrap_or_default()
    }

    /// Whether an unavailability of `team` in `week` covers `time`; `Some(true)` when only its
    /// institution's do.
    fn unavailable_at(&self, team: TeamId, week: Week, time: TimeOfDay) -> Option<bool> {
        let t = self.problem.team(team);
        let covers =
            |list: &[(Week, crate::TimeRange)]| list.iter().any(|(w, r)| *w == week && r.contains(time));
        if !covers(&t.unavailable) {
            return None;
        }
        let own_covers = t
            .unavailable
            .iter()
            .filter(|entry| !t.institution_unavailable.contains(entry))
            .any(|(w, r)| *w == week && r.contains(time));
        Some(!own_covers)
    }

    fn institution_of(&self, team: TeamId) -> String {
        self.problem.institution_name(self.problem.team(team).institution).to_string()
    }

    /// Matches `team` may still play in the plannable weeks it is available in, fixed matches counted.
    fn room(&self, team: TeamId) -> u32 {
        let limit = self.problem.settings.max_matches_per_team_per_week;
        self.problem
            .calendar
            .plannable_weeks()
            .filter(|w| self.times.iter().any(|t| self.unavailable_at(team, *w, *t).is_none()))
            .map(|w| {
                let fixed = self
                    .by_team_week
                    .get(&(team, w))
                    .map_or(0, |list| list.iter().filter(|e| matches!(e.who, MatchRef::Fixed(_))).count());
                limit.saturating_sub(u32::try_from(fixed).unwrap_or(u32::MAX))
            })
            .sum()
    }

    fn week(&self, id: MatchId, week: Week) -> WeekDiagnosis {
        let problem = self.problem;
        let calendar = &problem.calendar;
        let closed = |blockers| WeekDiagnosis { week, free_for_both_teams: false, free_slots: 0, blockers };
        let mut blockers = Vec::new();
        if week.0 < calendar.first_plannable_week {
            blockers.push(Blocker::BeforeFirstPlannableWeek {
                first_plannable_week: calendar.first_plannable_week,
            });
        }
        if !calendar.is_open(week) {
            blockers.push(Blocker::BlockedWeek);
        }
        if !blockers.is_empty() {
            return closed(blockers);
        }

        let m = problem.match_(id);
        if !problem.temporal_allows(id, week) {
            for (kind, limit) in &m.temporal {
                if !kind.allows(week.0, *limit) {
                    blockers.push(Blocker::TemporalConstraint { side: *kind, limit: *limit });
                }
            }
        }
        let limit = problem.settings.max_matches_per_team_per_week;
        let mut teams_free = true;
        for team in [m.home, m.away] {
            let unavailable: Vec<Option<bool>> =
                self.times.iter().map(|t| self.unavailable_at(team, week, *t)).collect();
            if !self.times.is_empty() && unavailable.iter().all(Option::is_some) {
                let institution =
                    unavailable.iter().all(|u| *u == Some(true)).then(|| self.institution_of(team));
                blockers.push(Blocker::TeamUnavailable {
                    team: self.team_ref(team),
                    institution,
                    whole_week: true,
                    times: Vec::new(),
                });
                teams_free = false;
            }
            let playing = self.team_week(team, week, id);
            if playing.len() >= limit as usize {
                blockers.push(Blocker::WeeklyLimitReached {
                    team: self.team_ref(team),
                    limit,
                    matches: playing.iter().map(|e| self.occupant(e)).collect(),
                });
                teams_free = false;
            }
        }
        if !blockers.is_empty() {
            return WeekDiagnosis { week, free_for_both_teams: teams_free, free_slots: 0, blockers };
        }

        // Slot by slot.
        let mut refusals: Vec<(VenueId, TimeOfDay, SlotRefusal)> = Vec::new();
        let mut free_slots = 0;
        for (v, venue) in problem.venues.iter().enumerate() {
            let venue_id = VenueId::from_index(v);
            for &time in &venue.times {
                match self.refusal(id, week, time, venue_id) {
                    Some(refusal) => refusals.push((venue_id, time, refusal)),
                    None => free_slots += 1,
                }
            }
        }
        if free_slots > 0 {
            return WeekDiagnosis { week, free_for_both_teams: true, free_slots, blockers };
        }
        if refusals.is_empty() {
            return WeekDiagnosis {
                week,
                free_for_both_teams: true,
                free_slots,
                blockers: vec![Blocker::NoVenueTime],
            };
        }
        WeekDiagnosis {
            week,
            free_for_both_teams: true,
            free_slots,
            blockers: self.group(id, week, refusals),
        }
    }

    fn refusal(&self, id: MatchId, week: Week, time: TimeOfDay, venue: VenueId) -> Option<SlotRefusal> {
        let problem = self.problem;
        let m = problem.match_(id);
        if !problem.obligation_met(venue, m.home, m.away) {
            return Some(SlotRefusal::Obligation);
        }
        let courts = problem.venue_courts(venue, week, time);
        if courts == 0 {
            return Some(SlotRefusal::Closed);
        }
        for team in [m.home, m.away] {
            if self.unavailable_at(team, week, time).is_some() {
                return Some(SlotRefusal::Unavailable(team));
            }
        }
        for team in [m.home, m.away] {
            if let Some((_, earliest)) =
                problem.team(team).earliest.iter().find(|(v, earliest)| *v == venue && time < *earliest)
            {
                return Some(SlotRefusal::Earliest(team, *earliest));
            }
        }
        for team in [m.home, m.away] {
            let at_time: Vec<Entry> =
                self.team_week(team, week, id).into_iter().filter(|e| e.time == time).collect();
            if !at_time.is_empty() {
                return Some(SlotRefusal::Busy(team, at_time));
            }
        }
        let taken: Vec<Entry> = self
            .by_slot
            .get(&(week, venue, time))
            .map(|list| list.iter().filter(|e| e.who != MatchRef::Planned(id)).copied().collect())
            .unwrap_or_default();
        if taken.len() >= courts as usize {
            return Some(SlotRefusal::Full(taken));
        }
        None
    }

    /// One blocker per rule and team or venue, in a stable order.
    fn group(
        &self,
        id: MatchId,
        week: Week,
        refusals: Vec<(VenueId, TimeOfDay, SlotRefusal)>,
    ) -> Vec<Blocker> {
        let problem = self.problem;
        let m = problem.match_(id);
        let mut obligations: Vec<VenueId> = Vec::new();
        let mut closed: Vec<(VenueId, Vec<TimeOfDay>)> = Vec::new();
        let mut unavailable: Vec<(TeamId, Vec<TimeOfDay>)> = Vec::new();
        let mut earliest: Vec<(TeamId, VenueId, TimeOfDay)> = Vec::new();
        let mut busy: Vec<(TeamId, Vec<Entry>)> = Vec::new();
        let mut full: Vec<(VenueId, Vec<TimeOfDay>, Vec<Entry>)> = Vec::new();
        fn add<K: PartialEq, V>(list: &mut Vec<(K, Vec<V>)>, key: K, value: V) {
            match list.iter_mut().find(|(k, _)| *k == key) {
                Some((_, values)) => values.push(value),
                None => list.push((key, vec![value])),
            }
        }
        for (venue, time, refusal) in refusals {
            match refusal {
                SlotRefusal::Obligation => {
                    if !obligations.contains(&venue) {
                        obligations.push(venue);
                    }
                }
                SlotRefusal::Closed => add(&mut closed, venue, time),
                SlotRefusal::Unavailable(team) => add(&mut unavailable, team, time),
                SlotRefusal::Earliest(team, at) => {
                    if !earliest.contains(&(team, venue, at)) {
                        earliest.push((team, venue, at));
                    }
                }
                SlotRefusal::Busy(team, entries) => {
                    for entry in entries {
                        add(&mut busy, team, entry);
                    }
                }
                SlotRefusal::Full(entries) => match full.iter_mut().find(|(v, _, _)| *v == venue) {
                    Some((_, times, list)) => {
                        times.push(time);
                        list.extend(entries);
                    }
                    None => full.push((venue, vec![time], entries)),
                },
            }
        }
        let mut blockers = Vec::new();
        for venue in obligations {
            let institution = problem.venue(venue).required_institution.map(|i| problem.institution_name(i));
            blockers.push(Blocker::PresenceObligation {
                venue: self.venue_ref(venue),
                institution: institution.unwrap_or_default().to_string(),
            });
        }
        for (venue, times) in closed {
            let all_times = times.len() == problem.venue(venue).times.len();
            blockers.push(Blocker::VenueClosed { venue: self.venue_ref(venue), all_times, times });
        }
        for team in [m.home, m.away] {
            if let Some((_, times)) = unavailable.iter().find(|(t, _)| *t == team) {
                let institutional = times.iter().all(|t| self.unavailable_at(team, week, *t) == Some(true));
                let mut times = times.clone();
                times.sort();
                times.dedup();
                blockers.push(Blocker::TeamUnavailable {
                    team: self.team_ref(team),
                    institution: institutional.then(|| self.institution_of(team)),
                    whole_week: false,
                    times,
                });
            }
        }
        for (team, venue, at) in earliest {
            blockers.push(Blocker::EarliestTime {
                team: self.team_ref(team),
                venue: self.venue_ref(venue),
                earliest: at,
            });
        }
        for (team, entries) in busy {
            let entries = unique(entries);
            blockers.push(Blocker::TeamBusy {
                team: self.team_ref(team),
                matches: entries.iter().map(|e| self.occupant(e)).collect(),
            });
        }
        for (venue, times, entries) in full {
            let all_times = times.len() == problem.venue(venue).times.len();
            let entries = unique(entries);
            blockers.push(Blocker::VenueFull {
                venue: self.venue_ref(venue),
                all_times,
                times,
                matches: entries.iter().map(|e| self.occupant(e)).collect(),
            });
        }
        blockers
    }
}

/// `entries` without repeats, in first-seen order.
fn unique(entries: Vec<Entry>) -> Vec<Entry> {
    let mut out: Vec<Entry> = Vec::with_capacity(entries.len());
    for entry in entries {
        if !out.contains(&entry) {
            out.push(entry);
        }
    }
    out
}

/// Why `id` is not placed in `schedule` (see [`Explainer`]).
pub fn explain(problem: &Problem, schedule: &Schedule, id: MatchId) -> Explanation {
    Explainer::new(problem, schedule).explain(id)
}

/// The explanation of every match `schedule` leaves unplaced, in match order.
pub fn explain_unplaced(problem: &Problem, schedule: &Schedule) -> Vec<Explanation> {
    let explainer = Explainer::new(problem, schedule);
    problem.match_ids().filter(|id| schedule.get(*id).is_none()).map(|id| explainer.explain(id)).collect()
}
