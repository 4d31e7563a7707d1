/* SPDX-License-Identifier: BSD-3-Clause
 * qatsec layer 2: the soft-endpoint crypto engine's datapath. Ops are
 * served synchronously with intel-ipsec-mb, through the burst job API, or
 * for AES-GCM and AES-GMAC through the direct GCM API; each thread has its
 * own IMB_MGR and scratch.
 */
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <cryptodev_pmd.h>
#include <rte_common.h>
#include <rte_mbuf.h>
#include <rte_mempool.h>

#include "qatsec_sym_private.h"

#define QATSEC_BURST		IMB_MAX_BURST_SIZE
/* Longest region a fragmented mbuf may be linearised for. */
#define QATSEC_LINEAR_MAX	(64 * 1024 + 1024)
#define QATSEC_DIGEST_MAX	64

/* Per-thread scratch, with the thread's ipsec-mb manager. */
struct qatsec_tls {
	uint8_t digest[QATSEC_BURST][QATSEC_DIGEST_MAX];
	uint8_t tag[QATSEC_DIGEST_MAX];
	uint8_t bounce[QATSEC_LINEAR_MAX];
	IMB_MGR *mgr;
};

/* Stands in for an absent AAD so ipsec-mb never sees NULL. */
static const uint8_t qatsec_zero[16];

static RTE_DEFINE_PER_LCORE(struct qatsec_tls *, qatsec_tls);
static pthread_key_t qatsec_tls_key;
static pthread_once_t qatsec_tls_once = PTHREAD_ONCE_INIT;

