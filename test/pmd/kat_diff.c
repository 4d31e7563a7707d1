/* SPDX-License-Identifier: BSD-3-Clause
 * Differential tests for qatsec_kat: random keys, IVs, AAD, headers and
 * payloads (0..16384 bytes) run on a reference cryptodev and on the device
 * under test in every buffer mode, compared byte for byte; the reference
 * output is then run back through the device (decrypt / verify, and once
 * per case with a corrupted digest). Everything derives from --seed, the
 * algorithm index and the case index, so a failing case replays exactly
 * with the printed seed (and --only diff-NAME).
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include <rte_common.h>
#include <rte_cryptodev.h>

#include "kat_dev.h"
#include "kat_tap.h"

enum dkind { DK_AEAD, DK_CIPHER, DK_CHAIN, DK_AUTH };

struct dalg {
	const char *name;
	enum dkind kind;
	int aead, cipher, auth;		/* algorithm enums (as applicable) */
	uint16_t align;			/* payload length multiple */
	const uint16_t *keys;		/* cipher / AEAD / CMAC-like key sizes */
	const uint16_t *ivs;		/* cipher / AEAD IV, or GMAC auth IV */
	const uint16_t *digests;
	bool hmac;			/* auth key of random length */
};

/* Candidate sizes, 0-terminated; capabilities of both devices filter. */
static const uint16_t k_aes[] = { 16, 24, 32, 0 };
static const uint16_t k_16[] = { 16, 0 };
static const uint16_t k_32[] = { 32, 0 };
static const uint16_t iv_12[] = { 12, 0 };
static const uint16_t iv_16[] = { 16, 0 };
static const uint16_t iv_ccm[] = { 7, 8, 9, 10, 11, 12, 13, 0 };
static const uint16_t d_gcm[] = { 16, 12, 8, 15, 4, 0 };
static const uint16_t d_ccm[] = { 4, 6, 8, 10, 12, 14, 16, 0 };
static const uint16_t d_16[] = { 16, 0 };
static const uint16_t d_cmac[] = { 16, 12, 8, 4, 0 };
static const uint16_t d_xcbc[] = { 12, 16, 0 };
static const uint16_t d_sha1[] = { 20, 12, 0 };
static const uint16_t d_sha224[] = { 28, 16, 0 };
static const uint16_t d_sha256[] = { 32, 16, 0 };
static const uint16_t d_sha384[] = { 48, 24, 0 };
static const uint16_t d_sha512[] = { 64, 32, 0 };
static const uint16_t k_des[] = { 8, 0 };
static const uint16_t k_3des[] = { 8, 16, 24, 0 };
static const uint16_t k_docsis[] = { 16, 32, 0 };
static const uint16_t iv_8[] = { 8, 0 };
static const uint16_t d_md5[] = { 16, 12, 0 };

#define AEAD(n, a, k, i, d) { n, DK_AEAD, a, 0, 0, 1, k, i, d, false }
#define CIPH(n, c, al) { n, DK_CIPHER, 0, c, 0, al, k_aes, iv_16, NULL, false }
#define CHAIN(n, c, al, h, d) { n, DK_CHAIN, 0, c, h, al, k_aes, iv_16, d, true }
#define CIPHK(n, c, al, k, i) { n, DK_CIPHER, 0, c, 0, al, k, i, NULL, false }
#define CHAINK(n, c, al, k, i, h, d) { n, DK_CHAIN, 0, c, h, al, k, i, d, true }
#define HASH(n, h, d) { n, DK_AUTH, 0, 0, h, 1, NULL, NULL, d, false }
#define HMAC(n, h, d) { n, DK_AUTH, 0, 0, h, 1, NULL, NULL, d, true }
#define KMAC(n, h, k, i, d) { n, DK_AUTH, 0, 0, h, 1, k, i, d, false }

