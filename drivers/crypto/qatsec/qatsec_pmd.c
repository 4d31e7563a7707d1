/* SPDX-License-Identifier: BSD-3-Clause
 * crypto_qatsec PMD glue: the vdev driver. In a primary it reads the
 * endpoint configuration (conf_dir= or the built-in default), probes one
 * soft endpoint per file and creates one cryptodev per internal section,
 * named crypto_qatsec_<section>. In a secondary it attaches to the
 * primary's devices through the shared table.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <numa.h>

#include <bus_vdev_driver.h>
#include <cryptodev_pmd.h>
#include <rte_devargs.h>
#include <rte_lcore.h>

#include "qatsec_claim.h"
#include "qatsec_startup.h"
#include "qatsec_devargs.h"
#include "qatsec_pmd_private.h"

#define ARG_CONF_DIR	QATSEC_ARG_CONF_DIR
#define ARG_NUMA_NODE	QATSEC_ARG_NUMA_NODE
#define ARG_SECTION	QATSEC_ARG_SECTION
#define ARG_WAIT	QATSEC_ARG_WAIT
#define ARG_SYM_API	QATSEC_ARG_SYM_API

uint8_t qatsec_driver_id;
/* The vdev whose probe attached the table: only its removal tears it down. */
static struct rte_vdev_device *qatsec_vdev;

/* qatsec_devargs_parse(), with the message for what it refused. */
static int
parse_args(const char *name, const char *params, struct qatsec_args *a)
{
	switch (qatsec_devargs_parse(params, a)) {
	case QATSEC_ARGS_OK:
		if (a->sym_api != QATSEC_SYM_API_UNSET)
			qatsec_sym_api_set(a->sym_api);
		return 0;
	case QATSEC_ARGS_SYNTAX:
		QATSEC_LOG(ERR, "%s: cannot parse devargs '%s' (known keys: %s, %s, %s, %s, %s)",
			name, params, ARG_CONF_DIR, ARG_NUMA_NODE, ARG_SECTION,
			ARG_WAIT, ARG_SYM_API);
		break;
	case QATSEC_ARGS_CONF_DIR:
		QATSEC_LOG(ERR, "%s: %s is too long", name, ARG_CONF_DIR);
		break;
	case QATSEC_ARGS_NUMA_NODE:
		QATSEC_LOG(ERR, "%s: %s must be a node number below %d", name,
			ARG_NUMA_NODE, RTE_MAX_NUMA_NODES);
		break;
	case QATSEC_ARGS_SECTION:
		QATSEC_LOG(ERR, "%s: %s must be a user section name of 1..%d characters",
			name, ARG_SECTION, QATSEC_INT_NAME_MAX);
		break;
	case QATSEC_ARGS_WAIT:
		QATSEC_LOG(ERR, "%s: %s must be milliseconds, 0..3600000",
			name, ARG_WAIT);
		break;
	case QATSEC_ARGS_SYM_API:
		QATSEC_LOG(ERR, "%s: %s must be raw or cpu", name, ARG_SYM_API);
		break;
	}
	return -EINVAL;
}

static void
log_diags(const struct qatsec_diags *d)
{
	uint32_t i;

	for (i = 0; i < d->nb; i++) {
		if (d->d[i].level == QATSEC_DIAG_ERROR)
			QATSEC_LOG(ERR, "%s", d->d[i].msg);
		else
			QATSEC_LOG(WARNING, "%s", d->d[i].msg);
	}
	if (d->nb_errors + d->nb_warnings > d->nb)
		QATSEC_LOG(ERR, "... and %u more",
			d->nb_errors + d->nb_warnings - d->nb);
}

/* A NUMA node must exist on this machine; without libnuma support only
 * node 0 does.
 */
static int
check_node(int node, const char *what)
{
	int max = numa_available() < 0 ? 0 : numa_max_node();

	if (node < 0)
		return 0;
	if (node > max || (max > 0 &&
			!numa_bitmask_isbitset(numa_all_nodes_ptr, node))) {
		QATSEC_LOG(ERR, "%s: NUMA node %d does not exist on this machine (nodes 0..%d)",
			what, node, max);
		return -EINVAL;
	}
	return 0;
}

static int
load_config(const struct qatsec_args *a, struct qatsec_endpoint_cfg *eps,
		struct qatsec_section_table *st)
{
	struct qatsec_diags *d;
	int nb, ret, e;

