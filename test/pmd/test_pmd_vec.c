/* SPDX-License-Identifier: BSD-3-Clause
 * The symmetric APIs beside the op path (suite pmd): the raw data-path API
 * (a section device's default) or CPU crypto (devarg sym_api=cpu), each
 * over linear and 3-segment buffers, and sessionless ops and raw contexts.
 * Every result must equal the op path's for the same inputs, byte for
 * byte (the op path is the one the KAT harness checks against NIST and
 * against DPDK's PMDs); a forged digest must fail; a sessionless xform no
 * engine serves must fail with INVALID_SESSION and leave the op as it
 * came. Output is TAP. Usage: test_pmd_vec [EAL args, --vdev crypto_qatsec
 * with or without sym_api=cpu]
 */
#include <errno.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <rte_crypto.h>
#include <rte_cycles.h>
#include <rte_cryptodev.h>
#include <rte_eal.h>
#include <rte_mbuf.h>
#include <rte_mempool.h>
#include <rte_random.h>

#include "rte_pmd_qatsec.h"
#include "tap.h"

#define IV_OFF	(sizeof(struct rte_crypto_op) + sizeof(struct rte_crypto_sym_op) + \
	2 * sizeof(struct rte_crypto_sym_xform))
#define HDR	16
#define BUF	(HDR + 1024 + 64)
#define AAD	16
/* AES-CCM reads its AAD after the 18 bytes of B0 and length DPDK puts first. */
#define AAD_BUF	(18 + AAD + 14)

struct alg {
	const char *name;
	enum rte_crypto_aead_algorithm aead;	/* 0: cipher/auth */
	enum rte_crypto_cipher_algorithm c;
	enum rte_crypto_auth_algorithm a;	/* 0: cipher only */
	uint16_t key, iv, digest, align;
	int verify;		/* decrypt/verify (tag made on the op path) */
};

static const struct alg algs[] = {
	{ "aes128cbc-hmacsha1", 0, RTE_CRYPTO_CIPHER_AES_CBC,
		RTE_CRYPTO_AUTH_SHA1_HMAC, 16, 16, 12, 16, 0 },
	{ "hmacsha256-aes256cbc verify", 0, RTE_CRYPTO_CIPHER_AES_CBC,
		RTE_CRYPTO_AUTH_SHA256_HMAC, 32, 16, 16, 16, 1 },
	{ "aes256gcm", RTE_CRYPTO_AEAD_AES_GCM, 0, 0, 32, 12, 16, 1, 0 },
	{ "3des-cbc-hmacmd5", 0, RTE_CRYPTO_CIPHER_3DES_CBC,
		RTE_CRYPTO_AUTH_MD5_HMAC, 24, 8, 16, 8, 0 },
	{ "aes-docsisbpi", 0, RTE_CRYPTO_CIPHER_AES_DOCSISBPI, 0, 16, 16, 0, 1, 0 },
	{ "snow3g-uea2", 0, RTE_CRYPTO_CIPHER_SNOW3G_UEA2, 0, 16, 16, 0, 1, 0 },
	/* The openssl_sym engine's. */
	{ "aes256xts", 0, RTE_CRYPTO_CIPHER_AES_XTS, 0, 64, 16, 0, 16, 0 },
	{ "sha3_256hmac-sm4cbc verify", 0, RTE_CRYPTO_CIPHER_SM4_CBC,
		RTE_CRYPTO_AUTH_SHA3_256_HMAC, 16, 16, 32, 16, 1 },
	{ "aes192ccm", RTE_CRYPTO_AEAD_AES_CCM, 0, 0, 24, 12, 16, 1, 0 },
	{ "aes192ccm verify", RTE_CRYPTO_AEAD_AES_CCM, 0, 0, 24, 12, 16, 1, 1 },
};
#define NB_ALGS RTE_DIM(algs)

