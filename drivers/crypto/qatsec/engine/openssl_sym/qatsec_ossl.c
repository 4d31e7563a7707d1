/* SPDX-License-Identifier: BSD-3-Clause
 * qatsec engine openssl_sym: the datapath. Each op is checked against its
 * session and the real extent of its mbuf chains, then computed with the
 * calling thread's EVP contexts. Out of place, the bytes the op touches are
 * first copied src -> dst and the op then runs in place on dst (so a hash
 * over header + ciphertext sees the header in dst, as on the other PMDs).
 * Cipher regions split over segments go through a per-thread bounce buffer
 * (XTS, CBC and CCM want one contiguous call); hashes walk the segments.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/core_names.h>
#include <openssl/params.h>

#include <rte_byteorder.h>
#include <rte_common.h>
#include <rte_crypto.h>
#include <rte_mbuf.h>
#include <rte_mempool.h>

#include "qatsec_ossl.h"
#include "qatsec_sym_util.h"

/* Longest region a fragmented chain is linearised for; beyond it the op
 * fails (a flat region has no limit of its own).
 */
#define QOSSL_BOUNCE_MAX	(16u << 20)
/* Longest chain walked: a looped or absurd chain is refused. */
#define QOSSL_SEGS_MAX		65536u

/* A thread's OpenSSL state: process-local, never in shared memory. */
struct qatsec_ossl_tls {
	EVP_CIPHER_CTX *cctx;
	unsigned int ccur;	/* cipher cctx holds (reused when the same) */
	uint64_t cstamp;	/* session whose key cctx holds, 0: none */
	EVP_MD_CTX *mdctx;
	EVP_MAC_CTX *mac[QOH_MAX];	/* one per digest, digest set once */
	uint64_t mstamp[QOH_MAX];	/* session whose key mac[] holds */
	uint8_t *bounce;
	uint32_t bounce_len;
};

static __thread struct qatsec_ossl_tls *qatsec_ossl_tls;
static pthread_key_t qatsec_ossl_key;
static pthread_once_t qatsec_ossl_key_once = PTHREAD_ONCE_INIT;

static void
qatsec_ossl_tls_free(void *p)
{
	struct qatsec_ossl_tls *t = p;
	unsigned int i;

	EVP_CIPHER_CTX_free(t->cctx);
	EVP_MD_CTX_free(t->mdctx);
	for (i = 0; i < QOH_MAX; i++)
		EVP_MAC_CTX_free(t->mac[i]);
	if (t->bounce != NULL) {
		explicit_bzero(t->bounce, t->bounce_len);
		free(t->bounce);
	}
	free(t);
}

static void
qatsec_ossl_key_init(void)
{
	/* Without the key a thread's contexts only leak at its exit. */
	if (pthread_key_create(&qatsec_ossl_key, qatsec_ossl_tls_free) != 0)
		qatsec_ossl_key = (pthread_key_t)-1;
}

static struct qatsec_ossl_tls *
qatsec_ossl_tls_get(void)
{
	struct qatsec_ossl_tls *t = qatsec_ossl_tls;

	if (likely(t != NULL))
		return t;
	pthread_once(&qatsec_ossl_key_once, qatsec_ossl_key_init);
	t = calloc(1, sizeof(*t));
	if (t == NULL)
		return NULL;
	t->cctx = EVP_CIPHER_CTX_new();
	t->mdctx = EVP_MD_CTX_new();
	if (t->cctx == NULL || t->mdctx == NULL) {
		qatsec_ossl_tls_free(t);
		return NULL;
	}
	if (qatsec_ossl_key != (pthread_key_t)-1)
		pthread_setspecific(qatsec_ossl_key, t);
	qatsec_ossl_tls = t;
	return t;
}

/* The thread's HMAC context for digest h, made on first use. */
static EVP_MAC_CTX *
qatsec_ossl_mac_ctx(struct qatsec_ossl_tls *t, unsigned int h)
{
	OSSL_PARAM p[2];
	EVP_MAC_CTX *c;

	if (t->mac[h] != NULL)
		return t->mac[h];
	c = EVP_MAC_CTX_new(qatsec_ossl_hmac());
	if (c == NULL)
		return NULL;
	p[0] = OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST,
		(char *)(uintptr_t)EVP_MD_get0_name(qatsec_ossl_md(h)), 0);
	p[1] = OSSL_PARAM_construct_end();
	if (!EVP_MAC_CTX_set_params(c, p)) {
		EVP_MAC_CTX_free(c);
		return NULL;
	}
	t->mac[h] = c;
	return c;
}

