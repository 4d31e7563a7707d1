/* SPDX-License-Identifier: BSD-3-Clause
 * ipsec-mb engine: the per-kind fast paths of the datapath (qatsec_sym.c,
 * the only file that includes this one): a run of ops on one session,
 * in place and in their first segment, fills its jobs or makes its call
 * from the op's own fields, the session checked once for the run.
 */
#ifndef QATSEC_SYM_FAST_H
#define QATSEC_SYM_FAST_H

#include <stdbool.h>
#include <stdint.h>

#include <cryptodev_pmd.h>
#include <rte_common.h>
#include <rte_mbuf.h>

#include "qatsec_sym_private.h"

/* Stands in for an absent AAD so ipsec-mb never sees NULL. */
static const uint8_t qatsec_zero[16];

/* One call of qatsec_sym_process: the thread's state and what was last
 * checked, so that a run of ops on one session checks the session once.
 */
struct qatsec_burst_ctx {
	IMB_MGR *mgr;
	struct qatsec_tls *t;
	const void *sess;			/* last session checked, until
						 * one is: qatsec_unchecked
						 */
	const struct qatsec_sym_sess *s;	/* its private data */
	const struct rte_mempool *mp;		/* last op pool checked for s */
	aes_gcm_enc_dec_t gcm;			/* s's direct GCM function */
	uint32_t fast;				/* enum qatsec_fast of s */
	uint32_t err;				/* ops not successful */
};

/* Which fast path an op of the session last checked may take. */
enum qatsec_fast {
	FAST_NONE,
	FAST_GCM,	/* AES-GCM, arch of the key data is the manager's */
	FAST_CBC_HMAC,	/* AES-CBC + HMAC */
	FAST_CHACHA,	/* ChaCha20-Poly1305 through the burst job API */
	FAST_SNOW3G,	/* SNOW3G UEA2 then UIA2, through the burst job API */
	FAST_ZUC,	/* ZUC-128 EEA3 and/or EIA3, through the direct API */
};

/* The fast path of s's ops, but AES-GCM's (which also needs the key data
 * made for the manager's code path).
 */
static inline uint32_t
qatsec_fast_kind(const struct qatsec_sym_sess *s)
{
	if (s->kind == QATSEC_KIND_CBC_HMAC)
		return FAST_CBC_HMAC;
	if (s->job_union == QATSEC_JOB_U_CHACHA)
		return FAST_CHACHA;
	if (s->zuc_run != 0)
		return FAST_ZUC;
	if (s->job_union == QATSEC_JOB_U_SNOW3G && s->nocheck_alen &&
			(s->flags & F_CIPHER) && s->tag_len == s->digest_len)
		return FAST_SNOW3G;
	return FAST_NONE;
}

/* Flags carried in IMB_JOB.user_data2. */
#define JF_VERIFY	0x1
#define JF_COPY		0x2	/* digest was made in scratch: copy it out */
#define JF_EMPTY	0x4	/* HMAC of nothing: digest is in the session */
#define JF_INVALID	0x8	/* ipsec-mb refused the job */

/* Whether op is a symmetric op on the session and pool checked last:
 * then nothing about them needs checking again.
 */
static __rte_always_inline bool
qatsec_same(const struct qatsec_burst_ctx *c, const struct rte_crypto_op *op)
{
	return op->sym->session == c->sess && op->mempool == c->mp &&
		op->type == RTE_CRYPTO_OP_TYPE_SYMMETRIC &&
		op->sess_type == RTE_CRYPTO_OP_WITH_SESSION;
}

/* Bytes [0, end) of m lie in its first segment (and its packet). */
static __rte_always_inline bool
qatsec_fits(const struct rte_mbuf *m, uint64_t end)
{
	return end <= m->data_len && end <= m->pkt_len;
}

/* AES-GCM fast path: c->s is a FAST_GCM session. The op's own fields are
 * checked as qatsec_check does; anything unusual (fragmented, no digest,
 * region out of the packet) returns NOT_PROCESSED for the general path to
 * serve or fail.
 */
