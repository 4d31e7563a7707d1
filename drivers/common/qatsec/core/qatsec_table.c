/* SPDX-License-Identifier: BSD-3-Clause
 * qatsec core: the group's shared table. The primary builds it from the
 * expanded configuration, with one memzone per endpoint (on the endpoint's
 * NUMA node) holding its instances; every process of the group finds both
 * by name. Offsets, not pointers, lay out the table, so it reads the same
 * in every process.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include <rte_errno.h>
#include <rte_memzone.h>

#include "qatsec_endpoint.h"
#include "qatsec_log.h"

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
		QATSEC_LOG(ERR, "endpoint %u (%s): cannot reserve %u instances on node %d: %s",
			ep->index, ep->path, ep->nb_qp, ep->socket,
			rte_strerror(rte_errno));
		return -ENOMEM;
	}
	memset(mz->addr, 0, mz->len);
	ep->qp = mz->addr;
	return 0;
}

/* Size of the table memzone; fills the offsets of t. */
static size_t
table_layout(struct qatsec_table *t, const struct qatsec_section_table *st)
{
	size_t sz = align_up(sizeof(*t));

	t->off_sections = sz;
	sz += align_up(st->nb_sections * sizeof(struct qatsec_int_section));
	t->off_sec_shared = sz;
	sz += align_up(st->nb_sections * sizeof(struct qatsec_sec_shared));
	t->off_inst = sz;
	sz += align_up(st->nb_inst * sizeof(struct qatsec_int_inst));
	t->off_qp_of_inst = sz;
	sz += align_up(st->nb_inst * sizeof(struct qatsec_qp *));
	return sz;
}

/* The backend takes the endpoint into service once its instances exist. */
static int
endpoint_probe(struct qatsec_ep_shared *ep)
{
	const struct qatsec_backend_ops *b = qatsec_backend_get(ep->backend);
	int ret;

	if (b == NULL) {
		QATSEC_LOG(ERR, "endpoint %u (%s): backend %u is not in this build",
			ep->index, ep->path, ep->backend);
		return -ENOTSUP;
	}
	ret = b->endpoint_probe(ep);
	if (ret < 0)
		QATSEC_LOG(ERR, "endpoint %u (%s): %s backend refused it: %s",
			ep->index, ep->path, b->name, strerror(-ret));
	return ret;
}

