/* SPDX-License-Identifier: BSD-3-Clause
 * qatsec core: capability table look-ups (qatsec_caps.h).
 */
#include "qatsec_caps.h"

bool
qatsec_range_has(const struct rte_crypto_param_range *r, uint32_t v)
{
	if (v < r->min || v > r->max)
		return false;
	return r->increment == 0 ? v == r->min :
		(v - r->min) % r->increment == 0;
}

int
qatsec_sym_cap_algo(const struct rte_cryptodev_symmetric_capability *c)
{
	switch (c->xform_type) {
	case RTE_CRYPTO_SYM_XFORM_CIPHER:
		return (int)c->cipher.algo;
	case RTE_CRYPTO_SYM_XFORM_AUTH:
		return (int)c->auth.algo;
	case RTE_CRYPTO_SYM_XFORM_AEAD:
		return (int)c->aead.algo;
	default:
		return -1;
	}
}

const struct rte_cryptodev_symmetric_capability *
qatsec_sym_cap_find(const struct rte_cryptodev_capabilities *caps,
		enum rte_crypto_sym_xform_type type, int algo)
{
	const struct rte_cryptodev_capabilities *c;

	for (c = caps; c->op != RTE_CRYPTO_OP_TYPE_UNDEFINED; c++)
		if (c->op == RTE_CRYPTO_OP_TYPE_SYMMETRIC &&
				c->sym.xform_type == type &&
				qatsec_sym_cap_algo(&c->sym) == algo)
			return &c->sym;
	return NULL;
}
