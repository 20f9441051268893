//! Rule- and lexicon-based extraction: a stage pipeline.
//!
//! 1. [`structure`]: title line, memo header fields, signature, notes;
//! 2. [`text`]: tokens and sentences;
//! 3. [`lexicon`] + [`mentions`]: gazetteer hits, acronym definitions, names
//!    classified by head word, memo numbers, people, administrations;
//! 4. [`relations`]: patterns over the mentions of a sentence and the
//!    document structure, each with a rule id;
//! 5. [`resolve`]: one entity per real-world thing, deduplicated relations.
//!
//! Every stage is deterministic; the output is a pure function of the
//! document and the lexicon.

pub mod dates;
pub mod lexicon;
pub mod mentions;
pub mod pattern;
pub mod presidents;
pub mod programs;
pub mod relations;
pub mod resolve;
pub mod structure;
pub mod text;
pub mod words;

use crate::extract::words::{Words, NAME_TITLES};
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

use crate::error::Result;
use crate::model::{Document, EntityClass, Extraction, Span};
use lexicon::Lexicon;
use mentions::{class_key, person_key, surname, Mention};
use pattern::RuleSet;

/// Configures an [`Extractor`].
#[derive(Debug, Clone, Default)]
pub struct ExtractorBuilder {
    gazetteers: Vec<PathBuf>,
    rules: Vec<PathBuf>,
}

impl ExtractorBuilder {
    /// Adds a user gazetteer file (see [`lexicon`] for its format).
    pub fn gazetteer(mut self, path: impl Into<PathBuf>) -> Self {
        self.gazetteers.push(path.into());
        self
    }
    /// Adds a user rule file (see [`pattern`] for its format).
    pub fn rules(mut self, path: impl Into<PathBuf>) -> Self {
        self.rules.push(path.into());
        self
    }
    /// Builds the extractor (loads the built-in data and the user files).
    pub fn build(self) -> Result<Extractor> {
        let paths: Vec<&std::path::Path> = self.gazetteers.iter().map(PathBuf::as_path).collect();
        let rules: Vec<&std::path::Path> = self.rules.iter().map(PathBuf::as_path).collect();
        Ok(Extractor {
            lex: Arc::new(Lexicon::with_files(&paths)?),
            rules: if rules.is_empty() {
                RuleSet::builtin()
            } else {
                Arc::new(RuleSet::with_files(&rules)?)
            },
        })
    }
}

/// Extracts entities and relations from documents. Cheap to clone and share across threads.
#[derive(Debug, Clone)]
pub struct Extractor {
    lex: Arc<Lexicon>,
    rules: Arc<RuleSet>,
}

impl Extractor {
    /// A builder.
    pub fn builder() -> ExtractorBuilder {
        ExtractorBuilder::default()
    }

    /// An extractor with the built-in data only.
    pub fn new() -> Self {
        Self {
            lex: Arc::new(Lexicon::builtin()),
            rules: RuleSet::builtin(),
        }
    }

    /// The rules of the pattern language this extractor runs (built-in and the user's).
    pub fn rule_set(&self) -> &RuleSet {
        &self.rules
    }

    /// Where a rule of the pattern language is defined (`data/rules/defunct.toml:12`),
    /// or None for a rule written in code.
    pub fn rule_origin(&self, rule: &str) -> Option<String> {
        self.rules.get(rule).map(pattern::Rule::origin)
    }

    /// Extracts one document. A pure function of the document.
    pub fn extract(&self, doc: &Document) -> Extraction {
        // (the U.S. Code's footnote numbers blanked in place: no name reads them)
        let blanked = text::blank_footnote_marks(&doc.text);
        let text = blanked.as_deref().unwrap_or(doc.text.as_str());
        let lex = &*self.lex;
        let st = structure::analyze(text);
        let seg = text::segment(text);
        let dates = dates::find_dates(text, doc.date);
        let mut cands = mentions::find_candidates(text, &seg, lex);
        // a "Memorandum for THE SECRETARY …" header field addresses the memo; it names no other memo
        cands.retain(|c| {
            c.class != EntityClass::Memo
                || !st.fields.iter().any(|&(f, content)| {
                    f == structure::Field::To
                        && c.span.start < content.start
                        && c.span.end > content.start
                        && text[c.span.start..content.start]
                            .to_ascii_lowercase()
                            .starts_with("memorandum")
                })
        });
        cands.extend(layout_mentions(text, &st, lex));
        acts_with_year(text, &mut cands);
        cands.extend(programs::find(text, lex, relations::is_us_state));
        let title_text = st.title.map(|t| text[t.start..t.end].trim().to_string());
        if st.is_memo || doc.title.as_deref().and_then(given_memo_name).is_some() {
            if let Some(m) = document_memo(text, &st, doc, &cands) {
                cands.push(m);
            }
        }
        // policies and known bodies named inside the document's own title or
        // subject are mentions too
        let inner_policies: Vec<Mention> = match cands.iter().find(|c| c.rule == "memo.document") {
            Some(d) => cands
                .iter()
                .filter(|c| {
                    // (not the title itself: "M-15-13 Policy to Require Secure Connections …")
                    // (and the known bodies it names: "Letter to the Speaker of the
                    // House of Representatives …")
                    (c.class == EntityClass::Policy
                        || matches!(c.class, EntityClass::Agency | EntityClass::Organization)
                            && c.canonical.is_some())
                        && d.span.contains(c.span)
                        && c.span != d.span
                        // ("Privacy Act of 1974; Notice of …" names the act it concerns)
                        && (c.span.start != d.span.start || text[c.span.end..].starts_with(';'))
                        && !c.name.contains(d.name.as_str())
                })
                .cloned()
                .collect(),
            None => Vec::new(),
        };
        // a document memo named only by the title given with the document (JSON
        // Lines, HTML) has no span in the text, and overlaps nothing
        let unplaced_doc = cands
            .iter()
            .find(|c| c.rule == "memo.document" && c.span.start >= c.span.end)
            .cloned();
        drop_headlines(&mut cands);
        let mut kept = mentions::resolve_overlaps(cands);
        listed_names(text, lex, &mut kept);
        organizations_units(text, &mut kept);
        agencies_units(text, &mut kept);
        chamber_committees(text, &mut kept);
        public_law_aliases(text, &mut kept);
        presidents_bodies(text, lex, &mut kept);
        established_bodies(text, lex, &mut kept);
        kept.extend(unplaced_doc);
        for p in mentions::resolve_overlaps(inner_policies) {
            let mut p = p;
            if p.class == EntityClass::Policy {
                p.rule = "memo.title-policy";
            }
            kept.push(p);
        }
        kept.sort_by_key(|m| (m.span.start, m.span.end));
        add_surnames(text, &seg, lex, doc.date, &mut kept);
        let doc_memo = kept.iter().position(|m| m.rule == "memo.document");
        add_anaphors(text, &seg, &mut kept, doc_memo);
        let doc_memo = kept.iter().position(|m| m.rule == "memo.document");
        let low = relations::Lowered::new(text, &seg);
        let mut ctx =
            relations::Ctx::new(text, &seg, lex, &st, &dates, doc.date, kept, doc_memo, &low);
        self.rules.apply_early(&mut ctx);
        ctx.run(&|ctx| self.rules.apply_authors(ctx));
        self.rules.apply_late(&mut ctx);
        // (after every rule, built-in or from a file: the lists they begin)
        ctx.coordinated_lists();
        let title = doc.title.clone().or(title_text);
        resolve::resolve(&ctx.mentions, &ctx.links, &ctx.facts, title)
    }
}

impl Default for Extractor {
    fn default() -> Self {
        Self::new()
    }
}

/// Mentions that the page layout gives: the people and bodies of address
/// blocks (a committee named under a chamber is that chamber's: "Senate
/// Committee on Appropriations"), and authors written surname first.
fn layout_mentions(text: &str, st: &structure::Structure, lex: &Lexicon) -> Vec<Mention> {
    let mut out = Vec::new();
    for (span, name) in &st.inverted_names {
        let mut m = Mention::new(
            *span,
            EntityClass::Person,
            name.clone(),
            "person.author-field",
            95,
        );
        m.key = person_key(name);
        out.push(m);
    }
    // "Jane Doe, Nominee for Assistant Secretary …" at the start of a line: a
    // person, whatever the first-name list says
    // (the regex scans every line start; most documents have no nominee line)
    let nominees = if text.contains(", Nominee for ") {
        nominee_regex().captures_iter(text).collect()
    } else {
        Vec::new()
    };
    for caps in nominees {
        if let Some(n) = caps.get(1) {
            let mut m = Mention::new(
                Span::new(n.start(), n.end()),
                EntityClass::Person,
                n.as_str(),
                "person.nominee-line",
                95,
            );
            m.key = person_key(n.as_str());
            out.push(m);
        }
    }
    // "United States Court of Appeals" / "For the First Circuit": a court's
    // heading wrapped over two lines, in any case, is the circuit's court
    // (also "In the …", "FOR THE" / "SECOND CIRCUIT" over three lines, and
    // the filing stamp's "U.S. Court of Appeals" / "Eleventh Circuit")
    for caps in court_heading_regex().captures_iter(text) {
        let (Some(all), Some(circuit)) = (caps.get(0), caps.get(1)) else {
            continue;
        };
        let circuit = circuit
            .as_str()
            .split_whitespace()
            .map(|w| match w.to_lowercase().as_str() {
                "of" => "of".to_string(),
                lower => relations::upper_first(lower),
            })
            .collect::<Vec<_>>()
            .join(" ");
        let name = format!("United States Court of Appeals for the {circuit}");
        let span = Span::new(
            all.start() + (all.len() - all.as_str().trim_start().len()),
            all.end(),
        );
        out.push(court_mention(span, name, lex));
    }
    // "APPEAL FROM THE UNITED STATES DISTRICT COURT" / "FOR THE DISTRICT OF
    // MAINE", "Appealed from: United States District Court for the Western
    // District of Washington": the district court an appeal comes from
    for caps in district_court_regex().captures_iter(text) {
        let (Some(court), Some(district), Some(place)) = (caps.get(1), caps.get(2), caps.get(3))
        else {
            continue;
        };
        let title = |s: &str| {
            s.split_whitespace()
                .map(|w| match w.to_lowercase().as_str() {
                    "of" => "of".to_string(),
                    lower => relations::upper_first(lower),
                })
                .collect::<Vec<_>>()
                .join(" ")
        };
        let place = title(place.as_str());
        if !relations::is_us_state(&place) && place != "Columbia" {
            continue;
        }
        let name = format!(
            "United States District Court for the {}",
            title(district.as_str())
        );
        out.push(court_mention(
            Span::new(court.start(), district.end()),
            name,
            lex,
        ));
    }
    // "IN THE SUPREME COURT OF NORTH CAROLINA" on a line of its own: the
    // state's highest court (not the Supreme Court of the United States)
    for caps in state_supreme_court_regex().captures_iter(text) {
        let (Some(all), Some(state)) = (caps.get(0), caps.get(1)) else {
            continue;
        };
        let state = state
            .as_str()
            .split_whitespace()
            .map(|w| relations::upper_first(&w.to_lowercase()))
            .collect::<Vec<_>>()
            .join(" ");
        if !relations::is_us_state(&state) {
            continue;
        }
        let name = format!("Supreme Court of {state}");
        let span = Span::new(
            all.start() + (all.len() - all.as_str().trim_start().len()),
            all.end(),
        );
        let mut m = Mention::new(
            span,
            EntityClass::Agency,
            name.clone(),
            "agency.court-heading",
            90,
        );
        m.key = class_key(EntityClass::Agency, &name);
        out.push(m);
    }
    // a letter written out in the document, named by its date like "the
    // February 27, 2007 letter" in the text around it
    for letter in &st.letters {
        let date = text[letter.date.start..letter.date.end]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        out.push(Mention::new(
            letter.date,
            EntityClass::Memo,
            format!("{date} letter"),
            "memo.letter",
            88,
        ));
    }
    for block in &st.address_blocks {
        for (span, _) in &block.people {
            let name = &text[span.start..span.end];
            let mut m = Mention::new(*span, EntityClass::Person, name, "person.address-block", 95);
            m.key = person_key(name);
            out.push(m);
        }
        let chamber = block.bodies.last().and_then(|b| {
            let l = &text[b.start..b.end];
            if l.contains("Senate") {
                Some("Senate")
            } else if l.contains("House") {
                Some("House")
            } else {
                None
            }
        });
        for b in &block.bodies {
            // (a name wrapped onto two lines is one name)
            let joined = text[b.start..b.end]
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            let line = joined.as_str();
            let name = match chamber {
                Some(c)
                    if !line.contains(c)
                        && (line.starts_with("Committee") || line.starts_with("Subcommittee")) =>
                {
                    format!("{c} {line}")
                }
                _ => line.to_string(),
            };
            let mut m = Mention::new(*b, EntityClass::Agency, name, "agency.address-block", 95);
            if let Some(e) = lex.lookup(line).map(|e| &lex.entries[e]) {
                m.class = e.class;
                m.take_entry(e);
            }
            out.push(m);
        }
    }
    out
}

