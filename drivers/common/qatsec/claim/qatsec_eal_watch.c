/* SPDX-License-Identifier: BSD-3-Clause
 * qatsec claims: the primary's side of the start-up watch (qatsec_startup.h).
 * A control thread serves the start-up socket, keeps each starting
 * process's pidfd until it says it is done, and every 100 ms reads the
 * rwlock words at the head of DPDK's shared memory config (where EAL
 * mapped it):
 *  - The memory hotplug lock: a secondary takes it for reading across its
 *    memory and heap init, and a kill -9 there leaves the reader for ever.
 *    When processes died inside their start-up and readers stay for 1 s
 *    while none is starting any more, or for 3 s while a writer waits (no
 *    reader can enter, and the starting processes wait behind it), the
 *    readers are those dead processes' (a live reader holds it for
 *    microseconds outside a start-up): at most as many read locks as
 *    processes died so are given back. A starting process that is stopped
 *    (SIGSTOP, a debugger) or out of sight blocks this rule, rather than
 *    risk giving back a live reader's lock.
 *  - Every rwlock: a writer that died while waiting leaves the wait bit
 *    alone in the word, which stops every reader; a word that stays at
 *    exactly the wait bit for 1 s has no live writer behind it (a waiting
 *    writer takes the lock the moment it sees that value), so it is reset.
 *  - A lock still stuck after 5 s (readers with a writer waiting, or a
 *    writer that never leaves) is reported: it cannot be repaired safely.
 * The layout read is DPDK 22.11's (eal_memcfg.h, checked by its magic and
 * version at run time); with another DPDK the watch stays off.
 */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <rte_common.h>
#include <rte_eal.h>
#include <rte_lcore.h>
#include <rte_rwlock.h>
#include <rte_spinlock.h>
#include <rte_version.h>

#include "qatsec_claim_private.h"
#include "qatsec_log.h"
#include "qatsec_startup.h"

#define WATCH_TICK_MS	100
#define REPAIR_TICKS	10	/* 1 s */
/* With processes starting beside a waiting writer, a reader may be a live
 * one whose memory init is slow: readers must stay longer.
 */
#define REPAIR_BUSY_TICKS 30	/* 3 s */
#define REPORT_TICKS	50	/* 5 s */
#define STARTERS_MAX	256
#define MCFG_MAGIC	19820526	/* RTE_MAGIC of eal_private.h */

/* The head of DPDK 22.11's struct rte_mem_config (lib/eal/common/
 * eal_memcfg.h), which every process maps from <runtime_dir>/config.
 */
struct mcfg_head {
	uint32_t magic;
	uint32_t version;
	uint32_t nchannel;
	uint32_t nrank;
	rte_rwlock_t mlock;
	rte_rwlock_t qlock;
	rte_rwlock_t mplock;
	rte_spinlock_t tlock;
	rte_rwlock_t memory_hotplug_lock;
};

enum { LK_HOTPLUG, LK_MLOCK, LK_QLOCK, LK_MPLOCK, LK_MAX };
static const char *const lock_names[LK_MAX] = {
	"memory hotplug", "memzone", "tailq", "mempool",
};

struct starter {
	int conn;			/* -1 once it closed */
	int pidfd;			/* -1 until its BEGIN came */
	uint32_t pid;
	uint32_t closed_ticks;		/* since it closed, alive */
};

static struct starter starters[STARTERS_MAX];
static unsigned int nb_starters;
static struct mcfg_head *mcfg;
static int listen_fd = -1, stop_fd = -1;
static pthread_t watch_thread;
static bool watch_started;

/* Died inside a start-up, not yet judged. */
static uint32_t dead_pending;
static uint32_t stuck_ticks, min_readers;
static bool stuck_with_starters;	/* in this stuck period */
static uint32_t wait_ticks[LK_MAX], report_ticks[LK_MAX];
static bool reported[LK_MAX];

static pthread_mutex_t stats_lock = PTHREAD_MUTEX_INITIALIZER;
static struct qatsec_eal_watch_stats stats;

