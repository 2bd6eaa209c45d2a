//! `POST /api/projects/import`: upload a workbook (and optionally its YAML) → a new project.

use actix_multipart::form::tempfile::TempFile;
use actix_multipart::form::text::Text;
use actix_multipart::form::MultipartForm;
use actix_web::{post, web, HttpResponse};
use serde::Serialize;
use utoipa::ToSchema;

use crate::dto::projects::ProjectResponse;
use crate::error::{ApiError, ErrorBody};
use crate::state::AppState;

/// The upload.
#[derive(Debug, MultipartForm, ToSchema)]
pub struct ImportForm {
    /// The season workbook (`.xlsx`, PyCalendar's format).
    #[schema(value_type = String, format = Binary)]
    pub workbook: TempFile,
    /// The project YAML (only what differs from the defaults).
    #[schema(value_type = Option<String>, format = Binary)]
    pub config: Option<TempFile>,
    /// Project name (default: the workbook's name).
    #[schema(value_type = Option<String>)]
    pub nom: Option<Text<String>>,
    /// Sport (default: guessed from the workbook's name).
    #[schema(value_type = Option<String>)]
    pub sport: Option<Text<String>>,
}

/// The stored project and what the import noticed.
#[derive(Debug, Serialize, ToSchema)]
pub struct ImportResponse {
    /// The new project.
    pub project: ProjectResponse,
    /// Teams stored.
    pub nb_equipes: usize,
    /// Venues stored.
    pub nb_gymnases: usize,
    /// Pools.
    pub nb_poules: usize,
    /// Matches to plan.
    pub nb_matchs_a_planifier: usize,
    /// Fixed matches.
    pub nb_matchs_fixes: usize,
    /// Warnings (data kept but probably not meant, e.g. names spelled two ways).
    pub avertissements: Vec<String>,
}

fn read_file(file: &TempFile) -> Result<Vec<u8>, ApiError> {
    std::fs::read(file.file.path()).map_err(ApiError::internal)
}

/// Imports a PyCalendar workbook (and its YAML) as a new project, in one transaction: a bad file is
/// answered 400 with the sheet, row and column at fault, and nothing is stored.
#[utoipa::path(
    tag = "Projects",
    request_body(content = ImportForm, content_type = "multipart/form-data"),
    responses((status = 201, body = ImportResponse), (status = 400, body = ErrorBody), (status = 413, body = ErrorBody)),
    security(("api_key" = [])),
)]
#[post("/projects/import")]
pub async fn import(
    state: web::Data<AppState>,
    form: MultipartForm<ImportForm>,
) -> Result<HttpResponse, ApiError> {
    let form = form.into_inner();
    let workbook_name = form.workbook.file_name.clone().unwrap_or_else(|| "workbook.xlsx".into());
    let workbook = read_file(&form.workbook)?;
    let yaml = match &form.config {
        Some(file) => {
            let bytes = read_file(file)?;
            let text = String::from_utf8(bytes)
                .map_err(|_| ApiError::BadRequest("the YAML file is not UTF-8 text".into()))?;
            Some((text, file.file_name.clone().unwrap_or_else(|| "config.yaml".into())))
        }
        None => None,
    };
    let name = form.nom.map(Text::into_inner);
    let sport = form.sport.map(Text::into_inner);
    let db = state.db.clone();
    let imported = web::block(move || {
        let yaml = yaml.as_ref().map(|(text, file)| (text.as_str(), file.as_str()));
        crate::import::import(&db, &workbook, &workbook_name, yaml, name, sport)
    })
    .await
    .map_err(ApiError::internal)??;
    let project_id = imported.report.project_id;
    let project = crate::db::run(&state, move |db| db.get_project(project_id)).await?;
    let report = imported.report;
    Ok(HttpResponse::Created().json(ImportResponse {
        project: project.into(),
        nb_equipes: report.teams,
        nb_gymnases: report.venues,
        nb_poules: report.pools,
        nb_matchs_a_planifier: report.to_plan,
        nb_matchs_fixes: report.fixed,
        avertissements: imported.warnings,
    }))
}
