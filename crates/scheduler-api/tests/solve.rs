//! The solve endpoints against the real server: synchronous and background solves, status,
//! events, cancellation, history and every error code.

mod common;

use std::time::{Duration, Instant};

use common::{seed_synthetic, TestServer};
use reqwest::Method;
use serde_json::{json, Value};

async fn solve(server: &TestServer, project: i64, body: Option<Value>) -> (u16, Value) {
    server.send(Method::POST, &format!("/api/projects/{project}/solve"), body).await
}

#[tokio::test]
async fn heuristic_solve_places_and_saves() {
    let server = TestServer::start();
    let project = seed_synthetic(&server, 24);
    let (status, body) = solve(&server, project, Some(json!({"strategie": "greedy"}))).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["strategie"], "heuristique", "greedy is an alias");
    assert_eq!(body["erreurs"], json!([]));
    let placed = body["nb_matchs_planifies"].as_u64().expect("placed");
    assert!(placed > 0);
    assert_eq!(
        body["nb_matchs_modifiables"].as_u64(),
        Some(placed + body["nb_matchs_non_planifies"].as_u64().expect("unplaced"))
    );

    // The database holds the calendar, and the evaluator finds it valid with the same objective.
    let (_, evaluation) = server.get(&format!("/api/projects/{project}/evaluation")).await;
    assert_eq!(evaluation["valide"], true, "{evaluation}");
    assert_eq!(evaluation["nb_matchs_planifies"].as_u64(), Some(placed));
    assert_eq!(evaluation["objectif"], body["objectif"]);
    let (_, runs) = server.get(&format!("/api/projects/{project}/solve/runs")).await;
    assert_eq!(runs[0]["status"], "completed");
    assert_eq!(runs[0]["id"], body["run_id"]);
    let (_, status_body) = server.get(&format!("/api/projects/{project}/solve/status")).await;
    assert_eq!(status_body["status"], "completed");
}

#[tokio::test]
async fn optimal_solve_is_proven_on_a_small_league() {
    let server = TestServer::start();
    let project = seed_synthetic(&server, 12);
    let (status, body) =
        solve(&server, project, Some(json!({"strategie": "optimal", "temps_max_secondes": 60}))).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["statut_solveur"], "optimal");
    assert_eq!(body["gap"], json!(0.0));
    assert!(
        (body["borne"].as_f64().expect("bound") - body["objectif"].as_f64().expect("objective")).abs() < 1e-6
    );
}

#[tokio::test]
async fn solve_errors_have_codes() {
    let server = TestServer::start();
    let (status, body) = solve(&server, 999, None).await;
    assert_eq!((status, body), (404, json!({"detail": "project 999 not found"})));

    let project = seed_synthetic(&server, 12);
    let (status, body) = solve(&server, project, Some(json!({"strategie": "magic"}))).await;
    assert_eq!(status, 400);
    assert_eq!(
        body,
        json!({"detail": "unknown strategy `magic`; valid values: optimal, heuristique, hybride (aliases: cpsat, greedy, heuristic, hybrid)",
               "code": "INVALID_STRATEGY"})
    );
    let (status, body) = solve(&server, project, Some(json!({"temps_max_secondes": 0}))).await;
    assert_eq!(
        (status, body),
        (422, json!({"detail": "temps_max_secondes must be between 1 and 3600, got 0"}))
    );

    let (status, empty) =
        server.send(Method::POST, "/api/projects", Some(json!({"nom": "Vide", "sport": "V"}))).await;
    assert_eq!(status, 201);
    let (status, body) = solve(&server, empty["id"].as_i64().expect("id"), None).await;
    assert_eq!(status, 400);
    assert_eq!(body["code"], "NOTHING_TO_PLAN");

    let (status, body) = server.send(Method::DELETE, &format!("/api/projects/{project}/solve"), None).await;
    assert_eq!(
        (status, body),
        (404, json!({"detail": format!("no solve is running for project {project}")}))
    );
}

