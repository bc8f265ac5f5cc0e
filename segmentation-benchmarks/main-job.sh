#!/usr/bin/env bash
# Times the main job (README: `segmentation run` with the example rules) over generated customers,
# the way docs/cli.md ("Scale") and RESULTS.md took their main-job figures: two CLI jars alternated
# pair by pair on one host (the order swapped every other pair), outputs compared byte for byte,
# medians and paired differences printed. On a shared machine the host's speed drifts by more than
# a change is worth, so only a comparison inside one series means anything.
#
# Usage (from the repository root):
#   bash segmentation-benchmarks/main-job.sh [pairs] [jar-a] [jar-b]
# With no jars it builds this tree's CLI jar and times it alone ([pairs] runs); with one, it
# compares that jar with this tree's. Build another revision's jar outside the tree, e.g.
#   git worktree add /tmp/base <rev> && (cd /tmp/base && mvn -B -q -pl segmentation-cli -am package -DskipTests)
# CUSTOMERS (default 1000000: 1.17 GB of JSON Lines, about 10 s to generate) and WORK (default
# segmentation-benchmarks/target/main-job) change the input size and where files go; JAVA_OPTS
# adds JVM options to every timed run (e.g. JAVA_OPTS=-Xmx512m).
set -euo pipefail
cd "$(dirname "$0")/.."
pairs="${1:-6}"
work="${WORK:-segmentation-benchmarks/target/main-job}"
customers="${CUSTOMERS:-1000000}"
as_of=2026-11-01T00:00:00Z
mkdir -p "$work"

if [[ $# -lt 3 ]]; then
  mvn -B -q -pl segmentation-cli -am package -DskipTests
  # A copy, so that rebuilding during a series cannot change the code under measurement.
  cp segmentation-cli/target/segmentation-cli-0.1.0-SNAPSHOT-all.jar "$work/tree.jar"
fi
jars=()
case $# in
  0 | 1) jars=("$work/tree.jar") ;;
  2) jars=("$2" "$work/tree.jar") ;;
  *) jars=("$2" "$3") ;;
esac

input="$work/customers-$customers.jsonl"
if [[ ! -s "$input" ]]; then
  java -jar "${jars[0]}" generate --count "$customers" --seed 1 --as-of "$as_of" --out "$input"
fi

times="$work/times.txt"
: > "$times"
TIMEFORMAT='%R %U %S'
for ((i = 1; i <= pairs; i++)); do
  order=("${!jars[@]}")
  if ((i % 2 == 0 && ${#jars[@]} == 2)); then
    order=(1 0)
  fi
  for k in "${order[@]}"; do
    out="$work/out-$k"
    rm -rf "$out"
    mkdir -p "$out"
    # shellcheck disable=SC2086 # JAVA_OPTS is a list of options
    t=$({ time java ${JAVA_OPTS:-} -jar "${jars[$k]}" run --rules examples/rules.json \
      --customers "$input" --as-of "$as_of" --out "$out/membership.csv" \
      --out-dir "$out/segments" > "$out/report.txt" 2> "$out/stderr.txt"; } 2>&1)
    echo "$i $k $t" >> "$times"
    echo "pair $i, jar $k (${jars[$k]}): wall, user, sys = $t s"
  done
  if ((${#jars[@]} == 2)); then
    cmp -s "$work/out-0/membership.csv" "$work/out-1/membership.csv" \
      && diff -rq "$work/out-0/segments" "$work/out-1/segments" > /dev/null \
      && cmp -s "$work/out-0/report.txt" "$work/out-1/report.txt" \
      || { echo "pair $i: the two jars wrote different outputs (see $work/out-0, out-1)"; exit 1; }
  fi
done

median() { sort -g | awk '{v[NR] = $1} END {print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2)}'; }
for k in "${!jars[@]}"; do
  wall=$(awk -v k="$k" '$2 == k {print $3}' "$times" | median)
  cpu=$(awk -v k="$k" '$2 == k {print $4 + $5}' "$times" | median)
  range=$(awk -v k="$k" '$2 == k {print $3}' "$times" | sort -g | sed -n '1p;$p' | paste -sd- -)
  echo "jar $k (${jars[$k]}): median wall ${wall} s (${range}), median CPU ${cpu} s, ${pairs} runs"
done
if ((${#jars[@]} == 2)); then
  awk '{w[$1, $2] = $3; c[$1, $2] = $4 + $5} END {for (i = 1; w[i, 0] != ""; i++) print w[i, 0] - w[i, 1], c[i, 0] - c[i, 1]}' \
    "$times" > "$work/pairs.txt"
  wall=$(awk '{print $1}' "$work/pairs.txt" | median)
  cpu=$(awk '{print $2}' "$work/pairs.txt" | median)
  faster=$(awk '$1 > 0' "$work/pairs.txt" | wc -l)
  echo "paired, jar 0 minus jar 1: median ${wall} s wall, ${cpu} s CPU; jar 1 faster in ${faster} of ${pairs} pairs"
  echo "outputs byte-identical in every pair"
fi
