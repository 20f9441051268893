//! Reads the entity graph from the store into a `petgraph` graph and filters it.
//!
//! Reading ([`super::read`]) sees every graph but the ontology's, so each
//! entity, relation and evidence sentence is seen once however many
//! documents repeat it. A filter first finds the entities it can draw
//! through the store's indexes (the document's mentions, a class, the
//! neighbourhood of an entity walked level by level), then only those are
//! read, and the filter is applied again to what was read, so the result is
//! what filtering the whole graph gives. Nodes are added in IRI order and
//! edges in (source, predicate, target) order, which is the order every
//! writer follows.

use std::collections::{BTreeMap, BTreeSet, HashMap, VecDeque};

use oxigraph::model::{Term, Triple};
use oxigraph::sparql::{QueryResults, SparqlEvaluator};
use oxigraph::store::Store;
use petgraph::stable_graph::{NodeIndex, StableDiGraph};

use super::read::{subject_key, term_key, EdgeKey, Reader, Statements};
use super::ExportOptions;
use crate::model::EntityClass;
use crate::vocab::{self, DCTERMS, RDF, RDFS, SKOS};
use crate::{Error, Result};

/// One node of an export: an entity (or any resource of a CONSTRUCT result).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Node {
    /// The IRI (or `_:id` for a blank node).
    pub iri: String,
    /// The canonical label (`rdfs:label`), or the IRI's last segment.
    pub label: String,
    /// The class's local name (`Agency`, ..., or a compacted IRI for other classes; empty when unknown).
    pub class: String,
    /// Other names (`skos:altLabel`), sorted.
    pub aliases: Vec<String>,
    /// Literal-valued facts ("dates": `dcterms:issued`, `schema:foundingDate`,
    /// `schema:jobTitle`, `mg:defunct`, ...) as (prefixed predicate, value), sorted.
    pub attributes: Vec<(String, String)>,
    /// The IRIs of the documents that mention it, sorted (empty when the
    /// export draws no documents: every format but HTML, without `--document`).
    pub documents: Vec<String>,
}

impl Node {
    /// The literal facts as one string: `dcterms:issued=2012-06; schema:jobTitle=Director`.
    pub fn dates(&self) -> String {
        let parts: Vec<String> = self
            .attributes
            .iter()
            .map(|(p, v)| format!("{p}={v}"))
            .collect();
        parts.join("; ")
    }
}

/// One evidence sentence of a relation.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct EvidenceInfo {
    /// The document's IRI.
    pub document: String,
    /// Character offset of the sentence in the document, when known.
    pub start: Option<i64>,
    /// The sentence.
    pub text: String,
    /// The extraction rule.
    pub rule: String,
}

/// One edge of an export: an entity-valued relation.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Edge {
    /// The predicate's IRI.
    pub predicate: String,
    /// The predicate's prefixed name (`org:memberOf`), used as the edge label.
    pub label: String,
    /// The evidence sentences, sorted (document, offset, text). When the
    /// export draws only their number (every format but HTML), these are
    /// blank entries, one per sentence.
    pub evidence: Vec<EvidenceInfo>,
    /// The IRIs of the named graphs (documents) asserting it, sorted.
    pub graphs: Vec<String>,
}

/// An ingested document, for showing where evidence comes from.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DocumentInfo {
    /// The document's IRI.
    pub iri: String,
    /// `dcterms:title`.
    pub title: String,
    /// `dcterms:source`.
    pub source: String,
    /// `dcterms:date`.
    pub date: String,
}

/// The graph every writer draws: nodes in IRI order, edges in (source IRI,
/// predicate, target IRI) order, plus the documents evidence refers to.
#[derive(Debug, Clone, Default)]
pub struct ExportGraph {
    /// The graph.
    pub graph: StableDiGraph<Node, Edge>,
    /// The documents by IRI: those the nodes and the evidence refer to (and
    /// for an unfiltered export, every document of the store). Empty when the
    /// export draws no documents (every format but HTML).
    pub documents: BTreeMap<String, DocumentInfo>,
}

impl ExportGraph {
    /// Number of nodes.
    pub fn node_count(&self) -> usize {
        self.graph.node_count()
    }
    /// Number of edges.
    pub fn edge_count(&self) -> usize {
        self.graph.edge_count()
    }
    /// The nodes, in order.
    pub fn nodes(&self) -> impl Iterator<Item = (NodeIndex, &Node)> + '_ {
        self.graph.node_indices().map(move |i| (i, &self.graph[i]))
    }
    /// The edges as (source, target, edge), in order.
    pub fn edges(&self) -> impl Iterator<Item = (NodeIndex, NodeIndex, &Edge)> + '_ {
        self.graph.edge_indices().filter_map(move |e| {
            let (a, b) = self.graph.edge_endpoints(e)?;
            Some((a, b, &self.graph[e]))
        })
    }
    /// Dense positions (0..n) of the nodes, in order, for writers that number nodes.
    pub fn positions(&self) -> HashMap<NodeIndex, usize> {
        self.graph
            .node_indices()
            .enumerate()
            .map(|(n, i)| (i, n))
            .collect()
    }
}

/// Everything the store says about the entities an export draws: their
/// relations, evidence and documents.
#[derive(Debug, Default)]
struct Catalog {
    nodes: BTreeMap<String, Node>,
    /// (subject, predicate IRI, object) -> edge
    edges: BTreeMap<(String, String, String), Edge>,
    documents: BTreeMap<String, DocumentInfo>,
    /// literal facts: (subject, curie, value) -> graphs
    facts: BTreeMap<(String, String, String), BTreeSet<String>>,
}

fn local_name(iri: &str) -> &str {
    let trimmed = iri.trim_end_matches(['/', '#']);
    trimmed
        .rsplit(['/', '#', ':'])
        .next()
        .filter(|s| !s.is_empty())
        .unwrap_or(iri)
}

fn first_value(map: &BTreeMap<String, BTreeSet<String>>, key: &str) -> Option<String> {
    map.get(key).and_then(|set| set.iter().next().cloned())
}

