/* SPDX-License-Identifier: BSD-3-Clause
 * The engine tests' harness: EAL, pools, a session in plain memory laid
 * out as the cryptodev layer lays it out, and one op at a time through
 * the engine's process() in six buffer modes (in place / out of place,
 * linear / segmented), with a prefix and suffix around the region and
 * guard bytes checked after every op. With a device named, each op goes
 * through that cryptodev instead (session made by the PMD, enqueue,
 * dequeue): the same answers, through the PMD's routing.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cryptodev_pmd.h>
#include <rte_cryptodev.h>
#include <rte_eal.h>
#include <rte_mbuf.h>

#include "engine_test.h"
#include "tap.h"

const struct et_mode et_modes[6] = {
	{ "inplace-lin", false, false, false },
	{ "inplace-sgl", false, true, false },
	{ "oop-lin-lin", true, false, false },
	{ "oop-sgl-sgl", true, true, true },
	{ "oop-lin-sgl", true, false, true },
	{ "oop-sgl-lin", true, true, false },
};

#define ET_PRE	5
#define ET_POST	7
#define ET_GUARD_BYTE	0xa5
#define ET_ROOM	(ET_LEN_MAX + 64)

static const struct qatsec_engine *eng;
static struct rte_mempool *mbuf_pool, *op_pool, *sess_pool;
static int dev_id = -1;		/* through this cryptodev, else direct */
static int ref_id = -1;		/* a reference cryptodev, if any */
static int run_id = -1;		/* the one et_run() uses now */
static struct rte_cryptodev_sym_session *sess;
static uint64_t rnd = 88172645463325252ull;

uint32_t
et_rand(void)
{
	rnd ^= rnd << 13;
	rnd ^= rnd >> 7;
	rnd ^= rnd << 17;
	return (uint32_t)rnd;
}

/* The suite's TAP lines, through the tests' one emitter. */
void
et_ok(bool ok, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	tap_vok(ok, fmt, ap);
	va_end(ap);
}

int
et_done(void)
{
	printf("# %u of %u failed\n", tap_failures(), tap_count());
	return tap_done();
}

/* The first cryptodev whose name starts with name. */
static int
et_dev_find(const char *name)
{
	uint8_t id;

	for (id = 0; id < rte_cryptodev_count(); id++)
		if (strncmp(rte_cryptodev_name_get(id), name, strlen(name)) == 0)
			return id;
	return -1;
}

/* Device id, started with one queue pair. */
static int
et_dev_open(int id)
{
	struct rte_cryptodev_config cfg = { .socket_id = SOCKET_ID_ANY,
		.nb_queue_pairs = 1 };
	struct rte_cryptodev_qp_conf qc = { .nb_descriptors = 64,
		.mp_session = sess_pool };

	if (id < 0 || rte_cryptodev_configure(id, &cfg) != 0 ||
			rte_cryptodev_queue_pair_setup(id, 0, &qc,
				SOCKET_ID_ANY) != 0 ||
			rte_cryptodev_start(id) != 0)
		return -1;
	printf("# cryptodev %s (id %d)\n", rte_cryptodev_name_get(id), id);
	return id;
}

/* One session pool for both devices: sized for the larger. */
static int
et_devs_open(const char *dev, const char *ref)
{
	unsigned int sz = 0;

	dev_id = et_dev_find(dev);
	ref_id = ref != NULL ? et_dev_find(ref) : -1;
	if (dev_id < 0 || (ref != NULL && ref_id < 0))
		return -1;
	sz = rte_cryptodev_sym_get_private_session_size(dev_id);
	if (ref_id >= 0)
		sz = RTE_MAX(sz,
			rte_cryptodev_sym_get_private_session_size(ref_id));
	sess_pool = rte_cryptodev_sym_session_pool_create("et_sess", 64, sz,
		0, 0, SOCKET_ID_ANY);
	if (sess_pool == NULL || et_dev_open(dev_id) < 0 ||
			(ref_id >= 0 && et_dev_open(ref_id) < 0))
		return -1;
	run_id = dev_id;
	return 0;
}

