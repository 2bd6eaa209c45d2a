//! The whole MIP: PyCalendar's objective, maximised —
//! `Σ reward·a − Σ cost(i, slot)·x − S4 − S8 − S6` — over the candidates of the slot grid.

use russcip::prelude::*;
use russcip::{ProblemCreated, Solution};

use super::builder::Builder;
use super::index::Index;
use super::legs::LegSpacing;
use super::overlap::Overlap;
use super::placement::Placements;
use super::rest::RestSpacing;
use crate::slots::SlotGrid;
use crate::{Problem, Schedule};

/// The model's size, for notes and benchmarks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ModelSize {
    pub variables: usize,
    pub constraints: usize,
}

/// Every part of the model and what the candidates are.
pub(super) struct Formulation<'a> {
    pub grid: &'a SlotGrid,
    pub index: Index,
    pub placements: Placements,
    rest: RestSpacing,
    legs: LegSpacing,
    overlap: Overlap,
    pub size: ModelSize,
}

impl<'a> Formulation<'a> {
    /// Adds every variable and constraint to `model`.
    pub fn build(
        model: Model<ProblemCreated>,
        problem: &Problem,
        grid: &'a SlotGrid,
    ) -> (Self, Model<ProblemCreated>) {
        let mut b = Builder::new(model);
        let index = Index::new(problem, grid);
        let placements = Placements::build(&mut b, problem, grid, &index);
        let rest = RestSpacing::build(&mut b, problem, grid, &index, &placements);
        let legs = LegSpacing::build(&mut b, problem, grid, &index, &placements);
        let overlap = Overlap::build(&mut b, problem, &index, &placements);
        let size = ModelSize { variables: b.variables, constraints: b.constraints };
        (Self { grid, index, placements, rest, legs, overlap, size }, b.model)
    }

    /// The candidate each match takes in `schedule`; `None` if a placement is not a candidate.
    pub fn chosen_of(&self, schedule: &Schedule) -> Option<Vec<Option<usize>>> {
        (0..self.grid.candidates.len())
            .map(|i| match schedule.get(crate::MatchId::from_index(i)) {
                None => Some(None),
                Some(p) => {
                    let slot = self.grid.slot_at(p.week, p.venue, p.time)?;
                    self.grid.candidates[i].iter().position(|c| c.slot == slot).map(Some)
                }
            })
            .collect()
    }

    /// Sets every variable of `sol` to match `chosen`.
    pub fn fill(&self, chosen: &[Option<usize>], sol: &Solution) {
        self.placements.start(chosen, sol);
        self.rest.start(&self.index, chosen, sol);
        self.legs.start(self.grid, chosen, sol);
        self.overlap.start(self.grid, chosen, sol);
    }

    /// The schedule of `chosen`.
    pub fn schedule_of(&self, chosen: &[Option<usize>]) -> Schedule {
        Schedule::from_placements(
            chosen
                .iter()
                .enumerate()
                .map(|(i, c)| c.map(|c| self.grid.placement(self.grid.candidates[i][c].slot)))
                .collect(),
        )
    }
}
