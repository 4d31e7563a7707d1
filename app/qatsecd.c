/* SPDX-License-Identifier: BSD-3-Clause
 * qatsecd: the resident DPDK primary of a qatsec process group. It probes
 * the endpoints of a configuration directory, creates the section devices
 * and stays up so that secondaries can claim sections; the PMD logs every
 * claim and release and reclaims the sections of dead holders.
 *   qatsecd [EAL options] -- [--config-dir DIR]
 * SIGINT/SIGTERM shut it down cleanly, naming the sections still held and
 * removing the hugepage files of its group (qatsecd_hugepages.c). Under
 * systemd this is qatsecd.service; `qatsec-ctl status` shows the group.
 */
#include <errno.h>
#include <getopt.h>
#include <libgen.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <rte_cryptodev.h>
#include <rte_eal.h>

#include "rte_pmd_qatsec.h"
#define QATSEC_APP_WITH_DPDK
#include "qatsec_app.h"
#include "qatsecd.h"

#ifndef QATSEC_CONFDIR
#define QATSEC_CONFDIR "/etc/qatsec"
#endif

static volatile sig_atomic_t stop;

static void
on_signal(int sig)
{
	stop = sig;
}

static void
usage(FILE *f)
{
	fprintf(f,
		"usage: qatsecd [EAL options] -- [--config-dir DIR]\n"
		"The resident primary of a qatsec process group: serves the internal\n"
		"sections of the endpoint files DIR/<type>_dev<N>.conf as cryptodevs\n"
		"that secondaries claim. SIGINT/SIGTERM stop it cleanly.\n"
		"  --config-dir DIR  endpoint configs (default: the source tree's\n"
		"                    config/ when run from a build tree, else %s)\n"
		"  --help, --version\n"
		"EAL options as for any DPDK app, e.g. -l 0 --no-pci --file-prefix qatsec\n"
		"(the file prefix names the group; secondaries and qatsec-ctl use it).\n"
		"See qatsecd(8).\n", QATSEC_CONFDIR);
}

/* From the tree (build/app/qatsecd) the repository's config/; installed,
 * the configured directory (/etc/qatsec).
 */
static void
default_config_dir(char *out, size_t len)
{
	char exe[PATH_MAX], cand[PATH_MAX + 32], *dir;
	struct stat st;
	ssize_t n;

	snprintf(out, len, "%s", QATSEC_CONFDIR);
	n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n <= 0)
		return;
	exe[n] = '\0';
	/* Only a meson build tree has meson-info/ beside app/: an installed
	 * /usr/bin/qatsecd never picks up some /config.
	 */
	dir = dirname(exe);
	snprintf(cand, sizeof(cand), "%s/../meson-info", dir);
	if (stat(cand, &st) != 0 || !S_ISDIR(st.st_mode))
		return;
	snprintf(cand, sizeof(cand), "%s/../../config", dir);
	if (stat(cand, &st) == 0 && S_ISDIR(st.st_mode) &&
			realpath(cand, exe) != NULL)
		snprintf(out, len, "%s", exe);
}

/* EAL options are before "--", ours after. Returns how many arguments
 * belong to EAL, or -1 on a usage error.
 */
static int
parse_args(int argc, char **argv, char *dir, size_t len)
{
	static const struct option opts[] = {
		{ "config-dir", required_argument, NULL, 'c' },
		{ NULL, 0, NULL, 0 },
	};
	int eal_argc, opt;

	default_config_dir(dir, len);
	for (eal_argc = 1; eal_argc < argc; eal_argc++)
		if (strcmp(argv[eal_argc], "--") == 0)
			break;
	if (eal_argc < argc) {
		int app_argc = argc - eal_argc;
		char **app_argv = argv + eal_argc;

		app_argv[0] = argv[0];
		while ((opt = getopt_long(app_argc, app_argv, "c:", opts,
				NULL)) != -1) {
			if (opt != 'c')
				return -1;
			snprintf(dir, len, "%s", optarg);
		}
		if (optind < app_argc)
			return -1;
	}
	return eal_argc;
}

/* EAL keeps pointers into its argv: eal_argv lives until EAL is down. */
static char **eal_argv;

