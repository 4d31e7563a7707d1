/* SPDX-License-Identifier: BSD-3-Clause
 * Hostile ops (suite pmd, also under ASan/UBSan): crypto ops are untrusted
 * input. Random ops over every kind of session the soft endpoint serves,
 * nearly half of them wrong: regions out of the packet or overflowing 32
 * bits, not whole blocks, NULL digest or AAD, short destinations, NULL,
 * foreign or no session, an asymmetric type, no room for the IV after the
 * op. Ops come in runs of one session so that the per-session fast paths
 * see them too. Asserted: every op enqueued comes back exactly once with a
 * final status; no wrong op succeeds; nothing outside the bytes of the
 * packets is written. Then 20 000 random session set-ups (types, algorithms
 * and ops out of range, keys, IVs, digests and AAD of any size, NULL keys):
 * each fails or gives a session an op can use without harm. Output is TAP.
 * Usage: test_pmd_hostile [EAL args with --vdev crypto_qatsec and
 * --vdev crypto_null] [-- SEED]
 */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <rte_crypto.h>
#include <rte_cryptodev.h>
#include <rte_eal.h>
#include <rte_mbuf.h>
#include <rte_mempool.h>
#include <rte_random.h>

#include "rte_pmd_qatsec.h"
#include "mbuf_chain.h"
#include "tap.h"

#define NB_ROUNDS	600
#define BURST		32
#define IV_OFF		(sizeof(struct rte_crypto_op) + sizeof(struct rte_crypto_sym_op))
#define AAD_MAX		(18 + 32)	/* CCM: B0 and the AAD length first */
#define DATA_MAX	2048
#define GUARD		0xa5

enum kind { K_AEAD, K_CHAIN_CA, K_CHAIN_AC, K_CIPHER, K_AUTH };

struct sdef {
	const char *name;
	enum kind kind;
	int algo;		/* aead, cipher or auth algorithm */
	int algo2;		/* auth algorithm of a chain */
	int enc;
	uint16_t key_len, iv_len, digest, aad;
	uint16_t block;		/* cipher length must be a multiple */
	uint8_t bits;		/* regions in bits: 1 SNOW3G (cipher at any
				 * bit), 2 ZUC (cipher on whole bytes); the
				 * auth IV after the cipher IV
				 */
};

