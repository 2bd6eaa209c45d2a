//! Projects, teams, venues and matches through the real server: success paths and every error
//! path with its exact status and body.

mod common;

use common::TestServer;
use reqwest::Method;
use serde_json::{json, Value};

async fn project(server: &TestServer) -> i64 {
    let (status, body) = server
        .send(
            Method::POST,
            "/api/projects",
            Some(json!({"nom": "Coupe", "sport": "Volleyball", "nb_semaines": 4})),
        )
        .await;
    assert_eq!(status, 201, "{body}");
    body["id"].as_i64().expect("id")
}

/// A project with one venue (1 court, 18:00 and 20:00) and a pool of three teams.
async fn small_league(server: &TestServer) -> i64 {
    let id = project(server).await;
    let (status, body) = server
        .send(
            Method::POST,
            "/api/venues",
            Some(json!({"project_id": id, "nom": "BESSON", "capacite": 1, "horaires_disponibles": ["18:00", "20h"]})),
        )
        .await;
    assert_eq!(status, 201, "{body}");
    for team in ["LYON 1 (1)", "INSA (1)", "ECL (1)"] {
        let (status, body) = server
            .send(Method::POST, "/api/teams", Some(json!({"project_id": id, "nom": team, "poule": "VBFA1PA", "horaires_preferes": ["20:00"]})))
            .await;
        assert_eq!(status, 201, "{body}");
    }
    id
}

#[tokio::test]
async fn project_lifecycle() {
    let server = TestServer::start();
    assert_eq!(server.get("/api/projects").await, (200, json!([])));
    let id = project(&server).await;
    let (status, body) = server.get(&format!("/api/projects/{id}")).await;
    assert_eq!(status, 200);
    assert_eq!(body["nom"], "Coupe");
    assert_eq!(body["nb_semaines"], 4);
    assert_eq!(body["semaine_min"], 1);
    assert_eq!(body["semaines_banalisees"], json!([]));

    let (status, body) = server
        .send(
            Method::PUT,
            &format!("/api/projects/{id}"),
            Some(json!({"semaine_min": 2, "semaines_banalisees": [3]})),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        (body["semaine_min"].clone(), body["semaines_banalisees"].clone(), body["nom"].clone()),
        (json!(2), json!([3]), json!("Coupe"))
    );

    let (status, body) = server.get(&format!("/api/projects/{id}/stats")).await;
    assert_eq!(status, 200);
    assert_eq!(
        body,
        json!({"nb_matchs_total": 0, "nb_matchs_planifies": 0, "nb_matchs_fixes": 0, "nb_matchs_a_planifier": 0,
               "nb_matchs_annules": 0, "nb_equipes": 0, "nb_gymnases": 0})
    );

    assert_eq!(server.send(Method::DELETE, &format!("/api/projects/{id}"), None).await, (204, Value::Null));
    assert_eq!(
        server.get(&format!("/api/projects/{id}")).await,
        (404, json!({"detail": format!("project {id} not found")}))
    );
}

#[tokio::test]
async fn bad_requests_get_exact_errors() {
    let server = TestServer::start();
    // Invalid JSON → 400; valid JSON of the wrong shape → 422.
    let response = server
        .client
        .post(server.url("/api/projects"))
        .header("content-type", "application/json")
        .body("{\"nom\": ")
        .send()
        .await
        .expect("request");
    let (status, body) = TestServer::read(response).await;
    assert_eq!(status, 400);
    assert!(body["detail"].as_str().expect("detail").starts_with("malformed JSON"), "{body}");

    let (status, body) = server.send(Method::POST, "/api/projects", Some(json!({"nom": "X"}))).await;
    assert_eq!(status, 422);
    assert_eq!(body["detail"], "invalid request body: missing field `sport` at line 1 column 11");

    let (status, body) = server
        .send(Method::POST, "/api/projects", Some(json!({"nom": "X", "sport": "V", "nb_semaines": "ten"})))
        .await;
    assert_eq!(status, 422, "{body}");

    let (status, body) =
        server.send(Method::POST, "/api/projects", Some(json!({"nom": " ", "sport": "V"}))).await;
    assert_eq!((status, body), (422, json!({"detail": "nom must not be empty"})));

    let (status, body) = server
        .send(
            Method::POST,
            "/api/projects",
            Some(json!({"nom": "X", "sport": "V", "nb_semaines": 4, "semaine_min": 5})),
        )
        .await;
    assert_eq!(
        (status, body),
        (422, json!({"detail": "semaine_min must be between 1 and nb_semaines (4), got 5"}))
    );

    assert_eq!(server.get("/api/projects/abc").await.0, 404);
    assert_eq!(server.get("/api/projects/999").await, (404, json!({"detail": "project 999 not found"})));
    assert_eq!(
        server.send(Method::PUT, "/api/projects/999", Some(json!({"nom": "Y"}))).await,
        (404, json!({"detail": "project 999 not found"}))
    );
    assert_eq!(
        server.send(Method::DELETE, "/api/projects/999", None).await,
        (404, json!({"detail": "project 999 not found"}))
    );
    assert_eq!(
        server.get("/api/teams").await,
        (400, json!({"detail": "query parameter project_id is required"}))
    );

    let (status, body) = server
        .send(Method::POST, "/api/teams", Some(json!({"project_id": 999, "nom": "A (1)", "poule": "P"})))
        .await;
    assert_eq!((status, body), (404, json!({"detail": "project 999 not found"})));
    let (status, body) = server
        .send(Method::POST, "/api/venues", Some(json!({"project_id": 999, "nom": "G", "capacite": 0})))
        .await;
    assert_eq!((status, body), (422, json!({"detail": "capacite must be at least 1"})));
}

