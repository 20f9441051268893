//! Reads the parts of the store an export draws.
//!
//! Every read is a SPARQL SELECT over every graph but the ontology's (and the
//! default graph), so the store joins and filters encoded terms and only the
//! terms an export keeps are decoded (decoding a term is a lookup in the
//! store's string table: reading a whole predicate with `quads_for_pattern`
//! decodes four terms per quad, which is what made exports slow). A read can
//! be restricted to a set of resources (a `VALUES` block): a filtered export
//! reads the entities it draws and their relations, not the whole graph.
//! The restriction is only a shortcut: rows are filtered again here, so a
//! resource that cannot be written in a `VALUES` block (a blank node) makes
//! the read unrestricted, never wrong.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use oxigraph::model::{GraphName, GraphNameRef, Literal, NamedNodeRef, NamedOrBlankNode, Term};
use oxigraph::sparql::{QueryResults, SparqlEvaluator};
use oxigraph::store::Store;

use super::graph::{DocumentInfo, EvidenceInfo};
use crate::model::{EntityClass, Predicate};
use crate::vocab::{self, DCTERMS, MG, OWL, PROV, RDF, SCHEMA};
use crate::{Error, Result};

pub(crate) fn store_error(e: impl std::fmt::Display) -> Error {
    Error::Store {
        path: "(export)".into(),
        message: e.to_string(),
    }
}

/// The text of a term: an IRI, `_:id`, or a literal's lexical value.
pub(crate) fn term_key(t: &Term) -> String {
    match t {
        Term::NamedNode(n) => n.as_str().to_string(),
        Term::BlankNode(b) => format!("_:{}", b.as_str()),
        Term::Literal(l) => l.value().to_string(),
        #[allow(unreachable_patterns)]
        _ => t.to_string(),
    }
}

pub(crate) fn subject_key(s: &NamedOrBlankNode) -> String {
    match s {
        NamedOrBlankNode::NamedNode(n) => n.as_str().to_string(),
        NamedOrBlankNode::BlankNode(b) => format!("_:{}", b.as_str()),
    }
}

pub(crate) fn graph_key(g: &GraphName) -> Option<String> {
    match g {
        GraphName::NamedNode(n) => Some(n.as_str().to_string()),
        GraphName::BlankNode(b) => Some(format!("_:{}", b.as_str())),
        GraphName::DefaultGraph => None,
    }
}

/// How a resource is written in a `VALUES` block: `<iri>` for an absolute
/// IRI that SPARQL can spell; nothing for a string that is no such IRI (it
/// names no IRI this crate stores); `Err` for a blank node (which a `VALUES`
/// block cannot name: the read must not be restricted).
fn iri_ref(key: &str) -> std::result::Result<Option<String>, ()> {
    if key.starts_with("_:") {
        return Err(());
    }
    let scheme = key.split_once(':').is_some_and(|(scheme, _)| {
        scheme.starts_with(|c: char| c.is_ascii_alphabetic())
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    });
    let bad = key
        .chars()
        .any(|c| c <= ' ' || matches!(c, '<' | '>' | '"' | '{' | '}' | '|' | '^' | '`' | '\\'));
    Ok((scheme && !bad).then(|| format!("<{key}>")))
}

/// `VALUES ?var { ... }` restricting `var` to `keys`; empty (no restriction)
/// without keys or when one of them is a blank node.
fn values(var: &str, keys: Option<&BTreeSet<String>>) -> String {
    let Some(keys) = keys else {
        return String::new();
    };
    let mut out = format!("VALUES ?{var} {{");
    for k in keys {
        match iri_ref(k) {
            Ok(Some(r)) => {
                out.push(' ');
                out.push_str(&r);
            }
            Ok(None) => {}
            Err(()) => return String::new(),
        }
    }
    out.push_str(" }");
    out
}

/// `pattern` in every named graph but the ontology's (`?g` bound), and in
/// the default graph when it is not empty: [`Reader::select`] runs the query
/// once per part. (One query with a `UNION` of both would be much slower:
/// the store would evaluate the union before joining the `VALUES` blocks.)
fn in_graphs(pattern: &str) -> String {
    format!("{GRAPHS_START}{pattern}{GRAPHS_END}")
}