static struct rte_mempool *op_pool, *mb_pool, *sess_pool;
static int dev_id;
static uint8_t key[64], akey[64];

/* xf[0..1] for alg a; enc: encrypt-then-MAC, else verify-then-decrypt. */
static struct rte_crypto_sym_xform *
xforms(const struct alg *a, int enc, struct rte_crypto_sym_xform *xf)
{
	struct rte_crypto_sym_xform *c = &xf[0], *h = &xf[1];

	memset(xf, 0, 2 * sizeof(*xf));
	if (a->aead) {
		c->type = RTE_CRYPTO_SYM_XFORM_AEAD;
		c->aead = (struct rte_crypto_aead_xform){
			.op = enc ? RTE_CRYPTO_AEAD_OP_ENCRYPT :
				RTE_CRYPTO_AEAD_OP_DECRYPT,
			.algo = a->aead,
			.key = { key, a->key }, .iv = { IV_OFF, a->iv },
			.digest_length = a->digest, .aad_length = AAD };
		return c;
	}
	c->type = RTE_CRYPTO_SYM_XFORM_CIPHER;
	c->cipher.op = enc ? RTE_CRYPTO_CIPHER_OP_ENCRYPT :
		RTE_CRYPTO_CIPHER_OP_DECRYPT;
	c->cipher.algo = a->c;
	c->cipher.key.data = key;
	c->cipher.key.length = a->key;
	c->cipher.iv.offset = IV_OFF;
	c->cipher.iv.length = a->iv;
	if (a->a == 0)
		return c;
	h->type = RTE_CRYPTO_SYM_XFORM_AUTH;
	h->auth.op = enc ? RTE_CRYPTO_AUTH_OP_GENERATE :
		RTE_CRYPTO_AUTH_OP_VERIFY;
	h->auth.algo = a->a;
	h->auth.key.data = akey;
	h->auth.key.length = 64;
	h->auth.digest_length = a->digest;
	if (enc) {
		c->next = h;
		return c;
	}
	h->next = c;
	return h;
}

/* One case: header + payload, IV, AAD, digest, and what each path made. */
struct vcase {
	const struct alg *a;
	uint32_t len;
	uint8_t in[BUF], iv[16], aad[AAD_BUF], dig_in[64];
	uint8_t ref[BUF], ref_dig[64];
	int ref_ok;
};

/* The op path: one op through enqueue/dequeue; 0 when it succeeded. */
static int
op_run(struct vcase *v, void *sess, struct rte_crypto_sym_xform *sl,
		uint8_t *out, uint8_t *dig, int *status)
{
	struct rte_crypto_op *op = rte_crypto_op_alloc(op_pool,
		RTE_CRYPTO_OP_TYPE_SYMMETRIC), *got = NULL;
	struct rte_mbuf *m = rte_pktmbuf_alloc(mb_pool);
	uint32_t tot = HDR + v->len;
	struct rte_crypto_sym_xform *xf = NULL;
	uint8_t *b;
	int tries = 0;

	if (op == NULL || m == NULL)
		return -1;
	b = (uint8_t *)rte_pktmbuf_append(m, tot + 64);
	memcpy(b, v->in, tot);
	memcpy(b + tot, v->dig_in, 64);
	memcpy(rte_crypto_op_ctod_offset(op, uint8_t *, IV_OFF), v->iv, 16);
	op->sym->m_src = m;
	if (sl != NULL) {
		xf = rte_crypto_op_sym_xforms_alloc(op, sl->next ? 2 : 1);
		if (xf == NULL)
			return -1;
		xf[0] = *sl;
		xf[0].next = NULL;
		if (sl->next != NULL) {
			xf[1] = *sl->next;
			xf[1].next = NULL;
			xf[0].next = &xf[1];
		}
		op->sym->xform = xf;
	} else {
		rte_crypto_op_attach_sym_session(op, sess);
	}
	if (v->a->aead) {
		op->sym->aead.data.offset = HDR;
		op->sym->aead.data.length = v->len;
		op->sym->aead.digest.data = b + tot;
		op->sym->aead.aad.data = v->aad;
	} else {
		op->sym->cipher.data.offset = HDR;
		op->sym->cipher.data.length = v->len;
		if (v->a->c == RTE_CRYPTO_CIPHER_SNOW3G_UEA2) {
			op->sym->cipher.data.offset *= 8;
			op->sym->cipher.data.length *= 8;
		}
		op->sym->auth.data.offset = 0;
		op->sym->auth.data.length = tot;
		op->sym->auth.digest.data = b + tot;
	}
	if (rte_cryptodev_enqueue_burst(dev_id, 0, &op, 1) != 1)
		return -1;
	while (rte_cryptodev_dequeue_burst(dev_id, 0, &got, 1) == 0 &&
			++tries < 1000000)
		;
	if (got != op)
		return -1;
	*status = op->status;
	if (sl != NULL && (op->sess_type != RTE_CRYPTO_OP_SESSIONLESS ||
			op->sym->xform != xf))
		*status = -2;	/* the op did not leave as it came */
	memcpy(out, b, tot);
	memcpy(dig, b + tot, 64);
	rte_pktmbuf_free(m);
	rte_crypto_op_free(op);
	return *status == RTE_CRYPTO_OP_STATUS_SUCCESS ? 0 : -1;
}