static rte_rwlock_t *
lock_word(unsigned int i)
{
	switch (i) {
	case LK_HOTPLUG: return &mcfg->memory_hotplug_lock;
	case LK_MLOCK: return &mcfg->mlock;
	case LK_QLOCK: return &mcfg->qlock;
	default: return &mcfg->mplock;
	}
}

static void
stat_add(uint64_t *counter, uint64_t n)
{
	pthread_mutex_lock(&stats_lock);
	*counter += n;
	pthread_mutex_unlock(&stats_lock);
}

static void
starter_drop(unsigned int i, bool died)
{
	struct starter *s = &starters[i];

	if (died) {
		dead_pending++;
		stat_add(&stats.died_starting, 1);
		QATSEC_LOG(NOTICE, "start-up watch: pid %u died inside rte_eal_init(): DPDK's memory hotplug lock is checked for a reader it left",
			s->pid);
	} else if (s->pidfd >= 0) {
		stat_add(&stats.started, 1);
	}
	if (s->conn >= 0)
		close(s->conn);
	if (s->pidfd >= 0)
		close(s->pidfd);
	starters[i] = starters[--nb_starters];
}

/* A message of starter i: BEGIN with its pidfd, or END. -1 on EOF. */
static int
starter_read(struct starter *s)
{
	char cbuf[CMSG_SPACE(4 * sizeof(int))];
	struct qatsec_startup_msg msg;
	struct iovec iov = { .iov_base = &msg, .iov_len = sizeof(msg) };
	struct msghdr m = { .msg_iov = &iov, .msg_iovlen = 1,
		.msg_control = cbuf, .msg_controllen = sizeof(cbuf) };
	struct cmsghdr *c;
	int pidfd = -1, fd;
	ssize_t n;
	size_t k;

	n = recvmsg(s->conn, &m, MSG_CMSG_CLOEXEC | MSG_DONTWAIT);
	for (c = CMSG_FIRSTHDR(&m); c != NULL; c = CMSG_NXTHDR(&m, c)) {
		if (c->cmsg_level != SOL_SOCKET || c->cmsg_type != SCM_RIGHTS)
			continue;
		for (k = 0; k < (c->cmsg_len - CMSG_LEN(0)) / sizeof(int); k++) {
			memcpy(&fd, CMSG_DATA(c) + k * sizeof(int), sizeof(fd));
			if (pidfd < 0)
				pidfd = fd;
			else
				close(fd);
		}
	}
	if (n <= 0 || n != (ssize_t)sizeof(msg) ||
			msg.magic != QATSEC_STARTUP_MAGIC) {
		if (pidfd >= 0)
			close(pidfd);
		return n < 0 && errno == EAGAIN ? 0 : -1;
	}
	if (msg.kind == QATSEC_STARTUP_BEGIN && s->pidfd < 0 && pidfd >= 0 &&
			qatsec_pidfd_pid(pidfd) >= 0) {
		s->pidfd = pidfd;
		s->pid = (uint32_t)qatsec_pidfd_pid(pidfd);
		return 0;
	}
	if (pidfd >= 0)
		close(pidfd);
	return msg.kind == QATSEC_STARTUP_END ? 1 : 0;
}

/* Starter i had news (readable socket or pidfd). A dying process's
 * sockets close before its pidfd says it exited: a close is judged by the
 * pidfd (below, and in watch_closed()).
 */
static void
starter_event(unsigned int i)
{
	struct starter *s = &starters[i];
	int r = s->conn < 0 ? 0 : starter_read(s);

	if (r == 1) {
		starter_drop(i, false);
	} else if (s->pidfd >= 0 && qatsec_pidfd_exited(s->pidfd)) {
		starter_drop(i, true);
	} else if (r < 0 && s->pidfd < 0) {
		/* Closed before its BEGIN: it had not reached EAL's
		 * memory init.
		 */
		starter_drop(i, false);
	} else if (r < 0) {
		close(s->conn);
		s->conn = -1;
	}
}

