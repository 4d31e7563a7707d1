#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Suite mp: telemetry of a table larger than one answer can hold. A valid
# configuration of 321 internal sections (five user sections of
# NumProcesses=64 without instances, and one SSL section): /qatsec/summary
# counts them, the pages of /qatsec/sections give each exactly once, an
# out-of-range page is refused, every answer is valid JSON under 16 KiB,
# qatsec-ctl status lists all 321, and 300 queries do not grow qatsecd.
set -uo pipefail
. "$(dirname "$0")/lib.sh" telemetry "$1"
require_hugepages

conf=$WORK/conf
mkdir -p "$conf"
{
	printf '[GENERAL]\nServicesEnabled = sym;dc\nConfigVersion = 2\n\n'
	printf '[KERNEL]\nNumberCyInstances = 0\nNumberDcInstances = 0\n\n'
	printf '[SSL]\nNumberCyInstances = 1\nNumberDcInstances = 0\nNumProcesses = 1\n'
	printf 'LimitDevAccess = 1\nCy0Name = "SSL0"\nCy0IsPolled = 1\nCy0CoreAffinity = 0\n'
	for u in A B C D E; do
		printf '\n[U%s]\nNumberCyInstances = 0\nNumberDcInstances = 0\n' "$u"
		printf 'NumProcesses = 64\nLimitDevAccess = 1\n'
	done
} > "$conf/4xxx_dev0.conf"
start_primary "$conf" || { ok 1 "qatsecd starts on 321 sections"; tap_end; exit 1; }

/usr/bin/python3 - "$PREFIX" > "$WORK/pages.log" 2>&1 <<'PY'
import json, socket, sys

path = f"/var/run/dpdk/{sys.argv[1]}/dpdk_telemetry.v2"
s = socket.socket(socket.AF_UNIX, socket.SOCK_SEQPACKET)
s.connect(path)
s.recv(16384)
def raw(cmd):
    s.send(cmd.encode())
    return s.recv(1 << 17)
def query(cmd):
    return json.loads(raw(cmd).decode())[cmd.split(",")[0]]
summary = query("/qatsec/summary")
print(f"# summary {summary}")
assert summary["sections"] == 321 and summary["devices"] == 1, summary
names, biggest = [], 0
for page in range(summary["pages"]):
    r = raw(f"/qatsec/sections,{page}")
    biggest = max(biggest, len(r))
    names += list(json.loads(r.decode())["/qatsec/sections"].keys())
print(f"# {len(names)} names in {summary['pages']} pages, largest answer {biggest} B")
assert len(names) == 321 and len(set(names)) == 321, len(names)
assert biggest < 16384, biggest
bad = json.loads(raw(f"/qatsec/sections,{summary['pages']}").decode())
assert bad["/qatsec/sections"] is None, bad
print("ok")
PY
rc=$?
sed 's/^/#   /' "$WORK/pages.log"
[ $rc -eq 0 ]
ok $? "321 sections: the summary counts them, the pages give each once, each answer < 16 KiB, a page past the end is refused"

out=$("$QATSEC_BUILD/app/qatsec-ctl" status --file-prefix "$PREFIX" --json)
n=$(echo "$out" | /usr/bin/python3 -c 'import json, sys; print(len(json.load(sys.stdin)["sections"]))')
[ "$n" = 321 ]
ok $? "qatsec-ctl status lists all 321 sections ($n)"

rss() { awk '/VmRSS/ { print $2 }' "/proc/$PRIMARY_PID/status"; }
# query_pages ROUNDS: every page of /qatsec/sections, ROUNDS times.
query_pages() {
	/usr/bin/python3 - "$PREFIX" "$1" <<'PY'
import socket, sys
s = socket.socket(socket.AF_UNIX, socket.SOCK_SEQPACKET)
s.connect(f"/var/run/dpdk/{sys.argv[1]}/dpdk_telemetry.v2")
s.recv(16384)
for _ in range(int(sys.argv[2])):
    for page in range(11):
        s.send(f"/qatsec/sections,{page}".encode())
        s.recv(1 << 17)
PY
}
query_pages 30		# the allocator's first growth is not a leak
before=$(rss)
query_pages 300
after=$(rss)
[ $((after - before)) -lt 2048 ]
ok $? "3300 more paged queries: qatsecd's RSS $before kB -> $after kB (< 2 MiB growth)"

stop_primary
ok $? "qatsecd shuts down cleanly"
tap_end
