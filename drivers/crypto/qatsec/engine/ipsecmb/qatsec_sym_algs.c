/* SPDX-License-Identifier: BSD-3-Clause
 * ipsec-mb engine: the algorithms past AES and SHA, all on the burst job
 * API: DES-CBC, 3DES-CBC, DES-DOCSIS BPI, SNOW3G UEA2/UIA2, ZUC EEA3/EIA3
 * (ZUC-256 included), KASUMI F8/F9 and HMAC-MD5. Their session parts, how
 * an op's regions in bits become the engine's regions in bytes, and the job
 * fields only they need. Keys are expanded into the session by value.
 */
#include <errno.h>
#include <math.h>
#include <string.h>

#include "qatsec_sym_private.h"

static void
qatsec_des_ks(IMB_MGR *mgr, uint8_t *ks, const uint8_t *key)
{
	IMB_DES_KEYSCHED(mgr, (uint64_t *)ks, key);
}

/* 3DES keys of 8 (K1 = K2 = K3), 16 (K3 = K1) or 24 bytes, as DPDK's
 * PMDs take them; the job gets pointers to the three schedules.
 */
static void
qatsec_des3_init(IMB_MGR *mgr, struct qatsec_sym_sess *s, uint8_t *keys,
		const uint8_t *key, uint32_t len)
{
	const uint8_t *k2 = len >= 16 ? key + 8 : key;
	const uint8_t *k3 = len == 24 ? key + 16 : key;

	qatsec_des_ks(mgr, keys + KEY_DES_KS(0), key);
	qatsec_des_ks(mgr, keys + KEY_DES_KS(1), k2);
	qatsec_des_ks(mgr, keys + KEY_DES_KS(2), k3);
	s->des3 = 1;
	s->key_len = IMB_KEY_192_BYTES;
}

/* ZUC-128 takes a 16-byte IV, ZUC-256 a 25-byte one. */
static bool
qatsec_zuc_sizes_ok(uint32_t key_len, uint32_t iv_len)
{
	return (key_len == 16 && iv_len == 16) ||
		(key_len == 32 && iv_len == 25);
}

int
qatsec_cipher_more(IMB_MGR *mgr, struct qatsec_sym_sess *s, uint8_t *keys,
		const struct rte_crypto_cipher_xform *x)
{
	switch (x->algo) {
	case RTE_CRYPTO_CIPHER_DES_CBC:
	case RTE_CRYPTO_CIPHER_DES_DOCSISBPI:
		/* The job reads the decryption schedule where AES's is. */
		qatsec_des_ks(mgr, keys + KEY_AES_ENC, x->key.data);
		memcpy(keys + KEY_AES_DEC, keys + KEY_AES_ENC, 128);
		if (x->algo == RTE_CRYPTO_CIPHER_DES_DOCSISBPI) {
			s->cipher_mode = IMB_CIPHER_DOCSIS_DES;
			return 0;
		}
		s->cipher_mode = IMB_CIPHER_DES;
		s->flags |= F_CBC;
		s->c_blk_mask = 7;
		return 0;
	case RTE_CRYPTO_CIPHER_3DES_CBC:
		s->cipher_mode = IMB_CIPHER_DES3;
		s->flags |= F_CBC;
		s->c_blk_mask = 7;
		qatsec_des3_init(mgr, s, keys, x->key.data, x->key.length);
		return 0;
	case RTE_CRYPTO_CIPHER_SNOW3G_UEA2:
		s->cipher_mode = IMB_CIPHER_SNOW3G_UEA2_BITLEN;
		s->bits |= B_C_BITS;
		IMB_SNOW3G_INIT_KEY_SCHED(mgr, x->key.data,
			(snow3g_key_schedule_t *)(keys + KEY_3GPP_CIPHER));
		return 0;
	case RTE_CRYPTO_CIPHER_KASUMI_F8:
		s->cipher_mode = IMB_CIPHER_KASUMI_UEA1_BITLEN;
		s->bits |= B_C_BITS;
		IMB_KASUMI_INIT_F8_KEY_SCHED(mgr, x->key.data,
			(kasumi_key_sched_t *)(keys + KEY_3GPP_CIPHER));
		return 0;
	case RTE_CRYPTO_CIPHER_ZUC_EEA3:
		if (!qatsec_zuc_sizes_ok(x->key.length, x->iv.length))
			return -ENOTSUP;
		s->cipher_mode = IMB_CIPHER_ZUC_EEA3;
		s->bits |= B_C_BYTES;
		memcpy(keys + KEY_3GPP_CIPHER, x->key.data, x->key.length);
		return 0;
	default:
		return 1;
	}
}

/* The MD5 compression function (RFC 1321), for the one HMAC-MD5 ipsec-mb
 * 1.3 cannot make: that of the empty message (its HMAC jobs refuse a zero
 * length and it has no one-shot MD5). Run once per session, at creation.
 */
