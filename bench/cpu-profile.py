#!/usr/bin/env python3
"""Where a command's wall time goes, per process and per thread, from /proc (python3 stdlib only).

  cpu-profile.py [--interval S] -- CMD ARGS...

Runs CMD, and every --interval seconds (default 0.2) reads the CPU time of every thread of every
process in its tree (/proc/PID/task/TID/stat; the JVM names its threads, so "main", "C2 CompilerThre",
"GC Thread#0", "provkit-extract" show up). Prints, on stderr after CMD ends:
  - each process: command, lifetime (start..end seconds after launch), CPU seconds, peak RSS;
  - CPU seconds per thread name (digits folded) for the provkit JVMs;
  - a timeline: CPU cores in use per second, parent JVM vs the other processes.
Threads that live less than one interval are missed: the figures are lower bounds. Complements JFR,
which drops samples taken in intrinsic stubs (SHA digests, array copies) and sees one JVM only.
"""
import os
import re
import subprocess
import sys
import time

TICK = os.sysconf("SC_CLK_TCK")
PAGE = os.sysconf("SC_PAGE_SIZE")


def read(path):
    try:
        with open(path, "rb") as f:
            return f.read().decode("utf-8", "replace")
    except OSError:
        return None


def stat_fields(text):
    # comm may contain spaces and parentheses: split after the last ')'
    head, _, rest = text.rpartition(")")
    comm = head.split("(", 1)[1]
    return comm, rest.split()


def children_map():
    kids = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            text = read("/proc/%s/stat" % entry)
            if text:
                _, f = stat_fields(text)
                kids.setdefault(int(f[1]), []).append(int(entry))
    return kids


def tree(root):
    kids, out, todo = children_map(), [], [root]
    while todo:
        pid = todo.pop()
        out.append(pid)
        todo.extend(kids.get(pid, []))
    return out


def describe(pid):
    cmd = (read("/proc/%d/cmdline" % pid) or "").split("\0")
    if cmd and cmd[0].endswith("java"):
        main = next((a for a in cmd if a in ("-jar",) or re.match(r"^[a-z]+(\.[a-zA-Z0-9_$]+)+$", a)), "")
        if main == "-jar":
            i = cmd.index("-jar")
            return "java -jar %s %s" % (os.path.basename(cmd[i + 1]), " ".join(cmd[i + 2:i + 3]))
        return "java " + main.rsplit(".", 1)[-1]
    return " ".join(os.path.basename(c) if i == 0 else c for i, c in enumerate(cmd[:3]))[:60]


def main():
    args = sys.argv[1:]
    interval = 0.2
    if args[:1] == ["--interval"]:
        interval, args = float(args[1]), args[2:]
    if args[:1] == ["--"]:
        args = args[1:]
    start = time.monotonic()
    proc = subprocess.Popen(args)
    procs = {}    # pid -> dict(desc, first, last, rss)
    threads = {}  # (pid, tid) -> [name, cpu_ticks]
    timeline = {}  # second -> {pid: ticks at the last sample in that second}
    while True:
        now = time.monotonic() - start
        done = proc.poll() is not None
        for pid in tree(proc.pid):
            info = procs.get(pid)
            if info is None:
                info = procs[pid] = {"desc": describe(pid), "first": now, "last": now, "rss": 0}
            info["last"] = now
            status = read("/proc/%d/statm" % pid)
            if status:
                info["rss"] = max(info["rss"], int(status.split()[1]) * PAGE)
            if info["desc"] == "" or info["desc"].startswith("bash") or info["desc"].startswith("sh "):
                info["desc"] = describe(pid) or info["desc"]
            total = 0
            try:
                tids = os.listdir("/proc/%d/task" % pid)
            except OSError:
                continue
            for tid in tids:
                text = read("/proc/%d/task/%s/stat" % (pid, tid))
                if not text:
                    continue
                name, f = stat_fields(text)
                ticks = int(f[11]) + int(f[12])
                threads[(pid, tid)] = [name, ticks]
                total += ticks
            timeline.setdefault(int(now), {})[pid] = sum(t[1] for k, t in threads.items() if k[0] == pid)
        if done:
            break
        time.sleep(interval)
    wall = time.monotonic() - start
    err = sys.stderr
    print("\ncpu-profile: %s\nwall %.2f s, exit %d" % (" ".join(args), wall, proc.returncode), file=err)
    per_pid = {}
    for (pid, _), (name, ticks) in threads.items():
        per_pid[pid] = per_pid.get(pid, 0) + ticks
    print("\nprocesses (lifetime in s after launch, CPU s, peak RSS):", file=err)
    for pid, info in sorted(procs.items(), key=lambda p: p[1]["first"]):
        cpu = per_pid.get(pid, 0) / TICK
        if cpu >= 0.05 or info["rss"] > 50 << 20:
            print("  %6d  %5.1f..%5.1f  cpu %6.2f  rss %5.0f MB  %s" % (pid, info["first"], info["last"], cpu,
                  info["rss"] / 1e6, info["desc"]), file=err)
    print("\nCPU seconds by thread name, per JVM kind:", file=err)
    groups = {}
    for (pid, _), (name, ticks) in threads.items():
        kind = procs[pid]["desc"]
        key = (kind, re.sub(r"[#\-]?\d+$", "#N", name.strip()))
        groups[key] = groups.get(key, 0) + ticks
    for (kind, name), ticks in sorted(groups.items(), key=lambda g: -g[1]):
        if ticks / TICK >= 0.1:
            print("  %6.2f  %-18s %s" % (ticks / TICK, name, kind), file=err)
    print("\ntimeline (cores busy per second; parent = the first JVM, others = everything else):", file=err)
    jvms = [pid for pid, info in sorted(procs.items(), key=lambda p: p[1]["first"]) if info["desc"].startswith("java")]
    parent = jvms[0] if jvms else proc.pid
    prev = {}
    for second in sorted(timeline):
        snap = timeline[second]
        p = o = 0.0
        for pid, ticks in snap.items():
            delta = ticks - prev.get(pid, 0)
            prev[pid] = ticks
            if pid == parent:
                p += delta / TICK
            else:
                o += delta / TICK
        print("  %3d s  parent %4.2f  others %4.2f  %s" % (second, p, o, "#" * int(round((p + o) * 10))), file=err)
    return proc.returncode


if __name__ == "__main__":
    sys.exit(main())
