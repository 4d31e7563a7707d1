/* SPDX-License-Identifier: BSD-3-Clause
 * qatsec layer 1: parser of one Intel-QAT-format endpoint file
 * (<type>_dev<N>.conf), from text in memory, into struct
 * qatsec_endpoint_cfg. Files are untrusted: the parser only walks (pointer,
 * length) slices of the caller's text, so lines of any length, NUL bytes
 * and a missing final newline need no copy and no heap. Reading files and
 * directories is in qatsec_default_conf.c, diagnostics and the slot budget
 * in qatsec_sections.c. doc/config.md lists every rule and every message.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "qatsec_config.h"

/* How much of an untrusted token a message quotes (then "..."). */
#define QATSEC_SHOW_MAX		64
#define QATSEC_SHOW_SIZE	(QATSEC_SHOW_MAX + 4)
/* Keys remembered per section to spot duplicates. A valid user section has
 * at most 4 + 2 * 32 * 3 keys, so only sections already full of errors go
 * past the cap, and then later duplicates are simply not reported.
 */
#define QATSEC_KEYTAB_SIZE	1024
#define QATSEC_KEYTAB_MAX	768
/* GENERAL, KERNEL, KERNEL_QAT and the user sections. */
#define QATSEC_MAX_SEEN		(QATSEC_MAX_USER_SECTIONS + 3)

struct qatsec_str {
	const char *p;
	size_t n;
};

enum qatsec_line_kind {
	QATSEC_LINE_BLANK,
	QATSEC_LINE_HEADER,
	QATSEC_LINE_BAD_HEADER,	/* starts with '[' but is broken */
	QATSEC_LINE_KEY,
	QATSEC_LINE_BAD,
};

struct qatsec_line {
	enum qatsec_line_kind kind;
	struct qatsec_str name;		/* section or key */
	struct qatsec_str val;
	const char *err;
};

enum qatsec_sec_kind {
	QATSEC_SEC_NONE,		/* before the first header */
	QATSEC_SEC_SKIP,		/* broken header: keys ignored */
	QATSEC_SEC_GENERAL,
	QATSEC_SEC_KERNEL,
	QATSEC_SEC_USER,
};

struct qatsec_key_slot {
	const char *p;
	size_t n;
	uint32_t line;
	uint32_t gen;
};

struct qatsec_seen {
	struct qatsec_str name;
	uint32_t line;
};

struct qatsec_parser {
	const char *path;
	const char *text;
	size_t len;
	size_t pos;
	uint32_t lineno;
	struct qatsec_endpoint_cfg *ep;
	struct qatsec_diags *diags;
	uint32_t nb_errors;
	bool qat20;
	bool services_bad;
	/* current section */
	enum qatsec_sec_kind kind;
	bool has_sec;
	char sec[QATSEC_SHOW_SIZE];
	char key[QATSEC_SHOW_SIZE];
	uint32_t sec_line;
	struct qatsec_user_section *us;
	/* instance counts of the user section, read ahead (see prescan) */
	uint32_t pre_cnt[2];
	bool pre_bad[2];
	int pre_sp[2];
	/* count keys met so far in this section */
	uint32_t cnt_line[2];
	int cnt_sp[2];
	bool name_given[2][QATSEC_MAX_INSTANCES];
	struct qatsec_seen seen[QATSEC_MAX_SEEN];
	uint32_t nb_seen;
	uint32_t gen;
	uint32_t nb_keys;
	struct qatsec_key_slot keys[QATSEC_KEYTAB_SIZE];
};

static const char *const qatsec_count_keys[2][2] = {
	{ "NumberCyInstances", "NumCyInstances" },
	{ "NumberDcInstances", "NumDcInstances" },
};

static const char *const qatsec_type_prefix[2] = { "Cy", "Dc" };

/* Locale-independent on purpose: config files are ASCII. */
#define QATSEC_IS_WS(c)	((c) == ' ' || (c) == '\t' || (c) == '\r' || \
			(c) == '\v' || (c) == '\f')
