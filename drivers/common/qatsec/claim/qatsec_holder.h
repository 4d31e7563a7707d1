/* SPDX-License-Identifier: BSD-3-Clause
 * qatsec claims, the holder protocol on the shared section array, without
 * EAL (unit-tested on its own): first-fit take with compare-and-swap on the
 * owner pid, give-back by the holder, and the judgement of whether a
 * recorded holder is still the same live process.
 */
#ifndef QATSEC_HOLDER_H
#define QATSEC_HOLDER_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include "qatsec_config.h"
#include "qatsec_endpoint.h"

/* A process as a claim records it. */
struct qatsec_holder_id {
	uint32_t pid;
	uint64_t start;			/* qatsec_proc_start_time(pid) */
	char comm[sizeof(((struct qatsec_sec_shared *)0)->owner_name)];
};

/* Start time of pid in clock ticks since boot (field 22 of
 * /proc/<pid>/stat); 0 when it is gone or a zombie (dead, not yet reaped
 * by its parent: it holds nothing any more).
 */
uint64_t qatsec_proc_start_time(pid_t pid);

/* id of pid, read from /proc. */
void qatsec_holder_id_read(pid_t pid, struct qatsec_holder_id *id);

/* Sections of user section "user" (any case) that have crypto instances:
 * the candidates of a claim.
 */
uint32_t qatsec_holder_candidates(const struct qatsec_section_table *v,
		const struct qatsec_sec_shared *ss, const char *user);

/* Take the first free candidate for id, at time now_ns: its index, or -1
 * when every candidate is held. Racing takers never both win one.
 */
int qatsec_holder_take(const struct qatsec_section_table *v,
		struct qatsec_sec_shared *ss, const char *user,
		const struct qatsec_holder_id *id, uint64_t now_ns);

/* Free ss if pid holds it: false (and nothing changed) otherwise. */
bool qatsec_holder_give_back(struct qatsec_sec_shared *ss, uint32_t pid);

/* Whether the holder recorded in ss is the live process it was when it
 * took the section, by start_time(pid) (qatsec_proc_start_time outside
 * tests). A section that changes hands while it is looked at counts as
 * alive (the next look decides): a start time is only ever compared with
 * the pid it was recorded for.
 */
bool qatsec_holder_alive(const struct qatsec_sec_shared *ss,
		uint64_t (*start_time)(pid_t pid));

#endif /* QATSEC_HOLDER_H */
