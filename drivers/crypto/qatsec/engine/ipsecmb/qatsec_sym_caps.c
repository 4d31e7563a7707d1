/* SPDX-License-Identifier: BSD-3-Clause
 * ipsec-mb engine: the symmetric capabilities it serves.
 * qatsec_sym_session_configure() validates xforms against this very table, so
 * what is listed here is exactly what a session can be created for.
 */
#include "qatsec_caps.h"
#include "qatsec_sym.h"

/* HMAC digests may be truncated to any length: the engine computes the
 * full digest when ipsec-mb cannot emit the requested one. Keys longer
 * than the block are hashed first (RFC 2104).
 */
const struct rte_cryptodev_capabilities qatsec_sym_capabilities[] = {
	QATSEC_CAP_AEAD(RTE_CRYPTO_AEAD_AES_GCM, 16, QATSEC_RANGE(16, 32, 8),
		QATSEC_RANGE(1, 16, 1), QATSEC_RANGE(0, 65535, 1), QATSEC_RANGE(12, 12, 0)),
	/* ipsec-mb 1.3 has AES-CCM-128 and -256 only; its AAD limit is 46. */
	QATSEC_CAP_AEAD(RTE_CRYPTO_AEAD_AES_CCM, 16, QATSEC_RANGE(16, 32, 16),
		QATSEC_RANGE(4, 16, 2), QATSEC_RANGE(0, 46, 1), QATSEC_RANGE(7, 13, 1)),
	QATSEC_CAP_AEAD(RTE_CRYPTO_AEAD_CHACHA20_POLY1305, 64, QATSEC_RANGE(32, 32, 0),
		QATSEC_RANGE(16, 16, 0), QATSEC_RANGE(0, 65535, 1), QATSEC_RANGE(12, 12, 0)),
	QATSEC_CAP_CIPHER(RTE_CRYPTO_CIPHER_AES_CBC, 16, QATSEC_RANGE(16, 32, 8),
		QATSEC_RANGE(16, 16, 0)),
	QATSEC_CAP_CIPHER(RTE_CRYPTO_CIPHER_AES_CTR, 16, QATSEC_RANGE(16, 32, 8),
		QATSEC_RANGE(12, 16, 4)),
	QATSEC_CAP_CIPHER(RTE_CRYPTO_CIPHER_AES_ECB, 16, QATSEC_RANGE(16, 32, 8),
		QATSEC_RANGE(0, 0, 0)),
	/* DOCSIS BPI: CBC, a last partial block in CFB; no AES-192. */
	QATSEC_CAP_CIPHER(RTE_CRYPTO_CIPHER_AES_DOCSISBPI, 16, QATSEC_RANGE(16, 32, 16),
		QATSEC_RANGE(16, 16, 0)),
	QATSEC_CAP_CIPHER(RTE_CRYPTO_CIPHER_DES_CBC, 8, QATSEC_RANGE(8, 8, 0),
		QATSEC_RANGE(8, 8, 0)),
	QATSEC_CAP_CIPHER(RTE_CRYPTO_CIPHER_DES_DOCSISBPI, 8, QATSEC_RANGE(8, 8, 0),
		QATSEC_RANGE(8, 8, 0)),
	/* 8 (K1 = K2 = K3), 16 (K3 = K1) or 24 bytes of key. */
	QATSEC_CAP_CIPHER(RTE_CRYPTO_CIPHER_3DES_CBC, 8, QATSEC_RANGE(8, 24, 8),
		QATSEC_RANGE(8, 8, 0)),
	/* The 3GPP ciphers take regions in bits (ZUC: whole bytes). */
	QATSEC_CAP_CIPHER(RTE_CRYPTO_CIPHER_SNOW3G_UEA2, 16, QATSEC_RANGE(16, 16, 0),
		QATSEC_RANGE(16, 16, 0)),
	/* ZUC-128 with a 16-byte IV, ZUC-256 with a 25-byte one. */
	QATSEC_CAP_CIPHER(RTE_CRYPTO_CIPHER_ZUC_EEA3, 16, QATSEC_RANGE(16, 32, 16),
		QATSEC_RANGE(16, 25, 9)),
	QATSEC_CAP_CIPHER(RTE_CRYPTO_CIPHER_KASUMI_F8, 8, QATSEC_RANGE(16, 16, 0),
		QATSEC_RANGE(8, 8, 0)),
	QATSEC_CAP_CIPHER(RTE_CRYPTO_CIPHER_NULL, 1, QATSEC_RANGE(0, 0, 0), QATSEC_RANGE(0, 0, 0)),
	QATSEC_CAP_AUTH(RTE_CRYPTO_AUTH_AES_GMAC, 16, QATSEC_RANGE(16, 32, 8),
		QATSEC_RANGE(1, 16, 1), QATSEC_RANGE(12, 12, 0)),
	QATSEC_CAPS_SHA1_SHA2,
	QATSEC_CAP_AUTH(RTE_CRYPTO_AUTH_AES_CMAC, 16, QATSEC_RANGE(16, 32, 16),
		QATSEC_RANGE(1, 16, 1), QATSEC_RANGE(0, 0, 0)),
	/* 96-bit (RFC 3566) or the untruncated 128-bit tag. */
	QATSEC_CAP_AUTH(RTE_CRYPTO_AUTH_AES_XCBC_MAC, 16, QATSEC_RANGE(16, 16, 0),
		QATSEC_RANGE(12, 16, 4), QATSEC_RANGE(0, 0, 0)),
	/* Keys up to the block, as crypto_aesni_mb. */
	QATSEC_CAP_AUTH(RTE_CRYPTO_AUTH_MD5_HMAC, 64, QATSEC_RANGE(1, 64, 1),
		QATSEC_RANGE(1, 16, 1), QATSEC_RANGE(0, 0, 0)),
	QATSEC_CAP_AUTH(RTE_CRYPTO_AUTH_SNOW3G_UIA2, 16, QATSEC_RANGE(16, 16, 0),
		QATSEC_RANGE(4, 4, 0), QATSEC_RANGE(16, 16, 0)),
	/* As crypto_aesni_mb lists it; what one range cannot say is refused
	 * at session creation: ZUC-128 takes IV 16 and MAC 4, ZUC-256 IV 25
	 * and MAC 4, 8 or 16.
	 */
	QATSEC_CAP_AUTH(RTE_CRYPTO_AUTH_ZUC_EIA3, 16, QATSEC_RANGE(16, 32, 16),
		QATSEC_RANGE(4, 16, 4), QATSEC_RANGE(16, 25, 9)),
	/* COUNT and FRESH are part of the message: no IV. */
	QATSEC_CAP_AUTH(RTE_CRYPTO_AUTH_KASUMI_F9, 8, QATSEC_RANGE(16, 16, 0),
		QATSEC_RANGE(4, 4, 0), QATSEC_RANGE(0, 0, 0)),
	QATSEC_CAP_AUTH(RTE_CRYPTO_AUTH_NULL, 1, QATSEC_RANGE(0, 0, 0), QATSEC_RANGE(0, 0, 0),
		QATSEC_RANGE(0, 0, 0)),
	{ .op = RTE_CRYPTO_OP_TYPE_UNDEFINED },
};
