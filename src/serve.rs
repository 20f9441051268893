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
//! - `/health`: JSON with `status`, `documents`, `graphs`, `triples` and
//!   `evaluations_running`.
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

use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use http_body_util::{BodyExt, Full, Limited};
use hyper::body::{Bytes, Incoming};
use hyper::header::{HeaderMap, HeaderName, HeaderValue};
use hyper::{Method, StatusCode};
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use oxigraph::io::{JsonLdProfileSet, RdfFormat, RdfSerializer};
use oxigraph::model::{GraphName, NamedNode, NamedOrBlankNode, Term};
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::{CancellationToken, QueryEvaluationError, QueryResults, SparqlEvaluator};
use oxigraph::store::Store;
use percent_encoding::percent_decode_str;
use tokio::sync::{Notify, Semaphore};

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
    listener: std::net::TcpListener,
    addr: SocketAddr,
    shared: Arc<Shared>,
    wake: Arc<Notify>,
}

/// Stops a running [`Server`] from another thread.
#[derive(Clone)]
pub struct ShutdownHandle {
    stopping: Arc<AtomicBool>,
    wake: Arc<Notify>,
}

impl ShutdownHandle {
    /// Asks the server to stop: it stops accepting connections, finishes the
    /// requests it has and [`Server::run`] returns.
    pub fn shutdown(&self) {
        self.stopping.store(true, Ordering::SeqCst);
        self.wake.notify_one();
    }
}

struct Shared {
    store: Store,
    config: ServerConfig,
    stopping: Arc<AtomicBool>,
    /// Requests admitted and not answered yet (running or waiting for a slot).
    pending: AtomicUsize,
    /// One permit per worker thread: a request runs only while it holds one.
    slots: Arc<Semaphore>,
    /// Query and update evaluations running, including those whose client
    /// left or whose timeout fired and that have not noticed the cancellation yet.
    evaluations: AtomicUsize,
    /// The last `/health` counts and when they were computed (counting a
    /// large store takes a while; monitors poll often).
    health_cache: Mutex<Option<(Instant, HealthCounts)>>,
}

/// Counts one running thing for as long as it lives.
struct Counted<'a>(&'a AtomicUsize);

impl<'a> Counted<'a> {
    /// Counts one more and returns the count before.
    fn new(counter: &'a AtomicUsize) -> (Self, usize) {
        let before = counter.fetch_add(1, Ordering::SeqCst);
        (Self(counter), before)
    }
}

impl Drop for Counted<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

/// Cancels an evaluation when the request that started it is dropped: hyper
/// drops a request's future when its client disconnects.
struct CancelOnDrop(CancellationToken);

impl Drop for CancelOnDrop {
    fn drop(&mut self) {
        self.0.cancel();
    }
}

impl Server {
    /// Binds the listening socket.
    pub fn bind(store: Store, config: ServerConfig) -> Result<Self> {
        let listen_error =
            |e: std::io::Error| Error::Other(format!("cannot listen on {}: {e}", config.bind));
        let listener = std::net::TcpListener::bind(config.bind.as_str()).map_err(listen_error)?;
        listener.set_nonblocking(true).map_err(listen_error)?;
        let addr = listener.local_addr().map_err(listen_error)?;
        let slots = Arc::new(Semaphore::new(config.threads));
        Ok(Self {
            listener,
            addr,
            shared: Arc::new(Shared {
                store,
                config,
                stopping: Arc::new(AtomicBool::new(false)),
                pending: AtomicUsize::new(0),
                slots,
                evaluations: AtomicUsize::new(0),
                health_cache: Mutex::new(None),
            }),
            wake: Arc::new(Notify::new()),
        })
    }

    /// The address the server listens on (with the real port when bound to port 0).
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// A handle that stops the server.
    pub fn shutdown_handle(&self) -> ShutdownHandle {
        ShutdownHandle {
            stopping: Arc::clone(&self.shared.stopping),
            wake: Arc::clone(&self.wake),
        }
    }

    /// Answers requests until [`ShutdownHandle::shutdown`] is called.
    pub fn run(self) -> Result<()> {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .max_blocking_threads(self.shared.config.threads + 2)
            .thread_name("memograph-http")
            .enable_all()
            .build()
            .map_err(|e| Error::Other(format!("cannot start the HTTP runtime: {e}")))?;
        let result = runtime.block_on(accept(self.listener, self.shared, self.wake));
        // Evaluations still running were cancelled; do not wait for them to notice.
        runtime.shutdown_timeout(Duration::from_secs(1));
        result
    }
}

