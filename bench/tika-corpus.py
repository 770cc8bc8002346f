#!/usr/bin/env python3
"""Rebuilds the "Tika test documents" corpus of issue 15 from a git snapshot of apache/tika.

Every file of every src/test/resources/test-documents folder of REF is written, byte for byte, to
DEST/<module>/<path below test-documents> (read from the object store: no work tree, no line-ending
conversion). Blobs the snapshot does not hold (a partial mirror may leave its largest files out) are
listed on standard error and skipped. The corpus is never committed: it is other people's files.

    python3 bench/tika-corpus.py REPO DEST [REF]     # REF defaults to HEAD

Prints "files bytes commit skipped" on standard output. Standard library only.
"""
import os
import subprocess
import sys

MARK = "/src/test/resources/test-documents/"


def git(gitdir, *args, **kw):
    return subprocess.run(["git", "--git-dir", gitdir, *args], check=True, stdout=subprocess.PIPE, **kw).stdout


def main(argv):
    if len(argv) < 3:
        sys.exit(__doc__)
    repo, dest = argv[1], argv[2]
    ref = argv[3] if len(argv) > 3 else "HEAD"
    gitdir = subprocess.run(["git", "-C", repo, "rev-parse", "--absolute-git-dir"], stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL).stdout.decode().strip() or repo
    commit = git(gitdir, "rev-parse", "--verify", ref + "^{commit}").decode().strip()
    if os.path.exists(dest):
        sys.exit(f"tika-corpus: {dest} exists; remove it or choose another")
    entries = []
    for line in git(gitdir, "ls-tree", "-r", "-z", commit).split(b"\0"):
        if not line:
            continue
        meta, path = line.split(b"\t", 1)
        mode, kind, blob = meta.split()
        text = path.decode("utf-8", "surrogateescape")
        if kind == b"blob" and MARK in text and mode in (b"100644", b"100755"):
            module = text.split(MARK)[0].rsplit("/", 1)[-1]
            rest = text.split(MARK, 1)[1]
            entries.append((blob.decode(), module, rest))
    batch = subprocess.Popen(["git", "--git-dir", gitdir, "cat-file", "--batch"], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE)
    files = size = 0
    skipped = []
    for blob, module, rest in entries:
        batch.stdin.write(blob.encode() + b"\n")
        batch.stdin.flush()
        header = batch.stdout.readline().split()
        if len(header) < 3 or header[1] != b"blob":
            skipped.append(f"{module}/{rest}")
            continue
        data = batch.stdout.read(int(header[2]))
        batch.stdout.read(1)
        target = os.path.join(dest, module, *rest.split("/"))
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(os.fsencode(target), "wb") as out:
            out.write(data)
        files += 1
        size += len(data)
    batch.stdin.close()
    batch.wait()
    for name in skipped:
        print(f"tika-corpus: not in the snapshot, skipped: {name}", file=sys.stderr)
    print(files, size, commit, len(skipped))


if __name__ == "__main__":
    main(sys.argv)