#[tokio::test]
async fn teams_and_venues_generate_matches() {
    let server = TestServer::start();
    let id = small_league(&server).await;
    let (status, teams) = server.get(&format!("/api/teams?project_id={id}")).await;
    assert_eq!(status, 200);
    assert_eq!(teams.as_array().expect("list").len(), 3);
    assert_eq!(teams[0]["institution"], "LYON 1");
    assert_eq!(teams[0]["genre"], "F", "gender from the pool code");
    assert_eq!(teams[0]["horaires_preferes"], json!(["20:00"]));

    let (status, venues) = server.get(&format!("/api/venues?project_id={id}")).await;
    assert_eq!(status, 200);
    assert_eq!(venues[0]["horaires_disponibles"], json!(["18:00", "20:00"]), "times parsed once");

    let (status, matches) = server.get(&format!("/api/matches?project_id={id}")).await;
    assert_eq!(status, 200);
    let matches = matches.as_array().expect("list").clone();
    assert_eq!(matches.len(), 3, "a pool of three plays three matches");
    assert!(matches.iter().all(|m| m["statut"] == "a_planifier" && m["semaine"].is_null()));
    assert_eq!(
        (matches[0]["equipe1_nom"].clone(), matches[0]["equipe2_nom"].clone()),
        (json!("LYON 1 (1)"), json!("INSA (1)"))
    );

    let venue = venues[0]["id"].as_i64().expect("id");
    let (status, body) =
        server.send(Method::PUT, &format!("/api/venues/{venue}"), Some(json!({"capacite": 2}))).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["capacite"], 2);
    assert_eq!(body["nom"], "BESSON");
    let team = teams[2]["id"].as_i64().expect("id");
    assert_eq!(server.get(&format!("/api/teams/{team}")).await.1["nom"], "ECL (1)");
    assert_eq!(server.get("/api/teams/999999").await, (404, json!({"detail": "team 999999 not found"})));
    assert_eq!(server.get("/api/venues/999999").await, (404, json!({"detail": "venue 999999 not found"})));

    // Cascade delete.
    assert_eq!(server.send(Method::DELETE, &format!("/api/projects/{id}"), None).await.0, 204);
    assert_eq!(server.get(&format!("/api/teams/{team}")).await.0, 404);
    assert_eq!(server.get(&format!("/api/matches?project_id={id}")).await, (200, json!([])));
}

