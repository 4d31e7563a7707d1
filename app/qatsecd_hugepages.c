/* SPDX-License-Identifier: BSD-3-Clause
 * qatsecd's hugepage clean-up. DPDK leaves a group's page files behind for
 * a next primary to reuse; an operator stopping the daemon (systemctl stop)
 * wants them gone. The files behind the primary's memory segments tell
 * which hugetlbfs directories to look in.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <rte_memory.h>

#include "qatsecd.h"

static int
hp_collect_one(const struct rte_memseg_list *msl, const struct rte_memseg *ms,
		void *arg)
{
	struct qatsecd_hp_dirs *d = arg;
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
	if (d->n < QATSECD_HP_DIRS_MAX)
		memcpy(d->dir[d->n++], path, slash - path + 1);
	return 0;
}

void
qatsecd_hp_collect(struct qatsecd_hp_dirs *d)
{
	d->n = 0;
	rte_memseg_walk(hp_collect_one, d);
}

/* Secondaries create files too, for pages they allocate: after the primary
 * exits, every file named after its prefix is nobody's.
 */
static int
hp_remove_in(const char *dirname, const char *want)
{
	char path[PATH_MAX + NAME_MAX + 2];
	size_t wl = strlen(want);
	struct dirent *e;
	DIR *dir;
	int n = 0;

	dir = opendir(dirname);
	if (dir == NULL)
		return 0;
	while ((e = readdir(dir)) != NULL) {
		if (strncmp(e->d_name, want, wl) != 0)
			continue;
		snprintf(path, sizeof(path), "%s/%s", dirname, e->d_name);
		if (unlink(path) == 0)
			n++;
		else if (errno != ENOENT)
			printf("qatsecd: cannot remove %s: %s\n", path,
				strerror(errno));
	}
	closedir(dir);
	return n;
}

int
qatsecd_hp_remove(const struct qatsecd_hp_dirs *d, const char *prefix)
{
	char want[NAME_MAX + 1];
	unsigned int i;
	int n = 0;

	snprintf(want, sizeof(want), "%smap_", prefix);
	for (i = 0; i < d->n; i++)
		n += hp_remove_in(d->dir[i], want);
	return n;
}
