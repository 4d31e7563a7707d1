/* SPDX-License-Identifier: BSD-3-Clause
 * ipsec-mb engine: builds sessions from cryptodev xforms, checked
 * against qatsec_sym_capabilities, with every key expanded up front.
 */
#include <errno.h>
#include <stdbool.h>
#include <string.h>

#include <rte_common.h>

#include "qatsec_log.h"
#include "qatsec_sym_private.h"

unsigned int
qatsec_sym_session_size(void)
{
	return sizeof(struct qatsec_sym_sess);
}

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

/* An IV for an algorithm that takes none is ignored, as DPDK's other PMDs
 * do (l2fwd-crypto leaves the auth IV uninitialised).
 */
static bool
qatsec_iv_ok(const struct rte_crypto_param_range *r, uint32_t v)
{
	if (r->max == 0 && v != 0)
		QATSEC_LOG(DEBUG, "an IV of %u bytes ignored: the algorithm takes none",
			v);
	return r->max == 0 || qatsec_in_range(r, v);
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
	/* The NULL cipher ignores a key and an IV, as DPDK's PMDs do. */
	if (cap == NULL || x->dataunit_len != 0 ||
			(x->algo != RTE_CRYPTO_CIPHER_NULL &&
			(!qatsec_in_range(&cap->cipher.key_size, x->key.length) ||
			!qatsec_iv_ok(&cap->cipher.iv_size, x->iv.length))))
		return -ENOTSUP;
	if (x->key.length != 0 && x->key.data == NULL)
		return -EINVAL;
	s->flags |= F_CIPHER;
	s->cipher_dir = x->op == RTE_CRYPTO_CIPHER_OP_ENCRYPT ?
		IMB_DIR_ENCRYPT : IMB_DIR_DECRYPT;
	if (cap->cipher.iv_size.max != 0) {
		s->iv_off = x->iv.offset;
		s->iv_len = x->iv.length;
	}
	s->key_len = x->key.length;
	switch (x->algo) {
	case RTE_CRYPTO_CIPHER_AES_CBC:
	case RTE_CRYPTO_CIPHER_AES_ECB:
		s->cipher_mode = x->algo == RTE_CRYPTO_CIPHER_AES_CBC ?
			IMB_CIPHER_CBC : IMB_CIPHER_ECB;
		s->flags |= F_CBC;
		s->c_blk_mask = 15;
		break;
	case RTE_CRYPTO_CIPHER_AES_CTR:
		s->cipher_mode = IMB_CIPHER_CNTR;
		break;
	case RTE_CRYPTO_CIPHER_AES_DOCSISBPI:
		/* CBC, then CFB for a last partial block: any length up to
		 * what ipsec-mb's lanes count (its job check refuses more).
		 */
		s->cipher_mode = IMB_CIPHER_DOCSIS_SEC_BPI;
		s->max_len = QATSEC_DOCSIS_MAX_LEN;
		break;
	case RTE_CRYPTO_CIPHER_NULL:
		s->cipher_mode = IMB_CIPHER_NULL;
		s->key_len = 0;
		return 0;
	default:
		return qatsec_cipher_more(mgr, s, keys, x) == 0 ? 0 : -ENOTSUP;
	}
	qatsec_aes_keyexp(mgr, x->key.data, x->key.length,
		keys + KEY_AES_ENC, keys + KEY_AES_DEC);
	return 0;
}

/* ZUC-128 EEA3 and/or EIA3 generate, cipher first, in place: its ops may
 * take the direct multi-buffer API (qatsec_sym_zuc.c).
 */
static void
qatsec_zuc_run_init(struct qatsec_sym_sess *s)
{
	bool c = (s->flags & F_CIPHER) != 0, a = (s->flags & F_AUTH) != 0;

	if ((s->flags & (F_AEAD | F_VERIFY)) || (!c && !a) ||
			(c && (s->cipher_mode != IMB_CIPHER_ZUC_EEA3 ||
			s->key_len != 16)) ||
			(a && (s->hash_alg != IMB_AUTH_ZUC_EIA3_BITLEN ||
			s->tag_len != 4 || s->digest_len != 4)) ||
			(c && a && s->chain_order != IMB_ORDER_CIPHER_HASH))
		return;
	s->zuc_run = (c ? QATSEC_ZUC_CIPHER : 0) | (a ? QATSEC_ZUC_AUTH : 0);
}

/* SNOW3G UEA2 and/or UIA2 alone: what ipsec-mb checks per job is fixed by
 * the session (key and IV sizes, keys, tag length) or never NULL in the
 * datapath (buffers, IVs, tag), and an empty cipher region becomes a NULL
 * cipher; what is left is a UIA2 region of 0 bits, which the datapath
 * keeps on checked jobs (nocheck_alen).
 */
