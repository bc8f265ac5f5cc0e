#!/usr/bin/env bash
# Builds the benchmarks jar and runs every benchmark of RESULTS.md, then prints its tables.
# Usage (from the repository root): bash segmentation-benchmarks/run-benchmarks.sh [output-dir]
# Takes about 25 minutes on 2 cores. JSON results, logs and a copy of the jar that ran go to the
# output directory (default: segmentation-benchmarks/target/results). PARTS chooses what runs
# (default: every part but the opt-in ones, batch10m and issue18), e.g. PARTS="batch memory";
# BATCH_ARGS adds JMH options the batch run does not set itself, e.g. BATCH_ARGS="-p
# contender=HAND_ARRAYS,COLUMNAR" (BATCH10M_ARGS likewise for batch10m, ISSUE18_ARGS for issue18,
# e.g. "-p rule=R2"; JMH refuses an option given twice).
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-segmentation-benchmarks/target/results}"
parts="${PARTS:-batch single authoring diff catalog sql tracker memory}"
mkdir -p "$out"
mvn -B -q -pl segmentation-benchmarks -am package -DskipTests dependency:build-classpath \
  -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=compile
# Run a copy, so that rebuilding during a run cannot change the code under measurement.
jar="$out/benchmarks.jar"
cp segmentation-benchmarks/target/benchmarks.jar "$jar"
# Spark is not inside the jar (provided): SqlBenchmark's Spark side gets its jars from here, and
# the JDK flags Spark needs (examples/spark/jvm.options) in its forks.
spark_cp="$(cat segmentation-benchmarks/target/classpath.txt)"
spark_flags="-Xmx12g -XX:+UseParallelGC $(tr '\n' ' ' < examples/spark/jvm.options)"

has() { [[ " $parts " == *" $1 "* ]]; }

# The machine's load during the run: every 10 s, the time, the part running and the 1-minute load
# average, summarised per part under "## Machine" (the benchmark's own threads count in it: one
# busy thread adds about 1, a two-thread contender about 2).
load_log="$out/load.tsv"
: > "$load_log"
echo build > "$out/part"
(
  while :; do
    printf '%s\t%s\t%s\n' "$(date -u +%H:%M:%S)" "$(cat "$out/part")" \
      "$(cut -d' ' -f1 /proc/loadavg)" >> "$load_log"
    sleep 10
  done
) &
sampler=$!
trap 'kill "$sampler" 2> /dev/null || true' EXIT
running() { echo "$1" > "$out/part"; }

if has batch; then
  running batch
  # One rule over 1,000,000 customers (peers: 100,000) per operation.
  java -jar "$jar" BatchBenchmark -f 1 -wi 3 -w 1s -i 5 -r 1s ${BATCH_ARGS:-} \
    -rf json -rff "$out/batch.json" > "$out/batch.log" 2>&1
fi
if has batch10m; then
  running batch10m
  # The limits and the columnar engine on 1 and 2 threads over 10,000,000 customers (opt-in:
  # PARTS=batch10m; 20 forks). These contenders read only columns, which each fork generates
  # straight into the arrays or the table a chunk at a time (no 10M plain objects): one fork's
  # setup took 63-70 s at load 5-7 and 117-122 s at load 8-11 on the 2-core machine (about 60 s
  # of CPU; 2026-12-03, run TB2), and 6 GB held it (1.3-1.8 GB live after setup); 8 GB leaves room. The contenders that read objects (HAND_POJO,
  # ROW, the peers) would need the 10M objects again: more than 14 GB.
  java -jar "$jar" BatchBenchmark -p customers=10000000 \
    -p contender=HAND_BRANCH_FREE,HAND_BRANCH_FREE_2_THREADS,HAND_ARRAYS,COLUMNAR,COLUMNAR_2_THREADS \
    -f 1 -wi 3 -w 1s -i 5 \
    -r 1s -jvmArgsAppend "-Xms8g -Xmx8g -XX:+UseParallelGC" ${BATCH10M_ARGS:-} \
    -rf json -rff "$out/batch10m.json" > "$out/batch10m.log" 2>&1
fi
if has issue18; then
  running issue18
  # Issue 18's own method (opt-in: PARTS=issue18; about 13 minutes): one JMH run, two forks per
  # contender, 1,000,000 customers, every contender its targets name. Its own directory, so that
  # the report prints it apart from the one-fork batch.
  mkdir -p "$out/issue18"
  java -jar "$jar" BatchBenchmark \
    -p contender=HAND_BRANCH_FREE,HAND_POJO,ROW,ROW_BLOCK,COLUMNAR,COLUMNAR_2_THREADS \
    -f 2 -wi 3 -w 1s -i 5 -r 1s ${ISSUE18_ARGS:-} \
    -rf json -rff "$out/issue18/batch.json" > "$out/issue18/batch.log" 2>&1
