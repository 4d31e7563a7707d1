/* SPDX-License-Identifier: BSD-3-Clause
 * qatsec engine openssl_sym: its entry in the engine table, registered
 * from a constructor (the PMD links every engine whole).
 */
#include "qatsec_ossl.h"

static const struct qatsec_engine qatsec_ossl_engine = {
	.name = "openssl-sym",
	.id = QATSEC_ENGINE_OPENSSL_SYM,
	.op_type = RTE_CRYPTO_OP_TYPE_SYMMETRIC,
	.capabilities = qatsec_ossl_capabilities,
	.feature_flags = RTE_CRYPTODEV_FF_SYMMETRIC_CRYPTO |
		RTE_CRYPTODEV_FF_SYM_OPERATION_CHAINING |
		RTE_CRYPTODEV_FF_IN_PLACE_SGL |
		RTE_CRYPTODEV_FF_OOP_SGL_IN_SGL_OUT |
		RTE_CRYPTODEV_FF_OOP_SGL_IN_LB_OUT |
		RTE_CRYPTODEV_FF_OOP_LB_IN_SGL_OUT |
		RTE_CRYPTODEV_FF_OOP_LB_IN_LB_OUT,
	.session_size = qatsec_ossl_session_size,
	.session_configure = qatsec_ossl_session_configure,
	.session_clear = qatsec_ossl_session_clear,
	.process = qatsec_ossl_process,
};

RTE_INIT(qatsec_ossl_engine_register)
{
	qatsec_engine_register(&qatsec_ossl_engine);
}
