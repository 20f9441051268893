//! The knowledge graph store: an oxigraph [`Store`](oxigraph::store::Store),
//! on disk (RocksDB) or in memory, with one named graph per document.
//!
//! - Every store holds the ontology (`data/ontology.ttl`) in the graph
//!   [`vocab::ONTOLOGY_GRAPH`], (re)loaded when missing or outdated.
//! - [`Store::put_document`] writes one document in ONE transaction: a
//!   document whose graph would not change is left untouched; a changed one
//!   has its graph cleared and refilled in the same transaction, so a crash
//!   leaves every document either fully present (old or new) or absent.
//! - Queries see the union of all graphs (documents and ontology).
//! - An on-disk store can be opened for writing by one process at a time
//!   ([`Error::StoreInUse`] otherwise). [`Store::open_for_reading`] falls back
//!   to a read-only view when another process holds the store; that view is
//!   a snapshot of the store as it was when opened.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{
    GraphName, GraphNameRef, Literal, NamedNode, NamedNodeRef, NamedOrBlankNode, Quad, Term,
};
use oxigraph::sparql::{QueryResults, SparqlEvaluator};
use sha2::Digest;

use crate::error::{Error, Result};
use crate::model::EntityClass;
use crate::vocab;

/// The ontology (`data/ontology.ttl`), as loaded into every store.
pub const ONTOLOGY_TTL: &str = include_str!("../data/ontology.ttl");

/// `mg:graphHash`: the fingerprint (sha256 of the other quads, as N-Quads
/// lines) that every document graph holds about itself, so that re-ingesting
/// an unchanged document is a single lookup.
pub const GRAPH_HASH: &str = "https://w3id.org/memograph/ns#graphHash";

/// How often [`Store::open_read_only`] retries (about 4 seconds in all).
const READ_ONLY_RETRIES: u64 = 20;

/// What [`Store::put_document`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PutOutcome {
    /// The document was new.
    Added,
    /// The document existed with other content; its graph was replaced.
    Replaced,
    /// The document existed with exactly this graph; nothing was written.
    Unchanged,
}

/// One stored document (see [`Store::documents`]).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct DocumentInfo {
    /// The document's IRI (also its graph's name).
    pub iri: String,
    /// `dcterms:title`.
    pub title: Option<String>,
    /// `dcterms:date`, as written.
    pub date: Option<String>,
    /// `dcterms:source`.
    pub source: Option<String>,
    /// Number of triples in the document's graph.
    pub triples: usize,
}

/// Counts over the whole store (see [`Store::stats`]).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Stats {
    /// Document graphs.
    pub documents: usize,
    /// Quads in document graphs (the ontology graph not counted).
    pub quads: usize,
    /// Distinct entities per class IRI, for every class with instances.
    pub classes: BTreeMap<String, usize>,
    /// Distinct triples per predicate IRI (over the union of document graphs).
    pub predicates: BTreeMap<String, usize>,
}

/// The knowledge graph store.
#[derive(Clone)]
pub struct Store {
    inner: oxigraph::store::Store,
    path: Option<PathBuf>,
    read_only: bool,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("path", &self.path)
            .field("read_only", &self.read_only)
            .finish()
    }
}

fn nn(iri: &str) -> NamedNode {
    NamedNode::new_unchecked(iri)
}

impl Store {
    /// A new in-memory store (with the ontology).
    pub fn memory() -> Result<Self> {
        let inner = oxigraph::store::Store::new().map_err(|e| Error::Store {
            path: ":memory:".into(),
            message: e.to_string(),
        })?;
        let store = Self {
            inner,
            path: None,
            read_only: false,
        };
        store.ensure_ontology()?;
        Ok(store)
    }

