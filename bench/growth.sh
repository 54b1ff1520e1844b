#!/usr/bin/env bash
# Growth: how load time, start-up and query latency change with the size of the graph. For each scale N, generates
# the project at N times the curated data (generate --scale N: the curated files and N-1 synthetic copies), loads it
# into TDB2 (load --tdb2), and measures on this machine:
#   - load s: the whole of load --tdb2 (parse, SHACL validation, inference, TDB2 bulk load), wall clock;
#   - start-up to the first answered query (ASK { ?s ?p ?o }) of serve --tdb2, and of the in-memory serve --root
#     (which parses, validates and infers at every start; skipped above MEM_MAX_SCALE);
#   - p50/p99 of REQUESTS sequential GETs (one keep-alive connection, after WARMUP uncounted) of five ad-hoc /sparql
#     queries: all facts of one IRI, a two-hop join, a count per class, a year-range filter, a label search with
#     FILTER(CONTAINS(LCASE(...))), and the same search through the full-text index (text:query); against the TDB2 server, and the in-memory one where it ran; every request
#     is evaluated (Cache-Control: no-cache), not answered from the answer cache.
# Prints one table and writes it to target/bench/growth.tsv (one row per scale and server).
#
#   bench/growth.sh [SCALE...]     (default: 1 10 100; run from the project root after mvn -q package -DskipTests)
#   REQUESTS=N (default 50)  WARMUP=N (default 5)  MEM_MAX_SCALE=N (default 100)  KEEP=1 keeps the generated folders
#
# Heap, set on purpose for each JVM: generate streams (256 MiB); load and the in-memory server hold the whole graph,
# its validation and inference in memory (1 GiB + 16 MiB per copy: 100x loaded in 56 s within -Xmx2g); the TDB2
# server keeps the data in memory-mapped files outside the heap (TDB2_XMX, default 1 GiB at every scale). 1000x has
# not been run: expect about ten times 100x's minute for load and some 17 GiB of heap for load and the in-memory
# server (MEM_MAX_SCALE keeps the latter out by default).
set -euo pipefail
cd "$(dirname "$0")/.."
scales=${*:-1 10 100}
requests=${REQUESTS:-50}
warmup=${WARMUP:-5}
mem_max=${MEM_MAX_SCALE:-100}
work=target/bench/growth
out=target/bench/growth.tsv
lib=bench/lib/compare.py
mkdir -p "$work"
[ -f target/stalin-kg.jar ] || mvn -q package -DskipTests
jar=target/stalin-kg.jar

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
urlencode() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$1"; }
load_xmx() { echo "$(( 1024 + 16 * $1 ))m"; }

pid=""
cleanup() { if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi; }
trap cleanup EXIT

# start_server LOG COMMAND...: starts the server in the background on $port; sets $pid and $startup_ms, the
# milliseconds from the start of the process to the first answered query.
start_server() {
  local log=$1; shift
  local start end ask
  ask=$(urlencode 'ASK { ?s ?p ?o }')
  start=$(date +%s%N)
  "$@" > "$log" 2>&1 &
  pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$port/sparql?query=$ask"; do
    kill -0 "$pid" 2>/dev/null || { echo "server died:" >&2; cat "$log" >&2; exit 1; }
    sleep 0.05
  done
  end=$(date +%s%N)
  startup_ms=$(( (end - start) / 1000000 ))
}

stop_server() { kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""; }

PREFIXES='PREFIX skg: <https://w3id.org/stalin-kg/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> '
names=(one-iri two-hop per-class year-range label-search label-index)
queries=(
  'SELECT ?p ?o WHERE { <https://w3id.org/stalin-kg/id/policy/great-purge> ?p ?o }'
  "${PREFIXES}"'SELECT ?outcome ?policy ?goal WHERE { ?outcome skg:resultedFrom ?policy . ?policy skg:servesGoal ?goal } ORDER BY ?outcome ?policy ?goal LIMIT 1000'
  'SELECT ?class (COUNT(?s) AS ?n) WHERE { ?s a ?class } GROUP BY ?class ORDER BY DESC(?n) ?class'
  "${PREFIXES}"'SELECT ?thing ?year WHERE { ?thing skg:startYear ?year FILTER(?year >= 1930 && ?year <= 1934) } ORDER BY ?year ?thing LIMIT 1000'
  "${PREFIXES}"'PREFIX skos: <http://www.w3.org/2004/02/skos/core#> SELECT ?thing ?label WHERE { ?thing rdfs:label|skos:altLabel ?label FILTER(CONTAINS(LCASE(STR(?label)), "famine")) } ORDER BY ?label ?thing LIMIT 20'
  'PREFIX text: <http://jena.apache.org/text#> SELECT ?thing ?label WHERE { (?thing ?score ?label) text:query ("famine*" 1000000) } ORDER BY ?label ?thing LIMIT 20'
)

