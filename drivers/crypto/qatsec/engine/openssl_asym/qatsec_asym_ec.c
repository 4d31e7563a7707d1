/* SPDX-License-Identifier: BSD-3-Clause
 * qatsec engine openssl_asym: elliptic curves (the five NIST prime curves
 * DPDK 22.11 names). ECDSA sign and verify through EVP on keys cached per
 * thread by their bytes (a server signs with one key); signing with the
 * op's own k (known-answer tests) from the FIPS 186-4 formulas, as OpenSSL
 * 3.0 takes no k. Point multiplication by a scalar (ECPM: any point on the
 * curve, ECFPM: the generator) and ECDH (private key, public key, shared
 * point, public key check) on EC_POINT arithmetic, since EVP has no
 * operation returning a point. Every input point is checked to be on the
 * curve; scalars and coordinates are written padded to the order's and the
 * field's length (ECDH: unless the op's NO_PADDING flags say otherwise).
 */
#include <string.h>

#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/objects.h>

#include "qatsec_asym_private.h"

#define EC_MSG_MAX	QATSEC_ASYM_MOD_MAX

/* The op's point, checked: coordinates below the field prime and on the
 * curve (the point at infinity has no affine form here).
 */
static EC_POINT *
point_in(struct qatsec_asym_thread *t, struct qatsec_asym_curve *cv,
	const struct rte_crypto_ec_point *p)
{
	BIGNUM *x = qatsec_asym_in_bn(&p->x, cv->fbytes);
	BIGNUM *y = qatsec_asym_in_bn(&p->y, cv->fbytes);
	EC_POINT *pt = NULL;

	if (x == NULL || y == NULL || BN_cmp(x, cv->prime) >= 0 ||
			BN_cmp(y, cv->prime) >= 0)
		goto out;
	pt = EC_POINT_new(cv->group);
	if (pt != NULL && (!EC_POINT_set_affine_coordinates(cv->group, pt, x, y,
			qatsec_asym_bn_ctx(t)) ||
			EC_POINT_is_on_curve(cv->group, pt,
				qatsec_asym_bn_ctx(t)) != 1)) {
		EC_POINT_free(pt);
		pt = NULL;
	}
out:
	BN_free(x);
	BN_free(y);
	return pt;
}

/* The op's scalar in [1, n-1] (a private key or a nonce). */
static BIGNUM *
scalar_in(struct qatsec_asym_curve *cv, const rte_crypto_param *p)
{
	BIGNUM *k = qatsec_asym_in_bn(p, cv->obytes);

	if (k != NULL && (BN_is_zero(k) || BN_cmp(k, cv->order) >= 0)) {
		BN_clear_free(k);
		return NULL;
	}
	if (k != NULL)
		BN_set_flags(k, BN_FLG_CONSTTIME);
	return k;
}

/* Write the affine coordinates of pt (not infinity). */
static int
point_out(struct qatsec_asym_thread *t, struct qatsec_asym_curve *cv,
	const EC_POINT *pt, struct rte_crypto_ec_point *out, bool nopad)
{
	BIGNUM *x = BN_new(), *y = BN_new();
	size_t pad = nopad ? 0 : cv->fbytes;
	int st = RTE_CRYPTO_OP_STATUS_ERROR;

	if (x != NULL && y != NULL &&
			!EC_POINT_is_at_infinity(cv->group, pt) &&
			EC_POINT_get_affine_coordinates(cv->group, pt, x, y,
				qatsec_asym_bn_ctx(t))) {
		st = RTE_CRYPTO_OP_STATUS_SUCCESS;
		if (!qatsec_asym_out_room(&out->x, pad ? pad : 1) ||
				!qatsec_asym_out_room(&out->y, pad ? pad : 1) ||
				!qatsec_asym_out_bn(&out->x, x, pad) ||
				!qatsec_asym_out_bn(&out->y, y, pad))
			st = RTE_CRYPTO_OP_STATUS_INVALID_ARGS;
	}
	BN_clear_free(x);
	BN_clear_free(y);
	return st;
}

