#!/usr/bin/env bash
# Stand-in for bagit-python's hashing (`bagit.py --processes 2`), which cannot be installed here
# (PyPI unreachable, no Debian package): SHA-256 and SHA-512 of every file under BAG/data with two
# parallel workers, written as BagIt payload manifests ("<hex>  data/<path>", sorted by path) into OUT.
#
#   bag-manifests.sh BAG OUT
#
# Like bagit.py it hashes each file with both algorithms in one worker and spreads the files over two
# workers. It calls openssl (bagit.py's hashlib is OpenSSL too; coreutils sha256sum is 3x slower here).
# Files over 1 MiB go one per worker call so the big ones are shared evenly between the cores.
set -euo pipefail
bag=${1:?usage: bag-manifests.sh BAG OUT}
out=${2:?usage: bag-manifests.sh BAG OUT}
out=$(cd "$out" && pwd)
parts=$(mktemp -d "${TMPDIR:-/tmp}/bag-manifests.XXXXXX")
trap 'rm -rf "$parts"' EXIT
cd "$bag"

# Each worker call appends to files named after its own PID: no two running calls share a file.
worker='openssl dgst -sha256 -r "$@" >>"$0/256.$$" && openssl dgst -sha512 -r "$@" >>"$0/512.$$"'
find data -type f -size +1M -print0 | xargs -0 -r -P2 -n1 sh -c "$worker" "$parts"
find data -type f -size -1025k -print0 | xargs -0 -r -P2 -n200 sh -c "$worker" "$parts"

# openssl -r prints "<hex> *<path>"; a BagIt manifest line is "<hex>  <path>".
for alg in 256 512; do
  cat "$parts"/"$alg".* 2>/dev/null | sed 's/ \*/  /' | LC_ALL=C sort -k2 >"$out/manifest-sha$alg.txt"
done
