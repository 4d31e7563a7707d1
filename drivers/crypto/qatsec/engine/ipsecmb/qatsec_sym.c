/* SPDX-License-Identifier: BSD-3-Clause
 * ipsec-mb engine: the datapath. Ops are
 * served synchronously with intel-ipsec-mb, each kind through the fastest
 * ipsec-mb API that completes within the call:
 *   AES-GCM            the direct GCM API, one call per op
 *   AES-CBC + HMAC     the cipher and hash burst APIs, one call each per
 *                      run of ops that share direction, key size and hash
 *                      (short encryptions on ipsec-mb's SSE code path);
 *                      AES DOCSIS BPI of whole blocks too (it is AES-CBC)
 *   ChaCha20-Poly1305  the burst job API, unchecked (checked here)
 *   SNOW3G UEA2 + UIA2 the same, for regions on whole bytes
 *   ZUC-128 EEA3/EIA3  the direct multi-buffer API, one call per half for
 *                      a run (qatsec_sym_zuc.c)
 *   everything else    the burst job API (submit, then flush)
 * No job is left in ipsec-mb's lanes when a call returns: an op is done
 * when it is enqueued (the soft endpoint's contract, whichever thread
 * dequeues), at the price of a flush per burst (doc/guides/perf/index.rst).
 * Each thread has its own IMB_MGR and scratch. Fragmented mbufs, out of
 * place copies and AES-GMAC leave the fast path (qatsec_sym_slow.c).
 *
 * Per op, the fast path (qatsec_sym_fast.h) reads the op, its mbuf and
 * its session and makes one ipsec-mb call or fills one job: the session
 * is checked once per run of ops that share it, and nothing takes a lock,
 * makes a system call or divides.
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <cryptodev_pmd.h>
#include <rte_common.h>
#include <rte_mbuf.h>
#include <rte_mempool.h>

#include "qatsec_sym_fast.h"

/* What the last session checked is before any is: no op's session (not
 * even a NULL one) can be taken for it.
 */
static const uint8_t qatsec_unchecked;


/* A new session in the burst: check it once for every op that follows
 * with the same one.
 */
static __rte_noinline int
qatsec_sess_switch(struct qatsec_burst_ctx *c, const void *sess)
{
	const struct qatsec_sym_sess *s;
	IMB_MGR *m = c->mgr;

	if (sess == NULL)
		return -1;
	s = CRYPTODEV_GET_SYM_SESS_PRIV(sess);
	/* A session copied to another alignment would fault in ipsec-mb. */
	if (unlikely(s->hdr.magic != QATSEC_SESS_MAGIC ||
			((uintptr_t)qatsec_keys(s) & 15) != 0))
		return -1;
	c->sess = sess;
	c->s = s;
	c->mp = NULL;	/* an op without a pool needs no check either */
	c->gcm = NULL;
	c->fast = qatsec_fast_kind(s);
	/* Key data made for another code path would give wrong results:
	 * such a GCM session's ops fail (gcm stays NULL).
	 */
	if (s->kind == QATSEC_KIND_GCM && s->arch == m->used_arch) {
		if (s->flags & F_ENC)
			c->gcm = s->key_len == 16 ? m->gcm128_enc :
				s->key_len == 24 ? m->gcm192_enc :
				m->gcm256_enc;
		else
			c->gcm = s->key_len == 16 ? m->gcm128_dec :
				s->key_len == 24 ? m->gcm192_dec :
				m->gcm256_dec;
		c->fast = FAST_GCM;
	}
	return 0;
}

/* Check op; RTE_CRYPTO_OP_STATUS_NOT_PROCESSED when it may be run, with
 * its session in c->s.
 */
static __rte_always_inline uint8_t
qatsec_check(struct qatsec_burst_ctx *c, struct rte_crypto_op *op,
		struct qatsec_req *r)
{
	struct rte_crypto_sym_op *sym = op->sym;
	const struct qatsec_sym_sess *s;
	uint64_t c_end, a_end;

