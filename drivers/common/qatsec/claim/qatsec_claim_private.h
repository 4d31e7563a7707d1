/* SPDX-License-Identifier: BSD-3-Clause
 * qatsec claims: what the holder side (qatsec_claim.c) and the primary's
 * service (qatsec_claim_primary.c) share: the messages between them and
 * the grant of a claim.
 */
#ifndef QATSEC_CLAIM_PRIVATE_H
#define QATSEC_CLAIM_PRIVATE_H

#include <stdbool.h>
#include <stdint.h>

#include "qatsec_claim.h"
#include "qatsec_holder.h"

/* Claims reach the primary on a unix socket of the group's runtime
 * directory, not over rte_mp: a forked child (which must start again, as
 * with QAT) cannot use its parent's rte_mp channel, but it can connect.
 */
#define QATSEC_CLAIM_SOCKET	"qatsec_claim"
#define QATSEC_EVENT_MSG	"qatsec_ev"	/* rte_mp message: a release */
/* How long a claimer waits for the primary's answer to one request, and
 * the primary for a connected claimer's request.
 */
#define QATSEC_CLAIM_REPLY_S	5
#define QATSEC_CLAIM_RECV_MS	1000

/* A claim request; the claimer's pidfd travels with it (SCM_RIGHTS). */
struct qatsec_claim_req {
	char user[QATSEC_INT_NAME_MAX + 1];
	uint64_t token;
	uint32_t own_pid;		/* in the claimer's PID namespace */
	char comm[32];
};

/* The start-up watch (qatsec_startup.h): its own socket, one connection
 * per starting process, BEGIN (with the process's pidfd) then END.
 */
#define QATSEC_STARTUP_SOCKET	"qatsec_startup"
#define QATSEC_STARTUP_MAGIC	0x71737475u
#define QATSEC_STARTUP_BEGIN	1
#define QATSEC_STARTUP_END	2

struct qatsec_startup_msg {
	uint32_t magic;
	uint32_t kind;			/* QATSEC_STARTUP_BEGIN or _END */
	uint32_t own_pid;		/* in the sender's PID namespace */
};

struct qatsec_claim_reply {
	int32_t result;			/* section index, or -errno */
	uint32_t pid;			/* the claimer as the primary sees it */
};

struct qatsec_release_ev {
	uint32_t section;
	uint32_t pid;			/* as the primary sees it */
	char comm[32];
};

/* The group's claim service state, in a memzone of its own that the
 * primary creates and never frees while a section is held: holders poll
 * "stopping" (rte_pmd_qatsec_service_stopping) or get a callback.
 */
#define QATSEC_CLAIM_STATE_MZ	"qatsec_claim_state"
#define QATSEC_CLAIM_STATE_MAGIC 0x71617473746f7031ull

struct qatsec_claim_state {
	uint64_t magic;
	uint32_t stopping;		/* 1: claims refused, release yours */
	uint32_t primary_pid;
	uint64_t stop_deadline_ns;	/* CLOCK_REALTIME; 0: no deadline */
};

/* This group's state (looked up once), or NULL. */
struct qatsec_claim_state *qatsec_claim_state_get(void);

/* Primary: a release, for the log (rate-limited) and the counters. */
void qatsec_claim_note_release(uint32_t section, uint32_t pid,
		const char *comm);

/* The claim socket's path for this group: 0, or -ENAMETOOLONG. */
int qatsec_claim_socket_path(char *buf, size_t len);

/* Set while the primary stops a section whoever holds it. */
extern bool qatsec_claim_bypassed;

/* Primary: grant a claim of "user" for token/comm to the process pidfd
 * refers to (the grant owns pidfd from here on, whatever the outcome).
 * Returns the section, -ENOSPC (all held), -EINVAL or -ESRCH (not a live
 * process); *pid gets its pid as the primary sees it.
 */
int qatsec_claim_grant(const char *user, uint64_t token, const char *comm,
		int pidfd, uint32_t *pid);

/* Have the section's device stopped, then empty its instances (rings are
 * kept for the next holder): the number of ops dropped.
 */
unsigned int qatsec_claim_quiesce(struct qatsec_table *t, uint32_t section);

/* "crypto_qatsec_<section>" or "(none)". */
const char *qatsec_claim_dev_name(const struct qatsec_table *t,
		uint32_t section);

#endif /* QATSEC_CLAIM_PRIVATE_H */
