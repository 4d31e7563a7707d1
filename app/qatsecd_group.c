/* SPDX-License-Identifier: BSD-3-Clause
 * qatsecd's view of its process group from outside EAL: which processes
 * still map the group's files (its runtime directory's fbarray files and
 * its hugepage files), read from /proc/<pid>/maps. qatsecd uses it at
 * exit (memory a live process maps is never freed) and when EAL cannot
 * start (a group whose old processes still run cannot get a new primary:
 * they hold its memory lists, "Cannot allocate memzone list").
 */
#include <ctype.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <rte_memzone.h>

#include "qatsecd.h"

/* A line of maps naming a file of group prefix: "/dpdk/<prefix>/..."
 * (runtime directory) or ".../<prefix>map_<n>" (a hugepage file).
 */
static int
maps_group(const char *line, const char *rt, const char *hp)
{
	const char *path = strchr(line, '/');

	return path != NULL && (strstr(path, rt) != NULL ||
		strstr(path, hp) != NULL);
}

static int
pid_maps_group(const char *pid, const char *rt, const char *hp)
{
	char path[300], line[4096];
	int found = 0;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%s/maps", pid);
	f = fopen(path, "re");
	if (f == NULL)
		return 0;	/* gone, or not ours to read */
	while (!found && fgets(line, sizeof(line), f) != NULL)
		found = maps_group(line, rt, hp);
	fclose(f);
	return found;
}

int
qatsecd_group_pids(const char *prefix, int *pids, int max)
{
	char rt[PATH_MAX], hp[PATH_MAX];
	struct dirent *e;
	int n = 0, self = (int)getpid();
	DIR *d;

	snprintf(rt, sizeof(rt), "/dpdk/%s/", prefix);
	snprintf(hp, sizeof(hp), "/%smap_", prefix);
	d = opendir("/proc");
	if (d == NULL)
		return -1;
	while ((e = readdir(d)) != NULL) {
		int pid;

		if (!isdigit((unsigned char)e->d_name[0]))
			continue;
		pid = atoi(e->d_name);
		if (pid == self || !pid_maps_group(e->d_name, rt, hp))
			continue;
		if (n < max)
			pids[n] = pid;
		n++;
	}
	closedir(d);
	return n;
}

void
qatsecd_group_describe(FILE *f, const int *pids, int n, int max)
{
	char path[64], comm[64];
	int i;

	for (i = 0; i < n && i < max; i++) {
		FILE *c;

		snprintf(path, sizeof(path), "/proc/%d/comm", pids[i]);
		comm[0] = '\0';
		c = fopen(path, "re");
		if (c != NULL) {
			if (fgets(comm, sizeof(comm), c) == NULL)
				comm[0] = '\0';
			fclose(c);
		}
		comm[strcspn(comm, "\n")] = '\0';
		fprintf(f, "%s%d (%s)", i ? ", " : "", pids[i], comm);
	}
	if (n > max)
		fprintf(f, " and %d more", n - max);
}

static void
mz_count(const struct rte_memzone *mz __rte_unused, void *arg)
{
	(*(unsigned int *)arg)++;
}

unsigned int
qatsecd_memzones_used(void)
{
	unsigned int n = 0;

	rte_memzone_walk(mz_count, &n);
	return n;
}
