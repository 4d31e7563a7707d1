/* SPDX-License-Identifier: BSD-3-Clause
 * qatsec layer 1: expansion of parsed endpoints into the ordered table of
 * internal sections (SSL_DEV0_INT_0, IPsec_INT_0, ...) that the claim layer
 * hands out first fit, with the checks that span files, and the
 * process-to-core mapping. The table order is the claim order: endpoints in
 * index order, their user sections in file order, a shared section's
 * S_INT_<i> all at the place of its first declaration.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "qatsec_config.h"

#define QATSEC_MAX_DECLS \
	(QATSEC_MAX_ENDPOINTS * QATSEC_MAX_USER_SECTIONS)
/* Longest internal name formatted before checking it against the limit:
 * a 49-character user name + "_DEV4294967295_INT_63".
 */
#define QATSEC_NAME_BUF		96

/* One user section of one endpoint, in claim order. */
struct qatsec_decl {
	const struct qatsec_endpoint_cfg *ep;
	const struct qatsec_user_section *us;
	uint32_t epi;			/* index into the endpoint array */
	int32_t group;			/* shared group, -1 when limited */
	int32_t next;			/* next declaration of the group */
	bool reported;			/* one name error per declaration */
};

/* All declarations of one shared user section (any case). */
struct qatsec_group {
	uint32_t first;			/* declaration giving the spelling */
	uint32_t nb_proc;		/* largest NumProcesses */
};

struct qatsec_entry {
	uint32_t decl;			/* declaration that created it */
	uint32_t anchor;		/* where it sits in the claim order */
	uint32_t proc;
	bool bad;			/* name too long */
};

struct qatsec_expander {
	const struct qatsec_endpoint_cfg *eps;
	struct qatsec_diags *diags;
	uint32_t nb_errors;
	uint32_t nb_decls;
	uint32_t nb_groups;
	uint32_t nb_entries;
	struct qatsec_entry *entries;
	struct qatsec_int_section *sec;	/* parallel to entries once sorted */
	struct qatsec_decl decls[QATSEC_MAX_DECLS];
	struct qatsec_group groups[QATSEC_MAX_DECLS];
};

int
qatsec_inst_core(const struct qatsec_inst_cfg *inst, uint32_t n)
{
	uint32_t i, nb, total = 0;

	if (inst == NULL)
		return -1;
	nb = inst->nb_ranges > QATSEC_MAX_CORE_RANGES ?
		QATSEC_MAX_CORE_RANGES : inst->nb_ranges;
	for (i = 0; i < nb; i++)
		if (inst->ranges[i].lo <= inst->ranges[i].hi)
			total += inst->ranges[i].hi - inst->ranges[i].lo + 1u;
	if (total == 0)
		return -1;
	n %= total;
	for (i = 0; i < nb; i++) {
		uint32_t span;

		if (inst->ranges[i].lo > inst->ranges[i].hi)
			continue;
		span = inst->ranges[i].hi - inst->ranges[i].lo + 1u;
		if (n < span)
			return (int)(inst->ranges[i].lo + n);
		n -= span;
	}
	return -1;
}

