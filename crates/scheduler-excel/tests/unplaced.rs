//! `unplaced_reason`: one tiny season per rule that can keep a match out.

use scheduler_core::slots::SlotGrid;
use scheduler_core::{
    Calendar, Entente, FixedMatchSpec, Gender, MatchId, Placement, PresenceObligation, Problem, ProblemSpec,
    Schedule, TeamKey, TeamSpec, TeamUnavailability, TemporalConstraint, TemporalKind, TimeOfDay, TimeRange,
    VenueId, VenueSpec, Week,
};
use scheduler_excel::unplaced_reason;

fn hm(h: u16) -> TimeOfDay {
    TimeOfDay::from_hm(h, 0).expect("valid time")
}

/// `teams` F teams in pool `VBFA1PA` (then the others in `VBFA1PB`), one venue of `courts` courts.
fn season(weeks: u16, pool_a: &[&str], pool_b: &[&str], courts: u32, times: &[u16]) -> ProblemSpec {
    let mut spec = ProblemSpec { calendar: Calendar::new(weeks), ..ProblemSpec::default() };
    for name in pool_a {
        spec.teams.push(TeamSpec::new(*name, Some(Gender::Female), "VBFA1PA"));
    }
    for name in pool_b {
        spec.teams.push(TeamSpec::new(*name, Some(Gender::Female), "VBFA1PB"));
    }
    spec.venues.push(VenueSpec {
        name: "GYM".into(),
        courts,
        times: times.iter().map(|h| hm(*h)).collect(),
        level: None,
    });
    spec
}

fn key(name: &str) -> TeamKey {
    TeamKey::new(name, Some(Gender::Female))
}

fn reason_with(spec: ProblemSpec, placed: &[(usize, u16, u16)], id: usize) -> String {
    let (problem, _) = Problem::new(spec).expect("valid season");
    let mut schedule = Schedule::empty(&problem);
    for (m, week, hour) in placed {
        schedule.set(
            MatchId(*m as u32),
            Some(Placement { week: Week(*week), time: hm(*hour), venue: VenueId(0) }),
        );
    }
    let grid = SlotGrid::new(&problem);
    unplaced_reason(&problem, &grid, &schedule, MatchId(id as u32))
}

fn reason(spec: ProblemSpec) -> String {
    reason_with(spec, &[], 0)
}

#[test]
fn a_team_busy_that_week() {
    // A–B in week 1 and A–C in week 2 leave B–C no week: B plays in week 1, C in week 2.
    let spec = season(2, &["A (1)", "B (1)", "C (1)"], &[], 1, &[20]);
    assert_eq!(
        reason_with(spec, &[(0, 1, 20), (1, 2, 20)], 2),
        "every possible slot is taken by other matches or the teams' weekly limit (its 2 possible slots: 0 full, \
         2 where a team already plays that week)"
    );
}

#[test]
fn a_team_with_more_matches_than_weeks() {
    let spec = season(1, &["A (1)", "B (1)", "C (1)"], &[], 1, &[18, 20]);
    assert_eq!(
        reason_with(spec, &[(0, 1, 18)], 1),
        "A (1) [F] has 2 matches to plan but room for only 1 in the plannable weeks (at most 1 a week, fixed \
         matches included): not all of them fit"
    );
}

#[test]
fn a_full_slot() {
    let spec = season(1, &["A (1)", "B (1)"], &["C (1)", "D (1)"], 1, &[20]);
    assert_eq!(
        reason_with(spec, &[(0, 1, 20)], 1),
        "every possible slot is taken by other matches or the teams' weekly limit (its only possible slot: 1 \
         full, 0 where a team already plays that week)"
    );
}

#[test]
fn a_free_slot_left_by_the_solver() {
    let spec = season(2, &["A (1)", "B (1)"], &[], 1, &[20]);
    assert_eq!(
        reason(spec),
        "2 of its 2 possible slots are still free: the solver stopped before placing it (a longer time limit \
         or another strategy may place it)"
    );
}

