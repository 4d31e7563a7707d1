/* SPDX-License-Identifier: BSD-3-Clause
 * qatsec-worker: a DPDK secondary that claims an internal section through
 * rte_pmd_qatsec_user_start() (the icp_sal_userStart of DPDK), runs crypto
 * traffic on every instance of it, checks a sample of the results against
 * OpenSSL, prints what it held and its throughput, and releases it.
 *   qatsec-worker [EAL] -- --section NAME [--seconds N] [--algo gcm|cbc-sha1]
 *                          [--size BYTES] [--wait MS] [--hold N]
 *                          [--claim-at UNIX_MS]
 * --seconds 0 only claims (the device is not even configured); --hold
 * keeps the claim N more seconds (or until SIGINT/SIGTERM), for tests that
 * need a holder; --claim-at delays the claim to a wall-clock instant, so
 * that processes started one by one still race for sections at once.
 * Exit: 0 ok, 1 crypto or setup failure, 2 usage, 3 no section could be
 * claimed.
 */
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <rte_common.h>
#include <rte_cryptodev.h>
#include <rte_cycles.h>
#include <rte_eal.h>
#include <rte_mbuf.h>
#include <rte_random.h>

#include "rte_pmd_qatsec.h"
#define QATSEC_APP_WITH_DPDK
#include "qatsec_app.h"

#define BURST		32
#define OPS_PER_QP	(2 * BURST)
#define IV_OFF		(sizeof(struct rte_crypto_op) + sizeof(struct rte_crypto_sym_op))
#define AAD_OFF		(IV_OFF + 16)
#define AAD_LEN		16
#define SAMPLE_EVERY	64	/* bursts between two checked ops */
#define MAX_SPINS	(1u << 24)	/* a queue pair that never answers */

enum algo { ALGO_GCM, ALGO_CBC_SHA1 };

static struct {
	char section[RTE_PMD_QATSEC_NAME_MAX];
	unsigned int seconds;
	unsigned int size;
	unsigned int wait_ms;
	unsigned int hold;
	uint64_t claim_at_ms;
	enum algo algo;
} cfg = { "", 2, 1024, 0, 0, 0, ALGO_GCM };

static uint8_t key[16], auth_key[20];
static volatile sig_atomic_t quit;

static void
on_signal(int sig __rte_unused)
{
	quit = 1;
}

static unsigned int
digest_len(void)
{
	return cfg.algo == ALGO_GCM ? 16 : 20;
}

/* The second implementation: what the output of (plaintext, iv, aad) must
 * be. Returns 0 when out/digest match.
 */
static int
check_with_openssl(const uint8_t *pt, const uint8_t *iv, const uint8_t *aad,
		const uint8_t *out, const uint8_t *digest)
{
	uint8_t ct[16384], tag[32];
	EVP_CIPHER_CTX *c = EVP_CIPHER_CTX_new();
	unsigned int hl = 0;
	int l = 0, l2 = 0, ok;

	if (c == NULL)
		return -1;
	if (cfg.algo == ALGO_GCM) {
		EVP_EncryptInit_ex(c, EVP_aes_128_gcm(), NULL, NULL, NULL);
		EVP_CIPHER_CTX_ctrl(c, EVP_CTRL_GCM_SET_IVLEN, 12, NULL);
		EVP_EncryptInit_ex(c, NULL, NULL, key, iv);
		EVP_EncryptUpdate(c, NULL, &l, aad, AAD_LEN);
		EVP_EncryptUpdate(c, ct, &l, pt, cfg.size);
		EVP_EncryptFinal_ex(c, ct + l, &l2);
		EVP_CIPHER_CTX_ctrl(c, EVP_CTRL_GCM_GET_TAG, 16, tag);
	} else {
		EVP_EncryptInit_ex(c, EVP_aes_128_cbc(), NULL, key, iv);
		EVP_CIPHER_CTX_set_padding(c, 0);
		EVP_EncryptUpdate(c, ct, &l, pt, cfg.size);
		EVP_EncryptFinal_ex(c, ct + l, &l2);
		HMAC(EVP_sha1(), auth_key, sizeof(auth_key), ct, cfg.size,
			tag, &hl);
	}
	EVP_CIPHER_CTX_free(c);
	ok = memcmp(ct, out, cfg.size) == 0 &&
		memcmp(tag, digest, digest_len()) == 0;
	return ok ? 0 : -1;
}

