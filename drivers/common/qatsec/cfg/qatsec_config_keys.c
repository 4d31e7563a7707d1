/* SPDX-License-Identifier: BSD-3-Clause
 * qatsec layer 1: what each key of an endpoint file means and the rules
 * its value must follow, for [GENERAL], [KERNEL]/[KERNEL_QAT] and user
 * sections (instance counts, Cy<N>/Dc<N> names, poll modes, core
 * affinity). The walker over lines and sections is qatsec_config.c.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "qatsec_config_private.h"

static void
qatsec_services(struct qatsec_parser *p, struct qatsec_str v)
{
	char show[QATSEC_SHOW_SIZE];
	uint32_t bits = 0, nb = 0, errs = p->nb_errors;
	size_t i = 0, j, s;

	while (i <= v.n) {
		struct qatsec_str tok;

		for (j = i; j < v.n && v.p[j] != ';'; j++)
			;
		tok = qatsec_trim(v.p + i, j - i);
		i = j + 1;
		if (tok.n == 0)
			continue;
		for (s = 0; s < QATSEC_NB_SERVICES; s++)
			if (qatsec_str_eq(tok, qatsec_service_names[s]))
				break;
		if (s == QATSEC_NB_SERVICES)
			QATSEC_ERR(p, "unknown service \"%s\": use cy, sym, asym or dc",
				qatsec_show(show, tok));
		else if (bits & (1u << s))
			QATSEC_ERR(p, "service %s listed twice",
				qatsec_service_names[s]);
		else {
			bits |= 1u << s;
			nb++;
		}
	}
	if (p->nb_errors == errs) {
		if (nb == 0)
			QATSEC_ERR(p, "no service enabled");
		else if (p->qat20 && (bits & QATSEC_SVC_CY))
			QATSEC_ERR(p, "%s (QAT 2.0) has no cy service: use sym and/or asym",
				p->ep->devtype);
		else if (p->qat20 && nb > 2)
			QATSEC_ERR(p, "%s (QAT 2.0) allows at most two services",
				p->ep->devtype);
	}
	if (p->nb_errors != errs)
		p->services_bad = true;
	else
		p->ep->services = bits;
}

void
qatsec_general_key(struct qatsec_parser *p, struct qatsec_str k,
		struct qatsec_str v)
{
	struct qatsec_endpoint_cfg *ep = p->ep;
	uint32_t *depth = NULL, x;

	if (qatsec_str_eq(k, "ServicesEnabled")) {
		qatsec_services(p, v);
		return;
	}
	if (qatsec_str_eq(k, "ConfigVersion")) {
		if (qatsec_get_u32(p, v, &x))
			ep->config_version = x;
		return;
	}
	if (qatsec_str_eq(k, "NumaNode")) {
		if (!qatsec_get_u32(p, v, &x))
			return;
		if (x > INT32_MAX)
			QATSEC_ERR(p, "number too large");
		else
			ep->numa_node = (int32_t)x;
		return;
	}
	if (qatsec_str_eq(k, "CyNumConcurrentSymRequests"))
		depth = &ep->cy_sym_depth;
	else if (qatsec_str_eq(k, "CyNumConcurrentAsymRequests"))
		depth = &ep->cy_asym_depth;
	else if (qatsec_str_eq(k, "DcNumConcurrentRequests"))
		depth = &ep->dc_depth;
	/* Intel has many more GENERAL keys; none matters here. */
	if (depth == NULL || !qatsec_get_u32(p, v, &x))
		return;
	if (x < QATSEC_RING_DEPTH_MIN || x > QATSEC_RING_DEPTH_MAX ||
			(x & (x - 1)) != 0)
		QATSEC_ERR(p, "must be a power of two in %d..%d",
			QATSEC_RING_DEPTH_MIN, QATSEC_RING_DEPTH_MAX);
	else
		*depth = x;
}

/* NumberCyInstances and friends, in KERNEL and user sections. */
static bool
qatsec_count(struct qatsec_parser *p, int t, int sp, struct qatsec_str v,
		uint32_t *out)
{
	if (p->count_line[t] != 0) {
		QATSEC_ERR(p, "also given as %s at line %u",
			qatsec_count_keys[t][p->count_spelling[t]], p->count_line[t]);
		return false;
	}
	p->count_line[t] = p->lineno;
	p->count_spelling[t] = sp;
	if (!qatsec_get_u32(p, v, out))
		return false;
	if (*out > QATSEC_MAX_INSTANCES) {
		QATSEC_ERR(p, "must be in 0..%d", QATSEC_MAX_INSTANCES);
		return false;
	}
	return true;
}

void
qatsec_kernel_key(struct qatsec_parser *p, struct qatsec_str k,
		struct qatsec_str v)
{
	uint32_t x;
	int t, sp;

	/* [KERNEL] and [KERNEL_QAT] each take slots, hence the sum. */
	t = qatsec_count_key(k, &sp);
	if (t >= 0 && qatsec_count(p, t, sp, v, &x))
		p->ep->kernel_inst[t] += x;
}

