/* SPDX-License-Identifier: BSD-3-Clause
 * ipsec-mb engine: ZUC-128 EEA3 and EIA3 (generate) through ipsec-mb's
 * direct multi-buffer API instead of jobs. A burst's in-place ops of such
 * sessions gather in one run: one EEA3 call ciphers all of them, then one
 * EIA3 call makes all their MACs (the order of cipher-then-auth), both
 * done when the calls return. The job API's lanes are filled and flushed
 * per burst instead, and its checks run per job: at 64 bytes the run costs
 * about half as much (doc/guides/perf/index.rst). The datapath checks here
 * what ipsec-mb's job check would, so its calls never see a bad buffer.
 */
#include <string.h>

#include <rte_crypto.h>

#include "qatsec_sym_private.h"

bool
qatsec_zuc_fits(const struct qatsec_sym_sess *s, const struct qatsec_req *r)
{
	if (r->dst != NULL)
		return false;
	if ((s->zuc_run & QATSEC_ZUC_CIPHER) &&
			(r->c_len == 0 || r->c_len > QATSEC_ZUC_MAX_BYTES))
		return false;
	if ((s->zuc_run & QATSEC_ZUC_AUTH) &&
			(r->a_bits == 0 || r->a_bits > QATSEC_ZUC_MAX_BITS))
		return false;
	return true;
}

void
qatsec_zuc_add(struct qatsec_zuc_run *z, struct rte_crypto_op *op,
		const struct qatsec_sym_sess *s, const struct qatsec_req *r,
		uint8_t *base, uint8_t *tag)
{
	const uint8_t *keys = qatsec_keys(s);
	uint32_t k = z->n++;

	z->op[k] = op;
	z->digest[k] = r->digest;
	if (s->zuc_run & QATSEC_ZUC_CIPHER) {
		z->ckey[k] = keys + KEY_3GPP_CIPHER;
		z->civ[k] = r->iv;
		z->cbuf[k] = base + r->c_off;
		z->clen[k] = r->c_len;
	}
	if (s->zuc_run & QATSEC_ZUC_AUTH) {
		z->akey[k] = keys + KEY_3GPP_AUTH;
		z->aiv[k] = r->auth_iv;
		z->abuf[k] = base + r->a_off;
		z->abits[k] = r->a_bits;
		z->tag[k] = (uint32_t *)tag;
	}
}

uint32_t
qatsec_zuc_run(IMB_MGR *mgr, struct qatsec_zuc_run *z)
{
	uint32_t k, n = z->n;

	if (n == 0)
		return 0;
	z->n = 0;
	if (z->cls & QATSEC_ZUC_CIPHER)
		IMB_ZUC_EEA3_N_BUFFER(mgr, z->ckey, z->civ,
			(const void * const *)z->cbuf, z->cbuf, z->clen, n);
	if (z->cls & QATSEC_ZUC_AUTH)
		IMB_ZUC_EIA3_N_BUFFER(mgr, z->akey, z->aiv,
			(const void * const *)z->abuf, z->abits, z->tag, n);
	/* These calls report nothing (Debian builds ipsec-mb without
	 * SAFE_PARAM): every pointer and length was checked before.
	 */
	for (k = 0; k < n; k++) {
		if (z->cls & QATSEC_ZUC_AUTH)
			memcpy(z->digest[k], z->tag[k], 4);
		z->op[k]->status = RTE_CRYPTO_OP_STATUS_SUCCESS;
	}
	return 0;
}