    /// Opens (creating it if needed) the on-disk store in `dir` for reading and
    /// writing, and loads the ontology if it is missing or outdated.
    ///
    /// Fails with [`Error::StoreInUse`] when another process has it open for writing.
    pub fn open(dir: impl AsRef<Path>) -> Result<Self> {
        let dir = dir.as_ref();
        // RocksDB creates the store folder but not its parents
        if let Some(parent) = dir.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(|source| Error::Io {
                path: parent.to_path_buf(),
                source,
            })?;
        }
        let inner =
            oxigraph::store::Store::open(dir).map_err(|e| open_error(dir, &e.to_string()))?;
        let store = Self {
            inner,
            path: Some(dir.to_path_buf()),
            read_only: false,
        };
        store.ensure_ontology()?;
        Ok(store)
    }

    /// Opens an existing on-disk store read-only. It sees the store as it was
    /// when opened (writes by another process afterwards are not seen). Opening
    /// is retried for a few seconds while a writing process changes its files.
    pub fn open_read_only(dir: impl AsRef<Path>) -> Result<Self> {
        let dir = dir.as_ref();
        check_exists(dir)?;
        // A writer in another process may be flushing or compacting, so the
        // file list can change while we open it: retry a few times.
        let mut attempt = 0u64;
        let inner = loop {
            match oxigraph::store::Store::open_read_only(dir) {
                Ok(inner) => break inner,
                Err(_) if attempt < READ_ONLY_RETRIES => {
                    attempt += 1;
                    std::thread::sleep(std::time::Duration::from_millis(20 * attempt));
                }
                Err(e) => return Err(open_error(dir, &e.to_string())),
            }
        };
        Ok(Self {
            inner,
            path: Some(dir.to_path_buf()),
            read_only: true,
        })
    }

    /// Opens an existing on-disk store for reading: read-write when no other
    /// process holds it (so the ontology is brought up to date), otherwise a
    /// read-only snapshot (see [`Store::open_read_only`]). Fails when `dir`
    /// holds no store.
    pub fn open_for_reading(dir: impl AsRef<Path>) -> Result<Self> {
        let dir = dir.as_ref();
        check_exists(dir)?;
        match Self::open(dir) {
            Err(Error::StoreInUse { .. }) => Self::open_read_only(dir),
            other => other,
        }
    }

    /// The oxigraph store, for modules that need its full API (export, serve).
    pub fn inner(&self) -> &oxigraph::store::Store {
        &self.inner
    }

    /// The store folder (`None` in memory).
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Whether this is a read-only view.
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    fn name(&self) -> String {
        self.path
            .as_ref()
            .map_or(":memory:".into(), |p| p.display().to_string())
    }

    fn storage_error(&self, e: impl std::fmt::Display) -> Error {
        Error::Store {
            path: self.name(),
            message: e.to_string(),
        }
    }

    /// Loads the ontology into its graph unless the stored one is current.
    /// Returns whether it was (re)loaded.
    pub fn ensure_ontology(&self) -> Result<bool> {
        let graph = nn(vocab::ONTOLOGY_GRAPH);
        let mut quads = Vec::new();
        let parser = RdfParser::from_format(RdfFormat::Turtle).with_default_graph(graph.clone());
        for quad in parser.for_slice(ONTOLOGY_TTL) {
            quads.push(quad.map_err(|e| Error::Data {
                path: "data/ontology.ttl".into(),
                line: 0,
                message: e.to_string(),
            })?);
        }
        let hash = format!("sha256:{}", crate::rdf::hex_hash(ONTOLOGY_TTL.as_bytes()));
        quads.push(Quad::new(
            graph.clone(),
            nn(&format!("{}contentHash", vocab::MG)),
            Literal::new_simple_literal(hash),
            GraphName::NamedNode(graph.clone()),
        ));
        Ok(self.put_graph(graph.as_ref(), quads)? != PutOutcome::Unchanged)
    }

    /// Writes the quads of one document (all in the graph `doc_iri`, as built by
    /// [`crate::rdf::QuadWriter::quads`]) in one transaction. Leaves the store
    /// untouched when the graph already holds exactly these quads.
    pub fn put_document(&self, doc_iri: &str, quads: &[Quad]) -> Result<PutOutcome> {
        let graph = NamedNode::new(doc_iri)
            .map_err(|e| self.storage_error(format!("bad document IRI {doc_iri}: {e}")))?;
        self.put_graph(graph.as_ref(), quads.to_vec())
    }

    fn put_graph(&self, graph: NamedNodeRef<'_>, quads: Vec<Quad>) -> Result<PutOutcome> {
        self.check_writable()?;
        let PreparedGraph {
            quads, hash_quad, ..
        } = PreparedGraph::new(graph.into_owned(), quads);
        match self.existing(graph, &hash_quad)? {
            Some(outcome) => {
                if outcome == PutOutcome::Replaced {
                    self.replace(graph, &quads)?;
                } else {
                    // (a write killed before settling its entities is completed here)
                    self.refresh_entities(described(&quads), true)?;
                }
                Ok(outcome)
            }
            None => {
                // One write batch: all of the document or nothing.
                self.inner
                    .extend(quads.iter().map(Quad::as_ref))
                    .map_err(|e| self.storage_error(e))?;
                self.refresh_entities(described(&quads), true)?;
                Ok(PutOutcome::Added)
            }
        }
    }

    fn check_writable(&self) -> Result<()> {
        if self.read_only {
            return Err(self.storage_error("opened read-only"));
        }
        Ok(())
    }

    /// `None` when the graph does not exist; `Unchanged` when it holds the same
    /// fingerprint; `Replaced` otherwise (nothing written yet).
    fn existing(&self, graph: NamedNodeRef<'_>, hash_quad: &Quad) -> Result<Option<PutOutcome>> {
        // Only this writer changes the store (RocksDB's lock keeps other
        // processes out), so reading before writing is safe.
        let exists = self
            .inner
            .contains_named_graph(graph)
            .map_err(|e| self.storage_error(e))?;
        if !exists {
            return Ok(None);
        }
        let unchanged = self
            .inner
            .contains(hash_quad.as_ref())
            .map_err(|e| self.storage_error(e))?;
        Ok(Some(if unchanged {
            PutOutcome::Unchanged
        } else {
            PutOutcome::Replaced
        }))
    }

    /// Clears `graph` and fills it with `quads`, in one transaction; then drops
    /// the descriptions of entities no document names any more.
    fn replace(&self, graph: NamedNodeRef<'_>, quads: &[Quad]) -> Result<()> {
        let before = self.mentioned_in(graph)?;
        let mut tx = self
            .inner
            .start_transaction()
            .map_err(|e| self.storage_error(e))?;
        tx.clear_graph(GraphNameRef::NamedNode(graph))
            .map_err(|e| self.storage_error(e))?;
        tx.extend(quads.iter().map(Quad::as_ref));
        tx.commit().map_err(|e| self.storage_error(e))?;
        let mut touched = described(quads);
        touched.extend(before.iter().cloned());
        self.collect_entities(before)?;
        self.refresh_entities(touched, false)
    }

    /// The entities a document graph names (`schema:mentions`).
    fn mentioned_in(&self, graph: NamedNodeRef<'_>) -> Result<Vec<NamedNode>> {
        let mentions = nn(&format!("{}mentions", vocab::SCHEMA));
        let mut out = Vec::new();
        for q in self.inner.quads_for_pattern(
            None,
            Some(mentions.as_ref()),
            None,
            Some(GraphNameRef::NamedNode(graph)),
        ) {
            if let Term::NamedNode(e) = q.map_err(|e| self.storage_error(e))?.object {
                out.push(e);
            }
        }
        Ok(out)
    }

    /// Removes the shared descriptions of `candidates` that no document names any more.
    /// Idempotent: a crash between a document's commit and this step leaves only
    /// descriptions that the next removal or replacement collects.
    fn collect_entities(&self, candidates: Vec<NamedNode>) -> Result<()> {
        let mentions = nn(&format!("{}mentions", vocab::SCHEMA));
        let entities = nn(vocab::ENTITIES_GRAPH);
        let mut tx = self
            .inner
            .start_transaction()
            .map_err(|e| self.storage_error(e))?;
        for e in candidates {
            let named = self
                .inner
                .quads_for_pattern(None, Some(mentions.as_ref()), Some(e.as_ref().into()), None)
                .next()
                .is_some();
            if named {
                continue;
            }
            let stale: Vec<Quad> = self
                .inner
                .quads_for_pattern(
                    Some(e.as_ref().into()),
                    None,
                    None,
                    Some(GraphNameRef::NamedNode(entities.as_ref())),
                )
                .collect::<std::result::Result<_, _>>()
                .map_err(|e| self.storage_error(e))?;
            for q in &stale {
                tx.remove(q.as_ref());
            }
        }
        tx.commit().map_err(|e| self.storage_error(e))
    }

    /// Recomputes the shared description of `entities`: the `rdfs:label` is
    /// [`crate::rdf::choose_label`] over the labels the documents that name the
    /// entity give it (`mg:docLabel` in each document's graph), and every other
    /// name they give (`mg:docAltLabel`, and the other labels) is a
    /// `skos:altLabel`. A person named by a surname alone in every document
    /// that names it, when the store holds exactly one fuller person whose name
    /// ends with that surname, is that person: its description is `owl:sameAs`
    /// the fuller node (no class, no label of its own). The result depends only
    /// on the set of documents stored, not on the order they came in, and
    /// removing a document takes back exactly what only it gave. Entities no
    /// document names are left to [`Store::collect_entities`].
    ///
    /// With `added_only` (documents were only added since the shared graph was
    /// last settled), the labels are read from the shared graph alone, where
    /// the new documents' labels now stand beside the old label: the label is
    /// a maximum over a set, so the maximum of those is the same, without
    /// reading every document that names the entity.
    fn refresh_entities(&self, mut entities: Vec<NamedNode>, added_only: bool) -> Result<()> {
        if entities.is_empty() {
            return Ok(());
        }
        let doc_label = nn(&format!("{}docLabel", vocab::MG));
        let doc_alt = nn(&format!("{}docAltLabel", vocab::MG));
        let label = nn(&format!("{}label", vocab::RDFS));
        let alt = nn(&format!("{}altLabel", vocab::SKOS));
        let rdf_type = nn(&format!("{}type", vocab::RDF));
        let same_as = nn(&format!("{}sameAs", vocab::OWL));
        let member_of = nn(&crate::model::Predicate::MemberOf.iri());
        let person_class = nn(&EntityClass::Person.iri());
        let shared = nn(vocab::ENTITIES_GRAPH);
        let shared_ref = GraphNameRef::NamedNode(shared.as_ref());
        let gname = GraphName::NamedNode(shared.clone());
        let class_of = |e: &NamedNode| {
            let segment = e.as_str().rsplit('/').nth(1).unwrap_or("");
            EntityClass::ALL
                .into_iter()
                .find(|c| c.segment() == segment)
                .unwrap_or(EntityClass::Agency)
        };
        // what the store holds about an entity, read in one scan: the labels the
        // documents give it (with how many give each), their other names, and its
        // description in the shared graph
        struct Held {
            labels: BTreeMap<String, usize>,
            alts: std::collections::BTreeSet<String>,
            shared: std::collections::HashSet<Quad>,
        }
        let read = |e: &NamedNode, full: bool| -> Result<Held> {
            let mut held = Held {
                labels: BTreeMap::new(),
                alts: std::collections::BTreeSet::new(),
                shared: std::collections::HashSet::new(),
            };
            let graph = (!full).then_some(shared_ref);
            for q in self
                .inner
                .quads_for_pattern(Some(e.as_ref().into()), None, None, graph)
            {
                let q = q.map_err(|e| self.storage_error(e))?;
                let value = match &q.object {
                    Term::Literal(l) => Some(l.value().to_string()),
                    _ => None,
                };
                if q.graph_name == gname {
                    if !full {
                        if let Some(v) = value.clone() {
                            if q.predicate == label {
                                held.labels.insert(v, 1);
                            } else if q.predicate == alt {
                                held.alts.insert(v);
                            }
                        }
                    }
                    if q.predicate == rdf_type
                        || q.predicate == label
                        || q.predicate == alt
                        || q.predicate == same_as
                    {
                        held.shared.insert(q);
                    }
                } else if let Some(v) = value {
                    if q.predicate == doc_label {
                        *held.labels.entry(v).or_default() += 1;
                    } else if q.predicate == doc_alt {
                        held.alts.insert(v);
                    }
                }
            }
            Ok(held)
        };
        // a person named by a surname alone (or joined to a fuller one) is settled
        // from all the documents that name it
        let read = |e: &NamedNode| -> Result<Held> {
            let h = read(e, !added_only)?;
            let alias = class_of(e) == EntityClass::Person
                && (h.labels.keys().all(|l| l.split_whitespace().count() == 1)
                    || h.shared.iter().any(|q| q.predicate == same_as));
            if added_only && alias {
                read(e, true)
            } else {
                Ok(h)
            }
        };
        entities.sort();
        entities.dedup();
        let mut held: BTreeMap<NamedNode, Held> = BTreeMap::new();
        for e in entities {
            let h = read(&e)?;
            held.insert(e, h);
        }
        // a fuller person touched may join or leave the surname-only node of its surname
        let mut extra = Vec::new();
        for (e, h) in &held {
            if class_of(e) != EntityClass::Person {
                continue;
            }
            for l in h.labels.keys() {
                if l.split_whitespace().count() > 1 {
                    let surname = crate::extract::mentions::surname(l);
                    if let Some((prefix, _)) = e.as_str().rsplit_once('/') {
                        extra.push(nn(&format!("{prefix}/{}", crate::rdf::slug(surname))));
                    }
                }
            }
        }
        extra.sort();
        extra.dedup();
        for e in extra {
            if let std::collections::btree_map::Entry::Vacant(slot) = held.entry(e) {
                let h = read(slot.key())?;
                slot.insert(h);
            }
        }
        // the people of the store, by IRI (built once, when needed)
        let mut people: Option<Vec<String>> = None;
        let mut tx = self
            .inner
            .start_transaction()
            .map_err(|e| self.storage_error(e))?;
        for (e, h) in held {
            let Held {
                labels,
                mut alts,
                shared: have,
            } = h;
            if labels.is_empty() {
                // named by no document, or stored before documents gave their names
                continue;
            }
            let class = class_of(&e);
            let mut want: Vec<(NamedNode, Term)> = Vec::new();
            let mut joined = None;
            let surname_only = labels.keys().all(|l| l.split_whitespace().count() == 1);
            if class == EntityClass::Person && surname_only {
                if people.is_none() {
                    let mut all = Vec::new();
                    for q in self.inner.quads_for_pattern(
                        None,
                        Some(rdf_type.as_ref()),
                        Some(person_class.as_ref().into()),
                        Some(shared_ref),
                    ) {
                        if let NamedOrBlankNode::NamedNode(n) =
                            q.map_err(|e| self.storage_error(e))?.subject
                        {
                            all.push(n.into_string());
                        }
                    }
                    people = Some(all);
                }
                if let Some((prefix, last)) = e.as_str().rsplit_once('/') {
                    let tail = format!("-{last}");
                    let fuller: Vec<&String> = people
                        .iter()
                        .flatten()
                        .filter(|p| {
                            p.strip_prefix(prefix)
                                .is_some_and(|rest| rest.starts_with('/') && rest.ends_with(&tail))
                        })
                        .collect();
                    joined = one_fuller(&fuller, prefix.len() + 1, tail.len()).map(nn);
                    // several: the one the documents name far more often than
                    // all the others together ("Mayorkas": Alejandro N.
                    // Mayorkas in 38 documents, Ali Mayorkas in 1)
                    if joined.is_none() && fuller.len() > 1 {
                        let mut counted = Vec::with_capacity(fuller.len());
                        for c in &fuller {
                            let c = nn(c);
                            let mut graphs = std::collections::HashSet::new();
                            for q in self.inner.quads_for_pattern(
                                Some(c.as_ref().into()),
                                Some(doc_label.as_ref()),
                                None,
                                None,
                            ) {
                                graphs.insert(q.map_err(|e| self.storage_error(e))?.graph_name);
                            }
                            counted.push((c.into_string(), graphs.len()));
                        }
                        joined = dominant_fuller(&counted).map(nn);
                    }
                    // still several: the one who belongs to a body the surname
                    // belongs to ("Representative Raskin", a member of the House,
                    // is the Raskin who is, not the Raskin of the Federal Reserve)
                    if joined.is_none() && fuller.len() > 1 {
                        let bodies = |n: &NamedNode| -> Result<BTreeSet<String>> {
                            let mut out = BTreeSet::new();
                            for q in self.inner.quads_for_pattern(
                                Some(n.as_ref().into()),
                                Some(member_of.as_ref()),
                                None,
                                None,
                            ) {
                                if let Term::NamedNode(o) =
                                    q.map_err(|e| self.storage_error(e))?.object
                                {
                                    out.insert(o.into_string());
                                }
                            }
                            Ok(out)
                        };
                        let mine = bodies(&e)?;
                        if !mine.is_empty() {
                            let mut theirs = Vec::with_capacity(fuller.len());
                            for c in &fuller {
                                theirs.push((c.to_string(), bodies(&nn(c))?));
                            }
                            joined = fuller_sharing_a_body(&mine, &theirs).map(nn);
                        }
                    }
                }
            }
            match joined {
                Some(f) => want.push((same_as.clone(), f.into())),
                None => {
                    let Some(chosen) = crate::rdf::choose_label(labels.keys().map(String::as_str))
                        .map(str::to_string)
                    else {
                        continue;
                    };
                    alts.extend(labels.into_keys());
                    alts.remove(&chosen);
                    want.push((rdf_type.clone(), nn(&class.iri()).into()));
                    want.push((label.clone(), Literal::new_simple_literal(chosen).into()));
                    for a in alts {
                        want.push((alt.clone(), Literal::new_simple_literal(a).into()));
                    }
                }
            }
            let want: std::collections::HashSet<Quad> = want
                .into_iter()
                .map(|(p, o)| Quad::new(e.clone(), p, o, gname.clone()))
                .collect();
            for q in have.difference(&want) {
                tx.remove(q.as_ref());
            }
            for q in want.difference(&have) {
                tx.insert(q.as_ref());
            }
        }
        tx.commit().map_err(|e| self.storage_error(e))
    }

    /// A writer that stores many documents fast: new documents are gathered
    /// and written with oxigraph's bulk loader, whose commit is atomic, so
    /// each document is still either fully present or absent after a crash.
    /// Call [`BatchWriter::flush`] at the end.
    /// New documents are written (and committed) once `max_quads` quads are gathered.
    pub fn batch_writer(&self, max_quads: usize) -> BatchWriter<'_> {
        self.batch_writer_with(BatchOptions {
            batch_quads: max_quads,
            commit_quads: max_quads,
            ..BatchOptions::default()
        })
    }

    /// A [`Store::batch_writer`] with every setting given.
    pub fn batch_writer_with(&self, options: BatchOptions) -> BatchWriter<'_> {
        BatchWriter {
            store: self,
            options: BatchOptions {
                batch_quads: options.batch_quads.max(1),
                commit_quads: options.commit_quads.max(1),
                loader_threads: options.loader_threads.max(1),
            },
            loader: None,
            pending: Vec::new(),
            uncommitted: std::collections::HashSet::new(),
            fresh: self.holds_no_document(),
            added: std::collections::HashSet::new(),
            shared: std::collections::HashSet::new(),
            loaded: 0,
            touched: Vec::new(),
        }
    }

    /// Whether no graph but the ontology's is stored (false when unsure).
    fn holds_no_document(&self) -> bool {
        let mut graphs = self.inner.named_graphs();
        graphs.all(|g| {
            matches!(g, Ok(NamedOrBlankNode::NamedNode(n)) if n.as_str() == vocab::ONTOLOGY_GRAPH)
        })
    }

    /// Removes documents: `doc` is a document IRI, a source as given at ingest
    /// (`data/examples/a.txt`, `corpus.jsonl#id`), or a folder or JSON Lines
    /// file whose documents are all removed. Each document's graph is dropped
    /// in one transaction; then the shared descriptions of entities that no
    /// remaining document names are dropped.
    /// Returns the removed document IRIs; fails when nothing matches.
    pub fn remove(&self, doc: &str) -> Result<Vec<String>> {
        let docs = self.documents()?;
        let want = normalize_source(doc);
        let matches: Vec<String> = docs
            .into_iter()
            .filter(|d| {
                d.iri == doc
                    || d.source.as_deref().is_some_and(|s| {
                        let s = normalize_source(s);
                        s == want
                            || s.strip_prefix(want.as_str())
                                .is_some_and(|rest| rest.starts_with(['/', '#']))
                    })
            })
            .map(|d| d.iri)
            .collect();
        if matches.is_empty() {
            return Err(Error::Other(format!(
                "{doc}: no such document in store {}",
                self.name()
            )));
        }
        let mut named = Vec::new();
        for iri in &matches {
            named.extend(self.mentioned_in(nn(iri).as_ref())?);
        }
        let mut tx = self
            .inner
            .start_transaction()
            .map_err(|e| self.storage_error(e))?;
        for iri in &matches {
            tx.remove_named_graph(nn(iri).as_ref())
                .map_err(|e| self.storage_error(e))?;
        }
        tx.commit().map_err(|e| self.storage_error(e))?;
        named.sort();
        named.dedup();
        self.collect_entities(named.clone())?;
        self.refresh_entities(named, false)?;
        Ok(matches)
    }

    /// Every document, sorted by source then IRI.
    pub fn documents(&self) -> Result<Vec<DocumentInfo>> {
        let title = nn(&format!("{}title", vocab::DCTERMS));
        let date = nn(&format!("{}date", vocab::DCTERMS));
        let source = nn(&format!("{}source", vocab::DCTERMS));
        // Counting in SPARQL works on encoded terms: much faster than decoding every quad.
        let mut counts = std::collections::HashMap::new();
        if let QueryResults::Solutions(rows) =
            self.query("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")?
        {
            for row in rows {
                let row = row.map_err(|e| Error::Sparql(e.to_string()))?;
                if let (Some(Term::NamedNode(g)), Some(Term::Literal(n))) =
                    (row.get("g"), row.get("n"))
                {
                    counts.insert(
                        g.as_str().to_string(),
                        n.value().parse::<usize>().unwrap_or(0),
                    );
                }
            }
        }
        let mut out = Vec::new();
        for g in self.inner.named_graphs() {
            let g = g.map_err(|e| self.storage_error(e))?;
            let NamedOrBlankNode::NamedNode(g) = g else {
                continue;
            };
            if !vocab::is_document_graph(g.as_str()) {
                continue;
            }
            let gname = GraphNameRef::NamedNode(g.as_ref());
            let value = |p: &NamedNode| -> Result<Option<String>> {
                match self
                    .inner
                    .quads_for_pattern(Some(g.as_ref().into()), Some(p.as_ref()), None, Some(gname))
                    .next()
                {
                    Some(q) => Ok(match q.map_err(|e| self.storage_error(e))?.object {
                        Term::Literal(l) => Some(l.value().to_string()),
                        other => Some(other.to_string()),
                    }),
                    None => Ok(None),
                }
            };
            let triples = counts.get(g.as_str()).copied().unwrap_or(0);
            out.push(DocumentInfo {
                title: value(&title)?,
                date: value(&date)?,
                source: value(&source)?,
                iri: g.into_string(),
                triples,
            });
        }
        out.sort_by(|a, b| (&a.source, &a.iri).cmp(&(&b.source, &b.iri)));
        Ok(out)
    }

    /// Counts per class and per predicate.
    pub fn stats(&self) -> Result<Stats> {
        let mut stats = Stats::default();
        let ont = vocab::ONTOLOGY_GRAPH;
        for g in self.inner.named_graphs() {
            let g = g.map_err(|e| self.storage_error(e))?;
            if matches!(&g, NamedOrBlankNode::NamedNode(n) if n.as_str() == ont || !vocab::is_document_graph(n.as_str()))
            {
                continue;
            }
            stats.documents += 1;
        }
        let count = |q: &str| -> Result<BTreeMap<String, usize>> {
            let mut out = BTreeMap::new();
            if let QueryResults::Solutions(rows) = self.query(q)? {
                for row in rows {
                    let row = row.map_err(|e| Error::Sparql(e.to_string()))?;
                    if let (Some(Term::NamedNode(k)), Some(Term::Literal(n))) =
                        (row.get("k"), row.get("n"))
                    {
                        out.insert(k.as_str().to_string(), n.value().parse().unwrap_or(0));
                    }
                }
            }
            Ok(out)
        };
        stats.classes = count(&format!(
            "SELECT ?k (COUNT(DISTINCT ?e) AS ?n) WHERE {{ GRAPH ?g {{ ?e a ?k }} FILTER(?g != <{ont}>) }} GROUP BY ?k"
        ))?;
        stats.predicates = count(&format!(
            "SELECT ?k (COUNT(*) AS ?n) WHERE {{ SELECT DISTINCT ?s ?k ?o WHERE {{ GRAPH ?g {{ ?s ?k ?o }} FILTER(?g != <{ont}>) }} }} GROUP BY ?k"
        ))?;
        let total = self.inner.len().map_err(|e| self.storage_error(e))?;
        let ontology = self
            .inner
            .quads_for_pattern(
                None,
                None,
                None,
                Some(GraphNameRef::NamedNode(nn(ont).as_ref())),
            )
            .count();
        stats.quads = total.saturating_sub(ontology);
        Ok(stats)
    }

    /// Runs a SPARQL query over the union of all graphs. The schema's prefixes
    /// (`mg:`, `org:`, `dcterms:`, `schema:`, `skos:`, `rdfs:`, `rdf:`,
    /// `prov:`, `xsd:`, `owl:`) are predeclared. A SPARQL update is refused
    /// with [`Error::UpdateInQuery`]; a syntax error names its line and column.
    pub fn query(&self, query: &str) -> Result<QueryResults<'static>> {
        let prepared = match evaluator()?.parse_query(query) {
            Ok(p) => p,
            Err(e) => {
                if evaluator()?.parse_update(query).is_ok() {
                    return Err(Error::UpdateInQuery);
                }
                return Err(syntax_error("query", query, &e.to_string()));
            }
        };
        let mut prepared = prepared;
        prepared.dataset_mut().set_default_graph_as_union();
        prepared
            .on_store(&self.inner)
            .execute()
            .map_err(|e| Error::Sparql(format!("query failed: {e}")))
    }

    /// Runs a SPARQL update. Without a `GRAPH` clause it reads and writes the
    /// default graph, not document graphs. A query is refused with [`Error::QueryInUpdate`].
    pub fn update(&self, update: &str) -> Result<()> {
        if self.read_only {
            return Err(self.storage_error("opened read-only"));
        }
        let prepared = match evaluator()?.parse_update(update) {
            Ok(p) => p,
            Err(e) => {
                if evaluator()?.parse_query(update).is_ok() {
                    return Err(Error::QueryInUpdate);
                }
                return Err(syntax_error("update", update, &e.to_string()));
            }
        };
        prepared
            .on_store(&self.inner)
            .execute()
            .map_err(|e| Error::Sparql(format!("update failed: {e}")))
    }
}

