/* SPDX-License-Identifier: BSD-3-Clause
 * qatsec-worker's parts: the RSA signatures it makes beside its bulk
 * traffic (qatsec-worker-rsa.c).
 */
#ifndef QATSEC_WORKER_H
#define QATSEC_WORKER_H

#include <stdint.h>

struct worker_rsa;

/* An RSA-2048 key and a CRT session of it on dev_id, its pools named
 * with tag; NULL (said on stderr) when the device refuses it.
 */
struct worker_rsa *worker_rsa_new(int dev_id, uint32_t tag);

/* One signature of a random SHA-256 digest by queue pair qp, verified by
 * OpenSSL: 0 verified, 1 wrong, -1 not made.
 */
int worker_rsa_sign_check(struct worker_rsa *r, int dev_id, uint16_t qp);

void worker_rsa_free(struct worker_rsa *r, int dev_id);

#endif /* QATSEC_WORKER_H */
