/* SPDX-License-Identifier: BSD-3-Clause
 * The openssl_asym engine against DPDK's own crypto_openssl PMD (a real
 * vdev, through rte_cryptodev) on random inputs: RSA (1024..4096-bit keys
 * made by OpenSSL; exponent and CRT sessions; PKCS#1 v1.5 signatures
 * byte-equal, each side verifying and decrypting the other's), RSA without
 * padding, modexp (1..1024-byte odd and even moduli), modinv, DSA (each
 * side verifies the other's signatures), DH (public keys and shared
 * secrets equal). Also OAEP and PSS against OpenSSL's EVP directly, which
 * crypto_openssl lacks. A new seed each run, printed for replay (argument
 * after "--").
 */
#include <time.h>

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/rsa.h>

#include <rte_cryptodev.h>
#include <rte_eal.h>
#include <rte_lcore.h>
#include <rte_random.h>

#include "asym_test.h"

static uint8_t ref_dev;
static struct rte_mempool *sess_mp, *op_mp;

static int
ref_init(void)
{
	struct rte_cryptodev_config conf = { .socket_id = SOCKET_ID_ANY,
		.nb_queue_pairs = 1 };
	struct rte_cryptodev_qp_conf qp = { .nb_descriptors = 64 };
	int id = rte_cryptodev_get_dev_id("crypto_openssl");

	if (id < 0)
		return -1;
	ref_dev = (uint8_t)id;
	sess_mp = rte_cryptodev_asym_session_pool_create("asym_diff_sess", 128,
		0, 0, SOCKET_ID_ANY);
	op_mp = rte_crypto_op_pool_create("asym_diff_op",
		RTE_CRYPTO_OP_TYPE_ASYMMETRIC, 64, 0, 0, SOCKET_ID_ANY);
	if (sess_mp == NULL || op_mp == NULL ||
			rte_cryptodev_configure(ref_dev, &conf) != 0 ||
			rte_cryptodev_queue_pair_setup(ref_dev, 0, &qp,
				SOCKET_ID_ANY) != 0 ||
			rte_cryptodev_start(ref_dev) != 0)
		return -1;
	return 0;
}

static void *
ref_sess(struct rte_crypto_asym_xform *x)
{
	void *s = NULL;

	if (rte_cryptodev_asym_session_create(ref_dev, x, sess_mp, &s) != 0)
		return NULL;
	return s;
}

static void
ref_free(void *s)
{
	if (s != NULL)
		rte_cryptodev_asym_session_free(ref_dev, s);
}

/* Run a (its session aside) on crypto_openssl; a gets the results. */
static int
ref_run(void *s, struct rte_crypto_asym_op *a)
{
	struct rte_crypto_op *op = rte_crypto_op_alloc(op_mp,
		RTE_CRYPTO_OP_TYPE_ASYMMETRIC), *got = NULL;
	int st;

	if (op == NULL || s == NULL) {
		rte_crypto_op_free(op);
		return -1;
	}
	*op->asym = *a;
	rte_crypto_op_attach_asym_session(op, s);
	if (rte_cryptodev_enqueue_burst(ref_dev, 0, &op, 1) != 1) {
		rte_crypto_op_free(op);
		return -1;
	}
	while (rte_cryptodev_dequeue_burst(ref_dev, 0, &got, 1) == 0)
		;
	st = got->status;
	*a = *got->asym;
	rte_crypto_op_free(got);
	return st;
}

static int
eng_run(struct rte_cryptodev_asym_session *s, struct rte_crypto_asym_op *a)
{
	struct rte_crypto_op *op = op_new(s);
	int st;

	if (s == NULL) {
		free(op);
		return -1;
	}
	*op->asym = *a;
	op->asym->session = s;
	st = run(op);
	*a = *op->asym;
	free(op);
	return st;
}

static void
rnd(uint8_t *b, size_t n)
{
	memset(b, 0, n);
	for (size_t i = 0; i < n; i++)
		b[i] = (uint8_t)rte_rand();
}

/* RSA ------------------------------------------------------------------- */

struct rsa_key {
	EVP_PKEY *pk;
	struct buf n[8];	/* n e d p q dP dQ qInv */
	size_t k;
};

