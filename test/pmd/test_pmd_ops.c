/* SPDX-License-Identifier: BSD-3-Clause
 * PMD behaviour tests (suite pmd): probes crypto_qatsec with the default,
 * the seed and broken configurations in one EAL process (vdev hot-plug),
 * and checks device naming and order, queue-pair counts, ring depth and
 * full-ring refusal, statistics, bad-op completion and probe errors.
 * Output is TAP. Usage: test_pmd_ops [EAL args] -- SEED_CONF_DIR SCRATCH_DIR
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <rte_bus_vdev.h>
#include <rte_crypto.h>
#include <rte_cryptodev.h>
#include <rte_eal.h>
#include <rte_log.h>
#include <rte_mbuf.h>
#include <rte_mempool.h>
#include <rte_ring.h>

#include "rte_pmd_qatsec.h"
#include "tap.h"

#define VDEV "crypto_qatsec"

static char *logbuf;
static size_t logsize;
static FILE *logf;

/* Captures what the PMD logs during one probe. */
static void
log_capture_start(void)
{
	logf = open_memstream(&logbuf, &logsize);
	rte_openlog_stream(logf);
}

static void
log_capture_stop(void)
{
	rte_openlog_stream(NULL);
	fclose(logf);
	fputs(logbuf, stderr);	/* keep it in the meson log */
}

static int
logged(const char *needle)
{
	return logbuf != NULL && strstr(logbuf, needle) != NULL;
}

static int
probe(const char *args, int *rc)
{
	free(logbuf);
	logbuf = NULL;
	log_capture_start();
	*rc = rte_vdev_init(VDEV, args);
	log_capture_stop();
	return *rc;
}

static void
unplug(void)
{
	int rc = rte_vdev_uninit(VDEV);

	tap_ok(rc == 0, "vdev uninit (rc %d), devices left: %u", rc,
		rte_cryptodev_count());
}

static void
write_file(const char *dir, const char *name, const char *text)
{
	char path[512];
	FILE *f;

	mkdir(dir, 0755);
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "w");
	if (f == NULL) {
		perror(path);
		exit(2);
	}
	fputs(text, f);
	fclose(f);
}

static void
test_default(void)
{
	struct rte_cryptodev_info info;
	int rc, id;

	probe(NULL, &rc);
	tap_ok(rc == 0, "default configuration probes (rc %d)", rc);
	id = rte_cryptodev_get_dev_id(VDEV "_SSL_INT_0");
	tap_ok(id >= 0 && rte_cryptodev_count() == 1,
		"default gives one device crypto_qatsec_SSL_INT_0 (id %d, count %u)",
		id, rte_cryptodev_count());
	if (id >= 0) {
		rte_cryptodev_info_get(id, &info);
		tap_ok(info.max_nb_queue_pairs == 2 &&
			strcmp(info.driver_name, VDEV) == 0,
			"default device has 2 queue pairs (%u), driver %s",
			info.max_nb_queue_pairs, info.driver_name);
	}
	unplug();
}

static const char *const seed_devs[] = {
	"SSL_DEV0_INT_0", "SSL_DEV0_INT_1", "SSL_DEV0_INT_2", "SSL_DEV0_INT_3",
	"IPsec_INT_0",
	"SSL_DEV1_INT_0", "SSL_DEV1_INT_1", "SSL_DEV1_INT_2", "SSL_DEV1_INT_3",
};

