/* SPDX-License-Identifier: BSD-3-Clause
 * qatsec layer 1 unit tests: one endpoint file. One table row per rule of
 * doc/guides/user/config.rst, each asserting the exact diagnostics, then the lexical
 * edge cases (CRLF, comments, NUL bytes, huge lines, no final newline).
 */
#include <errno.h>

#include "unit.h"

#define P "t/4xxx_dev0.conf"
#define T(s) s, sizeof(s) - 1

struct rule {
	const char *name;
	const char *path;		/* NULL: P */
	const char *text;
	size_t len;
	const char *diags[6];		/* "W " prefix: warning */
};

#define SEC "[S]\nNumCyInstances = 1\nCy0Name = a\n"

static const struct rule rules[] = {
	/* lines */
	{ "key before any section", NULL, T("A = 1\n"),
	  { P ":1: A: key before any [section]" } },
	{ "neither header nor key", NULL, T("[GENERAL]\ngarbage\n"),
	  { P ":2: [GENERAL] neither a [section] header nor a key = value line" } },
	{ "comment before =", NULL, T("[GENERAL]\nA # = 1\n"),
	  { P ":2: [GENERAL] neither a [section] header nor a key = value line" } },
	{ "missing key", NULL, T("[GENERAL]\n = 5\n"),
	  { P ":2: [GENERAL] missing key before '='" } },
	{ "invalid key", NULL, T("[GENERAL]\nA B = 1\n"),
	  { P ":2: [GENERAL] A B: invalid key name: use A-Z a-z 0-9 _ . -" } },
	{ "unterminated quote", NULL, T("[GENERAL]\nX = \"abc # d\n"),
	  { P ":2: [GENERAL] X: unterminated quote" } },
	{ "text after quote", NULL, T("[GENERAL]\nX = \"a\" b\n"),
	  { P ":2: [GENERAL] X: text after closing quote" } },
	{ "NUL byte", NULL, T("[GENERAL]\nA = x\0y\nB = 1\n"),
	  { P ":2: [GENERAL] NUL byte in line" } },
	/* sections */
	{ "unterminated header", NULL, T("[GENERAL\nA = 1\n"),
	  { P ":1: unterminated section header" } },
	{ "header cut by comment", NULL, T("[GEN#ERAL]\n"),
	  { P ":1: unterminated section header" } },
	{ "text after header", NULL, T("[GENERAL] x\n"),
	  { P ":1: [GENERAL] text after section header" } },
	{ "empty section name", NULL, T("[ ]\n"),
	  { P ":1: empty section name" } },
	{ "invalid section name", NULL, T("[S.1]\nA = 1\n"),
	  { P ":1: [S.1] invalid section name: use A-Z a-z 0-9 _ -" } },
	{ "duplicate section", NULL, T("[GENERAL]\n[general]\nA = 1\n"),
	  { P ":2: [general] duplicate section, first at line 1" } },
	{ "duplicate user section", NULL, T(SEC "[s]\nNumCyInstances = 9\n"),
	  { P ":4: [s] duplicate section, first at line 1" } },
	{ "section name too long", NULL,
	  T("[A234567890123456789012345678901234567890123456789X]\n"),
	  { P ":1: [A234567890123456789012345678901234567890123456789X] "
	    "section name longer than 49 characters" } },
	{ "duplicate key", NULL,
	  T("[GENERAL]\nConfigVersion=2\nconfigversion=3\n"),
	  { P ":3: [GENERAL] configversion: duplicate key, first at line 2" } },
	/* numbers */
	{ "hex number", NULL, T("[GENERAL]\nConfigVersion = 0x2\n"),
	  { P ":2: [GENERAL] ConfigVersion: not a decimal number: \"0x2\"" } },
	{ "signed number", NULL, T("[GENERAL]\nConfigVersion = +2\n"),
	  { P ":2: [GENERAL] ConfigVersion: not a decimal number: \"+2\"" } },
	{ "empty number", NULL, T("[GENERAL]\nConfigVersion =\n"),
	  { P ":2: [GENERAL] ConfigVersion: not a decimal number: \"\"" } },
	{ "number overflow", NULL,
	  T("[GENERAL]\nConfigVersion = 4294967296\n"),
	  { P ":2: [GENERAL] ConfigVersion: number too large" } },
	{ "huge number", NULL, T("[GENERAL]\nConfigVersion = "
	  "99999999999999999999999999999999999999999\n"),
	  { P ":2: [GENERAL] ConfigVersion: number too large" } },
	/* GENERAL */
	{ "unknown service", NULL, T("[GENERAL]\nServicesEnabled = sym;foo\n"),
	  { P ":2: [GENERAL] ServicesEnabled: unknown service \"foo\": "
	    "use cy, sym, asym or dc" } },
	{ "cy on 4xxx", NULL, T("[GENERAL]\nServicesEnabled = cy\n"),
	  { P ":2: [GENERAL] ServicesEnabled: 4xxx (QAT 2.0) has no cy "
	    "service: use sym and/or asym" } },
	{ "cy on c6xx", "t/c6xx_dev0.conf",
	  T("[GENERAL]\nServicesEnabled = cy;dc\n"), { NULL } },
	{ "three services on 4xxx", NULL,
	  T("[GENERAL]\nServicesEnabled = sym;asym;dc\n"),
	  { P ":2: [GENERAL] ServicesEnabled: 4xxx (QAT 2.0) allows at most "
	    "two services" } },
	{ "three services on c6xx", "t/c6xx_dev0.conf",
	  T("[GENERAL]\nServicesEnabled = sym;asym;dc\n"), { NULL } },
	{ "service twice", NULL, T("[GENERAL]\nServicesEnabled = sym;SYM\n"),
	  { P ":2: [GENERAL] ServicesEnabled: service sym listed twice" } },
	{ "no service", NULL, T("[GENERAL]\nServicesEnabled = ;\n"),
	  { P ":2: [GENERAL] ServicesEnabled: no service enabled" } },
	{ "sym depth", NULL,
	  T("[GENERAL]\nCyNumConcurrentSymRequests = 100\n"),
	  { P ":2: [GENERAL] CyNumConcurrentSymRequests: must be a power of "
	    "two in 64..65536" } },
	{ "asym depth", NULL,
	  T("[GENERAL]\nCyNumConcurrentAsymRequests = 32\n"),
	  { P ":2: [GENERAL] CyNumConcurrentAsymRequests: must be a power of "
	    "two in 64..65536" } },
	{ "dc depth", NULL, T("[GENERAL]\nDcNumConcurrentRequests = 131072\n"),
	  { P ":2: [GENERAL] DcNumConcurrentRequests: must be a power of two "
	    "in 64..65536" } },
	{ "depth limits", NULL, T("[GENERAL]\nDcNumConcurrentRequests = 64\n"
	  "CyNumConcurrentSymRequests = 65536\n"), { NULL } },
	{ "numa node", NULL, T("[GENERAL]\nNumaNode = 2147483648\n"),
	  { P ":2: [GENERAL] NumaNode: number too large" } },
	{ "other general keys", NULL, T("[GENERAL]\nHeartbeatTimer = x\n"
	  "Firmware_MofPath = \"qat.bin\"\n"), { NULL } },
	/* KERNEL */
	{ "kernel count", NULL, T("[KERNEL]\nNumberCyInstances = 33\n"),
	  { P ":2: [KERNEL] NumberCyInstances: must be in 0..32" } },
	{ "kernel_qat alias", NULL, T("[KERNEL_QAT]\nNumberDcInstances = 2\n"
	  "Cy0Name = \"x\"\nCy0IsPolled = 0\n"), { NULL } },
	{ "kernel both spellings", NULL,
	  T("[KERNEL]\nNumberCyInstances = 1\nNumCyInstances = 1\n"),
	  { P ":3: [KERNEL] NumCyInstances: also given as NumberCyInstances "
	    "at line 2" } },
	/* user sections */
	{ "NumProcesses 0", NULL, T(SEC "NumProcesses = 0\n"),
	  { P ":4: [S] NumProcesses: must be at least 1" } },
	{ "NumProcesses 65", NULL, T(SEC "NumProcesses = 65\n"),
	  { P ":4: [S] NumProcesses: must be at most 64" } },
	{ "LimitDevAccess 2", NULL, T(SEC "LimitDevAccess = 2\n"),
	  { P ":4: [S] LimitDevAccess: must be 0 or 1" } },
	{ "both count spellings", NULL, T(SEC "NumberCyInstances = 1\n"),
	  { P ":4: [S] NumberCyInstances: also given as NumCyInstances at "
	    "line 2" } },
	{ "count 33", NULL, T("[S]\nNumDcInstances = 33\nDc0Name = a\n"),
	  { P ":2: [S] NumDcInstances: must be in 0..32" } },
	{ "missing name", NULL,
	  T("[S]\nNumCyInstances = 2\nCy0Name = a\nCy1IsPolled = 1\n"),
	  { P ":1: [S] Cy1Name: missing: required for each instance below "
	    "NumCyInstances=2" } },
	{ "missing dc name", NULL, T("[S]\nNumberDcInstances = 1\n"),
	  { P ":1: [S] Dc0Name: missing: required for each instance below "
	    "NumberDcInstances=1" } },
	{ "interrupt mode", NULL, T(SEC "Cy0IsPolled = 0\n"),
	  { P ":4: [S] Cy0IsPolled: interrupt mode is for kernel instances "
	    "only" } },
	{ "poll mode 3", NULL, T(SEC "Cy0IsPolled = 3\n"),
	  { P ":4: [S] Cy0IsPolled: must be 1 (polled) or 2 (epoll)" } },
	{ "malformed cores", NULL, T(SEC "Cy0CoreAffinity = 0-\n"),
	  { P ":4: [S] Cy0CoreAffinity: malformed core list \"0-\": expected "
	    "e.g. 0-3,8" } },
	{ "empty core item", NULL, T(SEC "Cy0CoreAffinity = 1,,2\n"),
	  { P ":4: [S] Cy0CoreAffinity: malformed core list \"1,,2\": "
	    "expected e.g. 0-3,8" } },
	{ "empty core list", NULL, T(SEC "Cy0CoreAffinity =\n"),
	  { P ":4: [S] Cy0CoreAffinity: malformed core list \"\": expected "
	    "e.g. 0-3,8" } },
	{ "core too big", NULL, T(SEC "Cy0CoreAffinity = 1-4096\n"),
	  { P ":4: [S] Cy0CoreAffinity: core 4096 is above 4095" } },
	{ "core overflow", NULL,
	  T(SEC "Cy0CoreAffinity = 99999999999999999999\n"),
	  { P ":4: [S] Cy0CoreAffinity: core 99999999999999999999 is above "
	    "4095" } },
	{ "reversed range", NULL, T(SEC "Cy0CoreAffinity = 5-3\n"),
	  { P ":4: [S] Cy0CoreAffinity: core range 5-3 is reversed" } },
	{ "17 core ranges", NULL, T(SEC "Cy0CoreAffinity = "
	  "0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16\n"),
	  { P ":4: [S] Cy0CoreAffinity: more than 16 core ranges" } },
	{ "16 core ranges", NULL, T(SEC "Cy0CoreAffinity = "
	  "0,1,2,3,4,5,6,7,8,9,10,11,12,13,14, 15 - 4095\n"), { NULL } },
	{ "beyond count", NULL, T(SEC "Cy1Name = b\n"),
	  { "W " P ":4: [S] Cy1Name: ignored: beyond NumCyInstances=1" } },
	{ "beyond count given later", NULL,
	  T("[S]\nCy1Name = b\nCy0Name = a\nNumberCyInstances = 1\n"),
	  { "W " P ":2: [S] Cy1Name: ignored: beyond NumberCyInstances=1" } },
	{ "beyond no count", NULL, T(SEC "Dc0IsPolled = 1\n"),
	  { "W " P ":4: [S] Dc0IsPolled: ignored: beyond NumDcInstances=0" } },
	{ "beyond huge index", NULL,
	  T(SEC "Cy99999999999999999999Name = x\n"),
	  { "W " P ":4: [S] Cy99999999999999999999Name: ignored: beyond "
	    "NumCyInstances=1" } },
	{ "generated keys", NULL, T(SEC "Cy0BankNumber = 1\n"
	  "Cy0RingSymTx = 2\nDc7RingRx = 3\n"),
	  { "W " P ":4: [S] Cy0BankNumber: generated by the driver, ignored",
	    "W " P ":5: [S] Cy0RingSymTx: generated by the driver, ignored",
	    "W " P ":6: [S] Dc7RingRx: generated by the driver, ignored" } },
	{ "unknown key", NULL, T(SEC "Foo = 1\nCy0Nam = x\nCy01Name = x\n"
	  "CyName = x\n"),
	  { P ":4: [S] Foo: unknown key", P ":5: [S] Cy0Nam: unknown key",
	    P ":6: [S] Cy01Name: unknown key",
	    P ":7: [S] CyName: unknown key" } },
	{ "general key in user section", NULL, T(SEC "ServicesEnabled = dc\n"),
	  { P ":4: [S] ServicesEnabled: unknown key" } },
	{ "empty name", NULL, T("[S]\nNumCyInstances = 1\nCy0Name = \"\"\n"),
	  { P ":3: [S] Cy0Name: name must be 1..64 characters" } },
	{ "name 65", NULL, T("[S]\nNumCyInstances = 1\nCy0Name = "
	  "\"12345678901234567890123456789012345678901234567890123456789012345\""
	  "\n"),
	  { P ":3: [S] Cy0Name: name must be 1..64 characters" } },
	{ "name 64", NULL, T("[S]\nNumCyInstances = 1\nCy0Name = "
	  "1234567890123456789012345678901234567890123456789012345678901234\n"),
	  { NULL } },
	{ "name control char", NULL,
	  T("[S]\nNumCyInstances = 1\nCy0Name = \"a\tb\"\n"),
	  { P ":3: [S] Cy0Name: name contains a control character" } },
	{ "duplicate name", NULL, T("[S]\nNumCyInstances = 2\nCy0Name = a\n"
	  "Cy1Name = \"a\"\n"),
	  { P ":4: [S] Cy1Name: duplicate name \"a\", first at line 3" } },
	{ "same name cy and dc", NULL, T(SEC "NumDcInstances = 1\n"
	  "Dc0Name = a\n"), { NULL } },
	{ "names are case-sensitive", NULL, T("[S]\nNumCyInstances = 2\n"
	  "Cy0Name = a\nCy1Name = A\n"), { NULL } },
	{ "empty user section", NULL, T("[S]\n"),
	  { "W " P ":1: [S] no Cy or Dc instance declared" } },
	/* services and slots */
	{ "cy without crypto service", NULL,
	  T("[GENERAL]\nServicesEnabled = dc\n" SEC),
	  { P ":3: [S] NumCyInstances: Cy instances need a cy, sym or asym "
	    "service: ServicesEnabled=dc" } },
	{ "dc without dc service", NULL, T("[GENERAL]\nServicesEnabled = sym\n"
	  "[S]\nNumDcInstances = 1\nDc0Name = z\n"),
	  { P ":3: [S] NumDcInstances: Dc instances need the dc service: "
	    "ServicesEnabled=sym" } },
	{ "kernel without service", NULL,
	  T("[GENERAL]\nServicesEnabled = sym\n[KERNEL]\nNumberDcInstances = 1\n"),
	  { P ": [KERNEL] NumberDcInstances: Dc instances need the dc "
	    "service: ServicesEnabled=sym" } },
	{ "over budget", NULL, T(SEC "NumProcesses = 40\n"),
	  { P ":1: [S] NumProcesses: process 32 does not fit: endpoint has 32 "
	    "crypto instance slots with ServicesEnabled=sym;dc" } },
	{ "budget of one service", NULL, T("[GENERAL]\nServicesEnabled = sym\n"
	  SEC "NumProcesses = 64\n"), { NULL } },
	{ "over budget of one service", NULL,
	  T("[GENERAL]\nServicesEnabled = dc\n[S]\nNumProcesses = 33\n"
	  "NumDcInstances = 2\nDc0Name = a\nDc1Name = b\n"),
	  { P ":3: [S] NumProcesses: process 32 does not fit: endpoint has 64 "
	    "compression instance slots with ServicesEnabled=dc" } },
	{ "budget after kernel", NULL, T("[KERNEL]\nNumberCyInstances = 30\n"
	  SEC "NumProcesses = 3\n"),
	  { P ":3: [S] NumProcesses: process 2 does not fit: endpoint has 32 "
	    "crypto instance slots with ServicesEnabled=sym;dc" } },
	{ "budget over two sections", NULL, T("[A]\nNumProcesses = 15\n"
	  "NumCyInstances = 2\nCy0Name = a\nCy1Name = b\n"
	  "[B]\nNumProcesses = 3\nNumCyInstances = 1\nCy0Name = a\n"),
	  { P ":6: [B] NumProcesses: process 2 does not fit: endpoint has 32 "
	    "crypto instance slots with ServicesEnabled=sym;dc" } },
	{ "kernel over budget", NULL, T("[KERNEL]\nNumberCyInstances = 20\n"
	  "[KERNEL_QAT]\nNumberCyInstances = 20\n"),
	  { P ": [KERNEL] NumberCyInstances: 40 instances do not fit: endpoint "
	    "has 32 crypto instance slots with ServicesEnabled=sym;dc" } },
};

