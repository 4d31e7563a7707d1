/* SPDX-License-Identifier: BSD-3-Clause
 * crypto_qatsec PMD glue: parsing of the vdev's devargs into
 * struct qatsec_args (see qatsec_devargs.h). Needs rte_kvargs only, no
 * EAL: test/fuzz/fuzz_devargs.c runs it on arbitrary strings.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <rte_common.h>
#include <rte_config.h>
#include <rte_kvargs.h>

#include "qatsec_devargs.h"

static const char * const valid_args[] = {
	QATSEC_ARG_CONF_DIR, QATSEC_ARG_NUMA_NODE, QATSEC_ARG_SECTION,
	QATSEC_ARG_WAIT, QATSEC_ARG_SYM_API, NULL,
};

static int
arg_path(const char *key __rte_unused, const char *value, void *opaque)
{
	char *dst = opaque;

	/* "conf_dir" alone (no '=') gives a NULL value. */
	if (value == NULL ||
			strlen(value) >= sizeof(((struct qatsec_args *)0)->conf_dir))
		return -ENAMETOOLONG;
	strcpy(dst, value);
	return 0;
}

static int
arg_name(const char *key __rte_unused, const char *value, void *opaque)
{
	char *dst = opaque;

	if (value == NULL || value[0] == '\0' ||
			strlen(value) >= sizeof(((struct qatsec_args *)0)->section))
		return -EINVAL;
	strcpy(dst, value);
	return 0;
}

static int
arg_int(const char *value, long max, int *out)
{
	char *end;
	long v;

	if (value == NULL)
		return -EINVAL;
	errno = 0;
	v = strtol(value, &end, 10);
	if (errno != 0 || *end != '\0' || end == value || v < 0 || v > max)
		return -EINVAL;
	*out = (int)v;
	return 0;
}

static int
arg_node(const char *key __rte_unused, const char *value, void *opaque)
{
	return arg_int(value, RTE_MAX_NUMA_NODES - 1, opaque);
}

static int
arg_wait(const char *key __rte_unused, const char *value, void *opaque)
{
	return arg_int(value, 3600 * 1000, opaque);
}

static int
arg_sym_api(const char *key __rte_unused, const char *value, void *opaque)
{
	int *out = opaque;

	if (value != NULL && strcmp(value, "raw") == 0)
		*out = QATSEC_SYM_API_RAW;
	else if (value != NULL && strcmp(value, "cpu") == 0)
		*out = QATSEC_SYM_API_CPU;
	else
		return -EINVAL;
	return 0;
}

enum qatsec_args_err
qatsec_devargs_parse(const char *params, struct qatsec_args *a)
{
	enum qatsec_args_err err = QATSEC_ARGS_OK;
	struct rte_kvargs *kv;

	memset(a, 0, sizeof(*a));
	a->numa_node = -1;
	a->sym_api = QATSEC_SYM_API_UNSET;
	if (params == NULL || params[0] == '\0')
		return QATSEC_ARGS_OK;
	kv = rte_kvargs_parse(params, valid_args);
	if (kv == NULL)
		return QATSEC_ARGS_SYNTAX;
	if (rte_kvargs_process(kv, QATSEC_ARG_CONF_DIR, arg_path,
			a->conf_dir) < 0)
		err = QATSEC_ARGS_CONF_DIR;
	else if (rte_kvargs_process(kv, QATSEC_ARG_NUMA_NODE, arg_node,
			&a->numa_node) < 0)
		err = QATSEC_ARGS_NUMA_NODE;
	else if (rte_kvargs_process(kv, QATSEC_ARG_SECTION, arg_name,
			a->section) < 0)
		err = QATSEC_ARGS_SECTION;
	else if (rte_kvargs_process(kv, QATSEC_ARG_WAIT, arg_wait,
			&a->wait_ms) < 0)
		err = QATSEC_ARGS_WAIT;
	else if (rte_kvargs_process(kv, QATSEC_ARG_SYM_API, arg_sym_api,
			&a->sym_api) < 0)
		err = QATSEC_ARGS_SYM_API;
	rte_kvargs_free(kv);
	return err;
}
