# SPDX-License-Identifier: BSD-3-Clause
# shellcheck shell=bash disable=SC2034
# Shared helpers for the dpdk-test-crypto-perf based scripts
# (test/integration/perf_*.sh, devtools/bench.sh). Sourced, not run.
#
# Provides: option parsing for the device under test (--devtype, --vdev,
# --plugin, --huge, --lcores, --timeout), locating crypto-perf and the vector
# files, running one crypto-perf instance in a private EAL file prefix with
# cleanup on every exit path, and parsing crypto-perf's --csv result table.
#
# Exit codes: 0 pass, 1 fail, 77 skip (a prerequisite is missing; meson
# counts it as skipped), 2 usage error.

PERF_TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# shellcheck source=../../devtools/lib/dpdk-run.sh
. "$PERF_TOP/devtools/lib/dpdk-run.sh"
PERF_ME=${PERF_ME:-$(basename "$0")}
PERF_PLUGIN_SONAME=librte_crypto_qatsec.so

perf_say() { printf '[%s] %s\n' "$PERF_ME" "$*"; }
perf_err() { printf '[%s] ERROR: %s\n' "$PERF_ME" "$*" >&2; }
perf_die() { perf_err "$*"; exit 1; }
perf_usage_die() { perf_err "$*"; exit 2; }
perf_skip() {
	printf '\n[%s] ********************************************************\n' "$PERF_ME"
	printf '[%s] SKIP: %s\n' "$PERF_ME" "$*"
	printf '[%s] ********************************************************\n\n' "$PERF_ME"
	exit 77
}

# ---------------------------------------------------------------- options
PERF_DEVTYPE=
PERF_VDEVS=()
PERF_PLUGIN=
PERF_HUGE=0
PERF_SECONDARY=
PERF_BEFORE_RUN=
PERF_LCORES=${PERF_LCORES:-0,1}
PERF_TIMEOUT=${PERF_TIMEOUT:-60}

PERF_COMMON_USAGE='Device options:
  --devtype NAME     cryptodev driver name crypto-perf selects (crypto_aesni_mb, crypto_qatsec)
  --vdev SPEC        EAL --vdev to create (repeatable; default: the devtype itself;
                     "none" for no vdev)
  --plugin PATH      PMD to load with -d: a meson build dir, a directory holding
                     librte_crypto_qatsec.so, or the .so itself. Loaded by bare name
                     through LD_LIBRARY_PATH from a private cwd (EAL rejects absolute
                     -d paths under world-writable directories). Default: none
                     (Debian'"'"'s EAL autoloads its own PMDs).
  --huge             use hugepages (unique --file-prefix, files removed on exit)
                     instead of --no-huge -m 1024
  --secondary PREFIX run as a secondary of the running primary PREFIX (its
                     hugepages and files are the primary'"'"'s: left alone)
  --before-run CMD   shell command run before every crypto-perf run (with
                     --secondary: start a fresh primary, since crypto-perf'"'"'s
                     fixed mempool names outlive a secondary in its group)
  --lcores LIST      EAL -l (default 0,1: main lcore + one worker)
  --timeout SEC      limit for one crypto-perf run (default 60)'

# perf_parse_option "$@": consumes one device option; sets PERF_SHIFT to
# the number of words used (0 when "$1" is not a device option).
perf_parse_option() {
	PERF_SHIFT=0
	case "$1" in
	--devtype|--vdev|--plugin|--lcores|--timeout|--secondary|--before-run)
		[ $# -ge 2 ] || perf_usage_die "$1 needs a value"
		case "$1" in
		--devtype) PERF_DEVTYPE=$2 ;;
		--vdev) PERF_VDEVS+=("$2") ;;
		--plugin) PERF_PLUGIN=$2 ;;
		--lcores) PERF_LCORES=$2 ;;
		--timeout) PERF_TIMEOUT=$2 ;;
		--secondary) PERF_SECONDARY=$2 ;;
		--before-run) PERF_BEFORE_RUN=$2 ;;
		esac
		PERF_SHIFT=2 ;;
	--huge) PERF_HUGE=1; PERF_SHIFT=1 ;;
	esac
}

