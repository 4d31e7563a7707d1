/* SPDX-License-Identifier: BSD-3-Clause
 * crypto_qatsec PMD glue: the section devices as this process sees them.
 * A secondary that claimed a section by devargs shows that section alone,
 * as the lowest crypto device id the group gave qatsec (0 when the primary
 * has no other crypto device before them), because applications find
 * devices by walking ids 0 .. rte_cryptodev_count() - 1.
 *
 * What DPDK 22.11 allows: a secondary attaches shared device data by local
 * index (memzone rte_cryptodev_data_<index>), so every section device must
 * keep its slot or later devices (hot-plugged ones included) land on the
 * wrong data; rte_crypto_devices[] is process-local, and a slot's data
 * pointer and fast-path entry are set from it. So the other slots stay
 * attached (a free slot would be given to the next device) but are
 * released from the count, carry a driver of another name and id, and
 * point at process-local data of no name. The lowest slot becomes an alias
 * of the claimed section: process-local data whose dev_id is that slot
 * (rte_cryptodev_devices_get() and callbacks report data->dev_id) and
 * whose queue-pair array and private data are the shared section's; the
 * fields DPDK writes in the alias (queue pairs, started) are written to
 * the shared data too, by the ops below, as DPDK would have written them.
 */
#include <stdio.h>
#include <string.h>

#include <rte_cryptodev.h>
#include <rte_memzone.h>

#include "qatsec_claim.h"
#include "qatsec_pmd_private.h"

#define HIDDEN_DRIVER_ID UINT8_MAX

static const struct rte_driver hidden_drv = {
	.name = QATSEC_DRIVER_NAME_STR "_hidden",
};
static struct rte_device hidden_device = {
	.name = QATSEC_DRIVER_NAME_STR "_hidden",
	.driver = &hidden_drv,
};
static struct rte_cryptodev_data hidden_data[RTE_CRYPTO_MAX_DEVS];
static bool hidden[RTE_CRYPTO_MAX_DEVS];

static struct {
	bool on;
	uint8_t id;				/* the alias's slot */
	uint32_t section;
	struct rte_cryptodev_data *real;	/* the section's shared data */
} alias;
static struct rte_cryptodev_data alias_data;

int
qatsec_view_local_id(uint32_t section)
{
	int id = qatsec_tbl_sec_shared(qatsec_table())[section].dev_id;

	if (alias.on && section == alias.section)
		return alias.id;
	if (id < 0 || id >= RTE_CRYPTO_MAX_DEVS || hidden[id])
		return -1;
	return id;
}

static const struct rte_cryptodev_capabilities no_caps[] = {
	RTE_CRYPTODEV_END_OF_CAPABILITIES_LIST()
};

/* A hidden slot is asked for its info by id walkers (telemetry's
 * /cryptodev/list shows every attached slot): no queue pairs, nothing
 * served.
 */
static void
hidden_infos_get(struct rte_cryptodev *dev __rte_unused,
		struct rte_cryptodev_info *info)
{
	info->driver_id = HIDDEN_DRIVER_ID;
	info->capabilities = no_caps;
	info->max_nb_queue_pairs = 0;
}

static struct rte_cryptodev_ops hidden_ops = {
	.dev_infos_get = hidden_infos_get,
	/* crypto-perf asks every id below the count for it. */
	.sym_session_get_size = qatsec_sym_sess_size,
	.asym_session_get_size = qatsec_asym_sess_size,
};

static void
hide(uint8_t id)
{
	struct rte_cryptodev *dev = rte_cryptodev_pmd_get_dev(id);

	if (hidden[id])
		return;
	/* Without ops, the release closes nothing shared. */
	dev->dev_ops = NULL;
	rte_cryptodev_pmd_release_device(dev);
	memset(&hidden_data[id], 0, sizeof(hidden_data[id]));
	hidden_data[id].dev_id = id;
	hidden_data[id].socket_id = SOCKET_ID_ANY;
	dev->data = &hidden_data[id];
	dev->dev_ops = &hidden_ops;
	dev->device = &hidden_device;
	dev->driver_id = HIDDEN_DRIVER_ID;
	dev->feature_flags = 0;
	dev->attached = RTE_CRYPTODEV_ATTACHED;
	hidden[id] = true;
}

/* What DPDK's control path wrote in the alias, written to the shared data:
 * the queue-pair array it allocates on the first configure (in the shared
 * heap) and the number of queue pairs.
 */
static void
alias_push(void)
{
	if (alias.real->queue_pairs == NULL)
		alias.real->queue_pairs = alias_data.queue_pairs;
	alias.real->nb_queue_pairs = alias_data.nb_queue_pairs;
}