static uint8_t *
qatsec_ossl_bounce(struct qatsec_ossl_tls *t, uint32_t len)
{
	uint8_t *b;

	if (len <= t->bounce_len)
		return t->bounce;
	if (len > QOSSL_BOUNCE_MAX)
		return NULL;
	b = malloc(len);
	if (b == NULL)
		return NULL;
	if (t->bounce != NULL) {
		explicit_bzero(t->bounce, t->bounce_len);
		free(t->bounce);
	}
	t->bounce = b;
	t->bounce_len = len;
	return b;
}

/* What one op asks for, once checked. */
struct qatsec_ossl_req {
	struct rte_mbuf *m;	/* where the op runs (dst when out of place) */
	uint32_t c_off, c_len, a_off, a_len;
	uint8_t *digest;
	const uint8_t *aad;
	const uint8_t *iv;
};

/* Bytes of the chain, or -1 for a chain too long to be real. The real
 * extent, not pkt_len, bounds regions (crypto-perf leaves pkt_len 0).
 */
static int64_t
qatsec_ossl_extent(const struct rte_mbuf *m)
{
	uint64_t n = 0;
	unsigned int segs = 0;

	for (; m != NULL; m = m->next) {
		if (++segs > QOSSL_SEGS_MAX)
			return -1;
		n += m->data_len;
	}
	return (int64_t)n;
}

/* The segment holding byte *off of m (or the one it ends), *off made
 * relative to it; NULL past the end.
 */
static struct rte_mbuf *
qatsec_ossl_seek(struct rte_mbuf *m, uint32_t *off)
{
	while (m != NULL && *off >= m->data_len && m->next != NULL) {
		*off -= m->data_len;
		m = m->next;
	}
	return m != NULL && *off <= m->data_len ? m : NULL;
}

/* Copy len bytes at off from chain s to chain d (extents checked). */
static int
qatsec_ossl_chain_copy(struct rte_mbuf *s, struct rte_mbuf *d, uint32_t off,
		uint32_t len)
{
	uint32_t so = off, doff = off, n;

	s = qatsec_ossl_seek(s, &so);
	d = qatsec_ossl_seek(d, &doff);
	while (len != 0) {
		if (s == NULL || d == NULL)
			return -1;
		n = RTE_MIN(len, RTE_MIN((uint32_t)s->data_len - so,
			(uint32_t)d->data_len - doff));
		memmove(rte_pktmbuf_mtod_offset(d, uint8_t *, doff),
			rte_pktmbuf_mtod_offset(s, uint8_t *, so), n);
		len -= n;
		so += n;
		doff += n;
		if (so == s->data_len) {
			s = s->next;
			so = 0;
		}
		if (doff == d->data_len) {
			d = d->next;
			doff = 0;
		}
	}
	return 0;
}

/* The region's bytes as one buffer: in the mbuf when one segment holds
 * them all (*bounced false), else gathered into the bounce buffer.
 */
static uint8_t *
qatsec_ossl_linear(struct qatsec_ossl_tls *t, struct rte_mbuf *m, uint32_t off,
		uint32_t len, bool *bounced)
{
	static uint8_t none;
	uint32_t o = off;
	struct rte_mbuf *seg = qatsec_ossl_seek(m, &o);
	uint8_t *b;

	*bounced = false;
	if (len == 0)
		return &none;
	if (seg != NULL && (uint64_t)o + len <= seg->data_len)
		return rte_pktmbuf_mtod_offset(seg, uint8_t *, o);
	b = qatsec_ossl_bounce(t, len);
	if (b == NULL || qatsec_mbuf_copy(m, off, len, b, false) != 0)
		return NULL;
	*bounced = true;
	return b;
}

/* Set the thread's cipher context up for s with iv. Re-keying (and, for
 * another cipher, a new algorithm context) happens only when the context
 * does not hold s's key already: per op, that cost would exceed the
 * cipher's own on short buffers.
 */
