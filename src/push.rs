//! Pushing the store's graphs to an external triple store (`memograph push`).
//!
//! Each named graph is sent with the [SPARQL 1.1 Graph Store HTTP
//! Protocol](https://www.w3.org/TR/sparql11-http-rdf-update/): one idempotent
//! `PUT ENDPOINT?graph=IRI` per graph with the graph's triples as the body. When
//! the store refuses that (405, 404, 415 or 501), or with [`PushMethod::Update`],
//! the graph is sent as SPARQL Update instead
//! (`DROP SILENT GRAPH <g> ; INSERT DATA { GRAPH <g> { ... } }`).
//!
//! Only the graphs whose content changed since the last successful push to the
//! same endpoint are sent (unless [`PushConfig::all`]): the content hash of every
//! graph the remote store confirmed (2xx) is recorded in a small JSON state file.
//! Graphs recorded there that are no longer in the local store are dropped
//! remotely. HTTP basic and digest (RFC 7616: MD5 or SHA-256, `qop=auth`)
//! authentication are chosen from the server's challenge. Transient failures
//! (connection errors, 5xx, 429) are retried with exponential backoff, a bounded
//! number of times.
//!
//! The library never prints: [`push`] returns a [`PushReport`].

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use oxigraph::model::{GraphNameRef, NamedOrBlankNode, Term};
use oxigraph::store::Store;
use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use serde::{Deserialize, Serialize};
use sha2::{Digest as _, Sha256};

use crate::{Error, Result};

/// How graphs are sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PushMethod {
    /// The Graph Store Protocol, falling back to SPARQL Update when the store
    /// refuses it (the default).
    #[default]
    Auto,
    /// The Graph Store Protocol only (`PUT ?graph=`).
    Gsp,
    /// SPARQL Update only (`DROP SILENT GRAPH`, `INSERT DATA`).
    Update,
}

/// The syntax of the graph bodies sent with the Graph Store Protocol.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PushSyntax {
    /// N-Triples lines labelled `text/turtle` (N-Triples is a subset of Turtle,
    /// and every store reads Turtle). The default.
    #[default]
    Turtle,
    /// N-Triples labelled `application/n-triples`.
    NTriples,
}

/// What to push where.
#[derive(Debug, Clone)]
pub struct PushConfig {
    /// The Graph Store Protocol endpoint (for [`PushMethod::Update`]: the
    /// update endpoint when [`PushConfig::update_endpoint`] is not set).
    pub endpoint: String,
    /// The SPARQL Update endpoint used by the fallback (default: `endpoint`).
    pub update_endpoint: Option<String>,
    /// The user name for basic or digest authentication.
    pub user: Option<String>,
    /// The password for basic or digest authentication.
    pub password: Option<String>,
    /// Push every graph, changed or not.
    pub all: bool,
    /// How graphs are sent.
    pub method: PushMethod,
    /// The body syntax for the Graph Store Protocol.
    pub syntax: PushSyntax,
    /// Where the hashes of the pushed graphs are kept (none: every push sends
    /// everything and nothing is recorded).
    pub state_file: Option<PathBuf>,
    /// How many times a transient failure is retried (default 4).
    pub retries: u32,
    /// The first retry's wait; each next one doubles it (default 500 ms, at most 30 s).
    pub backoff: Duration,
    /// The timeout of one HTTP request (default 120 s).
    pub timeout: Duration,
}

impl PushConfig {
    /// A configuration pushing to `endpoint` with the defaults.
    pub fn new(endpoint: impl Into<String>) -> Self {
        Self {
            endpoint: endpoint.into(),
            update_endpoint: None,
            user: None,
            password: None,
            all: false,
            method: PushMethod::Auto,
            syntax: PushSyntax::Turtle,
            state_file: None,
            retries: 4,
            backoff: Duration::from_millis(500),
            timeout: Duration::from_secs(120),
        }
    }

    /// Sets the SPARQL Update endpoint.
    #[must_use]
    pub fn with_update_endpoint(mut self, url: impl Into<String>) -> Self {
        self.update_endpoint = Some(url.into());
        self
    }

    /// Sets the credentials.
    #[must_use]
    pub fn with_credentials(
        mut self,
        user: impl Into<String>,
        password: impl Into<String>,
    ) -> Self {
        self.user = Some(user.into());
        self.password = Some(password.into());
        self
    }

    /// Pushes every graph, changed or not.
    #[must_use]
    pub fn with_all(mut self, all: bool) -> Self {
        self.all = all;
        self
    }

