/* SPDX-License-Identifier: BSD-3-Clause
 * Device side of qatsec_kat (see kat_dev.h): generic over any cryptodev, so
 * the same executor drives the device under test and the reference.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include <rte_common.h>
#include <rte_crypto.h>
#include <rte_cryptodev.h>
#include <rte_cycles.h>
#include <rte_errno.h>
#include <rte_mbuf.h>
#include <rte_mempool.h>

#include "kat_dev.h"

/*
 * Per-op private area (after the sym op): IV, auth IV, then the AAD area.
 * CCM needs 18 reserved bytes before the AAD and room to pad it to a
 * multiple of 16 (rte_crypto_sym.h); PMDs may scribble on both.
 */
#define KAT_IV_OFF	(sizeof(struct rte_crypto_op) + sizeof(struct rte_crypto_sym_op))
#define KAT_AIV_OFF	(KAT_IV_OFF + 16)
#define KAT_AAD_OFF	(KAT_IV_OFF + 32)
#define KAT_AAD_AREA	RTE_ALIGN_CEIL(18 + KAT_MAX_AAD + 16, 64)
#define KAT_OP_PRIV	(32 + KAT_AAD_AREA)

#define KAT_MBUF_ROOM	(RTE_PKTMBUF_HEADROOM + 64 + KAT_MAX_HDR + \
			 KAT_MAX_DATA + KAT_MAX_DIGEST + 64)
#define KAT_NB_MBUF	2048
#define KAT_NB_OP	512
#define KAT_NB_SESS	1024
#define KAT_QP_DESC	2048
#define KAT_ENQ_TRIES	4	/* zero-accepting enqueues before "rejected" */

struct kat_env kat_env;

static const struct {
	const char *name;
	uint64_t ff;
	const char *ff_name;
} mode_tab[KAT_M_NUM] = {
	[KAT_M_IP_LB] = { "ip-lb", 0, "" },
	[KAT_M_IP_SGL] = { "ip-sgl", RTE_CRYPTODEV_FF_IN_PLACE_SGL,
		"IN_PLACE_SGL" },
	[KAT_M_OOP_LB_LB] = { "oop-lb-lb", RTE_CRYPTODEV_FF_OOP_LB_IN_LB_OUT,
		"OOP_LB_IN_LB_OUT" },
	[KAT_M_OOP_SGL_SGL] = { "oop-sgl-sgl",
		RTE_CRYPTODEV_FF_OOP_SGL_IN_SGL_OUT, "OOP_SGL_IN_SGL_OUT" },
	[KAT_M_OOP_SGL_LB] = { "oop-sgl-lb",
		RTE_CRYPTODEV_FF_OOP_SGL_IN_LB_OUT, "OOP_SGL_IN_LB_OUT" },
	[KAT_M_OOP_LB_SGL] = { "oop-lb-sgl",
		RTE_CRYPTODEV_FF_OOP_LB_IN_SGL_OUT, "OOP_LB_IN_SGL_OUT" },
};

const char *
kat_mode_name(enum kat_mode m)
{
	return mode_tab[m].name;
}

uint64_t
kat_mode_ff(enum kat_mode m)
{
	return mode_tab[m].ff;
}

const char *
kat_mode_ff_name(enum kat_mode m)
{
	return mode_tab[m].ff_name;
}

bool
kat_mode_oop(enum kat_mode m)
{
	return m >= KAT_M_OOP_LB_LB;
}

bool
kat_mode_sgl(enum kat_mode m)
{
	return m != KAT_M_IP_LB && m != KAT_M_OOP_LB_LB;
}

static bool
mode_src_sgl(enum kat_mode m)
{
	return m == KAT_M_IP_SGL || m == KAT_M_OOP_SGL_SGL || m == KAT_M_OOP_SGL_LB;
}

static bool
mode_dst_sgl(enum kat_mode m)
{
	return m == KAT_M_OOP_SGL_SGL || m == KAT_M_OOP_LB_SGL;
}