static int
qatsec_ossl_cinit(struct qatsec_ossl_tls *t, const struct qatsec_ossl_sess *s,
		const uint8_t *iv, int enc)
{
	const EVP_CIPHER *ci = NULL;
	const uint8_t *key = s->ckey;

	if (t->ccur == s->cipher && t->cstamp == s->stamp)
		key = NULL;
	else if (t->ccur != s->cipher && (ci = qatsec_ossl_cipher(s->cipher)) == NULL)
		return -1;
	t->ccur = QOC_NONE;
	t->cstamp = 0;
	if (!EVP_CipherInit_ex2(t->cctx, ci, key, iv, enc, NULL))
		return -1;
	/* Block modes without padding; a kept algorithm context keeps it. */
	if (ci != NULL && (s->flags & QOF_BLOCKS) &&
			!EVP_CIPHER_CTX_set_padding(t->cctx, 0))
		return -1;
	t->ccur = s->cipher;
	t->cstamp = s->stamp;
	return 0;
}

/* The 128-bit little-endian XTS tweak of the next data unit. */
static void
qatsec_ossl_tweak_inc(uint8_t tw[16])
{
	unsigned int i;

	for (i = 0; i < 16 && ++tw[i] == 0; i++)
		;
}

/* Counter blocks encrypted per EVP call in 3DES-CTR. */
#define QOSSL_CTR_BLOCKS	64

/* 3DES-CTR: the keystream is the three-key cipher (ECB) over the 64-bit
 * counter block, which counts up big-endian from the IV; any length.
 */
static int
qatsec_ossl_ctr64(struct qatsec_ossl_tls *t, const struct qatsec_ossl_sess *s,
		const uint8_t *iv, uint8_t *buf, uint32_t len)
{
	uint8_t ctr[QOSSL_CTR_BLOCKS * 8], ks[QOSSL_CTR_BLOCKS * 8];
	uint64_t c;
	uint32_t n, i, nb;
	int outl;

	if (qatsec_ossl_cinit(t, s, NULL, 1) != 0 ||
			!EVP_CIPHER_CTX_set_padding(t->cctx, 0))
		return -1;
	memcpy(&c, iv, 8);
	c = rte_be_to_cpu_64(c);
	for (; len != 0; len -= n, buf += n) {
		n = RTE_MIN(len, (uint32_t)sizeof(ks));
		nb = (n + 7) / 8;
		for (i = 0; i < nb; i++, c++) {
			uint64_t be = rte_cpu_to_be_64(c);

			memcpy(ctr + 8 * i, &be, 8);
		}
		if (!EVP_EncryptUpdate(t->cctx, ks, &outl, ctr, (int)(nb * 8)) ||
				(uint32_t)outl != nb * 8) {
			t->ccur = QOC_NONE;
			t->cstamp = 0;
			return -1;
		}
		for (i = 0; i < n; i++)
			buf[i] ^= ks[i];
	}
	explicit_bzero(ks, sizeof(ks));
	return 0;
}

static int
qatsec_ossl_crypt(struct qatsec_ossl_tls *t, const struct qatsec_ossl_sess *s,
		const uint8_t *iv, uint8_t *buf, uint32_t len)
{
	uint32_t unit = s->dataunit_len != 0 ? s->dataunit_len : len, n;
	int enc = (s->flags & QOF_ENC) != 0, outl;
	uint8_t tw[16];

	if (s->cipher == QOC_3DES_CTR)
		return qatsec_ossl_ctr64(t, s, iv, buf, len);
	if (s->iv_len > sizeof(tw))
		return -1;
	memcpy(tw, iv, s->iv_len);
	/* One EVP call per data unit: XTS starts a data unit at each. No
	 * Final: without padding, on whole blocks (CBC, ECB) or in XTS and
	 * CTR, Update has written everything, and the next op re-inits.
	 */
	for (; len != 0; len -= n, buf += n) {
		n = RTE_MIN(unit, len);
		if (qatsec_ossl_cinit(t, s, s->iv_len ? tw : NULL, enc) != 0 ||
				!EVP_CipherUpdate(t->cctx, buf, &outl, buf, (int)n) ||
				(uint32_t)outl != n) {
			t->ccur = QOC_NONE;
			t->cstamp = 0;
			return -1;
		}
		qatsec_ossl_tweak_inc(tw);
	}
	return 0;
}

