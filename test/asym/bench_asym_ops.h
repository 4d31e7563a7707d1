/* SPDX-License-Identifier: BSD-3-Clause
 * Part of bench_asym.c: the sessions and ops it measures.
 */
#ifndef BENCH_ASYM_OPS_H
#define BENCH_ASYM_OPS_H

struct bench {
	struct rte_cryptodev_asym_session *rsa, *ec, *mx;
	struct rte_crypto_op *op[5];
	struct buf key[8];
	EVP_PKEY *rsa_pk, *ec_pk;	/* the in-process EVP reference */
	uint8_t dg[32], sig[256], sig2[256], d[32], qx[32], qy[32], r[32],
		s[32], m[256], e[256], base[256], out[256];
};

static int
bench_make(struct bench *b)
{
	static const char *const names[8] = { OSSL_PKEY_PARAM_RSA_N,
		OSSL_PKEY_PARAM_RSA_E, OSSL_PKEY_PARAM_RSA_D,
		OSSL_PKEY_PARAM_RSA_FACTOR1, OSSL_PKEY_PARAM_RSA_FACTOR2,
		OSSL_PKEY_PARAM_RSA_EXPONENT1, OSSL_PKEY_PARAM_RSA_EXPONENT2,
		OSSL_PKEY_PARAM_RSA_COEFFICIENT1 };
	EVP_PKEY *pk = EVP_PKEY_Q_keygen(NULL, NULL, "RSA", (size_t)2048);
	struct rte_crypto_asym_xform x = { .xform_type =
		RTE_CRYPTO_ASYM_XFORM_RSA };
	struct rte_crypto_op *op;
	int i;

	for (i = 0; i < 8; i++) {
		BIGNUM *bn = NULL;

		EVP_PKEY_get_bn_param(pk, names[i], &bn);
		b->key[i].d = malloc(257);
		b->key[i].n = BN_bn2bin(bn, b->key[i].d);
		BN_free(bn);
	}
	b->rsa_pk = pk;
	b->ec_pk = EVP_PKEY_Q_keygen(NULL, NULL, "EC", "P-256");
	x.rsa.key_type = RTE_RSA_KEY_TYPE_QT;
	param(&x.rsa.n, &b->key[0]);
	param(&x.rsa.e, &b->key[1]);
	param(&x.rsa.qt.p, &b->key[3]);
	param(&x.rsa.qt.q, &b->key[4]);
	param(&x.rsa.qt.dP, &b->key[5]);
	param(&x.rsa.qt.dQ, &b->key[6]);
	param(&x.rsa.qt.qInv, &b->key[7]);
	b->rsa = sess_new(&x, NULL);
	memset(&x, 0, sizeof(x));
	x.xform_type = RTE_CRYPTO_ASYM_XFORM_ECDSA;
	x.ec.curve_id = RTE_CRYPTO_EC_GROUP_SECP256R1;
	b->ec = sess_new(&x, NULL);
	for (i = 0; i < 256; i++) {
		b->m[i] = (uint8_t)(i * 113 + 7);
		b->e[i] = (uint8_t)(i * 59 + 3);
		b->base[i] = (uint8_t)(i * 31 + 1);
	}
	b->m[0] |= 0x80;
	b->m[255] |= 1;
	b->e[0] |= 0x80;
	b->base[0] &= 0x7f;
	memset(&x, 0, sizeof(x));
	x.xform_type = RTE_CRYPTO_ASYM_XFORM_MODEX;
	x.modex.modulus.data = b->m;
	x.modex.modulus.length = 256;
	x.modex.exponent.data = b->e;
	x.modex.exponent.length = 256;
	b->mx = sess_new(&x, NULL);
	if (b->rsa == NULL || b->ec == NULL || b->mx == NULL)
		return -1;
	for (i = 0; i < 32; i++) {
		b->dg[i] = (uint8_t)(i * 7 + 1);
		b->d[i] = (uint8_t)(i * 11 + 5);
	}
	b->d[0] &= 0x7f;
	/* RSA sign, then verify of that signature. */
	op = b->op[0] = op_new(b->rsa);
	op->asym->rsa.op_type = RTE_CRYPTO_ASYM_OP_SIGN;
	op->asym->rsa.padding.type = RTE_CRYPTO_RSA_PADDING_PKCS1_5;
	op->asym->rsa.padding.hash = RTE_CRYPTO_AUTH_SHA256;
	op->asym->rsa.message.data = b->dg;
	op->asym->rsa.message.length = 32;
	op->asym->rsa.sign.data = b->sig;
	if (run(op) != 0)
		return -1;
	op = b->op[1] = op_new(b->rsa);
	*op->asym = *b->op[0]->asym;
	op->asym->rsa.op_type = RTE_CRYPTO_ASYM_OP_VERIFY;
	op->asym->rsa.sign.data = b->sig;
	op->asym->rsa.sign.length = 256;
	/* ECDSA sign (random k), then verify with Q = d G. */
	op = b->op[2] = op_new(b->ec);
	op->asym->ecdsa.op_type = RTE_CRYPTO_ASYM_OP_SIGN;
	op->asym->ecdsa.message.data = b->dg;
	op->asym->ecdsa.message.length = 32;
	op->asym->ecdsa.pkey.data = b->d;
	op->asym->ecdsa.pkey.length = 32;
	op->asym->ecdsa.r.data = b->r;
	op->asym->ecdsa.s.data = b->s;
	if (run(op) != 0)
		return -1;
	{
		struct rte_crypto_asym_xform xf = { .xform_type =
			RTE_CRYPTO_ASYM_XFORM_ECFPM };
		struct rte_cryptodev_asym_session *f;
		struct rte_crypto_op *o;

		xf.ec.curve_id = RTE_CRYPTO_EC_GROUP_SECP256R1;
		f = sess_new(&xf, NULL);
		o = op_new(f);
		o->asym->ecpm.scalar.data = b->d;
		o->asym->ecpm.scalar.length = 32;
		o->asym->ecpm.r.x.data = b->qx;
		o->asym->ecpm.r.y.data = b->qy;
		i = run(o);
		free(o);
		sess_free(f);
		if (i != 0)
			return -1;
	}
	op = b->op[3] = op_new(b->ec);
	op->asym->ecdsa.op_type = RTE_CRYPTO_ASYM_OP_VERIFY;
	op->asym->ecdsa.message.data = b->dg;
	op->asym->ecdsa.message.length = 32;
	op->asym->ecdsa.q.x.data = b->qx;
	op->asym->ecdsa.q.x.length = 32;
	op->asym->ecdsa.q.y.data = b->qy;
	op->asym->ecdsa.q.y.length = 32;
	op->asym->ecdsa.r.data = b->r;
	op->asym->ecdsa.r.length = 32;
	op->asym->ecdsa.s.data = b->s;
	op->asym->ecdsa.s.length = 32;
	op = b->op[4] = op_new(b->mx);
	op->asym->modex.base.data = b->base;
	op->asym->modex.base.length = 256;
	op->asym->modex.result.data = b->out;
	/* Each must succeed as measured (verify: the sign's outputs). */
	for (i = 1; i < 5; i++)
		if (run(b->op[i]) != 0)
			return -1;
	return 0;
}

