//! Solves off the HTTP workers: one job per project at most, a bounded number at once, progress
//! published to waiting requests, status polls and Server-Sent Events, cancellation within a second.

mod job;
mod manager;
mod options;

pub use job::JobState;
pub use manager::SolveManager;
pub use options::resolve_request;
