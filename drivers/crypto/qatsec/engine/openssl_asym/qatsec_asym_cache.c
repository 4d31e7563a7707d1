/* SPDX-License-Identifier: BSD-3-Clause
 * qatsec engine openssl_asym: process-local, per-thread state. OpenSSL
 * objects hold pointers and locks, so they never live in a session (shared
 * memory): each thread builds them from the session's bytes on first use
 * and keeps them in a small direct-mapped cache keyed by the session's
 * address *and* its random uid, so a session freed and re-created at the
 * same address never meets the old key. Also each thread's EC groups (with
 * the last ECDSA keys, keyed by their bytes), fetched digests and BN_CTX,
 * and the checked readers and writers of op numbers.
 */
#include <pthread.h>
#include <string.h>

#include <openssl/obj_mac.h>

#include <rte_common.h>

#include "qatsec_asym_private.h"

#define CACHE_SLOTS	64	/* power of two */
#define NB_CURVES	5

struct qatsec_asym_thread {
	BN_CTX *bn;
	struct qatsec_asym_cent ent[CACHE_SLOTS];
	struct qatsec_asym_curve curve[NB_CURVES];
	EVP_MD *md[RTE_CRYPTO_AUTH_SHA512 + 1];
};

/* The curves DPDK 22.11 names, as OpenSSL knows them. */
static const struct {
	uint16_t id;
	int nid;
} curves[NB_CURVES] = {
	{ RTE_CRYPTO_EC_GROUP_SECP192R1, NID_X9_62_prime192v1 },
	{ RTE_CRYPTO_EC_GROUP_SECP224R1, NID_secp224r1 },
	{ RTE_CRYPTO_EC_GROUP_SECP256R1, NID_X9_62_prime256v1 },
	{ RTE_CRYPTO_EC_GROUP_SECP384R1, NID_secp384r1 },
	{ RTE_CRYPTO_EC_GROUP_SECP521R1, NID_secp521r1 },
};

int
qatsec_asym_curve_nid(unsigned int curve)
{
	unsigned int i;

	for (i = 0; i < RTE_DIM(curves); i++)
		if (curves[i].id == curve)
			return curves[i].nid;
	return NID_undef;
}


static __thread struct qatsec_asym_thread *self;
static pthread_key_t self_key;
static pthread_once_t self_once = PTHREAD_ONCE_INIT;

void
qatsec_asym_cent_release_objs(struct qatsec_asym_cent *c)
{
	EVP_PKEY_CTX_free(c->ctx);
	EVP_PKEY_free(c->pkey);
	BN_MONT_CTX_free(c->mont);
	BN_clear_free(c->e);
	BN_clear_free(c->m);
	c->ctx = NULL;
	c->mode = 0;
	c->pkey = NULL;
	c->mont = NULL;
	c->e = NULL;
	c->m = NULL;
}

void
qatsec_asym_cent_release(struct qatsec_asym_cent *c)
{
	qatsec_asym_cent_release_objs(c);
	memset(c, 0, sizeof(*c));
}

static void
curve_release(struct qatsec_asym_curve *cv)
{
	EVP_PKEY_CTX_free(cv->priv_ctx);
	EVP_PKEY_free(cv->priv);
	EVP_PKEY_CTX_free(cv->pub_ctx);
	EVP_PKEY_free(cv->pub);
	EC_GROUP_free(cv->group);
	BN_free(cv->prime);
	OPENSSL_cleanse(cv, sizeof(*cv));
}

static void
thread_free(void *arg)
{
	struct qatsec_asym_thread *t = arg;
	unsigned int i;

	if (t == NULL)
		return;
	for (i = 0; i < CACHE_SLOTS; i++)
		qatsec_asym_cent_release(&t->ent[i]);
	for (i = 0; i < NB_CURVES; i++)
		curve_release(&t->curve[i]);
	for (i = 0; i < RTE_DIM(t->md); i++)
		EVP_MD_free(t->md[i]);
	BN_CTX_free(t->bn);
	OPENSSL_free(t);
}

/* The exiting thread's state goes before OpenSSL is torn down at exit
 * (no key destructor runs for the thread calling exit()).
 */
static void
self_at_exit(void)
{
	thread_free(self);
	self = NULL;
}

static void
self_key_make(void)
{
	/* Frees a thread's state when it exits. */
	(void)pthread_key_create(&self_key, thread_free);
	(void)OPENSSL_atexit(self_at_exit);
}

struct qatsec_asym_thread *
qatsec_asym_thread_get(void)
{
	struct qatsec_asym_thread *t = self;

	if (likely(t != NULL))
		return t;
	t = OPENSSL_zalloc(sizeof(*t));
	if (t == NULL)
		return NULL;
	t->bn = BN_CTX_new();
	if (t->bn == NULL) {
		OPENSSL_free(t);
		return NULL;
	}
	(void)pthread_once(&self_once, self_key_make);
	(void)pthread_setspecific(self_key, t);
	self = t;
	return t;
}

