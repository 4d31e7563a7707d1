/* SPDX-License-Identifier: BSD-3-Clause
 * Device side of qatsec_kat (see kat_dev.h): devices, pools, sessions and
 * capabilities, generic over any cryptodev so that the same code drives
 * the device under test and the references. The job runner is kat_run.c.
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
#include "kat_dev_private.h"

#define KAT_MBUF_ROOM	(RTE_PKTMBUF_HEADROOM + 64 + KAT_MAX_HDR + \
			 KAT_MAX_DATA + KAT_MAX_DIGEST + 64)
#define KAT_NB_MBUF	2048
#define KAT_NB_OP	512
#define KAT_NB_SESS	1024
#define KAT_QP_DESC	2048

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
