//! Stage 4: relations. Patterns over the mentions of a sentence plus the
//! document structure; each fact records the rule that produced it.

use std::collections::{HashMap, HashSet};

use super::dates::DateMention;
use super::lexicon::{is_connector, Lexicon};
use super::mentions::{
    class_key, district_follows, is_head_title, is_title_word, surname, Mention, ACT_CONNECTORS,
    TITLE_HEADS,
};
use super::structure::{Field, Structure};
use super::text::{floor_boundary, Segmented, TokKind};
use crate::extract::words::{Words, MEMO_WORDS, TITLE_SMALL_WORDS};
use crate::model::{Date, EntityClass, Predicate, Span};

mod families;
mod recall;

/// The object of a fact between mentions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FactObject {
    /// Another mention.
    Mention(usize),
    /// A date.
    Date(Date),
    /// A boolean.
    Bool(bool),
    /// A string.
    Text(String),
}

/// A relation between mentions, with its evidence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fact {
    /// Subject mention.
    pub subject: usize,
    /// Predicate.
    pub predicate: Predicate,
    /// Object.
    pub object: FactObject,
    /// Evidence span (a sentence or header block).
    pub evidence: Span,
    /// Rule id.
    pub rule: &'static str,
}

/// Hashes a map's integer key by one multiplication (the maps of mention
/// offsets are looked up at every token of several stages; SipHash showed
/// in the profile).
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct IntHasher(u64);

impl std::hash::Hasher for IntHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x517c_c1b7_2722_0a95);
        }
    }
    fn write_usize(&mut self, n: usize) {
        self.0 = (self.0.rotate_left(5) ^ n as u64).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

type IntMap<V> = HashMap<usize, V, std::hash::BuildHasherDefault<IntHasher>>;

/// Every token of a document in lower case, computed once (rules compare
/// lower-case words at every token of several stages).
#[derive(Debug, Default)]
pub struct Lowered {
    /// The lower-case forms of the tokens that have an upper-case letter.
    buf: String,
    /// For each token: its range in `buf`, or (when it is lower case already) in the text.
    at: Vec<(u32, u32, bool)>,
}

impl Lowered {
    /// The tokens of `seg` in lower case.
    pub fn new(text: &str, seg: &Segmented) -> Self {
        let mut buf = String::new();
        let at = (0..seg.tokens.len())
            .map(|i| {
                let span = seg.tokens[i].span;
                let w = &text[span.start..span.end];
                // (an ASCII word's upper-case letters are ASCII: tested byte by byte)
                let upper = if w.is_ascii() {
                    w.bytes().any(|b| b.is_ascii_uppercase())
                } else {
                    w.chars().any(char::is_uppercase)
                };
                if upper {
                    let a = buf.len();
                    if w.is_ascii() {
                        buf.extend(w.bytes().map(|b| char::from(b.to_ascii_lowercase())));
                    } else {
                        buf.push_str(&w.to_lowercase());
                    }
                    (a as u32, buf.len() as u32, true)
                } else {
                    (span.start as u32, (span.start + w.len()) as u32, false)
                }
            })
            .collect();
        Self { buf, at }
    }
}

/// The working state of relation extraction.
pub struct Ctx<'a> {
    /// Text.
    pub text: &'a str,
    /// Tokens and sentences.
    pub seg: &'a Segmented,
    /// Gazetteer.
    pub lex: &'a Lexicon,
    /// Document structure.
    pub st: &'a Structure,
    /// Dates.
    pub dates: &'a [DateMention],
    /// Document date.
    pub doc_date: Option<Date>,
    /// The mention that stands for the document itself, when it is a memo.
    pub doc_memo: Option<usize>,
    /// Mentions (rules may add some).
    pub mentions: Vec<Mention>,
    /// Token range of each mention.
    pub toks: Vec<(usize, usize)>,
    /// Pairs of mentions that name the same entity (with the class the entity takes).
    pub links: Vec<(usize, usize, Option<EntityClass>)>,
    /// Facts.
    pub facts: Vec<Fact>,
    /// Mentions by the character offset where they start, and where they end.
    starts: IntMap<Vec<usize>>,
    ends: IntMap<Vec<usize>>,
    /// Mentions that are the object of an `org:memberOf` fact (a person's body).
    members_of: HashSet<usize, std::hash::BuildHasherDefault<IntHasher>>,
    /// Mentions that are the subject of a `schema:jobTitle` fact.
    titled: HashSet<usize, std::hash::BuildHasherDefault<IntHasher>>,
    /// The tokens in lower case.
    low: &'a Lowered,
    /// The first mention of each entity key.
    first_of_key: HashMap<String, usize>,
    /// For each token, which classes of mention cover it (see `families`).
    cover: Vec<u8>,
}

/// Capitalized words that modify a title ("National Security Advisor").
/// Classes whose names have short forms defined in quotes.
const CLASSES_WITH_SHORT_NAMES: [EntityClass; 4] = [
    EntityClass::Policy,
    EntityClass::Agency,
    EntityClass::Organization,
    EntityClass::Memo,
];

/// The states, districts and territories of the United States.
static US_STATES: Words = Words::new("us_states");

/// Whether a one-word name is a US state (or D.C.).
pub(crate) fn is_us_state(w: &str) -> bool {
    US_STATES.contains(&w)
}

/// Ranks that qualify a title and may stand before the agency in it
/// ("Acting Homeland Security Secretary").
static RANKS: Words = Words::new("ranks");

/// Titles that name their body, as "Title=Body" ("Comptroller General=Government
/// Accountability Office").
static IMPLIED_BODIES: Words = Words::new("implied_bodies");

/// The body a title names ("Attorney General" -> "Department of Justice";
/// data/words.toml, implied_bodies).
fn implied_body(title: &str) -> Option<&'static str> {
    IMPLIED_BODIES
        .iter()
        .find_map(|e| e.split_once('=').filter(|(t, _)| *t == title))
        .map(|(_, body)| body)
}
static STATE_COUNSEL: Words = Words::new("state_counsel_phrases");

static TITLE_MODIFIERS: Words = Words::new("title_modifiers");

static REPLACE_VERBS: Words = Words::new("replace_verbs");

/// A GAO staff member's post right after the name: "(Assistant Director)",
/// ", Managing Director,", "(Analyst in Charge)"; its last word one of a
/// post's (not a nickname in parentheses: "(K.F.)").
fn staff_title(after: &str) -> Option<String> {
    const POSTS: &[&str] = &[
        "Director",
        "Analyst",
        "Charge",
        "Analyst-in-Charge",
        "Attorney",
        "Counsel",
        "Economist",
        "Manager",
        "Specialist",
        "Auditor",
        "Scientist",
        "Statistician",
        "Advisor",
        "Adviser",
        "Investigator",
        "Engineer",
        "Editor",
        "Lead",
        "Comptroller",
        "Officer",
    ];
    let (inner, close) = if let Some(rest) = after.strip_prefix(" (") {
        (rest, ')')
    } else if let Some(rest) = after.strip_prefix(", ") {
        (rest, ',')
    } else {
        return None;
    };
    let end = inner.find([close, ';', ',', '(', ')', '\n'])?;
    let title = inner[..end].trim();
    let words: Vec<&str> = title.split_whitespace().collect();
    let ok = !words.is_empty()
        && words.len() <= 5
        && title.starts_with(|c: char| c.is_uppercase())
        && !title.contains(|c: char| c.is_ascii_digit() || c == '@' || c == '.')
        && words.last().is_some_and(|w| {
            POSTS.contains(w) || w.strip_prefix("Co-").is_some_and(|w| POSTS.contains(&w))
        });
    ok.then(|| title.to_string())
}

/// A list item's marker: "(1)", "(ii)", "a.", "-", "*", "•".
fn is_item_marker(w: &str) -> bool {
    let inner = w.trim_start_matches('(').trim_end_matches([')', '.']);
    (w.starts_with('(') && w.ends_with(')') || w.ends_with('.'))
        && !inner.is_empty()
        && inner.len() <= 4
        && inner.chars().all(|c| c.is_ascii_alphanumeric())
        || matches!(w, "-" | "*" | "\u{2022}")
}

/// Where the list item starting at `start` ends: at a blank line, or at a
/// line that opens with another item's marker.
fn item_end(text: &str, start: usize) -> usize {
    let mut line = start;
    while let Some(i) = text[line..].find('\n') {
        let next = line + i + 1;
        let rest = text[next..].trim_start_matches([' ', '\t']);
        if rest.starts_with('\n') || is_item_marker(rest.split_whitespace().next().unwrap_or("")) {
            return line + i;
        }
        line = next;
    }
    text.len()
}
static CREATE_VERBS: Words = Words::new("create_verbs");
static DATE_SUBJECT_CUES: Words = Words::new("date_subject_cues");
static ISSUE_VERBS: Words = Words::new("issue_verbs");

impl<'a> Ctx<'a> {
    fn tok_range(seg: &Segmented, span: Span) -> (usize, usize) {
        // (a mention that starts inside the last token, "Department.M-21-31",
        // maps to that token, never past the end)
        let n = seg.tokens.len();
        let a = seg.token_at(span.start).min(n.saturating_sub(1));
        let b = seg.tokens.partition_point(|t| t.span.end <= span.end);
        (a, b.max(a + 1).min(n.max(1)))
    }

