//! Writing one document's extraction without a store (`memograph extract`):
//! Turtle, TriG, N-Quads, JSON (one object per line), or a human-readable
//! explanation of every entity and relation with its evidence and rule.

use std::io::Write;
use std::str::FromStr;

use oxigraph::io::{RdfFormat, RdfSerializer};
use serde_json::{json, Value};

use crate::error::{Error, Result};
use crate::model::{Document, Extraction, Object};
use crate::rdf::{normalize_space, CharIndex, QuadWriter};

/// Output formats of `memograph extract`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExtractFormat {
    /// Turtle: the document's triples (graph names dropped).
    Turtle,
    /// TriG: the document's triples in its named graph.
    Trig,
    /// N-Quads, one quad per line.
    NQuads,
    /// One JSON object per document, one per line (JSON Lines).
    Json,
    /// A human-readable list of every entity and relation with its evidence.
    Explain,
}

impl FromStr for ExtractFormat {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        Ok(match s.to_ascii_lowercase().as_str() {
            "turtle" | "ttl" => Self::Turtle,
            "trig" => Self::Trig,
            "nquads" | "nq" | "n-quads" => Self::NQuads,
            "json" | "jsonl" => Self::Json,
            "explain" | "text" => Self::Explain,
            other => {
                return Err(Error::Other(format!(
                    "unknown format {other:?}; expected turtle, trig, nquads, json or explain"
                )))
            }
        })
    }
}

fn io(e: std::io::Error) -> Error {
    Error::Other(format!("writing output: {e}"))
}

/// Writes one document's extraction to `out`.
pub fn write_extraction(
    format: ExtractFormat,
    writer: &QuadWriter,
    doc: &Document,
    ex: &Extraction,
    out: &mut dyn Write,
) -> Result<()> {
    write_extraction_with(format, writer, doc, ex, &|_| None, out)
}

/// Writes one document's extraction to `out`; `explain` shows where each
/// rule is defined, as `origin` tells (`data/rules/defunct.toml:12`).
pub fn write_extraction_with(
    format: ExtractFormat,
    writer: &QuadWriter,
    doc: &Document,
    ex: &Extraction,
    origin: &dyn Fn(&str) -> Option<String>,
    out: &mut dyn Write,
) -> Result<()> {
    match format {
        ExtractFormat::Turtle | ExtractFormat::Trig | ExtractFormat::NQuads => {
            let rdf = match format {
                ExtractFormat::Turtle => RdfFormat::Turtle,
                ExtractFormat::Trig => RdfFormat::TriG,
                _ => RdfFormat::NQuads,
            };
            let mut ser = RdfSerializer::from_format(rdf);
            if rdf != RdfFormat::NQuads {
                for (p, ns) in crate::query::prefixes() {
                    ser = ser
                        .with_prefix(p, ns)
                        .map_err(|e| Error::Other(e.to_string()))?;
                }
            }
            if rdf == RdfFormat::NQuads {
                // (a quad's line is its sort key: written as made)
                for (line, _) in writer.nquads(doc, ex) {
                    out.write_all(line.as_bytes()).map_err(io)?;
                    out.write_all(b" .\n").map_err(io)?;
                }
                return Ok(());
            }
            let mut ser = ser.for_writer(&mut *out);
            for q in writer.quads(doc, ex) {
                if rdf == RdfFormat::Turtle {
                    ser.serialize_triple(q.as_ref()).map_err(io)?;
                } else {
                    ser.serialize_quad(&q).map_err(io)?;
                }
            }
            ser.finish().map_err(io)?;
            Ok(())
        }
        ExtractFormat::Json => {
            let value = to_json(writer, doc, ex);
            serde_json::to_writer(&mut *out, &value)
                .map_err(|e| Error::Other(format!("writing output: {e}")))?;
            writeln!(out).map_err(io)
        }
        ExtractFormat::Explain => explain(writer, doc, ex, origin, out).map_err(io),
    }
}

