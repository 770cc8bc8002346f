#!/usr/bin/env bash
# Audit benchmark (issue 6): a collection of 1,000 small bundles audited twice with `provkit audit`;
# the second run is incremental (target: under a minute on this machine).
#
#   bench/audit.sh [--bundles N] [--distinct D] [--runs R] [--keep] [--work DIR]
#
#   --bundles N    bundles in the collection (default 1000)
#   --distinct D   bundles really made with `provkit bundle` (default 50, 3 articles each); the rest are
#                  copies of them under their own names (see below)
#   --runs R       first+second audit pairs, the catalog deleted before each pair (default 1)
#   --keep         keep the temp folder;  --work DIR: use DIR (a collection already there is reused)
#
# Making 1,000 bundles with `provkit bundle` costs a JVM and a Tika worker start each (~3 s, about an
# hour on 2 cores), so D distinct bundles are made for real and copied up to N: each copy is the same
# tar with its top folder and file renamed (bundle-0042/...). The folder name is covered by no checksum
# or signature, so every copy is a valid, signed bundle; documents repeat across copies (each of the
# D sets of documents appears N/D times), which the audit must still verify and index one bundle at a time.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
provkit="$repo/provkit"
bundles=1000 distinct=50 runs=1 keep=0 work=""
while [ $# -gt 0 ]; do
  case "$1" in
    --bundles) bundles=${2:?}; shift ;;
    --distinct) distinct=${2:?}; shift ;;
    --runs) runs=${2:?}; shift ;;
    --keep) keep=1 ;;
    --work) work=${2:?}; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "audit.sh: unknown option '$1' (see --help)" >&2; exit 2 ;;
  esac
  shift
done
say() { printf '%s\n' "$*" >&2; }
die() { say "audit.sh: $*"; exit 3; }
[ -x /usr/bin/time ] || apt-get install -y -qq time >/dev/null || die "GNU time (/usr/bin/time) is needed"
"$provkit" --version >/dev/null || die "provkit does not build/run"

if [ -n "$work" ]; then mkdir -p "$work"; work=$(cd "$work" && pwd); else work=$(mktemp -d "${TMPDIR:-/tmp}/provkit-audit-bench.XXXXXX"); fi
trap 'if [ "$keep" = 1 ]; then say "kept: $work"; else rm -rf "$work"; fi' EXIT
rm -rf "$work/logs" "$work/res"
mkdir -p "$work/home" "$work/logs" "$work/res"
export HOME="$work/home" LC_ALL=C.UTF-8
unset XDG_CONFIG_HOME PROVKIT_KEY_PASSWORD SOURCE_DATE_EPOCH
res="$work/res"
. "$here/lib.sh"

archives="$work/archives"
stamp="$bundles/$distinct"
if [ -f "$work/collection.done" ] && [ "$(cat "$work/collection.done")" = "$stamp" ]; then
  say "reusing the collection in $archives"
else
  rm -rf "$work/sources" "$work/distinct" "$archives"
  python3 "$here/make-corpus.py" "$work/sources" --blobs 0 --articles $((distinct * 3)) --bundles "$distinct" >&2
  say "making $distinct bundles with provkit bundle (untimed) ..."
  t0=$(date +%s)
  for src in "$work/sources"/bundle-*; do
    "$provkit" bundle "$src" -o "$work/distinct" --name "$(basename "$src")" --threads 1 --no-progress \
      >>"$work/logs/make-bundles.log" 2>&1 || { tail -5 "$work/logs/make-bundles.log" >&2; die "provkit bundle $src failed"; }
  done
  say "  $(( $(date +%s) - t0 )) s; copying them up to $bundles bundles ..."
  python3 - "$work/distinct" "$archives" "$bundles" <<'EOF'
import os, sys, tarfile
src_dir, out_dir, total = sys.argv[1], sys.argv[2], int(sys.argv[3])
os.makedirs(out_dir, exist_ok=True)
sources = sorted(f for f in os.listdir(src_dir) if f.endswith(".tar"))
for k in range(total):
    source = os.path.join(src_dir, sources[k % len(sources)])
    name = "bundle-%04d" % k
    with tarfile.open(source) as tin, tarfile.open(os.path.join(out_dir, name + ".tar"), "w", format=tarfile.PAX_FORMAT) as tout:
        for member in tin:
            head, _, rest = member.name.partition("/")
            member.name = name + ("/" + rest if rest else "")
            tout.addfile(member, tin.extractfile(member) if member.isfile() else None)
