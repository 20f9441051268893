//! Exports the knowledge graph for visualization tools and as RDF dumps.
//!
//! The entity graph (agencies, organizations, people, memos and policies with
//! the relations among them, without the document, mention and evidence
//! plumbing) is read from the union of the store's graphs into a `petgraph`
//! graph, filtered ([`ExportOptions`]), and written by one small writer per
//! format. A filtered export reads only what it can draw (the entities a
//! filter keeps, found through the store's indexes, and their relations),
//! and draws the same bytes as the whole graph filtered:
//!
//! | format | module | reader |
//! |---|---|---|
//! | DOT | `dot` | Graphviz, yEd (via conversion) |
//! | GraphML | `graphml` | yEd, Gephi, networkx, igraph |
//! | GEXF 1.2 | `gexf` | Gephi, networkx |
//! | Cytoscape.js JSON | `cytoscape` | Cytoscape, cytoscape.js |
//! | Mermaid | `mermaid` | Markdown renderers |
//! | HTML | `html` | any browser, offline (self-contained viewer) |
//!
//! Node attributes: IRI, label, class, aliases and literal-valued facts
//! ("dates": `dcterms:issued`, `schema:foundingDate`, `schema:jobTitle`,
//! `mg:defunct`); edge attributes: the predicate and the number of evidence
//! sentences. Nodes are sorted by IRI and edges by (source IRI, predicate,
//! target IRI), so the output is deterministic. Every label is escaped for its
//! format.
//!
//! `turtle`, `trig` and `nquads` dump the store itself (all graphs; Turtle
//! flattens them into one graph), sorted, with the schema's prefixes.

use std::io::Write;
use std::path::Path;

use oxigraph::store::Store;

use crate::model::EntityClass;
use crate::{Error, Result};

mod case;
mod cytoscape;
mod dot;
mod gexf;
mod graph;
mod graphml;
mod html;
mod mermaid;
mod rdf;
mod read;

pub use graph::{DocumentInfo, Edge, EvidenceInfo, ExportGraph, Node};

/// An export format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ExportFormat {
    /// Graphviz DOT (`.dot`, `.gv`).
    Dot,
    /// GraphML (`.graphml`).
    GraphMl,
    /// GEXF 1.2 (`.gexf`).
    Gexf,
    /// Cytoscape.js JSON elements (`.json`).
    Cytoscape,
    /// A Mermaid flowchart (`.mmd`, `.mermaid`).
    Mermaid,
    /// A self-contained interactive HTML viewer (`.html`).
    Html,
    /// Turtle dump of the union of all graphs (`.ttl`).
    Turtle,
    /// TriG dump of every graph (`.trig`).
    TriG,
    /// N-Quads dump of every graph (`.nq`).
    NQuads,
}

impl ExportFormat {
    /// Every format, in a fixed order.
    pub const ALL: [ExportFormat; 9] = [
        Self::Dot,
        Self::GraphMl,
        Self::Gexf,
        Self::Cytoscape,
        Self::Mermaid,
        Self::Html,
        Self::Turtle,
        Self::TriG,
        Self::NQuads,
    ];

