/* SPDX-License-Identifier: BSD-3-Clause
 * qatsec core: the engine seam. An engine computes crypto ops for soft
 * endpoints (intel-ipsec-mb, OpenSSL libcrypto, ...). Each engine lives in
 * a folder of its own under drivers/crypto/qatsec/engine/ and registers
 * itself from a constructor; the PMD glue and the soft backend know
 * engines only through this table, so a new engine touches no other layer.
 *
 * The table is process-local (it holds function pointers); what crosses
 * processes is the engine id, a value, in the first bytes of every session.
 */
#ifndef QATSEC_ENGINE_H
#define QATSEC_ENGINE_H

#include <stdint.h>

#include <cryptodev_pmd.h>
#include <rte_crypto.h>
#include <rte_cryptodev.h>

struct rte_security_capability;

/* Engine ids are stored in sessions (shared memory): never renumber. */
enum qatsec_engine_id {
	QATSEC_ENGINE_NONE = 0,
	QATSEC_ENGINE_IPSECMB = 1,	/* symmetric, intel-ipsec-mb */
	QATSEC_ENGINE_OPENSSL_SYM = 2,	/* symmetric, what ipsec-mb lacks */
	QATSEC_ENGINE_OPENSSL_ASYM = 3,	/* asymmetric, OpenSSL EVP */
	QATSEC_ENGINE_MAX,
};

/* First member of every engine's session private data. The datapath
 * routes an op to hdr.engine without knowing any engine's layout; the
 * engine then checks hdr.magic (its own value) before trusting the rest.
 */
struct qatsec_sess_hdr {
	uint32_t magic;
	uint8_t engine;			/* enum qatsec_engine_id */
	uint8_t reserved[3];
};

struct qatsec_engine {
	const char *name;
	uint8_t id;			/* enum qatsec_engine_id */
	uint8_t op_type;		/* enum rte_crypto_op_type it serves */
	/* What sessions can be made for, ended by an entry of op
	 * RTE_CRYPTO_OP_TYPE_UNDEFINED. session_configure() accepts exactly
	 * what is listed here.
	 */
	const struct rte_cryptodev_capabilities *capabilities;
	uint64_t feature_flags;		/* RTE_CRYPTODEV_FF_* it adds */
	/* Bytes of session private data it needs (header included). */
	unsigned int (*session_size)(void);
	/* Fill priv (session_size() bytes, any alignment) from xform
	 * (struct rte_crypto_sym_xform * or struct rte_crypto_asym_xform *,
	 * by op_type). Key material is copied by value: the session is used
	 * by every process of the group. Returns 0, -ENOTSUP (not served:
	 * the next engine of the op type may take it) or -EINVAL/-ENOMEM.
	 */
	int (*session_configure)(void *priv, const void *xform);
	/* Wipe what session_configure() wrote. */
	void (*session_clear)(void *priv);
	/* Compute ops, all routed to this engine, in the calling thread.
	 * Every op gets its final status here; none is dropped or
	 * reordered. Returns how many did not succeed, or -ENOMEM (no op
	 * touched) when the thread's state cannot be made.
	 */
	int (*process)(struct rte_crypto_op **ops, uint16_t nb_ops);
	/* Optional (NULL: not offered), symmetric engines: compute the
	 * vec->num operations of one session sess (a struct
	 * rte_cryptodev_sym_session this engine configured) on the buffers
	 * vec describes, in the calling thread, as CPU crypto and the raw
	 * data-path API give them: regions by head/tail offsets in ofs,
	 * lengths in bytes (the 3GPP algorithms too), IV, digest and
	 * AAD or auth IV by pointer (the CCM IV and AAD laid out as in an op).
	 * Writes vec->status[i]: 0, EBADMSG (digest mismatch), EINVAL
	 * (what an op would fail with INVALID_ARGS) or another errno.
	 * Returns how many succeeded.
	 */
	uint32_t (*vec_process)(void *sess, union rte_crypto_sym_ofs ofs,
		struct rte_crypto_sym_vec *vec);
	/* Optional (NULL: none), symmetric engines: rte_security lookaside
	 * sessions. sec_session_configure fills priv (session_size() bytes)
	 * from conf (struct rte_security_session_conf *), answering as
	 * session_configure does; their ops come to process() with sess_type
	 * RTE_CRYPTO_OP_SECURITY_SESSION. sec_capabilities lists what it
	 * accepts, ended by an entry of action RTE_SECURITY_ACTION_TYPE_NONE.
	 */
	int (*sec_session_configure)(void *priv, const void *conf);
	const struct rte_security_capability *sec_capabilities;
};

/* Called from each engine's constructor. */
void qatsec_engine_register(const struct qatsec_engine *e);

/* The engine registered with id, or NULL. */
const struct qatsec_engine *qatsec_engine_get(unsigned int id);

/* Ops no engine's session routes: sessionless symmetric ops are computed
 * on a session of the calling thread's own, made by the first symmetric
 * engine that accepts the op's xform; any other op fails with
 * INVALID_SESSION. Every op gets its final status; returns how many did
 * not succeed.
 */
int qatsec_engine_sessionless(struct rte_crypto_op **ops, uint16_t n);

/* The largest symmetric session private data of the registered engines. */
size_t qatsec_engine_sym_priv_max(void);

/* A symmetric session of xf in priv (qatsec_engine_sym_priv_max() bytes)
 * by the first engine that accepts it, in id order; NULL and *ret (the
 * last engine's answer, -ENOTSUP when none took it) otherwise.
 */
const struct qatsec_engine *qatsec_engine_sym_configure(void *priv,
		const struct rte_crypto_sym_xform *xf, int *ret);

/* The session private data of op, or NULL when it has none to read
 * (sessionless, no session, or an op type no engine serves).
 */
static inline const struct qatsec_sess_hdr *
qatsec_op_sess_hdr(const struct rte_crypto_op *op)
{
	/* A security session's private data sits where a cryptodev
	 * session's does (the second cache line of both).
	 */
	if (op->sess_type == RTE_CRYPTO_OP_SECURITY_SESSION &&
			op->type == RTE_CRYPTO_OP_TYPE_SYMMETRIC)
		return op->sym->session == NULL ? NULL :
			(const void *)((const struct rte_cryptodev_sym_session *)
				op->sym->session)->driver_priv_data;
	if (op->sess_type != RTE_CRYPTO_OP_WITH_SESSION)
		return NULL;
	if (op->type == RTE_CRYPTO_OP_TYPE_SYMMETRIC)
		return op->sym->session == NULL ? NULL :
			(const void *)((const struct rte_cryptodev_sym_session *)
				op->sym->session)->driver_priv_data;
	if (op->type == RTE_CRYPTO_OP_TYPE_ASYMMETRIC)
		return op->asym->session == NULL ? NULL :
			(const void *)((const struct rte_cryptodev_asym_session *)
				op->asym->session)->sess_private_data;
	return NULL;
}

#endif /* QATSEC_ENGINE_H */
