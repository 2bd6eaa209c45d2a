//! Writing workbooks: the calendar reads back into the same schedule, an input workbook written
//! from a spec reads back into that spec, and `Tous_Matchs` pastes back as `Matchs_Fixes`.

use std::collections::{BTreeSet, HashMap};
use std::io::Cursor;
use std::path::Path;
use std::time::Duration;

use calamine::{open_workbook_from_rs, Data, Reader, Xlsx};
use scheduler_core::synthetic::{generate, SyntheticParams};
use scheduler_core::{
    evaluate, solve, Calendar, Gender, MatchId, Placement, Problem, ProblemSpec, Schedule, SolveOptions,
    Strategy, TeamSpec, TimeOfDay, VenueId, VenueSpec, Week,
};
use scheduler_excel::{
    calendar_sheet_names, match_id, read_workbook_bytes, write_calendar, write_input_workbook,
    write_project_yaml, ExportInfo, ProjectConfig, ProjectYaml,
};

type Sheet = Vec<Vec<Data>>;

fn sheets(bytes: &[u8]) -> Vec<(String, Sheet)> {
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).expect("a workbook");
    book.sheet_names()
        .into_iter()
        .map(|name| {
            let range = book.worksheet_range(&name).expect("a sheet");
            let rows = range.rows().map(<[Data]>::to_vec).collect();
            (name, rows)
        })
        .collect()
}

fn sheet<'a>(all: &'a [(String, Sheet)], name: &str) -> &'a Sheet {
    &all.iter().find(|(n, _)| n == name).unwrap_or_else(|| panic!("sheet {name} missing")).1
}

fn text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::Float(v) if v.fract() == 0.0 => format!("{v:.0}"),
        other => other.to_string(),
    }
}

/// Rows of a sheet as maps header → text.
fn records(rows: &Sheet) -> Vec<HashMap<String, String>> {
    let headers: Vec<String> = rows[0].iter().map(text).collect();
    rows[1..].iter().map(|row| headers.iter().cloned().zip(row.iter().map(text)).collect()).collect()
}

fn quick() -> SolveOptions {
    SolveOptions {
        time_limit: Duration::from_secs(20),
        heuristic_rounds: 20,
        threads: 1,
        ..SolveOptions::default()
    }
}

/// The placements the `Calendrier` sheet states, by match id, and the number of fixed rows.
fn read_back(problem: &Problem, bytes: &[u8]) -> (BTreeSet<(MatchId, Placement)>, usize) {
    let all = sheets(bytes);
    let rows = sheet(&all, calendar_sheet_names::CALENDAR);
    let ids: HashMap<String, MatchId> = problem.match_ids().map(|id| (match_id(problem, id), id)).collect();
    let venue =
        |name: &str| VenueId(problem.venues.iter().position(|v| v.name == name).expect("known venue") as u32);
    let mut placed = BTreeSet::new();
    let mut fixed = 0;
    for (record, row) in records(rows).iter().zip(&rows[1..]) {
        let week = Week(record["Semaine"].parse().expect("a week number"));
        match problem.calendar.date_of(week) {
            Some(date) => {
                let Data::DateTime(cell) = &row[9] else { panic!("Date is not a date cell: {:?}", row[9]) };
                let epoch = chrono::NaiveDate::from_ymd_opt(1899, 12, 30).expect("a date");
                assert_eq!(cell.as_f64(), (date - epoch).num_days() as f64);
            }
            None => assert_eq!(row[9], Data::Empty),
        }
        if record["Type"] == "Fixe" {
            fixed += 1;
            continue;
        }
        assert_eq!(record["Type"], "Planifié");
        let id = ids[&record["Match_ID"]];
        let time: TimeOfDay = record["Horaire"].parse().expect("a time");
        assert!(
            placed.insert((id, Placement { week, time, venue: venue(&record["Gymnase"]) })),
            "listed twice"
        );
    }
    (placed, fixed)
}

