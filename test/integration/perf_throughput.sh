#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Throughput smoke test of a cryptodev through dpdk-test-crypto-perf
# --ptest throughput: AES-128-GCM (aead encrypt) and AES-128-CBC + HMAC-SHA1
# (cipher-then-auth, 12-byte tag) at 64, 1504 and 4096-byte buffers, one
# crypto-perf run per cell. Prints one line per cell; fails if a run fails,
# any enqueue/dequeue call came back short or empty (Failed Enq/Deq != 0),
# not every op came back, or the throughput is 0. Numbers are not judged
# (use devtools/bench.sh for that).
#
# Usage: perf_throughput.sh --devtype NAME [--vdev SPEC] [--plugin PATH] [--huge]
#   e.g. perf_throughput.sh --devtype crypto_aesni_mb
# Exit: 0 pass, 1 fail, 77 skip (prerequisite missing), 2 usage.
set -euo pipefail

# shellcheck source-path=SCRIPTDIR source=perf_common.sh
. "$(dirname "${BASH_SOURCE[0]}")/perf_common.sh"

usage() {
	cat <<EOF
Usage: $PERF_ME --devtype NAME [options]
  --algos LIST       comma-separated cells of aes-gcm-128,aes-cbc-128-sha1 (default both)
  --sizes LIST       comma-separated buffer sizes (default 64,1504,4096)
  --burst N          burst size (default 32)
  --ms N             size each cell to take about N ms on crypto_aesni_mb (default 1000)
  --ops N            ops per cell instead (overrides --ms)
$PERF_COMMON_USAGE
EOF
}

algos=aes-gcm-128,aes-cbc-128-sha1
sizes=64,1504,4096
burst=32
ops=
ms=1000
perf_parse_options "$@"
set -- "${PERF_ARGS[@]}"
while [ $# -gt 0 ]; do
	case "$1" in
	--algos|--sizes|--burst|--ops|--ms) [ $# -ge 2 ] || perf_usage_die "$1 needs a value" ;;
	esac
	case "$1" in
	--algos) algos=$2; shift 2 ;;
	--sizes) sizes=$2; shift 2 ;;
	--burst) burst=$2; shift 2 ;;
	--ops) ops=$2; shift 2 ;;
	--ms) ms=$2; shift 2 ;;
	-h|--help) usage; exit 0 ;;
	*) usage >&2; perf_usage_die "unknown argument '$1'" ;;
	esac
done
[[ $sizes =~ ^[1-9][0-9]*(,[1-9][0-9]*)*$ ]] || perf_usage_die "--sizes wants numbers like 64,1504, got '$sizes'"
[[ $burst =~ ^[1-9][0-9]*$ ]] || perf_usage_die "--burst wants a positive number, got '$burst'"
[ -z "$ops" ] || [[ $ops =~ ^[1-9][0-9]*$ ]] || perf_usage_die "--ops wants a positive number, got '$ops'"
[[ $ms =~ ^[1-9][0-9]*$ ]] || perf_usage_die "--ms wants a positive number, got '$ms'"
IFS=, read -r -a algo_list <<<"$algos"
IFS=, read -r -a size_list <<<"$sizes"
for a in "${algo_list[@]}"; do perf_algo_args "$a"; done

perf_setup
perf_say "device: --devtype $PERF_DEVTYPE ${PERF_VDEVS[*]/#/--vdev }${PERF_PLUGIN_NAME:+ -d $PERF_PLUGIN_NAME (from $PERF_PLUGIN_DIR)}"


fails=0 cells=0
for a in "${algo_list[@]}"; do
	perf_algo_args "$a"
	for sz in "${size_list[@]}"; do
		cells=$((cells + 1))
		n=${ops:-$(perf_ops_for "$a" "$sz" "$ms")}
		name=$(printf '%-16s %5s B burst %s' "$a" "$sz" "$burst")
		log=$PERF_WORKDIR/tput-$a-$sz.log
		rc=0
		perf_run "$log" --ptest throughput --buffer-sz "$sz" --burst-sz "$burst" \
			--total-ops "$n" "${PERF_ALGO_ARGS[@]}" || rc=$?
		if ! perf_check_run "$rc" "$log" "$name"; then
			perf_say "FAIL throughput $name"
			fails=$((fails + 1))
			continue
		fi
		mapfile -t rows < <(perf_parse_csv "$log")
		bad='' printed=0
		[ ${#rows[@]} -gt 0 ] || bad="no result row in crypto-perf's output"
		for row in "${rows[@]}"; do
			for k in enq deq failed_enq failed_deq mops gbps cycles; do
				[[ $(perf_get $k "$row") =~ ^[0-9]+(\.[0-9]+)?$ ]] ||
					bad="column $k missing or not a number in '$row'"
			done
			[ -z "$bad" ] || break
			enq=$(perf_get enq "$row") deq=$(perf_get deq "$row")
			fenq=$(perf_get failed_enq "$row") fdeq=$(perf_get failed_deq "$row")
			mops=$(perf_get mops "$row") gbps=$(perf_get gbps "$row")
			cyc=$(perf_get cycles "$row") lc=$(perf_get lcore "$row")
			rbad=
			[ "$fenq" -eq 0 ] || rbad="$fenq short enqueue call(s)"
			[ -n "$rbad" ] || [ "$fdeq" -eq 0 ] || rbad="$fdeq empty dequeue poll(s)"
			[ -n "$rbad" ] || { [ "$enq" -eq "$n" ] && [ "$deq" -eq "$n" ]; } ||
				rbad="enqueued $enq / dequeued $deq of $n ops"
			[ -n "$rbad" ] || awk -v m="$mops" 'BEGIN { exit !(m > 0) }' || rbad="zero throughput"
			status=PASS
			[ -z "$rbad" ] || status=FAIL
			perf_say "$(printf '%s throughput %s lcore %s: %9.4f Mops %9.4f Gbps %8.2f cyc/op (enq %s deq %s failed_enq %s failed_deq %s)%s' \
				"$status" "$name" "$lc" "$mops" "$gbps" "$cyc" "$enq" "$deq" "$fenq" "$fdeq" "${rbad:+ -- $rbad}")"
			printed=1
			[ -z "$rbad" ] || bad=$rbad
		done
		if [ -n "$bad" ]; then
			if [ $printed -eq 0 ]; then
				perf_err "$name: $bad"
				perf_show_log "$log" >&2
				perf_say "FAIL throughput $name"
			fi
			perf_err "command: $PERF_CMDLINE"
			fails=$((fails + 1))
		fi
	done
done

if [ $fails -ne 0 ]; then
	perf_say "FAILED: $fails of $cells throughput cell(s) on $PERF_DEVTYPE"
	exit 1
fi
perf_say "OK: $cells throughput cells on $PERF_DEVTYPE"