static const struct sdef sdefs[] = {
	{ "aes128gcm enc", K_AEAD, RTE_CRYPTO_AEAD_AES_GCM, 0, 1, 16, 12, 16, 16, 1, 0 },
	{ "aes256gcm dec", K_AEAD, RTE_CRYPTO_AEAD_AES_GCM, 0, 0, 32, 12, 16, 0, 1, 0 },
	{ "chacha20-poly1305 enc", K_AEAD, RTE_CRYPTO_AEAD_CHACHA20_POLY1305, 0, 1, 32, 12, 16, 16, 1, 0 },
	{ "aes128ccm dec", K_AEAD, RTE_CRYPTO_AEAD_AES_CCM, 0, 0, 16, 12, 16, 16, 1, 0 },
	{ "aes128cbc+sha1 enc/gen", K_CHAIN_CA, RTE_CRYPTO_CIPHER_AES_CBC,
		RTE_CRYPTO_AUTH_SHA1_HMAC, 1, 16, 16, 12, 0, 16, 0 },
	{ "sha256+aes256cbc ver/dec", K_CHAIN_AC, RTE_CRYPTO_CIPHER_AES_CBC,
		RTE_CRYPTO_AUTH_SHA256_HMAC, 0, 32, 16, 16, 0, 16, 0 },
	{ "aes128ctr", K_CIPHER, RTE_CRYPTO_CIPHER_AES_CTR, 0, 1, 16, 16, 0, 0, 1, 0 },
	{ "aes-cmac gen", K_AUTH, RTE_CRYPTO_AUTH_AES_CMAC, 0, 1, 16, 0, 16, 0, 1, 0 },
	{ "aes-gmac ver", K_AUTH, RTE_CRYPTO_AUTH_AES_GMAC, 0, 0, 16, 12, 16, 0, 1, 0 },
	{ "sha256", K_AUTH, RTE_CRYPTO_AUTH_SHA256, 0, 1, 0, 0, 32, 0, 1, 0 },
	{ "null+null", K_CHAIN_CA, RTE_CRYPTO_CIPHER_NULL, RTE_CRYPTO_AUTH_NULL,
		1, 0, 0, 0, 0, 1, 0 },
	/* The job-API algorithms past AES (byte regions). */
	{ "3des-cbc+md5 enc/gen", K_CHAIN_CA, RTE_CRYPTO_CIPHER_3DES_CBC,
		RTE_CRYPTO_AUTH_MD5_HMAC, 1, 24, 8, 12, 0, 8, 0 },
	{ "aes-docsisbpi dec", K_CIPHER, RTE_CRYPTO_CIPHER_AES_DOCSISBPI, 0, 0,
		16, 16, 0, 0, 1, 0 },
	{ "des-docsisbpi enc", K_CIPHER, RTE_CRYPTO_CIPHER_DES_DOCSISBPI, 0, 1,
		8, 8, 0, 0, 1, 0 },
	{ "aes256ecb", K_CIPHER, RTE_CRYPTO_CIPHER_AES_ECB, 0, 1, 32, 0, 0, 0, 16, 0 },
	/* The 3GPP chains, which have fast paths of their own. */
	{ "snow3g uea2+uia2 enc/gen", K_CHAIN_CA, RTE_CRYPTO_CIPHER_SNOW3G_UEA2,
		RTE_CRYPTO_AUTH_SNOW3G_UIA2, 1, 16, 16, 4, 0, 1, 1 },
	{ "snow3g uia2+uea2 ver/dec", K_CHAIN_AC, RTE_CRYPTO_CIPHER_SNOW3G_UEA2,
		RTE_CRYPTO_AUTH_SNOW3G_UIA2, 0, 16, 16, 4, 0, 1, 1 },
	{ "zuc eea3+eia3 enc/gen", K_CHAIN_CA, RTE_CRYPTO_CIPHER_ZUC_EEA3,
		RTE_CRYPTO_AUTH_ZUC_EIA3, 1, 16, 16, 4, 0, 1, 2 },
};
#define NB_SESS RTE_DIM(sdefs)

/* What one op was given, to judge its status. */
struct opcase {
	struct rte_crypto_op *op;
	struct rte_mbuf *src, *dst;
	int sess;		/* index in sdefs, -1: no valid qatsec session */
	int must_fail;		/* the op must not succeed */
	unsigned int seen;
};

/* op_pool0's ops have no room for an IV after them. */
static struct rte_mempool *op_pool, *op_pool0, *mb_pool, *sess_pool;
static void *sess[NB_SESS];
static uint8_t digests[BURST][64], aads[BURST][AAD_MAX];

static uint32_t
rnd(uint32_t n)
{
	return n ? (uint32_t)(rte_rand() % n) : 0;
}

