#!/usr/bin/env bash
# Whole-process comparison: `scoring-cli score` against the seed table as one DuckDB SQL query
# (DuckDbScoring) over the same NDJSON file, alternating, with /usr/bin/time -v for wall time
# and peak memory (maximum resident set size), then a check that both outputs agree to 1e-9.
#
# Build first (from the repository root):
#   mvn -B -pl scoring-cli,scoring-benchmarks -am -DskipTests package
# Run:
#   scoring-benchmarks/cli-vs-duckdb.sh [dir] [contacts] [rounds]
# (defaults: /tmp/cli-vs-duckdb, 1000000 contacts, 3 rounds). Both sides use every core and
# their default memory settings; the contacts file is generated once and reused.
# BASELINE_CLI=<jar> also times another build of the CLI (say, main's) in the same rounds.
# WARMUP=<n> (default 1) runs each command n times first, unmeasured (page cache, CPU clocks).
# At the end: the median wall time and peak memory of each, and the median of the CLI/DuckDB
# (and CLI/baseline) ratios taken round by round, which keeps the ratio meaningful when the
# machine's speed drifts. The load average is printed before and after: the machine may be
# shared.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dir=${1:-/tmp/cli-vs-duckdb}
n=${2:-1000000}
rounds=${3:-3}
as_of=2026-11-22T12:00:00Z
version=$(sed -n 's|.*<duckdb.version>\(.*\)</duckdb.version>.*|\1|p' "$root/pom.xml")
duckdb=${DUCKDB_JAR:-$HOME/.m2/repository/org/duckdb/duckdb_jdbc/$version/duckdb_jdbc-$version.jar}
bench=$root/scoring-benchmarks/target/benchmarks.jar
cli=$root/scoring-cli/target/scoring-cli.jar
mkdir -p "$dir"
contacts=$dir/contacts-$n.ndjson
if [ ! -f "$contacts" ]; then
  java -cp "$bench" dev.scoring.benchmarks.cli.ContactFile "$contacts" "$n"
fi
echo "input: $(stat -c %s "$contacts") bytes, $n contacts; duckdb_jdbc $version; $(nproc) cores"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"

results=$dir/rounds.tsv # round, name, wall seconds, peak RSS MB
: > "$results"
measure() { # round, name, command...
  local round=$1 name=$2; shift 2
  /usr/bin/time -v "$@" 2> "$dir/$name.time" > /dev/null || { cat "$dir/$name.time"; exit 1; }
  local wall rss
  wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$dir/$name.time")
  rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$dir/$name.time")
  if [ "$round" -gt 0 ]; then
    printf '%-8s wall %8s  peak RSS %6d MB\n' "$name" "$wall" $((rss / 1024))
    printf '%s\t%s\t%s\t%s\n' "$round" "$name" \
      "$(echo "$wall" | awk -F: '{print $(NF-1) * 60 + $NF}')" $((rss / 1024)) >> "$results"
  fi
}

warmup=${WARMUP:-1}
for r in $(seq $((1 - warmup)) "$rounds"); do
  if [ "$r" -le 0 ]; then echo "warm-up run (not measured)"; else echo "round $r"; fi
  measure "$r" cli java -jar "$cli" score --model "$dir/seed-b2b.json" --contacts "$contacts" \
    --as-of "$as_of" --out "$dir/cli.csv" --no-progress
  measure "$r" duckdb java -cp "$bench:$duckdb" dev.scoring.benchmarks.cli.DuckDbScoring \
    "$contacts" "$dir/duckdb.csv" "$as_of"
  if [ -n "${BASELINE_CLI:-}" ]; then
    measure "$r" baseline java -jar "$BASELINE_CLI" score --model "$dir/seed-b2b.json" \
      --contacts "$contacts" --as-of "$as_of" --out "$dir/baseline.csv" --no-progress
  fi
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
# medians: each command's wall time and peak memory, and the ratios round by round
awk -F'\t' '
  function median(a, n,   i, j, t) {
    for (i = 2; i <= n; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] > t; j--) a[j + 1] = a[j]; a[j + 1] = t }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  { wall[$2, $1] = $3; rss[$2, $1] = $4; names[$2] = 1; if ($1 > rounds) rounds = $1 }
  END {
    for (name in names) {
      n = 0; for (r = 1; r <= rounds; r++) { w[++n] = wall[name, r] }; mw = median(w, n)
      n = 0; for (r = 1; r <= rounds; r++) { m[++n] = rss[name, r] }; mm = median(m, n)
      printf "median   %-8s wall %.2f s  peak RSS %d MB  (%d rounds)\n", name, mw, mm, rounds
    }
    for (name in names) {
      if (name == "cli") continue
      n = 0; for (r = 1; r <= rounds; r++) { q[++n] = wall["cli", r] / wall[name, r] }
      k = 0; for (r = 1; r <= rounds; r++) { p[++k] = rss["cli", r] / rss[name, r] }
      printf "median   cli/%-8s wall %.3fx  peak RSS %.3fx  (round by round)\n", name, median(q, n), median(p, k)
    }
  }' "$results"
java -Xmx3g -cp "$bench" dev.scoring.benchmarks.cli.ScoreFilesAgree "$dir/cli.csv" \
  "$dir/duckdb.csv"
if [ -n "${BASELINE_CLI:-}" ]; then
  cmp -s "$dir/cli.csv" "$dir/baseline.csv" && echo "cli and baseline outputs: identical bytes" \
    || { echo "cli and baseline outputs differ"; exit 1; }
fi