	d = calloc(1, sizeof(*d));
	if (d == NULL)
		return -ENOMEM;
	if (a->conf_dir[0] != '\0') {
		nb = qatsec_config_load_dir(a->conf_dir, eps, d);
	} else {
		nb = qatsec_config_parse(qatsec_default_config_name,
				qatsec_default_config,
				strlen(qatsec_default_config), 0, &eps[0], d);
		nb = nb < 0 ? nb : 1;
	}
	log_diags(d);
	if (nb < 0) {
		QATSEC_LOG(ERR, "configuration %s rejected (%u errors)",
			a->conf_dir[0] ? a->conf_dir : "(built-in default)",
			d->nb_errors);
		free(d);
		return nb;
	}
	for (e = 0; e < nb; e++) {
		ret = check_node(eps[e].numa_node, eps[e].path);
		if (ret < 0) {
			free(d);
			return ret;
		}
	}
	memset(d, 0, sizeof(*d));
	ret = qatsec_sections_expand(eps, nb, st, d);
	log_diags(d);
	free(d);
	return ret < 0 ? ret : nb;
}

static int
create_section_dev(struct rte_vdev_device *vdev, struct qatsec_table *t,
		uint32_t idx)
{
	const struct qatsec_int_section *s = &qatsec_tbl_sections(t)[idx];
	struct qatsec_sec_shared *ss = &qatsec_tbl_sec_shared(t)[idx];
	struct rte_cryptodev_pmd_init_params params = {
		.private_data_size = sizeof(struct qatsec_dev_private),
		.socket_id = ss->socket,
		.max_nb_queue_pairs = s->nb_cy,
	};
	struct qatsec_dev_private *p;
	struct rte_cryptodev *dev;
	uint32_t q;

	snprintf(params.name, sizeof(params.name), QATSEC_DEV_PREFIX "%s",
		s->name);
	dev = rte_cryptodev_pmd_create(params.name, &vdev->device, &params);
	if (dev == NULL) {
		QATSEC_LOG(ERR, "section %s: cannot create cryptodev %s",
			s->name, params.name);
		return -ENODEV;
	}
	dev->driver_id = qatsec_driver_id;
	dev->dev_ops = &qatsec_dev_ops;
	dev->feature_flags = qatsec_engine_feature_flags();
	qatsec_sym_api_select(dev);
	qatsec_security_attach(dev);
	if (rte_eal_process_type() == RTE_PROC_PRIMARY) {
		p = dev->data->dev_private;
		p->section = idx;
		p->nb_qp = s->nb_cy;
		ss->dev_id = dev->data->dev_id;
		for (q = 0; q < s->nb_cy; q++)
			qatsec_section_qp(t, idx, q)->dev_id = dev->data->dev_id;
	} else if (dev->data->dev_id != ss->dev_id) {
		/* Secondaries attach shared device data by local index. */
		QATSEC_LOG(ERR, "%s: attached as device %u but the primary made it %d: load the same --vdev and -d list, in the same order, as the primary",
			params.name, dev->data->dev_id, ss->dev_id);
		dev->dev_ops = NULL;
		rte_cryptodev_pmd_destroy(dev);
		return -EINVAL;
	}
	qatsec_dev_burst_set(dev, true);
	rte_cryptodev_pmd_probing_finish(dev);
	return 0;
}

static void teardown(struct rte_vdev_device *vdev);

