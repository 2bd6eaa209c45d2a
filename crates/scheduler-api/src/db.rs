//! Running repository calls off the HTTP workers and mapping their errors.

use actix_web::web;
use scheduler_db::{Database, DbError};

use crate::error::ApiError;
use crate::state::AppState;

/// Runs `work` on the blocking pool with the database.
pub async fn run<T, F>(state: &web::Data<AppState>, work: F) -> Result<T, ApiError>
where
    F: FnOnce(&Database) -> Result<T, DbError> + Send + 'static,
    T: Send + 'static,
{
    let db = state.db.clone();
    web::block(move || work(&db)).await.map_err(ApiError::internal)?.map_err(ApiError::from)
}

impl From<DbError> for ApiError {
    fn from(error: DbError) -> Self {
        match error {
            DbError::NotFound { .. } => ApiError::NotFound(error.to_string()),
            DbError::Conflict { .. } => {
                ApiError::Conflict { detail: error.to_string(), code: "PROJECT_CHANGED" }
            }
            DbError::InvalidMove { .. } | DbError::NotModifiable { .. } | DbError::Invalid(_) => {
                ApiError::BadRequest(error.to_string())
            }
            other => ApiError::internal(other),
        }
    }
}