/* The case's buffer as nseg vectors over a copy, in bufs. */
static void
split(const struct vcase *v, uint32_t nseg, uint8_t bufs[][BUF],
		struct rte_crypto_vec *vec)
{
	uint32_t tot = HDR + v->len, off = 0, i, n;

	for (i = 0; i < nseg; i++) {
		n = i + 1 == nseg ? tot - off : tot / nseg;
		memcpy(bufs[i], v->in + off, n);
		vec[i] = (struct rte_crypto_vec){ .base = bufs[i], .len = n,
			.tot_len = n };
		off += n;
	}
}

static void
join(uint32_t nseg, uint8_t bufs[][BUF], const struct rte_crypto_vec *vec,
		uint8_t *out)
{
	uint32_t i, off = 0;

	for (i = 0; i < nseg; i++) {
		memcpy(out + off, bufs[i], vec[i].len);
		off += vec[i].len;
	}
}

static uint32_t raw_ok_count;

static void
raw_post(void *user_data __rte_unused, uint32_t index __rte_unused,
		uint8_t ok)
{
	raw_ok_count += ok;
}

/* The vector path (raw data path or CPU crypto) on nseg segments: 0 when
 * its result equals the op path's, 1 when it differs, 2 on an API error.
 */
static int
vec_run(struct vcase *v, void *sess, struct rte_crypto_sym_xform *sl,
		uint32_t nseg, int raw)
{
	static uint8_t bufs[3][BUF];
	struct rte_crypto_vec segs[3];
	struct rte_crypto_sgl sgl = { .vec = segs, .num = nseg };
	struct rte_crypto_va_iova_ptr iv = { .va = v->iv }, dig, aad;
	uint8_t out[BUF], digest[64];
	union rte_crypto_sym_ofs ofs = { .raw = 0 };
	struct rte_crypto_sym_vec vec = { .num = 1, .src_sgl = &sgl,
		.iv = &iv, .digest = &dig, .aad = &aad };
	int32_t st = -1;
	uint32_t tot = HDR + v->len;

	memcpy(digest, v->dig_in, 64);
	dig.va = digest;
	aad.va = v->aad;
	vec.status = &st;
	ofs.ofs.cipher.head = HDR;
	split(v, nseg, bufs, segs);
	if (raw) {
		union rte_cryptodev_session_ctx sc;
		int sz = rte_cryptodev_get_raw_dp_ctx_size(dev_id), es, ds;
		struct rte_crypto_raw_dp_ctx *ctx = calloc(1, sz > 0 ? sz : 1);
		void *ud = v, *out_ud = NULL;
		uint32_t n_ok = 0;

		if (sl != NULL)
			sc.xform = sl;
		else
			sc.crypto_sess = sess;
		raw_ok_count = 0;
		if (sz <= 0 || ctx == NULL || rte_cryptodev_configure_raw_dp_ctx(
				dev_id, 0, ctx, sl != NULL ?
				RTE_CRYPTO_OP_SESSIONLESS :
				RTE_CRYPTO_OP_WITH_SESSION, sc, 0) != 0 ||
				rte_cryptodev_raw_enqueue_burst(ctx, &vec, ofs,
					&ud, &es) != 1 ||
				rte_cryptodev_raw_dequeue_burst(ctx, NULL, 1,
					raw_post, &out_ud, 0, &n_ok, &ds) != 1 ||
				out_ud != v || n_ok != raw_ok_count) {
			free(ctx);
			return 2;
		}
		free(ctx);
	} else {
		uint32_t n = rte_cryptodev_sym_cpu_crypto_process(dev_id, sess,
			ofs, &vec);

		if (n != (st == 0 ? 1u : 0u))
			return 2;
	}
	if ((st == 0) != v->ref_ok)
		return 1;
	if (st == 0 && v->a->verify == 0 && v->a->digest != 0 &&
			memcmp(digest, v->ref_dig, v->a->digest) != 0)
		return 1;
	join(nseg, bufs, segs, out);
	return st == 0 && memcmp(out, v->ref, tot) != 0 ? 1 : 0;
}

