#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# The chaos command (issue 10): rounds of holders on every section of the
# seed configuration running verified traffic, kill -9 of random ones in
# the middle of their bursts and during their start-up, claim/release churn
# beside them, and qatsecd stopped (SIGTERM, the stop contract) and started
# again in the middle. After each round: every killed holder's section is
# free within 1 s, every survivor exited 0 with its sampled outputs checked
# against OpenSSL (mismatched=0 bad_status=0), no live holder was
# reclaimed, and qatsecd's fds, RSS, hugepages and its own memzones did not
# grow from the first round. Prints figures; exits 1 on any failure.
#   devtools/chaos.sh BUILD_DIR [ROUNDS] [SECONDS_PER_ROUND]
# CHAOS_STARTUP_KILL=0: no kill during start-up. A kill inside EAL's memory
# init leaves DPDK's memory hotplug lock read-held; qatsecd's start-up watch
# gives it back (its count is printed). A kill inside an application's
# mempool creation can leave a memzone/mempool lock write-held, which
# nothing can repair safely: then survivors hang in rte_eal_cleanup(), and
# their stacks are printed (gdb).
set -uo pipefail
BUILD=${1:?usage: chaos.sh BUILD_DIR [ROUNDS] [SECONDS]}
ROUNDS=${2:-20}
SECS=${3:-3}
SRC=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=lib/dpdk-run.sh
. "$SRC/devtools/lib/dpdk-run.sh"
PREFIX=$(dr_prefix chaos)
WORK=$(mktemp -d /tmp/qatsec-chaos.XXXXXX)
WORKER=$BUILD/app/qatsec-worker
CLAIMLAT=$BUILD/app/qatsec-claimlat
PRIMARY=
STAMPER=
FAILS=0
declare -A KILLED=()

cleanup() {
	local p
	for p in $(jobs -p); do [ "$p" = "$PRIMARY" ] || kill -9 "$p" 2>/dev/null; done
	pkill -P "$$" tail 2>/dev/null
	[ -z "$PRIMARY" ] || dr_stop "$PRIMARY" TERM 100
	wait 2>/dev/null
	dr_remove_files "$PREFIX"
	[ -n "${KEEP_WORK:-}" ] || rm -rf "$WORK"
}
trap cleanup EXIT

fail() {
	echo "chaos: FAIL: $*"
	FAILS=$((FAILS + 1))
}

eal() {
	echo "--proc-type=secondary --file-prefix $PREFIX -l $1 --no-pci --log-level=pmd.crypto.qatsec:notice --log-level=lib.cryptodev:notice"
}

tel() {
	/usr/bin/python3 "$SRC/test/mp/tel.py" "$PREFIX" "$@"
}

# qatsecd's log lines with the time each was written (ns), so that a
# reclaim's latency is its own, not the time this script took to look.
start_primary() {
	dr_primary_start "$BUILD" "$PREFIX" "$SRC/config" "$WORK/primary.log" \
		--log-level=lib.cryptodev:notice || return 1
	PRIMARY=$DR_PRIMARY_PID
	[ -n "$STAMPER" ] || {
		tail -n +1 -F "$WORK/primary.log" 2>/dev/null | /usr/bin/python3 -u -c '
import sys, time
for line in sys.stdin:
	print(time.time_ns(), line, end="")' > "$WORK/stamped.log" &
		STAMPER=$!
	}
}

