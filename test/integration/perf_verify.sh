#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Known-answer check of a cryptodev through dpdk-test-crypto-perf
# --ptest verify, using DPDK's own vector files (aes_gcm_128.data,
# aes_cbc_128_sha.data): AES-128-GCM encrypt and decrypt, AES-128-CBC +
# HMAC-SHA1 encrypt/generate and verify/decrypt (full and 12-byte tags).
# crypto-perf exits 0 even when ops fail, so this parses its result table and
# fails unless every op was enqueued, dequeued and verified (Failed Ops 0).
#
# Usage: perf_verify.sh --devtype NAME [--vdev SPEC] [--plugin PATH] [--huge]
#   e.g. perf_verify.sh --devtype crypto_aesni_mb
#        perf_verify.sh --devtype crypto_qatsec --plugin build-perf
# Exit: 0 pass, 1 fail, 77 skip (prerequisite missing), 2 usage.
set -euo pipefail

# shellcheck source-path=SCRIPTDIR source=perf_common.sh
. "$(dirname "${BASH_SOURCE[0]}")/perf_common.sh"

usage() {
	cat <<EOF
Usage: $PERF_ME --devtype NAME [options]
  --ops N            operations per case (default 512)
  --segment-sz N     chained mbufs of N-byte segments (crypto-perf leaves
                     their pkt_len 0)
$PERF_COMMON_USAGE
EOF
}

ops=512
seg=()
perf_parse_options "$@"
set -- "${PERF_ARGS[@]}"
while [ $# -gt 0 ]; do
	case "$1" in
	--ops) [ $# -ge 2 ] || perf_usage_die "--ops needs a value"; ops=$2; shift 2 ;;
	--segment-sz) [ $# -ge 2 ] || perf_usage_die "--segment-sz needs a value"
		[[ $2 =~ ^[1-9][0-9]*$ ]] || perf_usage_die "--segment-sz wants a positive number, got '$2'"
		seg=(--segment-sz "$2"); shift 2 ;;
	-h|--help) usage; exit 0 ;;
	*) usage >&2; perf_usage_die "unknown argument '$1'" ;;
	esac
done
[[ $ops =~ ^[1-9][0-9]*$ ]] || perf_usage_die "--ops wants a positive number, got '$ops'"

perf_setup
gcm_file=aes_gcm_128.data
cbc_file=aes_cbc_128_sha.data
perf_find_data "$gcm_file" "$cbc_file"

# Only the section whose size equals the file's global plaintext verifies
# (the other sections' digests are over different data): aead_buff_512 and
# sha1_hmac_buff_2048 in DPDK 22.11's files. Derived, not hard-coded.
gcm_len=$(perf_vector_plaintext_len "$PERF_DATA/$gcm_file")
cbc_len=$(perf_vector_plaintext_len "$PERF_DATA/$cbc_file")
gcm_sec=aead_buff_$gcm_len
cbc_sec=sha1_hmac_buff_$cbc_len
perf_vector_has_section "$PERF_DATA/$gcm_file" "$gcm_sec" ||
	perf_skip "$PERF_DATA/$gcm_file: no section [$gcm_sec] matching its $gcm_len-byte global plaintext"
perf_vector_has_section "$PERF_DATA/$cbc_file" "$cbc_sec" ||
	perf_skip "$PERF_DATA/$cbc_file: no section [$cbc_sec] matching its $cbc_len-byte global plaintext"

gcm_common=(--test-file "$PERF_DATA/$gcm_file" --test-name "$gcm_sec" --buffer-sz "$gcm_len"
	--optype aead --aead-algo aes-gcm --aead-key-sz 16 --aead-iv-sz 12 --aead-aad-sz 16
	--digest-sz 16)
cbc_common=(--test-file "$PERF_DATA/$cbc_file" --test-name "$cbc_sec" --buffer-sz "$cbc_len"
	--cipher-algo aes-cbc --cipher-key-sz 16 --cipher-iv-sz 16
	--auth-algo sha1-hmac --auth-key-sz 64)

