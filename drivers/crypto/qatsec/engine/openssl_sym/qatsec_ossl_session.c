/* SPDX-License-Identifier: BSD-3-Clause
 * qatsec engine openssl_sym: sessions. An xform chain (one cipher, one
 * hash/HMAC, both in either order, or one AEAD) is checked against the
 * engine's capability table and turned into a session holding its keys by
 * value; anything the table does not list is -ENOTSUP, so the next engine
 * may take it.
 */
#include <errno.h>
#include <string.h>

#include <rte_cryptodev.h>
#include <rte_random.h>

#include "qatsec_caps.h"
#include "qatsec_ossl.h"

unsigned int
qatsec_ossl_session_size(void)
{
	return sizeof(struct qatsec_ossl_sess);
}

static const struct rte_cryptodev_symmetric_capability *
qatsec_ossl_cap(enum rte_crypto_sym_xform_type type, int algo)
{
	return qatsec_sym_cap_find(qatsec_ossl_capabilities, type, algo);
}

static int
qatsec_ossl_iv(struct qatsec_ossl_sess *s, uint16_t off, uint16_t len)
{
	/* The IV is read from the op, after its sym part. */
	if (len != 0 && off < sizeof(struct rte_crypto_op) +
			sizeof(struct rte_crypto_sym_op))
		return -EINVAL;
	s->iv_off = off;
	s->iv_len = len;
	s->iv_end = (uint32_t)off + len;
	return 0;
}

static int
qatsec_ossl_cipher_cfg(struct qatsec_ossl_sess *s,
		const struct rte_crypto_cipher_xform *x)
{
	const struct rte_cryptodev_symmetric_capability *cap;

	cap = qatsec_ossl_cap(RTE_CRYPTO_SYM_XFORM_CIPHER, x->algo);
	if (cap == NULL || rte_cryptodev_sym_capability_check_cipher(cap,
			x->key.length, x->iv.length) != 0)
		return -ENOTSUP;
	/* XTS data units: 0 is the whole region; else one of the sizes the
	 * capability's dataunit_set names.
	 */
	if (x->dataunit_len != 0 && (x->algo != RTE_CRYPTO_CIPHER_AES_XTS ||
			(x->dataunit_len != 512 && x->dataunit_len != 4096 &&
			x->dataunit_len != 1024 * 1024)))
		return -ENOTSUP;
	s->dataunit_len = x->dataunit_len;
	if (x->key.data == NULL)
		return -EINVAL;
	switch (x->algo) {
	case RTE_CRYPTO_CIPHER_AES_XTS:
		/* Equal halves make XTS insecure; OpenSSL refuses them. */
		if (memcmp(x->key.data, x->key.data + x->key.length / 2,
				x->key.length / 2) == 0)
			return -EINVAL;
		s->cipher = x->key.length == 32 ? QOC_XTS128 : QOC_XTS256;
		s->min_len = 16;
		break;
	case RTE_CRYPTO_CIPHER_SM4_ECB:
		s->cipher = QOC_SM4_ECB;
		s->flags |= QOF_BLOCKS;
		break;
	case RTE_CRYPTO_CIPHER_SM4_CBC:
		s->cipher = QOC_SM4_CBC;
		s->flags |= QOF_BLOCKS;
		break;
	case RTE_CRYPTO_CIPHER_SM4_CTR:
		s->cipher = QOC_SM4_CTR;
		break;
	case RTE_CRYPTO_CIPHER_3DES_CTR:
		s->cipher = QOC_3DES_CTR;
		break;
	default:
		return -ENOTSUP;
	}
	if (qatsec_ossl_cipher(s->cipher) == NULL)
		return -ENOTSUP;
	if (x->op == RTE_CRYPTO_CIPHER_OP_ENCRYPT)
		s->flags |= QOF_ENC;
	else if (x->op != RTE_CRYPTO_CIPHER_OP_DECRYPT)
		return -EINVAL;
	memcpy(s->ckey, x->key.data, x->key.length);
	s->key_len = x->key.length;
	/* 2-key 3DES is K1 K2 K1 of the three-key cipher. */
	if (s->cipher == QOC_3DES_CTR && x->key.length == 16) {
		memcpy(s->ckey + 16, x->key.data, 8);
		s->key_len = 24;
	}
	s->flags |= QOF_CIPHER;
	return qatsec_ossl_iv(s, x->iv.offset, x->iv.length);
}

