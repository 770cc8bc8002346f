#!/usr/bin/env python3
"""Compares a provkit bundle of Apache Tika's test documents with plain Tika's text for the same files.

    python3 bench/tika-fidelity.py CORPUS REFERENCE.tsv BUNDLE.tar STDERR [PER-FILE.tsv]

CORPUS is the folder that was bundled (bench/tika-corpus.py), REFERENCE.tsv what bench/TikaReference.java
wrote for it, BUNDLE.tar the bundle, STDERR what provkit printed on standard error. Prints a Markdown
report: bytes lost (every source file is looked up through its record and compared with the bag's copy),
stack traces, files stopped by the time limit, characters against plain Tika (its AutoDetectParser into
an unlimited BodyContentHandler, embedded documents included: the same single text provkit writes), and
every file below 90 % with provkit's reason. With PER-FILE.tsv, writes one line per file there.
Standard library only.
"""
import hashlib
import json
import os
import re
import sys
import tarfile

STACK_LINE = re.compile(r"^\s+at [\w.$]+\(|Exception in thread|^Caused by: ")


def sha256_file(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def read_reference(path):
    ref = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            ref[cols[0]] = {"bytes": int(cols[1]), "type": cols[2], "body": int(cols[3]), "recursive": int(cols[4]),
                            "documents": int(cols[5]), "problem": cols[6]}
    return ref


def read_bundle(path):
    records, payload = {}, {}
    with tarfile.open(path) as tar:
        for member in tar:
            if not member.isfile():
                continue
            parts = member.name.split("/", 1)
            if len(parts) < 2:
                continue
            name = parts[1]
            if name.startswith("data/records/"):
                record = json.load(tar.extractfile(member))
                records[record["path"]] = record
            elif name.startswith("data/originals/"):
                h = hashlib.sha256()
                stream = tar.extractfile(member)
                for block in iter(lambda: stream.read(1 << 20), b""):
                    h.update(block)
                payload[name] = h.hexdigest()
    return records, payload


def reason(record, ref):
    warnings = [w for w in record.get("warnings", []) if not w.startswith(("no attribution", "no source named",
                                                                             "language not detected", "some lines"))]
    status = record["extraction"]["status"]
    text = "; ".join(warnings[:2]) if warnings else "no warning"
    if ref["problem"] != "-":
        text += f" (plain Tika: {ref['problem']})"
    return f"{status}: {text}"


def main(argv):
    if len(argv) < 5:
        sys.exit(__doc__)
    corpus, reference, bundle, stderr = argv[1:5]
    per_file = argv[5] if len(argv) > 5 else None
    ref = read_reference(reference)
    records, payload = read_bundle(bundle)
    root = os.path.basename(os.path.normpath(corpus))

    sources = []
    for folder, _, names in os.walk(corpus):
        for name in names:
            sources.append(os.path.relpath(os.path.join(folder, name), corpus))
    sources.sort()
    lost, missing_records = [], []
    rows = []
    total_provkit = total_body = total_recursive = 0
    timeouts, failed = [], 0
    for rel in sources:
        record = records.get(f"{root}/{rel}")
        if record is None:
            missing_records.append(rel)
            continue
        size = os.path.getsize(os.path.join(corpus, rel))
        digest = sha256_file(os.path.join(corpus, rel))
        if payload.get(record["originalPath"]) != digest or record["sha256"] != digest or record["bytes"] != size:
            lost.append(rel)
        r = ref.get(rel, {"bytes": size, "type": "-", "body": 0, "recursive": 0, "documents": 0, "problem": "missing"})
        chars = record["extraction"]["textChars"]
        body = max(r["body"], 0)
        total_provkit += chars
        total_body += body
        total_recursive += max(r["recursive"], 0)
        if any("took longer than" in w for w in record.get("warnings", [])):
            timeouts.append(rel)
        if record["extraction"]["status"] == "failed":
            failed += 1
        rows.append((rel, record["mediaType"], size, chars, body, r["recursive"], record["extraction"]["status"],
                     reason(record, r)))

    with open(stderr, encoding="utf-8", errors="replace") as f:
        stack_lines = [line.rstrip() for line in f if STACK_LINE.search(line)]

    print(f"| files in the corpus | {len(sources)} |")
    print(f"| files with a record in the bundle | {len(sources) - len(missing_records)} |")
    print(f"| source files whose bytes differ or are missing in the bag (bytes lost) | {len(lost)} |")
    print(f"| stack-trace lines on standard error | {len(stack_lines)} |")
    print(f"| files stopped by the per-file time limit | {len(timeouts)}{': ' + ', '.join(timeouts) if timeouts else ''} |")
    print(f"| files whose extraction failed (record says why) | {failed} |")
    print(f"| characters: provkit | {total_provkit:,} |")
    print(f"| characters: plain Tika 3.3.1, AutoDetectParser + unlimited BodyContentHandler | {total_body:,} |")
    ratio = total_provkit / total_body if total_body else 0
    print(f"| provkit / plain Tika | {ratio:.2%} |")
    print(f"| characters: plain Tika, RecursiveParserWrapper (sum over every document) | {total_recursive:,} |")
    print()
    below = [row for row in rows if row[4] > 0 and row[3] < 0.9 * row[4]]
    print(f"Files below 90 % of plain Tika's characters: {len(below)}")
    print()
    if below:
        print("| file | type | provkit | plain Tika | provkit's record |")
        print("|---|---|---:|---:|---|")
        for rel, media, size, chars, body, recursive, status, why in below:
            print(f"| {rel} | {media} | {chars:,} | {body:,} | {why.replace('|', '/')} |")
        print()
    above = sorted((row for row in rows if row[3] > 1.1 * row[4] + 100), key=lambda row: row[4] - row[3])[:10]
    if above:
        print("Largest gains over plain Tika (more than 110 %):")
        print()
        print("| file | provkit | plain Tika |")
        print("|---|---:|---:|")
        for row in above:
            print(f"| {row[0]} | {row[3]:,} | {row[4]:,} |")
        print()
    if missing_records:
        print("Files without a record: " + ", ".join(missing_records))
    if lost:
        print("Files whose bytes were lost: " + ", ".join(lost))
    for line in stack_lines[:10]:
        print("    " + line)
    if per_file:
        with open(per_file, "w", encoding="utf-8") as out:
            out.write("file\tmediaType\tbytes\tprovkit\ttika_body\ttika_recursive\tstatus\treason\n")
            for row in rows:
                out.write("\t".join(str(c) for c in row) + "\n")


if __name__ == "__main__":
    main(sys.argv)
