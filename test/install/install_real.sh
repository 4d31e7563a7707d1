#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Suite install: a real `meson install` (no DESTDIR) in a private mount
# namespace whose /usr, /etc, /var are overlays (test/install/lib.sh), as
# on a machine where qatsec was installed from source. Then, with neither
# -d nor LD_LIBRARY_PATH anywhere:
# - unmodified dpdk-test-crypto-perf finds --vdev crypto_qatsec (primary);
# - the installed qatsecd runs the installed configs, and crypto-perf as a
#   secondary claims a section by devarg and runs on it;
# - qatsecd links the PMD and the EAL autoloads it too: one copy mapped;
# - qatsec-ctl status shows a holder (installed qatsec-worker), in text
#   and JSON, and says clearly when no group runs;
# - an application builds with `pkg-config --cflags --libs libdpdk qatsec`.
# Afterwards the real autoload directory is checked to hold no qatsec PMD.
#   install_real.sh SRC BUILD
set -uo pipefail
QATSEC_SRC=$1
QATSEC_BUILD=$2
. "$QATSEC_SRC/test/install/lib.sh"

real_pmd_dir() {
	local eal
	eal=$(readlink -f "$(pkg-config --variable=libdir libdpdk)/librte_eal.so")
	strings "$eal" | grep -E '^/.*/pmds-[0-9.]+$' | head -n 1
}

if [ -z "${QATSEC_PRIVATE_ROOT:-}" ]; then
	if [ ! -e /dev/hugepages ] || [ "$(cat /proc/sys/vm/nr_hugepages)" -lt 256 ]; then
		skip_all "needs >= 256 reserved 2 MiB hugepages (devtools/setup.sh reserves them)"
	fi
	command -v dpdk-test-crypto-perf >/dev/null || skip_all "dpdk-test-crypto-perf missing (package dpdk)"
	pmddir=$(real_pmd_dir)
	# Everything runs inside; then check here that nothing leaked out.
	private_run "$0" "$@" > "$QATSEC_BUILD/install-real.tap" 2>&1
	rc=$?
	private_tap "$QATSEC_BUILD/install-real.tap"
	grep -q '^1\.\.' "$QATSEC_BUILD/install-real.tap"
	ok $? "the namespaced part ran to its end (rc $rc)"
	[ ! -e "$pmddir/librte_crypto_qatsec.so" ]
	ok $? "outside the namespace $pmddir holds no qatsec PMD (nothing leaked)"
	tap_end
	exit
fi

private_root_note
P=qatsec-install-real-
W=$QATSEC_PRIVATE_ROOT/work
mkdir -p "$W"
pids=()
cleanup() {
	local p
	for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done
	wait 2>/dev/null
}
trap cleanup EXIT

meson install -C "$QATSEC_BUILD" --no-rebuild > "$W/install.log" 2>&1
ok $? "meson install (prefix as configured) into the overlaid root" ||
	tail -20 "$W/install.log" | sed 's/^/#   /'