static const struct dalg algs[] = {
	AEAD("aes-gcm", RTE_CRYPTO_AEAD_AES_GCM, k_aes, iv_12, d_gcm),
	AEAD("aes-ccm", RTE_CRYPTO_AEAD_AES_CCM, k_aes, iv_ccm, d_ccm),
	AEAD("chacha20-poly1305", RTE_CRYPTO_AEAD_CHACHA20_POLY1305, k_32,
		iv_12, d_16),
	CIPH("aes-cbc", RTE_CRYPTO_CIPHER_AES_CBC, 16),
	CIPH("aes-ctr", RTE_CRYPTO_CIPHER_AES_CTR, 1),
	CHAIN("aes-cbc-hmac-sha1", RTE_CRYPTO_CIPHER_AES_CBC, 16,
		RTE_CRYPTO_AUTH_SHA1_HMAC, d_sha1),
	CHAIN("aes-cbc-hmac-sha256", RTE_CRYPTO_CIPHER_AES_CBC, 16,
		RTE_CRYPTO_AUTH_SHA256_HMAC, d_sha256),
	CHAIN("aes-cbc-hmac-sha512", RTE_CRYPTO_CIPHER_AES_CBC, 16,
		RTE_CRYPTO_AUTH_SHA512_HMAC, d_sha512),
	CHAIN("aes-ctr-hmac-sha1", RTE_CRYPTO_CIPHER_AES_CTR, 1,
		RTE_CRYPTO_AUTH_SHA1_HMAC, d_sha1),
	CHAIN("aes-ctr-hmac-sha256", RTE_CRYPTO_CIPHER_AES_CTR, 1,
		RTE_CRYPTO_AUTH_SHA256_HMAC, d_sha256),
	CHAIN("aes-ctr-hmac-sha512", RTE_CRYPTO_CIPHER_AES_CTR, 1,
		RTE_CRYPTO_AUTH_SHA512_HMAC, d_sha512),
	CIPHK("aes-ecb", RTE_CRYPTO_CIPHER_AES_ECB, 16, k_aes, NULL),
	CIPHK("aes-docsisbpi", RTE_CRYPTO_CIPHER_AES_DOCSISBPI, 1, k_docsis,
		iv_16),
	CIPHK("des-cbc", RTE_CRYPTO_CIPHER_DES_CBC, 8, k_des, iv_8),
	CIPHK("3des-cbc", RTE_CRYPTO_CIPHER_3DES_CBC, 8, k_3des, iv_8),
	CIPHK("des-docsisbpi", RTE_CRYPTO_CIPHER_DES_DOCSISBPI, 1, k_des, iv_8),
	CHAINK("3des-cbc-hmac-sha1", RTE_CRYPTO_CIPHER_3DES_CBC, 8, k_3des,
		iv_8, RTE_CRYPTO_AUTH_SHA1_HMAC, d_sha1),
	CHAINK("des-cbc-hmac-md5", RTE_CRYPTO_CIPHER_DES_CBC, 8, k_des, iv_8,
		RTE_CRYPTO_AUTH_MD5_HMAC, d_md5),
	/* No DOCSIS BPI + HMAC chain: only crypto_aesni_mb has DOCSIS BPI,
	 * and an empty HMAC input breaks its later HMACs (test/pmd/meson.build).
	 */
	HMAC("hmac-md5", RTE_CRYPTO_AUTH_MD5_HMAC, d_md5),
	HASH("sha1", RTE_CRYPTO_AUTH_SHA1, d_sha1),
	HASH("sha224", RTE_CRYPTO_AUTH_SHA224, d_sha224),
	HASH("sha256", RTE_CRYPTO_AUTH_SHA256, d_sha256),
	HASH("sha384", RTE_CRYPTO_AUTH_SHA384, d_sha384),
	HASH("sha512", RTE_CRYPTO_AUTH_SHA512, d_sha512),
	HMAC("hmac-sha1", RTE_CRYPTO_AUTH_SHA1_HMAC, d_sha1),
	HMAC("hmac-sha224", RTE_CRYPTO_AUTH_SHA224_HMAC, d_sha224),
	HMAC("hmac-sha256", RTE_CRYPTO_AUTH_SHA256_HMAC, d_sha256),
	HMAC("hmac-sha384", RTE_CRYPTO_AUTH_SHA384_HMAC, d_sha384),
	HMAC("hmac-sha512", RTE_CRYPTO_AUTH_SHA512_HMAC, d_sha512),
	KMAC("aes-cmac", RTE_CRYPTO_AUTH_AES_CMAC, k_aes, NULL, d_cmac),
	KMAC("aes-xcbc-mac", RTE_CRYPTO_AUTH_AES_XCBC_MAC, k_16, NULL, d_xcbc),
	KMAC("aes-gmac", RTE_CRYPTO_AUTH_AES_GMAC, k_aes, iv_12, d_gcm),
};

