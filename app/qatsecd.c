/* SPDX-License-Identifier: BSD-3-Clause
 * qatsecd: the resident DPDK primary of a qatsec process group. It probes
 * the endpoints of a configuration directory, creates the section devices
 * and stays up so that secondaries can claim sections; the PMD logs every
 * claim and release and reclaims the sections of dead holders.
 *   qatsecd [EAL options] -- [--config-dir DIR] [--stop-timeout S]
 * The stop contract: SIGINT/SIGTERM refuse new claims, tell holders
 * (rte_pmd_qatsec_service_stopping / the stop callback), wait up to
 * --stop-timeout for them to release (a second signal ends the wait), then
 * exit; memory a live process still maps is never freed (EAL is not even
 * cleaned up then), so no holder crashes; otherwise EAL goes down and the
 * group's hugepage files are removed (qatsecd_hugepages.c). Memory is
 * reserved at start and the heap never grows (see memory_args). Under
 * systemd this is qatsecd.service; `qatsec-ctl status` shows the group.
 */
#include <ctype.h>
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

#define STOP_TIMEOUT_S	10	/* default --stop-timeout */
#define GROUP_MEM_MB	512	/* default reservation, see memory_args */
#define PIDS_SHOWN	16
#define MZ_WARN_PCT	80

static volatile sig_atomic_t stop, signals;

static void
on_signal(int sig)
{
	stop = sig;
	signals++;
}

static struct {
	char dir[PATH_MAX];
	unsigned int stop_timeout;
	char prefix[PATH_MAX];
} opt = { "", STOP_TIMEOUT_S, "rte" };

static void
usage(FILE *f)
{
	fprintf(f,
		"usage: qatsecd [EAL options] -- [--config-dir DIR] [--stop-timeout S]\n"
		"The resident primary of a qatsec process group: serves the internal\n"
		"sections of the endpoint files DIR/<type>_dev<N>.conf as cryptodevs\n"
		"that secondaries claim. SIGINT/SIGTERM stop it cleanly.\n"
		"  --config-dir DIR  endpoint configs (default: the source tree's\n"
		"                    config/ when run from a build tree, else %s)\n"
		"  --stop-timeout S  on SIGTERM/SIGINT, wait up to S seconds (default %d)\n"
		"                    for holders to release; a second signal ends the\n"
		"                    wait. Memory a live process maps is never freed.\n"
		"  --help, --version\n"
		"EAL options as for any DPDK app, e.g. -l 0 --no-pci --file-prefix qatsec\n"
		"(the file prefix names the group; secondaries and qatsec-ctl use it).\n"
		"Without -m/--socket-mem/--legacy-mem/--no-huge/--in-memory, qatsecd\n"
		"reserves --socket-mem=%d --socket-limit=%d for the group: its heap never\n"
		"grows at run time. See qatsecd(8).\n", QATSEC_CONFDIR, STOP_TIMEOUT_S,
		GROUP_MEM_MB, GROUP_MEM_MB);
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

/* The group's name: EAL's --file-prefix (default "rte"). */
static void
find_prefix(int eal_argc, char **argv)
{
	int i;

	for (i = 1; i < eal_argc; i++) {
		if (strcmp(argv[i], "--file-prefix") == 0 && i + 1 < eal_argc)
			snprintf(opt.prefix, sizeof(opt.prefix), "%s", argv[i + 1]);
		else if (strncmp(argv[i], "--file-prefix=", 14) == 0)
			snprintf(opt.prefix, sizeof(opt.prefix), "%s", argv[i] + 14);
	}
}

static int
parse_uint(const char *s, unsigned int max, unsigned int *out)
{
	unsigned long v;
	char *end;

	errno = 0;
	v = strtoul(s, &end, 10);
	if (errno != 0 || end == s || *end != '\0' || v > max || s[0] == '-')
		return -1;
	*out = (unsigned int)v;
	return 0;
}

/* EAL options are before "--", ours after. Returns how many arguments
 * belong to EAL, or -1 on a usage error.
 */
static int
parse_args(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "config-dir", required_argument, NULL, 'c' },
		{ "stop-timeout", required_argument, NULL, 't' },
		{ NULL, 0, NULL, 0 },
	};
	int eal_argc, o;

	default_config_dir(opt.dir, sizeof(opt.dir));
	for (eal_argc = 1; eal_argc < argc; eal_argc++)
		if (strcmp(argv[eal_argc], "--") == 0)
			break;
	find_prefix(eal_argc, argv);
	if (eal_argc < argc) {
		int app_argc = argc - eal_argc;
		char **app_argv = argv + eal_argc;

		app_argv[0] = argv[0];
		while ((o = getopt_long(app_argc, app_argv, "c:t:", opts,
				NULL)) != -1) {
			if (o == 'c')
				snprintf(opt.dir, sizeof(opt.dir), "%s", optarg);
			else if (o != 't' ||
					parse_uint(optarg, 86400, &opt.stop_timeout) < 0)
				return -1;
		}
		if (optind < app_argc)
			return -1;
	}
	return eal_argc;
}

