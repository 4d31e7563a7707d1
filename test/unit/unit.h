/* SPDX-License-Identifier: BSD-3-Clause
 * qatsec layer 1 unit tests: checks that mark the current test failed
 * (one TAP line a test, through test/common/tap.h), and helpers to parse
 * texts and compare diagnostics exactly.
 */
#ifndef QATSEC_UNIT_H
#define QATSEC_UNIT_H

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qatsec_config.h"
#include "tap.h"

static int ut_failed;		/* in the current test */

#define UT_CHECK(cond) do { \
	if (!(cond)) { \
		printf("#   %s:%d: failed: %s\n", __FILE__, __LINE__, #cond); \
		ut_failed = 1; \
	} \
} while (0)

#define UT_EQ(a, b) do { \
	long long ut_a = (long long)(a), ut_b = (long long)(b); \
	if (ut_a != ut_b) { \
		printf("#   %s:%d: %s == %lld, expected %s == %lld\n", \
			__FILE__, __LINE__, #a, ut_a, #b, ut_b); \
		ut_failed = 1; \
	} \
} while (0)

#define UT_STREQ(a, b) do { \
	const char *ut_a = (a), *ut_b = (b); \
	if (strcmp(ut_a, ut_b) != 0) { \
		printf("#   %s:%d: %s is \"%s\", expected \"%s\"\n", \
			__FILE__, __LINE__, #a, ut_a, ut_b); \
		ut_failed = 1; \
	} \
} while (0)

struct ut_test {
	const char *name;
	void (*fn)(void);
};

#define UT(fn) { #fn, fn }

static inline void
ut_report(const char *name)
{
	tap_ok(!ut_failed, "%s", name);
	ut_failed = 0;
}

static inline int
ut_run(const struct ut_test *t, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		t[i].fn();
		ut_report(t[i].name);
	}
	return 0;
}

static inline int
ut_done(void)
{
	return tap_done();
}

static inline void
ut_print_diags(const struct qatsec_diags *d)
{
	uint32_t i;

	for (i = 0; i < d->nb; i++)
		printf("#     %s: %s\n", qatsec_diag_level_str(d->d[i].level),
			d->d[i].msg);
}

/* The diagnostics must be exactly "expected" (NULL-terminated), in order;
 * warnings are prefixed "W " in the expectation, errors not.
 */
static inline void
ut_diags_are(const struct qatsec_diags *d, const char *const *expected,
		const char *where, int line)
{
	uint32_t i, n = 0;
	int bad = 0;

	while (expected[n] != NULL)
		n++;
	if (d->nb != n)
		bad = 1;
	for (i = 0; i < n && i < d->nb && !bad; i++) {
		const char *e = expected[i];
		enum qatsec_diag_level lv = QATSEC_DIAG_ERROR;

		if (strncmp(e, "W ", 2) == 0) {
			lv = QATSEC_DIAG_WARNING;
			e += 2;
		}
		if (d->d[i].level != lv || strcmp(d->d[i].msg, e) != 0)
			bad = 1;
	}
	if (!bad)
		return;
	printf("#   %s:%d: diagnostics differ; expected:\n", where, line);
	for (i = 0; i < n; i++)
		printf("#     %s\n", expected[i]);
	printf("#   got:\n");
	ut_print_diags(d);
	ut_failed = 1;
}

#define UT_DIAGS(d, ...) do { \
	const char *const ut_exp[] = { __VA_ARGS__, NULL }; \
	ut_diags_are(d, ut_exp, __FILE__, __LINE__); \
} while (0)

#define UT_NO_DIAGS(d) do { \
	if ((d)->nb != 0) { \
		printf("#   %s:%d: unexpected diagnostics:\n", __FILE__, \
			__LINE__); \
		ut_print_diags(d); \
		ut_failed = 1; \
	} \
} while (0)

static inline char *
ut_read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	long n;

	if (f == NULL)
		return NULL;
	if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 &&
			fseek(f, 0, SEEK_SET) == 0) {
		buf = malloc((size_t)n + 1);
		if (buf != NULL && fread(buf, 1, (size_t)n, f) != (size_t)n) {
			free(buf);
			buf = NULL;
		} else if (buf != NULL) {
			buf[n] = '\0';
			*len = (size_t)n;
		}
	}
	fclose(f);
	return buf;
}

#endif /* QATSEC_UNIT_H */
