//! Repository behaviour on synthetic seasons (no data files needed).

mod common;

use common::*;
use scheduler_core::{evaluate, HardRule, MatchRef, Problem, Schedule, Strategy, TimeOfDay, Week};
use scheduler_db::{
    Database, DbError, LoadWarning, MatchFilter, MatchPatch, MatchStatus, NewFixedMatch, NewTeam, NewVenue,
    ProjectPatch, RunStatus, RunSummary, Slot, TeamPatch, VenuePatch,
};

#[test]
fn import_then_load_gives_the_same_problem() {
    let (_dir, db) = temp_db();
    let spec = synthetic(60, 3);
    let (direct, direct_warnings) = Problem::new(spec.clone()).expect("valid season");
    let report = db.import_project(&new_project("s", &spec), &spec).expect("import");
    assert_eq!(report.to_plan, direct.matches.len());
    assert_eq!(report.fixed, direct.fixed.len());
    assert_eq!(report.teams, spec.teams.len());
    assert_eq!(report.warnings, direct_warnings);

    let loaded = db.load_problem(report.project_id).expect("load");
    assert_eq!(loaded.problem, direct, "the database gives back the very same problem");
    assert_eq!(loaded.schedule, Schedule::empty(&direct), "nothing placed after an import");
    assert_eq!(loaded.match_rows.planned.len(), direct.matches.len());
    assert_eq!(loaded.match_rows.fixed.len(), direct.fixed.len());
    assert_eq!(loaded.revision, 0);
    assert!(loaded.warnings.iter().all(|w| matches!(w, LoadWarning::Problem { .. })));

    let stats = db.project_stats(report.project_id).expect("stats");
    assert_eq!(stats.nb_equipes as usize, spec.teams.len());
    assert_eq!(stats.nb_gymnases as usize, spec.venues.len());
    assert_eq!(stats.nb_matchs_fixes as usize, direct.fixed.len());
    assert_eq!(stats.nb_matchs_a_planifier as usize, direct.matches.len());
    assert_eq!(stats.nb_matchs_total as usize, direct.matches.len() + direct.fixed.len());
}

#[test]
fn a_saved_solve_reloads_with_the_same_evaluation() {
    let (_dir, db) = temp_db();
    let spec = synthetic(48, 5);
    let project = import(&db, &spec);
    let loaded = db.load_problem(project).expect("load");
    let outcome = heuristic(&loaded.problem);
    assert!(outcome.evaluation.placed > 0);

    let run = db.create_run(project, Strategy::Heuristic).expect("run");
    db.start_run(run.id, loaded.revision).expect("start");
    let summary = RunSummary::from_outcome(&outcome);
    let report = db
        .save_solve(project, loaded.revision, &loaded.problem, &outcome.schedule, Some((run.id, &summary)))
        .expect("save");
    assert_eq!(report.revision, loaded.revision + 1);
    assert_eq!(report.placed, outcome.evaluation.placed);
    assert_eq!(report.updated, outcome.evaluation.placed);
    assert_eq!(report.cleared, 0);

    let reloaded = db.load_problem(project).expect("reload");
    assert_eq!(reloaded.problem, loaded.problem);
    assert_eq!(reloaded.schedule, outcome.schedule);
    assert_eq!(evaluate(&reloaded.problem, &reloaded.schedule), outcome.evaluation);

    let run = db.get_run(run.id).expect("run");
    assert_eq!(run.status, RunStatus::Completed);
    assert_eq!(run.summary, Some(summary));
    assert_eq!(run.base_revision, Some(loaded.revision));
    assert!(run.duration_ms.is_some());

    let planned = db
        .list_matches(&MatchFilter {
            project_id: Some(project),
            statut: Some(MatchStatus::Planned),
            ..Default::default()
        })
        .expect("list");
    assert_eq!(planned.len(), outcome.evaluation.placed);
    assert!(planned.iter().all(|m| m.slot.is_some() && !m.est_fixe));

    // A second save with fewer matches: the others lose their slot (PyCalendar kept stale ones).
    let mut fewer = reloaded.schedule.clone();
    let dropped: Vec<_> = fewer.placed().take(3).map(|(id, _)| id).collect();
    for id in &dropped {
        fewer.set(*id, None);
    }
    let report = db.save_solve(project, reloaded.revision, &reloaded.problem, &fewer, None).expect("save");
    assert_eq!(report.cleared, 3);
    assert_eq!(report.updated, 3);
    for id in dropped {
        let row = db.get_match(reloaded.match_rows.row_of(id).expect("row")).expect("match");
        assert_eq!(row.slot, None);
        assert_eq!(row.statut, MatchStatus::ToPlan);
    }
    // Fixed rows were not touched.
    let fixed = db
        .list_matches(&MatchFilter {
            project_id: Some(project),
            statut: Some(MatchStatus::Fixed),
            ..Default::default()
        })
        .expect("list");
    assert_eq!(fixed.len(), reloaded.problem.fixed.iter().filter(|f| f.score.is_none()).count());
}

