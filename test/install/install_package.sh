#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Suite install: the Debian package. Built from a copy of the tree with
# dpkg-buildpackage -b (debhelper); its contents and maintainer scripts
# checked; then, in a private mount namespace with /usr, /etc, /var as
# overlays (test/install/lib.sh): dpkg -i, the unit verified with
# systemd-analyze and its ExecStartPre/ExecStart lines run directly as
# systemd would (these machines have no systemd as PID 1; where it is
# PID 1, systemctl start/stop on the real system instead), qatsec-ctl
# status and a crypto-perf secondary against the service's group, the
# stop signal within TimeoutStopSec, a user's conffile kept across a
# reinstall, and dpkg --purge leaving nothing behind.
#   install_package.sh SRC BUILD
set -uo pipefail
QATSEC_SRC=$1
QATSEC_BUILD=$2
. "$QATSEC_SRC/test/install/lib.sh"
pkgdir=$QATSEC_BUILD/test-install/pkg

# ---------------------------------------------------------------- inside
unit_lines() {	# unit_lines KEY: the command lines of KEY=, prefixes dropped
	sed -n "s/^$1=[-@:+!]*//p" "$unit"
}

in_namespace() {
	private_root_note
	local deb=$1 W=$QATSEC_PRIVATE_ROOT/work
	mkdir -p "$W"
	dpkg -i "$deb" > "$W/dpkg.log" 2>&1 < /dev/null
	ok $? "dpkg -i $(basename "$deb")" || tail -20 "$W/dpkg.log" | sed 's/^/#   /'
	dpkg -s qatsec 2>/dev/null | grep -q '^Status: install ok installed'
	ok $? "dpkg: qatsec install ok installed"
	unit=/lib/systemd/system/qatsecd.service
	out=$(systemd-analyze verify "$unit" 2>&1)
	ok $? "systemd-analyze verify $unit: clean${out:+ ($out)}"
	grep -q '^Restart=on-failure' "$unit" && grep -q '^TimeoutStopSec=' "$unit"
	ok $? "the unit restarts on failure and bounds its stop (TimeoutStopSec)"
	[ -L /etc/systemd/system/multi-user.target.wants/qatsecd.service ]
	ok $? "postinst enabled qatsecd.service (multi-user.target.wants link)"

	note "no systemd as PID 1 here: running the unit's command lines directly, as systemd would"
	local line pre_ok=0 main timeout t0 t1 rc
	while read -r line; do
		note "ExecStartPre: $line"
		# shellcheck disable=SC2086
		$line > "$W/pre.log" 2>&1 || pre_ok=1
		sed 's/^/#   /' "$W/pre.log"
	done < <(unit_lines ExecStartPre)
	ok $pre_ok "ExecStartPre (hugepages reserved first) succeeds"
	line=$(unit_lines ExecStart)
	note "ExecStart: $line"
	# shellcheck disable=SC2086
	setsid $line > "$W/qatsecd.log" 2>&1 &
	main=$!
	wait_for "$W/qatsecd.log" "qatsecd: ready" 60
	ok $? "ExecStart: qatsecd ready on /etc/qatsec" || tail -20 "$W/qatsecd.log" | sed 's/^/#   /'
	qatsec-ctl status > "$W/status.txt" 2>&1
	ok $? "qatsec-ctl status (default group 'qatsec', the unit's --file-prefix) answers"
	grep -q "primary pid $main," "$W/status.txt" && grep -c "^  SSL_DEV" "$W/status.txt" | grep -qx 8
	ok $? "it shows the service's pid and its 8 SSL sections" || sed 's/^/#   /' "$W/status.txt"
	line=$(perf_gcm -l 0,1 --no-pci --proc-type=secondary --file-prefix qatsec \
		--vdev 'crypto_qatsec,section=SSL')
	ok $? "unmodified crypto-perf as a secondary of the service, no -d: 100000 GCM ops ($line)"
	while read -r line; do
		note "ExecStop: $line"
		# shellcheck disable=SC2086
		$line
	done < <(unit_lines ExecStop)
	timeout=$(sed -n 's/^TimeoutStopSec=//p' "$unit")
	note "stop: KillSignal=$(sed -n 's/^KillSignal=//p' "$unit") to the main pid $main, then up to TimeoutStopSec=$timeout s"
	t0=$(date +%s%N)
	kill -TERM "$main"
	for ((i = 0; i < timeout * 10; i++)); do
		kill -0 "$main" 2>/dev/null || break
		sleep 0.1
	done
	t1=$(date +%s%N)
	wait "$main"
	rc=$?
	[ $rc -eq 0 ] && [ $(((t1 - t0) / 1000000)) -lt $((timeout * 1000)) ]
	ok $? "qatsecd stops on SIGTERM within TimeoutStopSec (exit $rc, $(((t1 - t0) / 1000000)) ms)"
	left=$(find /dev/hugepages -name 'qatsecmap_*' | wc -l)
	[ "$left" -eq 0 ]
	ok $? "and leaves no hugepage file of its group ($left)"

	echo "# edited by the user" >> /etc/qatsec/4xxx_dev0.conf
	dpkg -i "$deb" > "$W/dpkg2.log" 2>&1 < /dev/null
	ok $? "dpkg -i again (reinstall/upgrade path), non-interactive" || tail -20 "$W/dpkg2.log" | sed 's/^/#   /'
	grep -q "edited by the user" /etc/qatsec/4xxx_dev0.conf
	ok $? "the user's edited /etc/qatsec/4xxx_dev0.conf is kept (conffile)"

	dpkg --purge qatsec > "$W/purge.log" 2>&1 < /dev/null
	ok $? "dpkg --purge qatsec" || tail -20 "$W/purge.log" | sed 's/^/#   /'
	left=$(private_root_changes | grep -v -E '^/var/(lib/dpkg|log|cache/debconf|cache/ldconfig|cache/man)/|^/etc/ld\.so\.cache$|^/var/lib/systemd/deb-systemd-helper-(enabled|masked)/?$')
	[ -z "$left" ]
	ok $? "purge leaves nothing behind but dpkg's records and the man-db cache${left:+ (left: ${left//$'\n'/ })}"
	[ ! -e /etc/qatsec ] && [ ! -e /usr/lib/x86_64-linux-gnu/dpdk/pmds-23.0/librte_crypto_qatsec.so ]
	ok $? "no /etc/qatsec, no PMD in the autoload directory"
	tap_end
}

