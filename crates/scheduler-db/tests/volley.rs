//! The real volleyball season (../shared/data/volleyball): imported, loaded, solved and saved.
//! Skips with a message when the data folder is absent.

mod common;

use std::path::Path;

use common::*;
use scheduler_core::{evaluate, Problem, Schedule};
use scheduler_db::{LoadWarning, MatchFilter, MatchStatus};

const VOLLEY: &str =
    concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data/volleyball/config_volley.yaml");

fn volley() -> Option<scheduler_excel::LoadedProject> {
    let path = Path::new(VOLLEY);
    if !path.exists() {
        eprintln!("skipped: {} is absent", path.display());
        return None;
    }
    Some(scheduler_excel::load_project(path).expect("the volley project reads"))
}

#[test]
fn the_volley_season_round_trips_through_the_database() {
    let Some(project) = volley() else { return };
    let (direct, direct_warnings) = Problem::new(project.spec.clone()).expect("valid season");
    assert_eq!(direct.matches.len(), 183);
    assert_eq!(direct.fixed.len(), 113);

    let (_dir, db) = temp_db();
    let spec = &project.spec;
    let report = db.import_project(&new_project("Volley 2025-26", spec), spec).expect("import");
    assert_eq!((report.to_plan, report.fixed, report.venues), (183, 113, 9));
    assert_eq!(report.teams, spec.teams.len(), "championship teams and teams met only in fixed matches");
    assert_eq!(spec.teams.iter().filter(|t| t.pool.is_some()).count(), 126);
    assert_eq!(report.pools, 30);
    assert_eq!(report.warnings, direct_warnings);
    let constraints = spec.venue_unavailabilities.len()
        + spec.team_unavailabilities.len()
        + spec.institution_unavailabilities.len()
        + spec.earliest_times.len()
        + spec.presence_obligations.len()
        + spec.groups.len()
        + spec.ententes.len()
        + spec.temporal_constraints.len();
    assert_eq!(report.constraints, constraints);
    assert!(constraints > 50, "the season has many constraints: {constraints}");

    // Every constraint is stored: the problem read back is the very same, rule by rule.
    let loaded = db.load_problem(report.project_id).expect("load");
    assert_eq!(loaded.problem.matches.len(), 183);
    assert_eq!(loaded.problem.fixed.len(), 113);
    assert_eq!(loaded.problem.teams, direct.teams, "unavailabilities, earliest times, preferences");
    assert_eq!(loaded.problem.venues, direct.venues, "closures, obligations, levels");
    assert_eq!(loaded.problem.groups, direct.groups);
    assert_eq!(loaded.problem.matches, direct.matches, "pool formats, ententes, temporal rules");
    assert_eq!(loaded.problem.fixed, direct.fixed);
    assert_eq!(loaded.problem.calendar, direct.calendar);
    assert_eq!(loaded.problem.settings, direct.settings);
    assert_eq!(loaded.problem, direct);
    assert!(loaded.warnings.iter().all(|w| matches!(w, LoadWarning::Problem { .. })));

    // The same schedule evaluates the same on both problems.
    let outcome = heuristic(&direct);
    assert!(outcome.evaluation.placed >= 120, "placed {}", outcome.evaluation.placed);
    assert_eq!(evaluate(&loaded.problem, &outcome.schedule), outcome.evaluation);
    assert_eq!(
        evaluate(&loaded.problem, &Schedule::empty(&loaded.problem)),
        evaluate(&direct, &Schedule::empty(&direct))
    );
    assert_eq!(outcome.evaluation.fixed_problems.len(), 17, "the fixed matches' own problems");

    // Saved and reloaded: the same evaluation.
    let saved = db
        .save_solve(report.project_id, loaded.revision, &loaded.problem, &outcome.schedule, None)
        .expect("save");
    assert_eq!(saved.placed, outcome.evaluation.placed);
    let reloaded = db.load_problem(report.project_id).expect("reload");
    assert_eq!(reloaded.schedule, outcome.schedule);
    assert_eq!(evaluate(&reloaded.problem, &reloaded.schedule), outcome.evaluation);

    let stats = db.project_stats(report.project_id).expect("stats");
    assert_eq!(stats.nb_matchs_total, 296);
    assert_eq!(stats.nb_matchs_fixes, 113);
    assert_eq!(stats.nb_matchs_planifies as usize, 113 + outcome.evaluation.placed);
    assert_eq!(stats.nb_matchs_a_planifier as usize, outcome.evaluation.unplaced);
    assert_eq!((stats.nb_equipes as usize, stats.nb_gymnases), (spec.teams.len(), 9));

    // The played matches keep their score.
    let played = db
        .list_matches(&MatchFilter {
            project_id: Some(report.project_id),
            statut: Some(MatchStatus::Played),
            ..Default::default()
        })
        .expect("list");
    assert_eq!(played.len(), direct.fixed.iter().filter(|f| f.score.is_some()).count());
    assert!(played.iter().all(|m| m.score.is_some() && m.est_fixe));
}

#[test]
fn a_failed_volley_save_changes_no_byte() {
    let Some(project) = volley() else { return };
    let (_dir, db) = temp_db();
    let spec = &project.spec;
    let id = db.import_project(&new_project("Volley", spec), spec).expect("import").project_id;
    let loaded = db.load_problem(id).expect("load");
    let outcome = heuristic(&loaded.problem);
    let before = file_bytes(&db);

    // Two matches of one team in the same week and time: H4 (or H5).
    let mut broken = outcome.schedule.clone();
    let placed: Vec<_> = broken.placed().collect();
    let (a, pa) = placed[0];
    let team = loaded.problem.match_(a).home;
    let b = loaded
        .problem
        .match_ids()
        .find(|m| {
            *m != a && (loaded.problem.match_(*m).home == team || loaded.problem.match_(*m).away == team)
        })
        .expect("another match of the team");
    broken.set(b, Some(pa));
    let error = db.save_solve(id, loaded.revision, &loaded.problem, &broken, None).unwrap_err();
    assert!(matches!(error, scheduler_db::DbError::BrokenRules { .. }), "{error}");
    assert_eq!(file_bytes(&db), before, "nothing written");
}