    /// The format's canonical name (as accepted by `--format`).
    pub fn name(self) -> &'static str {
        match self {
            Self::Dot => "dot",
            Self::GraphMl => "graphml",
            Self::Gexf => "gexf",
            Self::Cytoscape => "cytoscape",
            Self::Mermaid => "mermaid",
            Self::Html => "html",
            Self::Turtle => "turtle",
            Self::TriG => "trig",
            Self::NQuads => "nquads",
        }
    }

    /// The usual file extension (without the dot).
    pub fn extension(self) -> &'static str {
        match self {
            Self::Dot => "dot",
            Self::GraphMl => "graphml",
            Self::Gexf => "gexf",
            Self::Cytoscape => "json",
            Self::Mermaid => "mmd",
            Self::Html => "html",
            Self::Turtle => "ttl",
            Self::TriG => "trig",
            Self::NQuads => "nq",
        }
    }

    /// Parses a format name (case-insensitive): `dot` (or `gv`, `graphviz`),
    /// `graphml`, `gexf`, `cytoscape` (or `cyjs`, `json`), `mermaid` (or
    /// `mmd`), `html`, `turtle` (or `ttl`), `trig`, `nquads` (or `nq`).
    pub fn from_name(s: &str) -> Option<Self> {
        Some(match s.trim().to_ascii_lowercase().as_str() {
            "dot" | "gv" | "graphviz" => Self::Dot,
            "graphml" => Self::GraphMl,
            "gexf" => Self::Gexf,
            "cytoscape" | "cyjs" | "json" => Self::Cytoscape,
            "mermaid" | "mmd" => Self::Mermaid,
            "html" | "htm" => Self::Html,
            "turtle" | "ttl" => Self::Turtle,
            "trig" => Self::TriG,
            "nquads" | "n-quads" | "nq" => Self::NQuads,
            _ => return None,
        })
    }

    /// The format of an output path, by its extension: `.dot`/`.gv`,
    /// `.graphml`, `.gexf`, `.json` (Cytoscape), `.mmd`/`.mermaid`, `.html`,
    /// `.ttl`, `.trig`, `.nq`.
    pub fn from_path(p: &Path) -> Option<Self> {
        let ext = p.extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "dot" | "gv" => Self::Dot,
            "graphml" => Self::GraphMl,
            "gexf" => Self::Gexf,
            "json" | "cyjs" => Self::Cytoscape,
            "mmd" | "mermaid" => Self::Mermaid,
            "html" | "htm" => Self::Html,
            "ttl" => Self::Turtle,
            "trig" => Self::TriG,
            "nq" => Self::NQuads,
            _ => return None,
        })
    }

    /// Whether the format dumps RDF rather than drawing the entity graph.
    pub fn is_rdf(self) -> bool {
        matches!(self, Self::Turtle | Self::TriG | Self::NQuads)
    }
}

/// What goes into an export. The default is the whole entity graph.
#[derive(Debug, Clone, Default)]
pub struct ExportOptions {
    /// Keep only entities of these classes (all when empty).
    pub types: Vec<EntityClass>,
    /// Keep only the entities a document mentions and the relations it
    /// asserts: the document's IRI, its `dcterms:source`, or the source's file
    /// name. For RDF dumps: dump only that document's graph.
    pub document: Option<String>,
    /// Keep only the neighbourhood of an entity (its IRI, label or alias,
    /// case-insensitive), up to `depth` relations away in either direction.
    pub around: Option<String>,
    /// How far from `around` to go (0: the entity alone).
    pub depth: usize,
    /// A SPARQL CONSTRUCT query (evaluated over the union of all graphs) whose
    /// result is drawn instead of the entity graph; for RDF formats its
    /// triples are written. Nodes known to the store get their label, class
    /// and aliases from it, and edges their evidence.
    pub construct: Option<String>,
}

/// What an export wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ExportSummary {
    /// Nodes written (for RDF dumps: distinct subjects).
    pub nodes: usize,
    /// Edges written (for RDF dumps: triples or quads).
    pub edges: usize,
}

/// Writes the store's graph in `format` to `out`, following `options`.
///
/// Errors: a malformed CONSTRUCT query ([`Error::Sparql`]), an unknown
/// `document` or `around` entity ([`Error::Other`]), a store read failure
/// ([`Error::Store`]), or a write failure ([`Error::Other`]).
pub fn export(
    store: &Store,
    format: ExportFormat,
    options: &ExportOptions,
    out: &mut dyn Write,
) -> Result<ExportSummary> {
    if format.is_rdf() {
        return rdf::write(store, format, options, out);
    }
    let graph = graph::build(store, options, format == ExportFormat::Html)?;
    write_graph(&graph, format, out)?;
    Ok(ExportSummary {
        nodes: graph.node_count(),
        edges: graph.edge_count(),
    })
}

