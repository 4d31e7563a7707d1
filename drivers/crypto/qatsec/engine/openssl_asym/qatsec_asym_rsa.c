/* SPDX-License-Identifier: BSD-3-Clause
 * qatsec engine openssl_asym: RSA encrypt, decrypt, sign and verify with
 * the paddings DPDK 22.11 defines (none, PKCS#1 v1.5, OAEP, PSS), on an
 * EVP_PKEY built per thread from the session's numbers (exponent or CRT
 * key). Numbers in and out are big-endian, k = modulus bytes:
 *  - padding NONE treats message/cipher/sign as numbers (left-padded to k);
 *  - PKCS#1 v1.5 sign/verify with a hash wraps the message (the digest) in
 *    its DigestInfo, without one it pads the message as it is (block 01);
 *  - verify with NONE writes the recovered number to cipher (if given) and
 *    compares it with message (if given).
 * A signature that does not verify is RTE_CRYPTO_OP_STATUS_AUTH_FAILED.
 */
#include <string.h>

#include <openssl/core_names.h>
#include <openssl/param_build.h>
#include <openssl/rsa.h>

#include "qatsec_asym_private.h"

static const char *const rsa_param[QATSEC_ASYM_NUMS] = {
	[N_RSA_N] = OSSL_PKEY_PARAM_RSA_N,
	[N_RSA_E] = OSSL_PKEY_PARAM_RSA_E,
	[N_RSA_D] = OSSL_PKEY_PARAM_RSA_D,
	[N_RSA_P] = OSSL_PKEY_PARAM_RSA_FACTOR1,
	[N_RSA_Q] = OSSL_PKEY_PARAM_RSA_FACTOR2,
	[N_RSA_DP] = OSSL_PKEY_PARAM_RSA_EXPONENT1,
	[N_RSA_DQ] = OSSL_PKEY_PARAM_RSA_EXPONENT2,
	[N_RSA_QINV] = OSSL_PKEY_PARAM_RSA_COEFFICIENT1,
};

static EVP_PKEY *
rsa_key(const struct qatsec_asym_sess *s)
{
	OSSL_PARAM_BLD *bld = OSSL_PARAM_BLD_new();
	BIGNUM *bn[QATSEC_ASYM_NUMS] = { NULL };
	OSSL_PARAM *params = NULL;
	EVP_PKEY_CTX *ctx = NULL;
	EVP_PKEY *pkey = NULL;
	unsigned int i;
	size_t len;
	int sel;

	if (bld == NULL)
		return NULL;
	for (i = 0; i < QATSEC_ASYM_NUMS; i++) {
		if (qatsec_asym_num(s, i, &len) == NULL)
			continue;
		bn[i] = qatsec_asym_num_bn(s, i);
		if (bn[i] == NULL ||
				!OSSL_PARAM_BLD_push_BN(bld, rsa_param[i], bn[i]))
			goto out;
	}
	sel = bn[N_RSA_D] != NULL ? EVP_PKEY_KEYPAIR : EVP_PKEY_PUBLIC_KEY;
	params = OSSL_PARAM_BLD_to_param(bld);
	ctx = EVP_PKEY_CTX_new_from_name(NULL, "RSA", NULL);
	if (params == NULL || ctx == NULL || EVP_PKEY_fromdata_init(ctx) <= 0 ||
			EVP_PKEY_fromdata(ctx, &pkey, sel, params) <= 0)
		pkey = NULL;
out:
	EVP_PKEY_CTX_free(ctx);
	OSSL_PARAM_free(params);
	for (i = 0; i < QATSEC_ASYM_NUMS; i++)
		BN_clear_free(bn[i]);
	OSSL_PARAM_BLD_free(bld);
	return pkey;
}

