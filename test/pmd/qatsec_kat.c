/* SPDX-License-Identifier: BSD-3-Clause
 * qatsec_kat: known-answer and differential test program for a cryptodev PMD.
 *
 *   qatsec_kat [EAL args] -- --dev NAME [--ref NAME[,NAME]] [--vectors DIR]
 *              [--only GROUPS] [--seed N] [--iters N] [--burst N]
 *              [--timeout-ms N] [--strict] [--known-bad LINES]
 *              [--modes MODES] [--avoid empty-hmac,empty-oop-sgl]
 *
 * Written for crypto_qatsec but generic over any cryptodev, so it is
 * validated against DPDK's own crypto_aesni_mb and crypto_openssl:
 *  1. known answers parsed at run time from the NIST/RFC files of
 *     python3-cryptography-vectors, both directions, every buffer mode
 *     (in-place / out-of-place x linear / segmented) the device advertises;
 *  2. session creation for unadvertised parameters must fail with ENOTSUP;
 *  3. with --ref, random differential cases against reference devices
 *     (kat_diff.c; per algorithm the first reference that has it);
 *  4. every enqueued op must be dequeued exactly once (kat_dev.c).
 * Output is TAP on stdout, one line per group / direction / mode.
 */
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <rte_common.h>
#include <rte_cryptodev.h>
#include <rte_cycles.h>
#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_log.h>

#include "kat_dev.h"
#include "kat_tap.h"
#include "tap.h"
#include "kat_vectors.h"

/* Jobs per case variant at most: modes x (normal + corrupted). */
#define JOBS_PER_CASE	(KAT_M_NUM * 2)

/* ---- batching of KAT jobs ---- */

struct meta {
	struct kat_tally *t;
	char where[160];
	int exp_status;
	const uint8_t *exp_out;
	const uint8_t *exp_digest;
	uint8_t dig[KAT_MAX_DIGEST];	/* corrupted digest to verify */
};

static struct kat_job jobs[KAT_MAX_BATCH];
static struct meta meta[KAT_MAX_BATCH];
static uint8_t outbuf[KAT_MAX_BATCH][KAT_MAX_DATA];
static struct kat_sess *sess[KAT_MAX_BATCH];
static unsigned int njobs, nsess;

static void
flush(struct kat_dev *d)
{
	kat_run(d, jobs, njobs);
	for (unsigned int i = 0; i < njobs; i++)
		kat_check_job(meta[i].t, meta[i].where, &jobs[i],
			meta[i].exp_status, meta[i].exp_out, meta[i].exp_digest);
	for (unsigned int i = 0; i < nsess; i++) {
		/* keeps the DPDK session if one of its ops was lost */
		kat_sess_free(sess[i]);
		free(sess[i]);
	}
	njobs = nsess = 0;
	if (d->lost > 3)
		kat_tap_bail("%s lost %u ops: device unusable", d->name, d->lost);
}

/* Mix the run seed with case coordinates (reproducible segmentation). */
static uint64_t
mix(uint64_t a, uint64_t b, uint64_t c)
{
	uint64_t s = kat_opt.seed ^ (a * 0x9e3779b97f4a7c15ull) ^
		(b << 32) ^ c;

	return kat_rand(&s);
}

/* ---- known-answer groups ---- */

/* One vector turned into a session and job inputs / expectations. */
struct kcase {
	struct kat_sess s;
	const uint8_t *in;
	uint32_t len;
	const uint8_t *iv, *aiv, *aad;
	const uint8_t *digest_in;
	const uint8_t *exp_out, *exp_digest;
	int exp_status;
	bool corrupt;		/* add a corrupted-digest job */
	uint16_t trunc;		/* also run with the digest truncated */
};

/* Returns NULL, or why the vector cannot be used in this direction. */
typedef const char *(*kbuild)(const struct kat_vec *v, bool fwd,
		const void *arg, struct kcase *c);

struct kgroup {
	const char *name;
	const char *fwd, *rev;		/* direction names */
	struct kat_vecset *sets[2];
	kbuild build;
	const void *arg;
};

