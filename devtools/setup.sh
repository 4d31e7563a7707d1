#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# One-shot, idempotent preparation of a Debian 12 machine for qatsec:
# packages, DPDK driver-SDK headers (from Debian's source package of exactly
# the installed DPDK), hugepages, and a configured + built tree under build/.
# Every step says what it does; a step that cannot be done says why.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
builddir=${QATSEC_BUILDDIR:-$top/build}
sdkdir=$top/build-sdk
# A link that leads nowhere (e.g. to itself) would fail every step below.
if [ -L "$sdkdir" ] && [ ! -e "$sdkdir" ]; then
	rm -f "$sdkdir"
fi
hugepages_wanted=${QATSEC_HUGEPAGES:-1024}

say() { printf '[setup] %s\n' "$*"; }
die() { printf '[setup] ERROR: %s\n' "$*" >&2; exit 1; }

packages=(dpdk dpdk-dev libdpdk-dev libnuma-dev meson ninja-build libipsec-mb-dev python3-scapy gdb
	pkg-config gcc python3-cryptography-vectors dpdk-doc libssl-dev make xz-utils
	gnuplot-nox python3-cryptography
	debhelper dpkg-dev python3-sphinx man-db systemd binutils
	clang libclang-rt-dev)

install_packages() {
	local missing=()
	for p in "${packages[@]}"; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' ||
			missing+=("$p")
	done
	if [ ${#missing[@]} -eq 0 ]; then
		say "packages: all present"
		return
	fi
	[ "$(id -u)" -eq 0 ] || die "packages missing (${missing[*]}) and not root: run as root or install them"
	say "packages: installing ${missing[*]}"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -q >/dev/null
	# dpdk-doc pulls fonts that occasionally need a second pass of -f install.
	apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null ||
		{ apt-get -f install -y -q >/dev/null && apt-get install -y -q "${missing[@]}" >/dev/null; } ||
		die "apt-get install ${missing[*]} failed"
}

# The three headers a vdev cryptodev PMD needs and Debian's libdpdk-dev lacks.
sdk_headers=(lib/cryptodev/cryptodev_pmd.h lib/eal/include/dev_driver.h
	drivers/bus/vdev/bus_vdev_driver.h)

sdk_has_headers() {
	local d=$1
	for h in "${sdk_headers[@]}"; do
		[ -f "$d/$(basename "$h")" ] || return 1
	done
}

fetch_sdk_headers() {
	local ver pkgver inc
	ver=$(pkg-config --modversion libdpdk) || die "pkg-config cannot find libdpdk"
	pkgver=$(dpkg-query -W -f='${Version}' libdpdk-dev)
	inc=$sdkdir/$pkgver/include
	# A DPDK built with enable_driver_sdk=true installs them itself: meson
	# finds them through libdpdk's own include path.
	local d
	for d in $(pkg-config --cflags-only-I libdpdk | sed 's/-I//g'); do
		if [ -f "$d/cryptodev_pmd.h" ] && [ -f "$d/bus_vdev_driver.h" ]; then
			say "sdk: libdpdk $ver ships the driver-SDK headers ($d)"
			sdk_include=
			return
		fi
	done
	if [ -n "${QATSEC_DPDK_SDK:-}" ]; then
		say "sdk: using QATSEC_DPDK_SDK=$QATSEC_DPDK_SDK"
		sdk_has_headers "$QATSEC_DPDK_SDK" || die "sdk: $QATSEC_DPDK_SDK lacks ${sdk_headers[*]}"
		sdk_include=$QATSEC_DPDK_SDK
		return
	fi
	if sdk_has_headers "$inc" && [ "$(cat "$inc/.version" 2>/dev/null)" = "$ver" ]; then
		say "sdk: headers for DPDK $ver already in $inc"
		sdk_include=$inc
		return
	fi
	[ "$(id -u)" -eq 0 ] || die "sdk: fetching Debian's dpdk source needs apt as root"
	dpdk_orig "$pkgver"
	local tdir
	tdir=$(dpdk_extract "$ver" "*/${sdk_headers[0]}" "*/${sdk_headers[1]}" \
		"*/${sdk_headers[2]}" '*/app/test-crypto-perf/data/*')
	mkdir -p "$inc" "$sdkdir/$pkgver/perf-data"
	for h in "${sdk_headers[@]}"; do
		cp "$tdir/$h" "$inc/"
	done
	cp -r "$tdir/app/test-crypto-perf/data/." "$sdkdir/$pkgver/perf-data/"
	echo "$ver" > "$inc/.version"
	say "sdk: headers for DPDK $ver in $inc"
	sdk_include=$inc
}

# Debian's source package of exactly the installed DPDK, downloaded once per
# run into a temp dir (removed when the (sub)shell exits); sets dpdk_orig_tar.
dpdk_work=
dpdk_orig_tar=
dpdk_orig() {
	local pkgver=$1
	[ -z "$dpdk_orig_tar" ] || return 0
	say "dpdk source: fetching Debian source package dpdk=$pkgver"
	local lists srclist
	dpdk_work=$(mktemp -d)
	trap 'rm -rf "$dpdk_work"' EXIT
	lists=$dpdk_work/lists
	mkdir -p "$lists/partial"
	srclist=$dpdk_work/sources.list
	# Reuse the machine's own configured Debian archives, as deb-src.
	{
		grep -hs '^deb ' /etc/apt/sources.list /etc/apt/sources.list.d/*.list || true
		for f in /etc/apt/sources.list.d/*.sources; do
			[ -f "$f" ] || continue
			awk '
				/^URIs:/ { u = $2 }
				/^Suites:/ { s = ""; for (i = 2; i <= NF; i++) s = s " " $i }
				/^Components:/ { c = ""; for (i = 2; i <= NF; i++) c = c " " $i }
				/^$/ { if (u != "") { n = split(s, a, " "); for (i = 1; i <= n; i++) print "deb " u " " a[i] c }; u = "" }
				END { if (u != "") { n = split(s, a, " "); for (i = 1; i <= n; i++) print "deb " u " " a[i] c } }
			' "$f"
		done
	} | grep -E 'debian' | sed 's/^deb /deb-src /' | sort -u > "$srclist"
	[ -s "$srclist" ] || die "dpdk source: no Debian archive configured in /etc/apt to take deb-src from"
	apt-get update -q -o APT::Sandbox::User=root -o Dir::Etc::SourceList="$srclist" -o Dir::Etc::SourceParts=/dev/null \
		-o Dir::State::Lists="$lists" >/dev/null ||
		die "dpdk source: apt-get update of the deb-src list failed"
	(cd "$dpdk_work" && apt-get source --download-only -q -o APT::Sandbox::User=root \
		-o Dir::Etc::SourceList="$srclist" -o Dir::Etc::SourceParts=/dev/null \
		-o Dir::State::Lists="$lists" "dpdk=$pkgver" >/dev/null) ||
		die "dpdk source: apt-get source dpdk=$pkgver failed (is that version still in the archive?)"
	dpdk_orig_tar=$(ls "$dpdk_work"/dpdk_*.orig.tar.* 2>/dev/null | head -n 1)
	[ -n "$dpdk_orig_tar" ] || die "dpdk source: no .orig tarball downloaded"
}

# Extracts only the members matching the given wildcards (and VERSION) into a
# fresh directory under the temp dir, checks the version, prints the dir.
dpdk_extract() {
	local ver=$1
	shift
	local tdir
	tdir=$(mktemp -d "$dpdk_work/x.XXXX")
	tar -xf "$dpdk_orig_tar" -C "$tdir" --wildcards --strip-components=1 \
		"$@" '*/VERSION' >&2 ||
		die "dpdk source: extracting $* from $dpdk_orig_tar failed"
	local srcver
	srcver=$(cat "$tdir/VERSION")
	[ "$srcver" = "$ver" ] || die "dpdk source: version $srcver differs from installed libdpdk $ver"
	echo "$tdir"
}

# DPDK's own cryptodev unit tests (app/test of the installed version),
# rebuilt out of tree by test/dpdk; never committed. Sets dpdk_test_src.
dpdk_test_files=('app/test/test.c' 'app/test/test.h' 'app/test/commands.c'
	'app/test/test_cryptodev*.c' 'app/test/test_cryptodev*.h'
	'app/test/test_pdump.h' 'lib/eal/include/rte_test.h')

fetch_test_sources() {
	local ver pkgver dir
	ver=$(pkg-config --modversion libdpdk) || die "pkg-config cannot find libdpdk"
	pkgver=$(dpkg-query -W -f='${Version}' libdpdk-dev)
	dir=$sdkdir/$pkgver/dpdk-test
	# crypto-perf's vector files too, when the SDK headers came from
	# elsewhere (QATSEC_DPDK_SDK) and so were not extracted with them.
	local perf=$sdkdir/$pkgver/perf-data
	if [ -f "$dir/app/test/test_cryptodev.c" ] && [ -f "$dir/lib/eal/include/rte_test.h" ] &&
			[ "$(cat "$dir/.version" 2>/dev/null)" = "$ver" ] && [ -d "$perf" ]; then
		say "dpdk test sources: DPDK $ver app/test already in $dir"
		return
	fi
	[ "$(id -u)" -eq 0 ] || die "fetching Debian's dpdk source needs apt as root"
	dpdk_orig "$pkgver"
	local tdir pats=() f
	for f in "${dpdk_test_files[@]}"; do
		pats+=("*/$f")
	done
	tdir=$(dpdk_extract "$ver" "${pats[@]}" '*/app/test-crypto-perf/data/*')
	rm -rf "$dir"
	mkdir -p "$dir/app/test" "$dir/lib/eal/include"
	cp "$tdir"/app/test/* "$dir/app/test/"
	cp "$tdir/lib/eal/include/rte_test.h" "$dir/lib/eal/include/"
	echo "$ver" > "$dir/.version"
	if [ ! -d "$perf" ]; then
		mkdir -p "$perf"
		cp -r "$tdir/app/test-crypto-perf/data/." "$perf/"
	fi
	say "dpdk test sources: DPDK $ver app/test in $dir ($(ls "$dir/app/test" | wc -l) files)"
}

setup_hugepages() {
	local have
	have=$(cat /proc/sys/vm/nr_hugepages)
	if [ "$have" -lt "$hugepages_wanted" ]; then
		if [ "$(id -u)" -ne 0 ]; then
			say "hugepages: only $have reserved and not root; multi-process tests will be skipped"
			return
		fi
		echo "$hugepages_wanted" > /proc/sys/vm/nr_hugepages
		have=$(cat /proc/sys/vm/nr_hugepages)
		[ "$have" -ge "$hugepages_wanted" ] ||
			say "hugepages: asked $hugepages_wanted, kernel gave $have"
	fi
	if ! grep -qs ' /dev/hugepages hugetlbfs ' /proc/mounts; then
		[ "$(id -u)" -eq 0 ] || { say "hugepages: /dev/hugepages not mounted and not root"; return; }
		mkdir -p /dev/hugepages
		mount -t hugetlbfs nodev /dev/hugepages || die "hugepages: mount hugetlbfs failed"
	fi
	say "hugepages: $have x 2 MiB reserved, hugetlbfs on /dev/hugepages"
}

configure_build() {
	local opts=(-Ddpdk_test_src="$dpdk_test_src" "$@")
	[ -z "$sdk_include" ] || opts=(-Ddpdk_sdk_include="$sdk_include" "${opts[@]}")
	if [ -f "$builddir/build.ninja" ]; then
		# --reconfigure (not meson configure): also knows options added
		# to meson_options.txt since the build dir was made.
		meson setup --reconfigure "$builddir" "$top" "${opts[@]}" >/dev/null ||
			die "meson reconfigure failed (see $builddir/meson-logs/meson-log.txt)"
	else
		meson setup "$builddir" "$top" "${opts[@]}" >/dev/null ||
			die "meson setup failed (see $builddir/meson-logs/meson-log.txt)"
	fi
	say "build: ninja -C $builddir"
	ninja -C "$builddir" >/dev/null || { ninja -C "$builddir"; die "build failed"; }
}

install_packages
sdk_include=
fetch_sdk_headers
# Without the app/test sources the build goes on (in a subshell: a failure
# stops only this step); the 'dpdk' meson suite then fails loudly.
set +e
(set -e; fetch_test_sources)
rc=$?
set -e
dpdk_test_src=$sdkdir/$(dpkg-query -W -f='${Version}' libdpdk-dev)/dpdk-test
if [ $rc -ne 0 ] || [ ! -f "$dpdk_test_src/.version" ]; then
	say "WARNING: DPDK's app/test sources could not be extracted (see above): the 'dpdk' test suite will report a loud skip (a failure for devtools/run test)"
	dpdk_test_src=
fi
setup_hugepages
configure_build "$@"
say "done"
