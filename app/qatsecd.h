/* SPDX-License-Identifier: BSD-3-Clause
 * qatsecd's hugepage clean-up (qatsecd_hugepages.c): which hugetlbfs
 * directories hold this group's page files, and removing them at shutdown.
 */
#ifndef QATSECD_H
#define QATSECD_H

#include <limits.h>
#include <stdio.h>

#define QATSECD_HP_DIRS_MAX 4

struct qatsecd_hp_dirs {
	char dir[QATSECD_HP_DIRS_MAX][PATH_MAX];
	unsigned int n;
};

/* While EAL is up: note the directories behind this group's segments. */
void qatsecd_hp_collect(struct qatsecd_hp_dirs *d);

/* After rte_eal_cleanup(): remove <prefix>map_* there; returns how many. */
int qatsecd_hp_remove(const struct qatsecd_hp_dirs *d, const char *prefix);

/* Pids other than this one that map files of group prefix (its runtime
 * directory's or its hugepage files), up to max in pids; returns how many
 * there are, or -1 without /proc.
 */
int qatsecd_group_pids(const char *prefix, int *pids, int max);

/* "pid (comm), ..." of the first max of n pids. */
void qatsecd_group_describe(FILE *f, const int *pids, int n, int max);

/* Memzones in use in the group (RTE_MAX_MEMZONE is the limit). */
unsigned int qatsecd_memzones_used(void);

#endif
