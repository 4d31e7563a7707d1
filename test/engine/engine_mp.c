/* SPDX-License-Identifier: BSD-3-Clause
 * The openssl_sym engine across processes: a primary makes sessions in a
 * memzone (shared memory) and the answers alone; a real secondary on real
 * hugepages, with its own OpenSSL state, computes ops on those very
 * sessions and must get the same bytes. Proves the sessions hold nothing
 * process-local (keys by value, EVP objects per process and thread).
 * Usage: test_engine_mp <EAL args, with --file-prefix P> (the primary
 * starts itself again as the secondary). TAP on stdout; the primary
 * removes its group's hugepage files and runtime directory at the end.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cryptodev_pmd.h>
#include <rte_eal.h>
#include <rte_mbuf.h>
#include <rte_memzone.h>

#include "qatsec_engine.h"
#include "tap.h"

#define MP_N		4
#define MP_LEN		256
#define MP_SESS		512	/* room for a session (checked) */
#define MP_IV_OFF	(sizeof(struct rte_crypto_op) + \
	sizeof(struct rte_crypto_sym_op))

/* The memzone: sessions laid out as the cryptodev layer lays them out. */
struct mp_shared {
	struct {
		struct rte_cryptodev_sym_session s;
		uint8_t priv[MP_SESS];
	} sess[MP_N];
	uint8_t in[MP_LEN], iv[16], aad[18 + 16];
	uint8_t want[MP_N][MP_LEN], want_dig[MP_N][32];
	int result[MP_N];	/* secondary: 1 same, 0 differs, -1 not run */
};

static const char *const mp_names[MP_N] = {
	"AES-256-XTS", "SM4-CBC + HMAC-SHA3-256", "AES-192-CCM", "SHA3-512",
};

static uint8_t key[64];

static void
mp_xforms(struct rte_crypto_sym_xform x[MP_N][2])
{
	memset(x, 0, sizeof(struct rte_crypto_sym_xform) * MP_N * 2);
	x[0][0].type = RTE_CRYPTO_SYM_XFORM_CIPHER;
	x[0][0].cipher = (struct rte_crypto_cipher_xform){
		.algo = RTE_CRYPTO_CIPHER_AES_XTS,
		.op = RTE_CRYPTO_CIPHER_OP_ENCRYPT, .key = { key, 64 },
		.iv = { MP_IV_OFF, 16 } };
	x[1][0] = x[0][0];
	x[1][0].cipher.algo = RTE_CRYPTO_CIPHER_SM4_CBC;
	x[1][0].cipher.key.length = 16;
	x[1][0].next = &x[1][1];
	x[1][1].type = RTE_CRYPTO_SYM_XFORM_AUTH;
	x[1][1].auth = (struct rte_crypto_auth_xform){
		.algo = RTE_CRYPTO_AUTH_SHA3_256_HMAC,
		.op = RTE_CRYPTO_AUTH_OP_GENERATE, .key = { key + 16, 40 },
		.digest_length = 32 };
	x[2][0].type = RTE_CRYPTO_SYM_XFORM_AEAD;
	x[2][0].aead = (struct rte_crypto_aead_xform){
		.algo = RTE_CRYPTO_AEAD_AES_CCM,
		.op = RTE_CRYPTO_AEAD_OP_ENCRYPT, .key = { key, 24 },
		.iv = { MP_IV_OFF, 13 }, .digest_length = 16,
		.aad_length = 16 };
	x[3][0].type = RTE_CRYPTO_SYM_XFORM_AUTH;
	x[3][0].auth = (struct rte_crypto_auth_xform){
		.algo = RTE_CRYPTO_AUTH_SHA3_512,
		.op = RTE_CRYPTO_AUTH_OP_GENERATE, .digest_length = 32 };
}

/* Op i of sh through the engine, in this process: out and digest. */
static int
mp_run(const struct qatsec_engine *e, struct mp_shared *sh, unsigned int i,
		struct rte_mempool *mp, struct rte_mempool *opp, uint8_t *out,
		uint8_t *dig)
{
	struct rte_crypto_op *op = rte_crypto_op_alloc(opp,
		RTE_CRYPTO_OP_TYPE_SYMMETRIC);
	struct rte_mbuf *m = rte_pktmbuf_alloc(mp);
	int ret = -1;

	if (op == NULL || m == NULL || rte_pktmbuf_append(m, MP_LEN) == NULL)
		goto out;
	memcpy(rte_pktmbuf_mtod(m, uint8_t *), sh->in, MP_LEN);
	memcpy(rte_crypto_op_ctod_offset(op, uint8_t *, MP_IV_OFF),
		sh->iv, 16);
	rte_crypto_op_attach_sym_session(op, &sh->sess[i].s);
	op->sym->m_src = m;
	if (i == 2) {
		op->sym->aead.data.length = MP_LEN;
		op->sym->aead.aad.data = sh->aad;
		op->sym->aead.digest.data = dig;
	} else {
		op->sym->cipher.data.length = MP_LEN;
		op->sym->auth.data.length = MP_LEN;
		op->sym->auth.digest.data = dig;
	}
	if (e->process(&op, 1) != 0)
		goto out;
	memcpy(out, rte_pktmbuf_mtod(m, uint8_t *), MP_LEN);
	ret = 0;
out:
	rte_pktmbuf_free(m);
	rte_crypto_op_free(op);
	return ret;
}

