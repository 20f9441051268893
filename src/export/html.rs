//! The self-contained interactive HTML viewer.
//!
//! The page (`viewer.html`: vanilla JavaScript and a canvas, no network access,
//! enforced by its Content-Security-Policy) gets the graph as JSON inside a
//! `<script type="application/json">` block. The JSON has `<`, `>`, `&`,
//! U+2028 and U+2029 written as `\u003c`-style escapes, so no label can close
//! the block or start markup; the page only ever inserts text with
//! `textContent` and `fillText`.

use std::collections::BTreeMap;
use std::io::{self, Write};

use serde_json::{json, Value};

use super::class_color;
use super::graph::ExportGraph;
use crate::model::EntityClass;

/// The page template.
const TEMPLATE: &str = include_str!("viewer.html");
/// Where the data goes in the template.
const PLACEHOLDER: &str = "__MEMOGRAPH_DATA__";

/// Escapes serialized JSON for the inside of a `<script>` element. Only
/// string contents can hold these characters, where `\uXXXX` means the same.
pub(crate) fn escape_script_json(json: &str) -> String {
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

/// The viewer's data: nodes, edges (by node position), the documents evidence
/// comes from, and the classes present with their colours.
pub(crate) fn to_json(graph: &ExportGraph) -> Value {
    let pos = graph.positions();
    let id = |i| pos.get(&i).copied().unwrap_or_default();
    // Documents referenced by mentions or evidence, in IRI order.
    let mut used: BTreeMap<&str, usize> = BTreeMap::new();
    for (_, n) in graph.nodes() {
        for d in &n.documents {
            used.insert(d, 0);
        }
    }
    for (_, _, e) in graph.edges() {
        for ev in &e.evidence {
            used.insert(&ev.document, 0);
        }
    }
    let mut docs = Vec::with_capacity(used.len());
    for (k, (iri, slot)) in used.iter_mut().enumerate() {
        *slot = k;
        let info = graph.documents.get(*iri);
        docs.push(json!({
            "iri": iri,
            "title": info.map_or("", |d| d.title.as_str()),
            "source": info.map_or("", |d| d.source.as_str()),
            "date": info.map_or("", |d| d.date.as_str()),
        }));
    }
    let doc_index = |iri: &str| used.get(iri).copied();
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    let nodes: Vec<Value> = graph
        .nodes()
        .map(|(_, n)| {
            *counts.entry(n.class.as_str()).or_default() += 1;
            let docs: Vec<usize> = n.documents.iter().filter_map(|d| doc_index(d)).collect();
            json!({
                "label": n.label,
                "iri": n.iri,
                "cls": n.class,
                "aliases": n.aliases,
                "attrs": n.attributes,
                "docs": docs,
            })
        })
        .collect();
    let edges: Vec<Value> = graph
        .edges()
        .map(|(a, b, e)| {
            let ev: Vec<Value> = e
                .evidence
                .iter()
                .map(|ev| json!({ "d": doc_index(&ev.document), "text": ev.text, "rule": ev.rule }))
                .collect();
            json!({ "s": id(a), "t": id(b), "p": e.label, "iri": e.predicate, "ev": ev })
        })
        .collect();
    let rank = |c: &str| {
        EntityClass::ALL
            .iter()
            .position(|k| k.name() == c)
            .unwrap_or(EntityClass::ALL.len())
    };
    let mut names: Vec<&str> = counts.keys().copied().collect();
    names.sort_by_key(|c| (rank(c), *c));
    let classes: Vec<Value> = names
        .iter()
        .map(|c| json!({ "name": c, "color": class_color(c), "count": counts.get(c).copied().unwrap_or(0) }))
        .collect();
    json!({ "nodes": nodes, "edges": edges, "docs": docs, "classes": classes })
}

/// Writes the viewer page with `graph` embedded.
pub(crate) fn write(graph: &ExportGraph, out: &mut dyn Write) -> io::Result<()> {
    let data = escape_script_json(&serde_json::to_string(&to_json(graph))?);
    let (head, tail) = TEMPLATE.split_once(PLACEHOLDER).unwrap_or((TEMPLATE, ""));
    out.write_all(head.as_bytes())?;
    out.write_all(data.as_bytes())?;
    out.write_all(tail.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::testutil::{render, HOSTILE};
    use crate::export::{ExportFormat, ExportOptions};

    #[test]
    fn template_has_one_placeholder_and_no_network() {
        assert_eq!(TEMPLATE.matches(PLACEHOLDER).count(), 1);
        for needle in [
            "http://",
            "https://",
            "src=",
            "<link",
            "@import",
            "fetch(",
            "XMLHttpRequest",
        ] {
            assert!(!TEMPLATE.contains(needle), "template contains {needle}");
        }
    }

    #[test]
    fn escapes() {
        for (input, want) in [
            ("\"a\"", "\"a\""),
            ("\"</script>\"", "\"\\u003c/script\\u003e\""),
            ("\"a&b\"", "\"a\\u0026b\""),
            ("\"\u{2028}\u{2029}\"", "\"\\u2028\\u2029\""),
            ("\"<!--\"", "\"\\u003c!--\""),
        ] {
            assert_eq!(escape_script_json(input), want, "{input:?}");
        }
    }

    #[test]
    fn hostile_label_cannot_close_the_data_block() {
        let (html, _) = render(ExportFormat::Html, &ExportOptions::default());
        let marker = "id=\"memograph-data\">";
        let start = html.find(marker).expect("data block") + marker.len();
        let end = start + html[start..].find("</script>").expect("end of data block");
        let block = &html[start..end];
        assert!(!block.contains('<') && !block.contains('>') && !block.contains('&'));
        assert!(!block.contains('\u{2028}'));
        let value: Value = serde_json::from_str(block).expect("data is JSON");
        let labels: Vec<&str> = value["nodes"]
            .as_array()
            .expect("nodes")
            .iter()
            .filter_map(|n| n["label"].as_str())
            .collect();
        assert!(labels.contains(&HOSTILE));
        assert_eq!(value["edges"].as_array().map(Vec::len), Some(3));
        assert_eq!(value["docs"].as_array().map(Vec::len), Some(2));
        let classes: Vec<&str> = value["classes"]
            .as_array()
            .expect("classes")
            .iter()
            .filter_map(|c| c["name"].as_str())
            .collect();
        assert_eq!(classes, vec!["Agency", "Person", "Memo"]);
        // The hostile title of document two is data too.
        assert_eq!(
            html.matches("</script>").count(),
            TEMPLATE.matches("</script>").count()
        );
    }
}
