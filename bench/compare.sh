#!/usr/bin/env bash
# Our jar against stock Apache Jena Fuseki 5.6.0 on the same triples (and, with RDF4J=1, against Eclipse RDF4J's
# MemoryStore), and all against a static-file ceiling, in one run on this machine: start-up time to the first
# answered query, resident memory, latency (p50/p99 of sequential requests) and throughput (wrk) of ad-hoc SPARQL
# queries sent with the same text to each engine, and of our canned queries.
# Prints a table of ratios at the end and writes it to target/bench/compare.txt.
#   bench/compare.sh [SECONDS_PER_WRK_RUN]     (default 5; run from the project root; at 5 s and the 18 default
#                                              ad-hoc queries about 20 min, plus 7 min with RDF4J=1)
#   REQUESTS=N (default 200) sequential requests per latency measurement, WARMUP=N (default 20) uncounted before them.
#   SCALE=N (default 1): both servers get the curated graph scaled N times by `stalin-kg generate` (synthetic
#   copies); above scale 1 ours gets -Xmx$HEAP (default 4g) instead of the README's -Xmx (HEAP applies at scale 1 too).
#   ADHOC="NAME ..." (default "issue15 others"): the ad-hoc queries to measure, in that order; a preset stands for
#   its list: issue15 = issue 15's six classes (count of all triples, count per class, label FILTER scan, 2-hop
#   join, facts of one IRI, numeric range), each without and with a total ORDER BY (12 queries); others = the
#   six measured since the first benchmark. The names are in adhoc_text below.
#   RDF4J=1 (default 0): also start RDF4J 5.1.2's MemoryStore behind the JDK's HTTP server
#   (bench/lib/Rdf4jServer.java; its classpath from bench/rdf4j/pom.xml, resolved by Maven and compiled once under
#   target/bench) on the file stock Fuseki gets, and measure it like stock on every ad-hoc query. Off by default
#   because it adds a third of the run's time and the first run needs Maven Central; the run stops before measuring
#   if RDF4J's answer to a query has a different number of rows than stock Fuseki's.
# Ours is started with the README's run command (its java part, with the same JVM options), plus a loopback port,
# no admin port and no per-client budget (wrk is one client). Each ad-hoc query is measured three ways: ours as a
# client sees it (a repeated query is answered from the answer cache), ours evaluating it every time ("ours fresh":
# the request carries Cache-Control: no-cache) and stock Fuseki (and RDF4J, which has no answer cache either).
# label-search-index asks ours through the full-text index (text:query) and the others by the FILTER scan of
# label-search: the same answer, two ways.
# Builds the jar and fetches stock Fuseki if they are missing; installs wrk and nginx (Debian packages) if missing.
# The servers are started one at a time (so no start-up competes with another for the CPUs), then all stay up and
# are loaded alternately, one at a time, query by query; wrk runs on the same 2 cores as the server.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-5}
scale=${SCALE:-1}
requests=${REQUESTS:-200}
warmup=${WARMUP:-20}
rdf4j=${RDF4J:-0}
work=target/bench
results="$work/compare-results.jsonl"
lib=bench/lib/compare.py
sparql_json='application/sparql-results+json'
mkdir -p "$work"
: > "$results"

# ------------------------------------------------------------------------------------------------ processes we start
pids=()
stop_all() {
  local pid i
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do
    for i in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done   # at most 10 s each
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
}
trap stop_all EXIT
trap 'exit 130' INT TERM

die() { echo "compare.sh: $*" >&2; exit 1; }
case "$rdf4j" in 0|1) ;; *) die "RDF4J=$rdf4j: give 1 (measure RDF4J too) or 0" ;; esac
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
urlencode() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$1"; }
meta() { python3 "$lib" meta "$1" "$2" >> "$results"; }
rss_mib() { awk -v k="$2:" '$1 == k { printf "%.1f", $2 / 1024 }' "/proc/$1/status"; }

