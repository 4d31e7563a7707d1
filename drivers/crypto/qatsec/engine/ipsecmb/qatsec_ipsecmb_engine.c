/* SPDX-License-Identifier: BSD-3-Clause
 * ipsec-mb engine: what it registers behind the engine seam (symmetric
 * sessions and ops, the capabilities of qatsec_sym_caps.c).
 */
#include <rte_common.h>

#include "qatsec_engine.h"
#include "qatsec_sym.h"

static const struct qatsec_engine qatsec_ipsecmb_engine = {
	.name = "intel-ipsec-mb",
	.id = QATSEC_ENGINE_IPSECMB,
	.op_type = RTE_CRYPTO_OP_TYPE_SYMMETRIC,
	.capabilities = qatsec_sym_capabilities,
	.feature_flags = RTE_CRYPTODEV_FF_SYMMETRIC_CRYPTO |
		RTE_CRYPTODEV_FF_SYM_OPERATION_CHAINING |
		RTE_CRYPTODEV_FF_IN_PLACE_SGL |
		RTE_CRYPTODEV_FF_OOP_SGL_IN_SGL_OUT |
		RTE_CRYPTODEV_FF_OOP_SGL_IN_LB_OUT |
		RTE_CRYPTODEV_FF_OOP_LB_IN_SGL_OUT |
		RTE_CRYPTODEV_FF_OOP_LB_IN_LB_OUT |
		RTE_CRYPTODEV_FF_NON_BYTE_ALIGNED_DATA |
		RTE_CRYPTODEV_FF_DIGEST_ENCRYPTED |
		RTE_CRYPTODEV_FF_SYM_SESSIONLESS |
		RTE_CRYPTODEV_FF_CPU_AESNI,
	.session_size = qatsec_sym_session_size,
	.session_configure = qatsec_sym_session_configure,
	.session_clear = qatsec_sym_session_clear,
	.process = qatsec_sym_process,
	.vec_process = qatsec_sym_vec_process,
	.sec_session_configure = qatsec_sym_sec_configure,
	.sec_capabilities = qatsec_sym_sec_capabilities,
};

RTE_INIT(qatsec_ipsecmb_engine_register)
{
	qatsec_engine_register(&qatsec_ipsecmb_engine);
}
