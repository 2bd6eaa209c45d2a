//! Times of day and time ranges, parsed once at the edge and compared as minutes.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A start time within a day, stored as minutes since midnight.
///
/// PyCalendar compared time labels as strings (`"9:00" > "14:00"`); here every label is parsed once
/// (`14:00`, `14h`, `14h30`, `9:00`, `14:00:00`) and compared numerically.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TimeOfDay(u16);

/// Why a text could not be read as a time of day.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{text}` is not a time of day (expected HH:MM, like 14:00, 14h or 14h30)")]
pub struct TimeParseError {
    /// The text that was given.
    pub text: String,
}

impl TimeOfDay {
    /// Builds a time from hours and minutes; `None` when out of range.
    pub const fn from_hm(hours: u16, minutes: u16) -> Option<Self> {
        if hours < 24 && minutes < 60 {
            Some(Self(hours * 60 + minutes))
        } else {
            None
        }
    }

    /// Builds a time from minutes since midnight; `None` at or past 24:00.
    pub const fn from_minutes(minutes: u16) -> Option<Self> {
        if minutes < 24 * 60 {
            Some(Self(minutes))
        } else {
            None
        }
    }

    /// Minutes since midnight.
    pub const fn minutes(self) -> u16 {
        self.0
    }

    /// Absolute distance to another time, in minutes.
    pub fn distance(self, other: Self) -> u16 {
        self.0.abs_diff(other.0)
    }
}

impl fmt::Display for TimeOfDay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.0 / 60, self.0 % 60)
    }
}

impl FromStr for TimeOfDay {
    type Err = TimeParseError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let error = || TimeParseError { text: text.to_owned() };
        let trimmed = text.trim();
        let lower = trimmed.to_ascii_lowercase();
        let (hours, rest) = match lower.find([':', 'h']) {
            Some(pos) => (&lower[..pos], &lower[pos + 1..]),
            None => (lower.as_str(), ""),
        };
        // `14:00:00` (Excel time rendered as text): ignore the seconds.
        let minutes = rest.split(':').next().unwrap_or("");
        let digits = |s: &str| !s.is_empty() && s.len() <= 2 && s.bytes().all(|b| b.is_ascii_digit());
        if !digits(hours) || !(minutes.is_empty() || digits(minutes)) {
            return Err(error());
        }
        let hours: u16 = hours.parse().map_err(|_| error())?;
        let minutes: u16 = if minutes.is_empty() { 0 } else { minutes.parse().map_err(|_| error())? };
        Self::from_hm(hours, minutes).ok_or_else(error)
    }
}

impl Serialize for TimeOfDay {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for TimeOfDay {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// Which times of a day an unavailability covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum TimeRange {
    /// The whole day.
    AllDay,
    /// Start times `t` with `start <= t < end`.
    Between {
        /// First time covered.
        start: TimeOfDay,
        /// First time no longer covered.
        end: TimeOfDay,
    },
}

impl TimeRange {
    /// Whether a match starting at `time` falls in the range.
    pub fn contains(self, time: TimeOfDay) -> bool {
        match self {
            TimeRange::AllDay => true,
            TimeRange::Between { start, end } => start <= time && time < end,
        }
    }
}

impl fmt::Display for TimeRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TimeRange::AllDay => f.write_str("all day"),
            TimeRange::Between { start, end } => write!(f, "{start}–{end}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(text: &str) -> Result<TimeOfDay, TimeParseError> {
        text.parse()
    }

    #[test]
    fn parses_every_label_form_of_the_workbooks() {
        let expected = TimeOfDay::from_hm(14, 0);
        for text in ["14:00", "14h", "14H", "14h00", " 14:00 ", "14", "14:00:00", "14:"] {
            assert_eq!(t(text).ok(), expected, "{text}");
        }
        assert_eq!(t("14h30").ok(), TimeOfDay::from_hm(14, 30));
        assert_eq!(t("9:00").ok(), TimeOfDay::from_hm(9, 0));
        assert_eq!(t("09:05").ok(), TimeOfDay::from_hm(9, 5));
    }

    #[test]
    fn rejects_what_is_not_a_time() {
        for text in ["", "nan", "24:00", "12:60", "1400", "ab:cd", "14:0x", "-1:00"] {
            assert!(t(text).is_err(), "{text}");
        }
        assert_eq!(
            t("nan").unwrap_err().to_string(),
            "`nan` is not a time of day (expected HH:MM, like 14:00, 14h or 14h30)"
        );
    }

    #[test]
    fn compares_numerically_not_as_text() {
        assert!(t("9:00").unwrap() < t("14:00").unwrap());
        assert_eq!(t("9:00").unwrap().to_string(), "09:00");
    }

    #[test]
    fn ranges_exclude_their_end() {
        let range = TimeRange::Between { start: t("14:00").unwrap(), end: t("18:00").unwrap() };
        assert!(range.contains(t("14:00").unwrap()));
        assert!(range.contains(t("16:00").unwrap()));
        assert!(!range.contains(t("18:00").unwrap()));
        assert!(TimeRange::AllDay.contains(t("23:59").unwrap()));
    }
}
