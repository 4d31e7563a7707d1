/* SPDX-License-Identifier: BSD-3-Clause
 * What kat_dev.c (pools) and kat_run.c (the job runner) share: the layout
 * of an op's private area and the runner's patience.
 */
#ifndef KAT_DEV_PRIVATE_H
#define KAT_DEV_PRIVATE_H

#include <rte_crypto.h>

/*
 * Per-op private area (after the sym op): IV, auth IV, then the AAD area.
 * CCM needs 18 reserved bytes before the AAD and room to pad it to a
 * multiple of 16 (rte_crypto_sym.h); PMDs may scribble on both.
 */
#define KAT_IV_OFF	(sizeof(struct rte_crypto_op) + sizeof(struct rte_crypto_sym_op))
#define KAT_AIV_OFF	(KAT_IV_OFF + 16)
#define KAT_AAD_OFF	(KAT_IV_OFF + 32)
#define KAT_AAD_AREA	RTE_ALIGN_CEIL(18 + KAT_MAX_AAD + 16, 64)
#define KAT_OP_PRIV	(32 + KAT_AAD_AREA)

#define KAT_ENQ_TRIES	4	/* zero-accepting enqueues before "rejected" */

#endif /* KAT_DEV_PRIVATE_H */