    /// Sets how graphs are sent.
    #[must_use]
    pub fn with_method(mut self, method: PushMethod) -> Self {
        self.method = method;
        self
    }

    /// Sets the body syntax for the Graph Store Protocol.
    #[must_use]
    pub fn with_syntax(mut self, syntax: PushSyntax) -> Self {
        self.syntax = syntax;
        self
    }

    /// Sets the state file recording what was pushed.
    #[must_use]
    pub fn with_state_file(mut self, path: impl Into<PathBuf>) -> Self {
        self.state_file = Some(path.into());
        self
    }

    /// Sets the number of retries and the first backoff.
    #[must_use]
    pub fn with_retries(mut self, retries: u32, backoff: Duration) -> Self {
        self.retries = retries;
        self.backoff = backoff;
        self
    }

    /// Sets the timeout of one HTTP request.
    #[must_use]
    pub fn with_timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }
}

/// The name of the state file inside a store folder.
pub const STATE_FILE_NAME: &str = "push-state.json";

/// The default state file of the store in `store_dir`.
pub fn default_state_file(store_dir: &Path) -> PathBuf {
    store_dir.join(STATE_FILE_NAME)
}

/// What happened to one graph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum GraphOutcome {
    /// Sent and confirmed by the remote store.
    Pushed,
    /// Not sent: unchanged since the last push.
    Unchanged,
    /// Gone from the local store: dropped remotely.
    Deleted,
    /// The remote store did not confirm it (see the message).
    Failed,
}

/// The outcome for one graph.
#[derive(Debug, Clone, Serialize)]
pub struct GraphReport {
    /// The graph IRI (`DEFAULT` for the default graph).
    pub graph: String,
    /// Its number of triples.
    pub triples: usize,
    /// What happened.
    pub outcome: GraphOutcome,
    /// How it was sent: `gsp` or `update` (none when not sent).
    pub method: Option<&'static str>,
    /// The last HTTP status received.
    pub status: Option<u16>,
    /// The HTTP requests made for it, retries and authentication included.
    pub attempts: u32,
    /// Why it failed, or what else is worth knowing.
    pub message: Option<String>,
    /// The time spent on it.
    pub elapsed_ms: u128,
}

/// The outcome of a push.
#[derive(Debug, Clone, Serialize)]
pub struct PushReport {
    /// The endpoint pushed to.
    pub endpoint: String,
    /// One entry per graph.
    pub graphs: Vec<GraphReport>,
}

impl PushReport {
    fn count(&self, outcome: GraphOutcome) -> usize {
        self.graphs.iter().filter(|g| g.outcome == outcome).count()
    }

    /// Graphs sent and confirmed.
    pub fn pushed(&self) -> usize {
        self.count(GraphOutcome::Pushed)
    }

    /// Graphs left alone because unchanged.
    pub fn unchanged(&self) -> usize {
        self.count(GraphOutcome::Unchanged)
    }

    /// Graphs dropped remotely.
    pub fn deleted(&self) -> usize {
        self.count(GraphOutcome::Deleted)
    }

    /// Graphs that failed.
    pub fn failed(&self) -> usize {
        self.count(GraphOutcome::Failed)
    }

    /// True when no graph failed.
    pub fn is_success(&self) -> bool {
        self.failed() == 0
    }
}

/// The key of the default graph in reports and in the state file.
pub const DEFAULT_GRAPH_KEY: &str = "DEFAULT";

#[derive(Debug, Default, Serialize, Deserialize)]
struct PushState {
    /// Endpoint → graph → content hash.
    endpoints: BTreeMap<String, BTreeMap<String, String>>,
}