    /// A new context.
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        text: &'a str,
        seg: &'a Segmented,
        lex: &'a Lexicon,
        st: &'a Structure,
        dates: &'a [DateMention],
        doc_date: Option<Date>,
        mentions: Vec<Mention>,
        doc_memo: Option<usize>,
        low: &'a Lowered,
    ) -> Self {
        let toks = mentions
            .iter()
            .map(|m| Self::tok_range(seg, m.span))
            .collect();
        let mut starts: IntMap<Vec<usize>> = IntMap::default();
        let mut ends: IntMap<Vec<usize>> = IntMap::default();
        let mut first_of_key: HashMap<String, usize> = HashMap::new();
        for (i, m) in mentions.iter().enumerate() {
            starts.entry(m.span.start).or_default().push(i);
            ends.entry(m.span.end).or_default().push(i);
            first_of_key.entry(m.key.clone()).or_insert(i);
        }
        Self {
            text,
            seg,
            lex,
            st,
            dates,
            doc_date,
            doc_memo,
            mentions,
            toks,
            links: Vec::new(),
            facts: Vec::new(),
            starts,
            ends,
            members_of: HashSet::default(),
            titled: HashSet::default(),
            low,
            first_of_key,
            cover: Vec::new(),
        }
    }

    /// Adds a mention, returning its index.
    pub fn add_mention(&mut self, m: Mention) -> usize {
        let i = self.mentions.len();
        self.toks.push(Self::tok_range(self.seg, m.span));
        self.starts.entry(m.span.start).or_default().push(i);
        self.ends.entry(m.span.end).or_default().push(i);
        self.first_of_key.entry(m.key.clone()).or_insert(i);
        self.mentions.push(m);
        i
    }

    fn tok(&self, i: usize) -> &'a str {
        self.seg.tok(self.text, i)
    }

    /// Whether token `i` is an "Under" that is no title word: "Under" is one
    /// only in "Under Secretary" ("Under President Trump's leadership" is a
    /// preposition before the title "President").
    fn under_not_title(&self, i: usize) -> bool {
        self.tok(i) == "Under" && !matches!(self.tok(i + 1), "Secretary" | "Secretaries")
    }

    /// The token in lower case ("" past the last token).
    pub(crate) fn lower(&self, i: usize) -> &'a str {
        let low: &'a Lowered = self.low;
        match low.at.get(i) {
            Some(&(a, b, true)) => &low.buf[a as usize..b as usize],
            Some(&(a, b, false)) => &self.text[a as usize..b as usize],
            None => "",
        }
    }

    fn sentence_span(&self, tok: usize) -> Span {
        let si = self.seg.sentence_of.get(tok).copied().unwrap_or(0);
        self.seg
            .sentences
            .get(si)
            .map_or(Span::default(), |s| s.span)
    }

    fn sent(&self, m: usize) -> usize {
        self.seg
            .sentence_of
            .get(self.toks[m].0)
            .copied()
            .unwrap_or(usize::MAX)
    }

    pub(crate) fn fact(
        &mut self,
        subject: usize,
        predicate: Predicate,
        object: FactObject,
        evidence: Span,
        rule: &'static str,
    ) {
        if let FactObject::Mention(o) = object {
            if o == subject || self.mentions[o].key == self.mentions[subject].key {
                return;
            }
        }
        if let (Predicate::MemberOf, FactObject::Mention(o)) = (predicate, &object) {
            self.members_of.insert(*o);
        }
        if predicate == Predicate::JobTitle {
            self.titled.insert(subject);
        }
        self.facts.push(Fact {
            subject,
            predicate,
            object,
            evidence,
            rule,
        });
    }

    /// [`Ctx::fact`], unless the same subject, predicate and object are
    /// already a fact (by an earlier rule, whose id it keeps).
    fn fact_once(
        &mut self,
        subject: usize,
        predicate: Predicate,
        object: FactObject,
        evidence: Span,
        rule: &'static str,
    ) {
        let exists = self
            .facts
            .iter()
            .any(|f| f.subject == subject && f.predicate == predicate && f.object == object);
        if !exists {
            self.fact(subject, predicate, object, evidence, rule);
        }
    }

    /// Whether mention `m` names a department ("Department of Labor", "U.S.
    /// Department of State"), which is no other agency's part.
    pub(crate) fn is_department(&self, m: usize) -> bool {
        let x = &self.mentions[m];
        let name = x.canonical.as_deref().unwrap_or(&x.name);
        name.starts_with("Department") || name.starts_with("U.S. Department")
    }

    /// Mentions per sentence, in text order.
    fn by_sentence(&self) -> Vec<Vec<usize>> {
        let mut out = vec![Vec::new(); self.seg.sentences.len()];
        let mut order: Vec<usize> = (0..self.mentions.len()).collect();
        order.sort_by_key(|&m| (self.mentions[m].span.start, self.mentions[m].span.end));
        for m in order {
            if let Some(v) = out.get_mut(self.sent(m)) {
                v.push(m);
            }
        }
        out
    }

    /// Whether mention `m` is the body of a person's title ("the Secretary of Labor").
    pub(crate) fn in_title(&self, m: usize) -> bool {
        self.members_of.contains(&m)
    }

    /// The person an earlier rule gave as the creator of the document's memo
    /// (the first such fact), if the document is a memo.
    pub(crate) fn doc_creator(&self) -> Option<usize> {
        let doc = self.doc_memo?;
        self.facts
            .iter()
            .find(|f| f.subject == doc && f.predicate == Predicate::Creator)
            .and_then(|f| match f.object {
                FactObject::Mention(p) if self.class(p) == EntityClass::Person => Some(p),
                _ => None,
            })
    }

    /// Whether mention `m` has a job title (a `schema:jobTitle` fact) already.
    pub(crate) fn has_job_title(&self, m: usize) -> bool {
        self.titled.contains(&m)
    }

    fn class(&self, m: usize) -> EntityClass {
        self.mentions[m].class
    }

    /// Finds (or creates) a mention for a gazetteer entry named in a span.
    fn agency_for(&mut self, name: &str, span: Span, rule: &'static str) -> Option<usize> {
        let entry = self
            .lex
            .lookup(name)
            .or_else(|| self.lex.lookup_acronym(name))?;
        let e = &self.lex.entries[entry];
        let key = class_key(e.class, &e.canonical);
        if let Some(&i) = self.first_of_key.get(&key) {
            // reuse an existing mention of the entity (its own span stays its own)
            let mut m = self.mentions[i].clone();
            m.span = span;
            m.anaphor = true;
            m.rule = rule;
            return Some(self.add_mention(m));
        }
        let mut m = Mention::new(span, e.class, e.canonical.clone(), rule, 40);
        m.key = key;
        m.canonical = Some(e.canonical.clone());
        m.parent = e.parent.clone();
        // the text names it (inside a longer name, a title or a memo number): a real mention
        Some(self.add_mention(m))
    }

    /// "MEMORANDUM FOR THE ADMINISTRATOR OF THE UNITED STATES AGENCY FOR
    /// INTERNATIONAL DEVELOPMENT": the agencies an ALL-CAPS addressee field names,
    /// found in its title-cased text ("Secretary of Defense" names the
    /// Department of Defense).
    fn addressees_in_caps(&mut self, doc: usize, span: Span) {
        let raw = &self.text[span.start..span.end];
        if raw.chars().any(char::is_lowercase) {
            return;
        }
        let title_case = |s: &str| {
            s.split_whitespace()
                .map(|w| {
                    let lower = w.to_lowercase();
                    if is_connector(&lower) {
                        lower
                    } else {
                        upper_first(&lower)
                    }
                })
                .collect::<Vec<_>>()
                .join(" ")
        };
        let cased = title_case(raw);
        let mut names: Vec<String> = self
            .lex
            .find(&cased)
            .into_iter()
            .filter(|h| !h.acronym && self.lex.entries[h.entry].class == EntityClass::Agency)
            .map(|h| self.lex.entries[h.entry].canonical.clone())
            .collect();
        let lines: Vec<String> = raw.split(['\n', ',', ';']).map(title_case).collect();
        for title in lines.iter().flat_map(|part| part.split(" and the ")) {
            let title = title
                .trim()
                .trim_start_matches("the ")
                .trim_start_matches("The ");
            let title = title.strip_prefix("Acting ").unwrap_or(title);
            if let Some(rest) = title.strip_prefix("Secretary of ") {
                let rest = rest.trim_start_matches("the ");
                names.push(format!("Department of {rest}"));
                names.push(format!("Department of the {rest}"));
            } else if let Some(body) = implied_body(title)
                // (not a title the gazetteer names itself: "THE UNITED STATES TRADE
                // REPRESENTATIVE" is found as written)
                .filter(|_| self.lex.lookup(title).is_none())
            {
                // "THE ATTORNEY GENERAL", "THE DIRECTOR OF NATIONAL INTELLIGENCE":
                // a title that names its body (data/words.toml, implied_bodies)
                names.push(body.to_owned());
            }
        }
        names.dedup();
        for name in names {
            if let Some(a) = self.agency_for(&name, span, "memo.header-to-caps") {
                let known = self.facts.iter().any(|f| {
                    f.subject == doc
                        && f.predicate == Predicate::AddressedTo
                        && matches!(f.object, FactObject::Mention(o) if self.mentions[o].key == self.mentions[a].key)
                });
                if known {
                    continue;
                }
                self.fact(
                    doc,
                    Predicate::AddressedTo,
                    FactObject::Mention(a),
                    span,
                    "memo.header-to",
                );
            }
        }
    }

    /// Short names defined in quotes: "the Robert T. Stafford Disaster Relief and
    /// Emergency Assistance Act, 42 U.S.C. 5121-5207 (the “Stafford Act”)",
    /// "(hereinafter “the Board”)": the quoted name is the earlier entity.
    fn quoted_short_names(&mut self) {
        let n = self.seg.tokens.len();
        for i in 0..n {
            if self.tok(i) != "(" {
                continue;
            }
            // "(" [the | hereinafter [referred to as] [the]] open-quote
            let mut k = i + 1;
            while k < n
                && matches!(
                    self.lower(k),
                    "the" | "hereinafter" | "referred" | "to" | "as" | "or"
                )
            {
                k += 1;
            }
            if k >= n || !matches!(self.tok(k), "\u{201c}" | "\"") {
                continue;
            }
            let Some(short) = self.mention_starting_at(k + 1, &CLASSES_WITH_SHORT_NAMES) else {
                continue;
            };
            let after = self.toks[short].1;
            if after >= n || !matches!(self.tok(after), "\u{201d}" | "\"") {
                continue;
            }
            // the nearest earlier named mention of the same class in the sentence,
            // at most 20 tokens before the parenthesis (a citation may intervene)
            let si = self.seg.sentence_of[i];
            let class = self.class(short);
            let mut near: Vec<usize> = (i.saturating_sub(20).max(1)..=i)
                .filter_map(|b| self.ends.get(&self.seg.tokens[b - 1].span.end))
                .flatten()
                .copied()
                .collect();
            near.sort_unstable();
            near.dedup();
            let long = near
                .into_iter()
                .filter(|&m| {
                    let (a, b) = self.toks[m];
                    b <= i
                        && i - b <= 20
                        && self.seg.sentence_of.get(a) == Some(&si)
                        && self.class(m) == class
                        && !self.mentions[m].anaphor
                        && m != short
                        // ("… Act (Division J of Public Law 118-50) (the “SHIP Act”)": the act's)
                        && self.mentions[m].rule != "pattern.public-law"
                })
                .max_by_key(|&m| self.toks[m].1);
            if let Some(long) = long {
                self.links.push((short, long, Some(class)));
            }
        }
    }

    /// Runs every rule.
    /// Runs the built-in stages; `authors` runs the rules of the `authors`
    /// phase among them.
    pub fn run(&mut self, authors: &dyn Fn(&mut Self)) {
        self.quoted_short_names();
        self.person_titles();
        self.memo_by();
        self.person_issued_memo();
        // ("In a memorandum dated …, P announced X", "P terminated X in a June 1, 2021
        // memorandum": data/rules/memo-clauses.toml, the `authors` phase)
        // ("P, who served as DHS secretary", "P, ICE's director,": data/rules/roles.toml,
        // rel.person-served-as and rel.person-possessive-role)
        self.entitled();
        self.header_fields();
        self.signature();
        self.appositions();
        self.citations();
        self.inline_citations();
        self.memo_names();
        self.families(authors);
        self.recall_families();
        self.report_staff();
        let groups = self.by_sentence();
        for ms in &groups {
            self.sentence_rules(ms);
        }
        self.doc_memo_rules();
        self.gazetteer_parents(&groups);
    }

    /// A GAO report's own staff (a document that gives a "@gao.gov" address):
    /// the people its contact lines name ("For more information, contact Jane
    /// Roe at (202) 512-0000 or roej@gao.gov", "GAO Contact: Jane Roe,
    /// roej@gao.gov") and its acknowledgments list ("In addition to the contact
    /// named above, John Doe (Assistant Director) and Mary Poe made key
    /// contributions to this report") are members of GAO.
    fn report_staff(&mut self) {
        /// How a report or a testimony thanks its staff.
        const STAFF_PHRASES: [&str; 6] = [
            "contributions to this report",
            "contributing to this report",
            "contributors to this report",
            "contributions to this testimony",
            "contributing to this testimony",
            "contributors to this testimony",
        ];
        if !self.text.contains("@gao.gov") {
            return;
        }
        let Some(gao) = (0..self.mentions.len()).find(|&m| {
            let x = &self.mentions[m];
            x.class == EntityClass::Agency
                && !x.anaphor
                && matches!(
                    x.canonical.as_deref().unwrap_or(&x.name),
                    "Government Accountability Office" | "U.S. Government Accountability Office"
                )
        }) else {
            return;
        };
        let persons = self.named(EntityClass::Person);
        for si in 0..self.seg.sentences.len() {
            let span = self.seg.sentences[si].span;
            // (a line break may fall inside the phrase; a testimony thanks its staff the same way)
            let said = self.text[span.start..span.end]
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            let staff = said.contains("@gao.gov")
                || STAFF_PHRASES.iter().any(|p| said.contains(p))
                    && !said.contains("are listed in");
            if !staff {
                continue;
            }
            for &p in &persons {
                if span.contains(self.mentions[p].span) {
                    self.fact_once(
                        p,
                        Predicate::MemberOf,
                        FactObject::Mention(gao),
                        span,
                        "person.report-staff",
                    );
                    let after = &self.text[self.mentions[p].span.end..span.end];
                    if let Some(title) = staff_title(after) {
                        self.fact_once(
                            p,
                            Predicate::JobTitle,
                            FactObject::Text(title),
                            span,
                            "person.report-staff-title",
                        );
                    }
                }
            }
        }
    }

    /// A policy a memo concerns or an agency implements, or an agency a
    /// department includes, followed by others in the same list: "in accordance with the Privacy Act of 1974 (5
    /// U.S.C. 552a), as amended by the Tide Records
    /// Protection Act of 1988"; "administers the A Program, the B Program and
    /// the C Program". Each listed policy gets the same fact, with its own
    /// rule id.
    pub(crate) fn coordinated_lists(&mut self) {
        let found = self.facts.len();
        for i in 0..found {
            let (subject, predicate, evidence) = {
                let f = &self.facts[i];
                (f.subject, f.predicate, f.evidence)
            };
            // the listed side: the object of a concern or a carrying out, the
            // subject of "the Department includes A, B and C"
            let (rule, o, class, other) = match (predicate, &self.facts[i].object) {
                (Predicate::Concerns, FactObject::Mention(o)) => {
                    ("rel.listed-concerns", *o, EntityClass::Policy, subject)
                }
                (Predicate::Implements, FactObject::Mention(o)) => {
                    ("rel.listed-implements", *o, EntityClass::Policy, subject)
                }
                (Predicate::SubOrganizationOf, FactObject::Mention(o))
                    if self.facts[i].rule == "rel.sub-org-includes" =>
                {
                    ("rel.listed-sub-org", subject, EntityClass::Agency, *o)
                }
                _ => continue,
            };
            if self.class(o) != class || self.mentions[o].anaphor {
                continue;
            }
            let (oa, mut k) = self.toks[o];
            let si = self.seg.sentence_of.get(oa).copied().unwrap_or(usize::MAX);
            let Some(last) = self.seg.sentences.get(si).map(|s| s.last) else {
                continue;
            };
            for _ in 0..8 {
                // a citation in parentheses: "(5 U.S.C. 552a)", "(Pub. L. 100-503)"
                if k < last && self.tok(k) == "(" {
                    match (k + 1..(k + 16).min(last)).find(|&t| self.tok(t) == ")") {
                        Some(close) if (k + 1..close).all(|t| self.cov(t) == 0) => k = close + 1,
                        _ => break,
                    }
                }
                // ", as amended" closing this item (not "as amended by")
                if k + 2 < last
                    && self.tok(k) == ","
                    && self.lower(k + 1) == "as"
                    && self.lower(k + 2) == "amended"
                    && (k + 3 >= last || self.lower(k + 3) != "by")
                {
                    k += 3;
                }
                let from = k;
                while k < last
                    && k < from + 4
                    && matches!(
                        self.lower(k),
                        "," | ";" | "and" | "as" | "amended" | "by" | "the"
                    )
                {
                    k += 1;
                }
                let seps = &(from..k).map(|t| self.lower(t)).collect::<Vec<_>>()[..];
                let joined = matches!(
                    seps,
                    [","]
                        | [";"]
                        | ["and"]
                        | [",", "and"]
                        | [";", "and"]
                        | [",", "as", "amended", "by"]
                        | [",", "the"]
                        | [";", "the"]
                        | ["and", "the"]
                        | [",", "and", "the"]
                        | [";", "and", "the"]
                );
                // (a part's list runs on commas and "and" only: "; the Department
                // of Y, including Z" is another pair)
                if !joined || class == EntityClass::Agency && seps.contains(&";") {
                    break;
                }
                let Some(m) = self.mention_starting_at(k, &[class]) else {
                    break;
                };
                if self.mentions[m].anaphor {
                    break;
                }
                // (a department is nobody's part)
                let (s, o) = if class == EntityClass::Agency {
                    if self.is_department(m) {
                        break;
                    }
                    (m, other)
                } else {
                    (other, m)
                };
                self.fact_once(s, predicate, FactObject::Mention(o), evidence, rule);
                k = self.toks[m].1;
            }
        }
    }

    /// Title before or after a person's name: jobTitle, memberOf, headOf.
    fn person_titles(&mut self) {
        for p in self.named(EntityClass::Person) {
            let (a, b) = self.toks[p];
            let ev = self.sentence_span(a);
            // left: "ICE Director John Morton", "Secretary of Homeland Security Janet Napolitano"
            let mut k = a;
            let mut has_lower = false;
            // (a nominee line's name starts its line: the line before ends with
            // another nominee's title, "… Nominee for Director of the X\nNAME, Nominee for …")
            let nominee_line = a > 0
                && b + 1 < self.seg.tokens.len()
                && self.tok(b) == ","
                && matches!(self.tok(b + 1), "Nominee" | "Nominees")
                && self.text[self.seg.tokens[a - 1].span.end..self.seg.tokens[a].span.start]
                    .contains('\n');
            while k > 0 && !nominee_line {
                let w = self.tok(k - 1);
                // ("secretary under President Obama": "under" is a title word only as "Under Secretary")
                let lower = w.chars().next().is_some_and(char::is_lowercase)
                    && w != "of"
                    && w != "under"
                    && is_title_word(&upper_first(w));
                has_lower |= lower;
                // ("… Council President and CEO NAME": two titles joined)
                let joined = matches!(w, "and" | "&")
                    && k < a
                    && k >= 2
                    && is_title_word(self.tok(k - 2))
                    && self.tok(k - 2).starts_with(char::is_uppercase)
                    && is_title_word(self.tok(k))
                    // (not two people: "the President and Speaker NAME", "the First
                    // Lady and President NAME", "Assistant to the President and …")
                    && (k < 3 || !matches!(self.tok(k - 3), "the" | "The" | "First"));
                let is_title = lower
                    || joined
                    || ((is_title_word(w) || TITLE_MODIFIERS.contains(&w))
                        && w.chars().next().is_some_and(char::is_uppercase))
                    || (w == "of" && k < a && k >= 2);
                // (a line wrapped inside a sentence: "… Chairman\nNAME said")
                let gap =
                    &self.text[self.seg.tokens[k - 1].span.end..self.seg.tokens[k].span.start];
                let same_line = !gap.contains('\n')
                    || gap.matches('\n').count() == 1
                        && self.seg.sentence_of[k - 1] == self.seg.sentence_of[k];
                if !is_title
                    || self.under_not_title(k - 1)
                    || !same_line
                    || self.covered_by(k - 1, |m| m.class != EntityClass::Person)
                {
                    break;
                }
                k -= 1;
            }
            while k < a && self.tok(k) == "of" {
                k += 1;
            }
            let mut title: Option<(Span, String)> = None;
            let mut agency: Option<usize> = None;
            if k < a {
                let span = Span::new(
                    self.seg.tokens[k].span.start,
                    self.seg.tokens[a - 1].span.end,
                );
                let t = self.text[span.start..span.end].to_string();
                if TITLE_HEADS
                    .iter()
                    .any(|h| t.split_whitespace().any(|w| upper_first(w) == *h))
                    && !matches!(t.as_str(), "Mr." | "Mrs." | "Ms." | "Dr.")
                {
                    // an agency right before the title ("ICE Director"), possibly after its acronym definition
                    // (not across a blank line: a heading's body is not the next
                    // paragraph's "Judge NAME")
                    agency = self
                        .mention_ending_before(k, &[EntityClass::Agency, EntityClass::Organization])
                        .filter(|&ag| {
                            let end = self.mentions[ag].span.end;
                            let gap = &self.text[end..self.seg.tokens[k].span.start];
                            !gap.contains("\n\n")
                        });
                    // "Acting Homeland Security Secretary", "Deputy DHS Secretary": the rank
                    // before the agency belongs to the title
                    let rank = agency
                        .map(|ag| self.toks[ag].0)
                        .filter(|&ga| ga > 0 && RANKS.contains(&self.tok(ga - 1)));
                    title = Some(match rank {
                        Some(ga) => (
                            Span::new(self.seg.tokens[ga - 1].span.start, span.end),
                            format!("{} {t}", self.tok(ga - 1)),
                        ),
                        None => (span, t),
                    });
                }
            } else if a > 0 && !nominee_line {
                // "Secretary of Homeland Security Janet Napolitano": title, "of", agency mention, name
                if let Some(ag) = self.mention_ending_before(a, &[EntityClass::Agency]) {
                    let (ga, _) = self.toks[ag];
                    if ga >= 2 && self.tok(ga - 1) == "of"
                        || ga >= 3 && self.tok(ga - 1) == "the" && self.tok(ga - 2) == "of"
                    {
                        let of = if self.tok(ga - 1) == "of" {
                            ga - 1
                        } else {
                            ga - 2
                        };
                        if of > 0 && TITLE_HEADS.contains(&self.tok(of - 1)) {
                            // "Deputy Secretary of State NAME": the rank is the title's
                            let mut first = of - 1;
                            while first > 0 && RANKS.contains(self.tok(first - 1)) {
                                first -= 1;
                            }
                            let span = Span::new(
                                self.seg.tokens[first].span.start,
                                self.seg.tokens[a - 1].span.end,
                            );
                            title = Some((span, self.text[span.start..span.end].to_string()));
                            agency = Some(ag);
                        }
                    }
                }
            }
            // right: "Sylvia M. Burwell, Director" or a title on the next line of a header block
            // (after a degree: "Rob Roe MD, CEO of …")
            let mut b = b;
            while b < self.seg.tokens.len()
                && crate::extract::mentions::is_degree_abbreviation(self.tok(b))
            {
                b += 1;
            }
            if title.is_none() && b < self.seg.tokens.len() {
                let gap =
                    &self.text[self.seg.tokens[b - 1].span.end..self.seg.tokens[b].span.start];
                let comma = self.tok(b) == ",";
                let next_line = gap.contains('\n') && gap.matches('\n').count() == 1;
                if comma || next_line {
                    let mut start = if comma { b + 1 } else { b };
                    // ", the acting director of ICE,": lower-case titles after a comma
                    while comma
                        && start < self.seg.tokens.len()
                        && matches!(self.tok(start), "the" | "a" | "an" | "then" | "now")
                    {
                        start += 1;
                    }
                    let mut e = start;
                    while e < self.seg.tokens.len() {
                        let w = self.tok(e);
                        let cap = w.chars().next().is_some_and(|c| c.is_uppercase());
                        let lower_title =
                            comma && !cap && w != "of" && is_title_word(&upper_first(w));
                        if !((is_title_word(w) && (cap || w == "of")) || lower_title)
                            // ("CEO of General Motors": a company's name starts
                            // there; "Deputy Counsel to the President" is one title)
                            || (e > start
                                && self
                                    .mention_starting_at(e, &[EntityClass::Organization])
                                    .is_some())
                            // (", a Justice Department lawyer": a body's name, no title)
                            || self
                                .mention_starting_at(e, &[EntityClass::Agency])
                                .is_some_and(|m| {
                                    let end = self.toks[m].1;
                                    end > e + 1
                                        && matches!(
                                            self.tok(end - 1),
                                            "Department" | "Agency" | "Service" | "Bureau"
                                        )
                                })
                            || (e > start
                                && self.text[self.seg.tokens[e - 1].span.end
                                    ..self.seg.tokens[e].span.start]
                                    .contains('\n'))
                        {
                            break;
                        }
                        e += 1;
                    }
                    // "Chief Recovery Officer", "Chief Diplomatic Advisor": a title's
                    // first word, up to three capitalized words that are no title's,
                    // then the title's head on the same line
                    if e > start && self.tok(e - 1) != "of" {
                        if let Some(h) = (e..(e + 4).min(self.seg.tokens.len()))
                            .take_while(|&k| {
                                self.seg.tokens[k].kind == TokKind::Word
                                    && self.tok(k).chars().next().is_some_and(char::is_uppercase)
                                    && !self.line_break_before(k)
                                    && self
                                        .mention_starting_at(
                                            k,
                                            &[
                                                EntityClass::Agency,
                                                EntityClass::Organization,
                                                EntityClass::Person,
                                            ],
                                        )
                                        .is_none()
                            })
                            .find(|&k| TITLE_HEADS.contains(&self.tok(k)))
                        {
                            e = h + 1;
                        }
                    }
                    while e > start && self.tok(e - 1) == "of" {
                        e -= 1;
                    }
                    // "Secretary of Homeland Security": "of" and capitalized words to the end of the line
                    if e > start
                        && e + 1 < self.seg.tokens.len()
                        && self.tok(e) == "of"
                        && self
                            .mention_starting_at(
                                e + 1,
                                &[EntityClass::Agency, EntityClass::Organization],
                            )
                            .is_none()
                        && self
                            .mention_starting_at(
                                e + 2,
                                &[EntityClass::Agency, EntityClass::Organization],
                            )
                            .is_none()
                    {
                        let mut f = e + 1;
                        while f < self.seg.tokens.len()
                            && self.tok(f).chars().next().is_some_and(|c| {
                                c.is_uppercase() || self.tok(f) == "the" || self.tok(f) == "and"
                            })
                            && !self.text
                                [self.seg.tokens[f - 1].span.end..self.seg.tokens[f].span.start]
                                .contains('\n')
                        {
                            f += 1;
                        }
                        if f > e + 1 {
                            e = f;
                        }
                    }
                    if e > start {
                        let span = Span::new(
                            self.seg.tokens[start].span.start,
                            self.seg.tokens[e - 1].span.end,
                        );
                        let t = self.text[span.start..span.end].to_string();
                        if TITLE_HEADS.iter().any(|h| {
                            t.split_whitespace().next_back().map(upper_first).as_deref() == Some(*h)
                        }) {
                            title = Some((span, t));
                            // ", Office of X", " of the Office of X", " for DHS" after the title
                            let mut f = e;
                            if f < self.seg.tokens.len()
                                && matches!(self.tok(f), "," | "of" | "for" | "at" | "with")
                            {
                                f += 1;
                            }
                            if f < self.seg.tokens.len() && self.tok(f) == "the" {
                                f += 1;
                            }
                            agency = self.mention_starting_at(
                                f,
                                &[EntityClass::Agency, EntityClass::Organization],
                            );
                            // "NAME, Secretary of Labor NAME2": the title is the next person's
                            let after = agency.map_or(e, |ag| self.toks[ag].1);
                            let same_line = after < self.seg.tokens.len()
                                && !self.text[self.seg.tokens[after - 1].span.end
                                    ..self.seg.tokens[after].span.start]
                                    .contains('\n');
                            if same_line
                                && self
                                    .mention_starting_at(after, &[EntityClass::Person])
                                    .is_some()
                            {
                                title = None;
                                agency = None;
                            }
                        }
                    }
                }
            }
            // a lower-case title ("ICE spokeswoman Jane Doe") counts only right after its agency
            if has_lower && agency.is_none() {
                continue;
            }
            let Some((tspan, t)) = title else { continue };
            let ev = if ev.contains(tspan) {
                ev
            } else {
                Span::new(ev.start.min(tspan.start), ev.end.max(tspan.end))
            };
            let clean = t.split_whitespace().collect::<Vec<_>>().join(" ");
            // titles that imply their body
            if agency.is_none() {
                agency = self.implied_agency(&clean, tspan);
            }
            self.fact(
                p,
                Predicate::JobTitle,
                FactObject::Text(clean.clone()),
                ev,
                "rel.person-title",
            );
            if let Some(ag) = agency {
                self.fact(
                    p,
                    Predicate::MemberOf,
                    FactObject::Mention(ag),
                    ev,
                    "rel.person-title-agency",
                );
                let commission_member = clean.ends_with("Commissioner")
                    && self.mentions[ag]
                        .canonical
                        .as_deref()
                        .unwrap_or(&self.mentions[ag].name)
                        .contains("Commission");
                let advisory = [
                    "Advisor",
                    "Adviser",
                    "Coordinator",
                    "Envoy",
                    "Spokesperson",
                    "Spokesman",
                    "Spokeswoman",
                ]
                .iter()
                .any(|w| clean.ends_with(w));
                // "a Director of the X Board": one of its directors, not its head
                let indefinite = self.text[..tspan.start]
                    .trim_end()
                    .rsplit([' ', '\n'])
                    .next()
                    .is_some_and(|w| matches!(w, "a" | "an" | "A" | "An"));
                if is_head_title(&clean) && !commission_member && !advisory && !indefinite {
                    self.fact(
                        p,
                        Predicate::HeadOf,
                        FactObject::Mention(ag),
                        ev,
                        "rel.person-head-title",
                    );
                }
            }
        }
    }

    fn implied_agency(&mut self, title: &str, span: Span) -> Option<usize> {
        // "Texas Attorney General", "the state's Secretary of State": not federal
        let before = self.text[..span.start].trim_end();
        let prev = before
            .rsplit(|c: char| c.is_whitespace())
            .next()
            .unwrap_or("")
            .trim_end_matches("'s")
            .trim_end_matches("\u{2019}s");
        if prev.eq_ignore_ascii_case("state")
            || prev.eq_ignore_ascii_case("state's")
            || is_us_state(prev)
            || US_STATES
                .iter()
                .any(|st| st.contains(' ') && before.ends_with(st))
        {
            return None;
        }
        // "Joshua Stein, Attorney General, by …, for the State.": counsel of a
        // state in its court, whose Attorney General is the state's
        // (data/words.toml, state_counsel_phrases)
        let tok = self
            .seg
            .tokens
            .partition_point(|t| t.span.end <= span.start);
        let sentence = self.sentence_span(tok);
        if sentence.end > sentence.start {
            let said = self.text[sentence.start..sentence.end.min(self.text.len())]
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase()
                + ".";
            if STATE_COUNSEL.iter().any(|ph| said.contains(ph)) {
                return None;
            }
        }
        let t = title
            .trim_start_matches("Acting ")
            .trim_start_matches("U.S. ");
        // "Attorney General", "Comptroller General", "Postmaster General": a title
        // that names its body (data/words.toml, implied_bodies)
        if let Some(body) = implied_body(t) {
            return self.agency_for(body, span, "title.implied-agency");
        }
        if let Some(rest) = t
            .strip_prefix("Secretary of ")
            .or_else(|| t.strip_prefix("Deputy Secretary of "))
        {
            let rest = rest.trim_start_matches("the ");
            return self
                .agency_for(
                    &format!("Department of {rest}"),
                    span,
                    "title.implied-agency",
                )
                .or_else(|| {
                    self.agency_for(
                        &format!("Department of the {rest}"),
                        span,
                        "title.implied-agency",
                    )
                });
        }
        None
    }

    /// The mentions that cover token `tok`: mentions start at tokens, so those
    /// starting up to 400 tokens before it, and the document's own (which may be
    /// longer). The document's own may come twice.
    pub(crate) fn mentions_covering(&self, tok: usize) -> impl Iterator<Item = usize> + '_ {
        let span = self.seg.tokens.get(tok).map(|t| t.span);
        let covers = move |m: &usize| span.is_some_and(|s| self.mentions[*m].span.contains(s));
        let window = if span.is_some() {
            tok.saturating_sub(400)..tok + 1
        } else {
            0..0
        };
        self.doc_memo.into_iter().filter(covers).chain(
            window
                .filter_map(|t| self.starts.get(&self.seg.tokens[t].span.start))
                .flatten()
                .copied()
                .filter(covers),
        )
    }

    /// Whether a mention satisfying `pred` covers token `tok`.
    fn covered_by(&self, tok: usize, pred: impl Fn(&Mention) -> bool) -> bool {
        self.mentions_covering(tok).any(|m| pred(&self.mentions[m]))
    }

    /// The dates that start at `lo` or later and before `hi`, in text order.
    fn dates_starting(&self, lo: usize, hi: usize) -> &'a [DateMention] {
        let dates = self.dates;
        let from = dates.partition_point(|d| d.span.start < lo);
        let to = dates.partition_point(|d| d.span.start < hi).max(from);
        &dates[from..to]
    }

    /// The mentions of a class that are names, not references back, in order.
    fn named(&self, class: EntityClass) -> Vec<usize> {
        (0..self.mentions.len())
            .filter(|&m| self.class(m) == class && !self.mentions[m].anaphor)
            .collect()
    }

    /// The date that starts at token `tok`, if any.
    fn date_at(&self, tok: usize) -> Option<DateMention> {
        let at = self.seg.tokens.get(tok)?.span.start;
        self.dates_starting(at, at + 1).first().copied()
    }

    fn mention_ending_before(&self, tok: usize, classes: &[EntityClass]) -> Option<usize> {
        if tok == 0 {
            return None;
        }
        // skip an acronym definition "(ICE)" and possessive
        let mut k = tok;
        if k >= 3 && self.tok(k - 1) == ")" && self.tok(k - 3) == "(" {
            k -= 3;
        }
        if k >= 1 && self.seg.tokens[k - 1].kind == TokKind::Possessive {
            k -= 1;
        }
        let end = self.seg.tokens.get(k.checked_sub(1)?)?.span.end;
        self.ends
            .get(&end)?
            .iter()
            .copied()
            .filter(|&m| classes.contains(&self.class(m)))
            .min_by_key(|&m| self.mentions[m].anaphor)
    }

    fn mention_starting_at(&self, tok: usize, classes: &[EntityClass]) -> Option<usize> {
        let start = self.seg.tokens.get(tok)?.span.start;
        self.starts
            .get(&start)?
            .iter()
            .copied()
            .filter(|&m| classes.contains(&self.class(m)))
            .min_by_key(|&m| self.mentions[m].anaphor)
    }

    /// The first mention (by index) that covers token `tok`.
    fn mention_at_token(&self, tok: usize) -> Option<usize> {
        self.mentions_covering(tok).min()
    }

    /// "a memo by ICE Director John Morton": a memo named after its author.
    fn memo_by(&mut self) {
        let n = self.seg.tokens.len();
        for i in 0..n {
            let w = self.lower(i);
            if !matches!(w, "memo" | "memorandum" | "directive" | "guidance")
                || self
                    .mention_at_token(i)
                    .is_some_and(|m| self.mentions[m].rule != "memo.dated-word")
            {
                continue;
            }
            let mut k = i + 1;
            while k < n && matches!(self.lower(k), "issued" | "signed" | "written" | "authored") {
                k += 1;
            }
            if k >= n || !matches!(self.lower(k), "by" | "from") {
                // "memorandum on prosecutorial discretion issued by ...", "guidance
                // issued on February 18, 2021 by ..."
                match (i + 1..(i + 9).min(n)).find_map(|t| {
                    if !matches!(self.lower(t), "issued" | "signed" | "written") {
                        return None;
                    }
                    if t + 1 < n && self.lower(t + 1) == "by" {
                        return Some((t, t + 1));
                    }
                    // a date between the verb and "by"
                    let by = (t + 2..(t + 9).min(n)).find(|&b| self.lower(b) == "by")?;
                    let from = self.seg.tokens[t + 1].span.start;
                    let to = self.seg.tokens[by - 1].span.end;
                    let dated = self
                        .dates_starting(from.saturating_sub(64), from + 4)
                        .iter()
                        .any(|d| d.span.start <= from + 3 && d.span.end + 1 >= to);
                    dated.then_some((t, by))
                }) {
                    Some((t, by))
                        if !(i + 1..t).any(|x| matches!(self.tok(x), "." | ";" | ",")) =>
                    {
                        k = by
                    }
                    _ => continue,
                }
            }
            // the first person within 10 tokens in the same sentence
            let si = self.seg.sentence_of[i];
            let person = (k + 1..(k + 12).min(n))
                .take_while(|&t| self.seg.sentence_of[t] == si)
                .find_map(|t| self.mention_starting_at(t, &[EntityClass::Person]));
            let ev = self.sentence_span(i);
            // a memo named by its date ("my June 17, 2011 memorandum") is the memo itself
            let dated = self
                .ends
                .get(&self.seg.tokens[i].span.end)
                .into_iter()
                .flatten()
                .copied()
                .filter(|&m| self.mentions[m].rule == "memo.dated-word")
                .min();
            if let (Some(p), Some(memo)) = (person, dated) {
                self.fact(
                    memo,
                    Predicate::Creator,
                    FactObject::Mention(p),
                    ev,
                    "rel.memo-by",
                );
                continue;
            }
            if let Some(p) = person {
                let name = format!("{} memo", surname(&self.mentions[p].name));
                let mut m = Mention::new(
                    self.seg.tokens[i].span,
                    EntityClass::Memo,
                    name,
                    "memo.by-person",
                    60,
                );
                m.anaphor = true;
                let memo = self.add_mention(m);
                // the memo's name, without an alias from the surface "memo"
                self.mentions[memo].anaphor = false;
                self.mentions[memo].extra.clear();
                // "the Interim Guidance issued ... by X": its capitalized name too
                if self.tok(i).starts_with(char::is_uppercase) {
                    let mut j = i;
                    while j > 0
                        && self.seg.sentence_of[j - 1] == self.seg.sentence_of[i]
                        && self.tok(j - 1).starts_with(char::is_uppercase)
                        && self.seg.tokens[j - 1].kind == TokKind::Word
                        && !matches!(self.tok(j - 1), "The" | "This" | "A" | "An")
                    {
                        j -= 1;
                    }
                    if j < i {
                        let name = self.text
                            [self.seg.tokens[j].span.start..self.seg.tokens[i].span.end]
                            .to_string();
                        self.mentions[memo].extra.push(name);
                    }
                }
                self.fact(
                    memo,
                    Predicate::Creator,
                    FactObject::Mention(p),
                    ev,
                    "rel.memo-by",
                );
                self.issued_after(memo, ev, "rel.memo-date");
                // "the 2011 guidance issued by ...": a date or a year right before the noun
                let noun_start = self.seg.tokens[i].span.start;
                let year_before = (i >= 2
                    && matches!(
                        self.lower(i - 2),
                        "the" | "a" | "an" | "its" | "his" | "her" | "their"
                    ))
                .then(|| self.tok(i - 1).parse::<i32>().ok())
                .flatten()
                .filter(|y| (1900..=2100).contains(y))
                .map(Date::y);
                let date = self
                    .dates_starting(noun_start.saturating_sub(64), noun_start + 1)
                    .iter()
                    .find(|d| d.span.end <= noun_start && d.span.end + 1 >= noun_start)
                    .map(|d| d.date)
                    .or(year_before);
                if let Some(d) = date {
                    self.fact(
                        memo,
                        Predicate::Issued,
                        FactObject::Date(d),
                        ev,
                        "rel.date-before-memo",
                    );
                }
            }
        }
    }

    /// "Secretary Alejandro Mayorkas signed a memo on June 1": a memo named after its author.
    fn person_issued_memo(&mut self) {
        let n = self.seg.tokens.len();
        let persons: Vec<usize> = (0..self.mentions.len())
            .filter(|&m| self.class(m) == EntityClass::Person)
            .collect();
        for p in persons {
            let mut k = self.skip_apposition(self.toks[p].1);
            if k < n && matches!(self.lower(k), "has" | "had" | "have") {
                k += 1;
            }
            if k + 2 >= n || !ISSUE_VERBS.contains(&self.lower(k)) {
                continue;
            }
            let mut w = k + 1;
            if matches!(
                self.lower(w),
                "a" | "an" | "the" | "his" | "her" | "their" | "new"
            ) {
                w += 1;
            }
            if w < n
                && matches!(
                    self.lower(w),
                    "new" | "policy" | "internal" | "final" | "two-page" | "three-page"
                )
            {
                w += 1;
            }
            if w >= n || !matches!(self.lower(w), "memo" | "memorandum" | "directive") {
                continue;
            }
            let ev = self.sentence_span(k);
            // "issued a memorandum on January 25, 2019": the dated memo
            if let Some(dated) = self
                .mention_at_token(w)
                .filter(|&m| self.mentions[m].rule == "memo.word-dated")
            {
                self.fact(
                    dated,
                    Predicate::Creator,
                    FactObject::Mention(p),
                    ev,
                    "rel.person-issued-memo",
                );
                continue;
            }
            if self.mention_at_token(w).is_some() {
                continue;
            }
            let name = format!("{} memo", surname(&self.mentions[p].name));
            let m = Mention::new(
                self.seg.tokens[w].span,
                EntityClass::Memo,
                name,
                "memo.issued-by-person",
                60,
            );
            let memo = self.add_mention(m);
            self.fact(
                memo,
                Predicate::Creator,
                FactObject::Mention(p),
                ev,
                "rel.person-issued-memo",
            );
            self.issued_after(memo, ev, "rel.memo-date");
        }
    }

    /// The token after an apposition that follows a name (", the Secretary of
    /// Homeland Security,"), or `k` itself.
    fn skip_apposition(&self, k: usize) -> usize {
        let n = self.seg.tokens.len();
        if k >= n || self.tok(k) != "," {
            return k;
        }
        let si = self.seg.sentence_of[k];
        (k + 1..(k + 14).min(n))
            .take_while(|&t| self.seg.sentence_of[t] == si)
            .find(|&t| self.tok(t) == ",")
            .filter(|&c| {
                // a title or a description, not a list of names or a clause
                let first = self.lower(k + 1);
                matches!(first, "the" | "a" | "then" | "former" | "now")
                    || is_title_word(self.tok(k + 1))
                    || c > k + 1
                        && self
                            .mention_starting_at(k + 1, &[EntityClass::Agency])
                            .is_some()
            })
            .map_or(k, |c| c + 1)
    }

    /// A person's job title, membership of the body it names, and headship
    /// when the title heads it ("Director", not "Deputy Director").
    fn role_facts(
        &mut self,
        p: usize,
        title: String,
        body: Option<usize>,
        ev: Span,
        rule: &'static str,
    ) {
        let heads = is_head_title(&title);
        self.fact(p, Predicate::JobTitle, FactObject::Text(title), ev, rule);
        if let Some(a) = body {
            self.fact(p, Predicate::MemberOf, FactObject::Mention(a), ev, rule);
            if heads {
                self.fact(p, Predicate::HeadOf, FactObject::Mention(a), ev, rule);
            }
        }
    }

    /// Memo named after a person ("the Morton memo") -> creator; numbered memo with an agency prefix -> creator.
    fn memo_names(&mut self) {
        for m in 0..self.mentions.len() {
            if !matches!(self.class(m), EntityClass::Memo | EntityClass::Agency)
                || self.mentions[m].anaphor
            {
                continue;
            }
            let Some(hint) = self.mentions[m].hint.clone() else {
                continue;
            };
            let ev = self.sentence_span(self.toks[m].0);
            if self.mentions[m].rule == "pattern.agency-modifier" {
                let span = self.mentions[m].span;
                if let Some(a) = self.agency_for(&hint, span, "pattern.agency-modifier") {
                    self.fact(
                        m,
                        Predicate::SubOrganizationOf,
                        FactObject::Mention(a),
                        ev,
                        "rel.agency-modifier",
                    );
                }
                continue;
            }
            if self.mentions[m].rule == "memo.named-by-person" {
                let person = (0..self.mentions.len()).find(|&p| {
                    self.class(p) == EntityClass::Person && surname(&self.mentions[p].name) == hint
                });
                if let Some(p) = person {
                    self.fact(
                        m,
                        Predicate::Creator,
                        FactObject::Mention(p),
                        ev,
                        "rel.memo-named-by-person",
                    );
                } else if let Some(ag) = self
                    .lex
                    .lookup_acronym(&hint)
                    .map(|e| self.lex.entries[e].canonical.clone())
                {
                    let span = Span::new(
                        self.mentions[m].span.start,
                        self.mentions[m].span.start + hint.len(),
                    );
                    if let Some(a) = self.agency_for(&ag, span, "memo.agency-prefix") {
                        self.fact(
                            m,
                            Predicate::Creator,
                            FactObject::Mention(a),
                            ev,
                            "rel.memo-agency-prefix",
                        );
                    }
                }
            } else if self.mentions[m].rule == "memo.number" {
                let span = Span::new(
                    self.mentions[m].span.start,
                    self.mentions[m].span.start + hint.len(),
                );
                if let Some(a) = self.agency_for(&hint, span, "memo.agency-prefix") {
                    self.fact(
                        m,
                        Predicate::Creator,
                        FactObject::Mention(a),
                        ev,
                        "rel.memo-agency-prefix",
                    );
                }
            }
        }
    }

    /// The first full date after a memo mention in its sentence (within a short window) -> issued.
    fn issued_after(&mut self, memo: usize, ev: Span, rule: &'static str) -> bool {
        let end_tok = self.toks[memo].1;
        let si = self.sent(memo);
        let limit = self
            .seg
            .tokens
            .get((end_tok + 14).min(self.seg.tokens.len().saturating_sub(1)))
            .map_or(usize::MAX, |t| t.span.end);
        let start = self.mentions[memo].span.end;
        // whether another memo starts at or after `start`, up to `pos` (a date
        // after it is that memo's)
        let memo_between = |pos: usize| {
            let first = self.seg.token_at(start);
            self.seg.tokens[first..]
                .iter()
                .take_while(|t| t.span.start <= pos)
                .filter_map(|t| self.starts.get(&t.span.start))
                .flatten()
                .any(|&x| self.mentions[x].class == EntityClass::Memo && !self.mentions[x].anaphor)
        };
        // dates are in text order: look only at those between the memo and the limit
        let first_date = self.dates.partition_point(|d| d.span.start < start);
        let found = self.dates[first_date..]
            .iter()
            .take_while(|d| d.span.start < limit)
            .find(|d| {
                d.span.end <= limit
                    && !memo_between(d.span.start)
                    && self
                        .seg
                        .sentence_of
                        .get(self.seg.token_at(d.span.start))
                        .copied()
                        == Some(si)
                    && (!d.bare_year
                        || self.text[start..d.span.start]
                            .to_lowercase()
                            .contains("in "))
            });
        if let Some(d) = found.copied() {
            // not the date of something else: "created in 2003"
            let between = self.text[start..d.span.start].to_lowercase();
            if CREATE_VERBS
                .iter()
                .any(|v| between.split_whitespace().any(|w| w == *v))
                || DATE_SUBJECT_CUES.iter().any(|c| between.contains(c))
            {
                return false;
            }
            self.fact(memo, Predicate::Issued, FactObject::Date(d.date), ev, rule);
            return true;
        }
        false
    }

    /// "a Memorandum on May 23, 2012 entitled Building a 21st Century Digital Government": a memo named by its title.
    fn entitled(&mut self) {
        let n = self.seg.tokens.len();
        for i in 1..n.saturating_sub(1) {
            // "the Executive Order *Restoring Coastal Tides*": a quoted or emphasized title right after the word
            let marked = matches!(self.tok(i + 1), "\"" | "\u{201c}" | "*" | "_")
                && matches!(
                    self.tok(i),
                    "Order" | "Memorandum" | "Proclamation" | "Directive" | "Circular"
                );
            if !marked && !matches!(self.lower(i), "entitled" | "titled") {
                continue;
            }
            let si = self.seg.sentence_of[i];
            // the memo word before it
            let Some(w) = (i.saturating_sub(8)..=i)
                .rev()
                .find(|&t| MEMO_WORDS.contains(self.lower(t)))
            else {
                continue;
            };
            if self.seg.sentence_of[w] != si {
                continue;
            }
            let Some(span) = self.title_at(i + 1, 45) else {
                continue;
            };
            let name = self.text[span.start..span.end].to_string();
            let m = Mention::new(span, EntityClass::Memo, name, "memo.entitled", 55);
            let memo = self.add_mention(m);
            let ev = self.sentence_span(i);
            // "the Memorandum of the Secretary of Homeland Security titled “…”": one memo
            // ("The memorandum, M-24-10, titled “…”")
            if !marked {
                let before = if self.tok(i - 1) == "," { i - 1 } else { i };
                if let Some(named) = self
                    .mention_ending_before(before, &[EntityClass::Memo])
                    .filter(|&x| !self.mentions[x].anaphor)
                {
                    self.links.push((named, memo, Some(EntityClass::Memo)));
                }
            }
            let (from, to) = (self.seg.tokens[w].span.end, self.seg.tokens[i].span.start);
            // its date between the memo word and "titled", or in parentheses after the title
            let after = self.seg.tokens.partition_point(|t| t.span.end <= span.end);
            let closing =
                usize::from(after < n && matches!(self.tok(after), "\"" | "\u{201d}" | "*" | "_"));
            let paren_date = (after + closing + 1 < n && self.tok(after + closing) == "(")
                .then(|| self.date_at(after + closing + 1))
                .flatten()
                .filter(|d| !d.bare_year);
            if let Some(d) = self
                .dates_starting(from, to)
                .iter()
                .find(|d| d.span.start >= from && d.span.end <= to && !d.bare_year)
                .copied()
                .or(paren_date)
            {
                self.fact(
                    memo,
                    Predicate::Issued,
                    FactObject::Date(d.date),
                    ev,
                    "memo.entitled-date",
                );
            }
        }
    }

    /// A title starting at token `t`: a quoted string, or a run of capitalized words
    /// (with connectors, small words and numbers) up to punctuation or a lower-case word.
    fn title_at(&self, t: usize, max: usize) -> Option<Span> {
        let n = self.seg.tokens.len();
        if t >= n {
            return None;
        }
        let si = self.seg.sentence_of[t];
        let first = self.tok(t);
        // a quoted title, or one in Markdown emphasis ("*Unleashing American Energy*")
        if matches!(first, "\"" | "\u{201c}" | "*" | "_") {
            let bytes = self.text.as_bytes();
            let space_at = |i: usize| bytes.get(i).is_none_or(u8::is_ascii_whitespace);
            let (a, b) = (self.seg.tokens[t].span.start, self.seg.tokens[t].span.end);
            // an emphasis mark opens after a space and before a letter
            let emphasis = matches!(first, "*" | "_");
            if emphasis && (a > 0 && !space_at(a - 1) || space_at(b)) {
                return None;
            }
            let closes = |k: usize| match first {
                "*" | "_" => self.tok(k) == first && !space_at(self.seg.tokens[k].span.start - 1),
                _ => matches!(self.tok(k), "\"" | "\u{201d}"),
            };
            let close = (t + 1..(t + max).min(n))
                .take_while(|&k| self.seg.sentence_of[k] == si)
                .find(|&k| closes(k))?;
            // ("…Intelligence," with the comma inside the quotes)
            let mut last = close - 1;
            while last > t + 1 && matches!(self.tok(last), "," | "." | ";") {
                last -= 1;
            }
            return (last > t).then(|| {
                Span::new(
                    self.seg.tokens[t + 1].span.start,
                    self.seg.tokens[last].span.end,
                )
            });
        }
        if !first.chars().next().is_some_and(char::is_uppercase) {
            return None;
        }
        let mut e = t;
        let mut caps = 0;
        while e < n && e < t + max && self.seg.sentence_of[e] == si {
            let w = self.tok(e);
            let cap = w.chars().next().is_some_and(|c| c.is_uppercase());
            let small = is_title_small_word(w);
            let number = self.seg.tokens[e].kind == TokKind::Number;
            if !(cap || small || number) {
                break;
            }
            caps += usize::from(cap);
            e += 1;
        }
        while e > t && is_title_small_word(self.tok(e - 1)) {
            e -= 1;
        }
        (e > t + 1 && caps >= 2).then(|| {
            Span::new(
                self.seg.tokens[t].span.start,
                self.seg.tokens[e - 1].span.end,
            )
        })
    }

    /// "OMB Memorandum M-10-06, Open Government Directive", "Executive Order 13768 of January 25, 2017 (Title)",
    /// "Executive Order of May 9, 2013, Title,": the title names the same memo.
    fn appositions(&mut self) {
        let n = self.seg.tokens.len();
        let notes_start = self.st.notes_start.unwrap_or(usize::MAX);
        for m in self.named(EntityClass::Memo) {
            let mm = &self.mentions[m];
            let numbered = matches!(mm.rule, "memo.number" | "memo.dated" | "memo.dated-word");
            let mut p = self.toks[m].1;
            // skip "of January 25, 2017"
            if p < n && self.tok(p) == "of" {
                if let Some(d) = self.date_at(p + 1) {
                    p = self
                        .seg
                        .tokens
                        .partition_point(|t| t.span.end <= d.span.end);
                }
            }
            if p >= n {
                continue;
            }
            let in_notes = self.mentions[m].span.start >= notes_start;
            match self.tok(p) {
                "(" if numbered => {
                    let Some(close) = (p + 1..(p + 30).min(n)).find(|&k| self.tok(k) == ")") else {
                        continue;
                    };
                    if let Some(span) = self
                        .title_at(p + 1, 30)
                        .filter(|s| s.end == self.seg.tokens[close - 1].span.end)
                    {
                        let title = self.text[span.start..span.end].to_string();
                        if title.split_whitespace().count() >= 2 {
                            self.mentions[m].extra.push(title);
                        }
                    }
                }
                "," => {
                    if let Some(o) =
                        self.mention_starting_at(p + 1, &[EntityClass::Memo, EntityClass::Policy])
                    {
                        let oc = self.class(o);
                        // ("Executive Order 13399 of April 25, 2006, Executive Order
                        // 13460 of …": a list of numbered orders, not one order's
                        // other name)
                        let other_number = self.mentions[o].rule == "memo.number"
                            && self.mentions[o].key != self.mentions[m].key;
                        if numbered && oc == EntityClass::Memo && !other_number {
                            self.links.push((m, o, Some(EntityClass::Memo)));
                        } else if oc == EntityClass::Policy && in_notes {
                            let ev = self.sentence_span(p);
                            self.fact(
                                m,
                                Predicate::Concerns,
                                FactObject::Mention(o),
                                ev,
                                "citation.concerns",
                            );
                        }
                    } else if numbered {
                        if let Some(span) = self.title_at(p + 1, 30) {
                            let after = self.seg.tokens.partition_point(|t| t.span.end <= span.end);
                            let closes = after >= n
                                || matches!(self.tok(after), "," | "(" | "." | ";" | "[");
                            let title = self.text[span.start..span.end].to_string();
                            if closes && title.split_whitespace().count() >= 3 {
                                self.mentions[m].extra.push(title);
                                // "…, Title, on June 8, 2015": its date
                                if after + 2 < n
                                    && self.tok(after) == ","
                                    && self.lower(after + 1) == "on"
                                {
                                    if let Some(d) =
                                        self.date_at(after + 2).filter(|d| !d.bare_year)
                                    {
                                        let ev = self.sentence_span(p);
                                        self.fact(
                                            m,
                                            Predicate::Issued,
                                            FactObject::Date(d.date),
                                            ev,
                                            "memo.title-then-date",
                                        );
                                    }
                                }
                            }
                        }
                    }
                }
                _ => {}
            }
        }
    }

    /// Memo header fields: From (creator), To (addressedTo), Subject (concerns), Date (issued).
    fn header_fields(&mut self) {
        let Some(doc) = self.doc_memo else { return };
        for &(field, span) in &self.st.fields.clone() {
            let inside: Vec<usize> = (0..self.mentions.len())
                .filter(|&m| span.contains(self.mentions[m].span) && m != doc)
                .collect();
            match field {
                Field::From => {
                    for m in inside {
                        if matches!(self.class(m), EntityClass::Person)
                            || (self.class(m) == EntityClass::Agency && !self.in_title(m))
                        {
                            self.fact(
                                doc,
                                Predicate::Creator,
                                FactObject::Mention(m),
                                span,
                                "memo.header-from",
                            );
                        }
                    }
                }
                Field::To => {
                    for m in inside {
                        if matches!(
                            self.class(m),
                            EntityClass::Person | EntityClass::Agency | EntityClass::Organization
                        ) {
                            self.fact(
                                doc,
                                Predicate::AddressedTo,
                                FactObject::Mention(m),
                                span,
                                "memo.header-to",
                            );
                        }
                    }
                    // ("THE SECRETARY OF STATE / THE SECRETARY OF THE TREASURY": the
                    // titles name departments the gazetteer's hits in the field miss)
                    self.addressees_in_caps(doc, span);
                }
                Field::Subject => {
                    for m in inside {
                        if self.class(m) == EntityClass::Policy {
                            self.fact(
                                doc,
                                Predicate::Concerns,
                                FactObject::Mention(m),
                                span,
                                "memo.header-subject",
                            );
                        }
                        // "SUBJECT: Guidance Regarding Section 7 of the Executive Order …": it builds on that order
                        if self.class(m) == EntityClass::Memo && !self.mentions[m].anaphor {
                            self.fact(
                                doc,
                                Predicate::References,
                                FactObject::Mention(m),
                                span,
                                "memo.header-subject-cites",
                            );
                        }
                    }
                    // the subject is also a name of the memo
                    // (without Markdown emphasis marks)
                    let subj = self.text[span.start..span.end]
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" ")
                        .replace('*', "");
                    if !subj.is_empty() && subj.len() < 200 {
                        self.mentions[doc].extra.push(subj);
                    }
                }
                Field::Date => {
                    if let Some(d) = self
                        .dates_starting(span.start, span.end)
                        .iter()
                        .find(|d| span.contains(d.span) && !d.bare_year)
                    {
                        self.fact(
                            doc,
                            Predicate::Issued,
                            FactObject::Date(d.date),
                            span,
                            "memo.header-date",
                        );
                    }
                }
                Field::Copy => {}
            }
        }
    }

    /// A Federal Register notice's or rule's "SUMMARY: In accordance with the
    /// X Act, as amended by the Y Act, and OMB Bulletin 00-00, the agency is
    /// issuing …", and a GAO report's first sentence under "What GAO Found",
    /// "Why GAO Did This Study" and "What GAO Recommends": the document concerns the policies of
    /// that sentence and builds on the memos it cites there.
    fn summary_policies(&mut self, doc: usize) {
        let head = &self.text[..floor_boundary(self.text, 20_000)];
        let line_start = |i: usize| i == 0 || head.as_bytes()[i - 1] == b'\n';
        let mut sentences = Vec::new();
        // "SUMMARY: In accordance with …": the sentence the label opens
        if let Some(at) = head
            .match_indices("SUMMARY:")
            .map(|(i, _)| i)
            .find(|&i| line_start(i))
        {
            let t = self.seg.tokens.partition_point(|t| t.span.end <= at);
            if let Some(&si) = self.seg.sentence_of.get(t) {
                sentences.push((si, "memo.summary-policy", "memo.summary-cites"));
            }
        }
        // a GAO report's highlights: the first sentence under "What GAO Found",
        // "Why GAO Did This Study" and "What GAO Recommends" ("GAO recommends
        // that DOL take steps … for the Job Corps Program") that runs to ten words
        for heading in [
            "What GAO Found",
            "Why GAO Did This Study",
            "What GAO Recommends",
        ] {
            let Some(at) = head
                .match_indices(heading)
                .map(|(i, _)| i)
                .find(|&i| line_start(i) && head[i + heading.len()..].starts_with('\n'))
            else {
                continue;
            };
            let t = self
                .seg
                .tokens
                .partition_point(|t| t.span.start < at + heading.len());
            let first = self.seg.sentence_of.get(t).copied().unwrap_or(usize::MAX);
            let found =
                (first..self.seg.sentences.len().min(first.saturating_add(4))).find(|&si| {
                    let s = self.seg.sentences[si];
                    s.last - s.first >= 10 && s.span.start >= at + heading.len()
                });
            if let Some(si) = found {
                sentences.push((si, "memo.highlights-policy", "memo.highlights-cites"));
            }
        }
        for (si, policy_rule, memo_rule) in sentences {
            let s = self.seg.sentences[si];
            let from = self
                .seg
                .tokens
                .get(s.first)
                .map_or(s.span.start, |t| t.span.start);
            for m in 0..self.mentions.len() {
                let sp = self.mentions[m].span;
                if m == doc || self.mentions[m].anaphor || sp.start < from || sp.end > s.span.end {
                    continue;
                }
                let (predicate, rule) = match self.class(m) {
                    EntityClass::Policy => (Predicate::Concerns, policy_rule),
                    EntityClass::Memo => (Predicate::References, memo_rule),
                    _ => continue,
                };
                self.fact_once(doc, predicate, FactObject::Mention(m), s.span, rule);
            }
        }
    }

    /// A date with its day alone on a line before the first header field of a
    /// memo with header fields (within the first 800 bytes), and that line.
    fn header_date_line(&self) -> Option<(Date, Span)> {
        let first_field = self.st.fields.iter().map(|(_, s)| s.start).min()?;
        let top = first_field.min(800);
        self.dates_starting(0, top).iter().find_map(|d| {
            let line_start = self.text[..d.span.start].rfind('\n').map_or(0, |k| k + 1);
            let line_end = self.text[d.span.end..]
                .find('\n')
                .map_or(self.text.len(), |k| d.span.end + k);
            let alone = self.text[line_start..d.span.start].trim().is_empty()
                && self.text[d.span.end..line_end]
                    .trim()
                    .trim_end_matches(['.', ','])
                    .is_empty();
            (alone && d.date.day.is_some() && d.span.end <= top)
                .then(|| (d.date, Span::new(d.span.start, d.span.end)))
        })
    }

    /// "U.S. Department of Homeland Security / Washington, DC 20528" at the top
    /// of a memo or directive that names no sender: the body on the letterhead
    /// issued it. Only the lines above the first header field (or the first
    /// 600 bytes) are a letterhead, and the body's name must end on the city's
    /// line or the line above it.
    fn letterhead_creator(&mut self, doc: usize) {
        if self
            .facts
            .iter()
            .any(|f| f.subject == doc && f.predicate == Predicate::Creator)
        {
            return;
        }
        let first_field = self.st.fields.iter().map(|(_, s)| s.start).min();
        let top = first_field.unwrap_or(usize::MAX).min(600);
        let head = &self.text[..floor_boundary(self.text, top)];
        let city = head
            .match_indices("Washington")
            .map(|(i, _)| i)
            .find(|&i| district_follows(&head[i + "Washington".len()..]));
        // the body's name ends on the city's line or the line above it; with no
        // city, right above "Date:", "From:" and "Subj:" fields whose sender is a
        // title only ("Department of / Veterans Affairs")
        let anchor = match city {
            Some(c) => c,
            None => match first_field.map(|f| self.text[..f].rfind('\n').map_or(0, |k| k + 1)) {
                Some(line) if line <= 600 => line,
                _ => return,
            },
        };
        let text = self.text;
        let body = (0..self.mentions.len())
            .filter(|&m| {
                let sp = self.mentions[m].span;
                let gap = &text[sp.end.min(anchor)..anchor];
                self.class(m) == EntityClass::Agency
                    && !self.mentions[m].anaphor
                    && m != doc
                    && sp.end <= anchor
                    && match city {
                        // (or the line above it past a blank line, as pdftotext
                        // lays a letterhead out)
                        Some(_) => {
                            anchor - sp.end <= 80
                                && (gap.matches('\n').count() <= 1
                                    || gap.trim().is_empty() && gap.matches('\n').count() <= 2)
                        }
                        None => gap.trim().is_empty(),
                    }
            })
            .max_by_key(|&m| self.mentions[m].span.end);
        if let Some(a) = body {
            let end = match city {
                Some(c) => text[c..].find('\n').map_or(text.len(), |k| c + k),
                None => self.mentions[a].span.end,
            };
            let ev = Span::new(self.mentions[a].span.start, end);
            self.fact(
                doc,
                Predicate::Creator,
                FactObject::Mention(a),
                ev,
                "memo.letterhead",
            );
        }
    }

    /// The person who signed: the first person mention inside the signature block.
    fn signer(&self) -> Option<usize> {
        let sig = self.st.signature?;
        (0..self.mentions.len())
            .find(|&m| self.class(m) == EntityClass::Person && sig.contains(self.mentions[m].span))
    }

    /// Signature block: the signer created the document; the date under it is its issue date.
    fn signature(&mut self) {
        let (Some(doc), Some(sig)) = (self.doc_memo, self.st.signature) else {
            return;
        };
        if let Some(p) = self.signer() {
            self.fact(
                doc,
                Predicate::Creator,
                FactObject::Mention(p),
                sig,
                "memo.signature",
            );
        }
        if let Some(d) = self
            .dates_starting(sig.start, sig.end)
            .iter()
            .find(|d| sig.contains(d.span) && d.date.day.is_some())
        {
            self.fact(
                doc,
                Predicate::Issued,
                FactObject::Date(d.date),
                sig,
                "memo.signature-date",
            );
        }
    }

    /// "The following Presidential documents are revoked:" then the list: one
    /// paragraph or line per document, each opened by a marker ("(1)  Executive
    /// Order 13767 of January 25, 2017 (…).", "- Executive Order 13985 …",
    /// "(ii)   Executive Order 13583 …;"): the document replaces each memo that
    /// opens an item; or, right after the colon, the memos themselves ("…
    /// are revoked: Executive Order 1 (…), Executive Order 2 (…), and
    /// Memorandum of May 1, 2020 (…)."): each memo of the list, not one inside
    /// a title's parentheses.
    fn revoked_lists(&mut self, doc: usize) {
        let text = self.text;
        for si in 0..self.seg.sentences.len() {
            let sentence = self.seg.sentences[si].span;
            let said = &text[sentence.start..sentence.end];
            let Some(colon) = said.find(':') else {
                continue;
            };
            // "the following … are (hereby) revoked:"
            let lower = said[..colon].to_lowercase();
            let words: Vec<&str> = lower
                .split(|c: char| !c.is_alphabetic())
                .filter(|w| !w.is_empty())
                .collect();
            let Some(following) = words.iter().position(|&w| w == "following") else {
                continue;
            };
            let revoked = (following + 1..words.len()).any(|i| {
                matches!(words[i], "is" | "are" | "be")
                    && match words.get(i + 1) {
                        Some(&"hereby") => {
                            words.get(i + 2).is_some_and(|w| REPLACE_VERBS.contains(w))
                        }
                        Some(w) => REPLACE_VERBS.contains(w),
                        None => false,
                    }
            });
            if !revoked {
                continue;
            }
            let after = sentence.start + colon + 1;
            let rest = &text[after..];
            let first = after + (rest.len() - rest.trim_start().len());
            if first >= text.len() {
                continue;
            }
            let first_word = text[first..].split_whitespace().next().unwrap_or("");
            if !is_item_marker(first_word) {
                self.revoked_inline_list(doc, sentence.start, first);
                continue;
            }
            let mut at = first;
            for _ in 0..200 {
                // the next item
                let rest = &text[at..];
                let start = at + (rest.len() - rest.trim_start().len());
                if start >= text.len() {
                    break;
                }
                let word = text[start..].split_whitespace().next().unwrap_or("");
                if !is_item_marker(word) || word.to_lowercase().starts_with("sec") {
                    break;
                }
                let end = item_end(text, start);
                let memo = (0..self.mentions.len())
                    .filter(|&m| {
                        self.class(m) == EntityClass::Memo
                            && !self.mentions[m].anaphor
                            && m != doc
                            && self.mentions[m].span.start >= start
                            && self.mentions[m].span.start < (start + 80).min(end)
                    })
                    .min_by_key(|&m| self.mentions[m].span.start);
                if let Some(m) = memo {
                    self.fact(
                        doc,
                        Predicate::Replaces,
                        FactObject::Mention(m),
                        Span::new(sentence.start, end),
                        "memo.revoked-list",
                    );
                }
                at = end;
            }
        }
    }

    /// The list right after "… are revoked:" (its first memo at `first`, to
    /// the paragraph's end): each memo outside parentheses that opens the list
    /// or follows a comma, a semicolon or "and".
    fn revoked_inline_list(&mut self, doc: usize, from: usize, first: usize) {
        let text = self.text;
        let end = text[first..].find("\n\n").map_or(text.len(), |i| first + i);
        let mut memos: Vec<usize> = (0..self.mentions.len())
            .filter(|&m| {
                self.class(m) == EntityClass::Memo
                    && !self.mentions[m].anaphor
                    && m != doc
                    && self.mentions[m].span.start >= first
                    && self.mentions[m].span.start < end
            })
            .collect();
        memos.sort_by_key(|&m| self.mentions[m].span.start);
        // the list opens with a memo
        if memos
            .first()
            .is_none_or(|&m| self.mentions[m].span.start != first)
        {
            return;
        }
        for m in memos {
            let at = self.mentions[m].span.start;
            let before = &text[first..at];
            let depth = before.matches('(').count() as i64 - before.matches(')').count() as i64;
            let lead = before.trim_end();
            let listed = at == first
                || lead.ends_with(',')
                || lead.ends_with(';')
                || lead.ends_with(" and")
                || lead.ends_with("\nand");
            if depth != 0 || !listed {
                continue;
            }
            let to = text[at..end]
                .find(['.', ';'])
                .map_or(end, |i| at + i + 1)
                .max(self.mentions[m].span.end);
            self.fact(
                doc,
                Predicate::Replaces,
                FactObject::Mention(m),
                Span::new(from, to.min(end)),
                "memo.revoked-list",
            );
        }
    }

    /// Memos cited in running text by author, role and title, then their date
    /// in parentheses: "Doris Meissner, INS Commissioner, Exercising
    /// Prosecutorial Discretion (November 17, 2000)"; "John Morton, Director,
    /// ICE, Civil Immigration Enforcement: Priorities for the Apprehension,
    /// Detention, and Removal of Aliens (March 2, 2011)". The title becomes a
    /// memo issued on that date by that person; the role segments give the
    /// person's title and agency; a memo document references what it cites.
    fn inline_citations(&mut self) {
        let n = self.seg.tokens.len();
        for p in self.named(EntityClass::Person) {
            let (pa, pb) = self.toks[p];
            // an item of a list or a citation: after ":", ";", "(", "See", "from" or "and", then "P,"
            let opens = pa == 0
                || matches!(self.tok(pa - 1), ":" | ";" | "(")
                || matches!(self.lower(pa - 1), "see" | "from" | "and" | "by");
            if !opens || pb >= n || self.tok(pb) != "," {
                continue;
            }
            let si = self.seg.sentence_of[pa];
            let last = self.seg.sentences[si].last.min(n);
            // role segments: title words, agencies and their acronyms, up to the title
            let mut k = pb + 1;
            let mut role_words: Vec<&str> = Vec::new();
            let mut agency = None;
            loop {
                let seg_start = k;
                let mut e = k;
                let mut seg_agency = None;
                let mut seg_words: Vec<&str> = Vec::new();
                while e < last && self.tok(e) != "," {
                    if let Some(a) = self.mention_starting_at(e, &[EntityClass::Agency]) {
                        seg_agency = Some(a);
                        e = self.toks[a].1;
                        continue;
                    }
                    if self.tok(e) == "(" && e + 2 < last && self.tok(e + 2) == ")" {
                        e += 3;
                        continue;
                    }
                    let w = self.tok(e);
                    if is_title_word(w) || matches!(w, "of" | "the" | "for") {
                        seg_words.push(w);
                        e += 1;
                        continue;
                    }
                    break;
                }
                let whole = e > seg_start && e < last && self.tok(e) == ",";
                if !whole {
                    k = seg_start;
                    break;
                }
                role_words.extend(seg_words);
                agency = agency.or(seg_agency);
                k = e + 1;
            }
            if k == pb + 1 || k >= last {
                continue;
            }
            // the title: from k to a "(" opening a full date and closing after it
            let close = (k + 1..(k + 40).min(last)).find(|&t| {
                self.tok(t) == "("
                    && self.date_at(t + 1).is_some_and(|d| {
                        !d.bare_year
                            && self
                                .seg
                                .tokens
                                .iter()
                                .skip(t + 1)
                                .take(8)
                                .position(|x| x.span.start >= d.span.end)
                                .is_some_and(|q| self.tok(t + 1 + q) == ")")
                    })
            });
            let Some(open) = close else { continue };
            let first = self.tok(k);
            if !first.starts_with(char::is_uppercase) || open < k + 2 {
                continue;
            }
            let words: Vec<&str> = (k..open).map(|t| self.tok(t)).collect();
            let caps = words
                .iter()
                .filter(|w| w.starts_with(char::is_uppercase))
                .count();
            if caps * 2
                < words
                    .iter()
                    .filter(|w| w.chars().any(char::is_alphabetic))
                    .count()
            {
                continue;
            }
            let span = Span::new(
                self.seg.tokens[k].span.start,
                self.seg.tokens[open - 1].span.end,
            );
            let Some(date) = self.date_at(open + 1) else {
                continue;
            };
            let ev = self.sentence_span(pa);
            let memo = match self.mention_starting_at(k, &[EntityClass::Memo]) {
                Some(m) if self.toks[m].1 == open => m,
                _ => {
                    let name = self.text[span.start..span.end]
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" ");
                    let m = Mention::new(span, EntityClass::Memo, name, "citation.inline", 55);
                    self.add_mention(m)
                }
            };
            self.fact(
                memo,
                Predicate::Creator,
                FactObject::Mention(p),
                ev,
                "citation.inline-author",
            );
            self.fact(
                memo,
                Predicate::Issued,
                FactObject::Date(date.date),
                ev,
                "citation.inline-date",
            );
            if let Some(doc) = self.doc_memo {
                self.fact(
                    doc,
                    Predicate::References,
                    FactObject::Mention(memo),
                    ev,
                    "citation.inline-cites",
                );
            }
            // "Sam Bernsen, INS General Counsel,": the person's title and agency
            let title = role_words
                .iter()
                .skip_while(|w| matches!(**w, "of" | "the" | "for"))
                .copied()
                .collect::<Vec<_>>()
                .join(" ");
            if !title.is_empty()
                && !self
                    .facts
                    .iter()
                    .any(|f| f.subject == p && f.predicate == Predicate::JobTitle)
            {
                self.role_facts(p, title, agency, ev, "citation.inline-role");
            }
        }
    }

    /// Footnotes and citations: "[4] OMB Memorandum M-06-02, Title (Dec. 16, 2005)" and
    /// "[1] President Barack Obama, Memorandum on X (Jan. 21, 2009)"; linked to the body mention before "[4]".
    fn citations(&mut self) {
        let n = self.seg.tokens.len();
        let notes_start = self.st.notes_start.unwrap_or(usize::MAX);
        // footnote markers in the body: mention ending right before "[n]" (skipping quotes, commas, periods)
        let mut body_ref: Vec<(String, usize)> = Vec::new();
        let mut note_at: Vec<(String, usize)> = Vec::new();
        for i in 0..n.saturating_sub(2) {
            if self.tok(i) != "["
                || self.tok(i + 2) != "]"
                || self.seg.tokens[i + 1].kind != TokKind::Number
            {
                continue;
            }
            let num = self.tok(i + 1).to_string();
            let line_start = self.text[..self.seg.tokens[i].span.start]
                .rfind('\n')
                .map_or(0, |p| p + 1);
            let at_line_start = self.text[line_start..self.seg.tokens[i].span.start]
                .trim()
                .is_empty();
            if at_line_start
                && self.seg.tokens[i].span.start >= notes_start.min(self.seg.tokens[i].span.start)
                && (self.st.notes_start.is_some() || i > n / 2)
            {
                note_at.push((num, i + 3));
            } else {
                let mut k = i;
                while k > 0 && matches!(self.tok(k - 1), "," | "." | "\"" | "\u{201d}" | ";") {
                    k -= 1;
                }
                if k > 0 {
                    let end = self.seg.tokens[k - 1].span.end;
                    if let Some(m) = self
                        .ends
                        .get(&end)
                        .into_iter()
                        .flatten()
                        .copied()
                        .filter(|&m| {
                            matches!(self.class(m), EntityClass::Memo | EntityClass::Policy)
                        })
                        .min()
                    {
                        body_ref.push((num, m));
                    }
                }
            }
        }
        for (num, start) in note_at {
            if start >= n {
                continue;
            }
            let si = self.seg.sentence_of[start];
            let sent_end = self.seg.sentences[si].last;
            let ev = Span::new(
                self.seg.tokens[start.saturating_sub(3)].span.start,
                self.seg.sentences[si].span.end,
            );
            // author: a person or agency starting the note, followed by ","
            let mut t = start;
            let mut author = None;
            if let Some(a) =
                self.mention_covering_from(t, &[EntityClass::Person, EntityClass::Agency])
            {
                let end_tok = self.toks[a].1;
                if end_tok < n && self.tok(end_tok) == "," {
                    author = Some(a);
                    t = end_tok + 1;
                }
            }
            // the cited document: a memo mention at t, or a title running to "(" / ","
            let mut cited = self.mention_starting_at(t, &[EntityClass::Memo, EntityClass::Policy]);
            if cited.is_none() && author.is_some() {
                let mut e = t;
                while e < sent_end
                    && !matches!(self.tok(e), "(" | "[")
                    && !(self.tok(e) == "," && self.lower(e + 1) == "available")
                {
                    e += 1;
                }
                if e > t + 1 {
                    let span = Span::new(
                        self.seg.tokens[t].span.start,
                        self.seg.tokens[e - 1].span.end,
                    );
                    let name = self.text[span.start..span.end]
                        .trim_end_matches([',', '.'])
                        .to_string();
                    let words: Vec<&str> = name.split_whitespace().collect();
                    let caps = words
                        .iter()
                        .filter(|w| w.starts_with(char::is_uppercase))
                        .count();
                    let starts_with_person = self
                        .mention_starting_at(t, &[EntityClass::Person])
                        .is_some();
                    if words.len() >= 3
                        && caps * 2 >= words.len()
                        && !starts_with_person
                        && !name.ends_with('&')
                        && name.chars().next().is_some_and(char::is_uppercase)
                    {
                        let span = Span::new(span.start, span.start + name.len());
                        let m = Mention::new(span, EntityClass::Memo, name, "citation.title", 50);
                        cited = Some(self.add_mention(m));
                    }
                }
            }
            let Some(c) = cited else { continue };
            // a numbered memo followed by ", Title": the title names the same memo
            let after = self.toks[c].1;
            if after < n && self.tok(after) == "," {
                if let Some(title) =
                    self.mention_starting_at(after + 1, &[EntityClass::Memo, EntityClass::Policy])
                {
                    if self.class(title) == EntityClass::Memo
                        || self.mentions[c].rule == "memo.number"
                    {
                        self.links.push((c, title, Some(EntityClass::Memo)));
                    } else {
                        self.fact(
                            c,
                            Predicate::Concerns,
                            FactObject::Mention(title),
                            ev,
                            "citation.concerns",
                        );
                    }
                    // "Guidance for Title V of X, Y Act (Y)": the memo concerns the act named after it
                    let t2 = self.toks[title].1;
                    if t2 < n && self.tok(t2) == "," {
                        if let Some(p) = self.mention_starting_at(t2 + 1, &[EntityClass::Policy]) {
                            self.fact(
                                c,
                                Predicate::Concerns,
                                FactObject::Mention(p),
                                ev,
                                "citation.concerns",
                            );
                        }
                    }
                } else if let Some(p) = self.mention_starting_at(after + 1, &[EntityClass::Policy])
                {
                    self.fact(
                        c,
                        Predicate::Concerns,
                        FactObject::Mention(p),
                        ev,
                        "citation.concerns",
                    );
                }
            }
            if let Some(a) = author {
                self.fact(
                    c,
                    Predicate::Creator,
                    FactObject::Mention(a),
                    ev,
                    "citation.author",
                );
            }
            // the date in parentheses
            if let Some(d) = self
                .dates_starting(ev.start.max(self.mentions[c].span.end), ev.end)
                .iter()
                .find(|d| {
                    ev.contains(d.span) && d.span.start >= self.mentions[c].span.end && !d.bare_year
                })
                .copied()
            {
                let before = &self.text[self.mentions[c].span.end..d.span.start];
                if before.contains('(') && !before.contains("available") {
                    self.fact(
                        c,
                        Predicate::Issued,
                        FactObject::Date(d.date),
                        ev,
                        "citation.date",
                    );
                }
            }
            if let Some(&(_, b)) = body_ref.iter().find(|(k, _)| *k == num) {
                // ("the E-Government Act of 2002 [8]" … "[8] Pub. L. No. 107-347": a law)
                let class = if self.class(b) == EntityClass::Policy
                    && self.class(c) == EntityClass::Policy
                {
                    EntityClass::Policy
                } else {
                    EntityClass::Memo
                };
                self.links.push((b, c, Some(class)));
            }
        }
    }

    fn mention_covering_from(&self, tok: usize, classes: &[EntityClass]) -> Option<usize> {
        let start = self.seg.tokens.get(tok)?.span.start;
        // "President Barack Obama": the person may start after a title (the
        // mentions starting at the following tokens, up to the first word
        // that is not a title word)
        let mut found = None;
        for t in &self.seg.tokens[tok..] {
            let s = t.span.start;
            if !self.text[start..s]
                .split_whitespace()
                .all(|w| is_title_word(w) || w == "Vice")
            {
                break;
            }
            found = self
                .starts
                .get(&s)
                .into_iter()
                .flatten()
                .copied()
                .filter(|&m| classes.contains(&self.class(m)) && !self.mentions[m].anaphor)
                .min();
            if found.is_some() {
                break;
            }
        }
        found
    }

    /// Rules within one sentence.
    fn sentence_rules(&mut self, ms: &[usize]) {
        let Some(&first) = ms.first() else { return };
        let si = self.sent(first);
        let sentence = self.seg.sentences[si];
        let ev = sentence.span;
        for &m in ms {
            // memo dates
            // (a date inside the name: data/rules/memos.toml, memo.date-in-name)
            if self.class(m) == EntityClass::Memo
                && Some(m) != self.doc_memo
                && !self.mentions[m].anaphor
            {
                self.issued_after(m, ev, "rel.memo-date");
            }
        }
        // (implements, "CBP and ICE enforce the X Act": data/rules/carry-out.toml,
        // rel.implements-verb)
        // ("X is hereby revoked": data/rules/replaces.toml, memo.hereby-revoked)
    }

    /// A document that is a memo: its date, and the memos it cites.
    fn doc_memo_rules(&mut self) {
        let Some(doc) = self.doc_memo else { return };
        let ev = self.st.title.unwrap_or(self.mentions[doc].span);
        self.revoked_lists(doc);
        // ("This zero-tolerance policy shall …": data/rules/documents.toml, memo.this-policy)
        // ("my April 11, 2017 memorandum": data/rules/memos.toml, memo.my-memo)
        // a title given with the document (not in its text) that names a law or
        // program the text names too: "Memorandum on the Delegation of Functions
        // Under the Tide Charts Act of 2020" … "the Tide Charts Act of 2020"
        // (a title in the text, "SUBJECT: Preventing … Social Security\nAct Benefits",
        // wants three words: "Federal Grants Supporting Mental Health" names no program)
        let placed = self.mentions[doc].span.start < self.mentions[doc].span.end;
        {
            // (a title given with line breaks collapsed: "Security  and Diversification Act")
            let title = self.mentions[doc].name.to_lowercase();
            let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
            let mut named: Vec<String> = Vec::new();
            for p in self.named(EntityClass::Policy) {
                let m = &self.mentions[p];
                let name = m.canonical.as_deref().unwrap_or(&m.name).to_lowercase();
                let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
                // (or without its year: "Delegating Authority Under the Defense
                // Production Act to Ensure …" … "the Defense Production Act of 1950")
                let short = name
                    .rsplit_once(" of ")
                    .filter(|(_, y)| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()))
                    .map(|(n, _)| n);
                if name.split(' ').count() >= if placed { 3 } else { 2 }
                    && name != title
                    && m.rule != "pattern.public-law"
                    && (title.contains(&name)
                        || short.is_some_and(|n| {
                            n.split(' ').count() >= 2 && contains_words(&title, n)
                        }))
                    && !named.contains(&m.key)
                {
                    named.push(m.key.clone());
                    let ev = self.sentence_span(self.toks[p].0);
                    self.fact(
                        doc,
                        Predicate::Concerns,
                        FactObject::Mention(p),
                        ev,
                        "memo.title-names-policy",
                    );
                }
            }
        }
        for p in 0..self.mentions.len() {
            if self.mentions[p].rule == "memo.title-policy" {
                let span = self.mentions[doc].span;
                self.fact(
                    doc,
                    Predicate::Concerns,
                    FactObject::Mention(p),
                    span,
                    "memo.title-policy",
                );
            }
        }
        // "Executive Order 13768 of January 25, 2017" as the title: that is its date
        let title_span = self.mentions[doc].span;
        let title_date = self
            .dates_starting(title_span.start, title_span.end)
            .iter()
            .find(|d| {
                title_span.contains(d.span)
                    && d.date.day.is_some()
                    && !names_a_day(&self.text[title_span.start..d.span.start])
            })
            .copied();
        if let Some(d) = title_date {
            self.fact(
                doc,
                Predicate::Issued,
                FactObject::Date(d.date),
                ev,
                "memo.title-date",
            );
        }
        // a date alone on its line above the header fields ("January 26, 2022"
        // / "M-22-09" / "MEMORANDUM FOR …", as pdftotext lays out an OMB memo)
        if !self
            .facts
            .iter()
            .any(|f| f.subject == doc && f.predicate == Predicate::Issued)
        {
            if let Some((d, line)) = self.header_date_line() {
                self.fact(
                    doc,
                    Predicate::Issued,
                    FactObject::Date(d),
                    line,
                    "memo.header-date-line",
                );
            }
        }
        if !self
            .facts
            .iter()
            .any(|f| f.subject == doc && f.predicate == Predicate::Issued)
        {
            if let Some(d) = self.doc_date {
                self.fact(
                    doc,
                    Predicate::Issued,
                    FactObject::Date(d),
                    ev,
                    "memo.document-date",
                );
            }
        }
        self.letterhead_creator(doc);
        self.summary_policies(doc);
        // (the memos it names: data/rules/memos.toml, memo.cites)
    }

    /// Gazetteer parents, when the parent is named in the same sentence.
    fn gazetteer_parents(&mut self, groups: &[Vec<usize>]) {
        for ms in groups {
            for &m in ms {
                let Some(parent) = self.mentions[m].parent.clone() else {
                    continue;
                };
                if self.class(m) != EntityClass::Agency || self.mentions[m].anaphor {
                    continue;
                }
                let pkey = class_key(EntityClass::Agency, &parent);
                if let Some(&p) = ms
                    .iter()
                    .find(|&&p| self.mentions[p].key == pkey && !self.mentions[p].anaphor)
                {
                    let ev = self.sentence_span(self.toks[m].0);
                    self.fact(
                        m,
                        Predicate::SubOrganizationOf,
                        FactObject::Mention(p),
                        ev,
                        "gazetteer.parent",
                    );
                }
            }
        }
    }
}

