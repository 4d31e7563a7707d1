/* SPDX-License-Identifier: BSD-3-Clause
 * Second half of test_asym_kat.c (one TAP stream, so one translation
 * unit): ECDSA, ECPM/ECFPM, ECDH, DSA and DH known answers.
 */
#ifndef TEST_ASYM_KAT_EC_H
#define TEST_ASYM_KAT_EC_H

#include <openssl/ec.h>
#include <openssl/obj_mac.h>

static int
curve_of(const char *sec)
{
	if (strstr(sec, "P-192") || strstr(sec, "EA"))
		return RTE_CRYPTO_EC_GROUP_SECP192R1;
	if (strstr(sec, "P-224") || strstr(sec, "EB"))
		return RTE_CRYPTO_EC_GROUP_SECP224R1;
	if (strstr(sec, "P-256") || strstr(sec, "EC"))
		return RTE_CRYPTO_EC_GROUP_SECP256R1;
	if (strstr(sec, "P-384") || strstr(sec, "ED"))
		return RTE_CRYPTO_EC_GROUP_SECP384R1;
	if (strstr(sec, "P-521") || strstr(sec, "EE"))
		return RTE_CRYPTO_EC_GROUP_SECP521R1;
	return -1;
}

static struct rte_cryptodev_asym_session *
ec_sess(enum rte_crypto_asym_xform_type t, int curve)
{
	struct rte_crypto_asym_xform x = { .xform_type = t };

	x.ec.curve_id = curve;
	return sess_new(&x, NULL);
}

/* The generator of curve (from OpenSSL, as the ECPM input point). */
static void
gen_of(int curve, struct buf *gx, struct buf *gy)
{
	static const int nids[] = { [RTE_CRYPTO_EC_GROUP_SECP192R1] =
		NID_X9_62_prime192v1, [RTE_CRYPTO_EC_GROUP_SECP224R1] =
		NID_secp224r1, [RTE_CRYPTO_EC_GROUP_SECP256R1] =
		NID_X9_62_prime256v1, [RTE_CRYPTO_EC_GROUP_SECP384R1] =
		NID_secp384r1, [RTE_CRYPTO_EC_GROUP_SECP521R1] = NID_secp521r1 };
	EC_GROUP *g = EC_GROUP_new_by_curve_name(nids[curve]);
	BIGNUM *x = BN_new(), *y = BN_new();

	EC_POINT_get_affine_coordinates(g, EC_GROUP_get0_generator(g), x, y,
		NULL);
	gx->d = malloc(80);
	gy->d = malloc(80);
	gx->n = BN_bn2bin(x, gx->d);
	gy->n = BN_bn2bin(y, gy->d);
	BN_free(x);
	BN_free(y);
	EC_GROUP_free(g);
}

/* ECPM/ECFPM/ECDH-pubgen of scalar d (P NULL: generator): == (qx, qy)? */
static bool
ec_mul_is(int curve, enum rte_crypto_asym_xform_type t, const struct buf *d,
	const struct buf *px, const struct buf *py, const struct buf *qx,
	const struct buf *qy)
{
	struct rte_cryptodev_asym_session *s = ec_sess(t, curve);
	struct rte_crypto_op *op = op_new(s);
	uint8_t rx[80], ry[80];
	struct rte_crypto_ec_point *r;
	bool good;

	if (t == RTE_CRYPTO_ASYM_XFORM_ECDH) {
		op->asym->ecdh.ke_type = RTE_CRYPTO_ASYM_KE_PUB_KEY_GENERATE;
		param(&op->asym->ecdh.priv_key, d);
		if (px != NULL) {
			op->asym->ecdh.ke_type =
				RTE_CRYPTO_ASYM_KE_SHARED_SECRET_COMPUTE;
			param(&op->asym->ecdh.pub_key.x, px);
			param(&op->asym->ecdh.pub_key.y, py);
			r = &op->asym->ecdh.shared_secret;
		} else {
			r = &op->asym->ecdh.pub_key;
		}
	} else {
		param(&op->asym->ecpm.scalar, d);
		if (px != NULL) {
			param(&op->asym->ecpm.p.x, px);
			param(&op->asym->ecpm.p.y, py);
		}
		r = &op->asym->ecpm.r;
	}
	r->x.data = rx;
	r->y.data = ry;
	good = s != NULL && run(op) == 0 && num_eq(rx, r->x.length, qx->d,
		qx->n) && (qy == NULL || num_eq(ry, r->y.length, qy->d, qy->n));
	free(op);
	sess_free(s);
	return good;
}

