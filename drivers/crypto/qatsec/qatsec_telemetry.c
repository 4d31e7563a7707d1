/* SPDX-License-Identifier: BSD-3-Clause
 * crypto_qatsec PMD glue: telemetry commands answering from the shared table,
 * so the primary and every secondary give the same picture.
 *   /qatsec/summary            how many endpoints, sections, pages, held;
 *                              claim counters; memzones used of the limit
 *   /qatsec/endpoints          one entry per endpoint, counters summed
 *   /qatsec/endpoint,<N>       that endpoint's instances and counters
 *   /qatsec/sections[,<page>]  internal sections and their holders, a page
 *                              of QATSEC_TEL_PAGE at a time (page 0 first)
 *   /qatsec/section,<name>     one section with its instances
 *   /qatsec/mempools[,<page>]  the group's mempools by name, 64 a page
 *                              (killed applications leave theirs: DPDK
 *                              frees no dead secondary's memzones, and no
 *                              other process can, since a pool's free
 *                              callbacks are its creator's pointers)
 * A telemetry answer is at most 16 KiB and a dict holds 256 entries, so the
 * section list is paged and the per-instance detail lives in the
 * parameterised commands: any table size answers whole.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <pthread.h>

#include <rte_eal.h>
#include <rte_mempool.h>
#include <rte_memzone.h>
#include <rte_telemetry.h>
#include <rte_version.h>

#include "qatsec_claim.h"
#include "qatsec_startup.h"
#include "qatsec_pmd_private.h"

#define SUMMARY_MAX_INST 128	/* list instances in /qatsec/sections */
#define QATSEC_TEL_PAGE	32	/* sections per /qatsec/sections answer */

/* Adds c under key, or frees it: DPDK does not take a container it
 * could not add.
 */
static int
add_container(struct rte_tel_data *d, const char *key, struct rte_tel_data *c)
{
	if (rte_tel_data_add_dict_container(d, key, c, 0) == 0)
		return 0;
	rte_tel_data_free(c);
	return -ENOSPC;
}

static const char *
section_of(const struct qatsec_table *t, uint32_t inst)
{
	const struct qatsec_int_section *s = qatsec_tbl_sections(t);
	uint32_t i;

	for (i = 0; i < t->nb_sections; i++)
		if (inst >= s[i].first_inst &&
				inst < s[i].first_inst + s[i].nb_inst)
			return s[i].name;
	return "";
}

static void
add_qp_counters(struct rte_tel_data *d, const struct qatsec_qp *qp)
{
	rte_tel_data_add_dict_u64(d, "enqueued", qp->enqueued);
	rte_tel_data_add_dict_u64(d, "asym_enqueued", qp->asym_enqueued);
	rte_tel_data_add_dict_u64(d, "dequeued", qp->dequeued);
	rte_tel_data_add_dict_u64(d, "enqueue_err", qp->enqueue_err);
	rte_tel_data_add_dict_u64(d, "dequeue_err", qp->dequeue_err);
	rte_tel_data_add_dict_u64(d, "in_flight", qatsec_qp_inflight(qp));
}

static const char *
backend_name(unsigned int b)
{
	const struct qatsec_backend_ops *ops = qatsec_backend_get(b);

	return ops != NULL ? ops->name : "(not in this process)";
}

static void
add_endpoint(struct rte_tel_data *d, const struct qatsec_ep_shared *ep)
{
	uint64_t enq = 0, deq = 0;
	uint32_t i;

	rte_tel_data_add_dict_int(d, "index", ep->index);
	rte_tel_data_add_dict_string(d, "config", ep->path);
	rte_tel_data_add_dict_int(d, "socket", ep->socket);
	rte_tel_data_add_dict_int(d, "ring_depth", ep->depth);
	rte_tel_data_add_dict_int(d, "instances", ep->nb_qp);
	rte_tel_data_add_dict_string(d, "backend", backend_name(ep->backend));
	for (i = 0; i < ep->nb_qp; i++) {
		enq += ep->qp[i].enqueued;
		deq += ep->qp[i].dequeued;
	}
	rte_tel_data_add_dict_u64(d, "enqueued", enq);
	rte_tel_data_add_dict_u64(d, "dequeued", deq);
}

static int
tel_endpoints(const char *cmd __rte_unused, const char *params __rte_unused,
		struct rte_tel_data *d)
{
	struct qatsec_table *t = qatsec_table();
	uint32_t e;

