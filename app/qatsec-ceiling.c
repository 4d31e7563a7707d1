/* SPDX-License-Identifier: BSD-3-Clause
 * qatsec-ceiling: the ceiling for the soft endpoints. Submits the
 * benchmark's operations straight to intel-ipsec-mb in a tight loop, with no
 * DPDK around it, through every API ipsec-mb offers for the cell (direct GCM,
 * ChaCha20-Poly1305, SNOW3G and ZUC APIs, burst job API, one job at a time,
 * cipher and hash burst APIs, the latter also with the cipher on the SSE
 * code path) and prints each one's rate and the best: what a PMD built
 * on ipsec-mb could reach at most on this core. (AES-XTS, which qatsec
 * serves with OpenSSL, has its own: qatsec-ceiling-evp.)
 *   qatsec-ceiling --cell CELL --size BYTES [--ms N] [--burst N] [--cpu N]
 *                  [--api NAME|all] [--arch auto|sse|avx|avx2|avx512] [--spin-cpu N]
 *                  [--buffers N]
 * --spin-cpu: a busy thread on that CPU while measuring, as crypto-perf's main
 * lcore (qatsec_ceiling.h). --buffers: the ops take their buffers in turn from
 * N (default: one per op of the burst), as crypto-perf's from its mbuf pool.
 * Cells (as devtools/bench.sh names them): aes-gcm-128-enc, aes-gcm-256-dec,
 * aes-cbc-128-sha1 (encrypt, then HMAC-SHA1 12-byte tag generated),
 * aes-cbc-256-sha256 (HMAC-SHA256 16-byte tag verified, then decrypt),
 * chacha20-poly1305 (encrypt), 3des-cbc-sha1 (24-byte key, encrypt, then
 * HMAC-SHA1 12-byte tag), aes-docsisbpi (AES-128, encrypt), snow3g-uea2-uia2
 * and zuc-eea3-eia3 (encrypt, then the 4-byte MAC of the ciphertext, regions
 * in bits as crypto-perf gives them). Work per op matches
 * dpdk-test-crypto-perf's: in place, one buffer per op of the burst, AAD 16
 * bytes, tag after the data.
 * Output, one line per API then the best:
 *   ceiling cell=C size=N api=A mops=M
 *   ceiling cell=C size=N api=best(A) mops=M
 */
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NO_COMPAT_IMB_API_053
#include <intel-ipsec-mb.h>

#include "qatsec_ceiling.h"

#define MAX_BURST	IMB_MAX_BURST_SIZE
#define MIN_U(a, b)	((a) < (b) ? (a) : (b))
#define AAD_LEN		16
#define TAG_MAX		32

enum kind { K_GCM, K_CBC_HMAC, K_CHACHA, K_DES3_HMAC, K_DOCSIS, K_SNOW3G,
	K_ZUC };

struct cell {
	const char *name;
	enum kind kind;
	unsigned int key_len;		/* AES / ChaCha key */
	bool encrypt;
	IMB_HASH_ALG hmac;		/* K_CBC_HMAC */
	unsigned int hmac_blk, hmac_full, tag_len;
};

static const struct cell cells[] = {
	{ "aes-gcm-128-enc", K_GCM, 16, true, 0, 0, 0, 16 },
	{ "aes-gcm-256-dec", K_GCM, 32, false, 0, 0, 0, 16 },
	{ "aes-cbc-128-sha1", K_CBC_HMAC, 16, true, IMB_AUTH_HMAC_SHA_1,
		64, 20, 12 },
	{ "aes-cbc-256-sha256", K_CBC_HMAC, 32, false, IMB_AUTH_HMAC_SHA_256,
		64, 32, 16 },
	{ "chacha20-poly1305", K_CHACHA, 32, true, 0, 0, 0, 16 },
	{ "3des-cbc-sha1", K_DES3_HMAC, 24, true, IMB_AUTH_HMAC_SHA_1,
		64, 20, 12 },
	{ "aes-docsisbpi", K_DOCSIS, 16, true, 0, 0, 0, 0 },
	{ "snow3g-uea2-uia2", K_SNOW3G, 16, true, 0, 0, 0, 4 },
	{ "zuc-eea3-eia3", K_ZUC, 16, true, 0, 0, 0, 4 },
};

