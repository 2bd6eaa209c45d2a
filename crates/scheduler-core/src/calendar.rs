//! The season grid: weeks, the first plannable week, blocked weeks and real dates.

use std::collections::BTreeSet;

use chrono::{Datelike, Days, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

use crate::Week;

/// The weeks of a season and how they map to dates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Calendar {
    /// Weeks 1..=`weeks` make up the grid (`nb_semaines`).
    pub weeks: u16,
    /// No new match is placed before this week (`semaine_min`): earlier weeks are already played.
    pub first_plannable_week: u16,
    /// Weeks without any slot (holidays, `semaines_banalisees`); they keep their number and count as rest.
    pub blocked_weeks: BTreeSet<u16>,
    /// Real dates, when the season has a start date (`calendrier.actif`).
    pub dates: Option<SeasonDates>,
}

/// How week numbers become dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SeasonDates {
    /// The season starts on this day (`date_debut`).
    pub start: NaiveDate,
    /// Matches are played on this weekday (`jour_match`).
    pub match_day: Weekday,
}

impl Default for Calendar {
    /// PyCalendar's default grid: 11 weeks, all plannable.
    fn default() -> Self {
        Self::new(11)
    }
}

impl Calendar {
    /// A grid of `weeks` weeks, all plannable, none blocked, without dates.
    pub fn new(weeks: u16) -> Self {
        Self { weeks, first_plannable_week: 1, blocked_weeks: BTreeSet::new(), dates: None }
    }

    /// Whether `week` belongs to the grid and is not blocked.
    pub fn is_open(&self, week: Week) -> bool {
        (1..=self.weeks).contains(&week.0) && !self.blocked_weeks.contains(&week.0)
    }

    /// Whether a new match may be placed in `week`: open and not before the first plannable week.
    pub fn is_plannable(&self, week: Week) -> bool {
        self.is_open(week) && week.0 >= self.first_plannable_week
    }

    /// The weeks where new matches may be placed, in order.
    pub fn plannable_weeks(&self) -> impl Iterator<Item = Week> + '_ {
        (self.first_plannable_week.max(1)..=self.weeks).map(Week).filter(|w| self.is_open(*w))
    }

    /// The match day of `week`, or `None` without dates or for a blocked week.
    ///
    /// Week 1 is the first match day on or after the start date; blocked weeks keep their 7 days.
    pub fn date_of(&self, week: Week) -> Option<NaiveDate> {
        let dates = self.dates?;
        if week.0 == 0 || self.blocked_weeks.contains(&week.0) {
            return None;
        }
        let start = dates.start;
        let shift = (7 + dates.match_day.num_days_from_monday() - start.weekday().num_days_from_monday()) % 7;
        let offset = u64::from(shift) + 7 * u64::from(week.0 - 1);
        start.checked_add_days(Days::new(offset))
    }
}

/// The French name of a weekday (`jeudi`), as PyCalendar's `jour_match` writes it.
pub fn french_weekday(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "lundi",
        Weekday::Tue => "mardi",
        Weekday::Wed => "mercredi",
        Weekday::Thu => "jeudi",
        Weekday::Fri => "vendredi",
        Weekday::Sat => "samedi",
        Weekday::Sun => "dimanche",
    }
}

/// Reads a weekday written in French or English (`jeudi`, `Thursday`, `thu`), any case.
///
/// PyCalendar compared French names with English ones and shifted the whole season by a week.
pub fn parse_weekday(text: &str) -> Option<Weekday> {
    let lower = text.trim().to_lowercase();
    let day = match lower.as_str() {
        "lundi" | "monday" | "mon" => Weekday::Mon,
        "mardi" | "tuesday" | "tue" => Weekday::Tue,
        "mercredi" | "wednesday" | "wed" => Weekday::Wed,
        "jeudi" | "thursday" | "thu" => Weekday::Thu,
        "vendredi" | "friday" | "fri" => Weekday::Fri,
        "samedi" | "saturday" | "sat" => Weekday::Sat,
        "dimanche" | "sunday" | "sun" => Weekday::Sun,
        _ => return None,
    };
    Some(day)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn volley_calendar() -> Calendar {
        Calendar {
            weeks: 13,
            first_plannable_week: 5,
            blocked_weeks: [3, 10, 11, 12].into_iter().collect(),
            dates: Some(SeasonDates {
                start: NaiveDate::from_ymd_opt(2025, 10, 9).expect("valid date"),
                match_day: parse_weekday("jeudi").expect("french weekday"),
            }),
        }
    }

    #[test]
    fn french_weekday_names_read_back() {
        for day in
            [Weekday::Mon, Weekday::Tue, Weekday::Wed, Weekday::Thu, Weekday::Fri, Weekday::Sat, Weekday::Sun]
        {
            assert_eq!(parse_weekday(french_weekday(day)), Some(day));
        }
    }

    #[test]
    fn french_weekday_starts_on_the_start_date_itself() {
        let calendar = volley_calendar();
        assert_eq!(calendar.date_of(Week(1)), NaiveDate::from_ymd_opt(2025, 10, 9));
        assert_eq!(calendar.date_of(Week(4)), NaiveDate::from_ymd_opt(2025, 10, 30));
        assert_eq!(calendar.date_of(Week(13)), NaiveDate::from_ymd_opt(2026, 1, 1));
        assert_eq!(calendar.date_of(Week(3)), None, "blocked week has no date");
    }

    #[test]
    fn start_date_before_match_day_moves_to_the_next_match_day() {
        let mut calendar = volley_calendar();
        calendar.dates = Some(SeasonDates {
            start: NaiveDate::from_ymd_opt(2025, 10, 10).expect("valid date"),
            match_day: Weekday::Thu,
        });
        assert_eq!(calendar.date_of(Week(1)), NaiveDate::from_ymd_opt(2025, 10, 16));
    }

    #[test]
    fn plannable_weeks_skip_blocked_and_played_weeks() {
        let weeks: Vec<u16> = volley_calendar().plannable_weeks().map(|w| w.0).collect();
        assert_eq!(weeks, vec![5, 6, 7, 8, 9, 13]);
    }
}
