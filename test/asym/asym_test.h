/* SPDX-License-Identifier: BSD-3-Clause
 * Helpers of the asymmetric engine tests (one translation unit each):
 * TAP lines, hex, a flat reader of NIST CAVS .rsp/.txt files, and direct
 * use of the openssl_asym engine through the engine seam (sessions laid
 * out as rte_cryptodev_asym_session does, ops built by hand), so the
 * engine is tested before (and beside) its wiring into the PMD.
 */
#ifndef ASYM_TEST_H
#define ASYM_TEST_H

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <rte_crypto.h>
#include <rte_crypto_asym.h>

#include "qatsec_engine.h"
#include "tap.h"

#define VEC_DIR "/usr/lib/python3/dist-packages/cryptography_vectors/asymmetric/"

static __rte_unused const struct qatsec_engine *eng;

/* Engine and session ---------------------------------------------------- */

#ifndef ASYM_DEV

static int
eng_init(void)
{
	eng = qatsec_engine_get(QATSEC_ENGINE_OPENSSL_ASYM);
	return eng != NULL ? 0 : -1;
}

/* A session as the cryptodev layer lays it out; NULL with *ret set when
 * the engine refuses the xform.
 */
static struct rte_cryptodev_asym_session *
sess_new(const struct rte_crypto_asym_xform *x, int *ret)
{
	struct rte_cryptodev_asym_session *s;
	int r;

	s = calloc(1, sizeof(*s) + eng->session_size());
	if (s == NULL)
		abort();
	r = eng->session_configure(s->sess_private_data, x);
	if (ret != NULL)
		*ret = r;
	if (r != 0) {
		free(s);
		return NULL;
	}
	return s;
}

static void
sess_free(struct rte_cryptodev_asym_session *s)
{
	if (s == NULL)
		return;
	eng->session_clear(s->sess_private_data);
	free(s);
}

#else /* ASYM_DEV: the same tests through rte_cryptodev on crypto_qatsec */

#include <rte_cryptodev.h>
#include <rte_eal.h>

#include "rte_pmd_qatsec.h"

static int qdev = -1;
static struct rte_mempool *q_sess_mp, *q_op_mp;

/* The first crypto_qatsec device (a section), one queue pair, started. */
static int
eng_init(void)
{
	struct rte_cryptodev_config conf = { .socket_id = SOCKET_ID_ANY,
		.nb_queue_pairs = 1 };
	struct rte_cryptodev_qp_conf qp = { .nb_descriptors = 64 };
	struct rte_cryptodev_info info;
	uint8_t ids[64];

	/* Also keeps the linker from dropping the PMD it links. */
	printf("# qatsec sections: %d\n", rte_pmd_qatsec_section_count());
	if (rte_cryptodev_devices_get("crypto_qatsec", ids, 64) == 0)
		return -1;
	qdev = ids[0];
	rte_cryptodev_info_get(qdev, &info);
	printf("# device %s, feature flags %#" PRIx64 "\n",
		rte_cryptodev_name_get(qdev), info.feature_flags);
	/* A per-lcore cache: a freed session's address comes back first. */
	q_sess_mp = rte_cryptodev_asym_session_pool_create("asym_qs", 512, 16,
		0, SOCKET_ID_ANY);
	q_op_mp = rte_crypto_op_pool_create("asym_qo",
		RTE_CRYPTO_OP_TYPE_ASYMMETRIC, 64, 0, 0, SOCKET_ID_ANY);
	if (q_sess_mp == NULL || q_op_mp == NULL ||
			!(info.feature_flags & RTE_CRYPTODEV_FF_ASYMMETRIC_CRYPTO) ||
			rte_cryptodev_configure(qdev, &conf) != 0 ||
			rte_cryptodev_queue_pair_setup(qdev, 0, &qp,
				SOCKET_ID_ANY) != 0 ||
			rte_cryptodev_start(qdev) != 0)
		return -1;
	return 0;
}

static struct rte_cryptodev_asym_session *
sess_new(const struct rte_crypto_asym_xform *x, int *ret)
{
	void *s = NULL;
	int r;

	r = rte_cryptodev_asym_session_create(qdev,
		(struct rte_crypto_asym_xform *)(uintptr_t)x, q_sess_mp, &s);
	if (ret != NULL)
		*ret = r;
	/* DPDK 22.11 keeps the pool's object when the PMD refuses the
	 * xform: give it back (the PMD's clear ignores a session it did
	 * not make).
	 */
	if (r != 0 && r != -ENOMEM && s != NULL)
		rte_cryptodev_asym_session_free(qdev, s);
	return r == 0 ? s : NULL;
}

static void
sess_free(struct rte_cryptodev_asym_session *s)
{
	if (s != NULL)
		rte_cryptodev_asym_session_free(qdev, s);
}

#endif /* ASYM_DEV */

static struct rte_crypto_op *
op_new(struct rte_cryptodev_asym_session *s)
{
	struct rte_crypto_op *op;

	op = calloc(1, sizeof(*op) + sizeof(struct rte_crypto_asym_op));
	if (op == NULL)
		abort();
	op->type = RTE_CRYPTO_OP_TYPE_ASYMMETRIC;
	op->sess_type = RTE_CRYPTO_OP_WITH_SESSION;
	op->status = RTE_CRYPTO_OP_STATUS_NOT_PROCESSED;
	op->asym->session = s;
	return op;
}