/// The entities of `scope` (every entity without one): class, label,
/// aliases, and with `details` the documents that mention them.
fn nodes(
    reader: &Reader,
    scope: Option<&BTreeSet<String>>,
    details: bool,
) -> Result<BTreeMap<String, Node>> {
    let classes = reader.classes(scope)?;
    let keys: BTreeSet<String> = classes.keys().cloned().collect();
    let restrict = scope.map(|_| &keys);
    let labels = reader.literals(&format!("{RDFS}label"), restrict)?;
    let mut aliases = reader.literals(&format!("{SKOS}altLabel"), restrict)?;
    let mut mentioned_by = if details {
        reader.mentioned_by(restrict)?
    } else {
        BTreeMap::new()
    };
    let mut out = BTreeMap::new();
    for (iri, class) in classes {
        let label = first_value(&labels, &iri).unwrap_or_else(|| local_name(&iri).to_string());
        let mut alias: Vec<String> = aliases
            .remove(&iri)
            .unwrap_or_default()
            .into_iter()
            .collect();
        alias.retain(|a| a != &label);
        let node = Node {
            iri: iri.clone(),
            label,
            class: class.name().to_string(),
            aliases: alias,
            attributes: Vec::new(),
            documents: mentioned_by
                .remove(&iri)
                .unwrap_or_default()
                .into_iter()
                .collect(),
        };
        out.insert(iri, node);
    }
    Ok(out)
}

/// Reads the entities of `scope` (every entity without one), the relations
/// among them, their evidence, and with `details` the documents that
/// mention them and the documents' titles.
fn catalog(reader: &Reader, scope: Option<&BTreeSet<String>>, details: bool) -> Result<Catalog> {
    if scope.is_some() {
        return catalog_with(reader, scope, details, None);
    }
    // The whole graph: its evidence (counted, or read with its sentences when
    // they are drawn) is read on another core meanwhile, by a reader of its own.
    let store = reader.store();
    std::thread::scope(|threads| {
        // (a panic in the store's reader is an error, never a panic of the scope)
        let ahead = threads.spawn(move || {
            crate::input::guarded(|| Reader::new(store).and_then(|r| evidence_ahead(&r, details)))
                .unwrap_or_else(|panic| {
                    Err(Error::Other(format!(
                        "export: reading the evidence failed: {panic}"
                    )))
                })
        });
        catalog_with(reader, scope, details, Some(ahead))
    })
}

/// The evidence of the whole graph, read apart from its nodes and edges.
enum Ahead {
    /// how many statements each edge has (without `details`)
    Counts(Counts),
    /// every statement's evidence (with `details`)
    Evidence(Vec<(EdgeKey, EvidenceInfo)>),
}

fn evidence_ahead(reader: &Reader, details: bool) -> Result<Ahead> {
    if !details {
        return count_evidence(reader, None).map(Ahead::Counts);
    }
    let mut all = Vec::new();
    reader.evidence(Statements::About(None), true, |key, e| all.push((key, e)))?;
    Ok(Ahead::Evidence(all))
}

/// The number of reified statements of each edge as drawn, and the
/// relations as stored that each edge is drawn from: the edges drawn from
/// several (a node that other resources are drawn as) have evidences to
/// merge.
type Counts = HashMap<EdgeKey, (usize, Vec<EdgeKey>)>;

fn count_evidence(reader: &Reader, restrict: Option<&BTreeSet<String>>) -> Result<Counts> {
    let mut counts = Counts::new();
    reader.evidence_counts(restrict, |s, p, o, n| {
        let key = (
            reader.canonical(s.clone()),
            p.iri(),
            reader.canonical(o.clone()),
        );
        let entry = counts.entry(key).or_default();
        entry.0 += n;
        entry.1.push((s, p.iri(), o));
    })?;
    Ok(counts)
}

fn catalog_with(
    reader: &Reader,
    scope: Option<&BTreeSet<String>>,
    details: bool,
    ahead: Option<std::thread::ScopedJoinHandle<'_, Result<Ahead>>>,
) -> Result<Catalog> {
    let mut cat = Catalog {
        nodes: nodes(reader, scope, details)?,
        ..Catalog::default()
    };
    let keys: BTreeSet<String> = cat.nodes.keys().cloned().collect();
    let restrict = scope.map(|_| &keys);
    // Relations and literal facts.
    let Catalog {
        nodes,
        edges,
        facts,
        ..
    } = &mut cat;
    reader.relations(restrict, true, |s, p, o, graph| {
        if !nodes.contains_key(&s) {
            return;
        }
        match o {
            Term::Literal(l) => {
                let key = (s, p.curie().to_string(), l.value().to_string());
                facts.entry(key).or_default().extend(graph);
            }
            _ => {
                let target = reader.canonical(term_key(o));
                if !nodes.contains_key(&target) {
                    return;
                }
                let iri = p.iri();
                let edge = edges
                    .entry((s, iri.clone(), target))
                    .or_insert_with(|| Edge {
                        predicate: iri,
                        label: p.curie().to_string(),
                        ..Edge::default()
                    });
                if let Some(g) = graph {
                    if !edge.graphs.contains(&g) {
                        edge.graphs.push(g);
                    }
                }
            }
        }
    })?;
    for (s, curie, value) in cat.facts.keys() {
        if let Some(node) = cat.nodes.get_mut(s) {
            node.attributes.push((curie.clone(), value.clone()));
        }
    }
    // The evidence: the sentences when they are drawn; else only how many
    // there are, counted in the store (one per reified statement), except
    // for the edges drawn from several stored relations (a node that other
    // resources are drawn as), whose statements are read (without their
    // sentences) to merge the ones that say the same.
    let ahead = match ahead {
        Some(thread) => Some(thread.join().map_err(|_| {
            Error::Other("export: the thread reading the evidence failed".into())
        })??),
        None => None,
    };
    let (counted, read) = match ahead {
        Some(Ahead::Counts(c)) => (c, None),
        Some(Ahead::Evidence(e)) => (Counts::new(), Some(e)),
        None if details => (Counts::new(), None),
        None => (count_evidence(reader, restrict)?, None),
    };
    let merged = |key: &EdgeKey| counted.get(key).is_some_and(|(_, stored)| stored.len() > 1);
    let stored: BTreeSet<EdgeKey> = cat
        .edges
        .keys()
        .filter(|key| merged(key))
        .flat_map(|key| counted[key].1.iter().cloned())
        .collect();
    let edges = &mut cat.edges;
    let mut push = |key: EdgeKey, e: EvidenceInfo| {
        if let Some(edge) = edges.get_mut(&key) {
            edge.evidence.push(e);
        }
    };
    if let Some(read) = read {
        for (key, e) in read {
            push(key, e);
        }
    } else if details {
        reader.evidence(Statements::About(restrict), true, push)?;
    } else if !stored.is_empty() {
        reader.evidence(Statements::Of(&stored), false, push)?;
    }
    for (key, edge) in cat.edges.iter_mut() {
        edge.graphs.sort();
        edge.evidence.sort();
        edge.evidence.dedup();
        if !details && !merged(key) {
            let blank = EvidenceInfo {
                document: String::new(),
                start: None,
                text: String::new(),
                rule: String::new(),
            };
            edge.evidence = vec![blank; counted.get(key).map_or(0, |(n, _)| *n)];
        }
    }
    if details {
        cat.documents = match scope {
            None => reader.documents(None, true)?,
            Some(scope) => {
                let mut refs = scope.clone();
                for node in cat.nodes.values() {
                    refs.extend(node.documents.iter().cloned());
                }
                for edge in cat.edges.values() {
                    refs.extend(edge.evidence.iter().map(|e| e.document.clone()));
                }
                reader.documents(Some(&refs), true)?
            }
        };
    }
    Ok(cat)
}