static void
qatsec_md5_block(uint32_t st[4], const uint8_t blk[64])
{
	static const uint8_t sh[4][4] = {
		{ 7, 12, 17, 22 }, { 5, 9, 14, 20 },
		{ 4, 11, 16, 23 }, { 6, 10, 15, 21 },
	};
	uint32_t a = st[0], b = st[1], c = st[2], d = st[3], f, m[16], t;
	unsigned int i, g;

	memcpy(m, blk, 64);	/* little-endian words, as on x86 */
	for (i = 0; i < 64; i++) {
		if (i < 16) {
			f = (b & c) | (~b & d);
			g = i;
		} else if (i < 32) {
			f = (d & b) | (~d & c);
			g = (5 * i + 1) % 16;
		} else if (i < 48) {
			f = b ^ c ^ d;
			g = (3 * i + 5) % 16;
		} else {
			f = c ^ (b | ~d);
			g = (7 * i) % 16;
		}
		/* K[i] = floor(|sin(i + 1)| * 2^32), exact in double. */
		f += a + (uint32_t)(fabs(sin((double)i + 1)) * 4294967296.0) +
			m[g];
		t = sh[i / 16][i % 4];
		a = d;
		d = c;
		c = b;
		b += (f << t) | (f >> (32 - t));
	}
	st[0] += a;
	st[1] += b;
	st[2] += c;
	st[3] += d;
}

/* Finish the MD5 state st (after pre bytes) over len < 56 bytes of in. */
static void
qatsec_md5_final(const uint8_t *state, uint64_t pre, const uint8_t *in,
		uint32_t len, uint8_t out[16])
{
	uint8_t blk[64] = { 0 };
	uint64_t bits = (pre + len) * 8;
	uint32_t st[4];

	memcpy(st, state, 16);
	if (len != 0)
		memcpy(blk, in, len);
	blk[len] = 0x80;
	memcpy(blk + 56, &bits, 8);
	qatsec_md5_block(st, blk);
	memcpy(out, st, 16);
}

/* HMAC-MD5: keys up to the block (as crypto_aesni_mb), so no key is hashed
 * first; ipsec-mb emits 12 or 16 bytes, other lengths are cut from 16.
 */
static void
qatsec_md5_init(IMB_MGR *mgr, struct qatsec_sym_sess *s, uint8_t *keys,
		const struct rte_crypto_auth_xform *x)
{
	uint8_t ipad[64], opad[64];
	uint32_t i;

	memset(ipad, 0x36, sizeof(ipad));
	memset(opad, 0x5c, sizeof(opad));
	for (i = 0; i < x->key.length; i++) {
		ipad[i] ^= x->key.data[i];
		opad[i] ^= x->key.data[i];
	}
	IMB_MD5_ONE_BLOCK(mgr, ipad, keys + KEY_HMAC_IPAD);
	IMB_MD5_ONE_BLOCK(mgr, opad, keys + KEY_HMAC_OPAD);
	/* HMAC(K, "") = MD5(opad | MD5(ipad)), from the two states. */
	qatsec_md5_final(keys + KEY_HMAC_IPAD, 64, NULL, 0, ipad);
	qatsec_md5_final(keys + KEY_HMAC_OPAD, 64, ipad, 16,
		keys + KEY_HMAC_EMPTY);
	explicit_bzero(ipad, sizeof(ipad));
	explicit_bzero(opad, sizeof(opad));
	s->hash_alg = IMB_AUTH_MD5;
	s->job_union = QATSEC_JOB_U_HMAC;
	if (s->digest_len != 12)
		s->tag_len = 16;
}

static int
qatsec_zuc_auth_init(struct qatsec_sym_sess *s, uint8_t *keys,
		const struct rte_crypto_auth_xform *x)
{
	if (!qatsec_zuc_sizes_ok(x->key.length, x->iv.length))
		return -ENOTSUP;
	/* ZUC-128 EIA3 has a 4-byte MAC; ZUC-256 4, 8 or 16. */
	if (x->key.length == 16 ? x->digest_length != 4 :
			x->digest_length == 12)
		return -ENOTSUP;
	s->hash_alg = x->key.length == 16 ? IMB_AUTH_ZUC_EIA3_BITLEN :
		IMB_AUTH_ZUC256_EIA3_BITLEN;
	s->job_union = QATSEC_JOB_U_ZUC;
	memcpy(keys + KEY_3GPP_AUTH, x->key.data, x->key.length);
	return 0;
}

