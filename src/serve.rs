//! A SPARQL 1.1 Protocol endpoint over HTTP (`memograph serve`).
//!
//! Routes:
//! - `/sparql`: the [W3C SPARQL 1.1 Protocol](https://www.w3.org/TR/sparql11-protocol/):
//!   `GET ?query=`, `POST application/sparql-query`, `POST application/sparql-update`,
//!   `POST application/x-www-form-urlencoded` with `query=` or `update=` (as YASGUI
//!   sends them), `default-graph-uri` and `named-graph-uri`. Without a dataset
//!   (neither `FROM` in the query nor the protocol parameters) the default graph is
//!   the union of all graphs. Results are negotiated with `Accept` (or a `format`
//!   parameter): SPARQL JSON, XML, CSV and TSV for solutions and booleans; Turtle,
//!   N-Triples, JSON-LD and RDF/XML for graphs. Unknown parameters are ignored.
//! - `/health`: JSON with `status`, `documents`, `graphs` and `triples`.
//! - `/`: the HTML viewer of the store.
//!
//! Every response carries CORS headers and `OPTIONS` answers preflight requests.
//! Updates are refused (403) unless [`ServerConfig::allow_update`] is set. Each
//! query runs under a timeout (its evaluation is cancelled when it fires) and its
//! results are cut at [`ServerConfig::max_results`] rows or triples (the response
//! then carries `X-Memograph-Truncated: <limit>`). `SERVICE` calls are refused: the
//! server never sends requests on a client's behalf.
//!
//! ```no_run
//! use memograph::serve::{Server, ServerConfig};
//! let store = oxigraph::store::Store::new()?;
//! let server = Server::bind(store, ServerConfig::default().with_bind("127.0.0.1:0"))?;
//! println!("listening on http://{}", server.addr());
//! let handle = server.shutdown_handle();
//! std::thread::spawn(move || server.run());
//! handle.shutdown();
//! # Ok::<_, Box<dyn std::error::Error>>(())
//! ```

use std::io::Read;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use crossbeam_channel::{bounded, TrySendError};
use oxigraph::io::{JsonLdProfileSet, RdfFormat, RdfSerializer};
use oxigraph::model::{GraphName, NamedNode, NamedOrBlankNode, Term};
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::{CancellationToken, QueryEvaluationError, QueryResults, SparqlEvaluator};
use oxigraph::store::Store;
use percent_encoding::percent_decode_str;

use crate::{Error, Result};

/// The settings of the HTTP server. Build it with [`ServerConfig::default`] and
/// the `with_*` methods.
#[derive(Debug, Clone)]
pub struct ServerConfig {
    /// The address to listen on (default `127.0.0.1:7878`; port 0 picks a free one).
    pub bind: String,
    /// Accept SPARQL updates (default false: updates answer 403).
    pub allow_update: bool,
    /// The longest a query or update may run (default 30 s).
    pub timeout: Duration,
    /// The most solutions or triples one response carries (default 100,000).
    pub max_results: usize,
    /// The largest request body accepted, in bytes (default 1 MiB; larger: 413).
    pub max_body: usize,
    /// The number of worker threads (default: twice the cores, at least 4).
    pub threads: usize,
    /// How many requests may wait for a worker (default 64; more: 503).
    pub queue: usize,
}

impl Default for ServerConfig {
    fn default() -> Self {
        let cores = thread::available_parallelism().map_or(2, std::num::NonZero::get);
        Self {
            bind: "127.0.0.1:7878".to_owned(),
            allow_update: false,
            timeout: Duration::from_secs(30),
            max_results: 100_000,
            max_body: 1024 * 1024,
            threads: (cores * 2).max(4),
            queue: 64,
        }
    }
}

impl ServerConfig {
    /// Sets the address to listen on.
    #[must_use]
    pub fn with_bind(mut self, bind: impl Into<String>) -> Self {
        self.bind = bind.into();
        self
    }

    /// Accepts (or refuses) SPARQL updates.
    #[must_use]
    pub fn with_allow_update(mut self, allow: bool) -> Self {
        self.allow_update = allow;
        self
    }

    /// Sets the query timeout.
    #[must_use]
    pub fn with_timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// Sets the most solutions or triples a response carries.
    #[must_use]
    pub fn with_max_results(mut self, max: usize) -> Self {
        self.max_results = max;
        self
    }