const char *
kat_status_name(int st)
{
	switch (st) {
	case RTE_CRYPTO_OP_STATUS_SUCCESS: return "SUCCESS";
	case RTE_CRYPTO_OP_STATUS_NOT_PROCESSED: return "NOT_PROCESSED";
	case RTE_CRYPTO_OP_STATUS_AUTH_FAILED: return "AUTH_FAILED";
	case RTE_CRYPTO_OP_STATUS_INVALID_SESSION: return "INVALID_SESSION";
	case RTE_CRYPTO_OP_STATUS_INVALID_ARGS: return "INVALID_ARGS";
	case RTE_CRYPTO_OP_STATUS_ERROR: return "ERROR";
	case KAT_ST_LOST: return "LOST(not dequeued)";
	case KAT_ST_HARNESS: return "HARNESS";
	default: return "UNKNOWN";
	}
}

void
kat_hexdiff(char *buf, size_t sz, const char *what, const uint8_t *exp,
		const uint8_t *got, uint32_t len)
{
	uint32_t i = 0, n, o = 0;
	int w;

	while (i < len && exp[i] == got[i])
		i++;
	if (i == len) {
		snprintf(buf, sz, "%s: no difference", what);
		return;
	}
	n = RTE_MIN(len - i, 16u);
	w = snprintf(buf, sz, "%s mismatch at byte %u of %u: expected ", what, i,
		len);
	if (w < 0 || (size_t)w >= sz)
		return;
	o = (uint32_t)w;
	for (uint32_t k = 0; k < n && o + 3 < sz; k++)
		o += (uint32_t)snprintf(buf + o, sz - o, "%02x", exp[i + k]);
	if (o + 6 < sz)
		o += (uint32_t)snprintf(buf + o, sz - o, " got ");
	for (uint32_t k = 0; k < n && o + 3 < sz; k++)
		o += (uint32_t)snprintf(buf + o, sz - o, "%02x", got[i + k]);
}

int
kat_dev_open(struct kat_dev *d, const char *name, unsigned int burst,
		unsigned int timeout_ms)
{
	struct rte_cryptodev_info info;
	int id = rte_cryptodev_get_dev_id(name);

	memset(d, 0, sizeof(*d));
	d->name = name;
	/*
	 * A PMD may name its devices after what it serves (crypto_qatsec's
	 * are named after the claimed section): fall back to the first device
	 * whose name starts with, or whose driver is, the given name.
	 */
	for (uint8_t i = 0; id < 0 && i < rte_cryptodev_count(); i++) {
		const char *dn = rte_cryptodev_name_get(i);

		rte_cryptodev_info_get(i, &info);
		if ((dn != NULL && strncmp(dn, name, strlen(name)) == 0) ||
				(info.driver_name != NULL &&
				 strcmp(info.driver_name, name) == 0)) {
			id = i;
			d->name = dn != NULL ? dn : name;
			printf("# '%s': using device %s (driver %s)\n", name,
				d->name, info.driver_name);
		}
	}
	if (id < 0) {
		printf("# no cryptodev named '%s' (is its --vdev given and the "
			"driver loaded?)\n", name);
		return -ENODEV;
	}
	d->id = (uint8_t)id;
	rte_cryptodev_info_get(d->id, &info);
	d->ff = info.feature_flags;
	d->burst = RTE_MAX(1u, RTE_MIN(burst, (unsigned int)KAT_MAX_BATCH));
	d->timeout_cycles = rte_get_timer_hz() / 1000 * timeout_ms;
	if (!(d->ff & RTE_CRYPTODEV_FF_SYMMETRIC_CRYPTO)) {
		printf("# %s: not a symmetric crypto device\n", name);
		return -ENOTSUP;
	}
	return 0;
}

static int
dev_start(struct kat_dev *d)
{
	struct rte_cryptodev_config conf = {
		.socket_id = SOCKET_ID_ANY,
		.nb_queue_pairs = 1,
		/* Nothing here uses them; leave the PMD less to set up. */
		.ff_disable = RTE_CRYPTODEV_FF_ASYMMETRIC_CRYPTO |
			RTE_CRYPTODEV_FF_SECURITY,
	};
	struct rte_cryptodev_qp_conf qp = {
		.nb_descriptors = KAT_QP_DESC,
		.mp_session = kat_env.sess_mp,
	};
	int sock = rte_cryptodev_socket_id(d->id);
	int ret;

	if (sock >= 0)
		conf.socket_id = sock;
	ret = rte_cryptodev_configure(d->id, &conf);
	if (ret < 0) {
		printf("# %s: rte_cryptodev_configure: %d\n", d->name, ret);
		return ret;
	}
	ret = rte_cryptodev_queue_pair_setup(d->id, 0, &qp, conf.socket_id);
	if (ret < 0) {
		/* Some devices cap the ring depth below ours. */
		qp.nb_descriptors = 512;
		ret = rte_cryptodev_queue_pair_setup(d->id, 0, &qp,
			conf.socket_id);
	}
	if (ret < 0) {
		printf("# %s: rte_cryptodev_queue_pair_setup: %d\n", d->name, ret);
		return ret;
	}
	ret = rte_cryptodev_start(d->id);
	if (ret < 0) {
		printf("# %s: rte_cryptodev_start: %d\n", d->name, ret);
		return ret;
	}
	rte_cryptodev_stats_reset(d->id);
	return 0;
}

