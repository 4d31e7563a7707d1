/* SPDX-License-Identifier: BSD-3-Clause
 * qatsec layer 1 unit tests: directories of endpoint files and their
 * expansion into internal sections. The seed example (config/, argv[1])
 * must give exactly the nine sections of Intel's Programmer's Guide, in
 * first-fit claim order; then the cross-file rules, one test each.
 */
#include <errno.h>
#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

#include "unit.h"

static const char *cfg_dir;
static struct qatsec_endpoint_cfg eps[QATSEC_MAX_ENDPOINTS + 1];
static struct qatsec_diags d;
static struct qatsec_section_table tbl;

/* Parse texts as t/4xxx_dev<i>.conf, each without diagnostics, and expand. */
static int
expand(const char *const *texts, uint32_t n)
{
	uint32_t i;

	memset(&d, 0, sizeof(d));
	qatsec_sections_free(&tbl);
	for (i = 0; i < n; i++) {
		char path[32];

		snprintf(path, sizeof(path), "t/4xxx_dev%u.conf", i);
		UT_EQ(qatsec_config_parse(path, texts[i], strlen(texts[i]), i,
			&eps[i], &d), 0);
	}
	UT_NO_DIAGS(&d);
	return qatsec_sections_expand(eps, n, &tbl, &d);
}

/* Expand again what is in eps (tables are overwritten, not freed). */
static int
reexpand(const struct qatsec_endpoint_cfg *e, uint32_t n)
{
	qatsec_sections_free(&tbl);
	return qatsec_sections_expand(e, n, &tbl, &d);
}

static void
names_are(const char *const *names, const char *where, int line)
{
	uint32_t i, n = 0;
	int bad = 0;

	while (names[n] != NULL)
		n++;
	if (tbl.nb_sections != n)
		bad = 1;
	for (i = 0; i < n && !bad; i++)
		if (strcmp(tbl.sections[i].name, names[i]) != 0)
			bad = 1;
	if (!bad)
		return;
	printf("#   %s:%d: sections differ; got:", where, line);
	for (i = 0; i < tbl.nb_sections; i++)
		printf(" %s", tbl.sections[i].name);
	printf("\n");
	ut_failed = 1;
}

#define NAMES(...) do { \
	static const char *const ut_names[] = { __VA_ARGS__, NULL }; \
	names_are(ut_names, __FILE__, __LINE__); \
} while (0)

static const struct qatsec_int_inst *
inst(uint32_t sec, uint32_t i)
{
	return &tbl.inst[tbl.sections[sec].first_inst + i];
}

static void
check_seed_table(void)
{
	uint32_t s, i;

	NAMES("SSL_DEV0_INT_0", "SSL_DEV0_INT_1", "SSL_DEV0_INT_2",
		"SSL_DEV0_INT_3", "IPsec_INT_0", "SSL_DEV1_INT_0",
		"SSL_DEV1_INT_1", "SSL_DEV1_INT_2", "SSL_DEV1_INT_3");
	if (tbl.nb_sections != 9)
		return;
	UT_EQ(tbl.nb_inst, 16);
	for (s = 0; s < 9; s++) {
		const struct qatsec_int_section *sec = &tbl.sections[s];
		int32_t ep = s < 4 ? 0 : 1;

		if (s == 4)
			continue;
		UT_STREQ(sec->user, "SSL");
		UT_EQ(sec->ep, ep);
		UT_EQ(sec->process, s < 4 ? s : s - 5);
		UT_EQ(sec->nb_inst, 1);
		UT_EQ(sec->nb_cy, 1);
		UT_STREQ(inst(s, 0)->name, "SSL0");
		UT_EQ(inst(s, 0)->ep, ep);
		UT_EQ(inst(s, 0)->type, QATSEC_INST_CY);
		UT_EQ(inst(s, 0)->inst, 0);
		UT_EQ(inst(s, 0)->core, 0);
		UT_EQ(inst(s, 0)->poll_mode, QATSEC_POLL_POLLED);
	}
	UT_STREQ(tbl.sections[4].user, "IPsec");
	UT_EQ(tbl.sections[4].ep, -1);
	UT_EQ(tbl.sections[4].process, 0);
	UT_EQ(tbl.sections[4].nb_inst, 8);
	UT_EQ(tbl.sections[4].nb_cy, 8);
	for (i = 0; i < 8; i++) {
		char name[16];

		snprintf(name, sizeof(name), "IPSec%u", i % 4);
		UT_STREQ(inst(4, i)->name, name);
		UT_EQ(inst(4, i)->ep, i / 4);
		UT_EQ(inst(4, i)->inst, i % 4);
		UT_EQ(inst(4, i)->type, QATSEC_INST_CY);
	}
}

