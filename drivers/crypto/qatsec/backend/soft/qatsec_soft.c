/* SPDX-License-Identifier: BSD-3-Clause
 * qatsec soft backend: an emulated QAT endpoint. A request is computed
 * when it is enqueued, by the engine its session names (in the calling
 * lcore), and the completed op is parked on the instance's ring until
 * dequeue: a full ring refuses enqueues exactly as a hardware ring of that
 * depth would, and ops come back in order, each exactly once. Because
 * every op is complete when enqueue returns, whichever thread or process
 * dequeues, and a stop or a dead holder only has the ring to empty.
 */
#include <errno.h>
#include <stdio.h>

#include <rte_errno.h>
#include <rte_ring.h>

#include "qatsec_endpoint.h"
#include "qatsec_engine.h"
#include "qatsec_log.h"

/* What the soft backend keeps in a queue pair's backend area. */
struct soft_qp {
	struct rte_ring *ring;		/* completed ops; hugepage address */
};

_Static_assert(sizeof(struct soft_qp) <= QATSEC_QP_BACKEND_AREA,
	"soft backend state fits the queue pair");

static inline struct soft_qp *
soft(struct qatsec_qp *qp)
{
	return (struct soft_qp *)qp->backend_area;
}

static inline const struct soft_qp *
soft_const(const struct qatsec_qp *qp)
{
	return (const struct soft_qp *)qp->backend_area;
}

/* A soft endpoint is its memzone of instances, which the core made. */
static int
soft_endpoint_probe(struct qatsec_ep_shared *ep __rte_unused)
{
	return 0;
}

static void
soft_qp_free(struct qatsec_qp *qp)
{
	struct soft_qp *sq = soft(qp);

	rte_ring_free(sq->ring);
	sq->ring = NULL;
}

/* A ring outlives its holder, as a QAT instance's rings do: a release
 * empties it and the next setup of the same size on the same node takes it
 * again. Claims and releases then neither take nor free hugepage memory: a
 * free that gives pages back waits for every process of the group to sync
 * (DPDK's mp_malloc_sync: up to 5 s when one is stopped or exiting), which
 * would stall the releasing process or the primary's reaper.
 */
static int
soft_qp_setup(struct qatsec_qp *qp, uint32_t nb_desc, int socket)
{
	const unsigned int flags = RING_F_SP_ENQ | RING_F_SC_DEQ |
		RING_F_EXACT_SZ;
	struct soft_qp *sq = soft(qp);
	char name[RTE_RING_NAMESIZE];
	struct rte_ring *r = sq->ring;

	if (r != NULL && rte_ring_get_capacity(r) == nb_desc &&
			(socket == SOCKET_ID_ANY ||
			r->memzone->socket_id == socket)) {
		rte_ring_reset(r);
		return 0;
	}
	soft_qp_free(qp);
	/* Ring names are group-wide: name them after the instance. */
	snprintf(name, sizeof(name), "qatsec_i%u_d%u", qp->inst, qp->dev_id);
	r = rte_ring_create(name, nb_desc, socket, flags);
	if (r == NULL && rte_errno == EEXIST) {
		/* Only this queue pair uses the name, and it has none: the ring
		 * of a holder that died between creating and recording it.
		 */
		QATSEC_LOG(WARNING, "instance %u: freeing orphaned ring %s",
			qp->inst, name);
		rte_ring_free(rte_ring_lookup(name));
		r = rte_ring_create(name, nb_desc, socket, flags);
	}
	if (r == NULL) {
		QATSEC_LOG(ERR, "instance %u: cannot create ring of %u: %s",
			qp->inst, nb_desc, rte_strerror(rte_errno));
		return -rte_errno;
	}
	sq->ring = r;
	return 0;
}

static unsigned int
soft_qp_inflight(const struct qatsec_qp *qp)
{
	const struct soft_qp *sq = soft_const(qp);

	return sq->ring != NULL ? rte_ring_count(sq->ring) : 0;
}

/* Ops are complete when enqueued: nothing to finish. */
static void
soft_qp_quiesce(struct qatsec_qp *qp __rte_unused)
{
}

/* The ops left belong to the holder (or died with it). */
static unsigned int
soft_qp_release(struct qatsec_qp *qp)
{
	struct soft_qp *sq = soft(qp);
	unsigned int left;

	if (sq->ring == NULL)
		return 0;
	left = rte_ring_count(sq->ring);
	rte_ring_reset(sq->ring);
	return left;
}

