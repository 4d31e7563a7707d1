/* SPDX-License-Identifier: BSD-3-Clause
 * qatsec layer 2: the soft-endpoint crypto engine. Sessions are made from
 * xforms checked against qatsec_sym_capabilities; ops are served with
 * intel-ipsec-mb, through the burst job API, or for AES-GCM and AES-GMAC
 * through the direct GCM API.
 */
/* ipsec-mb's pre-0.53 names (CCM, GCM, ...) would clash with IMB_JOB fields. */
#define NO_COMPAT_IMB_API_053

#include <errno.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <cryptodev_pmd.h>
#include <rte_common.h>
#include <rte_mbuf.h>
#include <rte_mempool.h>

#include "qatsec_sym.h"

#define QATSEC_SESS_MAGIC	0x51a75e55u
#define QATSEC_BURST		IMB_MAX_BURST_SIZE
/* Longest region a fragmented mbuf may be linearised for. */
#define QATSEC_LINEAR_MAX	(64 * 1024 + 1024)
#define QATSEC_DIGEST_MAX	64

/* Key area of a session, at a 64-byte aligned offset inside it. AES round
 * keys come first; HMAC pads or MAC subkeys follow. GCM/GMAC key data and
 * the ChaCha20 key start at 0 and use nothing else.
 */
#define QATSEC_KEY_ALIGN	64
#define K_ENC		0	/* AES encryption round keys, 240 */
#define K_DEC		240	/* AES decryption round keys, 240 */
#define K_IPAD		480	/* HMAC inner state, 64 */
#define K_OPAD		544	/* HMAC outer state, 64 */
#define K_EMPTY		608	/* HMAC of the empty message, 64 */
#define K_MACKEY	480	/* CMAC/XCBC K1 round keys, 240 */
#define K_SK1		720	/* CMAC K1 / XCBC K2, 16 */
#define K_SK2		736	/* CMAC K2 / XCBC K3, 16 */
#define K_AREA		1024

_Static_assert(sizeof(struct gcm_key_data) <= K_AREA, "GCM key data");

enum qatsec_kind {
	QATSEC_KIND_JOB,	/* burst job API */
	QATSEC_KIND_GCM,	/* direct AES-GCM API */
	QATSEC_KIND_GMAC,	/* direct AES-GMAC API */
	QATSEC_KIND_NOP,	/* NULL cipher and/or NULL auth only */
};

/* Which IMB_JOB.u member the hash needs. */
enum qatsec_u {
	QATSEC_U_NONE,
	QATSEC_U_HMAC,
	QATSEC_U_CMAC,
	QATSEC_U_CCM,
	QATSEC_U_CHACHA,
};

#define F_VERIFY	0x01	/* compare the digest instead of writing it */
#define F_AEAD		0x02	/* op->sym->aead, not cipher/auth */
#define F_CIPHER	0x04	/* has a cipher region (NULL cipher included) */
#define F_AUTH		0x08	/* has a non-NULL auth or AEAD tag */
#define F_CBC		0x10	/* cipher length must be whole blocks */
#define F_OOP_COPY	0x20	/* out of place: cipher region src -> dst first */
#define F_OOP_DST	0x40	/* out of place: job then runs in place on dst */
#define F_ENC		0x80	/* direct GCM: encrypt */

/* Everything by value: sessions live in shared memory and are used by
 * every process of the group, so no pointer may be kept here.
 */
struct qatsec_sym_sess {
	uint32_t magic;
	uint32_t max_len;	/* longest cipher region (CCM counter size) */
	uint16_t key_off;	/* offset of the aligned key area */
	uint16_t iv_off;	/* from the op; CCM nonce already at +1 */
	uint16_t iv_end;	/* bytes of the op the IV needs */
	uint16_t aad_len;
	uint8_t kind;
	uint8_t flags;
	uint8_t ucase;
	uint8_t cipher_mode;
	uint8_t hash_alg;
	uint8_t chain_order;
	uint8_t cipher_dir;
	uint8_t key_len;
	uint8_t iv_len;
	uint8_t digest_len;	/* what the op carries */
	uint8_t tag_len;	/* what ipsec-mb is asked for */
	uint8_t hmac;		/* HMAC: empty messages use K_EMPTY */
	uint8_t arch;		/* GCM key data layout is per IMB_ARCH */
	uint8_t area[K_AREA + QATSEC_KEY_ALIGN];
};

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