/// Accepts connections until shutdown, then lets the requests in flight finish.
async fn accept(
    listener: std::net::TcpListener,
    shared: Arc<Shared>,
    wake: Arc<Notify>,
) -> Result<()> {
    let listener = tokio::net::TcpListener::from_std(listener)
        .map_err(|e| Error::Other(format!("cannot listen: {e}")))?;
    let graceful = GracefulShutdown::new();
    while !shared.stopping.load(Ordering::SeqCst) {
        tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => {
                    let shared = Arc::clone(&shared);
                    let service = hyper::service::service_fn(move |request| {
                        answer(Arc::clone(&shared), request)
                    });
                    let connection = hyper::server::conn::http1::Builder::new()
                        .timer(TokioTimer::new())
                        .serve_connection(TokioIo::new(stream), service);
                    let connection = graceful.watch(connection);
                    tokio::spawn(async move {
                        // A client that goes away is not the server's error.
                        let _ = connection.await;
                    });
                }
                // Out of file descriptors and the like: wait, then go on.
                Err(_) => tokio::time::sleep(Duration::from_millis(50)).await,
            },
            () = wake.notified() => {}
        }
    }
    drop(listener);
    let grace = shared.config.timeout + Duration::from_secs(1);
    let _ = tokio::time::timeout(grace, graceful.shutdown()).await;
    Ok(())
}

/// How long an evaluation may take to notice its cancellation before the
/// client gets its 503 anyway.
const CANCEL_GRACE: Duration = Duration::from_millis(250);

/// A request as the routes see it, its body read in full.
struct HttpRequest {
    method: Method,
    path: String,
    query_string: String,
    headers: HeaderMap,
    body: Bytes,
}

impl HttpRequest {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }
}

async fn answer(
    shared: Arc<Shared>,
    request: hyper::Request<Incoming>,
) -> std::result::Result<hyper::Response<Full<Bytes>>, Infallible> {
    Ok(into_response(respond(&shared, request).await))
}

/// Reads the body, admits the request, and runs its route on a worker thread
/// under the timeout. Dropping this future (the client went away) cancels
/// the evaluation.
async fn respond(shared: &Arc<Shared>, request: hyper::Request<Incoming>) -> Reply {
    let (parts, body) = request.into_parts();
    if parts.method == Method::OPTIONS {
        return preflight(&parts.headers);
    }
    let limit = shared.config.max_body;
    let too_large = || {
        Reply::text(
            413,
            format!("the request body is larger than the limit of {limit} bytes\n"),
        )
    };
    let declared = parts
        .headers
        .get(hyper::header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > limit as u64) {
        return too_large();
    }
    let body = match Limited::new(body, limit).collect().await {
        Ok(collected) => collected.to_bytes(),
        Err(e) if e.is::<http_body_util::LengthLimitError>() => return too_large(),
        Err(e) => return Reply::text(400, format!("cannot read the request body: {e}\n")),
    };
    let (_pending, ahead) = Counted::new(&shared.pending);
    if ahead >= shared.config.threads + shared.config.queue {
        return busy();
    }
    let Ok(permit) = Arc::clone(&shared.slots).acquire_owned().await else {
        return Reply::text(503, "the server is stopping\n");
    };
    let token = CancellationToken::new();
    let _cancel = CancelOnDrop(token.clone());
    let deadline = Instant::now() + shared.config.timeout;
    let request = HttpRequest {
        method: parts.method,
        path: parts.uri.path().to_owned(),
        query_string: parts.uri.query().unwrap_or("").to_owned(),
        headers: parts.headers,
        body,
    };
    let task_shared = Arc::clone(shared);
    let task_token = token.clone();
    let mut task = tokio::task::spawn_blocking(move || {
        // The slot is held until the evaluation really ends.
        let _permit = permit;
        route(&task_shared, &request, &task_token, deadline)
    });
    match tokio::time::timeout_at(tokio::time::Instant::from_std(deadline), &mut task).await {
        Ok(Ok(reply)) => reply,
        Ok(Err(_)) => Reply::text(500, "the request failed unexpectedly\n"),
        Err(_) => {
            // oxigraph checks the token when it reads the store, so a
            // computation over data already read stops late: the client gets
            // its answer on time regardless.
            token.cancel();
            match tokio::time::timeout(CANCEL_GRACE, task).await {
                Ok(Ok(reply)) => reply,
                _ => evaluation_error(shared, &QueryEvaluationError::Cancelled),
            }
        }
    }
}

