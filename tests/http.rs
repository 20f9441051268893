//! The SPARQL 1.1 Protocol server (`memograph serve`), checked over real HTTP
//! on a free loopback port with a plain HTTP client.
#![allow(clippy::unwrap_used, missing_docs)]

use std::sync::Arc;
use std::thread;
use std::time::{Duration, Instant};

use memograph::serve::{Server, ServerConfig, ShutdownHandle};
use oxigraph::model::{GraphName, Literal, NamedNode, Quad};
use oxigraph::store::Store;

const MG: &str = "https://w3id.org/memograph/ns#";
const ID: &str = "https://w3id.org/memograph/id/";
const DOC_A: &str = "https://w3id.org/memograph/id/doc/a";
const DOC_B: &str = "https://w3id.org/memograph/id/doc/b";
const LABEL: &str = "http://www.w3.org/2000/01/rdf-schema#label";
const TYPE: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";

fn nn(iri: &str) -> NamedNode {
    NamedNode::new(iri).unwrap()
}

/// Two document graphs: A has ICE and DHS (and the document node), B has
/// John Morton (and its document node). 9 quads in all.
fn sample_store() -> Store {
    let store = Store::new().unwrap();
    let add = |s: &str, p: &str, o: oxigraph::model::Term, g: &str| {
        store
            .insert(&Quad::new(nn(s), nn(p), o, GraphName::NamedNode(nn(g))))
            .unwrap();
    };
    let ice = format!("{ID}agency/ice");
    let dhs = format!("{ID}agency/dhs");
    let morton = format!("{ID}person/john-morton");
    add(DOC_A, TYPE, nn(&format!("{MG}Document")).into(), DOC_A);
    add(&ice, TYPE, nn(&format!("{MG}Agency")).into(), DOC_A);
    add(
        &ice,
        LABEL,
        Literal::new_simple_literal("Immigration and Customs Enforcement").into(),
        DOC_A,
    );
    add(&dhs, TYPE, nn(&format!("{MG}Agency")).into(), DOC_A);
    add(
        &dhs,
        LABEL,
        Literal::new_simple_literal("Department of Homeland Security").into(),
        DOC_A,
    );
    add(
        &ice,
        "http://www.w3.org/ns/org#subOrganizationOf",
        nn(&dhs).into(),
        DOC_A,
    );
    add(DOC_B, TYPE, nn(&format!("{MG}Document")).into(), DOC_B);
    add(&morton, TYPE, nn(&format!("{MG}Person")).into(), DOC_B);
    add(
        &morton,
        LABEL,
        Literal::new_simple_literal("John Morton").into(),
        DOC_B,
    );
    store
}

/// A running server that stops when dropped.
struct Running {
    base: String,
    handle: ShutdownHandle,
    thread: Option<thread::JoinHandle<()>>,
}

impl Drop for Running {
    fn drop(&mut self) {
        self.handle.shutdown();
        if let Some(t) = self.thread.take() {
            t.join().unwrap();
        }
    }
}

fn start(store: Store, config: ServerConfig) -> Running {
    let server = Server::bind(store, config.with_bind("127.0.0.1:0")).unwrap();
    let base = format!("http://{}", server.addr());
    let handle = server.shutdown_handle();
    let thread = thread::spawn(move || server.run().unwrap());
    Running {
        base,
        handle,
        thread: Some(thread),
    }
}

fn agent() -> ureq::Agent {
    ureq::Agent::new_with_config(
        ureq::Agent::config_builder()
            .http_status_as_error(false)
            .proxy(None)
            .timeout_global(Some(Duration::from_secs(60)))
            .build(),
    )
}

struct Got {
    status: u16,
    content_type: String,
    headers: ureq::http::HeaderMap,
    body: String,
}

fn read(mut response: ureq::http::Response<ureq::Body>) -> Got {
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    let content_type = headers
        .get("content-type")
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default();
    let body = response
        .body_mut()
        .with_config()
        .limit(64 * 1024 * 1024)
        .read_to_string()
        .unwrap();
    Got {
        status,
        content_type,
        headers,
        body,
    }
}

fn get(url: &str, accept: Option<&str>) -> Got {
    let mut request = agent().get(url);
    if let Some(accept) = accept {
        request = request.header("Accept", accept);
    }
    read(request.call().unwrap())
}

fn post(url: &str, content_type: &str, body: &str, accept: Option<&str>) -> Got {
    let mut request = agent().post(url).header("Content-Type", content_type);
    if let Some(accept) = accept {
        request = request.header("Accept", accept);
    }
    read(request.send(body).unwrap())
}

fn enc(s: &str) -> String {
    percent_encoding::utf8_percent_encode(s, percent_encoding::NON_ALPHANUMERIC).to_string()
}

