#!/usr/bin/env python3
"""List places in src/ and data/ that quote a gold dev document.

The rule of work: no name or phrase from a dev document goes into code or
data (rules, examples, test rows, comments). This scan prints every line of
src/**/*.rs, data/rules/*.toml and data/words.toml holding a run of three
words, at least two of them capitalised or numbers, that occurs in a dev
document and fewer than three times in the whole perf corpus (so shared
names such as "Department of Homeland Security" do not count).

usage: scripts/dev_leaks.py [--dev DIR] [--corpus DIR] [--glob 'PATTERN']
  --glob   the dev documents to check against (default: all *.txt)
Prints "code|test PATH:LINE [phrases]" (test: after the file's #[cfg(test)]).
"""
import argparse, collections, glob, os, re

ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
ap.add_argument("--dev", default="../shared/eval/dev")
ap.add_argument("--corpus", default="../shared/perf-corpus")
ap.add_argument("--glob", default="*.txt")
a = ap.parse_args()
dev = " ".join(re.sub(r"\s+", " ", open(f).read()) for f in glob.glob(os.path.join(a.dev, a.glob)))
perf = "".join(open(f).read() for f in glob.glob(os.path.join(a.corpus, "*.jsonl")))
files = sorted(glob.glob("src/**/*.rs", recursive=True) + glob.glob("data/rules/*.toml") + ["data/words.toml"])
word = re.compile(r"[A-Za-z0-9][A-Za-z0-9'\u2019-]*")
out = collections.defaultdict(set)
for f in files:
    lines = open(f).read().split("\n")
    test_from = next((i for i, l in enumerate(lines) if l.strip() == "#[cfg(test)]"), len(lines))
    for n, line in enumerate(lines, 1):
        toks = word.findall(line)
        for i in range(len(toks) - 2):
            run = toks[i : i + 3]
            s = " ".join(run)
            if sum(t[0].isupper() or t[0].isdigit() for t in run) >= 2 and s in dev and perf.count(s) < 3:
                out[(f, n, "test" if n > test_from else "code")].add(s)
for (f, n, kind), s in sorted(out.items()):
    print(f"{kind} {f}:{n} {sorted(s)[:3]}")
