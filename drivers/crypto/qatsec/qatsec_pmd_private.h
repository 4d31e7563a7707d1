/* SPDX-License-Identifier: BSD-3-Clause
 * crypto_qatsec PMD glue: what the vdev driver (qatsec_pmd.c), the
 * cryptodev ops (qatsec_ops.c), the session routing to engines
 * (qatsec_sessions.c) and telemetry share.
 */
#ifndef QATSEC_PMD_PRIVATE_H
#define QATSEC_PMD_PRIVATE_H

#include <stdbool.h>

#include <cryptodev_pmd.h>

#include "qatsec_endpoint.h"
#include "qatsec_log.h"

#define QATSEC_DRIVER_NAME crypto_qatsec
#define QATSEC_DRIVER_NAME_STR RTE_STR(QATSEC_DRIVER_NAME)

extern uint8_t qatsec_driver_id;

/* dev_private of a section device: in shared memory, values only. */
struct qatsec_dev_private {
	uint32_t section;	/* index into the table's sections */
	uint32_t nb_qp;		/* Cy instances of the section */
};

extern struct rte_cryptodev_ops qatsec_dev_ops;

/* This process's burst functions for dev: its backend's, or (serve
 * false) ones that do nothing, for a process refused the device.
 */
void qatsec_dev_burst_set(struct rte_cryptodev *dev, bool serve);

/* The section devices as this process sees them (qatsec_view.c). */
/* Stop section's device in this process's view and forget its queue
 * pairs (the claim layer's stop hook).
 */
void qatsec_section_dev_stop(uint32_t section);
/* section's device id in this process, -1 if this process hides it. */
int qatsec_view_local_id(uint32_t section);
/* Show section alone (a secondary's devargs claim); returns its id. */
int qatsec_view_only(uint32_t section);
/* Forget the hidden slots and the alias (teardown, after the devices). */
void qatsec_view_reset(void);
/* dev is a slot this process hides. */
bool qatsec_view_hidden(const struct rte_cryptodev *dev);

/* What the registered engines serve, merged (process-local, built on
 * first use), and the feature flags they add.
 */
const struct rte_cryptodev_capabilities *qatsec_capabilities(void);
/* The same, of the engines CPU crypto reaches (vec_process). */
const struct rte_cryptodev_capabilities *qatsec_capabilities_vec(void);
uint64_t qatsec_engine_feature_flags(void);

/* The raw data-path API over the engines' vec_process (qatsec_raw_dp.c). */
int qatsec_raw_dp_ctx_size(struct rte_cryptodev *dev);
int qatsec_raw_dp_configure(struct rte_cryptodev *dev, uint16_t qp_id,
		struct rte_crypto_raw_dp_ctx *ctx,
		enum rte_crypto_op_sess_type sess_type,
		union rte_cryptodev_session_ctx session_ctx, uint8_t is_update);

/* The symmetric API a process's section devices describe
 * (qatsec_cpu_crypto.c): the devarg sym_api=raw|cpu (enum qatsec_sym_api),
 * and what makes a new section device follow it. DPDK 22.11 lets a device
 * offer the raw data path or CPU crypto, not both.
 */
void qatsec_sym_api_set(int api);
void qatsec_sym_api_select(struct rte_cryptodev *dev);

/* rte_security protocol sessions (qatsec_security.c): give dev its
 * (process-local) security context when an engine serves them.
 */
void qatsec_security_attach(struct rte_cryptodev *dev);

/* Session ops routed to the engines (qatsec_sessions.c). */
unsigned int qatsec_sym_sess_size(struct rte_cryptodev *dev);
int qatsec_sym_sess_configure(struct rte_cryptodev *dev,
		struct rte_crypto_sym_xform *xform,
		struct rte_cryptodev_sym_session *sess);
void qatsec_sym_sess_clear(struct rte_cryptodev *dev,
		struct rte_cryptodev_sym_session *sess);
unsigned int qatsec_asym_sess_size(struct rte_cryptodev *dev);
int qatsec_asym_sess_configure(struct rte_cryptodev *dev,
		struct rte_crypto_asym_xform *xform,
		struct rte_cryptodev_asym_session *sess);
void qatsec_asym_sess_clear(struct rte_cryptodev *dev,
		struct rte_cryptodev_asym_session *sess);

/* Give a secondary its own telemetry socket (22.11 starts none). */
void qatsec_telemetry_secondary_init(void);

#endif /* QATSEC_PMD_PRIVATE_H */