/* r = k * P (P NULL: the generator), written to out. */
static int
mul_out(struct qatsec_asym_thread *t, struct qatsec_asym_curve *cv,
	const BIGNUM *k, const EC_POINT *p, struct rte_crypto_ec_point *out,
	bool nopad)
{
	EC_POINT *r = EC_POINT_new(cv->group);
	int st = RTE_CRYPTO_OP_STATUS_ERROR;

	if (r != NULL && EC_POINT_mul(cv->group, r, p == NULL ? k : NULL, p,
			p == NULL ? NULL : k, qatsec_asym_bn_ctx(t)))
		st = point_out(t, cv, r, out, nopad);
	EC_POINT_clear_free(r);
	return st;
}

static int
ecpm(struct qatsec_asym_thread *t, struct qatsec_asym_curve *cv,
	struct rte_crypto_ecpm_op_param *o, bool fixed)
{
	/* Any scalar (reduced by the multiplication), not only [1, n-1]. */
	BIGNUM *k = qatsec_asym_in_bn(&o->scalar, RTE_MAX(cv->obytes,
		cv->fbytes));
	EC_POINT *p = NULL;
	int st = RTE_CRYPTO_OP_STATUS_INVALID_ARGS;

	if (k == NULL || BN_is_zero(k))
		goto out;
	BN_set_flags(k, BN_FLG_CONSTTIME);
	if (!fixed) {
		p = point_in(t, cv, &o->p);
		if (p == NULL)
			goto out;
	}
	st = mul_out(t, cv, k, p, &o->r, false);
out:
	EC_POINT_free(p);
	BN_clear_free(k);
	return st;
}

static int
ecdh(struct qatsec_asym_thread *t, struct qatsec_asym_curve *cv,
	struct rte_crypto_ecdh_op_param *o, uint16_t flags)
{
	bool pub_nopad = flags & RTE_CRYPTO_ASYM_FLAG_PUB_KEY_NO_PADDING;
	bool sh_nopad = flags & RTE_CRYPTO_ASYM_FLAG_SHARED_KEY_NO_PADDING;
	BIGNUM *x = NULL, *nm1 = NULL;
	EC_POINT *p = NULL;
	int st = RTE_CRYPTO_OP_STATUS_INVALID_ARGS;
	bool gen;

	switch (o->ke_type) {
	case RTE_CRYPTO_ASYM_KE_PUB_KEY_VERIFY:
		p = point_in(t, cv, &o->pub_key);
		st = p != NULL ? RTE_CRYPTO_OP_STATUS_SUCCESS :
			RTE_CRYPTO_OP_STATUS_ERROR;
		break;
	case RTE_CRYPTO_ASYM_KE_PRIV_KEY_GENERATE:
	case RTE_CRYPTO_ASYM_KE_PUB_KEY_GENERATE:
		gen = o->ke_type == RTE_CRYPTO_ASYM_KE_PRIV_KEY_GENERATE ||
			o->priv_key.length == 0;
		if (gen) {
			/* x in [1, n-1]: a random below n - 1, plus one. */
			x = BN_new();
			nm1 = BN_dup(cv->order);
			st = RTE_CRYPTO_OP_STATUS_ERROR;
			if (x == NULL || nm1 == NULL || !BN_sub_word(nm1, 1) ||
					!BN_priv_rand_range(x, nm1) ||
					!BN_add_word(x, 1))
				goto out;
			st = RTE_CRYPTO_OP_STATUS_INVALID_ARGS;
			BN_set_flags(x, BN_FLG_CONSTTIME);
			if ((o->priv_key.data != NULL || o->ke_type ==
					RTE_CRYPTO_ASYM_KE_PRIV_KEY_GENERATE) &&
					!qatsec_asym_out_bn(&o->priv_key, x,
						cv->obytes))
				goto out;
		} else {
			x = scalar_in(cv, &o->priv_key);
			if (x == NULL)
				goto out;
		}
		st = RTE_CRYPTO_OP_STATUS_SUCCESS;
		if (o->ke_type == RTE_CRYPTO_ASYM_KE_PUB_KEY_GENERATE)
			st = mul_out(t, cv, x, NULL, &o->pub_key, pub_nopad);
		break;
	case RTE_CRYPTO_ASYM_KE_SHARED_SECRET_COMPUTE:
		x = scalar_in(cv, &o->priv_key);
		p = point_in(t, cv, &o->pub_key);
		if (x != NULL && p != NULL)
			st = mul_out(t, cv, x, p, &o->shared_secret, sh_nopad);
		break;
	default:
		break;
	}
out:
	EC_POINT_free(p);
	BN_clear_free(x);
	BN_free(nm1);
	return st;
}

