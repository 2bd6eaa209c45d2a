//! Health, index, documentation, unknown routes and the error format, against the real server.

mod common;

use common::TestServer;
use serde_json::json;

#[tokio::test]
async fn health_and_index() {
    let server = TestServer::start();
    assert_eq!(server.get("/health").await, (200, json!({"status": "ok"})));
    let (status, body) = server.get("/api").await;
    assert_eq!(status, 200);
    assert_eq!(body["docs"], "/docs/");
    assert_eq!(body["openapi"], "/api/openapi.json");
}

#[tokio::test]
async fn unknown_routes_answer_404_with_detail() {
    let server = TestServer::start();
    assert_eq!(server.get("/api/nothing").await, (404, json!({"detail": "no route for GET /api/nothing"})));
}

#[tokio::test]
async fn swagger_ui_and_openapi_are_served() {
    let server = TestServer::start();
    let response = server.client.get(server.url("/docs/")).send().await.expect("request");
    assert_eq!(response.status().as_u16(), 200);
    assert!(response.text().await.expect("body").contains("swagger"), "Swagger UI page");
    let (status, document) = server.get("/api/openapi.json").await;
    assert_eq!(status, 200);
    assert_eq!(document["info"]["title"], "League scheduler API");
    assert!(document["paths"]["/health"].is_object());
}

#[tokio::test]
async fn trailing_slashes_of_pycalendar_clients_are_accepted() {
    let server = TestServer::start();
    assert_eq!(server.get("/api/projects/").await, (200, json!([])));
    assert_eq!(server.get("/api/projects").await, (200, json!([])));
    assert_eq!(server.get("/api/projects/7/").await, (404, json!({"detail": "project 7 not found"})));
}
