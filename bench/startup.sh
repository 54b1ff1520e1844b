#!/usr/bin/env bash
# Start-up time to the first answered query: our jar against stock Apache Jena Fuseki 5.6.0 on the same triples,
# alternated in one run, each started ROUNDS times on a free loopback port.
# Prints each run and the medians, and the ratio ours / stock.
#   bench/startup.sh [ROUNDS]        (default 5; run from the project root after mvn -q package -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-5}
work=target/bench
mkdir -p "$work"
[ -f target/stalin-kg.jar ] || mvn -q package -DskipTests
stock="$work/jena-fuseki-server-5.6.0.jar"
if [ ! -f "$stock" ]; then
  mvn -q dependency:copy -Dartifact=org.apache.jena:jena-fuseki-server:5.6.0 -DoutputDirectory="$work"
fi
# Stock Fuseki gets the same files as one Turtle document (prefixes may be redeclared in Turtle).
cat ontology/stalin-kg.ttl data/*.ttl > "$work/all.ttl"

# Ours as the README's run command starts it (the part after "&&" on the line after "Run the service").
read -r -a ours_cmd < <(awk '/^Run the service/ { f = 1 } f && /-jar target\/stalin-kg.jar/ { sub(/.*&& */, ""); print; exit }' README.md)
[ "${#ours_cmd[@]}" -gt 2 ] || { echo "no run command found in README.md" >&2; exit 1; }

query='SELECT%20(COUNT(*)%20AS%20%3Fn)%20WHERE%20%7B%20%3Fs%20%3Fp%20%3Fo%20%7D'

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# time_to_first_answer URL_PATH COMMAND...: milliseconds from process start to the first 200 for the query.
time_to_first_answer() {
  local path=$1; shift
  local start end pid
  start=$(date +%s%N)
  "$@" > "$work/last.log" 2>&1 &
  pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$port$path?query=$query"; do
    kill -0 "$pid" 2>/dev/null || { echo "server died:" >&2; cat "$work/last.log" >&2; exit 1; }
    sleep 0.01
  done
  end=$(date +%s%N)
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo $(( (end - start) / 1000000 ))
}

ours=(); base=()
for i in $(seq "$rounds"); do
  port=$(free_port)
  ours+=("$(time_to_first_answer /sparql "${ours_cmd[@]}" --host 127.0.0.1 --port "$port" --admin-port -1)")
  port=$(free_port)
  base+=("$(time_to_first_answer /ds/sparql env FUSEKI_BASE="$work/run" java -jar "$stock" --localhost --port "$port" --file "$work/all.ttl" /ds)")
  echo "round $i: stalin-kg ${ours[-1]} ms, stock Fuseki ${base[-1]} ms"
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
mo=$(median "${ours[@]}"); mb=$(median "${base[@]}")
echo "median start-up to first answer: stalin-kg $mo ms (${ours_cmd[*]}: parse + SHACL validation + inference),"
echo "  stock Fuseki $mb ms (parse only)"
awk -v o="$mo" -v b="$mb" 'BEGIN { printf "ratio stalin-kg / stock Fuseki: %.2f\n", o / b }'