/// The default number of quads of new documents a [`BatchWriter`] gathers
/// before it hands them to the bulk loader (which sorts and writes them to
/// files on its own thread while the next batch is gathered).
/// (Measured on the perf corpus, 1.75 M quads, 2 cores: 300 k quads with
/// two loader threads ingest fastest under 1 GiB of memory; larger batches
/// cost memory, smaller ones leave more files for RocksDB to compact.)
pub const BATCH_QUADS: usize = 300_000;

/// The default number of quads of new documents after which a [`BatchWriter`]
/// commits what it has loaded (one atomic step, whatever the number of
/// batches). Each commit adds files that RocksDB compacts in the background,
/// which on the perf corpus cost a fifth of the CPU time at one commit per
/// 200 k quads: a corpus of up to 4 M quads is committed once, at the end.
pub const COMMIT_QUADS: usize = 4_000_000;

/// The default number of bulk-loader threads of a [`BatchWriter`] (each
/// sorts and writes one batch while the writer gathers the next).
pub const LOADER_THREADS: usize = 2;

/// How a [`BatchWriter`] groups new documents (see [`Store::batch_writer_with`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BatchOptions {
    /// Quads handed to the bulk loader at a time.
    pub batch_quads: usize,
    /// Quads loaded between two commits (at least one batch is committed at a time).
    pub commit_quads: usize,
    /// Bulk-loader threads: batches sorted and written at the same time.
    pub loader_threads: usize,
}

