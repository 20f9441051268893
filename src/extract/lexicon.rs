//! Stage 2 data: the gazetteer (agencies, organizations, named policies) and
//! the other word lists the rules use. Built-in files are embedded from
//! `data/`; users add their own with `--gazetteer FILE`.
//!
//! Gazetteer format (UTF-8, tab-separated, `#` starts a comment line):
//! `canonical<TAB>aliases<TAB>acronyms<TAB>parent<TAB>class`, where aliases
//! and acronyms are `|`-separated, parent is the canonical name of the parent
//! agency, and class is one of Agency (default), Organization, Policy, Person,
//! Memo. Only the first column is required.

use crate::extract::words::CONNECTORS;
use std::collections::{HashMap, HashSet};
use std::path::Path;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use crate::error::{Error, Result};
use crate::model::EntityClass;

const AGENCIES: &str = include_str!("../../data/agencies.tsv");
const AGENCIES_EXTRA: &str = include_str!("../../data/agencies_extra.tsv");
const POLICIES: &str = include_str!("../../data/policies.tsv");
const ORGANIZATIONS: &str = include_str!("../../data/organizations.tsv");
const FIRST_NAMES: &str = include_str!("../../data/first_names.txt");
const COMMON_WORDS: &str = include_str!("../../data/common_words.txt");
const FIRST_NAME_SEXES: &str = include_str!("../../data/first_name_sexes.tsv");

/// The sex a first name is read as, when the Census counts it mostly for one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sex {
    /// Read as a woman's name ("Jane").
    Female,
    /// Read as a man's name ("Gavin").
    Male,
}

/// One gazetteer entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LexEntry {
    /// Class of the entity.
    pub class: EntityClass,
    /// Canonical name.
    pub canonical: String,
    /// Acronyms.
    pub acronyms: Vec<String>,
    /// Parent agency's canonical name.
    pub parent: Option<String>,
}

/// The hasher of the word sets and name maps (asked at most tokens; SipHash
/// showed in the profile). Nothing iterates them in hash order.
pub(crate) type Fast = std::hash::BuildHasherDefault<super::relations::IntHasher>;

/// A gazetteer hit in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LexHit {
    /// Byte start.
    pub start: usize,
    /// Byte end.
    pub end: usize,
    /// Entry index.
    pub entry: usize,
    /// Whether the hit is an acronym.
    pub acronym: bool,
}

/// The gazetteer and word lists.
#[derive(Debug, Clone)]
pub struct Lexicon {
    /// Entries.
    pub entries: Vec<LexEntry>,
    by_key: HashMap<String, usize, Fast>,
    by_acronym: HashMap<String, usize, Fast>,
    names: AhoCorasick,
    name_targets: Vec<usize>,
    acronyms: AhoCorasick,
    acronym_targets: Vec<usize>,
    first_names: HashSet<String, Fast>,
    first_name_sexes: HashMap<String, Sex, Fast>,
    common_words: HashSet<String, Fast>,
}

/// `text` with every line break that is not part of a blank line made a space.
fn join_lines(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains('\n') {
        return std::borrow::Cow::Borrowed(text);
    }
    let b = text.as_bytes();
    let joined: Vec<u8> = b
        .iter()
        .enumerate()
        .map(|(i, &c)| {
            let lone = c == b'\n'
                && (i == 0 || b[i - 1] != b'\n')
                && b.get(i + 1).is_none_or(|&n| n != b'\n');
            if lone {
                b' '
            } else {
                c
            }
        })
        .collect();
    // (a line break is one ASCII byte, so the bytes stay UTF-8)
    String::from_utf8(joined).map_or(std::borrow::Cow::Borrowed(text), std::borrow::Cow::Owned)
}

/// Normalized lookup key of a name: lower case, `&` as `and`, no leading
/// "the"/"U.S."/"United States", punctuation runs as one space.
pub fn name_key(name: &str) -> String {
    let mut s = String::with_capacity(name.len());
    let start = name_key_into(name, &mut s);
    if start > 0 {
        s.drain(..start);
    }
    s
}