/// Writes an already built graph in a drawing format (not an RDF format).
pub fn write_graph(graph: &ExportGraph, format: ExportFormat, out: &mut dyn Write) -> Result<()> {
    let result = match format {
        ExportFormat::Dot => dot::write(graph, out),
        ExportFormat::GraphMl => graphml::write(graph, out),
        ExportFormat::Gexf => gexf::write(graph, out),
        ExportFormat::Cytoscape => cytoscape::write(graph, out),
        ExportFormat::Mermaid => mermaid::write(graph, out),
        ExportFormat::Html => html::write(graph, out),
        ExportFormat::Turtle | ExportFormat::TriG | ExportFormat::NQuads => {
            return Err(Error::Other(format!(
                "export: {} is an RDF format, use export()",
                format.name()
            )))
        }
    };
    result.map_err(write_error)
}

pub(crate) fn write_error(e: std::io::Error) -> Error {
    Error::Other(format!("export: writing the output failed: {e}"))
}

/// Replaces control characters (other than tab and newline, which callers
/// escape) with spaces: they are invalid in XML 1.0 and meaningless in labels.
pub(crate) fn clean_controls(s: &str) -> std::borrow::Cow<'_, str> {
    if s.chars().any(|c| c.is_control() && c != '\n' && c != '\t') {
        s.chars()
            .map(|c| {
                if c.is_control() && c != '\n' && c != '\t' {
                    ' '
                } else {
                    c
                }
            })
            .collect::<String>()
            .into()
    } else {
        s.into()
    }
}

/// The fill colour of a class (Tableau 10), shared by every writer and the viewer's legend.
pub(crate) fn class_color(class: &str) -> &'static str {
    match class {
        "Agency" => "#4e79a7",
        "Organization" => "#f28e2b",
        "Person" => "#59a14f",
        "Memo" => "#e15759",
        "Policy" => "#b07aa1",
        "Document" => "#76b7b2",
        _ => "#9c9c9c",
    }
}

/// Test helpers shared by the writers' unit tests: a small store in the
/// layout of `crate::rdf`, with a hostile label.
#[cfg(test)]
pub(crate) mod testutil {
    use oxigraph::model::{GraphName, Literal, NamedNode, Quad, Term};
    use oxigraph::store::Store;

    use crate::vocab::{DCTERMS, MG, ORG, PROV, RDF, RDFS, SCHEMA, SKOS, XSD};

    /// The label that tries to break every format.
    pub const HOSTILE: &str =
        "Evil </script><script>alert(\"x\")</script> {a|b} \\ 'q' & ]]> --> %% # ; `x`\nline2\u{2028}";
    /// Base of the test IRIs.
    pub const ID: &str = "https://w3id.org/memograph/id/";

    fn nn(s: &str) -> NamedNode {
        NamedNode::new_unchecked(s)
    }
    fn lit(s: &str) -> Term {
        Literal::new_simple_literal(s).into()
    }