fn busy() -> Reply {
    Reply::text(503, "the server is busy, try again shortly\n").with_header("Retry-After", "1")
}

fn preflight(headers: &HeaderMap) -> Reply {
    let allow_headers = headers
        .get("Access-Control-Request-Headers")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("Content-Type, Accept, Authorization")
        .to_owned();
    Reply::new(204, "", Vec::new())
        .with_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
        .with_header("Access-Control-Allow-Headers", allow_headers)
        .with_header("Access-Control-Max-Age", "86400")
        .with_header("Allow", "GET, POST, OPTIONS")
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

fn into_response(reply: Reply) -> hyper::Response<Full<Bytes>> {
    let mut response = hyper::Response::new(Full::new(Bytes::from(reply.body)));
    *response.status_mut() =
        StatusCode::from_u16(reply.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
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
    let map = response.headers_mut();
    for (name, value) in headers {
        if let (Ok(name), Ok(value)) = (
            HeaderName::from_bytes(name.as_bytes()),
            HeaderValue::from_str(&value),
        ) {
            map.append(name, value);
        }
    }
    response
}

fn route(
    shared: &Shared,
    request: &HttpRequest,
    token: &CancellationToken,
    deadline: Instant,
) -> Reply {
    let path = request.path.as_str();
    let get = request.method == Method::GET;
    let post = request.method == Method::POST;
    match path {
        "/sparql" if get || post => sparql(shared, request, token, deadline),
        "/sparql" => {
            Reply::text(405, "use GET or POST\n").with_header("Allow", "GET, POST, OPTIONS")
        }
        "/health" if get => health(shared),
        "/" | "/index.html" if get => match html_viewer(&shared.store) {
            Ok(html) => Reply::new(200, "text/html; charset=utf-8", html),
            Err(e) => Reply::text(500, format!("cannot render the viewer: {e}\n")),
        },
        "/health" | "/" | "/index.html" => {
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

/// How long the `/health` counts are reused.
const HEALTH_CACHE: Duration = Duration::from_secs(2);

/// Documents, named graphs and quads in the store.
type HealthCounts = (usize, usize, usize);

fn store_counts(store: &Store) -> std::result::Result<HealthCounts, String> {
    let triples = store.len().map_err(|e| e.to_string())?;
    let graphs = store.named_graphs().count();
    let mut prepared = SparqlEvaluator::new()
        .parse_query(
            "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a <https://w3id.org/memograph/ns#Document> }",
        )
        .map_err(|e| e.to_string())?;
    prepared.dataset_mut().set_default_graph_as_union();
    let mut documents = 0;
    if let QueryResults::Solutions(mut solutions) = prepared
        .on_store(store)
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
}

/// `/health`: the store's counts (cached briefly) and the evaluations
/// running now.
fn health(shared: &Shared) -> Reply {
    let cached = shared.health_cache.lock().ok().and_then(|cache| {
        cache
            .as_ref()
            .filter(|(at, _)| at.elapsed() < HEALTH_CACHE)
            .map(|(_, counts)| *counts)
    });
    let counts = match cached {
        Some(counts) => Ok(counts),
        None => store_counts(&shared.store),
    };
    match counts {
        Ok(counts) => {
            if let Ok(mut cache) = shared.health_cache.lock() {
                *cache = Some((Instant::now(), counts));
            }
            let (documents, graphs, triples) = counts;
            let body = serde_json::json!({
                "status": "ok",
                "documents": documents,
                "graphs": graphs,
                "triples": triples,
                "evaluations_running": shared.evaluations.load(Ordering::SeqCst),
            });
            Reply::new(200, "application/json", body.to_string().into_bytes())
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

/// What a `/sparql` request asks for.
#[derive(Default)]
struct Operation {
    query: Option<String>,
    update: Option<String>,
    default_graphs: Vec<String>,
    named_graphs: Vec<String>,
    using_graphs: Vec<String>,
    using_named_graphs: Vec<String>,
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
                "using-graph-uri" => self.using_graphs.push(value),
                "using-named-graph-uri" => self.using_named_graphs.push(value),
                "format" | "output" => self.format = Some(value),
                _ => {} // Unknown parameters are ignored, as the protocol allows.
            }
        }
    }
}

fn sparql(
    shared: &Shared,
    request: &HttpRequest,
    token: &CancellationToken,
    deadline: Instant,
) -> Reply {
    let mut operation = Operation::default();
    match parse_form(&request.query_string) {
        Ok(pairs) => operation.absorb(pairs),
        Err(e) => return Reply::text(400, format!("{e}\n")),
    }
    if request.method == Method::POST {
        let content_type = request.header("Content-Type").map(media_type);
        let Ok(body) = std::str::from_utf8(&request.body) else {
            return Reply::text(400, "the request body is not UTF-8\n");
        };
        match content_type.as_deref() {
            Some("application/sparql-query") => operation.query = Some(body.to_owned()),
            Some("application/sparql-update") => operation.update = Some(body.to_owned()),
            Some("application/x-www-form-urlencoded") => match parse_form(body) {
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
    match (operation.query.take(), operation.update.take()) {
        (Some(_), Some(_)) => Reply::text(400, "give either query or update, not both\n"),
        (Some(query), None) => run_query(
            shared,
            &query,
            &operation,
            request.header("Accept"),
            token,
            deadline,
        ),
        (None, Some(update)) => run_update(shared, &update, &operation, token),
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

/// Default graphs and available named graphs, as oxigraph's datasets take them.
type GraphLists = (Vec<GraphName>, Vec<NamedOrBlankNode>);

/// A dataset given by the protocol (`default-graph-uri`/`named-graph-uri`, or
/// their `using-` forms for updates): `None` when neither list has an IRI, a
/// 400 reply when one is malformed.
fn protocol_dataset(
    default: &[String],
    named: &[String],
) -> std::result::Result<Option<GraphLists>, Reply> {
    if default.is_empty() && named.is_empty() {
        return Ok(None);
    }
    let default = graph_names(default)?;
    let named = graph_names(named)?;
    Ok(Some((
        default.into_iter().map(GraphName::from).collect(),
        named.into_iter().map(NamedOrBlankNode::from).collect(),
    )))
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
    shared: &Shared,
    query: &str,
    operation: &Operation,
    accept: Option<&str>,
    token: &CancellationToken,
    deadline: Instant,
) -> Reply {
    let mut prepared = match evaluator(token).parse_query(query) {
        Ok(prepared) => prepared,
        Err(e) => return syntax_error("query", query, &e),
    };
    match protocol_dataset(&operation.default_graphs, &operation.named_graphs) {
        Err(reply) => return reply,
        // The protocol's dataset replaces the query's FROM and FROM NAMED.
        Ok(Some((default, named))) => {
            let dataset = prepared.dataset_mut();
            dataset.set_default_graph(default);
            dataset.set_available_named_graphs(named);
        }
        Ok(None) if prepared.dataset().is_default_dataset() => {
            prepared.dataset_mut().set_default_graph_as_union();
        }
        Ok(None) => {}
    }
    let (_running, _) = Counted::new(&shared.evaluations);
    evaluate(
        shared,
        prepared,
        operation.format.as_deref(),
        accept,
        token,
        deadline,
    )
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

fn run_update(
    shared: &Shared,
    update: &str,
    operation: &Operation,
    token: &CancellationToken,
) -> Reply {
    if !shared.config.allow_update {
        return Reply::text(
            403,
            "updates are disabled on this endpoint (start it with --allow-update)\n",
        );
    }
    let mut prepared = match evaluator(token).parse_update(update) {
        Ok(prepared) => prepared,
        Err(e) => return syntax_error("update", update, &e),
    };
    let using = match protocol_dataset(&operation.using_graphs, &operation.using_named_graphs) {
        Ok(using) => using,
        Err(reply) => return reply,
    };
    if let Some((default, named)) = using {
        // The protocol's using-graph-uri and using-named-graph-uri set the
        // dataset of every DELETE/INSERT operation, and may not be combined
        // with USING, USING NAMED or WITH in the update itself.
        for dataset in prepared.using_datasets_mut() {
            if !dataset.is_default_dataset() {
                return Reply::text(
                    400,
                    "using-graph-uri and using-named-graph-uri cannot be combined with USING, USING NAMED or WITH in the update\n",
                );
            }
            dataset.set_default_graph(default.clone());
            dataset.set_available_named_graphs(named.clone());
        }
    }
    let (_running, _) = Counted::new(&shared.evaluations);
    match prepared.on_store(&shared.store).execute() {
        Ok(()) => Reply::new(204, "", Vec::new()),
        Err(e) => {
            let message = e.to_string();
            if token.is_cancelled() {
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
