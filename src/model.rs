//! The extraction model: documents, entities, relations and their evidence.
//!
//! Spans are byte offsets into [`Document::text`]; the RDF writer turns them
//! into character (Unicode scalar value) offsets, which is what the graph
//! stores in `mg:start` / `mg:end`.

use std::collections::BTreeSet;
use std::fmt;

use crate::vocab;

/// One input document, already decoded to text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// Where it came from: a path as given, `-` for standard input, or `FILE#ID` for a JSON Lines row.
    pub source: String,
    /// A title, when the input format carries one (JSON Lines `title`, HTML `<title>`); otherwise the extractor derives one.
    pub title: Option<String>,
    /// The document's date (`date YYYY-MM-DD` header, JSON Lines `date`, or `--date`).
    pub date: Option<Date>,
    /// The full text. All offsets refer to it.
    pub text: String,
    /// The text was recognised by OCR from page images (a scanned PDF), so
    /// it may hold recognition errors; `explain` says so.
    pub ocr: bool,
}

impl Document {
    /// A document from text, reading a `date YYYY-MM-DD` first line when there is one.
    pub fn from_text(source: impl Into<String>, text: impl Into<String>) -> Self {
        let text = text.into();
        let date = header_date(&text);
        Self {
            source: source.into(),
            title: None,
            date,
            text,
            ocr: false,
        }
    }
}

/// The date of a leading `date YYYY-MM-DD` header line (leading whitespace allowed,
/// followed by a newline or a space).
pub fn header_date(text: &str) -> Option<Date> {
    let rest = text.trim_start().strip_prefix("date")?;
    let rest = rest
        .strip_prefix([' ', '\t'])?
        .trim_start_matches([' ', '\t']);
    let candidate = rest.get(..10)?;
    let after = rest[10..].chars().next();
    if !matches!(after, None | Some(' ' | '\t' | '\n' | '\r')) {
        return None;
    }
    Date::parse_iso(candidate).filter(|d| d.day.is_some())
}

/// A calendar date with optional month and day (`xsd:date`, `xsd:gYearMonth`, `xsd:gYear`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year (four digits in practice).
    pub year: i32,
    /// Month 1-12, when known.
    pub month: Option<u8>,
    /// Day 1-31, when known (only with a month).
    pub day: Option<u8>,
}

impl Date {
    /// A full date, checked for a valid month and day.
    pub fn ymd(year: i32, month: u8, day: u8) -> Option<Self> {
        (1..=12).contains(&month).then_some(())?;
        (day >= 1 && day <= days_in_month(year, month)).then_some(())?;
        Some(Self {
            year,
            month: Some(month),
            day: Some(day),
        })
    }
    /// A year and month.
    pub fn ym(year: i32, month: u8) -> Option<Self> {
        (1..=12).contains(&month).then_some(Self {
            year,
            month: Some(month),
            day: None,
        })
    }
    /// A year.
    pub fn y(year: i32) -> Self {
        Self {
            year,
            month: None,
            day: None,
        }
    }
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub fn parse_iso(s: &str) -> Option<Self> {
        let mut parts = s.split('-');
        let y = parts.next()?;
        if y.len() != 4 || !y.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let year: i32 = y.parse().ok()?;
        let num = |p: &str| -> Option<u8> {
            (p.len() == 2 && p.bytes().all(|b| b.is_ascii_digit())).then(|| p.parse().ok())?
        };
        match (parts.next(), parts.next(), parts.next()) {
            (None, _, _) => Some(Self::y(year)),
            (Some(m), None, _) => Self::ym(year, num(m)?),
            (Some(m), Some(d), None) => Self::ymd(year, num(m)?, num(d)?),
            _ => None,
        }
    }
    /// The XSD datatype IRI that fits the precision.
    pub fn datatype(&self) -> String {
        let local = match (self.month, self.day) {
            (Some(_), Some(_)) => "date",
            (Some(_), None) => "gYearMonth",
            _ => "gYear",
        };
        format!("{}{local}", vocab::XSD)
    }
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
            if let Some(d) = self.day {
                write!(f, "-{d:02}")?;
            }
        }
        Ok(())
    }
}

/// A half-open byte range `[start, end)` in a document's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span.
    pub fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }
    /// Whether `other` lies inside this span.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    /// Whether the spans overlap.
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// The five classes of extracted entities.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EntityClass {
    /// A government body.
    Agency,
    /// Any other organization.
    Organization,
    /// A named person.
    Person,
    /// A memorandum, directive, guidance, executive order, opinion.
    Memo,
    /// A named policy, program, doctrine, initiative, law, act or bill.
    Policy,
}