    /// A store with two documents, four entities (one with the hostile
    /// label), three relations with evidence and literal facts.
    pub fn store() -> Store {
        let store = Store::new().expect("store");
        let doc1 = format!("{ID}doc/one-1");
        let doc2 = format!("{ID}doc/two-2");
        let dhs = format!("{ID}agency/dhs");
        let ice = format!("{ID}agency/ice");
        let morton = format!("{ID}person/john-morton");
        let memo = format!("{ID}memo/evil");
        let mut quads = Vec::new();
        let mut add = |g: &str, s: &str, p: String, o: Term| {
            quads.push(Quad::new(nn(s), nn(&p), o, GraphName::NamedNode(nn(g))));
        };
        for (doc, title, source) in [
            (&doc1, "One", "data/examples/one.txt"),
            (&doc2, "Two <b>", "data/examples/two.txt"),
        ] {
            add(
                doc,
                doc,
                format!("{RDF}type"),
                nn(&format!("{MG}Document")).into(),
            );
            add(doc, doc, format!("{DCTERMS}title"), lit(title));
            add(doc, doc, format!("{DCTERMS}source"), lit(source));
            add(
                doc,
                doc,
                format!("{DCTERMS}date"),
                Literal::new_typed_literal("2012-06-15", nn(&format!("{XSD}date"))).into(),
            );
        }
        #[allow(clippy::type_complexity)]
        let ents: [(&str, &str, &str, &[&str], &[&String]); 4] = [
            (
                &dhs,
                "Agency",
                "Department of Homeland Security",
                &["DHS"],
                &[&doc1, &doc2],
            ),
            (
                &ice,
                "Agency",
                "Immigration and Customs Enforcement",
                &["ICE"],
                &[&doc1],
            ),
            (&morton, "Person", "John Morton", &[], &[&doc1]),
            (&memo, "Memo", HOSTILE, &["the \"evil\" memo"], &[&doc2]),
        ];
        for (iri, class, label, alts, docs) in ents {
            for doc in docs {
                add(
                    doc,
                    iri,
                    format!("{RDF}type"),
                    nn(&format!("{MG}{class}")).into(),
                );
                add(doc, iri, format!("{RDFS}label"), lit(label));
                for alt in alts {
                    add(doc, iri, format!("{SKOS}altLabel"), lit(alt));
                }
                add(doc, doc, format!("{SCHEMA}mentions"), nn(iri).into());
                let mention = format!("{ID}mention/{}/{}", doc.len(), iri.len());
                add(
                    doc,
                    &mention,
                    format!("{RDF}type"),
                    nn(&format!("{MG}Mention")).into(),
                );
                add(doc, &mention, format!("{MG}mentionOf"), nn(iri).into());
                add(
                    doc,
                    &mention,
                    format!("{PROV}wasDerivedFrom"),
                    nn(doc).into(),
                );
            }
        }
        let rels: [(&String, &str, Term, &String, &str); 5] = [
            (
                &ice,
                "http://www.w3.org/ns/org#subOrganizationOf",
                nn(&dhs).into(),
                &doc1,
                "ICE, a DHS agency.",
            ),
            (
                &morton,
                &format!("{ORG}headOf"),
                nn(&ice).into(),
                &doc1,
                "ICE Director John Morton said \"hi\" <b>.",
            ),
            (
                &memo,
                &format!("{DCTERMS}creator"),
                nn(&dhs).into(),
                &doc2,
                HOSTILE,
            ),
            (
                &morton,
                &format!("{SCHEMA}jobTitle"),
                lit("Director <i>"),
                &doc1,
                "Director John Morton.",
            ),
            (
                &memo,
                &format!("{DCTERMS}issued"),
                Literal::new_typed_literal("2012-06", nn(&format!("{XSD}gYearMonth"))).into(),
                &doc2,
                "In June 2012.",
            ),
        ];
        for (i, (s, p, o, doc, sentence)) in rels.into_iter().enumerate() {
            add(doc, s, p.to_string(), o.clone());
            let st = format!("{ID}fact/{i}");
            add(
                doc,
                &st,
                format!("{RDF}type"),
                nn(&format!("{RDF}Statement")).into(),
            );
            add(doc, &st, format!("{RDF}subject"), nn(s).into());
            add(doc, &st, format!("{RDF}predicate"), nn(p).into());
            add(doc, &st, format!("{RDF}object"), o);
            add(doc, &st, format!("{PROV}wasDerivedFrom"), nn(doc).into());
            add(doc, &st, format!("{MG}evidence"), lit(sentence));
            add(
                doc,
                &st,
                format!("{MG}start"),
                Literal::from(i as i64 * 10).into(),
            );
            add(doc, &st, format!("{MG}rule"), lit("test.rule"));
        }
        // The ontology graph: its labels are not entities.
        let onto = crate::vocab::ONTOLOGY_GRAPH;
        add(
            onto,
            &format!("{MG}Agency"),
            format!("{RDFS}label"),
            lit("Agency"),
        );
        add(
            onto,
            &format!("{MG}Agency"),
            format!("{RDF}type"),
            nn("http://www.w3.org/2002/07/owl#Class").into(),
        );
        store.extend(quads).expect("load");
        store
    }

    /// Exports the test store in `format` with `options`.
    pub fn render(
        format: super::ExportFormat,
        options: &super::ExportOptions,
    ) -> (String, super::ExportSummary) {
        let store = store();
        let mut buf = Vec::new();
        let summary = super::export(&store, format, options, &mut buf).expect("export");
        (String::from_utf8(buf).expect("utf-8"), summary)
    }
}