# perf_parse_options "$@": consumes every device option; PERF_ARGS holds
# the script's own arguments, in order.
perf_parse_options() {
	PERF_ARGS=()
	while [ $# -gt 0 ]; do
		perf_parse_option "$@"
		if [ "$PERF_SHIFT" -gt 0 ]; then
			shift "$PERF_SHIFT"
		else
			PERF_ARGS+=("$1")
			shift
		fi
	done
}

# ------------------------------------------------------------ prerequisites
perf_find_app() {
	if [ -n "${DPDK_TEST_CRYPTO_PERF:-}" ]; then
		PERF_APP=$DPDK_TEST_CRYPTO_PERF
	else
		PERF_APP=$(command -v dpdk-test-crypto-perf || true)
		[ -n "$PERF_APP" ] || [ ! -x /usr/bin/dpdk-test-crypto-perf ] ||
			PERF_APP=/usr/bin/dpdk-test-crypto-perf
	fi
	if [ -z "$PERF_APP" ] || [ ! -x "$PERF_APP" ]; then
		perf_skip "dpdk-test-crypto-perf not found (Debian package 'dpdk'; or set DPDK_TEST_CRYPTO_PERF=/path)"
	fi
	command -v timeout >/dev/null || perf_skip "coreutils 'timeout' not found"
}

# The vector files devtools/setup.sh extracts from Debian's dpdk source
# package: $QATSEC_PERF_DATA, else build-sdk/<libdpdk-dev version>/perf-data,
# else any build-sdk/*/perf-data.
perf_find_data() {
	local want=("$@") d cand=() ver f ok
	if [ -n "${QATSEC_PERF_DATA:-}" ]; then
		cand=("$QATSEC_PERF_DATA")
	else
		ver=$(dpkg-query -W -f='${Version}' libdpdk-dev 2>/dev/null || true)
		[ -z "$ver" ] || cand+=("$PERF_TOP/build-sdk/$ver/perf-data")
		for d in "$PERF_TOP"/build-sdk/*/perf-data; do
			[ -d "$d" ] && cand+=("$d")
		done
	fi
	for d in "${cand[@]}"; do
		ok=1
		for f in "${want[@]}"; do
			[ -r "$d/$f" ] || ok=0
		done
		if [ $ok -eq 1 ]; then
			PERF_DATA=$(cd "$d" && pwd)
			return 0
		fi
	done
	perf_skip "crypto-perf vector files (${want[*]}) not found in ${cand[*]:-$PERF_TOP/build-sdk/*/perf-data}: run devtools/setup.sh (extracts them from Debian's dpdk source package) or set QATSEC_PERF_DATA=DIR"
}

# Byte count of the global (pre-section) "plaintext =" entry of a vector file:
# crypto-perf only verifies a section whose size equals it (--buffer-sz must
# equal it too, smaller is rejected, larger is truncated).
perf_vector_plaintext_len() {
	awk '
		/^\[/ { exit }
		/^plaintext[ \t]*=/ { p = 1; sub(/^[^=]*=/, "") }
		p && /^[a-z_]+[ \t]*=/ && !/^plaintext/ { exit }
		p { n += gsub(/0x[0-9a-fA-F]+/, "") }
		END { print n + 0 }' "$1"
}

perf_vector_has_section() {
	grep -qx "\[$2\][[:space:]]*" "$1"
}

# ---------------------------------------------------------------- plugin
perf_resolve_plugin() {
	PERF_PLUGIN_DIR=
	PERF_PLUGIN_NAME=
	[ -n "$PERF_PLUGIN" ] && [ "$PERF_PLUGIN" != none ] || return 0
	local p=$PERF_PLUGIN f=
	if [ -d "$p" ]; then
		if [ -e "$p/$PERF_PLUGIN_SONAME" ]; then
			f=$p/$PERF_PLUGIN_SONAME
		elif [ -e "$p/drivers/crypto/qatsec/$PERF_PLUGIN_SONAME" ]; then
			f=$p/drivers/crypto/qatsec/$PERF_PLUGIN_SONAME
		else
			perf_die "--plugin $p: no $PERF_PLUGIN_SONAME in it nor in its drivers/crypto/qatsec/ (build it: ninja -C $p)"
		fi
	elif [ -e "$p" ]; then
		f=$p
	else
		perf_die "--plugin $p: no such file or directory (not built yet?)"
	fi
	PERF_PLUGIN_DIR=$(cd "$(dirname "$f")" && pwd)
	PERF_PLUGIN_NAME=$(basename "$f")
	# An installed copy in EAL's autoload directory is loaded first and, having
	# the same soname, would shadow the build's copy: the run would test it.
	local libdir inst
	libdir=$(pkg-config --variable=libdir libdpdk 2>/dev/null || echo /usr/lib/x86_64-linux-gnu)
	for inst in "$libdir"/dpdk/pmds-*/"$PERF_PLUGIN_NAME"*; do
		[ -e "$inst" ] || continue
		perf_die "$inst is installed in EAL's autoload directory and would shadow $PERF_PLUGIN_DIR/$PERF_PLUGIN_NAME: remove it or test without --plugin"
	done
}

# ------------------------------------------------------------ run + cleanup
PERF_PREFIX=
PERF_WORKDIR=
PERF_CHILD=

# PERF_CLEANUP_HOOK: a function perf_cleanup calls first (whatever way the
# script ends), e.g. to stop a primary the script started.
PERF_CLEANUP_HOOK=

perf_cleanup() {
	if [ -n "$PERF_CLEANUP_HOOK" ]; then
		"$PERF_CLEANUP_HOOK" || true
		PERF_CLEANUP_HOOK=
	fi
	if [ -n "$PERF_CHILD" ]; then
		kill -TERM "$PERF_CHILD" 2>/dev/null || true
		wait "$PERF_CHILD" 2>/dev/null || true
		PERF_CHILD=
	fi
	[ -z "$PERF_PREFIX" ] || dr_remove_files "$PERF_PREFIX" || true
	if [ -n "$PERF_WORKDIR" ] && [ -d "$PERF_WORKDIR" ]; then
		rm -rf "$PERF_WORKDIR"
	fi
}

perf_on_signal() {
	perf_err "interrupted by SIG$1, cleaning up"
	perf_cleanup
	trap - EXIT
	exit $((128 + $2))
}

# perf_setup: after option parsing. Checks prerequisites common to all runs,
# creates the private cwd and EAL prefix, installs the cleanup traps, then
# perf_device_setup for the device of the options.
perf_setup() {
	[ -n "$PERF_DEVTYPE" ] || perf_usage_die "--devtype is required"
	[[ $PERF_TIMEOUT =~ ^[0-9]+$ ]] || perf_usage_die "--timeout wants seconds, got '$PERF_TIMEOUT'"
	perf_find_app
	local l max=0 ncpu
	for l in ${PERF_LCORES//[,-]/ }; do
		[[ $l =~ ^[0-9]+$ ]] || perf_usage_die "--lcores: only lists and ranges of numbers here, got '$PERF_LCORES'"
		[ "$l" -le "$max" ] || max=$l
	done
	ncpu=$(nproc)
	[ "$max" -lt "$ncpu" ] ||
		perf_skip "lcores $PERF_LCORES need CPU $max but this process may use $ncpu CPU(s) (crypto-perf needs a main lcore and a worker)"
	local what=${PERF_ME%.sh}
	PERF_PREFIX=$(dr_prefix "${what//[^a-z0-9_]/_}")
	trap perf_cleanup EXIT
	trap 'perf_on_signal INT 2' INT
	trap 'perf_on_signal TERM 15' TERM
	trap 'perf_on_signal HUP 1' HUP
	PERF_WORKDIR=$(mktemp -d "${TMPDIR:-/tmp}/qatsec-perf.XXXXXX")
	if [ -n "$PERF_SECONDARY" ]; then
		# The group's files belong to its primary: cleanup leaves them.
		PERF_PREFIX=
		PERF_MEM_ARGS=(--proc-type=secondary)
	elif [ $PERF_HUGE -eq 1 ]; then
		dr_hugepages_ok 256 || perf_skip "--huge: $DR_HUGEPAGES_WHY"
		PERF_MEM_ARGS=(-m 256)
	else
		PERF_MEM_ARGS=(--no-huge -m 1024)
	fi
	perf_device_setup
}

# perf_device_setup: PERF_EAL_ARGS (and the plugin's PERF_PLUGIN_DIR/NAME)
# for PERF_DEVTYPE, PERF_VDEVS and PERF_PLUGIN. Called again by a script that
# switches devices (devtools/bench.sh).
perf_device_setup() {
	[ -n "$PERF_DEVTYPE" ] || perf_usage_die "--devtype is required"
	[ ${#PERF_VDEVS[@]} -gt 0 ] || PERF_VDEVS=("$PERF_DEVTYPE")
	perf_resolve_plugin
	PERF_EAL_ARGS=(-l "$PERF_LCORES" --no-pci
		--file-prefix "${PERF_SECONDARY:-$PERF_PREFIX}"
		--log-level=lib.eal:notice "${PERF_MEM_ARGS[@]}")
	[ -z "$PERF_PLUGIN_NAME" ] || PERF_EAL_ARGS+=(-d "$PERF_PLUGIN_NAME")
	local v
	for v in "${PERF_VDEVS[@]}"; do
		[ "$v" = none ] || PERF_EAL_ARGS+=(--vdev "$v")
	done
}

# perf_quote WORDS...: shell-quoted command line, for copy-paste.
perf_quote() {
	local out='' w
	for w in "$@"; do
		if [[ $w =~ ^[A-Za-z0-9_./:,=+@%-]+$ ]]; then
			out+=" $w"
		else
			out+=" '${w//\'/\'\\\'\'}'"
		fi
	done
	printf '%s' "${out# }"
}

perf_show_log() {
	# Verify mode dumps the vectors as hex lines: leave them out.
	grep -v -E '^(0x[0-9a-fA-F]{2}(, )?)+ *$' "$1" | tail -n "${2:-40}" | sed 's/^/    | /'
}

# perf_run LOG APP_ARGS...: one crypto-perf run on PERF_DEVTYPE, output to
# LOG. Returns crypto-perf's exit status (124 on timeout). Sets PERF_CMDLINE.
perf_run() {
	local log=$1 rc=0 ldp=${LD_LIBRARY_PATH:-}
	shift
	local args=("${PERF_EAL_ARGS[@]}" -- --devtype "$PERF_DEVTYPE" --csv "$@")
	[ -z "$PERF_PLUGIN_DIR" ] || ldp=$PERF_PLUGIN_DIR${ldp:+:$ldp}
	if [ -n "$PERF_BEFORE_RUN" ] && ! bash -c "$PERF_BEFORE_RUN" >>"$log" 2>&1; then
		perf_err "--before-run '$PERF_BEFORE_RUN' failed"
		return 1
	fi
	PERF_CMDLINE="$( [ -z "$PERF_PLUGIN_DIR" ] || printf 'LD_LIBRARY_PATH=%s ' "$ldp")$(perf_quote "$PERF_APP" "${args[@]}")"
	# Background + wait, so that a TERM reaches the trap (and the child) at once;
	# --foreground keeps crypto-perf in our process group (Ctrl-C, meson's kill).
	( cd "$PERF_WORKDIR" && LD_LIBRARY_PATH=$ldp exec timeout --foreground --kill-after=5 "$PERF_TIMEOUT" \
		"$PERF_APP" "${args[@]}" ) >"$log" 2>&1 </dev/null &
	PERF_CHILD=$!
	wait "$PERF_CHILD" || rc=$?
	PERF_CHILD=
	# Nothing of this run is needed by the next one (a secondary's files
	# are its primary's: PERF_PREFIX is empty then).
	[ -z "$PERF_PREFIX" ] || dr_remove_files "$PERF_PREFIX"
	return $rc
}

# perf_check_run RC LOG WHAT: turns a failed run into SKIP (the driver is not
# in this DPDK install and no plugin was asked for) or FAIL with the log.
# Returns 0 if the run itself succeeded.
perf_check_run() {
	local rc=$1 log=$2 what=$3
	[ "$rc" -ne 0 ] || return 0
	if grep -q -E "failed to parse device|Unable to parse device" "$log" && [ -z "$PERF_PLUGIN_NAME" ]; then
		perf_show_log "$log" 15
		perf_skip "no driver registered for --vdev ${PERF_VDEVS[*]} in this DPDK install (and no --plugin given)"
	fi
	grep -q "failed to parse device" "$log" && [ -n "$PERF_PLUGIN_NAME" ] &&
		perf_err "$PERF_PLUGIN_DIR/$PERF_PLUGIN_NAME was loaded but no driver matches --vdev ${PERF_VDEVS[*]}"
	perf_err "$what: dpdk-test-crypto-perf exited with status $rc$( [ "$rc" -ne 124 ] || echo " (timed out after ${PERF_TIMEOUT}s)")"
	perf_err "command: $PERF_CMDLINE"
	perf_show_log "$log" >&2
	if grep -q -E "^EAL: Error - exiting|Cannot init plugins|failed to parse device" "$log"; then
		perf_err "EAL could not start with these options: no further run would either"
		exit 1
	fi
	return 1
}

# perf_parse_csv LOG: crypto-perf --csv result rows as "key=value ..." lines,
# one per worker lcore. Keys: lcore buf burst enq deq failed_enq failed_deq
# and, per test type, failed_ops (verify) or mops gbps cycles (throughput).
perf_parse_csv() {
	awk -F',' '
		function key(h) {
			gsub(/^[ \t#]+|[ \t]+$/, "", h)
			if (h == "lcore id") return "lcore"
			if (h == "Buffer Size(B)") return "buf"
			if (h == "Burst Size") return "burst"
			if (h == "Enqueued") return "enq"
			if (h == "Dequeued") return "deq"
			if (h == "Failed Enq") return "failed_enq"
			if (h == "Failed Deq") return "failed_deq"
			if (h == "Failed Ops") return "failed_ops"
			if (h == "Ops(Millions)") return "mops"
			if (h == "Throughput(Gbps)") return "gbps"
			if (h == "Cycles/Buf") return "cycles"
			gsub(/[^A-Za-z0-9]+/, "_", h)
			return tolower(h)
		}
		/^#[ \t]*lcore id,/ {
			n = NF
			for (i = 1; i <= NF; i++) k[i] = key($i)
			next
		}
		n && /^[ \t]*[0-9]+[ \t]*(,[ \t]*[0-9.]+[ \t]*)+$/ && NF == n {
			line = ""
			for (i = 1; i <= NF; i++) {
				v = $i
				gsub(/[ \t]/, "", v)
				line = line (i > 1 ? " " : "") k[i] "=" v
			}
			print line
		}' "$1"
}

# perf_get KEY ROW: value of KEY in a perf_parse_csv row ("" if absent).
perf_get() {
	local kv
	for kv in $2; do
		[ "${kv%%=*}" != "$1" ] || { printf '%s' "${kv#*=}"; return 0; }
	done
}

# ----------------------------------------------------------- algorithms
# crypto-perf arguments per cell name (PERF_ALGO_ARGS):
#   aes-gcm-128-enc     AES-128-GCM encrypt, AAD 16, tag 16 (alias aes-gcm-128)
#   aes-gcm-256-dec     AES-256-GCM decrypt, AAD 16, tag 16
#   aes-cbc-128-sha1    AES-128-CBC encrypt, then HMAC-SHA1 12-byte tag generated
#   aes-cbc-256-sha256  HMAC-SHA256 16-byte tag verified, then AES-256-CBC decrypt
#   chacha20-poly1305   ChaCha20-Poly1305 encrypt, AAD 16, tag 16
#   3des-cbc-sha1       3DES-CBC (24-byte key) encrypt, then HMAC-SHA1 12-byte tag generated
#   aes-docsisbpi       AES-128 DOCSIS BPI encrypt (CBC, a last partial block in CFB)
#   snow3g-uea2-uia2    SNOW3G UEA2 encrypt, then UIA2 4-byte MAC generated
#   zuc-eea3-eia3       ZUC-128 EEA3 encrypt, then EIA3 4-byte MAC generated
#   aes-xts-256         AES-256-XTS encrypt (64-byte key), the region one data unit
#   null                NULL cipher then NULL auth: crypto-perf's own cost
# (crypto-perf gives the 3GPP algorithms their regions in bits: the whole
# buffer, buffer size x 8.)
# PERF_ALGO_VECTOR=1: crypto-perf wants a vector file for the cell (auth
# verify); perf_make_vector writes one. PERF_ALGO_COST: "picoseconds per op,
# picoseconds per byte" of crypto_aesni_mb on one core of the reference
# 2-core VM, to size runs.
perf_algo_args() {
	PERF_ALGO_VECTOR=0
	case "$1" in
	aes-gcm-128|aes-gcm-128-enc)
		PERF_ALGO_COST="40000 63"
		PERF_ALGO_ARGS=(--optype aead --aead-algo aes-gcm --aead-op encrypt
			--aead-key-sz 16 --aead-iv-sz 12 --aead-aad-sz 16 --digest-sz 16) ;;
	aes-gcm-256-dec)
		PERF_ALGO_COST="45000 80"
		PERF_ALGO_ARGS=(--optype aead --aead-algo aes-gcm --aead-op decrypt
			--aead-key-sz 32 --aead-iv-sz 12 --aead-aad-sz 16 --digest-sz 16) ;;
	aes-cbc-128-sha1)
		PERF_ALGO_COST="90000 170"
		PERF_ALGO_ARGS=(--optype cipher-then-auth --cipher-algo aes-cbc --cipher-op encrypt
			--cipher-key-sz 16 --cipher-iv-sz 16 --auth-algo sha1-hmac --auth-op generate
			--auth-key-sz 64 --digest-sz 12) ;;
	aes-cbc-256-sha256)
		PERF_ALGO_COST="100000 280"
		PERF_ALGO_VECTOR=1
		PERF_ALGO_ARGS=(--optype auth-then-cipher --cipher-algo aes-cbc --cipher-op decrypt
			--cipher-key-sz 32 --cipher-iv-sz 16 --auth-algo sha2-256-hmac --auth-op verify
			--auth-key-sz 64 --digest-sz 16) ;;
	chacha20-poly1305)
		PERF_ALGO_COST="110000 330"
		PERF_ALGO_ARGS=(--optype aead --aead-algo chacha20-poly1305 --aead-op encrypt
			--aead-key-sz 32 --aead-iv-sz 12 --aead-aad-sz 16 --digest-sz 16) ;;
	3des-cbc-sha1)
		PERF_ALGO_COST="120000 2300"
		PERF_ALGO_ARGS=(--optype cipher-then-auth --cipher-algo 3des-cbc --cipher-op encrypt
			--cipher-key-sz 24 --cipher-iv-sz 8 --auth-algo sha1-hmac --auth-op generate
			--auth-key-sz 64 --digest-sz 12) ;;
	aes-docsisbpi)
		PERF_ALGO_COST="60000 350"
		PERF_ALGO_ARGS=(--optype cipher-only --cipher-algo aes-docsisbpi --cipher-op encrypt
			--cipher-key-sz 16 --cipher-iv-sz 16) ;;
	snow3g-uea2-uia2)
		PERF_ALGO_COST="250000 1200"
		PERF_ALGO_ARGS=(--optype cipher-then-auth --cipher-algo snow3g-uea2 --cipher-op encrypt
			--cipher-key-sz 16 --cipher-iv-sz 16 --auth-algo snow3g-uia2 --auth-op generate
			--auth-key-sz 16 --auth-iv-sz 16 --digest-sz 4) ;;
	zuc-eea3-eia3)
		PERF_ALGO_COST="250000 1200"
		PERF_ALGO_ARGS=(--optype cipher-then-auth --cipher-algo zuc-eea3 --cipher-op encrypt
			--cipher-key-sz 16 --cipher-iv-sz 16 --auth-algo zuc-eia3 --auth-op generate
			--auth-key-sz 16 --auth-iv-sz 16 --digest-sz 4) ;;
	aes-xts-256)
		PERF_ALGO_COST="80000 150"
		PERF_ALGO_ARGS=(--optype cipher-only --cipher-algo aes-xts --cipher-op encrypt
			--cipher-key-sz 64 --cipher-iv-sz 16) ;;
	modex)
		# crypto-perf's built-in vector: 1024-bit modulus, 3-byte exponent.
		PERF_ALGO_COST="5000000 0"
		PERF_ALGO_ARGS=(--optype modex) ;;
	null)
		PERF_ALGO_COST="6000 0"
		PERF_ALGO_ARGS=(--optype cipher-then-auth --cipher-algo null --cipher-key-sz 0
			--cipher-iv-sz 0 --auth-algo null --auth-key-sz 0 --digest-sz 0) ;;
	*) perf_usage_die "unknown algorithm cell '$1' (aes-gcm-128-enc, aes-gcm-256-dec, aes-cbc-128-sha1, aes-cbc-256-sha256, chacha20-poly1305, 3des-cbc-sha1, aes-docsisbpi, snow3g-uea2-uia2, zuc-eea3-eia3, aes-xts-256, modex, null)" ;;
	esac
}