fi
if has single; then
  running single
  # Inside a request: the 20-segment catalog for one customer, with allocation per call.
  java -jar "$jar" SingleCustomerBenchmark -f 1 -wi 3 -w 2s -i 5 -r 2s -prof gc \
    -rf json -rff "$out/single.json" > "$out/single.log" 2>&1
fi
if has authoring; then
  running authoring
  # Authoring: parse, check and compile 1,000 segments.
  java -jar "$jar" AuthoringBenchmark -f 1 -wi 3 -w 2s -i 5 -r 2s \
    -rf json -rff "$out/authoring.json" > "$out/authoring.log" 2>&1
fi
if has diff; then
  running diff
  # Two days of a nightly job: BatchResult.diff beside the evaluation it is compared with.
  java -jar "$jar" DiffBenchmark -f 1 -wi 2 -w 2s -i 5 -r 2s \
    -rf json -rff "$out/diff.json" > "$out/diff.log" 2>&1
fi
if has catalog && java -jar "$jar" -l | grep -q CatalogBenchmark; then
  running catalog
  # The 100-segment catalog over 10,000,000 customers, 1 and 2 threads (single-shot operations).
  java -jar "$jar" CatalogBenchmark -rf json -rff "$out/catalog.json" > "$out/catalog.log" 2>&1
fi
if has sql; then
  running sql
  # The 100-segment catalog's counts: the generated SQL in an in-process DuckDB and on a local
  # Spark (segmentation-spark over Parquet) next to the columnar engine, over 10,000,000 customers
  # (SQL_CUSTOMERS=1000000 for fewer), on 2 threads (loading not measured).
  java -cp "$jar:$spark_cp" org.openjdk.jmh.Main SqlBenchmark -p threads=2 \
    -p customers="${SQL_CUSTOMERS:-10000000}" -f 1 -wi 2 -w 1s -i 3 -r 1s \
    -jvmArgsAppend "$spark_flags" -rf json -rff "$out/sql.json" > "$out/sql.log" 2>&1
fi
if has tracker; then
  running tracker
  # The membership tracker on the 20-segment catalog (single-shot operations): 1,000,000 events
  # over 100,000 customers in time order; the clock moved one day over 1,000,000 customers.
  java -jar "$jar" TrackerBenchmark.ingest -wi 1 -i 3 \
    -rf json -rff "$out/tracker-ingest.json" > "$out/tracker-ingest.log" 2>&1
  java -jar "$jar" TrackerBenchmark.advanceOneDay -wi 1 -i 5 \
    -rf json -rff "$out/tracker-advance.json" > "$out/tracker-advance.log" 2>&1
fi
if has memory; then
  running memory
  java -Djdk.attach.allowAttachSelf=true -cp "$jar" dev.segmentation.benchmarks.MemoryReport \
    100000 > "$out/memory.txt" 2> "$out/memory.log"
fi

running report
{
  echo "## Machine"
  echo "nproc: $(nproc); RAM: $(free -g | awk '/Mem:/{print $2}') GB;" \
    "CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
  java -version 2>&1 | head -2
  echo
  echo "Load average (1 minute) while each part ran, lowest-highest, UTC times of the samples:"
  awk -F'\t' '$2 != "build" && $2 != "report" {
      if (!($2 in lo)) { order[n++] = $2; lo[$2] = $3; hi[$2] = $3; first[$2] = $1 }
      if ($3 < lo[$2]) lo[$2] = $3
      if ($3 > hi[$2]) hi[$2] = $3
      last[$2] = $1
    }
    END { for (i = 0; i < n; i++) { p = order[i]
      printf "- %s: %s-%s (%s-%s)\n", p, lo[p], hi[p], first[p], last[p] } }' "$load_log"
  echo
  if [[ -f "$out/memory.txt" ]]; then
    echo "## Memory (bytes per customer)"
    cat "$out/memory.txt"
    echo
  fi
  echo "## Tables"
  shopt -s nullglob
  results=("$out"/*.json)
  if ((${#results[@]} > 0)); then
    java -cp "$jar" dev.segmentation.benchmarks.Report "${results[@]}"
  fi
  if [[ -f "$out/issue18/batch.json" ]]; then
    echo "## Issue 18's contenders, two forks each"
    java -cp "$jar" dev.segmentation.benchmarks.Report "$out/issue18/batch.json"
  fi
} | tee "$out/tables.md"
