/* SPDX-License-Identifier: BSD-3-Clause
 * Part of asym_perf.c: the keys (made by OpenSSL), the sessions and ops it
 * measures, the check of every op's result, and the in-process OpenSSL
 * ceiling of each op (what an OpenSSL-backed engine cannot beat).
 */
#ifndef ASYM_PERF_H
#define ASYM_PERF_H

#include <openssl/ecdsa.h>

static double now(void);

enum { OP_RSA_SIGN, OP_RSA_VERIFY, OP_MODEX, OP_EC_SIGN, OP_EC_VERIFY,
	NB_OPS };
enum { DEV_QATSEC, DEV_OPENSSL, DEV_CEIL, NB_DEVS };
#define PERF_BURST_MAX 64

static const char *const perf_op_names[NB_OPS] = { "rsa2048-sign-crt",
	"rsa2048-verify", "modexp-2048", "ecdsa-p256-sign",
	"ecdsa-p256-verify" };

struct perf_dev {
	const char *label, *driver;	/* driver NULL: the ceiling */
	int id;
	unsigned int depth;
	bool started;
	void *sess[NB_OPS];
	const char *why[NB_OPS];	/* not NULL: op not measured */
	char whybuf[NB_OPS][80];
};

struct perf_result {
	unsigned long ops, enq, deq, failed;
	double secs, rate, cpu, cpu_rate;	/* wall, thread CPU */
};

/* Each op's own output buffers, in its private area. */
struct perf_slot {
	uint8_t out[256], r[32], s[32];
};

struct perf_keys {
	EVP_PKEY *rsa, *ec;
	uint8_t rk[8][256];	/* n e d p q dP dQ qInv */
	size_t rl[8];
	uint8_t msg[32], rsa_sig[256];
	uint8_t ec_d[32], ec_qx[32], ec_qy[32], ec_r[32], ec_s[32];
	uint8_t ec_der[80];
	size_t ec_der_len;
	uint8_t mod[256], exp[256], base[256], mx_ref[256];
	size_t mx_ref_len;
	/* Ceiling: RSA sign, RSA verify, ECDSA sign, ECDSA verify. */
	EVP_PKEY_CTX *ctx[4];
	BIGNUM *M, *E, *B, *R;
	BN_CTX *bn;
	BN_MONT_CTX *mont;
};

static inline bool
perf_op_is_ecdsa(unsigned int w)
{
	return w == OP_EC_SIGN || w == OP_EC_VERIFY;
}

static inline struct perf_slot *
perf_slot_of(struct rte_crypto_op *op)
{
	return (struct perf_slot *)((uint8_t *)(op + 1) +
		sizeof(struct rte_crypto_asym_op));
}

static int
perf_keys_rsa(struct perf_keys *k)
{
	static const char *const names[8] = { OSSL_PKEY_PARAM_RSA_N,
		OSSL_PKEY_PARAM_RSA_E, OSSL_PKEY_PARAM_RSA_D,
		OSSL_PKEY_PARAM_RSA_FACTOR1, OSSL_PKEY_PARAM_RSA_FACTOR2,
		OSSL_PKEY_PARAM_RSA_EXPONENT1, OSSL_PKEY_PARAM_RSA_EXPONENT2,
		OSSL_PKEY_PARAM_RSA_COEFFICIENT1 };
	size_t len = sizeof(k->rsa_sig);

	k->rsa = EVP_PKEY_Q_keygen(NULL, NULL, "RSA", (size_t)2048);
	if (k->rsa == NULL)
		return -1;
	for (int i = 0; i < 8; i++) {
		BIGNUM *bn = NULL;

		if (EVP_PKEY_get_bn_param(k->rsa, names[i], &bn) != 1)
			return -1;
		k->rl[i] = BN_bn2bin(bn, k->rk[i]);
		BN_free(bn);
	}
	/* PKCS#1 v1.5 on the bytes as given, no DigestInfo: what `openssl
	 * speed rsa2048` signs and what crypto_openssl 22.11 does.
	 */
	k->ctx[0] = EVP_PKEY_CTX_new(k->rsa, NULL);
	k->ctx[1] = EVP_PKEY_CTX_new(k->rsa, NULL);
	if (k->ctx[0] == NULL || k->ctx[1] == NULL ||
			EVP_PKEY_sign_init(k->ctx[0]) != 1 ||
			EVP_PKEY_CTX_set_rsa_padding(k->ctx[0],
				RSA_PKCS1_PADDING) != 1 ||
			EVP_PKEY_sign(k->ctx[0], k->rsa_sig, &len, k->msg,
				sizeof(k->msg)) != 1 || len != 256 ||
			EVP_PKEY_verify_init(k->ctx[1]) != 1 ||
			EVP_PKEY_CTX_set_rsa_padding(k->ctx[1],
				RSA_PKCS1_PADDING) != 1)
		return -1;
	return 0;
}

