//! `load_project`: a YAML file next to its workbook, in a temporary directory.

mod common;

use std::path::Path;

use scheduler_excel::{load_project, ProjectConfig, ReadError, WarningKind, DEFAULT_YAML};

fn project(yaml: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("temporary directory");
    std::fs::create_dir(dir.path().join("data")).expect("data directory");
    std::fs::write(dir.path().join("data/season.xlsx"), common::xlsx(&common::base())).expect("workbook");
    let yaml_path = dir.path().join("season.yaml");
    std::fs::write(&yaml_path, yaml).expect("yaml");
    (dir, yaml_path)
}

#[test]
fn paths_resolve_against_the_yaml_directory() {
    let (dir, yaml) = project(
        "fichiers:\n  config_central: data/season.xlsx\n  sortie: out/calendar.xlsx\n\
         planification:\n  nb_semaines: 8\n  strategie: greedy\n  inconnu: 3\n",
    );
    let loaded = load_project(&yaml).unwrap();
    assert_eq!(loaded.workbook_path, dir.path().join("data/season.xlsx"));
    assert_eq!(loaded.config.output, dir.path().join("out/calendar.xlsx"));
    assert_eq!(loaded.spec.calendar.weeks, 8);
    assert_eq!(loaded.config.strategy.name(), "heuristique");
    assert_eq!(loaded.config.source.as_deref(), Some(yaml.as_path()));
    let unknown: Vec<String> = loaded
        .warnings
        .iter()
        .filter(|w| w.kind == WarningKind::UnknownConfigKey)
        .map(ToString::to_string)
        .collect();
    assert_eq!(unknown, ["season.yaml, key planification.inconnu: unknown key, ignored"]);
}

#[test]
fn duplicate_keys_and_missing_workbook_are_errors() {
    let (_dir, yaml) = project("planification:\n  nb_semaines: 8\nplanification:\n  nb_semaines: 9\n");
    let error = load_project(&yaml).unwrap_err();
    assert!(matches!(error, ReadError::DuplicateKey { .. }), "{error}");
    let (dir, yaml) = project("fichiers:\n  donnees: missing.xlsx\n");
    let error = load_project(&yaml).unwrap_err();
    assert_eq!(
        error.to_string().split(':').next(),
        Some(format!("cannot read {}", dir.path().join("missing.xlsx").display()).as_str())
    );
}

#[test]
fn defaults_file_is_embedded_and_complete() {
    for key in [
        "donnees",
        "sortie",
        "nb_semaines",
        "semaine_min",
        "taille_poule_min",
        "taille_poule_max",
        "strategie",
        "fallback_greedy",
        "nb_essais",
        "temps_max_secondes",
        "afficher_progression",
        "niveau_log",
        "warm_start",
        "warm_start_file",
        "poids_indisponibilite",
        "poids_capacite_gymnase",
        "poids_equilibrage_charge",
        "nb_preferences_gymnases",
        "bonus_preferences_gymnases",
        "penalite_niveau_gymnases_haut",
        "penalite_niveau_gymnases_bas",
        "penalite_apres_horaire_min",
        "penalite_avant_horaire_min",
        "penalite_avant_horaire_min_deux",
        "penalite_horaire_diviseur",
        "penalite_horaire_tolerance",
        "max_matchs_par_equipe_par_semaine",
        "penalites_espacement_repos",
        "compaction_temporelle_actif",
        "compaction_penalites_par_semaine",
        "overlap_institution_actif",
        "overlap_institution_poids",
        "overlap_institution_institutions",
        "penalite_match_non_planif",
        "entente_actif",
        "entente_penalite_non_planif",
        "contrainte_temporelle_actif",
        "contrainte_temporelle_penalite",
        "contrainte_temporelle_dure",
        "aller_retour_espacement_actif",
        "aller_retour_min_semaines",
        "aller_retour_penalite_meme_semaine",
        "aller_retour_penalite_consecutives",
        "actif",
        "date_debut",
        "jour_match",
        "semaines_banalisees",
        "respecter_matchs_fixes",
    ] {
        assert!(DEFAULT_YAML.contains(&format!("\n  {key}: ")), "{key} missing from default.yaml");
    }
    // Every key is documented: the line above it is a comment.
    let lines: Vec<&str> = DEFAULT_YAML.lines().collect();
    for (i, line) in lines.iter().enumerate().skip(1) {
        if line.starts_with("  ") && !line.trim_start().starts_with('#') {
            assert!(lines[i - 1].trim_start().starts_with('#'), "no comment above {line:?}");
        }
    }
    let config = ProjectConfig::default();
    assert_eq!(config.workbook, Path::new("examples/basic/config_exemple.xlsx"));
}