fn round_trip(problem: &Problem) {
    let outcome = solve(problem, Strategy::Heuristic, &quick()).expect("the heuristic answers");
    let bytes =
        write_calendar(problem, &outcome.schedule, &outcome.evaluation, &ExportInfo::from_outcome(&outcome))
            .expect("the calendar is written");
    let (placed, fixed) = read_back(problem, &bytes);
    let expected: BTreeSet<(MatchId, Placement)> = outcome.schedule.placed().collect();
    assert_eq!(placed, expected);
    assert_eq!(fixed, problem.fixed.len());

    let all = sheets(&bytes);
    let unplaced = records(sheet(&all, calendar_sheet_names::UNPLACED));
    assert_eq!(unplaced.len(), outcome.evaluation.unplaced);
    assert!(unplaced.iter().all(|r| !r["Raison"].is_empty()));
    let explanations = scheduler_core::explain::explain_unplaced(problem, &outcome.schedule);
    for (row, e) in unplaced.iter().zip(&explanations) {
        assert_eq!(row["Match_ID"], scheduler_excel::match_id(problem, e.match_id));
        assert_eq!(row["Raison"], e.summary, "the reason is the core explanation's summary");
        assert!(row.contains_key("Semaines_Equipes_Libres") && row.contains_key("Detail"));
    }
    let stats: HashMap<String, String> = records(sheet(&all, calendar_sheet_names::STATISTICS))
        .into_iter()
        .map(|r| (r["Metrique"].clone(), r["Valeur"].clone()))
        .collect();
    assert_eq!(stats["Matchs planifiés"], outcome.evaluation.placed.to_string());
    assert_eq!(stats["Violations dures"], "0");
    assert_eq!(stats["Stratégie"], "heuristique");
    assert!(stats.contains_key("Pénalité S8 – espacement aller-retour"));
    let all_matches = records(sheet(&all, calendar_sheet_names::ALL_MATCHES));
    assert_eq!(all_matches.len(), outcome.evaluation.placed + problem.fixed.len());
}

#[test]
fn calendar_round_trip_on_a_synthetic_season() {
    let (problem, _) = Problem::new(generate(SyntheticParams { teams: 40, seed: 3 })).expect("valid season");
    round_trip(&problem);
}

#[test]
fn calendar_round_trip_on_the_volleyball_season() {
    let yaml =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/volleyball/config_volley.yaml");
    if !yaml.exists() {
        eprintln!("skipped: the real season ../shared/data/volleyball is not here");
        return;
    }
    let project = scheduler_excel::load_project(&yaml).expect("the season reads");
    let (problem, _) = Problem::new(project.spec).expect("valid season");
    round_trip(&problem);
}

#[test]
fn a_schedule_of_another_problem_is_refused() {
    let (problem, _) = Problem::new(generate(SyntheticParams { teams: 12, seed: 1 })).expect("valid season");
    let schedule = Schedule::from_placements(vec![None; problem.matches.len() + 1]);
    let evaluation = evaluate(&problem, &Schedule::empty(&problem));
    let error = write_calendar(&problem, &schedule, &evaluation, &ExportInfo::default()).unwrap_err();
    assert_eq!(
        error.to_string(),
        format!(
            "the schedule has {} entries but the problem has {} matches to plan",
            problem.matches.len() + 1,
            problem.matches.len()
        )
    );
}

/// Reads an input workbook written from `spec` with the configuration of its project YAML.
fn reread(spec: &ProblemSpec) -> (ProblemSpec, Vec<String>) {
    let yaml = write_project_yaml(
        spec,
        &ProjectYaml { workbook: "x.xlsx".into(), output: "y.xlsx".into(), ..ProjectYaml::default() },
    );
    let (config, warnings) =
        ProjectConfig::from_yaml_str(&yaml, "p.yaml", Path::new("")).expect("the YAML reads");
    assert!(warnings.is_empty(), "{warnings:?}\n{yaml}");
    let bytes = write_input_workbook(spec).expect("the workbook is written");
    let data = read_workbook_bytes(&bytes, "x.xlsx", &config).expect("the workbook reads");
    (data.spec, data.warnings.iter().map(ToString::to_string).collect())
}

