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
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/evp.h>

#include "qatsec_ceiling.h"

#define MAX_BURST	QATSEC_CEILING_BURST_MAX

static struct {
	unsigned int size, burst;
	EVP_CIPHER_CTX *ctx;
	uint8_t *buf[MAX_BURST];	/* this burst's, from pool */
	uint8_t **pool;
	unsigned int npool, next;
	uint8_t iv[MAX_BURST][16];
	unsigned long errors;		/* keeps the results alive */
} b;

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

static void
next_buffers(void)
{
	qatsec_ceiling_next(b.buf, b.burst, b.pool, b.npool, &b.next);
}

static double
measure(const struct api *a, unsigned int ms)
{
	return qatsec_ceiling_measure(next_buffers, a->burst, NULL, b.burst,
		b.npool, ms);
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
	b.pool = qatsec_ceiling_pool(b.npool, b.size);
	if (b.pool == NULL)
		return -1;
	for (i = 0; i < b.burst; i++)
		memset(b.iv[i], (int)(i + 1), sizeof(b.iv[i]));
	return 0;
}

int
main(int argc, char **argv)
{
	struct qatsec_ceiling_opts o;
	const char *best_name = "none";
	double best = 0, r;
	unsigned int i;

	if (qatsec_ceiling_parse(argc, argv, "qatsec-ceiling-evp", usage, false,
			&o) != 0)
		return 2;
	/* XTS needs at least one block; crypto-perf's sizes are whole bytes. */
	if (strcmp(o.cell, "aes-xts-256") != 0 || o.size < 16) {
		usage(stderr);
		return 2;
	}
	b.size = o.size;
	b.burst = o.burst;
	b.npool = o.npool;
	if (qatsec_ceiling_pin(o.cpu) != 0)
		return 1;
	if (setup() != 0) {
		fprintf(stderr, "qatsec-ceiling-evp: EVP setup failed\n");
		return 1;
	}
	if (qatsec_spin_start(o.spin_cpu) != 0)
		return 1;
	for (i = 0; i < sizeof(apis) / sizeof(apis[0]); i++) {
		const struct api *a = &apis[i];

		if (strcmp(o.api, "all") != 0 && strcmp(o.api, a->name) != 0)
			continue;
		b.errors = 0;
		r = measure(a, o.ms);
		if (b.errors != 0) {
			printf("ceiling cell=%s size=%u api=%s mops=failed\n",
				o.cell, b.size, a->name);
			continue;
		}
		printf("ceiling cell=%s size=%u api=%s mops=%.3f\n", o.cell,
			b.size, a->name, r);
		if (r > best) {
			best = r;
			best_name = a->name;
		}
	}
	qatsec_spin_end();
	printf("ceiling cell=%s size=%u api=best(%s) mops=%.3f arch=evp\n",
		o.cell, b.size, best_name, best);
	EVP_CIPHER_CTX_free(b.ctx);
	return best > 0 ? 0 : 1;
}
