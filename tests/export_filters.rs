//! Filtered exports read only what they draw (issue 15); they must draw
//! exactly what filtering the full export draws. A store is built from
//! `data/examples/`; the full Cytoscape.js export is filtered here (by class,
//! and by neighbourhood, walked in the full graph) and compared with the
//! export the filter options produce: same nodes with the same data, same
//! edges with the same evidence counts.
#![allow(clippy::unwrap_used)]

mod common;
use common::examples_store;

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use memograph::export::{export, ExportFormat, ExportOptions};
use memograph::{EntityClass, Store};
use serde_json::Value;

/// A drawn graph: node data by IRI, edges as (source IRI, predicate, target IRI) -> evidence count.
#[derive(Debug, PartialEq)]
struct Drawn {
    nodes: BTreeMap<String, Value>,
    edges: BTreeMap<(String, String, String), u64>,
}

fn draw(store: &Store, options: &ExportOptions) -> Drawn {
    let mut buf = Vec::new();
    export(store.inner(), ExportFormat::Cytoscape, options, &mut buf).unwrap();
    let json: Value = serde_json::from_slice(&buf).unwrap();
    let mut ids = BTreeMap::new();
    let mut nodes = BTreeMap::new();
    for n in json["elements"]["nodes"].as_array().unwrap() {
        let mut data = n["data"].clone();
        let iri = data["iri"].as_str().unwrap().to_string();
        ids.insert(data["id"].as_str().unwrap().to_string(), iri.clone());
        // positions are renumbered by a filter: compare by IRI
        data.as_object_mut().unwrap().remove("id");
        nodes.insert(iri, data);
    }
    let mut edges = BTreeMap::new();
    for e in json["elements"]["edges"].as_array().unwrap() {
        let d = &e["data"];
        let end = |k: &str| ids[d[k].as_str().unwrap()].clone();
        let key = (
            end("source"),
            d["predicate"].as_str().unwrap().to_string(),
            end("target"),
        );
        edges.insert(key, d["evidence"].as_u64().unwrap());
    }
    Drawn { nodes, edges }
}

/// `full` restricted to `keep` (the edges among them).
fn restrict(full: &Drawn, keep: &BTreeSet<String>) -> Drawn {
    Drawn {
        nodes: full
            .nodes
            .iter()
            .filter(|(k, _)| keep.contains(*k))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect(),
        edges: full
            .edges
            .iter()
            .filter(|((a, _, b), _)| keep.contains(a) && keep.contains(b))
            .map(|(k, v)| (k.clone(), *v))
            .collect(),
    }
}

/// The nodes at most `depth` relations away from `seeds` in `g` (either direction).
fn neighbourhood(g: &Drawn, seeds: &[String], depth: usize) -> BTreeSet<String> {
    let mut seen: BTreeSet<String> = seeds.iter().cloned().collect();
    let mut queue: VecDeque<(String, usize)> = seeds.iter().map(|s| (s.clone(), 0)).collect();
    while let Some((n, d)) = queue.pop_front() {
        if d >= depth {
            continue;
        }
        for (a, _, b) in g.edges.keys() {
            for (from, to) in [(a, b), (b, a)] {
                if from == &n && seen.insert(to.clone()) {
                    queue.push_back((to.clone(), d + 1));
                }
            }
        }
    }
    seen
}

#[test]
fn filtered_exports_equal_the_full_export_filtered() {
    let store = examples_store();
    let full = draw(&store, &ExportOptions::default());
    assert!(full.nodes.len() > 20 && full.edges.len() > 10, "{full:?}");

    // --type
    for classes in [
        vec![EntityClass::Agency],
        vec![EntityClass::Person, EntityClass::Memo],
        vec![EntityClass::Policy],
    ] {
        let names: Vec<&str> = classes.iter().map(|c| c.name()).collect();
        let keep: BTreeSet<String> = full
            .nodes
            .iter()
            .filter(|(_, v)| names.contains(&v["class"].as_str().unwrap()))
            .map(|(k, _)| k.clone())
            .collect();
        let options = ExportOptions {
            types: classes.clone(),
            ..Default::default()
        };
        assert_eq!(draw(&store, &options), restrict(&full, &keep), "{names:?}");
    }

    // --around, by IRI and by label, at several depths: the most connected
    // entities and some with one relation
    let mut degree: BTreeMap<&String, usize> = BTreeMap::new();
    for (a, _, b) in full.edges.keys() {
        *degree.entry(a).or_default() += 1;
        *degree.entry(b).or_default() += 1;
    }
    let mut by_degree: Vec<(&String, usize)> = degree.into_iter().collect();
    by_degree.sort_by_key(|(k, d)| (std::cmp::Reverse(*d), (*k).clone()));
    let picks: Vec<String> = by_degree
        .iter()
        .take(3)
        .chain(by_degree.iter().rev().take(2))
        .map(|(k, _)| (*k).clone())
        .collect();
    for iri in &picks {
        let label = full.nodes[iri]["label"].as_str().unwrap().to_string();
        // the nodes a label names (several entities may share one)
        let named: Vec<String> = full
            .nodes
            .iter()
            .filter(|(_, v)| v["label"].as_str().unwrap().to_lowercase() == label.to_lowercase())
            .map(|(k, _)| k.clone())
            .collect();
        for depth in 0..3 {
            for (around, seeds) in [
                (iri.clone(), vec![iri.clone()]),
                (label.to_uppercase(), named.clone()),
            ] {
                let keep = neighbourhood(&full, &seeds, depth);
                let options = ExportOptions {
                    around: Some(around.clone()),
                    depth,
                    ..Default::default()
                };
                assert_eq!(
                    draw(&store, &options),
                    restrict(&full, &keep),
                    "--around {around:?} --depth {depth}"
                );
            }
        }
    }

    // an unknown entity is an error, as before
    let options = ExportOptions {
        around: Some("No Such Entity Anywhere".into()),
        ..Default::default()
    };
    let mut buf = Vec::new();
    assert!(export(store.inner(), ExportFormat::Cytoscape, &options, &mut buf).is_err());
}
