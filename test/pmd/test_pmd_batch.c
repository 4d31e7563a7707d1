/* SPDX-License-Identifier: BSD-3-Clause
 * Batching tests (suite pmd): the soft endpoint's fast paths group the ops
 * of a burst (runs of one session, AES-CBC + HMAC runs of one class fed to
 * ipsec-mb's cipher and hash burst APIs, AES-GCM straight to the direct
 * API, ChaCha20-Poly1305 and SNOW3G UEA2 + UIA2 to unchecked jobs, ZUC
 * to the direct multi-buffer API) and fall back per op to the general
 * path. Bursts that mix sessions, classes, directions, in-place and
 * out-of-place ops, and good and forged tags must give, op by op, what a
 * reference PMD gives for the same inputs
 * (crypto_openssl; crypto_aesni_mb for ChaCha20-Poly1305, SNOW3G and ZUC,
 * which openssl 22.11 lacks): the same status, the same output bytes, the
 * same digest. 3GPP regions are in bits: some end inside a byte.
 * Output is TAP. Usage: test_pmd_batch [EAL args with --vdev crypto_qatsec,
 * --vdev crypto_openssl and --vdev crypto_aesni_mb]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rte_crypto.h>
#include <rte_cryptodev.h>
#include <rte_eal.h>
#include <rte_mbuf.h>
#include <rte_mempool.h>
#include <rte_random.h>

#include "rte_pmd_qatsec.h"
#include "tap.h"

#define NB_OPS		(8 * 32 + 7)	/* bursts of 32 and a ragged one */
#define BURST		32
#define IV_OFF		(sizeof(struct rte_crypto_op) + sizeof(struct rte_crypto_sym_op))
#define AAD_LEN		16
#define BUF_MAX		512


/* The sessions a burst mixes. VERIFY ones read a tag made by their INV. */
enum { S_CBC1, S_CBC1B, S_CBC256V, S_CBC1F, S_GCM128E, S_GCM256D, S_CCE,
	S_CCD, S_S3E, S_S3D, S_ZE, S_ZD, NB_SESS };

enum { REF_OPENSSL, REF_AESNI_MB, NB_REF };

struct sdef {
	const char *name;
	int aead;		/* 1 AES-GCM, 2 ChaCha20-Poly1305 */
	int enc;		/* encrypt/generate, else verify/decrypt */
	unsigned int key_len, digest;
	enum rte_crypto_auth_algorithm auth;
	uint8_t seed;
	int ref;		/* reference device */
	int bits;		/* regions in bits: 1 SNOW3G UEA2 + UIA2,
				 * 2 ZUC EEA3 + EIA3 (cipher on whole bytes)
				 */
};

static const struct sdef sdefs[NB_SESS] = {
	[S_CBC1] = { "aes128cbc-sha1 enc/gen", 0, 1, 16, 12,
		RTE_CRYPTO_AUTH_SHA1_HMAC, 1 },
	/* Same class as S_CBC1, other keys: one run, two sessions. */
	[S_CBC1B] = { "aes128cbc-sha1 enc/gen (2nd)", 0, 1, 16, 12,
		RTE_CRYPTO_AUTH_SHA1_HMAC, 2 },
	[S_CBC256V] = { "sha256-aes256cbc ver/dec", 0, 0, 32, 16,
		RTE_CRYPTO_AUTH_SHA256_HMAC, 3 },
	/* Full 20-byte digest: ipsec-mb's tag goes to the op directly. */
	[S_CBC1F] = { "aes128cbc-sha1-20 enc/gen", 0, 1, 16, 20,
		RTE_CRYPTO_AUTH_SHA1_HMAC, 4 },
	[S_GCM128E] = { "aes128gcm enc", 1, 1, 16, 16, 0, 5 },
	[S_GCM256D] = { "aes256gcm dec", 1, 0, 32, 16, 0, 6 },
	/* crypto_openssl 22.11 has no ChaCha20-Poly1305. */
	[S_CCE] = { "chacha20-poly1305 enc", 2, 1, 32, 16, 0, 7, REF_AESNI_MB },
	[S_CCD] = { "chacha20-poly1305 dec", 2, 0, 32, 16, 0, 8, REF_AESNI_MB },
	[S_S3E] = { "snow3g uea2+uia2 enc/gen", 0, 1, 16, 4,
		RTE_CRYPTO_AUTH_SNOW3G_UIA2, 9, REF_AESNI_MB, 1 },
	[S_S3D] = { "snow3g uia2+uea2 ver/dec", 0, 0, 16, 4,
		RTE_CRYPTO_AUTH_SNOW3G_UIA2, 10, REF_AESNI_MB, 1 },
	[S_ZE] = { "zuc eea3+eia3 enc/gen", 0, 1, 16, 4,
		RTE_CRYPTO_AUTH_ZUC_EIA3, 11, REF_AESNI_MB, 2 },
	[S_ZD] = { "zuc eia3+eea3 ver/dec", 0, 0, 16, 4,
		RTE_CRYPTO_AUTH_ZUC_EIA3, 12, REF_AESNI_MB, 2 },
};