#[tokio::test]
async fn background_solve_can_be_followed_and_cancelled() {
    let server = TestServer::start();
    let project = seed_synthetic(&server, 100);
    let (_, before) = server.get(&format!("/api/matches?project_id={project}")).await;

    let (status, started) = solve(
        &server,
        project,
        Some(json!({"strategie": "optimal", "temps_max_secondes": 120, "asynchrone": true})),
    )
    .await;
    assert_eq!(status, 202, "{started}");
    assert!(["pending", "running"].contains(&started["status"].as_str().expect("status")));

    let (status, body) = solve(&server, project, None).await;
    assert_eq!(status, 409);
    assert_eq!(body["code"], "SOLVE_IN_PROGRESS");

    // Events stream while it runs.
    let response = server
        .client
        .get(server.url(&format!("/api/projects/{project}/solve/events")))
        .send()
        .await
        .expect("events");
    assert_eq!(response.headers()["content-type"], "text/event-stream");

    tokio::time::sleep(Duration::from_millis(1500)).await;
    let (_, running) = server.get(&format!("/api/projects/{project}/solve/status")).await;
    assert_eq!(running["status"], "running", "{running}");

    let asked = Instant::now();
    let (status, _) = server.send(Method::DELETE, &format!("/api/projects/{project}/solve"), None).await;
    assert_eq!(status, 204);
    assert!(asked.elapsed() < Duration::from_millis(2500), "cancelled in {:?}", asked.elapsed());
    let (_, after_status) = server.get(&format!("/api/projects/{project}/solve/status")).await;
    assert_eq!(after_status["status"], "cancelled", "{after_status}");
    let (_, after) = server.get(&format!("/api/matches?project_id={project}")).await;
    assert_eq!(before, after, "a cancelled solve writes nothing");

    let text = response.text().await.expect("stream ends with the solve");
    assert!(text.starts_with("event: status\ndata: {"), "{text}");
    assert!(text.contains("\"status\":\"cancelled\""), "{text}");
}

#[tokio::test]
async fn a_project_changed_during_the_solve_is_not_overwritten() {
    let server = TestServer::start();
    let project = seed_synthetic(&server, 300);
    let (status, _) = solve(
        &server,
        project,
        Some(json!({"strategie": "hybride", "temps_max_secondes": 3, "asynchrone": true})),
    )
    .await;
    assert_eq!(status, 202);
    let (status, _) =
        server.send(Method::PUT, &format!("/api/projects/{project}"), Some(json!({"nom": "Renamed"}))).await;
    assert_eq!(status, 200);
    let started = Instant::now();
    loop {
        let (_, body) = server.get(&format!("/api/projects/{project}/solve/status")).await;
        if body["status"] == "failed" {
            assert!(body["message"].as_str().expect("message").contains("changed since revision"), "{body}");
            break;
        }
        assert!(started.elapsed() < Duration::from_secs(60), "{body}");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let (_, stats) = server.get(&format!("/api/projects/{project}/stats")).await;
    assert_eq!(
        stats["nb_matchs_planifies"], stats["nb_matchs_fixes"],
        "only fixed matches have a slot: {stats}"
    );
}

#[tokio::test]
async fn a_run_left_running_by_a_crash_is_marked_failed_at_start_up() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("crashed.db").display().to_string();
    {
        let db = scheduler_db::Database::open(&path).expect("database");
        let spec = scheduler_core::synthetic::generate(scheduler_core::synthetic::SyntheticParams {
            teams: 12,
            seed: 1,
        });
        let new = scheduler_db::NewProject {
            nom: "P".into(),
            sport: "V".into(),
            config: None,
            calendar: spec.calendar.clone(),
            settings: spec.settings.clone(),
        };
        let project = db.import_project(&new, &spec).expect("import").project_id;
        let run = db.create_run(project, scheduler_core::Strategy::Heuristic).expect("run");
        db.start_run(run.id, 1).expect("start");
    }
    let server = TestServer::start_with(|config| config.database_url = path.clone());
    let (status, runs) = server.get("/api/projects/1/solve/runs").await;
    assert_eq!(status, 200);
    assert_eq!(runs[0]["status"], "failed", "{runs}");
}
