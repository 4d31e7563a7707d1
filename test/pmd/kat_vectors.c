/* SPDX-License-Identifier: BSD-3-Clause
 * Known-answer vector loading for qatsec_kat (see kat_vectors.h).
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

#include "kat_vectors.h"

/* A line longer than this is dropped (the largest real one is ~26 KB). */
#define KV_MAX_LINE (1u << 20)

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

static void
kv_set_clear(struct kv_set *s)
{
	for (unsigned int i = 0; i < s->n; i++) {
		free(s->f[i].key);
		free(s->f[i].val);
	}
	s->n = 0;
}

static void
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
static int
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

static int
kv_open(struct kv_reader *r, const char *path)
{
	memset(r, 0, sizeof(*r));
	r->fp = fopen(path, "r");
	if (r->fp == NULL)
		return -errno;
	r->base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	return 0;
}

static void
kv_close(struct kv_reader *r)
{
	if (r->fp != NULL)
		fclose(r->fp);
	free(r->line);
	free(r->pending);
	kv_set_free(&r->sticky);
}

/* Record field, falling back to the sticky parameters. */
static const struct kv_field *
kv_get(const struct kv_rec *rec, const char *key)
{
	const struct kv_field *f = kv_set_find(&rec->own, key);

	return f != NULL ? f : kv_set_find(&rec->r->sticky, key);
}

static bool
kv_has(const struct kv_rec *rec, const char *key)
{
	return kv_get(rec, key) != NULL;
}

/* Unsigned decimal field; false if missing or not a plain number. */
static bool
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
static int
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
static const char *
kv_pick(const struct kv_rec *rec, const char *const *names)
{
	for (const char *const *n = names; *n != NULL; n++)
		if (kv_has(rec, *n))
			return *n;
	return names[0];	/* absent: the lookup then fails cleanly */
}

static void
vec_free(struct kat_vec *v)
{
	free(v->key);
	free(v->iv);
	free(v->aad);
	free(v->pt);
	free(v->ct);
	free(v->tag);
}

void
kat_vecset_free(struct kat_vecset *s)
{
	for (unsigned int i = 0; i < s->n; i++)
		vec_free(&s->v[i]);
	free(s->v);
	s->v = NULL;
	s->n = s->cap = 0;
}

/* Append a vector (ownership of the buffers moves to the set). */
static void
vecset_add(struct kat_vecset *s, struct kat_vec *v)
{
	if (s->n == s->cap) {
		unsigned int nc = s->cap ? s->cap * 2 : 256;
		struct kat_vec *nv = realloc(s->v, nc * sizeof(*nv));

		if (nv == NULL) {
			vec_free(v);
			s->malformed++;
			return;
		}
		s->v = nv;
		s->cap = nc;
	}
	s->v[s->n++] = *v;
}

static void
vec_where(struct kat_vec *v, const struct kv_rec *rec)
{
	snprintf(v->where, sizeof(v->where), "%s:%u", rec->r->base, rec->lineno);
}

/* Report a file as used or missing, loudly (stdout TAP comment + stderr). */
static void
report_file(struct kat_vecset *s, const char *path, int err,
		unsigned int added, unsigned int malformed)
{
	if (err != 0) {
		s->files_missing++;
		printf("# vectors: MISSING %s (%s)\n", path, strerror(-err));
		fprintf(stderr, "qatsec_kat: vectors: MISSING %s (%s)\n", path,
			strerror(-err));
		return;
	}
	s->files_found++;
	s->malformed += malformed;
	printf("# vectors: using %s: %u cases%s\n", path, added,
		malformed ? " (some malformed lines/records dropped)" : "");
	fprintf(stderr, "qatsec_kat: vectors: using %s: %u cases, %u malformed\n",
		path, added, malformed);
}

/* Record loader callback: fill v from rec; return false if malformed. */
typedef bool (*rec_fn)(const struct kv_rec *rec, struct kat_vec *v, void *arg);

