/* SPDX-License-Identifier: BSD-3-Clause
 * Unit tests of the claim layer's holder protocol (qatsec_holder.c), no
 * EAL: first-fit order over the seed configuration's sections, give-back
 * by the holder only, threads racing for sections (never two holders),
 * the live-holder judgement (pid reuse, a claim being written, a section
 * changing hands while it is looked at) and /proc start times of real
 * processes (live, zombie, reaped). argv[1] is the config/ directory.
 */
#include <pthread.h>
#include <signal.h>
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

static struct qatsec_holder_id
holder(uint32_t pid, uint64_t start)
{
	struct qatsec_holder_id id = { .pid = pid, .start = start };

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
		id = holder(100 + k, 7);
		i = qatsec_holder_take(&seed, ss, "SSL", &id, 42);
		UT_CHECK(i > prev);
		if (i < 0)
			return;
		UT_STREQ(seed.sections[i].user, "SSL");
		UT_EQ(ss[i].owner_pid, 100 + k);
		UT_EQ(ss[i].owner_start, 7);
		UT_EQ(ss[i].claim_ns, 42);
		UT_STREQ(ss[i].owner_name, id.comm);
		prev = i;
	}
	id = holder(999, 7);
	UT_EQ(qatsec_holder_take(&seed, ss, "SSL", &id, 43), -1);
	UT_EQ(qatsec_holder_candidates(&seed, ss, "nosuch"), 0);
	UT_EQ(qatsec_holder_take(&seed, ss, "nosuch", &id, 43), -1);
}

static void
test_give_back(void)
{
	struct qatsec_holder_id a = holder(200, 1), b = holder(201, 2);
	int i, j;

	fresh_sections();
	i = qatsec_holder_take(&seed, ss, "IPSec", &a, 1);
	UT_CHECK(i >= 0);
	if (i < 0)
		return;
	UT_CHECK(!qatsec_holder_give_back(&ss[i], 201));
	UT_CHECK(!qatsec_holder_give_back(&ss[i], 0));
	UT_EQ(ss[i].owner_pid, 200);
	UT_STREQ(ss[i].owner_name, "p200");
	UT_CHECK(qatsec_holder_give_back(&ss[i], 200));
	UT_EQ(ss[i].owner_pid, 0);
	UT_EQ(ss[i].owner_start, 0);
	UT_STREQ(ss[i].owner_name, "");
	UT_CHECK(!qatsec_holder_give_back(&ss[i], 200));
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
	struct qatsec_holder_id id = holder((uint32_t)(uintptr_t)arg, 5);
	volatile uint32_t spin;
	int r, i;

	pthread_barrier_wait(&race_start);
	for (r = 0; r < RACE_ROUNDS; r++) {
		i = qatsec_holder_take(&seed, ss, "IPSec", &id, 0);
		if (i < 0)
			continue;
		if (__atomic_add_fetch(&in_section[i], 1, __ATOMIC_ACQ_REL) != 1 ||
				__atomic_load_n(&ss[i].owner_pid,
					__ATOMIC_ACQUIRE) != id.pid)
			__atomic_add_fetch(&race_errors, 1, __ATOMIC_RELAXED);
		__atomic_add_fetch(&race_wins, 1, __ATOMIC_RELAXED);
		/* Hold it a moment: the others must find it taken. */
		for (spin = 0; spin < 200; spin++)
			;
		__atomic_sub_fetch(&in_section[i], 1, __ATOMIC_ACQ_REL);
		if (!qatsec_holder_give_back(&ss[i], id.pid))
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
	UT_CHECK(race_wins >= RACE_ROUNDS);
	for (i = 0; i < seed.nb_sections; i++)
		free_left += ss[i].owner_pid == 0;
	UT_EQ(free_left, seed.nb_sections);
	/* How often a take found every section held depends on scheduling:
	 * reported, not asserted.
	 */
	printf("#   %u claims by %d threads (%u refused), %u shared or lost\n",
		race_wins, RACERS, RACERS * RACE_ROUNDS - race_wins,
		race_errors);
}

/* Fake /proc for the judgement tests. */
static uint64_t fake_start;
static struct qatsec_sec_shared *handover;

static uint64_t
fake_start_time(pid_t pid __rte_unused)
{
	return fake_start;
}

/* The holder gives the section back and another takes it, between the
 * look at the pid and the look at the start time.
 */
static uint64_t
start_time_during_handover(pid_t pid)
{
	struct qatsec_holder_id next = holder(301, 99);

	qatsec_holder_give_back(handover, (uint32_t)pid);
	qatsec_holder_take(&seed, ss, "SSL", &next, 0);
	return 11;
}

static void
test_alive(void)
{
	struct qatsec_holder_id a = holder(300, 11);
	int i;

	fresh_sections();
	UT_CHECK(!qatsec_holder_alive(&ss[0], fake_start_time));
	i = qatsec_holder_take(&seed, ss, "SSL", &a, 0);
	UT_EQ(i, 0);
	fake_start = 11;
	UT_CHECK(qatsec_holder_alive(&ss[0], fake_start_time));
	fake_start = 0;		/* gone, or a zombie */
	UT_CHECK(!qatsec_holder_alive(&ss[0], fake_start_time));
	fake_start = 12;	/* pid reused by another process */
	UT_CHECK(!qatsec_holder_alive(&ss[0], fake_start_time));
	ss[0].owner_start = 0;	/* claim being written: live pid will do */
	UT_CHECK(qatsec_holder_alive(&ss[0], fake_start_time));
	ss[0].owner_start = 11;
	handover = &ss[0];
	UT_CHECK(qatsec_holder_alive(&ss[0], start_time_during_handover));
	UT_EQ(ss[0].owner_pid, 301);
}

static void
test_proc_start_time(void)
{
	uint64_t mine = qatsec_proc_start_time(getpid());
	pid_t child;
	int st;

	UT_CHECK(mine != 0);
	UT_EQ(qatsec_proc_start_time(getpid()), mine);
	child = fork();
	if (child == 0) {
		pause();
		_exit(0);
	}
	UT_CHECK(child > 0);
	if (child <= 0)
		return;
	UT_CHECK(qatsec_proc_start_time(child) >= mine);
	kill(child, SIGKILL);
	/* A zombie holds nothing: dead before its parent reaps it. */
	while (qatsec_proc_start_time(child) != 0)
		usleep(1000);
	UT_EQ(waitpid(child, &st, 0), child);
	UT_EQ(qatsec_proc_start_time(child), 0);
	UT_EQ(qatsec_proc_start_time(0x7ffffffe), 0);
}

int
main(int argc, char **argv)
{
	static const struct ut_test tests[] = {
		UT(test_first_fit),
		UT(test_give_back),
		UT(test_race),
		UT(test_alive),
		UT(test_proc_start_time),
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