static void *
make_session(uint8_t dev_id, struct rte_mempool *sp)
{
	struct rte_crypto_sym_xform x[2];

	memset(x, 0, sizeof(x));
	if (cfg.algo == ALGO_GCM) {
		x[0].type = RTE_CRYPTO_SYM_XFORM_AEAD;
		x[0].aead.op = RTE_CRYPTO_AEAD_OP_ENCRYPT;
		x[0].aead.algo = RTE_CRYPTO_AEAD_AES_GCM;
		x[0].aead.key.data = key;
		x[0].aead.key.length = sizeof(key);
		x[0].aead.iv.offset = IV_OFF;
		x[0].aead.iv.length = 12;
		x[0].aead.digest_length = 16;
		x[0].aead.aad_length = AAD_LEN;
	} else {
		x[0].type = RTE_CRYPTO_SYM_XFORM_CIPHER;
		x[0].next = &x[1];
		x[0].cipher.op = RTE_CRYPTO_CIPHER_OP_ENCRYPT;
		x[0].cipher.algo = RTE_CRYPTO_CIPHER_AES_CBC;
		x[0].cipher.key.data = key;
		x[0].cipher.key.length = sizeof(key);
		x[0].cipher.iv.offset = IV_OFF;
		x[0].cipher.iv.length = 16;
		x[1].type = RTE_CRYPTO_SYM_XFORM_AUTH;
		x[1].auth.op = RTE_CRYPTO_AUTH_OP_GENERATE;
		x[1].auth.algo = RTE_CRYPTO_AUTH_SHA1_HMAC;
		x[1].auth.key.data = auth_key;
		x[1].auth.key.length = sizeof(auth_key);
		x[1].auth.digest_length = 20;
	}
	return rte_cryptodev_sym_session_create(dev_id, x, sp);
}

static void
fill_op(struct rte_crypto_op *op, void *sess)
{
	struct rte_mbuf *m = op->sym->m_src;
	uint8_t *iv = rte_crypto_op_ctod_offset(op, uint8_t *, IV_OFF);
	uint8_t *p = rte_pktmbuf_mtod(m, uint8_t *);
	unsigned int i;

	for (i = 0; i < cfg.size; i++)
		p[i] = (uint8_t)rte_rand();
	for (i = 0; i < 16; i++)
		iv[i] = (uint8_t)rte_rand();
	rte_crypto_op_attach_sym_session(op, sess);
	if (cfg.algo == ALGO_GCM) {
		uint8_t *aad = rte_crypto_op_ctod_offset(op, uint8_t *, AAD_OFF);

		for (i = 0; i < AAD_LEN; i++)
			aad[i] = (uint8_t)rte_rand();
		op->sym->aead.data.offset = 0;
		op->sym->aead.data.length = cfg.size;
		op->sym->aead.aad.data = aad;
		op->sym->aead.aad.phys_addr =
			rte_crypto_op_ctophys_offset(op, AAD_OFF);
		op->sym->aead.digest.data = p + cfg.size;
		op->sym->aead.digest.phys_addr =
			rte_pktmbuf_iova_offset(m, cfg.size);
	} else {
		op->sym->cipher.data.offset = 0;
		op->sym->cipher.data.length = cfg.size;
		op->sym->auth.data.offset = 0;
		op->sym->auth.data.length = cfg.size;
		op->sym->auth.digest.data = p + cfg.size;
		op->sym->auth.digest.phys_addr =
			rte_pktmbuf_iova_offset(m, cfg.size);
	}
}

static int
parse_args(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "section", required_argument, NULL, 's' },
		{ "seconds", required_argument, NULL, 't' },
		{ "size", required_argument, NULL, 'b' },
		{ "algo", required_argument, NULL, 'a' },
		{ "wait", required_argument, NULL, 'w' },
		{ "hold", required_argument, NULL, 'h' },
		{ "claim-at", required_argument, NULL, 'c' },
		{ NULL, 0, NULL, 0 },
	};
	int opt;

	while ((opt = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (opt) {
		case 's':
			snprintf(cfg.section, sizeof(cfg.section), "%s", optarg);
			break;
		case 't':
			cfg.seconds = atoi(optarg);
			break;
		case 'b':
			cfg.size = atoi(optarg);
			break;
		case 'w':
			cfg.wait_ms = atoi(optarg);
			break;
		case 'h':
			cfg.hold = atoi(optarg);
			break;
		case 'c':
			cfg.claim_at_ms = strtoull(optarg, NULL, 10);
			break;
		case 'a':
			if (strcmp(optarg, "gcm") == 0)
				cfg.algo = ALGO_GCM;
			else if (strcmp(optarg, "cbc-sha1") == 0)
				cfg.algo = ALGO_CBC_SHA1;
			else
				return -1;
			break;
		default:
			return -1;
		}
	}
	if (cfg.section[0] == '\0' || cfg.size == 0 || cfg.size > 8192 ||
			(cfg.algo == ALGO_CBC_SHA1 && cfg.size % 16))
		return -1;
	return 0;
}