const GRAPHS_START: char = '\u{1}';
const GRAPHS_END: char = '\u{2}';

/// The query of [`in_graphs`] over the named graphs (`default`: false) or the default graph.
fn in_part(query: &str, default: bool) -> String {
    let (Some(a), Some(b)) = (query.find(GRAPHS_START), query.find(GRAPHS_END)) else {
        return query.to_string();
    };
    let pattern = &query[a + GRAPHS_START.len_utf8()..b];
    // (not a group of its own: the store would evaluate it before joining the `VALUES` blocks)
    let part = if default {
        pattern.to_string()
    } else {
        format!(
            "GRAPH ?g {{ {pattern} }} FILTER(?g != <{}>)",
            vocab::ONTOLOGY_GRAPH
        )
    };
    format!(
        "{}{part}{}",
        &query[..a],
        &query[b + GRAPHS_END.len_utf8()..]
    )
}

/// The relation predicates' IRIs, in the order of [`Predicate::ALL`].
fn predicate_iris() -> Vec<String> {
    Predicate::ALL.iter().map(|p| p.iri()).collect()
}

/// The entity classes' IRIs, in the order of [`EntityClass::ALL`].
fn class_iris() -> Vec<String> {
    EntityClass::ALL.iter().map(|c| c.iri()).collect()
}

/// Binds `var` to one of `iris` and `kvar` to its position (or, in a query
/// that already has a `VALUES` block, to the IRI itself: a query joining two
/// `VALUES` blocks is slow). To be placed after the pattern binding `var`.
fn choice(var: &str, kvar: &str, iris: &[String], restricted: bool) -> String {
    if restricted {
        let list: Vec<String> = iris.iter().map(|i| format!("<{i}>")).collect();
        format!(
            "FILTER(?{var} IN ({})) BIND(?{var} AS ?{kvar})",
            list.join(", ")
        )
    } else {
        let mut out = format!("VALUES (?{var} ?{kvar}) {{");
        for (k, i) in iris.iter().enumerate() {
            out.push_str(&format!(" (<{i}> {k})"));
        }
        out.push_str(" }");
        out
    }
}

/// The position [`choice`] bound.
fn pick(t: Option<&Term>, iris: &[String]) -> Option<usize> {
    match t {
        Some(Term::Literal(l)) => l.value().parse().ok(),
        Some(Term::NamedNode(n)) => iris.iter().position(|i| i == n.as_str()),
        _ => None,
    }
}

fn index(t: Option<&Term>) -> Option<usize> {
    match t {
        Some(Term::Literal(l)) => l.value().parse().ok(),
        _ => None,
    }
}

fn subject_of(t: Option<&Term>) -> Option<String> {
    match t {
        Some(Term::NamedNode(_) | Term::BlankNode(_)) => t.map(term_key),
        _ => None,
    }
}

/// An edge's key: (source IRI, predicate IRI, target IRI).
pub(crate) type EdgeKey = (String, String, String);

/// Which reified statements [`Reader::evidence`] reads.
#[derive(Clone, Copy)]
pub(crate) enum Statements<'k> {
    /// those whose subject is one of the keys or drawn as one of them (all without keys)
    About(Option<&'k BTreeSet<String>>),
    /// those of these relations as stored: (subject, predicate IRI, object)
    Of(&'k BTreeSet<EdgeKey>),
}

/// Reads the store for an export.
pub(crate) struct Reader<'a> {
    store: &'a Store,
    /// a node the store made `owl:sameAs` another one (and that has no class of its own) -> that node
    same: HashMap<String, String>,
    /// the inverse of `same`
    joined: HashMap<String, Vec<String>>,
    /// whether the default graph holds anything
    default_graph: bool,
    /// the documents, once read
    documents: std::cell::OnceCell<BTreeSet<String>>,
}