#[cfg(test)]
mod tests {
    use super::testutil::render;
    use super::*;

    #[test]
    fn format_names_and_extensions() {
        for f in ExportFormat::ALL {
            assert_eq!(ExportFormat::from_name(f.name()), Some(f), "{}", f.name());
            let path = format!("out/graph.{}", f.extension());
            assert_eq!(ExportFormat::from_path(Path::new(&path)), Some(f), "{path}");
        }
        for (input, want) in [
            ("GV", Some(ExportFormat::Dot)),
            ("json", Some(ExportFormat::Cytoscape)),
            ("nq", Some(ExportFormat::NQuads)),
            ("png", None),
        ] {
            assert_eq!(ExportFormat::from_name(input), want, "{input}");
        }
        for (path, want) in [
            ("a.GV", Some(ExportFormat::Dot)),
            ("a.mermaid", Some(ExportFormat::Mermaid)),
            ("a", None),
            ("a.txt", None),
        ] {
            assert_eq!(ExportFormat::from_path(Path::new(path)), want, "{path}");
        }
    }

    #[test]
    fn every_format_is_deterministic_and_counts() {
        for f in ExportFormat::ALL {
            let (a, sa) = render(f, &ExportOptions::default());
            let (b, sb) = render(f, &ExportOptions::default());
            assert_eq!(a, b, "{}", f.name());
            assert_eq!(sa, sb);
            if !f.is_rdf() {
                assert_eq!(sa, ExportSummary { nodes: 4, edges: 3 }, "{}", f.name());
            }
        }
    }

    #[test]
    fn filters() {
        let cases: Vec<(&str, ExportOptions, usize, usize)> = vec![
            ("default", ExportOptions::default(), 4, 3),
            ("agencies", ExportOptions { types: vec![EntityClass::Agency], ..Default::default() }, 2, 1),
            (
                "agency+person",
                ExportOptions { types: vec![EntityClass::Agency, EntityClass::Person], ..Default::default() },
                3,
                2,
            ),
            ("document by source", ExportOptions { document: Some("data/examples/two.txt".into()), ..Default::default() }, 2, 1),
            ("document by file name", ExportOptions { document: Some("one.txt".into()), ..Default::default() }, 3, 2),
            ("around depth 0", ExportOptions { around: Some("ICE".into()), depth: 0, ..Default::default() }, 1, 0),
            ("around depth 1", ExportOptions { around: Some("ice".into()), depth: 1, ..Default::default() }, 3, 2),
            (
                "around by iri depth 2",
                ExportOptions {
                    around: Some(format!("{}person/john-morton", testutil::ID)),
                    depth: 2,
                    ..Default::default()
                },
                3,
                2,
            ),
            (
                "construct",
                ExportOptions {
                    construct: Some(
                        "PREFIX org: <http://www.w3.org/ns/org#> CONSTRUCT { ?a org:subOrganizationOf ?b } WHERE { ?a org:subOrganizationOf ?b }"
                            .into(),
                    ),
                    ..Default::default()
                },
                2,
                1,
            ),
        ];
        for (name, options, nodes, edges) in cases {
            let (_, summary) = render(ExportFormat::Cytoscape, &options);
            assert_eq!(summary, ExportSummary { nodes, edges }, "{name}");
        }
    }

    #[test]
    fn unknown_filters_are_errors() {
        let store = testutil::store();
        for options in [
            ExportOptions {
                document: Some("nope.txt".into()),
                ..Default::default()
            },
            ExportOptions {
                around: Some("Nobody".into()),
                ..Default::default()
            },
            ExportOptions {
                construct: Some("CONSTRUCT {".into()),
                ..Default::default()
            },
            ExportOptions {
                construct: Some("SELECT * WHERE { ?s ?p ?o }".into()),
                ..Default::default()
            },
        ] {
            let mut buf = Vec::new();
            assert!(
                export(&store, ExportFormat::Dot, &options, &mut buf).is_err(),
                "{options:?}"
            );
        }
    }
}