static void
run_rule(const struct rule *r)
{
	static struct qatsec_endpoint_cfg ep;
	struct qatsec_diags d;
	uint32_t i, n = 0;
	int rc;

	memset(&d, 0, sizeof(d));
	rc = qatsec_config_parse(r->path ? r->path : P, r->text, r->len, 0,
		&ep, &d);
	ut_diags_are(&d, r->diags, __FILE__, __LINE__);
	for (i = 0; r->diags[i] != NULL; i++)
		if (strncmp(r->diags[i], "W ", 2) != 0)
			n++;
	UT_EQ(rc, n != 0 ? -EINVAL : 0);
	UT_EQ(d.nb_errors, n);
}

static struct qatsec_endpoint_cfg ep;
static struct qatsec_diags d;

static int
parse(const char *path, const char *text, size_t len)
{
	memset(&d, 0, sizeof(d));
	return qatsec_config_parse(path, text, len, 7, &ep, &d);
}

static void
test_defaults(void)
{
	UT_EQ(parse(P, "", 0), 0);
	UT_NO_DIAGS(&d);
	UT_STREQ(ep.devtype, "4xxx");
	UT_EQ(ep.index, 0);
	UT_EQ(ep.services, QATSEC_SVC_SYM | QATSEC_SVC_DC);
	UT_EQ(ep.cy_sym_depth, 512);
	UT_EQ(ep.cy_asym_depth, 64);
	UT_EQ(ep.dc_depth, 512);
	UT_EQ(ep.numa_node, -1);
	UT_EQ(ep.nb_sections, 0);
	UT_EQ(parse(NULL, NULL, 5), 0);
	UT_EQ(ep.index, 7);
	UT_EQ(qatsec_config_parse(P, "", 0, 0, NULL, &d), -EINVAL);
}

