/* SPDX-License-Identifier: BSD-3-Clause
 * crypto_qatsec PMD glue: cryptodev control operations of a section
 * device. Its queue pairs are the section's Cy instances, in section
 * order; they live in the endpoints' memzones, so queue_pairs[] points at
 * shared state. Every op that touches shared state is refused to a process
 * that does not hold the section, before it touches anything.
 */
#include <inttypes.h>
#include <string.h>

#include <rte_cryptodev.h>

#include "qatsec_claim.h"
#include "qatsec_pmd_private.h"

static const char *
dev_section_name(const struct rte_cryptodev *dev)
{
	const struct qatsec_dev_private *p = dev->data->dev_private;

	return qatsec_tbl_sections(qatsec_table())[p->section].name;
}

/* 0 when this process may control dev, else -EPERM (logged). */
static int
owner_check(const struct rte_cryptodev *dev, const char *what)
{
	const struct qatsec_dev_private *p = dev->data->dev_private;

	return qatsec_claim_check(p->section, dev->data->name, what);
}

static int
qatsec_dev_configure(struct rte_cryptodev *dev,
		struct rte_cryptodev_config *config)
{
	const struct qatsec_dev_private *p = dev->data->dev_private;

	if (owner_check(dev, "configure") < 0)
		return -EPERM;
	if (config->nb_queue_pairs > p->nb_qp) {
		QATSEC_LOG(ERR, "%s: %u queue pairs asked, section %s has %u instances",
			dev->data->name, config->nb_queue_pairs,
			dev_section_name(dev), p->nb_qp);
		return -EINVAL;
	}
	/* Disabling one kind of crypto is fine while another is served. */
	if ((dev->feature_flags & ~config->ff_disable &
			(RTE_CRYPTODEV_FF_SYMMETRIC_CRYPTO |
			RTE_CRYPTODEV_FF_ASYMMETRIC_CRYPTO)) == 0) {
		QATSEC_LOG(ERR, "%s: ff_disable 0x%" PRIx64 " leaves no crypto this device serves",
			dev->data->name, config->ff_disable);
		return -ENOTSUP;
	}
	return 0;
}

/* What a process's fast path gets for a device it may not use. */
static uint16_t
refused_burst(void *qp __rte_unused, struct rte_crypto_op **ops __rte_unused,
		uint16_t nb_ops __rte_unused)
{
	return 0;
}

void
qatsec_dev_burst_set(struct rte_cryptodev *dev, bool serve)
{
	const struct qatsec_dev_private *p = dev->data->dev_private;
	const struct qatsec_backend_ops *b = NULL;

	if (serve)
		b = qatsec_backend_get(qatsec_section_qp(qatsec_table(),
			p->section, 0)->backend);
	dev->enqueue_burst = b != NULL ? b->enqueue : refused_burst;
	dev->dequeue_burst = b != NULL ? b->dequeue : refused_burst;
}

/* The datapath does not look for a ring: a started device has one on
 * every queue pair it was configured with. DPDK arms the caller's fast
 * path from the device's burst functions even when start fails, so a
 * refused process gets functions that do nothing (its own, process-local;
 * the holder's are untouched).
 */
static int
qatsec_dev_start(struct rte_cryptodev *dev)
{
	const struct qatsec_qp *qp;
	uint16_t i;
	int ret;

	ret = owner_check(dev, "start");
	qatsec_dev_burst_set(dev, ret == 0);
	if (ret < 0)
		return ret;
	for (i = 0; i < dev->data->nb_queue_pairs; i++) {
		qp = dev->data->queue_pairs[i];
		if (qp == NULL || !qp->configured) {
			QATSEC_LOG(ERR, "%s: queue pair %u of %u is not set up: not started",
				dev->data->name, i, dev->data->nb_queue_pairs);
			return -EINVAL;
		}
	}
	return 0;
}

/* rte_cryptodev_stop() cannot fail: a foreign stop is logged and marks
 * the device stopped, but the holder's enqueue/dequeue (its own fast-path
 * table) go on untouched. The holder's own stop lets its backend finish
 * what was submitted, so that it can still be dequeued.
 */
static void
qatsec_dev_stop(struct rte_cryptodev *dev)
{
	uint16_t i;

	if (owner_check(dev, "stop") < 0)
		return;
	for (i = 0; i < dev->data->nb_queue_pairs; i++)
		if (dev->data->queue_pairs[i] != NULL)
			qatsec_qp_quiesce(dev->data->queue_pairs[i]);
}

/* DPDK calls this from rte_cryptodev_configure() (for the queue pairs a
 * new configuration drops) before the PMD's configure can refuse: it must
 * check ownership itself.
 */
static int
qatsec_qp_release_op(struct rte_cryptodev *dev, uint16_t qp_id)
{
	struct qatsec_qp *qp = dev->data->queue_pairs[qp_id];

	if (qp == NULL)
		return 0;
	if (owner_check(dev, "queue pair release") < 0)
		return -EPERM;
	qatsec_qp_release(qp);
	dev->data->queue_pairs[qp_id] = NULL;
	return 0;
}

