/* SPDX-License-Identifier: BSD-3-Clause
 * qatsec layer 1: parser of one Intel-QAT-format endpoint file
 * (<type>_dev<N>.conf), from text in memory, into struct
 * qatsec_endpoint_cfg. Files are untrusted: the parser only walks (pointer,
 * length) slices of the caller's text, so lines of any length, NUL bytes
 * and a missing final newline need no copy and no heap. This file walks
 * lines and sections; what each key means is qatsec_config_keys.c. Reading
 * files and directories is in qatsec_default_conf.c, diagnostics and the
 * slot budget in qatsec_sections.c. doc/config.md lists every rule and
 * every message.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "qatsec_config_private.h"

static bool
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
	char msg[QATSEC_MAX_DIAG_MSG];
	va_list ap;

	if (level == QATSEC_DIAG_ERROR)
		p->nb_errors++;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	qatsec_diag_add(p->diags, level, p->path, line,
		p->has_sec ? p->sec : NULL, with_key ? p->key : NULL, "%s",
		msg);
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

static struct qatsec_str
qatsec_next_line(const char *text, size_t len, size_t *pos)
{
	const char *s = text + *pos;
	const char *nl = memchr(s, '\n', len - *pos);
	struct qatsec_str l = { s, nl != NULL ? (size_t)(nl - s) : len - *pos };

	*pos += l.n + (nl != NULL);
	return l;
}

/* Classifies a line; for a broken one, returns what is wrong. */
static const char *
qatsec_split_line(struct qatsec_str ln, struct qatsec_line *l)
{
	const char *s = ln.p;
	size_t n = ln.n, i = 0, j, k;

	memset(l, 0, sizeof(*l));
	l->kind = QATSEC_LINE_BAD;
	if (memchr(s, '\0', n) != NULL)
		return "NUL byte in line";
	while (i < n && QATSEC_IS_WS(s[i]))
		i++;
	if (i == n || s[i] == '#') {
		l->kind = QATSEC_LINE_BLANK;
		return NULL;
	}
	if (s[i] == '[') {
		l->kind = QATSEC_LINE_BAD_HEADER;
		for (j = i + 1; j < n && s[j] != ']' && s[j] != '#'; j++)
			;
		if (j == n || s[j] != ']')
			return "unterminated section header";
		l->name = qatsec_trim(s + i + 1, j - i - 1);
		for (j++; j < n && QATSEC_IS_WS(s[j]); j++)
			;
		if (j < n && s[j] != '#')
			return "text after section header";
		l->kind = QATSEC_LINE_HEADER;
		return NULL;
	}
	for (j = i; j < n && s[j] != '=' && s[j] != '#'; j++)
		;
	if (j == n || s[j] != '=')
		return "neither a [section] header nor a key = value line";
	l->name = qatsec_trim(s + i, j - i);
	if (l->name.n == 0)
		return "missing key before '='";
	for (j++; j < n && QATSEC_IS_WS(s[j]); j++)
		;
	if (j == n || s[j] != '"') {
		for (k = j; k < n && s[k] != '#'; k++)
			;
		l->val = qatsec_trim(s + j, k - j);
	} else {
		for (k = j + 1; k < n && s[k] != '"'; k++)
			;
		if (k == n)
			return "unterminated quote";
		l->val.p = s + j + 1;
		l->val.n = k - j - 1;
		for (k++; k < n && QATSEC_IS_WS(s[k]); k++)
			;
		if (k < n && s[k] != '#')
			return "text after closing quote";
	}
	l->kind = QATSEC_LINE_KEY;
	return NULL;
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

/* Read a user section's instance counts before its keys, so that every
 * instance key can be judged on its own line, in file order, whatever the
 * order of the keys. Errors are left to the main pass.
 */
static void
qatsec_prescan(struct qatsec_parser *p)
{
	bool seen[2] = { false, false };
	size_t pos = p->pos;
	struct qatsec_line l;
	uint32_t v;
	int t, sp;

	for (t = 0; t < 2; t++) {
		p->pre_cnt[t] = 0;
		p->pre_bad[t] = false;
		p->pre_sp[t] = 1;
	}
	while (pos < p->len) {
		qatsec_split_line(qatsec_next_line(p->text, p->len, &pos), &l);
		if (l.kind == QATSEC_LINE_HEADER ||
				l.kind == QATSEC_LINE_BAD_HEADER)
			break;
		if (l.kind != QATSEC_LINE_KEY)
			continue;
		t = qatsec_count_key(l.name, &sp);
		if (t < 0 || seen[t])
			continue;
		seen[t] = true;
		p->pre_sp[t] = sp;
		if (qatsec_u32(l.val, &v) != 0 || v > QATSEC_MAX_INSTANCES)
			p->pre_bad[t] = true;
		else
			p->pre_cnt[t] = v;
	}
}

static void
qatsec_finish_section(struct qatsec_parser *p)
{
	struct qatsec_user_section *us = p->us;
	uint32_t n;
	int t;

	if (p->kind == QATSEC_SEC_USER) {
		for (t = 0; t < 2; t++) {
			if (p->pre_bad[t])
				continue;
			us->nb_inst[t] = p->pre_cnt[t];
			for (n = 0; n < us->nb_inst[t]; n++) {
				if (p->name_given[t][n])
					continue;
				snprintf(p->key, sizeof(p->key), "%s%uName",
					qatsec_type_prefix[t], n);
				qatsec_report(p, QATSEC_DIAG_ERROR, p->sec_line,
					true,
					"missing: required for each instance below %s=%u",
					qatsec_count_keys[t][p->pre_sp[t]],
					us->nb_inst[t]);
			}
		}
		if (!p->pre_bad[0] && !p->pre_bad[1] &&
				us->nb_inst[0] == 0 && us->nb_inst[1] == 0)
			qatsec_report(p, QATSEC_DIAG_WARNING, p->sec_line,
				false, "no Cy or Dc instance declared");
	}
	p->kind = QATSEC_SEC_NONE;
	p->has_sec = false;
	p->us = NULL;
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

static void
qatsec_header(struct qatsec_parser *p, const struct qatsec_line *l)
{
	enum qatsec_sec_kind kind = QATSEC_SEC_USER;
	struct qatsec_user_section *us;
	uint32_t i, n;

	qatsec_finish_section(p);
	p->kind = QATSEC_SEC_SKIP;
	p->sec_line = p->lineno;
	p->has_sec = l->name.n != 0;
	qatsec_show(p->sec, l->name);
	/* A new generation forgets the previous section's keys. */
	if (++p->gen == 0) {
		memset(p->keys, 0, sizeof(p->keys));
		p->gen = 1;
	}
	p->nb_keys = 0;
	memset(p->cnt_line, 0, sizeof(p->cnt_line));
	memset(p->name_given, 0, sizeof(p->name_given));
	if (l->kind == QATSEC_LINE_BAD_HEADER) {
		QATSEC_HDR_ERR(p, "%s", l->err);
		return;
	}
	if (l->name.n == 0) {
		QATSEC_HDR_ERR(p, "empty section name");
		return;
	}
	if (!qatsec_valid_name(l->name, "_-")) {
		QATSEC_HDR_ERR(p, "invalid section name: use A-Z a-z 0-9 _ -");
		return;
	}
	if (qatsec_str_eq(l->name, "GENERAL"))
		kind = QATSEC_SEC_GENERAL;
	else if (qatsec_str_eq(l->name, "KERNEL") ||
			qatsec_str_eq(l->name, "KERNEL_QAT"))
		kind = QATSEC_SEC_KERNEL;
	for (i = 0; i < p->nb_seen; i++)
		if (p->seen[i].name.n == l->name.n &&
				qatsec_mem_eq_ci(p->seen[i].name.p, l->name.p,
					l->name.n)) {
			QATSEC_HDR_ERR(p, "duplicate section, first at line %u",
				p->seen[i].line);
			return;
		}
	if (kind == QATSEC_SEC_USER) {
		if (l->name.n > QATSEC_INT_NAME_MAX) {
			QATSEC_HDR_ERR(p, "section name longer than %d characters",
				QATSEC_INT_NAME_MAX);
			return;
		}
		if (p->ep->nb_sections >= QATSEC_MAX_USER_SECTIONS) {
			QATSEC_HDR_ERR(p, "more than %d user sections",
				QATSEC_MAX_USER_SECTIONS);
			return;
		}
	}
	p->seen[p->nb_seen].name = l->name;
	p->seen[p->nb_seen].line = p->lineno;
	p->nb_seen++;
	p->kind = kind;
	if (kind != QATSEC_SEC_USER)
		return;
	us = &p->ep->sections[p->ep->nb_sections++];
	memcpy(us->name, l->name.p, l->name.n);
	us->name[l->name.n] = '\0';
	us->line = p->lineno;
	us->num_processes = 1;
	for (i = 0; i < 2; i++)
		for (n = 0; n < QATSEC_MAX_INSTANCES; n++)
			us->inst[i][n].poll_mode = QATSEC_POLL_POLLED;
	p->us = us;
	qatsec_prescan(p);
}

static void
qatsec_key(struct qatsec_parser *p, const struct qatsec_line *l)
{
	uint32_t first;

	qatsec_show(p->key, l->name);
	if (p->kind == QATSEC_SEC_NONE) {
		QATSEC_ERR(p, "key before any [section]");
		return;
	}
	if (p->kind == QATSEC_SEC_SKIP)
		return;
	if (!qatsec_valid_name(l->name, "_.-")) {
		QATSEC_ERR(p, "invalid key name: use A-Z a-z 0-9 _ . -");
		return;
	}
	first = qatsec_key_seen(p, l->name);
	if (first != 0) {
		QATSEC_ERR(p, "duplicate key, first at line %u", first);
		return;
	}
	if (p->kind == QATSEC_SEC_GENERAL)
		qatsec_general_key(p, l->name, l->val);
	else if (p->kind == QATSEC_SEC_KERNEL)
		qatsec_kernel_key(p, l->name, l->val);
	else
		qatsec_user_key(p, l->name, l->val);
}

static void
qatsec_ep_init(struct qatsec_endpoint_cfg *ep, const char *path,
		uint32_t fallback_index)
{
	memset(ep, 0, sizeof(*ep));
	snprintf(ep->path, sizeof(ep->path), "%s", path);
	if (!qatsec_config_name_index(path, ep->devtype, sizeof(ep->devtype),
			&ep->index))
		ep->index = fallback_index;
	ep->services = QATSEC_SVC_SYM | QATSEC_SVC_DC;
	ep->cy_sym_depth = 512;
	ep->cy_asym_depth = 64;
	ep->dc_depth = 512;
	ep->numa_node = -1;
}

int
qatsec_config_parse(const char *path, const char *text, size_t len,
		uint32_t fallback_index, struct qatsec_endpoint_cfg *ep,
		struct qatsec_diags *diags)
{
	struct qatsec_parser *p, parser;
	struct qatsec_line l;

	if (ep == NULL)
		return -EINVAL;
	if (path == NULL)
		path = "(config)";
	if (text == NULL)
		len = 0;
	qatsec_ep_init(ep, path, fallback_index);

	p = &parser;
	memset(p, 0, sizeof(*p));
	p->path = path;
	p->text = text;
	p->len = len;
	p->ep = ep;
	p->diags = diags;
	p->gen = 1;
	p->qat20 = qatsec_is_qat20(ep->devtype);
	while (p->pos < p->len) {
		l.err = qatsec_split_line(qatsec_next_line(text, len, &p->pos),
			&l);
		if (p->lineno < UINT32_MAX)
			p->lineno++;
		switch (l.kind) {
		case QATSEC_LINE_BLANK:
			break;
		case QATSEC_LINE_HEADER:
		case QATSEC_LINE_BAD_HEADER:
			qatsec_header(p, &l);
			break;
		case QATSEC_LINE_KEY:
			qatsec_key(p, &l);
			break;
		case QATSEC_LINE_BAD:
			qatsec_show(p->key, l.name);
			qatsec_report(p, QATSEC_DIAG_ERROR, p->lineno,
				l.name.n != 0, "%s", l.err);
			break;
		}
	}
	qatsec_finish_section(p);
	/* Slot checks against services that are themselves wrong only add
	 * noise.
	 */
	if (!p->services_bad)
		p->nb_errors += qatsec_config_check_slots(ep, diags);
	return p->nb_errors != 0 ? -EINVAL : 0;
}