static int
make_session(uint8_t dev, const struct sdef *d, void **out)
{
	struct rte_crypto_sym_xform x[2];
	static uint8_t key[64] = { 1, 2, 3, 4, 5, 6, 7, 8, 9 };
	struct rte_crypto_sym_xform *c = &x[0], *a = &x[1];

	memset(x, 0, sizeof(x));
	if (d->kind == K_AEAD) {
		x[0].type = RTE_CRYPTO_SYM_XFORM_AEAD;
		x[0].aead.op = d->enc ? RTE_CRYPTO_AEAD_OP_ENCRYPT :
			RTE_CRYPTO_AEAD_OP_DECRYPT;
		x[0].aead.algo = d->algo;
		x[0].aead.key.data = key;
		x[0].aead.key.length = d->key_len;
		x[0].aead.iv.offset = IV_OFF;
		x[0].aead.iv.length = d->iv_len;
		x[0].aead.digest_length = d->digest;
		x[0].aead.aad_length = d->aad;
	} else {
		if (d->kind == K_CHAIN_AC) {
			c = &x[1];
			a = &x[0];
		}
		c->type = RTE_CRYPTO_SYM_XFORM_CIPHER;
		c->cipher.op = d->enc ? RTE_CRYPTO_CIPHER_OP_ENCRYPT :
			RTE_CRYPTO_CIPHER_OP_DECRYPT;
		c->cipher.algo = d->algo;
		c->cipher.key.data = key;
		c->cipher.key.length = d->key_len;
		c->cipher.iv.offset = IV_OFF;
		c->cipher.iv.length = d->iv_len;
		a->type = RTE_CRYPTO_SYM_XFORM_AUTH;
		a->auth.op = d->enc ? RTE_CRYPTO_AUTH_OP_GENERATE :
			RTE_CRYPTO_AUTH_OP_VERIFY;
		a->auth.algo = d->kind == K_AUTH ? d->algo : d->algo2;
		a->auth.key.data = key;
		a->auth.key.length = d->kind == K_AUTH || d->bits ? d->key_len :
			(d->algo2 == RTE_CRYPTO_AUTH_NULL ? 0 : 20);
		a->auth.digest_length = d->digest;
		a->auth.iv.offset = d->bits ? IV_OFF + 16 : IV_OFF;
		a->auth.iv.length = d->kind == K_AUTH || d->bits ? d->iv_len : 0;
		if (d->kind == K_CIPHER) {
			*out = rte_cryptodev_sym_session_create(dev, c, sess_pool);
			return *out == NULL ? -1 : 0;
		}
		if (d->kind == K_AUTH) {
			*out = rte_cryptodev_sym_session_create(dev, a, sess_pool);
			return *out == NULL ? -1 : 0;
		}
		x[0].next = &x[1];
	}
	*out = rte_cryptodev_sym_session_create(dev, &x[0], sess_pool);
	return *out == NULL ? -1 : 0;
}

static void
random_fill(void *arg, uint8_t *dst, uint32_t pos, uint32_t n)
{
	RTE_SET_USED(arg);
	RTE_SET_USED(pos);
	for (uint32_t k = 0; k < n; k++)
		dst[k] = (uint8_t)rte_rand();
}

/* A packet of len random bytes in 1..4 segments; every byte of every
 * buffer outside the packet's data holds GUARD.
 */
static struct rte_mbuf *
make_pkt(uint32_t len)
{
	unsigned int nseg = 1 + (len > 64 ? rnd(4) : 0), i;
	uint32_t seg[4], left = len;

	for (i = 0; i < nseg; i++) {
		seg[i] = i == nseg - 1 ? left : rnd(left + 1);
		left -= seg[i];
	}
	return mbuf_chain(mb_pool, &(struct mbuf_chain_spec){
		.nb_segs = nseg, .seg_len = seg, .guard = GUARD,
		.fill = random_fill });
}

/* Bytes of every segment's buffer outside its data still GUARD. */
static int
guards_intact(const struct rte_mbuf *m)
{
	for (; m != NULL; m = m->next) {
		const uint8_t *b = m->buf_addr;
		uint32_t k, lo = m->data_off, hi = m->data_off + m->data_len;

		for (k = 0; k < m->buf_len; k++)
			if ((k < lo || k >= hi) && b[k] != GUARD)
				return 0;
	}
	return 1;
}

/* A region: mostly inside the packet, else anything. */
static void
region(uint32_t pkt, uint32_t block, uint32_t *off, uint32_t *len)
{
	static const uint32_t wild[] = { UINT32_MAX, UINT32_MAX - 15,
		0x80000000u, DATA_MAX * 4 };

	switch (rnd(10)) {
	case 0:
		*off = wild[rnd(RTE_DIM(wild))];
		*len = rnd(pkt + 1);
		break;
	case 1:
		*off = rnd(pkt + 1);
		*len = wild[rnd(RTE_DIM(wild))];
		break;
	case 2:
		*off = rnd(pkt + 2);
		*len = pkt + 1 - RTE_MIN(*off, pkt) + rnd(64);
		break;
	case 3:
		*off = rnd(pkt + 1);
		*len = rnd(pkt - *off + 1);	/* maybe not whole blocks */
		break;
	default:
		*off = rnd(pkt + 1);
		*len = rnd(pkt - *off + 1);
		*len -= *len % block;
		break;
	}
}

