#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Suite mp: sixteen secondaries race for the seed's nine sections (twelve
# ask for SSL, four for IPSec): exactly nine win, each section has one
# holder, and the seven losers exit with the clear "no free section" error.
# They are started one by one (sixteen EAL inits at once overload a 2-core
# machine's primary) and all claim at the same wall-clock instant.
set -uo pipefail
. "$(dirname "$0")/lib.sh" race "$1"
require_hugepages

start_seed_primary
all=()
at=$(( $(date +%s%3N) + 12000 ))
for i in $(seq 0 15); do
	name=SSL
	[ $((i % 4)) -eq 3 ] && name=IPSec
	LCORE=$((i % 2)) worker $name "$WORK/w$i.log" --seconds 0 --hold 120 \
		--claim-at "$at"
	all+=("$WPID")
	sleep 0.3
done
n=$(grep -l "holds \|cannot claim" "$WORK"/w*.log 2>/dev/null | wc -l)
[ "$n" -eq 0 ]
ok $? "no process claimed before the common instant ($n)"
# Every process either holds a section or has exited.
losers=0
for _ in $(seq 600); do
	held=$(grep -l "holds " "$WORK"/w*.log 2>/dev/null | wc -l)
	losers=0
	for i in $(seq 0 15); do
		alive "${all[$i]}" || losers=$((losers + 1))
	done
	[ $((held + losers)) -ge 16 ] && break
	sleep 0.1
done
[ "$held" -eq 9 ]
ok $? "exactly nine of sixteen racing processes hold a section ($held)"
clean=0
for i in $(seq 0 15); do
	if ! grep -q "holds " "$WORK/w$i.log"; then
		wait "${all[$i]}"
		rc=$?
		if [ $rc -eq 3 ] && grep -q "no free section for '\(SSL\|IPSec\)'" "$WORK/w$i.log"; then
			clean=$((clean + 1))
		else
			echo "# loser $i rc=$rc:"; sed 's/^/#   /' "$WORK/w$i.log" | tail -5
		fi
	fi
done
[ "$clean" -eq 7 ]
ok $? "the seven losers exit with the clean error ($clean)"
dups=$(sed -n 's/.* holds \([^ ]*\) .*/\1/p' "$WORK"/w*.log | sort | uniq -d | wc -l)
[ "$dups" -eq 0 ]
ok $? "no section was handed to two processes"
owners=$(tel /qatsec/sections | /usr/bin/python3 -c '
import json, sys
print(sum(v["owner_pid"] != 0 for v in json.load(sys.stdin)["/qatsec/sections"].values()))')
[ "$owners" = 9 ]
ok $? "telemetry shows nine held sections ($owners)"
for p in "${all[@]}"; do kill -TERM "$p" 2>/dev/null; done
rc=0
for i in $(seq 0 15); do
	grep -q "holds " "$WORK/w$i.log" || continue
	wait "${all[$i]}" || rc=1
done
ok $rc "winners exit cleanly"
stop_primary
ok $? "qatsecd shuts down cleanly"
tap_end
