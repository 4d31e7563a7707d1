/* SPDX-License-Identifier: BSD-3-Clause
 * qatsec-asym-perf: asymmetric ops per second through the real cryptodev
 * API (sessions from a session pool, ops from an op pool, enqueue/dequeue
 * bursts on one queue pair) on crypto_qatsec and crypto_openssl in one EAL
 * process, beside the in-process OpenSSL ceiling (EVP on a ready context,
 * BN_mod_exp_mont_consttime for modexp, as qatsec-asym-bench measures it).
 * Ops: RSA-2048 sign (CRT key, PKCS#1 v1.5, as `openssl speed`), RSA-2048
 * verify, modexp (2048-bit modulus and exponent), ECDSA P-256 sign and
 * verify. Every op's status is checked and counted; RSA signatures and
 * modexp results are compared with OpenSSL's, ECDSA signatures verified.
 * Runs on the first worker lcore (the main one if there is none); each
 * round measures every (op, device) once, in an order rotated per round.
 * Output is TAP: "# result ..." lines per measurement (devtools/bench-asym.sh
 * parses them), one ok/not ok per (op, device): ops done, none failed,
 * every op enqueued came back. Never a timing target.
 *   qatsec-asym-perf [EAL args] -- [--ms N] [--rounds N] [--order K]
 *                    [--burst N]
 */
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/rsa.h>

#include <rte_common.h>
#include <rte_crypto.h>
#include <rte_cryptodev.h>
#include <rte_eal.h>
#include <rte_launch.h>
#include <rte_lcore.h>

#include "asym_perf.h"

static struct perf_keys K;
static struct perf_dev devs[NB_DEVS] = {
	[DEV_QATSEC] = { .label = "qatsec", .driver = "crypto_qatsec" },
	[DEV_OPENSSL] = { .label = "openssl", .driver = "crypto_openssl" },
	[DEV_CEIL] = { .label = "ceiling", .driver = NULL },
};
static struct rte_mempool *sess_mp, *op_mp;
static double run_secs = 0.25;
static unsigned int nb_rounds = 1, order, burst = 16;
static unsigned int tap_n, tap_bad;
static int rounds_done;

static double
now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec + t.tv_nsec * 1e-9;
}

static void
tap(bool ok, const char *fmt, const char *a, const char *b)
{
	tap_n++;
	tap_bad += !ok;
	printf("%sok %u - ", ok ? "" : "not ", tap_n);
	printf(fmt, a, b);
	printf("\n");
}

/* One device: the first of its driver with asymmetric crypto, one queue
 * pair started, and a session per op it has the capability for.
 */
static int
dev_setup(struct perf_dev *d)
{
	struct rte_cryptodev_config conf = { .socket_id = SOCKET_ID_ANY,
		.nb_queue_pairs = 1 };
	struct rte_cryptodev_qp_conf qp = { .nb_descriptors = 128 };
	struct rte_cryptodev_info info;
	uint8_t ids[64];
	unsigned int n, i;

	n = rte_cryptodev_devices_get(d->driver, ids, RTE_DIM(ids));
	d->id = -1;
	for (i = 0; i < n && d->id < 0; i++) {
		rte_cryptodev_info_get(ids[i], &info);
		if (info.feature_flags & RTE_CRYPTODEV_FF_ASYMMETRIC_CRYPTO)
			d->id = ids[i];
	}
	if (d->id < 0)
		return -1;
	if (rte_cryptodev_configure(d->id, &conf) != 0)
		return -1;
	/* The asymmetric ring may be shallower than 128 (its depth comes
	 * from the endpoint's configuration): halve until it fits.
	 */
	while (qp.nb_descriptors >= 2 * burst && rte_cryptodev_queue_pair_setup(
			d->id, 0, &qp, SOCKET_ID_ANY) != 0)
		qp.nb_descriptors /= 2;
	if (qp.nb_descriptors < 2 * burst)
		return -1;
	d->depth = qp.nb_descriptors;
	if (rte_cryptodev_start(d->id) != 0)
		return -1;
	d->started = true;
	printf("# %s: device %u %s, queue pair depth %u\n", d->label, d->id,
		rte_cryptodev_name_get(d->id), d->depth);
	for (i = 0; i < NB_OPS; i++)
		perf_session(d, i, sess_mp, &K);
	return 0;
}

static void
dev_close(struct perf_dev *d)
{
	for (unsigned int i = 0; i < NB_OPS; i++)
		if (d->sess[i] != NULL)
			rte_cryptodev_asym_session_free(d->id, d->sess[i]);
	if (d->started) {
		rte_cryptodev_stop(d->id);
		rte_cryptodev_close(d->id);
	}
}