int
kat_env_init(struct kat_dev *const *devs, unsigned int n)
{
	unsigned int sess_sz = 0;

	for (unsigned int i = 0; i < n; i++)
		sess_sz = RTE_MAX(sess_sz,
			rte_cryptodev_sym_get_private_session_size(devs[i]->id));
	kat_env.sess_mp = rte_cryptodev_sym_session_pool_create("kat_sess",
		KAT_NB_SESS, sess_sz, 0, 0, SOCKET_ID_ANY);
	kat_env.op_mp = rte_crypto_op_pool_create("kat_op",
		RTE_CRYPTO_OP_TYPE_SYMMETRIC, KAT_NB_OP, 0, KAT_OP_PRIV,
		SOCKET_ID_ANY);
	kat_env.mbuf_mp = rte_pktmbuf_pool_create("kat_mbuf", KAT_NB_MBUF, 0, 0,
		KAT_MBUF_ROOM, SOCKET_ID_ANY);
	if (kat_env.sess_mp == NULL || kat_env.op_mp == NULL ||
			kat_env.mbuf_mp == NULL) {
		printf("# pool creation failed: %s (need more -m memory?)\n",
			rte_strerror(rte_errno));
		return -ENOMEM;
	}
	for (unsigned int i = 0; i < n; i++) {
		int ret = dev_start(devs[i]);

		if (ret < 0)
			return ret;
	}
	return 0;
}

void
kat_dev_close(struct kat_dev *d)
{
	rte_cryptodev_stop(d->id);
	rte_cryptodev_close(d->id);
}

void
kat_xf_reset(struct kat_sess *s)
{
	memset(s, 0, sizeof(*s));
}

void
kat_xf_aead(struct kat_sess *s, enum rte_crypto_aead_algorithm algo,
		enum rte_crypto_aead_operation op, const uint8_t *key,
		uint16_t key_len, uint16_t iv_len, uint16_t digest_len,
		uint16_t aad_len)
{
	struct rte_crypto_sym_xform *x = &s->xf[s->nxf++];

	x->type = RTE_CRYPTO_SYM_XFORM_AEAD;
	x->aead.algo = algo;
	x->aead.op = op;
	x->aead.key.data = key;
	x->aead.key.length = key_len;
	x->aead.iv.offset = KAT_IV_OFF;
	x->aead.iv.length = iv_len;
	x->aead.digest_length = digest_len;
	x->aead.aad_length = aad_len;
}

void
kat_xf_cipher(struct kat_sess *s, enum rte_crypto_cipher_algorithm algo,
		enum rte_crypto_cipher_operation op, const uint8_t *key,
		uint16_t key_len, uint16_t iv_len)
{
	struct rte_crypto_sym_xform *x = &s->xf[s->nxf++];

	x->type = RTE_CRYPTO_SYM_XFORM_CIPHER;
	x->cipher.algo = algo;
	x->cipher.op = op;
	x->cipher.key.data = key;
	x->cipher.key.length = key_len;
	x->cipher.iv.offset = KAT_IV_OFF;
	x->cipher.iv.length = iv_len;
}

void
kat_xf_auth(struct kat_sess *s, enum rte_crypto_auth_algorithm algo,
		enum rte_crypto_auth_operation op, const uint8_t *key,
		uint16_t key_len, uint16_t digest_len, uint16_t iv_len)
{
	struct rte_crypto_sym_xform *x = &s->xf[s->nxf++];

	x->type = RTE_CRYPTO_SYM_XFORM_AUTH;
	x->auth.algo = algo;
	x->auth.op = op;
	x->auth.key.data = key;
	x->auth.key.length = key_len;
	x->auth.iv.offset = KAT_AIV_OFF;
	x->auth.iv.length = iv_len;
	x->auth.digest_length = digest_len;
}

