/* SPDX-License-Identifier: BSD-3-Clause
 * Unit tests of the claim layer's holder protocol (qatsec_holder.c), no
 * EAL: first-fit order over the seed configuration's sections, give-back
 * by the token's holder only, threads racing for sections (never two
 * holders), unique tokens, and the pidfds that tie a claim to its holder:
 * live, exited (zombie), reaped, not a pidfd, and one sent over a unix
 * socket by a process in a PID namespace of its own, as a holder in a
 * container sends it to the primary. argv[1] is the config/ directory.
 */
#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <sys/pidfd.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "qatsec_holder.h"
#include "unit.h"

static struct qatsec_endpoint_cfg eps[QATSEC_MAX_ENDPOINTS];
static struct qatsec_section_table seed;
static struct qatsec_sec_shared *ss;

/* The seed's sections, each free; those with Cy instances get a device. */
static void
fresh_sections(void)
{
	uint32_t i;

	memset(ss, 0, seed.nb_sections * sizeof(*ss));
	for (i = 0; i < seed.nb_sections; i++)
		ss[i].dev_id = seed.sections[i].nb_cy > 0 ? (int32_t)i : -1;
}

/* A claimer whose token is its pid (unique within a test). */
static struct qatsec_holder_id
holder(uint32_t pid)
{
	struct qatsec_holder_id id = { .token = 0x5eed0000ull + pid, .pid = pid };

	snprintf(id.comm, sizeof(id.comm), "p%u", pid);
	return id;
}

static void
test_first_fit(void)
{
	struct qatsec_holder_id id;
	uint32_t n, k;
	int i, prev = -1;

	fresh_sections();
	n = qatsec_holder_candidates(&seed, ss, "ssl");
	UT_EQ(n, 8);
	for (k = 0; k < n; k++) {
		id = holder(100 + k);
		i = qatsec_holder_take(&seed, ss, "SSL", &id, 42);
		UT_CHECK(i > prev);
		if (i < 0)
			return;
		UT_STREQ(seed.sections[i].user, "SSL");
		UT_EQ(ss[i].owner_pid, 100 + k);
		UT_CHECK(qatsec_holder_is(&ss[i], id.token));
		UT_EQ(ss[i].claim_ns, 42);
		UT_STREQ(ss[i].owner_name, id.comm);
		prev = i;
	}
	id = holder(999);
	UT_EQ(qatsec_holder_take(&seed, ss, "SSL", &id, 43), -1);
	UT_EQ(qatsec_holder_candidates(&seed, ss, "nosuch"), 0);
	UT_EQ(qatsec_holder_take(&seed, ss, "nosuch", &id, 43), -1);
}

static void
test_give_back(void)
{
	struct qatsec_holder_id a = holder(200), b = holder(201);
	int i, j;

	fresh_sections();
	i = qatsec_holder_take(&seed, ss, "IPSec", &a, 1);
	UT_CHECK(i >= 0);
	if (i < 0)
		return;
	UT_CHECK(!qatsec_holder_give_back(&ss[i], b.token));
	UT_CHECK(!qatsec_holder_give_back(&ss[i], 0));
	UT_CHECK(!qatsec_holder_is(&ss[i], 0));
	UT_EQ(ss[i].owner_pid, 200);
	UT_STREQ(ss[i].owner_name, "p200");
	UT_CHECK(qatsec_holder_give_back(&ss[i], a.token));
	UT_EQ(ss[i].owner_pid, 0);
	UT_EQ(ss[i].owner_token, 0);
	UT_STREQ(ss[i].owner_name, "");
	UT_CHECK(!qatsec_holder_give_back(&ss[i], a.token));
	j = qatsec_holder_take(&seed, ss, "ipsec", &b, 2);
	UT_EQ(j, i);
	UT_EQ(ss[i].claims, 2);
}

/* Threads race for the IPSec sections, fewer than the threads; each checks
 * it is alone on what it took before giving it back.
 */
#define RACERS		8
#define RACE_ROUNDS	20000

static uint32_t in_section[64];
static uint32_t race_errors;
static uint32_t race_wins;
static pthread_barrier_t race_start;

