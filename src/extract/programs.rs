//! Programs named by a capitalised name before the lower-case word "program"
//! ("the Coastal Resilience Assistance (CRA) program", "the Harbor Renewal Pilot
//! program", "SBA's Microloan program"): a policy, whose name is the
//! capitalised part, with the acronym and the "… program" form as aliases.

use std::sync::OnceLock;

use regex::Regex;

use super::dates::MONTH_NAMES;
use super::lexicon::Lexicon;
use super::mentions::{class_key, Mention};
use crate::extract::words::Words;
use crate::model::{EntityClass, Span};

/// Words that open a sentence or a noun phrase but never a program's name.
static LEADING: Words = Words::new("program_leading_words");

/// Of those, the articles, determiners and prepositions, which open a phrase.
static OPENERS: Words = Words::new("program_openers");

/// Second words of places named "New …" ("New Orleans", "New York").
static NEW_PLACES: Words = Words::new("new_place_words");

/// Head words of bodies: "the Department of Labor program" is the department's program.
static BODY_HEADS: Words = Words::new("program_body_heads");

fn regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(?x)
            (?P<name>[A-Z][A-Za-z0-9'\x{2019}-]*(?:(?:[\x20]|[\x20]*\n[\x20]*)(?:of|for|to|and|[A-Z][A-Za-z0-9'\x{2019}-]*)){0,7})
            (?:(?:[\x20]|[\x20]*\n[\x20]*)\((?P<acr>[A-Z][A-Za-z0-9-]{1,9})\))?
            (?:[\x20]|[\x20]*\n[\x20]*)(?P<head>programs?)(?-u:\b)",
        )
        .unwrap_or_else(|e| unreachable!("program regex: {e}"))
    })
}

