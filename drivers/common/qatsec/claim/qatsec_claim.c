/* SPDX-License-Identifier: BSD-3-Clause
 * qatsec claims: who holds which internal section, the icp_sal_userStart/
 * Stop of DPDK.
 *
 * The holder's side: a claim is a request to the primary
 * (qatsec_claim_primary.c) carrying this process's pidfd and a token
 * unique to the claim; the primary takes the first free section for the
 * token (qatsec_holder.c) and keeps the pidfd as long as the claim lasts.
 * Here: this process's references, waiting for a free section, the
 * release (the holder gives its section back itself) and the ownership
 * check of control operations, by token, so that it holds across PID
 * namespaces.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include <rte_alarm.h>
#include <rte_cycles.h>
#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_string_fns.h>

#include "qatsec_claim_private.h"
#include "qatsec_log.h"

#define WAIT_STEP_US	(5 * 1000)
#define STOP_POLL_US	(100 * 1000)

/* What this process holds; a forked child sees a different pid. */
static struct {
	pid_t pid;
	int section;
	uint32_t refs;
	uint64_t token;
	uint32_t seen_pid;		/* as the primary sees it */
} held = { 0, -1, 0, 0, 0 };

static bool atexit_set;

static void release_at_exit(void);

static void
log_holders(const struct qatsec_table *t, const char *user, uint32_t n)
{
	const struct qatsec_sec_shared *ss = qatsec_tbl_sec_shared(t);
	struct qatsec_section_table v = qatsec_table_view(t);
	char buf[1024];
	size_t off = 0;
	int i = -1;

	buf[0] = '\0';
	while ((i = qatsec_sections_find_user(&v, user, i + 1)) >= 0 &&
			off < sizeof(buf) - 1) {
		if (ss[i].dev_id < 0)
			continue;
		off += snprintf(buf + off, sizeof(buf) - off, "%s%s pid %u (%s)",
			off ? ", " : "", v.sections[i].name, ss[i].owner_pid,
			ss[i].owner_name);
	}
	QATSEC_LOG(ERR, "no free section for '%s': all %u are held: %s",
		user, n, buf);
}

/* A further start in the process that holds a section: one more
 * reference on the same section, if it is of the same user section.
 */
static int
claim_again(const struct qatsec_section_table *v, const char *user,
		uint32_t *section)
{
	if (strcasecmp(v->sections[held.section].user, user) != 0) {
		QATSEC_LOG(ERR, "pid %d already holds section %s; a process holds one section",
			(int)held.pid, v->sections[held.section].name);
		return -EBUSY;
	}
	held.refs++;
	*section = held.section;
	return 0;
}

/* Send req with pidfd on a connected claim socket; read the answer. */
static int
claim_exchange(int sock, const struct qatsec_claim_req *req, int pidfd,
		struct qatsec_claim_reply *ans)
{
	char cbuf[CMSG_SPACE(sizeof(int))] = { 0 };
	struct iovec iov = { .iov_base = (void *)(uintptr_t)req,
		.iov_len = sizeof(*req) };
	struct msghdr m = { .msg_iov = &iov, .msg_iovlen = 1,
		.msg_control = cbuf, .msg_controllen = sizeof(cbuf) };
	struct timeval tv = { .tv_sec = QATSEC_CLAIM_REPLY_S };
	struct cmsghdr *c = CMSG_FIRSTHDR(&m);