static int
alias_configure(struct rte_cryptodev *dev, struct rte_cryptodev_config *c)
{
	int ret = qatsec_dev_ops.dev_configure(dev, c);

	if (ret == 0) {
		alias_push();
	} else {
		/* Refused: the shared data stays as it was, so does the view. */
		alias_data.nb_queue_pairs = alias.real->nb_queue_pairs;
		if (alias.real->queue_pairs != NULL)
			alias_data.queue_pairs = alias.real->queue_pairs;
	}
	return ret;
}

static int
alias_start(struct rte_cryptodev *dev)
{
	int ret = qatsec_dev_ops.dev_start(dev);

	if (ret == 0)
		alias.real->dev_started = 1;
	return ret;
}

static void
alias_stop(struct rte_cryptodev *dev)
{
	qatsec_dev_ops.dev_stop(dev);
	alias.real->dev_started = 0;
}

static struct rte_cryptodev_ops alias_ops;

/* Slot id becomes section's device (shared data real) in this process. */
static void
make_alias(uint8_t id, uint32_t section, const struct rte_cryptodev *from)
{
	struct rte_cryptodev *dev = rte_cryptodev_pmd_get_dev(id);

	alias_ops = qatsec_dev_ops;
	alias_ops.dev_configure = alias_configure;
	alias_ops.dev_start = alias_start;
	alias_ops.dev_stop = alias_stop;
	alias.real = from->data;
	alias.id = id;
	alias.section = section;
	alias_data = *from->data;
	alias_data.dev_id = id;
	dev->data = &alias_data;
	dev->dev_ops = &alias_ops;
	dev->driver_id = from->driver_id;
	dev->feature_flags = from->feature_flags;
	qatsec_dev_burst_set(dev, true);
	alias.on = true;
	/* Its fast-path entry, from the alias's queue pairs and bursts. */
	rte_cryptodev_pmd_probing_finish(dev);
}

int
qatsec_view_only(uint32_t section)
{
	struct qatsec_table *t = qatsec_table();
	const struct qatsec_sec_shared *ss = qatsec_tbl_sec_shared(t);
	int low = RTE_CRYPTO_MAX_DEVS, held = ss[section].dev_id;
	uint32_t i;

	if (held < 0)
		return -ENODEV;
	for (i = 0; i < t->nb_sections; i++)
		if (ss[i].dev_id >= 0 && ss[i].dev_id < low)
			low = ss[i].dev_id;
	for (i = 0; i < t->nb_sections; i++) {
		int id = ss[i].dev_id;

		if (id >= 0 && id != held && id != low)
			hide(id);
	}
	if (held != low) {
		struct rte_cryptodev real = *rte_cryptodev_pmd_get_dev(held);

		/* The lowest slot keeps its count and its attachment. */
		hide(held);
		make_alias(low, section, &real);
	}
	if (low != 0)
		QATSEC_LOG(NOTICE, "the primary has %d crypto devices before qatsec's: the claimed section is device %d here, not 0",
			low, low);
	return low;
}

/* The claim layer's stop hook: the section's device stopped in this
 * process's view, and its queue pairs forgotten in the shared data (the
 * next holder sets them up), whether this process shows it or not.
 */
void
qatsec_section_dev_stop(uint32_t section)
{
	int shared_id = qatsec_tbl_sec_shared(qatsec_table())[section].dev_id;
	int id = qatsec_view_local_id(section);
	char name[RTE_MEMZONE_NAMESIZE];
	const struct rte_memzone *mz;
	struct rte_cryptodev_data *d;
	uint16_t q;

	if (shared_id < 0)
		return;
	if (id >= 0 && rte_cryptodev_pmd_get_dev(id)->data->dev_started)
		rte_cryptodev_stop(id);
	/* DPDK's name of the data a device of that index shares. */
	snprintf(name, sizeof(name), "rte_cryptodev_data_%d", shared_id);
	mz = rte_memzone_lookup(name);
	if (mz == NULL)
		return;
	d = mz->addr;
	for (q = 0; q < d->nb_queue_pairs && d->queue_pairs != NULL; q++)
		d->queue_pairs[q] = NULL;
}

void
qatsec_view_reset(void)
{
	struct rte_cryptodev *dev;
	unsigned int id;

	for (id = 0; id < RTE_CRYPTO_MAX_DEVS; id++) {
		if (!hidden[id])
			continue;
		/* Released already: only the slot's mark is left to clear. */
		dev = rte_cryptodev_pmd_get_dev(id);
		dev->attached = RTE_CRYPTODEV_DETACHED;
		dev->dev_ops = NULL;
		dev->device = NULL;
		dev->data = NULL;
		dev->driver_id = 0;
		hidden[id] = false;
	}
	alias.on = false;
}

bool
qatsec_view_hidden(const struct rte_cryptodev *dev)
{
	return dev->device == &hidden_device;
}
