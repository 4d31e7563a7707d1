#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""Checks that qatsec's layers depend one way (drivers/README.md, doc/guides/design).

Every folder of drivers/ has a rank; a file may include headers of, and call
functions defined in, folders of lower or equal rank only, and no two
folders may depend on each other. Within a folder, no two files may call
each other (a circle between files is a split in the wrong place).
Exit 0 and "ok" lines when clean; exit 1 naming each offending pair.
Speaks TAP for meson.
"""
import os
import re
import sys

# Lower rank = lower layer. Engines and backends share a rank and must not
# use each other: each is a folder of its own that touches no other.
RANKS = [
    ("drivers/common/qatsec/cfg", 0),
    ("drivers/common/qatsec/core", 1),
    ("drivers/crypto/qatsec/engine/", 2),
    ("drivers/crypto/qatsec/backend/", 2),
    ("drivers/common/qatsec/claim", 3),
    ("drivers/crypto/qatsec", 4),
]
SIDEWAYS = ("drivers/crypto/qatsec/engine/", "drivers/crypto/qatsec/backend/")


def rank(folder):
    for prefix, r in RANKS:
        if folder == prefix.rstrip("/") or folder.startswith(prefix):
            return r
    return None


def strip_comments(text):
    return re.sub(r"/\*.*?\*/", "", text, flags=re.S)


def scan(root):
    sources, headers, defs = [], {}, {}
    for d, _, names in os.walk(os.path.join(root, "drivers")):
        for n in names:
            p = os.path.relpath(os.path.join(d, n), root)
            if n.endswith(".h"):
                headers[n] = p
            if n.endswith((".c", ".h")):
                sources.append(p)
    for p in sources:
        if not p.endswith(".c"):
            continue
        lines = open(os.path.join(root, p)).read().split("\n")
        for i, line in enumerate(lines):
            m = re.match(r"^([a-z_][a-z0-9_]*)\(", line)
            if m and i > 0 and not lines[i - 1].startswith("static") \
                    and not line.rstrip().endswith(";"):
                defs[m.group(1)] = p
            # Global variables: "type name;" or "type name = ..." at
            # column 0, not static, not extern, not a prototype.
            v = re.match(r"^(?!static|extern|typedef|return)[a-z][^(;=]*?\b([a-z_][a-z0-9_]*)"
                         r"(?:\[[^]]*\])*\s*(?:=.*)?[;{]?$", line)
            if v and not line.startswith(("struct ", "enum ", "union ")) or \
                    (v and re.search(r"[*\s]" + v.group(1) + r"\b", line) and
                     (";" in line or "=" in line)):
                if "(" not in line and line.rstrip().endswith((";", "= {", "=")):
                    defs[v.group(1)] = p
    return sources, headers, defs


def edges(root, sources, headers, defs):
    out = {}
    for p in sources:
        text = strip_comments(open(os.path.join(root, p)).read())
        deps = out.setdefault(p, set())
        for inc in re.findall(r'^#include\s+"([^"]+)"', text, re.M):
            h = headers.get(os.path.basename(inc))
            if h is not None and h != p:
                deps.add(h)
        if p.endswith(".c"):
            words = set(re.findall(r"\b([a-z_][a-z0-9_]*)\b", text))
            for name in words & defs.keys():
                if defs[name] != p:
                    deps.add(defs[name])
    return out


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "."
    sources, headers, defs = scan(root)
    graph = edges(root, sources, headers, defs)
    problems = []
    folder_deps = set()
    for a, deps in sorted(graph.items()):
        fa = os.path.dirname(a)
        for b in sorted(deps):
            fb = os.path.dirname(b)
            if fa == fb:
                if a.endswith(".c") and b.endswith(".c") and a in graph.get(b, ()) and a < b:
                    problems.append(f"files call each other: {a} <-> {b}")
                continue
            ra, rb = rank(fa), rank(fb)
            if ra is None or rb is None:
                problems.append(f"folder without a layer: {fa if ra is None else fb}")
            elif rb > ra:
                problems.append(f"upward dependency: {a} -> {b}")
            elif rb == ra and (fa.startswith(SIDEWAYS) or fb.startswith(SIDEWAYS)):
                problems.append(f"engine/backend uses another: {a} -> {b}")
            folder_deps.add((fa, fb))
    for fa, fb in sorted(folder_deps):
        if (fb, fa) in folder_deps and fa < fb:
            problems.append(f"folders depend on each other: {fa} <-> {fb}")
    print("1..2")
    print(f"ok 1 - scanned {len(sources)} files, {sum(len(d) for d in graph.values())} dependencies")
    if problems:
        for p in problems:
            print(f"# {p}")
        print(f"not ok 2 - {len(problems)} layering problems")
        return 1
    print("ok 2 - every dependency points down the layers, no circles")
    return 0


if __name__ == "__main__":
    sys.exit(main())
