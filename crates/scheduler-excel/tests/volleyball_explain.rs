//! Why the real volleyball season leaves matches unplaced (shared data; skipped when absent).
//!
//! Checked by hand against the workbook: `Indispos_Institutions` makes LYON 1, LYON 2, LYON 2 IEP,
//! LYON 3 and SANTE unavailable all day in weeks 9 and 13; the season has 13 weeks, the first
//! plannable week is 5 and weeks 3, 10, 11, 12 are blocked.

use std::collections::BTreeMap;
use std::path::Path;
use std::time::Duration;

use scheduler_core::explain::{Blocker, Explainer, TeamRef};
use scheduler_core::{solve, MatchId, Problem, SolveOptions, Strategy, TeamId, Week};
use scheduler_excel::load_project;

const YAML: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data/volleyball/config_volley.yaml");

/// The institutions the README and `Indispos_Institutions` close in weeks 9 and 13.
const CLOSED_IN_9_AND_13: [&str; 5] = ["LYON 1", "LYON 2", "LYON 2 IEP", "LYON 3", "SANTE"];

fn problem() -> Option<Problem> {
    if !Path::new(YAML).exists() {
        println!("volleyball data is absent ({YAML}); test skipped");
        return None;
    }
    let project = load_project(Path::new(YAML)).expect("the volleyball project loads");
    Some(Problem::new(project.spec).expect("the season builds").0)
}

fn find(problem: &Problem, home: &str, away: &str, pool: &str) -> MatchId {
    problem
        .match_ids()
        .find(|id| {
            let m = problem.match_(*id);
            problem.team(m.home).label() == home
                && problem.team(m.away).label() == away
                && problem.pools[m.pool.index()].code == pool
        })
        .unwrap_or_else(|| panic!("no match {home} – {away} in {pool}"))
}

fn institution_unavailable(problem: &Problem, team: TeamId) -> Blocker {
    let t = problem.team(team);
    Blocker::TeamUnavailable {
        team: TeamRef { id: team, label: t.label() },
        institution: Some(problem.institution_name(t.institution).to_string()),
        whole_week: true,
        times: vec![],
    }
}

