//! Opening the database: path from `DATABASE_URL`, WAL, foreign keys, busy timeout, embedded
//! migrations, and a small r2d2 pool for the API's blocking threads.

use std::path::Path;
use std::time::Duration;

use diesel::connection::SimpleConnection;
use diesel::r2d2::{ConnectionManager, CustomizeConnection, Pool, PooledConnection};
use diesel::{Connection, SqliteConnection};
use diesel_migrations::{embed_migrations, EmbeddedMigrations, MigrationHarness};

use crate::error::{DbError, DbResult};

/// The SQL migrations of the top-level `migrations/` folder, compiled in.
pub const MIGRATIONS: EmbeddedMigrations = embed_migrations!("../../migrations");

/// Database used when `DATABASE_URL` is not set.
pub const DEFAULT_DATABASE_URL: &str = "data/scheduler.db";

/// How long a connection waits for another writer before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

pub(crate) type Conn = PooledConnection<ConnectionManager<SqliteConnection>>;

/// Per-connection settings (foreign keys and busy timeout are per connection in SQLite).
#[derive(Debug, Clone, Copy)]
struct Pragmas;

impl CustomizeConnection<SqliteConnection, diesel::r2d2::Error> for Pragmas {
    fn on_acquire(&self, conn: &mut SqliteConnection) -> Result<(), diesel::r2d2::Error> {
        conn.batch_execute(&pragmas()).map_err(diesel::r2d2::Error::QueryError)
    }
}

fn pragmas() -> String {
    format!(
        "PRAGMA busy_timeout = {}; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;",
        BUSY_TIMEOUT.as_millis()
    )
}

/// The database: a pool of SQLite connections on one file. Cheap to clone (shares the pool).
#[derive(Clone)]
pub struct Database {
    pub(crate) pool: Pool<ConnectionManager<SqliteConnection>>,
    path: String,
}

impl std::fmt::Debug for Database {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Database").field("path", &self.path).finish_non_exhaustive()
    }
}

/// The database path of a URL: `sqlite://x.db`, `sqlite:x.db`, `file:x.db` or a bare path.
fn path_of(url: &str) -> &str {
    ["sqlite://", "sqlite:", "file:"].iter().find_map(|p| url.strip_prefix(p)).unwrap_or(url)
}

impl Database {
    /// Opens the database named by `DATABASE_URL` (default [`DEFAULT_DATABASE_URL`]).
    pub fn from_env() -> DbResult<Self> {
        let url = std::env::var("DATABASE_URL").unwrap_or_else(|_| DEFAULT_DATABASE_URL.to_string());
        Self::open(&url)
    }

    /// Opens (creating if needed) a database file, its folder included, turns WAL on and runs the
    /// pending migrations. The pool holds up to 4 connections.
    pub fn open(url: &str) -> DbResult<Self> {
        let path = path_of(url).to_string();
        let error = |message: String| DbError::Connection { url: url.to_string(), message };
        if path.is_empty() || path == ":memory:" {
            return Err(error("an in-memory database cannot be shared by a pool; give a file".into()));
        }
        if let Some(dir) = Path::new(&path).parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)
                .map_err(|e| error(format!("cannot create the folder {}: {e}", dir.display())))?;
        }
        // WAL is a property of the file: set it once, then migrate, before any pooled connection.
        let mut conn = SqliteConnection::establish(&path).map_err(|e| error(e.to_string()))?;
        conn.batch_execute(&pragmas()).map_err(|e| error(e.to_string()))?;
        conn.batch_execute("PRAGMA journal_mode = WAL;").map_err(|e| error(e.to_string()))?;
        conn.run_pending_migrations(MIGRATIONS).map_err(|e| DbError::Migration(e.to_string()))?;
        drop(conn);

        let pool = Pool::builder()
            .max_size(4)
            .min_idle(Some(1))
            .connection_timeout(Duration::from_secs(30))
            .connection_customizer(Box::new(Pragmas))
            .build(ConnectionManager::<SqliteConnection>::new(&path))
            .map_err(|e| error(e.to_string()))?;
        Ok(Self { pool, path })
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        Path::new(&self.path)
    }

    pub(crate) fn conn(&self) -> DbResult<Conn> {
        Ok(self.pool.get()?)
    }

    /// Writes the WAL back into the main file (`PRAGMA wal_checkpoint(TRUNCATE)`), e.g. before
    /// copying the file.
    pub fn checkpoint(&self) -> DbResult<()> {
        self.conn()?.batch_execute("PRAGMA wal_checkpoint(TRUNCATE);")?;
        Ok(())
    }

    /// Runs `f` in one write transaction (SQLite `BEGIN IMMEDIATE`: the write lock is taken first,
    /// so concurrent writers wait on the busy timeout instead of failing on a lock upgrade).
    /// Any error rolls everything back.
    pub(crate) fn write<T>(&self, f: impl FnOnce(&mut SqliteConnection) -> DbResult<T>) -> DbResult<T> {
        let mut pooled = self.conn()?;
        let conn: &mut SqliteConnection = &mut pooled;
        conn.immediate_transaction(f)
    }

    /// Runs `f` in one read transaction (a consistent snapshot).
    pub(crate) fn read<T>(&self, f: impl FnOnce(&mut SqliteConnection) -> DbResult<T>) -> DbResult<T> {
        let mut pooled = self.conn()?;
        let conn: &mut SqliteConnection = &mut pooled;
        conn.transaction(f)
    }
}