    /// Sets the largest request body accepted, in bytes.
    #[must_use]
    pub fn with_max_body(mut self, bytes: usize) -> Self {
        self.max_body = bytes;
        self
    }

    /// Sets the number of worker threads (at least 1).
    #[must_use]
    pub fn with_threads(mut self, threads: usize) -> Self {
        self.threads = threads.max(1);
        self
    }

    /// Sets how many requests may wait for a worker before the server answers 503.
    #[must_use]
    pub fn with_queue(mut self, queue: usize) -> Self {
        self.queue = queue.max(1);
        self
    }
}

/// Serves `store` until the process ends (see [`Server`] for a server that can
/// be stopped).
pub fn serve(store: Store, config: ServerConfig) -> Result<()> {
    Server::bind(store, config)?.run()
}

/// A bound, not yet running, HTTP server.
pub struct Server {
    http: Arc<tiny_http::Server>,
    addr: SocketAddr,
    shared: Arc<Shared>,
}

/// Stops a running [`Server`] from another thread.
#[derive(Clone)]
pub struct ShutdownHandle {
    http: Arc<tiny_http::Server>,
    stopping: Arc<AtomicBool>,
}

impl ShutdownHandle {
    /// Asks the server to stop: it finishes the requests it has and
    /// [`Server::run`] returns.
    pub fn shutdown(&self) {
        self.stopping.store(true, Ordering::SeqCst);
        self.http.unblock();
    }
}

struct Shared {
    store: Store,
    config: ServerConfig,
    stopping: Arc<AtomicBool>,
    watchdog: Watchdog,
    /// Query evaluations running (including those past their timeout).
    evaluations: AtomicUsize,
    /// The last `/health` body and when it was computed (counting a large
    /// store takes a while; monitors poll often).
    health_cache: Mutex<Option<(Instant, Vec<u8>)>>,
}

impl Server {
    /// Binds the listening socket.
    pub fn bind(store: Store, config: ServerConfig) -> Result<Self> {
        let http = tiny_http::Server::http(config.bind.as_str())
            .map_err(|e| Error::Other(format!("cannot listen on {}: {e}", config.bind)))?;
        let addr = http
            .server_addr()
            .to_ip()
            .ok_or_else(|| Error::Other(format!("{} is not an IP address", config.bind)))?;
        Ok(Self {
            http: Arc::new(http),
            addr,
            shared: Arc::new(Shared {
                store,
                config,
                stopping: Arc::new(AtomicBool::new(false)),
                watchdog: Watchdog::default(),
                evaluations: AtomicUsize::new(0),
                health_cache: Mutex::new(None),
            }),
        })
    }

    /// The address the server listens on (with the real port when bound to port 0).
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// A handle that stops the server.
    pub fn shutdown_handle(&self) -> ShutdownHandle {
        ShutdownHandle {
            http: Arc::clone(&self.http),
            stopping: Arc::clone(&self.shared.stopping),
        }
    }

    /// Answers requests until [`ShutdownHandle::shutdown`] is called.
    pub fn run(self) -> Result<()> {
        let (sender, receiver) = bounded::<tiny_http::Request>(self.shared.config.queue);
        let mut workers = Vec::new();
        for i in 0..self.shared.config.threads {
            let receiver = receiver.clone();
            let shared = Arc::clone(&self.shared);
            let worker = thread::Builder::new()
                .name(format!("memograph-http-{i}"))
                .spawn(move || {
                    for request in receiver {
                        handle(&shared, request);
                    }
                })
                .map_err(|e| Error::Other(format!("cannot start a worker thread: {e}")))?;
            workers.push(worker);
        }
        let watchdog = {
            let shared = Arc::clone(&self.shared);
            thread::Builder::new()
                .name("memograph-http-watchdog".to_owned())
                .spawn(move || {
                    while !shared.stopping.load(Ordering::SeqCst) {
                        thread::sleep(Duration::from_millis(20));
                        shared.watchdog.cancel_expired();
                    }
                })
                .map_err(|e| Error::Other(format!("cannot start the watchdog thread: {e}")))?
        };
        while !self.shared.stopping.load(Ordering::SeqCst) {
            let request = match self.http.recv() {
                Ok(request) => request,
                Err(_) if self.shared.stopping.load(Ordering::SeqCst) => break,
                Err(_) => continue,
            };
            match sender.try_send(request) {
                Ok(()) => {}
                Err(TrySendError::Full(request)) => {
                    let reply = Reply::text(503, "the server is busy, try again shortly\n")
                        .with_header("Retry-After", "1");
                    send(request, reply);
                }
                Err(TrySendError::Disconnected(request)) => {
                    send(request, Reply::text(503, "the server is stopping\n"));
                }
            }
        }
        drop(sender);
        for worker in workers {
            let _ = worker.join();
        }
        self.shared.stopping.store(true, Ordering::SeqCst);
        let _ = watchdog.join();
        Ok(())
    }
}

