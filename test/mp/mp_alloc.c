/* SPDX-License-Identifier: BSD-3-Clause
 * Suite mp: a secondary that asks the group for MB megabytes in one
 * memzone (more than the heap has free makes the primary grow the heap,
 * unless the group's memory is capped), prints the outcome and frees it:
 *   reserved MB      or     refused MB: <error>
 * Usage: mp_alloc [EAL secondary args] -- MB
 */
#include <stdio.h>
#include <stdlib.h>

#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_memzone.h>

int
main(int argc, char **argv)
{
	const struct rte_memzone *mz;
	size_t mb;
	int n;

	n = rte_eal_init(argc, argv);
	if (n < 0 || argc - n < 2)
		return 2;
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
