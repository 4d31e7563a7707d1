#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Suite mp: Debian's unmodified dpdk-proc-info --show-crypto as a secondary
# of qatsecd. It walks ids 0 .. rte_cryptodev_count() - 1 and reads info,
# queue-pair count and stats of each. With --vdev 'crypto_qatsec,
# section=IPSec' it must show the claimed section alone, as device 0, with
# the shared device's queue-pair count (8, set by an earlier holder; the
# primary's device 0, SSL_DEV0_INT_0, has 1); without a claim, while a
# holder has done one op on IPSec, it shows the nine devices and that op in
# the IPSec device's stats. proc-info exits when the group has no Ethernet
# port ("No Ethernet ports - bye"), so the primary gets a net_null port.
set -uo pipefail
. "$(dirname "$0")/lib.sh" procinfo "$1"
require_hugepages
command -v dpdk-proc-info > /dev/null || {
	echo "1..0 # SKIP dpdk-proc-info not installed (Debian package dpdk)"
	exit 77
}
start_primary "$QATSEC_SRC/config" --vdev net_null0 || {
	ok 1 "qatsecd starts with --vdev net_null0"
	tap_end
	exit 1
}
lib=(env LD_LIBRARY_PATH="$QATSEC_BUILD/drivers/crypto/qatsec")

# procinfo LOG [EAL args]: proc-info adds -c1 and --proc-type=secondary.
procinfo() {
	local log=$1
	shift
	(cd "$WORK" && "${lib[@]}" dpdk-proc-info --file-prefix "$PREFIX" --no-pci \
		--log-level=pmd.crypto.qatsec:notice -d librte_crypto_qatsec.so "$@" \
		-- --show-crypto) > "$log" 2>&1
}
# device LOG N: the lines of device (N) in LOG, name to dequeue count.
device() {
	sed -n "/^  - device ($2)\$/,/dequeue count/p" "$1"
}

# A holder of IPSec with its 8 queue pairs and one op done, held a while.
# shellcheck disable=SC2046
(cd "$WORK" && "${lib[@]}" VISIBLE_USE=1 VISIBLE_HOLD=8 \
	"$QATSEC_BUILD/test/mp_visible" $(secondary_eal 1) \
	-d librte_crypto_qatsec.so --vdev 'crypto_qatsec,section=IPSec') \
	> "$WORK/holder.log" 2>&1 &
hpid=$!
wait_for "$WORK/holder.log" "^started" 600
grep -qx "nist-block ok" "$WORK/holder.log"
ok $? "a holder of IPSec configured 8 queue pairs and did one verified op"

procinfo "$WORK/plain.log"
rc=$?
n=$(grep -c "^  - device (" "$WORK/plain.log")
d4=$(device "$WORK/plain.log" 4)
echo "$d4" | sed 's/^/#   /'
[ $rc -eq 0 ] && [ "$n" -eq 9 ] &&
	echo "$d4" | grep -q -- "-- name (crypto_qatsec_IPsec_INT_0)" &&
	echo "$d4" | grep -q -- "-- queue pairs (8)" &&
	echo "$d4" | grep -q -- "+ enqueue count (1) error (0)" &&
	echo "$d4" | grep -q -- "+ dequeue count (1) error (0)"
ok $? "proc-info without a claim: 9 devices; device 4 is IPsec_INT_0 with 8 queue pairs and the holder's op in its stats (rc $rc, $n devices)"
wait "$hpid"
ok $? "the holder exits 0"

procinfo "$WORK/claim.log" --vdev 'crypto_qatsec,section=IPSec'
rc=$?
n=$(grep -c "^  - device (" "$WORK/claim.log")
d0=$(device "$WORK/claim.log" 0)
echo "$d0" | sed 's/^/#   /'
[ $rc -eq 0 ] && [ "$n" -eq 1 ] &&
	echo "$d0" | grep -q -- "-- name (crypto_qatsec_IPsec_INT_0)" &&
	echo "$d0" | grep -q -- "-- driver (crypto_qatsec)" &&
	echo "$d0" | grep -q -- "-- queue pairs (8)" &&
	echo "$d0" | grep -q -- "+ symmetric (y), asymmetric (y)" &&
	echo "$d0" | grep -q -- "+ enqueue count (0) error (0)"
ok $? "proc-info with section=IPSec: one device, device 0, IPsec_INT_0, driver crypto_qatsec, the shared 8 queue pairs, stats read (rc $rc, $n devices)"
grep -q "claim: section IPsec_INT_0 .* (dpdk-proc-info)" "$WORK/primary.log" &&
	grep -q "release: section IPsec_INT_0 .* (dpdk-proc-info)" "$WORK/primary.log"
ok $? "proc-info claimed IPsec_INT_0 and released it at exit"

procinfo "$WORK/ssl.log" --vdev 'crypto_qatsec,section=SSL'
rc=$?
n=$(grep -c "^  - device (" "$WORK/ssl.log")
[ $rc -eq 0 ] && [ "$n" -eq 1 ] &&
	device "$WORK/ssl.log" 0 | grep -q -- "-- name (crypto_qatsec_SSL_DEV0_INT_0)"
ok $? "proc-info with section=SSL: one device, device 0, SSL_DEV0_INT_0 (rc $rc, $n devices)"
alive "$PRIMARY_PID"
ok $? "qatsecd is alive"
tap_end
