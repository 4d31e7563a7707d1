/* SPDX-License-Identifier: BSD-3-Clause
 * The openssl_sym engine by direct calls, third part: sessions it must
 * refuse (-ENOTSUP for what its table does not list, so another engine may
 * take it; -EINVAL for what no engine should accept), and hostile ops:
 * each one gets a final error status and changes nothing, a burst mixing
 * them with good ops comes back op by op, and chains whose pkt_len is 0
 * (as crypto-perf builds them) are bounded by their real extent.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cryptodev_pmd.h>
#include <rte_mbuf.h>

#include "engine_test.h"

static uint8_t k64[64] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 };

#define CIPHER(alg, kl, ivl) { .type = RTE_CRYPTO_SYM_XFORM_CIPHER, \
	.cipher = { .algo = (alg), .op = RTE_CRYPTO_CIPHER_OP_ENCRYPT, \
		.key = { .data = k64, .length = (kl) }, \
		.iv = { .offset = ET_IV_OFFSET, .length = (ivl) } } }
#define AUTH(alg, kl, dl) { .type = RTE_CRYPTO_SYM_XFORM_AUTH, \
	.auth = { .algo = (alg), .op = RTE_CRYPTO_AUTH_OP_GENERATE, \
		.key = { .data = (kl) ? k64 : NULL, .length = (kl) }, \
		.digest_length = (dl) } }
#define CCM(kl, dl, ivl, al) { .type = RTE_CRYPTO_SYM_XFORM_AEAD, \
	.aead = { .algo = RTE_CRYPTO_AEAD_AES_CCM, \
		.op = RTE_CRYPTO_AEAD_OP_ENCRYPT, \
		.key = { .data = k64, .length = (kl) }, \
		.iv = { .offset = ET_IV_OFFSET, .length = (ivl) }, \
		.digest_length = (dl), .aad_length = (al) } }

static void
et_refusals(void)
{
	struct rte_crypto_sym_xform x[3];
	struct {
		const char *what;
		struct rte_crypto_sym_xform a, b, c;
		int n, want;
	} t[] = {
		{ "AES-CBC (ipsec-mb's)", CIPHER(RTE_CRYPTO_CIPHER_AES_CBC, 16, 16),
			{ 0 }, { 0 }, 1, -ENOTSUP },
		{ "XTS key 48", CIPHER(RTE_CRYPTO_CIPHER_AES_XTS, 48, 16),
			{ 0 }, { 0 }, 1, -ENOTSUP },
		{ "XTS IV 12", CIPHER(RTE_CRYPTO_CIPHER_AES_XTS, 32, 12),
			{ 0 }, { 0 }, 1, -ENOTSUP },
		{ "SM4 key 32", CIPHER(RTE_CRYPTO_CIPHER_SM4_CBC, 32, 16),
			{ 0 }, { 0 }, 1, -ENOTSUP },
		{ "SHA3-256 digest 33", AUTH(RTE_CRYPTO_AUTH_SHA3_256, 0, 33),
			{ 0 }, { 0 }, 1, -ENOTSUP },
		{ "SHA3-256 with a key", AUTH(RTE_CRYPTO_AUTH_SHA3_256, 16, 32),
			{ 0 }, { 0 }, 1, -ENOTSUP },
		{ "HMAC-SHA3 key 0", AUTH(RTE_CRYPTO_AUTH_SHA3_256_HMAC, 0, 32),
			{ 0 }, { 0 }, 1, -ENOTSUP },
		{ "SHA-256 (ipsec-mb's)", AUTH(RTE_CRYPTO_AUTH_SHA256, 0, 32),
			{ 0 }, { 0 }, 1, -ENOTSUP },
		{ "HMAC-SHA1 alone (ipsec-mb's)",
			AUTH(RTE_CRYPTO_AUTH_SHA1_HMAC, 20, 12), { 0 }, { 0 }, 1,
			-ENOTSUP },
		{ "3DES-CTR key 8", CIPHER(RTE_CRYPTO_CIPHER_3DES_CTR, 8, 8),
			{ 0 }, { 0 }, 1, -ENOTSUP },
		{ "3DES-CTR IV 16", CIPHER(RTE_CRYPTO_CIPHER_3DES_CTR, 24, 16),
			{ 0 }, { 0 }, 1, -ENOTSUP },
		{ "3DES-CTR + HMAC-SHA1 (accepted)",
			CIPHER(RTE_CRYPTO_CIPHER_3DES_CTR, 24, 8),
			AUTH(RTE_CRYPTO_AUTH_SHA1_HMAC, 20, 12), { 0 }, 2, 0 },
		{ "CCM tag 5", CCM(24, 5, 13, 0), { 0 }, { 0 }, 1, -ENOTSUP },
		{ "CCM nonce 14", CCM(24, 16, 14, 0), { 0 }, { 0 }, 1, -ENOTSUP },
		{ "CCM key 20", CCM(20, 16, 13, 0), { 0 }, { 0 }, 1, -ENOTSUP },
		{ "two ciphers", CIPHER(RTE_CRYPTO_CIPHER_SM4_CTR, 16, 16),
			CIPHER(RTE_CRYPTO_CIPHER_SM4_CBC, 16, 16), { 0 }, 2,
			-ENOTSUP },
		{ "CCM + hash", CCM(24, 16, 13, 0),
			AUTH(RTE_CRYPTO_AUTH_SM3, 0, 32), { 0 }, 2, -ENOTSUP },
		{ "three xforms", CIPHER(RTE_CRYPTO_CIPHER_SM4_CTR, 16, 16),
			AUTH(RTE_CRYPTO_AUTH_SM3, 0, 32),
			AUTH(RTE_CRYPTO_AUTH_SHA3_224, 0, 28), 3, -ENOTSUP },
		{ "XTS equal halves", CIPHER(RTE_CRYPTO_CIPHER_AES_XTS, 32, 16),
			{ 0 }, { 0 }, 1, -EINVAL },
		{ "SM3 (accepted)", AUTH(RTE_CRYPTO_AUTH_SM3, 0, 32), { 0 },
			{ 0 }, 1, 0 },
		{ "SM4-CTR + SM3 (accepted)",
			CIPHER(RTE_CRYPTO_CIPHER_SM4_CTR, 16, 16),
			AUTH(RTE_CRYPTO_AUTH_SM3, 0, 32), { 0 }, 2, 0 },
	};
	unsigned int i, ok = 0;
	uint8_t save[32];
	int r;

	for (i = 0; i < RTE_DIM(t); i++) {
		x[0] = t[i].a;
		x[1] = t[i].b;
		x[2] = t[i].c;
		x[0].next = t[i].n > 1 ? &x[1] : NULL;
		x[1].next = t[i].n > 2 ? &x[2] : NULL;
		x[2].next = NULL;
		memcpy(save, k64, 32);
		if (strstr(t[i].what, "equal") != NULL)
			memcpy(k64 + 16, k64, 16);
		r = et_configure(&x[0]);
		memcpy(k64, save, 32);
		et_ok(r == t[i].want, "session %s: %d (want %d)", t[i].what, r,
			t[i].want);
		ok += r == t[i].want;
	}
	/* An IV on a hash that takes none is ignored (l2fwd-crypto). */
	x[0] = (struct rte_crypto_sym_xform)AUTH(RTE_CRYPTO_AUTH_SHA3_512, 0, 64);
	x[0].auth.iv.length = 16;
	x[0].auth.iv.offset = 0xdead;
	et_ok(et_configure(&x[0]) == 0, "SHA3-512 with a stray IV: accepted");
	et_ok(et_configure(NULL) == -EINVAL, "NULL xform: -EINVAL");
}