unsigned int
qatsec_sym_session_size(void)
{
	return sizeof(struct qatsec_sym_sess);
}

/* ---- session creation ---- */

static const struct rte_cryptodev_symmetric_capability *
qatsec_cap_find(enum rte_crypto_sym_xform_type type, int algo)
{
	const struct rte_cryptodev_capabilities *c;

	for (c = qatsec_sym_capabilities;
			c->op != RTE_CRYPTO_OP_TYPE_UNDEFINED; c++) {
		if (c->sym.xform_type != type)
			continue;
		if ((type == RTE_CRYPTO_SYM_XFORM_CIPHER &&
				(int)c->sym.cipher.algo == algo) ||
				(type == RTE_CRYPTO_SYM_XFORM_AUTH &&
				(int)c->sym.auth.algo == algo) ||
				(type == RTE_CRYPTO_SYM_XFORM_AEAD &&
				(int)c->sym.aead.algo == algo))
			return &c->sym;
	}
	return NULL;
}

static bool
qatsec_in_range(const struct rte_crypto_param_range *r, uint32_t v)
{
	if (v < r->min || v > r->max)
		return false;
	if (r->increment == 0)
		return v == r->min;
	return (v - r->min) % r->increment == 0;
}

static void
qatsec_aes_keyexp(IMB_MGR *mgr, const uint8_t *key, uint32_t len,
		uint8_t *enc, uint8_t *dec)
{
	if (len == 16)
		IMB_AES_KEYEXP_128(mgr, key, enc, dec);
	else if (len == 24)
		IMB_AES_KEYEXP_192(mgr, key, enc, dec);
	else
		IMB_AES_KEYEXP_256(mgr, key, enc, dec);
}

static void
qatsec_gcm_pre(IMB_MGR *mgr, const uint8_t *key, uint32_t len, uint8_t *kd)
{
	struct gcm_key_data *gk = (struct gcm_key_data *)kd;

	if (len == 16)
		IMB_AES128_GCM_PRE(mgr, key, gk);
	else if (len == 24)
		IMB_AES192_GCM_PRE(mgr, key, gk);
	else
		IMB_AES256_GCM_PRE(mgr, key, gk);
}

static int
qatsec_cipher_init(IMB_MGR *mgr, struct qatsec_sym_sess *s, uint8_t *keys,
		const struct rte_crypto_cipher_xform *x)
{
	const struct rte_cryptodev_symmetric_capability *cap;

	if (x->op != RTE_CRYPTO_CIPHER_OP_ENCRYPT &&
			x->op != RTE_CRYPTO_CIPHER_OP_DECRYPT)
		return -EINVAL;
	cap = qatsec_cap_find(RTE_CRYPTO_SYM_XFORM_CIPHER, x->algo);
	if (cap == NULL || x->dataunit_len != 0 ||
			!qatsec_in_range(&cap->cipher.key_size, x->key.length) ||
			!qatsec_in_range(&cap->cipher.iv_size, x->iv.length))
		return -ENOTSUP;
	if (x->key.length != 0 && x->key.data == NULL)
		return -EINVAL;
	s->flags |= F_CIPHER;
	s->cipher_dir = x->op == RTE_CRYPTO_CIPHER_OP_ENCRYPT ?
		IMB_DIR_ENCRYPT : IMB_DIR_DECRYPT;
	s->iv_off = x->iv.offset;
	s->iv_len = x->iv.length;
	s->key_len = x->key.length;
	switch (x->algo) {
	case RTE_CRYPTO_CIPHER_AES_CBC:
		s->cipher_mode = IMB_CIPHER_CBC;
		s->flags |= F_CBC;
		break;
	case RTE_CRYPTO_CIPHER_AES_CTR:
		s->cipher_mode = IMB_CIPHER_CNTR;
		break;
	default:
		s->cipher_mode = IMB_CIPHER_NULL;
		return 0;
	}
	qatsec_aes_keyexp(mgr, x->key.data, x->key.length,
		keys + K_ENC, keys + K_DEC);
	return 0;
}