static const char *
aead_build(const struct kat_vec *v, bool fwd, const void *arg, struct kcase *c)
{
	enum rte_crypto_aead_algorithm algo =
		*(const enum rte_crypto_aead_algorithm *)arg;

	if (fwd && (v->fail || v->no_pt))
		return "tag-failure vector (decrypt only)";
	if (v->aad_len > KAT_MAX_AAD)
		return "aad too long for harness";
	kat_xf_aead(&c->s, algo, fwd ? RTE_CRYPTO_AEAD_OP_ENCRYPT :
		RTE_CRYPTO_AEAD_OP_DECRYPT, v->key, (uint16_t)v->key_len,
		(uint16_t)v->iv_len, (uint16_t)v->tag_len, (uint16_t)v->aad_len);
	c->iv = v->iv;
	c->aad = v->aad;
	c->exp_status = RTE_CRYPTO_OP_STATUS_SUCCESS;
	if (fwd) {
		c->in = v->pt;
		c->len = v->pt_len;
		c->exp_out = v->ct;
		c->exp_digest = v->tag;
	} else {
		c->in = v->ct;
		c->len = v->ct_len;
		c->digest_in = v->tag;
		if (v->fail)
			c->exp_status = RTE_CRYPTO_OP_STATUS_AUTH_FAILED;
		else
			c->exp_out = v->pt;
		c->corrupt = !v->fail;
	}
	return NULL;
}

/* GMAC = GCM with an empty plaintext: authenticate the AAD only. */
static const char *
gmac_build(const struct kat_vec *v, bool fwd, const void *arg, struct kcase *c)
{
	(void)arg;
	if (v->ct_len != 0)
		return "non-empty plaintext (not a GMAC case)";
	if (fwd && v->fail)
		return "tag-failure vector (verify only)";
	kat_xf_auth(&c->s, RTE_CRYPTO_AUTH_AES_GMAC, fwd ?
		RTE_CRYPTO_AUTH_OP_GENERATE : RTE_CRYPTO_AUTH_OP_VERIFY,
		v->key, (uint16_t)v->key_len, (uint16_t)v->tag_len,
		(uint16_t)v->iv_len);
	c->in = v->aad;
	c->len = v->aad_len;
	c->aiv = v->iv;
	c->exp_status = RTE_CRYPTO_OP_STATUS_SUCCESS;
	if (fwd) {
		c->exp_digest = v->tag;
	} else {
		c->digest_in = v->tag;
		if (v->fail)
			c->exp_status = RTE_CRYPTO_OP_STATUS_AUTH_FAILED;
		c->corrupt = !v->fail;
	}
	return NULL;
}

static const char *
cipher_build(const struct kat_vec *v, bool fwd, const void *arg,
		struct kcase *c)
{
	enum rte_crypto_cipher_algorithm algo =
		*(const enum rte_crypto_cipher_algorithm *)arg;

	kat_xf_cipher(&c->s, algo, fwd ? RTE_CRYPTO_CIPHER_OP_ENCRYPT :
		RTE_CRYPTO_CIPHER_OP_DECRYPT, v->key, (uint16_t)v->key_len,
		(uint16_t)v->iv_len);
	c->iv = v->iv;
	c->in = fwd ? v->pt : v->ct;
	c->len = v->pt_len;
	c->exp_out = fwd ? v->ct : v->pt;
	c->exp_status = RTE_CRYPTO_OP_STATUS_SUCCESS;
	return NULL;
}

struct auth_arg {
	enum rte_crypto_auth_algorithm algo;
	bool keyed;
	uint16_t trunc;
};

