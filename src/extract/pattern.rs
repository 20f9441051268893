//! Rules as data: a small pattern language over a sentence's tokens and
//! mentions, read from TOML rule files (`data/rules/*.toml`, and the user's
//! `--rules FILE`).
//!
//! A rule file has an optional `[lists]` table of named word lists (a word
//! `"$other"` includes the list `other`) and any number of `[[rule]]` blocks:
//!
//! ```toml
//! [lists]
//! units = ["agency", "component", "office", "bureau"]
//!
//! [[rule]]
//! id = "city.sub-org"
//! pattern = "sub:@Agency , a $units of the? parent:@Agency"
//! fact = { subject = "sub", predicate = "org:subOrganizationOf", object = "parent" }
//! examples = [{ text = "…", yields = "Sub Label | org:subOrganizationOf | Parent Label" }]
//! counter_examples = ["…"]
//! ```
//!
//! A `[parts]` table names pieces of patterns (`of_the = "of the?"`), which
//! any pattern uses as `%of_the`.
//!
//! A pattern is a sequence of elements separated by spaces (or line breaks:
//! a long pattern may be a multi-line string, `'''…'''`):
//!
//! | element | matches |
//! |---|---|
//! | `of`, `now-defunct` | one token, compared in lower case |
//! | `"Director"`, `'('` | one token, exactly (quote punctuation that is also syntax) |
//! | `,` `.` `;` `:` `—` | a punctuation token (any single character that is not syntax) |
//! | `$name` | a token whose lower case is in the word list `name` |
//! | `!x` | one token that `x` (a word, quoted word, list or class) does not match |
//! | `_` | any one token |
//! | `%cap` `%alpha` `%word` `%number` `%punct` `%poss` | a capitalised word; a word of letters only; a word; a number; punctuation; a possessive `'s` |
//! | `%title` `%head` `%lower` | a word of job titles (`title_words`, capitalised or in capitals as written); a title's head word (`title_head_words`); a word written in lower case |
//! | `%free` | a token that no mention covers (no part of a name: `(?= %free ) in`) |
//! | `%date`, `%date[full]`, `%date[day]`, `%date[year]` | a date (`[full]`: not a bare year; `[day]`: one with a day; `[year]`: a bare year) |
//! | `%start`, `%end` | the start or the end of the sentence (consumes nothing) |
//! | `%gap` | any number of tokens up to the end of the sentence, fewest first (`_*` takes at most 16) |
//! | `@Agency`, `@Person\|Organization` | a mention of one of the classes, by name |
//! | `@Agency[ref]` | … or a reference back to one ("the Department", a person's surname or an opening "She") |
//! | `@Agency[prefix=Department]` | … whose name starts with that word |
//! | `@Agency[head=Office\|Service]`, `@Policy[head=$list]` | … whose name's last word is one of these (of the list: in lower case) |
//! | `@Agency[ref=the]` | … or a reference back the anaphora stage resolved ("the Department"; not a surname or pronoun) |
//! | `@Agency[same=a]` | … of the same entity as the mention captured as `a` (its acronym) |
//! | `@Agency[next]` | … that is the first mention after the pattern's previous one (no other mention starts between) |
//! | `@Memo[next=Person\|Memo]` | … with no mention of those classes between the pattern's previous one and it |
//! | `@Memo[!doc]` | … that is not the mention naming the document (its title) |
//! | `@Agency[!title]` | … that is not the body of a person's title ("the Secretary of Labor") |
//! | `@Agency[first=Office\|Bureau]`, `[!first=…]`, `[!known]` | … whose name as written starts (or does not start) with one of these words; … that the gazetteer does not know |
//! | `@Memo[!heading]`, `@Person[!jobtitle]` | … of an entity the document's title line does not name; … that no earlier rule gave a job title |
//! | `!@Agency\|Organization` | no mention of those classes starts here (consumes nothing) |
//! | `@Memo[date=d]` | … whose name holds a date that is not a bare year, captured as `d` |
//! | `@Policy[year=y]`, `@Policy[!year]` | … whose name ends on a year after " of " ("… Act of 1965", from 1776 to 2100), captured as `y`; … or on no number |
//! | `@doc` | the document's own memo (by name, or "this memorandum") |
//! | `( a \| b c )` | a group of alternatives |
//! | `(?= x )`, `(?! x )` | a match of `x` starts here, or none does (consumes nothing; a positive one keeps its captures) |
//! | `(?<= x )`, `(?<! x )` | a match of `x` within the sentence ends here, or none does |
//! | `(?<<= x )`, `(?<<! x )` | … within the sentence or the one before it (a line break that split a sentence) |
//! | `x?` `x*` `x+` `x{2}` `x{1,3}` `x{,4}` | optional, repeated (`*`, `+`: at most 16 times), bounded (at most 255) |
//! | `( _* run by _* ){<=5}` | `x`, covering at most that many tokens |
//! | `name:x` | a named capture (a mention, a date, or the text of the tokens) |
//!
//! A rule yields, for every way its pattern matches, a `fact` (subject,
//! predicate and object from captures, or a literal `value`; the subject
//! `"@doc"` is the document's own memo, the object `"@creator"` the person
//! who made it, the object `"@date"` the document's date; `head_title = "t"`:
//! only when the captured words `t` are a title that heads its body) or several `facts = [...]` (each
//! recorded with the rule's id or its own `id`), a `mention`
//! (a class and a captured span), or an `alias` (a captured name for a
//! captured mention). Mention and alias rules run before the built-in
//! relation stages, fact rules after them (or, with `phase = "authors"`,
//! among them: before the stages that read who made a memo). Rules are compiled once, when the
//! extractor is built, and indexed by the words, mention classes and dates
//! they can start with, so that a token only tries the rules that can match
//! there, and a sentence only the rules whose needed words it holds.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;
use std::sync::{Arc, Mutex, OnceLock};

use serde::Deserialize;
use toml::Spanned;

use super::dates::DateMention;
use super::mentions::{class_key, is_head_title, is_title_word, Mention, TITLE_HEADS};
use super::relations::{upper_first, Ctx, FactObject};
use super::text::TokKind;
use crate::error::{Error, Result};
use crate::model::{Date, EntityClass, Extraction, Object, Predicate, Span};

/// The built-in rule files: the path `explain` shows, and the contents.
pub(crate) const BUILTIN: &[(&str, &str)] = &[
    ("data/words.toml", include_str!("../../data/words.toml")),
    (
        "data/rules/recall-bios.toml",
        include_str!("../../data/rules/recall-bios.toml"),
    ),
    (
        "data/rules/recall-founders.toml",
        include_str!("../../data/rules/recall-founders.toml"),
    ),
    (
        "data/rules/recall-leaders.toml",
        include_str!("../../data/rules/recall-leaders.toml"),
    ),
    (
        "data/rules/recall-structure.toml",
        include_str!("../../data/rules/recall-structure.toml"),
    ),
    (
        "data/rules/recall-units.toml",
        include_str!("../../data/rules/recall-units.toml"),
    ),
    (
        "data/rules/recall-directives.toml",
        include_str!("../../data/rules/recall-directives.toml"),
    ),
    (
        "data/rules/recall-memos.toml",
        include_str!("../../data/rules/recall-memos.toml"),
    ),
    (
        "data/rules/implements.toml",
        include_str!("../../data/rules/implements.toml"),
    ),
    (
        "data/rules/memos.toml",
        include_str!("../../data/rules/memos.toml"),
    ),
    (
        "data/rules/succession.toml",
        include_str!("../../data/rules/succession.toml"),
    ),
    (
        "data/rules/replaces.toml",
        include_str!("../../data/rules/replaces.toml"),
    ),
    (
        "data/rules/roles.toml",
        include_str!("../../data/rules/roles.toml"),
    ),
    (
        "data/rules/defunct.toml",
        include_str!("../../data/rules/defunct.toml"),
    ),
    (
        "data/rules/sub-org.toml",
        include_str!("../../data/rules/sub-org.toml"),
    ),
    (
        "data/rules/units.toml",
        include_str!("../../data/rules/units.toml"),
    ),
    (
        "data/rules/people.toml",
        include_str!("../../data/rules/people.toml"),
    ),
    (
        "data/rules/documents.toml",
        include_str!("../../data/rules/documents.toml"),
    ),
    (
        "data/rules/delegations.toml",
        include_str!("../../data/rules/delegations.toml"),
    ),
    (
        "data/rules/statements.toml",
        include_str!("../../data/rules/statements.toml"),
    ),
    (
        "data/rules/carry-out.toml",
        include_str!("../../data/rules/carry-out.toml"),
    ),
    (
        "data/rules/titles.toml",
        include_str!("../../data/rules/titles.toml"),
    ),
    (
        "data/rules/established-in.toml",
        include_str!("../../data/rules/established-in.toml"),
    ),
    (
        "data/rules/recall-implements.toml",
        include_str!("../../data/rules/recall-implements.toml"),
    ),
    (
        "data/rules/recall-people.toml",
        include_str!("../../data/rules/recall-people.toml"),
    ),
    (
        "data/rules/recall-legal.toml",
        include_str!("../../data/rules/recall-legal.toml"),
    ),
    (
        "data/rules/memo-clauses.toml",
        include_str!("../../data/rules/memo-clauses.toml"),
    ),
    (
        "data/rules/recall-releases.toml",
        include_str!("../../data/rules/recall-releases.toml"),
    ),
    (
        "data/rules/recall-policies.toml",
        include_str!("../../data/rules/recall-policies.toml"),
    ),
    (
        "data/rules/recall-wh.toml",
        include_str!("../../data/rules/recall-wh.toml"),
    ),
    (
        "data/rules/recall-congress.toml",
        include_str!("../../data/rules/recall-congress.toml"),
    ),
];

/// The most steps one pattern may take from one start token (a bound on
/// backtracking, so that no rule can make extraction slow).
const STEP_BUDGET: usize = 20_000;

/// The deepest a match may nest (each element matched adds a level): a bound
/// on the stack a user's pattern can use (`(_{64}){64}` over a long sentence).
const MAX_DEPTH: usize = 512;

/// FNV-1a, for the maps of short words looked up at every token.
#[derive(Debug, Clone, Copy, Default)]
struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = self.0 ^ 0xcbf2_9ce4_8422_2325;
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type FastHash = std::hash::BuildHasherDefault<Fnv>;

/// A word list, in lower case.
type WordSet = HashSet<String, FastHash>;

/// A rule of a [`RuleSet`], by index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RuleId(u32);

/// What a rule yields.
#[derive(Debug, Clone)]
enum Action {
    /// One fact or several (`facts = [...]`), each recorded with its id.
    Facts(Vec<FactAct>),
    Mention {
        class: EntityClass,
        span: usize,
    },
    Alias {
        name: usize,
        of: usize,
    },
}

/// A fact a rule yields.
#[derive(Debug, Clone)]
struct FactAct {
    /// The id recorded as the fact's `mg:rule` (the rule's, or the fact's own `id`).
    id: &'static str,
    /// The capture of the subject (None: the document's own memo, `"@doc"`).
    subject: Option<usize>,
    predicate: Predicate,
    object: Obj,
    /// The capture of words that must be a head title (`head_title = "t"`).
    head_title: Option<usize>,
}

/// The object of a fact rule.
#[derive(Debug, Clone)]
enum Obj {
    Capture(usize),
    /// The person who made the document's memo (`object = "@creator"`).
    DocCreator,
    /// The document's date (`object = "@date"`).
    DocDate,
    /// The captured words, in lower case, looked up in a map (`map = { … }`):
    /// the text they map to, or no fact.
    Mapped(usize, Vec<(String, String)>),
    Bool(bool),
    Text(String),
}

/// What a capture holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CapKind {
    Mention,
    Date,
    Span,
}

/// An example sentence of a rule and what it must yield.
#[derive(Debug, Clone)]
pub struct Example {
    /// The text.
    pub text: String,
    /// `Subject | predicate | Object`, `Class: Name`, or `Alias = Name`.
    pub yields: String,
    /// The line of the example in its file.
    pub line: usize,
}

/// A compiled rule.
#[derive(Debug, Clone)]
pub struct Rule {
    /// The rule id (`rel.defunct-modifier`), recorded as the evidence's `mg:rule`.
    pub name: &'static str,
    /// Every id its facts record: the rule id, and the `id` of any fact that has one.
    pub ids: Vec<&'static str>,
    /// The file it is defined in (`data/rules/defunct.toml` or the user's path).
    pub file: String,
    /// The line of its `id`.
    pub line: usize,
    /// Sentences that must yield what they state.
    pub examples: Vec<Example>,
    /// Sentences from which the rule must yield nothing (with their lines).
    pub counter_examples: Vec<(String, usize)>,
    action: Action,
    /// The captures whose extent is the evidence of its facts (`evidence =
    /// ["from", "to"]`), rather than the sentence.
    evidence: Option<(usize, usize)>,
    /// Capture names, by slot.
    captures: Vec<(String, CapKind)>,
    /// When a fact rule runs (`phase = "authors"`), or after the built-in stages.
    authors: bool,
}

impl Rule {
    /// Where the rule is defined: `file:line`.
    pub fn origin(&self) -> String {
        format!("{}:{}", self.file, self.line)
    }
    fn is_fact(&self) -> bool {
        matches!(self.action, Action::Facts(_))
    }
}

/// One token test.
#[derive(Debug, Clone)]
enum TokTest {
    Lower(String),
    Exact(String),
    List(usize),
    Cap,
    Alpha,
    Word,
    Number,
    Punct,
    Poss,
    /// `%title`: a word of a job title (`title_words`, capitalised as written,
    /// or in capitals: "director", "Director", "DIRECTOR").
    Title,
    /// `%head`: a title's head word (`title_head_words`, capitalised as written).
    Head,
    /// `%lower`: a word written in lower case.
    LowerCase,
    /// `%free`: a token that no mention covers (no part of a name).
    Free,
    Any,
}

