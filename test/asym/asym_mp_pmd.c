/* SPDX-License-Identifier: BSD-3-Clause
 * An asymmetric session made in one secondary, used in another, through
 * rte_cryptodev on crypto_qatsec sections claimed from a qatsecd primary
 * (asym_mp_pmd.sh runs it). Role "sign": claims an SSL section, makes an
 * RSA-2048 CRT session and an ECDSA P-256 session in a session pool of the
 * group, signs, publishes the sessions and signatures in a memzone and
 * waits; role "verify" (another process, another section): verifies both
 * signatures with the first process's sessions and signs with its RSA
 * session; then "sign" verifies that signature. TAP lines from each role.
 *   asym_mp_pmd [EAL secondary args] -- sign|verify
 */
#include <time.h>
#include <unistd.h>

#include <openssl/core_names.h>
#include <openssl/evp.h>

#include <rte_cryptodev.h>
#include <rte_cycles.h>
#include <rte_eal.h>
#include <rte_memzone.h>

#include "rte_pmd_qatsec.h"
#include "tap.h"

#define MZ	"qatsec_asym_mpp"

struct pub {
	volatile int ready, done;
	void *rsa, *ec;			/* sessions in the group's pool */
	uint8_t dg[32], qx[32], qy[32];
	uint8_t rsa_sig[256], r[32], s[32];
	uint8_t sig2[256];		/* the verifier's */
	int vstatus[3];
};

static int dev = -1;
static struct rte_mempool *op_mp;

static int
claim(void)
{
	static struct rte_pmd_qatsec_claim cl;
	struct rte_cryptodev_config dc = { .socket_id = SOCKET_ID_ANY,
		.nb_queue_pairs = 1 };
	struct rte_cryptodev_qp_conf qc = { .nb_descriptors = 64 };
	char name[64];

	if (rte_pmd_qatsec_user_start("SSL", 5000, &cl) != 0)
		return -1;
	dev = cl.dev_id;
	printf("# claimed %s (device %d)\n", cl.section, dev);
	snprintf(name, sizeof(name), "asym_mpp_op_%d", (int)getpid());
	op_mp = rte_crypto_op_pool_create(name, RTE_CRYPTO_OP_TYPE_ASYMMETRIC,
		16, 0, 0, SOCKET_ID_ANY);
	if (op_mp == NULL || rte_cryptodev_configure(dev, &dc) != 0 ||
			rte_cryptodev_queue_pair_setup(dev, 0, &qc,
				SOCKET_ID_ANY) != 0 ||
			rte_cryptodev_start(dev) != 0)
		return -1;
	return 0;
}

/* Run a (session attached by the caller) on the claimed section. */
static int
run(void *sess, struct rte_crypto_asym_op *a)
{
	struct rte_crypto_op *op = rte_crypto_op_alloc(op_mp,
		RTE_CRYPTO_OP_TYPE_ASYMMETRIC), *got = NULL;
	uint64_t end = rte_get_timer_cycles() + 5 * rte_get_timer_hz();
	int st;

	if (op == NULL)
		return -1;
	*op->asym = *a;
	rte_crypto_op_attach_asym_session(op, sess);
	if (rte_cryptodev_enqueue_burst(dev, 0, &op, 1) != 1) {
		rte_crypto_op_free(op);
		return -1;
	}
	while (rte_cryptodev_dequeue_burst(dev, 0, &got, 1) == 0)
		if (rte_get_timer_cycles() > end)
			return -1;
	st = got->status;
	*a = *got->asym;
	rte_crypto_op_free(got);
	return st;
}

static int
rsa_op(void *s, enum rte_crypto_asym_op_type t, uint8_t *dg, uint8_t *sig)
{
	struct rte_crypto_asym_op a;

	memset(&a, 0, sizeof(a));
	a.rsa.op_type = t;
	a.rsa.padding.type = RTE_CRYPTO_RSA_PADDING_PKCS1_5;
	a.rsa.padding.hash = RTE_CRYPTO_AUTH_SHA256;
	a.rsa.message.data = dg;
	a.rsa.message.length = 32;
	a.rsa.sign.data = sig;
	a.rsa.sign.length = t == RTE_CRYPTO_ASYM_OP_VERIFY ? 256 : 0;
	return run(s, &a);
}

