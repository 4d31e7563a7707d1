/* SPDX-License-Identifier: BSD-3-Clause
 * The openssl_sym engine under random, mostly hostile ops (direct calls):
 * random sessions of every kind it serves, random chains (segments of 0..
 * 300 bytes, a dst sometimes, shorter or longer), random regions (past the
 * chain, wrapping 32 bits), NULL digests or AAD, sessionless or NULL
 * sessions, in random bursts. Each op must come back with a final status,
 * succeed only when its region lies inside its chains, and no byte outside
 * the segments' data or past the digest may change (guard bytes).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cryptodev_pmd.h>
#include <rte_mbuf.h>

#include "engine_test.h"

#define FZ_OPS		20000
#define FZ_BURST	32
#define FZ_GUARD	0x5a
#define FZ_DIG		64

static uint8_t fz_key[128];	/* the longest key below: 100 */

#define C(alg, kl, ivl, o) { .type = RTE_CRYPTO_SYM_XFORM_CIPHER, \
	.cipher = { .algo = (alg), .op = (o), \
		.key = { .data = fz_key, .length = (kl) }, \
		.iv = { .offset = ET_IV_OFFSET, .length = (ivl) } } }
#define A(alg, kl, dl, o) { .type = RTE_CRYPTO_SYM_XFORM_AUTH, \
	.auth = { .algo = (alg), .op = (o), \
		.key = { .data = (kl) ? fz_key : NULL, .length = (kl) }, \
		.digest_length = (dl) } }
#define E(kl, dl, ivl, al, o) { .type = RTE_CRYPTO_SYM_XFORM_AEAD, \
	.aead = { .algo = RTE_CRYPTO_AEAD_AES_CCM, .op = (o), \
		.key = { .data = fz_key, .length = (kl) }, \
		.iv = { .offset = ET_IV_OFFSET, .length = (ivl) }, \
		.digest_length = (dl), .aad_length = (al) } }

#define ENC	RTE_CRYPTO_CIPHER_OP_ENCRYPT
#define DEC	RTE_CRYPTO_CIPHER_OP_DECRYPT
#define GEN	RTE_CRYPTO_AUTH_OP_GENERATE
#define VER	RTE_CRYPTO_AUTH_OP_VERIFY
#define AENC	RTE_CRYPTO_AEAD_OP_ENCRYPT
#define ADEC	RTE_CRYPTO_AEAD_OP_DECRYPT

struct fz_sess {
	struct rte_crypto_sym_xform x[2];
	int n;
	unsigned int block;	/* region must be whole blocks of this */
	unsigned int min;	/* shortest non-empty cipher region */
	bool aead;
	struct rte_cryptodev_sym_session *s;
};

static struct fz_sess fz[] = {
	{ { C(RTE_CRYPTO_CIPHER_AES_XTS, 32, 16, ENC) }, 1, 1, 16, false, NULL },
	{ { C(RTE_CRYPTO_CIPHER_AES_XTS, 64, 16, DEC) }, 1, 1, 16, false, NULL },
	{ { C(RTE_CRYPTO_CIPHER_SM4_ECB, 16, 0, ENC) }, 1, 16, 0, false, NULL },
	{ { C(RTE_CRYPTO_CIPHER_SM4_CBC, 16, 16, DEC) }, 1, 16, 0, false, NULL },
	{ { C(RTE_CRYPTO_CIPHER_SM4_CTR, 16, 16, ENC),
		A(RTE_CRYPTO_AUTH_SHA3_256_HMAC, 32, 32, GEN) }, 2, 1, 0, false,
		NULL },
	{ { A(RTE_CRYPTO_AUTH_SHA3_512_HMAC, 100, 40, VER),
		C(RTE_CRYPTO_CIPHER_SM4_CBC, 16, 16, DEC) }, 2, 16, 0, false,
		NULL },
	{ { A(RTE_CRYPTO_AUTH_SHA3_224, 0, 28, GEN) }, 1, 1, 0, false, NULL },
	{ { A(RTE_CRYPTO_AUTH_SM3, 0, 32, VER) }, 1, 1, 0, false, NULL },
	{ { E(24, 16, 13, 20, AENC) }, 1, 1, 0, true, NULL },
	{ { E(16, 8, 7, 0, ADEC) }, 1, 1, 0, true, NULL },
};