#[test]
fn input_workbook_reads_back_into_the_same_spec() {
    for (teams, seed) in [(60, 1), (30, 5), (100, 2)] {
        let mut spec = generate(SyntheticParams { teams, seed });
        // Rows about institutions without teams are dropped (with a warning) by design.
        let owners: BTreeSet<String> =
            spec.teams.iter().map(|t| scheduler_core::names::institution_of(&t.name)).collect();
        spec.institution_unavailabilities.retain(|r| owners.contains(&r.institution));
        spec.ententes.retain(|r| owners.contains(&r.institution_a) && owners.contains(&r.institution_b));
        let (back, warnings) = reread(&spec);
        assert!(warnings.is_empty(), "{warnings:#?}");
        assert_eq!(back, spec, "{teams} teams, seed {seed}");
        // The same spec gives the same bytes.
        assert_eq!(write_input_workbook(&spec).unwrap(), write_input_workbook(&spec).unwrap());
    }
}

#[test]
fn genders_that_differ_are_written_as_suffixes() {
    let mut spec = ProblemSpec { calendar: Calendar::new(4), ..ProblemSpec::default() };
    spec.venues.push(VenueSpec {
        name: "GYM".into(),
        courts: 2,
        times: vec![TimeOfDay::from_hm(20, 0).unwrap()],
        level: None,
    });
    for (name, gender) in [
        ("A (1)", Gender::Female),
        ("B (1)", Gender::Female),
        ("A (1)", Gender::Male),
        ("C (1)", Gender::Male),
    ] {
        spec.teams.push(TeamSpec::new(
            name,
            Some(gender),
            if gender == Gender::Female { "VBFA1PA" } else { "VBMA1PA" },
        ));
    }
    spec.teams[0].preferred_venues = vec![None, Some("GYM".into())];
    spec.fixed_matches.push(scheduler_core::FixedMatchSpec {
        home: scheduler_core::TeamKey::new("A (1)", Some(Gender::Female)),
        away: scheduler_core::TeamKey::new("C (1)", Some(Gender::Male)),
        pool: None,
        week: 2,
        time: TimeOfDay::from_hm(18, 30).unwrap(),
        venue: "GYM".into(),
        competition: Some("Autre".into()),
        score: Some("3-2".into()),
        notes: Some("mixed friendly".into()),
    });
    let (back, warnings) = reread(&spec);
    assert!(warnings.is_empty(), "{warnings:#?}");
    assert_eq!(back, spec);
}

/// A workbook made of `sheets` (cells as read by calamine).
fn rebuild(sheets: &[(String, Sheet)]) -> Vec<u8> {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    for (name, rows) in sheets {
        let worksheet = workbook.add_worksheet();
        worksheet.set_name(name).expect("a sheet name");
        for (r, row) in rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                let (r, c) = (r as u32, c as u16);
                match cell {
                    Data::Empty => {}
                    Data::Float(v) => {
                        worksheet.write_number(r, c, *v).expect("a cell");
                    }
                    Data::Int(v) => {
                        worksheet.write_number(r, c, *v as f64).expect("a cell");
                    }
                    other => {
                        worksheet.write_string(r, c, other.to_string()).expect("a cell");
                    }
                }
            }
        }
    }
    workbook.save_to_buffer().expect("a workbook")
}