static void
fill_xforms(const struct sdef *d, int enc, struct rte_crypto_sym_xform *x,
		uint8_t *ckey, uint8_t *akey)
{
	/* enc: cipher then auth (generate); dec: auth (verify) then cipher */
	struct rte_crypto_sym_xform *c = enc ? &x[0] : &x[1];
	struct rte_crypto_sym_xform *a = enc ? &x[1] : &x[0];
	unsigned int i;

	for (i = 0; i < 32; i++)
		ckey[i] = (uint8_t)(d->seed * 37 + i);
	for (i = 0; i < 64; i++)
		akey[i] = (uint8_t)(d->seed * 91 + 3 * i);
	memset(x, 0, 2 * sizeof(*x));
	if (d->aead) {
		x[0].type = RTE_CRYPTO_SYM_XFORM_AEAD;
		x[0].aead.op = enc ? RTE_CRYPTO_AEAD_OP_ENCRYPT :
			RTE_CRYPTO_AEAD_OP_DECRYPT;
		x[0].aead.algo = d->aead == 2 ?
			RTE_CRYPTO_AEAD_CHACHA20_POLY1305 :
			RTE_CRYPTO_AEAD_AES_GCM;
		x[0].aead.key.data = ckey;
		x[0].aead.key.length = d->key_len;
		x[0].aead.iv.offset = IV_OFF;
		x[0].aead.iv.length = 12;
		x[0].aead.digest_length = d->digest;
		x[0].aead.aad_length = AAD_LEN;
		return;
	}
	x[0].next = &x[1];
	c->type = RTE_CRYPTO_SYM_XFORM_CIPHER;
	c->cipher.op = enc ? RTE_CRYPTO_CIPHER_OP_ENCRYPT :
		RTE_CRYPTO_CIPHER_OP_DECRYPT;
	c->cipher.algo = d->bits == 1 ? RTE_CRYPTO_CIPHER_SNOW3G_UEA2 :
		d->bits == 2 ? RTE_CRYPTO_CIPHER_ZUC_EEA3 :
		RTE_CRYPTO_CIPHER_AES_CBC;
	c->cipher.key.data = ckey;
	c->cipher.key.length = d->key_len;
	c->cipher.iv.offset = IV_OFF;
	c->cipher.iv.length = 16;
	a->type = RTE_CRYPTO_SYM_XFORM_AUTH;
	a->auth.op = enc ? RTE_CRYPTO_AUTH_OP_GENERATE : RTE_CRYPTO_AUTH_OP_VERIFY;
	a->auth.algo = d->auth;
	a->auth.key.data = akey;
	a->auth.key.length = d->bits ? 16 : 64;
	a->auth.digest_length = d->digest;
	if (d->bits) {
		a->auth.iv.offset = IV_OFF + 16;
		a->auth.iv.length = 16;
	}
}

