/* SPDX-License-Identifier: BSD-3-Clause
 * qatsec-config: check a directory of QAT endpoint files and print the
 * internal sections they expand to, in first-fit claim order. Layer 1
 * only (no EAL), so it runs anywhere, before any primary is started;
 * `qatsec-ctl check` runs it. --json prints one JSON object for scripts.
 * Exit status: 0 valid (warnings allowed), 1 errors, 2 usage.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qatsec_app.h"
#include "qatsec_config.h"

static void
usage(FILE *f)
{
	fprintf(f, "usage: qatsec-config [--json] CONFIG_DIR\n"
		"Checks every <type>_dev<N>.conf in CONFIG_DIR as the crypto_qatsec PMD\n"
		"reads it and prints the internal sections they expand to, in claim order.\n"
		"Errors and warnings go to stderr (with --json: into the object).\n"
		"Exit: 0 valid (warnings allowed), 1 errors, 2 usage. --help, --version.\n");
}

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

/* A JSON string: config text is untrusted, so escape everything below 0x20. */
static void
json_str(const char *s)
{
	putchar('"');
	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\')
			printf("\\%c", c);
		else if (c < 0x20)
			printf("\\u%04x", c);
		else
			putchar(c);
	}
	putchar('"');
}

static void
json_diags(const struct qatsec_diags *d)
{
	uint32_t i;

	printf("\"errors\": %u, \"warnings\": %u, \"diagnostics\": [",
		d->nb_errors, d->nb_warnings);
	for (i = 0; i < d->nb; i++) {
		printf("%s{\"level\": ", i ? ", " : "");
		json_str(qatsec_diag_level_str(d->d[i].level));
		printf(", \"message\": ");
		json_str(d->d[i].msg);
		printf("}");
	}
	printf("]");
}

static void
json_section(const struct qatsec_endpoint_cfg *eps,
		const struct qatsec_section_table *t, uint32_t i)
{
	const struct qatsec_int_section *s = &t->sections[i];
	uint32_t k;

	printf("{\"name\": ");
	json_str(s->name);
	printf(", \"user\": ");
	json_str(s->user);
	printf(", \"cy\": %u, \"instances\": [", s->nb_cy);
	for (k = s->first_inst; k < s->first_inst + s->nb_inst; k++) {
		const struct qatsec_int_inst *in = &t->inst[k];

		printf("%s{\"endpoint\": %u, \"type\": \"%s\", \"name\": ",
			k > s->first_inst ? ", " : "", eps[in->ep].index,
			in->type == QATSEC_INST_DC ? "dc" : "cy");
		json_str(in->name);
		printf(", \"core\": %d}", in->core);
	}
	printf("]}");
}

static void
print_json(const struct qatsec_endpoint_cfg *eps,
		const struct qatsec_section_table *t,
		const struct qatsec_diags *d, int valid)
{
	uint32_t i;

	printf("{\"valid\": %s, ", valid ? "true" : "false");
	json_diags(d);
	printf(", \"sections\": [");
	for (i = 0; valid && i < t->nb_sections; i++) {
		printf("%s", i ? ", " : "");
		json_section(eps, t, i);
	}
	printf("], \"nb_instances\": %u}\n", valid ? t->nb_inst : 0);
}

int
main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "json", no_argument, NULL, 'j' },
		{ NULL, 0, NULL, 0 },
	};
	struct qatsec_section_table t = { 0 };
	struct qatsec_endpoint_cfg *eps;
	struct qatsec_diags *d;
	int nb, opt, json = 0, ret = 1;

	qatsec_app_info_opts(argc, argv, "qatsec-config", usage);
	while ((opt = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (opt != 'j') {
			usage(stderr);
			return 2;
		}
		json = 1;
	}
	if (optind != argc - 1) {
		usage(stderr);
		return 2;
	}
	eps = calloc(QATSEC_MAX_ENDPOINTS, sizeof(*eps));
	d = calloc(1, sizeof(*d));
	if (eps == NULL || d == NULL) {
		fprintf(stderr, "qatsec-config: out of memory\n");
		return 1;
	}
	nb = qatsec_config_load_dir(argv[optind], eps, d);
	if (nb >= 0)
		ret = qatsec_sections_expand(eps, nb, &t, d) < 0;
	if (json) {
		print_json(eps, &t, d, ret == 0);
	} else {
		print_diags(d);
		if (ret == 0)
			print_table(eps, &t);
	}
	qatsec_sections_free(&t);
	free(d);
	free(eps);
	return ret;
}