static void
rsa_key_make(struct rsa_key *key, unsigned int bits)
{
	static const char *const names[8] = { OSSL_PKEY_PARAM_RSA_N,
		OSSL_PKEY_PARAM_RSA_E, OSSL_PKEY_PARAM_RSA_D,
		OSSL_PKEY_PARAM_RSA_FACTOR1, OSSL_PKEY_PARAM_RSA_FACTOR2,
		OSSL_PKEY_PARAM_RSA_EXPONENT1, OSSL_PKEY_PARAM_RSA_EXPONENT2,
		OSSL_PKEY_PARAM_RSA_COEFFICIENT1 };
	BIGNUM *bn;

	key->pk = EVP_PKEY_Q_keygen(NULL, NULL, "RSA", (size_t)bits);
	for (int i = 0; i < 8; i++) {
		bn = NULL;
		EVP_PKEY_get_bn_param(key->pk, names[i], &bn);
		key->n[i].d = malloc(bits / 8 + 1);
		key->n[i].n = BN_bn2bin(bn, key->n[i].d);
		BN_free(bn);
	}
	key->k = key->n[0].n;
}

static void
rsa_xform(struct rte_crypto_asym_xform *x, const struct rsa_key *key, bool qt)
{
	memset(x, 0, sizeof(*x));
	x->xform_type = RTE_CRYPTO_ASYM_XFORM_RSA;
	param(&x->rsa.n, &key->n[0]);
	param(&x->rsa.e, &key->n[1]);
	x->rsa.key_type = qt ? RTE_RSA_KEY_TYPE_QT : RTE_RSA_KEY_TYPE_EXP;
	if (!qt) {
		param(&x->rsa.d, &key->n[2]);
		return;
	}
	param(&x->rsa.qt.p, &key->n[3]);
	param(&x->rsa.qt.q, &key->n[4]);
	param(&x->rsa.qt.dP, &key->n[5]);
	param(&x->rsa.qt.dQ, &key->n[6]);
	param(&x->rsa.qt.qInv, &key->n[7]);
}

static void
rsa_op(struct rte_crypto_asym_op *a, enum rte_crypto_asym_op_type t,
	enum rte_crypto_rsa_padding_type pad, uint8_t *msg, size_t mlen,
	uint8_t *out, size_t olen)
{
	memset(a, 0, sizeof(*a));
	a->rsa.op_type = t;
	a->rsa.padding.type = pad;
	switch (t) {
	case RTE_CRYPTO_ASYM_OP_SIGN:
		a->rsa.message.data = msg;
		a->rsa.message.length = mlen;
		a->rsa.sign.data = out;
		break;
	case RTE_CRYPTO_ASYM_OP_VERIFY:
		a->rsa.message.data = msg;
		a->rsa.message.length = mlen;
		a->rsa.sign.data = out;
		a->rsa.sign.length = olen;
		break;
	case RTE_CRYPTO_ASYM_OP_ENCRYPT:
		a->rsa.message.data = msg;
		a->rsa.message.length = mlen;
		a->rsa.cipher.data = out;
		break;
	default:
		a->rsa.cipher.data = out;
		a->rsa.cipher.length = olen;
		a->rsa.message.data = msg;
		break;
	}
}

