/* SPDX-License-Identifier: BSD-3-Clause
 * The reader of known-answer vector files for qatsec_kat (see kat_kv.h).
 *
 * The files are treated as untrusted input: every line may be malformed,
 * over-long or truncated, so the reader never trusts a length it did not
 * compute itself and drops (and counts) records it cannot make sense of.
 *
 * File model shared by all the formats used here:
 *  - "# ..." lines are comments;
 *  - "[...]" lines are section headers: "[Keylen = 128]", "[Alen = 0, Plen =
 *    0, Nlen = 7, Tlen = 4]" set sticky parameters, "[ENCRYPT]" sets the
 *    sticky direction;
 *  - "Name = value" lines set a field (names compared case-insensitively,
 *    values are hex or, in the ChaCha files, "quoted ASCII");
 *  - a bare word line ("FAIL") sets an empty field of that name;
 *  - blank lines separate blocks. A block holding a record key ("Count" or
 *    "Len") is a test record; any other block (e.g. a CCM "Key = ..." shared
 *    by the records after it) is merged into the sticky parameters, which
 *    records fall back to for fields they lack.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE	/* getline, strtok_r, strcasecmp */
#endif
#include <ctype.h>
#include <errno.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "kat_kv.h"

/* A line longer than this is dropped (the largest real one is ~26 KB). */
#define KV_MAX_LINE (1u << 20)


static void
kv_set_clear(struct kv_set *s)
{
	for (unsigned int i = 0; i < s->n; i++) {
		free(s->f[i].key);
		free(s->f[i].val);
	}
	s->n = 0;
}

void
kv_set_free(struct kv_set *s)
{
	kv_set_clear(s);
	free(s->f);
	s->f = NULL;
	s->cap = 0;
}

static struct kv_field *
kv_set_find(const struct kv_set *s, const char *key)
{
	for (unsigned int i = 0; i < s->n; i++)
		if (strcasecmp(s->f[i].key, key) == 0)
			return &s->f[i];
	return NULL;
}

/* Insert or replace; returns -1 only on allocation failure. */
static int
kv_set_put(struct kv_set *s, const char *key, const char *val, bool quoted)
{
	struct kv_field *f = kv_set_find(s, key);
	char *v = strdup(val);

	if (v == NULL)
		return -1;
	if (f != NULL) {
		free(f->val);
		f->val = v;
		f->quoted = quoted;
		return 0;
	}
	if (s->n == s->cap) {
		unsigned int nc = s->cap ? s->cap * 2 : 16;
		struct kv_field *nf = realloc(s->f, nc * sizeof(*nf));

		if (nf == NULL) {
			free(v);
			return -1;
		}
		s->f = nf;
		s->cap = nc;
	}
	f = &s->f[s->n];
	f->key = strdup(key);
	if (f->key == NULL) {
		free(v);
		return -1;
	}
	f->val = v;
	f->quoted = quoted;
	s->n++;
	return 0;
}

static char *
trim(char *s)
{
	char *e;

	while (*s != '\0' && isspace((unsigned char)*s))
		s++;
	e = s + strlen(s);
	while (e > s && isspace((unsigned char)e[-1]))
		*--e = '\0';
	return s;
}

static bool
is_rec_key(const char *key)
{
	return strcasecmp(key, "Count") == 0 || strcasecmp(key, "Len") == 0;
}

static bool
set_has_rec_key(const struct kv_set *s)
{
	for (unsigned int i = 0; i < s->n; i++)
		if (is_rec_key(s->f[i].key))
			return true;
	return false;
}

/*
 * Split "key = value" (or a bare word) into key/value. Returns false for a
 * line that cannot be a field (empty key, absurd key length).
 */