/* One op's inputs, materialised once per device. */
struct spec {
	int s;			/* session */
	int oop;		/* out of place */
	int forge;		/* verify: tag corrupted */
	uint32_t hdr, len;	/* region: [hdr, hdr + len), auth from 0 */
	uint32_t trim;		/* bits short of the last byte (SNOW3G: both
				 * regions, ZUC: the EIA3 one)
				 */
	uint8_t data[BUF_MAX];	/* header + payload (+ tag for verify) */
	uint8_t iv[32], aad[AAD_LEN];	/* 3GPP: the auth IV at +16 */
};

static struct spec specs[NB_OPS];

/* 3GPP ops leave a byte between the region and the digest: ipsec-mb 1.3's
 * SNOW3G UEA2 writes the byte after a region that ends inside a byte, so
 * crypto_aesni_mb garbles it (there it would be the digest's first byte);
 * qatsec must leave it alone.
 */
#define GAP(sd)		((sd)->bits ? 1u : 0u)
static struct rte_mempool *op_pool, *mb_pool, *sess_pool;

struct dev {
	const char *name;
	int id;
	void *sess[NB_SESS], *inv[NB_SESS];	/* inv: encrypting twin */
};

/* Open d with the sessions it serves: all of them (all), or those whose
 * reference it is (ref).
 */
static int
dev_open(struct dev *d, int all, int ref)
{
	struct rte_cryptodev_config cfg = { .socket_id = SOCKET_ID_ANY,
		.nb_queue_pairs = 1 };
	struct rte_cryptodev_qp_conf qc = { .nb_descriptors = 64,
		.mp_session = sess_pool };
	struct rte_crypto_sym_xform x[2];
	uint8_t ck[32], ak[64];
	int s;

	d->id = rte_cryptodev_get_dev_id(d->name);
	if (d->id < 0 || rte_cryptodev_configure(d->id, &cfg) != 0 ||
			rte_cryptodev_queue_pair_setup(d->id, 0, &qc,
				SOCKET_ID_ANY) != 0 ||
			rte_cryptodev_start(d->id) != 0)
		return -1;
	for (s = 0; s < NB_SESS; s++) {
		if (!all && sdefs[s].ref != ref)
			continue;
		fill_xforms(&sdefs[s], sdefs[s].enc, x, ck, ak);
		d->sess[s] = rte_cryptodev_sym_session_create(d->id, x,
			sess_pool);
		fill_xforms(&sdefs[s], 1, x, ck, ak);
		d->inv[s] = rte_cryptodev_sym_session_create(d->id, x,
			sess_pool);
		if (d->sess[s] == NULL || d->inv[s] == NULL)
			return -1;
	}
	return 0;
}

/* Build op i on d from its spec (inv: the encrypting twin's op). */
static struct rte_crypto_op *
make_op(struct dev *d, int i, int inv)
{
	const struct spec *p = &specs[i];
	const struct sdef *sd = &sdefs[p->s];
	struct rte_crypto_op *op = rte_crypto_op_alloc(op_pool,
		RTE_CRYPTO_OP_TYPE_SYMMETRIC);
	struct rte_mbuf *m = rte_pktmbuf_alloc(mb_pool), *o = NULL;
	uint32_t total = p->hdr + p->len;
	uint8_t *buf, *dig;

	if (op == NULL || m == NULL)
		return NULL;
	buf = (uint8_t *)rte_pktmbuf_append(m, total + GAP(sd) + sd->digest);
	memcpy(buf, p->data, total + GAP(sd) + sd->digest);
	dig = buf + total + GAP(sd);
	op->sym->m_src = m;
	if (p->oop && !inv) {
		o = rte_pktmbuf_alloc(mb_pool);
		memset(rte_pktmbuf_append(o, total + GAP(sd) + sd->digest), 0x5a,
			total + GAP(sd) + sd->digest);
		op->sym->m_dst = o;
		/* A generated digest goes with the output. */
		if (sd->enc)
			dig = rte_pktmbuf_mtod_offset(o, uint8_t *,
				total + GAP(sd));
	}
	memcpy(rte_crypto_op_ctod_offset(op, uint8_t *, IV_OFF), p->iv, 32);
	rte_crypto_op_attach_sym_session(op, inv ? d->inv[p->s] : d->sess[p->s]);
	if (sd->aead) {
		op->sym->aead.data.offset = p->hdr;
		op->sym->aead.data.length = p->len;
		op->sym->aead.digest.data = dig;
		op->sym->aead.aad.data = (uint8_t *)p->aad;
	} else if (sd->bits) {
		op->sym->cipher.data.offset = p->hdr * 8;
		op->sym->cipher.data.length = p->len * 8 -
			(sd->bits == 1 ? p->trim : 0);
		op->sym->auth.data.offset = 0;
		op->sym->auth.data.length = total * 8 - p->trim;
		op->sym->auth.digest.data = dig;
	} else {
		op->sym->cipher.data.offset = p->hdr;
		op->sym->cipher.data.length = p->len;
		op->sym->auth.data.offset = 0;
		op->sym->auth.data.length = total;
		op->sym->auth.digest.data = dig;
	}
	return op;
}