impl<'a> Reader<'a> {
    /// A reader; reads the `owl:sameAs` links (a handful) at once.
    pub(crate) fn new(store: &'a Store) -> Result<Self> {
        let rdf_type = format!("{RDF}type");
        let rdf_type = NamedNodeRef::new_unchecked(&rdf_type);
        let same_as = format!("{OWL}sameAs");
        let class_iris: HashSet<String> = EntityClass::ALL.iter().map(|c| c.iri()).collect();
        let mut same = HashMap::new();
        // (in the store's order, the last link of a node winning, as the whole-graph reader did)
        for q in store.quads_for_pattern(
            None,
            Some(NamedNodeRef::new_unchecked(&same_as)),
            None,
            None,
        ) {
            let q = q.map_err(store_error)?;
            if graph_key(&q.graph_name).as_deref() == Some(vocab::ONTOLOGY_GRAPH) {
                continue;
            }
            let mut classified = false;
            for t in store.quads_for_pattern(Some(q.subject.as_ref()), Some(rdf_type), None, None) {
                let t = t.map_err(store_error)?;
                if graph_key(&t.graph_name).as_deref() != Some(vocab::ONTOLOGY_GRAPH)
                    && matches!(&t.object, Term::NamedNode(n) if class_iris.contains(n.as_str()))
                {
                    classified = true;
                    break;
                }
            }
            if !classified {
                same.insert(subject_key(&q.subject), term_key(&q.object));
            }
        }
        let mut joined: HashMap<String, Vec<String>> = HashMap::new();
        for (alias, node) in &same {
            joined.entry(node.clone()).or_default().push(alias.clone());
        }
        let default_graph = store
            .quads_for_pattern(None, None, None, Some(GraphNameRef::DefaultGraph))
            .next()
            .is_some();
        Ok(Self {
            store,
            same,
            joined,
            default_graph,
            documents: std::cell::OnceCell::new(),
        })
    }

