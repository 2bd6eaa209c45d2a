//! Small generated workbooks: every sheet, odd cells, and the exact errors and warnings.

mod common;

use common::{error, read, sheet, shown, with, xlsx, C};
use scheduler_core::{
    EarliestTime, Gender, PoolKind, Problem, TeamKey, TimeOfDay, TimeRange, VenueLevel, VenueUnavailability,
};
use scheduler_excel::{read_workbook, ProjectConfig, ReadError, WarningKind};

fn hm(h: u16, m: u16) -> TimeOfDay {
    TimeOfDay::from_hm(h, m).expect("valid time")
}

#[test]
fn minimal_workbook_reads_and_builds() {
    let data = read(&common::base()).unwrap();
    let spec = &data.spec;
    let keys: Vec<String> = spec.teams.iter().map(|t| t.key().to_string()).collect();
    assert_eq!(keys, ["LYON 1 (1) [F]", "INSA (1) [F]", "ESA (1) [F]", "LYON 1 (1) [M]", "ECL (1) [M]"]);
    assert_eq!(spec.teams[1].preferred_time, Some(hm(16, 0)));
    assert_eq!(spec.teams[2].preferred_time, None);
    assert_eq!(spec.venues[1].times, vec![hm(20, 0)], "trailing comma in Creneaux");
    assert_eq!(spec.venues[0].courts, 3);
    // Every optional sheet is reported missing, nothing else.
    assert_eq!(data.warnings.len(), 13);
    assert!(data.warnings.iter().all(|w| w.kind == WarningKind::MissingSheet));
    assert_eq!(
        data.warnings[0].to_string(),
        "tiny.xlsx, sheet Niveaux_Gymnases: optional sheet is missing; treated as empty"
    );
    let (problem, _) = Problem::new(data.spec).unwrap();
    assert_eq!(problem.matches.len(), 4);
}

#[test]
fn empty_middle_rows_and_whitespace_are_skipped_never_nan() {
    let sheets = with(vec![sheet(
        "Equipes",
        vec![
            row!["Equipe", "Poule"],
            row!["LYON 1 (1)", "VBFA1PA"],
            row![],
            row!["   ", ""],
            row!["INSA (1)", "VBFA1PA"],
            row!["", "",],
            row!["", "VBFA1PA"],
        ],
    )]);
    let data = read(&sheets).unwrap();
    let names: Vec<&str> = data.spec.teams.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(names, ["LYON 1 (1)", "INSA (1)"]);
    assert_eq!(
        shown(&data.warnings),
        ["tiny.xlsx, sheet Equipes, row 7, column Equipe: row ignored: this column is empty"]
    );
}

#[test]
fn gender_priority_suffix_then_column_then_pool() {
    let sheets = with(vec![sheet(
        "Equipes",
        vec![
            row!["Equipe", "Poule", "Genre"],
            row!["A (1) [M]", "VBFA1PA", "F"],
            row!["B (1)", "CUP", "F"],
            row!["C (1)", "VBMA1PA", ""],
            row!["D (1)", "CUP", ""],
        ],
    )]);
    let data = read(&sheets).unwrap();
    let genders: Vec<Option<Gender>> = data.spec.teams.iter().map(|t| t.gender).collect();
    assert_eq!(genders, [Some(Gender::Male), Some(Gender::Female), Some(Gender::Male), None]);
    assert_eq!(data.spec.teams[0].name, "A (1)");
    assert_eq!(
        shown(&data.warnings),
        ["tiny.xlsx, sheet Equipes, row 2: team \"A (1)\" is M but its pool VBFA1PA is F"]
    );
}

