#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
# Writes a script with @KEY@ replaced, executable (meson's configure_file
# would leave it non-executable in the build tree, where the tests and
# the README run it).
#   subst.py IN OUT KEY=VALUE...
import os
import sys

text = open(sys.argv[1]).read()
for kv in sys.argv[3:]:
    k, v = kv.split("=", 1)
    text = text.replace(f"@{k}@", v)
with open(sys.argv[2], "w") as f:
    f.write(text)
os.chmod(sys.argv[2], 0o755)