bool
kat_caps_ok(uint8_t dev_id, const struct kat_sess *s)
{
	struct rte_cryptodev_info info;

	if (s->nxf > 1) {
		rte_cryptodev_info_get(dev_id, &info);
		if (!(info.feature_flags & RTE_CRYPTODEV_FF_SYM_OPERATION_CHAINING))
			return false;
	}
	for (unsigned int i = 0; i < s->nxf; i++) {
		const struct rte_crypto_sym_xform *x = &s->xf[i];
		struct rte_cryptodev_sym_capability_idx idx = { .type = x->type };
		const struct rte_cryptodev_symmetric_capability *cap;
		int ret;

		switch (x->type) {
		case RTE_CRYPTO_SYM_XFORM_AEAD:
			idx.algo.aead = x->aead.algo;
			break;
		case RTE_CRYPTO_SYM_XFORM_CIPHER:
			idx.algo.cipher = x->cipher.algo;
			break;
		case RTE_CRYPTO_SYM_XFORM_AUTH:
			idx.algo.auth = x->auth.algo;
			break;
		default:
			return false;
		}
		cap = rte_cryptodev_sym_capability_get(dev_id, &idx);
		if (cap == NULL)
			return false;
		switch (x->type) {
		case RTE_CRYPTO_SYM_XFORM_AEAD:
			ret = rte_cryptodev_sym_capability_check_aead(cap,
				x->aead.key.length, x->aead.digest_length,
				x->aead.aad_length, x->aead.iv.length);
			break;
		case RTE_CRYPTO_SYM_XFORM_CIPHER:
			ret = rte_cryptodev_sym_capability_check_cipher(cap,
				x->cipher.key.length, x->cipher.iv.length);
			break;
		default:
			ret = rte_cryptodev_sym_capability_check_auth(cap,
				x->auth.key.length, x->auth.digest_length,
				x->auth.iv.length);
			break;
		}
		if (ret != 0)
			return false;
	}
	return true;
}

/* Same rule as the library's (static) param_range_check(). */
static bool
in_range(uint16_t v, const struct rte_crypto_param_range *r)
{
	if (v < r->min || v > r->max)
		return false;
	if (r->increment == 0)
		return true;
	return (v - r->min) % r->increment == 0;
}

const char *
kat_caps_why(uint8_t dev_id, const struct kat_sess *s)
{
	struct rte_cryptodev_info info;

	if (kat_caps_ok(dev_id, s))
		return NULL;
	rte_cryptodev_info_get(dev_id, &info);
	if (s->nxf > 1 &&
			!(info.feature_flags & RTE_CRYPTODEV_FF_SYM_OPERATION_CHAINING))
		return "chaining not advertised";
	/* Explain which parameter falls outside the advertised ranges. */
	for (unsigned int i = 0; i < s->nxf; i++) {
		const struct rte_crypto_sym_xform *x = &s->xf[i];
		struct rte_cryptodev_sym_capability_idx idx = { .type = x->type };
		const struct rte_cryptodev_symmetric_capability *c;

		if (x->type == RTE_CRYPTO_SYM_XFORM_AEAD)
			idx.algo.aead = x->aead.algo;
		else if (x->type == RTE_CRYPTO_SYM_XFORM_CIPHER)
			idx.algo.cipher = x->cipher.algo;
		else
			idx.algo.auth = x->auth.algo;
		c = rte_cryptodev_sym_capability_get(dev_id, &idx);
		if (c == NULL)
			return "algorithm not advertised";
		if (x->type == RTE_CRYPTO_SYM_XFORM_AEAD) {
			if (!in_range(x->aead.key.length, &c->aead.key_size))
				return "key size not advertised";
			if (!in_range(x->aead.digest_length, &c->aead.digest_size))
				return "tag size not advertised";
			if (!in_range(x->aead.aad_length, &c->aead.aad_size))
				return "aad size not advertised";
			if (!in_range(x->aead.iv.length, &c->aead.iv_size))
				return "iv size not advertised";
		} else if (x->type == RTE_CRYPTO_SYM_XFORM_CIPHER) {
			if (!in_range(x->cipher.key.length, &c->cipher.key_size))
				return "key size not advertised";
			if (!in_range(x->cipher.iv.length, &c->cipher.iv_size))
				return "iv size not advertised";
		} else {
			if (!in_range(x->auth.key.length, &c->auth.key_size))
				return "key size not advertised";
			if (!in_range(x->auth.digest_length, &c->auth.digest_size))
				return "digest size not advertised";
			if (!in_range(x->auth.iv.length, &c->auth.iv_size))
				return "iv size not advertised";
		}
	}
	return "capability check failed";
}

