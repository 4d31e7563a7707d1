/* SPDX-License-Identifier: BSD-3-Clause
 * qatsec claims: the primary's service. Every claim of the group is
 * granted here, on the group's claim socket (a control thread), with the
 * claimer's pidfd in the request: the
 * primary keeps that pidfd for as long as the claim lasts, so a claim
 * lives exactly as long as its holder, whatever PID namespace the holder
 * runs in and whether or not it sees a /proc; no pid is ever guessed from
 * /proc, so a recycled pid cannot be taken for a holder. Every 100 ms the
 * reaper closes the pidfds of released claims and reclaims the sections of
 * holders whose pidfd says they exited.
 *
 * The orderly stop (qatsec_claim_service_stop): claims are refused from
 * then on, holders see "stopping" in the group's claim state memzone,
 * the reaper goes on reclaiming dead holders while the primary waits; a
 * section still held at the end keeps its memory (the PMD's teardown does
 * not free the table then). Claim and release lines are rate-limited
 * (LOG_BURST a LOG_WINDOW_S), the counters are exact (telemetry).
 */
#include <errno.h>
#include <inttypes.h>
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include <rte_alarm.h>
#include <rte_cryptodev.h>
#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_memzone.h>
#include <rte_string_fns.h>

#include "qatsec_claim_private.h"
#include "qatsec_log.h"
#include "qatsec_startup.h"

#define REAP_PERIOD_US	(100 * 1000)
#define LOG_WINDOW_S	10
#define LOG_BURST	20	/* claim and release lines a window */

/* One claim's tie to its holder, per section (process-local: fds). */
struct holder_tie {
	int pidfd;			/* -1: none */
	uint64_t token;
};

static struct holder_tie *ties;
static uint32_t nb_ties;
/* The claim thread grants, the alarm thread reaps. */
static pthread_mutex_t ties_lock = PTHREAD_MUTEX_INITIALIZER;
static bool primary_started;
static qatsec_claim_stop_hook_t stop_hook;

/* The claim socket and the thread serving it. */
static int listen_fd = -1;
static int stop_fd = -1;		/* eventfd: the thread ends */
static pthread_t claim_thread;
static bool claim_thread_started;

bool qatsec_claim_bypassed;

/* This process's view of the group's claim state (a memzone). */
static struct qatsec_claim_state *state;
static const struct rte_memzone *state_mz;
static bool stopping;			/* primary: refuse claims */

/* Counters and the log's rate limit; three threads report events. */
static pthread_mutex_t stats_lock = PTHREAD_MUTEX_INITIALIZER;
static struct qatsec_claim_stats stats;
static uint64_t log_window_end;
static uint32_t log_in_window;
static uint64_t log_skipped_window;

void
qatsec_claim_set_stop_hook(qatsec_claim_stop_hook_t hook)
{
	stop_hook = hook;
}

void
qatsec_claim_bypass_ownership(bool on)
{
	qatsec_claim_bypassed = on;
}

const char *
qatsec_claim_dev_name(const struct qatsec_table *t, uint32_t section)
{
	int id = qatsec_tbl_sec_shared(t)[section].dev_id;

	return id < 0 ? "(none)" : rte_cryptodev_name_get(id);
}

unsigned int
qatsec_claim_quiesce(struct qatsec_table *t, uint32_t section)
{
	const struct qatsec_int_section *s = &qatsec_tbl_sections(t)[section];
	unsigned int dropped = 0;
	uint32_t q;

	if (qatsec_tbl_sec_shared(t)[section].dev_id < 0)
		return 0;
	if (stop_hook != NULL)
		stop_hook(section);
	for (q = 0; q < s->nb_cy; q++)
		dropped += qatsec_qp_release(qatsec_section_qp(t, section, q));
	return dropped;
}

static uint64_t
mono_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec;
}

/* Count one event in *counter; true when its line may be logged. At the
 * first event of a new window, a line says how many of the last window's
 * were not.
 */
