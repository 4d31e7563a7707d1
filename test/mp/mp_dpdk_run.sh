#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Suite mp: devtools/lib/dpdk-run.sh, the rules every DPDK run of the tests
# and devtools follows. Prefixes: no run's is the beginning of another's.
# Clean-up removes exactly its run's hugepage files and runtime dir, and
# nothing for a prefix that breaks the rule. The free-hugepage check says
# what is missing. Stopping: a child's exit status, SIGKILL after the grace
# time. The primary start reports a qatsecd that exits before "ready".
set -uo pipefail
. "$(dirname "$0")/lib.sh" dpdk_run "$1"
require_hugepages

# files PREFIX: make a hugepage file and a runtime dir as EAL would.
files() {
	local d
	d=$(dr_hugedirs | head -1)
	touch "$d/${1}map_0" && mkdir -p "$DR_RUN_DIR/$1" && touch "$DR_RUN_DIR/$1/config"
}
# has PREFIX: both are there.
has() {
	[ -n "$(dr_hugepage_files "$1")" ] && [ -e "$DR_RUN_DIR/$1/config" ]
}

mine=$(dr_prefix a)
other=$(bash -c '. "$1"; dr_prefix a' _ "$QATSEC_SRC/devtools/lib/dpdk-run.sh")
dr_is_ours "$mine" && dr_is_ours "$other" && [ "$mine" != "$other" ] &&
	[[ $other != "$mine"* ]] && [[ $mine != "$other"* ]]
ok $? "prefixes of two runs follow the rule and neither begins the other ($mine, $other)"
dr_prefix a-1 >/dev/null 2>&1
[ $? -eq 2 ]
ok $? "a run name with a separator in it is refused"

files "$mine" && files "$other"
dr_remove_files "$mine"
! has "$mine" && has "$other"
ok $? "clean-up removes its run's files and leaves another run's"
bad=0
for p in "" qatsec qatsec- "qatsec-*" qatsec_a_1_ "${other%-}" "$other/../x"; do
	dr_remove_files "$p" 2>/dev/null && bad=$((bad + 1))
done
has "$other" && [ $bad -eq 0 ]
ok $? "clean-up refuses every prefix off the rule and removes nothing ($bad accepted)"
dr_remove_files "$other"

! dr_hugepages_ok 999999999 && [[ $DR_HUGEPAGES_WHY == *"MB of free hugepages needed"* ]]
ok $? "the free-hugepage check says what is missing ($DR_HUGEPAGES_WHY)"

# The children get time to exec: a shell forked an instant ago and killed
# by SIGTERM before its exec would run this script's EXIT trap.
sleep 30 &
sleep 0.3
dr_stop $! TERM
[ $? -eq 143 ]
ok $? "stopping a child returns its exit status (SIGTERM: 143)"
bash -c 'trap "" TERM; sleep 30 & wait' >/dev/null 2>&1 &
sleep 0.3
t0=$(date +%s%N)
dr_stop $! TERM 5
rc=$?
ms=$(( ($(date +%s%N) - t0) / 1000000 ))
[ $rc -eq 137 ] && [ $ms -lt 3000 ]
ok $? "a child that ignores SIGTERM is killed after the grace time (rc $rc, $ms ms)"

p=$(dr_prefix a)
dr_primary_start "$QATSEC_BUILD" "$p" /nonexistent/config "$WORK/bad.log" 2>"$WORK/bad.err"
rc=$?
dr_remove_files "$p"
[ $rc -eq 1 ] && [ -z "$DR_PRIMARY_PID" ] && grep -q "exited before it was ready" "$WORK/bad.err"
ok $? "a qatsecd that exits before it is ready fails the start, with its log"
tap_end
