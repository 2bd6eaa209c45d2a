//! Spec → problem: a project's `Problem`, its current `Schedule` and the row of every match.

use scheduler_core::{MatchId, Placement, Problem, Schedule, Week};

use super::rows::slot_of;
use super::snapshot::{snapshot, Snapshot};
use super::Db;
use crate::convert::planned_key;
use crate::error::{DbError, DbResult};
use crate::models::MatchRow;
use crate::types::*;

/// A snapshot turned into a problem, with rows mapped and the current schedule.
pub(crate) struct Built {
    pub loaded: LoadedProblem,
    /// Rows of the matches to plan, by match index (same order as `loaded.match_rows.planned`).
    pub planned_rows: Vec<MatchRow>,
}

/// Builds the problem of a project; `ProblemError`s become [`DbError::Invalid`].
pub(crate) fn build(conn: &mut Db, id: ProjectId) -> DbResult<Built> {
    let Snapshot { project, spec, fixed_rows, mut open_rows, cancelled, mut warnings } = snapshot(conn, id)?;
    let (mut problem, problem_warnings) = Problem::new(spec)
        .map_err(|e| DbError::Invalid(format!("the season of project {id} is inconsistent: {e}")))?;
    warnings.splice(0..0, problem_warnings.into_iter().map(|warning| LoadWarning::Problem { warning }));

    let keys: Vec<String> = problem.matches.iter().map(|m| planned_key(&problem, m)).collect();
    let mut keep = vec![true; keys.len()];
    let mut planned_rows = Vec::with_capacity(keys.len());
    for (i, key) in keys.iter().enumerate() {
        match open_rows.remove(key) {
            Some(row) => planned_rows.push(row),
            None => {
                keep[i] = false;
                if !cancelled.contains_key(key) {
                    let name = problem.describe_match(MatchId(u32::try_from(i).unwrap_or(u32::MAX)));
                    warnings.push(LoadWarning::MissingRow { description: name });
                }
            }
        }
    }
    for row in open_rows.values() {
        warnings.push(LoadWarning::Match {
            id: DbMatchId(row.id),
            message: format!("`{}` is not a match of the current pools: ignored", row.match_key),
        });
    }
    retain_matches(&mut problem, &keep);

    let mut placements = Vec::with_capacity(planned_rows.len());
    for row in &planned_rows {
        let placement = match slot_of(row)? {
            None => None,
            Some(slot) => match problem.venues.iter().position(|v| v.name == slot.gymnase) {
                Some(v) => Some(Placement {
                    week: Week(slot.semaine),
                    time: slot.horaire,
                    venue: scheduler_core::VenueId(u32::try_from(v).unwrap_or(u32::MAX)),
                }),
                None => {
                    warnings.push(LoadWarning::Match {
                        id: DbMatchId(row.id),
                        message: format!("unknown venue `{}`: treated as unplaced", slot.gymnase),
                    });
                    None
                }
            },
        };
        placements.push(placement);
    }
    let loaded = LoadedProblem {
        project_id: id,
        revision: project.revision,
        problem,
        schedule: Schedule::from_placements(placements),
        match_rows: MatchRows {
            planned: planned_rows.iter().map(|r| DbMatchId(r.id)).collect(),
            fixed: fixed_rows.iter().map(|r| DbMatchId(r.id)).collect(),
        },
        warnings,
    };
    Ok(Built { loaded, planned_rows })
}

/// Keeps the matches to plan marked in `keep`, renumbering ids and leg partners.
fn retain_matches(problem: &mut Problem, keep: &[bool]) {
    if keep.iter().all(|k| *k) {
        return;
    }
    let mut new_id = vec![None; keep.len()];
    let mut next = 0u32;
    for (i, k) in keep.iter().enumerate() {
        if *k {
            new_id[i] = Some(MatchId(next));
            next += 1;
        }
    }
    let old = std::mem::take(&mut problem.matches);
    problem.matches = old
        .into_iter()
        .zip(keep)
        .filter(|(_, k)| **k)
        .map(|(mut m, _)| {
            m.other_leg = m.other_leg.and_then(|o| new_id.get(o.index()).copied().flatten());
            m
        })
        .collect();
}
