/* SPDX-License-Identifier: BSD-3-Clause
 * qatsec-claimlat: how long a section claim and its release take, as an
 * application sees them. A secondary of a running primary (qatsecd) claims
 * a section with rte_pmd_qatsec_user_start() and gives it back with
 * rte_pmd_qatsec_user_stop(), round after round, and prints the
 * percentiles of the round trip and of each half:
 *   qatsec-claimlat [EAL] -- --section NAME [--rounds N] [--warmup N]
 * Output (nanoseconds):
 *   claimlat what=roundtrip|claim|release rounds=N p50=.. p90=.. p99=.. max=..
 * Exit: 0 ok, 1 a claim or release failed, 2 usage.
 */
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rte_common.h>
#include <rte_cycles.h>
#include <rte_eal.h>

#include "rte_pmd_qatsec.h"
#define QATSEC_APP_WITH_DPDK
#include "qatsec_app.h"

static void
usage(FILE *f)
{
	fprintf(f, "usage: qatsec-claimlat [EAL options] -- --section NAME [--rounds N] [--warmup N]\n"
		"A secondary of a running qatsecd: claims and releases a section of user\n"
		"section NAME round after round and prints the percentiles (ns) of the\n"
		"round trip, the claim and the release. --help, --version.\n");
}

static int
cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

/* Nearest-rank percentile of sorted v[0..n-1]. */
static uint64_t
pct(const uint64_t *v, unsigned int n, unsigned int p)
{
	unsigned int k = (unsigned int)(((uint64_t)p * n + 99) / 100);

	return v[k == 0 ? 0 : k - 1];
}

static void
report(const char *what, uint64_t *v, unsigned int n)
{
	qsort(v, n, sizeof(*v), cmp_u64);
	printf("claimlat what=%s rounds=%u p50=%" PRIu64 " p90=%" PRIu64
		" p99=%" PRIu64 " max=%" PRIu64 "\n", what, n, pct(v, n, 50),
		pct(v, n, 90), pct(v, n, 99), v[n - 1]);
}

int
main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "section", required_argument, NULL, 's' },
		{ "rounds", required_argument, NULL, 'r' },
		{ "warmup", required_argument, NULL, 'w' },
		{ NULL, 0, NULL, 0 },
	};
	static struct rte_pmd_qatsec_claim claim;
	const char *section = NULL;
	unsigned int rounds = 10000, warmup = 100, i;
	uint64_t *rt, *cl, *rel, t0, t1, t2, hz;
	int ret, o;

	qatsec_app_info_opts(argc, argv, "qatsec-claimlat", usage);
	ret = rte_eal_init(argc, argv);
	if (ret < 0) {
		fprintf(stderr, "qatsec-claimlat: EAL init failed (is qatsecd running with this --file-prefix? --proc-type=secondary given?)\n");
		return 1;
	}
	argc -= ret;
	argv += ret;
	while ((o = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (o) {
		case 's': section = optarg; break;
		case 'r': rounds = (unsigned int)strtoul(optarg, NULL, 10); break;
		case 'w': warmup = (unsigned int)strtoul(optarg, NULL, 10); break;
		default:
			usage(stderr);
			return 2;
		}
	}
	if (section == NULL || rounds == 0) {
		fprintf(stderr, "qatsec-claimlat: --section NAME is required\n");
		return 2;
	}
	rt = calloc(rounds, sizeof(*rt));
	cl = calloc(rounds, sizeof(*cl));
	rel = calloc(rounds, sizeof(*rel));
	if (rt == NULL || cl == NULL || rel == NULL)
		return 1;
	hz = rte_get_tsc_hz();
	for (i = 0; i < warmup + rounds; i++) {
		t0 = rte_rdtsc_precise();
		ret = rte_pmd_qatsec_user_start(section, 0, &claim);
		t1 = rte_rdtsc_precise();
		if (ret == 0)
			ret = rte_pmd_qatsec_user_stop();
		t2 = rte_rdtsc_precise();
		if (ret != 0) {
			fprintf(stderr, "qatsec-claimlat: round %u: %s\n", i,
				strerror(-ret));
			rte_eal_cleanup();
			return 1;
		}
		if (i < warmup)
			continue;
		cl[i - warmup] = (t1 - t0) * 1000000000ull / hz;
		rel[i - warmup] = (t2 - t1) * 1000000000ull / hz;
		rt[i - warmup] = (t2 - t0) * 1000000000ull / hz;
	}
	printf("claimlat section=%s held=%s\n", section, claim.section);
	report("roundtrip", rt, rounds);
	report("claim", cl, rounds);
	report("release", rel, rounds);
	free(rt);
	free(cl);
	free(rel);
	rte_eal_cleanup();
	return 0;
}
