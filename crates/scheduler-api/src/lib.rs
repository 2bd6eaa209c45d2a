//! HTTP API of the league scheduler: a thin actix-web layer over `scheduler-db` and
//! `scheduler-core`. Handlers parse, call and map errors; OpenAPI comes from their annotations.

pub mod config;
pub mod error;
mod middleware;
pub mod openapi;
mod routes;
pub mod state;

use std::net::TcpListener;

use actix_cors::Cors;
use actix_web::dev::Server;
use actix_web::middleware::from_fn;
use actix_web::{web, App, HttpRequest, HttpServer};
use utoipa::OpenApi;
use utoipa_actix_web::{scope, AppExt};
use utoipa_swagger_ui::SwaggerUi;

pub use config::ServerConfig;
use error::ApiError;
use state::AppState;

/// The OpenAPI document of every route.
pub fn openapi() -> utoipa::openapi::OpenApi {
    let (_, api) = App::new()
        .into_utoipa_app()
        .openapi(openapi::ApiDoc::openapi())
        .configure(routes_config)
        .split_for_parts();
    api
}

fn routes_config(config: &mut utoipa_actix_web::service_config::ServiceConfig) {
    config
        .service(routes::meta::health)
        .service(scope("/api").service(routes::meta::index).service(routes::meta::openapi_json));
}

async fn not_found(request: HttpRequest) -> Result<actix_web::HttpResponse, ApiError> {
    Err(ApiError::NotFound(format!("no route for {} {}", request.method(), request.path())))
}

/// Starts the server on `listener`; the returned future runs until shutdown (Ctrl-C stops it
/// gracefully).
pub fn start(config: ServerConfig, listener: TcpListener) -> std::io::Result<Server> {
    let workers = config.workers;
    let state = web::Data::new(AppState { config });
    let document = web::Data::new(openapi());
    let mut server = HttpServer::new(move || {
        let config = &state.config;
        let cors = config
            .cors_origins
            .iter()
            .fold(Cors::default().allow_any_method().allow_any_header().max_age(3600), |cors, origin| {
                cors.allowed_origin(origin)
            });
        let (app, _) = App::new()
            .into_utoipa_app()
            .openapi(openapi::ApiDoc::openapi())
            .app_data(state.clone())
            .app_data(document.clone())
            .app_data(
                web::JsonConfig::default().limit(config.max_json_bytes).error_handler(error::json_error),
            )
            .app_data(web::PathConfig::default().error_handler(error::path_error))
            .app_data(web::QueryConfig::default().error_handler(error::query_error))
            .configure(routes_config)
            .split_for_parts();
        // Swagger UI reads its own copy under /docs; clients use /api/openapi.json.
        app.service(SwaggerUi::new("/docs/{_:.*}").url("/docs/openapi.json", document.get_ref().clone()))
            .default_service(web::to(not_found))
            .wrap(from_fn(middleware::require_api_key))
            .wrap(cors)
            .wrap(from_fn(middleware::log_request))
    })
    .listen(listener)?
    .shutdown_timeout(10);
    if workers > 0 {
        server = server.workers(workers);
    }
    Ok(server.run())
}
