/* SPDX-License-Identifier: BSD-3-Clause
 * qatsec core: what every symmetric engine needs beside its library:
 * walking the segments of an mbuf chain, gathering and scattering a
 * region of one, and comparing tags in constant time.
 */
#ifndef QATSEC_SYM_UTIL_H
#define QATSEC_SYM_UTIL_H

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include <rte_mbuf.h>

/* Walks the len bytes at off of an mbuf chain, piece by piece. */
struct qatsec_seg_walk {
	struct rte_mbuf *m;
	uint32_t off;
	uint32_t left;
};

void qatsec_seg_walk_start(struct qatsec_seg_walk *w, struct rte_mbuf *m,
		uint32_t off, uint32_t len);

/* The next piece in *p, *n: 1; 0 at the end; -1 when the chain is
 * shorter than its pkt_len said.
 */
int qatsec_seg_walk_next(struct qatsec_seg_walk *w, uint8_t **p, uint32_t *n);

/* Copy len bytes at off of m to (to_mbuf) or from buf; -1 when the chain
 * is shorter than that.
 */
int qatsec_mbuf_copy(struct rte_mbuf *m, uint32_t off, uint32_t len,
		uint8_t *buf, bool to_mbuf);

/* Tags compared in constant time: how much of a forged tag is right must
 * not show in the time taken.
 */
static inline bool
qatsec_tag_eq(const uint8_t *a, const uint8_t *b, unsigned int len)
{
	uint64_t x = 0, u, v;
	unsigned int i = 0;

	for (; i + 8 <= len; i += 8) {
		memcpy(&u, a + i, 8);
		memcpy(&v, b + i, 8);
		x |= u ^ v;
	}
	for (; i < len; i++)
		x |= a[i] ^ b[i];
	return x == 0;
}

#endif /* QATSEC_SYM_UTIL_H */