static int
load_file(const char *path, struct kat_vecset *s, rec_fn fn, void *arg)
{
	struct kv_reader r;
	struct kv_rec rec = { 0 };
	unsigned int added = 0, bad = 0;
	int ret = kv_open(&r, path);

	if (ret != 0) {
		report_file(s, path, ret, 0, 0);
		return 0;
	}
	while (kv_next(&r, &rec) == 1) {
		struct kat_vec v = { 0 };

		vec_where(&v, &rec);
		if (!fn(&rec, &v, arg)) {
			vec_free(&v);
			bad++;
			continue;
		}
		vecset_add(s, &v);
		added++;
	}
	kv_set_free(&rec.own);
	report_file(s, path, 0, added, bad + r.malformed);
	kv_close(&r);
	return 1;
}

static bool
get(const struct kv_rec *rec, const char *key, uint8_t **b, uint32_t *l)
{
	return kv_bytes(rec, key, KAT_VEC_MAX_DATA, b, l) == 0;
}

/* ---- AES-GCM: gcmEncryptExtIV*.rsp / gcmDecrypt*.rsp ---- */

static bool
gcm_rec(const struct kv_rec *rec, struct kat_vec *v, void *arg)
{
	bool decrypt = arg != NULL;
	unsigned long ivlen, ptlen, aadlen, taglen;

	if (!get(rec, "Key", &v->key, &v->key_len) ||
			!get(rec, "IV", &v->iv, &v->iv_len) ||
			!get(rec, "AAD", &v->aad, &v->aad_len) ||
			!get(rec, "CT", &v->ct, &v->ct_len) ||
			!get(rec, "Tag", &v->tag, &v->tag_len))
		return false;
	v->fail = kv_has(rec, "FAIL");
	if (v->fail) {
		v->no_pt = true;
	} else if (!get(rec, "PT", &v->pt, &v->pt_len) ||
			v->pt_len != v->ct_len) {
		return false;
	}
	/* Cross-check the bracketed bit lengths when present. */
	if (kv_uint(rec, "IVlen", &ivlen) && ivlen != 8ul * v->iv_len)
		return false;
	if (kv_uint(rec, "PTlen", &ptlen) && ptlen != 8ul * v->ct_len)
		return false;
	if (kv_uint(rec, "AADlen", &aadlen) && aadlen != 8ul * v->aad_len)
		return false;
	if (kv_uint(rec, "Taglen", &taglen) && taglen != 8ul * v->tag_len)
		return false;
	if (!decrypt && v->fail)
		return false;
	if (v->iv_len != 12)
		v->skip = "iv not 96-bit";
	return true;
}

int
kat_load_gcm(const char *dir, struct kat_vecset *enc, struct kat_vecset *dec)
{
	static const char *const bits[] = { "128", "192", "256" };
	char path[4096];
	int found = 0;

	for (int i = 0; i < 3; i++) {
		snprintf(path, sizeof(path),
			"%s/ciphers/AES/GCM/gcmEncryptExtIV%s.rsp", dir, bits[i]);
		found += load_file(path, enc, gcm_rec, NULL);
		snprintf(path, sizeof(path),
			"%s/ciphers/AES/GCM/gcmDecrypt%s.rsp", dir, bits[i]);
		found += load_file(path, dec, gcm_rec, (void *)1);
	}
	return found;
}

/* ---- AES-CBC and AES-CTR: KEY/IV/PLAINTEXT/CIPHERTEXT ---- */

static bool
cipher_rec(const struct kv_rec *rec, struct kat_vec *v, void *arg)
{
	(void)arg;
	if (!get(rec, "KEY", &v->key, &v->key_len) ||
			!get(rec, "IV", &v->iv, &v->iv_len) ||
			!get(rec, "PLAINTEXT", &v->pt, &v->pt_len) ||
			!get(rec, "CIPHERTEXT", &v->ct, &v->ct_len) ||
			v->pt_len != v->ct_len)
		return false;
	return true;
}

int
kat_load_cbc(const char *dir, struct kat_vecset *s)
{
	static const char *const kinds[] = {
		"GFSbox", "KeySbox", "VarKey", "VarTxt", "MMT"
	};
	static const char *const bits[] = { "128", "192", "256" };
	char path[4096];
	int found = 0;

	for (int k = 0; k < 5; k++)
		for (int b = 0; b < 3; b++) {
			snprintf(path, sizeof(path), "%s/ciphers/AES/CBC/CBC%s%s.rsp",
				dir, kinds[k], bits[b]);
			found += load_file(path, s, cipher_rec, NULL);
		}
	return found;
}

