/* SPDX-License-Identifier: BSD-3-Clause
 * qatsec-ceiling-evp: the ceiling of the cells qatsec serves with OpenSSL
 * (its openssl_sym engine) rather than intel-ipsec-mb: AES-256-XTS encrypt.
 * The same ops as dpdk-test-crypto-perf's, in place, one buffer per op of
 * the burst, straight to libcrypto's EVP in a tight loop, no DPDK: the
 * cipher context keeps the key, each op sets its IV (the XTS tweak) and
 * makes one EVP_CipherUpdate, as the engine does. Every API it offers is
 * measured, then the best, in qatsec-ceiling's output form:
 *   qatsec-ceiling-evp --cell aes-xts-256 --size BYTES [--ms N] [--burst N]
 *                      [--cpu N] [--api NAME|all] [--spin-cpu N] [--buffers N]
 * (--spin-cpu and --buffers as qatsec-ceiling's)
 *   ceiling cell=C size=N api=A mops=M
 *   ceiling cell=C size=N api=best(A) mops=M arch=evp
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE	/* sched_setaffinity */
#endif
#include <getopt.h>
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <openssl/evp.h>

#include "qatsec_app.h"
#include "qatsec_spin.h"

#define MAX_BURST	256

static struct {
	unsigned int size, burst;
	EVP_CIPHER_CTX *ctx;
	uint8_t *buf[MAX_BURST];	/* this burst's, from pool */
	uint8_t **pool;
	unsigned int npool, next;
	uint8_t iv[MAX_BURST][16];
	unsigned long errors;		/* keeps the results alive */
} b;

static uint64_t
now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ull + ts.tv_nsec;
}

/* The engine's way: EVP_CipherInit_ex2 with the IV only (the context keeps
 * cipher and key), then one update.
 */
static void
evp_init2_update(void)
{
	unsigned int i;
	int outl;

	for (i = 0; i < b.burst; i++) {
		b.errors += !EVP_CipherInit_ex2(b.ctx, NULL, NULL, b.iv[i], 1,
			NULL);
		b.errors += !EVP_CipherUpdate(b.ctx, b.buf[i], &outl, b.buf[i],
			(int)b.size);
	}
}

/* The same through the older EVP_CipherInit_ex. */
static void
evp_init_update(void)
{
	unsigned int i;
	int outl;

	for (i = 0; i < b.burst; i++) {
		b.errors += !EVP_CipherInit_ex(b.ctx, NULL, NULL, NULL, b.iv[i],
			1);
		b.errors += !EVP_CipherUpdate(b.ctx, b.buf[i], &outl, b.buf[i],
			(int)b.size);
	}
}

struct api {
	const char *name;
	void (*burst)(void);
};

static const struct api apis[] = {
	{ "evp-init-ex2-iv+update", evp_init2_update },
	{ "evp-init-ex-iv+update", evp_init_update },
};

/* The next burst's buffers: crypto-perf's ops go through its whole mbuf
 * pool in turn, so the data of an op is rarely in cache; --buffers as
 * large as that pool does the same here.
 */
static void
next_buffers(void)
{
	unsigned int i;

	for (i = 0; i < b.burst; i++) {
		b.buf[i] = b.pool[b.next];
		b.next = b.next + 1 == b.npool ? 0 : b.next + 1;
	}
}

static double
measure(const struct api *a, unsigned int ms)
{
	uint64_t t0, t, end, ops = 0;
	unsigned int k;

	/* Warm up: caches, frequency, every buffer once. */
	for (k = 0; k < 64 || k * b.burst < b.npool; k++) {
		next_buffers();
		a->burst();
	}
	t0 = now_ns();
	end = t0 + (uint64_t)ms * 1000000ull;
	do {
		for (k = 0; k < 16; k++) {
			next_buffers();
			a->burst();
		}
		ops += 16 * b.burst;
		t = now_ns();
	} while (t < end);
	return (double)ops * 1e3 / (double)(t - t0);
}

