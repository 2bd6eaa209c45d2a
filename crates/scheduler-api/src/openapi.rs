//! The OpenAPI document's top level; paths and schemas come from the handlers' annotations.

use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

/// Top-level document.
#[derive(Debug, OpenApi)]
#[openapi(
    info(
        title = "League scheduler API",
        description = "Builds and manages sports league calendars. Field names follow PyCalendar's API \
                       (`semaine`, `gymnase`, `est_fixe`…) so its clients keep working.",
    ),
    tags(
        (name = "Meta", description = "Health and discovery"),
        (name = "Projects", description = "Seasons: create, import from a workbook, statistics, evaluation"),
        (name = "Teams", description = "Teams of a project"),
        (name = "Venues", description = "Venues (gyms) of a project"),
        (name = "Matches", description = "Matches: list, edit, move, fix and unfix"),
        (name = "Solver", description = "Building the calendar: strategies, runs, progress"),
        (name = "Exports", description = "The calendar as a workbook or an iCalendar feed"),
    ),
    modifiers(&ApiKey),
)]
pub struct ApiDoc;

struct ApiKey;

impl Modify for ApiKey {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "api_key",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}