/* One key: returns the number of disagreements. */
static unsigned int
rsa_one(const struct rsa_key *key)
{
	struct rte_crypto_asym_xform xe, xq;
	uint8_t m[1024], m2[1024], s1[1024], s2[1024], s3[1024];
	struct rte_crypto_asym_op a, b, c;
	unsigned int bad = 0;
	size_t k = key->k, ml = 1 + rte_rand_max(k - 11);
	void *ref;
	struct rte_cryptodev_asym_session *ee, *eq;

	rsa_xform(&xe, key, false);
	rsa_xform(&xq, key, true);
	ref = ref_sess(&xe);
	ee = sess_new(&xe, NULL);
	eq = sess_new(&xq, NULL);
	rnd(m, ml);
	/* PKCS#1 v1.5 signatures: deterministic, so equal bytes. */
	rsa_op(&a, RTE_CRYPTO_ASYM_OP_SIGN, RTE_CRYPTO_RSA_PADDING_PKCS1_5, m,
		ml, s1, 0);
	b = a;
	b.rsa.sign.data = s2;
	c = a;
	c.rsa.sign.data = s3;
	if (ref_run(ref, &a) != 0 || eng_run(ee, &b) != 0 ||
			eng_run(eq, &c) != 0 || a.rsa.sign.length != k ||
			b.rsa.sign.length != k || c.rsa.sign.length != k ||
			memcmp(s1, s2, k) || memcmp(s1, s3, k))
		bad++;
	rsa_op(&a, RTE_CRYPTO_ASYM_OP_VERIFY, RTE_CRYPTO_RSA_PADDING_PKCS1_5,
		m, ml, s1, k);
	if (eng_run(ee, &a) != 0)
		bad++;
	rsa_op(&a, RTE_CRYPTO_ASYM_OP_VERIFY, RTE_CRYPTO_RSA_PADDING_PKCS1_5,
		m, ml, s3, k);
	if (ref_run(ref, &a) != 0)
		bad++;
	/* PKCS#1 v1.5 encryption both ways. */
	rsa_op(&a, RTE_CRYPTO_ASYM_OP_ENCRYPT, RTE_CRYPTO_RSA_PADDING_PKCS1_5,
		m, ml, s1, 0);
	rsa_op(&b, RTE_CRYPTO_ASYM_OP_DECRYPT, RTE_CRYPTO_RSA_PADDING_PKCS1_5,
		m2, 0, s1, k);
	if (ref_run(ref, &a) != 0 || eng_run(eq, &b) != 0 ||
			b.rsa.message.length != ml || memcmp(m, m2, ml))
		bad++;
	rsa_op(&a, RTE_CRYPTO_ASYM_OP_ENCRYPT, RTE_CRYPTO_RSA_PADDING_PKCS1_5,
		m, ml, s1, 0);
	rsa_op(&b, RTE_CRYPTO_ASYM_OP_DECRYPT, RTE_CRYPTO_RSA_PADDING_PKCS1_5,
		m2, 0, s1, k);
	if (eng_run(ee, &a) != 0 || ref_run(ref, &b) != 0 ||
			b.rsa.message.length != ml || memcmp(m, m2, ml))
		bad++;
	/* No padding: a number below n, raw encryption equal. */
	rnd(m, k);
	m[0] = 0;
	rsa_op(&a, RTE_CRYPTO_ASYM_OP_ENCRYPT, RTE_CRYPTO_RSA_PADDING_NONE, m,
		k, s1, 0);
	b = a;
	b.rsa.cipher.data = s2;
	if (ref_run(ref, &a) != 0 || eng_run(ee, &b) != 0 ||
			!num_eq(s1, a.rsa.cipher.length, s2,
				b.rsa.cipher.length))
		bad++;
	rsa_op(&a, RTE_CRYPTO_ASYM_OP_DECRYPT, RTE_CRYPTO_RSA_PADDING_NONE, m2,
		0, s2, k);
	if (eng_run(eq, &a) != 0 || !num_eq(m, k, m2, a.rsa.message.length))
		bad++;
	ref_free(ref);
	sess_free(ee);
	sess_free(eq);
	return bad;
}

