#!/usr/bin/env bash
# Growth: how load time, start-up and query latency change with the size of the graph. For each scale N, generates
# the project at N times the curated data (generate --scale N: the curated files and N-1 synthetic copies), loads it
# into TDB2 (load --tdb2), and measures on this machine:
#   - load s: the whole of load --tdb2 (parse, SHACL validation, inference, TDB2 bulk load), wall clock, and its peak
#     resident memory (load_rss_mib, by /usr/bin/time);
#   - start-up to the first answered query (ASK { ?s ?p ?o }) of serve --tdb2, of stock Apache Jena Fuseki 5.6.0 on
#     the same TDB2 database (fuseki-server --loc, read-only), and of the in-memory serve --root (which parses,
#     validates and infers at every start; skipped above MEM_MAX_SCALE);
#   - p50/p99 of REQUESTS sequential GETs (one keep-alive connection, after WARMUP uncounted) of five ad-hoc /sparql
#     queries: all facts of one IRI, a two-hop join, a count per class, a year-range filter, a label search with
#     FILTER(CONTAINS(LCASE(...))), and the same search through the full-text index (text:query; stock Fuseki, which
#     has no text index, is sent the FILTER search instead); against the TDB2 server, stock Fuseki, and the in-memory
#     one where it ran; every request to ours is evaluated (Cache-Control: no-cache), not answered from the answer
#     cache (stock Fuseki has none).
# Prints one table and writes it to target/bench/growth.tsv (one row per scale and server).
#
#   bench/growth.sh [SCALE...]     (default: 1 10 100; run from the project root after mvn -q package -DskipTests)
#   REQUESTS=N (default 50)  WARMUP=N (default 5)  MEM_MAX_SCALE=N (default 100)  KEEP=1 keeps the generated folders
#   and databases; REUSE=1 measures a scale whose project and database KEEP=1 kept (its load time read from its log);
#   SERVERS="tdb2 stock memory" (the default) names the servers to measure; CLIENT_TIMEOUT=S (default 30) per request
#
# Heap, set on purpose for each JVM: generate streams (256 MiB); load checks the files in batches of at most 250,000
# stated triples (load --batch-triples), so its heap does not grow with the scale (LOAD_XMX, default 2 GiB at every
# scale); the TDB2 servers keep the data in memory-mapped files outside the heap (TDB2_XMX, default 1 GiB); the
# in-memory server holds the whole graph, its validation and inference (1 GiB + 16 MiB per copy; MEM_MAX_SCALE keeps
# it out above 100x by default).
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
load_xmx() { echo "${LOAD_XMX:-2g}"; }
mem_xmx() { echo "$(( 1024 + 16 * $1 ))m"; }
stock_jar=target/bench/jena-fuseki-server-5.6.0.jar
[ -f "$stock_jar" ] || mvn -q dependency:copy -Dartifact=org.apache.jena:jena-fuseki-server:5.6.0 \
  -DoutputDirectory=target/bench

pid=""
cleanup() { if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi; }
trap cleanup EXIT

