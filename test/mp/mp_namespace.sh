#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Suite mp: holders in PID namespaces of their own, as in containers,
# with their own /proc (unshare --pid --fork --mount-proc) and seeing the
# host's (unshare --pid --fork). Each is pid 1 where it runs. It claims,
# runs verified traffic and is not reclaimed while it lives; telemetry
# names it by the primary's pid of it; a second holder is never handed its
# section; after kill -9 its section is free within 1 s and the next
# claimer gets that very section.
set -uo pipefail
. "$(dirname "$0")/lib.sh" namespace "$1"
require_hugepages
if ! unshare --pid --fork true 2>/dev/null; then
	echo "# cannot create PID namespaces here (unshare --pid needs root)" >&2
	ok 1 "unshare --pid works on this machine"
	tap_end
	exit 1
fi

start_seed_primary

# holder_in_ns MODE LOG [worker args]: a worker in a PID namespace of its
# own; NS_PID is the unshare process, HOLDER its child, the worker.
holder_in_ns() {
	local mode=$1 log=$2 args=(--pid --fork)
	shift 2
	[ "$mode" = own-proc ] && args+=(--mount-proc)
	# shellcheck disable=SC2046
	unshare "${args[@]}" "$WORKER" $(secondary_eal 1) -- --section SSL "$@" \
		> "$log" 2>&1 &
	NS_PID=$!
	HOLDER=
	wait_for "$log" "holds " 300 || return 1
	HOLDER=$(pgrep -P "$NS_PID" | head -n 1)
	[ -n "$HOLDER" ]
}

owner_of() {
	tel "/qatsec/section,$1" | /usr/bin/python3 -c '
import json, sys; print(json.load(sys.stdin)["/qatsec/section"]["owner_pid"])'
}

for mode in own-proc host-proc; do
	holder_in_ns "$mode" "$WORK/$mode.log" --seconds 3
	ok $? "$mode: a holder in its own PID namespace claims a section" ||
		sed 's/^/#   /' "$WORK/$mode.log"
	sec=$(sed -n 's/.* holds \([^ ]*\) .*/\1/p' "$WORK/$mode.log")
	grep -q "pid 1 holds $sec" "$WORK/$mode.log"
	ok $? "$mode: it is pid 1 in its namespace"
	[ "$(owner_of "$sec")" = "$HOLDER" ]
	ok $? "$mode: telemetry names it by the host's pid $HOLDER"
	# Another claimer meanwhile must get another section.
	LCORE=0 worker SSL "$WORK/$mode-other.log" --seconds 0
	wait "$WPID"
	other=$(sed -n 's/.* holds \([^ ]*\) .*/\1/p' "$WORK/$mode-other.log")
	[ -n "$other" ] && [ "$other" != "$sec" ]
	ok $? "$mode: a second claimer gets another section ($other)"
	wait "$NS_PID"
	rc=$?
	[ $rc -eq 0 ] && grep -q "mismatched=0 bad_status=0" "$WORK/$mode.log"
	ok $? "$mode: its verified traffic ran to the end (rc $rc)"
	! grep -q "Process $HOLDER .*orphan rings" "$WORK/primary.log"
	ok $? "$mode: its section was never reclaimed while it lived"

	holder_in_ns "$mode" "$WORK/$mode-kill.log" --seconds 60
	ok $? "$mode: a second namespaced holder claims"
	sec=$(sed -n 's/.* holds \([^ ]*\) .*/\1/p' "$WORK/$mode-kill.log")
	sleep 0.5
	kill -9 "$HOLDER"
	wait "$NS_PID" 2>/dev/null
	t=$(/usr/bin/python3 "$QATSEC_SRC/test/mp/tel.py" "$PREFIX" --until-free "$sec" 1.0)
	ok $? "$mode: after kill -9 its section $sec is free within 1 s ($t s)"
	grep -q "Process $HOLDER .* exit with orphan rings: section $sec reclaimed" "$WORK/primary.log"
	ok $? "$mode: qatsecd logs the reclaim of pid $HOLDER"
	LCORE=0 worker SSL "$WORK/$mode-next.log" --seconds 0
	wait "$WPID"
	grep -q "holds $sec " "$WORK/$mode-next.log"
	ok $? "$mode: the next claimer gets $sec"
done

stop_primary
ok $? "qatsecd shuts down cleanly"
tap_end