/// A court named by a heading (`agency.court-heading`): the gazetteer's entry
/// when it knows the name, else a body of that name.
fn court_mention(span: Span, name: String, lex: &Lexicon) -> Mention {
    let mut m = Mention::new(
        span,
        EntityClass::Agency,
        name.clone(),
        "agency.court-heading",
        90,
    );
    match lex.lookup(&name) {
        Some(e) => m.take_entry(&lex.entries[e]),
        None => m.key = class_key(EntityClass::Agency, &name),
    }
    m
}

/// A press release's headline read as a name by its head word ("Justice
/// Department Announces New Policy on Corporate Compliance", "Department of
/// Energy Releases Clean Energy Rule …"): a sentence, not a policy or a body.
fn drop_headlines(kept: &mut Vec<Mention>) {
    static VERBS: words::Words = words::Words::new("headline_verbs");
    kept.retain(|m| {
        !(m.canonical.is_none()
            && matches!(
                m.class,
                EntityClass::Policy
                    | EntityClass::Agency
                    | EntityClass::Organization
                    | EntityClass::Memo
            )
            && m.rule.starts_with("pattern.")
            && m.name.split(' ').skip(1).any(|w| VERBS.contains(&w)))
    });
}

/// "Committee on Banking, Housing, and Urban Affairs", "Council on Sports,
/// Fitness, & Nutrition", "Bureau of Population, Refugees, and Migration": a
/// committee's, council's or office's name goes on over a list of capitalised
/// subjects closed by "and" or "&" (not over people: "…, Senator Roe, and
/// Senator Doe"; nor over bodies: "Department of Defense, Customs and Border
/// Protection"). The heads are `listed_subject_heads` of `data/words.toml`
/// (after "on") and `listed_field_heads` (after "of" or "for", when the name is
/// no known body's and the list holds no other name).
fn listed_names(text: &str, lex: &Lexicon, kept: &mut Vec<Mention>) {
    static ON_HEADS: words::Words = words::Words::new("listed_subject_heads");
    static FIELD_HEADS: words::Words = words::Words::new("listed_field_heads");
    // (a word: \p{Lu}[\p{L}’'-]*)
    static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let re = mentions::compiled(
        &RE,
        r"^(?:,\s+\p{Lu}[\p{L}’'-]*(?:\s+\p{Lu}[\p{L}’'-]*){0,3})+,?\s+(?:and|&)\s+\p{Lu}[\p{L}’'-]*(?:\s+\p{Lu}[\p{L}’'-]*){0,3}",
    );
    // (other names' spans: a list holding one is a list of names)
    let named: Vec<Span> = kept
        .iter()
        .filter(|m| !m.anaphor && (m.canonical.is_some() || m.class == EntityClass::Person))
        .map(|m| m.span)
        .collect();
    let mut grown: Vec<Span> = Vec::new();
    for m in kept.iter_mut() {
        // (the cheap tests first: this runs over every mention of every document)
        if !matches!(m.class, EntityClass::Agency | EntityClass::Organization)
            || m.anaphor
            || m.canonical.is_some()
            || !(m.name.contains(" on ") || m.name.contains(" of ") || m.name.contains(" for "))
        {
            continue;
        }
        let mut field = false;
        let listed_head = m.name.split(' ').collect::<Vec<_>>().windows(3).any(|w| {
            let on = w[1] == "on" && ON_HEADS.contains(w[0]);
            let of = matches!(w[1], "of" | "for") && FIELD_HEADS.contains(w[0]);
            field |= of && !on;
            (on || of) && w[2].starts_with(char::is_uppercase)
        });
        if !listed_head {
            continue;
        }
        let Some(x) = re.find(&text[m.span.end..]) else {
            continue;
        };
        const HEADS: [&str; 16] = [
            "Committee",
            "Subcommittee",
            "Council",
            "Commission",
            "Foundation",
            "Administration",
            "Department",
            "Agency",
            "Office",
            "Bureau",
            "Service",
            "Institute",
            "Association",
            "Center",
            "University",
            "Board",
        ];
        // (a list holding another name's head word is a list of names: "…
        // Council on Rural Development, Farm and Wilderness Foundation")
        let list = x.as_str();
        let words: Vec<&str> = list
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter(|w| !w.is_empty())
            .collect();
        if words
            .iter()
            .any(|w| *w == "The" || HEADS.contains(w) || mentions::is_title_word(w))
        {
            continue;
        }
        let end = m.span.end + list.len();
        // (for a unit's subjects, no body's head word, even plural, no acronym,
        // place nor person: "Department of Labor, Occupational Safety and Health
        // Administration", "Council of Great City Schools, … Principals
        // Associations", "… Public Health and Fulton County, Dekalb County, and
        // Roe County Health Departments"; a list of acronyms names other bodies:
        // "Department of State, DOD, and USDA"; nor from a title: "Office of X
        // Associate Director for Education, Income and Labor NAME")
        if field
            && (words.iter().any(|w| {
                let one = w.strip_suffix('s').unwrap_or(w);
                mentions::is_body_head(w)
                    || mentions::is_body_head(one)
                    || matches!(*w, "County" | "City")
                    || relations::is_us_state(w)
                    || w.chars().all(|c| c.is_uppercase() || !c.is_alphabetic())
                    // (nor a person's name after the list: "… and Nuclear Safety Jane Roe")
                    || lex.is_first_name(w) && !lex.is_common_word(w)
            }) || m
                .name
                .split(' ')
                .any(|w| w.starts_with(char::is_uppercase) && mentions::is_title_word(w))
                || named.iter().any(|n| n.start >= m.span.end && n.start < end))
        {
            continue;
        }
        grown.push(Span::new(m.span.end, end));
        m.span = Span::new(m.span.start, end);
        m.name = text[m.span.start..end]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        match lex.lookup(&m.name) {
            Some(e) => {
                m.class = lex.entries[e].class;
                m.take_entry(&lex.entries[e]);
            }
            None => {
                // (the whole name's class: "Department of Nuclear, Plasma, and
                // Radiological Engineering" is a university's)
                if field {
                    let words: Vec<&str> = m.name.split(' ').collect();
                    if let Some(c @ (EntityClass::Agency | EntityClass::Organization)) =
                        mentions::classify(&words)
                    {
                        m.class = c;
                    }
                }
                m.key = class_key(m.class, &m.name);
            }
        }
    }
    if !grown.is_empty() {
        // (the words of the list are no mentions of their own)
        kept.retain(|m| {
            !grown
                .iter()
                .any(|g| g.contains(m.span) && g.start < m.span.start)
        });
    }
}

/// "the Bipartisan Policy Center’s Food and Nutrition Security Task Force", "the
/// ACLU’s Washington Legislative Office": a unit named with a government's head
/// word after a non-government body's possessive is that body's unit, an
/// organization (and so are the document's other mentions of the name).
fn organizations_units(text: &str, kept: &mut [Mention]) {
    let org_ends: std::collections::HashSet<usize> = kept
        .iter()
        .filter(|o| o.class == EntityClass::Organization && !o.anaphor)
        .map(|o| o.span.end)
        .collect();
    if org_ends.is_empty() {
        return;
    }
    // (owners named with an organization's head word: "… University", "… Foundation";
    // not "Centers for Disease Control" taken for one)
    let org_starts: std::collections::HashSet<usize> = kept
        .iter()
        .filter(|o| {
            o.class == EntityClass::Organization
                && !o.anaphor
                && o.name.split(' ').any(mentions::is_org_head)
        })
        .map(|o| o.span.start)
        .collect();
    let mut keys: Vec<String> = Vec::new();
    for m in kept.iter() {
        if m.class != EntityClass::Agency
            || m.canonical.is_some()
            || m.anaphor
            || !m.rule.starts_with("pattern.")
        {
            continue;
        }
        let owned = ["’s ", "'s ", "’ ", "' "].iter().any(|p| {
            m.span.start >= p.len()
                && org_ends.contains(&(m.span.start - p.len()))
                && text.get(m.span.start - p.len()..m.span.start) == Some(*p)
        });
        // "head of the Student Success Center in the Division of Academic Affairs,
        // at the University of …", "the Finance Committee of the … Foundation": a
        // unit with no government word, named right before "at" or "of" a
        // non-government body, is that body's
        let owned = owned
            || !mentions::has_government_word(&m.name)
                && owner_after(text, m.span.end).is_some_and(|s| org_starts.contains(&s));
        if owned && !keys.contains(&m.key) {
            keys.push(m.key.clone());
        }
    }
    if keys.is_empty() {
        return;
    }
    for m in kept.iter_mut() {
        if m.class == EntityClass::Agency && m.canonical.is_none() && keys.contains(&m.key) {
            m.class = EntityClass::Organization;
            m.key = class_key(m.class, &m.name);
        }
    }
}

/// "the Department’s Nuclear Risk Reduction Center", "NASA’s … Laboratory": a
/// body named after a government body's possessive, with no organization's head
/// word in its name ("University", "Foundation"), is that body's unit, an
/// agency (and so are the document's other mentions of the name).
fn agencies_units(text: &str, kept: &mut [Mention]) {
    let agency_ends: std::collections::HashSet<usize> = kept
        .iter()
        .filter(|a| a.class == EntityClass::Agency)
        .map(|a| a.span.end)
        .collect();
    if agency_ends.is_empty() {
        return;
    }
    let mut moved: HashMap<String, (EntityClass, String)> = HashMap::new();
    for m in kept.iter() {
        if m.class != EntityClass::Organization
            || m.canonical.is_some()
            || m.anaphor
            || !m.rule.starts_with("pattern.")
            || m.name.split(' ').any(mentions::is_org_head)
        {
            continue;
        }
        let owned = ["’s ", "'s "].iter().any(|p| {
            m.span.start >= p.len()
                && agency_ends.contains(&(m.span.start - p.len()))
                && text.get(m.span.start - p.len()..m.span.start) == Some(*p)
        });
        if owned {
            let key = class_key(EntityClass::Agency, &m.name);
            moved
                .entry(m.key.clone())
                .or_insert((EntityClass::Agency, key));
        }
    }
    move_keys(kept, &moved);
}