/* One-shot and one-block SHA of the HMAC family of algo. */
static void
qatsec_sha(IMB_MGR *mgr, enum rte_crypto_auth_algorithm algo,
		const void *in, uint64_t len, void *out, bool one_block)
{
	switch (algo) {
	case RTE_CRYPTO_AUTH_SHA1_HMAC:
		if (one_block)
			IMB_SHA1_ONE_BLOCK(mgr, in, out);
		else
			IMB_SHA1(mgr, in, len, out);
		break;
	case RTE_CRYPTO_AUTH_SHA224_HMAC:
		if (one_block)
			IMB_SHA224_ONE_BLOCK(mgr, in, out);
		else
			IMB_SHA224(mgr, in, len, out);
		break;
	case RTE_CRYPTO_AUTH_SHA256_HMAC:
		if (one_block)
			IMB_SHA256_ONE_BLOCK(mgr, in, out);
		else
			IMB_SHA256(mgr, in, len, out);
		break;
	case RTE_CRYPTO_AUTH_SHA384_HMAC:
		if (one_block)
			IMB_SHA384_ONE_BLOCK(mgr, in, out);
		else
			IMB_SHA384(mgr, in, len, out);
		break;
	default:
		if (one_block)
			IMB_SHA512_ONE_BLOCK(mgr, in, out);
		else
			IMB_SHA512(mgr, in, len, out);
		break;
	}
}

/* ipad/opad states for the job API, and the HMAC of the empty message,
 * which ipsec-mb's HMAC jobs refuse (zero-length hash).
 */
static void
qatsec_hmac_init(IMB_MGR *mgr, enum rte_crypto_auth_algorithm algo,
		const uint8_t *key, uint32_t klen, uint32_t blk, uint32_t dsz,
		uint8_t *keys)
{
	uint8_t kbuf[128], ipad[128], opad[128 + 64];
	uint32_t i;

	memset(kbuf, 0, sizeof(kbuf));
	if (klen > blk)
		qatsec_sha(mgr, algo, key, klen, kbuf, false);
	else
		memcpy(kbuf, key, klen);
	for (i = 0; i < blk; i++) {
		ipad[i] = kbuf[i] ^ 0x36;
		opad[i] = kbuf[i] ^ 0x5c;
	}
	qatsec_sha(mgr, algo, ipad, blk, keys + K_IPAD, true);
	qatsec_sha(mgr, algo, opad, blk, keys + K_OPAD, true);
	qatsec_sha(mgr, algo, ipad, blk, opad + blk, false);
	qatsec_sha(mgr, algo, opad, blk + dsz, keys + K_EMPTY, false);
	explicit_bzero(kbuf, sizeof(kbuf));
	explicit_bzero(ipad, sizeof(ipad));
	explicit_bzero(opad, sizeof(opad));
}

/* ipsec-mb hash of each HMAC and plain SHA algorithm. */
static const uint8_t qatsec_hash_alg[] = {
	[RTE_CRYPTO_AUTH_SHA1_HMAC] = IMB_AUTH_HMAC_SHA_1,
	[RTE_CRYPTO_AUTH_SHA224_HMAC] = IMB_AUTH_HMAC_SHA_224,
	[RTE_CRYPTO_AUTH_SHA256_HMAC] = IMB_AUTH_HMAC_SHA_256,
	[RTE_CRYPTO_AUTH_SHA384_HMAC] = IMB_AUTH_HMAC_SHA_384,
	[RTE_CRYPTO_AUTH_SHA512_HMAC] = IMB_AUTH_HMAC_SHA_512,
	[RTE_CRYPTO_AUTH_SHA1] = IMB_AUTH_SHA_1,
	[RTE_CRYPTO_AUTH_SHA224] = IMB_AUTH_SHA_224,
	[RTE_CRYPTO_AUTH_SHA256] = IMB_AUTH_SHA_256,
	[RTE_CRYPTO_AUTH_SHA384] = IMB_AUTH_SHA_384,
	[RTE_CRYPTO_AUTH_SHA512] = IMB_AUTH_SHA_512,
};