static int
endpoints_create(struct qatsec_table *t, const struct qatsec_endpoint_cfg *eps,
		const struct qatsec_section_table *st, int default_socket)
{
	uint32_t i, e;
	int ret;

	for (e = 0; e < t->nb_eps; e++) {
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
	for (e = 0; e < t->nb_eps; e++) {
		if (ep_memzone_create(&t->eps[e]) < 0)
			return -ENOMEM;
		ret = endpoint_probe(&t->eps[e]);
		if (ret < 0)
			return ret;
	}
	return 0;
}

/* Hand each Cy instance the next queue pair of its endpoint. */
static void
instances_assign(struct qatsec_table *t, const struct qatsec_section_table *st)
{
	struct qatsec_qp **qp_of = qatsec_tbl_qp_of_inst(t);
	uint32_t i, e, next[QATSEC_MAX_ENDPOINTS] = { 0 };

	for (i = 0; i < st->nb_inst; i++) {
		const struct qatsec_int_inst *in = &st->inst[i];
		struct qatsec_ep_shared *ep = &t->eps[in->ep];
		struct qatsec_qp *qp;

		if (in->type != QATSEC_INST_CY)
			continue;
		qp = &ep->qp[next[in->ep]++];
		qp->inst = i;
		qp->ep = in->ep;
		qp->depth = ep->depth;
		qp->backend = ep->backend;
		qp_of[i] = qp;
	}
	for (e = 0; e < t->nb_eps; e++)
		RTE_VERIFY(next[e] == t->eps[e].nb_qp);
}

/* A section's node: its endpoints' one node, or SOCKET_ID_ANY when they
 * differ (or it has no Cy instance).
 */
static int32_t
section_socket(const struct qatsec_table *t,
		const struct qatsec_section_table *st, uint32_t sec)
{
	const struct qatsec_int_section *s = &st->sections[sec];
	int32_t sock = SOCKET_ID_ANY;
	bool seen = false;
	uint32_t k;

	for (k = s->first_inst; k < s->first_inst + s->nb_inst; k++) {
		int32_t ep_sock = t->eps[st->inst[k].ep].socket;

		/* One section, one pair of burst functions: one backend. */
		RTE_VERIFY(t->eps[st->inst[k].ep].backend ==
			t->eps[st->inst[s->first_inst].ep].backend);

		if (st->inst[k].type != QATSEC_INST_CY)
			continue;
		if (!seen)
			sock = ep_sock;
		else if (sock != ep_sock)
			return SOCKET_ID_ANY;
		seen = true;
	}
	return sock;
}

int
qatsec_table_create(const struct qatsec_endpoint_cfg *eps, uint32_t nb_eps,
		const struct qatsec_section_table *st, int default_socket,
		struct qatsec_table **out)
{
	const struct rte_memzone *mz;
	struct qatsec_table layout = { 0 }, *t;
	struct qatsec_sec_shared *ss;
	size_t sz;
	uint32_t i;
	int ret;

	sz = table_layout(&layout, st);
	mz = rte_memzone_reserve_aligned(QATSEC_TABLE_MZ, sz, SOCKET_ID_ANY, 0,
			RTE_CACHE_LINE_SIZE);
	if (mz == NULL) {
		QATSEC_LOG(ERR, "cannot reserve memzone %s (%zu bytes): %s",
			QATSEC_TABLE_MZ, sz, rte_strerror(rte_errno));
		return rte_errno == EEXIST ? -EEXIST : -ENOMEM;
	}
	t = mz->addr;
	memset(t, 0, sz);
	*t = layout;
	t->nb_eps = nb_eps;
	t->nb_sections = st->nb_sections;
	t->nb_inst = st->nb_inst;
	memcpy(qatsec_tbl_sections(t), st->sections,
		st->nb_sections * sizeof(*st->sections));
	memcpy(qatsec_tbl_inst(t), st->inst, st->nb_inst * sizeof(*st->inst));
	ret = endpoints_create(t, eps, st, default_socket);
	if (ret < 0) {
		qatsec_table_free(t);
		return ret;
	}
	instances_assign(t, st);
	ss = qatsec_tbl_sec_shared(t);
	for (i = 0; i < st->nb_sections; i++) {
		ss[i].dev_id = -1;
		ss[i].socket = section_socket(t, st, i);
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

/* This process's table: the PMD attaches it at probe. */
static struct qatsec_table *attached;

void
qatsec_table_attach(struct qatsec_table *t)
{
	attached = t;
}

struct qatsec_table *
qatsec_table(void)
{
	return attached != NULL ? attached : qatsec_table_lookup();
}

struct qatsec_qp *
qatsec_section_qp(const struct qatsec_table *t, uint32_t section, uint32_t n)
{
	const struct qatsec_int_section *s = &qatsec_tbl_sections(t)[section];
	const struct qatsec_int_inst *inst = qatsec_tbl_inst(t);
	struct qatsec_qp **qp_of = qatsec_tbl_qp_of_inst(t);
	uint32_t k;

	for (k = s->first_inst; k < s->first_inst + s->nb_inst; k++) {
		if (inst[k].type != QATSEC_INST_CY)
			continue;
		if (n-- == 0)
			return qp_of[k];
	}
	return NULL;
}

struct qatsec_section_table
qatsec_table_view(const struct qatsec_table *t)
{
	struct qatsec_section_table v = {
		.nb_sections = t->nb_sections,
		.nb_inst = t->nb_inst,
		.sections = qatsec_tbl_sections(t),
		.inst = qatsec_tbl_inst(t),
	};
	return v;
}