static void
test_seed(void)
{
	int n;

	memset(&d, 0, sizeof(d));
	n = qatsec_config_load_dir(cfg_dir, eps, &d);
	UT_EQ(n, 2);
	UT_NO_DIAGS(&d);
	UT_EQ(eps[0].index, 0);
	UT_EQ(eps[1].index, 1);
	UT_STREQ(eps[1].devtype, "4xxx");
	qatsec_sections_free(&tbl);
	UT_EQ(qatsec_sections_expand(eps, 2, &tbl, &d), 0);
	UT_NO_DIAGS(&d);
	check_seed_table();
}

static void
test_seed_find_user(void)
{
	uint32_t i;

	UT_EQ(qatsec_sections_find_user(&tbl, "IPSec", 0), 4);
	UT_EQ(qatsec_sections_find_user(&tbl, "ipsec", 0), 4);
	UT_EQ(qatsec_sections_find_user(&tbl, "IPsec", 4), 4);
	UT_EQ(qatsec_sections_find_user(&tbl, "IPsec", 5), -1);
	/* first fit walks dev0's SSL sections, then dev1's */
	static const int walk[] = { 0, 1, 2, 3, 5, 6, 7, 8 };
	int at = -1;

	for (i = 0; i < 8; i++) {
		at = qatsec_sections_find_user(&tbl, "SSL", (uint32_t)at + 1);
		UT_EQ(at, walk[i]);
	}
	UT_EQ(qatsec_sections_find_user(&tbl, "ssl", 9), -1);
	UT_EQ(qatsec_sections_find_user(&tbl, "SSL", 1000), -1);
	UT_EQ(qatsec_sections_find_user(&tbl, "SSL_DEV0", 0), -1);
	UT_EQ(qatsec_sections_find_user(&tbl, "SSL_DEV0_INT_0", 0), -1);
	UT_EQ(qatsec_sections_find_user(&tbl, "", 0), -1);
	UT_EQ(qatsec_sections_find_user(&tbl, NULL, 0), -1);
	UT_EQ(qatsec_sections_find_user(NULL, "SSL", 0), -1);
}

/* The seed with CRLF line ends and no final newline expands the same. */
static void
test_seed_crlf(void)
{
	char *txt[2], *crlf[2];
	size_t len, i, j, k;

	for (i = 0; i < 2; i++) {
		char path[4096];

		snprintf(path, sizeof(path), "%s/4xxx_dev%zu.conf", cfg_dir, i);
		txt[i] = ut_read_file(path, &len);
		UT_CHECK(txt[i] != NULL);
		if (txt[i] == NULL)
			return;
		crlf[i] = malloc(2 * len + 1);
		for (j = k = 0; j < len; j++) {
			if (txt[i][j] == '\n' && j + 1 < len)
				crlf[i][k++] = '\r';
			if (txt[i][j] != '\n' || j + 1 < len)
				crlf[i][k++] = txt[i][j];
		}
		crlf[i][k] = '\0';
	}
	UT_EQ(expand((const char *const *)crlf, 2), 0);
	UT_NO_DIAGS(&d);
	check_seed_table();
	for (i = 0; i < 2; i++) {
		free(txt[i]);
		free(crlf[i]);
	}
}