static int
perf_keys_ec(struct perf_keys *k)
{
	static const char *const names[3] = { OSSL_PKEY_PARAM_PRIV_KEY,
		OSSL_PKEY_PARAM_EC_PUB_X, OSSL_PKEY_PARAM_EC_PUB_Y };
	uint8_t *dst[3] = { k->ec_d, k->ec_qx, k->ec_qy };
	const unsigned char *p = k->ec_der;
	const BIGNUM *r, *s;
	ECDSA_SIG *sig;

	k->ec = EVP_PKEY_Q_keygen(NULL, NULL, "EC", "P-256");
	if (k->ec == NULL)
		return -1;
	for (int i = 0; i < 3; i++) {
		BIGNUM *bn = NULL;

		if (EVP_PKEY_get_bn_param(k->ec, names[i], &bn) != 1 ||
				BN_bn2binpad(bn, dst[i], 32) != 32) {
			BN_free(bn);
			return -1;
		}
		BN_free(bn);
	}
	k->ec_der_len = sizeof(k->ec_der);
	k->ctx[2] = EVP_PKEY_CTX_new(k->ec, NULL);
	k->ctx[3] = EVP_PKEY_CTX_new(k->ec, NULL);
	if (k->ctx[2] == NULL || k->ctx[3] == NULL ||
			EVP_PKEY_sign_init(k->ctx[2]) != 1 ||
			EVP_PKEY_sign(k->ctx[2], k->ec_der, &k->ec_der_len,
				k->msg, sizeof(k->msg)) != 1 ||
			EVP_PKEY_verify_init(k->ctx[3]) != 1)
		return -1;
	sig = d2i_ECDSA_SIG(NULL, &p, (long)k->ec_der_len);
	if (sig == NULL)
		return -1;
	ECDSA_SIG_get0(sig, &r, &s);
	BN_bn2binpad(r, k->ec_r, 32);
	BN_bn2binpad(s, k->ec_s, 32);
	ECDSA_SIG_free(sig);
	return 0;
}

/* Modexp operands as qatsec-asym-bench has them: odd 2048-bit modulus,
 * full 2048-bit exponent, base below the modulus.
 */
static int
perf_keys_modexp(struct perf_keys *k)
{
	for (int i = 0; i < 256; i++) {
		k->mod[i] = (uint8_t)(i * 113 + 7);
		k->exp[i] = (uint8_t)(i * 59 + 3);
		k->base[i] = (uint8_t)(i * 31 + 1);
	}
	k->mod[0] |= 0x80;
	k->mod[255] |= 1;
	k->exp[0] |= 0x80;
	k->base[0] &= 0x7f;
	k->M = BN_bin2bn(k->mod, 256, NULL);
	k->E = BN_bin2bn(k->exp, 256, NULL);
	k->B = BN_bin2bn(k->base, 256, NULL);
	k->R = BN_new();
	k->bn = BN_CTX_new();
	k->mont = BN_MONT_CTX_new();
	if (k->M == NULL || k->E == NULL || k->B == NULL || k->R == NULL ||
			k->bn == NULL || k->mont == NULL)
		return -1;
	BN_set_flags(k->E, BN_FLG_CONSTTIME);
	if (BN_MONT_CTX_set(k->mont, k->M, k->bn) != 1 ||
			BN_mod_exp_mont_consttime(k->R, k->B, k->E, k->M, k->bn,
				k->mont) != 1)
		return -1;
	k->mx_ref_len = BN_bn2bin(k->R, k->mx_ref);
	return 0;
}

static int
perf_keys_make(struct perf_keys *k)
{
	memset(k, 0, sizeof(*k));
	for (int i = 0; i < 32; i++)
		k->msg[i] = (uint8_t)(i * 7 + 1);
	return perf_keys_rsa(k) || perf_keys_ec(k) || perf_keys_modexp(k) ?
		-1 : 0;
}

static void
perf_keys_free(struct perf_keys *k)
{
	for (int i = 0; i < 4; i++)
		EVP_PKEY_CTX_free(k->ctx[i]);
	EVP_PKEY_free(k->rsa);
	EVP_PKEY_free(k->ec);
	BN_free(k->M);
	BN_free(k->E);
	BN_free(k->B);
	BN_free(k->R);
	BN_CTX_free(k->bn);
	BN_MONT_CTX_free(k->mont);
}

static void
perf_param(rte_crypto_param *p, uint8_t *d, size_t n)
{
	p->data = d;
	p->length = n;
}

