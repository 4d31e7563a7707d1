#!/usr/bin/python3
# SPDX-License-Identifier: BSD-3-Clause
# Suite mp: the traffic for DPDK's ipsec-secgw example and the check of
# what it sent, with an ESP implementation of its own (scapy's, Debian's
# python3-scapy), tunnel mode. The SAs are those of the test's config.
#   secgw_esp.py make DIR N BAD: DIR/i0.pcap, N plaintext packets for the
#     protected port; DIR/i1.pcap, N ESP packets of the inbound SA for the
#     unprotected port, then BAD of them with one byte of ciphertext or ICV
#     flipped; DIR/in-plain.pcap, the inner packets of the N good ones.
#   secgw_esp.py check DIR N: DIR/o1.pcap must be N ESP packets of the
#     outbound SA (SPI, tunnel addresses, sequence numbers 1..N) that
#     decrypt to the N packets of i0.pcap, routed (TTL one less); DIR/o0.pcap
#     must be exactly the N good inbound packets decrypted, routed (the
#     corrupted ones dropped). One
#     line each; exits 1 on any difference.
import random
import sys

from scapy.all import IP, UDP, Ether, Raw, rdpcap, wrpcap
from scapy.layers.ipsec import ESP, SecurityAssociation

# Kept in step with the SA lines of mp_secgw.sh.
KEY_OUT = bytes.fromhex("2b7e151628aed2a6abf7158809cf4f3c" "cafebabe")
KEY_IN = bytes.fromhex("000102030405060708090a0b0c0d0e0f" "deadbeef")
SA_OUT = dict(spi=5, src="172.16.1.5", dst="172.16.2.5")
SA_IN = dict(spi=6, src="172.16.2.6", dst="172.16.1.6")


def sa(key, d):
    return SecurityAssociation(ESP, spi=d["spi"], crypt_algo="AES-GCM",
                               crypt_key=key,
                               tunnel_header=IP(src=d["src"], dst=d["dst"]))


def eth(p):
    return Ether(src="02:00:00:00:00:01", dst="02:00:00:00:00:02") / p


def inner(rnd, i, dst):
    body = bytes(rnd.getrandbits(8) for _ in range(rnd.randint(0, 1200)))
    return IP(src="192.168.%d.%d" % (rnd.randint(0, 255), 1 + i % 250),
              dst=dst % (1 + i % 250), ttl=64) / \
        UDP(sport=1000 + i, dport=4000) / Raw(body)


def make(d, n, bad):
    rnd = random.Random(n * 7919 + bad)
    plain = [inner(rnd, i, "192.168.105.%d") for i in range(n)]
    wrpcap(f"{d}/i0.pcap", [eth(p) for p in plain])
    s = sa(KEY_IN, SA_IN)
    good = [inner(rnd, i, "192.168.55.%d") for i in range(n)]
    esp = [bytes(s.encrypt(p, seq_num=i + 1)) for i, p in enumerate(good)]
    for i in range(bad):
        b = bytearray(bytes(s.encrypt(good[i], seq_num=n + 1 + i)))
        b[rnd.randrange(28, len(b))] ^= 1 << rnd.randrange(8)
        esp.append(bytes(b))
    wrpcap(f"{d}/i1.pcap", [eth(IP(e)) for e in esp])
    wrpcap(f"{d}/in-plain.pcap", [eth(IP(bytes(p))) for p in good])


def ip_of(pkt):
    return bytes(pkt[IP])


def norm(b):
    return bytes(IP(b))


def routed(b):
    # ipsec-secgw routes the inner packet: one hop less, checksum anew.
    p = IP(b)
    p.ttl -= 1
    del p.chksum
    return bytes(IP(bytes(p)))


def check(d, n):
    fails = 0
    sent = rdpcap(f"{d}/i0.pcap")
    out = rdpcap(f"{d}/o1.pcap")
    s = sa(KEY_OUT, SA_OUT)
    ok = 0
    for i, (a, b) in enumerate(zip(sent, out)):
        o = b[IP]
        why = None
        if ESP not in o:
            why = "not ESP"
        elif (o[ESP].spi, o.src, o.dst, o[ESP].seq) != \
                (SA_OUT["spi"], SA_OUT["src"], SA_OUT["dst"], i + 1):
            why = f"spi/tunnel/seq {o[ESP].spi} {o.src} {o.dst} {o[ESP].seq}"
        else:
            try:
                p = s.decrypt(IP(bytes(o)))
                if norm(bytes(p)) != routed(ip_of(a)):
                    why = "decrypts to another packet"
            except Exception as e:  # a wrong ICV raises
                why = f"does not decrypt: {e}"
        if why is None:
            ok += 1
        else:
            fails += 1
            if fails <= 3:
                print(f"# outbound packet {i}: {why}")
    print(f"outbound: {ok} of {len(sent)} ESP packets decrypt (independent ESP) "
          f"to what was sent, {len(out)} sent by ipsec-secgw")
    r = ok == len(sent) == len(out) == n
    want = [routed(ip_of(p)) for p in rdpcap(f"{d}/in-plain.pcap")]
    got = [norm(ip_of(p)) for p in rdpcap(f"{d}/o0.pcap")]
    same = sum(1 for a, b in zip(want, got) if a == b)
    print(f"inbound: {same} of {len(want)} good ESP packets came out decrypted, "
          f"{len(got)} packets out in all ({len(got) - same} unexpected)")
    return 0 if r and same == len(want) == len(got) == n else 1


def main():
    if sys.argv[1] == "make":
        make(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
        return 0
    return check(sys.argv[2], int(sys.argv[3]))


if __name__ == "__main__":
    sys.exit(main())