/// Writes [`name_key`] of `name` into `s` (cleared first), but for the
/// leading words it drops: the key is `&s[returned offset..]`.
fn name_key_into(name: &str, s: &mut String) -> usize {
    s.clear();
    let mut space = false;
    for c in name.chars() {
        // (ASCII letters and digits without the Unicode tables)
        let alphanumeric = if c.is_ascii() {
            c.is_ascii_alphanumeric()
        } else {
            c.is_alphanumeric()
        };
        if alphanumeric {
            if space && !s.is_empty() {
                s.push(' ');
            }
            space = false;
            if c.is_ascii() {
                s.push(c.to_ascii_lowercase());
            } else {
                s.extend(c.to_lowercase());
            }
        } else if c == '&' {
            if !s.is_empty() {
                s.push_str(" and");
            }
            space = true;
        } else if c == '.' || c == '\'' || c == '\u{2019}' {
            // U.S. -> us
        } else {
            space = true;
        }
    }
    let mut key: &str = s;
    for prefix in ["the ", "us ", "united states "] {
        if let Some(rest) = key.strip_prefix(prefix) {
            if rest.len() > 3 {
                key = rest;
            }
        }
    }
    s.len() - key.len()
}

/// Calls `f` with `w` in lower case (without allocating for a short ASCII word).
pub fn with_lower<R>(w: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 48];
    if w.len() <= buf.len() && w.is_ascii() {
        let b = &mut buf[..w.len()];
        b.copy_from_slice(w.as_bytes());
        b.make_ascii_lowercase();
        if let Ok(lower) = std::str::from_utf8(b) {
            return f(lower);
        }
    }
    f(&w.to_lowercase())
}

/// Whether `w` in lower case is one of `words` (ASCII lower-case words), without allocating.
pub fn lower_in(w: &str, words: &[&str]) -> bool {
    if w.is_ascii() {
        words.iter().any(|l| l.eq_ignore_ascii_case(w))
    } else {
        words.contains(&w.to_lowercase().as_str())
    }
}

fn parse_class(s: &str) -> Option<EntityClass> {
    if s.trim().is_empty() {
        Some(EntityClass::Agency)
    } else {
        EntityClass::parse(s.trim())
    }
}

struct Raw {
    entry: LexEntry,
    aliases: Vec<String>,
}

fn parse_tsv(src: &str, path: &str, default: EntityClass, out: &mut Vec<Raw>) -> Result<()> {
    for (i, line) in src.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let canonical = cols[0].trim();
        if canonical.is_empty() {
            return Err(Error::Data {
                path: path.into(),
                line: i + 1,
                message: "empty canonical name in column 1".into(),
            });
        }
        let list = |n: usize| -> Vec<String> {
            cols.get(n)
                .map(|c| {
                    c.split('|')
                        .map(str::trim)
                        .filter(|s| !s.is_empty())
                        .map(String::from)
                        .collect()
                })
                .unwrap_or_default()
        };
        let class = match cols.get(4) {
            Some(c) => parse_class(c).ok_or_else(|| Error::Data {
                path: path.into(),
                line: i + 1,
                message: format!("unknown class {c:?} in column 5 (Agency, Organization, Person, Memo or Policy)"),
            })?,
            None => default,
        };
        let parent = cols
            .get(3)
            .map(|s| s.trim())
            .filter(|s| !s.is_empty())
            .map(String::from);
        out.push(Raw {
            entry: LexEntry {
                class,
                canonical: canonical.to_string(),
                acronyms: list(2),
                parent,
            },
            aliases: list(1),
        });
    }
    Ok(())
}

impl Lexicon {
    /// The built-in lexicon.
    pub fn builtin() -> Self {
        Self::with_files(&[]).unwrap_or_else(|e| unreachable!("built-in data is valid: {e}"))
    }

    /// The built-in lexicon plus user gazetteer files.
    pub fn with_files(paths: &[&Path]) -> Result<Self> {
        let mut raws = Vec::new();
        parse_tsv(
            AGENCIES,
            "data/agencies.tsv",
            EntityClass::Agency,
            &mut raws,
        )?;
        parse_tsv(
            AGENCIES_EXTRA,
            "data/agencies_extra.tsv",
            EntityClass::Agency,
            &mut raws,
        )?;
        parse_tsv(
            POLICIES,
            "data/policies.tsv",
            EntityClass::Policy,
            &mut raws,
        )?;
        parse_tsv(
            ORGANIZATIONS,
            "data/organizations.tsv",
            EntityClass::Organization,
            &mut raws,
        )?;
        for path in paths {
            let src = std::fs::read_to_string(path).map_err(|source| Error::Io {
                path: path.to_path_buf(),
                source,
            })?;
            parse_tsv(
                &src,
                &path.display().to_string(),
                EntityClass::Agency,
                &mut raws,
            )?;
        }
        Ok(Self::from_raw(raws))
    }