#[test]
fn failed_saves_leave_the_file_byte_for_byte_unchanged() {
    let (_dir, db) = temp_db();
    let spec = synthetic(40, 11);
    let project = import(&db, &spec);
    let loaded = db.load_problem(project).expect("load");
    let outcome = heuristic(&loaded.problem);
    let before = file_bytes(&db);

    // A schedule that breaks a hard rule: a placed match moved into a blocked week.
    let mut broken = outcome.schedule.clone();
    let (id, mut placement) = broken.placed().next().expect("something placed");
    let blocked = *loaded.problem.calendar.blocked_weeks.iter().next().expect("a blocked week");
    placement.week = Week(blocked);
    broken.set(id, Some(placement));
    let error = db.save_solve(project, loaded.revision, &loaded.problem, &broken, None).unwrap_err();
    assert!(matches!(error, DbError::BrokenRules { rule: HardRule::H8, .. }), "{error}");
    assert_eq!(file_bytes(&db), before);

    // A revision conflict.
    let error =
        db.save_solve(project, loaded.revision + 5, &loaded.problem, &outcome.schedule, None).unwrap_err();
    assert!(
        matches!(error, DbError::Conflict { expected, actual: 0, .. } if expected == loaded.revision + 5)
    );
    assert_eq!(file_bytes(&db), before);

    // A schedule of the wrong size.
    let error =
        db.save_solve(project, loaded.revision, &loaded.problem, &Schedule::default(), None).unwrap_err();
    assert!(matches!(error, DbError::Invalid(_)), "{error}");
    assert_eq!(file_bytes(&db), before);

    // The good one goes through.
    db.save_solve(project, loaded.revision, &loaded.problem, &outcome.schedule, None).expect("save");
    assert_ne!(file_bytes(&db), before);
}

#[test]
fn a_change_after_loading_makes_the_save_a_conflict() {
    let (_dir, db) = temp_db();
    let spec = synthetic(40, 2);
    let project = import(&db, &spec);
    let loaded = db.load_problem(project).expect("load");
    let outcome = heuristic(&loaded.problem);

    // Someone fixes a match meanwhile.
    let fixed_row = loaded.match_rows.fixed[0];
    db.update_match(
        fixed_row,
        &MatchPatch { notes: Some(Some("moved by phone".into())), ..Default::default() },
    )
    .expect("update");
    let error =
        db.save_solve(project, loaded.revision, &loaded.problem, &outcome.schedule, None).unwrap_err();
    match error {
        DbError::Conflict { project: p, expected, actual } => {
            assert_eq!((p, expected, actual), (project.0, loaded.revision, loaded.revision + 1));
        }
        other => panic!("expected a conflict, got {other}"),
    }
    assert!(nothing_planned(&db, project));
}

fn nothing_planned(db: &Database, project: scheduler_db::ProjectId) -> bool {
    db.list_matches(&MatchFilter {
        project_id: Some(project),
        statut: Some(MatchStatus::Planned),
        ..Default::default()
    })
    .expect("list")
    .is_empty()
}

#[test]
fn deleting_a_project_deletes_everything_in_it() {
    let (_dir, db) = temp_db();
    let spec = synthetic(30, 4);
    let kept = import(&db, &spec);
    let gone = import(&db, &spec);
    db.create_run(gone, Strategy::Heuristic).expect("run");
    let kept_matches =
        db.list_matches(&MatchFilter { project_id: Some(kept), ..Default::default() }).expect("list");

    db.delete_project(gone).expect("delete");
    assert!(matches!(db.get_project(gone), Err(DbError::NotFound { what: "project", .. })));
    assert!(matches!(db.delete_project(gone), Err(DbError::NotFound { .. })));
    assert!(db
        .list_matches(&MatchFilter { project_id: Some(gone), ..Default::default() })
        .expect("list")
        .is_empty());
    assert!(matches!(db.list_teams(gone), Err(DbError::NotFound { .. })));
    // Constraint and run tables cascade too: only the kept project's rows remain.
    let all = db.list_matches(&MatchFilter::default()).expect("list");
    assert_eq!(all, kept_matches);
    assert_eq!(db.list_projects().expect("projects").len(), 1);
    assert_eq!(db.load_problem(kept).expect("load").problem, Problem::new(spec).expect("valid").0);
}