static int
fits(uint32_t off, uint32_t len, uint32_t pkt)
{
	return (uint64_t)off + len <= pkt;
}

/* A byte region in bits, as a 3GPP op gives it: mostly whole bytes, else
 * starting or ending inside one.
 */
static void
bit_region(uint32_t *off, uint32_t *len)
{
	uint64_t o = (uint64_t)*off * 8, l = (uint64_t)*len * 8;

	if (rnd(3) == 0)
		o += rnd(8);
	if (rnd(3) == 0 && l != 0)
		l -= rnd(8);
	*off = (uint32_t)RTE_MIN(o, UINT32_MAX);
	*len = (uint32_t)RTE_MIN(l, UINT32_MAX);
}

/* Whether a region (in bits when bits) lies in a packet of pkt bytes. */
static int
fits_in(int bits, uint32_t off, uint32_t len, uint32_t pkt)
{
	return bits ? (uint64_t)off + len <= (uint64_t)pkt * 8 :
		fits(off, len, pkt);
}

/* Build op i of a burst on session si (-1: a hostile session choice). */
static int
build(struct opcase *c, unsigned int i, int si, void *foreign)
{
	int short_op = rnd(30) == 0;
	struct rte_crypto_op *op = rte_crypto_op_alloc(short_op ? op_pool0 :
		op_pool, RTE_CRYPTO_OP_TYPE_SYMMETRIC);
	struct rte_crypto_sym_op *sym;
	const struct sdef *d;
	uint32_t pkt = rnd(DATA_MAX + 1), off, len, dpkt;

	if (op == NULL)
		return -1;
	memset(c, 0, sizeof(*c));
	c->op = op;
	sym = op->sym;
	c->src = make_pkt(pkt);
	if (c->src == NULL)
		return -1;
	sym->m_src = c->src;
	switch (rnd(10)) {
	case 0:	/* out of place, maybe shorter */
	case 1:
		dpkt = rnd(3) == 0 ? rnd(pkt + 1) : pkt;
		c->dst = make_pkt(dpkt);
		if (c->dst == NULL)
			return -1;
		sym->m_dst = c->dst;
		break;
	case 2:
		sym->m_dst = c->src;
		break;
	default:
		break;
	}
	if (!short_op)
		memset(rte_crypto_op_ctod_offset(op, uint8_t *, IV_OFF), 7, 32);
	c->sess = si;
	if (si < 0) {
		switch (rnd(4)) {
		case 0:
			op->sess_type = RTE_CRYPTO_OP_SESSIONLESS;
			break;
		case 1:
			rte_crypto_op_attach_sym_session(op, foreign);
			break;
		case 2:
			op->sess_type = RTE_CRYPTO_OP_WITH_SESSION;
			sym->session = NULL;
			break;
		default:
			rte_crypto_op_attach_sym_session(op, sess[0]);
			op->type = RTE_CRYPTO_OP_TYPE_ASYMMETRIC;
			break;
		}
		c->must_fail = 1;
		return 0;
	}
	d = &sdefs[si];
	rte_crypto_op_attach_sym_session(op, sess[si]);
	/* The IV would be read from past the op's object. */
	c->must_fail = short_op && d->iv_len != 0;
	if (d->kind == K_AEAD) {
		region(pkt, d->block, &off, &len);
		sym->aead.data.offset = off;
		sym->aead.data.length = len;
		sym->aead.digest.data = rnd(12) == 0 ? NULL : digests[i];
		sym->aead.aad.data = rnd(12) == 0 ? NULL : aads[i];
		c->must_fail |= !fits(off, len, pkt) ||
			sym->aead.digest.data == NULL ||
			(sym->aead.aad.data == NULL && d->aad != 0) ||
			(c->dst != NULL && !fits(off, len, c->dst->pkt_len));
		return 0;
	}
	if (d->kind != K_AUTH) {
		region(pkt, d->block, &off, &len);
		if (d->bits)
			bit_region(&off, &len);
		sym->cipher.data.offset = off;
		sym->cipher.data.length = len;
		c->must_fail |= !fits_in(d->bits, off, len, pkt) ||
			len % d->block != 0 ||
			(d->bits == 2 && ((off | len) & 7) != 0) ||
			(c->dst != NULL &&
			!fits_in(d->bits, off, len, c->dst->pkt_len));
	}
	/* A NULL auth has no region: whatever it says is ignored. */
	if (d->kind != K_CIPHER && d->algo2 != RTE_CRYPTO_AUTH_NULL) {
		region(pkt, 1, &off, &len);
		if (d->bits)
			bit_region(&off, &len);
		sym->auth.data.offset = off;
		sym->auth.data.length = len;
		sym->auth.digest.data = rnd(12) == 0 ? NULL : digests[i];
		/* 3GPP MACs start on a whole byte. */
		c->must_fail |= !fits_in(d->bits, off, len, pkt) ||
			(d->bits && (off & 7) != 0) ||
			(sym->auth.digest.data == NULL && d->digest != 0);
	}
	return 0;
}