static void
test_general_values(void)
{
	static const char t[] = "[GENERAL]\nServicesEnabled = \"asym ; dc\"\n"
		"ConfigVersion = 2\nCyNumConcurrentSymRequests = 1024\n"
		"CyNumConcurrentAsymRequests = 128\n"
		"DcNumConcurrentRequests = 256\nNumaNode = 1\n"
		"[KERNEL]\nNumberCyInstances = 2\n"
		"[KERNEL_QAT]\nNumCyInstances = 1\nNumberDcInstances = 3\n";

	UT_EQ(parse("dir/c6xx_dev12.conf", T(t)), 0);
	UT_NO_DIAGS(&d);
	UT_STREQ(ep.devtype, "c6xx");
	UT_STREQ(ep.path, "dir/c6xx_dev12.conf");
	UT_EQ(ep.index, 12);
	UT_EQ(ep.services, QATSEC_SVC_ASYM | QATSEC_SVC_DC);
	UT_EQ(ep.config_version, 2);
	UT_EQ(ep.cy_sym_depth, 1024);
	UT_EQ(ep.cy_asym_depth, 128);
	UT_EQ(ep.dc_depth, 256);
	UT_EQ(ep.numa_node, 1);
	UT_EQ(ep.kernel_inst[QATSEC_INST_CY], 3);
	UT_EQ(ep.kernel_inst[QATSEC_INST_DC], 3);
}

