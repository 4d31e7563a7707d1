/* SPDX-License-Identifier: BSD-3-Clause
 * Part of test_asym_hostile.c: random session set-ups (random types,
 * numbers, lengths, NULL pointers) and random ops on valid and random
 * sessions. Every number handed to the engine points at a buffer at least
 * as long as its length (the one promise the API asks of callers); every
 * output buffer is followed by guard bytes that must stay untouched.
 */
#ifndef TEST_ASYM_HOSTILE_FUZZ_H
#define TEST_ASYM_HOSTILE_FUZZ_H

#define FZ_OUT	1100	/* room of an output of length 0: any result fits */
#define FZ_GUARD 32
#define FZ_SLOTS 24

struct fz {
	uint8_t *buf[FZ_SLOTS];
	size_t room[FZ_SLOTS];
	unsigned int used;
};

/* Lengths: mostly small, some around the limits. */
static size_t
fz_len(void)
{
	static const size_t edges[] = { 0, 1, 2, 20, 32, 64, 65, 66, 127, 128,
		129, 256, 512, 1023, 1024, 1025 };

	switch (rand64() % 4) {
	case 0:
		return edges[rand64() % RTE_DIM(edges)];
	case 1:
		return rand64() % 80;
	default:
		return rand64() % 300;
	}
}

/* A number: random bytes (sometimes leading zeros, all zeros, all ones),
 * or NULL with length 0 or a length (which the engine must refuse).
 */
static void
fz_param(struct fz *f, rte_crypto_param *p, bool out)
{
	size_t len = fz_len(), room;
	uint8_t *b;

	if (rand64() % 16 == 0) {
		p->data = NULL;
		p->length = rand64() % 2 ? 0 : len;
		return;
	}
	room = out && len == 0 ? FZ_OUT : len;
	b = malloc(room + FZ_GUARD);
	memset(b + room, 0xa5, FZ_GUARD);
	switch (rand64() % 5) {
	case 0:
		memset(b, 0, room);
		break;
	case 1:
		memset(b, 0xff, room);
		break;
	default:
		fill(b, room);
		if (room > 0 && rand64() % 3 == 0)
			b[0] = 0;
	}
	f->buf[f->used] = b;
	f->room[f->used++] = room;
	p->data = b;
	p->length = len;
}

/* Free the buffers; false when a guard byte changed. */
static bool
fz_done(struct fz *f)
{
	bool intact = true;

	for (unsigned int i = 0; i < f->used; i++) {
		for (size_t j = 0; j < FZ_GUARD; j++)
			if (f->buf[i][f->room[i] + j] != 0xa5)
				intact = false;
		free(f->buf[i]);
	}
	f->used = 0;
	return intact;
}

/* Random values in every field of the op union member that session type
 * t reads (callers must fill the member matching their session: other
 * members overlay its pointers).
 */
static void
fz_op(struct fz *f, struct rte_crypto_asym_op *a,
	enum rte_crypto_asym_xform_type t)
{
	rte_crypto_param *p;
	unsigned int i, n;

	memset(a, 0, sizeof(*a));
	if (t == RTE_CRYPTO_ASYM_XFORM_RSA) {
		a->rsa.op_type = (enum rte_crypto_asym_op_type)(rand64() % 6);
		fz_param(f, &a->rsa.message, true);
		fz_param(f, &a->rsa.cipher, true);
		fz_param(f, &a->rsa.sign, true);
		a->rsa.padding.type =
			(enum rte_crypto_rsa_padding_type)(rand64() % 5);
		a->rsa.padding.hash =
			(enum rte_crypto_auth_algorithm)(rand64() % 16);
		a->rsa.padding.mgf1hash =
			(enum rte_crypto_auth_algorithm)(rand64() % 16);
		a->rsa.padding.pss_saltlen = (uint16_t)(rand64() % 70);
		if (rand64() % 2)
			fz_param(f, &a->rsa.padding.oaep_label, false);
	} else if (t == RTE_CRYPTO_ASYM_XFORM_MODEX ||
			t == RTE_CRYPTO_ASYM_XFORM_MODINV ||
			t == RTE_CRYPTO_ASYM_XFORM_ECPM ||
			t == RTE_CRYPTO_ASYM_XFORM_ECFPM) {
		/* Members made of numbers only (base/result, points, scalar). */
		p = (rte_crypto_param *)&a->ecpm;
		n = RTE_MIN(5u, (unsigned int)((sizeof(a->ecdsa)) /
			sizeof(*p)));
		for (i = 0; i < n; i++)
			fz_param(f, &p[i], true);
	} else {
		/* An op or key-exchange type, then numbers: dh, ecdh, dsa and
		 * ecdsa (pkey, q.x, q.y, message, k, r, s: the widest).
		 */
		a->ecdsa.op_type = (enum rte_crypto_asym_op_type)(rand64() % 6);
		p = &a->ecdsa.pkey;
		for (i = 0; i < 7; i++)
			fz_param(f, &p[i], true);
	}
	a->flags = (uint16_t)(rand64() % 4);
}