/* Everything an op needs, by value, as a session would hold it. */
static struct {
	const struct cell *c;
	const char *arch;		/* ipsec-mb code path: auto, sse, ... */
	unsigned int size, burst;
	IMB_MGR *mgr;
	IMB_MGR *sse;			/* the SSE code path, for its AES-CBC */
	uint8_t *buf[MAX_BURST];	/* data, then the tag: this burst's */
	uint8_t **pool;			/* ... taken in turn from these */
	unsigned int npool, next;
	uint8_t iv[MAX_BURST][16];
	uint8_t aad[MAX_BURST][AAD_LEN];
	uint8_t tag[MAX_BURST][TAG_MAX];	/* verify: the computed tag */
	IMB_JOB jobs[MAX_BURST];	/* cipher/hash burst APIs */
	struct gcm_key_data gk __attribute__((aligned(64)));
	uint8_t enc[240] __attribute__((aligned(64)));
	uint8_t dec[240] __attribute__((aligned(64)));
	uint8_t ipad[64] __attribute__((aligned(64)));
	uint8_t opad[64] __attribute__((aligned(64)));
	uint8_t key[32] __attribute__((aligned(64)));
	uint64_t des_ks[3][16];		/* 3DES: the three schedules */
	const void *des_keys[3];	/* ... as the job takes them */
	snow3g_key_schedule_t snow3g;
	unsigned long mismatches;	/* verify: keeps the compare alive */
} b;

/* ------------------------------------------------------------ AES-GCM */

static void
gcm_direct(void)
{
	struct gcm_context_data ctx;
	aes_gcm_enc_dec_t fn;
	unsigned int i;

	if (b.c->encrypt)
		fn = b.c->key_len == 16 ? b.mgr->gcm128_enc : b.mgr->gcm256_enc;
	else
		fn = b.c->key_len == 16 ? b.mgr->gcm128_dec : b.mgr->gcm256_dec;
	for (i = 0; i < b.burst; i++) {
		uint8_t *tag = b.c->encrypt ? b.buf[i] + b.size : b.tag[i];

		fn(&b.gk, &ctx, b.buf[i], b.buf[i], b.size, b.iv[i], b.aad[i],
			AAD_LEN, tag, b.c->tag_len);
		if (!b.c->encrypt)
			b.mismatches += memcmp(tag, b.buf[i] + b.size,
				b.c->tag_len) != 0;
	}
}

/* The same through init, update and finalize (what crypto_aesni_gcm
 * calls).
 */
static void
gcm_iuf(void)
{
	struct gcm_context_data ctx;
	aes_gcm_init_t init = b.c->key_len == 16 ? b.mgr->gcm128_init :
		b.mgr->gcm256_init;
	aes_gcm_enc_dec_update_t upd;
	aes_gcm_enc_dec_finalize_t fin;
	unsigned int i;

	if (b.c->encrypt) {
		upd = b.c->key_len == 16 ? b.mgr->gcm128_enc_update :
			b.mgr->gcm256_enc_update;
		fin = b.c->key_len == 16 ? b.mgr->gcm128_enc_finalize :
			b.mgr->gcm256_enc_finalize;
	} else {
		upd = b.c->key_len == 16 ? b.mgr->gcm128_dec_update :
			b.mgr->gcm256_dec_update;
		fin = b.c->key_len == 16 ? b.mgr->gcm128_dec_finalize :
			b.mgr->gcm256_dec_finalize;
	}
	for (i = 0; i < b.burst; i++) {
		uint8_t *tag = b.c->encrypt ? b.buf[i] + b.size : b.tag[i];

		init(&b.gk, &ctx, b.iv[i], b.aad[i], AAD_LEN);
		upd(&b.gk, &ctx, b.buf[i], b.buf[i], b.size);
		fin(&b.gk, &ctx, tag, b.c->tag_len);
		if (!b.c->encrypt)
			b.mismatches += memcmp(tag, b.buf[i] + b.size,
				b.c->tag_len) != 0;
	}
}

