/* SPDX-License-Identifier: BSD-3-Clause
 * crypto_qatsec PMD glue: rte_security lookaside protocol sessions
 * (DOCSIS) on every section device, through the engines' optional
 * sec_session_configure hook. A security session records its engine like
 * a cryptodev session, and its private data sits at the same offset, so
 * the soft backend routes its ops to that engine unchanged. The security
 * context is per process (it holds function pointers), one per device.
 */
#include <errno.h>

#include <cryptodev_pmd.h>
#include <rte_security.h>
#include <rte_security_driver.h>

#include "qatsec_engine.h"
#include "qatsec_pmd_private.h"

static struct rte_security_ctx qatsec_sec_ctx[RTE_CRYPTO_MAX_DEVS];

static int
sec_session_create(void *device __rte_unused,
		struct rte_security_session_conf *conf,
		struct rte_security_session *sess)
{
	const struct qatsec_engine *e;
	unsigned int id;
	int ret = -ENOTSUP;

	for (id = 0; id < QATSEC_ENGINE_MAX; id++) {
		e = qatsec_engine_get(id);
		if (e == NULL || e->sec_session_configure == NULL)
			continue;
		ret = e->sec_session_configure(SECURITY_GET_SESS_PRIV(sess),
			conf);
		if (ret != -ENOTSUP)
			break;
	}
	return ret;
}

static int
sec_session_destroy(void *device __rte_unused,
		struct rte_security_session *sess)
{
	const struct qatsec_sess_hdr *h = SECURITY_GET_SESS_PRIV(sess);
	const struct qatsec_engine *e = qatsec_engine_get(h->engine);

	if (e != NULL && e->session_clear != NULL)
		e->session_clear(SECURITY_GET_SESS_PRIV(sess));
	return 0;
}

static unsigned int
sec_session_get_size(void *device __rte_unused)
{
	return (unsigned int)qatsec_engine_sym_priv_max();
}

/* The first engine's list: one engine serves security sessions today. */
static const struct rte_security_capability *
sec_capabilities_get(void *device __rte_unused)
{
	static const struct rte_security_capability none[] = {
		{ .action = RTE_SECURITY_ACTION_TYPE_NONE },
	};
	const struct qatsec_engine *e;
	unsigned int id;

	for (id = 0; id < QATSEC_ENGINE_MAX; id++) {
		e = qatsec_engine_get(id);
		if (e != NULL && e->sec_capabilities != NULL)
			return e->sec_capabilities;
	}
	return none;
}

static const struct rte_security_ops qatsec_sec_ops = {
	.session_create = sec_session_create,
	.session_destroy = sec_session_destroy,
	.session_get_size = sec_session_get_size,
	.capabilities_get = sec_capabilities_get,
};

void
qatsec_security_attach(struct rte_cryptodev *dev)
{
	struct rte_security_ctx *ctx;
	unsigned int id;
	bool any = false;

	for (id = 0; id < QATSEC_ENGINE_MAX; id++) {
		const struct qatsec_engine *e = qatsec_engine_get(id);

		any |= e != NULL && e->sec_session_configure != NULL;
	}
	if (!any || dev->data->dev_id >= RTE_CRYPTO_MAX_DEVS)
		return;
	ctx = &qatsec_sec_ctx[dev->data->dev_id];
	ctx->device = dev;
	ctx->ops = &qatsec_sec_ops;
	ctx->sess_cnt = 0;
	dev->security_ctx = ctx;
	dev->feature_flags |= RTE_CRYPTODEV_FF_SECURITY;
}