/// A pattern element.
#[derive(Debug, Clone)]
enum Node {
    Tok(TokTest, bool),
    Mention {
        classes: u8,
        refs: bool,
        /// The classes (a mask) of which no mention may start between the
        /// pattern's previous mention and this one (`[next]`: all of them).
        next: u8,
        prefix: Option<String>,
        /// One of the last words its name may end with (`head=Office|Service`,
        /// or a word list compared in lower case: `head=$program_heads`).
        head: Option<Head>,
        /// Of references back, only those the anaphora stage resolved
        /// ("the Department"), not a surname or a pronoun (`ref=the`).
        refs_the: bool,
        /// The same entity (key) as the mention of that capture (`same=agency`).
        same: Option<usize>,
        /// Not the agency of a person's title ("the Secretary of Labor").
        untitled: bool,
        /// The document's own memo (`@doc`).
        doc: bool,
        /// Not the mention that names the document (its title).
        not_doc: bool,
        /// A capture for the first date inside its name that is not a bare
        /// year (`date=d`): a mention without one does not match.
        dated: Option<usize>,
        /// A capture for the year that ends its name, an act's ("… Act of
        /// 1965", from 1776 to 2100: `year=y`), or (`!year`) no such number.
        year: Option<usize>,
        no_year: bool,
        /// One of the first words its name (as written) may start with
        /// (`first=Office|Bureau`), or (`!first=`) may not.
        first: Option<(Vec<String>, bool)>,
        /// Not a body the gazetteer knows (`!known`).
        unknown: bool,
        /// Not a person an earlier rule gave a job title (`!jobtitle`).
        untitled_person: bool,
        /// Not of an entity the document's title line names (`!heading`).
        not_heading: bool,
        /// Not a second mention over the words of an earlier one of these
        /// classes (the parent a name implies, `!implied`).
        not_implied: bool,
        /// Not a memo named by its kind alone, which names no particular
        /// one ("OMB Memorandum", "BOD"), nor a lettered section heading
        /// ("A. Guidance to Agencies on …") (`!generic`).
        not_generic: bool,
        cap: Option<usize>,
    },
    /// No mention of the classes starts here (`!@Agency`; consumes nothing).
    NoMention(u8),
    Date {
        full: bool,
        /// Only a bare year (`%date[year]`).
        bare: bool,
        /// Only a date with a day (`%date[day]`: "February 9, 2016", not "March 2016").
        day: bool,
        cap: Option<usize>,
    },
    Start,
    End,
    /// Any number of tokens, up to the end of the sentence (`%gap`).
    Gap,
    Group {
        alts: Vec<Vec<Node>>,
        cap: Option<usize>,
    },
    Repeat {
        node: Box<Node>,
        min: usize,
        max: usize,
        /// The node always covers one token and captures nothing: matched
        /// in a loop, not one level deeper per repetition.
        flat: bool,
    },
    /// A node that covers at most `max` tokens.
    Width {
        node: Box<Node>,
        max: usize,
    },
    /// A look around, consuming nothing: whether a match of `node` starts
    /// here (`(?= x)`, `(?! x)`) or ends here (`(?<= x)`, `(?<! x)`).
    Look {
        node: Box<Node>,
        ahead: bool,
        neg: bool,
        /// A positive look-around with captures: the pattern goes on from
        /// inside each of its matches (else it is tested, then left).
        keep: bool,
        /// It has captures inside.
        inner: bool,
        /// A look-behind that may start in the sentence before (`(?<<= x)`,
        /// `(?<<! x)`).
        wide: bool,
    },
}

/// Whether a node always covers exactly one token and captures nothing: a
/// token test, or a group of alternatives that are each look-arounds and one
/// such node.
fn one_token(n: &Node) -> bool {
    match n {
        Node::Tok(..) => true,
        Node::Group { alts, cap: None } => alts.iter().all(|a| match a.split_last() {
            Some((last, looks)) => {
                one_token(last)
                    && looks
                        .iter()
                        .all(|l| matches!(l, Node::Look { keep: false, .. }))
            }
            None => false,
        }),
        _ => false,
    }
}

/// Whether a node captures something.
fn captures_in(n: &Node) -> bool {
    match n {
        Node::Mention {
            cap, dated, year, ..
        } => cap.is_some() || dated.is_some() || year.is_some(),
        Node::Date { cap, .. } => cap.is_some(),
        Node::Group { alts, cap } => cap.is_some() || alts.iter().flatten().any(captures_in),
        Node::Repeat { node, .. } | Node::Width { node, .. } | Node::Look { node, .. } => {
            captures_in(node)
        }
        _ => false,
    }
}

/// The last words a mention's name may end with.
#[derive(Debug, Clone)]
enum Head {
    Words(Vec<String>),
    /// A word list, compared in lower case.
    List(usize),
}

/// A compiled pattern of a rule.
#[derive(Debug, Clone)]
struct Pat {
    rule: usize,
    nodes: Vec<Node>,
}

/// Which patterns can start at a token.
#[derive(Debug, Clone)]
struct Index {
    /// The words that start a pattern or that a pattern needs: their entries.
    words: HashMap<String, usize, FastHash>,
    /// For each word entry, the patterns it starts.
    by_word: Vec<Vec<usize>>,
    by_class: [Vec<usize>; 5],
    by_date: Vec<usize>,
    always: Vec<usize>,
    /// Patterns that start with `%start`: tried at a sentence's first token only.
    at_start: Vec<usize>,
    /// The first bytes of the words, and their longest length.
    first_bytes: [bool; 256],
    max_word: usize,
    /// Words a sentence must hold for a pattern to match there: each
    /// pattern's sets (by pattern; one word of each), and for each word
    /// entry the sets it is in.
    need_of: Vec<Vec<usize>>,
    needs: Vec<Vec<usize>>,
    n_needs: usize,
}

impl Default for Index {
    fn default() -> Self {
        Self {
            words: HashMap::default(),
            by_word: Vec::new(),
            by_class: Default::default(),
            by_date: Vec::new(),
            always: Vec::new(),
            at_start: Vec::new(),
            first_bytes: [false; 256],
            max_word: 0,
            need_of: Vec::new(),
            needs: Vec::new(),
            n_needs: 0,
        }
    }
}

/// A set of compiled rules: the built-in ones and the user's.
#[derive(Debug, Clone, Default)]
pub struct RuleSet {
    rules: Vec<Rule>,
    pats: Vec<Pat>,
    lists: Vec<WordSet>,
    /// Index of the mention and alias rules (run before the built-in stages).
    early: Index,
    /// Index of the fact rules (run after them).
    late: Index,
    /// Index of the fact rules of the `authors` phase (run among them).
    authors: Index,
    by_name: HashMap<&'static str, RuleId>,
}