#define QATSEC_IS_DIGIT(c) ((c) >= '0' && (c) <= '9')
#define QATSEC_LOWER(c)	((c) >= 'A' && (c) <= 'Z' ? (c) - 'A' + 'a' : (c))

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
static bool
qatsec_match(struct qatsec_str s, const char *lit, bool prefix)
{
	size_t n = strlen(lit);

	return (prefix ? s.n >= n : s.n == n) && qatsec_mem_eq_ci(s.p, lit, n);
}

#define qatsec_str_eq(s, lit) qatsec_match(s, lit, false)
#define qatsec_str_prefix(s, lit) qatsec_match(s, lit, true)

static struct qatsec_str
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
static const char *
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
static int
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

static void
qatsec_report(struct qatsec_parser *p, enum qatsec_diag_level level,
		uint32_t line, bool with_key, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

/* Diagnostic about the current section (and key), at "line". */
static void
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

#define QATSEC_ERR(p, ...) \
	qatsec_report(p, QATSEC_DIAG_ERROR, (p)->lineno, true, __VA_ARGS__)
#define QATSEC_WARN(p, ...) \
	qatsec_report(p, QATSEC_DIAG_WARNING, (p)->lineno, true, __VA_ARGS__)
/* about the section header itself */
#define QATSEC_HDR_ERR(p, ...) \
	qatsec_report(p, QATSEC_DIAG_ERROR, (p)->lineno, false, __VA_ARGS__)

/* QAT 2.0 parts: no "cy" service, at most two services. */
static bool
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
static int
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
static bool
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
static uint32_t
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

static bool
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
qatsec_services(struct qatsec_parser *p, struct qatsec_str v)
{
	static const struct {
		const char *name;
		uint32_t bit;
	} svc[] = {
		{ "cy", QATSEC_SVC_CY }, { "sym", QATSEC_SVC_SYM },
		{ "asym", QATSEC_SVC_ASYM }, { "dc", QATSEC_SVC_DC },
	};
	char show[QATSEC_SHOW_SIZE];
	uint32_t bits = 0, nb = 0, errs = p->nb_errors;
	size_t i = 0, j, s;

	while (i <= v.n) {
		struct qatsec_str tok;

		for (j = i; j < v.n && v.p[j] != ';'; j++)
			;
		tok = qatsec_trim(v.p + i, j - i);
		i = j + 1;
		if (tok.n == 0)
			continue;
		for (s = 0; s < sizeof(svc) / sizeof(svc[0]); s++)
			if (qatsec_str_eq(tok, svc[s].name))
				break;
		if (s == sizeof(svc) / sizeof(svc[0]))
			QATSEC_ERR(p, "unknown service \"%s\": use cy, sym, asym or dc",
				qatsec_show(show, tok));
		else if (bits & svc[s].bit)
			QATSEC_ERR(p, "service %s listed twice", svc[s].name);
		else {
			bits |= svc[s].bit;
			nb++;
		}
	}
	if (p->nb_errors == errs) {
		if (nb == 0)
			QATSEC_ERR(p, "no service enabled");
		else if (p->qat20 && (bits & QATSEC_SVC_CY))
			QATSEC_ERR(p, "%s (QAT 2.0) has no cy service: use sym and/or asym",
				p->ep->devtype);
		else if (p->qat20 && nb > 2)
			QATSEC_ERR(p, "%s (QAT 2.0) allows at most two services",
				p->ep->devtype);
	}
	if (p->nb_errors != errs)
		p->services_bad = true;
	else
		p->ep->services = bits;
}

static void
qatsec_general_key(struct qatsec_parser *p, struct qatsec_str k,
		struct qatsec_str v)
{
	struct qatsec_endpoint_cfg *ep = p->ep;
	uint32_t *depth = NULL, x;

	if (qatsec_str_eq(k, "ServicesEnabled")) {
		qatsec_services(p, v);
		return;
	}
	if (qatsec_str_eq(k, "ConfigVersion")) {
		if (qatsec_get_u32(p, v, &x))
			ep->config_version = x;
		return;
	}
	if (qatsec_str_eq(k, "NumaNode")) {
		if (!qatsec_get_u32(p, v, &x))
			return;
		if (x > INT32_MAX)
			QATSEC_ERR(p, "number too large");
		else
			ep->numa_node = (int32_t)x;
		return;
	}
	if (qatsec_str_eq(k, "CyNumConcurrentSymRequests"))
		depth = &ep->cy_sym_depth;
	else if (qatsec_str_eq(k, "CyNumConcurrentAsymRequests"))
		depth = &ep->cy_asym_depth;
	else if (qatsec_str_eq(k, "DcNumConcurrentRequests"))
		depth = &ep->dc_depth;
	/* Intel has many more GENERAL keys; none matters here. */
	if (depth == NULL || !qatsec_get_u32(p, v, &x))
		return;
	if (x < QATSEC_RING_DEPTH_MIN || x > QATSEC_RING_DEPTH_MAX ||
			(x & (x - 1)) != 0)
		QATSEC_ERR(p, "must be a power of two in %d..%d",
			QATSEC_RING_DEPTH_MIN, QATSEC_RING_DEPTH_MAX);
	else
		*depth = x;
}

/* NumberCyInstances and friends, in KERNEL and user sections. */
static bool
qatsec_count(struct qatsec_parser *p, int t, int sp, struct qatsec_str v,
		uint32_t *out)
{
	if (p->cnt_line[t] != 0) {
		QATSEC_ERR(p, "also given as %s at line %u",
			qatsec_count_keys[t][p->cnt_sp[t]], p->cnt_line[t]);
		return false;
	}
	p->cnt_line[t] = p->lineno;
	p->cnt_sp[t] = sp;
	if (!qatsec_get_u32(p, v, out))
		return false;
	if (*out > QATSEC_MAX_INSTANCES) {
		QATSEC_ERR(p, "must be in 0..%d", QATSEC_MAX_INSTANCES);
		return false;
	}
	return true;
}

static void
qatsec_kernel_key(struct qatsec_parser *p, struct qatsec_str k,
		struct qatsec_str v)
{
	uint32_t x;
	int t, sp;

	/* [KERNEL] and [KERNEL_QAT] each take slots, hence the sum. */
	t = qatsec_count_key(k, &sp);
	if (t >= 0 && qatsec_count(p, t, sp, v, &x))
		p->ep->kernel_inst[t] += x;
}

static void
qatsec_inst_name(struct qatsec_parser *p, int t, uint32_t n,
		struct qatsec_str v)
{
	struct qatsec_inst_cfg *inst = p->us->inst[t];
	char show[QATSEC_SHOW_SIZE];
	uint32_t i;

	p->name_given[t][n] = true;
	if (v.n < 1 || v.n > QATSEC_INST_NAME_MAX) {
		QATSEC_ERR(p, "name must be 1..%d characters",
			QATSEC_INST_NAME_MAX);
		return;
	}
	for (i = 0; i < v.n; i++)
		if ((unsigned char)v.p[i] < 0x20 || v.p[i] == 0x7f) {
			QATSEC_ERR(p, "name contains a control character");
			return;
		}
	/* Names are labels the application looks instances up by: exact. */
	for (i = 0; i < QATSEC_MAX_INSTANCES; i++)
		if (inst[i].line != 0 && strlen(inst[i].name) == v.n &&
				memcmp(inst[i].name, v.p, v.n) == 0) {
			QATSEC_ERR(p, "duplicate name \"%s\", first at line %u",
				qatsec_show(show, v), inst[i].line);
			return;
		}
	memcpy(inst[n].name, v.p, v.n);
	inst[n].name[v.n] = '\0';
	inst[n].line = p->lineno;
}

static void
qatsec_inst_polled(struct qatsec_parser *p, struct qatsec_inst_cfg *inst,
		struct qatsec_str v)
{
	uint32_t x;

	if (!qatsec_get_u32(p, v, &x))
		return;
	if (x == QATSEC_POLL_INTERRUPT)
		QATSEC_ERR(p, "interrupt mode is for kernel instances only");
	else if (x != QATSEC_POLL_POLLED && x != QATSEC_POLL_EPOLL)
		QATSEC_ERR(p, "must be 1 (polled) or 2 (epoll)");
	else
		inst->poll_mode = (uint8_t)x;
}

static void
qatsec_inst_cores(struct qatsec_parser *p, struct qatsec_inst_cfg *inst,
		struct qatsec_str v)
{
	struct qatsec_core_range r[QATSEC_MAX_CORE_RANGES];
	char show[QATSEC_SHOW_SIZE];
	uint32_t nb = 0, lo, hi;
	size_t i = 0, j;

	while (i <= v.n) {
		struct qatsec_str item, a, b;
		const char *dash;
		int rca, rcb;

		for (j = i; j < v.n && v.p[j] != ','; j++)
			;
		item = qatsec_trim(v.p + i, j - i);
		i = j + 1;
		dash = memchr(item.p, '-', item.n);
		a = b = item;
		if (dash != NULL) {
			a = qatsec_trim(item.p, (size_t)(dash - item.p));
			b = qatsec_trim(dash + 1,
				(size_t)(item.p + item.n - dash - 1));
		}
		rca = qatsec_u32(a, &lo);
		rcb = qatsec_u32(b, &hi);
		if (rca == -EINVAL || rcb == -EINVAL) {
			QATSEC_ERR(p, "malformed core list \"%s\": expected e.g. 0-3,8",
				qatsec_show(show, v));
			return;
		}
		if (rca != 0 || lo > QATSEC_MAX_CORE || rcb != 0 ||
				hi > QATSEC_MAX_CORE) {
			QATSEC_ERR(p, "core %s is above %d", qatsec_show(show,
				rca != 0 || lo > QATSEC_MAX_CORE ? a : b),
				QATSEC_MAX_CORE);
			return;
		}
		if (lo > hi) {
			QATSEC_ERR(p, "core range %u-%u is reversed", lo, hi);
			return;
		}
		if (nb == QATSEC_MAX_CORE_RANGES) {
			QATSEC_ERR(p, "more than %d core ranges",
				QATSEC_MAX_CORE_RANGES);
			return;
		}
		r[nb].lo = (uint16_t)lo;
		r[nb].hi = (uint16_t)hi;
		nb++;
	}
	memcpy(inst->ranges, r, nb * sizeof(r[0]));
	inst->nb_ranges = (uint8_t)nb;
}

static void
qatsec_user_key(struct qatsec_parser *p, struct qatsec_str k,
		struct qatsec_str v)
{
	struct qatsec_user_section *us = p->us;
	struct qatsec_str suffix;
	uint32_t x, n;
	bool canon;
	int t, sp;

	if (qatsec_str_eq(k, "NumProcesses")) {
		if (!qatsec_get_u32(p, v, &x))
			return;
		if (x == 0)
			QATSEC_ERR(p, "must be at least 1");
		else if (x > QATSEC_MAX_PROCESSES)
			QATSEC_ERR(p, "must be at most %d",
				QATSEC_MAX_PROCESSES);
		else
			us->num_processes = x;
		return;
	}
	if (qatsec_str_eq(k, "LimitDevAccess")) {
		if (!qatsec_get_u32(p, v, &x))
			return;
		if (x > 1)
			QATSEC_ERR(p, "must be 0 or 1");
		else
			us->limit_dev_access = x == 1;
		return;
	}
	t = qatsec_count_key(k, &sp);
	if (t >= 0) {
		/* The value itself is stored from the prescan at the end. */
		qatsec_count(p, t, sp, v, &x);
		return;
	}
	if (qatsec_inst_key(k, &t, &n, &canon, &suffix)) {
		int which = -1;

		if (qatsec_str_prefix(suffix, "Bank") ||
				qatsec_str_prefix(suffix, "Ring")) {
			QATSEC_WARN(p, "generated by the driver, ignored");
			return;
		}
		if (qatsec_str_eq(suffix, "Name"))
			which = 0;
		else if (qatsec_str_eq(suffix, "IsPolled"))
			which = 1;
		else if (qatsec_str_eq(suffix, "CoreAffinity"))
			which = 2;
		if (which >= 0 && canon) {
			if (p->pre_bad[t])
				return;	/* the count is already an error */
			if (n >= p->pre_cnt[t]) {
				QATSEC_WARN(p, "ignored: beyond %s=%u",
					qatsec_count_keys[t][p->pre_sp[t]],
					p->pre_cnt[t]);
				return;
			}
			if (which == 0)
				qatsec_inst_name(p, t, n, v);
			else if (which == 1)
				qatsec_inst_polled(p, &us->inst[t][n], v);
			else
				qatsec_inst_cores(p, &us->inst[t][n], v);
			return;
		}
	}
	QATSEC_ERR(p, "unknown key");
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

static bool
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
