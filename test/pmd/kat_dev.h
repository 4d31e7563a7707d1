/* SPDX-License-Identifier: BSD-3-Clause
 * Device side of qatsec_kat: cryptodev setup, session helpers and a batch
 * executor that turns abstract jobs into mbufs and rte_crypto_ops, runs them
 * through any cryptodev and checks that every op comes back exactly once.
 */
#ifndef KAT_DEV_H
#define KAT_DEV_H

#include <stdbool.h>
#include <stdint.h>

#include <rte_crypto.h>
#include <rte_cryptodev.h>

/* Harness limits. */
#define KAT_MAX_DATA	16384	/* payload bytes per op */
#define KAT_MAX_HDR	64	/* bytes before the payload (offset tests) */
#define KAT_MAX_DIGEST	64
#define KAT_MAX_AAD	1024
#define KAT_MAX_BATCH	64	/* ops in flight per kat_run() chunk */

/* Buffer modes: in-place / out-of-place x linear / segmented. */
enum kat_mode {
	KAT_M_IP_LB,
	KAT_M_IP_SGL,
	KAT_M_OOP_LB_LB,
	KAT_M_OOP_SGL_SGL,
	KAT_M_OOP_SGL_LB,
	KAT_M_OOP_LB_SGL,
	KAT_M_NUM
};

const char *kat_mode_name(enum kat_mode m);
bool kat_mode_oop(enum kat_mode m);
/* Either chain of the op is segmented. */
bool kat_mode_sgl(enum kat_mode m);
/* Feature flag the device must advertise for a mode (0: always). */
uint64_t kat_mode_ff(enum kat_mode m);
const char *kat_mode_ff_name(enum kat_mode m);

/* Job outcomes beyond RTE_CRYPTO_OP_STATUS_*. */
#define KAT_ST_LOST	1000	/* never dequeued within the timeout */
#define KAT_ST_HARNESS	1001	/* harness-side failure (see err) */

struct kat_dev {
	const char *name;
	uint8_t id;
	uint64_t ff;
	unsigned int burst;
	uint64_t timeout_cycles;
	/* accounting (requirement: every op dequeued exactly once) */
	uint64_t enq, deq;
	unsigned int lost, dup, stray;
	unsigned int rejected;	/* ops refused by enqueue with the queue empty */
};

/* Shared pools; created once by kat_env_init(). */
struct kat_env {
	struct rte_mempool *mbuf_mp;
	struct rte_mempool *op_mp;
	struct rte_mempool *sess_mp;
};

extern struct kat_env kat_env;

/*
 * Look up and start a device by name with one queue pair. Returns 0 or a
 * negative errno (message printed).
 */
int kat_dev_open(struct kat_dev *d, const char *name, unsigned int burst,
		unsigned int timeout_ms);
/* Create pools sized for the given devices (call after kat_dev_open). */
int kat_env_init(struct kat_dev *const *devs, unsigned int n);
void kat_dev_close(struct kat_dev *d);

/* Session: up to two chained xforms, built by the kat_xf_* helpers. */
struct kat_sess {
	struct rte_crypto_sym_xform xf[2];
	unsigned int nxf;
	void *sess;
	uint8_t dev_id;
	bool leaked;		/* an op using it was lost: never free */
	/* derived by kat_sess_create() */
	bool aead, cipher, auth, chain, verify, ccm;
	uint16_t iv_len, aiv_len, digest_len, aad_len;
};

void kat_xf_reset(struct kat_sess *s);
void kat_xf_aead(struct kat_sess *s, enum rte_crypto_aead_algorithm algo,
		enum rte_crypto_aead_operation op, const uint8_t *key,
		uint16_t key_len, uint16_t iv_len, uint16_t digest_len,
		uint16_t aad_len);
void kat_xf_cipher(struct kat_sess *s, enum rte_crypto_cipher_algorithm algo,
		enum rte_crypto_cipher_operation op, const uint8_t *key,
		uint16_t key_len, uint16_t iv_len);
void kat_xf_auth(struct kat_sess *s, enum rte_crypto_auth_algorithm algo,
		enum rte_crypto_auth_operation op, const uint8_t *key,
		uint16_t key_len, uint16_t digest_len, uint16_t iv_len);

/* True if every xform of s is within dev's advertised capabilities. */
bool kat_caps_ok(uint8_t dev_id, const struct kat_sess *s);
/* NULL if kat_caps_ok(), else which part is not advertised. */
const char *kat_caps_why(uint8_t dev_id, const struct kat_sess *s);
/* 0 or -rte_errno; s->sess set on success. */
int kat_sess_create(const struct kat_dev *d, struct kat_sess *s);
void kat_sess_free(struct kat_sess *s);

/*
 * One operation. Buffer layout in the source mbuf:
 *   in[0 .. hdr_len)             header: not ciphered (authenticated by chains)
 *   in[hdr_len .. hdr_len + len) payload: cipher / AEAD / auth-only region
 *   digest slot (digest_len)     after the payload, in the last segment
 */
struct kat_job {
	struct kat_sess *s;
	enum kat_mode mode;
	const uint8_t *in;
	uint32_t hdr_len, len;
	const uint8_t *iv;		/* cipher / AEAD IV or nonce */
	const uint8_t *aiv;		/* auth IV (GMAC) */
	const uint8_t *aad;		/* AEAD AAD, s->aad_len bytes */
	const uint8_t *digest_in;	/* digest to verify (verify sessions) */
	uint64_t seg_seed;		/* segmentation pattern */
	uint8_t *out;			/* caller buffer, len bytes, or NULL */
	/* results */
	int status;
	uint8_t digest[KAT_MAX_DIGEST];
	char err[160];
};

/*
 * Run jobs on d (in chunks of d->burst). Fills status/out/digest/err.
 * Returns the number of jobs whose op was lost (0 normally).
 */
unsigned int kat_run(struct kat_dev *d, struct kat_job *jobs, unsigned int n);

/* Final drain: any op dequeued now was never enqueued or is a duplicate. */
void kat_dev_drain(struct kat_dev *d, unsigned int ms);

const char *kat_status_name(int st);

/* Format "expected X got Y at byte N" for the first difference. */
void kat_hexdiff(char *buf, size_t sz, const char *what, const uint8_t *exp,
		const uint8_t *got, uint32_t len);

/* splitmix64: small, seedable, reproducible across platforms. */
static inline uint64_t
kat_rand(uint64_t *s)
{
	uint64_t z = (*s += 0x9e3779b97f4a7c15ull);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
	return z ^ (z >> 31);
}

#endif /* KAT_DEV_H */
