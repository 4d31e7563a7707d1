/* SPDX-License-Identifier: BSD-3-Clause
 * crypto_qatsec PMD glue: sessions and capabilities through the engine
 * seam. A session is made by the first registered engine of its op type
 * that accepts the xform (engines answer -ENOTSUP for what they do not
 * serve) and records that engine's id, so that ops, session clears and
 * every other process of the group route it the same way. The device's
 * capability list is the engines' lists, merged once per process.
 */
#include <errno.h>
#include <string.h>

#include <rte_common.h>
#include <rte_spinlock.h>

#include "qatsec_engine.h"
#include "qatsec_pmd_private.h"

/* Enough for every engine's list; checked when merging. */
#define QATSEC_CAPS_MAX	256

static struct rte_cryptodev_capabilities merged_caps[QATSEC_CAPS_MAX + 1];
static bool caps_merged;
static rte_spinlock_t caps_lock = RTE_SPINLOCK_INITIALIZER;

static void
caps_merge(void)
{
	unsigned int id, n = 0;

	for (id = 0; id < QATSEC_ENGINE_MAX; id++) {
		const struct qatsec_engine *e = qatsec_engine_get(id);
		const struct rte_cryptodev_capabilities *c;

		if (e == NULL)
			continue;
		for (c = e->capabilities;
				c->op != RTE_CRYPTO_OP_TYPE_UNDEFINED; c++) {
			/* A build defect (a table too small), never input. */
			RTE_VERIFY(n < QATSEC_CAPS_MAX);
			merged_caps[n++] = *c;
		}
	}
	merged_caps[n].op = RTE_CRYPTO_OP_TYPE_UNDEFINED;
}

const struct rte_cryptodev_capabilities *
qatsec_capabilities(void)
{
	if (!__atomic_load_n(&caps_merged, __ATOMIC_ACQUIRE)) {
		rte_spinlock_lock(&caps_lock);
		if (!caps_merged) {
			caps_merge();
			__atomic_store_n(&caps_merged, true, __ATOMIC_RELEASE);
		}
		rte_spinlock_unlock(&caps_lock);
	}
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