static void
test_file_names(void)
{
	static const struct {
		const char *path;
		const char *devtype;
		uint32_t index;
	} n[] = {
		{ "4xxx_dev0.conf", "4xxx", 0 },
		{ "/etc/4xxxvf_dev15.conf", "4xxxvf", 15 },
		{ "a_dev_dev3.conf", "a_dev", 3 },
		{ "_dev3.conf", "", 7 },
		{ "4xxx_dev.conf", "", 7 },
		{ "4xxx_dev1.cnf", "", 7 },
		{ "4xxx_dev1x.conf", "", 7 },
		{ "4xxx_dev99999999999.conf", "", 7 },
		{ "dir_dev1.conf/x.conf", "", 7 },
		{ "my.conf", "", 7 },
	};
	size_t i;

	for (i = 0; i < sizeof(n) / sizeof(n[0]); i++) {
		UT_EQ(parse(n[i].path, "", 0), 0);
		UT_STREQ(ep.devtype, n[i].devtype);
		UT_EQ(ep.index, n[i].index);
	}
}

static void
test_user_values(void)
{
	static const char t[] = "[Sec-1_x]\r\n"
		"NumProcesses = 3 # three\r\n"
		"LimitDevAccess = \"1\"\r\n"
		"NumberCyInstances = 2\r\n"
		"NumberDcInstances = 1\r\n"
		"Cy1Name = \"with # hash\" # comment\r\n"
		"Cy1IsPolled = 2\r\n"
		"Cy1CoreAffinity = 0-3, 8\r\n"
		"Cy0Name = plain value   \r\n"
		"Dc0Name = d\r\n"
		"Dc0CoreAffinity = 5\r\n";
	const struct qatsec_user_section *us = &ep.sections[0];

	UT_EQ(parse(P, T(t)), 0);
	UT_NO_DIAGS(&d);
	UT_EQ(ep.nb_sections, 1);
	UT_STREQ(us->name, "Sec-1_x");
	UT_EQ(us->line, 1);
	UT_EQ(us->num_processes, 3);
	UT_EQ(us->limit_dev_access, 1);
	UT_EQ(us->nb_inst[QATSEC_INST_CY], 2);
	UT_EQ(us->nb_inst[QATSEC_INST_DC], 1);
	UT_STREQ(us->inst[0][0].name, "plain value");
	UT_EQ(us->inst[0][0].poll_mode, QATSEC_POLL_POLLED);
	UT_EQ(us->inst[0][0].nb_ranges, 0);
	UT_EQ(us->inst[0][0].line, 9);
	UT_STREQ(us->inst[0][1].name, "with # hash");
	UT_EQ(us->inst[0][1].poll_mode, QATSEC_POLL_EPOLL);
	UT_EQ(us->inst[0][1].nb_ranges, 2);
	UT_EQ(us->inst[0][1].ranges[0].lo, 0);
	UT_EQ(us->inst[0][1].ranges[0].hi, 3);
	UT_EQ(us->inst[0][1].ranges[1].lo, 8);
	UT_EQ(us->inst[0][1].ranges[1].hi, 8);
	UT_STREQ(us->inst[1][0].name, "d");
	UT_EQ(qatsec_inst_core(&us->inst[1][0], 0), 5);
	UT_EQ(qatsec_inst_core(&us->inst[1][0], 9), 5);
}

