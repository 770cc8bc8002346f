#!/usr/bin/env bash
# Issue 6: "a collection of 1,000 bundles audits in under a minute the second time (incremental)".
# Makes N small BagIt bundles (tar, the provkit layout: records, texts, manifests; unsigned) in a temp
# folder with plain shell tools, then times `provkit audit` twice: the first run verifies and indexes
# every bundle, the second must find them all unchanged.
#   bench/audit-incremental.sh [N]        (default 1000; PROVKIT="java -jar target/provkit.jar")
set -euo pipefail
count="${1:-1000}"
provkit="${PROVKIT:-java -jar $(cd "$(dirname "$0")/.." && pwd)/target/provkit.jar}"
seed="$(cd "$(dirname "$0")/.." && pwd)/seeds/000_6aef5a1f1f04ad71.txt"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/archives" "$work/build"

make_bundle() { # NAME INDEX
  local name="$1" i="$2" root="$work/build/$1" path="seeds/doc-$2.txt"
  mkdir -p "$root/data/originals/seeds" "$root/data/text/seeds" "$root/data/records/seeds"
  { cat "$seed"; echo "bundle $i"; } > "$root/data/originals/$path"
  cp "$root/data/originals/$path" "$root/data/text/$path.txt"
  local sha; sha=$(sha256sum "$root/data/originals/$path" | cut -d' ' -f1)
  printf '{"path":"%s","originalPath":"data/originals/%s","textPath":"data/text/%s.txt","mediaType":"text/plain","sha256":"%s","language":"fr","title":"Xi Jinping ratifie %s","urls":[{"url":"https://www.radiohc.cu/%s","role":"canonical","domain":"radiohc.cu"}],"attribution":{"chain":[{"party":"Prensa Latina","role":"origin","registered":true,"evidence":[{"text":"Source: Prensa Latina","line":38}]},{"party":"Radio Habana Cuba","role":"publisher","registered":true,"evidence":[{"text":"(RHC)","line":14}]}]},"credits":[],"missingAssets":[{"kind":"image","marker":"Image not found or type unknown","line":8}],"warnings":[]}\n' \
    "$path" "$path" "$path" "$sha" "$i" "$i" > "$root/data/records/$path.json"
  echo '{}' > "$root/data/provenance.json"
  (cd "$root" && find data -type f | LC_ALL=C sort | xargs sha256sum > manifest-sha256.txt \
    && find data -type f | LC_ALL=C sort | xargs sha512sum > manifest-sha512.txt)
  printf 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n' > "$root/bagit.txt"
  local bytes; bytes=$(find "$root/data" -type f -printf '%s\n' | awk '{s+=$1} END {print s}')
  printf 'Bagging-Date: 2026-11-28\nPayload-Oxum: %s.4\n' "$bytes" > "$root/bag-info.txt"
  (cd "$root" && sha256sum bagit.txt bag-info.txt manifest-sha256.txt manifest-sha512.txt > tagmanifest-sha256.txt \
    && sha512sum bagit.txt bag-info.txt manifest-sha256.txt manifest-sha512.txt > tagmanifest-sha512.txt)
  (cd "$work/build" && tar --sort=name --owner=0 --group=0 --numeric-owner -cf "$work/archives/$name.tar" "$name")
  rm -rf "$root"
}

echo "making $count bundles in $work/archives ..."
for i in $(seq 1 "$count"); do make_bundle "$(printf 'bench-%05d' "$i")" "$i"; done

run() {
  local label="$1" start end
  start=$(date +%s.%N)
  $provkit audit "$work/archives" --json > "$work/$label.json" 2> "$work/$label.err" || true
  end=$(date +%s.%N)
  printf '%-28s %6.2f s   %s\n' "$label" "$(echo "$end - $start" | bc)" \
    "$(python3 -c 'import json,sys; u=json.load(open(sys.argv[1]))["catalogUpdate"]; print("indexed %d, unchanged %d" % (u["indexed"], u["unchanged"]))' "$work/$label.json" 2>/dev/null || head -c 300 "$work/$label.err")"
}
run "audit (first, indexes all)"
run "audit (second, incremental)"