/* ------------------------------------------------------- burst job API */

static void
job_fill(IMB_JOB *j, unsigned int i)
{
	const struct cell *c = b.c;

	j->src = b.buf[i];
	j->dst = b.buf[i];
	j->iv = b.iv[i];
	j->cipher_start_src_offset_in_bytes = 0;
	j->hash_start_src_offset_in_bytes = 0;
	j->msg_len_to_cipher_in_bytes = b.size;
	j->msg_len_to_hash_in_bytes = b.size;
	j->key_len_in_bytes = c->key_len;
	j->cipher_direction = c->encrypt ? IMB_DIR_ENCRYPT : IMB_DIR_DECRYPT;
	j->auth_tag_output_len_in_bytes = c->tag_len;
	j->auth_tag_output = c->encrypt ? b.buf[i] + b.size : b.tag[i];
	j->user_data = (void *)(uintptr_t)i;
	j->chain_order = c->encrypt ? IMB_ORDER_CIPHER_HASH :
		IMB_ORDER_HASH_CIPHER;
	switch (c->kind) {
	case K_GCM:
		j->enc_keys = &b.gk;
		j->dec_keys = &b.gk;
		j->iv_len_in_bytes = 12;
		j->cipher_mode = IMB_CIPHER_GCM;
		j->hash_alg = IMB_AUTH_AES_GMAC;
		j->u.GCM.aad = b.aad[i];
		j->u.GCM.aad_len_in_bytes = AAD_LEN;
		break;
	case K_CBC_HMAC:
		j->enc_keys = b.enc;
		j->dec_keys = b.dec;
		j->iv_len_in_bytes = 16;
		j->cipher_mode = IMB_CIPHER_CBC;
		j->hash_alg = c->hmac;
		j->u.HMAC._hashed_auth_key_xor_ipad = b.ipad;
		j->u.HMAC._hashed_auth_key_xor_opad = b.opad;
		break;
	case K_CHACHA:
		j->enc_keys = b.key;
		j->dec_keys = b.key;
		j->iv_len_in_bytes = 12;
		j->cipher_mode = IMB_CIPHER_CHACHA20_POLY1305;
		j->hash_alg = IMB_AUTH_CHACHA20_POLY1305;
		j->u.CHACHA20_POLY1305.aad = b.aad[i];
		j->u.CHACHA20_POLY1305.aad_len_in_bytes = AAD_LEN;
		j->u.CHACHA20_POLY1305.ctx = NULL;
		break;
	case K_DES3_HMAC:
		j->enc_keys = b.des_keys;
		j->dec_keys = b.des_keys;
		j->iv_len_in_bytes = 8;
		j->cipher_mode = IMB_CIPHER_DES3;
		j->hash_alg = c->hmac;
		j->u.HMAC._hashed_auth_key_xor_ipad = b.ipad;
		j->u.HMAC._hashed_auth_key_xor_opad = b.opad;
		break;
	case K_DOCSIS:
		j->enc_keys = b.enc;
		j->dec_keys = b.dec;
		j->iv_len_in_bytes = 16;
		j->cipher_mode = IMB_CIPHER_DOCSIS_SEC_BPI;
		j->hash_alg = IMB_AUTH_NULL;
		j->auth_tag_output = b.tag[i];
		break;
	case K_SNOW3G:
		j->enc_keys = &b.snow3g;
		j->dec_keys = &b.snow3g;
		j->iv_len_in_bytes = 16;
		j->cipher_mode = IMB_CIPHER_SNOW3G_UEA2_BITLEN;
		j->cipher_start_src_offset_in_bits = 0;
		j->msg_len_to_cipher_in_bits = (uint64_t)b.size * 8;
		j->hash_alg = IMB_AUTH_SNOW3G_UIA2_BITLEN;
		j->msg_len_to_hash_in_bits = (uint64_t)b.size * 8;
		j->u.SNOW3G_UIA2._key = &b.snow3g;
		j->u.SNOW3G_UIA2._iv = b.aad[i];	/* the auth IV */
		break;
	case K_ZUC:
		j->enc_keys = b.key;
		j->dec_keys = b.key;
		j->iv_len_in_bytes = 16;
		j->cipher_mode = IMB_CIPHER_ZUC_EEA3;
		j->hash_alg = IMB_AUTH_ZUC_EIA3_BITLEN;
		j->msg_len_to_hash_in_bits = (uint64_t)b.size * 8;
		j->u.ZUC_EIA3._key = b.key;
		j->u.ZUC_EIA3._iv = b.aad[i];		/* the auth IV */
		j->u.ZUC_EIA3._iv23 = NULL;
		break;
	}
}