static const char *
auth_build(const struct kat_vec *v, bool fwd, const void *arg, struct kcase *c)
{
	const struct auth_arg *a = arg;

	if (v->tag_len > KAT_MAX_DIGEST)
		return "digest too long for harness";
	if (a->keyed && v->pt_len == 0 && kat_opt.avoid_empty_hmac &&
			a->algo != RTE_CRYPTO_AUTH_AES_CMAC)
		return "avoided: empty HMAC input (--avoid)";
	kat_xf_auth(&c->s, a->algo, fwd ? RTE_CRYPTO_AUTH_OP_GENERATE :
		RTE_CRYPTO_AUTH_OP_VERIFY, a->keyed ? v->key : NULL,
		a->keyed ? (uint16_t)v->key_len : 0, (uint16_t)v->tag_len, 0);
	c->in = v->pt;
	c->len = v->pt_len;
	c->exp_status = RTE_CRYPTO_OP_STATUS_SUCCESS;
	if (fwd) {
		c->exp_digest = v->tag;
	} else {
		c->digest_in = v->tag;
		c->corrupt = true;
	}
	if (a->trunc && a->trunc < v->tag_len)
		c->trunc = a->trunc;
	return NULL;
}

/* Queue the jobs of one case variant on every usable mode. */
static void
queue_case(struct kat_tally *t, const struct kcase *c,
		struct kat_sess *s, const char *where, uint64_t seed)
{
	for (int m = 0; m < KAT_M_NUM; m++) {
		if (t[m].skip_line != NULL)
			continue;
		for (int corrupt = 0; corrupt <= (c->corrupt ? 1 : 0); corrupt++) {
			struct kat_job *j = &jobs[njobs];
			struct meta *mt = &meta[njobs];

			memset(j, 0, sizeof(*j));
			j->s = s;
			j->mode = (enum kat_mode)m;
			j->in = c->in;
			j->len = c->len;
			j->iv = c->iv;
			j->aiv = c->aiv;
			j->aad = c->aad;
			j->digest_in = c->digest_in;
			j->seg_seed = seed + (uint64_t)m * 2 + (uint64_t)corrupt;
			j->out = outbuf[njobs];
			mt->t = &t[m];
			mt->exp_status = c->exp_status;
			mt->exp_out = c->exp_out;
			mt->exp_digest = c->exp_digest;
			snprintf(mt->where, sizeof(mt->where), "%s%s", where,
				corrupt ? " (corrupted digest)" : "");
			if (corrupt) {
				/* flip one bit, position varying by case */
				memcpy(mt->dig, c->digest_in, s->digest_len);
				mt->dig[seed % s->digest_len] ^=
					(uint8_t)(1u << (seed % 8));
				j->digest_in = mt->dig;
				mt->exp_status = RTE_CRYPTO_OP_STATUS_AUTH_FAILED;
				mt->exp_out = NULL;
			}
			njobs++;
		}
	}
}

/* One vector, full digest (var 0) or truncated (var 1): session + jobs. */
static void
run_variant(struct kat_dev *d, struct kat_tally *t, struct kcase *c,
		const char *vwhere, int var, uint64_t seed)
{
	char where[128];
	struct kat_sess *s;
	const char *why;
	int ret;

	if (var == 1)
		c->s.xf[0].auth.digest_length = c->trunc;
	why = kat_caps_why(d->id, &c->s);
	if (why != NULL) {
		kat_tally_skip_all(t, var ? "truncated digest not advertised" :
			why);
		return;
	}
	snprintf(where, sizeof(where), "%s%s", vwhere,
		var ? " (digest truncated)" : "");
	if (njobs + JOBS_PER_CASE > KAT_MAX_BATCH || nsess == KAT_MAX_BATCH)
		flush(d);
	s = malloc(sizeof(*s));
	if (s == NULL)
		kat_tap_bail("out of memory");
	*s = c->s;
	ret = kat_sess_create(d, s);
	if (ret < 0) {
		/* advertised but refused: a capability/session mismatch */
		for (int m = 0; m < KAT_M_NUM; m++)
			if (t[m].skip_line == NULL)
				kat_tally_fail(&t[m], "case %s: session create "
					"failed for advertised parameters: %s",
					where, strerror(-ret));
		free(s);
		return;
	}
	sess[nsess++] = s;
	queue_case(t, c, s, where, seed);
}