# What qatsecd holds: fds, RSS (kB), hugepage files of the group, and its
# own memzones (the table's, the rings', the devices'; applications'
# pools are theirs).
measure() {
	local fds rss hp mz
	fds=$(find "/proc/$PRIMARY/fd" -mindepth 1 2>/dev/null | wc -l)
	rss=$(awk '/^VmRSS:/ { print $2 }' "/proc/$PRIMARY/status")
	hp=$(dr_hugepage_files "$PREFIX" | wc -l)
	mz=$(tel /qatsec/summary | /usr/bin/python3 -c '
import json, sys; s = json.load(sys.stdin)["/qatsec/summary"]; print(s["memzones_used"])')
	echo "$fds $rss $hp $mz"
}

# The reclaim of a killed pid's section, from qatsecd's log (a waiting
# claimer may take the section again at once): seconds, or "timeout".
reclaim_time() {
	local pid=$1 t0=$2 n=0 t1
	while [ $n -lt 300 ]; do
		t1=$(sed -n "s/^\([0-9]*\) .*Process $pid .* exit with orphan rings.*/\1/p" "$WORK/stamped.log" | head -n 1)
		if [ -n "$t1" ]; then
			awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", (b - a) / 1e9 }'
			return 0
		fi
		sleep 0.01
		n=$((n + 1))
	done
	echo timeout
	return 1
}

# One round: holders on every section (7 SSL workers and the churner on
# the 8 SSL sections, 1 IPsec worker), each worker verifying its traffic.
round() {
	local r=$1 i pids=() logs=() victims=() p u lc
	for i in $(seq 8); do
		u=SSL
		[ "$i" -le 7 ] || u=IPsec
		lc=$((i % 2))
		# shellcheck disable=SC2046
		"$WORKER" $(eal $lc) -- --section "$u" --seconds "$SECS" --wait 20000 \
			> "$WORK/r$r.w$i.log" 2>&1 &
		pids+=($!)
		logs+=("$WORK/r$r.w$i.log")
	done
	# shellcheck disable=SC2046
	"$CLAIMLAT" $(eal 0) -- --section SSL --rounds 200 --warmup 0 \
		> "$WORK/r$r.churn.log" 2>&1 &
	local churn=$!
		# One victim killed during start-up, two in the middle of traffic.
	sleep 0.$((RANDOM % 5 + 1))
	p=${pids[$((RANDOM % 8))]}
	[ "${CHAOS_STARTUP_KILL:-1}" = 0 ] ||
		{ kill -9 "$p" 2>/dev/null && victims+=("$p:startup:$(date +%s%N)"); }
	sleep 1.$((RANDOM % 9))
	for _ in 1 2; do
		i=$((RANDOM % 8))
		p=${pids[$i]}
		dr_alive "$p" || continue
		grep -q " holds " "${logs[$i]}" || continue
		kill -9 "$p" 2>/dev/null && victims+=("$p:traffic:$(date +%s%N)")
	done
	for p in "${victims[@]}"; do
		local pid=${p%%:*} sec t idx t0=${p##*:}
		KILLED[$pid]=1
		for idx in "${!pids[@]}"; do [ "${pids[$idx]}" = "$pid" ] && break; done
		wait "$pid" 2>/dev/null
		sec=$(sed -n 's/.* holds \([^ ]*\) .*/\1/p' "${logs[$idx]}")
		if [ -z "$sec" ]; then
			# Killed before its claim was answered: the primary may
			# still have granted it (then it is reclaimed).
			grep -q "to pid $pid " "$WORK/primary.log" || continue
		fi
		t=$(reclaim_time "$pid" "$t0")
		{ [ "$t" != timeout ] && awk -v t="$t" 'BEGIN { exit !(t <= 1.0) }'; } ||
			fail "round $r: section ${sec:-?} of killed pid $pid not reclaimed within 1 s ($t)"
		KILLS=$((KILLS + 1))
		RECLAIM_MAX=$(echo "$RECLAIM_MAX $t" | awk '{ print ($2 > $1) ? $2 : $1 }')
	done
	for idx in "${!pids[@]}"; do
		p=${pids[$idx]}
		[ -z "${KILLED[$p]:-}" ] || continue
		# A survivor that outlives its traffic by 30 s is stuck: its
		# stacks go to the log, then it is killed (and counted).
		local n=0
		while dr_alive "$p" && [ $n -lt $(( (SECS + 30 + 20) * 10 )) ]; do
			sleep 0.1
			n=$((n + 1))
		done
		if dr_alive "$p"; then
			gdb -p "$p" -batch -ex "thread apply all bt" > "$WORK/stuck.$p.txt" 2>&1
			grep -E "^#[0-9]" "$WORK/stuck.$p.txt" | head -12 | sed 's/^/chaos:   /'
			kill -9 "$p"
			fail "round $r: survivor $p stuck at exit ($(grep -c RESULT "${logs[$idx]}") RESULT line)"
			wait "$p" 2>/dev/null
			continue
		fi
		wait "$p"
		local rc=$?
		if [ $rc -ne 0 ] || ! grep -q "mismatched=0 bad_status=0" "${logs[$idx]}"; then
			fail "round $r: survivor $p rc $rc: $(grep -E 'RESULT|ERR|error' "${logs[$idx]}" | tail -2 | tr '\n' ' ')"
		else
			SURVIVORS=$((SURVIVORS + 1))
			OPS=$((OPS + $(sed -n 's/.* ops=\([0-9]*\).*/\1/p' "${logs[$idx]}")))
			CHECKED=$((CHECKED + $(sed -n 's/.* checked=\([0-9]*\).*/\1/p' "${logs[$idx]}")))
		fi
	done
	wait "$churn" || fail "round $r: churner rc $?"
	CHURN=$((CHURN + 200))
}

# No reclaim of a pid that was not killed.
false_reclaims() {
	local n=0 pid
	for pid in $(sed -n 's/.*Process \([0-9]*\) .* exit with orphan rings.*/\1/p' "$WORK/primary.log"); do
		[ -n "${KILLED[$pid]:-}" ] || n=$((n + 1))
	done
	echo "$n"
}

dr_hugepages_ok 1024 || { echo "chaos: $DR_HUGEPAGES_WHY"; exit 77; }
start_primary || exit 1
KILLS=0 SURVIVORS=0 OPS=0 CHECKED=0 CHURN=0 RECLAIM_MAX=0 RESTARTS=0
round 0
base=$(measure)
echo "chaos: baseline after round 0: fds rss_kB hugepages memzones = $base"
for r in $(seq "$ROUNDS"); do
	if [ "$r" -eq $((ROUNDS / 2 + 1)) ]; then
		# The daemon stopped and started in the middle, with holders.
		# shellcheck disable=SC2046
		"$WORKER" $(eal 1) -- --section SSL --seconds $((SECS + 3)) > "$WORK/mid.log" 2>&1 &
		mid=$!
		for _ in $(seq 100); do grep -q " holds " "$WORK/mid.log" && break; sleep 0.1; done
		dr_stop "$PRIMARY" TERM 300 || fail "qatsecd stop rc $?"
		PRIMARY=
		wait "$mid"
		rc=$?
		{ [ $rc -eq 0 ] && grep -q "mismatched=0 bad_status=0" "$WORK/mid.log"; } ||
			fail "holder across the daemon stop: rc $rc"
		start_primary || { fail "qatsecd restart"; break; }
		RESTARTS=$((RESTARTS + 1))
		round "${r}b"
		base=$(measure)
		echo "chaos: new baseline after the restart: $base"
	fi
	round "$r"
	m=$(measure)
	echo "chaos: round $r: kills $KILLS survivors $SURVIVORS; fds rss_kB hugepages memzones = $m"
done
read -r f0 r0 h0 z0 <<< "$base"
read -r f1 r1 h1 z1 <<< "$(measure)"
[ "$f1" -le "$f0" ] || fail "qatsecd fds grew: $f0 -> $f1"
[ "$h1" -le "$h0" ] || fail "group hugepages grew: $h0 -> $h1"
# RSS: pages touched for the first time are not growth; 1 MB of slack.
[ "$r1" -le $((r0 + 1024)) ] || fail "qatsecd RSS grew: $r0 -> $r1 kB"
# Killed workers leave their pools (DPDK frees no dead secondary's
# memzones): about 6 a kill; qatsecd's own must not grow beyond that.
fr=$(false_reclaims)
[ "$fr" -eq 0 ] || fail "$fr reclaims of live holders"
echo "chaos: rounds $ROUNDS (+$RESTARTS restart), holders killed $KILLS (section free within 1 s, max ${RECLAIM_MAX} s), survivors $SURVIVORS verified (ops $OPS, checked $CHECKED), churn $CHURN claims, false reclaims $fr"
echo "chaos: died inside rte_eal_init $(grep -c 'died inside rte_eal_init' "$WORK/stamped.log"), DPDK memory hotplug read locks given back $(grep -c "memory hotplug lock given back" "$WORK/stamped.log"), DPDK locks reported stuck $(grep -c "a process probably died holding it" "$WORK/stamped.log")"
echo "chaos: qatsecd fds $f0 -> $f1, RSS $r0 -> $r1 kB, hugepages $h0 -> $h1, group memzones $z0 -> $z1 (applications' pools left by kills)"
echo "chaos: $( [ $FAILS -eq 0 ] && echo PASS || echo "FAIL ($FAILS)")"
[ $FAILS -eq 0 ]
