#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Suite mp: ownership. While a worker runs verified traffic on its section,
# another secondary (mp_foreign) is refused configure/setup/start/close of
# that device and exercises the claim API; the holder is not disturbed.
set -uo pipefail
. "$(dirname "$0")/lib.sh" foreign "$1"
require_hugepages

start_seed_primary
LCORE=1 worker SSL "$WORK/holder.log" --seconds 5
h=$WPID
wait_for "$WORK/holder.log" "holds SSL_DEV0_INT_0" 300
ok $? "the busy holder claims SSL_DEV0_INT_0"
LCORE=0 worker IPSec "$WORK/wide.log" --seconds 5
wide=$WPID
wait_for "$WORK/wide.log" "holds IPsec_INT_0" 300
ok $? "a holder of IPsec_INT_0 (8 queue pairs) runs traffic"
LCORE=0 worker SSL "$WORK/idle.log" --seconds 0 --hold 60
idle=$WPID
wait_for "$WORK/idle.log" "holds SSL_DEV0_INT_1" 300
ok $? "the idle holder claims SSL_DEV0_INT_1"
sleep 0.5
# shellcheck disable=SC2046
"$QATSEC_BUILD/test/mp_foreign" $(secondary_eal 0) -- \
	crypto_qatsec_SSL_DEV0_INT_0 "$h" crypto_qatsec_SSL_DEV0_INT_1 "$idle" \
	crypto_qatsec_IPsec_INT_0 "$wide" \
	> "$WORK/foreign.log" 2>&1
rc=$?
grep -E '^(not )?ok ' "$WORK/foreign.log" | sed 's/^/# foreign: /'
[ $rc -eq 0 ]
ok $? "mp_foreign: every ownership and API check passed (rc $rc)"
[ $rc -eq 0 ] || sed 's/^/#   /' "$WORK/foreign.log" | tail -20
wait "$h"
rc=$?
[ $rc -eq 0 ] && grep -q "mismatched=0 bad_status=0" "$WORK/holder.log"
ok $? "the holder's verified traffic was not disturbed (rc $rc)"
wait "$wide"
rc=$?
[ $rc -eq 0 ] && grep -q "mismatched=0 bad_status=0" "$WORK/wide.log"
ok $? "the 8-queue-pair holder's verified traffic survived the foreign stop and configure (rc $rc)"
kill -TERM "$idle"
wait "$idle"
ok $? "the idle holder exits cleanly"
stop_primary
ok $? "qatsecd shuts down cleanly"
tap_end