static void
qatsec_snow3g_nocheck_init(struct qatsec_sym_sess *s)
{
	bool c = (s->flags & F_CIPHER) != 0, a = (s->flags & F_AUTH) != 0;

	if ((s->flags & F_AEAD) || (!c && !a) ||
			(c && s->cipher_mode != IMB_CIPHER_SNOW3G_UEA2_BITLEN) ||
			(a && (s->hash_alg != IMB_AUTH_SNOW3G_UIA2_BITLEN ||
			s->tag_len != 4)))
		return;
	if (a)
		s->nocheck_alen = 1;
	else
		s->nocheck = 1;
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
	qatsec_sha(mgr, algo, ipad, blk, keys + KEY_HMAC_IPAD, true);
	qatsec_sha(mgr, algo, opad, blk, keys + KEY_HMAC_OPAD, true);
	qatsec_sha(mgr, algo, ipad, blk, opad + blk, false);
	qatsec_sha(mgr, algo, opad, blk + dsz, keys + KEY_HMAC_EMPTY, false);
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

/* HMAC-SHA: ipsec-mb emits only the full or the IPsec-truncated (half,
 * SHA-1: 12 bytes) digest; other lengths are cut from the full one.
 */
static void
qatsec_auth_hmac_init(IMB_MGR *mgr, struct qatsec_sym_sess *s, uint8_t *keys,
		const struct rte_crypto_auth_xform *x, uint32_t blk,
		uint32_t full)
{
	uint32_t trunc = x->algo == RTE_CRYPTO_AUTH_SHA1_HMAC ? 12 : full / 2;

	s->hash_alg = qatsec_hash_alg[x->algo];
	s->job_union = QATSEC_JOB_U_HMAC;
	if (s->digest_len != trunc)
		s->tag_len = full;
	qatsec_hmac_init(mgr, x->algo, x->key.data, x->key.length, blk, full,
		keys);
}

static void
qatsec_auth_cmac_init(IMB_MGR *mgr, struct qatsec_sym_sess *s, uint8_t *keys,
		const struct rte_crypto_auth_xform *x)
{
	uint8_t dec_keys[240] __rte_aligned(16);

	s->job_union = QATSEC_JOB_U_CMAC;
	qatsec_aes_keyexp(mgr, x->key.data, x->key.length,
		keys + KEY_MAC_RKEYS, dec_keys);
	if (x->key.length == 16) {
		s->hash_alg = IMB_AUTH_AES_CMAC;
		IMB_AES_CMAC_SUBKEY_GEN_128(mgr, keys + KEY_MAC_RKEYS,
			keys + KEY_MAC_SUBKEY1, keys + KEY_MAC_SUBKEY2);
	} else {
		s->hash_alg = IMB_AUTH_AES_CMAC_256;
		IMB_AES_CMAC_SUBKEY_GEN_256(mgr, keys + KEY_MAC_RKEYS,
			keys + KEY_MAC_SUBKEY1, keys + KEY_MAC_SUBKEY2);
	}
	explicit_bzero(dec_keys, sizeof(dec_keys));
}

/* XCBC-MAC is CMAC's CBC-MAC with K2/K3 in place of the subkeys; the CMAC
 * job gives the full 16-byte tag, which ipsec-mb 1.3's XCBC job (12 bytes
 * only) does not.
 */
static void
qatsec_auth_xcbc_init(IMB_MGR *mgr, struct qatsec_sym_sess *s, uint8_t *keys,
		const struct rte_crypto_auth_xform *x)
{
	s->job_union = QATSEC_JOB_U_CMAC;
	s->hash_alg = IMB_AUTH_AES_CMAC;
	IMB_AES_XCBC_KEYEXP(mgr, x->key.data, keys + KEY_MAC_RKEYS,
		keys + KEY_MAC_SUBKEY1, keys + KEY_MAC_SUBKEY2);
}

static void
qatsec_auth_gmac_init(IMB_MGR *mgr, struct qatsec_sym_sess *s, uint8_t *keys,
		const struct rte_crypto_auth_xform *x)
{
	s->kind = QATSEC_KIND_GMAC;
	s->key_len = x->key.length;
	s->iv_off = x->iv.offset;
	s->iv_len = x->iv.length;
	qatsec_gcm_pre(mgr, x->key.data, x->key.length, keys);
}

static int
qatsec_auth_init(IMB_MGR *mgr, struct qatsec_sym_sess *s, uint8_t *keys,
		const struct rte_crypto_auth_xform *x)
{
	const struct rte_cryptodev_symmetric_capability *cap;

	if (x->op != RTE_CRYPTO_AUTH_OP_VERIFY &&
			x->op != RTE_CRYPTO_AUTH_OP_GENERATE)
		return -EINVAL;
	cap = qatsec_cap_find(RTE_CRYPTO_SYM_XFORM_AUTH, x->algo);
	if (cap == NULL)
		return -ENOTSUP;
	/* The NULL hash ignores a key and a digest length (it writes and
	 * checks nothing), as DPDK's PMDs do.
	 */
	if (x->algo == RTE_CRYPTO_AUTH_NULL) {
		s->hash_alg = IMB_AUTH_NULL;
		return 0;
	}
	if (!qatsec_in_range(&cap->auth.key_size, x->key.length) ||
			!qatsec_in_range(&cap->auth.digest_size,
				x->digest_length) ||
			!qatsec_iv_ok(&cap->auth.iv_size, x->iv.length))
		return -ENOTSUP;
	if (x->key.length != 0 && x->key.data == NULL)
		return -EINVAL;
	s->flags |= F_AUTH;
	if (x->op == RTE_CRYPTO_AUTH_OP_VERIFY)
		s->flags |= F_VERIFY;
	s->digest_len = x->digest_length;
	s->tag_len = x->digest_length;
	switch (x->algo) {
	case RTE_CRYPTO_AUTH_SHA1_HMAC:
	case RTE_CRYPTO_AUTH_SHA224_HMAC:
	case RTE_CRYPTO_AUTH_SHA256_HMAC:
	case RTE_CRYPTO_AUTH_SHA384_HMAC:
	case RTE_CRYPTO_AUTH_SHA512_HMAC:
		qatsec_auth_hmac_init(mgr, s, keys, x, cap->auth.block_size,
			cap->auth.digest_size.max);
		break;
	case RTE_CRYPTO_AUTH_SHA1:
	case RTE_CRYPTO_AUTH_SHA224:
	case RTE_CRYPTO_AUTH_SHA256:
	case RTE_CRYPTO_AUTH_SHA384:
	case RTE_CRYPTO_AUTH_SHA512:
		s->hash_alg = qatsec_hash_alg[x->algo];
		s->tag_len = cap->auth.digest_size.max;
		break;
	case RTE_CRYPTO_AUTH_AES_CMAC:
		qatsec_auth_cmac_init(mgr, s, keys, x);
		break;
	case RTE_CRYPTO_AUTH_AES_XCBC_MAC:
		qatsec_auth_xcbc_init(mgr, s, keys, x);
		break;
	case RTE_CRYPTO_AUTH_AES_GMAC:
		qatsec_auth_gmac_init(mgr, s, keys, x);
		break;
	default:
		return qatsec_auth_more(mgr, s, keys, x) == 0 ? 0 : -ENOTSUP;
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
		s->job_union = QATSEC_JOB_U_CCM;
		/* CBC-MAC runs over the plaintext. */
		s->chain_order = enc ? IMB_ORDER_HASH_CIPHER :
			IMB_ORDER_CIPHER_HASH;
		/* cryptodev puts the nonce after a reserved flags byte. */
		s->iv_off++;
		/* An L-byte length field bounds the message. */
		l = 15 - x->iv.length;
		s->max_len = l >= 4 ? UINT32_MAX : (1u << (8 * l)) - 1;
		qatsec_aes_keyexp(mgr, x->key.data, x->key.length,
			keys + KEY_AES_ENC, tmp);
		explicit_bzero(tmp, sizeof(tmp));
		break;
	default: /* RTE_CRYPTO_AEAD_CHACHA20_POLY1305 */
		s->cipher_mode = IMB_CIPHER_CHACHA20_POLY1305;
		s->hash_alg = IMB_AUTH_CHACHA20_POLY1305;
		s->job_union = QATSEC_JOB_U_CHACHA;
		s->chain_order = enc ? IMB_ORDER_CIPHER_HASH :
			IMB_ORDER_HASH_CIPHER;
		/* Fixed key, IV and tag sizes (checked above) and an AAD
		 * pointer the datapath never leaves NULL: nothing for
		 * ipsec-mb to check per job.
		 */
		s->nocheck = 1;
		memcpy(keys + KEY_AES_ENC, x->key.data, 32);
		break;
	}
	return 0;
}

/* A cipher and/or auth xform, in the order given: the order is the order
 * of operations (CIPHER then AUTH hashes the cipher's output).
 */
static int
qatsec_chain_init(IMB_MGR *mgr, struct qatsec_sym_sess *s, uint8_t *keys,
		const struct rte_crypto_sym_xform *xf)
{
	const struct rte_crypto_sym_xform *cx, *ax;
	int ret = 0;

	if (xf->type == RTE_CRYPTO_SYM_XFORM_CIPHER) {
		cx = xf;
		ax = xf->next;
	} else {
		ax = xf;
		cx = xf->next;
		s->chain_order = IMB_ORDER_HASH_CIPHER;
	}
	if (cx != NULL && ax != NULL &&
			ax->auth.algo == RTE_CRYPTO_AUTH_AES_GMAC)
		return -ENOTSUP;
	if (cx != NULL)
		ret = qatsec_cipher_init(mgr, s, keys, &cx->cipher);
	if (ret == 0 && ax != NULL)
		ret = qatsec_auth_init(mgr, s, keys, &ax->auth);
	if (ret != 0)
		return ret;
	if (s->kind == QATSEC_KIND_JOB && s->cipher_mode == IMB_CIPHER_NULL &&
			!(s->flags & F_AUTH))
		s->kind = QATSEC_KIND_NOP;
	if (cx == NULL || ax == NULL || !(s->flags & F_AUTH))
		s->chain_order = IMB_ORDER_CIPHER_HASH;
	/* AES-CBC + HMAC: ops of sessions alike go to ipsec-mb's cipher and
	 * hash burst APIs together.
	 */
	if (s->kind == QATSEC_KIND_JOB && s->cipher_mode == IMB_CIPHER_CBC &&
			s->job_union == QATSEC_JOB_U_HMAC) {
		s->kind = QATSEC_KIND_CBC_HMAC;
		s->cbc_hmac_class = s->cipher_dir | (uint32_t)s->key_len << 8 |
			(uint32_t)s->hash_alg << 16 |
			(uint32_t)s->chain_order << 24;
	}
	/* Out of place, cipher-then-auth must authenticate the output, and
	 * auth-then-cipher must cipher a digest the cipher covers (digest
	 * encrypted, written in dst): the bytes the op touches are copied
	 * to dst and the job runs there in place, so dst gets what an
	 * in-place op would leave (the digest covers src's auth-only bytes
	 * and the ciphertext). A NULL cipher's whole work out of place is
	 * copying its region. (AEAD jobs handle out of place natively.)
	 */
	if ((s->flags & (F_CIPHER | F_AUTH)) == (F_CIPHER | F_AUTH))
		s->flags |= F_OOP_DST;
	else if ((s->flags & F_CIPHER) && s->cipher_mode == IMB_CIPHER_NULL)
		s->flags |= F_OOP_COPY;
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
qatsec_sym_session_configure(void *sess, const void *xform)
{
	const struct rte_crypto_sym_xform *xf = xform, *nx;
	struct qatsec_sym_sess *s = sess;
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
	/* ipsec-mb wants 16-byte aligned keys; the session may sit at any
	 * alignment, so the key area is aligned inside it.
	 */
	keys = RTE_PTR_ALIGN_CEIL(&s->area[0], QATSEC_KEY_ALIGN);
	s->key_off = keys - (uint8_t *)s;
	s->kind = QATSEC_KIND_JOB;
	s->cipher_mode = IMB_CIPHER_NULL;
	s->hash_alg = IMB_AUTH_NULL;
	s->chain_order = IMB_ORDER_CIPHER_HASH;
	s->cipher_dir = IMB_DIR_ENCRYPT;
	s->max_len = UINT32_MAX;
	if (xf->type == RTE_CRYPTO_SYM_XFORM_AEAD)
		ret = qatsec_aead_init(mgr, s, keys, &xf->aead);
	else
		ret = qatsec_chain_init(mgr, s, keys, xf);
	if (ret != 0) {
		explicit_bzero(s, sizeof(*s));
		return ret;
	}
	/* DOCSIS BPI alone: what ipsec-mb checks per job is fixed here (key
	 * and IV sizes, keys, no hash), the region's length by max_len, and
	 * the datapath never gives it a NULL buffer or IV. Its check would
	 * cost a third of a 64-byte op.
	 */
	if (s->cipher_mode == IMB_CIPHER_DOCSIS_SEC_BPI &&
			s->hash_alg == IMB_AUTH_NULL) {
		s->nocheck = 1;
		/* Its ops of whole blocks are AES-CBC ones: they join the
		 * runs of the cipher burst API, in a class of their own.
		 */
		s->cbc_hmac_class = s->cipher_dir | (uint32_t)s->key_len << 8 |
			(uint32_t)IMB_AUTH_NULL << 16 |
			(uint32_t)s->chain_order << 24;
	}
	qatsec_zuc_run_init(s);
	qatsec_snow3g_nocheck_init(s);
	s->arch = mgr->used_arch;
	s->iv_end = RTE_MAX((uint32_t)s->iv_off + s->iv_len,
		(uint32_t)s->auth_iv_off + s->auth_iv_len);
	s->hdr.engine = QATSEC_ENGINE_IPSECMB;
	s->hdr.magic = QATSEC_SESS_MAGIC;
	return 0;
}

void
qatsec_sym_session_clear(void *sess)
{
	if (sess != NULL)
		explicit_bzero(sess, sizeof(struct qatsec_sym_sess));
}
