/* SPDX-License-Identifier: BSD-3-Clause
 * qatsec engine openssl_asym: DSA sign and verify. The message is the
 * digest (truncated to the bits of q, FIPS 186-4 4.6). Signing with a
 * random per-message secret goes through EVP_PKEY_sign on the session's
 * key (cached per thread); an op that brings its own k (known-answer
 * tests) is computed from the FIPS 186-4 formulas with BIGNUMs, since
 * OpenSSL 3.0 offers no way to pass k. Verify builds the public key of the
 * op's y. r and s are written padded to the length of q.
 */
#include <string.h>

#include <openssl/core_names.h>
#include <openssl/dsa.h>

#include "qatsec_asym_private.h"

#define DSA_MSG_MAX	QATSEC_ASYM_MOD_MAX

struct dsa_dom {
	BIGNUM *p, *q, *g;
};

static void
dom_free(struct dsa_dom *d)
{
	BN_free(d->p);
	BN_free(d->q);
	BN_free(d->g);
}

static bool
dom_get(const struct qatsec_asym_sess *s, struct dsa_dom *d)
{
	d->p = qatsec_asym_num_bn(s, N_DSA_P);
	d->q = qatsec_asym_num_bn(s, N_DSA_Q);
	d->g = qatsec_asym_num_bn(s, N_DSA_G);
	if (d->p == NULL || d->q == NULL || d->g == NULL || BN_is_zero(d->q) ||
			!BN_is_odd(d->p)) {
		dom_free(d);
		return false;
	}
	return true;
}

/* A DSA key of the domain with x and/or y. */
static EVP_PKEY *
dsa_key(const struct dsa_dom *d, const BIGNUM *x, const BIGNUM *y)
{
	OSSL_PARAM_BLD *bld = OSSL_PARAM_BLD_new();

	if (bld == NULL ||
			!OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_FFC_P, d->p) ||
			!OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_FFC_Q, d->q) ||
			!OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_FFC_G, d->g) ||
			!OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_PUB_KEY, y) ||
			(x != NULL && !OSSL_PARAM_BLD_push_BN(bld,
				OSSL_PKEY_PARAM_PRIV_KEY, x))) {
		OSSL_PARAM_BLD_free(bld);
		return NULL;
	}
	return qatsec_asym_pkey("DSA", x != NULL ? EVP_PKEY_KEYPAIR :
		EVP_PKEY_PUBLIC_KEY, bld);
}

/* The signing key (OpenSSL wants y beside x: y = g^x mod p). */
static bool
sign_ready(struct qatsec_asym_thread *t, const struct qatsec_asym_sess *s,
	struct qatsec_asym_cent *c, const struct dsa_dom *d)
{
	BIGNUM *x = NULL, *y = NULL;

	if (c->pkey != NULL)
		return true;
	x = qatsec_asym_num_bn(s, N_DSA_X);
	y = BN_new();
	if (x != NULL && y != NULL && !BN_is_zero(x) &&
			BN_cmp(x, d->q) < 0) {
		BN_set_flags(x, BN_FLG_CONSTTIME);
		if (BN_mod_exp_mont_consttime(y, d->g, x, d->p,
				qatsec_asym_bn_ctx(t), NULL))
			c->pkey = dsa_key(d, x, y);
	}
	if (c->pkey != NULL)
		c->ctx = EVP_PKEY_CTX_new_from_pkey(NULL, c->pkey, NULL);
	BN_clear_free(x);
	BN_free(y);
	if (c->ctx == NULL)
		qatsec_asym_cent_release_objs(c);
	return c->ctx != NULL;
}

/* The leftmost bits of the digest, as many as q has (FIPS 186-4 4.6). */
BIGNUM *
qatsec_asym_digest_bn(const uint8_t *m, size_t len, const BIGNUM *q)
{
	int qbits = BN_num_bits(q);
	BIGNUM *h;

	if ((size_t)qbits < len * 8)
		len = ((size_t)qbits + 7) / 8;
	h = BN_bin2bn(m, (int)len, NULL);
	if (h != NULL && (int)len * 8 > qbits && !BN_rshift(h, h,
			(int)len * 8 - qbits)) {
		BN_free(h);
		return NULL;
	}
	return h;
}

/* s = k^-1 (h + x r) mod n: the signature equation of DSA and ECDSA. */
int
qatsec_asym_sig_s(BIGNUM *sg, const BIGNUM *k, const BIGNUM *h,
	const BIGNUM *x, const BIGNUM *r, const BIGNUM *n, BN_CTX *bn)
{
	BIGNUM *t = BN_new(), *ki = BN_new();
	int ok = t != NULL && ki != NULL &&
		BN_mod_inverse(ki, k, n, bn) != NULL &&
		BN_mod_mul(t, x, r, n, bn) &&
		BN_mod_add(t, t, h, n, bn) &&
		BN_mod_mul(sg, t, ki, n, bn) && !BN_is_zero(sg);

	BN_clear_free(t);
	BN_clear_free(ki);
	return ok;
}

