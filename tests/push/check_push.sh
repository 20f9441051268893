#!/usr/bin/env bash
# `memograph push` against real triple stores, all on loopback:
#   - OpenLink Virtuoso 7 (Debian's virtuoso-opensource-7-bin), Graph Store
#     Protocol at /sparql-graph-crud-auth with digest authentication (dba/dba),
#     and SPARQL Update at /sparql-auth;
#   - the Oxigraph server from PyPI (`pip install oxigraph`), GSP at /store;
#   - memograph's own `serve --allow-update`, which has no GSP: push falls back
#     to SPARQL Update.
# It ingests data/examples/, pushes, runs every queries/*.rq on each external
# store and on memograph's own store, and compares the answers as sorted sets
# of rows; then checks that a second push sends nothing, that --all re-sends
# without duplicating anything, and that a removed document is dropped remotely.
#
# usage: tests/push/check_push.sh [path/to/memograph]     (run as root in CI)
set -uo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
M=$(realpath "${1:-target/release/memograph}")
work=$(mktemp -d /tmp/memograph-push.XXXXXX)
pids=()
passed=0
failed=0

cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null; done
  rm -rf "$work"
}
trap cleanup EXIT

ok() { passed=$((passed + 1)); echo "ok      $1"; }
ko() { failed=$((failed + 1)); echo "FAILED  $1"; }
# check NAME COMMAND...: runs COMMAND, counts it, shows its output on failure.
check() {
  local name=$1; shift
  if "$@" >"$work/last.log" 2>&1; then ok "$name"; else ko "$name"; sed 's/^/    /' "$work/last.log" | tail -20; fi
}
summary() {
  echo "push: $passed passed, $failed failed"
  [ "$failed" -eq 0 ]
  exit $?
}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# wait_http URL SECONDS: until URL answers (any HTTP status).
wait_http() {
  local deadline=$((SECONDS + $2))
  while [ $SECONDS -lt $deadline ]; do
    if curl -s -o /dev/null --max-time 2 "$1"; then return 0; fi
    sleep 1
  done
  return 1
}

# --- installs ---------------------------------------------------------------
if ! command -v virtuoso-t >/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq --no-install-recommends virtuoso-opensource-7-bin >/dev/null 2>&1 ||
    { apt-get update -qq >/dev/null 2>&1; apt-get install -y -qq --no-install-recommends virtuoso-opensource-7-bin >/dev/null; }
fi
command -v curl >/dev/null || apt-get install -y -qq curl >/dev/null
venv=${MEMOGRAPH_OXIGRAPH_VENV:-$HOME/.cache/memograph-oxigraph-venv}
if ! "$venv/bin/oxigraph" --version >/dev/null 2>&1; then
  rm -rf "$venv"
  python3 -m venv "$venv" 2>/dev/null ||
    { apt-get install -y -qq python3-venv >/dev/null 2>&1; rm -rf "$venv"; python3 -m venv "$venv"; }
  "$venv/bin/pip" install -q oxigraph
fi
if command -v virtuoso-t >/dev/null; then ok "virtuoso installed"; else ko "virtuoso installed"; summary; fi
if "$venv/bin/oxigraph" --version >/dev/null 2>&1; then ok "oxigraph server installed"; else ko "oxigraph server installed"; summary; fi

# --- start the stores ----------------------------------------------------------
vsql=$(free_port); vhttp=$(free_port); oxport=$(free_port); mgport=$(free_port)
mkdir -p "$work/virtuoso/db" "$work/virtuoso/www" "$work/oxigraph"
cat >"$work/virtuoso/virtuoso.ini" <<EOF
[Database]
DatabaseFile = $work/virtuoso/db/virtuoso.db
ErrorLogFile = $work/virtuoso/db/virtuoso.log
LockFile = $work/virtuoso/db/virtuoso.lck
TransactionFile = $work/virtuoso/db/virtuoso.trx
xa_persistent_file = $work/virtuoso/db/virtuoso.pxa
FileExtend = 200
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = $work/virtuoso/db/virtuoso-temp.db
TransactionFile = $work/virtuoso/db/virtuoso-temp.trx
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:$vsql
DisableUnixSocket = 1
MaxClientConnections = 10
CheckpointInterval = 60
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
DirsAllowed = ., $work/virtuoso
ThreadsPerQuery = 2
MaxQueryMem = 500M