static bool
event_counted(uint64_t *counter)
{
	uint64_t now = mono_s(), skipped = 0;
	bool log;

	pthread_mutex_lock(&stats_lock);
	(*counter)++;
	if (now >= log_window_end) {
		skipped = log_skipped_window;
		log_skipped_window = 0;
		log_in_window = 0;
		log_window_end = now + LOG_WINDOW_S;
	}
	log = log_in_window < LOG_BURST;
	if (log)
		log_in_window++;
	else {
		log_skipped_window++;
		stats.log_suppressed++;
	}
	pthread_mutex_unlock(&stats_lock);
	if (skipped != 0)
		QATSEC_LOG(NOTICE, "claims: %" PRIu64 " claim and release lines not logged in the last %d s (more than %d): exact counts in /qatsec/summary",
			skipped, LOG_WINDOW_S, LOG_BURST);
	return log;
}

void
qatsec_claim_stats_get(struct qatsec_claim_stats *s)
{
	pthread_mutex_lock(&stats_lock);
	*s = stats;
	s->stopping = stopping;
	pthread_mutex_unlock(&stats_lock);
}

void
qatsec_claim_note_release(uint32_t section, uint32_t pid, const char *comm)
{
	struct qatsec_table *t = qatsec_table();

	if (t == NULL || section >= t->nb_sections)
		return;
	if (event_counted(&stats.releases))
		QATSEC_LOG(NOTICE, "release: section %s (%s) from pid %u (%s)",
			qatsec_tbl_sections(t)[section].name,
			qatsec_claim_dev_name(t, section), pid, comm);
}

struct qatsec_claim_state *
qatsec_claim_state_get(void)
{
	const struct rte_memzone *mz;

	if (state != NULL)
		return state;
	mz = rte_memzone_lookup(QATSEC_CLAIM_STATE_MZ);
	if (mz == NULL || mz->len < sizeof(*state) ||
			((struct qatsec_claim_state *)mz->addr)->magic !=
			QATSEC_CLAIM_STATE_MAGIC)
		return NULL;
	state = mz->addr;
	return state;
}

uint32_t
qatsec_claim_nb_held(void)
{
	struct qatsec_table *t = qatsec_table();
	uint32_t i, n = 0;

	for (i = 0; t != NULL && i < t->nb_sections; i++)
		n += __atomic_load_n(&qatsec_tbl_sec_shared(t)[i].owner_token,
			__ATOMIC_ACQUIRE) != 0;
	return n;
}

int
qatsec_claim_service_stop(uint32_t grace_ms)
{
	if (rte_eal_process_type() != RTE_PROC_PRIMARY || state == NULL)
		return -ENOTSUP;
	/* Under ties_lock: no grant is half done when holders are told. */
	pthread_mutex_lock(&ties_lock);
	stopping = true;
	__atomic_store_n(&state->stop_deadline_ns,
		grace_ms == 0 ? 0 : qatsec_now_ns() + grace_ms * 1000000ull,
		__ATOMIC_RELAXED);
	__atomic_store_n(&state->stopping, 1, __ATOMIC_RELEASE);
	pthread_mutex_unlock(&ties_lock);
	return (int)qatsec_claim_nb_held();
}

static int
state_create(void)
{
	state_mz = rte_memzone_lookup(QATSEC_CLAIM_STATE_MZ);
	if (state_mz == NULL)
		state_mz = rte_memzone_reserve(QATSEC_CLAIM_STATE_MZ,
			sizeof(*state), SOCKET_ID_ANY, 0);
	if (state_mz == NULL)
		return -rte_errno;
	state = state_mz->addr;
	memset(state, 0, sizeof(*state));
	state->primary_pid = (uint32_t)getpid();
	state->magic = QATSEC_CLAIM_STATE_MAGIC;
	stopping = false;
	return 0;
}

static void
tie_close(struct holder_tie *tie)
{
	if (tie->pidfd >= 0)
		close(tie->pidfd);
	tie->pidfd = -1;
	tie->token = 0;
}

