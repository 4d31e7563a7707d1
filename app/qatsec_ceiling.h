/* SPDX-License-Identifier: BSD-3-Clause
 * What the ceiling programs (qatsec-ceiling for ipsec-mb, qatsec-ceiling-evp
 * for OpenSSL) share: their options, the worker pinning, the clock, the pool
 * of buffers the ops take in turn, the timed loop, and the stand-in for
 * crypto-perf's main lcore. The pool: crypto-perf's ops go through its whole mbuf pool, so the
 * data of an op is rarely in cache; --buffers as large as that pool does
 * the same here. The spinner: a thread pinned to another CPU busy-waits
 * while the ceiling measures, as crypto-perf's main lcore does in
 * rte_eal_wait_lcore(); on an idle machine it changes nothing, on a shared
 * one the ceiling then competes for the CPUs as the crypto-perf runs it is
 * compared with do (doc/guides/perf/index.rst).
 */
#ifndef QATSEC_CEILING_H
#define QATSEC_CEILING_H

#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <getopt.h>
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "qatsec_app.h"

#define QATSEC_CEILING_BURST_MAX	256

struct qatsec_ceiling_opts {
	const char *cell, *api, *arch;
	unsigned int size, ms, burst, npool;
	int cpu, spin_cpu;
};

/* Parse the options both programs take (--arch only when with_arch);
 * --help and --version end the program. Returns 0, or 2 after the usage.
 */
static inline int
qatsec_ceiling_parse(int argc, char **argv, const char *prog,
		qatsec_usage_fn usage, bool with_arch,
		struct qatsec_ceiling_opts *o)
{
	static const struct option opts[] = {
		{ "cell", required_argument, NULL, 'c' },
		{ "size", required_argument, NULL, 's' },
		{ "ms", required_argument, NULL, 'm' },
		{ "burst", required_argument, NULL, 'b' },
		{ "cpu", required_argument, NULL, 'p' },
		{ "api", required_argument, NULL, 'a' },
		{ "spin-cpu", required_argument, NULL, 'S' },
		{ "buffers", required_argument, NULL, 'B' },
		{ "arch", required_argument, NULL, 'A' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int c;

	qatsec_app_info_opts(argc, argv, prog, usage);
	*o = (struct qatsec_ceiling_opts){ .api = "all", .arch = "auto",
		.ms = 300, .burst = 32, .cpu = -1, .spin_cpu = -1 };
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'c': o->cell = optarg; break;
		case 's': o->size = (unsigned int)strtoul(optarg, NULL, 10); break;
		case 'm': o->ms = (unsigned int)strtoul(optarg, NULL, 10); break;
		case 'b': o->burst = (unsigned int)strtoul(optarg, NULL, 10); break;
		case 'p': o->cpu = atoi(optarg); break;
		case 'a': o->api = optarg; break;
		case 'S': o->spin_cpu = atoi(optarg); break;
		case 'B': o->npool = (unsigned int)strtoul(optarg, NULL, 10); break;
		case 'A':
			if (with_arch) {
				o->arch = optarg;
				break;
			}
			/* fall through */
		default: usage(stderr); return 2;
		}
	}
	if (o->cell == NULL || o->size == 0 || o->size > 65536 || o->ms == 0 ||
			o->burst == 0 || o->burst > QATSEC_CEILING_BURST_MAX ||
			o->npool > 1u << 20) {
		usage(stderr);
		return 2;
	}
	if (o->npool < o->burst)
		o->npool = o->burst;
	return 0;
}

/* Pin the calling thread to cpu (< 0: leave it); 0 on success. */
static inline int
qatsec_ceiling_pin(int cpu)
{
	cpu_set_t set;

	if (cpu < 0)
		return 0;
	CPU_ZERO(&set);
	CPU_SET(cpu, &set);
	if (sched_setaffinity(0, sizeof(set), &set) != 0) {
		perror("sched_setaffinity");
		return -1;
	}
	return 0;
}

static inline uint64_t
qatsec_ceiling_now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ull + ts.tv_nsec;
}

/* n buffers of len bytes (64-byte aligned, each filled with its index). */
static inline uint8_t **
qatsec_ceiling_pool(unsigned int n, unsigned int len)
{
	uint8_t **pool = calloc(n, sizeof(*pool));
	unsigned int i;

	for (i = 0; pool != NULL && i < n; i++) {
		pool[i] = aligned_alloc(64, (len + 63) & ~63u);
		if (pool[i] == NULL)
			return NULL;
		memset(pool[i], (int)i, len);
	}
	return pool;
}

/* The next burst's buffers from the pool, in turn. */
static inline void
qatsec_ceiling_next(uint8_t **buf, unsigned int burst, uint8_t **pool,
		unsigned int npool, unsigned int *next)
{
	unsigned int i;

	for (i = 0; i < burst; i++) {
		buf[i] = pool[*next];
		*next = *next + 1 == npool ? 0 : *next + 1;
	}
}

/* Mops/s of burst() (per_burst ops each, after next() picked its buffers)
 * over ms, after a warm-up through every buffer of the pool; drain (or
 * NULL) completes what an API keeps in flight, and is timed.
 */
static inline double
qatsec_ceiling_measure(void (*next)(void), void (*burst)(void),
		void (*drain)(void), unsigned int per_burst, unsigned int npool,
		unsigned int ms)
{
	uint64_t t0, t, end, ops = 0;
	unsigned int k;

	/* Warm up: caches, lanes, frequency. */
	for (k = 0; k < 64 || k * per_burst < npool; k++) {
		next();
		burst();
	}
	if (drain != NULL)
		drain();
	t0 = qatsec_ceiling_now_ns();
	end = t0 + (uint64_t)ms * 1000000ull;
	do {
		for (k = 0; k < 16; k++) {
			next();
			burst();
		}
		ops += 16 * per_burst;
		t = qatsec_ceiling_now_ns();
	} while (t < end);
	if (drain != NULL)
		drain();
	t = qatsec_ceiling_now_ns();
	return (double)ops * 1e3 / (double)(t - t0);
}

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
