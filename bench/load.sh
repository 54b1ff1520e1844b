#!/usr/bin/env bash
# Load: peak heap and load time of `validate --root` (parse, years, SHACL, inference, freeze, then the counts it
# prints), for two jars on the same generated data, at each scale. For every (scale, jar) it runs the jar RUNS times
# and reports the median of:
#   - load ms:     the loader's own figure (the "Loaded ... in N ms" log line: files to frozen dataset);
#   - wall s:      the whole process, start to exit;
#   - max RSS MiB: from /usr/bin/time -v;
#   - peak heap MiB (after GC): the largest heap occupancy left after any GC (G1, -Xlog:gc), the best figure here for
#     the most live data the load held at once;
#   - peak heap MiB (before GC): the largest occupancy any GC found (depends on when the GCs ran; shown for
#     completeness);
#   - retained heap MiB: the heap in use after a full GC once the graph is loaded and still held, i.e. what serving
#     it costs (one run of bench/lib/LoadHeap.java, which calls KnowledgeGraphLoader.forProject(root).load()).
# The runs of the two jars alternate, so that both meet the same load from other processes.
# It also checks that both jars print the same validate report (asserted, inferred and served counts, instances per
# class). Prints one table with the ratios new/baseline and writes it to target/bench/load.tsv.
#
#   bench/load.sh BASELINE_JAR NEW_JAR [SCALE...]     (default scales: 1 10)
#   RUNS=N (default 3)  XMX=size (default 1g)  KEEP=1 keeps the generated folders
#
# e.g. bench/load.sh /work/baseline/target/stalin-kg.jar target/stalin-kg.jar 1 10
set -euo pipefail
[ $# -ge 2 ] || { sed -n '2,23p' "$0" >&2; exit 2; }
base_jar=$(realpath "$1"); new_jar=$(realpath "$2"); shift 2
cd "$(dirname "$0")/.."
scales=${*:-1 10}
runs=${RUNS:-3}
xmx=${XMX:-1g}
work=target/bench/load
out=target/bench/load.tsv
mkdir -p "$work"

# peak_mib LOG: "after before" — the largest heap after and before any GC in a -Xlog:gc file, in MiB.
peak_mib() {
  python3 - "$1" <<'EOF'
import re, sys
unit = {"K": 1 / 1024, "M": 1, "G": 1024}
after = before = 0.0
for line in open(sys.argv[1]):
    m = re.search(r"(\d+)([KMG])->(\d+)([KMG])\(\d+[KMG]\)", line)
    if m:
        before = max(before, int(m.group(1)) * unit[m.group(2)])
        after = max(after, int(m.group(3)) * unit[m.group(4)])
print("%.0f %.0f" % (after, before))
EOF
}

median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

# run JAR PROJECT TAG I: one validate run; appends "load_ms wall_s rss_mib heap_after_mib heap_before_mib" to TAG.runs.
run() {
  local jar=$1 project=$2 tag=$3 i=$4 log load_ms wall rss heap
  log="$work/$tag-$i"
  rm -f "$log".*
  /usr/bin/time -v -o "$log.time" java -Xmx"$xmx" -XX:+UseG1GC -Xlog:gc:file="$log.gc" \
    -jar "$jar" validate --root "$project" > "$log.out" 2> "$log.err" \
    || { echo "validate failed ($jar, $project):" >&2; cat "$log.err" >&2; exit 1; }
  load_ms=$(grep -o 'Loaded [0-9]* triples .* in [0-9]* ms: parsed' "$log.err" | grep -o 'in [0-9]* ms' | tr -dc '0-9')
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s }' "$log.time")
  rss=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$log.time")
  heap=$(peak_mib "$log.gc")
  echo "$load_ms $wall $rss $heap" >> "$work/$tag.runs"
}

# medians TAG: the median of each column of TAG.runs.
medians() {
  local col
  for col in 1 2 3 4 5; do awk -v c=$col '{ print $c }' "$work/$1.runs" | median; done | paste -sd' '
}

# retained JAR PROJECT: MiB of heap in use after a full GC with the loaded graph still reachable (bench/lib/LoadHeap.java).
retained() {
  java -Xmx"$xmx" -XX:+UseG1GC -cp "$1" bench/lib/LoadHeap.java "$2" 2> /dev/null | tail -1 | awk '{ print $2 }'
}

printf 'scale\ttriples\tjar\tload ms\twall s\tmax RSS MiB\tpeak heap after GC MiB\tpeak heap before GC MiB\tretained heap MiB\n' > "$out"
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (a > 0) ? b / a : 0 }'; }
for scale in $scales; do
  project="$work/scale-$scale"
  rm -rf "$project"
  java -Xmx256m -jar "$base_jar" generate --scale "$scale" --out "$project" > /dev/null
  : > "$work/base-$scale.runs"; : > "$work/new-$scale.runs"
  for i in $(seq "$runs"); do   # interleaved, so that both jars meet the same load from elsewhere on the machine
    run "$base_jar" "$project" "base-$scale" "$i"
    run "$new_jar" "$project" "new-$scale" "$i"
  done
  read -r b_load b_wall b_rss b_after b_before <<< "$(medians "base-$scale")"
  read -r n_load n_wall n_rss n_after n_before <<< "$(medians "new-$scale")"
  b_kept=$(retained "$base_jar" "$project"); n_kept=$(retained "$new_jar" "$project")
  triples=$(grep -o 'served *[0-9,]*' "$work/new-$scale-1.out" | tr -dc '0-9')
  # The same report from both jars (the lines after the per-file counts hold no path or timing).
  if ! diff <(sed -n '/asserted (distinct)/,$p' "$work/base-$scale-1.out") \
            <(sed -n '/asserted (distinct)/,$p' "$work/new-$scale-1.out") > "$work/report-$scale.diff"; then
    echo "scale $scale: the two jars print different reports (see $work/report-$scale.diff)" >&2
  fi
  printf '%s\t%s\tbaseline\t%s\t%s\t%s\t%s\t%s\t%s\n' "$scale" "$triples" "$b_load" "$b_wall" "$b_rss" "$b_after" \
    "$b_before" "$b_kept" >> "$out"
  printf '%s\t%s\tnew\t%s\t%s\t%s\t%s\t%s\t%s\n' "$scale" "$triples" "$n_load" "$n_wall" "$n_rss" "$n_after" \
    "$n_before" "$n_kept" >> "$out"
  printf '%s\t%s\tnew/baseline\t%s\t%s\t%s\t%s\t%s\t%s\n' "$scale" "$triples" "$(ratio "$b_load" "$n_load")" \
    "$(ratio "$b_wall" "$n_wall")" "$(ratio "$b_rss" "$n_rss")" "$(ratio "$b_after" "$n_after")" \
    "$(ratio "$b_before" "$n_before")" "$(ratio "$b_kept" "$n_kept")" >> "$out"
  [ -n "${KEEP:-}" ] || rm -rf "$project"
done

column -t -s $'\t' "$out"
echo "(medians of $runs runs of validate --root with -Xmx$xmx; written to $out)"
