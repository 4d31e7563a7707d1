#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# The qatsec benchmark: crypto_qatsec against DPDK's software crypto PMDs on
# the same worker core, side by side, with dpdk-test-crypto-perf --ptest
# throughput (burst 32), over the matrix
#   AES-128-GCM encrypt, AES-256-GCM decrypt, AES-128-CBC + HMAC-SHA1
#   (encrypt then generate), AES-256-CBC + HMAC-SHA256 (verify then decrypt),
#   ChaCha20-Poly1305 encrypt, 3DES-CBC + HMAC-SHA1 (encrypt then generate),
#   AES-128 DOCSIS BPI encrypt, SNOW3G UEA2 + UIA2 and ZUC EEA3 + EIA3
#   (encrypt then generate), AES-256-XTS encrypt  x  64, 256, 1504 and 4096
#   bytes,
# plus, per cell, the ceiling of the engine that serves it in qatsec
# (app/qatsec-ceiling: the same ops straight to ipsec-mb, fastest API, no
# DPDK; app/qatsec-ceiling-evp for what qatsec serves with OpenSSL, AES-XTS)
# and per size crypto-perf's own cost (crypto_null); then a claimed-section secondary against the same test
# in one primary process, and the section claim + release latency
# (app/qatsec-claimlat, 10 000 rounds).
#
# Every round runs every PMD of every cell once, in an order rotated from
# round to round, so that VM noise hits all alike; ratios are taken within
# a round (paired) and the table gives their median over the rounds with
# the min-max spread. Results: a table on stdout and, under --out (default
# <builddir>/bench): runs.csv (every run), summary.csv, table.md (for
# doc/guides/perf/index.rst) and bench.png (gnuplot).
#
# Usage: devtools/bench.sh [--rounds N] [--ms N] [--quick] [--cells LIST]
#          [--sizes LIST] [--builddir DIR] [--out DIR] [--no-mp] [--no-setup]
# Sets variables that perf_common.sh reads:
# shellcheck disable=SC2034
set -euo pipefail

PERF_ME=bench
# shellcheck source-path=SCRIPTDIR source=../test/integration/perf_common.sh
. "$(dirname "${BASH_SOURCE[0]}")/../test/integration/perf_common.sh"
top=$PERF_TOP

usage() {
	cat <<EOF
Usage: devtools/bench.sh [options]
  --rounds N       interleaved rounds (default 7)
  --ms N           length of one crypto-perf run, calibrated per PMD and cell
                   (default 250)
  --quick          3 rounds of 120 ms, no secondary/claim part (a smoke run)
  --cells LIST     default aes-gcm-128-enc,aes-gcm-256-dec,aes-cbc-128-sha1,
                   aes-cbc-256-sha256,chacha20-poly1305,3des-cbc-sha1,
                   aes-docsisbpi,snow3g-uea2-uia2,zuc-eea3-eia3,aes-xts-256
  --sizes LIST     default 64,256,1504,4096
  --anchors LIST   default aesni_gcm,aesni_mb,chacha_poly,openssl,snow3g,zuc
                   (each cell runs those that serve it)
  --builddir DIR   qatsec build (default \$QATSEC_BUILDDIR or <repo>/build)
  --out DIR        results (default <builddir>/bench)
  --no-mp          skip the secondary/primary ratio and the claim latency
  --no-setup       do not run devtools/setup.sh first (packages, build)
  --lcores LIST    EAL -l for every run (default 0,1: the worker is lcore 1)
EOF
}

builddir=${QATSEC_BUILDDIR:-$top/build}
out='' rounds=7 ms=250 do_mp=1 do_setup=1
cells=aes-gcm-128-enc,aes-gcm-256-dec,aes-cbc-128-sha1,aes-cbc-256-sha256,chacha20-poly1305
cells+=,3des-cbc-sha1,aes-docsisbpi,snow3g-uea2-uia2,zuc-eea3-eia3,aes-xts-256
sizes=64,256,1504,4096
anchors=aesni_gcm,aesni_mb,chacha_poly,openssl,snow3g,zuc
while [ $# -gt 0 ]; do
	case "$1" in
	-h|--help) usage; exit 0 ;;
	--quick) rounds=3 ms=120 do_mp=0; shift; continue ;;
	--no-mp) do_mp=0; shift; continue ;;
	--no-setup) do_setup=0; shift; continue ;;
	--*) [ $# -ge 2 ] || perf_usage_die "$1 needs a value (or is unknown; see --help)" ;;
	*) usage >&2; perf_usage_die "unknown argument '$1'" ;;
	esac
	case "$1" in
	--rounds) rounds=$2 ;;
	--ms) ms=$2 ;;
	--cells) cells=$2 ;;
	--sizes) sizes=$2 ;;
	--anchors) anchors=$2 ;;
	--builddir) builddir=$2 ;;
	--out) out=$2 ;;
	--lcores) PERF_LCORES=$2 ;;
	*) usage >&2; perf_usage_die "unknown option '$1'" ;;
	esac
	shift 2
