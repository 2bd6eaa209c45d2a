//! Where a problem was found ([`Location`]), what stops reading ([`ReadError`]) and what only
//! deserves a look ([`ReadWarning`]).

use std::fmt;
use std::path::PathBuf;

/// A place in the input: a file, and optionally a YAML key, or a sheet, a row and a column.
///
/// Displays as `config_volley.xlsx, sheet Gymnases, row 4, column Capacite` or
/// `config_volley.yaml, key planification.nb_semaines`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Location {
    /// File name (without directory), e.g. `config_volley.xlsx`.
    pub file: String,
    /// YAML key path, e.g. `contraintes.entente_actif`.
    pub key: Option<String>,
    /// Sheet name.
    pub sheet: Option<String>,
    /// Excel row number (1-based, as Excel shows it).
    pub row: Option<u32>,
    /// Column header.
    pub column: Option<String>,
}

impl Location {
    /// A whole file.
    pub fn file(file: impl Into<String>) -> Self {
        Self { file: file.into(), ..Self::default() }
    }

    /// A key of a YAML file.
    pub fn key(file: impl Into<String>, key: impl Into<String>) -> Self {
        Self { file: file.into(), key: Some(key.into()), ..Self::default() }
    }

    /// A sheet of a workbook.
    pub fn sheet(file: impl Into<String>, sheet: impl Into<String>) -> Self {
        Self { file: file.into(), sheet: Some(sheet.into()), ..Self::default() }
    }

    /// The same place narrowed to an Excel row (1-based).
    pub fn at_row(&self, row: u32) -> Self {
        Self { row: Some(row), column: None, ..self.clone() }
    }

    /// The same place narrowed to a column.
    pub fn at_column(&self, column: impl Into<String>) -> Self {
        Self { column: Some(column.into()), ..self.clone() }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.file)?;
        if let Some(key) = &self.key {
            write!(f, ", key {key}")?;
        }
        if let Some(sheet) = &self.sheet {
            write!(f, ", sheet {sheet}")?;
        }
        if let Some(row) = self.row {
            write!(f, ", row {row}")?;
        }
        if let Some(column) = &self.column {
            write!(f, ", column {column}")?;
        }
        Ok(())
    }
}

/// Formats a list of suggestions: ` (closest known: A, B)` or nothing.
pub(crate) struct Suggestions<'a>(pub &'a [String]);

impl fmt::Display for Suggestions<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_empty() {
            Ok(())
        } else {
            write!(f, " (closest known: {})", self.0.join(", "))
        }
    }
}