    fn from_raw(raws: Vec<Raw>) -> Self {
        let mut entries: Vec<LexEntry> = Vec::new();
        let mut by_key: HashMap<String, usize, Fast> = HashMap::default();
        let mut aliases: Vec<Vec<String>> = Vec::new();
        // merge rows with the same canonical key (later files add to earlier ones)
        for raw in raws {
            let key = name_key(&raw.entry.canonical);
            let raw_canonical = raw.entry.canonical.clone();
            let idx = match by_key.get(&key) {
                Some(&i) => {
                    let e = &mut entries[i];
                    for a in raw.entry.acronyms {
                        if !e.acronyms.contains(&a) {
                            e.acronyms.push(a);
                        }
                    }
                    if raw.entry.parent.is_some() {
                        e.parent = raw.entry.parent;
                    }
                    i
                }
                None => {
                    entries.push(raw.entry);
                    aliases.push(Vec::new());
                    by_key.insert(key, entries.len() - 1);
                    entries.len() - 1
                }
            };
            if entries[idx].canonical != raw_canonical {
                aliases[idx].push(raw_canonical);
            }
            aliases[idx].extend(raw.aliases);
        }
        // alias keys point at their entry unless another entry owns them as a canonical
        let mut pattern_of: HashMap<String, (String, usize)> = HashMap::new();
        for (i, e) in entries.iter().enumerate() {
            pattern_of.insert(e.canonical.to_lowercase(), (e.canonical.clone(), i));
        }
        for (i, list) in aliases.iter().enumerate() {
            for a in list {
                let k = name_key(a);
                by_key.entry(k).or_insert(i);
                pattern_of.entry(a.to_lowercase()).or_insert((a.clone(), i));
            }
        }
        // "Cybersecurity & Infrastructure Security Agency": every "and" may be written "&"
        let ampersands: Vec<(String, (String, usize))> = pattern_of
            .iter()
            .filter(|(k, _)| k.contains(" and "))
            .map(|(k, (p, i))| (k.replace(" and ", " & "), (p.replace(" and ", " & "), *i)))
            .collect();
        for (k, v) in ampersands {
            pattern_of.entry(k).or_insert(v);
        }
        let mut by_acronym: HashMap<String, usize, Fast> = HashMap::default();
        let mut dup: HashSet<String> = HashSet::new();
        for (i, e) in entries.iter().enumerate() {
            for a in &e.acronyms {
                if by_acronym.insert(a.clone(), i).is_some_and(|j| j != i) {
                    dup.insert(a.clone());
                }
            }
        }
        for a in dup {
            by_acronym.remove(&a);
        }
        let mut pats: Vec<(String, usize)> = pattern_of
            .into_values()
            .filter(|(p, _)| p.len() >= 4)
            .collect();
        pats.sort();
        let names = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(pats.iter().map(|(p, _)| p.as_str()))
            .unwrap_or_else(|e| unreachable!("gazetteer automaton: {e}"));
        let name_targets = pats.iter().map(|&(_, i)| i).collect();
        let mut acrs: Vec<(String, usize)> =
            by_acronym.iter().map(|(a, &i)| (a.clone(), i)).collect();
        acrs.sort();
        let acronyms = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build(acrs.iter().map(|(p, _)| p.as_str()))
            .unwrap_or_else(|e| unreachable!("acronym automaton: {e}"));
        let acronym_targets = acrs.iter().map(|&(_, i)| i).collect();
        let first_names = FIRST_NAMES
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
            .map(String::from)
            .collect();
        let first_name_sexes = FIRST_NAME_SEXES
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| {
                let (name, sex) = l.split_once('\t')?;
                let sex = match sex {
                    "F" => Sex::Female,
                    "M" => Sex::Male,
                    _ => return None,
                };
                Some((name.to_string(), sex))
            })
            .collect();
        let common_words = COMMON_WORDS
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
            .map(String::from)
            .collect();
        Self {
            entries,
            by_key,
            by_acronym,
            names,
            name_targets,
            acronyms,
            acronym_targets,
            first_names,
            first_name_sexes,
            common_words,
        }
    }

    /// The entry whose canonical name or alias has this key.
    pub fn lookup(&self, name: &str) -> Option<usize> {
        // (asked many times per name chunk: the key is built in a reused buffer)
        thread_local! {
            static KEY: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
        }
        KEY.with(|cell| match cell.try_borrow_mut() {
            Ok(mut s) => {
                let start = name_key_into(name, &mut s);
                self.by_key.get(&s[start..]).copied()
            }
            Err(_) => self.by_key.get(&name_key(name)).copied(),
        })
    }

    /// The entry with this (unambiguous) acronym.
    pub fn lookup_acronym(&self, acronym: &str) -> Option<usize> {
        self.by_acronym.get(acronym).copied()
    }

    /// Whether `word` is mostly written in lower case in government text ("age", "readiness"):
    /// weak name rules do not take it for a name.
    pub fn is_common_word(&self, word: &str) -> bool {
        with_lower(word, |w| self.common_words.contains(w))
    }

    /// Whether `word` is a known first name.
    pub fn is_first_name(&self, word: &str) -> bool {
        self.first_names.contains(word)
    }

    /// The sex the first name `word` is read as, when one sex holds it ten times
    /// as often as the other in the Census lists.
    pub fn first_name_sex(&self, word: &str) -> Option<Sex> {
        self.first_name_sexes.get(word).copied()
    }

    /// All gazetteer hits: names (case-insensitive, but a capitalized entry must
    /// be capitalized in the text) and acronyms (exact case), on word boundaries,
    /// without overlaps (leftmost-longest; names win over acronyms).
    pub fn find(&self, text: &str) -> Vec<LexHit> {
        let boundary = |s: usize, e: usize| {
            let before = text[..s].chars().next_back();
            let after = text[e..].chars().next();
            !before.is_some_and(|c| c.is_alphanumeric() || c == '-')
                && !after.is_some_and(|c| {
                    c.is_alphanumeric()
                        || (c == '-' && text[e + 1..].starts_with(char::is_alphanumeric))
                })
        };
        let mut hits = Vec::new();
        // names wrapped over a line break ("Cybersecurity &\nInfrastructure Security
        // Agency" in hard-wrapped text): matched on a copy whose lone line breaks
        // are spaces (same length, so the offsets hold)
        let flat = join_lines(text);
        for m in self.names.find_iter(flat.as_ref()) {
            let (s, e) = (m.start(), m.end());
            if !boundary(s, e) {
                continue;
            }
            let entry = self.name_targets[m.pattern().as_usize()];
            let surface = &text[s..e];
            let canon_upper = self.entries[entry]
                .canonical
                .chars()
                .next()
                .is_some_and(char::is_uppercase);
            if canon_upper && !capitalized_like(surface) {
                continue;
            }
            hits.push(LexHit {
                start: s,
                end: e,
                entry,
                acronym: false,
            });
        }
        // (the name hits are in order and disjoint, and so are the acronyms': an
        // acronym can only overlap the first name hit that ends after its start)
        let names = hits.len();
        for m in self.acronyms.find_iter(text) {
            let (s, e) = (m.start(), m.end());
            let after = hits[..names].partition_point(|h| h.end <= s);
            if !boundary(s, e) || hits[after..names].first().is_some_and(|h| h.start < e) {
                continue;
            }
            hits.push(LexHit {
                start: s,
                end: e,
                entry: self.acronym_targets[m.pattern().as_usize()],
                acronym: true,
            });
        }
        hits.sort_by_key(|h| (h.start, h.end));
        // a short alias coordinated into a longer name is part of that name
        // ("Homeland Security and Justice"), unless another known name follows the "and"
        let starts: std::collections::HashSet<usize> = hits.iter().map(|h| h.start).collect();
        hits.retain(|h| {
            let next = h.end + " and ".len();
            let coordinated = text[h.end..]
                .strip_prefix(" and ")
                .is_some_and(|rest| rest.starts_with(char::is_uppercase));
            if !coordinated || h.acronym {
                return true;
            }
            let surface = &text[h.start..h.end];
            let short_alias = surface.split_whitespace().count() <= 2
                && name_key(surface) != name_key(&self.entries[h.entry].canonical);
            !short_alias || starts.contains(&next)
        });
        hits
    }
}

