/* SPDX-License-Identifier: BSD-3-Clause
 * ipsec-mb engine: internals shared by the session builder
 * (qatsec_sym_session.c), the datapath (qatsec_sym.c) and its paths off the
 * fast path (qatsec_sym_slow.c).
 */
#ifndef QATSEC_SYM_PRIVATE_H
#define QATSEC_SYM_PRIVATE_H

/* ipsec-mb's pre-0.53 names (CCM, GCM, ...) would clash with IMB_JOB fields. */
#define NO_COMPAT_IMB_API_053

#include <stdbool.h>
#include <string.h>

#include <rte_common.h>
#include <rte_mbuf.h>

#include "qatsec_engine.h"
#include "qatsec_sym_util.h"
#include "qatsec_sym.h"

#define QATSEC_SESS_MAGIC	0x51a75e55u

/* Key area of a session, at a 64-byte aligned offset inside it. AES round
 * keys come first. After them a session holds either HMAC states or
 * CMAC/XCBC keys (an auth xform is one or the other), so the two share
 * bytes from 480. GCM/GMAC key data and the ChaCha20 key start at 0 and
 * use nothing else.
 */
#define QATSEC_KEY_ALIGN	64
#define KEY_AES_ENC		0	/* AES encryption round keys, 240 */
#define KEY_AES_DEC		240	/* AES decryption round keys, 240 */
#define KEY_HMAC_IPAD		480	/* HMAC inner state, 64 */
#define KEY_HMAC_OPAD		544	/* HMAC outer state, 64 */
#define KEY_HMAC_EMPTY		608	/* HMAC of the empty message, 64 */
#define KEY_MAC_RKEYS		480	/* CMAC K / XCBC K1 round keys, 240 */
#define KEY_MAC_SUBKEY1		720	/* CMAC K1 / XCBC K2, 16 */
#define KEY_MAC_SUBKEY2		736	/* CMAC K2 / XCBC K3, 16 */
#define KEY_AREA_SIZE		1024
/* The algorithms past AES (qatsec_sym_algs.c): DES key schedules (three
 * for 3DES, K1 K2 K3 as the key gives them) from 0; a SNOW3G or KASUMI
 * schedule, or the ZUC key, from 0 for the cipher and from KEY_MAC_RKEYS
 * for the hash; HMAC-MD5 states where the other HMAC states are.
 */
#define KEY_DES_KS(i)		((i) * 128)
#define KEY_3GPP_CIPHER		0
#define KEY_3GPP_AUTH		KEY_MAC_RKEYS

_Static_assert(sizeof(struct gcm_key_data) <= KEY_AREA_SIZE, "GCM key data");

enum qatsec_kind {
	QATSEC_KIND_JOB,	/* burst job API */
	QATSEC_KIND_GCM,	/* direct AES-GCM API */
	QATSEC_KIND_GMAC,	/* direct AES-GMAC API */
	QATSEC_KIND_NOP,	/* NULL cipher and/or NULL auth only */
	QATSEC_KIND_CBC_HMAC,		/* AES-CBC + HMAC: cipher and hash burst APIs */
	QATSEC_KIND_DOCSIS,	/* rte_security DOCSIS: BPI + CRC, one job */
};

/* Which IMB_JOB.u member the hash needs. */
enum qatsec_job_union {
	QATSEC_JOB_U_NONE,
	QATSEC_JOB_U_HMAC,
	QATSEC_JOB_U_CMAC,
	QATSEC_JOB_U_CCM,
	QATSEC_JOB_U_CHACHA,
	QATSEC_JOB_U_SNOW3G,
	QATSEC_JOB_U_ZUC,
	QATSEC_JOB_U_KASUMI,
};

/* Regions of the 3GPP algorithms, which cryptodev gives in bits. */
#define B_C_BITS	0x01	/* cipher in bits at any bit (SNOW3G, KASUMI) */
#define B_C_BYTES	0x02	/* cipher in bits, whole bytes (ZUC) */
#define B_A_BITS	0x04	/* hash in bits from a whole byte (SNOW3G, ZUC) */
#define B_A_BYTES	0x08	/* hash in bits, whole bytes (KASUMI) */

