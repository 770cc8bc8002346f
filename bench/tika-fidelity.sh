#!/usr/bin/env bash
# Issue 15's fidelity run: provkit bundles Apache Tika's own test documents, twice with SOURCE_DATE_EPOCH,
# and is compared with plain Tika 3.3.1 on the same files. Reports bytes lost, stack traces, files
# stopped by the time limit, extracted characters against plain Tika (each file below 90 % listed with
# provkit's reason), the process tree's peak RSS and whether the two unsigned bundles are identical.
#
#   bench/tika-fidelity.sh --repo DIR     DIR: a git snapshot of apache/tika (e.g. from `fetch github:apache/tika`)
#   options: --ref REF (default HEAD)  --work DIR (default: a new temp folder; with an existing corpus and
#            reference there, they are reused)  --keep (keep the work folder)  --timeout S (plain Tika's
#            per-file limit, default 120)
#
# Needs Java 17, Maven (first use: the jar, the class path, junrar for the reference), python3, GNU time.
# The corpus (1,155 files, 104 MB) is rebuilt from the snapshot, never committed. Markdown on stdout.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
repo="" ref=HEAD work="" keep=0 timeout=120
while [ $# -gt 0 ]; do
  case "$1" in
    --repo) repo=$2; shift 2 ;;
    --ref) ref=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    --keep) keep=1; shift ;;
    --timeout) timeout=$2; shift 2 ;;
    *) echo "tika-fidelity: unknown option $1" >&2; exit 2 ;;
  esac
done
say() { echo "tika-fidelity: $*" >&2; }
if [ -z "$work" ]; then work=$(mktemp -d); [ "$keep" = 1 ] || trap 'rm -rf "$work"' EXIT; fi
mkdir -p "$work/logs" "$work/res"
res="$work/res"
. "$here/lib.sh"
command -v /usr/bin/time >/dev/null || { apt-get install -y -qq time >/dev/null 2>&1 || true; }

corpus="$work/corpus"
if [ ! -d "$corpus" ]; then
  [ -n "$repo" ] || { say "--repo DIR is needed to build the corpus"; exit 2; }
  say "building the corpus from $repo ($ref)"
  python3 "$here/tika-corpus.py" "$repo" "$corpus" "$ref" >"$work/corpus.txt"
fi
read -r files bytes commit skipped <"$work/corpus.txt"

# provkit's own class path, plus junrar at the version Tika 3.3.1 manages: the reference is plain Tika
# as its standard package brings it (provkit leaves junrar out: see docs/extraction.md).
if [ ! -f "$work/reference.tsv.done" ]; then
  (cd "$root" && mvn -B -q --no-transfer-progress dependency:build-classpath -Dmdep.includeScope=runtime \
      -Dmdep.outputFile="$work/classpath.txt" >&2)
  junrar_version=$(sed -n 's#.*<junrar.version>\(.*\)</junrar.version>.*#\1#p' \
      "$HOME/.m2/repository/org/apache/tika/tika-parent/3.3.1/tika-parent-3.3.1.pom")
  (cd "$root" && mvn -B -q --no-transfer-progress dependency:get -Dartifact="com.github.junrar:junrar:$junrar_version" >&2)
  cp="$(cat "$work/classpath.txt"):$HOME/.m2/repository/com/github/junrar/junrar/$junrar_version/junrar-$junrar_version.jar"
  say "plain Tika over $files files (one JVM; restarted after a file that hangs)"
  for _ in $(seq 1 100); do
    if java -Xmx2g -Dorg.slf4j.simpleLogger.defaultLogLevel=off -cp "$cp" "$here/TikaReference.java" \
         "$corpus" "$timeout" "$work/reference.tsv" 2>>"$work/logs/reference.err"; then
      touch "$work/reference.tsv.done"; break
    fi
  done
fi

(cd "$root" && ./provkit --version >/dev/null)
export SOURCE_DATE_EPOCH=1767225600
for run in 1 2; do
  say "provkit bundle, run $run"
  rm -rf "$work/out$run"
  measure "bundle-$run" env -C "$work" "$root/provkit" bundle "$corpus" -o "$work/out$run" --name tika \
      --no-sign --no-progress --json
  cp "$work/logs/bundle-$run.log" "$work/bundle-$run.out"
done
# measure() mixes stdout and stderr in one log: the JSON summary is on stdout, everything else is stderr.
same=$(cmp -s "$work/out1/tika.tar" "$work/out2/tika.tar" && echo "identical" || echo "DIFFERENT")

echo "## Fidelity on Apache Tika's test documents"
echo
echo "Corpus: $files files, $(awk -v b="$bytes" 'BEGIN {printf "%.1f", b / 1e6}') MB, every test-documents folder of apache/tika at $commit ($skipped files absent from the snapshot)."
echo "$(nproc) cores; $(java -version 2>&1 | head -1); load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)."
echo
echo "| measurement | value |"
echo "|---|---:|"
for run in 1 2; do
  echo "| bundle run $run: wall, exit, peak RSS largest process / process tree | $(fmt "$(median_s "bundle-$run")" '%.1f s'), exit $(exit_codes "bundle-$run"), $(max_rss_mb "bundle-$run") / $(tree_rss_mb "bundle-$run") MB |"
done
echo "| the two unsigned bundles (SOURCE_DATE_EPOCH=$SOURCE_DATE_EPOCH) | $same |"
python3 "$here/tika-fidelity.py" "$corpus" "$work/reference.tsv" "$work/out1/tika.tar" "$work/logs/bundle-1.log" \
  "$work/per-file.tsv"
[ "$keep" = 1 ] && say "kept $work (per-file.tsv: one line per file)"
exit 0
