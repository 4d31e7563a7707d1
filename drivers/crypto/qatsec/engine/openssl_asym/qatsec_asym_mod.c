/* SPDX-License-Identifier: BSD-3-Clause
 * qatsec engine openssl_asym: modular exponentiation and inverse, and
 * Diffie-Hellman (private key generation, public key generation, shared
 * secret). The modulus, exponent and Montgomery context are cached per
 * thread; exponentiations with an exponent longer than 32 bits (possibly
 * secret) are constant-time.
 * Outputs: modexp/modinv results without leading zeros (as DPDK's
 * crypto_openssl gives them); DH public keys and shared secrets padded to
 * the length of p unless the op's RTE_CRYPTO_ASYM_FLAG_*_NO_PADDING says
 * otherwise; generated private keys without leading zeros.
 */
#include <string.h>

#include <openssl/core_names.h>
#include <openssl/dh.h>

#include "qatsec_asym_private.h"

EVP_PKEY *
qatsec_asym_pkey(const char *type, int sel, OSSL_PARAM_BLD *bld)
{
	OSSL_PARAM *params = OSSL_PARAM_BLD_to_param(bld);
	EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new_from_name(NULL, type, NULL);
	EVP_PKEY *pkey = NULL;

	if (params == NULL || ctx == NULL || EVP_PKEY_fromdata_init(ctx) <= 0 ||
			EVP_PKEY_fromdata(ctx, &pkey, sel, params) <= 0)
		pkey = NULL;
	EVP_PKEY_CTX_free(ctx);
	OSSL_PARAM_free(params);
	OSSL_PARAM_BLD_free(bld);
	return pkey;
}

/* Modulus (and exponent) of the session, in the cache entry. */
static bool
mod_ready(struct qatsec_asym_thread *t, const struct qatsec_asym_sess *s,
	struct qatsec_asym_cent *c, unsigned int nm, int ne)
{
	if (c->m != NULL)
		return true;
	c->m = qatsec_asym_num_bn(s, nm);
	if (ne >= 0)
		c->e = qatsec_asym_num_bn(s, (unsigned int)ne);
	if (c->m == NULL || BN_is_zero(c->m) || (ne >= 0 && c->e == NULL))
		goto fail;
	/* OpenSSL has constant-time exponentiation for odd moduli only
	 * (BN_mod_exp refuses a constant-time exponent with an even one).
	 * An exponent of 32 bits or less is a public one (RSA's e, which
	 * OpenSSL's own public operations raise with plain Montgomery);
	 * longer ones may be secret.
	 */
	if (c->e != NULL && BN_is_odd(c->m) && BN_num_bits(c->e) > 32)
		BN_set_flags(c->e, BN_FLG_CONSTTIME);
	if (BN_is_odd(c->m) && !BN_is_one(c->m)) {
		c->mont = BN_MONT_CTX_new();
		if (c->mont == NULL || !BN_MONT_CTX_set(c->mont, c->m,
				qatsec_asym_bn_ctx(t)))
			goto fail;
	}
	return true;
fail:
	qatsec_asym_cent_release_objs(c);
	return false;
}

/* r = b^e mod m, constant-time when e says so (and m is odd). */
static bool
mod_exp(struct qatsec_asym_thread *t, struct qatsec_asym_cent *c, BIGNUM *r,
	const BIGNUM *b, const BIGNUM *e)
{
	BN_CTX *bn = qatsec_asym_bn_ctx(t);

	if (BN_is_one(c->m)) {
		BN_zero(r);
		return true;
	}
	if (c->mont != NULL && !BN_get_flags(e, BN_FLG_CONSTTIME))
		return BN_mod_exp_mont(r, b, e, c->m, bn, c->mont);
	if (c->mont != NULL)
		return BN_mod_exp_mont_consttime(r, b, e, c->m, bn, c->mont);
	return BN_mod_exp(r, b, e, c->m, bn);
}

void
qatsec_asym_mod(struct qatsec_asym_thread *t, const struct qatsec_asym_sess *s,
	struct qatsec_asym_cent *c, struct rte_crypto_op *op)
{
	bool ex = s->xform_type == RTE_CRYPTO_ASYM_XFORM_MODEX;
	struct rte_crypto_mod_op_param *p = ex ? &op->asym->modex :
		&op->asym->modinv;
	BIGNUM *b = NULL, *r = NULL;
	bool done;

