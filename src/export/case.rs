//! Every string whose lower case (`str::to_lowercase`) is a given string.
//!
//! `--around ICE` matches a label or alias case-insensitively. Testing the
//! lower case of every label needs every label decoded (a scan of the whole
//! store's string table); when the name has few case forms ("ICE": `ice`,
//! `Ice`, ..., eight), looking each form up in the store's object index
//! finds the same labels in a few milliseconds.

use std::collections::HashMap;
use std::sync::OnceLock;

/// Highest code point with a case mapping (well above the last cased script, Adlam).
const LAST_CASED: u32 = 0x1_FFFF;

/// lower case (one or two chars) -> the other chars that lower-case to it
fn upper_forms() -> &'static HashMap<String, Vec<char>> {
    static TABLE: OnceLock<HashMap<String, Vec<char>>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table: HashMap<String, Vec<char>> = HashMap::new();
        for c in (0..=LAST_CASED).filter_map(char::from_u32) {
            let lower: String = c.to_lowercase().collect();
            if lower.chars().eq(std::iter::once(c)) {
                continue;
            }
            table.entry(lower).or_default().push(c);
        }
        // (a capital sigma ending a word lower-cases to a final sigma)
        table.entry("ς".into()).or_default().push('Σ');
        table
    })
}

/// Every string `s` with `s.to_lowercase() == lower`, sorted, or `None` when
/// there are more than `max` (or `lower` is not its own lower case).
pub(crate) fn case_forms(lower: &str, max: usize) -> Option<Vec<String>> {
    if lower.to_lowercase() != lower {
        return None;
    }
    let table = upper_forms();
    let chars: Vec<char> = lower.chars().collect();
    // the forms of the first `i` chars, extended position by position
    // (a form of one char can stand for two: 'İ' lower-cases to "i̇")
    let mut partial: Vec<Vec<String>> = vec![Vec::new(); chars.len() + 1];
    partial[0].push(String::new());
    for i in 0..chars.len() {
        if partial[i].is_empty() {
            continue;
        }
        for len in 1..=2.min(chars.len() - i) {
            let key: String = chars[i..i + len].iter().collect();
            let mut forms: Vec<char> = table.get(&key).cloned().unwrap_or_default();
            if len == 1 {
                forms.push(chars[i]);
            }
            if forms.is_empty() {
                continue;
            }
            if partial[i].len().saturating_mul(forms.len()) + partial[i + len].len() > max {
                return None;
            }
            let extended: Vec<String> = partial[i]
                .iter()
                .flat_map(|p| {
                    forms.iter().map(move |c| {
                        let mut s = p.clone();
                        s.push(*c);
                        s
                    })
                })
                .collect();
            partial[i + len].extend(extended);
        }
    }
    let mut out: Vec<String> = std::mem::take(&mut partial[chars.len()])
        .into_iter()
        .filter(|s| s.to_lowercase() == lower)
        .collect();
    out.sort();
    out.dedup();
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_of_an_acronym() {
        let forms = case_forms("ice", 100).unwrap();
        assert_eq!(forms.len(), 8);
        assert!(forms.contains(&"ICE".to_string()) && forms.contains(&"iCe".to_string()));
        // the Kelvin sign lower-cases to 'k'
        assert_eq!(case_forms("k9", 100).unwrap(), ["K9", "k9", "\u{212A}9"]);
        assert_eq!(case_forms("", 100).unwrap(), [""]);
        assert_eq!(case_forms("u.s. 1", 100).unwrap().len(), 4);
        assert!(case_forms("ICE", 100).is_none());
        assert!(case_forms("immigration and customs enforcement", 4096).is_none());
    }

    #[test]
    fn forms_are_exactly_the_strings_that_lower_case_to_it() {
        for lower in ["i\u{307}x", "σς", "straße", "ǆ", "john smith"] {
            let forms = case_forms(lower, 1 << 12).unwrap();
            assert!(forms.iter().all(|f| f.to_lowercase() == lower), "{lower}");
            assert!(
                forms.contains(&lower.to_uppercase()) || lower.contains('ß'),
                "{lower}"
            );
            assert!(forms.contains(&lower.to_string()));
        }
        assert!(case_forms("i\u{307}x", 100)
            .unwrap()
            .contains(&"İX".to_string()));
        assert!(case_forms("σς", 100).unwrap().contains(&"ΣΣ".to_string()));
        assert!(case_forms("ǆ", 100).unwrap().contains(&"ǅ".to_string()));
    }
}