	if (t == NULL)
		return -ENODEV;
	rte_tel_data_start_dict(d);
	for (e = 0; e < t->nb_eps; e++) {
		struct rte_tel_data *c = rte_tel_data_alloc();
		char key[32];

		if (c == NULL)
			return -ENOMEM;
		rte_tel_data_start_dict(c);
		add_endpoint(c, &t->eps[e]);
		snprintf(key, sizeof(key), "dev%u", t->eps[e].index);
		if (add_container(d, key, c) < 0)
			return -ENOSPC;
	}
	return 0;
}

static int
tel_endpoint(const char *cmd __rte_unused, const char *params,
		struct rte_tel_data *d)
{
	const struct qatsec_ep_shared *ep = NULL;
	struct qatsec_table *t = qatsec_table();
	const struct qatsec_int_inst *inst;
	char *end;
	unsigned long n;
	uint32_t e, i;

	if (t == NULL)
		return -ENODEV;
	if (params == NULL || *params == '\0')
		return -EINVAL;
	n = strtoul(params, &end, 10);
	if (*end != '\0')
		return -EINVAL;
	for (e = 0; e < t->nb_eps; e++)
		if (t->eps[e].index == n)
			ep = &t->eps[e];
	if (ep == NULL)
		return -EINVAL;
	inst = qatsec_tbl_inst(t);
	rte_tel_data_start_dict(d);
	add_endpoint(d, ep);
	for (i = 0; i < ep->nb_qp; i++) {
		const struct qatsec_qp *qp = &ep->qp[i];
		struct rte_tel_data *c = rte_tel_data_alloc();
		char key[40];

		if (c == NULL)
			return -ENOMEM;
		rte_tel_data_start_dict(c);
		rte_tel_data_add_dict_string(c, "name", inst[qp->inst].name);
		rte_tel_data_add_dict_string(c, "section",
			section_of(t, qp->inst));
		add_qp_counters(c, qp);
		snprintf(key, sizeof(key), "instance%u", i);
		if (add_container(d, key, c) < 0)
			return -ENOSPC;
	}
	return 0;
}

static int
add_section(struct rte_tel_data *d, const struct qatsec_table *t,
		uint32_t i, bool with_inst)
{
	const struct qatsec_int_section *s = &qatsec_tbl_sections(t)[i];
	const struct qatsec_sec_shared *ss = &qatsec_tbl_sec_shared(t)[i];
	const struct qatsec_int_inst *inst = qatsec_tbl_inst(t);
	uint32_t pid = __atomic_load_n(&ss->owner_pid, __ATOMIC_ACQUIRE);
	struct rte_tel_data *a;
	char buf[96];
	uint32_t k;

	rte_tel_data_add_dict_string(d, "name", s->name);
	rte_tel_data_add_dict_string(d, "section", s->user);
	rte_tel_data_add_dict_int(d, "dev_id", ss->dev_id);
	rte_tel_data_add_dict_int(d, "socket", ss->socket);
	rte_tel_data_add_dict_int(d, "nb_instances", s->nb_inst);
	rte_tel_data_add_dict_int(d, "owner_pid", pid);
	rte_tel_data_add_dict_string(d, "owner_name", pid ? ss->owner_name : "");
	rte_tel_data_add_dict_u64(d, "claimed_ns", pid ? ss->claim_ns : 0);
	rte_tel_data_add_dict_u64(d, "claims", ss->claims);
	if (!with_inst)
		return 0;
	a = rte_tel_data_alloc();
	if (a == NULL)
		return -ENOMEM;
	rte_tel_data_start_array(a, RTE_TEL_STRING_VAL);
	for (k = s->first_inst; k < s->first_inst + s->nb_inst; k++) {
		snprintf(buf, sizeof(buf), "dev%u:%s%s",
			t->eps[inst[k].ep].index,
			inst[k].type == QATSEC_INST_DC ? "dc:" : "",
			inst[k].name);
		rte_tel_data_add_array_string(a, buf);
	}
	return add_container(d, "instances", a);
}

static uint32_t
pages_of(const struct qatsec_table *t)
{
	return (t->nb_sections + QATSEC_TEL_PAGE - 1) / QATSEC_TEL_PAGE;
}

static void
mz_count(const struct rte_memzone *mz __rte_unused, void *arg)
{
	(*(uint32_t *)arg)++;
}

