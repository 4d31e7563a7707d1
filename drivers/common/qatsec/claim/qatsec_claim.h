/* SPDX-License-Identifier: BSD-3-Clause
 * qatsec layer 3: who holds which internal section. Claims are first fit
 * over the shared table, taken with compare-and-swap on the section's
 * owner pid; the primary reclaims the sections of processes that died.
 */
#ifndef QATSEC_CLAIM_H
#define QATSEC_CLAIM_H

#include <stdbool.h>
#include <stdint.h>

#include <cryptodev_pmd.h>

#include "qatsec_endpoint.h"

/* Claim a section of user section "user" for this process; *section gets
 * its table index. Same errors as rte_pmd_qatsec_user_start().
 */
int qatsec_claim(const char *user, uint32_t wait_ms, uint32_t *section);

/* Drop one reference; the last releases the section. */
int qatsec_release(void);

/* Section index this process holds, or -1. */
int qatsec_claim_held(void);

/* 0 when this process may control dev (free section, its own, or the
 * primary reclaiming it), else -EPERM with a log naming the holder.
 */
int qatsec_claim_check(const struct rte_cryptodev *dev, const char *what);

/* Primary at shutdown: let it stop devices whoever holds them. */
void qatsec_claim_force(bool on);

/* Whether the holder recorded in ss is still the same live process. */
bool qatsec_claim_holder_alive(const struct qatsec_sec_shared *ss);

/* Primary: start/stop reclaiming dead holders and logging claim events. */
int qatsec_claim_primary_start(void);
void qatsec_claim_primary_stop(void);

/* Primary: reclaim now (also run every 100 ms); returns how many. */
unsigned int qatsec_claim_reap(void);

#endif /* QATSEC_CLAIM_H */
