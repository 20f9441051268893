//! Turns a document and its extraction into RDF quads, following `SCHEMA.md`.
//!
//! Layout: the document's named graph (whose IRI is the document's IRI) holds
//! - the document node: `a mg:Document`, `dcterms:title`, `dcterms:date`,
//!   `dcterms:source`, `mg:contentHash`;
//! - `doc schema:mentions entity` for each entity it names, while the entity's
//!   description (`a mg:Agency` etc., `rdfs:label`, `skos:altLabel`) goes to the
//!   shared graph [`crate::vocab::ENTITIES_GRAPH`], so that an entity named by
//!   a thousand documents is described once (queries over the union of graphs
//!   would otherwise see each of its triples a thousand times);
//! - each mention: `a mg:Mention`, `mg:mentionOf`, `mg:start`, `mg:end`,
//!   `prov:wasDerivedFrom doc` (character offsets);
//! - each relation: the asserted triple, plus an `rdf:Statement` that reifies
//!   it with `prov:wasDerivedFrom`, `mg:evidence`, `mg:start`, `mg:end`, `mg:rule`.
//!
//! IRIs are deterministic: entities are `BASE + class segment + "/" + slug`,
//! documents `BASE + "doc/" + slug + "-" + hash(source)`, facts and mentions
//! hash their content.

use oxigraph::model::{GraphName, Literal, NamedNode, NamedOrBlankNode, Quad, Term};
use sha2::{Digest, Sha256};

use crate::model::{Date, Document, Entity, EntityClass, Extraction, Object, Span};
use crate::vocab::{DCTERMS, MG, PROV, RDF, RDFS, SCHEMA, SKOS, XSD};

/// Lower-case ASCII slug: letters and digits, runs of anything else turned into one `-`.
/// Never empty: a name without ASCII letters or digits gets a hash.
pub fn slug(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut dash = false;
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(c.to_ascii_lowercase());
        } else if c == '\'' || c == '\u{2019}' || c == '.' {
            // "President's" -> presidents, "U.S." -> us
        } else {
            dash = true;
        }
        if out.len() >= 80 {
            break;
        }
    }
    if out.is_empty() {
        out = format!("x{}", &hex_hash(name.as_bytes())[..12]);
    }
    out
}

/// Hex SHA-256 of bytes.
pub fn hex_hash(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(64);
    for b in digest {
        s.push(char::from(HEX[usize::from(b >> 4)]));
        s.push(char::from(HEX[usize::from(b & 15)]));
    }
    s
}

/// The IRI of an entity of `class` named `label` under `base`: the slug of its
/// [`identity`], so that every document that names the same person or body,
/// whichever form of the name it uses, mints the same IRI.
pub fn entity_iri(base: &str, class: EntityClass, label: &str) -> String {
    format!(
        "{base}{}/{}",
        class.segment(),
        slug(&identity(class, label))
    )
}

/// The canonical identity of an entity, independent of the document and of
/// the form of its name:
/// - a person: first and last name, without honorifics, titles, middle names,
///   initials and suffixes ("Hon. Joseph R. Biden, Jr." and "Joseph Biden" are
///   `joseph biden`);
/// - an agency: its resolution key ("U.S. Department of the Treasury" and
///   "Department of Treasury" are `department of treasury`);
/// - anything else: its label.
pub fn identity(class: EntityClass, label: &str) -> String {
    let key = match class {
        EntityClass::Person => crate::extract::mentions::person_key(label),
        EntityClass::Agency => crate::extract::mentions::class_key(class, label),
        _ => return label.to_string(),
    };
    match key.split_once(':') {
        Some((_, k)) if !k.is_empty() => k.to_string(),
        _ => label.to_string(),
    }
}

/// The label of an entity that the documents name `labels`, whatever the order
/// they came in: the fullest form (most words, then most characters), then the
/// first in code-point order. Being a maximum over a set, it can be kept up to
/// date as documents are added by comparing the current label with the new ones.
pub fn choose_label<'a>(labels: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    labels.into_iter().max_by(|a, b| {
        let words = |s: &str| s.split_whitespace().count();
        (words(a), a.chars().count())
            .cmp(&(words(b), b.chars().count()))
            // on a tie, the first in code-point order wins
            .then_with(|| b.cmp(a))
    })
}

