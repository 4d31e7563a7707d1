/* SPDX-License-Identifier: BSD-3-Clause
 * qatsec layer 1: the built-in one-endpoint default configuration, used
 * when the application names none (also shipped as
 * config/default/4xxx_dev0.conf for users to start from; a unit test keeps
 * the two byte-identical).
 */
#include "qatsec_config.h"

const char qatsec_default_config_name[] = "4xxx_dev0.conf";

const char qatsec_default_config[] =
	"# qatsec built-in default endpoint: used when no configuration is given.\n"
	"# Kept byte-identical to qatsec_default_config in\n"
	"# drivers/crypto/qatsec/qatsec_default_conf.c (a unit test checks).\n"
	"[GENERAL]\n"
	"ServicesEnabled = sym;dc\n"
	"ConfigVersion = 2\n"
	"\n"
	"[SSL]\n"
	"NumProcesses = 1\n"
	"LimitDevAccess = 0\n"
	"NumberCyInstances = 2\n"
	"NumberDcInstances = 0\n"
	"\n"
	"# Crypto - User instance #0\n"
	"Cy0Name = \"SSL0\"\n"
	"Cy0IsPolled = 1\n"
	"\n"
	"# Crypto - User instance #1\n"
	"Cy1Name = \"SSL1\"\n"
	"Cy1IsPolled = 1\n";