done
for v in rounds ms; do
	[[ ${!v} =~ ^[1-9][0-9]*$ ]] || perf_usage_die "--$v wants a positive number, got '${!v}'"
done
[[ $sizes =~ ^[1-9][0-9]*(,[1-9][0-9]*)*$ ]] || perf_usage_die "--sizes wants numbers like 64,1504, got '$sizes'"
IFS=, read -r -a cell_list <<<"$cells"
IFS=, read -r -a size_list <<<"$sizes"
IFS=, read -r -a anchor_list <<<"$anchors"
for c in "${cell_list[@]}"; do perf_algo_args "$c"; done

if [ $do_setup -eq 1 ]; then
	perf_say "devtools/setup.sh (packages, SDK headers, hugepages, build of $builddir)"
	QATSEC_BUILDDIR=$builddir "$top/devtools/setup.sh" >/dev/null ||
		perf_die "devtools/setup.sh failed (run it alone to see why)"
fi
builddir=$(cd "$builddir" && pwd)
out=${out:-$builddir/bench}
mkdir -p "$out"
out=$(cd "$out" && pwd)
ninja -C "$builddir" >/dev/null || perf_die "build of $builddir failed"
ceiling_bin=$builddir/app/qatsec-ceiling
ceiling_evp_bin=$builddir/app/qatsec-ceiling-evp
claimlat_bin=$builddir/app/qatsec-claimlat
for f in "$ceiling_bin" "$ceiling_evp_bin" "$claimlat_bin" "$builddir/app/qatsecd"; do
	[ -x "$f" ] || perf_die "$f missing: build $builddir (devtools/setup.sh)"
done
worker_cpu=${PERF_LCORES##*[,-]}
main_cpu=${PERF_LCORES%%[,-]*}
# The ceiling keeps the CPU of crypto-perf's main lcore as busy as
# crypto-perf does (app/qatsec_ceiling.h): on a shared machine both then compete
# alike.
# Its ops take their buffers in turn from as many as crypto-perf's mbuf
# pool holds (its default --pool_sz, which the runs keep): data as far
# from the core as crypto-perf's.
ceiling_args=(--buffers 8192)
[ "$main_cpu" = "$worker_cpu" ] || ceiling_args+=(--spin-cpu "$main_cpu")

# ------------------------------------------------------------ the devices
# Hugepages when there are enough (the realistic setup, and what a
# secondary needs), otherwise --no-huge and no multi-process part.
if dr_hugepages_ok 512; then
	PERF_HUGE=1
else
	perf_say "runs use --no-huge, no secondary part: $DR_HUGEPAGES_WHY"
	do_mp=0
fi
PERF_DEVTYPE=crypto_null PERF_PLUGIN=none
perf_setup
vec_dir=$PERF_WORKDIR/vectors
mkdir -p "$vec_dir"

declare -A DEVTYPE=([qatsec]=crypto_qatsec [aesni_mb]=crypto_aesni_mb
	[aesni_gcm]=crypto_aesni_gcm [chacha_poly]=crypto_chacha20_poly1305
	[openssl]=crypto_openssl [snow3g]=crypto_snow3g [zuc]=crypto_zuc
	[kasumi]=crypto_kasumi [null]=crypto_null [qatsec-primary]=crypto_qatsec
	[qatsec-secondary]=crypto_qatsec)
declare -A EAL PDIR
dev_setup() {	# dev_setup NAME VDEV PLUGIN
	PERF_DEVTYPE=${DEVTYPE[$1]} PERF_VDEVS=("$2") PERF_PLUGIN=$3
	perf_device_setup
	EAL[$1]=$(printf '%s\n' "${PERF_EAL_ARGS[@]}")
	PDIR[$1]=$PERF_PLUGIN_DIR
}
for p in "${anchor_list[@]}" null; do
	[ -n "${DEVTYPE[$p]:-}" ] || perf_usage_die "--anchors: unknown PMD '$p'"
	dev_setup "$p" "${DEVTYPE[$p]}" none
done
dev_setup qatsec crypto_qatsec "$builddir"
# The secondary's test and the same test in one primary: the seed's
# configuration, section SSL_DEV0_INT_0 (the first SSL section).
dev_setup qatsec-primary "crypto_qatsec,conf_dir=$top/config" "$builddir"
mp_prefix=$(dr_prefix bench_mp)
ctl=$top/test/mp/primary_ctl.sh
ctl_args=("$builddir" "$mp_prefix" "$top/config" "$PERF_WORKDIR")
if [ $do_mp -eq 1 ]; then
	PERF_SECONDARY=$mp_prefix PERF_MEM_ARGS=(--proc-type=secondary)
	dev_setup qatsec-secondary crypto_qatsec,section=SSL "$builddir"
	PERF_SECONDARY=
	stop_primary() { bash "$ctl" stop "${ctl_args[@]}" >/dev/null 2>&1; }
	PERF_CLEANUP_HOOK=stop_primary
fi

# Which anchors serve which cell (a run that still finds the capability
# missing marks the pair n/a at calibration: openssl has no AES DOCSIS BPI
# nor AES-XTS in 22.11, aesni_mb no AES-XTS).
anchors_of() {
	local a r=()
	for a in "${anchor_list[@]}"; do
		case "$1:$a" in
		aes-gcm*:aesni_gcm|*:aesni_mb|aes-*:openssl|3des-*:openssl) r+=("$a") ;;
		chacha*:chacha_poly|snow3g*:snow3g|zuc*:zuc|kasumi*:kasumi) r+=("$a") ;;
		esac
	done
	echo "${r[*]}"
}

