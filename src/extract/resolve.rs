//! Stage 5: resolution. Mentions that share a key, or that rules linked
//! (acronym definitions, footnote citations, titles given with numbers), become
//! one entity with one canonical label; facts between mentions become relations
//! between entities, deduplicated and sorted.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use super::mentions::{class_key, Mention};
use super::relations::{Fact, FactObject};
use crate::model::{Entity, EntityClass, Evidence, Extraction, Object, Predicate, Relation};

struct Dsu(Vec<usize>);

impl Dsu {
    fn find(&mut self, x: usize) -> usize {
        let mut r = x;
        while self.0[r] != r {
            r = self.0[r];
        }
        let mut y = x;
        while self.0[y] != r {
            let next = self.0[y];
            self.0[y] = r;
            y = next;
        }
        r
    }
    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
            self.0[hi] = lo;
        }
    }
}

fn is_number_label(name: &str) -> bool {
    let b = name.as_bytes();
    name.starts_with("Executive Order ")
        || name.starts_with("Circular A-")
        || name.starts_with("Proclamation ")
        || (b.len() == 7 && b[0] == b'M' && b[1] == b'-' && b[4] == b'-')
}

/// Builds entities and relations from mentions and facts.
pub fn resolve(
    mentions: &[Mention],
    links: &[(usize, usize, Option<EntityClass>)],
    facts: &[Fact],
    title: Option<String>,
) -> Extraction {
    let n = mentions.len();
    let mut dsu = Dsu((0..n).collect());
    let mut by_key: HashMap<&str, usize> = HashMap::new();
    for (i, m) in mentions.iter().enumerate() {
        match by_key.get(m.key.as_str()) {
            Some(&j) => dsu.union(i, j),
            None => {
                by_key.insert(&m.key, i);
            }
        }
    }
    // a name given as another's alias ("the ... Improvement Act (Dole Act)", then
    // "the Dole Act") is that entity
    let mut by_alias: HashMap<String, usize> = HashMap::new();
    for (i, m) in mentions.iter().enumerate() {
        // a mention keyed to another name (a short form defined in parentheses)
        // makes its own name an alias too
        let own = class_key(m.class, &m.name);
        let aliases = m.extra.iter().map(|e| class_key(m.class, e));
        for alias in aliases.chain((own != m.key).then_some(own)) {
            by_alias.entry(alias).or_insert(i);
        }
    }
    for (i, m) in mentions.iter().enumerate() {
        if let Some(&j) = by_alias.get(&m.key) {
            dsu.union(i, j);
        }
    }
    let mut forced: HashMap<usize, EntityClass> = HashMap::new();
    for &(a, b, class) in links {
        if a < n && b < n {
            dsu.union(a, b);
            if let Some(c) = class {
                forced.insert(a, c);
            }
        }
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..n {
        let r = dsu.find(i);
        groups.entry(r).or_default().push(i);
    }
    let mut entities: Vec<(Entity, Vec<usize>)> = Vec::new();
    for (_, members) in groups {
        let named: Vec<usize> = members
            .iter()
            .copied()
            .filter(|&m| !mentions[m].anaphor)
            .collect();
        if named.is_empty() {
            continue;
        }
        // class: a class forced by a link, else the class of the highest-priority mention
        let class = members
            .iter()
            .find_map(|m| forced.get(m).copied())
            .unwrap_or_else(|| {
                named
                    .iter()
                    .map(|&m| &mentions[m])
                    .max_by_key(|m| (m.priority, m.span.end - m.span.start))
                    .map_or(EntityClass::Agency, |m| m.class)
            });
        let canonical = named.iter().find_map(|&m| mentions[m].canonical.clone());
        let mut names: BTreeSet<String> = BTreeSet::new();
        for &m in &named {
            names.insert(clean_name(&mentions[m].name));
            for e in &mentions[m].extra {
                names.insert(clean_name(e));
            }
        }
        names.retain(|s| !s.is_empty());
        let label = canonical.clone().unwrap_or_else(|| {
            let first = named
                .iter()
                .map(|&m| &mentions[m])
                .max_by_key(|m| (m.priority, std::cmp::Reverse(m.span.start)));
            match class {
                EntityClass::Memo => names
                    .iter()
                    .find(|s| is_number_label(s))
                    .cloned()
                    .unwrap_or_else(|| first.map(|m| clean_name(&m.name)).unwrap_or_default()),
                EntityClass::Person => names
                    .iter()
                    .max_by_key(|s| (s.split_whitespace().count(), s.len()))
                    .cloned()
                    .unwrap_or_default(),
                // (an act's name, not its number: "Public Law 86-463" is its altLabel)
                _ => names
                    .iter()
                    .filter(|s| s.chars().any(char::is_lowercase))
                    .max_by_key(|s| {
                        let number = s.starts_with("Public Law ") || s.starts_with("Private Law ");
                        (!number, s.len(), std::cmp::Reverse((*s).clone()))
                    })
                    .or_else(|| names.iter().next())
                    .cloned()
                    .unwrap_or_default(),
            }
        });
        if label.is_empty() {
            continue;
        }
        let mut spans: Vec<_> = members
            .iter()
            .map(|&m| mentions[m].span)
            .filter(|s| s.start < s.end)
            .collect();
        spans.sort();
        spans.dedup();
        let rule = named
            .iter()
            .map(|&m| &mentions[m])
            .min_by_key(|m| m.span.start)
            .map_or("", |m| m.rule);
        names.remove(&label);
        entities.push((
            Entity {
                class,
                label,
                alt_labels: names,
                mentions: spans,
                rule,
            },
            members,
        ));
    }
    // merge entities that ended up with the same class and label (e.g. two acronyms of one agency)
    entities.sort_by(|a, b| (a.0.class, &a.0.label).cmp(&(b.0.class, &b.0.label)));
    let mut merged: Vec<(Entity, Vec<usize>)> = Vec::new();
    for (e, ms) in entities {
        if let Some(last) = merged.last_mut() {
            if last.0.class == e.class
                && crate::rdf::slug(&last.0.label) == crate::rdf::slug(&e.label)
            {
                last.0.alt_labels.extend(e.alt_labels);
                last.0.mentions.extend(e.mentions);
                last.0.mentions.sort();
                last.0.mentions.dedup();
                last.1.extend(ms);
                continue;
            }
        }
        merged.push((e, ms));
    }
    let mut entity_of = vec![usize::MAX; n];
    for (i, (_, ms)) in merged.iter().enumerate() {
        for &m in ms {
            entity_of[m] = i;
        }
    }
    let mut relations: Vec<Relation> = Vec::new();
    let mut seen: BTreeSet<(usize, Predicate, Object)> = BTreeSet::new();
    let mut sorted_facts: Vec<&Fact> = facts.iter().collect();
    sorted_facts.sort_by_key(|f| (f.evidence.start, f.evidence.end, f.rule));
    for f in sorted_facts {
        let Some(&s) = entity_of.get(f.subject).filter(|&&s| s != usize::MAX) else {
            continue;
        };
        let object = match &f.object {
            FactObject::Mention(o) => match entity_of.get(*o) {
                Some(&o) if o != usize::MAX && o != s => Object::Entity(o),
                _ => continue,
            },
            FactObject::Date(d) => Object::Date(*d),
            FactObject::Bool(b) => Object::Bool(*b),
            FactObject::Text(t) => Object::Text(t.clone()),
        };
        if !domain_ok(merged[s].0.class, f.predicate, &object, &merged) {
            continue;
        }
        if seen.insert((s, f.predicate, object.clone())) {
            relations.push(Relation {
                subject: s,
                predicate: f.predicate,
                object,
                evidence: Evidence {
                    sentence: f.evidence,
                    rule: f.rule,
                },
            });
        }
    }
    // one issue date per memo: keep the most precise, earliest-evidenced one
    let mut best_date: HashMap<usize, (u8, usize)> = HashMap::new();
    for (i, r) in relations.iter().enumerate() {
        if let (Predicate::Issued, Object::Date(d)) = (r.predicate, &r.object) {
            let precision = u8::from(d.month.is_some()) + u8::from(d.day.is_some());
            let e = best_date.entry(r.subject).or_insert((precision, i));
            if precision > e.0 {
                *e = (precision, i);
            }
        }
    }
    let mut keep_idx = 0;
    relations.retain(|r| {
        let i = keep_idx;
        keep_idx += 1;
        r.predicate != Predicate::Issued || best_date.get(&r.subject).is_none_or(|&(_, j)| j == i)
    });
    // a memo that replaces another does not merely reference it
    let replaced: HashSet<(usize, Object)> = relations
        .iter()
        .filter(|r| r.predicate == Predicate::Replaces)
        .map(|r| (r.subject, r.object.clone()))
        .collect();
    relations.retain(|r| {
        r.predicate != Predicate::References || !replaced.contains(&(r.subject, r.object.clone()))
    });
    relations.sort_by(|a, b| {
        (a.subject, a.predicate, &a.object).cmp(&(b.subject, b.predicate, &b.object))
    });
    Extraction {
        title,
        entities: merged.into_iter().map(|(e, _)| e).collect(),
        relations,
    }
}

/// A name as scraped twice-escaped ("Nation\\u2019s"): the escape read as its character.
fn unescape_literal(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains("\\u") {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find("\\u") {
        out.push_str(&rest[..i]);
        let hex = rest.get(i + 2..i + 6);
        match hex
            .and_then(|h| u32::from_str_radix(h, 16).ok())
            .and_then(char::from_u32)
        {
            Some(c) => {
                out.push(c);
                rest = &rest[i + 6..];
            }
            None => {
                out.push_str("\\u");
                rest = &rest[i + 2..];
            }
        }
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

/// A scraped name or title as printed: twice-escaped characters read
/// ("Nation\\u2019s"), characters that print as nothing dropped (they split
/// no word and join none: a word joiner in "COVID-\u{2060}19", a soft
/// hyphen, a zero-width space, a BOM), and runs of white space one space.
pub fn printed_words(s: &str) -> String {
    let s = unescape_literal(s);
    let s: String = s
        .chars()
        .filter(|c| {
            !matches!(
                c,
                '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{ad}'
            )
        })
        .collect();
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn clean_name(s: &str) -> String {
    let s = printed_words(s);
    // a title set in markdown italics that runs over lines ("Needs_\n_Assessment",
    // "Anti-_\n_Retaliation") is one title: the closing and reopening marks go
    let s = s.replace("-_ _", "-").replace("_ _", " ");
    let junk = |c: char| {
        matches!(
            c,
            ',' | ';' | ':' | '"' | '\u{201c}' | '\u{201d}' | '(' | ')'
        )
    };
    let whole = s.as_str();
    let start = whole.len() - whole.trim_start_matches(junk).len();
    let mut s = whole[start..].trim_end_matches(junk);
    // a closing parenthesis that closes one inside stays ("… 8 U.S.C. § 1325(a)")
    if s.matches('(').count() > s.matches(')').count() && whole[start + s.len()..].starts_with(')')
    {
        s = &whole[start..=start + s.len()];
    }
    let s = s
        .strip_prefix("the ")
        .or_else(|| s.strip_prefix("The "))
        .filter(|r| r.len() > 3)
        .unwrap_or(s);
    // "Joseph R. Biden, Jr.", "Joseph R. Biden Jr" and "Joseph R. Biden Jr." are one spelling
    let s = s.replace(", Jr", " Jr").replace(", Sr", " Sr");
    let s = match s.strip_suffix(" JR").or_else(|| s.strip_suffix(" JR.")) {
        Some(name) if name.chars().any(char::is_lowercase) => format!("{name} Jr"),
        _ => s,
    };
    let body = s.trim_end_matches('.').trim();
    body.to_string()
        + if body.ends_with(" Jr") || body.ends_with(" Sr") || s.ends_with(" Inc.") {
            "."
        } else {
            ""
        }
}

/// Whether a relation fits the schema's domain and range.
fn domain_ok(
    subject: EntityClass,
    p: Predicate,
    o: &Object,
    ents: &[(Entity, Vec<usize>)],
) -> bool {
    use EntityClass::*;
    let oc = match o {
        Object::Entity(i) => Some(ents[*i].0.class),
        _ => None,
    };
    match p {
        Predicate::SubOrganizationOf | Predicate::SucceededBy => {
            subject == Agency && oc == Some(Agency)
        }
        Predicate::MemberOf | Predicate::HeadOf => {
            subject == Person && matches!(oc, Some(Agency | Organization))
        }
        Predicate::JobTitle => subject == Person,
        Predicate::Creator => subject == Memo && matches!(oc, Some(Person | Agency | Organization)),
        Predicate::Issued => subject == Memo,
        Predicate::AddressedTo => {
            subject == Memo && matches!(oc, Some(Agency | Person | Organization))
        }
        Predicate::Concerns => subject == Memo && oc == Some(Policy),
        Predicate::References => subject == Memo && oc == Some(Memo),
        Predicate::Replaces => subject == Memo && matches!(oc, Some(Memo | Policy)),
        Predicate::Implements => matches!(subject, Agency | Organization) && oc == Some(Policy),
        Predicate::FoundingDate | Predicate::Defunct => subject == Agency,
    }
}

#[cfg(test)]
mod tests {
    use super::clean_name;

    #[test]
    fn names_are_cleaned() {
        // (case, raw name, clean name)
        let cases: &[(&str, &str, &str)] = &[
            (
                "spaces collapse",
                "Office of\n  Management",
                "Office of Management",
            ),
            ("a stray comma goes", "Border Patrol,", "Border Patrol"),
            (
                "italics broken over lines join",
                "Ukrainian Arrivals_\n_Needs Assessment of Anti-_\n_Retaliation",
                "Ukrainian Arrivals Needs Assessment of Anti-Retaliation",
            ),
            (
                "an outer parenthesis goes",
                "(Global Tax Deal)",
                "Global Tax Deal",
            ),
            (
                "a parenthesis closing one inside stays",
                "Offenses Under 8 U.S.C. § 1325(a)",
                "Offenses Under 8 U.S.C. § 1325(a)",
            ),
            ("a leading article goes", "the Privacy Act", "Privacy Act"),
            (
                "a twice-escaped character is read",
                "Our Nation\\u2019s Workers \\uZZ",
                "Our Nation\u{2019}s Workers \\uZZ",
            ),
            (
                "characters that print as nothing go, escaped or not",
                "Effects of COVID-\\u206019 and\u{ad} COVID-\u{2060}19\u{feff}",
                "Effects of COVID-19 and COVID-19",
            ),
            (
                "Jr. keeps its period",
                "Joseph R. Biden, Jr.",
                "Joseph R. Biden Jr.",
            ),
            (
                "Jr without a period gets one",
                "Joseph R. Biden Jr",
                "Joseph R. Biden Jr.",
            ),
            (
                "a comma before Jr without a period goes",
                "Joseph R. Biden, Jr",
                "Joseph R. Biden Jr.",
            ),
            (
                "an upper-case JR after a mixed-case name",
                "Walter J. Ellison JR",
                "Walter J. Ellison Jr.",
            ),
            (
                "a name ending in Jr letters is no suffix",
                "Office of Planning and Jrn",
                "Office of Planning and Jrn",
            ),
        ];
        for (name, raw, want) in cases {
            assert_eq!(clean_name(raw), *want, "{name}");
        }
    }
}