fn load_state(path: &Path) -> Result<PushState> {
    match std::fs::read_to_string(path) {
        Ok(text) => serde_json::from_str(&text).map_err(|e| Error::Input {
            path: path.display().to_string(),
            message: format!("not a push state file: {e}"),
        }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(PushState::default()),
        Err(source) => Err(Error::Io {
            path: path.to_owned(),
            source,
        }),
    }
}

fn save_state(path: &Path, state: &PushState) -> Result<()> {
    let text = serde_json::to_string_pretty(state)
        .map_err(|e| Error::Other(format!("cannot encode the push state: {e}")))?;
    let tmp = path.with_extension("json.tmp");
    let io = |source| Error::Io {
        path: path.to_owned(),
        source,
    };
    std::fs::write(&tmp, text).map_err(io)?;
    std::fs::rename(&tmp, path).map_err(io)
}

/// One graph's content, ready to send.
struct GraphContent {
    /// `None` for the default graph.
    iri: Option<String>,
    /// Sorted N-Triples lines (each ending with ` .`).
    lines: Vec<String>,
    has_blank_nodes: bool,
    hash: String,
}

impl GraphContent {
    fn key(&self) -> &str {
        self.iri.as_deref().unwrap_or(DEFAULT_GRAPH_KEY)
    }
}

fn read_graph(store: &Store, graph: GraphNameRef<'_>) -> Result<GraphContent> {
    let mut lines = Vec::new();
    let mut has_blank_nodes = false;
    for quad in store.quads_for_pattern(None, None, None, Some(graph)) {
        let quad = quad.map_err(|e| Error::Store {
            path: String::new(),
            message: e.to_string(),
        })?;
        has_blank_nodes |= matches!(quad.subject, NamedOrBlankNode::BlankNode(_))
            || matches!(quad.object, Term::BlankNode(_));
        lines.push(format!(
            "{} {} {} .",
            quad.subject, quad.predicate, quad.object
        ));
    }
    lines.sort_unstable();
    let mut hasher = Sha256::new();
    for line in &lines {
        hasher.update(line.as_bytes());
        hasher.update(b"\n");
    }
    let hash = hex(&hasher.finalize());
    let iri = match graph {
        GraphNameRef::NamedNode(n) => Some(n.as_str().to_owned()),
        _ => None,
    };
    Ok(GraphContent {
        iri,
        lines,
        has_blank_nodes,
        hash,
    })
}

fn hex(bytes: &[u8]) -> String {
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        let _ = write!(s, "{b:02x}");
    }
    s
}

/// Sends the store's graphs to `config.endpoint` and reports per graph.
///
/// Errors: the store cannot be read, or the state file cannot be read or
/// written. A graph the remote store refuses is not an error: it is reported
/// as [`GraphOutcome::Failed`].
pub fn push(store: &Store, config: &PushConfig) -> Result<PushReport> {
    let mut state = match &config.state_file {
        Some(path) => load_state(path)?,
        None => PushState::default(),
    };
    let state_key = match config.method {
        PushMethod::Update => config
            .update_endpoint
            .clone()
            .unwrap_or_else(|| config.endpoint.clone()),
        _ => config.endpoint.clone(),
    };
    let client = Client::new(config);
    let mut report = PushReport {
        endpoint: config.endpoint.clone(),
        graphs: Vec::new(),
    };
    let mut graphs = Vec::new();
    for graph in store.named_graphs() {
        let graph = graph.map_err(|e| Error::Store {
            path: String::new(),
            message: e.to_string(),
        })?;
        if let NamedOrBlankNode::NamedNode(n) = graph {
            graphs.push(n);
        }
    }
    graphs.sort();
    let mut contents: Vec<GraphContent> = Vec::new();
    let default = read_graph(store, GraphNameRef::DefaultGraph)?;
    if !default.lines.is_empty() {
        contents.push(default);
    }
    let mut present = std::collections::BTreeSet::new();
    present.extend(contents.iter().map(|c| c.key().to_owned()));
    for graph in &graphs {
        present.insert(graph.as_str().to_owned());
    }
    let mut sender = Sender {
        client,
        config,
        prefer_update: config.method == PushMethod::Update,
    };
    let mut push_one =
        |content: GraphContent, state: &mut PushState, report: &mut PushReport| -> Result<()> {
            let key = content.key().to_owned();
            let recorded = state.endpoints.get(&state_key).and_then(|m| m.get(&key));
            if !config.all && recorded == Some(&content.hash) {
                report.graphs.push(GraphReport {
                    graph: key,
                    triples: content.lines.len(),
                    outcome: GraphOutcome::Unchanged,
                    method: None,
                    status: None,
                    attempts: 0,
                    message: None,
                    elapsed_ms: 0,
                });
                return Ok(());
            }
            let entry = sender.put_graph(&content);
            if entry.outcome == GraphOutcome::Pushed {
                if let Some(path) = &config.state_file {
                    state
                        .endpoints
                        .entry(state_key.clone())
                        .or_default()
                        .insert(key, content.hash.clone());
                    save_state(path, state)?;
                }
            }
            report.graphs.push(entry);
            Ok(())
        };
    for content in contents {
        push_one(content, &mut state, &mut report)?;
    }
    for graph in &graphs {
        let content = read_graph(store, graph.as_ref().into())?;
        push_one(content, &mut state, &mut report)?;
    }
    // Graphs pushed before and gone from the local store since.
    let gone: Vec<String> = state
        .endpoints
        .get(&state_key)
        .map(|m| {
            m.keys()
                .filter(|k| !present.contains(*k))
                .cloned()
                .collect()
        })
        .unwrap_or_default();
    for key in gone {
        let entry = sender.drop_graph(&key);
        if entry.outcome == GraphOutcome::Deleted {
            if let Some(path) = &config.state_file {
                if let Some(m) = state.endpoints.get_mut(&state_key) {
                    m.remove(&key);
                }
                save_state(path, &state)?;
            }
        }
        report.graphs.push(entry);
    }
    Ok(report)
}