#define F_VERIFY	0x01	/* compare the digest instead of writing it */
#define F_AEAD		0x02	/* op->sym->aead, not cipher/auth */
#define F_CIPHER	0x04	/* has a cipher region (NULL cipher included) */
#define F_AUTH		0x08	/* has a non-NULL auth or AEAD tag */
#define F_CBC		0x10	/* cipher length must be whole blocks */
#define F_OOP_COPY	0x20	/* out of place: cipher region src -> dst */
#define F_OOP_DST	0x40	/* out of place: touched bytes src -> dst, then
				 * the job runs in place on dst
				 */
#define F_ENC		0x80	/* direct GCM: encrypt */

/* Everything by value: sessions live in shared memory and are used by
 * every process of the group, so no pointer may be kept here.
 */
struct qatsec_sym_sess {
	struct qatsec_sess_hdr hdr;
	uint32_t max_len;	/* longest cipher region (CCM counter size) */
	uint32_t iv_off;	/* from the op; CCM nonce already at +1 */
	uint32_t iv_end;	/* bytes of the op the IV needs */
	uint16_t key_off;	/* offset of the aligned key area */
	uint16_t aad_len;
	uint8_t kind;
	uint8_t flags;
	uint8_t job_union;
	uint8_t cipher_mode;
	uint8_t hash_alg;
	uint8_t chain_order;
	uint8_t cipher_dir;
	uint8_t key_len;
	uint8_t iv_len;
	uint8_t digest_len;	/* what the op carries */
	uint8_t tag_len;	/* what ipsec-mb is asked for */
	uint8_t arch;		/* GCM key data layout is per IMB_ARCH */
	uint8_t nocheck;	/* every job field is checked here: ipsec-mb
				 * need not check again (ChaCha20-Poly1305,
				 * AES DOCSIS BPI alone, SNOW3G UEA2 alone)
				 */
	uint8_t nocheck_alen;	/* the same for ops whose auth region is
				 * not empty (SNOW3G with UIA2)
				 */
	uint16_t auth_iv_off;	/* SNOW3G UIA2 / ZUC EIA3 IV in the op */
	uint8_t auth_iv_len;
	uint8_t bits;		/* B_*: regions given in bits */
	uint8_t c_blk_mask;	/* with F_CBC: cipher length % block, 15 or 7 */
	uint8_t des3;		/* 3DES: keys are three schedules, by pointers */
	uint8_t zuc_run;	/* QATSEC_ZUC_*: ZUC-128 ops of this session
				 * may go to the direct multi-buffer API
				 */
	uint32_t cbc_hmac_class;	/* KIND_CBC_HMAC, and AES DOCSIS BPI alone
				 * (hash NULL): what one cipher/hash burst
				 * call shares (direction, key size, hash,
				 * order); 0: none
				 */
	uint8_t area[KEY_AREA_SIZE + QATSEC_KEY_ALIGN];
};

static inline const uint8_t *
qatsec_keys(const struct qatsec_sym_sess *s)
{
	return (const uint8_t *)s + s->key_off;
}

#define QATSEC_BURST		IMB_MAX_BURST_SIZE
/* Longest region a fragmented mbuf may be linearised for. */
#define QATSEC_LINEAR_MAX	(64 * 1024 + 1024)
#define QATSEC_DIGEST_MAX	64
/* Per-op scratch: a digest, then the three schedule pointers a 3DES job
 * takes (ipsec-mb wants an array of pointers; the session holds none).
 */
#define QATSEC_SLOT		(QATSEC_DIGEST_MAX + 3 * sizeof(void *))

/* Per-thread scratch, with the thread's ipsec-mb manager. */
struct qatsec_tls {
	IMB_JOB cbc_hmac_jobs[QATSEC_BURST];	/* cipher/hash burst APIs take jobs
					 * by value
					 */
	uint8_t digest[QATSEC_BURST][QATSEC_SLOT];	/* per op: digest,
					 * then 3DES key schedule pointers
					 */
	uint8_t tag[QATSEC_DIGEST_MAX];
	/* One byte more than any copy: ipsec-mb's SNOW3G UEA2 writes the
	 * byte after a region that starts or ends inside a byte
	 * (qatsec_uea2_spills).
	 */
	uint8_t bounce[QATSEC_LINEAR_MAX + 8];
	IMB_MGR *mgr;
	/* ipsec-mb's SSE code path, for AES-CBC encryption of short buffers:
	 * there its 4/8-lane AES-NI code beats the 16-lane VAES (and AVX2)
	 * code (14 vs 21 ns at 64 B; doc/guides/perf/index.rst). NULL when mgr is
	 * the SSE path itself or it could not be made.
	 */
	IMB_MGR *mgr_short;
};

