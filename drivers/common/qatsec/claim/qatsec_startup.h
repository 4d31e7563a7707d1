/* SPDX-License-Identifier: BSD-3-Clause
 * qatsec claims: the group's start-up watch. DPDK 22.11 keeps its shared
 * locks (struct rte_mem_config) in plain words: a secondary killed inside
 * rte_eal_init() while it holds the memory hotplug lock for reading (from
 * its memory init to its heap init) leaves a reader that never leaves, and
 * every later writer of the group spins in rte_eal_cleanup() for ever,
 * taking new secondaries' rte_eal_init() down with it (a waiting writer
 * stops new readers). So every process that loads the PMD tells the
 * primary when it enters its start-up (a vdev custom scan callback, before
 * EAL maps memory) and when it leaves it (its first probe, after EAL's heap
 * init), with its pidfd; the primary, knowing which processes died inside
 * that span, gives back the read lock the dead took, and only what they
 * could have taken (see qatsec_eal_watch.c for the exact rule).
 */
#ifndef QATSEC_STARTUP_H
#define QATSEC_STARTUP_H

#include <stdint.h>

/* Secondary: this process's start-up is over (called at its first probe:
 * EAL released the lock by then). Safe to call more than once and in a
 * primary (nothing to do).
 */
void qatsec_startup_done(void);

/* Primary: serve the start-up socket and watch DPDK's shared locks. */
int qatsec_eal_watch_start(void);
void qatsec_eal_watch_stop(void);

/* Primary's figures since it started. */
struct qatsec_eal_watch_stats {
	uint32_t starting;		/* processes inside their start-up now */
	uint64_t started;		/* start-ups seen to their end */
	uint64_t died_starting;		/* processes that died inside one */
	uint64_t readers_released;	/* hotplug read locks given back */
	uint64_t waits_cleared;		/* wait bits of dead writers cleared */
	int32_t hotplug_lock;		/* the lock word, as last read */
	uint32_t stuck_s;		/* how long a lock has been stuck */
	int active;			/* 1: watching; 0: not in this DPDK */
};
void qatsec_eal_watch_stats_get(struct qatsec_eal_watch_stats *s);

#endif /* QATSEC_STARTUP_H */
