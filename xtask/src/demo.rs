//! `cargo xtask gen-example`: the demo season of `examples/demo/`, a synthetic season in
//! PyCalendar's input format (workbook + YAML).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{Context, Result};
use scheduler_core::names::institution_of;
use scheduler_core::synthetic::{generate, SyntheticParams};
use scheduler_core::{
    EarliestTime, FixedMatchSpec, Gender, InstitutionUnavailability, NonSimultaneityGroup, PoolKind, Problem,
    ProblemSpec, TeamKey, TeamSpec, TemporalConstraint, TemporalKind, TimeOfDay, TimeRange,
};
use scheduler_excel::{write_input_workbook, write_project_yaml, ProjectYaml};

use crate::Args;

/// File names inside the demo directory.
pub(crate) const WORKBOOK: &str = "demo.xlsx";
/// The project YAML.
pub(crate) const YAML: &str = "demo.yaml";
/// The calendar `cargo xtask solve` writes.
pub(crate) const OUTPUT: &str = "calendrier_demo.xlsx";

/// `examples/demo/` of the workspace.
pub(crate) fn default_dir() -> PathBuf {
    let xtask = Path::new(env!("CARGO_MANIFEST_DIR"));
    xtask.parent().unwrap_or(xtask).join("examples/demo")
}

/// The demo season: the 60-team synthetic season (seed 1), with what the synthetic generator leaves
/// out: shared venue preferences per institution (sheet `Preferences_Gymnases`), earliest times
/// (`Dispos_Gymnases_Equipes`), a non-simultaneity group, temporal constraints and cup matches
/// against teams outside the championship (`Equipes_Hors_Championnat`).
pub(crate) fn demo_spec() -> ProblemSpec {
    let mut spec = generate(SyntheticParams { teams: 60, seed: 1 });
    rename_venues(&mut spec);
    respect_presence_obligations(&mut spec);
    let owners: BTreeSet<String> = spec.teams.iter().map(|t| institution_of(&t.name)).collect();
    // Rows about institutions that own no team would only raise warnings.
    spec.institution_unavailabilities.retain(|r| owners.contains(&r.institution));
    spec.ententes.retain(|r| owners.contains(&r.institution_a) && owners.contains(&r.institution_b));

    // Venue preferences are an institution's choice: its first team's list for all of them.
    for owner in &owners {
        let shared = spec
            .teams
            .iter()
            .find(|t| institution_of(&t.name) == *owner && !t.preferred_venues.is_empty())
            .map(|t| t.preferred_venues.clone());
        if let Some(list) = shared {
            for team in spec.teams.iter_mut().filter(|t| institution_of(&t.name) == *owner) {
                team.preferred_venues = list.clone();
            }
        }
    }

    // Every seventh team starts no earlier than 18:00 in its preferred venue (unless it already
    // played there earlier in the evening).
    let evening = TimeOfDay::from_hm(18, 0).expect("valid time");
    let earliest: Vec<EarliestTime> = spec
        .teams
        .iter()
        .step_by(7)
        .filter_map(|t| {
            let venue = t.preferred_venues.iter().flatten().next()?.clone();
            let key = t.key();
            let played_earlier = spec
                .fixed_matches
                .iter()
                .any(|f| (f.home == key || f.away == key) && f.venue == venue && f.time < evening);
            (!played_earlier).then_some(EarliestTime { team: key, venue, earliest: evening })
        })
        .collect();
    spec.earliest_times = earliest;

    let first_two: Vec<String> = owners.iter().take(2).cloned().collect();
    spec.groups.push(NonSimultaneityGroup { name: "Campus Est".into(), members: first_two });

    // The first leg between the 3rd and 4th team of the first home-and-away pool before week 7;
    // the last two of the first pool after week 9.
    let members = |code: &str| -> Vec<TeamKey> {
        spec.teams.iter().filter(|t| t.pool.as_deref() == Some(code)).map(TeamSpec::key).collect()
    };
    let first_pool = spec.pools[0].code.clone();
    let home_away = spec.pools.iter().find(|p| p.kind == PoolKind::HomeAndAway).map(|p| p.code.clone());
    if let Some(code) = home_away {
        if let [_, _, a, b, ..] = members(&code).as_slice() {
            spec.temporal_constraints.push(TemporalConstraint {
                team_a: a.clone(),
                team_b: b.clone(),
                kind: TemporalKind::Before,
                week: 7,
            });
        }
    }
    if let [.., a, b] = members(&first_pool).as_slice() {
        spec.temporal_constraints.push(TemporalConstraint {
            team_a: a.clone(),
            team_b: b.clone(),
            kind: TemporalKind::After,
            week: 9,
        });
    }

    // An exam week for the second institution.
    if let Some(institution) = owners.iter().nth(1) {
        spec.institution_unavailabilities.push(InstitutionUnavailability {
            institution: institution.clone(),
            week: 10,
            range: TimeRange::AllDay,
        });
    }

    add_cup_matches(&mut spec);
    spec
}

