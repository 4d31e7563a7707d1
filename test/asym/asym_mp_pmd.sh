#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Suites asym and mp: an asymmetric session made in one secondary is used
# in another, through rte_cryptodev on two SSL sections claimed from a real
# qatsecd primary on the seed configuration (real hugepages). The signer
# (asym_mp_pmd sign) makes RSA-2048 CRT and ECDSA P-256 sessions in the
# group's session pool and signs; the verifier (another process, another
# section) verifies with those sessions and signs with the RSA one; the
# signer verifies that. Both programs' TAP lines are relayed here.
set -uo pipefail
. "$(dirname "$0")/../mp/lib.sh" asym_pmd "$1"
require_hugepages
BIN=$QATSEC_BUILD/test/asym/asym_mp_pmd

relay() {
	local who=$1 line
	while IFS= read -r line; do
		case $line in
		"ok "*) ok 0 "${line#* - }" ;;
		"not ok "*) ok 1 "${line#* - }" ;;
		"# claimed "*) echo "# $who ${line#\# }" ;;
		esac
	done < "$WORK/$who.log"
}

start_seed_primary
ok 0 "qatsecd starts on the seed config"

# shellcheck disable=SC2046
"$BIN" $(secondary_eal 1) -- sign > "$WORK/signer.log" 2>&1 &
SPID=$!
wait_for "$WORK/signer.log" "# published" 600
ok $? "the signer published its sessions"
# shellcheck disable=SC2046
"$BIN" $(secondary_eal 0) -- verify > "$WORK/verifier.log" 2>&1
vrc=$?
wait "$SPID"
src=$?
relay verifier
relay signer
[ "$vrc" = 0 ] && [ "$src" = 0 ]
ok $? "both secondaries exit 0 (signer $src, verifier $vrc)"
a=$(sed -n 's/^# claimed \([^ ]*\).*/\1/p' "$WORK/signer.log")
b=$(sed -n 's/^# claimed \([^ ]*\).*/\1/p' "$WORK/verifier.log")
[ -n "$a" ] && [ -n "$b" ] && [ "$a" != "$b" ]
ok $? "two different sections ($a, $b)"
[ "$TAP_FAILED" = 0 ] || { echo "# signer:"; sed 's/^/#   /' "$WORK/signer.log"; echo "# verifier:"; sed 's/^/#   /' "$WORK/verifier.log"; }
tap_end
