//! The strategies and their names on the wire (`optimal`, `heuristique`, `hybride`, aliases).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// How to solve.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Strategy {
    /// Exact model solved by SCIP: the best schedule, with a proof (`optimal`, alias `cpsat`).
    #[serde(rename = "optimal")]
    Optimal,
    /// Fast local search, never breaks a rule (`heuristique`, alias `greedy`).
    #[serde(rename = "heuristique")]
    Heuristic,
    /// Heuristic start, then SCIP improves it; falls back to the heuristic's schedule (`hybride`).
    #[default]
    #[serde(rename = "hybride")]
    Hybrid,
}

impl Strategy {
    /// Every accepted spelling, for error messages.
    pub const VALID_NAMES: &'static str =
        "optimal, heuristique, hybride (aliases: cpsat, greedy, heuristic, hybrid)";

    /// The wire name (`optimal`, `heuristique`, `hybride`).
    pub fn name(self) -> &'static str {
        match self {
            Strategy::Optimal => "optimal",
            Strategy::Heuristic => "heuristique",
            Strategy::Hybrid => "hybride",
        }
    }
}

impl fmt::Display for Strategy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// An unknown strategy name.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown strategy `{0}`; valid values: {valid}", valid = Strategy::VALID_NAMES)]
pub struct UnknownStrategy(pub String);

impl FromStr for Strategy {
    type Err = UnknownStrategy;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        match text.trim().to_lowercase().as_str() {
            "optimal" | "cpsat" | "cp-sat" | "exact" | "scip" => Ok(Strategy::Optimal),
            "heuristique" | "heuristic" | "greedy" => Ok(Strategy::Heuristic),
            "hybride" | "hybrid" => Ok(Strategy::Hybrid),
            _ => Err(UnknownStrategy(text.to_string())),
        }
    }
}