int
kat_sess_create(const struct kat_dev *d, struct kat_sess *s)
{
	s->xf[0].next = s->nxf > 1 ? &s->xf[1] : NULL;
	s->xf[1].next = NULL;
	s->dev_id = d->id;
	for (unsigned int i = 0; i < s->nxf; i++) {
		const struct rte_crypto_sym_xform *x = &s->xf[i];

		switch (x->type) {
		case RTE_CRYPTO_SYM_XFORM_AEAD:
			s->aead = true;
			s->verify = x->aead.op == RTE_CRYPTO_AEAD_OP_DECRYPT;
			s->ccm = x->aead.algo == RTE_CRYPTO_AEAD_AES_CCM;
			s->iv_len = x->aead.iv.length;
			s->digest_len = x->aead.digest_length;
			s->aad_len = x->aead.aad_length;
			break;
		case RTE_CRYPTO_SYM_XFORM_CIPHER:
			s->cipher = true;
			s->iv_len = x->cipher.iv.length;
			break;
		default:
			s->auth = true;
			s->verify = x->auth.op == RTE_CRYPTO_AUTH_OP_VERIFY;
			s->aiv_len = x->auth.iv.length;
			s->digest_len = x->auth.digest_length;
			break;
		}
	}
	s->chain = s->cipher && s->auth;
	rte_errno = 0;
	s->sess = rte_cryptodev_sym_session_create(d->id, &s->xf[0],
		kat_env.sess_mp);
	if (s->sess == NULL)
		return rte_errno ? -rte_errno : -EIO;
	return 0;
}

void
kat_sess_free(struct kat_sess *s)
{
	if (s->sess != NULL && !s->leaked)
		rte_cryptodev_sym_session_free(s->dev_id, s->sess);
	s->sess = NULL;
}

/*
 * Build a chain holding data[0..dlen) then tlen tail bytes (fill stands in
 * for a NULL data or tail). Segmented chains get 2-4 segments of mostly odd sizes
 * and varying headroom; the tail (digest slot) always lies whole in the last
 * segment because the digest pointer must address contiguous memory.
 */
static struct rte_mbuf *
build_chain(const uint8_t *data, uint32_t dlen, const uint8_t *tail,
		uint8_t fill, uint32_t tlen, bool sgl, uint64_t *rng)
{
	uint32_t seg[4], k = 1, rem = dlen, pos = 0;
	struct rte_mbuf *head = NULL;

	if (sgl) {
		k = 2 + (uint32_t)(kat_rand(rng) % 3);
		/* each non-last segment needs a data byte; last needs one too
		 * unless it carries the tail */
		k = RTE_MIN(k, dlen + (tlen ? 1 : 0));
		k = RTE_MAX(k, 1u);
	}
	for (uint32_t i = 0; i + 1 < k; i++) {
		uint32_t after = (k - 2 - i) + (tlen ? 0 : 1);
		uint32_t maxs = rem - after;
		uint32_t s = 1 + (uint32_t)(kat_rand(rng) % maxs);

		if (s % 2 == 0 && s > 1)
			s--;
		seg[i] = s;
		rem -= s;
	}
	seg[k - 1] = rem + tlen;

	for (uint32_t i = 0; i < k; i++) {
		struct rte_mbuf *m = rte_pktmbuf_alloc(kat_env.mbuf_mp);
		uint8_t *p;

		if (m == NULL)
			goto fail;
		if (sgl)
			m->data_off = (uint16_t)(kat_rand(rng) %
				(RTE_PKTMBUF_HEADROOM + 1));
		p = (uint8_t *)rte_pktmbuf_append(m, (uint16_t)seg[i]);
		if (p == NULL && seg[i] > 0) {
			rte_pktmbuf_free(m);
			goto fail;
		}
		for (uint32_t b = 0; b < seg[i]; b++, pos++) {
			if (pos < dlen)
				p[b] = data != NULL ? data[pos] : fill;
			else
				p[b] = tail != NULL ? tail[pos - dlen] : fill;
		}
		if (head == NULL) {
			head = m;
		} else if (rte_pktmbuf_chain(head, m) != 0) {
			rte_pktmbuf_free(m);
			goto fail;
		}
	}
	return head;
fail:
	rte_pktmbuf_free(head);
	return NULL;
}

