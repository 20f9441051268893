//! Stage 3: mentions. Gazetteer hits, acronym definitions, capitalized names
//! classified by their head word, memo numbers and titles, people with and
//! without titles, administrations. Overlaps are resolved by rule priority.

use std::collections::{BTreeMap, HashMap};
use std::sync::OnceLock;

use regex::Regex;

use super::lexicon::{
    capitalized_like, is_connector, lower_in, name_key, with_lower, LexEntry, Lexicon,
};
use super::text::{floor_boundary, Segmented, TokKind};
use crate::extract::words::{
    Words, FUNCTION_TITLE_WORDS, HEAD_TITLE_FIRST_WORDS, HEAD_TITLE_LAST_WORDS, NAME_DETERMINERS,
    ORDER_QUALIFIERS, PLACE_PREPOSITIONS, STAFF_TITLE_LAST_WORDS, SUBORDINATE_TITLE_WORDS,
    TITLE_RANK_STARTS,
};
use crate::model::{EntityClass, Span};

/// A mention of an entity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Where it is.
    pub span: Span,
    /// Its class.
    pub class: EntityClass,
    /// The name as it should be recorded (surface, cleaned).
    pub name: String,
    /// The canonical name when known (gazetteer).
    pub canonical: Option<String>,
    /// The resolution key.
    pub key: String,
    /// Extra names (an acronym defined with it, a title given with a number).
    pub extra: Vec<String>,
    /// The rule that found it.
    pub rule: &'static str,
    /// Priority for overlap resolution.
    pub priority: u8,
    /// The gazetteer parent, for agencies.
    pub parent: Option<String>,
    /// A rule's hint for later stages: the issuing agency's acronym of a numbered memo,
    /// the surname in "the Morton memo" or "the Obama administration".
    pub hint: Option<String>,
    /// Not a name ("the memo", "this order"): contributes no label.
    pub anaphor: bool,
}

impl Mention {
    /// Takes a gazetteer entry's identity: its key, canonical name and parent
    /// (the class stays the caller's to set).
    pub fn take_entry(&mut self, e: &LexEntry) {
        self.key = class_key(e.class, &e.canonical);
        self.canonical = Some(e.canonical.clone());
        self.parent = e.parent.clone();
    }

    /// A new mention.
    pub fn new(
        span: Span,
        class: EntityClass,
        name: impl Into<String>,
        rule: &'static str,
        priority: u8,
    ) -> Self {
        let name = name.into();
        let key = class_key(class, &name);
        Self {
            span,
            class,
            name,
            canonical: None,
            key,
            extra: Vec::new(),
            rule,
            priority,
            parent: None,
            hint: None,
            anaphor: false,
        }
    }
}

/// The resolution key of a name of a class: memos drop "the", "President's", "Memorandum on".
pub fn class_key(class: EntityClass, name: &str) -> String {
    let mut k = name_key(name);
    // "Department of the Treasury", "Department of Treasury": one department
    if class == EntityClass::Agency {
        if let Some(rest) = k.strip_prefix("department of the ") {
            k = format!("department of {rest}");
        }
    }
    if class == EntityClass::Memo {
        for p in [
            "presidents ",
            "presidential ",
            "omb ",
            "memorandum on ",
            "memorandum for ",
            "memo on ",
        ] {
            if let Some(rest) = k.strip_prefix(p) {
                if rest.len() > 6 {
                    k = rest.to_string();
                }
            }
        }
        k = k.replace("memorandum", "memo");
        for (from, to) in [
            ("executive order no ", "executive order "),
            ("e o ", "executive order "),
            ("eo ", "executive order "),
        ] {
            if let Some(rest) = k.strip_prefix(from) {
                k = format!("{to}{rest}");
            }
        }
    }
    let segment = class.segment();
    let mut key = String::with_capacity(segment.len() + 1 + k.len());
    key.push_str(segment);
    key.push(':');
    key.push_str(&k);
    key
}

/// Head words that make a capitalized name an agency.
static AGENCY_HEADS: Words = Words::new("agency_heads");
static TITLE_DEPARTMENTS: Words = Words::new("title_departments");
static BIO_NAME_VERBS: Words = Words::new("bio_name_verbs");
static LISTED_DEPARTMENTS: Words = Words::new("listed_departments");
static FEDERAL_TITLE_PREFIXES: Words = Words::new("federal_title_prefixes");
/// Heads that are government only with a government modifier, else organizations.
static BODY_HEADS: Words = Words::new("body_heads");
/// Heads of non-government organizations.
static ORG_HEADS: Words = Words::new("org_heads");
/// Heads of the names of awards and decorations ("Bronze Star Medal", "Department
/// of Justice Award for Outstanding Service"): no body, no person.
static AWARD_WORDS: Words = Words::new("award_words");
/// Words whose possessive may stand inside a name ("Women’s Media Center",
/// "Children’s National Hospital", "United States Attorney’s Office for …").
static POSSESSIVE_NAME_PARTS: Words = Words::new("possessive_name_parts");
static LOCAL_OFFICE_HOLDERS: Words = Words::new("local_office_holders");
/// Verbs of a release's headline ("Department Announces …").
static HEADLINE_VERBS: Words = Words::new("headline_verbs");
/// Suffixes of firms' names ("Roe & Lee LLP", "Harbor Law Group, PLLC").
pub(crate) static FIRM_SUFFIXES: Words = Words::new("firm_suffixes");

/// Word lists of `data/words.toml` that decide whether a capitalized run is a
/// body's name and of which class (each list's comment there says what it holds).
static GLUE_TITLES: Words = Words::new("glue_titles");
static FUND_ACCOUNT_WORDS: Words = Words::new("fund_account_words");
static FUND_ORGANIZATION_WORDS: Words = Words::new("fund_organization_words");
static DIVISION_PLACES_AFTER: Words = Words::new("division_places_after");
static GENERIC_UNIT_WORDS: Words = Words::new("generic_unit_words");
static UNNAMED_BOARDS: Words = Words::new("unnamed_boards");
static ACADEMIC_FIELDS: Words = Words::new("academic_fields");
static ACADEMIC_FIELD_ENDS: Words = Words::new("academic_field_ends");
static BARE_TASK_HEADS: Words = Words::new("bare_task_heads");
static SERVICE_SCHOOL_HEADS: Words = Words::new("service_school_heads");
static SERVICE_SCHOOL_WORDS: Words = Words::new("service_school_words");

/// Academic degrees ("Ph.D.", "M.S.", "degree"): before "in", a field of study follows.
static DEGREES: Words = Words::new("degrees");
/// Non-government bodies that own a program named after them ("Roe University Widget Program").
static POLICY_OWNER_ORG_WORDS: Words = Words::new("policy_owner_org_words");
/// Plural policy heads that name a kind of policy, not one ("Homelessness Programs").
static GENERIC_PLURAL_POLICY_HEADS: Words = Words::new("generic_plural_policy_heads");
/// Second words of places named "New …" ("New York"), and of policies named so ("New START Treaty").
static NEW_PLACE_WORDS: Words = Words::new("new_place_words");
static POLICY_NEW_WORDS: Words = Words::new("policy_new_words");
/// Words before "X Law" that make it a law school or firm ("at Georgetown Law").
static LAW_SCHOOL_BEFORE: Words = Words::new("law_school_before");
static LAW_SCHOOL_AFTER: Words = Words::new("law_school_after");
static ORGANIZATION_WORDS: Words = Words::new("organization_words");
static UNIT_HEADS: Words = Words::new("unit_heads");
static LOCAL_GOVERNMENT_WORDS: Words = Words::new("local_government_words");
/// Heads of a body that an organization may own ("Executive Committee of the X Federation").
/// Heads of a university's units, and words of the fields a school or a college
/// is named after ("School of Public Health", "College of Law").
static ACADEMIC_UNIT_HEADS: Words = Words::new("academic_unit_heads");
static SCHOOL_FIELD_WORDS: Words = Words::new("school_field_words");
/// Heads of two countries' bond ("U.S.-Japan Alliance") and the first
/// country's word before the hyphen ("U.S.", "US", "United States-").
static BILATERAL_HEADS: Words = Words::new("bilateral_heads");
static BILATERAL_FIRSTS: Words = Words::new("bilateral_firsts");
/// Words of a project that is works, a mine or a demonstration, no body
/// ("… Bridge Improvement Project", "… Copper Project").
static WORKS_PROJECT_WORDS: Words = Words::new("works_project_words");
/// Heads of bodies named after the place they are in ("U.S. Embassy in London").
static PLACE_NAMED_HEADS: Words = Words::new("place_named_heads");
/// Heads and first words of a body of agencies working together ("Federal
/// Interagency Forum on …", "Federal-State … Partnership").
static INTERAGENCY_BODY_HEADS: Words = Words::new("interagency_body_heads");
static INTERAGENCY_STARTS: Words = Words::new("interagency_starts");
static OWNED_BODY_HEADS: Words = Words::new("owned_body_heads");
/// Heads of an owner's name that make it an organization whatever its other words.
static OWNER_ORGANIZATION_HEADS: Words = Words::new("owner_organization_heads");
/// Words after "Government" that make it a committee's subject ("Government Affairs").
static COMMITTEE_SUBJECT_AFTER_GOVERNMENT: Words = Words::new("committee_subject_after_government");

/// Whether a word heads the name of a body: an agency, a body that may be
/// either, or an organization ("Department", "Council", "University").
pub(crate) fn is_body_head(w: &str) -> bool {
    AGENCY_HEADS.contains(&w) || BODY_HEADS.contains(&w) || ORG_HEADS.contains(&w)
}

/// Whether a name holds a government word ("Federal", "National", "U.S.", a
/// state's or a local government's name word).
pub(crate) fn has_government_word(name: &str) -> bool {
    name.split(' ').any(|w| {
        GOV_MODIFIERS.contains(&w)
            || LOCAL_GOVERNMENT_WORDS.contains(&w)
            || w == "State"
            || super::relations::is_us_state(w)
    })
}

/// Whether a word heads a non-government organization's name ("University", "Foundation").
pub(crate) fn is_org_head(w: &str) -> bool {
    ORG_HEADS.contains(&w) || ORGANIZATION_WORDS.contains(&w)
}

/// Whether a word ends a firm's name ("LLP", "LLC", "Inc.").
fn is_firm_suffix(w: &str) -> bool {
    FIRM_SUFFIXES.contains(&w) || matches!(w, "LLC" | "Inc" | "Inc.")
}

static POLICY_HEADS: Words = Words::new("policy_heads");
static MEMO_HEADS: Words = Words::new("memo_heads");
static GOV_MODIFIERS: Words = Words::new("gov_modifiers");
/// Capitalized words that never start a name (sentence starters and function words).
static STARTERS: Words = Words::new("starters");

/// Starters that, inside a sentence, open an act's name ("the Every Student Succeeds Act").
static ACT_NAME_STARTERS: Words = Words::new("act_name_starters");

/// First words of a kind of local body named without its place ("City Council").
static GENERIC_BODY_STARTS: Words = Words::new("generic_body_starts");

/// Phrases of non-government bodies' names ("Farm Bureau").
static ORGANIZATION_PHRASES: Words = Words::new("organization_phrases");

/// Whether `words` hold one of [`ORGANIZATION_PHRASES`] (a plural's apostrophe
/// apart: "Lawyers’ Committee" is "Lawyers Committee").
fn organization_phrase(words: &[&str]) -> bool {
    static PHRASES: OnceLock<Vec<Vec<&'static str>>> = OnceLock::new();
    let phrases = PHRASES.get_or_init(|| {
        ORGANIZATION_PHRASES
            .iter()
            .map(|p| p.split(' ').collect())
            .collect()
    });
    fn plain<'w>(w: &&'w str) -> &'w str {
        w.trim_end_matches(['\'', '\u{2019}'])
    }
    // (most names hold no phrase's first word: no list is built for them)
    if !words
        .iter()
        .any(|w| phrases.iter().any(|p| p[0] == plain(w)))
    {
        return false;
    }
    let plain: Vec<&str> = words.iter().map(plain).filter(|w| !w.is_empty()).collect();
    phrases
        .iter()
        .any(|p| plain.windows(p.len()).any(|w| w == p.as_slice()))
}

/// Words of parties and sports bodies: their committees are organizations.
static PARTY_WORDS: Words = Words::new("party_words");

/// Words of a title that cites an act rather than of the act's own name.
static ACT_TITLE_WORDS: Words = Words::new("act_title_words");

/// Words an ordinal counts rather than names ("20th Executive Order").
static ORDINAL_COUNTED: Words = Words::new("ordinal_counted");

/// "Ph.D.", "MBA": a degree's abbreviation (not "Master" of "Master Settlement Agreement").
pub(crate) fn is_degree_abbreviation(w: &str) -> bool {
    DEGREES.contains(&w) && (w.contains('.') || w.len() <= 4)
}

/// "21st Century Cures Act", "4th Infantry Division": an ordinal number right
/// before a capitalized word of the same sentence opens a name.
fn ordinal_opens_name(text: &str, seg: &Segmented, i: usize) -> bool {
    let toks = &seg.tokens;
    if toks[i].kind != TokKind::Number {
        return false;
    }
    let s = seg.tok(text, i);
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0
        && matches!(&s[digits..], "st" | "nd" | "rd" | "th")
        && toks.get(i + 1).is_some_and(|n| {
            let w = seg.tok(text, i + 1);
            n.kind == TokKind::Word
                && n.span.start == toks[i].span.end + 1
                && seg.sentence_of[i + 1] == seg.sentence_of[i]
                && tok_is_cap(w)
                // (not "his 20th Executive Order", "the 45th Administration":
                // a count of things named otherwise)
                && !ORDINAL_COUNTED.contains(&w)
        })
}

fn tok_is_cap(s: &str) -> bool {
    s.chars().next().is_some_and(|c| c.is_uppercase())
}

/// Titles that, right before a capitalized pair of words, make it a person's name.
pub static PERSON_TITLES: Words = Words::new("person_titles");

/// Last words of place and facility names, never of a person's name.
static PLACE_WORDS: Words = Words::new("place_words");

/// First words of places ("San", "Santa", "Los"), never of a person's name.
static PLACE_NAME_STARTS: Words = Words::new("place_name_starts");

/// Whether a word is a person title (capitalized).
pub fn is_title_word(w: &str) -> bool {
    TITLE_WORDS.contains(w)
        || w.len() > 1
            && w.as_bytes()[0].is_ascii_uppercase()
            && w.chars().all(|c| !c.is_lowercase())
            && TITLE_WORDS.contains(capitalize(w).as_str())
}

/// Words that form job titles.
pub static TITLE_WORDS: Words = Words::new("title_words");

/// Words of offices and job titles that are no one's name.
static OFFICE_WORDS: Words = Words::new("office_words");

/// Words that end a job title and can head it.
pub static TITLE_HEADS: Words = Words::new("title_head_words");
/// Words of a nomination or a seat before the body it is in ("Nominee for
/// Member of the X Council"), never a body's name.
static SEAT_WORDS: Words = Words::new("seat_words");

/// Titles of a seat or a post in a non-government body ("Trustee of the X
/// Foundation"), which no name starts with.
static SEAT_TITLES: Words = Words::new("seat_titles");

/// Titles whose holder heads the body.
pub fn is_head_title(title: &str) -> bool {
    let lower = title.to_lowercase();
    let subordinate: &[&str] = &SUBORDINATE_TITLE_WORDS;
    if subordinate
        .iter()
        .any(|s| lower.split_whitespace().any(|w| w == *s))
    {
        return false;
    }
    // a director of one function or place inside the body ("Legal Director",
    // "Louisiana State Director"), not its head (but "Secretary of State")
    let function: &[&str] = &FUNCTION_TITLE_WORDS;
    let words: Vec<&str> = lower.split_whitespace().collect();
    // a company's or an association's chief executive
    if words.contains(&"ceo") || lower.contains("chief executive officer") {
        return true;
    }
    if let Some((_, before)) = words.split_last() {
        if !before.iter().any(|w| matches!(*w, "of" | "for"))
            && before.iter().any(|w| function.contains(w))
        {
            return false;
        }
    }
    let last = lower
        .split([' ', ','])
        .rfind(|w| !w.is_empty())
        .unwrap_or("");
    let first = lower
        .split_whitespace()
        .find(|w| !matches!(*w, "acting" | "the" | "u.s." | "federal"))
        .unwrap_or("");
    HEAD_TITLE_FIRST_WORDS.contains(first) && !STAFF_TITLE_LAST_WORDS.contains(last)
        // (an "attorney" at a firm is one of its lawyers; "Attorney General",
        // "U.S. Attorney" head their offices)
        && lower != "attorney"
        || HEAD_TITLE_LAST_WORDS.contains(last) && lower.split_whitespace().count() <= 3
}

/// A regex compiled once (the patterns are constants, checked by the tests).
pub(crate) fn compiled(cell: &'static OnceLock<Regex>, pattern: &str) -> &'static Regex {
    cell.get_or_init(|| {
        Regex::new(pattern).unwrap_or_else(|e| unreachable!("regex {pattern}: {e}"))
    })
}

fn memo_number_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    compiled(
        &RE,
        r"(?x)
            (?-u:\b)(?P<agency>OMB|DHS|DOJ|ICE|USCIS|CBP|OPM|DoD|DOD|FEMA|TSA|HHS|DOE|DOI|DOL|USDA|EPA|VA|EOIR|ATF|DEA|FBI|IRS|SSA|SBA|GSA|HUD|DOT|NASA|USAID|CMS|FDA|CDC|NIH)?\s*
            (?:
               (?P<pres>(?P<preskind>Presidential\s+Policy\s+Directive|Homeland\s+Security\s+Presidential\s+Directive
                  |National\s+Security\s+Presidential\s+(?:Directive|Memorandum)|National\s+Security\s+Memorandum)
                  [\s/-]*(?:No\.\s*)?(?P<presn>\d{1,3}))
             | (?P<pm>(?P<pmn>PM-\d{3}-\d{4}(?:\.\d{1,2})?))
             | (?P<pa>(?:Policy\s+Alert\s+)?(?P<pan>PA-\d{4}-\d{1,3}))
             | (?P<fp>(?:Policy\s+)?(?P<fpn>FP\s?\d{3}-\d{2,3}-\d{1,2}))
             | (?P<bod>(?P<bodkind>Binding\s+Operational\s+Directive|Emergency\s+Directive|BOD|ED)
                  (?:\s+|-)(?:\((?:BOD|ED)\)\s+)?(?:No\.\s*)?(?P<bodn>\d{2}-\d{2}))
             | (?P<dir>(?P<dirkind>Operating\s+Policies\s+and\s+Procedures\s+Memorandum|Policy\s+Memorandum|Policy\s+Directive
                  |Directive|Instruction|Bulletin|Secretarial\s+Order|Secretary['\x{2019}]s\s+Order|Attorney\s+General\s+Order|Delegation)
                  \s+(?:No\.\s*)?(?P<dirn>\d{2,5}(?:[-.]\d{1,4}[A-Z]?){0,3}))
             |
               (?P<eo>(?:Executive\s+Order|E\.\s?O\.|EO)\s*(?:\((?:EO|E\.O\.)\)\s*)?(?:No\.\s*)?(?P<eon>1\d{4}|[2-9]\d{3}))
             | (?P<mm>(?:(?:Memorandum|Memo)\s+)?(?:No\.\s*)?(?P<mn>M-\d{2}-\d{2}))
             | (?P<circ>Circular\s+(?:No\.\s*)?(?P<cn>A-\d{1,3}))
             | (?P<proc>Proclamation\s+(?:No\.\s*)?(?P<pn>\d{4,5}))
             | (?P<pd>(?P<pdn>PPD|HSPD|NSPM|NSPD|PDD|NSDD|NSM)-(?P<pdnum>\d{1,3}))
             | (?P<gaon>GAO-\d{2}-\d{3,6}(?:[A-Z]{1,2})?)
             | (?P<crs>CRS\s+(?:Report|In\s+Focus|Insight)\s+(?P<crsn>(?:RL|RS|R|IF|IN)\d{4,5}))
            )(?-u:\b)",
    )
}

/// Candidate mentions found by every rule (before overlap resolution).
pub fn find_candidates(text: &str, seg: &Segmented, lex: &Lexicon) -> Vec<Mention> {
    let mut out = Vec::new();
    gazetteer(text, lex, &mut out);
    memo_numbers(text, &mut out);
    chunks(text, seg, lex, &mut out);
    acronym_definitions(text, seg, lex, &mut out);
    people(text, seg, lex, &mut out);
    named_memos(text, seg, lex, &mut out);
    administrations(text, seg, lex, &mut out);
    quoted_policies(text, lex, &mut out);
    quoted_acts(text, lex, &mut out);
    public_laws(text, &mut out);
    department_heads(text, seg, lex, &mut out);
    departments_before_secretary(text, seg, lex, &mut out);
    listed_departments(text, seg, lex, &mut out);
    departments_among_acronyms(text, seg, lex, &mut out);
    out
}

/// The department of `list` whose words start at token `a` (the longest), and
/// the token after them.
fn department_at(
    text: &str,
    seg: &Segmented,
    list: &Words,
    a: usize,
) -> Option<(&'static str, usize)> {
    let n = seg.tokens.len();
    let first = seg.tok(text, a);
    // (most tokens start no entry: a cheap test before the words are compared)
    if !first.starts_with(char::is_uppercase) {
        return None;
    }
    list.iter()
        .filter(|d| {
            d.strip_prefix(first)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
        })
        .filter_map(|d| {
            let b = a + d.split(' ').count();
            (b <= n
                && d.split(' ')
                    .enumerate()
                    .all(|(k, w)| seg.tok(text, a + k) == w))
            .then_some((*d, b))
        })
        .max_by_key(|&(_, b)| b)
}

/// The gazetteer's department named "Department of {words}" (or "of the").
fn department_entry<'l>(lex: &'l Lexicon, words: &str) -> Option<&'l LexEntry> {
    lex.lookup(&format!("Department of {words}"))
        .or_else(|| lex.lookup(&format!("Department of the {words}")))
        .map(|k| &lex.entries[k])
        .filter(|e| e.class == EntityClass::Agency)
}

/// A mention of the gazetteer's department `e`, named by its canonical name.
fn department_mention(span: Span, e: &LexEntry, rule: &'static str, priority: u8) -> Mention {
    let mut m = Mention::new(span, EntityClass::Agency, &e.canonical, rule, priority);
    m.take_entry(e);
    m
}

/// "the Departments of Commerce, Labor, and the Treasury", "the Secretaries of
/// State and Homeland Security": every department of the list is a mention.
fn listed_departments(text: &str, seg: &Segmented, lex: &Lexicon, out: &mut Vec<Mention>) {
    let n = seg.tokens.len();
    for i in 0..n.saturating_sub(3) {
        if !matches!(seg.tok(text, i), "Departments" | "Secretaries")
            || seg.tok(text, i + 1) != "of"
        {
            continue;
        }
        let mut k = i + 2;
        let mut found = Vec::new();
        loop {
            if k < n && seg.tok(text, k) == "the" {
                k += 1;
            }
            let Some((dept, b)) = department_at(text, seg, &LISTED_DEPARTMENTS, k) else {
                break;
            };
            let Some(e) = department_entry(lex, dept) else {
                break;
            };
            found.push((
                Span::new(seg.tokens[k].span.start, seg.tokens[b - 1].span.end),
                e,
            ));
            // ", ", "and", ", and", "or"
            let mut c = b;
            if c < n && seg.tok(text, c) == "," {
                c += 1;
            }
            if c < n && matches!(seg.tok(text, c), "and" | "or") {
                c += 1;
            }
            if c == b {
                break;
            }
            k = c;
        }
        // (a plural names two at least: "the Departments of State" is no list)
        if found.len() < 2 {
            continue;
        }
        for (span, e) in found {
            out.push(department_mention(span, e, "list.departments", 45));
        }
    }
}

/// "USDA, Commerce, DOI, and DOE": a department's one-word short name among
/// agencies' acronyms in a list is that department.
fn departments_among_acronyms(text: &str, seg: &Segmented, lex: &Lexicon, out: &mut Vec<Mention>) {
    let n = seg.tokens.len();
    let is_acr = |k: usize| {
        let w = seg.tok(text, k);
        w.len() >= 2
            && w.chars().all(|c| c.is_ascii_uppercase())
            && lex
                .lookup_acronym(w)
                .is_some_and(|e| lex.entries[e].class == EntityClass::Agency)
    };
    let sep = |k: usize| k < n && matches!(seg.tok(text, k), "," | "and" | "or" | "(" | ")");
    for i in 1..n.saturating_sub(1) {
        let w = seg.tok(text, i);
        if !LISTED_DEPARTMENTS.contains(w) || !sep(i - 1) || !sep(i + 1) {
            continue;
        }
        // two acronyms of agencies among the list's neighbours, none but separators between
        let mut acronyms = 0;
        let mut k = i;
        while k > 0 && i - k < 8 && (sep(k - 1) || is_acr(k - 1)) {
            k -= 1;
            acronyms += usize::from(is_acr(k));
        }
        let mut k = i + 1;
        while k < n && k - i < 8 && (sep(k) || is_acr(k)) {
            acronyms += usize::from(is_acr(k));
            k += 1;
        }
        if acronyms < 2 {
            continue;
        }
        let Some(e) = department_entry(lex, w) else {
            continue;
        };
        out.push(department_mention(
            seg.tokens[i].span,
            e,
            "list.department-among-acronyms",
            45,
        ));
    }
}

/// "the Secretary of Labor", "Assistant Secretary of State": the department a
/// head's title names is a mention of it ("Texas Secretary of State" or "the
/// Secretary of State for Foreign Affairs" names none).
fn department_heads(text: &str, seg: &Segmented, lex: &Lexicon, out: &mut Vec<Mention>) {
    let n = seg.tokens.len();
    for i in 1..n.saturating_sub(2) {
        if !matches!(seg.tok(text, i), "Secretary" | "Secretaries") || seg.tok(text, i + 1) != "of"
        {
            continue;
        }
        let prev = seg.tok(text, i - 1);
        // ("Georgia's Secretary of State", "the state's Secretary of State")
        if prev.starts_with(char::is_uppercase) && !FEDERAL_TITLE_PREFIXES.contains(prev)
            || seg.tokens[i - 1].kind == TokKind::Possessive
        {
            continue;
        }
        let mut a = i + 2;
        if seg.tok(text, a) == "the" {
            a += 1;
        }
        let Some((dept, b)) = department_at(text, seg, &TITLE_DEPARTMENTS, a) else {
            continue;
        };
        // ("Secretary of State for Foreign Affairs", "Secretary of State of Texas")
        if b < n && matches!(seg.tok(text, b), "for" | "of") {
            continue;
        }
        let Some(e) = department_entry(lex, dept) else {
            continue;
        };
        let span = Span::new(seg.tokens[a].span.start, seg.tokens[b - 1].span.end);
        // (named by the canonical name: "Labor" is no label of the department)
        out.push(department_mention(span, e, "title.department", 40));
    }
}

/// "Labor Secretary Marty Walsh", "Transportation Secretary Pete Buttigieg":
/// the department a head's short title names before "Secretary" and a name is
/// a mention of it. Not "State Secretary" (a foreign ministry's post), not a
/// deputy's title ("Deputy Labor Secretary"), nor a state's ("Texas Labor
/// Secretary", "the state's Labor Secretary").
fn departments_before_secretary(
    text: &str,
    seg: &Segmented,
    lex: &Lexicon,
    out: &mut Vec<Mention>,
) {
    let n = seg.tokens.len();
    for a in 0..n.saturating_sub(2) {
        let Some((dept, b)) = department_at(text, seg, &TITLE_DEPARTMENTS, a) else {
            continue;
        };
        if dept == "State"
            || b + 1 >= n
            || seg.tok(text, b) != "Secretary"
            || !seg.tok(text, b + 1).starts_with(char::is_uppercase)
        {
            continue;
        }
        if a > 0 {
            let prev = seg.tok(text, a - 1);
            if prev.starts_with(char::is_uppercase)
                && !matches!(
                    prev,
                    "The" | "Then" | "Former" | "Acting" | "U.S." | "US" | "And"
                )
                || seg.tokens[a - 1].kind == TokKind::Possessive
            {
                continue;
            }
        }
        let Some(e) = department_entry(lex, dept) else {
            continue;
        };
        let span = Span::new(seg.tokens[a].span.start, seg.tokens[b - 1].span.end);
        out.push(department_mention(
            span,
            e,
            "title.department-before-secretary",
            40,
        ));
    }
}

/// "Public Law 117-78", "Pub. L. No. 116-136", "P.L. 89-136": a law by its
/// number, one entity however it is written ("Public Law 117-78").
fn public_laws(text: &str, out: &mut Vec<Mention>) {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = compiled(
        &RE,
        r"(?-u:\b)(?:(?P<kind>Public|Private)\s+Laws?(?:\s+No\.)?|Pub\.\s?L\.(?:\s?No\.)?|P\.\s?L\.)\s*(?P<congress>[1-9][0-9]{0,2})\s?[-\x{2013}\x{2011}]\s?(?P<number>[1-9][0-9]{0,3})(?-u:\b)",
    );
    for c in re.captures_iter(text) {
        let (Some(all), Some(congress), Some(number)) =
            (c.get(0), c.name("congress"), c.name("number"))
        else {
            continue;
        };
        // (a section's number goes on: "Public Law 117-78-1" is no law's)
        if text[all.end()..].starts_with(['-', '\u{2013}']) {
            continue;
        }
        let kind = c.name("kind").map_or("Public", |k| k.as_str());
        let name = format!("{kind} Law {}-{}", congress.as_str(), number.as_str());
        out.push(Mention::new(
            Span::new(all.start(), all.end()),
            EntityClass::Policy,
            name,
            "pattern.public-law",
            96,
        ));
    }
}

