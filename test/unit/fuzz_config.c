/* SPDX-License-Identifier: BSD-3-Clause
 * qatsec layer 1 fuzz target: parse up to four endpoint files and expand
 * them, checking the invariants the PMD relies on. The input holds the
 * files separated by lines "%%". Not built by meson (gcc has no
 * libFuzzer): devtools/fuzz.sh builds it with clang and runs it, ~60 s in
 * CI from test/fuzz/corpus/config, or as long as asked:
 *
 *   devtools/fuzz.sh run config build -runs=10000000
 *
 * test_mutate.c links this file too, so the unit suite replays seeded
 * mutations through the same checks under any sanitizer.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qatsec_config.h"

#define FUZZ_MAX_EPS	4

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct qatsec_endpoint_cfg fuzz_eps[FUZZ_MAX_EPS];

/* Several devtypes and a name without index, for their code paths. */
static const char *const fuzz_paths[FUZZ_MAX_EPS] = {
	"f/4xxx_dev0.conf", "f/4xxx_dev1.conf", "f/c6xx_dev2.conf",
	"f/other.conf",
};

#define FUZZ_ASSERT(c) do { \
	if (!(c)) { \
		fprintf(stderr, "%s:%d: invariant broken: %s\n", __FILE__, \
			__LINE__, #c); \
		abort(); \
	} \
} while (0)

/* strnlen is POSIX, not C11: the fuzz build needs no feature macro. */
static size_t
fuzz_len(const char *s, size_t size)
{
	const char *nul = memchr(s, '\0', size);

	return nul != NULL ? (size_t)(nul - s) : size;
}

static const char *
fuzz_next_file(const char *p, const char *end)
{
	for (; end - p >= 4; p++)
		if (memcmp(p, "\n%%\n", 4) == 0)
			return p;
	return NULL;
}

static void
fuzz_check_table(const struct qatsec_section_table *tbl, uint32_t nb_eps)
{
	uint32_t s, i, next = 0;

	for (s = 0; s < tbl->nb_sections; s++) {
		const struct qatsec_int_section *sec = &tbl->sections[s];
		size_t len = fuzz_len(sec->name, sizeof(sec->name));

		FUZZ_ASSERT(len >= 1 && len <= QATSEC_INT_NAME_MAX);
		FUZZ_ASSERT(fuzz_len(sec->user, sizeof(sec->user)) < len);
		FUZZ_ASSERT(sec->first_inst == next);
		FUZZ_ASSERT(sec->nb_cy <= sec->nb_inst);
		FUZZ_ASSERT(sec->process < QATSEC_MAX_PROCESSES);
		FUZZ_ASSERT(sec->ep == -1 || (uint32_t)sec->ep < nb_eps);
		next += sec->nb_inst;
		FUZZ_ASSERT(next <= tbl->nb_inst);
		for (i = 0; i < sec->nb_inst; i++) {
			const struct qatsec_int_inst *in =
				&tbl->inst[sec->first_inst + i];

			FUZZ_ASSERT(in->type == (i < sec->nb_cy ?
				QATSEC_INST_CY : QATSEC_INST_DC));
			FUZZ_ASSERT(in->ep < nb_eps);
			FUZZ_ASSERT(sec->ep == -1 || sec->ep == in->ep);
			FUZZ_ASSERT(in->inst < QATSEC_MAX_INSTANCES);
			FUZZ_ASSERT(in->core >= -1 &&
				in->core <= QATSEC_MAX_CORE);
			FUZZ_ASSERT(in->poll_mode == QATSEC_POLL_POLLED ||
				in->poll_mode == QATSEC_POLL_EPOLL);
			FUZZ_ASSERT(fuzz_len(in->name, sizeof(in->name)) >= 1 &&
				fuzz_len(in->name, sizeof(in->name)) <=
				QATSEC_INST_NAME_MAX);
		}
		i = (uint32_t)qatsec_sections_find_user(tbl, sec->user, 0);
		FUZZ_ASSERT(i <= s);
		FUZZ_ASSERT(qatsec_sections_find_user(tbl, sec->user, s) ==
			(int)s);
	}
	FUZZ_ASSERT(next == tbl->nb_inst);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *p = (const char *)data, *end = p + size;
	struct qatsec_section_table tbl;
	struct qatsec_diags diags;
	uint32_t n = 0, i, s;
	int rc, ok = 1;

	memset(&diags, 0, sizeof(diags));
	while (n < FUZZ_MAX_EPS) {
		const char *sep = fuzz_next_file(p, end);
		size_t len = sep != NULL ? (size_t)(sep - p) + 1 :
			(size_t)(end - p);

		rc = qatsec_config_parse(fuzz_paths[n], p, len, n, &fuzz_eps[n],
			&diags);
		FUZZ_ASSERT(rc == 0 || rc == -22);
		ok &= rc == 0;
		n++;
		if (sep == NULL)
			break;
		p = sep + 4;
	}
	FUZZ_ASSERT(diags.nb <= QATSEC_MAX_DIAGS);
	FUZZ_ASSERT(diags.nb <= diags.nb_errors + diags.nb_warnings);
	FUZZ_ASSERT(ok || diags.nb_errors != 0);
	for (i = 0; i < diags.nb; i++)
		FUZZ_ASSERT(memchr(diags.d[i].msg, '\0',
			sizeof(diags.d[i].msg)) != NULL);
	for (i = 0; i < n; i++)
		for (s = 0; s < fuzz_eps[i].nb_sections; s++)
			FUZZ_ASSERT(qatsec_inst_core(
				&fuzz_eps[i].sections[s].inst[0][0], s) <=
				QATSEC_MAX_CORE);
	/* Expansion must cope with endpoints that had errors too. */
	rc = qatsec_sections_expand(fuzz_eps, n, &tbl, &diags);
	FUZZ_ASSERT(rc == 0 || rc == -22);
	if (rc == 0)
		fuzz_check_table(&tbl, n);
	else
		FUZZ_ASSERT(tbl.nb_sections == 0 && tbl.sections == NULL);
	qatsec_sections_free(&tbl);
	return 0;
}