/* SHA-1, SHA-2 and HMAC-MD5 (for chains with this engine's ciphers). */
static int
qatsec_ossl_sha2_cfg(struct qatsec_ossl_sess *s, enum rte_crypto_auth_algorithm a)
{
	static const struct { uint8_t algo, hmac, md; } map[] = {
		{ RTE_CRYPTO_AUTH_MD5_HMAC, 1, QOH_MD5 },
		{ RTE_CRYPTO_AUTH_SHA1, 0, QOH_SHA1 },
		{ RTE_CRYPTO_AUTH_SHA1_HMAC, 1, QOH_SHA1 },
		{ RTE_CRYPTO_AUTH_SHA224, 0, QOH_SHA224 },
		{ RTE_CRYPTO_AUTH_SHA224_HMAC, 1, QOH_SHA224 },
		{ RTE_CRYPTO_AUTH_SHA256, 0, QOH_SHA256 },
		{ RTE_CRYPTO_AUTH_SHA256_HMAC, 1, QOH_SHA256 },
		{ RTE_CRYPTO_AUTH_SHA384, 0, QOH_SHA384 },
		{ RTE_CRYPTO_AUTH_SHA384_HMAC, 1, QOH_SHA384 },
		{ RTE_CRYPTO_AUTH_SHA512, 0, QOH_SHA512 },
		{ RTE_CRYPTO_AUTH_SHA512_HMAC, 1, QOH_SHA512 },
	};
	unsigned int i;

	for (i = 0; i < RTE_DIM(map); i++) {
		if (map[i].algo != a)
			continue;
		s->md = map[i].md;
		if (map[i].hmac)
			s->flags |= QOF_HMAC;
		return 0;
	}
	return -ENOTSUP;
}

static int
qatsec_ossl_auth_cfg(struct qatsec_ossl_sess *s,
		const struct rte_crypto_auth_xform *x)
{
	const struct rte_cryptodev_symmetric_capability *cap;
	const EVP_MD *md;
	unsigned int n;

	cap = qatsec_ossl_cap(RTE_CRYPTO_SYM_XFORM_AUTH, x->algo);
	/* An IV on a hash that takes none is ignored, as other PMDs do
	 * (l2fwd-crypto leaves it uninitialised).
	 */
	if (cap == NULL || rte_cryptodev_sym_capability_check_auth(cap,
			x->key.length, x->digest_length, 0) != 0)
		return -ENOTSUP;
	switch (x->algo) {
	case RTE_CRYPTO_AUTH_SHA3_224_HMAC:
		s->flags |= QOF_HMAC;
		/* fall through */
	case RTE_CRYPTO_AUTH_SHA3_224:
		s->md = QOH_SHA3_224;
		break;
	case RTE_CRYPTO_AUTH_SHA3_256_HMAC:
		s->flags |= QOF_HMAC;
		/* fall through */
	case RTE_CRYPTO_AUTH_SHA3_256:
		s->md = QOH_SHA3_256;
		break;
	case RTE_CRYPTO_AUTH_SHA3_384_HMAC:
		s->flags |= QOF_HMAC;
		/* fall through */
	case RTE_CRYPTO_AUTH_SHA3_384:
		s->md = QOH_SHA3_384;
		break;
	case RTE_CRYPTO_AUTH_SHA3_512_HMAC:
		s->flags |= QOF_HMAC;
		/* fall through */
	case RTE_CRYPTO_AUTH_SHA3_512:
		s->md = QOH_SHA3_512;
		break;
	case RTE_CRYPTO_AUTH_SM3:
		s->md = QOH_SM3;
		break;
	default:
		if (qatsec_ossl_sha2_cfg(s, x->algo) != 0)
			return -ENOTSUP;
	}
	md = qatsec_ossl_md(s->md);
	if (md == NULL || ((s->flags & QOF_HMAC) && qatsec_ossl_hmac() == NULL))
		return -ENOTSUP;
	if (x->op == RTE_CRYPTO_AUTH_OP_VERIFY)
		s->flags |= QOF_VERIFY;
	else if (x->op != RTE_CRYPTO_AUTH_OP_GENERATE)
		return -EINVAL;
	if (s->flags & QOF_HMAC) {
		if (x->key.data == NULL)
			return -EINVAL;
		if (x->key.length > (unsigned int)EVP_MD_get_block_size(md)) {
			/* RFC 2104: a long key is replaced by its hash. */
			if (!EVP_Digest(x->key.data, x->key.length, s->akey,
					&n, md, NULL))
				return -ENOMEM;
			s->akey_len = n;
		} else {
			memcpy(s->akey, x->key.data, x->key.length);
			s->akey_len = x->key.length;
		}
	}
	s->digest_len = x->digest_length;
	s->flags |= QOF_AUTH;
	return 0;
}