static void
qatsec_inst_name(struct qatsec_parser *p, int t, uint32_t n,
		struct qatsec_str v)
{
	struct qatsec_inst_cfg *inst = p->us->inst[t];
	char show[QATSEC_SHOW_SIZE];
	uint32_t i;

	p->name_given[t][n] = true;
	if (v.n < 1 || v.n > QATSEC_INST_NAME_MAX) {
		QATSEC_ERR(p, "name must be 1..%d characters",
			QATSEC_INST_NAME_MAX);
		return;
	}
	for (i = 0; i < v.n; i++)
		if ((unsigned char)v.p[i] < 0x20 || v.p[i] == 0x7f) {
			QATSEC_ERR(p, "name contains a control character");
			return;
		}
	/* Names are labels the application looks instances up by: exact. */
	for (i = 0; i < QATSEC_MAX_INSTANCES; i++)
		if (inst[i].line != 0 && strlen(inst[i].name) == v.n &&
				memcmp(inst[i].name, v.p, v.n) == 0) {
			QATSEC_ERR(p, "duplicate name \"%s\", first at line %u",
				qatsec_show(show, v), inst[i].line);
			return;
		}
	memcpy(inst[n].name, v.p, v.n);
	inst[n].name[v.n] = '\0';
	inst[n].line = p->lineno;
}

static void
qatsec_inst_polled(struct qatsec_parser *p, struct qatsec_inst_cfg *inst,
		struct qatsec_str v)
{
	uint32_t x;

	if (!qatsec_get_u32(p, v, &x))
		return;
	if (x == QATSEC_POLL_INTERRUPT)
		QATSEC_ERR(p, "interrupt mode is for kernel instances only");
	else if (x != QATSEC_POLL_POLLED && x != QATSEC_POLL_EPOLL)
		QATSEC_ERR(p, "must be 1 (polled) or 2 (epoll)");
	else
		inst->poll_mode = (uint8_t)x;
}

static void
qatsec_inst_cores(struct qatsec_parser *p, struct qatsec_inst_cfg *inst,
		struct qatsec_str v)
{
	struct qatsec_core_range r[QATSEC_MAX_CORE_RANGES];
	char show[QATSEC_SHOW_SIZE];
	uint32_t nb = 0, lo, hi;
	size_t i = 0, j;

	while (i <= v.n) {
		struct qatsec_str item, a, b;
		const char *dash;
		int rca, rcb;

		for (j = i; j < v.n && v.p[j] != ','; j++)
			;
		item = qatsec_trim(v.p + i, j - i);
		i = j + 1;
		dash = memchr(item.p, '-', item.n);
		a = b = item;
		if (dash != NULL) {
			a = qatsec_trim(item.p, (size_t)(dash - item.p));
			b = qatsec_trim(dash + 1,
				(size_t)(item.p + item.n - dash - 1));
		}
		rca = qatsec_u32(a, &lo);
		rcb = qatsec_u32(b, &hi);
		if (rca == -EINVAL || rcb == -EINVAL) {
			QATSEC_ERR(p, "malformed core list \"%s\": expected e.g. 0-3,8",
				qatsec_show(show, v));
			return;
		}
		if (rca != 0 || lo > QATSEC_MAX_CORE || rcb != 0 ||
				hi > QATSEC_MAX_CORE) {
			QATSEC_ERR(p, "core %s is above %d", qatsec_show(show,
				rca != 0 || lo > QATSEC_MAX_CORE ? a : b),
				QATSEC_MAX_CORE);
			return;
		}
		if (lo > hi) {
			QATSEC_ERR(p, "core range %u-%u is reversed", lo, hi);
			return;
		}
		if (nb == QATSEC_MAX_CORE_RANGES) {
			QATSEC_ERR(p, "more than %d core ranges",
				QATSEC_MAX_CORE_RANGES);
			return;
		}
		r[nb].lo = (uint16_t)lo;
		r[nb].hi = (uint16_t)hi;
		nb++;
	}
	memcpy(inst->ranges, r, nb * sizeof(r[0]));
	inst->nb_ranges = (uint8_t)nb;
}

void
qatsec_user_key(struct qatsec_parser *p, struct qatsec_str k,
		struct qatsec_str v)
{
	struct qatsec_user_section *us = p->us;
	struct qatsec_str suffix;
	uint32_t x, n;
	bool canon;
	int t, sp;

