//! "Did you mean": closest known names by edit distance.

/// Edit distance (insertions, deletions, substitutions) between two strings, by characters.
pub fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        current[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != *cb);
            current[j + 1] = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()]
}

/// A name reduced to its letters and digits, uppercased: `Lyon 2 (IEP)` → `LYON2IEP`.
pub fn squash(name: &str) -> String {
    name.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_uppercase).collect()
}

/// Up to three known names closest to `name`, best first.
///
/// Names equal once case, spaces and punctuation are ignored come first; then names within an edit
/// distance of a third of the length (at least 2), compared case-insensitively.
pub fn closest<'a>(name: &str, known: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let wanted = name.trim().to_uppercase();
    let wanted_squashed = squash(name);
    let limit = (wanted.chars().count() / 3).max(2);
    let mut scored: Vec<(usize, String)> = known
        .into_iter()
        .filter_map(|candidate| {
            let distance = if squash(candidate) == wanted_squashed {
                0
            } else {
                levenshtein(&wanted, &candidate.trim().to_uppercase()).max(1)
            };
            (distance <= limit).then(|| (distance, candidate.to_string()))
        })
        .collect();
    scored.sort();
    scored.dedup_by(|a, b| a.1 == b.1);
    scored.into_iter().take(3).map(|(_, name)| name).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distance() {
        assert_eq!(levenshtein("", "abc"), 3);
        assert_eq!(levenshtein("BESON", "BESSON"), 1);
        assert_eq!(levenshtein("kitten", "sitting"), 3);
        assert_eq!(levenshtein("été", "ete"), 2);
    }

    #[test]
    fn closest_names() {
        let known = ["BESSON", "DESCARTES", "ECL", "LYON 2 HC"];
        assert_eq!(closest("BESON", known), vec!["BESSON"]);
        assert_eq!(closest("lyon2hc", known), vec!["LYON 2 HC"]);
        assert!(closest("GRENOBLE", known).is_empty());
        assert_eq!(closest("LYON 2 (IEP)", ["LYON 2 IEP", "LYON 2", "LYON 1"])[0], "LYON 2 IEP");
    }
}
