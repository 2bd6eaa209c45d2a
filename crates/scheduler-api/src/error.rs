//! The HTTP error boundary: every failure becomes `{"detail": "..."}` with the right status.
//!
//! Policy: handlers return `Result<_, ApiError>`; lower layers return typed errors converted here.
//! Unexpected errors are logged with their cause and answered 500 without internals.

use actix_web::error::{JsonPayloadError, PathError, QueryPayloadError};
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, ResponseError};
use serde::Serialize;
use utoipa::ToSchema;

/// Body of every error response.
#[derive(Debug, Serialize, ToSchema)]
pub struct ErrorBody {
    /// What went wrong, in one sentence.
    #[schema(example = "project 42 not found")]
    pub detail: String,
    /// A stable code for the cases clients act on (`SOLVE_IN_PROGRESS`, `PROJECT_CHANGED`…).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<&'static str>,
}

/// An error answered to the client.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// 400.
    #[error("{0}")]
    BadRequest(String),
    /// 400 with a stable code.
    #[error("{detail}")]
    BadRequestCode {
        /// Message.
        detail: String,
        /// Code.
        code: &'static str,
    },
    /// 401.
    #[error("{0}")]
    Unauthorized(String),
    /// 404.
    #[error("{0}")]
    NotFound(String),
    /// 409 with a stable code.
    #[error("{detail}")]
    Conflict {
        /// Message.
        detail: String,
        /// Code.
        code: &'static str,
    },
    /// 413.
    #[error("{0}")]
    TooLarge(String),
    /// 422.
    #[error("{0}")]
    Unprocessable(String),
    /// 500: logged with its cause, answered without it.
    #[error("internal error")]
    Internal(#[source] anyhow::Error),
}

impl ApiError {
    /// A 500 from any error, logged once here.
    pub fn internal(error: impl Into<anyhow::Error>) -> Self {
        let error = error.into();
        tracing::error!(error = format!("{error:#}"), "unexpected error");
        ApiError::Internal(error)
    }

    fn code(&self) -> Option<&'static str> {
        match self {
            ApiError::BadRequestCode { code, .. } | ApiError::Conflict { code, .. } => Some(code),
            _ => None,
        }
    }
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        match self {
            ApiError::BadRequest(_) | ApiError::BadRequestCode { .. } => StatusCode::BAD_REQUEST,
            ApiError::Unauthorized(_) => StatusCode::UNAUTHORIZED,
            ApiError::NotFound(_) => StatusCode::NOT_FOUND,
            ApiError::Conflict { .. } => StatusCode::CONFLICT,
            ApiError::TooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::Unprocessable(_) => StatusCode::UNPROCESSABLE_ENTITY,
            ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        let detail = match self {
            ApiError::Internal(_) => "internal server error; the server log has the details".to_string(),
            other => other.to_string(),
        };
        HttpResponse::build(self.status_code()).json(ErrorBody { detail, code: self.code() })
    }
}

/// Invalid JSON → 400, valid JSON of the wrong shape → 422, too large → 413.
pub fn json_error(error: JsonPayloadError, _request: &HttpRequest) -> actix_web::Error {
    let api = match &error {
        JsonPayloadError::Overflow { limit } | JsonPayloadError::OverflowKnownLength { limit, .. } => {
            ApiError::TooLarge(format!("request body is larger than the limit of {limit} bytes"))
        }
        JsonPayloadError::ContentType => {
            ApiError::BadRequest("expected a JSON body (Content-Type: application/json)".into())
        }
        JsonPayloadError::Deserialize(inner) if inner.is_data() => {
            ApiError::Unprocessable(format!("invalid request body: {inner}"))
        }
        JsonPayloadError::Deserialize(inner) => ApiError::BadRequest(format!("malformed JSON: {inner}")),
        other => ApiError::BadRequest(format!("unreadable request body: {other}")),
    };
    api.into()
}

/// A path segment of the wrong type (e.g. `/api/projects/abc`) → 404: no such resource.
pub fn path_error(error: PathError, request: &HttpRequest) -> actix_web::Error {
    ApiError::NotFound(format!("no resource at {} ({error})", request.path())).into()
}

/// A bad query string → 400.
pub fn query_error(error: QueryPayloadError, _request: &HttpRequest) -> actix_web::Error {
    ApiError::BadRequest(format!("invalid query parameters: {error}")).into()
}

/// A bad upload → 400, too large → 413.
pub fn multipart_error(error: actix_multipart::MultipartError, _request: &HttpRequest) -> actix_web::Error {
    use actix_multipart::MultipartError;
    let api = match &error {
        MultipartError::Payload(actix_web::error::PayloadError::Overflow) => {
            ApiError::TooLarge("the upload is larger than the server accepts".into())
        }
        other if other.status_code() == StatusCode::PAYLOAD_TOO_LARGE => {
            ApiError::TooLarge(format!("the upload is too large: {other}"))
        }
        other => ApiError::BadRequest(format!("invalid upload: {other}")),
    };
    api.into()
}