#[test]
fn excel_time_cells_and_text_times() {
    let sheets = with(vec![
        sheet(
            "Gymnases",
            vec![
                row!["Gymnase", "Capacite", "Creneaux"],
                row!["BESSON", 2.0, "14h, 16h30;18:00"],
                row!["ESA", 1.0, C::T(20.0 / 24.0)],
            ],
        ),
        sheet(
            "Equipes",
            vec![
                row!["Equipe", "Poule", "Horaire_Prefere"],
                row!["LYON 1 (1)", "VBFA1PA", C::T(0.75)],
                row!["INSA (1)", "VBFA1PA", "9:00"],
                row!["ECL (1)", "VBFA1PA", 14.0],
            ],
        ),
        sheet(
            "Indispos_Gymnases",
            vec![
                row!["Gymnase", "Semaine", "Horaire_Debut", "Horaire_Fin", "Capacite_Occupee"],
                row!["BESSON", 2.0, C::D(45_000.0 + 14.0 / 24.0), "18h", 1.0],
                row!["ESA", "3", "", "", ""],
            ],
        ),
    ]);
    let data = read(&sheets).unwrap();
    let spec = &data.spec;
    assert_eq!(spec.venues[0].times, vec![hm(14, 0), hm(16, 30), hm(18, 0)]);
    assert_eq!(spec.venues[1].times, vec![hm(20, 0)]);
    let times: Vec<Option<TimeOfDay>> = spec.teams.iter().map(|t| t.preferred_time).collect();
    assert_eq!(times, [Some(hm(18, 0)), Some(hm(9, 0)), Some(hm(14, 0))]);
    assert_eq!(
        spec.venue_unavailabilities,
        [
            VenueUnavailability {
                venue: "BESSON".into(),
                week: 2,
                range: TimeRange::Between { start: hm(14, 0), end: hm(18, 0) },
                courts_taken: Some(1),
            },
            VenueUnavailability {
                venue: "ESA".into(),
                week: 3,
                range: TimeRange::AllDay,
                courts_taken: None
            },
        ]
    );
}

#[test]
fn bad_capacity_text_is_located() {
    let sheets = with(vec![sheet(
        "Gymnases",
        vec![
            row!["Gymnase", "Capacite", "Creneaux"],
            row!["BESSON", 3.0, "14:00"],
            row!["ESA", "abc", "20:00"],
        ],
    )]);
    assert_eq!(
        error(&sheets),
        "tiny.xlsx, sheet Gymnases, row 3, column Capacite: \"abc\" is not a whole number"
    );
    let sheets = with(vec![sheet("Gymnases", vec![row!["Gymnase", "Capacite"], row!["ESA", 0.0]])]);
    assert_eq!(
        error(&sheets),
        "tiny.xlsx, sheet Gymnases, row 2, column Capacite: \"0\" is not a number of courts (1 or more)"
    );
    let sheets = with(vec![sheet("Gymnases", vec![row!["Gymnase", "Capacite"], row!["ESA", 2.5]])]);
    assert_eq!(
        error(&sheets),
        "tiny.xlsx, sheet Gymnases, row 2, column Capacite: \"2.5\" is not a whole number"
    );
}

#[test]
fn empty_capacity_means_one_court_with_a_warning() {
    let sheets = with(vec![sheet(
        "Gymnases",
        vec![row!["Gymnase", "Capacite", "Creneaux"], row!["ESA", "", "20:00"]],
    )]);
    let data = read(&sheets).unwrap();
    assert_eq!(data.spec.venues[0].courts, 1);
    assert_eq!(
        shown(&data.warnings),
        ["tiny.xlsx, sheet Gymnases, row 2, column Capacite: empty capacity: 1 court assumed"]
    );
}

#[test]
fn bad_times_are_located() {
    let sheets = with(vec![sheet(
        "Gymnases",
        vec![row!["Gymnase", "Capacite", "Creneaux"], row!["ESA", 1.0, "20:00, soir"]],
    )]);
    assert_eq!(
        error(&sheets),
        "tiny.xlsx, sheet Gymnases, row 2, column Creneaux: \"soir\" is not a time of day (like 14:00, 14h or \
         14h30) in a comma-separated list"
    );
    let sheets = with(vec![sheet(
        "Equipes",
        vec![row!["Equipe", "Poule", "Horaire_Prefere"], row!["A (1)", "P", "25:00"]],
    )]);
    assert_eq!(
        error(&sheets),
        "tiny.xlsx, sheet Equipes, row 2, column Horaire_Prefere: \"25:00\" is not a time of day (like 14:00, 14h \
         or 14h30)"
    );
}