/* Longest cipher region of a run of AES-CBC encryptions sent to mgr_short. */
#define QATSEC_CBC_SHORT	96
/* Longest AES DOCSIS BPI region: ipsec-mb 1.3 counts its lanes' lengths in
 * 16 bits and its job check refuses more than 2^16 - 2 bytes.
 */
#define QATSEC_DOCSIS_MAX_LEN	((1u << 16) - 2)

/* The calling thread's scratch (NULL until its first burst), and what
 * makes it on first use (NULL when memory is short).
 */
extern __thread struct qatsec_tls *qatsec_tls
	__attribute__((tls_model("initial-exec")));
struct qatsec_tls *qatsec_tls_new(void);

static inline struct qatsec_tls *
qatsec_tls_get(void)
{
	struct qatsec_tls *t = qatsec_tls;

	return likely(t != NULL) ? t : qatsec_tls_new();
}

/* What one op asks for, once checked. */
struct qatsec_req {
	struct rte_mbuf *src;
	struct rte_mbuf *dst;	/* NULL when in place */
	uint32_t c_off, c_len, a_off, a_len;
	uint32_t lo, hi;	/* bytes of the packet the op touches */
	uint8_t *digest;
	const uint8_t *aad;
	const uint8_t *iv;
	const uint8_t *auth_iv;	/* with s->auth_iv_len */
	uint32_t c_bits, a_bits; /* with s->bits: lengths in bits */
	uint8_t c_bitoff;	/* B_C_BITS: bit of c_off's byte it starts at */
};

/* A run of ZUC-128 ops for the direct multi-buffer API (qatsec_sym_zuc.c):
 * what each op needs, by halves, and the run's class (s->zuc_run of its
 * sessions: which halves).
 */
#define QATSEC_ZUC_CIPHER	0x1	/* EEA3 */
#define QATSEC_ZUC_AUTH		0x2	/* EIA3 generate, after EEA3 */
/* ipsec-mb 1.3's ZUC limits (zuc_internal.h): what its jobs accept. */
#define QATSEC_ZUC_MAX_BITS	65504u
#define QATSEC_ZUC_MAX_BYTES	(QATSEC_ZUC_MAX_BITS / 8)
struct qatsec_zuc_run {
	uint32_t n, cls;
	struct rte_crypto_op *op[QATSEC_BURST];
	uint8_t *digest[QATSEC_BURST];
	const void *ckey[QATSEC_BURST], *civ[QATSEC_BURST];
	void *cbuf[QATSEC_BURST];
	uint32_t clen[QATSEC_BURST];
	const void *akey[QATSEC_BURST], *aiv[QATSEC_BURST];
	void *abuf[QATSEC_BURST];
	uint32_t abits[QATSEC_BURST];
	uint32_t *tag[QATSEC_BURST];
};

/* Whether checked op r of a zuc_run session may join a run. */
bool qatsec_zuc_fits(const struct qatsec_sym_sess *s,
	const struct qatsec_req *r);
/* Add it (class s->zuc_run, the run's); tag: 4 bytes of scratch. */
void qatsec_zuc_add(struct qatsec_zuc_run *z, struct rte_crypto_op *op,
	const struct qatsec_sym_sess *s, const struct qatsec_req *r,
	uint8_t *base, uint8_t *tag);
/* Run it and empty it; returns how many ops did not succeed. */
uint32_t qatsec_zuc_run(IMB_MGR *mgr, struct qatsec_zuc_run *z);

/* Whether the op's bytes all sit in the first segment(s) it uses. */
static inline bool
qatsec_flat(const struct qatsec_req *r)
{
	return r->src->data_len >= r->hi &&
		(r->dst == NULL || r->dst->data_len >= r->hi);
}

/* Where a digest is made: the op's own digest field, or scratch when the
 * op's digest is to be verified against it.
 */
static inline uint8_t *
qatsec_tag_out(const struct qatsec_sym_sess *s, struct qatsec_tls *t,
		uint8_t *digest)
{
	return (s->flags & F_VERIFY) ? t->tag : digest;
}