/* A chain of 1..5 segments of 0..300 bytes, every buffer byte outside the
 * data a guard byte.
 */
static struct rte_mbuf *
fz_chain(void)
{
	unsigned int nseg = 1 + et_rand() % 5, i, n;
	struct rte_mbuf *head = NULL, *m;
	uint8_t *d;

	for (i = 0; i < nseg; i++) {
		m = rte_pktmbuf_alloc(et_mbuf_pool());
		if (m == NULL)
			break;
		memset(m->buf_addr, FZ_GUARD, m->buf_len);
		n = et_rand() % 301;
		d = (uint8_t *)rte_pktmbuf_append(m, n);
		if (d != NULL)
			for (; n != 0; n--)
				*d++ = (uint8_t)et_rand();
		if (head == NULL)
			head = m;
		else if (rte_pktmbuf_chain(head, m) != 0)
			rte_pktmbuf_free(m);
	}
	return head;
}

static uint64_t
fz_extent(const struct rte_mbuf *m)
{
	uint64_t n = 0;

	for (; m != NULL; m = m->next)
		n += m->data_len;
	return n;
}

static bool
fz_guards_ok(const struct rte_mbuf *m)
{
	const uint8_t *b;
	unsigned int i;

	for (; m != NULL; m = m->next) {
		b = m->buf_addr;
		for (i = 0; i < m->buf_len; i++)
			if ((i < m->data_off || i >= m->data_off + m->data_len) &&
					b[i] != FZ_GUARD)
				return false;
	}
	return true;
}

/* A random region: usually inside the chain, sometimes past it or
 * wrapping; lengths snapped to the session's block some of the time.
 */
static void
fz_region(uint64_t ext, unsigned int block, uint32_t *off, uint32_t *len)
{
	uint32_t r = et_rand() % 100;

	*off = ext != 0 ? et_rand() % (ext + 1) : 0;
	*len = ext > *off ? et_rand() % (ext - *off + 1) : 0;
	if (r < 10)
		*len += 1 + et_rand() % 32;		/* past the end */
	else if (r < 13)
		*off = 0xfffffff0u;			/* wraps */
	else if (r < 60 && block > 1)
		*len -= *len % block;
}

struct fz_op {
	struct rte_crypto_op *op;
	struct rte_mbuf *src, *dst;
	uint8_t dig[FZ_DIG * 2], aad[18 + 20 + 16];
	bool in_bounds, hostile_sess;
};

static void
fz_build(struct fz_op *f)
{
	struct fz_sess *s = &fz[et_rand() % RTE_DIM(fz)];
	struct rte_crypto_sym_op *sym;
	uint32_t off, len, r = et_rand() % 100;
	uint64_t hi, ext;

	f->op = rte_crypto_op_alloc(et_op_pool(), RTE_CRYPTO_OP_TYPE_SYMMETRIC);
	f->src = fz_chain();
	f->dst = et_rand() % 3 == 0 ? fz_chain() : NULL;
	if (f->op == NULL || f->src == NULL)
		return;
	sym = f->op->sym;
	rte_crypto_op_attach_sym_session(f->op, s->s);
	f->hostile_sess = false;
	if (r < 2) {
		f->op->sess_type = RTE_CRYPTO_OP_SESSIONLESS;
		f->hostile_sess = true;
	} else if (r < 4) {
		sym->session = NULL;
		f->hostile_sess = true;
	}
	sym->m_src = f->src;
	sym->m_dst = f->dst;
	memset(f->dig, FZ_GUARD, sizeof(f->dig));
	ext = fz_extent(f->src);
	fz_region(ext, s->block, &off, &len);
	if (s->aead) {
		sym->aead.data.offset = off;
		sym->aead.data.length = len;
		sym->aead.aad.data = et_rand() % 10 ? f->aad : NULL;
		sym->aead.digest.data = et_rand() % 10 ? f->dig : NULL;
	} else {
		sym->cipher.data.offset = off;
		sym->cipher.data.length = len;
		sym->auth.data.offset = off;
		sym->auth.data.length = len;
		sym->auth.digest.data = et_rand() % 10 ? f->dig : NULL;
	}
	hi = (uint64_t)off + len;
	f->in_bounds = hi <= ext &&
		(f->dst == NULL || hi <= fz_extent(f->dst));
}