static void *
racer(void *arg)
{
	struct qatsec_holder_id id = holder((uint32_t)(uintptr_t)arg);
	volatile uint32_t spin;
	int r, i;

	pthread_barrier_wait(&race_start);
	for (r = 0; r < RACE_ROUNDS; r++) {
		i = qatsec_holder_take(&seed, ss, "IPSec", &id, 0);
		if (i < 0)
			continue;
		if (__atomic_add_fetch(&in_section[i], 1, __ATOMIC_ACQ_REL) != 1 ||
				!qatsec_holder_is(&ss[i], id.token))
			__atomic_add_fetch(&race_errors, 1, __ATOMIC_RELAXED);
		__atomic_add_fetch(&race_wins, 1, __ATOMIC_RELAXED);
		/* Hold it a moment: the others must find it taken. */
		for (spin = 0; spin < 200; spin++)
			;
		__atomic_sub_fetch(&in_section[i], 1, __ATOMIC_ACQ_REL);
		if (!qatsec_holder_give_back(&ss[i], id.token))
			__atomic_add_fetch(&race_errors, 1, __ATOMIC_RELAXED);
	}
	return NULL;
}

static void
test_race(void)
{
	pthread_t th[RACERS];
	uintptr_t k;
	uint32_t i, free_left = 0;

	fresh_sections();
	UT_CHECK(seed.nb_sections <= RTE_DIM(in_section));
	pthread_barrier_init(&race_start, NULL, RACERS);
	for (k = 0; k < RACERS; k++)
		UT_EQ(pthread_create(&th[k], NULL, racer, (void *)(k + 1000)), 0);
	for (k = 0; k < RACERS; k++)
		pthread_join(th[k], NULL);
	pthread_barrier_destroy(&race_start);
	UT_CHECK(qatsec_holder_candidates(&seed, ss, "IPSec") < RACERS);
	UT_EQ(race_errors, 0);
	UT_CHECK(race_wins > 0);	/* how many: scheduling decides */
	for (i = 0; i < seed.nb_sections; i++)
		free_left += ss[i].owner_token == 0 && ss[i].owner_pid == 0;
	UT_EQ(free_left, seed.nb_sections);
	/* How often a take found every section held depends on scheduling:
	 * reported, not asserted.
	 */
	printf("#   %u claims by %d threads (%u refused), %u shared or lost\n",
		race_wins, RACERS, RACERS * RACE_ROUNDS - race_wins,
		race_errors);
}

static void
test_token(void)
{
	uint64_t a = qatsec_holder_token(), b = qatsec_holder_token();
	struct qatsec_holder_id zero = holder(400);

	UT_CHECK(a != 0 && b != 0 && a != b);
	/* Token 0 means free: it can never take a section. */
	fresh_sections();
	zero.token = 0;
	UT_EQ(qatsec_holder_take(&seed, ss, "SSL", &zero, 0), -1);
}

static void
test_pidfd_self(void)
{
	char comm[32];
	int fd = qatsec_pidfd_self();

	UT_CHECK(fd >= 0);
	if (fd < 0)
		return;
	UT_EQ(qatsec_pidfd_pid(fd), getpid());
	UT_CHECK(!qatsec_pidfd_exited(fd));
	close(fd);
	qatsec_self_comm(comm, sizeof(comm));
	UT_STREQ(comm, "test_claim");
}

/* A child's pidfd: live, exited (a zombie holds nothing), reaped. */
static void
test_pidfd_child(void)
{
	pid_t child = fork();
	int fd, st;

	if (child == 0) {
		pause();
		_exit(0);
	}
	UT_CHECK(child > 0);
	if (child <= 0)
		return;
	fd = pidfd_open(child, 0);
	UT_CHECK(fd >= 0);
	UT_EQ(qatsec_pidfd_pid(fd), child);
	UT_CHECK(!qatsec_pidfd_exited(fd));
	kill(child, SIGKILL);
	while (!qatsec_pidfd_exited(fd))
		usleep(1000);
	UT_EQ(qatsec_pidfd_pid(fd), child);	/* a zombie still */
	UT_EQ(waitpid(child, &st, 0), child);
	UT_CHECK(qatsec_pidfd_exited(fd));
	UT_EQ(qatsec_pidfd_pid(fd), -1);
	close(fd);
	fd = open("/dev/null", O_RDONLY);
	UT_EQ(qatsec_pidfd_pid(fd), -1);	/* not a pidfd: refused */
	close(fd);
}