EOF
  echo "$stamp" >"$work/collection.done"
fi
count=$(find "$archives" -maxdepth 1 -name '*.tar' | wc -l)
bytes=$(du -sb "$archives" | cut -f1)

# A copy must still verify: the copies are only a fair stand-in if they are valid bundles.
copy_check="not checked (verify not available)"
set +e
"$provkit" verify --no-progress "$archives/bundle-$(printf %04d $((bundles - 1))).tar" >"$work/logs/copy-verify.log" 2>&1
rc=$?
set -e
case "$rc" in
  0) copy_check="the last copy verifies (exit 0)" ;;
  2) # no provkit verify in this build yet: check the copy with the scripted verifier (tar, openssl)
     if "$here/scripted-verify.sh" "$archives/bundle-$(printf %04d $((bundles - 1))).tar" "$work/copy-check" \
          "$HOME/.config/provkit/signing-cert.pem" >"$work/logs/copy-verify.log" 2>&1; then
       copy_check="the last copy is a valid signed bag (scripted-verify.sh: manifests + openssl cms -verify)"
     else
       copy_check="the last copy is NOT valid: $(tail -1 "$work/logs/copy-verify.log")"
     fi
     rm -rf "$work/copy-check" ;;
  *) copy_check="the last copy does NOT verify (exit $rc): $(head -3 "$work/logs/copy-verify.log" | tr '\n' ' ')" ;;
esac

audit_works=yes
set +e
"$provkit" audit --help >"$work/logs/audit-help.log" 2>&1 || audit_works=no
set -e
grep -q 'being built' "$work/logs/audit-help.log" && audit_works=no

audit_opts=()
if grep -q -- '--trust' "$work/logs/audit-help.log"; then audit_opts=(--trust "$HOME/.config/provkit/signing-cert.pem"); fi
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
if [ "$audit_works" = yes ]; then
  for ((i = 1; i <= runs; i++)); do
    rm -f "$archives"/catalog.sqlite*
    say "run $i/$runs: first audit (empty catalog) ..."
    measure audit-first "$provkit" audit "$archives" --no-progress "${audit_opts[@]}"
    say "run $i/$runs: second audit (incremental) ..."
    measure audit-second "$provkit" audit "$archives" --no-progress "${audit_opts[@]}"
  done
fi
load_end=$(cut -d' ' -f1-3 /proc/loadavg)

echo
echo "## provkit audit benchmark ($(date -u '+%F %H:%M UTC'))"
echo
echo "$(nproc) cores; provkit $(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo '?'); load average $load_start at the start, $load_end at the end."
echo "Collection: $count bundles ($distinct made with provkit bundle, 3 articles each; the rest renamed copies), $(awk -v b="$bytes" 'BEGIN {printf "%.1f", b / 1e6}') MB; $copy_check."
echo
if [ "$audit_works" = no ]; then
  echo "provkit audit is not available in this build: nothing timed."
  exit 0
fi
first=$(median_s audit-first); second=$(median_s audit-second)
echo "| run | wall (median of $runs) | bundles/s | peak RSS: largest process / process tree | exit codes |"
echo "|---|---:|---:|---:|---|"
for k in first second; do
  w=$(median_s "audit-$k")
  echo "| $k$( [ $k = second ] && echo ' (incremental)') | $(fmt "$w" '%.2f s') | $(awk -v w="$w" -v n="$count" 'BEGIN {if (w == "NA" || w == 0) print "n/a"; else printf "%.0f", n / w}') | $(fmt "$(max_rss_mb "audit-$k")" '%s') / $(fmt "$(tree_rss_mb "audit-$k")" '%s MB') | $(exit_codes "audit-$k") |"
done
echo
echo "| target | measured | limit | result |"
echo "|---|---:|---:|---|"
echo "| second (incremental) audit of $count bundles | $(fmt "$second" '%.2f s') | < 60 s | $(verdict "$second" "<" 60) |"