static void
release(struct opcase *c)
{
	c->op->type = RTE_CRYPTO_OP_TYPE_SYMMETRIC;
	rte_pktmbuf_free(c->src);
	rte_pktmbuf_free(c->dst);
	rte_crypto_op_free(c->op);
}

static int
valid_status(uint8_t st)
{
	return st == RTE_CRYPTO_OP_STATUS_SUCCESS ||
		st == RTE_CRYPTO_OP_STATUS_AUTH_FAILED ||
		st == RTE_CRYPTO_OP_STATUS_INVALID_ARGS ||
		st == RTE_CRYPTO_OP_STATUS_INVALID_SESSION ||
		st == RTE_CRYPTO_OP_STATUS_ERROR;
}

/* Random session parameters (types, algorithms and ops out of range
 * included; keys, IVs, digests and AAD of any size): creation fails, or
 * gives a session an op can use and come back from with a final status and
 * no stray write. Returns how many of n went wrong.
 */
#define NB_XFORMS	20000
static uint8_t xkey[256], xaad[18 + 65536], xdigest[64];

/* A size: mostly one that some algorithm takes, else anything. */
enum { SZ_KEY, SZ_IV, SZ_DIGEST, SZ_AAD };

static uint32_t
rsize(int what, uint32_t max)
{
	static const uint16_t common[][6] = {
		[SZ_KEY] = { 16, 24, 32, 20, 64, 0 },
		[SZ_IV] = { 12, 16, 0, 7, 13, 8 },
		[SZ_DIGEST] = { 16, 12, 20, 32, 4, 64 },
		[SZ_AAD] = { 0, 16, 8, 12, 64, 1 },
	};

	return rnd(4) ? common[what][rnd(6)] : rnd(max + 1);
}

static void
random_xform(struct rte_crypto_sym_xform *x, int type)
{
	x->type = type;
	switch (x->type) {
	case RTE_CRYPTO_SYM_XFORM_AUTH:
		x->auth.op = rnd(3);
		x->auth.algo = rnd(30);
		x->auth.key.data = rnd(20) ? xkey : NULL;
		x->auth.key.length = rsize(SZ_KEY, 256);
		x->auth.iv.offset = rnd(4) ? IV_OFF : rnd(65536);
		x->auth.iv.length = rsize(SZ_IV, 65535);
		x->auth.digest_length = rsize(SZ_DIGEST, 65535);
		break;
	case RTE_CRYPTO_SYM_XFORM_CIPHER:
		x->cipher.op = rnd(3);
		x->cipher.algo = rnd(24);
		x->cipher.key.data = rnd(20) ? xkey : NULL;
		x->cipher.key.length = rsize(SZ_KEY, 256);
		x->cipher.iv.offset = rnd(4) ? IV_OFF : rnd(65536);
		x->cipher.iv.length = rsize(SZ_IV, 65535);
		break;
	case RTE_CRYPTO_SYM_XFORM_AEAD:
		x->aead.op = rnd(3);
		x->aead.algo = rnd(5);
		x->aead.key.data = rnd(20) ? xkey : NULL;
		x->aead.key.length = rsize(SZ_KEY, 256);
		x->aead.iv.offset = rnd(4) ? IV_OFF : rnd(65536);
		x->aead.iv.length = rsize(SZ_IV, 65535);
		x->aead.digest_length = rsize(SZ_DIGEST, 65535);
		x->aead.aad_length = rsize(SZ_AAD, 65535);
		break;
	default:
		break;
	}
}

