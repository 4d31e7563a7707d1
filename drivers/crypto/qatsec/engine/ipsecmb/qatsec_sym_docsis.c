/* SPDX-License-Identifier: BSD-3-Clause
 * ipsec-mb engine: rte_security lookaside DOCSIS protocol sessions. A
 * downlink frame gets its Ethernet CRC (over the CRC region, written right
 * after it) and is then encrypted with DOCSIS BPI; an uplink frame is
 * decrypted and its CRC checked. One ipsec-mb job per op (DOCSIS BPI with
 * DOCSIS CRC32), in place only, as crypto_aesni_mb does it; fragmented
 * frames run on a linear copy. These ops come after a burst's other jobs
 * (they are deferred like fragmented ones), so the job queue is theirs.
 */
#include <errno.h>
#include <stddef.h>
#include <string.h>

#include <cryptodev_pmd.h>
#include <rte_security.h>
#include <rte_security_driver.h>

#include "qatsec_sym_private.h"

#define DOCSIS_CRC_LEN	4

/* The datapath reads a security session's private data as a cryptodev
 * session's: both sit at the second cache line.
 */
_Static_assert(offsetof(struct rte_security_session, driver_priv_data) ==
	offsetof(struct rte_cryptodev_sym_session, driver_priv_data),
	"security and cryptodev session private data at one offset");

static const struct rte_cryptodev_capabilities qatsec_docsis_crypto_caps[] = {
	{ .op = RTE_CRYPTO_OP_TYPE_SYMMETRIC,
	  .sym = { .xform_type = RTE_CRYPTO_SYM_XFORM_CIPHER,
		.cipher = { .algo = RTE_CRYPTO_CIPHER_AES_DOCSISBPI,
			.block_size = 16,
			.key_size = { .min = 16, .max = 32, .increment = 16 },
			.iv_size = { .min = 16, .max = 16, .increment = 0 } } } },
	{ .op = RTE_CRYPTO_OP_TYPE_UNDEFINED },
};

const struct rte_security_capability qatsec_sym_sec_capabilities[] = {
	{ .action = RTE_SECURITY_ACTION_TYPE_LOOKASIDE_PROTOCOL,
	  .protocol = RTE_SECURITY_PROTOCOL_DOCSIS,
	  .docsis = { .direction = RTE_SECURITY_DOCSIS_DOWNLINK },
	  .crypto_capabilities = qatsec_docsis_crypto_caps },
	{ .action = RTE_SECURITY_ACTION_TYPE_LOOKASIDE_PROTOCOL,
	  .protocol = RTE_SECURITY_PROTOCOL_DOCSIS,
	  .docsis = { .direction = RTE_SECURITY_DOCSIS_UPLINK },
	  .crypto_capabilities = qatsec_docsis_crypto_caps },
	{ .action = RTE_SECURITY_ACTION_TYPE_NONE },
};

/* Downlink encrypts, uplink decrypts: anything else is refused. */
int
qatsec_sym_sec_configure(void *priv, const void *conf_v)
{
	const struct rte_security_session_conf *conf = conf_v;
	const struct rte_crypto_sym_xform *x;
	struct qatsec_sym_sess *s = priv;
	bool down;
	int ret;

	if (conf == NULL || conf->action_type !=
			RTE_SECURITY_ACTION_TYPE_LOOKASIDE_PROTOCOL ||
			conf->protocol != RTE_SECURITY_PROTOCOL_DOCSIS)
		return -ENOTSUP;
	x = conf->crypto_xform;
	down = conf->docsis.direction == RTE_SECURITY_DOCSIS_DOWNLINK;
	if (x == NULL || x->next != NULL ||
			x->type != RTE_CRYPTO_SYM_XFORM_CIPHER ||
			x->cipher.algo != RTE_CRYPTO_CIPHER_AES_DOCSISBPI ||
			(!down && conf->docsis.direction !=
				RTE_SECURITY_DOCSIS_UPLINK) ||
			x->cipher.op != (down ? RTE_CRYPTO_CIPHER_OP_ENCRYPT :
				RTE_CRYPTO_CIPHER_OP_DECRYPT))
		return -ENOTSUP;
	ret = qatsec_sym_session_configure(s, x);
	if (ret != 0)
		return ret;
	s->kind = QATSEC_KIND_DOCSIS;
	/* CRC32 now, one job per op: ipsec-mb checks these jobs. */
	s->nocheck = 0;
	s->cbc_hmac_class = 0;
	/* The CRC region is the op's auth region. */
	s->flags = (s->flags | F_AUTH) & ~(F_OOP_DST | F_OOP_COPY);
	s->hash_alg = IMB_AUTH_DOCSIS_CRC32;
	s->tag_len = DOCSIS_CRC_LEN;
	s->chain_order = down ? IMB_ORDER_HASH_CIPHER : IMB_ORDER_CIPHER_HASH;
	return 0;
}