/* One random case. */
struct dcase {
	uint16_t key_len, akey_len, iv_len, dig, aad_len;
	uint32_t hdr, len;
	uint8_t key[32], akey[256], iv[16], aad[KAT_MAX_AAD];
	uint8_t in[KAT_MAX_HDR + KAT_MAX_DATA];
	uint8_t ct[KAT_MAX_HDR + KAT_MAX_DATA];	/* hdr + reference output */
	uint8_t ref_out[KAT_MAX_DATA];
	uint8_t ref_dig[KAT_MAX_DIGEST];
	uint8_t bad_dig[KAT_MAX_DIGEST];
	char where[160];
};

static struct dcase dc;
static struct kat_job djobs[KAT_M_NUM + 1];
static uint8_t dout[KAT_M_NUM + 1][KAT_MAX_DATA];

static uint16_t
pick(const uint16_t *list, uint64_t *rng)
{
	unsigned int n = 0;

	while (list[n] != 0)
		n++;
	return list[kat_rand(rng) % n];
}

static void
fill(uint8_t *b, uint32_t n, uint64_t *rng)
{
	for (uint32_t i = 0; i < n; i++)
		b[i] = (uint8_t)kat_rand(rng);
}

/* Session xforms for one direction (fwd: encrypt / generate). */
static void
build_xf(const struct dalg *a, bool fwd, struct kat_sess *s)
{
	kat_xf_reset(s);
	switch (a->kind) {
	case DK_AEAD:
		kat_xf_aead(s, a->aead, fwd ? RTE_CRYPTO_AEAD_OP_ENCRYPT :
			RTE_CRYPTO_AEAD_OP_DECRYPT, dc.key, dc.key_len,
			dc.iv_len, dc.dig, dc.aad_len);
		break;
	case DK_CIPHER:
		kat_xf_cipher(s, a->cipher, fwd ? RTE_CRYPTO_CIPHER_OP_ENCRYPT :
			RTE_CRYPTO_CIPHER_OP_DECRYPT, dc.key, dc.key_len,
			dc.iv_len);
		break;
	case DK_CHAIN:
		/* encrypt-then-MAC; verify-then-decrypt */
		if (fwd) {
			kat_xf_cipher(s, a->cipher, RTE_CRYPTO_CIPHER_OP_ENCRYPT,
				dc.key, dc.key_len, dc.iv_len);
			kat_xf_auth(s, a->auth, RTE_CRYPTO_AUTH_OP_GENERATE,
				dc.akey, dc.akey_len, dc.dig, 0);
		} else {
			kat_xf_auth(s, a->auth, RTE_CRYPTO_AUTH_OP_VERIFY,
				dc.akey, dc.akey_len, dc.dig, 0);
			kat_xf_cipher(s, a->cipher, RTE_CRYPTO_CIPHER_OP_DECRYPT,
				dc.key, dc.key_len, dc.iv_len);
		}
		break;
	case DK_AUTH:
		kat_xf_auth(s, a->auth, fwd ? RTE_CRYPTO_AUTH_OP_GENERATE :
			RTE_CRYPTO_AUTH_OP_VERIFY, dc.akey_len ? dc.akey : NULL,
			dc.akey_len, dc.dig, a->ivs ? dc.iv_len : 0);
		break;
	}
}

/*
 * Draw parameters both devices accept (encrypt on both, decrypt on the
 * device). Random retries rather than enumeration: the ranges are small
 * and it keeps unusual-but-valid combinations in play.
 */
static bool
pick_params(const struct dalg *a, uint64_t *rng, const struct kat_dev *dev,
		const struct kat_dev *ref)
{
	for (int attempt = 0; attempt < 200; attempt++) {
		struct kat_sess s;

		dc.key_len = dc.akey_len = dc.iv_len = dc.dig = dc.aad_len = 0;
		if (a->kind != DK_AUTH)
			dc.key_len = pick(a->keys, rng);
		else if (a->keys != NULL)
			dc.akey_len = pick(a->keys, rng);
		if (a->ivs != NULL)
			dc.iv_len = pick(a->ivs, rng);
		if (a->digests != NULL)
			dc.dig = pick(a->digests, rng);
		if (a->hmac)
			dc.akey_len = (uint16_t)(1 + kat_rand(rng) %
				(kat_rand(rng) % 2 ? 64 : 192));
		if (a->kind == DK_AEAD) {
			switch (kat_rand(rng) % 4) {
			case 0: dc.aad_len = 0; break;
			case 1: dc.aad_len = (uint16_t)(kat_rand(rng) % 17); break;
			case 2: dc.aad_len = (uint16_t)(kat_rand(rng) % 65); break;
			default:
				dc.aad_len = (uint16_t)(kat_rand(rng) %
					(KAT_MAX_AAD + 1));
			}
		}
		/* CMAC / XCBC / GMAC keys sit in akey for DK_AUTH */
		build_xf(a, true, &s);
		if (!kat_caps_ok(dev->id, &s) || !kat_caps_ok(ref->id, &s))
			continue;
		build_xf(a, false, &s);
		if (!kat_caps_ok(dev->id, &s))
			continue;
		return true;
	}
	return false;
}

