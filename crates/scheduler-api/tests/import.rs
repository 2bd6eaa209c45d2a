//! Workbook upload and the demo project at start-up, against the real server.

mod common;

use std::path::{Path, PathBuf};

use common::TestServer;
use reqwest::multipart::{Form, Part};
use serde_json::{json, Value};

fn demo_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/demo")
}

fn file_part(path: &Path) -> Part {
    let bytes = std::fs::read(path).expect("file");
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("file").to_string();
    Part::bytes(bytes).file_name(name)
}

async fn upload(server: &TestServer, form: Form) -> (u16, Value) {
    let response =
        server.client.post(server.url("/api/projects/import")).multipart(form).send().await.expect("upload");
    TestServer::read(response).await
}

#[tokio::test]
async fn an_empty_database_starts_with_the_demo_project() {
    let demo = demo_dir().join("demo.yaml");
    let server = TestServer::start_with(|config| config.demo_project = demo);
    let (status, projects) = server.get("/api/projects").await;
    assert_eq!(status, 200);
    assert_eq!(projects.as_array().expect("list").len(), 1);
    let id = projects[0]["id"].as_i64().expect("id");
    assert_eq!(projects[0]["date_debut"], "2026-09-24");
    let (_, stats) = server.get(&format!("/api/projects/{id}/stats")).await;
    assert_eq!(stats["nb_equipes"], 65);
    assert_eq!(stats["nb_gymnases"], 6);
    assert_eq!(stats["nb_matchs_total"], 169, "159 to plan + 10 fixed: {stats}");
    assert_eq!(stats["nb_matchs_fixes"], 10);
}

#[tokio::test]
async fn upload_of_a_workbook_and_its_yaml() {
    let server = TestServer::start();
    let form = Form::new()
        .part("workbook", file_part(&demo_dir().join("demo.xlsx")))
        .part("config", file_part(&demo_dir().join("demo.yaml")))
        .text("nom", "Démo importée");
    let (status, body) = upload(&server, form).await;
    assert_eq!(status, 201, "{body}");
    assert_eq!(body["project"]["nom"], "Démo importée");
    assert_eq!(body["project"]["sport"], "Autre");
    assert_eq!(
        (
            body["nb_equipes"].clone(),
            body["nb_gymnases"].clone(),
            body["nb_matchs_a_planifier"].clone(),
            body["nb_matchs_fixes"].clone()
        ),
        (json!(65), json!(6), json!(159), json!(10))
    );
    assert_eq!(body["avertissements"], json!([]));
    let id = body["project"]["id"].as_i64().expect("id");
    let (_, evaluation) = server.get(&format!("/api/projects/{id}/evaluation")).await;
    assert_eq!(evaluation["nb_matchs_modifiables"], 159);
}

#[tokio::test]
async fn a_bad_workbook_is_refused_and_nothing_is_stored() {
    let server = TestServer::start();
    let form = Form::new().part("workbook", Part::bytes(b"not a workbook".to_vec()).file_name("season.xlsx"));
    let (status, body) = upload(&server, form).await;
    assert_eq!(status, 400);
    assert!(body["detail"].as_str().expect("detail").contains("season.xlsx"), "{body}");
    assert_eq!(server.get("/api/projects").await, (200, json!([])));

    // A workbook whose venue sheet says a capacity is "beaucoup": sheet, row and column named.
    let mut spec = scheduler_core::synthetic::generate(scheduler_core::synthetic::SyntheticParams {
        teams: 12,
        seed: 1,
    });
    spec.fixed_matches.clear();
    let bytes = scheduler_excel::write_input_workbook(&spec).expect("workbook");
    let bytes = corrupt_capacity(&bytes);
    let form = Form::new().part("workbook", Part::bytes(bytes).file_name("broken.xlsx"));
    let (status, body) = upload(&server, form).await;
    assert_eq!(status, 400, "{body}");
    let detail = body["detail"].as_str().expect("detail");
    assert!(
        detail.contains("sheet Gymnases") && detail.contains("row 2") && detail.contains("column Capacite"),
        "{detail}"
    );
    assert_eq!(server.get("/api/projects").await, (200, json!([])), "nothing stored");

    let (status, body) = upload(&server, Form::new().text("nom", "x")).await;
    assert_eq!(status, 400, "{body}");
}

/// Rewrites the first venue's capacity as text, through a real workbook round trip.
fn corrupt_capacity(bytes: &[u8]) -> Vec<u8> {
    use calamine::{Data, Reader, Xlsx};
    use rust_xlsxwriter::Workbook;
    let mut source: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes.to_vec())).expect("xlsx");
    let mut out = Workbook::new();
    for name in source.sheet_names() {
        let range = source.worksheet_range(&name).expect("sheet");
        let sheet = out.add_worksheet();
        sheet.set_name(&name).expect("name");
        let header: Vec<String> =
            range.rows().next().map(|r| r.iter().map(|c| c.to_string()).collect()).unwrap_or_default();
        for (r, row) in range.rows().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                let (r32, c16) = (r as u32, c as u16);
                if name == "Gymnases" && r == 1 && header.get(c).map(String::as_str) == Some("Capacite") {
                    sheet.write_string(r32, c16, "beaucoup").expect("write");
                    continue;
                }
                match cell {
                    Data::Empty => {}
                    Data::Float(f) => {
                        sheet.write_number(r32, c16, *f).expect("write");
                    }
                    Data::Int(i) => {
                        sheet.write_number(r32, c16, *i as f64).expect("write");
                    }
                    other => {
                        sheet.write_string(r32, c16, other.to_string()).expect("write");
                    }
                }
            }
        }
    }
    out.save_to_buffer().expect("buffer")
}

/// The real volleyball season, uploaded then solved through HTTP: every constraint survives the trip.
#[tokio::test]
async fn volleyball_season_uploaded_and_solved() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/volleyball");
    if !dir.join("config_volley.yaml").exists() {
        eprintln!("skipped: the real season ../shared/data/volleyball is not here");
        return;
    }
    let server = TestServer::start();
    let form = Form::new()
        .part("workbook", file_part(&dir.join("config_volley.xlsx")))
        .part("config", file_part(&dir.join("config_volley.yaml")));
    let (status, body) = upload(&server, form).await;
    assert_eq!(status, 201, "{body}");
    assert_eq!(body["project"]["sport"], "Volleyball");
    assert_eq!(
        (body["nb_matchs_a_planifier"].clone(), body["nb_matchs_fixes"].clone()),
        (json!(183), json!(113))
    );
    assert!(body["avertissements"]
        .as_array()
        .expect("warnings")
        .iter()
        .any(|w| w.as_str().unwrap_or("").contains("LYON 2 (IEP)")));
    let id = body["project"]["id"].as_i64().expect("id");

    let response = server
        .client
        .post(server.url(&format!("/api/projects/{id}/solve")))
        .json(&json!({"strategie": "heuristique"}))
        .send()
        .await
        .expect("solve");
    let (status, solved) = TestServer::read(response).await;
    assert_eq!(status, 200, "{solved}");
    assert!(solved["nb_matchs_planifies"].as_u64().expect("placed") >= 128, "{solved}");
    assert_eq!(solved["nb_matchs_fixes"], 113);
    let (_, evaluation) = server.get(&format!("/api/projects/{id}/evaluation")).await;
    assert_eq!(evaluation["valide"], true);
    assert_eq!(evaluation["problemes_matchs_fixes"].as_array().expect("list").len(), 17);
    assert_eq!(evaluation["objectif"], solved["objectif"]);
}
