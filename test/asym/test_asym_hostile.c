/* SPDX-License-Identifier: BSD-3-Clause
 * Hostile input to the openssl_asym engine (no EAL): sessions it must
 * refuse, with the exact error; ops with bad fields (short or missing
 * output buffers, zero or out-of-range numbers, points off the curve,
 * foreign or missing sessions, wrong op types), each with the expected
 * error status; a process-local cache that never uses a key of a freed and
 * re-created session; two threads sharing sessions; then random sessions
 * and random ops (guard bytes after every output buffer) that must never
 * crash, never leave an op unprocessed and never write out of bounds.
 * A new seed each run, printed (give it as the argument to replay).
 */
#include <pthread.h>
#include <time.h>

#include <openssl/core_names.h>
#include <openssl/evp.h>

#include "asym_test.h"

#define ST_OK	RTE_CRYPTO_OP_STATUS_SUCCESS
#define ST_ARGS	RTE_CRYPTO_OP_STATUS_INVALID_ARGS
#define ST_SESS	RTE_CRYPTO_OP_STATUS_INVALID_SESSION
#define ST_ERR	RTE_CRYPTO_OP_STATUS_ERROR
#define ST_AUTH	RTE_CRYPTO_OP_STATUS_AUTH_FAILED

static uint64_t rng;

static uint64_t
rand64(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

static void
fill(uint8_t *b, size_t n)
{
	for (size_t i = 0; i < n; i++)
		b[i] = (uint8_t)rand64();
}

/* An RSA key as DPDK numbers: n e d p q dP dQ qInv. */
struct rkey {
	struct buf v[8];
};

static void
rkey_make(struct rkey *k, unsigned int bits)
{
	static const char *const names[8] = { OSSL_PKEY_PARAM_RSA_N,
		OSSL_PKEY_PARAM_RSA_E, OSSL_PKEY_PARAM_RSA_D,
		OSSL_PKEY_PARAM_RSA_FACTOR1, OSSL_PKEY_PARAM_RSA_FACTOR2,
		OSSL_PKEY_PARAM_RSA_EXPONENT1, OSSL_PKEY_PARAM_RSA_EXPONENT2,
		OSSL_PKEY_PARAM_RSA_COEFFICIENT1 };
	EVP_PKEY *pk = EVP_PKEY_Q_keygen(NULL, NULL, "RSA", (size_t)bits);

	for (int i = 0; i < 8; i++) {
		BIGNUM *bn = NULL;

		EVP_PKEY_get_bn_param(pk, names[i], &bn);
		k->v[i].d = malloc(bits / 8 + 1);
		k->v[i].n = BN_bn2bin(bn, k->v[i].d);
		BN_free(bn);
	}
	EVP_PKEY_free(pk);
}

static void
rsa_x(struct rte_crypto_asym_xform *x, const struct rkey *k, bool qt,
	bool pub_only)
{
	memset(x, 0, sizeof(*x));
	x->xform_type = RTE_CRYPTO_ASYM_XFORM_RSA;
	param(&x->rsa.n, &k->v[0]);
	param(&x->rsa.e, &k->v[1]);
	x->rsa.key_type = qt ? RTE_RSA_KEY_TYPE_QT : RTE_RSA_KEY_TYPE_EXP;
	if (pub_only)
		return;
	if (!qt) {
		param(&x->rsa.d, &k->v[2]);
		return;
	}
	param(&x->rsa.qt.p, &k->v[3]);
	param(&x->rsa.qt.q, &k->v[4]);
	param(&x->rsa.qt.dP, &k->v[5]);
	param(&x->rsa.qt.dQ, &k->v[6]);
	param(&x->rsa.qt.qInv, &k->v[7]);
}

/* The engine's status for one op prepared by the caller on session s. */
static int
st_of(struct rte_cryptodev_asym_session *s, struct rte_crypto_asym_op *a)
{
	struct rte_crypto_op *op = op_new(s);
	int st;

	*op->asym = *a;
	op->asym->session = s;
	st = run(op);
	*a = *op->asym;
	free(op);
	return st;
}

#include "test_asym_hostile_cases.h"
#include "test_asym_hostile_fuzz.h"

int
main(int argc, char **argv)
{
	struct rkey k1, k2;
	uint64_t seed;
#ifdef ASYM_DEV
	int n = rte_eal_init(argc, argv);

	if (n < 0) {
		tap_bail("EAL init failed");
		return 1;
	}
	argc -= n;
	argv += n;
#endif
	seed = argc > 1 ? strtoull(argv[1], NULL, 0) :
		((uint64_t)time(NULL) << 20) ^ (uint64_t)clock();

	rng = seed | 1;
	printf("# seed %" PRIu64 "\n", seed);
	if (eng_init() != 0) {
		tap_bail("openssl_asym engine or device missing");
		return 1;
	}
	rkey_make(&k1, 1024);
	rkey_make(&k2, 1024);
	refusals(&k1);
	bad_ops(&k1);
	cache_reuse(&k1, &k2);
#ifndef ASYM_DEV
	/* One queue pair is one thread's: threads share sessions only here. */
	threads(&k1);
#endif
	fuzz_sessions();
	fuzz_ops(&k1);
	for (int i = 0; i < 8; i++) {
		free(k1.v[i].d);
		free(k2.v[i].d);
	}
	return tap_done();
}