/* OAEP and PSS, which crypto_openssl lacks: against OpenSSL's EVP. */
static unsigned int
rsa_evp_one(const struct rsa_key *key)
{
	struct rte_crypto_asym_xform xq;
	uint8_t m[64], m2[1024], c[1024], lab[8] = "qatsec";
	struct rte_crypto_asym_op a;
	struct rte_cryptodev_asym_session *eq;
	EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new(key->pk, NULL);
	size_t k = key->k, ml = 32, n = sizeof(m2);
	unsigned int bad = 0;

	rsa_xform(&xq, key, true);
	eq = sess_new(&xq, NULL);
	rnd(m, ml);
	rsa_op(&a, RTE_CRYPTO_ASYM_OP_ENCRYPT, RTE_CRYPTO_RSA_PADDING_OAEP, m,
		ml, c, 0);
	a.rsa.padding.hash = RTE_CRYPTO_AUTH_SHA256;
	a.rsa.padding.oaep_label.data = lab;
	a.rsa.padding.oaep_label.length = 6;
	EVP_PKEY_decrypt_init(ctx);
	EVP_PKEY_CTX_set_rsa_padding(ctx, RSA_PKCS1_OAEP_PADDING);
	EVP_PKEY_CTX_set_rsa_oaep_md(ctx, EVP_sha256());
	EVP_PKEY_CTX_set_rsa_mgf1_md(ctx, EVP_sha256());
	EVP_PKEY_CTX_set0_rsa_oaep_label(ctx, OPENSSL_memdup(lab, 6), 6);
	if (eng_run(eq, &a) != 0 || EVP_PKEY_decrypt(ctx, m2, &n, c,
			a.rsa.cipher.length) <= 0 || n != ml || memcmp(m, m2, ml))
		bad++;
	rsa_op(&a, RTE_CRYPTO_ASYM_OP_SIGN, RTE_CRYPTO_RSA_PADDING_PSS, m, 32,
		c, 0);
	a.rsa.padding.hash = RTE_CRYPTO_AUTH_SHA256;
	a.rsa.padding.mgf1hash = RTE_CRYPTO_AUTH_SHA256;
	a.rsa.padding.pss_saltlen = 32;
	EVP_PKEY_verify_init(ctx);
	EVP_PKEY_CTX_set_rsa_padding(ctx, RSA_PKCS1_PSS_PADDING);
	EVP_PKEY_CTX_set_signature_md(ctx, EVP_sha256());
	EVP_PKEY_CTX_set_rsa_pss_saltlen(ctx, 32);
	if (eng_run(eq, &a) != 0 || a.rsa.sign.length != k ||
			EVP_PKEY_verify(ctx, c, k, m, 32) != 1)
		bad++;
	/* And the engine verifies its own PSS signature, not a changed one. */
	rsa_op(&a, RTE_CRYPTO_ASYM_OP_VERIFY, RTE_CRYPTO_RSA_PADDING_PSS, m,
		32, c, k);
	a.rsa.padding.hash = RTE_CRYPTO_AUTH_SHA256;
	a.rsa.padding.pss_saltlen = 32;
	if (eng_run(eq, &a) != 0)
		bad++;
	m[0] ^= 1;
	if (eng_run(eq, &a) != RTE_CRYPTO_OP_STATUS_AUTH_FAILED)
		bad++;
	EVP_PKEY_CTX_free(ctx);
	sess_free(eq);
	return bad;
}

static void
diff_rsa(void)
{
	static const unsigned int bits[] = { 1024, 1024, 2048, 2048, 3072,
		4096 };
	unsigned int bad = 0, evp = 0, i, j;
	struct rsa_key key;

	for (i = 0; i < RTE_DIM(bits); i++) {
		rsa_key_make(&key, bits[i]);
		for (j = 0; j < 4; j++)
			bad += rsa_one(&key);
		evp += rsa_evp_one(&key);
		EVP_PKEY_free(key.pk);
		for (j = 0; j < 8; j++)
			free(key.n[j].d);
	}
	tap_ok(bad == 0, "RSA 1024..4096 vs crypto_openssl (sign equal, cross "
		"verify and decrypt, raw): %u disagreements in %u keys x 4",
		bad, (unsigned int)RTE_DIM(bits));
	tap_ok(evp == 0, "RSA OAEP (label) and PSS vs OpenSSL EVP: %u "
		"disagreements", evp);
}

#include "test_asym_diff_mod.h"

int
main(int argc, char **argv)
{
	uint64_t seed;
	int n = rte_eal_init(argc, argv);

	if (n < 0) {
		tap_bail("EAL init failed");
		return 1;
	}
	argc -= n;
	argv += n;
	seed = argc > 1 ? strtoull(argv[1], NULL, 0) :
		(uint64_t)time(NULL) ^ (uint64_t)rte_rdtsc();
	rte_srand(seed);
	printf("# seed %" PRIu64 "\n", seed);
	if (eng_init() != 0 || ref_init() != 0) {
		tap_bail("engine or crypto_openssl missing");
		return 1;
	}
	diff_rsa();
	diff_mod();
	diff_dsa();
	diff_dh();
	rte_cryptodev_stop(ref_dev);
	rte_eal_cleanup();
	return tap_done();
}
