//! A small layer over `rust_xlsxwriter`: a table with a styled, frozen and filterable header row,
//! typed cells and column widths fitted to the content.

use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{
    Color, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError,
};

/// One cell to write.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Cell {
    /// Nothing.
    Empty,
    /// Text.
    Text(String),
    /// A whole number.
    Int(i64),
    /// A decimal number.
    Num(f64),
    /// A fraction shown as a percentage.
    Percent(f64),
    /// A date.
    Date(NaiveDate),
}

impl Cell {
    /// Text, or nothing when empty.
    pub(crate) fn text(text: impl Into<String>) -> Self {
        let text = text.into();
        if text.is_empty() {
            Cell::Empty
        } else {
            Cell::Text(text)
        }
    }

    /// Optional text.
    pub(crate) fn opt(text: Option<impl Into<String>>) -> Self {
        text.map_or(Cell::Empty, Cell::text)
    }

    /// Characters it shows, to size its column.
    fn width(&self) -> usize {
        match self {
            Cell::Empty => 0,
            Cell::Text(text) => text.lines().map(|l| l.chars().count()).max().unwrap_or(0),
            Cell::Int(value) => value.to_string().len() + value.to_string().len() / 3,
            Cell::Num(value) => format!("{value:.2}").len() + 2,
            Cell::Percent(_) => 8,
            Cell::Date(_) => 10,
        }
    }
}

impl From<&str> for Cell {
    fn from(text: &str) -> Self {
        Cell::text(text)
    }
}

impl From<String> for Cell {
    fn from(text: String) -> Self {
        Cell::text(text)
    }
}

/// The formats of a workbook, plain and shaded (fixed matches in the calendar).
pub(crate) struct Styles {
    header: Format,
    plain: [Format; 2],
    int: [Format; 2],
    num: [Format; 2],
    percent: [Format; 2],
    date: [Format; 2],
}

impl Styles {
    pub(crate) fn new() -> Self {
        let shade = |format: Format, shaded: bool| {
            if shaded {
                format.set_background_color(Color::RGB(0xEDEDED)).set_font_color(Color::RGB(0x404040))
            } else {
                format
            }
        };
        let pair = |make: &dyn Fn() -> Format| [shade(make(), false), shade(make(), true)];
        Self {
            header: Format::new()
                .set_bold()
                .set_font_color(Color::White)
                .set_background_color(Color::RGB(0x1F4E78))
                .set_border_bottom(FormatBorder::Medium)
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter),
            plain: pair(&Format::new),
            int: pair(&|| Format::new().set_num_format("#,##0")),
            num: pair(&|| Format::new().set_num_format("#,##0.00")),
            percent: pair(&|| Format::new().set_num_format("0.00%")),
            date: pair(&|| Format::new().set_num_format("dd/mm/yyyy").set_align(FormatAlign::Left)),
        }
    }
}

/// A worksheet filled row by row below a header row.
pub(crate) struct Table<'a> {
    sheet: &'a mut Worksheet,
    styles: &'a Styles,
    widths: Vec<usize>,
    row: u32,
}

impl<'a> Table<'a> {
    /// Adds a worksheet named `name` with `headers` in its first row.
    pub(crate) fn new(
        workbook: &'a mut Workbook,
        styles: &'a Styles,
        name: &str,
        headers: &[&str],
    ) -> Result<Self, XlsxError> {
        let sheet = workbook.add_worksheet();
        sheet.set_name(name)?;
        for (col, header) in headers.iter().enumerate() {
            sheet.write_string_with_format(0, col_num(col), *header, &styles.header)?;
        }
        sheet.set_row_height(0, 20)?;
        let widths = headers.iter().map(|h| h.chars().count() + 3).collect();
        Ok(Self { sheet, styles, widths, row: 1 })
    }

    /// Writes one row; `shaded` greys it.
    pub(crate) fn row(&mut self, cells: &[Cell], shaded: bool) -> Result<(), XlsxError> {
        let s = usize::from(shaded);
        let styles = self.styles;
        for (col, cell) in cells.iter().enumerate() {
            let c = col_num(col);
            let r = self.row;
            match cell {
                Cell::Empty => {
                    if shaded {
                        self.sheet.write_blank(r, c, &styles.plain[s])?;
                    }
                }
                Cell::Text(text) => {
                    self.sheet.write_string_with_format(r, c, text, &styles.plain[s])?;
                }
                Cell::Int(value) => {
                    self.sheet.write_number_with_format(r, c, *value as f64, &styles.int[s])?;
                }
                Cell::Num(value) => {
                    let format = if value.fract() == 0.0 { &styles.int[s] } else { &styles.num[s] };
                    self.sheet.write_number_with_format(r, c, *value, format)?;
                }
                Cell::Percent(value) => {
                    self.sheet.write_number_with_format(r, c, *value, &styles.percent[s])?;
                }
                Cell::Date(date) => {
                    let excel = excel_date(*date)?;
                    self.sheet.write_datetime_with_format(r, c, &excel, &styles.date[s])?;
                }
            }
            if let Some(width) = self.widths.get_mut(col) {
                *width = (*width).max(cell.width() + 2);
            }
        }
        self.row += 1;
        Ok(())
    }

    /// Fits the columns, freezes the header row and adds filters.
    pub(crate) fn finish(self) -> Result<(), XlsxError> {
        for (col, width) in self.widths.iter().enumerate() {
            self.sheet.set_column_width(col_num(col), (*width).min(70) as f64)?;
        }
        self.sheet.set_freeze_panes(1, 0)?;
        if self.row > 1 && !self.widths.is_empty() {
            self.sheet.autofilter(0, 0, self.row - 1, col_num(self.widths.len() - 1))?;
        }
        Ok(())
    }
}

fn col_num(col: usize) -> u16 {
    u16::try_from(col).unwrap_or(u16::MAX)
}

fn excel_date(date: NaiveDate) -> Result<ExcelDateTime, XlsxError> {
    let year = u16::try_from(date.year()).map_err(|_| XlsxError::DateTimeRangeError(date.to_string()))?;
    // Month and day always fit in a byte.
    ExcelDateTime::from_ymd(year, date.month() as u8, date.day() as u8)
}