static uint8_t
qatsec_ossl_cipher_step(struct qatsec_ossl_tls *t,
		const struct qatsec_ossl_sess *s, const struct qatsec_ossl_req *r)
{
	bool bounced;
	uint8_t *p;

	if (r->c_len == 0)
		return RTE_CRYPTO_OP_STATUS_SUCCESS;
	p = qatsec_ossl_linear(t, r->m, r->c_off, r->c_len, &bounced);
	if (p == NULL)
		return RTE_CRYPTO_OP_STATUS_INVALID_ARGS;
	if (qatsec_ossl_crypt(t, s, r->iv, p, r->c_len) != 0)
		return RTE_CRYPTO_OP_STATUS_ERROR;
	if (bounced && qatsec_mbuf_copy(r->m, r->c_off, r->c_len, p, true) != 0)
		return RTE_CRYPTO_OP_STATUS_INVALID_ARGS;
	return RTE_CRYPTO_OP_STATUS_SUCCESS;
}

/* Hash or HMAC over the auth region, segment by segment. */
static uint8_t
qatsec_ossl_auth_step(struct qatsec_ossl_tls *t,
		const struct qatsec_ossl_sess *s, const struct qatsec_ossl_req *r)
{
	uint8_t md[EVP_MAX_MD_SIZE];
	uint32_t off = r->a_off, len = r->a_len, n;
	struct rte_mbuf *m;
	EVP_MAC_CTX *mac = NULL;
	unsigned int mdlen = 0;
	size_t maclen = 0;
	int ok;

	if (s->flags & QOF_HMAC) {
		mac = qatsec_ossl_mac_ctx(t, s->md);
		/* A NULL key re-uses the one mac already holds (its pads). */
		ok = mac != NULL && (t->mstamp[s->md] == s->stamp ?
			EVP_MAC_init(mac, NULL, 0, NULL) :
			EVP_MAC_init(mac, s->akey, s->akey_len, NULL));
		if (mac != NULL)
			t->mstamp[s->md] = ok ? s->stamp : 0;
	} else {
		ok = EVP_DigestInit_ex2(t->mdctx, qatsec_ossl_md(s->md), NULL);
	}
	if (!ok)
		return RTE_CRYPTO_OP_STATUS_ERROR;
	m = qatsec_ossl_seek(r->m, &off);
	for (; len != 0 && ok; m = m->next, off = 0) {
		if (m == NULL)
			return RTE_CRYPTO_OP_STATUS_INVALID_ARGS;
		n = RTE_MIN((uint32_t)m->data_len - off, len);
		if (n == 0)
			continue;
		ok = mac != NULL ?
			EVP_MAC_update(mac, rte_pktmbuf_mtod_offset(m,
				uint8_t *, off), n) :
			EVP_DigestUpdate(t->mdctx, rte_pktmbuf_mtod_offset(m,
				uint8_t *, off), n);
		len -= n;
	}
	if (ok)
		ok = mac != NULL ? EVP_MAC_final(mac, md, &maclen, sizeof(md)) :
			EVP_DigestFinal_ex(t->mdctx, md, &mdlen);
	if (!ok || (mac != NULL ? maclen : mdlen) < s->digest_len)
		return RTE_CRYPTO_OP_STATUS_ERROR;
	if (s->flags & QOF_VERIFY)
		return qatsec_tag_eq(md, r->digest, s->digest_len) ?
			RTE_CRYPTO_OP_STATUS_SUCCESS :
			RTE_CRYPTO_OP_STATUS_AUTH_FAILED;
	memcpy(r->digest, md, s->digest_len);
	return RTE_CRYPTO_OP_STATUS_SUCCESS;
}