/// `GYM LYON 1 1` → `GYMNASE LYON 1`, everywhere a venue is named.
fn rename_venues(spec: &mut ProblemSpec) {
    let rename = |name: &mut String| {
        if let Some(rest) = name.strip_prefix("GYM ") {
            let owner = rest.strip_suffix(" 1").unwrap_or(rest);
            *name = format!("GYMNASE {owner}");
        }
    };
    spec.venues.iter_mut().for_each(|v| rename(&mut v.name));
    for team in &mut spec.teams {
        team.preferred_venues.iter_mut().flatten().for_each(rename);
    }
    spec.venue_unavailabilities.iter_mut().for_each(|u| rename(&mut u.venue));
    spec.earliest_times.iter_mut().for_each(|e| rename(&mut e.venue));
    spec.presence_obligations.iter_mut().for_each(|o| rename(&mut o.venue));
    spec.fixed_matches.iter_mut().for_each(|f| rename(&mut f.venue));
}

/// The synthetic generator puts some played matches in venues whose presence obligation they do
/// not meet: move them to a venue without obligation that offers the same time and is free then.
fn respect_presence_obligations(spec: &mut ProblemSpec) {
    for i in 0..spec.fixed_matches.len() {
        let f = &spec.fixed_matches[i];
        let institutions = [institution_of(&f.home.name), institution_of(&f.away.name)];
        let breaks = spec
            .presence_obligations
            .iter()
            .any(|o| o.venue == f.venue && !institutions.contains(&o.institution));
        if !breaks {
            continue;
        }
        let free = spec.venues.iter().find(|v| {
            v.times.contains(&f.time)
                && !spec.presence_obligations.iter().any(|o| o.venue == v.name)
                && !spec.venue_unavailabilities.iter().any(|u| u.venue == v.name && u.week == f.week)
                && spec
                    .fixed_matches
                    .iter()
                    .filter(|g| g.venue == v.name && g.week == f.week && g.time == f.time)
                    .count()
                    < v.courts as usize
        });
        if let Some(venue) = free.map(|v| v.name.clone()) {
            spec.fixed_matches[i].venue = venue;
        }
    }
}

/// Two university-cup matches against teams outside the championship, in free slots.
fn add_cup_matches(spec: &mut ProblemSpec) {
    let cups = [("UDG (1)", "UDG", Gender::Female, 4, "3-1"), ("UCA (1)", "UCA", Gender::Male, 6, "")];
    for (external, institution, gender, week, score) in cups {
        let Some(team) = spec
            .teams
            .iter()
            .filter(|t| t.pool.is_some() && t.gender == Some(gender))
            .find(|t| {
                let inst = institution_of(&t.name);
                !spec.team_unavailabilities.iter().any(|u| u.team == t.key() && u.week == week)
                    && !spec
                        .institution_unavailabilities
                        .iter()
                        .any(|u| u.institution == inst && u.week == week)
            })
            .map(TeamSpec::key)
        else {
            continue;
        };
        let Some(venue) = spec
            .venues
            .iter()
            .filter(|v| !v.times.is_empty())
            .filter(|v| !spec.presence_obligations.iter().any(|o| o.venue == v.name))
            .find(|v| !spec.venue_unavailabilities.iter().any(|u| u.venue == v.name && u.week == week))
        else {
            continue;
        };
        let (venue, time) = (venue.name.clone(), venue.times[venue.times.len() - 1]);
        spec.teams.push(TeamSpec {
            name: external.into(),
            gender: Some(gender),
            institution: Some(institution.into()),
            pool: None,
            preferred_time: None,
            preferred_venues: Vec::new(),
        });
        spec.fixed_matches.push(FixedMatchSpec {
            home: team,
            away: TeamKey::new(external, Some(gender)),
            pool: None,
            week,
            time,
            venue,
            competition: Some("CFU".into()),
            score: (!score.is_empty()).then(|| score.to_string()),
            notes: Some("Coupe universitaire".into()),
        });
    }
}

