//! The `memograph` command line (thin: parses arguments, calls the library).

use std::io::{BufWriter, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{bail, Context, Result};
use clap::{Args, Parser, Subcommand};

use memograph::ingest::{self, Event, IngestOptions};
use memograph::input::{self, InputOptions};
use memograph::query::{self, OutputFormat};
use memograph::rdf::QuadWriter;
use memograph::render::{self, ExtractFormat};
use memograph::store::Store;
use memograph::{vocab, Date, Extractor};

/// Turn government and policy text into a queryable, explainable knowledge graph.
#[derive(Debug, Parser)]
#[command(name = "memograph", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Extract documents and store them, one named graph per document.
    Ingest(IngestArgs),
    /// Extract documents without a store and print the result.
    Extract(ExtractArgs),
    /// Print every entity and relation of documents with its evidence and rule (= extract --explain).
    Explain(ExplainArgs),
    /// Run a SPARQL query (SELECT, ASK, CONSTRUCT, DESCRIBE) over all documents.
    Query(QueryArgs),
    /// Run a SPARQL update.
    Update(UpdateArgs),
    /// List the stored documents.
    Documents(ListArgs),
    /// Remove documents (by IRI, by source, or every document under a folder or JSON Lines file).
    Remove(RemoveArgs),
    /// Count entities per class and triples per predicate.
    Stats(ListArgs),
    /// Export the entity graph for visualization (DOT, GraphML, GEXF, Cytoscape.js, Mermaid, HTML viewer) or dump the store as RDF.
    Export(ExportArgs),
    /// Serve the store over HTTP: the SPARQL 1.1 Protocol at /sparql, the HTML viewer at /, /health.
    Serve(ServeArgs),
    /// Send the document graphs to an external triple store (Graph Store Protocol or SPARQL Update).
    Push(PushArgs),
}

/// Where the store lives.
#[derive(Debug, Args)]
struct StoreArg {
    /// Store folder [default: $MEMOGRAPH_STORE, else ./memograph.db]
    #[arg(
        long,
        value_name = "DIR",
        env = "MEMOGRAPH_STORE",
        default_value = "memograph.db",
        hide_default_value = true,
        hide_env = true
    )]
    store: PathBuf,
}

/// How documents are read and extracted.
#[derive(Debug, Args)]
struct ExtractionArgs {
    /// The date of every document (YYYY-MM-DD), overriding `date` headers and JSON Lines dates.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    date: Option<Date>,
    /// An extra gazetteer file for the extractor (repeatable).
    #[arg(long, value_name = "FILE")]
    gazetteer: Vec<PathBuf>,
    /// An extra rule file for the extractor (repeatable; see "Writing rules" in the README).
    #[arg(long, value_name = "FILE")]
    rules: Vec<PathBuf>,
    /// Extraction threads [default: number of cores].
    #[arg(long, value_name = "N")]
    threads: Option<usize>,
    /// Do not OCR scans (PDFs without a text layer): report and skip them.
    #[arg(long)]
    no_ocr: bool,
    /// New documents are bulk-loaded in atomic batches of about N quads (tests use small batches).
    #[arg(long, value_name = "N", hide = true)]
    batch_quads: Option<usize>,
}

#[derive(Debug, Args)]
struct IngestArgs {
    #[command(flatten)]
    store: StoreArg,
    #[command(flatten)]
    extraction: ExtractionArgs,
    /// Files, folders (recursive), or `-` for standard input.
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
}

#[derive(Debug, Args)]
struct ExtractArgs {
    /// Output format.
    #[arg(long, default_value = "turtle", value_parser = ["turtle", "trig", "nquads", "json"])]
    format: String,
    /// Print a human-readable explanation instead (every entity and relation, with evidence and rule).
    #[arg(long)]
    explain: bool,
    #[command(flatten)]
    extraction: ExtractionArgs,
    /// Files, folders (recursive), or `-` for standard input.
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
}

#[derive(Debug, Args)]
struct ExplainArgs {
    #[command(flatten)]
    extraction: ExtractionArgs,
    /// Files, folders (recursive), or `-` for standard input.
    #[arg(required = true, value_name = "FILE")]
    paths: Vec<PathBuf>,
}

