#!/usr/bin/env bash
# Where a JVM spent its CPU, from a Java Flight Recorder file (jdk.ExecutionSample events).
#
#   jfr-top.sh FILE.jfr [N]
#
# Prints: samples per thread; the top N frames by self samples (the method on top of the stack);
# the top N methods by inclusive samples (anywhere on the stack, each counted once per sample),
# limited to org.provkit, Tika, Commons Compress, BouncyCastle, Jackson and the JDK's digest/IO code.
set -eu  # no pipefail: head closing its pipe early is expected
file=${1:?usage: jfr-top.sh FILE.jfr [N]}
n=${2:-25}
samples=$(mktemp)
trap 'rm -f "$samples"' EXIT
jfr print --stack-depth 96 --events jdk.ExecutionSample "$file" >"$samples"
total=$(grep -c '^jdk.ExecutionSample' "$samples" || true)
echo "$total execution samples (one per ~10-20 ms of a running Java thread)"
echo
echo "samples by thread:"
grep 'sampledThread' "$samples" | sed 's/.*= "\([^"]*\)".*/\1/; s/[-0-9]*$//' | sort | uniq -c | sort -rn | head -10
echo
echo "self (top of stack):"
awk '/^jdk.ExecutionSample/ {top = 1}
     /^[[:space:]]+[a-zA-Z_$][^ ]*\(.*line:/ {if (top) {f = $1; sub(/\(.*/, "", f); print f; top = 0}}' "$samples" \
  | sort | uniq -c | sort -rn | head -"$n"
echo
echo "inclusive (anywhere on the stack):"
awk '/^jdk.ExecutionSample/ {delete seen}
     /^[[:space:]]+[a-zA-Z_$][^ ]*\(.*line:/ {f = $1; sub(/\(.*/, "", f); if (!(f in seen)) {seen[f] = 1; print f}}' "$samples" \
  | grep -E '^(org\.provkit|org\.apache\.(tika|commons\.compress)|org\.bouncycastle|com\.fasterxml|sun\.security\.provider|java\.security\.MessageDigest|sun\.nio\.ch|java\.io\.(File|Buffered))' \
  | sort | uniq -c | sort -rn | head -"$n"