/* A fresh op on sess over a linear src of len bytes (dst NULL). */
static struct rte_crypto_op *
et_op(void *sess, struct rte_mbuf **src, uint32_t len, uint8_t *digest)
{
	struct rte_crypto_op *op = rte_crypto_op_alloc(et_op_pool(),
		RTE_CRYPTO_OP_TYPE_SYMMETRIC);

	*src = rte_pktmbuf_alloc(et_mbuf_pool());
	if (op == NULL || *src == NULL || rte_pktmbuf_append(*src, len) == NULL)
		return NULL;
	memset(rte_pktmbuf_mtod(*src, uint8_t *), 0x11, len);
	if (sess != NULL)
		rte_crypto_op_attach_sym_session(op, sess);
	op->sym->m_src = *src;
	op->sym->cipher.data.offset = 0;
	op->sym->cipher.data.length = len;
	op->sym->auth.data.offset = 0;
	op->sym->auth.data.length = len;
	op->sym->auth.digest.data = digest;
	op->sym->aead.aad.data = digest;
	return op;
}

static uint8_t
et_one(struct rte_crypto_op *op)
{
	int r = et_engine()->process(&op, 1);

	return r < 0 ? ET_HARNESS : op->status;
}

struct et_bad {
	const char *what;
	int sess;	/* index into the sessions below */
	uint32_t len;
	uint8_t want;
};

