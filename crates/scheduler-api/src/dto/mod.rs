//! Wire formats: PyCalendar's V2 schemas (French field names) plus what they lacked.

pub mod evaluation;
pub mod matches;
pub mod projects;
pub mod solve;
pub mod teams;
pub mod unplaced;
pub mod venues;

use serde::{Deserialize, Deserializer};

/// For partial updates: a missing field is `None`, an explicit `null` is `Some(None)`.
pub fn double_option<'de, T, D>(deserializer: D) -> Result<Option<Option<T>>, D::Error>
where
    T: Deserialize<'de>,
    D: Deserializer<'de>,
{
    Option::<T>::deserialize(deserializer).map(Some)
}
