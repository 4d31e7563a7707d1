/* SPDX-License-Identifier: BSD-3-Clause
 * Suite mp, mp-secgw only: an LD_PRELOAD shim for DPDK's ipsec-secgw
 * example. 22.11's ipsec-secgw asks every port for RX checksum offloads
 * (RTE_ETH_RX_OFFLOAD_CHECKSUM in its port_conf, no option removes it) and
 * exits when a port lacks them; net_pcap, the only ethdev whose ports a
 * secondary can share here, offers none. This widens what net_pcap ports
 * advertise by exactly those offloads and changes nothing else: net_pcap
 * then marks no checksum status on received mbufs ("unknown"), which
 * ipsec-secgw lets through. The crypto path is untouched.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <dlfcn.h>
#include <string.h>

#include <rte_ethdev.h>

int
rte_eth_dev_info_get(uint16_t port_id, struct rte_eth_dev_info *info)
{
	static int (*real)(uint16_t, struct rte_eth_dev_info *);
	int ret;

	if (real == NULL)
		*(void **)&real = dlsym(RTLD_NEXT, "rte_eth_dev_info_get");
	if (real == NULL)
		return -ENOSYS;
	ret = real(port_id, info);
	if (ret == 0 && info->driver_name != NULL &&
			strcmp(info->driver_name, "net_pcap") == 0)
		info->rx_offload_capa |= RTE_ETH_RX_OFFLOAD_CHECKSUM;
	return ret;
}