# ------------------------------------------------------------------------------------------------------ 1. prepare
prepare() {
  [ -f target/stalin-kg.jar ] || mvn -q package -DskipTests
  stock_jar="$work/jena-fuseki-server-5.6.0.jar"
  if [ ! -f "$stock_jar" ]; then
    mvn -q dependency:copy -Dartifact=org.apache.jena:jena-fuseki-server:5.6.0 -DoutputDirectory="$work"
  fi
  root=.
  if [ "$scale" -gt 1 ]; then
    root="$work/scale-$scale"
    [ -d "$root/data" ] || java -jar target/stalin-kg.jar generate --scale "$scale" --out "$root" > /dev/null
  fi
  # Stock Fuseki (and RDF4J) get the triples ours serves in its default graph, stated and inferred alike (the
  # N-Triples dump of `dump`): the same data, so a query finds the same rows in each (before 2026-12-07 they got the
  # stated files alone, 18,609 of ours 22,374 triples, and a query on derived years found nothing there).
  rm -rf "$work/dumps"
  java -jar target/stalin-kg.jar dump --root "$root" --out "$work/dumps" > /dev/null
  gzip -dc "$work/dumps/stalin-kg.nt.gz" > "$work/all.ttl"
  # Our run command, as the README gives it: the part after "&&" on the line after "Run the service".
  read -r -a ours_cmd < <(awk '/^Run the service/ { f = 1 } f && /-jar target\/stalin-kg.jar/ { sub(/.*&& */, ""); print; exit }' README.md)
  [ "${#ours_cmd[@]}" -gt 2 ] || die "no run command found in README.md"
  heap=${HEAP:-$([ "$scale" -gt 1 ] && echo 4g || true)}
  for i in "${!ours_cmd[@]}"; do
    case "${ours_cmd[$i]}" in -Xmx*) [ -z "$heap" ] || ours_cmd[$i]="-Xmx$heap" ;; esac
  done
  if [ "$rdf4j" = 1 ]; then prepare_rdf4j; fi
  command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
  # nginx for the ceiling; if it cannot be installed, ceiling() falls back to Python's threading HTTP server.
  command -v nginx >/dev/null || { apt-get update -qq && apt-get install -y -qq nginx >/dev/null; } || true
}

# RDF4J's classpath (bench/rdf4j/pom.xml, resolved by Maven once) and bench/lib/Rdf4jServer.java compiled against
# it, both kept under target/bench and made again when their source is newer. Compiled ahead, not run as a
# single-file program, so that its start-up time does not include compiling it.
prepare_rdf4j() {
  rdf4j_cp_file="$work/rdf4j.classpath"
  rdf4j_classes="$work/rdf4j-classes"
  if [ ! -s "$rdf4j_cp_file" ] || [ bench/rdf4j/pom.xml -nt "$rdf4j_cp_file" ]; then
    mvn -q -B -f bench/rdf4j/pom.xml dependency:build-classpath -Dmdep.outputFile="$PWD/$rdf4j_cp_file" \
      || die "cannot resolve RDF4J's classpath (mvn -f bench/rdf4j/pom.xml dependency:build-classpath)"
  fi
  if [ ! -f "$rdf4j_classes/Rdf4jServer.class" ] || [ bench/lib/Rdf4jServer.java -nt "$rdf4j_classes/Rdf4jServer.class" ] \
      || [ "$rdf4j_cp_file" -nt "$rdf4j_classes/Rdf4jServer.class" ]; then
    rm -rf "$rdf4j_classes"
    javac -d "$rdf4j_classes" -cp "$(cat "$rdf4j_cp_file")" bench/lib/Rdf4jServer.java || die "cannot compile bench/lib/Rdf4jServer.java"
  fi
  rdf4j_version=$(sed -n 's|.*<rdf4j.version>\(.*\)</rdf4j.version>.*|\1|p' bench/rdf4j/pom.xml)
}

