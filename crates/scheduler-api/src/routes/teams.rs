//! `/api/teams`: list, read, create, update, delete.

use actix_web::{delete, get, post, put, web, HttpResponse};
use scheduler_db::{DbTeamId, ProjectId};
use serde::Deserialize;
use utoipa::IntoParams;

use crate::db;
use crate::dto::teams::{TeamCreate, TeamResponse, TeamUpdate};
use crate::error::{ApiError, ErrorBody};
use crate::state::AppState;

/// Which project's rows to list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ProjectQuery {
    /// Project (required).
    pub project_id: Option<i64>,
}

impl ProjectQuery {
    pub(crate) fn project(&self) -> Result<ProjectId, ApiError> {
        self.project_id
            .map(ProjectId)
            .ok_or_else(|| ApiError::BadRequest("query parameter project_id is required".into()))
    }
}

/// Teams of a project, in source order.
#[utoipa::path(tag = "Teams", params(ProjectQuery), responses((status = 200, body = Vec<TeamResponse>), (status = 400, body = ErrorBody), (status = 404, body = ErrorBody)))]
#[get("/teams")]
pub async fn list(
    state: web::Data<AppState>,
    query: web::Query<ProjectQuery>,
) -> Result<web::Json<Vec<TeamResponse>>, ApiError> {
    let project = query.project()?;
    let teams = db::run(&state, move |db| db.list_teams(project)).await?;
    Ok(web::Json(teams.into_iter().map(Into::into).collect()))
}

/// One team.
#[utoipa::path(tag = "Teams", responses((status = 200, body = TeamResponse), (status = 404, body = ErrorBody)))]
#[get("/teams/{id}")]
pub async fn read(
    state: web::Data<AppState>,
    id: web::Path<i64>,
) -> Result<web::Json<TeamResponse>, ApiError> {
    let id = DbTeamId(id.into_inner());
    Ok(web::Json(db::run(&state, move |db| db.get_team(id)).await?.into()))
}

/// Adds a team; the matches of its pool are generated.
#[utoipa::path(tag = "Teams", request_body = TeamCreate, responses((status = 201, body = TeamResponse), (status = 400, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)), security(("api_key" = [])))]
#[post("/teams")]
pub async fn create(
    state: web::Data<AppState>,
    body: web::Json<TeamCreate>,
) -> Result<HttpResponse, ApiError> {
    let project = ProjectId(body.project_id);
    let new = body.into_inner().into_new()?;
    let team = db::run(&state, move |db| db.create_team(project, &new)).await?;
    Ok(HttpResponse::Created().json(TeamResponse::from(team)))
}

/// Changes a team: only the fields present are applied.
#[utoipa::path(tag = "Teams", request_body = TeamUpdate, responses((status = 200, body = TeamResponse), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)), security(("api_key" = [])))]
#[put("/teams/{id}")]
pub async fn update(
    state: web::Data<AppState>,
    id: web::Path<i64>,
    body: web::Json<TeamUpdate>,
) -> Result<web::Json<TeamResponse>, ApiError> {
    let id = DbTeamId(id.into_inner());
    let patch = body.into_inner().into_patch()?;
    Ok(web::Json(db::run(&state, move |db| db.update_team(id, &patch)).await?.into()))
}

/// Deletes a team (refused while matches or constraints name it).
#[utoipa::path(tag = "Teams", responses((status = 204), (status = 400, body = ErrorBody), (status = 404, body = ErrorBody)), security(("api_key" = [])))]
#[delete("/teams/{id}")]
pub async fn remove(state: web::Data<AppState>, id: web::Path<i64>) -> Result<HttpResponse, ApiError> {
    let id = DbTeamId(id.into_inner());
    db::run(&state, move |db| db.delete_team(id)).await?;
    Ok(HttpResponse::NoContent().finish())
}
