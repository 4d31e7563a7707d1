/* SPDX-License-Identifier: BSD-3-Clause
 * ipsec-mb engine: operations given as buffer vectors (CPU crypto and the
 * raw data-path API, struct rte_crypto_sym_vec). Each becomes an op of the
 * calling thread's own over mbuf headers that describe the vector's
 * segments in place (no copy), and runs through the engine's datapath, so
 * every algorithm, chain and buffer shape an op may take is served alike
 * and checked alike. The op and the mbuf headers are per-thread scratch:
 * nothing of a vector outlives the call.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <cryptodev_pmd.h>

#include "qatsec_sym_private.h"

/* Segments of one vector, after splitting those past an mbuf's 64 KiB. */
#define VEC_SEGS	64
/* An IV may sit at any 16-bit offset of an op. */
#define VEC_OP_SIZE	(sizeof(struct rte_crypto_op) + \
	sizeof(struct rte_crypto_sym_op) + UINT16_MAX + 64)

struct qatsec_vec_tls {
	struct rte_mbuf src[VEC_SEGS];
	struct rte_mbuf dst[VEC_SEGS];
	uint8_t op[VEC_OP_SIZE] __rte_aligned(RTE_CACHE_LINE_SIZE);
};

static __thread struct qatsec_vec_tls *qatsec_vec_tls;

/* Stands in for the data of an empty vector. */
static uint8_t qatsec_vec_empty[16];

static struct qatsec_vec_tls *
qatsec_vec_scratch(void)
{
	if (unlikely(qatsec_vec_tls == NULL))
		qatsec_vec_tls = aligned_alloc(RTE_CACHE_LINE_SIZE,
			sizeof(struct qatsec_vec_tls));
	return qatsec_vec_tls;
}

static void
qatsec_vec_seg(struct rte_mbuf *m, void *base, uint32_t len)
{
	memset(m, 0, sizeof(*m));
	m->buf_addr = base;
	m->buf_len = (uint16_t)len;
	m->data_len = (uint16_t)len;
	m->nb_segs = 1;
}

/* m[] describes sgl as one chain; returns its length or -1 (too many
 * segments, or a segment without data).
 */
static int64_t
qatsec_vec_chain(struct rte_mbuf *m, const struct rte_crypto_sgl *sgl)
{
	uint32_t i, off, len, n = 0;
	uint64_t tot = 0;

	for (i = 0; sgl != NULL && i < sgl->num; i++) {
		const struct rte_crypto_vec *v = &sgl->vec[i];

		if (v->len != 0 && v->base == NULL)
			return -1;
		for (off = 0; off < v->len; off += len) {
			len = RTE_MIN(v->len - off, (uint32_t)UINT16_MAX);
			if (n == VEC_SEGS)
				return -1;
			qatsec_vec_seg(&m[n], (uint8_t *)v->base + off, len);
			if (n != 0)
				m[n - 1].next = &m[n];
			n++;
			tot += len;
		}
	}
	if (n == 0)
		qatsec_vec_seg(&m[n++], qatsec_vec_empty, 0);
	if (tot > UINT32_MAX / 8)
		return -1;
	m[0].nb_segs = (uint16_t)n;
	m[0].pkt_len = (uint32_t)tot;
	return (int64_t)tot;
}

/* Copy an IV the vector points at to where the session reads it. */
static int
qatsec_vec_iv(uint8_t *op, uint32_t off, uint32_t len,
		const struct rte_crypto_va_iova_ptr *p, uint32_t skip)
{
	if (len == 0)
		return 0;
	if (p == NULL || p->va == NULL)
		return -1;
	memcpy(op + off, (const uint8_t *)p->va + skip, len);
	return 0;
}

/* Regions from head/tail offsets; lengths in bits where s wants them. */
static int
qatsec_vec_regions(const struct qatsec_sym_sess *s, struct rte_crypto_sym_op *sym,
		union rte_crypto_sym_ofs ofs, uint32_t tot)
{
	uint32_t ch = ofs.ofs.cipher.head, ct = ofs.ofs.cipher.tail;
	uint32_t ah = ofs.ofs.auth.head, at = ofs.ofs.auth.tail;
	uint32_t cm = (s->bits & (B_C_BITS | B_C_BYTES)) ? 8 : 1;
	uint32_t am = (s->bits & (B_A_BITS | B_A_BYTES)) ? 8 : 1;

