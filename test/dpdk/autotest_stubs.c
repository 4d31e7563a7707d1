/* SPDX-License-Identifier: BSD-3-Clause
 * qatsec: the few symbols DPDK's app/test main (test.c, commands.c) refers
 * to that live in app/test files we do not build (pdump, multi-process,
 * panic/exit, timer and rxtx tests). The cryptodev suites never reach them;
 * if anything does, it fails loudly rather than pretending to pass.
 */
#include <stdio.h>

#include <cmdline_parse_string.h>

#include "test.h"
#include "test_pdump.h"

static int
qatsec_not_built(const char *what)
{
	printf("qatsec autotest: %s is not part of this out-of-tree build\n",
		what);
	return -1;
}

int
test_pdump(void)
{
	return qatsec_not_built(__func__);
}

int
test_mp_secondary(void)
{
	return qatsec_not_built(__func__);
}

int
test_panic(void)
{
	return qatsec_not_built(__func__);
}

int
test_exit(void)
{
	return qatsec_not_built(__func__);
}

int
test_timer_secondary(void)
{
	return qatsec_not_built(__func__);
}

int
test_set_rxtx_conf(cmdline_fixed_string_t mode)
{
	(void)mode;
	return qatsec_not_built(__func__);
}

int
test_set_rxtx_anchor(cmdline_fixed_string_t type)
{
	(void)type;
	return qatsec_not_built(__func__);
}

int
test_set_rxtx_sc(cmdline_fixed_string_t type)
{
	(void)type;
	return qatsec_not_built(__func__);
}
