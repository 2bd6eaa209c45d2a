//! Where each match to plan is: a week, a start time and a venue, or nowhere.

use serde::{Deserialize, Serialize};

use crate::{MatchId, Problem, TimeOfDay, VenueId, Week};

/// A match's place in the calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Placement {
    /// Week.
    pub week: Week,
    /// Start time.
    pub time: TimeOfDay,
    /// Venue.
    pub venue: VenueId,
}

/// One optional placement per match to plan, indexed by [`MatchId`]. Fixed matches are not here:
/// they are part of the [`Problem`] and never move.
///
/// Rule H10 (a match is placed at most once) holds by construction.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Schedule {
    placements: Vec<Option<Placement>>,
}

impl Schedule {
    /// Nothing placed.
    pub fn empty(problem: &Problem) -> Self {
        Self { placements: vec![None; problem.matches.len()] }
    }

    /// From one entry per match.
    pub fn from_placements(placements: Vec<Option<Placement>>) -> Self {
        Self { placements }
    }

    /// Where `id` is.
    pub fn get(&self, id: MatchId) -> Option<Placement> {
        self.placements.get(id.index()).copied().flatten()
    }

    /// Places or removes `id`.
    pub fn set(&mut self, id: MatchId, placement: Option<Placement>) {
        if let Some(entry) = self.placements.get_mut(id.index()) {
            *entry = placement;
        }
    }

    /// Number of entries (= matches to plan of the problem it was made for).
    pub fn len(&self) -> usize {
        self.placements.len()
    }

    /// Whether it has no entry.
    pub fn is_empty(&self) -> bool {
        self.placements.is_empty()
    }

    /// Placed matches.
    pub fn placed(&self) -> impl Iterator<Item = (MatchId, Placement)> + '_ {
        self.placements.iter().enumerate().filter_map(|(i, p)| p.map(|p| (MatchId::from_index(i), p)))
    }

    /// Matches left unplaced.
    pub fn unplaced(&self) -> impl Iterator<Item = MatchId> + '_ {
        self.placements.iter().enumerate().filter(|(_, p)| p.is_none()).map(|(i, _)| MatchId::from_index(i))
    }

    /// Every entry in match order.
    pub fn placements(&self) -> &[Option<Placement>] {
        &self.placements
    }
}
