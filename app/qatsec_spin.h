/* SPDX-License-Identifier: BSD-3-Clause
 * The ceilings' stand-in for crypto-perf's main lcore: a thread pinned to
 * another CPU that busy-waits while the ceiling measures, as crypto-perf's
 * main lcore does in rte_eal_wait_lcore() while its worker runs. On an idle
 * machine it changes nothing; on a shared one the ceiling then competes for
 * the CPUs as the crypto-perf runs it is compared with do, instead of
 * getting a whole CPU they cannot (doc/guides/perf/index.rst).
 */
#ifndef QATSEC_SPIN_H
#define QATSEC_SPIN_H

#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdio.h>

static atomic_int qatsec_spin_stop;
static pthread_t qatsec_spin_thread;
static int qatsec_spin_on;

static void *
qatsec_spin_main(void *arg)
{
	(void)arg;
	while (!atomic_load_explicit(&qatsec_spin_stop, memory_order_relaxed))
		;
	return NULL;
}

/* Start the spinner on cpu (< 0: none); 0 on success. */
static inline int
qatsec_spin_start(int cpu)
{
	pthread_attr_t attr;
	cpu_set_t set;
	int ret;

	if (cpu < 0)
		return 0;
	CPU_ZERO(&set);
	CPU_SET(cpu, &set);
	pthread_attr_init(&attr);
	pthread_attr_setaffinity_np(&attr, sizeof(set), &set);
	ret = pthread_create(&qatsec_spin_thread, &attr, qatsec_spin_main, NULL);
	pthread_attr_destroy(&attr);
	if (ret != 0) {
		fprintf(stderr, "spin thread on CPU %d: error %d\n", cpu, ret);
		return -1;
	}
	qatsec_spin_on = 1;
	return 0;
}

static inline void
qatsec_spin_end(void)
{
	if (!qatsec_spin_on)
		return;
	atomic_store(&qatsec_spin_stop, 1);
	pthread_join(qatsec_spin_thread, NULL);
	qatsec_spin_on = 0;
}

#endif
