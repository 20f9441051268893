#!/usr/bin/env python3
"""Reader checks for memograph exports (called by check_exports.sh).

  check_graph.py networkx graphml|gexf FILE NODES EDGES HOSTILE_LABEL_FILE
  check_graph.py mermaid FILE NODES EDGES
  check_graph.py cytoscape-classes FILE CLASS...   (every node has one of the classes)
  check_graph.py count SPARQL_JSON_FILE            (prints the first binding's value)
  check_graph.py svg FILE NODES HOSTILE_LABEL_FILE (Graphviz SVG output)

Exits non-zero with a message on the first failed expectation.
"""
import json
import re
import sys

CLASSES = {"Agency", "Organization", "Person", "Memo", "Policy"}


def fail(msg):
    sys.exit("FAILED: " + msg)


def hostile(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    return text[:-1] if text.endswith("\n") else text


def check_networkx(fmt, path, nodes, edges, label_file):
    import networkx as nx

    g = nx.read_graphml(path) if fmt == "graphml" else nx.read_gexf(path)
    if not g.is_directed():
        fail("graph is not directed")
    if g.number_of_nodes() != nodes or g.number_of_edges() != edges:
        fail(f"{g.number_of_nodes()} nodes, {g.number_of_edges()} edges; want {nodes}, {edges}")
    for n, d in g.nodes(data=True):
        for key in ("label", "iri", "class"):
            if not d.get(key):
                fail(f"node {n} has no {key}: {d}")
        if d["class"] not in CLASSES:
            fail(f"node {n} has class {d['class']!r}")
        if not d["iri"].startswith("https://w3id.org/memograph/id/"):
            fail(f"node {n} iri {d['iri']!r}")
    total_evidence = 0
    for a, b, d in g.edges(data=True):
        if not d.get("label") or ":" not in d["label"]:
            fail(f"edge {a}->{b} label {d.get('label')!r}")
        if not d.get("predicate", "").startswith("http"):
            fail(f"edge {a}->{b} predicate {d.get('predicate')!r}")
        if not isinstance(d.get("evidence"), int) or d["evidence"] < 0:
            fail(f"edge {a}->{b} evidence {d.get('evidence')!r}")
        total_evidence += d["evidence"]
    if edges and total_evidence == 0:
        fail("no edge has evidence")
    want = hostile(label_file)
    labels = [d["label"] for _, d in g.nodes(data=True)]
    if want not in labels:
        fail("the hostile label did not survive the round trip")
    aliases = [d.get("aliases", "") for _, d in g.nodes(data=True)]
    if not any('"EVIL" <b>|</b>' in a for a in aliases):
        fail("the hostile alias did not survive the round trip")
    print(f"{fmt}: {nodes} nodes, {edges} edges, {total_evidence} evidence sentences, attributes and hostile label intact")


NODE = re.compile(r'^  (n\d+)\["([^"]*)"\]$')
EDGE = re.compile(r'^  (n\d+) -->\|"([^"]*)"\| (n\d+)$')
CLASSDEF = re.compile(r"^  classDef c_[A-Za-z0-9]+ fill:#[0-9a-f]{6},stroke:#333,color:#fff$")
CLASSUSE = re.compile(r"^  class (n\d+(,n\d+)*) c_[A-Za-z0-9]+$")


def check_mermaid(path, nodes, edges):
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    if lines[-1] != "":
        fail("no final newline")
    lines = lines[:-1]
    if not lines[0].startswith("%% ") or lines[1] != "flowchart LR":
        fail(f"bad header {lines[:2]}")
    declared, edge_count, classed = set(), 0, set()
    for i, line in enumerate(lines[2:], 3):
        if m := NODE.match(line):
            if m.group(1) in declared:
                fail(f"line {i}: {m.group(1)} declared twice")
            declared.add(m.group(1))
            label = m.group(2)
        elif m := EDGE.match(line):
            a, label, b = m.groups()
            for end in (a, b):
                if end not in declared:
                    fail(f"line {i}: edge end {end} not declared before use")
            edge_count += 1
        elif CLASSDEF.match(line):
            continue
        elif m := CLASSUSE.match(line):
            for n in m.group(1).split(","):
                if n not in declared:
                    fail(f"line {i}: class on undeclared {n}")
                classed.add(n)
            continue
        else:
            fail(f"line {i} is not a node, edge or class line: {line!r}")
        bare = re.sub(r"#[0-9]+;", "", label)
        if any(not (c.isalnum() or c in " .,:()-_/'?!") for c in bare):
            fail(f"line {i}: unescaped character in label {label!r}")
    if len(declared) != nodes or edge_count != edges:
        fail(f"{len(declared)} nodes, {edge_count} edges; want {nodes}, {edges}")
    if classed != declared:
        fail("some nodes have no class")
    print(f"mermaid: {nodes} nodes, {edges} edges, every edge end declared, ids n<digits>, labels escaped")


def check_classes(path, classes):
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    got = {n["data"]["class"] for n in doc["elements"]["nodes"]}
    if not doc["elements"]["nodes"] or not got <= set(classes):
        fail(f"classes {sorted(got)}, want a subset of {classes}")
    print(f"classes {sorted(got)}")


def count(path):
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    binding = doc["results"]["bindings"][0]
    print(next(iter(binding.values()))["value"])


def check_svg(path, nodes, label_file):
    import xml.etree.ElementTree as ET

    tree = ET.parse(path)
    ns = {"svg": "http://www.w3.org/2000/svg"}
    groups = [g for g in tree.iter("{http://www.w3.org/2000/svg}g") if g.get("class") and "node" in g.get("class").split()]
    if len(groups) != nodes:
        fail(f"{len(groups)} nodes drawn, want {nodes}")
    texts = " ".join(t.text or "" for t in tree.iter("{http://www.w3.org/2000/svg}text"))
    want = hostile(label_file).split("\n")[0]
    if want not in texts:
        fail("the hostile label is not drawn verbatim")
    if tree.find(".//svg:script", ns) is not None:
        fail("a script element got into the SVG")
    print(f"dot: rendered {nodes} nodes to SVG, hostile label drawn verbatim")


def main(argv):
    cmd = argv[1]
    if cmd == "networkx":
        check_networkx(argv[2], argv[3], int(argv[4]), int(argv[5]), argv[6])
    elif cmd == "mermaid":
        check_mermaid(argv[2], int(argv[3]), int(argv[4]))
    elif cmd == "cytoscape-classes":
        check_classes(argv[2], argv[3:])
    elif cmd == "count":
        count(argv[2])
    elif cmd == "svg":
        check_svg(argv[2], int(argv[3]), argv[4])
    else:
        fail(f"unknown check {cmd}")


if __name__ == "__main__":
    main(sys.argv)
