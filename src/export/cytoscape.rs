//! Cytoscape.js JSON writer (`cy.json()` elements; also opens in Cytoscape
//! desktop as `.cyjs`).
//!
//! Node data: `id` (`n0`, ...), `name` and `label` (the label), `iri`,
//! `class`, `aliases` (array), `dates` (string), `attributes` (array of
//! `[predicate, value]`), `color`. Edge data: `id`, `source`, `target`,
//! `label` (prefixed predicate), `predicate` (IRI), `evidence` (count).
//! JSON string escaping is done by `serde_json`.

use std::io::{self, Write};

use serde_json::{json, Value};

use super::class_color;
use super::graph::ExportGraph;

/// The Cytoscape.js document for `graph`.
pub(crate) fn to_json(graph: &ExportGraph) -> Value {
    let pos = graph.positions();
    let id = |i| pos.get(&i).copied().unwrap_or_default();
    let nodes: Vec<Value> = graph
        .nodes()
        .map(|(i, n)| {
            json!({ "data": {
                "id": format!("n{}", id(i)),
                "name": n.label,
                "label": n.label,
                "iri": n.iri,
                "class": n.class,
                "aliases": n.aliases,
                "dates": n.dates(),
                "attributes": n.attributes,
                "color": class_color(&n.class),
            }})
        })
        .collect();
    let edges: Vec<Value> = graph
        .edges()
        .enumerate()
        .map(|(k, (a, b, e))| {
            json!({ "data": {
                "id": format!("e{k}"),
                "source": format!("n{}", id(a)),
                "target": format!("n{}", id(b)),
                "label": e.label,
                "predicate": e.predicate,
                "evidence": e.evidence.len(),
            }})
        })
        .collect();
    json!({
        "format_version": "1.0",
        "generated_by": "memograph",
        "target_cytoscapejs_version": "~3",
        "data": { "name": "memograph" },
        "elements": { "nodes": nodes, "edges": edges },
    })
}

/// Writes `graph` as Cytoscape.js JSON.
pub(crate) fn write(graph: &ExportGraph, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &to_json(graph))?;
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use crate::export::testutil::{render, HOSTILE};
    use crate::export::{ExportFormat, ExportOptions};

    #[test]
    fn round_trips_with_hostile_label() {
        let (text, _) = render(ExportFormat::Cytoscape, &ExportOptions::default());
        let doc: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
        let nodes = doc["elements"]["nodes"].as_array().expect("nodes");
        let edges = doc["elements"]["edges"].as_array().expect("edges");
        assert_eq!((nodes.len(), edges.len()), (4, 3));
        let labels: Vec<&str> = nodes
            .iter()
            .filter_map(|n| n["data"]["label"].as_str())
            .collect();
        assert!(labels.contains(&HOSTILE), "{labels:?}");
        let ids: Vec<&str> = nodes
            .iter()
            .filter_map(|n| n["data"]["id"].as_str())
            .collect();
        for e in edges {
            for end in ["source", "target"] {
                let id = e["data"][end].as_str().expect("end");
                assert!(ids.contains(&id), "dangling {end} {id}");
            }
            assert_eq!(e["data"]["evidence"], 1);
        }
    }
}
