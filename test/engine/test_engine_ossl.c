/* SPDX-License-Identifier: BSD-3-Clause
 * The openssl_sym engine by direct calls (before the PMD routes sessions to
 * it): NIST CAVP known answers from Debian's python3-cryptography-vectors
 * (AES-XTS 128/256, SHA3-224..512, SM3, SM4-ECB/CBC/CTR, AES-CCM 128/192/256)
 * in six buffer modes, HMAC-SHA3 against its RFC 2104 definition over the
 * engine's NIST-checked SHA3, cipher + HMAC chains against their parts.
 * Refusals and hostile ops: engine_refuse.c, engine_fuzz.c. TAP on stdout.
 * Usage: test_engine_ossl <EAL args> -- <cryptography_vectors dir>
 *        [--dev <cryptodev name prefix> [--ref <name>]]: the same vectors
 *        through the PMD (session routing, enqueue/dequeue) instead of
 *        direct calls, and AES-CCM differentially against the reference.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine_kv.h"
#include "engine_test.h"

static const char *vdir;
static uint8_t scratch[ET_LEN_MAX];

/* Per family and mode: vectors run, failed. */
struct et_tally {
	unsigned int run[6], bad[6];
};

static void
et_report(const char *what, const struct et_tally *t)
{
	unsigned int i;

	for (i = 0; i < 6; i++)
		et_ok(t->run[i] != 0 && t->bad[i] == 0,
			"%s %s: %u vectors, %u failed", what,
			et_modes[i].name, t->run[i], t->bad[i]);
}

static struct kv_file *
et_open(const char *rel, const char *starter)
{
	char path[512];
	struct kv_file *k;

	snprintf(path, sizeof(path), "%s/%s", vdir, rel);
	k = kv_open(path, starter);
	if (k == NULL)
		et_ok(false, "open %s", path);
	return k;
}

/* ---- hashes: SHA3 (ShortMsg, LongMsg), SM3 */

/* Generate, verify, and a forged digest refused, in mode m. */
static bool
et_hash_one(struct rte_crypto_sym_xform *xf, struct et_job *j,
		const uint8_t *md, const struct et_mode *m)
{
	unsigned int dlen = xf->auth.digest_length;
	uint8_t st;

	xf->auth.op = RTE_CRYPTO_AUTH_OP_GENERATE;
	memset(j->digest, 0, dlen);
	st = et_run(j, m, scratch);
	if (st != RTE_CRYPTO_OP_STATUS_SUCCESS || memcmp(j->digest, md, dlen))
		return false;
	xf->auth.op = RTE_CRYPTO_AUTH_OP_VERIFY;
	if (et_run(j, m, scratch) != RTE_CRYPTO_OP_STATUS_SUCCESS)
		return false;
	j->digest[et_rand() % dlen] ^= 1 << (et_rand() % 8);
	return et_run(j, m, scratch) == RTE_CRYPTO_OP_STATUS_AUTH_FAILED;
}

static void
et_hash_file(const char *rel, enum rte_crypto_auth_algorithm alg,
		unsigned int dlen, struct et_tally *t)
{
	static uint8_t msg[ET_LEN_MAX];
	struct rte_crypto_sym_xform xf = { .type = RTE_CRYPTO_SYM_XFORM_AUTH };
	struct kv_file *k = et_open(rel, "Len");
	uint8_t md[64], dig[64];
	struct et_job j = { .xf = &xf, .in = msg, .digest = dig };
	unsigned int i;
	long bits;

	if (k == NULL)
		return;
	xf.auth.algo = alg;
	xf.auth.digest_length = dlen;
	while (kv_next(k)) {
		bits = kv_num(k, "Len");
		if (bits < 0 || bits % 8 != 0 || bits / 8 > ET_LEN_MAX ||
				kv_hex(k, "Msg", msg, sizeof(msg)) < 0 ||
				kv_hex(k, "MD", md, sizeof(md)) != (long)dlen)
			continue;
		j.len = bits / 8;
		for (i = 0; i < 6; i++) {
			t->run[i]++;
			if (!et_hash_one(&xf, &j, md, &et_modes[i]))
				t->bad[i]++;
		}
	}
	kv_close(k);
}

