//! `/api/matches`: list with filters, read, create, update, delete, move, fix, unfix.

use actix_web::{delete, get, post, put, web, HttpResponse};
use scheduler_db::DbMatchId;

use crate::db;
use crate::dto::matches::{
    MatchActionResponse, MatchCreate, MatchMove, MatchQuery, MatchResponse, MatchUpdate,
};
use crate::error::{ApiError, ErrorBody};
use crate::state::AppState;

/// Matches, filtered by project, week, pool, status or venue.
#[utoipa::path(tag = "Matches", params(MatchQuery), responses((status = 200, body = Vec<MatchResponse>), (status = 400, body = ErrorBody)))]
#[get("/matches")]
pub async fn list(
    state: web::Data<AppState>,
    query: web::Query<MatchQuery>,
) -> Result<web::Json<Vec<MatchResponse>>, ApiError> {
    let filter = query.into_inner().into_filter()?;
    let matches = db::run(&state, move |db| db.list_matches(&filter)).await?;
    Ok(web::Json(matches.into_iter().map(Into::into).collect()))
}

/// One match.
#[utoipa::path(tag = "Matches", responses((status = 200, body = MatchResponse), (status = 404, body = ErrorBody)))]
#[get("/matches/{id}")]
pub async fn read(
    state: web::Data<AppState>,
    id: web::Path<i64>,
) -> Result<web::Json<MatchResponse>, ApiError> {
    let id = DbMatchId(id.into_inner());
    Ok(web::Json(db::run(&state, move |db| db.get_match(id)).await?.into()))
}

/// Adds a played or imposed match (cup, friendly, external team) in its slot.
#[utoipa::path(tag = "Matches", request_body = MatchCreate, responses((status = 201, body = MatchResponse), (status = 400, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)), security(("api_key" = [])))]
#[post("/matches")]
pub async fn create(
    state: web::Data<AppState>,
    body: web::Json<MatchCreate>,
) -> Result<HttpResponse, ApiError> {
    let (project, new) = body.into_inner().into_new()?;
    let created = db::run(&state, move |db| db.create_fixed_match(project, &new)).await?;
    Ok(HttpResponse::Created().json(MatchResponse::from(created)))
}

/// Changes a match: a full slot moves it (checked like `/move`), `est_fixe` fixes or unfixes it,
/// then status, scores and notes are applied.
#[utoipa::path(tag = "Matches", request_body = MatchUpdate, responses((status = 200, body = MatchResponse), (status = 400, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)), security(("api_key" = [])))]
#[put("/matches/{id}")]
pub async fn update(
    state: web::Data<AppState>,
    id: web::Path<i64>,
    body: web::Json<MatchUpdate>,
) -> Result<web::Json<MatchResponse>, ApiError> {
    let id = DbMatchId(id.into_inner());
    let plan = body.into_inner().into_plan()?;
    let updated = db::run(&state, move |db| {
        if let Some(slot) = &plan.slot {
            db.move_match(id, slot)?;
        }
        match plan.lock {
            Some(true) => {
                db.fix_match(id)?;
            }
            Some(false) => {
                db.unfix_match(id)?;
            }
            None => {}
        }
        db.update_match(id, &plan.patch)
    })
    .await?;
    Ok(web::Json(updated.into()))
}

/// Deletes a match.
#[utoipa::path(tag = "Matches", responses((status = 204), (status = 400, body = ErrorBody), (status = 404, body = ErrorBody)), security(("api_key" = [])))]
#[delete("/matches/{id}")]
pub async fn remove(state: web::Data<AppState>, id: web::Path<i64>) -> Result<HttpResponse, ApiError> {
    let id = DbMatchId(id.into_inner());
    db::run(&state, move |db| db.delete_match(id)).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Moves a match to a slot. Refused (400) for a fixed, played or cancelled match, and when the
/// slot breaks a hard rule (the rule is named).
#[utoipa::path(tag = "Matches", request_body = MatchMove, responses((status = 200, body = MatchResponse), (status = 400, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)), security(("api_key" = [])))]
#[post("/matches/{id}/move")]
pub async fn move_to(
    state: web::Data<AppState>,
    id: web::Path<i64>,
    body: web::Json<MatchMove>,
) -> Result<web::Json<MatchResponse>, ApiError> {
    let id = DbMatchId(id.into_inner());
    let slot = body.into_inner().into_slot()?;
    Ok(web::Json(db::run(&state, move |db| db.move_match(id, &slot)).await?.into()))
}

/// Locks a match in its slot (`est_fixe`, statut `fixe`; a played or cancelled match keeps its status).
#[utoipa::path(tag = "Matches", responses((status = 200, body = MatchActionResponse), (status = 400, body = ErrorBody), (status = 404, body = ErrorBody)), security(("api_key" = [])))]
#[post("/matches/{id}/fix")]
pub async fn fix(
    state: web::Data<AppState>,
    id: web::Path<i64>,
) -> Result<web::Json<MatchActionResponse>, ApiError> {
    let id = DbMatchId(id.into_inner());
    let fixed = db::run(&state, move |db| db.fix_match(id)).await?;
    Ok(web::Json(MatchActionResponse { message: "Match fixé avec succès".into(), match_: fixed.into() }))
}

/// Unlocks a match (statut `planifie` with a slot, `a_planifier` without).
#[utoipa::path(tag = "Matches", responses((status = 200, body = MatchActionResponse), (status = 400, body = ErrorBody), (status = 404, body = ErrorBody)), security(("api_key" = [])))]
#[post("/matches/{id}/unfix")]
pub async fn unfix(
    state: web::Data<AppState>,
    id: web::Path<i64>,
) -> Result<web::Json<MatchActionResponse>, ApiError> {
    let id = DbMatchId(id.into_inner());
    let unfixed = db::run(&state, move |db| db.unfix_match(id)).await?;
    Ok(web::Json(MatchActionResponse {
        message: "Match déverrouillé avec succès".into(),
        match_: unfixed.into(),
    }))
}