# ------------------------------------------------------------------ 2. start-up to first answer, memory after start
# start_timed PATH LOG COMMAND...: starts COMMAND, polls the count-of-triples query on PATH every 10 ms and sets
# started_pid and started_ms (milliseconds from process start to the first 200 answer).
count_query='SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }'
start_timed() {
  local path=$1 log=$2; shift 2
  local start end pid i url
  url="http://127.0.0.1:$port$path?query=$(urlencode "$count_query")"
  start=$(date +%s%N)
  "$@" > "$log" 2>&1 &
  pid=$!
  pids+=("$pid")
  for i in $(seq 12000); do   # at most about 2 minutes
    curl -sf -o /dev/null "$url" && break
    kill -0 "$pid" 2>/dev/null || { cat "$log" >&2; die "server died: $*"; }
    sleep 0.01
  done
  curl -sf -o /dev/null "$url" || die "no answer from $url"
  end=$(date +%s%N)
  started_pid=$pid
  started_ms=$(( (end - start) / 1000000 ))
}

start_servers() {
  port=$(free_port); ours_port=$port
  start_timed /sparql "$work/compare-ours.log" \
    "${ours_cmd[@]}" --root "$root" --host 127.0.0.1 --port "$port" --admin-port -1 --client-query-seconds 0
  ours_pid=$started_pid
  meta start_ours "$started_ms"; meta rss_start_ours "$(rss_mib "$ours_pid" VmRSS)"
  echo "stalin-kg: first answer after $started_ms ms, VmRSS $(rss_mib "$ours_pid" VmRSS) MiB"

  port=$(free_port); stock_port=$port
  start_timed /ds/sparql "$work/compare-stock.log" \
    env FUSEKI_BASE="$work/run" java -jar "$stock_jar" --localhost --port "$port" --file "$work/all.ttl" /ds
  stock_pid=$started_pid
  meta start_stock "$started_ms"; meta rss_start_stock "$(rss_mib "$stock_pid" VmRSS)"
  echo "stock Fuseki: first answer after $started_ms ms, VmRSS $(rss_mib "$stock_pid" VmRSS) MiB"
  ours="http://127.0.0.1:$ours_port"
  stock="http://127.0.0.1:$stock_port"
  [ "$rdf4j" = 1 ] || return 0

  port=$(free_port)
  start_timed /sparql "$work/compare-rdf4j.log" \
    java -cp "$rdf4j_classes:$(cat "$rdf4j_cp_file")" Rdf4jServer "$port" "$work/all.ttl"
  rdf4j_pid=$started_pid
  meta rdf4j "RDF4J $rdf4j_version MemoryStore behind the JDK's HTTP server (bench/lib/Rdf4jServer.java, 16 threads, default JVM options) on the file stock Fuseki gets"
  meta start_rdf4j "$started_ms"; meta rss_start_rdf4j "$(rss_mib "$rdf4j_pid" VmRSS)"
  echo "RDF4J: first answer after $started_ms ms, VmRSS $(rss_mib "$rdf4j_pid" VmRSS) MiB"
  rdf4j_url="http://127.0.0.1:$port"
}

# check_rows: before any measuring, RDF4J must answer each ad-hoc query with as many rows as stock Fuseki (the same
# text goes to both), or the comparison is not fair and the run stops. Rows that differ are only reported (a LIMIT
# without a total ORDER BY may keep other rows; the table's "same answer" column says it again).
check_rows() {
  local name senc stock_answer rdf4j_answer srows rrows
  for name in "${adhoc_names[@]}"; do
    senc=$(urlencode "${stock_text[$name]:-${adhoc_text[$name]}}")
    stock_answer=$(python3 "$lib" rows "$stock/ds/sparql?query=$senc" "$sparql_json") || die "stock Fuseki does not answer $name"
    rdf4j_answer=$(python3 "$lib" rows "$rdf4j_url/sparql?query=$senc" "$sparql_json") || die "RDF4J does not answer $name"
    srows=${stock_answer% *}; rrows=${rdf4j_answer% *}
    [ "$srows" = "$rrows" ] \
      || die "$name: RDF4J answers $rrows rows, stock Fuseki $srows: not the same answer, so the comparison would not be fair"
    if [ "${stock_answer#* }" = "${rdf4j_answer#* }" ]; then
      echo "rows $name: $srows from both stock Fuseki and RDF4J, the same answer"
    else
      echo "rows $name: $srows from both stock Fuseki and RDF4J, but not the same rows"
    fi
  done
}

