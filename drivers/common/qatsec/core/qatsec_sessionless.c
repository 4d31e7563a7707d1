/* SPDX-License-Identifier: BSD-3-Clause
 * qatsec core: sessionless ops (RTE_CRYPTO_OP_SESSIONLESS). A symmetric
 * op that carries its xform chain instead of a session gets a session of
 * the calling thread's own for one engine call: the first symmetric engine
 * (id order, as session creation asks them) that accepts the xform fills
 * it and computes the op, then the session is wiped. The session never
 * leaves the thread nor outlives the call, so it may sit in process-local
 * memory; the op leaves with its xform pointer and type as it came.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <rte_common.h>

#include "qatsec_engine.h"

static __thread struct rte_cryptodev_sym_session *qatsec_sl_sess;

size_t
qatsec_engine_sym_priv_max(void)
{
	const struct qatsec_engine *e;
	size_t max = 0;
	unsigned int id;

	for (id = 0; id < QATSEC_ENGINE_MAX; id++) {
		e = qatsec_engine_get(id);
		if (e != NULL && e->op_type == RTE_CRYPTO_OP_TYPE_SYMMETRIC)
			max = RTE_MAX(max, (size_t)e->session_size());
	}
	return max;
}

static struct rte_cryptodev_sym_session *
qatsec_sl_get(void)
{
	size_t sz;

	if (likely(qatsec_sl_sess != NULL))
		return qatsec_sl_sess;
	sz = RTE_ALIGN_CEIL(sizeof(struct rte_cryptodev_sym_session) +
		qatsec_engine_sym_priv_max(), RTE_CACHE_LINE_SIZE);
	qatsec_sl_sess = aligned_alloc(RTE_CACHE_LINE_SIZE, sz);
	if (qatsec_sl_sess != NULL)
		memset(qatsec_sl_sess, 0, sz);
	return qatsec_sl_sess;
}

const struct qatsec_engine *
qatsec_engine_sym_configure(void *priv, const struct rte_crypto_sym_xform *xf,
		int *ret)
{
	const struct qatsec_engine *e;
	unsigned int id;

	*ret = -ENOTSUP;
	for (id = 0; id < QATSEC_ENGINE_MAX; id++) {
		e = qatsec_engine_get(id);
		if (e == NULL || e->op_type != RTE_CRYPTO_OP_TYPE_SYMMETRIC)
			continue;
		*ret = e->session_configure(priv, xf);
		if (*ret == 0)
			return e;
		if (*ret != -ENOTSUP)
			return NULL;
	}
	return NULL;
}

/* One sessionless op; returns 1 when it did not succeed. */
static int
qatsec_sl_op(struct rte_crypto_op *op)
{
	struct rte_crypto_sym_xform *xf = op->sym->xform;
	struct rte_cryptodev_sym_session *sess;
	const struct qatsec_engine *e;
	int ret;

	sess = qatsec_sl_get();
	if (sess == NULL) {
		op->status = RTE_CRYPTO_OP_STATUS_ERROR;
		return 1;
	}
	e = qatsec_engine_sym_configure(sess->driver_priv_data, xf, &ret);
	if (e == NULL) {
		op->status = ret == -ENOMEM ? RTE_CRYPTO_OP_STATUS_ERROR :
			RTE_CRYPTO_OP_STATUS_INVALID_SESSION;
		return 1;
	}
	op->sym->session = sess;
	op->sess_type = RTE_CRYPTO_OP_WITH_SESSION;
	ret = e->process(&op, 1);
	op->sess_type = RTE_CRYPTO_OP_SESSIONLESS;
	op->sym->xform = xf;
	e->session_clear(sess->driver_priv_data);
	if (ret < 0)
		op->status = RTE_CRYPTO_OP_STATUS_ERROR;
	return ret != 0;
}

/* An asymmetric op with its xform: the first asymmetric engine computes
 * it from the xform itself (an asymmetric session is a copy of numbers,
 * nothing to expand ahead). Returns 1 when it did not succeed.
 */
static int
qatsec_sl_asym_op(struct rte_crypto_op *op)
{
	const struct qatsec_engine *e;
	unsigned int id;
	int ret;

	for (id = 0; id < QATSEC_ENGINE_MAX; id++) {
		e = qatsec_engine_get(id);
		if (e == NULL || e->op_type != RTE_CRYPTO_OP_TYPE_ASYMMETRIC)
			continue;
		ret = e->process(&op, 1);
		if (ret < 0)
			op->status = RTE_CRYPTO_OP_STATUS_ERROR;
		return ret != 0;
	}
	op->status = RTE_CRYPTO_OP_STATUS_INVALID_SESSION;
	return 1;
}

int
qatsec_engine_sessionless(struct rte_crypto_op **ops, uint16_t n)
{
	int err = 0;
	uint16_t i;

	for (i = 0; i < n; i++) {
		struct rte_crypto_op *op = ops[i];

		if (op->type == RTE_CRYPTO_OP_TYPE_ASYMMETRIC &&
				op->sess_type == RTE_CRYPTO_OP_SESSIONLESS) {
			err += qatsec_sl_asym_op(op);
			continue;
		}

		if (op->type != RTE_CRYPTO_OP_TYPE_SYMMETRIC ||
				op->sess_type != RTE_CRYPTO_OP_SESSIONLESS ||
				op->sym->xform == NULL) {
			op->status = RTE_CRYPTO_OP_STATUS_INVALID_SESSION;
			err++;
			continue;
		}
		err += qatsec_sl_op(op);
	}
	return err;
}
