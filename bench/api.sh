#!/usr/bin/env bash
# Requests per second for one canned query served by the API (from its cache after the first request) against the
# same query sent through /sparql, measured the same way in one run: wrk on this machine, alternated ROUNDS times.
#   bench/api.sh [ROUNDS] [SECONDS] [CONNECTIONS]     (defaults 3, 10, 8; run from the project root)
# Installs wrk (Debian package) if it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}; seconds=${2:-10}; connections=${3:-8}
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
[ -f target/stalin-kg.jar ] || mvn -q package -DskipTests
work=target/bench; mkdir -p "$work"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
java -jar target/stalin-kg.jar --host 127.0.0.1 --port "$port" --admin-port -1 > "$work/api-server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
until curl -sf -o /dev/null "http://127.0.0.1:$port/\$/ping"; do
  kill -0 $server 2>/dev/null || { cat "$work/api-server.log" >&2; exit 1; }
  sleep 0.1
done

goal='https://w3id.org/stalin-kg/id/goal/industrialization'
api="http://127.0.0.1:$port/api/policies-for-goal?goal=industrialization"
# The same query text, with the parameter written into it, sent to the SPARQL endpoint.
query=$(sed -e '/^#/d' -e "s|?goal|<$goal>|g" queries/policies-for-goal.rq)
encoded=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.stdin.read()))' <<< "$query")
sparql="http://127.0.0.1:$port/sparql?query=$encoded"

cmp <(curl -s -H 'Accept: text/csv' "$api" | tr -d '\r') <(curl -s -H 'Accept: text/csv' "$sparql" | tr -d '\r') \
  || { echo "the API and /sparql answers differ" >&2; exit 1; }

rps() { wrk -t2 -c"$connections" -d"${seconds}s" -H 'Accept: text/csv' "$1" | awk '/Requests\/sec/ {print $2}'; }
rps "$api" >/dev/null; rps "$sparql" >/dev/null   # warm-up
a=(); s=()
for i in $(seq "$rounds"); do
  a+=("$(rps "$api")"); s+=("$(rps "$sparql")")
  echo "round $i: /api ${a[-1]} req/s, /sparql ${s[-1]} req/s"
done
median() { printf '%s\n' "$@" | sort -n | awk '{v[NR]=$1} END {print (NR%2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }
ma=$(median "${a[@]}"); ms=$(median "${s[@]}")
echo "median: /api/policies-for-goal (cached) $ma req/s, same query via /sparql $ms req/s, $connections connections"
awk -v a="$ma" -v s="$ms" 'BEGIN { printf "ratio /api (cached) / /sparql: %.1f\n", a / s }'
