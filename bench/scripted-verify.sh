#!/usr/bin/env bash
# The scripted alternative to `provkit verify`, as the issue describes it:
#   tar x + bagit.py --validate --processes 2 + openssl cms -verify.
# bagit.py cannot be installed here; its validation is done with the same work: Payload-Oxum,
# every payload file hashed with SHA-256 and SHA-512 by two workers (bag-manifests.sh) and compared
# with both payload manifests (completeness and checksums), the tag manifests re-hashed and compared.
#
#   scripted-verify.sh BUNDLE.tar WORKDIR CAFILE
#
# Exit 0 when the bag is valid and the signature verifies, 1 otherwise. Writes WORKDIR/stages.tsv.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
tarfile=${1:?usage: scripted-verify.sh BUNDLE.tar WORKDIR CAFILE}
work=${2:?}
ca=${3:?}
mkdir -p "$work"
work=$(cd "$work" && pwd)
stages="$work/stages.tsv"
: >"$stages"
now() { date +%s%N; }
stage() { printf '%s\t%s\n' "$1" "$(awk -v a="$2" -v b="$(now)" 'BEGIN {printf "%.3f", (b - a) / 1e9}')" >>"$stages"; }
fail() { echo "scripted-verify: $*" >&2; exit 1; }

t=$(now)
tar xf "$tarfile" -C "$work"
stage untar "$t"
bag=$(find "$work" -mindepth 2 -maxdepth 2 -name bagit.txt -printf '%h\n' | head -1)
[ -n "$bag" ] || fail "no bagit.txt in $tarfile"

t=$(now)
oxum=$(find "$bag/data" -type f -printf '%s\n' | awk '{b += $1; n++} END {printf "%d.%d", b, n}')
grep -qx "Payload-Oxum: $oxum" "$bag/bag-info.txt" || fail "Payload-Oxum differs (found $oxum)"
mkdir -p "$work/computed"
"$here/bag-manifests.sh" "$bag" "$work/computed"
for alg in 256 512; do
  LC_ALL=C sort -k2 "$bag/manifest-sha$alg.txt" | awk '{print tolower($1) "  " $2}' >"$work/expected-$alg"
  cmp -s "$work/expected-$alg" "$work/computed/manifest-sha$alg.txt" || fail "payload differs from manifest-sha$alg.txt"
  (cd "$bag" && awk '{print $2}' "tagmanifest-sha$alg.txt" | xargs openssl dgst -sha$alg -r | sed 's/ \*/  /') \
    | cmp -s - <(awk '{print tolower($1) "  " $2}' "$bag/tagmanifest-sha$alg.txt") || fail "tagmanifest-sha$alg.txt does not match"
done
stage validate "$t"

t=$(now)
openssl cms -verify -binary -inform DER -in "$bag/signature/tagmanifest-sha512.txt.p7s" \
  -content "$bag/tagmanifest-sha512.txt" -CAfile "$ca" -out /dev/null 2>"$work/cms.log" || fail "signature: $(cat "$work/cms.log")"
stage cms-verify "$t"
