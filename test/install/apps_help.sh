#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Suite install: every program answers --help and --version (exit 0, its
# own name and the project version, no EAL or hugepages needed), and a
# usage error exits 2 with the usage on stderr.
#   apps_help.sh SRC BUILD VERSION
set -uo pipefail
QATSEC_SRC=$1
QATSEC_BUILD=$2
version=$3
. "$QATSEC_SRC/test/install/lib.sh"

for p in qatsecd qatsec-worker qatsec-ctl qatsec-config qatsec-ceiling qatsec-ceiling-evp qatsec-claimlat; do
	b=$QATSEC_BUILD/app/$p
	out=$(timeout 10 "$b" --help 2>&1)
	rc=$?
	[ $rc -eq 0 ] && echo "$out" | grep -qi "usage: $p"
	ok $? "$p --help: exit $rc, usage of $p"
	out=$(timeout 10 "$b" --version 2>&1)
	rc=$?
	[ $rc -eq 0 ] && [ "${out%%,*}" = "$p (qatsec) $version" ]
	ok $? "$p --version: $out"
done
# --help anywhere on a DPDK app's line, even after the EAL's "--".
out=$(timeout 10 "$QATSEC_BUILD/app/qatsecd" -l 0 -- --help 2>&1) &&
	echo "$out" | grep -q -- "--config-dir DIR"
ok $? "qatsecd [EAL] -- --help answers without starting EAL"
err=$("$QATSEC_BUILD/app/qatsec-config" 2>&1 >/dev/null)
rc=$?
[ $rc -eq 2 ] && echo "$err" | grep -q "usage: qatsec-config"
ok $? "qatsec-config without a directory: exit $rc, usage on stderr"
err=$("$QATSEC_BUILD/app/qatsec-ctl" 2>&1 >/dev/null)
rc=$?
[ $rc -eq 2 ] && echo "$err" | grep -q "give a command: status or check"
ok $? "qatsec-ctl without a command: exit $rc, says what to give"
err=$("$QATSEC_BUILD/app/qatsecd" -- --bogus 2>&1 >/dev/null)
rc=$?
[ $rc -eq 2 ] && echo "$err" | grep -q "usage: qatsecd"
ok $? "qatsecd with an unknown option: exit $rc, usage on stderr"
out=$("$QATSEC_BUILD/app/qatsec-ctl" check --json "$QATSEC_SRC/config")
/usr/bin/python3 -c 'import json, sys
d = json.loads(sys.argv[1])
assert d["valid"] and len(d["sections"]) == 9 and d["nb_instances"] == 16' "$out"
ok $? "qatsec-ctl check --json config/: valid, 9 sections, 16 instances"
bad=$QATSEC_BUILD/test-install/badconf
rm -rf "$bad"; mkdir -p "$bad"
printf '[SSL]\nNumProcesses = 0\n' > "$bad/4xxx_dev0.conf"
out=$("$QATSEC_BUILD/app/qatsec-ctl" check --json "$bad")
rc=$?
[ $rc -eq 1 ] && /usr/bin/python3 -c 'import json, sys
d = json.loads(sys.argv[1])
assert not d["valid"] and d["errors"] >= 1
assert any("NumProcesses: must be at least 1" in x["message"] for x in d["diagnostics"])' "$out"
ok $? "qatsec-ctl check --json on a broken config: exit $rc, the error in the object"
tap_end
