/* SPDX-License-Identifier: BSD-3-Clause
 * qatsec claims: who holds which internal section, the icp_sal_userStart/
 * Stop of DPDK.
 *
 * A section is held by a pid written with compare-and-swap, so racing
 * claimers never both win and a claimer that dies mid-way leaves a pid the
 * reaper recognises as dead. The holder's start time (from /proc) is kept
 * beside the pid so a recycled pid is not mistaken for the holder; that
 * protocol is qatsec_holder.c, this file is its EAL side: this process's
 * references, waiting, events, the reaper. The primary reaps every 100 ms: it has the section's device stopped (the
 * PMD's hook), empties its instance rings (kept for the next holder), then
 * frees the section. Claim events travel to the primary over rte_mp so the
 * daemon can log every one of them.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include <rte_alarm.h>
#include <rte_cycles.h>
#include <rte_errno.h>
#include <rte_eal.h>
#include <rte_string_fns.h>

#include "qatsec_claim.h"
#include "qatsec_holder.h"
#include "qatsec_log.h"

#define REAP_PERIOD_US	(100 * 1000)
#define WAIT_STEP_US	(5 * 1000)
#define EV_MSG		"qatsec_ev"

/* What this process holds; a forked child sees a different pid. */
static struct {
	pid_t pid;
	int section;
	uint32_t refs;
} held = { 0, -1, 0 };

/* Set while the primary stops a section whoever holds it: reclaiming a
 * dead holder's section, or its own shutdown.
 */
static bool ownership_bypassed;
static qatsec_claim_stop_hook_t stop_hook;
static bool primary_started;
static bool atexit_set;

static void release_at_exit(void);

enum ev_type { EV_CLAIM, EV_RELEASE };

struct claim_ev {
	uint32_t type;
	uint32_t section;
	uint32_t pid;
	char comm[32];
};

/* This process's start time and name, read from /proc once per pid (a
 * forked child reads its own): a claim and its release then make no
 * system call but the message to the primary.
 */
static struct qatsec_holder_id self;

static void
self_refresh(void)
{
	pid_t me = getpid();

	if (self.pid != (uint32_t)me)
		qatsec_holder_id_read(me, &self);
}

static uint64_t
now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ull + ts.tv_nsec;
}

static const char *
dev_name_of(const struct qatsec_table *t, uint32_t section)
{
	int id = qatsec_tbl_sec_shared(t)[section].dev_id;

	return id < 0 ? "(none)" : rte_cryptodev_name_get(id);
}

static void
notify(enum ev_type type, uint32_t section)
{
	struct claim_ev ev = {
		.type = type, .section = section,
	};
	struct rte_mp_msg msg;

	self_refresh();
	ev.pid = (uint32_t)self.pid;
	memcpy(ev.comm, self.comm, sizeof(ev.comm));
	if (rte_eal_process_type() == RTE_PROC_PRIMARY) {
		QATSEC_LOG(NOTICE, "%s: section %s (%s) %s pid %u (%s)",
			type == EV_CLAIM ? "claim" : "release",
			qatsec_tbl_sections(qatsec_table())[section].name,
			dev_name_of(qatsec_table(), section),
			type == EV_CLAIM ? "to" : "from", ev.pid, ev.comm);
		return;
	}
	memset(&msg, 0, sizeof(msg));
	rte_strscpy(msg.name, EV_MSG, sizeof(msg.name));
	msg.len_param = sizeof(ev);
	memcpy(msg.param, &ev, sizeof(ev));
	/* Best effort: the log line is lost, the claim is not. */
	rte_mp_sendmsg(&msg);
}

static int
ev_action(const struct rte_mp_msg *msg, const void *peer __rte_unused)
{
	struct claim_ev ev;

	if (msg->len_param != sizeof(ev) || qatsec_table() == NULL)
		return 0;
	memcpy(&ev, msg->param, sizeof(ev));
	ev.comm[sizeof(ev.comm) - 1] = '\0';
	if (ev.section >= qatsec_table()->nb_sections)
		return 0;
	QATSEC_LOG(NOTICE, "%s: section %s (%s) %s pid %u (%s)",
		ev.type == EV_CLAIM ? "claim" : "release",
		qatsec_tbl_sections(qatsec_table())[ev.section].name,
		dev_name_of(qatsec_table(), ev.section),
		ev.type == EV_CLAIM ? "to" : "from", ev.pid, ev.comm);
	return 0;
}