#[tokio::test]
async fn moves_are_checked_and_fixed_matches_stay() {
    let server = TestServer::start();
    let id = small_league(&server).await;
    let (_, matches) = server.get(&format!("/api/matches?project_id={id}")).await;
    let first = matches[0]["id"].as_i64().expect("id");
    let second = matches[1]["id"].as_i64().expect("id");

    let (status, moved) = server
        .send(
            Method::POST,
            &format!("/api/matches/{first}/move"),
            Some(json!({"semaine": 2, "horaire": "20:00", "gymnase": "BESSON"})),
        )
        .await;
    assert_eq!(status, 200, "{moved}");
    assert_eq!(
        (moved["semaine"].clone(), moved["horaire"].clone(), moved["statut"].clone()),
        (json!(2), json!("20:00"), json!("planifie"))
    );

    // LYON 1 (1) plays both: the same week breaks H5; the same slot breaks H1 too.
    let (status, body) = server
        .send(
            Method::POST,
            &format!("/api/matches/{second}/move"),
            Some(json!({"semaine": 2, "horaire": "18:00", "gymnase": "BESSON"})),
        )
        .await;
    assert_eq!(status, 400);
    assert!(body["detail"].as_str().expect("detail").starts_with("H5"), "{body}");
    let (status, body) = server
        .send(
            Method::POST,
            &format!("/api/matches/{second}/move"),
            Some(json!({"semaine": 9, "horaire": "18:00", "gymnase": "BESSON"})),
        )
        .await;
    assert_eq!(status, 400);
    assert!(body["detail"].as_str().expect("detail").starts_with("H8"), "{body}");
    let (status, body) = server
        .send(
            Method::POST,
            &format!("/api/matches/{second}/move"),
            Some(json!({"semaine": 3, "horaire": "19:00", "gymnase": "BESSON"})),
        )
        .await;
    assert_eq!(status, 400);
    assert!(body["detail"].as_str().expect("detail").starts_with("H2"), "{body}");
    let (status, _) = server
        .send(
            Method::POST,
            &format!("/api/matches/{second}/move"),
            Some(json!({"semaine": 3, "horaire": "7pm"})),
        )
        .await;
    assert_eq!(status, 422);

    // Fix, then moving is refused; unfix returns to `planifie`.
    let (status, body) = server.send(Method::POST, &format!("/api/matches/{first}/fix"), None).await;
    assert_eq!(status, 200);
    assert_eq!(body["message"], "Match fixé avec succès");
    assert_eq!(
        (body["match"]["est_fixe"].clone(), body["match"]["statut"].clone()),
        (json!(true), json!("fixe"))
    );
    let (status, body) = server
        .send(
            Method::POST,
            &format!("/api/matches/{first}/move"),
            Some(json!({"semaine": 3, "horaire": "20:00", "gymnase": "BESSON"})),
        )
        .await;
    assert_eq!(status, 400, "{body}");
    let (status, body) = server.send(Method::POST, &format!("/api/matches/{first}/unfix"), None).await;
    assert_eq!(status, 200);
    assert_eq!(body["message"], "Match déverrouillé avec succès");
    assert_eq!(
        (body["match"]["est_fixe"].clone(), body["match"]["statut"].clone()),
        (json!(false), json!("planifie"))
    );

    // The evaluation sees the placed match.
    let (status, evaluation) = server.get(&format!("/api/projects/{id}/evaluation")).await;
    assert_eq!(status, 200, "{evaluation}");
    assert_eq!(evaluation["nb_matchs_planifies"], 1);
    assert_eq!(evaluation["nb_matchs_non_planifies"], 2);
    assert_eq!(evaluation["valide"], true);
    assert_eq!(
        evaluation["objectif"],
        json!(10_000.0 - evaluation["penalites"]["total"].as_f64().expect("total"))
    );

    assert_eq!(
        server.send(Method::POST, "/api/matches/999999/fix", None).await,
        (404, json!({"detail": "match 999999 not found"}))
    );
}

#[tokio::test]
async fn api_key_guards_changes_only() {
    let server = TestServer::start_with(|config| config.api_key = Some("secret".into()));
    let (status, body) =
        server.send(Method::POST, "/api/projects", Some(json!({"nom": "A", "sport": "V"}))).await;
    assert_eq!(
        (status, body),
        (401, json!({"detail": "this route needs the API key: send `Authorization: Bearer <key>`"}))
    );
    let response = server
        .client
        .post(server.url("/api/projects"))
        .bearer_auth("wrong")
        .json(&json!({"nom": "A", "sport": "V"}))
        .send()
        .await
        .expect("request");
    assert_eq!(TestServer::read(response).await, (401, json!({"detail": "invalid API key"})));
    let response = server
        .client
        .post(server.url("/api/projects"))
        .bearer_auth("secret")
        .json(&json!({"nom": "A", "sport": "V"}))
        .send()
        .await
        .expect("request");
    assert_eq!(response.status().as_u16(), 201);
    assert_eq!(server.get("/api/projects").await.0, 200, "reads stay open");
}

#[tokio::test]
async fn oversized_bodies_are_refused() {
    let server = TestServer::start_with(|config| config.max_json_bytes = 200);
    let (status, body) =
        server.send(Method::POST, "/api/projects", Some(json!({"nom": "x".repeat(500), "sport": "V"}))).await;
    assert_eq!(
        (status, body),
        (413, json!({"detail": "request body is larger than the limit of 200 bytes"}))
    );
}

