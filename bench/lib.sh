# Measuring helpers shared by run.sh and audit.sh (sourced; needs $work, $res and say()).
# measure KEY CMD...: one run under /usr/bin/time -v; appends
# "wall_us largest_process_rss_kb exit_code process_tree_rss_kb" to $res/KEY.
# Wall time is taken with date +%s%N around the command (finer than time's 10 ms). Two memory figures:
# /usr/bin/time's "Maximum resident set size" is the largest single process of the tree (wait4's
# ru_maxrss), not the sum; provkit forks extraction workers, so the sum over the whole process tree is
# also sampled every 0.1 s with ps (the peak can fall between two samples: a lower bound).
tree_rss_kb() {
  ps -e -o pid=,ppid=,rss= | awk -v root="$1" '{parent[$1] = $2; rss[$1] = $3}
    END {for (p in parent) {q = p; while ((q in parent) && q != root && q > 1) q = parent[q]; if (q == root && p != root) sum += rss[p]}
         print sum + 0}'
}
measure() {
  local key=$1; shift
  local log="$work/logs/$key.log" tv="$work/logs/$key.time" peakf="$work/logs/$key.peak"
  local t0 t1 rc rss cpid spid
  echo 0 >"$peakf"
  t0=$(date +%s%N)
  /usr/bin/time -v -o "$tv" "$@" >"$log" 2>&1 &
  cpid=$!
  ( peak=0
    while kill -0 "$cpid" 2>/dev/null; do
      now=$(tree_rss_kb "$cpid"); [ "$now" -gt "$peak" ] && { peak=$now; echo "$peak" >"$peakf"; }
      sleep 0.1
    done ) &
  spid=$!
  set +e
  wait "$cpid"
  rc=$?
  set -e
  t1=$(date +%s%N)
  kill "$spid" 2>/dev/null || true
  wait "$spid" 2>/dev/null || true
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$tv")
  echo "$(( (t1 - t0) / 1000 )) ${rss:-0} $rc $(cat "$peakf")" >>"$res/$key"
  if [ "$rc" != 0 ]; then say "  $key exited $rc; last lines of its output:"; tail -5 "$log" | sed 's/^/    /' >&2; fi
}
# median of column 1 (seconds), max of column 2 (MB), and the exit codes seen
median_s() { [ -f "$res/$1" ] || { echo NA; return; }; awk '{print $1}' "$res/$1" | sort -n | awk '{v[NR]=$1} END {if (NR % 2) m = v[(NR+1)/2]; else m = (v[NR/2] + v[NR/2+1]) / 2; printf "%.3f", m / 1e6}'; }
max_rss_mb() { [ -f "$res/$1" ] || { echo NA; return; }; awk '$2 > m {m = $2} END {printf "%.0f", m / 1024}' "$res/$1"; }
tree_rss_mb() { [ -f "$res/$1" ] || { echo NA; return; }; awk '$4 > m {m = $4} END {printf "%.0f", m / 1024}' "$res/$1"; }
exit_codes() { [ -f "$res/$1" ] || { echo NA; return; }; awk '{print $3}' "$res/$1" | sort -u | paste -sd, -; }
all_runs() { [ -f "$res/$1" ] || { echo; return; }; awk '{printf "%s%.2f", (NR > 1 ? " " : ""), $1 / 1e6}' "$res/$1"; }
ok_runs() { [ -f "$res/$1" ] && [ "$(exit_codes "$1")" = 0 ]; }
fmt() { awk -v v="$1" -v f="$2" 'BEGIN {if (v == "NA" || v == "") print "n/a"; else printf f, v}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {if (a == "NA" || b == "NA" || b == 0) print "NA"; else printf "%.3f", a / b}'; }
verdict() { # value op limit
  awk -v v="$1" -v op="$2" -v l="$3" 'BEGIN {if (v == "NA") {print "n/a"; exit}
    ok = (op == "<=") ? (v <= l) : (v < l); print ok ? "PASS" : "FAIL"}'
}
stage_median() { # file-glob stage: median seconds of that stage over the runs
  cat $1 2>/dev/null | awk -v s="$2" -F'\t' '$1 == s {print $2}' | sort -n \
    | awk '{v[NR]=$1} END {if (NR == 0) {print "NA"; exit} if (NR % 2) m = v[(NR+1)/2]; else m = (v[NR/2] + v[NR/2+1]) / 2; printf "%.3f", m}'
}