/// "the “zero tolerance” policy", "the \"Remain in Mexico\" program": a quoted
/// name before a policy head.
fn quoted_policies(text: &str, lex: &Lexicon, out: &mut Vec<Mention>) {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = compiled(
        &RE,
        r#"[\x{201c}"](?P<name>[A-Za-z][A-Za-z'\x{2019} -]{1,60}?)[\x{201d}"]\s+(?P<head>policy|program|initiative|rule|doctrine|strategy|protocols)(?-u:\b)"#,
    );
    for c in re.captures_iter(text) {
        let (Some(all), Some(name), Some(head)) = (c.get(0), c.name("name"), c.name("head")) else {
            continue;
        };
        let words = name.as_str().split_whitespace().count();
        if !(1..=6).contains(&words) {
            continue;
        }
        let label = format!("{} {}", name.as_str().trim(), head.as_str());
        let span = Span::new(name.start(), all.end());
        let mut m = Mention::new(
            span,
            EntityClass::Policy,
            label.clone(),
            "pattern.quoted-policy",
            70,
        );
        if let Some(e) = known_policy(lex, &label) {
            m.take_entry(e);
        }
        out.push(m);
    }
}

/// The gazetteer's policy of that name, if the gazetteer knows one.
fn known_policy<'a>(lex: &'a Lexicon, name: &str) -> Option<&'a LexEntry> {
    lex.lookup(name)
        .map(|i| &lex.entries[i])
        .filter(|e| e.class == EntityClass::Policy)
}

/// "H.R. 7218, the “BOLD Infrastructure for Alzheimer’s Reauthorization Act of
/// 2024,” which …", "the “Strengthening VA Cybersecurity Act of 2022 or the SVAC
/// Act of 2022”": a bill's short title in quotes after "the" is the act's whole
/// name, whatever words it holds (a possessive, a lower-case word, "Sgt.", a
/// comma); each name joined by "or the" is one. Not a title that cites an act
/// ("… Under Section 202(a) of the Clean Air Act").
fn quoted_acts(text: &str, lex: &Lexicon, out: &mut Vec<Mention>) {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = compiled(
        &RE,
        r#"(?-u:\b)the\s+[\x{201c}"](?P<name>[A-Z0-9](?:[^\x{201c}\x{201d}"\n]|\n[^\x{201c}\x{201d}"\n]){2,300}?)[,.]?[\x{201d}"]"#,
    );
    static PART: OnceLock<Regex> = OnceLock::new();
    let part = compiled(&PART, r"\s+or\s+the\s+");
    static ACT_END: OnceLock<Regex> = OnceLock::new();
    let act_end = compiled(
        &ACT_END,
        r"\sAct(?:\s+of\s+[12][0-9]{3}|,\s+[12][0-9]{3})?$",
    );
    for c in re.captures_iter(text) {
        let Some(name) = c.name("name") else {
            continue;
        };
        let mut from = name.start();
        let mut pieces = Vec::new();
        for sep in part.find_iter(name.as_str()) {
            pieces.push((from, name.start() + sep.start()));
            from = name.start() + sep.end();
        }
        pieces.push((from, name.end()));
        for (a, b) in pieces {
            let raw = &text[a..b];
            let words: Vec<&str> = raw.split_whitespace().collect();
            let cited = words
                .iter()
                .enumerate()
                .any(|(j, w)| ACT_TITLE_WORDS.contains(w) && !(*w == "the" && j > 0));
            if words.len() < 2
                || words.len() > 30
                || cited
                || !raw.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
                || !act_end.is_match(raw)
                || raw.contains([':', '!', '?'])
            {
                continue;
            }
            let label = words.join(" ");
            let mut m = Mention::new(
                Span::new(a, b),
                EntityClass::Policy,
                label.clone(),
                "pattern.quoted-act",
                90,
            );
            if let Some(e) = known_policy(lex, &label) {
                m.take_entry(e);
            }
            out.push(m);
        }
    }
}

fn gazetteer(text: &str, lex: &Lexicon, out: &mut Vec<Mention>) {
    let mut hits = Vec::new();
    for h in lex.find(text) {
        // "White House Office of Management and Budget": the longest name at the
        // start ("White House Office") can hide a longer one from its head word on
        // ("Office of Management and Budget"); then the two known names are meant
        let head_at = text[h.start..h.end].rfind(' ').map(|k| h.start + k + 1);
        let longer = head_at
            .filter(|&k| !h.acronym && AGENCY_HEADS.contains(&&text[k..h.end]))
            .filter(|_| text[h.end..].starts_with(" of "))
            .and_then(|k| {
                let window = &text[k..floor_boundary(text, k + 160)];
                lex.find(window)
                    .into_iter()
                    .find(|g| g.start == 0 && !g.acronym && k + g.end > h.end)
                    .map(|g| (k, g))
            });
        match longer {
            Some((k, mut g)) => {
                let prefix = text[h.start..k].trim_end();
                if let Some(e) = lex.lookup(prefix) {
                    hits.push(super::lexicon::LexHit {
                        start: h.start,
                        end: h.start + prefix.len(),
                        entry: e,
                        acronym: false,
                    });
                }
                g.start += k;
                g.end += k;
                hits.push(g);
            }
            None => hits.push(h),
        }
    }
    for h in hits {
        let e = &lex.entries[h.entry];
        // "the Homeland Security committee": a congressional committee named after
        // the agency's field, not the agency
        // (any case: "the House Homeland Security Committee"), or a committee's
        // or council's subject ("Committee on Homeland Security", "Council on …")
        let rest = &text[h.end..];
        let panel = ["committee", "committees", "subcommittee", "panel", "caucus"]
            .iter()
            .any(|w| {
                rest.strip_prefix(' ')
                    .and_then(|r| r.get(..w.len()).filter(|p| p.eq_ignore_ascii_case(w)))
                    .is_some_and(|_| !rest[1 + w.len()..].starts_with(char::is_alphanumeric))
            });
        let subject = text[..h.start]
            .strip_suffix(' ')
            .and_then(|b| b.strip_suffix("on").or_else(|| b.strip_suffix("for")))
            .and_then(|b| b.strip_suffix(' '))
            .and_then(|b| b.rsplit([' ', '\n']).next())
            .is_some_and(|w| {
                matches!(
                    w,
                    "Committee" | "Subcommittee" | "Council" | "Commission" | "Caucus" | "Panel"
                )
            });
        if (panel || subject) && !h.acronym && text[h.start..h.end] != e.canonical {
            continue;
        }
        // "Homeland Security Advisor NAME": a White House adviser's field, written
        // as a department's short name without its head word, is no body
        let adviser = rest.strip_prefix(' ').is_some_and(|r| {
            FIELD_ADVISER_TITLES
                .iter()
                .any(|w| r.starts_with(w) && !r[w.len()..].starts_with(char::is_alphanumeric))
        });
        if adviser
            && !h.acronym
            && text[h.start..h.end] != e.canonical
            && !text[h.start..h.end]
                .split_whitespace()
                .any(|w| AGENCY_HEADS.contains(w))
        {
            continue;
        }
        // "the Ohio Department of Education", "the Maryland State Department of
        // Education": a state's own department, not the federal one of that name
        // (and its courts, chambers and guard: "the Michigan Supreme Court", "the
        // Florida Senate", "the Ohio House of Representatives", `state_shared_names`)
        // (nor a governor's or a mayor's office: "the Mayor’s Office of Housing")
        if e.class == EntityClass::Agency
            && !h.acronym
            && ((text[h.start..].starts_with("Department of")
                || STATE_SHARED_NAMES.contains(e.canonical.as_str()))
                && state_before(&text[..h.start])
                || possessive_before(&text[..h.start])
                    .is_some_and(|w| LOCAL_OFFICE_HOLDERS.contains(w)))
        {
            continue;
        }
        // "Centers for Medicare & Medicaid Services", "National WIC Association": a
        // program without a head word of its own, inside a longer capitalised name
        // (an acronym only after a capitalised word: a glossary line puts the name after it)
        if e.class == EntityClass::Policy
            && text[h.start..].starts_with(char::is_uppercase)
            && inside_capitalised_run(text, h.start, h.end, !h.acronym)
        {
            let surface = &text[h.start..h.end];
            let last = surface.rsplit(' ').next().unwrap_or(surface);
            if !POLICY_HEADS.contains(&last) {
                continue;
            }
        }
        // "Mastercard Foundation", "Cisco Networking Academy", "U.S. Apple
        // Association": a company's name at the front of a longer body's name
        if e.class == EntityClass::Organization && !h.acronym && body_head_follows(text, h.end) {
            continue;
        }
        let surface = text[h.start..h.end].replace('\n', " ");
        let mut m = Mention::new(
            Span::new(h.start, h.end),
            e.class,
            surface,
            if h.acronym {
                "gazetteer.acronym"
            } else {
                "gazetteer.name"
            },
            if h.acronym { 60 } else { 80 },
        );
        m.take_entry(e);
        out.push(m);
    }
}

/// Names of federal bodies that every state has one of ("Supreme Court",
/// "U.S. Senate"): after a state's name, the state's own.
static STATE_SHARED_NAMES: Words = Words::new("state_shared_names");

/// Whether the capitalised words right after `end` on its line (at most four)
/// hold a body's head word: the name before them is the front of a longer
/// body's name ("Mastercard Foundation", "Cisco Networking Academy").
fn body_head_follows(text: &str, end: usize) -> bool {
    let line = text[end..].split('\n').next().unwrap_or("");
    let Some(rest) = line.strip_prefix(' ') else {
        return false;
    };
    static COMPANY_SUFFIXES: Words = Words::new("company_suffixes");
    let mut words = rest
        .split(' ')
        .take(4)
        .map(|w| w.trim_end_matches([',', ';', ':', ')']))
        .take_while(|w| w.starts_with(char::is_uppercase))
        .peekable();
    // ("Northrop Grumman Corporation": the same company's legal name)
    if words.peek().is_some_and(|w| COMPANY_SUFFIXES.contains(w)) {
        return false;
    }
    words.map(|w| w.trim_end_matches('.')).any(|w| {
        ORG_HEADS.contains(w)
            || BODY_HEADS.contains(w)
            || AGENCY_HEADS.contains(w)
            || POLICY_HEADS.contains(w)
    })
}

/// The word whose possessive ends the text ("the Mayor’s " → "Mayor").
fn possessive_before(before: &str) -> Option<&str> {
    let rest = before
        .strip_suffix("’s ")
        .or_else(|| before.strip_suffix("'s "))?;
    let word = rest.rsplit([' ', '\n']).next()?;
    (!word.is_empty()).then_some(word)
}

/// Whether the text ends with a state's name and a space ("Ohio ", "New York
/// State "), on the same line, or a city's or a county's ("New York City ").
fn state_before(before: &str) -> bool {
    let Some(rest) = before.strip_suffix(' ') else {
        return false;
    };
    // (a city's or a county's too: "the New York City Department of Education")
    if [" City", " County", " Parish", " Borough"].iter().any(|w| {
        rest.strip_suffix(w).is_some_and(|place| {
            let last = place.rsplit([' ', '\n']).next().unwrap_or("");
            last.starts_with(char::is_uppercase) && !matches!(last, "The" | "This" | "That")
        })
    }) {
        return true;
    }
    let rest = rest.strip_suffix(" State").unwrap_or(rest);
    // (a state's name is one to three words: "Ohio", "New York", "District of Columbia")
    let words: Vec<&str> = rest.rsplit([' ', '\n']).take(3).collect();
    (1..=words.len()).any(|n| {
        let name = words[..n]
            .iter()
            .rev()
            .copied()
            .collect::<Vec<_>>()
            .join(" ");
        super::relations::is_us_state(&name)
    })
}

/// Whether `start..end` sits inside a run of capitalised words on its line: a
/// capitalised word right after it (when `after_too`), or right before it (not
/// a sentence starter such as "This"; or "for" or "of" after a capitalised
/// word); not across "and" ("Medicare and Medicaid" are two).
fn inside_capitalised_run(text: &str, start: usize, end: usize, after_too: bool) -> bool {
    let cap = |w: &str| w.starts_with(|c: char| c.is_uppercase());
    let after = text[end..]
        .strip_prefix(' ')
        .and_then(|r| r.split([' ', '\n', ',', '.', ';', ':', ')']).next());
    if after_too && after.is_some_and(cap) {
        return true;
    }
    let mut words = text[..start]
        .strip_suffix(' ')
        .unwrap_or("")
        .rsplit(' ')
        .take_while(|w| !w.contains('\n') && !w.is_empty());
    match words.next() {
        // (a list's comma or a sentence's end parts two names: "Social Security,
        // Medicare, and Medicaid")
        Some(w) if w.ends_with([',', ';', ':', ')', '.']) => false,
        Some(w) if cap(w) => !STARTERS.contains(&w),
        Some("for" | "of") => words.next().is_some_and(cap),
        _ => false,
    }
}

fn dated_memo_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    compiled(
        &RE,
        r"(?-u:\b)(?:Executive Order|Presidential Memorandum|Memorandum|Proclamation|Directive)\s+of\s+(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)\s+[0-3]?\d,\s+(?:19|20)\d\d(?-u:\b)",
    )
}

fn dated_word_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    compiled(
        &RE,
        r"(?-u:\b)(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+(?:[0-3]?\d,\s+)?(?:19|20)\d\d,?\s+(?:[Mm]emorandum|[Mm]emo|[Dd]irective|[Gg]uidance|letter)(?-u:\b)",
    )
}

/// "a memorandum dated April 6, 2018", "the memo of June 1, 2021", "a
/// memorandum on January 25, 2019": lower-case memo words with a full date after.
fn word_dated_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    compiled(
        &RE,
        r"(?-u:\b)(?P<noun>memorandum|memo|directive|guidance|letter)\s+(?:dated|of|issued\s+on|signed\s+on|on)\s+(?P<date>(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+[0-3]?\d,\s+(?:19|20)\d\d)(?-u:\b)",
    )
}

/// "your February 5, 2007 and February 23, 2007 letters": two dated memos
/// written as one plural.
fn dated_pair_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    compiled(
        &RE,
        r"(?-u:\b)(?P<d1>(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+[0-3]?\d,\s+(?:19|20)\d\d),?\s+and\s+(?P<d2>(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+[0-3]?\d,\s+(?:19|20)\d\d),?\s+(?P<noun>letters|memoranda|memos|memorandums)(?-u:\b)",
    )
}

fn plural_orders_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    compiled(
        &RE,
        r"(?-u:\b)Executive Orders\s+(?:Nos?\.\s*)?\d{4,5}(?:,?\s+(?:and\s+|or\s+)?\d{4,5})+",
    )
}

fn number_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    compiled(&RE, r"(?-u:\b)\d{4,5}(?-u:\b)")
}

fn memo_numbers(text: &str, out: &mut Vec<Mention>) {
    for list in plural_orders_regex().find_iter(text) {
        for n in number_regex().find_iter(list.as_str()) {
            let span = Span::new(list.start() + n.start(), list.start() + n.end());
            out.push(Mention::new(
                span,
                EntityClass::Memo,
                format!("Executive Order {}", n.as_str()),
                "memo.number-list",
                90,
            ));
        }
    }
    for m in dated_word_regex().find_iter(text) {
        let words: Vec<&str> = m.as_str().split_whitespace().collect();
        // a letter stays a letter ("the February 27, 2007 letter")
        let noun = if words.last() == Some(&"letter") {
            "letter"
        } else {
            "memorandum"
        };
        let name = format!(
            "{} {noun}",
            words[..words.len() - 1].join(" ").trim_end_matches(',')
        );
        let mut mention = Mention::new(
            Span::new(m.start(), m.end()),
            EntityClass::Memo,
            name,
            "memo.dated-word",
            87,
        );
        mention
            .extra
            .push(m.as_str().split_whitespace().collect::<Vec<_>>().join(" "));
        out.push(mention);
    }
    for c in dated_pair_regex().captures_iter(text) {
        let (Some(d1), Some(d2), Some(noun)) = (c.name("d1"), c.name("d2"), c.name("noun")) else {
            continue;
        };
        let noun_name = if noun.as_str() == "letters" {
            "letter"
        } else {
            "memorandum"
        };
        for (span, date) in [
            (Span::new(d1.start(), d1.end()), d1.as_str()),
            (Span::new(d2.start(), noun.end()), d2.as_str()),
        ] {
            let date = date.split_whitespace().collect::<Vec<_>>().join(" ");
            let name = format!("{date} {noun_name}");
            let mut mention =
                Mention::new(span, EntityClass::Memo, name.clone(), "memo.dated-pair", 88);
            mention.extra.push(name);
            out.push(mention);
        }
    }
    for c in word_dated_regex().captures_iter(text) {
        let (Some(all), Some(date)) = (c.get(0), c.name("date")) else {
            continue;
        };
        // named like "the June 1, 2021 memorandum", so that both forms are one memo
        let date = date
            .as_str()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let noun = if c.name("noun").is_some_and(|n| n.as_str() == "letter") {
            "letter"
        } else {
            "memorandum"
        };
        let mut mention = Mention::new(
            Span::new(all.start(), all.end()),
            EntityClass::Memo,
            format!("{date} {noun}"),
            "memo.word-dated",
            87,
        );
        mention.extra.push(format!("{date} {noun}"));
        out.push(mention);
    }
    for m in dated_memo_regex().find_iter(text) {
        let name = m.as_str().split_whitespace().collect::<Vec<_>>().join(" ");
        out.push(Mention::new(
            Span::new(m.start(), m.end()),
            EntityClass::Memo,
            name,
            "memo.dated",
            88,
        ));
    }
    for c in memo_number_regex().captures_iter(text) {
        let Some(all) = c.get(0) else { continue };
        let label = if let Some(n) = c.name("eon") {
            format!("Executive Order {}", n.as_str())
        } else if let Some(n) = c.name("mn") {
            n.as_str().to_string()
        } else if let Some(n) = c.name("cn") {
            format!("Circular {}", n.as_str())
        } else if let Some(n) = c.name("pn") {
            format!("Proclamation {}", n.as_str())
        } else if let (Some(a), Some(b)) = (c.name("pdn"), c.name("pdnum")) {
            format!("{}-{}", a.as_str(), b.as_str())
        } else if let (Some(kind), Some(n)) = (c.name("preskind"), c.name("presn")) {
            // "Presidential Policy Directive 21" is PPD-21
            let initials: String = kind
                .as_str()
                .split_whitespace()
                .filter_map(|w| w.chars().next())
                .collect();
            format!("{initials}-{}", n.as_str())
        } else if let Some(n) = c.name("gaon") {
            // a GAO product number ("GAO-24-107625"): GAO's
            n.as_str().to_string()
        } else if let Some(n) = c.name("crs") {
            // "CRS Report R40000", "CRS In Focus IF10000": the Congressional Research Service's
            n.as_str().split_whitespace().collect::<Vec<_>>().join(" ")
        } else if let Some(n) = c.name("pmn").or_else(|| c.name("pan")) {
            n.as_str().to_string()
        } else if let Some(n) = c.name("fpn") {
            // "FEMA Policy FP 104-009-2"
            format!("FP {}", n.as_str().trim_start_matches("FP").trim())
        } else if let (Some(kind), Some(n)) = (c.name("bodkind"), c.name("bodn")) {
            // CISA's directives: "BOD 22-01" is "Binding Operational Directive 22-01"
            let kind = match kind.as_str() {
                "BOD" => "Binding Operational Directive".to_string(),
                "ED" => "Emergency Directive".to_string(),
                k => k.split_whitespace().collect::<Vec<_>>().join(" "),
            };
            format!("{kind} {}", n.as_str())
        } else if let (Some(kind), Some(n)) = (c.name("dirkind"), c.name("dirn")) {
            // part of a longer name ("Intelligence Community Directive 501"), a
            // heading ("... and Adjust Instruction 22") or an EU reference ("Directive 2014/65/EU")
            let before = text[..kind.start()].trim_end_matches([' ', '\t']);
            let prev = before.rsplit(char::is_whitespace).next().unwrap_or("");
            let after = &text[all.end()..];
            if c.name("agency").is_none() && prev.starts_with(char::is_uppercase)
                || after.starts_with('/')
            {
                continue;
            }
            let kind = kind
                .as_str()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            format!("{kind} {}", n.as_str())
        } else {
            continue;
        };
        let start = c.name("agency").map_or_else(
            || all.start() + (all.len() - all.as_str().trim_start().len()),
            |a| a.start(),
        );
        let span = Span::new(start, all.end());
        let mut m = Mention::new(span, EntityClass::Memo, label.clone(), "memo.number", 90);
        // ("Executive Order (EO) 14028": the name without its acronym's parentheses)
        let raw = &text[span.start..span.end];
        let surface = if raw.contains('(') {
            raw.split_whitespace().collect::<Vec<_>>().join(" ")
        } else {
            raw.to_string()
        };
        let surface = surface
            .replace(" (EO)", "")
            .replace(" (E.O.)", "")
            .replace(" (BOD)", "")
            .replace(" (ED)", "");
        if surface != label {
            m.extra.push(surface);
        }
        if let Some(a) = c.name("agency") {
            m.hint = Some(a.as_str().to_string());
        } else if c.name("gaon").is_some() {
            m.hint = Some("GAO".into());
        } else if c.name("crs").is_some() {
            m.hint = Some("CRS".into());
        }
        out.push(m);
    }
}

/// Classifies a capitalized name by its head word.
pub fn classify(words: &[&str]) -> Option<EntityClass> {
    let n = words.len();
    if n < 2 {
        return None;
    }
    let prep = words
        .iter()
        .position(|w| matches!(*w, "of" | "for" | "on" | "to" | "in"));
    let head_idx = match prep {
        Some(0) | None => n - 1,
        Some(p) => p - 1,
    };
    let head = words[head_idx].trim_end_matches('.');
    let last = words[n - 1];
    let has_gov = words.iter().any(|w| GOV_MODIFIERS.contains(w));
    // "Department of Justice Award for …": an award named after a body, unless a
    // body's head follows ("Award Review Board")
    if let Some(aw) = words.iter().position(|w| AWARD_WORDS.contains(w)) {
        let body_after = words[aw + 1..]
            .iter()
            .take_while(|w| !matches!(**w, "of" | "for" | "on" | "to" | "in"))
            .any(|w| is_body_head(w));
        if !body_after {
            return None;
        }
    }
    // "Internal Revenue Code", "Uniform Code of Military Justice": a code of
    // law; not the compilation ("United States Code") nor a field label ("Agency Code")
    if head == "Code"
        && (n < 3 && head_idx + 1 == n
            || matches!(
                words,
                ["United", "States", "Code"] | ["U.S.", "Code"] | [.., "States", "Code"]
            ))
    {
        return None;
    }
    // "Victims of Crime Act", "Department of Energy Organization Act of 1977": a
    // name that ends with "Act" (and its year) is a law's, whatever its first words
    // (not a title that cites one: "Implementation of the CHIPS Act", "Presidential
    // Determination Pursuant to Section 303 of …", "Designation of Officials … to Act")
    let act = words.iter().rposition(|w| *w == "Act").is_some_and(|k| {
        k > 0
            && words[k - 1] != "to"
            && !words[..k].iter().enumerate().any(|(j, w)| {
                *w == "Act"
                    // ("Office of the Chief Technology Officer Establishment Act":
                    // a body's "of the" is the act's own)
                    || ACT_TITLE_WORDS.contains(w)
                        && !(*w == "the"
                            && j >= 2
                            && words[j - 1] == "of"
                            && is_body_head(words[j - 2]))
            })
            && words[k + 1..]
                .iter()
                .all(|w| *w == "of" || *w == "," || w.bytes().all(|b| b.is_ascii_digit()))
    });
    if act {
        return Some(EntityClass::Policy);
    }
    // "Oklahoma House of Representatives", "Virginia House of Delegates": a
    // legislature's chamber
    if n > 3 && matches!(words, [.., "House", "of", "Representatives" | "Delegates"]) {
        let state = words[..n - 3]
            .strip_suffix(&["State"])
            .unwrap_or(&words[..n - 3]);
        if super::relations::is_us_state(&state.join(" ")) {
            return Some(EntityClass::Agency);
        }
    }
    // "Homelessness Programs", "DOD Small Business Programs", "Government
    // Policies": a plural head names a kind of policy, no one policy (an
    // appropriations account's "… and Related Programs" is one; the lexicon's
    // names are found by name)
    if head_idx == n - 1
        && GENERIC_PLURAL_POLICY_HEADS.contains(&head)
        && !words.contains(&"Related")
    {
        return None;
    }
    // "Act of 2002", "Order of January 25": a policy/memo head before "of" + number
    // "Clean Air Act Amendments of 1990": a law amending an act
    let act_amendments = head == "Amendments" && head_idx > 0 && words[head_idx - 1] == "Act";
    if (POLICY_HEADS.contains(&head) || act_amendments) && head_idx > 0 {
        return Some(EntityClass::Policy);
    }

    if MEMO_HEADS.contains(&head) {
        // "Executive Order", "Secretarial Order"; not "Fraternal Order of Police"
        let qualified =
            head != "Order" || head_idx > 0 && ORDER_QUALIFIERS.contains(words[head_idx - 1]);
        return qualified.then_some(EntityClass::Memo);
    }
    // "Unemployment Trust Fund", "State Revolving Fund", "Disaster Relief Fund": a
    // government account or grant program, no organization (but "Legal Defense Fund" is one)
    if (head == "Fund" || last == "Fund" && prep.is_none())
        && words.iter().any(|w| FUND_ACCOUNT_WORDS.contains(w))
        && !words.iter().any(|w| FUND_ORGANIZATION_WORDS.contains(w))
    {
        return None;
    }
    // "Jane Roe Post Office": a post office building a statute names after someone
    if matches!(
        words,
        [.., "Post", "Office"] | [.., "Post", "Office", "Building"]
    ) && !matches!(words[0], "United" | "U.S.")
    {
        return None;
    }
    // "Court for the Fort Wayne Division", "Second Division", "Western Division": a
    // judicial district's division (a place) or a unit with no owner in its name
    if head == "Division"
        && (words.starts_with(&["Court", "for"])
            || head_idx > 0
                && words[..head_idx]
                    .iter()
                    .all(|w| GENERIC_UNIT_WORDS.contains(w)))
    {
        return None;
    }
    // "Court for the Central District shall be held at …", "Court for the Beaumont
    // Division": a statute's district or division of a court named elsewhere, no
    // court's name of its own
    if n == 5
        && words.starts_with(&["Court", "for", "the"])
        && matches!(last, "District" | "Division")
    {
        return None;
    }
    // "Federal Websites and Web Services", "Emergency Medical Services": kinds of
    // service; agencies named so ("Citizenship and Immigration Services") are known
    if head == "Services" {
        return None;
    }
    // "the Commissioner and Board", "the Secretary and Board": officers and a board
    // named by their posts, no body's name
    if head_idx > 0
        && words[..head_idx]
            .iter()
            .all(|w| TITLE_HEADS.contains(w) || matches!(*w, "and" | "&"))
    {
        return None;
    }
    // "Democratic National Committee", "Brookhaven Town Republican Committee",
    // "U.S. Olympic Committee": a party's or a sport's body (not the "Democratic
    // Republic of the Congo")
    let party = words
        .iter()
        .enumerate()
        .any(|(j, w)| PARTY_WORDS.contains(w) && words.get(j + 1).is_none_or(|n| *n != "Republic"));
    if party && (AGENCY_HEADS.contains(&head) || BODY_HEADS.contains(&head)) {
        return Some(EntityClass::Organization);
    }
    // "Illinois Farm Bureau", "Lawyers’ Committee for Civil Rights": names of
    // non-government bodies that a government head word ends
    if (AGENCY_HEADS.contains(&head) || BODY_HEADS.contains(&head)) && organization_phrase(words) {
        return Some(EntityClass::Organization);
    }
    // "SBA Regional Offices", "Federal Pilot Community Vaccination Centers": a set
    // of units, no one body (the lexicon's names are found by name)
    if matches!(head, "Offices" | "Centers")
        && prep.is_none()
        && !(head_idx > 0 && words[head_idx - 1] == "Law")
    {
        return None;
    }
    // "Authority of Director", "Service of Summons", "Administration of Fund": a
    // statute's heading or a clause that names a power, a duty or a task by the
    // bare noun; a body so named has a modifier before its head ("Tennessee Valley
    // Authority") or, for an administration, a subject after "for"/"on" without an
    // article ("Administration for Children and Families", "Administration on Aging")
    if n >= 3 && head_idx == 0 && BARE_TASK_HEADS.contains(&head) {
        let task = match head {
            "Administration" => {
                matches!(words[1], "of" | "to" | "in") || matches!(words[2], "the" | "a" | "an")
            }
            _ => true,
        };
        if task {
            return None;
        }
    }
    // "U.S. Naval War College", "Army War College", "Naval Postgraduate School",
    // "Federal Correctional Institution": a school, a hospital or a prison of the
    // armed services or of the federal government
    if SERVICE_SCHOOL_HEADS.contains(&head)
        && words[..head_idx]
            .iter()
            .any(|w| SERVICE_SCHOOL_WORDS.contains(w))
    {
        return Some(EntityClass::Agency);
    }
    let owned = org_owned(words, prep);
    if AGENCY_HEADS.contains(&head) {
        // "Department of Economics", "Fischell Department of Bioengineering": a
        // university's department
        // ("Department of Political Science", "Department of Urban Studies and
        // Planning", "Department of Pharmacology of … University": a field's last
        // word; not "Department of Science and Technology")
        let academic = head == "Department"
            && prep.is_some_and(|p| {
                let field: Vec<&str> = words[p + 1..]
                    .iter()
                    .copied()
                    .take_while(|w| !matches!(*w, "of" | "at" | "in" | "for"))
                    .collect();
                // (not "Department of Energy Science …", "Department of Defense
                // Science Board": a department's name and one of its bodies)
                let department = field.first().is_some_and(|f| {
                    LISTED_DEPARTMENTS
                        .iter()
                        .any(|d| d.split(' ').next() == Some(*f))
                });
                !field.is_empty()
                    && !department
                    && !field.iter().any(|w| is_body_head(w))
                    && (field
                        .iter()
                        .all(|w| ACADEMIC_FIELDS.contains(w) || matches!(*w, "and" | "&"))
                        || field[1..].iter().any(|w| ACADEMIC_FIELD_ENDS.contains(w))
                        // ("Department of Biochemistry and Molecular Biology": two
                        // fields joined, each a science's name at its end)
                        || field.len() >= 3
                            && ACADEMIC_FIELDS.contains(field[0])
                            && field.last().is_some_and(|w| ACADEMIC_FIELDS.contains(w))
                        // ("Department of Entomology": a science's name; not "… Technology")
                        || field.len() == 1
                            && field[0].ends_with("ology")
                            && field[0] != "Technology")
            });
        // "Harvard University Government Department", "American Constitution Society
        // Task Force": a non-government body's unit (not "National Science Foundation
        // Office of ...": a government word makes it the government's)
        // (or of one after "of": "Ethics Committee of the Ardent County Bar
        // Association"; and a law firm's "Law Offices")
        let org_unit = !has_gov
            && (words[..head_idx]
                .iter()
                .any(|w| ORGANIZATION_WORDS.contains(w))
                || prep.is_some_and(|p| {
                    words[p + 1..]
                        .iter()
                        .any(|w| ORGANIZATION_WORDS.contains(w))
                })
                || matches!(head, "Office" | "Offices")
                    && head_idx > 0
                    && words[head_idx - 1] == "Law");
        if academic || org_unit || owned || org_named_first(words, head_idx) {
            return Some(EntityClass::Organization);
        }
        return Some(EntityClass::Agency);
    }
    if BODY_HEADS.contains(&head) {
        // "National Tide Institute", "National Academy of Sciences": a
        // "National" institute or academy no list knows is not the government's
        // "Utah State Board of Education", "Missouri Board of Law Examiners": a state's board
        let state_board = head == "Board"
            && (super::relations::is_us_state(words[0]) || words[..head_idx].contains(&"State"));
        // "Wake County Board of Commissioners", "Denver City Council": a local government's
        let local = matches!(head, "Board" | "Council")
            && words[..head_idx]
                .iter()
                .any(|w| LOCAL_GOVERNMENT_WORDS.contains(w))
            && !words.iter().any(|w| ORGANIZATION_WORDS.contains(w));
        let state_board = state_board || local;
        // "Truman Center for National Policy", "Institute for Congressional
        // Studies": a government word in the subject after "for" or "on" is no
        // owner (but "Panel for the United States District Court …" names one)
        let has_gov = match prep {
            Some(p)
                if p > 0
                    && matches!(words[p], "for" | "on")
                    && !words[p + 1..]
                        .iter()
                        .any(|w| matches!(*w, "of" | "at") || AGENCY_HEADS.contains(w)) =>
            {
                words[..p].iter().any(|w| GOV_MODIFIERS.contains(w))
            }
            _ => has_gov,
        };
        if owned || org_named_first(words, head_idx) {
            return Some(EntityClass::Organization);
        }
        let has_gov = (has_gov || state_board)
            && !(matches!(head, "Institute" | "Institutes" | "Academy")
                && words
                    .iter()
                    .filter(|w| GOV_MODIFIERS.contains(w))
                    .all(|w| *w == "National"));
        return Some(if has_gov {
            EntityClass::Agency
        } else {
            EntityClass::Organization
        });
    }
    if ORG_HEADS.contains(&head) || ORG_HEADS.contains(&last) && prep.is_none() {
        // "DOTGOV Online Trust in Government Act of 2020": an act named after an organization word
        if matches!(words, [.., "Act"] | [.., "Act", "of", _]) {
            return Some(EntityClass::Policy);
        }
        // "U.S.-Japan Alliance", "U.S.-India Major Defense Partnership", "United
        // States-Mongolia Strategic Partnership": two countries' bond, no body (not
        // "U.S.-India Strategic Partnership Forum", nor one "for" or "to" a purpose)
        // (the hyphen may stand alone after "U.S.": "U.S." "-Japan")
        if prep.is_none() && BILATERAL_HEADS.contains(&last) && {
            let pair = if words[0] == "United" {
                words[1]
            } else {
                words[0]
            };
            let joined = pair
                .split(['-', '–'])
                .next()
                .is_some_and(|w| pair.len() > w.len() + 1 && BILATERAL_FIRSTS.contains(&w));
            joined
                || BILATERAL_FIRSTS.contains(words[0]) && n > 2 && words[1].starts_with(['-', '–'])
        } {
            return None;
        }
        // "Ambler Access Road Project", "Lisbon Valley Copper Project", "West Valley
        // Main Plant Process Building Demolition Project": works, a mine or a
        // demonstration, no body (but "Innocence Project", "Wounded Warrior Project")
        if (head == "Project" || last == "Project" && prep.is_none())
            && words.iter().any(|w| WORKS_PROJECT_WORDS.contains(w))
        {
            return None;
        }
        // "Federal Interagency Forum on …", "Federal-State … Partnership": agencies
        // working together under a forum's, a network's or a partnership's name
        // (not "Federal Law Enforcement Officers Association": no such head)
        if INTERAGENCY_BODY_HEADS.contains(&head)
            && INTERAGENCY_STARTS.contains(words[0])
            && !words
                .iter()
                .enumerate()
                .any(|(j, w)| j != head_idx && ORGANIZATION_WORDS.contains(w))
        {
            return Some(EntityClass::Agency);
        }
        return Some(EntityClass::Organization);
    }
    if POLICY_HEADS.contains(&last) && prep.is_none() {
        return Some(EntityClass::Policy);
    }
    None
}

