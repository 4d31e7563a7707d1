# SPDX-License-Identifier: BSD-3-Clause
# Shared by the multi-process tests (suite mp) and the demo: start a qatsecd
# primary on real hugepages under a private --file-prefix, run secondaries
# against it, query its telemetry, and always clean up (processes, then
# this group's hugepage files and runtime dir), whatever way the script
# ends. The DPDK-run rules themselves are devtools/lib/dpdk-run.sh's.
# Sourced as: . lib.sh NAME BUILD_DIR (NAME: a word naming the run, BUILD_DIR:
# the meson build dir).

QATSEC_TEST_NAME=${1:?lib.sh NAME BUILD_DIR: no NAME}
QATSEC_BUILD=${2:?lib.sh NAME BUILD_DIR: no BUILD_DIR}
QATSEC_SRC=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# shellcheck source=../../devtools/lib/dpdk-run.sh
. "$QATSEC_SRC/devtools/lib/dpdk-run.sh"
WORKER=$QATSEC_BUILD/app/qatsec-worker
PREFIX=$(dr_prefix "mp_$QATSEC_TEST_NAME")
WORK=$(mktemp -d /tmp/qatsec-mp.XXXXXX)
PRIMARY_PID=
TAP_N=0
TAP_FAILED=0

ok() {
	local cond=$1
	shift
	TAP_N=$((TAP_N + 1))
	if [ "$cond" = 0 ]; then
		echo "ok $TAP_N - $*"
	else
		echo "not ok $TAP_N - $*"
		TAP_FAILED=$((TAP_FAILED + 1))
	fi
}

# Prerequisites missing on a set-up machine are a defect: say so, exit 77.
require_hugepages() {
	if ! dr_hugepages_ok 512; then
		echo "# SKIP: $DR_HUGEPAGES_WHY" >&2
		echo "1..0 # SKIP no hugepages: $DR_HUGEPAGES_WHY"
		exit 77
	fi
}

# On a failed check, the tail of every log of the run goes to stderr, which
# meson prints for a failed test: a CI failure then says why by itself.
mp_dump_logs() {
	local f
	for f in "$WORK"/*.log "$WORK"/*.err; do
		[ -s "$f" ] || continue
		echo "# ---- last lines of $(basename "$f") ----" >&2
		tail -n 25 "$f" | sed 's/^/#   /' >&2
	done
}

mp_cleanup() {
	local p
	[ "$TAP_FAILED" -eq 0 ] || mp_dump_logs
	for p in $(jobs -p); do
		[ "$p" = "$PRIMARY_PID" ] || kill -9 "$p" 2>/dev/null || true
	done
	[ -z "$PRIMARY_PID" ] || dr_stop "$PRIMARY_PID" TERM || true
	wait 2>/dev/null || true
	[ -n "${KEEP_WORK:-}" ] && cp -r "$WORK" "/tmp/keep-$QATSEC_TEST_NAME"
	dr_remove_files "$PREFIX"
	rm -rf "$WORK"
}
trap mp_cleanup EXIT

# start_primary CONFIG_DIR [EAL args...]: qatsecd in the background; waits
# for "ready" (or fails with its log).
start_primary() {
	local conf=$1
	shift
	dr_primary_start "$QATSEC_BUILD" "$PREFIX" "$conf" "$WORK/primary.log" \
		--log-level=lib.cryptodev:notice "$@" || return 1
	PRIMARY_PID=$DR_PRIMARY_PID
}

# start_seed_primary: qatsecd on the seed configuration, or the test ends,
# failed.
start_seed_primary() {
	start_primary "$QATSEC_SRC/config" && return 0
	ok 1 "qatsecd starts"
	tap_end
	exit 1
}

stop_primary() {
	PRIMARY_PID=
	dr_primary_stop
}

# EAL arguments of a secondary of this group on lcore $1.
secondary_eal() {
	echo "--proc-type=secondary --file-prefix $PREFIX -l ${1:-1} --no-pci --log-level=pmd.crypto.qatsec:notice --log-level=lib.cryptodev:notice"
}

# worker NAME LOG [worker args...]: a qatsec-worker secondary in the
# background; its pid is left in WPID (not echoed: a subshell would not be
# its parent, and wait needs the parent).
worker() {
	local name=$1 log=$2
	shift 2
	# shellcheck disable=SC2046
	"$WORKER" $(secondary_eal "${LCORE:-1}") -- --section "$name" "$@" \
		> "$log" 2>&1 &
	WPID=$!
}

# wait_for FILE PATTERN [tenths]: poll until FILE holds PATTERN.
wait_for() {
	local f=$1 pat=$2 n=${3:-300}
	for _ in $(seq "$n"); do
		grep -q -- "$pat" "$f" 2>/dev/null && return 0
		sleep 0.1
	done
	return 1
}

# tel CMD: one telemetry command against the primary, JSON on stdout.
tel() {
	/usr/bin/python3 "$QATSEC_SRC/test/mp/tel.py" "$PREFIX" "$@"
}

# san_preload [LIST]: what an uninstrumented DPDK app run by path must
# preload in devtools/run's sanitizer pass (QATSEC_SAN_PRELOAD: ASan must
# come first in a process that loads the instrumented PMD), then LIST.
san_preload() {
	local p=${QATSEC_SAN_PRELOAD:-}
	[ -z "${1:-}" ] || p=${p:+$p:}$1
	echo "$p"
}

# alive PID: running (a zombie, dead but not yet waited for, is not).
alive() {
	dr_alive "$1"
}

tap_end() {
	echo "1..$TAP_N"
	[ "$TAP_FAILED" -eq 0 ]
}