#[test]
fn an_optional_entente_match() {
    let mut spec = season(1, &["A (1)", "A (2)"], &[], 1, &[20]);
    spec.ententes.push(Entente { institution_a: "A".into(), institution_b: "A".into(), reward: None });
    assert_eq!(
        reason(spec),
        "its only possible slot is still free: as an optional entente match it stays out when its penalties \
         would exceed its reward"
    );
}

#[test]
fn a_team_never_available() {
    let mut spec = season(2, &["A (1)", "B (1)"], &[], 1, &[20]);
    for week in 1..=2 {
        spec.team_unavailabilities.push(TeamUnavailability {
            team: key("B (1)"),
            week,
            range: TimeRange::AllDay,
        });
    }
    assert_eq!(reason(spec), "B (1) [F] is unavailable at every free slot of the plannable weeks");
}

#[test]
fn teams_never_available_together() {
    let mut spec = season(3, &["A (1)", "B (1)"], &[], 1, &[20]);
    spec.team_unavailabilities.push(TeamUnavailability {
        team: key("A (1)"),
        week: 1,
        range: TimeRange::AllDay,
    });
    spec.team_unavailabilities.push(TeamUnavailability {
        team: key("B (1)"),
        week: 2,
        range: TimeRange::AllDay,
    });
    spec.team_unavailabilities.push(TeamUnavailability {
        team: key("B (1)"),
        week: 3,
        range: TimeRange::AllDay,
    });
    assert_eq!(
        reason(spec),
        "both teams are never available at the same time: A (1) [F] can play in weeks 2–3, B (1) [F] in weeks 1"
    );
}

#[test]
fn a_presence_obligation() {
    let mut spec = season(2, &["A (1)", "B (1)"], &["C (1)", "D (1)"], 1, &[20]);
    spec.presence_obligations.push(PresenceObligation { venue: "GYM".into(), institution: "C".into() });
    assert_eq!(
        reason(spec),
        "presence obligations: every venue with free courts requires a team of another institution"
    );
}

#[test]
fn no_plannable_week() {
    let mut spec = season(3, &["A (1)", "B (1)"], &[], 1, &[20]);
    spec.calendar.first_plannable_week = 2;
    spec.calendar.blocked_weeks = [2, 3].into_iter().collect();
    assert_eq!(reason(spec), "no plannable week: the first plannable week is 2 of 3, blocked weeks 2–3");
}

#[test]
fn venues_closed_everywhere() {
    let mut spec = season(2, &["A (1)", "B (1)"], &[], 1, &[20]);
    for week in 1..=2 {
        spec.venue_unavailabilities.push(scheduler_core::VenueUnavailability {
            venue: "GYM".into(),
            week,
            range: TimeRange::AllDay,
            courts_taken: None,
        });
    }
    assert_eq!(
        reason(spec),
        "no free slot in the plannable weeks (1–2): venues are closed or filled by fixed matches"
    );
}

#[test]
fn fixed_matches_fill_the_week() {
    let mut spec = season(1, &["A (1)", "B (1)"], &["C (1)"], 2, &[18, 20]);
    spec.fixed_matches.push(FixedMatchSpec {
        home: key("A (1)"),
        away: key("C (1)"),
        pool: None,
        week: 1,
        time: hm(18),
        venue: "GYM".into(),
        competition: Some("CFE".into()),
        score: None,
        notes: None,
    });
    assert_eq!(
        reason(spec),
        "A (1) [F] already plays its weekly limit of 1 in fixed matches in every plannable week"
    );
}

#[test]
fn a_hard_temporal_constraint() {
    let mut spec = season(4, &["A (1)", "B (1)"], &[], 1, &[20]);
    spec.calendar.first_plannable_week = 3;
    spec.settings.temporal.hard = true;
    spec.temporal_constraints.push(TemporalConstraint {
        team_a: key("A (1)"),
        team_b: key("B (1)"),
        kind: TemporalKind::Before,
        week: 2,
    });
    assert_eq!(reason(spec), "its hard temporal constraint (before week 2) leaves no plannable week (3–4)");
}