#[tokio::test]
async fn created_matches_updates_and_deletes() {
    let server = TestServer::start();
    let id = small_league(&server).await;
    // A played cup match against a team outside the championship.
    let (status, body) =
        server.send(Method::POST, "/api/teams", Some(json!({"project_id": id, "nom": "UDL (1) [F]"}))).await;
    assert_eq!(status, 201, "{body}");
    assert_eq!((body["genre"].clone(), body["poule"].clone()), (json!("F"), Value::Null));
    let (status, created) = server
        .send(
            Method::POST,
            "/api/matches",
            Some(json!({"project_id": id, "equipe1_nom": "LYON 1 (1)", "equipe1_genre": "F", "equipe2_nom": "UDL (1)",
                        "equipe2_genre": "F", "semaine": 1, "horaire": "18:00", "gymnase": "BESSON",
                        "statut": "termine", "type_competition": "CFE", "score": "3-1"})),
        )
        .await;
    assert_eq!(status, 201, "{created}");
    assert_eq!(
        (created["statut"].clone(), created["est_fixe"].clone(), created["type_competition"].clone()),
        (json!("termine"), json!(true), json!("CFE"))
    );
    let cup = created["id"].as_i64().expect("id");

    let (status, body) = server
        .send(
            Method::POST,
            "/api/matches",
            Some(json!({"project_id": id, "equipe1_nom": "LYON 1 (1)", "equipe2_nom": "ECL (1)"})),
        )
        .await;
    assert_eq!(status, 400);
    assert!(
        body["detail"]
            .as_str()
            .expect("detail")
            .starts_with("a created match needs semaine, horaire and gymnase"),
        "{body}"
    );

    // Scores and notes; a played match cannot move.
    let (status, updated) = server
        .send(
            Method::PUT,
            &format!("/api/matches/{cup}"),
            Some(json!({"score_equipe1": 3, "score_equipe2": 1, "notes": "finale"})),
        )
        .await;
    assert_eq!(status, 200, "{updated}");
    assert_eq!(
        (updated["score_equipe1"].clone(), updated["score_equipe2"].clone(), updated["notes"].clone()),
        (json!(3), json!(1), json!("finale"))
    );
    let (status, body) = server
        .send(
            Method::PUT,
            &format!("/api/matches/{cup}"),
            Some(json!({"semaine": 2, "horaire": "18:00", "gymnase": "BESSON"})),
        )
        .await;
    assert_eq!(status, 400, "{body}");
    let (status, body) =
        server.send(Method::PUT, &format!("/api/matches/{cup}"), Some(json!({"semaine": 2}))).await;
    assert_eq!(
        (status, body),
        (400, json!({"detail": "semaine, horaire and gymnase go together (a move); send all three"}))
    );
    let (status, body) =
        server.send(Method::PUT, &format!("/api/matches/{cup}"), Some(json!({"statut": "joue"}))).await;
    assert_eq!(status, 400, "{body}");

    // A PUT with a full slot moves a match to plan, with the same checks as /move.
    let (_, matches) = server.get(&format!("/api/matches?project_id={id}&statut=a_planifier")).await;
    let generated = matches[0]["id"].as_i64().expect("id");
    let (status, moved) = server
        .send(
            Method::PUT,
            &format!("/api/matches/{generated}"),
            Some(json!({"semaine": 3, "horaire": "20:00", "gymnase": "BESSON"})),
        )
        .await;
    assert_eq!(status, 200, "{moved}");
    assert_eq!(moved["statut"], "planifie");
    let (_, week3) = server.get(&format!("/api/matches?project_id={id}&semaine=3")).await;
    assert_eq!(week3.as_array().expect("list").len(), 1);
    let (_, at_besson) = server.get(&format!("/api/matches?project_id={id}&gymnase=BESSON")).await;
    assert_eq!(at_besson.as_array().expect("list").len(), 2);
    assert_eq!(server.get("/api/matches?statut=nope").await.0, 400);

    assert_eq!(server.send(Method::DELETE, &format!("/api/matches/{cup}"), None).await, (204, Value::Null));
    assert_eq!(
        server.get(&format!("/api/matches/{cup}")).await,
        (404, json!({"detail": format!("match {cup} not found")}))
    );
    assert_eq!(server.send(Method::DELETE, "/api/matches/999999", None).await.0, 404);

    // A venue no match uses can go.
    let (status, venue) = server
        .send(Method::POST, "/api/venues", Some(json!({"project_id": id, "nom": "ANNEXE", "horaires_disponibles": ["14:00"], "niveau": "bas"})))
        .await;
    assert_eq!(status, 201, "{venue}");
    assert_eq!((venue["capacite"].clone(), venue["niveau"].clone()), (json!(1), json!("bas")));
    let venue = venue["id"].as_i64().expect("id");
    assert_eq!(server.send(Method::DELETE, &format!("/api/venues/{venue}"), None).await, (204, Value::Null));
    assert_eq!(server.get(&format!("/api/venues/{venue}")).await.0, 404);
}
