# SPDX-License-Identifier: BSD-3-Clause
# Shared by the multi-process tests (suite mp) and the demo: start a qatsecd
# primary on real hugepages under a private --file-prefix, run secondaries
# against it, query its telemetry, and always clean up (processes, hugepage
# files, runtime dir), whatever way the script ends.
# Callers set QATSEC_BUILD (the meson build dir) before sourcing.

: "${QATSEC_BUILD:?QATSEC_BUILD must point at the build directory}"
QATSEC_SRC=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
QATSECD=$QATSEC_BUILD/app/qatsecd
WORKER=$QATSEC_BUILD/app/qatsec-worker
PREFIX=qatsec_${QATSEC_TEST_NAME:-mp}_$$
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
	local free
	free=$(awk '/HugePages_Free/ {print $2}' /proc/meminfo)
	if [ "${free:-0}" -lt 256 ] || ! grep -qs hugetlbfs /proc/mounts; then
		echo "# SKIP: needs >= 256 free 2 MiB hugepages and hugetlbfs mounted (run devtools/setup.sh as root); free=${free:-0}" >&2
		echo "1..0 # SKIP no hugepages"
		exit 77
	fi
}

mp_cleanup() {
	local p
	for p in $(jobs -p); do
		[ "$p" = "$PRIMARY_PID" ] || kill -9 "$p" 2>/dev/null || true
	done
	if [ -n "$PRIMARY_PID" ]; then
		kill -TERM "$PRIMARY_PID" 2>/dev/null || true
		for _ in $(seq 50); do
			kill -0 "$PRIMARY_PID" 2>/dev/null || break
			sleep 0.1
		done
		kill -9 "$PRIMARY_PID" 2>/dev/null || true
	fi
	wait 2>/dev/null || true
	[ -n "${KEEP_WORK:-}" ] && cp -r "$WORK" /tmp/keep-$QATSEC_TEST_NAME
	rm -rf /dev/hugepages/"$PREFIX"* /var/run/dpdk/"$PREFIX" "$WORK"
}
trap mp_cleanup EXIT

# start_primary CONFIG_DIR [EAL args...]: qatsecd in the background; waits
# for "ready" (or fails with its log).
start_primary() {
	local conf=$1
	shift
	"$QATSECD" --file-prefix "$PREFIX" -l 0 --no-pci --log-level=lib.cryptodev:notice "$@" -- \
		--config-dir "$conf" > "$WORK/primary.log" 2>&1 &
	PRIMARY_PID=$!
	for _ in $(seq 300); do
		grep -q "qatsecd: ready" "$WORK/primary.log" && return 0
		kill -0 "$PRIMARY_PID" 2>/dev/null || break
		sleep 0.1
	done
	echo "# qatsecd did not become ready:" >&2
	sed 's/^/#   /' "$WORK/primary.log" >&2
	return 1
}

stop_primary() {
	kill -INT "$PRIMARY_PID"
	wait "$PRIMARY_PID"
	local rc=$?
	PRIMARY_PID=
	return $rc
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

# alive PID: running (a zombie, dead but not yet waited for, is not).
alive() {
	local st
	st=$(sed -n 's/.*) \(.\).*/\1/p' "/proc/$1/stat" 2>/dev/null)
	[ -n "$st" ] && [ "$st" != Z ] && [ "$st" != X ]
}

tap_end() {
	echo "1..$TAP_N"
	[ "$TAP_FAILED" -eq 0 ]
}