/* AES-CCM: OpenSSL takes the whole payload in one call. */
static uint8_t
qatsec_ossl_ccm(struct qatsec_ossl_tls *t, const struct qatsec_ossl_sess *s,
		const struct qatsec_ossl_req *r)
{
	EVP_CIPHER_CTX *c = t->cctx;
	int enc = (s->flags & QOF_ENC) != 0, outl;
	uint8_t tag[16];
	bool bounced;
	uint8_t *p;

	p = qatsec_ossl_linear(t, r->m, r->c_off, r->c_len, &bounced);
	if (p == NULL)
		return RTE_CRYPTO_OP_STATUS_INVALID_ARGS;
	if (!enc)
		memcpy(tag, r->digest, s->digest_len);
	/* CCM is set up afresh each op (lengths and tag come first). */
	t->ccur = QOC_NONE;
	t->cstamp = 0;
	if (!EVP_CipherInit_ex2(c, qatsec_ossl_cipher(s->cipher), NULL, NULL,
			enc, NULL) ||
			!EVP_CIPHER_CTX_ctrl(c, EVP_CTRL_AEAD_SET_IVLEN,
				s->iv_len, NULL) ||
			!EVP_CIPHER_CTX_ctrl(c, EVP_CTRL_AEAD_SET_TAG,
				s->digest_len, enc ? NULL : tag) ||
			!EVP_CipherInit_ex2(c, NULL, s->ckey, r->iv, enc, NULL) ||
			!EVP_CipherUpdate(c, NULL, &outl, NULL, (int)r->c_len) ||
			(s->aad_len != 0 && !EVP_CipherUpdate(c, NULL, &outl,
				r->aad, s->aad_len)))
		return RTE_CRYPTO_OP_STATUS_ERROR;
	if (!EVP_CipherUpdate(c, p, &outl, p, (int)r->c_len)) {
		/* Every parameter was checked: only the tag can be wrong. */
		return enc ? RTE_CRYPTO_OP_STATUS_ERROR :
			RTE_CRYPTO_OP_STATUS_AUTH_FAILED;
	}
	if (enc && (!EVP_CipherFinal_ex(c, p + outl, &outl) ||
			!EVP_CIPHER_CTX_ctrl(c, EVP_CTRL_AEAD_GET_TAG,
				s->digest_len, tag)))
		return RTE_CRYPTO_OP_STATUS_ERROR;
	if (bounced && qatsec_mbuf_copy(r->m, r->c_off, r->c_len, p, true) != 0)
		return RTE_CRYPTO_OP_STATUS_INVALID_ARGS;
	if (enc)
		memcpy(r->digest, tag, s->digest_len);
	return RTE_CRYPTO_OP_STATUS_SUCCESS;
}

/* Check op against its session and its chains; fill r. Returns the op's
 * final status on refusal, RTE_CRYPTO_OP_STATUS_NOT_PROCESSED when it may
 * run.
 */
static uint8_t
qatsec_ossl_check(struct rte_crypto_op *op, const struct qatsec_ossl_sess **sp,
		struct qatsec_ossl_req *r)
{
	const struct qatsec_ossl_sess *s;
	struct rte_crypto_sym_op *sym = op->sym;
	struct rte_mbuf *dst;
	int64_t sext, dext;
	uint64_t c_end, a_end, lo, hi;

