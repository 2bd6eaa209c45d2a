//! `/api/projects`: list, create, read, update, delete, statistics.

use actix_web::{delete, get, post, put, web, HttpResponse};
use scheduler_db::ProjectId;

use crate::db;
use crate::dto::projects::{ProjectCreate, ProjectResponse, ProjectStatsResponse, ProjectUpdate};
use crate::error::{ApiError, ErrorBody};
use crate::state::AppState;

/// Every project.
#[utoipa::path(tag = "Projects", responses((status = 200, body = Vec<ProjectResponse>)))]
#[get("/projects")]
pub async fn list(state: web::Data<AppState>) -> Result<web::Json<Vec<ProjectResponse>>, ApiError> {
    let projects = db::run(&state, |db| db.list_projects()).await?;
    Ok(web::Json(projects.into_iter().map(Into::into).collect()))
}

/// Creates an empty project (add teams and venues, or import a workbook instead).
#[utoipa::path(
    tag = "Projects",
    request_body = ProjectCreate,
    responses(
        (status = 201, body = ProjectResponse),
        (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 422, body = ErrorBody),
    ),
    security(("api_key" = [])),
)]
#[post("/projects")]
pub async fn create(
    state: web::Data<AppState>,
    body: web::Json<ProjectCreate>,
) -> Result<HttpResponse, ApiError> {
    let new = body.into_inner().into_new()?;
    let project = db::run(&state, move |db| db.create_project(&new)).await?;
    Ok(HttpResponse::Created().json(ProjectResponse::from(project)))
}

/// One project.
#[utoipa::path(tag = "Projects", responses((status = 200, body = ProjectResponse), (status = 404, body = ErrorBody)))]
#[get("/projects/{id}")]
pub async fn read(
    state: web::Data<AppState>,
    id: web::Path<i64>,
) -> Result<web::Json<ProjectResponse>, ApiError> {
    let id = ProjectId(id.into_inner());
    Ok(web::Json(db::run(&state, move |db| db.get_project(id)).await?.into()))
}

/// Changes a project: only the fields present are applied.
#[utoipa::path(
    tag = "Projects",
    request_body = ProjectUpdate,
    responses((status = 200, body = ProjectResponse), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("api_key" = [])),
)]
#[put("/projects/{id}")]
pub async fn update(
    state: web::Data<AppState>,
    id: web::Path<i64>,
    body: web::Json<ProjectUpdate>,
) -> Result<web::Json<ProjectResponse>, ApiError> {
    let id = ProjectId(id.into_inner());
    let current = db::run(&state, move |db| db.get_project(id)).await?;
    let patch = body.into_inner().into_patch(&current)?;
    Ok(web::Json(db::run(&state, move |db| db.update_project(id, &patch)).await?.into()))
}

/// Deletes a project with its teams, venues, matches, constraints and runs.
#[utoipa::path(tag = "Projects", responses((status = 204), (status = 404, body = ErrorBody)), security(("api_key" = [])))]
#[delete("/projects/{id}")]
pub async fn remove(state: web::Data<AppState>, id: web::Path<i64>) -> Result<HttpResponse, ApiError> {
    let id = ProjectId(id.into_inner());
    db::run(&state, move |db| db.delete_project(id)).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Counts of the project's calendar.
#[utoipa::path(tag = "Projects", responses((status = 200, body = ProjectStatsResponse), (status = 404, body = ErrorBody)))]
#[get("/projects/{id}/stats")]
pub async fn stats(
    state: web::Data<AppState>,
    id: web::Path<i64>,
) -> Result<web::Json<ProjectStatsResponse>, ApiError> {
    let id = ProjectId(id.into_inner());
    Ok(web::Json(db::run(&state, move |db| db.project_stats(id)).await?.into()))
}
