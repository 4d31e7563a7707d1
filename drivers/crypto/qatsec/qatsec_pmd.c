/* SPDX-License-Identifier: BSD-3-Clause
 * stub: being written */
#include <rte_common.h>
#include <rte_compat.h>
#include <rte_log.h>
#include <cryptodev_pmd.h>
#include <bus_vdev_driver.h>
#include "rte_pmd_qatsec.h"
#include "qatsec_config.h"
#include "qatsec_sym.h"

RTE_LOG_REGISTER_DEFAULT(qatsec_logtype, NOTICE);

int
rte_pmd_qatsec_section_count(void)
{
	return -ENODEV;
}
