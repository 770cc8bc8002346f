#!/usr/bin/env bash
# The hashing floor of verification: SHA-256 and SHA-512 of every byte of DIR with openssl, on two cores.
#
#   hash-floor.sh per-algorithm DIR   two processes in parallel, one per algorithm, each over every file
#                                     (xargs -0 openssl dgst -sha256 | -sha512); wall = the slower one
#   hash-floor.sh balanced DIR        xargs -P2 workers, each hashing its share of the files with both
#                                     algorithms (files over 1 MiB one per worker call, the others 200
#                                     per call), so both cores stay busy until the end
# Digests go to /dev/null. openssl is what Python's hashlib (and so bagit.py) uses underneath.
set -euo pipefail
mode=${1:?usage: hash-floor.sh per-algorithm|balanced DIR}
dir=${2:?usage: hash-floor.sh per-algorithm|balanced DIR}
cd "$dir"

case "$mode" in
  per-algorithm)
    find . -type f -print0 | xargs -0 -r openssl dgst -sha256 -r >/dev/null &
    a=$!
    find . -type f -print0 | xargs -0 -r openssl dgst -sha512 -r >/dev/null &
    b=$!
    wait "$a"
    wait "$b"
    ;;
  balanced)
    both='openssl dgst -sha256 -r "$@" >/dev/null && openssl dgst -sha512 -r "$@" >/dev/null'
    find . -type f -size +1M -print0 | xargs -0 -r -P2 -n1 sh -c "$both" sh
    find . -type f -size -1025k -print0 | xargs -0 -r -P2 -n200 sh -c "$both" sh
    ;;
  *)
    echo "hash-floor.sh: unknown mode '$mode' (per-algorithm or balanced)" >&2
    exit 2
    ;;
esac
