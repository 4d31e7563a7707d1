/* SPDX-License-Identifier: BSD-3-Clause
 * ipsec-mb engine: turns cryptodev symmetric
 * xforms into a session and serves bursts of ops with intel-ipsec-mb.
 * A session holds only values (expanded keys, lengths, modes), never a
 * pointer, so one made in any process of a DPDK group works in all of them.
 * The IMB_MGR is per process and per thread (qatsec_sym_mgr()).
 */
#ifndef QATSEC_SYM_H
#define QATSEC_SYM_H

#include <stdint.h>

#include <rte_crypto.h>
#include <rte_cryptodev.h>
#include <rte_security.h>

#include <intel-ipsec-mb.h>

/* Capabilities the engine serves, terminated by RTE_CRYPTO_OP_TYPE_UNDEFINED.
 * Exactly what works: anything else fails at session creation.
 */
extern const struct rte_cryptodev_capabilities qatsec_sym_capabilities[];

/* Bytes of session private data the PMD must reserve. */
unsigned int qatsec_sym_session_size(void);

/* Fill sess (qatsec_sym_session_size() bytes) from a chain of xforms.
 * Returns 0, -ENOTSUP (an algorithm, mode, key/iv/digest/aad length or chain
 * the capabilities do not list) or -EINVAL (malformed chain).
 */
int qatsec_sym_session_configure(void *sess, const void *xform);

/* Wipe key material. */
void qatsec_sym_session_clear(void *sess);

/* The calling thread's ipsec-mb manager, created on first use (best
 * architecture the CPU supports); NULL when it cannot be allocated.
 */
IMB_MGR *qatsec_sym_mgr(void);

/* Process ops synchronously with the calling thread's manager. Every op
 * gets a final status (SUCCESS, AUTH_FAILED, INVALID_ARGS, INVALID_SESSION,
 * ERROR); none is dropped or reordered. Ops must carry a session made by
 * qatsec_sym_session_configure (sessionless ops complete with INVALID_SESSION).
 * Returns how many ops did not succeed, or -ENOMEM (no ops touched) when
 * the thread's manager cannot be made.
 */
int qatsec_sym_process(struct rte_crypto_op **ops, uint16_t nb_ops);

/* The engine seam's vec_process: operations given as buffer vectors (CPU
 * crypto, raw data path) on session sess, each run as an op through
 * qatsec_sym_process. Returns how many succeeded.
 */
uint32_t qatsec_sym_vec_process(void *sess, union rte_crypto_sym_ofs ofs,
		struct rte_crypto_sym_vec *vec);

/* rte_security DOCSIS sessions (qatsec_sym_docsis.c): the seam's
 * sec_session_configure (conf: struct rte_security_session_conf *) and
 * what it serves.
 */
extern const struct rte_security_capability qatsec_sym_sec_capabilities[];
int qatsec_sym_sec_configure(void *priv, const void *conf);

#endif /* QATSEC_SYM_H */
