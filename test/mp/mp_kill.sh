#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Suite mp: kill -9 of a holder in the middle of its traffic. Its section
# is reclaimed (drained, rings reset) and claimable again within one
# second, a new process gets that very section and runs verified traffic
# on it, and another holder's verified traffic is not disturbed.
set -uo pipefail
QATSEC_BUILD=$1
QATSEC_TEST_NAME=kill
. "$(dirname "$0")/lib.sh"
require_hugepages

start_primary "$QATSEC_SRC/config" || { ok 1 "qatsecd starts"; tap_end; exit 1; }
LCORE=0 worker SSL "$WORK/a.log" --seconds 60
a=$WPID
wait_for "$WORK/a.log" "holds " 300
LCORE=1 worker SSL "$WORK/b.log" --seconds 6
b=$WPID
wait_for "$WORK/b.log" "holds " 300
sa=$(sed -n 's/.* holds \([^ ]*\) .*/\1/p' "$WORK/a.log")
sleep 1.5	# both in traffic
enq=$(tel /qatsec/endpoint,0 | /usr/bin/python3 -c '
import json, sys; print(json.load(sys.stdin)["/qatsec/endpoint"]["enqueued"])')
[ "${enq:-0}" -gt 0 ]
ok $? "traffic is flowing on endpoint 0 ($enq ops enqueued)"
kill -9 "$a"
wait "$a" 2>/dev/null
t=$(/usr/bin/python3 "$QATSEC_SRC/test/mp/tel.py" "$PREFIX" --until-free "$sa" 1.0)
ok $? "the killed holder's section $sa is free again within 1 s ($t s)"
grep -q "Process $a .* exit with orphan rings: section $sa reclaimed" "$WORK/primary.log"
ok $? "qatsecd logs the reclaim of pid $a"
LCORE=0 worker SSL "$WORK/c.log" --seconds 1
c=$WPID
wait "$c"
rc=$?
sc=$(sed -n 's/.* holds \([^ ]*\) .*/\1/p' "$WORK/c.log")
[ $rc -eq 0 ] && [ "$sc" = "$sa" ] && grep -q "mismatched=0 bad_status=0" "$WORK/c.log"
ok $? "a new process gets $sa and runs verified traffic on it (rc $rc, got '$sc')"
wait "$b"
rc=$?
[ $rc -eq 0 ] && grep -q "mismatched=0 bad_status=0" "$WORK/b.log" && grep -q "checked=[1-9]" "$WORK/b.log"
ok $? "the other holder's verified traffic was not disturbed (rc $rc)"
grep RESULT "$WORK/b.log" | sed 's/^/# /'
stop_primary
ok $? "qatsecd shuts down cleanly"
tap_end