	/* A security session (DOCSIS) is read as a cryptodev one. */
	if (unlikely(op->sess_type != RTE_CRYPTO_OP_WITH_SESSION &&
			op->sess_type != RTE_CRYPTO_OP_SECURITY_SESSION))
		return RTE_CRYPTO_OP_STATUS_INVALID_SESSION;
	if (unlikely(sym->session != c->sess) &&
			qatsec_sess_switch(c, sym->session) != 0)
		return RTE_CRYPTO_OP_STATUS_INVALID_SESSION;
	s = c->s;
	if (unlikely(op->type != RTE_CRYPTO_OP_TYPE_SYMMETRIC ||
			sym->m_src == NULL))
		return RTE_CRYPTO_OP_STATUS_INVALID_ARGS;
	/* The IV is read from the op: it must lie inside the op's object. */
	if (unlikely(op->mempool != c->mp)) {
		if (op->mempool != NULL && s->iv_end > op->mempool->elt_size)
			return RTE_CRYPTO_OP_STATUS_INVALID_ARGS;
		c->mp = op->mempool;
	}
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
		} else if (s->job_union == QATSEC_JOB_U_CCM) {
			/* B0 and the AAD length come first. */
			r->aad += 18;
		}
	} else {
		r->aad = NULL;
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
		if (unlikely(s->bits != 0) && qatsec_req_bits(s, op, r) != 0)
			return RTE_CRYPTO_OP_STATUS_INVALID_ARGS;
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
	 * F_OOP_DST every byte the op touches. Past pkt_len, the chain's
	 * real extent decides (crypto-perf's chains have pkt_len 0); no
	 * byte outside a segment is ever touched either way.
	 */
	if (unlikely(c_end > r->src->pkt_len || a_end > r->src->pkt_len ||
			(r->dst != NULL && (c_end > r->dst->pkt_len ||
			((s->flags & F_OOP_DST) && a_end > r->dst->pkt_len)))) &&
			qatsec_out_of_chain(s, r, c_end, a_end))
		return RTE_CRYPTO_OP_STATUS_INVALID_ARGS;
	if (unlikely(((s->flags & F_CBC) && (r->c_len & s->c_blk_mask) != 0) ||
			r->c_len > s->max_len))
		return RTE_CRYPTO_OP_STATUS_INVALID_ARGS;
	r->lo = RTE_MIN(r->c_off, r->a_off);
	r->hi = RTE_MAX(c_end, a_end);
	return RTE_CRYPTO_OP_STATUS_NOT_PROCESSED;
}

/* AES-GCM, one direct call: no job, no lanes, nothing left to flush. */
static inline uint8_t
qatsec_gcm(struct qatsec_burst_ctx *c, const struct qatsec_sym_sess *s,
		const struct qatsec_req *r)
{
	uint8_t *in, *out;

	if (unlikely(c->gcm == NULL))
		return RTE_CRYPTO_OP_STATUS_INVALID_SESSION;
	if (unlikely(!qatsec_flat(r)))
		return qatsec_gcm_sgl(c->gcm, c->t, s, r);
	in = rte_pktmbuf_mtod_offset(r->src, uint8_t *, r->c_off);
	out = r->dst == NULL ? in :
		rte_pktmbuf_mtod_offset(r->dst, uint8_t *, r->c_off);
	return qatsec_gcm_linear(c->gcm, c->t, s, out, in, r->c_len, r->iv,
		r->aad, r->digest);
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

	job->enc_keys = keys + KEY_AES_ENC;
	job->dec_keys = keys + KEY_AES_DEC;
	qatsec_job_regions(job, s, base, out, r->c_off - lo, r->c_len,
		r->a_off - lo, r->a_len, r->iv);
	job->cipher_mode = s->cipher_mode;
	job->hash_alg = s->hash_alg;
	job->auth_tag_output = r->digest;
	/* ipsec-mb refuses empty cipher regions: nothing to cipher. */
	if (r->c_len == 0 && !(s->flags & F_AEAD))
		job->cipher_mode = IMB_CIPHER_NULL;
	switch (s->job_union) {
	case QATSEC_JOB_U_HMAC:
		job->u.HMAC._hashed_auth_key_xor_ipad = keys + KEY_HMAC_IPAD;
		job->u.HMAC._hashed_auth_key_xor_opad = keys + KEY_HMAC_OPAD;
		if (r->a_len == 0) {
			job->hash_alg = IMB_AUTH_NULL;
			jf |= JF_EMPTY | JF_COPY;
		}
		break;
	case QATSEC_JOB_U_CMAC:
		job->u.CMAC._key_expanded = keys + KEY_MAC_RKEYS;
		job->u.CMAC._skey1 = keys + KEY_MAC_SUBKEY1;
		job->u.CMAC._skey2 = keys + KEY_MAC_SUBKEY2;
		break;
	case QATSEC_JOB_U_CCM:
		job->u.CCM.aad = r->aad;
		job->u.CCM.aad_len_in_bytes = s->aad_len;
		break;
	case QATSEC_JOB_U_CHACHA:
		job->u.CHACHA20_POLY1305.aad = r->aad;
		job->u.CHACHA20_POLY1305.aad_len_in_bytes = s->aad_len;
		job->u.CHACHA20_POLY1305.ctx = NULL;
		break;
	default:
		break;
	}
	if (unlikely((s->bits | s->des3) != 0))
		qatsec_job_more(job, s, r, lo, scratch);
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

/* Final status of a completed job's op; returns 1 when not a success. */
static inline uint32_t
qatsec_job_done(IMB_JOB *job)
{
	struct rte_crypto_op *op = job->user_data;
	unsigned int jf = (uintptr_t)job->user_data2;
	const struct qatsec_sym_sess *s;
	uint8_t *digest;
	const uint8_t *tag;

	if (unlikely(jf & JF_INVALID)) {
		op->status = RTE_CRYPTO_OP_STATUS_INVALID_ARGS;
		return 1;
	}
	if (unlikely(job->status != IMB_STATUS_COMPLETED)) {
		op->status = RTE_CRYPTO_OP_STATUS_ERROR;
		return 1;
	}
	if (jf == 0) {
		op->status = RTE_CRYPTO_OP_STATUS_SUCCESS;
		return 0;
	}
	s = CRYPTODEV_GET_SYM_SESS_PRIV(op->sym->session);
	digest = (s->flags & F_AEAD) ? op->sym->aead.digest.data :
		op->sym->auth.digest.data;
	tag = (jf & JF_EMPTY) ? qatsec_keys(s) + KEY_HMAC_EMPTY : job->auth_tag_output;
	if ((jf & JF_VERIFY) && !qatsec_tag_eq(tag, digest, s->digest_len)) {
		op->status = RTE_CRYPTO_OP_STATUS_AUTH_FAILED;
		return 1;
	}
	if (jf & JF_COPY && !(jf & JF_VERIFY))
		memcpy(digest, tag, s->digest_len);
	op->status = RTE_CRYPTO_OP_STATUS_SUCCESS;
	return 0;
}

static void
qatsec_fail_jobs(IMB_JOB **jobs, uint32_t n)
{
	uint32_t k;

	for (k = 0; k < n; k++)
		((struct rte_crypto_op *)jobs[k]->user_data)->status =
			RTE_CRYPTO_OP_STATUS_ERROR;
}

/* Submit n filled jobs and complete their ops; returns how many did not
 * succeed. ipsec-mb refuses a whole burst for one bad job: that job is
 * turned into a no-op failing its op, and the burst goes again.
 */
static uint32_t
qatsec_run(IMB_MGR *mgr, IMB_JOB **jobs, uint32_t n, bool nocheck)
{
	IMB_JOB *first = jobs[0];
	uint32_t done, k, f, tries = 0, err = 0;

	for (;;) {
		done = nocheck ? IMB_SUBMIT_BURST_NOCHECK(mgr, n, jobs) :
			IMB_SUBMIT_BURST(mgr, n, jobs);
		if (likely(done != 0 || imb_get_errno(mgr) == 0))
			break;
		if (++tries > n) {
			jobs[0] = first;
			qatsec_fail_jobs(jobs, n);
			return n;
		}
		jobs[0]->cipher_mode = IMB_CIPHER_NULL;
		jobs[0]->cipher_direction = IMB_DIR_ENCRYPT;
		jobs[0]->hash_alg = IMB_AUTH_NULL;
		jobs[0]->chain_order = IMB_ORDER_CIPHER_HASH;
		jobs[0]->user_data2 = (void *)(uintptr_t)JF_INVALID;
		jobs[0] = first;
	}
	for (k = 0; k < done; k++)
		err += qatsec_job_done(jobs[k]);
	while (done < n) {
		f = IMB_FLUSH_BURST(mgr, n - done, jobs + done);
		if (unlikely(f == 0)) {
			/* Not expected: the flush completes everything. */
			qatsec_fail_jobs(jobs + done, n - done);
			return err + n - done;
		}
		for (k = done; k < done + f; k++)
			err += qatsec_job_done(jobs[k]);
		done += f;
	}
	return err;
}

/* A run of AES-CBC + HMAC jobs sharing s's class, through the synchronous
 * cipher and hash burst APIs: each works its lanes to the end within the
 * call. c_max is the run's longest cipher region: short encryptions go to
 * the SSE code path, faster there. A class without hash (AES DOCSIS BPI of
 * whole blocks, which is AES-CBC) makes the cipher call alone. Returns how
 * many ops did not succeed.
 */
static uint32_t
qatsec_cbc_hmac_run(const struct qatsec_burst_ctx *c, uint32_t n,
		const struct qatsec_sym_sess *s, uint32_t c_max)
{
	IMB_KEY_SIZE_BYTES ks = (IMB_KEY_SIZE_BYTES)s->key_len;
	IMB_CIPHER_DIRECTION dir = (IMB_CIPHER_DIRECTION)s->cipher_dir;
	IMB_HASH_ALG h = (IMB_HASH_ALG)s->hash_alg;
	IMB_MGR *mgr = c->mgr, *cmgr = c->mgr;
	IMB_JOB *jobs = c->t->cbc_hmac_jobs;
	uint32_t done, k, err = 0;

	if (dir == IMB_DIR_ENCRYPT && c_max <= QATSEC_CBC_SHORT &&
			c->t->mgr_short != NULL)
		cmgr = c->t->mgr_short;
	if (h == IMB_AUTH_NULL) {
		done = IMB_SUBMIT_CIPHER_BURST_NOCHECK(cmgr, jobs, n,
			IMB_CIPHER_CBC, dir, ks);
	} else if (s->chain_order == IMB_ORDER_CIPHER_HASH) {
		done = IMB_SUBMIT_CIPHER_BURST_NOCHECK(cmgr, jobs, n,
			IMB_CIPHER_CBC, dir, ks);
		if (likely(done == n))
			done = IMB_SUBMIT_HASH_BURST_NOCHECK(mgr, jobs, n, h);
	} else {
		done = IMB_SUBMIT_HASH_BURST_NOCHECK(mgr, jobs, n, h);
		if (likely(done == n))
			done = IMB_SUBMIT_CIPHER_BURST_NOCHECK(cmgr, jobs, n,
				IMB_CIPHER_CBC, dir, ks);
	}
	for (k = 0; k < n; k++) {
		/* Not expected: every field was checked before. */
		if (unlikely(done != n))
			jobs[k].status = IMB_STATUS_INVALID_ARGS;
		err += qatsec_job_done(&jobs[k]);
	}
	return err;
}

/* ipsec-mb 1.3's SNOW3G UEA2 (job and direct API, every code path) writes
 * the byte after a cipher region that starts or ends inside a byte: a
 * byte of the packet outside the op's region, or one past its segment.
 * Such ops run on the linear copy, cipher and hash apart
 * (qatsec_linear_split).
 */
static __rte_always_inline bool
qatsec_uea2_spills(const struct qatsec_sym_sess *s, const struct qatsec_req *r)
{
	return s->cipher_mode == IMB_CIPHER_SNOW3G_UEA2_BITLEN &&
		r->c_bits != 0 &&
		((r->c_bitoff | (r->c_bitoff + r->c_bits)) & 7) != 0;
}

/* One job of op on buf, made from its full job by dropping one half
 * (hash: keep the hash, else keep the cipher); returns its status.
 */
static uint8_t
qatsec_linear_half(struct qatsec_burst_ctx *c, struct rte_crypto_op *op,
		struct qatsec_req *r, uint8_t *buf, bool hash)
{
	IMB_JOB *job;

	if (IMB_GET_NEXT_BURST(c->mgr, 1, &job) != 1)
		return RTE_CRYPTO_OP_STATUS_ERROR;
	qatsec_job_fill(job, op, c->s, r, buf, buf + r->c_off - r->lo, r->lo,
		c->t->digest[0]);
	if (hash) {
		job->cipher_mode = IMB_CIPHER_NULL;
	} else {
		job->hash_alg = IMB_AUTH_NULL;
		job->user_data2 = (void *)(uintptr_t)0;
	}
	qatsec_run(c->mgr, &job, 1, false);
	return op->status;
}

/* A qatsec_uea2_spills op on its linear copy buf: the cipher alone, the
 * byte it spills on put back, the hash alone, in the session's order.
 */
static void
qatsec_linear_split(struct qatsec_burst_ctx *c, struct rte_crypto_op *op,
		struct qatsec_req *r, uint8_t *buf)
{
	uint8_t *spill = buf + r->c_off + r->c_len - r->lo, keep = *spill;
	bool hash_first = c->s->chain_order == IMB_ORDER_HASH_CIPHER;

	if (!(c->s->flags & F_AUTH)) {
		qatsec_linear_half(c, op, r, buf, false);
		*spill = keep;
		return;
	}
	if (hash_first && qatsec_linear_half(c, op, r, buf, true) !=
			RTE_CRYPTO_OP_STATUS_SUCCESS)
		return;
	if (qatsec_linear_half(c, op, r, buf, false) !=
			RTE_CRYPTO_OP_STATUS_SUCCESS)
		return;
	*spill = keep;
	if (!hash_first)
		qatsec_linear_half(c, op, r, buf, true);
}

/* The job of a fragmented op on its linear copy buf. A digest the cipher
 * covers (doff >= 0) is made or checked in the copy, where the cipher
 * sees it: the op points there while the job runs.
 */
static void
qatsec_linear_job(struct qatsec_burst_ctx *c, struct rte_crypto_op *op,
		struct qatsec_req *r, uint8_t *buf, int64_t doff)
{
	uint8_t *digest = op->sym->auth.digest.data;
	IMB_JOB *job;

	if (doff >= 0) {
		r->digest = buf + (doff - r->lo);
		op->sym->auth.digest.data = r->digest;
	}
	if (unlikely(qatsec_uea2_spills(c->s, r))) {
		qatsec_linear_split(c, op, r, buf);
	} else if (IMB_GET_NEXT_BURST(c->mgr, 1, &job) != 1) {
		op->status = RTE_CRYPTO_OP_STATUS_ERROR;
	} else {
		qatsec_job_fill(job, op, c->s, r, buf, buf + r->c_off - r->lo,
			r->lo, c->t->digest[0]);
		qatsec_run(c->mgr, &job, 1, false);
	}
	op->sym->auth.digest.data = digest;
}

/* Fragmented op: run it alone on a linear copy of the bytes it touches. */
static uint32_t
qatsec_linear(struct qatsec_burst_ctx *c, struct rte_crypto_op *op)
{
	const struct qatsec_sym_sess *s;
	struct qatsec_req r;
	struct rte_mbuf *dm = NULL;
	uint8_t *buf = c->t->bounce;
	int64_t doff;
	uint8_t st;

	st = qatsec_check(c, op, &r);
	s = c->s;
	if (st != RTE_CRYPTO_OP_STATUS_NOT_PROCESSED) {
		op->status = st;
		return 1;
	}
	if (unlikely(s->kind == QATSEC_KIND_DOCSIS)) {
		op->status = qatsec_docsis(c->mgr, c->t, s, &r);
		return op->status != RTE_CRYPTO_OP_STATUS_SUCCESS;
	}
	doff = qatsec_digest_off(s, &r, &dm);
	if (doff >= 0)
		r.hi = RTE_MAX(r.hi, (uint64_t)doff + s->digest_len);
	if (r.hi - r.lo > QATSEC_LINEAR_MAX) {
		op->status = RTE_CRYPTO_OP_STATUS_INVALID_ARGS;
		return 1;
	}
	if (qatsec_mbuf_copy(r.src, r.lo, r.hi - r.lo, buf, false) != 0)
		goto bad;
	qatsec_linear_job(c, op, &r, buf, doff);
	if (op->status != RTE_CRYPTO_OP_STATUS_SUCCESS &&
			op->status != RTE_CRYPTO_OP_STATUS_AUTH_FAILED)
		return 1;
	if (r.dst != NULL && (s->flags & F_OOP_DST)) {
		if (qatsec_mbuf_copy(r.dst, r.lo, r.hi - r.lo, buf, true) != 0)
			goto bad;
	} else if ((r.dst != NULL && (s->flags & F_CIPHER)) ||
			s->cipher_mode != IMB_CIPHER_NULL) {
		if (qatsec_mbuf_copy(r.dst != NULL ? r.dst : r.src, r.c_off,
				r.c_len, buf + r.c_off - r.lo, true) != 0)
			goto bad;
	}
	/* A digest made in the copy, ciphered where the cipher covers it. */
	if (doff >= 0 && !(s->flags & F_VERIFY) &&
			qatsec_mbuf_copy(dm, doff, s->digest_len, r.digest, true) != 0)
		goto bad;
	return op->status != RTE_CRYPTO_OP_STATUS_SUCCESS;
bad:
	op->status = RTE_CRYPTO_OP_STATUS_INVALID_ARGS;
	return 1;
}

/* Record op's final status st. */
static __rte_always_inline void
qatsec_done(struct qatsec_burst_ctx *c, struct rte_crypto_op *op, uint8_t st)
{
	op->status = st;
	c->err += st != RTE_CRYPTO_OP_STATUS_SUCCESS;
}

/* What one burst of at most QATSEC_BURST ops gathers before it runs: job
 * slots of the burst job API, a run of AES-CBC + HMAC ops for the cipher
 * and hash burst APIs, and the fragmented ops left for last.
 */
struct qatsec_burst_jobs {
	/* Scalars and pointers only, so that the compiler keeps them in
	 * registers: the arrays are the caller's.
	 */
	IMB_JOB **jobs;			/* QATSEC_BURST slots */
	uint16_t *deferred;		/* op indexes, QATSEC_BURST */
	uint32_t nb_jobs;		/* filled */
	uint32_t jobs_got;		/* slots taken from the manager */
	bool nocheck;			/* every job may skip ipsec-mb's checks */
	uint32_t nb_cbc_hmac;		/* in t->cbc_hmac_jobs[] */
	uint32_t cbc_hmac_max;		/* longest cipher region of the run */
	const struct qatsec_sym_sess *cbc_hmac_s;	/* the run's class */
	struct qatsec_zuc_run *zuc;	/* ZUC-128 ops for the direct API */
	uint32_t nb_deferred;
};

/* Make room in the CBC + HMAC run for an op of s: a run shares one class
 * (direction, key size, hash, order), so a new class runs what is there.
 */
static __rte_always_inline void
qatsec_cbc_hmac_room(struct qatsec_burst_ctx *c, struct qatsec_burst_jobs *b,
		const struct qatsec_sym_sess *s)
{
	if (b->nb_cbc_hmac != 0 &&
			s->cbc_hmac_class != b->cbc_hmac_s->cbc_hmac_class) {
		c->err += qatsec_cbc_hmac_run(c, b->nb_cbc_hmac, b->cbc_hmac_s,
			b->cbc_hmac_max);
		b->nb_cbc_hmac = b->cbc_hmac_max = 0;
	}
	b->cbc_hmac_s = s;
}

/* Make room in the ZUC run for an op of s: a run shares one class (one
 * call over the whole burst measured faster at 64 B than calls of 16).
 */
static __rte_always_inline void
qatsec_zuc_room(struct qatsec_burst_ctx *c, struct qatsec_burst_jobs *b,
		const struct qatsec_sym_sess *s)
{
	if (b->zuc->n != 0 && b->zuc->cls != s->zuc_run)
		c->err += qatsec_zuc_run(c->mgr, b->zuc);
	b->zuc->cls = s->zuc_run;
}

/* A free job slot, taken from the manager when the first job op shows up
 * (a burst of GCM or CBC + HMAC ops never touches the job queue); NULL
 * when the manager has none left.
 */
static __rte_always_inline IMB_JOB *
qatsec_job_slot(struct qatsec_burst_ctx *c, struct qatsec_burst_jobs *b,
		uint32_t left)
{
	if (b->nb_jobs == b->jobs_got && b->jobs_got == 0)
		b->jobs_got = IMB_GET_NEXT_BURST(c->mgr, left, b->jobs);
	return likely(b->nb_jobs < b->jobs_got) ? b->jobs[b->nb_jobs] : NULL;
}

/* Op i on the session checked last: its session's fast path. Returns
 * false when the op needs the general path.
 */
static __rte_always_inline bool
qatsec_fast(struct qatsec_burst_ctx *c, struct qatsec_burst_jobs *b,
		struct rte_crypto_op *op, uint32_t i, uint32_t n)
{
	struct qatsec_tls *t = c->t;
	IMB_JOB *job;
	uint8_t st;

	switch (c->fast) {
	case FAST_GCM:
		st = qatsec_gcm_fast(c, op);
		if (unlikely(st == RTE_CRYPTO_OP_STATUS_NOT_PROCESSED))
			return false;
		qatsec_done(c, op, st);
		return true;
	case FAST_CBC_HMAC:
		qatsec_cbc_hmac_room(c, b, c->s);
		job = &t->cbc_hmac_jobs[b->nb_cbc_hmac];
		if (unlikely(!qatsec_cbc_hmac_fast(c, op, job, t->digest[i])))
			return false;
		b->cbc_hmac_max = RTE_MAX(b->cbc_hmac_max,
			job->msg_len_to_cipher_in_bytes);
		b->nb_cbc_hmac++;
		return true;
	case FAST_CHACHA:
		job = qatsec_job_slot(c, b, n - i);
		if (unlikely(job == NULL ||
				!qatsec_chacha_fast(c, op, job, t->digest[i])))
			return false;
		b->nocheck &= c->s->nocheck;
		b->nb_jobs++;
		return true;
	case FAST_SNOW3G:
		job = qatsec_job_slot(c, b, n - i);
		if (unlikely(job == NULL ||
				!qatsec_snow3g_fast(c, op, job, t->digest[i])))
			return false;
		/* Its UIA2 region is not empty: nocheck_alen holds. */
		b->nocheck &= c->s->nocheck | c->s->nocheck_alen;
		b->nb_jobs++;
		return true;
	case FAST_ZUC:
		qatsec_zuc_room(c, b, c->s);
		return qatsec_zuc_fast(c, b->zuc, op, t->digest[i]);
	default:
		return false;
	}
}

/* Ops whose bytes are not all in their first segment: GMAC and the NULL
 * algorithms walk the segments; the others run last on a linear copy.
 * Returns false when the op was deferred.
 */
static bool
qatsec_fragmented(struct qatsec_burst_ctx *c, struct qatsec_burst_jobs *b,
		struct rte_crypto_op *op, const struct qatsec_req *r, uint32_t i)
{
	const struct qatsec_sym_sess *s = c->s;
	uint8_t st;

	if (s->kind == QATSEC_KIND_GMAC)
		st = qatsec_gmac(c->mgr, c->t, s, r);
	else if (s->kind == QATSEC_KIND_NOP)
		st = r->dst != NULL && r->c_len != 0 ?
			qatsec_region_copy(c->t, r) :
			RTE_CRYPTO_OP_STATUS_SUCCESS;
	else {
		b->deferred[b->nb_deferred++] = i;
		return false;
	}
	qatsec_done(c, op, st);
	return true;
}

/* Op i, checked, in its first segment(s): prepare out of place outputs,
 * then serve it now or add it to one of the burst's runs.
 */
static void
qatsec_flat_op(struct qatsec_burst_ctx *c, struct qatsec_burst_jobs *b,
		struct rte_crypto_op *op, const struct qatsec_req *r,
		uint32_t i, uint32_t n)
{
	const struct qatsec_sym_sess *s = c->s;
	struct qatsec_tls *t = c->t;
	uint8_t *sp, *dp, *base;
	IMB_JOB *job;

	sp = rte_pktmbuf_mtod(r->src, uint8_t *);
	base = sp;
	dp = sp;
	if (r->dst != NULL) {
		dp = rte_pktmbuf_mtod(r->dst, uint8_t *);
		if (s->flags & F_OOP_DST) {
			memcpy(dp + r->lo, sp + r->lo, r->hi - r->lo);
			base = dp;
		} else if (s->flags & F_OOP_COPY) {
			memcpy(dp + r->c_off, sp + r->c_off, r->c_len);
		}
	}
	if (s->kind == QATSEC_KIND_GMAC) {
		qatsec_done(c, op, qatsec_gmac(c->mgr, t, s, r));
		return;
	}
	if (s->kind == QATSEC_KIND_NOP) {
		qatsec_done(c, op, RTE_CRYPTO_OP_STATUS_SUCCESS);
		return;
	}
	/* Empty regions need the job API's special cases; AES DOCSIS BPI
	 * (class without hash) runs as AES-CBC on whole blocks only.
	 */
	if (s->cbc_hmac_class != 0 && r->c_len != 0 &&
			(s->kind == QATSEC_KIND_CBC_HMAC ? r->a_len != 0 :
			(r->c_len & 15) == 0)) {
		qatsec_cbc_hmac_room(c, b, s);
		b->cbc_hmac_max = RTE_MAX(b->cbc_hmac_max, r->c_len);
		qatsec_job_fill(&t->cbc_hmac_jobs[b->nb_cbc_hmac++], op, s, r,
			base, dp + r->c_off, 0, t->digest[i]);
		return;
	}
	if (s->zuc_run != 0 && qatsec_zuc_fits(s, r)) {
		qatsec_zuc_room(c, b, s);
		qatsec_zuc_add(b->zuc, op, s, r, base, t->digest[i]);
		return;
	}
	job = qatsec_job_slot(c, b, n - i);
	if (unlikely(job == NULL)) {
		b->deferred[b->nb_deferred++] = i;
		return;
	}
	b->nocheck &= s->nocheck | (s->nocheck_alen & (r->a_bits != 0));
	b->nb_jobs++;
	qatsec_job_fill(job, op, s, r, base, dp + r->c_off, 0, t->digest[i]);
}

/* Serve n <= QATSEC_BURST ops. */
static void
qatsec_burst(struct qatsec_burst_ctx *c, struct rte_crypto_op **ops, uint32_t n)
{
	IMB_JOB *jobs[QATSEC_BURST];
	uint16_t deferred[QATSEC_BURST];
	struct qatsec_zuc_run zuc;
	struct qatsec_burst_jobs b;
	struct qatsec_req r;
	uint32_t i;
	uint8_t st;

	b.jobs = jobs;
	b.deferred = deferred;
	b.nb_jobs = b.jobs_got = b.nb_cbc_hmac = b.cbc_hmac_max = 0;
	b.nb_deferred = 0;
	b.nocheck = true;
	b.cbc_hmac_s = NULL;
	zuc.n = 0;
	b.zuc = &zuc;
	for (i = 0; i < n; i++) {
		struct rte_crypto_op *op = ops[i];

		if (likely(qatsec_same(c, op)) && qatsec_fast(c, &b, op, i, n))
			continue;
		st = qatsec_check(c, op, &r);
		if (unlikely(st != RTE_CRYPTO_OP_STATUS_NOT_PROCESSED))
			qatsec_done(c, op, st);
		else if (c->s->kind == QATSEC_KIND_GCM)
			qatsec_done(c, op, qatsec_gcm(c, c->s, &r));
		else if (unlikely(c->s->kind == QATSEC_KIND_DOCSIS ||
				qatsec_uea2_spills(c->s, &r)))
			b.deferred[b.nb_deferred++] = i;	/* one job each */
		else if (unlikely(!qatsec_flat(&r)))
			qatsec_fragmented(c, &b, op, &r, i);
		else
			qatsec_flat_op(c, &b, op, &r, i, n);
	}
	if (b.nb_cbc_hmac != 0)
		c->err += qatsec_cbc_hmac_run(c, b.nb_cbc_hmac, b.cbc_hmac_s,
			b.cbc_hmac_max);
	if (zuc.n != 0)
		c->err += qatsec_zuc_run(c->mgr, &zuc);
	if (b.nb_jobs != 0)
		c->err += qatsec_run(c->mgr, b.jobs, b.nb_jobs, b.nocheck);
	for (i = 0; i < b.nb_deferred; i++)
		c->err += qatsec_linear(c, ops[b.deferred[i]]);
}

int
qatsec_sym_process(struct rte_crypto_op **ops, uint16_t nb_ops)
{
	struct qatsec_tls *t = qatsec_tls_get();
	struct qatsec_burst_ctx c;
	uint16_t i, n;

	if (unlikely(t == NULL))
		return -ENOMEM;
	c.mgr = t->mgr;
	c.t = t;
	c.sess = &qatsec_unchecked;
	c.s = NULL;
	c.mp = NULL;
	c.gcm = NULL;
	c.fast = FAST_NONE;
	c.err = 0;
	for (i = 0; i < nb_ops; i += n) {
		n = RTE_MIN(nb_ops - i, QATSEC_BURST);
		qatsec_burst(&c, ops + i, n);
	}
	return (int)c.err;
}