/// Where an owner's name starts after a unit's name that ends at `end`: after
/// "at" or "of", a comma before "at" and "the" after either ("…, at the
/// University of …", " of the Jewish Federation …").
fn owner_after(text: &str, end: usize) -> Option<usize> {
    let rest = text.get(end..)?;
    let r = rest.strip_prefix(',').unwrap_or(rest);
    let comma = r.len() < rest.len();
    let spaced = |r: &'_ str| r.len() > r.trim_start().len();
    if !spaced(r) {
        return None;
    }
    let r = r.trim_start();
    let r = match (r.strip_prefix("at"), r.strip_prefix("of")) {
        (Some(r), _) if spaced(r) => r,
        (None, Some(r)) if !comma && spaced(r) => r,
        _ => return None,
    };
    let r = r.trim_start();
    let r = match r.strip_prefix("the") {
        Some(t) if spaced(t) => t.trim_start(),
        _ => r,
    };
    Some(end + rest.len() - r.len())
}

/// "the Committee on the Judiciary of the Senate" is the "Senate Committee on
/// the Judiciary", not the House's committee of the same name; the document's
/// other mentions of that name are the same chamber's when it names only one.
fn chamber_committees(text: &str, kept: &mut [Mention]) {
    let chamber_after = |end: usize| {
        let rest = text[end..].trim_start();
        let rest = rest.strip_prefix("of")?.trim_start().strip_prefix("the")?;
        let rest = rest.trim_start();
        let word_end = |r: &str, w: &str| {
            r.strip_prefix(w)
                .is_some_and(|t| !t.starts_with(|c: char| c.is_alphanumeric()))
        };
        if word_end(rest, "Senate") {
            Some("Senate")
        } else if word_end(rest, "House of Representatives") {
            Some("House")
        } else {
            None
        }
    };
    let is_committee = |m: &Mention| {
        m.class == EntityClass::Agency
            && m.canonical.is_none()
            && (m.name.starts_with("Committee on ") || m.name.starts_with("Subcommittee on "))
    };
    // each committee name and the chambers the document puts it under
    let mut chambers: HashMap<String, Vec<&'static str>> = HashMap::new();
    for m in kept.iter().filter(|m| is_committee(m)) {
        if let Some(c) = chamber_after(m.span.end) {
            let cs = chambers.entry(m.name.clone()).or_default();
            if !cs.contains(&c) {
                cs.push(c);
            }
        }
    }
    if chambers.is_empty() {
        return;
    }
    for m in kept.iter_mut().filter(|m| is_committee(m)) {
        let c = match chamber_after(m.span.end) {
            Some(c) => c,
            None => match chambers.get(&m.name).map(Vec::as_slice) {
                Some([c]) => *c,
                _ => continue,
            },
        };
        m.name = format!("{c} {}", m.name);
        m.key = mentions::class_key(EntityClass::Agency, &m.name);
    }
}

/// "the President’s Intelligence Advisory Board", "President's Council of
/// Advisors on …": the possessive is the front of the body's name, not the
/// President's own mention.
fn presidents_bodies(text: &str, lex: &Lexicon, kept: &mut Vec<Mention>) {
    let mut fronts: Vec<Span> = Vec::new();
    let mut moved: HashMap<String, (EntityClass, String)> = HashMap::new();
    for m in kept.iter_mut() {
        if !matches!(m.class, EntityClass::Agency | EntityClass::Organization)
            || m.anaphor
            || m.canonical.is_some()
            || !m
                .name
                .split(' ')
                .any(|w| matches!(w, "Council" | "Committee" | "Commission" | "Board"))
        {
            continue;
        }
        let before = &text[..m.span.start];
        let Some(front) = ["President’s ", "President's "]
            .iter()
            .find(|f| before.ends_with(**f))
        else {
            continue;
        };
        let start = m.span.start - front.len();
        fronts.push(Span::new(start, m.span.start));
        m.span = Span::new(start, m.span.end);
        m.name = format!("{front}{}", m.name);
        let old_key = m.key.clone();
        match lex.lookup(&m.name) {
            Some(e) => {
                m.class = lex.entries[e].class;
                m.take_entry(&lex.entries[e]);
            }
            None => {
                // (the President's body is the government's: "President’s Export
                // Council", whatever its head word said without the front)
                // (not a non-government body's: "President’s Council of the
                // Ardent Foundation")
                let words: Vec<&str> = m.name.split(' ').collect();
                let owner = m.name.split_once(" of the ").and_then(|(_, owner)| {
                    mentions::classify(&owner.split(' ').collect::<Vec<_>>())
                });
                if owner != Some(EntityClass::Organization) {
                    if let Some(c) = mentions::classify(&words) {
                        m.class = c;
                        if c == EntityClass::Agency {
                            m.rule = "pattern.agency-head";
                        }
                    }
                }
                m.key = mentions::class_key(m.class, &m.name);
            }
        }
        if m.key != old_key {
            moved.insert(old_key, (m.class, m.key.clone()));
        }
    }
    move_keys(kept, &moved);
    if !fronts.is_empty() {
        // (a mention of "President" inside a name's new front is no longer one)
        kept.retain(|m| !fronts.iter().any(|f| f.contains(m.span)));
    }
}

/// "There is established a Testing Board", "There is hereby established within
/// the Department of X an Advisory Council": a body an order or a statute
/// establishes is the government's, whatever its head word says.
fn established_bodies(text: &str, lex: &Lexicon, kept: &mut [Mention]) {
    static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let re = mentions::compiled(
        &RE,
        // (any white space between the words: a line may break anywhere)
        r"\b[Tt]here\s+(?:is|are|shall\s+be)\s+(?:hereby\s+)?established(?:\s+(?:within|in|under)\s+[^.;:]{3,90}?,?)?\s+(?:an?|the)\s+$",
    );
    let mut moved: HashMap<String, (EntityClass, String)> = HashMap::new();
    for m in kept.iter_mut() {
        if m.class != EntityClass::Organization || m.anaphor || m.canonical.is_some() {
            continue;
        }
        let from = text::floor_boundary(text, m.span.start.saturating_sub(160));
        // (a fund an act establishes is no body: "a Thrift Savings Fund")
        let fund = m.name.ends_with(" Fund") || m.name.ends_with(" Account");
        if fund || !re.is_match(&text[from..m.span.start]) || lex.lookup(&m.name).is_some() {
            continue;
        }
        m.class = EntityClass::Agency;
        m.rule = "pattern.agency-established";
        let key = class_key(m.class, &m.name);
        moved.insert(std::mem::replace(&mut m.key, key.clone()), (m.class, key));
    }
    move_keys(kept, &moved);
}

/// A body renamed or reclassed by a stage takes its short names and later
/// mentions along (those still under its old key): "(Testing Board)", "the PMC".
fn move_keys(kept: &mut [Mention], moved: &HashMap<String, (EntityClass, String)>) {
    if moved.is_empty() {
        return;
    }
    for m in kept.iter_mut() {
        if let Some((class, key)) = moved.get(&m.key) {
            m.class = *class;
            m.key = key.clone();
        }
    }
}

/// "the Uyghur Human Rights Policy Act of 2020 (Public Law 116-145)", "the
/// PWEDA (PWEDA; P.L. 89-136)": the number in parentheses after an act names
/// the act (an alternative label of one entity).
fn public_law_aliases(text: &str, kept: &mut [Mention]) {
    // each number read as an act's name: the act's key and canonical name
    let mut named: HashMap<String, (String, Option<String>)> = HashMap::new();
    let mut aliased = vec![false; kept.len()];
    for i in 1..kept.len() {
        if kept[i].rule != "pattern.public-law" {
            continue;
        }
        let start = kept[i].span.start;
        let Some(open) = text[..start].rfind('(') else {
            continue;
        };
        // nothing in the parentheses before the number but an acronym: "(PWEDA; P.L. 89-136)"
        let inner = text[open + 1..start].trim();
        let inner_ok = inner.is_empty()
            || inner.len() <= 16
                && inner.ends_with([';', ','])
                && inner[..inner.len() - 1]
                    .chars()
                    .all(|c| c.is_alphanumeric() || matches!(c, '-' | '&' | '.'));
        if !inner_ok {
            continue;
        }
        // (between the act and the parenthesis: nothing, a comma, or its acronym and
        // year, "Harbor Development Reauthorization Act (HDRA) of 2024 (P.L. 118-999)")
        let joins = |between: &str| {
            let mut rest = between.trim_start();
            if let Some(r) = rest.strip_prefix('(') {
                let Some((acr, r)) = r.split_once(')') else {
                    return false;
                };
                if !acr.chars().all(|c| c.is_ascii_uppercase() || c == '-') {
                    return false;
                }
                rest = r.trim_start();
            }
            if let Some(r) = rest.strip_prefix("of ") {
                let year = r.trim_end();
                if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
                    return false;
                }
                rest = "";
            }
            matches!(rest.trim(), "" | ",")
        };
        let act = (0..i).rev().take(4).find(|&j| {
            let m = &kept[j];
            m.span.end <= open
                && m.class == EntityClass::Policy
                && !m.anaphor
                && m.rule != "pattern.public-law"
                && joins(&text[m.span.end..open])
        });
        if let Some(j) = act {
            let (key, canonical) = (kept[j].key.clone(), kept[j].canonical.clone());
            named.insert(kept[i].name.clone(), (key.clone(), canonical.clone()));
            let m = &mut kept[i];
            m.key = key;
            m.canonical = canonical;
            m.priority = 60;
            aliased[i] = true;
        }
    }
    // the same number elsewhere in the document ("Referenced Legislation: P.L. 118-272")
    for (m, aliased) in kept.iter_mut().zip(aliased) {
        if m.rule == "pattern.public-law" && !aliased {
            if let Some((key, canonical)) = named.get(&m.name) {
                m.key.clone_from(key);
                m.canonical.clone_from(canonical);
                m.priority = 60;
            }
        }
    }
}

/// "the Consolidated Appropriations Act, 2021": an act's year after a comma
/// is part of its name (appropriations acts are told apart by it).
fn acts_with_year(text: &str, cands: &mut [Mention]) {
    for c in cands.iter_mut() {
        if c.class != EntityClass::Policy || !c.name.ends_with(" Act") {
            continue;
        }
        let rest = &text[c.span.end..];
        let b = rest.as_bytes();
        let year = b.len() >= 6
            && b[0] == b','
            && b[1] == b' '
            && (rest[2..].starts_with("19") || rest[2..].starts_with("20"))
            && b[2..6].iter().all(u8::is_ascii_digit)
            && b.get(6).is_none_or(|x| !x.is_ascii_alphanumeric());
        if year {
            c.name = format!("{}, {}", c.name, &rest[2..6]);
            c.span.end += 6;
            c.key = class_key(EntityClass::Policy, &c.name);
        }
    }
}