static int
mp_secondary(const struct qatsec_engine *e)
{
	const struct rte_memzone *mz = rte_memzone_lookup("et_mp");
	struct rte_mempool *mp, *opp;
	uint8_t out[MP_LEN], dig[32];
	struct mp_shared *sh;
	unsigned int i;

	if (mz == NULL)
		return 1;
	sh = mz->addr;
	mp = rte_pktmbuf_pool_create("et_mp_mbuf2", 64, 0, 0, 2048, SOCKET_ID_ANY);
	opp = rte_crypto_op_pool_create("et_mp_op2",
		RTE_CRYPTO_OP_TYPE_SYMMETRIC, 16, 0, 64, SOCKET_ID_ANY);
	if (mp == NULL || opp == NULL)
		return 1;
	for (i = 0; i < MP_N; i++) {
		memset(dig, 0, sizeof(dig));
		sh->result[i] = mp_run(e, sh, i, mp, opp, out, dig) == 0 &&
			memcmp(out, sh->want[i], MP_LEN) == 0 &&
			memcmp(dig, sh->want_dig[i], 32) == 0;
	}
	return 0;
}

/* Start this program again as a secondary of the same group. */
static int
mp_spawn(const char *self, const char *prefix)
{
	pid_t pid = fork();
	int st;

	if (pid < 0)
		return -1;
	if (pid == 0) {
		execl(self, self, "--proc-type=secondary", "--file-prefix",
			prefix, "-l", "0", "--no-pci", "--log-level=lib.eal:warning",
			(char *)NULL);
		_exit(127);
	}
	if (waitpid(pid, &st, 0) != pid)
		return -1;
	return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

static int
mp_primary(const struct qatsec_engine *e, const char *self, const char *prefix)
{
	struct rte_crypto_sym_xform x[MP_N][2];
	const struct rte_memzone *mz;
	struct rte_mempool *mp, *opp;
	struct mp_shared *sh;
	unsigned int i, fails = 0;
	int rc;

	mz = rte_memzone_reserve("et_mp", sizeof(*sh), SOCKET_ID_ANY, 0);
	mp = rte_pktmbuf_pool_create("et_mp_mbuf", 64, 0, 0, 2048, SOCKET_ID_ANY);
	opp = rte_crypto_op_pool_create("et_mp_op",
		RTE_CRYPTO_OP_TYPE_SYMMETRIC, 16, 0, 64, SOCKET_ID_ANY);
	if (mz == NULL || mp == NULL || opp == NULL || e->session_size() > MP_SESS) {
		tap_bail("memzone, pools or session size");
		return 1;
	}
	sh = mz->addr;
	memset(sh, 0, sizeof(*sh));
	for (i = 0; i < sizeof(key); i++)
		key[i] = (uint8_t)(i * 37 + 11);
	for (i = 0; i < MP_LEN; i++)
		sh->in[i] = (uint8_t)(i * 13 + 5);
	for (i = 0; i < sizeof(sh->iv); i++)
		sh->iv[i] = (uint8_t)(i + 100);
	for (i = 0; i < 16; i++)
		sh->aad[18 + i] = (uint8_t)i;
	mp_xforms(x);
	for (i = 0; i < MP_N; i++) {
		sh->result[i] = -1;
		if (e->session_configure(sh->sess[i].s.driver_priv_data, x[i]) != 0 ||
				mp_run(e, sh, i, mp, opp, sh->want[i],
					sh->want_dig[i]) != 0) {
			tap_bail("session %s", mp_names[i]);
			return 1;
		}
	}
	/* The key material is gone from this process: only the sessions in
	 * shared memory hold it now.
	 */
	memset(key, 0, sizeof(key));
	rc = mp_spawn(self, prefix);
	fails += !tap_ok(rc == 0, "secondary ran (exit %d)", rc);
	for (i = 0; i < MP_N; i++)
		fails += !tap_ok(sh->result[i] == 1,
			"%s: a session made in the primary gives the same bytes in the secondary (%d)",
			mp_names[i], sh->result[i]);
	/* And the primary still computes with them after the secondary. */
	{
		uint8_t out[MP_LEN], dig[32];
		int same = mp_run(e, sh, 0, mp, opp, out, dig) == 0 &&
			memcmp(out, sh->want[0], MP_LEN) == 0;

		fails += !tap_ok(same,
			"primary still uses the session afterwards");
	}
	return tap_done() != 0 || fails != 0;
}

int
main(int argc, char **argv)
{
	const struct qatsec_engine *e;
	const char *prefix = NULL;
	char path[256];
	int i, rc;

	for (i = 1; i + 1 < argc; i++)
		if (strcmp(argv[i], "--file-prefix") == 0)
			prefix = argv[i + 1];
	if (rte_eal_init(argc, argv) < 0) {
		printf("Bail out! EAL init (hugepages? see devtools/setup.sh)\n");
		return 1;
	}
	e = qatsec_engine_get(QATSEC_ENGINE_OPENSSL_SYM);
	if (e == NULL || prefix == NULL) {
		printf("Bail out! engine not registered or no --file-prefix\n");
		return 1;
	}
	if (rte_eal_process_type() == RTE_PROC_SECONDARY) {
		rc = mp_secondary(e);
		rte_eal_cleanup();
		return rc;
	}
	rc = mp_primary(e, argv[0], prefix);
	rte_eal_cleanup();
	/* This group's leftovers only (never another prefix's). */
	snprintf(path, sizeof(path), "rm -rf /dev/hugepages/%smap_* /var/run/dpdk/%s",
		prefix, prefix);
	if (strchr(prefix, '/') == NULL && strchr(prefix, ' ') == NULL &&
			system(path) != 0)
		printf("# could not remove %s's hugepage files\n", prefix);
	return rc;
}