fn json_rows(body: &str) -> Vec<serde_json::Value> {
    let v: serde_json::Value = serde_json::from_str(body).unwrap();
    v["results"]["bindings"].as_array().unwrap().clone()
}

const LABELS: &str = "SELECT ?e ?name WHERE { ?e <http://www.w3.org/2000/01/rdf-schema#label> ?name } ORDER BY ?name";

#[test]
fn get_query_defaults_to_json_over_the_union_of_graphs() {
    let server = start(sample_store(), ServerConfig::default());
    let got = get(
        &format!("{}/sparql?query={}", server.base, enc(LABELS)),
        None,
    );
    assert_eq!(got.status, 200, "{}", got.body);
    assert!(
        got.content_type
            .starts_with("application/sparql-results+json"),
        "{}",
        got.content_type
    );
    let rows = json_rows(&got.body);
    assert_eq!(rows.len(), 3, "{}", got.body);
    assert_eq!(rows[0]["name"]["value"], "Department of Homeland Security");
    assert_eq!(got.headers.get("access-control-allow-origin").unwrap(), "*");
}

#[test]
fn post_query_and_content_negotiation() {
    let server = start(sample_store(), ServerConfig::default());
    let url = format!("{}/sparql", server.base);
    // application/sparql-query, each results format.
    for (accept, media, starts) in [
        (
            "application/sparql-results+json",
            "application/sparql-results+json",
            "{",
        ),
        (
            "application/sparql-results+xml",
            "application/sparql-results+xml",
            "<?xml",
        ),
        ("text/csv", "text/csv", "e,name"),
        (
            "text/tab-separated-values",
            "text/tab-separated-values",
            "?e\t?name",
        ),
        (
            "text/html;q=0.9, text/csv;q=0.2, application/sparql-results+xml;q=0.5",
            "application/sparql-results+xml",
            "<?xml",
        ),
    ] {
        let got = post(&url, "application/sparql-query", LABELS, Some(accept));
        assert_eq!(got.status, 200, "{accept}: {}", got.body);
        assert!(
            got.content_type.starts_with(media),
            "{accept}: {}",
            got.content_type
        );
        assert!(got.body.starts_with(starts), "{accept}: {}", got.body);
        assert!(got.body.contains("John Morton"), "{accept}: {}", got.body);
    }
    // The format parameter wins over Accept.
    let got = get(
        &format!("{url}?query={}&format=tsv", enc(LABELS)),
        Some("application/sparql-results+json"),
    );
    assert!(
        got.content_type.starts_with("text/tab-separated-values"),
        "{}",
        got.content_type
    );
    // A media type nobody can produce.
    let got = get(&format!("{url}?query={}", enc(LABELS)), Some("image/png"));
    assert_eq!(got.status, 406, "{}", got.body);
    // An unknown format name.
    let got = get(&format!("{url}?query={}&format=yaml", enc(LABELS)), None);
    assert_eq!(got.status, 400, "{}", got.body);
}

#[test]
fn form_posts_as_yasgui_sends_them_and_unknown_parameters() {
    let server = start(sample_store(), ServerConfig::default());
    let url = format!("{}/sparql", server.base);
    let body = format!("query={}&infer=true&sameAs=false&timeout=0", enc(LABELS));
    let got = post(
        &url,
        "application/x-www-form-urlencoded; charset=UTF-8",
        &body,
        Some("application/sparql-results+json,*/*;q=0.9"),
    );
    assert_eq!(got.status, 200, "{}", got.body);
    assert_eq!(json_rows(&got.body).len(), 3);
    // '+' for spaces, as HTML forms encode them.
    let got = post(
        &url,
        "application/x-www-form-urlencoded",
        "query=ASK+%7B+%3Fs+%3Fp+%3Fo+%7D",
        None,
    );
    assert_eq!(got.status, 200, "{}", got.body);
    let v: serde_json::Value = serde_json::from_str(&got.body).unwrap();
    assert_eq!(v["boolean"], true);
    // Unknown parameters on GET too.
    let got = get(&format!("{url}?query={}&foo=bar&_=123", enc(LABELS)), None);
    assert_eq!(got.status, 200, "{}", got.body);
}

#[test]
fn ask_in_every_results_format() {
    let server = start(sample_store(), ServerConfig::default());
    let url = format!(
        "{}/sparql?query={}",
        server.base,
        enc("ASK { ?s a <https://w3id.org/memograph/ns#Person> }")
    );
    let got = get(&url, None);
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&got.body).unwrap()["boolean"],
        true
    );
    let got = get(&url, Some("application/sparql-results+xml"));
    assert!(got.body.contains("<boolean>true</boolean>"), "{}", got.body);
    let got = get(&url, Some("text/csv"));
    assert_eq!(got.status, 200);
    assert!(got.body.contains("true"), "{}", got.body);
}

