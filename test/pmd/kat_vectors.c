/* SPDX-License-Identifier: BSD-3-Clause
 * Known-answer vector loading for qatsec_kat (see kat_vectors.h): one
 * loader per algorithm's files, on top of the record reader (kat_kv.c).
 * Records a loader cannot make sense of are dropped and counted.
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
#include "kat_vectors.h"

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

/* ---- AES-ECB: KEY/PLAINTEXT/CIPHERTEXT, no IV ---- */

static bool
ecb_rec(const struct kv_rec *rec, struct kat_vec *v, void *arg)
{
	(void)arg;
	return get(rec, "KEY", &v->key, &v->key_len) &&
		get(rec, "PLAINTEXT", &v->pt, &v->pt_len) &&
		get(rec, "CIPHERTEXT", &v->ct, &v->ct_len) &&
		v->pt_len == v->ct_len;
}

int
kat_load_ecb(const char *dir, struct kat_vecset *s)
{
	static const char *const kinds[] = {
		"GFSbox", "KeySbox", "VarKey", "VarTxt", "MMT"
	};
	static const char *const bits[] = { "128", "192", "256" };
	char path[4096];
	int found = 0;

	for (int k = 0; k < 5; k++)
		for (int b = 0; b < 3; b++) {
			snprintf(path, sizeof(path), "%s/ciphers/AES/ECB/ECB%s%s.rsp",
				dir, kinds[k], bits[b]);
			found += load_file(path, s, ecb_rec, NULL);
		}
	return found;
}

/* ---- TDES-CBC (SP 800-67 CAVS): KEYs or KEY1/KEY2/KEY3, IV, texts ----
 * The key is given in the shortest form DPDK's 3DES takes: 8 bytes when
 * K1 = K2 = K3 (single DES), 16 when K3 = K1, else 24.
 */

static bool
tdes_key(const struct kv_rec *rec, struct kat_vec *v)
{
	uint8_t *k[3];
	uint32_t l[3];
	bool ok;

	if (get(rec, "KEYs", &v->key, &v->key_len))
		return v->key_len == 8;
	if (!get(rec, "KEY1", &k[0], &l[0]))
		return false;
	if (!get(rec, "KEY2", &k[1], &l[1])) {
		free(k[0]);
		return false;
	}
	if (!get(rec, "KEY3", &k[2], &l[2])) {
		free(k[0]);
		free(k[1]);
		return false;
	}
	ok = l[0] == 8 && l[1] == 8 && l[2] == 8;
	v->key = malloc(24);
	if (ok && v->key != NULL) {
		memcpy(v->key, k[0], 8);
		memcpy(v->key + 8, k[1], 8);
		memcpy(v->key + 16, k[2], 8);
		v->key_len = memcmp(k[0], k[2], 8) != 0 ? 24 :
			memcmp(k[0], k[1], 8) != 0 ? 16 : 8;
	}
	for (int i = 0; i < 3; i++)
		free(k[i]);
	return ok && v->key != NULL;
}

static bool
tdes_rec(const struct kv_rec *rec, struct kat_vec *v, void *arg)
{
	bool single = arg != NULL;

	if (!tdes_key(rec, v) || !get(rec, "IV", &v->iv, &v->iv_len) ||
			!get(rec, "PLAINTEXT", &v->pt, &v->pt_len) ||
			!get(rec, "CIPHERTEXT", &v->ct, &v->ct_len) ||
			v->pt_len != v->ct_len)
		return false;
	if (single && v->key_len != 8)
		v->skip = "not a single-DES key";
	return true;
}

int
kat_load_tdes_cbc(const char *dir, bool single, struct kat_vecset *s)
{
	static const char *const kinds[] = {
		"invperm", "permop", "subtab", "varkey", "vartext",
		"MMT1", "MMT2", "MMT3"
	};
	char path[4096];
	int found = 0;

	/* The MMT files have three independent keys (or K3 = K1). */
	for (int k = 0; k < (single ? 5 : 8); k++) {
		snprintf(path, sizeof(path), "%s/ciphers/3DES/CBC/TCBC%s.rsp",
			dir, kinds[k]);
		found += load_file(path, s, tdes_rec, single ? (void *)1 : NULL);
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
