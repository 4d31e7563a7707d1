/* SPDX-License-Identifier: BSD-3-Clause
 * Reader of NIST CAVP-style vector files ("Name = value" records, bracket
 * headers, values carried over between records) for the engine tests.
 */
#ifndef ENGINE_KV_H
#define ENGINE_KV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define KV_MAX	24

struct kv_entry {
	char name[32];
	char *value;
};

struct kv_file {
	FILE *f;
	const char *path;
	const char *starter;	/* the field that opens a record */
	struct kv_entry state[KV_MAX];	/* headers and carried-over values */
	struct kv_entry rec[KV_MAX];	/* the current record */
	char pending[32];	/* starter name read ahead */
	char *pending_value;
	char *pending_bracket;	/* header read ahead, applied next record */
	bool eof;
	char *line;
	size_t cap;
};

/* Open path; records start at the field named starter (e.g. "COUNT",
 * "Len"); case-insensitive names. NULL when the file cannot be read.
 */
struct kv_file *kv_open(const char *path, const char *starter);
void kv_close(struct kv_file *k);
/* Next record; false at the end. */
bool kv_next(struct kv_file *k);
/* A field of the record, else of the carried-over state, else NULL. A
 * bracket line "[ENCRYPT]" sets the field "section".
 */
const char *kv_get(const struct kv_file *k, const char *name);
/* Hex field into buf (at most cap bytes): its length, -1 if absent or bad.
 * "00" with a declared length of 0 is the caller's business.
 */
long kv_hex(const struct kv_file *k, const char *name, uint8_t *buf,
		size_t cap);
long kv_num(const struct kv_file *k, const char *name);

#endif /* ENGINE_KV_H */
