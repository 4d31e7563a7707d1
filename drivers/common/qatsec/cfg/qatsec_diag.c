/* SPDX-License-Identifier: BSD-3-Clause
 * qatsec layer 1: diagnostics. Every message of the parser and of the
 * expander is "file:line: [section] key: text", collected (all of them,
 * counted past the array's end) for the caller to print.
 */
#include <stdarg.h>
#include <stdio.h>

#include "qatsec_config.h"

static void
qatsec_cat(char *buf, size_t size, size_t *off, const char *fmt, va_list ap)
{
	int r;

	if (*off + 1 >= size)
		return;
	r = vsnprintf(buf + *off, size - *off, fmt, ap);
	if (r < 0)
		return;
	*off += (size_t)r < size - *off ? (size_t)r : size - *off - 1;
}

static void
qatsec_catf(char *buf, size_t size, size_t *off, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void
qatsec_catf(char *buf, size_t size, size_t *off, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	qatsec_cat(buf, size, off, fmt, ap);
	va_end(ap);
}

void
qatsec_diag_vadd(struct qatsec_diags *diags, enum qatsec_diag_level level,
		const char *file, uint32_t line, const char *section,
		const char *key, const char *fmt, va_list ap)
{
	struct qatsec_diag *d;
	size_t off = 0;

	if (diags == NULL)
		return;
	if (level == QATSEC_DIAG_ERROR) {
		if (diags->nb_errors < UINT32_MAX)
			diags->nb_errors++;
	} else if (diags->nb_warnings < UINT32_MAX) {
		diags->nb_warnings++;
	}
	if (diags->nb >= QATSEC_MAX_DIAGS)
		return;
	d = &diags->d[diags->nb++];
	d->level = level;
	d->line = line;
	d->msg[0] = '\0';
	qatsec_catf(d->msg, sizeof(d->msg), &off, "%s",
		file != NULL ? file : "");
	if (line != 0)
		qatsec_catf(d->msg, sizeof(d->msg), &off, ":%u", line);
	qatsec_catf(d->msg, sizeof(d->msg), &off, ": ");
	if (section != NULL)
		qatsec_catf(d->msg, sizeof(d->msg), &off, "[%s] ", section);
	if (key != NULL)
		qatsec_catf(d->msg, sizeof(d->msg), &off, "%s: ", key);
	qatsec_cat(d->msg, sizeof(d->msg), &off, fmt, ap);
}

void
qatsec_diag_add(struct qatsec_diags *diags, enum qatsec_diag_level level,
		const char *file, uint32_t line, const char *section,
		const char *key, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	qatsec_diag_vadd(diags, level, file, line, section, key, fmt, ap);
	va_end(ap);
}

const char *
qatsec_diag_level_str(enum qatsec_diag_level level)
{
	return level == QATSEC_DIAG_ERROR ? "error" : "warning";
}
