//! The evaluator's verdict on a project's calendar.

use scheduler_core::{Evaluation, HardViolation, MatchRef, Problem, Schedule};
use scheduler_db::MatchRows;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

/// One broken hard rule.
#[derive(Debug, Serialize, ToSchema)]
pub struct ViolationResponse {
    /// Rule code (`H1`…`H10`).
    #[schema(example = "H1")]
    pub regle: String,
    /// What the rule says.
    #[schema(example = "venue capacity")]
    pub description: String,
    /// Readable explanation.
    pub message: String,
    /// Week.
    pub semaine: u16,
    /// Time, when the rule is about one.
    pub horaire: Option<String>,
    /// Venue, when the rule is about one.
    pub gymnase: Option<String>,
    /// Ids of the matches involved.
    pub match_ids: Vec<i64>,
}

impl ViolationResponse {
    fn new(problem: &Problem, rows: &MatchRows, v: &HardViolation) -> Self {
        ViolationResponse {
            regle: format!("{:?}", v.rule),
            description: v.rule.summary().to_string(),
            message: v.message.clone(),
            semaine: v.week.0,
            horaire: v.time.map(|t| t.to_string()),
            gymnase: v.venue.map(|venue| problem.venue(venue).name.clone()),
            match_ids: v
                .matches
                .iter()
                .filter_map(|m: &MatchRef| rows.row_of_ref(*m))
                .map(|id| id.0)
                .collect(),
        }
    }
}

/// Penalties by term (costs; S3 may be negative).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PenaltiesResponse {
    /// S1 preferred times.
    pub horaire_prefere: f64,
    /// S2 venue preferences.
    pub preference_gymnase: f64,
    /// S3 venue level.
    pub niveau_gymnase: f64,
    /// S4 rest between matches.
    pub espacement_repos: f64,
    /// S5 early-season compaction.
    pub compaction: f64,
    /// S6 simultaneous matches of one institution or group.
    pub simultaneite: f64,
    /// S7 temporal constraints.
    pub contraintes_temporelles: f64,
    /// S8 home-and-away legs.
    pub aller_retour: f64,
    /// Sum.
    pub total: f64,
}

impl From<&scheduler_core::PenaltyBreakdown> for PenaltiesResponse {
    fn from(p: &scheduler_core::PenaltyBreakdown) -> Self {
        PenaltiesResponse {
            horaire_prefere: p.preferred_time,
            preference_gymnase: p.venue_preference,
            niveau_gymnase: p.venue_level,
            espacement_repos: p.rest_spacing,
            compaction: p.compaction,
            simultaneite: p.overlap,
            contraintes_temporelles: p.temporal,
            aller_retour: p.home_away,
            total: p.total(),
        }
    }
}

/// Hard violations and penalties of the project's current calendar.
#[derive(Debug, Serialize, ToSchema)]
pub struct EvaluationResponse {
    /// Project.
    pub project_id: i64,
    /// Matches the solver may place (not fixed, played or frozen).
    pub nb_matchs_modifiables: usize,
    /// Of those, placed.
    pub nb_matchs_planifies: usize,
    /// Of those, not placed.
    pub nb_matchs_non_planifies: usize,
    /// Fixed, played or frozen matches.
    pub nb_matchs_fixes: usize,
    /// Whether no placed match breaks a hard rule.
    pub valide: bool,
    /// Hard rules broken by placed matches.
    pub violations: Vec<ViolationResponse>,
    /// Hard rules broken by fixed matches alone (input warnings: fixed matches are never moved).
    pub problemes_matchs_fixes: Vec<ViolationResponse>,
    /// Penalties by term.
    pub penalites: PenaltiesResponse,
    /// PyCalendar's objective: rewards of placed matches minus penalties (higher is better).
    pub objectif: f64,
    /// One cost, lower is better: rewards lost on unplaced matches plus penalties.
    pub cout: f64,
    /// What loading the project noticed.
    pub avertissements: Vec<String>,
    /// With `details=true`: the score of every placed match, in match order.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub details_matchs: Option<Vec<MatchScoreResponse>>,
}

/// Options of the evaluation.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct EvaluationQuery {
    /// Adds `details_matchs`: the reward and penalties of every placed match.
    pub details: Option<bool>,
}

/// What one placed match brings to the objective.
#[derive(Debug, Serialize, ToSchema)]
pub struct MatchScoreResponse {
    /// Id of the match.
    pub match_id: i64,
    /// First team.
    pub equipe1_nom: String,
    /// Its gender.
    pub equipe1_genre: Option<String>,
    /// Second team.
    pub equipe2_nom: String,
    /// Its gender.
    pub equipe2_genre: Option<String>,
    /// Pool.
    pub poule: String,
    /// Week.
    pub semaine: u16,
    /// Start time.
    pub horaire: String,
    /// Venue.
    pub gymnase: String,
    /// Reward of placing it (S0).
    pub recompense: i64,
    /// Its penalties: its own terms (S1, S2, S3, S5, S7) and its share of the terms between matches
    /// (half of each S4 rest spacing of its teams, of each S6 pair and of its S8 leg spacing). Over
    /// all matches they add up to `penalites`.
    pub penalites: PenaltiesResponse,
    /// Reward minus penalties: its share of the objective.
    pub contribution: f64,
}

impl MatchScoreResponse {
    /// The score of every placed match of `schedule`.
    pub fn all(problem: &Problem, rows: &MatchRows, schedule: &Schedule) -> Vec<MatchScoreResponse> {
        let genre = |g: Option<scheduler_core::Gender>| g.map(|g| g.code().to_string());
        scheduler_core::evaluation::match_penalties(problem, schedule)
            .into_iter()
            .zip(problem.match_ids())
            .filter_map(|(penalties, id)| {
                let (penalties, placement) = (penalties?, schedule.get(id)?);
                let m = problem.match_(id);
                let (home, away) = (problem.team(m.home), problem.team(m.away));
                Some(MatchScoreResponse {
                    match_id: rows.row_of(id).map_or(0, |r| r.0),
                    equipe1_nom: home.name.clone(),
                    equipe1_genre: genre(home.gender),
                    equipe2_nom: away.name.clone(),
                    equipe2_genre: genre(away.gender),
                    poule: problem.pools[m.pool.index()].code.clone(),
                    semaine: placement.week.0,
                    horaire: placement.time.to_string(),
                    gymnase: problem.venue(placement.venue).name.clone(),
                    recompense: m.reward,
                    penalites: (&penalties).into(),
                    contribution: m.reward as f64 - penalties.total(),
                })
            })
            .collect()
    }
}

impl EvaluationResponse {
    /// Builds the answer.
    pub fn new(
        project_id: i64,
        problem: &Problem,
        rows: &MatchRows,
        e: &Evaluation,
        warnings: Vec<String>,
    ) -> Self {
        EvaluationResponse {
            project_id,
            nb_matchs_modifiables: e.placed + e.unplaced,
            nb_matchs_planifies: e.placed,
            nb_matchs_non_planifies: e.unplaced,
            nb_matchs_fixes: e.fixed,
            valide: e.hard.is_empty(),
            violations: e.hard.iter().map(|v| ViolationResponse::new(problem, rows, v)).collect(),
            problemes_matchs_fixes: e
                .fixed_problems
                .iter()
                .map(|v| ViolationResponse::new(problem, rows, v))
                .collect(),
            penalites: (&e.penalties).into(),
            objectif: e.objective,
            cout: e.cost,
            avertissements: warnings,
            details_matchs: None,
        }
    }
}
