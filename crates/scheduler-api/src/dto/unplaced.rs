//! Why matches are unplaced: the core explanation on the wire.

use std::collections::HashMap;

use scheduler_core::explain::{Blocker, Explanation, WeekDiagnosis};
use scheduler_core::{Gender, Leg, Problem};
use scheduler_db::{DbMatchId, MatchRows};
use serde::Serialize;
use utoipa::ToSchema;

/// One thing that keeps the match out of a week.
#[derive(Debug, Serialize, ToSchema)]
pub struct BlockerResponse {
    /// Kind: `before_first_plannable_week`, `blocked_week`, `temporal_constraint`, `team_unavailable`,
    /// `weekly_limit_reached`, `team_busy`, `earliest_time`, `venue_closed`, `venue_full`,
    /// `presence_obligation` or `no_venue_time`.
    #[serde(rename = "type")]
    #[schema(example = "team_unavailable")]
    pub type_: String,
    /// What it means, in English.
    #[schema(example = "LYON 1 (3) [F] is unavailable the whole week (its institution LYON 1 is)")]
    pub message: String,
    /// The team concerned.
    pub equipe: Option<String>,
    /// Its gender.
    pub genre: Option<String>,
    /// The institution: the unavailable one, or the one a presence obligation requires.
    pub institution: Option<String>,
    /// The venue concerned.
    pub gymnase: Option<String>,
    /// The times concerned, when not the whole week or venue.
    pub horaires: Vec<String>,
    /// Ids of the matches that take the team's week or time, or the venue's courts.
    pub match_ids: Vec<i64>,
}

/// What keeps the match out of one week.
#[derive(Debug, Serialize, ToSchema)]
pub struct WeekDiagnosisResponse {
    /// Week.
    pub semaine: u16,
    /// Plannable, and both teams can play some time of it and have not used their weekly limit.
    pub equipes_libres: bool,
    /// Slots (time, venue) of the week where the match could be placed now.
    pub creneaux_libres: usize,
    /// What blocks the week; empty when a slot is free.
    pub blocages: Vec<BlockerResponse>,
}

/// An unplaced match and why.
#[derive(Debug, Serialize, ToSchema)]
pub struct UnplacedMatchResponse {
    /// Id of the match.
    pub id: i64,
    /// Stable key (pool, teams, leg).
    pub match_key: String,
    /// First team (home in home-and-away pools).
    pub equipe1_nom: String,
    /// Its gender.
    pub equipe1_genre: Option<String>,
    /// Its institution.
    pub equipe1_institution: String,
    /// Second team.
    pub equipe2_nom: String,
    /// Its gender.
    pub equipe2_genre: Option<String>,
    /// Its institution.
    pub equipe2_institution: String,
    /// Pool.
    pub poule: String,
    /// `unique`, `aller` or `retour`.
    pub manche: String,
    /// The reason in one sentence (English).
    #[schema(
        example = "no plannable week has room for it: in weeks 5–8 LYON 1 (3) [F] already plays that week; in weeks 9, 13 LYON 1 (3) [F] unavailable (institution LYON 1)"
    )]
    pub raison: String,
    /// Plannable weeks where both teams are free (available some time, weekly limit not reached).
    pub semaines_equipes_libres: Vec<u16>,
    /// Slots where the match could be placed now, all weeks together.
    pub creneaux_libres: usize,
    /// Every week of the season.
    pub semaines: Vec<WeekDiagnosisResponse>,
}

fn gender(g: Option<Gender>) -> Option<String> {
    g.map(|g| g.code().to_string())
}

impl BlockerResponse {
    fn new(problem: &Problem, rows: &MatchRows, blocker: &Blocker) -> Self {
        let team = blocker.team().map(|t| problem.team(t.id));
        let institution = match blocker {
            Blocker::TeamUnavailable { institution, .. } => institution.clone(),
            Blocker::PresenceObligation { institution, .. } => Some(institution.clone()),
            _ => None,
        };
        BlockerResponse {
            type_: blocker.code().to_string(),
            message: blocker.to_string(),
            equipe: team.map(|t| t.name.clone()),
            genre: team.and_then(|t| gender(t.gender)),
            institution,
            gymnase: blocker.venue().map(|v| v.name.clone()),
            horaires: blocker.times().iter().map(ToString::to_string).collect(),
            match_ids: blocker
                .matches()
                .iter()
                .filter_map(|m| rows.row_of_ref(m.id))
                .map(|id| id.0)
                .collect(),
        }
    }
}

impl WeekDiagnosisResponse {
    fn new(problem: &Problem, rows: &MatchRows, week: &WeekDiagnosis) -> Self {
        WeekDiagnosisResponse {
            semaine: week.week.0,
            equipes_libres: week.free_for_both_teams,
            creneaux_libres: week.free_slots,
            blocages: week.blockers.iter().map(|b| BlockerResponse::new(problem, rows, b)).collect(),
        }
    }
}

impl UnplacedMatchResponse {
    /// The answer for one explained match; `keys` gives each row's match key.
    pub fn new(
        problem: &Problem,
        rows: &MatchRows,
        keys: &HashMap<DbMatchId, String>,
        explanation: &Explanation,
    ) -> Self {
        let m = problem.match_(explanation.match_id);
        let (home, away) = (problem.team(m.home), problem.team(m.away));
        let row = rows.row_of(explanation.match_id);
        UnplacedMatchResponse {
            id: row.map_or(0, |r| r.0),
            match_key: row.and_then(|r| keys.get(&r).cloned()).unwrap_or_default(),
            equipe1_nom: home.name.clone(),
            equipe1_genre: gender(home.gender),
            equipe1_institution: problem.institution_name(home.institution).to_string(),
            equipe2_nom: away.name.clone(),
            equipe2_genre: gender(away.gender),
            equipe2_institution: problem.institution_name(away.institution).to_string(),
            poule: problem.pools[m.pool.index()].code.clone(),
            manche: match m.leg {
                Leg::Single => "unique",
                Leg::First => "aller",
                Leg::Return => "retour",
            }
            .to_string(),
            raison: explanation.summary.clone(),
            semaines_equipes_libres: explanation.weeks_free_for_both_teams().map(|w| w.0).collect(),
            creneaux_libres: explanation.free_slots(),
            semaines: explanation
                .weeks
                .iter()
                .map(|w| WeekDiagnosisResponse::new(problem, rows, w))
                .collect(),
        }
    }
}