int
kat_load_ctr(const char *dir, struct kat_vecset *s)
{
	static const char *const bits[] = { "128", "192", "256" };
	char path[4096];
	int found = 0;

	/* RFC 3686 vectors; IV is the full initial counter block. */
	for (int b = 0; b < 3; b++) {
		snprintf(path, sizeof(path), "%s/ciphers/AES/CTR/aes-%s-ctr.txt",
			dir, bits[b]);
		found += load_file(path, s, cipher_rec, NULL);
	}
	return found;
}

/* ---- AES-CCM: VADT/VNT/VPT/VTT (encrypt), DVPT (decrypt-verify) ---- */

static bool
ccm_rec(const struct kv_rec *rec, struct kat_vec *v, void *arg)
{
	bool dvpt = arg != NULL;
	unsigned long alen, plen, nlen, tlen;
	uint8_t *ct;
	uint32_t ct_len;

	if (!kv_uint(rec, "Alen", &alen) || !kv_uint(rec, "Plen", &plen) ||
			!kv_uint(rec, "Nlen", &nlen) || !kv_uint(rec, "Tlen", &tlen))
		return false;
	if (!get(rec, "Key", &v->key, &v->key_len) ||
			!get(rec, "Nonce", &v->iv, &v->iv_len) ||
			!get(rec, "Adata", &v->aad, &v->aad_len) ||
			!get(rec, "CT", &ct, &ct_len))
		return false;
	v->ct = ct;
	/* Empty fields are written as "00": the declared lengths rule. */
	if (v->iv_len != nlen || (alen > 0 && v->aad_len != alen) ||
			(alen == 0 && v->aad_len > 1) || ct_len != plen + tlen)
		return false;
	v->aad_len = (uint32_t)alen;
	v->ct_len = (uint32_t)plen;
	v->tag_len = (uint32_t)tlen;
	v->tag = malloc(tlen + 1);
	if (v->tag == NULL)
		return false;
	memcpy(v->tag, ct + plen, tlen);
	if (dvpt) {
		const struct kv_field *res = kv_get(rec, "Result");

		if (res == NULL)
			return false;
		v->fail = strncasecmp(res->val, "Fail", 4) == 0;
		if (!v->fail && strncasecmp(res->val, "Pass", 4) != 0)
			return false;
	}
	if (!v->fail) {
		if (!get(rec, "Payload", &v->pt, &v->pt_len) ||
				(plen > 0 && v->pt_len != plen) ||
				(plen == 0 && v->pt_len > 1))
			return false;
		v->pt_len = (uint32_t)plen;
	} else {
		v->no_pt = true;
	}
	return true;
}

int
kat_load_ccm(const char *dir, struct kat_vecset *enc, struct kat_vecset *dec)
{
	static const char *const kinds[] = { "VADT", "VNT", "VPT", "VTT" };
	static const char *const bits[] = { "128", "192", "256" };
	char path[4096];
	int found = 0;

	for (int b = 0; b < 3; b++) {
		for (int k = 0; k < 4; k++) {
			snprintf(path, sizeof(path), "%s/ciphers/AES/CCM/%s%s.rsp",
				dir, kinds[k], bits[b]);
			found += load_file(path, enc, ccm_rec, NULL);
		}
		snprintf(path, sizeof(path), "%s/ciphers/AES/CCM/DVPT%s.rsp",
			dir, bits[b]);
		found += load_file(path, dec, ccm_rec, (void *)1);
	}
	return found;
}

/* ---- ChaCha20-Poly1305: OpenSSL and BoringSSL text formats ---- */