/// Cancels the evaluations whose deadline passed.
#[derive(Default)]
struct Watchdog {
    next_id: AtomicU64,
    running: Mutex<Vec<(u64, Instant, CancellationToken)>>,
}

impl Watchdog {
    fn register(&self, deadline: Instant, token: CancellationToken) -> u64 {
        let id = self.next_id.fetch_add(1, Ordering::Relaxed);
        if let Ok(mut running) = self.running.lock() {
            running.push((id, deadline, token));
        }
        id
    }

    fn unregister(&self, id: u64) {
        if let Ok(mut running) = self.running.lock() {
            running.retain(|(i, _, _)| *i != id);
        }
    }

    fn cancel_expired(&self) {
        let now = Instant::now();
        if let Ok(mut running) = self.running.lock() {
            running.retain(|(_, deadline, token)| {
                if *deadline <= now {
                    token.cancel();
                    false
                } else {
                    true
                }
            });
        }
    }
}

/// An HTTP answer before CORS headers are added.
struct Reply {
    status: u16,
    content_type: String,
    body: Vec<u8>,
    headers: Vec<(String, String)>,
}

impl Reply {
    fn new(status: u16, content_type: &str, body: Vec<u8>) -> Self {
        Self {
            status,
            content_type: content_type.to_owned(),
            body,
            headers: Vec::new(),
        }
    }

    fn text(status: u16, message: impl Into<String>) -> Self {
        Self::new(
            status,
            "text/plain; charset=utf-8",
            message.into().into_bytes(),
        )
    }

    fn with_header(mut self, name: &str, value: impl Into<String>) -> Self {
        self.headers.push((name.to_owned(), value.into()));
        self
    }
}

fn header(name: &str, value: &str) -> Option<tiny_http::Header> {
    tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes()).ok()
}

fn send(request: tiny_http::Request, reply: Reply) {
    let mut response = tiny_http::Response::from_data(reply.body).with_status_code(reply.status);
    let mut headers = vec![
        ("Access-Control-Allow-Origin".to_owned(), "*".to_owned()),
        (
            "Access-Control-Expose-Headers".to_owned(),
            "Content-Type, X-Memograph-Truncated".to_owned(),
        ),
    ];
    if !reply.content_type.is_empty() {
        headers.push(("Content-Type".to_owned(), reply.content_type));
    }
    headers.extend(reply.headers);
    for (name, value) in headers {
        if let Some(h) = header(&name, &value) {
            response.add_header(h);
        }
    }
    // The client may have gone away: nothing left to do then.
    let _ = request.respond(response);
}

fn request_header<'a>(request: &'a tiny_http::Request, name: &str) -> Option<&'a str> {
    request
        .headers()
        .iter()
        .find(|h| h.field.as_str().as_str().eq_ignore_ascii_case(name))
        .map(|h| h.value.as_str())
}

fn handle(shared: &Arc<Shared>, mut request: tiny_http::Request) {
    let reply = route(shared, &mut request);
    send(request, reply);
}

fn route(shared: &Arc<Shared>, request: &mut tiny_http::Request) -> Reply {
    let url = request.url().to_owned();
    let (path, query_string) = url.split_once('?').unwrap_or((url.as_str(), ""));
    let method = request.method().clone();
    use tiny_http::Method;
    if method == Method::Options {
        let allow_headers = request_header(request, "Access-Control-Request-Headers")
            .unwrap_or("Content-Type, Accept, Authorization")
            .to_owned();
        return Reply::new(204, "", Vec::new())
            .with_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
            .with_header("Access-Control-Allow-Headers", allow_headers)
            .with_header("Access-Control-Max-Age", "86400")
            .with_header("Allow", "GET, POST, OPTIONS");
    }
    match (path, &method) {
        ("/sparql", Method::Get | Method::Post) => sparql(shared, request, query_string),
        ("/sparql", _) => {
            Reply::text(405, "use GET or POST\n").with_header("Allow", "GET, POST, OPTIONS")
        }
        ("/health", Method::Get) => health(shared),
        ("/" | "/index.html", Method::Get) => match html_viewer(&shared.store) {
            Ok(html) => Reply::new(200, "text/html; charset=utf-8", html),
            Err(e) => Reply::text(500, format!("cannot render the viewer: {e}\n")),
        },
        ("/health" | "/" | "/index.html", _) => {
            Reply::text(405, "use GET\n").with_header("Allow", "GET, OPTIONS")
        }
        _ => Reply::text(
            404,
            format!("no such route: {path} (try /sparql, /health or /)\n"),
        ),
    }
}