#[derive(Debug, Args)]
struct QueryArgs {
    #[command(flatten)]
    store: StoreArg,
    /// Output format [default: table on a terminal, else tsv; turtle for CONSTRUCT and DESCRIBE].
    #[arg(long, value_parser = OutputFormat::NAMES)]
    format: Option<String>,
    /// Read the query from a file.
    #[arg(long, value_name = "F.rq", conflicts_with = "query")]
    file: Option<PathBuf>,
    /// The SPARQL query (the schema's prefixes mg:, org:, dcterms:, schema:, skos:, rdfs:, rdf:, prov:, xsd:, owl: are predeclared).
    #[arg(value_name = "QUERY", required_unless_present = "file")]
    query: Option<String>,
}

#[derive(Debug, Args)]
struct UpdateArgs {
    #[command(flatten)]
    store: StoreArg,
    /// Read the update from a file.
    #[arg(long, value_name = "F.ru", conflicts_with = "update")]
    file: Option<PathBuf>,
    /// The SPARQL update.
    #[arg(value_name = "UPDATE", required_unless_present = "file")]
    update: Option<String>,
}

#[derive(Debug, Args)]
struct ListArgs {
    #[command(flatten)]
    store: StoreArg,
    /// Output format.
    #[arg(long, default_value = "table", value_parser = ["table", "json"])]
    format: String,
}

#[derive(Debug, Args)]
struct ExportArgs {
    #[command(flatten)]
    store: StoreArg,
    /// Output format [default: from -o's extension].
    #[arg(long, value_name = "FORMAT", value_parser = [
        "dot", "graphml", "gexf", "cytoscape", "mermaid", "html", "turtle", "trig", "nquads",
    ])]
    format: Option<String>,
    /// Output file (.dot/.gv, .graphml, .gexf, .json, .mmd, .html, .ttl, .trig, .nq) [default: standard output].
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Keep only entities of this class: Agency, Organization, Person, Memo, Policy (repeatable).
    #[arg(long = "type", value_name = "CLASS")]
    types: Vec<String>,
    /// Keep only what one document mentions and asserts (its IRI, source path or file name).
    #[arg(long, value_name = "DOC")]
    document: Option<String>,
    /// Keep only the neighbourhood of an entity (its IRI, label or alias).
    #[arg(long, value_name = "ENTITY")]
    around: Option<String>,
    /// How many relations away from --around to go.
    #[arg(long, value_name = "N", default_value_t = 1, requires = "around")]
    depth: usize,
    /// Draw the result of a SPARQL CONSTRUCT query (read from this file) instead of the entity graph.
    #[arg(long, value_name = "FILE.rq")]
    query: Option<PathBuf>,
}

#[derive(Debug, Args)]
struct RemoveArgs {
    #[command(flatten)]
    store: StoreArg,
    /// Document IRIs, sources as given at ingest, or folders / JSON Lines files.
    #[arg(required = true, value_name = "DOC")]
    docs: Vec<String>,
}

#[derive(Debug, Args)]
struct ServeArgs {
    #[command(flatten)]
    store: StoreArg,
    /// Address to listen on (loopback by default).
    #[arg(long, value_name = "HOST:PORT", default_value = "127.0.0.1:7878")]
    bind: String,
    /// Accept SPARQL updates (refused with 403 otherwise).
    #[arg(long)]
    allow_update: bool,
    /// Query timeout in seconds.
    #[arg(long, value_name = "SECS", default_value_t = 30.0)]
    timeout: f64,
    /// Most solutions or triples in one response.
    #[arg(long, value_name = "N", default_value_t = 100_000)]
    max_results: usize,
    /// Largest request body accepted, in bytes.
    #[arg(long, value_name = "BYTES", default_value_t = 1024 * 1024)]
    max_body: usize,
    /// Worker threads [default: twice the cores, at least 4].
    #[arg(long, value_name = "N")]
    threads: Option<usize>,
}

