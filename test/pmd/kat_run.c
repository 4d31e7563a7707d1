/* SPDX-License-Identifier: BSD-3-Clause
 * The job runner of qatsec_kat (see kat_dev.h): builds each job's mbufs
 * (linear or segmented, in or out of place) and op, enqueues in bursts and
 * collects every op back (or calls it lost). It records what came out and
 * any fault of the device outside the result (a source or header changed
 * that must not be); kat_tap.c compares results with the expectations.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include <rte_common.h>
#include <rte_crypto.h>
#include <rte_cryptodev.h>
#include <rte_cycles.h>
#include <rte_errno.h>
#include <rte_mbuf.h>
#include <rte_mempool.h>

#include "kat_dev.h"
#include "kat_dev_private.h"
#include "mbuf_chain.h"

static bool
mode_src_sgl(enum kat_mode m)
{
	return m == KAT_M_IP_SGL || m == KAT_M_OOP_SGL_SGL || m == KAT_M_OOP_SGL_LB;
}

static bool
mode_dst_sgl(enum kat_mode m)
{
	return m == KAT_M_OOP_SGL_SGL || m == KAT_M_OOP_LB_SGL;
}

/* What build_chain writes: data, then the tail, fill for a NULL one. */
struct chain_bytes {
	const uint8_t *data, *tail;
	uint32_t dlen;
	uint8_t fill;
};

static void
chain_fill(void *arg, uint8_t *dst, uint32_t pos, uint32_t n)
{
	const struct chain_bytes *c = arg;

	for (uint32_t b = 0; b < n; b++, pos++) {
		if (pos < c->dlen)
			dst[b] = c->data != NULL ? c->data[pos] : c->fill;
		else
			dst[b] = c->tail != NULL ? c->tail[pos - c->dlen] : c->fill;
	}
}

/*
 * Build a chain holding data[0..dlen) then tlen tail bytes (fill stands in
 * for a NULL data or tail). Segmented chains get 2-4 segments of mostly odd sizes
 * and varying headroom; the tail (digest slot) always lies whole in the last
 * segment because the digest pointer must address contiguous memory.
 */
static struct rte_mbuf *
build_chain(const uint8_t *data, uint32_t dlen, const uint8_t *tail,
		uint8_t fill, uint32_t tlen, bool sgl, uint64_t *rng)
{
	struct chain_bytes bytes = { data, tail, dlen, fill };
	uint32_t seg[4], k = 1, rem = dlen;
	uint16_t room[4];

	if (sgl) {
		k = 2 + (uint32_t)(kat_rand(rng) % 3);
		/* each non-last segment needs a data byte; last needs one too
		 * unless it carries the tail */
		k = RTE_MIN(k, dlen + (tlen ? 1 : 0));
		k = RTE_MAX(k, 1u);
	}
	for (uint32_t i = 0; i + 1 < k; i++) {
		uint32_t after = (k - 2 - i) + (tlen ? 0 : 1);
		uint32_t maxs = rem - after;
		uint32_t s = 1 + (uint32_t)(kat_rand(rng) % maxs);

		if (s % 2 == 0 && s > 1)
			s--;
		seg[i] = s;
		rem -= s;
	}
	seg[k - 1] = rem + tlen;
	for (uint32_t i = 0; sgl && i < k; i++)
		room[i] = (uint16_t)(kat_rand(rng) % (RTE_PKTMBUF_HEADROOM + 1));
	return mbuf_chain(kat_env.mbuf_mp, &(struct mbuf_chain_spec){
		.nb_segs = k, .seg_len = seg, .headroom = sgl ? room : NULL,
		.guard = -1, .fill = chain_fill, .arg = &bytes });
}

/* Copy [off, off+len) of a chain into buf. */
static bool
chain_read(const struct rte_mbuf *m, uint32_t off, uint32_t len, uint8_t *buf)
{
	const void *p;

	if (len == 0)
		return true;
	p = rte_pktmbuf_read(m, off, len, buf);
	if (p == NULL)
		return false;
	if (p != buf)
		memcpy(buf, p, len);
	return true;
}

