//! Domain types of the repository: ids, statuses, records, inputs, patches and reports.

use std::collections::BTreeSet;
use std::fmt;
use std::str::FromStr;

use chrono::NaiveDateTime;
use scheduler_core::{
    Calendar, FixedMatchId, Gender, Leg, MatchId, MatchRef, Problem, ProblemWarning, Schedule, SeasonDates,
    Settings, SolveOutcome, SolveStatus, Strategy, TeamKey, TimeOfDay, VenueLevel,
};
use serde::{Deserialize, Serialize};

macro_rules! db_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub i64);

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}", self.0)
            }
        }
    };
}

db_id!(
    /// A project (one season of one sport).
    ProjectId
);
db_id!(
    /// A team row.
    DbTeamId
);
db_id!(
    /// A venue row.
    DbVenueId
);
db_id!(
    /// A match row.
    DbMatchId
);
db_id!(
    /// A solve run.
    SolveRunId
);

/// A match's status (spec §13.4), stored as the French strings of PyCalendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum MatchStatus {
    /// No slot yet (`a_planifier`).
    #[serde(rename = "a_planifier")]
    ToPlan,
    /// Placed by a solve or a move; the solver may move it again (`planifie`).
    #[serde(rename = "planifie")]
    Planned,
    /// Locked in its slot (`fixe`).
    #[serde(rename = "fixe")]
    Fixed,
    /// Played (`termine`); locked, scores may be set.
    #[serde(rename = "termine")]
    Played,
    /// Cancelled (`annule`): neither planned nor occupying anything.
    #[serde(rename = "annule")]
    Cancelled,
}

impl MatchStatus {
    /// Every status.
    pub const ALL: [MatchStatus; 5] = [
        MatchStatus::ToPlan,
        MatchStatus::Planned,
        MatchStatus::Fixed,
        MatchStatus::Played,
        MatchStatus::Cancelled,
    ];

    /// The stored string.
    pub fn as_str(self) -> &'static str {
        match self {
            MatchStatus::ToPlan => "a_planifier",
            MatchStatus::Planned => "planifie",
            MatchStatus::Fixed => "fixe",
            MatchStatus::Played => "termine",
            MatchStatus::Cancelled => "annule",
        }
    }
}

impl fmt::Display for MatchStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for MatchStatus {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        MatchStatus::ALL.into_iter().find(|s| s.as_str() == text.trim()).ok_or_else(|| {
            format!("unknown match status `{text}` (a_planifier, planifie, fixe, termine, annule)")
        })
    }
}

/// A solve run's status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RunStatus {
    /// Created, not started.
    Pending,
    /// Solving.
    Running,
    /// Finished with a result.
    Completed,
    /// Finished with an error (or interrupted by a restart).
    Failed,
    /// Stopped on request.
    Cancelled,
}

impl RunStatus {
    /// Every status.
    pub const ALL: [RunStatus; 5] = [
        RunStatus::Pending,
        RunStatus::Running,
        RunStatus::Completed,
        RunStatus::Failed,
        RunStatus::Cancelled,
    ];

    /// The stored string.
    pub fn as_str(self) -> &'static str {
        match self {
            RunStatus::Pending => "pending",
            RunStatus::Running => "running",
            RunStatus::Completed => "completed",
            RunStatus::Failed => "failed",
            RunStatus::Cancelled => "cancelled",
        }
    }

    /// Whether the run is over.
    pub fn is_finished(self) -> bool {
        matches!(self, RunStatus::Completed | RunStatus::Failed | RunStatus::Cancelled)
    }
}

impl fmt::Display for RunStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for RunStatus {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        RunStatus::ALL
            .into_iter()
            .find(|s| s.as_str() == text.trim())
            .ok_or_else(|| format!("unknown run status `{text}`"))
    }
}

/// A project: a season of one sport with its configuration.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Project {
    /// Id.
    pub id: ProjectId,
    /// Name.
    pub nom: String,
    /// Sport.
    pub sport: String,
    /// The merged YAML configuration as JSON, when imported from a YAML file.
    pub config: Option<serde_json::Value>,
    /// Weeks, first plannable week, blocked weeks, dates.
    pub calendar: Calendar,
    /// Rule weights and switches.
    pub settings: Settings,
    /// Bumped by every change to the project or its rows.
    pub revision: i64,
    /// Creation time (UTC).
    pub created_at: NaiveDateTime,
    /// Last change (UTC).
    pub updated_at: NaiveDateTime,
}

/// A project to create.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NewProject {
    /// Name.
    pub nom: String,
    /// Sport.
    pub sport: String,
    /// Configuration as JSON (e.g. the merged YAML).
    #[serde(default)]
    pub config: Option<serde_json::Value>,
    /// Calendar.
    #[serde(default)]
    pub calendar: Calendar,
    /// Settings.
    #[serde(default)]
    pub settings: Settings,
}

