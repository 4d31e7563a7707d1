/* SPDX-License-Identifier: BSD-3-Clause
 * Suite mp: what an unmodified application sees after claiming through
 * --vdev 'crypto_qatsec,section=NAME': exactly its section's device, from
 * rte_cryptodev_count() and rte_cryptodev_devices_get(); and hidden slots
 * still answer the session size. Prints one line a fact; the shell test
 * asserts them. Usage: mp_visible [EAL secondary args with the vdev]
 */
#include <stdio.h>

#include <rte_cryptodev.h>
#include <rte_eal.h>

int
main(int argc, char **argv)
{
	uint8_t ids[RTE_CRYPTO_MAX_DEVS];
	unsigned int i, n, sizes = 0;

	if (rte_eal_init(argc, argv) < 0)
		return 1;
	printf("count %u\n", rte_cryptodev_count());
	n = rte_cryptodev_devices_get("crypto_qatsec", ids, RTE_DIM(ids));
	printf("devices %u", n);
	for (i = 0; i < n; i++)
		printf(" %s", rte_cryptodev_name_get(ids[i]));
	printf("\n");
	/* crypto-perf asks every id below the count, hidden ones included. */
	for (i = 0; i < RTE_CRYPTO_MAX_DEVS; i++)
		sizes += rte_cryptodev_sym_get_private_session_size(i) > 0;
	printf("session-size answers %u\n", sizes);
	fflush(stdout);
	rte_eal_cleanup();
	return 0;
}
