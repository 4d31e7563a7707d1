/* SPDX-License-Identifier: BSD-3-Clause
 * Known answers for the openssl_asym engine, called through the engine
 * seam (no EAL): NIST CAVP vectors from Debian's python3-cryptography-
 * vectors. RSA PKCS#1 v1.5 SigGen (exponent keys: the exact signature)
 * and SigVer (pass/fail; the passing records again signed with a CRT key
 * built from their p and q, exact signature), ECDSA SigGen (the exact
 * (r, s) from the record's k, verify, a random-k signature verified, ECFPM,
 * ECPM and ECDH public key = Q, ECDH shared points agreeing across
 * records), ECDSA SigVer and KeyPair, ECDH KAS ZZOnly, ECDH with generated
 * keys (the points agree), DSA SigGen (exact
 * with K) and SigVer, DH (RFC 5114 groups: public keys and Z). One TAP
 * line per file and check kind, with the number of records it covered.
 */
#include <openssl/bn.h>
#include <openssl/evp.h>

#include "asym_test.h"

static const char *sha_names[] = { "SHA1", "SHA224", "SHA256", "SHA384",
	"SHA512" };
static const enum rte_crypto_auth_algorithm sha_algs[] = {
	RTE_CRYPTO_AUTH_SHA1, RTE_CRYPTO_AUTH_SHA224, RTE_CRYPTO_AUTH_SHA256,
	RTE_CRYPTO_AUTH_SHA384, RTE_CRYPTO_AUTH_SHA512 };

/* "SHA256", "SHA-256" anywhere in s: the index, or -1. */
static int
sha_of(const char *s)
{
	static const char *const bits[] = { "1", "224", "256", "384", "512" };
	char a[16], b[16];
	int i;

	for (i = 4; i >= 0; i--) {
		snprintf(a, sizeof(a), "SHA%s", bits[i]);
		snprintf(b, sizeof(b), "SHA-%s", bits[i]);
		if (strstr(s, a) != NULL || strstr(s, b) != NULL)
			return i;
	}
	return -1;
}

static struct buf
digest(int sha, const struct buf *m)
{
	struct buf d = { malloc(64), 0 };
	unsigned int n = 0;

	EVP_Digest(m->d, m->n, d.d, &n, EVP_get_digestbyname(sha_names[sha]),
		NULL);
	d.n = n;
	return d;
}

static void
bfree(struct buf *b, int n)
{
	for (int i = 0; i < n; i++)
		free(b[i].d);
}

/* RSA ------------------------------------------------------------------- */

static int
rsa_sign(struct rte_cryptodev_asym_session *s, int sha, const struct buf *dg,
	uint8_t *sig, size_t *slen)
{
	struct rte_crypto_op *op = op_new(s);
	int st;

	op->asym->rsa.op_type = RTE_CRYPTO_ASYM_OP_SIGN;
	param(&op->asym->rsa.message, dg);
	op->asym->rsa.sign.data = sig;
	op->asym->rsa.padding.type = RTE_CRYPTO_RSA_PADDING_PKCS1_5;
	op->asym->rsa.padding.hash = sha_algs[sha];
	st = run(op);
	*slen = op->asym->rsa.sign.length;
	free(op);
	return st;
}

static int
rsa_verify(struct rte_cryptodev_asym_session *s, int sha, const struct buf *dg,
	uint8_t *sig, size_t slen)
{
	struct rte_crypto_op *op = op_new(s);
	int st;

	op->asym->rsa.op_type = RTE_CRYPTO_ASYM_OP_VERIFY;
	param(&op->asym->rsa.message, dg);
	op->asym->rsa.sign.data = sig;
	op->asym->rsa.sign.length = slen;
	op->asym->rsa.padding.type = RTE_CRYPTO_RSA_PADDING_PKCS1_5;
	op->asym->rsa.padding.hash = sha_algs[sha];
	st = run(op);
	free(op);
	return st;
}

static void
kat_rsa_siggen(void)
{
	struct rsp r;
	unsigned int n = 0, bad = 0, vbad = 0;
	uint8_t sig[1024];
	size_t slen;

	if (rsp_open(&r, "RSA/FIPS_186-2/SigGen15_186-2.txt") != 0) {
		tap_ok(0, "RSA SigGen15: vector file missing");
		return;
	}
	while (rsp_next(&r, "S")) {
		struct buf b[5] = { hex(rsp_get(&r, "n")), hex(rsp_get(&r, "e")),
			hex(rsp_get(&r, "d")), hex(rsp_get(&r, "Msg")),
			hex(rsp_get(&r, "S")) };
		int sha = sha_of(rsp_get(&r, "SHAAlg"));
		struct rte_crypto_asym_xform x = {
			.xform_type = RTE_CRYPTO_ASYM_XFORM_RSA };
		struct rte_cryptodev_asym_session *s;
		struct buf dg = digest(sha, &b[3]);

		param(&x.rsa.n, &b[0]);
		param(&x.rsa.e, &b[1]);
		param(&x.rsa.d, &b[2]);
		x.rsa.key_type = RTE_RSA_KEY_TYPE_EXP;
		s = sess_new(&x, NULL);
		n++;
		if (s == NULL || rsa_sign(s, sha, &dg, sig, &slen) != 0 ||
				slen != b[4].n || memcmp(sig, b[4].d, slen) != 0)
			bad++;
		else if (rsa_verify(s, sha, &dg, sig, slen) != 0)
			vbad++;
		sess_free(s);
		free(dg.d);
		bfree(b, 5);
	}
	rsp_close(&r);
	tap_ok(n == 250 && bad == 0, "RSA SigGen15 (exponent key): %u/%u exact "
		"signatures", n - bad, n);
	tap_ok(n == 250 && vbad == 0, "RSA SigGen15: %u own signatures verify",
		n - bad - vbad);
}