/* Have the section's device stopped, then empty its instances, keeping
 * their rings for the next holder. Returns the number of ops dropped.
 */
static unsigned int
section_quiesce(struct qatsec_table *t, uint32_t section)
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

void
qatsec_claim_set_stop_hook(qatsec_claim_stop_hook_t hook)
{
	stop_hook = hook;
}

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

int
qatsec_claim(const char *user, uint32_t wait_ms, uint32_t *section)
{
	struct qatsec_table *t = qatsec_table();
	struct qatsec_section_table v;
	struct qatsec_sec_shared *ss;
	uint64_t deadline;
	uint32_t n;
	int i;

	if (t == NULL)
		return -ENODEV;
	v = qatsec_table_view(t);
	ss = qatsec_tbl_sec_shared(t);
	if (held.pid == getpid() && held.refs > 0)
		return claim_again(&v, user, section);
	n = qatsec_holder_candidates(&v, ss, user);
	if (n == 0) {
		QATSEC_LOG(ERR, "no section named '%s' with crypto instances in this configuration",
			user);
		return -EINVAL;
	}
	self_refresh();
	deadline = now_ns() + (uint64_t)wait_ms * 1000000ull;
	while ((i = qatsec_holder_take(&v, ss, user, &self, now_ns())) < 0) {
		if (now_ns() >= deadline) {
			log_holders(t, user, n);
			return -ENOSPC;
		}
		rte_delay_us_sleep(WAIT_STEP_US);
	}
	held.pid = (pid_t)self.pid;
	held.section = i;
	held.refs = 1;
	if (!atexit_set)
		atexit_set = atexit(release_at_exit) == 0;
	*section = i;
	notify(EV_CLAIM, i);
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
	section_quiesce(t, section);
	qatsec_holder_give_back(&qatsec_tbl_sec_shared(t)[section],
		(uint32_t)held.pid);
	held.section = -1;
	notify(EV_RELEASE, section);
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
	uint32_t owner;

	if (t == NULL || ownership_bypassed || section >= t->nb_sections)
		return 0;
	ss = &qatsec_tbl_sec_shared(t)[section];
	owner = __atomic_load_n(&ss->owner_pid, __ATOMIC_ACQUIRE);
	if (owner == 0 || owner == (uint32_t)getpid())
		return 0;
	QATSEC_LOG(ERR, "%s: %s refused to pid %d: section %s is held by pid %u (%s)",
		dev_name, what, (int)getpid(),
		qatsec_tbl_sections(t)[section].name, owner, ss->owner_name);
	return -EPERM;
}

void
qatsec_claim_bypass_ownership(bool on)
{
	ownership_bypassed = on;
}

static unsigned int
reap(void)
{
	struct qatsec_table *t = qatsec_table();
	struct qatsec_sec_shared *ss;
	unsigned int n = 0, dropped;
	uint32_t i, pid;

	if (t == NULL)
		return 0;
	ss = qatsec_tbl_sec_shared(t);
	for (i = 0; i < t->nb_sections; i++) {
		pid = __atomic_load_n(&ss[i].owner_pid, __ATOMIC_ACQUIRE);
		if (pid == 0 || qatsec_holder_alive(&ss[i],
				qatsec_proc_start_time))
			continue;
		ownership_bypassed = true;
		dropped = section_quiesce(t, i);
		ownership_bypassed = false;
		QATSEC_LOG(NOTICE, "Process %u %s exit with orphan rings: section %s reclaimed, %u in-flight ops drained",
			pid, ss[i].owner_name,
			qatsec_tbl_sections(t)[i].name, dropped);
		qatsec_holder_give_back(&ss[i], pid);
		n++;
	}
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
qatsec_claim_primary_start(void)
{
	int ret;

	ret = rte_mp_action_register(EV_MSG, ev_action);
	if (ret < 0 && rte_errno != EEXIST && rte_errno != ENOTSUP)
		return -rte_errno;
	primary_started = true;
	ret = rte_eal_alarm_set(REAP_PERIOD_US, reap_alarm, NULL);
	if (ret < 0) {
		primary_started = false;
		rte_mp_action_unregister(EV_MSG);
	}
	return ret;
}

void
qatsec_claim_primary_stop(void)
{
	if (!primary_started)
		return;
	primary_started = false;
	rte_eal_alarm_cancel(reap_alarm, (void *)-1);
	rte_mp_action_unregister(EV_MSG);
}