	c->cmsg_level = SOL_SOCKET;
	c->cmsg_type = SCM_RIGHTS;
	c->cmsg_len = CMSG_LEN(sizeof(int));
	memcpy(CMSG_DATA(c), &pidfd, sizeof(int));
	setsockopt(sock, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
	if (sendmsg(sock, &m, MSG_NOSIGNAL) != (ssize_t)sizeof(*req) ||
			recv(sock, ans, sizeof(*ans), 0) != (ssize_t)sizeof(*ans))
		return -errno != 0 ? -errno : -EPROTO;
	return 0;
}

/* One claim attempt through the primary, which keeps our pidfd for as
 * long as we hold the section: the section index, or -errno.
 */
static int
claim_request(const char *user, uint64_t token, const char *comm,
		uint32_t *seen_pid)
{
	struct sockaddr_un sa = { .sun_family = AF_UNIX };
	struct qatsec_claim_req req = { .token = token };
	struct qatsec_claim_reply ans;
	int pidfd, sock, ret;

	pidfd = qatsec_pidfd_self();
	if (pidfd < 0) {
		ret = -errno;
		QATSEC_LOG(ERR, "pid %d: pidfd_open: %s (Linux >= 5.3 is needed to hold a section)",
			(int)getpid(), strerror(-ret));
		return ret;
	}
	if (rte_eal_process_type() == RTE_PROC_PRIMARY)
		return qatsec_claim_grant(user, token, comm, pidfd, seen_pid);
	rte_strscpy(req.user, user, sizeof(req.user));
	rte_strscpy(req.comm, comm, sizeof(req.comm));
	req.own_pid = (uint32_t)getpid();
	sock = socket(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0);
	ret = sock < 0 ? -errno :
		qatsec_claim_socket_path(sa.sun_path, sizeof(sa.sun_path));
	if (ret == 0 && connect(sock, (struct sockaddr *)&sa, sizeof(sa)) < 0)
		ret = -errno;
	if (ret == 0)
		ret = claim_exchange(sock, &req, pidfd, &ans);
	if (sock >= 0)
		close(sock);
	close(pidfd);
	if (ret < 0) {
		QATSEC_LOG(ERR, "pid %d: no answer to a claim from the primary at %s: %s (is a qatsec primary, such as qatsecd, running with this --file-prefix?)",
			(int)getpid(), sa.sun_path, strerror(-ret));
		return ret == -EAGAIN ? -ETIMEDOUT : ret;
	}
	*seen_pid = ans.pid;
	return ans.result;
}

int
qatsec_claim(const char *user, uint32_t wait_ms, uint32_t *section)
{
	struct qatsec_table *t = qatsec_table();
	struct qatsec_section_table v;
	uint64_t deadline, token;
	char comm[32];
	uint32_t n, seen;
	int i;

	if (t == NULL)
		return -ENODEV;
	v = qatsec_table_view(t);
	if (held.pid == getpid() && held.refs > 0)
		return claim_again(&v, user, section);
	n = qatsec_holder_candidates(&v, qatsec_tbl_sec_shared(t), user);
	if (n == 0) {
		QATSEC_LOG(ERR, "no section named '%s' with crypto instances in this configuration",
			user);
		return -EINVAL;
	}
	qatsec_self_comm(comm, sizeof(comm));
	token = qatsec_holder_token();
	deadline = qatsec_now_ns() + (uint64_t)wait_ms * 1000000ull;
	while ((i = claim_request(user, token, comm, &seen)) == -ENOSPC &&
			qatsec_now_ns() < deadline)
		rte_delay_us_sleep(WAIT_STEP_US);
	if (i == -ENOSPC)
		log_holders(t, user, n);
	if (i == -ESHUTDOWN)
		QATSEC_LOG(ERR, "pid %d: claim of '%s' refused: the group's primary is stopping (claim again once it is back)",
			(int)getpid(), user);
	if (i < 0)
		return i;
	held.pid = getpid();
	held.section = i;
	held.refs = 1;
	held.token = token;
	held.seen_pid = seen;
	if (!atexit_set)
		atexit_set = atexit(release_at_exit) == 0;
	*section = i;
	return 0;
}

/* Applications that exit without rte_eal_cleanup() (dpdk-test-crypto-perf
 * is one) still give their section back at once, not at the next reap.
 */
static void
release_at_exit(void)
{
	while (qatsec_claim_held() >= 0)
		qatsec_release();
}

/* For the primary's log; the claim itself is already given back. */
static void
release_event(uint32_t section)
{
	struct qatsec_release_ev ev = {
		.section = section, .pid = held.seen_pid,
	};
	struct rte_mp_msg msg;

	qatsec_self_comm(ev.comm, sizeof(ev.comm));
	if (rte_eal_process_type() == RTE_PROC_PRIMARY) {
		qatsec_claim_note_release(section, ev.pid, ev.comm);
		return;
	}
	memset(&msg, 0, sizeof(msg));
	rte_strscpy(msg.name, QATSEC_EVENT_MSG, sizeof(msg.name));
	msg.len_param = sizeof(ev);
	memcpy(msg.param, &ev, sizeof(ev));
	/* Best effort: the log line is lost, the release is not. */
	rte_mp_sendmsg(&msg);
}

int
qatsec_release(void)
{
	struct qatsec_table *t = qatsec_table();
	uint32_t section;

	if (t == NULL || held.pid != getpid() || held.refs == 0)
		return -ENOENT;
	if (--held.refs > 0)
		return 0;
	section = held.section;
	qatsec_claim_quiesce(t, section);
	qatsec_holder_give_back(&qatsec_tbl_sec_shared(t)[section],
		held.token);
	held.section = -1;
	held.token = 0;
	release_event(section);
	return 0;
}

int
qatsec_claim_held(void)
{
	return held.pid == getpid() && held.refs > 0 ? held.section : -1;
}

int
qatsec_claim_check(uint32_t section, const char *dev_name, const char *what)
{
	struct qatsec_table *t = qatsec_table();
	const struct qatsec_sec_shared *ss;

	if (t == NULL || qatsec_claim_bypassed || section >= t->nb_sections)
		return 0;
	ss = &qatsec_tbl_sec_shared(t)[section];
	if (__atomic_load_n(&ss->owner_token, __ATOMIC_ACQUIRE) == 0 ||
			(held.pid == getpid() && qatsec_holder_is(ss, held.token)))
		return 0;
	QATSEC_LOG(ERR, "%s: %s refused to pid %d: section %s is held by pid %u (%s)",
		dev_name, what, (int)getpid(),
		qatsec_tbl_sections(t)[section].name, ss->owner_pid,
		ss->owner_name);
	return -EPERM;
}

int
qatsec_claim_stopping(uint32_t *ms_left)
{
	struct qatsec_claim_state *st = qatsec_claim_state_get();
	uint64_t end, now;

	if (st == NULL)
		return -ENODEV;
	if (__atomic_load_n(&st->stopping, __ATOMIC_ACQUIRE) == 0)
		return 0;
	if (ms_left != NULL) {
		end = __atomic_load_n(&st->stop_deadline_ns, __ATOMIC_RELAXED);
		now = qatsec_now_ns();
		*ms_left = end > now ? (uint32_t)((end - now) / 1000000) : 0;
	}
	return 1;
}

/* The stop callback: polled by an EAL alarm (a control thread of this
 * process), so that an application needs no thread of its own and the
 * primary sends nothing that an unaware process would not understand.
 */
static struct {
	void (*cb)(void *);
	void *arg;
	bool fired;
} stop_cb;

static void
stop_poll(void *unused __rte_unused)
{
	void (*cb)(void *) = stop_cb.cb;

	if (cb == NULL)
		return;
	if (qatsec_claim_stopping(NULL) == 1 && !stop_cb.fired) {
		stop_cb.fired = true;
		cb(stop_cb.arg);
	}
	if (stop_cb.cb != NULL && !stop_cb.fired)
		rte_eal_alarm_set(STOP_POLL_US, stop_poll, NULL);
}

int
qatsec_claim_stop_callback(void (*cb)(void *), void *arg)
{
	rte_eal_alarm_cancel(stop_poll, (void *)-1);
	stop_cb.cb = cb;
	stop_cb.arg = arg;
	stop_cb.fired = false;
	if (cb == NULL)
		return 0;
	if (qatsec_claim_state_get() == NULL) {
		stop_cb.cb = NULL;
		return -ENODEV;
	}
	return rte_eal_alarm_set(STOP_POLL_US, stop_poll, NULL);
}
