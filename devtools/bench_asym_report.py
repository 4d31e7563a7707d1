#!/usr/bin/python3
# SPDX-License-Identifier: BSD-3-Clause
"""The table of devtools/bench-asym.sh, from its results directory: runs.csv
(every measurement: round, source, op, dev, ops, wall and CPU seconds and
rates, enq, deq, failed) and machine.txt. Writes summary.csv, table.rst (for
doc/guides/perf/index.rst, section "Asymmetric") and table.txt there and
prints the table.

Ratios are paired: qatsec's measurement and the other side's of the same
round (interleaved, same core) make one ratio; the table gives the median of
those ratios over the rounds and their min-max spread. Rates are ops per
CPU second of the measuring thread; the wall-clock ratios are given beside.

  bench_asym_report.py RESULTS_DIR
"""
import csv
import os
import statistics
import sys
from collections import defaultdict

OPS = [("rsa2048-sign-crt", "RSA-2048 sign (CRT key, PKCS#1 v1.5)"),
       ("rsa2048-verify", "RSA-2048 verify (public key)"),
       ("modexp-2048", "modexp, 2048-bit modulus and exponent"),
       ("ecdsa-p256-sign", "ECDSA P-256 sign"),
       ("ecdsa-p256-verify", "ECDSA P-256 verify")]
CPERF = "cperf-modex-1024"


def spread(vals):
    return statistics.median(vals), min(vals), max(vals)


def fmt_ratio(s):
    return "%.3f (%.2f-%.2f)" % s if s else "n/a"


def fmt_rate(s):
    return "%.0f (%.0f-%.0f)" % s if s else "n/a"


def load(path):
    rate = defaultdict(dict)    # (op, dev) -> round -> (cpu_rate, rate)
    bad = []
    with open(path) as f:
        for row in csv.DictReader(f):
            if row["failed"] not in ("", "0") or row["enq"] != row["deq"]:
                bad.append(row)
            cpu = float(row["cpu_rate"]) if row["cpu_rate"] else None
            rate[(row["op"], row["dev"])][int(row["round"])] = (
                cpu, float(row["rate"]))
    return rate, bad


def ratios(rate, op, a, b, idx):
    ra, rb = rate.get((op, a), {}), rate.get((op, b), {})
    v = [ra[r][idx] / rb[r][idx] for r in ra
         if r in rb and ra[r][idx] and rb[r][idx]]
    return spread(v) if v else None


def rates(rate, op, dev, idx):
    v = [x[idx] for x in rate.get((op, dev), {}).values() if x[idx]]
    return spread(v) if v else None


def verdict(s, target):
    if s is None:
        return None
    return ("met" if s[0] >= target else "missed") + \
        " (%.3f, >= %.2f)" % (s[0], target)


def cpu_share(path):
    """CPU seconds / wall seconds of the program's measurements: how much
    of its core the measuring thread got (the noise of the machine)."""
    v = []
    with open(path) as f:
        for row in csv.DictReader(f):
            if row["source"] == "asym-perf" and float(row["secs"]) > 0:
                v.append(float(row["cpu"]) / float(row["secs"]))
    return spread(v) if v else (0, 0, 0)


