/* SPDX-License-Identifier: BSD-3-Clause
 * qatsec claims: the holder protocol (qatsec_holder.h). libc only: the
 * section array may be any memory, so the unit tests race real threads on
 * it without EAL.
 */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "qatsec_holder.h"

uint64_t
qatsec_proc_start_time(pid_t pid)
{
	char path[64], buf[1024], *p;
	unsigned long long v = 0;
	ssize_t n;
	int fd, field;

	snprintf(path, sizeof(path), "/proc/%d/stat", (int)pid);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return 0;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return 0;
	buf[n] = '\0';
	/* comm may hold spaces and parentheses: start after the last ')'. */
	p = strrchr(buf, ')');
	if (p == NULL || p[1] != ' ' || p[2] == 'Z' || p[2] == 'X')
		return 0;
	for (field = 2; field < 22 && *p != '\0'; p++)
		if (*p == ' ')
			field++;
	if (sscanf(p, "%llu", &v) != 1)
		return 0;
	return v;
}

static void
proc_comm(pid_t pid, char *out, size_t len)
{
	char path[64];
	ssize_t n;
	int fd;

	snprintf(path, sizeof(path), "/proc/%d/comm", (int)pid);
	out[0] = '\0';
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return;
	n = read(fd, out, len - 1);
	close(fd);
	if (n <= 0) {
		out[0] = '\0';
		return;
	}
	out[n] = '\0';
	out[strcspn(out, "\n")] = '\0';
}

void
qatsec_holder_id_read(pid_t pid, struct qatsec_holder_id *id)
{
	id->pid = (uint32_t)pid;
	id->start = qatsec_proc_start_time(pid);
	proc_comm(pid, id->comm, sizeof(id->comm));
}

uint32_t
qatsec_holder_candidates(const struct qatsec_section_table *v,
		const struct qatsec_sec_shared *ss, const char *user)
{
	uint32_t n = 0;
	int i;

	for (i = -1; (i = qatsec_sections_find_user(v, user, i + 1)) >= 0;)
		n += ss[i].dev_id >= 0;
	return n;
}

int
qatsec_holder_take(const struct qatsec_section_table *v,
		struct qatsec_sec_shared *ss, const char *user,
		const struct qatsec_holder_id *id, uint64_t now_ns)
{
	int i;

	for (i = -1; (i = qatsec_sections_find_user(v, user, i + 1)) >= 0;) {
		uint32_t free_pid = 0;

		if (ss[i].dev_id < 0 || __atomic_load_n(&ss[i].owner_pid,
				__ATOMIC_RELAXED) != 0)
			continue;
		if (!__atomic_compare_exchange_n(&ss[i].owner_pid, &free_pid,
				id->pid, false, __ATOMIC_ACQ_REL,
				__ATOMIC_RELAXED))
			continue;
		memcpy(ss[i].owner_name, id->comm, sizeof(ss[i].owner_name));
		ss[i].claim_ns = now_ns;
		ss[i].claims++;
		/* Last: a reaper that sees 0 here knows the claim is being
		 * written and trusts a live pid alone.
		 */
		__atomic_store_n(&ss[i].owner_start, id->start,
			__ATOMIC_RELEASE);
		return i;
	}
	return -1;
}

/* The holder's fields go first, the pid last: once the pid is 0 a new
 * holder may write them.
 */
bool
qatsec_holder_give_back(struct qatsec_sec_shared *ss, uint32_t pid)
{
	if (pid == 0 || __atomic_load_n(&ss->owner_pid, __ATOMIC_ACQUIRE) != pid)
		return false;
	ss->owner_name[0] = '\0';
	ss->claim_ns = 0;
	__atomic_store_n(&ss->owner_start, 0, __ATOMIC_RELAXED);
	return __atomic_compare_exchange_n(&ss->owner_pid, &pid, 0, false,
		__ATOMIC_RELEASE, __ATOMIC_RELAXED);
}

bool
qatsec_holder_alive(const struct qatsec_sec_shared *ss,
		uint64_t (*start_time)(pid_t pid))
{
	uint32_t pid = __atomic_load_n(&ss->owner_pid, __ATOMIC_ACQUIRE);
	uint64_t start, now;

	if (pid == 0)
		return false;
	now = start_time((pid_t)pid);
	if (now == 0)
		return false;
	start = __atomic_load_n(&ss->owner_start, __ATOMIC_ACQUIRE);
	/* The section changed hands while it was looked at: its start time
	 * may be the next holder's. Not dead; the next look decides.
	 */
	if (__atomic_load_n(&ss->owner_pid, __ATOMIC_ACQUIRE) != pid)
		return true;
	/* 0: the claim is being written; a live pid is enough then. */
	return start == 0 || now == start;
}