static int
ecdsa_op(int curve, enum rte_crypto_asym_op_type ot, const struct buf *dg,
	const struct buf *d, const struct buf *k, const struct buf *qx,
	const struct buf *qy, struct buf *r, struct buf *sg)
{
	struct rte_cryptodev_asym_session *s = ec_sess(
		RTE_CRYPTO_ASYM_XFORM_ECDSA, curve);
	struct rte_crypto_op *op = op_new(s);
	struct rte_crypto_ecdsa_op_param *e = &op->asym->ecdsa;
	int st;

	e->op_type = ot;
	param(&e->message, dg);
	if (ot == RTE_CRYPTO_ASYM_OP_SIGN) {
		param(&e->pkey, d);
		if (k != NULL)
			param(&e->k, k);
		e->r.data = r->d;
		e->s.data = sg->d;
	} else {
		param(&e->q.x, qx);
		param(&e->q.y, qy);
		param(&e->r, r);
		param(&e->s, sg);
	}
	st = s == NULL ? -1 : run(op);
	if (ot == RTE_CRYPTO_ASYM_OP_SIGN) {
		r->n = e->r.length;
		sg->n = e->s.length;
	}
	free(op);
	sess_free(s);
	return st;
}

static void
kat_ecdsa_siggen(void)
{
	unsigned int n = 0, bad[6] = { 0 };
	struct buf pd = { NULL, 0 }, pqx = { NULL, 0 }, pqy = { NULL, 0 };
	int pcurve = -1;
	struct rsp r;

	if (rsp_open(&r, "ECDSA/FIPS_186-3/SigGen.txt") != 0) {
		tap_ok(0, "ECDSA SigGen: vector file missing");
		return;
	}
	while (rsp_next(&r, "S")) {
		int curve = curve_of(r.section), sha = sha_of(r.section);
		struct buf b[7] = { hex(rsp_get(&r, "Msg")),
			hex(rsp_get(&r, "d")), hex(rsp_get(&r, "Qx")),
			hex(rsp_get(&r, "Qy")), hex(rsp_get(&r, "k")),
			hex(rsp_get(&r, "R")), hex(rsp_get(&r, "S")) };
		uint8_t rb[80], sb[80];
		struct buf R = { rb, 0 }, S = { sb, 0 }, gx, gy, dg;

		if (curve < 0 || sha < 0) {	/* K- and B- curves */
			bfree(b, 7);
			continue;
		}
		n++;
		dg = digest(sha, &b[0]);
		if (ecdsa_op(curve, RTE_CRYPTO_ASYM_OP_SIGN, &dg, &b[1], &b[4],
				NULL, NULL, &R, &S) != 0 ||
				!num_eq(R.d, R.n, b[5].d, b[5].n) ||
				!num_eq(S.d, S.n, b[6].d, b[6].n))
			bad[0]++;
		if (ecdsa_op(curve, RTE_CRYPTO_ASYM_OP_VERIFY, &dg, NULL, NULL,
				&b[2], &b[3], &b[5], &b[6]) != 0)
			bad[1]++;
		if (ecdsa_op(curve, RTE_CRYPTO_ASYM_OP_SIGN, &dg, &b[1], NULL,
				NULL, NULL, &R, &S) != 0 ||
				ecdsa_op(curve, RTE_CRYPTO_ASYM_OP_VERIFY, &dg,
				NULL, NULL, &b[2], &b[3], &R, &S) != 0)
			bad[2]++;
		dg.d[0] ^= 1;
		if (ecdsa_op(curve, RTE_CRYPTO_ASYM_OP_VERIFY, &dg, NULL, NULL,
				&b[2], &b[3], &b[5], &b[6]) !=
				RTE_CRYPTO_OP_STATUS_AUTH_FAILED)
			bad[3]++;
		gen_of(curve, &gx, &gy);
		if (!ec_mul_is(curve, RTE_CRYPTO_ASYM_XFORM_ECFPM, &b[1], NULL,
				NULL, &b[2], &b[3]) ||
				!ec_mul_is(curve, RTE_CRYPTO_ASYM_XFORM_ECPM,
				&b[1], &gx, &gy, &b[2], &b[3]) ||
				!ec_mul_is(curve, RTE_CRYPTO_ASYM_XFORM_ECDH,
				&b[1], NULL, NULL, &b[2], &b[3]))
			bad[4]++;
		/* d_i Q_{i-1} = d_{i-1} Q_i, as ECDH and as ECPM. */
		if (pcurve == curve) {
			struct buf x1 = { malloc(80), 0 }, y1 = { malloc(80),
				0 };
			struct rte_cryptodev_asym_session *s = ec_sess(
				RTE_CRYPTO_ASYM_XFORM_ECPM, curve);
			struct rte_crypto_op *op = op_new(s);

			param(&op->asym->ecpm.scalar, &pd);
			param(&op->asym->ecpm.p.x, &b[2]);
			param(&op->asym->ecpm.p.y, &b[3]);
			op->asym->ecpm.r.x.data = x1.d;
			op->asym->ecpm.r.y.data = y1.d;
			x1.n = y1.n = 0;
			if (run(op) != 0)
				bad[5]++;
			x1.n = op->asym->ecpm.r.x.length;
			y1.n = op->asym->ecpm.r.y.length;
			if (!ec_mul_is(curve, RTE_CRYPTO_ASYM_XFORM_ECDH,
					&b[1], &pqx, &pqy, &x1, &y1))
				bad[5]++;
			free(op);
			sess_free(s);
			free(x1.d);
			free(y1.d);
		}
		free(pd.d);
		free(pqx.d);
		free(pqy.d);
		pd = b[1];
		pqx = b[2];
		pqy = b[3];
		b[1].d = b[2].d = b[3].d = NULL;
		pcurve = curve;
		free(gx.d);
		free(gy.d);
		free(dg.d);
		bfree(b, 7);
	}
	free(pd.d);
	free(pqx.d);
	free(pqy.d);
	rsp_close(&r);
	tap_ok(n == 375 && bad[0] == 0, "ECDSA SigGen (P-192..P-521) with k: "
		"%u/%u exact (r, s)", n - bad[0], n);
	tap_ok(n == 375 && bad[1] == 0, "ECDSA SigGen: %u/%u NIST signatures "
		"verify", n - bad[1], n);
	tap_ok(n == 375 && bad[2] == 0, "ECDSA random-k signatures verify: %u/%u",
		n - bad[2], n);
	tap_ok(n == 375 && bad[3] == 0, "ECDSA altered digest: %u/%u AUTH_FAILED",
		n - bad[3], n);
	tap_ok(n == 375 && bad[4] == 0, "ECFPM, ECPM(G) and ECDH public key of d "
		"= Q: %u/%u", n - bad[4], n);
	tap_ok(bad[5] == 0, "ECDH shared point = ECPM d_i Q_{i-1} across records");
}

