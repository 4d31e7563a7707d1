/* SPDX-License-Identifier: BSD-3-Clause
 * libFuzzer target: the PMD's devargs parsing (qatsec_devargs_parse(),
 * DPDK's rte_kvargs underneath) on arbitrary strings. Whatever the input,
 * it returns, and what it accepted is within the bounds the probe relies
 * on; a value it accepted parses back to the same value. Built outside
 * meson with clang by devtools/fuzz.sh.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qatsec_devargs.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FUZZ_ASSERT(c) do { \
	if (!(c)) { \
		fprintf(stderr, "fuzz_devargs: %s:%d: %s\n", __FILE__, \
			__LINE__, #c); \
		abort(); \
	} \
} while (0)

/* The fields a accepted are NUL-terminated, in range. */
static void
check_bounds(const struct qatsec_args *a)
{
	FUZZ_ASSERT(memchr(a->conf_dir, '\0', sizeof(a->conf_dir)) != NULL);
	FUZZ_ASSERT(memchr(a->section, '\0', sizeof(a->section)) != NULL);
	FUZZ_ASSERT(a->numa_node >= -1 && a->numa_node < RTE_MAX_NUMA_NODES);
	FUZZ_ASSERT(a->wait_ms >= 0 && a->wait_ms <= 3600 * 1000);
	FUZZ_ASSERT(a->sym_api >= QATSEC_SYM_API_UNSET &&
		a->sym_api <= QATSEC_SYM_API_CPU);
}

/* A value is printable back as key=value when kvargs would read it whole. */
static int
plain(const char *v)
{
	return v[0] != '\0' && strpbrk(v, ",=[]") == NULL;
}

/* What was accepted, printed and parsed again, gives the same values. */
static void
check_roundtrip(const struct qatsec_args *a)
{
	static char buf[2 * sizeof(a->conf_dir)];
	struct qatsec_args b;
	int n = 0;

	if (a->conf_dir[0] != '\0') {
		if (!plain(a->conf_dir))
			return;
		n += snprintf(buf + n, sizeof(buf) - n, "%s=%s,",
			QATSEC_ARG_CONF_DIR, a->conf_dir);
	}
	if (a->section[0] != '\0') {
		if (!plain(a->section))
			return;
		n += snprintf(buf + n, sizeof(buf) - n, "%s=%s,",
			QATSEC_ARG_SECTION, a->section);
	}
	if (a->numa_node >= 0)
		n += snprintf(buf + n, sizeof(buf) - n, "%s=%d,",
			QATSEC_ARG_NUMA_NODE, a->numa_node);
	if (a->sym_api != QATSEC_SYM_API_UNSET)
		n += snprintf(buf + n, sizeof(buf) - n, "%s=%s,",
			QATSEC_ARG_SYM_API,
			a->sym_api == QATSEC_SYM_API_CPU ? "cpu" : "raw");
	n += snprintf(buf + n, sizeof(buf) - n, "%s=%d",
		QATSEC_ARG_WAIT, a->wait_ms);
	FUZZ_ASSERT(qatsec_devargs_parse(buf, &b) == QATSEC_ARGS_OK);
	FUZZ_ASSERT(strcmp(a->conf_dir, b.conf_dir) == 0);
	FUZZ_ASSERT(strcmp(a->section, b.section) == 0);
	FUZZ_ASSERT(a->numa_node == b.numa_node);
	FUZZ_ASSERT(a->wait_ms == b.wait_ms);
	FUZZ_ASSERT(a->sym_api == b.sym_api);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct qatsec_args a;
	enum qatsec_args_err err;
	char *s;

	/* An exact-size copy: a read past its end is ASan's to see. */
	s = malloc(size + 1);
	if (s == NULL)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	err = qatsec_devargs_parse(s, &a);
	FUZZ_ASSERT(err >= QATSEC_ARGS_OK && err <= QATSEC_ARGS_SYM_API);
	check_bounds(&a);
	if (err == QATSEC_ARGS_OK)
		check_roundtrip(&a);
	free(s);
	return 0;
}