# run_pmd NAME CELL SIZE OPS: RUN_MOPS, or RUN_NA=1 when the PMD does not
# serve the cell; exits on any other anomaly.
run_pmd() {
	local name=$1 cell=$2 sz=$3 n=$4 log=$PERF_WORKDIR/run.log rc=0 row bad='' vec
	mapfile -t PERF_EAL_ARGS <<<"${EAL[$name]}"
	PERF_DEVTYPE=${DEVTYPE[$name]} PERF_PLUGIN_DIR=${PDIR[$name]}
	PERF_PLUGIN_NAME=
	[ -z "$PERF_PLUGIN_DIR" ] || PERF_PLUGIN_NAME=$PERF_PLUGIN_SONAME
	PERF_BEFORE_RUN=
	[ "$name" != qatsec-secondary ] ||
		PERF_BEFORE_RUN="$(printf '%q ' bash "$ctl" restart "${ctl_args[@]}")"
	perf_algo_args "$cell"
	local args=("${PERF_ALGO_ARGS[@]}")
	if [ "$PERF_ALGO_VECTOR" = 1 ]; then
		vec=$vec_dir/$cell-$sz.data
		[ -s "$vec" ] || perf_make_vector "$cell" "$sz" "$vec" ||
			perf_die "cannot make the $cell vector file (python3-cryptography?)"
		args+=(--test-file "$vec" --test-name bench)
	fi
	RUN_NA=0 RUN_MOPS=
	: >"$log"
	perf_run "$log" --ptest throughput --buffer-sz "$sz" --burst-sz 32 \
		--total-ops "$n" "${args[@]}" || rc=$?
	if [ $rc -ne 0 ] && grep -q "does not support capabilities" "$log"; then
		RUN_NA=1
		return 0
	fi
	perf_check_run "$rc" "$log" "$name $cell $sz B" || exit 1
	row=$(perf_parse_csv "$log" | head -n 1)
	[ -n "$row" ] || bad="no result row"
	[ -n "$bad" ] || [[ $(perf_get mops "$row") =~ ^[0-9]+(\.[0-9]+)?$ ]] || bad="no Mops in '$row'"
	[ -n "$bad" ] || [ "$(perf_get deq "$row")" = "$n" ] || bad="dequeued $(perf_get deq "$row") of $n"
	[ -n "$bad" ] || awk -v m="$(perf_get mops "$row")" 'BEGIN { exit !(m > 0) }' || bad="zero throughput"
	if [ -n "$bad" ]; then
		perf_err "$name $cell $sz B: $bad"
		perf_err "command: $PERF_CMDLINE"
		perf_show_log "$log" >&2
		exit 1
	fi
	RUN_MOPS=$(perf_get mops "$row")
}

