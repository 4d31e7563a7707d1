/* SPDX-License-Identifier: BSD-3-Clause
 * Suite mp: an application aware of the stop contract. It claims a
 * section of USER, registers a stop callback, and waits (up to SECONDS)
 * for the primary's orderly stop; the callback releases the section. It
 * prints what it saw, as lines the test greps:
 *   holds <section>           after the claim
 *   stopping ms_left=<n>      the callback ran and the flag reads 1
 *   released rc=<rc>          after rte_pmd_qatsec_user_stop()
 *   no stop event             SECONDS passed without one (exit 1)
 * Usage: mp_stopcb [EAL secondary args] -- USER SECONDS
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include <rte_eal.h>

#include "rte_pmd_qatsec.h"

static volatile int told;

static void
on_stop(void *arg)
{
	*(volatile int *)arg = 1;
}

int
main(int argc, char **argv)
{
	struct rte_pmd_qatsec_claim *c = calloc(1, sizeof(*c));
	uint32_t left = 0;
	int n, rc, tenths;

	n = rte_eal_init(argc, argv);
	if (n < 0 || c == NULL || argc - n < 3)
		return 2;
	argv += n;
	tenths = atoi(argv[2]) * 10;
	rc = rte_pmd_qatsec_user_start(argv[1], 0, c);
	if (rc < 0) {
		printf("claim failed rc=%d\n", rc);
		return 3;
	}
	printf("holds %s\n", c->section);
	rc = rte_pmd_qatsec_stop_callback_register(on_stop, (void *)&told);
	printf("registered rc=%d stopping=%d\n", rc,
		rte_pmd_qatsec_service_stopping(NULL));
	fflush(stdout);
	while (!told && tenths-- > 0)
		usleep(100 * 1000);
	if (!told) {
		printf("no stop event\n");
		return 1;
	}
	rc = rte_pmd_qatsec_service_stopping(&left);
	printf("stopping=%d ms_left=%u\n", rc, left);
	rc = rte_pmd_qatsec_user_stop();
	printf("released rc=%d\n", rc);
	fflush(stdout);
	free(c);
	return 0;
}