# latencies: appends "p50/p99" of each ad-hoc query against the server on $port to the array $row.
latencies() {
  local i json
  for i in "${!queries[@]}"; do
    # FRESH: every request asks for a fresh evaluation (Cache-Control: no-cache), not the kept answer.
    json=$(FRESH=1 WARMUP=$warmup python3 "$lib" latency \
      "http://127.0.0.1:$port/sparql?query=$(urlencode "${queries[$i]}")" "$requests" application/sparql-results+json)
    row+=("$(python3 -c 'import json, sys
r = json.loads(sys.argv[1])
bad = {k: v for k, v in r["statuses"].items() if k != "200"}
print(("%.1f/%.1f" % (r["p50"], r["p99"])) if r["p50"] is not None and not bad else "failed:%s" % bad)' "$json")")
  done
}

header=(scale triples load_s startup_ms server)
for n in "${names[@]}"; do header+=("$n p50/p99 ms"); done
printf '%s\n' "$(IFS=$'\t'; echo "${header[*]}")" > "$out"

for scale in $scales; do
  project="$work/scale-$scale"
  db="$work/db-$scale"
  rm -rf "$project" "$db"
  echo "== scale $scale: generate" >&2
  java -Xmx256m -jar "$jar" generate --scale "$scale" --out "$project" | tail -1 >&2
  echo "== scale $scale: load --tdb2 (-Xmx$(load_xmx "$scale"))" >&2
  t0=$(date +%s%N)
  java -Xmx"$(load_xmx "$scale")" -jar "$jar" load --tdb2 "$db" --root "$project" > "$work/load-$scale.log" 2>&1 \
    || { cat "$work/load-$scale.log" >&2; exit 1; }
  t1=$(date +%s%N)
  load_s=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", (b - a) / 1e9 }')
  triples=$(grep -o 'loaded [0-9,]* triples' "$work/load-$scale.log" | tr -dc '0-9')
  tail -1 "$work/load-$scale.log" >&2

  serve_opts=(--host 127.0.0.1 --admin-port -1 --client-query-seconds 0 --answer-cache-mb 0)
  port=$(free_port)
  echo "== scale $scale: serve --tdb2 (-Xmx${TDB2_XMX:-1g})" >&2
  start_server "$work/serve-tdb2-$scale.log" java -Xmx"${TDB2_XMX:-1g}" -jar "$jar" serve --tdb2 "$db" \
    --root "$project" --port "$port" "${serve_opts[@]}"
  row=("$scale" "$triples" "$load_s" "$startup_ms" tdb2)
  latencies
  stop_server
  printf '%s\n' "$(IFS=$'\t'; echo "${row[*]}")" >> "$out"

  if [ "$scale" -le "$mem_max" ]; then
    port=$(free_port)
    echo "== scale $scale: serve --root, in memory (-Xmx$(load_xmx "$scale"))" >&2
    start_server "$work/serve-mem-$scale.log" java -Xmx"$(load_xmx "$scale")" -jar "$jar" serve --root "$project" \
      --port "$port" "${serve_opts[@]}"
    row=("$scale" "$triples" - "$startup_ms" memory)
    latencies
    stop_server
    printf '%s\n' "$(IFS=$'\t'; echo "${row[*]}")" >> "$out"
  fi
  [ -n "${KEEP:-}" ] || rm -rf "$project" "$db"
done

echo >&2
column -t -s $'\t' "$out"
echo "(written to $out; load_s is the whole load --tdb2; startup_ms is process start to the first answered query)"