/* Keeps burst ops in flight for run_secs, then drains: every op checked. */
static void
measure_dev(struct perf_dev *d, unsigned int w, struct perf_result *res)
{
	struct rte_crypto_op *free_ops[PERF_BURST_MAX], *got[PERF_BURST_MAX];
	unsigned int nfree = burst, inflight = 0, i;
	double t0, t, last, deadline, idle = 0;
	bool stop = false;

	memset(res, 0, sizeof(*res));
	if (rte_crypto_op_bulk_alloc(op_mp, RTE_CRYPTO_OP_TYPE_ASYMMETRIC,
			free_ops, burst) != burst) {
		res->failed = 1;
		return;
	}
	t0 = last = now();
	deadline = t0 + run_secs;
	for (;;) {
		t = now();
		if (!stop && t >= deadline)
			stop = true;
		if (!stop && nfree > 0) {
			for (i = 0; i < nfree; i++)
				perf_op_fill(free_ops[i], w, d->sess[w], &K);
			i = rte_cryptodev_enqueue_burst(d->id, 0, free_ops,
				nfree);
			res->enq += i;
			inflight += i;
			memmove(free_ops, free_ops + i,
				(nfree - i) * sizeof(free_ops[0]));
			nfree -= i;
		}
		i = rte_cryptodev_dequeue_burst(d->id, 0, got, burst);
		if (i > 0) {
			last = now();
			idle = 0;
		} else if (stop && inflight > 0) {
			if (idle == 0)
				idle = t;
			else if (t - idle > 10.0)
				break;	/* lost ops: enq != deq says so */
		}
		res->deq += i;
		inflight -= i;
		for (unsigned int j = 0; j < i; j++) {
			if (perf_op_check(got[j], w, &K,
					res->deq - i + j == 0) != 0)
				res->failed++;
			free_ops[nfree++] = got[j];
		}
		if (stop && inflight == 0)
			break;
	}
	res->secs = last - t0;
	res->ops = res->deq;
	rte_mempool_put_bulk(op_mp, (void **)free_ops, nfree);
}

static double
thread_cpu(void)
{
	struct timespec t;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
	return t.tv_sec + t.tv_nsec * 1e-9;
}

/* Wall-clock and CPU rates: on a shared machine the thread gets a varying
 * share of its core; ops per CPU second of the measuring thread (the PMDs
 * compute in the enqueueing thread) is what `openssl speed` reports too.
 */
static void
measure(struct perf_dev *d, unsigned int w, struct perf_result *res)
{
	double c0 = thread_cpu();

	if (d->driver == NULL)
		perf_ceiling(w, &K, run_secs, res);
	else
		measure_dev(d, w, res);
	res->cpu = thread_cpu() - c0;
	res->rate = res->secs > 0 ? res->ops / res->secs : 0;
	res->cpu_rate = res->cpu > 0 ? res->ops / res->cpu : 0;
}

struct totals {
	unsigned long ops, failed, enq, deq;
};
static struct totals tot[NB_DEVS][NB_OPS];

/* The rounds, on the lcore that runs them. */
static int
rounds_main(void *arg __rte_unused)
{
	struct perf_result res;

	for (unsigned int r = 0; r < nb_rounds; r++) {
		unsigned int rot = r + order;

		for (unsigned int oi = 0; oi < NB_OPS; oi++) {
			unsigned int w = (oi + rot) % NB_OPS;

			for (unsigned int di = 0; di < NB_DEVS; di++) {
				struct perf_dev *d = &devs[(di + rot) % NB_DEVS];
				struct totals *tt = &tot[d - devs][w];

				if (d->why[w] != NULL)
					continue;
				measure(d, w, &res);
				tt->ops += res.ops;
				tt->failed += res.failed;
				tt->enq += res.enq;
				tt->deq += res.deq;
				printf("# result round=%u op=%s dev=%s ops=%lu "
					"secs=%.4f rate=%.1f cpu=%.4f "
					"cpu_rate=%.1f enq=%lu deq=%lu "
					"failed=%lu lcore=%u\n", r + order,
					perf_op_names[w], d->label, res.ops,
					res.secs, res.rate, res.cpu,
					res.cpu_rate, res.enq, res.deq,
					res.failed, rte_lcore_id());
				fflush(stdout);
			}
		}
	}
	__atomic_store_n(&rounds_done, 1, __ATOMIC_RELEASE);
	return 0;
}

