//! `GET /health` and `GET /api`.

use actix_web::{get, web, HttpResponse};
use serde::Serialize;
use utoipa::ToSchema;

/// Liveness answer.
#[derive(Debug, Serialize, ToSchema)]
pub struct Health {
    /// Always `ok` when the server answers.
    #[schema(example = "ok")]
    pub status: &'static str,
}

/// Liveness probe.
#[utoipa::path(tag = "Meta", responses((status = 200, body = Health)))]
#[get("/health")]
pub async fn health() -> web::Json<Health> {
    web::Json(Health { status: "ok" })
}

/// What this API is.
#[derive(Debug, Serialize, ToSchema)]
pub struct ApiIndex {
    /// Name.
    pub name: &'static str,
    /// Version.
    pub version: &'static str,
    /// One sentence.
    pub description: &'static str,
    /// Swagger UI.
    pub docs: &'static str,
    /// OpenAPI document.
    pub openapi: &'static str,
}

/// Name, version and links to the documentation.
#[utoipa::path(tag = "Meta", responses((status = 200, body = ApiIndex)))]
#[get("")]
pub async fn index() -> HttpResponse {
    HttpResponse::Ok().json(ApiIndex {
        name: "League scheduler API",
        version: env!("CARGO_PKG_VERSION"),
        description: "Projects, teams, venues, matches and solving of sports league calendars",
        docs: "/docs/",
        openapi: "/api/openapi.json",
    })
}

/// This document (OpenAPI 3.1, JSON).
#[utoipa::path(tag = "Meta", responses((status = 200, description = "The OpenAPI document", content_type = "application/json")))]
#[get("/openapi.json")]
pub async fn openapi_json(document: web::Data<utoipa::openapi::OpenApi>) -> HttpResponse {
    HttpResponse::Ok().json(document.get_ref())
}