static void
qatsec_xerr(struct qatsec_expander *x, const struct qatsec_decl *d,
		enum qatsec_diag_level level, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* Expansion diagnostics sit at the header of the declaration involved. */
static void
qatsec_xerr(struct qatsec_expander *x, const struct qatsec_decl *d,
		enum qatsec_diag_level level, const char *fmt, ...)
{
	va_list ap;

	if (level == QATSEC_DIAG_ERROR)
		x->nb_errors++;
	va_start(ap, fmt);
	qatsec_diag_vadd(x->diags, level, d->ep->path, d->us->line,
		d->us->name, NULL, fmt, ap);
	va_end(ap);
}

static bool
qatsec_terminated(const char *s, size_t size)
{
	return memchr(s, '\0', size) != NULL;
}

static bool
qatsec_inst_sane(const struct qatsec_inst_cfg *in)
{
	uint32_t r;

	if (!qatsec_terminated(in->name, sizeof(in->name)) ||
			in->name[0] == '\0' ||
			(in->poll_mode != QATSEC_POLL_POLLED &&
			in->poll_mode != QATSEC_POLL_EPOLL) ||
			in->nb_ranges > QATSEC_MAX_CORE_RANGES)
		return false;
	for (r = 0; r < in->nb_ranges; r++)
		if (in->ranges[r].lo > in->ranges[r].hi ||
				in->ranges[r].hi > QATSEC_MAX_CORE)
			return false;
	return true;
}

/* eps may come from elsewhere than the parser, or from a parse that
 * failed: check what the expansion relies on.
 */
static bool
qatsec_ep_sane(const struct qatsec_endpoint_cfg *ep)
{
	uint32_t s, t, n;

	if (ep->nb_sections > QATSEC_MAX_USER_SECTIONS ||
			!qatsec_terminated(ep->path, sizeof(ep->path)))
		return false;
	for (s = 0; s < ep->nb_sections; s++) {
		const struct qatsec_user_section *us = &ep->sections[s];

		if (us->num_processes < 1 ||
				us->num_processes > QATSEC_MAX_PROCESSES ||
				!qatsec_terminated(us->name,
					sizeof(us->name)) ||
				us->name[0] == '\0')
			return false;
		for (t = 0; t < 2; t++) {
			if (us->nb_inst[t] > QATSEC_MAX_INSTANCES)
				return false;
			for (n = 0; n < us->nb_inst[t]; n++)
				if (!qatsec_inst_sane(&us->inst[t][n]))
					return false;
		}
	}
	return true;
}

/* Declarations in claim order, shared ones gathered into groups, and the
 * warnings about one section declared differently on two endpoints.
 */
static void
qatsec_declare(struct qatsec_expander *x, uint32_t nb_eps)
{
	uint32_t e, s, i, g;

	for (e = 0; e < nb_eps; e++)
		for (s = 0; s < x->eps[e].nb_sections; s++) {
			struct qatsec_decl *d = &x->decls[x->nb_decls];

			d->ep = &x->eps[e];
			d->us = &x->eps[e].sections[s];
			d->epi = e;
			d->group = -1;
			d->next = -1;
			d->reported = false;
			x->nb_decls++;
		}
	for (i = 0; i < x->nb_decls; i++) {
		struct qatsec_decl *d = &x->decls[i], *o;
		uint32_t j;

		for (j = 0; j < i; j++) {
			o = &x->decls[j];
			if (strcasecmp(o->us->name, d->us->name) == 0 &&
					o->us->limit_dev_access !=
					d->us->limit_dev_access) {
				qatsec_xerr(x, d, QATSEC_DIAG_WARNING,
					"LimitDevAccess=%d here but %d at %s:%u",
					d->us->limit_dev_access,
					o->us->limit_dev_access, o->ep->path,
					o->us->line);
				break;
			}
		}
		if (d->us->limit_dev_access)
			continue;
		for (g = 0; g < x->nb_groups; g++)
			if (strcasecmp(x->decls[x->groups[g].first].us->name,
					d->us->name) == 0)
				break;
		d->group = (int32_t)g;
		if (g == x->nb_groups) {
			x->groups[g].first = i;
			x->groups[g].nb_proc = d->us->num_processes;
			x->nb_groups++;
			continue;
		}
		o = &x->decls[x->groups[g].first];
		if (strcmp(o->us->name, d->us->name) != 0)
			qatsec_xerr(x, d, QATSEC_DIAG_WARNING,
				"spelled %s at %s:%u: the internal sections keep that spelling",
				o->us->name, o->ep->path, o->us->line);
		if (o->us->num_processes != d->us->num_processes)
			qatsec_xerr(x, d, QATSEC_DIAG_WARNING,
				"NumProcesses=%u differs from %u at %s:%u: %s_INT_<i> joins the endpoints that have a process i",
				d->us->num_processes, o->us->num_processes,
				o->ep->path, o->us->line, o->us->name);
		/* Append to the group's list, kept in claim order. */
		for (j = x->groups[g].first; x->decls[j].next >= 0;
				j = (uint32_t)x->decls[j].next)
			;
		x->decls[j].next = (int32_t)i;
	}
}

/* One entry per internal section; a shared group's S_INT_<i> are anchored
 * at its first declaration, so sorting by (anchor, process) places a later
 * endpoint's extra processes right after the existing ones.
 */
static void
qatsec_entries(struct qatsec_expander *x)
{
	uint32_t i, p, from, *done = NULL;

	for (i = 0; i < x->nb_decls; i++) {
		const struct qatsec_decl *d = &x->decls[i];
		uint32_t anchor = i;

		from = 0;
		if (d->group >= 0) {
			done = &x->groups[d->group].nb_proc;
			anchor = x->groups[d->group].first;
			/* The first declaration creates; later ones extend. */
			from = anchor == i ? 0 : *done;
			if (anchor != i && d->us->num_processes > *done)
				*done = d->us->num_processes;
		}
		for (p = from; p < d->us->num_processes; p++) {
			struct qatsec_entry *en = &x->entries[x->nb_entries++];

			en->decl = i;
			en->anchor = anchor;
			en->proc = p;
			en->bad = false;
		}
	}
}

static int
qatsec_cmp_entry(const void *a, const void *b)
{
	const struct qatsec_entry *x = a, *y = b;

	if (x->anchor != y->anchor)
		return x->anchor < y->anchor ? -1 : 1;
	return x->proc < y->proc ? -1 : x->proc > y->proc;
}

static void
qatsec_names(struct qatsec_expander *x)
{
	uint32_t i;

	for (i = 0; i < x->nb_entries; i++) {
		struct qatsec_entry *en = &x->entries[i];
		struct qatsec_decl *d = &x->decls[en->decl];
		struct qatsec_int_section *sec = &x->sec[i];
		const char *user = d->group >= 0 ?
			x->decls[x->groups[d->group].first].us->name :
			d->us->name;
		char buf[QATSEC_NAME_BUF];
		int n;

		if (d->group >= 0)
			n = snprintf(buf, sizeof(buf), "%s_INT_%u", user,
				en->proc);
		else
			n = snprintf(buf, sizeof(buf), "%s_DEV%u_INT_%u", user,
				d->ep->index, en->proc);
		if (n < 0 || n > QATSEC_INT_NAME_MAX) {
			en->bad = true;
			if (!d->reported)
				qatsec_xerr(x, d, QATSEC_DIAG_ERROR,
					"device name %s%s is %d characters, more than %d",
					QATSEC_DEV_PREFIX, buf,
					n + (int)strlen(QATSEC_DEV_PREFIX),
					QATSEC_INT_NAME_MAX +
					(int)strlen(QATSEC_DEV_PREFIX));
			d->reported = true;
			continue;
		}
		memcpy(sec->name, buf, (size_t)n + 1);
		snprintf(sec->user, sizeof(sec->user), "%s", user);
		sec->ep = d->group >= 0 ? -1 : (int32_t)d->epi;
		sec->process = en->proc;
	}
}

struct qatsec_name_ref {
	const char *name;
	uint32_t entry;
	uint32_t decl;
};

static int
qatsec_cmp_name(const void *a, const void *b)
{
	const struct qatsec_name_ref *x = a, *y = b;
	int c = strcasecmp(x->name, y->name);

	if (c != 0)
		return c;
	return x->decl < y->decl ? -1 : x->decl > y->decl;
}

/* Two names equal but for case would be one cryptodev name for DPDK and
 * one section for icp_sal_userStart: they must come from one declaration.
 */
static int
qatsec_collisions(struct qatsec_expander *x)
{
	struct qatsec_name_ref *ref;
	uint32_t i, nb = 0;

	ref = malloc(sizeof(*ref) * (x->nb_entries + 1));
	if (ref == NULL)
		return -ENOMEM;
	for (i = 0; i < x->nb_entries; i++)
		if (!x->entries[i].bad) {
			ref[nb].name = x->sec[i].name;
			ref[nb].entry = i;
			ref[nb].decl = x->entries[i].decl;
			nb++;
		}
	qsort(ref, nb, sizeof(*ref), qatsec_cmp_name);
	for (i = 1; i < nb; i++) {
		struct qatsec_decl *da = &x->decls[ref[i - 1].decl];
		struct qatsec_decl *db = &x->decls[ref[i].decl];

		if (strcasecmp(ref[i - 1].name, ref[i].name) != 0 || da == db ||
				db->reported)
			continue;
		db->reported = true;
		qatsec_xerr(x, db, QATSEC_DIAG_ERROR,
			"internal section %s collides with %s of [%s] at %s:%u",
			ref[i].name, ref[i - 1].name, da->us->name,
			da->ep->path, da->us->line);
	}
	free(ref);
	return 0;
}

/* Cy instances of every contributing endpoint first, then Dc, so that
 * inst[first_inst .. first_inst + nb_cy) are the crypto ones.
 */
static uint32_t
qatsec_fill(struct qatsec_expander *x, uint32_t e,
		struct qatsec_int_inst *out)
{
	const struct qatsec_entry *en = &x->entries[e];
	const struct qatsec_decl *d0 = &x->decls[en->decl];
	uint32_t nb = 0, t, n;
	int32_t di;

	if (d0->group >= 0)
		d0 = &x->decls[x->groups[d0->group].first];
	for (t = 0; t < 2; t++) {
		if (t == QATSEC_INST_DC && out != NULL)
			x->sec[e].nb_cy = nb;
		for (di = (int32_t)(d0 - x->decls); di >= 0;
				di = d0->group >= 0 ? x->decls[di].next : -1) {
			const struct qatsec_decl *d = &x->decls[di];

			if (d->us->num_processes <= en->proc)
				continue;
			for (n = 0; n < d->us->nb_inst[t]; n++, nb++) {
				const struct qatsec_inst_cfg *ic =
					&d->us->inst[t][n];
				struct qatsec_int_inst *ii;

				if (out == NULL)
					continue;
				ii = &out[nb];
				ii->ep = (uint16_t)d->epi;
				ii->type = (uint8_t)t;
				ii->poll_mode = ic->poll_mode;
				ii->inst = (uint16_t)n;
				ii->core = (int16_t)qatsec_inst_core(ic,
					en->proc);
				memcpy(ii->name, ic->name, sizeof(ii->name));
				ii->name[QATSEC_INST_NAME_MAX] = '\0';
			}
		}
	}
	return nb;
}

static int
qatsec_expand_table(struct qatsec_expander *x,
		struct qatsec_section_table *tbl)
{
	uint32_t i, total = 0;

	for (i = 0; i < x->nb_entries; i++)
		total += qatsec_fill(x, i, NULL);
	tbl->inst = calloc(total + 1, sizeof(*tbl->inst));
	if (tbl->inst == NULL)
		return -ENOMEM;
	for (i = 0; i < x->nb_entries; i++) {
		x->sec[i].first_inst = tbl->nb_inst;
		x->sec[i].nb_inst = qatsec_fill(x, i, tbl->inst + tbl->nb_inst);
		tbl->nb_inst += x->sec[i].nb_inst;
	}
	tbl->sections = x->sec;
	tbl->nb_sections = x->nb_entries;
	x->sec = NULL;
	return 0;
}

int
qatsec_sections_expand(const struct qatsec_endpoint_cfg *eps,
		uint32_t nb_eps, struct qatsec_section_table *tbl,
		struct qatsec_diags *diags)
{
	struct qatsec_expander *x;
	uint32_t e, f, nb = 0;
	int rc = -EINVAL;

	if (tbl == NULL || (eps == NULL && nb_eps != 0))
		return -EINVAL;
	memset(tbl, 0, sizeof(*tbl));
	if (nb_eps > QATSEC_MAX_ENDPOINTS) {
		qatsec_diag_add(diags, QATSEC_DIAG_ERROR, "qatsec", 0, NULL,
			NULL, "%u endpoints: at most %d", nb_eps,
			QATSEC_MAX_ENDPOINTS);
		return -EINVAL;
	}
	x = calloc(1, sizeof(*x));
	if (x == NULL)
		goto nomem;
	x->eps = eps;
	x->diags = diags;
	for (e = 0; e < nb_eps; e++) {
		if (!qatsec_ep_sane(&eps[e])) {
			qatsec_diag_add(diags, QATSEC_DIAG_ERROR, "qatsec", 0,
				NULL, NULL,
				"endpoint %u: inconsistent configuration", e);
			free(x);
			return -EINVAL;
		}
		for (f = 0; f < e; f++)
			if (eps[f].index == eps[e].index) {
				x->nb_errors++;
				qatsec_diag_add(diags, QATSEC_DIAG_ERROR,
					eps[e].path, 0, NULL, NULL,
					"endpoint index %u also used by %s",
					eps[e].index, eps[f].path);
			}
		x->nb_errors += qatsec_config_check_slots(&eps[e], diags);
		for (f = 0; f < eps[e].nb_sections; f++)
			nb += eps[e].sections[f].num_processes;
	}
	if (x->nb_errors != 0)
		goto out;
	x->entries = calloc(nb + 1, sizeof(*x->entries));
	x->sec = calloc(nb + 1, sizeof(*x->sec));
	if (x->entries == NULL || x->sec == NULL)
		goto nomem;
	qatsec_declare(x, nb_eps);
	qatsec_entries(x);
	qsort(x->entries, x->nb_entries, sizeof(*x->entries),
		qatsec_cmp_entry);
	qatsec_names(x);
	if (qatsec_collisions(x) != 0)
		goto nomem;
	if (x->nb_errors != 0)
		goto out;
	rc = qatsec_expand_table(x, tbl);
	if (rc == -ENOMEM)
		goto nomem;
	goto out;
nomem:
	qatsec_diag_add(diags, QATSEC_DIAG_ERROR, "qatsec", 0, NULL, NULL,
		"out of memory");
	rc = -ENOMEM;
out:
	if (x != NULL) {
		free(x->entries);
		free(x->sec);
	}
	free(x);
	if (rc != 0)
		qatsec_sections_free(tbl);
	return rc;
}

void
qatsec_sections_free(struct qatsec_section_table *tbl)
{
	if (tbl == NULL)
		return;
	free(tbl->sections);
	free(tbl->inst);
	memset(tbl, 0, sizeof(*tbl));
}

int
qatsec_sections_find_user(const struct qatsec_section_table *tbl,
		const char *user, uint32_t from)
{
	uint32_t i;

	if (tbl == NULL || user == NULL)
		return -1;
	for (i = from; i < tbl->nb_sections; i++)
		if (strcasecmp(tbl->sections[i].user, user) == 0)
			return (int)i;
	return -1;
}