/// "School of Law", "Department of Political Science", "College of Letters and
/// Science": a university's unit by its head and its field alone
/// (`academic_unit_heads`, then "of" and only words of a field: `academic_fields`,
/// a field's last word after another, `school_field_words` for a school's or a
/// college's, or one "…ology").
fn bare_academic_unit(words: &[&str]) -> bool {
    let [head, "of", field @ ..] = words else {
        return false;
    };
    if field.is_empty() || !ACADEMIC_UNIT_HEADS.contains(head) {
        return false;
    }
    let joined = |w: &&str| matches!(*w, "and" | "&" | ",");
    field.iter().all(|w| tok_is_cap(w) || joined(w))
        && !joined(&field[0])
        && (field
            .iter()
            .all(|w| ACADEMIC_FIELDS.contains(w) || joined(w))
            || field[1..].iter().any(|w| ACADEMIC_FIELD_ENDS.contains(w))
            || matches!(field, [w] if w.ends_with("ology") && *w != "Technology")
            || *head != "Department"
                && field.iter().all(|w| {
                    ACADEMIC_FIELDS.contains(w)
                        || ACADEMIC_FIELD_ENDS.contains(w)
                        || SCHOOL_FIELD_WORDS.contains(w)
                        || joined(w)
                }))
}

/// "Babson College Executive Development Center", "Tennessee State University
/// Board of Trustees", "Moore Foundation Scientific Advisory Board": a body named
/// after a non-government body's name that opens it (a university's, a college's, a
/// foundation's: a word of `organization_words` before the head, and no government
/// word before that one; a committee's own "Advisory", "Executive" or "Joint" after
/// it is no owner's). Not "National Cancer Institute Board of …" nor "United
/// States-Canada Fulbright Foundation Board": a government word comes first.
fn org_named_first(words: &[&str], head_idx: usize) -> bool {
    words[..head_idx]
        .iter()
        .position(|w| ORGANIZATION_WORDS.contains(w))
        .is_some_and(|o| o > 0 && !words[..o].iter().any(|w| GOV_MODIFIERS.contains(w)))
}

/// "Advisory Council of Presidio Graduate School", "Executive Committee of the
/// Chamber of Digital Commerce": a body named after "of" or "for" by a
/// non-government body's name (its last word an organization's or a body's head,
/// no government word in it, none before it but a committee's own: "Advisory",
/// "Executive", "Joint").
fn org_owned(words: &[&str], prep: Option<usize>) -> bool {
    let Some(p) = prep.filter(|&p| p > 0 && matches!(words[p], "of" | "for")) else {
        return false;
    };
    // ("Government Affairs Committee of …": a committee's subject, no owner)
    let own_gov = |j: usize| {
        GOV_MODIFIERS.contains(words[j])
            && !matches!(words[j], "Advisory" | "Executive" | "Joint")
            && !(words[j] == "Government"
                && words
                    .get(j + 1)
                    .is_some_and(|n| COMMITTEE_SUBJECT_AFTER_GOVERNMENT.contains(n)))
    };
    if (0..p).any(own_gov) {
        return false;
    }
    let the = words
        .get(p + 1)
        .is_some_and(|w| matches!(*w, "the" | "The"));
    // "Executive Committee of the Chamber of Digital Commerce", "Government
    // Affairs Committee of the Jewish Federation of Metropolitan Chicago",
    // "Board of the National Defense Industrial Association": a committee's,
    // board's or council's owner whose whole name is an organization's by its
    // head ("Chamber", "Federation", "Association"; not a school, which may be
    // the government's: "National Defense University")
    let owner_all = &words[p + 1 + usize::from(the)..];
    if p > 0
        && OWNED_BODY_HEADS.contains(&words[p - 1])
        && owner_all.len() >= 2
        // (an owner whose last word is such a head, which no list of heads knows
        // in the plural: "… Board of the National Academies")
        && match classify(owner_all) {
            Some(EntityClass::Organization) => true,
            None => owner_all
                .last()
                .is_some_and(|w| OWNER_ORGANIZATION_HEADS.contains(w)),
            _ => false,
        }
        && owner_all
            .iter()
            .take_while(|w| !matches!(**w, "of" | "for" | "at" | "in" | "on"))
            .any(|w| OWNER_ORGANIZATION_HEADS.contains(w))
    {
        return true;
    }
    if words[p + 1..].iter().any(|w| GOV_MODIFIERS.contains(w)) {
        return false;
    }
    let owner: Vec<&str> = words[p + 1 + usize::from(the)..]
        .iter()
        .copied()
        .take_while(|w| !matches!(*w, "of" | "for" | "at" | "in" | "on"))
        .collect();
    let Some(last) = owner.last().filter(|_| owner.len() >= 2) else {
        return false;
    };
    if the {
        // (a state's board or council is the state's: "… of the Ardent Board of …")
        ORG_HEADS.contains(last)
            || BODY_HEADS.contains(last) && !owner.iter().any(|w| super::relations::is_us_state(w))
    } else {
        // without an article, only an institution's name ("… of Presidio Graduate
        // School"), not a department's own unit or account ("Department of
        // Defense Information Network", "Office of Public Records Revolving Fund")
        ORGANIZATION_WORDS.contains(last) || *last == "School"
    }
}

fn is_weekday(w: &str) -> bool {
    matches!(
        w,
        "Monday" | "Tuesday" | "Wednesday" | "Thursday" | "Friday" | "Saturday" | "Sunday"
    )
}