# ------------------------------------------------------------------------------------------------------ measuring
# measure_latency SERVER GROUP QUERY URL [ACCEPT]: p50/p99 of REQUESTS sequential GETs on one keep-alive connection,
# and the answer's rows and digest, appended to the results.
measure_latency() {
  local json fresh=
  [ "$1" = ours-fresh ] && fresh=1
  json=$(FRESH=$fresh WARMUP=$warmup python3 "$lib" latency "$4" "$requests" "${5:-}")
  printf '{"kind":"latency","server":"%s","group":"%s","query":"%s",%s\n' "$1" "$2" "$3" "${json#\{}" >> "$results"
  echo "  latency $1 $3: $json"
}

# measure_wrk SERVER QUERY CONNECTIONS URL [ACCEPT]: requests per second with wrk for SECONDS (2 threads; 1 for one
# connection), the non-2xx answers and socket errors counted apart.
measure_wrk() {
  local threads=2 out json args=()
  [ "$3" -ge 2 ] || threads=1
  [ -n "${5:-}" ] && args+=(-H "Accept: $5")
  [ "$1" = ours-fresh ] && args+=(-H "Cache-Control: no-cache")
  out=$(wrk -t"$threads" -c"$3" -d"${seconds}s" --timeout 10s "${args[@]}" "$4")
  json=$(python3 "$lib" wrk <<< "$out")
  printf '{"kind":"wrk","server":"%s","query":"%s","conns":%d,%s\n' "$1" "$2" "$3" "${json#\{}" >> "$results"
  echo "  wrk $1 $2 c=$3: $json"
}

# ---------------------------------------------------------------------------- 3. ad-hoc queries, ours and stock
# The same text to both engines. Stock Fuseki has no inference, so these stay on asserted triples; where our derived
# triples (inferred types, skg:startYear, ...) still change an answer, the table's "same answer" column says so.
prefixes='PREFIX skg: <https://w3id.org/stalin-kg/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> '
# Issue 15's six query classes, each without and with a full ORDER BY (the names without a suffix are the ones
# measured before; join-unordered's LIMIT 200 picks any 200 rows, so its "same answer" column may say no).
issue15='count-triples count-triples-ordered count-per-class-unordered count-per-class label-scan-unordered label-scan
  join-unordered join-ordered facts-of-stalin-unordered facts-of-stalin numeric-range-unordered numeric-range'