static int
setup(void)
{
	struct rte_cryptodev_config cfg = { .socket_id = SOCKET_ID_ANY,
		.nb_queue_pairs = 1 };
	struct rte_cryptodev_qp_conf qc = { .nb_descriptors = 64 };
	uint8_t ids[8];

	if (rte_cryptodev_devices_get("crypto_qatsec", ids, 8) < 1)
		return -1;
	dev_id = ids[0];
	char n[3][RTE_MEMPOOL_NAMESIZE];

	/* Per process: a secondary's pools outlive it in the group. */
	snprintf(n[0], sizeof(n[0]), "vec_op_%d", (int)getpid());
	snprintf(n[1], sizeof(n[1]), "vec_mb_%d", (int)getpid());
	snprintf(n[2], sizeof(n[2]), "vec_sess_%d", (int)getpid());
	op_pool = rte_crypto_op_pool_create(n[0], RTE_CRYPTO_OP_TYPE_SYMMETRIC,
		64, 0, 2 * sizeof(struct rte_crypto_sym_xform) + 32, SOCKET_ID_ANY);
	mb_pool = rte_pktmbuf_pool_create(n[1], 64, 0, 0, 4096, SOCKET_ID_ANY);
	sess_pool = rte_cryptodev_sym_session_pool_create(n[2], 32,
		rte_cryptodev_sym_get_private_session_size(dev_id), 0, 0,
		SOCKET_ID_ANY);
	qc.mp_session = sess_pool;
	if (op_pool == NULL || mb_pool == NULL || sess_pool == NULL ||
			rte_cryptodev_configure(dev_id, &cfg) != 0 ||
			rte_cryptodev_queue_pair_setup(dev_id, 0, &qc,
				SOCKET_ID_ANY) != 0 ||
			rte_cryptodev_start(dev_id) != 0)
		return -1;
	return 0;
}

/* Case inputs; for verify, the tag comes from the encrypting op path
 * (forged: one bit flipped).
 */
