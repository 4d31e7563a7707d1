/* SPDX-License-Identifier: BSD-3-Clause
 * qatsec engine openssl_sym: what QAT serves and intel-ipsec-mb 1.3 lacks
 * (AES-XTS, SHA3 plain and HMAC, SM3, SM4-ECB/CBC/CTR, 3DES-CTR, AES-CCM-192
 * and CCM with long AAD, and chains of those ciphers with SHA-1, SHA-2 or
 * HMAC-MD5), on OpenSSL 3.0's EVP API. Internals shared by the
 * capability table and fetched algorithms (qatsec_ossl_algs.c), the
 * engine entry (qatsec_ossl_engine.c), the session builder
 * (qatsec_ossl_session.c) and the datapath (qatsec_ossl.c).
 */
#ifndef QATSEC_OSSL_H
#define QATSEC_OSSL_H

#include <stdbool.h>
#include <stdint.h>

#include <openssl/evp.h>

#include "qatsec_engine.h"

#define QATSEC_OSSL_MAGIC	0x0551e5a5u

/* Ciphers and AEADs, by OpenSSL name (qatsec_ossl_cipher_name). */
enum qatsec_ossl_cipher {
	QOC_NONE,
	QOC_XTS128,
	QOC_XTS256,
	QOC_SM4_ECB,
	QOC_SM4_CBC,
	QOC_SM4_CTR,
	QOC_CCM128,
	QOC_CCM192,
	QOC_CCM256,
	QOC_3DES_CTR,	/* CTR over OpenSSL's DES-EDE3-ECB: 3.0 has no mode */
	QOC_MAX,
};

/* Digests, by OpenSSL name (qatsec_ossl_md_name). */
enum qatsec_ossl_md {
	QOH_NONE,
	QOH_SHA3_224,
	QOH_SHA3_256,
	QOH_SHA3_384,
	QOH_SHA3_512,
	QOH_SM3,
	/* For chains with this engine's ciphers only: plain ones go to
	 * ipsec-mb, which is asked first.
	 */
	QOH_MD5,
	QOH_SHA1,
	QOH_SHA224,
	QOH_SHA256,
	QOH_SHA384,
	QOH_SHA512,
	QOH_MAX,
};

#define QOF_CIPHER	0x01	/* has a cipher step */
#define QOF_AUTH	0x02	/* has a hash/HMAC step */
#define QOF_AEAD	0x04	/* AES-CCM: op->sym->aead */
#define QOF_ENC		0x08	/* cipher/AEAD encrypts */
#define QOF_VERIFY	0x10	/* compare the digest instead of writing it */
#define QOF_HMAC	0x20	/* keyed: HMAC over md */
#define QOF_CIPHER_1ST	0x40	/* chain: cipher, then hash */
#define QOF_BLOCKS	0x80	/* cipher length must be whole blocks */

#define QATSEC_OSSL_KEY_MAX	64	/* AES-256-XTS */
#define QATSEC_OSSL_AKEY_MAX	144	/* SHA3-224 block: longer keys are
					 * hashed at session creation
					 */
#define QATSEC_OSSL_DIGEST_MAX	64

/* Everything by value: the session is in shared memory and used by every
 * process of the group; OpenSSL objects are built per process and thread.
 */
struct qatsec_ossl_sess {
	struct qatsec_sess_hdr hdr;
	/* Random, never 0: a thread whose context already holds this
	 * session's key only resets the IV (a freed session's memory reused
	 * gets a new stamp).
	 */
	uint64_t stamp;
	uint32_t iv_end;	/* bytes of the op the IV needs */
	uint32_t dataunit_len;	/* XTS: 0 (the region) or 512/4096/1M */
	uint16_t iv_off;
	uint16_t aad_len;
	uint8_t flags;
	uint8_t cipher;		/* enum qatsec_ossl_cipher */
	uint8_t md;		/* enum qatsec_ossl_md */
	uint8_t key_len;
	uint8_t akey_len;
	uint8_t iv_len;
	uint8_t digest_len;	/* what the op carries (truncated) */
	uint8_t min_len;	/* shortest cipher region (XTS: one block) */
	uint8_t ckey[QATSEC_OSSL_KEY_MAX];
	uint8_t akey[QATSEC_OSSL_AKEY_MAX];
};

extern const struct rte_cryptodev_capabilities qatsec_ossl_capabilities[];

/* This process's fetched algorithms (NULL when OpenSSL lacks one). */
const EVP_CIPHER *qatsec_ossl_cipher(unsigned int c);
const EVP_MD *qatsec_ossl_md(unsigned int h);
EVP_MAC *qatsec_ossl_hmac(void);

unsigned int qatsec_ossl_session_size(void);
int qatsec_ossl_session_configure(void *priv, const void *xform);
void qatsec_ossl_session_clear(void *priv);
int qatsec_ossl_process(struct rte_crypto_op **ops, uint16_t nb_ops);

#endif /* QATSEC_OSSL_H */