/* Run n ops through d in bursts of BURST; 0 when all came back. */
static int
run(struct dev *d, struct rte_crypto_op **ops, int n)
{
	struct rte_crypto_op *out[BURST];
	int sent, got, k, tries;

	for (sent = 0; sent < n; sent += k) {
		k = RTE_MIN(BURST, n - sent);
		if (rte_cryptodev_enqueue_burst(d->id, 0, ops + sent, k) != k)
			return -1;
		for (got = 0, tries = 0; got < k && tries < 1000000; tries++)
			got += rte_cryptodev_dequeue_burst(d->id, 0, out + got,
				k - got);
		if (got != k)
			return -1;
	}
	return 0;
}

/* Specs: runs of one session and single ops, so bursts switch sessions
 * and classes at odd places; verify inputs get their tag from openssl's
 * encrypting twin, a quarter of them forged.
 */
static int
make_specs(struct dev *refs)
{
	struct rte_crypto_op *tw[NB_OPS];
	int i, s = 0, run_left = 0, n, k;

	for (i = 0; i < NB_OPS; i++) {
		struct spec *p = &specs[i];

		if (run_left-- <= 0) {
			s = (int)(rte_rand() % NB_SESS);
			run_left = (int)(rte_rand() % 6);
		}
		p->s = s;
		p->oop = rte_rand() % 5 == 0;
		p->hdr = sdefs[s].aead ? (uint32_t)(rte_rand() % 2) * 8 :
			(uint32_t)(rte_rand() % 2) * 16;
		/* AEAD may be empty: only the AAD is authenticated. */
		p->len = sdefs[s].aead ? (rte_rand() % 8 == 0 ? 0 :
			(uint32_t)(rte_rand() % 301)) :
			16 * (1 + (uint32_t)(rte_rand() % 20));
		for (unsigned int k = 0; k < sizeof(p->data); k++)
			p->data[k] = (uint8_t)rte_rand();
		/* Out of place, the bits past a region's end are each PMD's. */
		p->trim = sdefs[s].bits && !p->oop && rte_rand() % 3 == 0 ?
			1 + (uint32_t)(rte_rand() % 7) : 0;
		for (unsigned int k = 0; k < sizeof(p->iv); k++)
			p->iv[k] = (uint8_t)rte_rand();
		for (unsigned int k = 0; k < AAD_LEN; k++)
			p->aad[k] = (uint8_t)rte_rand();
	}
	for (k = 0; k < NB_REF; k++) {
		for (i = 0, n = 0; i < NB_OPS; i++) {
			if (sdefs[specs[i].s].enc || sdefs[specs[i].s].ref != k)
				continue;
			tw[n] = make_op(&refs[k], i, 1);
			if (tw[n++] == NULL)
				return -1;
		}
		if (run(&refs[k], tw, n) != 0)
			return -1;
		for (i = 0, n = 0; i < NB_OPS; i++) {
			struct spec *p = &specs[i];
			uint32_t total = p->hdr + p->len;

			if (sdefs[p->s].enc || sdefs[p->s].ref != k)
				continue;
			if (tw[n]->status != RTE_CRYPTO_OP_STATUS_SUCCESS)
				return -1;
			memcpy(p->data, rte_pktmbuf_mtod(tw[n]->sym->m_src,
				uint8_t *), total + GAP(&sdefs[p->s]) +
				sdefs[p->s].digest);
			p->forge = rte_rand() % 4 == 0;
			if (p->forge)
				p->data[total + GAP(&sdefs[p->s]) + rte_rand() %
					sdefs[p->s].digest] ^= 0x20;
			rte_pktmbuf_free(tw[n]->sym->m_src);
			rte_crypto_op_free(tw[n]);
			n++;
		}
	}
	return 0;
}

