#!/usr/bin/python3
# SPDX-License-Identifier: BSD-3-Clause
# Suite mp: the traffic for DPDK's ipsec-secgw example and the check of
# what it sent, with an ESP implementation of its own (scapy's, Debian's
# python3-scapy), tunnel mode. The SAs are those of the test's config: two
# each way, AES-128-GCM and AES-128-CBC + HMAC-SHA1-96; packets alternate
# between them.
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
GCM_OUT = dict(spi=5, src="172.16.1.5", dst="172.16.2.5", net="192.168.105.%d",
               crypt_algo="AES-GCM",
               crypt_key=bytes.fromhex("2b7e151628aed2a6abf7158809cf4f3c" "cafebabe"))
GCM_IN = dict(spi=6, src="172.16.2.6", dst="172.16.1.6", net="192.168.55.%d",
              crypt_algo="AES-GCM",
              crypt_key=bytes.fromhex("000102030405060708090a0b0c0d0e0f" "deadbeef"))
CBC_OUT = dict(spi=7, src="172.16.1.7", dst="172.16.2.7", net="192.168.106.%d",
               crypt_algo="AES-CBC",
               crypt_key=bytes.fromhex("603deb1015ca71be2b73aef0857d7781"),
               auth_algo="HMAC-SHA1-96",
               auth_key=bytes.fromhex("0102030405060708090a0b0c0d0e0f1011121314"))
CBC_IN = dict(spi=8, src="172.16.2.8", dst="172.16.1.8", net="192.168.56.%d",
              crypt_algo="AES-CBC",
              crypt_key=bytes.fromhex("1f352c073b6108d72d9810a30914dff4"),
              auth_algo="HMAC-SHA1-96",
              auth_key=bytes.fromhex("a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3b4"))
OUT = (GCM_OUT, CBC_OUT)
IN = (GCM_IN, CBC_IN)


def sa(d):
    kw = {k: d[k] for k in ("crypt_algo", "crypt_key", "auth_algo", "auth_key")
          if k in d}
    return SecurityAssociation(ESP, spi=d["spi"],
                               tunnel_header=IP(src=d["src"], dst=d["dst"]),
                               **kw)


def eth(p):
    return Ether(src="02:00:00:00:00:01", dst="02:00:00:00:00:02") / p


def inner(rnd, i, dst):
    body = bytes(rnd.getrandbits(8) for _ in range(rnd.randint(0, 1200)))
    return IP(src="192.168.%d.%d" % (rnd.randint(0, 255), 1 + i % 250),
              dst=dst % (1 + i % 250), ttl=64) / \
        UDP(sport=1000 + i, dport=4000) / Raw(body)


def make(d, n, bad):
    rnd = random.Random(n * 7919 + bad)
    plain = [inner(rnd, i, OUT[i % 2]["net"]) for i in range(n)]
    wrpcap(f"{d}/i0.pcap", [eth(p) for p in plain])
    sas = [sa(x) for x in IN]
    good = [inner(rnd, i, IN[i % 2]["net"]) for i in range(n)]
    esp = [bytes(sas[i % 2].encrypt(p, seq_num=i // 2 + 1))
           for i, p in enumerate(good)]
    for i in range(bad):
        b = bytearray(bytes(sas[i % 2].encrypt(good[i], seq_num=n + 1 + i)))
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
    sas = {x["spi"]: (x, sa(x)) for x in OUT}
    seq = {x["spi"]: 0 for x in OUT}
    ok = 0
    for i, (a, b) in enumerate(zip(sent, out)):
        o = b[IP]
        want = OUT[i % 2]
        why = None
        if ESP not in o:
            why = "not ESP"
        elif o[ESP].spi != want["spi"]:
            why = f"SPI {o[ESP].spi}, not {want['spi']}"
        else:
            seq[want["spi"]] += 1
            if (o.src, o.dst, o[ESP].seq) != \
                    (want["src"], want["dst"], seq[want["spi"]]):
                why = f"tunnel/seq {o.src} {o.dst} {o[ESP].seq}"
        if why is None:
            try:
                p = sas[want["spi"]][1].decrypt(IP(bytes(o)))
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
          f"to what was sent, {len(out)} sent by ipsec-secgw (SPI 5 GCM, 7 CBC+HMAC)")
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