#[test]
fn move_fix_unfix_and_cancel_follow_the_status_rules() {
    let (_dir, db) = temp_db();
    let spec = synthetic(40, 9);
    let project = import(&db, &spec);
    let loaded = db.load_problem(project).expect("load");
    let problem = &loaded.problem;

    // Moving a fixed match is refused.
    let fixed_row = loaded.match_rows.fixed[0];
    let fixed_slot = db.get_match(fixed_row).expect("match").slot.expect("fixed slot");
    assert!(matches!(db.move_match(fixed_row, &fixed_slot), Err(DbError::NotModifiable { .. })));

    // A move into a blocked week names H8; before the first plannable week, H7.
    let row = loaded.match_rows.planned[0];
    let venue = problem.venues.iter().find(|v| !v.times.is_empty()).expect("a venue with times");
    let blocked = *problem.calendar.blocked_weeks.iter().next().expect("blocked week");
    let slot = |week: u16| Slot { semaine: week, horaire: venue.times[0], gymnase: venue.name.clone() };
    match db.move_match(row, &slot(blocked)) {
        Err(DbError::InvalidMove { rule: HardRule::H8, message }) => assert!(!message.is_empty()),
        other => panic!("expected H8, got {other:?}"),
    }
    let err = db.move_match(row, &slot(1)).unwrap_err();
    assert!(err.to_string().starts_with("H7 (first plannable week): "), "{err}");
    assert!(matches!(
        db.move_match(row, &Slot { gymnase: "NOWHERE".into(), ..slot(5) }),
        Err(DbError::Invalid(_))
    ));

    // A valid move: the first slot the evaluator accepts.
    let id = loaded.match_rows.match_of(row).expect("to plan");
    let MatchRef::Planned(match_id) = id else { panic!("a match to plan") };
    let target = problem
        .calendar
        .plannable_weeks()
        .flat_map(|w| problem.venues.iter().flat_map(move |v| v.times.iter().map(move |t| (w, *t, v))))
        .find(|(w, t, v)| {
            let mut s = loaded.schedule.clone();
            let venue =
                scheduler_core::VenueId(problem.venues.iter().position(|x| x.name == v.name).unwrap() as u32);
            s.set(match_id, Some(scheduler_core::Placement { week: *w, time: *t, venue }));
            evaluate(problem, &s).hard.is_empty()
        })
        .map(|(w, t, v)| Slot { semaine: w.0, horaire: t, gymnase: v.name.clone() })
        .expect("a free slot");
    let moved = db.move_match(row, &target).expect("move");
    assert_eq!(moved.slot.as_ref(), Some(&target));
    assert_eq!(moved.statut, MatchStatus::Planned);
    let after_move = db.load_problem(project).expect("load");
    assert_eq!(after_move.revision, loaded.revision + 1);
    assert!(evaluate(&after_move.problem, &after_move.schedule).hard.is_empty());

    // Fix: the match joins the fixed matches of the problem.
    let fixed = db.fix_match(row).expect("fix");
    assert!(fixed.est_fixe);
    assert_eq!(fixed.statut, MatchStatus::Fixed);
    let after_fix = db.load_problem(project).expect("load");
    assert_eq!(after_fix.problem.fixed.len(), problem.fixed.len() + 1);
    assert_eq!(after_fix.problem.matches.len(), problem.matches.len() - 1);
    assert!(matches!(db.move_match(row, &target), Err(DbError::NotModifiable { .. })));

    // Unfix: back to a planned match, same problem and evaluation as before the fix.
    let unfixed = db.unfix_match(row).expect("unfix");
    assert!(!unfixed.est_fixe);
    assert_eq!(unfixed.statut, MatchStatus::Planned);
    let after_unfix = db.load_problem(project).expect("load");
    assert_eq!(after_unfix.problem, after_move.problem);
    assert_eq!(after_unfix.schedule, after_move.schedule);

    // Fixing a match without a slot is refused; fixing a played match keeps `termine`.
    let unplaced = loaded.match_rows.planned[1];
    assert!(matches!(db.fix_match(unplaced), Err(DbError::Invalid(_))));
    let played = db
        .list_matches(&MatchFilter {
            project_id: Some(project),
            statut: Some(MatchStatus::Played),
            ..Default::default()
        })
        .expect("list");
    if let Some(p) = played.first() {
        assert!(matches!(db.fix_match(p.id), Err(DbError::NotModifiable { .. })));
        assert_eq!(db.get_match(p.id).expect("match").statut, MatchStatus::Played);
        assert!(matches!(db.unfix_match(p.id), Err(DbError::NotModifiable { .. })));
    }

    // Cancel: neither planned nor fixed; restoring brings it back.
    let cancelled = db
        .update_match(row, &MatchPatch { statut: Some(MatchStatus::Cancelled), ..Default::default() })
        .expect("cancel");
    assert_eq!(cancelled.statut, MatchStatus::Cancelled);
    let after_cancel = db.load_problem(project).expect("load");
    assert_eq!(after_cancel.problem.matches.len(), problem.matches.len() - 1);
    assert_eq!(after_cancel.problem.fixed.len(), problem.fixed.len());
    assert!(matches!(db.fix_match(row), Err(DbError::NotModifiable { .. })));
    assert_eq!(db.project_stats(project).expect("stats").nb_matchs_annules, 1);
    db.update_match(row, &MatchPatch { statut: Some(MatchStatus::ToPlan), ..Default::default() })
        .expect("restore");
    let restored = db.load_problem(project).expect("load");
    assert_eq!(restored.problem, *problem);

    // A championship match cannot be deleted.
    assert!(matches!(db.delete_match(row), Err(DbError::NotModifiable { .. })));
}