static uint32_t
pick_len(const struct dalg *a, unsigned int idx, uint64_t *rng)
{
	/* boundary lengths first, then mostly small, sometimes large */
	static const uint32_t edge[] = {
		0, 1, 15, 16, 17, 63, 64, 255, 256, 1500, 16383, KAT_MAX_DATA
	};
	uint32_t len;

	if (idx < RTE_DIM(edge))
		len = edge[idx];
	else if (kat_rand(rng) % 2)
		len = (uint32_t)(kat_rand(rng) % 1025);
	else
		len = (uint32_t)(kat_rand(rng) % (KAT_MAX_DATA + 1));
	return len - len % a->align;
}

/* Does the device / reference list the algorithm at all? */
static bool
has_algo(const struct kat_dev *d, const struct dalg *a)
{
	struct rte_cryptodev_sym_capability_idx idx;

	if (a->kind == DK_AEAD) {
		idx.type = RTE_CRYPTO_SYM_XFORM_AEAD;
		idx.algo.aead = a->aead;
		return rte_cryptodev_sym_capability_get(d->id, &idx) != NULL;
	}
	if (a->kind == DK_CIPHER || a->kind == DK_CHAIN) {
		idx.type = RTE_CRYPTO_SYM_XFORM_CIPHER;
		idx.algo.cipher = a->cipher;
		if (rte_cryptodev_sym_capability_get(d->id, &idx) == NULL)
			return false;
	}
	if (a->kind == DK_AUTH || a->kind == DK_CHAIN) {
		idx.type = RTE_CRYPTO_SYM_XFORM_AUTH;
		idx.algo.auth = a->auth;
		if (rte_cryptodev_sym_capability_get(d->id, &idx) == NULL)
			return false;
	}
	return true;
}

static void
job_init(struct kat_job *j, struct kat_sess *s, enum kat_mode m,
		const uint8_t *in, uint8_t *out, uint64_t seg)
{
	memset(j, 0, sizeof(*j));
	j->s = s;
	j->mode = m;
	j->in = in;
	j->hdr_len = dc.hdr;
	j->len = dc.len;
	j->iv = dc.iv;
	j->aiv = dc.iv;
	j->aad = dc.aad;
	j->seg_seed = seg;
	j->out = out;
}

static void
skip_both(struct kat_tally *te, struct kat_tally *td, const char *why)
{
	kat_tally_skip_all(te, why);
	kat_tally_skip_all(td, why);
}

/* The case's random parameters and inputs in dc; NULL, or why it is
 * skipped.
 */
static const char *
case_inputs(const struct dalg *a, unsigned int ai, unsigned int ci,
		struct kat_dev *dev, struct kat_dev *ref, uint64_t *rng)
{
	/* hash (seed, algorithm, case): unrelated streams per case */
	*rng = kat_opt.seed;
	*rng = kat_rand(rng) ^ ((uint64_t)ai << 32 | ci);
	*rng = kat_rand(rng);
	if (!pick_params(a, rng, dev, ref))
		return "no parameter set both devices accept";
	dc.len = pick_len(a, ci, rng);
	dc.hdr = (uint32_t)(kat_rand(rng) % 33);
	fill(dc.key, sizeof(dc.key), rng);
	fill(dc.akey, sizeof(dc.akey), rng);
	fill(dc.iv, sizeof(dc.iv), rng);
	fill(dc.aad, dc.aad_len, rng);
	fill(dc.in, dc.hdr + dc.len, rng);
	snprintf(dc.where, sizeof(dc.where), "%u len=%u hdr=%u key=%u akey=%u "
		"iv=%u digest=%u aad=%u", ci, dc.len, dc.hdr, dc.key_len,
		dc.akey_len, dc.iv_len, dc.dig, dc.aad_len);
	if (kat_opt.avoid_empty_hmac && a->hmac &&
			(a->kind == DK_CHAIN ? dc.hdr + dc.len : dc.len) == 0)
		return "avoided: empty HMAC input (--avoid)";
	return NULL;
}