/* The thread's key for the curve from d (private) or the encoded point
 * (public), rebuilt when the bytes differ from the last op's.
 */
static EVP_PKEY_CTX *
ec_key(struct qatsec_asym_curve *cv, const uint8_t *raw, size_t len,
	bool priv, const BIGNUM *d)
{
	EVP_PKEY **pk = priv ? &cv->priv : &cv->pub;
	EVP_PKEY_CTX **ctx = priv ? &cv->priv_ctx : &cv->pub_ctx;
	uint8_t *keep = priv ? cv->priv_raw : cv->pub_raw;
	OSSL_PARAM_BLD *bld;

	if (*ctx != NULL && CRYPTO_memcmp(keep, raw, len) == 0)
		return *ctx;
	EVP_PKEY_CTX_free(*ctx);
	EVP_PKEY_free(*pk);
	*ctx = NULL;
	*pk = NULL;
	bld = OSSL_PARAM_BLD_new();
	if (bld == NULL || !OSSL_PARAM_BLD_push_utf8_string(bld,
			OSSL_PKEY_PARAM_GROUP_NAME, OBJ_nid2sn(EC_GROUP_get_curve_name(
				cv->group)), 0) ||
			(priv && !OSSL_PARAM_BLD_push_BN(bld,
				OSSL_PKEY_PARAM_PRIV_KEY, d)) ||
			(!priv && !OSSL_PARAM_BLD_push_octet_string(bld,
				OSSL_PKEY_PARAM_PUB_KEY, raw, len))) {
		OSSL_PARAM_BLD_free(bld);
		return NULL;
	}
	*pk = qatsec_asym_pkey("EC", priv ? EVP_PKEY_KEYPAIR :
		EVP_PKEY_PUBLIC_KEY, bld);
	if (*pk != NULL)
		*ctx = EVP_PKEY_CTX_new_from_pkey(NULL, *pk, NULL);
	/* Set up once for its one use: signing or verifying. */
	if (*ctx != NULL && (priv ? EVP_PKEY_sign_init(*ctx) :
			EVP_PKEY_verify_init(*ctx)) <= 0) {
		EVP_PKEY_CTX_free(*ctx);
		*ctx = NULL;
	}
	if (*ctx != NULL)
		memcpy(keep, raw, len);
	return *ctx;
}

static int
ecdsa_sign_k(struct qatsec_asym_thread *t, struct qatsec_asym_curve *cv,
	const BIGNUM *d, const BIGNUM *k, const uint8_t *m, size_t mlen,
	BIGNUM *r, BIGNUM *sg)
{
	BN_CTX *bn = qatsec_asym_bn_ctx(t);
	EC_POINT *R = EC_POINT_new(cv->group);
	BIGNUM *h = qatsec_asym_digest_bn(m, mlen, cv->order);
	int st = RTE_CRYPTO_OP_STATUS_ERROR;

	/* r = x(kG) mod n, s = k^-1 (h + d r) mod n (FIPS 186-4 6.4). */
	if (R != NULL && h != NULL &&
			EC_POINT_mul(cv->group, R, k, NULL, NULL, bn) &&
			EC_POINT_get_affine_coordinates(cv->group, R, r, NULL,
				bn) &&
			BN_nnmod(r, r, cv->order, bn) && !BN_is_zero(r) &&
			qatsec_asym_sig_s(sg, k, h, d, r, cv->order, bn))
		st = RTE_CRYPTO_OP_STATUS_SUCCESS;
	EC_POINT_clear_free(R);
	BN_free(h);
	return st;
}