fn court_heading_regex() -> &'static regex::Regex {
    static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    mentions::compiled(
        &RE,
        r"(?mi)^[ \t]*(?:in the |the )?(?:united states|u\.s\.) court of appeals[ \t]*\n(?:[ \t]*\n){0,2}[ \t]*(?:for the[ \t]*(?:\n(?:[ \t]*\n){0,2}[ \t]*)?)?((?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|district of columbia|federal) circuit)[ \t]*$",
    )
}

fn district_court_regex() -> &'static regex::Regex {
    static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    mentions::compiled(
        &RE,
        r"(?mi)^[ \t]*appeal(?:ed)? from:?[ \t]+(?:the[ \t]+)?((?:united states|u\.s\.) district court)[ \t]*\n?[ \t]*for the[ \t]+((?:(?:eastern|western|northern|southern|middle|central)[ \t]+)?district of[ \t]+([a-z]+(?: [a-z]+)?))[ \t]*(?:,|\.|$)",
    )
}

fn state_supreme_court_regex() -> &'static regex::Regex {
    static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    mentions::compiled(
        &RE,
        r"(?mi)^[ \t]*(?:in the |the )?supreme court of ([a-z]+(?: [a-z]+)?)[ \t]*$",
    )
}

fn nominee_regex() -> &'static regex::Regex {
    static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    mentions::compiled(
        &RE,
        r"(?m)^([A-Z][\w'\x{2019}.-]+(?: [A-Z][\w'\x{2019}.-]*){1,3}), Nominee for ",
    )
}

/// "Washington, DC 20528", "Ft. Snelling, MN 55111-4050": a line that ends
/// with a city, a state or district and a ZIP code.
fn ends_with_postal_address(line: &str) -> bool {
    let line = line.trim_end();
    let zip = line
        .rsplit(' ')
        .next()
        .unwrap_or("")
        .split('-')
        .next()
        .unwrap_or("");
    if zip.len() != 5 || !zip.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let before = line[..line.len() - line.rsplit(' ').next().unwrap_or("").len()].trim_end();
    let state = before.rsplit([' ', ',']).next().unwrap_or("");
    let state = state.replace('.', "");
    state.len() == 2 && state.bytes().all(|b| b.is_ascii_uppercase()) && before.contains(',')
}

/// The memo, order or letter a title given with a document names, if it names
/// one (`given_memo_title_words`, `given_memo_title_starts`), once a release's
/// headline or a statement about a memo is set aside (`structure::release_title`).
fn given_memo_name(t: &str) -> Option<&str> {
    static WORDS: Words = Words::new("given_memo_title_words");
    static STARTS: Words = Words::new("given_memo_title_starts");
    let t = structure::release_title(t)?;
    let l = t.to_lowercase();
    (WORDS.iter().any(|w| l.contains(w)) || STARTS.iter().any(|w| l.starts_with(w))).then_some(t)
}

/// Whether the memo number at `number` inside the title at `title` is one the
/// title cites ("Executive Order on Amending Executive Order 14007", "Revocation
/// of Executive Order 13801"), not the document's own: the word before it,
/// past a memo's kind ("Executive Order", "Proclamation"), is one of
/// `title_cited_number_leads`.
fn cited_in_title(text: &str, title: Span, number: Span) -> bool {
    static LEADS: Words = Words::new("title_cited_number_leads");
    static KIND_WORDS: Words = Words::new("memo_kind_modifiers");
    let before = &text[title.start..number.start];
    let name = &text[number.start..number.end];
    // (the number's mention may hold its kind: "Executive Order 14007")
    let mut words: Vec<String> = before
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect();
    if name.split_whitespace().count() == 1 {
        while words.last().is_some_and(|w| {
            words::MEMO_WORDS.contains(w.as_str()) || KIND_WORDS.contains(w.as_str())
        }) {
            words.pop();
        }
    }
    words.last().is_some_and(|w| LEADS.contains(w.as_str()))
}

/// The mention that stands for the document itself when it is a memo or order.
fn document_memo(
    text: &str,
    st: &structure::Structure,
    doc: &Document,
    cands: &[Mention],
) -> Option<Mention> {
    let subject = st
        .fields
        .iter()
        .find(|(f, _)| *f == structure::Field::Subject)
        .map(|&(_, s)| s);
    // a title given with the document (JSON Lines, HTML <title>) names it best
    if let Some(title) = doc.title.as_deref().and_then(given_memo_name) {
        let span = st
            .title
            .filter(|t| lexicon::name_key(&text[t.start..t.end]) == lexicon::name_key(title))
            .unwrap_or_default();
        let mut m = Mention::new(span, EntityClass::Memo, title.trim(), "memo.document", 100);
        if let Some(n) = cands
            .iter()
            .filter(|c| {
                c.rule == "memo.number"
                    && span.start < span.end
                    && span.contains(c.span)
                    && !cited_in_title(text, span, c.span)
            })
            .min_by_key(|c| c.span.start)
        {
            m.extra.push(n.name.clone());
        }
        m.key = class_key(EntityClass::Memo, &m.name);
        return Some(m);
    }
    // a letterhead read as the title line ("Homeland Security", a seal's words;
    // "… Washington, DC 20528") does not name the memo: its subject does
    let letterhead = |t: Span| {
        cands.iter().any(|c| {
            c.span == t && matches!(c.class, EntityClass::Agency | EntityClass::Organization)
        }) || ends_with_postal_address(&text[t.start..t.end])
    };
    // nor does a proclamation's preamble ("By the President of the United States
    // of America", "A Proclamation": `preamble_lines`), which every one shares
    static PREAMBLES: Words = Words::new("preamble_lines");
    let preamble = |t: Span| {
        let l = text[t.start..t.end]
            .trim()
            .trim_end_matches(['.', ':'])
            .to_lowercase();
        PREAMBLES
            .iter()
            .any(|p| l.split_whitespace().eq(p.split_whitespace()))
    };
    let title = st.title.filter(|&t| !letterhead(t) && !preamble(t));
    let (span, name) = match (title, subject, &doc.title) {
        (Some(t), _, _) => {
            let line = text[t.start..t.end]
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            // ("FACT SHEET: Executive Order on X": the order)
            let name = structure::release_title(&line).unwrap_or(&line);
            (t, name.trim_end_matches('.').to_string())
        }
        (None, Some(s), _) => (
            s,
            text[s.start..s.end]
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "),
        ),
        (None, None, Some(title)) => (Span::new(0, 0), title.clone()),
        _ => return None,
    };
    static MEMO_KINDS: Words = Words::new("memo_kind_words");
    let number = cands
        .iter()
        .filter(|c| {
            c.rule == "memo.number" && span.contains(c.span) && !cited_in_title(text, span, c.span)
        })
        .min_by_key(|c| c.span.start)
        .or_else(|| {
            // a number alone on a header line before the title ("PM-602-0050.1"):
            // the document's own
            cands
                .iter()
                .filter(|c| c.rule == "memo.number" && c.span.end <= span.start)
                .filter(|c| c.span.start < 2000)
                .find(|c| {
                    let line_start = text[..c.span.start].rfind('\n').map_or(0, |i| i + 1);
                    let line_end = text[c.span.end..]
                        .find('\n')
                        .map_or(text.len(), |i| c.span.end + i);
                    // (or after its kind written out: "Binding Operational
                    // Directive BOD 18-02")
                    let before = text[line_start..c.span.start].trim();
                    let kind_words = before.split_whitespace().count() <= 4
                        && before.split_whitespace().all(|w| {
                            w.chars().all(char::is_alphabetic) && w.starts_with(char::is_uppercase)
                        })
                        && before
                            .rsplit(' ')
                            .next()
                            .map(str::to_lowercase)
                            // (OCR runs words together: "OperationalDirective")
                            .is_some_and(|w| MEMO_KINDS.iter().any(|k| w.ends_with(k)));
                    (before.is_empty() || kind_words)
                        && text[c.span.end..line_end].trim().is_empty()
                })
        });
    let mut m = match number {
        Some(n) => {
            let mut m = Mention::new(
                span,
                EntityClass::Memo,
                n.name.clone(),
                "memo.document",
                100,
            );
            m.extra.push(name.clone());
            // "M-13-13 — Memorandum for ...": the rest of the title is a name too
            let rest = text[n.span.end.min(span.end)..span.end].trim_start_matches(|c: char| {
                c.is_whitespace() || matches!(c, '—' | '–' | '-' | ':' | ',')
            });
            if span.contains(n.span) && rest.len() > 8 && rest.starts_with(char::is_uppercase) {
                m.extra.push(rest.trim().to_string());
            }
            m.extra.extend(n.extra.iter().cloned());
            m
        }
        None => Mention::new(span, EntityClass::Memo, name, "memo.document", 100),
    };
    if let Some(sub) = st
        .subtitle
        .filter(|_| m.span == st.title.unwrap_or_default())
    {
        m.extra.push(text[sub.start..sub.end].trim().to_string());
    }
    // a title given with the document names it too ("Executive Order 14412" in the
    // text, "Securing the Nation …" as the JSON Lines title)
    if let Some(t) = doc.title.as_deref().map(str::trim) {
        if !t.is_empty()
            && lexicon::name_key(t) != lexicon::name_key(&m.name)
            && !m
                .extra
                .iter()
                .any(|x| lexicon::name_key(x) == lexicon::name_key(t))
        {
            m.extra.push(t.to_string());
        }
    }
    // a number given in the header's metadata ("Report: GAO-26-107682 | …") is the document's
    if let Some(num) = st.doc_number {
        for c in cands
            .iter()
            .filter(|c| c.rule == "memo.number" && num.contains(c.span))
        {
            m.extra.push(c.name.clone());
        }
    }
    m.key = class_key(EntityClass::Memo, &m.name);
    Some(m)
}

/// For each token, whether a mention covers part of it (a linear-time
/// replacement for asking every mention whether it overlaps the token).
fn covered_tokens(seg: &text::Segmented, kept: &[Mention]) -> Vec<bool> {
    let mut covered = vec![false; seg.tokens.len()];
    for m in kept {
        if m.span.start >= m.span.end {
            continue;
        }
        // the first token ending after the mention's start, up to the last starting before its end
        let first = seg.tokens.partition_point(|t| t.span.end <= m.span.start);
        for (k, t) in seg.tokens.iter().enumerate().skip(first) {
            if t.span.start >= m.span.end {
                break;
            }
            covered[k] = true;
        }
    }
    covered
}

