#!/usr/bin/python3
# SPDX-License-Identifier: BSD-3-Clause
# qatsec-ctl: the `adf_ctl status` of qatsec.
#   qatsec-ctl status [--file-prefix P] [--json]   endpoints, sections, holders,
#                                                  per-instance counters
#   qatsec-ctl check [--json] DIR                  validate endpoint configs
# status talks to the running group through DPDK telemetry (the /qatsec/*
# commands of the PMD, answered from the shared section table); check runs
# qatsec-config (layer 1 only, no EAL). Exit: 0 ok, 1 error, 2 usage,
# 3 no group running (as `systemctl status` / LSB say "not running").
import argparse
import datetime
import json
import os
import socket
import sys

VERSION = "@VERSION@"
CONFDIR = "@CONFDIR@"
DEFAULT_PREFIX = os.environ.get("QATSEC_FILE_PREFIX", "qatsec")
NOT_RUNNING = 3


class CtlError(Exception):
    def __init__(self, msg, code=1):
        super().__init__(msg)
        self.code = code


def runtime_dir(prefix):
    """Where EAL puts a group's runtime files (eal_get_runtime_dir())."""
    if os.getuid() == 0:
        base = "/var/run"
    else:
        base = os.environ.get("XDG_RUNTIME_DIR", "/tmp")
    return os.path.join(base, "dpdk", prefix)


class Telemetry:
    """One connection to a group's primary (dpdk_telemetry.v2)."""

    def __init__(self, prefix):
        self.path = os.path.join(runtime_dir(prefix), "dpdk_telemetry.v2")
        start = (f"start it: systemctl start qatsecd, or qatsecd -l 0 --no-pci "
                 f"--file-prefix {prefix} -- --config-dir {CONFDIR}; "
                 "another group: --file-prefix NAME")
        if not os.path.exists(self.path):
            raise CtlError(f"no qatsec group '{prefix}' is running (no telemetry "
                           f"socket {self.path}); {start}", NOT_RUNNING)
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        try:
            self.sock.connect(self.path)
        except (ConnectionRefusedError, FileNotFoundError):
            raise CtlError(f"group '{prefix}' is not running: {self.path} is a "
                           f"stale socket (its primary died); {start}", NOT_RUNNING)
        except PermissionError:
            raise CtlError(f"cannot connect to {self.path}: permission denied "
                           "(run as root, as the daemon does)")
        self.info = json.loads(self.sock.recv(1 << 16).decode())

    def query(self, cmd):
        self.sock.send(cmd.encode())
        reply = json.loads(self.sock.recv(1 << 16).decode())
        return reply.get(cmd.split(",")[0])


def inst_key(spec):
    """'dev0:SSL0' / 'dev1:dc:Dc0' -> (0, 'SSL0') / (1, 'Dc0')."""
    parts = spec.split(":")
    return int(parts[0][3:]), parts[-1]


def holder_state(pid):
    if pid == 0:
        return "free"
    if os.path.exists(f"/proc/{pid}"):
        return "held"
    return "held (holder gone, reclaim pending)"