# start_server LOG COMMAND...: starts the server in the background on $port, its SPARQL endpoint at $endpoint; sets
# $pid and $startup_ms, the milliseconds from the start of the process to the first answered query.
endpoint=/sparql
start_server() {
  local log=$1; shift
  local start end ask
  ask=$(urlencode 'ASK { ?s ?p ?o }')
  start=$(date +%s%N)
  "$@" > "$log" 2>&1 &
  pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$port$endpoint?query=$ask"; do
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

# latencies [PATH]: appends "p50/p99" of each ad-hoc query against the server on $port (its SPARQL endpoint at PATH,
# default /sparql) to the array $row. With a PATH (stock Fuseki), the text-index query is sent as the FILTER search.
latencies() {
  local i j json path=${1:-/sparql}
  for i in "${!queries[@]}"; do
    j=$i
    if [ "$path" != /sparql ] && [ "${names[$i]}" = label-index ]; then j=4; fi
    # FRESH: every request asks for a fresh evaluation (Cache-Control: no-cache), not the kept answer.
    json=$(FRESH=1 WARMUP=$warmup python3 "$lib" latency \
      "http://127.0.0.1:$port$path?query=$(urlencode "${queries[$j]}")" "$requests" application/sparql-results+json)
    row+=("$(python3 -c 'import json, sys
r = json.loads(sys.argv[1])
bad = {k: v for k, v in r["statuses"].items() if k != "200"}
print(("%.1f/%.1f" % (r["p50"], r["p99"])) if r["p50"] is not None and not bad else "failed:%s" % bad)' "$json")")
  done
}

header=(scale triples load_s load_rss_mib startup_ms server)
for n in "${names[@]}"; do header+=("$n p50/p99 ms"); done
printf '%s\n' "$(IFS=$'\t'; echo "${header[*]}")" > "$out"

for scale in $scales; do
  project="$work/scale-$scale"
  db="$work/db-$scale"
  if [ -n "${REUSE:-}" ] && [ -f "$db/manifest.properties" ] && [ -f "$work/load-$scale.log" ]; then
    echo "== scale $scale: reusing $project and $db" >&2
    load_s=$(cat "$work/load-$scale.seconds" 2>/dev/null || echo -)
  else
    rm -rf "$project" "$db"
    echo "== scale $scale: generate" >&2
    java -Xmx256m -jar "$jar" generate --scale "$scale" --out "$project" | tail -1 >&2
    echo "== scale $scale: load --tdb2 (-Xmx$(load_xmx "$scale"))" >&2
    t0=$(date +%s%N)
    /usr/bin/time -f 'peak RSS %M KiB' -o "$work/load-$scale.rss" java -Xmx"$(load_xmx "$scale")" -jar "$jar" \
      load --tdb2 "$db" --root "$project" 2>&1 | grep -v ' WARN ' > "$work/load-$scale.log" \
      || { cat "$work/load-$scale.log" >&2; exit 1; }
    grep -q 'stalin-kg: loaded' "$work/load-$scale.log" || { cat "$work/load-$scale.log" >&2; exit 1; }
    t1=$(date +%s%N)
    load_s=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", (b - a) / 1e9 }')
    echo "$load_s" > "$work/load-$scale.seconds"
  fi
  triples=$(grep -o 'loaded [0-9,]* triples' "$work/load-$scale.log" | tr -dc '0-9')
  tail -1 "$work/load-$scale.log" >&2
  load_rss=$(awk '/peak RSS/ { printf "%.0f", $3 / 1024 }' "$work/load-$scale.rss" 2>/dev/null || echo -)

  # No per-client budget (one client), no answer cache (every request evaluated), and the time limits raised to
  # stock Fuseki's none in effect: at 1000x a scan takes longer than the 10 s our server gives a first result.
  serve_opts=(--host 127.0.0.1 --admin-port -1 --client-query-seconds 0 --answer-cache-mb 0 --timeout 300
    --first-result-timeout 300)
  servers=" ${SERVERS:-tdb2 stock memory} "
  if [[ $servers == *" tdb2 "* ]]; then
  port=$(free_port)
  endpoint=/sparql
  echo "== scale $scale: serve --tdb2 (-Xmx${TDB2_XMX:-1g})" >&2
  start_server "$work/serve-tdb2-$scale.log" java -Xmx"${TDB2_XMX:-1g}" -jar "$jar" serve --tdb2 "$db" \
    --root "$project" --port "$port" "${serve_opts[@]}"
  row=("$scale" "$triples" "$load_s" "$load_rss" "$startup_ms" tdb2)
  latencies
  stop_server
  printf '%s\n' "$(IFS=$'\t'; echo "${row[*]}")" >> "$out"
  fi

  # Stock Fuseki on the same TDB2 database (read-only: no --update), at /ds.
  if [[ $servers == *" stock "* ]]; then
  port=$(free_port)
  endpoint=/ds/sparql
  tdb2_dir="$db/$(sed -n 's/^database=//p' "$db/manifest.properties")"
  echo "== scale $scale: stock Fuseki --loc $tdb2_dir (-Xmx${TDB2_XMX:-1g})" >&2
  start_server "$work/serve-stock-$scale.log" env FUSEKI_BASE="$work/run-stock" java -Xmx"${TDB2_XMX:-1g}" \
    -jar "$stock_jar" --localhost --port "$port" --loc "$tdb2_dir" /ds
  row=("$scale" "$triples" - - "$startup_ms" stock-tdb2)
  latencies /ds/sparql
  stop_server
  rm -f "$tdb2_dir/tdb.lock"
  printf '%s\n' "$(IFS=$'\t'; echo "${row[*]}")" >> "$out"
  endpoint=/sparql
  fi

  if [ "$scale" -le "$mem_max" ] && [[ $servers == *" memory "* ]]; then
    port=$(free_port)
    echo "== scale $scale: serve --root, in memory (-Xmx$(mem_xmx "$scale"))" >&2
    start_server "$work/serve-mem-$scale.log" java -Xmx"$(mem_xmx "$scale")" -jar "$jar" serve --root "$project" \
      --port "$port" "${serve_opts[@]}"
    row=("$scale" "$triples" - - "$startup_ms" memory)
    latencies
    stop_server
    printf '%s\n' "$(IFS=$'\t'; echo "${row[*]}")" >> "$out"
  fi
  [ -n "${KEEP:-}" ] || rm -rf "$project" "$db"
done

echo >&2
column -t -s $'\t' "$out"
echo "(written to $out; load_s is the whole load --tdb2; startup_ms is process start to the first answered query)"
