#!/usr/bin/env bash
# documents/s of `spark/run-local bundle` on local[2] against `provkit bundle`, same corpus, same machine,
# interleaved rounds (A B A B ...), so a neighbour's load hits both alike. Medians of wall time, and of
# CPU time (user + system, whole process tree), which a busy machine disturbs much less.
#   bench/spark.sh [ARTICLES] [ROUNDS] [SHARD_SIZE]       (default 2000 3 500)
# The corpus is bench/make-corpus.py's articles (2-40 KB, a quarter HTML). Spark's figure includes its
# own start (a local session, ~5 s), the listing, the index (Parquet) and the collection manifest;
# provkit's includes its JVM start. Both sign (provkit with a CA key made here, as the Spark job needs).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
articles="${1:-2000}" rounds="${2:-3}" shard="${3:-500}"
work="$(mktemp -d /tmp/provkit-spark-bench.XXXXXX)"
res="$work/results"; mkdir -p "$res" "$work/logs"
say() { echo "$@" >&2; }
# shellcheck source=bench/lib.sh
. "$here/bench/lib.sh"

python3 "$here/bench/make-corpus.py" "$work/corpus" --blobs 0 --articles "$articles" >/dev/null
corpus="$work/corpus/articles"
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 30 -subj "/O=Bench/CN=Bench Signing CA" \
  -keyout "$work/ca-key.pem" -out "$work/ca.pem" -addext basicConstraints=critical,CA:TRUE \
  -addext keyUsage=critical,keyCertSign,digitalSignature 2>/dev/null
chmod 600 "$work/ca-key.pem"
# build both once, outside the timings
"$here/provkit" --version >/dev/null
SPARK_MASTER="local[2]" "$here/spark/run-local" --version >/dev/null

for i in $(seq 1 "$rounds"); do
  say "round $i/$rounds"
  rm -rf "$work/out-cli" "$work/out-spark"
  measure provkit "$here/provkit" bundle "$corpus" -o "$work/out-cli" --key "$work/ca-key.pem" --cert "$work/ca.pem" --no-progress
  measure spark env SPARK_MASTER="local[2]" "$here/spark/run-local" bundle --input "$corpus" --output "$work/out-spark" \
    --collection bench --shard-size "$shard" --key "$work/ca-key.pem" --cert "$work/ca.pem"
  for key in provkit spark; do
    awk -F': ' '/User time|System time/ {t += $2} END {print t}' "$work/logs/$key.time" >>"$res/$key.cpu"
  done
done

median_cpu() { sort -n "$res/$1.cpu" | awk '{v[NR]=$1} END {if (NR % 2) m = v[(NR+1)/2]; else m = (v[NR/2] + v[NR/2+1]) / 2; printf "%.1f", m}'; }
p=$(median_s provkit) s=$(median_s spark) pc=$(median_cpu provkit) sc=$(median_cpu spark)
printf '%s articles, %s rounds, medians on %s cores (load average %s)\n' "$articles" "$rounds" "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)"
printf '  provkit bundle              %7.1f s  %6.0f documents/s  %6.1f CPU-s (%4.0f documents per CPU-s)  peak RSS %s MB\n' \
  "$p" "$(echo "$articles / $p" | bc -l)" "$pc" "$(echo "$articles / $pc" | bc -l)" "$(max_rss_mb provkit)"
printf '  spark/run-local (local[2])  %7.1f s  %6.0f documents/s  %6.1f CPU-s (%4.0f documents per CPU-s)  peak RSS %s MB  (%s bundles)\n' \
  "$s" "$(echo "$articles / $s" | bc -l)" "$sc" "$(echo "$articles / $sc" | bc -l)" "$(max_rss_mb spark)" \
  "$(ls "$work/out-spark/bundles" | grep -c '\.tar$')"
rm -rf "$work"
