/* SPDX-License-Identifier: BSD-3-Clause
 * ENOTSUP probes for qatsec_kat: session creation for transforms outside the
 * device's advertised capabilities (unadvertised sizes of advertised
 * algorithms, and unadvertised algorithms) must fail with ENOTSUP - not
 * succeed, not crash. Probes the device does advertise are skipped.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <rte_common.h>
#include <rte_crypto_sym.h>

#include "kat_dev.h"
#include "kat_tap.h"

struct probe {
	const char *what;
	enum rte_crypto_sym_xform_type type;
	int algo;
	uint16_t key, iv, dig;
	bool size;	/* unadvertised size (vs unadvertised algorithm) */
};

static const struct probe probes[] = {
	{ "aes-gcm 20-byte key", RTE_CRYPTO_SYM_XFORM_AEAD,
		RTE_CRYPTO_AEAD_AES_GCM, 20, 12, 16, true },
	{ "aes-gcm 7-byte iv", RTE_CRYPTO_SYM_XFORM_AEAD,
		RTE_CRYPTO_AEAD_AES_GCM, 16, 7, 16, true },
	{ "aes-gcm 17-byte tag", RTE_CRYPTO_SYM_XFORM_AEAD,
		RTE_CRYPTO_AEAD_AES_GCM, 16, 12, 17, true },
	{ "aes-ccm 5-byte tag", RTE_CRYPTO_SYM_XFORM_AEAD,
		RTE_CRYPTO_AEAD_AES_CCM, 16, 11, 5, true },
	{ "aes-ccm 14-byte nonce", RTE_CRYPTO_SYM_XFORM_AEAD,
		RTE_CRYPTO_AEAD_AES_CCM, 16, 14, 16, true },
	{ "chacha20-poly1305 16-byte key", RTE_CRYPTO_SYM_XFORM_AEAD,
		RTE_CRYPTO_AEAD_CHACHA20_POLY1305, 16, 12, 16, true },
	{ "aes-cbc 20-byte key", RTE_CRYPTO_SYM_XFORM_CIPHER,
		RTE_CRYPTO_CIPHER_AES_CBC, 20, 16, 0, true },
	{ "aes-cbc 8-byte iv", RTE_CRYPTO_SYM_XFORM_CIPHER,
		RTE_CRYPTO_CIPHER_AES_CBC, 16, 8, 0, true },
	{ "aes-ctr 20-byte key", RTE_CRYPTO_SYM_XFORM_CIPHER,
		RTE_CRYPTO_CIPHER_AES_CTR, 20, 16, 0, true },
	{ "hmac-sha256 33-byte digest", RTE_CRYPTO_SYM_XFORM_AUTH,
		RTE_CRYPTO_AUTH_SHA256_HMAC, 32, 0, 33, true },
	{ "sha1 21-byte digest", RTE_CRYPTO_SYM_XFORM_AUTH,
		RTE_CRYPTO_AUTH_SHA1, 0, 0, 21, true },
	{ "aes-cmac 20-byte key", RTE_CRYPTO_SYM_XFORM_AUTH,
		RTE_CRYPTO_AUTH_AES_CMAC, 20, 0, 16, true },
	{ "aes-gmac 20-byte key", RTE_CRYPTO_SYM_XFORM_AUTH,
		RTE_CRYPTO_AUTH_AES_GMAC, 20, 12, 16, true },
	{ "3des-cbc", RTE_CRYPTO_SYM_XFORM_CIPHER,
		RTE_CRYPTO_CIPHER_3DES_CBC, 24, 8, 0, false },
	{ "aes-xts", RTE_CRYPTO_SYM_XFORM_CIPHER,
		RTE_CRYPTO_CIPHER_AES_XTS, 32, 16, 0, false },
	{ "aes-f8", RTE_CRYPTO_SYM_XFORM_CIPHER,
		RTE_CRYPTO_CIPHER_AES_F8, 16, 16, 0, false },
	{ "arc4", RTE_CRYPTO_SYM_XFORM_CIPHER,
		RTE_CRYPTO_CIPHER_ARC4, 16, 0, 0, false },
	{ "sm4-cbc", RTE_CRYPTO_SYM_XFORM_CIPHER,
		RTE_CRYPTO_CIPHER_SM4_CBC, 16, 16, 0, false },
	{ "kasumi-f8", RTE_CRYPTO_SYM_XFORM_CIPHER,
		RTE_CRYPTO_CIPHER_KASUMI_F8, 16, 8, 0, false },
	{ "snow3g-uea2", RTE_CRYPTO_SYM_XFORM_CIPHER,
		RTE_CRYPTO_CIPHER_SNOW3G_UEA2, 16, 16, 0, false },
	{ "zuc-eea3", RTE_CRYPTO_SYM_XFORM_CIPHER,
		RTE_CRYPTO_CIPHER_ZUC_EEA3, 16, 16, 0, false },
	{ "md5-hmac", RTE_CRYPTO_SYM_XFORM_AUTH,
		RTE_CRYPTO_AUTH_MD5_HMAC, 16, 0, 16, false },
	{ "sha3-256", RTE_CRYPTO_SYM_XFORM_AUTH,
		RTE_CRYPTO_AUTH_SHA3_256, 0, 0, 32, false },
	{ "sha3-256-hmac", RTE_CRYPTO_SYM_XFORM_AUTH,
		RTE_CRYPTO_AUTH_SHA3_256_HMAC, 32, 0, 32, false },
	{ "sm3", RTE_CRYPTO_SYM_XFORM_AUTH,
		RTE_CRYPTO_AUTH_SM3, 0, 0, 32, false },
	{ "aes-cbc-mac", RTE_CRYPTO_SYM_XFORM_AUTH,
		RTE_CRYPTO_AUTH_AES_CBC_MAC, 16, 0, 16, false },
	{ "kasumi-f9", RTE_CRYPTO_SYM_XFORM_AUTH,
		RTE_CRYPTO_AUTH_KASUMI_F9, 16, 0, 4, false },
};

