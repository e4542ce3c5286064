#!/usr/bin/env python3
"""A minimal SOCKS5 proxy (RFC 1928: no authentication, CONNECT only) for tracing and testing -proxy-tcp.

Listens on 127.0.0.1 (port from argv[1], 0 = any) and prints the bound port on stdout, then serves until
killed. Only loopback destinations are relayed (the lab lives on 127.0.0.0/8 and ::1; nothing may leave
the machine); anything else gets reply 0x02 "connection not allowed by ruleset".
"""
import ipaddress
import socket
import struct
import sys
import threading


def recv_exact(sock, n):
    buf = b""
    while len(buf) < n:
        chunk = sock.recv(n - len(buf))
        if not chunk:
            raise EOFError
        buf += chunk
    return buf


def pump(src, dst):
    try:
        while True:
            data = src.recv(65536)
            if not data:
                break
            dst.sendall(data)
    except OSError:
        pass
    finally:
        for s in (src, dst):
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass


def reply(client, code):
    client.sendall(bytes([5, code, 0, 1, 0, 0, 0, 0, 0, 0]))


def handle(client):
    try:
        ver, n = recv_exact(client, 2)
        methods = recv_exact(client, n)
        if ver != 5 or 0 not in methods:
            client.sendall(b"\x05\xff")
            return
        client.sendall(b"\x05\x00")
        ver, cmd, _, atyp = recv_exact(client, 4)
        if atyp == 1:
            host = socket.inet_ntop(socket.AF_INET, recv_exact(client, 4))
        elif atyp == 4:
            host = socket.inet_ntop(socket.AF_INET6, recv_exact(client, 16))
        else:  # the probe resolves names itself (DNS is not proxied); names are refused here
            reply(client, 8)
            return
        port = struct.unpack("!H", recv_exact(client, 2))[0]
        if cmd != 1:
            reply(client, 7)
            return
        if not ipaddress.ip_address(host).is_loopback:
            reply(client, 2)
            return
        try:
            upstream = socket.create_connection((host, port), timeout=10)
            upstream.settimeout(None)
        except OSError:
            reply(client, 5)
            return
        reply(client, 0)
        t = threading.Thread(target=pump, args=(upstream, client), daemon=True)
        t.start()
        pump(client, upstream)
        t.join()
    except (EOFError, OSError):
        pass
    finally:
        client.close()


def main():
    srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    srv.bind(("127.0.0.1", int(sys.argv[1]) if len(sys.argv) > 1 else 0))
    srv.listen(16)
    print(srv.getsockname()[1], flush=True)
    while True:
        client, _ = srv.accept()
        threading.Thread(target=handle, args=(client,), daemon=True).start()


if __name__ == "__main__":
    main()