static void
qatsec_tls_free(void *p)
{
	struct qatsec_tls *t = p;

	free_mb_mgr(t->mgr);
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

static struct qatsec_tls *
qatsec_tls_get(void)
{
	struct qatsec_tls *t = RTE_PER_LCORE(qatsec_tls);
	IMB_MGR *mgr;
	void *p;

	if (likely(t != NULL))
		return t;
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
	if (qatsec_tls_key != (pthread_key_t)-1)
		pthread_setspecific(qatsec_tls_key, t);
	RTE_PER_LCORE(qatsec_tls) = t;
	return t;
}

IMB_MGR *
qatsec_sym_mgr(void)
{
	struct qatsec_tls *t = qatsec_tls_get();

	return t != NULL ? t->mgr : NULL;
}

/* What one op asks for, once checked. */
struct qatsec_req {
	struct rte_mbuf *src;
	struct rte_mbuf *dst;	/* NULL when in place */
	uint32_t c_off, c_len, a_off, a_len;
	uint32_t lo, hi;	/* bytes of the packet the op touches */
	uint8_t *digest;
	const uint8_t *aad;
	const uint8_t *iv;
};

/* Flags carried in IMB_JOB.user_data2. */
#define JF_VERIFY	0x1
#define JF_COPY		0x2	/* digest was made in scratch: copy it out */
#define JF_EMPTY	0x4	/* HMAC of nothing: digest is in the session */
#define JF_INVALID	0x8	/* ipsec-mb refused the job */

/* Check op against its session; RTE_CRYPTO_OP_STATUS_NOT_PROCESSED when
 * it may be run.
 */
static inline uint8_t
qatsec_check(struct rte_crypto_op *op, const struct qatsec_sym_sess **sp,
		struct qatsec_req *r)
{
	struct rte_crypto_sym_op *sym = op->sym;
	const struct qatsec_sym_sess *s;
	uint64_t c_end, a_end;

	if (unlikely(op->sess_type != RTE_CRYPTO_OP_WITH_SESSION ||
			sym->session == NULL))
		return RTE_CRYPTO_OP_STATUS_INVALID_SESSION;
	s = CRYPTODEV_GET_SYM_SESS_PRIV(sym->session);
	/* A session copied to another alignment would fault in ipsec-mb. */
	if (unlikely(s->magic != QATSEC_SESS_MAGIC ||
			((uintptr_t)qatsec_keys(s) & 15) != 0))
		return RTE_CRYPTO_OP_STATUS_INVALID_SESSION;
	*sp = s;
	if (unlikely(op->type != RTE_CRYPTO_OP_TYPE_SYMMETRIC ||
			sym->m_src == NULL))
		return RTE_CRYPTO_OP_STATUS_INVALID_ARGS;
	if (unlikely(op->mempool != NULL && s->iv_end > op->mempool->elt_size))
		return RTE_CRYPTO_OP_STATUS_INVALID_ARGS;
	r->src = sym->m_src;
	r->dst = sym->m_dst != sym->m_src ? sym->m_dst : NULL;
	r->iv = rte_crypto_op_ctod_offset(op, uint8_t *, s->iv_off);
	if (s->flags & F_AEAD) {
		r->c_off = r->a_off = sym->aead.data.offset;
		r->c_len = r->a_len = sym->aead.data.length;
		r->digest = sym->aead.digest.data;
		r->aad = sym->aead.aad.data;
		if (r->aad == NULL) {
			if (unlikely(s->aad_len != 0))
				return RTE_CRYPTO_OP_STATUS_INVALID_ARGS;
			r->aad = qatsec_zero;
		} else if (s->ucase == QATSEC_U_CCM) {
			/* B0 and the AAD length come first. */
			r->aad += 18;
		}
	} else {
		r->c_off = r->c_len = r->a_off = r->a_len = 0;
		if (s->flags & F_CIPHER) {
			r->c_off = sym->cipher.data.offset;
			r->c_len = sym->cipher.data.length;
		}
		if (s->flags & F_AUTH) {
			r->a_off = sym->auth.data.offset;
			r->a_len = sym->auth.data.length;
		}
		r->digest = sym->auth.digest.data;
		if (!(s->flags & F_CIPHER))
			r->c_off = r->a_off;
		if (!(s->flags & F_AUTH))
			r->a_off = r->c_off;
	}
	if (unlikely(s->digest_len != 0 && r->digest == NULL))
		return RTE_CRYPTO_OP_STATUS_INVALID_ARGS;
	c_end = (uint64_t)r->c_off + r->c_len;
	a_end = (uint64_t)r->a_off + r->a_len;
	/* Everything is read from src; dst gets the cipher region, or with
	 * F_OOP_DST every byte the op touches.
	 */
	if (unlikely(c_end > r->src->pkt_len || a_end > r->src->pkt_len ||
			(r->dst != NULL && (c_end > r->dst->pkt_len ||
			((s->flags & F_OOP_DST) && a_end > r->dst->pkt_len)))))
		return RTE_CRYPTO_OP_STATUS_INVALID_ARGS;
	if (unlikely(((s->flags & F_CBC) && (r->c_len & 15) != 0) ||
			r->c_len > s->max_len))
		return RTE_CRYPTO_OP_STATUS_INVALID_ARGS;
	r->lo = RTE_MIN(r->c_off, r->a_off);
	r->hi = RTE_MAX(c_end, a_end);
	return RTE_CRYPTO_OP_STATUS_NOT_PROCESSED;
}

/* Whether the op's bytes all sit in the first segment(s) it uses. */
static inline bool
qatsec_flat(const struct qatsec_req *r)
{
	return r->src->data_len >= r->hi &&
		(r->dst == NULL || r->dst->data_len >= r->hi);
}

/* Copy len bytes at off of m to (to_mbuf) or from buf; -1 when the chain
 * is shorter than pkt_len said.
 */
static int
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
static uint8_t
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

/* Final status from a computed tag. */
static inline uint8_t
qatsec_digest_done(const struct qatsec_sym_sess *s, uint8_t *digest,
		const uint8_t *tag, unsigned int jf)
{
	if (jf & JF_VERIFY)
		return memcmp(tag, digest, s->digest_len) == 0 ?
			RTE_CRYPTO_OP_STATUS_SUCCESS :
			RTE_CRYPTO_OP_STATUS_AUTH_FAILED;
	if (jf & JF_COPY)
		memcpy(digest, tag, s->digest_len);
	return RTE_CRYPTO_OP_STATUS_SUCCESS;
}

static uint8_t
qatsec_gcm(IMB_MGR *mgr, struct qatsec_tls *t, const struct qatsec_sym_sess *s,
		const struct qatsec_req *r)
{
	const struct gcm_key_data *gk = (const void *)qatsec_keys(s);
	struct gcm_context_data ctx;
	aes_gcm_enc_dec_t fn;
	uint8_t *in, *out, *tag;
	bool flat = qatsec_flat(r);

	/* Key data made for another code path would give wrong results. */
	if (unlikely(s->arch != mgr->used_arch))
		return RTE_CRYPTO_OP_STATUS_INVALID_SESSION;
	if (flat) {
		in = rte_pktmbuf_mtod_offset(r->src, uint8_t *, r->c_off);
		out = r->dst == NULL ? in :
			rte_pktmbuf_mtod_offset(r->dst, uint8_t *, r->c_off);
	} else {
		if (r->c_len > QATSEC_LINEAR_MAX ||
				qatsec_mcopy(r->src, r->c_off, r->c_len,
					t->bounce, false) != 0)
			return RTE_CRYPTO_OP_STATUS_INVALID_ARGS;
		in = out = t->bounce;
	}
	if (s->flags & F_ENC)
		fn = s->key_len == 16 ? mgr->gcm128_enc :
			s->key_len == 24 ? mgr->gcm192_enc : mgr->gcm256_enc;
	else
		fn = s->key_len == 16 ? mgr->gcm128_dec :
			s->key_len == 24 ? mgr->gcm192_dec : mgr->gcm256_dec;
	tag = (s->flags & F_VERIFY) ? t->tag : r->digest;
	fn(gk, &ctx, out, in, r->c_len, r->iv, r->aad, s->aad_len, tag,
		s->digest_len);
	if (!flat && qatsec_mcopy(r->dst != NULL ? r->dst : r->src, r->c_off,
			r->c_len, t->bounce, true) != 0)
		return RTE_CRYPTO_OP_STATUS_INVALID_ARGS;
	return qatsec_digest_done(s, r->digest, tag,
		(s->flags & F_VERIFY) ? JF_VERIFY : 0);
}

static uint8_t
qatsec_gmac(IMB_MGR *mgr, struct qatsec_tls *t, const struct qatsec_sym_sess *s,
		const struct qatsec_req *r)
{
	const struct gcm_key_data *gk = (const void *)qatsec_keys(s);
	struct gcm_context_data ctx;
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
	return qatsec_digest_done(s, r->digest, tag,
		(s->flags & F_VERIFY) ? JF_VERIFY : 0);
}

/* Fill job for op; base is where offsets count from, out the cipher
 * output, scratch a QATSEC_DIGEST_MAX area for this job alone.
 */
static inline void
qatsec_job_fill(IMB_JOB *job, struct rte_crypto_op *op,
		const struct qatsec_sym_sess *s, const struct qatsec_req *r,
		uint8_t *base, uint8_t *out, uint32_t lo, uint8_t *scratch)
{
	const uint8_t *keys = qatsec_keys(s);
	unsigned int jf = 0;

	job->enc_keys = keys + K_ENC;
	job->dec_keys = keys + K_DEC;
	job->key_len_in_bytes = s->key_len;
	job->src = base;
	job->dst = out;
	job->cipher_start_src_offset_in_bytes = r->c_off - lo;
	job->msg_len_to_cipher_in_bytes = r->c_len;
	job->hash_start_src_offset_in_bytes = r->a_off - lo;
	job->msg_len_to_hash_in_bytes = r->a_len;
	job->iv = r->iv;
	job->iv_len_in_bytes = s->iv_len;
	job->cipher_mode = s->cipher_mode;
	job->cipher_direction = s->cipher_dir;
	job->hash_alg = s->hash_alg;
	job->chain_order = s->chain_order;
	job->auth_tag_output_len_in_bytes = s->tag_len;
	job->auth_tag_output = r->digest;
	/* ipsec-mb refuses empty CBC/CTR regions: nothing to cipher. */
	if (r->c_len == 0 && (s->cipher_mode == IMB_CIPHER_CBC ||
			s->cipher_mode == IMB_CIPHER_CNTR))
		job->cipher_mode = IMB_CIPHER_NULL;
	switch (s->ucase) {
	case QATSEC_U_HMAC:
		job->u.HMAC._hashed_auth_key_xor_ipad = keys + K_IPAD;
		job->u.HMAC._hashed_auth_key_xor_opad = keys + K_OPAD;
		if (r->a_len == 0) {
			job->hash_alg = IMB_AUTH_NULL;
			jf |= JF_EMPTY | JF_COPY;
		}
		break;
	case QATSEC_U_CMAC:
		job->u.CMAC._key_expanded = keys + K_MACKEY;
		job->u.CMAC._skey1 = keys + K_SK1;
		job->u.CMAC._skey2 = keys + K_SK2;
		break;
	case QATSEC_U_CCM:
		job->u.CCM.aad = r->aad;
		job->u.CCM.aad_len_in_bytes = s->aad_len;
		break;
	case QATSEC_U_CHACHA:
		job->u.CHACHA20_POLY1305.aad = r->aad;
		job->u.CHACHA20_POLY1305.aad_len_in_bytes = s->aad_len;
		job->u.CHACHA20_POLY1305.ctx = NULL;
		break;
	default:
		break;
	}
	if (s->flags & F_VERIFY)
		jf |= JF_VERIFY;
	/* The tag goes straight to the op only when it is exactly the
	 * digest wanted; never leave ipsec-mb a NULL tag pointer.
	 */
	if (jf != 0 || s->tag_len != s->digest_len || !(s->flags & F_AUTH)) {
		job->auth_tag_output = scratch;
		if (s->flags & F_AUTH)
			jf |= JF_COPY;
	}
	job->user_data = op;
	job->user_data2 = (void *)(uintptr_t)jf;
}

static inline void
qatsec_job_done(IMB_JOB *job)
{
	struct rte_crypto_op *op = job->user_data;
	unsigned int jf = (uintptr_t)job->user_data2;
	const struct qatsec_sym_sess *s;
	uint8_t *digest;
	const uint8_t *tag;

	if (unlikely(jf & JF_INVALID)) {
		op->status = RTE_CRYPTO_OP_STATUS_INVALID_ARGS;
		return;
	}
	if (unlikely(job->status != IMB_STATUS_COMPLETED)) {
		op->status = RTE_CRYPTO_OP_STATUS_ERROR;
		return;
	}
	if (jf == 0) {
		op->status = RTE_CRYPTO_OP_STATUS_SUCCESS;
		return;
	}
	s = CRYPTODEV_GET_SYM_SESS_PRIV(op->sym->session);
	digest = (s->flags & F_AEAD) ? op->sym->aead.digest.data :
		op->sym->auth.digest.data;
	tag = (jf & JF_EMPTY) ? qatsec_keys(s) + K_EMPTY : job->auth_tag_output;
	op->status = qatsec_digest_done(s, digest, tag, jf);
}

/* Submit n filled jobs and complete their ops. ipsec-mb refuses a whole
 * burst for one bad job: that job is turned into a no-op failing its op,
 * and the burst goes again.
 */
static void
qatsec_run(IMB_MGR *mgr, IMB_JOB **jobs, uint32_t n)
{
	IMB_JOB *first = jobs[0];
	uint32_t done, k, f, tries = 0;

	for (;;) {
		done = IMB_SUBMIT_BURST(mgr, n, jobs);
		if (likely(done != 0 || imb_get_errno(mgr) == 0))
			break;
		if (++tries > n) {
			jobs[0] = first;
			for (k = 0; k < n; k++)
				((struct rte_crypto_op *)jobs[k]->user_data)
					->status = RTE_CRYPTO_OP_STATUS_ERROR;
			return;
		}
		jobs[0]->cipher_mode = IMB_CIPHER_NULL;
		jobs[0]->cipher_direction = IMB_DIR_ENCRYPT;
		jobs[0]->hash_alg = IMB_AUTH_NULL;
		jobs[0]->chain_order = IMB_ORDER_CIPHER_HASH;
		jobs[0]->user_data2 = (void *)(uintptr_t)JF_INVALID;
		jobs[0] = first;
	}
	for (k = 0; k < done; k++)
		qatsec_job_done(jobs[k]);
	while (done < n) {
		f = IMB_FLUSH_BURST(mgr, n - done, jobs + done);
		if (unlikely(f == 0)) {
			/* Not expected: the flush completes everything. */
			for (k = done; k < n; k++)
				((struct rte_crypto_op *)jobs[k]->user_data)
					->status = RTE_CRYPTO_OP_STATUS_ERROR;
			return;
		}
		for (k = done; k < done + f; k++)
			qatsec_job_done(jobs[k]);
		done += f;
	}
}

/* Fragmented op: run it alone on a linear copy of the bytes it touches. */
static void
qatsec_linear(IMB_MGR *mgr, struct qatsec_tls *t, struct rte_crypto_op *op)
{
	const struct qatsec_sym_sess *s;
	struct qatsec_req r;
	uint8_t *buf = t->bounce;
	IMB_JOB *job;
	uint8_t st;

	st = qatsec_check(op, &s, &r);
	if (st != RTE_CRYPTO_OP_STATUS_NOT_PROCESSED) {
		op->status = st;
		return;
	}
	if (r.hi - r.lo > QATSEC_LINEAR_MAX) {
		op->status = RTE_CRYPTO_OP_STATUS_INVALID_ARGS;
		return;
	}
	if (qatsec_mcopy(r.src, r.lo, r.hi - r.lo, buf, false) != 0)
		goto bad;
	if (IMB_GET_NEXT_BURST(mgr, 1, &job) != 1) {
		op->status = RTE_CRYPTO_OP_STATUS_ERROR;
		return;
	}
	qatsec_job_fill(job, op, s, &r, buf, buf + r.c_off - r.lo, r.lo,
		t->digest[0]);
	qatsec_run(mgr, &job, 1);
	if (op->status != RTE_CRYPTO_OP_STATUS_SUCCESS &&
			op->status != RTE_CRYPTO_OP_STATUS_AUTH_FAILED)
		return;
	if (r.dst != NULL && (s->flags & F_OOP_DST)) {
		if (qatsec_mcopy(r.dst, r.lo, r.hi - r.lo, buf, true) != 0)
			goto bad;
	} else if ((r.dst != NULL && (s->flags & F_CIPHER)) ||
			s->cipher_mode != IMB_CIPHER_NULL) {
		if (qatsec_mcopy(r.dst != NULL ? r.dst : r.src, r.c_off,
				r.c_len, buf + r.c_off - r.lo, true) != 0)
			goto bad;
	}
	return;
bad:
	op->status = RTE_CRYPTO_OP_STATUS_INVALID_ARGS;
}

/* Serve up to QATSEC_BURST ops; returns how many were taken. */
static uint16_t
qatsec_burst(IMB_MGR *mgr, struct qatsec_tls *t, struct rte_crypto_op **ops,
		uint16_t n)
{
	IMB_JOB *jobs[QATSEC_BURST];
	uint16_t defer[QATSEC_BURST];
	const struct qatsec_sym_sess *s;
	struct qatsec_req r;
	uint32_t nj = 0, nd = 0, i;
	uint8_t *sp, *dp, *base;
	uint8_t st;

	n = IMB_GET_NEXT_BURST(mgr, n, jobs);
	for (i = 0; i < n; i++) {
		struct rte_crypto_op *op = ops[i];

		st = qatsec_check(op, &s, &r);
		if (unlikely(st != RTE_CRYPTO_OP_STATUS_NOT_PROCESSED)) {
			op->status = st;
			continue;
		}
		if (s->kind == QATSEC_KIND_GCM) {
			op->status = qatsec_gcm(mgr, t, s, &r);
			continue;
		}
		if (unlikely(!qatsec_flat(&r))) {
			if (s->kind == QATSEC_KIND_GMAC)
				op->status = qatsec_gmac(mgr, t, s, &r);
			else if (s->kind == QATSEC_KIND_NOP)
				op->status = r.dst != NULL && r.c_len != 0 ?
					qatsec_region_copy(t, &r) :
					RTE_CRYPTO_OP_STATUS_SUCCESS;
			else
				defer[nd++] = i;
			continue;
		}
		sp = rte_pktmbuf_mtod(r.src, uint8_t *);
		base = sp;
		dp = sp;
		if (r.dst != NULL) {
			dp = rte_pktmbuf_mtod(r.dst, uint8_t *);
			if (s->flags & F_OOP_DST) {
				memcpy(dp + r.lo, sp + r.lo, r.hi - r.lo);
				base = dp;
			} else if (s->flags & F_OOP_COPY) {
				memcpy(dp + r.c_off, sp + r.c_off, r.c_len);
			}
		}
		if (s->kind == QATSEC_KIND_GMAC) {
			op->status = qatsec_gmac(mgr, t, s, &r);
			continue;
		}
		if (s->kind == QATSEC_KIND_NOP) {
			op->status = RTE_CRYPTO_OP_STATUS_SUCCESS;
			continue;
		}
		qatsec_job_fill(jobs[nj], op, s, &r, base, dp + r.c_off, 0,
			t->digest[nj]);
		nj++;
	}
	if (nj != 0)
		qatsec_run(mgr, jobs, nj);
	for (i = 0; i < nd; i++)
		qatsec_linear(mgr, t, ops[defer[i]]);
	return n;
}

void
qatsec_sym_process(IMB_MGR *mgr, struct rte_crypto_op **ops, uint16_t nb_ops)
{
	struct qatsec_tls *t = qatsec_tls_get();
	uint16_t i = 0, n;

	while (i < nb_ops) {
		n = 0;
		if (likely(mgr != NULL && t != NULL))
			n = qatsec_burst(mgr, t, ops + i,
				RTE_MIN(nb_ops - i, QATSEC_BURST));
		if (unlikely(n == 0)) {
			for (; i < nb_ops; i++)
				ops[i]->status = RTE_CRYPTO_OP_STATUS_ERROR;
			return;
		}
		i += n;
	}
}