static int
make_case(struct vcase *v, const struct alg *a, int forge)
{
	struct rte_crypto_sym_xform xf[2];
	void *enc;
	int st, ret = 0;
	uint32_t i;

	v->a = a;
	v->len = (uint32_t)(rte_rand() % 1024);
	v->len -= v->len % a->align;
	for (i = 0; i < sizeof(v->in); i++)
		v->in[i] = (uint8_t)rte_rand();
	for (i = 0; i < 16; i++)
		v->iv[i] = (uint8_t)rte_rand();
	memset(v->aad, 0x3c, sizeof(v->aad));
	memset(v->dig_in, 0, sizeof(v->dig_in));
	if (!a->verify)
		return 0;
	enc = rte_cryptodev_sym_session_create(dev_id, xforms(a, 1, xf),
		sess_pool);
	if (enc == NULL || op_run(v, enc, NULL, v->ref, v->dig_in, &st) != 0)
		ret = -1;
	memcpy(v->in, v->ref, HDR + v->len);
	if (forge)
		v->dig_in[0] ^= 1;
	rte_cryptodev_sym_session_free(dev_id, enc);
	return ret;
}

/* An op of session sess over a 3-segment chain whose head says pkt_len 0,
 * as dpdk-test-crypto-perf builds them: its result must be the linear
 * op's (v->ref, v->ref_dig). 0 when it is.
 */
static int
chain0_run(struct vcase *v, void *sess)
{
	struct rte_crypto_op *op = rte_crypto_op_alloc(op_pool,
		RTE_CRYPTO_OP_TYPE_SYMMETRIC), *got = NULL;
	struct rte_mbuf *m[3];
	uint32_t tot = HDR + v->len, cut[4], i, off = 0;
	uint8_t out[BUF], dig[64], *dp;
	int tries = 0, ret;

	cut[0] = 0;
	cut[1] = tot / 3;
	cut[2] = 2 * tot / 3;
	cut[3] = tot + v->a->digest;	/* the digest in the last one */
	memcpy(dig, v->dig_in, 64);
	for (i = 0; i < 3; i++) {
		m[i] = rte_pktmbuf_alloc(mb_pool);
		if (m[i] == NULL || op == NULL ||
				rte_pktmbuf_append(m[i], cut[i + 1] - cut[i]) == NULL)
			return -1;
	}
	for (i = 0; i < 3; i++) {
		uint8_t *p = rte_pktmbuf_mtod(m[i], uint8_t *);
		uint32_t n = cut[i + 1] - cut[i];

		if (i == 2) {
			memcpy(p, v->in + cut[2], tot - cut[2]);
			memcpy(p + tot - cut[2], dig, v->a->digest);
		} else {
			memcpy(p, v->in + cut[i], n);
		}
		if (i > 0)
			m[i - 1]->next = m[i];
	}
	m[0]->nb_segs = 3;
	m[0]->pkt_len = 0;
	memcpy(rte_crypto_op_ctod_offset(op, uint8_t *, IV_OFF), v->iv, 16);
	rte_crypto_op_attach_sym_session(op, sess);
	op->sym->m_src = m[0];
	dp = rte_pktmbuf_mtod_offset(m[2], uint8_t *, tot - cut[2]);
	if (v->a->aead) {
		op->sym->aead.data.offset = HDR;
		op->sym->aead.data.length = v->len;
		op->sym->aead.digest.data = dp;
		op->sym->aead.aad.data = v->aad;
	} else {
		op->sym->cipher.data.offset = HDR;
		op->sym->cipher.data.length = v->len;
		op->sym->auth.data.offset = 0;
		op->sym->auth.data.length = tot;
		op->sym->auth.digest.data = dp;
	}
	if (rte_cryptodev_enqueue_burst(dev_id, 0, &op, 1) != 1)
		return -1;
	while (rte_cryptodev_dequeue_burst(dev_id, 0, &got, 1) == 0 &&
			++tries < 1000000)
		;
	ret = got == op && op->status == RTE_CRYPTO_OP_STATUS_SUCCESS ? 0 : -1;
	for (i = 0; i < 3; i++) {
		memcpy(out + off, rte_pktmbuf_mtod(m[i], uint8_t *),
			RTE_MIN(m[i]->data_len, tot - off));
		off += RTE_MIN(m[i]->data_len, tot - off);
	}
	if (ret == 0 && (memcmp(out, v->ref, tot) != 0 || (!v->a->verify &&
			memcmp(dp, v->ref_dig, v->a->digest) != 0)))
		ret = 1;
	m[0]->pkt_len = tot + v->a->digest;
	rte_pktmbuf_free(m[0]);
	rte_crypto_op_free(op);
	return ret;
}