struct run {
	uint64_t ops, bad_status, checked, mismatched;
};

static int
run_traffic(const struct rte_pmd_qatsec_claim *cl, void *sess,
		struct rte_crypto_op **ops, struct run *r)
{
	struct rte_crypto_op *deq[BURST];
	uint8_t pt[8192], iv[16], aad[AAD_LEN];
	uint64_t end = rte_get_timer_cycles() +
		(uint64_t)cfg.seconds * rte_get_timer_hz();
	uint64_t bursts = 0, spins;
	uint16_t q, n, i, e;

	while (!quit && rte_get_timer_cycles() < end) {
		for (q = 0; q < cl->nb_instances; q++) {
			struct rte_crypto_op **mine = ops + q * OPS_PER_QP;
			struct rte_crypto_op *s = mine[0];
			bool sample = bursts++ % SAMPLE_EVERY == 0;

			if (sample) {
				fill_op(s, sess);
				memcpy(pt, rte_pktmbuf_mtod(s->sym->m_src, void *),
					cfg.size);
				memcpy(iv, rte_crypto_op_ctod_offset(s, void *,
					IV_OFF), 16);
				memcpy(aad, rte_crypto_op_ctod_offset(s, void *,
					AAD_OFF), AAD_LEN);
			}
			e = 0;
			for (spins = 0; e < BURST && spins < MAX_SPINS; spins++)
				e += rte_cryptodev_enqueue_burst(cl->dev_id, q,
					mine + e, BURST - e);
			for (n = 0, spins = 0; n < e && spins < MAX_SPINS;
					spins++) {
				uint16_t got = rte_cryptodev_dequeue_burst(
					cl->dev_id, q, deq, e - n);

				for (i = 0; i < got; i++)
					r->bad_status += deq[i]->status !=
						RTE_CRYPTO_OP_STATUS_SUCCESS;
				n += got;
			}
			r->ops += n;
			if (n != BURST) {
				fprintf(stderr, "qatsec-worker: qp %u stalled: %u enqueued, %u dequeued of %u\n",
					q, e, n, BURST);
				return -1;
			}
			if (sample) {
				uint8_t *o = rte_pktmbuf_mtod(s->sym->m_src,
					uint8_t *);

				r->checked++;
				r->mismatched += check_with_openssl(pt, iv, aad,
					o, o + cfg.size) != 0;
			}
		}
	}
	return 0;
}

static void
usage(FILE *f)
{
	fprintf(f,
		"usage: qatsec-worker [EAL options] -- --section NAME [--seconds N]\n"
		"           [--algo gcm|cbc-sha1] [--size BYTES] [--wait MS] [--hold N]\n"
		"           [--claim-at UNIX_MS]\n"
		"A DPDK secondary of a running qatsecd: claims an internal section of\n"
		"user section NAME, runs AES-128 traffic on each of its instances, checks\n"
		"samples against OpenSSL, prints a RESULT line and releases the section.\n"
		"  --seconds N     traffic time (default 2; 0: claim only)\n"
		"  --algo          gcm (default) or cbc-sha1 (AES-CBC + HMAC-SHA1)\n"
		"  --size BYTES    payload, <= 8192 (cbc-sha1: a multiple of 16)\n"
		"  --wait MS       wait that long for a section to free up\n"
		"  --hold N        keep the claim N more seconds (or until SIGTERM)\n"
		"  --claim-at MS   claim at that wall-clock instant (races in tests)\n"
		"  --help, --version\n"
		"EAL options: --proc-type=secondary --no-pci and the primary's\n"
		"--file-prefix (qatsecd.service uses qatsec). See qatsec-worker(1).\n"
		"Exit: 0 ok, 1 crypto or setup failure, 2 usage, 3 no free section.\n");
}

/* What a run holds, so that one function releases it whatever failed. */
struct worker {
	struct rte_pmd_qatsec_claim *cl;
	struct rte_mempool *mbp, *opp, *sp;
	struct rte_crypto_op **ops;
	void *sess;
	int nb_ops;
	bool started;
	struct run r;
};

