/* SPDX-License-Identifier: BSD-3-Clause
 * qatsec claims: a secondary's side of the start-up watch. From the vdev
 * bus scan (after EAL parsed its arguments and created its runtime
 * directory, before it maps the group's memory) this process connects to
 * the primary's start-up socket and sends its pidfd; at its first probe it
 * says it is done. A primary without the socket (not qatsecd, or another
 * DPDK) is simply not told. Only libc runs here: EAL is half initialised.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <rte_bus_vdev.h>
#include <rte_common.h>
#include <rte_eal.h>

#include "qatsec_claim_private.h"
#include "qatsec_startup.h"

static int startup_fd = -1;
static bool startup_seen;

static int
startup_send(int fd, uint32_t kind, int pidfd)
{
	struct qatsec_startup_msg msg = { .magic = QATSEC_STARTUP_MAGIC,
		.kind = kind, .own_pid = (uint32_t)getpid() };
	char cbuf[CMSG_SPACE(sizeof(int))];
	struct iovec iov = { .iov_base = &msg, .iov_len = sizeof(msg) };
	struct msghdr m = { .msg_iov = &iov, .msg_iovlen = 1 };
	struct cmsghdr *c;

	if (pidfd >= 0) {
		memset(cbuf, 0, sizeof(cbuf));
		m.msg_control = cbuf;
		m.msg_controllen = sizeof(cbuf);
		c = CMSG_FIRSTHDR(&m);
		c->cmsg_level = SOL_SOCKET;
		c->cmsg_type = SCM_RIGHTS;
		c->cmsg_len = CMSG_LEN(sizeof(int));
		memcpy(CMSG_DATA(c), &pidfd, sizeof(int));
	}
	return sendmsg(fd, &m, MSG_NOSIGNAL | MSG_DONTWAIT) ==
		(ssize_t)sizeof(msg) ? 0 : -1;
}

static void
startup_scan(void *arg __rte_unused)
{
	struct sockaddr_un sa = { .sun_family = AF_UNIX };
	int fd, pidfd, n;

	/* Once, at EAL's scan: a hot-plug scans again, long after. */
	if (startup_seen)
		return;
	startup_seen = true;
	if (rte_eal_process_type() != RTE_PROC_SECONDARY)
		return;
	n = snprintf(sa.sun_path, sizeof(sa.sun_path), "%s/%s",
		rte_eal_get_runtime_dir(), QATSEC_STARTUP_SOCKET);
	if (n < 0 || (size_t)n >= sizeof(sa.sun_path))
		return;
	fd = socket(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return;
	pidfd = qatsec_pidfd_self();
	if (pidfd < 0 || connect(fd, (struct sockaddr *)&sa, sizeof(sa)) < 0 ||
			startup_send(fd, QATSEC_STARTUP_BEGIN, pidfd) < 0) {
		close(fd);
		fd = -1;
	}
	if (pidfd >= 0)
		close(pidfd);
	startup_fd = fd;
}

void
qatsec_startup_done(void)
{
	int fd = startup_fd;

	if (fd < 0)
		return;
	startup_fd = -1;
	/* Closing alone would do for a process that exits; a forked child
	 * that keeps the socket open must not look as if it still started.
	 */
	startup_send(fd, QATSEC_STARTUP_END, -1);
	close(fd);
}

RTE_INIT(qatsec_startup_register)
{
	rte_vdev_add_custom_scan(startup_scan, NULL);
}