static void
test_default_config(void)
{
	char path[4096];
	const char *texts[1] = { qatsec_default_config };
	size_t len = 0;
	char *file;

	snprintf(path, sizeof(path), "%s/default/%s", cfg_dir,
		qatsec_default_config_name);
	file = ut_read_file(path, &len);
	UT_CHECK(file != NULL);
	UT_STREQ(qatsec_default_config_name, "4xxx_dev0.conf");
	UT_EQ(len, strlen(qatsec_default_config));
	UT_CHECK(file != NULL &&
		memcmp(file, qatsec_default_config, len) == 0);
	free(file);
	UT_EQ(expand(texts, 1), 0);
	UT_NO_DIAGS(&d);
	UT_EQ(eps[0].services, QATSEC_SVC_SYM | QATSEC_SVC_DC);
	NAMES("SSL_INT_0");
	UT_EQ(tbl.nb_inst, 2);
	UT_STREQ(inst(0, 0)->name, "SSL0");
	UT_STREQ(inst(0, 1)->name, "SSL1");
	UT_EQ(inst(0, 1)->poll_mode, QATSEC_POLL_POLLED);
	UT_EQ(inst(0, 1)->core, -1);
}

static void
test_three_endpoints(void)
{
	static const char *const t[] = {
		"[A]\nNumCyInstances = 1\nCy0Name = a0\n"
		"[B]\nLimitDevAccess = 1\nNumProcesses = 2\n"
		"NumDcInstances = 1\nDc0Name = b\n",
		"[B]\nLimitDevAccess = 1\nNumProcesses = 2\n"
		"NumDcInstances = 1\nDc0Name = b\n"
		"[A]\nNumCyInstances = 1\nCy0Name = a1\n",
		"[a]\nNumCyInstances = 1\nCy0Name = a2\n",
	};
	uint32_t i;

	UT_EQ(expand(t, 3), 0);
	UT_DIAGS(&d, "W t/4xxx_dev2.conf:1: [a] spelled A at "
		"t/4xxx_dev0.conf:1: the internal sections keep that spelling");
	NAMES("A_INT_0", "B_DEV0_INT_0", "B_DEV0_INT_1", "B_DEV1_INT_0",
		"B_DEV1_INT_1");
	if (tbl.nb_sections != 5)
		return;
	UT_STREQ(tbl.sections[0].user, "A");
	UT_EQ(tbl.sections[0].nb_inst, 3);
	for (i = 0; i < 3; i++) {
		char name[8];

		snprintf(name, sizeof(name), "a%u", i);
		UT_STREQ(inst(0, i)->name, name);
		UT_EQ(inst(0, i)->ep, i);
	}
	for (i = 1; i < 5; i++) {
		UT_EQ(tbl.sections[i].ep, (i - 1) / 2);
		UT_EQ(tbl.sections[i].process, (i - 1) % 2);
		UT_EQ(tbl.sections[i].nb_inst, 1);
		UT_EQ(tbl.sections[i].nb_cy, 0);
		UT_EQ(inst(i, 0)->type, QATSEC_INST_DC);
	}
	UT_EQ(qatsec_sections_find_user(&tbl, "a", 0), 0);
	UT_EQ(qatsec_sections_find_user(&tbl, "b", 2), 2);
}

/* Cy of every endpoint first, then Dc: nb_cy splits the run. */
static void
test_cy_then_dc(void)
{
	static const char *const t[] = {
		"[G]\nNumCyInstances = 1\nNumDcInstances = 2\nCy0Name = c0\n"
		"Dc0Name = d0\nDc1Name = e0\n",
		"[G]\nNumCyInstances = 2\nNumDcInstances = 1\nCy0Name = c1\n"
		"Cy1Name = f1\nDc0Name = d1\n",
	};
	static const char *const want[] = { "c0", "c1", "f1", "d0", "e0",
		"d1" };
	static const uint8_t ep[] = { 0, 1, 1, 0, 0, 1 };
	uint32_t i;

	UT_EQ(expand(t, 2), 0);
	UT_NO_DIAGS(&d);
	NAMES("G_INT_0");
	if (tbl.nb_sections != 1)
		return;
	UT_EQ(tbl.sections[0].nb_inst, 6);
	UT_EQ(tbl.sections[0].nb_cy, 3);
	for (i = 0; i < 6; i++) {
		UT_STREQ(inst(0, i)->name, want[i]);
		UT_EQ(inst(0, i)->ep, ep[i]);
		UT_EQ(inst(0, i)->type,
			i < 3 ? QATSEC_INST_CY : QATSEC_INST_DC);
	}
}