static bool
split_field(char *line, char **key, char **val, bool *quoted)
{
	char *eq = strchr(line, '=');
	size_t vl;

	*quoted = false;
	if (eq == NULL) {
		*key = trim(line);
		*val = eq = line + strlen(line);	/* empty string */
	} else {
		*eq = '\0';
		*key = trim(line);
		*val = trim(eq + 1);
	}
	if (**key == '\0' || strlen(*key) > 63)
		return false;
	for (const char *k = *key; *k != '\0'; k++)
		if (!isalnum((unsigned char)*k) && *k != '_' && *k != '-')
			return false;
	vl = strlen(*val);
	if (vl >= 2 && (*val)[0] == '"' && (*val)[vl - 1] == '"') {
		(*val)[vl - 1] = '\0';
		(*val)++;
		*quoted = true;
	}
	return true;
}

/* "[a = 1, b = 2]" or "[ENCRYPT]" into the sticky set. */
static void
parse_section(struct kv_reader *r, char *line)
{
	char *end = strchr(line, ']');
	char *save = NULL, *tok;

	if (end == NULL) {
		r->malformed++;
		return;
	}
	*end = '\0';
	for (tok = strtok_r(line + 1, ",", &save); tok != NULL;
			tok = strtok_r(NULL, ",", &save)) {
		char *key, *val;
		bool q;

		if (!split_field(tok, &key, &val, &q)) {
			r->malformed++;
			continue;
		}
		/*
		 * The direction is recorded but unused: every cipher record is
		 * run both ways.
		 */
		if (*val == '\0' && (strcasecmp(key, "ENCRYPT") == 0 ||
				strcasecmp(key, "DECRYPT") == 0))
			kv_set_put(&r->sticky, "__dir", key, false);
		else
			kv_set_put(&r->sticky, key, val, q);
	}
}

/* Next raw line (pushed-back one first); NULL at EOF. */
static char *
next_line(struct kv_reader *r, unsigned int *lineno)
{
	ssize_t n;

	if (r->pending != NULL) {
		char *p = r->pending;

		r->pending = NULL;
		*lineno = r->pending_lineno;
		return p;
	}
	for (;;) {
		n = getline(&r->line, &r->line_cap, r->fp);
		if (n < 0) {
			r->eof = true;
			return NULL;
		}
		r->lineno++;
		if ((size_t)n > KV_MAX_LINE) {
			r->malformed++;
			continue;
		}
		*lineno = r->lineno;
		/* NUL bytes inside a line would silently truncate it. */
		if (memchr(r->line, '\0', (size_t)n) != NULL) {
			r->malformed++;
			continue;
		}
		return strdup(r->line);
	}
}

/*
 * Read the next record. Returns 1 with rec filled, 0 at end of file.
 */
int
kv_next(struct kv_reader *r, struct kv_rec *rec)
{
	struct kv_set blk = { 0 };
	unsigned int blk_line = 0;
	char *raw;
	unsigned int ln;

	kv_set_free(&rec->own);
	rec->r = r;
	for (;;) {
		char *line, *key, *val;
		bool q, end_block = false;

		raw = next_line(r, &ln);
		if (raw == NULL) {
			end_block = true;
			line = NULL;
		} else {
			line = trim(raw);
			if (*line == '#') {
				free(raw);
				continue;
			}
			if (*line == '\0' || *line == '[')
				end_block = true;
		}
		if (end_block) {
			if (line != NULL && *line == '[') {
				if (blk.n > 0) {
					/* finish this block first */
					r->pending = raw;
					r->pending_lineno = ln;
					raw = NULL;
				} else {
					parse_section(r, line);
				}
			}
			free(raw);
			if (blk.n > 0) {
				if (set_has_rec_key(&blk)) {
					rec->own = blk;
					rec->lineno = blk_line;
					return 1;
				}
				for (unsigned int i = 0; i < blk.n; i++)
					kv_set_put(&r->sticky, blk.f[i].key,
						blk.f[i].val, blk.f[i].quoted);
				kv_set_clear(&blk);
			}
			if (line == NULL) {
				kv_set_free(&blk);
				return 0;
			}
			continue;
		}
		{
			char *copy = strdup(line);

			if (copy == NULL || !split_field(copy, &key, &val, &q)) {
				r->malformed++;
				free(copy);
				free(raw);
				continue;
			}
			/* A second record key in one block starts a new record. */
			if (is_rec_key(key) && kv_set_find(&blk, key) != NULL) {
				free(copy);
				r->pending = raw;
				r->pending_lineno = ln;
				rec->own = blk;
				rec->lineno = blk_line;
				return 1;
			}
			if (blk.n == 0)
				blk_line = ln;
			if (kv_set_put(&blk, key, val, q) != 0)
				r->malformed++;
			free(copy);
			free(raw);
		}
	}
}