static void
kat_ecdsa_sigver(void)
{
	unsigned int n = 0, bad = 0;
	struct rsp r;

	if (rsp_open(&r, "ECDSA/FIPS_186-3/SigVer.rsp") != 0) {
		tap_ok(0, "ECDSA SigVer: vector file missing");
		return;
	}
	while (rsp_next(&r, "Result")) {
		int curve = curve_of(r.section), sha = sha_of(r.section), st;
		bool pass = rsp_get(&r, "Result")[0] == 'P';
		struct buf b[5] = { hex(rsp_get(&r, "Msg")),
			hex(rsp_get(&r, "Qx")), hex(rsp_get(&r, "Qy")),
			hex(rsp_get(&r, "R")), hex(rsp_get(&r, "S")) };
		struct buf dg;

		if (curve >= 0 && sha >= 0) {
			n++;
			dg = digest(sha, &b[0]);
			st = ecdsa_op(curve, RTE_CRYPTO_ASYM_OP_VERIFY, &dg,
				NULL, NULL, &b[1], &b[2], &b[3], &b[4]);
			if (pass ? st != 0 : st == 0)
				bad++;
			free(dg.d);
		}
		bfree(b, 5);
	}
	rsp_close(&r);
	tap_ok(n == 375 && bad == 0, "ECDSA SigVer (P curves): %u/%u verdicts "
		"right", n - bad, n);
}

