/* SPDX-License-Identifier: BSD-3-Clause
 * crypto_qatsec PMD glue: sessions and capabilities through the engine
 * seam. A session is made by the first registered engine of its op type
 * that accepts the xform (engines answer -ENOTSUP for what they do not
 * serve) and records that engine's id, so that ops, session clears and
 * every other process of the group route it the same way. The device's
 * capability list is the engines' lists, merged once per process (an
 * entry that another engine's covers gives way to it).
 */
#include <errno.h>
#include <string.h>

#include <rte_common.h>
#include <rte_spinlock.h>

#include "qatsec_caps.h"
#include "qatsec_engine.h"
#include "qatsec_pmd_private.h"

/* Enough for every engine's list; checked when merging. */
#define QATSEC_CAPS_MAX	256

/* Every engine's entries, and those of the engines a vector API (CPU
 * crypto) can reach: symmetric engines with vec_process, and asymmetric.
 */
static struct rte_cryptodev_capabilities merged_caps[QATSEC_CAPS_MAX + 1];
static struct rte_cryptodev_capabilities vec_caps[QATSEC_CAPS_MAX + 1];
static bool caps_merged;
static rte_spinlock_t caps_lock = RTE_SPINLOCK_INITIALIZER;

/* Whether every value of a is one of b's. */
static bool
range_within(const struct rte_crypto_param_range *a,
		const struct rte_crypto_param_range *b)
{
	uint32_t v;

	if (a->increment == 0)
		return qatsec_range_has(b, a->min);
	for (v = a->min; v <= a->max; v += a->increment)
		if (!qatsec_range_has(b, v))
			return false;
	return true;
}

/* The symmetric entry's ranges, for the comparison of two entries. */
static unsigned int
sym_ranges(const struct rte_cryptodev_symmetric_capability *c,
		const struct rte_crypto_param_range *r[4])
{
	switch (c->xform_type) {
	case RTE_CRYPTO_SYM_XFORM_CIPHER:
		r[0] = &c->cipher.key_size;
		r[1] = &c->cipher.iv_size;
		return 2;
	case RTE_CRYPTO_SYM_XFORM_AUTH:
		r[0] = &c->auth.key_size;
		r[1] = &c->auth.digest_size;
		r[2] = &c->auth.aad_size;
		r[3] = &c->auth.iv_size;
		return 4;
	case RTE_CRYPTO_SYM_XFORM_AEAD:
		r[0] = &c->aead.key_size;
		r[1] = &c->aead.digest_size;
		r[2] = &c->aead.aad_size;
		r[3] = &c->aead.iv_size;
		return 4;
	default:
		return 0;
	}
}

/* Whether symmetric entry a serves nothing that b does not. */
static bool
sym_within(const struct rte_cryptodev_capabilities *a,
		const struct rte_cryptodev_capabilities *b)
{
	const struct rte_crypto_param_range *ra[4], *rb[4];
	unsigned int n, k;

	n = sym_ranges(&a->sym, ra);
	sym_ranges(&b->sym, rb);
	for (k = 0; k < n; k++)
		if (!range_within(ra[k], rb[k]))
			return false;
	return true;
}

/* DPDK's rte_cryptodev_sym_capability_get() reads the first entry of an
 * algorithm only, so when a later engine serves a superset of an earlier
 * one's entry (OpenSSL's AES-CCM: every key size, any AAD, beside
 * ipsec-mb's), the wider entry takes the earlier one's place. Sessions
 * still go to the engines in id order: each refuses what it lacks.
 * Returns whether c was folded into an entry already there.
 */
static bool
caps_fold(struct rte_cryptodev_capabilities *caps, unsigned int n,
		const struct rte_cryptodev_capabilities *c)
{
	unsigned int i;

	if (c->op != RTE_CRYPTO_OP_TYPE_SYMMETRIC)
		return false;
	for (i = 0; i < n; i++) {
		struct rte_cryptodev_capabilities *e = &caps[i];
		bool c_in_e, e_in_c;

		if (e->op != c->op || e->sym.xform_type != c->sym.xform_type ||
				qatsec_sym_cap_algo(&e->sym) != qatsec_sym_cap_algo(&c->sym))
			continue;
		c_in_e = sym_within(c, e);
		e_in_c = sym_within(e, c);
		if (e_in_c)
			*e = *c;
		return c_in_e || e_in_c;
	}
	return false;
}

static void
caps_merge(struct rte_cryptodev_capabilities *caps, bool vec_only)
{
	unsigned int id, n = 0;

	for (id = 0; id < QATSEC_ENGINE_MAX; id++) {
		const struct qatsec_engine *e = qatsec_engine_get(id);
		const struct rte_cryptodev_capabilities *c;

		if (e == NULL || (vec_only && e->vec_process == NULL &&
				e->op_type == RTE_CRYPTO_OP_TYPE_SYMMETRIC))
			continue;
		for (c = e->capabilities;
				c->op != RTE_CRYPTO_OP_TYPE_UNDEFINED; c++) {
			if (caps_fold(caps, n, c))
				continue;
			/* A build defect (a table too small), never input. */
			RTE_VERIFY(n < QATSEC_CAPS_MAX);
			caps[n++] = *c;
		}
	}
	caps[n].op = RTE_CRYPTO_OP_TYPE_UNDEFINED;
}