/// The entities a filtered export can draw, read through the store's
/// indexes rather than by reading the whole graph: those a document
/// mentions, those of some classes, the neighbourhood of an entity (walked
/// one level at a time, reading only the relations of the level's nodes).
/// `None`: every entity.
fn scope(
    reader: &Reader,
    options: &ExportOptions,
    document: Option<&str>,
) -> Result<Option<BTreeSet<String>>> {
    let types: BTreeSet<&str> = options.types.iter().map(|c| c.name()).collect();
    if options.around.is_none() && document.is_none() && types.is_empty() {
        return Ok(None);
    }
    let doc_nodes = match document {
        Some(d) => Some(reader.mentioned_in(d)?),
        None => None,
    };
    let admissible = |k: &str, class: EntityClass| {
        (types.is_empty() || types.contains(class.name()))
            && doc_nodes.as_ref().is_none_or(|d| d.contains(k))
    };
    let Some(around) = &options.around else {
        let classes = reader.classes(doc_nodes.as_ref())?;
        return Ok(Some(
            classes
                .into_iter()
                .filter(|(k, c)| admissible(k, *c))
                .map(|(k, _)| k)
                .collect(),
        ));
    };
    let mut classes = BTreeMap::new();
    let mut seen = seeds(reader, around, &admissible, &mut classes)?;
    let mut frontier = seen.clone();
    for _ in 0..options.depth {
        if frontier.is_empty() {
            break;
        }
        // the relations of the frontier: (source, predicate, target) -> drawn
        // in the document's graph (or no document filter)
        let mut edges: BTreeMap<EdgeKey, bool> = BTreeMap::new();
        for outgoing in [true, false] {
            reader.relations(Some(&frontier), outgoing, |s, p, o, graph| {
                if let Term::Literal(_) = o {
                    return;
                }
                let key = (s, p.iri(), reader.canonical(term_key(o)));
                let drawn = edges.entry(key).or_insert(false);
                if document.is_none_or(|d| graph.as_deref() == Some(d)) {
                    *drawn = true;
                }
            })?;
        }
        let unknown: BTreeSet<String> = edges
            .keys()
            .flat_map(|(a, _, b)| [a, b])
            .filter(|k| !classes.contains_key(*k))
            .cloned()
            .collect();
        let found = reader.classes(Some(&unknown))?;
        for k in unknown {
            let class = found.get(&k).copied();
            classes.insert(k, class);
        }
        let kept = |k: &str| {
            classes
                .get(k)
                .copied()
                .flatten()
                .is_some_and(|c| admissible(k, c))
        };
        let mut next = BTreeSet::new();
        for ((a, _, b), drawn) in &edges {
            if !drawn || !kept(a) || !kept(b) {
                continue;
            }
            if frontier.contains(a) && !seen.contains(b) {
                next.insert(b.clone());
            }
            if frontier.contains(b) && !seen.contains(a) {
                next.insert(a.clone());
            }
        }
        seen.extend(next.iter().cloned());
        frontier = next;
    }
    Ok(Some(seen))
}

/// The most case forms of a name looked up one by one before the store's
/// labels are scanned ("ICE": 8; a name of twelve letters: 4096).
const MAX_CASE_FORMS: usize = 4096;

/// Whether some IRI's last segment (see [`local_name`]) can lower-case to
/// `lower`: not when it holds a character that no IRI holds (a space, a
/// control character, or one of `<>"{}|^\` and the backquote); no other
/// character lower-cases to one of these.
fn may_be_local_name(lower: &str) -> bool {
    !lower.chars().any(|c| {
        c.is_ascii_control()
            || matches!(
                c,
                ' ' | '<' | '>' | '"' | '{' | '}' | '|' | '^' | '`' | '\\'
            )
    })
}

/// Keeps the candidates that pass a test and the other filters (`seeds`'s check).
type Check<'a> =
    dyn FnMut(BTreeSet<String>, &dyn Fn(&Node) -> bool) -> Result<BTreeSet<String>> + 'a;

/// The candidates whose label is the name (in lower case), else, looked up only
/// then, those with an alias of that name.
fn by_label_then_alias(
    check: &mut Check<'_>,
    lower: &str,
    named: BTreeSet<String>,
    aliased: impl FnOnce() -> Result<BTreeSet<String>>,
) -> Result<BTreeSet<String>> {
    let by_label = check(named, &|n| n.label.to_lowercase() == lower)?;
    if !by_label.is_empty() {
        return Ok(by_label);
    }
    check(aliased()?, &|n| {
        n.aliases.iter().any(|a| a.to_lowercase() == lower)
    })
}

