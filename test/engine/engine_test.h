/* SPDX-License-Identifier: BSD-3-Clause
 * The engine tests' harness: one op through an engine by direct call
 * (no cryptodev, no PMD), in any of six buffer modes, with guard bytes.
 */
#ifndef ENGINE_TEST_H
#define ENGINE_TEST_H

#include <stdbool.h>
#include <stdint.h>

#include <rte_crypto.h>

#include "qatsec_engine.h"

#define ET_IV_OFFSET	(sizeof(struct rte_crypto_op) + \
	sizeof(struct rte_crypto_sym_op))
#define ET_LEN_MAX	20000	/* longest region (SHA3 LongMsg: 14 644) */

struct et_mode {
	const char *name;
	bool oop, src_seg, dst_seg;
};

extern const struct et_mode et_modes[6];

/* One op: xform chain, the region (cipher and auth over the same bytes),
 * IV, AAD, digest (read for verify, written for generate).
 */
struct et_job {
	const struct rte_crypto_sym_xform *xf;
	const uint8_t *in;
	uint32_t len;
	const uint8_t *iv;	/* CCM: the nonce */
	uint16_t iv_len;
	const uint8_t *aad;
	uint16_t aad_len;
	uint8_t *digest;
	bool aead;
};

/* Harness failures (not the engine's): reported as such. */
#define ET_HARNESS	0xfe
#define ET_GUARD	0xfd	/* a byte outside the region changed */

/* EAL, pools; with dev (a cryptodev name prefix), et_run() goes through
 * that device; ref (or NULL) names a reference device et_use_ref() can
 * switch to. Returns the EAL's argument count, or -1.
 */
int et_init(int argc, char **argv, unsigned int engine_id, const char *dev,
		const char *ref);
bool et_through_dev(void);
/* et_run() on the reference device (true) or back on dev; false when
 * there is no reference.
 */
bool et_use_ref(bool ref);
/* Run j in mode m: the op's status, the region's bytes in out. */
uint8_t et_run(const struct et_job *j, const struct et_mode *m, uint8_t *out);
/* Session configure result for xf (0, -ENOTSUP, -EINVAL). */
int et_configure(const struct rte_crypto_sym_xform *xf);
/* The engine and a session made for xf, for hand-made ops. */
const struct qatsec_engine *et_engine(void);
void *et_session(const struct rte_crypto_sym_xform *xf);
struct rte_mempool *et_op_pool(void);
struct rte_mempool *et_mbuf_pool(void);

/* TAP */
void et_ok(bool ok, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int et_done(void);
uint32_t et_rand(void);

#endif /* ENGINE_TEST_H */
