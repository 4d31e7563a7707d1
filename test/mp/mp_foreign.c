/* SPDX-License-Identifier: BSD-3-Clause
 * Suite mp: a secondary that does not hold a section tries to control it
 * (configure, queue-pair setup, start, close must all be refused, naming
 * the holder), then exercises the claim API: unknown names, any-case
 * names, per-process reference counting, one section per process, and a
 * forked child that must start again. TAP output.
 * Usage: mp_foreign [EAL secondary args] -- BUSY_DEV BUSY_PID IDLE_DEV IDLE_PID
 * BUSY_DEV is held and running traffic, IDLE_DEV held but not started.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <rte_cryptodev.h>
#include <rte_eal.h>
#include <rte_log.h>

#include "rte_pmd_qatsec.h"

static int nb, failed;
static char *logbuf;
static size_t loglen;
static FILE *logf;

static void
ok(int cond, const char *fmt, ...)
{
	va_list ap;

	nb++;
	failed += !cond;
	printf("%s %d - ", cond ? "ok" : "not ok", nb);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	fflush(stdout);
}

static void
capture(void)
{
	if (logf != NULL) {
		rte_openlog_stream(NULL);
		fclose(logf);
		free(logbuf);
	}
	logbuf = NULL;
	logf = open_memstream(&logbuf, &loglen);
	rte_openlog_stream(logf);
}

static int
logged(const char *s)
{
	fflush(logf);
	return strstr(logbuf, s) != NULL;
}

int
main(int argc, char **argv)
{
	struct rte_cryptodev_config dc = { .socket_id = SOCKET_ID_ANY,
		.nb_queue_pairs = 1 };
	struct rte_cryptodev_qp_conf qc = { .nb_descriptors = 128 };
	static struct rte_pmd_qatsec_claim c1, c2;
	char holder[64];
	int n, id, ret, status;
	pid_t child;

	n = rte_eal_init(argc, argv);
	if (n < 0 || argc - n < 5) {
		printf("Bail out! usage: mp_foreign [EAL] -- BUSY_DEV BUSY_PID IDLE_DEV IDLE_PID\n");
		return 1;
	}
	argv += n;

	/* Running: DPDK's own checks refuse first (or no-op a start). */
	id = rte_cryptodev_get_dev_id(argv[1]);
	ok(id >= 0, "the busy device %s is visible (id %d)", argv[1], id);
	if (id < 0)
		return 1;
	ok(rte_cryptodev_configure(id, &dc) < 0,
		"configure of a running held device fails");
	ok(rte_cryptodev_queue_pair_setup(id, 0, &qc, SOCKET_ID_ANY) < 0,
		"queue pair setup of a running held device fails");
	ok(rte_cryptodev_close(id) < 0, "close of a running held device fails");

	/* Held but stopped: qatsec's ownership check answers. */
	snprintf(holder, sizeof(holder), "held by pid %s", argv[4]);
	id = rte_cryptodev_get_dev_id(argv[3]);
	ok(id >= 0, "the idle held device %s is visible (id %d)", argv[3], id);
	if (id < 0)
		return 1;
	capture();
	ret = rte_cryptodev_configure(id, &dc);
	ok(ret == -EPERM && logged(holder),
		"configure is refused with -EPERM (%d), naming the holder", ret);
	capture();
	ret = rte_cryptodev_queue_pair_setup(id, 0, &qc, SOCKET_ID_ANY);
	ok(ret == -EPERM && logged(holder),
		"queue pair setup is refused with -EPERM (%d)", ret);
	capture();
	ret = rte_cryptodev_start(id);
	ok(ret == -EPERM && logged(holder),
		"start is refused with -EPERM (%d)", ret);
	capture();
	ret = rte_cryptodev_close(id);
	ok(ret == -EPERM && logged(holder),
		"close is refused with -EPERM (%d)", ret);

	capture();
	ret = rte_pmd_qatsec_user_start("NoSuchSection", 0, NULL);
	ok(ret == -EINVAL && logged("no section named 'NoSuchSection'"),
		"an unknown section name is -EINVAL with a message (%d)", ret);
	ret = rte_pmd_qatsec_user_start("ssl", 0, &c1);
	ok(ret == 0 && strncmp(c1.section, "SSL_DEV", 7) == 0 &&
		c1.nb_instances == 1,
		"'ssl' (any case) claims %s", c1.section);
	ret = rte_pmd_qatsec_user_start("SSL", 0, &c2);
	ok(ret == 0 && strcmp(c1.section, c2.section) == 0,
		"starting again in the same process takes a reference on %s",
		c2.section);
	ret = rte_pmd_qatsec_user_start("IPSec", 0, NULL);
	ok(ret == -EBUSY, "a second section name in the same process is -EBUSY (%d)",
		ret);

	child = fork();
	if (child == 0) {
		static struct rte_pmd_qatsec_claim cc;
		int r = rte_pmd_qatsec_user_start("SSL", 0, &cc);

		/* The child holds nothing of its parent's: a new section. */
		r = r == 0 && strcmp(cc.section, c1.section) != 0 ? 0 : 1;
		rte_pmd_qatsec_user_stop();
		_exit(r);
	}
	waitpid(child, &status, 0);
	ok(WIFEXITED(status) && WEXITSTATUS(status) == 0,
		"a forked child must start again and gets another section");

	ok(rte_pmd_qatsec_user_stop() == 0, "first stop drops a reference");
	ok(rte_pmd_qatsec_user_stop() == 0, "last stop releases the section");
	ok(rte_pmd_qatsec_user_stop() == -ENOENT,
		"stop without a claim is -ENOENT");
	rte_openlog_stream(NULL);
	printf("1..%d\n", nb);
	rte_eal_cleanup();
	return failed ? 1 : 0;
}
