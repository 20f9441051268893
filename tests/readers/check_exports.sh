#!/usr/bin/env bash
# Opens every memograph export in a real reader.
#
# usage: tests/readers/check_exports.sh [MEMOGRAPH_BINARY] [STORE_DIR]
#
# Without STORE_DIR, builds a store from data/examples/ in a temporary folder.
# Either way the store is copied and a document with a hostile label
# (tests/readers/hostile.ru: </script>, quotes, braces, pipes, a backslash, a
# newline) is added, so every reader also proves the escaping.
#
# Readers: networkx (GraphML, GEXF), Graphviz `dot` (DOT -> SVG), cytoscape.js
# headless (npm `cytoscape`, installed into tests/readers/node_modules), a
# Mermaid well-formedness check, headless Chromium (HTML viewer: drawn node
# count, no script errors, a screenshot). Needs: python3 with networkx,
# graphviz, node + npm, chromium (see .ci/run).
#
# Environment: SCREENSHOT=FILE keeps the viewer's screenshot there
# (default: target/readers/viewer.png); KEEP=1 keeps the work folder.
# Exits non-zero when any check fails; prints "N passed, M failed".
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
bin=${1:-$repo/target/release/memograph}
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
src_store=${2:-}
work=$(mktemp -d)
if [ "${KEEP:-0}" = 1 ]; then echo "work folder: $work"; else trap 'rm -rf "$work"' EXIT; fi
screenshot=${SCREENSHOT:-$repo/target/readers/viewer.png}
mkdir -p "$(dirname "$screenshot")"

passed=0
failed=0
failures=()
# check NAME COMMAND...: runs COMMAND, counts and reports the result.
check() {
  local name=$1
  shift
  if "$@" >"$work/log" 2>&1; then
    passed=$((passed + 1))
    printf 'ok    %s: %s\n' "$name" "$(tail -n 1 "$work/log")"
  else
    failed=$((failed + 1))
    failures+=("$name")
    printf 'FAIL  %s\n' "$name"
    sed 's/^/      /' "$work/log" | tail -n 25
  fi
}
die() {
  echo "check_exports: $*" >&2
  echo "0 passed, 1 failed"
  exit 1
}

[ -x "$bin" ] || die "no memograph binary at $bin (build with: cargo build --release)"
for tool in python3 dot node npm chromium; do
  command -v "$tool" >/dev/null || die "$tool is not installed (see .ci/run)"
done
python3 -c 'import networkx' 2>/dev/null || die "python3 cannot import networkx (pip install networkx)"

# --- the store ---------------------------------------------------------------
store=$work/store
if [ -n "$src_store" ]; then
  cp -r "$src_store" "$store" || die "cannot copy $src_store"
else
  "$bin" ingest --store "$store" "$repo/data/examples" >"$work/ingest.log" 2>&1 ||
    { cat "$work/ingest.log"; die "ingest of data/examples failed"; }
fi
"$bin" update --store "$store" --file "$here/hostile.ru" || die "adding the hostile document failed"

# --- expected counts, from SPARQL (independent of the exporter) ------------------
classes='mg:Agency mg:Organization mg:Person mg:Memo mg:Policy'
edge_preds='org:subOrganizationOf org:memberOf org:headOf dcterms:creator mg:addressedTo mg:concerns dcterms:references dcterms:replaces mg:implements mg:succeededBy'
sparql_count() {
  "$bin" query --store "$store" --format json "$1" >"$work/count.json" || return 1
  python3 "$here/check_graph.py" count "$work/count.json"
}
nodes=$(sparql_count "SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a ?t VALUES ?t { $classes } }") ||
  die "counting entities failed"
edges=$(sparql_count "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE {
  ?s ?p ?o . ?s a ?ts . ?o a ?to . VALUES ?p { $edge_preds } VALUES ?ts { $classes } VALUES ?to { $classes } } }") ||
  die "counting relations failed"
agencies=$(sparql_count "SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a mg:Agency }") || die "counting agencies failed"
echo "store: $nodes entities ($agencies agencies), $edges entity-valued relations (expected in every export)"
[ "$nodes" -gt 2 ] && [ "$edges" -gt 0 ] || die "the store is (nearly) empty"

# --- write every format --------------------------------------------------------
out=$work/out
mkdir -p "$out"
export_to() { "$bin" export --store "$store" "$@"; }
for f in dot graphml gexf json mmd html ttl trig nq; do
  check "export .$f" export_to -o "$out/graph.$f"
done
check "export --format dot to stdout" sh -c "'$bin' export --store '$store' --format dot > '$out/stdout.dot' && cmp '$out/stdout.dot' '$out/graph.dot' && echo same as -o graph.dot"
check "deterministic output" sh -c "'$bin' export --store '$store' -o '$out/again.graphml' && cmp '$out/again.graphml' '$out/graph.graphml' && echo two runs byte-identical"

# --- readers -------------------------------------------------------------------------
check "GraphML in networkx" python3 "$here/check_graph.py" networkx graphml "$out/graph.graphml" "$nodes" "$edges" "$here/hostile_label.txt"
check "GEXF in networkx" python3 "$here/check_graph.py" networkx gexf "$out/graph.gexf" "$nodes" "$edges" "$here/hostile_label.txt"

render_dot() {
  dot -Tsvg "$out/graph.dot" -o "$out/graph.svg" 2>"$work/dot.err" || { cat "$work/dot.err"; return 1; }
  if grep -qi 'error\|syntax' "$work/dot.err"; then cat "$work/dot.err"; return 1; fi
  python3 "$here/check_graph.py" svg "$out/graph.svg" "$nodes" "$here/hostile_label.txt"
}
check "DOT in Graphviz dot" render_dot

