/* SPDX-License-Identifier: BSD-3-Clause
 * qatsecd: the resident DPDK primary of a qatsec process group. It probes
 * the endpoints of a configuration directory, creates the section devices
 * and stays up so that secondaries can claim sections; the PMD logs every
 * claim and release and reclaims the sections of dead holders.
 *   qatsecd [EAL options] -- [--config-dir DIR]
 * SIGINT/SIGTERM shut it down cleanly, naming the sections still held and
 * removing the hugepage files it created (DPDK leaves them for a next
 * primary to reuse; an operator stopping the daemon wants them gone).
 */
#include <dirent.h>
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
#include <rte_memory.h>

#include "rte_pmd_qatsec.h"

static volatile sig_atomic_t stop;

static void
on_signal(int sig)
{
	stop = sig;
}

/* From the tree (build/app/qatsecd) the repository's config/; installed,
 * /etc/qatsec.
 */
static void
default_config_dir(char *out, size_t len)
{
	char exe[PATH_MAX], cand[PATH_MAX + 32];
	struct stat st;
	ssize_t n;

	snprintf(out, len, "/etc/qatsec");
	n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n <= 0)
		return;
	exe[n] = '\0';
	snprintf(cand, sizeof(cand), "%s/../../config", dirname(exe));
	if (stat(cand, &st) == 0 && S_ISDIR(st.st_mode) &&
			realpath(cand, exe) != NULL)
		snprintf(out, len, "%s", exe);
}

/* The hugetlbfs directories holding this group's page files: the files
 * behind the primary's memory segments tell where they are.
 */
#define HP_DIRS_MAX 4
struct hp_dirs {
	char dir[HP_DIRS_MAX][PATH_MAX];
	unsigned int n;
};

static int
hp_collect(const struct rte_memseg_list *msl, const struct rte_memseg *ms,
		void *arg)
{
	struct hp_dirs *d = arg;
	char link[64], path[PATH_MAX], *slash;
	unsigned int i;
	ssize_t len;
	int fd;

	if (msl->external)
		return 0;
	fd = rte_memseg_get_fd_thread_unsafe(ms);
	if (fd < 0)
		return 0;	/* --in-memory, --no-huge, legacy mode */
	snprintf(link, sizeof(link), "/proc/self/fd/%d", fd);
	len = readlink(link, path, sizeof(path) - 1);
	if (len <= 0 || path[0] != '/')
		return 0;
	path[len] = '\0';
	slash = strrchr(path, '/');
	*slash = '\0';
	for (i = 0; i < d->n; i++)
		if (strcmp(d->dir[i], path) == 0)
			return 0;
	if (d->n < HP_DIRS_MAX)
		memcpy(d->dir[d->n++], path, slash - path + 1);
	return 0;
}

/* Remove the page files of this group (<prefix>map_*) from the directories
 * found. Secondaries create files too, for pages they allocate, and EAL
 * leaves files for a next primary to reuse: after the primary exits, the
 * files named after its prefix are nobody's. Returns how many went.
 */
static int
hp_remove(const struct hp_dirs *d, const char *prefix)
{
	char want[NAME_MAX + 1], path[PATH_MAX + NAME_MAX + 2];
	struct dirent *e;
	unsigned int i;
	size_t wl;
	int n = 0;
	DIR *dir;

	snprintf(want, sizeof(want), "%smap_", prefix);
	wl = strlen(want);
	for (i = 0; i < d->n; i++) {
		dir = opendir(d->dir[i]);
		if (dir == NULL)
			continue;
		while ((e = readdir(dir)) != NULL) {
			if (strncmp(e->d_name, want, wl) != 0)
				continue;
			snprintf(path, sizeof(path), "%s/%s", d->dir[i],
				e->d_name);
			if (unlink(path) == 0)
				n++;
			else if (errno != ENOENT)
				printf("qatsecd: cannot remove %s: %s\n", path,
					strerror(errno));
		}
		closedir(dir);
	}
	return n;
}

