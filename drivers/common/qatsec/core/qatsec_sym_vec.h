/* SPDX-License-Identifier: BSD-3-Clause
 * qatsec core: symmetric operations given as buffer vectors (CPU crypto and
 * the raw data-path API, struct rte_crypto_sym_vec) run through an engine's
 * op datapath. Each operation becomes an op of the calling thread's own,
 * over mbuf headers that describe the vector's segments in place (no
 * copy): every algorithm, chain and buffer shape an op may take is then
 * served, and checked, exactly as for ops. Engines say where their
 * session reads the IVs (struct qatsec_vec_shape); nothing else of a
 * session is known here.
 */
#ifndef QATSEC_SYM_VEC_H
#define QATSEC_SYM_VEC_H

#include <stdint.h>

#include <rte_crypto.h>
#include <rte_crypto_sym.h>

#define QATSEC_VEC_CIPHER	0x01	/* the session has a cipher region */
#define QATSEC_VEC_AUTH		0x02	/* ... an auth region */
#define QATSEC_VEC_AEAD		0x04	/* ... one AEAD region (op->sym->aead) */
#define QATSEC_VEC_C_BITS	0x08	/* op cipher regions are in bits */
#define QATSEC_VEC_A_BITS	0x10	/* op auth regions are in bits */
#define QATSEC_VEC_IV_IN_AUTH_IV 0x20	/* GMAC: vec->auth_iv may carry the IV */

/* How one engine's session reads an op, for the vector's pointers. */
struct qatsec_vec_shape {
	uint16_t iv_off;	/* where in the op the session reads its IV */
	uint16_t iv_len;
	uint16_t auth_iv_off;
	uint16_t auth_iv_len;
	uint8_t iv_skip;	/* bytes of vec->iv before the IV (CCM: 1) */
	uint8_t flags;		/* QATSEC_VEC_* */
};

/* The ops path of an engine (struct qatsec_engine.process). */
typedef int (*qatsec_vec_process_fn)(struct rte_crypto_op **ops,
		uint16_t nb_ops);

/* Computes the vec->num operations of session sess (a struct
 * rte_cryptodev_sym_session) with process, one op at a time, as the
 * engine seam's vec_process: writes vec->status[i] (0, EBADMSG, EINVAL,
 * ENOTSUP, EIO or ENOMEM) and returns how many succeeded.
 */
uint32_t qatsec_sym_vec_run(void *sess, const struct qatsec_vec_shape *shape,
		union rte_crypto_sym_ofs ofs, struct rte_crypto_sym_vec *vec,
		qatsec_vec_process_fn process);

/* Every operation of vec fails with err (a session that is not the
 * engine's); returns 0.
 */
uint32_t qatsec_sym_vec_fail(struct rte_crypto_sym_vec *vec, int32_t err);

#endif /* QATSEC_SYM_VEC_H */