static void
test_mixed_shared_limited(void)
{
	static const char *const t[] = {
		"[S]\nNumCyInstances = 1\nCy0Name = s0\n",
		"[S]\nLimitDevAccess = 1\nNumProcesses = 2\n"
		"NumCyInstances = 1\nCy0Name = s1\n",
	};

	UT_EQ(expand(t, 2), 0);
	UT_DIAGS(&d, "W t/4xxx_dev1.conf:1: [S] LimitDevAccess=1 here but 0 "
		"at t/4xxx_dev0.conf:1");
	NAMES("S_INT_0", "S_DEV1_INT_0", "S_DEV1_INT_1");
	UT_EQ(qatsec_sections_find_user(&tbl, "S", 1), 1);
}

/* A later endpoint with more processes extends the shared section right
 * after its existing S_INT_*, and only its instances are in the new ones.
 */
static void
test_shared_num_processes_differ(void)
{
	static const char *const t[] = {
		"[S]\nNumCyInstances = 1\nCy0Name = s0\n"
		"[T]\nLimitDevAccess = 1\nNumCyInstances = 1\nCy0Name = t0\n",
		"[S]\nNumProcesses = 3\nNumCyInstances = 1\nNumDcInstances = 1\n"
		"Cy0Name = s1\nCy0CoreAffinity = 4-6\nDc0Name = ds1\n",
	};
	uint32_t i;

	UT_EQ(expand(t, 2), 0);
	UT_DIAGS(&d, "W t/4xxx_dev1.conf:1: [S] NumProcesses=3 differs from 1 "
		"at t/4xxx_dev0.conf:1: S_INT_<i> joins the endpoints that "
		"have a process i");
	NAMES("S_INT_0", "S_INT_1", "S_INT_2", "T_DEV0_INT_0");
	if (tbl.nb_sections != 4)
		return;
	UT_EQ(tbl.sections[0].nb_inst, 3);
	UT_EQ(tbl.sections[0].nb_cy, 2);
	UT_STREQ(inst(0, 0)->name, "s0");
	UT_EQ(inst(0, 0)->core, -1);
	UT_STREQ(inst(0, 1)->name, "s1");
	UT_EQ(inst(0, 1)->core, 4);
	UT_STREQ(inst(0, 2)->name, "ds1");
	for (i = 1; i < 3; i++) {
		UT_EQ(tbl.sections[i].nb_inst, 2);
		UT_EQ(tbl.sections[i].nb_cy, 1);
		UT_EQ(tbl.sections[i].process, i);
		UT_EQ(tbl.sections[i].ep, -1);
		UT_STREQ(inst(i, 0)->name, "s1");
		UT_EQ(inst(i, 0)->ep, 1);
		UT_EQ(inst(i, 0)->core, 4 + (int)i);
	}
}

static void
test_core_per_process(void)
{
	static const char *const t[] = {
		"[L]\nLimitDevAccess = 1\nNumProcesses = 4\nNumCyInstances = 1\n"
		"Cy0Name = x\nCy0CoreAffinity = 0-1,8\n",
	};
	static const int16_t want[] = { 0, 1, 8, 0 };
	uint32_t i;

	UT_EQ(expand(t, 1), 0);
	UT_NO_DIAGS(&d);
	UT_EQ(tbl.nb_sections, 4);
	for (i = 0; i < 4 && i < tbl.nb_sections; i++)
		UT_EQ(inst(i, 0)->core, want[i]);
}

