/* SPDX-License-Identifier: BSD-3-Clause
 * qatsec layer 2: the group's shared table, soft endpoints and their
 * instance rings, and the soft backend's burst datapath.
 *
 * A soft endpoint serves a request when it is enqueued (ipsec-mb in the
 * calling lcore) and parks the completed op on the instance's ring until
 * dequeue, so a full ring refuses enqueues exactly as a hardware ring of
 * that depth would, and ops come back in order, each exactly once.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <rte_errno.h>
#include <rte_log.h>
#include <rte_memzone.h>

#include "qatsec_endpoint.h"
#include "qatsec_engine.h"


#define EP_LOG(level, fmt, ...) \
	rte_log(RTE_LOG_ ## level, qatsec_logtype, "qatsec: " fmt "\n", \
		##__VA_ARGS__)
extern int qatsec_logtype;

static size_t
align_up(size_t v)
{
	return RTE_ALIGN_CEIL(v, RTE_CACHE_LINE_SIZE);
}

static int
ep_memzone_create(struct qatsec_ep_shared *ep)
{
	char name[RTE_MEMZONE_NAMESIZE];
	const struct rte_memzone *mz;

	snprintf(name, sizeof(name), QATSEC_EP_MZ_FMT, ep->index);
	mz = rte_memzone_reserve_aligned(name,
			RTE_MAX(ep->nb_qp, 1u) * sizeof(struct qatsec_qp),
			ep->socket, 0, RTE_CACHE_LINE_SIZE);
	if (mz == NULL) {
		EP_LOG(ERR, "endpoint %u (%s): cannot reserve %u instances on node %d: %s",
			ep->index, ep->path, ep->nb_qp, ep->socket,
			rte_strerror(rte_errno));
		return -ENOMEM;
	}
	memset(mz->addr, 0, mz->len);
	ep->qp = mz->addr;
	return 0;
}

int
qatsec_table_create(const struct qatsec_endpoint_cfg *eps, uint32_t nb_eps,
		const struct qatsec_section_table *st, int default_socket,
		struct qatsec_table **out)
{
	const struct rte_memzone *mz;
	struct qatsec_table *t;
	struct qatsec_sec_shared *ss;
	struct qatsec_qp **qp_of;
	size_t sz;
	uint32_t i, e;

	sz = align_up(sizeof(*t));
	sz += align_up(st->nb_sections * sizeof(struct qatsec_int_section));
	sz += align_up(st->nb_sections * sizeof(struct qatsec_sec_shared));
	sz += align_up(st->nb_inst * sizeof(struct qatsec_int_inst));
	sz += align_up(st->nb_inst * sizeof(struct qatsec_qp *));
	mz = rte_memzone_reserve_aligned(QATSEC_TABLE_MZ, sz, SOCKET_ID_ANY, 0,
			RTE_CACHE_LINE_SIZE);
	if (mz == NULL) {
		EP_LOG(ERR, "cannot reserve memzone %s (%zu bytes): %s",
			QATSEC_TABLE_MZ, sz, rte_strerror(rte_errno));
		return rte_errno == EEXIST ? -EEXIST : -ENOMEM;
	}
	t = mz->addr;
	memset(t, 0, sz);
	t->nb_eps = nb_eps;
	t->nb_sections = st->nb_sections;
	t->nb_inst = st->nb_inst;
	t->off_sections = align_up(sizeof(*t));
	t->off_sec_shared = t->off_sections +
		align_up(st->nb_sections * sizeof(struct qatsec_int_section));
	t->off_inst = t->off_sec_shared +
		align_up(st->nb_sections * sizeof(struct qatsec_sec_shared));
	t->off_qp_of_inst = t->off_inst +
		align_up(st->nb_inst * sizeof(struct qatsec_int_inst));
	memcpy(qatsec_tbl_sections(t), st->sections,
		st->nb_sections * sizeof(*st->sections));
	memcpy(qatsec_tbl_inst(t), st->inst, st->nb_inst * sizeof(*st->inst));

	for (e = 0; e < nb_eps; e++) {
		struct qatsec_ep_shared *ep = &t->eps[e];

		snprintf(ep->path, sizeof(ep->path), "%s", eps[e].path);
		ep->index = eps[e].index;
		ep->socket = eps[e].numa_node >= 0 ? eps[e].numa_node :
			default_socket;
		ep->depth = eps[e].cy_sym_depth;
		ep->backend = QATSEC_BACKEND_SOFT;
	}
	for (i = 0; i < st->nb_inst; i++)
		if (st->inst[i].type == QATSEC_INST_CY)
			t->eps[st->inst[i].ep].nb_qp++;
	for (e = 0; e < nb_eps; e++) {
		if (ep_memzone_create(&t->eps[e]) < 0) {
			qatsec_table_free(t);
			return -ENOMEM;
		}
		t->eps[e].nb_qp = 0;	/* recounted as qps are handed out */
	}

	qp_of = qatsec_tbl_qp_of_inst(t);
	for (i = 0; i < st->nb_inst; i++) {
		const struct qatsec_int_inst *in = &st->inst[i];
		struct qatsec_ep_shared *ep = &t->eps[in->ep];
		struct qatsec_qp *qp;

		if (in->type != QATSEC_INST_CY)
			continue;
		qp = &ep->qp[ep->nb_qp++];
		qp->inst = i;
		qp->ep = in->ep;
		qp->depth = ep->depth;
		qp->backend = ep->backend;
		qp_of[i] = qp;
	}

	ss = qatsec_tbl_sec_shared(t);
	for (i = 0; i < st->nb_sections; i++) {
		const struct qatsec_int_section *s = &st->sections[i];
		uint32_t k;

		ss[i].dev_id = -1;
		ss[i].socket = -2;
		for (k = s->first_inst; k < s->first_inst + s->nb_inst; k++) {
			int sock = t->eps[st->inst[k].ep].socket;

			if (st->inst[k].type != QATSEC_INST_CY)
				continue;
			if (ss[i].socket == -2)
				ss[i].socket = sock;
			else if (ss[i].socket != sock)
				ss[i].socket = SOCKET_ID_ANY;
		}
		if (ss[i].socket == -2)
			ss[i].socket = SOCKET_ID_ANY;
	}
	/* Published last: a process that finds the magic finds a whole table. */
	rte_smp_wmb();
	t->magic = QATSEC_TABLE_MAGIC;
	*out = t;
	return 0;
}