static int
qatsec_auth_init(IMB_MGR *mgr, struct qatsec_sym_sess *s, uint8_t *keys,
		const struct rte_crypto_auth_xform *x)
{
	const struct rte_cryptodev_symmetric_capability *cap;
	uint8_t tmp[240] __rte_aligned(16);
	uint32_t blk, full, trunc;

	if (x->op != RTE_CRYPTO_AUTH_OP_VERIFY &&
			x->op != RTE_CRYPTO_AUTH_OP_GENERATE)
		return -EINVAL;
	cap = qatsec_cap_find(RTE_CRYPTO_SYM_XFORM_AUTH, x->algo);
	if (cap == NULL ||
			!qatsec_in_range(&cap->auth.key_size, x->key.length) ||
			!qatsec_in_range(&cap->auth.digest_size,
				x->digest_length) ||
			!qatsec_in_range(&cap->auth.iv_size, x->iv.length))
		return -ENOTSUP;
	if (x->key.length != 0 && x->key.data == NULL)
		return -EINVAL;
	if (x->algo == RTE_CRYPTO_AUTH_NULL) {
		s->hash_alg = IMB_AUTH_NULL;
		return 0;
	}
	s->flags |= F_AUTH;
	if (x->op == RTE_CRYPTO_AUTH_OP_VERIFY)
		s->flags |= F_VERIFY;
	s->digest_len = x->digest_length;
	s->tag_len = x->digest_length;
	blk = cap->auth.block_size;
	full = cap->auth.digest_size.max;
	switch (x->algo) {
	case RTE_CRYPTO_AUTH_SHA1_HMAC:
	case RTE_CRYPTO_AUTH_SHA224_HMAC:
	case RTE_CRYPTO_AUTH_SHA256_HMAC:
	case RTE_CRYPTO_AUTH_SHA384_HMAC:
	case RTE_CRYPTO_AUTH_SHA512_HMAC:
		s->hash_alg = qatsec_hash_alg[x->algo];
		s->ucase = QATSEC_U_HMAC;
		s->hmac = 1;
		/* ipsec-mb emits only the full or the IPsec-truncated
		 * (half, SHA-1: 12) digest; others are cut from the full one.
		 */
		trunc = x->algo == RTE_CRYPTO_AUTH_SHA1_HMAC ? 12 : full / 2;
		if (s->digest_len != trunc)
			s->tag_len = full;
		qatsec_hmac_init(mgr, x->algo, x->key.data, x->key.length,
			blk, full, keys);
		break;
	case RTE_CRYPTO_AUTH_SHA1:
	case RTE_CRYPTO_AUTH_SHA224:
	case RTE_CRYPTO_AUTH_SHA256:
	case RTE_CRYPTO_AUTH_SHA384:
	case RTE_CRYPTO_AUTH_SHA512:
		s->hash_alg = qatsec_hash_alg[x->algo];
		s->tag_len = full;
		break;
	case RTE_CRYPTO_AUTH_AES_CMAC:
		s->ucase = QATSEC_U_CMAC;
		qatsec_aes_keyexp(mgr, x->key.data, x->key.length,
			keys + K_MACKEY, tmp);
		if (x->key.length == 16) {
			s->hash_alg = IMB_AUTH_AES_CMAC;
			IMB_AES_CMAC_SUBKEY_GEN_128(mgr, keys + K_MACKEY,
				keys + K_SK1, keys + K_SK2);
		} else {
			s->hash_alg = IMB_AUTH_AES_CMAC_256;
			IMB_AES_CMAC_SUBKEY_GEN_256(mgr, keys + K_MACKEY,
				keys + K_SK1, keys + K_SK2);
		}
		explicit_bzero(tmp, sizeof(tmp));
		break;
	case RTE_CRYPTO_AUTH_AES_XCBC_MAC:
		/* XCBC-MAC is CMAC's CBC-MAC with K2/K3 in place of the
		 * subkeys; the CMAC job gives the full 16-byte tag, which
		 * ipsec-mb 1.3's XCBC job (12 bytes only) does not.
		 */
		s->ucase = QATSEC_U_CMAC;
		s->hash_alg = IMB_AUTH_AES_CMAC;
		IMB_AES_XCBC_KEYEXP(mgr, x->key.data, keys + K_MACKEY,
			keys + K_SK1, keys + K_SK2);
		break;
	default: /* RTE_CRYPTO_AUTH_AES_GMAC */
		s->kind = QATSEC_KIND_GMAC;
		s->key_len = x->key.length;
		s->iv_off = x->iv.offset;
		s->iv_len = x->iv.length;
		qatsec_gcm_pre(mgr, x->key.data, x->key.length, keys);
		break;
	}
	return 0;
}

