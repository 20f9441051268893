//! IRIs of the public schema (`SCHEMA.md`) and of the vocabularies it maps to.

/// memograph's own namespace.
pub const MG: &str = "https://w3id.org/memograph/ns#";
/// Default base of instance IRIs.
pub const DEFAULT_BASE: &str = "https://w3id.org/memograph/id/";
/// W3C Organization ontology.
pub const ORG: &str = "http://www.w3.org/ns/org#";
/// Dublin Core terms.
pub const DCTERMS: &str = "http://purl.org/dc/terms/";
/// schema.org.
pub const SCHEMA: &str = "https://schema.org/";
/// SKOS.
pub const SKOS: &str = "http://www.w3.org/2004/02/skos/core#";
/// RDF Schema.
pub const RDFS: &str = "http://www.w3.org/2000/01/rdf-schema#";
/// RDF.
pub const RDF: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
/// PROV-O.
pub const PROV: &str = "http://www.w3.org/ns/prov#";
/// XML Schema datatypes.
pub const XSD: &str = "http://www.w3.org/2001/XMLSchema#";
/// OWL.
pub const OWL: &str = "http://www.w3.org/2002/07/owl#";

/// The IRI of the named graph that holds the ontology (`data/ontology.ttl`).
pub const ONTOLOGY_GRAPH: &str = "https://w3id.org/memograph/ns";

/// The IRI of the shared named graph that holds entity descriptions (`rdf:type`,
/// `rdfs:label`, `skos:altLabel`) once, whatever the number of documents that
/// name the entity. Everything else a document yields lives in its own graph.
pub const ENTITIES_GRAPH: &str = "https://w3id.org/memograph/ns/entities";

/// Whether a named graph holds a document (not the ontology or the shared entities graph).
pub fn is_document_graph(iri: &str) -> bool {
    iri != ONTOLOGY_GRAPH && iri != ENTITIES_GRAPH
}

/// The SPARQL prefix block for every namespace above (used by built-in queries and docs).
pub const PREFIXES: &str = "PREFIX mg: <https://w3id.org/memograph/ns#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX schema: <https://schema.org/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
";

/// Compacts an IRI with the schema's prefixes (`mg:Agency`), or returns it unchanged.
pub fn compact(iri: &str) -> String {
    for (prefix, ns) in [
        ("mg", MG),
        ("org", ORG),
        ("dcterms", DCTERMS),
        ("schema", SCHEMA),
        ("skos", SKOS),
        ("rdfs", RDFS),
        ("rdf", RDF),
        ("prov", PROV),
        ("xsd", XSD),
    ] {
        if let Some(local) = iri.strip_prefix(ns) {
            return format!("{prefix}:{local}");
        }
    }
    iri.to_string()
}