static void
usage(FILE *f)
{
	unsigned int i;

	fprintf(f, "usage: qatsec-ceiling-evp --cell aes-xts-256 --size BYTES [--ms N] [--burst N]\n"
		"                          [--cpu N] [--api NAME|all]\n"
		"The OpenSSL EVP ceiling of one cell on one core (no DPDK): Mops/s of\n"
		"the fastest API. --help, --version.\ncells: aes-xts-256\napis:");
	for (i = 0; i < sizeof(apis) / sizeof(apis[0]); i++)
		fprintf(f, " %s", apis[i].name);
	fprintf(f, "\n");
}

static int
setup(void)
{
	uint8_t key[64];
	unsigned int i;

	/* XTS refuses equal key halves. */
	for (i = 0; i < sizeof(key); i++)
		key[i] = (uint8_t)(i * 7 + 1);
	b.ctx = EVP_CIPHER_CTX_new();
	if (b.ctx == NULL || !EVP_CipherInit_ex2(b.ctx, EVP_aes_256_xts(),
			key, NULL, 1, NULL))
		return -1;
	if (b.npool < b.burst)
		b.npool = b.burst;
	b.pool = calloc(b.npool, sizeof(*b.pool));
	if (b.pool == NULL)
		return -1;
	for (i = 0; i < b.npool; i++) {
		b.pool[i] = aligned_alloc(64, (b.size + 63) & ~63u);
		if (b.pool[i] == NULL)
			return -1;
		memset(b.pool[i], (int)i, b.size);
	}
	for (i = 0; i < b.burst; i++)
		memset(b.iv[i], (int)(i + 1), sizeof(b.iv[i]));
	return 0;
}

int
main(int argc, char **argv)
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
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *cell = NULL, *best_name = "none", *api = "all";
	unsigned int ms = 300, i;
	double best = 0, r;
	int o, cpu = -1, spin_cpu = -1;

	qatsec_app_info_opts(argc, argv, "qatsec-ceiling-evp", usage);
	b.burst = 32;
	while ((o = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (o) {
		case 'c': cell = optarg; break;
		case 's': b.size = (unsigned int)strtoul(optarg, NULL, 10); break;
		case 'm': ms = (unsigned int)strtoul(optarg, NULL, 10); break;
		case 'b': b.burst = (unsigned int)strtoul(optarg, NULL, 10); break;
		case 'p': cpu = atoi(optarg); break;
		case 'a': api = optarg; break;
		case 'S': spin_cpu = atoi(optarg); break;
		case 'B': b.npool = (unsigned int)strtoul(optarg, NULL, 10); break;
		case 'h': usage(stdout); return 0;
		default: usage(stderr); return 2;
		}
	}
	/* XTS needs at least one block; crypto-perf's sizes are whole bytes. */
	if (cell == NULL || strcmp(cell, "aes-xts-256") != 0 || b.size < 16 ||
			b.size > 65536 || ms == 0 || b.burst == 0 ||
			b.burst > MAX_BURST || b.npool > 1u << 20) {
		usage(stderr);
		return 2;
	}
	if (cpu >= 0) {
		cpu_set_t set;

		CPU_ZERO(&set);
		CPU_SET(cpu, &set);
		if (sched_setaffinity(0, sizeof(set), &set) != 0) {
			perror("sched_setaffinity");
			return 1;
		}
	}
	if (setup() != 0) {
		fprintf(stderr, "qatsec-ceiling-evp: EVP setup failed\n");
		return 1;
	}
	if (qatsec_spin_start(spin_cpu) != 0)
		return 1;
	for (i = 0; i < sizeof(apis) / sizeof(apis[0]); i++) {
		const struct api *a = &apis[i];

		if (strcmp(api, "all") != 0 && strcmp(api, a->name) != 0)
			continue;
		b.errors = 0;
		r = measure(a, ms);
		if (b.errors != 0) {
			printf("ceiling cell=%s size=%u api=%s mops=failed\n",
				cell, b.size, a->name);
			continue;
		}
		printf("ceiling cell=%s size=%u api=%s mops=%.3f\n", cell,
			b.size, a->name, r);
		if (r > best) {
			best = r;
			best_name = a->name;
		}
	}
	qatsec_spin_end();
	printf("ceiling cell=%s size=%u api=best(%s) mops=%.3f arch=evp\n",
		cell, b.size, best_name, best);
	EVP_CIPHER_CTX_free(b.ctx);
	return best > 0 ? 0 : 1;
}
