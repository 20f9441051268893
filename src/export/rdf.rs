//! RDF dumps: Turtle (the union of all graphs), TriG and N-Quads (every
//! graph), sorted so the output is deterministic, with the schema's prefixes.
//! `--document` dumps that document's graph only; `--query` dumps the
//! CONSTRUCT result.

use std::collections::BTreeSet;
use std::io::Write;

use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::{GraphName, GraphNameRef, NamedNode, Quad, Triple};
use oxigraph::store::Store;

use super::{graph, write_error, ExportFormat, ExportOptions, ExportSummary};
use crate::vocab::{DCTERMS, MG, ORG, OWL, PROV, RDF, RDFS, SCHEMA, SKOS, XSD};
use crate::{Error, Result};

fn store_error(e: impl std::fmt::Display) -> Error {
    Error::Store {
        path: "(export)".into(),
        message: e.to_string(),
    }
}

/// Dumps the store (or the part `options` selects) in an RDF `format`.
pub(crate) fn write(
    store: &Store,
    format: ExportFormat,
    options: &ExportOptions,
    out: &mut dyn Write,
) -> Result<ExportSummary> {
    let mut quads: Vec<Quad> = if let Some(query) = &options.construct {
        graph::construct_triples(store, query)?
            .into_iter()
            .map(|t| t.in_graph(GraphName::DefaultGraph))
            .collect()
    } else if let Some(doc) = &options.document {
        let iri = graph::find_document(store, doc)?;
        let name = NamedNode::new_unchecked(iri);
        store
            .quads_for_pattern(
                None,
                None,
                None,
                Some(GraphNameRef::NamedNode(name.as_ref())),
            )
            .collect::<std::result::Result<_, _>>()
            .map_err(store_error)?
    } else {
        store
            .iter()
            .collect::<std::result::Result<_, _>>()
            .map_err(store_error)?
    };
    let rdf_format = match format {
        ExportFormat::TriG => RdfFormat::TriG,
        ExportFormat::NQuads => RdfFormat::NQuads,
        _ => RdfFormat::Turtle,
    };
    let mut serializer = RdfSerializer::from_format(rdf_format);
    if rdf_format != RdfFormat::NQuads {
        for (prefix, ns) in [
            ("dcterms", DCTERMS),
            ("mg", MG),
            ("org", ORG),
            ("owl", OWL),
            ("prov", PROV),
            ("rdf", RDF),
            ("rdfs", RDFS),
            ("schema", SCHEMA),
            ("skos", SKOS),
            ("xsd", XSD),
        ] {
            serializer = serializer
                .with_prefix(prefix, ns)
                .map_err(|e| Error::Other(format!("export: {e}")))?;
        }
    }
    let mut writer = serializer.for_writer(out);
    let mut subjects = BTreeSet::new();
    let count;
    if rdf_format == RdfFormat::Turtle {
        let mut triples: Vec<(String, Triple)> = quads
            .into_iter()
            .map(Triple::from)
            .map(|t| (t.to_string(), t))
            .collect();
        triples.sort_by(|a, b| a.0.cmp(&b.0));
        triples.dedup_by(|a, b| a.0 == b.0);
        count = triples.len();
        for (_, t) in &triples {
            subjects.insert(t.subject.to_string());
            writer.serialize_triple(t).map_err(write_error)?;
        }
    } else {
        quads.sort_by_cached_key(|q| {
            (
                q.graph_name.to_string(),
                format!("{} {} {}", q.subject, q.predicate, q.object),
            )
        });
        quads.dedup();
        count = quads.len();
        for q in &quads {
            subjects.insert(q.subject.to_string());
            writer.serialize_quad(q).map_err(write_error)?;
        }
    }
    writer.finish().map_err(write_error)?;
    Ok(ExportSummary {
        nodes: subjects.len(),
        edges: count,
    })
}

#[cfg(test)]
mod tests {
    use oxigraph::io::RdfParser;

    use crate::export::testutil::{self, render, HOSTILE};
    use crate::export::{ExportFormat, ExportOptions};

    #[test]
    fn dumps_parse_back_and_keep_the_hostile_label() {
        let store = testutil::store();
        let total = store.len().expect("len");
        for (format, parser, want) in [
            (ExportFormat::NQuads, oxigraph::io::RdfFormat::NQuads, total),
            (ExportFormat::TriG, oxigraph::io::RdfFormat::TriG, total),
            (ExportFormat::Turtle, oxigraph::io::RdfFormat::Turtle, 0),
        ] {
            let (text, summary) = render(format, &ExportOptions::default());
            let parsed: Vec<_> = RdfParser::from_format(parser)
                .for_slice(text.as_bytes())
                .collect::<Result<_, _>>()
                .unwrap_or_else(|e| panic!("{}: {e}\n{text}", format.name()));
            assert_eq!(parsed.len(), summary.edges, "{}", format.name());
            if want > 0 {
                assert_eq!(parsed.len(), want, "{}", format.name());
            } else {
                assert!(parsed.len() < total, "union merges repeated triples");
            }
            assert!(parsed.iter().any(
                |q| matches!(&q.object, oxigraph::model::Term::Literal(l) if l.value() == HOSTILE)
            ));
        }
    }

    #[test]
    fn document_and_construct_dumps() {
        let (text, summary) = render(
            ExportFormat::NQuads,
            &ExportOptions {
                document: Some("one.txt".into()),
                ..Default::default()
            },
        );
        assert!(summary.edges > 0);
        assert!(text.lines().all(|l| l
            .trim_end()
            .ends_with("<https://w3id.org/memograph/id/doc/one-1> .")));
        let (text, summary) = render(
            ExportFormat::Turtle,
            &ExportOptions {
                construct: Some("CONSTRUCT { ?s a ?t } WHERE { ?s a <https://w3id.org/memograph/ns#Agency> . ?s a ?t }".into()),
                ..Default::default()
            },
        );
        assert_eq!(summary.edges, 2, "{text}");
        assert!(text.contains("mg:Agency"), "{text}");
    }
}
