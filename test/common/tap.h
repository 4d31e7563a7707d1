/* SPDX-License-Identifier: BSD-3-Clause
 * The one TAP emitter of the C tests (meson protocol 'tap'): numbered
 * "ok" / "not ok" lines with an optional SKIP or TODO directive, the plan
 * at the end, "Bail out!", and the tally that becomes the exit status.
 * stdout carries only TAP; every line is flushed at once, so a crash
 * keeps what came before it.
 */
#ifndef QATSEC_TEST_TAP_H
#define QATSEC_TEST_TAP_H

#include <stdarg.h>
#include <stdbool.h>

enum tap_directive {
	TAP_NONE,
	TAP_SKIP,	/* not run: counted as a pass */
	TAP_TODO,	/* known failure: a "not ok" that is not counted */
};

/* "ok N - what" or "not ok N - what"; returns pass. */
bool tap_ok(bool pass, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* The same, for a harness's own variadic wrapper. */
bool tap_vok(bool pass, const char *fmt, va_list ap);

/* A line with a directive: "... - what # SKIP why" or "# TODO why". */
void tap_result(bool pass, enum tap_directive dir, const char *why,
		const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* "Bail out! why": the run cannot go on (the caller exits). */
void tap_bail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Lines so far, and the failures among them (TODO lines not counted). */
unsigned int tap_count(void);
unsigned int tap_failures(void);

/* Prints the plan "1..N"; returns the exit status (1 if any failed). */
int tap_done(void);

#endif /* QATSEC_TEST_TAP_H */
