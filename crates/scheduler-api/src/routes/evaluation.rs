//! `GET /api/projects/{id}/evaluation`: what the evaluator says of the current calendar.

use actix_web::{get, web};
use scheduler_db::ProjectId;

use crate::db;
use crate::dto::evaluation::{EvaluationQuery, EvaluationResponse, MatchScoreResponse};
use crate::error::{ApiError, ErrorBody};
use crate::state::AppState;

/// Hard violations and the penalty breakdown of the project's current calendar (after hand moves,
/// for instance); with `details=true`, also the reward and penalties of every placed match.
#[utoipa::path(
    tag = "Projects",
    params(EvaluationQuery),
    responses((status = 200, body = EvaluationResponse), (status = 400, body = ErrorBody), (status = 404, body = ErrorBody)),
)]
#[get("/projects/{id}/evaluation")]
pub async fn evaluation(
    state: web::Data<AppState>,
    id: web::Path<i64>,
    query: web::Query<EvaluationQuery>,
) -> Result<web::Json<EvaluationResponse>, ApiError> {
    let id = ProjectId(id.into_inner());
    let loaded = db::run(&state, move |db| db.load_problem(id)).await?;
    let evaluation = scheduler_core::evaluate(&loaded.problem, &loaded.schedule);
    let warnings = loaded.warnings.iter().map(ToString::to_string).collect();
    let mut response =
        EvaluationResponse::new(id.0, &loaded.problem, &loaded.match_rows, &evaluation, warnings);
    if query.details == Some(true) {
        response.details_matchs =
            Some(MatchScoreResponse::all(&loaded.problem, &loaded.match_rows, &loaded.schedule));
    }
    Ok(web::Json(response))
}
