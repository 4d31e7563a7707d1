/* SPDX-License-Identifier: BSD-3-Clause
 * qatsec_kat's reader of known-answer vector files (kat_kv.c): key/value
 * records of the NIST CAVS (.rsp) and RFC-derived (.txt) formats, read as
 * untrusted input. Used by the per-algorithm loaders in kat_vectors.c.
 */
#ifndef KAT_KV_H
#define KAT_KV_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

struct kv_field {
	char *key;
	char *val;
	bool quoted;
};

struct kv_set {
	struct kv_field *f;
	unsigned int n, cap;
};

struct kv_reader {
	FILE *fp;
	const char *base;	/* file name without directory, for messages */
	char *line;
	size_t line_cap;
	unsigned int lineno;
	char *pending;		/* a line pushed back to start the next record */
	unsigned int pending_lineno;
	struct kv_set sticky;
	unsigned int malformed;
	bool eof;
};

struct kv_rec {
	struct kv_set own;
	unsigned int lineno;
	const struct kv_reader *r;
};

/* Open path for reading; 0 or -errno. */
int kv_open(struct kv_reader *r, const char *path);
void kv_close(struct kv_reader *r);
/* Next test record into rec: 1, or 0 at the end of the file. */
int kv_next(struct kv_reader *r, struct kv_rec *rec);
void kv_set_free(struct kv_set *s);
/* A record's field, falling back to the sticky parameters; NULL if none. */
const struct kv_field *kv_get(const struct kv_rec *rec, const char *key);
bool kv_has(const struct kv_rec *rec, const char *key);
/* Unsigned decimal field; false if missing or not a plain number. */
bool kv_uint(const struct kv_rec *rec, const char *key, unsigned long *out);
/* Hex (or quoted ASCII) field into a new buffer of at most max bytes:
 * 0, -ENOENT if absent, -EINVAL if malformed or longer than max.
 */
int kv_bytes(const struct kv_rec *rec, const char *key, uint32_t max,
		uint8_t **out, uint32_t *len);
/* First present field among names (NULL-terminated). */
const char *kv_pick(const struct kv_rec *rec, const char *const *names);

#endif /* KAT_KV_H */
