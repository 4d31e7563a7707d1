#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Suite mp: unmodified dpdk-test-crypto-perf as a secondary of qatsecd with
# --vdev 'crypto_qatsec,section=SSL': it sees exactly its claimed section
# and runs verify (DPDK's vector files, Failed Ops read from its table) and
# throughput (no failed enqueue/dequeue) on it. crypto-perf's fixed mempool
# names outlive a secondary in its group, so every run gets a fresh qatsecd.
set -uo pipefail
. "$(dirname "$0")/lib.sh" perf "$1"
require_hugepages

ctl="$QATSEC_SRC/test/mp/primary_ctl.sh"
ctl_args=("$QATSEC_BUILD" "$PREFIX" "$QATSEC_SRC/config" "$WORK")
trap 'bash "$ctl" stop "${ctl_args[@]}"; mp_cleanup' EXIT
dev=(--devtype crypto_qatsec --vdev crypto_qatsec,section=SSL
	--plugin "$QATSEC_BUILD" --secondary "$PREFIX"
	--before-run "$(printf '%q ' bash "$ctl" restart "${ctl_args[@]}")")
for s in verify throughput; do
	bash "$QATSEC_SRC/test/integration/perf_$s.sh" "${dev[@]}" > "$WORK/$s.log" 2>&1
	rc=$?
	grep -E "PASS|FAIL|SKIP" "$WORK/$s.log" | sed 's/^/# /'
	[ $rc -eq 0 ]
	ok $? "crypto-perf $s as a secondary on its SSL section (rc $rc)"
	[ $rc -eq 0 ] || grep -v "CRYPTODEV\|0x" "$WORK/$s.log" | tail -40 | sed 's/^/#   /'
done
runs=$(grep -c "qatsecd: ready" "$WORK/primary.log")
claims=$(grep -c "claim: section SSL_DEV0_INT_0 (crypto_qatsec_SSL_DEV0_INT_0) to pid .* (dpdk-test-crypt)" "$WORK/primary.log")
[ "$runs" -ge 4 ] && [ "$claims" -eq "$runs" ]
ok $? "every crypto-perf run claimed SSL_DEV0_INT_0, the first free SSL section ($claims of $runs runs)"
rels=$(grep -c "release: section SSL_DEV0_INT_0 .* (dpdk-test-crypt)" "$WORK/primary.log")
[ "$rels" -eq "$claims" ]
ok $? "crypto-perf gives its section back when it exits ($rels of $claims)"

# What an unmodified application sees after its claim.
bash "$ctl" restart "${ctl_args[@]}"
LCORE=1 worker SSL "$WORK/ssl.log" --seconds 0 --hold 60
wait_for "$WORK/ssl.log" "holds SSL_DEV0_INT_0"
# shellcheck disable=SC2046
(cd "$WORK" && LD_LIBRARY_PATH=$QATSEC_BUILD/drivers/crypto/qatsec \
	"$QATSEC_BUILD/test/mp_visible" $(secondary_eal 0) -d librte_crypto_qatsec.so \
	--vdev 'crypto_qatsec,section=ipsec') > "$WORK/visible.log" 2>&1
grep -E "^(count|devices|session)" "$WORK/visible.log" | sed 's/^/# /'
grep -qx "count 1" "$WORK/visible.log" &&
	grep -qx "devices 1 crypto_qatsec_IPsec_INT_0" "$WORK/visible.log"
ok $? "a claiming application sees exactly its device (count and devices_get)"
grep -qx "session-size answers 9" "$WORK/visible.log"
ok $? "hidden devices still answer the session size"
grep -q "release: section IPsec_INT_0 .* (mp_visible)" "$WORK/primary.log"
ok $? "rte_eal_cleanup releases the claim"
tap_end