static void
job_done(const IMB_JOB *j)
{
	unsigned int i = (uintptr_t)j->user_data;

	if (!b.c->encrypt)
		b.mismatches += memcmp(b.tag[i], b.buf[i] + b.size,
			b.c->tag_len) != 0;
	if (j->status != IMB_STATUS_COMPLETED)
		b.mismatches++;
}

/* What qatsec's soft endpoint did first: a burst, then flush it. */
static void
job_burst(bool check)
{
	IMB_JOB *jobs[MAX_BURST];
	uint32_t n, done, k;

	n = IMB_GET_NEXT_BURST(b.mgr, b.burst, jobs);
	for (k = 0; k < n; k++)
		job_fill(jobs[k], k);
	done = check ? IMB_SUBMIT_BURST(b.mgr, n, jobs) :
		IMB_SUBMIT_BURST_NOCHECK(b.mgr, n, jobs);
	for (k = 0; k < done; k++)
		job_done(jobs[k]);
	while (done < n) {
		uint32_t f = IMB_FLUSH_BURST(b.mgr, n - done, jobs);

		for (k = 0; k < f; k++)
			job_done(jobs[k]);
		done += f;
	}
}

static void job_burst_check(void) { job_burst(true); }
static void job_burst_nocheck(void) { job_burst(false); }

/* What crypto_aesni_mb does: one job at a time, lanes left filled between
 * bursts (flushed only when nothing completes).
 */
static void
job_single(bool check)
{
	IMB_JOB *j;
	unsigned int i, got = 0;

	for (i = 0; i < b.burst; i++) {
		j = IMB_GET_NEXT_JOB(b.mgr);
		job_fill(j, i);
		j = check ? IMB_SUBMIT_JOB(b.mgr) : IMB_SUBMIT_JOB_NOCHECK(b.mgr);
		while (j != NULL) {
			job_done(j);
			got++;
			j = IMB_GET_COMPLETED_JOB(b.mgr);
		}
	}
	(void)got;
}

static void job_single_check(void) { job_single(true); }
static void job_single_nocheck(void) { job_single(false); }
static void job_single_drain(void);
static void job_single_nocheck_flush(void) { job_single(false); job_single_drain(); }

static void
job_single_drain(void)
{
	IMB_JOB *j;

	while ((j = IMB_FLUSH_JOB(b.mgr)) != NULL)
		job_done(j);
}

/* ------------------------------------------- cipher and hash burst APIs */

static bool cipher_hash_ok = true;