#[test]
fn every_unplaced_match_has_a_reason_checked_against_the_data() {
    let Some(problem) = problem() else { return };
    let options = SolveOptions { time_limit: Duration::from_secs(60), threads: 2, ..SolveOptions::default() };
    let outcome = solve(&problem, Strategy::Heuristic, &options).expect("the heuristic answers");
    let schedule = &outcome.schedule;
    assert!(outcome.evaluation.placed <= 132, "132 is the proven maximum");
    let explainer = Explainer::new(&problem, schedule);
    let unplaced: Vec<MatchId> = schedule.unplaced().collect();
    assert_eq!(unplaced.len(), 183 - outcome.evaluation.placed);

    let mut verdicts: BTreeMap<&str, usize> = BTreeMap::new();
    let mut week_causes: BTreeMap<&str, usize> = BTreeMap::new();
    for &id in &unplaced {
        let e = explainer.explain(id);
        let m = problem.match_(id);
        assert!(!e.summary.is_empty());
        assert_eq!(e.weeks.len(), 13);
        for w in &e.weeks {
            assert_eq!(w.blockers.is_empty(), w.free_slots > 0, "{}: week {}", e.summary, w.week.0);
        }
        // Weeks 1–4 are played, 3 and 10–12 blocked.
        for week in [1, 2, 4] {
            assert_eq!(
                e.weeks[week - 1].blockers,
                vec![Blocker::BeforeFirstPlannableWeek { first_plannable_week: 5 }]
            );
        }
        assert_eq!(
            e.weeks[2].blockers,
            vec![Blocker::BeforeFirstPlannableWeek { first_plannable_week: 5 }, Blocker::BlockedWeek]
        );
        for week in 10..=12 {
            assert_eq!(e.weeks[week - 1].blockers, vec![Blocker::BlockedWeek]);
        }
        // Every team of the closed institutions is unavailable in weeks 9 and 13.
        for team in [m.home, m.away] {
            let institution = problem.institution_name(problem.team(team).institution);
            if CLOSED_IN_9_AND_13.contains(&institution) {
                for week in [9, 13] {
                    assert!(
                        e.weeks[week - 1].blockers.contains(&institution_unavailable(&problem, team)),
                        "{} in week {week}: {:?}",
                        problem.describe_match(id),
                        e.weeks[week - 1].blockers
                    );
                }
            }
        }
        let verdict = if e.summary.starts_with("no plannable week has room") {
            "no plannable week has room"
        } else if e.summary.contains("matches to plan but room for only") {
            "a team has more matches than room"
        } else if e.summary.contains("still free") {
            "a slot is still free"
        } else {
            "other"
        };
        *verdicts.entry(verdict).or_default() += 1;
        for w in e.weeks.iter().filter(|w| problem.calendar.is_plannable(w.week)) {
            let cause = match w.blockers.first() {
                None => "free slot",
                Some(Blocker::TeamUnavailable { whole_week: true, .. }) => "a team unavailable all week",
                Some(Blocker::WeeklyLimitReached { .. }) => "a team already plays that week",
                Some(Blocker::TemporalConstraint { .. }) => "temporal constraint",
                Some(_) => "every slot taken, closed, reserved or refused by a team",
            };
            *week_causes.entry(cause).or_default() += 1;
        }
    }
    println!("{} placed, {} unplaced; verdicts {verdicts:#?}", outcome.evaluation.placed, unplaced.len());
    println!("what blocks each (unplaced match, plannable week): {week_causes:#?}");
    assert_eq!(verdicts.get("other"), None);

    // By hand: LYON 1 (3) [F] – SANTE (1) [F] (VBFA2PB). Indispos_Institutions closes LYON 1 and SANTE
    // in weeks 9 and 13; neither team has a fixed match then, and no placed match can be there.
    let id = find(&problem, "LYON 1 (3) [F]", "SANTE (1) [F]", "VBFA2PB");
    let m = problem.match_(id);
    let e = explainer.explain(id);
    for week in [9, 13] {
        assert_eq!(
            e.weeks[week - 1].blockers,
            vec![institution_unavailable(&problem, m.home), institution_unavailable(&problem, m.away)],
            "week {week}"
        );
        assert!(!e.weeks[week - 1].free_for_both_teams);
    }
    assert!(e.summary.contains(
        "in weeks 9, 13 LYON 1 (3) [F] unavailable (institution LYON 1), SANTE (1) [F] unavailable (institution \
         SANTE)"
    ));
    // LYON 1 is also unavailable from 18:00 in week 5 (`LYON 1, 5, 18:00, 22:00`), and LYON 1 (3) [F]
    // may not start before 18:00 at BESSON (`Dispos_Gymnases_Equipes`): when week 5 has no free slot
    // for it, both show, with the presence obligations of DESCARTES (ENS), ECL and ESA.
    let week5 = &e.weeks[4];
    assert_eq!(week5.week, Week(5));
    let slot_by_slot = week5.free_slots == 0
        && !week5.blockers.iter().any(|b| {
            matches!(
                b,
                Blocker::WeeklyLimitReached { .. } | Blocker::TeamUnavailable { whole_week: true, .. }
            )
        });
    println!(
        "week 5 of LYON 1 (3) [F] – SANTE (1) [F]: {:?}",
        week5.blockers.iter().map(ToString::to_string).collect::<Vec<_>>()
    );
    if slot_by_slot {
        let t = problem.team(m.home);
        assert!(week5.blockers.contains(&Blocker::TeamUnavailable {
            team: TeamRef { id: m.home, label: t.label() },
            institution: Some("LYON 1".into()),
            whole_week: false,
            times: vec!["18:00".parse().expect("time"), "20:00".parse().expect("time")],
        }));
        let texts: Vec<String> = week5.blockers.iter().map(ToString::to_string).collect();
        assert!(
            texts.contains(&"LYON 1 (3) [F] may not start before 18:00 at BESSON".to_string()),
            "{texts:?}"
        );
        for (venue, institution) in [("DESCARTES", "ENS"), ("ECL", "ECL"), ("ESA", "ESA")] {
            assert!(texts.contains(&format!("every match at {venue} must involve a team of {institution}")));
        }
    }
}