others='facts-of-iri two-hop count-per-predicate date-range label-search label-search-index'
declare -A adhoc_presets=([issue15]="$issue15" [others]="$others")
declare -A adhoc_text=(
  [count-triples]="$count_query"
  [count-triples-ordered]="$count_query"' ORDER BY ?n'
  [count-per-class-unordered]='SELECT ?c (COUNT(?s) AS ?n) WHERE { ?s a ?c } GROUP BY ?c'
  [label-scan-unordered]="$prefixes"'SELECT ?s ?l WHERE { ?s rdfs:label ?l . FILTER(CONTAINS(LCASE(STR(?l)), "plan")) }'
  [join-unordered]='SELECT * WHERE { ?a ?p ?b . ?b ?q ?c . FILTER(isIRI(?c)) } LIMIT 200'
  [facts-of-stalin-unordered]='SELECT ?p ?o WHERE { <https://w3id.org/stalin-kg/id/person/joseph-stalin> ?p ?o }'
  [numeric-range-unordered]='SELECT ?s ?p ?y WHERE { ?s ?p ?y . FILTER(isNumeric(?y) && ?y >= 1930 && ?y <= 1935) }'
  [facts-of-iri]='SELECT ?p ?o WHERE { <https://w3id.org/stalin-kg/id/policy/great-purge> ?p ?o }'
  [two-hop]="$prefixes"'SELECT ?policy ?outcome ?region WHERE {
    ?policy skg:ledTo ?outcome . ?outcome skg:affectedRegion ?region .
    FILTER(STRSTARTS(STR(?policy), "https://w3id.org/stalin-kg/id/policy/")) } ORDER BY ?policy ?outcome ?region'
  [count-per-class]='SELECT ?c (COUNT(?s) AS ?n) WHERE { ?s a ?c } GROUP BY ?c ORDER BY DESC(?n) ?c'
  [label-scan]="$prefixes"'SELECT ?s ?l WHERE { ?s rdfs:label ?l . FILTER(CONTAINS(LCASE(STR(?l)), "plan")) } ORDER BY ?l ?s'
  [join-ordered]='SELECT * WHERE { ?a ?p ?b . ?b ?q ?c . FILTER(isIRI(?c)) } ORDER BY ?a ?p ?b ?q ?c LIMIT 200'
  [facts-of-stalin]='SELECT ?p ?o WHERE { <https://w3id.org/stalin-kg/id/person/joseph-stalin> ?p ?o } ORDER BY ?p ?o'
  [numeric-range]='SELECT ?s ?p ?y WHERE { ?s ?p ?y . FILTER(isNumeric(?y) && ?y >= 1930 && ?y <= 1935) } ORDER BY ?y ?s ?p'
  [count-per-predicate]='SELECT ?p (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?p ORDER BY DESC(?n) ?p'
  [date-range]="$prefixes"'SELECT ?s ?date WHERE { ?s skg:startDate ?date . BIND(SUBSTR(STR(?date), 1, 4) AS ?y)
    FILTER(?y >= "1930" && ?y <= "1935") } ORDER BY ?date ?s'
  [label-search]="$prefixes"'PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
    SELECT DISTINCT ?s ?l WHERE { ?s rdfs:label|skos:altLabel ?l
    FILTER(CONTAINS(LCASE(STR(?l)), "famine")) } ORDER BY ?s ?l'
  [label-search-index]='PREFIX text: <http://jena.apache.org/text#>
    SELECT DISTINCT ?s ?l WHERE { (?s ?score ?l) text:query ("famine*" 1000000) } ORDER BY ?s ?l'
)
# What stock Fuseki is asked instead (it has no text index): the FILTER scan.
declare -A stock_text=([label-search-index]="${adhoc_text[label-search]}")
# ADHOC="name ..." measures only those, in that order; a preset name (issue15, others) stands for its list.
adhoc_names=()
for name in ${ADHOC:-issue15 others}; do
  if [ -n "${adhoc_presets[$name]:-}" ]; then
    for word in ${adhoc_presets[$name]}; do adhoc_names+=("$word"); done
  elif [ -n "${adhoc_text[$name]:-}" ]; then
    adhoc_names+=("$name")
  else
    die "ADHOC: no ad-hoc query or preset named $name (presets: ${!adhoc_presets[*]}; queries: ${!adhoc_text[*]})"
  fi
done