# name | crypto-perf arguments
cases=(
	"aes-gcm-128/encrypt ${gcm_file}[$gcm_sec]"
	"aes-gcm-128/decrypt ${gcm_file}[$gcm_sec]"
	"aes-cbc-128-sha1/encrypt+generate(20) ${cbc_file}[$cbc_sec]"
	"aes-cbc-128-sha1/verify(12)+decrypt ${cbc_file}[$cbc_sec]"
)
case_args() {
	case $1 in
	0) ARGS=("${gcm_common[@]}" --aead-op encrypt) ;;
	1) ARGS=("${gcm_common[@]}" --aead-op decrypt) ;;
	2) ARGS=("${cbc_common[@]}" --optype cipher-then-auth --cipher-op encrypt
		--auth-op generate --digest-sz 20) ;;
	3) ARGS=("${cbc_common[@]}" --optype auth-then-cipher --cipher-op decrypt
		--auth-op verify --digest-sz 12) ;;
	esac
}

perf_say "device: --devtype $PERF_DEVTYPE ${PERF_VDEVS[*]/#/--vdev }${PERF_PLUGIN_NAME:+ -d $PERF_PLUGIN_NAME (from $PERF_PLUGIN_DIR)}"
perf_say "vectors: $PERF_DATA"
fails=0
for i in "${!cases[@]}"; do
	name=${cases[$i]}
	case_args "$i"
	log=$PERF_WORKDIR/verify-$i.log
	rc=0
	perf_run "$log" --ptest verify --total-ops "$ops" --burst-sz 32 "${seg[@]}" "${ARGS[@]}" || rc=$?
	if ! perf_check_run "$rc" "$log" "$name"; then
		perf_say "FAIL verify $name"
		fails=$((fails + 1))
		continue
	fi
	mapfile -t rows < <(perf_parse_csv "$log")
	if [ ${#rows[@]} -eq 0 ]; then
		perf_err "$name: no result row in crypto-perf's output"
		perf_err "command: $PERF_CMDLINE"
		perf_show_log "$log" >&2
		perf_say "FAIL verify $name"
		fails=$((fails + 1))
		continue
	fi
	enq=0 deq=0 fenq=0 fdeq=0 fops=0 bad=
	for row in "${rows[@]}"; do
		for k in enq deq failed_enq failed_deq failed_ops; do
			[[ $(perf_get $k "$row") =~ ^[0-9]+$ ]] || bad="column $k missing or not a number in '$row'"
		done
		[ -z "$bad" ] || break
		enq=$((enq + $(perf_get enq "$row")))
		deq=$((deq + $(perf_get deq "$row")))
		fenq=$((fenq + $(perf_get failed_enq "$row")))
		fdeq=$((fdeq + $(perf_get failed_deq "$row")))
		fops=$((fops + $(perf_get failed_ops "$row")))
	done
	verified=$((deq - fops))
	expected=$((ops * ${#rows[@]}))
	[ -n "$bad" ] || [ "$fops" -eq 0 ] || bad="$fops op(s) failed verification"
	[ -n "$bad" ] || [ "$verified" -gt 0 ] || bad="no op verified"
	[ -n "$bad" ] || [ "$fenq" -eq 0 ] || bad="$fenq failed enqueue(s)"
	[ -n "$bad" ] || [ "$fdeq" -eq 0 ] || bad="$fdeq failed dequeue(s)"
	[ -n "$bad" ] || { [ "$enq" -eq "$expected" ] && [ "$deq" -eq "$expected" ]; } ||
		bad="enqueued $enq / dequeued $deq of $expected ops"
	status=PASS
	[ -z "$bad" ] || status=FAIL
	perf_say "$status verify $name: enqueued $enq dequeued $deq verified $verified failed_ops $fops failed_enq $fenq failed_deq $fdeq${bad:+ -- $bad}"
	if [ -n "$bad" ]; then
		perf_err "command: $PERF_CMDLINE"
		fails=$((fails + 1))
	fi
done

if [ $fails -ne 0 ]; then
	perf_say "FAILED: $fails of ${#cases[@]} verify case(s) on $PERF_DEVTYPE"
	exit 1
fi
perf_say "OK: ${#cases[@]} verify cases on $PERF_DEVTYPE"
