//! One reader per sheet (or group of related sheets), sharing a [`Context`] that knows the venues,
//! teams and institutions read so far and collects warnings.

pub(crate) mod availability;
pub(crate) mod fixed;
pub(crate) mod relations;
pub(crate) mod teams;
pub(crate) mod venues;

use std::collections::{BTreeMap, HashMap};

use scheduler_core::names::{institution_of, split_gender_suffix};
use scheduler_core::{Calendar, Gender, ProblemSpec, TeamKey, TimeRange};

use crate::error::{Location, ReadError, ReadWarning, WarningKind};
use crate::suggest;
use crate::table::Row;

/// What the sheets read so far: the spec being built, name indexes and warnings.
pub(crate) struct Context {
    /// The spec being filled.
    pub spec: ProblemSpec,
    /// Warnings so far.
    pub warnings: Vec<ReadWarning>,
    /// Venue name → Excel row in `Gymnases`.
    venues: HashMap<String, u32>,
    /// Team name → (gender, index in `spec.teams`).
    teams: HashMap<String, Vec<(Option<Gender>, usize)>>,
    /// Institution → team indexes (championship teams).
    institutions: BTreeMap<String, Vec<usize>>,
}

impl Context {
    /// An empty context for a season.
    pub(crate) fn new(spec: ProblemSpec) -> Self {
        Self {
            spec,
            warnings: Vec::new(),
            venues: HashMap::new(),
            teams: HashMap::new(),
            institutions: BTreeMap::new(),
        }
    }

    /// The season grid.
    pub(crate) fn calendar(&self) -> &Calendar {
        &self.spec.calendar
    }

    /// Adds a warning.
    pub(crate) fn warn(&mut self, kind: WarningKind, location: Location, message: impl Into<String>) {
        self.warnings.push(ReadWarning::new(kind, location, message));
    }

    /// Registers a venue; `Some(first row)` when the name is taken.
    pub(crate) fn add_venue(&mut self, name: &str, row: u32) -> Option<u32> {
        match self.venues.get(name) {
            Some(first) => Some(*first),
            None => {
                self.venues.insert(name.to_string(), row);
                None
            }
        }
    }

    /// Registers team `index` of `spec.teams` (a championship team, or an external one met only in
    /// fixed matches); `Some(index)` of the team already holding its key.
    pub(crate) fn index_team(&mut self, index: usize, championship: bool) -> Option<usize> {
        let team = &self.spec.teams[index];
        let entries = self.teams.entry(team.name.clone()).or_default();
        if let Some((_, existing)) = entries.iter().find(|(g, _)| *g == team.gender) {
            return Some(*existing);
        }
        entries.push((team.gender, index));
        if championship {
            let institution = team.institution.clone().unwrap_or_else(|| institution_of(&team.name));
            self.institutions.entry(institution).or_default().push(index);
        }
        None
    }

    /// The venue named in `column` (required), checked against `Gymnases`.
    pub(crate) fn venue(&mut self, row: &Row<'_>, column: &str) -> Result<String, ReadError> {
        let name = row.required_text(column, "a venue name")?;
        self.known_venue(row, column, &name)
    }

    /// Checks a venue name; a name differing only by case or spaces is corrected with a warning.
    pub(crate) fn known_venue(
        &mut self,
        row: &Row<'_>,
        column: &str,
        name: &str,
    ) -> Result<String, ReadError> {
        if self.venues.contains_key(name) {
            return Ok(name.to_string());
        }
        let wanted = suggest::squash(name);
        let same: Vec<&String> = self.venues.keys().filter(|v| suggest::squash(v) == wanted).collect();
        if let [only] = same.as_slice() {
            let canonical = (*only).clone();
            self.warn(
                WarningKind::AdjustedValue,
                row.at(column),
                format!("venue {name:?} read as {canonical:?} (spelling differs in Gymnases)"),
            );
            return Ok(canonical);
        }
        Err(ReadError::UnknownName {
            location: row.at(column).into(),
            what: "venue",
            name: name.to_string(),
            suggestions: suggest::closest(name, self.venues.keys().map(String::as_str)),
        })
    }

    /// Finds a team by a raw name (may end with ` [M]`/` [F]`) and an optional gender from another
    /// column. Without any gender, the name must be unique unless `all_genders` is set (then the key
    /// names every team of that name). `Ok(None)` when no team has that name.
    pub(crate) fn find_team(
        &self,
        raw: &str,
        gender: Option<Gender>,
        all_genders: bool,
        location: &Location,
    ) -> Result<Option<TeamKey>, ReadError> {
        let (name, suffix) = split_gender_suffix(raw);
        let gender = suffix.or(gender);
        let Some(entries) = self.teams.get(&name) else { return Ok(None) };
        match gender {
            // A team listed without gender answers for either gender.
            Some(g) => Ok(if entries.iter().any(|(eg, _)| *eg == Some(g)) {
                Some(TeamKey::new(name, Some(g)))
            } else if entries.iter().any(|(eg, _)| eg.is_none()) {
                Some(TeamKey::new(name, None))
            } else {
                None
            }),
            None if all_genders || entries.len() == 1 => {
                let only = if entries.len() == 1 { entries[0].0 } else { None };
                Ok(Some(TeamKey::new(name, only)))
            }
            None => Err(ReadError::AmbiguousTeam {
                location: location.clone().into(),
                name,
                genders: entries
                    .iter()
                    .map(|(g, _)| g.map_or("without gender", Gender::code))
                    .collect::<Vec<_>>()
                    .join(" and "),
            }),
        }
    }