#[test]
fn bad_week_is_located() {
    let sheets = with(vec![sheet(
        "Indispos_Gymnases",
        vec![row!["Gymnase", "Semaine"], row!["ESA", 2.0], row!["BESSON", "S5"]],
    )]);
    assert_eq!(
        error(&sheets),
        "tiny.xlsx, sheet Indispos_Gymnases, row 3, column Semaine: \"S5\" is not a week number (a whole number \
         from 1)"
    );
    let sheets = with(vec![sheet("Indispos_Gymnases", vec![row!["Gymnase", "Semaine"], row!["ESA", ""]])]);
    assert_eq!(
        error(&sheets),
        "tiny.xlsx, sheet Indispos_Gymnases, row 2, column Semaine: empty cell, expected a week number (a whole \
         number from 1)"
    );
}

#[test]
fn weeks_after_the_season_are_dropped_with_a_warning() {
    let sheets = with(vec![sheet(
        "Indispos_Institutions",
        vec![row!["Institution", "Semaine"], row!["LYON 1", 4.0], row!["LYON 1", 12.0]],
    )]);
    let data = read(&sheets).unwrap();
    assert_eq!(data.spec.institution_unavailabilities.len(), 1);
    assert_eq!(
        shown(&data.warnings),
        ["tiny.xlsx, sheet Indispos_Institutions, row 3, column Semaine: row ignored: week 12 is after the \
          season's last week 11"]
    );
}

#[test]
fn unknown_venue_suggests_the_closest_name() {
    let sheets = with(vec![sheet(
        "Indispos_Gymnases",
        vec![row!["Gymnase", "Semaine"], row!["ESA", 2.0], row!["BESON", 3.0]],
    )]);
    assert_eq!(
        error(&sheets),
        "tiny.xlsx, sheet Indispos_Gymnases, row 3, column Gymnase: unknown venue \"BESON\" (closest known: BESSON)"
    );
    // Case and spacing differences are corrected, with a warning.
    let sheets =
        with(vec![sheet("Indispos_Gymnases", vec![row!["Gymnase", "Semaine"], row!["besson ", 3.0]])]);
    let data = read(&sheets).unwrap();
    assert_eq!(data.spec.venue_unavailabilities[0].venue, "BESSON");
    assert_eq!(
        shown(&data.warnings),
        ["tiny.xlsx, sheet Indispos_Gymnases, row 2, column Gymnase: venue \"besson\" read as \"BESSON\" (spelling \
          differs in Gymnases)"]
    );
}

#[test]
fn unknown_team_is_an_error_with_suggestions() {
    let sheets =
        with(vec![sheet("Indispos_Equipes", vec![row!["Equipe", "Semaine"], row!["INSA (2)", 3.0]])]);
    assert_eq!(
        error(&sheets),
        "tiny.xlsx, sheet Indispos_Equipes, row 2, column Equipe: unknown team \"INSA (2)\" (closest known: INSA (1))"
    );
    let sheets =
        with(vec![sheet("Indispos_Equipes", vec![row!["Equipe", "Semaine"], row!["ECL (1) [F]", 3.0]])]);
    assert_eq!(
        error(&sheets),
        "tiny.xlsx, sheet Indispos_Equipes, row 2, column Equipe: unknown team \"ECL (1) [F]\" (closest known: ECL (1) [M], ESA (1) [F])"
    );
}

