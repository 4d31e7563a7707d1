/* SPDX-License-Identifier: BSD-3-Clause
 * qatsec core: mbuf segment walking and copies for the engines
 * (qatsec_sym_util.h).
 */
#include "qatsec_sym_util.h"

void
qatsec_seg_walk_start(struct qatsec_seg_walk *w, struct rte_mbuf *m,
		uint32_t off, uint32_t len)
{
	while (m != NULL && off >= m->data_len && len != 0) {
		off -= m->data_len;
		m = m->next;
	}
	w->m = m;
	w->off = off;
	w->left = len;
}

int
qatsec_seg_walk_next(struct qatsec_seg_walk *w, uint8_t **p, uint32_t *n)
{
	if (w->left == 0)
		return 0;
	if (w->m == NULL)
		return -1;
	*n = RTE_MIN((uint32_t)w->m->data_len - w->off, w->left);
	*p = rte_pktmbuf_mtod_offset(w->m, uint8_t *, w->off);
	w->left -= *n;
	w->m = w->m->next;
	w->off = 0;
	return 1;
}

int
qatsec_mbuf_copy(struct rte_mbuf *m, uint32_t off, uint32_t len, uint8_t *buf,
		bool to_mbuf)
{
	struct qatsec_seg_walk w;
	uint8_t *p;
	uint32_t n;
	int more;

	qatsec_seg_walk_start(&w, m, off, len);
	while ((more = qatsec_seg_walk_next(&w, &p, &n)) > 0) {
		if (to_mbuf)
			memcpy(p, buf, n);
		else
			memcpy(buf, p, n);
		buf += n;
	}
	return more;
}