static void
et_hashes(void)
{
	static const struct {
		const char *name;
		enum rte_crypto_auth_algorithm alg;
		unsigned int dlen;
	} h[] = {
		{ "SHA3_224", RTE_CRYPTO_AUTH_SHA3_224, 28 },
		{ "SHA3_256", RTE_CRYPTO_AUTH_SHA3_256, 32 },
		{ "SHA3_384", RTE_CRYPTO_AUTH_SHA3_384, 48 },
		{ "SHA3_512", RTE_CRYPTO_AUTH_SHA3_512, 64 },
	};
	struct et_tally t;
	char rel[128], what[64];
	unsigned int i;

	for (i = 0; i < RTE_DIM(h); i++) {
		memset(&t, 0, sizeof(t));
		snprintf(rel, sizeof(rel), "hashes/SHA3/%sShortMsg.rsp", h[i].name);
		et_hash_file(rel, h[i].alg, h[i].dlen, &t);
		snprintf(rel, sizeof(rel), "hashes/SHA3/%sLongMsg.rsp", h[i].name);
		et_hash_file(rel, h[i].alg, h[i].dlen, &t);
		snprintf(what, sizeof(what), "%s Short+LongMsg", h[i].name);
		et_report(what, &t);
	}
	memset(&t, 0, sizeof(t));
	et_hash_file("hashes/SM3/oscca.txt", RTE_CRYPTO_AUTH_SM3, 32, &t);
	et_report("SM3 oscca", &t);
}

/* ---- ciphers: one direction per record, the file's section saying which */
static bool
et_cipher_one(struct rte_crypto_sym_xform *xf, const uint8_t *in,
		const uint8_t *exp, uint32_t len, const uint8_t *iv,
		const struct et_mode *m)
{
	struct et_job j = { .xf = xf, .in = in, .len = len, .iv = iv,
		.iv_len = xf->cipher.iv.length };

	return et_run(&j, m, scratch) == RTE_CRYPTO_OP_STATUS_SUCCESS &&
		memcmp(scratch, exp, len) == 0;
}

/* Records of rel: key field, IV field (NULL: none; "#seq": the XTS data
 * unit sequence number as a little-endian tweak), plaintext and
 * ciphertext fields; both directions are run on every record.
 */
static void
et_cipher_file(const char *rel, enum rte_crypto_cipher_algorithm alg,
		const char *kf, const char *ivf, const char *ptf, const char *ctf,
		struct et_tally *t)
{
	static uint8_t pt[ET_LEN_MAX], ct[ET_LEN_MAX];
	struct rte_crypto_sym_xform xf = { .type = RTE_CRYPTO_SYM_XFORM_CIPHER };
	struct kv_file *k = et_open(rel, "COUNT");
	uint8_t key[64], iv[16];
	long kl, pl, ivl = 0, du;
	unsigned int i;

	if (k == NULL)
		return;
	xf.cipher.algo = alg;
	xf.cipher.key.data = key;
	xf.cipher.iv.offset = ET_IV_OFFSET;
	while (kv_next(k)) {
		du = kv_num(k, "DataUnitLen");
		if (du >= 0 && du % 8 != 0)
			continue;	/* not whole bytes: DPDK cannot say it */
		kl = kv_hex(k, kf, key, sizeof(key));
		pl = kv_hex(k, ptf, pt, sizeof(pt));
		if (kl <= 0 || pl < 0 || kv_hex(k, ctf, ct, sizeof(ct)) != pl)
			continue;
		if (ivf != NULL && strcmp(ivf, "#seq") == 0) {
			unsigned long long seq = kv_num(k, "DataUnitSeqNumber");

			memset(iv, 0, sizeof(iv));
			for (i = 0; i < 8; i++)
				iv[i] = (uint8_t)(seq >> (8 * i));
			ivl = 16;
		} else if (ivf != NULL) {
			ivl = kv_hex(k, ivf, iv, sizeof(iv));
		}
		xf.cipher.key.length = kl;
		xf.cipher.iv.length = ivl;
		for (i = 0; i < 6; i++) {
			t->run[i]++;
			xf.cipher.op = RTE_CRYPTO_CIPHER_OP_ENCRYPT;
			if (!et_cipher_one(&xf, pt, ct, pl, iv, &et_modes[i])) {
				t->bad[i]++;
				continue;
			}
			xf.cipher.op = RTE_CRYPTO_CIPHER_OP_DECRYPT;
			if (!et_cipher_one(&xf, ct, pt, pl, iv, &et_modes[i]))
				t->bad[i]++;
		}
	}
	kv_close(k);
}