impl Default for BatchOptions {
    fn default() -> Self {
        Self {
            batch_quads: BATCH_QUADS,
            commit_quads: COMMIT_QUADS,
            loader_threads: LOADER_THREADS,
        }
    }
}

/// The quads of one document's graph ready to store: each in the document's
/// graph (or in the shared entities graph), followed by the graph's
/// fingerprint quad (`mg:graphHash`), with the entities it describes.
/// Building it is the costly part of storing a document, and needs no store:
/// ingest builds it on the extraction threads.
#[derive(Debug, Clone)]
pub struct PreparedGraph {
    graph: NamedNode,
    quads: Vec<Quad>,
    hash_quad: Quad,
    described: Vec<NamedNode>,
}

impl PreparedGraph {
    /// Puts `quads` in `graph` (those of the shared entities graph stay there)
    /// and fingerprints them. Takes the quads by value and fixes their graph
    /// in place: a large document's quads are not held twice.
    pub fn new(graph: NamedNode, quads: Vec<Quad>) -> Self {
        let gname = GraphName::NamedNode(graph.clone());
        let entities = GraphName::NamedNode(nn(vocab::ENTITIES_GRAPH));
        let mut out = quads;
        out.reserve(1);
        let mut hasher = sha2::Sha256::new();
        let mut line = String::new();
        for q in &mut out {
            rehome(q, &gname, &entities);
            line.clear();
            // (written into one reused buffer: no string per quad)
            use std::fmt::Write as _;
            let _ = write!(line, "{q}");
            hasher.update(line.as_bytes());
            hasher.update(b"\n");
        }
        Self::finish(graph, out, hasher)
    }