/* True if chain bytes [off, off+len) equal ref; else sets *at. */
static bool
chain_equal(const struct rte_mbuf *m, uint32_t off, uint32_t len,
		const uint8_t *ref, uint32_t *at)
{
	static uint8_t tmp[KAT_MAX_HDR + KAT_MAX_DATA + KAT_MAX_DIGEST];

	if (len > sizeof(tmp) || !chain_read(m, off, len, tmp)) {
		*at = 0;
		return false;
	}
	for (uint32_t i = 0; i < len; i++)
		if (tmp[i] != ref[i]) {
			*at = off + i;
			return false;
		}
	return true;
}

struct slot {
	struct rte_crypto_op *op;
	struct rte_mbuf *src, *dst;
	uint8_t *dig;
	bool enq, back, rejected;
};

static int
prepare(struct kat_job *j, struct slot *sl)
{
	const struct kat_sess *s = j->s;
	uint32_t dlen = j->hdr_len + j->len, tlen = s->digest_len;
	bool oop = kat_mode_oop(j->mode);
	uint64_t rng = j->seg_seed;
	struct rte_crypto_sym_op *sym;
	struct rte_mbuf *dm, *last;
	uint8_t *ivp;

	memset(sl, 0, sizeof(*sl));
	if (j->hdr_len > KAT_MAX_HDR || j->len > KAT_MAX_DATA ||
			tlen > KAT_MAX_DIGEST || s->aad_len > KAT_MAX_AAD) {
		snprintf(j->err, sizeof(j->err), "job exceeds harness limits");
		return -1;
	}
	/*
	 * The digest slot is appended where the digest lives, as an
	 * application would lay it out: a digest to verify is input (source),
	 * a generated one is output (destination). Out-of-place ops thus have
	 * a slot in exactly one chain. (Both chains running past the op region
	 * trips crypto_aesni_mb 22.11, which bounds out-of-place SGL AEAD
	 * segments by mbuf lengths instead of the op length.)
	 */
	sl->src = build_chain(j->in, dlen, s->verify ? j->digest_in : NULL,
		0xcc, (!oop || s->verify) ? tlen : 0, mode_src_sgl(j->mode),
		&rng);
	if (oop)
		sl->dst = build_chain(NULL, dlen, NULL, 0x5a,
			s->verify ? 0 : tlen, mode_dst_sgl(j->mode), &rng);
	sl->op = rte_crypto_op_alloc(kat_env.op_mp,
		RTE_CRYPTO_OP_TYPE_SYMMETRIC);
	if (sl->src == NULL || (oop && sl->dst == NULL) || sl->op == NULL) {
		snprintf(j->err, sizeof(j->err), "mbuf/op allocation failed");
		return -1;
	}
	dm = (oop && !s->verify) ? sl->dst : sl->src;
	last = rte_pktmbuf_lastseg(dm);
	sl->dig = rte_pktmbuf_mtod_offset(last, uint8_t *, last->data_len - tlen);

	sym = sl->op->sym;
	rte_crypto_op_attach_sym_session(sl->op, s->sess);
	sym->m_src = sl->src;
	sym->m_dst = oop ? sl->dst : NULL;
	ivp = rte_crypto_op_ctod_offset(sl->op, uint8_t *, KAT_IV_OFF);
	if (s->aead) {
		uint8_t *aadp = rte_crypto_op_ctod_offset(sl->op, uint8_t *,
			KAT_AAD_OFF);
		uint32_t pre = s->ccm ? 18 : 0;

		memset(ivp, 0, 16);
		/* CCM: byte 0 is reserved for the flags, nonce follows. */
		memcpy(ivp + (s->ccm ? 1 : 0), j->iv, s->iv_len);
		memset(aadp, 0, RTE_ALIGN_CEIL(pre + s->aad_len + 16, 16));
		if (s->aad_len)
			memcpy(aadp + pre, j->aad, s->aad_len);
		sym->aead.data.offset = j->hdr_len;
		sym->aead.data.length = j->len;
		sym->aead.digest.data = sl->dig;
		sym->aead.digest.phys_addr = rte_pktmbuf_iova_offset(last,
			last->data_len - tlen);
		sym->aead.aad.data = aadp;
		sym->aead.aad.phys_addr = rte_crypto_op_ctophys_offset(sl->op,
			KAT_AAD_OFF);
		return 0;
	}
	if (s->cipher) {
		if (s->iv_len)	/* none in ECB: no copy from NULL */
			memcpy(ivp, j->iv, s->iv_len);
		sym->cipher.data.offset = j->hdr_len;
		sym->cipher.data.length = j->len;
	}
	if (s->auth) {
		if (s->aiv_len)
			memcpy(rte_crypto_op_ctod_offset(sl->op, uint8_t *,
				KAT_AIV_OFF), j->aiv, s->aiv_len);
		/* Chains authenticate header + payload, like ESP. */
		sym->auth.data.offset = s->chain ? 0 : j->hdr_len;
		sym->auth.data.length = s->chain ? dlen : j->len;
		sym->auth.digest.data = sl->dig;
		sym->auth.digest.phys_addr = rte_pktmbuf_iova_offset(last,
			last->data_len - tlen);
	}
	return 0;
}

