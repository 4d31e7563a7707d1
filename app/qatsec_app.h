/* SPDX-License-Identifier: BSD-3-Clause
 * What every qatsec program does the same way: --help and --version are
 * answered before anything else (no EAL, no hugepages needed), wherever
 * they stand on the command line, and name the program and DPDK versions.
 */
#ifndef QATSEC_APP_H
#define QATSEC_APP_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifdef QATSEC_APP_WITH_DPDK
#include <rte_version.h>
#endif

#ifndef QATSEC_VERSION
#define QATSEC_VERSION "unknown"
#endif

typedef void (*qatsec_usage_fn)(FILE *f);

/* Exits 0 after printing help or version when asked; else returns. */
static inline void
qatsec_app_info_opts(int argc, char **argv, const char *prog,
		qatsec_usage_fn usage)
{
	int i;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--help") == 0 ||
				strcmp(argv[i], "-h") == 0) {
			usage(stdout);
			exit(0);
		}
		if (strcmp(argv[i], "--version") == 0) {
#ifdef QATSEC_APP_WITH_DPDK
			printf("%s (qatsec) %s, on %s\n", prog,
				QATSEC_VERSION, rte_version());
#else
			printf("%s (qatsec) %s\n", prog, QATSEC_VERSION);
#endif
			exit(0);
		}
	}
}

#endif