static int
parse_args(int argc, char **argv)
{
	static const struct option lo[] = {
		{ "ms", required_argument, NULL, 'm' },
		{ "rounds", required_argument, NULL, 'r' },
		{ "order", required_argument, NULL, 'o' },
		{ "burst", required_argument, NULL, 'b' },
		{ NULL, 0, NULL, 0 } };
	int c;

	while ((c = getopt_long(argc, argv, "", lo, NULL)) != -1) {
		switch (c) {
		case 'm':
			run_secs = atof(optarg) / 1000.0;
			break;
		case 'r':
			nb_rounds = (unsigned int)atoi(optarg);
			break;
		case 'o':
			order = (unsigned int)atoi(optarg);
			break;
		case 'b':
			burst = (unsigned int)atoi(optarg);
			break;
		default:
			return -1;
		}
	}
	if (run_secs <= 0 || run_secs > 60 || nb_rounds < 1 ||
			nb_rounds > 1000 || burst < 1 || burst > PERF_BURST_MAX)
		return -1;
	return 0;
}

/* What the smoke run asserts: qatsec serves every op, crypto_openssl the
 * ones 22.11 gives it; each measured one did ops, all of them good.
 */
static void
report(void)
{
	for (unsigned int d = 0; d < NB_DEVS; d++) {
		for (unsigned int w = 0; w < NB_OPS; w++) {
			const struct totals *t = &tot[d][w];
			char what[96];

			snprintf(what, sizeof(what), "%s on %s",
				perf_op_names[w], devs[d].label);
			if (devs[d].why[w] != NULL) {
				bool expected = d == DEV_OPENSSL &&
					perf_op_is_ecdsa(w);

				printf("# %s: not measured: %s\n", what,
					devs[d].why[w]);
				tap(expected, "%s %s", what, expected ?
					"absent as expected (no ECDSA in "
					"crypto_openssl 22.11)" :
					"not available");
				continue;
			}
			printf("# %s: %lu ops, %lu failed, %lu enqueued, "
				"%lu dequeued\n", what, t->ops, t->failed,
				t->enq, t->deq);
			tap(t->ops > 0 && t->failed == 0 && t->enq == t->deq,
				"%s%s", what, ": ops done, every one back and "
				"successful");
		}
	}
	printf("1..%u\n", tap_n);
}

int
main(int argc, char **argv)
{
	unsigned int lc;
	int n, ret = 1;

	n = rte_eal_init(argc, argv);
	if (n < 0) {
		printf("Bail out! EAL init failed\n");
		return 1;
	}
	if (parse_args(argc - n, argv + n) != 0) {
		printf("Bail out! usage: %s [EAL] -- [--ms N] [--rounds N] "
			"[--order K] [--burst 1..%d]\n", argv[0],
			PERF_BURST_MAX);
		goto out;
	}
	if (perf_keys_make(&K) != 0) {
		printf("Bail out! OpenSSL key generation failed\n");
		goto out;
	}
	sess_mp = rte_cryptodev_asym_session_pool_create("asym_perf_sess",
		2 * NB_DEVS * NB_OPS, 0, 0, SOCKET_ID_ANY);
	op_mp = rte_crypto_op_pool_create("asym_perf_ops",
		RTE_CRYPTO_OP_TYPE_ASYMMETRIC, 2 * PERF_BURST_MAX, 0,
		sizeof(struct perf_slot), SOCKET_ID_ANY);
	if (sess_mp == NULL || op_mp == NULL) {
		printf("Bail out! session or op pool\n");
		goto out;
	}
	for (unsigned int d = 0; d < NB_DEVS; d++) {
		if (devs[d].driver == NULL)
			continue;
		if (dev_setup(&devs[d]) != 0) {
			printf("Bail out! no usable %s device (is it a --vdev, "
				"and for qatsec -d librte_crypto_qatsec.so?)\n",
				devs[d].driver);
			goto out;
		}
	}
	lc = rte_get_next_lcore(-1, 1, 0);
	printf("# %u round(s) of %.0f ms per (op, device), burst %u, on "
		"lcore %u\n", nb_rounds, run_secs * 1000, burst,
		lc < RTE_MAX_LCORE ? lc : rte_get_main_lcore());
	if (lc < RTE_MAX_LCORE) {
		/* The main lcore sleeps rather than spin in
		 * rte_eal_wait_lcore(): on a shared machine a spinning main
		 * lcore pushes other work onto the worker's CPU.
		 */
		rte_eal_remote_launch(rounds_main, NULL, lc);
		while (!__atomic_load_n(&rounds_done, __ATOMIC_ACQUIRE))
			usleep(20000);
		rte_eal_wait_lcore(lc);
	} else {
		rounds_main(NULL);
	}
	report();
	ret = tap_bad == 0 ? 0 : 1;
out:
	for (unsigned int d = 0; d < NB_DEVS; d++)
		if (devs[d].driver != NULL)
			dev_close(&devs[d]);
	rte_mempool_free(op_mp);
	rte_mempool_free(sess_mp);
	perf_keys_free(&K);
	rte_eal_cleanup();
	return ret;
}