#[test]
fn team_and_venue_changes_keep_one_row_per_generated_match() {
    let (_dir, db) = temp_db();
    let spec = synthetic(30, 6);
    let project = import(&db, &spec);
    let before = db.load_problem(project).expect("load");
    let pool = before.problem.pools[0].clone();
    let size = pool.teams.len();

    let team = db
        .create_team(
            project,
            &NewTeam {
                nom: "NEW SCHOOL (1)".into(),
                genre: before.problem.teams[pool.teams[0].index()].gender,
                institution: None,
                poule: Some(pool.code.clone()),
                horaire_prefere: TimeOfDay::from_hm(18, 0),
                lieux_preferes: vec![],
            },
        )
        .expect("create team");
    assert_eq!(team.institution, "NEW SCHOOL");
    assert_eq!(team.numero_equipe, Some(1));
    let grown = db.load_problem(project).expect("load");
    let legs = if pool.kind == scheduler_core::PoolKind::HomeAndAway { 2 } else { 1 };
    assert_eq!(grown.problem.matches.len(), before.problem.matches.len() + legs * size);
    assert!(grown.warnings.iter().all(|w| matches!(w, LoadWarning::Problem { .. })));

    // Out of the pool, then deleted: back to the original problem.
    db.update_team(team.id, &TeamPatch { poule: Some(None), ..Default::default() }).expect("update");
    assert_eq!(db.load_problem(project).expect("load").problem.matches.len(), before.problem.matches.len());
    db.delete_team(team.id).expect("delete");
    assert_eq!(db.load_problem(project).expect("load").problem, before.problem);

    // A team named by a fixed match cannot be deleted: nothing changes.
    let fixed_home = &before.problem.teams[before.problem.fixed[0].home.index()];
    let teams = db.list_teams(project).expect("teams");
    let named =
        teams.iter().find(|t| t.nom == fixed_home.name && t.genre == fixed_home.gender).expect("team");
    let revision = db.get_project(project).expect("project").revision;
    assert!(matches!(db.delete_team(named.id), Err(DbError::Invalid(_))));
    assert_eq!(db.get_project(project).expect("project").revision, revision);

    // Venues: add one, change it, delete it; a used venue cannot be deleted.
    let venue = db
        .create_venue(
            project,
            &NewVenue {
                nom: "GYM NEW".into(),
                capacite: 2,
                horaires: vec![TimeOfDay::from_hm(20, 0).unwrap()],
                niveau: None,
            },
        )
        .expect("venue");
    let venue =
        db.update_venue(venue.id, &VenuePatch { capacite: Some(3), ..Default::default() }).expect("update");
    assert_eq!(venue.capacite, 3);
    assert!(matches!(
        db.update_venue(venue.id, &VenuePatch { capacite: Some(0), ..Default::default() }),
        Err(DbError::Invalid(_))
    ));
    db.delete_venue(venue.id).expect("delete venue");
    let fixed_venue = &before.problem.venues[before.problem.fixed[0].venue.index()].name;
    let used =
        db.list_venues(project).expect("venues").into_iter().find(|v| &v.nom == fixed_venue).expect("venue");
    assert!(matches!(db.delete_venue(used.id), Err(DbError::Invalid(_))));
    assert_eq!(db.load_problem(project).expect("load").problem, before.problem);
}