/* Starters that closed without END and still live after 1 s: done. */
static void
watch_closed(void)
{
	unsigned int i;

	for (i = nb_starters; i-- > 0;) {
		if (starters[i].conn >= 0)
			continue;
		if (qatsec_pidfd_exited(starters[i].pidfd))
			starter_drop(i, true);
		else if (++starters[i].closed_ticks >= REPAIR_TICKS)
			starter_drop(i, false);
	}
}

static void
starter_accept(void)
{
	int conn = accept4(listen_fd, NULL, NULL, SOCK_CLOEXEC | SOCK_NONBLOCK);

	if (conn < 0)
		return;
	if (nb_starters == STARTERS_MAX) {
		/* Not followed: a death of this one is not repaired. */
		close(conn);
		return;
	}
	starters[nb_starters++] = (struct starter){ .conn = conn, .pidfd = -1 };
}

/* Whether a starting process is stopped (SIGSTOP, a debugger) or cannot
 * be seen: it may hold the lock and resume.
 */
static bool
starter_stopped(void)
{
	char path[64], buf[512], *p;
	unsigned int i;
	ssize_t n;
	int fd;

	for (i = 0; i < nb_starters; i++) {
		if (starters[i].pidfd < 0)
			continue;
		if (starters[i].pid == 0)
			return true;
		snprintf(path, sizeof(path), "/proc/%u/stat", starters[i].pid);
		fd = open(path, O_RDONLY | O_CLOEXEC);
		n = fd < 0 ? -1 : read(fd, buf, sizeof(buf) - 1);
		if (fd >= 0)
			close(fd);
		if (n <= 0)
			return true;
		buf[n] = '\0';
		p = strrchr(buf, ')');
		if (p == NULL || p[1] != ' ' || p[2] == 'T' || p[2] == 't')
			return true;
	}
	return false;
}

/* The hotplug lock's readers left by processes that died starting. Live
 * starters do not block the repair while a writer has waited the whole
 * second: no reader enters then, so the readers that stay are the dead
 * (or stopped: then nothing is given back), and the starters wait for the
 * lock, behind the writer, without holding it.
 */
static void
watch_dead_readers(int32_t w)
{
	uint32_t readers = w < 0 ? 0 : (uint32_t)w / RTE_RWLOCK_READ, k;
	bool writer_waits = (w & RTE_RWLOCK_WAIT) != 0;

	if (readers == 0)
		dead_pending = 0;	/* they died outside the lock */
	if (dead_pending == 0 || (nb_starters != 0 && !writer_waits)) {
		stuck_ticks = 0;
		stuck_with_starters = false;
		return;
	}
	if (stuck_ticks == 0)
		min_readers = readers;
	min_readers = RTE_MIN(min_readers, readers);
	stuck_with_starters |= nb_starters != 0;
	if (++stuck_ticks < (stuck_with_starters ? REPAIR_BUSY_TICKS :
			REPAIR_TICKS))
		return;
	stuck_ticks = 0;
	stuck_with_starters = false;
	if (nb_starters != 0 && starter_stopped())
		return;
	k = RTE_MIN(dead_pending, min_readers);
	for (uint32_t j = 0; j < k; j++)
		rte_rwlock_read_unlock(lock_word(LK_HOTPLUG));
	dead_pending -= k;
	stat_add(&stats.readers_released, k);
	QATSEC_LOG(WARNING, "start-up watch: %u read lock(s) of DPDK's memory hotplug lock given back for processes that died inside rte_eal_init() (else every process of the group would block in rte_eal_cleanup())",
		k);
}