/// The IRI of a document read from `source` under `base`.
pub fn document_iri(base: &str, source: &str) -> String {
    let stem = source.rsplit(['/', '\\']).next().unwrap_or(source);
    let stem = stem
        .split_once('#')
        .map_or(stem, |(file, id)| if id.is_empty() { file } else { id });
    let stem = stem
        .rsplit_once('.')
        .map_or(stem, |(s, ext)| if ext.len() <= 5 { s } else { stem });
    format!(
        "{base}doc/{}-{}",
        slug(stem),
        &hex_hash(source.as_bytes())[..10]
    )
}

/// Converts byte offsets of a text into character offsets.
#[derive(Debug, Clone)]
pub struct CharIndex {
    /// (byte offset just after a multi-byte char, cumulative extra bytes up to there)
    steps: Vec<(usize, usize)>,
}

impl CharIndex {
    /// Indexes `text`.
    pub fn new(text: &str) -> Self {
        let mut steps = Vec::new();
        let mut extra = 0;
        if !text.is_ascii() {
            for (i, c) in text.char_indices() {
                let len = c.len_utf8();
                if len > 1 {
                    extra += len - 1;
                    steps.push((i + len, extra));
                }
            }
        }
        Self { steps }
    }
    /// The character offset of byte offset `byte` (which must be a char boundary).
    pub fn char_offset(&self, byte: usize) -> usize {
        let n = self.steps.partition_point(|&(end, _)| end <= byte);
        if n == 0 {
            byte
        } else {
            byte - self.steps[n - 1].1
        }
    }
}

fn nn(iri: impl Into<String>) -> NamedNode {
    NamedNode::new_unchecked(iri)
}

/// The literal for a date, typed by its precision.
pub fn date_literal(d: &Date) -> Literal {
    Literal::new_typed_literal(d.to_string(), nn(d.datatype()))
}

/// Builds the quads of one document.
#[derive(Debug, Clone)]
pub struct QuadWriter {
    base: String,
}

impl Default for QuadWriter {
    fn default() -> Self {
        Self::new(crate::vocab::DEFAULT_BASE)
    }
}

impl QuadWriter {
    /// A writer minting IRIs under `base` (which should end with `/` or `#`).
    pub fn new(base: impl Into<String>) -> Self {
        Self { base: base.into() }
    }

    /// The base IRI.
    pub fn base(&self) -> &str {
        &self.base
    }

    /// The IRI of a document.
    pub fn document_iri(&self, doc: &Document) -> String {
        document_iri(&self.base, &doc.source)
    }

    /// The IRI of an entity.
    pub fn entity_iri(&self, e: &Entity) -> String {
        entity_iri(&self.base, e.class, &e.label)
    }

    /// All quads for `doc` and its extraction, sorted and without duplicates.
    pub fn quads(&self, doc: &Document, ex: &Extraction) -> Vec<Quad> {
        self.nquads(doc, ex).into_iter().map(|(_, q)| q).collect()
    }

    /// [`Self::quads`], each with its N-Quads form (without the final ` .`):
    /// the quads are sorted by it.
    pub fn nquads(&self, doc: &Document, ex: &Extraction) -> Vec<(String, Quad)> {
        let mut out: Vec<(String, Quad)> = self
            .unsorted_quads(doc, ex)
            .into_iter()
            .map(|q| (nquad_string(&q), q))
            .collect();
        // (a stable sort: the order of `sort_by_cached_key(|q| q.to_string())`)
        out.sort_by(|a, b| a.0.cmp(&b.0));
        out.dedup_by(|a, b| a.1 == b.1);
        out
    }

