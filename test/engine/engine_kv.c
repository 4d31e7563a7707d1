/* SPDX-License-Identifier: BSD-3-Clause
 * Reader of NIST CAVP-style vector files for the engine tests: records of
 * "Name = value" lines opened by a starter field, bracket headers
 * ("[ENCRYPT]", "[Alen = 0, Plen = 0]"), and fields given outside records
 * (Key, Nonce in the CCM files, after a blank line) carried over to the
 * records after them.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "engine_kv.h"

static void
kv_set(struct kv_entry *tab, const char *name, const char *value)
{
	int i, free_slot = -1;

	for (i = 0; i < KV_MAX; i++) {
		if (tab[i].value == NULL) {
			if (free_slot < 0)
				free_slot = i;
			continue;
		}
		if (strcasecmp(tab[i].name, name) == 0) {
			free(tab[i].value);
			tab[i].value = strdup(value);
			return;
		}
	}
	if (free_slot < 0)
		return;
	snprintf(tab[free_slot].name, sizeof(tab[free_slot].name), "%s", name);
	tab[free_slot].value = strdup(value);
}

static void
kv_clear(struct kv_entry *tab)
{
	int i;

	for (i = 0; i < KV_MAX; i++) {
		free(tab[i].value);
		tab[i].value = NULL;
	}
}

static const char *
kv_find(const struct kv_entry *tab, const char *name)
{
	int i;

	for (i = 0; i < KV_MAX; i++)
		if (tab[i].value != NULL && strcasecmp(tab[i].name, name) == 0)
			return tab[i].value;
	return NULL;
}

static char *
kv_trim(char *s)
{
	char *e;

	while (isspace((unsigned char)*s))
		s++;
	e = s + strlen(s);
	while (e > s && isspace((unsigned char)e[-1]))
		*--e = '\0';
	return s;
}

/* "a = b" into name/value; false for anything else. */
static bool
kv_split(char *s, char **name, char **value)
{
	char *eq = strchr(s, '=');

	if (eq == NULL)
		return false;
	*eq = '\0';
	*name = kv_trim(s);
	*value = kv_trim(eq + 1);
	return **name != '\0';
}

static void
kv_bracket(struct kv_file *k, char *s)
{
	char *end = strchr(s, ']'), *tok, *save = NULL, *n, *v;

	if (end != NULL)
		*end = '\0';
	s++;
	if (strchr(s, '=') == NULL) {
		kv_set(k->state, "section", kv_trim(s));
		return;
	}
	for (tok = strtok_r(s, ",", &save); tok != NULL;
			tok = strtok_r(NULL, ",", &save))
		if (kv_split(tok, &n, &v))
			kv_set(k->state, n, v);
}

struct kv_file *
kv_open(const char *path, const char *starter)
{
	struct kv_file *k = calloc(1, sizeof(*k));

	if (k == NULL)
		return NULL;
	k->f = fopen(path, "r");
	if (k->f == NULL) {
		free(k);
		return NULL;
	}
	k->path = path;
	k->starter = starter;
	return k;
}

void
kv_close(struct kv_file *k)
{
	if (k == NULL)
		return;
	kv_clear(k->state);
	kv_clear(k->rec);
	free(k->pending_value);
	free(k->pending_bracket);
	free(k->line);
	fclose(k->f);
	free(k);
}

bool
kv_next(struct kv_file *k)
{
	bool open = false, closed = false;
	char *s, *n, *v;

	kv_clear(k->rec);
	if (k->pending_bracket != NULL) {
		kv_bracket(k, k->pending_bracket);
		free(k->pending_bracket);
		k->pending_bracket = NULL;
	}
	if (k->pending_value != NULL) {
		kv_set(k->rec, k->pending, k->pending_value);
		free(k->pending_value);
		k->pending_value = NULL;
		open = true;
	}
	while (!k->eof) {
		if (getline(&k->line, &k->cap, k->f) < 0) {
			k->eof = true;
			break;
		}
		s = kv_trim(k->line);
		if (*s == '\0') {
			/* A blank line ends the record: fields after it
			 * (a group's Key, Nonce) carry over to the next ones.
			 */
			closed = open;
			continue;
		}
		if (*s == '#')
			continue;
		if (*s == '[') {
			if (open) {
				/* Headers apply to the records after them. */
				k->pending_bracket = strdup(s);
				return true;
			}
			kv_bracket(k, s);
			continue;
		}
		if (!kv_split(s, &n, &v))
			continue;
		if (strcasecmp(n, k->starter) == 0) {
			if (open) {
				snprintf(k->pending, sizeof(k->pending), "%s", n);
				k->pending_value = strdup(v);
				return true;
			}
			open = true;
			kv_set(k->rec, n, v);
		} else if (open && !closed) {
			kv_set(k->rec, n, v);
		} else {
			kv_set(k->state, n, v);
		}
	}
	return open;
}

const char *
kv_get(const struct kv_file *k, const char *name)
{
	const char *v = kv_find(k->rec, name);

	return v != NULL ? v : kv_find(k->state, name);
}

long
kv_hex(const struct kv_file *k, const char *name, uint8_t *buf, size_t cap)
{
	const char *v = kv_get(k, name);
	size_t n, i;
	unsigned int b;

	if (v == NULL)
		return -1;
	n = strlen(v);
	if (n % 2 != 0 || n / 2 > cap)
		return -1;
	for (i = 0; i < n / 2; i++) {
		if (sscanf(v + 2 * i, "%2x", &b) != 1)
			return -1;
		buf[i] = (uint8_t)b;
	}
	return (long)(n / 2);
}

long
kv_num(const struct kv_file *k, const char *name)
{
	const char *v = kv_get(k, name);

	return v == NULL ? -1 : strtol(v, NULL, 10);
}
