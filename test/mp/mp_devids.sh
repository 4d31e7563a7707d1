#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Suite mp (issue 10, item 11): a secondary that claimed by devargs finds
# its section whichever way it looks. On IPSec (the primary's device 4):
# id 0, the only one counted, the one devices_get() and the driver count
# give, found by name; device 0 configured with all 8 queue pairs, started,
# one NIST block through the last one, stats, stop, close; the primary sees
# the same shared device started and counting that op; the holder's own
# telemetry shows it as 0; every other slot says it is hidden and serves
# nothing; a device hot-plugged into the group lands on the primary's id;
# a second holder after the first gets a working device again; SSL (the
# primary's device 0, no alias) works the same; a plain secondary still
# sees all nine devices at the primary's ids.
set -uo pipefail
. "$(dirname "$0")/lib.sh" devids "$1"
require_hugepages
start_seed_primary

# visible LOG [ENV=VALUE...] -- [EAL args]: mp_visible as a secondary.
visible() {
	local log=$1
	shift
	local envs=()
	while [ "$1" != -- ]; do envs+=("$1"); shift; done
	shift
	# shellcheck disable=SC2046
	(cd "$WORK" && env LD_LIBRARY_PATH="$QATSEC_BUILD/drivers/crypto/qatsec" \
		"${envs[@]}" "$QATSEC_BUILD/test/mp_visible" $(secondary_eal 1) \
		-d librte_crypto_qatsec.so "$@") > "$log" 2>&1
}
has() { grep -qx -- "$2" "$1"; }
show() { grep -vE "^(EAL|TELEMETRY|other)" "$1" | sed 's/^/#   /'; }

real=$(tel /qatsec/section,IPsec_INT_0 | /usr/bin/python3 -c \
	'import json,sys; print(json.load(sys.stdin)["/qatsec/section"]["dev_id"])')
[ "$real" = 4 ]
ok $? "the primary made IPsec_INT_0 device 4 (got '$real'): the case that needs an alias"

# The holder, kept started while the primary and its telemetry are asked.
# shellcheck disable=SC2046
(cd "$WORK" && env LD_LIBRARY_PATH="$QATSEC_BUILD/drivers/crypto/qatsec" \
	VISIBLE_USE=1 VISIBLE_HOLD=5 "$QATSEC_BUILD/test/mp_visible" \
	$(secondary_eal 1) -d librte_crypto_qatsec.so \
	--vdev 'crypto_qatsec,section=IPSec') > "$WORK/ipsec.log" 2>&1 &
hpid=$!
wait_for "$WORK/ipsec.log" "^started" 600
show "$WORK/ipsec.log"
L=$WORK/ipsec.log
has "$L" "count 1" && has "$L" "device-ids 0" && has "$L" "by-driver 1" &&
	has "$L" "devices 1 crypto_qatsec_IPsec_INT_0"
ok $? "count 1, devices_get gives id 0 alone, the driver count says 1"
has "$L" "id 0 crypto_qatsec_IPsec_INT_0 driver crypto_qatsec qps 8"
ok $? "id 0 is crypto_qatsec_IPsec_INT_0 with its 8 queue pairs"
has "$L" "by-name crypto_qatsec_IPsec_INT_0 0"
ok $? "rte_cryptodev_get_dev_id(its name) is 0"
has "$L" "configure 0" && has "$L" "qp-setup 8 0" && has "$L" "start 0" &&
	has "$L" "session created" && has "$L" "nist-block ok" &&
	has "$L" "stats 0 enq 1 deq 1"
ok $? "device 0: configure, 8 queue pairs, start, a session, SP 800-38A F.2.1 through queue pair 7, stats 1/1"
others=$(grep -c "^other " "$L")
hidden=$(grep -c "^other [0-9]* name '' driver crypto_qatsec_hidden qps 0 caps-end 1$" "$L")
[ "$others" -eq 8 ] && [ "$hidden" -eq 8 ]
ok $? "the 8 other slots answer as hidden: no name, driver crypto_qatsec_hidden, no queue pairs, no capabilities ($hidden of $others)"
has "$L" "session-size answers 9"
ok $? "hidden slots still answer the session size"

