/* SPDX-License-Identifier: BSD-3-Clause
 * qatsec core: buffer vectors (CPU crypto, raw data path) as ops of the
 * calling thread's own, over mbuf headers that describe the vector's
 * segments in place. The op and the mbuf headers are per-thread scratch:
 * nothing of a vector outlives the call.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <rte_common.h>
#include <rte_mbuf.h>

#include "qatsec_sym_vec.h"

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

/* Regions from head/tail offsets, in bits where the session wants them. */
static int
qatsec_vec_regions(const struct qatsec_vec_shape *sh,
		struct rte_crypto_sym_op *sym, union rte_crypto_sym_ofs ofs,
		uint32_t tot)
{
	uint32_t ch = ofs.ofs.cipher.head, ct = ofs.ofs.cipher.tail;
	uint32_t ah = ofs.ofs.auth.head, at = ofs.ofs.auth.tail;
	uint32_t cm = (sh->flags & QATSEC_VEC_C_BITS) ? 8 : 1;
	uint32_t am = (sh->flags & QATSEC_VEC_A_BITS) ? 8 : 1;

	if (((sh->flags & (QATSEC_VEC_CIPHER | QATSEC_VEC_AEAD)) &&
			ch + ct > tot) ||
			((sh->flags & QATSEC_VEC_AUTH) && ah + at > tot))
		return -1;
	if (sh->flags & QATSEC_VEC_AEAD) {
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

/* The thread's op for operation i of vec; -1 when it cannot be made. */
static int
qatsec_vec_op(struct qatsec_vec_tls *t, void *sess,
		const struct qatsec_vec_shape *sh, union rte_crypto_sym_ofs ofs,
		const struct rte_crypto_sym_vec *vec, uint32_t i)
{
	struct rte_crypto_op *op = (struct rte_crypto_op *)t->op;
	struct rte_crypto_sym_op *sym = op->sym;
	const struct rte_crypto_va_iova_ptr *aiv = NULL, *iv = NULL;
	bool aead = (sh->flags & QATSEC_VEC_AEAD) != 0;
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
	if (!aead && vec->auth_iv != NULL)
		aiv = &vec->auth_iv[i];
	if ((sh->flags & QATSEC_VEC_IV_IN_AUTH_IV) && aiv != NULL &&
			aiv->va != NULL)
		iv = aiv;
	if (qatsec_vec_iv(t->op, sh->iv_off, sh->iv_len, iv, sh->iv_skip) != 0 ||
			qatsec_vec_iv(t->op, sh->auth_iv_off, sh->auth_iv_len,
				aiv, 0) != 0)
		return -1;
	if (qatsec_vec_regions(sh, sym, ofs, (uint32_t)tot) != 0)
		return -1;
	if (aead) {
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
qatsec_sym_vec_fail(struct rte_crypto_sym_vec *vec, int32_t err)
{
	uint32_t i;

	for (i = 0; i < vec->num; i++)
		vec->status[i] = err;
	return 0;
}

uint32_t
qatsec_sym_vec_run(void *sess, const struct qatsec_vec_shape *shape,
		union rte_crypto_sym_ofs ofs, struct rte_crypto_sym_vec *vec,
		qatsec_vec_process_fn process)
{
	struct qatsec_vec_tls *t = qatsec_vec_scratch();
	struct rte_crypto_op *op;
	uint32_t i, ok = 0;

	if (t == NULL)
		return qatsec_sym_vec_fail(vec, ENOMEM);
	op = (struct rte_crypto_op *)t->op;
	for (i = 0; i < vec->num; i++) {
		if (qatsec_vec_op(t, sess, shape, ofs, vec, i) != 0) {
			vec->status[i] = EINVAL;
			continue;
		}
		if (process(&op, 1) < 0) {
			vec->status[i] = ENOMEM;
			continue;
		}
		vec->status[i] = qatsec_vec_errno(op->status);
		ok += vec->status[i] == 0;
	}
	return ok;
}
