/* SPDX-License-Identifier: BSD-3-Clause
 * qatsec-asym-bench: the openssl_asym engine's single-thread rate, called
 * through the engine seam (one op per call, as a burst of one), against
 * `openssl speed` on the same core: RSA-2048 private-key (CRT) sign and
 * public-key verify, ECDSA P-256 sign and verify, and modexp 2048 against
 * a bare BN_mod_exp_mont_consttime loop (openssl speed has no modexp).
 * Rounds are interleaved; the table gives the best round of each and the
 * ratio. Timing on a shared VM is noisy: read ratios, not absolutes.
 * Also the same ops on OpenSSL EVP in this process, interleaved round by
 * round (the robust ratio on a noisy machine).
 *   usage: qatsec-asym-bench [seconds per measurement, default 0.5] [cpu]
 */
#include <sched.h>
#include <time.h>

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/rsa.h>

#include "asym_test.h"

static double secs = 0.5;

static double
now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec + t.tv_nsec * 1e-9;
}

/* Ops per second of op (re-run as it is) for secs. */
static double
rate(struct rte_crypto_op *op)
{
	double t0 = now(), t;
	unsigned long n = 0;

	do {
		for (int i = 0; i < 16; i++, n++)
			if (eng->process(&op, 1) != 0)
				return -1;
		t = now();
	} while (t - t0 < secs);
	return n / (t - t0);
}

static double
rate_modexp_bn(const uint8_t *m, const uint8_t *e, const uint8_t *b)
{
	BIGNUM *M = BN_bin2bn(m, 256, NULL), *E = BN_bin2bn(e, 256, NULL);
	BIGNUM *B = BN_bin2bn(b, 256, NULL), *R = BN_new();
	BN_CTX *ctx = BN_CTX_new();
	BN_MONT_CTX *mont = BN_MONT_CTX_new();
	double t0, t;
	unsigned long n = 0;

	BN_set_flags(E, BN_FLG_CONSTTIME);
	BN_MONT_CTX_set(mont, M, ctx);
	t0 = now();
	do {
		for (int i = 0; i < 16; i++, n++)
			BN_mod_exp_mont_consttime(R, B, E, M, ctx, mont);
		t = now();
	} while (t - t0 < secs);
	BN_free(M);
	BN_free(E);
	BN_free(B);
	BN_free(R);
	BN_MONT_CTX_free(mont);
	BN_CTX_free(ctx);
	return n / (t - t0);
}

/* openssl speed's sign/s and verify/s for "rsa2048" or "ecdsap256". */
static void
speed(const char *alg, int cpu, double *sign, double *verify)
{
	char cmd[256], line[512];
	FILE *p;

	*sign = *verify = 0;
	snprintf(cmd, sizeof(cmd), "taskset -c %d openssl speed -seconds %d "
		"%s 2>/dev/null", cpu, (int)(secs + 0.5) > 0 ?
		(int)(secs + 0.5) : 1, alg);
	p = popen(cmd, "r");
	while (p != NULL && fgets(line, sizeof(line), p) != NULL) {
		double a, b, s, v;

		if (strncmp(alg, "rsa", 3) == 0 && sscanf(line,
				"rsa 2048 bits %lfs %lfs %lf %lf", &a, &b, &s,
				&v) == 4) {
			*sign = s;
			*verify = v;
		}
		if (strncmp(alg, "ecdsa", 5) == 0 && sscanf(line,
				" 256 bits ecdsa (nistp256) %lfs %lfs %lf %lf",
				&a, &b, &s, &v) == 4) {
			*sign = s;
			*verify = v;
		}
	}
	if (p != NULL)
		pclose(p);
}

#include "bench_asym_ops.h"

int
main(int argc, char **argv)
{
	int cpu = argc > 2 ? atoi(argv[2]) : 0, r;
	double best[5] = { 0 }, evp[5] = { 0 }, spd[5] = { 0 }, v[5], e[5];
	double s1, v1;
	static const char *const names[5] = { "RSA-2048 sign (CRT)",
		"RSA-2048 verify", "ECDSA P-256 sign", "ECDSA P-256 verify",
		"modexp 2048 (2048-bit exponent)" };
	struct bench b;
	cpu_set_t set;

	if (argc > 1)
		secs = atof(argv[1]);
	CPU_ZERO(&set);
	CPU_SET(cpu, &set);
	sched_setaffinity(0, sizeof(set), &set);
	if (eng_init() != 0 || bench_make(&b) != 0) {
		printf("engine or keys missing\n");
		return 1;
	}
	/* Interleaved rounds; the best of each (noise only slows). */
	for (r = 0; r < 5; r++) {
		bench_round(&b, v, e);
		for (int i = 0; i < 5; i++) {
			best[i] = RTE_MAX(best[i], v[i]);
			evp[i] = RTE_MAX(evp[i], e[i]);
		}
	}
	for (r = 0; r < 2; r++) {
		speed("rsa2048", cpu, &s1, &v1);
		spd[0] = RTE_MAX(spd[0], s1);
		spd[1] = RTE_MAX(spd[1], v1);
		speed("ecdsap256", cpu, &s1, &v1);
		spd[2] = RTE_MAX(spd[2], s1);
		spd[3] = RTE_MAX(spd[3], v1);
	}
	printf("%-32s %10s %10s %6s %12s %6s\n", "op (one thread, cpu pinned)",
		"qatsec/s", "EVP/s", "ratio", "speed/s", "ratio");
	for (int i = 0; i < 5; i++)
		printf("%-32s %10.0f %10.0f %6.2f %12.0f %6.2f\n", names[i],
			best[i], evp[i], evp[i] > 0 ? best[i] / evp[i] : 0,
			spd[i], spd[i] > 0 ? best[i] / spd[i] : 0);
	printf("EVP: OpenSSL EVP on a ready context in this process, rounds "
		"interleaved (modexp: BN_mod_exp_mont_consttime);\nspeed: "
		"`openssl speed rsa2048 ecdsap256` on cpu %d, after the rounds\n",
		cpu);
	bench_free(&b);
	return 0;
}
