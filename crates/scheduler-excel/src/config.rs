//! The merged YAML configuration mapped onto the engine's [`Settings`] and [`Calendar`], plus the
//! project-level choices (files, strategy, time limit) in a [`ProjectConfig`].

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::NaiveDate;
use scheduler_core::{
    parse_weekday, Calendar, HomeAwayWeights, PreferredTimeWeights, SeasonDates, Settings, Strategy,
    TemporalWeights,
};
use serde_yaml::Value;

use crate::cascade::{self, describe};
use crate::error::{Location, ReadError, ReadWarning, WarningKind};

/// A project's configuration: engine settings, calendar and how to run.
#[derive(Debug, Clone, PartialEq)]
pub struct ProjectConfig {
    /// The project YAML, when there is one.
    pub source: Option<PathBuf>,
    /// Input workbook (`fichiers.donnees`), relative to the YAML's directory.
    pub workbook: PathBuf,
    /// Output calendar (`fichiers.sortie`), relative to the YAML's directory.
    pub output: PathBuf,
    /// Strategy (`planification.strategie`; `cpsat`/`greedy` are aliases).
    pub strategy: Strategy,
    /// Wall-time limit of a solve (`cpsat.temps_max_secondes`).
    pub time_limit: Duration,
    /// PyCalendar's greedy attempts (`greedy.nb_essais`), kept for reference.
    pub greedy_attempts: u32,
    /// Whether `Matchs_Fixes` is read (`planification.respecter_matchs_fixes`).
    pub read_fixed_matches: bool,
    /// Solver verbosity (`cpsat.niveau_log`).
    pub log_level: i64,
    /// Whether to print solver progress (`cpsat.afficher_progression`).
    pub show_progress: bool,
    /// Rule weights and switches.
    pub settings: Settings,
    /// Weeks, first plannable week, blocked weeks, dates.
    pub calendar: Calendar,
    /// The merged YAML document (defaults + project), for keys this struct does not expose.
    pub merged: Value,
}

impl ProjectConfig {
    /// The built-in defaults (`configs/default.yaml`), paths relative to the current directory.
    pub fn defaults() -> Result<Self, ReadError> {
        let mut warnings = Vec::new();
        let merged = cascade::cascade(None, &mut warnings)?;
        Self::from_merged(merged, cascade::DEFAULT_FILE, Path::new(""), &mut warnings)
    }

    /// Reads a project YAML file through the cascade.
    pub fn load(yaml_path: &Path) -> Result<(Self, Vec<ReadWarning>), ReadError> {
        let text = std::fs::read_to_string(yaml_path)
            .map_err(|source| ReadError::Io { path: yaml_path.to_path_buf(), source })?;
        let dir = yaml_path.parent().unwrap_or(Path::new(""));
        let mut config = Self::from_yaml_str(&text, &file_name(yaml_path), dir)?;
        config.0.source = Some(yaml_path.to_path_buf());
        Ok(config)
    }

    /// Reads project YAML text; `file` names it in messages and relative paths resolve against `dir`.
    pub fn from_yaml_str(text: &str, file: &str, dir: &Path) -> Result<(Self, Vec<ReadWarning>), ReadError> {
        let mut warnings = Vec::new();
        let merged = cascade::cascade(Some((text, file)), &mut warnings)?;
        let config = Self::from_merged(merged, file, dir, &mut warnings)?;
        Ok((config, warnings))
    }

    fn from_merged(
        merged: Value,
        file: &str,
        dir: &Path,
        warnings: &mut Vec<ReadWarning>,
    ) -> Result<Self, ReadError> {
        let keys = Keys { root: &merged, file };
        let settings = settings(&keys, warnings)?;
        let calendar = calendar(&keys, warnings)?;
        let strategy_name = keys.string("planification.strategie")?;
        let strategy = strategy_name.parse::<Strategy>().map_err(|_| {
            let expected = format!("a strategy: {}", Strategy::VALID_NAMES);
            keys.invalid("planification.strategie", &Value::from(strategy_name.clone()), &expected)
        })?;
        let seconds = keys.float("cpsat.temps_max_secondes")?;
        if seconds < 0.0 {
            return Err(keys.invalid_at("cpsat.temps_max_secondes", "a number of seconds ≥ 0"));
        }
        let config = Self {
            source: None,
            workbook: dir.join(keys.string("fichiers.donnees")?),
            output: dir.join(keys.string("fichiers.sortie")?),
            strategy,
            time_limit: Duration::from_secs_f64(seconds.min(1e9)),
            greedy_attempts: keys.uint("greedy.nb_essais")?,
            read_fixed_matches: keys.bool("planification.respecter_matchs_fixes")?,
            log_level: keys.int("cpsat.niveau_log")?,
            show_progress: keys.bool("cpsat.afficher_progression")?,
            settings,
            calendar,
            merged: Value::Null,
        };
        Ok(Self { merged, ..config })
    }
}

