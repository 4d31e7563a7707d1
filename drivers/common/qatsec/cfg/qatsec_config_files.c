/* SPDX-License-Identifier: BSD-3-Clause
 * qatsec layer 1: reading endpoint files and directories, so that the
 * parser (qatsec_config.c) never touches the file system. A directory
 * gives every <devtype>_dev<N>.conf in it, in index order.
 */
/* O_CLOEXEC and friends, also for builds without _GNU_SOURCE */
#ifndef _GNU_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "qatsec_config.h"

/* Real files are a few KB; the cap only bounds what a mistake can cost. */
#define QATSEC_FILE_MAX		(16u << 20)

struct qatsec_dir_file {
	char name[256];
	uint32_t index;
};

int
qatsec_config_parse_file(const char *path, uint32_t fallback_index,
		struct qatsec_endpoint_cfg *ep, struct qatsec_diags *diags)
{
	size_t got = 0;
	struct stat st;
	char *buf;
	int fd, rc;

	if (ep == NULL || path == NULL)
		return -EINVAL;
	/* Defaults even for a file that cannot be read: callers may look. */
	qatsec_config_parse(path, NULL, 0, fallback_index, ep, NULL);
	/* O_NONBLOCK: a FIFO given by mistake must not hang the probe. */
	fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0) {
		rc = errno;
		qatsec_diag_add(diags, QATSEC_DIAG_ERROR, path, 0, NULL, NULL,
			"cannot open: %s", strerror(rc));
		return -rc;
	}
	if (fstat(fd, &st) != 0) {
		rc = errno;
		qatsec_diag_add(diags, QATSEC_DIAG_ERROR, path, 0, NULL, NULL,
			"cannot stat: %s", strerror(rc));
		close(fd);
		return -rc;
	}
	if (!S_ISREG(st.st_mode) || st.st_size > (off_t)QATSEC_FILE_MAX) {
		qatsec_diag_add(diags, QATSEC_DIAG_ERROR, path, 0, NULL, NULL,
			"%s", S_ISREG(st.st_mode) ? "larger than 16 MiB" :
			"not a regular file");
		close(fd);
		return S_ISREG(st.st_mode) ? -EFBIG : -EINVAL;
	}
	buf = malloc((size_t)st.st_size + 1);
	if (buf == NULL) {
		close(fd);
		qatsec_diag_add(diags, QATSEC_DIAG_ERROR, path, 0, NULL, NULL,
			"out of memory");
		return -ENOMEM;
	}
	while (got < (size_t)st.st_size) {
		ssize_t r = read(fd, buf + got, (size_t)st.st_size - got);

		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			rc = errno;
			qatsec_diag_add(diags, QATSEC_DIAG_ERROR, path, 0, NULL,
				NULL, "read error: %s", strerror(rc));
			free(buf);
			close(fd);
			return -rc;
		}
		if (r == 0)
			break;	/* shrunk meanwhile: parse what is there */
		got += (size_t)r;
	}
	close(fd);
	rc = qatsec_config_parse(path, buf, got, fallback_index, ep, diags);
	free(buf);
	return rc;
}

static int
qatsec_cmp_name(const void *a, const void *b)
{
	return strcmp(((const struct qatsec_dir_file *)a)->name,
		((const struct qatsec_dir_file *)b)->name);
}

static int
qatsec_cmp_index(const void *a, const void *b)
{
	const struct qatsec_dir_file *x = a, *y = b;

	if (x->index != y->index)
		return x->index < y->index ? -1 : 1;
	return strcmp(x->name, y->name);
}

static bool
qatsec_join(char *buf, size_t size, const char *dir, const char *name)
{
	size_t d = strlen(dir), n = strlen(name);

	if (d + 1 + n >= size)
		return false;
	memcpy(buf, dir, d);
	buf[d] = '/';
	memcpy(buf + d + 1, name, n + 1);
	return true;
}

int
qatsec_config_load_dir(const char *dir, struct qatsec_endpoint_cfg *eps,
		struct qatsec_diags *diags)
{
	struct qatsec_dir_file files[QATSEC_MAX_ENDPOINTS + 1];
	char path[4096], devtype[32];
	uint32_t nb = 0, i;
	struct dirent *de;
	bool failed = false;
	struct stat st;
	DIR *d;
	int rc;

	d = opendir(dir);
	if (d == NULL) {
		rc = errno;
		qatsec_diag_add(diags, QATSEC_DIAG_ERROR, dir, 0, NULL, NULL,
			"cannot open directory: %s", strerror(rc));
		return -rc;
	}
	while ((de = readdir(d)) != NULL) {
		size_t n = strlen(de->d_name);

		if (n <= 5 || strcmp(de->d_name + n - 5, ".conf") != 0 ||
				n >= sizeof(files[0].name))
			continue;
		if (!qatsec_join(path, sizeof(path), dir, de->d_name)) {
			qatsec_diag_add(diags, QATSEC_DIAG_ERROR, dir, 0, NULL,
				NULL, "path too long");
			failed = true;
			continue;
		}
		if (stat(path, &st) != 0) {
			qatsec_diag_add(diags, QATSEC_DIAG_ERROR, path, 0, NULL,
				NULL, "cannot stat: %s", strerror(errno));
			failed = true;
			continue;
		}
		if (!S_ISREG(st.st_mode))
			continue;
		if (nb <= QATSEC_MAX_ENDPOINTS)
			memcpy(files[nb].name, de->d_name, n + 1);
		if (nb < UINT32_MAX)
			nb++;
	}
	closedir(d);
	if (nb == 0) {
		qatsec_diag_add(diags, QATSEC_DIAG_ERROR, dir, 0, NULL, NULL,
			"no *.conf file");
		return -ENOENT;
	}
	if (nb > QATSEC_MAX_ENDPOINTS) {
		qatsec_diag_add(diags, QATSEC_DIAG_ERROR, dir, 0, NULL, NULL,
			"%u *.conf files: at most %d endpoints", nb,
			QATSEC_MAX_ENDPOINTS);
		return -E2BIG;
	}
	/* Files not named <type>_dev<N>.conf take their place in name order,
	 * so a directory of such files still has a stable order.
	 */
	qsort(files, nb, sizeof(files[0]), qatsec_cmp_name);
	for (i = 0; i < nb; i++)
		if (!qatsec_config_name_index(files[i].name, devtype,
				sizeof(devtype), &files[i].index))
			files[i].index = i;
	qsort(files, nb, sizeof(files[0]), qatsec_cmp_index);
	for (i = 1; i < nb; i++)
		if (files[i].index == files[i - 1].index) {
			qatsec_join(path, sizeof(path), dir, files[i].name);
			qatsec_diag_add(diags, QATSEC_DIAG_ERROR, path, 0, NULL,
				NULL, "endpoint index %u also used by %s/%s",
				files[i].index, dir, files[i - 1].name);
			failed = true;
		}
	for (i = 0; i < nb; i++) {
		qatsec_join(path, sizeof(path), dir, files[i].name);
		if (qatsec_config_parse_file(path, files[i].index, &eps[i],
				diags) != 0)
			failed = true;
	}
	return failed ? -EINVAL : (int)nb;
}