#[test]
fn team_unavailability_by_name_or_gender() {
    let sheets = with(vec![sheet(
        "Indispos_Equipes",
        vec![
            row!["Equipe", "Semaine", "Horaire_Debut", "Horaire_Fin"],
            row!["LYON 1 (1)", 3.0, "", ""],
            row!["LYON 1 (1) [M]", 4.0, "18:00", "22h"],
            row!["ECL (1)", 5.0, "18:00", ""],
        ],
    )]);
    let data = read(&sheets).unwrap();
    let rows = &data.spec.team_unavailabilities;
    assert_eq!(rows[0].team, TeamKey::new("LYON 1 (1)", None), "every gender");
    assert_eq!(rows[1].team, TeamKey::new("LYON 1 (1)", Some(Gender::Male)));
    assert_eq!(rows[1].range, TimeRange::Between { start: hm(18, 0), end: hm(22, 0) });
    assert_eq!(rows[2].team, TeamKey::new("ECL (1)", Some(Gender::Male)), "the only ECL (1)");
    assert_eq!(rows[2].range, TimeRange::AllDay);
    assert_eq!(
        shown(&data.warnings),
        ["tiny.xlsx, sheet Indispos_Equipes, row 4, column Horaire_Fin: Horaire_Fin is empty while Horaire_Debut \
          is set: the whole day is taken"]
    );
}

#[test]
fn unknown_institution_is_a_warning_with_suggestions() {
    let sheets = with(vec![
        sheet("Indispos_Institutions", vec![row!["Institution", "Semaine"], row!["LYON1", 3.0]]),
        sheet(
            "Ententes",
            vec![row!["Institution_1", "Institution_2", "Penalite_Non_Planif"], row!["LYON 1", "INSA", 12.0]],
        ),
    ]);
    let data = read(&sheets).unwrap();
    assert!(data.spec.institution_unavailabilities.is_empty());
    assert_eq!(data.spec.ententes.len(), 1);
    assert_eq!(data.spec.ententes[0].reward, Some(12));
    assert_eq!(
        shown(&data.warnings),
        ["tiny.xlsx, sheet Indispos_Institutions, row 2, column Institution: institution \"LYON1\" owns no team \
          (closest known: LYON 1); this unavailability applies to no team"]
    );
}

#[test]
fn missing_required_sheet_and_column() {
    let sheets = vec![common::base().remove(1)];
    assert_eq!(
        error(&sheets),
        "tiny.xlsx, sheet Gymnases: required sheet is missing (sheets found: Equipes)"
    );
    let sheets = with(vec![sheet("Indispos_Gymnases", vec![row!["Gymnase", "Remarques"], row!["ESA", "x"]])]);
    assert_eq!(
        error(&sheets),
        "tiny.xlsx, sheet Indispos_Gymnases, column Semaine: required column is missing (columns found: Gymnase, \
         Remarques)"
    );
    // The same column missing in an empty sheet is only a warning.
    let sheets = with(vec![sheet("Indispos_Gymnases", vec![row!["Gymnase", "Remarques"]])]);
    let data = read(&sheets).unwrap();
    assert_eq!(data.warnings.iter().filter(|w| w.kind == WarningKind::MissingColumn).count(), 1);
}

#[test]
fn duplicate_team_names_the_first_row() {
    let sheets = with(vec![sheet(
        "Equipes",
        vec![
            row!["Equipe", "Poule"],
            row!["A (1)", "VBFA1PA"],
            row!["B (1)", "VBFA1PA"],
            row!["A (1)", "VBFA2PA"],
        ],
    )]);
    assert_eq!(
        error(&sheets),
        "tiny.xlsx, sheet Equipes, row 4, column Equipe: team \"A (1) [F]\" is already listed at row 2"
    );
}