// ---------------------------------------------------------------- files

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileDef {
    #[serde(default)]
    lists: BTreeMap<String, Spanned<Vec<String>>>,
    /// Named pieces of patterns, used as `%name`.
    #[serde(default)]
    parts: BTreeMap<String, Spanned<String>>,
    #[serde(default)]
    rule: Vec<RuleDef>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleDef {
    id: Spanned<String>,
    #[serde(default)]
    pattern: Option<Spanned<String>>,
    #[serde(default)]
    patterns: Vec<Spanned<String>>,
    #[serde(default)]
    fact: Option<Spanned<FactDef>>,
    #[serde(default)]
    facts: Vec<Spanned<FactDef>>,
    #[serde(default)]
    mention: Option<Spanned<MentionDef>>,
    #[serde(default)]
    alias: Option<Spanned<AliasDef>>,
    /// The captures whose extent is a fact's evidence (from the start of
    /// the first to the end of the second), rather than the sentence's.
    #[serde(default)]
    evidence: Option<Spanned<Vec<String>>>,
    #[serde(default)]
    examples: Vec<Spanned<ExampleDef>>,
    #[serde(default)]
    counter_examples: Vec<Spanned<String>>,
    #[serde(default)]
    #[allow(dead_code)]
    description: Option<String>,
    /// When a fact rule runs: `"authors"`, or after the built-in stages.
    #[serde(default)]
    phase: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FactDef {
    /// The id the fact records, when it is not the rule's (`facts = [...]`).
    #[serde(default)]
    id: Option<String>,
    subject: String,
    predicate: String,
    #[serde(default)]
    object: Option<String>,
    #[serde(default)]
    value: Option<LiteralDef>,
    /// A `schema:jobTitle` object's words in lower case -> the title written
    /// ("senators" -> "Senator"); words that are no key give no fact.
    #[serde(default)]
    map: Option<std::collections::BTreeMap<String, String>>,
    /// A capture of words: the fact holds only when they are a title that
    /// heads its body ("Director", not "Deputy Director").
    #[serde(default)]
    head_title: Option<String>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum LiteralDef {
    Bool(bool),
    Text(String),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MentionDef {
    class: String,
    span: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AliasDef {
    name: String,
    of: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ExampleDef {
    text: String,
    yields: String,
}

/// A rule id as a `&'static str` (rule ids are recorded in facts); each
/// distinct id is stored once per process.
fn intern(s: &str) -> &'static str {
    static NAMES: OnceLock<Mutex<HashSet<&'static str>>> = OnceLock::new();
    let mut names = NAMES
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some(&n) = names.get(s) {
        return n;
    }
    let n: &'static str = Box::leak(s.to_string().into_boxed_str());
    names.insert(n);
    n
}

/// Line and column (1-based, in characters) of a byte offset.
fn line_col(src: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(src.len());
    let before = src.get(..offset).unwrap_or(src);
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

/// One file being compiled: its name and text, for error positions.
struct Source<'s> {
    path: &'s str,
    text: &'s str,
}

impl Source<'_> {
    fn err(&self, offset: usize, message: impl Into<String>) -> Error {
        let (line, column) = line_col(self.text, offset);
        Error::Rules {
            path: self.path.to_string(),
            line,
            column,
            message: message.into(),
        }
    }
    fn line(&self, offset: usize) -> usize {
        line_col(self.text, offset).0
    }
}

impl RuleSet {
    /// The built-in rules, compiled once per process.
    pub fn builtin() -> Arc<RuleSet> {
        static BUILT: OnceLock<Arc<RuleSet>> = OnceLock::new();
        BUILT
            .get_or_init(|| {
                Arc::new(
                    Self::compile(&[])
                        .unwrap_or_else(|e| unreachable!("built-in rules are valid: {e}")),
                )
            })
            .clone()
    }

    /// The built-in rules and those of the user's files.
    pub fn with_files(paths: &[&Path]) -> Result<RuleSet> {
        let mut user = Vec::new();
        for p in paths {
            let text = std::fs::read_to_string(p).map_err(|source| Error::Io {
                path: p.to_path_buf(),
                source,
            })?;
            user.push((p.display().to_string(), text));
        }
        let sources: Vec<(&str, &str)> =
            user.iter().map(|(p, t)| (p.as_str(), t.as_str())).collect();
        Self::compile(&sources)
    }

    /// Compiles the built-in files and then `user` (path, text) files.
    fn compile(user: &[(&str, &str)]) -> Result<RuleSet> {
        let mut files = Vec::new();
        for &(path, text) in BUILTIN.iter().chain(user) {
            let src = Source { path, text };
            let def: FileDef = toml::from_str(text).map_err(|e| {
                let at = e.span().map_or(0, |s| s.start);
                src.err(at, e.message().trim().to_string())
            })?;
            files.push((src, def));
        }
        let mut set = RuleSet::default();
        // every file's lists first: a user file may use the built-in lists
        let mut list_ids: HashMap<String, usize> = HashMap::new();
        for (src, def) in &files {
            for (name, words) in &def.lists {
                if list_ids.contains_key(name) {
                    return Err(src.err(
                        words.span().start,
                        format!("the word list `{name}` is defined twice"),
                    ));
                }
                list_ids.insert(name.clone(), set.lists.len());
                set.lists
                    .push(words.get_ref().iter().map(|w| w.to_lowercase()).collect());
            }
        }
        // `"$other"` in a list: every word of that list (to a depth of 8)
        for _ in 0..8 {
            for (src, def) in &files {
                for (name, words) in &def.lists {
                    for w in words.get_ref() {
                        let Some(other) = w.strip_prefix('$').filter(|o| !o.is_empty()) else {
                            continue;
                        };
                        let Some(&o) = list_ids.get(other) else {
                            return Err(src.err(
                                words.span().start,
                                format!(
                                    "the list `{name}` includes `${other}`, which is not defined"
                                ),
                            ));
                        };
                        let more = set.lists[o].clone();
                        set.lists[list_ids[name]].extend(more);
                    }
                }
            }
        }
        for l in &mut set.lists {
            l.retain(|w| w.len() < 2 || !w.starts_with('$'));
        }
        // every file's parts, as the lists
        let mut parts: Parts<'_, '_> = HashMap::new();
        for (src, def) in &files {
            for (name, text) in &def.parts {
                let at = text.span().start;
                let builtin = matches!(
                    name.as_str(),
                    "cap"
                        | "alpha"
                        | "word"
                        | "number"
                        | "punct"
                        | "poss"
                        | "title"
                        | "head"
                        | "lower"
                        | "date"
                        | "start"
                        | "end"
                        | "gap"
                );
                if builtin || parts.contains_key(name) {
                    return Err(src.err(at, format!("the part `{name}` is defined twice")));
                }
                parts.insert(
                    name.clone(),
                    (src, string_base(src.text, at), text.get_ref()),
                );
            }
        }
        for (src, def) in &files {
            for r in &def.rule {
                set.add_rule(src, r, &list_ids, &parts)?;
            }
        }
        set.build_index();
        Ok(set)
    }

    fn add_rule(
        &mut self,
        src: &Source<'_>,
        r: &RuleDef,
        lists: &HashMap<String, usize>,
        parts: &Parts<'_, '_>,
    ) -> Result<()> {
        let id_at = r.id.span().start;
        let name = r.id.get_ref().trim();
        if name.is_empty() || name.contains(char::is_whitespace) {
            return Err(src.err(id_at, "a rule id is one word, like `city.department-of`"));
        }
        if let Some(&other) = self.by_name.get(name) {
            let o = &self.rules[other.0 as usize];
            return Err(src.err(
                id_at,
                format!("the rule id `{name}` is already defined at {}", o.origin()),
            ));
        }
        let texts: Vec<&Spanned<String>> = r.pattern.iter().chain(&r.patterns).collect();
        if texts.is_empty() {
            return Err(src.err(id_at, format!("rule `{name}` has no `pattern`")));
        }
        let rule_ix = self.rules.len();
        let mut captures: Vec<(String, CapKind)> = Vec::new();
        let mut compiled = Vec::new();
        for t in &texts {
            let base = string_base(src.text, t.span().start);
            let mut p = Parser {
                src,
                base,
                s: t.get_ref(),
                pos: 0,
                lists,
                captures: &mut captures,
                parts,
                nesting: 0,
            };
            let nodes = p.parse()?;
            compiled.push((nodes, t.span().start));
        }
        let cap = |n: &str, at: usize| -> Result<(usize, CapKind)> {
            captures
                .iter()
                .position(|(c, _)| c == n)
                .map(|i| (i, captures[i].1))
                .ok_or_else(|| src.err(at, format!("no capture `{n}:` in the pattern")))
        };
        let actions = [
            r.fact.is_some() || !r.facts.is_empty(),
            r.mention.is_some(),
            r.alias.is_some(),
        ];
        if actions.iter().filter(|&&a| a).count() != 1 || r.fact.is_some() && !r.facts.is_empty() {
            return Err(src.err(
                id_at,
                format!("rule `{name}` needs exactly one of `fact`, `facts`, `mention` or `alias`"),
            ));
        }
        let rule_name = intern(name);
        let mut ids = vec![rule_name];
        let action = if r.fact.is_some() || !r.facts.is_empty() {
            let mut acts = Vec::new();
            for f in r.fact.iter().chain(&r.facts) {
                let at = f.span().start;
                let f = f.get_ref();
                let predicate = parse_predicate(&f.predicate).ok_or_else(|| {
                    src.err(
                        at,
                        format!(
                            "unknown predicate `{}`; expected one of {}",
                            f.predicate,
                            Predicate::ALL.map(Predicate::curie).join(", ")
                        ),
                    )
                })?;
                let (subject, kind) = match f.subject.as_str() {
                    "@doc" => (None, CapKind::Mention),
                    c => cap(c, at).map(|(slot, kind)| (Some(slot), kind))?,
                };
                if kind != CapKind::Mention {
                    return Err(src.err(
                        at,
                        format!(
                            "the subject `{}` must capture a mention (`@Class`)",
                            f.subject
                        ),
                    ));
                }
                let object = match (&f.object, &f.value) {
                    (Some(o), None) if o == "@creator" => {
                        if matches!(
                            predicate,
                            Predicate::JobTitle
                                | Predicate::Issued
                                | Predicate::FoundingDate
                                | Predicate::Defunct
                        ) || f.map.is_some()
                        {
                            return Err(src.err(
                                at,
                                format!("the object of {} cannot be `@creator`", predicate.curie()),
                            ));
                        }
                        Obj::DocCreator
                    }
                    (Some(o), None) if o == "@date" => {
                        if !matches!(predicate, Predicate::Issued | Predicate::FoundingDate)
                            || f.map.is_some()
                        {
                            return Err(src.err(
                                at,
                                format!("the object of {} cannot be `@date`", predicate.curie()),
                            ));
                        }
                        Obj::DocDate
                    }
                    (Some(o), None) => {
                        let (slot, kind) = cap(o, at)?;
                        let want = match predicate {
                            Predicate::Defunct => None,
                            Predicate::JobTitle => Some(CapKind::Span),
                            Predicate::Issued | Predicate::FoundingDate => Some(CapKind::Date),
                            _ => Some(CapKind::Mention),
                        };
                        if want != Some(kind) {
                            let what = match want {
                                Some(CapKind::Mention) => "a mention (`@Class`)",
                                Some(CapKind::Date) => "a date (`%date`)",
                                Some(CapKind::Span) => "words (a group)",
                                None => "nothing: give `value = true`",
                            };
                            return Err(src.err(
                                at,
                                format!("the object of {} must be {what}", predicate.curie()),
                            ));
                        }
                        match &f.map {
                            None => Obj::Capture(slot),
                            Some(map) if kind == CapKind::Span => Obj::Mapped(
                                slot,
                                map.iter()
                                    .map(|(k, v)| (k.to_lowercase(), v.clone()))
                                    .collect(),
                            ),
                            Some(_) => {
                                return Err(src.err(
                                    at,
                                    "a `map` takes captured words: the object of schema:jobTitle",
                                ))
                            }
                        }
                    }
                    (None, Some(_)) if f.map.is_some() => {
                        return Err(src.err(at, "a `map` needs an `object`, not a `value`"))
                    }
                    (None, Some(LiteralDef::Bool(b))) if predicate == Predicate::Defunct => {
                        Obj::Bool(*b)
                    }
                    (None, Some(LiteralDef::Text(t))) if predicate == Predicate::JobTitle => {
                        Obj::Text(t.clone())
                    }
                    (None, Some(_)) => {
                        return Err(src.err(
                            at,
                            format!(
                                "{} takes no literal `value` of this type",
                                predicate.curie()
                            ),
                        ))
                    }
                    _ => return Err(src.err(at, "a fact needs exactly one of `object` or `value`")),
                };
                let id = match &f.id {
                    None => rule_name,
                    Some(id) => {
                        let id = id.trim();
                        if id.is_empty() || id.contains(char::is_whitespace) {
                            return Err(src.err(at, "a fact's id is one word, like `city.head-of`"));
                        }
                        if let Some(&other) = self.by_name.get(id) {
                            let o = &self.rules[other.0 as usize];
                            return Err(src.err(
                                at,
                                format!("the id `{id}` is already defined at {}", o.origin()),
                            ));
                        }
                        let id = intern(id);
                        if !ids.contains(&id) {
                            ids.push(id);
                        }
                        id
                    }
                };
                let head_title = match &f.head_title {
                    None => None,
                    Some(c) => match cap(c, at)? {
                        (slot, CapKind::Span) => Some(slot),
                        _ => return Err(src.err(at, "a `head_title` takes captured words")),
                    },
                };
                acts.push(FactAct {
                    id,
                    subject,
                    predicate,
                    object,
                    head_title,
                });
            }
            Action::Facts(acts)
        } else if let Some(m) = &r.mention {
            let at = m.span().start;
            let m = m.get_ref();
            let class = EntityClass::parse(&m.class).ok_or_else(|| {
                src.err(
                    at,
                    format!(
                        "unknown class `{}`; expected Agency, Organization, Person, Memo or Policy",
                        m.class
                    ),
                )
            })?;
            let (span, _) = cap(&m.span, at)?;
            Action::Mention { class, span }
        } else if let Some(a) = &r.alias {
            let at = a.span().start;
            let a = a.get_ref();
            let (name, _) = cap(&a.name, at)?;
            let (of, kind) = cap(&a.of, at)?;
            if kind != CapKind::Mention {
                return Err(src.err(at, format!("`of = \"{}\"` must capture a mention", a.of)));
            }
            Action::Alias { name, of }
        } else {
            return Err(src.err(id_at, "no action"));
        };
        let evidence = match &r.evidence {
            None => None,
            Some(e) => {
                let at = e.span().start;
                match &e.get_ref()[..] {
                    [from, to] if matches!(action, Action::Facts(_)) => {
                        Some((cap(from, at)?.0, cap(to, at)?.0))
                    }
                    [_, _] => return Err(src.err(at, "only a fact rule takes `evidence`")),
                    _ => {
                        return Err(src.err(
                            at,
                            "`evidence` names two captures: `evidence = [\"from\", \"to\"]`",
                        ))
                    }
                }
            }
        };
        let authors = match &r.phase {
            None => false,
            Some(ph) if ph.get_ref() == "authors" && matches!(action, Action::Facts(_)) => true,
            Some(ph) if ph.get_ref() == "authors" => {
                return Err(src.err(ph.span().start, "only a fact rule takes a `phase`"))
            }
            Some(ph) => {
                return Err(src.err(
                    ph.span().start,
                    format!("unknown phase `{}`; expected `authors`", ph.get_ref()),
                ))
            }
        };
        let examples = r
            .examples
            .iter()
            .map(|e| Example {
                text: e.get_ref().text.clone(),
                yields: e.get_ref().yields.clone(),
                line: src.line(e.span().start),
            })
            .collect();
        let counter_examples = r
            .counter_examples
            .iter()
            .map(|c| (c.get_ref().clone(), src.line(c.span().start)))
            .collect();
        for id in &ids {
            self.by_name.insert(id, RuleId(rule_ix as u32));
        }
        self.rules.push(Rule {
            name: rule_name,
            ids,
            file: src.path.to_string(),
            line: src.line(id_at),
            examples,
            counter_examples,
            action,
            evidence,
            captures,
            authors,
        });
        for (nodes, _) in compiled {
            self.pats.push(Pat {
                rule: rule_ix,
                nodes,
            });
        }
        Ok(())
    }

    fn build_index(&mut self) {
        let mut early = Index::default();
        let mut late = Index::default();
        let mut authors = Index::default();
        for (pi, p) in self.pats.iter().enumerate() {
            let index = if self.rules[p.rule].authors {
                &mut authors
            } else if self.rules[p.rule].is_fact() {
                &mut late
            } else {
                &mut early
            };
            let mut sets = needed_all(&p.nodes, &self.lists);
            sets.dedup();
            for words in sets {
                if index.need_of.len() <= pi {
                    index.need_of.resize(pi + 1, Vec::new());
                }
                index.need_of[pi].push(index.n_needs);
                for w in words {
                    let e = index.entry(w);
                    index.needs[e].push(index.n_needs);
                }
                index.n_needs += 1;
            }
            if matches!(p.nodes.first(), Some(Node::Start)) {
                index.at_start.push(pi);
                continue;
            }
            match first_of(&p.nodes, &self.lists) {
                None => index.always.push(pi),
                Some(f) => {
                    for w in f.words {
                        let e = index.entry(w);
                        index.by_word[e].push(pi);
                    }
                    for (ci, c) in EntityClass::ALL.iter().enumerate() {
                        if f.classes & class_bit(*c) != 0 {
                            index.by_class[ci].push(pi);
                        }
                    }
                    if f.date {
                        index.by_date.push(pi);
                    }
                }
            }
        }
        self.early = early;
        self.late = late;
        self.authors = authors;
    }

    /// Every rule, in file order.
    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }

    /// The rule with this id.
    pub fn get(&self, name: &str) -> Option<&Rule> {
        self.by_name.get(name).map(|id| &self.rules[id.0 as usize])
    }

    /// Runs the mention and alias rules (before the built-in relation stages).
    pub(crate) fn apply_early(&self, ctx: &mut Ctx<'_>) {
        if !self.early.is_empty() {
            let found = self.matches(ctx, &self.early);
            self.emit(ctx, found);
        }
    }

    /// Runs the fact rules of the `authors` phase (among the built-in
    /// stages, before those that read who made a memo).
    pub(crate) fn apply_authors(&self, ctx: &mut Ctx<'_>) {
        if !self.authors.is_empty() {
            let found = self.matches(ctx, &self.authors);
            self.emit(ctx, found);
        }
    }

    /// Runs the fact rules (after the built-in relation stages).
    pub(crate) fn apply_late(&self, ctx: &mut Ctx<'_>) {
        if !self.late.is_empty() {
            let found = self.matches(ctx, &self.late);
            self.emit(ctx, found);
        }
    }

    /// Every match of the indexed patterns in every sentence: (rule, captures, sentence span).
    fn matches(&self, ctx: &Ctx<'_>, index: &Index) -> Vec<(usize, Vec<Option<Val>>, Span)> {
        let view = View::new(ctx);
        let mut out = Vec::new();
        let mut cands: Vec<usize> = Vec::new();
        let mut caps: Caps = Vec::new();
        let mut seen: Vec<Caps> = Vec::new();
        let mut date_ix = 0;
        // (the first mention, in `view.order`, that starts at or after the token)
        let mut oi = 0;
        let by_class = index.by_class.iter().any(|c| !c.is_empty());
        // (for each needed set, one past the last token of the sentence that
        // holds one of its words: a pattern starting after it cannot match)
        let mut last = vec![0usize; index.n_needs];
        // (each token's word entry, if it has one)
        let mut hits: Vec<usize> = Vec::new();
        for s in &ctx.seg.sentences {
            last.fill(0);
            hits.clear();
            for t in s.first..s.last {
                let w = view.tok(t);
                let b = w.as_bytes().first().copied().unwrap_or(0);
                // most tokens are no rule's word: no hashing for them
                let may = !b.is_ascii()
                    || index.first_bytes[usize::from(b.to_ascii_lowercase())]
                        && (!w.is_ascii() || w.len() <= index.max_word);
                let mut hit = usize::MAX;
                if may && !index.words.is_empty() {
                    if let Some(&e) = index.words.get(ctx.lower(t)) {
                        hit = e;
                        for &n in &index.needs[e] {
                            last[n] = t + 1;
                        }
                    }
                }
                hits.push(hit);
            }
            for t in s.first..s.last {
                cands.clear();
                if let Some(ps) = index.by_word.get(hits[t - s.first]) {
                    cands.extend_from_slice(ps);
                }
                if by_class {
                    let mut mask = 0u8;
                    let toks = &ctx.toks;
                    while oi < view.order.len() && toks[view.order[oi]].0 < t {
                        oi += 1;
                    }
                    for &m in view.order[oi..].iter().take_while(|&&m| toks[m].0 == t) {
                        mask |= class_bit(ctx.mentions[m].class);
                    }
                    for (ci, c) in EntityClass::ALL.iter().enumerate() {
                        if mask & class_bit(*c) != 0 {
                            cands.extend_from_slice(&index.by_class[ci]);
                        }
                    }
                }
                if !index.by_date.is_empty() {
                    let at = ctx.seg.tokens[t].span.start;
                    while date_ix < view.dates.len() && view.dates[date_ix].span.start < at {
                        date_ix += 1;
                    }
                    if view.dates.get(date_ix).is_some_and(|d| d.span.start == at) {
                        cands.extend_from_slice(&index.by_date);
                    }
                }
                cands.extend_from_slice(&index.always);
                if t == s.first {
                    cands.extend_from_slice(&index.at_start);
                }
                // (a pattern whose needed words are all behind: not tried)
                cands.retain(|&pi| {
                    index
                        .need_of
                        .get(pi)
                        .is_none_or(|ns| ns.iter().all(|&n| last[n] > t))
                });
                if cands.is_empty() {
                    continue;
                }
                cands.sort_unstable();
                cands.dedup();
                for &pi in &cands {
                    let pat = &self.pats[pi];
                    let n_caps = self.rules[pat.rule].captures.len();
                    let mut m = Matcher {
                        set: self,
                        view: &view,
                        last: s.last,
                        first: s.first,
                        limit: s.last,
                        steps: 0,
                        depth: 0,
                        behind: None,
                    };
                    // (one more slot: the pattern's last mention so far)
                    caps.clear();
                    caps.resize(n_caps + 1, None);
                    seen.clear();
                    m.seq(&pat.nodes, t, &mut caps, &mut |_, _, caps| {
                        if !seen.contains(caps) {
                            seen.push(caps.clone());
                        }
                        false
                    });
                    for mut caps in seen.drain(..) {
                        caps.truncate(n_caps);
                        if !out
                            .iter()
                            .rev()
                            .take(16)
                            .any(|(r, c, _)| *r == pat.rule && *c == caps)
                        {
                            out.push((pat.rule, caps, s.span));
                        }
                    }
                }
            }
        }
        out
    }

    fn emit(&self, ctx: &mut Ctx<'_>, mut found: Vec<(usize, Vec<Option<Val>>, Span)>) {
        // the longest mention first where several start at one token
        // ("Local Law 97 of 2019", not also "Local Law 97")
        let extent = |ri: usize, caps: &[Option<Val>]| match &self.rules[ri].action {
            Action::Mention { span, .. } => caps[*span].map_or((0, 0), |v| {
                let (a, b) = val_tokens(ctx, v);
                (a, usize::MAX - b)
            }),
            _ => (0, 0),
        };
        found.sort_by_key(|(ri, caps, ev)| (ev.start, extent(*ri, caps)));
        for (ri, caps, ev) in found {
            let rule = &self.rules[ri];
            match &rule.action {
                Action::Facts(acts) => {
                    // (the extent of two captures, when the rule names them)
                    let ev = match rule.evidence.map(|(a, b)| (caps[a], caps[b])) {
                        Some((Some(a), Some(b))) => {
                            let (a, b) = (val_span(ctx, a), val_span(ctx, b));
                            if a.start < a.end && b.start < b.end {
                                Span::new(a.start.min(b.start), a.end.max(b.end))
                            } else {
                                ev
                            }
                        }
                        _ => ev,
                    };
                    for f in acts {
                        if let Some(c) = f.head_title {
                            match caps[c] {
                                Some(Val::Span(a, b)) if is_head_title(&span_text(ctx, a, b)) => {}
                                _ => continue,
                            }
                        }
                        let s = match f.subject {
                            Some(c) => match caps[c] {
                                Some(Val::Mention(s)) => s,
                                _ => continue,
                            },
                            None => match ctx.doc_memo {
                                Some(d) => d,
                                None => continue,
                            },
                        };
                        let object = match &f.object {
                            Obj::DocCreator => match ctx.doc_creator() {
                                Some(p) => FactObject::Mention(p),
                                None => continue,
                            },
                            Obj::DocDate => match ctx.doc_date {
                                Some(d) => FactObject::Date(d),
                                None => continue,
                            },
                            Obj::Bool(b) => FactObject::Bool(*b),
                            Obj::Text(t) => FactObject::Text(t.clone()),
                            Obj::Capture(c) => match caps[*c] {
                                Some(Val::Mention(o)) => FactObject::Mention(o),
                                Some(Val::Date(d)) => FactObject::Date(d),
                                Some(Val::Span(a, b)) => FactObject::Text(span_text(ctx, a, b)),
                                None => continue,
                            },
                            Obj::Mapped(c, map) => {
                                let Some(Val::Span(a, b)) = caps[*c] else {
                                    continue;
                                };
                                let words = span_text(ctx, a, b).to_lowercase();
                                match map.iter().find(|(k, _)| *k == words) {
                                    Some((_, v)) => FactObject::Text(v.clone()),
                                    None => continue,
                                }
                            }
                        };
                        ctx.fact(s, f.predicate, object, ev, f.id);
                    }
                }
                Action::Mention { class, span } => {
                    let Some((a, b)) = caps[*span].map(|v| val_tokens(ctx, v)) else {
                        continue;
                    };
                    let span = tok_span(ctx, a, b);
                    let covered = ctx
                        .mentions
                        .iter()
                        .any(|m| m.span.contains(span) && m.class == *class && !m.anaphor);
                    if covered || span.start >= span.end {
                        continue;
                    }
                    let name = span_text(ctx, a, b);
                    // a name found with another class is this class's
                    if let Some(m) = ctx
                        .mentions
                        .iter_mut()
                        .find(|m| m.span == span && !m.anaphor)
                    {
                        m.class = *class;
                        m.key = class_key(*class, &m.name);
                        m.rule = rule.name;
                        continue;
                    }
                    let mut m = Mention::new(span, *class, name.clone(), rule.name, 40);
                    if let Some(e) = ctx.lex.lookup(&name).map(|e| &ctx.lex.entries[e]) {
                        if e.class == *class {
                            m.take_entry(e);
                        }
                    }
                    ctx.add_mention(m);
                }
                Action::Alias { name, of } => {
                    let Some(Val::Mention(of)) = caps[*of] else {
                        continue;
                    };
                    match caps[*name] {
                        Some(Val::Mention(n)) => {
                            let class = ctx.mentions[of].class;
                            ctx.links.push((n, of, Some(class)));
                        }
                        Some(v) => {
                            let (a, b) = val_tokens(ctx, v);
                            let text = span_text(ctx, a, b);
                            if !text.is_empty() && !ctx.mentions[of].extra.contains(&text) {
                                ctx.mentions[of].extra.push(text);
                            }
                        }
                        None => {}
                    }
                }
            }
        }
    }
}

impl Index {
    /// The entry of a word, added if new.
    fn entry(&mut self, w: String) -> usize {
        match w.as_bytes().first() {
            Some(&b) if b.is_ascii() => self.first_bytes[usize::from(b)] = true,
            // (a word starting with another character: every token is looked up)
            _ => self.first_bytes = [true; 256],
        }
        self.max_word = self.max_word.max(w.len());
        let next = self.by_word.len();
        let e = *self.words.entry(w).or_insert(next);
        if e == next {
            self.by_word.push(Vec::new());
            self.needs.push(Vec::new());
        }
        e
    }

    fn is_empty(&self) -> bool {
        self.by_word.iter().all(Vec::is_empty)
            && self.by_class.iter().all(Vec::is_empty)
            && self.by_date.is_empty()
            && self.always.is_empty()
            && self.at_start.is_empty()
    }
}

fn class_bit(c: EntityClass) -> u8 {
    1 << (c as u8)
}

/// The mask of every class.
const ALL_CLASSES: u8 = 0x1f;

fn parse_predicate(s: &str) -> Option<Predicate> {
    let local = |c: &str| c.split_once(':').map_or(c, |(_, l)| l).to_string();
    Predicate::ALL
        .into_iter()
        .find(|p| p.curie() == s || local(p.curie()).eq_ignore_ascii_case(s))
}

/// The number that ends a name with " of " in it ("Public Works Act of 1965").
/// Whether a memo's name names no particular memo: a lettered or numbered
/// section heading ("A. Guidance to Agencies on …", "2. Directive …"), or,
/// with no digit and no quotation mark in it, only words of its kind, its
/// issuer's and the like (`generic_memo_words` of `data/words.toml`) and
/// acronyms ("OMB Memorandum", "BOD", "Executive Order and OMB Memorandum").
pub(crate) fn generic_memo_name(name: &str) -> bool {
    static WORDS: super::words::Words = super::words::Words::new("generic_memo_words");
    if let Some((first, rest)) = name.split_once(". ") {
        let enumerator = first.len() == 1 && first.chars().all(|c| c.is_ascii_uppercase())
            || first.chars().all(|c| c.is_ascii_digit())
            || first.chars().all(|c| matches!(c, 'I' | 'V' | 'X'));
        if !first.is_empty() && enumerator && !rest.is_empty() {
            return true;
        }
    }
    if name
        .chars()
        .any(|c| c.is_ascii_digit() || matches!(c, '"' | '“' | '”'))
    {
        return false;
    }
    let mut words = name
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .peekable();
    words.peek().is_some()
        && words.all(|w| {
            WORDS.contains(w.to_lowercase().as_str())
                || (2..=5).contains(&w.len()) && w.chars().all(|c| c.is_ascii_uppercase())
        })
}

fn name_year(name: &str) -> Option<i32> {
    name.rsplit(' ')
        .next()
        .filter(|_| name.contains(" of "))
        .and_then(|y| y.parse().ok())
}

/// The token range a capture covers.
fn val_tokens(ctx: &Ctx<'_>, v: Val) -> (usize, usize) {
    match v {
        Val::Span(a, b) => (a, b),
        Val::Mention(m) => ctx.toks[m],
        Val::Date(_) => (0, 0),
    }
}

/// The extent of a captured value: a mention's span, or its tokens'.
fn val_span(ctx: &Ctx<'_>, v: Val) -> Span {
    match v {
        Val::Mention(m) => ctx.mentions[m].span,
        v => {
            let (a, b) = val_tokens(ctx, v);
            tok_span(ctx, a, b)
        }
    }
}

fn tok_span(ctx: &Ctx<'_>, a: usize, b: usize) -> Span {
    match (
        ctx.seg.tokens.get(a),
        b.checked_sub(1).and_then(|l| ctx.seg.tokens.get(l)),
    ) {
        (Some(x), Some(y)) if a < b => Span::new(x.span.start, y.span.end),
        _ => Span::default(),
    }
}

/// The text of tokens `a..b`, spaces normalised.
fn span_text(ctx: &Ctx<'_>, a: usize, b: usize) -> String {
    let s = tok_span(ctx, a, b);
    ctx.text[s.start..s.end]
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

// ---------------------------------------------------------------- the parser

struct Parser<'p, 's> {
    src: &'p Source<'s>,
    /// Where the pattern text starts in the file.
    base: usize,
    s: &'p str,
    pos: usize,
    lists: &'p HashMap<String, usize>,
    captures: &'p mut Vec<(String, CapKind)>,
    parts: &'p Parts<'p, 's>,
    /// How many parts deep this text is.
    nesting: usize,
}

/// The parts of the rule files: name → (file, where its text starts, text).
type Parts<'p, 's> = HashMap<String, (&'p Source<'s>, usize, &'p str)>;

/// Where the text of a TOML string at `at` starts: after the opening quote,
/// or a multi-line string's three and the line break right after them.
fn string_base(text: &str, at: usize) -> usize {
    let open = text.get(at..).unwrap_or("");
    if open.starts_with("'''") || open.starts_with("\"\"\"") {
        let rest = &open[3..];
        at + 3
            + [("\r\n", 2), ("\n", 1)]
                .iter()
                .find(|(nl, _)| rest.starts_with(nl))
                .map_or(0, |(_, n)| *n)
    } else {
        at + 1
    }
}

/// Characters with a meaning in the pattern syntax.
fn is_syntax(c: char) -> bool {
    matches!(
        c,
        '(' | ')'
            | '|'
            | '?'
            | '*'
            | '+'
            | '{'
            | '}'
            | '$'
            | '%'
            | '@'
            | '!'
            | '"'
            | '\''
            | '['
            | ']'
    )
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '-' | '\'' | '\u{2019}' | '.' | '&' | '/' | '_')
}

impl Parser<'_, '_> {
    fn err(&self, message: impl Into<String>) -> Error {
        self.src.err(self.base + self.pos, message)
    }
    fn peek(&self) -> Option<char> {
        self.s[self.pos..].chars().next()
    }
    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += c.len_utf8();
        Some(c)
    }
    fn skip_ws(&mut self) {
        while self.peek().is_some_and(char::is_whitespace) {
            self.bump();
        }
    }
    fn ident(&mut self) -> &str {
        let start = self.pos;
        while self
            .peek()
            .is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '-')
        {
            self.bump();
        }
        &self.s[start..self.pos]
    }

    fn parse(&mut self) -> Result<Vec<Node>> {
        let alts = self.alternatives()?;
        if self.pos < self.s.len() {
            return Err(self.err("unexpected `)`"));
        }
        let nodes = match <[Vec<Node>; 1]>::try_from(alts) {
            Ok([one]) => one,
            Err(alts) => vec![Node::Group { alts, cap: None }],
        };
        if nodes.is_empty() {
            return Err(self.err("an empty pattern"));
        }
        Ok(nodes)
    }

    /// `a b | c d` up to a `)` or the end.
    fn alternatives(&mut self) -> Result<Vec<Vec<Node>>> {
        let mut alts = vec![Vec::new()];
        loop {
            self.skip_ws();
            match self.peek() {
                None | Some(')') => return Ok(alts),
                Some('|') => {
                    self.bump();
                    alts.push(Vec::new());
                }
                Some(_) => {
                    let node = self.element()?;
                    if let Some(last) = alts.last_mut() {
                        last.push(node);
                    }
                }
            }
        }
    }

    /// An element with its capture name and quantifier.
    fn element(&mut self) -> Result<Node> {
        // name:element
        let start = self.pos;
        let name = self.ident().to_string();
        let capture = if !name.is_empty() && self.peek() == Some(':') && {
            let after = self.s[self.pos + 1..].chars().next();
            after.is_some_and(|c| !c.is_whitespace())
        } {
            self.bump();
            if !name.starts_with(|c: char| c.is_ascii_lowercase() || c == '_') {
                self.pos = start;
                return Err(self.err("a capture name starts with a lower-case letter"));
            }
            Some(name)
        } else {
            self.pos = start;
            None
        };
        let slot = capture.as_deref().map(|n| self.slot(n));
        let atom = self.atom(slot.map(|(i, _)| i))?;
        let kind = match &atom {
            Node::Mention { .. } => CapKind::Mention,
            Node::Date { .. } => CapKind::Date,
            _ => CapKind::Span,
        };
        // `name:x+` captures all the repetitions
        let mut node = self.quantifier(atom)?;
        if let Some((slot, new)) = slot {
            if new {
                self.captures[slot].1 = kind;
            } else if self.captures[slot].1 != kind {
                self.pos = start;
                return Err(self.err(format!(
                    "the capture `{}` holds two kinds of things",
                    self.captures[slot].0
                )));
            }
            if kind == CapKind::Span {
                node = match node {
                    Node::Group { alts, cap: None } => Node::Group {
                        alts,
                        cap: Some(slot),
                    },
                    other => Node::Group {
                        alts: vec![vec![other]],
                        cap: Some(slot),
                    },
                };
            }
        }
        Ok(node)
    }

    /// The slot of a capture name, and whether it is new.
    fn slot(&mut self, name: &str) -> (usize, bool) {
        match self.captures.iter().position(|(c, _)| c == name) {
            Some(i) => (i, false),
            None => {
                self.captures.push((name.to_string(), CapKind::Span));
                (self.captures.len() - 1, true)
            }
        }
    }

    fn quantifier(&mut self, node: Node) -> Result<Node> {
        let (min, max) = match self.peek() {
            Some('?') => (0, 1),
            Some('*') => (0, 16),
            Some('+') => (1, 16),
            Some('{') => {
                self.bump();
                let close = self.s[self.pos..]
                    .find('}')
                    .ok_or_else(|| self.err("`{` without `}`"))?;
                let body = &self.s[self.pos..self.pos + close];
                if let Some(w) = body.trim().strip_prefix("<=") {
                    let max = w.trim().parse().ok().filter(|&m| m > 0 && m <= 64);
                    let Some(max) = max else {
                        return Err(self.err("a width is `{<=n}` with 1 <= n <= 64"));
                    };
                    self.pos += close + 1;
                    return Ok(Node::Width {
                        node: Box::new(node),
                        max,
                    });
                }
                let num = |s: &str, default: usize| -> Option<usize> {
                    let s = s.trim();
                    if s.is_empty() {
                        Some(default)
                    } else {
                        s.parse().ok()
                    }
                };
                let (a, b) = match body.split_once(',') {
                    Some((a, b)) => (num(a, 0), num(b, 16)),
                    None => (num(body, 0), num(body, 0)),
                };
                let (Some(a), Some(b)) = (a, b) else {
                    return Err(self.err("expected `{n}`, `{m,n}` or `{,n}`"));
                };
                if a > b || b > 255 || b == 0 {
                    return Err(self.err("a repetition is `{m,n}` with m <= n <= 255, n >= 1"));
                }
                self.pos += close;
                (a, b)
            }
            _ => return Ok(node),
        };
        self.bump();
        if matches!(
            node,
            Node::Start | Node::End | Node::Gap | Node::Look { .. }
        ) {
            return Err(self.err("`%start`, `%end`, `%gap` and a look-around cannot repeat"));
        }
        Ok(Node::Repeat {
            flat: one_token(&node),
            node: Box::new(node),
            min,
            max,
        })
    }

    /// `[flags]` after `@Class` or `%date`.
    fn flags(&mut self) -> Result<Vec<(String, Option<String>)>> {
        let mut out = Vec::new();
        if self.peek() != Some('[') {
            return Ok(out);
        }
        self.bump();
        let close = self.s[self.pos..]
            .find(']')
            .ok_or_else(|| self.err("`[` without `]`"))?;
        let body = self.s[self.pos..self.pos + close].to_string();
        for f in body.split(',') {
            let f = f.trim();
            match f.split_once('=') {
                Some((k, v)) => out.push((k.trim().to_string(), Some(v.trim().to_string()))),
                None => out.push((f.to_string(), None)),
            }
        }
        self.pos += close + 1;
        Ok(out)
    }

    /// A group's alternatives and its closing `)`; an error points at the `(`
    /// at `at`.
    fn closed_alternatives(&mut self, at: usize) -> Result<Vec<Vec<Node>>> {
        let alts = self.alternatives()?;
        if self.bump() != Some(')') {
            self.pos = at;
            return Err(self.err("`(` without `)`"));
        }
        Ok(alts)
    }

    fn atom(&mut self, cap: Option<usize>) -> Result<Node> {
        let at = self.pos;
        let Some(c) = self.bump() else {
            return Err(self.err("expected an element"));
        };
        Ok(match c {
            '(' if self.s[self.pos..].starts_with('?') => {
                let rest = &self.s[self.pos..];
                let (ahead, neg, len, wide) = if rest.starts_with("?=") {
                    (true, false, 2, false)
                } else if rest.starts_with("?!") {
                    (true, true, 2, false)
                } else if rest.starts_with("?<=") {
                    (false, false, 3, false)
                } else if rest.starts_with("?<!") {
                    (false, true, 3, false)
                } else if rest.starts_with("?<<=") {
                    (false, false, 4, true)
                } else if rest.starts_with("?<<!") {
                    (false, true, 4, true)
                } else {
                    self.pos = at;
                    return Err(
                        self.err("expected `(?=`, `(?!`, `(?<=`, `(?<!`, `(?<<=` or `(?<<!`")
                    );
                };
                self.pos += len;
                let alts = self.closed_alternatives(at)?;
                if alts.iter().any(Vec::is_empty) {
                    self.pos = at;
                    return Err(self.err("an empty look-around"));
                }
                let node = Node::Group { alts, cap: None };
                let inner = captures_in(&node);
                Node::Look {
                    keep: !neg && inner,
                    inner,
                    node: Box::new(node),
                    ahead,
                    neg,
                    wide,
                }
            }
            '(' => {
                let alts = self.closed_alternatives(at)?;
                if alts.iter().all(Vec::is_empty) {
                    self.pos = at;
                    return Err(self.err("an empty group"));
                }
                Node::Group { alts, cap: None }
            }
            '!' => match self.atom(None)? {
                Node::Tok(t, false) => Node::Tok(t, true),
                Node::Mention {
                    classes,
                    doc: false,
                    ..
                } => Node::NoMention(classes),
                _ => {
                    self.pos = at;
                    return Err(self.err(
                        "`!` applies to one token (a word, a list or %class) or to `@Class`",
                    ));
                }
            },
            '"' | '\'' => {
                let close = self.s[self.pos..]
                    .find(c)
                    .ok_or_else(|| self.err("an unclosed quote"))?;
                let word = self.s[self.pos..self.pos + close].to_string();
                if word.is_empty() {
                    return Err(self.err("an empty quoted word"));
                }
                self.pos += close + 1;
                Node::Tok(TokTest::Exact(word), false)
            }
            '$' => {
                let name = self.ident().to_string();
                match self.lists.get(&name) {
                    Some(&l) => Node::Tok(TokTest::List(l), false),
                    None => {
                        self.pos = at;
                        return Err(
                            self.err(format!("no word list `${name}` (define it under [lists])"))
                        );
                    }
                }
            }
            '%' => {
                let name = self.ident().to_string();
                let test = match name.as_str() {
                    "cap" => TokTest::Cap,
                    "alpha" => TokTest::Alpha,
                    "word" => TokTest::Word,
                    "number" => TokTest::Number,
                    "punct" => TokTest::Punct,
                    "poss" => TokTest::Poss,
                    "title" => TokTest::Title,
                    "head" => TokTest::Head,
                    "lower" => TokTest::LowerCase,
                    "free" => TokTest::Free,
                    "start" => return Ok(Node::Start),
                    "end" => return Ok(Node::End),
                    "gap" => return Ok(Node::Gap),
                    "date" => {
                        let flags = self.flags()?;
                        let mut full = false;
                        let mut bare = false;
                        let mut day = false;
                        for (k, _) in flags {
                            match k.as_str() {
                                "full" => full = true,
                                "year" => bare = true,
                                "day" => {
                                    full = true;
                                    day = true;
                                }
                                _ => {
                                    self.pos = at;
                                    return Err(self.err(format!(
                                        "unknown date flag `{k}`; expected `full`, `day` or `year`"
                                    )));
                                }
                            }
                        }
                        return Ok(Node::Date {
                            full,
                            bare,
                            day,
                            cap,
                        });
                    }
                    _ => {
                        let Some(&(src, base, text)) = self.parts.get(&name) else {
                            self.pos = at;
                            return Err(self.err(format!(
                                "unknown `%{name}`; expected %cap, %alpha, %word, %number, %punct, %poss, %date, %start, %end, %gap or a part (under [parts])"
                            )));
                        };
                        if self.nesting >= 8 {
                            self.pos = at;
                            return Err(self.err(format!(
                                "the part `%{name}` is nested more than 8 deep (does it use itself?)"
                            )));
                        }
                        let mut sub = Parser {
                            src,
                            base,
                            s: text,
                            pos: 0,
                            lists: self.lists,
                            captures: &mut *self.captures,
                            parts: self.parts,
                            nesting: self.nesting + 1,
                        };
                        let alts = sub.alternatives()?;
                        if sub.pos < sub.s.len() {
                            return Err(sub.err("unexpected `)`"));
                        }
                        if alts.iter().any(Vec::is_empty) {
                            return Err(sub.err("an empty part"));
                        }
                        // (one element stands for itself: `%x{1,9}` of a token
                        // test repeats in a loop)
                        return Ok(match <[Vec<Node>; 1]>::try_from(alts) {
                            Ok([mut one]) if one.len() == 1 => one.remove(0),
                            Ok([one]) => Node::Group {
                                alts: vec![one],
                                cap: None,
                            },
                            Err(alts) => Node::Group { alts, cap: None },
                        });
                    }
                };
                Node::Tok(test, false)
            }
            '@' => {
                let mut classes = 0u8;
                let first = self.ident().to_string();
                if first == "doc" {
                    return Ok(Node::Mention {
                        classes: class_bit(EntityClass::Memo),
                        refs: true,
                        next: 0,
                        prefix: None,
                        head: None,
                        refs_the: false,
                        same: None,
                        untitled: false,
                        doc: true,
                        not_doc: false,
                        dated: None,
                        year: None,
                        no_year: false,
                        first: None,
                        unknown: false,
                        untitled_person: false,
                        not_heading: false,
                        not_implied: false,
                        not_generic: false,
                        cap,
                    });
                }
                let mut name = first;
                loop {
                    match EntityClass::parse(&name).filter(|_| !name.is_empty()) {
                        Some(c) => classes |= class_bit(c),
                        None => {
                            self.pos = at;
                            return Err(self.err(format!(
                                "unknown class `@{name}`; expected @Agency, @Organization, @Person, @Memo, @Policy or @doc"
                            )));
                        }
                    }
                    if self.peek() == Some('|')
                        && self.s[self.pos + 1..].starts_with(|c: char| c.is_uppercase())
                    {
                        self.bump();
                        name = self.ident().to_string();
                    } else {
                        break;
                    }
                }
                let mut refs = false;
                let mut refs_the = false;
                let mut same = None;
                let mut next = 0u8;
                let mut prefix = None;
                let mut head = None;
                let mut untitled = false;
                let mut not_doc = false;
                let mut dated = None;
                let mut year = None;
                let mut no_year = false;
                let mut first = None;
                let mut unknown = false;
                let mut untitled_person = false;
                let mut not_heading = false;
                let mut not_implied = false;
                let mut not_generic = false;
                for (k, v) in self.flags()? {
                    match (k.as_str(), v) {
                        ("ref", None) => refs = true,
                        ("ref", Some(v)) if v == "the" => refs_the = true,
                        ("same", Some(v)) => {
                            match self.captures.iter().position(|(c, _)| *c == v) {
                                Some(slot) if self.captures[slot].1 == CapKind::Mention => {
                                    same = Some(slot);
                                }
                                _ => {
                                    self.pos = at;
                                    return Err(self.err(format!(
                                        "`same={v}` names no mention captured before it"
                                    )));
                                }
                            }
                        }
                        ("next", None) => next = ALL_CLASSES,
                        ("next", Some(v)) if !v.is_empty() => {
                            for c in v.split('|') {
                                let Some(c) = EntityClass::parse(c.trim()) else {
                                    self.pos = at;
                                    return Err(self.err(format!(
                                        "unknown class `{c}` in `next=`; expected Agency, Organization, Person, Memo or Policy"
                                    )));
                                };
                                next |= class_bit(c);
                            }
                        }
                        ("!title", None) => untitled = true,
                        ("!doc", None) => not_doc = true,
                        ("!year", None) => no_year = true,
                        ("!known", None) => unknown = true,
                        ("!jobtitle", None) => untitled_person = true,
                        ("!heading", None) => not_heading = true,
                        ("!implied", None) => not_implied = true,
                        ("!generic", None) => not_generic = true,
                        (f @ ("first" | "!first"), Some(v)) if !v.is_empty() => {
                            let words = v.split('|').map(|w| w.trim().to_string()).collect();
                            first = Some((words, f == "!first"));
                        }
                        (which @ ("date" | "year"), Some(v))
                            if v.starts_with(|c: char| c.is_ascii_lowercase() || c == '_')
                                && v.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') =>
                        {
                            let (slot, new) = self.slot(&v);
                            if new {
                                self.captures[slot].1 = CapKind::Date;
                            } else if self.captures[slot].1 != CapKind::Date {
                                self.pos = at;
                                return Err(self
                                    .err(format!("the capture `{v}` holds two kinds of things")));
                            }
                            if which == "date" {
                                dated = Some(slot);
                            } else {
                                year = Some(slot);
                            }
                        }
                        ("prefix", Some(v)) if !v.is_empty() => prefix = Some(v),
                        ("head", Some(v)) if v.starts_with('$') => match self.lists.get(&v[1..]) {
                            Some(&l) => head = Some(Head::List(l)),
                            None => {
                                self.pos = at;
                                return Err(self
                                    .err(format!("no word list `{v}` (define it under [lists])")));
                            }
                        },
                        ("head", Some(v)) if !v.is_empty() => {
                            head = Some(Head::Words(
                                v.split('|').map(|w| w.trim().to_string()).collect(),
                            ));
                        }
                        _ => {
                            self.pos = at;
                            return Err(self.err(format!(
                                "unknown mention flag `{k}`; expected `ref`, `ref=the`, `same=capture`, `next`, `next=Class|Class`, `!title`, `!jobtitle`, `!heading`, `!implied`, `!generic`, `!doc`, `date=name`, `year=name`, `!year`, `first=Word|Word`, `!first=Word|Word`, `!known`, `prefix=Word` or `head=Word|Word`"
                            )));
                        }
                    }
                }
                Node::Mention {
                    classes,
                    refs,
                    next,
                    prefix,
                    head,
                    refs_the,
                    same,
                    untitled,
                    doc: false,
                    not_doc,
                    dated,
                    year,
                    no_year,
                    first,
                    unknown,
                    untitled_person,
                    not_heading,
                    not_implied,
                    not_generic,
                    cap,
                }
            }
            '_' if !self.peek().is_some_and(is_word_char) => Node::Tok(TokTest::Any, false),
            c if is_word_char(c) => {
                while self.peek().is_some_and(is_word_char) {
                    self.bump();
                }
                Node::Tok(TokTest::Lower(self.s[at..self.pos].to_lowercase()), false)
            }
            c if !is_syntax(c) && !c.is_whitespace() => {
                Node::Tok(TokTest::Exact(c.to_string()), false)
            }
            c => {
                self.pos = at;
                return Err(self.err(format!("unexpected `{c}`")));
            }
        })
    }
}

/// What a pattern can start with (None: anything).
#[derive(Default)]
struct First {
    words: HashSet<String>,
    classes: u8,
    date: bool,
}

impl First {
    fn merge(&mut self, g: First) {
        self.words.extend(g.words);
        self.classes |= g.classes;
        self.date |= g.date;
    }
}

fn first_of(nodes: &[Node], lists: &[WordSet]) -> Option<First> {
    // (None where the whole pattern can match nothing)
    first_seq(nodes, lists).and_then(|(f, nullable)| (!nullable).then_some(f))
}

/// The first set of a sequence, and whether it can match nothing.
fn first_seq(nodes: &[Node], lists: &[WordSet]) -> Option<(First, bool)> {
    let mut f = First::default();
    for n in nodes {
        let (g, nullable) = first_node(n, lists)?;
        f.merge(g);
        if !nullable {
            return Some((f, false));
        }
    }
    Some((f, true))
}

/// Sets of words such that every match of a sequence holds one word of
/// each (a set for each of its elements that needs words).
fn needed_all(nodes: &[Node], lists: &[WordSet]) -> Vec<HashSet<String>> {
    nodes.iter().filter_map(|n| needed(n, lists)).collect()
}

/// Words one of which every match of a sequence holds (of its elements'
/// sets, the one with the fewest short words, which are the common ones,
/// then the smallest: "accordance" of "in accordance with"), if there is one.
fn needed_seq(nodes: &[Node], lists: &[WordSet]) -> Option<HashSet<String>> {
    nodes
        .iter()
        .filter_map(|n| needed(n, lists))
        .min_by_key(|set| (set.iter().filter(|w| w.len() <= 3).count(), set.len()))
}

/// Words one of which every match of a node holds.
fn needed(n: &Node, lists: &[WordSet]) -> Option<HashSet<String>> {
    match n {
        Node::Tok(TokTest::Lower(w), false) => Some(HashSet::from([w.clone()])),
        Node::Tok(TokTest::Exact(w), false) => Some(HashSet::from([w.to_lowercase()])),
        Node::Tok(TokTest::List(l), false) => Some(lists[*l].iter().cloned().collect()),
        Node::Group { alts, .. } => alts.iter().try_fold(HashSet::new(), |mut all, alt| {
            all.extend(needed_seq(alt, lists)?);
            Some(all)
        }),
        Node::Repeat { node, min, .. } if *min > 0 => needed(node, lists),
        Node::Width { node, .. } => needed(node, lists),
        _ => None,
    }
}

/// The first set of one node, and whether it can match nothing.
fn first_node(n: &Node, lists: &[WordSet]) -> Option<(First, bool)> {
    let mut f = First::default();
    let nullable = match n {
        Node::Tok(TokTest::Lower(w), false) => {
            f.words.insert(w.clone());
            false
        }
        Node::Tok(TokTest::Exact(w), false) => {
            f.words.insert(w.to_lowercase());
            false
        }
        Node::Tok(TokTest::List(l), false) => {
            f.words.extend(lists[*l].iter().cloned());
            false
        }
        Node::Tok(..) | Node::Gap => return None,
        Node::Mention { classes, .. } => {
            f.classes = *classes;
            false
        }
        Node::Date { .. } => {
            f.date = true;
            false
        }
        Node::Start | Node::End | Node::NoMention(_) | Node::Look { .. } => true,
        Node::Group { alts, .. } => {
            let mut nullable = false;
            for alt in alts {
                let (g, nl) = first_seq(alt, lists)?;
                f.merge(g);
                nullable |= nl;
            }
            nullable
        }
        Node::Repeat { node, min, .. } => {
            let (g, nl) = first_node(node, lists)?;
            f = g;
            nl || *min == 0
        }
        Node::Width { node, .. } => {
            let (g, nl) = first_node(node, lists)?;
            f = g;
            nl
        }
    };
    Some((f, nullable))
}

// ---------------------------------------------------------------- matching

/// A captured value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Val {
    Mention(usize),
    Date(Date),
    Span(usize, usize),
}

/// What the matcher reads of a document.
struct View<'c, 'a> {
    ctx: &'c Ctx<'a>,
    dates: &'a [DateMention],
    /// Mentions with text, ordered by their first token.
    order: Vec<usize>,
    /// The names and references back, in text order (by start, end and index).
    real: Vec<usize>,
    /// The place of each mention in `real`.
    rank: Vec<usize>,
    doc_key: Option<&'c str>,
    /// The entities the document's title line names (keys of its mentions).
    heading_keys: Vec<&'c str>,
    /// The last answer of `starting` (rules tried at one token ask the same).
    last_start: std::cell::Cell<(usize, usize, usize)>,
}

impl<'c, 'a> View<'c, 'a> {
    fn new(ctx: &'c Ctx<'a>) -> Self {
        let mut order: Vec<usize> = (0..ctx.mentions.len())
            .filter(|&m| ctx.mentions[m].span.start < ctx.mentions[m].span.end)
            .collect();
        order.sort_by_key(|&m| (ctx.toks[m].0, m));
        let mut real: Vec<usize> = (0..ctx.mentions.len())
            .filter(|&m| is_real(&ctx.mentions[m]))
            .collect();
        real.sort_by_key(|&m| (ctx.mentions[m].span.start, ctx.mentions[m].span.end, m));
        let mut rank = vec![usize::MAX; ctx.mentions.len()];
        for (i, &m) in real.iter().enumerate() {
            rank[m] = i;
        }
        Self {
            ctx,
            dates: ctx.dates,
            order,
            real,
            rank,
            doc_key: ctx.doc_memo.map(|d| ctx.mentions[d].key.as_str()),
            heading_keys: ctx.st.title.map_or_else(Vec::new, |t| {
                ctx.mentions
                    .iter()
                    .filter(|m| !m.anaphor && t.contains(m.span))
                    .map(|m| m.key.as_str())
                    .collect()
            }),
            last_start: std::cell::Cell::new((usize::MAX, 0, 0)),
        }
    }
    fn tok(&self, t: usize) -> &'a str {
        self.ctx.seg.tok(self.ctx.text, t)
    }
    /// The mentions whose first token is `t`.
    fn starting(&self, t: usize) -> &[usize] {
        let (at, a, b) = self.last_start.get();
        if at == t {
            return &self.order[a..b];
        }
        let toks = &self.ctx.toks;
        let a = self.order.partition_point(|&m| toks[m].0 < t);
        let b = self.order[a..].partition_point(|&m| toks[m].0 <= t) + a;
        self.last_start.set((t, a, b));
        &self.order[a..b]
    }
    /// The first date inside `span` that is not a bare year.
    fn date_within(&self, span: Span) -> Option<DateMention> {
        let i = self.dates.partition_point(|d| d.span.start < span.start);
        self.dates[i..]
            .iter()
            .take_while(|d| d.span.start < span.end)
            .find(|d| span.contains(d.span) && !d.bare_year)
            .copied()
    }
    /// The date starting at token `t`.
    fn date_at(&self, t: usize) -> Option<DateMention> {
        let at = self.ctx.seg.tokens.get(t)?.span.start;
        let i = self.dates.partition_point(|d| d.span.start < at);
        self.dates.get(i).filter(|d| d.span.start == at).copied()
    }
}

