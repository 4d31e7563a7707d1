# SPDX-License-Identifier: BSD-3-Clause
# shellcheck shell=bash disable=SC2034
# One DPDK run's life, for every script of devtools/ and test/ that starts
# DPDK processes: its --file-prefix, the free-hugepage check, the qatsecd
# primary (start, readiness, stop) and the removal of exactly this run's
# files. Sourced, not run; defines dr_* functions and DR_* variables only.
#
# The prefix rule: qatsec-<what>-<pid>-<n>-, <what> a word without '-',
# after $QATSEC_PREFIX_TAG when set (a word of [a-z0-9_] ending in '_', e.g.
# bench11_: a machine shared with other users' DPDK runs may want every
# prefix of one user to start alike).
# Every field ends in '-', so no prefix is the beginning of another's and
# "<prefix>*" never matches the files of a concurrent run. Nothing here
# removes the files of a prefix that breaks the rule (an empty, foreign or
# wildcard prefix), so no script can delete another run's files by mistake.

DR_RUN_DIR=/var/run/dpdk

# dr_prefix WHAT: prints a new prefix for this shell's run WHAT ([a-z0-9_]).
# The pid keeps concurrent runs apart; the random field keeps a run apart
# from the leftovers of a killed run whose pid was the same.
dr_prefix() {
	[[ $1 =~ ^[a-z0-9_]+$ ]] || {
		echo "dr_prefix: '$1' is not a word of [a-z0-9_]" >&2
		return 2
	}
	local tag=${QATSEC_PREFIX_TAG:-}
	[ -z "$tag" ] || [[ $tag =~ ^[a-z0-9_]*_$ ]] || {
		echo "dr_prefix: QATSEC_PREFIX_TAG '$tag' is not a word of [a-z0-9_] ending in '_'" >&2
		return 2
	}
	printf '%sqatsec-%s-%s-%s-\n' "$tag" "$1" "$$" "$((RANDOM * 32768 + RANDOM))"
}

# dr_is_ours PREFIX: PREFIX follows the rule (so its files may be removed).
dr_is_ours() {
	[[ $1 =~ ^([a-z0-9_]*_)?qatsec-[a-z0-9_]+-[0-9]+-[0-9]+-$ ]]
}

# dr_hugedirs: the hugetlbfs mount points, one a line.
dr_hugedirs() {
	awk '$3 == "hugetlbfs" { print $2 }' /proc/mounts
}

# dr_hugepage_files PREFIX: the hugepage files of PREFIX, one a line.
dr_hugepage_files() {
	local d f
	while read -r d; do
		for f in "$d/$1"*; do
			[ -e "$f" ] && echo "$f"
		done
	done < <(dr_hugedirs)
}

# dr_hugepages_free_mb: free hugepage memory in MB.
dr_hugepages_free_mb() {
	awk '/^HugePages_Free:/ { f = $2 } /^Hugepagesize:/ { s = $2 }
		END { print int(f * s / 1024) }' /proc/meminfo
}

# dr_hugepages_ok MB: at least MB of free hugepages on a mounted hugetlbfs;
# otherwise returns 1 with DR_HUGEPAGES_WHY saying what is missing and how
# to get it (the caller decides between skip, fallback and failure).
dr_hugepages_ok() {
	local want=$1 free
	DR_HUGEPAGES_WHY=
	if [ -z "$(dr_hugedirs)" ]; then
		DR_HUGEPAGES_WHY="no hugetlbfs mounted (as root: mount -t hugetlbfs nodev /dev/hugepages, or run devtools/setup.sh)"
		return 1
	fi
	free=$(dr_hugepages_free_mb)
	if [ "$free" -lt "$want" ]; then
		DR_HUGEPAGES_WHY="$want MB of free hugepages needed, $free MB free (as root: echo 1024 > /proc/sys/vm/nr_hugepages, or run devtools/setup.sh; other DPDK runs may hold them)"
		return 1
	fi
}

# dr_remove_files PREFIX: removes the hugepage files and runtime dirs of
# PREFIX, which must be this run's (dr_is_ours) and whose processes must
# have ended: call after dr_stop. Returns 1, removing nothing, otherwise.
dr_remove_files() {
	local p=$1 f
	if ! dr_is_ours "$p"; then
		echo "dr_remove_files: '$p' is not a qatsec run prefix: nothing removed" >&2
		return 1
	fi
	while read -r f; do
		rm -f -- "$f"
	done < <(dr_hugepage_files "$p")
	rm -rf -- "${DR_RUN_DIR:?}/$p"
	[ -z "${XDG_RUNTIME_DIR:-}" ] || rm -rf -- "$XDG_RUNTIME_DIR/dpdk/$p"
}