	if (qatsec_str_eq(k, "NumProcesses")) {
		if (!qatsec_get_u32(p, v, &x))
			return;
		if (x == 0)
			QATSEC_ERR(p, "must be at least 1");
		else if (x > QATSEC_MAX_PROCESSES)
			QATSEC_ERR(p, "must be at most %d",
				QATSEC_MAX_PROCESSES);
		else
			us->num_processes = x;
		return;
	}
	if (qatsec_str_eq(k, "LimitDevAccess")) {
		if (!qatsec_get_u32(p, v, &x))
			return;
		if (x > 1)
			QATSEC_ERR(p, "must be 0 or 1");
		else
			us->limit_dev_access = x == 1;
		return;
	}
	t = qatsec_count_key(k, &sp);
	if (t >= 0) {
		/* The value itself is stored from the prescan at the end. */
		qatsec_count(p, t, sp, v, &x);
		return;
	}
	if (qatsec_inst_key(k, &t, &n, &canon, &suffix)) {
		int which = -1;

		if (qatsec_str_prefix(suffix, "Bank") ||
				qatsec_str_prefix(suffix, "Ring")) {
			QATSEC_WARN(p, "generated by the driver, ignored");
			return;
		}
		if (qatsec_str_eq(suffix, "Name"))
			which = 0;
		else if (qatsec_str_eq(suffix, "IsPolled"))
			which = 1;
		else if (qatsec_str_eq(suffix, "CoreAffinity"))
			which = 2;
		if (which >= 0 && canon) {
			if (p->prescan_bad[t])
				return;	/* the count is already an error */
			if (n >= p->prescan_count[t]) {
				QATSEC_WARN(p, "ignored: beyond %s=%u",
					qatsec_count_keys[t][p->prescan_spelling[t]],
					p->prescan_count[t]);
				return;
			}
			if (which == 0)
				qatsec_inst_name(p, t, n, v);
			else if (which == 1)
				qatsec_inst_polled(p, &us->inst[t][n], v);
			else
				qatsec_inst_cores(p, &us->inst[t][n], v);
			return;
		}
	}
	QATSEC_ERR(p, "unknown key");
}

/* Rings of one QAT 2.0 endpoint, split evenly between enabled services. */
#define QATSEC_RING_SLOTS	64
#define QATSEC_CY_SVCS	(QATSEC_SVC_CY | QATSEC_SVC_SYM | QATSEC_SVC_ASYM)

static const char *
qatsec_svc_str(uint32_t services, char *buf, size_t size)
{
	size_t off = 0;
	int i;

	buf[0] = '\0';
	for (i = 0; i < QATSEC_NB_SERVICES; i++)
		if ((services & (1u << i)) && off < size)
			off += (size_t)snprintf(buf + off, size - off, "%s%s",
				off != 0 ? ";" : "", qatsec_service_names[i]);
	return buf;
}

/* The budget is per type (Cy, Dc); kernel instances take their rings
 * first, as in the driver, then user sections in file order. Only the
 * first process left out is reported per type: later ones only repeat it.
 */
static uint32_t
qatsec_check_type(const struct qatsec_endpoint_cfg *ep, uint32_t t,
		uint32_t slots, const char *svc, struct qatsec_diags *diags)
{
	static const char *const what[2] = { "crypto", "compression" };
	static const char *const need[2] = {
		"Cy instances need a cy, sym or asym service",
		"Dc instances need the dc service",
	};
	const char *f = ep->path;
	uint64_t used = ep->kernel_inst[t], nb;
	uint32_t s, errors = 0;
	bool full = used > slots;

	if (full && slots == 0)
		qatsec_diag_add(diags, QATSEC_DIAG_ERROR, f, 0, "KERNEL",
			qatsec_count_keys[t][0], "%s: ServicesEnabled=%s", need[t], svc);
	else if (full)
		qatsec_diag_add(diags, QATSEC_DIAG_ERROR, f, 0, "KERNEL",
			qatsec_count_keys[t][0],
			"%u instances do not fit: endpoint has %u %s instance slots with ServicesEnabled=%s",
			ep->kernel_inst[t], slots, what[t], svc);
	errors += full;
	for (s = 0; s < ep->nb_sections && s < QATSEC_MAX_USER_SECTIONS; s++) {
		const struct qatsec_user_section *us = &ep->sections[s];

		nb = us->nb_inst[t];
		if (nb == 0 || (full && slots != 0))
			continue;
		if (slots == 0) {
			errors++;
			qatsec_diag_add(diags, QATSEC_DIAG_ERROR, f, us->line,
				us->name, qatsec_count_keys[t][1],
				"%s: ServicesEnabled=%s", need[t], svc);
		} else if (used + nb * us->num_processes > slots) {
			errors++;
			qatsec_diag_add(diags, QATSEC_DIAG_ERROR, f, us->line,
				us->name, "NumProcesses",
				"process %u does not fit: endpoint has %u %s instance slots with ServicesEnabled=%s",
				(uint32_t)((slots - used) / nb), slots, what[t],
				svc);
			full = true;
		} else {
			used += nb * us->num_processes;
		}
	}
	return errors;
}

uint32_t
qatsec_config_check_slots(const struct qatsec_endpoint_cfg *ep,
		struct qatsec_diags *diags)
{
	uint32_t t, nb_svc = 0, per;
	char svc[24];

	for (t = 0; t < QATSEC_NB_SERVICES; t++)
		nb_svc += (ep->services >> t) & 1u;
	if (nb_svc == 0)
		return 0;	/* the parser already said so */
	qatsec_svc_str(ep->services, svc, sizeof(svc));
	per = QATSEC_RING_SLOTS / nb_svc;
	return qatsec_check_type(ep, QATSEC_INST_CY,
			(ep->services & QATSEC_CY_SVCS) ? per : 0, svc, diags) +
		qatsec_check_type(ep, QATSEC_INST_DC,
			(ep->services & QATSEC_SVC_DC) ? per : 0, svc, diags);
}
