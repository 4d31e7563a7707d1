/* SPDX-License-Identifier: BSD-3-Clause
 * qatsec core: the process-local table of registered backends.
 */
#include <rte_debug.h>

#include "qatsec_backend.h"

static const struct qatsec_backend_ops *backends[QATSEC_BACKEND_MAX];

void
qatsec_backend_register(enum qatsec_backend b,
		const struct qatsec_backend_ops *ops)
{
	if ((unsigned int)b >= QATSEC_BACKEND_MAX || backends[b] != NULL)
		rte_panic("qatsec: backend %s: id %u invalid or taken\n",
			ops->name, (unsigned int)b);
	backends[b] = ops;
}

const struct qatsec_backend_ops *
qatsec_backend_get(unsigned int b)
{
	return b < QATSEC_BACKEND_MAX ? backends[b] : NULL;
}
