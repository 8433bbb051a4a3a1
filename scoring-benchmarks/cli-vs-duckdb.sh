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
# The load average is printed before and after: the machine may be shared.
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

measure() { # name, command...
  local name=$1; shift
  /usr/bin/time -v "$@" 2> "$dir/$name.time" > /dev/null || { cat "$dir/$name.time"; exit 1; }
  local wall rss
  wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$dir/$name.time")
  rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$dir/$name.time")
  printf '%-8s wall %8s  peak RSS %6d MB\n' "$name" "$wall" $((rss / 1024))
}

for r in $(seq 1 "$rounds"); do
  echo "round $r"
  measure cli java -jar "$cli" score --model "$dir/seed-b2b.json" --contacts "$contacts" \
    --as-of "$as_of" --out "$dir/cli.csv" --no-progress
  measure duckdb java -cp "$bench:$duckdb" dev.scoring.benchmarks.cli.DuckDbScoring \
    "$contacts" "$dir/duckdb.csv" "$as_of"
  if [ -n "${BASELINE_CLI:-}" ]; then
    measure baseline java -jar "$BASELINE_CLI" score --model "$dir/seed-b2b.json" \
      --contacts "$contacts" --as-of "$as_of" --out "$dir/baseline.csv" --no-progress
  fi
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
java -Xmx3g -cp "$bench" dev.scoring.benchmarks.cli.ScoreFilesAgree "$dir/cli.csv" \
  "$dir/duckdb.csv"
if [ -n "${BASELINE_CLI:-}" ]; then
  cmp -s "$dir/cli.csv" "$dir/baseline.csv" && echo "cli and baseline outputs: identical bytes" \
    || { echo "cli and baseline outputs differ"; exit 1; }
fi