    /// [`PreparedGraph::new`] for quads given with their N-Quads lines (without
    /// the final ` .`), as [`crate::rdf::QuadWriter::nquads`] builds them: the
    /// fingerprint is taken over those lines, not over lines written again.
    pub fn from_nquads(graph: NamedNode, nquads: Vec<(String, Quad)>) -> Self {
        let gname = GraphName::NamedNode(graph.clone());
        let entities = GraphName::NamedNode(nn(vocab::ENTITIES_GRAPH));
        let mut out = Vec::with_capacity(nquads.len() + 1);
        let mut hasher = sha2::Sha256::new();
        for (line, mut q) in nquads {
            if rehome(&mut q, &gname, &entities) {
                hasher.update(crate::rdf::nquad_string(&q).as_bytes());
            } else {
                hasher.update(line.as_bytes());
            }
            hasher.update(b"\n");
            out.push(q);
        }
        Self::finish(graph, out, hasher)
    }

    fn finish(graph: NamedNode, mut quads: Vec<Quad>, hasher: sha2::Sha256) -> Self {
        let mut fingerprint = String::with_capacity(71);
        fingerprint.push_str("sha256:");
        for b in hasher.finalize() {
            fingerprint.push_str(&format!("{b:02x}"));
        }
        let hash_quad = Quad::new(
            graph.clone(),
            NamedNode::new_unchecked(GRAPH_HASH),
            Literal::new_simple_literal(fingerprint),
            graph.clone(),
        );
        quads.push(hash_quad.clone());
        let described = described(&quads);
        Self {
            graph,
            quads,
            hash_quad,
            described,
        }
    }

    /// The graph's name (the document's IRI).
    pub fn graph(&self) -> &NamedNode {
        &self.graph
    }

    /// The quads to store, the fingerprint last.
    pub fn quads(&self) -> &[Quad] {
        &self.quads
    }
}

/// Puts a quad in the document's graph `gname` unless it is there or in the
/// shared `entities` graph; whether it moved.
fn rehome(q: &mut Quad, gname: &GraphName, entities: &GraphName) -> bool {
    let moved = q.graph_name != *gname && q.graph_name != *entities;
    if moved {
        q.graph_name = gname.clone();
    }
    moved
}

/// Stores documents in input order, bulk-loading new ones in atomic batches
/// (see [`Store::batch_writer`]).
pub struct BatchWriter<'a> {
    store: &'a Store,
    options: BatchOptions,
    /// The bulk load under way (its batches are committed together).
    loader: Option<oxigraph::store::BulkLoader<'a>>,
    /// New documents' quads not yet handed to the loader.
    pending: Vec<Quad>,
    /// The graphs of the new documents not yet committed.
    uncommitted: std::collections::HashSet<NamedNode>,
    /// Whether the store held no document when the writer was made: a
    /// document then is new unless this writer added it already.
    fresh: bool,
    /// Hashes of the IRIs of the documents this writer added (a hash seen
    /// again, even by collision, means only that the store is asked).
    added: std::collections::HashSet<u64>,
    /// The quads of the shared entities graph handed to the loader since the
    /// last replacement: a later document's copy of one is not loaded again
    /// (an earlier or the same commit writes it).
    shared: std::collections::HashSet<Quad>,
    /// Quads handed to the loader since the last commit.
    loaded: usize,
    /// Entities described by the documents stored so far, settled at [`BatchWriter::flush`].
    touched: Vec<NamedNode>,
}

impl std::fmt::Debug for BatchWriter<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BatchWriter")
            .field("store", &self.store)
            .field("options", &self.options)
            .field("pending_quads", &self.pending.len())
            .field("loaded_quads", &self.loaded)
            .finish()
    }
}

impl<'a> BatchWriter<'a> {
    /// Stores one document, like [`Store::put_document`]. A new document
    /// (`Added`) may be written only at a later call or at [`BatchWriter::flush`].
    pub fn put_document(&mut self, doc_iri: &str, quads: Vec<Quad>) -> Result<PutOutcome> {
        let graph = NamedNode::new(doc_iri).map_err(|e| {
            self.store
                .storage_error(format!("bad document IRI {doc_iri}: {e}"))
        })?;
        self.put_prepared(PreparedGraph::new(graph, quads))
    }

    /// Stores one document whose graph is prepared (see [`PreparedGraph`]):
    /// all this does is look its fingerprint up and hand its quads to the
    /// store. A new document (`Added`) may be written only at a later call or
    /// at [`BatchWriter::flush`].
    pub fn put_prepared(&mut self, doc: PreparedGraph) -> Result<PutOutcome> {
        let store = self.store;
        store.check_writable()?;
        if self.uncommitted.contains(&doc.graph) {
            // The same document twice in one run: the later one wins.
            self.commit()?;
        }
        let PreparedGraph {
            graph,
            quads,
            hash_quad,
            described,
        } = doc;
        let key = {
            use std::hash::{BuildHasher, BuildHasherDefault};
            BuildHasherDefault::<std::hash::DefaultHasher>::default().hash_one(graph.as_str())
        };
        let existing = if self.fresh && !self.added.contains(&key) {
            None
        } else {
            store.existing(graph.as_ref(), &hash_quad)?
        };
        match existing {
            Some(PutOutcome::Replaced) => {
                // (the documents before it first: the store changes in input order)
                self.commit()?;
                self.shared.clear();
                store.replace(graph.as_ref(), &quads)?;
                Ok(PutOutcome::Replaced)
            }
            Some(outcome) => {
                // (settled again at the end: a run killed after loading it, before
                // settling its entities, is completed by the next run)
                self.touched.extend(described);
                Ok(outcome)
            }
            None => {
                if self.pending.is_empty() {
                    self.pending.reserve(self.options.batch_quads + quads.len());
                }
                let entities = GraphName::NamedNode(nn(vocab::ENTITIES_GRAPH));
                for q in quads {
                    if q.graph_name == entities {
                        if self.shared.contains(&q) {
                            continue;
                        }
                        self.shared.insert(q.clone());
                    }
                    self.pending.push(q);
                }
                self.touched.extend(described);
                self.uncommitted.insert(graph);
                self.added.insert(key);
                if self.pending.len() >= self.options.batch_quads {
                    self.load()?;
                    if self.loaded >= self.options.commit_quads {
                        self.commit()?;
                    }
                }
                Ok(PutOutcome::Added)
            }
        }
    }

