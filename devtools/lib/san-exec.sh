#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Runs an uninstrumented DPDK app (the name this is called by: the links in
# devtools/lib/san-bin/, put first on PATH by devtools/run's sanitizer pass)
# with the sanitizer runtimes preloaded (QATSEC_SAN_PRELOAD), so that it can
# load the ASan+UBSan build of the PMD with -d: ASan must be the first
# library of a process, and dlopen() is too late.
set -euo pipefail
self=$(cd "$(dirname "$0")" && pwd)
app=$(basename "$0")
real=
IFS=: read -r -a dirs <<< "$PATH"
for d in "${dirs[@]}"; do
	[ "$(cd "$d" 2>/dev/null && pwd)" != "$self" ] || continue
	if [ -x "$d/$app" ]; then
		real=$d/$app
		break
	fi
done
[ -n "$real" ] || { echo "san-exec: no $app on PATH besides $self" >&2; exit 127; }
# Their leaks are the app's (and DPDK's), not ours: no LeakSanitizer.
export ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0
export LD_PRELOAD=${QATSEC_SAN_PRELOAD:?san-exec: QATSEC_SAN_PRELOAD unset}${LD_PRELOAD:+:$LD_PRELOAD}
exec "$real" "$@"