static bool
chacha_rec(const struct kv_rec *rec, struct kat_vec *v, void *arg)
{
	static const char *const k_key[] = { "Key", NULL };
	static const char *const k_iv[] = { "IV", "NONCE", NULL };
	static const char *const k_aad[] = { "AAD", "AD", NULL };
	static const char *const k_pt[] = { "Plaintext", "IN", NULL };
	static const char *const k_ct[] = { "Ciphertext", "CT", NULL };
	static const char *const k_tag[] = { "Tag", NULL };
	const struct kv_field *res;

	(void)arg;
	if (!get(rec, kv_pick(rec, k_key), &v->key, &v->key_len) ||
			!get(rec, kv_pick(rec, k_iv), &v->iv, &v->iv_len) ||
			!get(rec, kv_pick(rec, k_aad), &v->aad, &v->aad_len) ||
			!get(rec, kv_pick(rec, k_pt), &v->pt, &v->pt_len) ||
			!get(rec, kv_pick(rec, k_ct), &v->ct, &v->ct_len) ||
			!get(rec, kv_pick(rec, k_tag), &v->tag, &v->tag_len) ||
			v->pt_len != v->ct_len)
		return false;
	/* OpenSSL marks a bad tag with "Result = CIPHERFINAL_ERROR". */
	res = kv_get(rec, "Result");
	v->fail = res != NULL && res->val[0] != '\0';
	return true;
}

int
kat_load_chacha(const char *dir, struct kat_vecset *s)
{
	static const char *const files[] = { "openssl.txt", "boringssl.txt" };
	char path[4096];
	int found = 0;

	for (int i = 0; i < 2; i++) {
		snprintf(path, sizeof(path), "%s/ciphers/ChaCha20Poly1305/%s",
			dir, files[i]);
		found += load_file(path, s, chacha_rec, NULL);
	}
	return found;
}

/* ---- SHA and HMAC: Len (bits) / [Key] / Msg / MD ---- */

static bool
md_rec(const struct kv_rec *rec, struct kat_vec *v, void *arg)
{
	bool keyed = arg != NULL;
	unsigned long bits;

	if (!kv_uint(rec, "Len", &bits))
		return false;
	if (keyed && !get(rec, "Key", &v->key, &v->key_len))
		return false;
	if (bits > 8ul * KAT_VEC_MAX_DATA) {
		/* Not malformed, just beyond the harness's buffers. */
		v->skip = "message too long for harness";
		return true;
	}
	if (!get(rec, "Msg", &v->pt, &v->pt_len) ||
			!get(rec, "MD", &v->tag, &v->tag_len) || v->tag_len == 0)
		return false;
	if (bits % 8 != 0) {
		v->skip = "not byte-aligned";
		return true;
	}
	/* "Msg = 00" for Len = 0. */
	if (bits / 8 > v->pt_len || (bits == 0 && v->pt_len > 1))
		return false;
	v->pt_len = (uint32_t)(bits / 8);
	return true;
}

int
kat_load_sha(const char *dir, const char *which, struct kat_vecset *s)
{
	static const char *const kinds[] = { "ShortMsg", "LongMsg" };
	const char *sub = strcmp(which, "SHA1") == 0 ? "SHA1" : "SHA2";
	char path[4096];
	int found = 0;

	for (int k = 0; k < 2; k++) {
		snprintf(path, sizeof(path), "%s/hashes/%s/%s%s.rsp", dir, sub,
			which, kinds[k]);
		found += load_file(path, s, md_rec, NULL);
	}
	return found;
}

int
kat_load_hmac(const char *dir, const char *file, struct kat_vecset *s)
{
	char path[4096];

	snprintf(path, sizeof(path), "%s/HMAC/%s", dir, file);
	return load_file(path, s, md_rec, (void *)1);
}

/* ---- AES-CMAC: KEY / MESSAGE / OUTPUT ---- */

static bool
cmac_rec(const struct kv_rec *rec, struct kat_vec *v, void *arg)
{
	(void)arg;
	return get(rec, "KEY", &v->key, &v->key_len) &&
		get(rec, "MESSAGE", &v->pt, &v->pt_len) &&
		get(rec, "OUTPUT", &v->tag, &v->tag_len) && v->tag_len > 0;
}

int
kat_load_cmac(const char *dir, struct kat_vecset *s)
{
	static const char *const bits[] = { "128", "192", "256" };
	char path[4096];
	int found = 0;

	for (int b = 0; b < 3; b++) {
		snprintf(path, sizeof(path), "%s/CMAC/nist-800-38b-aes%s.txt",
			dir, bits[b]);
		found += load_file(path, s, cmac_rec, NULL);
	}
	return found;
}
