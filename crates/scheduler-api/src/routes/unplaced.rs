//! `GET /api/projects/{id}/unplaced`: every unplaced match and why, from the rules.

use std::collections::HashMap;

use actix_web::{get, web};
use scheduler_core::explain::explain_unplaced;
use scheduler_db::{MatchFilter, ProjectId};

use crate::db;
use crate::dto::unplaced::UnplacedMatchResponse;
use crate::error::{ApiError, ErrorBody};
use crate::state::AppState;

/// The matches the current calendar leaves unplaced, and why.
///
/// Each comes with its reason in one sentence and, week by week, what blocks it: the first plannable week, blocked weeks, a team or institution unavailable, a
/// team already playing that week (which match), venues closed, full or reserved by a presence
/// obligation, earliest times, hard temporal constraints; and the weeks where both teams are free.
#[utoipa::path(
    tag = "Projects",
    responses((status = 200, body = Vec<UnplacedMatchResponse>), (status = 404, body = ErrorBody)),
)]
#[get("/projects/{id}/unplaced")]
pub async fn unplaced(
    state: web::Data<AppState>,
    id: web::Path<i64>,
) -> Result<web::Json<Vec<UnplacedMatchResponse>>, ApiError> {
    let id = ProjectId(id.into_inner());
    let answer = db::run(&state, move |db| {
        let loaded = db.load_problem(id)?;
        let filter = MatchFilter { project_id: Some(id), ..MatchFilter::default() };
        let keys: HashMap<_, _> =
            db.list_matches(&filter)?.into_iter().map(|m| (m.id, m.match_key)).collect();
        let explanations = explain_unplaced(&loaded.problem, &loaded.schedule);
        Ok(explanations
            .iter()
            .map(|e| UnplacedMatchResponse::new(&loaded.problem, &loaded.match_rows, &keys, e))
            .collect())
    })
    .await?;
    Ok(web::Json(answer))
}