/* Run one op through the engine (or the device); its final status. */
static int
run(struct rte_crypto_op *op)
{
#ifndef ASYM_DEV
	int r = eng->process(&op, 1);

	if (r < 0 || r > 1)
		return -1;
	return op->status;
#else
	struct rte_crypto_op *d = rte_crypto_op_alloc(q_op_mp,
		RTE_CRYPTO_OP_TYPE_ASYMMETRIC), *got = NULL;
	int st;

	if (d == NULL)
		return -1;
	d->type = op->type;
	d->sess_type = op->sess_type;
	*d->asym = *op->asym;
	if (rte_cryptodev_enqueue_burst(qdev, 0, &d, 1) != 1) {
		rte_crypto_op_free(d);
		return -1;
	}
	while (rte_cryptodev_dequeue_burst(qdev, 0, &got, 1) == 0)
		;
	*op->asym = *got->asym;
	op->status = got->status;
	st = got->status;
	got->type = RTE_CRYPTO_OP_TYPE_ASYMMETRIC;
	rte_crypto_op_free(got);
	return st;
#endif
}

/* Hex ------------------------------------------------------------------- */

struct buf {
	uint8_t *d;
	size_t n;
};

static __rte_unused int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = tolower(c);
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* Hex into a new buffer (odd lengths get a leading 0 nibble). */
static __rte_unused struct buf
hex(const char *h)
{
	size_t l = h != NULL ? strlen(h) : 0, i, o = 0;
	struct buf b = { calloc(1, l / 2 + 2), 0 };
	int hi;

	if (b.d == NULL)
		abort();
	if (l % 2) {
		b.d[o++] = (uint8_t)hexval(h[0]);
		h++;
		l--;
	}
	for (i = 0; i + 1 < l; i += 2) {
		hi = hexval(h[i]);
		if (hi < 0 || hexval(h[i + 1]) < 0)
			break;
		b.d[o++] = (uint8_t)(hi << 4 | hexval(h[i + 1]));
	}
	b.n = o;
	return b;
}

static __rte_unused void
param(rte_crypto_param *p, const struct buf *b)
{
	p->data = b->d;
	p->length = b->n;
}

/* Equal as numbers (leading zeros ignored). */
static __rte_unused int
num_eq(const uint8_t *a, size_t al, const uint8_t *b, size_t bl)
{
	while (al > 0 && *a == 0) {
		a++;
		al--;
	}
	while (bl > 0 && *b == 0) {
		b++;
		bl--;
	}
	return al == bl && (al == 0 || memcmp(a, b, al) == 0);
}

/* Flat CAVS reader ------------------------------------------------------- */

#define RSP_MAX 24

struct rsp {
	FILE *fp;
	char *line;
	size_t cap;
	char section[128];
	char prev_section[128];	/* the one before (KeyPair: curve, method) */
	char *key[RSP_MAX], *val[RSP_MAX];
	unsigned int n;
};

static __rte_unused const char *
rsp_get(const struct rsp *r, const char *k)
{
	unsigned int i;

	for (i = 0; i < r->n; i++)
		if (strcasecmp(r->key[i], k) == 0)
			return r->val[i];
	return NULL;
}

static __rte_unused void
rsp_put(struct rsp *r, const char *k, const char *v)
{
	unsigned int i;

	for (i = 0; i < r->n; i++)
		if (strcasecmp(r->key[i], k) == 0)
			break;
	if (i == r->n) {
		if (r->n == RSP_MAX)
			return;
		r->key[r->n++] = strdup(k);
	} else {
		free(r->val[i]);
	}
	r->val[i] = strdup(v);
}

/* Advance to the next line setting trigger; 1, or 0 at the end. Fields
 * persist across records (section parameters and per-group keys are
 * simply the last value seen).
 */
static __rte_unused int
rsp_next(struct rsp *r, const char *trigger)
{
	char *l, *eq, *k, *v, *e;

	while (getline(&r->line, &r->cap, r->fp) > 0) {
		l = r->line;
		while (isspace((unsigned char)*l))
			l++;
		for (e = l + strlen(l); e > l && isspace((unsigned char)e[-1]);)
			*--e = '\0';
		if (*l == '#' || *l == '\0')
			continue;
		if (*l == '[') {
			memcpy(r->prev_section, r->section, sizeof(r->section));
			snprintf(r->section, sizeof(r->section), "%s", l);
			continue;
		}
		eq = strchr(l, '=');
		if (eq == NULL)
			continue;
		*eq = '\0';
		k = l;
		for (e = eq; e > k && isspace((unsigned char)e[-1]);)
			*--e = '\0';
		v = eq + 1;
		while (isspace((unsigned char)*v))
			v++;
		rsp_put(r, k, v);
		if (strcasecmp(k, trigger) == 0)
			return 1;
	}
	return 0;
}

static __rte_unused int
rsp_open(struct rsp *r, const char *rel)
{
	char path[512];

	memset(r, 0, sizeof(*r));
	snprintf(path, sizeof(path), "%s%s", VEC_DIR, rel);
	r->fp = fopen(path, "r");
	return r->fp != NULL ? 0 : -1;
}

static __rte_unused void
rsp_close(struct rsp *r)
{
	unsigned int i;

	for (i = 0; i < r->n; i++) {
		free(r->key[i]);
		free(r->val[i]);
	}
	free(r->line);
	if (r->fp != NULL)
		fclose(r->fp);
}

#endif /* ASYM_TEST_H */
