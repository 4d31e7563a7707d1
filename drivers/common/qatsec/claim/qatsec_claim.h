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

#endif /* QATSEC_CLAIM_H */
