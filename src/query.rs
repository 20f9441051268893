//! Writing SPARQL results: an aligned table for people, the W3C SPARQL 1.1
//! result formats (JSON, XML, CSV, TSV) for programs, and Turtle or N-Triples
//! for the graphs of CONSTRUCT and DESCRIBE.

use std::io::Write;
use std::str::FromStr;

use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::Term;
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::QueryResults;

use crate::error::{Error, Result};
use crate::store::Store;
use crate::vocab;

/// How query results are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputFormat {
    /// An aligned table, IRIs compacted with the schema's prefixes (graphs: Turtle).
    Table,
    /// W3C SPARQL 1.1 Query Results JSON.
    Json,
    /// W3C SPARQL 1.1 Query Results CSV.
    Csv,
    /// W3C SPARQL 1.1 Query Results TSV.
    Tsv,
    /// W3C SPARQL Query Results XML (graphs: RDF/XML).
    Xml,
    /// Turtle (CONSTRUCT and DESCRIBE only).
    Turtle,
    /// N-Triples (CONSTRUCT and DESCRIBE only).
    NTriples,
}

impl OutputFormat {
    /// Every format's name, as accepted by [`FromStr`].
    pub const NAMES: [&'static str; 7] =
        ["table", "json", "csv", "tsv", "xml", "turtle", "ntriples"];
}

impl FromStr for OutputFormat {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        Ok(match s.to_ascii_lowercase().as_str() {
            "table" => Self::Table,
            "json" => Self::Json,
            "csv" => Self::Csv,
            "tsv" => Self::Tsv,
            "xml" => Self::Xml,
            "turtle" | "ttl" => Self::Turtle,
            "ntriples" | "nt" | "n-triples" => Self::NTriples,
            other => {
                return Err(Error::Other(format!(
                    "unknown format {other:?}; expected one of {}",
                    Self::NAMES.join(", ")
                )))
            }
        })
    }
}

/// What was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Written {
    /// Solutions of a SELECT, with their number.
    Rows(usize),
    /// The answer of an ASK.
    Boolean(bool),
    /// Triples of a CONSTRUCT or DESCRIBE, with their number.
    Triples(usize),
}

/// Runs `query` on `store` and writes its results to `out` in `format`.
pub fn run(
    store: &Store,
    query: &str,
    format: OutputFormat,
    out: &mut dyn Write,
) -> Result<Written> {
    let results = store.query(query)?;
    write_results(results, format, out)
}

fn io(e: std::io::Error) -> Error {
    Error::Other(format!("writing results: {e}"))
}

fn eval(e: impl std::fmt::Display) -> Error {
    Error::Sparql(format!("query failed: {e}"))
}