/// The entities `--around` names: by IRI, else by label, else by alias
/// (case-insensitive), among those the other filters keep.
fn seeds(
    reader: &Reader,
    around: &str,
    admissible: &dyn Fn(&str, EntityClass) -> bool,
    known: &mut BTreeMap<String, Option<EntityClass>>,
) -> Result<BTreeSet<String>> {
    let wanted = around.trim();
    let lower = wanted.to_lowercase();
    let mut check =
        |cands: BTreeSet<String>, test: &dyn Fn(&Node) -> bool| -> Result<BTreeSet<String>> {
            if cands.is_empty() {
                return Ok(cands);
            }
            let nodes = nodes(reader, Some(&cands), false)?;
            for k in &cands {
                let class = nodes.get(k).and_then(|n| EntityClass::parse(&n.class));
                known.insert(k.clone(), class);
            }
            Ok(nodes
                .values()
                .filter(|n| test(n))
                .filter(|n| EntityClass::parse(&n.class).is_some_and(|c| admissible(&n.iri, c)))
                .map(|n| n.iri.clone())
                .collect())
        };
    let by_iri = check(BTreeSet::from([wanted.to_string()]), &|n| n.iri == wanted)?;
    if !by_iri.is_empty() {
        return Ok(by_iri);
    }
    let label = format!("{RDFS}label");
    let alt_label = format!("{SKOS}altLabel");
    // The fast path: the name's case forms (when there are few) looked up in
    // the store's indexes, as plain literals of `rdfs:label` and
    // `skos:altLabel` and as entity IRIs minted under the default base (an
    // entity without a label is labelled by its IRI's last segment). What it
    // finds is what the scans below find in a store memograph wrote, whose
    // labels are all plain literals and whose entities all have one; a
    // language-tagged label or an unlabelled entity outside that base (which
    // only a SPARQL update can add) is found by the scans, which decide
    // whenever the fast path finds nothing.
    if let Some(forms) = super::case::case_forms(&lower, MAX_CASE_FORMS) {
        let mut named = reader.subjects_with_values(&label, &forms)?;
        if may_be_local_name(&lower) {
            let minted: BTreeSet<String> = forms
                .iter()
                .flat_map(|f| {
                    EntityClass::ALL
                        .iter()
                        .map(move |c| format!("{}{}/{f}", vocab::DEFAULT_BASE, c.segment()))
                })
                .collect();
            named.extend(
                reader
                    .classes(Some(&minted))?
                    .into_keys()
                    .filter(|k| local_name(k).to_lowercase() == lower),
            );
        }
        let found = by_label_then_alias(&mut check, &lower, named, || {
            reader.subjects_with_values(&alt_label, &forms)
        })?;
        if !found.is_empty() {
            return Ok(found);
        }
    }
    // (an entity without a label is labelled by its IRI's last segment)
    let mut named = reader.subjects_named(&label, &lower)?;
    if may_be_local_name(&lower) {
        named.extend(
            reader
                .entities_containing(&lower)?
                .into_iter()
                .filter(|k| local_name(k).to_lowercase() == lower),
        );
    }
    let found = by_label_then_alias(&mut check, &lower, named, || {
        reader.subjects_named(&alt_label, &lower)
    })?;
    if !found.is_empty() {
        return Ok(found);
    }
    Err(Error::Other(format!(
        "export: no entity in the exported graph matches {wanted:?} (give its IRI, label or alias)"
    )))
}

/// Builds the graph `options` ask for from the store. Without `details`
/// (writers that draw neither the documents nor the evidence sentences), the
/// nodes' documents and the documents' titles are not read.
pub(crate) fn build(store: &Store, options: &ExportOptions, details: bool) -> Result<ExportGraph> {
    let details = details || options.document.is_some() || options.construct.is_some();
    let reader = Reader::new(store)?;
    let document = match &options.document {
        Some(doc) => Some(resolve_document(&reader.documents(None, false)?, doc)?),
        None => None,
    };
    let (cat, nodes, edges) = match &options.construct {
        Some(query) => {
            let triples = construct_triples(store, query)?;
            let mut keys = BTreeSet::new();
            for t in &triples {
                keys.insert(subject_key(&t.subject));
                if !matches!(t.object, Term::Literal(_)) {
                    keys.insert(term_key(&t.object));
                }
            }
            let cat = catalog(&reader, Some(&keys), true)?;
            let (nodes, edges) = construct_graph(&triples, &cat);
            (cat, nodes, edges)
        }
        None => {
            let scope = scope(&reader, options, document.as_deref())?;
            let mut cat = catalog(&reader, scope.as_ref(), details)?;
            let nodes = std::mem::take(&mut cat.nodes);
            let edges = std::mem::take(&mut cat.edges);
            (cat, nodes, edges)
        }
    };
    let mut out = assemble(nodes, edges, cat.documents);
    narrow(&mut out, document.as_deref(), &cat.facts, options)?;
    Ok(out)
}

/// The filters applied to the graph as read: the document's own part, the
/// classes asked for, then the neighbourhood (the same for every reader).
fn narrow(
    out: &mut ExportGraph,
    document: Option<&str>,
    facts: &BTreeMap<(String, String, String), BTreeSet<String>>,
    options: &ExportOptions,
) -> Result<()> {
    if let Some(doc) = document {
        restrict_to_document(out, doc, facts);
    }
    if !options.types.is_empty() {
        let keep: BTreeSet<&str> = options.types.iter().map(|c| c.name()).collect();
        out.graph
            .retain_nodes(|g, i| keep.contains(g[i].class.as_str()));
    }
    if let Some(around) = &options.around {
        neighbourhood(out, around, options.depth)?;
    }
    Ok(())
}

type EdgeMap = BTreeMap<(String, String, String), Edge>;

fn assemble(
    nodes: BTreeMap<String, Node>,
    edges: EdgeMap,
    documents: BTreeMap<String, DocumentInfo>,
) -> ExportGraph {
    let mut graph = StableDiGraph::with_capacity(nodes.len(), edges.len());
    let mut index = HashMap::with_capacity(nodes.len());
    for (iri, node) in nodes {
        index.insert(iri, graph.add_node(node));
    }
    for ((s, _, o), edge) in edges {
        if let (Some(&a), Some(&b)) = (index.get(&s), index.get(&o)) {
            graph.add_edge(a, b, edge);
        }
    }
    ExportGraph { graph, documents }
}

/// The IRI of the document `wanted` names (its IRI, source, or file name).
pub(crate) fn find_document(store: &Store, wanted: &str) -> Result<String> {
    resolve_document(&Reader::new(store)?.documents(None, false)?, wanted)
}