    fn unsorted_quads(&self, doc: &Document, ex: &Extraction) -> Vec<Quad> {
        let doc_iri = self.document_iri(doc);
        let doc_node = nn(doc_iri.clone());
        let graph = GraphName::NamedNode(doc_node.clone());
        let mut out: Vec<Quad> = Vec::new();
        let mut add = |s: &NamedNode, p: String, o: Term| {
            out.push(Quad::new(
                NamedOrBlankNode::NamedNode(s.clone()),
                nn(p),
                o,
                graph.clone(),
            ));
        };
        // (the IRIs every mention and relation repeats, made once)
        let p_type = nn(format!("{RDF}type"));
        let c_mention: Term = nn(format!("{MG}Mention")).into();
        let c_statement: Term = nn(format!("{RDF}Statement")).into();
        let p_mention_of = nn(format!("{MG}mentionOf"));
        let p_start = nn(format!("{MG}start"));
        let p_end = nn(format!("{MG}end"));
        let p_derived = nn(format!("{PROV}wasDerivedFrom"));
        let p_mentions = nn(format!("{SCHEMA}mentions"));
        let p_subject = nn(format!("{RDF}subject"));
        let p_predicate = nn(format!("{RDF}predicate"));
        let p_object = nn(format!("{RDF}object"));
        let p_evidence = nn(format!("{MG}evidence"));
        let p_rule = nn(format!("{MG}rule"));
        let integer = nn(format!("{XSD}integer"));
        let int = |v: usize| -> Term {
            Literal::new_typed_literal(v.to_string(), integer.clone()).into()
        };
        let doc_term: Term = doc_node.clone().into();
        let quad = |s: &NamedNode, p: &NamedNode, o: Term| {
            Quad::new(
                NamedOrBlankNode::NamedNode(s.clone()),
                p.clone(),
                o,
                graph.clone(),
            )
        };
        let rdf_type = format!("{RDF}type");
        add(
            &doc_node,
            rdf_type.clone(),
            nn(format!("{MG}Document")).into(),
        );
        if let Some(title) = ex.title.as_ref().or(doc.title.as_ref()) {
            add(
                &doc_node,
                format!("{DCTERMS}title"),
                Literal::new_simple_literal(title).into(),
            );
        }
        if let Some(date) = &doc.date {
            add(
                &doc_node,
                format!("{DCTERMS}date"),
                date_literal(date).into(),
            );
        }
        add(
            &doc_node,
            format!("{DCTERMS}source"),
            Literal::new_simple_literal(&doc.source).into(),
        );
        add(
            &doc_node,
            format!("{MG}contentHash"),
            Literal::new_simple_literal(format!("sha256:{}", hex_hash(doc.text.as_bytes()))).into(),
        );
        let chars = CharIndex::new(&doc.text);
        let doc_key = &hex_hash(doc_iri.as_bytes())[..16];
        let iris: Vec<NamedNode> = ex.entities.iter().map(|e| nn(self.entity_iri(e))).collect();
        // entity descriptions go to the shared entities graph, once per entity
        let entities = GraphName::NamedNode(nn(crate::vocab::ENTITIES_GRAPH));
        let mut shared: Vec<Quad> = Vec::new();
        let mut describe = |s: &NamedNode, p: String, o: Term| {
            shared.push(Quad::new(
                NamedOrBlankNode::NamedNode(s.clone()),
                nn(p),
                o,
                entities.clone(),
            ));
        };
        for (e, iri) in ex.entities.iter().zip(&iris) {
            describe(iri, rdf_type.clone(), nn(e.class.iri()).into());
            describe(
                iri,
                format!("{RDFS}label"),
                Literal::new_simple_literal(&e.label).into(),
            );
            for alt in &e.alt_labels {
                if alt != &e.label {
                    describe(
                        iri,
                        format!("{SKOS}altLabel"),
                        Literal::new_simple_literal(alt).into(),
                    );
                }
            }
        }
        // the names this document gives each entity, in its own graph: the store
        // derives the shared label and alternative labels from those of all the
        // documents that name the entity (see `Store::refresh_entities`)
        for (e, iri) in ex.entities.iter().zip(&iris) {
            add(
                iri,
                format!("{MG}docLabel"),
                Literal::new_simple_literal(&e.label).into(),
            );
            for alt in e.alt_labels.iter().filter(|a| *a != &e.label) {
                add(
                    iri,
                    format!("{MG}docAltLabel"),
                    Literal::new_simple_literal(alt).into(),
                );
            }
        }
        for (e, iri) in ex.entities.iter().zip(&iris) {
            out.push(quad(&doc_node, &p_mentions, iri.clone().into()));
            for m in &e.mentions {
                let (start, end) = (chars.char_offset(m.start), chars.char_offset(m.end));
                let mention = nn(format!("{}mention/{doc_key}/{start}-{end}", self.base));
                out.push(quad(&mention, &p_type, c_mention.clone()));
                out.push(quad(&mention, &p_mention_of, iri.clone().into()));
                out.push(quad(&mention, &p_start, int(start)));
                out.push(quad(&mention, &p_end, int(end)));
                out.push(quad(&mention, &p_derived, doc_term.clone()));
            }
        }
        for r in &ex.relations {
            let Some(subject) = iris.get(r.subject) else {
                continue;
            };
            let object: Term = match &r.object {
                Object::Entity(i) => match iris.get(*i) {
                    Some(o) => o.clone().into(),
                    None => continue,
                },
                Object::Date(d) => date_literal(d).into(),
                Object::Bool(b) => Literal::from(*b).into(),
                Object::Text(t) => Literal::new_simple_literal(t).into(),
            };
            let p = r.predicate.iri();
            out.push(quad(subject, &nn(p.clone()), object.clone()));
            let Span { start, end } = r.evidence.sentence;
            let (cs, ce) = (chars.char_offset(start), chars.char_offset(end));
            let key = format!("{doc_iri} {subject} {p} {object} {cs}");
            let st = nn(format!(
                "{}fact/{}",
                self.base,
                &hex_hash(key.as_bytes())[..20]
            ));
            out.push(quad(&st, &p_type, c_statement.clone()));
            out.push(quad(&st, &p_subject, subject.clone().into()));
            out.push(quad(&st, &p_predicate, nn(p).into()));
            out.push(quad(&st, &p_object, object));
            out.push(quad(&st, &p_derived, doc_term.clone()));
            let sentence = doc.text.get(start..end).unwrap_or("");
            out.push(quad(
                &st,
                &p_evidence,
                Literal::new_simple_literal(normalize_space(sentence)).into(),
            ));
            out.push(quad(&st, &p_start, int(cs)));
            out.push(quad(&st, &p_end, int(ce)));
            out.push(quad(
                &st,
                &p_rule,
                Literal::new_simple_literal(r.evidence.rule).into(),
            ));
        }
        out.extend(shared);
        out
    }
}