static void
caps_ready(void)
{
	if (__atomic_load_n(&caps_merged, __ATOMIC_ACQUIRE))
		return;
	rte_spinlock_lock(&caps_lock);
	if (!caps_merged) {
		caps_merge(merged_caps, false);
		caps_merge(vec_caps, true);
		__atomic_store_n(&caps_merged, true, __ATOMIC_RELEASE);
	}
	rte_spinlock_unlock(&caps_lock);
}

const struct rte_cryptodev_capabilities *
qatsec_capabilities_vec(void)
{
	caps_ready();
	return vec_caps;
}

const struct rte_cryptodev_capabilities *
qatsec_capabilities(void)
{
	caps_ready();
	return merged_caps;
}

uint64_t
qatsec_engine_feature_flags(void)
{
	uint64_t ff = 0;
	unsigned int id;

	for (id = 0; id < QATSEC_ENGINE_MAX; id++) {
		const struct qatsec_engine *e = qatsec_engine_get(id);

		if (e != NULL)
			ff |= e->feature_flags;
		/* The raw data path (qatsec_raw_dp.c) runs on vec_process. */
		if (e != NULL && e->vec_process != NULL)
			ff |= RTE_CRYPTODEV_FF_SYM_RAW_DP;
	}
	return ff;
}

static unsigned int
sess_size(enum rte_crypto_op_type type)
{
	unsigned int id, sz = sizeof(struct qatsec_sess_hdr);

	for (id = 0; id < QATSEC_ENGINE_MAX; id++) {
		const struct qatsec_engine *e = qatsec_engine_get(id);

		if (e != NULL && e->op_type == type)
			sz = RTE_MAX(sz, e->session_size());
	}
	return sz;
}

static int
sess_configure(struct rte_cryptodev *dev, enum rte_crypto_op_type type,
		const void *xform, void *priv)
{
	int ret = -ENOTSUP;
	unsigned int id;

	if (xform == NULL || priv == NULL)
		return -EINVAL;
	for (id = 0; id < QATSEC_ENGINE_MAX && ret == -ENOTSUP; id++) {
		const struct qatsec_engine *e = qatsec_engine_get(id);

		if (e != NULL && e->op_type == type)
			ret = e->session_configure(priv, xform);
	}
	if (ret < 0) {
		memset(priv, 0, sizeof(struct qatsec_sess_hdr));
		QATSEC_LOG(DEBUG, "%s: session not created: %s",
			dev->data->name, strerror(-ret));
	}
	return ret;
}

static void
sess_clear(enum rte_crypto_op_type type, void *priv)
{
	const struct qatsec_sess_hdr *h = priv;
	const struct qatsec_engine *e = qatsec_engine_get(h->engine);

	if (e != NULL && e->op_type == type)
		e->session_clear(priv);
}

unsigned int
qatsec_sym_sess_size(struct rte_cryptodev *dev __rte_unused)
{
	return sess_size(RTE_CRYPTO_OP_TYPE_SYMMETRIC);
}

int
qatsec_sym_sess_configure(struct rte_cryptodev *dev,
		struct rte_crypto_sym_xform *xform,
		struct rte_cryptodev_sym_session *sess)
{
	return sess_configure(dev, RTE_CRYPTO_OP_TYPE_SYMMETRIC, xform,
		CRYPTODEV_GET_SYM_SESS_PRIV(sess));
}

void
qatsec_sym_sess_clear(struct rte_cryptodev *dev __rte_unused,
		struct rte_cryptodev_sym_session *sess)
{
	sess_clear(RTE_CRYPTO_OP_TYPE_SYMMETRIC,
		CRYPTODEV_GET_SYM_SESS_PRIV(sess));
}

unsigned int
qatsec_asym_sess_size(struct rte_cryptodev *dev __rte_unused)
{
	return sess_size(RTE_CRYPTO_OP_TYPE_ASYMMETRIC);
}

int
qatsec_asym_sess_configure(struct rte_cryptodev *dev,
		struct rte_crypto_asym_xform *xform,
		struct rte_cryptodev_asym_session *sess)
{
	return sess_configure(dev, RTE_CRYPTO_OP_TYPE_ASYMMETRIC, xform,
		sess->sess_private_data);
}

void
qatsec_asym_sess_clear(struct rte_cryptodev *dev __rte_unused,
		struct rte_cryptodev_asym_session *sess)
{
	sess_clear(RTE_CRYPTO_OP_TYPE_ASYMMETRIC, sess->sess_private_data);
}
