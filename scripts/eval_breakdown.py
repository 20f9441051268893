#!/usr/bin/env python3
"""Per-class and per-predicate precision and recall on a gold folder, using the
shared scorer's own matching (../shared/eval/score.py), for people tuning rules.

    python3 scripts/eval_breakdown.py [../shared/eval/dev] [--bin target/release/memograph]
"""
import argparse
import collections
import importlib.util
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))


def load_scorer(path):
    spec = importlib.util.spec_from_file_location("score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("folder", nargs="?", default=os.path.join(HERE, "..", "..", "shared", "eval", "dev"))
    ap.add_argument("--bin", default=os.path.join(HERE, "..", "target", "release", "memograph"))
    args = ap.parse_args()
    score = load_scorer(os.path.join(args.folder, "..", "score.py"))
    ent = collections.defaultdict(lambda: [0, 0, 0, 0])  # sys, sys_ok, gold, gold_found
    rel = collections.defaultdict(lambda: [0, 0, 0, 0])
    for name in sorted(f for f in os.listdir(args.folder) if f.endswith(".gold.json")):
        gold = json.load(open(os.path.join(args.folder, name)))
        entities, relations = score.read_graph(args.bin, os.path.join(args.folder, gold["document"]))
        all_gold = gold["entities"] + gold.get("optional_entities", [])
        sys_to_gold = {iri: {g["id"] for g in all_gold if score.gold_matches(g, e)} for iri, e in entities.items()}
        claimed = set()
        for iri in sorted(entities):
            cls = sorted(entities[iri]["types"])[0]
            ent[cls][0] += 1
            ids = sys_to_gold[iri] - claimed
            if ids:
                claimed |= ids
                ent[cls][1] += 1
        for g in gold["entities"]:
            cls = g["type"] if isinstance(g["type"], str) else g["type"][0]
            ent[cls][2] += 1
            if any(g["id"] in ids for ids in sys_to_gold.values()):
                ent[cls][3] += 1

        def ok(r, s, p, o):
            if r["p"] != p or r["s"] not in sys_to_gold.get(s, set()):
                return False
            if "literal" in r:
                return score.literal_matches(r["literal"], o)
            return r["o"] in sys_to_gold.get(o, set())

        req, opt = gold["relations"], gold.get("optional_relations", [])
        for s, p, o in relations:
            rel[p][0] += 1
            if any(ok(r, s, p, o) for r in req + opt):
                rel[p][1] += 1
        for r in req:
            rel[r["p"]][2] += 1
            if any(ok(r, s, p, o) for s, p, o in relations):
                rel[r["p"]][3] += 1

    def table(title, rows):
        print(f"| {title} | system | correct | precision | gold | found | recall |")
        print("|---|---:|---:|---:|---:|---:|---:|")
        for k in sorted(rows):
            n, okn, g, f = rows[k]
            p = f"{okn / n:.2f}" if n else "-"
            r = f"{f / g:.2f}" if g else "-"
            print(f"| {k} | {n} | {okn} | {p} | {g} | {f} | {r} |")
        print()

    table("class", ent)
    table("predicate", rel)


if __name__ == "__main__":
    main()