# dr_alive PID: running (a zombie, dead but not waited for, is not).
dr_alive() {
	local st
	# The state follows the last ')': the command name may hold anything.
	st=$(sed -n 's/.*) \(.\).*/\1/p' "/proc/$1/stat" 2>/dev/null)
	[ -n "$st" ] && [ "$st" != Z ] && [ "$st" != X ]
}

# dr_stop PID [SIGNAL [TENTHS]]: sends SIGNAL (TERM), waits up to TENTHS
# tenths of a second (50), then SIGKILL. Returns the process's exit status
# when it is this shell's child, else 0 once it is gone. (A child forked
# an instant ago may still be a copy of this shell, which would run this
# shell's EXIT trap on SIGTERM: stop such a one with KILL.)
dr_stop() {
	local pid=$1 sig=${2:-TERM} n=${3:-50} rc=0
	[ -n "$pid" ] || return 0
	kill -"$sig" "$pid" 2>/dev/null || true
	while dr_alive "$pid" && [ "$n" -gt 0 ]; do
		sleep 0.1
		n=$((n - 1))
	done
	if dr_alive "$pid"; then
		echo "# pid $pid still running after SIG$sig: SIGKILL" >&2
		kill -KILL "$pid" 2>/dev/null || true
		while dr_alive "$pid"; do sleep 0.05; done
	fi
	wait "$pid" 2>/dev/null || rc=$?
	[ "$rc" -ne 127 ] || rc=0	# not our child
	return "$rc"
}

# dr_primary_start BUILD PREFIX CONFIG_DIR LOG [EAL args...]: qatsecd in
# the background (DR_DETACH=1: in a session of its own, for a primary that
# outlives the calling script), its output appended to LOG. Waits for its
# "qatsecd: ready" line (DR_READY_TENTHS, 300). Sets DR_PRIMARY_PID.
# DR_PRIMARY_EAL (EAL words) and DR_PRIMARY_ENV (NAME=value words) are
# added to every primary: devtools/run's sanitizer pass sets them.
# DR_PRIMARY_ARGS: more qatsecd options (e.g. --stop-timeout 3).
# Returns 1 with the log on stderr (and the primary stopped) if it exits
# or is not ready in time. Call it directly, not in $(...): the primary
# must be this shell's child for dr_stop to read its exit status.
dr_primary_start() {
	local build=$1 prefix=$2 conf=$3 log=$4 start n=${DR_READY_TENTHS:-300}
	local cmd=("$build/app/qatsecd" --file-prefix "$prefix" -l 0 --no-pci)
	shift 4
	# shellcheck disable=SC2206
	cmd+=(${DR_PRIMARY_EAL:-} "$@" -- --config-dir "$conf" ${DR_PRIMARY_ARGS:-})
	# shellcheck disable=SC2206
	[ -z "${DR_PRIMARY_ENV:-}" ] || cmd=(env ${DR_PRIMARY_ENV} "${cmd[@]}")
	[ "${DR_DETACH:-0}" != 1 ] || cmd=(setsid "${cmd[@]}")
	# The file exists before the first look at it (the background
	# redirection may come later).
	: >> "$log"
	start=$(wc -l < "$log")
	"${cmd[@]}" >> "$log" 2>&1 < /dev/null &
	DR_PRIMARY_PID=$!
	while [ "$n" -gt 0 ]; do
		tail -n +"$((start + 1))" "$log" | grep -q "^qatsecd: ready" && return 0
		dr_alive "$DR_PRIMARY_PID" || break
		sleep 0.1
		n=$((n - 1))
	done
	if dr_alive "$DR_PRIMARY_PID"; then
		echo "# qatsecd (pid $DR_PRIMARY_PID) not ready after $(( ${DR_READY_TENTHS:-300} / 10 )) s: stopped; its log:" >&2
		dr_stop "$DR_PRIMARY_PID" KILL
	else
		echo "# qatsecd exited before it was ready; its log:" >&2
	fi
	tail -n +"$((start + 1))" "$log" | sed 's/^/#   /' >&2
	DR_PRIMARY_PID=
	return 1
}

# dr_primary_stop [SIGNAL]: stops the primary of dr_primary_start (SIGINT:
# its orderly shutdown), returning its exit status.
dr_primary_stop() {
	local pid=$DR_PRIMARY_PID
	DR_PRIMARY_PID=
	dr_stop "$pid" "${1:-INT}"
}