/* cm: the manager doing the cipher (the hash always runs on b.mgr). */
static void
cipher_hash_burst(bool check, IMB_MGR *cm)
{
	const struct cell *c = b.c;
	IMB_KEY_SIZE_BYTES ks = c->key_len == 16 ? IMB_KEY_128_BYTES :
		IMB_KEY_256_BYTES;
	unsigned int i, n = b.burst;
	uint32_t done;

	for (i = 0; i < n; i++)
		job_fill(&b.jobs[i], i);
	if (c->encrypt) {
		done = check ? IMB_SUBMIT_CIPHER_BURST(cm, b.jobs, n,
				IMB_CIPHER_CBC, IMB_DIR_ENCRYPT, ks) :
			IMB_SUBMIT_CIPHER_BURST_NOCHECK(cm, b.jobs, n,
				IMB_CIPHER_CBC, IMB_DIR_ENCRYPT, ks);
		done += check ? IMB_SUBMIT_HASH_BURST(b.mgr, b.jobs, n, c->hmac) :
			IMB_SUBMIT_HASH_BURST_NOCHECK(b.mgr, b.jobs, n, c->hmac);
	} else {
		done = check ? IMB_SUBMIT_HASH_BURST(b.mgr, b.jobs, n, c->hmac) :
			IMB_SUBMIT_HASH_BURST_NOCHECK(b.mgr, b.jobs, n, c->hmac);
		for (i = 0; i < n; i++)
			job_done(&b.jobs[i]);
		done += check ? IMB_SUBMIT_CIPHER_BURST(cm, b.jobs, n,
				IMB_CIPHER_CBC, IMB_DIR_DECRYPT, ks) :
			IMB_SUBMIT_CIPHER_BURST_NOCHECK(cm, b.jobs, n,
				IMB_CIPHER_CBC, IMB_DIR_DECRYPT, ks);
	}
	if (done != 2 * n)
		cipher_hash_ok = false;
}

static void cipher_hash_check(void) { cipher_hash_burst(true, b.mgr); }
static void cipher_hash_nocheck(void) { cipher_hash_burst(false, b.mgr); }
/* The cipher on the SSE code path, the hash on b.mgr's (qatsec does this
 * for short encryptions): b.sse is b.mgr when that is the SSE path.
 */
static void cipher_sse_hash_nocheck(void) { cipher_hash_burst(false, b.sse); }

/* AES DOCSIS BPI of whole blocks is AES-CBC: the cipher burst API, on
 * cm's code path (what qatsec does).
 */
static void
docsis_cbc_burst(IMB_MGR *cm)
{
	unsigned int i;

	for (i = 0; i < b.burst; i++)
		job_fill(&b.jobs[i], i);
	if (IMB_SUBMIT_CIPHER_BURST_NOCHECK(cm, b.jobs, b.burst, IMB_CIPHER_CBC,
			IMB_DIR_ENCRYPT, IMB_KEY_128_BYTES) != b.burst)
		cipher_hash_ok = false;
}

static void docsis_cbc(void) { docsis_cbc_burst(b.mgr); }
static void docsis_cbc_sse(void) { docsis_cbc_burst(b.sse); }

/* --------------------------------------------- direct ChaCha20-Poly1305 */

static void
chacha_direct(void)
{
	struct chacha20_poly1305_context_data ctx;
	unsigned int i;

	for (i = 0; i < b.burst; i++) {
		IMB_CHACHA20_POLY1305_INIT(b.mgr, b.key, &ctx, b.iv[i], b.aad[i],
			AAD_LEN);
		IMB_CHACHA20_POLY1305_ENC_UPDATE(b.mgr, b.key, &ctx, b.buf[i],
			b.buf[i], b.size);
		IMB_CHACHA20_POLY1305_ENC_FINALIZE(b.mgr, &ctx,
			b.buf[i] + b.size, b.c->tag_len);
	}
}

/* ------------------------------------------------ direct SNOW3G and ZUC */

/* One call per op for each half (what crypto_snow3g does for UIA2). */
static void
snow3g_direct(void)
{
	unsigned int i;

	for (i = 0; i < b.burst; i++) {
		IMB_SNOW3G_F8_1_BUFFER_BIT(b.mgr, &b.snow3g, b.iv[i], b.buf[i],
			b.buf[i], b.size * 8, 0);
		IMB_SNOW3G_F9_1_BUFFER(b.mgr, &b.snow3g, b.aad[i], b.buf[i],
			(uint64_t)b.size * 8, b.buf[i] + b.size);
	}
}

/* The cipher over the whole burst in one multi-buffer call, then UIA2 per
 * op (ipsec-mb has no multi-buffer UIA2 outside the job API).
 */
