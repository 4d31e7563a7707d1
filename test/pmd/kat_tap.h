/* SPDX-License-Identifier: BSD-3-Clause
 * TAP reporting and shared state for qatsec_kat: one tally per output line
 * (group / direction / mode), counting cases run, failed and skipped (with
 * reasons), keeping the first failure for the line.
 */
#ifndef KAT_TAP_H
#define KAT_TAP_H

#include <stdbool.h>
#include <stdint.h>

#include "kat_dev.h"

#define KAT_TALLY_REASONS 10

struct kat_tally {
	char name[112];
	unsigned int run, failed, skipped;
	struct {
		const char *why;
		unsigned int n;
	} skip[KAT_TALLY_REASONS];
	unsigned int nskip;
	const char *skip_line;	/* whole line is a TAP SKIP for this reason */
	bool skip_dev;		/* ... a shortfall of the device under test */
	char note[128];		/* extra text appended to the line */
	char first[512];	/* first failure */
};

struct kat_opts {
	const char *dev;
	const char *ref;	/* comma-separated reference device names */
	const char *vectors;
	const char *only;
	uint64_t seed;
	unsigned int iters;
	unsigned int burst;
	unsigned int timeout_ms;
	bool strict;		/* device-caused SKIP lines count as failures */
	const char *known_bad;	/* globs of lines reported as TODO if failing */
	const char *modes;	/* buffer modes to run (NULL: all) */
	/* --avoid: inputs that break a reference PMD (see usage) */
	bool avoid_empty_hmac;
	bool avoid_empty_oop_sgl;
};

extern struct kat_opts kat_opt;

void kat_tally_init(struct kat_tally *t, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void kat_tally_skip(struct kat_tally *t, const char *why);
/* One tally per buffer mode; modes d does not advertise become SKIP lines. */
void kat_tally_init_modes(struct kat_tally *t, const struct kat_dev *d,
		const char *group, const char *dir);
void kat_tally_skip_all(struct kat_tally *t, const char *why);
/* Whole-line SKIP for every mode (dev: the device under test lacks it). */
void kat_tally_skip_line_all(struct kat_tally *t, const char *why, bool dev);
/*
 * After a run: a line where nothing ran only because the device lacks the
 * algorithm becomes a SKIP line rather than a zero-run failure.
 */
void kat_tally_finish_modes(struct kat_tally *t);
void kat_tally_ok(struct kat_tally *t);
void kat_tally_fail(struct kat_tally *t, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Print the TAP line for t. */
void kat_tap_emit(struct kat_tally *t);
/* Abort the run (device unusable). */
void kat_tap_bail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* --only filter: comma-separated fnmatch patterns; NULL/empty selects all. */
bool kat_selected(const char *group);

/*
 * Compare one finished job against expectations and record the result in t.
 * exp_out / exp_digest may be NULL (not checked); they are only checked
 * when the expected status is SUCCESS.
 */
void kat_check_job(struct kat_tally *t, const char *where,
		const struct kat_job *j, int exp_status, const uint8_t *exp_out,
		const uint8_t *exp_digest);

/* Did kat_selected() accept any group? (an --only typo must not pass) */
bool kat_any_selected(void);

/* ENOTSUP probes on the device under test (kat_enotsup.c). */
void kat_enotsup_run(struct kat_dev *d);

/*
 * Differential testing (kat_diff.c): each algorithm against the first
 * reference device that has it.
 */
void kat_diff_run(struct kat_dev *dev, struct kat_dev *const *refs,
		unsigned int nref);

#endif /* KAT_TAP_H */
