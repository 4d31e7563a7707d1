#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Builds one of DPDK's example applications, unmodified, from Debian's
# dpdk-doc (/usr/share/dpdk/examples) with its own Makefile against the
# installed libdpdk, for the mp tests that run real applications as
# secondaries. The sources are copied (with examples/common, which some
# include) into a private dir of the build tree; nothing of DPDK's is kept
# in this repository.
#   build-example.sh APP OUTPUT [PRIVATE_DIR]
set -euo pipefail
app=$1 out=$2 dir=${3:-$(dirname "$2")/$1.d}
src=${QATSEC_DPDK_EXAMPLES:-/usr/share/dpdk/examples}
if [ ! -f "$src/$app/Makefile" ]; then
	echo "build-example: $src/$app not found: install Debian's dpdk-doc (devtools/setup.sh does)" >&2
	exit 1
fi
rm -rf "$dir"
mkdir -p "$dir"
cp -r "$src/$app" "$dir/$app"
[ ! -d "$src/common" ] || cp -r "$src/common" "$dir/common"
make -s -C "$dir/$app" shared > "$dir/make.log" 2>&1 || {
	tail -30 "$dir/make.log" >&2
	exit 1
}
cp "$dir/$app/build/$app-shared" "$out"
