/* SPDX-License-Identifier: BSD-3-Clause
 * libFuzzer target: the PMD's telemetry handlers (qatsec_telemetry.c,
 * compiled into this file so that its handlers are instrumented) on
 * arbitrary parameter strings, through DPDK's own telemetry socket and
 * JSON rendering (which frees the answer's containers), against the table
 * a real crypto_qatsec probe built in this process (EAL, --no-huge, the
 * PMD loaded with -d; QATSEC_FUZZ_CONF names the config directory,
 * QATSEC_FUZZ_PREFIX the --file-prefix, whose runtime dir the caller
 * removes). The handlers are registered again as /fuzz/<cmd>: the PMD's
 * own (uninstrumented) keep /qatsec/<cmd>. The first input byte picks the
 * command, the rest up to a NUL is its parameter. Whatever the parameter,
 * the answer is one JSON object under 16 KiB naming the command, nothing
 * leaks (LeakSanitizer), and every valid parameter gets a non-null answer.
 * Built outside meson with clang by devtools/fuzz.sh.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/un.h>

#include <rte_eal.h>
#include <rte_memzone.h>
#include <rte_telemetry.h>

#include "../../drivers/crypto/qatsec/qatsec_telemetry.c"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The PMD's own qatsec_table() is not exported: find its table as every
 * secondary does, by the memzone's name.
 */
struct qatsec_table *
qatsec_table(void)
{
	const struct rte_memzone *mz = rte_memzone_lookup(QATSEC_TABLE_MZ);

	return mz != NULL && ((struct qatsec_table *)mz->addr)->magic ==
		QATSEC_TABLE_MAGIC ? mz->addr : NULL;
}

#define FUZZ_ASSERT(c) do { \
	if (!(c)) { \
		fprintf(stderr, "fuzz_telemetry: %s:%d: %s\n", __FILE__, \
			__LINE__, #c); \
		abort(); \
	} \
} while (0)

/* The claim layer's counters live in the PMD's copy of it (process-local,
 * not exported): the handlers read zeros here, through the same code.
 */
void
qatsec_claim_stats_get(struct qatsec_claim_stats *s)
{
	memset(s, 0, sizeof(*s));
}

void
qatsec_eal_watch_stats_get(struct qatsec_eal_watch_stats *s)
{
	memset(s, 0, sizeof(*s));
}

typedef int (*tel_fn)(const char *, const char *, struct rte_tel_data *);

static const struct {
	const char *cmd;
	tel_fn fn;
} cmds[] = {
	{ "/fuzz/summary", tel_summary },
	{ "/fuzz/endpoints", tel_endpoints },
	{ "/fuzz/endpoint", tel_endpoint },
	{ "/fuzz/sections", tel_sections },
	{ "/fuzz/section", tel_section },
};

static int sock = -1;

static int
fuzz_connect(void)
{
	struct sockaddr_un sun = { .sun_family = AF_UNIX };
	static char hello[4096];
	unsigned int i;

	for (i = 0; i < RTE_DIM(cmds); i++)
		rte_telemetry_register_cmd(cmds[i].cmd, cmds[i].fn, "fuzz");
	snprintf(sun.sun_path, sizeof(sun.sun_path), "%s/dpdk_telemetry.v2",
		rte_eal_get_runtime_dir());
	sock = socket(AF_UNIX, SOCK_SEQPACKET, 0);
	if (sock < 0 || connect(sock, (struct sockaddr *)&sun,
			sizeof(sun)) != 0 || recv(sock, hello, sizeof(hello), 0) <= 0) {
		fprintf(stderr, "fuzz_telemetry: cannot connect to %s\n",
			sun.sun_path);
		exit(2);
	}
	return 0;
}

int
LLVMFuzzerInitialize(int *argc __rte_unused, char ***argv __rte_unused)
{
	static char vdev[1200];
	const char *conf = getenv("QATSEC_FUZZ_CONF");
	char *prefix = getenv("QATSEC_FUZZ_PREFIX");
	char *eal[] = {
		"fuzz_telemetry", "--no-huge", "-m", "256", "--no-pci",
		"--no-shconf", "--file-prefix", prefix, "-l", "0",
		"--log-level=pmd.crypto.qatsec:warning",
		"-d", "librte_crypto_qatsec.so", "--vdev", vdev, NULL,
	};

	if (conf == NULL || prefix == NULL) {
		fprintf(stderr, "fuzz_telemetry: set QATSEC_FUZZ_CONF (a config directory) and QATSEC_FUZZ_PREFIX (a --file-prefix)\n");
		exit(2);
	}
	snprintf(vdev, sizeof(vdev), "crypto_qatsec,conf_dir=%s", conf);
	if (rte_eal_init(RTE_DIM(eal) - 1, eal) < 0 || qatsec_table() == NULL) {
		fprintf(stderr, "fuzz_telemetry: EAL or crypto_qatsec probe failed\n");
		exit(2);
	}
	return fuzz_connect();
}

/* Whether p is a parameter the command must answer. */
static int
valid(tel_fn fn, const char *p)
{
	const struct qatsec_table *t = qatsec_table();
	char *end;
	unsigned long n;
	uint32_t i;

	if (fn == tel_summary || fn == tel_endpoints)
		return 1;
	if (fn == tel_section) {
		for (i = 0; i < t->nb_sections; i++)
			if (strcasecmp(qatsec_tbl_sections(t)[i].name, p) == 0)
				return 1;
		return 0;
	}
	if (*p == '\0')
		return fn == tel_sections;
	if (*p < '0' || *p > '9')
		return 0;
	errno = 0;
	n = strtoul(p, &end, 10);
	if (errno != 0 || *end != '\0')
		return 0;
	if (fn == tel_sections)
		return n < pages_of(t) || n == 0;
	for (i = 0; i < t->nb_eps; i++)
		if (t->eps[i].index == n)
			return 1;
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char req[1024], ans[1 << 17];
	char head[64];
	size_t plen, hlen;
	ssize_t n;
	int i;

	if (size == 0)
		return 0;
	i = data[0] % RTE_DIM(cmds);
	plen = strnlen((const char *)data + 1, size - 1);
	/* DPDK reads at most 1024 bytes of a request. */
	if (plen > sizeof(req) - 64)
		return 0;
	snprintf(req, sizeof(req), "%s,%.*s", cmds[i].cmd, (int)plen,
		(const char *)data + 1);
	FUZZ_ASSERT(send(sock, req, strlen(req), 0) == (ssize_t)strlen(req));
	n = recv(sock, ans, sizeof(ans) - 1, 0);
	FUZZ_ASSERT(n > 0);
	ans[n] = '\0';
	FUZZ_ASSERT(n < 16384);
	hlen = snprintf(head, sizeof(head), "{\"%s\":", cmds[i].cmd);
	if (getenv("QATSEC_FUZZ_SHOW") != NULL)
		fprintf(stderr, "%s -> %s\n", req, ans);
	FUZZ_ASSERT(strncmp(ans, head, hlen) == 0 && ans[n - 1] == '}');
	if (valid(cmds[i].fn, strchr(req, ',') + 1))
		FUZZ_ASSERT(strcmp(ans + hlen, "null}") != 0);
	return 0;
}