static void
test_seed(const char *seed_dir)
{
	char args[600], name[RTE_CRYPTODEV_NAME_MAX_LEN];
	struct rte_cryptodev_info info;
	uint8_t ids[RTE_CRYPTO_MAX_DEVS];
	unsigned int i, n, good = 0;
	int rc;

	snprintf(args, sizeof(args), "conf_dir=%s", seed_dir);
	probe(args, &rc);
	tap_ok(rc == 0, "seed configuration probes (rc %d)", rc);
	n = rte_cryptodev_devices_get(VDEV, ids, RTE_DIM(ids));
	tap_ok(n == RTE_DIM(seed_devs), "seed gives 9 devices (%u)", n);
	tap_ok(rte_pmd_qatsec_section_count() == 9,
		"rte_pmd_qatsec_section_count() is 9 (%d)",
		rte_pmd_qatsec_section_count());
	for (i = 0; i < n && i < RTE_DIM(seed_devs); i++) {
		snprintf(name, sizeof(name), VDEV "_%s", seed_devs[i]);
		rte_cryptodev_info_get(ids[i], &info);
		if (strcmp(rte_cryptodev_name_get(ids[i]), name) == 0 &&
				info.max_nb_queue_pairs == (i == 4 ? 8 : 1))
			good++;
		else
			printf("# device %u: %s with %u qps, expected %s\n",
				ids[i], rte_cryptodev_name_get(ids[i]),
				info.max_nb_queue_pairs, name);
	}
	tap_ok(good == RTE_DIM(seed_devs),
		"seed devices in first-fit order with 1 qp each, IPsec_INT_0 with 8");
	unplug();
}

/* The device of test_ring: one instance with a ring of depth 64. */
struct ring_ctx {
	int id;
	struct rte_mempool *opp, *mbp, *sp;
	struct rte_cryptodev_qp_conf qpc;
	char ring[RTE_RING_NAMESIZE];
	void *sess;
	struct rte_crypto_op *ops[100];
};

/* Probe, configuration limits, start refused before queue-pair setup, an
 * orphan ring reclaimed by setup; false if there is no device to go on.
 */
static bool
ring_start(struct ring_ctx *c, const char *scratch)
{
	static const char conf[] =
		"[GENERAL]\nServicesEnabled = sym\nCyNumConcurrentSymRequests = 64\n"
		"[SSL]\nNumProcesses = 1\nLimitDevAccess = 1\nNumCyInstances = 1\n"
		"Cy0Name = \"ring\"\nCy0IsPolled = 1\n";
	struct rte_cryptodev_config cfg = { .socket_id = SOCKET_ID_ANY,
		.nb_queue_pairs = 1 };
	char dir[512], args[600];
	int rc;

	snprintf(dir, sizeof(dir), "%s/ring", scratch);
	write_file(dir, "4xxx_dev0.conf", conf);
	snprintf(args, sizeof(args), "conf_dir=%s", dir);
	probe(args, &rc);
	tap_ok(rc == 0, "ring-depth configuration probes (rc %d)", rc);
	c->id = rte_cryptodev_get_dev_id(VDEV "_SSL_DEV0_INT_0");
	if (rc != 0 || c->id < 0)
		return false;
	tap_ok(rte_cryptodev_configure(c->id, &cfg) == 0, "configure 1 qp");
	cfg.nb_queue_pairs = 2;
	tap_ok(rte_cryptodev_configure(c->id, &cfg) < 0,
		"configure with more qps than instances fails");
	cfg.nb_queue_pairs = 1;
	rte_cryptodev_configure(c->id, &cfg);
	c->sp = rte_cryptodev_sym_session_pool_create("t_sess", 16,
		rte_cryptodev_sym_get_private_session_size(c->id), 0, 0,
		SOCKET_ID_ANY);
	c->qpc = (struct rte_cryptodev_qp_conf){ .nb_descriptors = 4096,
		.mp_session = c->sp };
	tap_ok(rte_cryptodev_start(c->id) < 0,
		"start refuses a configured queue pair that is not set up");
	/* A ring under the instance's name that no queue pair records, as a
	 * holder dying inside queue-pair setup leaves it: setup reclaims it.
	 */
	snprintf(c->ring, sizeof(c->ring), "qatsec_i0_d%d", c->id);
	tap_ok(rte_ring_create(c->ring, 16, SOCKET_ID_ANY, 0) != NULL,
		"orphan ring %s planted", c->ring);
	tap_ok(rte_cryptodev_queue_pair_setup(c->id, 0, &c->qpc, SOCKET_ID_ANY) == 0,
		"qp setup with 4096 descriptors clamps to the ring depth, over an orphan ring");
	tap_ok(rte_cryptodev_start(c->id) == 0, "start");
	return true;
}