enum { S_XTS, S_CBC, S_HMAC, S_CCM, S_IVFAR, S_N };

static void
et_mangle(struct rte_crypto_op *op, unsigned int i, struct rte_mbuf *m,
		struct rte_mbuf *m2)
{
	switch (i) {
	case 0: op->sym->m_src = NULL; break;
	case 1: op->sym->cipher.data.offset = 10; break;	/* past the end */
	case 2: op->sym->cipher.data.offset = 0xfffffff0u;
		op->sym->cipher.data.length = 0x20; break;	/* wraps */
	case 3: break;						/* XTS 15 B */
	case 4: break;						/* CBC 17 B */
	case 5: op->sym->auth.digest.data = NULL; break;
	case 6: op->sym->aead.aad.data = NULL; break;
	case 7: op->sess_type = RTE_CRYPTO_OP_SESSIONLESS; break;
	case 8: op->sym->session = NULL; break;
	case 9: m->next = m2; m2->next = m;			/* a loop */
		break;
	case 10: op->type = RTE_CRYPTO_OP_TYPE_ASYMMETRIC; break;
	case 11: break;						/* IV past op */
	case 12: op->sym->m_dst = m2; m2->data_len = 1;	/* short dst */
		break;
	}
}

static void
et_hostile_ops(void)
{
	static const struct et_bad bad[] = {
		{ "m_src NULL", S_XTS, 32, RTE_CRYPTO_OP_STATUS_INVALID_ARGS },
		{ "region past the chain", S_XTS, 32,
			RTE_CRYPTO_OP_STATUS_INVALID_ARGS },
		{ "offset + length wraps 32 bits", S_XTS, 32,
			RTE_CRYPTO_OP_STATUS_INVALID_ARGS },
		{ "XTS shorter than a block", S_XTS, 15,
			RTE_CRYPTO_OP_STATUS_INVALID_ARGS },
		{ "SM4-CBC not whole blocks", S_CBC, 17,
			RTE_CRYPTO_OP_STATUS_INVALID_ARGS },
		{ "HMAC digest NULL", S_HMAC, 40,
			RTE_CRYPTO_OP_STATUS_INVALID_ARGS },
		{ "CCM AAD NULL", S_CCM, 40, RTE_CRYPTO_OP_STATUS_INVALID_ARGS },
		{ "sessionless", S_XTS, 32, RTE_CRYPTO_OP_STATUS_INVALID_SESSION },
		{ "session NULL", S_XTS, 32, RTE_CRYPTO_OP_STATUS_INVALID_SESSION },
		{ "looped chain", S_XTS, 32, RTE_CRYPTO_OP_STATUS_INVALID_ARGS },
		{ "asymmetric op type", S_XTS, 32,
			RTE_CRYPTO_OP_STATUS_INVALID_ARGS },
		{ "IV past the op object", S_IVFAR, 32,
			RTE_CRYPTO_OP_STATUS_INVALID_ARGS },
		{ "dst shorter than the region", S_XTS, 32,
			RTE_CRYPTO_OP_STATUS_INVALID_ARGS },
	};
	struct rte_crypto_sym_xform xf[S_N] = {
		CIPHER(RTE_CRYPTO_CIPHER_AES_XTS, 32, 16),
		CIPHER(RTE_CRYPTO_CIPHER_SM4_CBC, 16, 16),
		AUTH(RTE_CRYPTO_AUTH_SHA3_256_HMAC, 20, 32),
		CCM(24, 16, 13, 20),
		CIPHER(RTE_CRYPTO_CIPHER_SM4_CTR, 16, 16),
	};
	const struct qatsec_engine *e = et_engine();
	struct rte_cryptodev_sym_session *s[S_N];
	struct rte_mbuf *m, *m2;
	struct rte_crypto_op *op;
	uint8_t digest[64], st, before[64];
	unsigned int i;

	xf[S_IVFAR].cipher.iv.offset = et_op_pool()->elt_size - 8;
	for (i = 0; i < S_N; i++) {
		s[i] = calloc(1, sizeof(*s[i]) + e->session_size());
		if (s[i] == NULL ||
				e->session_configure(s[i]->driver_priv_data, &xf[i]) != 0) {
			et_ok(false, "hostile: session %u", i);
			return;
		}
	}
	for (i = 0; i < RTE_DIM(bad); i++) {
		op = et_op(s[bad[i].sess], &m, bad[i].len, digest);
		m2 = rte_pktmbuf_alloc(et_mbuf_pool());
		if (op == NULL || m2 == NULL || rte_pktmbuf_append(m2, 8) == NULL) {
			et_ok(false, "hostile %s: harness", bad[i].what);
			continue;
		}
		memcpy(before, rte_pktmbuf_mtod(m, uint8_t *),
			RTE_MIN(bad[i].len, sizeof(before)));
		et_mangle(op, i, m, m2);
		st = et_one(op);
		et_ok(st == bad[i].want &&
			memcmp(before, rte_pktmbuf_mtod(m, uint8_t *),
				RTE_MIN(bad[i].len, sizeof(before))) == 0,
			"hostile %s: status %u (want %u), packet unchanged",
			bad[i].what, st, bad[i].want);
		if (i == 9)
			m2->next = NULL;	/* unloop before freeing */
		m->next = NULL;
		m->nb_segs = 1;
		rte_pktmbuf_free(m);
		rte_pktmbuf_free(m2);
		rte_crypto_op_free(op);
	}
	for (i = 0; i < S_N; i++)
		free(s[i]);
}