	if (!mod_ready(t, s, c, N_MOD_M, ex ? N_MOD_E : -1)) {
		op->status = RTE_CRYPTO_OP_STATUS_INVALID_SESSION;
		return;
	}
	b = qatsec_asym_in_bn(&p->base, QATSEC_ASYM_MOD_MAX);
	r = BN_new();
	if (b == NULL || r == NULL) {
		op->status = b == NULL ? RTE_CRYPTO_OP_STATUS_INVALID_ARGS :
			RTE_CRYPTO_OP_STATUS_ERROR;
		goto out;
	}
	if (ex)
		done = mod_exp(t, c, r, b, c->e);
	else
		done = BN_mod_inverse(r, b, c->m, qatsec_asym_bn_ctx(t)) != NULL;
	if (!done)	/* no inverse (or a BN failure) */
		op->status = RTE_CRYPTO_OP_STATUS_ERROR;
	else if (!qatsec_asym_out_bn(&p->result, r, 0))
		op->status = RTE_CRYPTO_OP_STATUS_INVALID_ARGS;
	else
		op->status = RTE_CRYPTO_OP_STATUS_SUCCESS;
out:
	BN_clear_free(r);
	BN_clear_free(b);
}

/* A DH key from the session's domain and the given numbers. */
static EVP_PKEY *
dh_key(const struct qatsec_asym_cent *c, const BIGNUM *priv,
	const BIGNUM *pub)
{
	OSSL_PARAM_BLD *bld = OSSL_PARAM_BLD_new();
	int sel = EVP_PKEY_KEY_PARAMETERS;

	if (bld == NULL ||
			!OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_FFC_P, c->m) ||
			!OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_FFC_G, c->e) ||
			(priv != NULL && !OSSL_PARAM_BLD_push_BN(bld,
				OSSL_PKEY_PARAM_PRIV_KEY, priv)) ||
			(pub != NULL && !OSSL_PARAM_BLD_push_BN(bld,
				OSSL_PKEY_PARAM_PUB_KEY, pub))) {
		OSSL_PARAM_BLD_free(bld);
		return NULL;
	}
	if (priv != NULL)
		sel = EVP_PKEY_KEYPAIR;
	else if (pub != NULL)
		sel = EVP_PKEY_PUBLIC_KEY;
	return qatsec_asym_pkey("DH", sel, bld);
}

/* A fresh key pair of the session's domain (EVP key generation). */
static int
dh_keygen(struct qatsec_asym_cent *c, BIGNUM **priv, BIGNUM **pub)
{
	EVP_PKEY *kp = NULL;

	if (c->pkey == NULL) {
		c->pkey = dh_key(c, NULL, NULL);
		if (c->pkey != NULL)
			c->ctx = EVP_PKEY_CTX_new_from_pkey(NULL, c->pkey, NULL);
		if (c->ctx == NULL)
			return RTE_CRYPTO_OP_STATUS_ERROR;
	}
	if (EVP_PKEY_keygen_init(c->ctx) <= 0 ||
			EVP_PKEY_keygen(c->ctx, &kp) <= 0)
		return RTE_CRYPTO_OP_STATUS_ERROR;
	if (!EVP_PKEY_get_bn_param(kp, OSSL_PKEY_PARAM_PRIV_KEY, priv) ||
			!EVP_PKEY_get_bn_param(kp, OSSL_PKEY_PARAM_PUB_KEY, pub)) {
		EVP_PKEY_free(kp);
		return RTE_CRYPTO_OP_STATUS_ERROR;
	}
	EVP_PKEY_free(kp);
	return RTE_CRYPTO_OP_STATUS_SUCCESS;
}

/* The op's private key: 0 < x < p. */
static BIGNUM *
dh_priv_in(const struct qatsec_asym_cent *c, const rte_crypto_param *in)
{
	BIGNUM *x = qatsec_asym_in_bn(in, QATSEC_ASYM_MOD_MAX);

	if (x != NULL && (BN_is_zero(x) || BN_cmp(x, c->m) >= 0)) {
		BN_clear_free(x);
		return NULL;
	}
	if (x != NULL)
		BN_set_flags(x, BN_FLG_CONSTTIME);
	return x;
}

static int
dh_pub_gen(struct qatsec_asym_thread *t, struct qatsec_asym_cent *c,
	struct rte_crypto_dh_op_param *d, uint16_t flags)
{
	size_t plen = (size_t)BN_num_bytes(c->m);
	BIGNUM *x = NULL, *y = NULL;
	int st = RTE_CRYPTO_OP_STATUS_INVALID_ARGS;

