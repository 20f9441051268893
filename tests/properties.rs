//! Property tests of the extractor and the RDF writer (proptest).
//!
//! - extraction never panics, on arbitrary Unicode and on text built from a
//!   vocabulary of government words, acronyms, dates, punctuation, digits and
//!   newlines (so that the rules actually fire);
//! - every mention span and every relation evidence span lies inside the text,
//!   on character boundaries; every entity index of a relation exists;
//! - the output is identical across two runs and across thread counts
//!   (1 thread and a 4-thread rayon pool);
//! - the quads of a document are sorted and free of duplicates.
//!
//! 256 cases per property by default (`PROPTEST_CASES=N` overrides).
//! Run with `cargo test --release --test properties`.
#![allow(clippy::unwrap_used, missing_docs)]

use std::sync::OnceLock;

use memograph::rdf::QuadWriter;
use memograph::{Document, Extraction, Extractor, Object};
use proptest::prelude::*;
use rayon::prelude::*;

/// Words, names, acronyms and markers that the rules and lexicons look for,
/// plus punctuation, digits and multi-byte characters that stress offsets.
const VOCAB: &[&str] = &[
    // agencies and organizations
    "Department",
    "of",
    "the",
    "Homeland",
    "Security",
    "State",
    "Treasury",
    "Defense",
    "Justice",
    "Office",
    "Management",
    "and",
    "Budget",
    "OMB",
    "DHS",
    "DOJ",
    "GAO",
    "FBI",
    "CISA",
    "NASA",
    "Agency",
    "Bureau",
    "Administration",
    "Commission",
    "Council",
    "National",
    "Federal",
    "Government",
    "Accountability",
    "Cybersecurity",
    "Infrastructure",
    "Environmental",
    "Protection",
    "EPA",
    "U.S.",
    "United",
    "States",
    "Congress",
    "Senate",
    "House",
    "Inc.",
    "Corporation",
    "Foundation",
    "University",
    "Association",
    // people and titles
    "President",
    "Vice",
    "Secretary",
    "Director",
    "Administrator",
    "Attorney",
    "General",
    "Deputy",
    "Assistant",
    "Chief",
    "Officer",
    "Chair",
    "Mr.",
    "Ms.",
    "Dr.",
    "Joseph",
    "R.",
    "Biden",
    "Jr.",
    "Donald",
    "J.",
    "Trump",
    "Kamala",
    "Harris",
    "Shalanda",
    "Young",
    "Alejandro",
    "Mayorkas",
    "Janet",
    "Yellen",
    // memos and policies
    "Memorandum",
    "memo",
    "M-21-31",
    "M-13-13",
    "Executive",
    "Order",
    "14028",
    "No.",
    "Directive",
    "Guidance",
    "Policy",
    "Program",
    "Initiative",
    "Act",
    "Bill",
    "Law",
    "Privacy",
    "Paperwork",
    "Reduction",
    "Zero",
    "Trust",
    "Strategy",
    "Plan",
    "FOR",
    "THE",
    "HEADS",
    "OF",
    "EXECUTIVE",
    "DEPARTMENTS",
    "AND",
    "AGENCIES",
    "FROM:",
    "TO:",
    "SUBJECT:",
    "MEMORANDUM",
    "DATE:",
    // relation cues
    "issued",
    "signed",
    "rescinds",
    "replaces",
    "supersedes",
    "implements",
    "directs",
    "is",
    "a",
    "an",
    "component",
    "part",
    "within",
    "head",
    "heads",
    "led",
    "by",
    "was",
    "established",
    "founded",
    "abolished",
    "succeeded",
    "renamed",
    "to",
    "for",
    "under",
    "pursuant",
    "section",
    "§",
    "U.S.C.",
    "5",
    "552",
    "(a)",
    "(1)",
    "title",
    // dates and numbers
    "January",
    "March",
    "May",
    "December",
    "2021",
    "2022",
    "1947",
    "5,",
    "20,",
    "31,",
    "2021-01-20",
    "2024-02-29",
    "0",
    "42",
    "1,000",
    "10.5",
    "99",
    "2023-13-45",
    // words of later rules: compound office names, weekdays, titles of memos,
    // revocation lists, citations, emphasis
    "White",
    "Affairs",
    "Legislative",
    "Operations",
    "Thursday",
    "titled",
    "entitled",
    "revoked",
    "following",
    "my",
    "which",
    "issued",
    "components",
    "requires",
    "(1)",
    "*",
    "_",
    // punctuation, whitespace, non-ASCII
    ".",
    ",",
    ";",
    ":",
    "(",
    ")",
    "\"",
    "'",
    "’",
    "“",
    "”",
    "—",
    "–",
    "-",
    "/",
    "&",
    "•",
    "\n",
    "\n\n",
    "\t",
    "  ",
    "é",
    "ñ",
    "日本",
    "🦀",
    "\u{FFFD}",
    "\u{200B}",
    "\r\n",
];

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(256)
}

fn extractor() -> &'static Extractor {
    static EX: OnceLock<Extractor> = OnceLock::new();
    EX.get_or_init(Extractor::new)
}

