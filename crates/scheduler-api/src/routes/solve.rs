//! `/api/projects/{id}/solve`: solve now or in the background, follow, cancel, history.

use std::time::Duration;

use actix_web::web::Bytes;
use actix_web::{delete, get, post, web, HttpResponse};
use futures_util::stream;
use scheduler_db::ProjectId;

use crate::db;
use crate::dto::solve::{SolveRequest, SolveResponse, SolveRunResponse, SolveStatusResponse};
use crate::error::{ApiError, ErrorBody};
use crate::solver::{resolve_request, JobState};
use crate::state::AppState;

fn parse_request(body: &[u8]) -> Result<SolveRequest, ApiError> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Ok(SolveRequest::default());
    }
    serde_json::from_slice(body).map_err(|e| {
        if e.is_data() {
            ApiError::Unprocessable(format!("invalid request body: {e}"))
        } else {
            ApiError::BadRequest(format!("malformed JSON: {e}"))
        }
    })
}

/// Builds the calendar of a project and saves it.
///
/// Workflow: the project is loaded from the database with every constraint, solved, re-checked by
/// the evaluator (zero hard violations) and saved in one transaction. Fixed, played and cancelled
/// matches and matches in weeks before `semaine_min` never change; matches no longer placed lose
/// their slot. If the project changed during the solve nothing is written (409 `PROJECT_CHANGED`).
///
/// Strategies: `optimal` proves the best calendar with SCIP (may take the whole time limit on big
/// seasons); `heuristique` answers in about a second without proof; `hybride` (default) starts
/// from the heuristic and lets SCIP improve and prove it, falling back to the heuristic's calendar.
///
/// ```text
/// curl -X POST localhost:8000/api/projects/1/solve
/// curl -X POST localhost:8000/api/projects/1/solve -H 'content-type: application/json' \
///      -d '{"strategie": "optimal", "temps_max_secondes": 30}'
/// curl -X POST localhost:8000/api/projects/1/solve -H 'content-type: application/json' \
///      -d '{"asynchrone": true}'   # then GET /api/projects/1/solve/status or /solve/events
/// ```
#[utoipa::path(
    tag = "Solver",
    request_body(content = Option<SolveRequest>, content_type = "application/json"),
    responses(
        (status = 200, description = "Solved and saved", body = SolveResponse),
        (status = 202, description = "Started in the background (`asynchrone: true`)", body = SolveStatusResponse),
        (status = 400, description = "Invalid strategy (`INVALID_STRATEGY`), nothing to plan (`NOTHING_TO_PLAN`), no solution (`NO_SOLUTION`, `SOLVER_TIMEOUT`)", body = ErrorBody),
        (status = 404, body = ErrorBody),
        (status = 409, description = "`SOLVE_IN_PROGRESS` or `PROJECT_CHANGED`", body = ErrorBody),
        (status = 422, body = ErrorBody),
    ),
    security(("api_key" = [])),
)]
#[post("/projects/{id}/solve")]
pub async fn solve_project(
    state: web::Data<AppState>,
    id: web::Path<i64>,
    body: Bytes,
) -> Result<HttpResponse, ApiError> {
    let project_id = ProjectId(id.into_inner());
    let request = parse_request(&body)?;
    let project = db::run(&state, move |db| db.get_project(project_id)).await?;
    let (strategy, seconds) = resolve_request(&request, &project)?;
    if state.solver.current(project_id).is_some() {
        return Err(ApiError::Conflict {
            detail: format!("a solve is already running for project {project_id}"),
            code: "SOLVE_IN_PROGRESS",
        });
    }
    let loaded = db::run(&state, move |db| db.load_problem(project_id)).await?;
    if loaded.problem.matches.is_empty() {
        return Err(ApiError::BadRequestCode {
            detail: format!(
                "project {project_id} has no match to plan: every match is fixed, played or cancelled"
            ),
            code: "NOTHING_TO_PLAN",
        });
    }
    let solver = state.solver.clone();
    let db = state.db.clone();
    let job = web::block(move || solver.start(db, loaded, strategy, Duration::from_secs(seconds)))
        .await
        .map_err(ApiError::internal)??;
    if request.asynchrone {
        let status = job.state.borrow().to_response(project_id, Some(job.run));
        return Ok(HttpResponse::Accepted().json(status));
    }
    let response = job.finished().await.into_result()?;
    Ok(HttpResponse::Ok().json(response))
}