static void
test_collision_same_file(void)
{
	static const char *const t[] = {
		"[SSL]\nLimitDevAccess = 1\nNumProcesses = 3\nNumCyInstances = 1\n"
		"Cy0Name = a\n"
		"[SSL_DEV0]\nNumProcesses = 3\nNumCyInstances = 1\nCy0Name = b\n",
	};

	UT_EQ(expand(t, 1), -EINVAL);
	UT_DIAGS(&d, "t/4xxx_dev0.conf:6: [SSL_DEV0] internal section "
		"SSL_DEV0_INT_0 collides with SSL_DEV0_INT_0 of [SSL] at "
		"t/4xxx_dev0.conf:1");
	UT_EQ(tbl.nb_sections, 0);
	UT_CHECK(tbl.sections == NULL);
}

static void
test_collision_across_files(void)
{
	static const char *const t[] = {
		"[ssl]\nLimitDevAccess = 1\nNumCyInstances = 1\nCy0Name = a\n",
		"[SSL_dev0]\nNumCyInstances = 1\nCy0Name = b\n",
	};

	UT_EQ(expand(t, 2), -EINVAL);
	UT_DIAGS(&d, "t/4xxx_dev1.conf:1: [SSL_dev0] internal section "
		"SSL_dev0_INT_0 collides with ssl_DEV0_INT_0 of [ssl] at "
		"t/4xxx_dev0.conf:1");
}

static void
name_limit(const char *fmt, uint32_t len, uint32_t nb_proc, int ok,
		const char *msg_fmt, uint32_t msg_len)
{
	char name[64], text[256], msg[256], *n;
	const char *t[1] = { text };

	memset(name, 'n', len);
	name[len] = '\0';
	snprintf(text, sizeof(text), fmt, name, nb_proc);
	UT_EQ(expand(t, 1), ok ? 0 : -EINVAL);
	if (ok) {
		UT_NO_DIAGS(&d);
		UT_EQ(tbl.nb_sections, nb_proc);
		n = tbl.sections[nb_proc - 1].name;
		UT_EQ(strlen(n), QATSEC_INT_NAME_MAX);
		return;
	}
	snprintf(msg, sizeof(msg), msg_fmt, name, name, msg_len);
	UT_EQ(d.nb, 1);
	UT_STREQ(d.d[0].msg, msg);
}

/* Internal names become crypto_qatsec_<name>, at most 63 characters. */
static void
test_name_length_limit(void)
{
	static const char shared[] = "[%s]\nNumProcesses = %u\n"
		"NumCyInstances = 1\nCy0Name = x\n";
	static const char limited[] = "[%s]\nLimitDevAccess = 1\n"
		"NumProcesses = %u\nNumCyInstances = 1\nCy0Name = x\n";
	static const char shared_msg[] = "t/4xxx_dev0.conf:1: [%s] device "
		"name crypto_qatsec_%s_INT_0 is %u characters, more than 63";
	static const char limited_msg[] = "t/4xxx_dev0.conf:1: [%s] device "
		"name crypto_qatsec_%s_DEV0_INT_0 is %u characters, more than 63";
	static const char ten_msg[] = "t/4xxx_dev0.conf:1: [%s] device "
		"name crypto_qatsec_%s_INT_10 is %u characters, more than 63";

	UT_EQ(QATSEC_INT_NAME_MAX, 49);
	name_limit(shared, 43, 1, 1, NULL, 0);
	name_limit(shared, 44, 1, 0, shared_msg, 64);
	name_limit(limited, 38, 1, 1, NULL, 0);
	name_limit(limited, 39, 1, 0, limited_msg, 64);
	name_limit(limited, 49, 1, 0, limited_msg, 74);
	name_limit(shared, 43, 10, 1, NULL, 0);
	name_limit(shared, 43, 11, 0, ten_msg, 64);
}