#[test]
fn construct_in_turtle_ntriples_and_jsonld() {
    let server = start(sample_store(), ServerConfig::default());
    let q = "CONSTRUCT { ?e <http://www.w3.org/2000/01/rdf-schema#label> ?n } WHERE { ?e <http://www.w3.org/2000/01/rdf-schema#label> ?n }";
    let url = format!("{}/sparql?query={}", server.base, enc(q));
    let got = get(&url, None);
    assert_eq!(got.status, 200, "{}", got.body);
    assert!(
        got.content_type.starts_with("text/turtle"),
        "{}",
        got.content_type
    );
    assert!(got.body.contains("\"John Morton\""), "{}", got.body);
    assert!(got.body.contains("@prefix rdfs:"), "{}", got.body);

    let got = get(&url, Some("application/n-triples"));
    assert!(
        got.content_type.starts_with("application/n-triples"),
        "{}",
        got.content_type
    );
    assert_eq!(
        got.body.lines().filter(|l| !l.is_empty()).count(),
        3,
        "{}",
        got.body
    );
    assert!(got.body.contains("<https://w3id.org/memograph/id/person/john-morton> <http://www.w3.org/2000/01/rdf-schema#label> \"John Morton\" ."));

    let got = get(&url, Some("application/ld+json"));
    assert_eq!(got.status, 200, "{}", got.body);
    assert!(
        got.content_type.starts_with("application/ld+json"),
        "{}",
        got.content_type
    );
    let v: serde_json::Value = serde_json::from_str(&got.body).unwrap();
    let text = v.to_string();
    assert!(
        text.contains("John Morton") && text.contains("john-morton"),
        "{text}"
    );

    let got = get(&format!("{url}&format=ntriples"), Some("text/turtle"));
    assert!(
        got.content_type.starts_with("application/n-triples"),
        "{}",
        got.content_type
    );
    // Results formats are not graph formats.
    let got = get(&url, Some("text/csv"));
    assert_eq!(got.status, 406, "{}", got.body);
}

#[test]
fn protocol_dataset_parameters() {
    let server = start(sample_store(), ServerConfig::default());
    let url = format!("{}/sparql", server.base);
    // default-graph-uri: only graph A in the default graph.
    let got = get(
        &format!(
            "{url}?query={}&default-graph-uri={}",
            enc(LABELS),
            enc(DOC_A)
        ),
        None,
    );
    assert_eq!(got.status, 200, "{}", got.body);
    assert_eq!(json_rows(&got.body).len(), 2, "{}", got.body);
    // Both graphs as the default graph.
    let got = get(
        &format!(
            "{url}?query={}&default-graph-uri={}&default-graph-uri={}",
            enc(LABELS),
            enc(DOC_A),
            enc(DOC_B)
        ),
        None,
    );
    assert_eq!(json_rows(&got.body).len(), 3, "{}", got.body);
    // named-graph-uri: only graph B is visible to GRAPH, and the default graph is empty.
    let q = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g";
    let got = post(
        &url,
        "application/x-www-form-urlencoded",
        &format!("query={}&named-graph-uri={}", enc(q), enc(DOC_B)),
        None,
    );
    let rows = json_rows(&got.body);
    assert_eq!(rows.len(), 1, "{}", got.body);
    assert_eq!(rows[0]["g"]["value"], DOC_B);
    assert_eq!(rows[0]["n"]["value"], "3");
    let got = get(
        &format!("{url}?query={}&named-graph-uri={}", enc(LABELS), enc(DOC_B)),
        None,
    );
    assert_eq!(json_rows(&got.body).len(), 0, "{}", got.body);
    // Without parameters, GRAPH sees every graph.
    let got = get(&format!("{url}?query={}", enc(q)), None);
    assert_eq!(json_rows(&got.body).len(), 2, "{}", got.body);
    // FROM in the query is honoured when the protocol gives no dataset.
    let q = format!("SELECT ?name FROM <{DOC_B}> WHERE {{ ?e <{LABEL}> ?name }}");
    let got = get(&format!("{url}?query={}", enc(&q)), None);
    assert_eq!(json_rows(&got.body).len(), 1, "{}", got.body);
    // The schema's prefixes are predeclared, as in `memograph query`.
    let got = get(
        &format!("{url}?query={}", enc("SELECT ?e WHERE { ?e a mg:Agency }")),
        None,
    );
    assert_eq!(json_rows(&got.body).len(), 2, "{}", got.body);
}

