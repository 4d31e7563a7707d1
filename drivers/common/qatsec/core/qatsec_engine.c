/* SPDX-License-Identifier: BSD-3-Clause
 * qatsec core: the process-local table of registered engines.
 */
#include <rte_debug.h>

#include "qatsec_engine.h"

static const struct qatsec_engine *engines[QATSEC_ENGINE_MAX];

void
qatsec_engine_register(const struct qatsec_engine *e)
{
	/* Two engines with one id is a build defect, not a runtime event. */
	if (e->id == QATSEC_ENGINE_NONE || e->id >= QATSEC_ENGINE_MAX ||
			engines[e->id] != NULL)
		rte_panic("qatsec: engine %s: id %u invalid or taken\n",
			e->name, e->id);
	engines[e->id] = e;
}

const struct qatsec_engine *
qatsec_engine_get(unsigned int id)
{
	return id < QATSEC_ENGINE_MAX ? engines[id] : NULL;
}