#[test]
fn projects_runs_and_outside_matches() {
    let (_dir, db) = temp_db();
    let spec = synthetic(30, 8);
    let project = import(&db, &spec);

    // Project update: a season too short for its constraints is refused.
    let err = db.update_project(
        project,
        &ProjectPatch { nb_semaines: Some(2), semaine_min: Some(1), ..Default::default() },
    );
    assert!(matches!(err, Err(DbError::Invalid(_))), "{err:?}");
    let p = db
        .update_project(project, &ProjectPatch { nom: Some("Renamed".into()), ..Default::default() })
        .expect("update");
    assert_eq!(p.nom, "Renamed");
    assert_eq!(p.calendar, spec.calendar);
    assert_eq!(p.settings, spec.settings);
    assert_eq!(p.revision, 1);

    // A cup match between two teams of different pools.
    let loaded = db.load_problem(project).expect("load");
    let a = &loaded.problem.teams[0];
    let b = loaded.problem.teams.iter().find(|t| t.pool != a.pool).expect("another pool");
    let venue = &loaded.problem.venues[0];
    let created = db
        .create_fixed_match(
            project,
            &NewFixedMatch {
                home: scheduler_core::TeamKey::new(a.name.clone(), a.gender),
                away: scheduler_core::TeamKey::new(b.name.clone(), b.gender),
                poule: None,
                slot: Slot { semaine: 2, horaire: venue.times[0], gymnase: venue.name.clone() },
                statut: MatchStatus::Played,
                competition: Some("Coupe".into()),
                score: Some("3-1".into()),
                notes: None,
            },
        )
        .expect("create");
    assert_eq!((created.score_equipe1, created.score_equipe2), (Some(3), Some(1)));
    assert_eq!(created.leg, None);
    assert_eq!(db.load_problem(project).expect("load").problem.fixed.len(), loaded.problem.fixed.len() + 1);
    assert!(matches!(db.unfix_match(created.id), Err(DbError::NotModifiable { .. })));
    db.delete_match(created.id).expect("delete outside match");
    assert_eq!(db.load_problem(project).expect("load").problem, loaded.problem);

    // Runs: progress, finish, recovery after a restart.
    let run = db.create_run(project, Strategy::Optimal).expect("run");
    assert_eq!(run.status, RunStatus::Pending);
    db.start_run(run.id, 3).expect("start");
    db.update_run_progress(run.id, 1.7).expect("progress");
    assert_eq!(db.get_run(run.id).expect("run").progress, 1.0);
    let other = db.create_run(project, Strategy::Hybrid).expect("run");
    let done = db.finish_run(other.id, RunStatus::Failed, None, Some("SCIP failed")).expect("finish");
    assert_eq!(done.error.as_deref(), Some("SCIP failed"));
    assert_eq!(db.fail_interrupted_runs().expect("recover"), 1);
    let runs = db.list_runs(project).expect("runs");
    assert_eq!(runs.len(), 2);
    assert!(runs.iter().all(|r| r.status == RunStatus::Failed));
    assert!(matches!(
        db.get_run(scheduler_db::SolveRunId(999)),
        Err(DbError::NotFound { what: "solve run", id: 999 })
    ));
}

#[test]
fn reopening_runs_no_migration_twice_and_sees_the_data() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("data/x.db");
    let url = format!("sqlite://{}", path.display());
    let spec = synthetic(20, 1);
    let project = {
        let db = Database::open(&url).expect("open");
        import(&db, &spec)
    };
    let db = Database::open(path.to_str().expect("utf-8")).expect("reopen");
    assert_eq!(db.get_project(project).expect("project").nom, "synthetic");
    assert!(matches!(Database::open(":memory:"), Err(DbError::Connection { .. })));
}

#[test]
fn a_large_season_is_stored_in_several_statements() {
    let (_dir, db) = temp_db();
    let spec = synthetic(700, 12);
    let (direct, _) = Problem::new(spec.clone()).expect("valid season");
    assert!(direct.matches.len() > 1000, "several INSERT chunks: {}", direct.matches.len());
    let project = import(&db, &spec);
    assert_eq!(db.load_problem(project).expect("load").problem, direct);
}
