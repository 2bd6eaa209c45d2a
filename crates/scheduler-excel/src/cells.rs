//! Reading one cell: text, whole numbers, decimals, times and time lists, whatever Excel stored.
//!
//! Empty and whitespace-only cells are absent (`None`), never the text `nan`.

use calamine::Data;
use scheduler_core::TimeOfDay;

/// A cell that does not hold what was expected: its value as written and the expectation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellProblem {
    /// The value as shown (numbers without a useless `.0`).
    pub value: String,
    /// What was expected, e.g. `a whole number`.
    pub expected: &'static str,
}

impl CellProblem {
    fn new(cell: &Data, expected: &'static str) -> Self {
        Self { value: display(cell), expected }
    }
}

/// Formats a float the way a person typed it: `7.0` → `7`, `7.5` → `7.5`.
pub fn format_number(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{value:.0}")
    } else {
        value.to_string()
    }
}

/// The cell as text for messages (empty cells give an empty string).
pub fn display(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(text) | Data::DateTimeIso(text) | Data::DurationIso(text) => text.clone(),
        Data::Float(value) => format_number(*value),
        Data::Int(value) => value.to_string(),
        Data::Bool(value) => if *value { "TRUE" } else { "FALSE" }.to_string(),
        Data::DateTime(value) => match time_of_fraction(value.as_f64()) {
            Some(time) if value.as_f64() < 1.0 => time.to_string(),
            _ => format_number(value.as_f64()),
        },
        Data::Error(error) => error.to_string(),
    }
}

/// Trimmed text of a cell; `None` when empty or whitespace. Numbers are rendered as typed.
pub fn text(cell: &Data) -> Option<String> {
    let shown = match cell {
        Data::Empty | Data::Error(_) => return None,
        other => display(other),
    };
    let trimmed = shown.trim();
    (!trimmed.is_empty()).then(|| trimmed.to_string())
}

/// Whether the cell holds nothing (empty, whitespace, or an Excel error such as `#N/A`).
pub fn is_blank(cell: &Data) -> bool {
    text(cell).is_none() && !matches!(cell, Data::Error(_))
}

/// A whole number: `7`, `7.0` (stored as float), `"7"`, `" 7 "`.
pub fn whole_number(cell: &Data) -> Result<Option<i64>, CellProblem> {
    const EXPECTED: &str = "a whole number";
    let value = match cell {
        Data::Int(value) => *value,
        Data::Float(value) => float_to_whole(*value).ok_or_else(|| CellProblem::new(cell, EXPECTED))?,
        Data::String(text) => {
            let trimmed = text.trim();
            if trimmed.is_empty() {
                return Ok(None);
            }
            match trimmed.parse::<i64>() {
                Ok(value) => value,
                Err(_) => trimmed
                    .replace(',', ".")
                    .parse::<f64>()
                    .ok()
                    .and_then(float_to_whole)
                    .ok_or_else(|| CellProblem::new(cell, EXPECTED))?,
            }
        }
        Data::Empty => return Ok(None),
        _ => return Err(CellProblem::new(cell, EXPECTED)),
    };
    Ok(Some(value))
}

fn float_to_whole(value: f64) -> Option<i64> {
    // The range check keeps the cast exact.
    (value.is_finite() && value.fract() == 0.0 && value.abs() < 9e15).then_some(value as i64)
}

/// A decimal number: `30`, `12.5`, `"12,5"`.
pub fn decimal(cell: &Data) -> Result<Option<f64>, CellProblem> {
    const EXPECTED: &str = "a number";
    match cell {
        Data::Int(value) => Ok(Some(*value as f64)),
        Data::Float(value) if value.is_finite() => Ok(Some(*value)),
        Data::String(text) => {
            let trimmed = text.trim();
            if trimmed.is_empty() {
                return Ok(None);
            }
            match trimmed.replace(',', ".").parse::<f64>() {
                Ok(value) if value.is_finite() => Ok(Some(value)),
                _ => Err(CellProblem::new(cell, EXPECTED)),
            }
        }
        Data::Empty => Ok(None),
        _ => Err(CellProblem::new(cell, EXPECTED)),
    }
}

/// The time of day of a fraction of a day (Excel's time serial; the date part is dropped).
fn time_of_fraction(serial: f64) -> Option<TimeOfDay> {
    if !serial.is_finite() || serial < 0.0 {
        return None;
    }
    let minutes = (serial.fract() * 24.0 * 60.0).round();
    // 23:59:59.9 rounds to 24:00: keep it on the same day.
    let minutes = if minutes >= 1440.0 { 1439.0 } else { minutes };
    TimeOfDay::from_minutes(minutes as u16)
}

const TIME_EXPECTED: &str = "a time of day (like 14:00, 14h or 14h30)";

