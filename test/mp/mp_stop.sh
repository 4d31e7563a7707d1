#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Suite mp: the stop contract (issue 10, items 1 and 9). SIGTERM to
# qatsecd while an unmodified holder runs verified traffic and an aware
# holder waits for the stop callback: claims are refused during the grace
# period, the aware holder is told and releases, qatsecd exits at
# --stop-timeout without freeing the memory the other holder maps, and
# that holder finishes its traffic, verified. Then: a second signal forces
# the stop; a holder killed during the grace period is reclaimed and
# qatsecd exits at once; a holder SIGSTOPped through the whole stop
# survives when continued; kill -9 of qatsecd: a new one says which pids
# still map the group, and starts once they have exited.
set -uo pipefail
. "$(dirname "$0")/lib.sh" stop "$1"
require_hugepages
STOPCB=$QATSEC_BUILD/test/mp_stopcb

# stop_and_time SIGNAL: TERM the primary, wait for it; sets RC and SECS.
stop_and_wait() {
	local t0 t1
	t0=$(date +%s%N)
	kill -"$1" "$PRIMARY_PID"
	wait "$PRIMARY_PID"
	RC=$?
	t1=$(date +%s%N)
	SECS=$(( (t1 - t0) / 1000000 ))
	PRIMARY_PID=
}

DR_PRIMARY_ARGS="--stop-timeout 4" start_seed_primary
LCORE=0 worker SSL "$WORK/a.log" --seconds 14
a=$WPID
# shellcheck disable=SC2046
"$STOPCB" $(secondary_eal 1) -- IPsec 30 > "$WORK/cb.log" 2>&1 &
cb=$!
wait_for "$WORK/a.log" "holds " 300 && wait_for "$WORK/cb.log" "^holds " 300
ok $? "an unmodified holder (traffic) and an aware holder (stop callback) hold sections"
grep -q "registered rc=0 stopping=0" "$WORK/cb.log"
ok $? "the stop callback registers; the service is not stopping"
sleep 2
kill -TERM "$PRIMARY_PID"
wait_for "$WORK/primary.log" "stopping: claims refused" 50
LCORE=1 worker SSL "$WORK/late.log" --seconds 0
wait "$WPID"
rc=$?
[ $rc -ne 0 ] && grep -q "primary is stopping" "$WORK/late.log" &&
	grep -q "refused: the primary is stopping" "$WORK/primary.log"
ok $? "a claim during the grace period is refused, saying why (rc $rc)"
wait "$cb"
rc=$?
[ $rc -eq 0 ] && grep -q "^stopping=1 ms_left=[0-9]" "$WORK/cb.log" &&
	grep -q "released rc=0" "$WORK/cb.log"
ok $? "the aware holder got the stop callback and released (rc $rc: $(grep stopping= "$WORK/cb.log" | tail -1))"
t0=$(date +%s%N)
wait "$PRIMARY_PID"
rc=$?
PRIMARY_PID=
grep -q "stop timeout reached with 1 sections still held" "$WORK/primary.log" &&
	grep -q "memory is left to them" "$WORK/primary.log" && [ $rc -eq 0 ]
ok $? "qatsecd exits at --stop-timeout, leaving the memory to the live holder (rc $rc)"
grep -E "^qatsecd: (stop|exiting|second)" "$WORK/primary.log" | sed 's/^/# /'
alive "$a"
ok $? "the holder still runs after qatsecd exited"
wait "$a"
rc=$?
[ $rc -eq 0 ] && grep -q "mismatched=0 bad_status=0" "$WORK/a.log" &&
	grep -q "checked=[1-9]" "$WORK/a.log"
ok $? "the holder finishes its traffic, verified, after qatsecd is gone (rc $rc; 139 was the crash)"
grep RESULT "$WORK/a.log" | sed 's/^/# /'

# The group restarts once its old processes are gone.
DR_PRIMARY_ARGS="--stop-timeout 60" start_primary "$QATSEC_SRC/config"
ok $? "a new qatsecd starts on the same prefix once the old holders exited"

# A second signal forces the stop; the holder survives it too.
LCORE=0 worker SSL "$WORK/b.log" --seconds 8
b=$WPID
wait_for "$WORK/b.log" "holds " 300
kill -TERM "$PRIMARY_PID"
wait_for "$WORK/primary.log" "waiting up to 60 s" 50
sleep 0.5
stop_and_wait TERM
[ $RC -eq 0 ] && [ $SECS -lt 5000 ] && grep -q "second signal: forced stop" "$WORK/primary.log"
ok $? "a second signal ends the wait (rc $RC, ${SECS} ms after it)"
wait "$b"
rc=$?
[ $rc -eq 0 ] && grep -q "mismatched=0 bad_status=0" "$WORK/b.log"
ok $? "the holder survives the forced stop, traffic verified (rc $rc)"