static void
kat_ec_keypair(void)
{
	unsigned int n = 0, bad = 0;
	struct rsp r;

	if (rsp_open(&r, "ECDSA/FIPS_186-3/KeyPair.rsp") != 0) {
		tap_ok(0, "ECDSA KeyPair: vector file missing");
		return;
	}
	while (rsp_next(&r, "Qy")) {
		int curve = curve_of(r.prev_section);
		struct buf b[3] = { hex(rsp_get(&r, "d")),
			hex(rsp_get(&r, "Qx")), hex(rsp_get(&r, "Qy")) };

		if (curve >= 0) {
			n++;
			if (!ec_mul_is(curve, RTE_CRYPTO_ASYM_XFORM_ECFPM, &b[0],
					NULL, NULL, &b[1], &b[2]))
				bad++;
		}
		bfree(b, 3);
	}
	rsp_close(&r);
	tap_ok(n == 50 && bad == 0, "EC KeyPair: ECFPM d = Q %u/%u", n - bad, n);
}

static void
kat_ecdh_kas(void)
{
	unsigned int n = 0, bad = 0, np = 0;
	struct rsp r;

	if (rsp_open(&r, "ECDH/KASValidityTest_ECCStaticUnified_NOKC_ZZOnly_"
			"init.fax") != 0) {
		tap_ok(0, "ECDH KAS: vector file missing");
		return;
	}
	while (rsp_next(&r, "Result")) {
		int curve = curve_of(r.section);
		bool pass = rsp_get(&r, "Result")[0] == 'P', same;
		struct buf b[6] = { hex(rsp_get(&r, "dsIUT")),
			hex(rsp_get(&r, "QsCAVSx")), hex(rsp_get(&r, "QsCAVSy")),
			hex(rsp_get(&r, "Z")), hex(rsp_get(&r, "QsIUTx")),
			hex(rsp_get(&r, "QsIUTy")) };

		if (curve >= 0) {
			n++;
			np += pass;
			same = ec_mul_is(curve, RTE_CRYPTO_ASYM_XFORM_ECDH,
				&b[0], &b[1], &b[2], &b[3], NULL);
			/* A failing record has a wrong Z or a wrong key. */
			if (pass ? !same || !ec_mul_is(curve,
					RTE_CRYPTO_ASYM_XFORM_ECDH, &b[0], NULL,
					NULL, &b[4], &b[5]) : same)
				bad++;
		}
		bfree(b, 6);
	}
	rsp_close(&r);
	tap_ok(n > 50 && np > 0 && bad == 0, "ECDH KAS ZZOnly: %u/%u verdicts right "
		"(%u with Z)", n - bad, n, np);
}