#[test]
fn malformed_query_is_400_with_line_and_column() {
    let server = start(sample_store(), ServerConfig::default());
    let url = format!("{}/sparql", server.base);
    let got = post(
        &url,
        "application/sparql-query",
        "SELECT ?s\nWHERE { ?s ?p ?o }\nLIMIT many",
        None,
    );
    assert_eq!(got.status, 400, "{}", got.body);
    assert!(got.body.contains("line 3, column 7"), "{}", got.body);
    let got = get(&format!("{url}?query={}", enc("SELEKT * WHERE {}")), None);
    assert_eq!(got.status, 400, "{}", got.body);
    assert!(got.body.contains("line 1, column 1"), "{}", got.body);
    let got = get(
        &format!("{url}?query=SELECT+*+WHERE+%7B%7D&default-graph-uri=not%20an%20iri"),
        None,
    );
    assert_eq!(got.status, 400, "{}", got.body);
    // No query at all.
    let got = get(&url, None);
    assert_eq!(got.status, 400, "{}", got.body);
    // An undecodable form.
    let got = post(
        &url,
        "application/x-www-form-urlencoded",
        "query=%FF%FE",
        None,
    );
    assert_eq!(got.status, 400, "{}", got.body);
}

#[test]
fn oversized_body_is_413() {
    let server = start(
        sample_store(),
        ServerConfig::default().with_max_body(64 * 1024),
    );
    let url = format!("{}/sparql", server.base);
    let big = format!("SELECT * WHERE {{ ?s ?p ?o }} # {}", "x".repeat(100 * 1024));
    let got = post(&url, "application/sparql-query", &big, None);
    assert_eq!(got.status, 413, "{}", got.body);
    // Just under the limit is fine.
    let ok = format!("SELECT * WHERE {{ ?s ?p ?o }} # {}", "x".repeat(60 * 1024));
    let got = post(&url, "application/sparql-query", &ok, None);
    assert_eq!(got.status, 200, "{}", got.body);
}

#[test]
fn updates_are_refused_unless_allowed() {
    let update = format!("INSERT DATA {{ GRAPH <{DOC_B}> {{ <{ID}person/x> <{LABEL}> \"X\" }} }}");
    let server = start(sample_store(), ServerConfig::default());
    let url = format!("{}/sparql", server.base);
    let got = post(&url, "application/sparql-update", &update, None);
    assert_eq!(got.status, 403, "{}", got.body);
    assert!(got.body.contains("--allow-update"), "{}", got.body);
    let got = post(
        &url,
        "application/x-www-form-urlencoded",
        &format!("update={}", enc(&update)),
        None,
    );
    assert_eq!(got.status, 403, "{}", got.body);
    // Not applied.
    let got = get(&format!("{url}?query={}", enc(LABELS)), None);
    assert_eq!(json_rows(&got.body).len(), 3);
    // Updates over GET are not part of the protocol.
    let got = get(&format!("{url}?update={}", enc(&update)), None);
    assert_eq!(got.status, 405, "{}", got.body);

    let writable = start(
        sample_store(),
        ServerConfig::default().with_allow_update(true),
    );
    let url = format!("{}/sparql", writable.base);
    let got = post(&url, "application/sparql-update", &update, None);
    assert_eq!(got.status, 204, "{}", got.body);
    let got = post(&url, "application/x-www-form-urlencoded", &format!("update={}", enc("DELETE DATA { GRAPH <https://w3id.org/memograph/id/doc/a> { <https://w3id.org/memograph/id/agency/ice> a <https://w3id.org/memograph/ns#Agency> } }")), None);
    assert_eq!(got.status, 204, "{}", got.body);
    let got = get(&format!("{url}?query={}", enc(LABELS)), None);
    assert_eq!(json_rows(&got.body).len(), 4, "{}", got.body);
    let got = post(
        &url,
        "application/sparql-update",
        "INSERT DATA { oops",
        None,
    );
    assert_eq!(got.status, 400, "{}", got.body);
    assert!(got.body.contains("line 1, column"), "{}", got.body);
}