	if (((s->flags & F_CIPHER) && ch + ct > tot) ||
			((s->flags & F_AUTH) && !(s->flags & F_AEAD) &&
			ah + at > tot))
		return -1;
	if (s->flags & F_AEAD) {
		sym->aead.data.offset = ch;
		sym->aead.data.length = tot - ch - ct;
		return 0;
	}
	if (ch + ct <= tot) {
		sym->cipher.data.offset = ch * cm;
		sym->cipher.data.length = (tot - ch - ct) * cm;
	}
	if (ah + at <= tot) {
		sym->auth.data.offset = ah * am;
		sym->auth.data.length = (tot - ah - at) * am;
	}
	return 0;
}

/* Fill the thread's op for operation i of vec; -1 when it cannot be. */
static int
qatsec_vec_op(struct qatsec_vec_tls *t, void *sess,
		const struct qatsec_sym_sess *s, union rte_crypto_sym_ofs ofs,
		const struct rte_crypto_sym_vec *vec, uint32_t i)
{
	struct rte_crypto_op *op = (struct rte_crypto_op *)t->op;
	struct rte_crypto_sym_op *sym = op->sym;
	const struct rte_crypto_va_iova_ptr *aiv = NULL, *iv = NULL;
	int64_t tot;

	memset(op, 0, sizeof(*op) + sizeof(*sym));
	op->type = RTE_CRYPTO_OP_TYPE_SYMMETRIC;
	op->sess_type = RTE_CRYPTO_OP_WITH_SESSION;
	op->status = RTE_CRYPTO_OP_STATUS_NOT_PROCESSED;
	sym->session = sess;
	tot = qatsec_vec_chain(t->src, &vec->src_sgl[i]);
	if (tot < 0)
		return -1;
	sym->m_src = t->src;
	if (vec->dest_sgl != NULL) {
		if (qatsec_vec_chain(t->dst, &vec->dest_sgl[i]) < 0)
			return -1;
		sym->m_dst = t->dst;
	}
	if (vec->iv != NULL)
		iv = &vec->iv[i];
	if (!(s->flags & F_AEAD) && vec->auth_iv != NULL)
		aiv = &vec->auth_iv[i];
	/* GMAC's IV is its auth IV; CCM's nonce follows a flags byte. */
	if (s->kind == QATSEC_KIND_GMAC && aiv != NULL && aiv->va != NULL)
		iv = aiv;
	if (qatsec_vec_iv(t->op, s->iv_off, s->iv_len, iv,
			s->job_union == QATSEC_JOB_U_CCM) != 0 ||
			qatsec_vec_iv(t->op, s->auth_iv_off, s->auth_iv_len,
				aiv, 0) != 0)
		return -1;
	if (qatsec_vec_regions(s, sym, ofs, (uint32_t)tot) != 0)
		return -1;
	if (s->flags & F_AEAD) {
		sym->aead.digest.data = vec->digest ? vec->digest[i].va : NULL;
		sym->aead.aad.data = vec->aad ? vec->aad[i].va : NULL;
	} else {
		sym->auth.digest.data = vec->digest ? vec->digest[i].va : NULL;
	}
	return 0;
}

static int32_t
qatsec_vec_errno(uint8_t st)
{
	switch (st) {
	case RTE_CRYPTO_OP_STATUS_SUCCESS:
		return 0;
	case RTE_CRYPTO_OP_STATUS_AUTH_FAILED:
		return EBADMSG;
	case RTE_CRYPTO_OP_STATUS_INVALID_SESSION:
		return ENOTSUP;
	case RTE_CRYPTO_OP_STATUS_ERROR:
		return EIO;
	default:
		return EINVAL;
	}
}

uint32_t
qatsec_sym_vec_process(void *sess, union rte_crypto_sym_ofs ofs,
		struct rte_crypto_sym_vec *vec)
{
	const struct qatsec_sym_sess *s = CRYPTODEV_GET_SYM_SESS_PRIV(sess);
	struct qatsec_vec_tls *t = qatsec_vec_scratch();
	struct rte_crypto_op *op;
	uint32_t i, ok = 0;
	int32_t err = 0;

	if (t == NULL)
		err = ENOMEM;
	else if (s->hdr.magic != QATSEC_SESS_MAGIC)
		err = EINVAL;
	for (i = 0; i < vec->num; i++) {
		if (err != 0) {
			vec->status[i] = err;
			continue;
		}
		if (qatsec_vec_op(t, sess, s, ofs, vec, i) != 0) {
			vec->status[i] = EINVAL;
			continue;
		}
		op = (struct rte_crypto_op *)t->op;
		if (qatsec_sym_process(&op, 1) < 0) {
			vec->status[i] = ENOMEM;
			continue;
		}
		vec->status[i] = qatsec_vec_errno(op->status);
		ok += vec->status[i] == 0;
	}
	return ok;
}