async fn status_of(state: &web::Data<AppState>, project: ProjectId) -> Result<SolveStatusResponse, ApiError> {
    if let Some(job) = state.solver.current(project) {
        return Ok(job.state.borrow().to_response(project, Some(job.run)));
    }
    let runs = db::run(state, move |db| {
        db.get_project(project)?;
        db.list_runs(project)
    })
    .await?;
    Ok(match runs.into_iter().next() {
        Some(run) => SolveStatusResponse {
            project_id: project.0,
            run_id: Some(run.id.0),
            status: run.status.as_str().to_string(),
            progress: run.progress,
            message: run.error.clone(),
            meilleur_objectif: run.summary.as_ref().map(|s| s.objective),
            nb_matchs_planifies: run.summary.as_ref().map(|s| s.placed),
            result: None,
        },
        None => SolveStatusResponse {
            project_id: project.0,
            run_id: None,
            status: "idle".into(),
            progress: 0.0,
            message: Some("no solve yet".into()),
            meilleur_objectif: None,
            nb_matchs_planifies: None,
            result: None,
        },
    })
}

/// Where the project's current (or last) solve is.
#[utoipa::path(tag = "Solver", responses((status = 200, body = SolveStatusResponse), (status = 404, body = ErrorBody)))]
#[get("/projects/{id}/solve/status")]
pub async fn solve_status(
    state: web::Data<AppState>,
    id: web::Path<i64>,
) -> Result<web::Json<SolveStatusResponse>, ApiError> {
    Ok(web::Json(status_of(&state, ProjectId(id.into_inner())).await?))
}

/// Cancels the running solve: it stops within 2 s and writes nothing.
#[utoipa::path(tag = "Solver", responses((status = 204), (status = 404, description = "Nothing running", body = ErrorBody)), security(("api_key" = [])))]
#[delete("/projects/{id}/solve")]
pub async fn cancel_solve(state: web::Data<AppState>, id: web::Path<i64>) -> Result<HttpResponse, ApiError> {
    let project = ProjectId(id.into_inner());
    let job = state
        .solver
        .current(project)
        .ok_or_else(|| ApiError::NotFound(format!("no solve is running for project {project}")))?;
    job.cancel();
    // The solver checks the flag often; answer once it has stopped (or after 2 s at most).
    let _ = tokio::time::timeout(Duration::from_secs(2), job.finished()).await;
    Ok(HttpResponse::NoContent().finish())
}

/// Past solves of the project, newest first.
#[utoipa::path(tag = "Solver", responses((status = 200, body = Vec<SolveRunResponse>), (status = 404, body = ErrorBody)))]
#[get("/projects/{id}/solve/runs")]
pub async fn solve_runs(
    state: web::Data<AppState>,
    id: web::Path<i64>,
) -> Result<web::Json<Vec<SolveRunResponse>>, ApiError> {
    let project = ProjectId(id.into_inner());
    let runs = db::run(&state, move |db| {
        db.get_project(project)?;
        db.list_runs(project)
    })
    .await?;
    Ok(web::Json(runs.into_iter().map(Into::into).collect()))
}

fn event(status: &SolveStatusResponse) -> Bytes {
    let json = serde_json::to_string(status).unwrap_or_else(|_| "{}".into());
    Bytes::from(format!("event: status\ndata: {json}\n\n"))
}

/// The same progress as `/solve/status`, as Server-Sent Events (`event: status`), until the solve
/// ends; a page can show a live bar without polling.
#[utoipa::path(tag = "Solver", responses((status = 200, description = "`text/event-stream` of SolveStatus objects", content_type = "text/event-stream"), (status = 404, body = ErrorBody)))]
#[get("/projects/{id}/solve/events")]
pub async fn solve_events(state: web::Data<AppState>, id: web::Path<i64>) -> Result<HttpResponse, ApiError> {
    let project = ProjectId(id.into_inner());
    let Some(job) = state.solver.current(project) else {
        let last = status_of(&state, project).await?;
        return Ok(HttpResponse::Ok().content_type("text/event-stream").body(event(&last)));
    };
    let receiver = job.state.subscribe();
    let run = job.run;
    let stream = stream::unfold(Some(receiver), move |receiver| async move {
        let mut receiver = receiver?;
        let state: JobState = receiver.borrow_and_update().clone();
        let done = state.outcome.is_some();
        let bytes = event(&state.to_response(project, Some(run)));
        if done {
            return Some((Ok::<_, actix_web::Error>(bytes), None));
        }
        // Wait for the next change, at most a second, so clients also get a heartbeat.
        let _ = tokio::time::timeout(Duration::from_secs(1), receiver.changed()).await;
        Some((Ok(bytes), Some(receiver)))
    });
    Ok(HttpResponse::Ok()
        .content_type("text/event-stream")
        .insert_header(("cache-control", "no-cache"))
        .streaming(stream))
}
