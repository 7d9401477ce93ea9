"""A real `ladderpress serve` on 127.0.0.1, and raw HTTP and WebSocket clients that send
exactly the bytes a hostile page or tool would (http.client refuses most of them)."""

from __future__ import annotations

import base64
import json
import os
import re
import select
import shutil
import socket
import struct
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from tests.support.paths import FIXTURES

ENV = {"PYTHONIOENCODING": "utf-8", "PYTHONUNBUFFERED": "1"}


@dataclass
class Served:
    port: int
    site: Path
    process: subprocess.Popen[str]
    lines: list[str] = field(default_factory=list)

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def output(self) -> str:
        return "".join(self.lines)

    def wait_for_output(self, text: str, timeout: float = 20.0) -> None:
        deadline = time.monotonic() + timeout
        while text not in self.output():
            if time.monotonic() > deadline:
                raise AssertionError(f"{text!r} not printed; output:\n{self.output()}")
            time.sleep(0.05)


def serve_command(site: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "ladderpress", "serve", "--site", str(site), *args]


def child_env(cache: Path) -> dict[str, str]:
    # Kept checks go to the test's folder, never the user's (see tests/conftest.py).
    return {**os.environ, **ENV, "XDG_CACHE_HOME": str(cache)}


@contextmanager
def serving(folder: Path) -> Iterator[Served]:
    """The fixture site, copied into `folder` and served on a free port until the end."""
    site = folder / "site"
    shutil.copytree(FIXTURES / "site", site)
    process = subprocess.Popen(
        serve_command(site, "--port", "0"),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        encoding="utf-8",
        errors="replace",
        env=child_env(folder / "cache"),
    )
    lines: list[str] = []
    try:
        assert process.stdout is not None
        for line in process.stdout:
            lines.append(line)
            if match := re.search(r"at http://127\.0\.0\.1:(\d+)/", line):
                break
        else:
            raise AssertionError("serve did not start:\n" + "".join(lines))
        served = Served(int(match.group(1)), site, process, lines)

        def pump() -> None:
            assert process.stdout is not None
            for out_line in process.stdout:
                lines.append(out_line)

        threading.Thread(target=pump, daemon=True).start()
        yield served
    finally:
        process.terminate()
        process.wait(timeout=10)


def request(
    port: int,
    target: bytes,
    headers: dict[str, str | None] | None = None,
    method: bytes = b"GET",
) -> tuple[int, bytes]:
    """Send one request as raw bytes; the status and the whole response."""
    fields: dict[str, str | None] = {"Host": f"127.0.0.1:{port}", "Connection": "close"}
    fields.update(headers or {})
    head = b"%s %s HTTP/1.1\r\n" % (method, target)
    for name, value in fields.items():
        if value is not None:
            head += f"{name}: {value}\r\n".encode("latin-1")
    if method == b"POST":
        head += b"Content-Length: 0\r\n"
    with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
        sock.sendall(head + b"\r\n")
        response = b""
        while chunk := sock.recv(65536):
            response += chunk
    status = re.match(rb"HTTP/1\.[01] (\d{3})", response)
    assert status, response[:200]
    return int(status.group(1)), response


def _exactly(sock: socket.socket, size: int) -> bytes:
    data = b""
    while len(data) < size:
        chunk = sock.recv(size - len(data))
        if not chunk:
            raise ConnectionError("closed by the server")
        data += chunk
    return data


@dataclass
class Socket:
    """A WebSocket client connection (reads exactly what it needs: no buffer to lose)."""

    sock: socket.socket

    def send_text(self, text: str) -> None:
        payload = text.encode("utf-8")
        mask = os.urandom(4)
        size = len(payload)
        head = b"\x81" + (bytes([0x80 | size]) if size < 126 else b"\xfe" + struct.pack("!H", size))
        masked = bytes(byte ^ mask[i % 4] for i, byte in enumerate(payload))
        self.sock.sendall(head + mask + masked)

    def receive_text(self, timeout: float) -> str | None:
        """The next message, or None if none comes within `timeout` seconds."""
        ready, _, _ = select.select([self.sock], [], [], timeout)
        if not ready:
            return None
        first = _exactly(self.sock, 2)
        size = first[1] & 0x7F
        if size == 126:
            size = struct.unpack("!H", _exactly(self.sock, 2))[0]
        elif size == 127:
            size = struct.unpack("!Q", _exactly(self.sock, 8))[0]
        return _exactly(self.sock, size).decode("utf-8")

    def close(self) -> None:
        self.sock.close()


def websocket(port: int, origin: str | None, host: str | None = None) -> tuple[int, Socket | None]:
    """Open /livereload as a page at `origin` would; the status, and the connection when
    it was accepted (101)."""
    key = base64.b64encode(os.urandom(16)).decode()
    head = (
        "GET /livereload HTTP/1.1\r\n"
        f"Host: {host or f'127.0.0.1:{port}'}\r\n"
        "Upgrade: websocket\r\nConnection: Upgrade\r\n"
        f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n"
    )
    if origin is not None:
        head += f"Origin: {origin}\r\n"
    sock = socket.create_connection(("127.0.0.1", port), timeout=5)
    sock.sendall((head + "\r\n").encode("latin-1"))
    response = b""
    while not response.endswith(b"\r\n\r\n"):
        response += _exactly(sock, 1)
    status = int(response.split()[1])
    if status != 101:
        sock.close()
        return status, None
    return status, Socket(sock)


def connect_page(served: Served, url: str | None = None) -> Socket:
    """A WebSocket as livereload.js opens it from one of the server's own pages."""
    status, connection = websocket(served.port, served.origin)
    assert status == 101 and connection is not None
    connection.send_text('{"command": "hello", "protocols": []}')
    assert connection.receive_text(5) is not None  # the server's hello
    before = served.output().count("Browser Connected")
    info = {"command": "info", "url": url or served.origin + "/"}
    connection.send_text(json.dumps(info))
    deadline = time.monotonic() + 5
    while served.output().count("Browser Connected") == before:  # now a waiter
        assert time.monotonic() < deadline, served.output()
        time.sleep(0.02)
    return connection
