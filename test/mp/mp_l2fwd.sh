#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Suite mp: DPDK's l2fwd-crypto example, unmodified (built from dpdk-doc),
# as a secondary of qatsecd claiming --vdev 'crypto_qatsec,section=IPSec'
# (the primary's device 4: l2fwd-crypto walks ids from 0). Its port is a
# net_pcap port of the primary (DPDK creates pcap ports in primaries only).
# Three runs, each on a fresh group (l2fwd-crypto's fixed mempool names
# outlive it): AES-128-CBC + HMAC-SHA1 generate, the output of that back
# through HMAC-SHA1 verify + AES-128-CBC decrypt, and AES-128-GCM with AAD.
# Every output packet is compared byte for byte with what
# test/mp/l2fwd_check.py computes with python3-cryptography.
set -uo pipefail
. "$(dirname "$0")/lib.sh" l2fwd "$1"
require_hugepages
L2FWD=$QATSEC_BUILD/test/l2fwd-crypto
CHECK=$QATSEC_SRC/test/mp/l2fwd_check.py
if [ ! -x "$L2FWD" ] || ! /usr/bin/python3 -c "import scapy, cryptography" 2>/dev/null; then
	echo "1..0 # SKIP l2fwd-crypto not built or scapy/cryptography missing (Debian's dpdk-doc, python3-scapy, python3-cryptography: devtools/setup.sh installs them)"
	exit 77
fi
cd "$WORK" || exit 1
K=2b:7e:15:16:28:ae:d2:a6:ab:f7:15:88:09:cf:4f:3c
IV=00:01:02:03:04:05:06:07:08:09:0a:0b:0c:0d:0e:0f
AK=$K:$K:01:02:03:04
GIV=ca:fe:ba:be:fa:ce:db:ad:de:ca:f8:88
AAD=fe:ed:fa:ce:de:ad:be:ef
N=64

# run NAME INPUT [l2fwd-crypto options]: a fresh primary with a pcap port
# reading INPUT (copied to i0.pcap), l2fwd-crypto until it has sent as
# many packets as it received from the whole file, then SIGINT.
run() {
	local name=$1 input=$2 n pid rc
	shift 2
	[ -z "$PRIMARY_PID" ] || stop_primary > /dev/null
	dr_remove_files "$PREFIX"
	cp "$input" i0.pcap
	n=$(/usr/bin/python3 -c "from scapy.all import rdpcap; print(len(rdpcap('$input')))")
	# Short relative paths: a secondary re-reads the primary's devargs
	# (cut at 64 bytes) and opens the files itself.
	start_primary "$QATSEC_SRC/config" --vdev net_pcap0,rx_pcap=i0.pcap,tx_pcap=o0.pcap || return 1
	# shellcheck disable=SC2046
	LD_PRELOAD=$(san_preload) ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0 \
	LD_LIBRARY_PATH=$QATSEC_BUILD/drivers/crypto/qatsec "$L2FWD" $(secondary_eal 1) \
		-d librte_crypto_qatsec.so --vdev 'crypto_qatsec,section=IPSec' -- \
		-p 0x1 --no-mac-updating -T 1 "$@" > "$name.log" 2>&1 &
	pid=$!
	for _ in $(seq 600); do
		grep -q "^Total packets sent: *$n\$" "$name.log" && break
		alive "$pid" || break
		sleep 0.1
	done
	kill -INT "$pid" 2>/dev/null
	wait "$pid"
	rc=$?
	cp o0.pcap "$name.pcap"
	grep -E "^(Lcore|qatsec:|Total packets (received|sent|crypto errors))" "$name.log" |
		tail -6 | sed 's/^/#   /'
	return $rc
}

/usr/bin/python3 "$CHECK" make pkts.pcap 10 "$N"
run enc pkts.pcap --chain CIPHER_HASH --cipher_algo aes-cbc --cipher_op ENCRYPT \
	--cipher_key "$K" --cipher_iv "$IV" --auth_algo sha1-hmac \
	--auth_op GENERATE --auth_key "$AK" --digest_size 20
rc=$?
[ $rc -eq 0 ] && grep -q "qatsec: pid .* holds section IPsec_INT_0: device 0" enc.log &&
	grep -q "Lcore 1: cryptodev 0" enc.log
ok $? "l2fwd-crypto claims IPSec, finds it as cryptodev 0 and exits 0 on SIGINT (rc $rc)"
r=$(/usr/bin/python3 "$CHECK" cbc-hmac-enc pkts.pcap enc.pcap "$K" "$IV" "$AK" 20)
ok $? "AES-128-CBC + HMAC-SHA1-160: $r"
grep -q "release: section IPsec_INT_0 .* (l2fwd-crypto)" primary.log
ok $? "the claim is released when l2fwd-crypto exits"

run dec enc.pcap --chain HASH_CIPHER --cipher_algo aes-cbc --cipher_op DECRYPT \
	--cipher_key "$K" --cipher_iv "$IV" --auth_algo sha1-hmac \
	--auth_op VERIFY --auth_key "$AK" --digest_size 20
rc=$?
r=$(/usr/bin/python3 "$CHECK" hmac-cbc-dec enc.pcap dec.pcap "$K" "$IV" "$AK" 20)
[ $? -eq 0 ] && [ $rc -eq 0 ] &&
	/usr/bin/python3 -c "from scapy.all import rdpcap
import sys; sys.exit([bytes(p) for p in rdpcap('pkts.pcap')] != [bytes(p) for p in rdpcap('dec.pcap')])"
ok $? "HMAC-SHA1 verify + AES-128-CBC decrypt of that output: $r, and they are the original packets (rc $rc)"

run gcm pkts.pcap --chain AEAD --aead_algo aes-gcm --aead_op ENCRYPT \
	--aead_key "$K" --aead_iv "$GIV" --aad "$AAD" --digest_size 16
rc=$?
r=$(/usr/bin/python3 "$CHECK" gcm-enc pkts.pcap gcm.pcap "$K" "$GIV" "$AAD")
[ $? -eq 0 ] && [ $rc -eq 0 ]
ok $? "AES-128-GCM with AAD, 16-byte tag: $r (rc $rc)"
alive "$PRIMARY_PID"
ok $? "qatsecd is alive"
tap_end
