/* SPDX-License-Identifier: BSD-3-Clause
 * qatsec layer 2: the soft-endpoint engine's paths off the fast path, kept
 * apart so that qatsec_sym.c reads as the fast path it is: a thread's
 * first use (its ipsec-mb manager and scratch), fragmented (multi-segment)
 * mbufs, out-of-place copies of regions, and AES-GMAC, which takes its
 * data segment by segment.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <cryptodev_pmd.h>

#include "qatsec_sym_private.h"

/* initial-exec: one %fs-relative load per burst instead of a call to
 * __tls_get_addr (the PMD is a shared object); a pointer fits easily in
 * the static TLS that glibc keeps for dlopen()ed objects.
 */
__thread struct qatsec_tls *qatsec_tls
	__attribute__((tls_model("initial-exec")));
static pthread_key_t qatsec_tls_key;
static pthread_once_t qatsec_tls_once = PTHREAD_ONCE_INIT;

static void
qatsec_tls_free(void *p)
{
	struct qatsec_tls *t = p;

	free_mb_mgr(t->mgr);
	if (t->mgr_short != NULL)
		free_mb_mgr(t->mgr_short);
	explicit_bzero(t, sizeof(*t));
	free(t);
}

static void
qatsec_tls_key_init(void)
{
	/* Without the key the context only leaks at thread exit. */
	if (pthread_key_create(&qatsec_tls_key, qatsec_tls_free) != 0)
		qatsec_tls_key = (pthread_key_t)-1;
}

struct qatsec_tls *
qatsec_tls_new(void)
{
	struct qatsec_tls *t;
	IMB_MGR *mgr;
	void *p;

	pthread_once(&qatsec_tls_once, qatsec_tls_key_init);
	if (posix_memalign(&p, 64, sizeof(*t)) != 0)
		return NULL;
	t = p;
	memset(t, 0, sizeof(*t));
	mgr = alloc_mb_mgr(0);
	if (mgr == NULL) {
		free(t);
		return NULL;
	}
	init_mb_mgr_auto(mgr, NULL);
	if (imb_get_errno(mgr) != 0) {
		free_mb_mgr(mgr);
		free(t);
		return NULL;
	}
	t->mgr = mgr;
	if (mgr->used_arch != IMB_ARCH_SSE) {
		mgr = alloc_mb_mgr(0);
		if (mgr != NULL) {
			init_mb_mgr_sse(mgr);
			if (imb_get_errno(mgr) != 0) {
				free_mb_mgr(mgr);
				mgr = NULL;
			}
		}
		t->mgr_short = mgr;
	}
	if (qatsec_tls_key != (pthread_key_t)-1)
		pthread_setspecific(qatsec_tls_key, t);
	qatsec_tls = t;
	return t;
}

/* Copy len bytes at off of m to (to_mbuf) or from buf; -1 when the chain
 * is shorter than pkt_len said.
 */
int
qatsec_mcopy(struct rte_mbuf *m, uint32_t off, uint32_t len, uint8_t *buf,
		bool to_mbuf)
{
	uint32_t n;

	while (m != NULL && off >= m->data_len && len != 0) {
		off -= m->data_len;
		m = m->next;
	}
	for (; len != 0; m = m->next, off = 0) {
		if (m == NULL)
			return -1;
		n = RTE_MIN((uint32_t)m->data_len - off, len);
		if (to_mbuf)
			memcpy(rte_pktmbuf_mtod_offset(m, uint8_t *, off),
				buf, n);
		else
			memcpy(buf, rte_pktmbuf_mtod_offset(m, uint8_t *, off),
				n);
		buf += n;
		len -= n;
	}
	return 0;
}

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
		if (qatsec_mcopy(r->src, off, n, t->bounce, false) != 0 ||
				qatsec_mcopy(r->dst, off, n, t->bounce, true) != 0)
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
	const struct gcm_key_data *gk = (const void *)qatsec_keys(s);
	struct gcm_context_data ctx __rte_aligned(64);
	uint8_t *tag;

	if (r->c_len > QATSEC_LINEAR_MAX ||
			qatsec_mcopy(r->src, r->c_off, r->c_len, t->bounce,
				false) != 0)
		return RTE_CRYPTO_OP_STATUS_INVALID_ARGS;
	tag = (s->flags & F_VERIFY) ? t->tag : r->digest;
	fn(gk, &ctx, t->bounce, t->bounce, r->c_len, r->iv, r->aad,
		s->aad_len, tag, s->digest_len);
	if (qatsec_mcopy(r->dst != NULL ? r->dst : r->src, r->c_off,
			r->c_len, t->bounce, true) != 0)
		return RTE_CRYPTO_OP_STATUS_INVALID_ARGS;
	if ((s->flags & F_VERIFY) &&
			!qatsec_tag_eq(tag, r->digest, s->digest_len))
		return RTE_CRYPTO_OP_STATUS_AUTH_FAILED;
	return RTE_CRYPTO_OP_STATUS_SUCCESS;
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
	struct rte_mbuf *m = r->src;
	uint32_t off = r->a_off, len = r->a_len, n;
	uint8_t *tag;

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
	while (m != NULL && off >= m->data_len && len != 0) {
		off -= m->data_len;
		m = m->next;
	}
	for (; len != 0; m = m->next, off = 0) {
		if (m == NULL)
			return RTE_CRYPTO_OP_STATUS_INVALID_ARGS;
		n = RTE_MIN((uint32_t)m->data_len - off, len);
		if (n != 0)
			update(gk, &ctx,
				rte_pktmbuf_mtod_offset(m, uint8_t *, off), n);
		len -= n;
	}
	tag = (s->flags & F_VERIFY) ? t->tag : r->digest;
	fin(gk, &ctx, tag, s->digest_len);
	if ((s->flags & F_VERIFY) &&
			!qatsec_tag_eq(tag, r->digest, s->digest_len))
		return RTE_CRYPTO_OP_STATUS_AUTH_FAILED;
	return RTE_CRYPTO_OP_STATUS_SUCCESS;
}