[HTTPServer]
ServerPort = 127.0.0.1:$vhttp
ServerRoot = $work/virtuoso/www
MaxClientConnections = 4
ServerThreads = 4
EnabledDavVSP = 0
HTTPProxyEnabled = 0
Charset = UTF-8

[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 60
EOF
(cd "$work/virtuoso" && exec virtuoso-t +configfile "$work/virtuoso/virtuoso.ini" +foreground >"$work/virtuoso/out.log" 2>&1) &
pids+=($!)
"$venv/bin/oxigraph" serve --location "$work/oxigraph" --bind "127.0.0.1:$oxport" --union-default-graph >"$work/oxigraph.log" 2>&1 &
pids+=($!)

VIRT_GSP="http://127.0.0.1:$vhttp/sparql-graph-crud-auth"
VIRT_QUERY="http://127.0.0.1:$vhttp/sparql"
VIRT_UPDATE="http://127.0.0.1:$vhttp/sparql-auth"
OXI_GSP="http://127.0.0.1:$oxport/store"
OXI_QUERY="http://127.0.0.1:$oxport/query"
MG_SPARQL="http://127.0.0.1:$mgport/sparql"

# --- memograph's store --------------------------------------------------------
store="$work/store"
check "ingest data/examples" "$M" ingest --store "$store" data/examples
# memograph's own server, with an empty store that push fills.
"$M" serve --store "$work/served" --bind "127.0.0.1:$mgport" --allow-update >"$work/serve.log" 2>&1 &
pids+=($!)

if wait_http "$VIRT_QUERY" 180; then ok "virtuoso started"; else ko "virtuoso started"; tail -5 "$work/virtuoso/out.log"; summary; fi
if wait_http "$OXI_QUERY" 60; then ok "oxigraph started"; else ko "oxigraph started"; tail -5 "$work/oxigraph.log"; summary; fi
if wait_http "http://127.0.0.1:$mgport/health" 60; then ok "memograph serve started"; else ko "memograph serve started"; tail -5 "$work/serve.log"; summary; fi

# report_has FILE.json OUTCOME N [METHOD]: N graphs with that outcome (and method).
report_has() {
  python3 - "$@" <<'PY'
import json, sys
path, outcome, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
method = sys.argv[4] if len(sys.argv) > 4 else None
report = json.load(open(path))
got = [g for g in report["graphs"] if g["outcome"] == outcome and (method is None or g["method"] == method)]
if len(got) != n:
    print(json.dumps(report, indent=1)[:3000])
    sys.exit(f"{len(got)} graphs {outcome} (method {method}), expected {n}")
PY
}

# The number of graphs in memograph's store (documents and ontology).
graphs=$("$M" query --store "$store" --format csv 'SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }' | tail -1 | tr -d '\r')
echo "        $graphs graphs in the store"

# push NAME ARGS...: runs push with --json into $work/NAME.json.
push() {
  local name=$1; shift
  "$M" push --store "$store" --json "$@" >"$work/$name.json" 2>"$work/$name.err"
}

# compare_all NAME QUERY_URL: every queries/*.rq on the external store vs memograph's own.
compare_all() {
  local name=$1 url=$2 q n
  for q in queries/*.rq; do
    n=$(basename "$q" .rq)
    "$M" query --store "$store" --format csv --file "$q" >"$work/mine-$n.csv"
    if ! curl -sf -H 'Accept: text/csv' --data-urlencode "query@$q" "$url" >"$work/$name-$n.csv"; then
      ko "$name: query $n"; continue
    fi
    check "$name: $n.rq gives the same answers ($(($(wc -l <"$work/mine-$n.csv") - 1)) rows)" \
      python3 tests/push/compare_results.py "$work/mine-$n.csv" "$work/$name-$n.csv"
  done
}

# count_remote URL: the number of triples in memograph's graphs on the store at URL.
count_remote() {
  curl -sf -H 'Accept: text/csv' --data-urlencode \
    'query=SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), "https://w3id.org/memograph/")) }' \
    "$1" | tail -1 | tr -d '\r"'
}
local_count=$("$M" query --store "$store" --format csv 'SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }' | tail -1 | tr -d '\r')

# --- Virtuoso: Graph Store Protocol with digest authentication -----------------
check "virtuoso: wrong password is refused" bash -c "! '$M' push --store '$store' --endpoint '$VIRT_GSP' --user dba --password wrong --retries 0 > '$work/wrong.txt' 2>&1 && grep -q 'HTTP 401' '$work/wrong.txt'"
check "virtuoso: first push sends every graph by GSP" push virtuoso1 --endpoint "$VIRT_GSP" --user dba --password dba
check "virtuoso: report" report_has "$work/virtuoso1.json" pushed "$graphs" gsp
check "virtuoso: every triple arrived ($local_count)" test "$(count_remote "$VIRT_QUERY")" = "$local_count"
compare_all virtuoso "$VIRT_QUERY"
check "virtuoso: second push sends nothing" push virtuoso2 --endpoint "$VIRT_GSP" --user dba --password dba
check "virtuoso: all unchanged" report_has "$work/virtuoso2.json" unchanged "$graphs"
check "virtuoso: --all re-sends" push virtuoso3 --endpoint "$VIRT_GSP" --user dba --password dba --all
check "virtuoso: --all report" report_has "$work/virtuoso3.json" pushed "$graphs" gsp
check "virtuoso: re-sending is idempotent" test "$(count_remote "$VIRT_QUERY")" = "$local_count"
check "virtuoso: SPARQL Update method" push virtuoso4 --endpoint "$VIRT_UPDATE" --method update --user dba --password dba
check "virtuoso: update report" report_has "$work/virtuoso4.json" pushed "$graphs" update
check "virtuoso: updates are idempotent" test "$(count_remote "$VIRT_QUERY")" = "$local_count"

# --- Oxigraph server: Graph Store Protocol, no authentication ------------------
check "oxigraph: first push" push oxigraph1 --endpoint "$OXI_GSP"
check "oxigraph: report" report_has "$work/oxigraph1.json" pushed "$graphs" gsp
check "oxigraph: every triple arrived ($local_count)" test "$(count_remote "$OXI_QUERY")" = "$local_count"
compare_all oxigraph "$OXI_QUERY"
check "oxigraph: second push sends nothing" push oxigraph2 --endpoint "$OXI_GSP"
check "oxigraph: all unchanged" report_has "$work/oxigraph2.json" unchanged "$graphs"
check "oxigraph: --all is idempotent" push oxigraph3 --endpoint "$OXI_GSP" --all
check "oxigraph: no duplicates" test "$(count_remote "$OXI_QUERY")" = "$local_count"

# --- memograph serve: no GSP, so push falls back to SPARQL Update ---------------
check "memograph serve: push falls back to SPARQL Update" push served1 --endpoint "$MG_SPARQL"
check "memograph serve: report" report_has "$work/served1.json" pushed "$graphs" update
compare_all served "$MG_SPARQL"

# --- a removed document is dropped remotely ------------------------------------
doc=$(python3 -c 'import json,sys; print(sorted(g["graph"] for g in json.load(open(sys.argv[1]))["graphs"] if "/id/doc/" in g["graph"])[0])' "$work/oxigraph1.json")
check "remove a document locally" "$M" remove --store "$store" "$doc"
local_count=$("$M" query --store "$store" --format csv 'SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }' | tail -1 | tr -d '\r')
check "oxigraph: the removed document is deleted remotely" push oxigraph4 --endpoint "$OXI_GSP"
check "oxigraph: delete report" report_has "$work/oxigraph4.json" deleted 1
check "oxigraph: remote matches after the delete" test "$(count_remote "$OXI_QUERY")" = "$local_count"
check "virtuoso: the removed document is deleted remotely" push virtuoso5 --endpoint "$VIRT_GSP" --user dba --password dba
check "virtuoso: delete report" report_has "$work/virtuoso5.json" deleted 1
check "virtuoso: remote matches after the delete" test "$(count_remote "$VIRT_QUERY")" = "$local_count"
compare_all virtuoso-after-remove "$VIRT_QUERY"

summary