/* The vector path and sessionless ops, for one case. */
static void
run_case(struct vcase *v, int forge, int raw)
{
	const struct alg *a = v->a;
	struct rte_crypto_sym_xform xf[2], *x0 = xforms(a, !a->verify, xf);
	uint8_t out[BUF], dig[64];
	void *sess = rte_cryptodev_sym_session_create(dev_id, x0, sess_pool);
	const char *what = forge ? " (forged tag)" : "";
	int st = -1, exp = forge ? RTE_CRYPTO_OP_STATUS_AUTH_FAILED :
		RTE_CRYPTO_OP_STATUS_SUCCESS;
	uint32_t nseg;

	if (!tap_ok(sess != NULL, "%s: session", a->name))
		return;
	op_run(v, sess, NULL, v->ref, v->ref_dig, &st);
	v->ref_ok = st == RTE_CRYPTO_OP_STATUS_SUCCESS;
	tap_ok(st == exp, "%s%s, %u B: op path status %d (expected %d)",
		a->name, what, v->len, st, exp);
	for (nseg = 1; nseg <= 3; nseg += 2)
		tap_ok(vec_run(v, sess, NULL, nseg, raw) == 0,
			"%s%s, %u B, %u segment(s): %s gives what the op path gives",
			a->name, what, v->len, nseg, raw ? "raw data path" :
			"CPU crypto");
	st = -1;
	op_run(v, NULL, x0, out, dig, &st);
	tap_ok(st == exp && (st != RTE_CRYPTO_OP_STATUS_SUCCESS ||
		(memcmp(out, v->ref, HDR + v->len) == 0 &&
		(a->verify || memcmp(dig, v->ref_dig, a->digest) == 0))),
		"%s%s: sessionless op gives what the session gives (status %d)",
		a->name, what, st);
	if (!forge && (a->aead || a->c == RTE_CRYPTO_CIPHER_AES_CBC))
		tap_ok(chain0_run(v, sess) == 0,
			"%s, %u B: a 3-segment chain with pkt_len 0 (crypto-perf's) gives what a linear op gives",
			a->name, v->len);
	if (raw)
		tap_ok(vec_run(v, NULL, x0, 3, 1) == 0,
			"%s%s: sessionless raw context gives what the session gives",
			a->name, what);
	rte_cryptodev_sym_session_free(dev_id, sess);
}

/* An xform no engine serves: refused at the op, which leaves unchanged. */
static void
run_refused(void)
{
	struct rte_crypto_sym_xform xf[2];
	struct vcase v;
	uint8_t out[BUF], dig[64];
	int st = -1;

	memset(&v, 0, sizeof(v));
	v.a = &algs[0];
	v.len = 64;
	xforms(v.a, 1, xf);
	xf[0].cipher.key.length = 20;
	op_run(&v, NULL, xf, out, dig, &st);
	tap_ok(st == RTE_CRYPTO_OP_STATUS_INVALID_SESSION,
		"sessionless AES-CBC with a 20-byte key: INVALID_SESSION, the op as it came (status %d)",
		st);
}

/* An IV on an algorithm that takes none is ignored (l2fwd-crypto leaves
 * the auth IV uninitialised), and the session computes as without it.
 */