/// The HTML viewer of the store, served at `/`.
fn html_viewer(store: &Store) -> Result<Vec<u8>> {
    let mut buf = Vec::new();
    crate::export::export(
        store,
        crate::export::ExportFormat::Html,
        &crate::export::ExportOptions::default(),
        &mut buf,
    )?;
    Ok(buf)
}

/// How long a `/health` answer is reused.
const HEALTH_CACHE: Duration = Duration::from_secs(2);

fn health(shared: &Shared) -> Reply {
    if let Ok(cache) = shared.health_cache.lock() {
        if let Some((at, body)) = cache.as_ref() {
            if at.elapsed() < HEALTH_CACHE {
                return Reply::new(200, "application/json", body.clone());
            }
        }
    }
    let counts = (|| -> std::result::Result<(usize, usize, usize), String> {
        let triples = shared.store.len().map_err(|e| e.to_string())?;
        let graphs = shared.store.named_graphs().count();
        let mut prepared = SparqlEvaluator::new()
            .parse_query(
                "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a <https://w3id.org/memograph/ns#Document> }",
            )
            .map_err(|e| e.to_string())?;
        prepared.dataset_mut().set_default_graph_as_union();
        let mut documents = 0;
        if let QueryResults::Solutions(mut solutions) = prepared
            .on_store(&shared.store)
            .execute()
            .map_err(|e| e.to_string())?
        {
            if let Some(solution) = solutions.next() {
                let solution = solution.map_err(|e| e.to_string())?;
                if let Some(Term::Literal(n)) = solution.get("n") {
                    documents = n.value().parse().unwrap_or(0);
                }
            }
        }
        Ok((documents, graphs, triples))
    })();
    match counts {
        Ok((documents, graphs, triples)) => {
            let body = serde_json::json!({
                "status": "ok",
                "documents": documents,
                "graphs": graphs,
                "triples": triples,
            })
            .to_string()
            .into_bytes();
            if let Ok(mut cache) = shared.health_cache.lock() {
                *cache = Some((Instant::now(), body.clone()));
            }
            Reply::new(200, "application/json", body)
        }
        Err(e) => {
            let body = serde_json::json!({ "status": "error", "error": e });
            Reply::new(503, "application/json", body.to_string().into_bytes())
        }
    }
}

/// Decodes `application/x-www-form-urlencoded` text.
fn parse_form(text: &str) -> std::result::Result<Vec<(String, String)>, String> {
    let mut pairs = Vec::new();
    for part in text.split('&').filter(|p| !p.is_empty()) {
        let (name, value) = part.split_once('=').unwrap_or((part, ""));
        let decode = |s: &str| {
            percent_decode_str(&s.replace('+', " "))
                .decode_utf8()
                .map(|s| s.into_owned())
                .map_err(|_| format!("parameter {name:?} is not valid UTF-8 once decoded"))
        };
        pairs.push((decode(name)?, decode(value)?));
    }
    Ok(pairs)
}

/// The media type of a request's `Content-Type`, lower-cased, without parameters.
fn media_type(value: &str) -> String {
    value
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase()
}

fn read_body(
    shared: &Shared,
    request: &mut tiny_http::Request,
) -> std::result::Result<String, Reply> {
    let limit = shared.config.max_body;
    let too_large = || {
        Reply::text(
            413,
            format!("the request body is larger than the limit of {limit} bytes\n"),
        )
    };
    if request.body_length().is_some_and(|n| n > limit) {
        return Err(too_large());
    }
    let mut body = Vec::new();
    let read = request
        .as_reader()
        .take(limit as u64 + 1)
        .read_to_end(&mut body);
    if let Err(e) = read {
        return Err(Reply::text(
            400,
            format!("cannot read the request body: {e}\n"),
        ));
    }
    if body.len() > limit {
        return Err(too_large());
    }
    String::from_utf8(body).map_err(|_| Reply::text(400, "the request body is not UTF-8\n"))
}