static void
snow3g_f8n_f9(void)
{
	const void *iv[MAX_BURST], *src[MAX_BURST];
	void *dst[MAX_BURST];
	uint32_t len[MAX_BURST];
	unsigned int i;

	for (i = 0; i < b.burst; i++) {
		iv[i] = b.iv[i];
		src[i] = b.buf[i];
		dst[i] = b.buf[i];
		len[i] = b.size;
	}
	/* ipsec-mb 1.3 takes at most 16 buffers a call. */
	for (i = 0; i < b.burst; i += 16)
		IMB_SNOW3G_F8_N_BUFFER(b.mgr, &b.snow3g, iv + i, src + i, dst + i,
			len + i, MIN_U(b.burst - i, 16u));
	for (i = 0; i < b.burst; i++)
		IMB_SNOW3G_F9_1_BUFFER(b.mgr, &b.snow3g, b.aad[i], b.buf[i],
			(uint64_t)b.size * 8, b.buf[i] + b.size);
}

static void
zuc_direct(void)
{
	unsigned int i;

	for (i = 0; i < b.burst; i++) {
		IMB_ZUC_EEA3_1_BUFFER(b.mgr, b.key, b.iv[i], b.buf[i], b.buf[i],
			b.size);
		IMB_ZUC_EIA3_1_BUFFER(b.mgr, b.key, b.aad[i], b.buf[i],
			b.size * 8, (uint32_t *)(b.buf[i] + b.size));
	}
}

/* Both halves over the whole burst, one multi-buffer call each (what
 * crypto_zuc does).
 */
static void
zuc_n_buffer(void)
{
	const void *key[MAX_BURST], *iv[MAX_BURST], *aiv[MAX_BURST];
	const void *src[MAX_BURST];
	void *dst[MAX_BURST];
	uint32_t len[MAX_BURST], bits[MAX_BURST], *tag[MAX_BURST];
	unsigned int i;

	for (i = 0; i < b.burst; i++) {
		key[i] = b.key;
		iv[i] = b.iv[i];
		aiv[i] = b.aad[i];
		src[i] = b.buf[i];
		dst[i] = b.buf[i];
		len[i] = b.size;
		bits[i] = b.size * 8;
		tag[i] = (uint32_t *)(b.buf[i] + b.size);
	}
	IMB_ZUC_EEA3_N_BUFFER(b.mgr, key, iv, src, dst, len, b.burst);
	IMB_ZUC_EIA3_N_BUFFER(b.mgr, key, aiv, src, bits, tag, b.burst);
}

/* ---------------------------------------------------------------- main */

struct api {
	const char *name;
	enum kind kind;			/* which cells it serves */
	int any;			/* 1: every kind */
	void (*burst)(void);
	void (*drain)(void);
};

static const struct api apis[] = {
	{ "gcm-direct", K_GCM, 0, gcm_direct, NULL },
	{ "gcm-init-update-final", K_GCM, 0, gcm_iuf, NULL },
	{ "chacha-direct", K_CHACHA, 0, chacha_direct, NULL },
	{ "snow3g-direct", K_SNOW3G, 0, snow3g_direct, NULL },
	{ "snow3g-f8n+f9", K_SNOW3G, 0, snow3g_f8n_f9, NULL },
	{ "zuc-direct", K_ZUC, 0, zuc_direct, NULL },
	{ "zuc-n-buffer", K_ZUC, 0, zuc_n_buffer, NULL },
	{ "job-burst", 0, 1, job_burst_check, NULL },
	{ "job-burst-nocheck", 0, 1, job_burst_nocheck, NULL },
	{ "job-single", 0, 1, job_single_check, job_single_drain },
	{ "job-single-nocheck", 0, 1, job_single_nocheck, job_single_drain },
	{ "job-single-nocheck-flush", 0, 1, job_single_nocheck_flush, NULL },
	{ "cipher+hash-burst", K_CBC_HMAC, 0, cipher_hash_check, NULL },
	{ "cipher+hash-burst-nocheck", K_CBC_HMAC, 0, cipher_hash_nocheck, NULL },
	{ "cbc-cipher-burst-nocheck", K_DOCSIS, 0, docsis_cbc, NULL },
	{ "cbc-sse-cipher-burst-nocheck", K_DOCSIS, 0, docsis_cbc_sse, NULL },
	{ "cipher-sse+hash-burst-nocheck", K_CBC_HMAC, 0,
		cipher_sse_hash_nocheck, NULL },
};

