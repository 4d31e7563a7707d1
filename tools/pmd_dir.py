#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
# Prints the directory the installed DPDK's EAL auto-loads PMDs from, for
# meson (option pmd_dir=''): derived from libdpdk's libdir and the ABI
# version in librte_eal's file name (Debian: <libdir>/dpdk/pmds-23.0), and
# confirmed by asking the EAL itself: the directory is compiled into
# librte_eal as RTE_EAL_PMD_PATH, so its bytes must hold that path. An EAL
# built without autoload has no such string: then say what to pass instead.
#   pmd_dir.py LIBDIR
import os
import re
import sys


def fail(msg):
    print(f"pmd_dir.py: {msg}; pass -Dpmd_dir=DIR (or -Dpmd_dir=none "
          "to install no autoload link)", file=sys.stderr)
    sys.exit(1)


def main():
    libdir = sys.argv[1]
    eal = os.path.join(libdir, "librte_eal.so")
    if not os.path.exists(eal):
        fail(f"no {eal} (is libdpdk's libdir right?)")
    real = os.path.realpath(eal)
    m = re.match(r"librte_eal\.so\.(\d+\.\d+)$", os.path.basename(real))
    if m is None:
        fail(f"cannot read the ABI version from {real}")
    derived = os.path.join(libdir, "dpdk", f"pmds-{m.group(1)}")
    with open(real, "rb") as f:
        data = f.read()
    if (derived.encode() + b"\0") in data:
        print(derived)
        return
    # Not the Debian layout: take the EAL's own compiled-in directory.
    found = re.findall(rb"\0(/[^\0]*/pmds-[0-9.]+)\0", data)
    if found:
        print(found[0].decode())
        return
    fail(f"{real} has no PMD autoload directory compiled in")


main()