static int
probe_primary(struct rte_vdev_device *vdev, const struct qatsec_args *a)
{
	struct qatsec_section_table st = { 0 };
	struct qatsec_endpoint_cfg *eps;
	struct qatsec_table *t;
	uint32_t i, needed = 0;
	int nb, ret, sock;

	if (qatsec_table_lookup() != NULL) {
		QATSEC_LOG(ERR, "%s: this process group already has a qatsec table; use one crypto_qatsec vdev",
			rte_vdev_device_name(vdev));
		return -EEXIST;
	}
	eps = calloc(QATSEC_MAX_ENDPOINTS, sizeof(*eps));
	if (eps == NULL)
		return -ENOMEM;
	nb = load_config(a, eps, &st);
	if (nb < 0) {
		ret = nb;
		goto out;
	}
	for (i = 0; i < st.nb_sections; i++)
		needed += st.sections[i].nb_cy > 0;
	if (needed > (uint32_t)(RTE_CRYPTO_MAX_DEVS - rte_cryptodev_count())) {
		QATSEC_LOG(ERR, "configuration needs %u crypto devices (one per internal section with Cy instances) but only %u of RTE_CRYPTO_MAX_DEVS=%d are free",
			needed, RTE_CRYPTO_MAX_DEVS - rte_cryptodev_count(),
			RTE_CRYPTO_MAX_DEVS);
		ret = -ENOSPC;
		goto out;
	}
	sock = a->numa_node;
	if (sock < 0)
		sock = rte_socket_id() == (unsigned int)SOCKET_ID_ANY ? 0 :
			(int)rte_socket_id();
	ret = check_node(sock, ARG_NUMA_NODE);
	if (ret < 0)
		goto out;
	ret = qatsec_table_create(eps, nb, &st, sock, &t);
	if (ret < 0)
		goto out;
	qatsec_table_attach(t);
	qatsec_vdev = vdev;
	for (i = 0; i < st.nb_sections && ret == 0; i++)
		if (st.sections[i].nb_cy > 0)
			ret = create_section_dev(vdev, t, i);
	if (ret == 0)
		ret = qatsec_claim_primary_start();
	if (ret == 0)
		QATSEC_LOG(INFO, "%d endpoints, %u internal sections, %u crypto devices",
			nb, st.nb_sections, needed);
out:
	qatsec_sections_free(&st);
	free(eps);
	return ret;
}

/* A secondary's own --vdev with the primary's name is dropped from the
 * device list, but its devargs stay in the EAL list: read them there.
 */
static int
secondary_args(struct qatsec_args *a)
{
	struct rte_devargs *da;
	int ret;

	memset(a, 0, sizeof(*a));
	a->numa_node = -1;
	RTE_EAL_DEVARGS_FOREACH("vdev", da) {
		if (strncmp(da->name, QATSEC_DRIVER_NAME_STR,
				strlen(QATSEC_DRIVER_NAME_STR)) != 0)
			continue;
		ret = parse_args(da->name, da->args, a);
		if (ret < 0)
			return ret;
		if (a->conf_dir[0] != '\0' || a->numa_node >= 0)
			QATSEC_LOG(NOTICE, "%s: %s and %s are the primary's; ignored in a secondary",
				da->name, ARG_CONF_DIR, ARG_NUMA_NODE);
		if (a->section[0] != '\0')
			return 0;
	}
	return 0;
}

static int
probe_secondary(struct rte_vdev_device *vdev)
{
	struct qatsec_table *t = qatsec_table_lookup();
	struct qatsec_args a;
	uint32_t i, held;
	int ret;

	if (qatsec_vdev != NULL) {
		QATSEC_LOG(INFO, "%s: section devices already attached",
			rte_vdev_device_name(vdev));
		return 0;
	}
	if (t == NULL) {
		QATSEC_LOG(ERR, "%s: the primary of this process group has no qatsec table (start it with --vdev crypto_qatsec)",
			rte_vdev_device_name(vdev));
		return -ENODEV;
	}
	ret = secondary_args(&a);
	if (ret < 0)
		return ret;
	qatsec_table_attach(t);
	qatsec_vdev = vdev;
	qatsec_telemetry_secondary_init();
	/* Every device, in the primary's order: indexes must match. */
	for (i = 0; i < t->nb_sections; i++) {
		if (qatsec_tbl_sec_shared(t)[i].dev_id < 0)
			continue;
		ret = create_section_dev(vdev, t, i);
		if (ret < 0)
			return ret;
	}
	if (a.section[0] == '\0')
		return 0;
	ret = qatsec_claim(a.section, a.wait_ms, &held);
	if (ret < 0)
		return ret;
	/* Applications walk ids from 0: the claimed section alone, first. */
	ret = qatsec_view_only(held);
	if (ret < 0)
		return ret;
	QATSEC_LOG(NOTICE, "pid %d holds section %s: device %d, %s",
		(int)getpid(), qatsec_tbl_sections(t)[held].name, ret,
		rte_cryptodev_name_get(ret));
	return 0;
}