/* The primary's start-up watch (DPDK's shared locks); zeros elsewhere. */
static void
summary_startup_watch(struct rte_tel_data *d)
{
	struct qatsec_eal_watch_stats w;

	qatsec_eal_watch_stats_get(&w);
	rte_tel_data_add_dict_int(d, "startup_watch", w.active);
	rte_tel_data_add_dict_int(d, "starting", w.starting);
	rte_tel_data_add_dict_u64(d, "started", w.started);
	rte_tel_data_add_dict_u64(d, "died_starting", w.died_starting);
	rte_tel_data_add_dict_u64(d, "eal_readers_released", w.readers_released);
	rte_tel_data_add_dict_u64(d, "eal_waits_cleared", w.waits_cleared);
	rte_tel_data_add_dict_int(d, "eal_hotplug_lock", w.hotplug_lock);
	rte_tel_data_add_dict_int(d, "eal_lock_stuck_s", w.stuck_s);
}

/* What the claim service counted (exact, whatever the log dropped) and
 * how close the group is to DPDK's memzone limit (RTE_MAX_MEMZONE): each
 * killed application leaves its mempools' memzones behind.
 */
static void
summary_service(struct rte_tel_data *d)
{
	struct qatsec_claim_stats cs;
	uint32_t mz = 0;

	qatsec_claim_stats_get(&cs);
	rte_tel_data_add_dict_u64(d, "claims", cs.claims);
	rte_tel_data_add_dict_u64(d, "releases", cs.releases);
	rte_tel_data_add_dict_u64(d, "reclaims", cs.reclaims);
	rte_tel_data_add_dict_u64(d, "refused_stopping", cs.refused);
	rte_tel_data_add_dict_u64(d, "log_lines_suppressed", cs.log_suppressed);
	rte_tel_data_add_dict_int(d, "stopping", cs.stopping);
	rte_memzone_walk(mz_count, &mz);
	rte_tel_data_add_dict_int(d, "memzones_used", mz);
	rte_tel_data_add_dict_int(d, "memzones_max", RTE_MAX_MEMZONE);
	summary_startup_watch(d);
}

static int
tel_summary(const char *cmd __rte_unused, const char *params __rte_unused,
		struct rte_tel_data *d)
{
	struct qatsec_table *t = qatsec_table();
	uint32_t i, held = 0, devs = 0;

	if (t == NULL)
		return -ENODEV;
	for (i = 0; i < t->nb_sections; i++) {
		held += __atomic_load_n(&qatsec_tbl_sec_shared(t)[i].owner_token,
			__ATOMIC_ACQUIRE) != 0;
		devs += qatsec_tbl_sec_shared(t)[i].dev_id >= 0;
	}
	rte_tel_data_start_dict(d);
	rte_tel_data_add_dict_int(d, "endpoints", t->nb_eps);
	rte_tel_data_add_dict_int(d, "sections", t->nb_sections);
	rte_tel_data_add_dict_int(d, "devices", devs);
	rte_tel_data_add_dict_int(d, "held", held);
	rte_tel_data_add_dict_int(d, "instances", t->nb_inst);
	rte_tel_data_add_dict_int(d, "page_size", QATSEC_TEL_PAGE);
	rte_tel_data_add_dict_int(d, "pages", pages_of(t));
	summary_service(d);
	return 0;
}

static int
tel_sections(const char *cmd __rte_unused, const char *params,
		struct rte_tel_data *d)
{
	struct qatsec_table *t = qatsec_table();
	uint32_t i, first, last, inst = 0;
	unsigned long page = 0;
	char *end;

	if (t == NULL)
		return -ENODEV;
	if (params != NULL && *params != '\0') {
		errno = 0;
		page = strtoul(params, &end, 10);
		if (errno != 0 || *end != '\0' ||
				(page >= pages_of(t) && page != 0))
			return -EINVAL;
	}
	first = (uint32_t)page * QATSEC_TEL_PAGE;
	last = RTE_MIN(first + QATSEC_TEL_PAGE, t->nb_sections);
	for (i = first; i < last; i++)
		inst += qatsec_tbl_sections(t)[i].nb_inst;
	rte_tel_data_start_dict(d);
	for (i = first; i < last; i++) {
		struct rte_tel_data *c = rte_tel_data_alloc();

		if (c == NULL)
			return -ENOMEM;
		rte_tel_data_start_dict(c);
		if (add_section(c, t, i, inst <= SUMMARY_MAX_INST) < 0) {
			rte_tel_data_free(c);
			return -ENOMEM;
		}
		if (add_container(d, qatsec_tbl_sections(t)[i].name, c) < 0)
			return -ENOSPC;
	}
	return 0;
}

