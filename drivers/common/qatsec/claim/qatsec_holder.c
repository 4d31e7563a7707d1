/* SPDX-License-Identifier: BSD-3-Clause
 * qatsec claims: the holder protocol (qatsec_holder.h). libc only: the
 * section array may be any memory, so the unit tests race real threads on
 * it, and fork real processes for the pidfd part, without EAL.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/pidfd.h>
#include <sys/prctl.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

#include "qatsec_holder.h"

uint64_t
qatsec_now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ull + ts.tv_nsec;
}

uint64_t
qatsec_holder_token(void)
{
	uint64_t t = 0;

	while (t == 0)
		if (getrandom(&t, sizeof(t), 0) != sizeof(t))
			t = 0;
	return t;
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

	if (id->token == 0)
		return -1;
	for (i = -1; (i = qatsec_sections_find_user(v, user, i + 1)) >= 0;) {
		uint64_t free_token = 0;

		if (ss[i].dev_id < 0 || __atomic_load_n(&ss[i].owner_token,
				__ATOMIC_RELAXED) != 0)
			continue;
		if (!__atomic_compare_exchange_n(&ss[i].owner_token,
				&free_token, id->token, false, __ATOMIC_ACQ_REL,
				__ATOMIC_RELAXED))
			continue;
		memcpy(ss[i].owner_name, id->comm, sizeof(ss[i].owner_name));
		ss[i].owner_name[sizeof(ss[i].owner_name) - 1] = '\0';
		ss[i].claim_ns = now_ns;
		ss[i].claims++;
		/* Last: readers take a non-zero pid for a written claim. */
		__atomic_store_n(&ss[i].owner_pid, id->pid, __ATOMIC_RELEASE);
		return i;
	}
	return -1;
}

bool
qatsec_holder_is(const struct qatsec_sec_shared *ss, uint64_t token)
{
	return token != 0 &&
		__atomic_load_n(&ss->owner_token, __ATOMIC_ACQUIRE) == token;
}

/* The holder's fields go first, the token last: once it is 0 a new holder
 * may write them.
 */
bool
qatsec_holder_give_back(struct qatsec_sec_shared *ss, uint64_t token)
{
	if (!qatsec_holder_is(ss, token))
		return false;
	__atomic_store_n(&ss->owner_pid, 0, __ATOMIC_RELAXED);
	ss->owner_name[0] = '\0';
	ss->claim_ns = 0;
	return __atomic_compare_exchange_n(&ss->owner_token, &token, 0, false,
		__ATOMIC_RELEASE, __ATOMIC_RELAXED);
}

int
qatsec_pidfd_self(void)
{
	return pidfd_open(getpid(), 0);
}

/* fdinfo of a pidfd: "Pid:\t<pid in the reader's namespace>" (0 when the
 * process is not visible there, -1 once it has been reaped).
 */
int
qatsec_pidfd_pid(int pidfd)
{
	char path[64], buf[512], *p;
	long v;
	ssize_t n;
	int fd;

	snprintf(path, sizeof(path), "/proc/self/fdinfo/%d", pidfd);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return -1;
	buf[n] = '\0';
	p = strstr(buf, "\nPid:");
	if (p == NULL)
		return -1;
	v = strtol(p + 5, NULL, 10);
	return v < 0 || v > INT32_MAX ? -1 : (int)v;
}

bool
qatsec_pidfd_exited(int pidfd)
{
	struct pollfd pfd = { .fd = pidfd, .events = POLLIN };

	/* Readable once the process has exited; an fd that is no pidfd
	 * (POLLNVAL) holds nobody either. EINTR: the next look decides.
	 */
	return poll(&pfd, 1, 0) > 0 && (pfd.revents & (POLLIN | POLLNVAL |
		POLLHUP | POLLERR)) != 0;
}

void
qatsec_self_comm(char *out, size_t len)
{
	char name[17] = "";

	if (prctl(PR_GET_NAME, name) != 0)
		name[0] = '\0';
	snprintf(out, len, "%s", name);
}
