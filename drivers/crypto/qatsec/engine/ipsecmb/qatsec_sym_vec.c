/* SPDX-License-Identifier: BSD-3-Clause
 * ipsec-mb engine: operations given as buffer vectors (CPU crypto and the
 * raw data-path API). The core runs each as an op of the calling thread's
 * own through this engine's datapath (qatsec_sym_vec_run); this file only
 * says where an ipsec-mb session reads what a vector carries.
 */
#include <errno.h>

#include <cryptodev_pmd.h>

#include "qatsec_sym_private.h"
#include "qatsec_sym_vec.h"

static void
qatsec_vec_shape_of(const struct qatsec_sym_sess *s, struct qatsec_vec_shape *sh)
{
	sh->iv_off = s->iv_off;
	sh->iv_len = s->iv_len;
	sh->auth_iv_off = s->auth_iv_off;
	sh->auth_iv_len = s->auth_iv_len;
	/* CCM's nonce follows a flags byte; GMAC's IV is its auth IV. */
	sh->iv_skip = s->job_union == QATSEC_JOB_U_CCM;
	if (s->flags & F_AEAD) {
		sh->flags = QATSEC_VEC_AEAD;
		return;
	}
	sh->flags = ((s->flags & F_CIPHER) ? QATSEC_VEC_CIPHER : 0) |
		((s->flags & F_AUTH) ? QATSEC_VEC_AUTH : 0) |
		((s->bits & (B_C_BITS | B_C_BYTES)) ? QATSEC_VEC_C_BITS : 0) |
		((s->bits & (B_A_BITS | B_A_BYTES)) ? QATSEC_VEC_A_BITS : 0) |
		(s->kind == QATSEC_KIND_GMAC ? QATSEC_VEC_IV_IN_AUTH_IV : 0);
}

uint32_t
qatsec_sym_vec_process(void *sess, union rte_crypto_sym_ofs ofs,
		struct rte_crypto_sym_vec *vec)
{
	const struct qatsec_sym_sess *s = CRYPTODEV_GET_SYM_SESS_PRIV(sess);
	struct qatsec_vec_shape sh;

	if (s->hdr.magic != QATSEC_SESS_MAGIC)
		return qatsec_sym_vec_fail(vec, EINVAL);
	qatsec_vec_shape_of(s, &sh);
	return qatsec_sym_vec_run(sess, &sh, ofs, vec, qatsec_sym_process);
}