/// The demo's project YAML.
pub(crate) fn demo_yaml(spec: &ProblemSpec) -> String {
    let project = ProjectYaml {
        workbook: WORKBOOK.into(),
        output: OUTPUT.into(),
        strategy: None,
        time_limit: Some(Duration::from_secs(30)),
        comment: Some(
            "Demo season (synthetic, written by `cargo xtask gen-example`; do not edit by hand).\n\
             Solve it with `cargo xtask solve examples/demo/demo.yaml`."
                .into(),
        ),
    };
    write_project_yaml(spec, &project)
}

pub(crate) fn run(args: &Args) -> Result<()> {
    let dir = args.get("dir").map_or_else(default_dir, PathBuf::from);
    std::fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let spec = demo_spec();
    let workbook = dir.join(WORKBOOK);
    std::fs::write(&workbook, write_input_workbook(&spec)?)
        .with_context(|| format!("cannot write {}", workbook.display()))?;
    let yaml = dir.join(YAML);
    std::fs::write(&yaml, demo_yaml(&spec)).with_context(|| format!("cannot write {}", yaml.display()))?;

    let (problem, warnings) = Problem::new(spec)?;
    for warning in &warnings {
        eprintln!("  problem warning: {warning}");
    }
    let home_away = problem.pools.iter().filter(|p| p.kind == PoolKind::HomeAndAway).count();
    let courts: Vec<String> = problem.venues.iter().map(|v| v.courts.to_string()).collect();
    let championship = problem.teams.iter().filter(|t| t.pool.is_some()).count();
    println!("wrote {} and {}", workbook.display(), yaml.display());
    println!(
        "demo season: {championship} teams (+{} outside the championship), {} pools ({home_away} home-and-away), \
         {} venues (courts {}), {} generated matches, {} to plan, {} fixed, blocked weeks {:?}",
        problem.teams.len() - championship,
        problem.pools.len(),
        problem.venues.len(),
        courts.join(", "),
        problem.generated_count,
        problem.matches.len(),
        problem.fixed.len(),
        problem.calendar.blocked_weeks,
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use scheduler_core::{evaluate, Schedule};

    #[test]
    fn the_committed_demo_reads_back_into_the_demo_season() {
        let yaml = default_dir().join(YAML);
        let project = scheduler_excel::load_project(&yaml).expect("examples/demo/demo.yaml reads");
        let shown: Vec<String> = project.warnings.iter().map(ToString::to_string).collect();
        assert!(shown.is_empty(), "{shown:#?}");
        let expected = demo_spec();
        assert_eq!(project.spec, expected, "run `cargo xtask gen-example` to refresh examples/demo/");
        let text = std::fs::read_to_string(&yaml).expect("the YAML is there");
        assert_eq!(text, demo_yaml(&expected), "run `cargo xtask gen-example` to refresh examples/demo/");
        assert_eq!(project.config.output, default_dir().join(OUTPUT));
    }

    #[test]
    fn the_demo_season_has_what_the_issue_asks() {
        let (problem, warnings) = Problem::new(demo_spec()).expect("the demo season is valid");
        assert!(warnings.is_empty(), "{warnings:?}");
        let championship = problem.teams.iter().filter(|t| t.pool.is_some()).count();
        assert!((55..=70).contains(&championship), "{championship} teams");
        assert!(problem.pools.len() >= 12, "{} pools", problem.pools.len());
        assert!(problem.pools.iter().any(|p| p.kind == PoolKind::HomeAndAway));
        assert_eq!(problem.venues.len(), 6);
        assert!(problem.venues.iter().all(|v| (1..=3).contains(&v.courts)));
        assert!(problem.venues.iter().any(|v| v.courts > 1));
        assert!(!problem.calendar.blocked_weeks.is_empty() && problem.calendar.dates.is_some());
        assert!(problem.fixed.len() >= 5);
        assert!(problem.teams.iter().any(|t| !t.unavailable.is_empty()));
        assert!(problem.teams.iter().any(|t| !t.preferred_venues.is_empty()));
        let evaluation = evaluate(&problem, &Schedule::empty(&problem));
        assert!(evaluation.fixed_problems.is_empty(), "{:?}", evaluation.fixed_problems);
    }
}
