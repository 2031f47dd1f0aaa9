#!/usr/bin/env python3
"""Many concurrent STARTTLS negotiations against an XMPP server, each checked byte by byte.

usage: starttls-stress.py [--host 127.0.0.1] [--port 5222] [--domain bluemind.test] [--count 400] [--threads 16]

For each connection: stream header, <starttls/>, <proceed/>, then the TLS handshake fed by hand, so that
what the server wrote in plain text before its first TLS record is seen. Prints the outcomes, the handshake
p50/p99, and the connections where the server wrote a second <proceed/> (stock Tigase 8.4.0 does so now and
then under concurrent STARTTLS, without bm-xmpp too: the client's TLS layer then fails on XML).
"""
import argparse
import collections
import socket
import ssl
import threading
import time

HEADER = ("<?xml version='1.0'?><stream:stream to='{d}' xmlns='jabber:client' "
          "xmlns:stream='http://etherx.jabber.org/streams' version='1.0'>")


def read_until(sock, marker):
    buf = b""
    while marker not in buf:
        data = sock.recv(4096)
        if not data:
            raise IOError("closed before %r" % marker)
        buf += data
    return buf


def negotiate(args, ctx):
    """Returns (outcome, milliseconds)."""
    start = time.monotonic()
    sock = socket.create_connection((args.host, args.port), timeout=10)
    try:
        sock.sendall(HEADER.format(d=args.domain).encode())
        read_until(sock, b"</stream:features>")
        sock.sendall(b"<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>")
        buf = read_until(sock, b"<proceed")
        while not buf.rstrip().endswith(b"/>") and b"</proceed>" not in buf:
            buf += sock.recv(4096)
        incoming, outgoing = ssl.MemoryBIO(), ssl.MemoryBIO()
        tls = ctx.wrap_bio(incoming, outgoing, server_hostname=args.domain)
        raw = b""
        while True:
            try:
                tls.do_handshake()
                break
            except ssl.SSLWantReadError:
                if outgoing.pending:
                    sock.sendall(outgoing.read())
                data = sock.recv(4096)
                if not data:
                    return "closed during the TLS handshake", None
                raw += data
                incoming.write(data)
            except ssl.SSLError as e:
                if raw.lstrip().startswith(b"<proceed"):
                    return "second <proceed/> in plain text, then " + e.reason, None
                return "TLS error: " + str(e.reason), None
        return "ok", (time.monotonic() - start) * 1000
    except (OSError, IOError) as e:
        return type(e).__name__ + ": " + str(e)[:80], None
    finally:
        sock.close()


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=5222)
    p.add_argument("--domain", default="bluemind.test")
    p.add_argument("--count", type=int, default=400)
    p.add_argument("--threads", type=int, default=16)
    args = p.parse_args()
    ctx = ssl.create_default_context()
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE  # we look at the protocol, not at the certificate
    outcomes, times, lock = collections.Counter(), [], threading.Lock()

    def worker(n):
        for _ in range(n):
            outcome, ms = negotiate(args, ctx)
            with lock:
                outcomes[outcome] += 1
                if ms is not None:
                    times.append(ms)

    threads = [threading.Thread(target=worker, args=(args.count // args.threads,)) for _ in range(args.threads)]
    began = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    total = sum(outcomes.values())
    print("%d STARTTLS negotiations, %d at a time, in %.1f s" % (total, args.threads, time.monotonic() - began))
    for outcome, n in outcomes.most_common():
        print("  %5d  %s" % (n, outcome))
    if times:
        times.sort()
        print("handshake ok: p50 %.0f ms, p99 %.0f ms" % (times[len(times) // 2], times[int(len(times) * 0.99)]))


if __name__ == "__main__":
    main()