def gather(prefix):
    tel = Telemetry(prefix)
    endpoints = tel.query("/qatsec/endpoints")
    summary = tel.query("/qatsec/summary")
    sections = None
    if summary is not None:
        # One page of sections per answer: a telemetry answer is bounded.
        sections = {}
        for page in range(summary["pages"]):
            sections.update(tel.query(f"/qatsec/sections,{page}") or {})
    if endpoints is None or sections is None:
        raise CtlError(f"group '{prefix}' (primary pid {tel.info.get('pid')}) "
                       "answers no /qatsec commands: its primary did not load "
                       "crypto_qatsec (is it qatsecd?)")
    counters = {}
    eps = []
    for ep in endpoints.values():
        detail = tel.query(f"/qatsec/endpoint,{ep['index']}") or {}
        insts = [v for k, v in detail.items()
                 if k.startswith("instance") and isinstance(v, dict)]
        for i in insts:
            # Instance names repeat across sections (SSL0 in each SSL one).
            counters[(ep["index"], i["section"], i["name"])] = i
        eps.append(dict(ep, instances_detail=insts))
    secs = []
    for name, s in sections.items():
        if "instances" not in s:
            s = tel.query(f"/qatsec/section,{name}") or s
        insts = []
        for spec in s.get("instances", []):
            ep, iname = inst_key(spec)
            c = counters.get((ep, s["name"], iname), {})
            insts.append({"endpoint": ep, "name": iname,
                          "enqueued": c.get("enqueued", 0),
                          "dequeued": c.get("dequeued", 0),
                          "errors": c.get("enqueue_err", 0) + c.get("dequeue_err", 0),
                          "in_flight": c.get("in_flight", 0)})
        since = None
        if s["owner_pid"] and s["claimed_ns"]:
            since = datetime.datetime.fromtimestamp(
                s["claimed_ns"] / 1e9).astimezone().isoformat(timespec="seconds")
        secs.append({"name": s["name"], "user": s["section"],
                     "numa_node": s["socket"], "dev_id": s["dev_id"],
                     "state": holder_state(s["owner_pid"]),
                     "holder_pid": s["owner_pid"], "holder_name": s["owner_name"],
                     "held_since": since, "claims": s["claims"],
                     "instances": insts})
    service = {k: summary.get(k) for k in
               ("claims", "releases", "reclaims", "refused_stopping",
                "log_lines_suppressed", "stopping", "memzones_used",
                "memzones_max", "startup_watch", "died_starting",
                "eal_readers_released", "eal_waits_cleared",
                "eal_lock_stuck_s")}
    return {"group": prefix, "socket": tel.path, "primary_pid": tel.info.get("pid"),
            "dpdk": tel.info.get("version"), "endpoints": eps, "sections": secs,
            "service": service}


MZ_WARN_PCT = 80


def print_service(sv):
    if sv.get("memzones_used") is None:
        return
    used, top = sv["memzones_used"], sv["memzones_max"]
    pct = used * 100 // top if top else 0
    print(f"  claims {sv['claims']}  releases {sv['releases']}  "
          f"reclaims {sv['reclaims']}  refused (stopping) {sv['refused_stopping']}"
          f"{'  STOPPING' if sv['stopping'] else ''}")
    print(f"  memzones {used} of {top} ({pct}%)")
    if sv.get("startup_watch"):
        print(f"  start-up watch: {sv['died_starting']} died inside rte_eal_init, "
              f"{sv['eal_readers_released']} DPDK lock reader(s) given back, "
              f"{sv['eal_waits_cleared']} wait bit(s) cleared")
    if sv.get("eal_lock_stuck_s"):
        print(f"  warning: a DPDK shared lock stuck for {sv['eal_lock_stuck_s']} s: "
              f"processes of this group may hang in rte_eal_cleanup(); restart "
              f"the group (qatsecd's log names the lock)")
    if pct >= MZ_WARN_PCT:
        print(f"  warning: memzones near DPDK's limit: new applications fail at "
              f"{top}; killed applications leave their mempools behind "
              f"(qatsec-ctl memzones; the way out: systemd guide, 'Memzones')")


def print_status(st):
    print(f"qatsec group '{st['group']}': primary pid {st['primary_pid']}, "
          f"{st['dpdk']}, {len(st['endpoints'])} endpoints, "
          f"{len(st['sections'])} internal sections")
    for ep in st["endpoints"]:
        print(f"  dev{ep['index']}: {ep['config']}  NUMA {ep['socket']}  "
              f"backend {ep['backend']}  {ep['instances']} instances  "
              f"ring depth {ep['ring_depth']}  enqueued {ep['enqueued']}  "
              f"dequeued {ep['dequeued']}")
    print_service(st.get("service", {}))
    print(f"  {'section':<20} {'user':<8} {'numa':>4} {'state':<6} "
          f"{'holder':<24} {'since':<25} instances (ops/errors)")
    for s in st["sections"]:
        who = f"{s['holder_pid']} ({s['holder_name']})" if s["holder_pid"] else "-"
        insts = " ".join(f"dev{i['endpoint']}:{i['name']}={i['dequeued']}/{i['errors']}"
                         for i in s["instances"])
        print(f"  {s['name']:<20} {s['user']:<8} {s['numa_node']:>4} "
              f"{s['state']:<6} {who:<24} {s['held_since'] or '-':<25} {insts}")


