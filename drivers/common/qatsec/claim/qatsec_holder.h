/* SPDX-License-Identifier: BSD-3-Clause
 * qatsec claims, the holder protocol without EAL (unit-tested on its own):
 * first-fit take of a section with compare-and-swap on its owner token,
 * give-back by the token's holder, and the pidfd that ties a claim to its
 * holder's life in the primary, whatever PID namespace the holder is in.
 */
#ifndef QATSEC_HOLDER_H
#define QATSEC_HOLDER_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include "qatsec_config.h"
#include "qatsec_endpoint.h"

/* A claimer: a token unique to this claim, and who it is for display. */
struct qatsec_holder_id {
	uint64_t token;			/* qatsec_holder_token(), never 0 */
	uint32_t pid;			/* as the primary sees it */
	char comm[sizeof(((struct qatsec_sec_shared *)0)->owner_name)];
};

/* CLOCK_REALTIME in ns: when a claim was made, as users read it. */
uint64_t qatsec_now_ns(void);

/* A fresh, non-zero claim token (getrandom). */
uint64_t qatsec_holder_token(void);

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

/* Whether token holds ss. */
bool qatsec_holder_is(const struct qatsec_sec_shared *ss, uint64_t token);

/* Free ss if token holds it: false (and nothing changed) otherwise. */
bool qatsec_holder_give_back(struct qatsec_sec_shared *ss, uint64_t token);

/* A pidfd of the calling process, -1 (errno) when the kernel has none. */
int qatsec_pidfd_self(void);

/* The pid, in the caller's PID namespace, of the process pidfd refers to:
 * > 0; 0 when it is not visible there; -1 when fd is not a pidfd of a live
 * or zombie process.
 */
int qatsec_pidfd_pid(int pidfd);

/* Whether the process pidfd refers to has exited (zombie or reaped). */
bool qatsec_pidfd_exited(int pidfd);

/* The calling thread's name (its comm), which needs no /proc. */
void qatsec_self_comm(char *out, size_t len);

#endif /* QATSEC_HOLDER_H */
