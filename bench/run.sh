#!/usr/bin/env bash
# provkit benchmark (issue 7): provkit against the scripted alternative, side by side, in one run.
#
#   bench/run.sh [--runs N] [--quick] [--keep] [--work DIR] [--check] [--profile] [--scale]
#
#   --runs N    median of N runs for each long measurement (default 3); start-up is always 10 runs
#   --quick     a 10x smaller corpus (4 x 12.8 MiB + 200 articles), for a fast check of the script
#   --keep      keep the temp folder (corpus, bundles, logs); it is printed at the end
#   --work DIR  use DIR as the temp folder (an existing corpus there is reused when --keep made it)
#   --check     exit 1 when a target FAILs (default: exit 0 whenever the measurements ran)
#   --profile   also profile `provkit bundle`: CPU per process/thread/second (cpu-profile.py), and JFR
#               on the parent JVM and on one extraction worker run alone over the corpus
#   --scale     only the scale cases (slow): 100,000 small files, and one 10 GB sparse file;
#               bundle + verify of each, wall time and peak RSS
#
# See docs/benchmarks.md for what each figure means and the latest numbers.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
provkit="$repo/provkit"

runs=3 quick=0 keep=0 check=0 profile=0 scale=0 work=""
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=${2:?--runs needs a number}; shift ;;
    --runs=*) runs=${1#--runs=} ;;
    --quick) quick=1 ;;
    --keep) keep=1 ;;
    --work) work=${2:?--work needs a folder}; shift ;;
    --check) check=1 ;;
    --profile) profile=1 ;;
    --scale) scale=1 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "run.sh: unknown option '$1' (see --help)" >&2; exit 2 ;;
  esac
  shift
done
case "$runs" in ''|*[!0-9]*|0) echo "run.sh: --runs needs a positive number" >&2; exit 2 ;; esac

# The issue's reference figures for the scripted pipeline (same corpus, this class of machine).
REF_SCRIPTED_BUNDLE=14.5 REF_TIKA=9.7 REF_SCRIPTED_VERIFY=2.6 REF_FLOOR=1.64

say() { printf '%s\n' "$*" >&2; }
die() { say "run.sh: $*"; exit 3; }

# ---------------------------------------------------------------- tools
[ -x /usr/bin/time ] || { say "installing GNU time (apt-get install time) ..."; apt-get install -y -qq time >/dev/null || die "GNU time (/usr/bin/time) is needed: apt-get install time"; }
for tool in java openssl python3 tar xargs awk; do command -v "$tool" >/dev/null || die "$tool is needed"; done

tika_version=3.2.2
tika_jar="$HOME/.m2/repository/org/apache/tika/tika-app/$tika_version/tika-app-$tika_version.jar"
if [ "$scale" = 0 ] && [ ! -f "$tika_jar" ]; then
  say "fetching tika-app $tika_version from Maven Central ..."
  copy=$(mktemp -d)
  mvn -B -q dependency:copy -Dartifact="org.apache.tika:tika-app:$tika_version" -DoutputDirectory="$copy" >&2 \
    || die "cannot fetch org.apache.tika:tika-app:$tika_version"
  rm -rf "$copy"
  [ -f "$tika_jar" ] || die "tika-app was fetched but is not at $tika_jar"
fi

say "building provkit if needed ..."
"$provkit" --version >/dev/null || die "provkit does not build/run"

