//! Exports of a project's calendar: the calendar workbook and iCalendar feeds.

use actix_web::{get, web, HttpResponse};
use scheduler_core::Gender;
use scheduler_db::{MatchFilter, MatchRecord, MatchStatus, ProjectId};
use scheduler_excel::{write_calendar, ExportInfo};
use serde::Deserialize;
use utoipa::IntoParams;

use crate::db;
use crate::error::{ApiError, ErrorBody};
use crate::ics;
use crate::state::AppState;

/// Content type of `.xlsx` files.
pub const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// `attachment; filename="<name>"`, with an RFC 6266 `filename*` when the name is not plain ASCII.
fn attachment(name: &str) -> String {
    let plain: String = name
        .chars()
        .map(|c| if c.is_ascii_graphic() && c != '"' && c != '\\' || c == ' ' { c } else { '_' })
        .collect();
    if plain == name {
        return format!("attachment; filename=\"{name}\"");
    }
    let encoded: String = name
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'.' | b'-' | b'_' | b'~' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect();
    format!("attachment; filename=\"{plain}\"; filename*=UTF-8''{encoded}")
}

/// The calendar workbook (`.xlsx`) of the project's current calendar.
///
/// Sheets: `Calendrier` (every fixed and placed match with its date), `Non_Planifies` (each unplaced match with its reason), `Statistiques`,
/// `Tous_Matchs` and, when fixed matches break rules, `Alertes`.
#[utoipa::path(
    tag = "Exports",
    responses(
        (status = 200, description = "The calendar workbook (`.xlsx`)", content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        (status = 404, body = ErrorBody),
    ),
)]
#[get("/projects/{id}/export.xlsx")]
pub async fn export_xlsx(state: web::Data<AppState>, id: web::Path<i64>) -> Result<HttpResponse, ApiError> {
    let id = ProjectId(id.into_inner());
    let (name, loaded) =
        db::run(&state, move |db| Ok((db.get_project(id)?.nom, db.load_problem(id)?))).await?;
    let info = ExportInfo::default().with_project(name.clone());
    let bytes = web::block(move || {
        let evaluation = scheduler_core::evaluate(&loaded.problem, &loaded.schedule);
        write_calendar(&loaded.problem, &loaded.schedule, &evaluation, &info)
    })
    .await
    .map_err(ApiError::internal)?
    .map_err(ApiError::internal)?;
    Ok(HttpResponse::Ok()
        .content_type(XLSX)
        .insert_header(("content-disposition", attachment(&format!("{name}.xlsx"))))
        .body(bytes))
}

/// Which team's calendar; without `equipe`, the whole project.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CalendarQuery {
    /// Team name (without gender), e.g. `LYON 1 (3)`.
    pub equipe: Option<String>,
    /// `M` or `F`; without it, every team of that name.
    pub genre: Option<String>,
}

fn plays(record: &MatchRecord, name: &str, gender: Option<Gender>) -> bool {
    [&record.equipe1, &record.equipe2]
        .iter()
        .any(|side| side.nom == name && (gender.is_none() || side.genre == gender))
}

fn status_text(status: MatchStatus) -> &'static str {
    match status {
        MatchStatus::ToPlan => "à planifier",
        MatchStatus::Planned => "planifié",
        MatchStatus::Fixed => "fixé",
        MatchStatus::Played => "joué",
        MatchStatus::Cancelled => "annulé",
    }
}