/* pkt_len left at 0 in every segment (crypto-perf): the real extent
 * bounds the op, which succeeds and matches the well-formed result.
 */
static void
et_pkt_len_zero(void)
{
	struct rte_crypto_sym_xform xf = CIPHER(RTE_CRYPTO_CIPHER_SM4_CTR, 16, 16);
	struct rte_mbuf *a, *b;
	struct rte_crypto_op *op;
	uint8_t want[96], got[96];
	void *sess = et_session(&xf);
	struct et_job j = { .xf = &xf, .in = want, .len = 96,
		.iv = k64, .iv_len = 16 };
	uint8_t st;

	memset(want, 0x11, sizeof(want));
	if (sess == NULL || et_run(&j, &et_modes[0], want) !=
			RTE_CRYPTO_OP_STATUS_SUCCESS) {
		et_ok(false, "pkt_len 0: reference");
		return;
	}
	sess = et_session(&xf);
	op = et_op(sess, &a, 40, NULL);
	b = rte_pktmbuf_alloc(et_mbuf_pool());
	if (op == NULL || b == NULL || rte_pktmbuf_append(b, 56) == NULL) {
		et_ok(false, "pkt_len 0: harness");
		return;
	}
	memset(rte_pktmbuf_mtod(b, uint8_t *), 0x11, 56);
	a->next = b;
	a->nb_segs = 2;
	a->pkt_len = 0;
	b->pkt_len = 0;
	op->sym->cipher.data.length = 96;
	memcpy(rte_crypto_op_ctod_offset(op, uint8_t *, ET_IV_OFFSET), k64, 16);
	st = et_one(op);
	memcpy(got, rte_pktmbuf_mtod(a, uint8_t *), 40);
	memcpy(got + 40, rte_pktmbuf_mtod(b, uint8_t *), 56);
	et_ok(st == RTE_CRYPTO_OP_STATUS_SUCCESS && memcmp(got, want, 96) == 0,
		"segmented chain with pkt_len 0 (crypto-perf): status %u, "
		"output as with pkt_len set", st);
	a->pkt_len = 96;
	rte_pktmbuf_free(a);
	rte_crypto_op_free(op);
}

/* A burst of good and bad ops: each comes back with its own status, and
 * process() counts the ones that did not succeed.
 */
