/* SPDX-License-Identifier: BSD-3-Clause
 * qatsec engine openssl_sym: its capabilities and this process's fetched
 * OpenSSL algorithms. qatsec_ossl_session_configure() validates xforms
 * against this very table, so what is listed here is exactly what a
 * session can be made for.
 */
#include <pthread.h>

#include <openssl/core_names.h>

#include "qatsec_caps.h"
#include "qatsec_ossl.h"

const struct rte_cryptodev_capabilities qatsec_ossl_capabilities[] = {
	/* Key: both AES keys (IEEE 1619). Data units: the whole region, or
	 * any of these sizes, the tweak counting up per unit.
	 */
	QATSEC_CAP_CIPHER_DU(RTE_CRYPTO_CIPHER_AES_XTS, 16, QATSEC_RANGE(32, 64, 32),
		QATSEC_RANGE(16, 16, 0), RTE_CRYPTO_CIPHER_DATA_UNIT_LEN_512_BYTES |
		RTE_CRYPTO_CIPHER_DATA_UNIT_LEN_4096_BYTES |
		RTE_CRYPTO_CIPHER_DATA_UNIT_LEN_1_MEGABYTES),
	QATSEC_CAP_CIPHER_DU(RTE_CRYPTO_CIPHER_SM4_ECB, 16, QATSEC_RANGE(16, 16, 0),
		QATSEC_RANGE(0, 0, 0), 0),
	QATSEC_CAP_CIPHER_DU(RTE_CRYPTO_CIPHER_SM4_CBC, 16, QATSEC_RANGE(16, 16, 0),
		QATSEC_RANGE(16, 16, 0), 0),
	QATSEC_CAP_CIPHER_DU(RTE_CRYPTO_CIPHER_SM4_CTR, 16, QATSEC_RANGE(16, 16, 0),
		QATSEC_RANGE(16, 16, 0), 0),
	/* 2-key (K1 K2 K1) or 3-key; the 64-bit counter block counts up
	 * big-endian, as crypto_qat and crypto_openssl do.
	 */
	QATSEC_CAP_CIPHER_DU(RTE_CRYPTO_CIPHER_3DES_CTR, 8, QATSEC_RANGE(16, 24, 8),
		QATSEC_RANGE(8, 8, 0), 0),
	QATSEC_CAP_HASH(RTE_CRYPTO_AUTH_SHA3_224, 144, 28),
	QATSEC_CAP_HASH(RTE_CRYPTO_AUTH_SHA3_256, 136, 32),
	QATSEC_CAP_HASH(RTE_CRYPTO_AUTH_SHA3_384, 104, 48),
	QATSEC_CAP_HASH(RTE_CRYPTO_AUTH_SHA3_512, 72, 64),
	/* HMAC keys longer than the block are hashed first (RFC 2104). */
	QATSEC_CAP_HMAC(RTE_CRYPTO_AUTH_SHA3_224_HMAC, 144, 28),
	QATSEC_CAP_HMAC(RTE_CRYPTO_AUTH_SHA3_256_HMAC, 136, 32),
	QATSEC_CAP_HMAC(RTE_CRYPTO_AUTH_SHA3_384_HMAC, 104, 48),
	QATSEC_CAP_HMAC(RTE_CRYPTO_AUTH_SHA3_512_HMAC, 72, 64),
	QATSEC_CAP_HASH(RTE_CRYPTO_AUTH_SM3, 64, 32),
	/* The ipsec-mb engine's very entries (the device's list is
	 * unchanged): sessions of these alone go to it; chained with a
	 * cipher above, they come here.
	 */
	QATSEC_CAPS_SHA1_SHA2,
	QATSEC_CAP_AUTH(RTE_CRYPTO_AUTH_MD5_HMAC, 64, QATSEC_RANGE(1, 64, 1),
		QATSEC_RANGE(1, 16, 1), QATSEC_RANGE(0, 0, 0)),
	/* Every AES key size and any AAD length: ipsec-mb 1.3 has CCM-128
	 * and -256 with AAD <= 46 only; routed first, it keeps those.
	 */
	QATSEC_CAP_AEAD(RTE_CRYPTO_AEAD_AES_CCM, 16, QATSEC_RANGE(16, 32, 8),
		QATSEC_RANGE(4, 16, 2), QATSEC_RANGE(0, 65535, 1), QATSEC_RANGE(7, 13, 1)),
	{ .op = RTE_CRYPTO_OP_TYPE_UNDEFINED },
};

static const char *const qatsec_ossl_cipher_names[QOC_MAX] = {
	[QOC_XTS128] = "AES-128-XTS",
	[QOC_XTS256] = "AES-256-XTS",
	[QOC_SM4_ECB] = "SM4-ECB",
	[QOC_SM4_CBC] = "SM4-CBC",
	[QOC_SM4_CTR] = "SM4-CTR",
	[QOC_CCM128] = "AES-128-CCM",
	[QOC_CCM192] = "AES-192-CCM",
	[QOC_CCM256] = "AES-256-CCM",
	[QOC_3DES_CTR] = "DES-EDE3-ECB",
};

static const char *const qatsec_ossl_md_names[QOH_MAX] = {
	[QOH_SHA3_224] = "SHA3-224",
	[QOH_SHA3_256] = "SHA3-256",
	[QOH_SHA3_384] = "SHA3-384",
	[QOH_SHA3_512] = "SHA3-512",
	[QOH_SM3] = "SM3",
	[QOH_MD5] = "MD5",
	[QOH_SHA1] = "SHA1",
	[QOH_SHA224] = "SHA2-224",
	[QOH_SHA256] = "SHA2-256",
	[QOH_SHA384] = "SHA2-384",
	[QOH_SHA512] = "SHA2-512",
};

/* Fetched once per process (fetching per op costs a provider lookup);
 * process-local, like every OpenSSL object of this engine.
 */
static EVP_CIPHER *qatsec_ossl_ciphers[QOC_MAX];
static EVP_MD *qatsec_ossl_mds[QOH_MAX];
static EVP_MAC *qatsec_ossl_mac;
static pthread_once_t qatsec_ossl_once = PTHREAD_ONCE_INIT;

static void
qatsec_ossl_fetch(void)
{
	unsigned int i;

	for (i = 1; i < QOC_MAX; i++)
		qatsec_ossl_ciphers[i] = EVP_CIPHER_fetch(NULL,
			qatsec_ossl_cipher_names[i], NULL);
	for (i = 1; i < QOH_MAX; i++)
		qatsec_ossl_mds[i] = EVP_MD_fetch(NULL,
			qatsec_ossl_md_names[i], NULL);
	qatsec_ossl_mac = EVP_MAC_fetch(NULL, OSSL_MAC_NAME_HMAC, NULL);
}

const EVP_CIPHER *
qatsec_ossl_cipher(unsigned int c)
{
	pthread_once(&qatsec_ossl_once, qatsec_ossl_fetch);
	return c > QOC_NONE && c < QOC_MAX ? qatsec_ossl_ciphers[c] : NULL;
}

const EVP_MD *
qatsec_ossl_md(unsigned int h)
{
	pthread_once(&qatsec_ossl_once, qatsec_ossl_fetch);
	return h > QOH_NONE && h < QOH_MAX ? qatsec_ossl_mds[h] : NULL;
}

EVP_MAC *
qatsec_ossl_hmac(void)
{
	pthread_once(&qatsec_ossl_once, qatsec_ossl_fetch);
	return qatsec_ossl_mac;
}
