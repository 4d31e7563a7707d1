#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Suite mp: qatsecd as a long-running service (issue 10, items 6, 7, 8,
# 10). A config directory whose path devargs cannot carry is refused, not
# served cut short. Claim/release churn does not flood the log (a burst is
# logged, then counted), and /qatsec/summary counts every claim and release
# exactly. The summary and qatsec-ctl show memzone use. The group's memory
# is reserved at start (--socket-mem/--socket-limit): an application's
# allocation that would need the heap to grow fails cleanly instead, and
# qatsecd does not grow.
set -uo pipefail
. "$(dirname "$0")/lib.sh" service "$1"
require_hugepages
CLAIMLAT=$QATSEC_BUILD/app/qatsec-claimlat

# Item 6: 'DIR/x,numa_node=0' exists as a directory, and so does DIR/x.
mkdir -p "$WORK/x" "$WORK/x,numa_node=0"
cp "$QATSEC_SRC"/config/*.conf "$WORK/x/"
cp "$QATSEC_SRC"/config/*.conf "$WORK/x,numa_node=0/"
"$QATSEC_BUILD/app/qatsecd" --file-prefix "$PREFIX" -l 0 --no-pci -- \
	--config-dir "$WORK/x,numa_node=0" > "$WORK/comma.log" 2>&1 &
qp=$!
for _ in $(seq 100); do alive $qp || break; sleep 0.1; done
if alive $qp; then kill -9 $qp; fi
wait $qp
rc=$?
[ $rc -eq 1 ] && grep -q "cannot be passed to the PMD" "$WORK/comma.log" &&
	! grep -q "qatsecd: ready" "$WORK/comma.log"
ok $? "qatsecd refuses --config-dir 'DIR/x,numa_node=0' instead of serving DIR/x (rc $rc)"
sed -n 's/^qatsecd: /# /p' "$WORK/comma.log" | head -2
dr_remove_files "$PREFIX"

start_seed_primary
# Item 7: the group's memory is reserved at start, growth is refused.
hp0=$(dr_hugepage_files "$PREFIX" | wc -l)
[ "$hp0" -ge 256 ]
ok $? "qatsecd reserves the group's memory at start ($hp0 hugepages of its prefix)"
# A stopped secondary, and another asking for more than the group has:
# refused, no growth (whose rollback, with a stopped peer, crashes 22.11's
# primary), qatsecd alive.
LCORE=1 worker SSL "$WORK/stopped.log" --seconds 0 --hold 60
st=$WPID
wait_for "$WORK/stopped.log" "holds " 300
kill -STOP "$st"
# shellcheck disable=SC2046
"$QATSEC_BUILD/test/mp_alloc" $(secondary_eal 0) -- 700 > "$WORK/alloc.log" 2>&1
rc=$?
hp1=$(dr_hugepage_files "$PREFIX" | wc -l)
[ $rc -eq 1 ] && grep -q "^refused 700" "$WORK/alloc.log" && alive "$PRIMARY_PID" &&
	[ "$hp1" -eq "$hp0" ]
ok $? "with a secondary stopped, a 700 MB request is refused, the heap does not grow ($hp0 -> $hp1 pages), qatsecd lives (rc $rc)"
# shellcheck disable=SC2046
"$QATSEC_BUILD/test/mp_alloc" $(secondary_eal 0) -- 64 > "$WORK/alloc2.log" 2>&1
rc=$?
[ $rc -eq 0 ] && grep -q "^reserved 64" "$WORK/alloc2.log" && alive "$PRIMARY_PID"
ok $? "a request that fits the reservation is served (rc $rc)"
kill -CONT "$st"
kill -TERM "$st"
wait "$st"
ok $? "the stopped secondary continues and exits cleanly"

# Item 10: churn, 2 x 600 claims and releases.
sleep 1
churners=()
for r in 1 2; do
	# shellcheck disable=SC2046
	"$CLAIMLAT" $(secondary_eal $((r - 1))) -- --section SSL --rounds 600 --warmup 0 \
		> "$WORK/churn$r.log" 2>&1 &
	churners+=($!)
done
crc=0
for p in "${churners[@]}"; do wait "$p" || crc=$?; done
ok $crc "two processes claim and release 600 times each (rc $crc)"
grep -h "what=roundtrip" "$WORK"/churn*.log | sed 's/^/# /'
n_claim=$(grep -c "claim: section" "$WORK/primary.log")
n_rel=$(grep -c "release: section" "$WORK/primary.log")
sum=$(tel /qatsec/summary)
echo "# summary: $sum"
claims=$(echo "$sum" | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["/qatsec/summary"]["claims"])')
rels=$(echo "$sum" | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["/qatsec/summary"]["releases"])')
supp=$(echo "$sum" | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["/qatsec/summary"]["log_lines_suppressed"])')
[ "$claims" -ge 1200 ] && [ "$rels" -ge 1200 ]
ok $? "/qatsec/summary counts every claim and release ($claims claims, $rels releases of 1200)"
[ $((n_claim + n_rel)) -lt 400 ] && [ $((n_claim + n_rel + supp)) -eq $((claims + rels)) ]
ok $? "the log holds $n_claim claim and $n_rel release lines, $supp counted, not logged"
grep -q "claim and release lines not logged in the last" "$WORK/primary.log" || {
	# The summary line comes with the next event after a window.
	sleep 10
	LCORE=1 worker SSL "$WORK/one.log" --seconds 0
	wait "$WPID"
}
grep -q "claim and release lines not logged in the last 10 s" "$WORK/primary.log"
ok $? "the log says how many lines it did not write"
grep "not logged" "$WORK/primary.log" | head -2 | sed 's/^/# /'

# Item 8: memzone use, in telemetry and qatsec-ctl.
mz=$(echo "$sum" | /usr/bin/python3 -c 'import json,sys; s=json.load(sys.stdin)["/qatsec/summary"]; print(s["memzones_used"], s["memzones_max"])')
set -- $mz
[ "$1" -gt 0 ] && [ "$2" -ge 2560 ]
ok $? "/qatsec/summary shows memzone use ($1 of $2)"
"$QATSEC_BUILD/app/qatsec-ctl" status --file-prefix "$PREFIX" > "$WORK/ctl.log" 2>&1
grep -q "memzones [0-9]* of $2" "$WORK/ctl.log" && grep -q "claims [0-9]*" "$WORK/ctl.log"
ok $? "qatsec-ctl status shows memzone use and claim counts"
grep "memzones" "$WORK/ctl.log" | sed 's/^/# /'

# Item 8: killed applications' pools pile up to the warning; the operator
# frees them (qatsec-ctl free-mempool) while a holder's traffic goes on.
LCORE=1 worker SSL "$WORK/live.log" --seconds 25
live=$WPID
wait_for "$WORK/live.log" "holds " 300
# shellcheck disable=SC2046
"$QATSEC_BUILD/test/mp_alloc" $(secondary_eal 0) -- pools 720 > "$WORK/leak.log" 2>&1 &
leak=$!
wait_for "$WORK/leak.log" "^pools" 1200
kill -9 "$leak"
wait "$leak" 2>/dev/null
grep "^pool" "$WORK/leak.log" | sed 's/^/# /'
wait_for "$WORK/primary.log" "warning: [0-9]* of 2560 memzones in use" 50
ok $? "qatsecd warns before memzone exhaustion"
grep "memzones in use" "$WORK/primary.log" | head -1 | sed 's/^/# /'
"$QATSEC_BUILD/app/qatsec-ctl" status --file-prefix "$PREFIX" > "$WORK/ctl2.log" 2>&1
grep -q "warning: memzones near DPDK's limit" "$WORK/ctl2.log"
ok $? "qatsec-ctl status warns too ($(grep -o 'memzones [0-9]* of [0-9]* ([0-9]*%)' "$WORK/ctl2.log"))"
"$QATSEC_BUILD/app/qatsec-ctl" memzones --file-prefix "$PREFIX" > "$WORK/mz.log" 2>&1
[ "$(grep -c "^  lk${leak}_" "$WORK/mz.log")" -ge 700 ]
ok $? "qatsec-ctl memzones names the pools the killed application left ($(head -1 "$WORK/mz.log"))"
# The way out without stopping the live holder: a new group takes over.
# The old qatsecd stops (its holder keeps running on the old group's
# memory), a new qatsecd starts under another prefix, new applications go
# there; the old group's memory goes with its last process.
kill -TERM "$PRIMARY_PID"
wait "$PRIMARY_PID"
rc=$?
PRIMARY_PID=
grep -q "memory is left to them" "$WORK/primary.log" && [ $rc -eq 0 ]
ok $? "the old qatsecd stops, leaving its group's memory to the live holder (rc $rc)"
OLD=$PREFIX
PREFIX=$(dr_prefix mp_service2)
start_primary "$QATSEC_SRC/config"
ok $? "a new qatsecd starts beside it under another prefix"
LCORE=0 worker SSL "$WORK/new.log" --seconds 2
wait "$WPID"
rc=$?
[ $rc -eq 0 ] && grep -q "mismatched=0 bad_status=0" "$WORK/new.log"
ok $? "a new application runs verified traffic in the new group (rc $rc)"
alive "$live"
ok $? "the old group's holder still runs"
wait "$live"
rc=$?
[ $rc -eq 0 ] && grep -q "mismatched=0 bad_status=0" "$WORK/live.log"
ok $? "the old group's holder finished its traffic verified (rc $rc)"
dr_remove_files "$OLD"

stop_primary
ok $? "qatsecd shuts down cleanly"
tap_end
