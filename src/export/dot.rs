//! Graphviz DOT writer.
//!
//! Nodes are `n0`, `n1`, ... (safe ids); every other value is a double-quoted
//! string with `\` and `"` backslash-escaped and newlines written as `\n`.

use std::io::{self, Write};

use super::graph::ExportGraph;
use super::{class_color, clean_controls};

/// Escapes `s` for the inside of a DOT double-quoted string.
pub(crate) fn escape(s: &str) -> String {
    let s = clean_controls(s);
    let mut out = String::with_capacity(s.len() + 2);
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' | '\u{2028}' | '\u{2029}' => out.push_str("\\n"),
            '\t' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Writes `graph` as a DOT digraph.
pub(crate) fn write(graph: &ExportGraph, out: &mut dyn Write) -> io::Result<()> {
    let pos = graph.positions();
    writeln!(out, "digraph memograph {{")?;
    writeln!(
        out,
        "  graph [rankdir=LR, overlap=false, splines=true, fontname=\"Helvetica\"];"
    )?;
    writeln!(
        out,
        "  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\", fontsize=11, fontcolor=\"white\"];"
    )?;
    writeln!(
        out,
        "  edge [fontname=\"Helvetica\", fontsize=9, color=\"#777777\"];"
    )?;
    for (i, node) in graph.nodes() {
        let n = pos.get(&i).copied().unwrap_or_default();
        writeln!(
            out,
            "  n{n} [label=\"{}\", class=\"{}\", iri=\"{}\", aliases=\"{}\", dates=\"{}\", fillcolor=\"{}\", tooltip=\"{}\"];",
            escape(&node.label),
            escape(&node.class),
            escape(&node.iri),
            escape(&node.aliases.join("; ")),
            escape(&node.dates()),
            class_color(&node.class),
            escape(&node.iri),
        )?;
    }
    for (a, b, edge) in graph.edges() {
        let (a, b) = (
            pos.get(&a).copied().unwrap_or_default(),
            pos.get(&b).copied().unwrap_or_default(),
        );
        writeln!(
            out,
            "  n{a} -> n{b} [label=\"{}\", predicate=\"{}\", evidence={}];",
            escape(&edge.label),
            escape(&edge.predicate),
            edge.evidence.len()
        )?;
    }
    writeln!(out, "}}")
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
            ("say \"hi\"", "say \\\"hi\\\""),
            ("a\\b", "a\\\\b"),
            ("trailing\\", "trailing\\\\"),
            ("two\nlines", "two\\nlines"),
            ("{a|b} <c>", "{a|b} <c>"),
            ("bell\u{7}", "bell "),
        ] {
            assert_eq!(escape(input), want, "{input:?}");
        }
    }

    /// Returns the text outside double-quoted strings, checking every string is closed.
    fn outside_strings(dot: &str) -> String {
        let mut out = String::new();
        let mut chars = dot.chars();
        while let Some(c) = chars.next() {
            if c == '"' {
                loop {
                    match chars.next().expect("unterminated string") {
                        '\\' => {
                            chars.next().expect("dangling escape");
                        }
                        '"' => break,
                        '\n' => panic!("raw newline in a string"),
                        _ => {}
                    }
                }
                out.push('S');
            } else {
                out.push(c);
            }
        }
        out
    }

    #[test]
    fn hostile_labels_stay_inside_strings() {
        let (dot, _) = render(ExportFormat::Dot, &ExportOptions::default());
        let skeleton = outside_strings(&dot);
        assert_eq!(skeleton.matches('{').count(), 1, "{skeleton}");
        assert_eq!(skeleton.matches('}').count(), 1, "{skeleton}");
        assert!(
            skeleton
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || " \n[]=,;->{}_".contains(c)),
            "{skeleton}"
        );
        assert!(dot.contains(&escape(HOSTILE)));
        assert!(dot.contains("n2 -> n0 [label=\"dcterms:creator\""), "{dot}");
    }

    #[test]
    fn nodes_and_edges_are_sorted() {
        let (dot, _) = render(ExportFormat::Dot, &ExportOptions::default());
        let ids: Vec<&str> = dot
            .lines()
            .filter(|l| {
                let id = l.split_whitespace().next().unwrap_or("");
                id.len() > 1 && id[1..].bytes().all(|b| b.is_ascii_digit()) && !l.contains(" -> n")
            })
            .collect();
        assert_eq!(ids.len(), 4);
        assert!(ids[0].contains("Department of Homeland Security"));
        let edges: Vec<&str> = dot.lines().filter(|l| l.contains(" -> n")).collect();
        assert_eq!(edges.len(), 3);
        let mut sorted = edges.clone();
        sorted.sort();
        assert_eq!(edges, sorted);
    }
}
