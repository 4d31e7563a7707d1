/* SPDX-License-Identifier: BSD-3-Clause
 * qatsecd's hugepage clean-up (qatsecd_hugepages.c): which hugetlbfs
 * directories hold this group's page files, and removing them at shutdown.
 */
#ifndef QATSECD_H
#define QATSECD_H

#include <limits.h>

#define QATSECD_HP_DIRS_MAX 4

struct qatsecd_hp_dirs {
	char dir[QATSECD_HP_DIRS_MAX][PATH_MAX];
	unsigned int n;
};

/* While EAL is up: note the directories behind this group's segments. */
void qatsecd_hp_collect(struct qatsecd_hp_dirs *d);

/* After rte_eal_cleanup(): remove <prefix>map_* there; returns how many. */
int qatsecd_hp_remove(const struct qatsecd_hp_dirs *d, const char *prefix);

#endif
