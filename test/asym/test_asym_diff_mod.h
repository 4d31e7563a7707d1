/* SPDX-License-Identifier: BSD-3-Clause
 * Second half of test_asym_diff.c (one TAP stream): modexp, modinv, DSA
 * and DH against crypto_openssl. Domains (DSA p, q, g and the RFC 5114 DH
 * groups) come from the NIST/RFC vector files; keys and inputs are random.
 */
#ifndef TEST_ASYM_DIFF_MOD_H
#define TEST_ASYM_DIFF_MOD_H

#include <openssl/bn.h>

/* A random number of n bytes, top byte nonzero (odd or even as asked). */
static void
rnd_num(uint8_t *b, size_t n, bool odd)
{
	rnd(b, n);
	b[0] |= n > 1 ? 0x80 : 0x02;
	if (odd)
		b[n - 1] |= 1;
	else
		b[n - 1] &= 0xfe;
}

static unsigned int
mod_one(bool ex, size_t ml, size_t el, size_t bl, bool odd, unsigned int *nok)
{
	uint8_t m[1024], e[1024], b[1024], r1[1024], r2[1024];
	struct rte_crypto_asym_xform x = { .xform_type = ex ?
		RTE_CRYPTO_ASYM_XFORM_MODEX : RTE_CRYPTO_ASYM_XFORM_MODINV };
	struct rte_cryptodev_asym_session *es;
	struct rte_crypto_asym_op a, c;
	struct rte_crypto_mod_op_param *pa = ex ? &a.modex : &a.modinv;
	struct rte_crypto_mod_op_param *pc = ex ? &c.modex : &c.modinv;
	int s1, s2;
	void *rs;

	rnd_num(m, ml, odd);
	rnd(e, el);
	rnd(b, bl);
	if (ex) {
		x.modex.modulus.data = m;
		x.modex.modulus.length = ml;
		x.modex.exponent.data = e;
		x.modex.exponent.length = el;
	} else {
		x.modinv.modulus.data = m;
		x.modinv.modulus.length = ml;
	}
	rs = ref_sess(&x);
	es = sess_new(&x, NULL);
	memset(&a, 0, sizeof(a));
	pa->base.data = b;
	pa->base.length = bl;
	pa->result.data = r1;
	pa->result.length = sizeof(r1);
	c = a;
	pc->result.data = r2;
	s1 = ref_run(rs, &a);
	s2 = eng_run(es, &c);
	ref_free(rs);
	sess_free(es);
	if (s1 == 0)
		(*nok)++;
	/* Both fail (no inverse) or both give the same number. */
	if (getenv("ASYM_DEBUG"))
		printf("# %s ml %zu el %zu bl %zu odd %d: ref %d eng %d eq %d\n",
			ex ? "modexp" : "modinv", ml, el, bl, odd, s1, s2,
			num_eq(r1, pa->result.length, r2, pc->result.length));
	if (s1 != 0 || s2 != 0)
		return (s1 == 0) != (s2 == 0);
	return !num_eq(r1, pa->result.length, r2, pc->result.length);
}

static void
diff_mod(void)
{
	static const size_t sizes[] = { 1, 2, 3, 8, 20, 64, 128, 200, 256, 384,
		512, 1024 };
	unsigned int bad[2] = { 0 }, n[2] = { 0 }, okn[2] = { 0 }, i;
	size_t ml;

	for (i = 0; i < 240; i++) {
		ml = sizes[i % RTE_DIM(sizes)];
		/* Short exponents mostly, full-length ones for a third. */
		bad[0] += mod_one(true, ml, i % 3 == 0 ? ml :
			1 + rte_rand_max(RTE_MIN(ml, (size_t)32)), 1 + rte_rand_max(ml),
			(i / 2) % 2 == 0, &okn[0]);
		n[0]++;
		ml = sizes[i % 9];
		bad[1] += mod_one(false, ml, 0, 1 + rte_rand_max(ml),
			(i / 2) % 2 == 0, &okn[1]);
		n[1]++;
	}
	tap_ok(bad[0] == 0 && okn[0] == n[0], "modexp 1..1024-byte moduli (odd "
		"and even) vs crypto_openssl: %u/%u equal", n[0] - bad[0], n[0]);
	tap_ok(bad[1] == 0 && okn[1] > n[1] / 4, "modinv vs crypto_openssl: %u/%u "
		"agree (%u invertible)", n[1] - bad[1], n[1], okn[1]);
}

/* DSA ------------------------------------------------------------------- */

struct dom {
	struct buf p, q, g;
};

