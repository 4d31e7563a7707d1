/* SPDX-License-Identifier: BSD-3-Clause
 * crypto_qatsec PMD glue: the raw data-path API (RTE_CRYPTODEV_FF_SYM_RAW_DP)
 * on every section device, over the engines' vec_process hook. A soft
 * endpoint computes at enqueue, so an enqueued vector is complete when
 * enqueue returns: its status and user data wait in the context (which the
 * application allocates, per process and per thread) until dequeued. The
 * context holds the session pointer and those results only, nothing of it
 * goes into shared memory, and the section's rings are not used: raw
 * traffic works the same in the primary and in a secondary holding the
 * section.
 */
#include <errno.h>
#include <stddef.h>
#include <string.h>

#include <cryptodev_pmd.h>
#include <rte_cryptodev.h>

#include "qatsec_claim.h"
#include "qatsec_engine.h"
#include "qatsec_pmd_private.h"

/* Results a context holds before it must be dequeued. */
#define RAW_RESULTS	256
/* Vectors computed per engine call. */
#define RAW_CHUNK	32

struct raw_result {
	void *user_data;
	int32_t status;		/* 0 or an errno */
};

struct raw_ctx {
	void *sess;				/* struct rte_cryptodev_sym_session */
	const struct qatsec_engine *e;		/* its engine (process-local) */
	uint32_t head, tail;			/* results [tail, head) */
	struct raw_result res[RAW_RESULTS];
	/* Sessionless: the context's own session (the application's
	 * memory, this process only), qatsec_engine_sym_priv_max() bytes of
	 * private data after the header.
	 */
	struct rte_cryptodev_sym_session own __rte_cache_aligned;
};

/* The context inside the application's buffer, which may sit at any
 * alignment (qatsec_raw_dp_ctx_size() leaves room to align it).
 */
static inline struct raw_ctx *
raw(uint8_t *drv_ctx)
{
	return (struct raw_ctx *)RTE_PTR_ALIGN_CEIL(drv_ctx, RTE_CACHE_LINE_SIZE);
}

static uint32_t
raw_room(const struct raw_ctx *c)
{
	return RAW_RESULTS - (c->head - c->tail);
}

static uint32_t
raw_enqueue_burst(void *qp __rte_unused, uint8_t *drv_ctx,
		struct rte_crypto_sym_vec *vec, union rte_crypto_sym_ofs ofs,
		void *user_data[], int *enqueue_status)
{
	struct raw_ctx *c = raw(drv_ctx);
	int32_t st[RAW_CHUNK];
	struct rte_crypto_sym_vec v;
	uint32_t n, i, k, done = 0;

	n = RTE_MIN(vec->num, raw_room(c));
	while (done < n) {
		k = RTE_MIN(n - done, (uint32_t)RAW_CHUNK);
		v = *vec;
		v.num = k;
		v.src_sgl += done;
		if (v.dest_sgl != NULL)
			v.dest_sgl += done;
		if (v.iv != NULL)
			v.iv += done;
		if (v.digest != NULL)
			v.digest += done;
		if (v.aad != NULL)
			v.aad += done;
		v.status = st;
		c->e->vec_process(c->sess, ofs, &v);
		for (i = 0; i < k; i++) {
			struct raw_result *r = &c->res[c->head++ % RAW_RESULTS];

			r->user_data = user_data[done + i];
			r->status = st[i];
			if (vec->status != NULL)
				vec->status[done + i] = st[i];
		}
		done += k;
	}
	/* Done already: no enqueue_done needed. */
	*enqueue_status = 1;
	return n;
}

static int
raw_enqueue(void *qp, uint8_t *drv_ctx, struct rte_crypto_vec *data_vec,
		uint16_t n_data_vecs, union rte_crypto_sym_ofs ofs,
		struct rte_crypto_va_iova_ptr *iv,
		struct rte_crypto_va_iova_ptr *digest,
		struct rte_crypto_va_iova_ptr *aad_or_auth_iv, void *user_data)
{
	struct rte_crypto_sgl sgl = { .vec = data_vec, .num = n_data_vecs };
	struct rte_crypto_sym_vec v = {
		.num = 1, .src_sgl = &sgl, .iv = iv, .digest = digest,
		.aad = aad_or_auth_iv,
	};
	int32_t st;
	int es;

	v.status = &st;
	if (raw_enqueue_burst(qp, drv_ctx, &v, ofs, &user_data, &es) != 1)
		return -ENOSPC;
	return 1;
}

static int
raw_done(void *qp __rte_unused, uint8_t *drv_ctx __rte_unused,
		uint32_t n __rte_unused)
{
	return 0;
}

