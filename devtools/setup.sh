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
hugepages_wanted=${QATSEC_HUGEPAGES:-1024}

say() { printf '[setup] %s\n' "$*"; }
die() { printf '[setup] ERROR: %s\n' "$*" >&2; exit 1; }

packages=(dpdk dpdk-dev libdpdk-dev libnuma-dev meson ninja-build libipsec-mb-dev
	pkg-config gcc python3-cryptography-vectors dpdk-doc libssl-dev make xz-utils
	gnuplot-nox python3-cryptography
	debhelper dpkg-dev python3-sphinx man-db systemd binutils)

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
	say "sdk: fetching Debian source package dpdk=$pkgver for $ver headers"
	local work lists srclist
	work=$(mktemp -d)
	lists=$work/lists
	mkdir -p "$lists/partial"
	srclist=$work/sources.list
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
	[ -s "$srclist" ] || die "sdk: no Debian archive configured in /etc/apt to take deb-src from"
	apt-get update -q -o APT::Sandbox::User=root -o Dir::Etc::SourceList="$srclist" -o Dir::Etc::SourceParts=/dev/null \
		-o Dir::State::Lists="$lists" >/dev/null ||
		die "sdk: apt-get update of the deb-src list failed"
	(cd "$work" && apt-get source --download-only -q -o APT::Sandbox::User=root \
		-o Dir::Etc::SourceList="$srclist" -o Dir::Etc::SourceParts=/dev/null \
		-o Dir::State::Lists="$lists" "dpdk=$pkgver" >/dev/null) ||
		die "sdk: apt-get source dpdk=$pkgver failed (is that version still in the archive?)"
	local orig
	orig=$(ls "$work"/dpdk_*.orig.tar.* 2>/dev/null | head -n 1)
	[ -n "$orig" ] || die "sdk: no .orig tarball downloaded"
	local tdir=$work/x
	mkdir -p "$tdir"
	# Extract only what we need: the three headers and the crypto-perf vector files.
	tar -xf "$orig" -C "$tdir" --wildcards --strip-components=1 \
		"*/${sdk_headers[0]}" "*/${sdk_headers[1]}" "*/${sdk_headers[2]}" \
		'*/app/test-crypto-perf/data/*' '*/VERSION' ||
		die "sdk: extracting headers from $orig failed"
	local srcver
	srcver=$(cat "$tdir/VERSION")
	[ "$srcver" = "$ver" ] || die "sdk: source version $srcver differs from installed libdpdk $ver"
	mkdir -p "$inc" "$sdkdir/$pkgver/perf-data"
	for h in "${sdk_headers[@]}"; do
		cp "$tdir/$h" "$inc/"
	done
	cp -r "$tdir/app/test-crypto-perf/data/." "$sdkdir/$pkgver/perf-data/"
	echo "$ver" > "$inc/.version"
	rm -rf "$work"
	say "sdk: headers for DPDK $ver in $inc"
	sdk_include=$inc
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
	local opts=("$@")
	[ -z "$sdk_include" ] || opts=(-Ddpdk_sdk_include="$sdk_include" "$@")
	if [ -f "$builddir/build.ninja" ]; then
		meson configure "$builddir" "${opts[@]}" >/dev/null
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
setup_hugepages
configure_build "$@"
say "done"
