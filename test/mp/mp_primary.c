/* SPDX-License-Identifier: BSD-3-Clause
 * Suite mp: a plain primary that loads the PMD (not qatsecd: no stop
 * contract of its own) and calls rte_eal_cleanup() on SIGTERM, whoever
 * still holds sections. The PMD's remove must then leave the table,
 * devices and rings to the holders. Prints "ready", then after cleanup
 * "cleaned up".
 * Usage: mp_primary [EAL args, with --vdev crypto_qatsec,conf_dir=DIR]
 */
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

#include <rte_common.h>
#include <rte_eal.h>

static volatile sig_atomic_t stop;

static void
on_signal(int sig __rte_unused)
{
	stop = 1;
}

int
main(int argc, char **argv)
{
	if (rte_eal_init(argc, argv) < 0)
		return 1;
	signal(SIGTERM, on_signal);
	printf("qatsecd: ready\n");
	fflush(stdout);
	while (!stop)
		usleep(100 * 1000);
	rte_eal_cleanup();
	printf("cleaned up\n");
	fflush(stdout);
	return 0;
}
