//! Starts the real server on a random loopback port with a temporary database.
#![allow(dead_code)]

use std::net::TcpListener;
use std::sync::mpsc;

use scheduler_api::ServerConfig;

/// A running server; stopped with the test process.
pub struct TestServer {
    pub base: String,
    /// The database file the server uses.
    pub db_path: std::path::PathBuf,
    pub client: reqwest::Client,
    _dir: tempfile::TempDir,
}

impl TestServer {
    /// A server with default settings and an empty temporary database.
    pub fn start() -> Self {
        Self::start_with(|_| {})
    }

    /// A server with settings adjusted by `adjust`.
    pub fn start_with(adjust: impl FnOnce(&mut ServerConfig)) -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let db_path = dir.path().join("test.db");
        // Created before the server starts, so tests can fill it first through `seed`.
        drop(scheduler_db::Database::open(&db_path.display().to_string()).expect("database"));
        let mut config = ServerConfig::defaults();
        config.database_url = db_path.display().to_string();
        config.demo_project = "none".into();
        config.workers = 1;
        adjust(&mut config);
        let listener = TcpListener::bind("127.0.0.1:0").expect("free port");
        let address = listener.local_addr().expect("address");
        let (ready, started) = mpsc::channel();
        std::thread::spawn(move || {
            let system = actix_web::rt::System::new();
            system.block_on(async move {
                let server = scheduler_api::start(config, listener).expect("server starts");
                ready.send(()).expect("test waits");
                server.await.expect("server runs");
            });
        });
        started.recv().expect("server started");
        Self { base: format!("http://{address}"), db_path, client: reqwest::Client::new(), _dir: dir }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    pub async fn get(&self, path: &str) -> (u16, serde_json::Value) {
        let response = self.client.get(self.url(path)).send().await.expect("request");
        Self::read(response).await
    }

    pub async fn send(
        &self,
        method: reqwest::Method,
        path: &str,
        body: Option<serde_json::Value>,
    ) -> (u16, serde_json::Value) {
        let mut request = self.client.request(method, self.url(path));
        if let Some(body) = body {
            request = request.json(&body);
        }
        Self::read(request.send().await.expect("request")).await
    }

    pub async fn read(response: reqwest::Response) -> (u16, serde_json::Value) {
        let status = response.status().as_u16();
        let text = response.text().await.expect("body");
        let body = if text.is_empty() {
            serde_json::Value::Null
        } else {
            serde_json::from_str(&text).unwrap_or(serde_json::Value::String(text))
        };
        (status, body)
    }
}

/// Stores a synthetic season of about `teams` teams straight into the server's database.
pub fn seed_synthetic(server: &TestServer, teams: usize) -> i64 {
    let spec =
        scheduler_core::synthetic::generate(scheduler_core::synthetic::SyntheticParams { teams, seed: 3 });
    let db = scheduler_db::Database::open(&server.db_path.display().to_string()).expect("database");
    let new = scheduler_db::NewProject {
        nom: format!("Synthetic {teams}"),
        sport: "Volleyball".into(),
        config: None,
        calendar: spec.calendar.clone(),
        settings: spec.settings.clone(),
    };
    db.import_project(&new, &spec).expect("import").project_id.0
}
