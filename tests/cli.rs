//! End-to-end tests of the `memograph` binary: ingest and query round trips,
//! bad inputs, a locked store, and a SIGKILL during a large ingest.
#![allow(clippy::unwrap_used)]

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_memograph");

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn memograph(args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .current_dir(root())
        .env_remove("MEMOGRAPH_STORE")
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn ok(args: &[&str]) -> String {
    let out = memograph(args);
    assert!(
        out.status.success(),
        "memograph {args:?} failed: {}",
        text(&out.stderr)
    );
    text(&out.stdout)
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// Every quad of the store, grouped by graph (N-Triples-like strings, sorted).
fn dump(store: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let out = ok(&[
        "query",
        "--store",
        s(store),
        "--format",
        "tsv",
        "SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }",
    ]);
    let mut graphs: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for line in out.lines().skip(1) {
        let (g, rest) = line.split_once('\t').unwrap();
        graphs
            .entry(g.to_string())
            .or_default()
            .insert(rest.to_string());
    }
    graphs
}

fn count(store: &Path, query: &str) -> usize {
    let out = ok(&["query", "--store", s(store), "--format", "json", query]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    v["results"]["bindings"][0]["n"]["value"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap()
}

const N_DOCS: &str = "SELECT (COUNT(?d) AS ?n) WHERE { ?d a mg:Document }";

#[test]
fn ingest_then_query_round_trip() {
    let tmp = tempfile::tempdir().unwrap();
    let store = tmp.path().join("db");
    let out = ok(&["ingest", "--store", s(&store), "data/examples"]);
    assert!(
        out.starts_with("3 documents (3 added, 0 replaced, 0 unchanged, 0 failed)"),
        "{out}"
    );
    assert!(out.trim_end().ends_with("seconds"), "{out}");
    assert_eq!(count(&store, N_DOCS), 3);

    // Every W3C format, and a query from a file.
    let q = "SELECT ?date WHERE { ?d a mg:Document ; dcterms:date ?date } ORDER BY ?date";
    for (format, want) in [
        ("json", "\"value\":\"2011-11-18\""),
        (
            "xml",
            "<literal datatype=\"http://www.w3.org/2001/XMLSchema#date\">2011-11-18</literal>",
        ),
        ("csv", "date\r\n2011-11-18\r\n2013-05-09\r\n2021-01-20\r\n"),
        (
            "tsv",
            "?date\n\"2011-11-18\"^^<http://www.w3.org/2001/XMLSchema#date>\n",
        ),
        (
            "table",
            "date\n----------\n2011-11-18\n2013-05-09\n2021-01-20\n(3 rows)\n",
        ),
    ] {
        let got = ok(&["query", "--store", s(&store), "--format", format, q]);
        assert!(got.contains(want), "{format}: {got}");
    }
    let got = ok(&[
        "query",
        "--store",
        s(&store),
        "--format",
        "csv",
        "--file",
        "queries/documents.rq",
    ]);
    assert_eq!(got.lines().count(), 4, "{got}");
    assert_eq!(
        ok(&["query", "--store", s(&store), "ASK { ?d a mg:Document }"]).trim(),
        "true"
    );
    let ttl = ok(&[
        "query",
        "--store",
        s(&store),
        "CONSTRUCT { ?d a mg:Document } WHERE { ?d a mg:Document }",
    ]);
    assert!(ttl.contains("mg:Document"), "{ttl}");
    let nt = ok(&[
        "query",
        "--store",
        s(&store),
        "--format",
        "ntriples",
        "CONSTRUCT { ?d a mg:Document } WHERE { ?d a mg:Document }",
    ]);
    assert_eq!(nt.lines().count(), 3, "{nt}");

    // The ontology is loaded in its own graph.
    assert_eq!(count(&store, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <https://w3id.org/memograph/ns> { mg:Agency rdfs:label ?l } }"), 1);

    // documents, stats, update, remove.
    let docs = ok(&["documents", "--store", s(&store), "--format", "json"]);
    let docs: serde_json::Value = serde_json::from_str(&docs).unwrap();
    assert_eq!(docs.as_array().unwrap().len(), 3);
    assert_eq!(
        docs[0]["source"],
        "data/examples/00-dhs-prosecutorial-discretion-2011.txt"
    );
    assert!(ok(&["documents", "--store", s(&store)]).contains("(3 rows)"));
    let stats = ok(&["stats", "--store", s(&store), "--format", "json"]);
    let stats: serde_json::Value = serde_json::from_str(&stats).unwrap();
    assert_eq!(stats["documents"], 3);
    assert_eq!(
        stats["classes"]["https://w3id.org/memograph/ns#Document"],
        3
    );
    ok(&[
        "update",
        "--store",
        s(&store),
        "INSERT DATA { <urn:x> rdfs:label \"x\" }",
    ]);
    assert_eq!(
        count(
            &store,
            "SELECT (COUNT(*) AS ?n) WHERE { <urn:x> rdfs:label \"x\" }"
        ),
        1
    );
    let removed = ok(&[
        "remove",
        "--store",
        s(&store),
        "data/examples/02-eo13993-civil-immigration-enforcement-2021.txt",
    ]);
    assert!(
        removed.starts_with("removed https://w3id.org/memograph/id/doc/"),
        "{removed}"
    );
    assert_eq!(count(&store, N_DOCS), 2);
    let missing = memograph(&["remove", "--store", s(&store), "nope.txt"]);
    assert!(!missing.status.success());
    assert!(
        text(&missing.stderr).contains("nope.txt: no such document"),
        "{}",
        text(&missing.stderr)
    );

    // MEMOGRAPH_STORE picks the store.
    let out = Command::new(BIN)
        .args(["query", "--format", "csv", N_DOCS])
        .env("MEMOGRAPH_STORE", &store)
        .output()
        .unwrap();
    assert_eq!(text(&out.stdout), "n\r\n2\r\n");
}

#[test]
fn reingest_unchanged_is_a_no_op_and_changed_replaces() {
    let tmp = tempfile::tempdir().unwrap();
    let store = tmp.path().join("db");
    let doc = tmp.path().join("memo.txt");
    std::fs::write(
        &doc,
        "date 2011-11-18 ICE Director John Morton issued a memo in June.",
    )
    .unwrap();
    ok(&["ingest", "--store", s(&store), s(&doc)]);
    let first = dump(&store);
    let out = ok(&["ingest", "--store", s(&store), s(&doc)]);
    assert!(
        out.starts_with("1 documents (0 added, 0 replaced, 1 unchanged"),
        "{out}"
    );
    assert_eq!(
        dump(&store),
        first,
        "re-ingesting unchanged content changes nothing"
    );

    std::fs::write(
        &doc,
        "date 2012-06-15 Secretary Janet Napolitano issued a memorandum.",
    )
    .unwrap();
    let out = ok(&["ingest", "--store", s(&store), s(&doc)]);
    assert!(
        out.starts_with("1 documents (0 added, 1 replaced, 0 unchanged"),
        "{out}"
    );
    let second = dump(&store);
    assert_eq!(count(&store, N_DOCS), 1);
    let doc_graphs: Vec<&String> = second.keys().filter(|g| g.contains("/doc/")).collect();
    assert_eq!(doc_graphs.len(), 1, "same source, same graph");
    let quads = &second[doc_graphs[0]];
    assert!(
        quads.iter().any(|q| q.contains("2012-06-15")),
        "new content is in"
    );
    assert!(
        !quads.iter().any(|q| q.contains("2011-11-18")),
        "old content is gone"
    );
}

#[test]
fn bad_inputs_are_reported_by_path_and_good_ones_stored() {
    let tmp = tempfile::tempdir().unwrap();
    let store = tmp.path().join("db");
    let dir = tmp.path().join("corpus");
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    std::fs::write(dir.join("a.txt"), "The Department of Homeland Security.").unwrap();
    std::fs::write(dir.join("sub/b.md"), "Office of Management and Budget.").unwrap();
    std::fs::write(
        dir.join("c.html"),
        "<html><title>C</title><body><p>Federal Records Act &amp; more</p></body></html>",
    )
    .unwrap();
    std::fs::write(dir.join("empty.txt"), "").unwrap();
    std::fs::write(dir.join("image.png"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    std::fs::write(dir.join("latin1.txt"), b"Caf\xe9 policy").unwrap();
    std::fs::write(
        dir.join("rows.jsonl"),
        "{\"id\": \"r1\", \"text\": \"A row.\", \"date\": \"2020-02-02\"}\n{broken\n",
    )
    .unwrap();
    let missing = tmp.path().join("missing.txt");

    let out = memograph(&["ingest", "--store", s(&store), s(&dir), s(&missing)]);
    let err = text(&out.stderr);
    assert!(!out.status.success(), "bad inputs give a non-zero exit");
    for (name, want) in [
        ("empty.txt", "empty file"),
        ("image.png", "binary file (NUL byte at byte offset 8)"),
        ("latin1.txt", "invalid UTF-8 at byte offset 3"),
        ("rows.jsonl:2", "bad JSON Lines row"),
        ("missing.txt", "No such file or directory"),
    ] {
        assert!(
            err.lines().any(|l| l.contains(name) && l.contains(want)),
            "{name}: {want} not in\n{err}"
        );
    }
    let stdout = text(&out.stdout);
    assert!(
        stdout.starts_with("4 documents (4 added, 0 replaced, 0 unchanged, 5 failed)"),
        "{stdout}"
    );
    let docs = ok(&[
        "query",
        "--store",
        s(&store),
        "--format",
        "csv",
        "SELECT ?src WHERE { ?d a mg:Document ; dcterms:source ?src } ORDER BY ?src",
    ]);
    let d = s(&dir);
    assert_eq!(
        docs,
        format!("src\r\n{d}/a.txt\r\n{d}/c.html\r\n{d}/rows.jsonl#r1\r\n{d}/sub/b.md\r\n")
    );
    assert_eq!(
        count(
            &store,
            "SELECT (COUNT(*) AS ?n) WHERE { ?d dcterms:title \"C\" }"
        ),
        1,
        "HTML title kept"
    );

    // A missing path alone: non-zero exit naming it.
    let out = memograph(&["ingest", "--store", s(&store), s(&missing)]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("missing.txt"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn standard_input_and_date_override() {
    let tmp = tempfile::tempdir().unwrap();
    let store = tmp.path().join("db");
    let mut child = Command::new(BIN)
        .args(["ingest", "--store", s(&store), "--date", "2001-09-11", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"date 2020-01-01 Text from a pipe.")
        .unwrap();
    assert!(child.wait_with_output().unwrap().status.success());
    let out = ok(&[
        "query",
        "--store",
        s(&store),
        "--format",
        "csv",
        "SELECT ?date ?src WHERE { ?d dcterms:date ?date ; dcterms:source ?src }",
    ]);
    assert_eq!(out, "date,src\r\n2001-09-11,-\r\n");
    let bad = memograph(&["ingest", "--store", s(&store), "--date", "2001-13-01", "-"]);
    assert!(!bad.status.success());
    assert!(
        text(&bad.stderr).contains("not a date"),
        "{}",
        text(&bad.stderr)
    );
}

#[test]
fn malformed_query_and_update_sent_to_query() {
    let tmp = tempfile::tempdir().unwrap();
    let store = tmp.path().join("db");
    let doc = tmp.path().join("a.txt");
    std::fs::write(&doc, "Some text.").unwrap();
    ok(&["ingest", "--store", s(&store), s(&doc)]);
    for (query, want) in [
        ("SELECT ?s\nWHERE { ?s ?p }", "line 2, column"),
        ("SELEC ?s WHERE { ?s ?p ?o }", "line 1, column 1"),
        (
            "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
            "run it with `memograph update`",
        ),
        (
            "DELETE WHERE { ?s ?p ?o }",
            "run it with `memograph update`",
        ),
    ] {
        let out = memograph(&["query", "--store", s(&store), query]);
        assert!(!out.status.success(), "{query}");
        assert!(
            text(&out.stderr).contains(want),
            "{query}: {}",
            text(&out.stderr)
        );
        assert!(out.stdout.is_empty());
    }
    assert_eq!(
        count(&store, N_DOCS),
        1,
        "the refused update changed nothing"
    );
    let out = memograph(&["update", "--store", s(&store), "SELECT * { ?s ?p ?o }"]);
    assert!(
        text(&out.stderr).contains("memograph query"),
        "{}",
        text(&out.stderr)
    );
    let out = memograph(&["query", "--store", s(&tmp.path().join("nostore")), "ASK {}"]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("no memograph store here"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn extract_and_explain_need_no_store() {
    let path = "data/examples/00-dhs-prosecutorial-discretion-2011.txt";
    let json = ok(&["extract", "--format", "json", path]);
    assert_eq!(json.lines().count(), 1, "one JSON object per document");
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["source"], path);
    assert_eq!(v["date"], "2011-11-18");
    assert!(v["entities"].is_array() && v["relations"].is_array());
    for format in ["turtle", "trig", "nquads"] {
        let out = ok(&["extract", "--format", format, path]);
        assert!(out.contains("2011-11-18"), "{format}: {out}");
    }
    let a = ok(&["explain", path]);
    assert!(a.starts_with(&format!("# {path}\n")), "{a}");
    assert!(a.contains("entities (") && a.contains("relations ("), "{a}");
    assert_eq!(a, ok(&["extract", "--explain", path]));
    // The same output whatever the thread count.
    let one = ok(&[
        "extract",
        "--format",
        "nquads",
        "--threads",
        "1",
        "data/examples",
    ]);
    let two = ok(&[
        "extract",
        "--format",
        "nquads",
        "--threads",
        "3",
        "data/examples",
    ]);
    assert_eq!(one, two);
}

#[test]
fn user_rules_are_explained_with_their_origin_and_bad_ones_are_errors() {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("city.txt");
    std::fs::write(
        &doc,
        "The Department of Buildings is charged with enforcing Local Law 97 of 2019.\n",
    )
    .unwrap();
    let rules = "data/rules/examples/city.toml";
    let out = ok(&["explain", "--rules", rules, s(&doc)]);
    assert!(
        out.contains("rule city.charged-with (data/rules/examples/city.toml:"),
        "{out}"
    );
    // (--rules is on extract and ingest too)
    let nq = ok(&["extract", "--format", "nquads", "--rules", rules, s(&doc)]);
    assert!(nq.contains("city.charged-with"), "{nq}");
    // (case, rule file, what the error names)
    let cases = [
        ("not TOML", "[[rule]\nid = 1\n", "bad.toml:1:"),
        (
            "an unknown list",
            "[[rule]]\nid = \"x.y\"\npattern = \"a:@Agency $nope\"\nfact = { subject = \"a\", predicate = \"mg:defunct\", value = true }\n",
            "bad.toml:3:22: no word list `$nope`",
        ),
    ];
    for (case, file, want) in cases {
        let bad = dir.path().join("bad.toml");
        std::fs::write(&bad, file).unwrap();
        let out = memograph(&["extract", "--rules", s(&bad), s(&doc)]);
        assert!(!out.status.success(), "{case}");
        let err = text(&out.stderr);
        assert!(err.contains(want), "{case}: {err}");
    }
    let help = ok(&["extract", "--help"]);
    assert!(help.contains("--rules"), "{help}");
}

/// Writes a JSON Lines corpus of `n` distinct documents built from the example texts.
fn corpus(path: &Path, n: usize) {
    let mut texts = Vec::new();
    for e in std::fs::read_dir(root().join("data/examples")).unwrap() {
        let t = std::fs::read_to_string(e.unwrap().path()).unwrap();
        texts.push(
            t.split_once(char::is_whitespace)
                .map_or(t.clone(), |(_, rest)| rest.to_string()),
        );
    }
    texts.sort();
    let mut f = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    for i in 0..n {
        let body: String = texts[i % texts.len()].chars().take(1000).collect();
        let text = format!("Report number {i}. {body}");
        let row = serde_json::json!({"id": format!("doc-{i}"), "date": "2020-01-01", "text": text});
        writeln!(f, "{row}").unwrap();
    }
}

#[test]
fn a_second_writer_gets_a_clear_message_and_readers_still_work() {
    let tmp = tempfile::tempdir().unwrap();
    let store = tmp.path().join("db");
    ok(&["ingest", "--store", s(&store), "data/examples"]);
    // An ingest reading standard input holds the store open until its input ends.
    let spawn_holder = || {
        Command::new(BIN)
            .args(["ingest", "--store", s(&store), "-"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    };
    let mut holder = spawn_holder();
    let deadline = Instant::now() + Duration::from_secs(30);
    let second = loop {
        // Give the holder a head start; if our own probe won the race for the
        // lock, the holder gave up: start it again.
        std::thread::sleep(Duration::from_millis(200));
        if let Ok(Some(_)) = holder.try_wait() {
            holder = spawn_holder();
            continue;
        }
        let out = memograph(&["ingest", "--store", s(&store), "data/examples"]);
        if !out.status.success() || Instant::now() > deadline {
            break out;
        }
        // The holder had not opened the store yet: try again.
    };
    let err = text(&second.stderr);
    assert!(!second.status.success());
    assert!(
        err.contains(&format!(
            "store {} is in use by another memograph process",
            s(&store)
        )),
        "{err}"
    );
    let out = memograph(&[
        "update",
        "--store",
        s(&store),
        "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
    ]);
    assert!(
        text(&out.stderr).contains("in use by another memograph process"),
        "{}",
        text(&out.stderr)
    );
    // Readers fall back to a read-only view.
    assert_eq!(count(&store, N_DOCS), 3);
    assert!(ok(&["documents", "--store", s(&store)]).contains("(3 rows)"));

    holder
        .stdin
        .take()
        .unwrap()
        .write_all(b"One more document.")
        .unwrap();
    let out = holder.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(
        count(&store, N_DOCS),
        4,
        "no corruption: the holder's document is stored"
    );
}

#[cfg(unix)]
#[test]
fn sigkill_during_ingest_leaves_every_document_whole_and_a_rerun_completes() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("corpus.jsonl");
    let n = 2500;
    corpus(&input, n);
    let clean = tmp.path().join("clean");
    let started = std::time::Instant::now();
    ok(&["ingest", "--store", s(&clean), s(&input)]);
    // (kill at fractions of a whole run's time, so that a loaded machine
    // interrupts as surely as an idle one)
    let whole = started.elapsed();
    let clean_dump = dump(&clean);
    assert_eq!(clean_dump.keys().filter(|g| g.contains("/doc/")).count(), n);

    let killed = tmp.path().join("killed");
    let mut present = 0;
    let mut interrupted = 0;
    // Kill at a few different moments; each time the store must be consistent.
    for fraction in [0.25f64, 0.5, 0.75] {
        let mut child = Command::new(BIN)
            .args([
                "ingest",
                "--store",
                s(&killed),
                "--batch-quads",
                "3000",
                s(&input),
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(whole.mul_f64(fraction).max(Duration::from_millis(50)));
        let still_running = child.try_wait().unwrap().is_none();
        child.kill().unwrap(); // SIGKILL on Unix
        child.wait().unwrap();
        if !killed.exists() {
            continue; // killed before it created the store: nothing to check yet
        }
        let after = dump(&killed);
        let docs: Vec<&String> = after.keys().filter(|g| g.contains("/doc/")).collect();
        for g in &docs {
            assert_eq!(
                after[*g], clean_dump[*g],
                "document graph {g} is not whole after SIGKILL"
            );
        }
        assert!(docs.len() >= present, "documents never go missing");
        present = docs.len();
        if still_running && present > 0 && present < n {
            interrupted += 1;
        }
    }
    assert!(
        interrupted > 0,
        "every ingest finished before the kill: make the corpus bigger"
    );
    let out = ok(&["ingest", "--store", s(&killed), s(&input)]);
    assert!(out.starts_with(&format!("{n} documents (")), "{out}");
    assert_eq!(
        dump(&killed),
        clean_dump,
        "a rerun completes the store exactly"
    );
}

/// Huge inputs are rejected by their documented limit (64 MiB per document)
/// without being read into memory: a 2 GB file (sparse, so the test is cheap)
/// and a 200 MB single-line JSON Lines row; the good document beside them is stored.
#[test]
fn huge_inputs_are_rejected_by_the_document_limit_and_the_rest_is_stored() {
    let tmp = tempfile::tempdir().unwrap();
    let store = tmp.path().join("db");
    let dir = tmp.path().join("corpus");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("a.txt"), "The Department of Homeland Security.").unwrap();
    let big = std::fs::File::create(dir.join("big.txt")).unwrap();
    big.set_len(2 * 1024 * 1024 * 1024).unwrap();
    drop(big);
    {
        let mut f = std::io::BufWriter::new(std::fs::File::create(dir.join("line.jsonl")).unwrap());
        write!(f, "{{\"id\": \"huge\", \"text\": \"").unwrap();
        let chunk = "Office of Management and Budget. ".repeat(1024);
        for _ in 0..(200 * 1024 * 1024 / chunk.len()) {
            f.write_all(chunk.as_bytes()).unwrap();
        }
        writeln!(f, "\"}}").unwrap();
        writeln!(
            f,
            "{{\"id\": \"small\", \"text\": \"The Office of Personnel Management.\"}}"
        )
        .unwrap();
    }
    let out = memograph(&["ingest", "--store", s(&store), s(&dir)]);
    let err = text(&out.stderr);
    assert!(
        !out.status.success(),
        "rejected inputs give a non-zero exit"
    );
    for name in ["big.txt", "line.jsonl:1"] {
        assert!(
            err.lines()
                .any(|l| l.contains(name) && l.contains("over the limit")),
            "{name} not rejected by the limit in\n{err}"
        );
    }
    let stdout = text(&out.stdout);
    assert!(stdout.starts_with("2 documents (2 added"), "{stdout}");
}

/// The peak resident memory (VmHWM) of a running child process, in KiB, as
/// last read before it exits.
#[cfg(target_os = "linux")]
fn run_with_peak_rss(mut command: Command) -> (Output, u64) {
    let child = command
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let status = format!("/proc/{}/status", child.id());
    let peak = std::sync::Arc::new(std::sync::atomic::AtomicU64::new(0));
    let watcher = {
        let peak = std::sync::Arc::clone(&peak);
        std::thread::spawn(move || {
            while let Ok(text) = std::fs::read_to_string(&status) {
                let kib = text
                    .lines()
                    .find_map(|l| l.strip_prefix("VmHWM:"))
                    .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok());
                match kib {
                    Some(kib) => peak.fetch_max(kib, std::sync::atomic::Ordering::SeqCst),
                    // A zombie has no memory figures left: it has exited.
                    None => break,
                };
                std::thread::sleep(Duration::from_millis(20));
            }
        })
    };
    let output = child.wait_with_output().unwrap();
    watcher.join().unwrap();
    (output, peak.load(std::sync::atomic::Ordering::SeqCst))
}

#[cfg(target_os = "linux")]
#[test]
fn a_folder_of_100_000_tiny_files_is_ingested_in_bounded_memory() {
    const FILES: usize = 100_000;
    let tmp = tempfile::tempdir().unwrap();
    let store = tmp.path().join("db");
    let dir = tmp.path().join("tiny");
    // Spread over 10 sub-folders of 10,000, in the worst (reverse) creation order.
    for i in (0..FILES).rev() {
        let sub = dir.join(format!("{:02}", i % 10));
        if i >= FILES - 10 {
            std::fs::create_dir_all(&sub).unwrap();
        }
        std::fs::write(
            sub.join(format!("{i:06}.txt")),
            format!(
                "Note {i}. The Office of Personnel Management wrote on {} May 2021.\n",
                i % 28 + 1
            ),
        )
        .unwrap();
    }
    let mut command = Command::new(BIN);
    command
        .args(["ingest", "--store", s(&store), s(&dir)])
        .env_remove("MEMOGRAPH_STORE")
        .stdin(Stdio::null());
    let (out, peak_kib) = run_with_peak_rss(command);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(
        stdout.starts_with("100000 documents (100000 added, 0 replaced, 0 unchanged, 0 failed)"),
        "{stdout}"
    );
    eprintln!("100,000 files: peak RSS {} MiB; {stdout}", peak_kib / 1024);
    assert!(peak_kib > 0, "the memory watcher saw the process");
    assert!(
        peak_kib < 1024 * 1024,
        "peak RSS {} MiB is over the 1 GiB bound",
        peak_kib / 1024
    );
    assert_eq!(count(&store, N_DOCS), FILES);
    // Every file is its own document graph, named after its path.
    let last = count(
        &store,
        "SELECT (COUNT(?d) AS ?n) WHERE { ?d a mg:Document ; dcterms:source ?s FILTER(STRENDS(?s, \"/09/099999.txt\")) }",
    );
    assert_eq!(last, 1);
}