/// Characters escaped in a query parameter value.
const QUERY_VALUE: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

fn with_param(endpoint: &str, param: &str) -> String {
    let separator = if endpoint.contains('?') { '&' } else { '?' };
    format!("{endpoint}{separator}{param}")
}

fn graph_url(endpoint: &str, iri: Option<&str>) -> String {
    match iri {
        Some(iri) => with_param(
            endpoint,
            &format!("graph={}", utf8_percent_encode(iri, QUERY_VALUE)),
        ),
        None => with_param(endpoint, "default"),
    }
}

/// The most triples in one `INSERT DATA` request (graphs without blank nodes
/// only: blank nodes must stay in one request to keep their identity).
const UPDATE_CHUNK: usize = 5_000;

struct Sender<'a> {
    client: Client,
    config: &'a PushConfig,
    /// The store refused the Graph Store Protocol: use SPARQL Update from now on.
    prefer_update: bool,
}

impl Sender<'_> {
    fn update_endpoint(&self) -> &str {
        self.config
            .update_endpoint
            .as_deref()
            .unwrap_or(&self.config.endpoint)
    }

    fn put_graph(&mut self, content: &GraphContent) -> GraphReport {
        let started = Instant::now();
        let mut entry = GraphReport {
            graph: content.key().to_owned(),
            triples: content.lines.len(),
            outcome: GraphOutcome::Failed,
            method: None,
            status: None,
            attempts: 0,
            message: None,
            elapsed_ms: 0,
        };
        if !self.prefer_update {
            let mut body = content.lines.join("\n");
            body.push('\n');
            let content_type = match self.config.syntax {
                PushSyntax::Turtle => "text/turtle; charset=utf-8",
                PushSyntax::NTriples => "application/n-triples",
            };
            let url = graph_url(&self.config.endpoint, content.iri.as_deref());
            let answer = self
                .client
                .send("PUT", &url, Some(content_type), body.into_bytes());
            entry.attempts += answer.attempts;
            entry.method = Some("gsp");
            entry.status = answer.status;
            match answer.status {
                Some(status) if (200..300).contains(&status) => {
                    entry.outcome = GraphOutcome::Pushed;
                    entry.elapsed_ms = started.elapsed().as_millis();
                    return entry;
                }
                Some(404 | 405 | 415 | 501) if self.config.method == PushMethod::Auto => {
                    // The store has no Graph Store Protocol here: SPARQL Update it is.
                    self.prefer_update = true;
                    entry.message = Some(format!(
                        "Graph Store Protocol refused ({}), fell back to SPARQL Update",
                        answer.status.unwrap_or(0)
                    ));
                }
                _ => {
                    entry.message = Some(answer.describe());
                    entry.elapsed_ms = started.elapsed().as_millis();
                    return entry;
                }
            }
        }
        let target = match &content.iri {
            Some(iri) => format!("GRAPH <{iri}> "),
            None => String::new(),
        };
        let drop = match &content.iri {
            Some(iri) => format!("DROP SILENT GRAPH <{iri}>"),
            None => "DROP SILENT DEFAULT".to_owned(),
        };
        let chunk_size = if content.has_blank_nodes {
            content.lines.len().max(1)
        } else {
            UPDATE_CHUNK
        };
        let mut chunks: Vec<&[String]> = content.lines.chunks(chunk_size).collect();
        if chunks.is_empty() {
            chunks.push(&[]);
        }
        entry.method = Some("update");
        for (i, chunk) in chunks.iter().enumerate() {
            let mut update = String::new();
            if i == 0 {
                update.push_str(&drop);
                update.push_str(" ;\n");
            }
            let _ = writeln!(update, "INSERT DATA {{ {target}{{");
            for line in chunk.iter() {
                update.push_str(line);
                update.push('\n');
            }
            update.push_str("} }\n");
            let answer = self.client.update(self.update_endpoint(), &update);
            entry.attempts += answer.attempts;
            entry.status = answer.status;
            if !answer.is_success() {
                entry.message = Some(answer.describe());
                entry.elapsed_ms = started.elapsed().as_millis();
                return entry;
            }
        }
        entry.outcome = GraphOutcome::Pushed;
        entry.elapsed_ms = started.elapsed().as_millis();
        entry
    }

    fn drop_graph(&mut self, key: &str) -> GraphReport {
        let started = Instant::now();
        let iri = (key != DEFAULT_GRAPH_KEY).then_some(key);
        let mut entry = GraphReport {
            graph: key.to_owned(),
            triples: 0,
            outcome: GraphOutcome::Failed,
            method: None,
            status: None,
            attempts: 0,
            message: None,
            elapsed_ms: 0,
        };
        if !self.prefer_update {
            let url = graph_url(&self.config.endpoint, iri);
            let answer = self.client.send("DELETE", &url, None, Vec::new());
            entry.attempts += answer.attempts;
            entry.method = Some("gsp");
            entry.status = answer.status;
            match answer.status {
                // 404: already gone, which is what we want.
                Some(status) if (200..300).contains(&status) || status == 404 => {
                    entry.outcome = GraphOutcome::Deleted;
                    entry.elapsed_ms = started.elapsed().as_millis();
                    return entry;
                }
                Some(405 | 415 | 501) if self.config.method == PushMethod::Auto => {
                    self.prefer_update = true;
                }
                _ => {
                    entry.message = Some(answer.describe());
                    entry.elapsed_ms = started.elapsed().as_millis();
                    return entry;
                }
            }
        }
        let update = match iri {
            Some(iri) => format!("DROP SILENT GRAPH <{iri}>"),
            None => "DROP SILENT DEFAULT".to_owned(),
        };
        let answer = self.client.update(self.update_endpoint(), &update);
        entry.attempts += answer.attempts;
        entry.method = Some("update");
        entry.status = answer.status;
        if answer.is_success() {
            entry.outcome = GraphOutcome::Deleted;
        } else {
            entry.message = Some(answer.describe());
        }
        entry.elapsed_ms = started.elapsed().as_millis();
        entry
    }
}