static int
qatsec_aead_init(IMB_MGR *mgr, struct qatsec_sym_sess *s, uint8_t *keys,
		const struct rte_crypto_aead_xform *x)
{
	const struct rte_cryptodev_symmetric_capability *cap;
	uint8_t tmp[240] __rte_aligned(16);
	bool enc = x->op == RTE_CRYPTO_AEAD_OP_ENCRYPT;
	uint32_t l;

	if (!enc && x->op != RTE_CRYPTO_AEAD_OP_DECRYPT)
		return -EINVAL;
	cap = qatsec_cap_find(RTE_CRYPTO_SYM_XFORM_AEAD, x->algo);
	if (cap == NULL ||
			!qatsec_in_range(&cap->aead.key_size, x->key.length) ||
			!qatsec_in_range(&cap->aead.iv_size, x->iv.length) ||
			!qatsec_in_range(&cap->aead.digest_size,
				x->digest_length) ||
			!qatsec_in_range(&cap->aead.aad_size, x->aad_length))
		return -ENOTSUP;
	if (x->key.data == NULL)
		return -EINVAL;
	s->flags |= F_AEAD | F_CIPHER | F_AUTH | (enc ? F_ENC : F_VERIFY);
	s->cipher_dir = enc ? IMB_DIR_ENCRYPT : IMB_DIR_DECRYPT;
	s->key_len = x->key.length;
	s->iv_off = x->iv.offset;
	s->iv_len = x->iv.length;
	s->aad_len = x->aad_length;
	s->digest_len = x->digest_length;
	s->tag_len = x->digest_length;
	switch (x->algo) {
	case RTE_CRYPTO_AEAD_AES_GCM:
		s->kind = QATSEC_KIND_GCM;
		qatsec_gcm_pre(mgr, x->key.data, x->key.length, keys);
		break;
	case RTE_CRYPTO_AEAD_AES_CCM:
		s->cipher_mode = IMB_CIPHER_CCM;
		s->hash_alg = IMB_AUTH_AES_CCM;
		s->ucase = QATSEC_U_CCM;
		/* CBC-MAC runs over the plaintext. */
		s->chain_order = enc ? IMB_ORDER_HASH_CIPHER :
			IMB_ORDER_CIPHER_HASH;
		/* cryptodev puts the nonce after a reserved flags byte. */
		s->iv_off++;
		/* An L-byte length field bounds the message. */
		l = 15 - x->iv.length;
		s->max_len = l >= 4 ? UINT32_MAX : (1u << (8 * l)) - 1;
		qatsec_aes_keyexp(mgr, x->key.data, x->key.length,
			keys + K_ENC, tmp);
		explicit_bzero(tmp, sizeof(tmp));
		break;
	default: /* RTE_CRYPTO_AEAD_CHACHA20_POLY1305 */
		s->cipher_mode = IMB_CIPHER_CHACHA20_POLY1305;
		s->hash_alg = IMB_AUTH_CHACHA20_POLY1305;
		s->ucase = QATSEC_U_CHACHA;
		s->chain_order = enc ? IMB_ORDER_CIPHER_HASH :
			IMB_ORDER_HASH_CIPHER;
		memcpy(keys + K_ENC, x->key.data, 32);
		break;
	}
	return 0;
}

static bool
qatsec_xform_type_ok(enum rte_crypto_sym_xform_type t)
{
	return t == RTE_CRYPTO_SYM_XFORM_AUTH ||
		t == RTE_CRYPTO_SYM_XFORM_CIPHER ||
		t == RTE_CRYPTO_SYM_XFORM_AEAD;
}

