//! HTTP API of the league scheduler: a thin actix-web layer over `scheduler-db` and
//! `scheduler-core`. Handlers parse, call and map errors; OpenAPI comes from their annotations.

pub mod config;
mod db;
mod dto;
pub mod error;
mod ics;
mod import;
mod middleware;
pub mod openapi;
mod routes;
mod solver;
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
    use routes::*;
    config.service(routes::meta::health).service(
        scope("/api")
            // PyCalendar's clients call `/api/projects/` as well as `/api/projects`.
            .wrap(actix_web::middleware::NormalizePath::trim())
            .service(meta::index)
            .service(meta::openapi_json)
            .service(projects::list)
            .service(projects::create)
            .service(import::import)
            .service(projects::read)
            .service(projects::update)
            .service(projects::remove)
            .service(projects::stats)
            .service(evaluation::evaluation)
            .service(unplaced::unplaced)
            .service(exports::export_xlsx)
            .service(exports::calendar_ics)
            .service(solve::solve_project)
            .service(solve::solve_status)
            .service(solve::cancel_solve)
            .service(solve::solve_runs)
            .service(solve::solve_events)
            .service(teams::list)
            .service(teams::read)
            .service(teams::create)
            .service(teams::update)
            .service(teams::remove)
            .service(venues::list)
            .service(venues::read)
            .service(venues::create)
            .service(venues::update)
            .service(venues::remove)
            .service(matches::list)
            .service(matches::read)
            .service(matches::create)
            .service(matches::update)
            .service(matches::remove)
            .service(matches::move_to)
            .service(matches::fix)
            .service(matches::unfix),
    );
}

async fn not_found(request: HttpRequest) -> Result<actix_web::HttpResponse, ApiError> {
    Err(ApiError::NotFound(format!("no route for {} {}", request.method(), request.path())))
}

/// Opens the database (running migrations), marks runs left `running` by a crash as failed, imports
/// the demo project into an empty database, then starts the server on `listener`. The returned
/// future runs until shutdown (Ctrl-C stops it gracefully).
pub fn start(config: ServerConfig, listener: TcpListener) -> anyhow::Result<Server> {
    use anyhow::Context;
    let db = scheduler_db::Database::open(&config.database_url)
        .with_context(|| format!("cannot open the database {}", config.database_url))?;
    let interrupted = db.fail_interrupted_runs()?;
    if interrupted > 0 {
        tracing::warn!(interrupted, "solve runs left running by a previous process were marked failed");
    }
    if let Some(demo) = import::import_demo_if_empty(&db, &config.demo_project)? {
        tracing::info!(
            project = demo.project_id,
            to_plan = demo.to_plan,
            fixed = demo.fixed,
            "demo project imported"
        );
    }
    let workers = config.workers;
    let solver = std::sync::Arc::new(solver::SolveManager::new(config.max_concurrent_solves));
    let state = web::Data::new(AppState { config, db, solver });
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
            .app_data(
                actix_multipart::form::MultipartFormConfig::default()
                    .total_limit(config.max_upload_bytes)
                    .memory_limit(config.max_upload_bytes)
                    .error_handler(error::multipart_error),
            )
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
