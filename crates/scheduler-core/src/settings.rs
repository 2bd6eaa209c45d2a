//! Every weight and switch of the rules (PyCalendar's `contraintes` and `planification` keys).
//!
//! Defaults are PyCalendar's *effective* defaults (spec §4.2), so that objectives compare one to one,
//! except where the spec marks a flaw (see each field).

use serde::{Deserialize, Serialize};

/// Weights of the rules and the limits they use.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// H5: at most this many matches per team and week, fixed matches included
    /// (`max_matchs_par_equipe_par_semaine`).
    pub max_matches_per_team_per_week: u32,
    /// S0: reward of a placed normal match, i.e. the cost of leaving it unplaced
    /// (`penalite_match_non_planif`).
    pub match_reward: i64,
    /// S1: preferred-time penalty parameters.
    pub preferred_time: PreferredTimeWeights,
    /// S2: bonus by rank of the venue in a team's preferences (`bonus_preferences_gymnases`);
    /// every placement pays `2 × max(bonus)` minus the bonuses of both teams. Empty disables S2.
    pub venue_preference_bonus: Vec<i64>,
    /// S3: penalty by match level (A1, A2, …) in a high-level venue (`penalite_niveau_gymnases_haut`).
    pub venue_level_penalty_high: Vec<i64>,
    /// S3: penalty by match level in a low-level venue (`penalite_niveau_gymnases_bas`).
    pub venue_level_penalty_low: Vec<i64>,
    /// S4: penalty by number of rest weeks between two weeks in which a team plays
    /// (`penalites_espacement_repos`); index 0 = consecutive weeks.
    pub rest_spacing_penalties: Vec<i64>,
    /// S5: penalty by week index (week 1 = index 0; past the end the last value applies)
    /// (`compaction_penalites_par_semaine`); `None` when `compaction_temporelle_actif` is false.
    pub compaction_penalties: Option<Vec<i64>>,
    /// S6: penalty per pair of matches at the same week and time (any venue) sharing an institution or a
    /// non-simultaneity group (`overlap_institution_poids`); `None` when off.
    ///
    /// Off by default: PyCalendar's CP-SAT model never applied it (spec §8.2, a no-op), so leaving it off
    /// keeps objectives comparable. When on, the single corrected definition applies.
    pub overlap_penalty: Option<i64>,
    /// Ententes: whether they apply (`entente_actif`).
    pub ententes_active: bool,
    /// S0 for entente matches without their own value (`entente_penalite_non_planif`).
    pub entente_reward: i64,
    /// Temporal constraints (`contrainte_temporelle_*`).
    pub temporal: TemporalWeights,
    /// S8: home-and-away leg spacing (`aller_retour_*`); `None` when off.
    pub home_away: Option<HomeAwayWeights>,
}

/// S1 parameters (`penalite_*_horaire_*`).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PreferredTimeWeights {
    /// Multiplier when no out-of-tolerance team plays before its preferred time.
    pub after: f64,
    /// Multiplier when exactly one out-of-tolerance team plays too early.
    pub before_one: f64,
    /// Multiplier when both teams play too early.
    pub before_both: f64,
    /// Distance divisor, in minutes.
    pub divisor: f64,
    /// Distances up to this many minutes cost nothing.
    pub tolerance: f64,
}

/// Temporal constraint settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct TemporalWeights {
    /// Whether temporal constraints apply at all.
    pub active: bool,
    /// S7: penalty of a match placed on the wrong side of its limit week (soft mode).
    pub penalty: i64,
    /// H9: when true, the constraint is hard.
    pub hard: bool,
}

/// S8 weights.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct HomeAwayWeights {
    /// Both legs in the same week.
    pub same_week: i64,
    /// Legs in consecutive weeks.
    pub consecutive_weeks: i64,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            max_matches_per_team_per_week: 1,
            match_reward: 10_000,
            preferred_time: PreferredTimeWeights::default(),
            venue_preference_bonus: vec![10, 8, 5, 2, 1],
            venue_level_penalty_high: vec![0, 2, 5, 7],
            venue_level_penalty_low: vec![10, 8, 5, 3],
            rest_spacing_penalties: vec![5, 2, 1],
            compaction_penalties: Some(vec![0, 0, 5, 10, 10, 15, 20, 35]),
            overlap_penalty: None,
            ententes_active: true,
            entente_reward: 30,
            temporal: TemporalWeights::default(),
            home_away: Some(HomeAwayWeights::default()),
        }
    }
}

impl Default for PreferredTimeWeights {
    fn default() -> Self {
        Self { after: 1.0, before_one: 6.0, before_both: 15.0, divisor: 60.0, tolerance: 30.0 }
    }
}

impl Default for TemporalWeights {
    fn default() -> Self {
        Self { active: true, penalty: 100, hard: false }
    }
}

impl Default for HomeAwayWeights {
    fn default() -> Self {
        Self { same_week: 5000, consecutive_weeks: 2000 }
    }
}

impl Settings {
    /// S2's constant part: what a placement costs before the teams' venue bonuses.
    pub fn venue_preference_base(&self) -> i64 {
        2 * self.venue_preference_bonus.iter().copied().max().unwrap_or(0)
    }

    /// S5 penalty of a match placed in `week` (1-based).
    pub fn compaction_penalty(&self, week: u16) -> i64 {
        let Some(list) = &self.compaction_penalties else { return 0 };
        let index = usize::from(week.saturating_sub(1));
        // PyCalendar's CP-SAT ignores negative values (spec §8.2 S5).
        list.get(index).or(list.last()).copied().unwrap_or(0).max(0)
    }

    /// S4 penalty between two weeks with `rest` weeks between them.
    pub fn rest_penalty(&self, rest: u16) -> i64 {
        self.rest_spacing_penalties.get(usize::from(rest)).copied().unwrap_or(0).max(0)
    }
}