/// What a `/sparql` request asks for.
#[derive(Default)]
struct Operation {
    query: Option<String>,
    update: Option<String>,
    default_graphs: Vec<String>,
    named_graphs: Vec<String>,
    format: Option<String>,
}

impl Operation {
    fn absorb(&mut self, pairs: Vec<(String, String)>) {
        for (name, value) in pairs {
            match name.as_str() {
                "query" => self.query = Some(value),
                "update" => self.update = Some(value),
                "default-graph-uri" => self.default_graphs.push(value),
                "named-graph-uri" => self.named_graphs.push(value),
                "format" | "output" => self.format = Some(value),
                _ => {} // Unknown parameters are ignored, as the protocol allows.
            }
        }
    }
}

fn sparql(shared: &Arc<Shared>, request: &mut tiny_http::Request, query_string: &str) -> Reply {
    let mut operation = Operation::default();
    match parse_form(query_string) {
        Ok(pairs) => operation.absorb(pairs),
        Err(e) => return Reply::text(400, format!("{e}\n")),
    }
    if *request.method() == tiny_http::Method::Post {
        let content_type = request_header(request, "Content-Type").map(media_type);
        let body = match read_body(shared, request) {
            Ok(body) => body,
            Err(reply) => return reply,
        };
        match content_type.as_deref() {
            Some("application/sparql-query") => operation.query = Some(body),
            Some("application/sparql-update") => operation.update = Some(body),
            Some("application/x-www-form-urlencoded") => match parse_form(&body) {
                Ok(pairs) => operation.absorb(pairs),
                Err(e) => return Reply::text(400, format!("{e}\n")),
            },
            Some(other) => {
                return Reply::text(
                    415,
                    format!("unsupported Content-Type {other}: use application/sparql-query, application/sparql-update or application/x-www-form-urlencoded\n"),
                )
            }
            None => {
                return Reply::text(
                    415,
                    "a POST needs a Content-Type: application/sparql-query, application/sparql-update or application/x-www-form-urlencoded\n",
                )
            }
        }
    } else if operation.update.is_some() {
        return Reply::text(405, "updates must be sent with POST\n").with_header("Allow", "POST");
    }
    let accept = request_header(request, "Accept").map(str::to_owned);
    match (operation.query.take(), operation.update.take()) {
        (Some(_), Some(_)) => Reply::text(400, "give either query or update, not both\n"),
        (Some(query), None) => run_query(shared, &query, &operation, accept.as_deref()),
        (None, Some(update)) => run_update(shared, &update),
        (None, None) => Reply::text(
            400,
            "missing query: use GET /sparql?query=... or POST a query or an update\n",
        ),
    }
}

/// Turns a SPARQL syntax error into a 400 reply naming the line and column
/// (and showing the offending line).
fn syntax_error(kind: &str, text: &str, error: &impl std::fmt::Display) -> Reply {
    let message = crate::store::syntax_error(kind, text, &error.to_string()).to_string();
    Reply::text(400, format!("{message}\n"))
}

/// A SPARQL evaluator with the schema's prefixes predeclared (as `memograph
/// query` has them) and the given cancellation token.
fn evaluator(token: &CancellationToken) -> SparqlEvaluator {
    let mut evaluator = SparqlEvaluator::new().with_cancellation_token(token.clone());
    for (prefix, namespace) in crate::query::prefixes() {
        if let Ok(with) = evaluator.clone().with_prefix(prefix, namespace) {
            evaluator = with;
        }
    }
    evaluator
}

fn evaluation_error(shared: &Shared, error: &QueryEvaluationError) -> Reply {
    match error {
        QueryEvaluationError::Cancelled => Reply::text(
            503,
            format!(
                "the query was cancelled after the timeout of {} s\n",
                shared.config.timeout.as_secs_f64()
            ),
        ),
        QueryEvaluationError::UnsupportedService(_)
        | QueryEvaluationError::Service(_)
        | QueryEvaluationError::InvalidServiceName(_)
        | QueryEvaluationError::UnboundService => Reply::text(
            400,
            format!("SERVICE calls are not allowed on this endpoint ({error})\n"),
        ),
        _ => Reply::text(500, format!("query evaluation failed: {error}\n")),
    }
}