/* Set the op's padding on ctx (already initialised for the op). */
static int
rsa_padding(struct qatsec_asym_thread *t, EVP_PKEY_CTX *ctx,
	const struct rte_crypto_rsa_op_param *r, bool sig)
{
	const struct rte_crypto_rsa_padding *p = &r->padding;
	const EVP_MD *md = NULL, *mgf = NULL;
	void *label;

	if (p->hash != 0 && p->hash != RTE_CRYPTO_AUTH_NULL) {
		md = qatsec_asym_md(t, p->hash);
		if (md == NULL)
			return RTE_CRYPTO_OP_STATUS_INVALID_ARGS;
	}
	if (p->mgf1hash != 0 && p->mgf1hash != RTE_CRYPTO_AUTH_NULL) {
		mgf = qatsec_asym_md(t, p->mgf1hash);
		if (mgf == NULL)
			return RTE_CRYPTO_OP_STATUS_INVALID_ARGS;
	}
	switch (p->type) {
	case RTE_CRYPTO_RSA_PADDING_NONE:
		return EVP_PKEY_CTX_set_rsa_padding(ctx, RSA_NO_PADDING) > 0 ?
			0 : RTE_CRYPTO_OP_STATUS_ERROR;
	case RTE_CRYPTO_RSA_PADDING_PKCS1_5:
		if (EVP_PKEY_CTX_set_rsa_padding(ctx, RSA_PKCS1_PADDING) <= 0)
			return RTE_CRYPTO_OP_STATUS_ERROR;
		if (sig && md != NULL &&
				EVP_PKEY_CTX_set_signature_md(ctx, md) <= 0)
			return RTE_CRYPTO_OP_STATUS_INVALID_ARGS;
		return 0;
	case RTE_CRYPTO_RSA_PADDING_OAEP:
		if (sig || EVP_PKEY_CTX_set_rsa_padding(ctx,
				RSA_PKCS1_OAEP_PADDING) <= 0)
			return RTE_CRYPTO_OP_STATUS_INVALID_ARGS;
		if (md != NULL && EVP_PKEY_CTX_set_rsa_oaep_md(ctx, md) <= 0)
			return RTE_CRYPTO_OP_STATUS_INVALID_ARGS;
		if (mgf != NULL && EVP_PKEY_CTX_set_rsa_mgf1_md(ctx, mgf) <= 0)
			return RTE_CRYPTO_OP_STATUS_INVALID_ARGS;
		if (p->oaep_label.length == 0)
			return 0;
		if (p->oaep_label.data == NULL ||
				p->oaep_label.length > QATSEC_ASYM_MOD_MAX)
			return RTE_CRYPTO_OP_STATUS_INVALID_ARGS;
		label = OPENSSL_memdup(p->oaep_label.data,
			p->oaep_label.length);
		if (label == NULL || EVP_PKEY_CTX_set0_rsa_oaep_label(ctx,
				label, (int)p->oaep_label.length) <= 0) {
			OPENSSL_free(label);
			return RTE_CRYPTO_OP_STATUS_ERROR;
		}
		return 0;
	case RTE_CRYPTO_RSA_PADDING_PSS:
		if (!sig || md == NULL || EVP_PKEY_CTX_set_rsa_padding(ctx,
				RSA_PKCS1_PSS_PADDING) <= 0 ||
				EVP_PKEY_CTX_set_signature_md(ctx, md) <= 0 ||
				EVP_PKEY_CTX_set_rsa_pss_saltlen(ctx,
					p->pss_saltlen) <= 0)
			return RTE_CRYPTO_OP_STATUS_INVALID_ARGS;
		if (mgf != NULL && EVP_PKEY_CTX_set_rsa_mgf1_md(ctx, mgf) <= 0)
			return RTE_CRYPTO_OP_STATUS_INVALID_ARGS;
		return 0;
	default:
		return RTE_CRYPTO_OP_STATUS_INVALID_ARGS;
	}
}

/* The op's mode: its kind and padding parameters. A context already set
 * up for the same mode is used again as it is (init and padding cost
 * about as much as an RSA public operation); 0: not reusable (a label).
 */
static uint64_t
rsa_mode(const struct rte_crypto_rsa_op_param *r, unsigned int kind)
{
	const struct rte_crypto_rsa_padding *p = &r->padding;

	if (p->type == RTE_CRYPTO_RSA_PADDING_OAEP && p->oaep_label.length)
		return 0;
	return 1 | (uint64_t)kind << 1 | (uint64_t)(p->type & 0xf) << 4 |
		(uint64_t)(p->hash & 0xff) << 8 |
		(uint64_t)(p->mgf1hash & 0xff) << 16 |
		(uint64_t)p->pss_saltlen << 24;
}

enum { K_ENC, K_DEC, K_SIGN, K_VERIFY, K_RECOVER };

static int
rsa_prepare(struct qatsec_asym_thread *t, struct qatsec_asym_cent *c,
	const struct rte_crypto_rsa_op_param *r, unsigned int kind)
{
	uint64_t mode = rsa_mode(r, kind);
	int ret, st;

	if (mode != 0 && c->mode == mode)
		return 0;
	c->mode = 0;
	switch (kind) {
	case K_ENC:
		ret = EVP_PKEY_encrypt_init(c->ctx);
		break;
	case K_DEC:
		ret = EVP_PKEY_decrypt_init(c->ctx);
		break;
	case K_SIGN:
		ret = EVP_PKEY_sign_init(c->ctx);
		break;
	case K_VERIFY:
		ret = EVP_PKEY_verify_init(c->ctx);
		break;
	default:
		ret = EVP_PKEY_verify_recover_init(c->ctx);
		if (ret > 0)
			ret = EVP_PKEY_CTX_set_rsa_padding(c->ctx,
				RSA_NO_PADDING);
		if (ret > 0)
			c->mode = mode;
		return ret > 0 ? 0 : RTE_CRYPTO_OP_STATUS_ERROR;
	}
	if (ret <= 0)
		return RTE_CRYPTO_OP_STATUS_ERROR;
	st = rsa_padding(t, c->ctx, r, kind == K_SIGN || kind == K_VERIFY);
	if (st == 0)
		c->mode = mode;
	return st;
}

