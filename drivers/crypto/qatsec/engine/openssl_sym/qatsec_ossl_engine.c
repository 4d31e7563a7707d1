/* SPDX-License-Identifier: BSD-3-Clause
 * qatsec engine openssl_sym: its entry in the engine table, registered
 * from a constructor (the PMD links every engine whole).
 */
#include <errno.h>

#include "qatsec_caps.h"
#include "qatsec_ossl.h"
#include "qatsec_sym_vec.h"

/* Buffer vectors (CPU crypto, the raw data path) run as ops through
 * qatsec_ossl_process; this says where the session reads their IV.
 */
static uint32_t
qatsec_ossl_vec_process(void *sess, union rte_crypto_sym_ofs ofs,
		struct rte_crypto_sym_vec *vec)
{
	const struct qatsec_ossl_sess *s = CRYPTODEV_GET_SYM_SESS_PRIV(sess);
	struct qatsec_vec_shape sh = {
		.iv_off = s->iv_off,
		.iv_len = s->iv_len,
		/* DPDK puts the CCM nonce after a flags byte. */
		.iv_skip = (s->flags & QOF_AEAD) ? 1 : 0,
		.flags = (s->flags & QOF_AEAD) ? QATSEC_VEC_AEAD :
			((s->flags & QOF_CIPHER) ? QATSEC_VEC_CIPHER : 0) |
			((s->flags & QOF_AUTH) ? QATSEC_VEC_AUTH : 0),
	};

	if (s->hdr.magic != QATSEC_OSSL_MAGIC)
		return qatsec_sym_vec_fail(vec, EINVAL);
	return qatsec_sym_vec_run(sess, &sh, ofs, vec, qatsec_ossl_process);
}

static const struct qatsec_engine qatsec_ossl_engine = {
	.name = "openssl-sym",
	.id = QATSEC_ENGINE_OPENSSL_SYM,
	.op_type = RTE_CRYPTO_OP_TYPE_SYMMETRIC,
	.capabilities = qatsec_ossl_capabilities,
	.feature_flags = QATSEC_FF_SYM_SOFT,
	.session_size = qatsec_ossl_session_size,
	.session_configure = qatsec_ossl_session_configure,
	.session_clear = qatsec_ossl_session_clear,
	.process = qatsec_ossl_process,
	.vec_process = qatsec_ossl_vec_process,
};

RTE_INIT(qatsec_ossl_engine_register)
{
	qatsec_engine_register(&qatsec_ossl_engine);
}