    /// Writes the gathered new documents (one atomic commit), then settles
    /// the shared names of every entity the documents stored by this writer
    /// name (see [`Store::refresh_entities`]). Until then an entity may show the
    /// labels of several documents.
    pub fn flush(&mut self) -> Result<()> {
        self.commit()?;
        let touched = std::mem::take(&mut self.touched);
        self.store.refresh_entities(touched, true)
    }

    /// Hands the gathered new documents to the bulk loader, which sorts and
    /// writes them on its own thread; a call waits only while the loader's
    /// threads are all busy with earlier batches.
    fn load(&mut self) -> Result<()> {
        if self.pending.is_empty() {
            return Ok(());
        }
        let store = self.store;
        self.touched.sort_unstable();
        self.touched.dedup();
        let options = self.options;
        let loader = self.loader.get_or_insert_with(|| {
            // (room for a batch and the document that overflows it: the
            // loader splits what goes over, and would write a small batch more)
            let batch_mb = (2 * options.batch_quads).div_ceil(1000);
            store
                .inner
                .bulk_loader()
                .with_num_threads(options.loader_threads)
                .with_max_memory_size_in_megabytes(batch_mb * options.loader_threads)
        });
        self.loaded += self.pending.len();
        loader
            .load_quads(self.pending.drain(..))
            .map_err(|e| store.storage_error(e))
    }

    /// Loads what is gathered and commits the bulk load under way: every
    /// document loaded since the last commit appears at once.
    fn commit(&mut self) -> Result<()> {
        self.load()?;
        if let Some(loader) = self.loader.take() {
            loader.commit().map_err(|e| self.store.storage_error(e))?;
        }
        self.loaded = 0;
        self.uncommitted.clear();
        Ok(())
    }
}

/// The entities that quads describe in the shared entities graph.
/// The one fuller person a surname-only node is (see [`Store::refresh_entities`]):
/// the only candidate, or, among several whose first names are short and long
/// forms of one name ("chris-coons", "christopher-coons": each a prefix of the
/// longest, of three letters at least), the one with the longest first name.
/// `skip` and `tail` are the lengths of the IRIs' prefix and surname part.
/// Depends only on the set of candidates.
fn one_fuller<'a>(candidates: &[&'a String], skip: usize, tail: usize) -> Option<&'a str> {
    let first = |c: &'a str| c.get(skip..c.len().saturating_sub(tail)).unwrap_or("");
    let longest = candidates
        .iter()
        .map(|c| c.as_str())
        .max_by(|a, b| first(a).len().cmp(&first(b).len()).then_with(|| b.cmp(a)))?;
    if candidates.len() == 1 {
        return Some(longest);
    }
    let l = first(longest);
    candidates
        .iter()
        .all(|c| {
            let f = first(c);
            f.len() >= 3 && !f.contains('-') && l.starts_with(f) && !l.contains('-')
        })
        .then_some(longest)
}

/// Among several fuller people a surname alone may stand for, with the
/// number of documents that name each: the one named by at least
/// [`DOMINANT_MIN_DOCS`] documents and [`DOMINANT_RATIO`] times as many as all
/// the others together (ties broken by IRI, so the choice depends only on the
/// store's documents).
fn dominant_fuller(candidates: &[(String, usize)]) -> Option<&str> {
    let (best, n) = candidates
        .iter()
        .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0)))?;
    let others: usize = candidates.iter().map(|c| c.1).sum::<usize>() - n;
    (*n >= DOMINANT_MIN_DOCS && *n >= DOMINANT_RATIO * others.max(1)).then_some(best.as_str())
}

/// Among several fuller people a surname alone may stand for, with the bodies
/// each is a member of: the only one who is a member of a body the surname
/// is a member of (`mine`), if exactly one is.
fn fuller_sharing_a_body<'a>(
    mine: &BTreeSet<String>,
    candidates: &'a [(String, BTreeSet<String>)],
) -> Option<&'a str> {
    let mut sharing = candidates
        .iter()
        .filter(|(_, bodies)| !bodies.is_disjoint(mine));
    let one = sharing.next()?;
    sharing.next().is_none().then_some(one.0.as_str())
}

/// See [`dominant_fuller`].
const DOMINANT_MIN_DOCS: usize = 5;
/// See [`dominant_fuller`].
const DOMINANT_RATIO: usize = 4;

fn described(quads: &[Quad]) -> Vec<NamedNode> {
    let shared = GraphName::NamedNode(nn(vocab::ENTITIES_GRAPH));
    let mut out: Vec<NamedNode> = quads
        .iter()
        .filter(|q| q.graph_name == shared)
        .filter_map(|q| match &q.subject {
            NamedOrBlankNode::NamedNode(n) => Some(n.clone()),
            _ => None,
        })
        .collect();
    out.sort();
    out.dedup();
    out
}

/// A SPARQL evaluator with the schema's prefixes predeclared.
fn evaluator() -> Result<SparqlEvaluator> {
    let mut ev = SparqlEvaluator::new();
    for (p, ns) in [
        ("mg", vocab::MG),
        ("org", vocab::ORG),
        ("dcterms", vocab::DCTERMS),
        ("schema", vocab::SCHEMA),
        ("skos", vocab::SKOS),
        ("rdfs", vocab::RDFS),
        ("rdf", vocab::RDF),
        ("prov", vocab::PROV),
        ("xsd", vocab::XSD),
        ("owl", vocab::OWL),
    ] {
        ev = ev
            .with_prefix(p, ns)
            .map_err(|e| Error::Other(format!("prefix {p}: {e}")))?;
    }
    Ok(ev)
}

/// Turns oxigraph's `error at L:C: expected ...` into a message with the line,
/// the column and the offending line with a caret under the column.
pub fn syntax_error(what: &str, text: &str, message: &str) -> Error {
    let position = message.strip_prefix("error at ").and_then(|rest| {
        let (pos, expected) = rest.split_once(": ")?;
        let (l, c) = pos.split_once(':')?;
        Some((l.parse::<usize>().ok()?, c.parse::<usize>().ok()?, expected))
    });
    match position {
        Some((line, column, expected)) => {
            let mut msg =
                format!("malformed SPARQL {what} at line {line}, column {column}: {expected}");
            if let Some(src) = text.lines().nth(line.saturating_sub(1)) {
                let gutter = format!("{line} | ");
                msg.push_str(&format!(
                    "\n  {gutter}{src}\n  {}^",
                    " ".repeat(gutter.len() + column.saturating_sub(1))
                ));
            }
            Error::Sparql(msg)
        }
        None => Error::Sparql(format!("malformed SPARQL {what}: {message}")),
    }
}

fn normalize_source(s: &str) -> String {
    let mut s = s.trim_end_matches('/');
    while let Some(rest) = s.strip_prefix("./") {
        s = rest;
    }
    s.to_string()
}

fn check_exists(dir: &Path) -> Result<()> {
    if dir.join("CURRENT").is_file() {
        return Ok(());
    }
    Err(Error::Store {
        path: dir.display().to_string(),
        message: "no memograph store here (create one with `memograph ingest --store DIR PATH...`)"
            .into(),
    })
}