static int
qatsec_dev_close(struct rte_cryptodev *dev)
{
	uint16_t i;

	if (owner_check(dev, "close") < 0)
		return -EPERM;
	for (i = 0; i < dev->data->nb_queue_pairs; i++)
		qatsec_qp_release_op(dev, i);
	return 0;
}

static void
qatsec_dev_infos_get(struct rte_cryptodev *dev,
		struct rte_cryptodev_info *info)
{
	const struct qatsec_dev_private *p = dev->data->dev_private;

	info->driver_id = dev->driver_id;
	info->driver_name = QATSEC_DRIVER_NAME_STR;
	info->feature_flags = dev->feature_flags;
	info->capabilities = qatsec_capabilities();
	info->max_nb_queue_pairs = p->nb_qp;
	info->sym.max_nb_sessions = 0;	/* bounded by the session pool */
	info->min_mbuf_headroom_req = 0;
	info->min_mbuf_tailroom_req = 0;
}

static void
qatsec_dev_stats_get(struct rte_cryptodev *dev,
		struct rte_cryptodev_stats *stats)
{
	uint16_t i;

	memset(stats, 0, sizeof(*stats));
	for (i = 0; i < dev->data->nb_queue_pairs; i++) {
		const struct qatsec_qp *qp = dev->data->queue_pairs[i];

		if (qp == NULL)
			continue;
		stats->enqueued_count += qp->enqueued;
		stats->dequeued_count += qp->dequeued;
		stats->enqueue_err_count += qp->enqueue_err;
		stats->dequeue_err_count += qp->dequeue_err;
	}
}

static void
qatsec_dev_stats_reset(struct rte_cryptodev *dev)
{
	uint16_t i;

	for (i = 0; i < dev->data->nb_queue_pairs; i++) {
		struct qatsec_qp *qp = dev->data->queue_pairs[i];

		if (qp == NULL)
			continue;
		qp->enqueued = qp->dequeued = qp->asym_enqueued = 0;
		qp->enqueue_err = qp->dequeue_err = 0;
	}
}

static int
qatsec_qp_setup_op(struct rte_cryptodev *dev, uint16_t qp_id,
		const struct rte_cryptodev_qp_conf *conf, int socket_id)
{
	const struct qatsec_dev_private *p = dev->data->dev_private;
	struct qatsec_qp *qp;
	uint32_t nb_desc = conf->nb_descriptors;

	if (owner_check(dev, "queue pair setup") < 0)
		return -EPERM;
	qp = qatsec_section_qp(qatsec_table(), p->section, qp_id);
	if (qp == NULL) {
		QATSEC_LOG(ERR, "%s: no queue pair %u (section %s has %u)",
			dev->data->name, qp_id, dev_section_name(dev), p->nb_qp);
		return -EINVAL;
	}
	if (nb_desc == 0 || nb_desc > qp->depth) {
		/* The instance ring is sized by the endpoint config, as a
		 * QAT ring is; asking for more gets the ring there is.
		 */
		QATSEC_LOG(INFO, "%s qp %u: %u descriptors asked, instance ring depth is %u (CyNumConcurrentSymRequests + CyNumConcurrentAsymRequests)",
			dev->data->name, qp_id, nb_desc, qp->depth);
		nb_desc = qp->depth;
	}
	if (socket_id == SOCKET_ID_ANY)
		socket_id = qatsec_table()->eps[qp->ep].socket;
	if (qatsec_qp_setup(qp, nb_desc, socket_id) < 0) {
		dev->data->queue_pairs[qp_id] = NULL;
		return -ENOMEM;
	}
	dev->data->queue_pairs[qp_id] = qp;
	return 0;
}

struct rte_cryptodev_ops qatsec_dev_ops = {
	.dev_configure = qatsec_dev_configure,
	.dev_start = qatsec_dev_start,
	.dev_stop = qatsec_dev_stop,
	.dev_close = qatsec_dev_close,
	.dev_infos_get = qatsec_dev_infos_get,
	.stats_get = qatsec_dev_stats_get,
	.stats_reset = qatsec_dev_stats_reset,
	.queue_pair_setup = qatsec_qp_setup_op,
	.queue_pair_release = qatsec_qp_release_op,
	.sym_session_get_size = qatsec_sym_sess_size,
	.sym_session_configure = qatsec_sym_sess_configure,
	.sym_session_clear = qatsec_sym_sess_clear,
	.asym_session_get_size = qatsec_asym_sess_size,
	.asym_session_configure = qatsec_asym_sess_configure,
	.asym_session_clear = qatsec_asym_sess_clear,
	.sym_get_raw_dp_ctx_size = qatsec_raw_dp_ctx_size,
	.sym_configure_raw_dp_ctx = qatsec_raw_dp_configure,
};