/* The engine of op's session, when one serves op's type; else NONE. */
static __rte_always_inline unsigned int
op_engine(const struct rte_crypto_op *op)
{
	const struct qatsec_sess_hdr *h = qatsec_op_sess_hdr(op);
	const struct qatsec_engine *e;

	if (unlikely(h == NULL))
		return QATSEC_ENGINE_NONE;
	e = qatsec_engine_get(h->engine);
	return likely(e != NULL && e->op_type == op->type) ?
		h->engine : QATSEC_ENGINE_NONE;
}

/* What identifies an op's session for routing: ops that share it go to
 * the same engine without looking again. Sessionless ops have none.
 */
static __rte_always_inline const void *
op_route_key(const struct rte_crypto_op *op)
{
	if (op->sess_type != RTE_CRYPTO_OP_WITH_SESSION)
		return NULL;
	if (op->type == RTE_CRYPTO_OP_TYPE_SYMMETRIC)
		return op->sym->session;
	if (op->type == RTE_CRYPTO_OP_TYPE_ASYMMETRIC)
		return op->asym->session;
	return NULL;
}

/* Hand each run of ops that share an engine to it; returns how many ops
 * did not succeed, or -ENOMEM when an engine could not run at all.
 */
static __rte_always_inline int
soft_compute(struct rte_crypto_op **ops, uint16_t n, uint16_t *nb_asym)
{
	uint16_t i = 0, j;
	int err = 0, ret;

	while (i < n) {
		const void *key = op_route_key(ops[i]);
		unsigned int id = op_engine(ops[i]);
		uint8_t type = ops[i]->type;
		const struct qatsec_engine *e;

		for (j = i + 1; j < n; j++) {
			const struct rte_crypto_op *o = ops[j];
			const void *k;

			/* The common run: symmetric ops on one session, told
			 * apart with three compares. A session pointer routes
			 * one way for one op type only.
			 */
			if (likely(o->type == RTE_CRYPTO_OP_TYPE_SYMMETRIC &&
					o->sess_type == RTE_CRYPTO_OP_WITH_SESSION &&
					o->sym->session == key && type == o->type))
				continue;
			k = op_route_key(o);
			if (k != NULL && k == key && o->type == type)
				continue;
			if (op_engine(o) != id)
				break;
			key = k;
			type = o->type;
		}
		e = qatsec_engine_get(id);
		ret = e != NULL ? e->process(ops + i, j - i) :
			qatsec_engine_sessionless(ops + i, j - i);
		/* Per run, not per op: the kinds an instance serves. */
		if (e != NULL && e->op_type == RTE_CRYPTO_OP_TYPE_ASYMMETRIC)
			*nb_asym += j - i;
		if (unlikely(ret < 0))
			return ret;
		err += ret;
		i = j;
	}
	return err;
}

/* Compute the ops now, then park them: a full ring refuses what does not
 * fit, before any of it is computed. Errors are counted here, where the
 * ops complete, so that dequeue makes no pass over the ops.
 */
static uint16_t
soft_enqueue(void *qpv, struct rte_crypto_op **ops, uint16_t nb_ops)
{
	struct qatsec_qp *qp = qpv;
	struct rte_ring *r = soft(qp)->ring;
	uint16_t n, nb_asym = 0;
	unsigned int room;
	int err;

	room = rte_ring_free_count(r);
	n = RTE_MIN(nb_ops, room);
	if (unlikely(n == 0)) {
		qp->enqueue_err += nb_ops;
		return 0;
	}
	err = soft_compute(ops, n, &nb_asym);
	if (unlikely(err < 0)) {
		qp->enqueue_err += nb_ops;
		return 0;
	}
	/* Room was checked and this lcore is the only producer. */
	rte_ring_sp_enqueue_burst(r, (void **)ops, n, NULL);
	qp->enqueued += n;
	qp->asym_enqueued += nb_asym;
	qp->enqueue_err += nb_ops - n;
	qp->dequeue_err += err;
	return n;
}

static uint16_t
soft_dequeue(void *qpv, struct rte_crypto_op **ops, uint16_t nb_ops)
{
	struct qatsec_qp *qp = qpv;
	uint16_t n;

	n = rte_ring_sc_dequeue_burst(soft(qp)->ring, (void **)ops, nb_ops,
			NULL);
	qp->dequeued += n;
	return n;
}

static const struct qatsec_backend_ops soft_backend = {
	.name = "soft",
	.endpoint_probe = soft_endpoint_probe,
	.qp_setup = soft_qp_setup,
	.qp_inflight = soft_qp_inflight,
	.qp_quiesce = soft_qp_quiesce,
	.qp_release = soft_qp_release,
	.qp_free = soft_qp_free,
	.enqueue = soft_enqueue,
	.dequeue = soft_dequeue,
};

RTE_INIT(qatsec_soft_backend_register)
{
	qatsec_backend_register(QATSEC_BACKEND_SOFT, &soft_backend);
}