/* Wait bits with no writer left behind them; locks stuck for good. */
static void
watch_lock(unsigned int i, int32_t w)
{
	int32_t wait = RTE_RWLOCK_WAIT;

	if (w == RTE_RWLOCK_WAIT) {
		if (++wait_ticks[i] >= REPAIR_TICKS &&
				__atomic_compare_exchange_n(&lock_word(i)->cnt,
					&wait, 0, false, __ATOMIC_RELAXED,
					__ATOMIC_RELAXED)) {
			wait_ticks[i] = 0;
			stat_add(&stats.waits_cleared, 1);
			QATSEC_LOG(WARNING, "start-up watch: a writer of DPDK's %s lock died waiting: its wait bit cleared (it stopped every reader)",
				lock_names[i]);
		}
	} else {
		wait_ticks[i] = 0;
	}
	if (w >= RTE_RWLOCK_WRITE && ((w & RTE_RWLOCK_WRITE) ||
			(w & RTE_RWLOCK_WAIT))) {
		if (++report_ticks[i] >= REPORT_TICKS && !reported[i]) {
			reported[i] = true;
			QATSEC_LOG(ERR, "DPDK's %s lock has been %s for %u s (word 0x%x): a process probably died holding it; processes of this group may block in rte_eal_cleanup() or rte_eal_init() until the group is restarted (doc: user/errors)",
				lock_names[i], (w & RTE_RWLOCK_WRITE) ?
				"write-held" : "read-held with a writer waiting",
				report_ticks[i] * WATCH_TICK_MS / 1000,
				(unsigned int)w);
		}
	} else {
		report_ticks[i] = 0;
		reported[i] = false;
	}
}

static void
watch_tick(void)
{
	int32_t w[LK_MAX];
	uint32_t stuck = 0;
	unsigned int i;

	watch_closed();
	for (i = 0; i < LK_MAX; i++)
		w[i] = __atomic_load_n(&lock_word(i)->cnt, __ATOMIC_ACQUIRE);
	watch_dead_readers(w[LK_HOTPLUG]);
	for (i = 0; i < LK_MAX; i++) {
		watch_lock(i, w[i]);
		stuck = RTE_MAX(stuck, report_ticks[i]);
	}
	pthread_mutex_lock(&stats_lock);
	stats.starting = nb_starters;
	stats.hotplug_lock = w[LK_HOTPLUG];
	stats.stuck_s = stuck * WATCH_TICK_MS / 1000;
	pthread_mutex_unlock(&stats_lock);
}