/// Input that cannot be read as a season. Every variant says where.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// A file could not be read.
    #[error("cannot read {}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The workbook is not a readable `.xlsx` file, or a sheet of it cannot be read.
    #[error("{location}: not a readable Excel workbook ({message})")]
    Workbook {
        /// File (and sheet).
        location: Box<Location>,
        /// The reader's message.
        message: String,
    },
    /// The YAML file is not valid YAML.
    #[error("{location}: invalid YAML ({message})")]
    Yaml {
        /// File.
        location: Box<Location>,
        /// The parser's message.
        message: String,
    },
    /// A YAML mapping states the same key twice.
    #[error("{location}: {message}; each key may appear only once")]
    DuplicateKey {
        /// File.
        location: Box<Location>,
        /// The parser's message, naming the key and its line.
        message: String,
    },
    /// A required sheet is missing.
    #[error("{location}: required sheet is missing (sheets found: {found})")]
    MissingSheet {
        /// File and sheet.
        location: Box<Location>,
        /// Sheets of the workbook.
        found: String,
    },
    /// A sheet with data lacks a column it needs.
    #[error("{location}: required column is missing (columns found: {found})")]
    MissingColumn {
        /// File, sheet and column.
        location: Box<Location>,
        /// Headers of the sheet.
        found: String,
    },
    /// A cell or a YAML value that does not hold what it should.
    #[error("{location}: {value:?} is not {expected}")]
    InvalidValue {
        /// Where.
        location: Box<Location>,
        /// The value as written.
        value: String,
        /// What was expected, e.g. `a whole number`.
        expected: String,
    },
    /// A required cell is empty.
    #[error("{location}: empty cell, expected {expected}")]
    EmptyCell {
        /// Where.
        location: Box<Location>,
        /// What was expected.
        expected: String,
    },
    /// A venue or team that the workbook does not define.
    #[error("{location}: unknown {what} {name:?}{}", Suggestions(suggestions))]
    UnknownName {
        /// Where.
        location: Box<Location>,
        /// `venue` or `team`.
        what: &'static str,
        /// The name given.
        name: String,
        /// The closest known names.
        suggestions: Vec<String>,
    },
    /// A team named without gender where both genders exist.
    #[error(
        "{location}: team {name:?} exists as {genders}; give its gender (Genre column or a [M]/[F] suffix)"
    )]
    AmbiguousTeam {
        /// Where.
        location: Box<Location>,
        /// The name given.
        name: String,
        /// Which genders exist, e.g. `M and F`.
        genders: String,
    },
    /// A team or venue listed twice.
    #[error("{location}: {what} {name:?} is already listed at row {first_row}")]
    Duplicate {
        /// Where the second occurrence is.
        location: Box<Location>,
        /// `team` or `venue`.
        what: &'static str,
        /// The name (with gender for teams).
        name: String,
        /// Excel row of the first occurrence.
        first_row: u32,
    },
    /// A value that is well formed but not acceptable for this season.
    #[error("{location}: {message}")]
    Inconsistent {
        /// Where.
        location: Box<Location>,
        /// What is wrong.
        message: String,
    },
}

impl ReadError {
    /// Where the error was found, when it has a location.
    pub fn location(&self) -> Option<&Location> {
        match self {
            ReadError::Io { .. } => None,
            ReadError::Workbook { location, .. }
            | ReadError::Yaml { location, .. }
            | ReadError::DuplicateKey { location, .. }
            | ReadError::MissingSheet { location, .. }
            | ReadError::MissingColumn { location, .. }
            | ReadError::InvalidValue { location, .. }
            | ReadError::EmptyCell { location, .. }
            | ReadError::UnknownName { location, .. }
            | ReadError::AmbiguousTeam { location, .. }
            | ReadError::Duplicate { location, .. }
            | ReadError::Inconsistent { location, .. } => Some(location.as_ref()),
        }
    }
}

/// What kind of quirk a [`ReadWarning`] reports, to filter or count them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WarningKind {
    /// A YAML key that no version of PyCalendar reads.
    UnknownConfigKey,
    /// A configuration value that is accepted but adjusted or ignored.
    ConfigValue,
    /// An optional sheet is absent (treated as empty).
    MissingSheet,
    /// An optional column is absent, or a required one of an empty sheet.
    MissingColumn,
    /// A row ignored because it cannot apply (empty key, out-of-season week, invalid choice).
    IgnoredRow,
    /// A cell whose value was adjusted (empty capacity, half time range…).
    AdjustedValue,
    /// An institution that owns no team.
    UnknownInstitution,
    /// An institution spelled like another one (`LYON 2 (IEP)` / `LYON 2 IEP`).
    SimilarInstitution,
    /// A team of a fixed match that is neither a championship team nor declared in
    /// `Equipes_Hors_Championnat`.
    UndeclaredExternalTeam,
    /// A championship team without pool, or whose gender sources disagree.
    TeamData,
    /// Two rows saying the same thing; the last one wins.
    DuplicateRow,
    /// A sheet or setting the engine reads but does not use.
    Unused,
}

/// Data that does not block solving but probably deserves a look. Never silently dropped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadWarning {
    /// Category.
    pub kind: WarningKind,
    /// Where.
    pub location: Location,
    /// What, in a sentence.
    pub message: String,
}

impl ReadWarning {
    /// A warning.
    pub fn new(kind: WarningKind, location: Location, message: impl Into<String>) -> Self {
        Self { kind, location, message: message.into() }
    }
}

impl fmt::Display for ReadWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.location, self.message)
    }
}
