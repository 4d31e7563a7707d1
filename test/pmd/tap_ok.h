/* SPDX-License-Identifier: BSD-3-Clause
 * The few lines of TAP the single-file PMD tests need: one "ok"/"not ok"
 * line per check, the plan at the end, and an exit status that fails the
 * run when any check failed.
 */
#ifndef TAP_OK_H
#define TAP_OK_H

#include <stdarg.h>
#include <stdio.h>

static int nb_tests, nb_failed;

static __attribute__((format(printf, 2, 3))) void
ok(int cond, const char *fmt, ...)
{
	va_list ap;

	nb_tests++;
	if (!cond)
		nb_failed++;
	printf("%s %d - ", cond ? "ok" : "not ok", nb_tests);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	fflush(stdout);
}

/* Print the plan; the process's exit status. */
static inline int
tap_done(void)
{
	printf("1..%d\n", nb_tests);
	return nb_failed ? 1 : 0;
}

#endif /* TAP_OK_H */
