#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# The main job (README command 1), the seed's scenario for real: qatsecd
# on the two-endpoint config/, eight SSL workers and one IPSec worker in
# parallel as DPDK secondaries, a table of section -> pid -> instances ->
# throughput, a tenth SSL worker refused with the clear message, then a
# clean shutdown that leaves no process and no hugepage file behind.
# Last, unmodified dpdk-test-crypto-perf on the built-in default endpoint
# (one process, no configuration), with crypto_aesni_mb beside it for scale.
set -uo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=../test/mp/lib.sh
. "$top/test/mp/lib.sh" demo "${QATSEC_BUILDDIR:-$top/build}"
export QATSEC_BUILD
require_hugepages >/dev/null

seconds=${DEMO_SECONDS:-4}
say() { printf '\n== %s\n' "$*"; }

say "internal sections of $top/config (qatsec-ctl check)"
"$QATSEC_BUILD/app/qatsec-ctl" check "$top/config" || exit 1

say "starting qatsecd (primary) on the two-endpoint configuration"
start_primary "$top/config" || exit 1
sed -n 's/^qatsecd: /  /p' "$WORK/primary.log"

say "8 SSL workers and 1 IPSec worker, ${seconds}s of AES-128-GCM each, in parallel"
pids=()
for i in $(seq 0 7); do
	LCORE=$((i % 2)) worker SSL "$WORK/ssl$i.log" --seconds "$seconds" --size 1024 --hold 2
	pids+=("$WPID")
done
LCORE=1 worker IPSec "$WORK/ipsec.log" --seconds "$seconds" --size 1024 --hold 2
pids+=("$WPID")
for f in "$WORK"/ssl[0-7].log "$WORK/ipsec.log"; do
	wait_for "$f" "holds " 300 || { echo "a worker did not claim:"; cat "$f"; exit 1; }
done

say "qatsec-ctl status while they run (the group's telemetry, as adf_ctl status shows QAT)"
"$QATSEC_BUILD/app/qatsec-ctl" status --file-prefix "$PREFIX" | sed 's/^/  /'
[ "${PIPESTATUS[0]}" -eq 0 ] || { echo "qatsec-ctl status failed"; exit 1; }

say "a tenth SSL worker while all eight SSL sections are held"
worker SSL "$WORK/ssl-extra.log" --seconds 1
wait "$WPID"
rc=$?
sed 's/^/  /' "$WORK/ssl-extra.log" | grep -E "no free section|cannot claim"
echo "  (exit status $rc)"

rc_all=0
for p in "${pids[@]}"; do wait "$p" || rc_all=1; done

say "who held what (first-fit order)"
printf '  %-16s %-8s %-64s %7s %7s %s\n' section pid instances Mops/s Gbit/s verified
order=$("$QATSEC_BUILD/app/qatsec-ctl" check --json "$top/config" |
	/usr/bin/python3 -c 'import json, sys; print(" ".join(s["name"] for s in json.load(sys.stdin)["sections"]))')
for sec in $order; do
	f=$(grep -l "holds $sec " "$WORK"/ssl[0-7].log "$WORK/ipsec.log" | head -1)
	[ -n "$f" ] || continue
	inst=$(sed -n 's/.* instances: //p' "$f")
	# The worker's "RESULT key=value ..." line, read as data.
	declare -A res=()
	read -r -a words <<<"$(grep RESULT "$f")"
	for kv in "${words[@]}"; do
		[[ $kv != *=* ]] || res[${kv%%=*}]=${kv#*=}
	done
	printf '  %-16s %-8s %-64s %7s %7s %s\n' "${res[section]:-?}" "${res[pid]:-?}" \
		"${inst:0:96}" "${res[mops]:-?}" "${res[gbps]:-?}" \
		"${res[checked]:-0} samples, ${res[mismatched]:-?} mismatched"
	unset res
done

say "qatsecd's log of claims and releases"
grep -E "claim:|release:|orphan" "$WORK/primary.log" | sed 's/^/  /' | head -40

say "shutting down qatsecd"
stop_primary
grep -E "^qatsecd: .*(still held|shutting down)" "$WORK/primary.log" | sed 's/^/  /'
# DPDK keeps hugepage files after exit (secondaries need them while the
# group lives): the group is gone now, so remove them and check for strays.
dr_remove_files "$PREFIX"
left=$(pgrep -fc -- "--file-prefix $PREFIX" || true)

say "dpdk-test-crypto-perf --ptest throughput on the built-in default endpoint (--vdev crypto_qatsec, one process), crypto_aesni_mb beside it"
perf=$top/test/integration/perf_throughput.sh
bash "$perf" --devtype crypto_qatsec --plugin "$QATSEC_BUILD" > "$WORK/perf-qatsec.log" 2>&1
prc=$?
bash "$perf" --devtype crypto_aesni_mb > "$WORK/perf-aesni_mb.log" 2>&1
prc=$((prc | $?))
# "[perf_throughput.sh] PASS throughput CELL SIZE B burst 32 lcore 1: MOPS Mops ..."
mops() { awk -v c="$2" -v b="$3" '$3 == "throughput" && $4 == c && $5 == b { for (i = 6; i <= NF; i++) if ($(i + 1) == "Mops") { print $i; exit } }' "$1"; }
printf '  %-18s %6s %12s %12s %9s\n' cell bytes qatsec aesni_mb ratio
for cell in aes-gcm-128 aes-cbc-128-sha1; do
	for b in 64 1504 4096; do
		q=$(mops "$WORK/perf-qatsec.log" "$cell" "$b")
		a=$(mops "$WORK/perf-aesni_mb.log" "$cell" "$b")
		r=$(awk -v q="${q:-0}" -v a="${a:-0}" 'BEGIN { if (a > 0) printf "%.2fx", q / a; else print "-" }')
		printf '  %-18s %6s %12s %12s %9s\n' "$cell" "$b" "${q:-FAIL} Mops" "${a:-FAIL} Mops" "$r"
	done
done
grep -hE "FAIL|ERROR|SKIP" "$WORK/perf-qatsec.log" "$WORK/perf-aesni_mb.log" | sed 's/^/  /'
echo "  (one run each, not interleaved: ./devtools/bench.sh measures ratios properly)"

if [ "$rc_all" -eq 0 ] && [ "$rc" -eq 3 ] && [ "$left" -eq 0 ] && [ "$prc" -eq 0 ]; then
	say "demo OK: nine sections served, the tenth SSL claim refused, nothing left behind; crypto-perf clean on the default endpoint"
	exit 0
fi
say "demo FAILED (workers rc $rc_all, tenth worker rc $rc, processes left $left, crypto-perf rc $prc)"
exit 1