/* Check a returned op and extract its results. */
static void
collect(struct kat_job *j, struct slot *sl)
{
	const struct kat_sess *s = j->s;
	uint32_t dlen = j->hdr_len + j->len, at;
	bool oop = kat_mode_oop(j->mode);
	const struct rte_mbuf *om = oop ? sl->dst : sl->src;

	j->status = sl->op->status;
	if (sl->op->sym->m_src != sl->src ||
			sl->op->sym->m_dst != (oop ? sl->dst : NULL)) {
		snprintf(j->err, sizeof(j->err), "op m_src/m_dst changed by device");
		return;
	}
	if (oop || (s->auth && !s->cipher)) {
		/* Out-of-place and auth-only ops must not touch the source. */
		if (!chain_equal(sl->src, 0, dlen, j->in, &at)) {
			snprintf(j->err, sizeof(j->err),
				"%s modified the source at byte %u",
				oop ? "out-of-place op" : "auth-only op", at);
			return;
		}
	} else if (!chain_equal(sl->src, 0, j->hdr_len, j->in, &at)) {
		snprintf(j->err, sizeof(j->err),
			"header byte %u outside the cipher region modified", at);
		return;
	}
	if (j->out != NULL && (s->cipher || s->aead) &&
			!chain_read(om, j->hdr_len, j->len, j->out)) {
		snprintf(j->err, sizeof(j->err), "output shorter than expected");
		return;
	}
	if (!s->verify && s->digest_len)
		memcpy(j->digest, sl->dig, s->digest_len);
}

static void
slot_free(struct slot *sl)
{
	rte_pktmbuf_free(sl->src);
	rte_pktmbuf_free(sl->dst);
	rte_crypto_op_free(sl->op);
}

/* One run of up to KAT_MAX_BATCH jobs: their ops and where each is. */
struct chunk {
	struct kat_dev *d;
	struct kat_job *jobs;
	struct rte_crypto_op *ops[KAT_MAX_BATCH];
	struct slot sl[KAT_MAX_BATCH];
	unsigned int idx[KAT_MAX_BATCH];	/* op -> job */
	unsigned int nops, sent, got, rejected, refusals;
};

/* Builds every job's op; a job that cannot be built gets none. */
static void
chunk_prepare(struct chunk *c, unsigned int n)
{
	for (unsigned int i = 0; i < n; i++) {
		c->jobs[i].err[0] = '\0';
		c->jobs[i].status = KAT_ST_HARNESS;
		if (prepare(&c->jobs[i], &c->sl[i]) != 0) {
			slot_free(&c->sl[i]);
			memset(&c->sl[i], 0, sizeof(c->sl[i]));
			continue;
		}
		c->idx[c->nops] = i;
		c->ops[c->nops++] = c->sl[i].op;
	}
}

/* Enqueues what the device takes; returns how many it took. */
static uint16_t
chunk_enqueue(struct chunk *c)
{
	uint16_t e;

	if (c->sent >= c->nops)
		return 0;
	e = rte_cryptodev_enqueue_burst(c->d->id, 0, c->ops + c->sent,
		(uint16_t)(c->nops - c->sent));
	for (unsigned int q = c->sent; q < c->sent + e; q++)
		c->sl[c->idx[q]].enq = true;
	c->sent += e;
	c->d->enq += e;
	/*
	 * Refused with nothing of ours in flight: the queue cannot be full,
	 * so the device rejected this op (after a few tries, in case it is
	 * just catching up).
	 */
	if (e == 0 && c->got + c->rejected == c->sent &&
			++c->refusals >= KAT_ENQ_TRIES) {
		c->sl[c->idx[c->sent]].rejected = true;
		c->rejected++;
		c->sent++;
		c->refusals = 0;
	} else if (e > 0) {
		c->refusals = 0;
	}
	return e;
}

