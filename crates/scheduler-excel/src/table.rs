//! A workbook's sheets as tables: row 1 holds the headers, columns are addressed by header name,
//! every error names the file, sheet, Excel row and column.

use std::collections::HashMap;
use std::io::Cursor;

use calamine::{open_workbook_from_rs, Data, Range, Reader, Xlsx};
use scheduler_core::TimeOfDay;

use crate::cells::{self, CellProblem};
use crate::error::{Location, ReadError, ReadWarning, WarningKind};

/// An open workbook.
pub(crate) struct Workbook<'a> {
    file: String,
    xlsx: Xlsx<Cursor<&'a [u8]>>,
    names: Vec<String>,
}

impl<'a> Workbook<'a> {
    /// Opens the bytes of an `.xlsx` file; `file` names it in messages.
    pub(crate) fn open(bytes: &'a [u8], file: &str) -> Result<Self, ReadError> {
        let xlsx: Xlsx<Cursor<&'a [u8]>> =
            open_workbook_from_rs(Cursor::new(bytes)).map_err(|e: calamine::XlsxError| {
                ReadError::Workbook { location: Location::file(file).into(), message: e.to_string() }
            })?;
        let names = xlsx.sheet_names();
        Ok(Self { file: file.to_string(), xlsx, names })
    }

    /// The file name used in messages.
    pub(crate) fn file(&self) -> &str {
        &self.file
    }

    /// A sheet by name (exact, else ignoring case and surrounding spaces); `None` when absent.
    pub(crate) fn sheet(&mut self, name: &str) -> Result<Option<Sheet>, ReadError> {
        let found = self
            .names
            .iter()
            .find(|n| n.as_str() == name)
            .or_else(|| self.names.iter().find(|n| n.trim().eq_ignore_ascii_case(name)))
            .cloned();
        let Some(actual) = found else { return Ok(None) };
        let location = Location::sheet(&self.file, name);
        let range = self
            .xlsx
            .worksheet_range(&actual)
            .map_err(|e| ReadError::Workbook { location: location.clone().into(), message: e.to_string() })?;
        Ok(Some(Sheet::new(location, &range)))
    }

    /// A required sheet.
    pub(crate) fn required_sheet(&mut self, name: &str) -> Result<Sheet, ReadError> {
        match self.sheet(name)? {
            Some(sheet) => Ok(sheet),
            None => Err(ReadError::MissingSheet {
                location: Location::sheet(&self.file, name).into(),
                found: self.names.join(", "),
            }),
        }
    }

    /// An optional sheet; its absence is a warning.
    pub(crate) fn optional_sheet(
        &mut self,
        name: &str,
        warnings: &mut Vec<ReadWarning>,
    ) -> Result<Option<Sheet>, ReadError> {
        let sheet = self.sheet(name)?;
        if sheet.is_none() {
            warnings.push(ReadWarning::new(
                WarningKind::MissingSheet,
                Location::sheet(&self.file, name),
                "optional sheet is missing; treated as empty",
            ));
        }
        Ok(sheet)
    }
}

/// One sheet: headers and data rows with their Excel row numbers.
pub(crate) struct Sheet {
    location: Location,
    headers: Vec<String>,
    columns: HashMap<String, usize>,
    rows: Vec<(u32, Vec<Data>)>,
}

impl Sheet {
    fn new(location: Location, range: &Range<Data>) -> Self {
        let (first_row, _) = range.start().unwrap_or((0, 0));
        let mut rows = range.rows().enumerate().map(|(i, cells)| {
            let number = first_row.saturating_add(u32::try_from(i).unwrap_or(u32::MAX)).saturating_add(1);
            (number, cells.to_vec())
        });
        let headers: Vec<String> = rows
            .next()
            .map(|(_, cells)| cells.iter().map(|c| cells::text(c).unwrap_or_default()).collect())
            .unwrap_or_default();
        let mut columns = HashMap::new();
        for (index, header) in headers.iter().enumerate() {
            if !header.is_empty() {
                columns.entry(header.clone()).or_insert(index);
            }
        }
        let rows = rows.filter(|(_, cells)| !cells.iter().all(cells::is_blank)).collect();
        Self { location, headers, columns, rows }
    }

    /// The index of a column by header (exact, else ignoring case).
    pub(crate) fn column(&self, header: &str) -> Option<usize> {
        self.columns
            .get(header)
            .copied()
            .or_else(|| self.headers.iter().position(|h| h.eq_ignore_ascii_case(header)))
    }

    /// Columns named `{prefix}{n}` sorted by `n`, as (n, header).
    pub(crate) fn numbered_columns(&self, prefix: &str) -> Vec<(u32, String)> {
        let mut found: Vec<(u32, String)> = self
            .headers
            .iter()
            .filter_map(|h| {
                let rest = h.strip_prefix(prefix)?;
                rest.parse::<u32>().ok().map(|n| (n, h.clone()))
            })
            .collect();
        found.sort();
        found
    }

    /// Whether the sheet has at least one non-blank data row.
    pub(crate) fn has_data(&self) -> bool {
        !self.rows.is_empty()
    }

