#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# The libFuzzer targets, built with clang outside meson (gcc has no
# libFuzzer): config (test/unit/fuzz_config.c: endpoint files parsed and
# expanded), devargs (test/fuzz/fuzz_devargs.c: the PMD's kvargs parsing),
# telemetry (test/fuzz/fuzz_telemetry.c: the PMD's /qatsec handlers through
# DPDK's telemetry socket, on a table a real probe built).
#   devtools/fuzz.sh ci [BUILD]            every target from its corpus in
#       test/fuzz/corpus/<name> (config 60 s, the others 20 s); fails on any
#       finding. devtools/run test runs it.
#   devtools/fuzz.sh run NAME [BUILD] [libFuzzer args...]   one target, e.g.
#       the long run: devtools/fuzz.sh run config build -runs=10000000
#   devtools/fuzz.sh merge NAME [BUILD]    refresh the kept corpus (minimised)
# BUILD (default build/) is the meson build dir whose PMD the telemetry
# target loads: a build without sanitizers (clang's ASan runtime is not
# gcc's). Findings are written to the fuzz work dir and printed.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=lib/dpdk-run.sh
. "$top/devtools/lib/dpdk-run.sh"
say() { printf '[fuzz] %s\n' "$*"; }
die() { printf '[fuzz] ERROR: %s\n' "$*" >&2; exit 1; }

job=${1:-}
shift || true
targets=(config devargs telemetry)
cflags=(-g -O1 -D_GNU_SOURCE -fsanitize=fuzzer,address,undefined
	-fno-sanitize-recover=undefined -Wall -Wextra -Werror
	-Wno-unused-parameter)
# Arguments each target always gets.
max_len() {
	case $1 in
	config) echo 65536 ;;
	*) echo 900 ;;
	esac
}

# build NAME BUILD OUT: compiles target NAME into OUT.
build() {
	local name=$1 build=$2 out=$3 sdk
	local cfg=(drivers/common/qatsec/cfg/*.c)
	command -v clang >/dev/null || die "clang not found (devtools/setup.sh installs it)"
	cd "$top"
	case $name in
	config)
		clang "${cflags[@]}" -Idrivers/common/qatsec/cfg \
			test/unit/fuzz_config.c "${cfg[@]}" -o "$out" ;;
	devargs)
		# shellcheck disable=SC2046
		clang "${cflags[@]}" -Idrivers/crypto/qatsec \
			-Idrivers/common/qatsec/cfg $(pkg-config --cflags libdpdk) \
			test/fuzz/fuzz_devargs.c drivers/crypto/qatsec/qatsec_devargs.c \
			$(pkg-config --libs-only-L libdpdk) -lrte_kvargs -o "$out" ;;
	telemetry)
		sdk=$(meson introspect --buildoptions "$build" | /usr/bin/python3 -c \
			'import json,sys; print(next(o["value"] for o in json.load(sys.stdin) if o["name"] == "dpdk_sdk_include"))')
		# shellcheck disable=SC2046
		clang "${cflags[@]}" -Wno-sign-compare -DALLOW_EXPERIMENTAL_API \
			-DALLOW_INTERNAL_API \
			-DRTE_LOG_DEFAULT_LOGTYPE=pmd.crypto.qatsec \
			-Idrivers/crypto/qatsec -Idrivers/common/qatsec/cfg \
			-Idrivers/common/qatsec/core -Idrivers/common/qatsec/claim \
			${sdk:+-I"$sdk"} $(pkg-config --cflags libdpdk) \
			test/fuzz/fuzz_telemetry.c \
			drivers/common/qatsec/core/qatsec_qp.c \
			drivers/common/qatsec/core/qatsec_backend.c \
			drivers/common/qatsec/core/qatsec_log.c \
			$(pkg-config --libs libdpdk) -o "$out" ;;
	*) die "no target '$name' (${targets[*]})" ;;
	esac
}

work=$(mktemp -d /tmp/qatsec-fuzz.XXXXXX)
prefix=$(dr_prefix fuzz)
cleanup() { dr_remove_files "$prefix" || true; rm -rf "$work"; }
trap cleanup EXIT

# fuzz NAME BUILD CORPUS_DIR [libFuzzer args...]: runs target NAME in
# $work (findings land there); prints libFuzzer's last lines.
fuzz() {
	local name=$1 build corpus=$3 rc=0
	# Absolute: the target runs from $work.
	build=$(cd "$2" && pwd) || die "no build dir $2"
	shift 3
	build "$name" "$build" "$work/fuzz_$name" || die "building fuzz_$name failed"
	mkdir -p "$work/$name"
	(cd "$work" && LD_LIBRARY_PATH="$build/drivers/crypto/qatsec" \
		QATSEC_FUZZ_PREFIX="$prefix" QATSEC_FUZZ_CONF="$top/config" \
		"./fuzz_$name" -max_len="$(max_len "$name")" \
		-artifact_prefix="$work/$name-" -print_final_stats=1 "$@" \
		"$work/$name" "$corpus") > "$work/$name.log" 2>&1 || rc=$?
	grep -E '^(#[0-9]+ +DONE|Done |stat::number_of_executed_units|==[0-9]+==ERROR|SUMMARY|fuzz_)' \
		"$work/$name.log" | sed "s/^/[fuzz $name] /" || true
	if [ $rc -ne 0 ]; then
		say "$name: FINDING (exit $rc); log and input:"
		tail -n 60 "$work/$name.log" >&2
		for f in "$work/$name"-*; do
			[ -e "$f" ] || continue
			cp "$f" "$top/build-fuzz-$(basename "$f")" 2>/dev/null || true
			say "input kept as $top/build-fuzz-$(basename "$f")"
		done
	fi
	return $rc
}

case "$job" in
ci)
	build_dir=${1:-$top/build}
	rc=0
	for t in "${targets[@]}"; do
		secs=20
		[ "$t" != config ] || secs=60
		fuzz "$t" "$build_dir" "$top/test/fuzz/corpus/$t" \
			-max_total_time="$secs" || rc=1
	done
	[ $rc -eq 0 ] && say "no finding" || say "FAILED"
	exit $rc
	;;
run)
	name=${1:?run NAME [BUILD] [libFuzzer args...]}
	build_dir=${2:-$top/build}
	shift 2 || shift $#
	fuzz "$name" "$build_dir" "$top/test/fuzz/corpus/$name" "$@"
	;;
merge)
	name=${1:?merge NAME [BUILD]}
	build_dir=${2:-$top/build}
	mkdir -p "$work/new"
	fuzz "$name" "$build_dir" "$top/test/fuzz/corpus/$name" -max_total_time=60
	fuzz "$name" "$build_dir" "$work/$name" -merge=1 "$work/new" >/dev/null
	rm -rf "$top/test/fuzz/corpus/$name"
	mkdir -p "$top/test/fuzz/corpus/$name"
	cp "$work/new"/* "$top/test/fuzz/corpus/$name/"
	say "$name: $(ls "$top/test/fuzz/corpus/$name" | wc -l) inputs kept"
	;;
*)
	echo "usage: devtools/fuzz.sh ci [BUILD] | run NAME [BUILD] [args] | merge NAME [BUILD]" >&2
	exit 2
	;;
esac