int
qatsec_claim_grant(const char *user, uint64_t token, const char *comm,
		int pidfd, uint32_t *pid)
{
	struct qatsec_table *t = qatsec_table();
	struct qatsec_holder_id id = { .token = token };
	struct qatsec_section_table v;
	int p, i;

	p = qatsec_pidfd_pid(pidfd);
	if (t == NULL || ties == NULL || token == 0 || p < 0 ||
			qatsec_pidfd_exited(pidfd)) {
		close(pidfd);
		return t == NULL || ties == NULL ? -ENODEV :
			token == 0 ? -EINVAL : -ESRCH;
	}
	/* 0: the holder is in a PID namespace the primary cannot see into;
	 * its pidfd still tells when it exits.
	 */
	id.pid = (uint32_t)p;
	rte_strscpy(id.comm, comm, sizeof(id.comm));
	v = qatsec_table_view(t);
	pthread_mutex_lock(&ties_lock);
	if (stopping) {
		pthread_mutex_unlock(&ties_lock);
		close(pidfd);
		if (event_counted(&stats.refused))
			QATSEC_LOG(WARNING, "claim of '%s' by pid %u (%s) refused: the primary is stopping (start again once it is back)",
				user, id.pid, id.comm);
		return -ESHUTDOWN;
	}
	i = qatsec_holder_take(&v, qatsec_tbl_sec_shared(t), user, &id,
		qatsec_now_ns());
	if (i >= 0) {
		/* A release the reaper has not seen yet. */
		tie_close(&ties[i]);
		ties[i].pidfd = pidfd;
		ties[i].token = token;
	}
	pthread_mutex_unlock(&ties_lock);
	*pid = id.pid;
	if (i < 0) {
		close(pidfd);
		return -ENOSPC;
	}
	if (event_counted(&stats.claims))
		QATSEC_LOG(NOTICE, "claim: section %s (%s) to pid %u (%s)",
			v.sections[i].name, qatsec_claim_dev_name(t, i), id.pid,
			id.comm);
	return i;
}

static void
reclaim(struct qatsec_table *t, uint32_t i)
{
	struct qatsec_sec_shared *ss = &qatsec_tbl_sec_shared(t)[i];
	char name[sizeof(ss->owner_name)];
	uint32_t pid = ss->owner_pid;
	unsigned int dropped;

	memcpy(name, ss->owner_name, sizeof(name));
	qatsec_claim_bypassed = true;
	dropped = qatsec_claim_quiesce(t, i);
	qatsec_claim_bypassed = false;
	qatsec_holder_give_back(ss, ties[i].token);
	pthread_mutex_lock(&stats_lock);
	stats.reclaims++;
	pthread_mutex_unlock(&stats_lock);
	/* Always logged: a death is rarer than a release, and the proof. */
	QATSEC_LOG(NOTICE, "Process %u %s exit with orphan rings: section %s reclaimed, %u in-flight ops drained",
		pid, name, qatsec_tbl_sections(t)[i].name, dropped);
}

/* Returns how many sections were reclaimed. */
static unsigned int
reap(void)
{
	struct qatsec_table *t = qatsec_table();
	unsigned int n = 0;
	uint32_t i;

	if (t == NULL)
		return 0;
	pthread_mutex_lock(&ties_lock);
	for (i = 0; i < nb_ties; i++) {
		struct holder_tie *tie = &ties[i];

		if (tie->pidfd < 0)
			continue;
		if (!qatsec_holder_is(&qatsec_tbl_sec_shared(t)[i], tie->token)) {
			tie_close(tie);		/* released */
			continue;
		}
		if (!qatsec_pidfd_exited(tie->pidfd))
			continue;
		reclaim(t, i);
		tie_close(tie);
		n++;
	}
	pthread_mutex_unlock(&ties_lock);
	return n;
}

static void
reap_alarm(void *arg __rte_unused)
{
	reap();
	if (primary_started)
		rte_eal_alarm_set(REAP_PERIOD_US, reap_alarm, NULL);
}

int
qatsec_claim_socket_path(char *buf, size_t len)
{
	int n = snprintf(buf, len, "%s/%s", rte_eal_get_runtime_dir(),
		QATSEC_CLAIM_SOCKET);

	return n < 0 || (size_t)n >= len ? -ENAMETOOLONG : 0;
}