/* ECDH with generated keys: PRIV_KEY_GENERATE, PUB_KEY_GENERATE with no
 * private key (one is made and returned), the public key of the first,
 * both shared points equal, both public keys pass PUB_KEY_VERIFY.
 */
static int
ecdh_op(struct rte_cryptodev_asym_session *s, enum rte_crypto_asym_ke_type ke,
	struct buf *x, struct buf *px, struct buf *py, struct buf *ox,
	struct buf *oy)
{
	struct rte_crypto_op *op = op_new(s);
	struct rte_crypto_ecdh_op_param *e = &op->asym->ecdh;
	struct rte_crypto_ec_point *out = ke ==
		RTE_CRYPTO_ASYM_KE_SHARED_SECRET_COMPUTE ? &e->shared_secret :
		&e->pub_key;
	int st;

	e->ke_type = ke;
	if (ke == RTE_CRYPTO_ASYM_KE_PRIV_KEY_GENERATE ||
			(ke == RTE_CRYPTO_ASYM_KE_PUB_KEY_GENERATE && x->n == 0))
		e->priv_key.data = x->d;	/* output */
	else
		param(&e->priv_key, x);
	if (px != NULL) {
		param(&e->pub_key.x, px);
		param(&e->pub_key.y, py);
	}
	if (ox != NULL) {
		out->x.data = ox->d;
		out->y.data = oy->d;
	}
	st = run(op);
	if (e->priv_key.data == x->d)
		x->n = e->priv_key.length;
	if (ox != NULL) {
		ox->n = out->x.length;
		oy->n = out->y.length;
	}
	free(op);
	return st;
}

static void
kat_ecdh_generated(void)
{
	static const int curves[] = { RTE_CRYPTO_EC_GROUP_SECP192R1,
		RTE_CRYPTO_EC_GROUP_SECP224R1, RTE_CRYPTO_EC_GROUP_SECP256R1,
		RTE_CRYPTO_EC_GROUP_SECP384R1, RTE_CRYPTO_EC_GROUP_SECP521R1 };
	unsigned int n = 0, bad = 0;

	for (unsigned int c = 0; c < RTE_DIM(curves); c++) {
		for (int round = 0; round < 10; round++, n++) {
			uint8_t m[8][80];
			struct buf a = { m[0], 0 }, b = { m[1], 0 };
			struct buf ax = { m[2], 0 }, ay = { m[3], 0 };
			struct buf bx = { m[4], 0 }, by = { m[5], 0 };
			struct buf z1x = { m[6], 0 }, z1y = { m[7], 0 };
			uint8_t z2[2][80];
			struct buf z2x = { z2[0], 0 }, z2y = { z2[1], 0 };
			struct rte_cryptodev_asym_session *s = ec_sess(
				RTE_CRYPTO_ASYM_XFORM_ECDH, curves[c]);

			if (s == NULL ||
					ecdh_op(s, RTE_CRYPTO_ASYM_KE_PRIV_KEY_GENERATE,
					&a, NULL, NULL, NULL, NULL) != 0 ||
					ecdh_op(s, RTE_CRYPTO_ASYM_KE_PUB_KEY_GENERATE,
					&b, NULL, NULL, &bx, &by) != 0 ||
					b.n == 0 ||
					ecdh_op(s, RTE_CRYPTO_ASYM_KE_PUB_KEY_GENERATE,
					&a, NULL, NULL, &ax, &ay) != 0 ||
					ecdh_op(s, RTE_CRYPTO_ASYM_KE_PUB_KEY_VERIFY,
					&a, &ax, &ay, NULL, NULL) != 0 ||
					ecdh_op(s, RTE_CRYPTO_ASYM_KE_PUB_KEY_VERIFY,
					&a, &bx, &by, NULL, NULL) != 0 ||
					ecdh_op(s,
					RTE_CRYPTO_ASYM_KE_SHARED_SECRET_COMPUTE,
					&a, &bx, &by, &z1x, &z1y) != 0 ||
					ecdh_op(s,
					RTE_CRYPTO_ASYM_KE_SHARED_SECRET_COMPUTE,
					&b, &ax, &ay, &z2x, &z2y) != 0 ||
					!num_eq(z1x.d, z1x.n, z2x.d, z2x.n) ||
					!num_eq(z1y.d, z1y.n, z2y.d, z2y.n) ||
					num_eq(a.d, a.n, b.d, b.n))
				bad++;
			sess_free(s);
		}
	}
	tap_ok(bad == 0, "ECDH with generated keys on the five curves: "
		"shared points agree %u/%u", n - bad, n);
}