static int
ec_op(struct pub *p, enum rte_crypto_asym_op_type t, uint8_t *d)
{
	struct rte_crypto_asym_op a;

	memset(&a, 0, sizeof(a));
	a.ecdsa.op_type = t;
	a.ecdsa.message.data = p->dg;
	a.ecdsa.message.length = 32;
	a.ecdsa.r.data = p->r;
	a.ecdsa.s.data = p->s;
	if (t == RTE_CRYPTO_ASYM_OP_SIGN) {
		a.ecdsa.pkey.data = d;
		a.ecdsa.pkey.length = 32;
	} else {
		a.ecdsa.q.x.data = p->qx;
		a.ecdsa.q.x.length = 32;
		a.ecdsa.q.y.data = p->qy;
		a.ecdsa.q.y.length = 32;
		a.ecdsa.r.length = 32;
		a.ecdsa.s.length = 32;
	}
	return run(p->ec, &a);
}

/* The signer's sessions: RSA-2048 CRT from OpenSSL, ECDSA P-256 with the
 * key of an OpenSSL EC key (its Q published for the verifier).
 */
static int
make_sessions(struct pub *p, struct rte_mempool *mp, uint8_t *d)
{
	static const char *const names[8] = { OSSL_PKEY_PARAM_RSA_N,
		OSSL_PKEY_PARAM_RSA_E, OSSL_PKEY_PARAM_RSA_D,
		OSSL_PKEY_PARAM_RSA_FACTOR1, OSSL_PKEY_PARAM_RSA_FACTOR2,
		OSSL_PKEY_PARAM_RSA_EXPONENT1, OSSL_PKEY_PARAM_RSA_EXPONENT2,
		OSSL_PKEY_PARAM_RSA_COEFFICIENT1 };
	EVP_PKEY *pk = EVP_PKEY_Q_keygen(NULL, NULL, "RSA", (size_t)2048);
	EVP_PKEY *ek = EVP_PKEY_Q_keygen(NULL, NULL, "EC", "P-256");
	struct rte_crypto_asym_xform x = { .xform_type =
		RTE_CRYPTO_ASYM_XFORM_RSA };
	uint8_t num[8][257], q[65];
	BIGNUM *bn = NULL;
	size_t ql = 0;
	rte_crypto_param *qt[] = { &x.rsa.n, &x.rsa.e, NULL, &x.rsa.qt.p,
		&x.rsa.qt.q, &x.rsa.qt.dP, &x.rsa.qt.dQ, &x.rsa.qt.qInv };
	int ret;

	x.rsa.key_type = RTE_RSA_KEY_TYPE_QT;
	for (int i = 0; i < 8; i++) {
		EVP_PKEY_get_bn_param(pk, names[i], &bn);
		if (qt[i] != NULL) {
			qt[i]->data = num[i];
			qt[i]->length = BN_bn2bin(bn, num[i]);
		}
		BN_free(bn);
		bn = NULL;
	}
	EVP_PKEY_get_bn_param(ek, OSSL_PKEY_PARAM_PRIV_KEY, &bn);
	BN_bn2binpad(bn, d, 32);
	BN_clear_free(bn);
	EVP_PKEY_get_octet_string_param(ek, OSSL_PKEY_PARAM_PUB_KEY, q,
		sizeof(q), &ql);
	memcpy(p->qx, q + 1, 32);
	memcpy(p->qy, q + 33, 32);
	EVP_PKEY_free(pk);
	EVP_PKEY_free(ek);
	ret = rte_cryptodev_asym_session_create(dev, &x, mp, &p->rsa);
	memset(&x, 0, sizeof(x));
	x.xform_type = RTE_CRYPTO_ASYM_XFORM_ECDSA;
	x.ec.curve_id = RTE_CRYPTO_EC_GROUP_SECP256R1;
	ret |= rte_cryptodev_asym_session_create(dev, &x, mp, &p->ec);
	return ql == 65 ? ret : -1;
}

