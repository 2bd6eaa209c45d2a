//! `/api/venues`: list, read, create, update, delete.

use actix_web::{delete, get, post, put, web, HttpResponse};
use scheduler_db::{DbVenueId, ProjectId};

use super::teams::ProjectQuery;
use crate::db;
use crate::dto::venues::{VenueCreate, VenueResponse, VenueUpdate};
use crate::error::{ApiError, ErrorBody};
use crate::state::AppState;

/// Venues of a project, in source order.
#[utoipa::path(tag = "Venues", params(ProjectQuery), responses((status = 200, body = Vec<VenueResponse>), (status = 400, body = ErrorBody), (status = 404, body = ErrorBody)))]
#[get("/venues")]
pub async fn list(
    state: web::Data<AppState>,
    query: web::Query<ProjectQuery>,
) -> Result<web::Json<Vec<VenueResponse>>, ApiError> {
    let project = query.project()?;
    let venues = db::run(&state, move |db| db.list_venues(project)).await?;
    Ok(web::Json(venues.into_iter().map(Into::into).collect()))
}

/// One venue.
#[utoipa::path(tag = "Venues", responses((status = 200, body = VenueResponse), (status = 404, body = ErrorBody)))]
#[get("/venues/{id}")]
pub async fn read(
    state: web::Data<AppState>,
    id: web::Path<i64>,
) -> Result<web::Json<VenueResponse>, ApiError> {
    let id = DbVenueId(id.into_inner());
    Ok(web::Json(db::run(&state, move |db| db.get_venue(id)).await?.into()))
}

/// Adds a venue.
#[utoipa::path(tag = "Venues", request_body = VenueCreate, responses((status = 201, body = VenueResponse), (status = 400, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)), security(("api_key" = [])))]
#[post("/venues")]
pub async fn create(
    state: web::Data<AppState>,
    body: web::Json<VenueCreate>,
) -> Result<HttpResponse, ApiError> {
    let project = ProjectId(body.project_id);
    let new = body.into_inner().into_new()?;
    let venue = db::run(&state, move |db| db.create_venue(project, &new)).await?;
    Ok(HttpResponse::Created().json(VenueResponse::from(venue)))
}

/// Changes a venue: only the fields present are applied.
#[utoipa::path(tag = "Venues", request_body = VenueUpdate, responses((status = 200, body = VenueResponse), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)), security(("api_key" = [])))]
#[put("/venues/{id}")]
pub async fn update(
    state: web::Data<AppState>,
    id: web::Path<i64>,
    body: web::Json<VenueUpdate>,
) -> Result<web::Json<VenueResponse>, ApiError> {
    let id = DbVenueId(id.into_inner());
    let patch = body.into_inner().into_patch()?;
    Ok(web::Json(db::run(&state, move |db| db.update_venue(id, &patch)).await?.into()))
}

/// Deletes a venue (refused while matches or constraints name it).
#[utoipa::path(tag = "Venues", responses((status = 204), (status = 400, body = ErrorBody), (status = 404, body = ErrorBody)), security(("api_key" = [])))]
#[delete("/venues/{id}")]
pub async fn remove(state: web::Data<AppState>, id: web::Path<i64>) -> Result<HttpResponse, ApiError> {
    let id = DbVenueId(id.into_inner());
    db::run(&state, move |db| db.delete_venue(id)).await?;
    Ok(HttpResponse::NoContent().finish())
}