/* DSA and DH ------------------------------------------------------------ */

static struct rte_cryptodev_asym_session *
dsa_sess(struct rsp *r, struct buf *b)
{
	struct rte_crypto_asym_xform x = {
		.xform_type = RTE_CRYPTO_ASYM_XFORM_DSA };

	b[0] = hex(rsp_get(r, "P"));
	b[1] = hex(rsp_get(r, "Q"));
	b[2] = hex(rsp_get(r, "G"));
	b[3] = hex(rsp_get(r, "X") ? rsp_get(r, "X") : "");
	param(&x.dsa.p, &b[0]);
	param(&x.dsa.q, &b[1]);
	param(&x.dsa.g, &b[2]);
	param(&x.dsa.x, &b[3]);
	return sess_new(&x, NULL);
}

static int
dsa_op(struct rte_cryptodev_asym_session *s, enum rte_crypto_asym_op_type ot,
	const struct buf *dg, const struct buf *k, const struct buf *y,
	struct buf *r, struct buf *sg)
{
	struct rte_crypto_op *op = op_new(s);
	struct rte_crypto_dsa_op_param *d = &op->asym->dsa;
	int st;

	d->op_type = ot;
	param(&d->message, dg);
	if (ot == RTE_CRYPTO_ASYM_OP_SIGN) {
		if (k != NULL)
			param(&d->k, k);
		d->r.data = r->d;
		d->s.data = sg->d;
	} else {
		param(&d->y, y);
		param(&d->r, r);
		param(&d->s, sg);
	}
	st = run(op);
	if (ot == RTE_CRYPTO_ASYM_OP_SIGN) {
		r->n = d->r.length;
		sg->n = d->s.length;
	}
	free(op);
	return st;
}

static void
kat_dsa_siggen(void)
{
	unsigned int n = 0, bad[3] = { 0 };
	struct rsp r;

	if (rsp_open(&r, "DSA/FIPS_186-3/SigGen.txt") != 0) {
		tap_ok(0, "DSA SigGen: vector file missing");
		return;
	}
	while (rsp_next(&r, "S")) {
		int sha = sha_of(r.section);
		struct buf d[4], b[5] = { hex(rsp_get(&r, "Msg")),
			hex(rsp_get(&r, "Y")), hex(rsp_get(&r, "K")),
			hex(rsp_get(&r, "R")), hex(rsp_get(&r, "S")) };
		struct rte_cryptodev_asym_session *s = dsa_sess(&r, d);
		uint8_t rb[40], sb[40];
		struct buf R = { rb, 0 }, S = { sb, 0 }, dg = digest(sha, &b[0]);

		n++;
		if (s == NULL || dsa_op(s, RTE_CRYPTO_ASYM_OP_SIGN, &dg, &b[2],
				NULL, &R, &S) != 0 ||
				!num_eq(R.d, R.n, b[3].d, b[3].n) ||
				!num_eq(S.d, S.n, b[4].d, b[4].n))
			bad[0]++;
		if (s == NULL || dsa_op(s, RTE_CRYPTO_ASYM_OP_VERIFY, &dg, NULL,
				&b[1], &b[3], &b[4]) != 0)
			bad[1]++;
		if (s == NULL || dsa_op(s, RTE_CRYPTO_ASYM_OP_SIGN, &dg, NULL,
				NULL, &R, &S) != 0 ||
				dsa_op(s, RTE_CRYPTO_ASYM_OP_VERIFY, &dg, NULL,
				&b[1], &R, &S) != 0)
			bad[2]++;
		sess_free(s);
		free(dg.d);
		bfree(d, 4);
		bfree(b, 5);
	}
	rsp_close(&r);
	tap_ok(n == 300 && bad[0] == 0, "DSA SigGen (L 1024..3072) with K: %u/%u "
		"exact (r, s)", n - bad[0], n);
	tap_ok(n == 300 && bad[1] == 0, "DSA SigGen: %u/%u NIST signatures verify",
		n - bad[1], n);
	tap_ok(n == 300 && bad[2] == 0, "DSA random-k signatures verify: %u/%u",
		n - bad[2], n);
}