fn graph_names(iris: &[String]) -> std::result::Result<Vec<NamedNode>, Reply> {
    iris.iter()
        .map(|iri| {
            NamedNode::new(iri.as_str())
                .map_err(|e| Reply::text(400, format!("invalid graph IRI {iri:?}: {e}\n")))
        })
        .collect()
}

/// The results formats a client may ask for, by media type or short name.
fn results_format(name: &str) -> Option<QueryResultsFormat> {
    match name.trim().to_ascii_lowercase().as_str() {
        "json" | "srj" => Some(QueryResultsFormat::Json),
        "xml" | "srx" => Some(QueryResultsFormat::Xml),
        "csv" => Some(QueryResultsFormat::Csv),
        "tsv" => Some(QueryResultsFormat::Tsv),
        other => QueryResultsFormat::from_media_type(other),
    }
}

fn graph_format(name: &str) -> Option<RdfFormat> {
    let jsonld = RdfFormat::JsonLd {
        profile: JsonLdProfileSet::empty(),
    };
    match name.trim().to_ascii_lowercase().as_str() {
        "turtle" | "ttl" => Some(RdfFormat::Turtle),
        "ntriples" | "n-triples" | "nt" => Some(RdfFormat::NTriples),
        "jsonld" | "json-ld" | "json" => Some(jsonld),
        "rdfxml" | "rdf/xml" | "xml" | "rdf" => Some(RdfFormat::RdfXml),
        other => match RdfFormat::from_media_type(other)? {
            // A graph has no named graphs: the quad formats become their triple forms.
            RdfFormat::NQuads => Some(RdfFormat::NTriples),
            RdfFormat::TriG | RdfFormat::N3 => Some(RdfFormat::Turtle),
            f => Some(f),
        },
    }
}

/// Picks a format from an explicit `format` parameter or the `Accept` header.
/// `Err` carries the 400/406 reply.
fn negotiate<F: Copy>(
    format_param: Option<&str>,
    accept: Option<&str>,
    parse: impl Fn(&str) -> Option<F>,
    default: F,
    kinds: &str,
) -> std::result::Result<F, Reply> {
    if let Some(name) = format_param {
        return parse(name).ok_or_else(|| {
            Reply::text(
                400,
                format!("unknown format {name:?}: use one of {kinds}\n"),
            )
        });
    }
    let Some(accept) = accept else {
        return Ok(default);
    };
    let mut ranges: Vec<(f32, usize, &str)> = Vec::new();
    for (i, part) in accept.split(',').enumerate() {
        let mut pieces = part.split(';');
        let range = pieces.next().unwrap_or("").trim();
        let mut q = 1.0f32;
        for param in pieces {
            if let Some(value) = param.trim().strip_prefix("q=") {
                q = value.trim().parse().unwrap_or(0.0);
            }
        }
        if !range.is_empty() && q > 0.0 {
            ranges.push((q, i, range));
        }
    }
    ranges.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut wildcard = false;
    for (_, _, range) in &ranges {
        if range.ends_with("/*") {
            wildcard = true;
            continue;
        }
        if let Some(format) = parse(range) {
            return Ok(format);
        }
    }
    if wildcard || ranges.is_empty() {
        Ok(default)
    } else {
        Err(Reply::text(
            406,
            format!(
                "none of the accepted media types ({accept}) is available: use one of {kinds}\n"
            ),
        ))
    }
}

const RESULTS_KINDS: &str = "json, xml, csv, tsv (application/sparql-results+json, application/sparql-results+xml, text/csv, text/tab-separated-values)";
const GRAPH_KINDS: &str = "turtle, ntriples, jsonld, rdfxml (text/turtle, application/n-triples, application/ld+json, application/rdf+xml)";