/// Writes query results to `out` in `format`.
pub fn write_results(
    results: QueryResults<'_>,
    format: OutputFormat,
    out: &mut dyn Write,
) -> Result<Written> {
    let w3c = match format {
        OutputFormat::Json => Some(QueryResultsFormat::Json),
        OutputFormat::Csv => Some(QueryResultsFormat::Csv),
        OutputFormat::Tsv => Some(QueryResultsFormat::Tsv),
        OutputFormat::Xml => Some(QueryResultsFormat::Xml),
        _ => None,
    };
    match results {
        QueryResults::Boolean(b) => {
            match w3c {
                Some(f) => {
                    QueryResultsSerializer::from_format(f)
                        .serialize_boolean_to_writer(&mut *out, b)
                        .map_err(io)?;
                }
                None if format == OutputFormat::Table => writeln!(out, "{b}").map_err(io)?,
                None => return Err(graph_format_error(format)),
            }
            Ok(Written::Boolean(b))
        }
        QueryResults::Solutions(solutions) => {
            let variables = solutions.variables().to_vec();
            if let Some(f) = w3c {
                let mut ser = QueryResultsSerializer::from_format(f)
                    .serialize_solutions_to_writer(&mut *out, variables)
                    .map_err(io)?;
                let mut n = 0;
                for s in solutions {
                    let s = s.map_err(eval)?;
                    ser.serialize(&s).map_err(io)?;
                    n += 1;
                }
                ser.finish().map_err(io)?;
                return Ok(Written::Rows(n));
            }
            if format != OutputFormat::Table {
                return Err(graph_format_error(format));
            }
            let header: Vec<String> = variables.iter().map(|v| v.as_str().to_string()).collect();
            let mut rows = Vec::new();
            for s in solutions {
                let s = s.map_err(eval)?;
                rows.push(
                    variables
                        .iter()
                        .map(|v| s.get(v).map(display_term).unwrap_or_default())
                        .collect::<Vec<_>>(),
                );
            }
            write_table(out, &header, &rows).map_err(io)?;
            Ok(Written::Rows(rows.len()))
        }
        QueryResults::Graph(triples) => {
            let rdf = match format {
                OutputFormat::Table | OutputFormat::Turtle => RdfFormat::Turtle,
                OutputFormat::NTriples => RdfFormat::NTriples,
                OutputFormat::Xml => RdfFormat::RdfXml,
                _ => {
                    return Err(Error::Other(format!(
                        "CONSTRUCT and DESCRIBE return a graph: use --format turtle, ntriples or xml, not {format:?}"
                    )))
                }
            };
            let mut ser = RdfSerializer::from_format(rdf);
            if rdf != RdfFormat::NTriples {
                for (p, ns) in prefixes() {
                    ser = ser
                        .with_prefix(p, ns)
                        .map_err(|e| Error::Other(e.to_string()))?;
                }
            }
            let mut ser = ser.for_writer(&mut *out);
            let mut n = 0;
            for t in triples {
                ser.serialize_triple(&t.map_err(eval)?).map_err(io)?;
                n += 1;
            }
            ser.finish().map_err(io)?;
            Ok(Written::Triples(n))
        }
    }
}

fn graph_format_error(format: OutputFormat) -> Error {
    Error::Other(format!(
        "--format {} is for CONSTRUCT and DESCRIBE; use table, json, csv, tsv or xml for SELECT and ASK",
        if format == OutputFormat::Turtle { "turtle" } else { "ntriples" }
    ))
}

/// The schema's prefixes, for serializers.
pub fn prefixes() -> [(&'static str, &'static str); 10] {
    [
        ("mg", vocab::MG),
        ("org", vocab::ORG),
        ("dcterms", vocab::DCTERMS),
        ("schema", vocab::SCHEMA),
        ("skos", vocab::SKOS),
        ("rdfs", vocab::RDFS),
        ("rdf", vocab::RDF),
        ("prov", vocab::PROV),
        ("xsd", vocab::XSD),
        ("owl", vocab::OWL),
    ]
}

/// A term as people read it: IRIs compacted (`mg:Agency`), literals as their
/// value (language tag kept as `@en`), line breaks as spaces.
pub fn display_term(term: &Term) -> String {
    let s = match term {
        Term::NamedNode(n) => vocab::compact(n.as_str()),
        Term::BlankNode(b) => b.to_string(),
        Term::Literal(l) => match l.language() {
            Some(lang) => format!("{}@{lang}", l.value()),
            None => l.value().to_string(),
        },
        #[allow(unreachable_patterns)]
        other => other.to_string(),
    };
    s.split(['\n', '\r', '\t']).collect::<Vec<_>>().join(" ")
}