#[test]
fn institution_preferences_replace_team_preferences() {
    let sheets = with(vec![
        sheet(
            "Equipes",
            vec![
                row!["Equipe", "Poule", "Lieu_1", "Lieu_2"],
                row!["LYON 1 (1)", "VBFA1PA", "ESA", ""],
                row!["INSA (1)", "VBFA1PA", "", "ESA"],
                row!["LYON 1 (2)", "VBFA1PA", "", ""],
            ],
        ),
        sheet(
            "Preferences_Gymnases",
            vec![
                row!["Institution", "Gymnase_Pref_2", "Gymnase_Pref_1", "Gymnase_Pref_10"],
                row!["LYON 1", "BESSON", "", ""],
            ],
        ),
    ]);
    let data = read(&sheets).unwrap();
    let prefs: Vec<Vec<Option<String>>> =
        data.spec.teams.iter().map(|t| t.preferred_venues.clone()).collect();
    assert_eq!(
        prefs,
        [
            vec![None, Some("BESSON".to_string())],
            vec![None, Some("ESA".to_string())],
            vec![None, Some("BESSON".into())]
        ]
    );
}

#[test]
fn other_sheets() {
    let sheets = with(vec![
        sheet(
            "Niveaux_Gymnases",
            vec![row!["Gymnase", "Niveau"], row!["BESSON", "Haut niveau"], row!["ESA", "moyen"]],
        ),
        sheet(
            "Types_Poules",
            vec![
                row!["Poule", "Type"],
                row!["VBFA1PA", "Aller-Retour"],
                row!["VBMA1PA", "Classique"],
                row!["VBXX", "AR"],
            ],
        ),
        sheet(
            "Dispos_Gymnases_Equipes",
            vec![
                row!["Equipe", "Genre", "Horaire_Dispo", "Gymnase_1", "Gymnase_2"],
                row!["LYON 1 (1)", "f", "18:00", "BESSON", "ESA"],
            ],
        ),
        sheet("Obligation_Presence", vec![row!["Gymnase", "Institution_Obligatoire"], row!["ESA", "ESA"]]),
        sheet(
            "Groupes_Non_Simultaneite",
            vec![row!["Nom_Groupe", "Entites"], row!["", "LYON 1; INSA (1)\nZZZ"]],
        ),
        sheet(
            "Contraintes_Temporelles",
            vec![
                row!["Equipe_1", "Equipe_2", "Genre", "Type_Contrainte", "Semaine"],
                row!["LYON 1 (1)", "INSA (1)", "F", "Avant", 5.0],
            ],
        ),
    ]);
    let data = read(&sheets).unwrap();
    let spec = &data.spec;
    assert_eq!(spec.venues[0].level, Some(VenueLevel::High));
    assert_eq!(spec.venues[1].level, None);
    assert_eq!(spec.pools.len(), 2);
    assert_eq!(spec.pools[0].kind, PoolKind::HomeAndAway);
    assert_eq!(
        spec.earliest_times,
        ["BESSON", "ESA"].map(|venue| EarliestTime {
            team: TeamKey::new("LYON 1 (1)", Some(Gender::Female)),
            venue: venue.into(),
            earliest: hm(18, 0),
        })
    );
    assert_eq!(spec.presence_obligations[0].institution, "ESA");
    assert_eq!(spec.groups[0].name, "Groupe_1");
    assert_eq!(spec.groups[0].members, ["LYON 1", "INSA (1)"]);
    assert_eq!(spec.temporal_constraints.len(), 1);
    assert_eq!(
        shown(&data.warnings),
        [
            "tiny.xlsx, sheet Niveaux_Gymnases, row 3, column Niveau: row ignored: \"moyen\" is neither \"Haut \
             niveau\" nor \"Bas niveau\"",
            "tiny.xlsx, sheet Types_Poules, row 4, column Poule: row ignored: no team is in pool \"VBXX\"",
            "tiny.xlsx, sheet Groupes_Non_Simultaneite, row 2, column Entites: \"ZZZ\" is neither an institution nor \
             a team; left out of group \"Groupe_1\"",
        ]
    );
    let (problem, _) = Problem::new(data.spec).unwrap();
    assert_eq!(problem.matches.len(), 6 + 1);
}