# A holder that dies during the grace period: reclaimed, and qatsecd
# exits then, cleanly (nothing left held: EAL down, files removed).
DR_PRIMARY_ARGS="--stop-timeout 60" start_primary "$QATSEC_SRC/config"
LCORE=0 worker SSL "$WORK/c.log" --seconds 30
c=$WPID
wait_for "$WORK/c.log" "holds " 300
sc=$(sed -n 's/.* holds \([^ ]*\) .*/\1/p' "$WORK/c.log")
pp=$PRIMARY_PID
kill -TERM "$pp"
wait_for "$WORK/primary.log" "waiting up to 60 s" 50
kill -9 "$c"
wait "$c" 2>/dev/null
t0=$(date +%s%N)
wait "$pp"
rc=$?
PRIMARY_PID=
ms=$(( ($(date +%s%N) - t0) / 1000000 ))
[ $rc -eq 0 ] && [ $ms -lt 5000 ] &&
	grep -q "Process $c .* exit with orphan rings: section $sc reclaimed" "$WORK/primary.log" &&
	[ -z "$(dr_hugepage_files "$PREFIX")" ]
ok $? "a holder killed during the grace period is reclaimed and qatsecd exits at once, its files removed (rc $rc, $ms ms)"

# A holder stopped for the whole grace period survives when continued.
DR_PRIMARY_ARGS="--stop-timeout 1" start_primary "$QATSEC_SRC/config"
LCORE=0 worker SSL "$WORK/d.log" --seconds 6
d=$WPID
wait_for "$WORK/d.log" "holds " 300
sleep 1
kill -STOP "$d"
stop_and_wait TERM
[ $RC -eq 0 ]
ok $? "qatsecd exits after its grace period with a SIGSTOPped holder (rc $RC, $SECS ms)"
kill -CONT "$d"
wait "$d"
rc=$?
[ $rc -eq 0 ] && grep -q "mismatched=0 bad_status=0" "$WORK/d.log"
ok $? "the stopped holder, continued, finishes its traffic verified (rc $rc)"

# Item 9: kill -9 of qatsecd. A new one cannot start while the old
# group's processes run; it names them and says what to do.
start_primary "$QATSEC_SRC/config"
LCORE=0 worker SSL "$WORK/e.log" --seconds 0 --hold 60
e=$WPID
wait_for "$WORK/e.log" "holds " 300
kill -9 "$PRIMARY_PID"
wait "$PRIMARY_PID" 2>/dev/null
PRIMARY_PID=
DR_READY_TENTHS=100 start_primary "$QATSEC_SRC/config" 2> "$WORK/restart.err"
rc=$?
[ $rc -ne 0 ] && grep -q "processes still map group '$PREFIX'.*$e (qatsec-worker)" "$WORK/primary.log" &&
	grep -q "can start only once they have all exited" "$WORK/primary.log"
ok $? "after kill -9, a new qatsecd refuses to start and names the holder $e"
grep "still map group" "$WORK/primary.log" | sed 's/^/# /'
kill -TERM "$e"
wait "$e"
rc=$?
ok $rc "the holder of the killed qatsecd exits cleanly (rc $rc)"
start_primary "$QATSEC_SRC/config"
ok $? "once it has exited, a new qatsecd starts"
stop_primary
ok $? "qatsecd shuts down cleanly"

# Any primary that loads the PMD: rte_eal_cleanup() with a holder in
# traffic leaves the table, devices and rings to it (the PMD's remove).
# It takes the EAL words and environment every primary of the run takes
# (devtools/run's sanitizer pass: without its --base-virtaddr, an ASan
# secondary cannot always map the primary's memory).
dr_remove_files "$PREFIX"
# shellcheck disable=SC2086
env ${DR_PRIMARY_ENV:-} LD_LIBRARY_PATH=$QATSEC_BUILD/drivers/crypto/qatsec \
	"$QATSEC_BUILD/test/mp_primary" \
	--file-prefix "$PREFIX" -l 0 --no-pci ${DR_PRIMARY_EAL:-} -d librte_crypto_qatsec.so \
	--vdev "crypto_qatsec,conf_dir=$QATSEC_SRC/config" > "$WORK/plain.log" 2>&1 &
pp=$!
wait_for "$WORK/plain.log" "qatsecd: ready" 300
ok $? "a plain primary (DPDK app loading the PMD) is ready"
LCORE=1 worker SSL "$WORK/f.log" --seconds 6
f=$WPID
wait_for "$WORK/f.log" "holds " 300
ok $? "a holder claims a section from it"
sleep 1
kill -TERM "$pp"
wait "$pp"
rc=$?
[ $rc -eq 0 ] && grep -q "1 sections still held by live processes: their devices, table and rings are left in place" "$WORK/plain.log"
ok $? "a plain primary's rte_eal_cleanup() keeps what the holder uses (rc $rc)"
wait "$f"
rc=$?
[ $rc -eq 0 ] && grep -q "mismatched=0 bad_status=0" "$WORK/f.log"
ok $? "its holder finishes its traffic verified (rc $rc)"
tap_end
