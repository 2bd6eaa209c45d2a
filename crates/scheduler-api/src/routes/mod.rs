//! Routes, one file per resource.

pub mod evaluation;
pub mod exports;
pub mod import;
pub mod matches;
pub mod meta;
pub mod projects;
pub mod solve;
pub mod teams;
pub mod unplaced;
pub mod venues;