/* EAL with our vdev appended; must come up as the primary. */
static int
start_eal(int eal_argc, char **argv, const char *conf_dir)
{
	static char vdev[PATH_MAX + 64];
	int i;

	snprintf(vdev, sizeof(vdev), "crypto_qatsec,conf_dir=%s", conf_dir);
	eal_argv = calloc(eal_argc + 3, sizeof(*eal_argv));
	if (eal_argv == NULL)
		return -1;
	for (i = 0; i < eal_argc; i++)
		eal_argv[i] = argv[i];
	eal_argv[i++] = (char *)"--vdev";
	eal_argv[i++] = vdev;
	if (rte_eal_init(i, eal_argv) < 0) {
		fprintf(stderr, "qatsecd: EAL initialisation failed (see the EAL lines above; "
			"hugepages reserved? another primary on this --file-prefix?)\n");
		free(eal_argv);
		return -1;
	}
	if (rte_eal_process_type() != RTE_PROC_PRIMARY) {
		fprintf(stderr, "qatsecd: must be the primary process: a group with this "
			"--file-prefix already runs (stop it, or pick another prefix)\n");
		rte_eal_cleanup();
		free(eal_argv);
		return -1;
	}
	return 0;
}

static void
print_sections(int n, const char *conf_dir)
{
	struct rte_pmd_qatsec_section_info si;
	int i;

	printf("qatsecd: pid %d serving %d internal sections from %s\n",
		(int)getpid(), n, conf_dir);
	for (i = 0; i < n; i++)
		if (rte_pmd_qatsec_section_info(i, &si) == 0)
			printf("qatsecd:   %-24s %-8s %2u instances  %s\n",
				si.name, si.user, si.nb_instances,
				si.dev_id >= 0 ?
				rte_cryptodev_name_get(si.dev_id) : "(no crypto)");
	printf("qatsecd: ready\n");
	fflush(stdout);
}

static int
count_held(int n)
{
	struct rte_pmd_qatsec_section_info si;
	int i, held = 0;

	for (i = 0; i < n; i++) {
		if (rte_pmd_qatsec_section_info(i, &si) != 0 ||
				si.owner_pid == 0)
			continue;
		printf("qatsecd: at shutdown section %s still held by pid %u (%s)\n",
			si.name, si.owner_pid, si.owner_name);
		held++;
	}
	return held;
}

/* EAL down, then the group's hugepage files removed. */
static void
shutdown_group(void)
{
	struct qatsecd_hp_dirs dirs;
	char prefix[PATH_MAX];
	int removed;

	/* The runtime directory is named after the file prefix. */
	snprintf(prefix, sizeof(prefix), "%s", rte_eal_get_runtime_dir());
	qatsecd_hp_collect(&dirs);
	rte_eal_cleanup();
	free(eal_argv);
	removed = qatsecd_hp_remove(&dirs, basename(prefix));
	if (removed != 0)
		printf("qatsecd: removed %d hugepage files\n", removed);
}

int
main(int argc, char **argv)
{
	char dir[PATH_MAX], real[PATH_MAX];
	int eal_argc, n, held;

	qatsec_app_info_opts(argc, argv, "qatsecd", usage);
	eal_argc = parse_args(argc, argv, dir, sizeof(dir));
	if (eal_argc < 0) {
		usage(stderr);
		return 2;
	}
	if (realpath(dir, real) == NULL) {
		fprintf(stderr, "qatsecd: config dir %s: %s (give one with -- --config-dir DIR)\n",
			dir, strerror(errno));
		return 1;
	}
	if (start_eal(eal_argc, argv, real) < 0)
		return 1;
	n = rte_pmd_qatsec_section_count();
	if (n < 0) {
		fprintf(stderr, "qatsecd: no qatsec table (see the errors above for %s; "
			"qatsec-ctl check %s names them)\n", real, real);
		rte_eal_cleanup();
		free(eal_argv);
		return 1;
	}
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	print_sections(n, real);
	while (!stop)
		usleep(100 * 1000);
	held = count_held(n);
	printf("qatsecd: %s, shutting down (%d sections still held)\n",
		strsignal(stop), held);
	fflush(stdout);
	shutdown_group();
	return 0;
}