/// Surname-only mentions of people named in full elsewhere in the document.
fn add_surnames(
    text: &str,
    seg: &text::Segmented,
    lex: &Lexicon,
    date: Option<crate::model::Date>,
    kept: &mut Vec<Mention>,
) {
    // surname -> (key, name) of the first person named in full with it
    let mut persons: HashMap<String, (String, String)> = HashMap::new();
    // (the surnames in capitals, read only as a transcript's speaker: "MR. ROE:")
    let mut caps: HashMap<String, (String, String)> = HashMap::new();
    for m in kept
        .iter()
        .filter(|m| m.class == EntityClass::Person && m.name.split_whitespace().count() >= 2)
    {
        let last = surname(&m.name);
        persons
            .entry(last.to_string())
            .or_insert_with(|| (m.key.clone(), m.name.clone()));
        // (a court's caption writes the surname in capitals, its text not:
        // "Jane ROE, Circuit Judge" and "Judge Roe"; and the other way round)
        // (a real surname: not "GROUP" of a firm taken for a person)
        let titled = mentions::title_case_name(last);
        let surname_like = last.chars().count() > 2
            && mentions::could_be_surname(&titled)
            && !lex.is_common_word(&titled)
            && lex.lookup(&titled).is_none();
        // (only the surname in capitals: "Jane ROE", not "Florida VISION PLAN GRP")
        let caption = m
            .name
            .split_whitespace()
            .filter(|w| *w != last && w.chars().count() > 2)
            .all(|w| w.chars().any(char::is_lowercase));
        if surname_like && caption && last.chars().all(|c| !c.is_lowercase()) {
            persons
                .entry(titled)
                .or_insert_with(|| (m.key.clone(), m.name.clone()));
        } else if surname_like && last.starts_with(char::is_uppercase) {
            caps.entry(last.to_uppercase())
                .or_insert_with(|| (m.key.clone(), m.name.clone()));
        }
    }
    // (the first bytes of the surnames: most tokens are looked up no further)
    let mut firsts = [false; 256];
    for s in persons.keys().chain(caps.keys()) {
        if let Some(&b) = s.as_bytes().first() {
            firsts[usize::from(b)] = true;
        }
    }
    let mut covered = covered_tokens(seg, kept);
    let mut extra = Vec::new();
    for (i, t) in seg.tokens.iter().enumerate() {
        let w = seg.tok(text, i);
        if !w
            .as_bytes()
            .first()
            .is_some_and(|&b| firsts[usize::from(b)])
        {
            continue;
        }
        // ("MR. ROE:", "ROE, Circuit Judge:")
        let speaker = || {
            text[t.span.end..].starts_with(':')
                || seg.tokens.get(i + 2).is_some_and(|_| {
                    seg.tok(text, i + 1) == ","
                        && mentions::is_title_word(seg.tok(text, i + 2))
                        && seg.tok(text, i + 2).starts_with(char::is_uppercase)
                })
                || i >= 2
                    && seg.tok(text, i - 1) == "."
                    && matches!(
                        seg.tok(text, i - 2),
                        "MR" | "MS" | "MRS" | "DR" | "Mr" | "Ms" | "Mrs"
                    )
        };
        let Some((key, name)) = persons.get(w).or_else(|| caps.get(w).filter(|_| speaker())) else {
            continue;
        };
        if covered[i] {
            continue;
        }
        // "First Lady Jill Roe … President Roe": the president in office, not
        // another person of that surname (the loop below names the president);
        // in a document with no date, the one president of that surname
        // ("Hunter Biden … President Biden")
        if i >= 1
            && seg.tok(text, i - 1) == "President"
            && date
                .and_then(|d| presidents::in_office(w, d))
                .or_else(|| presidents::by_surname(w))
                .is_some_and(|p| person_key(p.name) != *key)
        {
            continue;
        }
        // the surname alone of the president in office ("Biden has said", "the
        // Biden campaign", "then-Senator Biden") is the president's more often than a relative's
        // named in full ("Hunter Biden"): it is no short form of that relative,
        // unless a courtesy title stands before it ("Dr. Biden", "Mrs. Obama")
        let courtesy = i >= 2
            && seg.tok(text, i - 1) == "."
            && matches!(
                seg.tok(text, i - 2),
                "Dr" | "Mrs" | "Ms" | "Miss" | "DR" | "MRS" | "MS"
            )
            || i >= 1 && matches!(seg.tok(text, i - 1), "Lady" | "Mrs" | "Ms" | "Dr");
        if !courtesy
            && date
                .and_then(|d| presidents::in_office(w, d))
                .is_some_and(|p| person_key(p.name) != *key && !p.is_named(name))
        {
            continue;
        }
        let mut m = Mention::new(
            t.span,
            EntityClass::Person,
            name.clone(),
            "person.surname",
            30,
        );
        m.key = key.clone();
        m.anaphor = true; // a short form, not a new name
        extra.push(m);
        covered[i] = true;
    }
    // "Secretary Napolitano", "President Obama": a title and a surname
    for i in 1..seg.tokens.len() {
        let (prev, w) = (seg.tok(text, i - 1), seg.tok(text, i));
        let t = seg.tokens[i];
        // titles that stand before people's names, not before words ("General Assembly", "Chief Economist")
        static MEMBER_LEADS: Words = Words::new("member_title_leads");
        let strong = NAME_TITLES.contains(prev)
            || prev == "Member" && i >= 2 && MEMBER_LEADS.contains(seg.tok(text, i - 2));
        let abbreviated = prev == "."
            && i >= 2
            && matches!(
                seg.tok(text, i - 2),
                "Mr" | "Mrs"
                    | "Ms"
                    | "Dr"
                    | "Sen"
                    | "Rep"
                    | "Gov"
                    | "Gen"
                    | "Lt"
                    | "Col"
                    | "Adm"
                    | "Sgt"
                    | "Capt"
                    | "Prof"
                    | "Rev"
                    | "Hon"
            );
        if !(strong || abbreviated) {
            continue;
        }
        let next_cap = seg.tokens.get(i + 1).is_some_and(|n| {
            seg.tok(text, i + 1).starts_with(char::is_uppercase)
                && !text[t.span.end..n.span.start].contains(',')
                && !text[t.span.end..n.span.start].contains("\n\n")
        });
        let same_line = !text[seg.tokens[i - 1].span.end..t.span.start].contains('\n');
        // "Mr. MCHENRY, from the Committee on X, submitted": a report's
        // sponsor, the surname in capitals, written as a name
        let courtesy = abbreviated && matches!(seg.tok(text, i - 2), "Mr" | "Mrs" | "Ms");
        let caps_surname = courtesy
            && w.chars().count() >= 3
            && w.chars()
                .all(|c| c.is_uppercase() || matches!(c, '-' | '\'' | '\u{2019}'))
            && seg
                .tokens
                .get(i + 1)
                .is_some_and(|_| seg.tok(text, i + 1) == ",");
        if caps_surname && same_line && !covered[i] {
            let name = relations::upper_first(&w.to_lowercase());
            if !lex.is_common_word(&name)
                && !lex.is_first_name(&name)
                && !mentions::is_title_word(&name)
            {
                let mut m = Mention::new(
                    t.span,
                    EntityClass::Person,
                    name,
                    "person.title-surname",
                    30,
                );
                m.key = person_key(&m.name);
                extra.push(m);
                covered[i] = true;
            }
            continue;
        }
        // (a first name alone after a spelled-out title is a surname too: "Vice
        // President Harris", "Secretary Austin"; not after "Mr." or "Dr.")
        // (and not a first name before a surname's particle: "President Ursula von
        // der Leyen", "Speaker Mohammed al-Roe")
        static PARTICLES: Words = Words::new("surname_particles");
        static PARTICLE_PREFIXES: Words = Words::new("surname_particle_prefixes");
        let particle_next = seg.tokens.get(i + 1).is_some_and(|_| {
            let n = seg.tok(text, i + 1);
            PARTICLES.contains(n) || PARTICLE_PREFIXES.iter().any(|p| n.starts_with(p)) || n == "]"
        });
        if lex.is_first_name(w) && (!strong || particle_next)
            || lex.is_common_word(w)
            || !same_line
            || next_cap
            || !mentions::could_be_surname(w)
            || covered[i]
        {
            continue;
        }
        // a surname of a person named in full was linked by the loop above;
        // "President Obama" in a document of his term is the president
        // (or, whatever the date, the one president of that surname: "President
        // Obama" in 2025)
        let president = (prev == "President")
            .then(|| {
                date.and_then(|d| presidents::in_office(w, d))
                    .or_else(|| presidents::by_surname(w))
            })
            .flatten();
        let mut m = match president {
            Some(p) => {
                let mut m = Mention::new(
                    t.span,
                    EntityClass::Person,
                    p.name,
                    "person.president-in-office",
                    30,
                );
                m.extra.push(w.to_string());
                m
            }
            None => Mention::new(t.span, EntityClass::Person, w, "person.title-surname", 30),
        };
        m.key = person_key(&m.name);
        extra.push(m);
        covered[i] = true;
    }
    kept.extend(extra);
    kept.sort_by_key(|m| (m.span.start, m.span.end));
}

/// "this order", "the memo", "that policy", "the Department": the entity in focus.
/// "this Binding Operational Directive", "this Emergency Directive": a memo's
/// kind named in capitals after "this", with no number, is the document's own
/// memo, not another memo of that name (the mention becomes a reference back
/// to the document's memo).
fn this_kind_is_the_document(
    text: &str,
    seg: &text::Segmented,
    kept: &mut [Mention],
    doc_memo: Option<usize>,
) {
    static KINDS: Words = Words::new("memo_kind_words");
    let Some(d) = doc_memo else { return };
    let doc = kept[d].clone();
    for (k, m) in kept.iter_mut().enumerate() {
        if k == d || m.class != EntityClass::Memo || m.anaphor || m.span.start >= m.span.end {
            continue;
        }
        let name = &text[m.span.start..m.span.end];
        let words: Vec<&str> = name.split_whitespace().collect();
        let kind = words
            .last()
            .is_some_and(|w| KINDS.contains(w.to_lowercase().as_str()));
        if !kind
            || words.len() > 4
            || !words.iter().all(|w| w.starts_with(char::is_uppercase))
            || name.contains(|c: char| c.is_ascii_digit())
        {
            continue;
        }
        let t = seg.token_at(m.span.start);
        if t == 0 || t >= seg.tokens.len() || !seg.tok(text, t - 1).eq_ignore_ascii_case("this") {
            continue;
        }
        let span = Span::new(seg.tokens[t - 1].span.start, m.span.end);
        let mut r = doc.clone();
        r.span = span;
        r.anaphor = true;
        r.rule = "anaphor.focus";
        r.extra.clear();
        *m = r;
    }
}