/* Run each op on the reference device of its session. */
static int
run_refs(struct dev *refs, struct rte_crypto_op **ops)
{
	struct rte_crypto_op *sub[NB_OPS];
	int i, k, n;

	for (k = 0; k < NB_REF; k++) {
		for (i = 0, n = 0; i < NB_OPS; i++)
			if (sdefs[specs[i].s].ref == k)
				sub[n++] = ops[i];
		if (run(&refs[k], sub, n) != 0)
			return -1;
	}
	return 0;
}

static struct rte_crypto_op *qops[NB_OPS], *rops[NB_OPS];

/* The devices, pools and sessions; false after a "Bail out!" line. */
static bool
setup(struct dev *q, struct dev *refs)
{
	unsigned int sz;
	int k;

	q->id = rte_cryptodev_get_dev_id(q->name);
	sz = q->id < 0 ? 0 : rte_cryptodev_sym_get_private_session_size(q->id);
	for (k = 0; k < NB_REF; k++) {
		refs[k].id = rte_cryptodev_get_dev_id(refs[k].name);
		if (refs[k].id < 0)
			break;
		sz = RTE_MAX(sz, rte_cryptodev_sym_get_private_session_size(
			refs[k].id));
	}
	if (q->id < 0 || k < NB_REF) {
		tap_bail("%s, %s or %s missing", q->name, refs[0].name,
			refs[1].name);
		return false;
	}
	op_pool = rte_crypto_op_pool_create("b_ops", RTE_CRYPTO_OP_TYPE_SYMMETRIC,
		4 * NB_OPS, 0, 32, SOCKET_ID_ANY);	/* the IVs */
	mb_pool = rte_pktmbuf_pool_create("b_mb", 8 * NB_OPS, 0, 0,
		RTE_PKTMBUF_HEADROOM + BUF_MAX + 64, SOCKET_ID_ANY);
	sess_pool = rte_cryptodev_sym_session_pool_create("b_sess",
		6 * NB_SESS, sz, 0, 0, SOCKET_ID_ANY);
	if (op_pool == NULL || mb_pool == NULL || sess_pool == NULL ||
			dev_open(q, 1, 0) != 0 ||
			dev_open(&refs[REF_OPENSSL], 0, REF_OPENSSL) != 0 ||
			dev_open(&refs[REF_AESNI_MB], 0, REF_AESNI_MB) != 0) {
		tap_bail("device or session setup failed");
		return false;
	}
	return true;
}

/* Op i from qatsec against the reference's: 0 same, 1 status, 2 data,
 * 3 qatsec wrote its gap byte.
 */