# run_ceiling CELL SIZE API MS: RUN_MOPS (and RUN_API, the API measured),
# from the ceiling of the engine that serves CELL in qatsec.
run_ceiling() {
	local line bin=$ceiling_bin
	case "$1" in aes-xts*) bin=$ceiling_evp_bin ;; esac
	line=$(taskset -c "$worker_cpu" "$bin" --cell "$1" --size "$2" \
		--api "$3" --ms "$4" --cpu "$worker_cpu" "${ceiling_args[@]}" | grep 'api=best') ||
		perf_die "$(basename "$bin") --cell $1 --size $2 --api $3 failed"
	[[ $line =~ api=best\(([^\)]*)\).*mops=([0-9.]+) ]] ||
		perf_die "qatsec-ceiling: unexpected output '$line'"
	RUN_API=${BASH_REMATCH[1]} RUN_MOPS=${BASH_REMATCH[2]}
}

# ops for about ms milliseconds at mops (multiple of 1000, >= 10000)
ops_for_mops() {
	awk -v m="$1" -v ms="$2" 'BEGIN { n = int(m * ms * 1000 / 1000) * 1000; print (n < 10000 ? 10000 : n) }'
}

declare -A OPS NA CEIL_API RES
rm -f "$out/claimlat.txt" "$out/ceiling_api.txt" "$out/bench.png"
runs_csv=$out/runs.csv
echo "round,cell,size,pmd,mops" >"$runs_csv"
ROUND_LINE=
record() {	# record ROUND CELL SIZE PMD MOPS
	RES[$2:$3:$4]+="$5 "
	echo "$1,$2,$3,$4,$5" >>"$runs_csv"
	ROUND_LINE+=" $4 $5"
}
# round_said ROUND CELL SIZE: the line of what record saw since the last.
round_said() {
	printf '[bench] round %d/%d %-19s %5s B:%s\n' "$1" "$rounds" "$2" "$3" "$ROUND_LINE"
	ROUND_LINE=
}