/* The session of op w on d, or d->why[w] saying why not. */
static void
perf_session(struct perf_dev *d, unsigned int w, struct rte_mempool *mp,
	struct perf_keys *k)
{
	struct rte_crypto_asym_xform x = { .xform_type = w == OP_MODEX ?
		RTE_CRYPTO_ASYM_XFORM_MODEX : perf_op_is_ecdsa(w) ?
		RTE_CRYPTO_ASYM_XFORM_ECDSA : RTE_CRYPTO_ASYM_XFORM_RSA };
	struct rte_cryptodev_asym_capability_idx idx = { .type = x.xform_type };
	const struct rte_cryptodev_asymmetric_xform_capability *cap;
	enum rte_crypto_asym_op_type t = (w == OP_RSA_SIGN ||
		w == OP_EC_SIGN) ? RTE_CRYPTO_ASYM_OP_SIGN :
		RTE_CRYPTO_ASYM_OP_VERIFY;
	int r;

	cap = rte_cryptodev_asym_capability_get(d->id, &idx);
	if (cap == NULL || (w != OP_MODEX &&
			!rte_cryptodev_asym_xform_capability_check_optype(cap,
				t)) || (w == OP_MODEX &&
			rte_cryptodev_asym_xform_capability_check_modlen(cap,
				256) != 0)) {
		snprintf(d->whybuf[w], sizeof(d->whybuf[w]), "%s has no "
			"capability for it", d->driver);
		d->why[w] = d->whybuf[w];
		return;
	}
	if (x.xform_type == RTE_CRYPTO_ASYM_XFORM_RSA) {
		x.rsa.key_type = RTE_RSA_KEY_TYPE_QT;
		perf_param(&x.rsa.n, k->rk[0], k->rl[0]);
		perf_param(&x.rsa.e, k->rk[1], k->rl[1]);
		perf_param(&x.rsa.qt.p, k->rk[3], k->rl[3]);
		perf_param(&x.rsa.qt.q, k->rk[4], k->rl[4]);
		perf_param(&x.rsa.qt.dP, k->rk[5], k->rl[5]);
		perf_param(&x.rsa.qt.dQ, k->rk[6], k->rl[6]);
		perf_param(&x.rsa.qt.qInv, k->rk[7], k->rl[7]);
	} else if (x.xform_type == RTE_CRYPTO_ASYM_XFORM_MODEX) {
		perf_param(&x.modex.modulus, k->mod, 256);
		perf_param(&x.modex.exponent, k->exp, 256);
	} else {
		x.ec.curve_id = RTE_CRYPTO_EC_GROUP_SECP256R1;
	}
	r = rte_cryptodev_asym_session_create(d->id, &x, mp, &d->sess[w]);
	if (r != 0) {
		/* 22.11 keeps the pool's object when the PMD refuses. */
		if (r != -ENOMEM && d->sess[w] != NULL)
			rte_cryptodev_asym_session_free(d->id, d->sess[w]);
		d->sess[w] = NULL;
		snprintf(d->whybuf[w], sizeof(d->whybuf[w]), "session "
			"refused (%d)", r);
		d->why[w] = d->whybuf[w];
	}
}

static void
perf_op_fill(struct rte_crypto_op *op, unsigned int w, void *sess,
	struct perf_keys *k)
{
	struct perf_slot *sl = perf_slot_of(op);
	struct rte_crypto_asym_op *a = op->asym;

	op->type = RTE_CRYPTO_OP_TYPE_ASYMMETRIC;
	op->sess_type = RTE_CRYPTO_OP_WITH_SESSION;
	op->status = RTE_CRYPTO_OP_STATUS_NOT_PROCESSED;
	memset(a, 0, sizeof(*a));
	a->session = sess;
	switch (w) {
	case OP_RSA_SIGN:
	case OP_RSA_VERIFY:
		a->rsa.op_type = w == OP_RSA_SIGN ? RTE_CRYPTO_ASYM_OP_SIGN :
			RTE_CRYPTO_ASYM_OP_VERIFY;
		a->rsa.padding.type = RTE_CRYPTO_RSA_PADDING_PKCS1_5;
		perf_param(&a->rsa.message, k->msg, sizeof(k->msg));
		perf_param(&a->rsa.sign, w == OP_RSA_SIGN ? sl->out :
			k->rsa_sig, w == OP_RSA_SIGN ? 0 : 256);
		break;
	case OP_MODEX:
		perf_param(&a->modex.base, k->base, 256);
		perf_param(&a->modex.result, sl->out, 256);
		break;
	case OP_EC_SIGN:
		a->ecdsa.op_type = RTE_CRYPTO_ASYM_OP_SIGN;
		perf_param(&a->ecdsa.message, k->msg, sizeof(k->msg));
		perf_param(&a->ecdsa.pkey, k->ec_d, 32);
		perf_param(&a->ecdsa.r, sl->r, 32);
		perf_param(&a->ecdsa.s, sl->s, 32);
		break;
	default:
		a->ecdsa.op_type = RTE_CRYPTO_ASYM_OP_VERIFY;
		perf_param(&a->ecdsa.message, k->msg, sizeof(k->msg));
		perf_param(&a->ecdsa.q.x, k->ec_qx, 32);
		perf_param(&a->ecdsa.q.y, k->ec_qy, 32);
		perf_param(&a->ecdsa.r, k->ec_r, 32);
		perf_param(&a->ecdsa.s, k->ec_s, 32);
		break;
	}
}