static void
test_expand_rejects(void)
{
	static const char *const t[] = {
		"[S]\nNumCyInstances = 1\nCy0Name = x\n",
	};
	struct qatsec_endpoint_cfg *two = eps;

	/* duplicate endpoint index */
	memset(&d, 0, sizeof(d));
	UT_EQ(qatsec_config_parse("a/4xxx_dev3.conf", t[0], strlen(t[0]), 0,
		&two[0], &d), 0);
	UT_EQ(qatsec_config_parse("b/c6xx_dev3.conf", t[0], strlen(t[0]), 0,
		&two[1], &d), 0);
	UT_EQ(reexpand(two, 2), -EINVAL);
	UT_DIAGS(&d, "b/c6xx_dev3.conf: endpoint index 3 also used by "
		"a/4xxx_dev3.conf");
	/* slot budget, for endpoints that did not come from the parser */
	UT_EQ(expand(t, 1), 0);
	eps[0].sections[0].num_processes = 64;
	UT_EQ(reexpand(eps, 1), -EINVAL);
	UT_DIAGS(&d, "t/4xxx_dev0.conf:1: [S] NumProcesses: process 32 does "
		"not fit: endpoint has 32 crypto instance slots with "
		"ServicesEnabled=sym;dc");
	UT_EQ(tbl.nb_sections, 0);
	/* inconsistent structures */
	UT_EQ(expand(t, 1), 0);
	memset(&d, 0, sizeof(d));
	eps[0].sections[0].nb_inst[0] = 33;
	UT_EQ(reexpand(eps, 1), -EINVAL);
	UT_DIAGS(&d, "qatsec: endpoint 0: inconsistent configuration");
	memset(&d, 0, sizeof(d));
	UT_EQ(qatsec_sections_expand(eps, QATSEC_MAX_ENDPOINTS + 1, &tbl, &d),
		-EINVAL);
	UT_DIAGS(&d, "qatsec: 17 endpoints: at most 16");
	UT_EQ(qatsec_sections_expand(NULL, 1, &tbl, &d), -EINVAL);
	UT_EQ(qatsec_sections_expand(eps, 1, NULL, &d), -EINVAL);
	/* nothing to expand is not an error */
	memset(&d, 0, sizeof(d));
	UT_EQ(qatsec_sections_expand(NULL, 0, &tbl, &d), 0);
	UT_EQ(tbl.nb_sections, 0);
	UT_EQ(qatsec_sections_find_user(&tbl, "S", 0), -1);
	qatsec_sections_free(&tbl);
	qatsec_sections_free(NULL);
}

/* ---- directories ---- */

static char tmp[64];

static void
put(const char *name, const char *text)
{
	char path[256];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", tmp, name);
	f = fopen(path, "w");
	UT_CHECK(f != NULL);
	if (f == NULL)
		return;
	fputs(text, f);
	fclose(f);
}

static void
clear_tmp(void)
{
	struct dirent *de;
	DIR *dir;

	if (tmp[0] == '\0')
		return;
	dir = opendir(tmp);
	while (dir != NULL && (de = readdir(dir)) != NULL) {
		char path[512];

		if (de->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "%s/%s", tmp, de->d_name);
		if (unlink(path) != 0)
			rmdir(path);
	}
	if (dir != NULL)
		closedir(dir);
}

static int
load(void)
{
	memset(&d, 0, sizeof(d));
	return qatsec_config_load_dir(tmp, eps, &d);
}

#define EP_TEXT "[L]\nLimitDevAccess = 1\nNumCyInstances = 1\nCy0Name = l\n" \
	"[G]\nNumDcInstances = 1\nDc0Name = g\n"

