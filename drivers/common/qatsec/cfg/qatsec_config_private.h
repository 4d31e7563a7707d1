/* SPDX-License-Identifier: BSD-3-Clause
 * qatsec layer 1, private to the parser: its state, its views of the
 * caller's text, and the helpers shared by the line/section walker
 * (qatsec_config.c) and the per-key rules (qatsec_config_keys.c).
 */
#ifndef QATSEC_CONFIG_PRIVATE_H
#define QATSEC_CONFIG_PRIVATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

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
	uint32_t prescan_count[2];
	bool prescan_bad[2];
	int prescan_spelling[2];
	/* count keys met so far in this section */
	uint32_t count_line[2];
	int count_spelling[2];
	bool name_given[2][QATSEC_MAX_INSTANCES];
	struct qatsec_seen seen[QATSEC_MAX_SEEN];
	uint32_t nb_seen;
	uint32_t gen;
	uint32_t nb_keys;
	struct qatsec_key_slot keys[QATSEC_KEYTAB_SIZE];
};

static const char *const qatsec_type_prefix[2] __attribute__((unused)) = { "Cy", "Dc" };

/* Locale-independent on purpose: config files are ASCII. */
#define QATSEC_IS_WS(c)	((c) == ' ' || (c) == '\t' || (c) == '\r' || \
			(c) == '\v' || (c) == '\f')
#define QATSEC_IS_DIGIT(c) ((c) >= '0' && (c) <= '9')
#define QATSEC_LOWER(c)	((c) >= 'A' && (c) <= 'Z' ? (c) - 'A' + 'a' : (c))

#define qatsec_str_eq(s, lit) qatsec_match(s, lit, false)
#define qatsec_str_prefix(s, lit) qatsec_match(s, lit, true)

#define QATSEC_ERR(p, ...) \
	qatsec_report(p, QATSEC_DIAG_ERROR, (p)->lineno, true, __VA_ARGS__)
#define QATSEC_WARN(p, ...) \
	qatsec_report(p, QATSEC_DIAG_WARNING, (p)->lineno, true, __VA_ARGS__)
/* about the section header itself */
#define QATSEC_HDR_ERR(p, ...) \
	qatsec_report(p, QATSEC_DIAG_ERROR, (p)->lineno, false, __VA_ARGS__)

bool qatsec_mem_eq_ci(const char *a, const char *b, size_t n);
bool qatsec_match(struct qatsec_str s, const char *lit, bool prefix);
struct qatsec_str qatsec_trim(const char *p, size_t n);
const char *qatsec_show(char *buf, struct qatsec_str s);
int qatsec_u32(struct qatsec_str s, uint32_t *out);
void qatsec_report(struct qatsec_parser *p, enum qatsec_diag_level level,
		uint32_t line, bool with_key, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
bool qatsec_get_u32(struct qatsec_parser *p, struct qatsec_str v,
		uint32_t *out);
int qatsec_count_key(struct qatsec_str k, int *spelling);
bool qatsec_inst_key(struct qatsec_str k, int *type, uint32_t *n, bool *canon,
		struct qatsec_str *suffix);
bool qatsec_is_qat20(const char *devtype);
bool qatsec_valid_name(struct qatsec_str s, const char *extra);
uint32_t qatsec_key_seen(struct qatsec_parser *p, struct qatsec_str k);

/* The rules of each kind of section (qatsec_config_keys.c). */
void qatsec_general_key(struct qatsec_parser *p, struct qatsec_str k,
		struct qatsec_str v);
void qatsec_kernel_key(struct qatsec_parser *p, struct qatsec_str k,
		struct qatsec_str v);
void qatsec_user_key(struct qatsec_parser *p, struct qatsec_str k,
		struct qatsec_str v);

#endif /* QATSEC_CONFIG_PRIVATE_H */