int
qatsec_sym_session_init(void *sess, const struct rte_crypto_sym_xform *xf)
{
	struct qatsec_sym_sess *s = sess;
	const struct rte_crypto_sym_xform *cx = NULL, *ax = NULL, *nx;
	IMB_MGR *mgr;
	uint8_t *keys;
	int ret;

	if (s == NULL || xf == NULL)
		return -EINVAL;
	nx = xf->next;
	if (!qatsec_xform_type_ok(xf->type) ||
			(nx != NULL && !qatsec_xform_type_ok(nx->type)))
		return -EINVAL;
	if (nx != NULL && (nx->next != NULL || nx->type == xf->type ||
			xf->type == RTE_CRYPTO_SYM_XFORM_AEAD ||
			nx->type == RTE_CRYPTO_SYM_XFORM_AEAD))
		return -ENOTSUP;
	mgr = qatsec_sym_mgr();
	if (mgr == NULL)
		return -ENOMEM;

	memset(s, 0, sizeof(*s));
	keys = RTE_PTR_ALIGN_CEIL(&s->area[0], QATSEC_KEY_ALIGN);
	s->key_off = keys - (uint8_t *)s;
	s->kind = QATSEC_KIND_JOB;
	s->cipher_mode = IMB_CIPHER_NULL;
	s->hash_alg = IMB_AUTH_NULL;
	s->chain_order = IMB_ORDER_CIPHER_HASH;
	s->cipher_dir = IMB_DIR_ENCRYPT;
	s->max_len = UINT32_MAX;

	if (xf->type == RTE_CRYPTO_SYM_XFORM_AEAD) {
		ret = qatsec_aead_init(mgr, s, keys, &xf->aead);
		goto out;
	}
	if (xf->type == RTE_CRYPTO_SYM_XFORM_CIPHER) {
		cx = xf;
		ax = nx;
	} else {
		ax = xf;
		cx = nx;
		s->chain_order = IMB_ORDER_HASH_CIPHER;
	}
	ret = 0;
	if (cx != NULL && ax != NULL &&
			ax->auth.algo == RTE_CRYPTO_AUTH_AES_GMAC)
		ret = -ENOTSUP;
	if (ret == 0 && cx != NULL)
		ret = qatsec_cipher_init(mgr, s, keys, &cx->cipher);
	if (ret == 0 && ax != NULL)
		ret = qatsec_auth_init(mgr, s, keys, &ax->auth);
	if (ret != 0)
		goto out;
	if (s->kind == QATSEC_KIND_JOB && s->cipher_mode == IMB_CIPHER_NULL &&
			!(s->flags & F_AUTH))
		s->kind = QATSEC_KIND_NOP;
	if (cx == NULL || ax == NULL || !(s->flags & F_AUTH))
		s->chain_order = IMB_ORDER_CIPHER_HASH;
	/* Out of place, cipher-then-auth must authenticate dst: the job is
	 * run in place on dst once the cipher region is copied there. A
	 * NULL cipher's whole work out of place is that copy.
	 */
	if ((s->flags & F_CIPHER) && (s->cipher_mode == IMB_CIPHER_NULL ||
			((s->flags & F_AUTH) &&
			s->chain_order == IMB_ORDER_CIPHER_HASH)))
		s->flags |= F_OOP_COPY;
	if ((s->flags & (F_CIPHER | F_AUTH)) == (F_CIPHER | F_AUTH) &&
			s->chain_order == IMB_ORDER_CIPHER_HASH)
		s->flags |= F_OOP_DST;
out:
	if (ret == 0 && s->kind == QATSEC_KIND_GCM)
		s->flags &= ~(F_OOP_COPY | F_OOP_DST);
	if (ret != 0) {
		explicit_bzero(s, sizeof(*s));
		return ret;
	}
	s->arch = mgr->used_arch;
	s->iv_end = s->iv_off + s->iv_len;
	s->magic = QATSEC_SESS_MAGIC;
	return 0;
}

void
qatsec_sym_session_clear(void *sess)
{
	if (sess != NULL)
		explicit_bzero(sess, sizeof(struct qatsec_sym_sess));
}

/* ---- datapath ---- */

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

static inline const uint8_t *
qatsec_keys(const struct qatsec_sym_sess *s)
{
	return (const uint8_t *)s + s->key_off;
}

/* Check op against its session; RTE_CRYPTO_OP_STATUS_NOT_PROCESSED when
 * it may be run.
 */
static inline uint8_t
qatsec_check(struct rte_crypto_op *op, const struct qatsec_sym_sess **sp,
		struct qatsec_req *r)
{
	struct rte_crypto_sym_op *sym = op->sym;
	const struct qatsec_sym_sess *s;
	struct rte_mbuf *abuf;
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
	abuf = r->dst != NULL && (s->flags & F_OOP_DST) ? r->dst : r->src;
	if (unlikely(c_end > r->src->pkt_len || a_end > abuf->pkt_len ||
			(r->dst != NULL && c_end > r->dst->pkt_len)))
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
	if (r.dst != NULL && (s->flags & F_OOP_DST)) {
		if (qatsec_mcopy(r.dst, r.lo, r.hi - r.lo, buf, false) != 0 ||
				qatsec_mcopy(r.src, r.c_off, r.c_len,
					buf + r.c_off - r.lo, false) != 0)
			goto bad;
	} else if (qatsec_mcopy(r.src, r.lo, r.hi - r.lo, buf, false) != 0) {
		goto bad;
	}
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
	if ((r.dst != NULL && (s->flags & F_CIPHER)) ||
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
			if (s->flags & F_OOP_COPY)
				memcpy(dp + r.c_off, sp + r.c_off, r.c_len);
			if (s->flags & F_OOP_DST)
				base = dp;
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