static int
signer(void)
{
	const struct rte_memzone *mz = rte_memzone_reserve(MZ,
		sizeof(struct pub), SOCKET_ID_ANY, 0);
	struct rte_mempool *mp;
	struct pub *p;
	uint8_t d[32];
	int i;

	mp = rte_cryptodev_asym_session_pool_create("asym_mpp_sess", 8, 0, 0,
		SOCKET_ID_ANY);
	if (mz == NULL || mp == NULL || claim() != 0) {
		tap_bail("signer: memzone, session pool or claim failed");
		return 1;
	}
	p = mz->addr;
	memset(p, 0, sizeof(*p));
	for (i = 0; i < 32; i++)
		p->dg[i] = (uint8_t)(i * 29 + 3);
	tap_ok(make_sessions(p, mp, d) == 0 &&
		rsa_op(p->rsa, RTE_CRYPTO_ASYM_OP_SIGN, p->dg, p->rsa_sig) == 0 &&
		ec_op(p, RTE_CRYPTO_ASYM_OP_SIGN, d) == 0,
		"signer: RSA-2048 CRT and ECDSA P-256 sessions in the group's "
		"pool, signatures made");
	p->ready = 1;
	printf("# published\n");
	fflush(stdout);
	for (i = 0; i < 600 && !p->done; i++)
		usleep(100 * 1000);
	tap_ok(p->done, "signer: the verifier finished");
	p->dg[0] ^= 1;
	tap_ok(p->done && rsa_op(p->rsa, RTE_CRYPTO_ASYM_OP_VERIFY, p->dg,
		p->sig2) == 0, "signer verifies the verifier's signature, made "
		"with the signer's session in another process");
	rte_cryptodev_asym_session_free(dev, p->rsa);
	rte_cryptodev_asym_session_free(dev, p->ec);
	rte_cryptodev_stop(dev);
	rte_pmd_qatsec_user_stop();
	return tap_done();
}

static int
verifier(void)
{
	const struct rte_memzone *mz = rte_memzone_lookup(MZ);
	struct pub *p;

	if (mz == NULL || claim() != 0) {
		tap_bail("verifier: no memzone or no section");
		return 1;
	}
	p = mz->addr;
	tap_ok(p->ready, "verifier: the signer's sessions are published");
	p->vstatus[0] = rsa_op(p->rsa, RTE_CRYPTO_ASYM_OP_VERIFY, p->dg,
		p->rsa_sig);
	tap_ok(p->vstatus[0] == 0, "verifier: the signer's RSA signature "
		"verifies with the signer's session (status %d)",
		p->vstatus[0]);
	p->vstatus[1] = ec_op(p, RTE_CRYPTO_ASYM_OP_VERIFY, NULL);
	tap_ok(p->vstatus[1] == 0, "verifier: the signer's ECDSA signature "
		"verifies (status %d)", p->vstatus[1]);
	p->dg[0] ^= 1;
	p->vstatus[2] = rsa_op(p->rsa, RTE_CRYPTO_ASYM_OP_VERIFY, p->dg,
		p->rsa_sig);
	tap_ok(p->vstatus[2] == RTE_CRYPTO_OP_STATUS_AUTH_FAILED,
		"verifier: another digest does not verify (status %d)",
		p->vstatus[2]);
	tap_ok(rsa_op(p->rsa, RTE_CRYPTO_ASYM_OP_SIGN, p->dg, p->sig2) == 0,
		"verifier signs with the signer's RSA session");
	p->dg[0] ^= 1;
	p->done = 1;
	rte_cryptodev_stop(dev);
	rte_pmd_qatsec_user_stop();
	return tap_done();
}

int
main(int argc, char **argv)
{
	int n = rte_eal_init(argc, argv), rc;

	if (n < 0) {
		tap_bail("EAL init (secondary) failed");
		return 1;
	}
	argc -= n;
	argv += n;
	if (argc < 2) {
		tap_bail("usage: asym_mp_pmd [EAL] -- sign|verify");
		return 2;
	}
	rc = strcmp(argv[1], "sign") == 0 ? signer() : verifier();
	rte_eal_cleanup();
	return rc;
}
