/* SPDX-License-Identifier: BSD-3-Clause
 * The openssl_sym engine by direct calls, second part: HMAC-SHA3 against
 * its RFC 2104 definition computed over the engine's own SHA3 (which the
 * NIST files check), cipher + HMAC chains in both orders against their
 * parts, session refusals (-ENOTSUP for what is not listed), and hostile
 * ops: each gets a final error status, none crashes or succeeds out of
 * bounds, and a burst mixing them all comes back op by op.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cryptodev_pmd.h>
#include <rte_mbuf.h>

#include "engine_test.h"

#define HM_MSG_MAX	600

struct et_sha3 {
	const char *name;
	enum rte_crypto_auth_algorithm plain, hmac;
	unsigned int block, dlen;
};

static const struct et_sha3 sha3s[] = {
	{ "SHA3-224", RTE_CRYPTO_AUTH_SHA3_224, RTE_CRYPTO_AUTH_SHA3_224_HMAC,
		144, 28 },
	{ "SHA3-256", RTE_CRYPTO_AUTH_SHA3_256, RTE_CRYPTO_AUTH_SHA3_256_HMAC,
		136, 32 },
	{ "SHA3-384", RTE_CRYPTO_AUTH_SHA3_384, RTE_CRYPTO_AUTH_SHA3_384_HMAC,
		104, 48 },
	{ "SHA3-512", RTE_CRYPTO_AUTH_SHA3_512, RTE_CRYPTO_AUTH_SHA3_512_HMAC,
		72, 64 },
};

static uint8_t scratch[ET_LEN_MAX];

static void
et_fill(uint8_t *b, unsigned int n)
{
	while (n--)
		*b++ = (uint8_t)et_rand();
}

/* The engine's plain hash of in (checked against NIST elsewhere). */
static bool
et_hash(enum rte_crypto_auth_algorithm alg, unsigned int dlen,
		const uint8_t *in, uint32_t len, uint8_t *out)
{
	struct rte_crypto_sym_xform xf = { .type = RTE_CRYPTO_SYM_XFORM_AUTH,
		.auth = { .op = RTE_CRYPTO_AUTH_OP_GENERATE, .algo = alg,
			.digest_length = dlen } };
	struct et_job j = { .xf = &xf, .in = in, .len = len, .digest = out };

	return et_run(&j, &et_modes[0], scratch) ==
		RTE_CRYPTO_OP_STATUS_SUCCESS;
}

/* RFC 2104: H((K0 ^ opad) || H((K0 ^ ipad) || m)). */
static bool
et_hmac_ref(const struct et_sha3 *h, const uint8_t *key, unsigned int klen,
		const uint8_t *msg, unsigned int mlen, uint8_t *out)
{
	static uint8_t buf[144 + HM_MSG_MAX];
	uint8_t k0[144] = { 0 }, inner[64];
	unsigned int i;

	if (klen > h->block) {
		if (!et_hash(h->plain, h->dlen, key, klen, k0))
			return false;
	} else {
		memcpy(k0, key, klen);
	}
	for (i = 0; i < h->block; i++)
		buf[i] = k0[i] ^ 0x36;
	memcpy(buf + h->block, msg, mlen);
	if (!et_hash(h->plain, h->dlen, buf, h->block + mlen, inner))
		return false;
	for (i = 0; i < h->block; i++)
		buf[i] = k0[i] ^ 0x5c;
	memcpy(buf + h->block, inner, h->dlen);
	return et_hash(h->plain, h->dlen, buf, h->block + h->dlen, out);
}

static void
et_hmac(void)
{
	static uint8_t key[300], msg[HM_MSG_MAX];
	struct rte_crypto_sym_xform xf = { .type = RTE_CRYPTO_SYM_XFORM_AUTH };
	struct et_job j = { .xf = &xf, .in = msg };
	unsigned int klens[7], h, ki, m, run, bad;
	uint8_t ref[64], dig[64];

	for (h = 0; h < RTE_DIM(sha3s); h++) {
		const struct et_sha3 *s = &sha3s[h];

		klens[0] = 1;
		klens[1] = 16;
		klens[2] = s->dlen;
		klens[3] = s->block - 1;
		klens[4] = s->block;
		klens[5] = s->block + 1;	/* hashed first */
		klens[6] = sizeof(key);
		run = bad = 0;
		xf.auth.algo = s->hmac;
		xf.auth.key.data = key;
		j.digest = dig;
		for (ki = 0; ki < RTE_DIM(klens); ki++) {
			et_fill(key, klens[ki]);
			j.len = ki == 0 ? 0 : et_rand() % HM_MSG_MAX;
			et_fill(msg, j.len);
			if (!et_hmac_ref(s, key, klens[ki], msg, j.len, ref)) {
				bad++;
				continue;
			}
			xf.auth.key.length = klens[ki];
			for (m = 0; m < 6; m++) {
				run++;
				/* Full digest, then truncated to half. */
				xf.auth.op = RTE_CRYPTO_AUTH_OP_GENERATE;
				xf.auth.digest_length = (ki & 1) ? s->dlen / 2 : s->dlen;
				if (et_run(&j, &et_modes[m], scratch) !=
						RTE_CRYPTO_OP_STATUS_SUCCESS ||
						memcmp(dig, ref, xf.auth.digest_length)) {
					bad++;
					continue;
				}
				xf.auth.op = RTE_CRYPTO_AUTH_OP_VERIFY;
				if (et_run(&j, &et_modes[m], scratch) !=
						RTE_CRYPTO_OP_STATUS_SUCCESS)
					bad++;
				dig[0] ^= 0x80;
				if (et_run(&j, &et_modes[m], scratch) !=
						RTE_CRYPTO_OP_STATUS_AUTH_FAILED)
					bad++;
			}
		}
		et_ok(run == 6 * RTE_DIM(klens) && bad == 0,
			"HMAC-%s = RFC 2104 over the engine's SHA3, keys 1..300 B, "
			"full and truncated, 6 modes: %u runs, %u failed",
			s->name, run, bad);
	}
}