/// Text made of vocabulary tokens separated by spaces, nothing or newlines,
/// sometimes starting with a `date YYYY-MM-DD` header.
fn vocab_text() -> impl Strategy<Value = String> {
    let token = prop::sample::select(VOCAB);
    let sep = prop::sample::select(&[" ", " ", " ", " ", "", "\n", ". ", ", "][..]);
    (any::<bool>(), prop::collection::vec((token, sep), 0..250)).prop_map(|(header, parts)| {
        let mut s = String::new();
        if header {
            s.push_str("date 2021-01-20\n");
        }
        for (t, sep) in parts {
            s.push_str(t);
            s.push_str(sep);
        }
        s
    })
}

/// Vocabulary text with arbitrary Unicode strings mixed in.
fn mixed_text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop_oneof![3 => vocab_text(), 1 => any::<String>()], 0..4)
        .prop_map(|v| v.concat())
}

/// Any text: arbitrary Unicode, vocabulary text, or a mix.
fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![1 => any::<String>(), 2 => vocab_text(), 1 => mixed_text()]
}

fn check_spans(text: &str, ex: &Extraction) -> Result<(), TestCaseError> {
    let inside = |start: usize, end: usize| {
        start <= end
            && end <= text.len()
            && text.is_char_boundary(start)
            && text.is_char_boundary(end)
    };
    for e in &ex.entities {
        for m in &e.mentions {
            prop_assert!(
                inside(m.start, m.end) && m.start < m.end,
                "mention {:?} of {:?} ({}) outside the text or not on char boundaries (len {})",
                m,
                e.label,
                e.rule,
                text.len()
            );
        }
    }
    for r in &ex.relations {
        let s = r.evidence.sentence;
        prop_assert!(
            inside(s.start, s.end),
            "evidence {:?} of rule {} outside the text or not on char boundaries (len {})",
            s,
            r.evidence.rule,
            text.len()
        );
        prop_assert!(
            r.subject < ex.entities.len(),
            "relation subject {} out of range",
            r.subject
        );
        if let Object::Entity(o) = r.object {
            prop_assert!(o < ex.entities.len(), "relation object {} out of range", o);
        }
    }
    Ok(())
}

fn pool(threads: usize) -> rayon::ThreadPool {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .unwrap()
}

fn pools() -> &'static (rayon::ThreadPool, rayon::ThreadPool) {
    static POOLS: OnceLock<(rayon::ThreadPool, rayon::ThreadPool)> = OnceLock::new();
    POOLS.get_or_init(|| (pool(1), pool(4)))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    #[test]
    fn never_panics_on_arbitrary_unicode(text in any::<String>()) {
        let doc = Document::from_text("prop.txt", text);
        let ex = extractor().extract(&doc);
        check_spans(&doc.text, &ex)?;
    }

    #[test]
    fn spans_inside_text_on_char_boundaries(text in any_text()) {
        let doc = Document::from_text("prop.txt", text);
        let ex = extractor().extract(&doc);
        check_spans(&doc.text, &ex)?;
    }

    #[test]
    fn identical_across_runs(text in any_text()) {
        let doc = Document::from_text("prop.txt", text);
        let first = extractor().extract(&doc);
        let second = Extractor::new().extract(&doc);
        prop_assert_eq!(&first, &second);
        let writer = QuadWriter::default();
        prop_assert_eq!(writer.quads(&doc, &first), writer.quads(&doc, &second));
    }

    #[test]
    fn identical_across_thread_counts(texts in prop::collection::vec(any_text(), 1..12)) {
        let docs: Vec<Document> = texts
            .into_iter()
            .enumerate()
            .map(|(i, t)| Document::from_text(format!("batch/{i}.txt"), t))
            .collect();
        let (one, four) = pools();
        let run = |p: &rayon::ThreadPool| -> Vec<Extraction> {
            p.install(|| docs.par_iter().map(|d| extractor().extract(d)).collect())
        };
        let sequential: Vec<Extraction> = docs.iter().map(|d| extractor().extract(d)).collect();
        prop_assert_eq!(&run(one), &sequential);
        prop_assert_eq!(&run(four), &sequential);
    }

    #[test]
    fn quads_sorted_and_duplicate_free(text in any_text(), source in "[a-z]{1,8}(/[a-z0-9._#-]{1,12}){0,2}") {
        let doc = Document::from_text(source, text);
        let ex = extractor().extract(&doc);
        let quads = QuadWriter::default().quads(&doc, &ex);
        prop_assert!(!quads.is_empty(), "a document has at least its own node");
        let keys: Vec<String> = quads.iter().map(ToString::to_string).collect();
        for w in keys.windows(2) {
            prop_assert!(w[0] < w[1], "quads not strictly sorted:\n{}\n{}", w[0], w[1]);
        }
        let mut unique = quads.clone();
        unique.sort_by_cached_key(ToString::to_string);
        unique.dedup();
        prop_assert_eq!(unique.len(), quads.len(), "duplicate quads");
    }
}