/* Sign with a random k (EVP) under the key d (the op's bytes): the key is
 * checked and built only when they differ from the last op's.
 */
static int
ecdsa_sign_evp(struct qatsec_asym_curve *cv, const rte_crypto_param *dp,
	const uint8_t *m, size_t mlen, BIGNUM *r, BIGNUM *sg)
{
	uint8_t raw[QATSEC_ASYM_EC_MAX], der[2 * QATSEC_ASYM_EC_MAX + 16];
	const unsigned char *pp = der;
	size_t dlen = sizeof(der), len;
	const BIGNUM *r0, *s0;
	const uint8_t *d;
	EVP_PKEY_CTX *ctx;
	ECDSA_SIG *sig;
	BIGNUM *bn;
	int st = RTE_CRYPTO_OP_STATUS_ERROR;

	if (!qatsec_asym_in(dp, cv->obytes, &d, &len))
		return RTE_CRYPTO_OP_STATUS_INVALID_ARGS;
	memset(raw, 0, cv->obytes - len);
	if (len > 0)
		memcpy(raw + cv->obytes - len, d, len);
	ctx = cv->priv_ctx;
	if (ctx == NULL || CRYPTO_memcmp(cv->priv_raw, raw, cv->obytes) != 0) {
		bn = scalar_in(cv, dp);
		ctx = bn == NULL ? NULL : ec_key(cv, raw, cv->obytes, true, bn);
		if (bn == NULL)
			st = RTE_CRYPTO_OP_STATUS_INVALID_ARGS;
		BN_clear_free(bn);
	}
	OPENSSL_cleanse(raw, sizeof(raw));
	if (ctx == NULL || EVP_PKEY_sign(ctx, der, &dlen, m, mlen) <= 0)
		return st;
	sig = d2i_ECDSA_SIG(NULL, &pp, (long)dlen);
	if (sig == NULL)
		return st;
	ECDSA_SIG_get0(sig, &r0, &s0);
	if (BN_copy(r, r0) != NULL && BN_copy(sg, s0) != NULL)
		st = RTE_CRYPTO_OP_STATUS_SUCCESS;
	ECDSA_SIG_free(sig);
	return st;
}

static int
ecdsa_sign(struct qatsec_asym_thread *t, struct qatsec_asym_curve *cv,
	struct rte_crypto_ecdsa_op_param *o)
{
	BIGNUM *r = BN_new(), *sg = BN_new(), *d = NULL, *k = NULL;
	int st = RTE_CRYPTO_OP_STATUS_INVALID_ARGS;

	if (r == NULL || sg == NULL ||
			!qatsec_asym_out_room(&o->r, cv->obytes) ||
			!qatsec_asym_out_room(&o->s, cv->obytes))
		goto out;
	if (o->k.data != NULL && o->k.length > 0) {
		d = scalar_in(cv, &o->pkey);
		k = scalar_in(cv, &o->k);
		if (d == NULL || k == NULL)
			goto out;
		st = ecdsa_sign_k(t, cv, d, k, o->message.data,
			o->message.length, r, sg);
	} else {
		st = ecdsa_sign_evp(cv, &o->pkey, o->message.data,
			o->message.length, r, sg);
	}
	if (st == RTE_CRYPTO_OP_STATUS_SUCCESS &&
			(!qatsec_asym_out_bn(&o->r, r, cv->obytes) ||
			 !qatsec_asym_out_bn(&o->s, sg, cv->obytes)))
		st = RTE_CRYPTO_OP_STATUS_INVALID_ARGS;
out:
	BN_clear_free(k);
	BN_clear_free(d);
	BN_free(r);
	BN_free(sg);
	return st;
}