	if (op->type != RTE_CRYPTO_OP_TYPE_SYMMETRIC)
		return RTE_CRYPTO_OP_STATUS_INVALID_ARGS;
	s = (const void *)qatsec_op_sess_hdr(op);
	if (s == NULL || s->hdr.magic != QATSEC_OSSL_MAGIC ||
			s->hdr.engine != QATSEC_ENGINE_OPENSSL_SYM)
		return RTE_CRYPTO_OP_STATUS_INVALID_SESSION;
	*sp = s;
	if (sym->m_src == NULL)
		return RTE_CRYPTO_OP_STATUS_INVALID_ARGS;
	/* The IV is read from the op: it must lie inside the op's object. */
	if (op->mempool != NULL && s->iv_end > op->mempool->elt_size)
		return RTE_CRYPTO_OP_STATUS_INVALID_ARGS;
	r->iv = rte_crypto_op_ctod_offset(op, uint8_t *, s->iv_off);
	r->aad = NULL;
	if (s->flags & QOF_AEAD) {
		r->c_off = r->a_off = sym->aead.data.offset;
		r->c_len = r->a_len = sym->aead.data.length;
		r->digest = sym->aead.digest.data;
		if (s->aad_len != 0) {
			if (sym->aead.aad.data == NULL)
				return RTE_CRYPTO_OP_STATUS_INVALID_ARGS;
			/* B0 and the AAD length come first (DPDK's layout). */
			r->aad = sym->aead.aad.data + 18;
		}
	} else {
		r->c_off = r->c_len = r->a_off = r->a_len = 0;
		if (s->flags & QOF_CIPHER) {
			r->c_off = sym->cipher.data.offset;
			r->c_len = sym->cipher.data.length;
		}
		if (s->flags & QOF_AUTH) {
			r->a_off = sym->auth.data.offset;
			r->a_len = sym->auth.data.length;
		}
		r->digest = sym->auth.digest.data;
		if (!(s->flags & QOF_CIPHER))
			r->c_off = r->a_off;
		if (!(s->flags & QOF_AUTH))
			r->a_off = r->c_off;
	}
	if ((s->flags & (QOF_AUTH | QOF_AEAD)) && r->digest == NULL)
		return RTE_CRYPTO_OP_STATUS_INVALID_ARGS;
	if (((s->flags & QOF_BLOCKS) && (r->c_len & 15) != 0) ||
			((s->flags & QOF_CIPHER) && r->c_len != 0 &&
			r->c_len < s->min_len) ||
			(s->dataunit_len != 0 && r->c_len % s->dataunit_len) ||
			r->c_len > INT32_MAX)
		return RTE_CRYPTO_OP_STATUS_INVALID_ARGS;
	c_end = (uint64_t)r->c_off + r->c_len;
	a_end = (uint64_t)r->a_off + r->a_len;
	lo = RTE_MIN(r->c_off, r->a_off);
	hi = RTE_MAX(c_end, a_end);
	sext = qatsec_ossl_extent(sym->m_src);
	if (sext < 0 || hi > (uint64_t)sext)
		return RTE_CRYPTO_OP_STATUS_INVALID_ARGS;
	dst = sym->m_dst;
	r->m = sym->m_src;
	if (dst != NULL && dst != sym->m_src) {
		dext = qatsec_ossl_extent(dst);
		if (dext < 0 || hi > (uint64_t)dext)
			return RTE_CRYPTO_OP_STATUS_INVALID_ARGS;
		/* Out of place: dst gets every byte the op touches, then the
		 * op runs in place there.
		 */
		if (qatsec_ossl_chain_copy(sym->m_src, dst, (uint32_t)lo,
				(uint32_t)(hi - lo)) != 0)
			return RTE_CRYPTO_OP_STATUS_INVALID_ARGS;
		r->m = dst;
	}
	return RTE_CRYPTO_OP_STATUS_NOT_PROCESSED;
}

static uint8_t
qatsec_ossl_one(struct qatsec_ossl_tls *t, struct rte_crypto_op *op)
{
	const struct qatsec_ossl_sess *s = NULL;
	struct qatsec_ossl_req r;
	uint8_t st;

	st = qatsec_ossl_check(op, &s, &r);
	if (st != RTE_CRYPTO_OP_STATUS_NOT_PROCESSED)
		return st;
	if (s->flags & QOF_AEAD)
		return qatsec_ossl_ccm(t, s, &r);
	if ((s->flags & QOF_CIPHER) &&
			((s->flags & QOF_CIPHER_1ST) || !(s->flags & QOF_AUTH))) {
		st = qatsec_ossl_cipher_step(t, s, &r);
		if (st != RTE_CRYPTO_OP_STATUS_SUCCESS || !(s->flags & QOF_AUTH))
			return st;
		return qatsec_ossl_auth_step(t, s, &r);
	}
	st = qatsec_ossl_auth_step(t, s, &r);
	if (st != RTE_CRYPTO_OP_STATUS_SUCCESS || !(s->flags & QOF_CIPHER))
		return st;
	return qatsec_ossl_cipher_step(t, s, &r);
}

int
qatsec_ossl_process(struct rte_crypto_op **ops, uint16_t nb_ops)
{
	struct qatsec_ossl_tls *t = qatsec_ossl_tls_get();
	int failed = 0;
	uint16_t i;

	if (t == NULL)
		return -ENOMEM;
	for (i = 0; i < nb_ops; i++) {
		if (ops[i] == NULL)
			continue;
		ops[i]->status = qatsec_ossl_one(t, ops[i]);
		if (ops[i]->status != RTE_CRYPTO_OP_STATUS_SUCCESS)
			failed++;
	}
	return failed;
}