impl Default for ProjectConfig {
    /// The built-in defaults; the embedded file is checked by the crate's tests.
    fn default() -> Self {
        #[allow(clippy::expect_used)]
        Self::defaults().expect("the embedded configs/default.yaml is valid")
    }
}

/// The file name of a path, for messages.
pub(crate) fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned())
}

fn settings(keys: &Keys<'_>, warnings: &mut Vec<ReadWarning>) -> Result<Settings, ReadError> {
    let c = |key: &str| format!("contraintes.{key}");
    let weight = |key: &str, warnings: &mut Vec<ReadWarning>| keys.weight(&c(key), warnings);
    let weights = |key: &str, warnings: &mut Vec<ReadWarning>| keys.weights(&c(key), warnings);
    Ok(Settings {
        max_matches_per_team_per_week: keys.uint(&c("max_matchs_par_equipe_par_semaine"))?,
        match_reward: weight("penalite_match_non_planif", warnings)?,
        preferred_time: PreferredTimeWeights {
            after: keys.float(&c("penalite_apres_horaire_min"))?,
            before_one: keys.float(&c("penalite_avant_horaire_min"))?,
            before_both: keys.float(&c("penalite_avant_horaire_min_deux"))?,
            divisor: positive(keys, &c("penalite_horaire_diviseur"))?,
            tolerance: keys.float(&c("penalite_horaire_tolerance"))?,
        },
        venue_preference_bonus: weights("bonus_preferences_gymnases", warnings)?,
        venue_level_penalty_high: weights("penalite_niveau_gymnases_haut", warnings)?,
        venue_level_penalty_low: weights("penalite_niveau_gymnases_bas", warnings)?,
        rest_spacing_penalties: weights("penalites_espacement_repos", warnings)?,
        compaction_penalties: if keys.bool(&c("compaction_temporelle_actif"))? {
            Some(weights("compaction_penalites_par_semaine", warnings)?)
        } else {
            None
        },
        overlap_penalty: if keys.bool(&c("overlap_institution_actif"))? {
            Some(weight("overlap_institution_poids", warnings)?)
        } else {
            None
        },
        ententes_active: keys.bool(&c("entente_actif"))?,
        entente_reward: weight("entente_penalite_non_planif", warnings)?,
        temporal: TemporalWeights {
            active: keys.bool(&c("contrainte_temporelle_actif"))?,
            penalty: weight("contrainte_temporelle_penalite", warnings)?,
            hard: keys.bool(&c("contrainte_temporelle_dure"))?,
        },
        home_away: if keys.bool(&c("aller_retour_espacement_actif"))? {
            Some(HomeAwayWeights {
                same_week: weight("aller_retour_penalite_meme_semaine", warnings)?,
                consecutive_weeks: weight("aller_retour_penalite_consecutives", warnings)?,
            })
        } else {
            None
        },
    })
}

fn positive(keys: &Keys<'_>, key: &str) -> Result<f64, ReadError> {
    let value = keys.float(key)?;
    if value > 0.0 {
        Ok(value)
    } else {
        Err(keys.invalid_at(key, "a number > 0"))
    }
}

fn calendar(keys: &Keys<'_>, warnings: &mut Vec<ReadWarning>) -> Result<Calendar, ReadError> {
    let weeks: u16 = keys.uint("planification.nb_semaines")?;
    if weeks == 0 {
        return Err(keys.invalid_at("planification.nb_semaines", "a number of weeks ≥ 1"));
    }
    let first: u16 = keys.uint("planification.semaine_min")?;
    if first == 0 || first > weeks {
        return Err(keys.invalid_at(
            "planification.semaine_min",
            &format!("a week of the season (1 to nb_semaines = {weeks})"),
        ));
    }
    let active = keys.bool("calendrier.actif")?;
    let listed = keys.week_list("calendrier.semaines_banalisees")?;
    let location = Location::key(keys.file, "calendrier.semaines_banalisees");
    let mut blocked = BTreeSet::new();
    if active {
        for week in listed {
            if (1..=weeks).contains(&week) {
                blocked.insert(week);
            } else {
                warnings.push(ReadWarning::new(
                    WarningKind::ConfigValue,
                    location.clone(),
                    format!("week {week} is outside the season's weeks 1..={weeks}; ignored"),
                ));
            }
        }
    } else if !listed.is_empty() {
        warnings.push(ReadWarning::new(
            WarningKind::ConfigValue,
            location,
            format!(
                "blocked weeks {listed:?} are ignored because calendrier.actif is false (as in PyCalendar)"
            ),
        ));
    }
    let dates = if active {
        let text = keys.string("calendrier.date_debut")?;
        let start = NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
            .map_err(|_| keys.invalid_at("calendrier.date_debut", "a date written YYYY-MM-DD"))?;
        let day = keys.string("calendrier.jour_match")?;
        let match_day = parse_weekday(&day).ok_or_else(|| {
            keys.invalid_at("calendrier.jour_match", "a weekday (lundi..dimanche or Monday..Sunday)")
        })?;
        Some(SeasonDates { start, match_day })
    } else {
        None
    };
    Ok(Calendar { weeks, first_plannable_week: first, blocked_weeks: blocked, dates })
}