nb_runs=0
for c in "${cell_list[@]}"; do
	read -r -a al <<<"$(anchors_of "$c")"
	nb_runs=$((nb_runs + (${#al[@]} + 2) * ${#size_list[@]}))
done
perf_say "$(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'), $(nproc) CPUs; worker lcore/CPU $worker_cpu"
perf_say "cells: ${cell_list[*]}; sizes: ${size_list[*]}; $rounds rounds of $nb_runs runs, ~$ms ms each"

# ------------------------------------------------------------ calibration
# Warm-up and sizing: every pair once, short; each later run is sized to
# take about --ms on its PMD. The ceiling tries every API of its engine once and
# keeps the fastest for the rounds.
perf_say "calibrating (every PMD x cell once, and every ceiling API per cell)"
for sz in "${size_list[@]}"; do
	n=$(perf_ops_for null "$sz" $((ms / 3)))
	run_pmd null null "$sz" "$n"
	OPS[null:$sz]=$(ops_for_mops "$RUN_MOPS" "$ms")
	for c in "${cell_list[@]}"; do
		read -r -a al <<<"$(anchors_of "$c")"
		for p in qatsec "${al[@]}"; do
			n=$(perf_ops_for "$c" "$sz" $((ms / 3)))
			run_pmd "$p" "$c" "$sz" "$n"
			if [ "$RUN_NA" = 1 ]; then
				NA[$c:$sz:$p]=1
				perf_say "  $p does not serve $c: left out"
				continue
			fi
			OPS[$c:$sz:$p]=$(ops_for_mops "$RUN_MOPS" "$ms")
		done
		run_ceiling "$c" "$sz" all $((ms / 2 > 100 ? 100 : ms / 2))
		CEIL_API[$c:$sz]=$RUN_API
		echo "$c $sz $RUN_API" >>"$out/ceiling_api.txt"
		printf '[bench]   %-19s %5s B: ceiling API %s\n' "$c" "$sz" "$RUN_API"
	done
done

# ---------------------------------------------------------------- rounds
t0=$(date +%s)
for ((r = 1; r <= rounds; r++)); do
	for sz in "${size_list[@]}"; do
		run_pmd null null "$sz" "${OPS[null:$sz]}"
		record "$r" null "$sz" null "$RUN_MOPS"
		ROUND_LINE=
		for c in "${cell_list[@]}"; do
			read -r -a al <<<"$(anchors_of "$c")"
			order=(qatsec "${al[@]}" ceiling)
			k=$(( (r - 1) % ${#order[@]} ))
			order=("${order[@]:k}" "${order[@]:0:k}")
			for p in "${order[@]}"; do
				[ -z "${NA[$c:$sz:$p]:-}" ] || continue
				if [ "$p" = ceiling ]; then
					run_ceiling "$c" "$sz" "${CEIL_API[$c:$sz]}" "$ms"
				else
					run_pmd "$p" "$c" "$sz" "${OPS[$c:$sz:$p]}"
				fi
				record "$r" "$c" "$sz" "$p" "$RUN_MOPS"
			done
			round_said "$r" "$c" "$sz"
		done
	done
	el=$(( $(date +%s) - t0 ))
	perf_say "round $r/$rounds done, ${el}s elapsed, ~$(( el * (rounds - r) / r ))s to go"
done

# ------------------------------------------- secondary vs primary, claims
mp_cells=(aes-cbc-128-sha1:64 aes-gcm-128-enc:64)
if [ $do_mp -eq 1 ]; then
	perf_say "secondary on its claimed section vs one primary process (qatsecd restarted per run)"
	for ((r = 1; r <= rounds; r++)); do
		for cs in "${mp_cells[@]}"; do
			c=${cs%:*} sz=${cs#*:}
			n=${OPS[$c:$sz:qatsec]:-$(perf_ops_for "$c" "$sz" "$ms")}
			order=(qatsec-primary qatsec-secondary)
			[ $((r % 2)) -eq 1 ] || order=(qatsec-secondary qatsec-primary)
			for p in "${order[@]}"; do
				run_pmd "$p" "$c" "$sz" "$n"
				record "$r" "$c" "$sz" "$p" "$RUN_MOPS"
			done
			round_said "$r" "$c" "$sz"
		done
	done
	perf_say "section claim + release, 10000 rounds (a secondary of qatsecd)"
	bash "$ctl" restart "${ctl_args[@]}" >/dev/null 2>&1 || perf_die "qatsecd did not start"
	(cd "$PERF_WORKDIR" && "$claimlat_bin" --proc-type=secondary --file-prefix "$mp_prefix" \
		-l "$worker_cpu" --no-pci --log-level=lib.eal:warning \
		--log-level=lib.cryptodev:warning --log-level=pmd.crypto.qatsec:warning \
		-- --section SSL --rounds 10000) >"$PERF_WORKDIR/claimlat.log" 2>&1 ||
		{ cat "$PERF_WORKDIR/claimlat.log" >&2; perf_die "qatsec-claimlat failed"; }
	bash "$ctl" stop "${ctl_args[@]}" >/dev/null 2>&1
	grep '^claimlat what=' "$PERF_WORKDIR/claimlat.log" >"$out/claimlat.txt"
fi

# --------------------------------------------------------------- results
{
	echo "rounds=$rounds"
	echo "ms=$ms"
	echo "cpu=$(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')"
	echo "cpus=$(nproc)"
	echo "flags=$(grep -m1 '^flags' /proc/cpuinfo | tr ' ' '\n' | grep -xE 'aes|avx2|avx512f|avx512bw|avx512vl|vaes|vpclmulqdq|sha_ni|gfni' | tr '\n' ' ')"
	echo "hypervisor=$(lscpu 2>/dev/null | awk -F: '/Hypervisor vendor/ { gsub(/^ +/, "", $2); print $2 }')"
	echo "kernel=$(uname -r)"
	echo "dpdk=$(pkg-config --modversion libdpdk 2>/dev/null)"
	echo "ipsec_mb=$(dpkg-query -W -f='${Version}' libipsec-mb-dev 2>/dev/null)"
	echo "memory=$( [ "$PERF_HUGE" = 1 ] && echo "hugepages (-m 256)" || echo "--no-huge -m 1024")"
	echo "date=$(date -u '+%Y-%m-%d %H:%M UTC')"
	echo "worker_cpu=$worker_cpu"
} >"$out/machine.txt"
/usr/bin/python3 "$top/devtools/bench_report.py" "$out" ||
	perf_die "devtools/bench_report.py failed"
perf_say "results: $out/{table.md,summary.csv,runs.csv,bench.png}"