static void
kat_dsa_sigver(void)
{
	unsigned int n = 0, bad = 0;
	struct rsp r;

	if (rsp_open(&r, "DSA/FIPS_186-3/SigVer.rsp") != 0) {
		tap_ok(0, "DSA SigVer: vector file missing");
		return;
	}
	while (rsp_next(&r, "Result")) {
		int sha = sha_of(r.section), st;
		bool pass = rsp_get(&r, "Result")[0] == 'P';
		struct buf d[4], b[4] = { hex(rsp_get(&r, "Msg")),
			hex(rsp_get(&r, "Y")), hex(rsp_get(&r, "R")),
			hex(rsp_get(&r, "S")) };
		struct rte_cryptodev_asym_session *s = dsa_sess(&r, d);
		struct buf dg = digest(sha, &b[0]);

		n++;
		st = s == NULL ? -1 : dsa_op(s, RTE_CRYPTO_ASYM_OP_VERIFY, &dg,
			NULL, &b[1], &b[2], &b[3]);
		if (s == NULL || (pass ? st != 0 : st == 0))
			bad++;
		sess_free(s);
		free(dg.d);
		bfree(d, 4);
		bfree(b, 4);
	}
	rsp_close(&r);
	tap_ok(n >= 100 && bad == 0, "DSA SigVer: %u/%u verdicts right", n - bad,
		n);
}

static int
dh_op(struct rte_cryptodev_asym_session *s, enum rte_crypto_asym_ke_type ke,
	const struct buf *x, const struct buf *y, uint8_t *out, size_t *olen)
{
	struct rte_crypto_op *op = op_new(s);
	struct rte_crypto_dh_op_param *d = &op->asym->dh;
	int st;

	d->ke_type = ke;
	param(&d->priv_key, x);
	if (ke == RTE_CRYPTO_ASYM_KE_PUB_KEY_GENERATE) {
		d->pub_key.data = out;
	} else {
		param(&d->pub_key, y);
		d->shared_secret.data = out;
	}
	st = run(op);
	*olen = ke == RTE_CRYPTO_ASYM_KE_PUB_KEY_GENERATE ? d->pub_key.length :
		d->shared_secret.length;
	free(op);
	return st;
}

