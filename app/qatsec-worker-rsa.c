/* SPDX-License-Identifier: BSD-3-Clause
 * qatsec-worker's asymmetric part: what an [SSL] section is for beside its
 * bulk cipher. RSA-2048 PKCS#1 v1.5 signatures of SHA-256 digests made by
 * the claimed section's device with a CRT private key, each verified by
 * OpenSSL against the public key.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/rsa.h>

#include <rte_crypto.h>
#include <rte_cryptodev.h>
#include <rte_mempool.h>
#include <rte_random.h>

#include "qatsec-worker.h"

#define RSA_BYTES	256	/* RSA-2048 */
#define DIGEST_BYTES	32	/* SHA-256 */

struct worker_rsa {
	EVP_PKEY *pkey;
	struct rte_mempool *sess_pool, *op_pool;
	void *sess;
	/* The key as the xform carries it, big-endian. */
	uint8_t n[RSA_BYTES], e[8], p[RSA_BYTES / 2], q[RSA_BYTES / 2];
	uint8_t dp[RSA_BYTES / 2], dq[RSA_BYTES / 2], qinv[RSA_BYTES / 2];
	size_t e_len;
};

static int
key_part(const EVP_PKEY *k, const char *name, uint8_t *out, size_t len)
{
	BIGNUM *bn = NULL;
	int ok;

	if (!EVP_PKEY_get_bn_param(k, name, &bn))
		return -1;
	ok = BN_bn2binpad(bn, out, (int)len) == (int)len;
	BN_free(bn);
	return ok ? 0 : -1;
}

static int
key_make(struct worker_rsa *r)
{
	r->pkey = EVP_RSA_gen(RSA_BYTES * 8);
	r->e_len = 3;	/* 65537 */
	if (r->pkey == NULL ||
			key_part(r->pkey, OSSL_PKEY_PARAM_RSA_N, r->n, RSA_BYTES) ||
			key_part(r->pkey, OSSL_PKEY_PARAM_RSA_E, r->e, r->e_len) ||
			key_part(r->pkey, OSSL_PKEY_PARAM_RSA_FACTOR1, r->p,
				sizeof(r->p)) ||
			key_part(r->pkey, OSSL_PKEY_PARAM_RSA_FACTOR2, r->q,
				sizeof(r->q)) ||
			key_part(r->pkey, OSSL_PKEY_PARAM_RSA_EXPONENT1, r->dp,
				sizeof(r->dp)) ||
			key_part(r->pkey, OSSL_PKEY_PARAM_RSA_EXPONENT2, r->dq,
				sizeof(r->dq)) ||
			key_part(r->pkey, OSSL_PKEY_PARAM_RSA_COEFFICIENT1,
				r->qinv, sizeof(r->qinv)))
		return -1;
	return 0;
}

#define NUM(p, len) { .data = (p), .length = (len) }

static int
session_make(struct worker_rsa *r, int dev_id, uint32_t tag)
{
	struct rte_crypto_asym_xform x = {
		.xform_type = RTE_CRYPTO_ASYM_XFORM_RSA,
		.rsa = {
			.n = NUM(r->n, RSA_BYTES), .e = NUM(r->e, r->e_len),
			.key_type = RTE_RSA_KEY_TYPE_QT,
			.qt = { .p = NUM(r->p, sizeof(r->p)),
				.q = NUM(r->q, sizeof(r->q)),
				.dP = NUM(r->dp, sizeof(r->dp)),
				.dQ = NUM(r->dq, sizeof(r->dq)),
				.qInv = NUM(r->qinv, sizeof(r->qinv)) },
		},
	};
	char name[RTE_MEMPOOL_NAMESIZE];

	snprintf(name, sizeof(name), "wk%08x_as", tag);
	r->sess_pool = rte_cryptodev_asym_session_pool_create(name, 4, 0, 0,
		SOCKET_ID_ANY);
	snprintf(name, sizeof(name), "wk%08x_ao", tag);
	r->op_pool = rte_crypto_op_pool_create(name,
		RTE_CRYPTO_OP_TYPE_ASYMMETRIC, 16, 0, 0, SOCKET_ID_ANY);
	if (r->sess_pool == NULL || r->op_pool == NULL)
		return -1;
	return rte_cryptodev_asym_session_create(dev_id, &x, r->sess_pool,
		&r->sess);
}