int
et_init(int argc, char **argv, unsigned int engine_id, const char *dev,
		const char *ref)
{
	int ret = rte_eal_init(argc, argv);
	const char *seed = getenv("ET_SEED");

	if (ret < 0)
		return -1;
	/* A new seed each run (segment sizes, fuzz), printed for replay. */
	rnd = seed != NULL ? strtoull(seed, NULL, 0) :
		(uint64_t)time(NULL) * 2654435761u ^ (uint64_t)getpid();
	if (rnd == 0)
		rnd = 1;
	printf("# seed %llu (ET_SEED=%llu replays this run)\n",
		(unsigned long long)rnd, (unsigned long long)rnd);
	eng = qatsec_engine_get(engine_id);
	if (eng == NULL)
		return -1;
	mbuf_pool = rte_pktmbuf_pool_create("et_mbuf", 2048, 0, 0,
		ET_ROOM + RTE_PKTMBUF_HEADROOM, SOCKET_ID_ANY);
	op_pool = rte_crypto_op_pool_create("et_op",
		RTE_CRYPTO_OP_TYPE_SYMMETRIC, 64, 0, 64, SOCKET_ID_ANY);
	sess = calloc(1, sizeof(*sess) + eng->session_size());
	if (mbuf_pool == NULL || op_pool == NULL || sess == NULL)
		return -1;
	if (dev != NULL && et_devs_open(dev, ref) != 0)
		return -1;
	return ret;
}

bool
et_through_dev(void)
{
	return dev_id >= 0;
}

bool
et_use_ref(bool ref)
{
	if (ref && ref_id < 0)
		return false;
	run_id = ref ? ref_id : dev_id;
	return true;
}

/* One op through the device: enqueued, dequeued (the same op, once). */
static int
et_dev_process(struct rte_crypto_op *op)
{
	struct rte_crypto_op *back = NULL;
	unsigned int spins;

	if (rte_cryptodev_enqueue_burst(run_id, 0, &op, 1) != 1)
		return -1;
	for (spins = 0; spins < 100000000u; spins++)
		if (rte_cryptodev_dequeue_burst(run_id, 0, &back, 1) == 1)
			return back == op ? 0 : -1;
	return -1;
}

const struct qatsec_engine *
et_engine(void)
{
	return eng;
}

struct rte_mempool *
et_op_pool(void)
{
	return op_pool;
}

struct rte_mempool *
et_mbuf_pool(void)
{
	return mbuf_pool;
}

int
et_configure(const struct rte_crypto_sym_xform *xf)
{
	eng->session_clear(sess->driver_priv_data);
	return eng->session_configure(sess->driver_priv_data, xf);
}

void *
et_session(const struct rte_crypto_sym_xform *xf)
{
	return et_configure(xf) == 0 ? sess : NULL;
}

/* A chain of total bytes: one segment, or random segments of 0..97 bytes
 * (more for long chains; empty ones among them), filled with guard bytes.
 */
static struct rte_mbuf *
et_chain(uint32_t total, bool seg)
{
	struct rte_mbuf *head = NULL, *m;
	uint32_t left = total, n;

	do {
		m = rte_pktmbuf_alloc(mbuf_pool);
		if (m == NULL)
			goto fail;
		/* Long chains: segments of up to a 1/64th of the total. */
		n = seg ? RTE_MIN(left, et_rand() % RTE_MAX(98u, total / 64)) :
			left;
		if (rte_pktmbuf_append(m, n) == NULL && n != 0) {
			rte_pktmbuf_free(m);
			goto fail;
		}
		memset(rte_pktmbuf_mtod(m, uint8_t *), ET_GUARD_BYTE, n);
		if (head == NULL)
			head = m;
		else if (rte_pktmbuf_chain(head, m) != 0) {
			rte_pktmbuf_free(m);
			goto fail;
		}
		left -= n;
	} while (left != 0);
	return head;
fail:
	rte_pktmbuf_free(head);
	return NULL;
}

/* Copy to (to_mbuf) or from buf the len bytes at off of chain m. */
static void
et_mcopy(struct rte_mbuf *m, uint32_t off, uint32_t len, uint8_t *buf,
		bool to_mbuf)
{
	uint32_t n;

	for (; m != NULL && len != 0; m = m->next) {
		if (off >= m->data_len) {
			off -= m->data_len;
			continue;
		}
		n = RTE_MIN((uint32_t)m->data_len - off, len);
		if (to_mbuf)
			memcpy(rte_pktmbuf_mtod_offset(m, uint8_t *, off), buf, n);
		else
			memcpy(buf, rte_pktmbuf_mtod_offset(m, uint8_t *, off), n);
		buf += n;
		len -= n;
		off = 0;
	}
}

