//! iCalendar (RFC 5545) output of a project's matches: one `VEVENT` per match with a stable `UID`, so
//! that subscribed calendars update their events instead of duplicating them.
//!
//! Times are local to Europe/Paris (`DTSTART;TZID=Europe/Paris:…`) with the zone's `VTIMEZONE`; lines
//! end with CRLF, are folded at 75 octets, and text values are escaped.

use chrono::{NaiveDate, NaiveDateTime};

/// The time zone of every event.
pub const TZID: &str = "Europe/Paris";

/// How long an event lasts.
pub const MATCH_MINUTES: i64 = 120;

/// Europe/Paris since 1996: CEST from the last Sunday of March, CET from the last Sunday of October.
const VTIMEZONE: [&str; 16] = [
    "BEGIN:VTIMEZONE",
    "TZID:Europe/Paris",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "TZNAME:CEST",
    "DTSTART:19700329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "TZNAME:CET",
    "DTSTART:19701025T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
];

/// One match as an event.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    /// Stable identifier.
    pub uid: String,
    /// Last change of the match (UTC): `DTSTAMP` and `LAST-MODIFIED`.
    pub changed: NaiveDateTime,
    /// Local start (Europe/Paris).
    pub start: NaiveDateTime,
    /// `SUMMARY`.
    pub summary: String,
    /// `LOCATION`.
    pub location: String,
    /// `DESCRIPTION`.
    pub description: String,
    /// `CATEGORIES` (the pool or competition), if any.
    pub category: Option<String>,
}

/// Escapes a TEXT value (RFC 5545 §3.3.11).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends one content line, folded at 75 octets (continuations start with a space), ending in CRLF.
fn push_line(out: &mut String, line: &str) {
    let mut width = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
}

fn local(time: NaiveDateTime) -> String {
    time.format("%Y%m%dT%H%M%S").to_string()
}

fn utc(time: NaiveDateTime) -> String {
    time.format("%Y%m%dT%H%M%SZ").to_string()
}

/// The whole calendar named `name`.
pub fn calendar(name: &str, events: &[Event]) -> String {
    let mut out = String::new();
    let mut line = |text: &str| push_line(&mut out, text);
    line("BEGIN:VCALENDAR");
    line("VERSION:2.0");
    line("PRODID:-//league-scheduler//calendar//FR");
    line("CALSCALE:GREGORIAN");
    line("METHOD:PUBLISH");
    line(&format!("X-WR-CALNAME:{}", escape(name)));
    line(&format!("X-WR-TIMEZONE:{TZID}"));
    for text in VTIMEZONE {
        line(text);
    }
    line("END:VTIMEZONE");
    for e in events {
        let end = e.start + chrono::Duration::minutes(MATCH_MINUTES);
        line("BEGIN:VEVENT");
        line(&format!("UID:{}", escape(&e.uid)));
        line(&format!("DTSTAMP:{}", utc(e.changed)));
        line(&format!("LAST-MODIFIED:{}", utc(e.changed)));
        line(&format!("DTSTART;TZID={TZID}:{}", local(e.start)));
        line(&format!("DTEND;TZID={TZID}:{}", local(end)));
        line(&format!("SUMMARY:{}", escape(&e.summary)));
        line(&format!("LOCATION:{}", escape(&e.location)));
        line(&format!("DESCRIPTION:{}", escape(&e.description)));
        if let Some(category) = &e.category {
            line(&format!("CATEGORIES:{}", escape(category)));
        }
        line("STATUS:CONFIRMED");
        line("TRANSP:OPAQUE");
        line("END:VEVENT");
    }
    line("END:VCALENDAR");
    out
}

/// The match day of `week` in a season starting on `start` with matches on `calendar`'s weekday,
/// blocked weeks included (a fixed match may sit in one).
pub fn match_day(calendar: &scheduler_core::Calendar, week: scheduler_core::Week) -> Option<NaiveDate> {
    calendar.date_of(week).or_else(|| {
        let unblocked = scheduler_core::Calendar { blocked_weeks: Default::default(), ..calendar.clone() };
        unblocked.date_of(week)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_folded_at_75_octets_and_text_escaped() {
        let mut out = String::new();
        let long = format!("SUMMARY:{}", "é".repeat(60));
        push_line(&mut out, &long);
        let lines: Vec<&str> = out.split("\r\n").collect();
        assert!(lines.iter().all(|l| l.len() <= 75), "{lines:?}");
        assert_eq!(out.replace("\r\n ", ""), format!("{long}\r\n"));
        assert_eq!(escape("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
    }
}
