/* SPDX-License-Identifier: BSD-3-Clause
 * qatsec engine openssl_asym: sessions. session_configure() checks an
 * asymmetric xform against what the engine serves and copies its key
 * material by value into the session (shared memory, used by every process
 * of the group); OpenSSL objects are built later, per thread, from these
 * bytes. Also the curve table and the readers of a session's numbers.
 */
#include <errno.h>
#include <string.h>

#include <openssl/rand.h>

#include <rte_common.h>

#include "qatsec_asym_private.h"

unsigned int
qatsec_asym_session_size(void)
{
	return sizeof(struct qatsec_asym_sess);
}

const uint8_t *
qatsec_asym_num(const struct qatsec_asym_sess *s, unsigned int i,
	size_t *len)
{
	const struct qatsec_asym_num *n;

	*len = 0;
	if (i >= QATSEC_ASYM_NUMS)
		return NULL;
	n = &s->num[i];
	/* The session is shared memory: never trust it to stay in bounds. */
	if (n->len == 0 || (size_t)n->off + n->len > sizeof(s->data))
		return NULL;
	*len = n->len;
	return s->data + n->off;
}

BIGNUM *
qatsec_asym_num_bn(const struct qatsec_asym_sess *s, unsigned int i)
{
	size_t len;
	const uint8_t *d = qatsec_asym_num(s, i, &len);

	return BN_bin2bn(d, (int)len, NULL);	/* an empty number is 0 */
}

/* Copy p (leading zeros stripped) into slot i. -EINVAL for a NULL pointer
 * with a length or (when required) an empty number, -ENOTSUP when it is
 * longer than max bytes.
 */
static int
put_num(struct qatsec_asym_sess *s, unsigned int i, const rte_crypto_param *p,
	size_t max, bool required)
{
	const uint8_t *d;
	size_t len;

	if (p->length > 0 && p->data == NULL)
		return -EINVAL;
	d = p->data;
	len = p->length;
	while (len > 0 && d[0] == 0) {
		d++;
		len--;
	}
	if (len == 0)
		return required ? -EINVAL : 0;
	if (len > max)
		return -ENOTSUP;
	if (len > sizeof(s->data) - s->used)
		return -ENOTSUP;
	memcpy(s->data + s->used, d, len);
	s->num[i].off = s->used;
	s->num[i].len = (uint16_t)len;
	s->used += (uint16_t)len;
	return 0;
}

static int
put_bn(struct qatsec_asym_sess *s, unsigned int i, const BIGNUM *bn)
{
	int len = BN_num_bytes(bn);

	if (len <= 0 || (size_t)len > sizeof(s->data) - s->used)
		return -EINVAL;
	BN_bn2bin(bn, s->data + s->used);
	s->num[i].off = s->used;
	s->num[i].len = (uint16_t)len;
	s->used += (uint16_t)len;
	return 0;
}

static size_t
num_len(const struct qatsec_asym_sess *s, unsigned int i)
{
	return s->num[i].len;
}

/* A CRT key carries no d, but OpenSSL falls back on d when a CRT result
 * fails its check (a key whose numbers disagree): compute d = e^-1 mod
 * (p-1)(q-1) here, and refuse keys whose n is not p * q.
 */
static int
rsa_qt_complete(struct qatsec_asym_sess *s)
{
	BN_CTX *ctx = BN_CTX_new();
	BIGNUM *n = qatsec_asym_num_bn(s, N_RSA_N);
	BIGNUM *e = qatsec_asym_num_bn(s, N_RSA_E);
	BIGNUM *p = qatsec_asym_num_bn(s, N_RSA_P);
	BIGNUM *q = qatsec_asym_num_bn(s, N_RSA_Q);
	BIGNUM *t = BN_new(), *phi = BN_new(), *d = BN_new();
	int ret = -EINVAL;

	if (ctx == NULL || n == NULL || e == NULL || p == NULL || q == NULL ||
			t == NULL || phi == NULL || d == NULL) {
		ret = -ENOMEM;
		goto out;
	}
	if (BN_is_one(p) || BN_is_one(q) || !BN_mul(t, p, q, ctx) ||
			BN_cmp(t, n) != 0)
		goto out;
	if (!BN_sub_word(p, 1) || !BN_sub_word(q, 1) ||
			!BN_mul(phi, p, q, ctx) ||
			BN_mod_inverse(d, e, phi, ctx) == NULL)
		goto out;
	ret = put_bn(s, N_RSA_D, d);
out:
	BN_clear_free(d);
	BN_clear_free(phi);
	BN_clear_free(t);
	BN_clear_free(p);
	BN_clear_free(q);
	BN_free(e);
	BN_free(n);
	BN_CTX_free(ctx);
	return ret;
}

static int
cfg_rsa(struct qatsec_asym_sess *s, const struct rte_crypto_rsa_xform *x)
{
	const size_t m = QATSEC_ASYM_MOD_MAX, h = QATSEC_ASYM_MOD_MAX / 2;
	int ret;

	ret = put_num(s, N_RSA_N, &x->n, m, true);
	if (ret == 0 && num_len(s, N_RSA_N) < QATSEC_ASYM_RSA_MIN)
		ret = -ENOTSUP;
	if (ret == 0)
		ret = put_num(s, N_RSA_E, &x->e, num_len(s, N_RSA_N), true);
	if (ret != 0)
		return ret;
	s->key_type = (uint8_t)x->key_type;
	switch (x->key_type) {
	case RTE_RSA_KEY_TYPE_EXP:
		/* A public-key-only session (no d) serves encrypt/verify. */
		return put_num(s, N_RSA_D, &x->d, m, false);
	case RTE_RSA_KEY_TYPE_QT:
		ret = put_num(s, N_RSA_P, &x->qt.p, h, true);
		if (ret == 0)
			ret = put_num(s, N_RSA_Q, &x->qt.q, h, true);
		if (ret == 0)
			ret = put_num(s, N_RSA_DP, &x->qt.dP, h, true);
		if (ret == 0)
			ret = put_num(s, N_RSA_DQ, &x->qt.dQ, h, true);
		if (ret == 0)
			ret = put_num(s, N_RSA_QINV, &x->qt.qInv, h, true);
		if (ret == 0)
			ret = rsa_qt_complete(s);
		return ret;
	default:
		return -ENOTSUP;
	}
}