#[test]
fn update_dataset_parameters() {
    let server = start(
        sample_store(),
        ServerConfig::default().with_allow_update(true),
    );
    let url = format!("{}/sparql", server.base);
    let copy = |target: &str| {
        format!("INSERT {{ GRAPH <{target}> {{ ?s <{LABEL}> ?o }} }} WHERE {{ ?s <{LABEL}> ?o }}")
    };
    let labels_in = |graph: &str| {
        let query = format!("SELECT ?o WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }} ORDER BY ?o");
        let got = get(&format!("{url}?query={}", enc(&query)), None);
        assert_eq!(got.status, 200, "{}", got.body);
        json_rows(&got.body)
            .iter()
            .map(|row| row["o"]["value"].as_str().unwrap().to_owned())
            .collect::<Vec<_>>()
    };
    // Without parameters the WHERE clause reads the (empty) default graph.
    let got = post(&url, "application/sparql-update", &copy("urn:x:none"), None);
    assert_eq!(got.status, 204, "{}", got.body);
    assert!(labels_in("urn:x:none").is_empty());
    // using-graph-uri in the query string makes document B the default graph.
    let got = post(
        &format!("{url}?using-graph-uri={}", enc(DOC_B)),
        "application/sparql-update",
        &copy("urn:x:b"),
        None,
    );
    assert_eq!(got.status, 204, "{}", got.body);
    assert_eq!(labels_in("urn:x:b"), ["John Morton"]);
    // The same in a form body, with both documents.
    let got = post(
        &url,
        "application/x-www-form-urlencoded",
        &format!(
            "update={}&using-graph-uri={}&using-graph-uri={}",
            enc(&copy("urn:x:ab")),
            enc(DOC_A),
            enc(DOC_B)
        ),
        None,
    );
    assert_eq!(got.status, 204, "{}", got.body);
    assert_eq!(labels_in("urn:x:ab").len(), 3);
    // using-named-graph-uri limits the graphs GRAPH ?g can see.
    let update =
        "INSERT { GRAPH <urn:x:named> { ?s <urn:x:in> ?g } } WHERE { GRAPH ?g { ?s a ?t } }";
    let got = post(
        &format!("{url}?using-named-graph-uri={}", enc(DOC_A)),
        "application/sparql-update",
        update,
        None,
    );
    assert_eq!(got.status, 204, "{}", got.body);
    let graphs = labels_in("urn:x:named");
    assert!(!graphs.is_empty());
    assert!(graphs.iter().all(|g| g == DOC_A), "{graphs:?}");
    // Combined with USING in the update itself: refused, nothing applied.
    let using = format!(
        "INSERT {{ GRAPH <urn:x:using> {{ ?s <{LABEL}> ?o }} }} USING <{DOC_A}> WHERE {{ ?s <{LABEL}> ?o }}"
    );
    let got = post(
        &format!("{url}?using-graph-uri={}", enc(DOC_B)),
        "application/sparql-update",
        &using,
        None,
    );
    assert_eq!(got.status, 400, "{}", got.body);
    assert!(got.body.contains("USING"), "{}", got.body);
    assert!(labels_in("urn:x:using").is_empty());
    // A malformed graph IRI is a 400.
    let got = post(
        &format!("{url}?using-graph-uri=not%20an%20iri"),
        "application/sparql-update",
        &copy("urn:x:bad"),
        None,
    );
    assert_eq!(got.status, 400, "{}", got.body);
}

/// The number of evaluations `/health` reports as running.
fn evaluations_running(base: &str) -> u64 {
    let got = get(&format!("{base}/health"), None);
    let v: serde_json::Value = serde_json::from_str(&got.body).unwrap();
    v["evaluations_running"].as_u64().unwrap()
}

/// Polls until `/health` reports `want` running evaluations; returns how long it took.
fn wait_for_evaluations(base: &str, want: u64, limit: Duration) -> Duration {
    let started = Instant::now();
    while evaluations_running(base) != want {
        assert!(
            started.elapsed() < limit,
            "still not {want} evaluations after {limit:?}"
        );
        thread::sleep(Duration::from_millis(50));
    }
    started.elapsed()
}

#[test]
fn client_disconnect_cancels_the_evaluation() {
    use std::io::Write;
    // The timeout is far away: only the disconnect can stop the query early.
    let server = start(
        bigger_store(),
        ServerConfig::default().with_timeout(Duration::from_secs(300)),
    );
    let addr = server.base.trim_start_matches("http://").to_owned();
    let mut client = std::net::TcpStream::connect(&addr).unwrap();
    write!(
        client,
        "GET /sparql?query={} HTTP/1.1\r\nHost: {addr}\r\n\r\n",
        enc(SLOW_READING)
    )
    .unwrap();
    client.flush().unwrap();
    wait_for_evaluations(&server.base, 1, Duration::from_secs(20));
    drop(client);
    let stopped = wait_for_evaluations(&server.base, 0, Duration::from_secs(60));
    eprintln!("evaluation stopped {stopped:?} after the client left");
    // The server still answers.
    let got = get(
        &format!("{}/sparql?query={}", server.base, enc(LABELS)),
        None,
    );
    assert_eq!(got.status, 200, "{}", got.body);
}