/* Dequeues what is done, marking each op back once (strays and
 * duplicates are the device's faults); returns how many came.
 */
static uint16_t
chunk_dequeue(struct chunk *c)
{
	struct rte_crypto_op *deq[KAT_MAX_BATCH];
	uint16_t k = rte_cryptodev_dequeue_burst(c->d->id, 0, deq,
		KAT_MAX_BATCH);

	c->d->deq += k;
	for (uint16_t q = 0; q < k; q++) {
		unsigned int f;

		for (f = 0; f < c->nops; f++)
			if (c->ops[f] == deq[q])
				break;
		if (f == c->nops || !c->sl[c->idx[f]].enq) {
			/* never enqueued here: a stray or late op */
			c->d->stray++;
			continue;
		}
		if (c->sl[c->idx[f]].back) {
			c->d->dup++;
			snprintf(c->jobs[c->idx[f]].err,
				sizeof(c->jobs[c->idx[f]].err),
				"op dequeued twice");
			continue;
		}
		c->sl[c->idx[f]].back = true;
		c->got++;
	}
	return k;
}

/* Each job's outcome from its op's fate; returns the ops lost. */
static unsigned int
chunk_settle(struct chunk *c)
{
	struct kat_dev *d = c->d;
	unsigned int lost = 0;

	for (unsigned int q = 0; q < c->nops; q++) {
		struct kat_job *j = &c->jobs[c->idx[q]];
		struct slot *s = &c->sl[c->idx[q]];

		if (s->rejected) {
			snprintf(j->err, sizeof(j->err),
				"op rejected by enqueue (queue empty)");
			d->rejected++;
			slot_free(s);
		} else if (!s->enq) {
			snprintf(j->err, sizeof(j->err),
				"device stopped accepting ops (timeout)");
			slot_free(s);
		} else if (!s->back) {
			/* The device may still own the op: leak it all. */
			j->status = KAT_ST_LOST;
			snprintf(j->err, sizeof(j->err),
				"op not dequeued within timeout");
			j->s->leaked = true;
			d->lost++;
			lost++;
		} else {
			if (j->err[0] == '\0')
				collect(j, s);
			slot_free(s);
		}
	}
	return lost;
}

static unsigned int
run_chunk(struct kat_dev *d, struct kat_job *jobs, unsigned int n)
{
	struct chunk c = { .d = d, .jobs = jobs };
	uint64_t deadline;

	chunk_prepare(&c, n);
	/*
	 * Enqueue what the device takes while draining completions, so a
	 * device that only accepts work after returning some still progresses.
	 * The timeout restarts on any progress: it bounds a stall, not a run.
	 */
	deadline = rte_get_timer_cycles() + d->timeout_cycles;
	while (c.got + c.rejected < c.nops) {
		uint16_t e = chunk_enqueue(&c), k = chunk_dequeue(&c);

		if (k > 0 || e > 0)
			deadline = rte_get_timer_cycles() + d->timeout_cycles;
		else if (rte_get_timer_cycles() > deadline)
			break;
	}
	/* One more poll: a device must not return anything extra. */
	if (c.got + c.rejected == c.nops) {
		struct rte_crypto_op *deq[KAT_MAX_BATCH];
		uint16_t k = rte_cryptodev_dequeue_burst(d->id, 0, deq,
			KAT_MAX_BATCH);

		d->deq += k;
		d->stray += k;
	}
	return chunk_settle(&c);
}

unsigned int
kat_run(struct kat_dev *d, struct kat_job *jobs, unsigned int n)
{
	unsigned int lost = 0;

	for (unsigned int i = 0; i < n; i += d->burst)
		lost += run_chunk(d, jobs + i, RTE_MIN(d->burst, n - i));
	return lost;
}

void
kat_dev_drain(struct kat_dev *d, unsigned int ms)
{
	uint64_t end = rte_get_timer_cycles() + rte_get_timer_hz() / 1000 * ms;
	struct rte_crypto_op *deq[KAT_MAX_BATCH];

	while (rte_get_timer_cycles() < end) {
		uint16_t k = rte_cryptodev_dequeue_burst(d->id, 0, deq,
			KAT_MAX_BATCH);

		d->deq += k;
		d->stray += k;
	}
}