    /// Like [`Context::find_team`], but an unknown team is an error listing the closest teams.
    pub(crate) fn team(
        &self,
        raw: &str,
        gender: Option<Gender>,
        all_genders: bool,
        location: &Location,
    ) -> Result<TeamKey, ReadError> {
        match self.find_team(raw, gender, all_genders, location)? {
            Some(key) => Ok(key),
            None => {
                let (name, suffix) = split_gender_suffix(raw);
                let wanted = TeamKey::new(name, suffix.or(gender)).to_string();
                // With a gender, compare with `NAME [G]` labels; without, with the names alone.
                let mut labels: Vec<String> = self
                    .spec
                    .teams
                    .iter()
                    .map(|t| if suffix.or(gender).is_some() { t.key().to_string() } else { t.name.clone() })
                    .collect();
                labels.sort();
                labels.dedup();
                Err(ReadError::UnknownName {
                    location: location.clone().into(),
                    what: "team",
                    name: wanted.clone(),
                    suggestions: suggest::closest(&wanted, labels.iter().map(String::as_str)),
                })
            }
        }
    }

    /// Team indexes of an institution (championship teams only).
    pub(crate) fn institution_teams(&self, institution: &str) -> &[usize] {
        self.institutions.get(institution).map(Vec::as_slice).unwrap_or_default()
    }

    /// Checks an institution name: `Some(name)` when it owns teams (with a warning when another
    /// institution is spelled almost the same way), `None` with a warning listing the closest
    /// institutions otherwise.
    pub(crate) fn institution(&mut self, name: &str, location: Location, purpose: &str) -> Option<String> {
        if self.institutions.contains_key(name) {
            let squashed = suggest::squash(name);
            let twins: Vec<String> = self
                .institutions
                .keys()
                .filter(|other| other.as_str() != name && suggest::squash(other) == squashed)
                .cloned()
                .collect();
            for twin in twins {
                let message = format!(
                    "institution {name:?} covers only its own teams; the teams of {twin:?} are spelled \
                     differently (same institution?) and are not covered by this row"
                );
                self.warn(WarningKind::SimilarInstitution, location.clone(), message);
            }
            return Some(name.to_string());
        }
        let suggestions = suggest::closest(name, self.institutions.keys().map(String::as_str));
        let hint = crate::error::Suggestions(&suggestions).to_string();
        self.warn(
            WarningKind::UnknownInstitution,
            location,
            format!("institution {name:?} owns no team{hint}; {purpose}"),
        );
        None
    }

    /// Institutions whose names differ only by case, spaces or punctuation.
    pub(crate) fn similar_institutions(&self) -> Vec<Vec<String>> {
        let mut by_key: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for name in self.institutions.keys() {
            by_key.entry(suggest::squash(name)).or_default().push(name.clone());
        }
        by_key.into_values().filter(|names| names.len() > 1).collect()
    }

    /// A week of the season, or `None` with a warning (the row cannot apply) when outside it.
    pub(crate) fn season_week(&mut self, row: &Row<'_>, column: &str) -> Result<Option<u16>, ReadError> {
        let week = row.week(column)?;
        if week > self.spec.calendar.weeks {
            let weeks = self.spec.calendar.weeks;
            self.warn(
                WarningKind::IgnoredRow,
                row.at(column),
                format!("row ignored: week {week} is after the season's last week {weeks}"),
            );
            return Ok(None);
        }
        Ok(Some(week))
    }

    /// The time range of `Horaire_Debut`/`Horaire_Fin`: both given → `[start, end)`, else all day.
    pub(crate) fn time_range(&mut self, row: &Row<'_>) -> Result<TimeRange, ReadError> {
        const START: &str = "Horaire_Debut";
        const END: &str = "Horaire_Fin";
        match (row.time(START)?, row.time(END)?) {
            (Some(start), Some(end)) => {
                if start >= end {
                    self.warn(
                        WarningKind::AdjustedValue,
                        row.at(END),
                        format!("the range {start}–{end} is empty (the end is excluded); it covers no time"),
                    );
                }
                Ok(TimeRange::Between { start, end })
            }
            (None, None) => Ok(TimeRange::AllDay),
            (start, _) => {
                let (given, missing) = if start.is_some() { (START, END) } else { (END, START) };
                self.warn(
                    WarningKind::AdjustedValue,
                    row.at(missing),
                    format!("{missing} is empty while {given} is set: the whole day is taken"),
                );
                Ok(TimeRange::AllDay)
            }
        }
    }

    /// A gender column (`M`/`F`, any case), `None` when blank.
    pub(crate) fn gender(row: &Row<'_>, column: &str) -> Result<Option<Gender>, ReadError> {
        match row.text(column) {
            None => Ok(None),
            Some(text) => {
                Gender::parse(&text).map(Some).ok_or_else(|| row.invalid_value(column, "a gender (M or F)"))
            }
        }
    }
}
