//! The repository's typed errors.

use scheduler_core::HardRule;

/// What can go wrong with the database.
#[derive(Debug, thiserror::Error)]
pub enum DbError {
    /// No row with that id.
    #[error("{what} {id} not found")]
    NotFound {
        /// `project`, `team`, `venue`, `match`, `solve run`.
        what: &'static str,
        /// The id asked for.
        id: i64,
    },
    /// The project changed since the data was read (optimistic concurrency): nothing was written.
    #[error(
        "project {project} changed since revision {expected} (now at revision {actual}): nothing was saved"
    )]
    Conflict {
        /// Project.
        project: i64,
        /// Revision the caller read.
        expected: i64,
        /// Revision in the database.
        actual: i64,
    },
    /// A match move that would break a hard rule.
    #[error("{rule}: {message}")]
    InvalidMove {
        /// The first rule broken.
        rule: HardRule,
        /// Why, with the matches involved.
        message: String,
    },
    /// A schedule to save breaks hard rules: nothing was written.
    #[error("the schedule breaks {count} hard rule(s), first {rule}: {message}; nothing was saved")]
    BrokenRules {
        /// Number of violations.
        count: usize,
        /// Rule of the first one.
        rule: HardRule,
        /// Message of the first one.
        message: String,
    },
    /// The match cannot be changed that way (fixed, played or cancelled).
    #[error("match {id} cannot be changed: {reason}")]
    NotModifiable {
        /// Match id.
        id: i64,
        /// Why.
        reason: String,
    },
    /// Input that makes no sense, or a change that would leave the season inconsistent.
    #[error("{0}")]
    Invalid(String),
    /// Stored data that does not read back (a bug or a hand edit).
    #[error("corrupt data in {table} row {id}: {message}")]
    Corrupt {
        /// Table.
        table: &'static str,
        /// Row id.
        id: i64,
        /// What is wrong.
        message: String,
    },
    /// The database driver failed.
    #[error("database error: {0}")]
    Database(#[from] diesel::result::Error),
    /// Could not open the database.
    #[error("cannot open the database `{url}`: {message}")]
    Connection {
        /// Path or URL.
        url: String,
        /// Why.
        message: String,
    },
    /// The connection pool failed (time-out, broken connection).
    #[error("connection pool: {0}")]
    Pool(String),
    /// Running the embedded migrations failed.
    #[error("database migrations failed: {0}")]
    Migration(String),
}

impl From<diesel::r2d2::PoolError> for DbError {
    fn from(error: diesel::r2d2::PoolError) -> Self {
        DbError::Pool(error.to_string())
    }
}

/// Result of the repository.
pub type DbResult<T> = Result<T, DbError>;
