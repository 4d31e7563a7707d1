/* SPDX-License-Identifier: BSD-3-Clause
 * Public API of the crypto_qatsec PMD: section claims (the DPDK counterpart
 * of icp_sal_userStart/Stop) and section table queries.
 */
#ifndef RTE_PMD_QATSEC_H
#define RTE_PMD_QATSEC_H

#include <stdint.h>

#include <rte_compat.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Driver name, as given to --vdev and rte_cryptodev_devices_get(). */
#define RTE_PMD_QATSEC_DRIVER_NAME "crypto_qatsec"

/**
 * Number of internal sections the primary created, or a negative errno when
 * no qatsec table exists in this process group.
 */
__rte_experimental
int rte_pmd_qatsec_section_count(void);

#ifdef __cplusplus
}
#endif

#endif /* RTE_PMD_QATSEC_H */