fn fixed_sheets(rows: Vec<Vec<C>>) -> Vec<common::Sheet> {
    let mut all = vec![row![
        "Equipe_1",
        "Equipe_2",
        "Genre",
        "Poule",
        "Semaine",
        "Horaire",
        "Gymnase",
        "Score",
        "Type_Competition",
        "Remarques"
    ]];
    all.extend(rows);
    with(vec![
        sheet("Matchs_Fixes", all),
        sheet(
            "Equipes_Hors_Championnat",
            vec![row!["Equipe", "Institution", "Genre"], row!["UDL (1)", "UNIV LYON", "F"]],
        ),
    ])
}

#[test]
fn fixed_matches_and_external_teams() {
    let sheets = fixed_sheets(vec![
        row!["INSA (1)", "LYON 1 (1)", "F", "VBFA1PA", 1.0, "14:00", "BESSON", "3-1", "", "played"],
        row!["UDL (1)", "INSA (1)", "F", "", 2.0, "15h30", "ESA", 3.0, "CFU", ""],
        row!["ECL (1)", "INPG (1)", "", "VBMA1PA", 2.0, C::T(0.75), "ESA", "", "CFE", ""],
        row!["INPG (1)", "ECL (1)", "M", "", 3.0, "18:00", "ESA", "", "CFE", ""],
    ]);
    let data = read(&sheets).unwrap();
    let spec = &data.spec;
    assert_eq!(spec.fixed_matches.len(), 4);
    let first = &spec.fixed_matches[0];
    assert_eq!(first.home, TeamKey::new("INSA (1)", Some(Gender::Female)));
    assert_eq!(first.competition.as_deref(), Some("Acad"), "empty Type_Competition");
    assert_eq!(first.score.as_deref(), Some("3-1"));
    assert_eq!(first.notes.as_deref(), Some("played"));
    assert_eq!(spec.fixed_matches[1].score.as_deref(), Some("3"), "a number score kept as written");
    assert_eq!(spec.fixed_matches[1].time, hm(15, 30));
    assert_eq!(spec.fixed_matches[2].time, hm(18, 0));
    // External teams come after the championship teams, once each, never as `EXTERNE`.
    let external: Vec<(String, Option<String>)> =
        spec.teams[5..].iter().map(|t| (t.key().to_string(), t.institution.clone())).collect();
    assert_eq!(
        external,
        [
            ("UDL (1) [F]".to_string(), Some("UNIV LYON".to_string())),
            ("INPG (1) [M]".to_string(), Some("INPG".to_string()))
        ]
    );
    assert_eq!(
        shown(&data.warnings),
        ["tiny.xlsx, sheet Matchs_Fixes, row 4, column Equipe_2: INPG (1) [M] is neither in Equipes nor in \
          Equipes_Hors_Championnat: added as an external team (no pool); declare it in Equipes_Hors_Championnat \
          if this is intended"]
    );
    let (problem, _) = Problem::new(data.spec).unwrap();
    assert_eq!(problem.fixed.iter().filter(|f| f.replaces.is_some()).count(), 1);
}

#[test]
fn fixed_match_errors() {
    let sheets = fixed_sheets(vec![row!["LYON 1 (1)", "INSA (1)", "", "", 2.0, "14:00", "BESSON"]]);
    assert_eq!(
        error(&sheets),
        "tiny.xlsx, sheet Matchs_Fixes, row 2, column Equipe_1: team \"LYON 1 (1)\" exists as F and M; give its \
         gender (Genre column or a [M]/[F] suffix)"
    );
    let sheets = fixed_sheets(vec![row!["ESA (1)", "INSA (1)", "F", "", 2.0, "14:00", "GRENOBLE"]]);
    assert_eq!(
        error(&sheets),
        "tiny.xlsx, sheet Matchs_Fixes, row 2, column Gymnase: unknown venue \"GRENOBLE\""
    );
    let sheets = fixed_sheets(vec![row!["ESA (1)", "INSA (1)", "F", "", 12.0, "14:00", "ESA"]]);
    assert_eq!(
        error(&sheets),
        "tiny.xlsx, sheet Matchs_Fixes, row 2, column Semaine: \"12\" is not a week of the season (1 to 11)"
    );
}