static void
wait_claim_instant(void)
{
	struct timespec now;
	uint64_t ms;

	if (cfg.claim_at_ms == 0)
		return;
	clock_gettime(CLOCK_REALTIME, &now);
	ms = (uint64_t)now.tv_sec * 1000 + now.tv_nsec / 1000000;
	if (ms < cfg.claim_at_ms)
		usleep((cfg.claim_at_ms - ms) * 1000);
}

/* Returns the exit status to give when the claim fails, 0 when held. */
static int
claim_section(struct worker *w)
{
	int ret, i;

	wait_claim_instant();
	ret = rte_pmd_qatsec_user_start(cfg.section, cfg.wait_ms, w->cl);
	if (ret < 0) {
		fprintf(stderr, "qatsec-worker: pid %d cannot claim a '%s' section: %s%s\n",
			(int)getpid(), cfg.section, strerror(-ret),
			ret == -ENOSPC ? " (all are held; see the holders above, "
			"or qatsec-ctl status; --wait MS waits for one)" :
			ret == -ENODEV ? " (no qatsec table in this group: is qatsecd "
			"running with this --file-prefix?)" : "");
		return ret == -ENOSPC ? 3 : 1;
	}
	printf("qatsec-worker: pid %d holds %s (%s), %u instances:",
		(int)getpid(), w->cl->section,
		rte_cryptodev_name_get(w->cl->dev_id), w->cl->nb_instances);
	for (i = 0; i < w->cl->nb_instances; i++)
		printf(" dev%u:%s", w->cl->instances[i].endpoint,
			w->cl->instances[i].name);
	printf("\n");
	fflush(stdout);
	return 0;
}

static void
random_keys(void)
{
	unsigned int i;

	rte_srand(getpid() ^ rte_get_timer_cycles());
	for (i = 0; i < sizeof(key); i++)
		key[i] = (uint8_t)rte_rand();
	for (i = 0; i < sizeof(auth_key); i++)
		auth_key[i] = (uint8_t)rte_rand();
}

/* Pools named after the pid: several workers share one group. */
static int
create_pools(struct worker *w)
{
	char name[64];
	int pid = (int)getpid();

	w->nb_ops = w->cl->nb_instances * OPS_PER_QP;
	snprintf(name, sizeof(name), "wk%d_mb", pid);
	w->mbp = rte_pktmbuf_pool_create(name, w->nb_ops + 64, 0, 0,
		RTE_PKTMBUF_HEADROOM + cfg.size + 64, SOCKET_ID_ANY);
	snprintf(name, sizeof(name), "wk%d_op", pid);
	w->opp = rte_crypto_op_pool_create(name, RTE_CRYPTO_OP_TYPE_SYMMETRIC,
		w->nb_ops + 64, 0, 64, SOCKET_ID_ANY);
	snprintf(name, sizeof(name), "wk%d_ss", pid);
	w->sp = rte_cryptodev_sym_session_pool_create(name, 4,
		rte_cryptodev_sym_get_private_session_size(w->cl->dev_id), 0, 0,
		SOCKET_ID_ANY);
	w->ops = calloc(w->nb_ops, sizeof(*w->ops));
	return w->mbp && w->opp && w->sp && w->ops ? 0 : -1;
}

/* One queue pair per instance of the section, then started. */
static int
start_device(struct worker *w)
{
	struct rte_cryptodev_config dc = { .socket_id = SOCKET_ID_ANY };
	struct rte_cryptodev_qp_conf qc = { .nb_descriptors = 512 };
	uint16_t q;

	dc.nb_queue_pairs = w->cl->nb_instances;
	qc.mp_session = w->sp;
	if (rte_cryptodev_configure(w->cl->dev_id, &dc) < 0)
		return -1;
	for (q = 0; q < w->cl->nb_instances; q++)
		if (rte_cryptodev_queue_pair_setup(w->cl->dev_id, q, &qc,
				SOCKET_ID_ANY) < 0)
			return -1;
	if (rte_cryptodev_start(w->cl->dev_id) < 0)
		return -1;
	w->started = true;
	return 0;
}