/* A NULL-cipher session and 100 ops of 64 B, the 64th without a session. */
static bool
ring_ops(struct ring_ctx *c)
{
	struct rte_crypto_sym_xform xf = {
		.type = RTE_CRYPTO_SYM_XFORM_CIPHER,
		.cipher = { .op = RTE_CRYPTO_CIPHER_OP_ENCRYPT,
			.algo = RTE_CRYPTO_CIPHER_NULL },
	};

	c->opp = rte_crypto_op_pool_create("t_ops",
		RTE_CRYPTO_OP_TYPE_SYMMETRIC, 256, 0, 16, SOCKET_ID_ANY);
	c->mbp = rte_pktmbuf_pool_create("t_mbufs", 256, 0, 0, 2048,
		SOCKET_ID_ANY);
	c->sess = rte_cryptodev_sym_session_create(c->id, &xf, c->sp);
	tap_ok(c->sess != NULL, "NULL-cipher session");
	if (c->opp == NULL || c->mbp == NULL || c->sess == NULL)
		return false;
	rte_crypto_op_bulk_alloc(c->opp, RTE_CRYPTO_OP_TYPE_SYMMETRIC, c->ops,
		100);
	for (unsigned int i = 0; i < 100; i++) {
		struct rte_mbuf *m = rte_pktmbuf_alloc(c->mbp);

		rte_pktmbuf_append(m, 64);
		c->ops[i]->sym->m_src = m;
		c->ops[i]->sym->cipher.data.length = 64;
		/* The last op has no session: it must complete, in error. */
		if (i != 63)
			rte_crypto_op_attach_sym_session(c->ops[i], c->sess);
	}
	return true;
}

/* A full ring refuses, order kept, statuses and statistics. */
static void
ring_traffic(struct ring_ctx *c)
{
	struct rte_crypto_op **ops = c->ops, *out[128];
	struct rte_cryptodev_stats st;
	uint16_t enq, deq = 0;
	int tries;

	enq = rte_cryptodev_enqueue_burst(c->id, 0, ops, 100);
	tap_ok(enq == 64, "a ring of depth 64 accepts 64 of 100 ops (%u)", enq);
	tap_ok(rte_cryptodev_enqueue_burst(c->id, 0, ops + enq, 1) == 0,
		"a full ring refuses the next op");
	for (tries = 0; tries < 1000 && deq < enq; tries++)
		deq += rte_cryptodev_dequeue_burst(c->id, 0, out + deq, 128 - deq);
	tap_ok(deq == enq, "every accepted op is dequeued once (%u)", deq);
	tap_ok(deq == 64 && out[0] == ops[0] && out[63] == ops[63],
		"ops come back in order");
	tap_ok(deq == 64 && out[10]->status == RTE_CRYPTO_OP_STATUS_SUCCESS &&
		out[63]->status == RTE_CRYPTO_OP_STATUS_INVALID_SESSION,
		"good op succeeds (%d), sessionless op fails with INVALID_SESSION (%d)",
		deq ? out[10]->status : -1, deq ? out[63]->status : -1);
	rte_cryptodev_stats_get(c->id, &st);
	tap_ok(st.enqueued_count == 64 && st.dequeued_count == 64 &&
		st.enqueue_err_count == 37 && st.dequeue_err_count == 1,
		"stats: enq %" PRIu64 " deq %" PRIu64 " enq_err %" PRIu64 " deq_err %" PRIu64,
		st.enqueued_count, st.dequeued_count, st.enqueue_err_count,
		st.dequeue_err_count);
	rte_cryptodev_stats_reset(c->id);
	rte_cryptodev_stats_get(c->id, &st);
	tap_ok(st.enqueued_count == 0 && st.enqueue_err_count == 0,
		"stats reset");
}

/* Ops left in the ring at a new setup: the instance keeps its ring (no
 * hugepage memory freed or taken again) and empties it.
 */
static void
ring_reuse(struct ring_ctx *c)
{
	struct rte_ring *r0 = rte_ring_lookup(c->ring);
	unsigned int before, after;
	uint16_t enq;
	int rc;

	enq = rte_cryptodev_enqueue_burst(c->id, 0, c->ops + 64, 5);
	rte_cryptodev_stop(c->id);
	before = r0 != NULL ? rte_ring_count(r0) : 0;
	rc = rte_cryptodev_queue_pair_setup(c->id, 0, &c->qpc, SOCKET_ID_ANY);
	after = r0 != NULL ? rte_ring_count(r0) : 0;
	tap_ok(enq == 5 && before == 5 && rc == 0 && r0 != NULL &&
		rte_ring_lookup(c->ring) == r0 && after == 0,
		"a new setup of the same size reuses the instance's ring, emptied (%u ops before, %u after)",
		before, after);
}

