#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Suite mp: the short version of devtools/chaos.sh (4 rounds of 3 s, the
# daemon stopped and started in the middle): killed holders' sections
# reclaimed within 1 s, survivors' traffic verified, no false reclaim,
# qatsecd's fds, RSS and hugepages do not grow; with kills during start-up
# (a kill inside EAL's memory init leaves DPDK's memory hotplug lock
# read-held, and qatsecd's start-up watch must give it back, else the
# survivors hang at exit: mp-startkill tests that alone).
set -uo pipefail
SRC=$(cd "$(dirname "$0")/../.." && pwd)
. "$SRC/devtools/lib/dpdk-run.sh"
if ! dr_hugepages_ok 1024; then
	echo "1..0 # SKIP no hugepages: $DR_HUGEPAGES_WHY"
	exit 77
fi
bash "$SRC/devtools/chaos.sh" "$1" 4 3 > /tmp/qatsec-mp-chaos.$$.log 2>&1
rc=$?
grep "^chaos:" /tmp/qatsec-mp-chaos.$$.log | sed 's/^/# /'
n=0
check() {
	n=$((n + 1))
	if grep -q "$1" /tmp/qatsec-mp-chaos.$$.log; then echo "ok $n - $2"; else echo "not ok $n - $2"; rc=1; fi
}
check "chaos: rounds 4 (+1 restart)" "4 rounds and a daemon restart ran"
check "false reclaims 0$" "no live holder was reclaimed"
! grep -q "chaos: FAIL:" /tmp/qatsec-mp-chaos.$$.log
r=$?
n=$((n + 1))
[ $r -eq 0 ] && echo "ok $n - every kill reclaimed within 1 s, every survivor verified, nothing in qatsecd grew" ||
	echo "not ok $n - $(grep 'chaos: FAIL:' /tmp/qatsec-mp-chaos.$$.log | head -3 | tr '\n' ' ')"
check "chaos: PASS" "chaos passes (rc $rc)"
rm -f /tmp/qatsec-mp-chaos.$$.log
echo "1..$n"
[ $rc -eq 0 ]