/// A backtracking matcher over one sentence.
struct Matcher<'m, 'c, 'a> {
    set: &'m RuleSet,
    view: &'m View<'c, 'a>,
    first: usize,
    last: usize,
    /// Where tokens stop matching: the sentence's end, or the end of a width bound.
    limit: usize,
    steps: usize,
    depth: usize,
    /// Inside a look-behind: where it ends, the end of what look-aheads see.
    behind: Option<usize>,
}

type Caps = Vec<Option<Val>>;

impl Matcher<'_, '_, '_> {
    /// Matches `nodes` from token `pos`, calling `k` with the end of each
    /// match until it returns true.
    fn seq(
        &mut self,
        nodes: &[Node],
        pos: usize,
        caps: &mut Caps,
        k: &mut dyn FnMut(&mut Self, usize, &mut Caps) -> bool,
    ) -> bool {
        match nodes.split_first() {
            None => k(self, pos, caps),
            Some((n, rest)) => self.one(n, pos, caps, &mut |m: &mut Self, p, caps| {
                m.seq(rest, p, caps, k)
            }),
        }
    }

    fn one(
        &mut self,
        n: &Node,
        pos: usize,
        caps: &mut Caps,
        k: &mut dyn FnMut(&mut Self, usize, &mut Caps) -> bool,
    ) -> bool {
        self.steps += 1;
        if self.steps > STEP_BUDGET || self.depth >= MAX_DEPTH {
            return true;
        }
        self.depth += 1;
        let found = self.one_inner(n, pos, caps, k);
        self.depth -= 1;
        found
    }

    fn one_inner(
        &mut self,
        n: &Node,
        pos: usize,
        caps: &mut Caps,
        k: &mut dyn FnMut(&mut Self, usize, &mut Caps) -> bool,
    ) -> bool {
        match n {
            Node::Tok(test, neg) => {
                pos < self.limit && self.tok_test(test, pos) != *neg && k(self, pos + 1, caps)
            }
            Node::Start => pos == self.first && k(self, pos, caps),
            Node::NoMention(classes) => {
                let ctx = self.view.ctx;
                let starts = pos < self.last
                    && self
                        .view
                        .starting(pos)
                        .iter()
                        .any(|&m| class_bit(ctx.mentions[m].class) & classes != 0);
                !starts && k(self, pos, caps)
            }
            Node::End => pos >= self.last && k(self, pos, caps),
            Node::Gap => (pos..=self.limit.max(pos)).any(|p| k(self, p, caps)),
            Node::Mention {
                classes,
                refs,
                next,
                prefix,
                head,
                refs_the,
                same,
                untitled,
                doc,
                not_doc,
                dated,
                year,
                no_year,
                first,
                unknown,
                untitled_person,
                not_heading,
                not_implied,
                not_generic,
                cap,
            } => {
                if pos >= self.last {
                    return false;
                }
                let view = self.view;
                let ctx = view.ctx;
                for &m in view.starting(pos) {
                    let x = &ctx.mentions[m];
                    let fits = class_bit(x.class) & classes != 0
                        && (!x.anaphor
                            || *refs && refers_back(x)
                            || *refs_the && x.rule.starts_with("anaphor"))
                        && same.is_none_or(|c| {
                            matches!(caps[c], Some(Val::Mention(s)) if ctx.mentions[s].key == x.key)
                        })
                        && (*next == 0 || self.follows(m, *next, caps))
                        && prefix.as_deref().is_none_or(|p| {
                            x.canonical.as_deref().unwrap_or(&x.name).starts_with(p)
                        })
                        && head.as_ref().is_none_or(|h| {
                            let name = x.canonical.as_deref().unwrap_or(&x.name);
                            let last = name.rsplit(' ').next().unwrap_or(name);
                            match h {
                                Head::Words(hs) => hs.iter().any(|h| h == last),
                                Head::List(l) => self.set.lists[*l].contains(&last.to_lowercase()),
                            }
                        })
                        && !(*untitled && ctx.in_title(m))
                        && (!*doc || view.doc_key == Some(x.key.as_str()))
                        && !(*not_doc && ctx.doc_memo == Some(m))
                        && !(*no_year && name_year(&x.name).is_some())
                        && first.as_ref().is_none_or(|(ws, neg)| {
                            let w = x.name.split_whitespace().next().unwrap_or("");
                            ws.iter().any(|f| f == w) != *neg
                        })
                        && !(*unknown && x.canonical.is_some())
                        && !(*untitled_person && ctx.has_job_title(m))
                        && !(*not_heading && view.heading_keys.contains(&x.key.as_str()))
                        && !(*not_generic && !x.anaphor && generic_memo_name(&x.name))
                        && !(*not_implied
                            && view.starting(pos).iter().any(|&o| {
                                let y = &ctx.mentions[o];
                                o < m
                                    && y.span == x.span
                                    && !y.anaphor
                                    && class_bit(y.class) & classes != 0
                            }));
                    if !fits {
                        continue;
                    }
                    // the year ending its name (`year=`) or the date inside it
                    // (`date=`), captured with the mention
                    let date = match (*year, *dated) {
                        (Some(c), _) => {
                            let Some(y) = name_year(&x.name).filter(|y| (1776..=2100).contains(y))
                            else {
                                continue;
                            };
                            let date = Date {
                                year: y,
                                month: None,
                                day: None,
                            };
                            Some((c, date))
                        }
                        (None, Some(c)) => {
                            let Some(d) = view.date_within(x.span) else {
                                continue;
                            };
                            Some((c, d.date))
                        }
                        (None, None) => None,
                    };
                    let old = date.map(|(c, d)| (c, caps[c].replace(Val::Date(d))));
                    if self.with_mention(*cap, m, caps, k) {
                        return true;
                    }
                    if let Some((c, o)) = old {
                        caps[c] = o;
                    }
                }
                false
            }
            Node::Date {
                full,
                bare,
                day,
                cap,
            } => {
                let Some(d) = self.view.date_at(pos).filter(|d| {
                    (if d.bare_year { !*full } else { !*bare }) && (!*day || d.date.day.is_some())
                }) else {
                    return false;
                };
                if pos >= self.last {
                    return false;
                }
                let tokens = &self.view.ctx.seg.tokens;
                let end = tokens.partition_point(|t| t.span.start < d.span.end);
                self.with_cap(*cap, Val::Date(d.date), end.max(pos + 1), caps, k)
            }
            Node::Group { alts, cap } => {
                for alt in alts {
                    // (an alternative whose first token does not fit is not entered)
                    if let Some(Node::Tok(test, neg)) = alt.first() {
                        if pos >= self.limit || self.tok_test(test, pos) == *neg {
                            continue;
                        }
                    }
                    let found = self.seq(alt, pos, caps, &mut |m: &mut Self, p, caps| match cap {
                        Some(c) => m.with_cap(Some(*c), Val::Span(pos, p), p, caps, k),
                        None => k(m, p, caps),
                    });
                    if found {
                        return true;
                    }
                }
                false
            }
            Node::Repeat {
                node,
                min,
                max,
                flat: true,
            } => {
                // (the longest run first, as the recursive match would)
                let mut n = 0;
                while n < *max
                    && pos + n < self.limit
                    && self.one(node, pos + n, caps, &mut |_, end, _| end == pos + n + 1)
                {
                    n += 1;
                }
                (*min..=n).rev().any(|c| k(self, pos + c, caps))
            }
            Node::Repeat { node, min, max, .. } => self.rep(node, *min, *max, 0, pos, caps, k),
            Node::Look {
                node,
                ahead,
                neg,
                keep,
                inner,
                wide,
            } => {
                let outer = self.limit;
                // (a wide one starts as early as the sentence before)
                let first = if *wide {
                    let seg = &self.view.ctx.seg;
                    seg.sentence_of
                        .get(self.first)
                        .and_then(|&si| si.checked_sub(1))
                        .map_or(self.first, |si| seg.sentences[si].first)
                } else {
                    self.first
                };
                // (a look-behind whose body starts with `%start` can only start there)
                let (lo, hi) = if *ahead {
                    (pos, pos)
                } else if matches!(&**node, Node::Group { alts, .. }
                    if alts.iter().all(|a| matches!(a.first(), Some(Node::Start))))
                {
                    (self.first, self.first)
                } else {
                    (first, pos)
                };
                let starts = (lo..=hi).rev();
                self.limit = if *ahead {
                    self.behind.unwrap_or(self.last)
                } else {
                    pos
                };
                let was_behind = self.behind;
                if !*ahead {
                    self.behind = Some(pos);
                }
                let found = if *neg || !*keep {
                    // (tested, then left: it keeps no captures; without any
                    // inside, only the slot of the last mention can change)
                    let ahead = *ahead;
                    let test = |m: &mut Self, caps: &mut Caps| {
                        starts
                            .clone()
                            .any(|p| m.one(node, p, caps, &mut |_, end, _| ahead || end == pos))
                    };
                    let any = if *inner {
                        test(self, &mut caps.clone())
                    } else {
                        let last = caps.last().copied().flatten();
                        let any = test(self, caps);
                        if let Some(l) = caps.last_mut() {
                            *l = last;
                        }
                        any
                    };
                    self.limit = outer;
                    self.behind = was_behind;
                    any != *neg && k(self, pos, caps)
                } else {
                    // a positive one keeps its captures: the pattern goes on from
                    // here for each of its matches
                    let ahead = *ahead;
                    let mut found = false;
                    for p in starts {
                        found = self.one(node, p, caps, &mut |m: &mut Self, end, caps| {
                            if !ahead && end != pos {
                                return false;
                            }
                            let inner = std::mem::replace(&mut m.limit, outer);
                            let inner_behind = std::mem::replace(&mut m.behind, was_behind);
                            let found = k(m, pos, caps);
                            m.limit = inner;
                            m.behind = inner_behind;
                            found
                        });
                        if found {
                            break;
                        }
                    }
                    self.limit = outer;
                    self.behind = was_behind;
                    found
                };
                found
            }
            Node::Width { node, max } => {
                let outer = self.limit;
                self.limit = outer.min(pos + max);
                let found = self.one(node, pos, caps, &mut |m: &mut Self, p, caps| {
                    let inner = std::mem::replace(&mut m.limit, outer);
                    let found = p - pos <= *max && k(m, p, caps);
                    m.limit = inner;
                    found
                });
                self.limit = outer;
                found
            }
        }
    }

    /// Whether mention `m` comes after the pattern's previous mention with
    /// no mention of the `classes` between them.
    fn follows(&self, m: usize, classes: u8, caps: &Caps) -> bool {
        let Some(Some(Val::Mention(prev))) = caps.last() else {
            return true;
        };
        let view = self.view;
        let (a, b) = (view.rank[*prev], view.rank[m]);
        a < b
            && b != usize::MAX
            && view.real[a + 1..b]
                .iter()
                .all(|&o| class_bit(view.ctx.mentions[o].class) & classes == 0)
    }

    /// Continues after mention `m`, captured in `cap` and as the last mention.
    fn with_mention(
        &mut self,
        cap: Option<usize>,
        m: usize,
        caps: &mut Caps,
        k: &mut dyn FnMut(&mut Self, usize, &mut Caps) -> bool,
    ) -> bool {
        let last = caps.len() - 1;
        let old = caps[last].replace(Val::Mention(m));
        let end = self.view.ctx.toks[m].1;
        let found = self.with_cap(cap, Val::Mention(m), end, caps, k);
        if !found {
            caps[last] = old;
        }
        found
    }

    fn with_cap(
        &mut self,
        cap: Option<usize>,
        v: Val,
        end: usize,
        caps: &mut Caps,
        k: &mut dyn FnMut(&mut Self, usize, &mut Caps) -> bool,
    ) -> bool {
        let Some(c) = cap else {
            return k(self, end, caps);
        };
        let old = caps[c].replace(v);
        let found = k(self, end, caps);
        if !found {
            caps[c] = old;
        }
        found
    }

    #[allow(clippy::too_many_arguments)]
    fn rep(
        &mut self,
        node: &Node,
        min: usize,
        max: usize,
        count: usize,
        pos: usize,
        caps: &mut Caps,
        k: &mut dyn FnMut(&mut Self, usize, &mut Caps) -> bool,
    ) -> bool {
        // greedy: one more first, then stop here
        if count < max
            && self.one(node, pos, caps, &mut |m: &mut Self, p, caps| {
                (p != pos || count < min) && m.rep(node, min, max, count + 1, p, caps, k)
            })
        {
            return true;
        }
        count >= min && k(self, pos, caps)
    }

    fn tok_test(&self, test: &TokTest, t: usize) -> bool {
        let ctx = self.view.ctx;
        let kind = ctx.seg.tokens[t].kind;
        match test {
            TokTest::Lower(l) => ctx.lower(t) == l,
            TokTest::Exact(e) => self.view.tok(t) == e,
            TokTest::List(l) => self.set.lists[*l].contains(ctx.lower(t)),
            TokTest::Cap => {
                kind == TokKind::Word && self.view.tok(t).starts_with(char::is_uppercase)
            }
            TokTest::Alpha => ctx.lower(t).chars().all(char::is_lowercase),
            TokTest::Word => kind == TokKind::Word,
            TokTest::Number => kind == TokKind::Number,
            TokTest::Punct => kind == TokKind::Punct,
            TokTest::Poss => kind == TokKind::Possessive,
            TokTest::Title => is_title_word(&upper_first(self.view.tok(t))),
            TokTest::Head => TITLE_HEADS.contains(&upper_first(self.view.tok(t))),
            TokTest::LowerCase => self.view.tok(t).chars().all(char::is_lowercase),
            TokTest::Free => ctx.mentions_covering(t).next().is_none(),
            TokTest::Any => true,
        }
    }
}