/* Cipher then HMAC (encrypt) and HMAC then cipher (verify, decrypt), in
 * every mode, against the cipher alone and et_hmac_ref().
 */
static void
et_chain(const char *what, enum rte_crypto_cipher_algorithm alg,
		unsigned int klen, unsigned int ivlen, unsigned int len,
		const struct et_sha3 *h)
{
	static uint8_t pt[HM_MSG_MAX], ct[HM_MSG_MAX];
	struct rte_crypto_sym_xform c = { .type = RTE_CRYPTO_SYM_XFORM_CIPHER };
	struct rte_crypto_sym_xform a = { .type = RTE_CRYPTO_SYM_XFORM_AUTH };
	uint8_t ckey[64], akey[40], iv[16], ref[64], dig[64];
	struct et_job j = { .len = len, .iv = iv, .iv_len = ivlen,
		.digest = dig };
	unsigned int m, bad = 0;

	et_fill(ckey, klen);
	et_fill(akey, sizeof(akey));
	et_fill(iv, sizeof(iv));
	et_fill(pt, len);
	c.cipher = (struct rte_crypto_cipher_xform){ .algo = alg,
		.op = RTE_CRYPTO_CIPHER_OP_ENCRYPT,
		.key = { .data = ckey, .length = klen },
		.iv = { .offset = ET_IV_OFFSET, .length = ivlen } };
	a.auth = (struct rte_crypto_auth_xform){ .algo = h->hmac,
		.op = RTE_CRYPTO_AUTH_OP_GENERATE,
		.key = { .data = akey, .length = sizeof(akey) },
		.digest_length = h->dlen };
	/* The parts: the cipher alone, the HMAC of its output. */
	j.xf = &c;
	j.in = pt;
	if (et_run(&j, &et_modes[0], ct) != RTE_CRYPTO_OP_STATUS_SUCCESS ||
			!et_hmac_ref(h, akey, sizeof(akey), ct, len, ref)) {
		et_ok(false, "chain %s: parts", what);
		return;
	}
	for (m = 0; m < 6; m++) {
		c.next = &a;
		a.next = NULL;
		c.cipher.op = RTE_CRYPTO_CIPHER_OP_ENCRYPT;
		a.auth.op = RTE_CRYPTO_AUTH_OP_GENERATE;
		j.xf = &c;
		j.in = pt;
		if (et_run(&j, &et_modes[m], scratch) !=
				RTE_CRYPTO_OP_STATUS_SUCCESS ||
				memcmp(scratch, ct, len) || memcmp(dig, ref, h->dlen))
			bad++;
		c.next = NULL;
		a.next = &c;
		c.cipher.op = RTE_CRYPTO_CIPHER_OP_DECRYPT;
		a.auth.op = RTE_CRYPTO_AUTH_OP_VERIFY;
		j.xf = &a;
		j.in = ct;
		memcpy(dig, ref, h->dlen);
		if (et_run(&j, &et_modes[m], scratch) !=
				RTE_CRYPTO_OP_STATUS_SUCCESS || memcmp(scratch, pt, len))
			bad++;
		dig[1] ^= 1;
		if (et_run(&j, &et_modes[m], scratch) !=
				RTE_CRYPTO_OP_STATUS_AUTH_FAILED)
			bad++;
	}
	et_ok(bad == 0, "chain %s + HMAC-%s, both orders, 6 modes: %u failed",
		what, h->name, bad);
}

int et_hmac_chains(void);

int
et_hmac_chains(void)
{
	et_hmac();
	et_chain("SM4-CBC", RTE_CRYPTO_CIPHER_SM4_CBC, 16, 16, 512, &sha3s[1]);
	et_chain("SM4-CTR", RTE_CRYPTO_CIPHER_SM4_CTR, 16, 16, 333, &sha3s[3]);
	et_chain("SM4-ECB", RTE_CRYPTO_CIPHER_SM4_ECB, 16, 0, 64, &sha3s[0]);
	et_chain("AES-256-XTS", RTE_CRYPTO_CIPHER_AES_XTS, 64, 16, 257,
		&sha3s[2]);
	return 0;
}