/// The JSON form of one document's extraction: `source`, `iri`, `title`,
/// `date`, `entities` (`iri`, `class`, `label`, `altLabels`, `rule`,
/// `mentions` with character offsets and text) and `relations` (`subject`,
/// `predicate`, `object` (IRI or literal value), `objectLabel`, `evidence`,
/// `start`, `end` (character offsets of the evidence), `rule`).
pub fn to_json(writer: &QuadWriter, doc: &Document, ex: &Extraction) -> Value {
    let chars = CharIndex::new(&doc.text);
    let iris: Vec<String> = ex.entities.iter().map(|e| writer.entity_iri(e)).collect();
    let entities: Vec<Value> = ex
        .entities
        .iter()
        .zip(&iris)
        .map(|(e, iri)| {
            json!({
                "iri": iri,
                "class": e.class.name(),
                "label": e.label,
                "altLabels": e.alt_labels.iter().filter(|a| *a != &e.label).collect::<Vec<_>>(),
                "rule": e.rule,
                "mentions": e.mentions.iter().map(|m| json!({
                    "start": chars.char_offset(m.start),
                    "end": chars.char_offset(m.end),
                    "text": doc.text.get(m.start..m.end).unwrap_or(""),
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    let relations: Vec<Value> = ex
        .relations
        .iter()
        .map(|r| {
            let (object, label) = match &r.object {
                Object::Entity(i) => (
                    json!(iris.get(*i).cloned().unwrap_or_default()),
                    json!(ex.entities.get(*i).map(|e| e.label.clone())),
                ),
                Object::Date(d) => (json!(d.to_string()), Value::Null),
                Object::Bool(b) => (json!(b), Value::Null),
                Object::Text(t) => (json!(t), Value::Null),
            };
            let s = r.evidence.sentence;
            json!({
                "subject": iris.get(r.subject).cloned().unwrap_or_default(),
                "subjectLabel": ex.entities.get(r.subject).map(|e| e.label.clone()),
                "predicate": r.predicate.curie(),
                "object": object,
                "objectLabel": label,
                "evidence": normalize_space(doc.text.get(s.start..s.end).unwrap_or("")),
                "start": chars.char_offset(s.start),
                "end": chars.char_offset(s.end),
                "rule": r.evidence.rule,
            })
        })
        .collect();
    json!({
        "source": doc.source,
        "iri": writer.document_iri(doc),
        "title": ex.title.as_ref().or(doc.title.as_ref()),
        "date": doc.date.map(|d| d.to_string()),
        "entities": entities,
        "relations": relations,
    })
}

fn explain(
    writer: &QuadWriter,
    doc: &Document,
    ex: &Extraction,
    origin: &dyn Fn(&str) -> Option<String>,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let chars = CharIndex::new(&doc.text);
    writeln!(out, "# {}", doc.source)?;
    writeln!(out, "document: {}", writer.document_iri(doc))?;
    if doc.ocr {
        writeln!(
            out,
            "read by OCR: the text was recognised by Tesseract from page images (a scan); every fact below comes from recognised text, and offsets refer to it"
        )?;
    }
    if let Some(t) = ex.title.as_ref().or(doc.title.as_ref()) {
        writeln!(out, "title:    {t}")?;
    }
    if let Some(d) = doc.date {
        writeln!(out, "date:     {d}")?;
    }
    writeln!(out, "\nentities ({}):", ex.entities.len())?;
    for e in &ex.entities {
        writeln!(out, "  {:<12} {}  [{}]", e.class.name(), e.label, e.rule)?;
        let alts: Vec<&String> = e.alt_labels.iter().filter(|a| *a != &e.label).collect();
        if !alts.is_empty() {
            writeln!(
                out,
                "               also: {}",
                alts.iter()
                    .map(|a| a.as_str())
                    .collect::<Vec<_>>()
                    .join(" | ")
            )?;
        }
        let shown: Vec<String> = e
            .mentions
            .iter()
            .take(8)
            .map(|m| {
                format!(
                    "{}-{} {:?}",
                    chars.char_offset(m.start),
                    chars.char_offset(m.end),
                    doc.text.get(m.start..m.end).unwrap_or("")
                )
            })
            .collect();
        if !shown.is_empty() {
            let more = e.mentions.len().saturating_sub(shown.len());
            let more = if more > 0 {
                format!(" (+{more} more)")
            } else {
                String::new()
            };
            writeln!(out, "               mentions: {}{more}", shown.join(", "))?;
        }
    }
    writeln!(out, "\nrelations ({}):", ex.relations.len())?;
    let label = |i: usize| ex.entities.get(i).map_or("?", |e| e.label.as_str());
    for r in &ex.relations {
        let object = match &r.object {
            Object::Entity(i) => label(*i).to_string(),
            Object::Date(d) => format!("\"{d}\""),
            Object::Bool(b) => b.to_string(),
            Object::Text(t) => format!("{t:?}"),
        };
        writeln!(
            out,
            "  {}  {}  {}",
            label(r.subject),
            r.predicate.curie(),
            object
        )?;
        let s = r.evidence.sentence;
        let rule = match origin(r.evidence.rule) {
            Some(at) => format!("{} ({at})", r.evidence.rule),
            None => r.evidence.rule.to_string(),
        };
        writeln!(
            out,
            "      rule {}, evidence {}-{}: {:?}",
            rule,
            chars.char_offset(s.start),
            chars.char_offset(s.end),
            normalize_space(doc.text.get(s.start..s.end).unwrap_or(""))
        )?;
    }
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Entity, EntityClass, Evidence, Predicate, Relation, Span};

    fn sample() -> (Document, Extraction) {
        let doc = Document::from_text("a.txt", "date 2011-11-18 ICE — part of DHS.");
        let ice_start = doc.text.find("ICE").unwrap();
        let dhs_start = doc.text.find("DHS").unwrap();
        let ex = Extraction {
            title: None,
            entities: vec![
                Entity {
                    class: EntityClass::Agency,
                    label: "Immigration and Customs Enforcement".into(),
                    alt_labels: ["ICE".to_string()].into_iter().collect(),
                    mentions: vec![Span::new(ice_start, ice_start + 3)],
                    rule: "test",
                },
                Entity {
                    class: EntityClass::Agency,
                    label: "Department of Homeland Security".into(),
                    alt_labels: Default::default(),
                    mentions: vec![Span::new(dhs_start, dhs_start + 3)],
                    rule: "test",
                },
            ],
            relations: vec![Relation {
                subject: 0,
                predicate: Predicate::SubOrganizationOf,
                object: Object::Entity(1),
                evidence: Evidence {
                    sentence: Span::new(ice_start, doc.text.len()),
                    rule: "rel.test",
                },
            }],
        };
        (doc, ex)
    }

    #[test]
    fn json_has_char_offsets_and_evidence() {
        let (doc, ex) = sample();
        let v = to_json(&QuadWriter::default(), &doc, &ex);
        assert_eq!(v["entities"][0]["altLabels"][0], "ICE");
        // "—" is 3 bytes but one character: DHS starts at char 30.
        assert_eq!(v["entities"][1]["mentions"][0]["start"], 30);
        assert_eq!(v["entities"][1]["mentions"][0]["text"], "DHS");
        assert_eq!(v["relations"][0]["predicate"], "org:subOrganizationOf");
        assert_eq!(v["relations"][0]["evidence"], "ICE — part of DHS.");
        assert_eq!(v["relations"][0]["rule"], "rel.test");
        assert_eq!(v["date"], "2011-11-18");
    }

    #[test]
    fn every_format_writes() {
        let (doc, ex) = sample();
        for (format, want) in [
            (ExtractFormat::Turtle, "org:subOrganizationOf"),
            (ExtractFormat::Trig, "<https://w3id.org/memograph/id/doc/a-"),
            (ExtractFormat::NQuads, "<http://www.w3.org/ns/org#subOrganizationOf>"),
            (ExtractFormat::Json, "\"rule\":\"rel.test\""),
            (ExtractFormat::Explain, "Immigration and Customs Enforcement  org:subOrganizationOf  Department of Homeland Security"),
        ] {
            let mut out = Vec::new();
            write_extraction(format, &QuadWriter::default(), &doc, &ex, &mut out).unwrap();
            let s = String::from_utf8(out).unwrap();
            assert!(s.contains(want), "{format:?}: {s}");
        }
    }
}
