//! A project YAML stating only what differs from the built-in defaults (`configs/default.yaml`).

use std::fmt::Write as _;
use std::time::Duration;

use scheduler_core::{ProblemSpec, Settings, Strategy};

use crate::ProjectConfig;

/// What a project YAML names besides the spec's settings and calendar.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ProjectYaml {
    /// `fichiers.donnees`: the workbook, relative to the YAML's directory.
    pub workbook: String,
    /// `fichiers.sortie`: the calendar to write, relative to the YAML's directory.
    pub output: String,
    /// `planification.strategie`, when not the default.
    pub strategy: Option<Strategy>,
    /// `cpsat.temps_max_secondes`, when not the default.
    pub time_limit: Option<Duration>,
    /// A comment written at the top (one line per line).
    pub comment: Option<String>,
}

fn quoted(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

fn number(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{value:.0}")
    } else {
        value.to_string()
    }
}

fn list(values: &[i64]) -> String {
    let items: Vec<String> = values.iter().map(ToString::to_string).collect();
    format!("[{}]", items.join(", "))
}

/// Keys of one section, written in order.
#[derive(Default)]
struct Section(Vec<(&'static str, String)>);

impl Section {
    fn set(&mut self, key: &'static str, value: String) {
        self.0.push((key, value));
    }

    fn set_if<T: PartialEq>(
        &mut self,
        key: &'static str,
        value: &T,
        default: &T,
        show: impl Fn(&T) -> String,
    ) {
        if value != default {
            self.set(key, show(value));
        }
    }
}

fn constraints(settings: &Settings, defaults: &Settings) -> Section {
    let mut c = Section::default();
    let int = |v: &i64| v.to_string();
    let float = |v: &f64| number(*v);
    let ints = |v: &Vec<i64>| list(v);
    let (s, d) = (settings, defaults);
    c.set_if(
        "max_matchs_par_equipe_par_semaine",
        &s.max_matches_per_team_per_week,
        &d.max_matches_per_team_per_week,
        |v| v.to_string(),
    );
    c.set_if("penalite_match_non_planif", &s.match_reward, &d.match_reward, int);
    let (p, q) = (&s.preferred_time, &d.preferred_time);
    c.set_if("penalite_apres_horaire_min", &p.after, &q.after, float);
    c.set_if("penalite_avant_horaire_min", &p.before_one, &q.before_one, float);
    c.set_if("penalite_avant_horaire_min_deux", &p.before_both, &q.before_both, float);
    c.set_if("penalite_horaire_diviseur", &p.divisor, &q.divisor, float);
    c.set_if("penalite_horaire_tolerance", &p.tolerance, &q.tolerance, float);
    c.set_if("bonus_preferences_gymnases", &s.venue_preference_bonus, &d.venue_preference_bonus, ints);
    c.set_if("penalite_niveau_gymnases_haut", &s.venue_level_penalty_high, &d.venue_level_penalty_high, ints);
    c.set_if("penalite_niveau_gymnases_bas", &s.venue_level_penalty_low, &d.venue_level_penalty_low, ints);
    c.set_if("penalites_espacement_repos", &s.rest_spacing_penalties, &d.rest_spacing_penalties, ints);
    c.set_if(
        "compaction_temporelle_actif",
        &s.compaction_penalties.is_some(),
        &d.compaction_penalties.is_some(),
        |v| v.to_string(),
    );
    if let Some(values) = &s.compaction_penalties {
        if Some(values) != d.compaction_penalties.as_ref() {
            c.set("compaction_penalites_par_semaine", list(values));
        }
    }
    c.set_if("overlap_institution_actif", &s.overlap_penalty.is_some(), &d.overlap_penalty.is_some(), |v| {
        v.to_string()
    });
    if let Some(weight) = s.overlap_penalty {
        // The default weight sits in the YAML even while the term is off.
        if weight != 10 {
            c.set("overlap_institution_poids", weight.to_string());
        }
    }
    c.set_if("entente_actif", &s.ententes_active, &d.ententes_active, |v| v.to_string());
    c.set_if("entente_penalite_non_planif", &s.entente_reward, &d.entente_reward, int);
    let (t, u) = (&s.temporal, &d.temporal);
    c.set_if("contrainte_temporelle_actif", &t.active, &u.active, |v| v.to_string());
    c.set_if("contrainte_temporelle_penalite", &t.penalty, &u.penalty, int);
    c.set_if("contrainte_temporelle_dure", &t.hard, &u.hard, |v| v.to_string());
    c.set_if("aller_retour_espacement_actif", &s.home_away.is_some(), &d.home_away.is_some(), |v| {
        v.to_string()
    });
    if let (Some(h), default) = (s.home_away, d.home_away.unwrap_or_default()) {
        c.set_if("aller_retour_penalite_meme_semaine", &h.same_week, &default.same_week, int);
        c.set_if("aller_retour_penalite_consecutives", &h.consecutive_weeks, &default.consecutive_weeks, int);
    }
    c
}

/// The project YAML of `spec`: its settings and calendar as far as they differ from the built-in
/// defaults, plus the files and run choices of `project`. Reading it back with
/// [`ProjectConfig::from_yaml_str`] gives `spec.settings` and `spec.calendar`.
///
/// Blocked weeks only exist with real dates (`calendrier.actif`); without dates they cannot be
/// written and a comment says so.
pub fn write_project_yaml(spec: &ProblemSpec, project: &ProjectYaml) -> String {
    let defaults = ProjectConfig::default();
    let mut out = String::new();
    if let Some(comment) = &project.comment {
        for line in comment.lines() {
            let _ = writeln!(out, "# {line}");
        }
    }
    out.push_str("# Only what differs from configs/default.yaml.\n\n");

    let mut files = Section::default();
    files.set("donnees", quoted(&project.workbook));
    files.set("sortie", quoted(&project.output));

    let mut planning = Section::default();
    let calendar = &spec.calendar;
    planning.set_if("nb_semaines", &calendar.weeks, &defaults.calendar.weeks, |v| v.to_string());
    planning.set_if(
        "semaine_min",
        &calendar.first_plannable_week,
        &defaults.calendar.first_plannable_week,
        |v| v.to_string(),
    );
    if let Some(strategy) = project.strategy.filter(|s| *s != defaults.strategy) {
        planning.set("strategie", quoted(strategy.name()));
    }

    let mut solver = Section::default();
    if let Some(limit) = project.time_limit.filter(|l| *l != defaults.time_limit) {
        solver.set("temps_max_secondes", number(limit.as_secs_f64()));
    }

    let mut dates = Section::default();
    let mut note = None;
    match calendar.dates {
        Some(season) => {
            dates.set("actif", "true".into());
            dates.set("date_debut", quoted(&season.start.format("%Y-%m-%d").to_string()));
            dates.set("jour_match", quoted(scheduler_core::french_weekday(season.match_day)));
            let weeks: Vec<i64> = calendar.blocked_weeks.iter().map(|w| i64::from(*w)).collect();
            dates.set("semaines_banalisees", list(&weeks));
        }
        None if !calendar.blocked_weeks.is_empty() => {
            let weeks: Vec<i64> = calendar.blocked_weeks.iter().map(|w| i64::from(*w)).collect();
            note = Some(format!(
                "# Blocked weeks {} need calendrier.actif (real dates): not written.\n",
                list(&weeks)
            ));
        }
        None => {}
    }

    let sections = [
        ("fichiers", files),
        ("planification", planning),
        ("cpsat", solver),
        ("contraintes", constraints(&spec.settings, &defaults.settings)),
        ("calendrier", dates),
    ];
    for (name, section) in sections {
        if section.0.is_empty() {
            continue;
        }
        let _ = writeln!(out, "{name}:");
        for (key, value) in section.0 {
            let _ = writeln!(out, "  {key}: {value}");
        }
        out.push('\n');
    }
    if let Some(note) = note {
        out.push_str(&note);
    }
    out
}