/* The op's point as an uncompressed encoding (04 || x || y), from its
 * bytes: OpenSSL checks it (coordinates below p, on the curve) when it
 * builds a key from it, and a key already built from these bytes passed.
 */
static bool
point_enc(const struct qatsec_asym_curve *cv,
	const struct rte_crypto_ec_point *p, uint8_t *enc)
{
	const uint8_t *x, *y;
	size_t xl, yl, f = cv->fbytes;

	if (!qatsec_asym_in(&p->x, f, &x, &xl) ||
			!qatsec_asym_in(&p->y, f, &y, &yl))
		return false;
	enc[0] = POINT_CONVERSION_UNCOMPRESSED;
	memset(enc + 1, 0, 2 * f);
	if (xl > 0)
		memcpy(enc + 1 + f - xl, x, xl);
	if (yl > 0)
		memcpy(enc + 1 + 2 * f - yl, y, yl);
	return true;
}

static int
ecdsa_verify(struct qatsec_asym_curve *cv, struct rte_crypto_ecdsa_op_param *o)
{
	uint8_t enc[1 + 2 * QATSEC_ASYM_EC_MAX];
	size_t elen = 1 + 2 * (size_t)cv->fbytes;
	BIGNUM *r = qatsec_asym_in_bn(&o->r, cv->obytes);
	BIGNUM *s = qatsec_asym_in_bn(&o->s, cv->obytes);
	EVP_PKEY_CTX *ctx;
	int st = RTE_CRYPTO_OP_STATUS_INVALID_ARGS;

	if (r == NULL || s == NULL || !point_enc(cv, &o->q, enc))
		goto out;
	ctx = ec_key(cv, enc, elen, false, NULL);
	/* No key: the point is not on the curve (or not below p). */
	if (ctx != NULL)
		st = qatsec_asym_verify_der(ctx, r, s, o->message.data,
			o->message.length, true, true);
out:
	BN_free(r);
	BN_free(s);
	return st;
}

void
qatsec_asym_ec(struct qatsec_asym_thread *t, const struct qatsec_asym_sess *s,
	struct rte_crypto_op *op)
{
	struct rte_crypto_asym_op *a = op->asym;
	struct qatsec_asym_curve *cv = qatsec_asym_curve_get(t, s->curve);

	if (cv == NULL) {
		op->status = RTE_CRYPTO_OP_STATUS_INVALID_SESSION;
		return;
	}
	switch (s->xform_type) {
	case RTE_CRYPTO_ASYM_XFORM_ECDSA:
		if (a->ecdsa.message.data == NULL ||
				a->ecdsa.message.length == 0 ||
				a->ecdsa.message.length > EC_MSG_MAX)
			op->status = RTE_CRYPTO_OP_STATUS_INVALID_ARGS;
		else if (a->ecdsa.op_type == RTE_CRYPTO_ASYM_OP_SIGN)
			op->status = ecdsa_sign(t, cv, &a->ecdsa);
		else if (a->ecdsa.op_type == RTE_CRYPTO_ASYM_OP_VERIFY)
			op->status = ecdsa_verify(cv, &a->ecdsa);
		else
			op->status = RTE_CRYPTO_OP_STATUS_INVALID_ARGS;
		break;
	case RTE_CRYPTO_ASYM_XFORM_ECPM:
	case RTE_CRYPTO_ASYM_XFORM_ECFPM:
		op->status = ecpm(t, cv, &a->ecpm,
			s->xform_type == RTE_CRYPTO_ASYM_XFORM_ECFPM);
		break;
	case RTE_CRYPTO_ASYM_XFORM_ECDH:
		op->status = ecdh(t, cv, &a->ecdh, a->flags);
		break;
	default:
		op->status = RTE_CRYPTO_OP_STATUS_INVALID_SESSION;
		break;
	}
}