impl EntityClass {
    /// All classes, in a fixed order.
    pub const ALL: [EntityClass; 5] = [
        Self::Agency,
        Self::Organization,
        Self::Person,
        Self::Memo,
        Self::Policy,
    ];
    /// The local name (`Agency`).
    pub fn name(self) -> &'static str {
        match self {
            Self::Agency => "Agency",
            Self::Organization => "Organization",
            Self::Person => "Person",
            Self::Memo => "Memo",
            Self::Policy => "Policy",
        }
    }
    /// The class IRI (`mg:Agency`).
    pub fn iri(self) -> String {
        format!("{}{}", vocab::MG, self.name())
    }
    /// The IRI path segment for instances (`agency`).
    pub fn segment(self) -> &'static str {
        match self {
            Self::Agency => "agency",
            Self::Organization => "organization",
            Self::Person => "person",
            Self::Memo => "memo",
            Self::Policy => "policy",
        }
    }
    /// Parses a local name, prefixed name or IRI, case-insensitively.
    pub fn parse(s: &str) -> Option<Self> {
        let local = s.rsplit(['#', ':', '/']).next().unwrap_or(s);
        Self::ALL
            .into_iter()
            .find(|c| c.name().eq_ignore_ascii_case(local))
    }
}

/// The relation predicates of the schema.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Predicate {
    /// `org:subOrganizationOf`
    SubOrganizationOf,
    /// `org:memberOf`
    MemberOf,
    /// `org:headOf`
    HeadOf,
    /// `schema:jobTitle`
    JobTitle,
    /// `dcterms:creator`
    Creator,
    /// `dcterms:issued`
    Issued,
    /// `mg:addressedTo`
    AddressedTo,
    /// `mg:concerns`
    Concerns,
    /// `dcterms:references`
    References,
    /// `dcterms:replaces`
    Replaces,
    /// `mg:implements`
    Implements,
    /// `schema:foundingDate`
    FoundingDate,
    /// `mg:defunct`
    Defunct,
    /// `mg:succeededBy`
    SucceededBy,
}

impl Predicate {
    /// All predicates, in a fixed order.
    pub const ALL: [Predicate; 14] = [
        Self::SubOrganizationOf,
        Self::MemberOf,
        Self::HeadOf,
        Self::JobTitle,
        Self::Creator,
        Self::Issued,
        Self::AddressedTo,
        Self::Concerns,
        Self::References,
        Self::Replaces,
        Self::Implements,
        Self::FoundingDate,
        Self::Defunct,
        Self::SucceededBy,
    ];
    /// The prefixed name (`org:subOrganizationOf`).
    pub fn curie(self) -> &'static str {
        match self {
            Self::SubOrganizationOf => "org:subOrganizationOf",
            Self::MemberOf => "org:memberOf",
            Self::HeadOf => "org:headOf",
            Self::JobTitle => "schema:jobTitle",
            Self::Creator => "dcterms:creator",
            Self::Issued => "dcterms:issued",
            Self::AddressedTo => "mg:addressedTo",
            Self::Concerns => "mg:concerns",
            Self::References => "dcterms:references",
            Self::Replaces => "dcterms:replaces",
            Self::Implements => "mg:implements",
            Self::FoundingDate => "schema:foundingDate",
            Self::Defunct => "mg:defunct",
            Self::SucceededBy => "mg:succeededBy",
        }
    }
    /// The full IRI.
    pub fn iri(self) -> String {
        let (prefix, local) = self.curie().split_once(':').unwrap_or(("mg", self.curie()));
        let ns = match prefix {
            "org" => vocab::ORG,
            "schema" => vocab::SCHEMA,
            "dcterms" => vocab::DCTERMS,
            _ => vocab::MG,
        };
        format!("{ns}{local}")
    }
    /// Whether the object is a literal rather than an entity.
    pub fn has_literal_object(self) -> bool {
        matches!(
            self,
            Self::JobTitle | Self::Issued | Self::FoundingDate | Self::Defunct
        )
    }
}

/// An extracted entity: one node of the graph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    /// Its class.
    pub class: EntityClass,
    /// The canonical name (`rdfs:label`).
    pub label: String,
    /// Every other name used for it (`skos:altLabel`), sorted.
    pub alt_labels: BTreeSet<String>,
    /// Every place the text names it.
    pub mentions: Vec<Span>,
    /// The rule that first found it.
    pub rule: &'static str,
}

/// The object of a relation.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Object {
    /// Another entity, by index into [`Extraction::entities`].
    Entity(usize),
    /// A date.
    Date(Date),
    /// A boolean.
    Bool(bool),
    /// A plain string (job titles).
    Text(String),
}

/// Why a relation was extracted: the sentence, the span that triggered it, the rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evidence {
    /// The whole sentence (or header block) the fact comes from.
    pub sentence: Span,
    /// The rule id (`rel.title-of`, `memo.header.from`, ...).
    pub rule: &'static str,
}

/// One extracted fact.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Relation {
    /// The subject entity, by index into [`Extraction::entities`].
    pub subject: usize,
    /// The predicate.
    pub predicate: Predicate,
    /// The object.
    pub object: Object,
    /// Its evidence.
    pub evidence: Evidence,
}

/// Everything extracted from one document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Extraction {
    /// The document's title (given or derived).
    pub title: Option<String>,
    /// Entities, in a deterministic order.
    pub entities: Vec<Entity>,
    /// Relations, in a deterministic order, without duplicates.
    pub relations: Vec<Relation>,
}