/* The reference's answer (in place, linear) in dc.ref_out / ref_dig, and
 * the ciphertext dc.ct; NULL, or why the case is skipped.
 */
static const char *
case_reference(const struct dalg *a, struct kat_dev *ref, uint64_t rng,
		const struct kat_tally *te)
{
	struct kat_sess s_ref;

	build_xf(a, true, &s_ref);
	if (kat_sess_create(ref, &s_ref) < 0)
		return "reference session create failed";
	job_init(&djobs[0], &s_ref, KAT_M_IP_LB, dc.in, dc.ref_out, rng);
	kat_run(ref, djobs, 1);
	if (djobs[0].err[0] != '\0' ||
			djobs[0].status != RTE_CRYPTO_OP_STATUS_SUCCESS) {
		printf("# %s: reference could not run case %s: %s %s\n", te[0].name,
			dc.where, kat_status_name(djobs[0].status), djobs[0].err);
		kat_sess_free(&s_ref);
		return "reference op failed";
	}
	memcpy(dc.ref_dig, djobs[0].digest, dc.dig);
	kat_sess_free(&s_ref);
	memcpy(dc.ct, dc.in, dc.hdr);
	memcpy(dc.ct + dc.hdr, a->kind != DK_AUTH ? dc.ref_out : dc.in + dc.hdr,
		dc.len);
	return NULL;
}

/* The buffer modes this case runs in (the others counted as skipped). */
static unsigned int
case_modes(struct kat_tally *te, struct kat_tally *td,
		unsigned int modes[KAT_M_NUM])
{
	unsigned int nm = 0;

	for (int m = 0; m < KAT_M_NUM; m++) {
		if (te[m].skip_line != NULL)
			continue;
		if (kat_opt.avoid_empty_oop_sgl && dc.len == 0 &&
				kat_mode_oop((enum kat_mode)m) &&
				kat_mode_sgl((enum kat_mode)m)) {
			kat_tally_skip(&te[m], "avoided: empty op, OOP SGL (--avoid)");
			kat_tally_skip(&td[m], "avoided: empty op, OOP SGL (--avoid)");
			continue;
		}
		modes[nm++] = (unsigned int)m;
	}
	return nm;
}

/* Reference output back through the device in every mode, plus one
 * corrupted digest that must fail authentication.
 */
static void
case_back(const struct dalg *a, unsigned int ci, struct kat_dev *dev,
		struct kat_sess *s_dec, const unsigned int *modes,
		unsigned int nm, uint64_t rng, struct kat_tally *td)
{
	bool has_dig = a->kind != DK_CIPHER;
	unsigned int n = nm;

	for (unsigned int k = 0; k < nm; k++) {
		job_init(&djobs[k], s_dec, (enum kat_mode)modes[k], dc.ct,
			dout[k], rng + 100 + k);
		djobs[k].digest_in = dc.ref_dig;
	}
	if (has_dig) {
		memcpy(dc.bad_dig, dc.ref_dig, dc.dig);
		dc.bad_dig[ci % dc.dig] ^= (uint8_t)(1u << (ci % 8));
		job_init(&djobs[n], s_dec, (enum kat_mode)modes[ci % nm], dc.ct,
			dout[n], rng + 200);
		djobs[n].digest_in = dc.bad_dig;
		n++;
	}
	kat_run(dev, djobs, n);
	for (unsigned int k = 0; k < nm; k++)
		kat_check_job(&td[modes[k]], dc.where, &djobs[k],
			RTE_CRYPTO_OP_STATUS_SUCCESS,
			a->kind != DK_AUTH ? dc.in + dc.hdr : NULL, NULL);
	if (has_dig) {
		char w[200];

		snprintf(w, sizeof(w), "%s (corrupted digest)", dc.where);
		kat_check_job(&td[modes[ci % nm]], w, &djobs[nm],
			RTE_CRYPTO_OP_STATUS_AUTH_FAILED, NULL, NULL);
	}
}