	if (d->priv_key.length == 0) {
		/* No private key given: make one, and return it too. */
		st = dh_keygen(c, &x, &y);
		if (st == RTE_CRYPTO_OP_STATUS_SUCCESS && d->priv_key.data &&
				!qatsec_asym_out_bn(&d->priv_key, x, 0))
			st = RTE_CRYPTO_OP_STATUS_INVALID_ARGS;
	} else {
		x = dh_priv_in(c, &d->priv_key);
		y = BN_new();
		if (x != NULL && y != NULL)
			st = mod_exp(t, c, y, c->e, x) ?
				RTE_CRYPTO_OP_STATUS_SUCCESS :
				RTE_CRYPTO_OP_STATUS_ERROR;
	}
	if (st == RTE_CRYPTO_OP_STATUS_SUCCESS && !qatsec_asym_out_bn(
			&d->pub_key, y, (flags &
			RTE_CRYPTO_ASYM_FLAG_PUB_KEY_NO_PADDING) ? 0 : plen))
		st = RTE_CRYPTO_OP_STATUS_INVALID_ARGS;
	BN_clear_free(x);
	BN_free(y);
	return st;
}

static int
dh_shared(struct qatsec_asym_cent *c, struct rte_crypto_dh_op_param *d,
	uint16_t flags)
{
	size_t plen = (size_t)BN_num_bytes(c->m), n = plen, z = 0;
	uint8_t out[QATSEC_ASYM_MOD_MAX];
	EVP_PKEY *own = NULL, *peer = NULL;
	EVP_PKEY_CTX *ctx = NULL;
	BIGNUM *x, *y;
	int st = RTE_CRYPTO_OP_STATUS_INVALID_ARGS;

	x = dh_priv_in(c, &d->priv_key);
	y = qatsec_asym_in_bn(&d->pub_key, plen);
	if (x == NULL || y == NULL)
		goto out;
	st = RTE_CRYPTO_OP_STATUS_ERROR;
	own = dh_key(c, x, NULL);
	peer = dh_key(c, NULL, y);
	if (own == NULL || peer == NULL)
		goto out;
	ctx = EVP_PKEY_CTX_new_from_pkey(NULL, own, NULL);
	/* OpenSSL checks the peer's key (1 < y < p - 1) before using it. */
	if (ctx == NULL || EVP_PKEY_derive_init(ctx) <= 0 ||
			EVP_PKEY_CTX_set_dh_pad(ctx, 1) <= 0 ||
			EVP_PKEY_derive_set_peer(ctx, peer) <= 0 ||
			EVP_PKEY_derive(ctx, out, &n) <= 0 || n != plen)
		goto out;
	if (flags & RTE_CRYPTO_ASYM_FLAG_SHARED_KEY_NO_PADDING)
		while (z + 1 < n && out[z] == 0)
			z++;
	st = RTE_CRYPTO_OP_STATUS_INVALID_ARGS;
	if (qatsec_asym_out_room(&d->shared_secret, n - z)) {
		memcpy(d->shared_secret.data, out + z, n - z);
		d->shared_secret.length = n - z;
		st = RTE_CRYPTO_OP_STATUS_SUCCESS;
	}
out:
	OPENSSL_cleanse(out, sizeof(out));
	EVP_PKEY_CTX_free(ctx);
	EVP_PKEY_free(own);
	EVP_PKEY_free(peer);
	BN_clear_free(x);
	BN_free(y);
	return st;
}

void
qatsec_asym_dh(struct qatsec_asym_thread *t, const struct qatsec_asym_sess *s,
	struct qatsec_asym_cent *c, struct rte_crypto_op *op)
{
	struct rte_crypto_dh_op_param *d = &op->asym->dh;
	BIGNUM *x = NULL, *y = NULL;

	/* m = p, e = g (not secret here, but held as the modexp's are). */
	if (!mod_ready(t, s, c, N_DH_P, N_DH_G) || c->mont == NULL) {
		op->status = RTE_CRYPTO_OP_STATUS_INVALID_SESSION;
		return;
	}
	switch (d->ke_type) {
	case RTE_CRYPTO_ASYM_KE_PRIV_KEY_GENERATE:
		op->status = dh_keygen(c, &x, &y);
		if (op->status == RTE_CRYPTO_OP_STATUS_SUCCESS &&
				!qatsec_asym_out_bn(&d->priv_key, x, 0))
			op->status = RTE_CRYPTO_OP_STATUS_INVALID_ARGS;
		BN_clear_free(x);
		BN_free(y);
		break;
	case RTE_CRYPTO_ASYM_KE_PUB_KEY_GENERATE:
		op->status = dh_pub_gen(t, c, d, op->asym->flags);
		break;
	case RTE_CRYPTO_ASYM_KE_SHARED_SECRET_COMPUTE:
		op->status = dh_shared(c, d, op->asym->flags);
		break;
	default:
		op->status = RTE_CRYPTO_OP_STATUS_INVALID_ARGS;
		break;
	}
}