static bool
et_guards(struct rte_mbuf *m, uint32_t len, const uint8_t *pre)
{
	uint8_t b[ET_PRE + ET_POST];
	unsigned int i;

	et_mcopy(m, 0, ET_PRE, b, false);
	et_mcopy(m, ET_PRE + len, ET_POST, b + ET_PRE, false);
	for (i = 0; i < ET_PRE; i++)
		if (b[i] != (pre != NULL ? pre[i] : ET_GUARD_BYTE))
			return false;
	for (i = ET_PRE; i < ET_PRE + ET_POST; i++)
		if (b[i] != ET_GUARD_BYTE)
			return false;
	return true;
}

static void
et_fill_op(struct rte_crypto_op *op, const struct et_job *j,
		struct rte_mbuf *src, struct rte_mbuf *dst, uint8_t *aad)
{
	struct rte_crypto_sym_op *sym = op->sym;
	uint8_t *iv = rte_crypto_op_ctod_offset(op, uint8_t *, ET_IV_OFFSET);

	rte_crypto_op_attach_sym_session(op, sess);
	sym->m_src = src;
	sym->m_dst = dst;
	if (j->aead) {
		/* DPDK's CCM layout: nonce at IV + 1, AAD after 18 bytes. */
		memcpy(iv + 1, j->iv, j->iv_len);
		if (j->aad_len != 0)
			memcpy(aad + 18, j->aad, j->aad_len);
		sym->aead.data.offset = ET_PRE;
		sym->aead.data.length = j->len;
		sym->aead.aad.data = aad;
		sym->aead.digest.data = j->digest;
		return;
	}
	if (j->iv_len != 0)
		memcpy(iv, j->iv, j->iv_len);
	sym->cipher.data.offset = ET_PRE;
	sym->cipher.data.length = j->len;
	sym->auth.data.offset = ET_PRE;
	sym->auth.data.length = j->len;
	sym->auth.digest.data = j->digest;
}

uint8_t
et_run(const struct et_job *j, const struct et_mode *m, uint8_t *out)
{
	static uint8_t aad[18 + 65536 + 16];
	uint32_t total = ET_PRE + j->len + ET_POST;
	struct rte_mbuf *src = NULL, *dst = NULL;
	struct rte_crypto_op *op = NULL;
	uint8_t pre[ET_PRE], st = ET_HARNESS, *orig = NULL;
	void *dsess = NULL;
	unsigned int i;

	/* The local engine must accept what the device is asked (direct
	 * calls use it; through a device it checks the test's xforms).
	 */
	if (j->len > ET_LEN_MAX || ((ref_id < 0 || run_id != ref_id) &&
			et_configure(j->xf) != 0))
		return ET_HARNESS;
	for (i = 0; i < ET_PRE; i++)
		pre[i] = (uint8_t)et_rand();
	src = et_chain(total, m->src_seg);
	if (m->oop)
		dst = et_chain(total, m->dst_seg);
	op = rte_crypto_op_alloc(op_pool, RTE_CRYPTO_OP_TYPE_SYMMETRIC);
	orig = malloc(total);
	if (src == NULL || (m->oop && dst == NULL) || op == NULL || orig == NULL)
		goto out;
	et_mcopy(src, 0, ET_PRE, pre, true);
	et_mcopy(src, ET_PRE, j->len, (uint8_t *)(uintptr_t)j->in, true);
	et_mcopy(src, 0, total, orig, false);
	if (run_id >= 0) {
		/* The PMD routes the session to the first engine taking it. */
		dsess = rte_cryptodev_sym_session_create(run_id,
			(struct rte_crypto_sym_xform *)(uintptr_t)j->xf, sess_pool);
		if (dsess == NULL)
			goto out;
	}
	et_fill_op(op, j, src, dst, aad);
	if (dsess != NULL)
		rte_crypto_op_attach_sym_session(op, dsess);
	if (dsess != NULL ? et_dev_process(op) != 0 : eng->process(&op, 1) < 0)
		goto out;
	st = op->status;
	et_mcopy(dst != NULL ? dst : src, ET_PRE, j->len, out, false);
	/* Out of place: src is untouched and dst changes in the region
	 * only; in place: nothing but the region changes.
	 */
	if (dst != NULL) {
		uint8_t *now = malloc(total);

		if (now == NULL)
			goto out;
		et_mcopy(src, 0, total, now, false);
		if (memcmp(now, orig, total) != 0 || !et_guards(dst, j->len, NULL))
			st = ET_GUARD;
		free(now);
	} else if (!et_guards(src, j->len, pre)) {
		st = ET_GUARD;
	}
out:
	if (dsess != NULL)
		rte_cryptodev_sym_session_free(run_id, dsess);
	free(orig);
	rte_crypto_op_free(op);
	rte_pktmbuf_free(src);
	rte_pktmbuf_free(dst);
	return st;
}