/// Typed access to the merged document by dotted key path.
struct Keys<'a> {
    root: &'a Value,
    file: &'a str,
}

impl Keys<'_> {
    fn get(&self, path: &str) -> Result<&Value, ReadError> {
        let mut value = self.root;
        for part in path.split('.') {
            value = value.get(part).ok_or_else(|| ReadError::Inconsistent {
                location: Location::key(self.file, path).into(),
                message: "missing key".into(),
            })?;
        }
        Ok(value)
    }

    fn invalid(&self, path: &str, value: &Value, expected: &str) -> ReadError {
        ReadError::InvalidValue {
            location: Location::key(self.file, path).into(),
            value: describe(value),
            expected: expected.to_string(),
        }
    }

    fn invalid_at(&self, path: &str, expected: &str) -> ReadError {
        match self.get(path) {
            Ok(value) => self.invalid(path, value, expected),
            Err(error) => error,
        }
    }

    fn bool(&self, path: &str) -> Result<bool, ReadError> {
        let value = self.get(path)?;
        match value {
            Value::Bool(b) => Ok(*b),
            Value::String(s) => match s.trim().to_lowercase().as_str() {
                "true" | "oui" | "yes" => Ok(true),
                "false" | "non" | "no" => Ok(false),
                _ => Err(self.invalid(path, value, "true or false")),
            },
            _ => Err(self.invalid(path, value, "true or false")),
        }
    }

    fn number(value: &Value) -> Option<f64> {
        match value {
            Value::Number(n) => n.as_f64(),
            Value::String(s) => s.trim().parse::<f64>().ok(),
            _ => None,
        }
        .filter(|v| v.is_finite())
    }

    fn float(&self, path: &str) -> Result<f64, ReadError> {
        let value = self.get(path)?;
        Self::number(value).ok_or_else(|| self.invalid(path, value, "a number"))
    }

    fn int(&self, path: &str) -> Result<i64, ReadError> {
        let value = self.get(path)?;
        Self::number(value)
            .filter(|v| v.fract() == 0.0 && v.abs() < 9e15)
            .map(|v| v as i64)
            .ok_or_else(|| self.invalid(path, value, "a whole number"))
    }

    fn uint<T: TryFrom<i64>>(&self, path: &str) -> Result<T, ReadError> {
        let value = self.get(path)?;
        T::try_from(self.int(path)?)
            .map_err(|_| self.invalid(path, value, "a whole number ≥ 0 (or too large)"))
    }

    /// A weight: integral, fractional ones truncated as PyCalendar's CP-SAT did (with a warning).
    fn weight(&self, path: &str, warnings: &mut Vec<ReadWarning>) -> Result<i64, ReadError> {
        let value = self.float(path)?;
        Ok(self.truncate(path, value, warnings))
    }

    fn truncate(&self, path: &str, value: f64, warnings: &mut Vec<ReadWarning>) -> i64 {
        let whole = value.trunc().clamp(-9e15, 9e15);
        if whole != value {
            warnings.push(ReadWarning::new(
                WarningKind::ConfigValue,
                Location::key(self.file, path),
                format!("{value} is not a whole number; {whole} is used (weights are integers)"),
            ));
        }
        whole as i64
    }

    fn weights(&self, path: &str, warnings: &mut Vec<ReadWarning>) -> Result<Vec<i64>, ReadError> {
        let value = self.get(path)?;
        let Value::Sequence(items) = value else {
            return Err(self.invalid(path, value, "a list of numbers, like [10, 8, 5]"));
        };
        items
            .iter()
            .enumerate()
            .map(|(i, item)| {
                let key = format!("{path}[{i}]");
                Self::number(item)
                    .map(|v| self.truncate(&key, v, warnings))
                    .ok_or_else(|| self.invalid(&key, item, "a number"))
            })
            .collect()
    }

    fn week_list(&self, path: &str) -> Result<Vec<u16>, ReadError> {
        let value = self.get(path)?;
        let Value::Sequence(items) = value else {
            return Err(self.invalid(path, value, "a list of week numbers, like [3, 10]"));
        };
        items
            .iter()
            .enumerate()
            .map(|(i, item)| {
                Self::number(item)
                    .filter(|v| v.fract() == 0.0 && *v >= 1.0 && *v <= f64::from(u16::MAX))
                    .map(|v| v as u16)
                    .ok_or_else(|| self.invalid(&format!("{path}[{i}]"), item, "a week number (1 or more)"))
            })
            .collect()
    }

    fn string(&self, path: &str) -> Result<String, ReadError> {
        let value = self.get(path)?;
        match value {
            Value::String(s) => Ok(s.clone()),
            Value::Number(n) => Ok(n.to_string()),
            _ => Err(self.invalid(path, value, "a text")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_match_the_engine_defaults() {
        let config = ProjectConfig::defaults().unwrap();
        assert_eq!(config.settings, Settings::default());
        assert_eq!(config.calendar, Calendar::default());
        assert_eq!(config.strategy, Strategy::Hybrid);
        assert_eq!(config.time_limit, Duration::from_secs(60));
        assert!(config.read_fixed_matches);
    }

    #[test]
    fn switches_and_aliases() {
        let yaml = "planification:\n  strategie: greedy\n  semaine_minimum: 3\n\
                    contraintes:\n  compaction_temporelle_actif: false\n  overlap_institution_actif: true\n  \
                    aller_retour_espacement_actif: false\n  bonus_niveau_gymnases_haut: [1, 2]\n\
                    calendrier:\n  actif: true\n  jour_match: Thursday\n  semaines_banalisees: [2, 40]\n";
        let (config, warnings) = ProjectConfig::from_yaml_str(yaml, "p.yaml", Path::new("dir")).unwrap();
        assert_eq!(config.strategy, Strategy::Heuristic);
        assert_eq!(config.calendar.first_plannable_week, 3);
        assert_eq!(config.settings.compaction_penalties, None);
        assert_eq!(config.settings.overlap_penalty, Some(10));
        assert_eq!(config.settings.home_away, None);
        assert_eq!(config.settings.venue_level_penalty_high, vec![1, 2]);
        assert_eq!(config.calendar.blocked_weeks, BTreeSet::from([2]));
        assert!(config.calendar.dates.is_some());
        assert_eq!(config.workbook, Path::new("dir/examples/basic/config_exemple.xlsx"));
        let shown: Vec<String> = warnings.iter().map(ToString::to_string).collect();
        assert_eq!(
            shown,
            vec!["p.yaml, key calendrier.semaines_banalisees: week 40 is outside the season's weeks 1..=11; ignored"]
        );
    }

    #[test]
    fn blocked_weeks_ignored_when_calendar_is_off() {
        let yaml = "calendrier:\n  semaines_banalisees: [44, 52, 1]\n";
        let (config, warnings) = ProjectConfig::from_yaml_str(yaml, "p.yaml", Path::new("")).unwrap();
        assert!(config.calendar.blocked_weeks.is_empty());
        assert_eq!(
            warnings[0].to_string(),
            "p.yaml, key calendrier.semaines_banalisees: blocked weeks [44, 52, 1] are ignored because \
             calendrier.actif is false (as in PyCalendar)"
        );
    }

    #[test]
    fn invalid_values_name_the_key() {
        let error =
            ProjectConfig::from_yaml_str("planification:\n  nb_semaines: abc\n", "p.yaml", Path::new(""))
                .unwrap_err();
        assert_eq!(error.to_string(), "p.yaml, key planification.nb_semaines: \"abc\" is not a whole number");
        let error =
            ProjectConfig::from_yaml_str("planification:\n  strategie: fast\n", "p.yaml", Path::new(""))
                .unwrap_err();
        assert!(
            error
                .to_string()
                .starts_with("p.yaml, key planification.strategie: \"fast\" is not a strategy: optimal"),
            "{error}"
        );
        let (_, warnings) = ProjectConfig::from_yaml_str(
            "contraintes:\n  penalites_espacement_repos: [2.5]\n",
            "p.yaml",
            Path::new(""),
        )
        .unwrap();
        assert_eq!(
            warnings[0].to_string(),
            "p.yaml, key contraintes.penalites_espacement_repos[0]: 2.5 is not a whole number; 2 is used \
             (weights are integers)"
        );
    }
}