/* Copy [off, off+len) of a chain into buf. */
static bool
chain_read(const struct rte_mbuf *m, uint32_t off, uint32_t len, uint8_t *buf)
{
	const void *p;

	if (len == 0)
		return true;
	p = rte_pktmbuf_read(m, off, len, buf);
	if (p == NULL)
		return false;
	if (p != buf)
		memcpy(buf, p, len);
	return true;
}

/* True if chain bytes [off, off+len) equal ref; else sets *at. */
static bool
chain_equal(const struct rte_mbuf *m, uint32_t off, uint32_t len,
		const uint8_t *ref, uint32_t *at)
{
	static uint8_t tmp[KAT_MAX_HDR + KAT_MAX_DATA + KAT_MAX_DIGEST];

	if (len > sizeof(tmp) || !chain_read(m, off, len, tmp)) {
		*at = 0;
		return false;
	}
	for (uint32_t i = 0; i < len; i++)
		if (tmp[i] != ref[i]) {
			*at = off + i;
			return false;
		}
	return true;
}

struct slot {
	struct rte_crypto_op *op;
	struct rte_mbuf *src, *dst;
	uint8_t *dig;
	bool enq, back, rejected;
};

static int
prepare(struct kat_job *j, struct slot *sl)
{
	const struct kat_sess *s = j->s;
	uint32_t dlen = j->hdr_len + j->len, tlen = s->digest_len;
	bool oop = kat_mode_oop(j->mode);
	uint64_t rng = j->seg_seed;
	struct rte_crypto_sym_op *sym;
	struct rte_mbuf *dm, *last;
	uint8_t *ivp;

	memset(sl, 0, sizeof(*sl));
	if (j->hdr_len > KAT_MAX_HDR || j->len > KAT_MAX_DATA ||
			tlen > KAT_MAX_DIGEST || s->aad_len > KAT_MAX_AAD) {
		snprintf(j->err, sizeof(j->err), "job exceeds harness limits");
		return -1;
	}
	/*
	 * The digest slot is appended where the digest lives, as an
	 * application would lay it out: a digest to verify is input (source),
	 * a generated one is output (destination). Out-of-place ops thus have
	 * a slot in exactly one chain. (Both chains running past the op region
	 * trips crypto_aesni_mb 22.11, which bounds out-of-place SGL AEAD
	 * segments by mbuf lengths instead of the op length.)
	 */
	sl->src = build_chain(j->in, dlen, s->verify ? j->digest_in : NULL,
		0xcc, (!oop || s->verify) ? tlen : 0, mode_src_sgl(j->mode),
		&rng);
	if (oop)
		sl->dst = build_chain(NULL, dlen, NULL, 0x5a,
			s->verify ? 0 : tlen, mode_dst_sgl(j->mode), &rng);
	sl->op = rte_crypto_op_alloc(kat_env.op_mp,
		RTE_CRYPTO_OP_TYPE_SYMMETRIC);
	if (sl->src == NULL || (oop && sl->dst == NULL) || sl->op == NULL) {
		snprintf(j->err, sizeof(j->err), "mbuf/op allocation failed");
		return -1;
	}
	dm = (oop && !s->verify) ? sl->dst : sl->src;
	last = rte_pktmbuf_lastseg(dm);
	sl->dig = rte_pktmbuf_mtod_offset(last, uint8_t *, last->data_len - tlen);

	sym = sl->op->sym;
	rte_crypto_op_attach_sym_session(sl->op, s->sess);
	sym->m_src = sl->src;
	sym->m_dst = oop ? sl->dst : NULL;
	ivp = rte_crypto_op_ctod_offset(sl->op, uint8_t *, KAT_IV_OFF);
	if (s->aead) {
		uint8_t *aadp = rte_crypto_op_ctod_offset(sl->op, uint8_t *,
			KAT_AAD_OFF);
		uint32_t pre = s->ccm ? 18 : 0;

		memset(ivp, 0, 16);
		/* CCM: byte 0 is reserved for the flags, nonce follows. */
		memcpy(ivp + (s->ccm ? 1 : 0), j->iv, s->iv_len);
		memset(aadp, 0, RTE_ALIGN_CEIL(pre + s->aad_len + 16, 16));
		if (s->aad_len)
			memcpy(aadp + pre, j->aad, s->aad_len);
		sym->aead.data.offset = j->hdr_len;
		sym->aead.data.length = j->len;
		sym->aead.digest.data = sl->dig;
		sym->aead.digest.phys_addr = rte_pktmbuf_iova_offset(last,
			last->data_len - tlen);
		sym->aead.aad.data = aadp;
		sym->aead.aad.phys_addr = rte_crypto_op_ctophys_offset(sl->op,
			KAT_AAD_OFF);
		return 0;
	}
	if (s->cipher) {
		memcpy(ivp, j->iv, s->iv_len);
		sym->cipher.data.offset = j->hdr_len;
		sym->cipher.data.length = j->len;
	}
	if (s->auth) {
		if (s->aiv_len)
			memcpy(rte_crypto_op_ctod_offset(sl->op, uint8_t *,
				KAT_AIV_OFF), j->aiv, s->aiv_len);
		/* Chains authenticate header + payload, like ESP. */
		sym->auth.data.offset = s->chain ? 0 : j->hdr_len;
		sym->auth.data.length = s->chain ? dlen : j->len;
		sym->auth.digest.data = sl->dig;
		sym->auth.digest.phys_addr = rte_pktmbuf_iova_offset(last,
			last->data_len - tlen);
	}
	return 0;
}

