//! Small leagues written by hand for the tests.
#![allow(dead_code)]

use scheduler_core::*;

pub fn t(text: &str) -> TimeOfDay {
    text.parse().expect("valid time")
}

pub fn venue(name: &str, courts: u32, times: &[&str]) -> VenueSpec {
    VenueSpec { name: name.into(), courts, times: times.iter().map(|x| t(x)).collect(), level: None }
}

pub fn key(name: &str) -> TeamKey {
    TeamKey::new(name, Some(Gender::Female))
}

/// One pool `VBFA1PA` of the given teams (female), `weeks` weeks, venues as given.
pub fn league(teams: &[&str], weeks: u16, venues: Vec<VenueSpec>) -> ProblemSpec {
    ProblemSpec {
        calendar: Calendar::new(weeks),
        teams: teams.iter().map(|n| TeamSpec::new(*n, Some(Gender::Female), "VBFA1PA")).collect(),
        venues,
        ..ProblemSpec::default()
    }
}

pub fn build(spec: ProblemSpec) -> Problem {
    Problem::new(spec).expect("valid problem").0
}

/// The id of the match between `home` and `away` (in that order).
pub fn find(problem: &Problem, home: &str, away: &str) -> MatchId {
    problem
        .match_ids()
        .find(|id| {
            let m = problem.match_(*id);
            problem.team(m.home).name == home && problem.team(m.away).name == away
        })
        .unwrap_or_else(|| panic!("no match {home} – {away}"))
}

pub fn at(problem: &Problem, week: u16, time: &str, venue: &str) -> Placement {
    let venue = problem.venues.iter().position(|v| v.name == venue).expect("known venue");
    Placement { week: Week(week), time: t(time), venue: VenueId(venue as u32) }
}

pub fn rules(evaluation: &Evaluation) -> Vec<HardRule> {
    evaluation.hard.iter().map(|v| v.rule).collect()
}