install_cytoscape() {
  [ -d "$here/node_modules/cytoscape" ] && return 0
  npm install --prefix "$here" --no-save --no-package-lock --no-audit --no-fund cytoscape@3 >"$work/npm.log" 2>&1 ||
    { cat "$work/npm.log"; return 1; }
}
cytoscape_check() {
  install_cytoscape || return 1
  NODE_PATH="$here/node_modules" node "$here/check_cytoscape.js" "$out/graph.json" "$nodes" "$edges"
}
check "Cytoscape JSON in cytoscape.js" cytoscape_check
check "Mermaid well-formed" python3 "$here/check_graph.py" mermaid "$out/graph.mmd" "$nodes" "$edges"

chromium_run() {
  local profile
  profile=$(mktemp -d "$work/chromium.XXXX")
  timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --disable-dev-shm-usage --user-data-dir="$profile" --window-size=1200,800 \
    --enable-logging=stderr --v=0 --virtual-time-budget=3000 "$@"
}
html_check() {
  chromium_run --dump-dom "file://$out/graph.html" >"$out/dom.html" 2>"$work/chromium.err"
  local drawn errors ready
  drawn=$(grep -o 'data-drawn-nodes="[0-9]*"' "$out/dom.html" | head -n 1 | grep -o '[0-9]*')
  errors=$(grep -o 'data-errors="[0-9]*"' "$out/dom.html" | head -n 1 | grep -o '[0-9]*')
  ready=$(grep -c 'data-ready="true"' "$out/dom.html")
  if grep -E 'CONSOLE|Uncaught' "$work/chromium.err" | grep -Eiv 'devtools|dbus' | grep -q .; then
    echo "console output:"; grep -E 'CONSOLE|Uncaught' "$work/chromium.err" | head -n 10
    return 1
  fi
  if grep -q '<script>alert' "$out/dom.html"; then
    echo "the hostile label was injected into the page"; return 1
  fi
  [ "$ready" -ge 1 ] || { echo "the viewer did not finish starting (no data-ready)"; return 1; }
  [ "${errors:-x}" = 0 ] || { echo "data-errors=${errors:-missing}"; return 1; }
  [ "${drawn:-x}" = "$nodes" ] || { echo "drawn nodes ${drawn:-missing}, want $nodes"; return 1; }
  echo "chromium: drew $drawn nodes, 0 script errors, no console errors"
}
check "HTML viewer in headless Chromium" html_check
screenshot_check() {
  rm -f "$screenshot"
  chromium_run --screenshot="$screenshot" "file://$out/graph.html" >/dev/null 2>"$work/chromium-shot.err"
  [ -s "$screenshot" ] || { tail -n 5 "$work/chromium-shot.err"; return 1; }
  echo "screenshot: $screenshot ($(wc -c <"$screenshot") bytes)"
}
check "HTML viewer screenshot" screenshot_check

# --- filters ---------------------------------------------------------------------------
check "--type Agency" sh -c "'$bin' export --store '$store' --format cytoscape --type Agency -o '$out/agencies.json' &&
  python3 '$here/check_graph.py' cytoscape-classes '$out/agencies.json' Agency &&
  python3 -c 'import json,sys; n=len(json.load(open(\"$out/agencies.json\"))[\"elements\"][\"nodes\"]); sys.exit(0 if n==$agencies else \"%d agencies, want $agencies\" % n)' && echo $agencies agencies"
check "--around ENTITY --depth 1" sh -c "'$bin' export --store '$store' --format mermaid --around 'Parent {of} \"evil\"' --depth 1 -o '$out/around.mmd' &&
  python3 '$here/check_graph.py' mermaid '$out/around.mmd' 2 1"
check "--document DOC" sh -c "'$bin' export --store '$store' --format gexf --document tests/readers/hostile.txt -o '$out/doc.gexf' &&
  python3 '$here/check_graph.py' networkx gexf '$out/doc.gexf' 2 1 '$here/hostile_label.txt'"
printf 'PREFIX org: <http://www.w3.org/ns/org#>\nCONSTRUCT { ?a org:subOrganizationOf ?b } WHERE { ?a org:subOrganizationOf ?b }\n' >"$work/sub.rq"
suborgs=$(sparql_count "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?a ?b WHERE { ?a org:subOrganizationOf ?b } }")
check "--query CONSTRUCT" sh -c "'$bin' export --store '$store' --query '$work/sub.rq' -o '$out/sub.graphml' &&
  python3 -c 'import networkx as nx,sys; g=nx.read_graphml(\"$out/sub.graphml\"); sys.exit(0 if g.number_of_edges()==$suborgs else \"%d edges, want $suborgs\" % g.number_of_edges()); ' && echo $suborgs subOrganizationOf edges"
quads=$(sparql_count "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
check "N-Quads dump has every quad" sh -c "n=\$(grep -c . '$out/graph.nq'); [ \"\$n\" = '$quads' ] && echo \"\$n quads\" || { echo \"\$n lines, want $quads\"; exit 1; }"
check "Turtle and TriG dumps" sh -c "grep -q '^@prefix mg: <https://w3id.org/memograph/ns#> .' '$out/graph.ttl' && grep -q '^@prefix mg:' '$out/graph.trig' && grep -q '{' '$out/graph.trig' && echo prefixes and graphs present"

echo
echo "$passed passed, $failed failed"
if [ "$failed" -gt 0 ]; then
  printf 'failed: %s\n' "${failures[@]}"
  exit 1
fi