/// A quad as N-Quads writes it (its `Display` form, without the final ` .`),
/// written without the formatting machinery for the terms this crate makes.
pub fn nquad_string(q: &Quad) -> String {
    use std::fmt::Write;
    let mut s = String::with_capacity(160);
    match &q.subject {
        NamedOrBlankNode::NamedNode(n) => push_iri(&mut s, n.as_str()),
        other => {
            let _ = write!(s, "{other}");
        }
    }
    s.push(' ');
    push_iri(&mut s, q.predicate.as_str());
    s.push(' ');
    match &q.object {
        Term::NamedNode(n) => push_iri(&mut s, n.as_str()),
        Term::Literal(l) if l.language().is_none() => {
            push_quoted(&mut s, l.value());
            let dt = l.datatype();
            if dt != oxigraph::model::vocab::xsd::STRING {
                s.push_str("^^");
                push_iri(&mut s, dt.as_str());
            }
        }
        other => {
            let _ = write!(s, "{other}");
        }
    }
    match &q.graph_name {
        GraphName::DefaultGraph => {}
        GraphName::NamedNode(n) => {
            s.push(' ');
            push_iri(&mut s, n.as_str());
        }
        other => {
            let _ = write!(s, " {other}");
        }
    }
    s
}

fn push_iri(s: &mut String, iri: &str) {
    s.push('<');
    s.push_str(iri);
    s.push('>');
}

/// A literal's value quoted and escaped as oxrdf's `print_quoted_str` does.
fn push_quoted(s: &mut String, value: &str) {
    use std::fmt::Write;
    s.push('"');
    // (every character that is escaped is ASCII or starts with the byte 0xEF)
    let plain = |b: u8| b >= 0x20 && !matches!(b, 0x7F | b'"' | b'\\' | 0xEF);
    if value.bytes().all(plain) {
        s.push_str(value);
    } else {
        for c in value.chars() {
            match c {
                '\u{8}' => s.push_str("\\b"),
                '\t' => s.push_str("\\t"),
                '\n' => s.push_str("\\n"),
                '\u{C}' => s.push_str("\\f"),
                '\r' => s.push_str("\\r"),
                '"' => s.push_str("\\\""),
                '\\' => s.push_str("\\\\"),
                '\0'..='\u{1F}' | '\u{7F}' | '\u{FFFE}' | '\u{FFFF}' => {
                    let _ = write!(s, "\\u{:04X}", u32::from(c));
                }
                _ => s.push(c),
            }
        }
    }
    s.push('"');
}

