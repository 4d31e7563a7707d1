#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Throughput ratio of qatsec against an anchor PMD (default crypto_aesni_mb),
# measured with dpdk-test-crypto-perf --ptest throughput on the same worker
# lcore, runs interleaved (A B A B ...) over N rounds so that VM noise hits
# both alike. Cells: AES-128-GCM and AES-128-CBC + HMAC-SHA1 (12-byte tag,
# cipher-then-auth) at 64 and 1504 bytes. Prints per cell the median Mops of
# each side, their min-max spread and the ratio of the medians (subject /
# anchor). Absolute numbers on a shared VM mean little; the ratio is the
# figure to track.
#
# Usage: devtools/bench-ratio.sh [--builddir DIR] [--rounds N] [--anchor NAME] ...
#   sanity check, ratio ~1: devtools/bench-ratio.sh --devtype crypto_aesni_mb
#   two different PMDs:     devtools/bench-ratio.sh --devtype crypto_aesni_gcm --algos aes-gcm-128
# Sets variables that perf_common.sh reads:
# shellcheck disable=SC2034
set -euo pipefail

PERF_ME=bench-ratio
# shellcheck source-path=SCRIPTDIR source=../test/integration/perf_common.sh
. "$(dirname "${BASH_SOURCE[0]}")/../test/integration/perf_common.sh"

usage() {
	cat <<EOF
Usage: devtools/bench-ratio.sh [options]
Subject (A):
  --devtype NAME     driver to measure (default crypto_qatsec)
  --vdev SPEC        its EAL --vdev (repeatable; default: the devtype)
  --plugin PATH      its PMD to load (build dir, directory or .so; "none" for an
                     installed PMD). Default: --builddir for crypto_qatsec, else none
  --builddir DIR     qatsec build dir (default \$QATSEC_BUILDDIR or <repo>/build)
Anchor (B):
  --anchor NAME      default crypto_aesni_mb
  --anchor-vdev SPEC default: the anchor name (repeatable)
Runs:
  --rounds N         interleaved rounds (default 5)
  --algos LIST       aes-gcm-128,aes-cbc-128-sha1 (default both)
  --sizes LIST       buffer sizes (default 64,1504)
  --burst N          burst size (default 32)
  --ms N             size each run to ~N ms on crypto_aesni_mb (default 500)
  --ops N            ops per run instead (overrides --ms)
  --lcores LIST      EAL -l for every run (default 0,1: the worker is lcore 1)
  --huge             hugepages instead of --no-huge -m 1024
  --timeout SEC      limit for one run (default 60)
EOF
}

builddir=${QATSEC_BUILDDIR:-$PERF_TOP/build}
a_devtype=crypto_qatsec a_vdevs=() a_plugin=unset
b_devtype=crypto_aesni_mb b_vdevs=()
rounds=5 algos=aes-gcm-128,aes-cbc-128-sha1 sizes=64,1504 burst=32 ms=500 ops=
while [ $# -gt 0 ]; do
	case "$1" in
	-h|--help) usage; exit 0 ;;
	--huge) PERF_HUGE=1; shift; continue ;;
	--*) [ $# -ge 2 ] || perf_usage_die "$1 needs a value (or is unknown; see --help)" ;;
	*) usage >&2; perf_usage_die "unknown argument '$1'" ;;
	esac
	case "$1" in
	--devtype) a_devtype=$2 ;;
	--vdev) a_vdevs+=("$2") ;;
	--plugin) a_plugin=$2 ;;
	--builddir) builddir=$2 ;;
	--anchor) b_devtype=$2 ;;
	--anchor-vdev) b_vdevs+=("$2") ;;
	--rounds) rounds=$2 ;;
	--algos) algos=$2 ;;
	--sizes) sizes=$2 ;;
	--burst) burst=$2 ;;
	--ms) ms=$2 ;;
	--ops) ops=$2 ;;
	--lcores) PERF_LCORES=$2 ;;
	--timeout) PERF_TIMEOUT=$2 ;;
	*) usage >&2; perf_usage_die "unknown option '$1'" ;;
	esac
	shift 2
done
for v in rounds burst ms; do
	[[ ${!v} =~ ^[1-9][0-9]*$ ]] || perf_usage_die "--$v wants a positive number, got '${!v}'"
done
[ -z "$ops" ] || [[ $ops =~ ^[1-9][0-9]*$ ]] || perf_usage_die "--ops wants a positive number, got '$ops'"
[[ $sizes =~ ^[1-9][0-9]*(,[1-9][0-9]*)*$ ]] || perf_usage_die "--sizes wants numbers like 64,1504, got '$sizes'"
IFS=, read -r -a algo_list <<<"$algos"
IFS=, read -r -a size_list <<<"$sizes"
for a in "${algo_list[@]}"; do perf_algo_args "$a"; done
if [ "$a_plugin" = unset ]; then
	a_plugin=none
	[ "$a_devtype" != crypto_qatsec ] || a_plugin=$builddir
fi

# Common setup with the anchor, then each side's EAL arguments.
PERF_DEVTYPE=$b_devtype PERF_VDEVS=("${b_vdevs[@]}") PERF_PLUGIN=none
perf_setup
b_eal=("${PERF_EAL_ARGS[@]}") b_vdevs=("${PERF_VDEVS[@]}")
PERF_DEVTYPE=$a_devtype PERF_VDEVS=("${a_vdevs[@]}") PERF_PLUGIN=$a_plugin
perf_device_setup
a_eal=("${PERF_EAL_ARGS[@]}") a_vdevs=("${PERF_VDEVS[@]}")
a_pdir=$PERF_PLUGIN_DIR a_pname=$PERF_PLUGIN_NAME

