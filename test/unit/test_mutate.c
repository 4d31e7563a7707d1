/* SPDX-License-Identifier: BSD-3-Clause
 * qatsec layer 1 mutation smoke test: a deterministic stand-in for the
 * fuzzer (fuzz_config.c) in the normal unit suite, so that every build,
 * sanitized ones included, replays 20000 seeded mutations of the seed and
 * default files through parse + expand and the fuzzer's invariants.
 */
#include <time.h>

#include "unit.h"

#define ITERATIONS	20000
#define BUF_MAX		(256 * 1024)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static uint64_t rng = 0x9e3779b97f4a7c15ull;

static uint32_t
rnd(uint32_t n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return n != 0 ? (uint32_t)(rng % n) : 0;
}

static const char *const dict[] = {
	"[SSL]", "[IPsec]", "[ipsec]", "[GENERAL]", "[KERNEL]", "[KERNEL_QAT]",
	"[SSL_DEV0]", "[A_INT_0]", "NumProcesses=", "NumProcesses=64\n",
	"LimitDevAccess=1\n", "LimitDevAccess=0\n", "NumCyInstances=",
	"NumberCyInstances=32\n", "NumberDcInstances=", "NumDcInstances=2\n",
	"Cy0Name=", "Cy31Name=\"x\"\n", "Dc0Name=\"", "Dc1Name=d\n",
	"Cy0CoreAffinity=0-4095,", "Cy1IsPolled=2\n", "Cy0IsPolled=0\n",
	"ServicesEnabled=", "sym;dc", "cy", "asym;", "dc", "64", "32", "33",
	"0", "1", "4294967296", "99999999999999999999", "\r\n", "\n%%\n",
	"#", "\"", "BankNumber", "RingSymTx", "_DEV0", "_INT_0", "=", "\n",
	"NumaNode=3\n", "CyNumConcurrentSymRequests=65536\n",
};

static const char specials[] = "[]=#\"\n\r\t;,- 0123456789";

static size_t
mutate(char *buf, size_t len)
{
	uint32_t k, nb = 1 + rnd(8);

	for (k = 0; k < nb; k++) {
		size_t pos = len ? rnd((uint32_t)len + 1) : 0, n;
		const char *tok;

		switch (rnd(6)) {
		case 0:		/* overwrite a byte */
			if (len > 0)
				buf[rnd((uint32_t)len)] = (char)rnd(256);
			break;
		case 1:		/* insert a token */
			tok = dict[rnd(sizeof(dict) / sizeof(dict[0]))];
			n = strlen(tok);
			if (len + n > BUF_MAX)
				break;
			memmove(buf + pos + n, buf + pos, len - pos);
			memcpy(buf + pos, tok, n);
			len += n;
			break;
		case 2:		/* delete a range */
			n = rnd(32);
			if (pos + n > len)
				n = len - pos;
			memmove(buf + pos, buf + pos + n, len - pos - n);
			len -= n;
			break;
		case 3:		/* duplicate a range */
			n = rnd(128);
			if (pos + n > len)
				n = len - pos;
			if (len + n > BUF_MAX)
				break;
			memmove(buf + pos + n, buf + pos, len - pos);
			len += n;
			break;
		case 4:		/* insert a syntax character or a NUL */
			if (len + 1 > BUF_MAX)
				break;
			memmove(buf + pos + 1, buf + pos, len - pos);
			buf[pos] = rnd(16) == 0 ? '\0' :
				specials[rnd(sizeof(specials) - 1)];
			len++;
			break;
		default:	/* a very long line */
			if (rnd(64) != 0 || len + 100000 > BUF_MAX)
				break;
			memmove(buf + pos + 100000, buf + pos, len - pos);
			memset(buf + pos, rnd(2) ? 'x' : '9', 100000);
			len += 100000;
			break;
		}
	}
	return len;
}

static char *
seed(const char *dir, const char *name, size_t *len)
{
	char path[4096];
	char *s;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	s = ut_read_file(path, len);
	if (s == NULL)
		printf("# cannot read %s\n", path);
	return s;
}

int
main(int argc, char **argv)
{
	const char *dir = argc > 1 ? argv[1] : "config";
	size_t len[3], slen[4], n;
	char *f[3], *seeds[4], *buf;
	struct timespec t0, t1;
	uint32_t i;

	f[0] = seed(dir, "4xxx_dev0.conf", &len[0]);
	f[1] = seed(dir, "4xxx_dev1.conf", &len[1]);
	f[2] = seed(dir, "default/4xxx_dev0.conf", &len[2]);
	buf = malloc(BUF_MAX);
	UT_CHECK(f[0] != NULL && f[1] != NULL && f[2] != NULL && buf != NULL);
	if (ut_failed) {
		ut_report("seed files");
		return ut_done();
	}
	/* dev0 + dev1, default alone, dev0 alone, all three */
	for (i = 0; i < 4; i++)
		seeds[i] = malloc(len[0] + len[1] + len[2] + 16);
	slen[0] = (size_t)sprintf(seeds[0], "%s%%%%\n%s", f[0], f[1]);
	slen[1] = (size_t)sprintf(seeds[1], "%s", f[2]);
	slen[2] = (size_t)sprintf(seeds[2], "%s", f[0]);
	slen[3] = (size_t)sprintf(seeds[3], "%s%%%%\n%s%%%%\n%s", f[1], f[2],
		f[0]);
	for (i = 0; i < 4; i++)
		LLVMFuzzerTestOneInput((const uint8_t *)seeds[i], slen[i]);
	ut_report("seed inputs pass the fuzz invariants");

	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (i = 0; i < ITERATIONS; i++) {
		uint32_t s = rnd(4);

		memcpy(buf, seeds[s], slen[s]);
		n = mutate(buf, slen[s]);
		/* exact-size copy: reads past the end are caught */
		{
			char *exact = malloc(n ? n : 1);

			memcpy(exact, buf, n);
			LLVMFuzzerTestOneInput((const uint8_t *)exact, n);
			free(exact);
		}
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	printf("# %d mutations in %.2f s\n", ITERATIONS,
		(double)(t1.tv_sec - t0.tv_sec) +
		(double)(t1.tv_nsec - t0.tv_nsec) / 1e9);
	ut_report("seeded mutations through parse and expand");
	for (i = 0; i < 4; i++)
		free(seeds[i]);
	for (i = 0; i < 3; i++)
		free(f[i]);
	free(buf);
	return ut_done();
}