fn chunks(text: &str, seg: &Segmented, lex: &Lexicon, out: &mut Vec<Mention>) {
    let toks = &seg.tokens;
    let mut i = 0;
    while i < toks.len() {
        let s = seg.tok(text, i);
        if !(toks[i].kind == TokKind::Word && tok_is_cap(s) || ordinal_opens_name(text, seg, i)) {
            i += 1;
            continue;
        }
        // extend: capitalized words, numbers after a capital, connectors followed by a capital word
        let start = i;
        let mut end = i + 1;
        // words repeated across a line break ("Internal Revenue Service\nRevenue
        // Service", a running header's leftover) are read once
        let mut repeated = 0;
        while end < toks.len() {
            let t = seg.tok(text, end);
            let gap = &text[toks[end - 1].span.end..toks[end].span.start];
            if gap.contains('\n') && gap.matches('\n').count() > 1
                || seg.sentence_of[end] != seg.sentence_of[start]
            {
                break;
            }
            if gap.contains('\n') {
                repeated = repeated_across_break(text, seg, start, end);
                if repeated > 0 {
                    break;
                }
            }
            let kind = toks[end].kind;
            if is_month(t) && end + 1 < toks.len() && toks[end + 1].kind == TokKind::Number {
                break;
            }
            // "… Office of Management and Budget on Thursday": a weekday ends a name,
            // unless the name goes on ("Good Friday Agreement")
            if is_weekday(t)
                && !(end + 1 < toks.len()
                    && toks[end + 1].kind == TokKind::Word
                    && tok_is_cap(seg.tok(text, end + 1)))
            {
                break;
            }
            // a page number alone on its line is layout, not part of a name
            let own_line = kind == TokKind::Number
                && gap.contains('\n')
                && toks
                    .get(end + 1)
                    .is_none_or(|n| text[toks[end].span.end..n.span.start].contains('\n'));
            if own_line {
                break;
            }
            // "U.S. Department of Homeland Security Washington, DC 20528": a
            // letterhead's city line is not part of the body's name
            if t == "Washington" && district_follows(&text[toks[end].span.end..]) {
                break;
            }
            if kind == TokKind::Word && tok_is_cap(t) && hyphen_glued(t).is_some() {
                // "Department of Homeland Security-funded research": the name ends there
                end += 1;
                break;
            }
            // "Women’s Media Center", "United States Attorney’s Office for …": a
            // possessive of a group or an office inside a name
            // ("National Cattlemen’s Beef Association", "St. Mary’s College": a
            // group of men's or a saint's possessive)
            if kind == TokKind::Possessive
                && (POSSESSIVE_NAME_PARTS.contains(&seg.tok(text, end - 1))
                    || seg.tok(text, end - 1).len() > 5 && seg.tok(text, end - 1).ends_with("men")
                    || end >= start + 2 && matches!(seg.tok(text, end - 2), "St." | "Saint"))
                && end + 1 < toks.len()
                && toks[end + 1].kind == TokKind::Word
                && tok_is_cap(seg.tok(text, end + 1))
                && seg.sentence_of[end + 1] == seg.sentence_of[start]
            {
                end += 1;
                continue;
            }
            // "Committee on Veterans’ Affairs": a plural's possessive inside a name
            if kind == TokKind::Punct
                && matches!(t, "'" | "\u{2019}")
                && toks[end - 1].span.end == toks[end].span.start
                && seg.tok(text, end - 1).ends_with('s')
                && end + 1 < toks.len()
                && toks[end].span.end + 1 == toks[end + 1].span.start
                && toks[end + 1].kind == TokKind::Word
                && tok_is_cap(seg.tok(text, end + 1))
                && seg.sentence_of[end + 1] == seg.sentence_of[start]
            {
                end += 1;
                continue;
            }
            if (kind == TokKind::Word && tok_is_cap(t)) || (kind == TokKind::Number && end > start)
            {
                end += 1;
                // "Roe & Doe LLP in Washington": a firm's suffix ends its name
                if is_firm_suffix(t) {
                    break;
                }
            } else if let Some(item) = (t == ",")
                .then(|| listed_in_policy_name(text, seg, start, end))
                .flatten()
            {
                // "the Special Widget Program for Women, Infants, and Children": a
                // policy's subject may be a list
                end = item;
            } else if let Some(act_end) = act_name_across(text, seg, start, end) {
                // "Protecting Americans from Foreign Adversary ... Act": an act's
                // name may hold lower-case words a chunk otherwise stops at
                end = act_end;
            } else if t == "to"
                && matches!(seg.tok(text, end - 1), "Act" | "Law")
                && end - start > 1
            {
                // "Inflation Reduction Act to Make Homes …", "Bipartisan
                // Infrastructure Law to Boost …": a law's name ends before its purpose
                break;
            } else if matches!(t, "and" | "or")
                && matches!(
                    seg.tok(text, end - 1),
                    "Act" | "Law" | "Program" | "Programs" | "Plan" | "Initiative" | "Rule"
                )
                && end - start > 1
                // (not "Fletcher School of Law and Diplomacy", "Center for Prevention
                // Programs and Partnerships": a body's subject)
                && !(start..end).any(|k| matches!(seg.tok(text, k), "of" | "for" | "on"))
                // (and only before another policy: not "Food Law and Policy Clinic")
                && {
                    let run_end = (end + 1..toks.len().min(end + 12))
                        .take_while(|&k| {
                            seg.sentence_of[k] == seg.sentence_of[start]
                                && toks[k].kind != TokKind::Punct
                                && (tok_is_cap(seg.tok(text, k))
                                    || toks[k].kind == TokKind::Number
                                    || matches!(seg.tok(text, k), "and" | "of"))
                        })
                        .filter(|&k| tok_is_cap(seg.tok(text, k)))
                        .last();
                    run_end.is_some_and(|k| {
                        let w = seg.tok(text, k);
                        POLICY_HEADS.contains(&w) || w == "Programs"
                    })
                }
            {
                // "the Inflation Reduction Act and Bipartisan Infrastructure Law",
                // "a Pilot Program and Science Programs": two policies
                break;
            } else if (kind == TokKind::Word && is_connector(t) || t == "&")
                && end + 1 < toks.len()
                // ("the Directorate of Science and Technology an Office for …": an
                // article right after a name starts another body; "for a …" and
                // "Achieving a Better Life Experience Act" go on)
                // ("University of Cambridge with an M.Phil": "with a" starts no name's part)
                && !(t == "with" && matches!(seg.tok(text, end + 1), "a" | "an"))
                && !(matches!(t, "a" | "an")
                    && (end + 1..(end + 9).min(toks.len()))
                        .take_while(|&k| {
                            let w = seg.tok(text, k);
                            tok_is_cap(w) || matches!(w, "and" | "of" | "for" | "the" | "&")
                        })
                        .any(|k| {
                            let w = seg.tok(text, k);
                            // ("… Office of International Affairs an Assistant
                            // Commissioner": a title after an article is no name's)
                            is_body_head(w) || TITLE_HEADS.contains(&w)
                        }))
            {
                // allow up to two connectors: "of the", "for the" (not "and the": a coordination)
                let mut k = end;
                while k < toks.len() && k < end + 2 && is_connector(seg.tok(text, k)) {
                    k += 1;
                }
                if k == end + 2 && matches!(t, "and" | "or") {
                    break;
                }
                if k < toks.len()
                    && toks[k].kind != TokKind::Punct
                    && (tok_is_cap(seg.tok(text, k)) || toks[k].kind == TokKind::Number)
                {
                    end = k;
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        // drop leading starters ("The", "On") and trailing connectors
        let mut a = start;
        // "Researchers at Georgetown University": people at a body, not its name
        // (but "University of North Carolina at Chapel Hill" keeps its "at");
        // "Tide Institute at Harbor University": two bodies, each a name
        let mut split_at = None;
        let has_head = |x: usize, y: usize| (x..y).any(|k| is_body_head(seg.tok(text, k)));
        while let Some(at) = (a + 1..end.saturating_sub(1)).find(|&k| seg.tok(text, k) == "at") {
            if !has_head(a, at) {
                a = at + 1;
            } else {
                if has_head(at + 1, end) {
                    split_at = Some(at);
                }
                break;
            }
        }
        // "Captain with the Springfield Police Department", "Agreement with the
        // … Agency": "with the" and a body start another name; and a law "for the"
        // or "in the" a body ("… Settlement Act for the … Village Corporation")
        if split_at.is_none() {
            let joint = (a + 1..end.saturating_sub(2)).find(|&k| {
                seg.tok(text, k + 1) == "the"
                    && has_head(k + 2, end)
                    && (seg.tok(text, k) == "with"
                        || matches!(seg.tok(text, k), "for" | "in" | "to")
                            && matches!(
                                seg.tok(text, k - 1),
                                "Act" | "Law" | "Plan" | "Program" | "Programs" | "Strategy"
                            ))
            });
            if let Some(k) = joint {
                if has_head(a, k) || (a..k).any(|j| POLICY_HEADS.contains(&seg.tok(text, j))) {
                    split_at = Some(k);
                } else {
                    a = k + 1;
                }
            }
        }

        // "Dear Colleague Letter": the Department of Education's guidance, by name
        let dear_colleague = end > a + 2
            && seg.tok(text, a) == "Dear"
            && seg.tok(text, a + 1) == "Colleague"
            && matches!(seg.tok(text, a + 2), "Letter" | "Letters");
        // "Page 11 GAO-26-107815 ...": a running header's page number and report number
        if a + 1 < end && seg.tok(text, a) == "Page" && toks[a + 1].kind == TokKind::Number {
            a += 2;
            if a < end && is_report_number(seg.tok(text, a)) {
                a += 1;
            }
        }
        while a < end
            && !dear_colleague
            && (STARTERS.contains(&seg.tok(text, a))
                // ("the First Step Act", "The Third Country Training Program": an
                // ordinal inside a sentence or after an article is part of the name)
                && !((matches!(seg.tok(text, a), "First" | "Second" | "Third")
                    // ("the Every Student Succeeds Act", "the No Surprises Act": a
                    // starter inside a sentence opens an act's name)
                    || ACT_NAME_STARTERS.contains(&seg.tok(text, a))
                        && seg.tok(text, end - 1) == "Act")
                    && (seg.sentences[seg.sentence_of[a]].first != a || a > start)
                    && a + 1 < end
                    && toks[a + 1].kind == TokKind::Word)
                // ("the Title XVII Innovative Energy Loan Guarantee Program", "Title
                // IV-E Prevention Program": a law's title by its numeral opens a
                // program's name; not "Title VI of the …", the part of a law)
                && !(seg.tok(text, a) == "Title"
                    && a + 2 < end
                    && is_roman_title(seg.tok(text, a + 1))
                    && seg.tok(text, a + 2) != "of")
                // ("$4.5 Billion American Rescue Plan": an amount's word)
                || matches!(seg.tok(text, a), "Million" | "Billion" | "Trillion")
                || is_connector(seg.tok(text, a))
                || is_month(seg.tok(text, a))
                // ("Ph.D. Northwestern University": a degree before its school)
                || is_degree_abbreviation(seg.tok(text, a))
                || toks[a].kind == TokKind::Number && !ordinal_opens_name(text, seg, a))
        {
            a += 1;
        }
        // "U.S.-Japan Security Consultative Committee": "U.S.-" and the partner
        // country are the name's front
        if a == start
            && a >= 2
            && matches!(seg.tok(text, a - 1), "-" | "\u{2013}")
            && matches!(seg.tok(text, a - 2), "U.S." | "US")
            && toks[a - 2].span.end == toks[a - 1].span.start
            && toks[a - 1].span.end == toks[a].span.start
        {
            a -= 2;
        }
        // "Title VI of the Civil Rights Act", "title II of the …": the part of a law
        // names the law
        if a > 0
            && a + 3 < end
            && matches!(
                seg.tok(text, a - 1),
                "Title"
                    | "Section"
                    | "Subtitle"
                    | "Part"
                    | "Chapter"
                    | "Article"
                    | "Division"
                    | "title"
                    | "subtitle"
                    | "part"
                    | "chapter"
                    | "division"
            )
            && seg.tok(text, a + 1) == "of"
            && seg.tok(text, a + 2) == "the"
        {
            a += 3;
        }
        // "Department of State, Foreign Operations, and Related Programs
        // Appropriations Act", "Subcommittee on Energy and Water Development, and
        // Related Agencies": an appropriations name lists its parts with commas
        if a == start
            && a >= 3
            && seg.tok(text, a) == "Related"
            && a + 1 < end
            && matches!(seg.tok(text, a + 1), "Agencies" | "Programs")
            && seg.tok(text, a - 1) == "and"
        {
            let sentence = seg.sentence_of[a];
            let mut k = a - 1;
            while k > 0 && k + 24 > a && seg.sentence_of[k - 1] == sentence {
                let w = seg.tok(text, k - 1);
                let part =
                    toks[k - 1].kind == TokKind::Word && tok_is_cap(w) && !STARTERS.contains(&w)
                        || matches!(w, "," | "and" | "of" | "on");
                if !part {
                    break;
                }
                k -= 1;
            }
            while k < a && !(toks[k].kind == TokKind::Word && tok_is_cap(seg.tok(text, k))) {
                k += 1;
            }
            if k + 2 < a && (k..a).any(|j| seg.tok(text, j) == ",") {
                a = k;
            }
        }
        // "Federal Food, Drug, and Cosmetic Act", "Comprehensive Environmental
        // Response, Compensation, and Liability Act": an act's name lists its
        // subjects with commas; the list's items (at least two before "and", each
        // capitalized words, no act of its own) are the name's front
        if a == start
            && a >= 4
            && matches!(seg.tok(text, a - 1), "and" | "&")
            && seg.tok(text, a - 2) == ","
            && (a + 1..end).any(|k| seg.tok(text, k) == "Act")
        {
            if let Some(front) = listed_act_front(text, seg, a - 2) {
                a = front;
            }
        }
        let mut b = end;
        while b > a
            && (is_connector(seg.tok(text, b - 1))
                // "… Education Sciences Dr. Jane Roe": an honorific starts a person's name
                || b - 1 > a && matches!(seg.tok(text, b - 1), "Dr" | "Mr" | "Mrs" | "Ms" | "Hon")
                || toks[b - 1].kind == TokKind::Number
                    && b - 1 > a
                    && !matches!(seg.tok(text, b - 2), "of" | "No." | "Year"))
        {
            b -= 1;
        }
        // "Roe, Moe, Doe & Poe LLP": the partners' names before a firm's suffix
        if b > a && is_firm_suffix(seg.tok(text, b - 1)) {
            let sentence = seg.sentence_of[a];
            let single_cap = |k: usize| {
                toks[k].kind == TokKind::Word
                    && tok_is_cap(seg.tok(text, k))
                    && !STARTERS.contains(&seg.tok(text, k))
                    && seg.sentence_of[k] == sentence
            };
            while a >= 2
                && matches!(seg.tok(text, a - 1), "," | "and" | "&")
                && single_cap(a - 2)
                && (a == 2 || !single_cap(a - 3))
            {
                a -= 2;
            }
        }
        // "the Dayton, Ohio Police Department": a city's body named with
        // its state; the city is part of the name
        if b > a + 1
            && a >= 2
            && super::relations::is_us_state(seg.tok(text, a))
            && seg.tok(text, a - 1) == ","
            && has_head(a + 1, b)
        {
            let cap = |k: usize| {
                let w = seg.tok(text, k);
                toks[k].kind == TokKind::Word
                    && tok_is_cap(w)
                    && !STARTERS.contains(&w)
                    && !super::relations::is_us_state(w)
                    && !has_head(k, k + 1)
                    && !is_title_word(w)
                    && !lex.is_common_word(w)
            };
            let mut c = a - 1;
            while c > 0 && c + 3 > a && cap(c - 1) {
                c -= 1;
            }
            let open = c == 0
                || !matches!(
                    seg.tok(text, c - 1),
                    "in" | "from" | "of" | "at" | "to" | ","
                );
            if c < a - 1 && open && seg.sentence_of[c] == seg.sentence_of[a] {
                a = c;
            }
        }
        // "Harvard Law School in Boston", "Chamber of Commerce in Japan": a
        // place after a body's name is no part of it
        if let Some(k) = (a + 1..b.saturating_sub(1)).find(|&k| seg.tok(text, k) == "in") {
            // (and after a program's: "Federal Defender Program in Atlanta")
            let program = matches!(seg.tok(text, k - 1), "Program" | "Programs");
            if (has_head(a, k) || program) && !has_head(k + 1, b) && b - k <= 4 {
                b = k;
            }
        }
        // "National Energy Strategy to the President": a report's addressee is no
        // part of its name
        if let Some(k) = (a + 2..b.saturating_sub(2)).find(|&k| {
            seg.tok(text, k) == "to"
                && seg.tok(text, k + 1) == "the"
                && seg.tok(text, k + 2) == "President"
                && POLICY_HEADS.contains(&seg.tok(text, k - 1))
        }) {
            b = k;
        }
        // "an M.S. in National Resource Strategy", "a degree in Homeland Security":
        // a field of study names no body or policy
        let field_of_study = a >= 2
            && seg.tok(text, a - 1) == "in"
            && (DEGREES.contains(&seg.tok(text, a - 2))
                || a >= 3
                    && toks[a - 2].kind == TokKind::Possessive
                    && DEGREES.contains(&seg.tok(text, a - 3)));
        // "(e) Contract Authority.", "(b) Excepted Service .": a subsection's
        // heading that names a power or a kind of service, no body
        let heading_power = b > a
            && matches!(seg.tok(text, b - 1), "Authority" | "Service")
            && subsection_heading(text, toks[a].span.start, toks[b - 1].span.end);
        if b > a && !after_section_number(text, seg, a) && !field_of_study && !heading_power {
            match split_at {
                Some(at) if at > a && at + 1 < b => {
                    emit_chunk(text, seg, lex, a, at, out);
                    let r = if seg.tok(text, at + 1) == "the" {
                        at + 2
                    } else {
                        at + 1
                    };
                    if r < b {
                        emit_chunk(text, seg, lex, r, b, out);
                    }
                }
                _ => {
                    let before = out.len();
                    emit_chunk(text, seg, lex, a, b, out);
                    if a == start && out.len() == before + 1 {
                        acronym_front(text, seg, lex, a, &mut out[before]);
                    }
                }
            }
        }
        i = (end + repeated).max(i + 1);
    }
}

/// A title's Roman numeral, with a letter after a hyphen ("XVII", "IV-E").
fn is_roman_title(w: &str) -> bool {
    let (num, letter) = w.split_once('-').unwrap_or((w, ""));
    !num.is_empty()
        && num.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L'))
        && letter.len() <= 1
        && letter.chars().all(|c| c.is_ascii_uppercase())
}

/// "GAO-26-107815": letters, then groups of digits, joined by hyphens.
fn is_report_number(w: &str) -> bool {
    let mut parts = w.split('-');
    parts
        .next()
        .is_some_and(|p| p.len() >= 2 && p.chars().all(|c| c.is_ascii_uppercase()))
        && {
            let rest: Vec<&str> = parts.collect();
            !rest.is_empty()
                && rest
                    .iter()
                    .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
        }
}

/// How many capitalized words after a line break at token `end` repeat the
/// ones just before it, within the run from `start` ("... Revenue Service" /
/// "Revenue Service ..."): 0 when none do.
fn repeated_across_break(text: &str, seg: &Segmented, start: usize, end: usize) -> usize {
    (1..=3)
        .rev()
        .find(|&m| {
            end >= start + m
                && end + m <= seg.tokens.len()
                && (0..m).all(|k| {
                    let w = seg.tok(text, end + k);
                    seg.tokens[end + k].kind == TokKind::Word
                        && tok_is_cap(w)
                        && w == seg.tok(text, end - m + k)
                })
        })
        .unwrap_or(0)
}

/// Lower-case words inside the names of acts that [`is_connector`] does not
/// cover: "Protecting Americans from ...", "Fight Illicit Networks and
/// Detect Fentanyl Act", "Stop Online Piracy Act".
pub static ACT_CONNECTORS: Words = Words::new("act_connectors");

/// "the Defense Industrial Base (DIB) Cybersecurity Program", "the Waste
/// Isolation Pilot Plant (WIPP) Land Withdrawal Act": a policy named right after
/// a parenthesized acronym whose words come before it (their initials are the
/// acronym's letters) begins with those words; the name leaves the acronym out.
/// Not when the words name a body, which owns the policy ("Western Area Power
/// Administration (WAPA) Transmission … Program"), or a policy of their own.
fn acronym_front(text: &str, seg: &Segmented, lex: &Lexicon, a: usize, m: &mut Mention) {
    let toks = &seg.tokens;
    if m.class != EntityClass::Policy
        || m.span.start != toks[a].span.start
        || a < 5
        || seg.tok(text, a - 1) != ")"
        || seg.tok(text, a - 3) != "("
    {
        return;
    }
    let acr = seg.tok(text, a - 2);
    if !(2..=8).contains(&acr.len()) || !acr.chars().all(|c| c.is_ascii_uppercase()) {
        return;
    }
    let last = a - 4;
    // (the run's own sentence: a line break before "(" may end one)
    let sentence = seg.sentence_of[last];
    let w = seg.tok(text, last);
    if !tok_is_cap(w) || is_body_head(w) || POLICY_HEADS.contains(&w) {
        return;
    }
    let initials = |from: usize| -> String {
        (from..=last)
            .map(|k| seg.tok(text, k))
            .filter(|w| tok_is_cap(w))
            .flat_map(|w| w.split('-').filter_map(|p| p.chars().next()))
            .collect()
    };
    let mut from = last;
    let mut found = None;
    while from > 0 && last - from < 8 {
        if tok_is_cap(seg.tok(text, from)) && initials(from) == acr {
            found = Some(from);
            break;
        }
        let prev = seg.tok(text, from - 1);
        let part = seg.sentence_of[from - 1] == sentence
            && toks[from - 1].kind == TokKind::Word
            && (tok_is_cap(prev) && !STARTERS.contains(&prev)
                || matches!(prev, "and" | "of" | "for"));
        if !part {
            break;
        }
        from -= 1;
    }
    let Some(from) = found else {
        return;
    };
    let front = &text[toks[from].span.start..toks[last].span.end];
    if lex.lookup(front).is_some() {
        return;
    }
    let front: Vec<&str> = front.split_whitespace().collect();
    let name = format!("{} {}", front.join(" "), m.name);
    *m = Mention::new(
        Span::new(toks[from].span.start, m.span.end),
        EntityClass::Policy,
        name,
        m.rule,
        m.priority,
    );
}

/// The first token of a list of capitalized items that ends with the comma at
/// `comma` ("Federal Food, Drug," before "and Cosmetic Act"): at least two
/// items, each at most four capitalized words (no sentence starter, no "Act"),
/// within one sentence and no blank line; the first item runs back over its
/// capitalized words.
fn listed_act_front(text: &str, seg: &Segmented, comma: usize) -> Option<usize> {
    let toks = &seg.tokens;
    let sentence = seg.sentence_of[comma];
    let item_word = |k: usize| {
        let w = seg.tok(text, k);
        toks[k].kind == TokKind::Word
            && tok_is_cap(w)
            && !STARTERS.contains(&w)
            && w != "Act"
            && seg.sentence_of[k] == sentence
            && !text[toks[k].span.end..toks[k + 1].span.start].contains("\n\n")
    };
    let mut k = comma;
    let mut items = 0;
    loop {
        // the item before the comma at `k`
        let mut first = k;
        while first > 0 && k - first < 4 && item_word(first - 1) {
            first -= 1;
        }
        if first == k {
            return None;
        }
        items += 1;
        if first >= 1 && seg.tok(text, first - 1) == "," && seg.sentence_of[first - 1] == sentence {
            k = first - 1;
        } else {
            return (items >= 2).then_some(first);
        }
    }
}

/// When the chunk `start..end` names a policy by its head and subject ("Program
/// for Women", "Plan of Action on Women", "Action Plan for a Fairer") and a
/// comma at `end` goes on with a list of capitalized items that ends with "and"
/// (", Infants, and Children", ", Peace, and Security"), the first word of the
/// list's last item (the chunk goes on from there). Items are at most four
/// words, none a body's head or a title ("…, Secretary Roe, and …").
fn listed_in_policy_name(text: &str, seg: &Segmented, start: usize, end: usize) -> Option<usize> {
    let toks = &seg.tokens;
    // ("Committee on Science, Space, and Technology", "Advisory Commission on
    // Asian Americans, Native Hawaiians, and Pacific Islanders": a body's
    // subject after "on" or "for" right after its head may be such a list too)
    let body_prep = (start + 1..end).find(|&k| {
        matches!(seg.tok(text, k), "for" | "on")
            && (AGENCY_HEADS.contains(&seg.tok(text, k - 1))
                || BODY_HEADS.contains(&seg.tok(text, k - 1)))
            // ("U.S. Attorney's Offices for A, B, and C": several bodies, one a place)
            && seg.tok(text, k - 1) != "Offices"
            && !(start..k).any(|h| matches!(seg.tok(text, h), "of" | "for" | "on" | "to"))
    });
    let prep = body_prep.or_else(|| {
        (start + 1..end).rev().find(|&k| {
            matches!(seg.tok(text, k), "for" | "on" | "of" | "to")
                && (start..k).any(|h| POLICY_HEADS.contains(&seg.tok(text, h)))
        })
    })?;
    // (not "Trade Act of 1974 of the Acts, Policies, and …": the subject is
    // named without an article or a number, and the whole is a policy's name)
    let words: Vec<&str> = (start..end).map(|k| seg.tok(text, k)).collect();
    let class_ok = match body_prep {
        Some(_) => matches!(
            classify(&words),
            Some(EntityClass::Agency | EntityClass::Organization)
        ),
        None => classify(&words) == Some(EntityClass::Policy),
    };
    if end - prep > 5
        || !tok_is_cap(seg.tok(text, end - 1))
        || (prep + 1..end).any(|k| seg.tok(text, k) == "the" || toks[k].kind == TokKind::Number)
        || !class_ok
    {
        return None;
    }
    let sentence = seg.sentence_of[start];
    let word = |k: usize| -> Option<&str> {
        (k < toks.len() && seg.sentence_of[k] == sentence).then(|| seg.tok(text, k))
    };
    let item_word = |k: usize| {
        word(k).is_some_and(|w| {
            toks[k].kind == TokKind::Word
                && tok_is_cap(w)
                && !is_body_head(w)
                && !TITLE_HEADS.contains(&w)
                && !STARTERS.contains(&w)
                // (a body's subjects are words, not other bodies by their acronyms:
                // "Council on Environmental Quality, DOE, and GSA")
                && !(body_prep.is_some() && w.len() >= 2 && w.chars().all(|c| c.is_ascii_uppercase()))
        })
    };
    // a body's last subject runs to the name's end with no body's head in it
    // ("… Rural Development, Food and Drug Administration": another body; "… and
    // Forestry\nUnited States Senate": an address's next line)
    let tail_ok = |k: usize| {
        if body_prep.is_none() {
            return true;
        }
        let mut j = k;
        while let Some(w) = word(j).filter(|w| {
            toks[j].kind == TokKind::Word && (tok_is_cap(w) || is_connector(w)) && j < k + 12
        }) {
            // ("… and the District of Columbia of the Committee on …": the body
            // it belongs to is another name)
            if j > k && is_connector(w) && word(j + 1) == Some("the") {
                break;
            }
            if is_body_head(w) {
                return false;
            }
            j += 1;
        }
        true
    };
    // at `end`: ", A B, C, and D …"
    let mut k = end;
    for _ in 0..5 {
        if word(k) != Some(",") {
            return None;
        }
        k += 1;
        // (", and B" after one item is no list: "Strategy for X, and Directive Y";
        // "Subcommittee on General Services, Federalism, and the District of
        // Columbia": a body's last subject may be named with its article)
        if matches!(word(k), Some("and" | "&")) {
            let the = body_prep.is_some() && word(k + 1) == Some("the") && item_word(k + 2);
            return (k > end + 1 && (item_word(k + 1) || the) && tail_ok(k + 1)).then_some(k + 1);
        }
        let first = k;
        while item_word(k) && k < first + 4 {
            k += 1;
        }
        if k == first {
            return None;
        }
        if matches!(word(k), Some("and" | "&")) {
            return (item_word(k + 1) && tail_ok(k + 1)).then_some(k + 1);
        }
    }
    None
}

/// When the chunk `start..end` (at least two words) continues over an [`ACT_CONNECTORS`] word into a
/// capitalized run that ends with "Act" in the same sentence, the end of
/// that "Act" token.
fn act_name_across(text: &str, seg: &Segmented, start: usize, end: usize) -> Option<usize> {
    let toks = &seg.tokens;
    if !ACT_CONNECTORS.contains(&seg.tok(text, end)) {
        return None;
    }
    if end - start < 2 {
        return None;
    }
    let mut k = end + 1;
    let mut cap_before = false;
    while k < toks.len() && k < end + 16 && seg.sentence_of[k] == seg.sentence_of[start] {
        let t = seg.tok(text, k);
        let gap = &text[toks[k - 1].span.end..toks[k].span.start];
        if gap.contains('\n') {
            return None;
        }
        let cap = toks[k].kind == TokKind::Word && tok_is_cap(t);
        if k == end + 1 && !cap {
            return None;
        }
        if cap {
            if t == "Act" && cap_before {
                return Some(k + 1);
            }
            cap_before = true;
        } else if t == "the"
            || !(toks[k].kind == TokKind::Word && (is_connector(t) || ACT_CONNECTORS.contains(&t)))
                && toks[k].kind != TokKind::Number
        {
            return None;
        }
        k += 1;
    }
    None
}

/// Whether a capitalized word could be a surname after a title ("Secretary Napolitano"):
/// not a head word, modifier, sentence starter, place word, generic word or acronym.
pub fn could_be_surname(w: &str) -> bool {
    w.chars().count() >= 3
        && w.starts_with(char::is_uppercase)
        && w.chars().zip(w.chars().skip(1)).all(|(prev, c)| {
            c.is_lowercase()
                || c == '-'
                || c == '\''
                || c == '\u{2019}'
                || c.is_uppercase() && w.starts_with("Mc")
                // "O'Connell", "D’Angelo"
                || c.is_uppercase() && matches!(prev, '\'' | '\u{2019}')
        })
        && ![
            &AGENCY_HEADS,
            &POLICY_HEADS,
            &MEMO_HEADS,
            &ORG_HEADS,
            &BODY_HEADS,
            &GOV_MODIFIERS,
            &STARTERS,
            &PLACE_WORDS,
            &TITLE_WORDS,
        ]
        .iter()
        .any(|list| list.contains(&w))
        && !is_generic(&[w])
}

/// Names made only of generic words ("Executive Order", "Working Group", "Task Force");
/// not a committee named by its subject ("Committee on Appropriations").
fn is_generic(words: &[&str]) -> bool {
    static GENERIC: Words = Words::new("generic_name_words");
    // "National Security Act", "Federal Advisory Committee Act": three such words
    // or more that end in "Act" name a law (not "This Act", "New Appropriations Act")
    let act = words.len() >= 3
        && words.last() == Some(&"Act")
        && !words[..words.len() - 1]
            .iter()
            .any(|w| GENERIC_ACT_FRONTS.contains(w) || is_connector(w));
    !matches!(words, ["Committee" | "Subcommittee", "on", _, ..])
        && !act
        && words.iter().all(|w| GENERIC.contains(w) || is_connector(w))
}

/// Generic words that make a generic law's name of one that ends in "Act"
/// ("This Act", "the Final Appropriations Act").
static GENERIC_ACT_FRONTS: Words = Words::new("generic_act_fronts");

fn is_month(w: &str) -> bool {
    matches!(
        w.trim_end_matches('.'),
        "January"
            | "February"
            | "March"
            | "April"
            | "May"
            | "June"
            | "July"
            | "August"
            | "September"
            | "October"
            | "November"
            | "December"
            | "Jan"
            | "Feb"
            | "Mar"
            | "Apr"
            | "Jun"
            | "Jul"
            | "Aug"
            | "Sep"
            | "Sept"
            | "Oct"
            | "Nov"
            | "Dec"
    )
}

/// Whether token `a` starts the heading right after "Sec. 3." / "Section 3.".
/// Whether `start..end` is the whole heading of an enumerated subsection: "(e)"
/// alone before it on its line, a period (after a space or none) right after it.
fn subsection_heading(text: &str, start: usize, end: usize) -> bool {
    let line_start = text[..start].rfind('\n').map_or(0, |p| p + 1);
    let before = text[line_start..start].trim();
    let enumerated = before.len() >= 3
        && before.len() <= 6
        && before.starts_with('(')
        && before.ends_with(')')
        && before[1..before.len() - 1]
            .chars()
            .all(|c| c.is_ascii_alphanumeric());
    let after = text[end..].trim_start_matches(' ');
    enumerated && after.starts_with('.')
}

fn after_section_number(text: &str, seg: &Segmented, a: usize) -> bool {
    let si = seg.sentence_of[a];
    if si == 0 || seg.sentences[si].first != a {
        return false;
    }
    let prev = seg.sentences[si - 1];
    let words: Vec<&str> = (prev.first..prev.last).map(|k| seg.tok(text, k)).collect();
    // ("Sec.\n3.\nVoucher Program.": the word and its number, each a line, may
    // be read as two sentences)
    let split = si >= 2
        && matches!(words.as_slice(), [n, "."] if n.bytes().all(|b| b.is_ascii_digit()))
        && {
            let sec = seg.sentences[si - 2];
            matches!(
                (sec.first..sec.last)
                    .map(|k| seg.tok(text, k))
                    .collect::<Vec<_>>()
                    .as_slice(),
                ["Sec" | "Section" | "SEC" | "SECTION", "."]
            )
        };
    split
        || matches!(
            words.as_slice(),
            ["Sec" | "Section" | "SEC" | "SECTION", ".", _, "."]
                | ["Sec" | "Section" | "SEC" | "SECTION", _, "."]
        )
}

fn emit_chunk(
    text: &str,
    seg: &Segmented,
    lex: &Lexicon,
    a: usize,
    b: usize,
    out: &mut Vec<Mention>,
) {
    // "the One Big Beautiful Bill in July", "its Federal Buy Clean Initiative in
    // Toledo, Ohio": a time or a place after a name is no part of it
    if b >= a + 3 && seg.tok(text, b - 2) == "in" && {
        let last = seg.tok(text, b - 1);
        let after = text[seg.tokens[b - 1].span.end..].trim_start();
        is_month(last)
            || after.strip_prefix(',').is_some_and(|rest| {
                let words: Vec<&str> = rest
                    .split(|c: char| !c.is_alphanumeric() && c != '.')
                    .filter(|w| !w.is_empty())
                    .take(2)
                    .collect();
                crate::extract::relations::is_us_state(words.first().copied().unwrap_or(""))
                    || words.len() == 2 && crate::extract::relations::is_us_state(&words.join(" "))
            })
    } {
        emit_chunk(text, seg, lex, a, b - 2, out);
        return;
    }
    // "Coupled with the Inflation Reduction Act", "Comply with the Regulatory
    // Flexibility Act": a word joined to a name by "with the" is none of it
    if b >= a + 4
        // ("the Trading with the Enemy Act": a gerund inside a sentence opens an
        // act's name)
        && (!seg.tok(text, a).ends_with("ing")
            || seg.sentences[seg.sentence_of[a]].first == a)
        && seg.tok(text, a + 1) == "with"
        && seg.tok(text, a + 2) == "the"
        && seg.tokens[a + 3].kind == TokKind::Word
        && tok_is_cap(seg.tok(text, a + 3))
    {
        emit_chunk(text, seg, lex, a + 3, b, out);
        return;
    }
    // "the UHRPA and Public Law 117-78": a law by its number is named by
    // `public_laws`; what comes before its connector is a name of its own
    if b >= a + 2
        && seg.tok(text, b - 1) == "Law"
        && matches!(seg.tok(text, b - 2), "Public" | "Private")
        && seg
            .tokens
            .get(b)
            .is_some_and(|t| t.kind == TokKind::Number || seg.tok(text, b) == "No")
    {
        let mut end = b - 2;
        if end > a && matches!(seg.tok(text, end - 1), "and" | "or" | ",") {
            end -= 1;
        }
        if end > a {
            emit_chunk(text, seg, lex, a, end, out);
        }
        return;
    }
    // "RFA Regulatory Flexibility Act", "MIT Massachusetts Institute of
    // Technology": a glossary's acronym before the name it stands for is no part of it
    if b >= a + 3 {
        let acr = seg.tok(text, a);
        let rest = &text[seg.tokens[a + 1].span.start..seg.tokens[b - 1].span.end];
        if acr.len() >= 3
            && acr.chars().all(|c| c.is_ascii_uppercase())
            && tok_is_cap(seg.tok(text, a + 1))
            && initials_match(acr, rest)
        {
            emit_chunk(text, seg, lex, a + 1, b, out);
            return;
        }
        // (and a glossary's next line run into this one: "… Budget NCES National
        // Center for Education Statistics": the acronym ends the name before it)
        if let Some(k) = (a + 2..b - 1).find(|&k| {
            let w = seg.tok(text, k);
            w.len() >= 3
                && w.chars().all(|c| c.is_ascii_uppercase())
                && initials_match(
                    w,
                    &text[seg.tokens[k + 1].span.start..seg.tokens[b - 1].span.end],
                )
                && classify(&(a..k).map(|t| seg.tok(text, t)).collect::<Vec<_>>()).is_some()
        }) {
            emit_chunk(text, seg, lex, a, k, out);
            emit_chunk(text, seg, lex, k + 1, b, out);
            return;
        }
    }
    // two bodies joined ("... Treasury and Department of Education", "... Energy to
    // the Department of ..."), or a body and a title with a person ("... Security
    // Secretary Mayorkas"): each body is a name of its own, the person none
    if let Some(glue) = glued(text, seg, lex, a, b) {
        match glue {
            Glue::Join { left_end, right } => {
                if left_end > a {
                    emit_chunk(text, seg, lex, a, left_end, out);
                }
                emit_chunk(text, seg, lex, right, b, out);
            }
            Glue::Title(at) => emit_chunk(text, seg, lex, a, at, out),
        }
        return;
    }
    let mut words: Vec<&str> = (a..b).map(|k| seg.tok(text, k)).collect();
    let mut span = Span::new(seg.tokens[a].span.start, seg.tokens[b - 1].span.end);
    // "Department of Homeland Security-funded": the name ends at the hyphen
    if let Some(h) = hyphen_glued(seg.tok(text, b - 1)) {
        let last = words.len() - 1;
        words[last] = &words[last][..h];
        span.end = seg.tokens[b - 1].span.start + h;
        if words.len() == 1 {
            return;
        }
    }
    // a chunk made of a known name plus "of the"/"in the" another known name: split at the connector
    // ("Office of Inspector General of the Department of Homeland Security"); a name's own
    // "of" ("Department of Health and Human Services") has no "the" before a known name
    if let Some(pos) = (a + 1..b).find(|&k| {
        matches!(seg.tok(text, k), "of" | "in" | "within" | "at")
            && k + 2 < b
            && seg.tok(text, k + 1) == "the"
    }) {
        let rest_start = pos + 2;
        if rest_start < b {
            let rest = &text[seg.tokens[rest_start].span.start..span.end];
            let left_words: Vec<&str> = (a..pos).map(|k| seg.tok(text, k)).collect();
            if lex.lookup(rest).is_some()
                && matches!(
                    classify(&left_words),
                    Some(EntityClass::Agency | EntityClass::Policy)
                )
            {
                emit_chunk(text, seg, lex, a, pos, out);
                return;
            }
        }
    }
    // "Regional Political Director for the White House Office of …": a job
    // title, then the body it serves; the body is the name
    // (the part before is a title and nothing else: not "Office of the Assistant
    // Secretary of the Army")
    if let Some(pos) = (a + 1..b.saturating_sub(2)).find(|&k| {
        matches!(seg.tok(text, k), "for" | "of" | "to" | "at")
            && seg.tok(text, k + 1) == "the"
            && (TITLE_HEADS.contains(&seg.tok(text, k - 1))
                || SEAT_TITLES.contains(&seg.tok(text, k - 1)))
            && (a..k).all(|t| {
                let w = seg.tok(text, t);
                !AGENCY_HEADS.contains(&w)
                    && !BODY_HEADS.contains(&w)
                    && !ORG_HEADS.contains(&w)
                    && !POLICY_HEADS.contains(&w)
                    && !matches!(w, "of" | "the" | "and" | "for" | "to" | "at")
                    && lex.lookup(w).is_none()
            })
    }) {
        emit_chunk(text, seg, lex, pos + 2, b, out);
        return;
    }
    // "Judge Kim Roe of the U.S. Court of Appeals for the Ninth Circuit": a
    // person or a title, then the body they belong to; the body is the name
    if let Some(pos) = (a + 1..b.saturating_sub(3)).find(|&k| {
        matches!(seg.tok(text, k), "of" | "for" | "at" | "with" | "in" | "on")
            && seg.tok(text, k + 1) == "the"
    }) {
        let left: Vec<&str> = (a..pos).map(|k| seg.tok(text, k)).collect();
        let rest: Vec<&str> = (pos + 2..b).map(|k| seg.tok(text, k)).collect();
        let headless = left.iter().all(|w| {
            ![
                &AGENCY_HEADS,
                &BODY_HEADS,
                &ORG_HEADS,
                &POLICY_HEADS,
                &MEMO_HEADS,
            ]
            .iter()
            .any(|list| list.contains(w))
        }) && lex
            .lookup(&text[seg.tokens[a].span.start..seg.tokens[pos - 1].span.end])
            .is_none();
        // (or an act on the body: "Establishment of the X Council"; or, before
        // "in the" or "on the", any words: "… Affairs in the Bureau of Y")
        let personal = matches!(seg.tok(text, pos), "in" | "on")
            || is_title_word(left[0])
            // ("Nominee for Member of the X Council": a seat, then its body)
            || left.iter().any(|w| SEAT_WORDS.contains(w))
            || lex.is_first_name(left[0])
            || left.len() == 1
                && ["ment", "ing", "tion", "sion"]
                    .iter()
                    .any(|end| left[0].ends_with(end));
        if headless
            && personal
            && matches!(
                classify(&rest),
                Some(EntityClass::Agency | EntityClass::Organization)
            )
        {
            emit_chunk(text, seg, lex, pos + 2, b, out);
            return;
        }
    }
    // "Board of Directors of the X", "X Board of Directors": X's board, named by X
    if let Some(k) = (a..b.saturating_sub(2)).find(|&k| {
        seg.tok(text, k) == "Board"
            && seg.tok(text, k + 1) == "of"
            && UNNAMED_BOARDS.contains(seg.tok(text, k + 2))
    }) {
        let mut r = k + 3;
        if r < b && matches!(seg.tok(text, r), "of" | "at" | "for") {
            r += 1;
            if r < b && seg.tok(text, r) == "the" {
                r += 1;
            }
            if r < b {
                emit_chunk(text, seg, lex, r, b, out);
            }
        } else if k > a && r == b {
            emit_chunk(text, seg, lex, a, k, out);
        }
        return;
    }
    // rooms and places named like offices
    if matches!(
        words.as_slice(),
        ["Oval", "Office"]
            | ["Situation", "Room"]
            | ["Rose", "Garden"]
            | ["East", "Room"]
            | ["Roosevelt", "Room"]
            | ["Cabinet", "Room"]
    ) {
        return;
    }
    // "Department of State Julie Chung": a known body's name runs into a
    // person's name; the body ends where the person begins
    if let Some(cut) = (a + 2..b.saturating_sub(1)).rev().find(|&k| {
        let prefix = &text[seg.tokens[a].span.start..seg.tokens[k - 1].span.end];
        lex.is_first_name(seg.tok(text, k))
            && b - k <= 4
            && (k..b).all(|t| tok_is_cap(seg.tok(text, t)))
            && lex.lookup(prefix).is_some_and(|e| {
                matches!(
                    lex.entries[e].class,
                    EntityClass::Agency | EntityClass::Organization
                )
            })
    }) {
        emit_chunk(text, seg, lex, a, cut, out);
        return;
    }
    let Some(class) = classify(&words) else {
        return;
    };
    // "School of Law", "Department of Economics", "College of Liberal Arts": a
    // university's unit named without its university is no body of its own (one
    // name for the units of every university)
    // (but an owner's possessive before it names its university: "Princeton
    // University’s School of …")
    if class == EntityClass::Organization
        && bare_academic_unit(&words)
        && lex.lookup(&text[span.start..span.end]).is_none()
        && !(a > 0 && seg.tokens[a - 1].kind == TokKind::Possessive)
    {
        return;
    }
    // "New Section 184 Regulations to …", "New Medicaid and CHIP Program": a
    // headline's or an announcement's "New" before a policy is no part of its
    // name (a place's is, "New York …", and a policy's own: "New START Treaty")
    if class == EntityClass::Policy
        && words.len() > 2
        && words[0] == "New"
        && tok_is_cap(words[1])
        && !NEW_PLACE_WORDS.contains(&words[1])
        && !POLICY_NEW_WORDS.contains(&words[1])
        && lex.lookup(&text[span.start..span.end]).is_none()
    {
        emit_chunk(text, seg, lex, a + 1, b, out);
        return;
    }
    // "United Nations Development Programme", "World Food Programme": an
    // international body the lexicon knows, named a "Programme"; the gazetteer
    // names it (a US program the lexicon files as an office stays a policy:
    // "National Flood Insurance Program")
    if class == EntityClass::Policy
        && lex.lookup(&text[span.start..span.end]).is_some_and(|e| {
            lex.entries[e].class != EntityClass::Policy
                && lex.entries[e].canonical.ends_with("Programme")
        })
    {
        return;
    }
    // "Harvard University Native American Program", "Aspen Institute Socrates
    // Program": a non-government body's program; the body is the name (not
    // "College Intern Program", "National Science Foundation for the Future Act")
    if class == EntityClass::Policy {
        let program = words
            .iter()
            .position(|w| matches!(*w, "Program" | "Programme" | "Initiative"));
        let owner = program.and_then(|p| {
            (1..p).find(|&i| {
                POLICY_OWNER_ORG_WORDS.contains(&words[i])
                    && tok_is_cap(words[i - 1])
                    && !is_connector(words[i - 1])
            })
        });
        if let Some(i) = owner.filter(|_| !words.contains(&"Act")) {
            emit_chunk(text, seg, lex, a, a + i + 1, out);
            return;
        }
    }
    // "a professor at Georgetown Law", "her own firm, Roe Law": a law school or
    // a law firm by its short name, no law
    if class == EntityClass::Policy
        && words.len() <= 3
        && words.last() == Some(&"Law")
        && a > 0
        && (LAW_SCHOOL_BEFORE.contains(&seg.tok(text, a - 1))
            || a > 1 && seg.tok(text, a - 1) == "," && seg.tok(text, a - 2) == "firm"
            // ("Stetson Law school", "the Duke Law faculty")
            || seg
                .tokens
                .get(b)
                .is_some_and(|_| LAW_SCHOOL_AFTER.contains(&seg.tok(text, b))))
        && lex.lookup(&text[span.start..span.end]).is_none()
    {
        return;
    }
    // "the City Council", "the State Legislature", "County Police Department": a
    // kind of local body with no place's name, whose city or state the text names
    // elsewhere (or cut off); no body of its own
    if class == EntityClass::Agency
        && words.len() <= 3
        && GENERIC_BODY_STARTS.contains(&words[0])
        && lex.lookup(&text[span.start..span.end]).is_none()
    {
        return;
    }
    // "Department of Energy Liftoff", "Department of Homeland Security Activities": a
    // known body's whole name, then capitalized words that head nothing (a program's
    // or a report's words, a verb of a headline); the body is the name
    if class == EntityClass::Agency && lex.lookup(&text[span.start..span.end]).is_none() {
        let heads_nothing = |t: usize| {
            let w = seg.tok(text, t);
            seg.tokens[t].kind == TokKind::Word
                && tok_is_cap(w)
                && ![
                    &AGENCY_HEADS,
                    &BODY_HEADS,
                    &ORG_HEADS,
                    &POLICY_HEADS,
                    &MEMO_HEADS,
                ]
                .iter()
                .any(|list| list.contains(&w))
                && !is_title_word(w)
                && !UNIT_HEADS.contains(w)
        };
        if let Some(k) = (a + 2..b).rev().find(|&k| {
            lex.lookup(&text[seg.tokens[a].span.start..seg.tokens[k - 1].span.end])
                .is_some_and(|e| lex.entries[e].class == EntityClass::Agency)
        }) {
            if (k..b).all(heads_nothing) {
                emit_chunk(text, seg, lex, a, k, out);
                return;
            }
            // "Department of Defense Kidney Cancer Research Program", "Department
            // of Justice Assets Forfeiture Fund", "Office of Management and Budget
            // Memorandum": a known body's whole name, then capitalized words headed
            // by a program's, a fund's or a memo's word; the body is one name, and
            // a program named after it (words only) another; a fund or a memo
            // named by its kind alone is none
            let tail_last = seg.tok(text, b - 1);
            let tail_words = || (k..b).map(|t| seg.tok(text, t));
            if (POLICY_HEADS.contains(&tail_last)
                || MEMO_HEADS.contains(&tail_last)
                || tail_last == "Fund")
                && (k..b).all(|t| seg.tokens[t].kind == TokKind::Word)
                && tail_words().all(|w| tok_is_cap(w) && !is_connector(w))
                && !tail_words().any(|w| HEADLINE_VERBS.contains(w))
            {
                emit_chunk(text, seg, lex, a, k, out);
                if b - k >= 2 && POLICY_HEADS.contains(&tail_last) && tail_last != "Act" {
                    emit_chunk(text, seg, lex, k, b, out);
                }
                return;
            }
        }
    }
    // "(2) The Fort Worth Division comprises the counties of ...": a judicial
    // district's division, a place
    if words.last() == Some(&"Division") && {
        let after = text[span.end..].trim_start();
        DIVISION_PLACES_AFTER.iter().any(|w| after.starts_with(w))
    } {
        return;
    }
    // a leading gerund ("Regarding the ...", "Establishing ...") starts a phrase,
    // except in an act's name ("Protecting Americans from ... Act")
    let gerund_act = class == EntityClass::Policy
        && matches!(words.as_slice(), [.., "Act"] | [.., "Act", "of", _])
        && !words.contains(&"the");
    if is_generic(&words)
        || words[0].ends_with("ing")
            && words[0].len() > 5
            && class != EntityClass::Memo
            && !gerund_act
            // (a city before its state's comma is no gerund: "Lansing, Michigan …")
            && words.get(1) != Some(&",")
    {
        return;
    }
    let surface = &text[span.start..span.end];
    if !capitalized_like(surface)
        || surface
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(|c| c.is_uppercase())
            && words.len() > 1
            && class != EntityClass::Memo
    {
        // ALL-CAPS headings are not names
        if surface
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(|c| c.is_uppercase())
        {
            return;
        }
    }
    let priority = match class {
        // a policy or memo named after an agency ("Homeland Security Act") beats the agency inside it
        EntityClass::Policy | EntityClass::Memo => 85,
        _ => 50,
    };
    let rule = match class {
        EntityClass::Agency => "pattern.agency-head",
        EntityClass::Organization => "pattern.organization-head",
        EntityClass::Policy => "pattern.policy-head",
        EntityClass::Memo => "pattern.memo-head",
        EntityClass::Person => "pattern.person",
    };
    let mut m = Mention::new(span, class, surface, rule, priority);
    if class == EntityClass::Agency && lex.lookup(surface).is_none() {
        let head_start = seg.tokens[b - 1].span.start;
        let modifier = |h: &super::lexicon::LexHit| {
            let rest = surface[h.end..].trim_start();
            let hit_head = surface[..h.end]
                .rsplit(' ')
                .next()
                .is_some_and(|w| AGENCY_HEADS.contains(&w));
            h.start == 0
                && span.start + h.end < head_start
                && (rest.starts_with(|c: char| c.is_uppercase())
                    || hit_head && rest.starts_with("of "))
        };
        // "White House Office of Management and Budget": the name ends with a
        // known agency's whole name, which the modifier's would cut ("White House Office")
        // (not a committee's subject: "Senate Committee on Veterans' Affairs")
        let ends_known = surface.match_indices(' ').any(|(k, _)| {
            !surface[..k].ends_with(" on")
                && !surface[..k].ends_with(" for")
                && lex
                    .lookup(&surface[k + 1..])
                    .is_some_and(|e| lex.entries[e].class == EntityClass::Agency)
        });
        if let Some(h) = lex
            .find(surface)
            .into_iter()
            .find(modifier)
            .filter(|_| !ends_known)
        {
            let inner = &lex.entries[h.entry];
            if inner.class == EntityClass::Agency {
                m.priority = 82;
                m.rule = "pattern.agency-modifier";
                m.hint = Some(inner.canonical.clone());
            }
        }
    }
    // "House Committee on Energy and Commerce", "House Armed Services Committee":
    // the House's committee ("House" alone is no name the gazetteer can hold)
    if class == EntityClass::Agency
        && m.priority < 82
        && words.len() > 2
        && words[0] == "House"
        && (matches!(
            words[words.len() - 1],
            "Committee" | "Subcommittee" | "Caucus"
        ) || words
            .iter()
            .any(|w| matches!(*w, "Committee" | "Subcommittee"))
            && words.contains(&"on"))
        && lex.lookup(surface).is_none()
    {
        if let Some(e) = lex.lookup("House of Representatives") {
            m.priority = 82;
            m.rule = "pattern.agency-modifier";
            m.hint = Some(lex.entries[e].canonical.clone());
        }
    }
    if class == EntityClass::Agency
        && m.priority < 82
        && lex.lookup(surface).is_none()
        && words.len() > 2
        && matches!(words[1], "on" | "of" | "for")
    {
        // "Committee on Homeland Security": a head-first name ending with a known agency's name
        let head_end = seg.tokens[a + 1].span.end;
        if lex.find(surface).iter().any(|h| {
            span.start + h.start > head_end && span.start + h.end == span.end && !h.acronym
        }) {
            m.priority = 83;
            m.rule = "pattern.agency-head-first";
        }
    }
    // a body the gazetteer knows keeps the gazetteer's class, whatever its head word
    // says ("Commodity Credit\n    Corporation" wrapped in an indented list, which the
    // gazetteer's own match misses, is the government's corporation)
    let body = |c: EntityClass| matches!(c, EntityClass::Agency | EntityClass::Organization);
    if let Some(e) = lex
        .lookup(surface)
        .map(|i| &lex.entries[i])
        .filter(|e| e.class == class || body(e.class) && body(class))
    {
        if e.class != class {
            m.class = e.class;
            m.rule = match e.class {
                EntityClass::Agency => "pattern.agency-head",
                _ => "pattern.organization-head",
            };
        }
        m.take_entry(e);
    }
    out.push(m);
}

/// How a chunk glues names together (see [`glued`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Glue {
    /// Two bodies: `a..left_end` and `right..b`.
    Join { left_end: usize, right: usize },
    /// A body `a..at`, then a title (and a person's name) from `at`.
    Title(usize),
}

/// Titles that stand between a body's name and a person's ("... Security
/// Secretary Mayorkas"), never the last word of a body's name (`glue_titles` of
/// `data/words.toml`).
fn is_glue_title(w: &str) -> bool {
    GLUE_TITLES.contains(w)
}

/// Whether the words name a body by their head ("Department of Energy", "Congress").
fn names_body(words: &[&str]) -> bool {
    matches!(words, ["Congress" | "Senate" | "Parliament"])
        || matches!(
            classify(words),
            Some(EntityClass::Agency | EntityClass::Organization)
        )
}

/// Where the capitalized run `a..b` glues a body's name to another's with a
/// connector ("Department of the Treasury and Department of Education",
/// "Department of Energy to the Department of Homeland Security", "Congress on
/// Department of ...") or to a title and a person ("Department of Homeland
/// Security Secretary Alejandro Mayorkas"). A name's own connectors ("Department
/// of Health and Human Services", "Committee on Rules and Administration",
/// "National Oceanic and Atmospheric Administration") join no head-led name.
fn glued(text: &str, seg: &Segmented, lex: &Lexicon, a: usize, b: usize) -> Option<Glue> {
    let tok = |k: usize| seg.tok(text, k);
    // whether tokens x..y are a known body's whole name
    let known = |x: usize, y: usize| {
        lex.lookup(&text[seg.tokens[x].span.start..seg.tokens[y - 1].span.end])
            .is_some_and(|e| {
                matches!(
                    lex.entries[e].class,
                    EntityClass::Agency | EntityClass::Organization
                )
            })
    };
    let words = |x: usize, y: usize| (x..y).map(tok).collect::<Vec<_>>();
    let acronym = |w: &str| w.len() >= 2 && w.chars().all(|c| c.is_ascii_uppercase());
    // "Executive Director Property Review Board": a title before a body's name
    let lead = (a..b)
        .take_while(|&k| is_title_word(tok(k)) && tok(k) != "of")
        .last();
    if let Some(t) = lead.filter(|&t| is_glue_title(tok(t)) && t + 3 <= b) {
        if names_body(&words(t + 1, b)) && tok_is_cap(tok(t + 1)) {
            return Some(Glue::Join {
                left_end: a,
                right: t + 1,
            });
        }
    }
    // "Department of Homeland Security Cybersecurity and Infrastructure Security
    // Agency": a known body's name, then another's
    if let Some(k) =
        (a + 2..b.saturating_sub(1)).find(|&k| tok_is_cap(tok(k)) && known(a, k) && known(k, b))
    {
        return Some(Glue::Join {
            left_end: k,
            right: k,
        });
    }
    for k in a + 1..b {
        let c = tok(k);
        // "Trinity University in San Antonio", "County District Attorney’s Office in
        // Houston", "Purdue University in Agriculture Education": a body's name ends on
        // its head, and "in" a place or a field of study is no part of it (an
        // embassy's or a consulate's is: "U.S. Embassy in London"; and a known name
        // keeps its own: "American Institute in Taiwan")
        if c == "in"
            && k > a + 1
            && k + 1 < b
            && tok_is_cap(tok(k + 1))
            && {
                let h = tok(k - 1);
                (AGENCY_HEADS.contains(&h) || BODY_HEADS.contains(&h) || ORG_HEADS.contains(&h))
                    && !PLACE_NAMED_HEADS.contains(&h)
            }
            && names_body(&words(a, k))
            && !known(a, b)
            // (nor an act's: "Online Trust in Government Act of 2020")
            && !matches!(
                classify(&words(a, b)),
                Some(EntityClass::Policy | EntityClass::Memo)
            )
        {
            return Some(Glue::Title(k));
        }
        // "House Committee on Oversight for Chairman Jane Roe", "… on the Judiciary
        // for Ranking Member John Doe": a body, then whom a letter went to
        if c == "for"
            && k + 2 < b
            && (is_glue_title(tok(k + 1)) || tok(k + 1) == "Ranking")
            && names_body(&words(a, k))
        {
            return Some(Glue::Title(k));
        }
        // "Committee on Ways and Means Subcommittee on Health": a committee, then
        // its subcommittee
        if c == "Subcommittee"
            && k > a + 2
            && k + 2 < b
            && tok(k + 1) == "on"
            && (a..k).any(|t| tok(t) == "Committee")
            && names_body(&words(a, k))
        {
            return Some(Glue::Join {
                left_end: k,
                right: k,
            });
        }
        // "Subcommittee on Homeland Security of the Committee on Appropriations": a
        // subcommittee, then the committee it belongs to
        if c == "of"
            && k + 3 < b
            && tok(k + 1) == "the"
            && tok(k + 2) == "Committee"
            && (a..k).any(|t| tok(t) == "Subcommittee")
        {
            return Some(Glue::Join {
                left_end: k,
                right: k + 2,
            });
        }
        // "… Court of Appeals for the Second Circuit and Justice Thurgood Roe": a
        // body, then a title and a person
        if c == "and"
            && k + 2 < b
            && (is_glue_title(tok(k + 1)) || matches!(tok(k + 1), "Justice" | "Judge"))
            && b - k <= 5
            && (k + 2..b).all(|t| tok_is_cap(tok(t)))
            && names_body(&words(a, k))
        {
            return Some(Glue::Title(k));
        }
        // "NYC Department of City Planning and Chair of the City Planning
        // Commission", "… Office of Public Engagement NAME and Senior Director for
        // the …": a body, then "and" and a title of something else
        if c == "and" && k + 3 < b && names_body(&words(a, k)) {
            let mut t = k + 1;
            while t + 1 < b && TITLE_MODIFIERS.contains(&tok(t)) {
                t += 1;
            }
            if is_glue_title(tok(t)) && (t + 1 == b || matches!(tok(t + 1), "of" | "for")) {
                return Some(Glue::Title(k));
            }
        }
        // "Department of Health and Human Services Director of the Office of
        // Global Affairs NAME": a known body's whole name, then a title of another
        // (any body before an executive's abbreviated title: "… Business SVP for
        // Advocacy NAME")
        if k > a + 1
            && k + 2 < b
            && is_glue_title(c)
            && matches!(tok(k + 1), "of" | "for")
            && (known(a, k)
                || matches!(c, "SVP" | "EVP" | "VP" | "CFO" | "COO" | "CTO" | "CIO")
                    && names_body(&words(a, k)))
        {
            return Some(Glue::Title(k));
        }
        // "... Children the National Emergency ...": a "the" no connector leads
        // to starts another name
        // (not after a preposition in title case: "Lowering Costs Through the ...")
        if c == "the"
            && k + 1 < b
            && tok_is_cap(tok(k - 1))
            && with_lower(tok(k - 1), |prev| {
                !is_connector(prev)
                    && !ACT_CONNECTORS.contains(&prev)
                    && !matches!(
                        prev,
                        "through" | "toward" | "towards" | "upon" | "via" | "between" | "beyond"
                    )
            })
            // (nor a policy's purpose, a verb and its object: "Strategy to
            // Address the Root Causes of Migration", "Plan to Defeat the …",
            // "Strategy for Addressing the …")
            && !(k >= a + 3
                && (tok(k - 2) == "to"
                    || matches!(tok(k - 2), "for" | "on") && tok(k - 1).ends_with("ing"))
                && POLICY_HEADS.contains(&tok(k - 3)))
        {
            return Some(Glue::Join {
                left_end: k,
                right: k + 1,
            });
        }
        // "... Urban Development 9 Department of the Interior": a stray number
        if seg.tokens[k].kind == TokKind::Number
            && k + 2 < b
            && is_body_head(tok(k + 1))
            && names_body(&words(k + 1, b))
            && names_body(&words(a, k))
        {
            return Some(Glue::Join {
                left_end: k,
                right: k + 1,
            });
        }
        if k + 1 >= b
            || !matches!(
                c,
                "and" | "or" | "to" | "on" | "in" | "with" | "from" | "by" | "at"
            )
        {
            continue;
        }
        // "Committee on Armed Services", "Commission on Civil Rights": the name's own
        // "on" (but "Congress on ...", "Department of Energy on ..." are two names)
        if c == "on"
            && !matches!(tok(a), "Congress" | "Senate" | "Parliament")
            && !(a + 1..k).any(|t| matches!(tok(t), "of" | "for"))
        {
            continue;
        }
        let mut r = k + 1;
        if tok(r) == "the" {
            r += 1;
        }
        if r >= b {
            break;
        }
        // the right part's head word, after "U.S.", "United States", "Federal",
        // "National" or an acronym ("EPA Office of ...")
        let mut h = r;
        let mut modified = false;
        if h + 2 < b && tok(h) == "United" && tok(h + 1) == "States" {
            h += 2;
            modified = true;
        } else if h + 1 < b
            && (matches!(tok(h), "U.S." | "US" | "Federal" | "National") || acronym(tok(h)))
        {
            h += 1;
            modified = true;
        }
        let left = words(a, k);
        let right = words(r, b);
        let left_ok = names_body(&left) || matches!(left.as_slice(), [w] if is_body_head(w));
        let head_first =
            is_body_head(tok(h)) || modified && is_body_head(tok(h + 1).trim_end_matches('.'));
        let right_body = names_body(&right);
        let joined = match c {
            // "Department of Health and Human Services", "National Oceanic and
            // Atmospheric Administration", "Committee on Rules and Administration":
            // an "and" inside a name; two names when the right one is led by its
            // head or a government word, or the left one ends with its head
            "and" | "or" => {
                right.len() >= 2
                    && right_body
                    && (is_body_head(tok(h))
                        || known(r, b)
                        // ("University of Maryland and Northern Illinois University",
                        // "London School of Economics and New York University": two
                        // institutions, each whole)
                        // (not a subject's coordination: "School for Cyber
                        // Technology and Engineering Foundation")
                        || right.last().is_some_and(|w| ORG_HEADS.contains(w))
                            && !left
                                .iter()
                                .chain(right.iter())
                                .any(|w| matches!(*w, "for" | "on" | "to"))
                            && matches!(classify(&right), Some(EntityClass::Organization))
                            && matches!(classify(&left), Some(EntityClass::Organization))
                        || modified && matches!(classify(&right), Some(EntityClass::Agency))
                        || left.last().is_some_and(|w| is_body_head(w))
                            && left.len() >= 2
                            && !left
                                .iter()
                                .any(|w| matches!(*w, "of" | "on" | "for" | "to" | "in")))
            }
            // "... in the Puerto Rico Department of Justice", "... in the Oval Office"
            "in" => right_body,
            // "... to the Department", "Congress on Department of ..."
            _ => head_first && (right_body || right.len() == 1),
        };
        if joined && left_ok {
            return Some(Glue::Join {
                left_end: k,
                right: r,
            });
        }
        // "President Biden and European Commission President NAME": a titled person's
        // name, then a body's name; the body is the name (but "Bill and Melinda Gates
        // Foundation", "Energy and Commerce Committee" are one name)
        if k == a + 1
            && a > 0
            && is_glue_title(tok(a - 1))
            && matches!(c, "and" | "with")
            && !is_body_head(tok(a))
            && !lex.is_common_word(tok(a))
            && r + 2 <= b
            && right_body
            && is_body_head(tok(b - 1))
        {
            return Some(Glue::Join {
                left_end: a,
                right: r,
            });
        }
    }
    // "Office of Intelligence and Analysis of the Department": a generic parent
    if b >= a + 4
        && AGENCY_HEADS.contains(&tok(b - 1))
        && tok(b - 2) == "the"
        && matches!(tok(b - 3), "of" | "in")
    {
        return Some(Glue::Title(b - 3));
    }
    // "Office of the National Cyber Director", "Office of the Legal Adviser
    // Jane Roe": an office named by its head's title; the title is the name's own
    // (a person's name may follow it)
    if let Some(o) = (a..b.saturating_sub(3))
        .find(|&k| tok(k) == "Office" && tok(k + 1) == "of" && tok(k + 2) == "the")
    {
        if let Some(t) = (o + 3..b).find(|&k| is_glue_title(tok(k))) {
            if t + 1 == b {
                return None;
            }
            // (or a place after it: "… Legal Adviser at State")
            if (t + 1..b).all(|k| tok_is_cap(tok(k)) && !is_body_head(tok(k))) && b - t <= 4
                || matches!(tok(t + 1), "at" | "in")
            {
                return Some(Glue::Title(t + 1));
            }
        }
    }
    // "Director of the White House Office of Public Engagement Jane Roe": the body
    // of a title written before it ("TITLE of the"), then a person's name (a first
    // name, no common word, and one or two surnames): the person is no part of it
    let title_before = match a {
        0 | 1 => false,
        _ if tok(a - 1) == "the" => a >= 3 && tok(a - 2) == "of" && is_glue_title(tok(a - 3)),
        _ => tok(a - 1) == "of" && is_glue_title(tok(a - 2)),
    };
    if title_before && b >= a + 4 {
        let first = (b.saturating_sub(3)..b - 1).find(|&k| {
            let w = tok(k);
            k >= a + 2
                && lex.is_first_name(w)
                && !lex.is_common_word(w)
                // (not a subject's words: "Society for Marine …", "… for Prince George's")
                && tok_is_cap(tok(k - 1))
                && !is_connector(tok(k - 1))
                && (k..b).all(|t| {
                    seg.tokens[t].kind == TokKind::Word
                        && (could_be_surname(tok(t)) || is_initial(tok(t)))
                })
        });
        if let Some(k) = first.filter(|&k| {
            matches!(
                classify(&words(a, k)),
                Some(EntityClass::Agency | EntityClass::Organization)
            )
        }) {
            return Some(Glue::Title(k));
        }
    }
    // a title after a body's name, then at most three capitalized words of a
    // person's name (or nothing): "... Security Secretary Mayorkas"
    // ("... Technology Director Michael ...", "... Budget Acting Director Jane ...")
    static TITLE_MODIFIERS: Words = Words::new("glue_title_modifiers");
    (a + 2..b)
        .find(|&k| {
            let before = tok(k - 1);
            let mut j = k;
            while j + 1 < b && TITLE_MODIFIERS.contains(&tok(j)) {
                j += 1;
            }
            let title = is_glue_title(tok(j));
            // ("... Association President and CEO NAME": titles joined by "and")
            while title && j + 2 < b && tok(j + 1) == "and" && is_glue_title(tok(j + 2)) {
                j += 2;
            }
            title
                && !is_connector(before)
                && !TITLE_MODIFIERS.contains(&before)
                && !is_glue_title(before)
                && !matches!(
                    before,
                    "Cabinet" | "Permanent" | "Press" | "General" | "Chief"
                )
                && b - j <= 4
                && (j + 1..b).all(|t| {
                    let w = tok(t);
                    seg.tokens[t].kind == TokKind::Word
                        && tok_is_cap(w)
                        && (could_be_surname(w)
                            || is_initial(w)
                            || w.len() == 1 && w.chars().all(|c| c.is_ascii_uppercase())
                            || is_title_word(w))
                })
                && matches!(
                    classify(&words(a, k)),
                    Some(EntityClass::Agency | EntityClass::Organization)
                )
        })
        .map(Glue::Title)
}

/// Where a capitalized word glues a participle with a hyphen
/// ("Security-funded", "DHS-led", "Treasury-run"): the byte offset of the hyphen.
fn hyphen_glued(w: &str) -> Option<usize> {
    let h = w.rfind('-')?;
    let tail = &w[h + 1..];
    (h > 0
        && tail.len() >= 3
        && tail.chars().all(|c| c.is_ascii_lowercase())
        && (tail.ends_with("ed") || matches!(tail, "run" | "era")))
    .then_some(h)
}

/// "Full Name (ACR)" and "ACR (Full Name)".
fn acronym_definitions(text: &str, seg: &Segmented, lex: &Lexicon, out: &mut Vec<Mention>) {
    let toks = &seg.tokens;
    // candidates by the offset where they end (kept up to date as definitions are
    // added), so that finding a long form stays linear in long documents
    type ByEnd = HashMap<usize, Vec<usize>, super::lexicon::Fast>;
    let mut by_end: ByEnd = HashMap::default();
    for (k, m) in out.iter().enumerate() {
        by_end.entry(m.span.end).or_default().push(k);
    }
    let push = |out: &mut Vec<Mention>, by_end: &mut ByEnd, m: Mention| {
        by_end.entry(m.span.end).or_default().push(out.len());
        out.push(m);
    };
    for i in 1..toks.len().saturating_sub(2) {
        if seg.tok(text, i) != "(" || seg.tok(text, i + 2) != ")" {
            continue;
        }
        let acr = seg.tok(text, i + 1);
        // generic abbreviations of document kinds are not names: "(EO)", "(NSM)", "(MOU)"
        if !is_acronym_shape(acr)
            || matches!(
                acr,
                "EO" | "EOs" | "NSM" | "PM" | "MOU" | "MOA" | "PPD" | "NPRM" | "FAQ"
            )
        {
            continue;
        }
        // the long form: the candidate mention ending right before "(" (possibly "'s")
        let mut before = i;
        if seg.tokens[before - 1].kind == TokKind::Possessive {
            before -= 1;
        }
        let end = seg.tokens[before - 1].span.end;
        let long = by_end
            .get(&end)
            .into_iter()
            .flatten()
            .map(|&k| &out[k])
            .filter(|m| !m.anaphor && m.class != EntityClass::Person)
            .max_by_key(|m| (m.priority, m.span.end - m.span.start))
            .cloned();
        let acr_span = seg.tokens[i + 1].span;
        match long {
            Some(l)
                if initials_match(acr, &l.name)
                    || initials_match(acr, unit_stripped(&l.name))
                    || lex.lookup_acronym(acr).is_some_and(|e| {
                        Some(&lex.entries[e].canonical) == l.canonical.as_ref()
                    })
                    || l.canonical.is_none() && initials_match(acr, &l.name) =>
            {
                let mut m = Mention::new(acr_span, l.class, acr, "acronym.definition", 95);
                m.key = l.key.clone();
                m.canonical = l.canonical.clone();
                m.parent = l.parent.clone();
                push(out, &mut by_end, m);
            }
            Some(l)
                if lex
                    .lookup_acronym(acr)
                    .is_some_and(|e| similar_names(&l.name, &lex.entries[e].canonical)) =>
            {
                // "Immigrations and Customs Enforcement (ICE)": a variant of a known agency
                // (not "Office of Federal Student Aid (FSA)", another body than the list's FSA)
                let e = &lex.entries[lex.lookup_acronym(acr).unwrap_or(0)];
                if e.class == l.class || l.rule.starts_with("pattern") {
                    let mut long_m = l.clone();
                    long_m.key = class_key(e.class, &e.canonical);
                    long_m.class = e.class;
                    long_m.canonical = Some(e.canonical.clone());
                    long_m.priority = 92;
                    long_m.rule = "acronym.definition";
                    push(out, &mut by_end, long_m);
                }
            }
            _ => {
                // a capitalized run before "(" whose initials spell the acronym, in no other rule
                let Some(start) = long_form_start(text, seg, before, acr) else {
                    continue;
                };
                let span = Span::new(seg.tokens[start].span.start, end);
                let name = &text[span.start..span.end];
                let words: Vec<&str> = (start..before).map(|k| seg.tok(text, k)).collect();
                // the known acronym counts only when the long form names the same entry
                let known = lex
                    .lookup_acronym(acr)
                    .filter(|&e| {
                        lex.lookup(name) == Some(e)
                            || similar_names(name, &lex.entries[e].canonical)
                    })
                    .map(|e| &lex.entries[e]);
                // "Enforcement and Removal Operations (ERO)", "Homeland Security
                // Investigations (HSI)": a defined unit of an agency
                let unit = || {
                    matches!(words.last().copied(), Some("Operations" | "Investigations"))
                        .then_some(EntityClass::Agency)
                };
                let class = known
                    .map(|e| e.class)
                    .or_else(|| classify(&words))
                    .or_else(unit);
                let Some(class) = class else { continue };
                let mut long_m = Mention::new(span, class, name, "acronym.definition", 92);
                if let Some(e) = known {
                    long_m.take_entry(e);
                }
                let mut m = Mention::new(acr_span, class, acr, "acronym.definition", 95);
                m.key = long_m.key.clone();
                m.canonical = long_m.canonical.clone();
                push(out, &mut by_end, long_m);
                push(out, &mut by_end, m);
            }
        }
    }
    // "Full Name (Short Name)": a multi-word short name in parentheses
    for i in 1..toks.len().saturating_sub(3) {
        if seg.tok(text, i) != "(" {
            continue;
        }
        let Some(close) = (i + 2..(i + 8).min(toks.len())).find(|&k| seg.tok(text, k) == ")")
        else {
            continue;
        };
        let inner = Span::new(toks[i + 1].span.start, toks[close - 1].span.end);
        let end = toks[i - 1].span.end;
        let long = by_end
            .get(&end)
            .into_iter()
            .flatten()
            .map(|&k| &out[k])
            .filter(|m| {
                matches!(
                    m.class,
                    EntityClass::Agency | EntityClass::Organization | EntityClass::Policy
                )
            })
            .max_by_key(|m| (m.priority, m.span.end - m.span.start))
            .cloned();
        let Some(long) = long else { continue };
        let short_words: Vec<&str> = text[inner.start..inner.end].split_whitespace().collect();
        if short_words.len() < 2
            || !short_words
                .iter()
                .all(|w| tok_is_cap(w) && long.name.contains(*w))
        {
            continue;
        }
        for &k in by_end.get(&inner.end).into_iter().flatten() {
            let m = &mut out[k];
            if m.span == inner {
                m.key = long.key.clone();
                m.class = long.class;
                m.canonical = long.canonical.clone();
            }
        }
        let mut m = Mention::new(
            inner,
            long.class,
            &text[inner.start..inner.end],
            "acronym.short-name",
            94,
        );
        m.key = long.key.clone();
        m.canonical = long.canonical.clone();
        push(out, &mut by_end, m);
    }
    abbreviation_list(text, lex, out);
    // later bare uses of a defined acronym: searched once from the first
    // definition of each (acronym, entity) pair, however often it is repeated
    let mut seen_defs: std::collections::HashSet<(String, String)> = Default::default();
    let defined: Vec<Mention> = out
        .iter()
        .filter(|m| m.rule == "acronym.definition" && is_acronym_shape(&m.name))
        .filter(|m| seen_defs.insert((m.name.clone(), m.key.clone())))
        .cloned()
        .collect();
    for d in defined {
        let mut from = d.span.end;
        while let Some(p) = text[from..].find(d.name.as_str()) {
            let s = from + p;
            let e = s + d.name.len();
            from = e;
            let ok_before = !text[..s]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric() || c == '-');
            let ok_after = !text[e..]
                .chars()
                .next()
                .is_some_and(|c| c.is_alphanumeric());
            if ok_before && ok_after {
                let mut m = d.clone();
                m.span = Span::new(s, e);
                m.rule = "acronym.use";
                m.priority = 62;
                out.push(m);
            }
        }
    }
}

/// A report's or rule's list of abbreviations: under a heading line
/// "Abbreviations" (or "Acronyms", "List of Abbreviations", …), lines
/// "ACR  Full Name" define the acronym as the full name's. A mention glued
/// over both ("FSA Office of Federal Student Aid") is cut to the full name.
fn abbreviation_list(text: &str, lex: &Lexicon, out: &mut Vec<Mention>) {
    const HEADINGS: [&str; 6] = [
        "abbreviations",
        "acronyms",
        "abbreviations and acronyms",
        "acronyms and abbreviations",
        "list of abbreviations",
        "list of acronyms",
    ];
    let mut offset = 0;
    let mut lines = text.split_inclusive('\n').map(|l| {
        let at = offset;
        offset += l.len();
        (at, l.trim_end())
    });
    while let Some((_, line)) = lines.next() {
        if !HEADINGS.iter().any(|h| line.trim().eq_ignore_ascii_case(h)) {
            continue;
        }
        let mut misses = 0;
        for (at, line) in lines.by_ref().take(150) {
            if line.trim().is_empty() {
                continue;
            }
            let lead = line.len() - line.trim_start().len();
            let body = line.trim_start();
            let Some(gap) = body.find(char::is_whitespace) else {
                misses += 1;
                if misses > 3 {
                    break;
                }
                continue;
            };
            let acr = &body[..gap];
            let name = body[gap..].trim_start();
            if !is_acronym_shape(acr) || !name.starts_with(char::is_uppercase) || name.len() > 120 {
                misses += 1;
                if misses > 3 {
                    break;
                }
                continue;
            }
            misses = 0;
            let acr_span = Span::new(at + lead, at + lead + gap);
            let name_start = at + line.len() - name.len();
            let name_span = Span::new(name_start, name_start + name.len());
            // a mention over the acronym and the name: the name alone
            for m in out.iter_mut() {
                if m.span.start == acr_span.start && m.span.end > acr_span.end && !m.anaphor {
                    m.span = Span::new(name_start, m.span.end.max(name_start));
                    m.name = text[m.span.start..m.span.end].to_string();
                    m.hint = None;
                    match lex.lookup(&m.name) {
                        Some(e) => m.take_entry(&lex.entries[e]),
                        None => {
                            m.key = class_key(m.class, &m.name);
                            m.canonical = None;
                            m.parent = None;
                        }
                    }
                }
            }
            let long = out
                .iter()
                .filter(|m| m.span == name_span && !m.anaphor && m.class != EntityClass::Person)
                .max_by_key(|m| m.priority)
                .cloned();
            let long = match long {
                Some(l) => l,
                None => {
                    let words: Vec<&str> = name.split_whitespace().collect();
                    let known = lex.lookup(name).map(|e| &lex.entries[e]);
                    let Some(class) = known.map(|e| e.class).or_else(|| classify(&words)) else {
                        continue;
                    };
                    let mut l = Mention::new(name_span, class, name, "acronym.definition", 92);
                    if let Some(e) = known {
                        l.take_entry(e);
                    }
                    out.push(l.clone());
                    l
                }
            };
            let mut m = Mention::new(acr_span, long.class, acr, "acronym.definition", 95);
            m.key = long.key.clone();
            m.canonical = long.canonical.clone();
            m.parent = long.parent.clone();
            out.push(m);
        }
    }
}

/// A unit's name without its leading kind ("Office of Federal Student Aid" ->
/// "Federal Student Aid"), whose initials an acronym may spell instead.
fn unit_stripped(name: &str) -> &str {
    for kind in [
        "Office of ",
        "Bureau of ",
        "Division of ",
        "Office for ",
        "Bureau for ",
    ] {
        if let Some(rest) = name.strip_prefix(kind) {
            return rest.strip_prefix("the ").unwrap_or(rest);
        }
    }
    name
}

/// Whether two names share most of their words ("Immigrations and Customs
/// Enforcement" and "Immigration and Customs Enforcement"), not just initials.
fn similar_names(a: &str, b: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.len() > 2 && !is_connector(&w.to_lowercase()))
            .map(|w| w.to_lowercase().trim_end_matches('s').to_string())
            .collect()
    };
    let (wa, wb) = (words(a), words(b));
    let shared = wa.iter().filter(|w| wb.contains(w)).count();
    !wa.is_empty() && shared * 2 >= wa.len().max(wb.len())
}