/// The program mentions of a text.
pub fn find(text: &str, lex: &Lexicon, is_place: impl Fn(&str) -> bool) -> Vec<Mention> {
    let mut out = Vec::new();
    for c in regex().captures_iter(text) {
        let (Some(name), Some(head)) = (c.name("name"), c.name("head")) else {
            continue;
        };
        // the words with their offsets (a name may wrap onto the next line:
        // "the Rural\nAccess Network Growth Enhancement program")
        let mut words: Vec<(usize, &str)> = Vec::new();
        let mut wrapped: Vec<bool> = Vec::new();
        let mut at = 0;
        for w in name.as_str().split([' ', '\n']).filter(|w| !w.is_empty()) {
            let k = at + name.as_str()[at..].find(w).unwrap_or(0);
            wrapped.push(name.as_str()[at..k].contains('\n'));
            words.push((name.start() + k, w));
            at = k + w.len();
        }
        // "Overview\nThe Harbor Renewal Pilot program": a name starts after the line
        // break before a leading word
        if let Some(i) = (1..words.len())
            .rev()
            .find(|&i| wrapped[i] && OPENERS.contains(words[i].1))
        {
            words.drain(..i);
        }
        // "the CRA and Harbor Maintenance Assistance programs": programs joined by
        // "and" before the plural are two; before "program", one name holds its
        // "and" ("the Child Care and Development Block Grant program")
        if head.as_str() == "programs" {
            if let Some(i) = words.iter().rposition(|(_, w)| *w == "and") {
                words.drain(..=i);
            }
        }
        // "NASA's Artemis program": the owner's possessive is no part of the name
        if let Some(i) = words
            .iter()
            .rposition(|(_, w)| w.ends_with("'s") || w.ends_with("\u{2019}s"))
        {
            words.drain(..=i);
        }
        while let Some((_, first)) = words.first() {
            // ("the New Orleans SEED program": a place's "New" stays)
            let place =
                *first == "New" && words.get(1).is_some_and(|(_, w)| NEW_PLACES.contains(w));
            // ("the State and Local Fiscal Recovery Funds program": a leading
            // word before "and" or "of" opens the name)
            let joined = !OPENERS.contains(first)
                && words
                    .get(1)
                    .is_some_and(|(_, w)| matches!(*w, "and" | "of"));
            if !place
                && !joined
                && (LEADING.contains(first) || first.chars().all(|ch| ch.is_lowercase()))
            {
                words.remove(0);
            } else {
                break;
            }
        }
        while words
            .last()
            .is_some_and(|(_, w)| w.chars().all(|ch| ch.is_lowercase()))
        {
            words.pop();
        }
        let (Some(&(start, _)), Some(&(last_at, last))) = (words.first(), words.last()) else {
            continue;
        };
        let end = last_at + last.len();
        let words: Vec<&str> = words.iter().map(|(_, w)| *w).collect();
        let label = words.join(" ");
        // one word is too weak a name ("the Housing program", "the ARA program")
        if words.len() < 2
            || words
                .iter()
                .any(|w| BODY_HEADS.contains(w) || MONTH_NAMES.contains(w))
            || words
                .iter()
                .any(|w| w.ends_with("'s") || w.ends_with('\u{2019}'))
            || is_place(&label)
            || lex
                .lookup(&label)
                .is_some_and(|e| lex.entries[e].class != EntityClass::Policy)
            || lex.lookup_acronym(&label).is_some()
        {
            continue;
        }
        let mut m = Mention::new(
            Span::new(start, end),
            EntityClass::Policy,
            label.clone(),
            "policy.program",
            65,
        );
        m.key = class_key(EntityClass::Policy, &label);
        m.extra.push(format!("{label} program"));
        if let Some(a) = c.name("acr") {
            m.extra.push(a.as_str().to_string());
        }
        out.push(m);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn programs_by_name() {
        let lex = Lexicon::builtin();
        // (case, text, the labels found)
        let cases: &[(&str, &str, &[&str])] = &[
            (
                "a name with an acronym",
                "through the Coastal Resilience Assistance (CRA) program.",
                &["Coastal Resilience Assistance"],
            ),
            (
                "coordinated programs give the last one",
                "the CRA and Harbor Maintenance Assistance programs",
                &["Harbor Maintenance Assistance"],
            ),
            ("an acronym alone is too weak", "the SNAP program", &[]),
            (
                "a leading article is no part of the name",
                "The Harbor Renewal Pilot program began.",
                &["Harbor Renewal Pilot"],
            ),
            (
                "a body's program is no program name",
                "the Department of Labor program ended",
                &[],
            ),
            ("one plain word is too weak", "the Housing program", &[]),
            (
                "an owner's possessive is no part of the name",
                "NASA\u{2019}s Artemis Moon program",
                &["Artemis Moon"],
            ),
            (
                "a name may wrap onto the next line",
                "to expand the Rural\n    Widget Network Growth program.",
                &["Rural Widget Network Growth"],
            ),
            (
                "a line break before a leading word starts the name",
                "Overview\nThe Widget Pilot program began.",
                &["Widget Pilot"],
            ),
            (
                "a leading word before 'and' opens the name",
                "the State and Local Widget Recovery Funds program",
                &["State and Local Widget Recovery Funds"],
            ),
            (
                "a line break before a modifier keeps it",
                "the Nationally Significant\n    Federal Widgets and Tribal Projects program",
                &["Nationally Significant Federal Widgets and Tribal Projects"],
            ),
            (
                "one program's name holds its 'and'",
                "through the Child Widget and Development Block Grant program",
                &["Child Widget and Development Block Grant"],
            ),
            ("a state is a place", "the New Mexico program", &[]),
            ("a month is a date", "the May 2021 program", &[]),
            (
                "a place's New stays, a new program's goes",
                "The New Orleans Tutor program and the New Tutor Pilot program began.",
                &["New Orleans Tutor", "Tutor Pilot"],
            ),
        ];
        for (case, text, want) in cases {
            let got: Vec<String> = find(text, &lex, |w| w == "New Mexico")
                .into_iter()
                .map(|m| m.name)
                .collect();
            assert_eq!(&got, want, "{case}");
        }
    }
}