/* What `openssl speed` does, in this process: EVP on a ready context. */
static double
rate_evp(struct bench *b, int i)
{
	EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new(i < 2 ? b->rsa_pk : b->ec_pk,
		NULL);
	uint8_t sig[300];
	size_t len = sizeof(sig);
	unsigned long n = 0;
	double t0, t;

	if (i == 0 || i == 2)
		EVP_PKEY_sign_init(ctx);
	else
		EVP_PKEY_verify_init(ctx);
	if (i < 2) {
		EVP_PKEY_CTX_set_rsa_padding(ctx, RSA_PKCS1_PADDING);
		EVP_PKEY_CTX_set_signature_md(ctx, EVP_sha256());
	}
	EVP_PKEY_sign_init(ctx);
	if (i < 2) {
		EVP_PKEY_CTX_set_rsa_padding(ctx, RSA_PKCS1_PADDING);
		EVP_PKEY_CTX_set_signature_md(ctx, EVP_sha256());
	}
	EVP_PKEY_sign(ctx, sig, &len, b->dg, 32);
	if (i == 1 || i == 3) {
		EVP_PKEY_verify_init(ctx);
		if (i == 1) {
			EVP_PKEY_CTX_set_rsa_padding(ctx, RSA_PKCS1_PADDING);
			EVP_PKEY_CTX_set_signature_md(ctx, EVP_sha256());
		}
	}
	t0 = now();
	do {
		for (int j = 0; j < 16; j++, n++) {
			size_t l = sizeof(sig);

			if ((i == 0 || i == 2) ? EVP_PKEY_sign(ctx, sig, &l,
					b->dg, 32) <= 0 : EVP_PKEY_verify(ctx,
					sig, len, b->dg, 32) != 1)
				n = 0;
		}
		t = now();
	} while (t - t0 < secs);
	EVP_PKEY_CTX_free(ctx);
	return n / (t - t0);
}

/* One interleaved round: each op on the engine, then its reference. */
static void
bench_round(struct bench *b, double *v, double *ref)
{
	for (int i = 0; i < 5; i++) {
		/* Outputs are rewritten in place each time: lengths reset. */
		b->op[0]->asym->rsa.sign.length = 0;
		v[i] = rate(b->op[i]);
		ref[i] = i < 4 ? rate_evp(b, i) :
			rate_modexp_bn(b->m, b->e, b->base);
	}
}

static void
bench_free(struct bench *b)
{
	for (int i = 0; i < 5; i++)
		free(b->op[i]);
	sess_free(b->rsa);
	sess_free(b->ec);
	sess_free(b->mx);
	for (int i = 0; i < 8; i++)
		free(b->key[i].d);
	EVP_PKEY_free(b->rsa_pk);
	EVP_PKEY_free(b->ec_pk);
}

#endif /* BENCH_ASYM_OPS_H */