fn add_anaphors(
    text: &str,
    seg: &text::Segmented,
    kept: &mut Vec<Mention>,
    doc_memo: Option<usize>,
) {
    this_kind_is_the_document(text, seg, kept, doc_memo);
    let mut extra = Vec::new();
    // how often each key was referred back to so far
    let mut extra_counts: HashMap<String, usize> = HashMap::new();
    let n = seg.tokens.len();
    let covered = covered_tokens(seg, kept);
    for i in 0..n.saturating_sub(1) {
        // (compared without lower-casing first: no allocation per token)
        let w = seg.tok(text, i);
        if !["this", "these", "the", "that", "such"]
            .iter()
            .any(|d| w.eq_ignore_ascii_case(d))
        {
            continue;
        }
        let det = w.to_lowercase();
        let mut noun = seg.tok(text, i + 1);
        let mut last = i + 1;
        // "this policy memorandum", "the implementation memo": the memo, not a policy
        if i + 2 < n
            && matches!(noun.to_lowercase().as_str(), "policy" | "implementation")
            && matches!(
                seg.tok(text, i + 2).to_lowercase().as_str(),
                "memorandum" | "memo" | "directive" | "guidance"
            )
        {
            last = i + 2;
            noun = seg.tok(text, last);
        }
        // "the new office", "the newly created service": a body just named
        let mut fresh = false;
        if i + 2 < n && det == "the" && matches!(noun, "new" | "newly") {
            let mut k = i + 2;
            if noun == "newly" && matches!(seg.tok(text, k), "created" | "established" | "formed") {
                k += 1;
            }
            if k < n && is_body_noun(&seg.tok(text, k).to_lowercase()) {
                last = k;
                noun = seg.tok(text, k);
                fresh = true;
            }
        }
        // "the agency's first Director": a body's possessive refers back too
        if det == "the"
            && !fresh
            && last + 1 < n
            && seg.tokens[last + 1].kind == text::TokKind::Possessive
            && is_body_noun(noun)
        {
            fresh = true;
        }
        let lower = match noun {
            // "this PM" (a USCIS policy memorandum) is the document itself
            "PM" if det == "this" && doc_memo.is_some() => "memorandum".to_string(),
            _ => noun.to_lowercase(),
        };
        let span = Span::new(seg.tokens[i].span.start, seg.tokens[last].span.end);
        if covered[i..=last].iter().any(|&c| c) {
            continue;
        }
        // the nearest earlier mention within 1,500 characters
        let before = |pred: &dyn Fn(&Mention) -> bool| {
            mentions_before(kept, span)
                .find(|m| pred(m) && span.start - m.span.end < 1500)
                .cloned()
        };
        // "the memo": of the memos named within 1,500 characters before, the one
        // named most often so far (references back included), then the nearest
        let salient = |pred: &dyn Fn(&Mention) -> bool| {
            let earlier = || mentions_before(kept, span).filter(|m| pred(m));
            // (one named earlier in the same sentence is meant)
            let sentence = seg.sentence_of.get(i).copied();
            if let Some(m) = earlier()
                .next()
                .filter(|m| seg.sentence_of.get(seg.token_at(m.span.start)).copied() == sentence)
            {
                return Some(m.clone());
            }
            let near: Vec<&Mention> = earlier()
                .take_while(|m| span.start - m.span.end < 1500)
                .collect();
            if near.len() <= 1 {
                return near.first().map(|m| (*m).clone());
            }
            // names and references back so far, counted once for all the candidates
            let mut counts: HashMap<&str, usize> =
                near.iter().map(|m| (m.key.as_str(), 0)).collect();
            for m in earlier() {
                if let Some(c) = counts.get_mut(m.key.as_str()) {
                    *c += 1;
                }
            }
            for (key, c) in counts.iter_mut() {
                *c += extra_counts.get(*key).copied().unwrap_or(0);
            }
            near.iter()
                .enumerate()
                .max_by_key(|(i, m)| (counts[m.key.as_str()], std::cmp::Reverse(*i)))
                .map(|(_, m)| (*m).clone())
        };
        let target = match lower.as_str() {
            // "in the order listed", "the order of succession": no memo at all
            "order"
                if det == "the"
                    && (i > 0 && seg.tok(text, i - 1).eq_ignore_ascii_case("in")
                        || last + 1 < n
                            && matches!(
                                seg.tok(text, last + 1),
                                "of" | "in"
                                    | "listed"
                                    | "specified"
                                    | "set"
                                    | "prescribed"
                                    | "provided"
                                    | "which"
                                    | "that"
                                    | "they"
                                    | "described"
                            )) =>
            {
                None
            }
            // "that order", "such memoranda": another memo than the document itself
            "order" | "memorandum" | "memo" | "directive" | "proclamation" | "guidance"
                if matches!(det.as_str(), "that" | "such") =>
            {
                before(&|m| m.class == EntityClass::Memo && !m.anaphor && m.rule != "memo.document")
            }
            "order" | "memorandum" | "memo" | "directive" | "proclamation" | "guidance"
            | "instruction" | "bulletin" | "circular" | "guidelines" | "notice"
                if lower != "notice" || det == "this" =>
            {
                // "the order" is the document only when the document is an order
                // (an OMB memo's "the order" is the executive order it implements)
                // (the noun among the first three words of one of its names)
                let doc_names: Vec<&String> = doc_memo
                    .map(|d| {
                        std::iter::once(&kept[d].name)
                            .chain(kept[d].extra.iter())
                            .collect()
                    })
                    .unwrap_or_default();
                let own_kind = doc_names.iter().any(|n| {
                    n.split_whitespace().take(3).any(|w| {
                        w.to_lowercase().trim_end_matches('s') == lower.trim_end_matches('s')
                    })
                });
                if det == "this"
                    || det == "these" && lower == "guidelines"
                    || det == "the" && own_kind && lower != "memo"
                {
                    doc_memo
                        .map(|d| kept[d].clone())
                        .or_else(|| before(&|m| m.class == EntityClass::Memo && !m.anaphor))
                } else if own_kind {
                    salient(&|m| m.class == EntityClass::Memo && !m.anaphor)
                } else {
                    // another kind of document than this one: not this one
                    salient(&|m| {
                        m.class == EntityClass::Memo
                            && !m.anaphor
                            && m.rule != "memo.document"
                            && !doc_names.contains(&&m.name)
                    })
                }
            }
            "policy" | "program" | "initiative" | "act" | "law" => {
                // "the Act", "the law" name a statute only ("violate the law" is not a
                // program), and "the policy", "the program" no statute
                let statute = matches!(lower.as_str(), "act" | "law");
                let fits = |m: &Mention| {
                    m.class == EntityClass::Policy
                        && !m.anaphor
                        && statute == is_statute_name(m.canonical.as_deref().unwrap_or(&m.name))
                };
                // the first policy of the nearest earlier sentence that names one (the topic, not an aside)
                before(&fits).and_then(|last| {
                    let si = seg.sentence_of.get(seg.token_at(last.span.start)).copied();
                    let from = si
                        .and_then(|si| seg.sentences.get(si))
                        .map_or(0, |s| kept.partition_point(|m| m.span.start < s.span.start));
                    kept[from..]
                        .iter()
                        .find(|m| {
                            fits(m)
                                && seg.sentence_of.get(seg.token_at(m.span.start)).copied() == si
                        })
                        .cloned()
                })
            }
            body if is_body_noun(body) && (fresh || BODY_NOUNS[..6].contains(&body)) => {
                // (a lower-case head only after "new": "the office" alone is any office)
                let head = if fresh {
                    relations::upper_first(noun)
                } else {
                    noun.to_string()
                };
                let fits = |m: &Mention| {
                    m.class == EntityClass::Agency
                        && !m.anaphor
                        && m.canonical
                            .as_deref()
                            .unwrap_or(&m.name)
                            .contains(head.as_str())
                };
                if fresh {
                    // "the new office", "the office's": the body the text is about, not
                    // one named in passing in the same sentence: of those named in
                    // earlier sentences within 1,500 characters, the most named, then the nearest
                    let sentence = seg.sentence_of.get(i).copied();
                    let near: Vec<&Mention> = mentions_before(kept, span)
                        .take_while(|m| span.start - m.span.end < 1500)
                        .filter(|m| {
                            fits(m)
                                && seg.sentence_of.get(seg.token_at(m.span.start)).copied()
                                    != sentence
                        })
                        .collect();
                    near.iter()
                        .enumerate()
                        .max_by_key(|(k, m)| {
                            let named = near.iter().filter(|o| o.key == m.key).count()
                                + extra_counts.get(&m.key).copied().unwrap_or(0);
                            (named, std::cmp::Reverse(*k))
                        })
                        .map(|(_, m)| (*m).clone())
                } else {
                    before(&fits)
                }
            }
            _ => None,
        };
        if let Some(mut t) = target {
            t.span = span;
            t.anaphor = true;
            t.rule = "anaphor.focus";
            t.extra.clear();
            *extra_counts.entry(t.key.clone()).or_insert(0) += 1;
            extra.push(t);
        }
    }
    kept.extend(extra);
    kept.sort_by_key(|m| (m.span.start, m.span.end));
}

/// Head nouns of bodies' names that "the new …" or a possessive ("the
/// office's") refers back with; the first six also alone and capitalised
/// ("the Department").
const BODY_NOUNS: [&str; 14] = [
    "department",
    "agency",
    "bureau",
    "office",
    "administration",
    "commission",
    "service",
    "council",
    "division",
    "center",
    "board",
    "committee",
    "institute",
    "authority",
];

fn is_body_noun(w: &str) -> bool {
    BODY_NOUNS.contains(&w)
}

/// The mentions of `kept` (sorted by start) that end before `span` starts,
/// the nearest start first, within 20,000 characters.
fn mentions_before(kept: &[Mention], span: Span) -> impl Iterator<Item = &Mention> {
    let upto = kept.partition_point(|m| m.span.start < span.start);
    kept[..upto]
        .iter()
        .rev()
        .take_while(move |m| span.start - m.span.start < 20_000)
        .filter(move |m| m.span.end <= span.start)
}