static void
close_extra_fds(const struct rte_mp_msg *msg, int from)
{
	int k;

	for (k = from; k < msg->num_fds && k < RTE_MP_MAX_FD_NUM; k++)
		if (msg->fds[k] >= 0)
			close(msg->fds[k]);
}

/* The request of one connected claimer, and its pidfd (or -1). Any
 * process that can reach the socket may send anything: every fd it sends
 * is closed unless it is the one pidfd of a well-formed request.
 */
static int
request_read(int conn, struct qatsec_claim_req *req, int *pidfd)
{
	char cbuf[CMSG_SPACE(4 * sizeof(int))];
	struct iovec iov = { .iov_base = req, .iov_len = sizeof(*req) };
	struct msghdr m = { .msg_iov = &iov, .msg_iovlen = 1,
		.msg_control = cbuf, .msg_controllen = sizeof(cbuf) };
	struct cmsghdr *c;
	ssize_t n;

	*pidfd = -1;
	n = recvmsg(conn, &m, MSG_CMSG_CLOEXEC);
	for (c = CMSG_FIRSTHDR(&m); c != NULL; c = CMSG_NXTHDR(&m, c)) {
		size_t k, nfd;

		if (c->cmsg_level != SOL_SOCKET || c->cmsg_type != SCM_RIGHTS)
			continue;
		nfd = (c->cmsg_len - CMSG_LEN(0)) / sizeof(int);
		for (k = 0; k < nfd; k++) {
			int fd;

			memcpy(&fd, CMSG_DATA(c) + k * sizeof(int), sizeof(fd));
			if (*pidfd < 0)
				*pidfd = fd;
			else
				close(fd);
		}
	}
	if (n != (ssize_t)sizeof(*req) || (m.msg_flags & MSG_CTRUNC) ||
			*pidfd < 0) {
		if (*pidfd >= 0)
			close(*pidfd);
		*pidfd = -1;
		return -EINVAL;
	}
	req->user[sizeof(req->user) - 1] = '\0';
	req->comm[sizeof(req->comm) - 1] = '\0';
	return 0;
}