fn run_query(
    shared: &Arc<Shared>,
    query: &str,
    operation: &Operation,
    accept: Option<&str>,
) -> Reply {
    let token = CancellationToken::new();
    let mut prepared = match evaluator(&token).parse_query(query) {
        Ok(prepared) => prepared,
        Err(e) => return syntax_error("query", query, &e),
    };
    if !operation.default_graphs.is_empty() || !operation.named_graphs.is_empty() {
        // The protocol's dataset replaces the query's FROM and FROM NAMED.
        let default = match graph_names(&operation.default_graphs) {
            Ok(g) => g,
            Err(reply) => return reply,
        };
        let named = match graph_names(&operation.named_graphs) {
            Ok(g) => g,
            Err(reply) => return reply,
        };
        let dataset = prepared.dataset_mut();
        dataset.set_default_graph(default.into_iter().map(GraphName::from).collect());
        dataset.set_available_named_graphs(named.into_iter().map(NamedOrBlankNode::from).collect());
    } else if prepared.dataset().is_default_dataset() {
        prepared.dataset_mut().set_default_graph_as_union();
    }
    // Evaluations that outlived their timeout (oxigraph checks the cancellation
    // token when it reads the store, so a computation over data already read
    // stops late) still hold a thread: past a bound, turn new queries away.
    if shared.evaluations.load(Ordering::SeqCst) >= shared.config.threads * 2 {
        return Reply::text(503, "the server is busy, try again shortly\n")
            .with_header("Retry-After", "1");
    }
    let deadline = Instant::now() + shared.config.timeout;
    let id = shared.watchdog.register(deadline, token.clone());
    // The evaluation runs on its own thread so that the client gets its answer
    // when the timeout fires, even if the evaluation notices the cancellation late.
    let (sender, receiver) = bounded::<Reply>(1);
    let format_param = operation.format.clone();
    let accept = accept.map(str::to_owned);
    let evaluation_shared = Arc::clone(shared);
    let evaluation_token = token.clone();
    shared.evaluations.fetch_add(1, Ordering::SeqCst);
    let spawned = thread::Builder::new()
        .name("memograph-query".to_owned())
        .spawn(move || {
            let reply = evaluate(
                &evaluation_shared,
                prepared,
                format_param.as_deref(),
                accept.as_deref(),
                &evaluation_token,
                deadline,
            );
            evaluation_shared.evaluations.fetch_sub(1, Ordering::SeqCst);
            let _ = sender.send(reply);
        });
    if let Err(e) = spawned {
        shared.evaluations.fetch_sub(1, Ordering::SeqCst);
        shared.watchdog.unregister(id);
        return Reply::text(503, format!("cannot start the evaluation: {e}\n"));
    }
    let grace = Duration::from_millis(250);
    let reply = match receiver.recv_deadline(deadline + grace) {
        Ok(reply) => reply,
        Err(_) => {
            token.cancel();
            evaluation_error(shared, &QueryEvaluationError::Cancelled)
        }
    };
    shared.watchdog.unregister(id);
    reply
}

fn evaluate(
    shared: &Shared,
    prepared: oxigraph::sparql::PreparedSparqlQuery,
    format_param: Option<&str>,
    accept: Option<&str>,
    token: &CancellationToken,
    deadline: Instant,
) -> Reply {
    let limit = shared.config.max_results;
    let results = match prepared.on_store(&shared.store).execute() {
        Ok(results) => results,
        Err(e) => return evaluation_error(shared, &e),
    };
    let io_error = |e: std::io::Error| Reply::text(500, format!("cannot write the results: {e}\n"));
    let cancelled = || evaluation_error(shared, &QueryEvaluationError::Cancelled);
    match results {
        QueryResults::Boolean(value) => {
            let format = match negotiate(
                format_param,
                accept,
                results_format,
                QueryResultsFormat::Json,
                RESULTS_KINDS,
            ) {
                Ok(f) => f,
                Err(reply) => return reply,
            };
            match QueryResultsSerializer::from_format(format)
                .serialize_boolean_to_writer(Vec::new(), value)
            {
                Ok(body) => Reply::new(200, format.media_type(), body),
                Err(e) => io_error(e),
            }
        }
        QueryResults::Solutions(solutions) => {
            let format = match negotiate(
                format_param,
                accept,
                results_format,
                QueryResultsFormat::Json,
                RESULTS_KINDS,
            ) {
                Ok(f) => f,
                Err(reply) => return reply,
            };
            let mut serializer = match QueryResultsSerializer::from_format(format)
                .serialize_solutions_to_writer(Vec::new(), solutions.variables().to_vec())
            {
                Ok(s) => s,
                Err(e) => return io_error(e),
            };
            let mut truncated = false;
            for (count, solution) in solutions.enumerate() {
                if token.is_cancelled() || Instant::now() > deadline {
                    return cancelled();
                }
                if count >= limit {
                    truncated = true;
                    break;
                }
                let solution = match solution {
                    Ok(s) => s,
                    Err(e) => return evaluation_error(shared, &e),
                };
                if let Err(e) = serializer.serialize(&solution) {
                    return io_error(e);
                }
            }
            match serializer.finish() {
                Ok(body) => {
                    truncate_header(Reply::new(200, format.media_type(), body), truncated, limit)
                }
                Err(e) => io_error(e),
            }
        }
        QueryResults::Graph(triples) => {
            let format = match negotiate(
                format_param,
                accept,
                graph_format,
                RdfFormat::Turtle,
                GRAPH_KINDS,
            ) {
                Ok(f) => f,
                Err(reply) => return reply,
            };
            let mut rdf_serializer = RdfSerializer::from_format(format);
            if format == RdfFormat::Turtle {
                for (prefix, namespace) in crate::query::prefixes() {
                    if let Ok(with) = rdf_serializer.clone().with_prefix(prefix, namespace) {
                        rdf_serializer = with;
                    }
                }
            }
            let mut serializer = rdf_serializer.for_writer(Vec::new());
            let mut truncated = false;
            for (count, triple) in triples.enumerate() {
                if token.is_cancelled() || Instant::now() > deadline {
                    return cancelled();
                }
                if count >= limit {
                    truncated = true;
                    break;
                }
                let triple = match triple {
                    Ok(t) => t,
                    Err(e) => return evaluation_error(shared, &e),
                };
                if let Err(e) = serializer.serialize_triple(&triple) {
                    return io_error(e);
                }
            }
            let media_type = match format {
                RdfFormat::JsonLd { .. } => "application/ld+json",
                f => f.media_type(),
            };
            match serializer.finish() {
                Ok(body) => truncate_header(Reply::new(200, media_type, body), truncated, limit),
                Err(e) => io_error(e),
            }
        }
    }
}