/* Ring depth 64 from the config: the 65th op in flight is refused, every
 * accepted op comes back once, bad ops complete with an error status.
 */
static void
test_ring(const char *scratch)
{
	struct ring_ctx c = { 0 };

	if (!ring_start(&c, scratch))
		return;
	if (ring_ops(&c)) {
		ring_traffic(&c);
		ring_reuse(&c);
		for (unsigned int i = 0; i < 100; i++) {
			rte_pktmbuf_free(c.ops[i]->sym->m_src);
			rte_crypto_op_free(c.ops[i]);
		}
		rte_cryptodev_sym_session_free(c.id, c.sess);
	}
	rte_cryptodev_stop(c.id);
	unplug();
	rte_mempool_free(c.opp);
	rte_mempool_free(c.mbp);
	rte_mempool_free(c.sp);
}

static void
test_errors(const char *scratch)
{
	char dir[512], args[600], body[8192];
	int rc, i;

	snprintf(dir, sizeof(dir), "%s/bad", scratch);
	write_file(dir, "4xxx_dev0.conf",
		"[SSL]\nNumProcesses = 1\nNumCyInstances = 1\nCy0Name = \"a\"\nBogus = 1\n");
	snprintf(args, sizeof(args), "conf_dir=%s", dir);
	probe(args, &rc);
	tap_ok(rc < 0 && rte_cryptodev_count() == 0,
		"a bad config fails the probe (rc %d) and creates nothing", rc);
	tap_ok(logged("4xxx_dev0.conf:5: [SSL] Bogus:"),
		"the probe log names file:line [section] key");
	rte_vdev_uninit(VDEV);

	probe("conf_dir=/nonexistent/qatsec", &rc);
	tap_ok(rc < 0 && logged("/nonexistent/qatsec"),
		"a missing conf_dir fails and is named");
	rte_vdev_uninit(VDEV);

	probe("numa_node=31", &rc);
	tap_ok(rc < 0 && logged("NUMA node 31 does not exist"),
		"a NUMA node the machine lacks fails the probe");
	rte_vdev_uninit(VDEV);

	probe("color=blue", &rc);
	tap_ok(rc < 0 && logged("color=blue"), "an unknown devarg fails the probe");
	rte_vdev_uninit(VDEV);

	/* 2 x 33 single-instance sections need 66 devices: over DPDK's 64. */
	snprintf(dir, sizeof(dir), "%s/many", scratch);
	body[0] = '\0';
	strcat(body, "[GENERAL]\nServicesEnabled = sym\n[SSL]\nNumProcesses = 33\n"
		"LimitDevAccess = 1\nNumCyInstances = 1\nCy0Name = \"x\"\n");
	for (i = 0; i < 2; i++) {
		char name[32];

		snprintf(name, sizeof(name), "4xxx_dev%d.conf", i);
		write_file(dir, name, body);
	}
	snprintf(args, sizeof(args), "conf_dir=%s", dir);
	probe(args, &rc);
	tap_ok(rc < 0 && logged("needs 66 crypto devices") &&
		logged("RTE_CRYPTO_MAX_DEVS=64"),
		"more sections than free crypto devices fails, naming both counts");
	rte_vdev_uninit(VDEV);
}

int
main(int argc, char **argv)
{
	int n = rte_eal_init(argc, argv);

	if (n < 0) {
		printf("Bail out! rte_eal_init failed\n");
		return 1;
	}
	argc -= n;
	argv += n;
	if (argc < 3) {
		printf("Bail out! usage: test_pmd_ops [EAL] -- SEED_DIR SCRATCH_DIR\n");
		return 1;
	}
	mkdir(argv[2], 0755);
	test_default();
	test_seed(argv[1]);
	test_ring(argv[2]);
	test_errors(argv[2]);
	rte_eal_cleanup();
	return tap_done();
}
