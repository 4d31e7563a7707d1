/* SPDX-License-Identifier: BSD-3-Clause
 * The segmented-packet builder of the C tests (see mbuf_chain.h).
 */
#include <string.h>

#include "mbuf_chain.h"

/* One segment: allocated, guarded, placed and filled; NULL on failure. */
static struct rte_mbuf *
segment(struct rte_mempool *mp, const struct mbuf_chain_spec *s,
		unsigned int i, uint32_t pos)
{
	struct rte_mbuf *m;
	uint8_t *p;

	if (s->seg_len[i] > UINT16_MAX)
		return NULL;
	m = rte_pktmbuf_alloc(mp);
	if (m == NULL)
		return NULL;
	if (s->guard >= 0)
		memset(m->buf_addr, s->guard, m->buf_len);
	if (s->headroom != NULL) {
		if (s->headroom[i] > m->buf_len)
			goto fail;
		m->data_off = s->headroom[i];
	}
	p = (uint8_t *)rte_pktmbuf_append(m, (uint16_t)s->seg_len[i]);
	if (p == NULL)
		goto fail;
	if (s->seg_len[i] > 0)
		s->fill(s->arg, p, pos, s->seg_len[i]);
	return m;
fail:
	rte_pktmbuf_free(m);
	return NULL;
}

struct rte_mbuf *
mbuf_chain(struct rte_mempool *mp, const struct mbuf_chain_spec *spec)
{
	struct rte_mbuf *head = NULL, *m;
	uint32_t pos = 0;

	for (unsigned int i = 0; i < spec->nb_segs; i++) {
		m = segment(mp, spec, i, pos);
		if (m == NULL)
			goto fail;
		pos += spec->seg_len[i];
		if (head == NULL) {
			head = m;
		} else if (rte_pktmbuf_chain(head, m) != 0) {
			rte_pktmbuf_free(m);
			goto fail;
		}
	}
	return head;
fail:
	rte_pktmbuf_free(head);
	return NULL;
}
