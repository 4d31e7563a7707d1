#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Suite mp: kill -9 of secondaries during their start-up. One inside
# rte_eal_init()'s memory init leaves DPDK's memory hotplug lock read-held
# for ever (DPDK 22.11 keeps it in a plain shared word), and then every
# process of the group spins in rte_eal_cleanup() at its exit. qatsecd's
# start-up watch must give the dead reader's lock back: secondaries are
# killed at random moments of their start-up until at least two kills hit
# the lock's window; after each kill the lock word is 0 again within 3 s,
# a holder started before the kills exits 0 with verified traffic, a new
# secondary starts, holds and exits 0, and qatsecd stops on SIGTERM without
# hanging. The telemetry counters say how many kills hit the window.
set -uo pipefail
. "$(dirname "$0")/lib.sh" startkill "$1"
require_hugepages

start_seed_primary
summary() {
	tel /qatsec/summary | /usr/bin/python3 -c '
import json, sys
s = json.load(sys.stdin)["/qatsec/summary"]
print(s["startup_watch"], s["died_starting"], s["eal_readers_released"], s["eal_hotplug_lock"])'
}
read -r active _ <<<"$(summary)"
[ "$active" = 1 ]
ok $? "qatsecd's start-up watch is on (startup_watch=$active)"

LCORE=0 worker IPSec "$WORK/survivor.log" --seconds 600
survivor=$WPID
wait_for "$WORK/survivor.log" "holds " 300
ok $? "a holder runs verified traffic through the kills"

# Kills at random moments of a start-up: 5..80 ms after exec covers EAL's
# argument parsing, memory init (the lock's window) and the probe.
tries=0 stuck_after=0 hits=0 died=0
while [ $tries -lt 300 ] && [ "$hits" -lt 2 ]; do
	tries=$((tries + 1))
	LCORE=1 worker SSL "$WORK/k.log" --seconds 1
	sleep "$(printf '0.%03d' $((RANDOM % 76 + 5)))"
	kill -9 "$WPID" 2>/dev/null
	wait "$WPID" 2>/dev/null
	n=0
	while :; do
		read -r _ died hits word <<<"$(summary)"
		[ "$word" = 0 ] && break
		n=$((n + 1))
		[ $n -lt 30 ] || { stuck_after=$((stuck_after + 1)); break; }
		sleep 0.1
	done
done
echo "# $tries kills, $died inside a start-up, $hits inside the memory hotplug lock's window"
[ "$hits" -ge 2 ]
ok $? "kills hit the lock's window and the watch gave the lock back ($hits times in $tries kills)"
[ "$stuck_after" -eq 0 ]
ok $? "after every kill the memory hotplug lock is free again within 3 s ($stuck_after times not)"
grep -q "read lock(s) of DPDK's memory hotplug lock given back" "$WORK/primary.log"
ok $? "qatsecd logs each lock it gave back"

LCORE=1 worker SSL "$WORK/new.log" --seconds 1
new=$WPID
n=0
while alive "$new" && [ $n -lt 150 ]; do sleep 0.1; n=$((n + 1)); done
alive "$new" && kill -9 "$new"
wait "$new"
rc=$?
[ $rc -eq 0 ] && grep -q "mismatched=0 bad_status=0" "$WORK/new.log"
ok $? "a new secondary starts, holds, runs verified traffic and exits within 15 s (rc $rc)"

kill -INT "$survivor"
n=0
while alive "$survivor" && [ $n -lt 150 ]; do sleep 0.1; n=$((n + 1)); done
alive "$survivor" && { gdb -p "$survivor" -batch -ex bt 2>/dev/null | grep '^#' | sed 's/^/# /'; kill -9 "$survivor"; }
wait "$survivor"
rc=$?
[ $rc -eq 0 ] && grep -q "mismatched=0 bad_status=0" "$WORK/survivor.log" &&
	grep -q "checked=[1-9]" "$WORK/survivor.log"
ok $? "the holder that ran through the kills exits 0 (no hang in rte_eal_cleanup) with verified traffic (rc $rc)"

pid=$PRIMARY_PID
PRIMARY_PID=
kill -TERM "$pid"
n=0
while alive "$pid" && [ $n -lt 150 ]; do sleep 0.1; n=$((n + 1)); done
hung=0
alive "$pid" && { hung=1; kill -9 "$pid"; }
wait "$pid" 2>/dev/null
rc=$?
[ $hung -eq 0 ] && [ $rc -eq 0 ]
ok $? "qatsecd stops on SIGTERM within 15 s and exits 0 (rc $rc)"
tap_end