static void
et_ciphers(void)
{
	static const char *const xts[] = {
		"ciphers/AES/XTS/tweak-128hexstr/XTSGenAES128.rsp",
		"ciphers/AES/XTS/tweak-128hexstr/XTSGenAES256.rsp",
		"ciphers/AES/XTS/tweak-dataunitseqno/XTSGenAES128.rsp",
		"ciphers/AES/XTS/tweak-dataunitseqno/XTSGenAES256.rsp",
	};
	static const struct {
		const char *file, *what;
		enum rte_crypto_cipher_algorithm alg;
		const char *ivf;
	} sm4[] = {
		{ "draft-ribose-cfrg-sm4-10-ecb.txt", "SM4-ECB",
			RTE_CRYPTO_CIPHER_SM4_ECB, NULL },
		{ "draft-ribose-cfrg-sm4-10-cbc.txt", "SM4-CBC",
			RTE_CRYPTO_CIPHER_SM4_CBC, "IV" },
		{ "draft-ribose-cfrg-sm4-10-ctr.txt", "SM4-CTR",
			RTE_CRYPTO_CIPHER_SM4_CTR, "IV" },
	};
	struct et_tally t;
	char rel[128];
	unsigned int i;

	for (i = 0; i < RTE_DIM(xts); i++) {
		memset(&t, 0, sizeof(t));
		et_cipher_file(xts[i], RTE_CRYPTO_CIPHER_AES_XTS, "Key",
			i < 2 ? "i" : "#seq", "PT", "CT", &t);
		et_report(xts[i] + strlen("ciphers/AES/XTS/"), &t);
	}
	for (i = 0; i < RTE_DIM(sm4); i++) {
		memset(&t, 0, sizeof(t));
		snprintf(rel, sizeof(rel), "ciphers/SM4/%s", sm4[i].file);
		et_cipher_file(rel, sm4[i].alg, "KEY", sm4[i].ivf, "PLAINTEXT",
			"CIPHERTEXT", &t);
		et_report(sm4[i].what, &t);
	}
}

/* ---- AES-CCM: encrypt records (VADT/VNT/VPT/VTT) and decrypt-verify
 * records with Pass/Fail (DVPT).
 */
static bool
et_ccm_one(const struct kv_file *k, long klen, const struct et_mode *m)
{
	static uint8_t pt[ET_LEN_MAX], ct[ET_LEN_MAX + 16], aad[65536];
	struct rte_crypto_sym_xform xf = { .type = RTE_CRYPTO_SYM_XFORM_AEAD };
	long plen = kv_num(k, "Plen"), tlen = kv_num(k, "Tlen");
	long alen = kv_num(k, "Alen"), nlen = kv_num(k, "Nlen");
	const char *res = kv_get(k, "Result");
	uint8_t key[32], nonce[16], tag[16];
	struct et_job j = { .xf = &xf, .aead = true, .aad = aad,
		.iv = nonce, .digest = tag };
	bool fail = res != NULL && strncasecmp(res, "Fail", 4) == 0;
	uint8_t st;

	if (kv_hex(k, "Key", key, sizeof(key)) != klen ||
			kv_hex(k, "Nonce", nonce, sizeof(nonce)) != nlen ||
			kv_hex(k, "Adata", aad, sizeof(aad)) < alen ||
			kv_hex(k, "CT", ct, sizeof(ct)) != plen + tlen ||
			(!fail && kv_hex(k, "Payload", pt, sizeof(pt)) < plen))
		return false;
	xf.aead.algo = RTE_CRYPTO_AEAD_AES_CCM;
	xf.aead.key.data = key;
	xf.aead.key.length = klen;
	xf.aead.iv.offset = ET_IV_OFFSET;
	xf.aead.iv.length = nlen;
	xf.aead.digest_length = tlen;
	xf.aead.aad_length = alen;
	j.iv_len = nlen;
	j.aad_len = alen;
	if (!fail) {
		xf.aead.op = RTE_CRYPTO_AEAD_OP_ENCRYPT;
		j.in = pt;
		j.len = plen;
		st = et_run(&j, m, scratch);
		if (st != RTE_CRYPTO_OP_STATUS_SUCCESS ||
				memcmp(scratch, ct, plen) != 0 ||
				memcmp(tag, ct + plen, tlen) != 0)
			return false;
	}
	xf.aead.op = RTE_CRYPTO_AEAD_OP_DECRYPT;
	j.in = ct;
	j.len = plen;
	memcpy(tag, ct + plen, tlen);
	st = et_run(&j, m, scratch);
	if (fail)
		return st == RTE_CRYPTO_OP_STATUS_AUTH_FAILED;
	return st == RTE_CRYPTO_OP_STATUS_SUCCESS &&
		memcmp(scratch, pt, plen) == 0;
}

