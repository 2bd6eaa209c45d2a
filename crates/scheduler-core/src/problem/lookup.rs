//! Finding teams by name and optional gender.

use std::collections::HashMap;

use super::ProblemError;
use crate::spec::{Gender, TeamKey};
use crate::TeamId;

/// Teams by name, each name holding at most one team per gender (or one without gender).
#[derive(Debug, Default)]
pub(super) struct TeamLookup {
    by_name: HashMap<String, Vec<(Option<Gender>, TeamId)>>,
}

impl TeamLookup {
    /// Registers a team; `false` when (name, gender) is already taken.
    pub(super) fn insert(&mut self, name: &str, gender: Option<Gender>, id: TeamId) -> bool {
        let entries = self.by_name.entry(name.to_string()).or_default();
        if entries.iter().any(|(g, _)| *g == gender) {
            return false;
        }
        entries.push((gender, id));
        true
    }

    /// Every team of that name, any gender.
    pub(super) fn by_name(&self, name: &str) -> Vec<TeamId> {
        self.by_name.get(name).map(|e| e.iter().map(|(_, id)| *id).collect()).unwrap_or_default()
    }

    /// The teams a key names: the exact team with a gender, every gender without one.
    pub(super) fn all(&self, key: &TeamKey, context: &str) -> Result<Vec<TeamId>, ProblemError> {
        let entries = self.by_name.get(&key.name).map(Vec::as_slice).unwrap_or_default();
        let found: Vec<TeamId> = entries
            .iter()
            .filter(|(g, _)| key.gender.is_none() || *g == key.gender)
            .map(|(_, id)| *id)
            .collect();
        if found.is_empty() {
            return Err(ProblemError::UnknownTeam { team: key.to_string(), context: context.into() });
        }
        Ok(found)
    }

    /// The one team a key names.
    pub(super) fn one(&self, key: &TeamKey, context: &str) -> Result<TeamId, ProblemError> {
        let found = self.all(key, context)?;
        match found.as_slice() {
            [one] => Ok(*one),
            _ => Err(ProblemError::AmbiguousTeam { team: key.name.clone(), context: context.into() }),
        }
    }
}