static void
send_fd(int sock, int fd)
{
	char cbuf[CMSG_SPACE(sizeof(int))] = { 0 };
	char byte = 'p';
	struct iovec iov = { .iov_base = &byte, .iov_len = 1 };
	struct msghdr m = { .msg_iov = &iov, .msg_iovlen = 1,
		.msg_control = cbuf, .msg_controllen = sizeof(cbuf) };
	struct cmsghdr *c = CMSG_FIRSTHDR(&m);

	c->cmsg_level = SOL_SOCKET;
	c->cmsg_type = SCM_RIGHTS;
	c->cmsg_len = CMSG_LEN(sizeof(int));
	memcpy(CMSG_DATA(c), &fd, sizeof(int));
	if (sendmsg(sock, &m, 0) != 1)
		_exit(3);
}

static int
recv_fd(int sock)
{
	char cbuf[CMSG_SPACE(sizeof(int))];
	char byte;
	struct iovec iov = { .iov_base = &byte, .iov_len = 1 };
	struct msghdr m = { .msg_iov = &iov, .msg_iovlen = 1,
		.msg_control = cbuf, .msg_controllen = sizeof(cbuf) };
	struct cmsghdr *c;
	int fd = -1;

	if (recvmsg(sock, &m, 0) != 1)
		return -1;
	c = CMSG_FIRSTHDR(&m);
	if (c != NULL && c->cmsg_type == SCM_RIGHTS)
		memcpy(&fd, CMSG_DATA(c), sizeof(int));
	return fd;
}

/* A holder in a PID namespace of its own is pid 1 there; the pidfd it
 * opens on itself and sends (as over rte_mp) names it, for the receiver,
 * by the receiver's pid of it, and says when it exits.
 */
static void
test_pidfd_namespace(void)
{
	int sv[2], pp[2], fd, st, ns_fd;
	pid_t outer, inner;

	/* The pid and the pidfd come from two processes in either order:
	 * each has its own channel (one stream would mix them).
	 */
	UT_EQ(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
	UT_EQ(pipe(pp), 0);
	outer = fork();
	if (outer == 0) {
		close(sv[0]);
		close(pp[0]);
		if (unshare(CLONE_NEWPID) != 0)
			_exit(2);
		inner = fork();	/* the first child is pid 1 of the new ns */
		if (inner == 0) {
			if (getpid() != 1)
				_exit(4);
			ns_fd = qatsec_pidfd_self();
			if (ns_fd < 0)
				_exit(5);
			send_fd(sv[1], ns_fd);
			pause();
			_exit(0);
		}
		if (write(pp[1], &inner, sizeof(inner)) != sizeof(inner))
			_exit(6);
		waitpid(inner, &st, 0);
		_exit(0);
	}
	close(sv[1]);
	close(pp[1]);
	st = read(pp[0], &inner, sizeof(inner));
	close(pp[0]);
	if (st != sizeof(inner)) {
		/* A missing prerequisite is a failure here: CI runs as root. */
		waitpid(outer, &st, 0);
		printf("#   cannot make a PID namespace (unshare(CLONE_NEWPID) needs root): exit %d\n",
			WEXITSTATUS(st));
		ut_failed = 1;
		close(sv[0]);
		return;
	}
	fd = recv_fd(sv[0]);
	UT_CHECK(fd >= 0);
	UT_CHECK(inner > 1);
	UT_EQ(qatsec_pidfd_pid(fd), inner);
	UT_CHECK(!qatsec_pidfd_exited(fd));
	kill(inner, SIGKILL);
	while (fd >= 0 && !qatsec_pidfd_exited(fd))
		usleep(1000);
	UT_CHECK(qatsec_pidfd_exited(fd));
	waitpid(outer, &st, 0);
	close(fd);
	close(sv[0]);
}

int
main(int argc, char **argv)
{
	static const struct ut_test tests[] = {
		UT(test_first_fit),
		UT(test_give_back),
		UT(test_race),
		UT(test_token),
		UT(test_pidfd_self),
		UT(test_pidfd_child),
		UT(test_pidfd_namespace),
	};
	static struct qatsec_diags d;
	int n;

	if (argc < 2) {
		fprintf(stderr, "usage: %s CONFIG_DIR\n", argv[0]);
		return 2;
	}
	n = qatsec_config_load_dir(argv[1], eps, &d);
	if (n < 0 || qatsec_sections_expand(eps, n, &seed, &d) < 0) {
		printf("Bail out! cannot load the seed configuration %s\n",
			argv[1]);
		ut_print_diags(&d);
		return 1;
	}
	ss = calloc(seed.nb_sections, sizeof(*ss));
	if (ss == NULL)
		return 1;
	ut_run(tests, RTE_DIM(tests));
	free(ss);
	qatsec_sections_free(&seed);
	return ut_done();
}
