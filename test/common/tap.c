/* SPDX-License-Identifier: BSD-3-Clause
 * The TAP emitter of the C tests (see tap.h).
 */
#include <stdarg.h>
#include <stdio.h>

#include "tap.h"

static unsigned int tap_n, tap_failed;

/* '#' in a description would start a directive: keep it out. */
static void
untag(char *s)
{
	for (; *s != '\0'; s++)
		if (*s == '#')
			*s = '_';
}

static void
emit(bool pass, enum tap_directive dir, const char *why, const char *fmt,
		va_list ap)
{
	static const char *const names[] = {
		[TAP_NONE] = "", [TAP_SKIP] = "SKIP", [TAP_TODO] = "TODO",
	};
	char what[4096];

	vsnprintf(what, sizeof(what), fmt, ap);
	untag(what);
	tap_n++;
	if (!pass && dir != TAP_TODO)
		tap_failed++;
	printf("%s %u - %s", pass ? "ok" : "not ok", tap_n, what);
	if (dir != TAP_NONE)
		printf(" # %s %s", names[dir], why != NULL ? why : "");
	printf("\n");
	fflush(stdout);
}

bool
tap_vok(bool pass, const char *fmt, va_list ap)
{
	emit(pass, TAP_NONE, NULL, fmt, ap);
	return pass;
}

bool
tap_ok(bool pass, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	emit(pass, TAP_NONE, NULL, fmt, ap);
	va_end(ap);
	return pass;
}

void
tap_result(bool pass, enum tap_directive dir, const char *why,
		const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	emit(pass, dir, why, fmt, ap);
	va_end(ap);
}

void
tap_bail(const char *fmt, ...)
{
	va_list ap;

	printf("Bail out! ");
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	fflush(stdout);
}

unsigned int
tap_count(void)
{
	return tap_n;
}

unsigned int
tap_failures(void)
{
	return tap_failed;
}

int
tap_done(void)
{
	printf("1..%u\n", tap_n);
	fflush(stdout);
	return tap_failed != 0;
}