static void
serve_claimer(int conn)
{
	struct qatsec_claim_reply rep = { .result = -EINVAL };
	struct timeval tv = { .tv_usec = QATSEC_CLAIM_RECV_MS * 1000 };
	struct qatsec_claim_req req;
	int pidfd;

	/* A claimer that connects and sends nothing holds up no one long. */
	setsockopt(conn, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
	if (request_read(conn, &req, &pidfd) == 0)
		rep.result = qatsec_claim_grant(req.user, req.token, req.comm,
			pidfd, &rep.pid);
	if (send(conn, &rep, sizeof(rep), MSG_NOSIGNAL) != sizeof(rep) &&
			rep.result >= 0)
		/* Granted but not told: it holds it until it exits. */
		QATSEC_LOG(WARNING, "claim of section %d: the claimer left before the answer",
			rep.result);
	close(conn);
}

static void *
claim_thread_main(void *arg __rte_unused)
{
	struct pollfd pfd[2] = {
		{ .fd = listen_fd, .events = POLLIN },
		{ .fd = stop_fd, .events = POLLIN },
	};

	for (;;) {
		int conn;

		if (poll(pfd, 2, -1) < 0 && errno != EINTR)
			break;
		if (pfd[1].revents != 0)
			break;
		if (!(pfd[0].revents & POLLIN))
			continue;
		conn = accept4(listen_fd, NULL, NULL, SOCK_CLOEXEC);
		if (conn >= 0)
			serve_claimer(conn);
	}
	return NULL;
}

static int
claim_socket_open(void)
{
	struct sockaddr_un sa = { .sun_family = AF_UNIX };
	int ret;

	if (qatsec_claim_socket_path(sa.sun_path, sizeof(sa.sun_path)) < 0)
		return -ENAMETOOLONG;
	/* A socket left by a primary of this prefix that died. */
	unlink(sa.sun_path);
	listen_fd = socket(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0);
	if (listen_fd < 0)
		return -errno;
	if (bind(listen_fd, (struct sockaddr *)&sa, sizeof(sa)) < 0 ||
			listen(listen_fd, 64) < 0) {
		ret = -errno;
		QATSEC_LOG(ERR, "claim socket %s: %s", sa.sun_path,
			strerror(-ret));
		close(listen_fd);
		listen_fd = -1;
		return ret;
	}
	stop_fd = eventfd(0, EFD_CLOEXEC);
	if (stop_fd < 0)
		return -errno;
	ret = rte_ctrl_thread_create(&claim_thread, "qatsec-claims", NULL,
		claim_thread_main, NULL);
	if (ret != 0)
		return -ret;
	claim_thread_started = true;
	return 0;
}

static void
claim_socket_close(void)
{
	char path[sizeof(((struct sockaddr_un *)0)->sun_path)];
	uint64_t one = 1;

	if (claim_thread_started) {
		if (write(stop_fd, &one, sizeof(one)) != sizeof(one))
			pthread_cancel(claim_thread);
		pthread_join(claim_thread, NULL);
		claim_thread_started = false;
	}
	if (stop_fd >= 0)
		close(stop_fd);
	stop_fd = -1;
	if (listen_fd >= 0) {
		close(listen_fd);
		if (qatsec_claim_socket_path(path, sizeof(path)) == 0)
			unlink(path);
	}
	listen_fd = -1;
}

/* A release, for the log: the reaper closes the pidfd at its next pass. */
static int
event_action(const struct rte_mp_msg *msg, const void *peer __rte_unused)
{
	struct qatsec_table *t = qatsec_table();
	struct qatsec_release_ev ev;

	close_extra_fds(msg, 0);
	if (msg->len_param != sizeof(ev) || t == NULL)
		return 0;
	memcpy(&ev, msg->param, sizeof(ev));
	ev.comm[sizeof(ev.comm) - 1] = '\0';
	qatsec_claim_note_release(ev.section, ev.pid, ev.comm);
	return 0;
}

/* ENOTSUP: no multi-process (--no-shconf); claims stay in this process. */
static int
actions_register(void)
{
	if (rte_mp_action_register(QATSEC_EVENT_MSG, event_action) < 0 &&
			rte_errno != EEXIST && rte_errno != ENOTSUP)
		return -rte_errno;
	return 0;
}

int
qatsec_claim_primary_start(void)
{
	struct qatsec_table *t = qatsec_table();
	uint32_t i;
	int ret;

	if (t == NULL)
		return -ENODEV;
	ties = calloc(RTE_MAX(t->nb_sections, 1u), sizeof(*ties));
	if (ties == NULL)
		return -ENOMEM;
	for (i = 0; i < t->nb_sections; i++)
		ties[i].pidfd = -1;
	nb_ties = t->nb_sections;
	ret = state_create();
	if (ret == 0)
		ret = actions_register();
	if (ret == 0) {
		ret = claim_socket_open();
		/* No runtime directory (--no-shconf): no other process can
		 * join this one, so claims stay in it.
		 */
		if (ret == -ENOENT)
			ret = 0;
	}
	if (ret == 0)
		ret = qatsec_eal_watch_start();
	if (ret == 0) {
		primary_started = true;
		ret = rte_eal_alarm_set(REAP_PERIOD_US, reap_alarm, NULL);
	}
	if (ret < 0)
		qatsec_claim_primary_stop();
	return ret;
}

void
qatsec_claim_primary_stop(void)
{
	uint32_t i;

	primary_started = false;
	rte_eal_alarm_cancel(reap_alarm, (void *)-1);
	claim_socket_close();
	qatsec_eal_watch_stop();
	/* The last word on holders that died: what is held now is live. */
	if (ties != NULL)
		reap();
	/* Holders (and their stop callbacks) still read the state. */
	if (state_mz != NULL && qatsec_claim_nb_held() == 0)
		rte_memzone_free(state_mz);
	state_mz = NULL;
	state = NULL;
	rte_mp_action_unregister(QATSEC_EVENT_MSG);
	pthread_mutex_lock(&ties_lock);
	for (i = 0; i < nb_ties; i++)
		tie_close(&ties[i]);
	free(ties);
	ties = NULL;
	nb_ties = 0;
	pthread_mutex_unlock(&ties_lock);
}