/* p as a k-byte number in buf; false when it does not fit. */
static bool
as_number(const rte_crypto_param *p, size_t k, uint8_t *buf)
{
	const uint8_t *d;
	size_t len;

	if (!qatsec_asym_in(p, k, &d, &len))
		return false;
	memset(buf, 0, k - len);
	if (len > 0)
		memcpy(buf + k - len, d, len);
	return true;
}

/* The op's input for a padded (byte-string) or unpadded (number) op. */
static bool
rsa_input(const struct rte_crypto_rsa_op_param *r, const rte_crypto_param *p,
	size_t k, uint8_t *buf, const uint8_t **in, size_t *inlen)
{
	if (r->padding.type == RTE_CRYPTO_RSA_PADDING_NONE) {
		*in = buf;
		*inlen = k;
		return as_number(p, k, buf);
	}
	if (p->length > k || (p->length > 0 && p->data == NULL))
		return false;
	*in = p->data;
	*inlen = p->length;
	return true;
}

static int
rsa_encrypt(struct qatsec_asym_thread *t, struct qatsec_asym_cent *c,
	struct rte_crypto_rsa_op_param *r, size_t k)
{
	uint8_t buf[QATSEC_ASYM_MOD_MAX];
	const uint8_t *in;
	size_t inlen, outlen = k;
	int st;

	if (!rsa_input(r, &r->message, k, buf, &in, &inlen) ||
			!qatsec_asym_out_room(&r->cipher, k))
		return RTE_CRYPTO_OP_STATUS_INVALID_ARGS;
	st = rsa_prepare(t, c, r, K_ENC);
	if (st != 0)
		return st;
	if (EVP_PKEY_encrypt(c->ctx, r->cipher.data, &outlen, in, inlen) <= 0)
		return RTE_CRYPTO_OP_STATUS_ERROR;
	r->cipher.length = outlen;
	return RTE_CRYPTO_OP_STATUS_SUCCESS;
}

static int
rsa_decrypt(struct qatsec_asym_thread *t, struct qatsec_asym_cent *c,
	struct rte_crypto_rsa_op_param *r, size_t k)
{
	uint8_t in[QATSEC_ASYM_MOD_MAX], out[QATSEC_ASYM_MOD_MAX];
	size_t outlen = k;
	int st;

	if (!as_number(&r->cipher, k, in))
		return RTE_CRYPTO_OP_STATUS_INVALID_ARGS;
	st = rsa_prepare(t, c, r, K_DEC);
	if (st != 0)
		return st;
	/* OpenSSL wants k bytes of room whatever the plaintext's length. */
	st = RTE_CRYPTO_OP_STATUS_ERROR;
	if (EVP_PKEY_decrypt(c->ctx, out, &outlen, in, k) > 0) {
		st = RTE_CRYPTO_OP_STATUS_INVALID_ARGS;
		if (qatsec_asym_out_room(&r->message, outlen)) {
			memcpy(r->message.data, out, outlen);
			r->message.length = outlen;
			st = RTE_CRYPTO_OP_STATUS_SUCCESS;
		}
	}
	OPENSSL_cleanse(out, sizeof(out));
	return st;
}

static int
rsa_sign(struct qatsec_asym_thread *t, struct qatsec_asym_cent *c,
	struct rte_crypto_rsa_op_param *r, size_t k)
{
	uint8_t buf[QATSEC_ASYM_MOD_MAX];
	const uint8_t *in;
	size_t inlen, outlen = k;
	int st;

	if (!rsa_input(r, &r->message, k, buf, &in, &inlen) ||
			!qatsec_asym_out_room(&r->sign, k))
		return RTE_CRYPTO_OP_STATUS_INVALID_ARGS;
	st = rsa_prepare(t, c, r, K_SIGN);
	if (st != 0)
		return st;
	if (EVP_PKEY_sign(c->ctx, r->sign.data, &outlen, in, inlen) <= 0)
		return RTE_CRYPTO_OP_STATUS_ERROR;
	r->sign.length = outlen;
	return RTE_CRYPTO_OP_STATUS_SUCCESS;
}