static unsigned int
hostile_xforms(uint8_t q, unsigned int *made)
{
	struct rte_crypto_sym_xform x[3];
	struct rte_crypto_op *op, *out;
	unsigned int i, k, n, bad = 0, tries;
	struct rte_mbuf *m;
	void *se;

	for (i = 0; i < NB_XFORMS; i++) {
		static const int shapes[][3] = {
			{ RTE_CRYPTO_SYM_XFORM_AEAD },
			{ RTE_CRYPTO_SYM_XFORM_CIPHER },
			{ RTE_CRYPTO_SYM_XFORM_AUTH },
			{ RTE_CRYPTO_SYM_XFORM_CIPHER, RTE_CRYPTO_SYM_XFORM_AUTH },
			{ RTE_CRYPTO_SYM_XFORM_AUTH, RTE_CRYPTO_SYM_XFORM_CIPHER },
		};
		const int *shape = shapes[rnd(RTE_DIM(shapes))];

		memset(x, 0, sizeof(x));
		/* One in eight: types of any kind, in any number. */
		n = rnd(8) ? (shape[1] ? 2 : 1) : 1 + rnd(3);
		for (k = 0; k < n; k++) {
			random_xform(&x[k], n == 1 || shape[1] ? shape[k] :
				(int)rnd(5));
			x[k].next = k + 1 < n ? &x[k + 1] : NULL;
		}
		se = rte_cryptodev_sym_session_create(q, &x[0], sess_pool);
		if (se == NULL)
			continue;
		(*made)++;
		op = rte_crypto_op_alloc(op_pool, RTE_CRYPTO_OP_TYPE_SYMMETRIC);
		m = make_pkt(256);
		if (op == NULL || m == NULL) {
			bad++;
			break;
		}
		rte_crypto_op_attach_sym_session(op, se);
		op->sym->m_src = m;
		/* aead.data and cipher.data are one union member. */
		op->sym->cipher.data.offset = 0;
		op->sym->cipher.data.length = 16 * rnd(17);
		op->sym->auth.data.offset = rnd(64);
		op->sym->auth.data.length = rnd(193);
		if (x[0].type == RTE_CRYPTO_SYM_XFORM_AEAD) {
			op->sym->aead.digest.data = xdigest;
			op->sym->aead.aad.data = xaad;
		} else {
			op->sym->auth.digest.data = xdigest;
		}
		out = NULL;
		if (rte_cryptodev_enqueue_burst(q, 0, &op, 1) == 1)
			for (tries = 0; out == NULL && tries < 1000; tries++)
				rte_cryptodev_dequeue_burst(q, 0, &out, 1);
		if (out != op || !valid_status(op->status) ||
				!guards_intact(m)) {
			if (bad++ < 5)
				printf("# xform %u: session made, op %s (status %d)\n",
					i, out != op ? "lost" : "bad",
					op->status);
		}
		rte_pktmbuf_free(m);
		rte_crypto_op_free(op);
		rte_cryptodev_sym_session_free(q, se);
	}
	return bad;
}

/* What the rounds saw, for the final assertions. */
struct tally {
	unsigned int made, lost, twice, badst, wrong_ok, smashed, nfail;
};

/* crypto_qatsec (the default section's device) and crypto_null, their
 * pools and queue pairs, started; each step is a TAP line.
 */