struct worker_rsa *
worker_rsa_new(int dev_id, uint32_t tag)
{
	struct worker_rsa *r = calloc(1, sizeof(*r));

	if (r == NULL)
		return NULL;
	if (key_make(r) < 0 || session_make(r, dev_id, tag) < 0) {
		fprintf(stderr, "qatsec-worker: no RSA-2048 session on device %d: does the section serve asymmetric crypto?\n",
			dev_id);
		worker_rsa_free(r, dev_id);
		return NULL;
	}
	return r;
}

/* OpenSSL's verdict on sig: 0 when it is the PKCS#1 v1.5 signature of the
 * SHA-256 digest md under r's key.
 */
static int
verify(const struct worker_rsa *r, const uint8_t *md, const uint8_t *sig)
{
	EVP_PKEY_CTX *c = EVP_PKEY_CTX_new(r->pkey, NULL);
	int ok = c != NULL && EVP_PKEY_verify_init(c) == 1 &&
		EVP_PKEY_CTX_set_rsa_padding(c, RSA_PKCS1_PADDING) == 1 &&
		EVP_PKEY_CTX_set_signature_md(c, EVP_sha256()) == 1 &&
		EVP_PKEY_verify(c, sig, RSA_BYTES, md, DIGEST_BYTES) == 1;

	EVP_PKEY_CTX_free(c);
	return ok ? 0 : -1;
}

int
worker_rsa_sign_check(struct worker_rsa *r, int dev_id, uint16_t qp)
{
	uint8_t md[DIGEST_BYTES], sig[RSA_BYTES];
	struct rte_crypto_op *op, *done = NULL;
	unsigned int i, spins;
	int ret = -1;

	op = rte_crypto_op_alloc(r->op_pool, RTE_CRYPTO_OP_TYPE_ASYMMETRIC);
	if (op == NULL)
		return -1;
	for (i = 0; i < sizeof(md); i++)
		md[i] = (uint8_t)rte_rand();
	rte_crypto_op_attach_asym_session(op, r->sess);
	op->asym->rsa.op_type = RTE_CRYPTO_ASYM_OP_SIGN;
	op->asym->rsa.message = (rte_crypto_param){ .data = md,
		.length = sizeof(md) };
	op->asym->rsa.sign = (rte_crypto_param){ .data = sig,
		.length = sizeof(sig) };
	op->asym->rsa.padding.type = RTE_CRYPTO_RSA_PADDING_PKCS1_5;
	op->asym->rsa.padding.hash = RTE_CRYPTO_AUTH_SHA256;
	if (rte_cryptodev_enqueue_burst(dev_id, qp, &op, 1) == 1) {
		for (spins = 0; done == NULL && spins < (1u << 24); spins++)
			rte_cryptodev_dequeue_burst(dev_id, qp, &done, 1);
		if (done == op)
			ret = op->status == RTE_CRYPTO_OP_STATUS_SUCCESS &&
				verify(r, md, sig) == 0 ? 0 : 1;
	}
	rte_crypto_op_free(op);
	return ret;
}

void
worker_rsa_free(struct worker_rsa *r, int dev_id)
{
	if (r == NULL)
		return;
	if (r->sess != NULL)
		rte_cryptodev_asym_session_free(dev_id, r->sess);
	rte_mempool_free(r->op_pool);
	rte_mempool_free(r->sess_pool);
	EVP_PKEY_free(r->pkey);
	free(r);
}