/* The CRT numbers of (p, q, d). */
static void
crt_of(const struct buf *p, const struct buf *q, const struct buf *d,
	struct buf out[3])
{
	BN_CTX *ctx = BN_CTX_new();
	BIGNUM *P = BN_bin2bn(p->d, p->n, NULL), *Q = BN_bin2bn(q->d, q->n, NULL);
	BIGNUM *D = BN_bin2bn(d->d, d->n, NULL), *t = BN_new();
	BIGNUM *v[3] = { BN_new(), BN_new(), BN_new() };
	int i;

	BN_sub(t, P, BN_value_one());
	BN_mod(v[0], D, t, ctx);
	BN_sub(t, Q, BN_value_one());
	BN_mod(v[1], D, t, ctx);
	BN_mod_inverse(v[2], Q, P, ctx);
	for (i = 0; i < 3; i++) {
		out[i].d = malloc(BN_num_bytes(v[i]) + 1);
		out[i].n = BN_bn2bin(v[i], out[i].d);
		BN_free(v[i]);
	}
	BN_free(P);
	BN_free(Q);
	BN_free(D);
	BN_free(t);
	BN_CTX_free(ctx);
}

static void
kat_rsa_sigver(void)
{
	struct rsp r;
	unsigned int n = 0, bad = 0, np = 0, crtbad = 0;
	uint8_t sig[1024];
	size_t slen;

	if (rsp_open(&r, "RSA/FIPS_186-2/SigVer15_186-3.rsp") != 0) {
		tap_ok(0, "RSA SigVer15: vector file missing");
		return;
	}
	while (rsp_next(&r, "Result")) {
		struct buf b[7] = { hex(rsp_get(&r, "n")), hex(rsp_get(&r, "e")),
			hex(rsp_get(&r, "Msg")), hex(rsp_get(&r, "S")),
			hex(rsp_get(&r, "p")), hex(rsp_get(&r, "q")),
			hex(rsp_get(&r, "d")) };
		struct buf crt[3];
		int sha = sha_of(rsp_get(&r, "SHAAlg"));
		bool pass = rsp_get(&r, "Result")[0] == 'P';
		struct rte_crypto_asym_xform x = {
			.xform_type = RTE_CRYPTO_ASYM_XFORM_RSA };
		struct rte_cryptodev_asym_session *s;
		struct buf dg = digest(sha, &b[2]);
		int st;

		param(&x.rsa.n, &b[0]);
		param(&x.rsa.e, &b[1]);
		x.rsa.key_type = RTE_RSA_KEY_TYPE_EXP;	/* public only */
		s = sess_new(&x, NULL);
		st = s == NULL ? -1 : rsa_verify(s, sha, &dg, b[3].d, b[3].n);
		n++;
		if (s == NULL || (pass ? st != 0 : st == 0))
			bad++;
		sess_free(s);
		if (pass) {
			np++;
			crt_of(&b[4], &b[5], &b[6], crt);
			x.rsa.key_type = RTE_RSA_KEY_TYPE_QT;
			param(&x.rsa.qt.p, &b[4]);
			param(&x.rsa.qt.q, &b[5]);
			param(&x.rsa.qt.dP, &crt[0]);
			param(&x.rsa.qt.dQ, &crt[1]);
			param(&x.rsa.qt.qInv, &crt[2]);
			s = sess_new(&x, NULL);
			if (s == NULL || rsa_sign(s, sha, &dg, sig, &slen) != 0 ||
					!num_eq(sig, slen, b[3].d, b[3].n))
				crtbad++;
			sess_free(s);
			bfree(crt, 3);
		}
		free(dg.d);
		bfree(b, 7);
	}
	rsp_close(&r);
	tap_ok(n == 450 && bad == 0, "RSA SigVer15: %u/%u verdicts right", n - bad,
		n);
	tap_ok(np == 75 && crtbad == 0, "RSA SigVer15 passing records signed with "
		"a CRT key: %u/%u exact", np - crtbad, np);
}

#include "test_asym_kat_ec.h"

int
main(int argc, char **argv)
{
#ifdef ASYM_DEV
	if (rte_eal_init(argc, argv) < 0) {
		tap_bail("EAL init failed");
		return 1;
	}
#else
	RTE_SET_USED(argc);
	RTE_SET_USED(argv);
#endif
	if (eng_init() != 0) {
		tap_bail("openssl_asym engine or device missing");
		return 1;
	}
	kat_rsa_siggen();
	kat_rsa_sigver();
	kat_ecdsa_siggen();
	kat_ecdsa_sigver();
	kat_ec_keypair();
	kat_ecdh_kas();
	kat_ecdh_generated();
	kat_dsa_siggen();
	kat_dsa_sigver();
	kat_dh_rfc5114();
	return tap_done();
}