static void
usage(const char *prog)
{
	fprintf(stderr, "usage: %s [EAL options] -- [--config-dir DIR]\n",
		prog);
}

int
main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "config-dir", required_argument, NULL, 'c' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	char dir[PATH_MAX], real[PATH_MAX], vdev[PATH_MAX + 64];
	char **eal_argv;
	struct hp_dirs dirs = { .n = 0 };
	char prefix[PATH_MAX];
	int eal_argc, i, n, opt, held = 0, removed = 0;

	default_config_dir(dir, sizeof(dir));
	/* EAL options are before "--", ours after. */
	for (eal_argc = 1; eal_argc < argc; eal_argc++)
		if (strcmp(argv[eal_argc], "--") == 0)
			break;
	if (eal_argc < argc) {
		int app_argc = argc - eal_argc;
		char **app_argv = argv + eal_argc;

		app_argv[0] = argv[0];
		while ((opt = getopt_long(app_argc, app_argv, "c:h", opts,
				NULL)) != -1) {
			if (opt == 'c') {
				snprintf(dir, sizeof(dir), "%s", optarg);
			} else {
				usage(argv[0]);
				return opt == 'h' ? 0 : 2;
			}
		}
	}
	if (realpath(dir, real) == NULL) {
		fprintf(stderr, "qatsecd: config dir %s: %s\n", dir,
			strerror(errno));
		return 1;
	}
	snprintf(vdev, sizeof(vdev), "crypto_qatsec,conf_dir=%s", real);
	eal_argv = calloc(eal_argc + 3, sizeof(*eal_argv));
	if (eal_argv == NULL)
		return 1;
	for (i = 0; i < eal_argc; i++)
		eal_argv[i] = argv[i];
	eal_argv[i++] = (char *)"--vdev";
	eal_argv[i++] = vdev;
	if (rte_eal_init(i, eal_argv) < 0) {
		fprintf(stderr, "qatsecd: EAL initialisation failed\n");
		return 1;
	}
	if (rte_eal_process_type() != RTE_PROC_PRIMARY) {
		fprintf(stderr, "qatsecd: must be the primary process\n");
		rte_eal_cleanup();
		return 1;
	}
	n = rte_pmd_qatsec_section_count();
	if (n < 0) {
		fprintf(stderr, "qatsecd: no qatsec table (see the errors above for %s)\n",
			real);
		rte_eal_cleanup();
		return 1;
	}
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	printf("qatsecd: pid %d serving %d internal sections from %s\n",
		(int)getpid(), n, real);
	for (i = 0; i < n; i++) {
		struct rte_pmd_qatsec_section_info si;

		if (rte_pmd_qatsec_section_info(i, &si) == 0)
			printf("qatsecd:   %-24s %-8s %2u instances  %s\n",
				si.name, si.user, si.nb_instances,
				si.dev_id >= 0 ?
				rte_cryptodev_name_get(si.dev_id) : "(no crypto)");
	}
	printf("qatsecd: ready\n");
	fflush(stdout);
	while (!stop)
		usleep(100 * 1000);
	for (i = 0; i < n; i++) {
		struct rte_pmd_qatsec_section_info si;

		if (rte_pmd_qatsec_section_info(i, &si) == 0 &&
				si.owner_pid != 0) {
			printf("qatsecd: at shutdown section %s still held by pid %u (%s)\n",
				si.name, si.owner_pid, si.owner_name);
			held++;
		}
	}
	printf("qatsecd: %s, shutting down (%d sections still held)\n",
		strsignal(stop), held);
	fflush(stdout);
	/* The runtime directory is named after the file prefix. */
	snprintf(prefix, sizeof(prefix), "%s", rte_eal_get_runtime_dir());
	rte_memseg_walk(hp_collect, &dirs);
	rte_eal_cleanup();
	removed = hp_remove(&dirs, basename(prefix));
	if (removed != 0)
		printf("qatsecd: removed %d hugepage files\n", removed);
	free(eal_argv);
	return 0;
}
