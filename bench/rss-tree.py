#!/usr/bin/env python3
"""Runs a command and samples the resident memory of its whole process tree every 0.2 s (from /proc).

    python3 bench/rss-tree.py -- COMMAND ARGS...

On standard error at the end: the peak of the sum over the tree, and each process's own peak with its
role (the JVM main class or the command's name). The command's exit status is returned. A lower bound:
a peak between two samples is missed. Standard library only.
"""
import os
import subprocess
import sys
import time


def children_of():
    parent = {}
    for pid in os.listdir("/proc"):
        if pid.isdigit():
            try:
                with open(f"/proc/{pid}/stat") as f:
                    fields = f.read().rsplit(")", 1)[1].split()
                parent[int(pid)] = int(fields[1])
            except OSError:
                pass
    return parent


def rss_kb(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def role(pid):
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            args = [a.decode(errors="replace") for a in f.read().split(b"\0") if a]
    except OSError:
        return "?"
    for i, a in enumerate(args):
        if a == "-jar" and i + 1 < len(args):
            return "main JVM (" + " ".join(args[i + 2:i + 4]) + ")"
        if a.startswith("org.provkit."):
            heap = next((x for x in args if x.startswith("-Xmx")), "")
            return a.rsplit(".", 1)[1] + (" " + heap if heap else "")
    return os.path.basename(args[0]) if args else "?"


def main():
    argv = sys.argv[1:]
    if argv and argv[0] == "--":
        argv = argv[1:]
    child = subprocess.Popen(argv)
    peak_total, peaks, roles = 0, {}, {}
    while child.poll() is None:
        parent = children_of()
        tree, frontier = {child.pid}, [child.pid]
        while frontier:
            p = frontier.pop()
            for c, pp in parent.items():
                if pp == p and c not in tree:
                    tree.add(c)
                    frontier.append(c)
        total = 0
        for p in tree:
            r = rss_kb(p)
            total += r
            if r > peaks.get(p, 0):
                peaks[p] = r
                roles.setdefault(p, role(p))
        peak_total = max(peak_total, total)
        time.sleep(0.2)
    print(f"rss-tree: peak of the process tree {peak_total / 1024:.0f} MB", file=sys.stderr)
    for p, r in sorted(peaks.items(), key=lambda kv: -kv[1])[:12]:
        if r > 20 * 1024:
            print(f"rss-tree:   {r / 1024:6.0f} MB  pid {p}  {roles.get(p)}", file=sys.stderr)
    sys.exit(child.returncode)


if __name__ == "__main__":
    main()
