/* SPDX-License-Identifier: BSD-3-Clause
 * Asymmetric sessions across processes of a DPDK group (real hugepages, a
 * real secondary). The primary makes an RSA-2048 CRT session and an ECDSA
 * P-256 session in a memzone (shared memory), signs with both and
 * publishes the signatures; a secondary (this program again, spawned with
 * --proc-type=secondary) finds the sessions in the memzone, verifies the
 * primary's signatures with them, signs a message of its own; the primary
 * then verifies the secondary's signature. The engine builds its OpenSSL
 * objects in each process from the session's bytes: nothing in the
 * sessions points into either process. Then the primary re-creates the RSA
 * session in place with another key and the secondary must sign with the
 * new one. Cleans its hugepage files and runtime directory on exit.
 */
#include <dirent.h>
#include <ftw.h>
#include <spawn.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <openssl/core_names.h>
#include <openssl/evp.h>

#include <rte_eal.h>
#include <rte_memzone.h>

#include "asym_test.h"

extern char **environ;

#define MZ_NAME "qatsec_asym_mp"

struct shared {
	uint8_t rsa_sess[sizeof(struct rte_cryptodev_asym_session) + 8192];
	uint8_t ec_sess[sizeof(struct rte_cryptodev_asym_session) + 8192];
	uint8_t q_x[32], q_y[32], dg[32];
	uint8_t rsa_sig[256], r[32], s[32];	/* the primary's */
	uint8_t sec_sig[256];			/* the secondary's */
	uint8_t sec_sig2[256];			/* after the key change */
	int sec_result[4];
};

static struct rte_cryptodev_asym_session *
in(uint8_t *b)
{
	return (struct rte_cryptodev_asym_session *)b;
}

static int
rsa_pkcs1(struct rte_cryptodev_asym_session *s,
	enum rte_crypto_asym_op_type t, uint8_t *dg, uint8_t *sig)
{
	struct rte_crypto_op *op = op_new(s);
	int st;

	op->asym->rsa.op_type = t;
	op->asym->rsa.padding.type = RTE_CRYPTO_RSA_PADDING_PKCS1_5;
	op->asym->rsa.padding.hash = RTE_CRYPTO_AUTH_SHA256;
	op->asym->rsa.message.data = dg;
	op->asym->rsa.message.length = 32;
	op->asym->rsa.sign.data = sig;
	op->asym->rsa.sign.length = t == RTE_CRYPTO_ASYM_OP_VERIFY ? 256 : 0;
	st = run(op);
	free(op);
	return st;
}

static int
ecdsa(struct shared *sh, enum rte_crypto_asym_op_type t, const uint8_t *d)
{
	struct rte_crypto_op *op = op_new(in(sh->ec_sess));
	struct rte_crypto_ecdsa_op_param *e = &op->asym->ecdsa;
	int st;

	e->op_type = t;
	e->message.data = sh->dg;
	e->message.length = 32;
	e->r.data = sh->r;
	e->s.data = sh->s;
	if (t == RTE_CRYPTO_ASYM_OP_SIGN) {
		e->pkey.data = (uint8_t *)(uintptr_t)d;
		e->pkey.length = 32;
	} else {
		e->q.x.data = sh->q_x;
		e->q.x.length = 32;
		e->q.y.data = sh->q_y;
		e->q.y.length = 32;
		e->r.length = 32;
		e->s.length = 32;
	}
	st = run(op);
	free(op);
	return st;
}

/* An RSA-2048 CRT xform from a fresh OpenSSL key (buffers in b[8]). */
static void
rsa_xform(struct rte_crypto_asym_xform *x, struct buf *b)
{
	static const char *const names[8] = { OSSL_PKEY_PARAM_RSA_N,
		OSSL_PKEY_PARAM_RSA_E, OSSL_PKEY_PARAM_RSA_D,
		OSSL_PKEY_PARAM_RSA_FACTOR1, OSSL_PKEY_PARAM_RSA_FACTOR2,
		OSSL_PKEY_PARAM_RSA_EXPONENT1, OSSL_PKEY_PARAM_RSA_EXPONENT2,
		OSSL_PKEY_PARAM_RSA_COEFFICIENT1 };
	EVP_PKEY *pk = EVP_PKEY_Q_keygen(NULL, NULL, "RSA", (size_t)2048);

	for (int i = 0; i < 8; i++) {
		BIGNUM *bn = NULL;

		EVP_PKEY_get_bn_param(pk, names[i], &bn);
		b[i].d = malloc(257);
		b[i].n = BN_bn2bin(bn, b[i].d);
		BN_free(bn);
	}
	EVP_PKEY_free(pk);
	memset(x, 0, sizeof(*x));
	x->xform_type = RTE_CRYPTO_ASYM_XFORM_RSA;
	x->rsa.key_type = RTE_RSA_KEY_TYPE_QT;
	param(&x->rsa.n, &b[0]);
	param(&x->rsa.e, &b[1]);
	param(&x->rsa.qt.p, &b[3]);
	param(&x->rsa.qt.q, &b[4]);
	param(&x->rsa.qt.dP, &b[5]);
	param(&x->rsa.qt.dQ, &b[6]);
	param(&x->rsa.qt.qInv, &b[7]);
}