#[test]
fn cors_preflight_and_other_routes() {
    let server = start(sample_store(), ServerConfig::default());
    let got = read(
        agent()
            .options(format!("{}/sparql", server.base))
            .header("Origin", "https://yasgui.example")
            .header("Access-Control-Request-Method", "POST")
            .header("Access-Control-Request-Headers", "content-type, accept")
            .call()
            .unwrap(),
    );
    assert!(got.status == 204 || got.status == 200, "{}", got.status);
    assert_eq!(got.headers.get("access-control-allow-origin").unwrap(), "*");
    let methods = got
        .headers
        .get("access-control-allow-methods")
        .unwrap()
        .to_str()
        .unwrap();
    assert!(
        methods.contains("POST") && methods.contains("GET"),
        "{methods}"
    );
    let allowed = got
        .headers
        .get("access-control-allow-headers")
        .unwrap()
        .to_str()
        .unwrap();
    assert!(
        allowed.to_ascii_lowercase().contains("content-type"),
        "{allowed}"
    );

    let got = get(&format!("{}/nothing-here", server.base), None);
    assert_eq!(got.status, 404);
    let got = read(
        agent()
            .put(format!("{}/sparql", server.base))
            .send("x")
            .unwrap(),
    );
    assert_eq!(got.status, 405);
    let got = post(
        &format!("{}/sparql", server.base),
        "text/plain",
        LABELS,
        None,
    );
    assert_eq!(got.status, 415, "{}", got.body);

    let got = get(&format!("{}/health", server.base), None);
    assert_eq!(got.status, 200, "{}", got.body);
    assert!(got.content_type.starts_with("application/json"));
    let v: serde_json::Value = serde_json::from_str(&got.body).unwrap();
    assert_eq!(v["status"], "ok");
    assert_eq!(v["documents"], 2);
    assert_eq!(v["triples"], 9);

    let got = get(&format!("{}/", server.base), Some("text/html"));
    assert_eq!(got.status, 200, "{}", got.body);
    assert!(
        got.content_type.starts_with("text/html"),
        "{}",
        got.content_type
    );
    assert!(
        got.body.to_ascii_lowercase().contains("<html"),
        "{}",
        &got.body[..got.body.len().min(500)]
    );
}

#[test]
fn service_calls_are_refused() {
    let server = start(sample_store(), ServerConfig::default());
    let q = "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }";
    let got = get(&format!("{}/sparql?query={}", server.base, enc(q)), None);
    assert_eq!(got.status, 400, "{}", got.body);
    assert!(got.body.contains("SERVICE"), "{}", got.body);
    // SERVICE SILENT: no request either, and no results from it.
    let q = "SELECT * WHERE { SERVICE SILENT <http://127.0.0.1:9/sparql> { ?s ?p ?o } }";
    let got = get(&format!("{}/sparql?query={}", server.base, enc(q)), None);
    assert!(got.status == 200 || got.status == 400, "{}", got.body);
}

#[test]
fn result_size_limit_truncates_and_says_so() {
    let server = start(sample_store(), ServerConfig::default().with_max_results(2));
    let got = get(
        &format!("{}/sparql?query={}", server.base, enc(LABELS)),
        None,
    );
    assert_eq!(got.status, 200, "{}", got.body);
    assert_eq!(json_rows(&got.body).len(), 2, "{}", got.body);
    assert_eq!(got.headers.get("x-memograph-truncated").unwrap(), "2");
    let q = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }";
    let got = get(
        &format!("{}/sparql?query={}", server.base, enc(q)),
        Some("application/n-triples"),
    );
    assert_eq!(got.body.lines().count(), 2, "{}", got.body);
    assert!(got.headers.get("x-memograph-truncated").is_some());
}

/// A store large enough for a slow query: 300 triples in one graph.
fn bigger_store() -> Store {
    let store = sample_store();
    for i in 0..300 {
        store
            .insert(&Quad::new(
                nn(&format!("{ID}thing/{i}")),
                nn(LABEL),
                Literal::new_simple_literal(format!("thing {i}")),
                GraphName::NamedNode(nn(DOC_A)),
            ))
            .unwrap();
    }
    store
}

/// Counting a 4-way cross product of 300 triples (8.1e9 rows) takes far longer than a second.
const SLOW: &str =
    "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l FILTER(?c != ?l) }";

/// As slow, but reading the store for every row (oxigraph checks a cancellation when it
/// reads the store, so this one notices it at once, however loaded the machine is).
const SLOW_READING: &str =
    "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i FILTER EXISTS { ?g ?h ?c } }";