adhoc() {
  local name enc c
  # Warm-up, not recorded: the JVMs keep getting faster for tens of seconds of load (JIT), so before measuring,
  # each ad-hoc query runs for SECONDS with wrk at 8 connections on each server.
  echo "warm-up: every ad-hoc query for $seconds s on each server"
  for name in "${adhoc_names[@]}"; do
    enc=$(urlencode "${adhoc_text[$name]}")
    senc=$(urlencode "${stock_text[$name]:-${adhoc_text[$name]}}")
    wrk -t2 -c8 -d"${seconds}s" -H "Accept: $sparql_json" -H "Cache-Control: no-cache" "$ours/sparql?query=$enc" > /dev/null
    wrk -t2 -c8 -d"${seconds}s" -H "Accept: $sparql_json" "$stock/ds/sparql?query=$senc" > /dev/null
    if [ "$rdf4j" = 1 ]; then
      wrk -t2 -c8 -d"${seconds}s" -H "Accept: $sparql_json" "$rdf4j_url/sparql?query=$senc" > /dev/null
    fi
  done
  for name in "${adhoc_names[@]}"; do
    echo "ad-hoc query $name"
    enc=$(urlencode "${adhoc_text[$name]}")
    senc=$(urlencode "${stock_text[$name]:-${adhoc_text[$name]}}")
    curl -sf -o /dev/null -H "Accept: $sparql_json" "$ours/sparql?query=$enc" || die "ours refuses $name"
    curl -sf -o /dev/null -H "Accept: $sparql_json" "$stock/ds/sparql?query=$senc" || die "stock refuses $name"
    measure_latency ours sparql "$name" "$ours/sparql?query=$enc" "$sparql_json"
    measure_latency ours-fresh sparql "$name" "$ours/sparql?query=$enc" "$sparql_json"
    measure_latency stock sparql "$name" "$stock/ds/sparql?query=$senc" "$sparql_json"
    [ "$rdf4j" = 0 ] || measure_latency rdf4j sparql "$name" "$rdf4j_url/sparql?query=$senc" "$sparql_json"
    for c in 1 8 64; do
      measure_wrk ours "$name" "$c" "$ours/sparql?query=$enc" "$sparql_json"
      measure_wrk ours-fresh "$name" "$c" "$ours/sparql?query=$enc" "$sparql_json"
      measure_wrk stock "$name" "$c" "$stock/ds/sparql?query=$senc" "$sparql_json"
      [ "$rdf4j" = 0 ] || measure_wrk rdf4j "$name" "$c" "$rdf4j_url/sparql?query=$senc" "$sparql_json"
    done
  done
}

# ------------------------------------------------------------------------------- 4. canned queries (ours only)
# GET /api/NAME with the example parameters from /api?format=json, in the query's default format (no Accept), so
# every answer after the first comes from the answer cache. The ceiling's query is also run at 1 and 64 connections.
ceiling_query=policies-for-goal
canned() {
  local example name c status
  mapfile -t examples < <(curl -sf "$ours/api?format=json" \
    | python3 -c 'import json, sys; [print(q["example"]) for q in json.load(sys.stdin)["queries"]]')
  [ "${#examples[@]}" -gt 0 ] || die "no canned queries listed at $ours/api?format=json"
  for example in "${examples[@]}"; do
    name=${example#/api/}; name=${name%%\?*}
    echo "canned query $example"
    status=$(curl -s -o /dev/null -w '%{http_code}' "$ours$example")
    if [ "$status" != 200 ]; then
      # At a large scale a canned query can exceed its time limit (--api-timeout): recorded, not measured.
      echo "  ours answers $status to $example: not measured"
      meta "canned_refused_$name" "$status"
      continue
    fi
    measure_latency ours api "$name" "$ours$example"
    if [ "$name" = "$ceiling_query" ]; then
      ceiling_example=$example
      for c in 1 8 64; do measure_wrk ours "$name" "$c" "$ours$example"; done
    else
      measure_wrk ours "$name" 8 "$ours$example"
    fi
  done
}

# -------------------------------------------------------------------------------------------------- 5. ceiling
# The exact bytes of one canned answer in a file, served by nginx (Debian's, a temporary configuration on a free
# loopback port, 2 workers, no access log, keep-alive without a request limit) at 1, 8 and 64 connections.
ceiling() {
  local dir="$PWD/$work/ceiling" cport server c i
  rm -rf "$dir"; mkdir -p "$dir/www" "$dir/tmp"
  curl -sf "$ours$ceiling_example" > "$dir/www/answer.json" || die "cannot fetch $ceiling_example"
  cport=$(free_port)
  if command -v nginx >/dev/null; then
    cat > "$dir/nginx.conf" <<EOF
worker_processes 2;
daemon off;
pid $dir/nginx.pid;
error_log $dir/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 10000000;
  keepalive_timeout 65;
  default_type application/sparql-results+json;
  client_body_temp_path $dir/tmp/body;
  proxy_temp_path $dir/tmp/proxy;
  fastcgi_temp_path $dir/tmp/fastcgi;
  uwsgi_temp_path $dir/tmp/uwsgi;
  scgi_temp_path $dir/tmp/scgi;
  server { listen 127.0.0.1:$cport; root $dir/www; }
}
EOF
    nginx -p "$dir" -e "$dir/error.log" -c "$dir/nginx.conf" > "$dir/nginx.out" 2>&1 &
    pids+=("$!")
    server="nginx $(nginx -v 2>&1 | sed 's|.*/||') (Debian), 2 workers,"
  else
    python3 -m http.server --bind 127.0.0.1 --directory "$dir/www" "$cport" > "$dir/http.server.log" 2>&1 &
    pids+=("$!")
    server="python3 -m http.server (nginx could not be installed: a low ceiling)"
  fi
  for i in $(seq 100); do curl -sf -o /dev/null "http://127.0.0.1:$cport/answer.json" && break; sleep 0.1; done
  cmp -s <(curl -sf "http://127.0.0.1:$cport/answer.json") "$dir/www/answer.json" || die "the ceiling server is not serving the answer"
  meta ceiling "$server serving the $(stat -c %s "$dir/www/answer.json") bytes of $ceiling_example"
  echo "ceiling: $server"
  for c in 1 8 64; do measure_wrk ceiling ceiling "$c" "http://127.0.0.1:$cport/answer.json"; done
}