static unsigned int
dsa_round(const struct dom *d, BN_CTX *ctx)
{
	uint8_t xb[32], yb[1024], dg[32], r[2][400], s[2][400];
	struct rte_crypto_asym_xform x = {
		.xform_type = RTE_CRYPTO_ASYM_XFORM_DSA };
	struct rte_crypto_asym_op a;
	struct rte_cryptodev_asym_session *es;
	BIGNUM *P = BN_bin2bn(d->p.d, d->p.n, NULL);
	BIGNUM *Q = BN_bin2bn(d->q.d, d->q.n, NULL);
	BIGNUM *G = BN_bin2bn(d->g.d, d->g.n, NULL);
	BIGNUM *X = BN_new(), *Y = BN_new();
	size_t yl, ql = d->q.n;
	unsigned int bad = 0;
	void *rs;
	int side;

	BN_rand_range(X, Q);
	BN_add_word(X, 1);
	BN_bn2binpad(X, xb, ql);
	BN_mod_exp(Y, G, X, P, ctx);
	yl = BN_bn2bin(Y, yb);
	param(&x.dsa.p, &d->p);
	param(&x.dsa.q, &d->q);
	param(&x.dsa.g, &d->g);
	x.dsa.x.data = xb;
	x.dsa.x.length = ql;
	rnd(dg, ql);
	es = sess_new(&x, NULL);
	/* side 0 signs on crypto_openssl, side 1 on the engine; the other
	 * verifies (fresh crypto_openssl sessions: its verify changes them).
	 */
	for (side = 0; side < 2; side++) {
		memset(&a, 0, sizeof(a));
		a.dsa.op_type = RTE_CRYPTO_ASYM_OP_SIGN;
		a.dsa.message.data = dg;
		a.dsa.message.length = ql;
		a.dsa.r.data = r[side];
		a.dsa.s.data = s[side];
		rs = ref_sess(&x);
		if ((side == 0 ? ref_run(rs, &a) : eng_run(es, &a)) != 0)
			bad++;
		ref_free(rs);
		a.dsa.op_type = RTE_CRYPTO_ASYM_OP_VERIFY;
		a.dsa.y.data = yb;
		a.dsa.y.length = yl;
		rs = ref_sess(&x);
		if ((side == 0 ? eng_run(es, &a) : ref_run(rs, &a)) != 0)
			bad++;
		ref_free(rs);
		dg[0] ^= 0x80;	/* and a changed digest fails on the engine */
		if (eng_run(es, &a) == 0)
			bad++;
		dg[0] ^= 0x80;
	}
	sess_free(es);
	BN_free(P);
	BN_free(Q);
	BN_free(G);
	BN_free(X);
	BN_free(Y);
	return bad;
}

static void
diff_dsa(void)
{
	BN_CTX *ctx = BN_CTX_new();
	unsigned int bad = 0, n = 0, i;
	char last[128] = "";
	struct rsp r;
	struct dom d;

	if (rsp_open(&r, "DSA/FIPS_186-3/SigGen.txt") != 0) {
		tap_ok(0, "DSA: vector file missing");
		return;
	}
	/* One domain per L/N group (the first record of its SHA-1 section). */
	while (rsp_next(&r, "S")) {
		if (strstr(r.section, "SHA-1]") == NULL ||
				strcmp(last, r.section) == 0)
			continue;
		snprintf(last, sizeof(last), "%s", r.section);
		d.p = hex(rsp_get(&r, "P"));
		d.q = hex(rsp_get(&r, "Q"));
		d.g = hex(rsp_get(&r, "G"));
		for (i = 0; i < 4; i++, n++)
			bad += dsa_round(&d, ctx);
		free(d.p.d);
		free(d.q.d);
		free(d.g.d);
	}
	rsp_close(&r);
	BN_CTX_free(ctx);
	tap_ok(n == 16 && bad == 0, "DSA L=1024..3072 vs crypto_openssl: each "
		"verifies the other's signatures, %u rounds, %u failures", n,
		bad);
}

/* DH -------------------------------------------------------------------- */

static int
dh_run(void *rs, struct rte_cryptodev_asym_session *es,
	enum rte_crypto_asym_ke_type ke, uint8_t *x, size_t xl, uint8_t *y,
	size_t yl, uint8_t *out, size_t *ol)
{
	struct rte_crypto_asym_op a;
	int st;

	memset(&a, 0, sizeof(a));
	a.dh.ke_type = ke;
	a.dh.priv_key.data = x;
	a.dh.priv_key.length = xl;
	if (ke == RTE_CRYPTO_ASYM_KE_PUB_KEY_GENERATE) {
		a.dh.pub_key.data = out;
		a.dh.pub_key.length = 1024;
	} else {
		a.dh.pub_key.data = y;
		a.dh.pub_key.length = yl;
		a.dh.shared_secret.data = out;
		a.dh.shared_secret.length = 1024;
	}
	st = rs != NULL ? ref_run(rs, &a) : eng_run(es, &a);
	*ol = ke == RTE_CRYPTO_ASYM_KE_PUB_KEY_GENERATE ? a.dh.pub_key.length :
		a.dh.shared_secret.length;
	return st;
}