static int
tel_section(const char *cmd __rte_unused, const char *params,
		struct rte_tel_data *d)
{
	struct qatsec_table *t = qatsec_table();
	uint32_t i;

	if (t == NULL)
		return -ENODEV;
	if (params == NULL)
		return -EINVAL;
	for (i = 0; i < t->nb_sections; i++) {
		if (strcasecmp(qatsec_tbl_sections(t)[i].name, params) != 0)
			continue;
		rte_tel_data_start_dict(d);
		return add_section(d, t, i, true);
	}
	return -EINVAL;
}

#define QATSEC_TEL_POOL_PAGE 64

struct pool_walk {
	struct rte_tel_data *d;
	unsigned long first, idx;
};

static void
pool_add(struct rte_mempool *mp, void *arg)
{
	struct pool_walk *w = arg;

	if (w->idx >= w->first && w->idx < w->first + QATSEC_TEL_POOL_PAGE)
		rte_tel_data_add_array_string(w->d, mp->name);
	w->idx++;
}

static int
tel_mempools(const char *cmd __rte_unused, const char *params,
		struct rte_tel_data *d)
{
	struct pool_walk w = { .d = d };
	unsigned long page = 0;
	char *end;

	if (params != NULL && *params != '\0') {
		errno = 0;
		page = strtoul(params, &end, 10);
		if (errno != 0 || *end != '\0' || page > 1000000)
			return -EINVAL;
	}
	w.first = page * QATSEC_TEL_POOL_PAGE;
	rte_tel_data_start_array(d, RTE_TEL_STRING_VAL);
	rte_mempool_walk(pool_add, &w);
	return 0;
}

RTE_INIT(qatsec_telemetry_init)
{
	rte_telemetry_register_cmd("/qatsec/summary", tel_summary,
		"qatsec totals: endpoints, sections, devices, held, pages of /qatsec/sections");
	rte_telemetry_register_cmd("/qatsec/endpoints", tel_endpoints,
		"qatsec endpoints: config, socket, ring depth, counters");
	rte_telemetry_register_cmd("/qatsec/endpoint", tel_endpoint,
		"One qatsec endpoint with per-instance counters. Parameters: endpoint index N");
	rte_telemetry_register_cmd("/qatsec/sections", tel_sections,
		"qatsec internal sections and their holders, 32 a page. Parameters: page (default 0; /qatsec/summary gives the count)");
	rte_telemetry_register_cmd("/qatsec/section", tel_section,
		"One qatsec internal section. Parameters: section name");
	rte_telemetry_register_cmd("/qatsec/mempools", tel_mempools,
		"Names of the group's mempools, 64 a page. Parameters: page (default 0)");
}

/* DPDK 22.11 starts telemetry in the primary only, so a secondary would
 * never answer the /qatsec commands. rte_telemetry_init() is exported
 * (INTERNAL) but its header is not installed, and its signature changed
 * after 22.11: it is declared and called for 22.11 only. A secondary's
 * socket is the primary's path with ":<n>" appended.
 */
#if RTE_VERSION >= RTE_VERSION_NUM(22, 11, 0, 0) && \
	RTE_VERSION < RTE_VERSION_NUM(22, 12, 0, 0)
typedef int (*qatsec_tel_log_fn)(uint32_t level, uint32_t logtype,
		const char *format, ...);
__rte_internal
int rte_telemetry_init(const char *runtime_dir, const char *rte_version,
		rte_cpuset_t *cpuset, qatsec_tel_log_fn log_fn,
		uint32_t registered_logtype);

static int
secondary_telemetry_start(void)
{
	static rte_cpuset_t cpuset;

	if (pthread_getaffinity_np(pthread_self(), sizeof(cpuset),
			&cpuset) != 0)
		CPU_ZERO(&cpuset);
	return rte_telemetry_init(rte_eal_get_runtime_dir(), rte_version(),
		&cpuset, rte_log, qatsec_logtype);
}
#else
static int
secondary_telemetry_start(void)
{
	QATSEC_LOG(NOTICE, "%s: no telemetry socket for secondaries (built for DPDK 22.11's internal rte_telemetry_init)",
		rte_version());
	return -ENOTSUP;
}
#endif

void
qatsec_telemetry_secondary_init(void)
{
	static bool done;

	if (done || rte_eal_process_type() == RTE_PROC_PRIMARY)
		return;
	done = true;
	if (secondary_telemetry_start() != 0)
		QATSEC_LOG(WARNING, "telemetry socket not started in this secondary");
}