struct qatsec_table *
qatsec_table_lookup(void)
{
	const struct rte_memzone *mz = rte_memzone_lookup(QATSEC_TABLE_MZ);
	struct qatsec_table *t;

	if (mz == NULL)
		return NULL;
	t = mz->addr;
	return t->magic == QATSEC_TABLE_MAGIC ? t : NULL;
}

void
qatsec_table_free(struct qatsec_table *t)
{
	char name[RTE_MEMZONE_NAMESIZE];
	uint32_t e, i;

	for (e = 0; e < t->nb_eps; e++) {
		const struct rte_memzone *mz;

		for (i = 0; t->eps[e].qp != NULL && i < t->eps[e].nb_qp; i++)
			qatsec_qp_free(&t->eps[e].qp[i]);
		snprintf(name, sizeof(name), QATSEC_EP_MZ_FMT, t->eps[e].index);
		mz = rte_memzone_lookup(name);
		if (mz != NULL)
			rte_memzone_free(mz);
	}
	t->magic = 0;
	rte_memzone_free(rte_memzone_lookup(QATSEC_TABLE_MZ));
}

/* A ring outlives its holder, as a QAT instance's rings do: a release
 * empties it and the next setup of the same size on the same node takes it
 * again. Claims and releases then neither take nor free hugepage memory: a
 * free that gives pages back waits for every process of the group to sync
 * (DPDK's mp_malloc_sync: up to 5 s when one is stopped or exiting), which
 * would stall the releasing process or the primary's reaper.
 */
