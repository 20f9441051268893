//! Extraction throughput (MB/s) on slices of the performance corpus.
//!
//! Reads `../shared/perf-corpus/*.jsonl` relative to the crate root (override
//! with `MEMOGRAPH_PERF_CORPUS=DIR`); when the corpus is absent every
//! benchmark is skipped with a note on standard error.
//!
//! For each slice (the first `MEMOGRAPH_BENCH_SLICE_MB` megabytes, default 2,
//! of a White House file, a US Code file and the GAO file) it measures:
//! - `extract/<slice>`: `Extractor::extract` over every document of the slice;
//! - `extract+quads/<slice>`: the same plus `QuadWriter::quads` (the RDF step).
//!
//! `one-dense-document/<size>` extracts a single synthetic document dense in
//! definitions, people and clauses at 200 KB and 2 MB: equal MB/s at both sizes
//! means the cost is linear in the document's length.
//!
//! Throughput is in bytes of document text, so criterion reports MB/s of text.
//! Run with `cargo bench --bench extract` (release profile; quick: add `-- --quick`).
#![allow(clippy::unwrap_used, missing_docs)]

use std::fs::File;
use std::hint::black_box;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use memograph::rdf::QuadWriter;
use memograph::{Date, Document, Extractor};

/// The slices: (label, file name).
const SLICES: [(&str, &str); 3] = [
    ("whitehouse", "whitehouse-presidential-actions.jsonl"),
    (
        "uscode",
        "uscode-title-05-government-organization-and-employees.jsonl",
    ),
    ("gao", "gao-reports.jsonl"),
];

fn corpus_dir() -> PathBuf {
    match std::env::var_os("MEMOGRAPH_PERF_CORPUS") {
        Some(dir) => PathBuf::from(dir),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/perf-corpus"),
    }
}

fn slice_bytes() -> usize {
    let mb: f64 = std::env::var("MEMOGRAPH_BENCH_SLICE_MB")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(2.0);
    (mb * 1_000_000.0) as usize
}

/// Whole documents from the start of `path` until their text adds up to `limit` bytes.
fn load_slice(path: &Path, limit: usize) -> Option<Vec<Document>> {
    let file = File::open(path).ok()?;
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("corpus");
    let mut docs = Vec::new();
    let mut total = 0;
    for line in BufReader::new(file).lines() {
        let line = line.ok()?;
        if line.trim().is_empty() {
            continue;
        }
        let row: serde_json::Value = serde_json::from_str(&line).ok()?;
        let text = row
            .get("text")
            .and_then(|t| t.as_str())
            .unwrap_or("")
            .to_string();
        let id = row.get("id").and_then(|t| t.as_str()).unwrap_or("");
        total += text.len();
        docs.push(Document {
            source: format!("{name}#{id}"),
            title: row
                .get("title")
                .and_then(|t| t.as_str())
                .map(str::to_string),
            date: row
                .get("date")
                .and_then(|t| t.as_str())
                .and_then(Date::parse_iso),
            text,
            ocr: false,
        });
        if total >= limit {
            break;
        }
    }
    Some(docs)
}

fn bench_extract(c: &mut Criterion) {
    let dir = corpus_dir();
    if !dir.is_dir() {
        eprintln!(
            "extract bench: skipped, no corpus at {} (set MEMOGRAPH_PERF_CORPUS)",
            dir.display()
        );
        return;
    }
    let limit = slice_bytes();
    let extractor = Extractor::new();
    let writer = QuadWriter::default();
    for (label, file) in SLICES {
        let Some(docs) = load_slice(&dir.join(file), limit) else {
            eprintln!(
                "extract bench: skipped {label}, cannot read {}",
                dir.join(file).display()
            );
            continue;
        };
        let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
        eprintln!(
            "extract bench: {label}: {} documents, {bytes} bytes of text",
            docs.len()
        );

        let mut group = c.benchmark_group("extract");
        group.throughput(Throughput::Bytes(bytes as u64));
        group
            .sample_size(10)
            .warm_up_time(Duration::from_secs(1))
            .measurement_time(Duration::from_secs(5));
        group.bench_function(label, |b| {
            b.iter(|| {
                let mut n = 0;
                for doc in &docs {
                    let ex = extractor.extract(black_box(doc));
                    n += ex.entities.len() + ex.relations.len();
                }
                black_box(n)
            })
        });
        group.finish();

        let mut group = c.benchmark_group("extract+quads");
        group.throughput(Throughput::Bytes(bytes as u64));
        group
            .sample_size(10)
            .warm_up_time(Duration::from_secs(1))
            .measurement_time(Duration::from_secs(5));
        group.bench_function(label, |b| {
            b.iter(|| {
                let mut n = 0;
                for doc in &docs {
                    let ex = extractor.extract(black_box(doc));
                    n += writer.quads(doc, &ex).len();
                }
                black_box(n)
            })
        });
        group.finish();
    }
}

/// One dense sentence group (acronym and quoted short-name definitions, people
/// with titles and relative clauses, a dated memo), repeated into a single
/// document of `bytes` bytes.
fn dense_document(bytes: usize) -> Document {
    const UNIT: &str = "The Office of Widget Control (OWC), or the \u{201c}Widget Office\u{201d}, hired Jane Smith, the Director of the Office of Widget Control, who heads the OWC. In a memorandum dated April 6, 2018, Director John Brown announced the Widget Policy; Secretary Brown later rescinded it. ";
    let mut text = String::from("Dense document\n\n");
    while text.len() < bytes {
        text.push_str(UNIT);
    }
    Document::from_text("dense.txt", text)
}

/// The cost of one long document at two sizes: throughput (MB/s) should not
/// fall as the document grows (rules that compare every mention with every
/// other would make it fall tenfold).
fn bench_one_long_document(c: &mut Criterion) {
    let extractor = Extractor::new();
    let mut group = c.benchmark_group("one-dense-document");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5));
    for (label, bytes) in [("200KB", 200_000), ("2MB", 2_000_000)] {
        let doc = dense_document(bytes);
        group.throughput(Throughput::Bytes(doc.text.len() as u64));
        group.bench_function(label, |b| {
            b.iter(|| {
                let ex = extractor.extract(black_box(&doc));
                black_box(ex.entities.len() + ex.relations.len())
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench_extract, bench_one_long_document);
criterion_main!(benches);