int
kv_open(struct kv_reader *r, const char *path)
{
	memset(r, 0, sizeof(*r));
	r->fp = fopen(path, "r");
	if (r->fp == NULL)
		return -errno;
	r->base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	return 0;
}

void
kv_close(struct kv_reader *r)
{
	if (r->fp != NULL)
		fclose(r->fp);
	free(r->line);
	free(r->pending);
	kv_set_free(&r->sticky);
}

/* Record field, falling back to the sticky parameters. */
const struct kv_field *
kv_get(const struct kv_rec *rec, const char *key)
{
	const struct kv_field *f = kv_set_find(&rec->own, key);

	return f != NULL ? f : kv_set_find(&rec->r->sticky, key);
}

bool
kv_has(const struct kv_rec *rec, const char *key)
{
	return kv_get(rec, key) != NULL;
}

/* Unsigned decimal field; false if missing or not a plain number. */
bool
kv_uint(const struct kv_rec *rec, const char *key, unsigned long *out)
{
	const struct kv_field *f = kv_get(rec, key);
	char *end;

	if (f == NULL || !isdigit((unsigned char)f->val[0]))
		return false;
	errno = 0;
	*out = strtoul(f->val, &end, 10);
	return errno == 0 && *end == '\0' && *out < (1ul << 31);
}

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = tolower(c);
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

/*
 * Decode a byte-string field (hex or "quoted ASCII") into a fresh buffer
 * (never NULL on success, even when empty). Returns 0, -ENOENT if absent,
 * -EINVAL if malformed or longer than max.
 */
int
kv_bytes(const struct kv_rec *rec, const char *key, uint32_t max,
		uint8_t **out, uint32_t *len)
{
	const struct kv_field *f = kv_get(rec, key);
	size_t sl;
	uint8_t *b;

	*out = NULL;
	*len = 0;
	if (f == NULL)
		return -ENOENT;
	sl = strlen(f->val);
	if (f->quoted) {
		if (sl > max)
			return -EINVAL;
		b = malloc(sl + 1);
		if (b == NULL)
			return -EINVAL;
		memcpy(b, f->val, sl);
		*out = b;
		*len = (uint32_t)sl;
		return 0;
	}
	if (sl % 2 != 0 || sl / 2 > max)
		return -EINVAL;
	b = malloc(sl / 2 + 1);
	if (b == NULL)
		return -EINVAL;
	for (size_t i = 0; i < sl / 2; i++) {
		int hi = hexval((unsigned char)f->val[2 * i]);
		int lo = hexval((unsigned char)f->val[2 * i + 1]);

		if (hi < 0 || lo < 0) {
			free(b);
			return -EINVAL;
		}
		b[i] = (uint8_t)(hi << 4 | lo);
	}
	*out = b;
	*len = (uint32_t)(sl / 2);
	return 0;
}

/* First present field among names (NULL-terminated). */
const char *
kv_pick(const struct kv_rec *rec, const char *const *names)
{
	for (const char *const *n = names; *n != NULL; n++)
		if (kv_has(rec, *n))
			return *n;
	return names[0];	/* absent: the lookup then fails cleanly */
}