fn is_acronym_shape(s: &str) -> bool {
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    (2..=10).contains(&s.len())
        && s.chars().next().is_some_and(|c| c.is_ascii_uppercase())
        && s.chars().filter(|c| c.is_ascii_uppercase()).count() * 2 > letters
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '&')
}

/// Whether the acronym's letters are initials of the name's words, in order.
pub fn initials_match(acr: &str, name: &str) -> bool {
    let initials: Vec<char> = name
        .split(|c: char| c.is_whitespace() || c == '-' || c == '/')
        .filter(|w| !w.is_empty())
        .filter_map(|w| w.chars().next())
        .map(|c| c.to_ascii_uppercase())
        .collect();
    let letters: Vec<char> = acr
        .chars()
        .filter(|c| c.is_alphabetic())
        .map(|c| c.to_ascii_uppercase())
        .collect();
    if letters.is_empty() || initials.first() != letters.first() {
        return false;
    }
    let mut it = initials.iter();
    letters.iter().all(|l| it.any(|c| c == l))
}

fn long_form_start(text: &str, seg: &Segmented, before: usize, acr: &str) -> Option<usize> {
    let mut k = before;
    let mut best = None;
    while k > 0 && before - k < 12 {
        let w = seg.tok(text, k - 1);
        if !(tok_is_cap(w) || is_connector(w) || seg.tokens[k - 1].kind == TokKind::Number)
            || seg.sentence_of[k - 1] != seg.sentence_of[before - 1]
        {
            break;
        }
        k -= 1;
        if tok_is_cap(w) && !STARTERS.contains(&w) {
            let name = &text[seg.tokens[k].span.start..seg.tokens[before - 1].span.end];
            if initials_match(acr, name)
                && name.split_whitespace().filter(|w| tok_is_cap(w)).count()
                    >= acr.chars().filter(|c| c.is_alphabetic()).count().min(3)
            {
                best = Some(k);
            }
        }
    }
    best
}

