//! Reads the entity graph from the store into a `petgraph` graph and filters it.
//!
//! Reading walks the quads of every graph (the union of the documents'
//! graphs; the ontology graph is skipped) by predicate, so each entity,
//! relation and evidence sentence is seen once however many documents repeat
//! it. Nodes are added in IRI order and edges in (source, predicate, target)
//! order, which is the order every writer follows.

use std::collections::{BTreeMap, BTreeSet, HashMap, VecDeque};

use oxigraph::model::{GraphName, NamedNodeRef, NamedOrBlankNode, Term, Triple};
use oxigraph::sparql::{QueryResults, SparqlEvaluator};
use oxigraph::store::Store;
use petgraph::stable_graph::{NodeIndex, StableDiGraph};

use super::ExportOptions;
use crate::model::{EntityClass, Predicate};
use crate::vocab::{self, DCTERMS, MG, OWL, PROV, RDF, RDFS, SCHEMA, SKOS};
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
    /// The IRIs of the documents that mention it, sorted.
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
    /// The evidence sentences, sorted (document, offset, text).
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
    /// The store's documents by IRI.
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

fn store_error(e: impl std::fmt::Display) -> Error {
    Error::Store {
        path: "(export)".into(),
        message: e.to_string(),
    }
}

/// The text of a term: an IRI, `_:id`, or a literal's lexical value.
fn term_key(t: &Term) -> String {
    match t {
        Term::NamedNode(n) => n.as_str().to_string(),
        Term::BlankNode(b) => format!("_:{}", b.as_str()),
        Term::Literal(l) => l.value().to_string(),
        #[allow(unreachable_patterns)]
        _ => t.to_string(),
    }
}

fn subject_key(s: &NamedOrBlankNode) -> String {
    match s {
        NamedOrBlankNode::NamedNode(n) => n.as_str().to_string(),
        NamedOrBlankNode::BlankNode(b) => format!("_:{}", b.as_str()),
    }
}

fn graph_key(g: &GraphName) -> Option<String> {
    match g {
        GraphName::NamedNode(n) => Some(n.as_str().to_string()),
        GraphName::BlankNode(b) => Some(format!("_:{}", b.as_str())),
        GraphName::DefaultGraph => None,
    }
}

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

/// Everything the store says about entities, relations, evidence and documents.
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

/// Builds the graph `options` ask for from the store.
pub(crate) fn build(store: &Store, options: &ExportOptions) -> Result<ExportGraph> {
    let cat = load(store)?;
    let document = match &options.document {
        Some(doc) => Some(resolve_document(&cat.documents, doc)?),
        None => None,
    };
    let (nodes, edges) = match &options.construct {
        Some(query) => construct_graph(store, query, &cat)?,
        None => (cat.nodes.clone(), cat.edges.clone()),
    };
    let mut out = assemble(nodes, edges, cat.documents.clone());
    if let Some(doc) = &document {
        restrict_to_document(&mut out, doc, &cat.facts);
    }
    if !options.types.is_empty() {
        let keep: BTreeSet<&str> = options.types.iter().map(|c| c.name()).collect();
        out.graph
            .retain_nodes(|g, i| keep.contains(g[i].class.as_str()));
    }
    if let Some(around) = &options.around {
        neighbourhood(&mut out, around, options.depth)?;
    }
    Ok(out)
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
    resolve_document(&load(store)?.documents, wanted)
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
fn construct_graph(
    store: &Store,
    query: &str,
    cat: &Catalog,
) -> Result<(BTreeMap<String, Node>, EdgeMap)> {
    let triples = construct_triples(store, query)?;
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
    for t in &triples {
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
    Ok((nodes, edges))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::testutil::{self, HOSTILE};

    #[test]
    fn reads_the_entity_graph() {
        let store = testutil::store();
        let g = build(&store, &ExportOptions::default()).expect("build");
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
        let g = build(&store, &options).expect("build");
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
}