/// Whether a policy's name is a statute's ("… Act", "… Act of 1965", "… Law", "… Code"),
/// the only kind of policy "the Act" or "the law" can refer back to.
fn is_statute_name(name: &str) -> bool {
    let mut words = name.split_whitespace().rev();
    match (words.next(), words.next(), words.next()) {
        (Some("Act" | "Law" | "Code"), _, _) => true,
        (Some(year), Some("of"), Some("Act")) => year.bytes().all(|b| b.is_ascii_digit()),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_of_names_is_no_name() {
        let text = "date 2024-05-01\nGrants\n\nThe Vermont Council on Rural Development, Farm and Wilderness Foundation, and others met.\n";
        let ex = Extractor::new().extract(&Document::from_text("t.txt", text));
        assert!(
            ex.entities
                .iter()
                .all(|e| !e.label.contains("Development, Farm")),
            "{:?}",
            ex.entities.iter().map(|e| &e.label).collect::<Vec<_>>()
        );
    }

    #[test]
    fn bodies_named_whole_and_classed_by_their_owner() {
        use EntityClass::*;
        // (case, text, a label and class found, a label no entity may have)
        let cases: &[(&str, &str, (&str, EntityClass), &str)] = &[
            (
                "a body an order establishes, over line breaks",
                "(a)  There is\nestablished within the Executive Office of the President the Widget\nImplementation Steering Council (Steering Council).",
                ("Widget Implementation Steering Council", Agency),
                "",
            ),
            (
                "a unit's subjects listed after 'of'",
                "The Office of Rivers, Lakes, and Coastal Waters met.",
                ("Office of Rivers, Lakes, and Coastal Waters", Agency),
                "Office of Rivers",
            ),
            (
                "a unit after an organization's possessive",
                "The Ardent Policy Foundation’s Water Security Task Force met.",
                ("Water Security Task Force", Organization),
                "",
            ),
            (
                "an advisory council of a school",
                "She sits on the Advisory Council of Ardent Graduate School.",
                ("Advisory Council of Ardent Graduate School", Organization),
                "",
            ),
            (
                "a school of an armed service",
                "He graduated from the Navy Ardent Warfare College in 1990.",
                ("Navy Ardent Warfare College", Agency),
                "",
            ),
            (
                "a government word in a center's subject",
                "She is a fellow at the Ardent Center for National Policy.",
                ("Ardent Center for National Policy", Organization),
                "",
            ),
            (
                "a power named in a statute's heading",
                "(f) Authority of Director .\n\nThe Director may act.",
                ("", Agency),
                "Authority of Director",
            ),
            (
                "a subsection's heading that names a power",
                "(e) Contract Authority.\n\n(1) The Director may contract.",
                ("", Agency),
                "Contract Authority",
            ),
            (
                "two institutions joined by 'and'",
                "She studied at the University of Ardentia and Ardent State University.",
                ("Ardent State University", Organization),
                "University of Ardentia and Ardent State University",
            ),
            (
                "two fields joined",
                "She chairs the Department of Biochemistry and Molecular Biology at Ardent University.",
                ("Department of Biochemistry and Molecular Biology", Organization),
                "",
            ),
        ];
        for (case, text, (label, class), absent) in cases {
            let doc = format!("date 2024-05-01\nNotes\n\n{text}\n");
            let ex = Extractor::new().extract(&Document::from_text("t.txt", &doc));
            let got: Vec<(&str, EntityClass)> = ex
                .entities
                .iter()
                .map(|e| (e.label.as_str(), e.class))
                .collect();
            if !label.is_empty() {
                assert!(got.contains(&(*label, *class)), "{case}: {got:?}");
            }
            if !absent.is_empty() {
                assert!(got.iter().all(|(l, _)| l != absent), "{case}: {got:?}");
            }
        }
    }

    #[test]
    fn a_directive_named_by_its_number_line() {
        // (case, header line, facts that must be found, facts that must not be)
        let cases: &[(&str, &str, &[&str], &[&str])] = &[
            (
                "kind then acronym and number",
                "Binding Operational Directive BOD 98-02",
                &[
                    "Binding Operational Directive 98-02 dcterms:creator Jane Q. Doe",
                    "Binding Operational Directive 98-02 dcterms:issued 2018-05-07",
                    "Binding Operational Directive 98-02 dcterms:references Binding Operational Directive 97-01",
                ],
                &["Binding Operational Directive 98-02 dcterms:references Binding Operational Directive 98-02"],
            ),
            (
                "acronym and number joined by a hyphen",
                "Binding Operational Directive BOD-98-02",
                &["Binding Operational Directive 98-02 dcterms:creator Jane Q. Doe"],
                &[],
            ),
            (
                "no number line: named by its subject",
                "Directives Office",
                &["Securing Example Assets dcterms:creator Jane Q. Doe"],
                // ("this Binding Operational Directive" is the document, not another memo)
                &["Securing Example Assets dcterms:references Binding Operational Directive"],
            ),
        ];
        for (case, head, want, not) in cases {
            let text = format!("{head}\nOriginal Release Date: May 7, 2018\n\nFROM:\n\nJane Q. Doe\nSecretary\n\nSUBJECT:\n\nSecuring Example Assets\n\nAgencies receiving this Binding Operational Directive shall act. It builds on BOD 97-01.\n");
            let ex = Extractor::new().extract(&Document::from_text("t.txt", &text));
            let facts: Vec<String> = ex
                .relations
                .iter()
                .map(|r| {
                    let object = match &r.object {
                        crate::model::Object::Entity(i) => ex.entities[*i].label.clone(),
                        crate::model::Object::Date(d) => d.to_string(),
                        other => format!("{other:?}"),
                    };
                    format!(
                        "{} {} {object}",
                        ex.entities[r.subject].label,
                        r.predicate.curie()
                    )
                })
                .collect();
            for w in *want {
                assert!(facts.iter().any(|f| f == w), "{case}: {w} not in {facts:?}");
            }
            for w in *not {
                assert!(facts.iter().all(|f| f != w), "{case}: {w} in {facts:?}");
            }
        }
    }

    #[test]
    fn people_named_by_a_title_and_a_surname() {
        use EntityClass::*;
        // (case, text, a person's label found, a label no entity may have)
        let cases: &[(&str, &str, &str, &str)] = &[
            (
                "a surname that is a first name too, after a spelled-out title",
                "Vice President Harris met the Governor.",
                "Harris",
                "",
            ),
            (
                "a first name before a surname's particle is no surname",
                "President Ursula von der Leyen met the Governor.",
                "",
                "Ursula",
            ),
            (
                "a committee's chair and ranking member named by their surnames",
                "I thank Chair Testerson and Ranking Member Moranski for their work.",
                "Moranski",
                "",
            ),
            (
                "'Chair' before a surname",
                "I thank Chair Testerson and Ranking Member Moranski for their work.",
                "Testerson",
                "",
            ),
            (
                "'Member' alone is no title before a surname",
                "The Member Moranski Fund paid.",
                "",
                "Moranski",
            ),
            (
                "'President' and the surname of the president in office, not of the First Lady",
                "First Lady Jill Biden spoke. Then President Biden spoke.",
                "Joseph R. Biden Jr.",
                "",
            ),
            (
                "'President' and the surname of the one president of that name, in an undated document",
                "(undated) Q: Has Hunter Biden spoken? MS. ROE: President Biden has said so.",
                "Joseph R. Biden Jr.",
                "",
            ),
        ];
        for (case, text, label, absent) in cases {
            let doc = match text.strip_prefix("(undated) ") {
                Some(text) => format!("Notes\n\n{text}\n"),
                None => format!("date 2022-05-01\nNotes\n\n{text}\n"),
            };
            let ex = Extractor::new().extract(&Document::from_text("t.txt", &doc));
            let got: Vec<(&str, EntityClass)> = ex
                .entities
                .iter()
                .map(|e| (e.label.as_str(), e.class))
                .collect();
            if !label.is_empty() {
                assert!(got.contains(&(*label, Person)), "{case}: {got:?}");
            }
            if !absent.is_empty() {
                assert!(got.iter().all(|(l, _)| l != absent), "{case}: {got:?}");
            }
        }
    }

    #[test]
    fn the_surname_alone_of_the_president_in_office_is_no_relatives() {
        // (text, how many mentions the relative named in full has)
        let cases = [
            ("Hunter Biden spoke. The Biden campaign grew.", 1),
            ("Jill Biden spoke. Then Dr. Biden left.", 2),
        ];
        for (text, n) in cases {
            let doc = format!("date 2022-05-01\nNotes\n\n{text}\n");
            let ex = Extractor::new().extract(&Document::from_text("t.txt", &doc));
            let relative = ex
                .entities
                .iter()
                .find(|e| e.class == EntityClass::Person && e.label.ends_with(" Biden"))
                .map(|e| e.mentions.len());
            assert_eq!(relative, Some(n), "{text}: {:?}", ex.entities);
        }
    }

    #[test]
    fn a_number_the_title_cites() {
        // (title, whether its number is one it cites)
        let cases = [
            ("Executive Order on Amending Executive Order 14007", true),
            ("A Proclamation on Revoking Proclamation 10014", true),
            (
                "Executive Order on the Revocation of Executive Order 13801",
                true,
            ),
            ("Guidance on Implementation of M-21-31", true),
            ("Executive Order 13768 of January 25, 2017", false),
            (
                "M-13-13 — Memorandum for the Heads of Executive Departments",
                false,
            ),
            ("OMB Memorandum M-17-05: Fiscal Year Guidance", false),
        ];
        for (title, cited) in cases {
            let text = format!("{title}\n\nThe text.\n");
            let cands =
                mentions::find_candidates(&text, &text::segment(&text), &Lexicon::builtin());
            let n = cands
                .iter()
                .find(|c| c.rule == "memo.number")
                .unwrap_or_else(|| panic!("{title}: no number"));
            let span = Span::new(0, title.len());
            assert_eq!(cited_in_title(&text, span, n.span), cited, "{title}");
        }
    }

    #[test]
    fn a_headline_is_no_name() {
        // (case, text, the word no entity's label may hold)
        let cases = [
            (
                "a press release's headline with a policy's head word",
                "date 2023-03-14\nJustice Department Announces New Policy on Corporate Compliance\n\nWASHINGTON – The Justice Department today announced revisions to its Corporate Enforcement Policy.\n",
                "Announces",
            ),
            (
                "an agency's name then a verb of a headline",
                "date 2023-03-14\nNews\n\nDepartment of Energy Releases Clean Energy Rule for New Federal Buildings\n\nThe rule is final.\n",
                "Releases",
            ),
        ];
        for (case, text, word) in cases {
            let ex = Extractor::new().extract(&Document::from_text("t.txt", text));
            assert!(
                ex.entities
                    .iter()
                    .all(|e| !e.label.split(' ').any(|w| w == word)),
                "{case}: {:?}",
                ex.entities.iter().map(|e| &e.label).collect::<Vec<_>>()
            );
        }
    }

    #[test]
    fn postal_address_lines() {
        let cases = [
            ("a district", "Washington, DC 20528", true),
            ("a district with stops", "Washington, D.C. 20510", true),
            (
                "a state and ZIP+4",
                "1 Federal Drive, Ft. Snelling, MN 55111-4050",
                true,
            ),
            (
                "a letterhead's garbled name, then the city",
                "Srcurit, Agenc) Washington, DC 20528",
                true,
            ),
            ("a title with a number", "Executive Order 14028", false),
            ("no comma before the state", "Route MN 55111", false),
            (
                "a fiscal year",
                "Guidance for Fiscal Year 2016, FY 2017",
                false,
            ),
        ];
        for (name, line, want) in cases {
            assert_eq!(ends_with_postal_address(line), want, "{name}");
        }
    }

    #[test]
    fn a_title_given_with_the_document_names_what_it_concerns() {
        // (the second title keeps two spaces where a line break was collapsed)
        for title in [
            "Memorandum on the Delegation of Functions Under the Tide Charts Act of 2020",
            "Memorandum on the Delegation of Functions Under the Tide Charts  Act of 2020",
        ] {
            let mut doc = Document::from_text(
                "t.jsonl#1",
                "By the authority vested in me as President, it is hereby ordered:\n\nSection 1.  Purpose.  The Tide Charts Act of 2020 protects the coasts.\n\nJOSEPH R. BIDEN JR.\n",
            );
            doc.title = Some(title.into());
            let ex = Extractor::new().extract(&doc);
            assert!(
                ex.relations
                    .iter()
                    .any(|r| r.predicate == crate::model::Predicate::Concerns
                        && r.evidence.rule == "memo.title-names-policy"
                        && matches!(r.object, crate::model::Object::Entity(o)
                        if ex.entities[o].label == "Tide Charts Act of 2020")),
                "{title}: {:#?}",
                ex.relations
            );
        }
    }

    #[test]
    fn laws_by_number() {
        // (case, text, a Policy's label, one of its altLabels or "", a label no entity may have)
        let cases: &[(&str, &str, &str, &str, &str)] = &[
            (
                "a law by its number, however it is written, is one entity",
                "date 2024-05-01\nSec. 5\n\nSee Pub. L. No. 117-78 and P.L. 117-78 and Public Law\n117-78.\n",
                "Public Law 117-78",
                "",
                "Public Law",
            ),
            (
                "a number after a connector is no part of the name before it",
                "date 2024-05-01\nSec. 5\n\nThe functions vested by the CRIME Act and Public Law 117-78 are delegated.\n",
                "Public Law 117-78",
                "",
                "CRIME Act and Public Law",
            ),
            (
                "the number in parentheses after an act names the act",
                "date 2024-05-01\nSec. 5\n\nThe Tide Charts Act of 2020 (Public Law 116-145) applies.\n",
                "Tide Charts Act of 2020",
                "Public Law 116-145",
                "Public Law 116-145",
            ),
            (
                "after its acronym and year too, and the same number elsewhere is the act",
                "date 2024-05-01\nReferenced Legislation: P.L. 118-272\n\nThe Tide Charts Reauthorization Act (TCRA) of 2024 (P.L. 118-272) applies.\n",
                "Tide Charts Reauthorization Act",
                "Public Law 118-272",
                "Public Law 118-272",
            ),
            (
                "a division of a law is not the act it names",
                "date 2024-05-01\nSec. 5\n\nThe Tide Charts Act (Division J of Public Law 118-50) (the “TC Act”) applies.\n",
                "Tide Charts Act",
                "TC Act",
                "",
            ),
        ];
        for (case, text, label, alt, not) in cases {
            let ex = Extractor::new().extract(&Document::from_text("t.txt", *text));
            let labels = ex
                .entities
                .iter()
                .map(|e| (&e.label, &e.alt_labels))
                .collect::<Vec<_>>();
            let e = ex
                .entities
                .iter()
                .find(|e| e.class == EntityClass::Policy && e.label == *label);
            assert!(e.is_some(), "{case}: {labels:#?}");
            assert!(
                alt.is_empty() || e.is_some_and(|e| e.alt_labels.iter().any(|a| a == alt)),
                "{case}: {labels:#?}"
            );
            assert!(
                not.is_empty() || ex.entities.iter().all(|e| e.label != *not),
                "{case}: {labels:#?}"
            );
        }
    }

    #[test]
    fn given_titles_that_name_a_memo() {
        // (case, title given with the document, the memo it names)
        let cases: &[(&str, &str, Option<&str>)] = &[
            (
                "an order's own title",
                "Executive Order on Tide Tables",
                Some("Executive Order on Tide Tables"),
            ),
            (
                "a letter's",
                "Letter to the Speaker of the House on Tides",
                Some("Letter to the Speaker of the House on Tides"),
            ),
            (
                "a fact sheet opening with the order names the order",
                "FACT SHEET: Executive Order on Tide Tables",
                Some("Executive Order on Tide Tables"),
            ),
            (
                "and with a presidential memorandum",
                "Fact Sheet: Presidential Memorandum Establishing the Tide Board",
                Some("Presidential Memorandum Establishing the Tide Board"),
            ),
            (
                "a headline about an order names none",
                "FACT SHEET: President Roe Signs Executive Order on Tides",
                None,
            ),
            (
                "nor a fact sheet about one to be signed",
                "Fact Sheet: President Roe to Sign Executive Order on Tides",
                None,
            ),
            (
                "nor a statement",
                "Statement by the Press Secretary on the Executive Order on Tides",
                None,
            ),
            (
                "nor remarks",
                "Remarks by President Roe at Executive Order Signing",
                None,
            ),
            ("a plain news title names none", "Tide Tables Updated", None),
        ];
        for (case, title, want) in cases {
            assert_eq!(given_memo_name(title), *want, "{case}");
        }
    }

    #[test]
    fn names_from_layout_and_shape() {
        // (case, text, a label of this class that must be found)
        let cases: &[(&str, &str, EntityClass, &str)] = &[
            (
                "an appropriations act keeps its year",
                "date 2024-05-01\nFunds came from the Consolidated Appropriations Act, 2021, and later acts.\n",
                EntityClass::Policy,
                "Consolidated Appropriations Act, 2021",
            ),
            (
                "a nominee line names a person the first-name list lacks",
                "date 2021-04-12\nUr Doejaddou, Nominee for Director of Policy\n\nText.\n",
                EntityClass::Person,
                "Ur Doejaddou",
            ),
            (
                "a biography's subject the first-name list lacks, not the surnames of a fuller name",
                "date 2021-04-12\nNominations\n\nOrelia Doemerchant has served as Chief Deputy Attorney General of New York. Fiona Whelan Prine is a lawyer. Whelan Prine received her citizenship in 2004.\n",
                EntityClass::Person,
                "Orelia Doemerchant",
            ),
            (
                "an author written surname first",
                "date 2026-04-15\nA Report on Things\n\nAuthor: Bishop, Laura M.\n\nText.\n",
                EntityClass::Person,
                "Laura M. Bishop",
            ),
            (
                "a committee in an address block is its chamber's",
                "date 2024-05-01\nA Report\n\nThe Honorable Gary Peters\nChairman\nCommittee on Armed Services\nHouse of Representatives\n\nText.\n",
                EntityClass::Agency,
                "House Committee on Armed Services",
            ),
            (
                "a committee \"of the Senate\" is the Senate's, and so is its bare name later",
                "date 2024-05-01\nSec. 5\n\nThe Secretary shall report to the Committee on Coastal Mapping of the Senate. The Committee on Coastal Mapping may ask for more.\n",
                EntityClass::Agency,
                "Senate Committee on Coastal Mapping",
            ),
            (
                "a committee's name goes on over a list of subjects closed by \"and\"",
                "date 2024-05-01\nHearing\n\nShe testified before the Committee on Tides, Maps, and Coastal Surveys on Monday.\n",
                EntityClass::Agency,
                "Committee on Tides, Maps, and Coastal Surveys",
            ),
            (
                "an office's name goes on over a list of its fields closed by \"and\"",
                "date 2024-05-01\nNotice\n\nThe Bureau of Tides, Maps, and Coastal Surveys issued the notice.\n",
                EntityClass::Agency,
                "Bureau of Tides, Maps, and Coastal Surveys",
            ),
            (
                "a list of bodies after a body is no part of its name",
                "date 2024-05-01\nNotice\n\nThe Office of Tides, Customs and Border Protection and the Coast Guard met.\n",
                EntityClass::Agency,
                "Office of Tides",
            ),
            (
                "a body an order establishes is the government's",
                "date 2024-05-01\nOrder\n\nThere is established within the Department of Labor a Tide Tables Board (Board). The Board shall meet.\n",
                EntityClass::Agency,
                "Tide Tables Board",
            ),
            (
                "the President's council is the government's",
                "date 2024-05-01\nAppointments\n\nJane Roe will serve on the President’s Tide Tables Council.\n",
                EntityClass::Agency,
                "President’s Tide Tables Council",
            ),
            (
                "a court's heading wrapped over two lines in capitals is the circuit's court",
                "UNITED STATES COURT OF APPEALS\nFOR THE DISTRICT OF COLUMBIA CIRCUIT\n\nNo. 07-3125\n\nBefore: ROE and DOE, Circuit Judges.\n",
                EntityClass::Agency,
                "United States Court of Appeals for the District of Columbia Circuit",
            ),
            (
                "a court's heading opening with \"In the\" is the circuit's court",
                "IN THE UNITED STATES COURT OF APPEALS\nFOR THE ELEVENTH CIRCUIT\n\nNo. 08-1\n\nBefore ROE and DOE, Circuit Judges.\n",
                EntityClass::Agency,
                "United States Court of Appeals for the Eleventh Circuit",
            ),
            (
                "a court's heading with \"for the\" on a line of its own",
                "UNITED STATES COURT OF APPEALS\nFOR THE\nSECOND CIRCUIT\nAt a stated term of the court.\n",
                EntityClass::Agency,
                "United States Court of Appeals for the Second Circuit",
            ),
            (
                "a filing stamp names the circuit without \"for the\"",
                "FILED\nUnited States Court of Appeals\nTenth Circuit\n\nJanuary 5, 2022\n",
                EntityClass::Agency,
                "United States Court of Appeals for the Tenth Circuit",
            ),
            (
                "the district court an appeal comes from, in capitals over two lines",
                "United States Court of Appeals\nFor the First Circuit\n\nAPPEAL FROM THE UNITED STATES DISTRICT COURT\nFOR THE DISTRICT OF MAINE\n[Hon. Nancy Roe, U.S. District Judge]\n",
                EntityClass::Agency,
                "United States District Court for the District of Maine",
            ),
            (
                "a state's supreme court in a heading of its own",
                "IN THE SUPREME COURT OF NORTH CAROLINA\nNo. 363A14-4\nFiled 11 February 2022\n\nROE, Justice.\n\nThe order is affirmed.\n",
                EntityClass::Agency,
                "Supreme Court of North Carolina",
            ),
            (
                "the President's council takes its acronym along",
                "date 2024-05-01\nAppointments\n\nJane Roe will serve on the President’s Tide Tables Council (TTC). The TTC meets monthly.\n",
                EntityClass::Agency,
                "TTC",
            ),
            (
                "a state's department is not the federal one of that name",
                "date 2024-05-01\nNotice\n\nJane Roe served at the Ohio Department of Labor before joining the New York State Department of Education.\n",
                EntityClass::Agency,
                "Ohio Department of Labor",
            ),
            (
                "a state's department named with \"State\"",
                "date 2024-05-01\nNotice\n\nJane Roe served at the Ohio Department of Labor before joining the New York State Department of Education.\n",
                EntityClass::Agency,
                "New York State Department of Education",
            ),
            (
                "a state's supreme court is not the Supreme Court",
                "date 2024-05-01\nNotice\n\nJane Roe served on the Ohio Supreme Court and in the Ohio House of Representatives.\n",
                EntityClass::Agency,
                "Ohio Supreme Court",
            ),
            (
                "a state's house of representatives is not the House",
                "date 2024-05-01\nNotice\n\nJane Roe served on the Ohio Supreme Court and in the Ohio House of Representatives.\n",
                EntityClass::Agency,
                "Ohio House of Representatives",
            ),
            (
                "a mayor's office is no federal office of that name",
                "date 2024-05-01\nNotice\n\nJane Roe directs the Mayor’s Office of Housing in Springfield.\n",
                EntityClass::Agency,
                "Mayor’s Office of Housing",
            ),
            (
                "\"the President’s … Board\": the possessive is the front of the body's name",
                "date 2024-05-01\nAppointments\n\nJane Roe will serve on the President’s Tide Tables Advisory Board.\n",
                EntityClass::Agency,
                "President’s Tide Tables Advisory Board",
            ),
        ];
        for (case, text, class, label) in cases {
            let ex = Extractor::new().extract(&Document::from_text("t.txt", *text));
            assert!(
                ex.entities.iter().any(|e| e.class == *class
                    && (e.label == *label || e.alt_labels.iter().any(|a| a == label))),
                "{case}: {:#?}",
                ex.entities
                    .iter()
                    .map(|e| (&e.label, e.class))
                    .collect::<Vec<_>>()
            );
        }
    }

    #[test]
    fn surnames_in_capitals_are_the_named_person() {
        let cases: &[(&str, &str, &str, usize)] = &[
            (
                "a caption's surname in capitals, the text's in lower case",
                "date 2024-05-01\nOpinion\n\nBefore: Jane ROE and Mary POE, Circuit Judges.\n\nOpinion by Judge Roe.\n",
                "Jane ROE",
                2,
            ),
            (
                "a transcript's speaker in capitals",
                "date 2024-05-01\nBriefing\n\nQ Where is Jane Roe?\n\nMS. ROE: Here.\n\nROE is no speaker here.\n",
                "Jane Roe",
                2,
            ),
        ];
        for (case, text, label, mentions) in cases {
            let ex = Extractor::new().extract(&Document::from_text("t.txt", *text));
            let people: Vec<_> = ex
                .entities
                .iter()
                .filter(|e| e.class == EntityClass::Person)
                .map(|e| (e.label.as_str(), e.mentions.len()))
                .collect();
            assert!(people.contains(&(*label, *mentions)), "{case}: {people:?}");
        }
    }
}