/// Whether the tokens at `k` are a nickname in quotes between the parts of a
/// name on one line: an opening quote, one capitalised word, the closing quote,
/// then the next capitalised part ("“Bobby” Scott", "\"Sandy\" Winnefeld").
fn quoted_nickname(text: &str, seg: &Segmented, k: usize) -> bool {
    let toks = &seg.tokens;
    if k + 3 >= toks.len() || text[toks[k - 1].span.end..toks[k + 3].span.start].contains('\n') {
        return false;
    }
    let (open, nick, close, next) = (
        seg.tok(text, k),
        seg.tok(text, k + 1),
        seg.tok(text, k + 2),
        seg.tok(text, k + 3),
    );
    matches!((open, close), ("\u{201c}", "\u{201d}") | ("\"", "\""))
        && toks[k + 1].kind == TokKind::Word
        && toks[k + 3].kind == TokKind::Word
        && tok_is_cap(nick)
        && tok_is_cap(next)
        && nick.chars().all(char::is_alphabetic)
        // (a name's shape: "Bobby", "JoJo", "KC"; not a pun, "EGGucation")
        && (nick.chars().nth(1).is_some_and(char::is_lowercase)
            || nick.len() <= 3 && nick.chars().all(char::is_uppercase))
        // the quotes hug the nickname, spaces around them
        && toks[k].span.end == toks[k + 1].span.start
        && toks[k + 1].span.end == toks[k + 2].span.start
        && toks[k - 1].span.end < toks[k].span.start
        && toks[k + 2].span.end < toks[k + 3].span.start
}

/// Whether the token at `k` stands on the document's headline: its first line
/// of text (after a `date` line), alone before a blank line, of four words or more, whose words of five
/// letters or more are all capitalised, and not all upper case ("President Roe
/// Advances Energy Affordability with the Pledge").
fn headline_line(text: &str, seg: &Segmented, k: usize) -> bool {
    let at = seg.tokens[k].span.start;
    let mut start = 0;
    let line = loop {
        let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
        let line = text[start..end].trim();
        if !line.is_empty() && !line.starts_with("date ") {
            // (alone: a blank line or the end of the text after it)
            let alone = text[end..]
                .trim_start_matches([' ', '\t', '\r'])
                .starts_with("\n\n")
                || text[end..].trim().is_empty()
                || text[end..].starts_with('\n')
                    && text[end + 1..]
                        .trim_start_matches([' ', '\t', '\r'])
                        .starts_with('\n');
            break (alone && at >= start && at < end).then_some(line);
        }
        if end >= text.len() {
            break None;
        }
        start = end + 1;
    };
    let Some(line) = line else { return false };
    let words: Vec<&str> = line
        .split_whitespace()
        .filter(|w| {
            w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '-'))
        })
        .collect();
    words.len() >= 4
        && words
            .iter()
            .filter(|w| w.chars().count() >= 5)
            .all(|w| w.starts_with(char::is_uppercase))
        && words.iter().any(|w| w.chars().any(char::is_lowercase))
}

/// Whether `w` is the third person of a common word's verb ("Adjusts",
/// "Rescinds", "Reinstates", "Unleashes").
fn common_verb_form(lex: &Lexicon, w: &str) -> bool {
    // ("Re-designates": the verb after a hyphenated prefix)
    let w = w.rsplit('-').next().unwrap_or(w);
    w.strip_suffix('s').is_some_and(|stem| {
        stem.len() >= 3
            && (lex.is_common_word(stem)
                || stem
                    .strip_suffix('e')
                    .is_some_and(|s| s.len() >= 3 && lex.is_common_word(s)))
    }) || w
        .strip_suffix("ies")
        // ("Modifies", "Certifies": a verb in -y)
        .is_some_and(|s| s.len() >= 3 && lex.is_common_word(&format!("{s}y")))
}

/// Whether the text writes `w`, capitalised, as the last word of a name inside
/// a sentence elsewhere than at `at` (after a word or a comma, before a word in
/// lower case or a stop): a name's part ("Director Young said"), not a
/// headline's verb nor the inside of a longer name ("the Consumer Price Index").
fn written_as_name(text: &str, w: &str, at: usize) -> bool {
    text.match_indices(w).any(|(k, _)| {
        let after = &text[k + w.len()..];
        k != at
            && !after.starts_with(char::is_alphanumeric)
            && !after
                .trim_start_matches([' ', '\n'])
                .starts_with(char::is_uppercase)
            && text[..k].ends_with(' ')
            && text[..k]
                .trim_end_matches(' ')
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphabetic() || c == ',')
    })
}

/// Whether the name running from `start` to `end` stands elsewhere in the text
/// ("John Young" in the body keeps the "Young" of a headline's "John Young Named …").
fn name_goes_on(text: &str, start: usize, end: usize) -> bool {
    let name = &text[start..end];
    !name.contains('\n')
        && text
            .match_indices(name)
            .any(|(k, _)| k != start && !text[k + name.len()..].starts_with(char::is_alphabetic))
}

/// People: title + name, name + ", " + title, first-name + surname, names with middle initials,
/// all-caps signature lines.
fn people(text: &str, seg: &Segmented, lex: &Lexicon, out: &mut Vec<Mention>) {
    let toks = &seg.tokens;
    let mut i = 0;
    while i < toks.len() {
        let w = seg.tok(text, i);
        if toks[i].kind != TokKind::Word
            || !tok_is_cap(w)
            || is_title_word(w) && !is_initial(w)
            || lower_in(w, &HONORIFICS)
            // ("Vice President Announces New …": a headline's verb opens no name)
            || HEADLINE_VERBS.contains(w)
        {
            i += 1;
            continue;
        }
        // "Secretary of Homeland Security Alejandro N. Mayorkas": the end of a
        // title is no part of the name that follows it
        if let Some(first) = after_title_tail(text, seg, lex, i) {
            i = first;
            continue;
        }
        // a name: First [M.] Last [Jr.], each token capitalized, 2-4 tokens
        let mut end = i;
        let mut parts = Vec::new();
        while end < toks.len() && parts.len() < 5 {
            // a nickname in quotes inside the name ("Robert C. “Bobby” Scott") is
            // part of its span, not of its parts
            if !parts.is_empty() && quoted_nickname(text, seg, end) {
                end += 3;
                continue;
            }
            let t = seg.tok(text, end);
            // (or a surname wrapped to the next line within one sentence: "Energy
            // Secretary Chris" / "Wright:", "Secretary Alejandro N." / "Mayorkas
            // said": one word that could be a surname, and no capitalised word
            // after it, not the next line of a list, "Matt Roe" / "Department of …")
            let wrapped = end > i && {
                let gap = &text[toks[end - 1].span.end..toks[end].span.start];
                gap.matches('\n').count() == 1
                    && seg.sentence_of[end - 1] == seg.sentence_of[end]
                    && could_be_surname(t)
                    && !lex.is_common_word(t)
                    && toks.get(end + 1).is_none_or(|n| {
                        n.kind != TokKind::Word || !tok_is_cap(seg.tok(text, end + 1))
                    })
            };
            let same_line = end == i
                || wrapped
                || !text[toks[end - 1].span.end..toks[end].span.start].contains('\n');
            if !same_line || toks[end].kind != TokKind::Word || !tok_is_cap(t) {
                break;
            }
            if end > i
                && (is_title_word(t) && !is_initial(t)
                    // ("Rob Roe MD", "Ann Doe Ph.D.": a degree after the name)
                    // (not initials that read as one: "Frances M.D. Gulland")
                    || is_degree_abbreviation(t)
                        && !toks.get(end + 1).is_some_and(|n| {
                            n.kind == TokKind::Word
                                && tok_is_cap(seg.tok(text, end + 1))
                                && !is_degree_abbreviation(seg.tok(text, end + 1))
                        })
                    || t.ends_with("ing") && t.len() > 5
                    // ("President Roe Signs …": a headline's verb ends the name)
                    || HEADLINE_VERBS.contains(t)
                    // ("… Kamala Roe Call with …", "President Roe Adjusts Tariffs",
                    // "Georgia Disaster Declaration"): in a title-case headline, a
                    // common word or a verb of one that the text never writes
                    // after the name so far, nor as a name inside a sentence
                    || (lex.is_common_word(t) || common_verb_form(lex, t))
                        && headline_line(text, seg, end)
                        && !name_goes_on(text, toks[i].span.start, toks[end].span.end)
                        && !written_as_name(text, t, toks[end].span.start)
                    || matches!(
                        t.trim_end_matches('.'),
                        "Jr" | "Sr" | "JR" | "SR" | "II" | "III" | "IV"
                    ))
            {
                break;
            }
            parts.push(t);
            end += 1;
            // "Jr." / "Jr" after a comma
        }
        // suffix: ", Jr." or "Jr."
        let n = parts.len();
        if n >= 2 {
            let first = parts[0];
            let has_initial = parts[1..n - 1].iter().any(|p| is_initial(p));
            let all_caps = parts.iter().all(|p| {
                p.chars()
                    .filter(|c| c.is_alphabetic())
                    .all(|c| c.is_uppercase())
            });
            // "Santa Barbara", "San Luis Obispo": a place named after a saint
            let place = PLACE_NAME_STARTS.contains(&first)
                || i > 0 && PLACE_NAME_STARTS.contains(&seg.tok(text, i - 1));
            let name_like = !place
                && parts.iter().all(|p| {
                    p.chars().filter(|c| c.is_alphabetic()).count() >= 1
                        && !AGENCY_HEADS.contains(p)
                        && !POLICY_HEADS.contains(p)
                        && !MEMO_HEADS.contains(p)
                        && !ORG_HEADS.contains(p)
                        && !BODY_HEADS.contains(p)
                        && !AWARD_WORDS.contains(p)
                        && !GOV_MODIFIERS.contains(p)
                        && !STARTERS.contains(p)
                        && !PLACE_WORDS.contains(p)
                        // ("Chief Financial Officers": a title's plural is no name)
                        && !p
                            .strip_suffix('s')
                            .is_some_and(|w| w.len() > 3 && TITLE_HEADS.contains(w))
                        && lex.lookup_acronym(p).is_none()
                });
            // "L. Francis Cissna": a first initial before a known first name
            let initial_then_first = n >= 3
                && is_initial(first)
                && (lex.is_first_name(parts[1])
                    || all_caps && lex.is_first_name(&capitalize(parts[1])));
            let first_ok = (lex.is_first_name(first)
                || all_caps && lex.is_first_name(&capitalize(first))
                || initial_then_first)
                && !lex.is_common_word(parts[n - 1]);
            // (an abbreviated title is two tokens, "Sen" and its dot: "Sen. Jim Banks")
            let abbreviated_title = i > 1
                && seg.tok(text, i - 1) == "."
                && toks[i - 2].span.end == toks[i - 1].span.start
                && PERSON_TITLES.contains(&format!("{}.", seg.tok(text, i - 2)));
            // the title before the name ("Sen" of "Sen. NAME")
            let title_tok = (i > 0).then(|| seg.tok(text, i - 1 - usize::from(abbreviated_title)));
            let titled = i > 0
                && (PERSON_TITLES.contains(&seg.tok(text, i - 1)) || abbreviated_title)
                && title_tok.is_some_and(tok_is_cap)
                && !text[toks[i - 1].span.end..toks[i].span.start].contains('\n')
                // ("Chief Human Capital Officer", "Climate and Economic Justice
                // Screening Tool"): words between a title's first word and its
                // head, or common words after a title word, are no name
                && !(end < toks.len()
                    && {
                        let t = seg.tok(text, end);
                        TITLE_HEADS.contains(t)
                            || t.strip_suffix('s').is_some_and(|w| TITLE_HEADS.contains(w))
                    }
                    && !text[toks[end - 1].span.end..toks[end].span.start].contains('\n'))
                && (lex.is_first_name(parts[0])
                    // (a form of address is never an adjective: "Rep. Don Young")
                    || title_tok.is_some_and(|t| {
                        HONORIFICS.contains(&t.to_lowercase()) || ELECTED_TITLES.contains(t)
                    })
                    || !parts.iter().all(|p| lex.is_common_word(p)));
            let last = parts[n - 1];
            let last_ok =
                last.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !is_initial(last);
            // "Kirstjen Nielsen, the Secretary of Homeland Security, ...": a job
            // title in apposition after an unknown first name
            let appositive_title = !all_caps
                && n <= 3
                && end + 2 < toks.len()
                && seg.tok(text, end) == ","
                && parts
                    .iter()
                    .all(|p| could_be_surname(p) && !lex.is_common_word(p))
                // not the tail of a longer name ("Secretary of Agriculture Tom Vilsack")
                && (i == 0 || seg.sentence_of[i - 1] != seg.sentence_of[i] || {
                    let prev = seg.tok(text, i - 1);
                    // nor a place after a preposition ("in Los Angeles, the Director ...")
                    !tok_is_cap(prev)
                        && !PLACE_PREPOSITIONS.contains(prev)
                })
                && {
                    // ", the Secretary of ...", ", then Director ...": a determiner first
                    let mut k = end + 1;
                    while k < toks.len()
                        && k < end + 3
                        && matches!(seg.tok(text, k), "the" | "a" | "then" | "former" | "now")
                    {
                        k += 1;
                    }
                    let start = seg.tok(text, k.min(toks.len() - 1));
                    let strong_start = start != "General"
                        && (TITLE_HEADS.contains(&start)
                            || TITLE_RANK_STARTS.contains(start));
                    k > end + 1
                        && strong_start
                        && (k..(k + 3).min(toks.len()))
                            .take_while(|&t| tok_is_cap(seg.tok(text, t)))
                            .any(|t| TITLE_HEADS.contains(&seg.tok(text, t)))
                        || lower_title_of(text, seg, k)
                };
            // after a title only, a name holds no title or office words
            // ("Deputy Campaign Manager", "Chief Public Affairs Officer")
            let titled = titled
                && parts
                    .iter()
                    .all(|p| !is_title_word(p) && !OFFICE_WORDS.contains(p));
            // "FROM: Jeh Charles Johnson", "By Satya Roe": a whole line's name
            // after a sender's or an author's label, whatever its first name
            let header_name = !all_caps
                && n <= 4
                && i >= 1
                && parts
                    .iter()
                    .all(|p| could_be_surname(p) && !lex.is_common_word(p))
                && (end >= toks.len()
                    || text[toks[end - 1].span.end..toks[end].span.start].contains('\n'))
                && {
                    let (a, b) = (
                        if i >= 2 { seg.tok(text, i - 2) } else { "" },
                        seg.tok(text, i - 1),
                    );
                    let line_start = |k: usize| {
                        k == 0 || text[toks[k - 1].span.end..toks[k].span.start].contains('\n')
                    };
                    b == ":"
                        && matches!(a, "FROM" | "From" | "TO" | "To" | "Author" | "AUTHOR")
                        && line_start(i - 2)
                        || b == "By" && line_start(i - 1)
                };
            // "Dawn Roe, of Ohio, to be Assistant Secretary …": a nominee's line,
            // whatever its first name
            let nominee = !all_caps
                && (2..=5).contains(&n)
                && parts.iter().all(|p| could_be_surname(p))
                && (i == 0 || text[toks[i - 1].span.end..toks[i].span.start].contains('\n'))
                && end + 3 < toks.len()
                && seg.tok(text, end) == ","
                && seg.tok(text, end + 1) == "of"
                && (end + 2..(end + 10).min(toks.len().saturating_sub(2))).any(|c| {
                    seg.tok(text, c) == ","
                        && seg.tok(text, c + 1) == "to"
                        && seg.tok(text, c + 2) == "be"
                });
            // "Orelia Roe has served as …" at a sentence's start: a biography's subject
            // (looked for only when a first name or an initial does not decide: it
            // reads the whole text)
            let bio_subject = !all_caps
                && !first_ok
                && !has_initial
                && (2..=3).contains(&n)
                && parts
                    .iter()
                    .all(|p| could_be_surname(p) && !lex.is_common_word(p))
                && (i == 0 || seg.sentence_of[i - 1] != seg.sentence_of[i])
                && end + 1 < toks.len()
                && {
                    let two = format!("{} {}", seg.tok(text, end), seg.tok(text, end + 1));
                    BIO_NAME_VERBS.contains(two.as_str())
                }
                // (not the surnames of a fuller name: "Fiona Whelan Prine … Whelan Prine
                // received …")
                && {
                    let name = &text[toks[i].span.start..toks[end - 1].span.end];
                    !text.match_indices(name).any(|(k, _)| {
                        text[..k]
                            .strip_suffix(' ')
                            .and_then(|b| b.rsplit([' ', '\n']).next())
                            .is_some_and(tok_is_cap)
                    })
                };
            let evidence = if all_caps {
                first_ok || has_initial
            } else {
                first_ok
                    || has_initial
                    || titled && n <= 3
                    || appositive_title
                    || header_name
                    || nominee
                    || bio_subject
            };
            if name_like && last_ok && evidence {
                let mut span = Span::new(toks[i].span.start, toks[end - 1].span.end);
                // Jr. / Sr. / II / III suffix
                let mut k = end;
                if k < toks.len()
                    && seg.tok(text, k) == ","
                    && k + 1 < toks.len()
                    && matches!(
                        seg.tok(text, k + 1).trim_end_matches('.'),
                        "Jr" | "Sr" | "JR" | "SR"
                    )
                {
                    k += 1;
                }
                if k < toks.len()
                    && matches!(
                        seg.tok(text, k).trim_end_matches('.'),
                        "Jr" | "Sr" | "JR" | "SR" | "II" | "III" | "IV"
                    )
                {
                    span.end = toks[k].span.end;
                    if k + 1 < toks.len()
                        && seg.tok(text, k + 1) == "."
                        && toks[k + 1].span.start == toks[k].span.end
                    {
                        span.end = toks[k + 1].span.end;
                    }
                }
                let surface = text[span.start..span.end].to_string();
                let name = if all_caps {
                    title_case_name(&surface)
                } else {
                    surface.split_whitespace().collect::<Vec<_>>().join(" ")
                };
                let rule = if all_caps {
                    "person.signature-caps"
                } else if titled {
                    "person.titled"
                } else if first_ok {
                    "person.first-name"
                } else if header_name && !has_initial {
                    "person.header-name"
                } else if nominee && !has_initial {
                    "person.nominee"
                } else if appositive_title && !has_initial {
                    "person.appositive-title"
                } else if bio_subject && !has_initial {
                    "person.bio-subject"
                } else {
                    "person.initial"
                };
                // "Roe & Lee LLP", "Doe Stanley Foundation": a firm named after people
                let next_word = text[span.end..]
                    .trim_start_matches([',', ' '])
                    .split(|c: char| !c.is_alphanumeric() && c != '.')
                    .next()
                    .unwrap_or("");
                if ORG_HEADS.contains(&next_word) || FIRM_SUFFIXES.contains(&next_word) {
                    i = end;
                    continue;
                }
                let mut m = Mention::new(span, EntityClass::Person, name, rule, 70);
                m.key = person_key(&m.name);
                out.push(m);
                i = end;
                continue;
            }
        }
        i += 1;
    }
}

/// When token `i` starts the object of a title or a body ("Secretary of
/// Homeland Security", "Department of State") and a known first name follows
/// that object on the same line ("... Security Alejandro N. Mayorkas"), the
/// index of the first name: the person's name starts there.
fn after_title_tail(text: &str, seg: &Segmented, lex: &Lexicon, i: usize) -> Option<usize> {
    let toks = &seg.tokens;
    if i < 2 || !matches!(seg.tok(text, i - 1), "of" | "for") {
        return None;
    }
    // the title or body owns the object, maybe over more of it ("President of
    // the United States of America NAME")
    let owner = (i.saturating_sub(9)..i - 1).rev().find(|&k| {
        let w = seg.tok(text, k);
        is_title_word(w) && w != "of" || AGENCY_HEADS.contains(&w)
    })?;
    if !(owner + 1..i - 1).all(|k| {
        let w = seg.tok(text, k);
        matches!(w, "of" | "the" | "for") || toks[k].kind == TokKind::Word && tok_is_cap(w)
    }) {
        return None;
    }
    let first_name = |w: &str| lex.is_first_name(w) || lex.is_first_name(&capitalize(w));
    let mut j = i;
    while j < toks.len() && j < i + 4 {
        let w = seg.tok(text, j);
        // (a title may wrap: "Secretary of Homeland\nSecurity Alejandro ...")
        let blank_line = text[toks[j - 1].span.end..toks[j].span.start]
            .matches('\n')
            .count()
            > 1;
        if blank_line || toks[j].kind != TokKind::Word || !tok_is_cap(w) {
            return None;
        }
        // (a first name followed by another is part of the object: "... of
        // America Walter J. ...")
        let next_first = toks
            .get(j + 1)
            .is_some_and(|_| first_name(seg.tok(text, j + 1)));
        if first_name(w) && !next_first {
            break;
        }
        if is_initial(w) {
            return None;
        }
        j += 1;
    }
    // the object has a word, and the name a word after the first name
    let rest_cap = j + 1 < toks.len()
        && toks[j + 1].kind == TokKind::Word
        && tok_is_cap(seg.tok(text, j + 1))
        && !text[toks[j].span.end..toks[j + 1].span.start].contains('\n');
    (j > i && j < i + 4 && j < toks.len() && first_name(seg.tok(text, j)) && rest_cap).then_some(j)
}

/// "executive director of …", "a spokeswoman for …": a lower-case job title (at
/// most three modifiers, then a title head) from token `k`, followed by
/// "of", "for" or "at" and a capitalized name, as news copy writes it after a
/// person's name.
fn lower_title_of(text: &str, seg: &Segmented, k: usize) -> bool {
    let n = seg.tokens.len();
    for t in k..(k + 4).min(n) {
        let w = seg.tok(text, t);
        if seg.tokens[t].kind != TokKind::Word || !w.starts_with(|c: char| c.is_lowercase()) {
            return false;
        }
        if TITLE_HEADS.contains(&capitalize(w).as_str()) {
            let mut next = t + 1;
            if next < n && !matches!(seg.tok(text, next), "of" | "for" | "at") {
                return false;
            }
            next += 1;
            if next < n && seg.tok(text, next) == "the" {
                next += 1;
            }
            return next < n && tok_is_cap(seg.tok(text, next));
        }
    }
    false
}

fn is_initial(s: &str) -> bool {
    let t = s.trim_end_matches('.');
    t.chars().count() == 1 && t.chars().all(|c| c.is_uppercase()) && s.ends_with('.')
}

fn capitalize(w: &str) -> String {
    let mut c = w.chars();
    match c.next() {
        Some(f) => f
            .to_uppercase()
            .chain(c.flat_map(char::to_lowercase))
            .collect(),
        None => String::new(),
    }
}