/// The outcome of one logical request (after authentication and retries).
struct Answer {
    status: Option<u16>,
    body: String,
    transport_error: Option<String>,
    attempts: u32,
}

impl Answer {
    fn is_success(&self) -> bool {
        self.status.is_some_and(|s| (200..300).contains(&s))
    }

    fn describe(&self) -> String {
        if let Some(e) = &self.transport_error {
            return format!("{e} (after {} attempts)", self.attempts);
        }
        let body: String = self.body.trim().chars().take(300).collect();
        match self.status {
            Some(status) if body.is_empty() => format!("HTTP {status}"),
            Some(status) => format!("HTTP {status}: {body}"),
            None => "no answer".to_owned(),
        }
    }
}

/// How the client authenticates, learnt from the server's challenge.
#[derive(Debug, Clone)]
enum Auth {
    Basic,
    Digest(DigestChallenge),
}

#[derive(Debug, Clone)]
struct DigestChallenge {
    realm: String,
    nonce: String,
    opaque: Option<String>,
    /// `Some("auth")` when the server offers `qop=auth`.
    qop: Option<String>,
    algorithm: String,
    stale: bool,
}

struct Client {
    agent: ureq::Agent,
    user: Option<String>,
    password: Option<String>,
    auth: Mutex<Option<Auth>>,
    nonce_count: AtomicU64,
    retries: u32,
    backoff: Duration,
}

impl Client {
    fn new(config: &PushConfig) -> Self {
        let agent = ureq::Agent::new_with_config(
            ureq::Agent::config_builder()
                .http_status_as_error(false)
                .timeout_global(Some(config.timeout))
                .max_redirects(0)
                .user_agent(concat!("memograph/", env!("CARGO_PKG_VERSION")))
                .build(),
        );
        Self {
            agent,
            user: config.user.clone(),
            password: config.password.clone(),
            auth: Mutex::new(None),
            nonce_count: AtomicU64::new(0),
            retries: config.retries,
            backoff: config.backoff,
        }
    }

