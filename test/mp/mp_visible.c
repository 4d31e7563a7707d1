/* SPDX-License-Identifier: BSD-3-Clause
 * Suite mp: what an unmodified application sees after claiming through
 * --vdev 'crypto_qatsec,section=NAME', whichever way it looks for its
 * device: rte_cryptodev_count(), ids from 0, devices_get(), by name, by
 * driver; then it uses device 0 as id walkers do (configure every queue
 * pair, start, one NIST AES-128-CBC block, stats, stop, close), and asks a
 * hidden slot what walkers of every id would. Prints one line a fact; the
 * shell tests assert them. Links only DPDK (loads the PMD with -d).
 * Usage: mp_visible [EAL secondary args with the vdev]; environment:
 * VISIBLE_NAME the device name to look up (default: that of id 0),
 * VISIBLE_USE=1 use device 0, VISIBLE_HOLD=S hold it S seconds, started,
 * VISIBLE_HOTPLUG=VDEV hot-plug VDEV (e.g. crypto_null_x) into the group
 * first and say where this process sees it, VISIBLE_ETH_CLOSE=1 stop and
 * close every Ethernet port before rte_eal_cleanup() (what ipsec-secgw
 * does at exit).
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <rte_crypto.h>
#include <rte_cryptodev.h>
#include <rte_dev.h>
#include <rte_eal.h>
#include <rte_ethdev.h>
#include <rte_mbuf.h>

/* SP 800-38A F.2.1, first block. */
static const uint8_t key[16] = {
	0x2b, 0x7e, 0x15, 0x16, 0x28, 0xae, 0xd2, 0xa6,
	0xab, 0xf7, 0x15, 0x88, 0x09, 0xcf, 0x4f, 0x3c };
static const uint8_t iv[16] = {
	0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07,
	0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f };
static const uint8_t pt[16] = {
	0x6b, 0xc1, 0xbe, 0xe2, 0x2e, 0x40, 0x9f, 0x96,
	0xe9, 0x3d, 0x7e, 0x11, 0x73, 0x93, 0x17, 0x2a };
static const uint8_t ct[16] = {
	0x76, 0x49, 0xab, 0xac, 0x81, 0x19, 0xb2, 0x46,
	0xce, 0xe9, 0x8e, 0x9b, 0x12, 0xe9, 0x19, 0x7d };
#define IV_OFF (sizeof(struct rte_crypto_op) + sizeof(struct rte_crypto_sym_op))

static void
walk(void)
{
	uint8_t ids[RTE_CRYPTO_MAX_DEVS];
	unsigned int i, n, sizes = 0;
	int drv = rte_cryptodev_driver_id_get("crypto_qatsec");

	printf("count %u\n", rte_cryptodev_count());
	n = rte_cryptodev_devices_get("crypto_qatsec", ids, RTE_DIM(ids));
	printf("devices %u", n);
	for (i = 0; i < n; i++)
		printf(" %s", rte_cryptodev_name_get(ids[i]));
	printf("\ndevice-ids");
	for (i = 0; i < n; i++)
		printf(" %u", ids[i]);
	printf("\nby-driver %u\n", drv < 0 ? 0 :
		rte_cryptodev_device_count_by_driver((uint8_t)drv));
	for (i = 0; i < rte_cryptodev_count(); i++) {
		struct rte_cryptodev_info info;

		rte_cryptodev_info_get(i, &info);
		printf("id %u %s driver %s qps %u\n", i,
			rte_cryptodev_name_get(i), info.driver_name,
			info.max_nb_queue_pairs);
	}
	/* crypto-perf asks every id below the count, hidden ones included. */
	for (i = 0; i < RTE_CRYPTO_MAX_DEVS; i++)
		sizes += rte_cryptodev_sym_get_private_session_size(i) > 0;
	printf("session-size answers %u\n", sizes);
	/* Walkers of every valid id (telemetry's /cryptodev/list). */
	for (i = 0; i < RTE_CRYPTO_MAX_DEVS; i++) {
		struct rte_cryptodev_info info;

		if (i == 0 || !rte_cryptodev_is_valid_dev(i))
			continue;
		rte_cryptodev_info_get(i, &info);
		printf("other %u name '%s' driver %s qps %u caps-end %d\n", i,
			rte_cryptodev_name_get(i), info.driver_name,
			info.max_nb_queue_pairs, info.capabilities != NULL &&
			info.capabilities[0].op == RTE_CRYPTO_OP_TYPE_UNDEFINED);
	}
}

/* A device plugged into the group after the claim: the primary probes it
 * first, then every secondary attaches it by its own next free index.
 */
static void
hotplug(const char *vdev)
{
	int ret = rte_dev_probe(vdev), id;
	uint8_t ids[RTE_CRYPTO_MAX_DEVS];
	const char *name;

	id = rte_cryptodev_get_dev_id(vdev);
	name = id < 0 ? NULL : rte_cryptodev_name_get(id);
	printf("hotplug %d count %u id %d name %s null-devices %u", ret,
		rte_cryptodev_count(), id, name != NULL ? name : "-",
		rte_cryptodev_devices_get("crypto_null", ids, RTE_DIM(ids)));
	printf(" data-id %d\n", rte_cryptodev_devices_get("crypto_null", ids,
		RTE_DIM(ids)) == 1 ? ids[0] : -1);
	if (ret == 0)
		printf("unplug %d count %u\n",
			rte_eal_hotplug_remove("vdev", vdev),
			rte_cryptodev_count());
}

