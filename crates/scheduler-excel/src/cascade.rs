//! The YAML cascade: built-in defaults deep-merged with a project file.
//!
//! Mappings merge key by key; scalars and lists are replaced as a whole; a `null` (empty) value
//! keeps the default. Legacy key names are renamed first; keys that the defaults do not know give a
//! warning naming their path; a key written twice is an error.

use serde_yaml::{Mapping, Value};

use crate::error::{Location, ReadError, ReadWarning, WarningKind};

/// The built-in defaults (`configs/default.yaml`), embedded at build time.
pub const DEFAULT_YAML: &str = include_str!("../../../configs/default.yaml");

/// Name of the defaults in messages.
pub(crate) const DEFAULT_FILE: &str = "default.yaml";

/// Sections whose content is free-form (no unknown-key warnings inside).
const FREE_FORM: &[&str] = &["extra"];

/// Legacy or V2 key names and their current name: (section, old, new).
const ALIASES: &[(&str, &str, &str)] = &[
    ("fichiers", "config_central", "donnees"),
    ("planification", "semaine_minimum", "semaine_min"),
    ("contraintes", "bonus_niveau_gymnases_haut", "penalite_niveau_gymnases_haut"),
    ("contraintes", "bonus_niveau_gymnases_bas", "penalite_niveau_gymnases_bas"),
];

/// Parses YAML text; an empty document is an empty mapping.
pub(crate) fn parse(text: &str, file: &str) -> Result<Value, ReadError> {
    let value: Value = serde_yaml::from_str(text).map_err(|e| {
        let message = e.to_string();
        if message.contains("duplicate entry") {
            ReadError::DuplicateKey { location: Location::file(file).into(), message }
        } else {
            ReadError::Yaml { location: Location::file(file).into(), message }
        }
    })?;
    match value {
        Value::Null => Ok(Value::Mapping(Mapping::new())),
        Value::Mapping(_) => Ok(value),
        other => Err(ReadError::InvalidValue {
            location: Location::file(file).into(),
            value: describe(&other),
            expected: "a YAML mapping of sections (fichiers, planification, ...)".into(),
        }),
    }
}

/// The defaults merged with an optional project document, and the warnings about the project.
pub(crate) fn cascade(
    project: Option<(&str, &str)>,
    warnings: &mut Vec<ReadWarning>,
) -> Result<Value, ReadError> {
    let mut merged = parse(DEFAULT_YAML, DEFAULT_FILE)?;
    if let Some((text, file)) = project {
        let mut project = parse(text, file)?;
        rename_aliases(&mut project, file, warnings);
        report_unknown(&merged, &project, "", file, warnings)?;
        merge(&mut merged, project);
    }
    Ok(merged)
}

fn rename_aliases(project: &mut Value, file: &str, warnings: &mut Vec<ReadWarning>) {
    for (section, old, new) in ALIASES {
        let Some(Value::Mapping(map)) = project.get_mut(*section) else { continue };
        let Some(value) = map.remove(*old) else { continue };
        if map.contains_key(*new) {
            warnings.push(ReadWarning::new(
                WarningKind::ConfigValue,
                Location::key(file, format!("{section}.{old}")),
                format!("ignored: `{section}.{new}` is also given and wins (`{old}` is its old name)"),
            ));
        } else {
            map.insert(Value::from(*new), value);
        }
    }
}

fn report_unknown(
    defaults: &Value,
    project: &Value,
    path: &str,
    file: &str,
    warnings: &mut Vec<ReadWarning>,
) -> Result<(), ReadError> {
    let Value::Mapping(project_map) = project else { return Ok(()) };
    for (key, value) in project_map {
        let name = match key {
            Value::String(name) => name.clone(),
            other => describe(other),
        };
        let full = if path.is_empty() { name.clone() } else { format!("{path}.{name}") };
        match defaults.get(name.as_str()) {
            None => warnings.push(ReadWarning::new(
                WarningKind::UnknownConfigKey,
                Location::key(file, &full),
                "unknown key, ignored",
            )),
            Some(Value::Mapping(_)) if FREE_FORM.contains(&full.as_str()) => {}
            Some(default @ Value::Mapping(_)) => match value {
                Value::Mapping(_) => report_unknown(default, value, &full, file, warnings)?,
                Value::Null => {}
                other => {
                    return Err(ReadError::InvalidValue {
                        location: Location::key(file, &full).into(),
                        value: describe(other),
                        expected: "a section (a mapping of keys)".into(),
                    })
                }
            },
            Some(_) => {}
        }
    }
    Ok(())
}

/// Deep merge: mappings key by key, everything else replaced; `null` keeps the base.
pub(crate) fn merge(base: &mut Value, overlay: Value) {
    match (base, overlay) {
        (_, Value::Null) => {}
        (Value::Mapping(base_map), Value::Mapping(overlay_map)) => {
            for (key, value) in overlay_map {
                match base_map.get_mut(&key) {
                    Some(slot) => merge(slot, value),
                    None => {
                        base_map.insert(key, value);
                    }
                }
            }
        }
        (slot, value) => *slot = value,
    }
}

/// A short rendering of a YAML value for messages.
pub(crate) fn describe(value: &Value) -> String {
    match value {
        Value::Null => "null".into(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => s.clone(),
        Value::Sequence(_) | Value::Mapping(_) | Value::Tagged(_) => {
            serde_yaml::to_string(value).map(|s| s.trim().replace('\n', " ")).unwrap_or_default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_parse() {
        let value = parse(DEFAULT_YAML, DEFAULT_FILE).unwrap();
        assert_eq!(value["planification"]["nb_semaines"].as_u64(), Some(11));
    }

    #[test]
    fn merge_is_deep_and_replaces_lists() {
        let mut warnings = Vec::new();
        let merged = cascade(
            Some((
                "contraintes:\n  penalites_espacement_repos: [1]\n  bonus_niveau_gymnases_bas: [1, 2]\ncalendrier:\n",
                "p.yaml",
            )),
            &mut warnings,
        )
        .unwrap();
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(merged["contraintes"]["penalites_espacement_repos"].as_sequence().unwrap().len(), 1);
        assert_eq!(merged["contraintes"]["penalite_niveau_gymnases_bas"].as_sequence().unwrap().len(), 2);
        assert_eq!(merged["contraintes"]["entente_actif"].as_bool(), Some(true));
        assert_eq!(merged["calendrier"]["jour_match"].as_str(), Some("jeudi"));
    }

    #[test]
    fn unknown_keys_are_named() {
        let mut warnings = Vec::new();
        cascade(
            Some(("planification:\n  nb_semaine: 3\nautre: 1\nextra:\n  x: 1\n", "p.yaml")),
            &mut warnings,
        )
        .unwrap();
        let shown: Vec<String> = warnings.iter().map(ToString::to_string).collect();
        assert_eq!(
            shown,
            vec![
                "p.yaml, key planification.nb_semaine: unknown key, ignored",
                "p.yaml, key autre: unknown key, ignored"
            ]
        );
    }

    #[test]
    fn duplicate_keys_are_errors() {
        let error = parse("cpsat:\n  niveau_log: 1\ncpsat:\n  niveau_log: 2\n", "p.yaml").unwrap_err();
        assert!(matches!(error, ReadError::DuplicateKey { .. }), "{error}");
        assert!(error.to_string().starts_with("p.yaml: duplicate entry with key \"cpsat\""), "{error}");
    }
}