    /// Sends a SPARQL Update (`application/sparql-update`, or as a form when
    /// the store does not take that media type).
    fn update(&self, endpoint: &str, update: &str) -> Answer {
        let answer = self.send(
            "POST",
            endpoint,
            Some("application/sparql-update; charset=utf-8"),
            update.as_bytes().to_vec(),
        );
        if answer.status == Some(415) {
            let body = format!("update={}", utf8_percent_encode(update, QUERY_VALUE));
            let mut second = self.send(
                "POST",
                endpoint,
                Some("application/x-www-form-urlencoded"),
                body.into_bytes(),
            );
            second.attempts += answer.attempts;
            return second;
        }
        answer
    }

    /// Sends one request, authenticating and retrying transient failures.
    fn send(&self, method: &str, url: &str, content_type: Option<&str>, body: Vec<u8>) -> Answer {
        let mut attempts = 0;
        let mut retries_left = self.retries;
        let mut auth_rounds = 0;
        let mut wait = self.backoff;
        loop {
            attempts += 1;
            let result = self.send_once(method, url, content_type, &body);
            let (status, headers, text) = match result {
                Ok(r) => r,
                Err(e) => {
                    if retries_left > 0 && is_transient(&e) {
                        retries_left -= 1;
                        std::thread::sleep(wait);
                        wait = (wait * 2).min(Duration::from_secs(30));
                        continue;
                    }
                    return Answer {
                        status: None,
                        body: String::new(),
                        transport_error: Some(format!("{method} {url}: {e}")),
                        attempts,
                    };
                }
            };
            if status == 401 && self.user.is_some() && auth_rounds < 2 {
                let challenges: Vec<&str> = headers.iter().map(String::as_str).collect();
                if let Some(auth) = choose_auth(&challenges) {
                    let known = self.auth.lock().ok().and_then(|a| a.clone());
                    // A second 401 with the same credentials and no stale nonce: wrong password.
                    let retry = auth_rounds == 0
                        || matches!(&auth, Auth::Digest(c) if c.stale)
                        || !same_scheme(known.as_ref(), &auth);
                    if retry {
                        if let Ok(mut slot) = self.auth.lock() {
                            *slot = Some(auth);
                        }
                        self.nonce_count.store(0, Ordering::SeqCst);
                        auth_rounds += 1;
                        continue;
                    }
                }
            }
            if (status == 429 || status >= 500) && retries_left > 0 {
                retries_left -= 1;
                std::thread::sleep(wait);
                wait = (wait * 2).min(Duration::from_secs(30));
                continue;
            }
            return Answer {
                status: Some(status),
                body: text,
                transport_error: None,
                attempts,
            };
        }
    }

    /// One HTTP exchange: the status, the `WWW-Authenticate` headers and the body.
    fn send_once(
        &self,
        method: &str,
        url: &str,
        content_type: Option<&str>,
        body: &[u8],
    ) -> std::result::Result<(u16, Vec<String>, String), ureq::Error> {
        let mut builder = ureq::http::Request::builder().method(method).uri(url);
        if let Some(ct) = content_type {
            builder = builder.header("Content-Type", ct);
        }
        builder = builder.header("Accept", "*/*");
        if let Some(value) = self.authorization(method, url) {
            builder = builder.header("Authorization", value);
        }
        let request = builder.body(body.to_vec()).map_err(ureq::Error::Http)?;
        let mut response = self.agent.run(request)?;
        let status = response.status().as_u16();
        let challenges = response
            .headers()
            .get_all("www-authenticate")
            .iter()
            .filter_map(|v| v.to_str().ok().map(str::to_owned))
            .collect();
        let text = response
            .body_mut()
            .with_config()
            .limit(1024 * 1024)
            .read_to_string()
            .unwrap_or_default();
        Ok((status, challenges, text))
    }

    fn authorization(&self, method: &str, url: &str) -> Option<String> {
        let user = self.user.as_deref()?;
        let password = self.password.as_deref().unwrap_or("");
        let auth = self.auth.lock().ok()?.clone()?;
        match auth {
            Auth::Basic => Some(format!(
                "Basic {}",
                base64(format!("{user}:{password}").as_bytes())
            )),
            Auth::Digest(challenge) => {
                let nc = self.nonce_count.fetch_add(1, Ordering::SeqCst) + 1;
                Some(digest_authorization(
                    &challenge,
                    user,
                    password,
                    method,
                    request_uri(url),
                    nc,
                    &cnonce(),
                ))
            }
        }
    }
}

fn same_scheme(known: Option<&Auth>, new: &Auth) -> bool {
    matches!(
        (known, new),
        (Some(Auth::Basic), Auth::Basic) | (Some(Auth::Digest(_)), Auth::Digest(_))
    )
}