static void
et_ccm(void)
{
	static const char *const kinds[] = { "DVPT", "VADT", "VNT", "VPT", "VTT" };
	static const int bits[] = { 128, 192, 256 };
	struct kv_file *k;
	struct et_tally t;
	char rel[128], what[64];
	unsigned int b, i, m;

	for (b = 0; b < RTE_DIM(bits); b++) {
		memset(&t, 0, sizeof(t));
		for (i = 0; i < RTE_DIM(kinds); i++) {
			snprintf(rel, sizeof(rel), "ciphers/AES/CCM/%s%d.rsp",
				kinds[i], bits[b]);
			k = et_open(rel, "Count");
			if (k == NULL)
				continue;
			while (kv_next(k))
				for (m = 0; m < 6; m++) {
					t.run[m]++;
					if (et_ccm_one(k, bits[b] / 8, &et_modes[m]))
						continue;
					t.bad[m]++;
					if (getenv("ET_DEBUG") != NULL)
						printf("# %s Count %s Alen %s Plen %s Nlen %s Tlen %s\n",
							rel, kv_get(k, "Count"), kv_get(k, "Alen"),
							kv_get(k, "Plen"), kv_get(k, "Nlen"), kv_get(k, "Tlen"));
				}
			kv_close(k);
		}
		snprintf(what, sizeof(what), "AES-%d-CCM DVPT+VADT+VNT+VPT+VTT",
			bits[b]);
		et_report(what, &t);
	}
}

/* ---- AES-CCM differential against the reference device (crypto_openssl):
 * random keys, nonce, tag and AAD sizes (AAD past ipsec-mb's 46 too) and
 * lengths; the same ciphertext and tag, and each side opens the other's.
 */