#[test]
fn fixed_matches_can_be_switched_off() {
    let sheets = fixed_sheets(vec![row!["ESA (1)", "INSA (1)", "F", "", 2.0, "14:00", "ESA"]]);
    let (config, _) = ProjectConfig::from_yaml_str(
        "planification:\n  respecter_matchs_fixes: false\n",
        "p.yaml",
        std::path::Path::new(""),
    )
    .unwrap();
    let data = scheduler_excel::read_workbook_bytes(&xlsx(&sheets), "tiny.xlsx", &config).unwrap();
    assert!(data.spec.fixed_matches.is_empty());
    assert!(shown(&data.warnings).contains(
        &"tiny.xlsx, sheet Matchs_Fixes: not read: planification.respecter_matchs_fixes is false".to_string()
    ));
}

#[test]
fn not_a_workbook() {
    let error =
        scheduler_excel::read_workbook_bytes(b"hello", "upload.xlsx", &ProjectConfig::default()).unwrap_err();
    assert!(matches!(error, ReadError::Workbook { .. }));
    assert!(error.to_string().starts_with("upload.xlsx: not a readable Excel workbook ("), "{error}");
}

#[test]
fn files_on_disk() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("season.xlsx");
    std::fs::write(&path, xlsx(&common::base())).unwrap();
    let data = read_workbook(&path, &ProjectConfig::default()).unwrap();
    assert_eq!(data.spec.teams.len(), 5);
    let missing = read_workbook(&dir.path().join("nope.xlsx"), &ProjectConfig::default()).unwrap_err();
    assert!(missing.to_string().starts_with("cannot read "), "{missing}");
}

#[test]
fn unused_data_is_reported() {
    let sheets = with(vec![
        sheet(
            "Contraintes_Temporelles",
            vec![
                row!["Equipe_1", "Equipe_2", "Genre", "Type_Contrainte", "Semaine", "Horaires_Possibles"],
                row!["LYON 1 (1)", "INSA (1)", "F", "Après", 5.0, "14:00, 16:00"],
            ],
        ),
        sheet("Contraintes_Specifiques", vec![row!["Type_Contrainte", "Equipe_1"], row!["X", "LYON 1 (1)"]]),
    ]);
    let data = read(&sheets).unwrap();
    assert_eq!(data.spec.temporal_constraints[0].kind, scheduler_core::TemporalKind::After);
    assert_eq!(
        shown(&data.warnings),
        [
            "tiny.xlsx, sheet Contraintes_Temporelles, row 2, column Horaires_Possibles: \"14:00, 16:00\" is not \
             used: only the week limit applies (PyCalendar never used it either)",
            "tiny.xlsx, sheet Contraintes_Specifiques: not read: PyCalendar loaded this sheet but no rule ever \
             used it",
        ]
    );
}

#[test]
fn a_team_without_gender_answers_for_either_gender() {
    let sheets = with(vec![
        sheet("Equipes", vec![row!["Equipe", "Poule"], row!["A (1)", "CUP"], row!["B (1)", "CUP"]]),
        sheet("Indispos_Equipes", vec![row!["Equipe", "Semaine"], row!["A (1) [F]", 2.0]]),
    ]);
    let data = read(&sheets).unwrap();
    assert_eq!(data.spec.team_unavailabilities[0].team, TeamKey::new("A (1)", None));
    let (problem, _) = Problem::new(data.spec).unwrap();
    assert_eq!(problem.matches.len(), 1);
}