/// "JOSEPH R. BIDEN JR." -> "Joseph R. Biden Jr."
pub fn title_case_name(s: &str) -> String {
    s.split_whitespace()
        .map(|w| {
            if w.trim_end_matches('.').chars().count() == 1 || matches!(w, "II" | "III" | "IV") {
                w.to_string()
            } else {
                w.split('-').map(capitalize).collect::<Vec<_>>().join("-")
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Honorifics written before a person's name, lower-cased without their period:
/// never part of the name.
static HONORIFICS: Words = Words::new("honorifics");
/// A White House adviser's titles, after the field they advise on ("Homeland
/// Security Advisor"), which may read as a department's short name.
static FIELD_ADVISER_TITLES: Words = Words::new("field_adviser_titles");
/// Titles of elected officials, never adjectives before a common noun ("Representative
/// Don Young", whose names are common words).
static ELECTED_TITLES: Words = Words::new("elected_titles");

/// Whether the text right after "Washington" makes it the capital's address
/// (", DC", ", D.C.", ", D. C.").
pub(crate) fn district_follows(rest: &str) -> bool {
    rest.strip_prefix(", D")
        .is_some_and(|r| r.trim_start_matches(['.', ' ']).starts_with('C'))
}

/// Whether a name ends with "Sr." (the father, not the son of the same name).
fn is_senior(name: &str) -> bool {
    name.split_whitespace()
        .last()
        .is_some_and(|w| w.trim_end_matches([',', '.']).eq_ignore_ascii_case("sr"))
}

/// Whether a word of a name is a suffix ("Jr.", "III", "M.D.").
fn is_name_suffix(p: &str) -> bool {
    matches!(
        p.trim_end_matches([',', '.']).to_lowercase().as_str(),
        "jr" | "sr" | "ii" | "iii" | "iv" | "esq" | "phd" | "md" | "m.d"
    )
}

/// Short forms of first names that stand for one full form only ("Dick"
/// Durbin is Richard Durbin, "Chuck" Schumer Charles Schumer): a person's
/// identity uses the full form. Forms shared by several names ("Chris",
/// "Pat", "Alex", "Sam") are left as written.
const NICKNAMES: &[(&str, &str)] = &[
    ("andy", "andrew"),
    ("ben", "benjamin"),
    ("bill", "william"),
    ("billy", "william"),
    ("bob", "robert"),
    ("bobby", "robert"),
    ("chuck", "charles"),
    ("dan", "daniel"),
    ("danny", "daniel"),
    ("dave", "david"),
    ("dick", "richard"),
    ("doug", "douglas"),
    ("greg", "gregory"),
    ("jeff", "jeffrey"),
    ("jen", "jennifer"),
    ("jim", "james"),
    ("jimmy", "james"),
    ("joe", "joseph"),
    ("ken", "kenneth"),
    ("larry", "lawrence"),
    ("liz", "elizabeth"),
    ("marty", "martin"),
    ("matt", "matthew"),
    ("mike", "michael"),
    ("mitch", "mitchell"),
    ("nick", "nicholas"),
    ("ron", "ronald"),
    ("steve", "steven"),
    ("tim", "timothy"),
    ("tom", "thomas"),
    ("tommy", "thomas"),
    ("tony", "anthony"),
];

/// A lower-case word without the accents of Latin letters ("iván" -> "ivan").
fn fold_accents(w: &str) -> String {
    w.chars()
        .map(|c| match c {
            'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'ā' => 'a',
            'é' | 'è' | 'ê' | 'ë' | 'ē' | 'ę' | 'ě' => 'e',
            'í' | 'ì' | 'î' | 'ï' | 'ī' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' | 'ō' | 'ő' => 'o',
            'ú' | 'ù' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => 'u',
            'ñ' | 'ń' | 'ň' => 'n',
            'ç' | 'ć' | 'č' => 'c',
            'ý' | 'ÿ' => 'y',
            'š' | 'ś' => 's',
            'ž' | 'ź' | 'ż' => 'z',
            'ř' => 'r',
            'ł' => 'l',
            other => other,
        })
        .collect()
}

/// The resolution key of a person: first and last name, without honorifics,
/// titles, middle names, initials and suffixes, without accents, and with the
/// full form of a first name written short ([`NICKNAMES`]).
pub fn person_key(name: &str) -> String {
    let mut parts: Vec<String> = name
        .split_whitespace()
        .skip_while(|p| {
            is_title_word(p)
                || HONORIFICS.contains(&p.trim_end_matches('.').to_lowercase().as_str())
        })
        .filter(|p| !is_name_suffix(p))
        .map(|p| fold_accents(&p.trim_end_matches([',', '.']).to_lowercase()))
        .filter(|p| p.chars().count() > 1)
        .collect();
    if parts.len() > 1 {
        if let Some(&(_, full)) = NICKNAMES.iter().find(|(short, _)| *short == parts[0]) {
            parts[0] = full.to_string();
        }
    }
    // "Sr." tells a father from his son of the same name
    let senior = if is_senior(name) { " sr" } else { "" };
    match (parts.first(), parts.last()) {
        (Some(f), Some(l)) if parts.len() > 1 => format!("person:{f} {l}{senior}"),
        (Some(f), _) => format!("person:{f}"),
        _ => "person:".into(),
    }
}

/// The surname of a person's name.
pub fn surname(name: &str) -> &str {
    name.split_whitespace()
        .rev()
        .map(|p| p.trim_end_matches([',', '.']))
        .find(|p| p.chars().count() > 1 && !is_name_suffix(p))
        .unwrap_or(name)
}

/// "the Morton memo", "the June 15, 2012 memorandum", "a memo by ... John Morton": memos named by person or date.
fn named_memos(text: &str, seg: &Segmented, lex: &Lexicon, out: &mut Vec<Mention>) {
    let toks = &seg.tokens;
    for i in 1..toks.len() {
        let w = seg.tok(text, i);
        if !lower_in(w, &["memo", "memorandum", "memos", "directive"]) {
            continue;
        }
        // "the Morton memo" / "Morton's memo"
        let mut k = i - 1;
        if toks[k].kind == TokKind::Possessive && k > 0 {
            k -= 1;
        }
        let prev = seg.tok(text, k);
        if toks[k].kind == TokKind::Word
            && tok_is_cap(prev)
            && !STARTERS.contains(&prev)
            && !MEMO_HEADS.contains(&prev)
            && !is_title_word(prev)
            && prev.chars().any(|c| c.is_lowercase())
            && !AGENCY_HEADS.contains(&prev)
            && !POLICY_HEADS.contains(&prev)
        {
            // an adjective ("Presidential memo") is not a name
            let adjective = ["al", "ive", "ary", "ed", "ic", "ous"]
                .iter()
                .any(|s| prev.ends_with(s))
                || GOV_MODIFIERS.contains(&prev)
                || PLACE_WORDS.contains(&prev)
                || is_generic(&[prev])
                || lex.is_common_word(prev)
                || !could_be_surname(prev) && lex.lookup_acronym(prev).is_none();
            if adjective {
                continue;
            }
            // the word before must not be capitalized (else it's a longer chunk name)
            let before = if k > 0 { seg.tok(text, k - 1) } else { "" };
            if !tok_is_cap(before) || STARTERS.contains(&before) {
                let span = Span::new(toks[k].span.start, toks[i].span.end);
                let name = format!("{prev} memo");
                let mut m = Mention::new(span, EntityClass::Memo, name, "memo.named-by-person", 66);
                m.extra
                    .push(text[span.start..span.end].replace('\u{2019}', "'"));
                m.hint = Some(prev.to_string());
                out.push(m);
            }
        }
    }
}

/// "the Obama administration", "the Biden-Harris Administration".
fn administrations(text: &str, seg: &Segmented, lex: &Lexicon, out: &mut Vec<Mention>) {
    let toks = &seg.tokens;
    for i in 1..toks.len() {
        if !seg.tok(text, i).eq_ignore_ascii_case("administration") {
            continue;
        }
        let prev = seg.tok(text, i - 1);
        if toks[i - 1].kind != TokKind::Word
            || !tok_is_cap(prev)
            || STARTERS.contains(&prev)
            || GOV_MODIFIERS.contains(&prev)
            || AGENCY_HEADS.contains(&prev)
        {
            continue;
        }
        let before = if i >= 2 { seg.tok(text, i - 2) } else { "" };
        if !NAME_DETERMINERS.contains(before) {
            continue; // "Food and Drug Administration", "Records Administration"
        }
        if prev
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(|c| c.is_uppercase())
        {
            continue; // acronyms
        }
        // a president's name ("Obama", "Biden-Harris"), not a word ("Veterans", "State")
        if !prev
            .split('-')
            .all(|p| could_be_surname(p) && !lex.is_common_word(p))
        {
            continue;
        }
        let span = Span::new(toks[i - 1].span.start, toks[i].span.end);
        let name = format!("{prev} administration");
        let mut m = Mention::new(
            span,
            EntityClass::Agency,
            name,
            "pattern.administration",
            75,
        );
        m.hint = Some(prev.to_string());
        out.push(m);
    }
}

/// Keeps the best non-overlapping mentions: higher priority, then longer, then earlier.
pub fn resolve_overlaps(mut cands: Vec<Mention>) -> Vec<Mention> {
    cands.sort_by(|a, b| {
        b.priority
            .cmp(&a.priority)
            .then((b.span.end - b.span.start).cmp(&(a.span.end - a.span.start)))
            .then(a.span.start.cmp(&b.span.start))
            .then(a.key.cmp(&b.key))
    });
    // kept spans are disjoint: the one starting last before a candidate's end is
    // the only one that can overlap it
    let mut taken: BTreeMap<usize, usize> = BTreeMap::new();
    let mut kept: Vec<Mention> = Vec::new();
    for c in cands {
        let overlaps = taken
            .range(..c.span.end)
            .next_back()
            .is_some_and(|(_, &end)| end > c.span.start);
        if c.span.start >= c.span.end || overlaps {
            continue;
        }
        taken.insert(c.span.start, c.span.end);
        kept.push(c);
    }
    kept.sort_by_key(|m| (m.span.start, m.span.end));
    kept
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::text::segment;

    fn found(text: &str) -> Vec<(String, EntityClass)> {
        let lex = Lexicon::builtin();
        let seg = segment(text);
        resolve_overlaps(find_candidates(text, &seg, &lex))
            .into_iter()
            .map(|m| (text[m.span.start..m.span.end].to_string(), m.class))
            .collect()
    }

    #[test]
    fn a_document_defines_its_own_acronyms() {
        // (case, text, acronym, the name its key must be the key of)
        let cases: &[(&str, &str, &str, &str)] = &[
            (
                "a unit's acronym is its own, not the list's agency of that acronym",
                "The Department of Education's Office of Federal Student Aid (FSA) cut staff. FSA said so.",
                "FSA",
                "Office of Federal Student Aid",
            ),
            (
                "a list of abbreviations under its heading",
                "Report\n\nAbbreviations\n\nFSA Office of Federal Student Aid\nWCB Widget Control Board\n\nThe WCB met.",
                "WCB",
                "Widget Control Board",
            ),
            (
                "a list line glued into one name is cut at the acronym",
                "Report\n\nAbbreviations\n\nFSA Office of Federal Student Aid\nWCB Widget Control Board\n",
                "FSA",
                "Office of Federal Student Aid",
            ),
        ];
        let lex = Lexicon::builtin();
        for (case, text, acr, name) in cases {
            let seg = segment(text);
            let ms = resolve_overlaps(find_candidates(text, &seg, &lex));
            let key_of = |s: &str| {
                ms.iter()
                    .find(|m| &text[m.span.start..m.span.end] == s)
                    .map(|m| m.key.clone())
            };
            assert!(key_of(name).is_some(), "{case}: {name} not found in {ms:?}");
            assert_eq!(key_of(acr), key_of(name), "{case}");
            assert!(
                ms.iter()
                    .all(|m| !text[m.span.start..m.span.end].starts_with(&format!("{acr} "))),
                "{case}: a mention glues the acronym to its name"
            );
        }
    }

    #[test]
    fn a_look_ahead_window_ends_on_a_character_boundary() {
        // the window after "White House Office" would end inside the closing quote
        for pad in 150..175 {
            let mut text = String::from("The White House Office of Legislative Affairs hosted ");
            while text.len() < pad {
                text.push('a');
            }
            text.push_str(" \u{201c}Action\u{201d} and \u{2019}more\u{2019}.");
            let got = found(&text);
            assert!(
                got.iter().any(|(name, _)| name.contains("White House")),
                "{pad}: {got:?}"
            );
        }
    }

    #[test]
    fn mentions() {
        use EntityClass::*;
        type Case = (
            &'static str,
            &'static str,
            &'static [(&'static str, EntityClass)],
        );
        let cases: &[Case] = &[
            (
                "a listed company is an organization; its name at the front of a longer body's name is that body's",
                "Jane Roe worked at Citigroup and Morgan Stanley, and chaired the Citigroup Foundation.",
                &[
                    ("Jane Roe", Person),
                    ("Citigroup", Organization),
                    ("Morgan Stanley", Organization),
                    ("Citigroup Foundation", Organization),
                ],
            ),
            (
                "a title's plural is no name",
                "The Chief Financial Officers met the Chief Data Officers.",
                &[],
            ),
            (
                "a surname wrapped to the next line within a sentence; not a list's next line",
                "Energy Secretary Jane\nRoe:\n“We did it.”\n\nDepartment of Labor, Ann Doe\nDepartment of State, Bob Poe\n",
                &[
                    ("Energy", Agency),
                    ("Jane\nRoe", Person),
                    ("Department of Labor", Agency),
                    ("Ann Doe", Person),
                    ("Department of State", Agency),
                    ("Bob Poe", Person),
                ],
            ),
            (
                "a known program after a list's comma is a name of its own",
                "Notes\n\nThey cut Medicaid, Medicare, and SNAP.",
                &[("Medicaid", Policy), ("Medicare", Policy), ("SNAP", Policy)],
            ),
            (
                "a department's short name before an adviser's title is the post's field, no body",
                "Notes\n\nThe President met Homeland Security Advisor Liz Roe and DHS Senior Advisor Ann Poe.",
                &[("Liz Roe", Person), ("DHS", Agency), ("Ann Poe", Person)],
            ),
            (
                "a title's first word, words, then the title's head: no name",
                "The Chief Human Capital Officer and the Chief Data Governance Officers met.",
                &[],
            ),
            (
                "common words after a title word are no name",
                "Notes\n\nThe Justice Screening Tool and Judge Review Process were built; Representative Don Young spoke.",
                &[("Don Young", Person)],
            ),
            (
                "an abbreviated title before a name whose surname is a common word",
                "Sen. Ann Banks spoke.",
                &[("Ann Banks", Person)],
            ),
            (
                "a headline's verb is no part of a name",
                "Secretary Ann Roe Celebrates the new tide season.",
                &[("Ann Roe", Person)],
            ),
            (
                "on a title-case headline, a common word or its verb after a name ends it",
                "date 2025-01-02\nPresident Ann Q. Roe Adjusts Tariffs on Widget Imports\n\nThe order sets rates.",
                &[("Ann Q. Roe", Person)],
            ),
            (
                "a verb in -ies on a headline ends the name too",
                "President Ann Q. Roe Modifies Duties on Widget Imports\n\nThe order sets rates.",
                &[("Ann Q. Roe", Person)],
            ),
            (
                "a call in a readout's headline is no part of the name",
                "Readout of Vice President Ann Roe Call with Prime Minister Bo Doe\n\nThey spoke.",
                &[("Ann Roe", Person), ("Bo Doe", Person)],
            ),
            (
                "a headline's first name that is a state's opens no person there",
                "President Ann Roe Approves Georgia Disaster Declaration\n\nAid will flow.",
                &[("Ann Roe", Person)],
            ),
            (
                "a surname that is a common word stays when the text writes it as a name",
                "Nomination of Ann Q. Young Sent to the Senate\n\nThe President named Director Young today.",
                &[("Ann Q. Young", Person), ("the Senate", Agency)],
            ),
            (
                "off the headline, a common word in a name stays",
                "Ann Q. Young, of Ohio, to be a Judge\nfor a term of years.",
                &[("Ann Q. Young", Person)],
            ),
            (
                "a nickname in quotes stays inside the name; a pun in quotes makes none",
                "Rep. Robert C. “Bobby” Roe and Kathleen “KC” Doe met at the Easter “EGGucation” Roll.",
                &[("Robert C. “Bobby” Roe", Person), ("Kathleen “KC” Doe", Person)],
            ),
            (
                "a head's title names its department; a state's or a foreign secretary's none",
                "The Secretary of Labor met the Texas Secretary of State, Georgia's Secretary of State and the Secretary of State for Foreign Affairs.",
                &[("Labor", Agency)],
            ),
            (
                "a head's short title names its department; a foreign, deputy's or state's title none",
                "Labor Secretary Marty Walsh met State Secretary Jan Falk, Deputy Energy Secretary Ann Roe and Texas Labor Secretary Bo Lee.",
                &[
                    ("Labor", Agency),
                    ("Marty Walsh", Person),
                    ("Jan Falk", Person),
                    ("Ann Roe", Person),
                    ("Bo Lee", Person),
                ],
            ),
            (
                "every department a plural names, none after a lone one",
                "The Departments of Commerce, Labor, and the Treasury agreed, as did the Departments of State staff.",
                &[("Commerce", Agency), ("Labor", Agency), ("Treasury", Agency)],
            ),
            (
                "a department's short name among agencies' acronyms, not in a list of words",
                "The agencies (USDA, Commerce, DOI, and DOE) agreed. Commerce, Labor and Energy grew.",
                &[
                    ("USDA", Agency),
                    ("Commerce", Agency),
                    ("DOI", Agency),
                    ("DOE", Agency),
                ],
            ),
            (
                "a kind of service is no agency",
                "Agencies must secure Federal Websites and Web Services and fund Emergency Medical Services.",
                &[],
            ),
            (
                "forums, caucuses and trusts are organizations; an act named after one is an act",
                "The National Immigration Forum and the Congressional Hispanic Caucus backed the DOTGOV Online Trust in Government Act of 2020.",
                &[
                    ("National Immigration Forum", Organization),
                    ("Congressional Hispanic Caucus", Organization),
                    ("DOTGOV Online Trust in Government Act of 2020", Policy),
                ],
            ),
            (
                "agency memo numbers and kinds",
                "EOIR Policy Memorandum 21-13 rescinded Operating Policies and Procedures Memorandum 17-01. USCIS issued Policy Alert PA-2023-15. FEMA Policy FP 104-009-2 and Attorney General Order No. 3946-2018 apply. ED sent a Dear Colleague Letter.",
                &[
                    ("EOIR Policy Memorandum 21-13", Memo),
                    ("Operating Policies and Procedures Memorandum 17-01", Memo),
                    ("USCIS", Agency),
                    ("Policy Alert PA-2023-15", Memo),
                    ("FEMA Policy FP 104-009-2", Memo),
                    ("Attorney General Order No. 3946-2018", Memo),
                    ("Dear Colleague Letter", Memo),
                ],
            ),
            (
                "a committee named after an agency's field is no mention of the agency",
                "Sen. Ron Johnson chairs the Homeland Security committee.",
                &[("Ron Johnson", Person)],
            ),
            (
                "a known name before another's head word: both names",
                "The White House Office of Management and Budget on Thursday released a policy.",
                &[("The White House", Agency), ("Office of Management and Budget", Agency)],
            ),
            (
                "a group's possessive inside a name",
                "She chaired the Women’s Media Center and the Children’s National Hospital board.",
                &[("Women’s Media Center", Organization), ("Children’s National Hospital", Organization)],
            ),
            (
                "a United States Attorney's office keeps its front",
                "He served in the United States Attorney’s Office for the Southern District of Ohio since 1999.",
                &[("United States Attorney’s Office for the Southern District of Ohio", Agency)],
            ),
            (
                "a glossary's acronym before its name",
                "PRA Paperwork Reduction Act\nRFA Regulatory Flexibility Act\nSBA Small Business Administration\nOMB Office of Management and Budget NCES National Center for Education Statistics",
                &[
                    ("PRA", Policy),
                    ("Paperwork Reduction Act", Policy),
                    ("Regulatory Flexibility Act", Policy),
                    ("SBA", Agency),
                    ("Small Business Administration", Agency),
                    ("OMB", Agency),
                    ("Office of Management and Budget", Agency),
                    ("National Center for Education Statistics", Agency),
                ],
            ),
            (
                "an ordinal inside a sentence is part of the name",
                "He signed the First Step Act and funded the First Responders Program.",
                &[("First Step Act", Policy), ("First Responders Program", Policy)],
            ),
            (
                "an amount's word is no part of a name",
                "States got a share of the $4.5 Billion American Rescue Plan award.",
                &[("American Rescue Plan", Policy)],
            ),
            (
                "an honorific after a body's name starts a person",
                "The director of the National Board for Education Sciences Dr. Ellison spoke.",
                &[("National Board for Education Sciences", Agency)],
            ),
            (
                "a weekday ends a name unless the name goes on",
                "The Department of Education Tuesday announced grants under the Good Friday Agreement.",
                &[("Department of Education", Agency), ("Good Friday Agreement", Policy)],
            ),
            (
                "a job title, then the body it serves",
                "She was Regional Political Director for the Office of Political Affairs in 2009.",
                &[("Office of Political Affairs", Agency)],
            ),
            (
                "office words after a title are no one's name",
                "She served as Deputy Campaign Manager and as Chief Public Affairs Officer.",
                &[],
            ),
            (
                "two departments joined by a bare 'and' are two names",
                "Funds went to the Department of the Treasury and Department of Labor last year.",
                &[("Department of the Treasury", Agency), ("Department of Labor", Agency)],
            ),
            (
                "a body's name ends before 'to the' and another body",
                "Staff moved from the Department of Labor to the Department of the Interior.",
                &[("Department of Labor", Agency), ("Department of the Interior", Agency)],
            ),
            (
                "a body's name ends before 'on' and another body",
                "He briefed Congress on Department of the Interior programs.",
                &[("Congress", Agency), ("Department of the Interior", Agency)],
            ),
            (
                "a body's name ends before 'in the' and another body",
                "The Office of Legal Policy in the Springfield Department of Parks acted.",
                &[("Office of Legal Policy", Agency), ("Springfield Department of Parks", Agency)],
            ),
            (
                "a government fund or account is no organization; a legal defense fund is one",
                "Grants came from the Rural Water Revolving Fund and the Harbor Relief Trust Fund, and the Springfield Legal Defense Fund sued.",
                &[("Springfield Legal Defense Fund", Organization)],
            ),
            (
                "a post office a statute names after someone is a building",
                "The facility shall be known as the Jane Q. Roe Post Office, and the United States Post Office Department agreed.",
                &[("United States Post Office Department", Agency)],
            ),
            (
                "a judicial district's divisions are places",
                "(2) The Springfield Division comprises the counties of Roe and Doe. Court for the Springfield Division shall be held at Springfield. The Western Division met.",
                &[],
            ),
            (
                "a board of directors is named by its body",
                "She sat on the Board of Directors of the Springfield Housing Authority.",
                &[("Springfield Housing Authority", Agency)],
            ),
            (
                "a president and chief executive between a body and a person",
                "Springfield Growers Association President and CEO Jane Roe said so.",
                &[("Springfield Growers Association", Organization), ("Jane Roe", Person)],
            ),
            (
                "a titled person and a body: the body alone",
                "President Roe and European Commission President Jane Doe met.",
                &[("European Commission", Agency), ("Jane Doe", Person)],
            ),
            (
                "a state's board is the state's",
                "The Springfield Board of Nursing Examiners and the Ohio Board of Pharmacy met.",
                &[("Springfield Board of Nursing Examiners", Organization), ("Ohio Board of Pharmacy", Agency)],
            ),
            (
                "a university's department is no agency",
                "She taught in Roe University’s Department of Economics and the Roe Department of Bioengineering.",
                &[
                    ("Roe University", Organization),
                    ("Department of Economics", Organization),
                    ("Roe Department of Bioengineering", Organization),
                ],
            ),
            (
                "a field of study's last word makes a university's department",
                "She taught in Roe University’s Department of Urban Studies and Planning and the Department of Energy Science Board met.",
                &[
                    ("Roe University", Organization),
                    ("Department of Urban Studies and Planning", Organization),
                    ("Department of Energy Science Board", Agency),
                ],
            ),
            (
                "a name ending with Act is a law's, whatever its first words",
                "It amends the Victims of Widget Theft Act and the Department of Energy Widget Act of 1977.",
                &[("Victims of Widget Theft Act", Policy), ("Department of Energy Widget Act of 1977", Policy)],
            ),
            (
                "a title that cites an act is not the act",
                "See the Implementation of the Widget Safety Act and the Designation of Officials of the Office of Widget Policy to Act.",
                &[],
            ),
            (
                "a policy's purpose holds its verb's object",
                "We support the Widget Strategy to Address the Root Causes of Gadgets today and the Gadget Strategy for Addressing the Root Causes of Widgets.",
                &[
                    ("Widget Strategy to Address the Root Causes of Gadgets", Policy),
                    ("Gadget Strategy for Addressing the Root Causes of Widgets", Policy),
                ],
            ),
            (
                "a headline's New is no part of a policy's name; a place's or a policy's own is",
                "They welcomed the New Widget Safety Framework for Farmers. The New START Treaty and the New York Widget Program apply.",
                &[
                    ("Widget Safety Framework for Farmers", Policy),
                    ("New START Treaty", Policy),
                    ("New York Widget Program", Policy),
                ],
            ),
            (
                "a law school or firm by its short name is no law",
                "She is a professor at Springfield Law and worked at her own firm, Roe Law, and the Moe Law faculty before the Widget Law passed.",
                &[("Widget Law", Policy)],
            ),
            (
                "a plural head names a kind of policy, an appropriations account one",
                "It cut Widget Safety Programs and the Widget Aid, Gadget Relief, and Related Programs Appropriations Act.",
                &[("Widget Aid, Gadget Relief, and Related Programs Appropriations Act", Policy)],
            ),
            (
                "a non-government body's program: the body is the name",
                "She directs the Springfield University Widget Studies Program and the College Widget Program.",
                &[("Springfield University", Organization), ("College Widget Program", Policy)],
            ),
            (
                "an act's name lists its subjects with commas",
                "It amends the Federal Widget, Gadget, and Gizmo Act and the Comprehensive Widget Response, Compensation, and Liability Act of 1980, and the Science Act, and Gadget Act.",
                &[
                    ("Federal Widget, Gadget, and Gizmo Act", Policy),
                    ("Comprehensive Widget Response, Compensation, and Liability Act of 1980", Policy),
                    ("Science Act", Policy),
                    ("Gadget Act", Policy),
                ],
            ),
            (
                "a policy named after a parenthesized acronym begins with its words",
                "We met the Widget Industrial Base (WIB) Cybersecurity Program and the Western Widget Administration (WWA) Gadget Program.",
                &[
                    ("Widget Industrial Base (WIB) Cybersecurity Program", Policy),
                    ("Western Widget Administration", Agency),
                    ("WWA", Agency),
                    ("Gadget Program", Policy),
                ],
            ),
            (
                "a law's title by its numeral opens a program's name",
                "It funds the Title XVII Widget Loan Guarantee Program and the Title IV-E Widget Prevention Program under Title VI of the Widget Rights Act.",
                &[
                    ("Title XVII Widget Loan Guarantee Program", Policy),
                    ("Title IV-E Widget Prevention Program", Policy),
                    ("Widget Rights Act", Policy),
                ],
            ),
            (
                "a section's heading after 'Sec.' and its number, each a line, names nothing",
                "It shall be done.\n\nSec.\n3.\nWidget Voucher Program.  The agency shall act.",
                &[],
            ),
            (
                "a policy's subject may be a list",
                "It funds the Special Widget Program for Women, Infants, and Children and the National Action Plan on Widgets, Peace and Security. They cited the Widget Program for Widgets, Secretary Roe, and Congress. It cites the Widget Strategy for Gadgets, and Directive Two.",
                &[
                    ("Special Widget Program for Women, Infants, and Children", Policy),
                    ("National Action Plan on Widgets, Peace and Security", Policy),
                    ("Widget Program for Widgets", Policy),
                    ("Congress", Agency),
                    ("Widget Strategy for Gadgets", Policy),
                ],
            ),
            (
                "a bill's quoted short title is the act's whole name",
                "H.R. 12, the \u{201c}Sgt. Roe Widget Safety for Alzheimer\u{2019}s Reauthorization Act of 2024\u{201d} or the \u{201c}WIDGET Act,\u{201d} which passed.",
                &[
                    ("Sgt. Roe Widget Safety for Alzheimer\u{2019}s Reauthorization Act of 2024", Policy),
                    ("WIDGET Act", Policy),
                ],
            ),
            (
                "a quoted rule's title that cites an act is not the act",
                "See the \u{201c}Widget Findings Under Section 2 of the Clean Widget Act\u{201d} rule.",
                &[],
            ),
            (
                "'with the' and a body start another name",
                "He was a Captain with the Springfield Police Department.",
                &[("Springfield Police Department", Agency)],
            ),
            (
                "a law 'for the' a body is the law and the body",
                "Land conveyed under the Native Widget Settlement Act for the Roe Village Corporation.",
                &[("Native Widget Settlement Act", Policy), ("Roe Village Corporation", Organization)],
            ),
            (
                "a department of a university is the university's",
                "She taught in the Biology Department of the University of Springfield.",
                &[("Biology Department of the University of Springfield", Organization)],
            ),
            (
                "an order's number after its acronym in parentheses",
                "The President issued Executive Order (EO) 14985 and Executive Order (E.O.) 14986.",
                &[("Executive Order (EO) 14985", Memo), ("Executive Order (E.O.) 14986", Memo)],
            ),
            (
                "a law named by generic words only",
                "The board follows the Federal Advisory Committee Act and the National Security Act.",
                &[("Federal Advisory Committee Act", Policy), ("National Security Act", Policy)],
            ),
            (
                "an appropriations name lists its parts with commas",
                "Funds under the Department of Widgets, Foreign Operations, and Related Programs Appropriations Act, 2022 apply.",
                &[("Department of Widgets, Foreign Operations, and Related Programs Appropriations Act", Policy)],
            ),
            (
                "a degree after 'with an' ends a school's name",
                "He studied at the University of Springfield with an M.Phil in economics.",
                &[("University of Springfield", Organization)],
            ),
            (
                "a program's place, body or addressee is no part of its name",
                "The Federal Widget Program in Springfield and the Widget Leader Program in the Office of Widget Affairs sent the National Widget Strategy to the President.",
                &[
                    ("Federal Widget Program", Policy),
                    ("Widget Leader Program", Policy),
                    ("Office of Widget Affairs", Agency),
                    ("National Widget Strategy", Policy),
                ],
            ),
            (
                "a farm bureau or a lawyers' committee is an organization",
                "The Springfield Farm Bureau and the Lawyers’ Committee for Widget Rights met.",
                &[("Springfield Farm Bureau", Organization), ("Lawyers’ Committee for Widget Rights", Organization)],
            ),
            (
                "a party's committee is an organization",
                "The Springfield Town Democratic Committee and the Republican Widget Committee met.",
                &[("Springfield Town Democratic Committee", Organization), ("Republican Widget Committee", Organization)],
            ),
            (
                "a body named after a college or a foundation that opens its name is theirs",
                "She sat on the Springfield College Executive Widget Center and the Roe Foundation Scientific Advisory Board, not the National Widget Institute Board of Scientific Counselors.",
                &[
                    ("Springfield College Executive Widget Center", Organization),
                    ("Roe Foundation Scientific Advisory Board", Organization),
                    ("National Widget Institute Board of Scientific Counselors", Agency),
                ],
            ),
            (
                "a board of an academy that is no service academy is the academy's",
                "The Widget Studies Board of the National Academies and the Ocean Widget Board of the National Academy of Widgets met the Board of Visitors of the United States Naval Academy.",
                &[
                    ("Widget Studies Board of the National Academies", Organization),
                    ("Ocean Widget Board of the National Academy of Widgets", Organization),
                    ("Board of Visitors of the United States Naval Academy", Agency),
                ],
            ),
            (
                "a place or a field after a body's head is no part of its name",
                "He studied at Springfield University in Widget Studies and worked at the Roe County District Attorney’s Office in Springfield under the Widget Trust in Government Act of 2020.",
                &[
                    ("Springfield University", Organization),
                    ("Roe County District Attorney’s Office", Agency),
                    ("Widget Trust in Government Act of 2020", Policy),
                ],
            ),
            (
                "a university's unit without its university is no body of its own",
                "She studied at the School of Law and the Department of Widget Engineering, then at Springfield University School of Law, the College of Springfield and Roe University’s School of Widget Affairs.",
                &[
                    ("Springfield University School of Law", Organization),
                    ("College of Springfield", Organization),
                    ("Roe University", Organization),
                    ("School of Widget Affairs", Organization),
                ],
            ),
            (
                "two countries' alliance or partnership is no body",
                "The U.S.-Widgetland Alliance and the United States-Widgetland Strategic Partnership met the U.S.-Widgetland Strategic Partnership Forum.",
                &[("U.S.-Widgetland Strategic Partnership Forum", Organization)],
            ),
            (
                "a project of works or a mine is no body",
                "The Springfield Bridge Improvement Project and the Roe Copper Project were backed by the Widget Innocence Project.",
                &[("Widget Innocence Project", Organization)],
            ),
            (
                "agencies' forum or partnership is the government's",
                "The Federal Interagency Forum on Widget Statistics and the Federal-State Widget Partnership met the Federal Widget Officers Association.",
                &[
                    ("Federal Interagency Forum on Widget Statistics", Agency),
                    ("Federal-State Widget Partnership", Agency),
                    ("Federal Widget Officers Association", Organization),
                ],
            ),
            (
                "a person's name after the body of a title written before it is no part of it",
                "Today, Director of the Office of Widget Affairs Julie Roe hosted a call.",
                &[
                    ("Office of Widget Affairs", Agency),
                    ("Julie Roe", Person),
                ],
            ),
            (
                "a body's own 'of the' stays in the act named after it",
                "It was set up under the Office of the Chief Widget Officer Establishment Act of 1998.",
                &[("Office of the Chief Widget Officer Establishment Act of 1998", Policy)],
            ),
            (
                "a science's department is a university's",
                "She taught in Roe University’s Department of Entomology and the Department of Information Technology.",
                &[
                    ("Roe University", Organization),
                    ("Department of Entomology", Organization),
                    ("Department of Information Technology", Agency),
                ],
            ),
            (
                "officers and a board named by their posts are no body",
                "The Commissioner and Board shall act. She studied at St. Widget College.",
                &[("St. Widget College", Organization)],
            ),
            (
                "a starter inside a sentence opens an act's name",
                "Schools follow the Every Widget Succeeds Act and the No Widget Left Behind Act.",
                &[("Every Widget Succeeds Act", Policy), ("No Widget Left Behind Act", Policy)],
            ),
            (
                "a body's subject keeps its 'Law and'",
                "She studied at the Springfield School of Law and Diplomacy.",
                &[("Springfield School of Law and Diplomacy", Organization)],
            ),
            (
                "a field of law before a body's head stays in the body's name",
                "She led the Springfield Food Law and Policy Clinic.",
                &[("Springfield Food Law and Policy Clinic", Organization)],
            ),
            (
                "two policies joined by 'and' are two",
                "It funds the Widget Reduction Act and Bipartisan Widget Law and a Pilot Program and Science Programs.",
                &[("Widget Reduction Act", Policy), ("Bipartisan Widget Law", Policy), ("Pilot Program", Policy)],
            ),
            (
                "a kind of local body without its place's name is no body",
                "The City Council and the State Legislature met with the Springfield City Council.",
                &[("Springfield City Council", Agency)],
            ),
            (
                "a degree after a name is no part of it",
                "The panel heard Robert Roe MD and Ann Doe Ph.D. on Monday.",
                &[("Robert Roe", Person), ("Ann Doe", Person)],
            ),
            (
                "a place named after a saint is no person",
                "The counties of San Luis Obispo and Santa Barbara joined.",
                &[],
            ),
            (
                "a newspaper's head word makes an organization",
                "The Springfield Gazette and the Shelbyville Sentinel reported it.",
                &[("Springfield Gazette", Organization), ("Shelbyville Sentinel", Organization)],
            ),
            (
                "an ordinal opens a name",
                "The 21st Century Widgets Act moved the 4th Infantry Division.",
                &[("21st Century Widgets Act", Policy), ("4th Infantry Division", Agency)],
            ),
            (
                "an ordinal counts an executive order, it names none",
                "It was his 20th Executive Order 14999 this year.",
                &[("Executive Order 14999", Memo)],
            ),
            (
                "an ordinal word after an article is part of the name",
                "The Third Country Widget Program grew.",
                &[("Third Country Widget Program", Policy)],
            ),
            (
                "a set of offices is no one body",
                "The SBA Regional Offices and the Field Offices met.",
                &[("SBA", Agency)],
            ),
            (
                "a degree is no part of a school's name, nor its field a policy",
                "She holds a Ph.D. Springfield University and an M.S. in National Resource Strategy.",
                &[("Springfield University", Organization)],
            ),
            (
                "a title after an article ends a name",
                "There shall be at the head of the Office of Widget Affairs an Assistant Commissioner.",
                &[("Office of Widget Affairs", Agency)],
            ),
            (
                "a Unicode hyphen joins a name's words",
                "She studied at Winston\u{2010}Springfield State University.",
                &[("Winston\u{2010}Springfield State University", Organization)],
            ),
            (
                "a non-government body's unit is an organization's",
                "The Springfield Bar Association Ethics Committee met.",
                &[("Springfield Bar Association Ethics Committee", Organization)],
            ),
            (
                "'U.S.-' and a partner country lead a bilateral body's name",
                "The U.S.-Freedonia Strategic Consultative Group met.",
                &[("U.S.-Freedonia Strategic Consultative Group", Agency)],
            ),
            (
                "a known body's name, then words that head nothing: the body",
                "The Department of Energy Liftoff report and the Department of Labor Updates page went out; the Department of Defense Education Activity runs schools.",
                &[
                    ("Department of Energy", Agency),
                    ("Department of Labor", Agency),
                    ("Department of Defense Education Activity", Agency),
                ],
            ),
            (
                "a known body's name, then a program's words: the body, and the program on its own",
                "He is a graduate of the Department of Labor Career Residency Program.",
                &[("Department of Labor", Agency), ("Career Residency Program", Policy)],
            ),
            (
                "a known body's name, then a fund's or a memo's words: the body alone",
                "Amounts go to the Department of Justice Assets Recovery Fund, as the Office of Management and Budget Memorandum says.",
                &[("Department of Justice", Agency), ("Office of Management and Budget", Agency)],
            ),
            (
                "a known body wrapped over an indented line keeps the gazetteer's class",
                "- Ensuring food gets to those who need it. In December\n    2021, USDA committed funds from the Commodity Credit\n    Corporation to help schools.",
                &[("USDA", Agency), ("Commodity Credit\n    Corporation", Agency)],
            ),
            (
                "a county's or a city's board or council is the local government's",
                "The Roe County Board of Commissioners and the Springfield City Council met.",
                &[
                    ("Roe County Board of Commissioners", Agency),
                    ("Springfield City Council", Agency),
                ],
            ),
            (
                "two head-final names joined by 'and'",
                "The Springfield Health Department and Springfield Police Department met.",
                &[
                    ("Springfield Health Department", Agency),
                    ("Springfield Police Department", Agency),
                ],
            ),
            (
                "a head-first name's last word is no head of its own",
                "The Subcommittee on Transit Services and General Aviation held a hearing.",
                &[("Subcommittee on Transit Services and General Aviation", Agency)],
            ),
            (
                "a title's object may hold 'of the'",
                "The President of the United States of America Walter J. Ellison Jr. signed it.",
                &[("Walter J. Ellison Jr.", Person)],
            ),
            (
                "a title wraps across a line break (the body it names is read across it too)",
                "Secretary of Homeland\nSecurity Walter J. Ellison spoke.",
                &[("Homeland\nSecurity", Agency), ("Walter J. Ellison", Person)],
            ),
            (
                "a body's name ends before a modified title and a person",
                "The Springfield Housing Authority Acting Director Doris Pemberton spoke.",
                &[("Springfield Housing Authority", Agency), ("Doris Pemberton", Person)],
            ),
            (
                "an acronym before the second name's head",
                "The USDA Office of Forestry and EPA Office of Water met.",
                &[("USDA Office of Forestry", Agency), ("EPA Office of Water", Agency)],
            ),
            (
                "a stray number between two names",
                "The Department of Labor 9 Department of the Interior list.",
                &[("Department of Labor", Agency), ("Department of the Interior", Agency)],
            ),
            (
                "a bare 'the' starts another name",
                "The Bureau of Land Management the National Weather Service.",
                &[("Bureau of Land Management", Agency), ("National Weather Service", Agency)],
            ),
            (
                "a title before a body's name is no part of it",
                "Executive Director Property Review Board members met.",
                &[("Property Review Board", Organization)],
            ),
            (
                "a generic parent after 'of the' is no part of a name",
                "The Office of Surface Mining of the Department acted.",
                &[("Office of Surface Mining", Agency)],
            ),
            (
                "a name's own 'and' and 'on' join no head-led name",
                "The Committee on Rules and Administration met the National Oceanic and Atmospheric Administration.",
                &[
                    ("Committee on Rules and Administration", Agency),
                    ("National Oceanic and Atmospheric Administration", Agency),
                ],
            ),
            (
                "a body's name ends before a title and a person",
                "The Department of the Interior Secretary Doris Pemberton spoke.",
                &[("Department of the Interior", Agency), ("Doris Pemberton", Person)],
            ),
            (
                "a body's name ends before a hyphen-glued participle",
                "It was a Department of Labor-funded study.",
                &[("Department of Labor", Agency)],
            ),
            (
                "the end of a title is no part of the name after it",
                "Secretary of Labor Walter J. Ellison spoke to the Honorable Marta Ruiz.",
                &[("Walter J. Ellison", Person), ("Marta Ruiz", Person)],
            ),
            (
                "words repeated across a line break are read once",
                "The Bureau of Land Management\nLand Management said so.",
                &[("Bureau of Land Management", Agency)],
            ),
            (
                "a running header's page and report number are no part of a name (the number is a report)",
                "Page 11 GAO-26-107815 Office of Surface Mining\n",
                &[("GAO-26-107815", Memo), ("Office of Surface Mining", Agency)],
            ),
            (
                "a page number alone on its line is no part of a name",
                "The Committee on Government\n4\nAffairs heard it.",
                &[("Committee on Government", Agency)],
            ),
            (
                "gazetteer agency",
                "The Department of Homeland Security acted.",
                &[("Department of Homeland Security", Agency)],
            ),
            (
                "acronym definition of known agency",
                "the Office of Management and Budget (OMB) said",
                &[("Office of Management and Budget", Agency), ("OMB", Agency)],
            ),
            (
                "unknown agency by head",
                "the Office of Refugee Widgets said",
                &[("Office of Refugee Widgets", Agency)],
            ),
            (
                "policy by head",
                "under the Paperwork Reduction Act, agencies",
                &[("Paperwork Reduction Act", Policy)],
            ),
            (
                "act named after an agency",
                "the Homeland Security Act of 2002 created",
                &[("Homeland Security Act of 2002", Policy)],
            ),
            (
                "executive order number",
                "Executive Order 13768 of January 25, 2017",
                &[("Executive Order 13768", Memo)],
            ),
            (
                "omb memo number",
                "see OMB Memorandum M-10-06, Open Government Directive",
                &[
                    ("OMB Memorandum M-10-06", Memo),
                    ("Open Government Directive", Memo),
                ],
            ),
            (
                "circular",
                "OMB Circular A-130 applies",
                &[("OMB Circular A-130", Memo)],
            ),
            (
                "titled person",
                "Director John Morton said",
                &[("John Morton", Person)],
            ),
            (
                "person with initial",
                "Sylvia M. Burwell signed",
                &[("Sylvia M. Burwell", Person)],
            ),
            (
                "signature caps",
                "JOSEPH R. BIDEN JR.",
                &[("JOSEPH R. BIDEN JR.", Person)],
            ),
            (
                "named memo",
                "when the Morton memo was issued",
                &[("Morton memo", Memo)],
            ),
            (
                "administration",
                "the Obama administration’s commitment",
                &[("Obama administration", Agency)],
            ),
            (
                "organization",
                "the American Immigration Council reported",
                &[("American Immigration Council", Organization)],
            ),
            (
                "lower-case doctrine",
                "a policy of prosecutorial discretion",
                &[("prosecutorial discretion", Policy)],
            ),
            (
                "sentence starter is not a name",
                "Before the war, nothing.",
                &[],
            ),
            (
                "act name with a lower-case word",
                "the Protecting Americans from Foreign Adversary Controlled Applications Act passed",
                &[(
                    "Protecting Americans from Foreign Adversary Controlled Applications Act",
                    Policy,
                )],
            ),
            (
                "act name starting with a gerund",
                "under the Trafficking Victims Protection Act of 2000, victims",
                &[("Trafficking Victims Protection Act of 2000", Policy)],
            ),
            (
                "a gerund phrase about an act is not its name",
                "Lowering Costs Through the Inflation Reduction Act",
                &[],
            ),
            (
                "an office is not extended over 'under the' to an act",
                "the Office for Civil Rights under Title VI of the Civil Rights Act of 1964",
                &[("Office for Civil Rights", Agency), ("Civil Rights Act of 1964", Policy)],
            ),
            (
                "title modifiers are not names",
                "Senate President Pro Tempore Patty Murray and Speaker Emerita Nancy Pelosi",
                &[
                    ("Senate", Agency),
                    ("Patty Murray", Person),
                    ("Nancy Pelosi", Person),
                ],
            ),
            (
                "an unknown first name with a title in apposition",
                "Kirstjen Nielsen, the Secretary of Homeland Security, issued it.",
                &[("Kirstjen Nielsen", Person), ("Homeland Security", Agency)],
            ),
            (
                "a quoted name before a policy head",
                "Sessions announced a \u{201c}zero tolerance\u{201d} policy and the \"Remain in Mexico\" program.",
                &[
                    ("zero tolerance\u{201d} policy", Policy),
                    ("Remain in Mexico", Policy),
                ],
            ),
            (
                "people at a body are not part of its name",
                "Researchers at Georgetown University and the University of North Carolina at Chapel Hill agreed.",
                &[
                    ("Georgetown University", Organization),
                    ("University of North Carolina at Chapel Hill", Organization),
                ],
            ),
            (
                "a committee named after an agency's field is the committee",
                "The House Committee on Homeland Security and the Senate Committee on Veterans’ Affairs met.",
                &[
                    ("House Committee on Homeland Security", Agency),
                    ("Senate Committee on Veterans’ Affairs", Agency),
                ],
            ),
            (
                "a body's name ends before 'for' and an addressee's title, or an executive's abbreviated title",
                "The House Committee on Oversight for Chairman Jane Roe wrote. Ardent Business Federation SVP for Advocacy John Doe agreed.",
                &[
                    ("House Committee on Oversight", Agency),
                    ("Jane Roe", Person),
                    ("Ardent Business Federation", Organization),
                    ("John Doe", Person),
                ],
            ),
            (
                "an article after a body's name starts another body, 'and' inside it or not",
                "There is established in the Department of Labor a Coastal Mapping and Tide Tables Service.",
                &[
                    ("Department of Labor", Agency),
                    ("Coastal Mapping and Tide Tables Service", Agency),
                ],
            ),
            (
                "an embassy is the government's; a firm's law offices are not",
                "The U.S. Embassy in London replied. Roe Law Offices filed a brief.",
                &[
                    ("U.S. Embassy", Agency),
                    ("Roe Law Offices", Organization),
                ],
            ),
            (
                "a subcommittee and the committee it belongs to are two names; a committee named by a generic subject is a name",
                "The Subcommittee on Defense of the Committee on Armed Services met. The Committee on Ways and Means Subcommittee on Health met. The Committee on Appropriations met.",
                &[
                    ("Subcommittee on Defense", Agency),
                    ("Committee on Armed Services", Agency),
                    ("Committee on Ways and Means", Agency),
                    ("Subcommittee on Health", Agency),
                    ("Committee on Appropriations", Agency),
                ],
            ),
            (
                "a program without a head word is a name alone, not inside a body's name",
                "Medicare and Medicaid pay; the National WIC Association and the Centers for Medicare & Medicaid Services agree.",
                &[
                    ("Medicare", Policy),
                    ("Medicaid", Policy),
                    ("National WIC Association", Organization),
                    ("Centers for Medicare & Medicaid Services", Agency),
                ],
            ),
            (
                "a law's name ends before its purpose; an act's amendments are a law",
                "The Inflation Reduction Act to Make Homes Efficient and the Clean Air Act Amendments of 1990 apply.",
                &[
                    ("Inflation Reduction Act", Policy),
                    ("Clean Air Act Amendments of 1990", Policy),
                ],
            ),
            (
                "a seat's title before 'of the' is no part of the body's name",
                "She is a Trustee of the Ardent Foundation and a Fellow of the Royal Society.",
                &[
                    ("Ardent Foundation", Organization),
                    ("Royal Society", Organization),
                ],
            ),
            (
                "two bodies joined by \"at\" are two names; a place after a body is none of it",
                "She was a Fellow at the Ocean Security Institute at Ardent University and taught at the Ardent Law School in Boston.",
                &[
                    ("Ocean Security Institute", Organization),
                    ("Ardent University", Organization),
                    ("Ardent Law School", Organization),
                ],
            ),
            (
                "a word joined by 'with the' ('Consistent with the', 'Coupled with the') is no part of a name; a month or a city and its state after 'in' end it",
                "Consistent with the Widget Safety Act, agencies act. The agency announced the Harbor Clean Initiative in Portland, Maine, and the Tide Reform Plan in July. Coupled with the Ocean Reform Act, it helps. Beginning with the Sea Lane Act, we acted under the Trading with the Widget Act.",
                // (a gerund inside a sentence keeps "with the": no "Widget Act")
                &[
                    ("Widget Safety Act", Policy),
                    ("Harbor Clean Initiative", Policy),
                    ("Tide Reform Plan", Policy),
                    ("Ocean Reform Act", Policy),
                    ("Sea Lane Act", Policy),
                ],
            ),
            (
                "a firm's partners, its suffix and nothing after; awards are no bodies",
                "He was a partner at Hale, Barrow, Dunn & Cole LLP in Denver and won the Department of Labor Award for Service.",
                &[
                    ("Hale, Barrow, Dunn & Cole LLP", Organization),
                    ("Department of Labor", Agency),
                ],
            ),
            (
                "a judge of a court: the court's whole name, and a second judge is no part of it",
                "He clerked for Judge Anna Brook of the U.S. Court of Appeals for the Ninth Circuit and Justice Thurgood Marshall.",
                &[
                    ("Anna Brook", Person),
                    ("U.S. Court of Appeals for the Ninth Circuit", Agency),
                    ("Thurgood Marshall", Person),
                ],
            ),
            (
                "a body after a title \"in the\" or a person \"on the\" is its own name; a city's body keeps its city",
                "She served as Director for Ports in the Bureau of Harbor Affairs and as counsel to Senator Jane Roe on the Senate Fisheries Committee, after years with the Lansing, Michigan Police Department.",
                &[
                    ("Bureau of Harbor Affairs", Agency),
                    ("Jane Roe", Person),
                    ("Senate Fisheries Committee", Agency),
                    ("Lansing, Michigan Police Department", Agency),
                ],
            ),
            (
                "codes of law, not the compilation nor a field label; bulletins by number",
                "The Internal Revenue Code and title 5, United States Code, apply; see OMB Bulletin 89-22 and the Agency Code field.",
                &[
                    ("Internal Revenue Code", Policy),
                    ("OMB Bulletin 89-22", Memo),
                ],
            ),
            (
                "two dated letters written as one plural",
                "Thank you for your February 5, 2007 and February 23, 2007 letters.",
                &[
                    ("February 5, 2007", Memo),
                    ("February 23, 2007 letters", Memo),
                ],
            ),
            (
                "a known body's name does not run into a person's",
                "Nominee: Department of State Julie Chung, to be Ambassador.",
                &[("Department of State", Agency), ("Julie Chung", Person)],
            ),
            (
                "an act for a fiscal year keeps its year",
                "the National Defense Authorization Act for Fiscal Year 2022 (Public Law 117-81)",
                &[
                    ("National Defense Authorization Act for Fiscal Year 2022", Policy),
                    ("Public Law 117-81", Policy),
                ],
            ),
            (
                "presidential directives by their short names",
                "under Presidential Policy Directive 21 and Homeland Security Presidential Directive-12",
                &[
                    ("Presidential Policy Directive 21", Memo),
                    ("Homeland Security Presidential Directive-12", Memo),
                ],
            ),
            (
                "agency policy memoranda, directives and instructions",
                "PM-602-0050.1 replaces Policy Memorandum 110; see DoD Instruction 5000.02.",
                &[
                    ("PM-602-0050.1", Memo),
                    ("Policy Memorandum 110", Memo),
                    ("DoD Instruction 5000.02", Memo),
                ],
            ),
            (
                "a numbered directive inside a longer name is not cut to 'Directive 501'",
                "under the Intelligence Community Directive 501, see directive 2014/65/EU",
                &[("Intelligence Community Directive", Memo), ("EU", Agency)],
            ),
            (
                "a sender's or author's line names a person whatever the first name; so does a CEO title; a party's role is no part of a name",
                "FROM: Jeh Charles Johnson\nSecretary\n\nNvidia CEO Jensen Huang spoke. Appellant Nichole M. Roe appealed.",
                &[
                    ("Jeh Charles Johnson", Person),
                    ("Nvidia", Organization),
                    ("Jensen Huang", Person),
                    ("Nichole M. Roe", Person),
                ],
            ),
            (
                "schedules of rates and grades are policies",
                "Duties apply under the Harmonized Tariff Schedule of the United States. Employees paid under the General Schedule are covered.",
                &[
                    ("Harmonized Tariff Schedule of the United States", Policy),
                    ("General Schedule", Policy),
                ],
            ),
            (
                "a letterhead's city line ends the body's name",
                "U.S. Department of Energy Washington, DC 20585\n\nThe Bureau of Reclamation Washington, D.C. office closed.",
                &[
                    ("U.S. Department of Energy", Agency),
                    ("Bureau of Reclamation", Agency),
                ],
            ),
            (
                "a body, then \"and\" and a title of another body",
                "She joined the Washington Institute for Near East Policy and Director of the Roe Program on Arab Politics.",
                &[("Washington Institute for Near East Policy", Organization)],
            ),
            (
                "a known body's name, then a title of another",
                "The Department of Health and Human Services Director of the Office of Global Affairs spoke.",
                &[("Department of Health and Human Services", Agency)],
            ),
            (
                "CISA's directives by number, spelled out or short",
                "Agencies met BOD 22-01 and Binding Operational Directive 19-02 and Emergency Directive 21-01.",
                &[
                    ("BOD 22-01", Memo),
                    ("Binding Operational Directive 19-02", Memo),
                    ("Emergency Directive 21-01", Memo),
                ],
            ),
            (
                "unknown acronym defined",
                "the Widget Control Board (WCB) met; WCB said",
                &[
                    ("Widget Control Board", Organization),
                    ("WCB", Organization),
                    ("WCB", Organization),
                ],
            ),
        ];
        for (name, text, want) in cases {
            let got = found(text);
            let want: Vec<(String, EntityClass)> =
                want.iter().map(|(s, c)| (s.to_string(), *c)).collect();
            assert_eq!(got, want, "{name}");
        }
    }

    #[test]
    fn person_keys() {
        // (case, name, key)
        let cases: &[(&str, &str, &str)] = &[
            (
                "a middle initial goes",
                "Walter J. Ellison",
                "person:walter ellison",
            ),
            (
                "a knight's \"Sir\" goes",
                "Sir Walter Ellison",
                "person:walter ellison",
            ),
            (
                "a suffix goes",
                "Walter J. Ellison Jr.",
                "person:walter ellison",
            ),
            (
                "a suffix after a comma goes",
                "Walter Ellison, Jr",
                "person:walter ellison",
            ),
            (
                "a middle name goes",
                "Walter James Ellison",
                "person:walter ellison",
            ),
            (
                "an honorific goes",
                "Honorable Walter J. Ellison",
                "person:walter ellison",
            ),
            (
                "an abbreviated honorific goes",
                "Hon. Walter Ellison",
                "person:walter ellison",
            ),
            (
                "a title goes",
                "Secretary Walter Ellison",
                "person:walter ellison",
            ),
            (
                "titles go",
                "Chief Justice Walter Ellison III",
                "person:walter ellison",
            ),
            (
                "Sr. tells the father",
                "Walter James Ellison Sr.",
                "person:walter ellison sr",
            ),
            ("a surname alone", "Ellison", "person:ellison"),
            (
                "a short first name is its full form",
                "Dick Ellison",
                "person:richard ellison",
            ),
            (
                "a short form shared by several names stays",
                "Chris Ellison",
                "person:chris ellison",
            ),
            ("a surname alone is no first name", "Dick", "person:dick"),
            ("accents go", "Iván Duque", "person:ivan duque"),
        ];
        for (case, name, want) in cases {
            assert_eq!(person_key(name), *want, "{case}");
        }
    }

    #[test]
    fn hyphen_glue() {
        // (case, word, offset of the hyphen)
        let cases: &[(&str, &str, Option<usize>)] = &[
            ("a participle", "Security-funded", Some(8)),
            ("led", "DHS-led", Some(3)),
            ("run", "Treasury-run", Some(8)),
            ("a capitalized second part is a name", "Federal-State", None),
            ("wide is a word of names", "Government-wide", None),
            ("no hyphen", "Security", None),
        ];
        for (case, w, want) in cases {
            assert_eq!(hyphen_glued(w), *want, "{case}");
        }
    }

    #[test]
    fn keys_and_titles() {
        assert_eq!(
            person_key("Sylvia M. Burwell"),
            person_key("Sylvia Burwell")
        );
        assert_eq!(
            class_key(EntityClass::Agency, "U.S. Department of the Treasury"),
            class_key(EntityClass::Agency, "Department of Treasury")
        );
        assert_eq!(
            title_case_name("JOSEPH R. BIDEN JR."),
            "Joseph R. Biden Jr."
        );
        assert_eq!(
            class_key(EntityClass::Memo, "E.O. 13993"),
            class_key(EntityClass::Memo, "Executive Order 13993")
        );
        assert_eq!(
            class_key(
                EntityClass::Memo,
                "the President's Memorandum on Transparency and Open Government"
            ),
            class_key(
                EntityClass::Memo,
                "Memorandum on Transparency and Open Government"
            )
        );
        assert!(initials_match(
            "FISMA",
            "Federal Information Security Management Act"
        ));
        assert!(!initials_match("ICE", "Department of Homeland Security"));
        for (title, head) in [
            ("Director", true),
            ("Deputy Administrator", false),
            ("Secretary of Homeland Security", true),
            ("Federal Chief Information Officer", false),
            ("Acting Director", true),
            ("General Counsel", false),
            ("Attorney General", true),
            ("U.S. Attorney", true),
            ("attorney", false),
            ("Legal Director", false),
            ("Louisiana State Director", false),
            ("Executive Director", true),
            ("Secretary of State", true),
            ("CEO", true),
            ("President and CEO", true),
            ("Chief Executive Officer", true),
            ("Director of the Domestic Policy Council", true),
            ("Chief Economist", false),
            ("chief counselor", false),
            ("Chief Judge", true),
            ("Chief of Police", true),
        ] {
            assert_eq!(is_head_title(title), head, "{title}");
        }
    }
}