fn is_transient(error: &ureq::Error) -> bool {
    matches!(
        error,
        ureq::Error::Io(_)
            | ureq::Error::Timeout(_)
            | ureq::Error::ConnectionFailed
            | ureq::Error::HostNotFound
            | ureq::Error::Protocol(_)
            | ureq::Error::BodyStalled
    )
}

/// The path and query of `url` (the digest `uri` field).
fn request_uri(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    rest.find('/').map_or("/", |i| &rest[i..])
}

fn cnonce() -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let mut hasher = Sha256::new();
    hasher.update(format!("{now}:{n}:{}", std::process::id()).as_bytes());
    hex(&hasher.finalize()[..12])
}

/// Splits a `WWW-Authenticate` value into (scheme, parameters).
fn parse_challenge(value: &str) -> (String, BTreeMap<String, String>) {
    let value = value.trim();
    let (scheme, rest) = value.split_once(char::is_whitespace).unwrap_or((value, ""));
    let mut params = BTreeMap::new();
    let mut chars = rest.chars().peekable();
    loop {
        // Name.
        while chars.peek().is_some_and(|c| c.is_whitespace() || *c == ',') {
            chars.next();
        }
        let mut name = String::new();
        while let Some(&c) = chars.peek() {
            if c == '=' || c == ',' {
                break;
            }
            name.push(c);
            chars.next();
        }
        if name.trim().is_empty() {
            break;
        }
        let mut value = String::new();
        if chars.peek() == Some(&'=') {
            chars.next();
            while chars.peek().is_some_and(|c| c.is_whitespace()) {
                chars.next();
            }
            if chars.peek() == Some(&'"') {
                chars.next();
                while let Some(c) = chars.next() {
                    match c {
                        '\\' => {
                            if let Some(escaped) = chars.next() {
                                value.push(escaped);
                            }
                        }
                        '"' => break,
                        c => value.push(c),
                    }
                }
            } else {
                while let Some(&c) = chars.peek() {
                    if c == ',' {
                        break;
                    }
                    value.push(c);
                    chars.next();
                }
            }
        }
        params.insert(name.trim().to_ascii_lowercase(), value.trim().to_owned());
    }
    (scheme.to_ascii_lowercase(), params)
}

/// Picks digest over basic from the server's challenges.
fn choose_auth(challenges: &[&str]) -> Option<Auth> {
    let mut basic = false;
    for value in challenges {
        let (scheme, params) = parse_challenge(value);
        match scheme.as_str() {
            "digest" => {
                let algorithm = params
                    .get("algorithm")
                    .cloned()
                    .unwrap_or_else(|| "MD5".to_owned());
                if !matches!(
                    algorithm.to_ascii_uppercase().as_str(),
                    "MD5" | "MD5-SESS" | "SHA-256" | "SHA-256-SESS"
                ) {
                    continue;
                }
                let qop = params.get("qop").and_then(|q| {
                    q.split(',')
                        .map(str::trim)
                        .find(|q| q.eq_ignore_ascii_case("auth"))
                        .map(str::to_owned)
                });
                return Some(Auth::Digest(DigestChallenge {
                    realm: params.get("realm").cloned().unwrap_or_default(),
                    nonce: params.get("nonce").cloned().unwrap_or_default(),
                    opaque: params.get("opaque").cloned(),
                    qop,
                    algorithm,
                    stale: params
                        .get("stale")
                        .is_some_and(|s| s.eq_ignore_ascii_case("true")),
                }));
            }
            "basic" => basic = true,
            _ => {}
        }
    }
    basic.then_some(Auth::Basic)
}

fn digest_hash(algorithm: &str, data: &str) -> String {
    if algorithm.to_ascii_uppercase().starts_with("SHA-256") {
        hex(&Sha256::digest(data.as_bytes()))
    } else {
        hex(&md5::Md5::digest(data.as_bytes()))
    }
}