/* Run the one job; its status, or ERROR. */
static int
qatsec_docsis_job(IMB_MGR *mgr, IMB_JOB *job)
{
	IMB_JOB *j = job;
	uint32_t n;

	n = IMB_SUBMIT_BURST(mgr, 1, &j);
	if (n == 0)
		n = IMB_FLUSH_BURST(mgr, 1, &j);
	return n == 1 && j == job ? job->status : IMB_STATUS_INVALID_ARGS;
}

uint8_t
qatsec_docsis(IMB_MGR *mgr, struct qatsec_tls *t, const struct qatsec_sym_sess *s,
		const struct qatsec_req *r)
{
	const uint8_t *keys = qatsec_keys(s);
	uint64_t crc_end = r->a_len == 0 ? 0 :
		(uint64_t)r->a_off + r->a_len + DOCSIS_CRC_LEN;
	uint32_t hi = (uint32_t)RTE_MAX((uint64_t)r->hi, crc_end);
	bool flat = r->src->data_len >= hi;
	uint8_t *base;
	IMB_JOB *job;

	if (r->dst != NULL || (hi > r->src->pkt_len &&
			hi > qatsec_chain_extent(r->src)) ||
			(!flat && hi > QATSEC_LINEAR_MAX))
		return RTE_CRYPTO_OP_STATUS_INVALID_ARGS;
	base = rte_pktmbuf_mtod(r->src, uint8_t *);
	if (!flat) {
		base = t->bounce;
		if (qatsec_mbuf_copy(r->src, 0, hi, base, false) != 0)
			return RTE_CRYPTO_OP_STATUS_INVALID_ARGS;
	}
	if (IMB_GET_NEXT_BURST(mgr, 1, &job) != 1)
		return RTE_CRYPTO_OP_STATUS_ERROR;
	job->chain_order = s->chain_order;
	job->cipher_direction = s->cipher_dir;
	job->cipher_mode = IMB_CIPHER_DOCSIS_SEC_BPI;
	job->key_len_in_bytes = s->key_len;
	job->enc_keys = keys + KEY_AES_ENC;
	job->dec_keys = keys + KEY_AES_DEC;
	job->iv = r->iv;
	job->iv_len_in_bytes = s->iv_len;
	job->src = base;
	job->dst = base + r->c_off;
	job->cipher_start_src_offset_in_bytes = r->c_off;
	job->msg_len_to_cipher_in_bytes = r->c_len;
	job->hash_alg = IMB_AUTH_DOCSIS_CRC32;
	job->hash_start_src_offset_in_bytes = r->a_off;
	job->msg_len_to_hash_in_bytes = r->a_len;
	/* Downlink: ipsec-mb writes the CRC into the frame itself. */
	job->auth_tag_output = t->tag;
	job->auth_tag_output_len_in_bytes = DOCSIS_CRC_LEN;
	job->user_data = NULL;
	if (qatsec_docsis_job(mgr, job) != IMB_STATUS_COMPLETED)
		return RTE_CRYPTO_OP_STATUS_ERROR;
	if (!flat && qatsec_mbuf_copy(r->src, 0, hi, base, true) != 0)
		return RTE_CRYPTO_OP_STATUS_INVALID_ARGS;
	if (s->cipher_dir == IMB_DIR_DECRYPT && r->a_len != 0 &&
			!qatsec_tag_eq(t->tag, base + r->a_off + r->a_len,
				DOCSIS_CRC_LEN))
		return RTE_CRYPTO_OP_STATUS_AUTH_FAILED;
	return RTE_CRYPTO_OP_STATUS_SUCCESS;
}
