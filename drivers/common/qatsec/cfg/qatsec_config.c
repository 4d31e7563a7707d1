/* SPDX-License-Identifier: BSD-3-Clause
 * qatsec layer 1: parser of one Intel-QAT-format endpoint file
 * (<type>_dev<N>.conf), from text in memory, into struct
 * qatsec_endpoint_cfg. Files are untrusted: the parser only walks (pointer,
 * length) slices of the caller's text, so lines of any length, NUL bytes
 * and a missing final newline need no copy and no heap. This file walks
 * lines and sections; what each key means (and the slot budget) is
 * qatsec_config_keys.c, the helpers both use qatsec_config_util.c. Reading
 * files and directories is qatsec_config_files.c. doc/guides/user/config.rst lists
 * every rule and every message.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "qatsec_config_private.h"



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
		p->prescan_count[t] = 0;
		p->prescan_bad[t] = false;
		p->prescan_spelling[t] = 1;
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
		p->prescan_spelling[t] = sp;
		if (qatsec_u32(l.val, &v) != 0 || v > QATSEC_MAX_INSTANCES)
			p->prescan_bad[t] = true;
		else
			p->prescan_count[t] = v;
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
			if (p->prescan_bad[t])
				continue;
			us->nb_inst[t] = p->prescan_count[t];
			for (n = 0; n < us->nb_inst[t]; n++) {
				if (p->name_given[t][n])
					continue;
				snprintf(p->key, sizeof(p->key), "%s%uName",
					qatsec_type_prefix[t], n);
				qatsec_report(p, QATSEC_DIAG_ERROR, p->sec_line,
					true,
					"missing: required for each instance below %s=%u",
					qatsec_count_keys[t][p->prescan_spelling[t]],
					us->nb_inst[t]);
			}
		}
		if (!p->prescan_bad[0] && !p->prescan_bad[1] &&
				us->nb_inst[0] == 0 && us->nb_inst[1] == 0)
			qatsec_report(p, QATSEC_DIAG_WARNING, p->sec_line,
				false, "no Cy or Dc instance declared");
	}
	p->kind = QATSEC_SEC_NONE;
	p->has_sec = false;
	p->us = NULL;
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
	memset(p->count_line, 0, sizeof(p->count_line));
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
