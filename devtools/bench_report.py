#!/usr/bin/python3
# SPDX-License-Identifier: BSD-3-Clause
"""The tables and the chart of devtools/bench.sh, from its results directory:
runs.csv (every run: round, cell, size, pmd, Mops), machine.txt and, when the
multi-process part ran, claimlat.txt. Writes summary.csv, table.md and
bench.png (gnuplot) there and prints the table.

Ratios are paired: qatsec's run and the other side's run of the same round
(interleaved, same invocation) make one ratio; the table gives the median of
those ratios over the rounds and their min-max spread.

  bench_report.py RESULTS_DIR
"""
import csv
import os
import shutil
import statistics
import subprocess
import sys
from collections import defaultdict

ANCHORS = ["aesni_gcm", "aesni_mb", "chacha_poly", "openssl", "snow3g", "zuc"]
DEVNAMES = {"aesni_gcm": "crypto_aesni_gcm", "aesni_mb": "crypto_aesni_mb",
            "chacha_poly": "crypto_chacha20_poly1305",
            "openssl": "crypto_openssl", "snow3g": "crypto_snow3g",
            "zuc": "crypto_zuc"}
CELL_TITLES = {
    "aes-gcm-128-enc": "AES-128-GCM encrypt",
    "aes-gcm-256-dec": "AES-256-GCM decrypt",
    "aes-cbc-128-sha1": "AES-128-CBC + HMAC-SHA1 (enc, gen)",
    "aes-cbc-256-sha256": "AES-256-CBC + HMAC-SHA256 (ver, dec)",
    "chacha20-poly1305": "ChaCha20-Poly1305 encrypt",
    "3des-cbc-sha1": "3DES-CBC + HMAC-SHA1 (enc, gen)",
    "aes-docsisbpi": "AES-128 DOCSIS BPI encrypt",
    "snow3g-uea2-uia2": "SNOW3G UEA2 + UIA2 (enc, gen)",
    "zuc-eea3-eia3": "ZUC EEA3 + EIA3 (enc, gen)",
    "aes-xts-256": "AES-256-XTS encrypt",
}
# The cells of the first matrix: the only ones with a target at 64 B.
FIRST_CELLS = ["aes-gcm-128-enc", "aes-gcm-256-dec", "aes-cbc-128-sha1",
               "aes-cbc-256-sha256", "chacha20-poly1305"]


def spread(vals):
    """median, min, max"""
    return statistics.median(vals), min(vals), max(vals)


def paired(a, b):
    """per-round a/b over the rounds both have"""
    return [a[r] / b[r] for r in sorted(a) if r in b and b[r] > 0]


def fmt_r(v):
    """a ratio: 3 decimals for the median, which the targets judge"""
    return "%.3f (%.2f-%.2f)" % v if v else "-"


def targets(cell, size, q_fast, q_mb, q_ceil):
    """(verdict text, all met)"""
    out, ok = [], True

    def check(name, val, want):
        nonlocal ok
        if val is None:
            return
        good = val >= want
        ok &= good
        out.append("%s %s" % (name, "ok" if good else "MISS"))
    check(">=1.0x fastest", q_fast and q_fast[0], 1.0)
    if cell.startswith("aes-cbc") and size in (64, 256):
        check(">=1.3x aesni_mb", q_mb and q_mb[0], 1.3)
    if size == 64 and cell in FIRST_CELLS:
        check(">=0.85x ceiling", q_ceil and q_ceil[0], 0.85)
    elif size >= 1500:
        check(">=0.95x ceiling", q_ceil and q_ceil[0], 0.95)
    return ", ".join(out), ok


