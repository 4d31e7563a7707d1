#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Runs one EAL test program under a --file-prefix of its own, derived from
# this wrapper's pid (devtools/lib/dpdk-run.sh's rule), so that no two runs
# of a test, from one tree or several, share a runtime dir or hugepage
# files; then removes exactly that prefix's files. Stdout (TAP) and the exit
# status are the program's.
#   eal_run.sh WHAT PROGRAM [EAL args...] [-- program args...]
set -uo pipefail
# shellcheck source=../../devtools/lib/dpdk-run.sh
. "$(dirname "${BASH_SOURCE[0]}")/../../devtools/lib/dpdk-run.sh"
[ $# -ge 2 ] || { echo "usage: eal_run.sh WHAT PROGRAM [args...]" >&2; exit 2; }
what=$1 prog=$2
shift 2
prefix=$(dr_prefix "$what") || exit 2
# meson names a program in the working directory by its bare name.
[[ $prog == */* ]] || [ ! -x "$prog" ] || prog=./$prog
child=

finish() {
	[ -z "$child" ] || dr_stop "$child" TERM || true
	dr_remove_files "$prefix"
}
trap finish EXIT
trap 'exit 143' TERM
trap 'exit 130' INT

# In the background, so that a TERM (meson's timeout) reaches the trap now.
"$prog" --file-prefix "$prefix" "$@" &
child=$!
wait "$child"
rc=$?
child=
exit "$rc"