static void
kat_dh_rfc5114(void)
{
	unsigned int n = 0, bad = 0, gn = 0, gbad = 0;
	uint8_t out[1024];
	size_t olen;
	struct rsp r;

	if (rsp_open(&r, "DH/RFC5114.txt") != 0) {
		tap_ok(0, "DH RFC 5114: vector file missing");
		return;
	}
	while (rsp_next(&r, "Result")) {
		struct buf b[7] = { hex(rsp_get(&r, "P")), hex(rsp_get(&r, "G")),
			hex(rsp_get(&r, "XstatIUT")),
			hex(rsp_get(&r, "YstatIUT")),
			hex(rsp_get(&r, "YstatCAVS")), hex(rsp_get(&r, "Z")),
			hex(rsp_get(&r, "XstatCAVS")) };
		struct rte_crypto_asym_xform x = {
			.xform_type = RTE_CRYPTO_ASYM_XFORM_DH };
		struct rte_cryptodev_asym_session *s;

		param(&x.dh.p, &b[0]);
		param(&x.dh.g, &b[1]);
		s = sess_new(&x, NULL);
		n++;
		if (s == NULL ||
				dh_op(s, RTE_CRYPTO_ASYM_KE_PUB_KEY_GENERATE,
				&b[2], NULL, out, &olen) != 0 ||
				olen != b[0].n ||
				!num_eq(out, olen, b[3].d, b[3].n) ||
				dh_op(s, RTE_CRYPTO_ASYM_KE_SHARED_SECRET_COMPUTE,
				&b[2], &b[4], out, &olen) != 0 ||
				!num_eq(out, olen, b[5].d, b[5].n) ||
				dh_op(s, RTE_CRYPTO_ASYM_KE_SHARED_SECRET_COMPUTE,
				&b[6], &b[3], out, &olen) != 0 ||
				!num_eq(out, olen, b[5].d, b[5].n))
			bad++;
		/* Generated keys: A by PRIV_KEY_GENERATE, B (and its public
		 * key) by PUB_KEY_GENERATE without a private key; Z agrees.
		 */
		for (int i = 0; s != NULL && i < 5; i++, gn++) {
			uint8_t ab[2][1024], ya[1024], yb[1024], z2[1024];
			struct rte_crypto_op *op = op_new(s);
			size_t la, lb, lya, lyb, lz1, lz2;
			struct buf A, B, YA, YB;

			op->asym->dh.ke_type =
				RTE_CRYPTO_ASYM_KE_PRIV_KEY_GENERATE;
			op->asym->dh.priv_key.data = ab[0];
			gbad += run(op) != 0;
			la = op->asym->dh.priv_key.length;
			memset(op->asym, 0, sizeof(*op->asym));
			op->asym->session = s;
			op->asym->dh.ke_type = RTE_CRYPTO_ASYM_KE_PUB_KEY_GENERATE;
			op->asym->dh.priv_key.data = ab[1];
			op->asym->dh.pub_key.data = yb;
			gbad += run(op) != 0;
			lb = op->asym->dh.priv_key.length;
			lyb = op->asym->dh.pub_key.length;
			free(op);
			A.d = ab[0];
			A.n = la;
			B.d = ab[1];
			B.n = lb;
			YB.d = yb;
			YB.n = lyb;
			if (dh_op(s, RTE_CRYPTO_ASYM_KE_PUB_KEY_GENERATE, &A, NULL,
					ya, &lya) != 0)
				gbad++;
			YA.d = ya;
			YA.n = lya;
			if (dh_op(s, RTE_CRYPTO_ASYM_KE_SHARED_SECRET_COMPUTE, &A,
					&YB, out, &lz1) != 0 ||
					dh_op(s,
					RTE_CRYPTO_ASYM_KE_SHARED_SECRET_COMPUTE,
					&B, &YA, z2, &lz2) != 0 || lz1 != lz2 ||
					memcmp(out, z2, lz1) != 0 || la == 0 ||
					lb == 0 || num_eq(A.d, la, B.d, lb))
				gbad++;
		}
		sess_free(s);
		bfree(b, 7);
	}
	rsp_close(&r);
	tap_ok(n == 3 && bad == 0, "DH RFC 5114 groups: public keys and Z both "
		"ways %u/%u", n - bad, n);
	tap_ok(gn == 15 && gbad == 0, "DH generated keys (private, and public "
		"without a private key): shared secrets agree %u/%u", gn - gbad,
		gn);
}

#endif /* TEST_ASYM_KAT_EC_H */