def main():
    d = sys.argv[1]
    runs = defaultdict(dict)         # (cell, size, pmd) -> {round: mops}
    with open(os.path.join(d, "runs.csv")) as f:
        for row in csv.DictReader(f):
            runs[(row["cell"], int(row["size"]), row["pmd"])][
                int(row["round"])] = float(row["mops"])
    machine = {}
    with open(os.path.join(d, "machine.txt")) as f:
        for line in f:
            k, _, v = line.rstrip("\n").partition("=")
            machine[k] = v
    cells = []
    for (c, s, p) in runs:
        if p == "qatsec" and (c, s) not in cells:
            cells.append((c, s))
    order = list(CELL_TITLES)
    cells.sort(key=lambda cs: (order.index(cs[0]) if cs[0] in order else 99,
                               cs[1]))

    rows, chart, all_ok = [], [], True
    for c, s in cells:
        q = runs[(c, s, "qatsec")]
        med = {p: statistics.median(runs[(c, s, p)].values())
               for p in ANCHORS if runs.get((c, s, p))}
        fastest = max(med, key=med.get) if med else None
        q_fast = spread(paired(q, runs[(c, s, fastest)])) if fastest else None
        q_mb = (spread(paired(q, runs[(c, s, "aesni_mb")]))
                if "aesni_mb" in med else None)
        ceil = runs.get((c, s, "ceiling"))
        q_ceil = spread(paired(q, ceil)) if ceil else None
        null = runs.get(("null", s, "null"))
        bound = None
        if ceil and null:
            # What crypto-perf could report for a PMD that adds nothing to
            # the ceiling: its own per-op cost (crypto_null) plus the
            # ceiling's.
            cm, nm = statistics.median(ceil.values()), statistics.median(
                null.values())
            bound = 1 / (1 / cm + 1 / nm)
        verdict, ok = targets(c, s, q_fast, q_mb, q_ceil)
        all_ok &= ok
        rows.append({
            "cell": c, "size": s, "q": spread(list(q.values())),
            "fastest": fastest, "fastest_med": med.get(fastest),
            "q_fast": q_fast, "mb_med": med.get("aesni_mb"), "q_mb": q_mb,
            "ceil_med": statistics.median(ceil.values()) if ceil else None,
            "q_ceil": q_ceil, "bound": bound,
            "null_med": statistics.median(null.values()) if null else None,
            "q_bound": (statistics.median(q.values()) / bound
                        if bound else None),
            "verdict": verdict, "ok": ok})
        ref = med.get(fastest)
        if not ref:
            continue    # no anchor serves the cell: nothing to be relative to
        chart.append(["%s/%d" % (c, s)] +
                     ["%.3f" % (statistics.median(runs[(c, s, p)].values())
                                / ref) if runs.get((c, s, p)) else "?"
                      for p in ["qatsec"] + ANCHORS + ["ceiling"]])

    apis = {}
    cap = os.path.join(d, "ceiling_api.txt")
    if os.path.exists(cap):
        with open(cap) as f:
            for line in f:
                c, s, a = line.split()
                apis[(c, int(s))] = a

    with open(os.path.join(d, "summary.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["cell", "size", "qatsec_med", "qatsec_min", "qatsec_max",
                    "fastest_anchor", "fastest_med", "q_over_fastest_med",
                    "q_over_fastest_min", "q_over_fastest_max", "aesni_mb_med",
                    "q_over_mb_med", "q_over_mb_min", "q_over_mb_max",
                    "ceiling_api", "ceiling_med", "q_over_ceiling_med",
                    "q_over_ceiling_min", "q_over_ceiling_max", "null_med",
                    "harness_bound", "q_over_bound", "targets"])
        for r in rows:
            def t(v):
                return list(v) if v else ["", "", ""]
            w.writerow([r["cell"], r["size"]] + ["%.3f" % x for x in r["q"]] +
                       [r["fastest"] or "", r["fastest_med"] or ""] +
                       t(r["q_fast"]) + [r["mb_med"] or ""] + t(r["q_mb"]) +
                       [apis.get((r["cell"], r["size"]), ""),
                        r["ceil_med"] or ""] + t(r["q_ceil"]) +
                       [r["null_med"] or "", r["bound"] or "",
                        r["q_bound"] or "", r["verdict"]])

    # Multi-process: secondary / primary, paired per round.
    mp = []
    for (c, s, p), v in sorted(runs.items()):
        if p != "qatsec-secondary":
            continue
        prim = runs.get((c, s, "qatsec-primary"))
        if prim:
            mp.append((c, s, spread(list(prim.values())),
                       spread(list(v.values())), spread(paired(v, prim))))
    claim = {}
    cl = os.path.join(d, "claimlat.txt")
    if os.path.exists(cl):
        with open(cl) as f:
            for line in f:
                kv = dict(x.split("=", 1) for x in line.split()[1:])
                claim[kv["what"]] = kv

    md = []
    md.append("Machine: %s, %s CPUs (%s guest), flags: %s; kernel %s; "
              "DPDK %s, intel-ipsec-mb %s; memory: %s; worker on CPU %s; "
              "%s." % (machine.get("cpu"), machine.get("cpus"),
                       machine.get("hypervisor") or "bare-metal",
                       machine.get("flags", "").strip(), machine.get("kernel"),
                       machine.get("dpdk"), machine.get("ipsec_mb"),
                       machine.get("memory"), machine.get("worker_cpu"),
                       machine.get("date")))
    md.append("")
    md.append("dpdk-test-crypto-perf --ptest throughput, burst 32, one worker "
              "lcore; %s interleaved rounds of ~%s ms runs; Mops median "
              "(min-max); ratios are per-round (paired) qatsec/other, median "
              "(min-max)." % (machine.get("rounds"), machine.get("ms")))
    md.append("")
    md.append("| cell | B | qatsec Mops | fastest anchor, Mops | qatsec / fastest "
              "| aesni_mb Mops | qatsec / aesni_mb | ceiling Mops (API) "
              "| qatsec / ceiling | crypto-perf bound | qatsec / bound | targets |")
    md.append("|---|--:|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        md.append("| %s | %d | %.2f (%.2f-%.2f) | %s %s | %s | %s | %s | %s | %s "
                  "| %s | %s | %s |" % (
                      CELL_TITLES.get(r["cell"], r["cell"]), r["size"],
                      *r["q"], r["fastest"] or "-",
                      "%.2f" % r["fastest_med"] if r["fastest_med"] else "",
                      fmt_r(r["q_fast"]),
                      "%.2f" % r["mb_med"] if r["mb_med"] else "-",
                      fmt_r(r["q_mb"]),
                      ("%.2f (%s)" % (r["ceil_med"],
                                      apis.get((r["cell"], r["size"]), "?"))
                       if r["ceil_med"] else "-"),
                      fmt_r(r["q_ceil"]),
                      "%.2f" % r["bound"] if r["bound"] else "-",
                      "%.2f" % r["q_bound"] if r["q_bound"] else "-",
                      r["verdict"]))
    if mp:
        md.append("")
        md.append("| secondary vs primary | B | one primary Mops | secondary on "
                  "its claimed section Mops | secondary / primary | target |")
        md.append("|---|--:|---|---|---|---|")
        for c, s, p, sec, ratio in mp:
            md.append("| %s | %d | %.2f (%.2f-%.2f) | %.2f (%.2f-%.2f) | %s | "
                      ">=0.95 %s |" % (CELL_TITLES.get(c, c), s, *p, *sec,
                                       fmt_r(ratio),
                                       "ok" if ratio[0] >= 0.95 else "MISS"))
            all_ok &= ratio[0] >= 0.95
    if claim:
        rt = claim.get("roundtrip", {})
        md.append("")
        md.append("| section claim + release (%s rounds) | p50 | p90 | p99 | max | "
                  "target |" % rt.get("rounds", "?"))
        md.append("|---|--:|--:|--:|--:|---|")
        for what in ("roundtrip", "claim", "release"):
            k = claim.get(what)
            if not k:
                continue
            us = {x: int(k[x]) / 1000 for x in ("p50", "p90", "p99", "max")}
            tgt = ""
            if what == "roundtrip":
                tgt = "p99 < 100 us %s" % ("ok" if us["p99"] < 100 else "MISS")
                all_ok &= us["p99"] < 100
            md.append("| %s | %.1f us | %.1f us | %.1f us | %.1f us | %s |" % (
                what, us["p50"], us["p90"], us["p99"], us["max"], tgt))
    md.append("")
    md.append("All targets met." if all_ok else
              "Targets missed: see the MISS entries (doc/guides/perf/index.rst says why).")
    text = "\n".join(md) + "\n"
    with open(os.path.join(d, "table.md"), "w") as f:
        f.write(text)
    print(text)

    # The chart: every PMD and the ceiling relative to the fastest anchor.
    with open(os.path.join(d, "chart.dat"), "w") as f:
        f.write("cell qatsec " + " ".join(ANCHORS) + " ceiling\n")
        for line in chart:
            f.write(" ".join(line) + "\n")
    if shutil.which("gnuplot") is None:
        print("gnuplot not found (Debian package gnuplot-nox): no bench.png")
        return
    gp = """set terminal pngcairo size 1800,760 noenhanced font ",10"
set output '%s'
set title "Throughput relative to the fastest DPDK software PMD of each cell (= 1.0): medians of %s interleaved rounds, burst 32, one core\\n%s"
set style data histogram
set style histogram clustered gap 1
set style fill solid 0.85 border -1
set datafile missing '?'
set key outside right top
set ylabel "Mops / fastest anchor's Mops"
set yrange [0:*]
set grid ytics
set xtics rotate by 35 right scale 0
set arrow from graph 0, first 1 to graph 1, first 1 nohead dt 2 lw 2 lc rgb "black"
plot for [i=2:%d] '%s' using i:xtic(1) title columnheader(i)
""" % (os.path.join(d, "bench.png"), machine.get("rounds"),
       machine.get("cpu"), len(ANCHORS) + 3, os.path.join(d, "chart.dat"))
    with open(os.path.join(d, "bench.gp"), "w") as f:
        f.write(gp)
    subprocess.run(["gnuplot", os.path.join(d, "bench.gp")], check=True)


if __name__ == "__main__":
    main()