/// The `Authorization` value answering a digest challenge (RFC 7616, RFC 2617).
fn digest_authorization(
    challenge: &DigestChallenge,
    user: &str,
    password: &str,
    method: &str,
    uri: &str,
    nc: u64,
    cnonce: &str,
) -> String {
    let algorithm = challenge.algorithm.as_str();
    let h = |data: &str| digest_hash(algorithm, data);
    let mut ha1 = h(&format!("{user}:{}:{password}", challenge.realm));
    if algorithm.to_ascii_uppercase().ends_with("-SESS") {
        ha1 = h(&format!("{ha1}:{}:{cnonce}", challenge.nonce));
    }
    let ha2 = h(&format!("{method}:{uri}"));
    let nc = format!("{nc:08x}");
    let response = match &challenge.qop {
        Some(qop) => h(&format!(
            "{ha1}:{}:{nc}:{cnonce}:{qop}:{ha2}",
            challenge.nonce
        )),
        None => h(&format!("{ha1}:{}:{ha2}", challenge.nonce)),
    };
    let quote = |s: &str| s.replace('\\', "\\\\").replace('"', "\\\"");
    let mut value = format!(
        "Digest username=\"{}\", realm=\"{}\", nonce=\"{}\", uri=\"{}\", algorithm={}, response=\"{}\"",
        quote(user),
        quote(&challenge.realm),
        quote(&challenge.nonce),
        quote(uri),
        algorithm,
        response
    );
    if let Some(qop) = &challenge.qop {
        let _ = write!(value, ", qop={qop}, nc={nc}, cnonce=\"{cnonce}\"");
    }
    if let Some(opaque) = &challenge.opaque {
        let _ = write!(value, ", opaque=\"{}\"", quote(opaque));
    }
    value
}

fn base64(data: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(data.len().div_ceil(3) * 4);
    for chunk in data.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        let symbols = [(n >> 18) & 63, (n >> 12) & 63, (n >> 6) & 63, n & 63];
        for (i, s) in symbols.iter().enumerate() {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[*s as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_encodes() {
        assert_eq!(base64(b"dba:dba"), "ZGJhOmRiYQ==");
        assert_eq!(
            base64(b"Aladdin:open sesame"),
            "QWxhZGRpbjpvcGVuIHNlc2FtZQ=="
        );
        assert_eq!(base64(b"ab"), "YWI=");
    }

    #[test]
    fn digest_matches_rfc2617_example() {
        // RFC 2617 section 3.5.
        let (scheme, params) = parse_challenge(
            r#"Digest realm="testrealm@host.com", qop="auth,auth-int", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", opaque="5ccc069c403ebaf9f0171e9517f40e41""#,
        );
        assert_eq!(scheme, "digest");
        assert_eq!(params["realm"], "testrealm@host.com");
        let auth = choose_auth(&[
            r#"Digest realm="testrealm@host.com", qop="auth,auth-int", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", opaque="5ccc069c403ebaf9f0171e9517f40e41""#,
        ]);
        let Some(Auth::Digest(challenge)) = auth else {
            panic!("digest expected");
        };
        let value = digest_authorization(
            &challenge,
            "Mufasa",
            "Circle Of Life",
            "GET",
            "/dir/index.html",
            1,
            "0a4f113b",
        );
        assert!(
            value.contains("response=\"6629fae49393a05397450978507c4ef1\""),
            "{value}"
        );
        assert!(value.contains("nc=00000001"));
    }

    #[test]
    fn digest_sha256_matches_rfc7616_example() {
        // RFC 7616 section 3.9.1.
        let challenge = DigestChallenge {
            realm: "http-auth@example.org".into(),
            nonce: "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v".into(),
            opaque: Some("FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS".into()),
            qop: Some("auth".into()),
            algorithm: "SHA-256".into(),
            stale: false,
        };
        let value = digest_authorization(
            &challenge,
            "Mufasa",
            "Circle of Life",
            "GET",
            "/dir/index.html",
            1,
            "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ",
        );
        assert!(
            value.contains(
                "response=\"753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1\""
            ),
            "{value}"
        );
    }

    #[test]
    fn basic_when_only_basic() {
        assert!(matches!(
            choose_auth(&["Basic realm=\"x\""]),
            Some(Auth::Basic)
        ));
        assert!(matches!(
            choose_auth(&["Basic realm=\"x\"", "Digest realm=\"y\", nonce=\"n\""]),
            Some(Auth::Digest(_))
        ));
        assert!(choose_auth(&["Bearer"]).is_none());
    }

    #[test]
    fn urls() {
        assert_eq!(
            graph_url("http://h/store", Some("https://w3id.org/x#a b")),
            "http://h/store?graph=https%3A%2F%2Fw3id.org%2Fx%23a%20b"
        );
        assert_eq!(
            graph_url("http://h/ds?x=1", None),
            "http://h/ds?x=1&default"
        );
        assert_eq!(
            request_uri("http://h:8890/sparql-graph-crud-auth?graph=a"),
            "/sparql-graph-crud-auth?graph=a"
        );
        assert_eq!(request_uri("http://h"), "/");
    }
}
