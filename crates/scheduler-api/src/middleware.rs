//! Cross-cutting request handling: the API key and one log line per request.

use std::time::Instant;

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::{header, Method};
use actix_web::middleware::Next;
use actix_web::web::Data;

use crate::error::ApiError;
use crate::state::AppState;

/// Requires `Authorization: Bearer <key>` on every route that changes data (and on reads when
/// configured) once an API key is set.
pub async fn require_api_key(
    request: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let state = request.app_data::<Data<AppState>>().cloned();
    if let Some(state) = state {
        if let Some(key) = &state.config.api_key {
            let read = matches!(*request.method(), Method::GET | Method::HEAD | Method::OPTIONS);
            if !read || state.config.api_key_for_reads {
                let given = request
                    .headers()
                    .get(header::AUTHORIZATION)
                    .and_then(|value| value.to_str().ok())
                    .and_then(|value| value.strip_prefix("Bearer "));
                match given {
                    Some(given) if given == key => {}
                    Some(_) => return Err(ApiError::Unauthorized("invalid API key".into()).into()),
                    None => {
                        return Err(ApiError::Unauthorized(
                            "this route needs the API key: send `Authorization: Bearer <key>`".into(),
                        )
                        .into())
                    }
                }
            }
        }
    }
    next.call(request).await
}

/// Logs method, path, status and duration of every request.
pub async fn log_request(
    request: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let started = Instant::now();
    let method = request.method().clone();
    let path = request.path().to_string();
    let result = next.call(request).await;
    let status = match &result {
        Ok(response) => response.status().as_u16(),
        Err(error) => error.as_response_error().status_code().as_u16(),
    };
    tracing::info!(%method, path, status, duration_ms = started.elapsed().as_secs_f64() * 1e3, "request");
    result
}
