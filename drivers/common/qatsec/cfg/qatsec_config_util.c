/* SPDX-License-Identifier: BSD-3-Clause
 * qatsec layer 1: what the line walker (qatsec_config.c), the per-key rules
 * (qatsec_config_keys.c) and the file reader share: matching and slicing
 * of the untrusted text, numbers, the decoding of key and file names, the
 * parser's diagnostics, and the names every layer-1 message uses.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "qatsec_config_private.h"

const char *const qatsec_service_names[QATSEC_NB_SERVICES] = {
	"cy", "sym", "asym", "dc",
};

const char *const qatsec_count_keys[2][2] = {
	{ "NumberCyInstances", "NumCyInstances" },
	{ "NumberDcInstances", "NumDcInstances" },
};

bool
qatsec_mem_eq_ci(const char *a, const char *b, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (QATSEC_LOWER(a[i]) != QATSEC_LOWER(b[i]))
			return false;
	return true;
}

/* Case-insensitive match of all of s, or of its start when "prefix". */
bool
qatsec_match(struct qatsec_str s, const char *lit, bool prefix)
{
	size_t n = strlen(lit);

	return (prefix ? s.n >= n : s.n == n) && qatsec_mem_eq_ci(s.p, lit, n);
}

struct qatsec_str
qatsec_trim(const char *p, size_t n)
{
	struct qatsec_str s = { p, n };

	while (s.n > 0 && QATSEC_IS_WS(s.p[0])) {
		s.p++;
		s.n--;
	}
	while (s.n > 0 && QATSEC_IS_WS(s.p[s.n - 1]))
		s.n--;
	return s;
}

/* Untrusted text goes into messages printable and bounded. */
const char *
qatsec_show(char *buf, struct qatsec_str s)
{
	size_t i, n = s.n > QATSEC_SHOW_MAX ? QATSEC_SHOW_MAX : s.n;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s.p[i];

		buf[i] = (c < 0x20 || c >= 0x7f) ? '?' : (char)c;
	}
	if (s.n > n) {
		memcpy(buf + n, "...", 3);
		n += 3;
	}
	buf[n] = '\0';
	return buf;
}

/* 0, -EINVAL (empty, not only digits) or -ERANGE. */
int
qatsec_u32(struct qatsec_str s, uint32_t *out)
{
	uint64_t v = 0;
	size_t i;

	if (s.n == 0)
		return -EINVAL;
	for (i = 0; i < s.n; i++)
		if (!QATSEC_IS_DIGIT(s.p[i]))
			return -EINVAL;
	for (i = 0; i < s.n; i++) {
		v = v * 10 + (uint64_t)(s.p[i] - '0');
		if (v > UINT32_MAX)
			return -ERANGE;
	}
	*out = (uint32_t)v;
	return 0;
}

/* Diagnostic about the current section (and key), at "line". */
void
qatsec_report(struct qatsec_parser *p, enum qatsec_diag_level level,
		uint32_t line, bool with_key, const char *fmt, ...)
{
	va_list ap;

	if (level == QATSEC_DIAG_ERROR)
		p->nb_errors++;
	va_start(ap, fmt);
	qatsec_diag_vadd(p->diags, level, p->path, line,
		p->has_sec ? p->sec : NULL, with_key ? p->key : NULL, fmt, ap);
	va_end(ap);
}

/* QAT 2.0 parts: no "cy" service, at most two services. */
bool
qatsec_is_qat20(const char *devtype)
{
	static const char *const gen4[] = { "4xxx", "4xxxvf", "401xx",
		"402xx" };
	struct qatsec_str d = { devtype, strlen(devtype) };
	size_t i;

	for (i = 0; i < sizeof(gen4) / sizeof(gen4[0]); i++)
		if (qatsec_str_eq(d, gen4[i]))
			return true;
	return false;
}

/* -1, or the instance type of a NumberCyInstances-like key. */
int
qatsec_count_key(struct qatsec_str k, int *spelling)
{
	int t, sp;

	for (t = 0; t < 2; t++)
		for (sp = 0; sp < 2; sp++)
			if (qatsec_str_eq(k, qatsec_count_keys[t][sp])) {
				*spelling = sp;
				return t;
			}
	return -1;
}