/// Changes to a project; `None` leaves a field alone.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ProjectPatch {
    /// Name.
    pub nom: Option<String>,
    /// Sport.
    pub sport: Option<String>,
    /// Configuration (`Some(None)` clears it).
    pub config: Option<Option<serde_json::Value>>,
    /// Number of weeks.
    pub nb_semaines: Option<u16>,
    /// First plannable week.
    pub semaine_min: Option<u16>,
    /// Blocked weeks.
    pub semaines_banalisees: Option<BTreeSet<u16>>,
    /// Dates (`Some(None)` deactivates the calendar).
    pub dates: Option<Option<SeasonDates>>,
    /// Settings.
    pub settings: Option<Settings>,
}

/// A team row.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TeamRecord {
    /// Id.
    pub id: DbTeamId,
    /// Project.
    pub project_id: ProjectId,
    /// Source order (decides match orientation).
    pub position: i32,
    /// Name without gender suffix.
    pub nom: String,
    /// Gender.
    pub genre: Option<Gender>,
    /// Institution.
    pub institution: String,
    /// Team number from the name (`LYON 1 (2)` → 2).
    pub numero_equipe: Option<i32>,
    /// Pool; `None` outside the championship.
    pub poule: Option<String>,
    /// Preferred start time.
    pub horaire_prefere: Option<TimeOfDay>,
    /// Preferred venues by rank.
    pub lieux_preferes: Vec<Option<String>>,
    /// Creation time.
    pub created_at: NaiveDateTime,
}

/// A team to create (appended after the existing ones).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NewTeam {
    /// Name without gender suffix.
    pub nom: String,
    /// Gender.
    #[serde(default)]
    pub genre: Option<Gender>,
    /// Institution; `None` derives it from the name.
    #[serde(default)]
    pub institution: Option<String>,
    /// Pool.
    #[serde(default)]
    pub poule: Option<String>,
    /// Preferred start time.
    #[serde(default)]
    pub horaire_prefere: Option<TimeOfDay>,
    /// Preferred venues by rank.
    #[serde(default)]
    pub lieux_preferes: Vec<Option<String>>,
}

/// Changes to a team. Renaming (name, gender) is not supported: constraints and matches name teams.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TeamPatch {
    /// Institution.
    pub institution: Option<String>,
    /// Pool (`Some(None)`: out of the championship). Regenerates the team's matches to plan.
    pub poule: Option<Option<String>>,
    /// Preferred time.
    pub horaire_prefere: Option<Option<TimeOfDay>>,
    /// Preferred venues.
    pub lieux_preferes: Option<Vec<Option<String>>>,
}

/// A venue row.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VenueRecord {
    /// Id.
    pub id: DbVenueId,
    /// Project.
    pub project_id: ProjectId,
    /// Source order.
    pub position: i32,
    /// Name.
    pub nom: String,
    /// Courts.
    pub capacite: u32,
    /// Weekly start times.
    pub horaires: Vec<TimeOfDay>,
    /// Level.
    pub niveau: Option<VenueLevel>,
    /// Creation time.
    pub created_at: NaiveDateTime,
}

/// A venue to create.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NewVenue {
    /// Name.
    pub nom: String,
    /// Courts (≥ 1).
    pub capacite: u32,
    /// Weekly start times.
    #[serde(default)]
    pub horaires: Vec<TimeOfDay>,
    /// Level.
    #[serde(default)]
    pub niveau: Option<VenueLevel>,
}

/// Changes to a venue (renaming is not supported).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct VenuePatch {
    /// Courts.
    pub capacite: Option<u32>,
    /// Weekly start times.
    pub horaires: Option<Vec<TimeOfDay>>,
    /// Level.
    pub niveau: Option<Option<VenueLevel>>,
}

/// Where a match is played.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Slot {
    /// Week.
    pub semaine: u16,
    /// Start time.
    pub horaire: TimeOfDay,
    /// Venue name.
    pub gymnase: String,
}

/// One side of a match (denormalised as in PyCalendar V2).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MatchSide {
    /// Team name.
    pub nom: String,
    /// Institution.
    pub institution: Option<String>,
    /// Gender.
    pub genre: Option<Gender>,
}

impl MatchSide {
    /// The team key.
    pub fn key(&self) -> TeamKey {
        TeamKey::new(self.nom.clone(), self.genre)
    }
}