/// Whether a short form refers back to a name for `[ref]`: "the Department",
/// a person's surname alone or a pronoun that starts a sentence ("She").
fn refers_back(m: &Mention) -> bool {
    m.rule.starts_with("anaphor") || matches!(m.rule, "person.surname" | "person.pronoun")
}

/// Whether a mention is a name or a reference back ("the Department"), not
/// another rule's short form.
fn is_real(m: &Mention) -> bool {
    !m.anaphor || m.rule.starts_with("anaphor")
}

// ---------------------------------------------------------------- examples

/// Checks one rule's examples and counter-examples with `run` (the real
/// extractor): the failures, each naming the rule, its file and line.
pub fn check_rule(rule: &Rule, run: &dyn Fn(&str) -> Extraction) -> Vec<String> {
    let mut failures = Vec::new();
    for e in &rule.examples {
        let ex = run(&e.text);
        if !yields(&ex, &rule.ids, &e.yields) {
            failures.push(format!(
                "{}:{}: rule {}: the example does not yield `{}`; it yields {}",
                rule.file,
                e.line,
                rule.name,
                e.yields,
                describe(&ex)
            ));
        }
    }
    for (text, line) in &rule.counter_examples {
        let ex = run(text);
        let fired = ex
            .relations
            .iter()
            .any(|r| rule.ids.contains(&r.evidence.rule))
            || ex.entities.iter().any(|e| e.rule == rule.name);
        if fired {
            failures.push(format!(
                "{}:{}: rule {}: the counter-example yields something by this rule: {}",
                rule.file,
                line,
                rule.name,
                describe(&ex)
            ));
        }
    }
    if rule.examples.is_empty() {
        failures.push(format!(
            "{}:{}: rule {} has no examples",
            rule.file, rule.line, rule.name
        ));
    }
    failures
}