static void
run_dir(struct kat_dev *d, const struct kgroup *g, bool fwd)
{
	struct kat_tally t[KAT_M_NUM];
	unsigned int total = 0, usable = 0;

	kat_tally_init_modes(t, d, g->name, fwd ? g->fwd : g->rev);
	for (int m = 0; m < KAT_M_NUM; m++)
		usable += t[m].skip_line == NULL;
	for (int si = 0; si < 2 && g->sets[si] != NULL && usable; si++) {
		const struct kat_vecset *vs = g->sets[si];

		total += vs->n;
		for (unsigned int vi = 0; vi < vs->n; vi++) {
			const struct kat_vec *v = &vs->v[vi];
			struct kcase c;
			const char *why;

			if (v->skip != NULL) {
				kat_tally_skip_all(t, v->skip);
				continue;
			}
			memset(&c, 0, sizeof(c));
			why = g->build(v, fwd, g->arg, &c);
			if (why != NULL) {
				kat_tally_skip_all(t, why);
				continue;
			}
			for (int var = 0; var < (c.trunc ? 2 : 1); var++)
				run_variant(d, t, &c, v->where, var,
					mix(si * 1000003u + vi, var, fwd));
		}
	}
	flush(d);
	kat_tally_finish_modes(t);
	for (int m = 0; m < KAT_M_NUM; m++) {
		if (total == 0 && usable && t[m].skip_line == NULL)
			snprintf(t[m].note, sizeof(t[m].note),
				"no vectors loaded");
		kat_tap_emit(&t[m]);
	}
}

static void
run_group(struct kat_dev *d, const struct kgroup *g)
{
	if (!kat_selected(g->name))
		return;
	printf("# group %s\n", g->name);
	run_dir(d, g, true);
	run_dir(d, g, false);
}

static struct kat_vecset vs_gcm_enc, vs_gcm_dec, vs_ccm_enc, vs_ccm_dec,
	vs_chacha, vs_cbc, vs_ctr, vs_cmac, vs_sha[5], vs_hmac[5], vs_ecb,
	vs_des, vs_3des, vs_md5;

