#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# ExecStartPre of qatsecd.service: make sure at least N 2 MiB hugepages are
# reserved (never lowers what is there: other DPDK apps may use them) and
# that hugetlbfs is mounted on /dev/hugepages, before EAL needs them.
#   qatsec-hugepages [N]      (default 512)
set -eu
want=${1:-512}
case $want in
*[!0-9]* | '') echo "qatsec-hugepages: N must be a number of 2 MiB pages, not '$want'" >&2; exit 2 ;;
esac
nr=/proc/sys/vm/nr_hugepages
have=$(cat "$nr")
if [ "$have" -lt "$want" ]; then
	echo "$want" > "$nr" || { echo "qatsec-hugepages: cannot write $nr (run as root)" >&2; exit 1; }
	have=$(cat "$nr")
fi
if [ "$have" -lt "$want" ]; then
	echo "qatsec-hugepages: asked for $want hugepages, the kernel gave $have" \
		"(memory fragmented: reserve them at boot with hugepages=$want on the kernel command line)" >&2
	exit 1
fi
if ! grep -qs ' /dev/hugepages hugetlbfs ' /proc/mounts; then
	mkdir -p /dev/hugepages
	mount -t hugetlbfs nodev /dev/hugepages ||
		{ echo "qatsec-hugepages: cannot mount hugetlbfs on /dev/hugepages" >&2; exit 1; }
fi
echo "qatsec-hugepages: $have x 2 MiB hugepages reserved, hugetlbfs on /dev/hugepages"
