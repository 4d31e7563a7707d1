#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Suite mp: the symmetric APIs beside the op path in a secondary. Against a
# qatsecd primary on the seed configuration, test_pmd_vec runs as a
# secondary holding an SSL section, once with the raw data path (the
# default) and once with CPU crypto (sym_api=cpu): raw contexts and CPU
# crypto, sessionless ops and contexts, crypto-perf's pkt_len-0 chains, all
# equal to the op path, exactly as in one process (suite pmd).
set -uo pipefail
. "$(dirname "$0")/lib.sh" vec "$1"
require_hugepages

start_seed_primary
for mode in raw cpu; do
	args=section=SSL
	[ "$mode" = raw ] || args="$args,sym_api=$mode"
	# shellcheck disable=SC2046
	"$QATSEC_BUILD/test/test_pmd_vec" $(secondary_eal 1) \
		--vdev "crypto_qatsec,$args" > "$WORK/vec-$mode.log" 2>&1
	rc=$?
	n=$(grep -c '^ok ' "$WORK/vec-$mode.log")
	grep -E '^not ok ' "$WORK/vec-$mode.log" | sed 's/^/#   /'
	[ $rc -eq 0 ] && [ "$n" -gt 30 ]
	ok $? "test_pmd_vec as a secondary holding an SSL section ($mode): $n checks passed (rc $rc)"
	[ $rc -eq 0 ] || tail -20 "$WORK/vec-$mode.log" | sed 's/^/#   /'
done
stop_primary
ok $? "qatsecd shuts down cleanly"
tap_end
