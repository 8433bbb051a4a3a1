#!/usr/bin/env bash
# Whole-process cost of `scoring-cli accounts` against `scoring-cli score` on the same NDJSON
# file (seed-table contacts with an account_id each), alternating, with /usr/bin/time -v for
# wall time and peak memory (maximum resident set size). Both write CSV; `accounts` also reads
# account records (every other account has one) and writes one row per account.
#
# Build first (from the repository root):
#   mvn -B -pl scoring-cli,scoring-benchmarks -am -DskipTests package
# Run:
#   scoring-benchmarks/cli-accounts.sh [dir] [contacts] [accounts] [rounds]
# (defaults: /tmp/cli-accounts, 1000000 contacts, 100000 accounts, 3 rounds). Both use every
# core and their default memory settings; the input files are generated once and reused.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dir=${1:-/tmp/cli-accounts}
n=${2:-1000000}
accounts=${3:-100000}
rounds=${4:-3}
as_of=2026-11-22T12:00:00Z
bench=$root/scoring-benchmarks/target/benchmarks.jar
cli=$root/scoring-cli/target/scoring-cli.jar
mkdir -p "$dir"
contacts=$dir/contacts-$n-$accounts.ndjson
records=$dir/accounts-$accounts.ndjson
model=$dir/seed-accounts.json
if [ ! -f "$contacts" ] || [ ! -f "$records" ]; then
  java -cp "$bench" dev.scoring.benchmarks.cli.AccountFiles "$contacts" "$records" "$n" \
    "$accounts"
fi
# the seed table with an account block before its closing brace
sed '$ d' "$root/docs/samples/seed-b2b.json" > "$model"
cat >> "$model" <<'JSON'
,"account": {"combine": {"type": "topMean", "k": 3}, "caps": {"demographic": 30},
  "demographic": [{"id": "enterprise", "attribute": "employees", "atLeast": 1000, "points": 20},
                  {"id": "mid-market", "attribute": "employees", "between": [200, 999], "points": 10}],
  "tiers": [{"name": "target", "atLeast": 50}, {"name": "hot", "atLeast": 75}], "baseTier": "cold"}
}
JSON
echo "input: $(stat -c %s "$contacts") bytes, $n contacts, $accounts accounts; $(nproc) cores"

measure() { # name, command...
  local name=$1; shift
  /usr/bin/time -v "$@" 2> "$dir/$name.time" > /dev/null || { cat "$dir/$name.time"; exit 1; }
  local wall rss
  wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$dir/$name.time")
  rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$dir/$name.time")
  printf '%-8s wall %8s  peak RSS %6d MB   %s\n' "$name" "$wall" $((rss / 1024)) \
    "$(grep '^scored' "$dir/$name.time" || true)"
}

for r in $(seq 1 "$rounds"); do
  echo "round $r"
  measure score java -jar "$cli" score --model "$model" --contacts "$contacts" \
    --as-of "$as_of" --out "$dir/scores.csv" --no-progress
  measure accounts java -jar "$cli" accounts --model "$model" --contacts "$contacts" \
    --accounts "$records" --as-of "$as_of" --out "$dir/accounts.csv" --no-progress
done
