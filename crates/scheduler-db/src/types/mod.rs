//! Domain types of the repository: ids, statuses, records, inputs, patches and reports.

mod ids;
mod inputs;
mod records;
mod solve;
mod status;

pub use ids::{DbMatchId, DbTeamId, DbVenueId, ProjectId, SolveRunId};
pub use inputs::{
    MatchFilter, MatchPatch, NewFixedMatch, NewProject, NewTeam, NewVenue, ProjectPatch, TeamPatch,
    VenuePatch,
};
pub use records::{MatchRecord, MatchSide, Project, ProjectStats, Slot, TeamRecord, VenueRecord};
pub use solve::{ImportReport, LoadWarning, LoadedProblem, MatchRows, RunSummary, SaveReport, SolveRun};
pub use status::{MatchStatus, RunStatus};