/// A time of day from text (`14:00`, `14h`, `14h30`, `9:00`, `14:00:00`), an Excel time or
/// date-time cell, or a whole number of hours (`14`).
pub fn time(cell: &Data) -> Result<Option<TimeOfDay>, CellProblem> {
    let problem = || CellProblem::new(cell, TIME_EXPECTED);
    match cell {
        Data::Empty => Ok(None),
        Data::String(text) => {
            let trimmed = text.trim();
            if trimmed.is_empty() {
                return Ok(None);
            }
            trimmed.parse::<TimeOfDay>().map(Some).map_err(|_| problem())
        }
        Data::DateTime(value) => time_of_fraction(value.as_f64()).map(Some).ok_or_else(problem),
        Data::Float(value) if (0.0..1.0).contains(value) => {
            time_of_fraction(*value).map(Some).ok_or_else(problem)
        }
        Data::Float(_) | Data::Int(_) => match whole_number(cell) {
            Ok(Some(hours)) => u16::try_from(hours)
                .ok()
                .and_then(|hours| TimeOfDay::from_hm(hours, 0))
                .map(Some)
                .ok_or_else(problem),
            _ => Err(problem()),
        },
        Data::DateTimeIso(text) => {
            let time_part = text.rsplit('T').next().unwrap_or(text);
            time_part.parse::<TimeOfDay>().map(Some).map_err(|_| problem())
        }
        _ => Err(problem()),
    }
}

/// A list of times: `14:00, 16:00`, `20:00,` (trailing separator), `14h;16h`, one per line, or a
/// single Excel time cell. Empty tokens are dropped.
pub fn times(cell: &Data) -> Result<Vec<TimeOfDay>, CellProblem> {
    match cell {
        Data::String(text) => text
            .split([',', ';', '\n'])
            .map(str::trim)
            .filter(|token| !token.is_empty())
            .map(|token| {
                token.parse::<TimeOfDay>().map_err(|_| CellProblem {
                    value: token.to_string(),
                    expected: "a time of day (like 14:00, 14h or 14h30) in a comma-separated list",
                })
            })
            .collect(),
        other => Ok(time(other)?.into_iter().collect()),
    }
}

/// Splits a list cell (`A, B; C` or one per line) into trimmed, non-empty items.
pub fn list(cell: &Data) -> Vec<String> {
    text(cell)
        .map(|text| {
            text.split([',', ';', '\n'])
                .map(str::trim)
                .filter(|item| !item.is_empty())
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::{ExcelDateTime, ExcelDateTimeType};

    fn hm(h: u16, m: u16) -> TimeOfDay {
        TimeOfDay::from_hm(h, m).unwrap()
    }

    #[test]
    fn blank_cells_are_absent() {
        assert_eq!(text(&Data::Empty), None);
        assert_eq!(text(&Data::String("   ".into())), None);
        assert_eq!(text(&Data::String(" ESA ".into())), Some("ESA".into()));
        assert_eq!(text(&Data::Float(7.0)), Some("7".into()));
        assert!(is_blank(&Data::String(" ".into())));
    }

    #[test]
    fn whole_numbers() {
        assert_eq!(whole_number(&Data::Float(7.0)), Ok(Some(7)));
        assert_eq!(whole_number(&Data::Int(3)), Ok(Some(3)));
        assert_eq!(whole_number(&Data::String(" 12 ".into())), Ok(Some(12)));
        assert_eq!(whole_number(&Data::String("12.0".into())), Ok(Some(12)));
        assert_eq!(whole_number(&Data::Empty), Ok(None));
        assert_eq!(
            whole_number(&Data::String("abc".into())),
            Err(CellProblem { value: "abc".into(), expected: "a whole number" })
        );
        assert!(whole_number(&Data::Float(7.5)).is_err());
    }

    #[test]
    fn times_of_day() {
        assert_eq!(time(&Data::String("14h".into())), Ok(Some(hm(14, 0))));
        assert_eq!(time(&Data::String("9:00".into())), Ok(Some(hm(9, 0))));
        assert_eq!(time(&Data::String("14h30".into())), Ok(Some(hm(14, 30))));
        assert_eq!(time(&Data::Float(0.75)), Ok(Some(hm(18, 0))));
        assert_eq!(time(&Data::Float(14.0)), Ok(Some(hm(14, 0))));
        let excel = ExcelDateTime::new(45_000.562_5, ExcelDateTimeType::DateTime, false);
        assert_eq!(time(&Data::DateTime(excel)), Ok(Some(hm(13, 30))));
        assert_eq!(time(&Data::DateTimeIso("2025-10-09T20:00:00".into())), Ok(Some(hm(20, 0))));
        assert!(time(&Data::String("nan".into())).is_err());
        assert!(time(&Data::Float(25.0)).is_err());
    }

    #[test]
    fn time_lists() {
        assert_eq!(times(&Data::String("20:00,".into())), Ok(vec![hm(20, 0)]));
        assert_eq!(
            times(&Data::String("14h; 16:00 ,18h30".into())),
            Ok(vec![hm(14, 0), hm(16, 0), hm(18, 30)])
        );
        assert_eq!(times(&Data::Empty), Ok(vec![]));
        assert_eq!(times(&Data::Float(0.5)), Ok(vec![hm(12, 0)]));
        assert_eq!(times(&Data::String("14:00, soir".into())).unwrap_err().value, "soir");
    }
}