#[test]
fn timeout_cancels_a_slow_query() {
    let server = start(
        bigger_store(),
        ServerConfig::default().with_timeout(Duration::from_millis(800)),
    );
    let started = Instant::now();
    let got = get(&format!("{}/sparql?query={}", server.base, enc(SLOW)), None);
    let elapsed = started.elapsed();
    assert_eq!(got.status, 503, "{}", got.body);
    assert!(got.body.contains("timeout"), "{}", got.body);
    assert!(elapsed < Duration::from_secs(10), "{elapsed:?}");
    eprintln!("slow query cancelled after {elapsed:?}");
    // The server still answers.
    let got = get(
        &format!("{}/sparql?query={}", server.base, enc(LABELS)),
        None,
    );
    assert_eq!(got.status, 200, "{}", got.body);
}

#[test]
fn busy_server_answers_503() {
    let server = start(
        bigger_store(),
        ServerConfig::default()
            .with_threads(1)
            .with_queue(1)
            .with_timeout(Duration::from_secs(3)),
    );
    // (a query that notices its timeout at once frees its slot on time, however
    // loaded the machine; the pauses let each request be admitted in turn)
    let url = format!("{}/sparql?query={}", server.base, enc(SLOW_READING));
    let mut slow = Vec::new();
    for _ in 0..2 {
        let url = url.clone();
        slow.push(thread::spawn(move || get(&url, None).status));
        thread::sleep(Duration::from_millis(700));
    }
    // One query runs, one waits: the next is turned away at once.
    let started = Instant::now();
    let got = get(
        &format!("{}/sparql?query={}", server.base, enc(LABELS)),
        None,
    );
    assert_eq!(got.status, 503, "{}", got.body);
    assert!(got.headers.get("retry-after").is_some());
    assert!(started.elapsed() < Duration::from_secs(2));
    for t in slow {
        assert_eq!(t.join().unwrap(), 503);
    }
}

#[test]
fn many_concurrent_clients() {
    let server = start(sample_store(), ServerConfig::default());
    let base = Arc::new(server.base.clone());
    let threads: Vec<_> = (0..16)
        .map(|t| {
            let base = Arc::clone(&base);
            thread::spawn(move || {
                let agent = agent();
                let mut ok = 0;
                for i in 0..10 {
                    let response = if (t + i) % 2 == 0 {
                        agent
                            .get(format!("{base}/sparql?query={}", enc(LABELS)))
                            .call()
                    } else {
                        agent
                            .post(format!("{base}/sparql"))
                            .header("Content-Type", "application/sparql-query")
                            .header("Accept", "text/csv")
                            .send(LABELS)
                    };
                    let got = read(response.unwrap());
                    if got.status == 200 && got.body.contains("John Morton") {
                        ok += 1;
                    }
                }
                ok
            })
        })
        .collect();
    let total: usize = threads.into_iter().map(|t| t.join().unwrap()).sum();
    assert_eq!(total, 160);
}

// --- push, against a fake Graph Store and against `serve` itself -------------

/// A fake Graph Store Protocol endpoint with basic authentication that fails
/// the first authenticated request with 503. Returns its URL, the bodies it
/// accepted (graph IRI, body), and its total request count.
#[allow(clippy::type_complexity)]
fn fake_graph_store() -> (
    String,
    Arc<std::sync::Mutex<Vec<(String, String)>>>,
    Arc<std::sync::atomic::AtomicUsize>,
) {
    use std::sync::atomic::Ordering;
    let server = tiny_http::Server::http("127.0.0.1:0").unwrap();
    let url = format!("http://{}/store", server.server_addr().to_ip().unwrap());
    let accepted = Arc::new(std::sync::Mutex::new(Vec::new()));
    let requests = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let (acc, reqs) = (Arc::clone(&accepted), Arc::clone(&requests));
    thread::spawn(move || {
        let mut failed_once = false;
        for mut request in server.incoming_requests() {
            reqs.fetch_add(1, Ordering::SeqCst);
            let auth = request
                .headers()
                .iter()
                .find(|h| h.field.equiv("Authorization"))
                .map(|h| h.value.as_str().to_owned());
            // "alice:secret"
            if auth.as_deref() != Some("Basic YWxpY2U6c2VjcmV0") {
                let h = tiny_http::Header::from_bytes("WWW-Authenticate", "Basic realm=\"test\"")
                    .unwrap();
                request
                    .respond(tiny_http::Response::empty(401).with_header(h))
                    .unwrap();
                continue;
            }
            if !failed_once {
                failed_once = true;
                request.respond(tiny_http::Response::empty(503)).unwrap();
                continue;
            }
            let graph = request
                .url()
                .split_once("graph=")
                .map(|(_, g)| g.to_owned())
                .unwrap_or_default();
            let graph = percent_encoding::percent_decode_str(&graph)
                .decode_utf8()
                .unwrap()
                .into_owned();
            let mut body = String::new();
            std::io::Read::read_to_string(request.as_reader(), &mut body).unwrap();
            acc.lock().unwrap().push((graph, body));
            request.respond(tiny_http::Response::empty(201)).unwrap();
        }
    });
    (url, accepted, requests)
}

