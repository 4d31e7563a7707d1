/* SPDX-License-Identifier: BSD-3-Clause
 * qatsec core: endpoints, their instances and the shared state of a
 * process group. The primary publishes the section table and one memzone
 * per endpoint (on the endpoint's NUMA node); every process of the group
 * finds them by name. Shared memory holds only values and hugepage
 * addresses (identical in every process): no function pointer, no heap
 * pointer, no library handle. What differs per process (the ipsec-mb
 * manager, the backend's functions) is looked up locally.
 */
#ifndef QATSEC_ENDPOINT_H
#define QATSEC_ENDPOINT_H

#include <stdint.h>

#include <rte_common.h>
#include <rte_cryptodev.h>

#include "qatsec_backend.h"
#include "qatsec_config.h"

#define QATSEC_TABLE_MZ		"qatsec_table"
#define QATSEC_EP_MZ_FMT	"qatsec_ep%u"
#define QATSEC_TABLE_MAGIC	0x51415453u	/* "QATS" */

/* One instance = one ring pair = one cryptodev queue pair. Producer and
 * consumer fields sit on separate cache lines: enqueue and dequeue may run
 * on different lcores.
 */
#define QATSEC_QP_BACKEND_AREA	32

struct qatsec_qp {
	/* The backend's own state (the soft backend's completion ring):
	 * values and hugepage addresses only. Nothing else reads it.
	 */
	uint8_t backend_area[QATSEC_QP_BACKEND_AREA] __rte_aligned(8);
	uint32_t depth;			/* instance ring depth from the config */
	uint32_t inst;			/* index into the table's instances */
	uint16_t ep;			/* endpoint array index */
	uint16_t dev_id;		/* cryptodev of its section */
	uint16_t qp_id;
	uint8_t backend;		/* enum qatsec_backend */
	uint8_t configured;
	RTE_MARKER cacheline1 __rte_cache_aligned;
	uint64_t enqueued;
	uint64_t asym_enqueued;		/* of enqueued: asymmetric requests */
	uint64_t enqueue_err;
	/* Ops completed with an error status (dequeue_err_count). A
	 * backend that completes ops at enqueue counts them there: the
	 * producer's line, and no pass over the ops at dequeue.
	 */
	uint64_t dequeue_err;
	RTE_MARKER cacheline2 __rte_cache_aligned;
	uint64_t dequeued;
} __rte_cache_aligned;

struct qatsec_ep_shared {
	char path[256];
	uint32_t index;			/* N of <type>_dev<N>.conf */
	int32_t socket;			/* NUMA node */
	uint32_t depth;			/* CyNumConcurrent{Sym,Asym}Requests */
	uint32_t nb_qp;			/* instances on this endpoint */
	uint8_t backend;
	struct qatsec_qp *qp;		/* in this endpoint's memzone */
};

/* Per internal section, beside the layer-1 description. The claim fields
 * belong to the claim layer (qatsec_holder.c): owner_token, unique per
 * claim, is taken and given back with compare-and-swap, so racing claimers
 * never both win; the primary ties each claim to its holder's pidfd.
 */
struct qatsec_sec_shared {
	int32_t dev_id;			/* -1: no crypto instance, no device */
	int32_t socket;			/* SOCKET_ID_ANY when spanning nodes */
	uint64_t owner_token;		/* 0: free */
	uint32_t owner_pid;		/* holder's pid as the primary sees it */
	uint32_t pad;
	uint64_t claim_ns;		/* CLOCK_REALTIME of the claim */
	uint64_t claims;		/* how many times it was handed out */
	char owner_name[32];		/* holder's comm */
};

/* The group's table, in memzone QATSEC_TABLE_MZ. The arrays follow the
 * header in the same memzone; offsets, not pointers, locate them.
 */
struct qatsec_table {
	uint32_t magic;
	uint32_t nb_eps;
	uint32_t nb_sections;
	uint32_t nb_inst;
	uint32_t off_sections;		/* struct qatsec_int_section[] */
	uint32_t off_sec_shared;	/* struct qatsec_sec_shared[] */
	uint32_t off_inst;		/* struct qatsec_int_inst[] */
	uint32_t off_qp_of_inst;	/* struct qatsec_qp *[] (hugepages) */
	struct qatsec_ep_shared eps[QATSEC_MAX_ENDPOINTS];
};

static inline struct qatsec_int_section *
qatsec_tbl_sections(const struct qatsec_table *t)
{
	return RTE_PTR_ADD(t, t->off_sections);
}

static inline struct qatsec_sec_shared *
qatsec_tbl_sec_shared(const struct qatsec_table *t)
{
	return RTE_PTR_ADD(t, t->off_sec_shared);
}

static inline struct qatsec_int_inst *
qatsec_tbl_inst(const struct qatsec_table *t)
{
	return RTE_PTR_ADD(t, t->off_inst);
}

static inline struct qatsec_qp **
qatsec_tbl_qp_of_inst(const struct qatsec_table *t)
{
	return RTE_PTR_ADD(t, t->off_qp_of_inst);
}

/* Build the shared table from an expanded configuration (primary only).
 * default_socket is used for endpoints whose config gives no NumaNode.
 */
int qatsec_table_create(const struct qatsec_endpoint_cfg *eps,
		uint32_t nb_eps, const struct qatsec_section_table *st,
		int default_socket, struct qatsec_table **out);

/* Find the primary's table (any process). NULL when there is none. */
struct qatsec_table *qatsec_table_lookup(void);

/* Release the table and endpoint memzones (primary, at remove). */
void qatsec_table_free(struct qatsec_table *t);

/* The table this process attached to (set by the PMD at probe), else the
 * group's table if there is one, else NULL.
 */
struct qatsec_table *qatsec_table(void);
void qatsec_table_attach(struct qatsec_table *t);

/* The n-th Cy queue pair of a section, NULL past the last. */
struct qatsec_qp *qatsec_section_qp(const struct qatsec_table *t,
		uint32_t section, uint32_t n);

/* The layer-1 view of the table's sections and instances. */
struct qatsec_section_table qatsec_table_view(const struct qatsec_table *t);

/* Queue pair (instance) life cycle, through the qp's backend: setup
 * (re)uses the instance's resources and zeroes its counters; quiesce
 * finishes what the holder submitted; release drops what is left (returns
 * how many ops) and keeps the resources for the next holder; free gives
 * them back (table teardown).
 */
int qatsec_qp_setup(struct qatsec_qp *qp, uint32_t nb_desc, int socket);
unsigned int qatsec_qp_inflight(const struct qatsec_qp *qp);
void qatsec_qp_quiesce(struct qatsec_qp *qp);
unsigned int qatsec_qp_release(struct qatsec_qp *qp);
void qatsec_qp_free(struct qatsec_qp *qp);

#endif /* QATSEC_ENDPOINT_H */
