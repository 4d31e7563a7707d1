#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Suite install: `meson install --destdir` into a scratch root, then the
# layout checked file by file: the PMD in libdir with its link in the
# EAL's autoload directory (the directory the installed librte_eal names),
# header, qatsec.pc usable by pkg-config (an app is compiled and linked
# against the scratch root with it), the programs answering --version,
# configs that a second install does not overwrite, man pages, the unit.
# Needs no root: nothing outside the scratch root is touched.
#   install_destdir.sh SRC BUILD
set -uo pipefail
QATSEC_SRC=$1
QATSEC_BUILD=$2
. "$QATSEC_SRC/test/install/lib.sh"

root=$QATSEC_BUILD/test-install/destdir
rm -rf "$root"
mkdir -p "$root"
opt() {
	/usr/bin/python3 -c 'import json, sys
for o in json.load(open(sys.argv[1])):
	if o["name"] == sys.argv[2]:
		print(o["value"])' "$QATSEC_BUILD/meson-info/intro-buildoptions.json" "$1"
}
prefix=$(opt prefix)
libdir=$prefix/$(opt libdir)
sysconfdir=$(opt sysconfdir)
case $sysconfdir in /*) confdir=$sysconfdir/qatsec ;; *) confdir=$prefix/$sysconfdir/qatsec ;; esac
note "prefix $prefix, libdir $libdir, config dir $confdir"

meson install -C "$QATSEC_BUILD" --no-rebuild --destdir "$root" > "$root.log" 2>&1
ok $? "meson install --destdir $root" || tail -20 "$root.log" | sed 's/^/#   /'

# The autoload directory, as the installed EAL says (its RTE_EAL_PMD_PATH).
eal=$(readlink -f "$(pkg-config --variable=libdir libdpdk)/librte_eal.so")
want=$(strings "$eal" | grep -E '^/.*/pmds-[0-9.]+$' | head -n 1)
note "the EAL at $eal auto-loads PMDs from $want"
link=$root$want/librte_crypto_qatsec.so
[ -L "$link" ]
ok $? "the PMD link is in the EAL's autoload directory: $want"
pmd=$root$libdir/librte_crypto_qatsec.so
[ -f "$pmd" ] && [ ! -L "$pmd" ]
ok $? "the PMD itself is in libdir ($libdir)"
target=$(readlink "$link")
case $target in
/*) resolved=$root$target ;;
*) resolved=$(cd "$(dirname "$link")" && readlink -f "$target") ;;
esac
[ "$(readlink -f "$resolved")" = "$(readlink -f "$pmd")" ]
ok $? "the autoload link ($target) resolves to that same file, so an app linking the PMD and the EAL's dlopen share one copy"
nm -D --defined-only "$pmd" | grep -q ' rte_pmd_qatsec_user_start'
ok $? "the installed PMD exports the claim API"

hdr=$root$prefix/include/qatsec/rte_pmd_qatsec.h
[ -f "$hdr" ]
ok $? "public header installed: ${hdr#"$root"}"

pc=$root$libdir/pkgconfig/qatsec.pc
[ -f "$pc" ]
ok $? "pkg-config file installed: ${pc#"$root"}"
export PKG_CONFIG_PATH=$root$libdir/pkgconfig
# The scratch root is not /: point qatsec.pc's prefix there (libdpdk's
# stays); install-real runs the plain `pkg-config ... libdpdk qatsec`.
flags="$(pkg-config --cflags --libs libdpdk) $(pkg-config --define-variable=prefix="$root$prefix" --cflags --libs qatsec 2>&1)"
ok $? "pkg-config --cflags --libs qatsec (prefix=$root$prefix): ${flags##* -I}"
[ "$(pkg-config --variable=pmddir qatsec)" = "$want" ]
ok $? "qatsec.pc names the autoload directory (pmddir=$want)"
cat > "$root/app.c" <<'APP'
#include <stdio.h>
#include <rte_eal.h>
#include <rte_pmd_qatsec.h>
int main(void)
{
	/* No EAL: the API answers -ENODEV, proving the symbol links. */
	printf("%s %d\n", RTE_PMD_QATSEC_DRIVER_NAME, rte_pmd_qatsec_section_count());
	return 0;
}
APP
# shellcheck disable=SC2086
cc -o "$root/app" "$root/app.c" $flags -Wl,-rpath,"$root$libdir" > "$root/app.log" 2>&1
ok $? "an application compiles and links with those flags" || sed 's/^/#   /' "$root/app.log"
out=$("$root/app" 2>&1)
case $out in "crypto_qatsec -"*) true ;; *) false ;; esac
ok $? "and runs against the installed PMD ($out)"

for p in qatsecd qatsec-worker qatsec-ctl qatsec-config; do
	b=$root$prefix/bin/$p
	v=$(LD_LIBRARY_PATH=$root$libdir "$b" --version 2>&1)
	case $v in "$p (qatsec) "*) true ;; *) false ;; esac
	ok $? "$prefix/bin/$p --version: $v"
done
hp=$root$prefix/libexec/qatsec/qatsec-hugepages
[ -x "$hp" ]
ok $? "the unit's hugepage helper is installed: ${hp#"$root"}"

for f in 4xxx_dev0.conf 4xxx_dev1.conf; do
	cmp -s "$root$confdir/$f" "$QATSEC_SRC/config/$f"
	ok $? "example config $confdir/$f installed"
	[ -f "$root$prefix/share/qatsec/examples/$f" ]
	ok $? "and kept as an example under $prefix/share/qatsec/examples"
done
echo "# edited by the user" >> "$root$confdir/4xxx_dev0.conf"
meson install -C "$QATSEC_BUILD" --no-rebuild --destdir "$root" > "$root.log2" 2>&1
grep -q "edited by the user" "$root$confdir/4xxx_dev0.conf"
ok $? "a second install keeps the user's edited $confdir/4xxx_dev0.conf"
cmp -s "$root$confdir/4xxx_dev1.conf" "$QATSEC_SRC/config/4xxx_dev1.conf"
ok $? "and leaves the unedited $confdir/4xxx_dev1.conf as it was"

for m in man8/qatsecd.8 man8/qatsec-ctl.8 man1/qatsec-worker.1 man1/qatsec-config.1; do
	f=$root$prefix/share/man/$m
	[ -f "$f" ] && man -l "$f" 2>/dev/null | grep -q NAME
	ok $? "man page $m installed and renders"
done

unit=$(find "$root" -name qatsecd.service | head -n 1)
[ -n "$unit" ] && grep -q "^ExecStart=$prefix/bin/qatsecd " "$unit" &&
	grep -q "^ExecStartPre=$prefix/libexec/qatsec/qatsec-hugepages " "$unit" &&
	grep -q -- "--config-dir $confdir\$" "$unit"
ok $? "the unit ${unit#"$root"} runs the installed qatsecd on $confdir after reserving hugepages"
if command -v systemd-analyze >/dev/null; then
	# verify resolves ExecStart against the real root: only the syntax
	# and the known keys are checked here; the package test runs it fully.
	out=$(systemd-analyze verify "$unit" 2>&1 | grep -v "is not executable\|No such file\|Command .* is not\|Command 'man " || true)
	[ -z "$out" ]
	ok $? "systemd-analyze verify finds nothing else wrong with the unit" || note "$out"
fi
tap_end
