/* SPDX-License-Identifier: BSD-3-Clause
 * The public API of crypto_qatsec (rte_pmd_qatsec.h): section claims and
 * queries of the section table, over the claim layer and the core.
 */
#include <errno.h>
#include <string.h>

#include <rte_string_fns.h>

#include "rte_pmd_qatsec.h"
#include "qatsec_claim.h"
#include "qatsec_pmd_private.h"

int
rte_pmd_qatsec_user_start(const char *name, uint32_t wait_ms,
		struct rte_pmd_qatsec_claim *claim)
{
	const struct qatsec_int_section *s;
	const struct qatsec_int_inst *inst;
	struct qatsec_table *t;
	uint32_t section, k, n = 0;
	int ret;

	if (name == NULL)
		return -EINVAL;
	ret = qatsec_claim(name, wait_ms, &section);
	if (ret < 0 || claim == NULL)
		return ret;
	t = qatsec_table();
	s = &qatsec_tbl_sections(t)[section];
	inst = qatsec_tbl_inst(t);
	memset(claim, 0, sizeof(*claim));
	rte_strscpy(claim->section, s->name, sizeof(claim->section));
	rte_strscpy(claim->user, s->user, sizeof(claim->user));
	claim->dev_id = qatsec_view_local_id(section);
	for (k = s->first_inst; k < s->first_inst + s->nb_inst &&
			n < RTE_PMD_QATSEC_MAX_QP; k++) {
		struct rte_pmd_qatsec_instance *ci = &claim->instances[n];

		if (inst[k].type != QATSEC_INST_CY)
			continue;
		ci->qp_id = n++;
		ci->endpoint = t->eps[inst[k].ep].index;
		ci->core = inst[k].core;
		ci->poll_mode = inst[k].poll_mode;
		rte_strscpy(ci->name, inst[k].name, sizeof(ci->name));
	}
	claim->nb_instances = n;
	return 0;
}

int
rte_pmd_qatsec_user_stop(void)
{
	return qatsec_release();
}

int
rte_pmd_qatsec_section_info(uint32_t idx,
		struct rte_pmd_qatsec_section_info *info)
{
	struct qatsec_table *t = qatsec_table();
	const struct qatsec_int_section *s;
	const struct qatsec_sec_shared *ss;

	if (t == NULL)
		return -ENODEV;
	if (idx >= t->nb_sections || info == NULL)
		return -EINVAL;
	s = &qatsec_tbl_sections(t)[idx];
	ss = &qatsec_tbl_sec_shared(t)[idx];
	memset(info, 0, sizeof(*info));
	rte_strscpy(info->name, s->name, sizeof(info->name));
	rte_strscpy(info->user, s->user, sizeof(info->user));
	info->dev_id = qatsec_view_local_id(idx);
	info->nb_instances = s->nb_cy;
	info->owner_pid = __atomic_load_n(&ss->owner_pid, __ATOMIC_ACQUIRE);
	if (info->owner_pid != 0) {
		rte_strscpy(info->owner_name, ss->owner_name,
			sizeof(info->owner_name));
		info->claimed_ns = ss->claim_ns;
	}
	return 0;
}

int
rte_pmd_qatsec_section_count(void)
{
	struct qatsec_table *t = qatsec_table();

	return t == NULL ? -ENODEV : (int)t->nb_sections;
}

int
rte_pmd_qatsec_service_stopping(uint32_t *ms_left)
{
	return qatsec_claim_stopping(ms_left);
}

int
rte_pmd_qatsec_stop_callback_register(rte_pmd_qatsec_stop_cb_t cb,
		void *arg)
{
	return qatsec_claim_stop_callback(cb, arg);
}

int
rte_pmd_qatsec_service_stop(uint32_t grace_ms)
{
	return qatsec_claim_service_stop(grace_ms);
}

int
rte_pmd_qatsec_held_count(void)
{
	return (int)qatsec_claim_nb_held();
}
