//! Routes, one folder per resource, one file per action.

pub mod meta;
