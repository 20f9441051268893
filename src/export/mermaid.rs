//! Mermaid flowchart writer.
//!
//! Node ids are `n0`, `n1`, ...; labels are double-quoted with every
//! character that is not a letter, a digit, a space or one of `.,:()-_/'?!`
//! written as a Mermaid entity code (`#35;`), so no label can end the string,
//! start a comment (`%%`), or smuggle HTML. Each class gets a `classDef` with
//! its colour. Mermaid's renderer limits diagrams to about 500 edges by
//! default: use filters for big graphs.

use std::collections::BTreeMap;
use std::io::{self, Write};

use super::class_color;
use super::graph::ExportGraph;

/// Escapes `s` for the inside of a double-quoted Mermaid label.
pub(crate) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_alphanumeric() || " .,:()-_/'?!".contains(c) {
            out.push(c);
        } else if c.is_whitespace() || c.is_control() {
            out.push(' ');
        } else {
            out.push_str(&format!("#{};", u32::from(c)));
        }
    }
    out
}

/// A safe `classDef` name for a class: `c_` and its ASCII letters and digits.
fn class_id(class: &str) -> String {
    let local: String = class
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect();
    format!("c_{}", if local.is_empty() { "none" } else { &local })
}

/// Writes `graph` as a Mermaid flowchart.
pub(crate) fn write(graph: &ExportGraph, out: &mut dyn Write) -> io::Result<()> {
    let pos = graph.positions();
    writeln!(
        out,
        "%% memograph entity graph: {} nodes, {} edges",
        graph.node_count(),
        graph.edge_count()
    )?;
    writeln!(out, "flowchart LR")?;
    let mut by_class: BTreeMap<String, (String, Vec<usize>)> = BTreeMap::new();
    for (i, node) in graph.nodes() {
        let n = pos.get(&i).copied().unwrap_or_default();
        writeln!(out, "  n{n}[\"{}\"]", escape(&node.label))?;
        by_class
            .entry(class_id(&node.class))
            .or_insert_with(|| (node.class.clone(), Vec::new()))
            .1
            .push(n);
    }
    for (a, b, edge) in graph.edges() {
        let (a, b) = (
            pos.get(&a).copied().unwrap_or_default(),
            pos.get(&b).copied().unwrap_or_default(),
        );
        let label = match edge.evidence.len() {
            0 => edge.label.clone(),
            n => format!("{} ({n})", edge.label),
        };
        writeln!(out, "  n{a} -->|\"{}\"| n{b}", escape(&label))?;
    }
    for (id, (class, members)) in &by_class {
        writeln!(
            out,
            "  classDef {id} fill:{},stroke:#333,color:#fff",
            class_color(class)
        )?;
        let list: Vec<String> = members.iter().map(|n| format!("n{n}")).collect();
        writeln!(out, "  class {} {id}", list.join(","))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::testutil::{render, HOSTILE};
    use crate::export::{ExportFormat, ExportOptions};

    #[test]
    fn escapes() {
        for (input, want) in [
            ("Plain Name (ICE)", "Plain Name (ICE)"),
            ("say \"hi\"", "say #34;hi#34;"),
            ("a|b", "a#124;b"),
            ("<script>", "#60;script#62;"),
            (
                "100% #1; {x} [y]",
                "100#37; #35;1#59; #123;x#125; #91;y#93;",
            ),
            ("two\nlines", "two lines"),
            ("Café", "Café"),
        ] {
            assert_eq!(escape(input), want, "{input:?}");
        }
        assert_eq!(class_id("Agency"), "c_Agency");
        assert_eq!(class_id("owl:Class <x>"), "c_owlClassx");
        assert_eq!(class_id(""), "c_none");
    }

    #[test]
    fn well_formed_with_hostile_label() {
        let (mmd, _) = render(ExportFormat::Mermaid, &ExportOptions::default());
        let mut declared = Vec::new();
        for line in mmd.lines().skip(2) {
            let line = line.trim();
            assert_eq!(line.matches('"').count() % 2, 0, "{line}");
            if line.starts_with("classDef") || line.starts_with("class ") {
                continue;
            }
            if let Some((a, rest)) = line.split_once(" -->|\"") {
                let (_, b) = rest.rsplit_once("\"| ").expect("edge label");
                assert!(
                    declared.contains(&a.to_string()) && declared.contains(&b.to_string()),
                    "{line}"
                );
            } else {
                let (id, label) = line.split_once("[\"").expect("node");
                assert!(
                    id.starts_with('n') && id[1..].bytes().all(|b| b.is_ascii_digit()),
                    "{id}"
                );
                assert!(
                    label.ends_with("\"]") && !label[..label.len() - 2].contains('"'),
                    "{line}"
                );
                declared.push(id.to_string());
            }
        }
        assert_eq!(declared.len(), 4);
        assert!(mmd.contains(&escape(HOSTILE)));
        assert!(!mmd.contains("<script"));
        assert_eq!(mmd.matches("%%").count(), 1, "only the header comment");
    }
}