fn truncate_header(reply: Reply, truncated: bool, limit: usize) -> Reply {
    if truncated {
        reply.with_header("X-Memograph-Truncated", limit.to_string())
    } else {
        reply
    }
}

fn run_update(shared: &Shared, update: &str) -> Reply {
    if !shared.config.allow_update {
        return Reply::text(
            403,
            "updates are disabled on this endpoint (start it with --allow-update)\n",
        );
    }
    let token = CancellationToken::new();
    let prepared = match evaluator(&token).parse_update(update) {
        Ok(prepared) => prepared,
        Err(e) => return syntax_error("update", update, &e),
    };
    let id = shared
        .watchdog
        .register(Instant::now() + shared.config.timeout, token);
    let result = prepared.on_store(&shared.store).execute();
    shared.watchdog.unregister(id);
    match result {
        Ok(()) => Reply::new(204, "", Vec::new()),
        Err(e) => {
            let message = e.to_string();
            if message.contains("cancelled") {
                Reply::text(
                    503,
                    format!(
                        "the update was cancelled after the timeout of {} s\n",
                        shared.config.timeout.as_secs_f64()
                    ),
                )
            } else {
                Reply::text(500, format!("update failed: {message}\n"))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn form_decoding() {
        let pairs = parse_form("query=SELECT+*+WHERE+%7B%7D&x&default-graph-uri=a%3Ab").unwrap();
        assert_eq!(pairs[0], ("query".into(), "SELECT * WHERE {}".into()));
        assert_eq!(pairs[1], ("x".into(), "".into()));
        assert_eq!(pairs[2].1, "a:b");
    }

    #[test]
    fn accept_negotiation() {
        let f = negotiate(
            None,
            Some("text/csv;q=0.5, application/sparql-results+xml"),
            results_format,
            QueryResultsFormat::Json,
            "",
        )
        .ok();
        assert_eq!(f, Some(QueryResultsFormat::Xml));
        let f = negotiate(
            None,
            Some("text/html, */*;q=0.1"),
            results_format,
            QueryResultsFormat::Json,
            "",
        )
        .ok();
        assert_eq!(f, Some(QueryResultsFormat::Json));
        assert!(negotiate(
            None,
            Some("image/png"),
            results_format,
            QueryResultsFormat::Json,
            ""
        )
        .is_err());
        let f = negotiate(
            Some("tsv"),
            Some("text/csv"),
            results_format,
            QueryResultsFormat::Json,
            "",
        )
        .ok();
        assert_eq!(f, Some(QueryResultsFormat::Tsv));
        let g = negotiate(
            None,
            Some("application/ld+json"),
            graph_format,
            RdfFormat::Turtle,
            "",
        )
        .ok();
        assert!(matches!(g, Some(RdfFormat::JsonLd { .. })));
    }
}