static void
test_inst_core(void)
{
	struct qatsec_inst_cfg in;
	static const int want[] = { 0, 1, 2, 3, 8, 0, 1 };
	uint32_t i;

	memset(&in, 0, sizeof(in));
	UT_EQ(qatsec_inst_core(&in, 0), -1);
	UT_EQ(qatsec_inst_core(NULL, 0), -1);
	in.nb_ranges = 2;
	in.ranges[0].lo = 0;
	in.ranges[0].hi = 3;
	in.ranges[1].lo = 8;
	in.ranges[1].hi = 8;
	for (i = 0; i < 7; i++)
		UT_EQ(qatsec_inst_core(&in, i), want[i]);
	UT_EQ(qatsec_inst_core(&in, UINT32_MAX), 0);	/* 2^32 - 1 = 0 mod 5 */
}

/* A file as Intel writes it, but with CRLF, tabs, trailing blanks, comments
 * everywhere and no final newline, gives the same endpoint.
 */
static void
test_layout_variants(void)
{
	static const char plain[] = "[IPsec]\nNumProcesses=2\n"
		"NumCyInstances=1\nCy0Name=\"IPSec0\"\nCy0CoreAffinity=1-2\n";
	static const char fancy[] = "# head\r\n\r\n  [ IPsec ]\t# hdr\r\n"
		"\tNumProcesses =\t2   \r\n"
		"NumCyInstances= 1#c\r\n"
		"   \r\n"
		"Cy0Name = \"IPSec0\"# c\r\n"
		"Cy0CoreAffinity =  1 -2 ";
	static struct qatsec_endpoint_cfg a;

	UT_EQ(parse(P, T(plain)), 0);
	UT_NO_DIAGS(&d);
	a = ep;
	UT_EQ(parse(P, T(fancy)), 0);
	UT_NO_DIAGS(&d);
	UT_EQ(ep.nb_sections, 1);
	UT_STREQ(ep.sections[0].name, "IPsec");
	UT_EQ(ep.sections[0].line, 3);
	a.sections[0].line = 3;
	a.sections[0].inst[0][0].line = 7;
	UT_CHECK(memcmp(&a.sections[0], &ep.sections[0],
		sizeof(a.sections[0])) == 0);
}