#[test]
fn push_with_basic_auth_retries_and_change_tracking() {
    use memograph::push::{push, GraphOutcome, PushConfig};
    let (url, accepted, _) = fake_graph_store();
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("push-state.json");
    let store = sample_store();
    let config = PushConfig::new(&url)
        .with_credentials("alice", "secret")
        .with_retries(3, Duration::from_millis(10))
        .with_state_file(&state);
    let report = push(&store, &config).unwrap();
    assert_eq!(report.pushed(), 2, "{report:?}");
    assert!(report.is_success());
    // 401, then 503 (retried), then 201 for the first graph.
    assert!(report.graphs[0].attempts >= 3, "{report:?}");
    let bodies = accepted.lock().unwrap().clone();
    assert_eq!(bodies.len(), 2);
    assert_eq!(bodies[0].0, DOC_A);
    assert_eq!(bodies[0].1.lines().count(), 6, "{}", bodies[0].1);
    assert!(bodies[1].1.contains("\"John Morton\""));
    assert!(state.is_file());

    // Nothing changed: nothing sent.
    let report = push(&store, &config).unwrap();
    assert_eq!(report.unchanged(), 2, "{report:?}");
    assert_eq!(accepted.lock().unwrap().len(), 2);

    // One graph changes: only it is sent.
    store
        .insert(&Quad::new(
            nn(&format!("{ID}person/x")),
            nn(LABEL),
            Literal::new_simple_literal("X"),
            GraphName::NamedNode(nn(DOC_B)),
        ))
        .unwrap();
    let report = push(&store, &config).unwrap();
    assert_eq!((report.pushed(), report.unchanged()), (1, 1), "{report:?}");
    assert_eq!(accepted.lock().unwrap().last().unwrap().0, DOC_B);

    // --all sends everything again.
    let report = push(&store, &config.clone().with_all(true)).unwrap();
    assert_eq!(report.pushed(), 2, "{report:?}");

    // Wrong password: failed, not recorded.
    let bad = PushConfig::new(&url)
        .with_credentials("alice", "wrong")
        .with_retries(0, Duration::from_millis(10));
    let report = push(&store, &bad).unwrap();
    assert_eq!(report.failed(), 2, "{report:?}");
    assert_eq!(report.graphs[0].status, Some(401));
    assert_eq!(report.graphs[0].outcome, GraphOutcome::Failed);
}

#[test]
fn push_gives_up_after_bounded_retries() {
    use memograph::push::{push, PushConfig};
    // Nothing listens on this port any more.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let config = PushConfig::new(format!("http://127.0.0.1:{port}/store"))
        .with_retries(2, Duration::from_millis(10));
    let started = Instant::now();
    let report = push(&sample_store(), &config).unwrap();
    assert_eq!(report.failed(), 2, "{report:?}");
    assert_eq!(report.graphs[0].attempts, 3, "{report:?}");
    assert!(report.graphs[0].message.is_some());
    assert!(started.elapsed() < Duration::from_secs(10));
}

#[test]
fn push_falls_back_to_sparql_update_where_there_is_no_graph_store() {
    use memograph::push::{push, PushConfig};
    let target = Store::new().unwrap();
    let server = start(
        target.clone(),
        ServerConfig::default().with_allow_update(true),
    );
    let source = sample_store();
    let dir = tempfile::tempdir().unwrap();
    let config = PushConfig::new(format!("{}/sparql", server.base))
        .with_state_file(dir.path().join("state.json"));
    let report = push(&source, &config).unwrap();
    assert_eq!(report.pushed(), 2, "{report:?}");
    assert!(
        report.graphs.iter().all(|g| g.method == Some("update")),
        "{report:?}"
    );
    assert_eq!(target.len().unwrap(), 9);
    // Idempotent: pushing everything again leaves the same 9 quads.
    let report = push(&source, &config.clone().with_all(true)).unwrap();
    assert_eq!(report.pushed(), 2, "{report:?}");
    assert_eq!(target.len().unwrap(), 9);
    // A graph gone from the source is dropped from the target.
    source.remove_named_graph(&nn(DOC_B)).unwrap();
    let report = push(&source, &config).unwrap();
    assert_eq!(report.deleted(), 1, "{report:?}");
    assert_eq!(target.len().unwrap(), 6);
}