static int
cfg_dh(struct qatsec_asym_sess *s, const struct rte_crypto_dh_xform *x)
{
	int ret = put_num(s, N_DH_P, &x->p, QATSEC_ASYM_MOD_MAX, true);

	if (ret == 0 && num_len(s, N_DH_P) < QATSEC_ASYM_DH_MIN)
		ret = -ENOTSUP;
	if (ret == 0)
		ret = put_num(s, N_DH_G, &x->g, num_len(s, N_DH_P), true);
	if (ret == 0 && !(s->data[s->num[N_DH_P].off +
			num_len(s, N_DH_P) - 1] & 1))
		ret = -EINVAL;	/* an even "prime" */
	return ret;
}

static int
cfg_dsa(struct qatsec_asym_sess *s, const struct rte_crypto_dsa_xform *x)
{
	int ret = put_num(s, N_DSA_P, &x->p, QATSEC_ASYM_MOD_MAX, true);

	if (ret == 0 && num_len(s, N_DSA_P) < QATSEC_ASYM_DSA_MIN)
		ret = -ENOTSUP;
	if (ret == 0)
		ret = put_num(s, N_DSA_Q, &x->q, QATSEC_ASYM_DSA_QMAX, true);
	if (ret == 0 && num_len(s, N_DSA_Q) < QATSEC_ASYM_DSA_QMIN)
		ret = -ENOTSUP;
	if (ret == 0)
		ret = put_num(s, N_DSA_G, &x->g, num_len(s, N_DSA_P), true);
	/* No x: a verify-only session. */
	if (ret == 0)
		ret = put_num(s, N_DSA_X, &x->x, num_len(s, N_DSA_Q), false);
	return ret;
}

static int
cfg_xform(struct qatsec_asym_sess *s, const struct rte_crypto_asym_xform *x)
{
	int ret;

	switch (x->xform_type) {
	case RTE_CRYPTO_ASYM_XFORM_RSA:
		return cfg_rsa(s, &x->rsa);
	case RTE_CRYPTO_ASYM_XFORM_MODEX:
		ret = put_num(s, N_MOD_M, &x->modex.modulus,
			QATSEC_ASYM_MOD_MAX, true);
		if (ret != 0)
			return ret;
		/* An empty exponent is 0: every result is 1 mod m. */
		return put_num(s, N_MOD_E, &x->modex.exponent,
			QATSEC_ASYM_MOD_MAX, false);
	case RTE_CRYPTO_ASYM_XFORM_MODINV:
		return put_num(s, N_MOD_M, &x->modinv.modulus,
			QATSEC_ASYM_MOD_MAX, true);
	case RTE_CRYPTO_ASYM_XFORM_DH:
		return cfg_dh(s, &x->dh);
	case RTE_CRYPTO_ASYM_XFORM_DSA:
		return cfg_dsa(s, &x->dsa);
	case RTE_CRYPTO_ASYM_XFORM_ECDSA:
	case RTE_CRYPTO_ASYM_XFORM_ECPM:
	case RTE_CRYPTO_ASYM_XFORM_ECDH:
	case RTE_CRYPTO_ASYM_XFORM_ECFPM:
		if (qatsec_asym_curve_nid(x->ec.curve_id) == NID_undef)
			return -ENOTSUP;
		s->curve = (uint16_t)x->ec.curve_id;
		return 0;
	default:
		return -ENOTSUP;
	}
}

int
qatsec_asym_session_configure(void *priv, const void *xform)
{
	const struct rte_crypto_asym_xform *x = xform;
	struct qatsec_asym_sess *s = priv;
	int ret;

	if (s == NULL || x == NULL)
		return -EINVAL;
	/* x->next is neither read nor refused: 22.11 defines no chains, yet
	 * its DH tests pass one (a second, empty DH xform) for "private then
	 * public key"; the op's ke_type says what to compute.
	 */
	memset(s, 0, sizeof(*s));
	s->xform_type = (uint8_t)x->xform_type;
	ret = cfg_xform(s, x);
	/* uid 0 is reserved for sessionless ops (never cached). */
	while (ret == 0 && s->uid == 0)
		if (RAND_bytes((unsigned char *)&s->uid, sizeof(s->uid)) != 1)
			ret = -ENOMEM;
	if (ret != 0) {
		OPENSSL_cleanse(s, sizeof(*s));
		return ret;
	}
	s->hdr.engine = QATSEC_ENGINE_OPENSSL_ASYM;
	s->hdr.magic = QATSEC_ASYM_MAGIC;
	return 0;
}

void
qatsec_asym_session_clear(void *priv)
{
	struct qatsec_asym_sess *s = priv;

	if (s == NULL)
		return;
	/* Other processes' caches keep their objects until evicted; they
	 * can never match again (the uid goes with the bytes).
	 */
	qatsec_asym_cache_drop(s);
	OPENSSL_cleanse(s, sizeof(*s));
}