/* EAL keeps pointers into its argv: eal_argv lives until EAL is down. */
static char **eal_argv;

/* The directory reaches the PMD inside a devargs string, which has no
 * escapes: ',' ends the key's value, '=' and brackets are its syntax.
 * Such a path would be served cut or misread: refuse it.
 */
static int
check_devargs_path(const char *dir)
{
	const char *c;

	for (c = dir; *c != '\0'; c++)
		if (strchr(",=[]", *c) != NULL || iscntrl((unsigned char)*c)) {
			fprintf(stderr, "qatsecd: config dir '%s': the character '%c' at offset %d cannot be passed to the PMD (devargs have no escapes for ',', '=', '[', ']' or control characters): rename the directory or use a symbolic link without them\n",
				dir, iscntrl((unsigned char)*c) ? '?' : *c,
				(int)(c - dir));
			return -1;
		}
	return 0;
}

/* DPDK 22.11 can crash the primary when the heap grows while a secondary
 * is stopped (malloc_mp.c's rollback): unless told otherwise, reserve the
 * group's memory at start and forbid growth (--socket-limit).
 */
static int
memory_args(int eal_argc, char **argv, char **out)
{
	static const char *const own[] = { "-m", "--socket-mem", "--legacy-mem",
		"--no-huge", "--in-memory", "--socket-limit", NULL };
	static char mem[32], lim[32];
	int i, k;

	for (i = 1; i < eal_argc; i++)
		for (k = 0; own[k] != NULL; k++)
			if (strncmp(argv[i], own[k], strlen(own[k])) == 0 &&
					(argv[i][strlen(own[k])] == '\0' ||
					 argv[i][strlen(own[k])] == '=' ||
					 (k == 0 && isdigit((unsigned char)argv[i][2]))))
				return 0;
	snprintf(mem, sizeof(mem), "--socket-mem=%d", GROUP_MEM_MB);
	snprintf(lim, sizeof(lim), "--socket-limit=%d", GROUP_MEM_MB);
	out[0] = mem;
	out[1] = lim;
	return 2;
}

/* Processes of this group still run (a primary, or the secondaries of one
 * that died or stopped with holders): a new primary must not even start
 * EAL, which would rewrite the shared configuration they map (and fail on
 * their memory lists anyway, "Cannot allocate memzone list"). Say which,
 * and what to do. Returns -1 when busy.
 */
static int
check_group_free(void)
{
	int pids[PIDS_SHOWN], n;

	n = qatsecd_group_pids(opt.prefix, pids, PIDS_SHOWN);
	if (n <= 0)
		return 0;
	fprintf(stderr, "qatsecd: %d processes still map group '%s' (its primary, or the secondaries of a primary that died or stopped with holders): ",
		n, opt.prefix);
	qatsecd_group_describe(stderr, pids, n, PIDS_SHOWN);
	fprintf(stderr, "\nqatsecd: a new primary of this group can start only once they have all exited: stop them (or let them finish), then start qatsecd again (or use another --file-prefix)\n");
	return -1;
}