    /// Checks that `required` columns exist. Missing in a sheet with data: error. Missing in an
    /// empty sheet: a warning and `false` (nothing to read).
    pub(crate) fn require_columns(
        &self,
        required: &[&str],
        warnings: &mut Vec<ReadWarning>,
    ) -> Result<bool, ReadError> {
        let Some(missing) = required.iter().find(|c| self.column(c).is_none()) else { return Ok(true) };
        let location = self.location.at_column(*missing);
        if self.has_data() {
            return Err(ReadError::MissingColumn { location: location.into(), found: self.found_headers() });
        }
        warnings.push(ReadWarning::new(
            WarningKind::MissingColumn,
            location,
            "column is missing in this empty sheet",
        ));
        Ok(false)
    }

    fn found_headers(&self) -> String {
        let found: Vec<&str> = self.headers.iter().map(String::as_str).filter(|h| !h.is_empty()).collect();
        if found.is_empty() {
            "none".to_string()
        } else {
            found.join(", ")
        }
    }

    /// The data rows whose `key` column is not blank. Rows with a blank key but other content are
    /// reported as ignored; wholly blank rows were already dropped.
    pub(crate) fn rows_with<'s>(&'s self, key: &str, warnings: &mut Vec<ReadWarning>) -> Vec<Row<'s>> {
        let mut out = Vec::with_capacity(self.rows.len());
        for (number, cells) in &self.rows {
            let row = Row { sheet: self, number: *number, cells };
            if row.text(key).is_some() {
                out.push(row);
            } else {
                warnings.push(ReadWarning::new(
                    WarningKind::IgnoredRow,
                    self.location.at_row(*number).at_column(key),
                    "row ignored: this column is empty",
                ));
            }
        }
        out
    }
}

/// One data row.
#[derive(Clone, Copy)]
pub(crate) struct Row<'s> {
    sheet: &'s Sheet,
    number: u32,
    cells: &'s [Data],
}

const EMPTY: Data = Data::Empty;

impl<'s> Row<'s> {
    /// The Excel row number.
    pub(crate) fn number(&self) -> u32 {
        self.number
    }

    /// File, sheet and row.
    pub(crate) fn location(&self) -> Location {
        self.sheet.location.at_row(self.number)
    }

    /// File, sheet, row and column.
    pub(crate) fn at(&self, column: &str) -> Location {
        self.location().at_column(column)
    }

    /// The raw cell of a column (empty when the column or the cell is absent).
    pub(crate) fn cell(&self, column: &str) -> &'s Data {
        self.sheet.column(column).and_then(|i| self.cells.get(i)).unwrap_or(&EMPTY)
    }

    /// Trimmed text, `None` when blank.
    pub(crate) fn text(&self, column: &str) -> Option<String> {
        cells::text(self.cell(column))
    }

    /// Trimmed text of a column that must be filled.
    pub(crate) fn required_text(&self, column: &str, expected: &str) -> Result<String, ReadError> {
        self.text(column).ok_or_else(|| self.empty(column, expected))
    }

    fn empty(&self, column: &str, expected: &str) -> ReadError {
        ReadError::EmptyCell { location: self.at(column).into(), expected: expected.to_string() }
    }

    fn invalid(&self, column: &str, problem: CellProblem) -> ReadError {
        ReadError::InvalidValue {
            location: self.at(column).into(),
            value: problem.value,
            expected: problem.expected.to_string(),
        }
    }

    /// An error about a column's value.
    pub(crate) fn invalid_value(&self, column: &str, expected: &str) -> ReadError {
        ReadError::InvalidValue {
            location: self.at(column).into(),
            value: cells::display(self.cell(column)),
            expected: expected.to_string(),
        }
    }

    /// A whole number, `None` when blank.
    pub(crate) fn whole(&self, column: &str) -> Result<Option<i64>, ReadError> {
        cells::whole_number(self.cell(column)).map_err(|p| self.invalid(column, p))
    }

    /// A decimal number, `None` when blank.
    pub(crate) fn decimal(&self, column: &str) -> Result<Option<f64>, ReadError> {
        cells::decimal(self.cell(column)).map_err(|p| self.invalid(column, p))
    }

    /// A required week number (whole number from 1 to 65535).
    pub(crate) fn week(&self, column: &str) -> Result<u16, ReadError> {
        const EXPECTED: &str = "a week number (a whole number from 1)";
        let value = self
            .whole(column)
            .map_err(|_| self.invalid_value(column, EXPECTED))?
            .ok_or_else(|| self.empty(column, EXPECTED))?;
        u16::try_from(value).ok().filter(|w| *w >= 1).ok_or_else(|| self.invalid_value(column, EXPECTED))
    }

    /// A time of day, `None` when blank.
    pub(crate) fn time(&self, column: &str) -> Result<Option<TimeOfDay>, ReadError> {
        cells::time(self.cell(column)).map_err(|p| self.invalid(column, p))
    }

    /// A required time of day.
    pub(crate) fn required_time(&self, column: &str) -> Result<TimeOfDay, ReadError> {
        self.time(column)?.ok_or_else(|| self.empty(column, "a time of day (like 14:00, 14h or 14h30)"))
    }

    /// A list of times of day (`14:00, 16:00`, trailing separators allowed).
    pub(crate) fn times(&self, column: &str) -> Result<Vec<TimeOfDay>, ReadError> {
        cells::times(self.cell(column)).map_err(|p| self.invalid(column, p))
    }

    /// A list of names (`A, B; C`).
    pub(crate) fn list(&self, column: &str) -> Vec<String> {
        cells::list(self.cell(column))
    }
}