/// Whether an entity has the name (its label or another name).
fn has_name(e: &crate::model::Entity, name: &str) -> bool {
    e.label == name || e.alt_labels.contains(name)
}

fn object_text(ex: &Extraction, o: &Object) -> Vec<String> {
    match o {
        Object::Entity(i) => ex.entities.get(*i).map_or_else(Vec::new, |e| {
            std::iter::once(e.label.clone())
                .chain(e.alt_labels.iter().cloned())
                .collect()
        }),
        Object::Date(d) => vec![d.to_string()],
        Object::Bool(b) => vec![b.to_string()],
        Object::Text(t) => vec![t.clone()],
    }
}

/// Whether an extraction has what `expect` states, by rule `rule`.
fn yields(ex: &Extraction, ids: &[&str], expect: &str) -> bool {
    let rule = ids[0];
    let parts: Vec<&str> = expect.split('|').map(str::trim).collect();
    if let [s, p, o] = parts.as_slice() {
        let Some(p) = parse_predicate(p) else {
            return false;
        };
        return ex.relations.iter().any(|r| {
            ids.contains(&r.evidence.rule)
                && r.predicate == p
                && ex.entities.get(r.subject).is_some_and(|e| has_name(e, s))
                && object_text(ex, &r.object).iter().any(|t| t == o)
        });
    }
    if let Some((class, name)) = expect.split_once(':') {
        let Some(class) = EntityClass::parse(class.trim()) else {
            return false;
        };
        return ex
            .entities
            .iter()
            .any(|e| e.class == class && e.rule == rule && has_name(e, name.trim()));
    }
    if let Some((alias, name)) = expect.split_once('=') {
        return ex
            .entities
            .iter()
            .any(|e| e.label == name.trim() && e.alt_labels.contains(alias.trim()));
    }
    false
}

