/* SPDX-License-Identifier: BSD-3-Clause
 * TAP output for qatsec_kat (see kat_tap.h): what a tally's line says and
 * whether it counts (SKIP, --strict, --known-bad TODO); the lines
 * themselves are test/common/tap.h's. stdout carries only TAP: the plan,
 * ok / not ok lines and "#" comments; DPDK logs go to stderr.
 */
#include <fnmatch.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kat_tap.h"
#include "tap.h"

/* Failures printed as comments per line, beyond the first kept in it. */
#define KAT_SHOW_FAILS 5

struct kat_opts kat_opt;

static bool match_list(const char *list, const char *name);

void
kat_tally_init(struct kat_tally *t, const char *fmt, ...)
{
	va_list ap;

	memset(t, 0, sizeof(*t));
	va_start(ap, fmt);
	vsnprintf(t->name, sizeof(t->name), fmt, ap);
	va_end(ap);
}

void
kat_tally_skip(struct kat_tally *t, const char *why)
{
	unsigned int i;

	t->skipped++;
	for (i = 0; i < t->nskip; i++)
		if (strcmp(t->skip[i].why, why) == 0) {
			t->skip[i].n++;
			return;
		}
	if (i < KAT_TALLY_REASONS) {
		t->skip[i].why = why;
		t->skip[i].n = 1;
		t->nskip++;
	} else {
		t->skip[KAT_TALLY_REASONS - 1].n++;
	}
}

static char mode_skip_msg[KAT_M_NUM][96];

void
kat_tally_init_modes(struct kat_tally *t, const struct kat_dev *d,
		const char *group, const char *dir)
{
	for (int m = 0; m < KAT_M_NUM; m++) {
		enum kat_mode md = (enum kat_mode)m;

		kat_tally_init(&t[m], "%s %s %s", group, dir, kat_mode_name(md));
		if (kat_opt.modes != NULL &&
				!match_list(kat_opt.modes, kat_mode_name(md))) {
			t[m].skip_line = "mode not selected (--modes)";
		} else if (kat_mode_ff(md) && !(d->ff & kat_mode_ff(md))) {
			snprintf(mode_skip_msg[m], sizeof(mode_skip_msg[m]),
				"%s does not advertise %s", d->name,
				kat_mode_ff_name(md));
			t[m].skip_line = mode_skip_msg[m];
			t[m].skip_dev = true;
		}
	}
}

void
kat_tally_skip_all(struct kat_tally *t, const char *why)
{
	for (int m = 0; m < KAT_M_NUM; m++)
		kat_tally_skip(&t[m], why);
}

void
kat_tally_skip_line_all(struct kat_tally *t, const char *why, bool dev)
{
	for (int m = 0; m < KAT_M_NUM; m++)
		if (t[m].skip_line == NULL) {
			t[m].skip_line = why;
			t[m].skip_dev = dev;
		}
}

void
kat_tally_finish_modes(struct kat_tally *t)
{
	for (int m = 0; m < KAT_M_NUM; m++) {
		if (t[m].skip_line != NULL || t[m].run != 0)
			continue;
		for (unsigned int i = 0; i < t[m].nskip; i++)
			if (strcmp(t[m].skip[i].why,
					"algorithm not advertised") == 0) {
				t[m].skip_line =
					"algorithm not advertised by the device";
				t[m].skip_dev = true;
			}
	}
}

void
kat_tally_ok(struct kat_tally *t)
{
	t->run++;
}

void
kat_tally_fail(struct kat_tally *t, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	t->run++;
	t->failed++;
	if (t->failed == 1)
		snprintf(t->first, sizeof(t->first), "%s", msg);
	if (t->failed <= KAT_SHOW_FAILS)
		printf("# FAIL %s: %s\n", t->name, msg);
	else if (t->failed == KAT_SHOW_FAILS + 1)
		printf("# FAIL %s: (further failures not shown)\n", t->name);
}

static void
skip_text(const struct kat_tally *t, char *buf, size_t sz)
{
	size_t o = 0;

	buf[0] = '\0';
	for (unsigned int i = 0; i < t->nskip && o + 2 < sz; i++) {
		int w = snprintf(buf + o, sz - o, "%s%s: %u", i ? ", " : " (",
			t->skip[i].why, t->skip[i].n);

		if (w < 0)
			break;
		o += (size_t)w;
	}
	if (t->nskip && o + 2 < sz)
		snprintf(buf + o, sz - o, ")");
}

