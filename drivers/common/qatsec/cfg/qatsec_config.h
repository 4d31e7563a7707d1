/* SPDX-License-Identifier: BSD-3-Clause
 * qatsec layer 1: Intel-QAT-format endpoint configuration files and their
 * expansion into the ordered table of internal sections (SSL_DEV0_INT_0,
 * IPSec_INT_0, ...). Pure C: no EAL, no DPDK, so it can be unit-tested and
 * fuzzed on its own. The core, the claim layer and the PMD consume
 * struct qatsec_section_table; nothing here allocates shared memory.
 */
#ifndef QATSEC_CONFIG_H
#define QATSEC_CONFIG_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define QATSEC_MAX_ENDPOINTS	16
#define QATSEC_MAX_INSTANCES	32	/* Cy and Dc, each, per endpoint */
#define QATSEC_MAX_USER_SECTIONS 32	/* per endpoint file */
#define QATSEC_INST_NAME_MAX	64	/* Cy<N>Name, without the NUL */
/* Internal section names become cryptodev names "crypto_qatsec_<name>",
 * which DPDK bounds at 63 characters (RTE_CRYPTODEV_NAME_MAX_LEN - 1).
 */
#define QATSEC_DEV_PREFIX	"crypto_qatsec_"
#define QATSEC_INT_NAME_MAX	(63 - (int)(sizeof(QATSEC_DEV_PREFIX) - 1))
#define QATSEC_MAX_CORE		4095
#define QATSEC_MAX_CORE_RANGES	16
#define QATSEC_MAX_PROCESSES	64	/* NumProcesses per user section */
#define QATSEC_MAX_DIAG_MSG	256
#define QATSEC_RING_DEPTH_MIN	64
#define QATSEC_RING_DEPTH_MAX	65536

enum qatsec_inst_type {
	QATSEC_INST_CY = 0,
	QATSEC_INST_DC = 1,
};

enum qatsec_poll_mode {
	QATSEC_POLL_INTERRUPT = 0,	/* kernel users only */
	QATSEC_POLL_POLLED = 1,
	QATSEC_POLL_EPOLL = 2,
};

/* ServicesEnabled bits */
#define QATSEC_SVC_CY	(1u << 0)
#define QATSEC_SVC_SYM	(1u << 1)
#define QATSEC_SVC_ASYM	(1u << 2)
#define QATSEC_SVC_DC	(1u << 3)
#define QATSEC_NB_SERVICES	4

/* ServicesEnabled names, by bit (QATSEC_SVC_*), and the spellings of the
 * instance-count keys, [Cy|Dc][Number..|Num..].
 */
extern const char *const qatsec_service_names[QATSEC_NB_SERVICES];
extern const char *const qatsec_count_keys[2][2];

struct qatsec_core_range {
	uint16_t lo, hi;
};

struct qatsec_inst_cfg {
	char name[QATSEC_INST_NAME_MAX + 1];
	uint8_t poll_mode;		/* enum qatsec_poll_mode */
	uint8_t nb_ranges;		/* 0: no CoreAffinity given */
	struct qatsec_core_range ranges[QATSEC_MAX_CORE_RANGES];
	uint32_t line;			/* line of Cy<N>Name */
};

struct qatsec_user_section {
	char name[QATSEC_INT_NAME_MAX + 1];
	uint32_t line;			/* line of the [header] */
	uint32_t num_processes;
	bool limit_dev_access;
	uint32_t nb_inst[2];		/* indexed by enum qatsec_inst_type */
	struct qatsec_inst_cfg inst[2][QATSEC_MAX_INSTANCES];
};

/* One parsed endpoint file. */
struct qatsec_endpoint_cfg {
	char path[256];
	char devtype[32];		/* "4xxx" from 4xxx_dev0.conf */
	uint32_t index;			/* N from <type>_dev<N>.conf */
	uint32_t services;		/* QATSEC_SVC_* */
	/* Checked as QAT checks them but not used by qatsec yet, so that a
	 * file valid for the QAT driver is valid here: ConfigVersion (qatsec
	 * reads one format), the asymmetric ring depth (no asymmetric engine
	 * yet) and the compression one (no compression backend).
	 */
	uint32_t config_version;
	uint32_t cy_sym_depth;		/* CyNumConcurrentSymRequests */
	uint32_t cy_asym_depth;		/* CyNumConcurrentAsymRequests */
	uint32_t dc_depth;		/* DcNumConcurrentRequests */
	int32_t numa_node;		/* qatsec extension; -1: not given */
	uint32_t kernel_inst[2];	/* [KERNEL] NumberCy/DcInstances */
	uint32_t nb_sections;
	struct qatsec_user_section sections[QATSEC_MAX_USER_SECTIONS];
};

enum qatsec_diag_level {
	QATSEC_DIAG_WARNING,
	QATSEC_DIAG_ERROR,
};

/* Every diagnostic reads "file:line: [section] key: message" (section and
 * key when known); the whole string is in msg, the parts for programs.
 */
struct qatsec_diag {
	enum qatsec_diag_level level;
	uint32_t line;
	char msg[QATSEC_MAX_DIAG_MSG];
};

