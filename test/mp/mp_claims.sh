#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Suite mp: the seed's two-endpoint configuration under a real qatsecd
# primary and real qatsec-worker secondaries. Nine sections in telemetry
# (primary and secondary sockets, and through dpdk-telemetry.py); eight SSL
# claims get SSL_DEV0_INT_0..3 then SSL_DEV1_INT_0..3, the ninth fails
# with a message naming the holders; the IPSec claim gets eight instances
# across both endpoints; clean exits release everything.
set -uo pipefail
. "$(dirname "$0")/lib.sh" claims "$1"
require_hugepages

start_seed_primary
ok 0 "qatsecd starts on the seed config"

names=$(tel /qatsec/sections | /usr/bin/python3 -c '
import json, sys
print(" ".join(json.load(sys.stdin)["/qatsec/sections"].keys()))')
want="SSL_DEV0_INT_0 SSL_DEV0_INT_1 SSL_DEV0_INT_2 SSL_DEV0_INT_3 IPsec_INT_0 SSL_DEV1_INT_0 SSL_DEV1_INT_1 SSL_DEV1_INT_2 SSL_DEV1_INT_3"
[ "$names" = "$want" ]
ok $? "telemetry lists the nine sections in first-fit order ($names)"

out=$(echo /qatsec/sections | /usr/bin/python3 /usr/bin/dpdk-telemetry.py -f "$PREFIX" 2>&1)
echo "$out" | grep -q '"SSL_DEV1_INT_3"' && echo "$out" | grep -q '"owner_pid"'
ok $? "dpdk-telemetry.py shows /qatsec/sections"

pids=()
expect=(SSL_DEV0_INT_0 SSL_DEV0_INT_1 SSL_DEV0_INT_2 SSL_DEV0_INT_3
	SSL_DEV1_INT_0 SSL_DEV1_INT_1 SSL_DEV1_INT_2 SSL_DEV1_INT_3)
for i in $(seq 0 7); do
	LCORE=$((i % 2)) worker SSL "$WORK/ssl$i.log" --seconds 1 --hold 60 --rsa 4
	pids+=("$WPID")
	wait_for "$WORK/ssl$i.log" "holds " 300
	got=$(sed -n 's/.* holds \([^ ]*\) .*/\1/p' "$WORK/ssl$i.log")
	[ "$got" = "${expect[$i]}" ]
	ok $? "SSL claim $((i + 1)) gets ${expect[$i]} (got '${got}')"
done

worker SSL "$WORK/ssl9.log" --seconds 1
wait "$WPID"
rc=$?
[ $rc -eq 3 ] && grep -q "no free section for 'SSL': all 8 are held" "$WORK/ssl9.log" &&
	grep -q "SSL_DEV1_INT_3 pid ${pids[7]}" "$WORK/ssl9.log"
ok $? "the ninth SSL claim fails (rc $rc) naming the holders"
sed 's/^/#   /' "$WORK/ssl9.log" | grep -i "section" | head -3

worker IPSec "$WORK/ipsec.log" --seconds 1 --hold 60
ipsec=$WPID
wait_for "$WORK/ipsec.log" "holds " 300
grep -q "holds IPsec_INT_0 (crypto_qatsec_IPsec_INT_0), 8 instances: dev0:IPSec0 dev0:IPSec1 dev0:IPSec2 dev0:IPSec3 dev1:IPSec0 dev1:IPSec1 dev1:IPSec2 dev1:IPSec3" "$WORK/ipsec.log"
ok $? "the IPSec claim gets IPsec_INT_0 with four instances on each endpoint"

wait_for "$WORK/ipsec.log" "RESULT" 200
for i in $(seq 0 7); do wait_for "$WORK/ssl$i.log" "RESULT" 200; done
bad=0
for f in "$WORK"/ssl[0-7].log "$WORK/ipsec.log"; do
	grep -q "RESULT .* mismatched=0 bad_status=0" "$f" && grep -q "checked=[1-9]" "$f" ||
		{ bad=$((bad + 1)); echo "# no verified RESULT in $(basename "$f"):"; tail -3 "$f" | sed 's/^/#   /'; }
done
ok $bad "all nine holders ran verified traffic ($bad failed)"
rsa=$(grep -h -c "RESULT .* rsa=4 rsa_bad=0" "$WORK"/ssl[0-7].log | paste -sd+ | bc)
[ "$rsa" = 8 ]
ok $? "each SSL holder made 4 RSA-2048 signatures OpenSSL verifies (${rsa}/8 holders)"
asym=$(tel /qatsec/endpoint,0 | /usr/bin/python3 -c '
import json, sys
d = json.load(sys.stdin)["/qatsec/endpoint"]
print(sum(v["asym_enqueued"] for k, v in d.items() if isinstance(v, dict)))')
[ "${asym:-0}" -ge 16 ]
ok $? "telemetry counts the asymmetric requests per instance (endpoint 0: $asym)"

owners=$(tel /qatsec/sections | /usr/bin/python3 -c '
import json, sys
print(" ".join(str(v["owner_pid"]) for v in json.load(sys.stdin)["/qatsec/sections"].values()))')
want_owners="${pids[0]} ${pids[1]} ${pids[2]} ${pids[3]} $ipsec ${pids[4]} ${pids[5]} ${pids[6]} ${pids[7]}"
[ "$owners" = "$want_owners" ]
ok $? "telemetry names each holder's pid ($owners)"

sec=$(tel /qatsec/section,SSL_DEV0_INT_2 1 | /usr/bin/python3 -c '
import json, sys; print(json.load(sys.stdin)["/qatsec/section"]["owner_pid"])')
[ "$sec" = "${pids[2]}" ]
ok $? "a secondary's telemetry socket answers the same ($sec)"

kill -TERM "${pids[@]}" "$ipsec"
rc=0
for p in "${pids[@]}" "$ipsec"; do wait "$p" || rc=1; done
ok $rc "holders exit cleanly on SIGTERM"
sleep 0.3
free=$(tel /qatsec/sections | /usr/bin/python3 -c '
import json, sys
print(sum(v["owner_pid"] == 0 for v in json.load(sys.stdin)["/qatsec/sections"].values()))')
[ "$free" = 9 ]
ok $? "clean exits release every section ($free of 9 free)"
grep -c "claim: section" "$WORK/primary.log" | grep -qx 9 &&
	[ "$(grep -c "release: section" "$WORK/primary.log")" -ge 9 ]
ok $? "qatsecd logged every claim and release"

stop_primary
ok $? "qatsecd shuts down cleanly"
left=$(dr_hugepage_files "$PREFIX" | grep -c "/${PREFIX}map_")
[ "$left" = 0 ]
ok $? "qatsecd leaves no hugepage file of its group behind ($left)"
dr_hugepage_files "$PREFIX" | sed "s/^/# /"
tap_end
