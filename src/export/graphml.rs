//! GraphML writer (yEd, Gephi, networkx, igraph).
//!
//! Nodes are `n0`, `n1`, ...; their attributes are `label`, `iri`, `class`,
//! `aliases` (`; `-separated), `dates` (`predicate=value; ...`) and `color`;
//! edges carry `label` (the prefixed predicate), `predicate` (its IRI) and
//! `evidence` (the number of evidence sentences, an int). Empty values are
//! left out.

use std::io::{self, Write};

use super::graph::ExportGraph;
use super::{class_color, clean_controls};

/// Escapes `s` for XML text and attribute values. Characters XML 1.0 forbids
/// (control characters, U+FFFE, U+FFFF) become spaces.
pub(crate) fn escape_xml(s: &str) -> String {
    let s = clean_controls(s);
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' => out.push_str("&#10;"),
            '\t' => out.push_str("&#9;"),
            '\u{FFFE}' | '\u{FFFF}' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

const NODE_KEYS: [&str; 6] = ["label", "iri", "class", "aliases", "dates", "color"];

fn data(out: &mut dyn Write, key: &str, value: &str) -> io::Result<()> {
    if value.is_empty() {
        return Ok(());
    }
    writeln!(
        out,
        "      <data key=\"{key}\">{}</data>",
        escape_xml(value)
    )
}

/// Writes `graph` as GraphML.
pub(crate) fn write(graph: &ExportGraph, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>")?;
    writeln!(
        out,
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">"
    )?;
    for key in NODE_KEYS {
        writeln!(
            out,
            "  <key id=\"{key}\" for=\"node\" attr.name=\"{key}\" attr.type=\"string\"/>"
        )?;
    }
    writeln!(
        out,
        "  <key id=\"e_label\" for=\"edge\" attr.name=\"label\" attr.type=\"string\"/>"
    )?;
    writeln!(
        out,
        "  <key id=\"e_predicate\" for=\"edge\" attr.name=\"predicate\" attr.type=\"string\"/>"
    )?;
    writeln!(
        out,
        "  <key id=\"e_evidence\" for=\"edge\" attr.name=\"evidence\" attr.type=\"int\"/>"
    )?;
    writeln!(out, "  <graph id=\"memograph\" edgedefault=\"directed\">")?;
    let pos = graph.positions();
    for (i, node) in graph.nodes() {
        let n = pos.get(&i).copied().unwrap_or_default();
        writeln!(out, "    <node id=\"n{n}\">")?;
        data(out, "label", &node.label)?;
        data(out, "iri", &node.iri)?;
        data(out, "class", &node.class)?;
        data(out, "aliases", &node.aliases.join("; "))?;
        data(out, "dates", &node.dates())?;
        data(out, "color", class_color(&node.class))?;
        writeln!(out, "    </node>")?;
    }
    for (k, (a, b, edge)) in graph.edges().enumerate() {
        let (a, b) = (
            pos.get(&a).copied().unwrap_or_default(),
            pos.get(&b).copied().unwrap_or_default(),
        );
        writeln!(
            out,
            "    <edge id=\"e{k}\" source=\"n{a}\" target=\"n{b}\">"
        )?;
        data(out, "e_label", &edge.label)?;
        data(out, "e_predicate", &edge.predicate)?;
        writeln!(
            out,
            "      <data key=\"e_evidence\">{}</data>",
            edge.evidence.len()
        )?;
        writeln!(out, "    </edge>")?;
    }
    writeln!(out, "  </graph>")?;
    writeln!(out, "</graphml>")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::testutil::{render, HOSTILE};
    use crate::export::{ExportFormat, ExportOptions};

    #[test]
    fn escapes() {
        for (input, want) in [
            ("plain", "plain"),
            ("a & b", "a &amp; b"),
            ("</data><script>", "&lt;/data&gt;&lt;script&gt;"),
            ("\"q\" 'a'", "&quot;q&quot; &apos;a&apos;"),
            ("]]>", "]]&gt;"),
            ("nul\u{0}x", "nul x"),
            ("a\nb", "a&#10;b"),
        ] {
            assert_eq!(escape_xml(input), want, "{input:?}");
        }
    }

    #[test]
    fn hostile_label_is_escaped_and_structure_intact() {
        let (xml, _) = render(ExportFormat::GraphMl, &ExportOptions::default());
        assert!(!xml.contains("<script"), "{xml}");
        assert!(xml.contains(&escape_xml(HOSTILE)));
        // Every tag is one of ours: the label never opens an element.
        for tag in xml.split('<').skip(1) {
            let name: String = tag
                .chars()
                .take_while(|c| !c.is_whitespace() && *c != '>')
                .collect();
            assert!(
                [
                    "?xml", "graphml", "key", "graph", "node", "data", "edge", "/data", "/node",
                    "/edge", "/graph", "/graphml"
                ]
                .contains(&name.as_str()),
                "unexpected tag {name:?}"
            );
        }
        assert_eq!(xml.matches("<node ").count(), 4);
        assert_eq!(xml.matches("<edge ").count(), 3);
        assert!(xml.contains("<data key=\"e_evidence\">1</data>"));
    }
}