static void
run_kat(struct kat_dev *d)
{
	static const enum rte_crypto_aead_algorithm a_gcm =
		RTE_CRYPTO_AEAD_AES_GCM, a_ccm = RTE_CRYPTO_AEAD_AES_CCM,
		a_chacha = RTE_CRYPTO_AEAD_CHACHA20_POLY1305;
	static const enum rte_crypto_cipher_algorithm c_cbc =
		RTE_CRYPTO_CIPHER_AES_CBC, c_ctr = RTE_CRYPTO_CIPHER_AES_CTR,
		c_ecb = RTE_CRYPTO_CIPHER_AES_ECB, c_des = RTE_CRYPTO_CIPHER_DES_CBC,
		c_3des = RTE_CRYPTO_CIPHER_3DES_CBC;
	static const char *const sha_names[5] = {
		"SHA1", "SHA224", "SHA256", "SHA384", "SHA512"
	};
	static const char *const hmac_files[5] = {
		"rfc-2202-sha1.txt", "rfc-4231-sha224.txt", "rfc-4231-sha256.txt",
		"rfc-4231-sha384.txt", "rfc-4231-sha512.txt"
	};
	static const char *const lower[5] = {
		"sha1", "sha224", "sha256", "sha384", "sha512"
	};
	static const enum rte_crypto_auth_algorithm sha_algo[5] = {
		RTE_CRYPTO_AUTH_SHA1, RTE_CRYPTO_AUTH_SHA224,
		RTE_CRYPTO_AUTH_SHA256, RTE_CRYPTO_AUTH_SHA384,
		RTE_CRYPTO_AUTH_SHA512
	};
	static const enum rte_crypto_auth_algorithm hmac_algo[5] = {
		RTE_CRYPTO_AUTH_SHA1_HMAC, RTE_CRYPTO_AUTH_SHA224_HMAC,
		RTE_CRYPTO_AUTH_SHA256_HMAC, RTE_CRYPTO_AUTH_SHA384_HMAC,
		RTE_CRYPTO_AUTH_SHA512_HMAC
	};
	static struct auth_arg sha_arg[5], hmac_arg[5];
	static const struct auth_arg cmac_arg = { RTE_CRYPTO_AUTH_AES_CMAC, true, 0 };
	static const struct auth_arg md5_arg = { RTE_CRYPTO_AUTH_MD5_HMAC, true, 12 };
	static char hmac_name[5][16];
	const char *dir = kat_opt.vectors;

	if (kat_selected("aes-gcm") || kat_selected("aes-gmac"))
		kat_load_gcm(dir, &vs_gcm_enc, &vs_gcm_dec);
	run_group(d, &(struct kgroup){ "aes-gcm", "encrypt", "decrypt",
		{ &vs_gcm_enc, &vs_gcm_dec }, aead_build, &a_gcm });
	run_group(d, &(struct kgroup){ "aes-gmac", "generate", "verify",
		{ &vs_gcm_enc, &vs_gcm_dec }, gmac_build, NULL });

	if (kat_selected("aes-ccm"))
		kat_load_ccm(dir, &vs_ccm_enc, &vs_ccm_dec);
	run_group(d, &(struct kgroup){ "aes-ccm", "encrypt", "decrypt",
		{ &vs_ccm_enc, &vs_ccm_dec }, aead_build, &a_ccm });

	if (kat_selected("chacha20-poly1305"))
		kat_load_chacha(dir, &vs_chacha);
	run_group(d, &(struct kgroup){ "chacha20-poly1305", "encrypt", "decrypt",
		{ &vs_chacha, NULL }, aead_build, &a_chacha });

	if (kat_selected("aes-cbc"))
		kat_load_cbc(dir, &vs_cbc);
	run_group(d, &(struct kgroup){ "aes-cbc", "encrypt", "decrypt",
		{ &vs_cbc, NULL }, cipher_build, &c_cbc });
	if (kat_selected("aes-ctr"))
		kat_load_ctr(dir, &vs_ctr);
	run_group(d, &(struct kgroup){ "aes-ctr", "encrypt", "decrypt",
		{ &vs_ctr, NULL }, cipher_build, &c_ctr });

	if (kat_selected("aes-ecb"))
		kat_load_ecb(dir, &vs_ecb);
	run_group(d, &(struct kgroup){ "aes-ecb", "encrypt", "decrypt",
		{ &vs_ecb, NULL }, cipher_build, &c_ecb });
	/* Single-DES is TDES with K1 = K2 = K3: the NIST TDES files. */
	if (kat_selected("des-cbc"))
		kat_load_tdes_cbc(dir, true, &vs_des);
	run_group(d, &(struct kgroup){ "des-cbc", "encrypt", "decrypt",
		{ &vs_des, NULL }, cipher_build, &c_des });
	if (kat_selected("3des-cbc"))
		kat_load_tdes_cbc(dir, false, &vs_3des);
	run_group(d, &(struct kgroup){ "3des-cbc", "encrypt", "decrypt",
		{ &vs_3des, NULL }, cipher_build, &c_3des });

	for (int i = 0; i < 5; i++) {
		sha_arg[i] = (struct auth_arg){ sha_algo[i], false, 0 };
		if (kat_selected(lower[i]))
			kat_load_sha(dir, sha_names[i], &vs_sha[i]);
		run_group(d, &(struct kgroup){ lower[i], "generate", "verify",
			{ &vs_sha[i], NULL }, auth_build, &sha_arg[i] });
	}
	for (int i = 0; i < 5; i++) {
		/* RFC 2202 truncates HMAC-SHA1 to 96 bits, RFC 4231 to 128 */
		hmac_arg[i] = (struct auth_arg){ hmac_algo[i], true,
			i == 0 ? 12 : 16 };
		snprintf(hmac_name[i], sizeof(hmac_name[i]), "hmac-%s", lower[i]);
		if (kat_selected(hmac_name[i]))
			kat_load_hmac(dir, hmac_files[i], &vs_hmac[i]);
		run_group(d, &(struct kgroup){ hmac_name[i], "generate", "verify",
			{ &vs_hmac[i], NULL }, auth_build, &hmac_arg[i] });
	}
	if (kat_selected("hmac-md5"))
		kat_load_hmac(dir, "rfc-2202-md5.txt", &vs_md5);
	run_group(d, &(struct kgroup){ "hmac-md5", "generate", "verify",
		{ &vs_md5, NULL }, auth_build, &md5_arg });
	if (kat_selected("aes-cmac"))
		kat_load_cmac(dir, &vs_cmac);
	run_group(d, &(struct kgroup){ "aes-cmac", "generate", "verify",
		{ &vs_cmac, NULL }, auth_build, &cmac_arg });
}