int
qatsec_auth_more(IMB_MGR *mgr, struct qatsec_sym_sess *s, uint8_t *keys,
		const struct rte_crypto_auth_xform *x)
{
	switch (x->algo) {
	case RTE_CRYPTO_AUTH_MD5_HMAC:
		qatsec_md5_init(mgr, s, keys, x);
		return 0;
	case RTE_CRYPTO_AUTH_SNOW3G_UIA2:
		s->hash_alg = IMB_AUTH_SNOW3G_UIA2_BITLEN;
		s->job_union = QATSEC_JOB_U_SNOW3G;
		s->bits |= B_A_BITS;
		IMB_SNOW3G_INIT_KEY_SCHED(mgr, x->key.data,
			(snow3g_key_schedule_t *)(keys + KEY_3GPP_AUTH));
		break;
	case RTE_CRYPTO_AUTH_ZUC_EIA3:
		if (qatsec_zuc_auth_init(s, keys, x) != 0)
			return -ENOTSUP;
		s->bits |= B_A_BITS;
		break;
	case RTE_CRYPTO_AUTH_KASUMI_F9:
		/* Its IV (COUNT, FRESH) is part of the message. */
		s->hash_alg = IMB_AUTH_KASUMI_UIA1;
		s->job_union = QATSEC_JOB_U_KASUMI;
		s->bits |= B_A_BYTES;
		IMB_KASUMI_INIT_F9_KEY_SCHED(mgr, x->key.data,
			(kasumi_key_sched_t *)(keys + KEY_3GPP_AUTH));
		return 0;
	default:
		return 1;
	}
	s->auth_iv_off = x->iv.offset;
	s->auth_iv_len = x->iv.length;
	return 0;
}

int
qatsec_req_bits(const struct qatsec_sym_sess *s, const struct rte_crypto_op *op,
		struct qatsec_req *r)
{
	const struct rte_crypto_sym_op *sym = op->sym;
	uint32_t off, len;

	if (s->bits & (B_C_BITS | B_C_BYTES)) {
		off = sym->cipher.data.offset;
		len = sym->cipher.data.length;
		if ((s->bits & B_C_BYTES) && ((off | len) & 7) != 0)
			return -1;
		r->c_bits = len;
		r->c_bitoff = len == 0 ? 0 : off & 7;
		/* An empty region starting inside a byte starts after it:
		 * one past the packet's last bit is out of the packet.
		 */
		r->c_off = len == 0 ? (uint32_t)(((uint64_t)off + 7) >> 3) :
			off >> 3;
		r->c_len = len == 0 ? 0 :
			(uint32_t)(((uint64_t)(off & 7) + len + 7) >> 3);
	}
	if (s->bits & (B_A_BITS | B_A_BYTES)) {
		off = sym->auth.data.offset;
		len = sym->auth.data.length;
		if ((off & 7) != 0 || ((s->bits & B_A_BYTES) && (len & 7) != 0))
			return -1;
		r->a_bits = len;
		r->a_off = off >> 3;
		r->a_len = (uint32_t)(((uint64_t)len + 7) >> 3);
	}
	if (s->auth_iv_len != 0)
		r->auth_iv = rte_crypto_op_ctod_offset(op, const uint8_t *,
			s->auth_iv_off);
	return 0;
}

void
qatsec_job_more(IMB_JOB *job, const struct qatsec_sym_sess *s,
		const struct qatsec_req *r, uint32_t lo, uint8_t *scratch)
{
	const uint8_t *keys = qatsec_keys(s);
	const void **ks;

	if (s->des3) {
		ks = (const void **)(scratch + QATSEC_DIGEST_MAX);
		ks[0] = keys + KEY_DES_KS(0);
		ks[1] = keys + KEY_DES_KS(1);
		ks[2] = keys + KEY_DES_KS(2);
		job->enc_keys = ks;
		job->dec_keys = ks;
	}
	/* The bit offset counts from base on both sides: dst steps back to
	 * where base is in the output.
	 */
	if ((s->bits & B_C_BITS) && job->cipher_mode != IMB_CIPHER_NULL) {
		job->cipher_start_src_offset_in_bits =
			(uint64_t)(r->c_off - lo) * 8 + r->c_bitoff;
		job->msg_len_to_cipher_in_bits = r->c_bits;
		job->dst -= r->c_off - lo;
	}
	switch (s->job_union) {
	case QATSEC_JOB_U_SNOW3G:
		job->u.SNOW3G_UIA2._key = keys + KEY_3GPP_AUTH;
		job->u.SNOW3G_UIA2._iv = r->auth_iv;
		job->msg_len_to_hash_in_bits = r->a_bits;
		break;
	case QATSEC_JOB_U_ZUC:
		job->u.ZUC_EIA3._key = keys + KEY_3GPP_AUTH;
		job->u.ZUC_EIA3._iv = r->auth_iv;
		job->u.ZUC_EIA3._iv23 = NULL;
		job->msg_len_to_hash_in_bits = r->a_bits;
		break;
	case QATSEC_JOB_U_KASUMI:
		job->u.KASUMI_UIA1._key = keys + KEY_3GPP_AUTH;
		break;
	default:
		break;
	}
}