/// A match row.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MatchRecord {
    /// Id.
    pub id: DbMatchId,
    /// Project.
    pub project_id: ProjectId,
    /// Stable key, unique in the project.
    pub match_key: String,
    /// First team (home).
    pub equipe1: MatchSide,
    /// Second team.
    pub equipe2: MatchSide,
    /// Pool.
    pub poule: Option<String>,
    /// Where it is, when placed.
    pub slot: Option<Slot>,
    /// Locked against moves and solves.
    pub est_fixe: bool,
    /// Status.
    pub statut: MatchStatus,
    /// Priority (kept for PyCalendar compatibility; unused by the solver).
    pub priorite: i32,
    /// Score of the first team.
    pub score_equipe1: Option<i32>,
    /// Score of the second team.
    pub score_equipe2: Option<i32>,
    /// Score as written.
    pub score: Option<String>,
    /// Leg of a championship pairing; `None` for cup, friendly or external matches.
    pub leg: Option<Leg>,
    /// Competition of a fixed match.
    pub competition: Option<String>,
    /// Notes.
    pub notes: Option<String>,
    /// Creation time.
    pub created_at: NaiveDateTime,
    /// Last change.
    pub updated_at: NaiveDateTime,
}

impl MatchRecord {
    /// Whether moves and solves may change it (PyCalendar's `est_modifiable`).
    pub fn est_modifiable(&self) -> bool {
        !self.est_fixe && matches!(self.statut, MatchStatus::ToPlan | MatchStatus::Planned)
    }
}

/// Filters of [`crate::Database::list_matches`]; `None` = any.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct MatchFilter {
    /// Project.
    pub project_id: Option<ProjectId>,
    /// Week.
    pub semaine: Option<u16>,
    /// Pool.
    pub poule: Option<String>,
    /// Status.
    pub statut: Option<MatchStatus>,
    /// Venue.
    pub gymnase: Option<String>,
}

/// Changes to a match. The slot changes only through moves, fixes and solves.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct MatchPatch {
    /// New status: `fixe` (needs a slot), `termine` (needs a slot; locks), `annule`, `planifie` (needs a
    /// slot; unlocks), `a_planifier` (unlocks and clears the slot).
    pub statut: Option<MatchStatus>,
    /// Priority.
    pub priorite: Option<i32>,
    /// Score of the first team.
    pub score_equipe1: Option<Option<i32>>,
    /// Score of the second team.
    pub score_equipe2: Option<Option<i32>>,
    /// Score as written.
    pub score: Option<Option<String>>,
    /// Notes.
    pub notes: Option<Option<String>>,
}

/// A fixed match outside the championship (cup, friendly, external) to create.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NewFixedMatch {
    /// First team.
    pub home: TeamKey,
    /// Second team.
    pub away: TeamKey,
    /// Pool named, if any.
    #[serde(default)]
    pub poule: Option<String>,
    /// Where.
    pub slot: Slot,
    /// `fixe` or `termine`.
    pub statut: MatchStatus,
    /// Competition.
    #[serde(default)]
    pub competition: Option<String>,
    /// Score as written.
    #[serde(default)]
    pub score: Option<String>,
    /// Notes.
    #[serde(default)]
    pub notes: Option<String>,
}

/// Counts of a project (PyCalendar's `ProjectStats`, plus cancelled matches).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProjectStats {
    /// Every match row.
    pub nb_matchs_total: i64,
    /// Not cancelled, with a slot.
    pub nb_matchs_planifies: i64,
    /// Locked: `est_fixe`, `fixe` or `termine`.
    pub nb_matchs_fixes: i64,
    /// Not cancelled, without a slot.
    pub nb_matchs_a_planifier: i64,
    /// Cancelled.
    pub nb_matchs_annules: i64,
    /// Teams.
    pub nb_equipes: i64,
    /// Venues.
    pub nb_gymnases: i64,
}

/// A solve run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SolveRun {
    /// Id.
    pub id: SolveRunId,
    /// Project.
    pub project_id: ProjectId,
    /// Strategy.
    pub strategy: Strategy,
    /// Status.
    pub status: RunStatus,
    /// Progress, 0..=1.
    pub progress: f64,
    /// Creation time.
    pub created_at: NaiveDateTime,
    /// Start.
    pub started_at: Option<NaiveDateTime>,
    /// End.
    pub finished_at: Option<NaiveDateTime>,
    /// Duration in milliseconds (start to end).
    pub duration_ms: Option<i64>,
    /// Project revision the solve read.
    pub base_revision: Option<i64>,
    /// Result summary.
    pub summary: Option<RunSummary>,
    /// Error message of a failed run.
    pub error: Option<String>,
}

/// What a solve reached, as stored with its run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RunSummary {
    /// Strategy.
    pub strategy: Strategy,
    /// Solver status.
    pub status: SolveStatus,
    /// PyCalendar's objective (higher is better).
    pub objective: f64,
    /// Matches placed.
    pub placed: usize,
    /// Matches left unplaced.
    pub unplaced: usize,
    /// Fixed matches.
    pub fixed: usize,
    /// Penalties by term (S1..S8), `(code, value)`.
    pub penalties: Vec<(String, f64)>,
    /// Proven bound, when known.
    pub bound: Option<f64>,
    /// Relative gap, when known.
    pub gap: Option<f64>,
    /// Solver wall time in milliseconds.
    pub elapsed_ms: u64,
    /// Solver notes.
    pub notes: Vec<String>,
}