static int
prepare_ops(struct worker *w)
{
	int i;

	w->sess = make_session(w->cl->dev_id, w->sp);
	if (w->sess == NULL ||
			rte_crypto_op_bulk_alloc(w->opp,
				RTE_CRYPTO_OP_TYPE_SYMMETRIC, w->ops,
				w->nb_ops) != (unsigned int)w->nb_ops)
		return -1;
	for (i = 0; i < w->nb_ops; i++) {
		w->ops[i]->sym->m_src = rte_pktmbuf_alloc(w->mbp);
		if (w->ops[i]->sym->m_src == NULL)
			return -1;
		rte_pktmbuf_append(w->ops[i]->sym->m_src,
			cfg.size + digest_len());
		fill_op(w->ops[i], w->sess);
	}
	return 0;
}

static void
print_result(const struct worker *w, double secs)
{
	const struct run *r = &w->r;

	printf("RESULT section=%s pid=%d instances=%u algo=%s size=%u ops=%" PRIu64
		" mops=%.3f gbps=%.3f checked=%" PRIu64 " mismatched=%" PRIu64
		" bad_status=%" PRIu64 "\n",
		w->cl->section, (int)getpid(), w->cl->nb_instances,
		cfg.algo == ALGO_GCM ? "aes128-gcm" : "aes128-cbc+hmac-sha1",
		cfg.size, r->ops, r->ops / secs / 1e6,
		r->ops * cfg.size * 8.0 / secs / 1e9, r->checked, r->mismatched,
		r->bad_status);
	fflush(stdout);
}

static void
hold_claim(void)
{
	unsigned int i;

	for (i = 0; i < cfg.hold * 10 && !quit; i++)
		usleep(100 * 1000);
}

/* Traffic on the claimed section; 0 when every sample verified. */
static int
run_section(struct worker *w)
{
	uint64_t t0, t1;

	if (start_device(w) < 0 || prepare_ops(w) < 0)
		return -1;
	t0 = rte_get_timer_cycles();
	if (run_traffic(w->cl, w->sess, w->ops, &w->r) < 0)
		w->r.bad_status++;
	t1 = rte_get_timer_cycles();
	print_result(w, RTE_MAX((double)(t1 - t0) / rte_get_timer_hz(), 1e-9));
	hold_claim();
	if (w->r.ops > 0 && w->r.checked > 0 && w->r.mismatched == 0 &&
			w->r.bad_status == 0)
		return 0;
	fprintf(stderr, "qatsec-worker: crypto results wrong\n");
	return -1;
}

static void
release_all(struct worker *w)
{
	int i;

	if (w->ops != NULL)
		for (i = 0; i < w->nb_ops; i++)
			if (w->ops[i] != NULL) {
				rte_pktmbuf_free(w->ops[i]->sym->m_src);
				rte_crypto_op_free(w->ops[i]);
			}
	if (w->sess != NULL)
		rte_cryptodev_sym_session_free(w->cl->dev_id, w->sess);
	if (w->started)
		rte_cryptodev_stop(w->cl->dev_id);
	rte_pmd_qatsec_user_stop();
	rte_mempool_free(w->opp);
	rte_mempool_free(w->mbp);
	rte_mempool_free(w->sp);
	free(w->ops);
}

int
main(int argc, char **argv)
{
	struct worker w = { 0 };
	int ret;

	qatsec_app_info_opts(argc, argv, "qatsec-worker", usage);
	ret = rte_eal_init(argc, argv);
	if (ret < 0) {
		fprintf(stderr, "qatsec-worker: EAL initialisation failed (a secondary: is a primary such as qatsecd running, with the same --file-prefix?)\n");
		return 1;
	}
	if (parse_args(argc - ret, argv + ret) < 0) {
		usage(stderr);
		rte_eal_cleanup();
		return 2;
	}
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	w.cl = calloc(1, sizeof(*w.cl));
	if (w.cl == NULL)
		return 1;
	ret = claim_section(&w);
	if (ret != 0) {
		free(w.cl);
		rte_eal_cleanup();
		return ret;
	}
	random_keys();
	if (cfg.seconds == 0) {
		/* Claim only: the device is not even configured. */
		printf("RESULT section=%s pid=%d instances=%u claim-only\n",
			w.cl->section, (int)getpid(), w.cl->nb_instances);
		fflush(stdout);
		hold_claim();
	} else {
		ret = create_pools(&w);
		if (ret == 0)
			ret = run_section(&w);
	}
	if (ret < 0 && w.r.ops == 0)
		fprintf(stderr, "qatsec-worker: setup of %s failed\n",
			w.cl->section);
	release_all(&w);
	free(w.cl);
	rte_eal_cleanup();
	return ret < 0 ? 1 : 0;
}
