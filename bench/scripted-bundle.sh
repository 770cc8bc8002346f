#!/usr/bin/env bash
# The scripted alternative to `provkit bundle`, as an archivist would write it without provkit:
#   1. tika-app 3.2.2 batch mode, plain text, 2 consumers    java -jar tika-app.jar -t -i SRC -o TEXT -numConsumers 2
#   2. the bag: payload data/originals (hard links: bagit.py moves files in place, also without copying)
#      + data/text; payload manifests sha256 + sha512 with two workers (bag-manifests.sh, standing in
#      for bagit.py --processes 2), bagit.txt, bag-info.txt, tag manifests
#   3. openssl cms -sign (detached, DER) of tagmanifest-sha512.txt into signature/
#   4. tar of the bag
#
#   scripted-bundle.sh TIKA_JAR SOURCES OUT KEY CERT
#
# Writes OUT/scripted.tar and OUT/stages.tsv (stage, seconds). SOURCES and OUT must be on one file system.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
tika=${1:?usage: scripted-bundle.sh TIKA_JAR SOURCES OUT KEY CERT}
src=$(cd "${2:?}" && pwd)
out=${3:?}
key=${4:?}
cert=${5:?}
mkdir -p "$out"
out=$(cd "$out" && pwd)
stages="$out/stages.tsv"
: >"$stages"
now() { date +%s%N; }
stage() { printf '%s\t%s\n' "$1" "$(awk -v a="$2" -v b="$(now)" 'BEGIN {printf "%.3f", (b - a) / 1e9}')" >>"$stages"; }

t=$(now)
java -jar "$tika" -t -i "$src" -o "$out/text" -numConsumers 2 >"$out/tika.log" 2>&1
stage tika "$t"

t=$(now)
bag="$out/scripted"
mkdir -p "$bag/data"
cp -al "$src" "$bag/data/originals"
mv "$out/text" "$bag/data/text"
"$here/bag-manifests.sh" "$bag" "$bag"
printf 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n' >"$bag/bagit.txt"
oxum=$(find "$bag/data" -type f -printf '%s\n' | awk '{b += $1; n++} END {printf "%d.%d", b, n}')
printf 'Bag-Software-Agent: provkit bench/scripted-bundle.sh\nBagging-Date: %s\nPayload-Oxum: %s\n' \
  "$(date -u +%F)" "$oxum" >"$bag/bag-info.txt"
for alg in 256 512; do
  (cd "$bag" && openssl dgst -sha$alg -r bagit.txt bag-info.txt manifest-sha256.txt manifest-sha512.txt \
    | sed 's/ \*/  /' >"tagmanifest-sha$alg.txt")
done
stage bag "$t"

t=$(now)
mkdir -p "$bag/signature"
openssl cms -sign -binary -in "$bag/tagmanifest-sha512.txt" -signer "$cert" -inkey "$key" \
  -outform DER -out "$bag/signature/tagmanifest-sha512.txt.p7s"
cp "$cert" "$bag/signature/signer.pem"
stage sign "$t"

t=$(now)
tar --sort=name --owner=0 --group=0 --numeric-owner -cf "$out/scripted.tar" -C "$out" scripted
stage tar "$t"
rm -rf "$bag"