impl RunSummary {
    /// The summary of a solve outcome.
    pub fn from_outcome(outcome: &SolveOutcome) -> Self {
        let e = &outcome.evaluation;
        RunSummary {
            strategy: outcome.strategy,
            status: outcome.status,
            objective: e.objective,
            placed: e.placed,
            unplaced: e.unplaced,
            fixed: e.fixed,
            penalties: e.penalties.terms().iter().map(|(code, _, v)| ((*code).to_string(), *v)).collect(),
            bound: outcome.bound,
            gap: outcome.gap,
            elapsed_ms: u64::try_from(outcome.elapsed.as_millis()).unwrap_or(u64::MAX),
            notes: outcome.notes.clone(),
        }
    }
}

/// What an import stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ImportReport {
    /// The new project.
    pub project_id: ProjectId,
    /// Teams.
    pub teams: usize,
    /// Venues.
    pub venues: usize,
    /// Pools (with at least one team).
    pub pools: usize,
    /// Matches to plan.
    pub to_plan: usize,
    /// Fixed matches.
    pub fixed: usize,
    /// Constraint rows (unavailabilities, earliest times, obligations, groups, ententes, temporal).
    pub constraints: usize,
    /// Warnings of `Problem::new`.
    pub warnings: Vec<ProblemWarning>,
}

/// Something a load noticed that does not block solving.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum LoadWarning {
    /// From `Problem::new`.
    Problem {
        /// The warning.
        warning: ProblemWarning,
    },
    /// A generated match without a row (left out of the problem until the teams are saved again).
    MissingRow {
        /// The match.
        description: String,
    },
    /// About one match row.
    Match {
        /// Row.
        id: DbMatchId,
        /// What.
        message: String,
    },
}

impl fmt::Display for LoadWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadWarning::Problem { warning } => warning.fmt(f),
            LoadWarning::MissingRow { description } => {
                write!(f, "{description} has no row in the database: left out")
            }
            LoadWarning::Match { id, message } => write!(f, "match {id}: {message}"),
        }
    }
}

/// Which row stands for each match of a loaded problem.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MatchRows {
    /// Row of each match to plan, indexed by [`MatchId`].
    pub planned: Vec<DbMatchId>,
    /// Row of each fixed match, indexed by [`FixedMatchId`].
    pub fixed: Vec<DbMatchId>,
}

impl MatchRows {
    /// Row of a match to plan.
    pub fn row_of(&self, id: MatchId) -> Option<DbMatchId> {
        self.planned.get(id.index()).copied()
    }

    /// Row of a fixed match.
    pub fn row_of_fixed(&self, id: FixedMatchId) -> Option<DbMatchId> {
        self.fixed.get(id.index()).copied()
    }

    /// Row of any match of the calendar.
    pub fn row_of_ref(&self, r: MatchRef) -> Option<DbMatchId> {
        match r {
            MatchRef::Planned(id) => self.row_of(id),
            MatchRef::Fixed(id) => self.row_of_fixed(id),
        }
    }

    /// The match a row stands for, if it takes part in the problem.
    pub fn match_of(&self, row: DbMatchId) -> Option<MatchRef> {
        if let Some(i) = self.planned.iter().position(|r| *r == row) {
            return u32::try_from(i).ok().map(|i| MatchRef::Planned(MatchId(i)));
        }
        let i = self.fixed.iter().position(|r| *r == row)?;
        u32::try_from(i).ok().map(|i| MatchRef::Fixed(FixedMatchId(i)))
    }
}

/// A project loaded as a solvable problem with its current schedule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LoadedProblem {
    /// Project.
    pub project_id: ProjectId,
    /// Revision read: give it back to [`crate::Database::save_solve`].
    pub revision: i64,
    /// The checked season.
    pub problem: Problem,
    /// Current placements of the matches to plan.
    pub schedule: Schedule,
    /// Rows of the matches.
    pub match_rows: MatchRows,
    /// What the load noticed.
    pub warnings: Vec<LoadWarning>,
}

/// What a saved solve changed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SaveReport {
    /// The project's revision after the save.
    pub revision: i64,
    /// Matches placed by the schedule.
    pub placed: usize,
    /// Matches left unplaced.
    pub unplaced: usize,
    /// Rows whose slot or status changed.
    pub updated: usize,
    /// Rows that lost their slot (no longer placed).
    pub cleared: usize,
    /// PyCalendar's objective of the saved schedule.
    pub objective: f64,
}