# ----------------------------------------------------------------------------------------------------- 6. report
main() {
  prepare
  meta date "$(date -u '+%Y-%m-%d %H:%M UTC')"
  meta nproc "$(nproc)"
  meta mem "$(free -g | awk '/^Mem:/ { print "free -g: " $2 " GiB total, " $7 " GiB available" }')"
  meta java "$(java -version 2>&1 | head -1)"
  meta seconds "$seconds"; meta requests "$requests"; meta warmup "$warmup"; meta scale "$scale"
  meta ours_cmd "${ours_cmd[*]}"
  ordered=()
  for name in "${adhoc_names[@]}"; do
    case "${adhoc_text[$name]}" in *"ORDER BY"*) ordered+=("$name") ;; esac
  done
  meta adhoc_ordered "${ordered[*]:-}"
  start_servers
  [ "$rdf4j" = 0 ] || check_rows
  adhoc
  canned
  # Memory at the end of the load: both servers have served every request they will get.
  meta rss_end_ours "$(rss_mib "$ours_pid" VmRSS)"; meta hwm_end_ours "$(rss_mib "$ours_pid" VmHWM)"
  meta rss_end_stock "$(rss_mib "$stock_pid" VmRSS)"; meta hwm_end_stock "$(rss_mib "$stock_pid" VmHWM)"
  if [ "$rdf4j" = 1 ]; then
    meta rss_end_rdf4j "$(rss_mib "$rdf4j_pid" VmRSS)"; meta hwm_end_rdf4j "$(rss_mib "$rdf4j_pid" VmHWM)"
  fi
  # Shed and throttled answers, from our access log (wrk counts them only as non-2xx).
  meta ours_503 "$(grep -c ' status=503 ' "$work/compare-ours.log" || true)"
  meta ours_429 "$(grep -c ' status=429 ' "$work/compare-ours.log" || true)"
  ceiling
  echo
  python3 "$lib" report "$results" | tee "$work/compare.txt"
  echo
  echo "written to $work/compare.txt (raw measurements: $results)"
}

main