static void
run_iv_ignored(void)
{
	struct rte_crypto_sym_xform xf[2];
	static struct vcase v;
	uint8_t out[BUF], dig[64];
	void *sess;
	int st = -1;

	memset(&v, 0, sizeof(v));
	v.a = &algs[0];
	v.len = 64;
	xforms(v.a, 1, xf);
	sess = rte_cryptodev_sym_session_create(dev_id, xf, sess_pool);
	if (sess == NULL || op_run(&v, sess, NULL, v.ref, v.ref_dig, &st) != 0)
		v.ref_ok = 0;
	rte_cryptodev_sym_session_free(dev_id, sess);
	xf[1].auth.iv.offset = 0xa5a5;
	xf[1].auth.iv.length = 0x5a5a;
	sess = rte_cryptodev_sym_session_create(dev_id, xf, sess_pool);
	st = -1;
	if (sess != NULL)
		op_run(&v, sess, NULL, out, dig, &st);
	tap_ok(sess != NULL && st == RTE_CRYPTO_OP_STATUS_SUCCESS &&
		memcmp(out, v.ref, HDR + v.len) == 0 &&
		memcmp(dig, v.ref_dig, v.a->digest) == 0,
		"HMAC-SHA1 with a garbage auth IV (l2fwd-crypto's): session made, same result");
	if (sess != NULL)
		rte_cryptodev_sym_session_free(dev_id, sess);
}

/* Whether the arguments name the vector API (devarg sym_api=). */
static bool
api_named(int argc, char **argv)
{
	int i;

	for (i = 0; i < argc; i++)
		if (strstr(argv[i], "sym_api=") != NULL)
			return true;
	return false;
}

int
main(int argc, char **argv)
{
	static struct vcase v;
	struct rte_cryptodev_info info;
	bool named = api_named(argc, argv);
	uint64_t seed;
	int raw, cpu, forge;
	unsigned int i;

	if (rte_eal_init(argc, argv) < 0) {
		tap_bail("rte_eal_init failed");
		return 1;
	}
	printf("# qatsec sections: %d\n", rte_pmd_qatsec_section_count());
	if (setup() != 0) {
		tap_bail("no crypto_qatsec device to set up");
		return 1;
	}
	seed = rte_rdtsc();
	rte_srand(seed);
	printf("# seed %" PRIu64 "\n", seed);
	for (i = 0; i < sizeof(key); i++)
		key[i] = (uint8_t)(i * 7 + 1);
	for (i = 0; i < 64; i++)
		akey[i] = (uint8_t)(i * 13 + 5);
	rte_cryptodev_info_get(dev_id, &info);
	raw = !!(info.feature_flags & RTE_CRYPTODEV_FF_SYM_RAW_DP);
	cpu = !!(info.feature_flags & RTE_CRYPTODEV_FF_SYM_CPU_CRYPTO);
	tap_ok(raw != cpu && (info.feature_flags &
		RTE_CRYPTODEV_FF_SYM_SESSIONLESS),
		"device offers sessionless ops and one of raw data path (%d) / CPU crypto (%d)",
		raw, cpu);
	/* Bit lengths reach a device only through ops. */
	tap_ok(!(info.feature_flags & RTE_CRYPTODEV_FF_NON_BYTE_ALIGNED_DATA) ==
		named, "non-byte-aligned data claimed only when no vector API is named (sym_api %s)",
		named ? "named" : "unset");
	if (cpu)
		tap_ok(rte_cryptodev_get_raw_dp_ctx_size(dev_id) < 0,
			"with CPU crypto, no raw data-path context");
	for (i = 0; i < NB_ALGS; i++)
		for (forge = 0; forge <= algs[i].verify; forge++) {
			if (make_case(&v, &algs[i], forge) != 0) {
				tap_ok(false, "%s: verify input made", algs[i].name);
				continue;
			}
			run_case(&v, forge, raw);
		}
	run_refused();
	run_iv_ignored();
	rte_cryptodev_stop(dev_id);
	rte_eal_cleanup();
	return tap_done();
}