/* y = g^x mod p (or the shared z = peer^x mod p) by OpenSSL's BN, as
 * bytes of p's length.
 */
static void
bn_pow(const struct buf *b, const struct buf *p, const uint8_t *x, size_t xl,
	uint8_t *out, BN_CTX *ctx)
{
	BIGNUM *B = BN_bin2bn(b->d, b->n, NULL), *P = BN_bin2bn(p->d, p->n,
		NULL), *X = BN_bin2bn(x, xl, NULL), *R = BN_new();

	BN_mod_exp(R, B, X, P, ctx);
	BN_bn2binpad(R, out, p->n);
	BN_free(B);
	BN_free(P);
	BN_free(X);
	BN_free(R);
}

/* crypto_openssl (22.11, OpenSSL 3 path) makes DH keys with EVP keygen and
 * so ignores the op's private and peer keys: its results cannot be
 * compared, only its status. The reference numbers are OpenSSL BN's.
 */
static void
diff_dh(void)
{
	uint8_t x1[64], x2[64], y1[1024], y2[1024], z1[1024], z2[1024],
		ref[1024];
	unsigned int bad = 0, n = 0, refok = 0, i;
	size_t l1 = 0, l2 = 0, lz1 = 0, lz2 = 0, lr = 0, xl;
	BN_CTX *ctx = BN_CTX_new();
	struct rsp r;

	if (rsp_open(&r, "DH/RFC5114.txt") != 0) {
		tap_ok(0, "DH: vector file missing");
		return;
	}
	while (rsp_next(&r, "Result")) {
		struct buf p = hex(rsp_get(&r, "P")), g = hex(rsp_get(&r, "G"));
		struct buf q = hex(rsp_get(&r, "Q")), yb;
		struct rte_crypto_asym_xform x = {
			.xform_type = RTE_CRYPTO_ASYM_XFORM_DH };
		struct rte_cryptodev_asym_session *es;
		void *rs;

		param(&x.dh.p, &p);
		param(&x.dh.g, &g);
		rs = ref_sess(&x);
		es = sess_new(&x, NULL);
		xl = q.n;	/* private keys below q: q's length, top bits 0 */
		for (i = 0; i < 5; i++, n++) {
			rnd(x1, xl);
			rnd(x2, xl);
			x1[0] &= 0x3f;
			x2[0] &= 0x3f;
			if (dh_run(rs, NULL, RTE_CRYPTO_ASYM_KE_PUB_KEY_GENERATE,
					x1, xl, NULL, 0, ref, &lr) == 0)
				refok++;
			if (dh_run(NULL, es, RTE_CRYPTO_ASYM_KE_PUB_KEY_GENERATE,
					x1, xl, NULL, 0, y1, &l1) != 0 ||
					dh_run(NULL, es,
					RTE_CRYPTO_ASYM_KE_PUB_KEY_GENERATE, x2,
					xl, NULL, 0, y2, &l2) != 0 ||
					l1 != p.n || l2 != p.n) {
				bad++;
				continue;
			}
			bn_pow(&g, &p, x1, xl, ref, ctx);
			if (memcmp(ref, y1, p.n) != 0)
				bad++;
			yb.d = y2;
			yb.n = l2;
			bn_pow(&yb, &p, x1, xl, ref, ctx);
			if (dh_run(NULL, es,
					RTE_CRYPTO_ASYM_KE_SHARED_SECRET_COMPUTE,
					x1, xl, y2, l2, z1, &lz1) != 0 ||
					dh_run(NULL, es,
					RTE_CRYPTO_ASYM_KE_SHARED_SECRET_COMPUTE,
					x2, xl, y1, l1, z2, &lz2) != 0 ||
					lz1 != p.n || lz2 != p.n ||
					memcmp(z1, z2, p.n) != 0 ||
					memcmp(z1, ref, p.n) != 0)
				bad++;
		}
		ref_free(rs);
		sess_free(es);
		free(p.d);
		free(g.d);
		free(q.d);
	}
	rsp_close(&r);
	BN_CTX_free(ctx);
	tap_ok(n == 15 && bad == 0, "DH RFC 5114 groups: public keys and shared "
		"secrets = OpenSSL BN's, agreeing both ways: %u/%u (crypto_openssl "
		"public key ops succeeded %u/%u, results not comparable)",
		n - bad, n, refok, n);
}

#endif /* TEST_ASYM_DIFF_MOD_H */