# perf_make_vector CELL SIZE FILE: a crypto-perf vector file of SIZE bytes
# for CELL (one with PERF_ALGO_VECTOR=1), section [bench], with a correct
# digest, computed by Debian's python3-cryptography.
perf_make_vector() {
	/usr/bin/python3 - "$1" "$2" "$3" <<'EOF'
import hashlib, hmac, random, sys
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
cell, size, path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
if cell != "aes-cbc-256-sha256":
	sys.exit("no vector recipe for " + cell)
rnd = random.Random(size)
b = lambda n: bytes(rnd.getrandbits(8) for _ in range(n))
pt, key, iv, akey = b(size), b(32), b(16), b(64)
enc = Cipher(algorithms.AES(key), modes.CBC(iv)).encryptor()
ct = enc.update(pt) + enc.finalize()
digest = hmac.new(akey, ct, hashlib.sha256).digest()[:16]
def hexlist(name, v):
	rows = [", ".join("0x%02x" % x for x in v[i:i + 16]) for i in range(0, len(v), 16)]
	return name + " =\n" + ",\n".join(rows) + "\n"
with open(path, "w") as f:
	f.write("# AES-256-CBC + HMAC-SHA256-128, made by devtools/bench.sh\n")
	f.write(hexlist("plaintext", pt) + hexlist("ciphertext", ct))
	f.write(hexlist("cipher_key", key) + hexlist("auth_key", akey))
	f.write(hexlist("cipher_iv", iv) + "\n[bench]\n" + hexlist("digest", digest))
EOF
}

# perf_ops_for ALGO SIZE MILLISECONDS: --total-ops that take about that long
# on crypto_aesni_mb (multiple of 1000, at least 10000).
perf_ops_for() {
	perf_algo_args "$1"
	local c0 c1 n
	read -r c0 c1 <<<"$PERF_ALGO_COST"
	n=$(( $3 * 1000000000 / (c0 + c1 * $2) / 1000 * 1000 ))
	[ "$n" -ge 10000 ] || n=10000
	echo "$n"
}
