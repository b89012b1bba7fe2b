"""Idle keep-alive memory: RSS of a server process before and after N connections that each
did one GET and stay idle, per connection, and 10 s after they close. Run by c10k.sh.
    usage: python3 c10k.py PORT PATH N PID"""
import socket
import sys
import time

BATCH = 200


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise RuntimeError("no VmRSS")


def response(sock):
    """Reads one response with a Content-Length body; the socket stays open."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(4096)
        if not chunk:
            raise RuntimeError("closed before a response")
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value)
    while len(body) < length:
        body += sock.recv(4096)
    if not head.startswith(b"HTTP/1.1 200"):
        raise RuntimeError(head.split(b"\r\n")[0].decode())


def open_idle(port, path, n):
    """N connections, one GET each, sent a batch at a time; all kept open."""
    request = f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode()
    socks = []
    while len(socks) < n:
        batch = [socket.create_connection(("127.0.0.1", port), timeout=30)
                 for _ in range(min(BATCH, n - len(socks)))]
        for s in batch:
            s.sendall(request)
        for s in batch:
            response(s)
        socks += batch
    return socks


def main():
    port, path, n, pid = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    for s in open_idle(port, path, 200):  # warm: classes, JIT, pools; not counted
        s.close()
    time.sleep(2)
    before = rss_kib(pid)
    socks = open_idle(port, path, n)
    time.sleep(2)  # let the last ones go idle
    during = rss_kib(pid)
    for s in socks:
        s.close()
    time.sleep(10)
    after = rss_kib(pid)
    print(f"{before / 1024:.1f} {during / 1024:.1f} {(during - before) / n:.1f} {after / 1024:.1f}")


main()