/* Cy<N><suffix> / Dc<N><suffix>. "canon" is false for leading zeros,
 * which Intel's exact-string lookups would never match.
 */
bool
qatsec_inst_key(struct qatsec_str k, int *type, uint32_t *n, bool *canon,
		struct qatsec_str *suffix)
{
	uint64_t v = 0;
	size_t i;

	if (qatsec_str_prefix(k, "Cy"))
		*type = QATSEC_INST_CY;
	else if (qatsec_str_prefix(k, "Dc"))
		*type = QATSEC_INST_DC;
	else
		return false;
	for (i = 2; i < k.n && QATSEC_IS_DIGIT(k.p[i]); i++)
		if (v <= UINT32_MAX)
			v = v * 10 + (uint64_t)(k.p[i] - '0');
	if (i == 2)
		return false;
	*n = v > UINT32_MAX ? UINT32_MAX : (uint32_t)v;
	*canon = !(k.p[2] == '0' && i > 3);
	suffix->p = k.p + i;
	suffix->n = k.n - i;
	return true;
}

static uint32_t
qatsec_hash(struct qatsec_str s)
{
	uint32_t h = 2166136261u;
	size_t i;

	for (i = 0; i < s.n; i++)
		h = (h ^ (uint8_t)QATSEC_LOWER(s.p[i])) * 16777619u;
	return h;
}

/* Line of an earlier identical key in this section, or 0 (remembered). */
uint32_t
qatsec_key_seen(struct qatsec_parser *p, struct qatsec_str k)
{
	uint32_t h = qatsec_hash(k), i;

	for (i = 0; i < QATSEC_KEYTAB_SIZE; i++) {
		struct qatsec_key_slot *s =
			&p->keys[(h + i) & (QATSEC_KEYTAB_SIZE - 1)];

		if (s->gen != p->gen) {
			if (p->nb_keys >= QATSEC_KEYTAB_MAX)
				return 0;
			s->p = k.p;
			s->n = k.n;
			s->line = p->lineno;
			s->gen = p->gen;
			p->nb_keys++;
			return 0;
		}
		if (s->n == k.n && qatsec_mem_eq_ci(s->p, k.p, k.n))
			return s->line;
	}
	return 0;
}

bool
qatsec_get_u32(struct qatsec_parser *p, struct qatsec_str v, uint32_t *out)
{
	char show[QATSEC_SHOW_SIZE];
	int rc = qatsec_u32(v, out);

	if (rc == -EINVAL)
		QATSEC_ERR(p, "not a decimal number: \"%s\"", qatsec_show(show, v));
	else if (rc != 0)
		QATSEC_ERR(p, "number too large");
	return rc == 0;
}

bool
qatsec_valid_name(struct qatsec_str s, const char *extra)
{
	size_t i;

	for (i = 0; i < s.n; i++)
		if (!QATSEC_IS_DIGIT(s.p[i]) &&
				!(QATSEC_LOWER(s.p[i]) >= 'a' &&
				QATSEC_LOWER(s.p[i]) <= 'z') &&
				strchr(extra, s.p[i]) == NULL)
			return false;
	return true;
}

/* Intel names endpoint files /etc/<devtype>_dev<N>.conf. */
bool
qatsec_config_name_index(const char *path, char *devtype, size_t size,
		uint32_t *index)
{
	const char *base = strrchr(path, '/');
	uint64_t v = 0;
	size_t n, i, k;

	base = base != NULL ? base + 1 : path;
	n = strlen(base);
	if (n < 5 || strcmp(base + n - 5, ".conf") != 0)
		return false;
	n -= 5;
	for (i = n; i > 0 && base[i - 1] >= '0' && base[i - 1] <= '9'; i--)
		;
	if (i == n || i < 5 || memcmp(base + i - 4, "_dev", 4) != 0 ||
			i - 4 >= size)
		return false;
	for (k = i; k < n; k++) {
		v = v * 10 + (uint64_t)(base[k] - '0');
		if (v > UINT32_MAX)
			return false;
	}
	*index = (uint32_t)v;
	memcpy(devtype, base, i - 4);
	devtype[i - 4] = '\0';
	return true;
}