static void
free_vectors(void)
{
	kat_vecset_free(&vs_gcm_enc);
	kat_vecset_free(&vs_gcm_dec);
	kat_vecset_free(&vs_ccm_enc);
	kat_vecset_free(&vs_ccm_dec);
	kat_vecset_free(&vs_chacha);
	kat_vecset_free(&vs_cbc);
	kat_vecset_free(&vs_ctr);
	kat_vecset_free(&vs_cmac);
	kat_vecset_free(&vs_ecb);
	kat_vecset_free(&vs_des);
	kat_vecset_free(&vs_3des);
	kat_vecset_free(&vs_md5);
	for (int i = 0; i < 5; i++) {
		kat_vecset_free(&vs_sha[i]);
		kat_vecset_free(&vs_hmac[i]);
	}
}

/* ---- every enqueued op dequeued exactly once ---- */

static void
run_accounting(struct kat_dev *d)
{
	struct rte_cryptodev_stats st;
	struct kat_tally t;

	kat_dev_drain(d, 50);
	kat_tally_init(&t, "op-accounting %s", d->name);
	snprintf(t.note, sizeof(t.note), "enqueued %" PRIu64 ", dequeued %"
		PRIu64 ", lost %u, duplicate %u, stray %u, rejected at enqueue %u",
		d->enq, d->deq, d->lost, d->dup, d->stray, d->rejected);
	if (d->enq != d->deq || d->lost || d->dup || d->stray)
		kat_tally_fail(&t, "op accounting mismatch: %s", t.note);
	else if (rte_cryptodev_stats_get(d->id, &st) == 0 &&
			(st.enqueued_count != d->enq ||
			 st.dequeued_count != d->deq))
		kat_tally_fail(&t, "device stats disagree: enqueued %" PRIu64
			" dequeued %" PRIu64 " (enqueue errors %" PRIu64
			", dequeue errors %" PRIu64 ")", st.enqueued_count,
			st.dequeued_count, st.enqueue_err_count,
			st.dequeue_err_count);
	else
		kat_tally_ok(&t);
	kat_tap_emit(&t);
}

static void
usage(const char *prg)
{
	fprintf(stderr,
		"usage: %s [EAL args] -- --dev NAME [--ref NAME[,NAME...]]\n"
		"          [--vectors DIR]\n"
		"          [--only GROUP[,GROUP...]] [--seed N] [--iters N]\n"
		"          [--burst N] [--timeout-ms N] [--strict] [--known-bad LINES]\n"
		"          [--modes MODES] [--avoid empty-hmac,empty-oop-sgl]\n"
		"  --only: globs or '-'-prefixes of group names (aes-gcm, aes-gmac,\n"
		"          aes-ccm, chacha20-poly1305, aes-cbc, aes-ctr, sha*, hmac,\n"
		"          aes-cmac, enotsup, diff, diff-aes-gcm, ...)\n"
		"  --strict: SKIP lines caused by the device (unadvertised buffer\n"
		"          modes or algorithms) fail\n"
		"  --known-bad: globs or prefixes of TAP line names whose failures are\n"
		"          reported as TODO (known defects of a reference PMD)\n"
		"  --modes: buffer modes to run (ip-lb, ip-sgl, oop-lb-lb,\n"
		"          oop-sgl-sgl, oop-sgl-lb, oop-lb-sgl; default all)\n"
		"  --avoid: skip (and count) inputs known to break a reference PMD:\n"
		"          empty-hmac     zero-length HMAC input (crypto_aesni_mb:\n"
		"                         wrong digest, then every later HMAC of\n"
		"                         that hash on the queue pair is wrong)\n"
		"          empty-oop-sgl  zero-length payload out-of-place with a\n"
		"                         segmented chain (crypto_aesni_mb crashes)\n",
		prg);
}