#[test]
fn all_matches_paste_back_as_fixed_matches() {
    let spec = generate(SyntheticParams { teams: 30, seed: 4 });
    let config = {
        let yaml = write_project_yaml(&spec, &ProjectYaml::default());
        ProjectConfig::from_yaml_str(&yaml, "p.yaml", Path::new("")).unwrap().0
    };
    let input = write_input_workbook(&spec).unwrap();
    let (problem, _) = Problem::new(read_workbook_bytes(&input, "in.xlsx", &config).unwrap().spec).unwrap();
    let outcome = solve(&problem, Strategy::Heuristic, &quick()).unwrap();
    let calendar =
        write_calendar(&problem, &outcome.schedule, &outcome.evaluation, &ExportInfo::default()).unwrap();

    // The organiser pastes Tous_Matchs over Matchs_Fixes.
    let all_matches = sheet(&sheets(&calendar), calendar_sheet_names::ALL_MATCHES).clone();
    let pasted: Vec<(String, Sheet)> = sheets(&input)
        .into_iter()
        .map(|(name, rows)| if name == "Matchs_Fixes" { (name, all_matches.clone()) } else { (name, rows) })
        .collect();
    let data =
        read_workbook_bytes(&rebuild(&pasted), "pasted.xlsx", &config).expect("the pasted workbook reads");
    assert!(data.warnings.is_empty(), "{:#?}", data.warnings);
    let (next, warnings) = Problem::new(data.spec).expect("still valid");
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(next.fixed.len(), problem.fixed.len() + outcome.evaluation.placed);
    assert_eq!(next.matches.len(), outcome.evaluation.unplaced, "only the unplaced matches are left to plan");
    let again = evaluate(&next, &Schedule::empty(&next));
    assert_eq!(
        again.fixed_problems.len(),
        evaluate(&problem, &Schedule::empty(&problem)).fixed_problems.len()
    );
}

#[test]
fn project_yaml_states_what_differs_and_reads_back() {
    let mut spec = generate(SyntheticParams { teams: 12, seed: 1 });
    let defaults = write_project_yaml(
        &ProblemSpec::default(),
        &ProjectYaml { workbook: "a.xlsx".into(), output: "b.xlsx".into(), ..ProjectYaml::default() },
    );
    assert_eq!(
        defaults,
        "# Only what differs from configs/default.yaml.\n\nfichiers:\n  donnees: \"a.xlsx\"\n  sortie: \"b.xlsx\"\n\n"
    );

    let s = &mut spec.settings;
    s.max_matches_per_team_per_week = 2;
    s.match_reward = 5000;
    s.preferred_time.before_both = 12.5;
    s.venue_preference_bonus = vec![4, 2];
    s.venue_level_penalty_high = vec![-5, -3, -1, 0];
    s.rest_spacing_penalties = vec![];
    s.compaction_penalties = None;
    s.overlap_penalty = Some(7);
    s.ententes_active = false;
    s.entente_reward = 40;
    s.temporal.hard = true;
    s.temporal.penalty = 250;
    s.home_away = None;
    let project = ProjectYaml {
        workbook: "d/season.xlsx".into(),
        output: "out \"x\".xlsx".into(),
        strategy: Some(Strategy::Heuristic),
        time_limit: Some(Duration::from_millis(2500)),
        comment: Some("two\nlines".into()),
    };
    let yaml = write_project_yaml(&spec, &project);
    let (config, warnings) = ProjectConfig::from_yaml_str(&yaml, "p.yaml", Path::new("dir")).expect("reads");
    assert!(warnings.is_empty(), "{warnings:?}\n{yaml}");
    assert_eq!(config.settings, spec.settings, "{yaml}");
    assert_eq!(config.calendar, spec.calendar, "{yaml}");
    assert_eq!(config.strategy, Strategy::Heuristic);
    assert_eq!(config.time_limit, Duration::from_millis(2500));
    assert_eq!(config.workbook, Path::new("dir/d/season.xlsx"));
    assert_eq!(config.output, Path::new("dir/out \"x\".xlsx"));
    assert!(yaml.starts_with("# two\n# lines\n"), "{yaml}");

    // Blocked weeks without dates cannot be stated: a comment says so.
    spec.calendar.dates = None;
    let yaml = write_project_yaml(&spec, &project);
    assert!(
        yaml.ends_with("# Blocked weeks [8, 11] need calendrier.actif (real dates): not written.\n"),
        "{yaml}"
    );
}