static void
et_ccm_diff(void)
{
	static uint8_t pt[1600], ct[2][1600], aad[400];
	struct rte_crypto_sym_xform xf = { .type = RTE_CRYPTO_SYM_XFORM_AEAD };
	uint8_t key[32], nonce[13], tag[2][16];
	struct et_job j = { .xf = &xf, .aead = true, .aad = aad, .iv = nonce };
	unsigned int i, n, m, side, bad = 0, runs = 0;

	xf.aead.algo = RTE_CRYPTO_AEAD_AES_CCM;
	xf.aead.key.data = key;
	xf.aead.iv.offset = ET_IV_OFFSET;
	for (i = 0; i < 300; i++) {
		for (n = 0; n < sizeof(key); n++)
			key[n] = (uint8_t)et_rand();
		for (n = 0; n < sizeof(nonce); n++)
			nonce[n] = (uint8_t)et_rand();
		xf.aead.key.length = 16 + 8 * (et_rand() % 3);
		xf.aead.iv.length = j.iv_len = 7 + et_rand() % 7;
		xf.aead.digest_length = 4 + 2 * (et_rand() % 7);
		xf.aead.aad_length = j.aad_len = et_rand() % 4 == 0 ?
			47 + et_rand() % 300 : et_rand() % 47;
		j.len = et_rand() % sizeof(pt);
		for (n = 0; n < j.len; n++)
			pt[n] = (uint8_t)et_rand();
		for (n = 0; n < j.aad_len; n++)
			aad[n] = (uint8_t)et_rand();
		/* Seal on each side (the reference in place, linear). */
		xf.aead.op = RTE_CRYPTO_AEAD_OP_ENCRYPT;
		j.in = pt;
		for (side = 0; side < 2; side++) {
			et_use_ref(side == 1);
			j.digest = tag[side];
			if (et_run(&j, &et_modes[0], ct[side]) !=
					RTE_CRYPTO_OP_STATUS_SUCCESS)
				bad++;
		}
		et_use_ref(false);
		runs++;
		if (memcmp(ct[0], ct[1], j.len) != 0 ||
				memcmp(tag[0], tag[1], xf.aead.digest_length) != 0) {
			bad++;
			continue;
		}
		/* The device opens the reference's, in every mode; a forged
		 * tag fails.
		 */
		xf.aead.op = RTE_CRYPTO_AEAD_OP_DECRYPT;
		j.in = ct[1];
		for (m = 0; m < 6; m++) {
			j.digest = tag[1];
			if (et_run(&j, &et_modes[m], scratch) !=
					RTE_CRYPTO_OP_STATUS_SUCCESS ||
					memcmp(scratch, pt, j.len) != 0)
				bad++;
		}
		memcpy(tag[0], tag[1], 16);
		tag[0][0] ^= 1;
		j.digest = tag[0];
		if (et_run(&j, &et_modes[et_rand() % 6], scratch) !=
				RTE_CRYPTO_OP_STATUS_AUTH_FAILED)
			bad++;
	}
	et_ok(runs == 300 && bad == 0, "AES-CCM (128/192/256, AAD 0..346) "
		"differential against the reference device: %u runs, %u failed",
		runs, bad);
}

/* ---- 3DES-CTR (2- and 3-key, any length) alone and chained with
 * SHA-1/SHA-256 HMAC or plain SHA-1, differentially against the reference
 * device: the same ciphertext and digest; the device verifies and
 * decrypts the reference's in every buffer mode; a forged digest fails.
 */
static void
et_tdes_ctr_setup(struct rte_crypto_sym_xform *xf, bool enc, uint8_t *key,
		uint8_t *akey, unsigned int hash, unsigned int dlen)
{
	static const enum rte_crypto_auth_algorithm algos[] = { 0,
		RTE_CRYPTO_AUTH_SHA1_HMAC, RTE_CRYPTO_AUTH_SHA256_HMAC,
		RTE_CRYPTO_AUTH_SHA1 };
	struct rte_crypto_sym_xform *c = &xf[0], *a = &xf[1];

	if (!enc && hash != 0) {
		c = &xf[1];
		a = &xf[0];
	}
	memset(c, 0, sizeof(*c));
	c->type = RTE_CRYPTO_SYM_XFORM_CIPHER;
	c->cipher.algo = RTE_CRYPTO_CIPHER_3DES_CTR;
	c->cipher.op = enc ? RTE_CRYPTO_CIPHER_OP_ENCRYPT :
		RTE_CRYPTO_CIPHER_OP_DECRYPT;
	c->cipher.key.data = key;
	c->cipher.key.length = (et_rand() & 1) ? 24 : 16;
	c->cipher.iv.offset = ET_IV_OFFSET;
	c->cipher.iv.length = 8;
	if (hash == 0)
		return;
	memset(a, 0, sizeof(*a));
	a->type = RTE_CRYPTO_SYM_XFORM_AUTH;
	a->auth.algo = algos[hash];
	a->auth.op = enc ? RTE_CRYPTO_AUTH_OP_GENERATE :
		RTE_CRYPTO_AUTH_OP_VERIFY;
	a->auth.key.data = hash == 3 ? NULL : akey;
	a->auth.key.length = hash == 3 ? 0 : 20 + et_rand() % 60;
	a->auth.digest_length = dlen;
	xf[0].next = &xf[1];
}

