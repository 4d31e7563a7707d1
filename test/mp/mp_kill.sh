#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Suite mp: kill -9 of a holder in the middle of its traffic. Its section
# is reclaimed (drained, rings reset) and claimable again within one
# second, a new process gets that very section and runs verified traffic
# on it, and another holder's verified traffic is not disturbed. Then pid
# reuse: a holder is killed while qatsecd is stopped and a new process is
# given its pid (kernel.ns_last_pid); the section must still be reclaimed.
# And a stopped holder does not delay the reclaim of another's section.
set -uo pipefail
. "$(dirname "$0")/lib.sh" kill "$1"
require_hugepages

start_seed_primary
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

# A holder stopped (as in a debugger) must not delay the reclaim of
# another's section: reclaiming frees no memory, so the primary waits on
# no peer.
LCORE=0 worker SSL "$WORK/e.log" --seconds 60
e=$WPID
LCORE=1 worker SSL "$WORK/f.log" --seconds 0 --hold 60
f=$WPID
wait_for "$WORK/e.log" "holds " 300 && wait_for "$WORK/f.log" "holds " 300
se=$(sed -n 's/.* holds \([^ ]*\) .*/\1/p' "$WORK/e.log")
kill -STOP "$f"
kill -9 "$e"
wait "$e" 2>/dev/null
t=$(/usr/bin/python3 "$QATSEC_SRC/test/mp/tel.py" "$PREFIX" --until-free "$se" 1.0)
ok $? "with another holder stopped, the killed holder's $se is free within 1 s ($t s)"
kill -CONT "$f"
kill -TERM "$f"
wait "$f"
ok $? "the stopped holder resumes and exits cleanly"

# Pid reuse. qatsecd is stopped so that its reaper cannot run between the
# holder's death and the pid being taken again.
LCORE=0 worker SSL "$WORK/d.log" --seconds 60
d=$WPID
wait_for "$WORK/d.log" "holds " 300
sd=$(sed -n 's/.* holds \([^ ]*\) .*/\1/p' "$WORK/d.log")
kill -STOP "$PRIMARY_PID"
kill -9 "$d"
wait "$d" 2>/dev/null
impostor=
for _ in $(seq 20); do
	# echo is a builtin: the next fork of the machine is sleep's.
	echo $((d - 1)) 2>/dev/null > /proc/sys/kernel/ns_last_pid || break
	sleep 30 &
	[ "$!" = "$d" ] && { impostor=$!; break; }
	kill "$!" 2>/dev/null
done
kill -CONT "$PRIMARY_PID"
if [ -z "$impostor" ]; then
	echo "# cannot give pid $d to a new process (kernel.ns_last_pid not writable, or raced): pid reuse NOT tested" >&2
	ok 1 "a process took the dead holder's pid $d (needs root and kernel.ns_last_pid)"
else
	alive "$d"
	ok $? "pid $d of the killed holder of $sd now belongs to a live process ($(cat /proc/$d/comm))"
	t=$(/usr/bin/python3 "$QATSEC_SRC/test/mp/tel.py" "$PREFIX" --until-free "$sd" 1.0)
	ok $? "the reused pid does not keep $sd held: free again within 1 s of qatsecd resuming ($t s)"
	kill "$impostor" 2>/dev/null
	wait "$impostor" 2>/dev/null
fi
stop_primary
ok $? "qatsecd shuts down cleanly"
tap_end
