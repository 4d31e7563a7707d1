/* SPDX-License-Identifier: BSD-3-Clause
 * qatsec engine openssl_asym: internals shared by its files. The session
 * (shared memory: key material by value, no pointers), the per-thread cache
 * of OpenSSL objects built from it (qatsec_asym_cache.c), the big-number
 * helpers every op uses, and one entry point per op family (RSA, EC,
 * DH/DSA/modular ops).
 */
#ifndef QATSEC_ASYM_PRIVATE_H
#define QATSEC_ASYM_PRIVATE_H

#include <stdbool.h>
#include <stdint.h>

#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>
#include <openssl/params.h>

#include <rte_crypto_asym.h>

#include "qatsec_engine.h"

#define QATSEC_ASYM_MAGIC	0x41a5e7c1u

/* Largest modulus (RSA n, DH/DSA p, modexp/modinv modulus): 8192 bits. */
#define QATSEC_ASYM_MOD_MAX	1024
#define QATSEC_ASYM_RSA_MIN	128	/* RSA-1024 */
#define QATSEC_ASYM_DH_MIN	64	/* OpenSSL refuses DH below 512 bits */
#define QATSEC_ASYM_DSA_MIN	64
#define QATSEC_ASYM_DSA_QMIN	20	/* 160 .. 256-bit subgroups (FIPS 186) */
#define QATSEC_ASYM_DSA_QMAX	32
/* Widest EC field or order (P-521). */
#define QATSEC_ASYM_EC_MAX	66

/* Numbers of a session: slot index per xform type. */
enum {
	N_RSA_N, N_RSA_E, N_RSA_D, N_RSA_P, N_RSA_Q, N_RSA_DP, N_RSA_DQ,
	N_RSA_QINV,
	QATSEC_ASYM_NUMS
};
#define N_MOD_M		0	/* modexp and modinv modulus */
#define N_MOD_E		1	/* modexp exponent */
#define N_DH_P		0
#define N_DH_G		1
#define N_DSA_P		0
#define N_DSA_Q		1
#define N_DSA_G		2
#define N_DSA_X		3

/* RSA-8192 CRT key (n, e, d computed, five CRT numbers): 3 * 1024 +
 * 5 * 512 bytes, the largest session.
 */
#define QATSEC_ASYM_DATA_MAX	(3 * QATSEC_ASYM_MOD_MAX + \
				 5 * QATSEC_ASYM_MOD_MAX / 2)

struct qatsec_asym_num {
	uint16_t off;
	uint16_t len;		/* leading zero bytes stripped */
};

struct qatsec_asym_sess {
	struct qatsec_sess_hdr hdr;
	uint8_t xform_type;	/* enum rte_crypto_asym_xform_type */
	uint8_t key_type;	/* RSA: enum rte_crypto_rsa_priv_key_type */
	uint16_t curve;		/* EC: enum rte_crypto_curve_id */
	/* Random per configuration: with the session's address it keys the
	 * per-thread cache, so a freed and reused session address never
	 * meets objects built from the old key.
	 */
	uint64_t uid;
	uint16_t used;
	uint16_t reserved[3];
	struct qatsec_asym_num num[QATSEC_ASYM_NUMS];
	uint8_t data[QATSEC_ASYM_DATA_MAX];
};

/* One per-thread cache entry: OpenSSL objects built from one session. */
struct qatsec_asym_cent {
	const void *sess;
	uint64_t uid;
	EVP_PKEY *pkey;		/* RSA key, DH domain, DSA private key */
	EVP_PKEY_CTX *ctx;	/* on pkey ... */
	uint64_t mode;		/* ... set up for this op mode (0: none) */
	BIGNUM *m, *e;		/* modexp/modinv/DH: modulus and exponent */
	BN_MONT_CTX *mont;	/* of an odd m */
};

/* Per-thread state of an EC curve: group and the last keys used, keyed
 * by their bytes (ECDSA keys come with each op).
 */
struct qatsec_asym_curve {
	EC_GROUP *group;
	const BIGNUM *order;	/* owned by group */
	BIGNUM *prime;		/* of the field: coordinates are below it */
	unsigned int fbytes;	/* field element bytes */
	unsigned int obytes;	/* order bytes */
	EVP_PKEY *priv;		/* last signing key ... */
	EVP_PKEY_CTX *priv_ctx;	/* set up for signing */
	uint8_t priv_raw[QATSEC_ASYM_EC_MAX];	/* ... and its scalar */
	EVP_PKEY *pub;		/* last verifying key ... */
	EVP_PKEY_CTX *pub_ctx;	/* set up for verifying */
	uint8_t pub_raw[1 + 2 * QATSEC_ASYM_EC_MAX];	/* ... encoded */
};

/* Thread state. */
struct qatsec_asym_thread;

/* qatsec_asym_cache.c */
struct qatsec_asym_thread *qatsec_asym_thread_get(void);
BN_CTX *qatsec_asym_bn_ctx(struct qatsec_asym_thread *t);
/* The entry of sess for this thread; a fresh (zeroed) one when the cache
 * held something else there. NULL for sessionless ops (no caching).
 */