/* Sign with the op's k: r = (g^k mod p) mod q. */
static int
sign_k(struct qatsec_asym_thread *t, const struct qatsec_asym_sess *s,
	const struct dsa_dom *d, const uint8_t *m, size_t mlen,
	const BIGNUM *k, BIGNUM *r, BIGNUM *sg)
{
	BN_CTX *bn = qatsec_asym_bn_ctx(t);
	BIGNUM *x = qatsec_asym_num_bn(s, N_DSA_X);
	BIGNUM *h = qatsec_asym_digest_bn(m, mlen, d->q);
	int st = RTE_CRYPTO_OP_STATUS_ERROR;

	if (x != NULL && h != NULL &&
			BN_mod_exp_mont_consttime(r, d->g, k, d->p, bn, NULL) &&
			BN_nnmod(r, r, d->q, bn) && !BN_is_zero(r) &&
			qatsec_asym_sig_s(sg, k, h, x, r, d->q, bn))
		st = RTE_CRYPTO_OP_STATUS_SUCCESS;
	BN_clear_free(x);
	BN_free(h);
	return st;
}

/* Sign with a fresh random k (EVP), r and s from the DER signature. */
static int
sign_evp(struct qatsec_asym_cent *c, const uint8_t *m, size_t mlen,
	BIGNUM *r, BIGNUM *sg)
{
	uint8_t der[2 * QATSEC_ASYM_DSA_QMAX + 16];
	const unsigned char *pp = der;
	size_t dlen = sizeof(der);
	const BIGNUM *r0, *s0;
	DSA_SIG *sig;
	int st = RTE_CRYPTO_OP_STATUS_ERROR;

	if (EVP_PKEY_sign_init(c->ctx) <= 0 ||
			EVP_PKEY_sign(c->ctx, der, &dlen, m, mlen) <= 0)
		return st;
	sig = d2i_DSA_SIG(NULL, &pp, (long)dlen);
	if (sig == NULL)
		return st;
	DSA_SIG_get0(sig, &r0, &s0);
	if (BN_copy(r, r0) != NULL && BN_copy(sg, s0) != NULL)
		st = RTE_CRYPTO_OP_STATUS_SUCCESS;
	DSA_SIG_free(sig);
	return st;
}

static int
dsa_sign(struct qatsec_asym_thread *t, const struct qatsec_asym_sess *s,
	struct qatsec_asym_cent *c, const struct dsa_dom *d,
	struct rte_crypto_dsa_op_param *o)
{
	size_t qlen = (size_t)BN_num_bytes(d->q), klen;
	BIGNUM *r = BN_new(), *sg = BN_new(), *k = NULL;
	const uint8_t *kd;
	int st = RTE_CRYPTO_OP_STATUS_INVALID_ARGS;

	if (r == NULL || sg == NULL || !qatsec_asym_out_room(&o->r, qlen) ||
			!qatsec_asym_out_room(&o->s, qlen))
		goto out;
	if (o->k.data != NULL && o->k.length > 0) {
		if (!qatsec_asym_in(&o->k, qlen, &kd, &klen))
			goto out;
		k = BN_bin2bn(kd, (int)klen, NULL);
		if (k == NULL || BN_is_zero(k) || BN_cmp(k, d->q) >= 0)
			goto out;
		BN_set_flags(k, BN_FLG_CONSTTIME);
		st = sign_k(t, s, d, o->message.data, o->message.length, k, r,
			sg);
	} else {
		st = RTE_CRYPTO_OP_STATUS_ERROR;
		if (sign_ready(t, s, c, d))
			st = sign_evp(c, o->message.data, o->message.length, r,
				sg);
	}
	if (st == RTE_CRYPTO_OP_STATUS_SUCCESS &&
			(!qatsec_asym_out_bn(&o->r, r, qlen) ||
			 !qatsec_asym_out_bn(&o->s, sg, qlen)))
		st = RTE_CRYPTO_OP_STATUS_INVALID_ARGS;
out:
	BN_clear_free(k);
	BN_free(r);
	BN_free(sg);
	return st;
}

