/* SPDX-License-Identifier: BSD-3-Clause
 * qatsec layer 2: what the vdev driver and the cryptodev ops share.
 */
#ifndef QATSEC_PMD_PRIVATE_H
#define QATSEC_PMD_PRIVATE_H

#include <cryptodev_pmd.h>

#include "qatsec_endpoint.h"

#define QATSEC_DRIVER_NAME crypto_qatsec
#define QATSEC_DRIVER_NAME_STR RTE_STR(QATSEC_DRIVER_NAME)

extern int qatsec_logtype;
extern uint8_t qatsec_driver_id;

#define QATSEC_LOG(level, fmt, ...) \
	rte_log(RTE_LOG_ ## level, qatsec_logtype, "qatsec: " fmt "\n", \
		##__VA_ARGS__)

/* dev_private of a section device: in shared memory, values only. */
struct qatsec_dev_private {
	uint32_t section;	/* index into the table's sections */
	uint32_t nb_qp;		/* Cy instances of the section */
};

extern struct rte_cryptodev_ops qatsec_dev_ops;

/* The process's view of the table (found or created at probe). */
extern struct qatsec_table *qatsec_tbl;

/* Give a secondary its own telemetry socket (22.11 starts none). */
void qatsec_telemetry_secondary_init(void);

/* The n-th Cy queue pair of a section. */
struct qatsec_qp *qatsec_section_qp(const struct qatsec_table *t,
		uint32_t section, uint32_t n);

#endif /* QATSEC_PMD_PRIVATE_H */