/// Whether every significant word of a name is capitalized (or it is all caps).
pub fn capitalized_like(surface: &str) -> bool {
    surface
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
        .all(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || !c.is_alphabetic())
                || with_lower(w, is_connector)
        })
}

/// Lower-case words allowed inside a capitalized name.
pub fn is_connector(w: &str) -> bool {
    CONNECTORS.contains(w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys() {
        for (name, input, want) in [
            (
                "us prefix",
                "U.S. Department of Homeland Security",
                "department of homeland security",
            ),
            (
                "ampersand",
                "Alcohol & Tobacco Tax",
                "alcohol and tobacco tax",
            ),
            ("the", "The White House", "white house"),
            (
                "punctuation",
                "Open Data Policy—Managing",
                "open data policy managing",
            ),
        ] {
            assert_eq!(name_key(input), want, "{name}");
        }
    }

    #[test]
    fn gazetteer_hits() {
        let lex = Lexicon::builtin();
        let cases: &[(&str, &str, &[&str])] = &[
            (
                "natural form",
                "the Department of Homeland Security said",
                &["Department of Homeland Security"],
            ),
            (
                "inverted form",
                "the Homeland Security Department said",
                &["Homeland Security Department"],
            ),
            ("acronym", "ICE agents and DHS", &["ICE", "DHS"]),
            ("acronym case", "on ice", &[]),
            (
                "lower-case agency name is not a name",
                "the office of management and budget",
                &[],
            ),
            (
                "lower-case doctrine",
                "use prosecutorial discretion now",
                &["prosecutorial discretion"],
            ),
            ("no partial word", "ICEBERG", &[]),
            (
                "a name wrapped over a line break",
                "the Cybersecurity and Infrastructure\nSecurity Agency said",
                &["Cybersecurity and Infrastructure\nSecurity Agency"],
            ),
            (
                "an ampersand for 'and'",
                "the Cybersecurity & Infrastructure Security Agency said",
                &["Cybersecurity & Infrastructure Security Agency"],
            ),
            (
                "a blank line ends a name",
                "the Department of\n\nHomeland Security",
                &["Homeland Security"],
            ),
        ];
        for (name, text, want) in cases {
            let got: Vec<&str> = lex
                .find(text)
                .iter()
                .map(|h| &text[h.start..h.end])
                .collect();
            assert_eq!(got, *want, "{name}");
        }
        let dhs = lex
            .lookup("U.S. Department of Homeland Security")
            .map(|i| lex.entries[i].canonical.as_str());
        assert_eq!(dhs, Some("Department of Homeland Security"));
        let ice = lex
            .lookup_acronym("ICE")
            .map(|i| lex.entries[i].parent.clone());
        assert_eq!(
            ice,
            Some(Some("Department of Homeland Security".to_string()))
        );
    }
}

#[cfg(test)]
mod user_file_tests {
    use super::*;

    #[test]
    fn user_gazetteer_adds_entries_and_reports_bad_lines() {
        let dir = tempfile::tempdir().unwrap();
        let good = dir.path().join("city.tsv");
        std::fs::write(
            &good,
            "# city agencies\nOffice of Widget Affairs\tWidget Office\tOWA\t\tAgency\nWidget Plan\t\t\t\tPolicy\n",
        )
        .unwrap();
        let lex = Lexicon::with_files(&[good.as_path()]).unwrap();
        let text = "The Widget Office and OWA run the Widget Plan.";
        let found: Vec<(&str, EntityClass)> = lex
            .find(text)
            .iter()
            .map(|h| (&text[h.start..h.end], lex.entries[h.entry].class))
            .collect();
        assert_eq!(
            found,
            [
                ("Widget Office", EntityClass::Agency),
                ("OWA", EntityClass::Agency),
                ("Widget Plan", EntityClass::Policy)
            ]
        );
        let bad = dir.path().join("bad.tsv");
        std::fs::write(&bad, "# header\nSomething\t\t\t\tWidget\n").unwrap();
        let err = Lexicon::with_files(&[bad.as_path()])
            .unwrap_err()
            .to_string();
        assert!(err.contains("bad.tsv:2") && err.contains("Widget"), "{err}");
    }
}