static void
hmac_pads(void)
{
	uint8_t k[64], pad[64];
	unsigned int i;

	for (i = 0; i < sizeof(k); i++)
		k[i] = (uint8_t)(0xa5 ^ i);
	for (i = 0; i < 64; i++)
		pad[i] = k[i] ^ 0x36;
	if (b.c->hmac == IMB_AUTH_HMAC_SHA_1)
		IMB_SHA1_ONE_BLOCK(b.mgr, pad, b.ipad);
	else
		IMB_SHA256_ONE_BLOCK(b.mgr, pad, b.ipad);
	for (i = 0; i < 64; i++)
		pad[i] = k[i] ^ 0x5c;
	if (b.c->hmac == IMB_AUTH_HMAC_SHA_1)
		IMB_SHA1_ONE_BLOCK(b.mgr, pad, b.opad);
	else
		IMB_SHA256_ONE_BLOCK(b.mgr, pad, b.opad);
}

static int
setup(void)
{
	unsigned int i;

	b.mgr = alloc_mb_mgr(0);
	if (b.mgr == NULL)
		return -1;
	if (strcmp(b.arch, "sse") == 0)
		init_mb_mgr_sse(b.mgr);
	else if (strcmp(b.arch, "avx") == 0)
		init_mb_mgr_avx(b.mgr);
	else if (strcmp(b.arch, "avx2") == 0)
		init_mb_mgr_avx2(b.mgr);
	else if (strcmp(b.arch, "avx512") == 0)
		init_mb_mgr_avx512(b.mgr);
	else
		init_mb_mgr_auto(b.mgr, NULL);
	if (imb_get_errno(b.mgr) != 0)
		return -1;
	b.sse = b.mgr;
	if (b.mgr->used_arch != IMB_ARCH_SSE) {
		b.sse = alloc_mb_mgr(0);
		if (b.sse == NULL)
			return -1;
		init_mb_mgr_sse(b.sse);
		if (imb_get_errno(b.sse) != 0)
			return -1;
	}
	for (i = 0; i < sizeof(b.key); i++)
		b.key[i] = (uint8_t)(i * 7 + 1);
	b.pool = qatsec_ceiling_pool(b.npool, b.size + TAG_MAX);
	if (b.pool == NULL)
		return -1;
	for (i = 0; i < b.burst; i++) {
		memset(b.iv[i], (int)(i + 1), sizeof(b.iv[i]));
		memset(b.aad[i], (int)(i + 2), sizeof(b.aad[i]));
	}
	if (b.c->kind == K_GCM) {
		if (b.c->key_len == 16)
			IMB_AES128_GCM_PRE(b.mgr, b.key, &b.gk);
		else
			IMB_AES256_GCM_PRE(b.mgr, b.key, &b.gk);
	} else if (b.c->kind == K_CBC_HMAC || b.c->kind == K_DOCSIS) {
		if (b.c->key_len == 16)
			IMB_AES_KEYEXP_128(b.mgr, b.key, b.enc, b.dec);
		else
			IMB_AES_KEYEXP_256(b.mgr, b.key, b.enc, b.dec);
		if (b.c->kind == K_CBC_HMAC)
			hmac_pads();
	} else if (b.c->kind == K_DES3_HMAC) {
		for (i = 0; i < 3; i++) {
			IMB_DES_KEYSCHED(b.mgr, b.des_ks[i], b.key + 8 * i);
			b.des_keys[i] = b.des_ks[i];
		}
		hmac_pads();
	} else if (b.c->kind == K_SNOW3G) {
		if (IMB_SNOW3G_INIT_KEY_SCHED(b.mgr, b.key, &b.snow3g) != 0)
			return -1;
	}
	return 0;
}