/* The op's status once tag (from qatsec_tag_out) was made. */
static inline uint8_t
qatsec_tag_status(const struct qatsec_sym_sess *s, const uint8_t *tag,
		const uint8_t *digest)
{
	if ((s->flags & F_VERIFY) && !qatsec_tag_eq(tag, digest, s->digest_len))
		return RTE_CRYPTO_OP_STATUS_AUTH_FAILED;
	return RTE_CRYPTO_OP_STATUS_SUCCESS;
}

/* One AES-GCM op on a linear region, through the direct API fn. */
static __rte_always_inline uint8_t
qatsec_gcm_linear(aes_gcm_enc_dec_t fn, struct qatsec_tls *t,
		const struct qatsec_sym_sess *s, uint8_t *out, const uint8_t *in,
		uint32_t len, const uint8_t *iv, const uint8_t *aad,
		uint8_t *digest)
{
	struct gcm_context_data ctx __rte_aligned(64);
	uint8_t *tag = qatsec_tag_out(s, t, digest);

	fn((const void *)qatsec_keys(s), &ctx, out, in, len, iv, aad,
		s->aad_len, tag, s->digest_len);
	return qatsec_tag_status(s, tag, digest);
}

/* qatsec_sym_slow.c: what the fast path hands off. Each returns the op's
 * final status.
 */
uint8_t qatsec_region_copy(struct qatsec_tls *t, const struct qatsec_req *r);
uint8_t qatsec_gcm_sgl(aes_gcm_enc_dec_t fn, struct qatsec_tls *t,
		const struct qatsec_sym_sess *s, const struct qatsec_req *r);
/* Offset in its chain (*m) of the op's digest when it begins inside the
 * bytes [r->lo, r->hi) the op touches (a digest the cipher covers, or
 * part of it); else -1.
 */
int64_t qatsec_digest_off(const struct qatsec_sym_sess *s,
		const struct qatsec_req *r, struct rte_mbuf **m);
/* The bytes a chain really holds: its segments' data_len summed, or 0
 * past QATSEC_CHAIN_MAX segments (a looped chain). pkt_len may say less:
 * dpdk-test-crypto-perf leaves it 0 in the chains it builds.
 */
#define QATSEC_CHAIN_MAX	256
uint64_t qatsec_chain_extent(const struct rte_mbuf *m);
/* Whether regions ending at c_end / a_end leave the chains of r. */
bool qatsec_out_of_chain(const struct qatsec_sym_sess *s,
		const struct qatsec_req *r, uint64_t c_end, uint64_t a_end);
uint8_t qatsec_gmac(IMB_MGR *mgr, struct qatsec_tls *t,
		const struct qatsec_sym_sess *s, const struct qatsec_req *r);

/* qatsec_sym_algs.c: sessions of the algorithms past AES and SHA (DES,
 * 3DES, DOCSIS BPI, ECB, SNOW3G, ZUC, KASUMI, HMAC-MD5). Each returns 0,
 * -ENOTSUP or 1 (not one of its algorithms).
 */
int qatsec_cipher_more(IMB_MGR *mgr, struct qatsec_sym_sess *s, uint8_t *keys,
		const struct rte_crypto_cipher_xform *x);
int qatsec_auth_more(IMB_MGR *mgr, struct qatsec_sym_sess *s, uint8_t *keys,
		const struct rte_crypto_auth_xform *x);
/* Regions of an op of a session with s->bits, in bytes into r; -1 when
 * they do not fit the algorithm's rules.
 */
int qatsec_req_bits(const struct qatsec_sym_sess *s,
		const struct rte_crypto_op *op, struct qatsec_req *r);
/* The algorithm-specific job fields of those sessions. */
void qatsec_job_more(IMB_JOB *job, const struct qatsec_sym_sess *s,
		const struct qatsec_req *r, uint32_t lo, uint8_t *scratch);

/* qatsec_sym_docsis.c: one DOCSIS protocol op (checked, in r); status. */
uint8_t qatsec_docsis(IMB_MGR *mgr, struct qatsec_tls *t,
		const struct qatsec_sym_sess *s, const struct qatsec_req *r);

#endif /* QATSEC_SYM_PRIVATE_H */