struct qatsec_asym_cent *qatsec_asym_cent(struct qatsec_asym_thread *t,
	const struct qatsec_asym_sess *s, struct qatsec_asym_cent *tmp);
void qatsec_asym_cent_release(struct qatsec_asym_cent *c);
/* Free c's objects, keep it keyed (a build that failed half-way). */
void qatsec_asym_cent_release_objs(struct qatsec_asym_cent *c);
void qatsec_asym_cache_drop(const struct qatsec_asym_sess *s);
/* The thread's state of curve, or NULL for a curve not served. */
struct qatsec_asym_curve *qatsec_asym_curve_get(struct qatsec_asym_thread *t,
	unsigned int curve);
const EVP_MD *qatsec_asym_md(struct qatsec_asym_thread *t,
	enum rte_crypto_auth_algorithm a);
/* OpenSSL's NID of a DPDK curve id, NID_undef for one not served. */
int qatsec_asym_curve_nid(unsigned int curve);

/* qatsec_asym_session.c */
unsigned int qatsec_asym_session_size(void);
int qatsec_asym_session_configure(void *priv, const void *xform);
void qatsec_asym_session_clear(void *priv);
/* Bytes of number i of s (NULL with *len 0 when empty). */
const uint8_t *qatsec_asym_num(const struct qatsec_asym_sess *s,
	unsigned int i, size_t *len);
BIGNUM *qatsec_asym_num_bn(const struct qatsec_asym_sess *s, unsigned int i);

/* qatsec_asym_cache.c: input and output of numbers. */
/* p without its leading zero bytes; false when p is unusable (NULL data
 * with a length, or longer than max after stripping).
 */
bool qatsec_asym_in(const rte_crypto_param *p, size_t max,
	const uint8_t **d, size_t *len);
BIGNUM *qatsec_asym_in_bn(const rte_crypto_param *p, size_t max);
/* Write bn into out, left-padded to pad bytes (0: minimal); the caller's
 * length, when not 0, is the room it has. Sets out->length. False when
 * out has no room or no data pointer.
 */
bool qatsec_asym_out_bn(rte_crypto_param *out, const BIGNUM *bn,
	size_t pad);
bool qatsec_asym_out_room(const rte_crypto_param *out, size_t need);

/* Per op family: fill op->status (never left NOT_PROCESSED). */
void qatsec_asym_rsa(struct qatsec_asym_thread *t,
	const struct qatsec_asym_sess *s, struct qatsec_asym_cent *c,
	struct rte_crypto_op *op);
void qatsec_asym_mod(struct qatsec_asym_thread *t,
	const struct qatsec_asym_sess *s, struct qatsec_asym_cent *c,
	struct rte_crypto_op *op);
void qatsec_asym_dh(struct qatsec_asym_thread *t,
	const struct qatsec_asym_sess *s, struct qatsec_asym_cent *c,
	struct rte_crypto_op *op);
void qatsec_asym_dsa(struct qatsec_asym_thread *t,
	const struct qatsec_asym_sess *s, struct qatsec_asym_cent *c,
	struct rte_crypto_op *op);
void qatsec_asym_ec(struct qatsec_asym_thread *t,
	const struct qatsec_asym_sess *s, struct rte_crypto_op *op);

/* qatsec_asym_mod.c: an EVP_PKEY of type from the parameters in bld
 * (freed), with selection sel (EVP_PKEY_KEYPAIR, ...).
 */
EVP_PKEY *qatsec_asym_pkey(const char *type, int sel, OSSL_PARAM_BLD *bld);

/* qatsec_asym_dsa.c, shared with ECDSA. The leftmost bits of the digest
 * m, as many as the group order q has (FIPS 186-4 4.6 and 6.4).
 */
BIGNUM *qatsec_asym_digest_bn(const uint8_t *m, size_t len, const BIGNUM *q);
/* sg = k^-1 (h + x r) mod n, nonzero; 1 on success. */
int qatsec_asym_sig_s(BIGNUM *sg, const BIGNUM *k, const BIGNUM *h,
	const BIGNUM *x, const BIGNUM *r, const BIGNUM *n, BN_CTX *bn);
/* EVP_PKEY_verify of (r, s), DER-encoded as (EC)DSA-Sig-Value; an op
 * status (AUTH_FAILED for a signature that does not verify). ready: ctx
 * is already set up for verifying.
 */
int qatsec_asym_verify_der(EVP_PKEY_CTX *ctx, const BIGNUM *r,
	const BIGNUM *s, const uint8_t *m, size_t mlen, bool ec, bool ready);

/* qatsec_asym_caps.c */
extern const struct rte_cryptodev_capabilities qatsec_asym_capabilities[];
int qatsec_asym_process(struct rte_crypto_op **ops, uint16_t nb_ops);

#endif /* QATSEC_ASYM_PRIVATE_H */