static void
fz_free(struct fz_op *f)
{
	rte_pktmbuf_free(f->src);
	rte_pktmbuf_free(f->dst);
	rte_crypto_op_free(f->op);
	memset(f, 0, sizeof(*f));
}

int et_fuzz(void);

int
et_fuzz(void)
{
	const struct qatsec_engine *e = et_engine();
	struct fz_op f[FZ_BURST];
	struct rte_crypto_op *ops[FZ_BURST];
	unsigned int i, k, n, done = 0, lost = 0, oob = 0, guard = 0, ok = 0;
	unsigned int miscount = 0;
	int r, bad;

	for (i = 0; i < sizeof(fz_key); i++)
		fz_key[i] = (uint8_t)(i * 7 + 3);
	for (i = 0; i < RTE_DIM(fz); i++) {
		fz[i].x[0].next = fz[i].n > 1 ? &fz[i].x[1] : NULL;
		fz[i].s = calloc(1, sizeof(*fz[i].s) + e->session_size());
		if (fz[i].s == NULL || e->session_configure(
				fz[i].s->driver_priv_data, &fz[i].x[0]) != 0) {
			et_ok(false, "fuzz: session %u", i);
			return 0;
		}
	}
	memset(f, 0, sizeof(f));
	while (done < FZ_OPS) {
		n = 1 + et_rand() % FZ_BURST;
		for (k = 0; k < n; k++) {
			fz_build(&f[k]);
			if (f[k].op == NULL || f[k].src == NULL) {
				et_ok(false, "fuzz: harness (pools)");
				return 0;
			}
			f[k].op->status = RTE_CRYPTO_OP_STATUS_NOT_PROCESSED;
			ops[k] = f[k].op;
		}
		r = e->process(ops, n);
		bad = 0;
		for (k = 0; k < n; k++) {
			uint8_t st = f[k].op->status;

			if (st == RTE_CRYPTO_OP_STATUS_NOT_PROCESSED)
				lost++;
			if (st != RTE_CRYPTO_OP_STATUS_SUCCESS)
				bad++;
			else
				ok++;
			if (st == RTE_CRYPTO_OP_STATUS_SUCCESS &&
					(!f[k].in_bounds || f[k].hostile_sess))
				oob++;
			if (!fz_guards_ok(f[k].src) || !fz_guards_ok(f[k].dst) ||
					f[k].dig[FZ_DIG] != FZ_GUARD)
				guard++;
			fz_free(&f[k]);
		}
		if (r != bad)
			miscount++;
		done += n;
	}
	for (i = 0; i < RTE_DIM(fz); i++)
		free(fz[i].s);
	et_ok(lost == 0 && oob == 0 && guard == 0 && miscount == 0 && ok > 0,
		"fuzz: %u random ops in random bursts over %u sessions: %u "
		"succeeded, %u without a final status, %u succeeded out of "
		"bounds or without a session, %u wrote outside their data, %u "
		"bursts miscounted", done, (unsigned int)RTE_DIM(fz), ok, lost,
		oob, guard, miscount);
	return 0;
}
