#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Start or stop a qatsecd primary from another process than the test's
# (crypto-perf's --before-run hook): its pid lives in DIR/primary.pid, its
# log is appended to DIR/primary.log. Stopping removes the group's files
# (PREFIX must be a run prefix of devtools/lib/dpdk-run.sh).
#   primary_ctl.sh restart BUILD PREFIX CONFIG_DIR DIR
#   primary_ctl.sh stop BUILD PREFIX CONFIG_DIR DIR
set -uo pipefail
# shellcheck source=../../devtools/lib/dpdk-run.sh
. "$(dirname "${BASH_SOURCE[0]}")/../../devtools/lib/dpdk-run.sh"
cmd=$1 build=$2 prefix=$3 conf=$4 dir=$5
pidf=$dir/primary.pid

if [ -s "$pidf" ]; then
	dr_stop "$(cat "$pidf")" INT
	: > "$pidf"
fi
dr_remove_files "$prefix" || exit 1
[ "$cmd" = restart ] || exit 0

# Detached: the primary outlives this script, until the next call.
DR_DETACH=1 dr_primary_start "$build" "$prefix" "$conf" "$dir/primary.log" || exit 1
echo "$DR_PRIMARY_PID" > "$pidf"
