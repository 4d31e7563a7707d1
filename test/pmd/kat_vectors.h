/* SPDX-License-Identifier: BSD-3-Clause
 * Known-answer vector loading for qatsec_kat: a tolerant reader for the
 * NIST CAVS (.rsp) and RFC-derived (.txt) files shipped by Debian's
 * python3-cryptography-vectors, and loaders turning them into kat_vec lists.
 * No DPDK dependency, so the parser can be reasoned about (and fuzzed) alone.
 */
#ifndef KAT_VECTORS_H
#define KAT_VECTORS_H

#include <stdbool.h>
#include <stdint.h>

#define KAT_DEFAULT_VECTORS "/usr/lib/python3/dist-packages/cryptography_vectors"

/* Largest message the harness accepts from a vector file (bytes). */
#define KAT_VEC_MAX_DATA 16384

/* One known-answer case. Unused fields are NULL / 0. */
struct kat_vec {
	char where[96];		/* "file.rsp:line" for messages */
	uint8_t *key;
	uint32_t key_len;
	uint8_t *iv;		/* IV, nonce (CCM, ChaCha) or counter block (CTR) */
	uint32_t iv_len;
	uint8_t *aad;
	uint32_t aad_len;
	uint8_t *pt;		/* plaintext / message */
	uint32_t pt_len;
	uint8_t *ct;		/* ciphertext without tag */
	uint32_t ct_len;
	uint8_t *tag;		/* tag / digest / MAC */
	uint32_t tag_len;
	bool fail;		/* verification is expected to fail */
	bool no_pt;		/* failing decrypt vector: no plaintext known */
	const char *skip;	/* set: unusable whatever the device (reason) */
};

struct kat_vecset {
	const char *name;
	struct kat_vec *v;
	unsigned int n, cap;
	unsigned int files_found, files_missing;
	unsigned int malformed;	/* records dropped as malformed */
};

void kat_vecset_free(struct kat_vecset *s);

/*
 * Loaders. dir is the cryptography_vectors root. Each prints (to stdout as
 * TAP comments and to stderr) every file it used or could not open, and
 * returns the number of files found.
 */
int kat_load_gcm(const char *dir, struct kat_vecset *enc, struct kat_vecset *dec);
int kat_load_cbc(const char *dir, struct kat_vecset *s);
int kat_load_ctr(const char *dir, struct kat_vecset *s);
int kat_load_ccm(const char *dir, struct kat_vecset *enc, struct kat_vecset *dec);
int kat_load_ecb(const char *dir, struct kat_vecset *s);
/* TDES-CBC CAVS files; single: the single-key ones, as DES-CBC */
int kat_load_tdes_cbc(const char *dir, bool single, struct kat_vecset *s);
int kat_load_chacha(const char *dir, struct kat_vecset *s);
/* which: "SHA1", "SHA224", "SHA256", "SHA384", "SHA512" */
int kat_load_sha(const char *dir, const char *which, struct kat_vecset *s);
/* file: e.g. "rfc-4231-sha256.txt" */
int kat_load_hmac(const char *dir, const char *file, struct kat_vecset *s);
int kat_load_cmac(const char *dir, struct kat_vecset *s);

#endif /* KAT_VECTORS_H */
