/* SPDX-License-Identifier: BSD-3-Clause
 * qatsec core: an instance's (queue pair's) life cycle, through its
 * backend. The counters are the core's; everything else is the backend's.
 */
#include <errno.h>

#include "qatsec_endpoint.h"

static const struct qatsec_backend_ops *
qp_backend(const struct qatsec_qp *qp)
{
	return qatsec_backend_get(qp->backend);
}

int
qatsec_qp_setup(struct qatsec_qp *qp, uint32_t nb_desc, int socket)
{
	const struct qatsec_backend_ops *b = qp_backend(qp);
	int ret;

	qp->configured = 0;
	if (b == NULL)
		return -ENOTSUP;
	ret = b->qp_setup(qp, nb_desc, socket);
	if (ret < 0)
		return ret;
	qp->enqueued = qp->enqueue_err = qp->asym_enqueued = 0;
	qp->dequeued = qp->dequeue_err = 0;
	qp->configured = 1;
	return 0;
}

unsigned int
qatsec_qp_inflight(const struct qatsec_qp *qp)
{
	const struct qatsec_backend_ops *b = qp_backend(qp);

	return b != NULL ? b->qp_inflight(qp) : 0;
}

void
qatsec_qp_quiesce(struct qatsec_qp *qp)
{
	const struct qatsec_backend_ops *b = qp_backend(qp);

	if (b != NULL && qp->configured)
		b->qp_quiesce(qp);
}

unsigned int
qatsec_qp_release(struct qatsec_qp *qp)
{
	const struct qatsec_backend_ops *b = qp_backend(qp);

	qp->configured = 0;
	return b != NULL ? b->qp_release(qp) : 0;
}

void
qatsec_qp_free(struct qatsec_qp *qp)
{
	const struct qatsec_backend_ops *b = qp_backend(qp);

	qp->configured = 0;
	if (b != NULL)
		b->qp_free(qp);
}
