#!/usr/bin/env python3
"""A loopback DNS front that forces the client onto TCP: every UDP query is answered with an empty,
truncated (TC=1) reply; TCP queries are relayed to the real resolver (argv[2], e.g. 127.0.0.1:5353).
Used to trace and test the probe's DNS-over-TCP path (RFC 7766). Listens on 127.0.0.1 (port argv[1], 0 = any,
the same number for UDP and TCP) and prints the port on stdout, then serves until killed."""
import socket
import struct
import sys
import threading


def recv_exact(s, n):
    buf = b""
    while len(buf) < n:
        chunk = s.recv(n - len(buf))
        if not chunk:
            raise EOFError
        buf += chunk
    return buf


def udp_loop(u):
    while True:
        data, peer = u.recvfrom(65535)
        if len(data) < 12:
            continue
        qid, flags, qd = struct.unpack("!HHH", data[:6])
        # the question section as sent: header + first question (name + type + class)
        end = 12
        while end < len(data) and data[end] != 0:
            end += data[end] + 1
        question = data[12:end + 5]
        flags = 0x8000 | (flags & 0x7910) | 0x0200  # QR, keep opcode/RD/CD, set TC
        u.sendto(struct.pack("!HHHHHH", qid, flags, 1 if qd else 0, 0, 0, 0) + question, peer)


def tcp_client(c, upstream):
    try:
        with socket.create_connection(upstream, timeout=10) as up:
            while True:
                n = struct.unpack("!H", recv_exact(c, 2))[0]
                up.sendall(struct.pack("!H", n) + recv_exact(c, n))
                m = struct.unpack("!H", recv_exact(up, 2))[0]
                c.sendall(struct.pack("!H", m) + recv_exact(up, m))
    except (EOFError, OSError):
        pass
    finally:
        c.close()


def main():
    host, port = sys.argv[2].rsplit(":", 1)
    upstream = (host, int(port))
    t = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    t.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    t.bind(("127.0.0.1", int(sys.argv[1])))
    bound = t.getsockname()[1]
    u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    u.bind(("127.0.0.1", bound))
    t.listen(16)
    print(bound, flush=True)
    threading.Thread(target=udp_loop, args=(u,), daemon=True).start()
    while True:
        c, _ = t.accept()
        threading.Thread(target=tcp_client, args=(c, upstream), daemon=True).start()


if __name__ == "__main__":
    main()