#define QATSEC_MAX_DIAGS 64
struct qatsec_diags {
	uint32_t nb;			/* stored */
	uint32_t nb_errors;		/* counted, even past QATSEC_MAX_DIAGS */
	uint32_t nb_warnings;
	struct qatsec_diag d[QATSEC_MAX_DIAGS];
};

/* One instance of an internal section. Its poll mode and core are the
 * application's to act on (rte_pmd_qatsec_user_start() hands them out, as
 * QAT's instance info does): a soft endpoint is always polled.
 */
struct qatsec_int_inst {
	uint16_t ep;			/* index into the endpoint array */
	uint8_t type;			/* enum qatsec_inst_type */
	uint8_t poll_mode;
	uint16_t inst;			/* N of Cy<N> on that endpoint */
	int16_t core;			/* cores[process % n], -1: none given */
	char name[QATSEC_INST_NAME_MAX + 1];
};

struct qatsec_int_section {
	char name[QATSEC_INT_NAME_MAX + 1];	/* SSL_DEV0_INT_0, IPsec_INT_0 */
	char user[QATSEC_INT_NAME_MAX + 1];	/* SSL, IPsec */
	int32_t ep;			/* endpoint index, -1 when shared */
	uint32_t process;		/* i of _INT_<i> */
	uint32_t first_inst;		/* into qatsec_section_table.inst */
	uint32_t nb_inst;
	uint32_t nb_cy;
};

/* The expansion of all endpoints, in first-fit order. */
struct qatsec_section_table {
	uint32_t nb_sections;
	uint32_t nb_inst;
	struct qatsec_int_section *sections;
	struct qatsec_int_inst *inst;
};

/* Parse one endpoint file (text in memory). "path" is used for messages and
 * to derive devtype and index from the QAT name <type>_dev<N>.conf; when the
 * name does not follow it, "fallback_index" is used. Returns 0 when no error
 * was found (warnings allowed), -EINVAL otherwise; diags gets the details.
 */
int qatsec_config_parse(const char *path, const char *text, size_t len,
		uint32_t fallback_index, struct qatsec_endpoint_cfg *ep,
		struct qatsec_diags *diags);

/* Devtype and endpoint index from a file name <type>_dev<N>.conf (the
 * directory part is ignored); false when the name does not follow it.
 */
bool qatsec_config_name_index(const char *path, char *devtype, size_t size,
		uint32_t *index);

/* Read and parse a file from disk. */
int qatsec_config_parse_file(const char *path, uint32_t fallback_index,
		struct qatsec_endpoint_cfg *ep, struct qatsec_diags *diags);

/* Parse every *.conf of a directory, sorted by endpoint index. Fills eps
 * (caller provides QATSEC_MAX_ENDPOINTS) and returns how many, or a negative
 * errno (an unreadable directory, no file, duplicate index, errors in files).
 */
int qatsec_config_load_dir(const char *dir, struct qatsec_endpoint_cfg *eps,
		struct qatsec_diags *diags);

/* The built-in one-endpoint configuration used when none is given. */
extern const char qatsec_default_config[];
extern const char qatsec_default_config_name[];

/* Expand endpoints (sorted by index) into the section table; validates
 * what spans files (name collisions, shared sections declared differently,
 * ring budgets). Returns 0 or -EINVAL / -ENOMEM with diags filled.
 */
int qatsec_sections_expand(const struct qatsec_endpoint_cfg *eps,
		uint32_t nb_eps, struct qatsec_section_table *tbl,
		struct qatsec_diags *diags);

void qatsec_sections_free(struct qatsec_section_table *tbl);

/* First section of tbl whose user section matches "user" (any case),
 * starting at "from"; -1 when there is none.
 */
int qatsec_sections_find_user(const struct qatsec_section_table *tbl,
		const char *user, uint32_t from);

/* The n-th core of an instance's CoreAffinity, or -1 when none. */
int qatsec_inst_core(const struct qatsec_inst_cfg *inst, uint32_t n);

const char *qatsec_diag_level_str(enum qatsec_diag_level level);

/* Append one diagnostic "file:line: [section] key: message"; line 0,
 * section NULL and key NULL leave their part out. Counts past
 * QATSEC_MAX_DIAGS without storing. diags may be NULL.
 */
void qatsec_diag_add(struct qatsec_diags *diags,
		enum qatsec_diag_level level, const char *file, uint32_t line,
		const char *section, const char *key, const char *fmt, ...)
	__attribute__((format(printf, 7, 8)));
void qatsec_diag_vadd(struct qatsec_diags *diags,
		enum qatsec_diag_level level, const char *file, uint32_t line,
		const char *section, const char *key, const char *fmt,
		va_list ap)
	__attribute__((format(printf, 7, 0)));

/* Ring-slot budget of one endpoint: KERNEL and user instances against the
 * slots ServicesEnabled leaves per service. Run by qatsec_config_parse and
 * again by qatsec_sections_expand. Returns the number of errors added.
 */
uint32_t qatsec_config_check_slots(const struct qatsec_endpoint_cfg *ep,
		struct qatsec_diags *diags);

#endif /* QATSEC_CONFIG_H */
