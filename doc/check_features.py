#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
# Test doc-features: the driver guide's feature table says what the PMD
# does. cryptodevs/features/qatsec.ini may use only rows of default.ini,
# and its [Cipher]/[Auth]/[AEAD] rows marked Y must be exactly the
# algorithms (and AES key sizes) of the PMD's capability tables, read from
# the QATSEC_CAP_* entries of every engine under drivers/ (and the shared
# lists of core/qatsec_caps.h). TAP output.
#   check_features.py SRC
import configparser
import glob
import os
import re
import sys

src = sys.argv[1]
feat = os.path.join(src, "doc", "guides", "cryptodevs", "features")
n = 0
failed = 0


def ok(cond, what):
    global n, failed
    n += 1
    print(f"{'ok' if cond else 'not ok'} {n} - {what}")
    failed += not cond


def ini(path):
    cp = configparser.ConfigParser(delimiters=("=",), comment_prefixes=(";",),
                                   interpolation=None)
    cp.optionxform = str
    cp.read(path)
    return cp


default = ini(os.path.join(feat, "default.ini"))
drv = ini(os.path.join(feat, "qatsec.ini"))
unknown = [f"[{s}] {k}" for s in drv.sections() for k in drv[s]
           if not default.has_option(s, k)]
ok(not unknown, f"qatsec.ini uses only rows of default.ini {unknown or ''}")
bad = [f"[{s}] {k}={v}" for s in drv.sections() for k, v in drv[s].items()
       if v.strip() not in ("Y", "P", "")]
ok(not bad, f"qatsec.ini marks rows Y, P or nothing {bad or ''}")

LABEL = {
    "CIPHER_NULL": "NULL", "CIPHER_AES_CBC": "AES CBC", "CIPHER_AES_CTR": "AES CTR",
    "CIPHER_AES_ECB": "AES ECB", "CIPHER_AES_XTS": "AES XTS", "CIPHER_3DES_CBC": "3DES CBC", "CIPHER_3DES_CTR": "3DES CTR",
    "CIPHER_DES_CBC": "DES CBC", "CIPHER_AES_DOCSISBPI": "AES DOCSIS BPI",
    "CIPHER_DES_DOCSISBPI": "DES DOCSIS BPI", "CIPHER_SNOW3G_UEA2": "SNOW3G UEA2",
    "CIPHER_ZUC_EEA3": "ZUC EEA3", "CIPHER_KASUMI_F8": "KASUMI F8",
    "AUTH_SNOW3G_UIA2": "SNOW3G UIA2", "AUTH_ZUC_EIA3": "ZUC EIA3",
    "AUTH_KASUMI_F9": "KASUMI F9",
    "AUTH_NULL": "NULL", "AUTH_MD5_HMAC": "MD5 HMAC", "AUTH_AES_XCBC_MAC": "AES XCBC MAC",
    "AUTH_AES_CMAC": "AES CMAC", "AUTH_AES_GMAC": "AES GMAC",
    "AEAD_AES_GCM": "AES GCM", "AEAD_AES_CCM": "AES CCM",
    "AEAD_CHACHA20_POLY1305": "CHACHA20-POLY1305",
    "CIPHER_SM4_ECB": "SM4 ECB", "CIPHER_SM4_CBC": "SM4 CBC", "CIPHER_SM4_CTR": "SM4 CTR",
    "AUTH_SM3": "SM3",
}
for b in ("224", "256", "384", "512"):
    LABEL[f"AUTH_SHA3_{b}"] = f"SHA3_{b}"
    LABEL[f"AUTH_SHA3_{b}_HMAC"] = f"SHA3_{b} HMAC"
for b in ("SHA1", "SHA224", "SHA256", "SHA384", "SHA512"):
    LABEL[f"AUTH_{b}"] = b
    LABEL[f"AUTH_{b}_HMAC"] = f"{b} HMAC"
SIZED = {"AES CBC", "AES CTR", "AES ECB", "AES GCM", "AES CCM", "AES CMAC"}
# XTS keys are two AES keys: the row names the AES key size (DPDK's form).
HALVED = {"AES XTS"}
SECTION = {"CIPHER": "Cipher", "AUTH": "Auth", "AEAD": "AEAD"}

cap = re.compile(r"QATSEC_CAP_(CIPHER|AUTH|AEAD)(?:_DU)?\(\s*RTE_CRYPTO_((?:CIPHER|AUTH|AEAD)_\w+)"
                 r"\s*,\s*\d+\s*,\s*(?:QR|QATSEC_RANGE)\((\d+),\s*(\d+),\s*(\d+)\)")
# The shorthands for hashes (core/qatsec_caps.h): auth entries, unsized.
hash_cap = re.compile(r"QATSEC_CAP_(?:HMAC|HASH)\(\s*RTE_CRYPTO_(AUTH_\w+)")
have = set()
files = [f for ext in ("c", "h")
         for f in glob.glob(os.path.join(src, "drivers", "**", "*." + ext), recursive=True)
         if "QATSEC_CAP_" in open(f, errors="replace").read()]
unmapped = []
for f in files:
    for kind, alg, lo, hi, inc in cap.findall(open(f, errors="replace").read()):
        label = LABEL.get(alg)
        if label is None:
            unmapped.append(alg)
            continue
        if label in SIZED or label in HALVED:
            lo, hi, inc = int(lo), int(hi), int(inc) or 1
            d = 2 if label in HALVED else 1
            for k in range(lo, hi + 1, inc):
                have.add((SECTION[kind], f"{label} ({k * 8 // d})"))
        else:
            have.add((SECTION[kind], label))
    for alg in hash_cap.findall(open(f, errors="replace").read()):
        label = LABEL.get(alg)
        if label is None:
            unmapped.append(alg)
        else:
            have.add(("Auth", label))
ok(len(have) > 0, f"capability tables found in {[os.path.relpath(f, src) for f in files]}")
ok(not unmapped, f"every advertised algorithm has a feature row {unmapped or ''}")
marked = {(s, k) for s in ("Cipher", "Auth", "AEAD") if drv.has_section(s)
          for k, v in drv[s].items() if v.strip() == "Y"}
missing = sorted(have - marked)
extra = sorted(marked - have)
ok(not missing, f"every advertised algorithm is marked Y in qatsec.ini {missing or ''}")
ok(not extra, f"qatsec.ini marks nothing the PMD does not advertise {extra or ''}")
print(f"1..{n}")
sys.exit(1 if failed else 0)