use_side() {
	if [ "$1" = A ]; then
		PERF_DEVTYPE=$a_devtype PERF_EAL_ARGS=("${a_eal[@]}") PERF_VDEVS=("${a_vdevs[@]}")
		PERF_PLUGIN_DIR=$a_pdir PERF_PLUGIN_NAME=$a_pname
	else
		PERF_DEVTYPE=$b_devtype PERF_EAL_ARGS=("${b_eal[@]}") PERF_VDEVS=("${b_vdevs[@]}")
		PERF_PLUGIN_DIR='' PERF_PLUGIN_NAME=''
	fi
}

# run_one SIDE ALGO SIZE: RUN_MOPS of one run; exits on any anomaly.
# (Not in a $(...) subshell: the traps must see the running child.)
run_one() {
	local side=$1 algo=$2 sz=$3 n log rc=0 row bad=
	use_side "$side"
	perf_algo_args "$algo"
	n=${ops:-$(perf_ops_for "$algo" "$sz" "$ms")}
	log=$PERF_WORKDIR/run.log
	perf_run "$log" --ptest throughput --buffer-sz "$sz" --burst-sz "$burst" \
		--total-ops "$n" "${PERF_ALGO_ARGS[@]}" || rc=$?
	perf_check_run "$rc" "$log" "$PERF_DEVTYPE $algo $sz B" || exit 1
	row=$(perf_parse_csv "$log" | head -n 1)
	[ -n "$row" ] || bad="no result row"
	[ -n "$bad" ] || [[ $(perf_get mops "$row") =~ ^[0-9]+(\.[0-9]+)?$ ]] || bad="no Mops in '$row'"
	[ -n "$bad" ] || [ "$(perf_get failed_enq "$row")" = 0 ] || bad="$(perf_get failed_enq "$row") short enqueue call(s)"
	[ -n "$bad" ] || [ "$(perf_get failed_deq "$row")" = 0 ] || bad="$(perf_get failed_deq "$row") empty dequeue poll(s)"
	[ -n "$bad" ] || [ "$(perf_get deq "$row")" = "$n" ] || bad="dequeued $(perf_get deq "$row") of $n"
	[ -n "$bad" ] || awk -v m="$(perf_get mops "$row")" 'BEGIN { exit !(m > 0) }' || bad="zero throughput"
	if [ -n "$bad" ]; then
		perf_err "$PERF_DEVTYPE $algo $sz B: $bad"
		perf_err "command: $PERF_CMDLINE"
		perf_show_log "$log" >&2
		exit 1
	fi
	RUN_MOPS=$(perf_get mops "$row")
}

# stats VALUES...: "median min max"
stats() {
	printf '%s\n' "$@" | sort -g | awk '
		{ v[NR] = $1 }
		END {
			m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
			printf "%.3f %.3f %.3f\n", m, v[1], v[NR]
		}'
}

label_a=$a_devtype label_b=$b_devtype
[ "$label_a" != "$label_b" ] || { label_a="$a_devtype(A)"; label_b="$b_devtype(B)"; }
perf_say "A: $a_devtype ${a_vdevs[*]/#/--vdev }${a_pname:+ -d $a_pname (from $a_pdir)}"
perf_say "B: $b_devtype ${b_vdevs[*]/#/--vdev } (anchor)"
perf_say "$rounds rounds, lcores $PERF_LCORES, burst $burst, $( [ -n "$ops" ] && echo "$ops ops" || echo "~${ms} ms") per run"

declare -A res
cells=()
for a in "${algo_list[@]}"; do
	for sz in "${size_list[@]}"; do cells+=("$a:$sz"); done
done
for ((r = 1; r <= rounds; r++)); do
	for c in "${cells[@]}"; do
		a=${c%:*} sz=${c#*:}
		run_one A "$a" "$sz"
		ma=$RUN_MOPS
		run_one B "$a" "$sz"
		mb=$RUN_MOPS
		res[$c:A]+="$ma " res[$c:B]+="$mb "
		perf_say "$(printf 'round %d/%d %-16s %5s B: A %8s  B %8s Mops' "$r" "$rounds" "$a" "$sz" "$ma" "$mb")"
	done
done

hdr_a="$label_a Mops: median (min-max)" hdr_b="$label_b Mops: median (min-max)"
wa=${#hdr_a} wb=${#hdr_b}
[ "$wa" -ge 26 ] || wa=26
[ "$wb" -ge 26 ] || wb=26
echo
printf "%-24s  %-${wa}s  %-${wb}s  %s\n" "cell" "$hdr_a" "$hdr_b" "ratio A/B"
for c in "${cells[@]}"; do
	# shellcheck disable=SC2086
	read -r am amin amax <<<"$(stats ${res[$c:A]})"
	# shellcheck disable=SC2086
	read -r bm bmin bmax <<<"$(stats ${res[$c:B]})"
	ratio=$(awk -v a="$am" -v b="$bm" 'BEGIN { printf "%.3f", a / b }')
	printf "%-24s  %-${wa}s  %-${wb}s  %9s\n" "${c%:*} ${c#*:}B" \
		"$(printf '%8.3f (%.3f-%.3f)' "$am" "$amin" "$amax")" \
		"$(printf '%8.3f (%.3f-%.3f)' "$bm" "$bmin" "$bmax")" "$ratio"
done