/// The calendar as an iCalendar feed (RFC 5545), for the project or one team.
///
/// Lists the matches with a slot (placed, fixed and played; not cancelled); with `equipe` (and
/// `genre`), only that team's. Calendar apps can subscribe to it: each match keeps its
/// `UID` (`match-<project>-<match_key>@league-scheduler`) from one download to the next, so
/// calendars update it when it moves. Dates come from the project's `date_debut` and `jour_match`
/// (Europe/Paris time, 2-hour events).
#[utoipa::path(
    tag = "Exports",
    params(CalendarQuery),
    responses(
        (status = 200, description = "`text/calendar` (RFC 5545)", content_type = "text/calendar"),
        (status = 400, description = "The project has no dates, or `genre` is not `M` or `F`", body = ErrorBody),
        (status = 404, description = "Unknown project or team", body = ErrorBody),
    ),
)]
#[get("/projects/{id}/calendar.ics")]
pub async fn calendar_ics(
    state: web::Data<AppState>,
    id: web::Path<i64>,
    query: web::Query<CalendarQuery>,
) -> Result<HttpResponse, ApiError> {
    let id = ProjectId(id.into_inner());
    let CalendarQuery { equipe, genre } = query.into_inner();
    let gender = genre
        .as_deref()
        .map(|g| {
            Gender::parse(g)
                .ok_or_else(|| ApiError::BadRequest(format!("genre must be `M` or `F`, got `{g}`")))
        })
        .transpose()?;
    let (project, teams, records) = db::run(&state, move |db| {
        let project = db.get_project(id)?;
        let teams = db.list_teams(id)?;
        let records = db.list_matches(&MatchFilter { project_id: Some(id), ..MatchFilter::default() })?;
        Ok((project, teams, records))
    })
    .await?;
    if project.calendar.dates.is_none() {
        return Err(ApiError::BadRequest(format!(
            "project {id} has no dates: set `date_debut` (and `jour_match`) to export a calendar"
        )));
    }
    let mut title = project.nom.clone();
    if let Some(name) = &equipe {
        if !teams.iter().any(|t| t.nom == *name && (gender.is_none() || t.genre == gender)) {
            let label = match gender {
                Some(g) => format!("{name} [{}]", g.code()),
                None => name.clone(),
            };
            return Err(ApiError::NotFound(format!("team `{label}` not found in project {id}")));
        }
        title = match gender {
            Some(g) => format!("{} – {name} [{}]", project.nom, g.code()),
            None => format!("{} – {name}", project.nom),
        };
    }
    let mut events = Vec::new();
    for record in &records {
        let Some(slot) = &record.slot else { continue };
        if record.statut == MatchStatus::Cancelled {
            continue;
        }
        if let Some(name) = &equipe {
            if !plays(record, name, gender) {
                continue;
            }
        }
        let Some(day) = ics::match_day(&project.calendar, scheduler_core::Week(slot.semaine)) else {
            continue;
        };
        let Some(time) = chrono::NaiveTime::from_hms_opt(
            u32::from(slot.horaire.minutes() / 60),
            u32::from(slot.horaire.minutes() % 60),
            0,
        ) else {
            continue;
        };
        let label = record.poule.clone().or_else(|| record.competition.clone());
        let summary = match &label {
            Some(label) => format!("{} – {} ({label})", record.equipe1.nom, record.equipe2.nom),
            None => format!("{} – {}", record.equipe1.nom, record.equipe2.nom),
        };
        let mut description = format!("Semaine {}, {}", slot.semaine, status_text(record.statut));
        if let Some(score) = &record.score {
            description.push_str(&format!(", score {score}"));
        }
        events.push(ics::Event {
            uid: format!("match-{}-{}@league-scheduler", id.0, record.match_key),
            changed: record.updated_at,
            start: day.and_time(time),
            summary,
            location: slot.gymnase.clone(),
            description,
            category: label,
        });
    }
    events.sort_by(|a, b| (a.start, &a.uid).cmp(&(b.start, &b.uid)));
    let file = match &equipe {
        Some(name) => format!("{}-{name}.ics", project.nom),
        None => format!("{}.ics", project.nom),
    };
    Ok(HttpResponse::Ok()
        .content_type("text/calendar; charset=utf-8")
        .insert_header(("content-disposition", attachment(&file)))
        .body(ics::calendar(&title, &events)))
}
