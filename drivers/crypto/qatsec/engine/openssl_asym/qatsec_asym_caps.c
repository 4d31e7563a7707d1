/* SPDX-License-Identifier: BSD-3-Clause
 * qatsec engine openssl_asym: what it serves (capabilities, feature
 * flags), its registration behind the engine seam, and the op loop that
 * checks each op's session and hands it to its op family. Every op leaves
 * with a final status.
 */
#include <string.h>

#include <openssl/err.h>

#include <rte_common.h>

#include "qatsec_asym_private.h"

#define BIT(x)	(1u << (x))
#define OPS_ALL	(BIT(RTE_CRYPTO_ASYM_OP_ENCRYPT) | \
		 BIT(RTE_CRYPTO_ASYM_OP_DECRYPT) | \
		 BIT(RTE_CRYPTO_ASYM_OP_SIGN) | BIT(RTE_CRYPTO_ASYM_OP_VERIFY))
#define OPS_SIG	(BIT(RTE_CRYPTO_ASYM_OP_SIGN) | BIT(RTE_CRYPTO_ASYM_OP_VERIFY))
#define KE_DH	(BIT(RTE_CRYPTO_ASYM_KE_PRIV_KEY_GENERATE) | \
		 BIT(RTE_CRYPTO_ASYM_KE_PUB_KEY_GENERATE) | \
		 BIT(RTE_CRYPTO_ASYM_KE_SHARED_SECRET_COMPUTE))
#define KE_ECDH	(KE_DH | BIT(RTE_CRYPTO_ASYM_KE_PUB_KEY_VERIFY))

/* Modulus lengths in bytes (what rte_cryptodev_asym_xform_capability_
 * check_modlen() compares); EC xforms have none (their curves are fixed).
 */
#define QATSEC_CAP_ASYM(t, o, lo, hi) { \
	.op = RTE_CRYPTO_OP_TYPE_ASYMMETRIC, \
	{ .asym = { .xform_capa = { .xform_type = (t), .op_types = (o), \
		{ .modlen = { .min = (lo), .max = (hi), \
			.increment = (hi) ? 1 : 0 } } } } } }

const struct rte_cryptodev_capabilities qatsec_asym_capabilities[] = {
	QATSEC_CAP_ASYM(RTE_CRYPTO_ASYM_XFORM_RSA, OPS_ALL,
		QATSEC_ASYM_RSA_MIN, QATSEC_ASYM_MOD_MAX),
	QATSEC_CAP_ASYM(RTE_CRYPTO_ASYM_XFORM_MODEX, 0, 1, QATSEC_ASYM_MOD_MAX),
	QATSEC_CAP_ASYM(RTE_CRYPTO_ASYM_XFORM_MODINV, 0, 1,
		QATSEC_ASYM_MOD_MAX),
	QATSEC_CAP_ASYM(RTE_CRYPTO_ASYM_XFORM_DH, KE_DH, QATSEC_ASYM_DH_MIN,
		QATSEC_ASYM_MOD_MAX),
	QATSEC_CAP_ASYM(RTE_CRYPTO_ASYM_XFORM_DSA, OPS_SIG, QATSEC_ASYM_DSA_MIN,
		QATSEC_ASYM_MOD_MAX),
	QATSEC_CAP_ASYM(RTE_CRYPTO_ASYM_XFORM_ECDSA, OPS_SIG, 0, 0),
	QATSEC_CAP_ASYM(RTE_CRYPTO_ASYM_XFORM_ECPM, 0, 0, 0),
	QATSEC_CAP_ASYM(RTE_CRYPTO_ASYM_XFORM_ECDH, KE_ECDH, 0, 0),
	QATSEC_CAP_ASYM(RTE_CRYPTO_ASYM_XFORM_ECFPM, 0, 0, 0),
	{ .op = RTE_CRYPTO_OP_TYPE_UNDEFINED },
};

static void
process_one(struct qatsec_asym_thread *t, const struct qatsec_asym_sess *s,
	struct rte_crypto_op *op)
{
	struct qatsec_asym_cent tmp, *c;

	switch (s->xform_type) {
	case RTE_CRYPTO_ASYM_XFORM_ECDSA:
	case RTE_CRYPTO_ASYM_XFORM_ECPM:
	case RTE_CRYPTO_ASYM_XFORM_ECDH:
	case RTE_CRYPTO_ASYM_XFORM_ECFPM:
		/* Per-curve state only: the keys come with the ops. */
		qatsec_asym_ec(t, s, op);
		return;
	default:
		break;
	}
	c = qatsec_asym_cent(t, s, &tmp);
	switch (s->xform_type) {
	case RTE_CRYPTO_ASYM_XFORM_RSA:
		qatsec_asym_rsa(t, s, c, op);
		break;
	case RTE_CRYPTO_ASYM_XFORM_MODEX:
	case RTE_CRYPTO_ASYM_XFORM_MODINV:
		qatsec_asym_mod(t, s, c, op);
		break;
	case RTE_CRYPTO_ASYM_XFORM_DH:
		qatsec_asym_dh(t, s, c, op);
		break;
	case RTE_CRYPTO_ASYM_XFORM_DSA:
		qatsec_asym_dsa(t, s, c, op);
		break;
	default:
		op->status = RTE_CRYPTO_OP_STATUS_INVALID_SESSION;
		break;
	}
	if (c == &tmp)
		qatsec_asym_cent_release(c);
}