static bool
perf_num_eq(const uint8_t *a, size_t al, const uint8_t *b, size_t bl)
{
	for (; al > 0 && *a == 0; al--)
		a++;
	for (; bl > 0 && *b == 0; bl--)
		b++;
	return al == bl && (al == 0 || memcmp(a, b, al) == 0);
}

/* An ECDSA signature from a device, checked by OpenSSL. */
static bool
perf_ec_sig_ok(const struct rte_crypto_asym_op *a, struct perf_keys *k)
{
	ECDSA_SIG *sig = ECDSA_SIG_new();
	BIGNUM *r = BN_bin2bn(a->ecdsa.r.data, a->ecdsa.r.length, NULL);
	BIGNUM *s = BN_bin2bn(a->ecdsa.s.data, a->ecdsa.s.length, NULL);
	unsigned char der[80], *p = der;
	bool ok = false;
	int n;

	if (sig != NULL && r != NULL && s != NULL &&
			ECDSA_SIG_set0(sig, r, s) == 1) {
		r = s = NULL;
		n = i2d_ECDSA_SIG(sig, NULL);
		if (n > 0 && n <= (int)sizeof(der) &&
				i2d_ECDSA_SIG(sig, &p) == n)
			ok = EVP_PKEY_verify(k->ctx[3], der, n, k->msg,
				sizeof(k->msg)) == 1;
	}
	BN_free(r);
	BN_free(s);
	ECDSA_SIG_free(sig);
	return ok;
}

/* 0 if op w came back good: status, and for RSA sign and modexp (every
 * op) and ECDSA sign (the first) the result itself.
 */
static int
perf_op_check(struct rte_crypto_op *op, unsigned int w, struct perf_keys *k,
	bool first)
{
	static unsigned int shown;
	const struct rte_crypto_asym_op *a = op->asym;
	const char *bad = NULL;

	if (op->status != RTE_CRYPTO_OP_STATUS_SUCCESS)
		bad = "status";
	else if (w == OP_RSA_SIGN && (a->rsa.sign.length != 256 ||
			memcmp(a->rsa.sign.data, k->rsa_sig, 256) != 0))
		bad = "signature differs from OpenSSL's";
	else if (w == OP_MODEX && !perf_num_eq(a->modex.result.data,
			a->modex.result.length, k->mx_ref, k->mx_ref_len))
		bad = "result differs from OpenSSL's";
	else if (w == OP_EC_SIGN && first && !perf_ec_sig_ok(a, k))
		bad = "signature rejected by OpenSSL";
	if (bad == NULL)
		return 0;
	if (shown++ < 8)
		printf("# %s: op failed: %s (status %d)\n", perf_op_names[w],
			bad, op->status);
	return -1;
}

/* The same op on OpenSSL in this process, for secs. */
static void
perf_ceiling(unsigned int w, struct perf_keys *k, double secs,
	struct perf_result *res)
{
	uint8_t out[256];
	double t0 = now(), t;
	int ok;

	memset(res, 0, sizeof(*res));
	do {
		for (int i = 0; i < 8; i++) {
			size_t l = sizeof(out);

			switch (w) {
			case OP_RSA_SIGN:
			case OP_EC_SIGN:
				ok = EVP_PKEY_sign(k->ctx[w == OP_RSA_SIGN ? 0 :
					2], out, &l, k->msg, sizeof(k->msg));
				break;
			case OP_RSA_VERIFY:
				ok = EVP_PKEY_verify(k->ctx[1], k->rsa_sig,
					256, k->msg, sizeof(k->msg));
				break;
			case OP_EC_VERIFY:
				ok = EVP_PKEY_verify(k->ctx[3], k->ec_der,
					k->ec_der_len, k->msg, sizeof(k->msg));
				break;
			default:
				ok = BN_mod_exp_mont_consttime(k->R, k->B, k->E,
					k->M, k->bn, k->mont);
				break;
			}
			res->ops++;
			res->failed += ok != 1;
		}
		t = now();
	} while (t - t0 < secs);
	res->enq = res->deq = res->ops;
	res->secs = t - t0;
}

#endif /* ASYM_PERF_H */