static int
qatsec_ossl_aead_cfg(struct qatsec_ossl_sess *s,
		const struct rte_crypto_aead_xform *x)
{
	const struct rte_cryptodev_symmetric_capability *cap;

	cap = qatsec_ossl_cap(RTE_CRYPTO_SYM_XFORM_AEAD, x->algo);
	if (cap == NULL || rte_cryptodev_sym_capability_check_aead(cap,
			x->key.length, x->digest_length, x->aad_length,
			x->iv.length) != 0)
		return -ENOTSUP;
	if (x->key.data == NULL)
		return -EINVAL;
	s->cipher = x->key.length == 16 ? QOC_CCM128 :
		x->key.length == 24 ? QOC_CCM192 : QOC_CCM256;
	if (qatsec_ossl_cipher(s->cipher) == NULL)
		return -ENOTSUP;
	if (x->op == RTE_CRYPTO_AEAD_OP_ENCRYPT)
		s->flags |= QOF_ENC;
	else if (x->op == RTE_CRYPTO_AEAD_OP_DECRYPT)
		s->flags |= QOF_VERIFY;
	else
		return -EINVAL;
	memcpy(s->ckey, x->key.data, x->key.length);
	s->key_len = x->key.length;
	s->digest_len = x->digest_length;
	s->aad_len = x->aad_length;
	s->flags |= QOF_AEAD;
	/* DPDK puts the CCM nonce at byte 1 of the IV field. */
	return qatsec_ossl_iv(s, x->iv.offset + 1, x->iv.length);
}

static int
qatsec_ossl_parse(struct qatsec_ossl_sess *s, const struct rte_crypto_sym_xform *x)
{
	unsigned int n = 0;
	int ret = 0;

	for (; x != NULL && ret == 0; x = x->next) {
		if (++n > 2)
			return -ENOTSUP;
		switch (x->type) {
		case RTE_CRYPTO_SYM_XFORM_CIPHER:
			if (s->flags & (QOF_CIPHER | QOF_AEAD))
				return -ENOTSUP;
			if (n == 1)
				s->flags |= QOF_CIPHER_1ST;
			ret = qatsec_ossl_cipher_cfg(s, &x->cipher);
			break;
		case RTE_CRYPTO_SYM_XFORM_AUTH:
			if (s->flags & (QOF_AUTH | QOF_AEAD))
				return -ENOTSUP;
			ret = qatsec_ossl_auth_cfg(s, &x->auth);
			break;
		case RTE_CRYPTO_SYM_XFORM_AEAD:
			if (n != 1 || x->next != NULL)
				return -ENOTSUP;
			ret = qatsec_ossl_aead_cfg(s, &x->aead);
			break;
		default:
			return -ENOTSUP;
		}
	}
	/* SHA-1, SHA-2 and HMAC-MD5 alone are the ipsec-mb engine's. */
	if (ret == 0 && s->md >= QOH_MD5 && !(s->flags & QOF_CIPHER))
		return -ENOTSUP;
	return ret;
}

int
qatsec_ossl_session_configure(void *priv, const void *xform)
{
	struct qatsec_ossl_sess *s = priv;
	int ret;

	if (s == NULL || xform == NULL)
		return -EINVAL;
	memset(s, 0, sizeof(*s));
	ret = qatsec_ossl_parse(s, xform);
	if (ret != 0) {
		/* Keys may have been copied already. */
		qatsec_ossl_session_clear(s);
		return ret;
	}
	s->stamp = rte_rand() | 1;
	s->hdr.magic = QATSEC_OSSL_MAGIC;
	s->hdr.engine = QATSEC_ENGINE_OPENSSL_SYM;
	return 0;
}

void
qatsec_ossl_session_clear(void *priv)
{
	if (priv != NULL)
		explicit_bzero(priv, sizeof(struct qatsec_ossl_sess));
}