static void
next_buffers(void)
{
	qatsec_ceiling_next(b.buf, b.burst, b.pool, b.npool, &b.next);
}

static double
measure(const struct api *a, unsigned int ms)
{
	return qatsec_ceiling_measure(next_buffers, a->burst, a->drain, b.burst,
		b.npool, ms);
}

static void
usage(FILE *f)
{
	unsigned int i;

	fprintf(f, "usage: qatsec-ceiling --cell CELL --size BYTES [--ms N] [--burst N] [--cpu N] [--spin-cpu N]\n"
		"                      [--buffers N]\n"
		"                      [--api NAME|all] [--arch auto|sse|avx|avx2|avx512]\n"
		"The intel-ipsec-mb ceiling of one cell on one core (no DPDK): Mops/s of\n"
		"the fastest API. --help, --version.\ncells:");
	for (i = 0; i < sizeof(cells) / sizeof(cells[0]); i++)
		fprintf(f, " %s", cells[i].name);
	fprintf(f, "\napis:");
	for (i = 0; i < sizeof(apis) / sizeof(apis[0]); i++)
		fprintf(f, " %s", apis[i].name);
	fprintf(f, "\n");
}

int
main(int argc, char **argv)
{
	struct qatsec_ceiling_opts o;
	const char *best_name = "none";
	double best = 0, r;
	unsigned int i;

	if (qatsec_ceiling_parse(argc, argv, "qatsec-ceiling", usage, true, &o) != 0)
		return 2;
	for (i = 0; i < sizeof(cells) / sizeof(cells[0]); i++)
		if (strcmp(cells[i].name, o.cell) == 0)
			b.c = &cells[i];
	b.size = o.size;
	b.burst = o.burst;
	b.npool = o.npool;
	b.arch = o.arch;
	if (b.c == NULL || b.burst > MAX_BURST ||
			(b.c->kind == K_CBC_HMAC && b.size % 16 != 0) ||
			(b.c->kind == K_DES3_HMAC && b.size % 8 != 0)) {
		usage(stderr);
		return 2;
	}
	if (qatsec_ceiling_pin(o.cpu) != 0)
		return 1;
	if (setup() != 0) {
		fprintf(stderr, "qatsec-ceiling: ipsec-mb manager setup failed\n");
		return 1;
	}
	if (qatsec_spin_start(o.spin_cpu) != 0)
		return 1;
	for (i = 0; i < sizeof(apis) / sizeof(apis[0]); i++) {
		const struct api *a = &apis[i];

		if ((!a->any && a->kind != b.c->kind) ||
				(strcmp(o.api, "all") != 0 &&
				strcmp(o.api, a->name) != 0))
			continue;
		/* The CBC burst serves whole blocks only. */
		if (a->burst == docsis_cbc || a->burst == docsis_cbc_sse) {
			if (b.size % 16 != 0)
				continue;
		}
		cipher_hash_ok = true;
		r = measure(a, o.ms);
		if (!cipher_hash_ok) {
			printf("ceiling cell=%s size=%u api=%s mops=unsupported\n",
				b.c->name, b.size, a->name);
			continue;
		}
		printf("ceiling cell=%s size=%u api=%s mops=%.3f\n", b.c->name,
			b.size, a->name, r);
		if (r > best) {
			best = r;
			best_name = a->name;
		}
	}
	qatsec_spin_end();
	printf("ceiling cell=%s size=%u api=best(%s) mops=%.3f arch=%s\n",
		b.c->name, b.size, best_name, best,
		b.mgr->used_arch == IMB_ARCH_AVX512 ? "avx512" :
		b.mgr->used_arch == IMB_ARCH_AVX2 ? "avx2" :
		b.mgr->used_arch == IMB_ARCH_AVX ? "avx" : "sse");
	free_mb_mgr(b.mgr);
	return 0;
}