static __rte_always_inline uint8_t
qatsec_gcm_fast(struct qatsec_burst_ctx *c, struct rte_crypto_op *op)
{
	const struct qatsec_sym_sess *s = c->s;
	struct rte_crypto_sym_op *sym = op->sym;
	struct rte_mbuf *m = sym->m_src, *d = sym->m_dst;
	uint32_t off = sym->aead.data.offset, len = sym->aead.data.length;
	uint64_t end = (uint64_t)off + len;
	uint8_t *digest = sym->aead.digest.data, *in, *out;
	const uint8_t *aad = sym->aead.aad.data;

	if (d == m)
		d = NULL;
	if (unlikely(m == NULL || digest == NULL || !qatsec_fits(m, end) ||
			(d != NULL && !qatsec_fits(d, end)) ||
			(aad == NULL && s->aad_len != 0)))
		return RTE_CRYPTO_OP_STATUS_NOT_PROCESSED;
	in = rte_pktmbuf_mtod_offset(m, uint8_t *, off);
	out = d == NULL ? in : rte_pktmbuf_mtod_offset(d, uint8_t *, off);
	return qatsec_gcm_linear(c->gcm, c->t, s, out, in, len,
		rte_crypto_op_ctod_offset(op, uint8_t *, s->iv_off),
		aad != NULL ? aad : qatsec_zero, digest);
}

/* The job fields every kind fills alike: regions, IV and the session's
 * sizes and order. Offsets count from base.
 */
static __rte_always_inline void
qatsec_job_regions(IMB_JOB *job, const struct qatsec_sym_sess *s,
		const uint8_t *base, uint8_t *out, uint32_t c_off,
		uint32_t c_len, uint32_t a_off, uint32_t a_len, const uint8_t *iv)
{
	job->key_len_in_bytes = s->key_len;
	job->src = base;
	job->dst = out;
	job->cipher_start_src_offset_in_bytes = c_off;
	job->msg_len_to_cipher_in_bytes = c_len;
	job->hash_start_src_offset_in_bytes = a_off;
	job->msg_len_to_hash_in_bytes = a_len;
	job->iv = iv;
	job->iv_len_in_bytes = s->iv_len;
	job->cipher_direction = s->cipher_dir;
	job->chain_order = s->chain_order;
	job->auth_tag_output_len_in_bytes = s->tag_len;
}

/* AES-CBC + HMAC fast path: c->s is a FAST_CBC_HMAC session; fills job for an
 * in-place op with both regions non-empty in the first segment. Returns
 * false for the general path to take the op.
 */
static __rte_always_inline bool
qatsec_cbc_hmac_fast(struct qatsec_burst_ctx *c, struct rte_crypto_op *op, IMB_JOB *job,
		uint8_t *scratch)
{
	const struct qatsec_sym_sess *s = c->s;
	struct rte_crypto_sym_op *sym = op->sym;
	struct rte_mbuf *m = sym->m_src;
	uint32_t c_off = sym->cipher.data.offset, c_len = sym->cipher.data.length;
	uint32_t a_off = sym->auth.data.offset, a_len = sym->auth.data.length;
	uint64_t end = RTE_MAX((uint64_t)c_off + c_len, (uint64_t)a_off + a_len);
	uint8_t *digest = sym->auth.digest.data, *base;
	const uint8_t *keys = qatsec_keys(s);
	unsigned int jf = 0;

	if (unlikely(m == NULL || (sym->m_dst != NULL && sym->m_dst != m) ||
			c_len == 0 || a_len == 0 || (c_len & 15) != 0 ||
			digest == NULL || !qatsec_fits(m, end)))
		return false;
	base = rte_pktmbuf_mtod(m, uint8_t *);
	job->enc_keys = keys + KEY_AES_ENC;
	job->dec_keys = keys + KEY_AES_DEC;
	qatsec_job_regions(job, s, base, base + c_off, c_off, c_len, a_off,
		a_len, rte_crypto_op_ctod_offset(op, uint8_t *, s->iv_off));
	job->cipher_mode = IMB_CIPHER_CBC;
	job->hash_alg = s->hash_alg;
	job->u.HMAC._hashed_auth_key_xor_ipad = keys + KEY_HMAC_IPAD;
	job->u.HMAC._hashed_auth_key_xor_opad = keys + KEY_HMAC_OPAD;
	job->auth_tag_output = digest;
	if (s->flags & F_VERIFY)
		jf = JF_VERIFY;
	if (jf != 0 || s->tag_len != s->digest_len) {
		job->auth_tag_output = scratch;
		jf |= JF_COPY;
	}
	job->user_data = op;
	job->user_data2 = (void *)(uintptr_t)jf;
	return true;
}