static void
et_burst(void)
{
	struct rte_crypto_sym_xform xf = CIPHER(RTE_CRYPTO_CIPHER_AES_XTS, 64, 16);
	struct rte_crypto_op *ops[32];
	struct rte_mbuf *m[32];
	unsigned int i, wrong = 0, nbad = 0;
	void *sess;
	int r;

	k64[40] = 0x77;	/* halves differ */
	sess = et_session(&xf);
	for (i = 0; i < 32; i++) {
		ops[i] = et_op(sess, &m[i], 64, NULL);
		if (ops[i] == NULL) {
			et_ok(false, "burst: harness");
			return;
		}
		if (i % 3 == 1) {
			ops[i]->sym->cipher.data.length = 65 + i;	/* past end */
			nbad++;
		}
		ops[i]->status = RTE_CRYPTO_OP_STATUS_NOT_PROCESSED;
	}
	r = et_engine()->process(ops, 32);
	for (i = 0; i < 32; i++) {
		if (ops[i]->status != (i % 3 == 1 ?
				RTE_CRYPTO_OP_STATUS_INVALID_ARGS :
				RTE_CRYPTO_OP_STATUS_SUCCESS))
			wrong++;
		rte_pktmbuf_free(m[i]);
		rte_crypto_op_free(ops[i]);
	}
	et_ok(r == (int)nbad && wrong == 0,
		"burst of 32, %u bad: process() = %d, %u ops with a wrong status",
		nbad, r, wrong);
}

/* Sessions alternating in one burst (and one re-made in place with a new
 * key): each op is computed with its own session's key, as when alone.
 */
static void
et_alternate(void)
{
	const struct qatsec_engine *e = et_engine();
	struct rte_crypto_sym_xform xf[2] = {
		CIPHER(RTE_CRYPTO_CIPHER_AES_XTS, 64, 16),
		AUTH(RTE_CRYPTO_AUTH_SHA3_256_HMAC, 32, 32),
	};
	uint8_t keys[2][64], dig[16][32], want[16][64 + 32];
	struct rte_cryptodev_sym_session *s[4];
	struct rte_crypto_op *ops[16];
	struct rte_mbuf *m[16];
	unsigned int i, k, bad = 0;

	for (i = 0; i < 4; i++) {
		s[i] = calloc(1, sizeof(*s[i]) + e->session_size());
		if (s[i] == NULL) {
			et_ok(false, "alternate: harness");
			return;
		}
	}
	for (k = 0; k < 2; k++) {
		for (i = 0; i < 64; i++)
			keys[k][i] = (uint8_t)et_rand();
		xf[0].cipher.key.data = keys[k];
		xf[1].auth.key.data = keys[k];
		if (e->session_configure(s[k]->driver_priv_data, &xf[0]) != 0 ||
				e->session_configure(s[2 + k]->driver_priv_data,
					&xf[1]) != 0) {
			et_ok(false, "alternate: sessions");
			return;
		}
	}
	/* Alone, one op per call: the answers. */
	for (i = 0; i < 16; i++) {
		ops[i] = et_op(s[i % 4], &m[i], 64, dig[i]);
		if (ops[i] == NULL) {
			et_ok(false, "alternate: harness");
			return;
		}
		et_one(ops[i]);
		memcpy(want[i], rte_pktmbuf_mtod(m[i], uint8_t *), 64);
		memcpy(want[i] + 64, dig[i], 32);
		memset(rte_pktmbuf_mtod(m[i], uint8_t *), 0x11, 64);
		ops[i]->status = RTE_CRYPTO_OP_STATUS_NOT_PROCESSED;
	}
	/* Together, in one burst, sessions interleaved. */
	et_engine()->process(ops, 16);
	for (i = 0; i < 16; i++) {
		if (ops[i]->status != RTE_CRYPTO_OP_STATUS_SUCCESS ||
				memcmp(want[i], rte_pktmbuf_mtod(m[i], uint8_t *),
					64) != 0 || memcmp(want[i] + 64, dig[i], 32) != 0)
			bad++;
	}
	/* Session 0 re-made in place with another key: not the old one. */
	keys[0][3] ^= 0x40;
	xf[0].cipher.key.data = keys[0];
	e->session_configure(s[0]->driver_priv_data, &xf[0]);
	memset(rte_pktmbuf_mtod(m[0], uint8_t *), 0x11, 64);
	et_one(ops[0]);
	if (memcmp(want[0], rte_pktmbuf_mtod(m[0], uint8_t *), 64) == 0)
		bad++;
	for (i = 0; i < 16; i++) {
		rte_pktmbuf_free(m[i]);
		rte_crypto_op_free(ops[i]);
	}
	for (i = 0; i < 4; i++)
		free(s[i]);
	et_ok(bad == 0, "two XTS and two HMAC-SHA3 sessions interleaved in a "
		"burst = each alone; a session re-keyed in place uses its new "
		"key: %u wrong", bad);
}

int et_hostile(void);

int
et_hostile(void)
{
	et_refusals();
	et_hostile_ops();
	et_pkt_len_zero();
	et_burst();
	et_alternate();
	return 0;
}