static int
one_block(struct rte_mempool *sp, struct rte_mempool *op_mp,
		struct rte_mempool *mb_mp, uint16_t nb_qp)
{
	struct rte_crypto_sym_xform x = {
		.type = RTE_CRYPTO_SYM_XFORM_CIPHER,
		.cipher = {
			.op = RTE_CRYPTO_CIPHER_OP_ENCRYPT,
			.algo = RTE_CRYPTO_CIPHER_AES_CBC,
			.key = { .data = key, .length = 16 },
			.iv = { .offset = IV_OFF, .length = 16 },
		},
	};
	struct rte_crypto_op *op = rte_crypto_op_alloc(op_mp,
		RTE_CRYPTO_OP_TYPE_SYMMETRIC), *out = NULL;
	struct rte_mbuf *m = rte_pktmbuf_alloc(mb_mp);
	void *sess = rte_cryptodev_sym_session_create(0, &x, sp);
	uint16_t q = nb_qp - 1;
	int i, ok = -1;

	printf("session %s\n", sess != NULL ? "created" : "refused");
	if (sess == NULL || op == NULL || m == NULL)
		return -1;
	memcpy(rte_pktmbuf_append(m, 16), pt, 16);
	memcpy(rte_crypto_op_ctod_offset(op, uint8_t *, IV_OFF), iv, 16);
	op->sym->m_src = m;
	op->sym->cipher.data.length = 16;
	rte_crypto_op_attach_sym_session(op, sess);
	/* The last queue pair: all of them were set up. */
	if (rte_cryptodev_enqueue_burst(0, q, &op, 1) == 1)
		for (i = 0; i < 1000000 && out == NULL; i++)
			rte_cryptodev_dequeue_burst(0, q, &out, 1);
	if (out != NULL && out->status == RTE_CRYPTO_OP_STATUS_SUCCESS &&
			memcmp(rte_pktmbuf_mtod(m, void *), ct, 16) == 0)
		ok = 0;
	printf("nist-block %s\n", ok == 0 ? "ok" : "wrong");
	rte_pktmbuf_free(m);
	rte_crypto_op_free(op);
	printf("session-free %d\n", rte_cryptodev_sym_session_free(0, sess));
	return ok;
}

static void
use_device_0(void)
{
	struct rte_cryptodev_config conf = { .socket_id = SOCKET_ID_ANY };
	struct rte_cryptodev_qp_conf qc = { .nb_descriptors = 128 };
	struct rte_cryptodev_stats st;
	struct rte_cryptodev_info info;
	struct rte_mempool *sp, *op_mp, *mb_mp;
	char name[RTE_MEMPOOL_NAMESIZE];
	uint16_t q;
	int ret = 0;

	rte_cryptodev_info_get(0, &info);
	conf.nb_queue_pairs = info.max_nb_queue_pairs;
	snprintf(name, sizeof(name), "vis_s%d", (int)getpid());
	sp = rte_cryptodev_sym_session_pool_create(name, 16,
		rte_cryptodev_sym_get_private_session_size(0), 0, 0,
		SOCKET_ID_ANY);
	snprintf(name, sizeof(name), "vis_o%d", (int)getpid());
	op_mp = rte_crypto_op_pool_create(name, RTE_CRYPTO_OP_TYPE_SYMMETRIC,
		16, 0, 16, SOCKET_ID_ANY);
	snprintf(name, sizeof(name), "vis_m%d", (int)getpid());
	mb_mp = rte_pktmbuf_pool_create(name, 16, 0, 0, 2048, SOCKET_ID_ANY);
	if (sp == NULL || op_mp == NULL || mb_mp == NULL) {
		printf("pools failed\n");
		return;
	}
	printf("configure %d\n", rte_cryptodev_configure(0, &conf));
	qc.mp_session = sp;
	for (q = 0; q < conf.nb_queue_pairs; q++)
		ret |= rte_cryptodev_queue_pair_setup(0, q, &qc, SOCKET_ID_ANY);
	printf("qp-setup %u %d\n", conf.nb_queue_pairs, ret);
	printf("start %d\n", rte_cryptodev_start(0));
	one_block(sp, op_mp, mb_mp, conf.nb_queue_pairs);
	memset(&st, 0, sizeof(st));
	ret = rte_cryptodev_stats_get(0, &st);
	printf("stats %d enq %" PRIu64 " deq %" PRIu64 "\n", ret,
		st.enqueued_count, st.dequeued_count);
	fflush(stdout);
	/* The line the shell waits for before it looks at the primary. */
	printf("started\n");
	fflush(stdout);
	if (getenv("VISIBLE_HOLD") != NULL)
		sleep(atoi(getenv("VISIBLE_HOLD")));
	rte_cryptodev_stop(0);
	printf("close %d\n", rte_cryptodev_close(0));
}

int
main(int argc, char **argv)
{
	const char *want;

	if (rte_eal_init(argc, argv) < 0)
		return 1;
	if (getenv("VISIBLE_HOTPLUG") != NULL)
		hotplug(getenv("VISIBLE_HOTPLUG"));
	walk();
	want = getenv("VISIBLE_NAME");
	if (want == NULL)
		want = rte_cryptodev_name_get(0);
	printf("by-name %s %d\n", want != NULL ? want : "-",
		want != NULL ? rte_cryptodev_get_dev_id(want) : -1);
	if (getenv("VISIBLE_USE") != NULL && rte_cryptodev_count() > 0)
		use_device_0();
	if (getenv("VISIBLE_ETH_CLOSE") != NULL) {
		uint16_t port;

		RTE_ETH_FOREACH_DEV(port)
			printf("eth %u stop %d close %d\n", port,
				rte_eth_dev_stop(port), rte_eth_dev_close(port));
	}
	printf("cleanup\n");
	fflush(stdout);
	rte_eal_cleanup();
	return 0;
}
