# SPDX-License-Identifier: BSD-3-Clause
# shellcheck shell=bash
# Shared by the install tests (suite install). Sourced, not run.
# - TAP output (ok / skip_all / tap_end).
# - private_root: re-runs the calling script inside a private mount
#   namespace where /usr, /etc and /var are overlays over the real ones (on
#   a tmpfs), /run/dpdk is a tmpfs and /dev/hugepages a fresh hugetlbfs
#   instance. A real `meson install`, `dpkg -i` or the unit's own command
#   lines then run as on a clean machine, while no other process of this
#   (shared) machine sees any of it, e.g. a PMD in the EAL's autoload
#   directory, and everything vanishes with the namespace.
# Needs: QATSEC_SRC, QATSEC_BUILD set by the caller.

tap_n=0
tap_fail=0
ok() {
	local rc=$1
	shift
	tap_n=$((tap_n + 1))
	if [ "$rc" -eq 0 ]; then
		echo "ok $tap_n - $*"
	else
		echo "not ok $tap_n - $*"
		tap_fail=$((tap_fail + 1))
	fi
	return "$rc"
}
note() { printf '# %s\n' "$*"; }
skip_all() {
	echo "1..0 # SKIP $*"
	printf '# ************************************************************\n' >&2
	printf '# SKIP: %s\n' "$*" >&2
	printf '# ************************************************************\n' >&2
	exit 77
}
tap_end() {
	echo "1..$tap_n"
	[ "$tap_fail" -eq 0 ]
}

# private_run SCRIPT ARGS...: runs SCRIPT with bash inside the namespace
# (QATSEC_PRIVATE_ROOT set there to its scratch tmpfs); returns its status.
private_run() {
	[ "$(id -u)" -eq 0 ] || skip_all "needs root (mount namespace, overlayfs)"
	command -v unshare >/dev/null || skip_all "unshare (util-linux) missing"
	local scratch rc
	scratch=$(mktemp -d /tmp/qatsec-private-root.XXXXXX)
	# shellcheck disable=SC2016 # expanded by the inner shell
	QATSEC_PRIVATE_ROOT=$scratch unshare -m --propagation private \
		bash -c '
			set -e
			r=$QATSEC_PRIVATE_ROOT
			mount -t tmpfs -o mode=0755 qatsec-private "$r"
			for d in usr etc var; do
				mkdir -p "$r/$d.upper" "$r/$d.work"
				mount -t overlay overlay \
					-o "lowerdir=/$d,upperdir=$r/$d.upper,workdir=$r/$d.work" "/$d"
			done
			mkdir -p /run/dpdk /dev/hugepages
			mount -t tmpfs -o mode=0700 qatsec-private-dpdk /run/dpdk
			mount -t hugetlbfs nodev /dev/hugepages
			set +e
			bash "$@"
			rc=$?
			cd /
			# Our own pages only: this hugetlbfs instance is private.
			rm -f /dev/hugepages/* 2>/dev/null
			exit $rc
		' private-root "$@"
	rc=$?
	rmdir "$scratch" 2>/dev/null
	return $rc
}

# In a test script: the TAP lines of the namespaced run, renumbered into
# this one's plan (its own "1..N" dropped).
private_tap() {
	local tapfile=$1 line
	while IFS= read -r line; do
		case $line in
		"ok "*) ok 0 "${line#ok * - }" ;;
		"not ok "*) ok 1 "${line#not ok * - }" ;;
		1..*) ;;
		*) echo "$line" ;;
		esac
	done < "$tapfile"
}

# Runs after private_root returned, inside the namespace.
private_root_note() {
	note "running in a private mount namespace: /usr, /etc, /var are overlays"
	note "on $QATSEC_PRIVATE_ROOT (tmpfs), /run/dpdk a tmpfs, /dev/hugepages a"
	note "private hugetlbfs: nothing installed here is visible outside"
}

# Paths that were added or changed in the overlays (the upper layers).
private_root_changes() {
	local d
	for d in usr etc var; do
		(cd "$QATSEC_PRIVATE_ROOT/$d.upper" && find . ! -type d | sed "s|^\.|/$d|")
	done
}

# wait_for FILE PATTERN SECONDS
wait_for() {
	local i
	for ((i = 0; i < $3 * 10; i++)); do
		grep -q -- "$2" "$1" 2>/dev/null && return 0
		sleep 0.1
	done
	return 1
}

# The crypto-perf run every install test uses: 100 000 AES-128-GCM ops.
# Prints crypto-perf's CSV result line; fails unless every op came back.
perf_gcm() {
	local out line
	out=$(cd / && env -u LD_LIBRARY_PATH timeout 120 dpdk-test-crypto-perf "$@" -- \
		--devtype crypto_qatsec --ptest throughput --optype aead \
		--aead-algo aes-gcm --aead-op encrypt --aead-key-sz 16 \
		--aead-iv-sz 12 --aead-aad-sz 16 --digest-sz 16 \
		--total-ops 100000 --burst-sz 32 --buffer-sz 64 --silent \
		--csv-friendly 2>&1)
	line=$(printf '%s\n' "$out" | grep -E '^[0-9]+,64,32,' | head -n 1)
	if [ -z "$line" ]; then
		printf '%s\n' "$out" | grep -v '^CRYPTODEV' | tail -n 15 | sed 's/^/#   /'
		return 1
	fi
	echo "$line"
	# lcore,size,burst,enqueued,dequeued,failed enq,failed deq,...
	[ "$(echo "$line" | cut -d, -f5)" = 100000 ]
}
