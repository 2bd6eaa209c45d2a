//! PyCalendar's naming conventions (spec §3.3): gender suffixes, institutions, pool codes.

use crate::Gender;

/// Splits `LYON 1 (2) [F]` into (`LYON 1 (2)`, `Some(F)`); names without suffix keep `None`.
pub fn split_gender_suffix(raw: &str) -> (String, Option<Gender>) {
    let trimmed = raw.trim();
    if let Some(body) = trimmed.strip_suffix(']') {
        if let Some((name, code)) = body.rsplit_once('[') {
            if let Some(gender) = Gender::parse(code) {
                if !name.trim().is_empty() {
                    return (name.trim().to_string(), Some(gender));
                }
            }
        }
    }
    (trimmed.to_string(), None)
}

/// The institution of a team name: the text before a final `(n)`, else the whole name.
///
/// `LYON 2 (IEP) (4)` → `LYON 2 (IEP)`; `ECL` → `ECL`.
pub fn institution_of(team_name: &str) -> String {
    let name = team_name.trim();
    if let Some(body) = name.strip_suffix(')') {
        if let Some((institution, number)) = body.rsplit_once('(') {
            let number = number.trim();
            if !number.is_empty()
                && number.chars().all(|c| c.is_ascii_digit())
                && !institution.trim().is_empty()
            {
                return institution.trim().to_string();
            }
        }
    }
    name.to_string()
}

/// Gender from a pool code: two letters then `F` or `M` (`VBFA1PA` → F).
pub fn gender_of_pool(code: &str) -> Option<Gender> {
    let upper = code.trim().to_ascii_uppercase();
    let bytes = upper.as_bytes();
    if bytes.len() >= 3 && bytes[0].is_ascii_alphabetic() && bytes[1].is_ascii_alphabetic() {
        return Gender::parse(&upper[2..3]);
    }
    None
}

/// Level index from a pool code: the first `A<digits>` gives digits − 1 (`VBMA3PB` → 2).
pub fn level_of_pool(code: &str) -> Option<usize> {
    let upper = code.trim().to_ascii_uppercase();
    let bytes = upper.as_bytes();
    for (i, b) in bytes.iter().enumerate() {
        if *b == b'A' {
            let digits: String = upper[i + 1..].chars().take_while(|c| c.is_ascii_digit()).collect();
            if let Ok(n) = digits.parse::<usize>() {
                return n.checked_sub(1);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gender_suffix() {
        assert_eq!(split_gender_suffix("VETO (1) [F]"), ("VETO (1)".into(), Some(Gender::Female)));
        assert_eq!(split_gender_suffix(" CESI (2) "), ("CESI (2)".into(), None));
        assert_eq!(split_gender_suffix("X [Z]"), ("X [Z]".into(), None));
    }

    #[test]
    fn institutions() {
        assert_eq!(institution_of("LYON 2 (IEP) (4)"), "LYON 2 (IEP)");
        assert_eq!(institution_of("LYON 1 (12)"), "LYON 1");
        assert_eq!(institution_of("ECL"), "ECL");
        assert_eq!(institution_of("A (B)"), "A (B)");
    }

    #[test]
    fn pool_codes() {
        assert_eq!(gender_of_pool("VBFA1PA"), Some(Gender::Female));
        assert_eq!(gender_of_pool("hbma2pb"), Some(Gender::Male));
        assert_eq!(gender_of_pool("CFE"), None);
        assert_eq!(level_of_pool("VBMA3PB"), Some(2));
        assert_eq!(level_of_pool("VBFA1PA"), Some(0));
        assert_eq!(level_of_pool("CUP"), None);
    }
}
