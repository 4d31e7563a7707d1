/* SPDX-License-Identifier: BSD-3-Clause
 * qatsec core: the backend seam. A backend serves an endpoint's instance
 * rings: the soft backend (backend/soft/) computes ops with the engines in
 * the enqueueing lcore; a QAT hardware ring backend would post them to a
 * device. Claims, telemetry and the cryptodev ops reach an instance only
 * through these functions, never through a backend's own state.
 *
 * The table is process-local (function pointers); a queue pair records its
 * backend as a value. A section's instances share one backend: the
 * section's cryptodev has one pair of burst functions (checked when the
 * table is built).
 */
#ifndef QATSEC_BACKEND_H
#define QATSEC_BACKEND_H

#include <stdint.h>

#include <rte_crypto.h>

struct qatsec_ep_shared;
struct qatsec_qp;

/* Stored in shared memory as values: never renumber. */
enum qatsec_backend {
	QATSEC_BACKEND_SOFT = 0,	/* engines in the calling lcore */
	QATSEC_BACKEND_MAX,
};

struct qatsec_backend_ops {
	const char *name;
	/* Take an endpoint into service when the primary builds the table
	 * (a device backend would open and reset the device here): 0, or a
	 * negative errno that fails the probe, logged with the endpoint.
	 */
	int (*endpoint_probe)(struct qatsec_ep_shared *ep);
	/* Make the instance usable with a ring of nb_desc on socket; a
	 * backend may keep what a previous holder set up and reuse it.
	 */
	int (*qp_setup)(struct qatsec_qp *qp, uint32_t nb_desc, int socket);
	/* Ops submitted and not yet dequeued. */
	unsigned int (*qp_inflight)(const struct qatsec_qp *qp);
	/* Finish what was submitted so that a dequeue returns it: called by
	 * the holder before it stops. A backend whose ops complete at
	 * enqueue has nothing to do.
	 */
	void (*qp_quiesce)(struct qatsec_qp *qp);
	/* Drop whatever is in flight (its holder stopped or died) and keep
	 * the resources for the next holder; returns how many were dropped.
	 */
	unsigned int (*qp_release)(struct qatsec_qp *qp);
	/* Give the resources back (table teardown). */
	void (*qp_free)(struct qatsec_qp *qp);
	uint16_t (*enqueue)(void *qp, struct rte_crypto_op **ops, uint16_t n);
	uint16_t (*dequeue)(void *qp, struct rte_crypto_op **ops, uint16_t n);
};

/* Called from each backend's constructor. */
void qatsec_backend_register(enum qatsec_backend b,
		const struct qatsec_backend_ops *ops);

/* This process's functions for backend b, or NULL. */
const struct qatsec_backend_ops *qatsec_backend_get(unsigned int b);

#endif /* QATSEC_BACKEND_H */