/* A DER-encoded (r, s); 0 when either does not fit. */
static size_t
sig_der(const BIGNUM *r, const BIGNUM *s, uint8_t *der, size_t room,
	bool ec)
{
	BIGNUM *r1 = BN_dup(r), *s1 = BN_dup(s);
	unsigned char *pp = der;
	size_t n = 0;
	int len;

	if (ec) {
		ECDSA_SIG *sig = ECDSA_SIG_new();

		if (sig != NULL && r1 != NULL && s1 != NULL &&
				ECDSA_SIG_set0(sig, r1, s1)) {
			r1 = s1 = NULL;
			len = i2d_ECDSA_SIG(sig, NULL);
			if (len > 0 && (size_t)len <= room)
				n = (size_t)i2d_ECDSA_SIG(sig, &pp);
		}
		ECDSA_SIG_free(sig);
	} else {
		DSA_SIG *sig = DSA_SIG_new();

		if (sig != NULL && r1 != NULL && s1 != NULL &&
				DSA_SIG_set0(sig, r1, s1)) {
			r1 = s1 = NULL;
			len = i2d_DSA_SIG(sig, NULL);
			if (len > 0 && (size_t)len <= room)
				n = (size_t)i2d_DSA_SIG(sig, &pp);
		}
		DSA_SIG_free(sig);
	}
	BN_free(r1);
	BN_free(s1);
	return n;
}

int
qatsec_asym_verify_der(EVP_PKEY_CTX *ctx, const BIGNUM *r, const BIGNUM *s,
	const uint8_t *m, size_t mlen, bool ec, bool ready)
{
	uint8_t der[2 * QATSEC_ASYM_EC_MAX + 16];
	size_t n = sig_der(r, s, der, sizeof(der), ec);
	int ret;

	if (n == 0)
		return RTE_CRYPTO_OP_STATUS_INVALID_ARGS;
	if (!ready && EVP_PKEY_verify_init(ctx) <= 0)
		return RTE_CRYPTO_OP_STATUS_ERROR;
	ret = EVP_PKEY_verify(ctx, der, n, m, mlen);
	return ret == 1 ? RTE_CRYPTO_OP_STATUS_SUCCESS :
		ret == 0 ? RTE_CRYPTO_OP_STATUS_AUTH_FAILED :
		RTE_CRYPTO_OP_STATUS_ERROR;
}

static int
dsa_verify(const struct dsa_dom *d, struct rte_crypto_dsa_op_param *o)
{
	size_t qlen = (size_t)BN_num_bytes(d->q);
	size_t plen = (size_t)BN_num_bytes(d->p);
	BIGNUM *y = qatsec_asym_in_bn(&o->y, plen);
	BIGNUM *r = qatsec_asym_in_bn(&o->r, qlen);
	BIGNUM *s = qatsec_asym_in_bn(&o->s, qlen);
	EVP_PKEY *pk = NULL;
	EVP_PKEY_CTX *ctx = NULL;
	int st = RTE_CRYPTO_OP_STATUS_INVALID_ARGS;

	if (y == NULL || r == NULL || s == NULL || BN_is_zero(y))
		goto out;
	st = RTE_CRYPTO_OP_STATUS_ERROR;
	pk = dsa_key(d, NULL, y);
	if (pk != NULL)
		ctx = EVP_PKEY_CTX_new_from_pkey(NULL, pk, NULL);
	if (ctx != NULL)
		st = qatsec_asym_verify_der(ctx, r, s, o->message.data,
			o->message.length, false, false);
out:
	EVP_PKEY_CTX_free(ctx);
	EVP_PKEY_free(pk);
	BN_free(y);
	BN_free(r);
	BN_free(s);
	return st;
}

void
qatsec_asym_dsa(struct qatsec_asym_thread *t, const struct qatsec_asym_sess *s,
	struct qatsec_asym_cent *c, struct rte_crypto_op *op)
{
	struct rte_crypto_dsa_op_param *o = &op->asym->dsa;
	struct dsa_dom d;
	size_t xlen;

	if (o->message.data == NULL || o->message.length == 0 ||
			o->message.length > DSA_MSG_MAX) {
		op->status = RTE_CRYPTO_OP_STATUS_INVALID_ARGS;
		return;
	}
	if (!dom_get(s, &d)) {
		op->status = RTE_CRYPTO_OP_STATUS_INVALID_SESSION;
		return;
	}
	switch (o->op_type) {
	case RTE_CRYPTO_ASYM_OP_SIGN:
		if (qatsec_asym_num(s, N_DSA_X, &xlen) == NULL)
			op->status = RTE_CRYPTO_OP_STATUS_INVALID_ARGS;
		else
			op->status = dsa_sign(t, s, c, &d, o);
		break;
	case RTE_CRYPTO_ASYM_OP_VERIFY:
		op->status = dsa_verify(&d, o);
		break;
	default:
		op->status = RTE_CRYPTO_OP_STATUS_INVALID_ARGS;
		break;
	}
	dom_free(&d);
}
