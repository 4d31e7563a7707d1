#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# The qatsec asymmetric benchmark: crypto_qatsec against crypto_openssl
# through rte_cryptodev (test/asym/asym_perf.c: one EAL process with
# --vdev crypto_qatsec --vdev crypto_openssl, the PMD loaded with -d as the
# tests load it, sessions and ops from real pools, bursts on one queue pair,
# every op's status and result checked) for
#   RSA-2048 sign (CRT key), RSA-2048 verify, modexp 2048 (2048-bit
#   exponent), ECDSA P-256 sign and verify,
# beside the OpenSSL ceiling on the same core: `openssl speed rsa2048
# ecdsap256` (taskset) and, in the program, the same ops on OpenSSL EVP
# (modexp: BN_mod_exp_mont_consttime, qatsec-asym-bench's loop); plus
# dpdk-test-crypto-perf --ptest throughput --optype modex on both devices
# (every op enqueued and dequeued; 22.11's throughput test does not look at
# statuses: the program above checks them).
#
# Every round runs all of it once, in an order rotated from round to round;
# ratios are paired within a round and the table gives their median over
# the rounds with the min-max spread. Rates are ops per CPU second of the
# measuring thread (what `openssl speed` reports: its user time) and, for
# reference, per wall-clock second: on a shared machine a thread gets a
# varying share of its core, which moves wall-clock rates, not CPU ones.
# Results: the table on stdout and, under --out (default
# <builddir>/bench-asym): runs.csv, summary.csv, table.md (for
# doc/guides/perf/index.rst), machine.txt, logs/.
#
# Usage: devtools/bench-asym.sh [--rounds N] [--ms N] [--speed-seconds N]
#          [--modex-ops N] [--quick] [--builddir DIR] [--out DIR]
#          [--lcores LIST]
# Sets variables that perf_common.sh reads:
# shellcheck disable=SC2034
set -euo pipefail

PERF_ME=bench-asym
# shellcheck source-path=SCRIPTDIR source=../test/integration/perf_common.sh
. "$(dirname "${BASH_SOURCE[0]}")/../test/integration/perf_common.sh"
top=$PERF_TOP

usage() {
	cat <<EOF
Usage: devtools/bench-asym.sh [options]
  --rounds N         interleaved rounds (default 7)
  --ms N             wall-clock length of one (op, device) measurement in the
                     cryptodev program (default 600)
  --speed-seconds N  openssl speed -seconds (default 1)
  --modex-ops N      crypto-perf --total-ops per modex run (default 20000)
  --quick            3 rounds of 200 ms, 5000 modex ops (a smoke run)
  --builddir DIR     qatsec build (default \$QATSEC_BUILDDIR or <repo>/build;
                     built beforehand: ninja -C DIR)
  --out DIR          results (default <builddir>/bench-asym)
  --lcores LIST      EAL -l (default 0,1); the last one is the worker, and
                     openssl speed runs on that CPU too
EOF
}

builddir=${QATSEC_BUILDDIR:-$top/build}
out='' rounds=7 ms=600 speed_s=1 modex_ops=20000
while [ $# -gt 0 ]; do
	case "$1" in
	-h|--help) usage; exit 0 ;;
	--quick) rounds=3 ms=200 modex_ops=5000; shift; continue ;;
	--*) [ $# -ge 2 ] || perf_usage_die "$1 needs a value (or is unknown; see --help)" ;;
	*) usage >&2; perf_usage_die "unknown argument '$1'" ;;
	esac
	case "$1" in
	--rounds) rounds=$2 ;;
	--ms) ms=$2 ;;
	--speed-seconds) speed_s=$2 ;;
	--modex-ops) modex_ops=$2 ;;
	--builddir) builddir=$2 ;;
	--out) out=$2 ;;
	--lcores) PERF_LCORES=$2 ;;
	*) usage >&2; perf_usage_die "unknown option '$1'" ;;
	esac
	shift 2
done
for v in rounds ms speed_s modex_ops; do
	[[ ${!v} =~ ^[1-9][0-9]*$ ]] || perf_usage_die "--${v//_/-} wants a positive number, got '${!v}'"