if [ -n "${QATSEC_PRIVATE_ROOT:-}" ]; then
	in_namespace "$3"
	exit
fi

# ---------------------------------------------------------------- outside
for t in dpkg-buildpackage dh systemd-analyze; do
	command -v $t >/dev/null || skip_all "$t missing (devtools/setup.sh installs debhelper, dpkg-dev, systemd)"
done
[ "$(id -u)" -eq 0 ] || skip_all "needs root (dpkg -i in a private namespace)"
[ "$(cat /proc/sys/vm/nr_hugepages)" -ge 256 ] || skip_all "needs >= 256 reserved 2 MiB hugepages"
sdk=$(/usr/bin/python3 -c 'import json, sys
for o in json.load(open(sys.argv[1])):
	if o["name"] == "dpdk_sdk_include":
		print(o["value"])' "$QATSEC_BUILD/meson-info/intro-buildoptions.json")

rm -rf "$pkgdir"
mkdir -p "$pkgdir/src"
if git -C "$QATSEC_SRC" rev-parse --git-dir > /dev/null 2>&1; then
	(cd "$QATSEC_SRC" && git ls-files -co --exclude-standard | tar -cf - -T -) |
		tar -xf - -C "$pkgdir/src"
else
	tar -C "$QATSEC_SRC" --exclude='./build*' -cf - . | tar -xf - -C "$pkgdir/src"
fi
(cd "$pkgdir/src" && QATSEC_DPDK_SDK=$sdk dpkg-buildpackage -b -uc -us) > "$pkgdir/build.log" 2>&1
ok $? "dpkg-buildpackage -b builds the package from the tree" ||
	tail -30 "$pkgdir/build.log" | sed 's/^/#   /'
deb=$(find "$pkgdir" -maxdepth 1 -name 'qatsec_*_amd64.deb' | head -n 1)
[ -n "$deb" ] || { tap_end; exit 1; }
contents=$(dpkg-deb -c "$deb" | awk '{ print $6 $7 $8 }')
for f in ./usr/lib/x86_64-linux-gnu/librte_crypto_qatsec.so \
	./usr/lib/x86_64-linux-gnu/dpdk/pmds-23.0/librte_crypto_qatsec.so-\>../../librte_crypto_qatsec.so \
	./usr/include/qatsec/rte_pmd_qatsec.h ./usr/lib/x86_64-linux-gnu/pkgconfig/qatsec.pc \
	./usr/bin/qatsecd ./usr/bin/qatsec-ctl ./usr/bin/qatsec-worker ./usr/bin/qatsec-config \
	./lib/systemd/system/qatsecd.service ./etc/qatsec/4xxx_dev0.conf \
	./usr/share/man/man8/qatsecd.8.gz ./usr/share/man/man8/qatsec-ctl.8.gz; do
	echo "$contents" | grep -qxF -- "${f//\\/}"
	ok $? "the package holds ${f//\\/}"
done
ctl=$pkgdir/control
dpkg-deb -e "$deb" "$ctl"
grep -qx /etc/qatsec/4xxx_dev0.conf "$ctl/conffiles" && grep -qx /etc/qatsec/4xxx_dev1.conf "$ctl/conffiles"
ok $? "/etc/qatsec/*.conf are conffiles"
grep -q '_dh_action=restart' "$ctl/postinst" && grep -q "deb-systemd-invoke \$_dh_action 'qatsecd.service'" "$ctl/postinst"
ok $? "postinst restarts qatsecd.service on upgrade (and starts it on install) where systemd runs"

if [ -d /run/systemd/system ]; then
	# systemd is PID 1: a namespaced install would be invisible to it.
	note "systemd is PID 1: installing on this machine for real, systemctl start/stop, purge"
	dpkg -i "$deb" > "$pkgdir/dpkg.log" 2>&1 < /dev/null
	ok $? "dpkg -i (postinst starts the service)"
	systemctl restart qatsecd && sleep 3 && systemctl is-active --quiet qatsecd
	ok $? "systemctl restart qatsecd: active"
	qatsec-ctl status > "$pkgdir/status.txt" 2>&1
	ok $? "qatsec-ctl status answers from the service's group"
	timeout 30 systemctl stop qatsecd && ! systemctl is-active --quiet qatsecd
	ok $? "systemctl stop qatsecd within its TimeoutStopSec"
	dpkg --purge qatsec > "$pkgdir/purge.log" 2>&1 < /dev/null
	ok $? "dpkg --purge qatsec"
	[ ! -e /etc/qatsec ] && [ ! -e /lib/systemd/system/qatsecd.service ]
	ok $? "purge leaves no config and no unit"
	tap_end
	exit
fi
private_run "$0" "$QATSEC_SRC" "$QATSEC_BUILD" "$deb" > "$pkgdir/ns.tap" 2>&1
rc=$?
private_tap "$pkgdir/ns.tap"
grep -q '^1\.\.' "$pkgdir/ns.tap"
ok $? "the namespaced part ran to its end (rc $rc)"
[ ! -e /usr/lib/x86_64-linux-gnu/dpdk/pmds-23.0/librte_crypto_qatsec.so ] &&
	! dpkg -s qatsec > /dev/null 2>&1
ok $? "outside the namespace: no qatsec package, no PMD in the autoload directory"
tap_end
