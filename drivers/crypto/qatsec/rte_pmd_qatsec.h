/* SPDX-License-Identifier: BSD-3-Clause
 * Public API of the crypto_qatsec PMD: section claims (the DPDK counterpart
 * of the QAT driver's icp_sal_userStart/icp_sal_userStop) and queries of
 * the section table. Usable from the primary and from secondaries.
 */
#ifndef RTE_PMD_QATSEC_H
#define RTE_PMD_QATSEC_H

#include <stdint.h>

#include <rte_compat.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Driver name, as given to --vdev and rte_cryptodev_devices_get(). */
#define RTE_PMD_QATSEC_DRIVER_NAME "crypto_qatsec"

/** Longest name of a section or instance, without the NUL. */
#define RTE_PMD_QATSEC_NAME_MAX 64
/** Longest process name (Linux comm), with the NUL. */
#define RTE_PMD_QATSEC_PROC_NAME_LEN 32
#define RTE_PMD_QATSEC_MAX_QP 512

/** One crypto instance of a claimed section = one queue pair. */
struct rte_pmd_qatsec_instance {
	uint16_t qp_id;		/**< queue pair of the section's cryptodev */
	uint16_t endpoint;	/**< N of the endpoint's <type>_dev<N>.conf */
	int16_t core;		/**< CoreAffinity core for this process, -1 */
	uint8_t poll_mode;	/**< 1 polled, 2 epoll */
	char name[RTE_PMD_QATSEC_NAME_MAX + 1];	/**< Cy<N>Name */
};

/** What a claim hands out. */
struct rte_pmd_qatsec_claim {
	char section[RTE_PMD_QATSEC_NAME_MAX + 1];	/**< e.g. SSL_DEV0_INT_0 */
	char user[RTE_PMD_QATSEC_NAME_MAX + 1];		/**< e.g. SSL */
	int dev_id;		/**< its cryptodev in this process (0 in a devargs claimer) */
	uint16_t nb_instances;
	struct rte_pmd_qatsec_instance instances[RTE_PMD_QATSEC_MAX_QP];
};

/**
 * Claim the next free internal section of user section @p name (matched
 * without regard to case), first fit in the table's order, for the calling
 * process. Starting again in the process that holds a section takes a
 * reference on the same section (a forked child holds nothing and must
 * start again).
 *
 * @param name     user section name, e.g. "SSL" or "IPSec"
 * @param wait_ms  how long to wait for a section to free up; 0: do not wait
 * @param claim    filled on success; may be NULL
 * @return 0; -EINVAL unknown name (logged); -ENOSPC every such section is
 *   held (the log names the holders); -EBUSY this process already holds a
 *   section of another name; -ENODEV no qatsec table in this process group;
 *   -ESHUTDOWN the group's primary is stopping (claim again once it is
 *   back).
 */
__rte_experimental
int rte_pmd_qatsec_user_start(const char *name, uint32_t wait_ms,
		struct rte_pmd_qatsec_claim *claim);

/**
 * Drop one reference taken by rte_pmd_qatsec_user_start(); the last one
 * stops the section's device, releases its queue pairs and frees the
 * section for other processes.
 * @return 0; -ENOENT when this process holds nothing.
 */
__rte_experimental
int rte_pmd_qatsec_user_stop(void);

/** A row of the section table, as rte_pmd_qatsec_section_info() gives it. */
struct rte_pmd_qatsec_section_info {
	char name[RTE_PMD_QATSEC_NAME_MAX + 1];	/**< internal section */
	char user[RTE_PMD_QATSEC_NAME_MAX + 1];	/**< user section */
	int dev_id;	/**< in this process; -1: no crypto instance, or hidden here */
	uint16_t nb_instances;
	uint32_t owner_pid;			/**< 0: free */
	char owner_name[RTE_PMD_QATSEC_PROC_NAME_LEN];
	uint64_t claimed_ns;			/**< CLOCK_REALTIME */
};

/**
 * Describe internal section @p idx (0 .. rte_pmd_qatsec_section_count()-1),
 * in first-fit order.
 * @return 0, -EINVAL bad index, -ENODEV no table.
 */
__rte_experimental
int rte_pmd_qatsec_section_info(uint32_t idx,
		struct rte_pmd_qatsec_section_info *info);

/**
 * Number of internal sections of the process group's table, or -ENODEV
 * when there is none.
 */
__rte_experimental
int rte_pmd_qatsec_section_count(void);

/**
 * Whether the group's primary (qatsecd) has begun an orderly stop: it
 * refuses claims and waits, up to its grace period, for holders to call
 * rte_pmd_qatsec_user_stop(). When the grace period ends it exits without
 * freeing anything a live process maps, so a holder that does not release
 * keeps working; it just cannot claim again until a new primary runs, and
 * a new primary of the group cannot start until every process of the old
 * group has exited.
 *
 * @param ms_left  if not NULL and the primary is stopping: milliseconds
 *   left of its grace period (0: none left, or no deadline)
 * @return 1 stopping, 0 serving, -ENODEV no qatsec primary in this group.
 */
__rte_experimental
int rte_pmd_qatsec_service_stopping(uint32_t *ms_left);

/** A function called when the group's primary begins its stop. */
typedef void (*rte_pmd_qatsec_stop_cb_t)(void *arg);

/**
 * Have @p cb (arg) called once, from an EAL control thread of this
 * process, within about 100 ms of the primary beginning its orderly stop
 * (see rte_pmd_qatsec_service_stopping()). The callback should make the
 * application's data path finish and call rte_pmd_qatsec_user_stop() (it
 * may call it itself once no lcore uses the device). One callback a
 * process: a new registration replaces the previous one; NULL removes it.
 * @return 0; -ENODEV no qatsec primary in this group; or an error of
 *   rte_eal_alarm_set().
 */
__rte_experimental
int rte_pmd_qatsec_stop_callback_register(rte_pmd_qatsec_stop_cb_t cb,
		void *arg);

/**
 * Primary only (qatsecd calls it on SIGTERM/SIGINT): begin the orderly
 * stop: every claim is refused from now on with -ESHUTDOWN, and holders see
 * rte_pmd_qatsec_service_stopping() = 1 with @p grace_ms left (0: no
 * deadline). The reaper keeps reclaiming the sections of holders that die.
 * The primary then waits for rte_pmd_qatsec_held_count() to reach 0 or
 * its grace period to end; at rte_eal_cleanup() the table, devices and
 * rings are kept while any section is held.
 * @return the number of sections still held; -ENOTSUP not the primary or
 *   no claim service.
 */
__rte_experimental
int rte_pmd_qatsec_service_stop(uint32_t grace_ms);

/** Number of sections held now (0 when there is no table). */
__rte_experimental
int rte_pmd_qatsec_held_count(void);

#ifdef __cplusplus
}
#endif

#endif /* RTE_PMD_QATSEC_H */