int
qatsec_qp_setup(struct qatsec_qp *qp, uint32_t nb_desc, int socket)
{
	const unsigned int flags = RING_F_SP_ENQ | RING_F_SC_DEQ |
		RING_F_EXACT_SZ;
	char name[RTE_RING_NAMESIZE];
	struct rte_ring *r = qp->ring;

	qp->configured = 0;
	if (r != NULL && rte_ring_get_capacity(r) == nb_desc &&
			(socket == SOCKET_ID_ANY ||
			r->memzone->socket_id == socket)) {
		rte_ring_reset(r);
		goto done;
	}
	qatsec_qp_free(qp);
	/* Ring names are group-wide: name them after the instance. */
	snprintf(name, sizeof(name), "qatsec_i%u_d%u", qp->inst, qp->dev_id);
	r = rte_ring_create(name, nb_desc, socket, flags);
	if (r == NULL && rte_errno == EEXIST) {
		/* Only this queue pair uses the name, and it has none: the ring
		 * of a holder that died between creating and recording it.
		 */
		EP_LOG(WARNING, "instance %u: freeing orphaned ring %s",
			qp->inst, name);
		rte_ring_free(rte_ring_lookup(name));
		r = rte_ring_create(name, nb_desc, socket, flags);
	}
	if (r == NULL) {
		EP_LOG(ERR, "instance %u: cannot create ring of %u: %s",
			qp->inst, nb_desc, rte_strerror(rte_errno));
		return -rte_errno;
	}
	qp->ring = r;
done:
	qp->enqueued = qp->enqueue_err = 0;
	qp->dequeued = qp->dequeue_err = 0;
	qp->configured = 1;
	return 0;
}

void
qatsec_qp_release(struct qatsec_qp *qp)
{
	qp->configured = 0;
	/* The ops left belong to the holder (or died with it). */
	if (qp->ring != NULL)
		rte_ring_reset(qp->ring);
}

void
qatsec_qp_free(struct qatsec_qp *qp)
{
	qp->configured = 0;
	if (qp->ring != NULL)
		rte_ring_free(qp->ring);
	qp->ring = NULL;
}

/* Serve the ops now, then park them: a full ring refuses what does not
 * fit, before any of it is processed. Errors are counted here, where the
 * ops complete, so that dequeue makes no pass over the ops.
 */
static uint16_t
soft_enqueue(void *qpv, struct rte_crypto_op **ops, uint16_t nb_ops)
{
	struct qatsec_qp *qp = qpv;
	unsigned int room;
	uint16_t n;
	int err;

	room = rte_ring_free_count(qp->ring);
	n = RTE_MIN(nb_ops, room);
	if (unlikely(n == 0)) {
		qp->enqueue_err += nb_ops;
		return 0;
	}
	err = qatsec_engine_get(QATSEC_ENGINE_IPSECMB)->process(ops, n);
	if (unlikely(err < 0)) {
		qp->enqueue_err += nb_ops;
		return 0;
	}
	/* Room was checked and this lcore is the only producer. */
	rte_ring_sp_enqueue_burst(qp->ring, (void **)ops, n, NULL);
	qp->enqueued += n;
	qp->enqueue_err += nb_ops - n;
	qp->dequeue_err += err;
	return n;
}

static uint16_t
soft_dequeue(void *qpv, struct rte_crypto_op **ops, uint16_t nb_ops)
{
	struct qatsec_qp *qp = qpv;
	uint16_t n;

	n = rte_ring_sc_dequeue_burst(qp->ring, (void **)ops, nb_ops, NULL);
	qp->dequeued += n;
	return n;
}

static const struct qatsec_backend_ops backends[QATSEC_BACKEND_MAX] = {
	[QATSEC_BACKEND_SOFT] = {
		.name = "soft (intel-ipsec-mb)",
		.enqueue = soft_enqueue,
		.dequeue = soft_dequeue,
	},
};

const struct qatsec_backend_ops *
qatsec_backend_get(enum qatsec_backend b)
{
	return b < QATSEC_BACKEND_MAX ? &backends[b] : NULL;
}
