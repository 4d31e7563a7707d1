/* SPDX-License-Identifier: BSD-3-Clause
 * qatsec core: registers the pmd.crypto.qatsec logtype.
 */
#include "qatsec_log.h"

RTE_LOG_REGISTER_DEFAULT(qatsec_logtype, NOTICE);