static void
et_tdes_ctr_diff(void)
{
	static uint8_t pt[1600], ct[2][1600];
	struct rte_crypto_sym_xform xf[2];
	uint8_t key[24], akey[80], iv[8], dig[2][32];
	struct et_job j = { .xf = xf, .iv = iv, .iv_len = 8 };
	unsigned int i, n, m, side, hash, dlen, klen, alen, bad = 0;

	for (i = 0; i < 200; i++) {
		for (n = 0; n < sizeof(key); n++)
			key[n] = (uint8_t)et_rand();
		for (n = 0; n < sizeof(akey); n++)
			akey[n] = (uint8_t)et_rand();
		for (n = 0; n < sizeof(iv); n++)
			iv[n] = (uint8_t)et_rand();
		/* Counters that carry across bytes of the block. */
		if (i % 4 == 0)
			memset(iv + 5, 0xff, 3);
		hash = et_rand() % 4;
		dlen = hash == 2 ? 16 + 16 * (et_rand() & 1) : 12 + 8 * (et_rand() & 1);
		j.len = et_rand() % sizeof(pt);
		for (n = 0; n < j.len; n++)
			pt[n] = (uint8_t)et_rand();
		et_tdes_ctr_setup(xf, true, key, akey, hash, dlen);
		klen = xf[0].cipher.key.length;
		alen = hash != 0 ? xf[1].auth.key.length : 0;
		j.in = pt;
		for (side = 0; side < 2; side++) {
			et_use_ref(side == 1);
			j.digest = dig[side];
			if (et_run(&j, &et_modes[0], ct[side]) !=
					RTE_CRYPTO_OP_STATUS_SUCCESS)
				bad++;
		}
		et_use_ref(false);
		if (memcmp(ct[0], ct[1], j.len) != 0 || (hash != 0 &&
				memcmp(dig[0], dig[1], dlen) != 0)) {
			bad++;
			continue;
		}
		et_tdes_ctr_setup(xf, false, key, akey, hash, dlen);
		/* The same key sizes as the sealing side. */
		(hash != 0 ? &xf[1] : &xf[0])->cipher.key.length = klen;
		if (hash != 0)
			xf[0].auth.key.length = alen;
		j.in = ct[1];
		for (m = 0; m < 6; m++) {
			j.digest = dig[1];
			if (et_run(&j, &et_modes[m], scratch) !=
					RTE_CRYPTO_OP_STATUS_SUCCESS ||
					memcmp(scratch, pt, j.len) != 0)
				bad++;
		}
		if (hash == 0)
			continue;
		memcpy(dig[0], dig[1], sizeof(dig[0]));
		dig[0][dlen - 1] ^= 0x80;
		j.digest = dig[0];
		if (et_run(&j, &et_modes[et_rand() % 6], scratch) !=
				RTE_CRYPTO_OP_STATUS_AUTH_FAILED)
			bad++;
	}
	et_ok(bad == 0, "3DES-CTR (2/3-key, 0..1599 B) alone and with "
		"HMAC-SHA1/HMAC-SHA256/SHA1 differential against the reference "
		"device: 200 runs, %u failed", bad);
}

int et_hmac_chains(void);
int et_hostile(void);
int et_fuzz(void);

int
main(int argc, char **argv)
{
	const char *dev = NULL, *ref = NULL;
	int i, n;

	/* After "--": the vectors dir, then --dev NAME [--ref NAME]. */
	for (i = 1; i + 3 < argc; i++)
		if (strcmp(argv[i], "--") == 0 && strcmp(argv[i + 2], "--dev") == 0) {
			dev = argv[i + 3];
			if (i + 5 < argc && strcmp(argv[i + 4], "--ref") == 0)
				ref = argv[i + 5];
		}
	n = et_init(argc, argv, QATSEC_ENGINE_OPENSSL_SYM, dev, ref);
	if (n < 0 || n + 1 >= argc || argv[n + 1][0] == '-') {
		printf("Bail out! cannot start: EAL, engine, device or vectors "
			"dir missing (usage: EAL args -- vectors-dir [--dev NAME])\n");
		return 1;
	}
	vdir = argv[n + 1];
	et_hashes();
	et_ciphers();
	et_ccm();
	et_hmac_chains();
	if (et_use_ref(true)) {
		et_ccm_diff();
		et_tdes_ctr_diff();
	}
	/* Refusals and hostile ops call the engine itself (the PMD's own
	 * hostile tests cover its glue).
	 */
	if (!et_through_dev()) {
		et_hostile();
		et_fuzz();
	}
	return et_done();
}
