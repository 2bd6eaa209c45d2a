//! Statuses of matches and solve runs, stored as strings.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

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