    /// The store it reads.
    pub(crate) fn store(&self) -> &'a Store {
        self.store
    }

    /// The node a resource is drawn as.
    pub(crate) fn canonical(&self, k: String) -> String {
        self.same.get(&k).cloned().unwrap_or(k)
    }

    /// `keys` and the resources drawn as one of them.
    fn group(&self, keys: Option<&BTreeSet<String>>) -> Option<BTreeSet<String>> {
        let keys = keys?;
        let mut out = keys.clone();
        for k in keys {
            if let Some(aliases) = self.joined.get(k) {
                out.extend(aliases.iter().cloned());
            }
        }
        Some(out)
    }

    /// Runs a SELECT query (over the named graphs, then the default graph
    /// if it holds anything), handing each row (in the projection's order) to `f`.
    fn select(&self, query: &str, mut f: impl FnMut(&[Option<Term>])) -> Result<()> {
        let mut parts = vec![in_part(query, false)];
        if self.default_graph && query.contains(GRAPHS_START) {
            parts.push(in_part(query, true));
        }
        for query in parts {
            let prepared = SparqlEvaluator::new()
                .parse_query(&query)
                .map_err(|e| Error::Sparql(format!("export (reading the store): {e}")))?;
            let results = prepared
                .on_store(self.store)
                .execute()
                .map_err(store_error)?;
            let QueryResults::Solutions(solutions) = results else {
                return Err(Error::Other(
                    "export: reading the store: not a SELECT query".into(),
                ));
            };
            for s in solutions {
                let s = s.map_err(store_error)?;
                f(s.values());
            }
        }
        Ok(())
    }

    /// The entity class of every resource (of `keys`) that has one: the
    /// smallest when it has several.
    pub(crate) fn classes(
        &self,
        keys: Option<&BTreeSet<String>>,
    ) -> Result<BTreeMap<String, EntityClass>> {
        let mut out: BTreeMap<String, EntityClass> = BTreeMap::new();
        if keys.is_some_and(|k| k.is_empty()) {
            return Ok(out);
        }
        let iris = class_iris();
        let restrict = values("s", keys);
        let query = format!(
            "SELECT ?s ?k WHERE {{ {restrict} {} {} }}",
            in_graphs(&format!("?s <{RDF}type> ?c")),
            choice("c", "k", &iris, !restrict.is_empty()),
        );
        self.select(&query, |row| {
            let (Some(s), Some(k)) = (subject_of(row[0].as_ref()), pick(row[1].as_ref(), &iris))
            else {
                return;
            };
            let Some(class) = EntityClass::ALL.get(k) else {
                return;
            };
            if keys.is_some_and(|keys| !keys.contains(&s)) {
                return;
            }
            let entry = out.entry(s).or_insert(*class);
            *entry = (*entry).min(*class);
        })?;
        Ok(out)
    }

    /// The literal values of `predicate` of every subject (of `keys`).
    pub(crate) fn literals(
        &self,
        predicate: &str,
        keys: Option<&BTreeSet<String>>,
    ) -> Result<BTreeMap<String, BTreeSet<String>>> {
        let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        if keys.is_some_and(|k| k.is_empty()) {
            return Ok(out);
        }
        let query = format!(
            "SELECT ?s ?l WHERE {{ {} {} FILTER(isLiteral(?l)) }}",
            values("s", keys),
            in_graphs(&format!("?s <{predicate}> ?l"))
        );
        self.select(&query, |row| {
            let (Some(s), Some(Term::Literal(l))) = (subject_of(row[0].as_ref()), &row[1]) else {
                return;
            };
            if keys.is_some_and(|keys| !keys.contains(&s)) {
                return;
            }
            out.entry(s).or_default().insert(l.value().to_string());
        })?;
        Ok(out)
    }

    /// The subjects with a literal value of `predicate` whose lower case is `lower`.
    pub(crate) fn subjects_named(&self, predicate: &str, lower: &str) -> Result<BTreeSet<String>> {
        let wanted = Literal::new_simple_literal(lower);
        let query = format!(
            "SELECT DISTINCT ?s WHERE {{ {} FILTER(isLiteral(?l) && LCASE(STR(?l)) = {wanted}) }}",
            in_graphs(&format!("?s <{predicate}> ?l"))
        );
        let mut out = BTreeSet::new();
        self.select(&query, |row| out.extend(subject_of(row[0].as_ref())))?;
        Ok(out)
    }

    /// The subjects with one of `values` (plain literals) as a value of
    /// `predicate`: one lookup in the store's object index per value.
    pub(crate) fn subjects_with_values(
        &self,
        predicate: &str,
        values: &[String],
    ) -> Result<BTreeSet<String>> {
        let predicate = NamedNodeRef::new_unchecked(predicate);
        let mut out = BTreeSet::new();
        for v in values {
            let value = Literal::new_simple_literal(v.as_str());
            for q in self.store.quads_for_pattern(
                None,
                Some(predicate),
                Some(value.as_ref().into()),
                None,
            ) {
                let q = q.map_err(store_error)?;
                if graph_key(&q.graph_name).as_deref() != Some(vocab::ONTOLOGY_GRAPH) {
                    out.insert(subject_key(&q.subject));
                }
            }
        }
        Ok(out)
    }

    /// The resources with an entity class whose IRI, in lower case, contains `lower`.
    pub(crate) fn entities_containing(&self, lower: &str) -> Result<BTreeSet<String>> {
        let wanted = Literal::new_simple_literal(lower);
        let query = format!(
            "SELECT DISTINCT ?s WHERE {{ {} {} FILTER(CONTAINS(LCASE(STR(?s)), {wanted})) }}",
            in_graphs(&format!("?s <{RDF}type> ?c")),
            choice("c", "k", &class_iris(), false),
        );
        let mut out = BTreeSet::new();
        self.select(&query, |row| out.extend(subject_of(row[0].as_ref())))?;
        Ok(out)
    }

    /// Every document (`mg:Document`), read once.
    fn typed_documents(&self) -> Result<&BTreeSet<String>> {
        if let Some(docs) = self.documents.get() {
            return Ok(docs);
        }
        let mut docs = BTreeSet::new();
        let query = format!(
            "SELECT ?d WHERE {{ {} }}",
            in_graphs(&format!("?d <{RDF}type> <{MG}Document>"))
        );
        self.select(&query, |row| docs.extend(subject_of(row[0].as_ref())))?;
        Ok(self.documents.get_or_init(|| docs))
    }

    /// The documents (`mg:Document`, of `keys`), with their title, source
    /// and date (the first of each when there are several; only the source
    /// without `all`).
    pub(crate) fn documents(
        &self,
        keys: Option<&BTreeSet<String>>,
        all: bool,
    ) -> Result<BTreeMap<String, DocumentInfo>> {
        let mut out = BTreeMap::new();
        // (the documents are read whole and filtered here: a `VALUES` block
        // joined with a pattern of two constants is very slow)
        let docs: BTreeSet<String> = match keys {
            Some(keys) => self
                .typed_documents()?
                .iter()
                .filter(|d| keys.contains(*d))
                .cloned()
                .collect(),
            None => self.typed_documents()?.clone(),
        };
        if docs.is_empty() {
            return Ok(out);
        }
        // (one query per property: a query joining two VALUES blocks is slow)
        let mut props: [BTreeMap<String, BTreeSet<String>>; 3] = Default::default();
        for (map, prop) in props.iter_mut().zip(["title", "source", "date"]) {
            if !all && prop != "source" {
                continue;
            }
            let query = format!(
                "SELECT ?d ?v WHERE {{ {} {} }}",
                values("d", keys.map(|_| &docs)),
                in_graphs(&format!("?d <{DCTERMS}{prop}> ?v"))
            );
            self.select(&query, |row| {
                let (Some(d), Some(v)) = (subject_of(row[0].as_ref()), &row[1]) else {
                    return;
                };
                if docs.contains(&d) {
                    map.entry(d).or_default().insert(term_key(v));
                }
            })?;
        }
        let first = |map: &BTreeMap<String, BTreeSet<String>>, d: &str| {
            map.get(d)
                .and_then(|s| s.iter().next().cloned())
                .unwrap_or_default()
        };
        for iri in docs {
            let info = DocumentInfo {
                title: first(&props[0], &iri),
                source: first(&props[1], &iri),
                date: first(&props[2], &iri),
                iri: iri.clone(),
            };
            out.insert(iri, info);
        }
        Ok(out)
    }

    /// The documents that mention each node (of `nodes`): `schema:mentions`
    /// of the node or of a resource drawn as it.
    pub(crate) fn mentioned_by(
        &self,
        nodes: Option<&BTreeSet<String>>,
    ) -> Result<BTreeMap<String, BTreeSet<String>>> {
        let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        if nodes.is_some_and(|k| k.is_empty()) {
            return Ok(out);
        }
        let group = self.group(nodes);
        let query = format!(
            "SELECT ?d ?x WHERE {{ {} {} }}",
            values("x", group.as_ref()),
            in_graphs(&format!("?d <{SCHEMA}mentions> ?x"))
        );
        self.select(&query, |row| {
            let (Some(d), Some(x)) = (subject_of(row[0].as_ref()), &row[1]) else {
                return;
            };
            let node = self.canonical(term_key(x));
            if nodes.is_some_and(|n| !n.contains(&node)) {
                return;
            }
            out.entry(node).or_default().insert(d);
        })?;
        Ok(out)
    }

    /// The nodes a document mentions (`schema:mentions` in any graph), as drawn.
    pub(crate) fn mentioned_in(&self, document: &str) -> Result<BTreeSet<String>> {
        let one = BTreeSet::from([document.to_string()]);
        let query = format!(
            "SELECT ?d ?x WHERE {{ {} {} }}",
            values("d", Some(&one)),
            in_graphs(&format!("?d <{SCHEMA}mentions> ?x"))
        );
        let mut out = BTreeSet::new();
        self.select(&query, |row| {
            if let (Some(d), Some(x)) = (subject_of(row[0].as_ref()), &row[1]) {
                if d == document {
                    out.insert(self.canonical(term_key(x)));
                }
            }
        })?;
        Ok(out)
    }

    /// The quads of the relation predicates whose subject (`outgoing`) or
    /// object is one of `keys` or drawn as one of them (all of them without
    /// keys): (subject as drawn, predicate index, object, graph).
    pub(crate) fn relations(
        &self,
        keys: Option<&BTreeSet<String>>,
        outgoing: bool,
        mut f: impl FnMut(String, Predicate, &Term, Option<String>),
    ) -> Result<()> {
        if keys.is_some_and(|k| k.is_empty()) {
            return Ok(());
        }
        let group = self.group(keys);
        let var = if outgoing { "s" } else { "o" };
        let iris = predicate_iris();
        let restrict = values(var, group.as_ref());
        let query = format!(
            "SELECT ?s ?k ?o ?g WHERE {{ {restrict} {} {} }}",
            in_graphs("?s ?p ?o"),
            choice("p", "k", &iris, !restrict.is_empty()),
        );
        self.select(&query, |row| {
            let (Some(s), Some(k), Some(o)) = (
                subject_of(row[0].as_ref()),
                pick(row[1].as_ref(), &iris),
                &row[2],
            ) else {
                return;
            };
            let Some(p) = Predicate::ALL.get(k) else {
                return;
            };
            let graph = match &row[3] {
                Some(g @ (Term::NamedNode(_) | Term::BlankNode(_))) => Some(term_key(g)),
                _ => None,
            };
            let s = self.canonical(s);
            if let Some(keys) = keys {
                let end = if outgoing {
                    s.clone()
                } else {
                    match o {
                        Term::Literal(_) => return,
                        o => self.canonical(term_key(o)),
                    }
                };
                if !keys.contains(&end) {
                    return;
                }
            }
            f(s, *p, o, graph);
        })
    }

    /// A query body binding `?st ?s ?k ?o` to the reified statements whose
    /// subject is one of `keys` or drawn as one of them (all without keys),
    /// `?k` the index of the predicate in `iris`.
    fn statements_where(&self, keys: Option<&BTreeSet<String>>, iris: &[String]) -> String {
        let group = self.group(keys);
        let restrict = values("s", group.as_ref());
        format!(
            "{restrict} {} {}",
            in_graphs(&format!(
                "?st <{RDF}subject> ?s . ?st <{RDF}predicate> ?p . ?st <{RDF}object> ?o"
            )),
            choice("p", "k", iris, !restrict.is_empty()),
        )
    }

    /// The number of reified statements of each relation as stored (subject
    /// and object not yet drawn as their nodes) whose subject is one of
    /// `keys` or drawn as one of them (all without keys): counted in the
    /// store, without reading the statements' sentences.
    pub(crate) fn evidence_counts(
        &self,
        keys: Option<&BTreeSet<String>>,
        mut f: impl FnMut(String, Predicate, String, usize),
    ) -> Result<()> {
        if keys.is_some_and(|k| k.is_empty()) {
            return Ok(());
        }
        let iris = predicate_iris();
        let query = format!(
            "SELECT ?s ?k ?o (COUNT(DISTINCT ?st) AS ?n) WHERE {{ {} }} GROUP BY ?s ?k ?o",
            self.statements_where(keys, &iris)
        );
        self.select(&query, |row| {
            let (Some(s), Some(k), Some(o), Some(n)) = (
                &row[0],
                pick(row[1].as_ref(), &iris),
                &row[2],
                index(row[3].as_ref()),
            ) else {
                return;
            };
            let Some(p) = Predicate::ALL.get(k) else {
                return;
            };
            let s = term_key(s);
            if keys.is_some_and(|keys| !keys.contains(&self.canonical(s.clone()))) {
                return;
            }
            f(s, *p, term_key(o), n);
        })
    }

    /// A query body binding `?st ?s ?k ?o` to the reified statements of
    /// `relations` as stored (subject, predicate IRI, object), `?k` the
    /// predicate's IRI; `None` when one of them cannot be named in a
    /// `VALUES` block (a blank node).
    fn relations_where(&self, relations: &BTreeSet<EdgeKey>) -> Option<String> {
        let mut block = String::from("VALUES (?s ?p ?o) {");
        for (s, p, o) in relations {
            let (Some(s), Some(p), Some(o)) =
                (iri_ref(s).ok()?, iri_ref(p).ok()?, iri_ref(o).ok()?)
            else {
                continue; // (names nothing this crate stores)
            };
            block.push_str(&format!(" ({s} {p} {o})"));
        }
        block.push_str(" }");
        Some(format!(
            "{block} {} BIND(?p AS ?k)",
            in_graphs(&format!(
                "?st <{RDF}subject> ?s . ?st <{RDF}predicate> ?p . ?st <{RDF}object> ?o"
            ))
        ))
    }

    /// The evidence of the reified statements `which` names, with the edge
    /// key as drawn. Without `text` the sentences are not read (left empty:
    /// an evidence is one sentence of one document, so the document, start
    /// and rule tell evidences apart). The statements are found with one
    /// query; their properties are read with index lookups (a query joining
    /// them would join the properties of every mention too).
    pub(crate) fn evidence(
        &self,
        which: Statements<'_>,
        text: bool,
        mut f: impl FnMut(EdgeKey, EvidenceInfo),
    ) -> Result<()> {
        match which {
            Statements::About(Some(keys)) if keys.is_empty() => return Ok(()),
            Statements::Of(relations) if relations.is_empty() => return Ok(()),
            _ => {}
        }
        let iris = predicate_iris();
        // (relations that a VALUES block cannot name are picked from all the statements)
        let mut wanted: Option<HashSet<EdgeKey>> = None;
        let (body, keys) = match which {
            Statements::About(keys) => (self.statements_where(keys, &iris), keys),
            Statements::Of(relations) => match self.relations_where(relations) {
                Some(body) => (body, None),
                None => {
                    wanted = Some(
                        relations
                            .iter()
                            .map(|(s, p, o)| {
                                (
                                    self.canonical(s.clone()),
                                    p.clone(),
                                    self.canonical(o.clone()),
                                )
                            })
                            .collect(),
                    );
                    (self.statements_where(None, &iris), None)
                }
            },
        };
        let query = format!("SELECT ?st ?s ?k ?o WHERE {{ {body} }}");
        let mut statements: Vec<(NamedOrBlankNode, EdgeKey)> = Vec::new();
        let mut seen = HashSet::new();
        self.select(&query, |row| {
            let (Some(st), Some(s), Some(k), Some(o)) =
                (&row[0], &row[1], pick(row[2].as_ref(), &iris), &row[3])
            else {
                return;
            };
            let st = match st {
                Term::NamedNode(n) => NamedOrBlankNode::from(n.clone()),
                Term::BlankNode(b) => NamedOrBlankNode::from(b.clone()),
                _ => return,
            };
            let Some(p) = Predicate::ALL.get(k) else {
                return;
            };
            let s = self.canonical(term_key(s));
            if keys.is_some_and(|keys| !keys.contains(&s)) {
                return;
            }
            let key = (s, p.iri(), self.canonical(term_key(o)));
            if wanted.as_ref().is_some_and(|w| !w.contains(&key)) || !seen.insert(st.clone()) {
                return;
            }
            statements.push((st, key));
        })?;
        let props = [
            format!("{PROV}wasDerivedFrom"),
            format!("{MG}start"),
            format!("{MG}evidence"),
            format!("{MG}rule"),
        ];
        for (st, key) in statements {
            // (the last value in the store's order, as the whole-graph reader kept)
            let mut values: [Option<Term>; 4] = Default::default();
            for (value, prop) in values.iter_mut().zip(&props) {
                if !text && prop.ends_with("evidence") {
                    continue;
                }
                for q in self.store.quads_for_pattern(
                    Some(st.as_ref()),
                    Some(NamedNodeRef::new_unchecked(prop)),
                    None,
                    None,
                ) {
                    let q = q.map_err(store_error)?;
                    if graph_key(&q.graph_name).as_deref() != Some(vocab::ONTOLOGY_GRAPH) {
                        *value = Some(q.object);
                    }
                }
            }
            let [d, start, text, rule] = values;
            let start = match start {
                Some(Term::Literal(l)) => l.value().parse().ok(),
                _ => None,
            };
            let text_of = |t: Option<Term>| t.as_ref().map(term_key).unwrap_or_default();
            let evidence = EvidenceInfo {
                document: text_of(d),
                start,
                text: text_of(text),
                rule: text_of(rule),
            };
            f(key, evidence);
        }
        Ok(())
    }
}