static void
test_comment_only(void)
{
	UT_EQ(parse(P, T("# only\n\n   # comments\n#")), 0);
	UT_NO_DIAGS(&d);
	UT_EQ(parse(P, T("\n\n\n")), 0);
	UT_NO_DIAGS(&d);
	UT_EQ(parse(P, T("[GENERAL]")), 0);
	UT_NO_DIAGS(&d);
	UT_EQ(parse(P, T("[GENERAL]\nA=1")), 0);
	UT_NO_DIAGS(&d);
}

static void
test_several_sections(void)
{
	char buf[4096];
	size_t off = 0;
	int i;

	for (i = 0; i < 5; i++)
		off += (size_t)snprintf(buf + off, sizeof(buf) - off,
			"[U%d]\nNumProcesses = %d\nLimitDevAccess = %d\n"
			"NumCyInstances = 1\nNumDcInstances = 1\n"
			"Cy0Name = c%d\nDc0Name = d%d\n\n", i, i + 1, i & 1, i,
			i);
	UT_EQ(parse(P, buf, off), 0);
	UT_NO_DIAGS(&d);
	UT_EQ(ep.nb_sections, 5);
	for (i = 0; i < 5; i++) {
		char name[8];

		snprintf(name, sizeof(name), "U%d", i);
		UT_STREQ(ep.sections[i].name, name);
		UT_EQ(ep.sections[i].num_processes, i + 1);
		UT_EQ(ep.sections[i].limit_dev_access, i & 1);
		UT_EQ(ep.sections[i].line, 1 + 8 * i);
	}
}