def cmd_status(args):
    try:
        st = gather(args.file_prefix)
    except CtlError as e:
        if args.json:
            print(json.dumps({"group": args.file_prefix, "running": False,
                              "error": str(e)}))
        print(f"qatsec-ctl: {e}", file=sys.stderr)
        return e.code
    if args.json:
        print(json.dumps(dict(st, running=True), indent=1))
    else:
        print_status(st)
    return 0


def cmd_memzones(args):
    """Memzone use and the group's mempools, by name."""
    try:
        tel = Telemetry(args.file_prefix)
        summary = tel.query("/qatsec/summary")
        if summary is None:
            raise CtlError(f"group '{args.file_prefix}' answers no /qatsec commands")
        pools, page = [], 0
        while True:
            names = tel.query(f"/qatsec/mempools,{page}") or []
            pools += names
            if len(names) < 64:
                break
            page += 1
    except CtlError as e:
        print(f"qatsec-ctl: {e}", file=sys.stderr)
        return e.code
    used, top = summary["memzones_used"], summary["memzones_max"]
    if args.json:
        print(json.dumps({"memzones_used": used, "memzones_max": top,
                          "mempools": pools}))
        return 0
    print(f"memzones {used} of {top} ({used * 100 // top}%), {len(pools)} mempools:")
    for n in pools:
        print(f"  {n}")
    return 0


def cmd_check(args):
    here = os.path.dirname(os.path.realpath(sys.argv[0]))
    tool = os.path.join(here, "qatsec-config")
    if not os.access(tool, os.X_OK):
        print(f"qatsec-ctl: {tool} missing: reinstall qatsec", file=sys.stderr)
        return 1
    argv = [tool] + (["--json"] if args.json else []) + [args.dir]
    sys.stdout.flush()
    os.execv(tool, argv)


def main():
    p = argparse.ArgumentParser(
        prog="qatsec-ctl",
        description="Status and checks of qatsec, the crypto_qatsec DPDK PMD "
        "(as adf_ctl is for QAT). See qatsec-ctl(8).",
        epilog="Exit: 0 ok, 1 error, 2 usage, 3 no qatsec group running.")
    p.add_argument("--version", action="version",
                   version=f"qatsec-ctl (qatsec) {VERSION}")
    sub = p.add_subparsers(dest="cmd", metavar="COMMAND")
    s = sub.add_parser("status", help="endpoints, internal sections, holders and "
                       "per-instance counters of a running group")
    s.add_argument("--file-prefix", default=DEFAULT_PREFIX,
                   help="the group's DPDK --file-prefix (default: %(default)s, "
                   "as qatsecd.service runs it; env QATSEC_FILE_PREFIX)")
    s.add_argument("--json", action="store_true", help="one JSON object")
    m = sub.add_parser("memzones", help="memzone use and the group's mempools "
                       "(killed applications leave theirs behind)")
    m.add_argument("--file-prefix", default=DEFAULT_PREFIX,
                   help="the group's DPDK --file-prefix (default: %(default)s)")
    m.add_argument("--json", action="store_true", help="one JSON object")
    c = sub.add_parser("check", help="validate a directory of endpoint configs "
                       "and print its internal sections")
    c.add_argument("--json", action="store_true", help="one JSON object")
    c.add_argument("dir", metavar="DIR", nargs="?", default=CONFDIR,
                   help="config directory (default: %(default)s)")
    args = p.parse_args()
    if args.cmd == "status":
        return cmd_status(args)
    if args.cmd == "check":
        return cmd_check(args)
    if args.cmd == "memzones":
        return cmd_memzones(args)
    p.print_usage(sys.stderr)
    print("qatsec-ctl: give a command: status or check, or memzones",
          file=sys.stderr)
    return 2


sys.exit(main())