static int
qatsec_probe(struct rte_vdev_device *vdev)
{
	const char *name = rte_vdev_device_name(vdev);
	struct qatsec_args a;
	int ret;

	/* EAL's memory and heap init are behind this process now. */
	qatsec_startup_done();
	qatsec_claim_set_stop_hook(qatsec_section_dev_stop);
	if (rte_eal_process_type() == RTE_PROC_PRIMARY) {
		ret = parse_args(name, rte_vdev_device_args(vdev), &a);
		if (ret == 0 && a.section[0] != '\0') {
			QATSEC_LOG(ERR, "%s: %s= is for secondaries; a primary claims with rte_pmd_qatsec_user_start()",
				name, ARG_SECTION);
			ret = -EINVAL;
		}
		if (ret == 0)
			ret = probe_primary(vdev, &a);
	} else {
		ret = probe_secondary(vdev);
	}
	if (ret < 0) {
		QATSEC_LOG(ERR, "%s: probe failed: %s", name, strerror(-ret));
		teardown(vdev);
	}
	return ret;
}

/* Destroy this process's section devices; the primary also frees the
 * table, unless a live process still holds a section. A secondary
 * releases its claim but must not close what other processes use.
 */
static void
teardown(struct rte_vdev_device *vdev)
{
	struct qatsec_table *t = qatsec_table();
	bool primary = rte_eal_process_type() == RTE_PROC_PRIMARY;
	struct rte_cryptodev *dev;
	uint32_t i, held;

	if (t == NULL || qatsec_vdev == NULL || vdev != qatsec_vdev)
		return;
	while (qatsec_claim_held() >= 0)
		qatsec_release();
	if (primary) {
		qatsec_claim_primary_stop();
		held = qatsec_claim_nb_held();
		if (held > 0) {
			/* Holders run on this memory (device data, table,
			 * rings): freeing it would crash them. It goes with
			 * the group, once its last process has exited.
			 */
			QATSEC_LOG(NOTICE, "%u sections still held by live processes: their devices, table and rings are left in place",
				held);
			qatsec_table_attach(NULL);
			qatsec_vdev = NULL;
			return;
		}
		qatsec_claim_bypass_ownership(true);
	}
	for (i = 0; i < t->nb_sections; i++) {
		int id = qatsec_tbl_sec_shared(t)[i].dev_id;

		if (id < 0)
			continue;
		dev = rte_cryptodev_pmd_get_dev(id);
		/* Hidden slots are released already (qatsec_view_reset). */
		if (dev == NULL || dev->device != &vdev->device ||
				!dev->attached || qatsec_view_hidden(dev))
			continue;
		if (!primary)
			dev->dev_ops = NULL;
		else if (dev->data->dev_started)
			rte_cryptodev_stop(id);
		rte_cryptodev_pmd_destroy(dev);
	}
	qatsec_view_reset();
	if (primary) {
		qatsec_claim_bypass_ownership(false);
		qatsec_table_free(t);
	}
	qatsec_table_attach(NULL);
	qatsec_vdev = NULL;
}

static int
qatsec_remove(struct rte_vdev_device *vdev)
{
	teardown(vdev);
	return 0;
}

static struct rte_vdev_driver qatsec_vdev_drv = {
	.probe = qatsec_probe,
	.remove = qatsec_remove,
};

static struct cryptodev_driver qatsec_crypto_drv;

/* RTE_PMD_REGISTER_VDEV and RTE_PMD_REGISTER_CRYPTO_DRIVER, but only for
 * the first copy of the PMD in the process: an application that links a
 * qatsec build on a machine where qatsec is installed also gets the
 * installed copy from EAL's autoload directory, and two drivers of one
 * name would both answer --vdev crypto_qatsec. The later copy stays idle.
 */
RTE_INIT(qatsec_driver_register)
{
	if (rte_cryptodev_driver_id_get(QATSEC_DRIVER_NAME_STR) >= 0) {
		RTE_LOG(NOTICE, PMD, "%s is already registered by another copy of the PMD in this process; this copy stays unused\n",
			QATSEC_DRIVER_NAME_STR);
		return;
	}
	qatsec_vdev_drv.driver.name = QATSEC_DRIVER_NAME_STR;
	rte_vdev_register(&qatsec_vdev_drv);
	qatsec_driver_id = rte_cryptodev_allocate_driver(&qatsec_crypto_drv,
		&qatsec_vdev_drv.driver);
}
RTE_PMD_EXPORT_NAME(QATSEC_DRIVER_NAME, __COUNTER__);
RTE_PMD_REGISTER_PARAM_STRING(QATSEC_DRIVER_NAME,
	ARG_CONF_DIR "=<dir of <type>_dev<N>.conf files> "
	ARG_NUMA_NODE "=<int> "
	ARG_SECTION "=<user section, secondaries> "
	ARG_WAIT "=<ms>");