static const char *
errno_name(int e)
{
	switch (e) {
	case EINVAL: return "EINVAL";
	case ENOMEM: return "ENOMEM";
	case EIO: return "EIO";
	case ENODEV: return "ENODEV";
	case EPERM: return "EPERM";
	case EFAULT: return "EFAULT";
	default: return "errno";
	}
}

void
kat_enotsup_run(struct kat_dev *d)
{
	static const uint8_t key[64];
	struct kat_tally t[2];

	if (!kat_selected("enotsup"))
		return;
	printf("# group enotsup (session create on %s outside its "
		"capabilities must fail with ENOTSUP)\n", d->name);
	kat_tally_init(&t[0], "enotsup unadvertised-sizes");
	kat_tally_init(&t[1], "enotsup unadvertised-algorithms");
	for (unsigned int i = 0; i < RTE_DIM(probes); i++) {
		const struct probe *p = &probes[i];
		struct kat_tally *tt = &t[p->size ? 0 : 1];
		struct kat_sess s;
		int ret;

		kat_xf_reset(&s);
		if (p->type == RTE_CRYPTO_SYM_XFORM_AEAD)
			kat_xf_aead(&s, p->algo, RTE_CRYPTO_AEAD_OP_ENCRYPT, key,
				p->key, p->iv, p->dig, 0);
		else if (p->type == RTE_CRYPTO_SYM_XFORM_CIPHER)
			kat_xf_cipher(&s, p->algo, RTE_CRYPTO_CIPHER_OP_ENCRYPT,
				key, p->key, p->iv);
		else
			kat_xf_auth(&s, p->algo, RTE_CRYPTO_AUTH_OP_GENERATE,
				p->key ? key : NULL, p->key, p->dig, p->iv);
		if (kat_caps_ok(d->id, &s)) {
			printf("#   %s: advertised, not probed\n", p->what);
			kat_tally_skip(tt, "advertised");
			continue;
		}
		ret = kat_sess_create(d, &s);
		if (ret == 0) {
			kat_sess_free(&s);
			kat_tally_fail(tt, "%s: session created although not "
				"advertised", p->what);
		} else if (ret == -ENOTSUP) {
			printf("#   %s: ENOTSUP\n", p->what);
			kat_tally_ok(tt);
		} else {
			kat_tally_fail(tt, "%s: expected ENOTSUP got %s (%s)",
				p->what, errno_name(-ret), strerror(-ret));
		}
	}
	for (int i = 0; i < 2; i++)
		kat_tap_emit(&t[i]);
}