/* The counts of a line that ran, and its first failure if any. */
static void
ran_text(const struct kat_tally *t, bool bad, char *buf, size_t sz)
{
	char sk[640];
	int w;

	skip_text(t, sk, sizeof(sk));
	w = snprintf(buf, sz, "%s: %u run, %u failed, %u skipped%s%s%s",
		t->name, t->run, t->failed, t->skipped, sk,
		t->note[0] ? "; " : "", t->note);
	if (w < 0 || (size_t)w >= sz || !bad)
		return;
	if (t->failed > 0)
		snprintf(buf + w, sz - (size_t)w,
			" (first mismatch: %s; seed %" PRIu64 ")", t->first,
			kat_opt.seed);
	else
		snprintf(buf + w, sz - (size_t)w, " (no case ran: vector file "
			"missing/unparsed or every case skipped)");
}

void
kat_tap_emit(struct kat_tally *t)
{
	char line[1600], todo[160];
	bool bad, known;

	if (t->skip_line != NULL) {
		if (kat_opt.strict && t->skip_dev)
			tap_ok(false, "%s: skipped in --strict mode: %s",
				t->name, t->skip_line);
		else
			tap_result(true, TAP_SKIP, t->skip_line, "%s", t->name);
		return;
	}
	/* Zero cases run means vectors missing or unparsed: never a pass. */
	bad = t->failed > 0 || t->run == 0;
	known = bad && t->run > 0 && match_list(kat_opt.known_bad, t->name);
	ran_text(t, bad, line, sizeof(line));
	/* TODO: a failure TAP consumers do not count (--known-bad) */
	snprintf(todo, sizeof(todo), "known defect of %s (--known-bad)",
		kat_opt.dev);
	tap_result(!bad, known ? TAP_TODO : TAP_NONE, todo, "%s", line);
}

void
kat_tap_bail(const char *fmt, ...)
{
	char msg[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	tap_bail("%s (seed %" PRIu64 ")", msg, kat_opt.seed);
	/* A device that lost ops may still own memory: do not clean up. */
	_Exit(2);
}

/*
 * Does name match the comma-separated list? Entries are fnmatch globs, or
 * prefixes ending at a '-' or ' ' boundary ("diff", "hmac", "aes-gcm").
 */
static bool
match_list(const char *list, const char *name)
{
	char pat[256];
	const char *p = list;

	if (p == NULL)
		return false;
	while (*p != '\0') {
		size_t n = strcspn(p, ",");

		if (n > 0 && n < sizeof(pat)) {
			memcpy(pat, p, n);
			pat[n] = '\0';
			if (fnmatch(pat, name, 0) == 0 ||
					(strncmp(pat, name, n) == 0 &&
					 (name[n] == '\0' || name[n] == '-' ||
					  name[n] == ' ')))
				return true;
		}
		p += n;
		if (*p == ',')
			p++;
	}
	return false;
}

static bool any_selected;

bool
kat_selected(const char *group)
{
	bool sel = kat_opt.only == NULL || *kat_opt.only == '\0' ||
		match_list(kat_opt.only, group);

	any_selected |= sel;
	return sel;
}

bool
kat_any_selected(void)
{
	return any_selected;
}

void
kat_check_job(struct kat_tally *t, const char *where, const struct kat_job *j,
		int exp_status, const uint8_t *exp_out, const uint8_t *exp_digest)
{
	char diff[300];
	const char *mode = kat_mode_name(j->mode);

	if (j->err[0] != '\0') {
		kat_tally_fail(t, "case %s [%s]: %s (status %s)", where, mode,
			j->err, kat_status_name(j->status));
		return;
	}
	if (j->status != exp_status) {
		kat_tally_fail(t, "case %s [%s]: status expected %s got %s", where,
			mode, kat_status_name(exp_status),
			kat_status_name(j->status));
		return;
	}
	if (exp_status == RTE_CRYPTO_OP_STATUS_SUCCESS) {
		if (exp_out != NULL && j->out != NULL && j->len > 0 &&
				memcmp(exp_out, j->out, j->len) != 0) {
			kat_hexdiff(diff, sizeof(diff), "output", exp_out, j->out,
				j->len);
			kat_tally_fail(t, "case %s [%s]: %s", where, mode, diff);
			return;
		}
		if (exp_digest != NULL && !j->s->verify && j->s->digest_len &&
				memcmp(exp_digest, j->digest, j->s->digest_len) != 0) {
			kat_hexdiff(diff, sizeof(diff), "digest", exp_digest,
				j->digest, j->s->digest_len);
			kat_tally_fail(t, "case %s [%s]: %s", where, mode, diff);
			return;
		}
	}
	kat_tally_ok(t);
}