done
builddir=$(cd "$builddir" && pwd) || perf_die "no build directory $builddir"
prog=$builddir/test/asym/qatsec-asym-perf
[ -x "$prog" ] || perf_die "$prog not built (ninja -C $builddir)"
command -v openssl >/dev/null || perf_skip "openssl (the command) not found"
command -v taskset >/dev/null || perf_skip "taskset (util-linux) not found"
out=${out:-$builddir/bench-asym}
mkdir -p "$out/logs"
out=$(cd "$out" && pwd)
cpu=${PERF_LCORES##*[,-]}
[[ $cpu =~ ^[0-9]+$ ]] || perf_usage_die "--lcores: cannot tell the worker CPU of '$PERF_LCORES'"

# The cryptodev program's device set: both vdevs, the PMD from the build.
PERF_DEVTYPE=crypto_qatsec
PERF_PLUGIN=$builddir
PERF_VDEVS=(crypto_qatsec crypto_openssl)
PERF_TIMEOUT=$((ms * 20 / 1000 + 60))
perf_setup
prog_eal=("${PERF_EAL_ARGS[@]}")
prog_ldp=$PERF_PLUGIN_DIR

runs=$out/runs.csv
echo "round,source,op,dev,ops,secs,rate,cpu,cpu_rate,enq,deq,failed" >"$runs"

# The cryptodev program, one round: its "# result" lines into runs.csv.
run_prog() {
	local r=$1 log=$out/logs/asym-perf-r$1.log rc=0
	( cd "$PERF_WORKDIR" && LD_LIBRARY_PATH=$prog_ldp${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH} \
		exec timeout --foreground --kill-after=5 "$PERF_TIMEOUT" "$prog" \
		"${prog_eal[@]}" --log-level=lib.cryptodev:warning -- \
		--ms "$ms" --rounds 1 --order "$r" ) >"$log" 2>&1 </dev/null &
	PERF_CHILD=$!
	wait "$PERF_CHILD" || rc=$?
	PERF_CHILD=
	dr_remove_files "$PERF_PREFIX"
	if [ "$rc" -ne 0 ] || grep -q '^not ok' "$log"; then
		perf_err "round $r: qatsec-asym-perf failed (status $rc):"
		grep -E '^(not ok|Bail out|# .*failed)' "$log" >&2 || perf_show_log "$log" >&2
		return 1
	fi
	sed -n 's/^# result //p' "$log" | awk -v r="$r" '{
		for (i = 1; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
		printf "%s,asym-perf,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s\n", r, v["op"],
			v["dev"], v["ops"], v["secs"], v["rate"], v["cpu"],
			v["cpu_rate"], v["enq"], v["deq"], v["failed"] }' >>"$runs"
}

# openssl speed on the worker's CPU. Its "Doing ..." lines give the count
# and the user CPU seconds; the run itself lasts --speed-seconds of wall
# clock (an alarm ends it).
run_speed() {
	local r=$1 log=$out/logs/speed-r$1.log
	taskset -c "$cpu" openssl speed -seconds "$speed_s" rsa2048 ecdsap256 \
		>"$log.out" 2>"$log" </dev/null ||
		{ perf_err "openssl speed failed"; cat "$log" >&2; return 1; }
	awk -v r="$r" -v s="$speed_s" '
		/^Doing 2048 bits private rsa/ { op = "rsa2048-sign-crt" }
		/^Doing 2048 bits public rsa/ { op = "rsa2048-verify" }
		/^Doing 256 bits sign ecdsa/ { op = "ecdsa-p256-sign" }
		/^Doing 256 bits verify ecdsa/ { op = "ecdsa-p256-verify" }
		/^Doing/ {
			n = $0; sub(/^[^:]*: /, "", n); split(n, w, " ")
			t = $NF; sub(/s$/, "", t)
			if (t > 0)
				printf "%s,speed,%s,speed,%d,%s,%.1f,%s,%.1f,%d,%d,0\n",
					r, op, w[1], s, w[1] / s, t, w[1] / t, w[1], w[1]
		}' "$log" >>"$runs"
	[ "$(grep -c "^$r,speed," "$runs")" -eq 4 ] ||
		{ perf_err "openssl speed: could not read its 4 results from $log"; return 1; }
}

# dpdk-test-crypto-perf --optype modex on DEV (qatsec or openssl).
run_cperf() {
	local r=$1 dev=$2 log=$out/logs/cperf-modex-$2-r$1.log rc=0 row
	PERF_DEVTYPE=crypto_$dev
	PERF_VDEVS=("crypto_$dev")
	if [ "$dev" = qatsec ]; then PERF_PLUGIN=$builddir; else PERF_PLUGIN=; fi
	perf_device_setup
	perf_algo_args modex
	perf_run "$log" --ptest throughput --buffer-sz 64 --burst-sz 32 \
		--total-ops "$modex_ops" "${PERF_ALGO_ARGS[@]}" || rc=$?
	perf_check_run "$rc" "$log" "modex on crypto_$dev" || return 1
	row=$(perf_parse_csv "$log" | head -n 1)
	[ -n "$row" ] || { perf_err "modex on crypto_$dev: no result row in $log"; return 1; }
	local enq deq mops cyc bad
	enq=$(perf_get enq "$row") deq=$(perf_get deq "$row") mops=$(perf_get mops "$row")
	cyc=$(perf_get cycles "$row")
	bad=$(( (enq != modex_ops) + (deq != modex_ops) ))
	# Its Mops have 2-3 digits; the paired ratio comes from its (TSC)
	# cycles per op, in the cpu columns: cycles, and ops per 1e9 cycles.
	echo "$r,crypto-perf,cperf-modex-1024,$dev,$deq,,$(awk -v m="$mops" -v c="$cyc" 'BEGIN { printf "%.1f,%s,%.1f", m * 1e6, c, (c > 0 ? 1e9 / c : 0) }'),$enq,$deq,$bad" >>"$runs"
	[ "$bad" -eq 0 ] ||
		{ perf_err "modex on crypto_$dev: enqueued $enq, dequeued $deq of $modex_ops"; return 1; }
	perf_say "round $r: crypto-perf modex crypto_$dev: $deq of $modex_ops ops back, $mops Mops (failed enq calls $(perf_get failed_enq "$row"), empty deq polls $(perf_get failed_deq "$row"))"
}

{
	echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
	echo "cpu: $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1) ($(nproc) CPUs online), worker on CPU $cpu"
	echo "kernel: $(uname -r)"
	echo "openssl: $(openssl version)"
	echo "dpdk: $(dpkg-query -W -f='${Version}' libdpdk-dev 2>/dev/null || echo '?')"
	echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
	echo "rounds: $rounds x ($ms ms per op and device, openssl speed -seconds $speed_s, crypto-perf modex $modex_ops ops)"
	echo "qatsec: $(git -C "$top" describe --always --dirty 2>/dev/null || echo '?')"
} >"$out/machine.txt"
sed 's/^/# /' "$out/machine.txt"

fails=0
for ((r = 0; r < rounds; r++)); do
	perf_say "round $((r + 1))/$rounds"
	# The three parts rotate within the round as well.
	for ((p = 0; p < 3; p++)); do
		case $(((p + r) % 3)) in
		0) run_prog "$r" || fails=$((fails + 1)) ;;
		1) run_speed "$r" || fails=$((fails + 1)) ;;
		2) if ((r % 2)); then d=(openssl qatsec); else d=(qatsec openssl); fi
		   for x in "${d[@]}"; do run_cperf "$r" "$x" || fails=$((fails + 1)); done ;;
		esac
	done
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$out/machine.txt"

/usr/bin/python3 "$top/devtools/bench_asym_report.py" "$out"
perf_say "results in $out (runs.csv, summary.csv, table.rst, table.txt, machine.txt, logs/)"
[ "$fails" -eq 0 ] || perf_die "$fails run(s) failed (see above and $out/logs)"
