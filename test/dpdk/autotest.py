#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
# Runs one entry of DPDK's cryptodev unit tests (our out-of-tree build,
# test/dpdk/meson.build) on the driver under test, then on the reference
# PMD, and reads the top suite's summary. TAP out: the driver under test
# must run the suite, fail none, and pass at least --floor cases; the
# reference's counts are printed beside it for the record (not asserted:
# it is DPDK's PMD, not ours). A run that prints no summary (crash, suite
# not run, EAL failure) is a failure, never a silent pass; a mode the
# driver does not advertise (the entry prints FEATURE MISSING) is a TAP
# skip with a banner, which meson reports as SKIP (and devtools/run as a
# failure).
import argparse
import fnmatch
import os
import re
import shutil
import subprocess
import sys
import time

SUMMARY = re.compile(r'^ \+ Test Suite Summary : (.*)$')
SUB = re.compile(r'^ \+ (.*) : (\d+)/(\d+) passed, (\d+)/\d+ skipped, '
	r'(\d+)/\d+ failed, (\d+)/\d+ unsupported$')
MISSING = re.compile(r'^qatsec autotest: FEATURE MISSING: (.*)$', re.M)
FAILED_CASE = re.compile(r'^ \+ TestCase \[ *\d+\] : (.*) failed$', re.M)
COUNT = re.compile(r'^ \+ Tests (Total|Skipped|Passed|Failed) :\s+(\d+)$')


def parse(text):
	"""Counts of the last (outermost) suite summary and its sub-suites."""
	top = None
	for line in text.splitlines():
		m = SUMMARY.match(line)
		if m:
			top = {'name': m.group(1), 'subs': []}
			continue
		if top is None:
			continue
		m = SUB.match(line)
		if m:
			top['subs'].append((m.group(1), int(m.group(2)),
				int(m.group(3)), int(m.group(4)), int(m.group(5))))
			continue
		m = COUNT.match(line)
		if m:
			top[m.group(1).lower()] = int(m.group(2))
	if top is None or not all(k in top for k in
			('total', 'skipped', 'passed', 'failed')):
		return None
	return top


def run(args, driver, vdev, load, tag):
	prefix = 'qatsec_autotest_%s_%d' % (tag, os.getpid())
	eal = [os.path.abspath(args.bin), '--no-huge', '-m', '1024', '--no-pci', '--no-shconf',
		'-l', '0', '--file-prefix', prefix,
		'--log-level=lib.eal:warning', '--log-level=lib.cryptodev:warning']
	if load:
		eal += ['-d', load]
	eal += ['--vdev', vdev]
	env = dict(os.environ, DPDK_TEST=args.cmd,
		QATSEC_AUTOTEST_DRIVER=driver)
	log = os.path.join(args.log_dir, '%s-%s.log' % (args.name, tag))
	t0 = time.monotonic()
	with open(log, 'w') as f:
		p = subprocess.run(eal, env=env, stdin=subprocess.DEVNULL,
			stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
			timeout=args.timeout)
		out = p.stdout.decode(errors='replace')
		f.write(out)
	# --no-shconf still leaves the run's (empty) runtime directory.
	shutil.rmtree(os.path.join('/var/run/dpdk', prefix), ignore_errors=True)
	dt = time.monotonic() - t0
	return p.returncode, parse(out), log, dt, out


def describe(driver, rc, res, dt):
	if res is None:
		return '%s: no suite summary (exit %d, %.0f s)' % (driver, rc, dt)
	return '%s: %d passed, %d skipped, %d failed of %d (exit %d, %.0f s)' % (
		driver, res['passed'], res['skipped'], res['failed'],
		res['total'], rc, dt)


def subsuites(res):
	for s in res['subs']:
		print('#   %-58s %3d/%-3d passed %3d skipped %3d failed' %
			(s[0][:58], s[1], s[2], s[3], s[4]))


def banner(msg):
	for f in (sys.stdout, sys.stderr):
		print('#' * 72, file=f)
		print('# ' + msg, file=f)
		print('#' * 72, file=f)


def reference(args):
	if not args.ref:
		return
	rc, res, _, dt, out = run(args, args.ref, args.ref, None, 'ref')
	print('# reference ' + describe(args.ref, rc, res, dt))
	if res is not None:
		subsuites(res)
	elif MISSING.search(out):
		print('#   (' + MISSING.search(out).group(1) + ')')


def main():
	ap = argparse.ArgumentParser()
	ap.add_argument('--missing')
	ap.add_argument('--bin')
	ap.add_argument('--cmd')
	ap.add_argument('--floor', type=int, default=0)
	ap.add_argument('--dut')
	# devargs of the device under test (e.g. sym_api=cpu for CPU crypto)
	ap.add_argument('--dut-args', default='')
	# comma-separated fnmatch patterns of test cases known to fail
	ap.add_argument('--known-bad', default='')
	ap.add_argument('--load')
	ap.add_argument('--ref')
	ap.add_argument('--log-dir', default='.')
	ap.add_argument('--name', default='autotest')
	ap.add_argument('--timeout', type=int, default=800)
	args = ap.parse_args()

	if args.missing is not None:
		print('1..0 # SKIP DPDK app/test sources missing (dpdk_test_src=%r):'
			' run devtools/setup.sh as root to extract them from Debian\'s'
			' dpdk source package' % args.missing)
		banner('dpdk suite NOT RUN: DPDK app/test sources missing')
		return 0

	vdev = args.dut + (',' + args.dut_args if args.dut_args else '')
	rc, res, log, dt, out = run(args, args.dut, vdev, args.load, 'dut')
	missing = MISSING.search(out)
	if res is None and missing and rc == 77:
		# The driver does not advertise the mode: not a pass, not a
		# broken suite. The reference still runs, for the record.
		print('1..0 # SKIP %s: suite not run (%s)' % (args.dut,
			missing.group(1)))
		banner('%s NOT RUN on %s: %s' % (args.cmd, args.dut,
			missing.group(1)))
		reference(args)
		return 0
	print('1..3')
	print('# ' + describe(args.dut, rc, res, dt) + ' [%s]' % args.cmd)
	if res is not None:
		subsuites(res)
	else:
		# The tail says why (EAL error, missing feature, crash).
		for line in out.splitlines()[-15:]:
			print('#   | ' + line)
	ran = res is not None and rc >= 0
	print('%s 1 - %s ran the suite (log %s)' % (
		'ok' if ran else 'not ok', args.dut, log))
	failed = res['failed'] if res else -1
	# Known failures (--known-bad, each explained in meson.build) are
	# listed, never hidden; any other failure fails the test.
	known = [p for p in args.known_bad.split(',') if p]
	fails = FAILED_CASE.findall(out)
	unknown = [f for f in fails
		if not any(fnmatch.fnmatchcase(f, p) for p in known)]
	for f in fails:
		if f not in unknown:
			print('# KNOWN FAILURE (see test/dpdk/meson.build): %s' % f)
	clean = failed == len(fails) and not unknown and (rc == 0 or
		(fails and rc == 255))
	print('%s 2 - %s: 0 failed beyond the %d known (got %d)' % (
		'ok' if ran and clean else 'not ok', args.dut,
		len(fails) - len(unknown), failed))
	passed = res['passed'] if res else -1
	print('%s 3 - %s: passed %d >= floor %d' % (
		'ok' if ran and passed >= args.floor else 'not ok', args.dut,
		passed, args.floor))

	reference(args)
	return 0


if __name__ == '__main__':
	sys.exit(main())
