//! Runs every example query in `queries/` against a store built from
//! `data/examples/`, and checks that each row listed in `queries/NAME.expected`
//! appears in its results (and that it returns at least one row).
//!
//! Expected rows: one per line, TAB-separated cells in column order (fewer
//! cells than columns is fine). A cell matches a value when equal ignoring
//! case and runs of whitespace; `*` matches anything; `~text` matches values
//! containing `text`; `a|b` matches when either alternative does. Lines
//! starting with `#` are comments.
#![allow(clippy::unwrap_used)]

mod common;
use common::{examples_store, root};

use std::path::{Path, PathBuf};

use memograph::query::display_term;
use memograph::Store;
use oxigraph::sparql::QueryResults;

fn norm(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn cell_matches(pattern: &str, value: &str) -> bool {
    pattern.split('|').any(|alt| {
        let alt = alt.trim();
        if alt == "*" {
            true
        } else if let Some(part) = alt.strip_prefix('~') {
            norm(value).contains(&norm(part))
        } else {
            norm(value) == norm(alt)
        }
    })
}

fn row_matches(expected: &[&str], row: &[String]) -> bool {
    expected.len() <= row.len() && expected.iter().zip(row).all(|(p, v)| cell_matches(p, v))
}

fn rows(store: &Store, query: &str) -> Result<Vec<Vec<String>>, String> {
    match store.query(query).map_err(|e| e.to_string())? {
        QueryResults::Solutions(solutions) => {
            let vars = solutions.variables().to_vec();
            let mut out = Vec::new();
            for s in solutions {
                let s = s.map_err(|e| e.to_string())?;
                out.push(
                    vars.iter()
                        .map(|v| s.get(v).map(display_term).unwrap_or_default())
                        .collect(),
                );
            }
            Ok(out)
        }
        _ => Err("not a SELECT query".into()),
    }
}

fn query_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join("queries"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "rq"))
        .collect();
    files.sort();
    files
}

#[test]
fn matcher() {
    for (pattern, value, want) in [
        ("DHS", "dhs", true),
        ("Department  of X", "department of x", true),
        ("*", "", true),
        ("~Morton", "the Morton memo", true),
        ("~Morton", "Napolitano memo", false),
        ("a|~b", "xbx", true),
        ("a|b", "c", false),
    ] {
        assert_eq!(cell_matches(pattern, value), want, "{pattern} vs {value}");
    }
    assert!(
        !row_matches(&["a", "b"], &["a".into()]),
        "more expected cells than columns"
    );
}

#[test]
fn there_are_at_least_eight_documented_queries() {
    let files = query_files();
    assert!(files.len() >= 8, "{files:?}");
    for f in &files {
        let text = std::fs::read_to_string(f).unwrap();
        assert!(
            text.starts_with("# "),
            "{} must open with a comment saying what it answers",
            f.display()
        );
        assert!(
            f.with_extension("expected").is_file(),
            "{} has no .expected file",
            f.display()
        );
    }
}

#[test]
fn example_queries_return_their_expected_rows() {
    let store = examples_store();
    let mut failures = Vec::new();
    for file in query_files() {
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        let query = std::fs::read_to_string(&file).unwrap();
        let got = match rows(&store, &query) {
            Ok(r) => r,
            Err(e) => {
                failures.push(format!("{name}: {e}"));
                continue;
            }
        };
        if got.is_empty() {
            failures.push(format!("{name}: no rows"));
        }
        let expected = std::fs::read_to_string(file.with_extension("expected")).unwrap_or_default();
        for line in expected
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        {
            let cells: Vec<&str> = line.split('\t').collect();
            if !got.iter().any(|row| row_matches(&cells, row)) {
                failures.push(format!("{name}: missing row {cells:?}"));
            }
        }
        if failures.iter().any(|f| f.starts_with(&name)) {
            let shown: Vec<String> = got.iter().take(25).map(|r| r.join(" \t ")).collect();
            failures.push(format!(
                "{name} returned {} rows:\n    {}",
                got.len(),
                shown.join("\n    ")
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn documents_carry_dates_and_sources() {
    let store = examples_store();
    let docs = store.documents().unwrap();
    let dates: Vec<Option<&str>> = docs.iter().map(|d| d.date.as_deref()).collect();
    assert_eq!(
        dates,
        [Some("2011-11-18"), Some("2021-01-20"), Some("2013-05-09")]
    );
    for d in &docs {
        let source = d.source.as_deref().unwrap();
        assert!(Path::new(source).is_file(), "{source}");
        assert!(d.triples > 0);
    }
}
