/* SPDX-License-Identifier: BSD-3-Clause
 * qatsec-config: check a directory of QAT endpoint files and print the
 * internal sections they expand to, in first-fit claim order. Layer 1
 * only (no EAL), so it runs anywhere, before any primary is started.
 * Exit status: 0 valid (warnings allowed), 1 errors, 2 usage.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qatsec_config.h"

static void
print_diags(const struct qatsec_diags *d)
{
	uint32_t i;

	for (i = 0; i < d->nb; i++)
		fprintf(stderr, "%s: %s\n", qatsec_diag_level_str(d->d[i].level),
			d->d[i].msg);
	if (d->nb_errors + d->nb_warnings > d->nb)
		fprintf(stderr, "... and %u more\n",
			d->nb_errors + d->nb_warnings - d->nb);
}

static void
print_table(const struct qatsec_endpoint_cfg *eps,
		const struct qatsec_section_table *t)
{
	uint32_t i, k;

	printf("%-24s %-10s %-5s %s\n", "internal section", "user", "cy",
		"instances (endpoint:name@core)");
	for (i = 0; i < t->nb_sections; i++) {
		const struct qatsec_int_section *s = &t->sections[i];

		printf("%-24s %-10s %-5u", s->name, s->user, s->nb_cy);
		for (k = s->first_inst; k < s->first_inst + s->nb_inst; k++) {
			const struct qatsec_int_inst *in = &t->inst[k];

			printf(" dev%u:%s%s", eps[in->ep].index,
				in->type == QATSEC_INST_DC ? "dc:" : "",
				in->name);
			if (in->core >= 0)
				printf("@%d", in->core);
		}
		printf("\n");
	}
	printf("%u internal sections, %u instances\n", t->nb_sections,
		t->nb_inst);
}

int
main(int argc, char **argv)
{
	struct qatsec_section_table t = { 0 };
	struct qatsec_endpoint_cfg *eps;
	struct qatsec_diags *d;
	int nb, ret = 1;

	if (argc != 2 || argv[1][0] == '-') {
		fprintf(stderr, "usage: %s CONFIG_DIR\n", argv[0]);
		return 2;
	}
	eps = calloc(QATSEC_MAX_ENDPOINTS, sizeof(*eps));
	d = calloc(1, sizeof(*d));
	if (eps == NULL || d == NULL) {
		fprintf(stderr, "out of memory\n");
		return 1;
	}
	nb = qatsec_config_load_dir(argv[1], eps, d);
	if (nb >= 0)
		ret = qatsec_sections_expand(eps, nb, &t, d) < 0;
	print_diags(d);
	if (ret == 0)
		print_table(eps, &t);
	qatsec_sections_free(&t);
	free(d);
	free(eps);
	return ret;
}