/// Writes an aligned table with a header, a rule and a row count.
pub fn write_table(
    out: &mut dyn Write,
    header: &[String],
    rows: &[Vec<String>],
) -> std::io::Result<()> {
    let width = |s: &str| s.chars().count();
    let mut widths: Vec<usize> = header.iter().map(|h| width(h)).collect();
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(width(cell));
        }
    }
    let line = |out: &mut dyn Write, cells: &[String]| -> std::io::Result<()> {
        let mut s = String::new();
        for (i, (cell, w)) in cells.iter().zip(&widths).enumerate() {
            if i > 0 {
                s.push_str(" | ");
            }
            s.push_str(cell);
            if i + 1 < cells.len() {
                s.push_str(&" ".repeat(w - width(cell)));
            }
        }
        writeln!(out, "{}", s.trim_end())
    };
    line(out, header)?;
    let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
    writeln!(out, "{}", rule.join("-+-"))?;
    for row in rows {
        line(out, row)?;
    }
    writeln!(
        out,
        "({} row{})",
        rows.len(),
        if rows.len() == 1 { "" } else { "s" }
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::model::{GraphName, Literal, NamedNode, Quad};

    fn store() -> Store {
        let store = Store::memory().unwrap();
        let g = "urn:g:1";
        let quads = vec![
            Quad::new(
                NamedNode::new_unchecked("https://w3id.org/memograph/id/agency/ice"),
                NamedNode::new_unchecked(format!("{}label", vocab::RDFS)),
                Literal::new_simple_literal("Immigration and Customs Enforcement"),
                GraphName::NamedNode(NamedNode::new_unchecked(g)),
            ),
            Quad::new(
                NamedNode::new_unchecked("https://w3id.org/memograph/id/agency/ice"),
                NamedNode::new_unchecked(format!("{}type", vocab::RDF)),
                NamedNode::new_unchecked(format!("{}Agency", vocab::MG)),
                GraphName::NamedNode(NamedNode::new_unchecked(g)),
            ),
        ];
        store.put_document(g, &quads).unwrap();
        store
    }

    fn render(query: &str, format: OutputFormat) -> Result<String> {
        let mut out = Vec::new();
        run(&store(), query, format, &mut out)?;
        Ok(String::from_utf8(out).unwrap())
    }

    #[test]
    fn formats() {
        let select = "SELECT ?e ?name WHERE { ?e a mg:Agency ; rdfs:label ?name }";
        for (format, want) in [
            (OutputFormat::Json, r#""value":"Immigration and Customs Enforcement""#),
            (OutputFormat::Csv, "e,name\r\nhttps://w3id.org/memograph/id/agency/ice,Immigration and Customs Enforcement"),
            (OutputFormat::Tsv, "?e\t?name\n<https://w3id.org/memograph/id/agency/ice>\t\"Immigration and Customs Enforcement\""),
            (OutputFormat::Xml, "<literal>Immigration and Customs Enforcement</literal>"),
            (OutputFormat::Table, " | name\n"),
        ] {
            let got = render(select, format).unwrap();
            assert!(got.contains(want), "{format:?}: {got}");
        }
        let table = render(select, OutputFormat::Table).unwrap();
        assert!(
            table.contains("https://w3id.org/memograph/id/agency/ice | Immigration"),
            "{table}"
        );
        assert!(table.ends_with("(1 row)\n"), "{table}");
        assert_eq!(
            render("ASK { ?s a mg:Agency }", OutputFormat::Table).unwrap(),
            "true\n"
        );
        assert!(render("ASK { ?s a mg:Person }", OutputFormat::Json)
            .unwrap()
            .contains("false"));
        let ttl = render(
            "CONSTRUCT { ?s ?p ?o } WHERE { ?s a mg:Agency ; ?p ?o }",
            OutputFormat::Turtle,
        )
        .unwrap();
        assert!(
            ttl.contains("@prefix mg:") && ttl.contains("mg:Agency"),
            "{ttl}"
        );
        let nt = render(
            "DESCRIBE <https://w3id.org/memograph/id/agency/ice>",
            OutputFormat::NTriples,
        )
        .unwrap();
        assert_eq!(nt.lines().count(), 2, "{nt}");
        assert!(render("CONSTRUCT WHERE { ?s ?p ?o }", OutputFormat::Csv).is_err());
        assert!(render(select, OutputFormat::Turtle).is_err());
    }

    #[test]
    fn parses_format_names() {
        for name in OutputFormat::NAMES {
            assert!(name.parse::<OutputFormat>().is_ok(), "{name}");
        }
        assert!("yaml".parse::<OutputFormat>().is_err());
    }

    #[test]
    fn table_alignment() {
        let mut out = Vec::new();
        let rows = vec![
            vec!["ä".to_string(), "x".to_string()],
            vec!["long cell".to_string(), "".to_string()],
        ];
        write_table(&mut out, &["a".into(), "b".into()], &rows).unwrap();
        let s = String::from_utf8(out).unwrap();
        assert_eq!(
            s,
            "a         | b\n----------+--\nä         | x\nlong cell |\n(2 rows)\n"
        );
    }
}
