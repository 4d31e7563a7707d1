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
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <rte_cryptodev.h>
#include <rte_eal.h>
#include <rte_log.h>

#include "rte_pmd_qatsec.h"
#include "tap.h"

static char *logbuf;
static size_t loglen;
static FILE *logf;

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

/* A running held device: DPDK's own checks refuse first (or no-op a start). */
static bool
check_busy(const char *dev, struct rte_cryptodev_config *dc,
		const struct rte_cryptodev_qp_conf *qc)
{
	int id = rte_cryptodev_get_dev_id(dev);

	if (!tap_ok(id >= 0, "the busy device %s is visible (id %d)", dev, id))
		return false;
	tap_ok(rte_cryptodev_configure(id, dc) < 0,
		"configure of a running held device fails");
	tap_ok(rte_cryptodev_queue_pair_setup(id, 0, qc, SOCKET_ID_ANY) < 0,
		"queue pair setup of a running held device fails");
	tap_ok(rte_cryptodev_close(id) < 0, "close of a running held device fails");
	return true;
}

/* Held but stopped: qatsec's ownership check answers, naming the holder. */
static bool
check_idle(const char *dev, const char *pid, struct rte_cryptodev_config *dc,
		const struct rte_cryptodev_qp_conf *qc)
{
	struct rte_crypto_op *ops[4] = { NULL };
	char holder[64];
	int id, ret;

	snprintf(holder, sizeof(holder), "held by pid %s", pid);
	id = rte_cryptodev_get_dev_id(dev);
	if (!tap_ok(id >= 0, "the idle held device %s is visible (id %d)", dev,
			id))
		return false;
	capture();
	ret = rte_cryptodev_configure(id, dc);
	tap_ok(ret == -EPERM && logged(holder),
		"configure is refused with -EPERM (%d), naming the holder", ret);
	capture();
	ret = rte_cryptodev_queue_pair_setup(id, 0, qc, SOCKET_ID_ANY);
	tap_ok(ret == -EPERM && logged(holder),
		"queue pair setup is refused with -EPERM (%d)", ret);
	capture();
	ret = rte_cryptodev_start(id);
	tap_ok(ret == -EPERM && logged(holder),
		"start is refused with -EPERM (%d)", ret);
	/* DPDK arms its fast path before it reads the refusal. */
	tap_ok(rte_cryptodev_dequeue_burst(id, 0, ops, RTE_DIM(ops)) == 0 &&
		rte_cryptodev_enqueue_burst(id, 0, ops, RTE_DIM(ops)) == 0,
		"after the refused start, enqueue and dequeue are harmless no-ops");
	capture();
	ret = rte_cryptodev_close(id);
	tap_ok(ret == -EPERM && logged(holder),
		"close is refused with -EPERM (%d)", ret);
	return true;
}

/* A running holder of several queue pairs: a foreign stop (which cannot
 * fail) then a configure with fewer queue pairs. DPDK releases the
 * dropped queue pairs before the PMD's configure can refuse: the release
 * itself must refuse, or the holder's rings go.
 */
static bool
check_shrink(const char *dev, const char *pid)
{
	struct rte_cryptodev_config one = { .socket_id = SOCKET_ID_ANY,
		.nb_queue_pairs = 1 };
	char holder[64];
	int id, ret;

	snprintf(holder, sizeof(holder), "held by pid %s", pid);
	id = rte_cryptodev_get_dev_id(dev);
	if (!tap_ok(id >= 0, "the busy 8-queue-pair device %s is visible (id %d)",
			dev, id))
		return false;
	rte_cryptodev_stop(id);
	capture();
	ret = rte_cryptodev_configure(id, &one);
	tap_ok(ret == -EPERM && logged(holder),
		"after a foreign stop, a configure down to 1 queue pair is refused with -EPERM (%d), naming the holder",
		ret);
	return true;
}

/* The claim API: names, reference counts, one section per process. */
static void
check_claims(void)
{
	static struct rte_pmd_qatsec_claim c1, c2;
	int ret, status;
	pid_t child;

	capture();
	ret = rte_pmd_qatsec_user_start("NoSuchSection", 0, NULL);
	tap_ok(ret == -EINVAL && logged("no section named 'NoSuchSection'"),
		"an unknown section name is -EINVAL with a message (%d)", ret);
	ret = rte_pmd_qatsec_user_start("ssl", 0, &c1);
	tap_ok(ret == 0 && strncmp(c1.section, "SSL_DEV", 7) == 0 &&
		c1.nb_instances == 1,
		"'ssl' (any case) claims %s", c1.section);
	ret = rte_pmd_qatsec_user_start("SSL", 0, &c2);
	tap_ok(ret == 0 && strcmp(c1.section, c2.section) == 0,
		"starting again in the same process takes a reference on %s",
		c2.section);
	ret = rte_pmd_qatsec_user_start("IPSec", 0, NULL);
	tap_ok(ret == -EBUSY, "a second section name in the same process is -EBUSY (%d)",
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
	tap_ok(WIFEXITED(status) && WEXITSTATUS(status) == 0,
		"a forked child must start again and gets another section");

	tap_ok(rte_pmd_qatsec_user_stop() == 0, "first stop drops a reference");
	tap_ok(rte_pmd_qatsec_user_stop() == 0, "last stop releases the section");
	tap_ok(rte_pmd_qatsec_user_stop() == -ENOENT,
		"stop without a claim is -ENOENT");
}

int
main(int argc, char **argv)
{
	struct rte_cryptodev_config dc = { .socket_id = SOCKET_ID_ANY,
		.nb_queue_pairs = 1 };
	struct rte_cryptodev_qp_conf qc = { .nb_descriptors = 128 };
	int n, rc;

	n = rte_eal_init(argc, argv);
	if (n < 0 || argc - n < 7) {
		tap_bail("usage: mp_foreign [EAL] -- BUSY_DEV BUSY_PID IDLE_DEV IDLE_PID WIDE_DEV WIDE_PID");
		return 1;
	}
	argv += n;
	if (!check_busy(argv[1], &dc, &qc) || !check_idle(argv[3], argv[4], &dc, &qc) ||
			!check_shrink(argv[5], argv[6]))
		return 1;
	check_claims();
	rte_openlog_stream(NULL);
	rc = tap_done();
	rte_eal_cleanup();
	return rc;
}