#[derive(Debug, Args)]
struct PushArgs {
    #[command(flatten)]
    store: StoreArg,
    /// Graph Store Protocol endpoint (e.g. http://host:8890/sparql-graph-crud-auth); with --method update, the update endpoint.
    #[arg(long, value_name = "URL")]
    endpoint: String,
    /// SPARQL Update endpoint for the fallback [default: --endpoint].
    #[arg(long, value_name = "URL")]
    update_endpoint: Option<String>,
    /// User name (HTTP basic or digest authentication, as the server asks).
    #[arg(
        long,
        value_name = "USER",
        env = "MEMOGRAPH_PUSH_USER",
        hide_env = true
    )]
    user: Option<String>,
    /// Password [default: $MEMOGRAPH_PUSH_PASSWORD].
    #[arg(
        long,
        value_name = "PASSWORD",
        env = "MEMOGRAPH_PUSH_PASSWORD",
        hide_env = true,
        hide_env_values = true
    )]
    password: Option<String>,
    /// Push every graph, not only those changed since the last push to this endpoint.
    #[arg(long)]
    all: bool,
    /// auto: Graph Store Protocol, SPARQL Update when refused; gsp; update.
    #[arg(long, value_name = "METHOD", default_value = "auto", value_parser = ["auto", "gsp", "update"])]
    method: String,
    /// Body syntax for the Graph Store Protocol.
    #[arg(long, value_name = "SYNTAX", default_value = "turtle", value_parser = ["turtle", "ntriples"])]
    syntax: String,
    /// Retries of transient failures (connection errors, 5xx, 429), with exponential backoff.
    #[arg(long, value_name = "N", default_value_t = 4)]
    retries: u32,
    /// Print the report as JSON.
    #[arg(long)]
    json: bool,
}

fn parse_date(s: &str) -> Result<Date, String> {
    Date::parse_iso(s)
        .ok_or_else(|| format!("{s:?} is not a date (expected YYYY-MM-DD, YYYY-MM or YYYY)"))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    // a third-party reader's panic becomes one error line naming the file
    input::quiet_reader_panics();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            let chain: Vec<String> = e.chain().map(|c| c.to_string()).collect();
            if chain.iter().any(|c| c.contains("Broken pipe")) {
                return ExitCode::SUCCESS;
            }
            eprintln!("memograph: error: {}", chain.join(": "));
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Ingest(args) => cmd_ingest(args),
        Command::Extract(args) => {
            let format = if args.explain {
                ExtractFormat::Explain
            } else {
                args.format.parse()?
            };
            cmd_extract(&args.extraction, &args.paths, format)
        }
        Command::Explain(args) => {
            cmd_extract(&args.extraction, &args.paths, ExtractFormat::Explain)
        }
        Command::Query(args) => cmd_query(args),
        Command::Update(args) => cmd_update(args),
        Command::Documents(args) => cmd_documents(args),
        Command::Remove(args) => cmd_remove(args),
        Command::Stats(args) => cmd_stats(args),
        Command::Export(args) => cmd_export(args),
        Command::Serve(args) => cmd_serve(args),
        Command::Push(args) => cmd_push(args),
    }
}

fn extractor(args: &ExtractionArgs) -> Result<Extractor> {
    let mut builder = Extractor::builder();
    for g in &args.gazetteer {
        builder = builder.gazetteer(g);
    }
    for r in &args.rules {
        builder = builder.rules(r);
    }
    Ok(builder.build()?)
}

fn input_options(args: &ExtractionArgs) -> InputOptions {
    InputOptions {
        date: args.date,
        ocr: !args.no_ocr,
        ..Default::default()
    }
}

fn ingest_options(args: &ExtractionArgs) -> IngestOptions {
    let mut options = IngestOptions::default();
    if let Some(n) = args.threads {
        options.threads = n.max(1);
        options.window = ingest::default_window(options.threads);
    }
    if let Some(n) = args.batch_quads {
        options.batch.batch_quads = n.max(1);
        options.batch.commit_quads = n.max(1);
    }
    options
}

