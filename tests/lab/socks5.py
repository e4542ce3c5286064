#!/usr/bin/env python3
"""A minimal SOCKS5 proxy (RFC 1928: no authentication, CONNECT to an IPv4/IPv6 address) for the tests of
-proxy-tcp, shared by the lab suite (in-process: Socks5Relay) and the sandbox suite and seccomp derivation
(as a program: prints its port, serves until killed). Only loopback destinations are relayed (the lab lives on
127.0.0.0/8 and ::1; nothing may leave the machine); each CONNECT is recorded so a check can see the traffic
went through it.
"""
import socket
import sys
import threading


class Socks5Relay:
    """A minimal SOCKS5 proxy (RFC 1928: no authentication, CONNECT to an IPv4/IPv6 address) on 127.0.0.1, for
    -proxy-tcp. Relays only to loopback targets and records each CONNECT so a check can see the traffic went
    through it."""

    def __init__(self, port=0):
        self.server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.server.bind(("127.0.0.1", port))
        self.server.listen(16)
        self.url = f"socks5://127.0.0.1:{self.server.getsockname()[1]}"
        self.connects = []
        threading.Thread(target=self._accept, daemon=True).start()

    def close(self):
        self.server.close()

    def _accept(self):
        while True:
            try:
                client, _ = self.server.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(client,), daemon=True).start()

    @staticmethod
    def _read(sock, n):
        data = b""
        while len(data) < n:
            chunk = sock.recv(n - len(data))
            if not chunk:
                raise EOFError
            data += chunk
        return data

    def _serve(self, client):
        upstream = None
        try:
            client.settimeout(30)
            ver, nmethods = self._read(client, 2)
            methods = self._read(client, nmethods)
            if ver != 5 or 0 not in methods:
                client.sendall(b"\x05\xff")
                return
            client.sendall(b"\x05\x00")
            ver, cmd, _, atyp = self._read(client, 4)
            if atyp == 1:
                addr, family = socket.inet_ntop(socket.AF_INET, self._read(client, 4)), socket.AF_INET
            elif atyp == 4:
                addr, family = socket.inet_ntop(socket.AF_INET6, self._read(client, 16)), socket.AF_INET6
            else:
                client.sendall(b"\x05\x08\x00\x01" + bytes(6))   # address type not supported
                return
            port = int.from_bytes(self._read(client, 2), "big")
            if cmd != 1 or not (addr.startswith("127.") or addr == "::1"):
                client.sendall(b"\x05\x02\x00\x01" + bytes(6))   # not allowed by ruleset: loopback only
                return
            self.connects.append((addr, port))
            try:
                upstream = socket.create_connection((addr, port), timeout=10)
            except OSError:
                client.sendall(b"\x05\x05\x00\x01" + bytes(6))   # connection refused
                return
            client.sendall(b"\x05\x00\x00\x01" + bytes(6))
            upstream.settimeout(None)
            client.settimeout(None)
            threading.Thread(target=self._pipe, args=(upstream, client), daemon=True).start()
            self._pipe(client, upstream)
        except (OSError, EOFError, ValueError):
            pass
        finally:
            client.close()

    @staticmethod
    def _pipe(src, dst):
        try:
            while True:
                data = src.recv(65536)
                if not data:
                    break
                dst.sendall(data)
        except OSError:
            pass
        finally:
            try:
                dst.shutdown(socket.SHUT_WR)
            except OSError:
                pass


def main():
    relay = Socks5Relay(int(sys.argv[1]) if len(sys.argv) > 1 else 0)
    print(relay.server.getsockname()[1], flush=True)
    threading.Event().wait()


if __name__ == "__main__":
    main()