/// A short list of what an extraction holds, for failure messages.
fn describe(ex: &Extraction) -> String {
    let mut out: Vec<String> = ex
        .entities
        .iter()
        .map(|e| format!("{}: {}", e.class.name(), e.label))
        .collect();
    for r in &ex.relations {
        let s = ex.entities.get(r.subject).map_or("?", |e| e.label.as_str());
        let o = object_text(ex, &r.object)
            .into_iter()
            .next()
            .unwrap_or_default();
        out.push(format!(
            "{s} | {} | {o} [{}]",
            r.predicate.curie(),
            r.evidence.rule
        ));
    }
    if out.is_empty() {
        "nothing".to_string()
    } else {
        out.join("; ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Document;
    use crate::Extractor;

    fn run_with(extractor: &Extractor) -> impl Fn(&str) -> Extraction + '_ {
        move |text| extractor.extract(&Document::from_text("example.txt", text))
    }

    #[test]
    fn every_builtin_rule_yields_its_examples() {
        let extractor = Extractor::new();
        let set = RuleSet::builtin();
        assert!(!set.rules().is_empty());
        let failures: Vec<String> = set
            .rules()
            .iter()
            .flat_map(|r| check_rule(r, &run_with(&extractor)))
            .collect();
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn a_members_chair_heads_the_committee_not_the_chamber_its_name_implies() {
        // (text, the body the member chairs: the only body headed)
        let cases = [
            (
                "Notes\n\nCongresswoman Mary Roe, Chair of the House Committee on Widgets, spoke.",
                "House Committee on Widgets",
            ),
            (
                "Notes\n\nSenator Pat Lee (D-VT), Chairman of the Senate Widget Committee, spoke.",
                "Senate Widget Committee",
            ),
        ];
        let extractor = Extractor::new();
        for (text, body) in cases {
            let ex = extractor.extract(&Document::from_text("t.txt", text));
            let headed: Vec<&str> = ex
                .relations
                .iter()
                .filter(|r| r.predicate == Predicate::HeadOf)
                .filter_map(|r| match r.object {
                    Object::Entity(i) => ex.entities.get(i).map(|e| e.label.as_str()),
                    _ => None,
                })
                .collect();
            assert_eq!(headed, vec![body], "{text}");
        }
    }

    #[test]
    fn the_example_rule_files_yield_their_examples() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/rules/examples");
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .expect("data/rules/examples")
            .map(|e| e.expect("entry").path())
            .filter(|p| p.extension().is_some_and(|e| e == "toml"))
            .collect();
        files.sort();
        assert!(files.len() >= 3, "{files:?}");
        for f in files {
            let extractor = Extractor::builder().rules(&f).build().expect("valid rules");
            let own: Vec<&Rule> = extractor
                .rule_set()
                .rules()
                .iter()
                .filter(|r| Path::new(&r.file) == f)
                .collect();
            assert!(!own.is_empty(), "{}", f.display());
            let failures: Vec<String> = own
                .iter()
                .flat_map(|r| check_rule(r, &run_with(&extractor)))
                .collect();
            assert!(failures.is_empty(), "{}", failures.join("\n"));
        }
    }

    /// Compiles one user file; its error as `line:column: message`.
    fn compile_err(text: &str) -> String {
        match RuleSet::compile(&[("user.toml", text)]) {
            Ok(_) => "ok".to_string(),
            Err(Error::Rules {
                path,
                line,
                column,
                message,
            }) => {
                assert_eq!(path, "user.toml");
                format!("{line}:{column}: {message}")
            }
            Err(e) => format!("other error: {e}"),
        }
    }

    #[test]
    fn malformed_rule_files_are_errors_with_line_and_column() {
        // (case, file, expected "line:column: message" prefix)
        let rule = |pattern: &str, fact: &str| {
            format!(
                "\n[[rule]]\nid = \"t.x\"\npattern = \"{pattern}\"\nfact = {fact}\nexamples = []\n"
            )
        };
        let sub = "{ subject = \"a\", predicate = \"org:subOrganizationOf\", object = \"b\" }";
        let cases: Vec<(&str, String, &str)> = vec![
            ("not TOML", "[[rule]\nid = 1".into(), "1:"),
            (
                "an unknown key",
                "[[rule]]\nid = \"t.x\"\npatern = \"x\"\n".into(),
                "3:1: unknown field",
            ),
            (
                "an unknown list",
                rule("a:@Agency $nolist b:@Agency", sub),
                "4:22: no word list `$nolist`",
            ),
            (
                "an unknown class",
                rule("a:@Agancy b:@Agency", sub),
                "4:14: unknown class `@Agancy`",
            ),
            (
                "an unclosed group",
                rule("a:@Agency ( of b:@Agency", sub),
                "4:22: `(` without `)`",
            ),
            (
                "a stray paren",
                rule("a:@Agency ) b:@Agency", sub),
                "4:22: unexpected `)`",
            ),
            (
                "a bad repetition",
                rule("a:@Agency _{3,1} b:@Agency", sub),
                "4:",
            ),
            (
                "a map over a mention",
                rule(
                    "a:@Person , b:@Agency",
                    "{ subject = \"a\", predicate = \"schema:jobTitle\", object = \"b\", map = { x = \"X\" } }",
                ),
                "5:8: the object of schema:jobTitle must be words",
            ),
            (
                "a map without an object",
                rule(
                    "a:@Person",
                    "{ subject = \"a\", predicate = \"schema:jobTitle\", value = \"X\", map = { x = \"X\" } }",
                ),
                "5:8: a `map` needs an `object`",
            ),
            (
                "an unknown mention flag",
                rule("a:@Person[!jobtitles]", sub),
                "4:",
            ),
            (
                "a list including an unknown list",
                "[lists]\nx = [\"a\", \"$nope\"]\n".into(),
                "2:5: the list `x` includes `$nope`",
            ),
            (
                "a bad width",
                rule("a:@Agency ( _* by ){<=0} b:@Agency", sub),
                "4:",
            ),
            (
                "an unknown mention flag",
                rule("a:@Agency[title] of b:@Agency", sub),
                "4:14: unknown mention flag `title`",
            ),
            (
                "a missing capture",
                rule("a:@Agency of c:@Agency", sub),
                "5:8: no capture `b:`",
            ),
            (
                "a literal capture as subject",
                rule("a:%cap of b:@Agency", sub),
                "5:8: the subject `a` must capture a mention",
            ),
            (
                "an unknown predicate",
                rule(
                    "a:@Agency of b:@Agency",
                    "{ subject = \"a\", predicate = \"org:partOf\", object = \"b\" }",
                ),
                "5:8: unknown predicate `org:partOf`",
            ),
            (
                "a date object that is a mention",
                rule(
                    "a:@Agency of b:@Agency",
                    "{ subject = \"a\", predicate = \"schema:foundingDate\", object = \"b\" }",
                ),
                "5:8: the object of schema:foundingDate must be a date",
            ),
            (
                "two rules with one id",
                format!(
                    "{}{}",
                    rule("a:@Agency of b:@Agency", sub),
                    rule("a:@Agency in b:@Agency", sub)
                ),
                "9:6: the rule id `t.x` is already defined at user.toml:3",
            ),
            (
                "a fact and facts",
                format!(
                    "{}facts = [{sub}]\n",
                    rule("a:@Agency of b:@Agency", sub)
                ),
                "3:6: rule `t.x` needs exactly one of `fact`, `facts`",
            ),
            (
                "a fact's id that is another rule's",
                format!(
                    "{}\n[[rule]]\nid = \"t.y\"\npattern = \"a:@Agency in b:@Agency\"\nfacts = [{{ id = \"t.x\", subject = \"a\", predicate = \"org:subOrganizationOf\", object = \"b\" }}]\n",
                    rule("a:@Agency of b:@Agency", sub)
                ),
                "11:10: the id `t.x` is already defined at user.toml:3",
            ),
            (
                "several facts",
                "[[rule]]\nid = \"t.x\"\npattern = \"a:@Agency , t:( head ) of b:@Agency\"\nfacts = [\n  { subject = \"a\", predicate = \"org:memberOf\", object = \"b\" },\n  { id = \"t.x-title\", subject = \"a\", predicate = \"schema:jobTitle\", object = \"t\" },\n]\n".into(),
                "ok",
            ),
            (
                "an unknown look-around",
                rule("a:@Agency (?< of ) b:@Agency", sub),
                "4:22: expected `(?=`, `(?!`, `(?<=`, `(?<!`, `(?<<=` or `(?<<!`",
            ),
            (
                "a repeated look-around",
                rule("a:@Agency (?! of )* b:@Agency", sub),
                "4:",
            ),
            (
                "same= before its capture",
                rule("a:@Agency[same=b] of b:@Agency", sub),
                "4:14: `same=b` names no mention captured before it",
            ),
            (
                "head= of an unknown list",
                rule("a:@Agency[head=$nolist] of b:@Agency", sub),
                "4:14: no word list `$nolist`",
            ),
            (
                "look-arounds, ref=the, same= and head=$list",
                "[lists]\nheads = [\"office\"]\n[[rule]]\nid = \"t.x\"\npattern = \"(?<! , which !,{0,64} ) a:@Agency[head=$heads] ( '(' @Agency[ref=the,same=a] ')' )? (?= runs | operates ) _ b:@Policy\"\nfact = { subject = \"a\", predicate = \"mg:implements\", object = \"b\" }\n".into(),
                "ok",
            ),
            (
                "an error in a multi-line pattern",
                "[[rule]]\nid = \"t.x\"\npattern = '''\n  a:@Agency\n  , part of @Agancy'''\nfact = { subject = \"a\", predicate = \"org:subOrganizationOf\", object = \"a\" }\n".into(),
                "5:13: unknown class `@Agancy`",
            ),
            (
                "a part",
                "[parts]\nof_the = \"of the?\"\n[[rule]]\nid = \"t.x\"\npattern = \"a:@Agency , part %of_the b:@Agency\"\nfact = { subject = \"a\", predicate = \"org:subOrganizationOf\", object = \"b\" }\n".into(),
                "ok",
            ),
            (
                "an unknown part",
                rule("a:@Agency %of_the b:@Agency", sub),
                "4:22: unknown `%of_the`",
            ),
            (
                "an error inside a part",
                "[parts]\nof_the = \"of @Agancy\"\n[[rule]]\nid = \"t.x\"\npattern = \"a:@Agency %of_the\"\nfact = { subject = \"a\", predicate = \"org:subOrganizationOf\", object = \"a\" }\n".into(),
                "2:14: unknown class `@Agancy`",
            ),
            (
                "a part that uses itself",
                "[parts]\nloop = \"of %loop\"\n[[rule]]\nid = \"t.x\"\npattern = \"a:@Agency %loop\"\nfact = { subject = \"a\", predicate = \"org:subOrganizationOf\", object = \"a\" }\n".into(),
                "2:",
            ),
            (
                "a part named as a built-in",
                "[parts]\ncap = \"of\"\n".into(),
                "2:7: the part `cap` is defined twice",
            ),
            (
                "a repetition over 255",
                rule("a:@Agency _{0,256} b:@Agency", sub),
                "4:",
            ),
            (
                "a repetition of 255",
                rule("a:@Agency ( !, ){0,255} b:@Agency", sub),
                "ok",
            ),
            (
                "a valid rule",
                rule("a:@Agency , part of the? b:@Agency", sub),
                "ok",
            ),
            (
                "the authors phase, the document's creator and a wide look-behind",
                "[[rule]]\nid = \"t.x\"\nphase = \"authors\"\npattern = \"(?<<= in ) m:@Memo[!doc,!heading]\"\nfact = { subject = \"m\", predicate = \"dcterms:creator\", object = \"@creator\" }\n".into(),
                "ok",
            ),
            (
                "an unknown phase",
                "[[rule]]\nid = \"t.x\"\nphase = \"never\"\npattern = \"m:@Memo\"\nfact = { subject = \"m\", predicate = \"dcterms:creator\", object = \"@creator\" }\n".into(),
                "3:9: unknown phase `never`; expected `authors`",
            ),
            (
                "a phase for a mention rule",
                "[[rule]]\nid = \"t.x\"\nphase = \"authors\"\npattern = \"m:( Local Law %number )\"\nmention = { class = \"Policy\", span = \"m\" }\n".into(),
                "3:9: only a fact rule takes a `phase`",
            ),
            (
                "the document's creator as a job title",
                "[[rule]]\nid = \"t.x\"\npattern = \"m:@Person\"\nfact = { subject = \"m\", predicate = \"schema:jobTitle\", object = \"@creator\" }\n".into(),
                "4:8: the object of schema:jobTitle cannot be `@creator`",
            ),
            (
                "the document's date as a founding date",
                "[[rule]]\nid = \"t.x\"\npattern = \"m:@Agency\"\nfact = { subject = \"m\", predicate = \"schema:foundingDate\", object = \"@date\" }\n".into(),
                "ok",
            ),
            (
                "the document's date as a member's body",
                "[[rule]]\nid = \"t.x\"\npattern = \"m:@Person\"\nfact = { subject = \"m\", predicate = \"org:memberOf\", object = \"@date\" }\n".into(),
                "4:8: the object of org:memberOf cannot be `@date`",
            ),
            (
                "a head title that is a mention",
                "[[rule]]\nid = \"t.x\"\npattern = \"p:@Person , b:@Agency\"\nfact = { subject = \"p\", predicate = \"org:headOf\", object = \"b\", head_title = \"b\" }\n".into(),
                "4:8: a `head_title` takes captured words",
            ),
            (
                "a head title of captured words",
                "[[rule]]\nid = \"t.x\"\npattern = \"p:@Person , t:( %title+ ) of b:@Agency\"\nfact = { subject = \"p\", predicate = \"org:headOf\", object = \"b\", head_title = \"t\" }\n".into(),
                "ok",
            ),
        ];
        for (case, file, want) in cases {
            let got = compile_err(&file);
            assert!(got.starts_with(want), "{case}: got {got:?}, want {want:?}");
        }
    }

    #[test]
    fn a_pattern_that_could_nest_deep_is_bounded() {
        let file = "[[rule]]\nid = \"t.deep\"\npattern = \"( _{64} ){64} a:@Agency\"\nfact = { subject = \"a\", predicate = \"mg:defunct\", value = true }\n";
        let set = RuleSet::compile(&[("u.toml", file)]).expect("valid");
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("deep.toml");
        std::fs::write(&path, file).expect("write");
        let extractor = Extractor::builder().rules(&path).build().expect("valid");
        assert!(set.get("t.deep").is_some());
        let text = format!("{} the Department of Labor.", "word ".repeat(5000));
        // (finishes, without a stack overflow; the bound may lose the match)
        let ex = extractor.extract(&Document::from_text("deep.txt", text));
        assert!(ex.entities.iter().any(|e| e.label == "Department of Labor"));
    }

    #[test]
    fn patterns_are_tried_only_in_sentences_with_the_words_they_need() {
        // (pattern, the words a sentence needs for it; none: no such words)
        let cases: &[(&str, &[&str])] = &[
            (
                "a:@Agency ( _* transferred to _* ){<=14} b:@Agency",
                &["transferred"],
            ),
            (
                "a:@Agency ( was | were ) abolished",
                &["abolished", "was", "were"],
            ),
            ("a:@Agency ( was | were )? _ b:@Agency", &[]),
            ("a:@Agency ( former | ex ) b:@Agency", &["former", "ex"]),
            // (of each alternative, its least common word: not "in" nor "on")
            (
                "a:@Agency ( builds on | in accordance with ) b:@Agency",
                &["builds", "accordance"],
            ),
        ];
        for &(pattern, want) in cases {
            let file = format!("[[rule]]\nid = \"t.x\"\npattern = \"{pattern}\"\nfact = {{ subject = \"a\", predicate = \"mg:defunct\", value = true }}\n");
            let set = RuleSet::compile(&[("u.toml", &file)]).expect(pattern);
            let pi = set.pats.len() - 1;
            let mut got: Vec<&str> = match set.late.need_of.get(pi) {
                Some(n) => set
                    .late
                    .words
                    .iter()
                    .filter(|(_, &e)| set.late.needs[e].iter().any(|x| n.contains(x)))
                    .map(|(w, _)| w.as_str())
                    .collect(),
                None => Vec::new(),
            };
            got.sort_unstable();
            let mut want = want.to_vec();
            want.sort_unstable();
            assert_eq!(got, want, "{pattern}");
        }
    }

    #[test]
    fn first_sets_index_patterns_by_what_they_start_with() {
        // (case, pattern, words it is indexed by (None: tried everywhere), also by agencies)
        type Case = (
            &'static str,
            &'static str,
            Option<&'static [&'static str]>,
            bool,
        );
        let cases: &[Case] = &[
            ("a word", "former a:@Agency", Some(&["former"]), false),
            ("an optional word", "the? a:@Agency", Some(&["the"]), true),
            (
                "alternatives",
                "(this | that) a:@Agency",
                Some(&["this", "that"]),
                false,
            ),
            ("a mention", "a:@Agency was abolished", Some(&[]), true),
            ("a token class", "%cap a:@Agency", None, false),
            ("a gap first", "_{0,2} a:@Agency", None, false),
            (
                "a look-behind first",
                "(?<! , which ) a:@Agency runs",
                Some(&[]),
                true,
            ),
            (
                "a look-ahead, then a word",
                "(?! former ) ex a:@Agency",
                Some(&["ex"]),
                false,
            ),
        ];
        for &(case, pattern, words, by_agency) in cases {
            let file = format!("[[rule]]\nid = \"t.x\"\npattern = \"{pattern}\"\nfact = {{ subject = \"a\", predicate = \"mg:defunct\", value = true }}\n");
            let set = RuleSet::compile(&[("u.toml", &file)]).expect(case);
            let pi = set.pats.len() - 1;
            let indexed: Vec<&str> = set
                .late
                .words
                .iter()
                .filter(|(_, &e)| set.late.by_word[e].contains(&pi))
                .map(|(w, _)| w.as_str())
                .collect();
            match words {
                None => assert!(set.late.always.contains(&pi), "{case}"),
                Some(ws) => {
                    let mut got = indexed.clone();
                    got.sort_unstable();
                    let mut want = ws.to_vec();
                    want.sort_unstable();
                    assert_eq!(got, want, "{case}");
                    assert_eq!(set.late.by_class[0].contains(&pi), by_agency, "{case}");
                }
            }
        }
    }
}
