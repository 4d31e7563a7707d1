/* SPDX-License-Identifier: BSD-3-Clause
 * ipsec-mb engine: per-thread state. Each thread that computes ops or
 * builds sessions gets its own ipsec-mb managers and scratch on first use;
 * they are process-local (never in shared memory) and freed at thread exit.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "qatsec_sym_private.h"

/* initial-exec: one %fs-relative load per burst instead of a call to
 * __tls_get_addr (the PMD is a shared object); a pointer fits easily in
 * the static TLS that glibc keeps for dlopen()ed objects.
 */
__thread struct qatsec_tls *qatsec_tls
	__attribute__((tls_model("initial-exec")));
static pthread_key_t qatsec_tls_key;
static pthread_once_t qatsec_tls_once = PTHREAD_ONCE_INIT;

static void
qatsec_tls_free(void *p)
{
	struct qatsec_tls *t = p;

	free_mb_mgr(t->mgr);
	if (t->mgr_short != NULL)
		free_mb_mgr(t->mgr_short);
	explicit_bzero(t, sizeof(*t));
	free(t);
}

static void
qatsec_tls_key_init(void)
{
	/* Without the key the context only leaks at thread exit. */
	if (pthread_key_create(&qatsec_tls_key, qatsec_tls_free) != 0)
		qatsec_tls_key = (pthread_key_t)-1;
}

struct qatsec_tls *
qatsec_tls_new(void)
{
	struct qatsec_tls *t;
	IMB_MGR *mgr;
	void *p;

	pthread_once(&qatsec_tls_once, qatsec_tls_key_init);
	if (posix_memalign(&p, 64, sizeof(*t)) != 0)
		return NULL;
	t = p;
	memset(t, 0, sizeof(*t));
	mgr = alloc_mb_mgr(0);
	if (mgr == NULL) {
		free(t);
		return NULL;
	}
	init_mb_mgr_auto(mgr, NULL);
	if (imb_get_errno(mgr) != 0) {
		free_mb_mgr(mgr);
		free(t);
		return NULL;
	}
	t->mgr = mgr;
	if (mgr->used_arch != IMB_ARCH_SSE) {
		mgr = alloc_mb_mgr(0);
		if (mgr != NULL) {
			init_mb_mgr_sse(mgr);
			if (imb_get_errno(mgr) != 0) {
				free_mb_mgr(mgr);
				mgr = NULL;
			}
		}
		t->mgr_short = mgr;
	}
	if (qatsec_tls_key != (pthread_key_t)-1)
		pthread_setspecific(qatsec_tls_key, t);
	qatsec_tls = t;
	return t;
}

IMB_MGR *
qatsec_sym_mgr(void)
{
	struct qatsec_tls *t = qatsec_tls_get();

	return t != NULL ? t->mgr : NULL;
}