static void
test_dir_five_endpoints(void)
{
	static const uint32_t idx[] = { 9, 7, 5, 2, 0 };
	char name[32];
	uint32_t i;

	clear_tmp();
	for (i = 0; i < 5; i++) {
		snprintf(name, sizeof(name), "4xxx_dev%u.conf", idx[i]);
		put(name, EP_TEXT);
	}
	put("README", "not a config");
	put("4xxx_dev3.conf.bak", "[");
	UT_EQ(load(), 5);
	UT_NO_DIAGS(&d);
	for (i = 0; i < 5; i++)
		UT_EQ(eps[i].index, idx[4 - i]);
	qatsec_sections_free(&tbl);
	UT_EQ(qatsec_sections_expand(eps, 5, &tbl, &d), 0);
	UT_NO_DIAGS(&d);
	NAMES("L_DEV0_INT_0", "G_INT_0", "L_DEV2_INT_0", "L_DEV5_INT_0",
		"L_DEV7_INT_0", "L_DEV9_INT_0");
	if (tbl.nb_sections != 6)
		return;
	UT_EQ(tbl.sections[3].ep, 2);
	UT_EQ(inst(3, 0)->ep, 2);
	UT_EQ(tbl.sections[1].nb_inst, 5);
	UT_EQ(tbl.sections[1].nb_cy, 0);
	for (i = 0; i < 5; i++)
		UT_EQ(inst(1, i)->ep, i);
}

static void
test_dir_three_endpoints(void)
{
	char name[32];
	uint32_t i;

	clear_tmp();
	for (i = 0; i < 3; i++) {
		snprintf(name, sizeof(name), "4xxx_dev%u.conf", i);
		put(name, EP_TEXT);
	}
	UT_EQ(load(), 3);
	UT_NO_DIAGS(&d);
	qatsec_sections_free(&tbl);
	UT_EQ(qatsec_sections_expand(eps, 3, &tbl, &d), 0);
	NAMES("L_DEV0_INT_0", "G_INT_0", "L_DEV1_INT_0", "L_DEV2_INT_0");
}

static void
test_dir_other_names(void)
{
	char msg[256];

	clear_tmp();
	put("b.conf", EP_TEXT);
	put("a.conf", EP_TEXT);
	UT_EQ(load(), 2);
	UT_NO_DIAGS(&d);
	UT_CHECK(strstr(eps[0].path, "/a.conf") != NULL);
	UT_EQ(eps[0].index, 0);
	UT_EQ(eps[1].index, 1);
	UT_STREQ(eps[1].devtype, "");
	/* a.conf takes index 1 (its place by name): it collides */
	clear_tmp();
	put("4xxx_dev1.conf", EP_TEXT);
	put("a.conf", EP_TEXT);
	UT_EQ(load(), -EINVAL);
	snprintf(msg, sizeof(msg), "%s/a.conf: endpoint index 1 also used by "
		"%s/4xxx_dev1.conf", tmp, tmp);
	UT_DIAGS(&d, msg);
}

static void
test_dir_duplicate_index(void)
{
	char msg[256];

	clear_tmp();
	put("c6xx_dev0.conf", EP_TEXT);
	put("4xxx_dev0.conf", EP_TEXT);
	UT_EQ(load(), -EINVAL);
	snprintf(msg, sizeof(msg), "%s/c6xx_dev0.conf: endpoint index 0 also "
		"used by %s/4xxx_dev0.conf", tmp, tmp);
	UT_DIAGS(&d, msg);
}