st=$(tel "/cryptodev/stats,$real" | /usr/bin/python3 -c \
	'import json,sys; d=json.load(sys.stdin)["/cryptodev/stats"]; print(d["enqueued_count"], d["dequeued_count"])')
[ "$st" = "1 1" ]
ok $? "the primary's device $real is the one used: its stats say 1 enqueued, 1 dequeued (got '$st')"
sock=$(ls /var/run/dpdk/"$PREFIX"/dpdk_telemetry.v2:* 2>/dev/null | head -1)
hl=$(/usr/bin/python3 - "$sock" <<'EOF'
import json, socket, sys
s = socket.socket(socket.AF_UNIX, socket.SOCK_SEQPACKET)
s.connect(sys.argv[1])
s.recv(16384)
def q(c):
    s.send(c.encode())
    return json.loads(s.recv(65536).decode())[c.split(",")[0]]
info = q("/cryptodev/info,0")
print(q("/cryptodev/list"), info.get("device_name", info.get("name")),
      info.get("max_nb_queue_pairs"), q("/cryptodev/stats,0")["enqueued_count"])
EOF
)
echo "# holder's telemetry: $hl"
[[ $hl == "[0, 1, 2, 3, 4, 5, 6, 7, 8] crypto_qatsec 8 1" ]]
ok $? "the holder's telemetry: device 0 is on vdev crypto_qatsec with 8 queue pairs and 1 op (hidden slots are listed)"
wait "$hpid"
rc=$?
[ $rc -eq 0 ] && has "$L" "close 0"
ok $? "stop and close of device 0, then rte_eal_cleanup, exit 0 (rc $rc)"
grep -q "release: section IPsec_INT_0 .* (mp_visible)" "$WORK/primary.log"
ok $? "the claim is released at exit"

visible "$WORK/again.log" VISIBLE_USE=1 -- --vdev 'crypto_qatsec,section=IPSec'
has "$WORK/again.log" "configure 0" && has "$WORK/again.log" "start 0" &&
	has "$WORK/again.log" "nist-block ok" && has "$WORK/again.log" "close 0"
ok $? "the next holder of IPSec gets a working device 0 (shared data consistent after the first)"

visible "$WORK/name.log" VISIBLE_NAME=crypto_qatsec_SSL_DEV0_INT_0 -- \
	--vdev 'crypto_qatsec,section=IPSec'
has "$WORK/name.log" "by-name crypto_qatsec_SSL_DEV0_INT_0 -1"
ok $? "another section's name is not found in the holder"

visible "$WORK/hot.log" VISIBLE_HOTPLUG=crypto_null_devids -- \
	--vdev 'crypto_qatsec,section=IPSec'
grep "^hotplug" "$WORK/hot.log" | sed 's/^/#   /'
grep -qx "hotplug 0 count 2 id 9 name crypto_null_devids null-devices 1 data-id 9" "$WORK/hot.log" &&
	has "$WORK/hot.log" "count 1"
ok $? "a crypto device hot-plugged into the group after the claim is id 9 here as in the primary, on its own data"

visible "$WORK/ssl.log" VISIBLE_USE=1 -- --vdev 'crypto_qatsec,section=SSL'
has "$WORK/ssl.log" "count 1" && has "$WORK/ssl.log" "device-ids 0" &&
	has "$WORK/ssl.log" "by-driver 1" &&
	has "$WORK/ssl.log" "id 0 crypto_qatsec_SSL_DEV0_INT_0 driver crypto_qatsec qps 1" &&
	has "$WORK/ssl.log" "nist-block ok" && has "$WORK/ssl.log" "close 0"
ok $? "section=SSL (the primary's device 0 itself): the same facts, and it works"

visible "$WORK/plain.log" --
has "$WORK/plain.log" "count 9" && has "$WORK/plain.log" "device-ids 0 1 2 3 4 5 6 7 8" &&
	has "$WORK/plain.log" "by-driver 9" &&
	has "$WORK/plain.log" "id 4 crypto_qatsec_IPsec_INT_0 driver crypto_qatsec qps 8"
ok $? "a secondary without a claim sees the nine devices at the primary's ids"
alive "$PRIMARY_PID"
ok $? "qatsecd is alive"
tap_end