fn resolve_document(documents: &BTreeMap<String, DocumentInfo>, wanted: &str) -> Result<String> {
    if let Some(d) = documents
        .values()
        .find(|d| d.iri == wanted || d.source == wanted)
    {
        return Ok(d.iri.clone());
    }
    let matches: Vec<&DocumentInfo> = documents
        .values()
        .filter(|d| {
            d.source.ends_with(&format!("/{wanted}"))
                || d.source.rsplit(['/', '\\']).next() == Some(wanted)
                || d.iri.ends_with(&format!("/{wanted}"))
        })
        .collect();
    match matches.as_slice() {
        [one] => Ok(one.iri.clone()),
        [] => Err(Error::Other(format!(
            "export: no document matches {wanted:?} (give its IRI or source path)"
        ))),
        many => Err(Error::Other(format!(
            "export: {wanted:?} matches {} documents ({}); give the full source or IRI",
            many.len(),
            many.iter()
                .map(|d| d.source.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ))),
    }
}

fn restrict_to_document(
    g: &mut ExportGraph,
    doc: &str,
    facts: &BTreeMap<(String, String, String), BTreeSet<String>>,
) {
    g.graph
        .retain_nodes(|g, i| g[i].documents.iter().any(|d| d == doc));
    g.graph
        .retain_edges(|g, e| g[e].graphs.iter().any(|d| d == doc));
    let indices: Vec<_> = g.graph.edge_indices().collect();
    for e in indices {
        g.graph[e].evidence.retain(|ev| ev.document == doc);
    }
    let nodes: Vec<_> = g.graph.node_indices().collect();
    for i in nodes {
        let node = &mut g.graph[i];
        let iri = node.iri.clone();
        node.attributes.retain(|(p, v)| {
            facts
                .get(&(iri.clone(), p.clone(), v.clone()))
                .is_none_or(|graphs| graphs.contains(doc))
        });
    }
}

fn neighbourhood(g: &mut ExportGraph, around: &str, depth: usize) -> Result<()> {
    let wanted = around.trim();
    let lower = wanted.to_lowercase();
    let by_iri: Vec<NodeIndex> = g
        .graph
        .node_indices()
        .filter(|&i| g.graph[i].iri == wanted)
        .collect();
    let by_label: Vec<NodeIndex> = g
        .graph
        .node_indices()
        .filter(|&i| g.graph[i].label.to_lowercase() == lower)
        .collect();
    let by_alias: Vec<NodeIndex> = g
        .graph
        .node_indices()
        .filter(|&i| g.graph[i].aliases.iter().any(|a| a.to_lowercase() == lower))
        .collect();
    let seeds = [by_iri, by_label, by_alias].into_iter().find(|v| !v.is_empty()).ok_or_else(|| {
        Error::Other(format!("export: no entity in the exported graph matches {wanted:?} (give its IRI, label or alias)"))
    })?;
    let mut seen: BTreeSet<NodeIndex> = seeds.iter().copied().collect();
    let mut queue: VecDeque<(NodeIndex, usize)> = seeds.into_iter().map(|i| (i, 0)).collect();
    while let Some((i, d)) = queue.pop_front() {
        if d >= depth {
            continue;
        }
        for n in g.graph.neighbors_undirected(i) {
            if seen.insert(n) {
                queue.push_back((n, d + 1));
            }
        }
    }
    g.graph.retain_nodes(|_, i| seen.contains(&i));
    Ok(())
}

/// Evaluates a CONSTRUCT query over the union of all graphs.
pub(crate) fn construct_triples(store: &Store, query: &str) -> Result<Vec<Triple>> {
    let mut prepared = SparqlEvaluator::new()
        .parse_query(query)
        .map_err(|e| Error::Sparql(format!("export --query: {e}")))?;
    prepared.dataset_mut().set_default_graph_as_union();
    let results = prepared
        .on_store(store)
        .execute()
        .map_err(|e| Error::Sparql(format!("export --query: {e}")))?;
    let QueryResults::Graph(triples) = results else {
        return Err(Error::Sparql(
            "export --query: the query must be a CONSTRUCT (or DESCRIBE) query".into(),
        ));
    };
    let mut out = triples
        .collect::<std::result::Result<Vec<_>, _>>()
        .map_err(|e| Error::Sparql(format!("export --query: {e}")))?;
    out.sort_by_cached_key(|t| t.to_string());
    out.dedup();
    Ok(out)
}

/// Turns a CONSTRUCT result into nodes and edges: resource-valued triples are
/// edges, `rdf:type` the class, `rdfs:label`/`dcterms:title` the label,
/// `skos:altLabel` aliases, other literals attributes. What the result leaves
/// out is filled in from the store for known entities.
fn construct_graph(triples: &[Triple], cat: &Catalog) -> (BTreeMap<String, Node>, EdgeMap) {
    let class_names: HashMap<String, &str> = EntityClass::ALL
        .iter()
        .map(|c| (c.iri(), c.name()))
        .collect();
    let mut nodes: BTreeMap<String, Node> = BTreeMap::new();
    let mut types: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut labels: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut edges = EdgeMap::new();
    let rdf_type = format!("{RDF}type");
    let label_preds = [format!("{RDFS}label"), format!("{DCTERMS}title")];
    let alt_label = format!("{SKOS}altLabel");
    let ensure = |nodes: &mut BTreeMap<String, Node>, key: &str| {
        nodes.entry(key.to_string()).or_insert_with(|| Node {
            iri: key.to_string(),
            ..Node::default()
        });
    };
    for t in triples {
        let s = subject_key(&t.subject);
        let p = t.predicate.as_str();
        ensure(&mut nodes, &s);
        match &t.object {
            Term::Literal(l) => {
                let value = l.value().to_string();
                if label_preds.iter().any(|lp| lp == p) {
                    labels.entry(s).or_default().insert(value);
                } else if p == alt_label {
                    if let Some(n) = nodes.get_mut(&s) {
                        n.aliases.push(value);
                    }
                } else if let Some(n) = nodes.get_mut(&s) {
                    n.attributes.push((vocab::compact(p), value));
                }
            }
            o if p == rdf_type => {
                types.entry(s).or_default().insert(term_key(o));
            }
            o => {
                let target = term_key(o);
                ensure(&mut nodes, &target);
                let known = cat.edges.get(&(s.clone(), p.to_string(), target.clone()));
                let edge = known.cloned().unwrap_or_else(|| Edge {
                    predicate: p.to_string(),
                    label: vocab::compact(p),
                    ..Edge::default()
                });
                edges.insert((s, p.to_string(), target), edge);
            }
        }
    }
    for (key, node) in nodes.iter_mut() {
        let known = cat.nodes.get(key);
        node.label = first_value(&labels, key)
            .or_else(|| known.map(|k| k.label.clone()))
            .or_else(|| {
                cat.documents
                    .get(key)
                    .map(|d| d.title.clone())
                    .filter(|t| !t.is_empty())
            })
            .unwrap_or_else(|| local_name(key).to_string());
        let class = types.get(key).and_then(|ts| {
            ts.iter()
                .find_map(|t| class_names.get(t).map(|c| c.to_string()))
                .or_else(|| ts.iter().next().map(|t| local_name(t).to_string()))
        });
        node.class = class
            .or_else(|| known.map(|k| k.class.clone()))
            .or_else(|| {
                cat.documents
                    .contains_key(key)
                    .then(|| "Document".to_string())
            })
            .unwrap_or_default();
        if let Some(k) = known {
            node.aliases.extend(k.aliases.iter().cloned());
            node.documents = k.documents.clone();
            if node.attributes.is_empty() {
                node.attributes = k.attributes.clone();
            }
        }
        node.aliases.sort();
        node.aliases.dedup();
        let label = node.label.clone();
        node.aliases.retain(|a| a != &label);
        node.attributes.sort();
        node.attributes.dedup();
    }
    (nodes, edges)
}

/// The whole-graph reader exports used before they read only what they draw,
/// kept as the oracle of the tests: every filtered export must equal the
/// filter applied to the whole graph this reads.
#[cfg(test)]
pub(crate) mod whole {
    use std::collections::{BTreeMap, BTreeSet, HashMap};

    use oxigraph::model::{NamedNodeRef, Term};
    use oxigraph::store::Store;

    use super::super::read::{graph_key, store_error};
    use super::*;
    use crate::model::Predicate;
    use crate::vocab::{MG, OWL, PROV, SCHEMA};

    /// (subject, object, graph) of every quad with predicate `p`, in any graph but the ontology's.
    fn scan(store: &Store, p: &str) -> Result<Vec<(String, Term, Option<String>)>> {
        let mut out = Vec::new();
        for q in store.quads_for_pattern(None, Some(NamedNodeRef::new_unchecked(p)), None, None) {
            let q = q.map_err(store_error)?;
            let graph = graph_key(&q.graph_name);
            if graph.as_deref() == Some(vocab::ONTOLOGY_GRAPH) {
                continue;
            }
            out.push((subject_key(&q.subject), q.object, graph));
        }
        Ok(out)
    }

    fn load(store: &Store) -> Result<Catalog> {
        let mut cat = Catalog::default();
        let class_of: HashMap<String, EntityClass> =
            EntityClass::ALL.iter().map(|c| (c.iri(), *c)).collect();
        let document_class = format!("{MG}Document");
        // Classes: the core class wins; the smallest one if an entity has two.
        let mut classes: BTreeMap<String, EntityClass> = BTreeMap::new();
        let mut docs: BTreeSet<String> = BTreeSet::new();
        for (s, o, _) in scan(store, &format!("{RDF}type"))? {
            let Term::NamedNode(o) = o else { continue };
            if let Some(class) = class_of.get(o.as_str()) {
                let entry = classes.entry(s).or_insert(*class);
                *entry = (*entry).min(*class);
            } else if o.as_str() == document_class {
                docs.insert(s);
            }
        }
        let mut labels: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for (s, o, _) in scan(store, &format!("{RDFS}label"))? {
            if let Term::Literal(l) = o {
                labels.entry(s).or_default().insert(l.value().to_string());
            }
        }
        let mut aliases: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for (s, o, _) in scan(store, &format!("{SKOS}altLabel"))? {
            if let Term::Literal(l) = o {
                aliases.entry(s).or_default().insert(l.value().to_string());
            }
        }
        // a person named by a surname alone that the store made `owl:sameAs` a
        // fuller node is drawn as that node
        let same: HashMap<String, String> = scan(store, &format!("{OWL}sameAs"))?
            .into_iter()
            .filter(|(s, _, _)| !classes.contains_key(s))
            .map(|(s, o, _)| (s, term_key(&o)))
            .collect();
        let canonical = |k: String| same.get(&k).cloned().unwrap_or(k);
        let mut mentioned_by: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for (s, o, _) in scan(store, &format!("{SCHEMA}mentions"))? {
            mentioned_by
                .entry(canonical(term_key(&o)))
                .or_default()
                .insert(s);
        }
        for (iri, class) in &classes {
            let label = first_value(&labels, iri).unwrap_or_else(|| local_name(iri).to_string());
            let mut alias: Vec<String> = aliases
                .remove(iri)
                .unwrap_or_default()
                .into_iter()
                .collect();
            alias.retain(|a| a != &label);
            let node = Node {
                iri: iri.clone(),
                label,
                class: class.name().to_string(),
                aliases: alias,
                attributes: Vec::new(),
                documents: mentioned_by
                    .remove(iri)
                    .unwrap_or_default()
                    .into_iter()
                    .collect(),
            };
            cat.nodes.insert(iri.clone(), node);
        }
        // Documents.
        let mut doc_props: BTreeMap<&str, BTreeMap<String, BTreeSet<String>>> = BTreeMap::new();
        for prop in ["title", "source", "date"] {
            let mut values: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
            for (s, o, _) in scan(store, &format!("{DCTERMS}{prop}"))? {
                if docs.contains(&s) {
                    values.entry(s).or_default().insert(term_key(&o));
                }
            }
            doc_props.insert(prop, values);
        }
        for iri in docs {
            let get = |prop: &str| {
                doc_props
                    .get(prop)
                    .and_then(|m| first_value(m, &iri))
                    .unwrap_or_default()
            };
            let info = DocumentInfo {
                title: get("title"),
                source: get("source"),
                date: get("date"),
                iri: iri.clone(),
            };
            cat.documents.insert(iri, info);
        }
        // Relations and literal facts.
        for p in Predicate::ALL {
            let iri = p.iri();
            for (s, o, graph) in scan(store, &iri)? {
                let s = canonical(s);
                if !cat.nodes.contains_key(&s) {
                    continue;
                }
                match &o {
                    Term::Literal(l) => {
                        let key = (s, p.curie().to_string(), l.value().to_string());
                        let graphs = cat.facts.entry(key).or_default();
                        graphs.extend(graph);
                    }
                    _ => {
                        let target = canonical(term_key(&o));
                        if !cat.nodes.contains_key(&target) {
                            continue;
                        }
                        let edge = cat
                            .edges
                            .entry((s, iri.clone(), target))
                            .or_insert_with(|| Edge {
                                predicate: iri.clone(),
                                label: p.curie().to_string(),
                                ..Edge::default()
                            });
                        if let Some(g) = graph {
                            if !edge.graphs.contains(&g) {
                                edge.graphs.push(g);
                            }
                        }
                    }
                }
            }
        }
        for (s, curie, value) in cat.facts.keys() {
            if let Some(node) = cat.nodes.get_mut(s) {
                node.attributes.push((curie.clone(), value.clone()));
            }
        }
        for edge in cat.edges.values_mut() {
            edge.graphs.sort();
        }
        load_evidence(store, &mut cat.edges, &same)?;
        Ok(cat)
    }

    /// Attaches the reified statements' evidence to the edges they describe.
    fn load_evidence(
        store: &Store,
        edges: &mut BTreeMap<(String, String, String), Edge>,
        same: &HashMap<String, String>,
    ) -> Result<()> {
        let canonical = |k: String| same.get(&k).cloned().unwrap_or(k);
        let one = |p: String| -> Result<HashMap<String, Term>> {
            Ok(scan(store, &p)?
                .into_iter()
                .map(|(s, o, _)| (s, o))
                .collect())
        };
        let subjects = one(format!("{RDF}subject"))?;
        let predicates = one(format!("{RDF}predicate"))?;
        let objects = one(format!("{RDF}object"))?;
        let mut derived = one(format!("{PROV}wasDerivedFrom"))?;
        let mut sentences = one(format!("{MG}evidence"))?;
        let mut starts = one(format!("{MG}start"))?;
        let mut rules = one(format!("{MG}rule"))?;
        for (st, s) in subjects {
            let (Some(p), Some(o)) = (predicates.get(&st), objects.get(&st)) else {
                continue;
            };
            let key = (canonical(term_key(&s)), term_key(p), canonical(term_key(o)));
            let Some(edge) = edges.get_mut(&key) else {
                continue;
            };
            let start = match starts.remove(&st) {
                Some(Term::Literal(l)) => l.value().parse().ok(),
                _ => None,
            };
            edge.evidence.push(EvidenceInfo {
                document: derived
                    .remove(&st)
                    .map(|t| term_key(&t))
                    .unwrap_or_default(),
                start,
                text: sentences
                    .remove(&st)
                    .map(|t| term_key(&t))
                    .unwrap_or_default(),
                rule: rules.remove(&st).map(|t| term_key(&t)).unwrap_or_default(),
            });
        }
        for edge in edges.values_mut() {
            edge.evidence.sort();
            edge.evidence.dedup();
        }
        Ok(())
    }

    /// The graph `options` ask for, read the old way.
    pub(crate) fn build(store: &Store, options: &ExportOptions) -> Result<ExportGraph> {
        let cat = load(store)?;
        let document = match &options.document {
            Some(doc) => Some(resolve_document(&cat.documents, doc)?),
            None => None,
        };
        let (nodes, edges) = match &options.construct {
            Some(query) => construct_graph(&construct_triples(store, query)?, &cat),
            None => (cat.nodes.clone(), cat.edges.clone()),
        };
        let mut out = assemble(nodes, edges, cat.documents.clone());
        narrow(&mut out, document.as_deref(), &cat.facts, options)?;
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::testutil::{self, HOSTILE};

    #[test]
    fn reads_the_entity_graph() {
        let store = testutil::store();
        let g = build(&store, &ExportOptions::default(), true).expect("build");
        let nodes: Vec<(&str, &str)> = g
            .nodes()
            .map(|(_, n)| (n.label.as_str(), n.class.as_str()))
            .collect();
        assert_eq!(
            nodes,
            vec![
                ("Department of Homeland Security", "Agency"),
                ("Immigration and Customs Enforcement", "Agency"),
                (HOSTILE, "Memo"),
                ("John Morton", "Person"),
            ]
        );
        let edges: Vec<(String, String, String, usize)> = g
            .edges()
            .map(|(a, b, e)| {
                (
                    g.graph[a].label.clone(),
                    e.label.clone(),
                    g.graph[b].label.clone(),
                    e.evidence.len(),
                )
            })
            .collect();
        assert_eq!(edges.len(), 3);
        assert_eq!(edges[0].1, "org:subOrganizationOf");
        assert!(edges.iter().all(|e| e.3 == 1), "{edges:?}");
        let morton = g
            .nodes()
            .find(|(_, n)| n.label == "John Morton")
            .expect("morton")
            .1;
        assert_eq!(
            morton.attributes,
            vec![("schema:jobTitle".to_string(), "Director <i>".to_string())]
        );
        let dhs = g
            .nodes()
            .find(|(_, n)| n.label.starts_with("Department"))
            .expect("dhs")
            .1;
        assert_eq!(dhs.aliases, vec!["DHS".to_string()]);
        assert_eq!(dhs.documents.len(), 2);
        assert_eq!(g.documents.len(), 2);
    }

    #[test]
    fn construct_nodes_are_enriched_from_the_store() {
        let store = testutil::store();
        let options = ExportOptions {
            construct: Some(format!(
                "PREFIX org: <http://www.w3.org/ns/org#> CONSTRUCT {{ ?p org:headOf ?a . ?p <{RDFS}comment> \"x\" }} WHERE {{ ?p org:headOf ?a }}"
            )),
            ..Default::default()
        };
        let g = build(&store, &options, true).expect("build");
        let labels: Vec<&str> = g.nodes().map(|(_, n)| n.label.as_str()).collect();
        assert_eq!(
            labels,
            vec!["Immigration and Customs Enforcement", "John Morton"]
        );
        let (_, _, e) = g.edges().next().expect("edge");
        assert_eq!(e.evidence.len(), 1);
        let morton = &g.graph[g.graph.node_indices().nth(1).expect("node")];
        assert_eq!(morton.class, "Person");
        assert_eq!(
            morton.attributes,
            vec![("rdfs:comment".to_string(), "x".to_string())]
        );
    }

    /// Every filter, read the new way (only what is drawn) and the old way
    /// (the whole graph, then the filter), in every drawing format, on a
    /// store with an alias (`owl:sameAs`) that carries a relation.
    #[test]
    fn filtered_reads_equal_the_whole_graph_filtered() {
        use crate::export::testutil::ID;
        use crate::export::{write_graph, ExportFormat};
        use oxigraph::model::{GraphName, Literal, NamedNode, Quad};
        let store = testutil::store();
        let nn = |s: &str| NamedNode::new_unchecked(s);
        let doc2 = format!("{ID}doc/two-2");
        let alias = format!("{ID}person/morton");
        let ice = format!("{ID}agency/ice");
        let st = format!("{ID}fact/alias");
        let g = GraphName::NamedNode(nn(&doc2));
        let entities = GraphName::NamedNode(nn(vocab::ENTITIES_GRAPH));
        let lit = |s: &str| Term::from(Literal::new_simple_literal(s));
        let quads = vec![
            Quad::new(
                nn(&alias),
                nn(&format!("{}sameAs", vocab::OWL)),
                nn(&format!("{ID}person/john-morton")),
                entities,
            ),
            Quad::new(
                nn(&doc2),
                nn(&format!("{}mentions", vocab::SCHEMA)),
                nn(&alias),
                g.clone(),
            ),
            Quad::new(
                nn(&alias),
                nn(&format!("{}headOf", vocab::ORG)),
                nn(&ice),
                g.clone(),
            ),
            Quad::new(nn(&st), nn(&format!("{RDF}subject")), nn(&alias), g.clone()),
            Quad::new(
                nn(&st),
                nn(&format!("{RDF}predicate")),
                nn(&format!("{}headOf", vocab::ORG)),
                g.clone(),
            ),
            Quad::new(nn(&st), nn(&format!("{RDF}object")), nn(&ice), g.clone()),
            Quad::new(
                nn(&st),
                nn(&format!("{}wasDerivedFrom", vocab::PROV)),
                nn(&doc2),
                g.clone(),
            ),
            Quad::new(
                nn(&st),
                nn(&format!("{}evidence", vocab::MG)),
                lit("Morton heads ICE."),
                g.clone(),
            ),
            Quad::new(
                nn(&st),
                nn(&format!("{}start", vocab::MG)),
                Term::from(Literal::from(3_i64)),
                g.clone(),
            ),
            Quad::new(
                nn(&st),
                nn(&format!("{}rule", vocab::MG)),
                lit("test.alias"),
                g,
            ),
        ];
        store.extend(quads).expect("load");
        let around = |a: &str, depth: usize| ExportOptions {
            around: Some(a.into()),
            depth,
            ..Default::default()
        };
        let construct = "PREFIX org: <http://www.w3.org/ns/org#> CONSTRUCT { ?p org:headOf ?a . ?a org:subOrganizationOf ?b } WHERE { { ?p org:headOf ?a } UNION { ?a org:subOrganizationOf ?b } }";
        let mut cases = vec![
            ExportOptions::default(),
            ExportOptions {
                types: vec![EntityClass::Agency],
                ..Default::default()
            },
            ExportOptions {
                types: vec![EntityClass::Person, EntityClass::Memo],
                ..Default::default()
            },
            ExportOptions {
                document: Some("two.txt".into()),
                ..Default::default()
            },
            ExportOptions {
                document: Some(format!("{ID}doc/one-1")),
                ..Default::default()
            },
            ExportOptions {
                document: Some("one.txt".into()),
                around: Some("ice".into()),
                depth: 2,
                ..Default::default()
            },
            ExportOptions {
                types: vec![EntityClass::Agency],
                around: Some("DHS".into()),
                depth: 3,
                ..Default::default()
            },
            ExportOptions {
                construct: Some(construct.into()),
                ..Default::default()
            },
            ExportOptions {
                construct: Some(construct.into()),
                document: Some("one.txt".into()),
                ..Default::default()
            },
            ExportOptions {
                construct: Some(construct.into()),
                around: Some("John Morton".into()),
                depth: 1,
                ..Default::default()
            },
            around("nobody", 1),
            around("", 1),
            ExportOptions {
                document: Some("nope.txt".into()),
                ..Default::default()
            },
        ];
        for depth in 0..4 {
            for a in [
                "ICE",
                "immigration and customs enforcement",
                "DHS",
                HOSTILE,
                &ice,
                &alias,
                "the \"evil\" memo",
                "john morton",
            ] {
                cases.push(around(a, depth));
            }
        }
        for options in &cases {
            let whole = whole::build(&store, options);
            for format in ExportFormat::ALL.into_iter().filter(|f| !f.is_rdf()) {
                let new = build(&store, options, format == ExportFormat::Html);
                match (&whole, new) {
                    (Ok(w), Ok(n)) => {
                        let (mut a, mut b) = (Vec::new(), Vec::new());
                        write_graph(w, format, &mut a).expect("write");
                        write_graph(&n, format, &mut b).expect("write");
                        assert_eq!(
                            String::from_utf8_lossy(&a),
                            String::from_utf8_lossy(&b),
                            "{options:?} {}",
                            format.name()
                        );
                    }
                    (Err(w), Err(n)) => assert_eq!(w.to_string(), n.to_string(), "{options:?}"),
                    (w, n) => panic!(
                        "{options:?} {}: {:?} vs {:?}",
                        format.name(),
                        w.as_ref().err(),
                        n.err()
                    ),
                }
            }
        }
    }

    /// `--around` by a name's case forms finds what the label scans find:
    /// labels differing in case, aliases, and unlabelled entities named by
    /// their IRI's last segment (under the default base, in any case).
    #[test]
    fn case_forms_find_what_the_scans_find() {
        use crate::export::testutil::ID;
        use crate::export::{write_graph, ExportFormat};
        use oxigraph::model::{GraphName, Literal, NamedNode, Quad};
        let store = testutil::store();
        let nn = |s: &str| NamedNode::new_unchecked(s);
        let entities = GraphName::NamedNode(nn(vocab::ENTITIES_GRAPH));
        let doc = GraphName::NamedNode(nn(&format!("{ID}doc/one-1")));
        let typed = |iri: &str, class: &str| {
            Quad::new(
                nn(iri),
                nn(&format!("{RDF}type")),
                nn(&format!("{}{class}", vocab::MG)),
                entities.clone(),
            )
        };
        let named = |iri: &str, p: &str, v: &str| {
            Quad::new(
                nn(iri),
                nn(p),
                Literal::new_simple_literal(v),
                entities.clone(),
            )
        };
        let org = format!("{ID}organization/ice-team");
        let plain = format!("{ID}policy/ice-act");
        let upper = format!("{ID}memo/Dhs-Memo");
        let quads = vec![
            typed(&org, "Organization"),
            named(&org, &format!("{RDFS}label"), "iCE"),
            named(&org, &format!("{SKOS}altLabel"), "The Ice Team"),
            typed(&plain, "Policy"),
            typed(&upper, "Memo"),
            Quad::new(
                nn(&org),
                nn(&format!("{}subOrganizationOf", vocab::ORG)),
                nn(&format!("{ID}agency/dhs")),
                doc,
            ),
        ];
        store.extend(quads).expect("load");
        for name in [
            "ICE",
            "ice",
            "Ice",
            "the ice team",
            "THE ICE TEAM",
            "ice-act",
            "ICE-ACT",
            "dhs-memo",
            "DHS-MEMO",
            "dhs",
            "Department of homeland SECURITY",
            "john MORTON",
            "policy/ice-act",
            "nobody",
        ] {
            for depth in [0, 1] {
                let options = ExportOptions {
                    around: Some(name.into()),
                    depth,
                    ..Default::default()
                };
                let whole = whole::build(&store, &options);
                let new = build(&store, &options, false);
                match (whole, new) {
                    (Ok(w), Ok(n)) => {
                        let (mut a, mut b) = (Vec::new(), Vec::new());
                        write_graph(&w, ExportFormat::Cytoscape, &mut a).expect("write");
                        write_graph(&n, ExportFormat::Cytoscape, &mut b).expect("write");
                        assert_eq!(
                            String::from_utf8_lossy(&a),
                            String::from_utf8_lossy(&b),
                            "{name} {depth}"
                        );
                        assert!(n.node_count() > 0, "{name}");
                    }
                    (Err(w), Err(n)) => {
                        assert_eq!(w.to_string(), n.to_string(), "{name}");
                        assert!(["nobody", "policy/ice-act"].contains(&name), "{name}");
                    }
                    (w, n) => panic!("{name}: {:?} vs {:?}", w.err(), n.err()),
                }
            }
        }
    }
}