def main():
    d = sys.argv[1]
    rate, bad = load(os.path.join(d, "runs.csv"))
    share = cpu_share(os.path.join(d, "runs.csv"))
    machine = open(os.path.join(d, "machine.txt")).read().strip()
    rows = []
    for op, title in OPS:
        ceil_dev = "ceiling" if op == "modexp-2048" else "speed"
        r = {"op": op, "title": title,
             "qatsec": rates(rate, op, "qatsec", 0),
             "openssl": rates(rate, op, "openssl", 0),
             "speed": rates(rate, op, "speed", 0),
             "evp": rates(rate, op, "ceiling", 0),
             "vs_openssl": ratios(rate, op, "qatsec", "openssl", 0),
             "vs_openssl_wall": ratios(rate, op, "qatsec", "openssl", 1),
             "vs_ceiling": ratios(rate, op, "qatsec", ceil_dev, 0),
             "vs_ceiling_wall": ratios(rate, op, "qatsec", ceil_dev, 1),
             "vs_evp": ratios(rate, op, "qatsec", "ceiling", 0),
             "ceiling_name": "BN_mod_exp_mont_consttime" if ceil_dev ==
             "ceiling" else "openssl speed"}
        v = [verdict(r["vs_openssl"], 1.0) if r["openssl"] else
             "no crypto_openssl op (22.11 has no ECDSA)",
             verdict(r["vs_ceiling"], 0.95)]
        r["targets"] = "; ".join(
            x for x in ["vs crypto_openssl: " + v[0] if v[0] else None,
                        "vs %s: %s" % (r["ceiling_name"], v[1])
                        if v[1] else None] if x)
        rows.append(r)
    cp = {"qatsec": rates(rate, CPERF, "qatsec", 1),
          "openssl": rates(rate, CPERF, "openssl", 1),
          "ratio": ratios(rate, CPERF, "qatsec", "openssl", 0)}
    nrounds = len({r for v in rate.values() for r in v})

    with open(os.path.join(d, "summary.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["op", "qatsec_cpu_rate", "openssl_cpu_rate",
                    "speed_cpu_rate", "evp_cpu_rate", "qatsec_vs_openssl",
                    "min", "max", "qatsec_vs_ceiling", "min", "max",
                    "ceiling", "qatsec_vs_openssl_wall",
                    "qatsec_vs_ceiling_wall"])
        for r in rows:
            def m(k):
                return ["%.4f" % x for x in r[k]] if r[k] else ["", "", ""]
            w.writerow([r["op"]] + [("%.1f" % r[k][0]) if r[k] else ""
                                    for k in ("qatsec", "openssl", "speed",
                                              "evp")] +
                       m("vs_openssl") + m("vs_ceiling") +
                       [r["ceiling_name"]] +
                       [("%.4f" % r[k][0]) if r[k] else ""
                        for k in ("vs_openssl_wall", "vs_ceiling_wall")])
        w.writerow([CPERF, "%.1f" % cp["qatsec"][0] if cp["qatsec"] else "",
                    "%.1f" % cp["openssl"][0] if cp["openssl"] else "",
                    "", ""] + (["%.4f" % x for x in cp["ratio"]]
                               if cp["ratio"] else ["", "", ""]))

    head = ["op", "qatsec ops/s", "crypto_openssl ops/s", "openssl speed "
            "ops/s", "EVP in-process ops/s", "qatsec / crypto_openssl",
            "qatsec / ceiling", "qatsec / EVP in-process", "wall-clock: / openssl, / ceiling",
            "targets"]
    body = []
    for r in rows:
        body.append([r["title"], fmt_rate(r["qatsec"]),
                     fmt_rate(r["openssl"]) if r["openssl"] else
                     "n/a: no ECDSA in 22.11", fmt_rate(r["speed"])
                     if r["speed"] else "n/a (no modexp in speed)",
                     fmt_rate(r["evp"]), fmt_ratio(r["vs_openssl"]),
                     fmt_ratio(r["vs_ceiling"]) + " vs " + r["ceiling_name"],
                     fmt_ratio(r["vs_evp"]),
                     "%s, %s" % (fmt_ratio(r["vs_openssl_wall"]),
                                 fmt_ratio(r["vs_ceiling_wall"])),
                     r["targets"]])
    body.append(["dpdk-test-crypto-perf --optype modex (its 1024-bit "
                 "vector; wall-clock ops/s, ratio from its cycles per op)", fmt_rate(cp["qatsec"]),
                 fmt_rate(cp["openssl"]), "", "", fmt_ratio(cp["ratio"]),
                 "", "", "", "every op enqueued and dequeued on both: %s" %
                 ("no" if any(b["op"] == CPERF for b in bad) else "yes")])
    intro = ("%s\n\n%d interleaved rounds; ops per CPU second of the "
             "measuring thread, median (min-max) over the rounds; ratios "
             "are per round (paired), median (min-max). Ceiling: `openssl "
             "speed` (RSA, ECDSA), BN_mod_exp_mont_consttime in-process "
             "(modexp). The measuring thread got %.0f %% (%.0f-%.0f %%) of "
             "its CPU (CPU / wall seconds per measurement). Failed or lost "
             "ops in any measurement: %d."
             % ((machine, nrounds) + tuple(100 * x for x in share) +
                (len(bad),)))
    with open(os.path.join(d, "table.rst"), "w") as f:
        # The machine's lines as an RST line block.
        m = "\n".join("| " + x for x in machine.splitlines())
        f.write(intro.replace(machine, m, 1)
                .replace("`openssl speed`", "``openssl speed``") +
                "\n\n.. list-table::\n   :header-rows: 1\n\n")
        for line in [head] + body:
            f.write("   * - %s\n" % line[0])
            for c in line[1:]:
                f.write("     - %s\n" % (c if c else " "))
    with open(os.path.join(d, "table.txt"), "w") as f:
        f.write(intro + "\n\n")
        for line in [head] + body:
            f.write(" | ".join(line) + "\n")
    print(open(os.path.join(d, "table.txt")).read())
    for b in bad:
        print("FAILED/LOST: %s" % dict(b))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
