/* SPDX-License-Identifier: BSD-3-Clause
 * qatsec claims: who holds which internal section. Claims are first fit
 * over the shared table, taken with compare-and-swap on the section's
 * owner pid; the primary reclaims the sections of processes that died.
 * Uses the core only: the PMD tells it how to stop a section's device
 * (qatsec_claim_set_stop_hook).
 */
#ifndef QATSEC_CLAIM_H
#define QATSEC_CLAIM_H

#include <stdbool.h>
#include <stdint.h>

#include "qatsec_endpoint.h"

/* Claim a section of user section "user" for this process; *section gets
 * its table index. Same errors as rte_pmd_qatsec_user_start().
 */
int qatsec_claim(const char *user, uint32_t wait_ms, uint32_t *section);

/* Drop one reference; the last releases the section. */
int qatsec_release(void);

/* Section index this process holds, or -1. */
int qatsec_claim_held(void);

/* 0 when this process may control section's device (free section, its
 * own, or the primary stopping it), else -EPERM with a log naming the
 * holder.
 */
int qatsec_claim_check(uint32_t section, const char *dev_name,
		const char *what);

/* Primary at shutdown: let it stop devices whoever holds them. */
void qatsec_claim_bypass_ownership(bool on);

/* How the PMD stops a section's device and forgets its queue pairs, for a
 * release or a reclaim (process-local; NULL: nothing to stop).
 */
typedef void (*qatsec_claim_stop_hook_t)(uint32_t section);
void qatsec_claim_set_stop_hook(qatsec_claim_stop_hook_t hook);

/* Primary: start/stop reclaiming dead holders (every 100 ms) and logging
 * claim events.
 */
int qatsec_claim_primary_start(void);
void qatsec_claim_primary_stop(void);

/* Primary: the orderly stop. Claims are refused from here on (-ESHUTDOWN)
 * and holders see "stopping" with the deadline now + grace_ms. Returns
 * the number of sections still held.
 */
int qatsec_claim_service_stop(uint32_t grace_ms);

/* Number of sections held (owner token set), or 0 without a table. */
uint32_t qatsec_claim_nb_held(void);

/* 1: the primary is stopping (*ms_left: until its deadline, 0 if none),
 * 0: it is not, -ENODEV: no claim service in this group.
 */
int qatsec_claim_stopping(uint32_t *ms_left);

/* Any process: cb(arg) once, from a control thread, when the primary
 * begins its stop (polled every 100 ms). NULL unregisters.
 */
int qatsec_claim_stop_callback(void (*cb)(void *), void *arg);

/* Primary's counters since it started. */
struct qatsec_claim_stats {
	uint64_t claims;
	uint64_t releases;
	uint64_t reclaims;
	uint64_t refused;	/* refused while stopping */
	uint64_t log_suppressed; /* claim and release lines not logged */
	uint32_t stopping;
};
void qatsec_claim_stats_get(struct qatsec_claim_stats *s);

#endif /* QATSEC_CLAIM_H */
