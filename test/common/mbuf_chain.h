/* SPDX-License-Identifier: BSD-3-Clause
 * The one builder of segmented packets of the C tests: a chain of mbufs
 * with the segment lengths and headrooms the test chose, each buffer
 * optionally filled with a guard byte first (to catch stray writes), the
 * data written by the test's callback.
 */
#ifndef QATSEC_TEST_MBUF_CHAIN_H
#define QATSEC_TEST_MBUF_CHAIN_H

#include <stdint.h>

#include <rte_mbuf.h>

/* Writes the n bytes of the packet at [pos, pos + n) to dst. */
typedef void (*mbuf_chain_fill_fn)(void *arg, uint8_t *dst, uint32_t pos,
		uint32_t n);

struct mbuf_chain_spec {
	unsigned int nb_segs;
	const uint32_t *seg_len;	/* nb_segs data lengths */
	const uint16_t *headroom;	/* nb_segs data offsets; NULL: the pool's */
	int guard;			/* >= 0: each whole buffer set to it first */
	mbuf_chain_fill_fn fill;
	void *arg;
};

/* The chain from mp, or NULL (nothing left allocated) if it cannot be. */
struct rte_mbuf *mbuf_chain(struct rte_mempool *mp,
		const struct mbuf_chain_spec *spec);

#endif /* QATSEC_TEST_MBUF_CHAIN_H */