BN_CTX *
qatsec_asym_bn_ctx(struct qatsec_asym_thread *t)
{
	return t->bn;
}

static unsigned int
slot_of(const void *sess, uint64_t uid)
{
	uint64_t h = ((uintptr_t)sess >> 6) ^ uid;

	h *= 0x9e3779b97f4a7c15ull;
	return (unsigned int)(h >> 58) & (CACHE_SLOTS - 1);
}

struct qatsec_asym_cent *
qatsec_asym_cent(struct qatsec_asym_thread *t, const struct qatsec_asym_sess *s,
	struct qatsec_asym_cent *tmp)
{
	struct qatsec_asym_cent *c;

	if (s->uid == 0) {
		memset(tmp, 0, sizeof(*tmp));
		return tmp;
	}
	c = &t->ent[slot_of(s, s->uid)];
	if (c->sess == s && c->uid == s->uid)
		return c;
	qatsec_asym_cent_release(c);
	c->sess = s;
	c->uid = s->uid;
	return c;
}

void
qatsec_asym_cache_drop(const struct qatsec_asym_sess *s)
{
	struct qatsec_asym_cent *c;

	if (self == NULL || s->uid == 0)
		return;
	c = &self->ent[slot_of(s, s->uid)];
	if (c->sess == s && c->uid == s->uid)
		qatsec_asym_cent_release(c);
}

struct qatsec_asym_curve *
qatsec_asym_curve_get(struct qatsec_asym_thread *t, unsigned int curve)
{
	struct qatsec_asym_curve *cv;
	unsigned int i;

	for (i = 0; i < NB_CURVES; i++)
		if (curves[i].id == curve)
			break;
	if (i == NB_CURVES)
		return NULL;
	cv = &t->curve[i];
	if (cv->group != NULL)
		return cv;
	cv->group = EC_GROUP_new_by_curve_name(curves[i].nid);
	if (cv->group == NULL)
		return NULL;
	cv->order = EC_GROUP_get0_order(cv->group);
	cv->prime = BN_new();
	if (cv->prime == NULL || !EC_GROUP_get_curve(cv->group, cv->prime,
			NULL, NULL, t->bn)) {
		curve_release(cv);
		return NULL;
	}
	cv->fbytes = (EC_GROUP_get_degree(cv->group) + 7) / 8;
	cv->obytes = BN_num_bytes(cv->order);
	if (cv->fbytes > QATSEC_ASYM_EC_MAX || cv->obytes > QATSEC_ASYM_EC_MAX) {
		curve_release(cv);
		return NULL;
	}
	return cv;
}

const EVP_MD *
qatsec_asym_md(struct qatsec_asym_thread *t, enum rte_crypto_auth_algorithm a)
{
	const char *name;

	switch (a) {
	case RTE_CRYPTO_AUTH_MD5: name = "MD5"; break;
	case RTE_CRYPTO_AUTH_SHA1: name = "SHA1"; break;
	case RTE_CRYPTO_AUTH_SHA224: name = "SHA224"; break;
	case RTE_CRYPTO_AUTH_SHA256: name = "SHA256"; break;
	case RTE_CRYPTO_AUTH_SHA384: name = "SHA384"; break;
	case RTE_CRYPTO_AUTH_SHA512: name = "SHA512"; break;
	default: return NULL;
	}
	if (t->md[a] == NULL)
		t->md[a] = EVP_MD_fetch(NULL, name, NULL);
	return t->md[a];
}

bool
qatsec_asym_in(const rte_crypto_param *p, size_t max, const uint8_t **d,
	size_t *len)
{
	const uint8_t *b = p->data;
	size_t n = p->length;

	if (n > 0 && b == NULL)
		return false;
	while (n > 0 && b[0] == 0) {
		b++;
		n--;
	}
	if (n > max)
		return false;
	*d = b;
	*len = n;
	return true;
}

BIGNUM *
qatsec_asym_in_bn(const rte_crypto_param *p, size_t max)
{
	const uint8_t *d;
	size_t len;

	if (!qatsec_asym_in(p, max, &d, &len))
		return NULL;
	return BN_bin2bn(d, (int)len, NULL);
}

bool
qatsec_asym_out_room(const rte_crypto_param *out, size_t need)
{
	/* A length of 0 is DPDK's "room for the result" (rte_crypto_asym.h). */
	return out->data != NULL && (out->length == 0 || out->length >= need);
}

bool
qatsec_asym_out_bn(rte_crypto_param *out, const BIGNUM *bn, size_t pad)
{
	size_t n = (size_t)BN_num_bytes(bn);
	size_t w = pad != 0 ? pad : RTE_MAX(n, (size_t)1);

	if (n > w || !qatsec_asym_out_room(out, w))
		return false;
	if (BN_bn2binpad(bn, out->data, (int)w) < 0)
		return false;
	out->length = w;
	return true;
}
