//! GEXF 1.2 writer (Gephi, networkx).
//!
//! Nodes are `n0`, `n1`, ... with their label in `label`, the attributes
//! `iri`, `class`, `aliases` and `dates`, and a `viz:color` by class; edges
//! carry their prefixed predicate as `label` and the attributes `predicate`
//! (the IRI) and `evidence` (an integer). Empty values are left out.

use std::io::{self, Write};

use super::class_color;
use super::graph::ExportGraph;
use super::graphml::escape_xml;

fn rgb(hex: &str) -> (u8, u8, u8) {
    let h = hex.trim_start_matches('#');
    let part = |i: usize| {
        h.get(i..i + 2)
            .and_then(|p| u8::from_str_radix(p, 16).ok())
            .unwrap_or(128)
    };
    (part(0), part(2), part(4))
}

fn attvalue(out: &mut dyn Write, id: usize, value: &str) -> io::Result<()> {
    if value.is_empty() {
        return Ok(());
    }
    writeln!(
        out,
        "          <attvalue for=\"{id}\" value=\"{}\"/>",
        escape_xml(value)
    )
}

/// Writes `graph` as GEXF 1.2.
pub(crate) fn write(graph: &ExportGraph, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>")?;
    writeln!(
        out,
        "<gexf xmlns=\"http://www.gexf.net/1.2draft\" xmlns:viz=\"http://www.gexf.net/1.2draft/viz\" version=\"1.2\">"
    )?;
    writeln!(out, "  <meta>")?;
    writeln!(out, "    <creator>memograph</creator>")?;
    writeln!(out, "    <description>memograph entity graph</description>")?;
    writeln!(out, "  </meta>")?;
    writeln!(
        out,
        "  <graph defaultedgetype=\"directed\" mode=\"static\">"
    )?;
    writeln!(out, "    <attributes class=\"node\" mode=\"static\">")?;
    for (id, title) in ["iri", "class", "aliases", "dates"].iter().enumerate() {
        writeln!(
            out,
            "      <attribute id=\"{id}\" title=\"{title}\" type=\"string\"/>"
        )?;
    }
    writeln!(out, "    </attributes>")?;
    writeln!(out, "    <attributes class=\"edge\" mode=\"static\">")?;
    writeln!(
        out,
        "      <attribute id=\"0\" title=\"predicate\" type=\"string\"/>"
    )?;
    writeln!(
        out,
        "      <attribute id=\"1\" title=\"evidence\" type=\"integer\"/>"
    )?;
    writeln!(out, "    </attributes>")?;
    let pos = graph.positions();
    writeln!(out, "    <nodes>")?;
    for (i, node) in graph.nodes() {
        let n = pos.get(&i).copied().unwrap_or_default();
        writeln!(
            out,
            "      <node id=\"n{n}\" label=\"{}\">",
            escape_xml(&node.label)
        )?;
        writeln!(out, "        <attvalues>")?;
        attvalue(out, 0, &node.iri)?;
        attvalue(out, 1, &node.class)?;
        attvalue(out, 2, &node.aliases.join("; "))?;
        attvalue(out, 3, &node.dates())?;
        writeln!(out, "        </attvalues>")?;
        let (r, g, b) = rgb(class_color(&node.class));
        writeln!(out, "        <viz:color r=\"{r}\" g=\"{g}\" b=\"{b}\"/>")?;
        writeln!(out, "      </node>")?;
    }
    writeln!(out, "    </nodes>")?;
    writeln!(out, "    <edges>")?;
    for (k, (a, b, edge)) in graph.edges().enumerate() {
        let (a, b) = (
            pos.get(&a).copied().unwrap_or_default(),
            pos.get(&b).copied().unwrap_or_default(),
        );
        writeln!(
            out,
            "      <edge id=\"e{k}\" source=\"n{a}\" target=\"n{b}\" label=\"{}\">",
            escape_xml(&edge.label)
        )?;
        writeln!(out, "        <attvalues>")?;
        attvalue(out, 0, &edge.predicate)?;
        attvalue(out, 1, &edge.evidence.len().to_string())?;
        writeln!(out, "        </attvalues>")?;
        writeln!(out, "      </edge>")?;
    }
    writeln!(out, "    </edges>")?;
    writeln!(out, "  </graph>")?;
    writeln!(out, "</gexf>")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::testutil::{render, HOSTILE};
    use crate::export::{ExportFormat, ExportOptions};

    #[test]
    fn colours() {
        for (hex, want) in [
            ("#4e79a7", (0x4e, 0x79, 0xa7)),
            ("#000000", (0, 0, 0)),
            ("#zzzzzz", (128, 128, 128)),
        ] {
            assert_eq!(rgb(hex), want, "{hex}");
        }
    }

    #[test]
    fn hostile_label_is_escaped_and_structure_intact() {
        let (xml, _) = render(ExportFormat::Gexf, &ExportOptions::default());
        assert!(!xml.contains("<script"), "{xml}");
        assert!(xml.contains(&format!("label=\"{}\"", escape_xml(HOSTILE))));
        for tag in xml.split('<').skip(1) {
            let name: String = tag
                .chars()
                .take_while(|c| !c.is_whitespace() && *c != '>')
                .collect();
            let name = name.trim_start_matches('/').trim_end_matches('/');
            assert!(
                [
                    "?xml",
                    "gexf",
                    "meta",
                    "creator",
                    "description",
                    "graph",
                    "attributes",
                    "attribute",
                    "nodes",
                    "node",
                    "attvalues",
                    "attvalue",
                    "viz:color",
                    "edges",
                    "edge"
                ]
                .contains(&name),
                "unexpected tag {name:?}"
            );
        }
        assert_eq!(xml.matches("<node ").count(), 4);
        assert_eq!(xml.matches("<edge ").count(), 3);
    }
}
