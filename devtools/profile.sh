#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Where the cycles of one benchmark cell go, in instructions per op counted
# by valgrind's callgrind (exact and repeatable, unlike time on a shared
# VM). dpdk-test-crypto-perf runs the cell twice, with N and 2N ops; the
# difference divided by N is the steady-state cost of one op, free of
# start-up, split by component:
#   crypto-perf   the test application and the DPDK libraries it calls
#   PMD           the driver's own code (qatsec or the anchor PMD)
#   ipsec-mb api  ipsec-mb's job/burst managers (submit, flush, get_next)
#   crypto        the crypto code: ipsec-mb's, or libcrypto for openssl
#   libc          memcpy/memset and the like, whoever called them
# Valgrind 3.19 has no AVX-512: ipsec-mb runs its AVX2 code under it, so
# the crypto share is not what the real run executes; the rest is.
#
# Usage: devtools/profile.sh [--builddir DIR] [--ops N] [--functions]
#          CELL SIZE PMD...
#   --functions: also the 12 costliest functions of each PMD's run
#   PMD: qatsec aesni_mb aesni_gcm chacha_poly openssl snow3g zuc null
#   e.g. devtools/profile.sh aes-gcm-128-enc 64 qatsec aesni_gcm
# Sets variables that perf_common.sh reads:
# shellcheck disable=SC2034
set -euo pipefail

PERF_ME=profile
# shellcheck source-path=SCRIPTDIR source=../test/integration/perf_common.sh
. "$(dirname "${BASH_SOURCE[0]}")/../test/integration/perf_common.sh"

builddir=${QATSEC_BUILDDIR:-$PERF_TOP/build} ops=100000 functions=0
while [ $# -gt 0 ]; do
	case "$1" in
	--builddir) builddir=$2; shift 2 ;;
	--ops) ops=$2; shift 2 ;;
	--functions) functions=1; shift ;;
	-h|--help) sed -n '3,21p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
	*) break ;;
	esac
done
[ $# -ge 3 ] || perf_usage_die "usage: devtools/profile.sh [--builddir DIR] [--ops N] CELL SIZE PMD..."
cell=$1 size=$2
shift 2
command -v valgrind >/dev/null || perf_skip "valgrind not installed (apt-get install valgrind)"
perf_algo_args "$cell"
declare -A DEVTYPE=([qatsec]=crypto_qatsec [aesni_mb]=crypto_aesni_mb
	[aesni_gcm]=crypto_aesni_gcm [chacha_poly]=crypto_chacha20_poly1305
	[openssl]=crypto_openssl [snow3g]=crypto_snow3g [zuc]=crypto_zuc
	[null]=crypto_null)

PERF_DEVTYPE=crypto_null PERF_PLUGIN=none
perf_setup
args=("${PERF_ALGO_ARGS[@]}")
if [ "$PERF_ALGO_VECTOR" = 1 ]; then
	perf_make_vector "$cell" "$size" "$PERF_WORKDIR/vec.data"
	args+=(--test-file "$PERF_WORKDIR/vec.data" --test-name bench)
fi

printf '%-12s %8s %10s %8s %12s %10s %8s %8s\n' "$cell/$size" total crypto-perf PMD "ipsec-mb api" crypto libc other
for p in "$@"; do
	[ -n "${DEVTYPE[$p]:-}" ] || perf_usage_die "unknown PMD '$p'"
	plugin=none
	[ "$p" != qatsec ] || plugin=$builddir
	PERF_DEVTYPE=${DEVTYPE[$p]} PERF_VDEVS=("${DEVTYPE[$p]}") PERF_PLUGIN=$plugin
	perf_device_setup
	cargs=("${args[@]}")
	if [ "$p" = null ]; then
		# crypto-perf's own cost: NULL cipher and auth, same size.
		perf_algo_args null
		cargs=("${PERF_ALGO_ARGS[@]}")
	fi
	ldp=${PERF_PLUGIN_DIR:+$PERF_PLUGIN_DIR:}${LD_LIBRARY_PATH:-}
	for n in "$ops" $((2 * ops)); do
		(cd "$PERF_WORKDIR" && LD_LIBRARY_PATH=$ldp valgrind --tool=callgrind \
			--callgrind-out-file="$PERF_WORKDIR/cg.$p.$n" "$PERF_APP" \
			"${PERF_EAL_ARGS[@]}" -- --devtype "$PERF_DEVTYPE" --ptest throughput \
			--buffer-sz "$size" --burst-sz 32 --total-ops "$n" "${cargs[@]}") \
			>"$PERF_WORKDIR/log.$p.$n" 2>&1 ||
			{ perf_show_log "$PERF_WORKDIR/log.$p.$n" >&2; perf_die "$p: crypto-perf under valgrind failed"; }
		dr_remove_files "$PERF_PREFIX"
		callgrind_annotate --inclusive=no --threshold=100 "$PERF_WORKDIR/cg.$p.$n" \
			>"$PERF_WORKDIR/ann.$p.$n"
	done
	/usr/bin/python3 - "$p" "$ops" "$PERF_WORKDIR/ann.$p.$ops" \
		"$PERF_WORKDIR/ann.$p.$((2 * ops))" "$functions" <<'EOF'
import re, sys
pmd, n, a, b = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
verbose = sys.argv[5] == "1"
def parts(path):
	acc = {}
	for line in open(path):
		m = re.match(r"^\s*([\d,]+) \([^)]*\)\s+(\S+) \[(.*)\]\s*$", line)
		if not m:
			continue
		cnt, obj = int(m.group(1).replace(",", "")), m.group(3)
		fn = m.group(2).rsplit(":", 1)[-1]
		o = obj.rsplit("/", 1)[-1]
		if "libIPSec_MB" in o:
			k = "api" if re.match(r"(submit|flush|get_next|get_completed|queue_size)_", fn) else "imb"
		elif "crypto_qatsec" in o or "crypto_ipsec_mb" in o or "crypto_openssl" in o or "crypto_null" in o:
			k = "pmd"
		elif o.startswith("libc.so") or o.startswith("libcrypto"):
			k = "libc" if o.startswith("libc.so") else "imb"
		elif o.startswith("dpdk-test-crypto-perf") or o.startswith("librte_"):
			k = "app"
		else:
			k = "other"
		acc[(k, fn)] = acc.get((k, fn), 0) + cnt
	return acc
x, y = parts(a), parts(b)
d = {k: (y.get(k, 0) - x.get(k, 0)) / n for k in {k[0] for k in x} | {k[0] for k in y}}
fx, fy = {}, {}
for src, dst in ((x, fx), (y, fy)):
	for (k, fn), v in src.items():
		dst[(k, fn)] = dst.get((k, fn), 0) + v
tot = {}
for key in set(fx) | set(fy):
	tot[key] = (fy.get(key, 0) - fx.get(key, 0)) / n
cat = {}
for (k, fn), v in tot.items():
	cat[k] = cat.get(k, 0) + v
print("%-12s %8.0f %10.0f %8.0f %12.0f %10.0f %8.0f %8.0f" % (pmd, sum(cat.values()),
	cat.get("app", 0), cat.get("pmd", 0), cat.get("api", 0), cat.get("imb", 0),
	cat.get("libc", 0), cat.get("other", 0)))
if verbose:
	for (k, fn), v in sorted(tot.items(), key=lambda kv: -kv[1])[:12]:
		if v >= 1:
			print("    %7.0f  %-5s %s" % (v, k, fn))
EOF
done
