/* SPDX-License-Identifier: BSD-3-Clause
 * Suite mp: a secondary that asks the group for MB megabytes in one
 * memzone (more than the heap has free makes the primary grow the heap,
 * unless the group's memory is capped), prints the outcome and frees it:
 *   reserved MB      or     refused MB: <error>
 * With "pools N": creates N small mempools lk<pid>_<i> (3 memzones each),
 * prints "pools N" and waits to be killed, leaving them behind as a killed
 * application does.
 * Usage: mp_alloc [EAL secondary args] -- MB | pools N
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_mempool.h>
#include <rte_memzone.h>
#include <unistd.h>

static int
leave_pools(unsigned int n)
{
	char name[RTE_MEMPOOL_NAMESIZE];
	unsigned int i;

	for (i = 0; i < n; i++) {
		snprintf(name, sizeof(name), "lk%d_%u", (int)getpid(), i);
		if (rte_mempool_create(name, 63, 64, 0, 0, NULL, NULL, NULL,
				NULL, SOCKET_ID_ANY, 0) == NULL) {
			printf("pool %u refused: %s\n", i, rte_strerror(rte_errno));
			break;
		}
	}
	printf("pools %u\n", i);
	fflush(stdout);
	for (;;)
		pause();
	return 0;
}

int
main(int argc, char **argv)
{
	const struct rte_memzone *mz;
	size_t mb;
	int n;

	n = rte_eal_init(argc, argv);
	if (n < 0 || argc - n < 2)
		return 2;
	if (strcmp(argv[n + 1], "pools") == 0 && argc - n >= 3)
		return leave_pools(strtoul(argv[n + 2], NULL, 10));
	mb = strtoul(argv[n + 1], NULL, 10);
	mz = rte_memzone_reserve("mp_alloc", mb << 20, SOCKET_ID_ANY, 0);
	if (mz == NULL) {
		printf("refused %zu: %s\n", mb, rte_strerror(rte_errno));
		rte_eal_cleanup();
		return 1;
	}
	printf("reserved %zu\n", mb);
	fflush(stdout);
	rte_memzone_free(mz);
	rte_eal_cleanup();
	return 0;
}