/* Check a returned op and extract its results. */
static void
collect(struct kat_job *j, struct slot *sl)
{
	const struct kat_sess *s = j->s;
	uint32_t dlen = j->hdr_len + j->len, at;
	bool oop = kat_mode_oop(j->mode);
	const struct rte_mbuf *om = oop ? sl->dst : sl->src;

	j->status = sl->op->status;
	if (sl->op->sym->m_src != sl->src ||
			sl->op->sym->m_dst != (oop ? sl->dst : NULL)) {
		snprintf(j->err, sizeof(j->err), "op m_src/m_dst changed by device");
		return;
	}
	if (oop || (s->auth && !s->cipher)) {
		/* Out-of-place and auth-only ops must not touch the source. */
		if (!chain_equal(sl->src, 0, dlen, j->in, &at)) {
			snprintf(j->err, sizeof(j->err),
				"%s modified the source at byte %u",
				oop ? "out-of-place op" : "auth-only op", at);
			return;
		}
	} else if (!chain_equal(sl->src, 0, j->hdr_len, j->in, &at)) {
		snprintf(j->err, sizeof(j->err),
			"header byte %u outside the cipher region modified", at);
		return;
	}
	if (j->out != NULL && (s->cipher || s->aead) &&
			!chain_read(om, j->hdr_len, j->len, j->out)) {
		snprintf(j->err, sizeof(j->err), "output shorter than expected");
		return;
	}
	if (!s->verify && s->digest_len)
		memcpy(j->digest, sl->dig, s->digest_len);
}

static void
slot_free(struct slot *sl)
{
	rte_pktmbuf_free(sl->src);
	rte_pktmbuf_free(sl->dst);
	rte_crypto_op_free(sl->op);
}

