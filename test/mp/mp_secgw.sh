#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Suite mp: DPDK's ipsec-secgw example, unmodified (built from dpdk-doc),
# as a secondary of qatsecd claiming --vdev 'crypto_qatsec,section=IPSec'
# (8 queue pairs; the primary's device 4, ipsec-secgw walks ids from 0).
# Its two net_pcap ports live in the primary (DPDK creates pcap ports in
# primaries only), which also loads librte_ipsec (ipsec-secgw's SAD tailq
# must exist group-wide). Port 0 is protected, port 1 unprotected; one
# AES-128-GCM SA each way, tunnel mode. Outbound: the ESP packets it sends
# must decrypt, with scapy's independent ESP, to the packets sent in, with
# the SA's SPI, tunnel addresses and sequence numbers 1..N. Inbound: ESP
# packets made by scapy come out decrypted, exactly, and those with a byte
# flipped are dropped (and counted by the crypto device as failed).
set -uo pipefail
. "$(dirname "$0")/lib.sh" secgw "$1"
require_hugepages
SECGW=$QATSEC_BUILD/test/ipsec-secgw
ESPPY=$QATSEC_SRC/test/mp/secgw_esp.py
if [ ! -x "$SECGW" ] || ! /usr/bin/python3 -c "import scapy.layers.ipsec" 2>/dev/null; then
	echo "1..0 # SKIP ipsec-secgw not built or scapy missing (Debian's dpdk-doc and python3-scapy: devtools/setup.sh installs them)"
	exit 77
fi
cd "$WORK" || exit 1
N=200
BAD=16

cat > ep.cfg <<'EOF'
sp ipv4 out esp protect 5 pri 1 dst 192.168.105.0/24 sport 0:65535 dport 0:65535
sp ipv4 in esp protect 6 pri 1 dst 192.168.55.0/24 sport 0:65535 dport 0:65535
sa out 5 aead_algo aes-128-gcm aead_key 2b:7e:15:16:28:ae:d2:a6:ab:f7:15:88:09:cf:4f:3c:ca:fe:ba:be mode ipv4-tunnel src 172.16.1.5 dst 172.16.2.5
sa in 6 aead_algo aes-128-gcm aead_key 00:01:02:03:04:05:06:07:08:09:0a:0b:0c:0d:0e:0f:de:ad:be:ef mode ipv4-tunnel src 172.16.2.6 dst 172.16.1.6
rt ipv4 dst 172.16.2.0/24 port 1
rt ipv4 dst 192.168.55.0/24 port 0
EOF
/usr/bin/python3 "$ESPPY" make . "$N" "$BAD"
# Short relative paths: a secondary re-reads the primary's devargs (cut at
# 64 bytes) and opens the files itself, from its own working directory.
start_primary "$QATSEC_SRC/config" -d librte_ipsec.so.23 \
	--vdev net_pcap0,rx_pcap=i0.pcap,tx_pcap=o0.pcap \
	--vdev net_pcap1,rx_pcap=i1.pcap,tx_pcap=o1.pcap || {
	ok 1 "qatsecd starts with two net_pcap ports and librte_ipsec"
	tap_end
	exit 1
}
# shellcheck disable=SC2046
LD_LIBRARY_PATH=$QATSEC_BUILD/drivers/crypto/qatsec "$SECGW" $(secondary_eal 1) \
	-d librte_crypto_qatsec.so --vdev 'crypto_qatsec,section=IPSec' -- \
	-p 0x3 -P -u 0x2 --config '(0,0,1),(1,0,1)' -f ep.cfg > secgw.log 2>&1 &
pid=$!
for _ in $(seq 600); do
	[ "$(/usr/bin/python3 -c "from scapy.all import rdpcap
try: print(len(rdpcap('o0.pcap')) + len(rdpcap('o1.pcap')))
except Exception: print(0)" 2>/dev/null)" -ge $((2 * N)) ] && break
	alive "$pid" || break
	sleep 0.2
done
sleep 1	# what else it would send (it must not)
st=$(tel "/cryptodev/stats,4")
kill -INT "$pid" 2>/dev/null
wait "$pid"
rc=$?
grep -E "qatsec:|cryptodev|Cryptodev|panic|PANIC|error|Error" secgw.log | head -12 | sed 's/^/#   /'
[ $rc -eq 0 ] && grep -q "qatsec: pid .* holds section IPsec_INT_0: device 0" secgw.log
ok $? "ipsec-secgw claims IPSec as device 0, runs and exits 0 on SIGINT (rc $rc)"
r=$(/usr/bin/python3 "$ESPPY" check . "$N")
rc=$?
echo "$r" | sed 's/^/# /'
echo "$r" | grep -q "^outbound: $N of $N ESP packets decrypt .* $N sent"
ok $? "outbound: $N packets out as ESP of SA 5 that an independent ESP decrypts to what came in"
echo "$r" | grep -q "^inbound: $N of $N good ESP packets came out decrypted, $N packets out in all (0 unexpected)" &&
	[ $rc -eq 0 ]
ok $? "inbound: $N ESP packets decrypted exactly, the $BAD corrupted ones dropped"
echo "# primary's /cryptodev/stats,4: $st"
echo "$st" | /usr/bin/python3 -c "import json,sys
d=json.load(sys.stdin)['/cryptodev/stats']
sys.exit(not (d['enqueued_count'] == d['dequeued_count'] == 2 * $N + $BAD))"
ok $? "the work went through the section's shared device: the primary's device 4 counts $((2 * N + BAD)) ops"
grep -q "release: section IPsec_INT_0 .* (ipsec-secgw)" primary.log
ok $? "the claim is released when ipsec-secgw exits"
alive "$PRIMARY_PID"
ok $? "qatsecd is alive"
tap_end
