/* SPDX-License-Identifier: BSD-3-Clause */ /* stub: being written */
#include "qatsec_config.h"
