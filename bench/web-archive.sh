#!/usr/bin/env bash
# Issue 16's measurements, side by side:
#   1. throughput: bundle the same N pages as one .warc.gz and as loose HTML files, ROUNDS interleaved
#      rounds; the WARC's wall time over the loose files' (target: WARC throughput >= 80% of loose);
#   2. memory flat in the number of records: peak RSS (process tree) of bundling a WARC of SMALL records
#      and one of LARGE records of the same page size (target: within 10%).
#
#   bench/web-archive.sh [--quick]      (--quick: 500 pages, 2 rounds, 500 vs 5,000 records)
# Full: 2,000 pages x 3 rounds; 2,000 vs 20,000 records of ~50 KB (a 1 GB WARC). Needs /usr/bin/time.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
quick=false; [ "${1:-}" = "--quick" ] && quick=true
if $quick; then pages=500; rounds=2; small=500; large=5000; else pages=2000; rounds=3; small=2000; large=20000; fi
work="$(mktemp -d "${TMPDIR:-/tmp}/provkit-warc-bench.XXXXXX")"
res="$work/results"; mkdir -p "$res" "$work/logs"
say() { echo "$@" >&2; }
# shellcheck source=lib.sh
source "$here/lib.sh"
trap 'rm -rf "$work"' EXIT
[ -f "$root/target/provkit.jar" ] || (cd "$root" && mvn -B -q -DskipTests package)
jar="$root/target/provkit.jar"
java_opts=(-Xmx1g -XX:+UseSerialGC -Xss4m)

say "making $pages pages (loose and as a WARC), and WARCs of $small and $large records of ~50 KB ..."
java -cp "$jar" "$here/WebArchiveCorpus.java" "$work/same" "$pages" 4000
java -cp "$jar" "$here/WebArchiveCorpus.java" "$work/small" "$small" 50000 warc-only
java -cp "$jar" "$here/WebArchiveCorpus.java" "$work/large" "$large" 50000 warc-only
mkdir -p "$work/warc-src" "$work/loose-src" "$work/small-src" "$work/large-src"
mv "$work/same/crawl.warc.gz" "$work/warc-src/"; mv "$work/same/pages" "$work/loose-src/"
mv "$work/small/crawl.warc.gz" "$work/small-src/"; mv "$work/large/crawl.warc.gz" "$work/large-src/"

bundle() { # KEY SRC
  rm -rf "$work/out"
  measure "$1" java "${java_opts[@]}" -jar "$jar" bundle "$2" -o "$work/out" --no-sign --no-progress --format tar
}
for r in $(seq 1 "$rounds"); do
  say "round $r/$rounds: WARC, then loose files"
  bundle warc "$work/warc-src"
  bundle loose "$work/loose-src"
done
say "memory: $small records, then $large"
bundle small "$work/small-src"
bundle large "$work/large-src"

w=$(median_s warc); l=$(median_s loose)
echo "| measurement | wall (median) | runs (s) | peak RSS, process tree |"
echo "|---|---:|---|---:|"
echo "| bundle $pages pages as one .warc.gz | $(fmt "$w" '%.2f s') | $(all_runs warc) | $(tree_rss_mb warc) MB |"
echo "| bundle the same $pages pages as loose files | $(fmt "$l" '%.2f s') | $(all_runs loose) | $(tree_rss_mb loose) MB |"
echo "| WARC throughput / loose throughput | $(ratio "$l" "$w") | target >= 0.8 | |"
echo "| bundle a WARC of $small records of ~50 KB ($(du -m "$work/small-src/crawl.warc.gz" | cut -f1) MB) | $(fmt "$(median_s small)" '%.1f s') | | $(tree_rss_mb small) MB |"
echo "| bundle a WARC of $large records of ~50 KB ($(du -m "$work/large-src/crawl.warc.gz" | cut -f1) MB) | $(fmt "$(median_s large)" '%.1f s') | | $(tree_rss_mb large) MB |"
echo "| peak RSS, $large records / $small records | $(ratio "$(tree_rss_mb large)" "$(tree_rss_mb small)") | target 0.9-1.1 | |"
