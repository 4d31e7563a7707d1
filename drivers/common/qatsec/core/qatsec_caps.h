/* SPDX-License-Identifier: BSD-3-Clause
 * qatsec core: how engines write their capability tables (one form for
 * all, which doc/check_features.py reads to check the driver guide's
 * feature table) and look their own tables up when they make a session.
 */
#ifndef QATSEC_CAPS_H
#define QATSEC_CAPS_H

#include <stdbool.h>
#include <stdint.h>

#include <rte_cryptodev.h>

#define QATSEC_RANGE(lo, hi, inc) { .min = (lo), .max = (hi), .increment = (inc) }

#define QATSEC_CAP_CIPHER_DU(alg, blk, key, iv, du) { \
	.op = RTE_CRYPTO_OP_TYPE_SYMMETRIC, \
	.sym = { .xform_type = RTE_CRYPTO_SYM_XFORM_CIPHER, \
		.cipher = { .algo = (alg), .block_size = (blk), \
			.key_size = key, .iv_size = iv, .dataunit_set = (du) } } }

/* Not through QATSEC_CAP_CIPHER_DU: the ranges are brace lists, whose
 * commas a nested macro call would split.
 */
#define QATSEC_CAP_CIPHER(alg, blk, key, iv) { \
	.op = RTE_CRYPTO_OP_TYPE_SYMMETRIC, \
	.sym = { .xform_type = RTE_CRYPTO_SYM_XFORM_CIPHER, \
		.cipher = { .algo = (alg), .block_size = (blk), \
			.key_size = key, .iv_size = iv, .dataunit_set = 0 } } }

#define QATSEC_CAP_AUTH(alg, blk, key, dig, iv) { \
	.op = RTE_CRYPTO_OP_TYPE_SYMMETRIC, \
	.sym = { .xform_type = RTE_CRYPTO_SYM_XFORM_AUTH, \
		.auth = { .algo = (alg), .block_size = (blk), \
			.key_size = key, .digest_size = dig, \
			.aad_size = QATSEC_RANGE(0, 0, 0), .iv_size = iv } } }

#define QATSEC_CAP_AEAD(alg, blk, key, dig, aad, iv) { \
	.op = RTE_CRYPTO_OP_TYPE_SYMMETRIC, \
	.sym = { .xform_type = RTE_CRYPTO_SYM_XFORM_AEAD, \
		.aead = { .algo = (alg), .block_size = (blk), \
			.key_size = key, .digest_size = dig, \
			.aad_size = aad, .iv_size = iv } } }

/* What every symmetric engine behind the soft backend offers beyond its
 * algorithms: chains, and in-place and out-of-place SGL in every form.
 */
#define QATSEC_FF_SYM_SOFT (RTE_CRYPTODEV_FF_SYMMETRIC_CRYPTO | \
	RTE_CRYPTODEV_FF_SYM_OPERATION_CHAINING | \
	RTE_CRYPTODEV_FF_IN_PLACE_SGL | \
	RTE_CRYPTODEV_FF_OOP_SGL_IN_SGL_OUT | \
	RTE_CRYPTODEV_FF_OOP_SGL_IN_LB_OUT | \
	RTE_CRYPTODEV_FF_OOP_LB_IN_SGL_OUT | \
	RTE_CRYPTODEV_FF_OOP_LB_IN_LB_OUT)

/* Whether v is one of r's values. */
bool qatsec_range_has(const struct rte_crypto_param_range *r, uint32_t v);

/* The symmetric entry of caps (ended by RTE_CRYPTO_OP_TYPE_UNDEFINED) for
 * xform type and algorithm, or NULL.
 */
const struct rte_cryptodev_symmetric_capability *
qatsec_sym_cap_find(const struct rte_cryptodev_capabilities *caps,
		enum rte_crypto_sym_xform_type type, int algo);

/* The algorithm of a symmetric entry, whatever its xform type. */
int qatsec_sym_cap_algo(const struct rte_cryptodev_symmetric_capability *c);

/* A hash with a key of any length (HMAC) or with none, and its digest
 * truncated to any length from 1 byte.
 */
#define QATSEC_CAP_HMAC(algo, block, digest) \
	QATSEC_CAP_AUTH(algo, block, QATSEC_RANGE(1, 65535, 1), \
		QATSEC_RANGE(1, digest, 1), QATSEC_RANGE(0, 0, 0))
#define QATSEC_CAP_HASH(algo, block, digest) \
	QATSEC_CAP_AUTH(algo, block, QATSEC_RANGE(0, 0, 0), \
		QATSEC_RANGE(1, digest, 1), QATSEC_RANGE(0, 0, 0))

/* SHA-1 and SHA-2, plain and HMAC, as every symmetric engine that has them
 * lists them: the same ranges in each keeps the device's merged list
 * unchanged.
 */
#define QATSEC_CAPS_SHA1_SHA2 \
	QATSEC_CAP_HMAC(RTE_CRYPTO_AUTH_SHA1_HMAC, 64, 20), \
	QATSEC_CAP_HMAC(RTE_CRYPTO_AUTH_SHA224_HMAC, 64, 28), \
	QATSEC_CAP_HMAC(RTE_CRYPTO_AUTH_SHA256_HMAC, 64, 32), \
	QATSEC_CAP_HMAC(RTE_CRYPTO_AUTH_SHA384_HMAC, 128, 48), \
	QATSEC_CAP_HMAC(RTE_CRYPTO_AUTH_SHA512_HMAC, 128, 64), \
	QATSEC_CAP_HASH(RTE_CRYPTO_AUTH_SHA1, 64, 20), \
	QATSEC_CAP_HASH(RTE_CRYPTO_AUTH_SHA224, 64, 28), \
	QATSEC_CAP_HASH(RTE_CRYPTO_AUTH_SHA256, 64, 32), \
	QATSEC_CAP_HASH(RTE_CRYPTO_AUTH_SHA384, 128, 48), \
	QATSEC_CAP_HASH(RTE_CRYPTO_AUTH_SHA512, 128, 64)

#endif /* QATSEC_CAPS_H */