# ---------------------------------------------------------------- temp folder, private HOME
if [ -n "$work" ]; then mkdir -p "$work"; work=$(cd "$work" && pwd); else work=$(mktemp -d "${TMPDIR:-/tmp}/provkit-bench.XXXXXX"); fi
cleanup() {
  if [ "$keep" = 1 ]; then say "kept: $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
rm -rf "$work/logs" "$work/res"
mkdir -p "$work/home" "$work/logs" "$work/res"
# provkit creates its default signing key under $HOME/.config/provkit on first use: a throwaway HOME
# keeps the benchmark away from the user's own key.
export HOME="$work/home"
unset XDG_CONFIG_HOME PROVKIT_KEY_PASSWORD SOURCE_DATE_EPOCH
# Java reads file names in the locale's charset; the launcher sets this too.
export LC_ALL=C.UTF-8
res="$work/res"

# ---------------------------------------------------------------- measuring
. "$here/lib.sh"

verify_opts=()
trust_cert="$HOME/.config/provkit/signing-cert.pem"
verify_supports() { "$provkit" verify --help 2>/dev/null | grep -q -- "$1"; }

machine_line() {
  local cpu; cpu=$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)
  printf '%s cores (%s), %s GB RAM; %s; %s; provkit %s (%s)\n' "$(nproc)" "$cpu" \
    "$(awk '/MemTotal/ {printf "%.0f", $2 / 1048576}' /proc/meminfo)" \
    "$(java -version 2>&1 | head -1)" "$(openssl version | cut -d' ' -f1-2)" \
    "$("$provkit" --version 2>/dev/null | head -1 | awk '{print $NF}')" "$(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo '?')"
}

# ---------------------------------------------------------------- signing key, warm-up, seed bundle
say "creating the default signing key and the seed bundle (untimed) ..."
rm -rf "$work/seed"
"$provkit" bundle "$repo/seeds" -o "$work/seed" --name seed --no-progress >"$work/logs/seed-bundle.log" 2>&1 \
  || { cat "$work/logs/seed-bundle.log" >&2; die "provkit bundle of seeds/ failed"; }
seed_bundle="$work/seed/seed.tar"
signed=no
if tar tf "$seed_bundle" | grep -q '/signature/.*\.p7s$'; then signed=yes; fi
if [ -f "$trust_cert" ] && verify_supports --trust; then verify_opts=(--trust "$trust_cert"); fi
verify_works=yes
set +e
"$provkit" verify --no-progress "${verify_opts[@]}" "$seed_bundle" >"$work/logs/seed-verify.log" 2>&1
rc=$?
set -e
if [ "$rc" != 0 ]; then
  # Exit 2 (usage) means this build's verify does not take a bundle yet; 1 would be a finding.
  if [ "$rc" = 2 ]; then verify_works=no; fi
  say "note: provkit verify of the seed bundle exited $rc: $(head -3 "$work/logs/seed-verify.log" | tr '\n' ' ')"
fi