fn open_error(dir: &Path, message: &str) -> Error {
    let lower = message.to_ascii_lowercase();
    if lower.contains("lock")
        && (lower.contains("resource temporarily unavailable")
            || lower.contains("lock hold")
            || lower.contains("no locks available")
            || lower.contains("while lock"))
    {
        return Error::StoreInUse {
            path: dir.display().to_string(),
        };
    }
    Error::Store {
        path: dir.display().to_string(),
        message: message.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(s: &str, p: &str, o: Term, g: &str) -> Quad {
        Quad::new(nn(s), nn(p), o, GraphName::NamedNode(nn(g)))
    }

    #[test]
    fn ontology_is_loaded_once() {
        let store = Store::memory().unwrap();
        assert!(!store.ensure_ontology().unwrap(), "second load is a no-op");
        let ask = format!(
            "ASK {{ GRAPH <{}> {{ mg:Agency rdfs:label ?l ; rdfs:comment ?c }} }}",
            vocab::ONTOLOGY_GRAPH
        );
        assert!(matches!(
            store.query(&ask).unwrap(),
            QueryResults::Boolean(true)
        ));
        for class in [
            "Agency",
            "Organization",
            "Person",
            "Memo",
            "Policy",
            "Document",
        ] {
            let ask = format!("ASK {{ mg:{class} a owl:Class ; rdfs:label ?l ; rdfs:comment ?c }}");
            assert!(
                matches!(store.query(&ask).unwrap(), QueryResults::Boolean(true)),
                "{class}"
            );
        }
        for p in crate::model::Predicate::ALL {
            let ask = format!("ASK {{ <{}> rdfs:label ?l ; rdfs:comment ?c }}", p.iri());
            assert!(
                matches!(store.query(&ask).unwrap(), QueryResults::Boolean(true)),
                "{}",
                p.curie()
            );
        }
        assert_eq!(
            store.documents().unwrap(),
            vec![],
            "the ontology is not a document"
        );
    }

    #[test]
    fn put_document_adds_skips_and_replaces_atomically() {
        let store = Store::memory().unwrap();
        let g = "https://w3id.org/memograph/id/doc/a-1";
        let title = format!("{}title", vocab::DCTERMS);
        let v1 = vec![q(g, &title, Literal::new_simple_literal("one").into(), g)];
        assert_eq!(store.put_document(g, &v1).unwrap(), PutOutcome::Added);
        assert_eq!(store.put_document(g, &v1).unwrap(), PutOutcome::Unchanged);
        let v2 = vec![q(g, &title, Literal::new_simple_literal("two").into(), g)];
        assert_eq!(store.put_document(g, &v2).unwrap(), PutOutcome::Replaced);
        let docs = store.documents().unwrap();
        assert_eq!(docs.len(), 1);
        assert_eq!(docs[0].title.as_deref(), Some("two"), "old content is gone");
        assert_eq!(docs[0].triples, 2, "the title and the graph's hash");
        assert_eq!(store.remove(g).unwrap(), vec![g.to_string()]);
        assert!(store.documents().unwrap().is_empty());
        assert!(
            store.remove(g).is_err(),
            "removing a missing document is an error"
        );
    }

    /// The shared entities graph as sorted N-Quads lines.
    fn shared_graph(store: &Store) -> Vec<String> {
        let mut out: Vec<String> = store
            .inner
            .quads_for_pattern(
                None,
                None,
                None,
                Some(GraphNameRef::NamedNode(nn(vocab::ENTITIES_GRAPH).as_ref())),
            )
            .map(|q| q.unwrap().to_string())
            .collect();
        out.sort();
        out
    }

    #[test]
    fn shared_names_do_not_depend_on_order_and_removal_is_exact() {
        use crate::model::Document;
        let ex = crate::extract::Extractor::new();
        let w = crate::rdf::QuadWriter::default();
        let docs: Vec<Document> = [
            (
                "a.txt",
                "Walter Ellison, the Secretary of Labor, spoke on Monday.",
            ),
            (
                "b.txt",
                "Secretary of Labor Walter J. Ellison, Jr. signed the order.",
            ),
            ("c.txt", "The Honorable Walter James Ellison Jr. testified."),
        ]
        .iter()
        .map(|(src, text)| Document::from_text(*src, *text))
        .collect();
        let put = |store: &Store, d: &Document| {
            store
                .put_document(&w.document_iri(d), &w.quads(d, &ex.extract(d)))
                .unwrap();
        };
        // (case, order of documents put one at a time)
        let orders: &[(&str, &[usize])] = &[
            ("in order", &[0, 1, 2]),
            ("reversed", &[2, 1, 0]),
            ("shuffled", &[1, 2, 0]),
        ];
        let mut seen = Vec::new();
        for (case, order) in orders {
            let store = Store::memory().unwrap();
            for &i in *order {
                put(&store, &docs[i]);
            }
            let shared = shared_graph(&store);
            let labels: Vec<&String> = shared
                .iter()
                .filter(|l| l.contains("#label>") && l.contains("/person/"))
                .collect();
            assert_eq!(labels.len(), 1, "{case}: one label: {shared:?}");
            assert!(
                labels[0].contains("\"Walter James Ellison Jr.\""),
                "{case}: {shared:?}"
            );
            seen.push(shared);
        }
        assert!(
            seen.windows(2).all(|p| p[0] == p[1]),
            "same shared graph in every order"
        );
        // a batch writer gives the same
        let store = Store::memory().unwrap();
        let mut batch = store.batch_writer(BATCH_QUADS);
        for d in &docs {
            batch
                .put_document(&w.document_iri(d), w.quads(d, &ex.extract(d)))
                .unwrap();
        }
        batch.flush().unwrap();
        assert_eq!(shared_graph(&store), seen[0], "bulk load");
        // removing a document gives what the others alone give
        store.remove("c.txt").unwrap();
        let only = Store::memory().unwrap();
        put(&only, &docs[0]);
        put(&only, &docs[1]);
        assert_eq!(shared_graph(&store), shared_graph(&only), "remove is exact");
        assert!(shared_graph(&only)
            .iter()
            .any(|l| l.contains("#label>") && l.contains("\"Walter J. Ellison Jr.\"")));
    }

    /// Every quad of a store, as sorted N-Quads lines.
    fn all_quads(store: &Store) -> Vec<String> {
        let mut out: Vec<String> = store.inner.iter().map(|q| q.unwrap().to_string()).collect();
        out.sort();
        out
    }

    #[test]
    fn batch_writer_stores_what_single_puts_store() {
        use crate::model::Document;
        let ex = crate::extract::Extractor::new();
        let w = crate::rdf::QuadWriter::default();
        let texts = [
            (
                "a.txt",
                "Walter Ellison, the Secretary of Labor, spoke on Monday.",
            ),
            (
                "b.txt",
                "Secretary of Labor Walter J. Ellison, Jr. signed the order.",
            ),
            (
                "c.txt",
                "The Department of Labor and the Department of Homeland Security met.",
            ),
            (
                "d.txt",
                "The Honorable Walter James Ellison Jr. testified before the Department of Labor.",
            ),
        ];
        let doc = |src: &str, text: &str| Document::from_text(src, text);
        // (case, documents in input order; a source seen twice is the same document again)
        let runs: &[(&str, &[(&str, &str)])] = &[
            ("all new", &texts),
            (
                "a document twice, changed",
                &[texts[0], texts[1], ("a.txt", texts[2].1), texts[3]],
            ),
            (
                "a document twice, unchanged",
                &[texts[0], texts[1], texts[0], texts[3]],
            ),
        ];
        for (case, run) in runs {
            let single = Store::memory().unwrap();
            for (src, text) in *run {
                let d = doc(src, text);
                single
                    .put_document(&w.document_iri(&d), &w.quads(&d, &ex.extract(&d)))
                    .unwrap();
            }
            // (tiny batches: several per commit, and commits on the way)
            for (batch_quads, commit_quads) in [(5, 1_000), (5, 12), (1_000, 1_000)] {
                for threads in [1, 2] {
                    let store = Store::memory().unwrap();
                    let mut batch = store.batch_writer_with(BatchOptions {
                        batch_quads,
                        commit_quads,
                        loader_threads: threads,
                    });
                    let mut outcomes = Vec::new();
                    for (src, text) in *run {
                        let d = doc(src, text);
                        let graph = NamedNode::new(w.document_iri(&d)).unwrap();
                        let prepared =
                            PreparedGraph::from_nquads(graph, w.nquads(&d, &ex.extract(&d)));
                        outcomes.push(batch.put_prepared(prepared).unwrap());
                    }
                    batch.flush().unwrap();
                    assert_eq!(
                        all_quads(&store),
                        all_quads(&single),
                        "{case}, batches of {batch_quads}, commits of {commit_quads}, {threads} threads"
                    );
                    assert_eq!(outcomes[0], PutOutcome::Added, "{case}");
                }
            }
            // the same documents again into the finished store: all unchanged, nothing moves
            let before = all_quads(&single);
            let mut batch = single.batch_writer(5);
            for (src, text) in *run {
                let d = doc(src, text);
                let outcome = batch
                    .put_document(&w.document_iri(&d), w.quads(&d, &ex.extract(&d)))
                    .unwrap();
                if *case == "all new" {
                    assert_eq!(outcome, PutOutcome::Unchanged, "{case}: {src}");
                }
            }
            batch.flush().unwrap();
            if *case != "a document twice, changed" {
                assert_eq!(all_quads(&single), before, "{case}: re-ingest");
            }
        }
    }

    #[test]
    fn fingerprints_from_nquad_lines_are_those_of_the_quads() {
        use crate::model::Document;
        let ex = crate::extract::Extractor::new();
        let w = crate::rdf::QuadWriter::default();
        let d = Document::from_text(
            "q.txt",
            "The \"Department\" of Labor\tand Walter Ellison — caf\u{e9}.",
        );
        let e = ex.extract(&d);
        let graph = NamedNode::new(w.document_iri(&d)).unwrap();
        let a = PreparedGraph::from_nquads(graph.clone(), w.nquads(&d, &e));
        let b = PreparedGraph::new(graph, w.quads(&d, &e));
        assert_eq!(a.quads(), b.quads());
        assert_eq!(a.hash_quad, b.hash_quad);
        assert_eq!(a.described, b.described);
    }

    #[test]
    fn a_surname_joins_one_fuller_person() {
        let p = |s: &str| format!("https://w3id.org/memograph/id/person/{s}");
        let skip = p("").len();
        // (case, candidates, surname part "-coons", expected)
        let cases: &[(&str, &[&str], &str, Option<&str>)] = &[
            (
                "one candidate",
                &["walter-ellison"],
                "-ellison",
                Some("walter-ellison"),
            ),
            (
                "one candidate with a short first name",
                &["al-roe"],
                "-roe",
                Some("al-roe"),
            ),
            (
                "a short and a long form of one first name",
                &["chris-coons", "christopher-coons"],
                "-coons",
                Some("christopher-coons"),
            ),
            (
                "two people",
                &["jill-biden", "joseph-biden"],
                "-biden",
                None,
            ),
            (
                "a first name too short to tell",
                &["al-roe", "alan-roe"],
                "-roe",
                None,
            ),
            ("none", &[], "-roe", None),
        ];
        for (case, cands, tail, want) in cases {
            let owned: Vec<String> = cands.iter().map(|c| p(c)).collect();
            let refs: Vec<&String> = owned.iter().collect();
            assert_eq!(
                one_fuller(&refs, skip, tail.len()).map(str::to_string),
                want.map(p),
                "{case}"
            );
        }
    }

    #[test]
    fn a_surname_joins_the_fuller_person_of_its_body() {
        // (case, the surname's bodies, candidates with their bodies, expected)
        type Case = (
            &'static str,
            &'static [&'static str],
            &'static [(&'static str, &'static [&'static str])],
            Option<&'static str>,
        );
        let cases: &[Case] = &[
            (
                "one of two shares the body",
                &["house"],
                &[("jamie-roe", &["house"]), ("sarah-roe", &["fed"])],
                Some("jamie-roe"),
            ),
            (
                "both share it",
                &["senate"],
                &[("a-roe", &["senate"]), ("b-roe", &["senate", "dod"])],
                None,
            ),
            (
                "neither shares it",
                &["house"],
                &[("a-roe", &["senate"]), ("b-roe", &[])],
                None,
            ),
            (
                "the surname belongs to nothing",
                &[],
                &[("a-roe", &["senate"])],
                None,
            ),
        ];
        for (case, mine, cands, want) in cases {
            let mine: BTreeSet<String> = mine.iter().map(|b| b.to_string()).collect();
            let owned: Vec<(String, BTreeSet<String>)> = cands
                .iter()
                .map(|(c, bs)| (c.to_string(), bs.iter().map(|b| b.to_string()).collect()))
                .collect();
            assert_eq!(fuller_sharing_a_body(&mine, &owned), *want, "{case}");
        }
    }

    #[test]
    fn a_surname_joins_the_dominant_fuller_person() {
        // (case, candidates with the documents naming each, expected)
        type Case = (
            &'static str,
            &'static [(&'static str, usize)],
            Option<&'static str>,
        );
        let cases: &[Case] = &[
            (
                "one named far more often",
                &[("ali-roe", 1), ("alejandro-roe", 38)],
                Some("alejandro-roe"),
            ),
            (
                "four times all the others together",
                &[("a-roe", 2), ("b-roe", 2), ("c-roe", 16)],
                Some("c-roe"),
            ),
            ("not four times", &[("a-roe", 3), ("c-roe", 11)], None),
            ("too few documents", &[("a-roe", 1), ("c-roe", 4)], None),
            ("two alike", &[("jill-roe", 30), ("joseph-roe", 30)], None),
            ("none", &[], None),
        ];
        for (case, cands, want) in cases {
            let owned: Vec<(String, usize)> =
                cands.iter().map(|(c, n)| (c.to_string(), *n)).collect();
            assert_eq!(dominant_fuller(&owned), *want, "{case}");
        }
    }

    #[test]
    fn remove_by_source_prefix() {
        let store = Store::memory().unwrap();
        let source = format!("{}source", vocab::DCTERMS);
        for (g, s) in [
            ("urn:d:1", "corpus/a.txt"),
            ("urn:d:2", "./corpus/b.jsonl#x"),
            ("urn:d:3", "corpusX/c.txt"),
        ] {
            store
                .put_document(
                    g,
                    &[q(g, &source, Literal::new_simple_literal(s).into(), g)],
                )
                .unwrap();
        }
        let mut removed = store.remove("corpus/").unwrap();
        removed.sort();
        assert_eq!(removed, vec!["urn:d:1", "urn:d:2"]);
        assert_eq!(store.documents().unwrap().len(), 1);
    }

    #[test]
    fn query_errors() {
        let store = Store::memory().unwrap();
        for (name, text, want) in [
            ("syntax", "SELECT ?x\nWHERE { ?x ?y }", "line 2, column"),
            (
                "update refused",
                "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
                "memograph update",
            ),
        ] {
            let e = store.query(text).map(|_| ()).unwrap_err().to_string();
            assert!(e.contains(want), "{name}: {e}");
        }
        let e = store
            .update("SELECT * { ?s ?p ?o }")
            .unwrap_err()
            .to_string();
        assert!(e.contains("memograph query"), "{e}");
        let e = store
            .update("INSERT DATA { <urn:a> <urn:b> }")
            .unwrap_err()
            .to_string();
        assert!(e.contains("line 1, column"), "{e}");
    }

    #[test]
    fn stats_count_classes_and_predicates() {
        let store = Store::memory().unwrap();
        let g = "urn:d:1";
        let ty = format!("{}type", vocab::RDF);
        let agency = format!("{}Agency", vocab::MG);
        store
            .put_document(
                g,
                &[
                    q("urn:e:1", &ty, nn(&agency).into(), g),
                    q("urn:e:2", &ty, nn(&agency).into(), g),
                ],
            )
            .unwrap();
        let stats = store.stats().unwrap();
        assert_eq!(stats.documents, 1);
        assert_eq!(stats.quads, 3, "two types and the graph's hash");
        assert_eq!(stats.classes.get(&agency), Some(&2));
        assert_eq!(stats.predicates.get(&ty), Some(&2));
    }

    #[test]
    fn on_disk_store_is_locked_and_reopens() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("db");
        assert!(Store::open_for_reading(&path).is_err(), "no store yet");
        let store = Store::open(&path).unwrap();
        let g = "urn:d:1";
        let title = format!("{}title", vocab::DCTERMS);
        store
            .put_document(
                g,
                &[q(g, &title, Literal::new_simple_literal("t").into(), g)],
            )
            .unwrap();
        match Store::open(&path) {
            Err(Error::StoreInUse { .. }) => {}
            other => panic!("expected StoreInUse, got {other:?}"),
        }
        let reader = Store::open_for_reading(&path).unwrap();
        assert!(reader.is_read_only());
        assert_eq!(reader.documents().unwrap().len(), 1);
        drop(reader);
        drop(store);
        let again = Store::open(&path).unwrap();
        assert_eq!(again.documents().unwrap().len(), 1);
    }
}