static void
run_case(const struct dalg *a, unsigned int ai, unsigned int ci,
		struct kat_dev *dev, struct kat_dev *ref, struct kat_tally *te,
		struct kat_tally *td)
{
	bool ciphers = a->kind != DK_AUTH, has_dig = a->kind != DK_CIPHER;
	struct kat_sess s_enc, s_dec;
	unsigned int nm, modes[KAT_M_NUM];
	const char *skip;
	uint64_t rng;

	skip = case_inputs(a, ai, ci, dev, ref, &rng);
	if (skip == NULL) {
		build_xf(a, true, &s_enc);
		build_xf(a, false, &s_dec);
		skip = case_reference(a, ref, rng, te);
	}
	if (skip != NULL) {
		skip_both(te, td, skip);
		return;
	}
	nm = case_modes(te, td, modes);
	if (nm == 0)
		return;
	if (kat_sess_create(dev, &s_enc) < 0 || kat_sess_create(dev, &s_dec) < 0) {
		for (unsigned int k = 0; k < nm; k++) {
			kat_tally_fail(&te[modes[k]], "case %s: session create "
				"failed for advertised parameters", dc.where);
			kat_tally_fail(&td[modes[k]], "case %s: session create "
				"failed for advertised parameters", dc.where);
		}
		kat_sess_free(&s_enc);
		kat_sess_free(&s_dec);
		return;
	}

	/* Forward on the device, every mode, against the reference. */
	for (unsigned int k = 0; k < nm; k++)
		job_init(&djobs[k], &s_enc, (enum kat_mode)modes[k], dc.in,
			dout[k], rng + k);
	kat_run(dev, djobs, nm);
	for (unsigned int k = 0; k < nm; k++)
		kat_check_job(&te[modes[k]], dc.where, &djobs[k],
			RTE_CRYPTO_OP_STATUS_SUCCESS, ciphers ? dc.ref_out : NULL,
			has_dig ? dc.ref_dig : NULL);
	case_back(a, ci, dev, &s_dec, modes, nm, rng, td);
	kat_sess_free(&s_enc);
	kat_sess_free(&s_dec);
	if (dev->lost > 3 || ref->lost > 3)
		kat_tap_bail("%s lost %u ops, %s lost %u: unusable", dev->name,
			dev->lost, ref->name, ref->lost);
}

void
kat_diff_run(struct kat_dev *dev, struct kat_dev *const *refs,
		unsigned int nref)
{
	for (unsigned int ai = 0; ai < RTE_DIM(algs); ai++) {
		const struct dalg *a = &algs[ai];
		struct kat_tally te[KAT_M_NUM], td[KAT_M_NUM];
		struct kat_dev *ref = NULL;
		char group[64];
		bool aut = a->kind == DK_AUTH;

		snprintf(group, sizeof(group), "diff-%s", a->name);
		if (!kat_selected(group))
			continue;
		/* first reference that has the algorithm */
		for (unsigned int r = 0; r < nref && ref == NULL; r++)
			if (has_algo(refs[r], a))
				ref = refs[r];
		printf("# group %s (%u random cases, reference %s)\n", group,
			kat_opt.iters, ref != NULL ? ref->name : "(none)");
		kat_tally_init_modes(te, dev, group, aut ? "generate" : "encrypt");
		kat_tally_init_modes(td, dev, group, aut ? "verify" : "decrypt");
		if (!has_algo(dev, a)) {
			kat_tally_skip_line_all(te, "algorithm not advertised by "
				"the device", true);
			kat_tally_skip_line_all(td, "algorithm not advertised by "
				"the device", true);
		} else if (ref == NULL) {
			/* not the device's fault: never a failure */
			kat_tally_skip_line_all(te, "no reference has the "
				"algorithm", false);
			kat_tally_skip_line_all(td, "no reference has the "
				"algorithm", false);
		} else {
			for (unsigned int ci = 0; ci < kat_opt.iters; ci++)
				run_case(a, ai, ci, dev, ref, te, td);
			snprintf(te[0].note, sizeof(te[0].note), "reference %s",
				ref->name);
			for (int m = 1; m < KAT_M_NUM; m++) {
				memcpy(te[m].note, te[0].note, sizeof(te[m].note));
				memcpy(td[m].note, te[0].note, sizeof(td[m].note));
			}
			memcpy(td[0].note, te[0].note, sizeof(td[0].note));
		}
		for (int m = 0; m < KAT_M_NUM; m++)
			kat_tap_emit(&te[m]);
		for (int m = 0; m < KAT_M_NUM; m++)
			kat_tap_emit(&td[m]);
	}
}