static bool
setup_devices(int *q, int *nul)
{
	struct rte_cryptodev_config cfg = { .socket_id = SOCKET_ID_ANY,
		.nb_queue_pairs = 1 };
	struct rte_cryptodev_qp_conf qc = { .nb_descriptors = 4096 };
	uint32_t ssz;
	bool ret;

	*q = rte_cryptodev_get_dev_id("crypto_qatsec");
	*nul = rte_cryptodev_get_dev_id("crypto_null");
	if (*q < 0) {
		/* The default vdev is named after its section. */
		uint8_t ids[8];

		if (rte_cryptodev_devices_get("crypto_qatsec", ids, 8) > 0)
			*q = ids[0];
	}
	tap_ok(*q >= 0 && *nul >= 0 && rte_pmd_qatsec_section_count() == 1,
		"crypto_qatsec (%d, the default section) and crypto_null (%d) probed",
		*q, *nul);
	if (*q < 0 || *nul < 0)
		return false;
	ssz = RTE_MAX(rte_cryptodev_sym_get_private_session_size(*q),
		rte_cryptodev_sym_get_private_session_size(*nul));
	sess_pool = rte_cryptodev_sym_session_pool_create("h_sess", 64, ssz,
		0, 0, SOCKET_ID_ANY);
	op_pool = rte_crypto_op_pool_create("h_ops",
		RTE_CRYPTO_OP_TYPE_SYMMETRIC, 2 * BURST, 0, 32, SOCKET_ID_ANY);
	op_pool0 = rte_crypto_op_pool_create("h_ops0",
		RTE_CRYPTO_OP_TYPE_SYMMETRIC, 2 * BURST, 0, 0, SOCKET_ID_ANY);
	mb_pool = rte_pktmbuf_pool_create("h_mb", 16 * BURST, 0, 0,
		RTE_PKTMBUF_HEADROOM + DATA_MAX, SOCKET_ID_ANY);
	qc.mp_session = sess_pool;
	ret = sess_pool != NULL && op_pool != NULL && op_pool0 != NULL &&
		mb_pool != NULL &&
		rte_cryptodev_configure(*q, &cfg) == 0 &&
		rte_cryptodev_queue_pair_setup(*q, 0, &qc, SOCKET_ID_ANY) == 0 &&
		rte_cryptodev_configure(*nul, &cfg) == 0 &&
		rte_cryptodev_queue_pair_setup(*nul, 0, &qc, SOCKET_ID_ANY) == 0 &&
		rte_cryptodev_start(*q) == 0 && rte_cryptodev_start(*nul) == 0;
	return tap_ok(ret, "devices configured and started");
}

/* Every qatsec session of sdefs, and a crypto_null one (a foreign session). */
static bool
setup_sessions(int q, int nul, void **foreign)
{
	struct rte_crypto_sym_xform nx = {
		.type = RTE_CRYPTO_SYM_XFORM_CIPHER,
		.cipher = { .algo = RTE_CRYPTO_CIPHER_NULL,
			.op = RTE_CRYPTO_CIPHER_OP_ENCRYPT },
	};
	unsigned int k, nsess = 0;

	for (k = 0; k < NB_SESS; k++)
		nsess += make_session(q, &sdefs[k], &sess[k]) == 0;
	*foreign = rte_cryptodev_sym_session_create(nul, &nx, sess_pool);
	return tap_ok(nsess == NB_SESS && *foreign != NULL,
		"%u of %u qatsec sessions and a crypto_null session made",
		nsess, (unsigned int)NB_SESS);
}

/* The n ops of round r came back (or not): judge each, then free it. */
static void
judge_round(struct opcase *cs, unsigned int n, unsigned int enq,
		unsigned int r, struct tally *t)
{
	for (unsigned int i = 0; i < n; i++) {
		uint8_t st = cs[i].op->status;

		if (i >= enq) {
			release(&cs[i]);
			continue;
		}
		t->twice += cs[i].seen > 1;
		t->badst += cs[i].seen == 1 && !valid_status(st);
		if (cs[i].seen == 1 && cs[i].must_fail &&
				st == RTE_CRYPTO_OP_STATUS_SUCCESS) {
			if (t->wrong_ok++ < 5)
				printf("# round %u op %u (%s) succeeded: off %u len %u pkt %u\n",
					r, i, cs[i].sess >= 0 ?
					sdefs[cs[i].sess].name : "hostile session",
					cs[i].op->sym->cipher.data.offset,
					cs[i].op->sym->cipher.data.length,
					cs[i].src->pkt_len);
		}
		t->nfail += cs[i].must_fail;
		t->smashed += !guards_intact(cs[i].src) ||
			(cs[i].dst != NULL && !guards_intact(cs[i].dst));
		release(&cs[i]);
	}
}

