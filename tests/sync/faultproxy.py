"""A loopback HTTP proxy that misbehaves on purpose: drops, delays, duplicates, cuts mid-body.

It understands just enough HTTP/1.1 (Content-Length bodies) to pass whole requests and
responses, and applies one fault per request from a seeded schedule.
"""

from __future__ import annotations

import random
import socket
import threading
import time

OK = "ok"
DROP_REQUEST = "drop_request"  # the hub never sees it
DROP_RESPONSE = "drop_response"  # the hub handles it, the desk never hears back
CUT_RESPONSE = "cut_response"  # the answer stops half-way through its body
DUPLICATE = "duplicate"  # the request reaches the hub twice
DELAY = "delay"  # the answer comes late (past the desk's timeout when `delay_s` is large)
FAULTS = (DROP_REQUEST, DROP_RESPONSE, CUT_RESPONSE, DUPLICATE, DELAY)


def _read_message(sock: socket.socket, buffer: bytes) -> tuple[bytes | None, bytes]:
    """One HTTP message (head + Content-Length body) and what is left after it."""
    deadline = time.monotonic() + 15
    while b"\r\n\r\n" not in buffer:
        if time.monotonic() > deadline:
            return None, buffer
        chunk = sock.recv(65536)
        if not chunk:
            return None, buffer
        buffer += chunk
    head, _, rest = buffer.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    while len(rest) < length:
        if time.monotonic() > deadline:
            return None, buffer
        chunk = sock.recv(65536)
        if not chunk:
            return None, buffer
        rest += chunk
    return head + b"\r\n\r\n" + rest[:length], rest[length:]


class FaultyProxy:
    def __init__(
        self, upstream_port: int, *, seed: int = 1, fault_rate: float = 0.4, delay_s: float = 0.3
    ) -> None:
        self.upstream = ("127.0.0.1", upstream_port)
        self.rng = random.Random(seed)
        self.fault_rate = fault_rate
        self.delay_s = delay_s
        self.enabled = True
        self.counts: dict[str, int] = {}
        self.lock = threading.Lock()
        self.server = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
        self.server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.server.bind(("127.0.0.1", 0))
        self.server.listen(32)
        self.server.settimeout(0.2)
        self.port = self.server.getsockname()[1]
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self._accept, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> FaultyProxy:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stopping.set()
        self.thread.join(timeout=5)
        self.server.close()

    def _next_fault(self) -> str:
        with self.lock:
            fault = OK
            if self.enabled and self.rng.random() < self.fault_rate:
                fault = self.rng.choice(FAULTS)
            self.counts[fault] = self.counts.get(fault, 0) + 1
            return fault

    def _accept(self) -> None:
        while not self.stopping.is_set():
            try:
                client, _ = self.server.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            threading.Thread(target=self._serve, args=(client,), daemon=True).start()

    def _forward(self, request: bytes) -> bytes | None:
        with socket.create_connection(self.upstream, timeout=15) as up:
            up.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            up.sendall(request)
            response, _ = _read_message(up, b"")
            return response

    def _serve(self, client: socket.socket) -> None:
        client.settimeout(15)
        buffer = b""
        try:
            for _ in range(1000):  # requests on one kept-alive connection
                request, buffer = _read_message(client, buffer)
                if request is None or self.stopping.is_set():
                    return
                fault = self._next_fault()
                if fault == DROP_REQUEST:
                    return
                response = self._forward(request)
                if fault == DUPLICATE:
                    response = self._forward(request) or response
                if response is None:
                    return
                if fault == DROP_RESPONSE:
                    return
                if fault == DELAY:
                    time.sleep(self.delay_s)
                if fault == CUT_RESPONSE:
                    head, _, body = response.partition(b"\r\n\r\n")
                    client.sendall(head + b"\r\n\r\n" + body[: max(1, len(body) // 2)])
                    return
                client.sendall(response)
        except OSError:
            return
        finally:
            client.close()