/// A progress bar on a terminal (none when stderr is piped): a spinner
/// until the inputs are sized (a walk on another thread), then a bar of
/// input bytes read with a percentage and the time left.
fn progress_bar(paths: &[PathBuf]) -> Option<indicatif::ProgressBar> {
    if !std::io::stderr().is_terminal() {
        return None;
    }
    let pb = indicatif::ProgressBar::new_spinner();
    if let Ok(style) = indicatif::ProgressStyle::with_template("{spinner} {msg} [{elapsed}]") {
        pb.set_style(style);
    }
    pb.enable_steady_tick(std::time::Duration::from_millis(120));
    let sizing = pb.clone();
    let paths = paths.to_vec();
    // Detached: it ends with the walk, and a finished bar ignores it.
    let _ = std::thread::Builder::new()
        .name("memograph-sizing".to_owned())
        .spawn(move || {
            let Some(total) = input::total_bytes(paths).filter(|&t| t > 0) else {
                return;
            };
            let template = "{percent:>3}% {wide_bar} {binary_bytes}/{binary_total_bytes} · {msg} · {elapsed}, {eta} left";
            if let (Ok(style), false) = (
                indicatif::ProgressStyle::with_template(template),
                sizing.is_finished(),
            ) {
                sizing.set_length(total);
                sizing.set_style(style);
            }
        });
    Some(pb)
}

fn report(pb: &Option<indicatif::ProgressBar>, message: &str) {
    match pb {
        Some(pb) => pb.suspend(|| eprintln!("{message}")),
        None => eprintln!("{message}"),
    }
}