/* Where job's tag goes, for a session whose tag is the whole digest: the
 * op's digest, or scratch to compare with it (verify).
 */
static __rte_always_inline void
qatsec_job_tag(IMB_JOB *job, struct rte_crypto_op *op,
		const struct qatsec_sym_sess *s, uint8_t *digest, uint8_t *scratch)
{
	job->user_data = op;
	if (s->flags & F_VERIFY) {
		job->auth_tag_output = scratch;
		job->user_data2 = (void *)(uintptr_t)(JF_VERIFY | JF_COPY);
	} else {
		job->auth_tag_output = digest;
		job->user_data2 = (void *)(uintptr_t)0;
	}
}

/* ChaCha20-Poly1305 fast path: c->s is a FAST_CHACHA session; fills job
 * for an in-place op whose region lies in the first segment. Returns false
 * for the general path to take the op.
 */
static __rte_always_inline bool
qatsec_chacha_fast(struct qatsec_burst_ctx *c, struct rte_crypto_op *op,
		IMB_JOB *job, uint8_t *scratch)
{
	const struct qatsec_sym_sess *s = c->s;
	struct rte_crypto_sym_op *sym = op->sym;
	struct rte_mbuf *m = sym->m_src;
	uint32_t off = sym->aead.data.offset, len = sym->aead.data.length;
	uint8_t *digest = sym->aead.digest.data, *base;
	const uint8_t *aad = sym->aead.aad.data;

	if (unlikely(m == NULL || (sym->m_dst != NULL && sym->m_dst != m) ||
			digest == NULL || (aad == NULL && s->aad_len != 0) ||
			!qatsec_fits(m, (uint64_t)off + len)))
		return false;
	base = rte_pktmbuf_mtod(m, uint8_t *);
	job->enc_keys = qatsec_keys(s) + KEY_AES_ENC;
	job->dec_keys = qatsec_keys(s) + KEY_AES_ENC;
	qatsec_job_regions(job, s, base, base + off, off, len, off, len,
		rte_crypto_op_ctod_offset(op, uint8_t *, s->iv_off));
	job->cipher_mode = IMB_CIPHER_CHACHA20_POLY1305;
	job->hash_alg = IMB_AUTH_CHACHA20_POLY1305;
	job->u.CHACHA20_POLY1305.aad = aad != NULL ? aad : qatsec_zero;
	job->u.CHACHA20_POLY1305.aad_len_in_bytes = s->aad_len;
	job->u.CHACHA20_POLY1305.ctx = NULL;
	qatsec_job_tag(job, op, s, digest, scratch);
	return true;
}

/* SNOW3G UEA2 then UIA2 fast path: c->s is a FAST_SNOW3G session; fills
 * job for an in-place op whose regions start on whole bytes (the cipher's
 * also ends on one: qatsec_uea2_spills), are not empty and lie in the
 * first segment: what ipsec-mb would check of the
 * job is then fixed by the session (qatsec_snow3g_nocheck_init). Returns
 * false for the general path to take the op.
 */