/* Verify without padding: the public operation, then the comparisons. */
static int
rsa_verify_raw(struct qatsec_asym_thread *t, struct qatsec_asym_cent *c,
	struct rte_crypto_rsa_op_param *r,
	size_t k, const uint8_t *sig)
{
	uint8_t out[QATSEC_ASYM_MOD_MAX], msg[QATSEC_ASYM_MOD_MAX];
	size_t outlen = k;
	bool cmp = r->message.length > 0;

	if ((r->cipher.data == NULL && !cmp) ||
			(r->cipher.data != NULL &&
			 !qatsec_asym_out_room(&r->cipher, k)) ||
			(cmp && !as_number(&r->message, k, msg)))
		return RTE_CRYPTO_OP_STATUS_INVALID_ARGS;
	if (rsa_prepare(t, c, r, K_RECOVER) != 0 ||
			EVP_PKEY_verify_recover(c->ctx, out, &outlen, sig,
				k) <= 0 || outlen != k)
		return RTE_CRYPTO_OP_STATUS_ERROR;
	if (r->cipher.data != NULL) {
		memcpy(r->cipher.data, out, k);
		r->cipher.length = k;
	}
	if (cmp && CRYPTO_memcmp(out, msg, k) != 0)
		return RTE_CRYPTO_OP_STATUS_AUTH_FAILED;
	return RTE_CRYPTO_OP_STATUS_SUCCESS;
}

static int
rsa_verify(struct qatsec_asym_thread *t, struct qatsec_asym_cent *c,
	struct rte_crypto_rsa_op_param *r, size_t k)
{
	uint8_t sig[QATSEC_ASYM_MOD_MAX];
	int st;

	if (!as_number(&r->sign, k, sig))
		return RTE_CRYPTO_OP_STATUS_INVALID_ARGS;
	if (r->padding.type == RTE_CRYPTO_RSA_PADDING_NONE)
		return rsa_verify_raw(t, c, r, k, sig);
	if (r->message.length > k ||
			(r->message.length > 0 && r->message.data == NULL))
		return RTE_CRYPTO_OP_STATUS_INVALID_ARGS;
	st = rsa_prepare(t, c, r, K_VERIFY);
	if (st != 0)
		return st;
	st = EVP_PKEY_verify(c->ctx, sig, k, r->message.data, r->message.length);
	return st == 1 ? RTE_CRYPTO_OP_STATUS_SUCCESS :
		st == 0 ? RTE_CRYPTO_OP_STATUS_AUTH_FAILED :
		RTE_CRYPTO_OP_STATUS_ERROR;
}

void
qatsec_asym_rsa(struct qatsec_asym_thread *t, const struct qatsec_asym_sess *s,
	struct qatsec_asym_cent *c, struct rte_crypto_op *op)
{
	struct rte_crypto_rsa_op_param *r = &op->asym->rsa;
	size_t k, dlen;
	bool priv;

	if (qatsec_asym_num(s, N_RSA_N, &k) == NULL ||
			k > QATSEC_ASYM_MOD_MAX) {
		op->status = RTE_CRYPTO_OP_STATUS_INVALID_SESSION;
		return;
	}
	priv = r->op_type == RTE_CRYPTO_ASYM_OP_DECRYPT ||
		r->op_type == RTE_CRYPTO_ASYM_OP_SIGN;
	if (priv && qatsec_asym_num(s, N_RSA_D, &dlen) == NULL) {
		/* A public-key-only session. */
		op->status = RTE_CRYPTO_OP_STATUS_INVALID_ARGS;
		return;
	}
	if (c->pkey == NULL) {
		c->pkey = rsa_key(s);
		if (c->pkey != NULL)
			c->ctx = EVP_PKEY_CTX_new_from_pkey(NULL, c->pkey, NULL);
		if (c->ctx == NULL) {
			qatsec_asym_cent_release_objs(c);
			op->status = RTE_CRYPTO_OP_STATUS_ERROR;
			return;
		}
	}
	switch (r->op_type) {
	case RTE_CRYPTO_ASYM_OP_ENCRYPT:
		op->status = rsa_encrypt(t, c, r, k);
		break;
	case RTE_CRYPTO_ASYM_OP_DECRYPT:
		op->status = rsa_decrypt(t, c, r, k);
		break;
	case RTE_CRYPTO_ASYM_OP_SIGN:
		op->status = rsa_sign(t, c, r, k);
		break;
	case RTE_CRYPTO_ASYM_OP_VERIFY:
		op->status = rsa_verify(t, c, r, k);
		break;
	default:
		op->status = RTE_CRYPTO_OP_STATUS_INVALID_ARGS;
		break;
	}
}