static int
compare(const struct dev *refs, int i)
{
	const struct spec *p = &specs[i];
	const struct sdef *sd = &sdefs[p->s];
	struct rte_mbuf *qm = qops[i]->sym->m_dst ?
		qops[i]->sym->m_dst : qops[i]->sym->m_src;
	struct rte_mbuf *rm = rops[i]->sym->m_dst ?
		rops[i]->sym->m_dst : rops[i]->sym->m_src;
	uint32_t total = p->hdr + p->len, gap = GAP(sd);
	/* Out of place, dst holds the region (and the generated digest);
	 * what else is there differs by PMD.
	 */
	int n = p->oop ? (int)p->hdr : 0;
	static int nb_status, nb_data;

	if (qops[i]->status != rops[i]->status) {
		if (nb_status++ < 5)
			printf("# op %d (%s%s%s, %u+%u B): status %d, %s %d\n",
				i, sd->name, p->oop ? ", oop" : "",
				p->forge ? ", forged" : "", p->hdr,
				p->len, qops[i]->status,
				refs[sd->ref].name, rops[i]->status);
		return 1;
	}
	if (gap != 0 && *rte_pktmbuf_mtod_offset(qm, uint8_t *, total) !=
			(p->oop ? 0x5a : p->data[total])) {
		printf("# op %d (%s%s, %u+%u B): the byte after the region changed\n",
			i, sd->name, p->oop ? ", oop" : "", p->hdr, p->len);
		return 3;
	}
	if (qops[i]->status == RTE_CRYPTO_OP_STATUS_SUCCESS &&
			(memcmp(rte_pktmbuf_mtod_offset(qm, uint8_t *, n),
			rte_pktmbuf_mtod_offset(rm, uint8_t *, n),
			total - n) != 0 || (sd->enc &&
			memcmp(rte_pktmbuf_mtod_offset(qm, uint8_t *, total + gap),
			rte_pktmbuf_mtod_offset(rm, uint8_t *, total + gap),
			sd->digest) != 0))) {
		if (nb_data++ < 5)
			printf("# op %d (%s%s, %u+%u B): output differs\n",
				i, sd->name, p->oop ? ", oop" : "",
				p->hdr, p->len);
		return 2;
	}
	return 0;
}

int
main(int argc, char **argv)
{
	struct dev q = { .name = "crypto_qatsec_SSL_INT_0" };
	struct dev refs[NB_REF] = { { .name = "crypto_openssl" },
		{ .name = "crypto_aesni_mb" } };
	int i, k, bad_status = 0, bad_data = 0, bad_gap = 0, forged = 0;
	int mixed = 0, gaps = 0;

	if (rte_eal_init(argc, argv) < 0) {
		tap_bail("rte_eal_init failed");
		return 1;
	}
	/* Also keeps the linker from dropping the PMD it links. */
	printf("# qatsec sections: %d\n", rte_pmd_qatsec_section_count());
	if (!setup(&q, refs))
		return 1;
	rte_srand(20221111);
	tap_ok(make_specs(refs) == 0, "%d ops of %d sessions; verify inputs tagged by the references",
		NB_OPS, NB_SESS);
	for (i = 0; i < NB_OPS; i++) {
		qops[i] = make_op(&q, i, 0);
		rops[i] = make_op(&refs[sdefs[specs[i].s].ref], i, 0);
		forged += specs[i].forge;
		mixed += i > 0 && specs[i].s != specs[i - 1].s;
	}
	tap_ok(run(&q, qops, NB_OPS) == 0 && run_refs(refs, rops) == 0,
		"every op comes back from qatsec and from the references");
	for (i = 0; i < NB_OPS; i++) {
		int d = compare(refs, i);

		bad_status += d == 1;
		bad_data += d == 2;
		bad_gap += d == 3;
		gaps += GAP(&sdefs[specs[i].s]) != 0;
	}
	tap_ok(bad_status == 0, "statuses match the references op by op (%d differ; %d forged tags)",
		bad_status, forged);
	tap_ok(bad_data == 0, "outputs and digests match the references (%d differ; %d session switches in %d ops)",
		bad_data, mixed, NB_OPS);
	tap_ok(bad_gap == 0 && gaps > 0, "no 3GPP op writes the byte after its region (%d of %d did)",
		bad_gap, gaps);
	for (i = 0; i < NB_OPS; i++) {
		rte_pktmbuf_free(qops[i]->sym->m_src);
		rte_pktmbuf_free(qops[i]->sym->m_dst);
		rte_pktmbuf_free(rops[i]->sym->m_src);
		rte_pktmbuf_free(rops[i]->sym->m_dst);
		rte_crypto_op_free(qops[i]);
		rte_crypto_op_free(rops[i]);
	}
	rte_cryptodev_stop(q.id);
	for (k = 0; k < NB_REF; k++)
		rte_cryptodev_stop(refs[k].id);
	rte_eal_cleanup();
	return tap_done();
}