/// Collapses runs of whitespace (hard-wrapped lines) into single spaces.
pub fn normalize_space(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nquad_strings_are_the_display_form() {
        let g = GraphName::NamedNode(nn("http://e/g"));
        let s = NamedOrBlankNode::NamedNode(nn("http://e/s"));
        let objects: Vec<Term> = vec![
            nn("http://e/o").into(),
            Literal::new_simple_literal("plain text, caf\u{e9}").into(),
            Literal::new_simple_literal(
                "a \"quote\" \\ tab\t nl\n cr\r \u{8}\u{C}\u{1}\u{7F}\u{FFFE}\u{FFFF}\u{FFFD}",
            )
            .into(),
            Literal::new_typed_literal("42", nn(format!("{XSD}integer"))).into(),
            Literal::from(true).into(),
            Literal::new_language_tagged_literal_unchecked("hi", "en").into(),
            oxigraph::model::BlankNode::new_unchecked("b1").into(),
        ];
        for o in objects {
            for graph in [g.clone(), GraphName::DefaultGraph] {
                let q = Quad::new(s.clone(), nn("http://e/p"), o.clone(), graph);
                assert_eq!(nquad_string(&q), q.to_string());
            }
        }
    }

    #[test]
    fn slugs() {
        for (name, input, want) in [
            (
                "acronym dots",
                "U.S. Department of State",
                "us-department-of-state",
            ),
            (
                "possessive",
                "President's Memorandum",
                "presidents-memorandum",
            ),
            ("dash runs", "M-13-13 — Memo", "m-13-13-memo"),
            ("case", "DHS", "dhs"),
        ] {
            assert_eq!(slug(input), want, "{name}");
        }
        assert!(slug("日本").starts_with('x'), "non-ASCII names get a hash");
    }

    #[test]
    fn identities() {
        use EntityClass::*;
        // (case, class, label, identity)
        let cases: &[(&str, EntityClass, &str, &str)] = &[
            (
                "a person's first and last name",
                Person,
                "Walter J. Ellison Jr.",
                "walter ellison",
            ),
            (
                "an honorific is no part of it",
                Person,
                "Honorable Walter Ellison",
                "walter ellison",
            ),
            ("a surname alone", Person, "Ellison", "ellison"),
            (
                "U.S. goes",
                Agency,
                "U.S. Department of Labor",
                "department of labor",
            ),
            (
                "of the goes",
                Agency,
                "Department of the Interior",
                "department of interior",
            ),
            (
                "a policy keeps its label",
                Policy,
                "The Clean Air Act",
                "The Clean Air Act",
            ),
        ];
        for (case, class, label, want) in cases {
            assert_eq!(identity(*class, label), *want, "{case}");
        }
        assert_eq!(
            entity_iri("b/", Person, "Walter J. Ellison Jr."),
            entity_iri("b/", Person, "Walter Ellison")
        );
    }

    #[test]
    fn labels_are_chosen_whatever_the_order() {
        // (case, labels, chosen)
        let cases: &[(&str, &[&str], &str)] = &[
            (
                "a person's fullest form",
                &[
                    "Walter Ellison",
                    "Walter J. Ellison Jr.",
                    "Walter J. Ellison",
                ],
                "Walter J. Ellison Jr.",
            ),
            (
                "more words before more characters",
                &["Walter Jamesonian Ellison", "Walter J. Ellison Jr."],
                "Walter J. Ellison Jr.",
            ),
            (
                "a tie goes to code-point order",
                &["Walter Ellisox", "Walter Ellison"],
                "Walter Ellison",
            ),
            (
                "a body's fullest form",
                &["Department of Labor", "U.S. Department of Labor"],
                "U.S. Department of Labor",
            ),
        ];
        for (case, labels, want) in cases {
            let mut rev = labels.to_vec();
            rev.reverse();
            assert_eq!(choose_label(labels.iter().copied()), Some(*want), "{case}");
            assert_eq!(choose_label(rev), Some(*want), "{case}, reversed");
        }
    }

    #[test]
    fn char_offsets() {
        let text = "a’b—c d";
        let idx = CharIndex::new(text);
        for (byte, ch) in [(0, 0), (1, 1), (4, 2), (5, 3), (8, 4), (9, 5)] {
            assert_eq!(idx.char_offset(byte), ch, "byte {byte}");
        }
    }

    #[test]
    fn document_iris_are_stable_and_distinct() {
        let a = document_iri(crate::vocab::DEFAULT_BASE, "data/examples/a.txt");
        assert_eq!(
            a,
            document_iri(crate::vocab::DEFAULT_BASE, "data/examples/a.txt")
        );
        assert!(a.starts_with("https://w3id.org/memograph/id/doc/a-"));
        assert_ne!(a, document_iri(crate::vocab::DEFAULT_BASE, "other/a.txt"));
    }
}