# ---------------------------------------------------------------- scale cases (only on request)
if [ "$scale" = 1 ]; then
  say "scale: 100,000 small files (0.5-4 KB articles) ..."
  python3 "$here/make-corpus.py" "$work/small" --blobs 0 --articles 100000 --min-kb 0.5 --max-kb 4 >"$work/logs/small-corpus.log"
  small_bytes=$(du -sb "$work/small" | cut -f1)
  measure scale-small-bundle "$provkit" bundle "$work/small" -o "$work/out-small" --name small --no-progress
  [ "$verify_works" = yes ] && measure scale-small-verify "$provkit" verify --no-progress "${verify_opts[@]}" "$work/out-small/small.tar"
  rm -rf "$work/out-small"
  say "scale: one 10 GB sparse file ..."
  mkdir -p "$work/big"
  truncate -s 10G "$work/big/big.bin"
  measure scale-big-bundle "$provkit" bundle "$work/big" -o "$work/out-big" --name big --no-progress
  [ "$verify_works" = yes ] && measure scale-big-verify "$provkit" verify --no-progress "${verify_opts[@]}" "$work/out-big/big.tar"
  rm -rf "$work/out-big"
  echo
  echo "## provkit scale cases ($(date -u '+%F %H:%M UTC'))"
  echo
  machine_line
  echo
  echo "| case | command | wall | MB/s | files/s | peak RSS: largest process / process tree | exit |"
  echo "|---|---|---:|---:|---:|---:|---|"
  for c in "small 100,000 files ($(fmt "$(awk -v b="$small_bytes" 'BEGIN {print b / 1e6}')" '%.0f') MB):$small_bytes:100000" "big one 10 GiB sparse file:10737418240:1"; do
    label=${c%%:*}; rest=${c#*:}; bytes=${rest%%:*}; files=${rest#*:}; k=${label%% *}
    for cmd in bundle verify; do
      w=$(median_s "scale-$k-$cmd")
      echo "| ${label#* } | $cmd | $(fmt "$w" '%.1f s') | $(fmt "$(awk -v b="$bytes" -v w="$w" 'BEGIN {if (w == "NA") print "NA"; else print b / 1e6 / w}')" '%.0f') | $(fmt "$(awk -v n="$files" -v w="$w" 'BEGIN {if (w == "NA") print "NA"; else print n / w}')" '%.0f') | $(fmt "$(max_rss_mb "scale-$k-$cmd")" '%s') / $(fmt "$(tree_rss_mb "scale-$k-$cmd")" '%s MB') | $(exit_codes "scale-$k-$cmd") |"
    done
  done
  echo
  echo "Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg) (2 cores shared with other work)."
  exit 0
fi

# ---------------------------------------------------------------- corpus
corpus="$work/corpus"
if [ "$quick" = 1 ]; then corpus_args=(--blobs 4 --blob-bytes 13421773 --articles 200); else corpus_args=(); fi
if [ -f "$work/corpus.done" ] && [ "$(cat "$work/corpus.done")" = "${corpus_args[*]:-full}" ]; then
  say "reusing the corpus in $corpus"
else
  rm -rf "$corpus"
  say "making the corpus (deterministic) ..."
  python3 "$here/make-corpus.py" "$corpus" "${corpus_args[@]}" >&2
  echo "${corpus_args[*]:-full}" >"$work/corpus.done"
fi
corpus_bytes=$(find "$corpus" -type f -printf '%s\n' | awk '{s += $1} END {print s}')
corpus_files=$(find "$corpus" -type f | wc -l)
corpus_mb=$(awk -v b="$corpus_bytes" 'BEGIN {printf "%.1f", b / 1e6}')

# A key for the scripted pipeline's openssl cms -sign: the same kind provkit uses (EC P-256, self-signed).
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout "$work/scripted-key.pem" \
  -out "$work/scripted-cert.pem" -subj "/CN=bench scripted signer" -days 30 \
  -addext keyUsage=critical,digitalSignature >/dev/null 2>&1

rm -rf "$work/unpacked"
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
# Rounds interleave the measurements so that load from other work on the machine hits all of them alike.
# Everything reads a warm page cache (the corpus was just written; the machine has far more RAM than 1.2 GB).
for ((i = 1; i <= runs; i++)); do
  say "round $i/$runs: provkit bundle ..."
  rm -rf "$work/out"
  measure bundle "$provkit" bundle "$corpus" -o "$work/out" --name corpus --no-progress
  bundle_tar="$work/out/corpus.tar"
  cp "$work/logs/bundle.log" "$work/logs/bundle-last.log"

  if [ -f "$bundle_tar" ] && [ "$verify_works" = yes ]; then
    say "round $i/$runs: provkit verify ..."
    measure verify "$provkit" verify --no-progress "${verify_opts[@]}" "$bundle_tar"
  fi

  say "round $i/$runs: openssl hashing floor ..."
  measure floor-per-algorithm "$here/hash-floor.sh" per-algorithm "$corpus"
  measure floor-balanced "$here/hash-floor.sh" balanced "$corpus"
  # The issue's floor is over "the same bytes" verify hashes: the bundle's files (its payload is the
  # corpus plus extracted texts, records and the PROV graph, about 8 % more). Unpacked once, untimed.
  if [ ! -d "$work/unpacked" ] && [ -f "$bundle_tar" ]; then
    mkdir -p "$work/unpacked" && tar xf "$bundle_tar" -C "$work/unpacked"
  fi
  if [ -d "$work/unpacked" ]; then
    measure floor-bundle-per-algorithm "$here/hash-floor.sh" per-algorithm "$work/unpacked"
    measure floor-bundle-balanced "$here/hash-floor.sh" balanced "$work/unpacked"
  fi

  say "round $i/$runs: scripted bundle (tika-app + bag + cms + tar) ..."
  rm -rf "$work/scripted"
  measure scripted-bundle "$here/scripted-bundle.sh" "$tika_jar" "$corpus" "$work/scripted" \
    "$work/scripted-key.pem" "$work/scripted-cert.pem"
  [ -f "$work/scripted/stages.tsv" ] && cp "$work/scripted/stages.tsv" "$res/scripted-bundle-stages.$i"

  say "round $i/$runs: scripted verify (tar x + manifests + cms -verify) ..."
  rm -rf "$work/scripted-verify"
  measure scripted-verify "$here/scripted-verify.sh" "$work/scripted/scripted.tar" "$work/scripted-verify" "$work/scripted-cert.pem"
  [ -f "$work/scripted-verify/stages.tsv" ] && cp "$work/scripted-verify/stages.tsv" "$res/scripted-verify-stages.$i"
  rm -rf "$work/scripted-verify" "$work/scripted"
done

# Interoperability as a by-product: the scripted verifier (no provkit code) on provkit's own bundle.
interop="not run"
if [ -f "$work/out/corpus.tar" ]; then
  ca="$trust_cert"; [ -f "$ca" ] || ca="$work/scripted-cert.pem"
  if "$here/scripted-verify.sh" "$work/out/corpus.tar" "$work/interop" "$ca" >"$work/logs/interop.log" 2>&1; then
    interop="valid (BagIt manifests, tag manifests, Payload-Oxum and openssl cms -verify all agree)"
  else
    interop="FAILED: $(tail -1 "$work/logs/interop.log")"
  fi
  rm -rf "$work/interop"
fi

say "start-up: provkit --version and verify of the seed bundle, 10 runs each ..."
for ((i = 1; i <= 10; i++)); do
  measure version "$provkit" --version
  [ "$verify_works" = yes ] && measure verify-seed "$provkit" verify --no-progress "${verify_opts[@]}" "$seed_bundle"
done
load_end=$(cut -d' ' -f1-3 /proc/loadavg)

# ---------------------------------------------------------------- profile (optional)
# JFR on the parent `provkit bundle`, and on one extraction worker fed every corpus file in turn: the
# parent forks its Tika workers and kills them at the end (no JFR dump on SIGKILL), so their CPU is
# profiled by running the same worker class alone with the same JVM options.
worker_class=org.provkit.extract.ExtractionWorker
if [ "$profile" = 1 ]; then
  say "profiling one provkit bundle with JFR ..."
  rm -rf "$work/out-prof"
  measure profile-bundle env PROVKIT_JAVA_OPTS="${PROVKIT_JAVA_OPTS:-} -XX:StartFlightRecording=filename=$work/bundle.jfr,settings=profile" \
    "$provkit" bundle "$corpus" -o "$work/out-prof" --name corpus --no-progress
  rm -rf "$work/out-prof"
  say "CPU per process and thread of one provkit bundle (cpu-profile.py) ..."
  python3 "$here/cpu-profile.py" -- "$provkit" bundle "$corpus" -o "$work/out-prof" --name corpus --no-progress \
    >/dev/null 2>"$work/cpu-profile.txt" || true
  rm -rf "$work/out-prof"
  if unzip -l "$repo/target/provkit.jar" "${worker_class//.//}.class" >/dev/null 2>&1; then
    say "profiling one extraction worker over the whole corpus with JFR ..."
    rm -rf "$work/prof-text"; mkdir -p "$work/prof-text"
    python3 -c 'import json, os, sys
corpus, out = sys.argv[1], sys.argv[2]
for i, (d, _, fs) in enumerate(sorted(os.walk(corpus))):
    for j, f in enumerate(sorted(fs)):
        print(json.dumps({"file": os.path.join(d, f), "text": os.path.join(out, "%d-%d.txt" % (i, j))}))' \
      "$corpus" "$work/prof-text" >"$work/requests.jsonl"
    measure profile-worker sh -c 'exec java -Xmx512m -XX:+UseSerialGC -Xss4m -Dfile.encoding=UTF-8 \
      -XX:StartFlightRecording=filename="$1",settings=profile -cp "$2" "$3" <"$4" >/dev/null' sh \
      "$work/worker.jfr" "$repo/target/provkit.jar" "$worker_class" "$work/requests.jsonl"
    rm -rf "$work/prof-text"
  fi
fi

# ---------------------------------------------------------------- report
b=$(median_s bundle); v=$(median_s verify); sb=$(median_s scripted-bundle); sv=$(median_s scripted-verify)
fa=$(median_s floor-per-algorithm); fb=$(median_s floor-balanced)
faster() { awk -v a="$1" -v b="$2" 'BEGIN {if (a == "NA") print b; else if (b == "NA" || a <= b) print a; else print b}'; }
faster_how() { awk -v a="$1" -v b="$2" 'BEGIN {print (a != "NA" && (b == "NA" || a <= b)) ? "per-algorithm" : "balanced"}'; }
corpus_floor=$(faster "$fa" "$fb"); corpus_floor_how=$(faster_how "$fa" "$fb")
fba=$(median_s floor-bundle-per-algorithm); fbb=$(median_s floor-bundle-balanced)
bundle_floor=$(faster "$fba" "$fbb"); bundle_floor_how=$(faster_how "$fba" "$fbb")
bundle_files_bytes=$( [ -d "$work/unpacked" ] && find "$work/unpacked" -type f -printf '%s\n' | awk '{s += $1} END {printf "%.1f", s / 1e6}' || echo NA)
# The verify target compares with the floor over the same bytes when the bundle could be unpacked.
if [ "$bundle_floor" != NA ]; then floor=$bundle_floor; floor_what="the bundle's files"; else floor=$corpus_floor; floor_what="the corpus"; fi
ver=$(median_s version); vs=$(median_s verify-seed)
mbps() { awk -v w="$1" -v b="$corpus_bytes" 'BEGIN {if (w == "NA" || w == 0) print "n/a"; else printf "%.0f", b / 1e6 / w}'; }
fps() { awk -v w="$1" -v n="$corpus_files" 'BEGIN {if (w == "NA" || w == 0) print "n/a"; else printf "%.0f", n / w}'; }
row() { # label key wall reference note
  local rss="n/a"; [ -n "$2" ] && rss="$(fmt "$(max_rss_mb "$2")" '%s') / $(fmt "$(tree_rss_mb "$2")" '%s MB')"
  local runs_txt=""; [ -n "$2" ] && runs_txt="$(all_runs "$2")"
  local codes=""; [ -n "$2" ] && codes=$(exit_codes "$2") && [ "$codes" != 0 ] && runs_txt="$runs_txt (exit $codes)"
  if [ -n "$2" ] || [ "${5:-}" = rates ]; then
    echo "| $1 | $(fmt "$3" '%.2f s') | $(mbps "$3") | $(fps "$3") | $rss | $runs_txt | $4 |"
  else
    echo "| $1 | $(fmt "$3" '%.2f s') | | | | | $4 |"
  fi
}

echo
echo "## provkit benchmark ($(date -u '+%F %H:%M UTC'))"
echo
machine_line
echo
echo "Corpus: $corpus_files files, $corpus_mb MB ($( [ "$quick" = 1 ] && echo 'quick: 4 x 12.8 MiB random + 200 articles' || echo '4 x 128 MiB random + 2,000 articles of 2-40 KB')), warm page cache."
echo "Median of $runs runs (start-up: 10). Load average $load_start at the start, $load_end at the end (2 cores shared)."
echo "provkit bundle is $( [ "$signed" = yes ] && echo 'signed (default key in a throwaway HOME, created before timing)' || echo 'UNSIGNED: this build does not sign yet')."
[ "$verify_works" = yes ] || echo "provkit verify is not available in this build: its rows are n/a."
echo
echo "| measurement | wall (median) | MB/s | files/s | peak RSS: largest process / process tree | all runs (s) | issue's reference |"
echo "|---|---:|---:|---:|---:|---|---:|"
row "provkit bundle" bundle "$b" ""
row "scripted bundle (total)" scripted-bundle "$sb" "$REF_SCRIPTED_BUNDLE s"
for s in tika bag sign tar; do
  ref=""; [ "$s" = tika ] && ref="$REF_TIKA s"
  row "&nbsp;&nbsp;$s" "" "$(stage_median "$res/scripted-bundle-stages.*" "$s")" "$ref" "$( [ "$s" = tika ] && echo rates)"
done
row "provkit verify" verify "$v" ""
row "scripted verify (total)" scripted-verify "$sv" "$REF_SCRIPTED_VERIFY s"
for s in untar validate cms-verify; do row "&nbsp;&nbsp;$s" "" "$(stage_median "$res/scripted-verify-stages.*" "$s")" ""; done
row "openssl floor, per-algorithm" floor-per-algorithm "$fa" ""
row "openssl floor, balanced" floor-balanced "$fb" ""
row "openssl floor over the bundle's files ($bundle_files_bytes MB), per-algorithm" floor-bundle-per-algorithm "$fba" ""
row "openssl floor over the bundle's files, balanced" floor-bundle-balanced "$fbb" ""
echo "| provkit --version | $(fmt "$ver" '%.3f s') | | | $(fmt "$(max_rss_mb version)" '%s') / $(fmt "$(tree_rss_mb version)" '%s MB') | 10 runs | |"
echo "| provkit verify (seed bundle) | $(fmt "$vs" '%.3f s') | | | $(fmt "$(max_rss_mb verify-seed)" '%s') / $(fmt "$(tree_rss_mb verify-seed)" '%s MB') | 10 runs$( [ -f "$res/verify-seed" ] && [ "$(exit_codes verify-seed)" != 0 ] && echo ", exit $(exit_codes verify-seed)") | |"
echo
echo "Hash floor of the corpus = the faster of the two openssl variants ($corpus_floor_how, $(fmt "$corpus_floor" '%.2f s'); issue's reference $REF_FLOOR s)."
echo "Hash floor of the bundle's files (the same bytes verify hashes) = $bundle_floor_how, $(fmt "$bundle_floor" '%.2f s'); the verify target below uses the floor of $floor_what; against the corpus floor verify is $(fmt "$(ratio "$v" "$corpus_floor")" '%.2f x')."
echo "Scripted verify of provkit's own bundle (independent check): $interop."
echo
r_bundle=$(ratio "$b" "$sb"); r_verify=$(ratio "$v" "$floor"); rss_b=$(tree_rss_mb bundle)
ok_runs bundle || r_bundle=NA
ok_runs verify || r_verify=NA
ok_runs version || ver=NA
ok_runs verify-seed || vs=NA
echo "| target | measured | limit | result |"
echo "|---|---:|---:|---|"
results=()
t() { local r; r=$(verdict "$2" "$3" "$4"); results+=("$r"); echo "| $1 | $(fmt "$2" "$5") | $3 $4 | $r |"; }
t "bundle / scripted bundle" "$r_bundle" "<=" 0.5 '%.2f x'
t "verify / openssl hash floor ($floor_what)" "$r_verify" "<=" 1.25 '%.2f x'
t "peak RSS of bundle (process tree)" "$rss_b" "<" 600 '%s MB'
t "provkit --version" "$ver" "<" 0.5 '%.3f s'
t "provkit verify of the seed bundle" "$vs" "<" 1 '%.3f s'
echo
echo "provkit bundle said: $(grep -E 'documents?,' "$work/logs/bundle-last.log" | head -1)"

if [ "$profile" = 1 ]; then
  echo
  echo "### Profile: CPU of provkit bundle per process, thread and second (bench/cpu-profile.py)"
  echo
  echo '```'
  sed -n '/^cpu-profile:/,$p' "$work/cpu-profile.txt"
  echo '```'
  echo
  echo "### Profile: provkit bundle, parent JVM ($(fmt "$(median_s profile-bundle)" '%.2f s') with JFR on; $work/bundle.jfr)"
  echo
  echo '```'
  "$here/jfr-top.sh" "$work/bundle.jfr" 25 || true
  echo '```'
  if [ -f "$work/worker.jfr" ]; then
    echo
    echo "### Profile: one extraction worker ($worker_class) over all $corpus_files files, sequentially ($(fmt "$(median_s profile-worker)" '%.2f s'); $work/worker.jfr)"
    echo
    echo '```'
    "$here/jfr-top.sh" "$work/worker.jfr" 25 || true
    echo '```'
  fi
fi

if [ "$check" = 1 ]; then
  for r in "${results[@]}"; do [ "$r" = FAIL ] && exit 1; done
fi
exit 0