static void
test_too_many_sections(void)
{
	char buf[4096], msg[128];
	size_t off = 0;
	int i;

	for (i = 0; i < QATSEC_MAX_USER_SECTIONS + 2; i++)
		off += (size_t)snprintf(buf + off, sizeof(buf) - off,
			"[S%d]\nNumCyInstances = 1\nCy0Name = x\n", i);
	UT_EQ(parse(P, buf, off), -EINVAL);
	UT_EQ(ep.nb_sections, QATSEC_MAX_USER_SECTIONS);
	UT_EQ(d.nb, 2);
	UT_EQ(d.nb_errors, 2);
	snprintf(msg, sizeof(msg), P ":%d: [S32] more than 32 user sections",
		1 + 3 * 32);
	UT_STREQ(d.d[0].msg, msg);
	UT_EQ(d.d[0].line, 1 + 3 * 32);
}

static void
test_nul_bytes(void)
{
	static const char t[] = "[S]\nNumCyInstances = 1\nCy0Name = \"a\0b\"\n"
		"\0\n[\0]\nX\0=1\n";

	UT_EQ(parse(P, T(t)), -EINVAL);
	UT_DIAGS(&d, P ":3: [S] NUL byte in line",
		P ":4: [S] NUL byte in line",
		P ":5: [S] NUL byte in line",
		P ":6: [S] NUL byte in line",
		P ":1: [S] Cy0Name: missing: required for each instance below "
		"NumCyInstances=1");
	UT_EQ(parse(P, "\0\0\0", 3), -EINVAL);
	UT_DIAGS(&d, P ":1: NUL byte in line");
}

static void
test_huge_lines(void)
{
	size_t n = 100 * 1024, i;
	char *buf = malloc(3 * n + 256), *s = buf;
	char want[QATSEC_MAX_DIAG_MSG];

	s += sprintf(s, "[S]\nNumCyInstances = 1\n#");
	memset(s, 'c', n);		/* 100 KB comment */
	s += n;
	s += sprintf(s, "\nCy0Name = ");
	memset(s, 'v', n);		/* 100 KB value */
	s += n;
	*s++ = '\n';
	memset(s, 'K', n);		/* 100 KB key */
	s += n;
	s += sprintf(s, " = 1\n");
	UT_EQ(parse(P, buf, (size_t)(s - buf)), -EINVAL);
	UT_EQ(d.nb, 2);
	UT_STREQ(d.d[0].msg,
		P ":4: [S] Cy0Name: name must be 1..64 characters");
	memset(want, 0, sizeof(want));
	i = (size_t)sprintf(want, P ":5: [S] ");
	memset(want + i, 'K', 64);
	strcpy(want + i + 64, "...: unknown key");
	UT_STREQ(d.d[1].msg, want);
	/* a huge section name is bounded in messages too */
	s = buf;
	*s++ = '[';
	memset(s, 'N', n);
	s += n;
	s += sprintf(s, "]\n");
	UT_EQ(parse(P, buf, (size_t)(s - buf)), -EINVAL);
	UT_EQ(d.nb, 1);
	UT_CHECK(strstr(d.d[0].msg, "NNN...] section name longer than 49") !=
		NULL);
	free(buf);
}