static void *
watch_main(void *arg __rte_unused)
{
	struct pollfd pfd[2 + 2 * STARTERS_MAX];
	unsigned int i, n;
	uint64_t next = 0, now;
	struct timespec ts;

	for (;;) {
		pfd[0] = (struct pollfd){ .fd = listen_fd, .events = POLLIN };
		pfd[1] = (struct pollfd){ .fd = stop_fd, .events = POLLIN };
		for (i = 0, n = nb_starters; i < n; i++) {
			pfd[2 + 2 * i] = (struct pollfd){ .fd = starters[i].conn,
				.events = POLLIN };
			pfd[3 + 2 * i] = (struct pollfd){ .fd = starters[i].pidfd,
				.events = POLLIN };
		}
		if (poll(pfd, 2 + 2 * n, WATCH_TICK_MS) < 0 && errno != EINTR)
			break;
		if (pfd[1].revents != 0)
			break;
		/* Backwards: a dropped starter's slot takes the last one. */
		for (i = n; i-- > 0;)
			if (pfd[2 + 2 * i].revents != 0 ||
					pfd[3 + 2 * i].revents != 0)
				starter_event(i);
		if (pfd[0].revents & POLLIN)
			starter_accept();
		clock_gettime(CLOCK_MONOTONIC, &ts);
		now = (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
		if (now >= next) {
			watch_tick();
			next = now + WATCH_TICK_MS;
		}
	}
	return NULL;
}

/* The group's shared memory config where EAL mapped it in this process,
 * found in /proc/self/maps: NULL when it is not DPDK 22.11's layout. The
 * file is never opened here: closing any fd of it would drop the primary's
 * fcntl lock on it, the lock that tells secondaries a primary is alive
 * (and keeps a second primary out).
 */
static struct mcfg_head *
mcfg_find(void)
{
	char name[PATH_MAX], path[PATH_MAX], line[PATH_MAX + 128];
	unsigned long lo, hi, off;
	struct mcfg_head *h = NULL;
	int pos;
	FILE *f;

	if (RTE_VERSION < RTE_VERSION_NUM(22, 11, 0, 0) ||
			RTE_VERSION >= RTE_VERSION_NUM(23, 3, 0, 0))
		return NULL;
	/* The maps name the file by its real path (/var/run is /run). */
	if (snprintf(name, sizeof(name), "%s/config",
			rte_eal_get_runtime_dir()) >= (int)sizeof(name) ||
			realpath(name, path) == NULL)
		return NULL;
	f = fopen("/proc/self/maps", "re");
	if (f == NULL)
		return NULL;
	while (h == NULL && fgets(line, sizeof(line), f) != NULL) {
		line[strcspn(line, "\n")] = '\0';
		if (sscanf(line, "%lx-%lx %*s %lx %*s %*s %n", &lo, &hi, &off,
				&pos) == 3 && off == 0 &&
				hi - lo >= sizeof(*h) && strcmp(line + pos, path) == 0)
			h = (struct mcfg_head *)lo;
	}
	fclose(f);
	/* The primary's EAL writes the magic at the end of its init, after
	 * the probe that started this watch.
	 */
	if (h == NULL || (h->magic != MCFG_MAGIC && h->magic != 0) ||
			h->version != RTE_VERSION)
		return NULL;
	return h;
}

static int
watch_socket_open(void)
{
	struct sockaddr_un sa = { .sun_family = AF_UNIX };
	int n = snprintf(sa.sun_path, sizeof(sa.sun_path), "%s/%s",
		rte_eal_get_runtime_dir(), QATSEC_STARTUP_SOCKET);

	if (n < 0 || (size_t)n >= sizeof(sa.sun_path))
		return -ENAMETOOLONG;
	unlink(sa.sun_path);
	listen_fd = socket(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
	if (listen_fd < 0)
		return -errno;
	if (bind(listen_fd, (struct sockaddr *)&sa, sizeof(sa)) < 0 ||
			listen(listen_fd, 128) < 0) {
		n = -errno;
		close(listen_fd);
		listen_fd = -1;
		return n;
	}
	return 0;
}

int
qatsec_eal_watch_start(void)
{
	int ret;

	if (watch_started || rte_eal_process_type() != RTE_PROC_PRIMARY)
		return 0;
	mcfg = mcfg_find();
	if (mcfg == NULL) {
		QATSEC_LOG(INFO, "start-up watch off: no shared config of DPDK 22.11's layout here (--no-shconf, or another DPDK)");
		return 0;
	}
	ret = watch_socket_open();
	if (ret == 0) {
		stop_fd = eventfd(0, EFD_CLOEXEC);
		ret = stop_fd < 0 ? -errno : -rte_ctrl_thread_create(
			&watch_thread, "qatsec-startup", NULL, watch_main, NULL);
	}
	if (ret < 0) {
		QATSEC_LOG(WARNING, "start-up watch off: %s", strerror(-ret));
		qatsec_eal_watch_stop();
		return 0;	/* the service works without it */
	}
	watch_started = true;
	pthread_mutex_lock(&stats_lock);
	stats.active = 1;
	pthread_mutex_unlock(&stats_lock);
	return 0;
}

void
qatsec_eal_watch_stop(void)
{
	char path[sizeof(((struct sockaddr_un *)0)->sun_path)];
	uint64_t one = 1;

	if (watch_started) {
		if (write(stop_fd, &one, sizeof(one)) != sizeof(one))
			pthread_cancel(watch_thread);
		pthread_join(watch_thread, NULL);
		watch_started = false;
	}
	while (nb_starters > 0)
		starter_drop(nb_starters - 1, false);
	if (stop_fd >= 0)
		close(stop_fd);
	stop_fd = -1;
	if (listen_fd >= 0) {
		close(listen_fd);
		if (snprintf(path, sizeof(path), "%s/%s",
				rte_eal_get_runtime_dir(),
				QATSEC_STARTUP_SOCKET) < (int)sizeof(path))
			unlink(path);
	}
	listen_fd = -1;
	mcfg = NULL;
	pthread_mutex_lock(&stats_lock);
	stats.active = 0;
	pthread_mutex_unlock(&stats_lock);
}

void
qatsec_eal_watch_stats_get(struct qatsec_eal_watch_stats *s)
{
	pthread_mutex_lock(&stats_lock);
	*s = stats;
	pthread_mutex_unlock(&stats_lock);
}
