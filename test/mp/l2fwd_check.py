#!/usr/bin/python3
# SPDX-License-Identifier: BSD-3-Clause
# Suite mp: the packets for and the expected output of DPDK's l2fwd-crypto,
# computed independently (python3-cryptography, scapy). l2fwd-crypto
# processes the IPv4 payload (after the Ethernet and IP headers) of each
# packet: a block cipher's input is zero-padded to the block, a generated
# digest is appended after it, AEAD output is ciphertext then tag.
#   l2fwd_check.py make OUT.pcap SEED N
#   l2fwd_check.py MODE IN.pcap OUT.pcap KEY IV [AUTHKEY|AAD] [DIGEST]
#     MODE: cbc-hmac-enc, hmac-cbc-dec (the output of cbc-hmac-enc back:
#     digest verified, payload decrypted; l2fwd-crypto trims the digest
#     and the padding),
#     gcm-enc. Prints one line; exits 1 unless every packet matches.
import hashlib
import hmac
import random
import sys

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from scapy.all import IP, UDP, Ether, Raw, rdpcap, wrpcap


def make(path, seed, n):
    rnd = random.Random(seed)
    pkts = []
    for i in range(n):
        body = bytes(rnd.getrandbits(8) for _ in range(rnd.randint(1, 400)))
        pkts.append(Ether(src="02:00:00:00:00:01", dst="02:00:00:00:00:02") /
                    IP(src="10.0.0.1", dst="10.0.0.2") /
                    UDP(sport=1000 + i, dport=2000) / Raw(body))
    wrpcap(path, pkts)


def cbc(key, iv, data, enc):
    c = Cipher(algorithms.AES(key), modes.CBC(iv))
    x = c.encryptor() if enc else c.decryptor()
    return x.update(data) + x.finalize()


def expect(mode, pkt, key, iv, extra, dlen):
    off = 14 + (pkt[14] & 0xf) * 4
    head, data = pkt[:off], pkt[off:]
    if mode == "cbc-hmac-enc":
        data += bytes(-len(data) % 16)
        ct = cbc(key, iv, data, True)
        return head + ct + hmac.new(extra, ct, hashlib.sha1).digest()[:dlen]
    if mode == "hmac-cbc-dec":
        ct, tag = data[:-dlen], data[-dlen:]
        if hmac.new(extra, ct, hashlib.sha1).digest()[:dlen] != tag:
            return None
        # l2fwd-crypto trims the digest, and the padding by the IP length.
        plain = head + cbc(key, iv, ct, False)
        return plain[:14 + int.from_bytes(pkt[16:18], "big")]
    if mode == "gcm-enc":
        return head + AESGCM(key).encrypt(iv, data, extra or None)
    raise SystemExit(f"unknown mode {mode}")


def main():
    if sys.argv[1] == "make":
        make(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
        return 0
    mode, inp, outp = sys.argv[1:4]
    key, iv = (bytes.fromhex(a.replace(":", "")) for a in sys.argv[4:6])
    extra = bytes.fromhex(sys.argv[6].replace(":", "")) if len(sys.argv) > 6 else b""
    dlen = int(sys.argv[7]) if len(sys.argv) > 7 else 0
    ins = [bytes(p) for p in rdpcap(inp)]
    outs = [bytes(p) for p in rdpcap(outp)]
    good = bad = 0
    for i, (a, b) in enumerate(zip(ins, outs)):
        e = expect(mode, a, key, iv, extra, dlen)
        if e is not None and e == b:
            good += 1
        else:
            bad += 1
            if bad <= 3:
                print(f"# packet {i}: expected {e.hex() if e else None}, got {b.hex()}")
    print(f"{mode}: {good} of {len(ins)} packets as computed independently, "
          f"{bad} wrong, {len(outs)} sent")
    return 0 if good == len(ins) == len(outs) and bad == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