/* The secondary's part; its results go to the shared area. */
static int
secondary(void)
{
	const struct rte_memzone *mz = rte_memzone_lookup(MZ_NAME);
	struct shared *sh;

	if (mz == NULL)
		return 2;
	sh = mz->addr;
	sh->sec_result[0] = rsa_pkcs1(in(sh->rsa_sess),
		RTE_CRYPTO_ASYM_OP_VERIFY, sh->dg, sh->rsa_sig);
	sh->sec_result[1] = ecdsa(sh, RTE_CRYPTO_ASYM_OP_VERIFY, NULL);
	sh->dg[0] ^= 1;
	sh->sec_result[2] = rsa_pkcs1(in(sh->rsa_sess),
		RTE_CRYPTO_ASYM_OP_SIGN, sh->dg, sh->sec_sig);
	sh->dg[0] ^= 1;
	return 0;
}

/* Spawn this program as a secondary of the group; its exit status. */
static int
spawn_secondary(const char *self, const char *prefix, const char *role)
{
	char *argv[] = { (char *)(uintptr_t)self, "--proc-type=secondary",
		"--no-pci", "-l", "0", "--file-prefix", (char *)(uintptr_t)prefix,
		"--log-level=lib.eal:error", "--", (char *)(uintptr_t)role, NULL };
	int status, tries;
	pid_t pid;

	/* Exit 3: the secondary could not attach (under ASan its shadow may
	 * sit where the primary's memory must be mapped); try again.
	 */
	for (tries = 0; tries < 4; tries++) {
		if (posix_spawn(&pid, self, NULL, NULL, argv, environ) != 0 ||
				waitpid(pid, &status, 0) != pid)
			return -1;
		if (!WIFEXITED(status) || WEXITSTATUS(status) != 3)
			break;
		printf("# secondary failed to attach, again\n");
	}
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static int
rm_one(const char *p, const struct stat *st, int flag, struct FTW *f)
{
	RTE_SET_USED(st);
	RTE_SET_USED(flag);
	RTE_SET_USED(f);
	return remove(p);
}

/* The group's hugepage files and runtime directory (this prefix only). */
static void
cleanup(const char *prefix)
{
	char path[512];
	struct dirent *de;
	DIR *d = opendir("/dev/hugepages");

	while (d != NULL && (de = readdir(d)) != NULL) {
		if (strncmp(de->d_name, prefix, strlen(prefix)) != 0)
			continue;
		snprintf(path, sizeof(path), "/dev/hugepages/%s", de->d_name);
		unlink(path);
	}
	if (d != NULL)
		closedir(d);
	snprintf(path, sizeof(path), "/var/run/dpdk/%s", prefix);
	nftw(path, rm_one, 8, FTW_DEPTH | FTW_PHYS);
}

static int
primary(const char *self, const char *prefix)
{
	const struct rte_memzone *mz = rte_memzone_reserve(MZ_NAME,
		sizeof(struct shared), SOCKET_ID_ANY, 0);
	struct rte_crypto_asym_xform x, x2;
	struct buf k1[8], k2[8];
	struct shared *sh;
	uint8_t d[32] = { 0 }, sig[256];
	int ret, rc;

	if (mz == NULL) {
		tap_ok(0, "memzone for the sessions");
		return 1;
	}
	sh = mz->addr;
	memset(sh, 0, sizeof(*sh));
	rsa_xform(&x, k1);
	ret = eng->session_configure(in(sh->rsa_sess)->sess_private_data, &x);
	memset(&x2, 0, sizeof(x2));
	x2.xform_type = RTE_CRYPTO_ASYM_XFORM_ECDSA;
	x2.ec.curve_id = RTE_CRYPTO_EC_GROUP_SECP256R1;
	ret |= eng->session_configure(in(sh->ec_sess)->sess_private_data, &x2);
	/* ECDSA key d = 7: Q = 7 G (ECFPM), the digest random. */
	d[31] = 7;
	{
		struct rte_crypto_asym_xform xf = { .xform_type =
			RTE_CRYPTO_ASYM_XFORM_ECFPM };
		struct rte_cryptodev_asym_session *f;
		struct rte_crypto_op *op;

		xf.ec.curve_id = RTE_CRYPTO_EC_GROUP_SECP256R1;
		f = sess_new(&xf, NULL);
		op = op_new(f);
		op->asym->ecpm.scalar.data = d;
		op->asym->ecpm.scalar.length = 32;
		op->asym->ecpm.r.x.data = sh->q_x;
		op->asym->ecpm.r.y.data = sh->q_y;
		ret |= run(op);
		free(op);
		sess_free(f);
	}
	for (int i = 0; i < 32; i++)
		sh->dg[i] = (uint8_t)(i * 37 + 11);
	ret |= rsa_pkcs1(in(sh->rsa_sess), RTE_CRYPTO_ASYM_OP_SIGN, sh->dg,
		sh->rsa_sig);
	ret |= ecdsa(sh, RTE_CRYPTO_ASYM_OP_SIGN, d);
	tap_ok(ret == 0, "primary: RSA-2048 CRT and ECDSA P-256 sessions in a "
		"memzone, signatures made");
	rc = spawn_secondary(self, prefix, "secondary");
	tap_ok(rc == 0 && sh->sec_result[0] == 0, "secondary verifies the "
		"primary's RSA signature with the shared session (exit %d, "
		"status %d)", rc, sh->sec_result[0]);
	tap_ok(rc == 0 && sh->sec_result[1] == 0, "secondary verifies the "
		"primary's ECDSA signature (status %d)", sh->sec_result[1]);
	sh->dg[0] ^= 1;
	tap_ok(rc == 0 && sh->sec_result[2] == 0 &&
		rsa_pkcs1(in(sh->rsa_sess), RTE_CRYPTO_ASYM_OP_VERIFY, sh->dg,
			sh->sec_sig) == 0, "primary verifies the secondary's "
		"RSA signature");
	/* The session re-made in place with another key: the secondary (a
	 * new process, and the primary's cached key) must use the new one.
	 */
	eng->session_clear(in(sh->rsa_sess)->sess_private_data);
	rsa_xform(&x, k2);
	ret = eng->session_configure(in(sh->rsa_sess)->sess_private_data, &x);
	ret |= rsa_pkcs1(in(sh->rsa_sess), RTE_CRYPTO_ASYM_OP_SIGN, sh->dg,
		sig);
	sh->dg[0] ^= 1;
	rc = spawn_secondary(self, prefix, "secondary");
	sh->dg[0] ^= 1;
	tap_ok(ret == 0 && rc == 0 && sh->sec_result[2] == 0 &&
		memcmp(sh->sec_sig, sig, 256) == 0, "after the key change in "
		"place the secondary signs with the new key (sign %d, exit %d, "
		"status %d)", ret, rc, sh->sec_result[2]);
	for (int i = 0; i < 8; i++) {
		free(k1[i].d);
		free(k2[i].d);
	}
	return 0;
}

int
main(int argc, char **argv)
{
	char prefix[64];
	int n;

	if (argc > 1 && strcmp(argv[argc - 1], "secondary") == 0) {
		if (rte_eal_init(argc, argv) < 0 || eng_init() != 0)
			return 3;
		n = secondary();
		rte_eal_cleanup();
		return n;
	}
	/* devtools/lib/dpdk-run.sh's rule: qatsec-WORD-PID-RANDOM- */
	snprintf(prefix, sizeof(prefix), "qatsec-asym_mp-%d-%u-", (int)getpid(),
		(unsigned int)(time(NULL) ^ clock()) & 0x3fffffff);
	{
		char *eal[] = { argv[0], "--no-pci", "-l", "0", "-m", "64",
			"--file-prefix", prefix, "--log-level=lib.eal:error",
			NULL };

		if (rte_eal_init(RTE_DIM(eal) - 1, eal) < 0) {
			printf("1..0 # SKIP EAL on hugepages failed (run "
				"devtools/setup.sh as root)\n");
			cleanup(prefix);
			return 77;
		}
	}
	if (eng_init() != 0) {
		tap_ok(0, "openssl_asym engine registered");
	} else {
		primary("/proc/self/exe", prefix);
	}
	rte_eal_cleanup();
	cleanup(prefix);
	return tap_done();
}