static uint32_t
raw_dequeue_burst(void *qp __rte_unused, uint8_t *drv_ctx,
		rte_cryptodev_raw_get_dequeue_count_t get_dequeue_count,
		uint32_t max_nb_to_dequeue,
		rte_cryptodev_raw_post_dequeue_t post_dequeue,
		void **out_user_data, uint8_t is_user_data_array,
		uint32_t *n_success, int *dequeue_status)
{
	struct raw_ctx *c = raw(drv_ctx);
	uint32_t avail = c->head - c->tail, n, i, ok = 0;

	*n_success = 0;
	*dequeue_status = 1;
	if (avail == 0)
		return 0;
	n = get_dequeue_count != NULL ?
		get_dequeue_count(c->res[c->tail % RAW_RESULTS].user_data) :
		max_nb_to_dequeue;
	n = RTE_MIN(n, avail);
	for (i = 0; i < n; i++) {
		struct raw_result *r = &c->res[(c->tail + i) % RAW_RESULTS];

		if (is_user_data_array)
			out_user_data[i] = r->user_data;
		else if (i == 0)
			out_user_data[0] = r->user_data;
		if (post_dequeue != NULL)
			post_dequeue(r->user_data, i, r->status == 0);
		ok += r->status == 0;
	}
	c->tail += n;
	*n_success = ok;
	return n;
}

static void *
raw_dequeue(void *qp __rte_unused, uint8_t *drv_ctx, int *dequeue_status,
		enum rte_crypto_op_status *op_status)
{
	struct raw_ctx *c = raw(drv_ctx);
	struct raw_result *r;

	if (c->head == c->tail) {
		*dequeue_status = 0;
		return NULL;
	}
	r = &c->res[c->tail++ % RAW_RESULTS];
	*dequeue_status = 1;
	*op_status = r->status == 0 ? RTE_CRYPTO_OP_STATUS_SUCCESS :
		r->status == EBADMSG ? RTE_CRYPTO_OP_STATUS_AUTH_FAILED :
		RTE_CRYPTO_OP_STATUS_ERROR;
	return r->user_data;
}

int
qatsec_raw_dp_ctx_size(struct rte_cryptodev *dev __rte_unused)
{
	/* The application's buffer may sit at any alignment. */
	return sizeof(struct raw_ctx) + qatsec_engine_sym_priv_max() +
		RTE_CACHE_LINE_SIZE;
}

/* The session of a sessionless context: made from xf in the context. */
static void *
raw_own_session(struct raw_ctx *c, const struct rte_crypto_sym_xform *xf,
		const struct qatsec_engine **e, int *ret)
{
	struct rte_cryptodev_sym_session *s = &c->own;

	if (c->e != NULL && c->sess == s)
		c->e->session_clear(s->driver_priv_data);
	c->sess = NULL;
	c->e = NULL;
	memset(s, 0, sizeof(*s));
	*e = qatsec_engine_sym_configure(s->driver_priv_data, xf, ret);
	return *e != NULL ? s : NULL;
}

/* With a session, or sessionless (the context makes its own); of an
 * engine that serves vectors, on a queue pair of a section this process
 * holds. A security context is -ENOTSUP.
 */
int
qatsec_raw_dp_configure(struct rte_cryptodev *dev, uint16_t qp_id,
		struct rte_crypto_raw_dp_ctx *ctx,
		enum rte_crypto_op_sess_type sess_type,
		union rte_cryptodev_session_ctx session_ctx, uint8_t is_update)
{
	const struct qatsec_dev_private *p = dev->data->dev_private;
	const struct qatsec_sess_hdr *h;
	const struct qatsec_engine *e;
	struct raw_ctx *c = raw(ctx->drv_ctx_data);
	void *sess = session_ctx.crypto_sess;
	int ret = 0;

	if (qatsec_claim_check(p->section, dev->data->name, "raw dp") < 0)
		return -EPERM;
	if (qp_id >= dev->data->nb_queue_pairs ||
			dev->data->queue_pairs[qp_id] == NULL)
		return -EINVAL;
	if (sess == NULL)
		return -EINVAL;
	if (!is_update)
		memset(c, 0, offsetof(struct raw_ctx, own));
	if (sess_type == RTE_CRYPTO_OP_SESSIONLESS) {
		sess = raw_own_session(c, session_ctx.xform, &e, &ret);
		if (sess == NULL)
			return ret;
	} else if (sess_type == RTE_CRYPTO_OP_WITH_SESSION) {
		h = CRYPTODEV_GET_SYM_SESS_PRIV(sess);
		e = qatsec_engine_get(h->engine);
	} else {
		return -ENOTSUP;
	}
	if (e == NULL || e->op_type != RTE_CRYPTO_OP_TYPE_SYMMETRIC ||
			e->vec_process == NULL)
		return -ENOTSUP;
	if (!is_update) {
		ctx->qp_data = dev->data->queue_pairs[qp_id];
		ctx->enqueue = raw_enqueue;
		ctx->enqueue_burst = raw_enqueue_burst;
		ctx->enqueue_done = raw_done;
		ctx->dequeue = raw_dequeue;
		ctx->dequeue_burst = raw_dequeue_burst;
		ctx->dequeue_done = raw_done;
	}
	/* An update keeps the results not yet dequeued. */
	c->sess = sess;
	c->e = e;
	return 0;
}