static void
test_dir_errors(void)
{
	char msg[1024], path[256];
	uint32_t i;

	/* nothing: other files and a directory named like a config */
	clear_tmp();
	put("README", "x");
	snprintf(path, sizeof(path), "%s/d.conf", tmp);
	UT_EQ(mkdir(path, 0700), 0);
	UT_EQ(load(), -ENOENT);
	snprintf(msg, sizeof(msg), "%s: no *.conf file", tmp);
	UT_DIAGS(&d, msg);
	/* a directory is not a file */
	memset(&d, 0, sizeof(d));
	UT_EQ(qatsec_config_parse_file(path, 0, eps, &d), -EINVAL);
	snprintf(msg, sizeof(msg), "%s: not a regular file", path);
	UT_DIAGS(&d, msg);
	/* too many */
	clear_tmp();
	for (i = 0; i < QATSEC_MAX_ENDPOINTS + 1; i++) {
		snprintf(path, sizeof(path), "4xxx_dev%u.conf", i);
		put(path, EP_TEXT);
	}
	UT_EQ(load(), -E2BIG);
	snprintf(msg, sizeof(msg), "%s: 17 *.conf files: at most 16 endpoints",
		tmp);
	UT_DIAGS(&d, msg);
	/* unreadable: a dangling link, next to a file with an error */
	clear_tmp();
	snprintf(path, sizeof(path), "%s/4xxx_dev0.conf", tmp);
	UT_EQ(symlink("/nonexistent/qatsec", path), 0);
	put("4xxx_dev1.conf", "[S]\nNumProcesses = 0\nNumCyInstances = 1\n"
		"Cy0Name = a\n");
	UT_EQ(load(), -EINVAL);
	snprintf(msg, sizeof(msg), "%s/4xxx_dev0.conf: cannot stat: No such "
		"file or directory", tmp);
	snprintf(path, sizeof(path), "%s/4xxx_dev1.conf:2: [S] NumProcesses: "
		"must be at least 1", tmp);
	UT_DIAGS(&d, msg, path);
	/* missing directory and file */
	snprintf(path, sizeof(path), "%s/nope", tmp);
	memset(&d, 0, sizeof(d));
	UT_EQ(qatsec_config_load_dir(path, eps, &d), -ENOENT);
	snprintf(msg, sizeof(msg), "%s: cannot open directory: No such file "
		"or directory", path);
	UT_DIAGS(&d, msg);
	memset(&d, 0, sizeof(d));
	UT_EQ(qatsec_config_parse_file(path, 0, eps, &d), -ENOENT);
	snprintf(msg, sizeof(msg), "%s: cannot open: No such file or "
		"directory", path);
	UT_DIAGS(&d, msg);
	UT_EQ(eps[0].numa_node, -1);
	/* a FIFO must not block, a huge file is refused unread */
	clear_tmp();
	snprintf(path, sizeof(path), "%s/4xxx_dev0.conf", tmp);
	UT_EQ(mkfifo(path, 0600), 0);
	memset(&d, 0, sizeof(d));
	UT_EQ(qatsec_config_parse_file(path, 0, eps, &d), -EINVAL);
	snprintf(msg, sizeof(msg), "%s: not a regular file", path);
	UT_DIAGS(&d, msg);
	UT_EQ(load(), -ENOENT);
	clear_tmp();
	snprintf(path, sizeof(path), "%s/4xxx_dev0.conf", tmp);
	put("4xxx_dev0.conf", "");
	UT_EQ(truncate(path, 17 << 20), 0);
	memset(&d, 0, sizeof(d));
	UT_EQ(qatsec_config_parse_file(path, 0, eps, &d), -EFBIG);
	snprintf(msg, sizeof(msg), "%s: larger than 16 MiB", path);
	UT_DIAGS(&d, msg);
	/* empty file */
	clear_tmp();
	put("4xxx_dev0.conf", "");
	UT_EQ(load(), 1);
	UT_NO_DIAGS(&d);
}

static const struct ut_test tests[] = {
	UT(test_seed),
	UT(test_seed_find_user),
	UT(test_seed_crlf),
	UT(test_default_config),
	UT(test_three_endpoints),
	UT(test_cy_then_dc),
	UT(test_mixed_shared_limited),
	UT(test_shared_num_processes_differ),
	UT(test_core_per_process),
	UT(test_collision_same_file),
	UT(test_collision_across_files),
	UT(test_name_length_limit),
	UT(test_expand_rejects),
	UT(test_dir_five_endpoints),
	UT(test_dir_three_endpoints),
	UT(test_dir_other_names),
	UT(test_dir_duplicate_index),
	UT(test_dir_errors),
};

int
main(int argc, char **argv)
{
	const char *base = getenv("TMPDIR");

	cfg_dir = argc > 1 ? argv[1] : "config";
	snprintf(tmp, sizeof(tmp), "%s/qatsec-unit-XXXXXX",
		base != NULL && strlen(base) < 32 ? base : "/tmp");
	if (mkdtemp(tmp) == NULL) {
		perror("mkdtemp");
		return 1;
	}
	ut_run(tests, sizeof(tests) / sizeof(tests[0]));
	clear_tmp();
	rmdir(tmp);
	qatsec_sections_free(&tbl);
	return ut_done();
}