static int
parse_avoid(const char *list)
{
	char buf[128], *save = NULL;

	snprintf(buf, sizeof(buf), "%s", list);
	for (char *t = strtok_r(buf, ",", &save); t != NULL;
			t = strtok_r(NULL, ",", &save)) {
		if (strcmp(t, "empty-hmac") == 0)
			kat_opt.avoid_empty_hmac = true;
		else if (strcmp(t, "empty-oop-sgl") == 0)
			kat_opt.avoid_empty_oop_sgl = true;
		else
			return -1;
	}
	return 0;
}

static int
parse_args(int argc, char **argv)
{
	static const struct option lo[] = {
		{ "dev", required_argument, NULL, 'd' },
		{ "ref", required_argument, NULL, 'r' },
		{ "vectors", required_argument, NULL, 'v' },
		{ "only", required_argument, NULL, 'o' },
		{ "seed", required_argument, NULL, 's' },
		{ "iters", required_argument, NULL, 'i' },
		{ "burst", required_argument, NULL, 'b' },
		{ "timeout-ms", required_argument, NULL, 't' },
		{ "strict", no_argument, NULL, 'S' },
		{ "known-bad", required_argument, NULL, 'K' },
		{ "modes", required_argument, NULL, 'M' },
		{ "avoid", required_argument, NULL, 'A' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	bool seeded = false;
	int c;

	kat_opt.vectors = KAT_DEFAULT_VECTORS;
	kat_opt.iters = 300;
	kat_opt.burst = 32;
	kat_opt.timeout_ms = 5000;
	optind = 1;	/* EAL used getopt too */
	while ((c = getopt_long(argc, argv, "", lo, NULL)) != -1) {
		char *end = NULL;

		switch (c) {
		case 'd': kat_opt.dev = optarg; break;
		case 'r': kat_opt.ref = optarg; break;
		case 'v': kat_opt.vectors = optarg; break;
		case 'o': kat_opt.only = optarg; break;
		case 'S': kat_opt.strict = true; break;
		case 'K': kat_opt.known_bad = optarg; break;
		case 'M': kat_opt.modes = optarg; break;
		case 'A':
			if (parse_avoid(optarg) < 0) {
				usage(argv[0]);
				return -1;
			}
			break;
		case 's':
			kat_opt.seed = strtoull(optarg, &end, 0);
			seeded = true;
			break;
		case 'i':
			kat_opt.iters = (unsigned int)strtoul(optarg, &end, 0);
			break;
		case 'b':
			kat_opt.burst = (unsigned int)strtoul(optarg, &end, 0);
			break;
		case 't':
			kat_opt.timeout_ms = (unsigned int)strtoul(optarg, &end, 0);
			break;
		default:
			usage(argv[0]);
			return -1;
		}
		if (end != NULL && (*end != '\0' || end == optarg)) {
			fprintf(stderr, "bad number: %s\n", optarg);
			return -1;
		}
	}
	if (kat_opt.dev == NULL || optind != argc) {
		usage(argv[0]);
		return -1;
	}
	if (!seeded)
		kat_opt.seed = rte_rdtsc() ^ ((uint64_t)time(NULL) << 20) ^
			(uint64_t)getpid();
	return 0;
}

static void
print_dev(const struct kat_dev *d, const char *role)
{
	struct rte_cryptodev_info info;

	rte_cryptodev_info_get(d->id, &info);
	printf("# %s: %s (driver %s, id %u), modes:", role, d->name,
		info.driver_name, d->id);
	for (int m = 0; m < KAT_M_NUM; m++)
		if (!kat_mode_ff((enum kat_mode)m) ||
				(d->ff & kat_mode_ff((enum kat_mode)m)))
			printf(" %s", kat_mode_name((enum kat_mode)m));
	printf("\n");
}

#define KAT_MAX_REFS 3

int
main(int argc, char **argv)
{
	struct kat_dev dev, refd[KAT_MAX_REFS];
	struct kat_dev *devs[1 + KAT_MAX_REFS] = { &dev };
	struct kat_dev *refs[KAT_MAX_REFS];
	char *reflist = NULL, *save = NULL;
	unsigned int nref = 0;
	int ret, rc;

	/* DPDK logs to stderr only: stdout is the TAP stream. */
	rte_openlog_stream(stderr);
	setvbuf(stdout, NULL, _IOLBF, 0);
	ret = rte_eal_init(argc, argv);
	if (ret < 0) {
		printf("Bail out! rte_eal_init failed: %s\n",
			rte_strerror(rte_errno));
		return 2;
	}
	argc -= ret;
	argv += ret;
	if (parse_args(argc, argv) < 0) {
		printf("Bail out! bad arguments\n");
		return 2;
	}
	printf("# qatsec_kat: dev %s, ref %s, vectors %s, seed %" PRIu64
		" (rerun with --seed %" PRIu64 "), iters %u\n", kat_opt.dev,
		kat_opt.ref ? kat_opt.ref : "(none)", kat_opt.vectors,
		kat_opt.seed, kat_opt.seed, kat_opt.iters);
	if (kat_dev_open(&dev, kat_opt.dev, kat_opt.burst,
			kat_opt.timeout_ms) < 0)
		kat_tap_bail("device under test %s unavailable", kat_opt.dev);
	if (kat_opt.ref != NULL)
		reflist = strdup(kat_opt.ref);
	for (char *n = reflist ? strtok_r(reflist, ",", &save) : NULL;
			n != NULL; n = strtok_r(NULL, ",", &save)) {
		if (nref == KAT_MAX_REFS)
			kat_tap_bail("at most %d reference devices", KAT_MAX_REFS);
		if (kat_dev_open(&refd[nref], n, kat_opt.burst,
				kat_opt.timeout_ms) < 0)
			kat_tap_bail("reference device %s unavailable", n);
		if (refd[nref].id == dev.id)
			kat_tap_bail("--ref %s is the device under test", n);
		refs[nref] = &refd[nref];
		devs[1 + nref] = &refd[nref];
		nref++;
	}
	if (kat_env_init(devs, 1 + nref) < 0)
		kat_tap_bail("device setup failed");
	print_dev(&dev, "device under test");
	for (unsigned int r = 0; r < nref; r++)
		print_dev(refs[r], "reference");

	run_kat(&dev);
	kat_enotsup_run(&dev);
	if (nref > 0)
		kat_diff_run(&dev, refs, nref);
	else
		printf("# differential tests not run (no --ref)\n");
	run_accounting(&dev);
	for (unsigned int r = 0; r < nref; r++)
		run_accounting(refs[r]);

	if (kat_opt.only != NULL && !kat_any_selected()) {
		struct kat_tally t;

		kat_tally_init(&t, "only-filter");
		kat_tally_fail(&t, "--only '%s' selected no group", kat_opt.only);
		kat_tap_emit(&t);
	}
	rc = tap_done();
	printf("# %u of %u lines failed (seed %" PRIu64 ")\n",
		tap_failures(), tap_count(), kat_opt.seed);
	free_vectors();
	kat_dev_close(&dev);
	for (unsigned int r = 0; r < nref; r++)
		kat_dev_close(refs[r]);
	free(reflist);
	rte_eal_cleanup();
	return rc;
}