/* One burst of random ops, in runs of one session; false if the pools ran
 * dry (a TAP failure line says so).
 */
static bool
run_round(int q, unsigned int r, void *foreign, struct tally *t)
{
	struct opcase cs[BURST];
	struct rte_crypto_op *ops[BURST], *out[BURST];
	unsigned int n = 1 + rnd(BURST), enq, deq = 0, tries, i, k;
	int si = 0;

	for (i = 0; i < n; i++) {
		/* Runs of one session reach the fast paths. */
		if (i == 0 || rnd(5) == 0)
			si = rnd(20) == 0 ? -1 : (int)rnd(NB_SESS);
		if (build(&cs[i], i, si, foreign) != 0) {
			tap_ok(0, "round %u: cannot build op %u (pools)", r, i);
			return false;
		}
		ops[i] = cs[i].op;
		t->made++;
	}
	enq = rte_cryptodev_enqueue_burst(q, 0, ops, n);
	for (tries = 0; deq < enq && tries < 1000; tries++)
		deq += rte_cryptodev_dequeue_burst(q, 0, out + deq, enq - deq);
	t->lost += enq - deq + (n - enq);
	for (k = 0; k < deq; k++)
		for (i = 0; i < n; i++)
			if (cs[i].op == out[k])
				cs[i].seen++;
	judge_round(cs, n, enq, r, t);
	return true;
}

int
main(int argc, char **argv)
{
	struct tally t = { 0 };
	unsigned int r, k, xbad, xmade = 0;
	void *foreign = NULL;
	uint64_t seed;
	int q, nul, ret;

	ret = rte_eal_init(argc, argv);
	if (ret < 0)
		return 2;
	argc -= ret;
	argv += ret;
	seed = argc > 1 ? strtoull(argv[1], NULL, 0) :
		(uint64_t)time(NULL);
	rte_srand(seed);
	printf("# seed %" PRIu64 " (rerun: test_pmd_hostile [EAL args] -- %" PRIu64 ")\n",
		seed, seed);
	if (!setup_devices(&q, &nul) || !setup_sessions(q, nul, &foreign))
		return tap_done();
	for (r = 0; r < NB_ROUNDS; r++)
		if (!run_round(q, r, foreign, &t))
			return tap_done();
	printf("# %u ops, %u of them hostile\n", t.made, t.nfail);
	tap_ok(t.lost == 0, "every op enqueued and dequeued (%u not)", t.lost);
	tap_ok(t.twice == 0, "no op dequeued twice (%u)", t.twice);
	tap_ok(t.badst == 0, "every op has a final status (%u do not)", t.badst);
	tap_ok(t.wrong_ok == 0, "no op with a region out of its packet, a missing digest or AAD, or a wrong session or type succeeds (%u did)",
		t.wrong_ok);
	tap_ok(t.smashed == 0, "no byte outside the packets was written (%u ops did)",
		t.smashed);
	tap_ok(t.nfail > t.made / 10, "the ops were hostile enough (%u of %u)",
		t.nfail, t.made);
	xbad = hostile_xforms(q, &xmade);
	tap_ok(xbad == 0 && xmade > 0,
		"%u random session set-ups: %u made, each used by an op without harm (%u not)",
		NB_XFORMS, xmade, xbad);
	rte_cryptodev_stop(q);
	rte_cryptodev_stop(nul);
	for (k = 0; k < NB_SESS; k++)
		rte_cryptodev_sym_session_free(q, sess[k]);
	rte_cryptodev_sym_session_free(nul, foreign);
	rte_eal_cleanup();
	return tap_done();
}
