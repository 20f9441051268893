#!/usr/bin/env python3
"""Draws a seeded, reproducible random sample of entity labels per class from a
memograph store, for judging by hand whether each label is a whole, correct
name of the right class.

    python3 scripts/label_sample.py STORE [--bin PATH] [--seed N] [--per-class 60]
                                    [--class Person ...] [--corpus DIR] [--tsv]

Reads the store through `memograph query` (one query per class: every entity
of that class with its rdfs:label), sorts the labels by IRI, and draws
--per-class of them with Python's `random.Random(seed)`, so the same store and
seed always give the same sample. With --corpus DIR, each label is shown with
the text around its first occurrence in the JSON Lines documents of DIR (files
and lines in sorted order), to judge it in context. Standard library only.
"""
import argparse, glob, json, os, random, subprocess, sys

CLASSES = ["Person", "Agency", "Organization", "Memo", "Policy"]


def labels(binary, store, cls):
    q = f"SELECT DISTINCT ?e ?l WHERE {{ ?e a mg:{cls} ; rdfs:label ?l }}"
    p = subprocess.run([binary, "query", "--store", store, "--format", "json", q],
                       capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit(f"query failed: {p.stderr.strip()[:300]}")
    rows = [(b["e"]["value"], b["l"]["value"]) for b in json.loads(p.stdout)["results"]["bindings"]]
    return sorted(set(rows))


def context(corpus, label, width=90):
    i = corpus.find(label)
    if i < 0:
        return ""
    lo = max(corpus.rfind("\x00", 0, i) + 1, i - width)
    hi = corpus.find("\x00", i)
    hi = min(hi if hi >= 0 else len(corpus), i + len(label) + width)
    return corpus[lo:hi].replace("\n", " ")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("store")
    ap.add_argument("--bin", default=os.environ.get("MEMOGRAPH_BIN", "target/release/memograph"))
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--per-class", type=int, default=60)
    ap.add_argument("--class", dest="classes", action="append", choices=CLASSES)
    ap.add_argument("--corpus", help="a folder of JSON Lines documents, to show each label in context")
    ap.add_argument("--tsv", action="store_true", help="class, IRI, label (and context) per line")
    a = ap.parse_args()
    texts = []
    if a.corpus:
        for f in sorted(glob.glob(os.path.join(a.corpus, "*.jsonl"))):
            with open(f, encoding="utf-8") as fh:
                texts.extend(json.loads(line).get("text", "") for line in fh if line.strip())
    corpus = "\x00".join(texts)
    for cls in a.classes or CLASSES:
        rows = labels(a.bin, a.store, cls)
        rng = random.Random(f"{a.seed}:{cls}")
        sample = rng.sample(rows, min(a.per_class, len(rows)))
        if not a.tsv:
            print(f"## {cls}: {len(sample)} of {len(rows)}")
        for n, (iri, label) in enumerate(sample, 1):
            ctx = context(corpus, label) if texts else ""
            if a.tsv:
                print("\t".join([cls, iri, label] + ([ctx] if a.corpus else [])))
            else:
                print(f"{n:3d}. {label}" + (f"\n     | {ctx}" if ctx else ""))


main()