static void
test_diag_overflow(void)
{
	char buf[8192];
	size_t off = 0;
	int i;

	off += (size_t)snprintf(buf, sizeof(buf), "[GENERAL]\n");
	for (i = 0; i < 100; i++)
		off += (size_t)snprintf(buf + off, sizeof(buf) - off,
			"bad line %d\n", i);
	UT_EQ(parse(P, buf, off), -EINVAL);
	UT_EQ(d.nb, QATSEC_MAX_DIAGS);
	UT_EQ(d.nb_errors, 100);
	UT_EQ(d.d[QATSEC_MAX_DIAGS - 1].line, QATSEC_MAX_DIAGS + 1);
	/* a long path is cut, never overflowed */
	memset(buf, 'p', 1000);
	strcpy(buf + 1000, "/4xxx_dev0.conf");
	memset(&d, 0, sizeof(d));
	UT_EQ(qatsec_config_parse(buf, "x", 1, 0, &ep, &d), -EINVAL);
	UT_EQ(strlen(d.d[0].msg), QATSEC_MAX_DIAG_MSG - 1);
	UT_EQ(strlen(ep.path), sizeof(ep.path) - 1);
	UT_EQ(ep.index, 0);
	qatsec_diag_add(NULL, QATSEC_DIAG_ERROR, "f", 1, NULL, NULL, "x");
	UT_STREQ(qatsec_diag_level_str(QATSEC_DIAG_ERROR), "error");
	UT_STREQ(qatsec_diag_level_str(QATSEC_DIAG_WARNING), "warning");
}

static void
test_keys_any_case(void)
{
	static const char t[] = "[general]\nservicesenabled = DC\n"
		"[s]\nnumprocesses = 2\nNUMDCINSTANCES = 1\ndc0name = x\n";

	UT_EQ(parse(P, T(t)), 0);
	UT_NO_DIAGS(&d);
	UT_EQ(ep.services, QATSEC_SVC_DC);
	UT_EQ(ep.sections[0].num_processes, 2);
	UT_STREQ(ep.sections[0].inst[1][0].name, "x");
}

static void
test_error_recovery(void)
{
	/* Errors do not stop the parse, nor spill into the next section. */
	static const char t[] = "[S]\nNumProcesses = x\nNumCyInstances = 1\n"
		"Cy0Name = a\n[bad!]\nNumProcesses = 9\nFoo = 1\n"
		"[T]\nNumCyInstances = 1\nCy0Name = a\nCy0IsPolled = 9\n";

	UT_EQ(parse(P, T(t)), -EINVAL);
	UT_DIAGS(&d, P ":2: [S] NumProcesses: not a decimal number: \"x\"",
		P ":5: [bad!] invalid section name: use A-Z a-z 0-9 _ -",
		P ":11: [T] Cy0IsPolled: must be 1 (polled) or 2 (epoll)");
	UT_EQ(ep.nb_sections, 2);
	UT_EQ(ep.sections[1].nb_inst[0], 1);
}

static const struct ut_test tests[] = {
	UT(test_defaults),
	UT(test_general_values),
	UT(test_file_names),
	UT(test_user_values),
	UT(test_inst_core),
	UT(test_layout_variants),
	UT(test_comment_only),
	UT(test_several_sections),
	UT(test_too_many_sections),
	UT(test_nul_bytes),
	UT(test_huge_lines),
	UT(test_diag_overflow),
	UT(test_keys_any_case),
	UT(test_error_recovery),
};

int
main(void)
{
	size_t i;

	for (i = 0; i < sizeof(rules) / sizeof(rules[0]); i++) {
		run_rule(&rules[i]);
		ut_report(rules[i].name);
	}
	ut_run(tests, sizeof(tests) / sizeof(tests[0]));
	return ut_done();
}
