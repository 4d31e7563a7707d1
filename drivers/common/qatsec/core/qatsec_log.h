/* SPDX-License-Identifier: BSD-3-Clause
 * qatsec core: the driver's dynamic logtype (pmd.crypto.qatsec), shared by
 * every layer above layer 1.
 */
#ifndef QATSEC_LOG_H
#define QATSEC_LOG_H

#include <rte_log.h>

extern int qatsec_logtype;

#define QATSEC_LOG(level, fmt, ...) \
	rte_log(RTE_LOG_ ## level, qatsec_logtype, "qatsec: " fmt "\n", \
		##__VA_ARGS__)

#endif /* QATSEC_LOG_H */