/* EAL with our vdev appended; must come up as the primary. */
static int
start_eal(int eal_argc, char **argv, const char *conf_dir)
{
	static char vdev[PATH_MAX + 64];
	int i;

	snprintf(vdev, sizeof(vdev), "crypto_qatsec,conf_dir=%s", conf_dir);
	eal_argv = calloc(eal_argc + 5, sizeof(*eal_argv));
	if (eal_argv == NULL)
		return -1;
	for (i = 0; i < eal_argc; i++)
		eal_argv[i] = argv[i];
	i += memory_args(eal_argc, argv, eal_argv + i);
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
count_held(int n, const char *when)
{
	struct rte_pmd_qatsec_section_info si;
	int i, held = 0;

	for (i = 0; i < n; i++) {
		if (rte_pmd_qatsec_section_info(i, &si) != 0 ||
				si.owner_pid == 0)
			continue;
		printf("qatsecd: %s section %s still held by pid %u (%s)\n",
			when, si.name, si.owner_pid, si.owner_name);
		held++;
	}
	return held;
}

/* Once a second: warn when the group's memzones near DPDK's limit (each
 * killed application leaves its mempools behind).
 */
static void
watch_memzones(unsigned int *warned_pct)
{
	unsigned int used = qatsecd_memzones_used();
	unsigned int pct = used * 100 / RTE_MAX_MEMZONE;

	if (pct >= MZ_WARN_PCT && pct >= *warned_pct + 5) {
		printf("qatsecd: warning: %u of %d memzones in use (%u%%): new applications fail at the limit; killed applications left their pools (qatsec-ctl memzones); the way out: the systemd guide, 'Memzones'\n",
			used, RTE_MAX_MEMZONE, pct);
		fflush(stdout);
		*warned_pct = pct;
	} else if (pct + 10 < *warned_pct) {
		*warned_pct = pct;
	}
}

/* The orderly stop: no new claims, holders told, wait for them up to
 * --stop-timeout or a second signal. Returns the sections still held.
 */
static int
stop_service(int n)
{
	unsigned int tenths = opt.stop_timeout * 10;
	int held;

	held = rte_pmd_qatsec_service_stop(opt.stop_timeout * 1000);
	if (held < 0)
		held = rte_pmd_qatsec_held_count();
	printf("qatsecd: %s: stopping: claims refused; waiting up to %u s for %d holders to release\n",
		strsignal(stop), opt.stop_timeout, held);
	count_held(n, "stopping:");
	fflush(stdout);
	while (held > 0 && tenths > 0 && signals < 2) {
		usleep(100 * 1000);
		tenths--;
		held = rte_pmd_qatsec_held_count();
	}
	if (held > 0)
		printf("qatsecd: %s with %d sections still held\n",
			signals >= 2 ? "second signal: forced stop" :
			"stop timeout reached", held);
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

/* Other processes map the group: leave every byte to them. EAL is not
 * cleaned up (its teardown would free what they use); the hugepage files
 * are unlinked (their mappings stay, the pages return when they exit).
 */
static void
leave_group(const int *pids, int others, int held)
{
	struct qatsecd_hp_dirs dirs;
	char prefix[PATH_MAX];
	int removed;

	snprintf(prefix, sizeof(prefix), "%s", rte_eal_get_runtime_dir());
	printf("qatsecd: exiting with %d sections held; %d processes still map group '%s': ",
		held, others, basename(prefix));
	qatsecd_group_describe(stdout, pids, others, PIDS_SHOWN);
	printf("\nqatsecd: the group's memory is left to them (not freed); a new qatsecd of this prefix can start once they have exited\n");
	qatsecd_hp_collect(&dirs);
	removed = qatsecd_hp_remove(&dirs, basename(prefix));
	if (removed != 0)
		printf("qatsecd: unlinked %d hugepage files (mapped pages return when their processes exit)\n",
			removed);
	fflush(stdout);
}

int
main(int argc, char **argv)
{
	int eal_argc, n, held, others, pids[PIDS_SHOWN];
	unsigned int mz_warned = 0, tick = 0;
	char real[PATH_MAX];

	qatsec_app_info_opts(argc, argv, "qatsecd", usage);
	eal_argc = parse_args(argc, argv);
	if (eal_argc < 0) {
		usage(stderr);
		return 2;
	}
	if (realpath(opt.dir, real) == NULL) {
		fprintf(stderr, "qatsecd: config dir %s: %s (give one with -- --config-dir DIR)\n",
			opt.dir, strerror(errno));
		return 1;
	}
	if (check_devargs_path(opt.dir) < 0 || check_devargs_path(real) < 0)
		return 1;
	if (check_group_free() < 0 || start_eal(eal_argc, argv, real) < 0)
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
	while (!stop) {
		usleep(100 * 1000);
		if (++tick % 10 == 0)
			watch_memzones(&mz_warned);
	}
	held = stop_service(n);
	others = qatsecd_group_pids(basename(strcpy(real, rte_eal_get_runtime_dir())),
		pids, PIDS_SHOWN);
	printf("qatsecd: %s, shutting down (%d sections still held)\n",
		strsignal(stop), held);
	fflush(stdout);
	if (held > 0 || others > 0)
		leave_group(pids, others > 0 ? others : 0, held);
	else
		shutdown_group();
	return 0;
}
