//! Builds small real `.xlsx` workbooks for the tests.

#![allow(dead_code)]

use rust_xlsxwriter::{Format, Workbook};
use scheduler_excel::{read_workbook_bytes, ProjectConfig, ReadError, ReadWarning, WorkbookData};

/// A cell to write.
#[derive(Debug, Clone)]
pub enum C {
    /// Text (may be whitespace).
    S(String),
    /// A plain number.
    N(f64),
    /// A number shown as a time (`hh:mm`), i.e. an Excel time cell.
    T(f64),
    /// A number shown as a date and time.
    D(f64),
    /// Nothing.
    E,
}

impl From<&str> for C {
    fn from(text: &str) -> Self {
        if text.is_empty() {
            C::E
        } else {
            C::S(text.to_string())
        }
    }
}

impl From<f64> for C {
    fn from(value: f64) -> Self {
        C::N(value)
    }
}

/// Builds a row from mixed cells: `row![ "A", 3.0, C::E ]`.
#[macro_export]
macro_rules! row {
    ($($cell:expr),* $(,)?) => { vec![$($crate::common::C::from($cell)),*] };
}

/// One sheet: its name and rows (the first row holds the headers).
#[derive(Debug, Clone)]
pub struct Sheet {
    pub name: String,
    pub rows: Vec<Vec<C>>,
}

/// A sheet.
pub fn sheet(name: &str, rows: Vec<Vec<C>>) -> Sheet {
    Sheet { name: name.to_string(), rows }
}

/// The bytes of an `.xlsx` file holding these sheets.
pub fn xlsx(sheets: &[Sheet]) -> Vec<u8> {
    let mut workbook = Workbook::new();
    let time = Format::new().set_num_format("hh:mm");
    let datetime = Format::new().set_num_format("yyyy-mm-dd hh:mm");
    for sheet in sheets {
        let worksheet = workbook.add_worksheet();
        worksheet.set_name(&sheet.name).expect("valid sheet name");
        for (r, row) in sheet.rows.iter().enumerate() {
            let r = u32::try_from(r).expect("small sheet");
            for (c, cell) in row.iter().enumerate() {
                let c = u16::try_from(c).expect("few columns");
                match cell {
                    C::S(text) => worksheet.write_string(r, c, text).map(|_| ()),
                    C::N(value) => worksheet.write_number(r, c, *value).map(|_| ()),
                    C::T(value) => worksheet.write_number_with_format(r, c, *value, &time).map(|_| ()),
                    C::D(value) => worksheet.write_number_with_format(r, c, *value, &datetime).map(|_| ()),
                    C::E => Ok(()),
                }
                .expect("cell written");
            }
        }
    }
    workbook.save_to_buffer().expect("workbook saved")
}

/// The two required sheets of a tiny season: 3 F teams in one pool, 1 M pool of 2, two venues.
pub fn base() -> Vec<Sheet> {
    vec![
        sheet(
            "Gymnases",
            vec![
                row!["Gymnase", "Adresse", "Capacite", "Creneaux"],
                row!["BESSON", "", 3.0, "14:00, 16:00, 18:00, 20:00"],
                row!["ESA", "", 1.0, "20:00,"],
            ],
        ),
        sheet(
            "Equipes",
            vec![
                row!["Equipe", "Poule", "Horaire_Prefere"],
                row!["LYON 1 (1)", "VBFA1PA", "14:00"],
                row!["INSA (1)", "VBFA1PA", "16h"],
                row!["ESA (1)", "VBFA1PA", ""],
                row!["LYON 1 (1)", "VBMA1PA", "20:00"],
                row!["ECL (1)", "VBMA1PA", ""],
            ],
        ),
    ]
}

/// `base()` plus or replacing the given sheets.
pub fn with(extra: Vec<Sheet>) -> Vec<Sheet> {
    let mut sheets = base();
    for sheet in extra {
        match sheets.iter_mut().find(|s| s.name == sheet.name) {
            Some(slot) => *slot = sheet,
            None => sheets.push(sheet),
        }
    }
    sheets
}

/// Reads sheets with the built-in defaults.
pub fn read(sheets: &[Sheet]) -> Result<WorkbookData, ReadError> {
    read_workbook_bytes(&xlsx(sheets), "tiny.xlsx", &ProjectConfig::default())
}

/// The error of reading these sheets, as text.
pub fn error(sheets: &[Sheet]) -> String {
    match read(sheets) {
        Ok(_) => panic!("expected an error"),
        Err(error) => error.to_string(),
    }
}

/// Warnings as text, without the "optional sheet is missing" ones.
pub fn shown(warnings: &[ReadWarning]) -> Vec<String> {
    warnings
        .iter()
        .filter(|w| w.kind != scheduler_excel::WarningKind::MissingSheet)
        .map(ToString::to_string)
        .collect()
}