static __rte_always_inline bool
qatsec_snow3g_fast(struct qatsec_burst_ctx *c, struct rte_crypto_op *op,
		IMB_JOB *job, uint8_t *scratch)
{
	const struct qatsec_sym_sess *s = c->s;
	struct rte_crypto_sym_op *sym = op->sym;
	struct rte_mbuf *m = sym->m_src;
	uint32_t c_off = sym->cipher.data.offset, c_bits = sym->cipher.data.length;
	uint32_t a_off = sym->auth.data.offset, a_bits = sym->auth.data.length;
	uint32_t c_len = (c_bits + 7) >> 3, a_len = (a_bits + 7) >> 3;
	uint8_t *digest = sym->auth.digest.data, *base;
	const uint8_t *keys = qatsec_keys(s);

	c_off >>= 3;
	a_off >>= 3;
	if (unlikely(m == NULL || (sym->m_dst != NULL && sym->m_dst != m) ||
			((sym->cipher.data.offset | sym->auth.data.offset) & 7) != 0 ||
			c_bits == 0 || a_bits == 0 || (c_bits & 7) != 0 ||
			a_bits > UINT32_MAX - 7 || c_len > s->max_len ||
			digest == NULL ||
			!qatsec_fits(m, RTE_MAX((uint64_t)c_off + c_len,
				(uint64_t)a_off + a_len))))
		return false;
	base = rte_pktmbuf_mtod(m, uint8_t *);
	/* UEA2 is its own inverse: one key schedule for both directions. */
	job->enc_keys = keys + KEY_3GPP_CIPHER;
	job->dec_keys = keys + KEY_3GPP_CIPHER;
	qatsec_job_regions(job, s, base, base, 0, 0, a_off, a_len,
		rte_crypto_op_ctod_offset(op, uint8_t *, s->iv_off));
	/* Bit offsets count from base on both sides, so dst is base too. */
	job->cipher_start_src_offset_in_bits = (uint64_t)c_off * 8;
	job->msg_len_to_cipher_in_bits = c_bits;
	job->cipher_mode = s->cipher_mode;
	job->hash_alg = s->hash_alg;
	job->u.SNOW3G_UIA2._key = keys + KEY_3GPP_AUTH;
	job->u.SNOW3G_UIA2._iv = rte_crypto_op_ctod_offset(op, const uint8_t *,
		s->auth_iv_off);
	job->msg_len_to_hash_in_bits = a_bits;
	qatsec_job_tag(job, op, s, digest, scratch);
	return true;
}

/* ZUC-128 fast path: c->s has a zuc_run; adds to z an in-place op whose
 * regions start on whole bytes (EEA3's also ends on one), are not empty,
 * are within ipsec-mb's limits and lie in the first segment. Returns false
 * for the general path to take the op.
 */
static __rte_always_inline bool
qatsec_zuc_fast(struct qatsec_burst_ctx *c, struct qatsec_zuc_run *z,
		struct rte_crypto_op *op, uint8_t *tag)
{
	const struct qatsec_sym_sess *s = c->s;
	struct rte_crypto_sym_op *sym = op->sym;
	struct rte_mbuf *m = sym->m_src;
	const uint8_t *keys = qatsec_keys(s);
	uint32_t k = z->n, off, len;
	uint64_t end = 0;
	uint8_t *base;

	if (unlikely(m == NULL || (sym->m_dst != NULL && sym->m_dst != m)))
		return false;
	base = rte_pktmbuf_mtod(m, uint8_t *);
	if (s->zuc_run & QATSEC_ZUC_CIPHER) {
		off = sym->cipher.data.offset;
		len = sym->cipher.data.length;
		if (unlikely(((off | len) & 7) != 0 || len == 0 ||
				len > QATSEC_ZUC_MAX_BITS))
			return false;
		end = (uint64_t)(off >> 3) + (len >> 3);
		z->ckey[k] = keys + KEY_3GPP_CIPHER;
		z->civ[k] = rte_crypto_op_ctod_offset(op, uint8_t *, s->iv_off);
		z->cbuf[k] = base + (off >> 3);
		z->clen[k] = len >> 3;
	}
	if (s->zuc_run & QATSEC_ZUC_AUTH) {
		off = sym->auth.data.offset;
		len = sym->auth.data.length;
		if (unlikely((off & 7) != 0 || len == 0 ||
				len > QATSEC_ZUC_MAX_BITS ||
				sym->auth.digest.data == NULL))
			return false;
		end = RTE_MAX(end, (uint64_t)(off >> 3) + ((len + 7) >> 3));
		z->akey[k] = keys + KEY_3GPP_AUTH;
		z->aiv[k] = rte_crypto_op_ctod_offset(op, uint8_t *,
			s->auth_iv_off);
		z->abuf[k] = base + (off >> 3);
		z->abits[k] = len;
		z->tag[k] = (uint32_t *)tag;
	}
	if (unlikely(!qatsec_fits(m, end)))
		return false;
	z->op[k] = op;
	z->digest[k] = sym->auth.digest.data;
	z->n = k + 1;
	return true;
}

#endif /* QATSEC_SYM_FAST_H */
