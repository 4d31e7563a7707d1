#!/usr/bin/python3
# SPDX-License-Identifier: BSD-3-Clause
# Minimal DPDK telemetry client for the mp tests and the demo: one command,
# JSON out; --until-free SECTION: poll until the section has no holder and
# print how long that took (one connection, 10 ms steps); --table: the
# sections and their holders as text.
import json
import socket
import sys
import time


def connect(prefix, instance=0):
    path = f"/var/run/dpdk/{prefix}/dpdk_telemetry.v2"
    if instance:
        path += f":{instance}"
    s = socket.socket(socket.AF_UNIX, socket.SOCK_SEQPACKET)
    s.connect(path)
    json.loads(s.recv(16384).decode())
    return s


def query(s, cmd):
    s.send(cmd.encode())
    return json.loads(s.recv(65536).decode())


def main():
    prefix = sys.argv[1]
    if sys.argv[2] == "--until-free":
        name, timeout = sys.argv[3], float(sys.argv[4])
        s = connect(prefix)
        t0 = time.monotonic()
        while time.monotonic() - t0 < timeout:
            r = query(s, f"/qatsec/section,{name}")["/qatsec/section"]
            if r["owner_pid"] == 0:
                print(f"{time.monotonic() - t0:.3f}")
                return 0
            time.sleep(0.01)
        print("timeout")
        return 1
    if sys.argv[2] == "--table":
        s = connect(prefix)
        pages = query(s, "/qatsec/summary")["/qatsec/summary"]["pages"]
        r = {}
        for page in range(pages):
            r.update(query(s, f"/qatsec/sections,{page}")["/qatsec/sections"])
        for name, v in r.items():
            who = f'{v["owner_pid"]} ({v["owner_name"]})' if v["owner_pid"] else "free"
            print(f'  {name:16} dev_id {v["dev_id"]:2}  '
                  f'{v["nb_instances"]} instances  held by {who}')
        return 0
    instance = int(sys.argv[3]) if len(sys.argv) > 3 else 0
    print(json.dumps(query(connect(prefix, instance), sys.argv[2])))
    return 0


sys.exit(main())