fn cmd_ingest(args: IngestArgs) -> Result<ExitCode> {
    let started = Instant::now();
    let extractor = extractor(&args.extraction)?;
    let store = Store::open(&args.store.store)?;
    let docs = input::documents(args.paths.iter().cloned(), input_options(&args.extraction));
    let read = docs.bytes_read();
    let pb = progress_bar(&args.paths);
    let mut done = 0usize;
    let summary = ingest::ingest(
        &store,
        &extractor,
        docs,
        &ingest_options(&args.extraction),
        |event| {
            done += 1;
            if let Some(pb) = &pb {
                pb.set_position(read.get());
                let secs = started.elapsed().as_secs_f64().max(0.001);
                pb.set_message(format!("{done} documents, {:.0}/s", done as f64 / secs));
            }
            if let Event::Failed(e) = event {
                report(&pb, &format!("memograph: skipped {e}"));
            }
        },
    );
    if let Some(pb) = &pb {
        pb.finish_and_clear();
    }
    let summary = summary?;
    println!(
        "{} documents ({} added, {} replaced, {} unchanged, {} failed), {} entities, {} relations, {} triples, {:.2} seconds",
        summary.documents,
        summary.added,
        summary.replaced,
        summary.unchanged,
        summary.failed,
        summary.entities,
        summary.relations,
        summary.triples,
        started.elapsed().as_secs_f64()
    );
    Ok(if summary.failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

fn cmd_extract(
    args: &ExtractionArgs,
    paths: &[PathBuf],
    format: ExtractFormat,
) -> Result<ExitCode> {
    let extractor = extractor(args)?;
    let writer = QuadWriter::new(vocab::DEFAULT_BASE);
    let docs = input::documents(paths.iter().cloned(), input_options(args));
    let options = ingest_options(args);
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut failed = 0usize;
    let work = |item: memograph::Result<memograph::Document>| {
        item.and_then(|doc| ingest::extract_one(&extractor, &doc).map(|ex| (doc, ex)))
    };
    ingest::par_map_ordered(docs, options.threads, options.window, work, |item| {
        match item {
            Ok((doc, ex)) => {
                let origin = |rule: &str| extractor.rule_origin(rule);
                render::write_extraction_with(format, &writer, &doc, &ex, &origin, &mut out)?
            }
            Err(e) => {
                failed += 1;
                eprintln!("memograph: skipped {e}");
            }
        }
        Ok(())
    })?;
    out.flush().context("writing output")?;
    Ok(if failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

fn read_text(inline: Option<String>, file: Option<&PathBuf>) -> Result<String> {
    match (inline, file) {
        (Some(q), _) => Ok(q),
        (None, Some(f)) => {
            std::fs::read_to_string(f).with_context(|| format!("reading {}", f.display()))
        }
        (None, None) => bail!("give a query, or --file F"),
    }
}

fn cmd_query(args: QueryArgs) -> Result<ExitCode> {
    let text = read_text(args.query, args.file.as_ref())?;
    let store = Store::open_for_reading(&args.store.store)?;
    let results = store.query(&text).with_context(|| match &args.file {
        Some(f) => f.display().to_string(),
        None => "query".to_string(),
    });
    let results = results?;
    let format = match args.format {
        Some(f) => f.parse()?,
        None => match (&results, std::io::stdout().is_terminal()) {
            (oxigraph::sparql::QueryResults::Graph(_), _) => OutputFormat::Turtle,
            (_, true) => OutputFormat::Table,
            (_, false) => OutputFormat::Tsv,
        },
    };
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    query::write_results(results, format, &mut out)?;
    out.flush().context("writing results")?;
    Ok(ExitCode::SUCCESS)
}

fn cmd_update(args: UpdateArgs) -> Result<ExitCode> {
    let text = read_text(args.update, args.file.as_ref())?;
    let store = Store::open(&args.store.store)?;
    store.update(&text).with_context(|| match &args.file {
        Some(f) => f.display().to_string(),
        None => "update".to_string(),
    })?;
    Ok(ExitCode::SUCCESS)
}

fn cmd_documents(args: ListArgs) -> Result<ExitCode> {
    let store = Store::open_for_reading(&args.store.store)?;
    let docs = store.documents()?;
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    if args.format == "json" {
        serde_json::to_writer_pretty(&mut out, &docs)?;
        writeln!(out)?;
    } else {
        let header = ["iri", "title", "date", "source", "triples"].map(String::from);
        let rows: Vec<Vec<String>> = docs
            .into_iter()
            .map(|d| {
                vec![
                    vocab::compact(&d.iri),
                    d.title.unwrap_or_default().chars().take(60).collect(),
                    d.date.unwrap_or_default(),
                    d.source.unwrap_or_default(),
                    d.triples.to_string(),
                ]
            })
            .collect();
        query::write_table(&mut out, &header, &rows)?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn cmd_remove(args: RemoveArgs) -> Result<ExitCode> {
    let store = Store::open(&args.store.store)?;
    let mut failed = false;
    for doc in &args.docs {
        match store.remove(doc) {
            Ok(iris) => {
                for iri in iris {
                    println!("removed {iri}");
                }
            }
            Err(e) => {
                failed = true;
                eprintln!("memograph: {e}");
            }
        }
    }
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

fn cmd_export(args: ExportArgs) -> Result<ExitCode> {
    use memograph::export::{self, ExportFormat, ExportOptions};
    let format = match (&args.format, &args.output) {
        (Some(name), _) => ExportFormat::from_name(name)
            .with_context(|| format!("unknown export format {name:?}"))?,
        (None, Some(path)) => ExportFormat::from_path(path).with_context(|| {
            format!(
                "cannot tell the format from {}: give --format (dot, graphml, gexf, cytoscape, mermaid, html, turtle, trig, nquads)",
                path.display()
            )
        })?,
        (None, None) => bail!("give --format, or -o FILE with a known extension"),
    };
    let mut types = Vec::new();
    for t in &args.types {
        match memograph::EntityClass::parse(t) {
            Some(c) => types.push(c),
            None => {
                bail!("unknown class {t:?} (expected Agency, Organization, Person, Memo or Policy)")
            }
        }
    }
    let construct = match &args.query {
        Some(f) => {
            Some(std::fs::read_to_string(f).with_context(|| format!("reading {}", f.display()))?)
        }
        None => None,
    };
    let options = ExportOptions {
        types,
        document: args.document,
        around: args.around,
        depth: args.depth,
        construct,
    };
    let store = Store::open_for_reading(&args.store.store)?;
    match &args.output {
        Some(path) => {
            let file = std::fs::File::create(path)
                .with_context(|| format!("creating {}", path.display()))?;
            let mut out = BufWriter::new(file);
            let summary = export::export(store.inner(), format, &options, &mut out)?;
            out.flush()
                .with_context(|| format!("writing {}", path.display()))?;
            eprintln!(
                "wrote {} ({}: {} nodes, {} edges)",
                path.display(),
                format.name(),
                summary.nodes,
                summary.edges
            );
        }
        None => {
            let stdout = std::io::stdout();
            let mut out = BufWriter::new(stdout.lock());
            export::export(store.inner(), format, &options, &mut out)?;
            out.flush().context("writing the export")?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn cmd_stats(args: ListArgs) -> Result<ExitCode> {
    let store = Store::open_for_reading(&args.store.store)?;
    let stats = store.stats()?;
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    if args.format == "json" {
        serde_json::to_writer_pretty(&mut out, &stats)?;
        writeln!(out)?;
    } else {
        writeln!(
            out,
            "{} documents, {} triples\n",
            stats.documents, stats.quads
        )?;
        let rows = |m: &std::collections::BTreeMap<String, usize>| -> Vec<Vec<String>> {
            m.iter()
                .map(|(k, n)| vec![vocab::compact(k), n.to_string()])
                .collect()
        };
        query::write_table(
            &mut out,
            &["class".to_string(), "entities".to_string()],
            &rows(&stats.classes),
        )?;
        writeln!(out)?;
        query::write_table(
            &mut out,
            &["predicate".to_string(), "triples".to_string()],
            &rows(&stats.predicates),
        )?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn cmd_serve(args: ServeArgs) -> Result<ExitCode> {
    use memograph::serve::{Server, ServerConfig};
    let store = if args.allow_update {
        Store::open(&args.store.store)?
    } else {
        Store::open_for_reading(&args.store.store)?
    };
    if !(args.timeout > 0.0 && args.timeout.is_finite()) {
        bail!("--timeout must be a positive number of seconds");
    }
    let mut config = ServerConfig::default()
        .with_bind(args.bind.clone())
        .with_allow_update(args.allow_update)
        .with_timeout(std::time::Duration::from_secs_f64(args.timeout))
        .with_max_results(args.max_results)
        .with_max_body(args.max_body);
    if let Some(threads) = args.threads {
        config = config.with_threads(threads);
    }
    let server = Server::bind(store.inner().clone(), config)?;
    eprintln!(
        "memograph: serving {} at http://{}/ (SPARQL endpoint: http://{}/sparql{})",
        args.store.store.display(),
        server.addr(),
        server.addr(),
        if args.allow_update {
            ", updates allowed"
        } else {
            ", read-only"
        }
    );
    server.run()?;
    Ok(ExitCode::SUCCESS)
}

fn cmd_push(args: PushArgs) -> Result<ExitCode> {
    use memograph::push::{self, PushConfig, PushMethod, PushSyntax};
    let store = Store::open_for_reading(&args.store.store)?;
    let mut config = PushConfig::new(args.endpoint.clone())
        .with_all(args.all)
        .with_method(match args.method.as_str() {
            "gsp" => PushMethod::Gsp,
            "update" => PushMethod::Update,
            _ => PushMethod::Auto,
        })
        .with_syntax(if args.syntax == "ntriples" {
            PushSyntax::NTriples
        } else {
            PushSyntax::Turtle
        })
        .with_retries(args.retries, std::time::Duration::from_millis(500))
        .with_state_file(push::default_state_file(&args.store.store));
    if let Some(url) = &args.update_endpoint {
        config = config.with_update_endpoint(url.clone());
    }
    match (&args.user, &args.password) {
        (Some(user), password) => {
            config = config.with_credentials(user.clone(), password.clone().unwrap_or_default());
        }
        (None, Some(_)) => bail!("--password needs --user"),
        (None, None) => {}
    }
    let report = push::push(store.inner(), &config)?;
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    if args.json {
        serde_json::to_writer_pretty(&mut out, &report)?;
        writeln!(out)?;
    } else {
        for g in &report.graphs {
            let outcome = match g.outcome {
                push::GraphOutcome::Pushed => "pushed",
                push::GraphOutcome::Unchanged => "unchanged",
                push::GraphOutcome::Deleted => "deleted",
                push::GraphOutcome::Failed => "FAILED",
            };
            write!(out, "{outcome:9} {} ({} triples", g.graph, g.triples)?;
            if let Some(method) = g.method {
                write!(out, ", {method}")?;
            }
            if let Some(status) = g.status {
                write!(out, ", HTTP {status}")?;
            }
            write!(out, ")")?;
            if let Some(message) = &g.message {
                write!(out, ": {message}")?;
            }
            writeln!(out)?;
        }
        writeln!(
            out,
            "{}: {} pushed, {} unchanged, {} deleted, {} failed",
            report.endpoint,
            report.pushed(),
            report.unchanged(),
            report.deleted(),
            report.failed()
        )?;
    }
    out.flush()?;
    Ok(if report.is_success() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}