/* A sessionless op: its xform becomes a session on the stack, not cached
 * (uid 0).
 */
static void
process_sessionless(struct qatsec_asym_thread *t, struct rte_crypto_op *op)
{
	struct qatsec_asym_sess *s;

	s = OPENSSL_malloc(sizeof(*s));
	if (s == NULL) {
		op->status = RTE_CRYPTO_OP_STATUS_ERROR;
		return;
	}
	if (op->asym->xform == NULL ||
			qatsec_asym_session_configure(s, op->asym->xform) != 0) {
		op->status = RTE_CRYPTO_OP_STATUS_INVALID_ARGS;
	} else {
		s->uid = 0;
		process_one(t, s, op);
	}
	OPENSSL_clear_free(s, sizeof(*s));
}

/* The session of op, or NULL when it is not one of this engine's. */
static const struct qatsec_asym_sess *
op_session(const struct rte_crypto_op *op)
{
	const struct rte_cryptodev_asym_session *as = op->asym->session;
	const struct qatsec_asym_sess *s;

	if (as == NULL)
		return NULL;
	s = (const void *)as->sess_private_data;
	if (s->hdr.magic != QATSEC_ASYM_MAGIC ||
			s->hdr.engine != QATSEC_ENGINE_OPENSSL_ASYM)
		return NULL;
	return s;
}

int
qatsec_asym_process(struct rte_crypto_op **ops, uint16_t nb_ops)
{
	struct qatsec_asym_thread *t = qatsec_asym_thread_get();
	const struct qatsec_asym_sess *s;
	struct rte_crypto_op *op;
	int failed = 0;
	uint16_t i;

	if (t == NULL)
		return -ENOMEM;
	for (i = 0; i < nb_ops; i++) {
		op = ops[i];
		if (op == NULL) {
			failed++;
			continue;
		}
		/* Set before any work: no op can leave NOT_PROCESSED. */
		op->status = RTE_CRYPTO_OP_STATUS_ERROR;
		if (op->type != RTE_CRYPTO_OP_TYPE_ASYMMETRIC) {
			op->status = RTE_CRYPTO_OP_STATUS_INVALID_ARGS;
		} else if (op->sess_type == RTE_CRYPTO_OP_SESSIONLESS) {
			process_sessionless(t, op);
		} else if (op->sess_type != RTE_CRYPTO_OP_WITH_SESSION ||
				(s = op_session(op)) == NULL) {
			op->status = RTE_CRYPTO_OP_STATUS_INVALID_SESSION;
		} else {
			process_one(t, s, op);
		}
		if (op->status == RTE_CRYPTO_OP_STATUS_NOT_PROCESSED)
			op->status = RTE_CRYPTO_OP_STATUS_ERROR;
		if (op->status != RTE_CRYPTO_OP_STATUS_SUCCESS)
			failed++;
	}
	/* Leave no OpenSSL error behind for the next op or the caller. */
	ERR_clear_error();
	return failed;
}

static const struct qatsec_engine qatsec_openssl_asym_engine = {
	.name = "openssl-asym",
	.id = QATSEC_ENGINE_OPENSSL_ASYM,
	.op_type = RTE_CRYPTO_OP_TYPE_ASYMMETRIC,
	.capabilities = qatsec_asym_capabilities,
	/* process() also computes sessionless ops (op->asym->xform): the
	 * soft backend routes them here (core/qatsec_sessionless.c).
	 */
	.feature_flags = RTE_CRYPTODEV_FF_ASYMMETRIC_CRYPTO |
		RTE_CRYPTODEV_FF_RSA_PRIV_OP_KEY_EXP |
		RTE_CRYPTODEV_FF_RSA_PRIV_OP_KEY_QT |
		RTE_CRYPTODEV_FF_ASYM_SESSIONLESS,
	.session_size = qatsec_asym_session_size,
	.session_configure = qatsec_asym_session_configure,
	.session_clear = qatsec_asym_session_clear,
	.process = qatsec_asym_process,
};

RTE_INIT(qatsec_openssl_asym_engine_register)
{
	qatsec_engine_register(&qatsec_openssl_asym_engine);
}
