/* SPDX-License-Identifier: BSD-3-Clause
 * crypto_qatsec PMD glue: the vdev's devargs (conf_dir=, numa_node=,
 * section=, wait=, sym_api=) parsed into values, with rte_kvargs and no EAL, so
 * that a fuzzer can drive exactly the code the probe runs.
 */
#ifndef QATSEC_DEVARGS_H
#define QATSEC_DEVARGS_H

#include "qatsec_config.h"

#define QATSEC_ARG_CONF_DIR	"conf_dir"
#define QATSEC_ARG_NUMA_NODE	"numa_node"
#define QATSEC_ARG_SECTION	"section"
#define QATSEC_ARG_WAIT		"wait"
#define QATSEC_ARG_SYM_API	"sym_api"	/* raw or cpu (unset: ops + raw) */

enum qatsec_sym_api {
	QATSEC_SYM_API_UNSET = -1,
	QATSEC_SYM_API_RAW,		/* the raw data path, as it is used */
	QATSEC_SYM_API_CPU,		/* CPU crypto instead */
};

struct qatsec_args {
	char conf_dir[1024];
	int numa_node;		/* -1: node of the probing lcore */
	char section[QATSEC_INT_NAME_MAX + 1];	/* secondary: claim one */
	int wait_ms;		/* secondary: wait for a free section */
	int sym_api;		/* enum qatsec_sym_api */
};

/* What qatsec_devargs_parse() refused, for the caller's message. */
enum qatsec_args_err {
	QATSEC_ARGS_OK,
	QATSEC_ARGS_SYNTAX,	/* not key=value,... of the known keys */
	QATSEC_ARGS_CONF_DIR,	/* too long */
	QATSEC_ARGS_NUMA_NODE,	/* not 0..RTE_MAX_NUMA_NODES-1 */
	QATSEC_ARGS_SECTION,	/* empty or too long */
	QATSEC_ARGS_WAIT,	/* not 0..3600000 */
	QATSEC_ARGS_SYM_API,	/* not raw or cpu */
};

/* Parses params (NULL or "" for none) into a, which is reset first.
 * Returns QATSEC_ARGS_OK, or the first key refused (a then holds what was
 * parsed before it).
 */
enum qatsec_args_err qatsec_devargs_parse(const char *params,
		struct qatsec_args *a);

#endif /* QATSEC_DEVARGS_H */
