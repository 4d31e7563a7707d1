/* SPDX-License-Identifier: BSD-3-Clause
 * ipsec-mb engine: the paths off the fast path, kept apart so that
 * qatsec_sym.c reads as the fast path it is: fragmented (multi-segment)
 * mbufs, out-of-place copies of regions, and AES-GMAC, which takes its
 * data segment by segment.
 */
#include <string.h>

#include <cryptodev_pmd.h>

#include "qatsec_sym_private.h"

/* Copy the cipher region of src to dst (NULL cipher out of place). */
uint8_t
qatsec_region_copy(struct qatsec_tls *t, const struct qatsec_req *r)
{
	uint32_t off = r->c_off, len = r->c_len, n;

	if (qatsec_flat(r)) {
		memcpy(rte_pktmbuf_mtod_offset(r->dst, uint8_t *, off),
			rte_pktmbuf_mtod_offset(r->src, uint8_t *, off), len);
		return RTE_CRYPTO_OP_STATUS_SUCCESS;
	}
	while (len != 0) {
		n = RTE_MIN(len, (uint32_t)QATSEC_LINEAR_MAX);
		if (qatsec_mbuf_copy(r->src, off, n, t->bounce, false) != 0 ||
				qatsec_mbuf_copy(r->dst, off, n, t->bounce, true) != 0)
			return RTE_CRYPTO_OP_STATUS_INVALID_ARGS;
		off += n;
		len -= n;
	}
	return RTE_CRYPTO_OP_STATUS_SUCCESS;
}

/* AES-GCM on a fragmented op: the direct API wants one buffer, so the
 * region goes through the bounce buffer.
 */
uint8_t
qatsec_gcm_sgl(aes_gcm_enc_dec_t fn, struct qatsec_tls *t,
		const struct qatsec_sym_sess *s, const struct qatsec_req *r)
{
	uint8_t st;

	if (r->c_len > QATSEC_LINEAR_MAX ||
			qatsec_mbuf_copy(r->src, r->c_off, r->c_len, t->bounce,
				false) != 0)
		return RTE_CRYPTO_OP_STATUS_INVALID_ARGS;
	st = qatsec_gcm_linear(fn, t, s, t->bounce, t->bounce, r->c_len,
		r->iv, r->aad, r->digest);
	if (qatsec_mbuf_copy(r->dst != NULL ? r->dst : r->src, r->c_off,
			r->c_len, t->bounce, true) != 0)
		return RTE_CRYPTO_OP_STATUS_INVALID_ARGS;
	return st;
}

uint8_t
qatsec_gmac(IMB_MGR *mgr, struct qatsec_tls *t, const struct qatsec_sym_sess *s,
		const struct qatsec_req *r)
{
	const struct gcm_key_data *gk = (const void *)qatsec_keys(s);
	struct gcm_context_data ctx __rte_aligned(64);
	aes_gmac_init_t init;
	aes_gmac_update_t update;
	aes_gmac_finalize_t fin;
	struct qatsec_seg_walk w;
	uint8_t *p, *tag;
	uint32_t n;
	int more;

	if (unlikely(s->arch != mgr->used_arch))
		return RTE_CRYPTO_OP_STATUS_INVALID_SESSION;
	if (s->key_len == 16) {
		init = mgr->gmac128_init;
		update = mgr->gmac128_update;
		fin = mgr->gmac128_finalize;
	} else if (s->key_len == 24) {
		init = mgr->gmac192_init;
		update = mgr->gmac192_update;
		fin = mgr->gmac192_finalize;
	} else {
		init = mgr->gmac256_init;
		update = mgr->gmac256_update;
		fin = mgr->gmac256_finalize;
	}
	init(gk, &ctx, r->iv, s->iv_len);
	/* GMAC takes the data segment by segment: no copy needed. */
	qatsec_seg_walk_start(&w, r->src, r->a_off, r->a_len);
	while ((more = qatsec_seg_walk_next(&w, &p, &n)) > 0)
		if (n != 0)
			update(gk, &ctx, p, n);
	if (more < 0)
		return RTE_CRYPTO_OP_STATUS_INVALID_ARGS;
	tag = qatsec_tag_out(s, t, r->digest);
	fin(gk, &ctx, tag, s->digest_len);
	return qatsec_tag_status(s, tag, r->digest);
}

/* Offset in m's chain of the digest_len bytes at p, when they lie in one
 * segment's data; -1 otherwise.
 */
static int64_t
qatsec_chain_off(const struct rte_mbuf *m, const uint8_t *p, uint32_t len)
{
	uint64_t base = 0;
	const uint8_t *d;

	for (; m != NULL; m = m->next) {
		d = rte_pktmbuf_mtod(m, const uint8_t *);
		if (p >= d && p + len <= d + m->data_len)
			return (int64_t)(base + (uint64_t)(p - d));
		base += m->data_len;
	}
	return -1;
}

int64_t
qatsec_digest_off(const struct qatsec_sym_sess *s, const struct qatsec_req *r,
		struct rte_mbuf **m)
{
	int64_t off;

	if (r->digest == NULL || s->digest_len == 0 || (s->flags & F_AEAD))
		return -1;
	*m = r->src;
	off = qatsec_chain_off(r->src, r->digest, s->digest_len);
	if (off < 0 && r->dst != NULL) {
		*m = r->dst;
		off = qatsec_chain_off(r->dst, r->digest, s->digest_len);
	}
	if (off < r->lo || off >= r->hi)
		return -1;
	return off;
}

uint64_t
qatsec_chain_extent(const struct rte_mbuf *m)
{
	uint64_t n = 0;
	unsigned int segs = 0;

	for (; m != NULL; m = m->next) {
		if (++segs > QATSEC_CHAIN_MAX)
			return 0;
		n += m->data_len;
	}
	return n;
}

bool
qatsec_out_of_chain(const struct qatsec_sym_sess *s, const struct qatsec_req *r,
		uint64_t c_end, uint64_t a_end)
{
	uint64_t se = qatsec_chain_extent(r->src), de;

	if (c_end > se || a_end > se)
		return true;
	if (r->dst == NULL)
		return false;
	de = qatsec_chain_extent(r->dst);
	return c_end > de || ((s->flags & F_OOP_DST) && a_end > de);
}