/* A random xform: its member filled as its type reads it. */
static void
fz_xform(struct fz *f, struct rte_crypto_asym_xform *x)
{
	rte_crypto_param *p = (rte_crypto_param *)&x->rsa.n;
	unsigned int i;

	memset(x, 0, sizeof(*x));
	x->xform_type = (enum rte_crypto_asym_xform_type)(rand64() % 12);
	switch (x->xform_type) {
	case RTE_CRYPTO_ASYM_XFORM_RSA:
		fz_param(f, &x->rsa.n, false);
		fz_param(f, &x->rsa.e, false);
		x->rsa.key_type =
			(enum rte_crypto_rsa_priv_key_type)(rand64() % 3);
		for (i = 0; i < 5; i++)
			fz_param(f, &x->rsa.qt.p + i, false);
		break;
	case RTE_CRYPTO_ASYM_XFORM_ECDSA:
	case RTE_CRYPTO_ASYM_XFORM_ECDH:
	case RTE_CRYPTO_ASYM_XFORM_ECPM:
	case RTE_CRYPTO_ASYM_XFORM_ECFPM:
		x->ec.curve_id = (enum rte_crypto_curve_id)(18 + rand64() % 9);
		break;
	default:
		/* modex, modinv, dh, dsa: numbers only (dsa: four). */
		for (i = 0; i < 4; i++)
			fz_param(f, &p[i], false);
		break;
	}
}

static bool
fz_status_ok(int st)
{
	return st == ST_OK || st == ST_ARGS || st == ST_SESS || st == ST_ERR ||
		st == ST_AUTH;
}

static void
fuzz_sessions(void)
{
	unsigned int n = 0, made = 0, bad = 0, ops = 0;
	struct rte_crypto_asym_xform x;
	struct rte_crypto_asym_op a;
	struct fz f = { .used = 0 }, g = { .used = 0 };

	for (n = 0; n < 3000; n++) {
		struct rte_cryptodev_asym_session *s;
		int ret;

		fz_xform(&f, &x);
		s = sess_new(&x, &ret);
		if (s != NULL) {
			made++;
			for (int i = 0; i < 3; i++, ops++) {
				fz_op(&g, &a, x.xform_type);
				if (!fz_status_ok(st_of(s, &a)) || !fz_done(&g))
					bad++;
			}
		} else if (ret != -EINVAL && ret != -ENOTSUP) {
			bad++;
		}
		sess_free(s);
		if (!fz_done(&f))
			bad++;
	}
	tap_ok(bad == 0 && made > 50, "%u random session set-ups (%u made, %u "
		"random ops on them): %u bad results", n, made, ops, bad);
}

/* Random ops on sessions of every kind. */
static void
fuzz_ops(const struct rkey *k)
{
	struct rte_cryptodev_asym_session *s[16];
	enum rte_crypto_asym_xform_type type[16];
	struct rte_crypto_asym_xform x;
	struct rte_crypto_asym_op a;
	struct fz f = { .used = 0 };
	unsigned int ns = 0, n, bad = 0, good = 0;
	struct buf p, q, g, two = hex("02");
	uint8_t m[64];
	int st;

	rsa_x(&x, k, true, false);
	type[ns] = x.xform_type;
	s[ns++] = sess_new(&x, NULL);
	rsa_x(&x, k, false, false);
	type[ns] = x.xform_type;
	s[ns++] = sess_new(&x, NULL);
	memset(&x, 0, sizeof(x));
	for (int c = 0; c < 4; c++) {
		static const enum rte_crypto_asym_xform_type t[] = {
			RTE_CRYPTO_ASYM_XFORM_ECDSA, RTE_CRYPTO_ASYM_XFORM_ECPM,
			RTE_CRYPTO_ASYM_XFORM_ECDH,
			RTE_CRYPTO_ASYM_XFORM_ECFPM };

		x.xform_type = t[c];
		x.ec.curve_id = c % 2 ? RTE_CRYPTO_EC_GROUP_SECP256R1 :
			RTE_CRYPTO_EC_GROUP_SECP521R1;
		type[ns] = x.xform_type;
		type[ns] = x.xform_type;
	s[ns++] = sess_new(&x, NULL);
	}
	fill(m, sizeof(m));
	m[63] |= 1;
	memset(&x, 0, sizeof(x));
	x.xform_type = RTE_CRYPTO_ASYM_XFORM_MODEX;
	x.modex.modulus.data = m;
	x.modex.modulus.length = 64;
	x.modex.exponent.data = m + 10;
	x.modex.exponent.length = 20;
	type[ns] = x.xform_type;
	s[ns++] = sess_new(&x, NULL);
	x.xform_type = RTE_CRYPTO_ASYM_XFORM_MODINV;
	type[ns] = x.xform_type;
	s[ns++] = sess_new(&x, NULL);
	dom_load("DH/RFC5114.txt", "Result", &p, &q, &g);
	memset(&x, 0, sizeof(x));
	x.xform_type = RTE_CRYPTO_ASYM_XFORM_DH;
	param(&x.dh.p, &p);
	param(&x.dh.g, &g);
	type[ns] = x.xform_type;
	s[ns++] = sess_new(&x, NULL);
	x.xform_type = RTE_CRYPTO_ASYM_XFORM_DSA;
	param(&x.dsa.p, &p);
	param(&x.dsa.q, &q);
	param(&x.dsa.g, &g);
	param(&x.dsa.x, &two);
	type[ns] = x.xform_type;
	s[ns++] = sess_new(&x, NULL);
	for (n = 0; n < 20000; n++) {
		unsigned int i = rand64() % ns;

		fz_op(&f, &a, type[i]);
		st = st_of(s[i], &a);
		good += st == ST_OK;
		if (!fz_status_ok(st) || !fz_done(&f)) {
			bad++;
			printf("# op %u: status %d or guard overwritten\n", n, st);
		}
	}
	for (unsigned int i = 0; i < ns; i++)
		sess_free(s[i]);
	free(p.d);
	free(q.d);
	free(g.d);
	free(two.d);
	tap_ok(bad == 0, "%u random ops on %u sessions of 8 kinds (%u succeeded): "
		"%u without a final status or writing out of bounds", n, ns,
		good, bad);
}

#endif /* TEST_ASYM_HOSTILE_FUZZ_H */