ldconfig
pc=$(find /usr -name qatsec.pc -path '*pkgconfig*' | head -n 1)
export PKG_CONFIG_PATH=${pc%/*}
prefix=$(pkg-config --variable=prefix qatsec)
pmddir=$(pkg-config --variable=pmddir qatsec)
note "installed prefix $prefix; PMD autoload directory $pmddir"
[ "$pmddir" = "$(real_pmd_dir)" ] && [ -e "$pmddir/librte_crypto_qatsec.so" ]
ok $? "the PMD is reachable in the installed EAL's autoload directory"
unset LD_LIBRARY_PATH

# 1. Unmodified crypto-perf, primary, plain --vdev.
line=$(perf_gcm -l 0,1 --no-pci --file-prefix "${P}perf" --vdev crypto_qatsec)
ok $? "dpdk-test-crypto-perf --vdev crypto_qatsec, no -d, no LD_LIBRARY_PATH: 100000 GCM ops ($line)"
rm -rf /dev/hugepages/"${P}perf"* /run/dpdk/"${P}perf"

# 2. The installed qatsecd on the installed configs (the qatsecd.service
#    defaults: it finds /etc/qatsec by itself when installed).
confdir=$(sed -n 's/^ExecStart=.*--config-dir //p' "$(find /usr /lib -name qatsecd.service 2>/dev/null | head -n 1)")
"$prefix/bin/qatsecd" -l 0 --no-pci --file-prefix "$P" > "$W/primary.log" 2>&1 &
qd=$!
pids+=("$qd")
wait_for "$W/primary.log" "qatsecd: ready" 60
ok $? "the installed qatsecd starts on its default config dir" || tail -20 "$W/primary.log" | sed 's/^/#   /'
grep -q "serving 9 internal sections from $confdir" "$W/primary.log"
ok $? "it serves the 9 sections of the installed $confdir"
n=$(grep -c 'librte_crypto_qatsec' "/proc/$qd/maps" | head -n 1)
files=$(awk '/librte_crypto_qatsec/ { print $6 }' "/proc/$qd/maps" | sort -u | xargs -r -n1 readlink -f | sort -u)
[ "$(echo "$files" | grep -c .)" -eq 1 ]
ok $? "qatsecd links the PMD and the EAL autoloads it: one file mapped ($files, $n maps)"

# 2b. The build tree's qatsecd links the build's PMD while the EAL
#     autoloads the installed one: one copy registers, the other idles.
"$QATSEC_BUILD/app/qatsecd" -l 0 --no-pci --file-prefix "${P}tree" -- \
	--config-dir "$QATSEC_SRC/config" > "$W/tree.log" 2>&1 &
td=$!
pids+=("$td")
wait_for "$W/tree.log" "qatsecd: ready" 60
ok $? "a build-tree qatsecd starts beside the installed PMD" || tail -20 "$W/tree.log" | sed 's/^/#   /'
files=$(awk '/librte_crypto_qatsec/ { print $6 }' "/proc/$td/maps" | sort -u | xargs -r -n1 readlink -f | sort -u)
[ "$(echo "$files" | grep -c .)" -eq 2 ] &&
	[ "$(grep -c 'crypto_qatsec is already registered by another copy' "$W/tree.log")" -eq 1 ]
ok $? "two copies mapped ($(echo $files)), the second one stays unused, said once"
kill -TERM "$td"
wait "$td"
ok $? "the build-tree qatsecd stops cleanly"

# 3. crypto-perf as a secondary, claiming by devarg.
line=$(perf_gcm -l 0,1 --no-pci --proc-type=secondary --file-prefix "$P" \
	--vdev 'crypto_qatsec,section=SSL')
ok $? "dpdk-test-crypto-perf as a secondary, --vdev crypto_qatsec,section=SSL, no -d: 100000 GCM ops ($line)"
grep -q "claim: section SSL_DEV0_INT_0 .*(dpdk-test-crypt)" "$W/primary.log"
ok $? "qatsecd logged crypto-perf's claim of SSL_DEV0_INT_0"

# 4. qatsec-ctl status against a holder.
"$prefix/bin/qatsec-worker" -l 1 --proc-type=secondary --no-pci --file-prefix "$P" \
	-- --section IPsec --seconds 1 --hold 60 > "$W/worker.log" 2>&1 &
wk=$!
pids+=("$wk")
wait_for "$W/worker.log" "^RESULT" 60
ok $? "the installed qatsec-worker claims an IPsec section and runs traffic" ||
	tail -10 "$W/worker.log" | sed 's/^/#   /'
"$prefix/bin/qatsec-ctl" status --file-prefix "$P" > "$W/status.txt" 2>&1
ok $? "qatsec-ctl status --file-prefix $P"
sed 's/^/#   /' "$W/status.txt"
grep -Eq "^  IPsec_INT_0 +IPsec +[0-9]+ held +$wk \(qatsec-worker\)" "$W/status.txt"
ok $? "its text names IPsec_INT_0 held by pid $wk (qatsec-worker)"
grep -Eq "^  SSL_DEV0_INT_1 +SSL +[0-9]+ free" "$W/status.txt"
ok $? "and a free SSL section as free"
"$prefix/bin/qatsec-ctl" status --file-prefix "$P" --json > "$W/status.json"
/usr/bin/python3 - "$W/status.json" "$wk" <<'PY'
import json, sys
st = json.load(open(sys.argv[1]))
s = {x["name"]: x for x in st["sections"]}["IPsec_INT_0"]
assert st["running"] and len(st["endpoints"]) == 2, st
assert s["state"] == "held" and s["holder_pid"] == int(sys.argv[2]), s
assert s["holder_name"] == "qatsec-worker" and s["held_since"], s
assert len(s["instances"]) == 8 and sum(i["dequeued"] for i in s["instances"]) > 0, s
assert all(i["errors"] == 0 for i in s["instances"]), s
PY
ok $? "qatsec-ctl status --json: IPsec_INT_0 held by the worker since a time, 8 instances, ops counted, no errors"
kill "$wk"
wait "$wk" 2>/dev/null

kill -TERM "$qd"
wait "$qd"
ok $? "qatsecd stops cleanly on SIGTERM"
out=$("$prefix/bin/qatsec-ctl" status --file-prefix "$P" 2>&1)
rc=$?
[ $rc -eq 3 ] && echo "$out" | grep -q "no qatsec group '$P' is running"
ok $? "with no daemon, qatsec-ctl status exits 3 and says so: $out"

# A primary killed with -9 leaves its socket: qatsec-ctl says it is stale.
"$prefix/bin/qatsecd" -l 0 --no-pci --file-prefix "${P}dead" > "$W/dead.log" 2>&1 &
qd=$!
pids+=("$qd")
wait_for "$W/dead.log" "qatsecd: ready" 60
kill -9 "$qd"
wait "$qd" 2>/dev/null
out=$("$prefix/bin/qatsec-ctl" status --file-prefix "${P}dead" 2>&1)
rc=$?
[ $rc -eq 3 ] && echo "$out" | grep -q "is a stale socket (its primary died)"
ok $? "after kill -9 of the primary, qatsec-ctl status exits 3: $out"
rm -rf /run/dpdk/"${P}dead"

# 5. An application of the user's, built with the installed pkg-config file.
cat > "$W/app.c" <<'APP'
#include <stdio.h>
#include <rte_pmd_qatsec.h>
int main(void) { printf("%d\n", rte_pmd_qatsec_section_count()); return 0; }
APP
# shellcheck disable=SC2046
cc -o "$W/app" "$W/app.c" $(pkg-config --cflags --libs libdpdk qatsec) > "$W/cc.log" 2>&1 &&
	[ "$("$W/app")" = "$(( -19 ))" ]
ok $? "cc \$(pkg-config --cflags --libs libdpdk qatsec) builds an app that runs with no LD_LIBRARY_PATH" ||
	sed 's/^/#   /' "$W/cc.log"
rm -rf /run/dpdk/"$P"
tap_end