/// Lower-case words and punctuation allowed inside a title ("Building a 21st Century Digital Government").
fn is_title_small_word(w: &str) -> bool {
    // the prepositions inside acts' names are small words of any title
    ACT_CONNECTORS.contains(&w) || TITLE_SMALL_WORDS.contains(w)
}

/// "director" -> "Director".
pub(super) fn upper_first(w: &str) -> String {
    let mut c = w.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// Whether `text` holds `words` between word boundaries (both in lower case).
fn contains_words(text: &str, words: &str) -> bool {
    text.match_indices(words).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + words.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// Whether the title before a date makes the date another thing's, not the
/// document's: a name's ("… Concerning the Terrorist Attacks of September 11,
/// 2001": a word other than a memo's kind or number before "of") or a cited
/// order's ("Clarification of Exceptions Under Executive Order 14257 of April 2,
/// 2025": `title_cited_number_leads` before the number); not "Executive Order
/// 13768 of January 25, 2017" nor "Memorandum of May 9, 2013".
fn names_a_day(before: &str) -> bool {
    static MEMO_HEADS: Words = Words::new("memo_heads");
    static CUES: Words = Words::new("title_cited_number_leads");
    let words: Vec<&str> = before.split_whitespace().collect();
    let [head @ .., w, "of"] = words.as_slice() else {
        return false;
    };
    if w.chars().any(|c| c.is_ascii_digit()) {
        head.iter().any(|h| {
            CUES.contains(
                &h.to_lowercase()
                    .trim_matches(|c: char| !c.is_alphanumeric()),
            )
        })
    } else {
        !MEMO_HEADS.iter().any(|h| h.eq_ignore_ascii_case(w))
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{Document, Extraction, Object};
    use crate::Extractor;

    /// Every relation as "subject predicate object", with labels.
    pub(super) fn facts(text: &str) -> Vec<String> {
        let ex: Extraction = Extractor::new().extract(&Document::from_text("t.txt", text));
        ex.relations
            .iter()
            .map(|r| {
                let object = match &r.object {
                    Object::Entity(i) => ex.entities[*i].label.clone(),
                    Object::Date(d) => d.to_string(),
                    Object::Bool(b) => b.to_string(),
                    Object::Text(t) => format!("{t:?}"),
                };
                format!(
                    "{} {} {object}",
                    ex.entities[r.subject].label,
                    r.predicate.curie()
                )
            })
            .collect()
    }

    /// A table row: (case, text, facts that must be found, facts that must not be).
    pub(super) type Case = (
        &'static str,
        &'static str,
        &'static [&'static str],
        &'static [&'static str],
    );

    /// Runs table rows through the extractor: every wanted fact is found, no unwanted one.
    pub(super) fn check(cases: &[Case]) {
        for (name, text, want, unwanted) in cases {
            let got = facts(text);
            for w in *want {
                assert!(
                    got.iter().any(|g| g == w),
                    "{name}: missing {w:?} in {got:#?}"
                );
            }
            for u in *unwanted {
                assert!(
                    !got.iter().any(|g| g == u),
                    "{name}: unwanted {u:?} in {got:#?}"
                );
            }
        }
    }

    #[test]
    fn a_letterhead_past_a_blank_line() {
        check(&[(
            "pdftotext's letterhead: the body, a blank line, the city; a sender field that names no one",
            "U.S. Department of Homeland Security\n\nWashington, DC 20528\n\nBinding Operational Directive BOD 97-01\nOriginal Release Date: September 13, 2017\n\nFROM:\n\nElaine C.\nActing s x\n\nSUBJECT:\n\nRemoval of Widget Products\n\nAgencies shall remove the widgets.\n",
            &[
                "Binding Operational Directive 97-01 dcterms:creator Department of Homeland Security",
                "Binding Operational Directive 97-01 dcterms:issued 2017-09-13",
            ],
            &[],
        )]);
    }

    #[test]
    fn a_date_line_above_the_header() {
        check(&[(
            "an OMB memo's date line, then its number and its fields",
            "EXECUTIVE OFFICE OF THE PRESIDENT\nOFFICE OF MANAGEMENT AND BUDGET\nWASHINGTON, D.C. 20503\n\nJanuary 26, 2022\nM-98-09\nMEMORANDUM FOR THE HEADS OF EXECUTIVE DEPARTMENTS AND AGENCIES\nFROM:\n\nJane Q. Doe\nActing Director\n\nSUBJECT:\n\nMoving Toward Widget Principles\n\nThis memorandum sets out a strategy. It was drafted on March 3, 2021.\n",
            &[
                "M-98-09 dcterms:issued 2022-01-26",
                "M-98-09 dcterms:creator Jane Q. Doe",
            ],
            &["M-98-09 dcterms:issued 2021-03-03"],
        )]);
    }

    #[test]
    fn a_title_with_words_before_its_head() {
        check(&[(
            "after a name and a comma, a title's first word, capitalized words and its head are one title",
            "Notes\n\nWe met Ann Roe, Chief Widget Officer, Department of Labor, and Carl Doe, Chief Diplomatic Advisor to the President.",
            &[
                "Ann Roe schema:jobTitle \"Chief Widget Officer\"",
                "Ann Roe org:memberOf Department of Labor",
                "Carl Doe schema:jobTitle \"Chief Diplomatic Advisor\"",
            ],
            &[
                "Ann Roe schema:jobTitle \"Chief\"",
                "Carl Doe schema:jobTitle \"Chief\"",
            ],
        )]);
    }

    #[test]
    fn a_list_of_numbered_orders() {
        check(&[(
            "orders listed with their dates are each its own, each with its date",
            "Notes\n\nSteps were taken in Executive Order 17399 of April 25, 2006, Executive Order 17460 of February 13, 2008, and Executive Order 17608 of May 1, 2012.",
            &[
                "Executive Order 17399 dcterms:issued 2006-04-25",
                "Executive Order 17460 dcterms:issued 2008-02-13",
                "Executive Order 17608 dcterms:issued 2012-05-01",
            ],
            &[],
        )]);
    }

    #[test]
    fn relations() {
        let cases: &[Case] = &[
            (
                "a department named by its head's title; a deputy is no head; a title before the next name is that person's",
                "Notes\n\nWe met Deputy Secretary of Labor Ann Roe and Second Gentleman Carl Doe, Secretary of Energy Mary Poe. The Secretary of Commerce shall implement the Tide Charts Act.",
                &[
                    "Ann Roe org:memberOf Department of Labor",
                    "Ann Roe schema:jobTitle \"Deputy Secretary of Labor\"",
                    "Mary Poe org:headOf Department of Energy",
                    "Department of Commerce mg:implements Tide Charts Act",
                ],
                &[
                    "Ann Roe org:headOf Department of Labor",
                    "Carl Doe org:headOf Department of Energy",
                    "Carl Doe org:memberOf Department of Energy",
                ],
            ),
            (
                "a post taken ('was sworn in as', 'has been named'), and a qualified membership of two bodies",
                "Notes\n\nSusan Park was sworn in as Administrator of the Small Business Administration. Tom Reed has been named Director of the Office of Personnel Management. Linda Moore is also an active member of the Forum of Tide Women and the Chart Leadership Council.",
                &[
                    "Susan Park org:headOf Small Business Administration",
                    "Tom Reed org:headOf Office of Personnel Management",
                    "Tom Reed schema:jobTitle \"Director\"",
                    "Linda Moore org:memberOf Forum of Tide Women",
                    "Linda Moore org:memberOf Chart Leadership Council",
                ],
                &[],
            ),
            (
                "a memo's header addresses the departments its heads' titles name",
                "date 2023-12-07\nMemorandum on Tides\n\nMEMORANDUM FOR THE SECRETARY OF STATE\n               THE SECRETARY OF THE TREASURY\n               THE ATTORNEY GENERAL\n\nSUBJECT: Tides\n\nText.\n",
                &[
                    "Memorandum on Tides mg:addressedTo Department of State",
                    "Memorandum on Tides mg:addressedTo Department of the Treasury",
                    "Memorandum on Tides mg:addressedTo Department of Justice",
                ],
                &[],
            ),
            (
                "a memo's header addresses the bodies its titles name, one title a line",
                "date 2025-12-07\nMemorandum on Charts\n\nMEMORANDUM FOR THE SECRETARY OF STATE\nTHE SECRETARY OF WAR\nTHE DIRECTOR OF NATIONAL INTELLIGENCE\nTHE NATIONAL CYBER DIRECTOR\nTHE POSTMASTER GENERAL\nTHE UNITED STATES TRADE REPRESENTATIVE\nTHE ASSISTANT TO THE PRESIDENT FOR NATIONAL SECURITY AFFAIRS\n\nSUBJECT: Charts\n\nText.\n",
                &[
                    "Memorandum on Charts mg:addressedTo Department of State",
                    "Memorandum on Charts mg:addressedTo Department of War",
                    "Memorandum on Charts mg:addressedTo Office of the Director of National Intelligence",
                    "Memorandum on Charts mg:addressedTo Office of the National Cyber Director",
                    "Memorandum on Charts mg:addressedTo U.S. Postal Service",
                ],
                &[
                    "Memorandum on Charts mg:addressedTo National Security Agency",
                    "Memorandum on Charts mg:addressedTo Office of the United States Trade Representative",
                ],
            ),
            (
                "a Federal Register summary's first sentence: the policies it concerns and the memos it builds on",
                "date 2019-03-01\nNotice of a Matching Program\n\nAGENCY: Social Security Administration.\n\nSUMMARY: Under the Social Security Act, as amended by the Bipartisan Budget Act of 2015, and OMB Memorandum M-19-17, the agency gives notice. The Food Stamp Act is unchanged.\n\nSUPPLEMENTARY INFORMATION: None.",
                &[
                    "Notice of a Matching Program mg:concerns Social Security Act",
                    "Notice of a Matching Program mg:concerns Bipartisan Budget Act of 2015",
                    "Notice of a Matching Program dcterms:references M-19-17",
                ],
                &["Notice of a Matching Program mg:concerns Food Stamp Act"],
            ),
            (
                "the parts a department is made of, in a list (another department is no part)",
                "Grants\n\nThe Department of Labor comprises the Gear Administration, the Office of Bolts and the Department of Energy.",
                &[
                    "Gear Administration org:subOrganizationOf Department of Labor",
                    "Office of Bolts org:subOrganizationOf Department of Labor",
                ],
                &["Department of Energy org:subOrganizationOf Department of Labor"],
            ),
            (
                "a company's chief executive heads it, and a company named with a title word is not cut",
                "Notes\n\nMary Roe, CEO of General Motors, spoke. Jane Doe, Deputy Counsel to the President, spoke.",
                &[
                    "Mary Roe org:headOf General Motors",
                    "Mary Roe schema:jobTitle \"CEO\"",
                    "Jane Doe schema:jobTitle \"Deputy Counsel\"",
                ],
                &["Mary Roe schema:jobTitle \"CEO of General\""],
            ),
            (
                "a GAO report's highlights: the policies of the first sentence under its headings; a named list is a policy",
                "date 2025-05-01\nGrants: DOL Should Improve Oversight\n\nReport: GAO-25-107001 | Published: 2025-05-01 | Source: U.S. Government Accountability Office\n\nWhat GAO Found\n\nThe Department of Labor oversees the Job Corps Program through regional offices and contractors.\n\nWhy GAO Did This Study\n\nSince 2019, the Job Corps Program has been on GAO's High Risk List because of safety problems.\n\nWhat GAO Recommends\n\nGAO recommends that DOL take steps to improve oversight of the Youth Apprenticeship Program through regular site visits.\n\nThe Workforce Innovation and Opportunity Act applies elsewhere.",
                &[
                    "Grants: DOL Should Improve Oversight mg:concerns Job Corps Program",
                    "Grants: DOL Should Improve Oversight mg:concerns High Risk List",
                    "Grants: DOL Should Improve Oversight mg:concerns Youth Apprenticeship Program",
                    "Government Accountability Office mg:implements High Risk List",
                ],
                &["Grants: DOL Should Improve Oversight mg:concerns Workforce Innovation and Opportunity Act"],
            ),
            (
                "an address block's line that is a body's whole name is the body, not a title",
                "date 2025-05-01\nA Report on Things\n\nThe Honorable Jane Roe\nRanking Member\nJoint Economic Committee\n\nText of the report.",
                &[
                    "Jane Roe org:memberOf Joint Economic Committee",
                    "Jane Roe schema:jobTitle \"Ranking Member\"",
                ],
                &["Jane Roe schema:jobTitle \"Joint Economic Committee\""],
            ),
            (
                "policies listed after the one an agency carries out",
                "Grants\n\nThe Department of Labor administers the Job Corps Program, the Apprenticeship Program and the YouthBuild Program. The Trade Adjustment Assistance Program is elsewhere.",
                &[
                    "Department of Labor mg:implements Job Corps Program",
                    "Department of Labor mg:implements Apprenticeship Program",
                    "Department of Labor mg:implements YouthBuild Program",
                ],
                &["Department of Labor mg:implements Trade Adjustment Assistance Program"],
            ),
            (
                "a letterhead issues a directive that names no sender; copy recipients issue nothing",
                "U.S. Department of Energy\nWashington, DC 20585\n\nDirective 22-01\n\nFROM: J.\n\nCC: Tony Scott\nDirector, Office of Budget\n\nSUBJECT: Removal of Old Software\n\nAgencies shall remove the software.",
                &["Directive 22-01 dcterms:creator Department of Energy"],
                &["Directive 22-01 dcterms:creator Tony Scott", "Directive 22-01 dcterms:creator Office of Budget"],
            ),
            (
                "a seal's words above the title name no memo, and the sender beats the letterhead",
                "Homeland Security\n\nFROM: Tony Scott\nSecretary\n\nSUBJECT: Securing High Value Assets\n\nAgencies shall secure them.",
                &["Securing High Value Assets dcterms:creator Tony Scott"],
                &["Homeland Security dcterms:creator Tony Scott"],
            ),
            (
                "a memo's own title is no policy it concerns",
                "date 2015-06-08\nM-15-13 Policy to Require Secure Connections across Federal Websites\n\nMEMORANDUM FOR THE HEADS OF EXECUTIVE DEPARTMENTS AND AGENCIES\n\nFROM: Tony Scott\nFederal Chief Information Officer\n\nSUBJECT: Policy to Require Secure Connections across Federal Websites\n\nThis HTTPS-Only Standard applies to all Federal agency websites.",
                &["M-15-13 mg:concerns HTTPS-Only Standard", "M-15-13 dcterms:creator Tony Scott"],
                &["M-15-13 mg:concerns M-15-13 Policy to Require Secure Connections"],
            ),
            (
                "roles after a name: 'a spokeswoman for X' (and data/rules/roles.toml: 'who served as X secretary', 'X's director')",
                "\"We will comply,\" said Gillian Christensen, a spokeswoman for DHS. Janet Johnson, who served as DHS secretary under President Obama, disagreed. Sarah Saldana, ICE's director, testified. Janet Lopez, who served as director of the FBI, spoke.",
                &[
                    "Gillian Christensen org:memberOf Department of Homeland Security",
                ],
                &[
                    "Obama org:memberOf Department of Homeland Security",
                    "Gillian Christensen org:headOf Department of Homeland Security",
                ],
            ),
            (
                "what a memo excepts from a rescission is not replaced; an agency uses a program",
                "date 2017-02-20\nEnforcement of the Laws\n\nSUBJECT: Enforcement of the Laws\n\nWith the exception of the June 15, 2012, memorandum entitled \"Exercising Prosecutorial Discretion with Respect to Individuals Who Came to the United States as Children,\" all existing conflicting directives are hereby immediately rescinded. The Priority Enforcement Program is hereby terminated. ICE will use the 287(g) program to the maximum extent possible. The Department of Education used American Rescue Plan funds.",
                &[
                    "Immigration and Customs Enforcement mg:implements 287(g) program",
                    "June 15, 2012 memorandum dcterms:issued 2012-06-15",
                ],
                &[
                    "Enforcement of the Laws dcterms:replaces June 15, 2012 memorandum",
                    "Department of Education mg:implements American Rescue Plan",
                ],
            ),
            (
                "a numbered memo, then 'titled' and its quoted title: one memo",
                "AI policy\n\nThe memorandum, M-24-10, titled \"Advancing Governance, Innovation, and Risk Management for Agency Use of Artificial Intelligence,\" directs agencies to act. OMB Director Shalanda Young signed the memo.",
                &["M-24-10 dcterms:creator Shalanda Young"],
                &["Advancing Governance, Innovation, and Risk Management for Agency Use of Artificial Intelligence dcterms:creator Shalanda Young"],
            ),
            (
                "an executive order's long title line names the document",
                "date 2021-02-02\nExecutive Order on Creating a Comprehensive Regional Framework to Address the Causes of Migration, to Manage Migration Throughout North and Central America, and to Provide Safe and Orderly Processing of Asylum Seekers at the United States Border\n\nBy the authority vested in me as President, it is hereby ordered as follows.\n\nJOSEPH R. BIDEN JR.",
                &["Executive Order on Creating a Comprehensive Regional Framework to Address the Causes of Migration, to Manage Migration Throughout North and Central America, and to Provide Safe and Orderly Processing of Asylum Seekers at the United States Border dcterms:creator Joseph R. Biden Jr."],
                &[],
            ),
            (
                "a numbered memo's title and date in apposition; 'which X issued'; 'the memo' is the one most talked about",
                "Agencies move to HTTPS\n\nThe Office of Management and Budget issued Memorandum M-15-13, Policy to Require Secure Connections across Federal Websites and Web Services, on June 8, 2015. The memo requires HTTPS. The standard builds on M-14-03, which OMB issued in November. The Federal CIO, Tony Scott, signed the memo.",
                &[
                    "M-15-13 dcterms:issued 2015-06-08",
                    "M-15-13 dcterms:creator Tony Scott",
                    "M-14-03 dcterms:creator Office of Management and Budget",
                ],
                &["M-14-03 dcterms:creator Tony Scott"],
            ),
            (
                "units of an agency: defined by acronym, listed, 'the arm of', 'within'",
                "The Office of the Principal Legal Advisor (OPLA) and Enforcement and Removal Operations (ERO), components of ICE, share this responsibility. Homeland Security Investigations (HSI) is the investigative arm of DHS. The Office of Field Operations (OFO) within CBP inspects travelers.",
                &[
                    "Office of the Principal Legal Advisor org:subOrganizationOf Immigration and Customs Enforcement",
                    "Enforcement and Removal Operations org:subOrganizationOf Immigration and Customs Enforcement",
                    "Homeland Security Investigations org:subOrganizationOf Department of Homeland Security",
                    "Office of Field Operations org:subOrganizationOf Customs and Border Protection",
                ],
                &[],
            ),
            (
                "memos cited inline by author, role, title and date",
                "date 2011-06-17\nExercising Discretion Wisely\n\nMEMORANDUM FOR: All Field Office Directors\n\nFROM: John Morton\nDirector\n\nSUBJECT: Exercising Discretion Wisely\n\nThis memorandum builds on existing memoranda: Sam Bernsen, Immigration and Naturalization Service (INS) General Counsel, Legal Opinion Regarding Service Exercise of Prosecutorial Discretion (July 15, 1976); Doris Meissner, INS Commissioner, Exercising Prosecutorial Discretion (November 17, 2000); and John Morton, Director, ICE, Civil Immigration Enforcement: Priorities for the Apprehension, Detention, and Removal of Aliens (March 2, 2011).",
                &[
                    "Legal Opinion Regarding Service Exercise of Prosecutorial Discretion dcterms:creator Sam Bernsen",
                    "Legal Opinion Regarding Service Exercise of Prosecutorial Discretion dcterms:issued 1976-07-15",
                    "Sam Bernsen schema:jobTitle \"General Counsel\"",
                    "Sam Bernsen org:memberOf Immigration and Naturalization Service",
                    "Doris Meissner org:headOf Immigration and Naturalization Service",
                    "Exercising Prosecutorial Discretion dcterms:issued 2000-11-17",
                    "Civil Immigration Enforcement: Priorities for the Apprehension, Detention, and Removal of Aliens dcterms:creator John Morton",
                    "Exercising Discretion Wisely dcterms:references Exercising Prosecutorial Discretion",
                ],
                &["Sam Bernsen org:headOf Immigration and Naturalization Service"],
            ),
            (
                "a law that requires an agency to act",
                "The Privacy Act of 1974 also requires the Department of Veterans Affairs to review its processes. The Clean Air Act requires reports.",
                &["Department of Veterans Affairs mg:implements Privacy Act of 1974"],
                &[],
            ),
            (
                "a short agency memo: title line, letterhead, header, Title-Case signature",
                "date 2018-04-06\nMemorandum for Federal Prosecutors Along the Southwest Border\n\nOffice of the Attorney General\nWashington, D.C. 20530\n\nApril 6, 2018\n\nMEMORANDUM FOR FEDERAL PROSECUTORS ALONG THE SOUTHWEST BORDER\n\nFROM: THE ATTORNEY GENERAL\n\nSUBJECT: Zero-Tolerance for Offenses Under 8 U.S.C. § 1325(a)\n\nToday, I directed each office to adopt immediately a zero-tolerance policy. This zero-tolerance policy shall supersede any existing policies. This memorandum builds on my April 11, 2017 memorandum, Renewed Commitment to Criminal Immigration Enforcement.\n\nJefferson B. Sessions III\nAttorney General",
                &[
                    "Memorandum for Federal Prosecutors Along the Southwest Border dcterms:issued 2018-04-06",
                    "Memorandum for Federal Prosecutors Along the Southwest Border dcterms:creator Jefferson B. Sessions III",
                    "Memorandum for Federal Prosecutors Along the Southwest Border mg:concerns zero tolerance policy",
                    "April 11, 2017 memorandum dcterms:creator Jefferson B. Sessions III",
                ],
                &[
                    "Memorandum for Federal Prosecutors Along the Southwest Border dcterms:issued 2017-04-11",
                    "Memorandum for Federal Prosecutors Along the Southwest Border mg:addressedTo Office of the Attorney General",
                ],
            ),
            (
                "an order named by its title in Markdown emphasis, cited in the subject",
                "date 2025-01-21\nOMB Memo M-25-11\n\nFROM: Jane Roe, Acting Director\n\nSUBJECT: Guidance Regarding Section 7 of the Executive Order *Unleashing American Energy*\n\nThe directive in section 7 of the Executive Order entitled *Unleashing American Energy* requires agencies to pause. Footnote *Federal Assistance Directive*, ch. 2, sec. K (Oct. 1, 2024). 4 GAO, *Grants* report.",
                &["M-25-11 dcterms:references Unleashing American Energy"],
                &["ch. 2, sec. K (Oct. 1, 2024). 4 GAO dcterms:issued 2024-10-01"],
            ),
            (
                "'that order' is another memo than the document; 'in the order listed' is none",
                "date 2025-04-07\nExecutive Order on Review of Steel Acquisitions\n\nOn January 3, 2025, the President issued an order prohibiting the acquisition. In that order, the President reserved the right to act. The officials, in the order listed, shall act under the Defense Production Act of 1950.",
                &[],
                &[
                    "Executive Order on Review of Steel Acquisitions mg:concerns Defense Production Act of 1950",
                    "Executive Order on Review of Steel Acquisitions dcterms:creator President",
                ],
            ),
            (
                "a subject line over two lines names a law the body names: the memo concerns it",
                "date 2025-04-15\nMEMORANDUM FOR THE SECRETARY OF LABOR\n\nSUBJECT:       Preventing Fraud in Obtaining Coastal Charts\nAct Benefits\n\nBy the authority vested in me as President, I hereby direct the Secretary of Labor to review payments under the Coastal Charts Act.\n",
                &["Preventing Fraud in Obtaining Coastal Charts Act Benefits mg:concerns Coastal Charts Act"],
                &[],
            ),
            (
                "a memo and a gerund that sets out a policy",
                "The President signed Executive Order 13768 establishing the Secure Communities program.",
                &["Executive Order 13768 mg:concerns Secure Communities"],
                &[],
            ),
            (
                "a policy set out in a memo named after its agency",
                "Agencies must comply with the HTTPS-Only Standard set out in OMB Memorandum M-15-13.",
                &["M-15-13 mg:concerns HTTPS-Only Standard"],
                &[],
            ),
            (
                "the author of a memo in a relative clause",
                "Former Homeland Security Secretary Jeh Johnson, who expanded the program in a November 20, 2014 memorandum, said the decision was cruel.",
                &["November 20, 2014 memorandum dcterms:creator Jeh Johnson"],
                &[],
            ),
            (
                "whatever the person does after 'In a … memorandum,' is done in that memo",
                "Immigration news\n\nIn a November 20, 2014 memorandum, Secretary Janet Johnson expanded the program.",
                &["November 20, 2014 memorandum dcterms:creator Janet Johnson"],
                &[],
            ),
            (
                "a rank before the agency belongs to the title",
                "Acting Homeland Security Secretary Elaine Duke spoke. Deputy DHS Secretary Alan Ferreira spoke.",
                &[
                    "Elaine Duke schema:jobTitle \"Acting Secretary\"",
                    "Elaine Duke org:headOf Department of Homeland Security",
                    "Alan Ferreira schema:jobTitle \"Deputy Secretary\"",
                    "Alan Ferreira org:memberOf Department of Homeland Security",
                ],
                &["Alan Ferreira org:headOf Department of Homeland Security"],
            ),
            (
                "news copy: an unknown name, then a lower-case title of an organization",
                "\"It was a sad day,\" said Marisol Quintanar, executive director of the National Immigration Law Center.",
                &[
                    "Marisol Quintanar org:memberOf National Immigration Law Center",
                    "Marisol Quintanar schema:jobTitle \"executive director\"",
                ],
                &[],
            ),
            (
                "'the law' refers back to a statute, not to any policy",
                "DHS applies prosecutorial discretion to young people. They did not intend to violate the law. ICE enforces the law.",
                &[],
                &["Immigration and Customs Enforcement mg:implements prosecutorial discretion"],
            ),
            (
                "'the Act' refers back to the act named before",
                "Congress passed the Privacy Act of 1974 to protect records. The Office of Management and Budget enforces the Act.",
                &["Office of Management and Budget mg:implements Privacy Act of 1974"],
                &[],
            ),
            (
                "title before a name, with its agency",
                "ICE Director John Morton issued the memo.",
                &[
                    "John Morton schema:jobTitle \"Director\"",
                    "John Morton org:headOf Immigration and Customs Enforcement",
                ],
                &[],
            ),
            (
                "federal Attorney General implies the Department of Justice",
                "Attorney General Merrick Garland spoke.",
                &["Merrick Garland org:memberOf Department of Justice"],
                &[],
            ),
            (
                "a state attorney general is not federal",
                "Texas Attorney General Ken Paxton sued.",
                &["Ken Paxton schema:jobTitle \"Attorney General\""],
                &["Ken Paxton org:memberOf Department of Justice"],
            ),
            (
                "a state's counsel in its court: its Attorney General is the state's",
                "Ann Roe, Attorney General, by John Doe, Deputy Solicitor General, for the State.",
                &[],
                &[
                    "Ann Roe org:memberOf Department of Justice",
                    "Ann Roe org:headOf Department of Justice",
                ],
            ),
            (
                "a state's secretary of state is not federal",
                "California Secretary of State Shirley Weber certified the vote.",
                &[],
                &["Shirley Weber org:memberOf Department of State"],
            ),
            (
                "a second replacing verb coordinated with the subject",
                "date 2018-06-28\nMEMORANDUM FOR: Field Office Directors\n\nSUBJECT: Disposition Guidance\n\nThis memorandum supersedes Policy Memorandum 110, Disposition of Cases, dated July 11, 2006, and rescinds the November 7, 2011 memorandum issued by Director Jane Smith.",
                &[
                    "Disposition Guidance dcterms:replaces Policy Memorandum 110",
                    "Disposition Guidance dcterms:replaces November 7, 2011 memorandum",
                    "November 7, 2011 memorandum dcterms:creator Jane Smith",
                    "Policy Memorandum 110 dcterms:issued 2006-07-11",
                ],
                &["Policy Memorandum 110 dcterms:replaces November 7, 2011 memorandum"],
            ),
            (
                "a year before a memo named after its author",
                "Immigration news\n\nThe memo replaces the 2011 guidance issued by former ICE director John Morton.",
                &[
                    "Morton memo dcterms:creator John Morton",
                    "Morton memo dcterms:issued 2011",
                ],
                &[],
            ),
            (
                "an ALL-CAPS addressee field names agencies",
                "date 2023-01-17\nMemorandum on Delegation of Authority\n\nMEMORANDUM FOR THE SECRETARY OF THE TREASURY\n               THE ADMINISTRATOR OF THE FEDERAL AVIATION ADMINISTRATION\n\nSUBJECT: Delegation of Authority\n\nBy the authority vested in me, I hereby delegate the functions.",
                &[
                    "Memorandum on Delegation of Authority mg:addressedTo Department of the Treasury",
                    "Memorandum on Delegation of Authority mg:addressedTo Federal Aviation Administration",
                ],
                &[],
            ),
            (
                "a memo in a prepositional phrase before its author",
                "News\n\nIn a memorandum dated April 6, 2018, Attorney General Jeff Sessions announced the Zero Tolerance Policy.",
                &[
                    "April 6, 2018 memorandum dcterms:creator Jeff Sessions",
                    "April 6, 2018 memorandum dcterms:issued 2018-04-06",
                ],
                &[],
            ),
            (
                "an author ends a policy in a dated memo",
                "News\n\nAlejandro Mayorkas terminated the Migrant Protection Protocols in a June 1, 2021 memorandum.",
                &[
                    "June 1, 2021 memorandum dcterms:creator Alejandro Mayorkas",
                    "June 1, 2021 memorandum dcterms:replaces Migrant Protection Protocols",
                ],
                &[],
            ),
            (
                "an author with a title in apposition issues a dated memo",
                "News\n\nKirstjen Nielsen, the Secretary of Homeland Security, issued a memorandum on January 25, 2019 implementing the Migrant Protection Protocols.",
                &[
                    "January 25, 2019 memorandum dcterms:creator Kirstjen Nielsen",
                    "January 25, 2019 memorandum mg:concerns Migrant Protection Protocols",
                ],
                &["Department of Homeland Security mg:implements Migrant Protection Protocols"],
            ),
            (
                "coordinated agencies implement a policy",
                "News\n\nCBP and ICE enforce the Migrant Protection Protocols.",
                &[
                    "Customs and Border Protection mg:implements Migrant Protection Protocols",
                    "Immigration and Customs Enforcement mg:implements Migrant Protection Protocols",
                ],
                &[],
            ),
            (
                "an agency's own acronym in parentheses before its verb",
                "Notes\n\nThe Small Business Administration (SBA) operates the Microloan Program. The Department of Labor (DOL) and CBP run nothing.",
                &["Small Business Administration mg:implements Microloan Program"],
                &[],
            ),
            (
                "a relative clause between an agency and its verb",
                "Notes\n\nThe Wage and Hour Division, which is part of the Department of Labor, enforces the Fair Labor Standards Act.",
                &[
                    "Wage and Hour Division mg:implements Fair Labor Standards Act",
                    "Wage and Hour Division org:subOrganizationOf Department of Labor",
                ],
                &["Department of Labor mg:implements Fair Labor Standards Act"],
            ),
            (
                "heads named by a clause",
                "Notes\n\nChristopher Wray, who heads the FBI, testified.",
                &["Christopher Wray org:headOf Federal Bureau of Investigation"],
                &[],
            ),
            (
                "an agency that ceased to exist",
                "Notes\n\nThe Immigration and Naturalization Service ceased to exist in 2003.",
                &["Immigration and Naturalization Service mg:defunct true"],
                &[],
            ),
            (
                "guidance issued on a date by its author, rescinded by these guidelines",
                "date 2021-09-30\nMEMORANDUM\n\nSUBJECT: Guidelines for the Enforcement of Civil Immigration Law\n\nThese Guidelines rescind the Interim Guidance issued on February 18, 2021 by Acting Director Tae D. Johnson.",
                &[
                    "Guidelines for the Enforcement of Civil Immigration Law dcterms:replaces Johnson memo",
                    "Johnson memo dcterms:creator Tae D. Johnson",
                    "Johnson memo dcterms:issued 2021-02-18",
                ],
                &[],
            ),
            (
                "title modifiers stay in the title",
                "Senate President Pro Tempore Patty Murray spoke.",
                &["Patty Murray schema:jobTitle \"President Pro Tempore\""],
                &[],
            ),
        ];
        check(cases);
    }
}

#[cfg(test)]
mod document_title_tests {
    use crate::model::{Document, EntityClass, Object, Predicate};
    use crate::Extractor;

    #[test]
    fn a_memo_named_only_by_the_title_given_with_it_is_the_document() {
        // a JSON Lines row: the title is a field, the text does not repeat it
        let mut doc = Document::from_text(
            "orders.jsonl#1",
            "By the authority vested in me as President, it is hereby ordered:\n\n(F)  The following Presidential documents are revoked:\n\n(1)  Executive Order 13767 of January 25, 2017 (Border Security and Immigration Enforcement Improvements).\n\n(2)  Proclamation 9880 of May 8, 2019.\n\nSec. 5.  General Provisions.  Nothing here.\n\nJOSEPH R. BIDEN JR.",
        );
        doc.title = Some("Executive Order on Creating a Regional Framework".into());
        let ex = Extractor::new().extract(&doc);
        let me = ex
            .entities
            .iter()
            .position(|e| {
                e.class == EntityClass::Memo
                    && e.label == "Executive Order on Creating a Regional Framework"
            })
            .expect("the document memo");
        let replaced: Vec<&str> = ex
            .relations
            .iter()
            .filter(|r| r.subject == me && r.predicate == Predicate::Replaces)
            .filter_map(|r| match r.object {
                Object::Entity(o) => Some(ex.entities[o].label.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(
            replaced,
            ["Executive Order 13767", "Proclamation 9880"],
            "{ex:#?}"
        );
        assert!(
            ex.relations
                .iter()
                .any(|r| r.subject == me && r.predicate == Predicate::Creator),
            "the signature names its creator"
        );
    }
}

#[cfg(test)]
mod document_title_line_tests {
    use crate::extract::relations::tests::{check, Case};

    #[test]
    fn a_title_line_names_the_document_not_what_it_cites() {
        let cases: &[Case] = &[
            (
                "an order amending another is not that other order",
                "Executive Order on Amending Executive Order 14007\n\nBy the authority vested in me as President by the Constitution and the laws of the United States of America, it is hereby ordered as follows:\n\nSection 1. The first sentence of section 2 of Executive Order 14007 of January 27, 2021 (Widget Council), is hereby amended.\n\nJOSEPH R. BIDEN JR.\n\nTHE WHITE HOUSE,\nSeptember 13, 2021.",
                &[
                    "Executive Order on Amending Executive Order 14007 dcterms:creator Joseph R. Biden Jr.",
                    "Executive Order on Amending Executive Order 14007 dcterms:issued 2021-09-13",
                    "Executive Order 14007 dcterms:issued 2021-01-27",
                ],
                &["Executive Order 14007 dcterms:issued 2021-09-13"],
            ),
            (
                "an order's own number opens its title",
                "Executive Order 14999 of March 3, 2025\n\nBy the authority vested in me as President by the Constitution and the laws of the United States of America, it is hereby ordered as follows:\n\nSection 1. Widgets shall be counted.\n\nDONALD J. TRUMP\n\nTHE WHITE HOUSE,\nMarch 3, 2025.",
                &[
                    "Executive Order 14999 dcterms:issued 2025-03-03",
                    "Executive Order 14999 dcterms:creator Donald J. Trump",
                ],
                &[],
            ),
            (
                "a day named in the title is not the order's date",
                "Executive Order on Review of Records Concerning the Floods of May 4, 2001\n\nBy the authority vested in me as President by the Constitution and the laws of the United States of America, it is hereby ordered as follows:\n\nSection 1. Records shall be reviewed.\n\nJOSEPH R. BIDEN JR.\n\nTHE WHITE HOUSE,\nSeptember 3, 2021.",
                &["Executive Order on Review of Records Concerning the Floods of May 4, 2001 dcterms:issued 2021-09-03"],
                &["Executive Order on Review of Records Concerning the Floods of May 4, 2001 dcterms:issued 2001-05-04"],
            ),
            (
                "a memorandum's title naming its addressee and a year",
                "Memorandum for the Secretary of Defense on 2020 Widget Command Plan\n\nPursuant to my authority as Commander in Chief, I hereby approve the plan.\n\nJOSEPH R. BIDEN JR.",
                &["Memorandum for the Secretary of Defense on 2020 Widget Command Plan dcterms:creator Joseph R. Biden Jr."],
                &[],
            ),
        ];
        check(cases);
    }
}

#[cfg(test)]
mod revoked_list_tests {
    use crate::model::{Document, EntityClass, Object, Predicate};
    use crate::Extractor;

    /// The memos the document (titled `title`) replaces.
    fn replaced(title: &str, text: &str) -> Vec<String> {
        let mut doc = Document::from_text("orders.jsonl#1", text);
        doc.title = Some(title.into());
        let ex = Extractor::new().extract(&doc);
        let me = ex
            .entities
            .iter()
            .position(|e| e.class == EntityClass::Memo && e.label == title)
            .expect("the document memo");
        let mut out: Vec<String> = ex
            .relations
            .iter()
            .filter(|r| r.subject == me && r.predicate == Predicate::Replaces)
            .filter_map(|r| match r.object {
                Object::Entity(o) => Some(ex.entities[o].label.clone()),
                _ => None,
            })
            .collect();
        out.sort();
        out
    }

    #[test]
    fn each_line_of_a_revoked_list_and_each_memo_of_an_inline_one_is_replaced() {
        // one item per line, each opened by a dash, an item running on to the next line
        let lines = replaced(
            "Executive Order on Widget Rescissions",
            "By the authority vested in me as President, it is hereby ordered:\n\nSec. 2.  Revocation.  The following executive actions are hereby revoked:\n\n- Executive Order 13901 of January 20, 2021 (Advancing Widget\n    Safety).\n- Executive Order 13902 of January 21, 2021 (Rails).\n- Executive Order 13903 of January 22, 2021 (Springfield Widgets).\n\nSec. 3.  Implementation.  Executive Order 13904 stays in force.\n",
        );
        assert_eq!(
            lines,
            [
                "Executive Order 13901",
                "Executive Order 13902",
                "Executive Order 13903"
            ]
        );
        // the list right after the colon, an order cited in a title's parentheses not revoked
        let inline = replaced(
            "Executive Order on Widget Rescissions",
            "By the authority vested in me as President, it is hereby ordered:\n\nSection 1.  Revocation.  The following Presidential actions are revoked:\n Executive Order 13901 of January 20, 2021 (Improving Widgets by Revoking Executive Order 13801), Memorandum of May 1, 2020 (Rails), and Executive Order 13903 of January 22, 2021 (Springfield Widgets).\n\nSec. 2.  Implementation.  Nothing here.\n",
        );
        assert_eq!(
            inline,
            [
                "Executive Order 13901",
                "Executive Order 13903",
                "Memorandum of May 1, 2020"
            ]
        );
        // "the following persons are blocked and may not be … withdrawn:" revokes nothing
        let blocked = replaced(
            "Executive Order on Widget Sanctions",
            "By the authority vested in me as President, it is hereby ordered:\n\nSection 1.  (a)  All property of the following persons are blocked and may not be transferred, paid, or withdrawn:\n(i)  any person named in Executive Order 13901;\n(ii)  any person named by the Secretary.\n",
        );
        assert!(blocked.is_empty(), "{blocked:?}");
    }
}

#[cfg(test)]
mod report_staff_tests {
    use crate::model::{Document, EntityClass, Object, Predicate};
    use crate::Extractor;

    /// Who is a member of which body, as labels.
    fn members(text: &str) -> Vec<(String, String)> {
        let doc = Document::from_text("report.txt", text);
        let ex = Extractor::new().extract(&doc);
        let mut out: Vec<(String, String)> = ex
            .relations
            .iter()
            .filter(|r| r.predicate == Predicate::MemberOf)
            .filter_map(|r| match r.object {
                Object::Entity(o) if ex.entities[r.subject].class == EntityClass::Person => Some((
                    ex.entities[r.subject].label.clone(),
                    ex.entities[o].label.clone(),
                )),
                _ => None,
            })
            .collect();
        out.sort();
        out
    }

    #[test]
    fn a_gao_reports_contacts_and_contributors_are_its_staff() {
        let text = "Widget Safety: Agencies Should Count Widgets\n\nGAO reviewed widget safety.\n\nFor more information, contact Maria Lopez at (202) 512-0000 or lopezm@gao.gov.\n\nIn addition to the contact named above, John Smith (Assistant Director) and Mary Jones made key contributions to this report.\n\nWe met with Peter Brown of the Springfield Widget Council.\n";
        assert_staff(text, &["Maria Lopez", "John Smith", "Mary Jones"]);
        let gao = "Government Accountability Office".to_string();
        let doc = Document::from_text("report.txt", text);
        let ex = Extractor::new().extract(&doc);
        assert!(
            ex.relations
                .iter()
                .any(|r| r.predicate == Predicate::JobTitle
                    && ex.entities[r.subject].label == "John Smith"
                    && r.object == Object::Text("Assistant Director".into())),
            "{:?}",
            ex.relations
        );
        // no "@gao.gov" address: not GAO's own report
        let other = members(&text.replace("lopezm@gao.gov", "lopezm@example.org"));
        assert!(!other.iter().any(|(_, b)| *b == gao), "{other:?}");
    }

    #[test]
    fn a_testimonys_contributors_are_staff_when_the_phrase_wraps_a_line() {
        let text = "Widget Safety: Agencies Should Count Widgets\n\nGAO reviewed widget safety.\n\nIf you have questions, contact me at lopezm@gao.gov. Contact points may be found\non the last page. John Smith (Assistant Director) and Mary Jones made key contributions\nto this testimony.\n\nWe met with Peter Brown of the Springfield Widget Council.\n";
        assert_staff(text, &["John Smith", "Mary Jones"]);
    }

    /// The names are GAO's staff in the text; the Peter Brown it also names is not.
    fn assert_staff(text: &str, names: &[&str]) {
        let got = members(text);
        let gao = "Government Accountability Office".to_string();
        for name in names {
            assert!(
                got.contains(&(name.to_string(), gao.clone())),
                "{name}: {got:?}"
            );
        }
        assert!(
            !got.iter().any(|(p, b)| p == "Peter Brown" && *b == gao),
            "{got:?}"
        );
    }
}

#[cfg(test)]
mod short_name_tests {
    use crate::model::{Document, EntityClass};
    use crate::Extractor;

    #[test]
    fn a_short_name_defined_in_parentheses_or_quotes_is_one_entity() {
        // (case, text, the short name, how many mentions the policy has (0: not checked))
        let cases = [
            (
                "in parentheses: the title, the long form, the short form, the later use",
                "Dole Act review\n\nGAO reviewed the Senator Elizabeth Dole 21st Century Veterans Healthcare and Benefits Improvement Act (Dole Act). The Dole Act requires VA to act.",
                "Dole Act",
                4,
            ),
            (
                "in quotes after a citation",
                "Disaster support\n\nUnder the Robert T. Stafford Disaster Relief and Emergency Assistance Act, 42 U.S.C. 5121-5207 (the \u{201c}Stafford Act\u{201d}), FEMA pays. The Stafford Act also covers repairs.",
                "Stafford Act",
                0,
            ),
        ];
        for (case, text, short, mentions) in cases {
            let ex = Extractor::new().extract(&Document::from_text("t.txt", text));
            let policies: Vec<_> = ex
                .entities
                .iter()
                .filter(|e| e.class == EntityClass::Policy)
                .collect();
            assert_eq!(policies.len(), 1, "{case}: {policies:#?}");
            assert!(policies[0].alt_labels.contains(short), "{case}");
            if mentions > 0 {
                assert_eq!(
                    policies[0].mentions.len(),
                    mentions,
                    "{case}: {policies:#?}"
                );
            }
        }
    }
}