static unsigned int
run_chunk(struct kat_dev *d, struct kat_job *jobs, unsigned int n)
{
	struct rte_crypto_op *ops[KAT_MAX_BATCH], *deq[KAT_MAX_BATCH];
	struct slot sl[KAT_MAX_BATCH];
	unsigned int idx[KAT_MAX_BATCH], nops = 0, sent = 0, got = 0, lost = 0;
	unsigned int rejected = 0, refusals = 0;
	uint64_t deadline;

	for (unsigned int i = 0; i < n; i++) {
		jobs[i].err[0] = '\0';
		jobs[i].status = KAT_ST_HARNESS;
		if (prepare(&jobs[i], &sl[i]) != 0) {
			slot_free(&sl[i]);
			memset(&sl[i], 0, sizeof(sl[i]));
			continue;
		}
		idx[nops] = i;
		ops[nops++] = sl[i].op;
	}

	/*
	 * Enqueue what the device takes while draining completions, so a
	 * device that only accepts work after returning some still progresses.
	 * The timeout restarts on any progress: it bounds a stall, not a run.
	 */
	deadline = rte_get_timer_cycles() + d->timeout_cycles;
	while (got + rejected < nops) {
		uint16_t k, e = 0;

		if (sent < nops) {
			e = rte_cryptodev_enqueue_burst(d->id, 0, ops + sent,
				(uint16_t)(nops - sent));
			for (unsigned int q = sent; q < sent + e; q++)
				sl[idx[q]].enq = true;
			sent += e;
			d->enq += e;
			/*
			 * Refused with nothing of ours in flight: the queue
			 * cannot be full, so the device rejected this op (after
			 * a few tries, in case it is just catching up).
			 */
			if (e == 0 && got + rejected == sent &&
					++refusals >= KAT_ENQ_TRIES) {
				sl[idx[sent]].rejected = true;
				rejected++;
				sent++;
				refusals = 0;
			} else if (e > 0) {
				refusals = 0;
			}
		}
		k = rte_cryptodev_dequeue_burst(d->id, 0, deq, KAT_MAX_BATCH);
		d->deq += k;
		for (uint16_t q = 0; q < k; q++) {
			unsigned int f;

			for (f = 0; f < nops; f++)
				if (ops[f] == deq[q])
					break;
			if (f == nops || !sl[idx[f]].enq) {
				/* never enqueued here: a stray or late op */
				d->stray++;
				continue;
			}
			if (sl[idx[f]].back) {
				d->dup++;
				snprintf(jobs[idx[f]].err, sizeof(jobs[idx[f]].err),
					"op dequeued twice");
				continue;
			}
			sl[idx[f]].back = true;
			got++;
		}
		if (k > 0 || e > 0)
			deadline = rte_get_timer_cycles() + d->timeout_cycles;
		else if (rte_get_timer_cycles() > deadline)
			break;
	}
	/* One more poll: a device must not return anything extra. */
	if (got + rejected == nops) {
		uint16_t k = rte_cryptodev_dequeue_burst(d->id, 0, deq,
			KAT_MAX_BATCH);

		d->deq += k;
		d->stray += k;
	}

	for (unsigned int q = 0; q < nops; q++) {
		struct kat_job *j = &jobs[idx[q]];
		struct slot *s = &sl[idx[q]];

		if (s->rejected) {
			snprintf(j->err, sizeof(j->err),
				"op rejected by enqueue (queue empty)");
			d->rejected++;
			slot_free(s);
		} else if (!s->enq) {
			snprintf(j->err, sizeof(j->err),
				"device stopped accepting ops (timeout)");
			slot_free(s);
		} else if (!s->back) {
			/* The device may still own the op: leak it all. */
			j->status = KAT_ST_LOST;
			snprintf(j->err, sizeof(j->err),
				"op not dequeued within timeout");
			j->s->leaked = true;
			d->lost++;
			lost++;
		} else {
			if (j->err[0] == '\0')
				collect(j, s);
			slot_free(s);
		}
	}
	return lost;
}

unsigned int
kat_run(struct kat_dev *d, struct kat_job *jobs, unsigned int n)
{
	unsigned int lost = 0;

	for (unsigned int i = 0; i < n; i += d->burst)
		lost += run_chunk(d, jobs + i, RTE_MIN(d->burst, n - i));
	return lost;
}

void
kat_dev_drain(struct kat_dev *d, unsigned int ms)
{
	uint64_t end = rte_get_timer_cycles() + rte_get_timer_hz() / 1000 * ms;
	struct rte_crypto_op *deq[KAT_MAX_BATCH];

	while (rte_get_timer_cycles() < end) {
		uint16_t k = rte_cryptodev_dequeue_burst(d->id, 0, deq,
			KAT_MAX_BATCH);

		d->deq += k;
		d->stray += k;
	}
}
