#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Start or stop a qatsecd primary from another process than the test's
# (crypto-perf's --before-run hook): its pid lives in DIR/primary.pid, its
# log is appended to DIR/primary.log.
#   primary_ctl.sh restart BUILD PREFIX CONFIG_DIR DIR
#   primary_ctl.sh stop BUILD PREFIX CONFIG_DIR DIR
set -uo pipefail
cmd=$1 build=$2 prefix=$3 conf=$4 dir=$5
pidf=$dir/primary.pid

if [ -s "$pidf" ]; then
	pid=$(cat "$pidf")
	kill -INT "$pid" 2>/dev/null
	for _ in $(seq 100); do
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.05
	done
	kill -9 "$pid" 2>/dev/null
	: > "$pidf"
fi
rm -rf /dev/hugepages/"$prefix"* /var/run/dpdk/"$prefix"
[ "$cmd" = restart ] || exit 0

start=$(wc -l < "$dir/primary.log" 2>/dev/null || echo 0)
setsid "$build/app/qatsecd" --file-prefix "$prefix" -l 0 --no-pci -- \
	--config-dir "$conf" >> "$dir/primary.log" 2>&1 < /dev/null &
echo $! > "$pidf"
for _ in $(seq 300); do
	tail -n +"$((start + 1))" "$dir/primary.log" | grep -q "qatsecd: ready" && exit 0
	sleep 0.1
done
echo "qatsecd did not become ready" >&2
exit 1
