"""A scripted, fault-injecting HTTP/1.1 server on 127.0.0.1 for the client tests.

The server answers the n-th request it receives with the n-th action of its script,
whatever connection the request came on. An action is a complete response, or a
fault: a reset in the middle of the body, a stall past the client's timeout, a body
shorter than its Content-Length, a close without any answer. Requests beyond the
script get a 418 with `x-should-retry: false`, so a test that sends too many fails on
its attempt count.

It records every request (method, target, headers, body) and tracks the client
connections it has open, so a test can tell whether the client left one behind.
"""

from __future__ import annotations

import http
import json
import select
import socket
import struct
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol, Self
from urllib.parse import urlsplit

__all__ = [
    "Action",
    "FaultServer",
    "RecordedRequest",
    "Respond",
    "close_without_response",
    "hang_mid_body",
    "html",
    "reply",
    "reply_json",
    "reset_mid_body",
    "stall",
    "truncated",
]

POLL = 0.5
"""Longest wait in select(); stop() wakes every waiter at once anyway."""
HANG_SECONDS = 5.0
"""How long a stall or hang waits for the client to give up: past any test timeout."""


@dataclass(frozen=True)
class RecordedRequest:
    method: str
    target: str
    headers: dict[str, str]
    """Header names lowercased; repeated headers joined with ', '."""
    body: bytes

    @property
    def path(self) -> str:
        return urlsplit(self.target).path


class Stopping(Protocol):
    """The server's stop signal, as actions see it."""

    def wait_readable(self, conn: socket.socket, timeout: float) -> bool:
        """Wait until `conn` has data or EOF (True) or `timeout` passes (False);
        raises _Disconnected when the server stops."""
        ...

    def pause(self, seconds: float) -> None: ...

    def hold(self, event: threading.Event) -> None:
        """Wait until the test sets `event`; raises _Disconnected when stopping."""
        ...


class Action(Protocol):
    """What the server does with one request. Returns True to keep the connection."""

    def run(self, conn: socket.socket, server: Stopping) -> bool: ...


def _head(status: int, headers: Mapping[str, str], content_length: int) -> bytes:
    try:
        reason = http.HTTPStatus(status).phrase
    except ValueError:
        reason = "Unknown"
    lines = [f"HTTP/1.1 {status} {reason}"]
    lines += [f"{name}: {value}" for name, value in headers.items()]
    lines.append(f"Content-Length: {content_length}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


@dataclass(frozen=True)
class Respond:
    """A response. With content_length > len(body) the body is cut short: the server
    sends what it has, then closes the connection (FIN), as a crashed upstream would."""

    status: int = 200
    body: bytes = b""
    headers: Mapping[str, str] = field(default_factory=dict)
    content_length: int | None = None

    def run(self, conn: socket.socket, server: Stopping) -> bool:
        length = len(self.body) if self.content_length is None else self.content_length
        conn.sendall(_head(self.status, self.headers, length) + self.body)
        return length == len(self.body)


@dataclass(frozen=True)
class MidBody:
    """Status line, headers and the start of the body, then either a TCP reset
    (SO_LINGER 0) or, with hang=True, silence until the client closes its end."""

    status: int
    headers: Mapping[str, str]
    body_prefix: bytes
    content_length: int
    hang: bool = False
    pause: float = 0.02
    """Before the reset: let the client read the head first, so it lands in the body."""
    release: threading.Event | None = None
    """Reset only once the test sets this (it has read what came before)."""

    def run(self, conn: socket.socket, server: Stopping) -> bool:
        conn.sendall(_head(self.status, self.headers, self.content_length))
        conn.sendall(self.body_prefix)
        if self.hang:
            return Stall(HANG_SECONDS).run(conn, server)
        if self.release is not None:
            server.hold(self.release)
        else:
            server.pause(self.pause)
        conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        return False  # the server closes the socket: with linger 0 that sends RST


@dataclass(frozen=True)
class Stall:
    """Read the request, never answer: wait until the client gives up and closes its
    end (or `seconds` pass, or the server stops), then close."""

    seconds: float

    def run(self, conn: socket.socket, server: Stopping) -> bool:
        deadline = time.monotonic() + self.seconds
        while (left := deadline - time.monotonic()) > 0:
            if server.wait_readable(conn, left) and not conn.recv(65536):
                break  # the client gave up and closed the connection
        return False


@dataclass(frozen=True)
class CloseWithoutResponse:
    """Read the request and close the connection without a byte of answer."""

    def run(self, conn: socket.socket, server: Stopping) -> bool:
        return False


# ------------------------------------------------------------------ action builders


def reply(
    status: int,
    body: bytes | str = b"",
    *,
    content_type: str = "text/plain; charset=utf-8",
    headers: Mapping[str, str] | None = None,
) -> Respond:
    data = body.encode() if isinstance(body, str) else body
    return Respond(status, data, {"Content-Type": content_type, **(headers or {})})


def reply_json(
    status: int, value: Any, *, headers: Mapping[str, str] | None = None
) -> Respond:
    """A JSON response; `value` may be any JSON value, a bare string included."""
    return reply(
        status, json.dumps(value), content_type="application/json", headers=headers
    )


def html(
    status: int, page: str, *, headers: Mapping[str, str] | None = None
) -> Respond:
    return reply(status, page, content_type="text/html; charset=utf-8", headers=headers)


def truncated(
    status: int, body: bytes | str, *, content_length: int | None = None
) -> Respond:
    """A JSON response cut short. content_length None: the header matches the bytes sent
    (a complete message whose JSON is broken); larger: the connection ends early."""
    data = body.encode() if isinstance(body, str) else body
    return Respond(status, data, {"Content-Type": "application/json"}, content_length)


def reset_mid_body(
    status: int = 200,
    body_prefix: bytes = b'{"id": "batch_1", "object": "ba',
    content_type: str = "application/json",
    *,
    release: threading.Event | None = None,
) -> MidBody:
    return MidBody(
        status,
        {"Content-Type": content_type},
        body_prefix,
        100_000,
        release=release,
    )


def hang_mid_body(body_prefix: bytes, content_type: str, status: int = 200) -> MidBody:
    return MidBody(
        status, {"Content-Type": content_type}, body_prefix, 100_000, hang=True
    )


def stall(seconds: float = HANG_SECONDS) -> Stall:
    return Stall(seconds)


def close_without_response() -> CloseWithoutResponse:
    return CloseWithoutResponse()


UNSCRIPTED = reply_json(
    418,
    {"error": "fault server: no action scripted for this request"},
    headers={"x-should-retry": "false"},
)


# ------------------------------------------------------------------ the server


class _Disconnected(Exception):
    """The client closed the connection, or the server is stopping."""


class FaultServer:
    """start() (or `with`), give a script with script(...), stop with stop()."""

    def __init__(self) -> None:
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port: int = self._listener.getsockname()[1]
        self._stop = threading.Event()
        # stop() writes to _wake, which makes every select() of the server return.
        self._wake_reader, self._wake = socket.socketpair()
        self._lock = threading.Lock()
        self._script: list[Action] = []
        self._requests: list[RecordedRequest] = []
        self._open: set[socket.socket] = set()
        self._accepted = 0
        self._accept_thread = threading.Thread(target=self._accept_loop, daemon=True)
        self._threads: list[threading.Thread] = []
        self.errors: list[BaseException] = []
        """Unexpected failures in the server's threads (a malformed request, a bug)."""

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    # -------------------------------------------------------------- test-facing API

    def script(self, *actions: Action) -> None:
        """Answer the next requests with these actions, in order."""
        with self._lock:
            self._script = list(actions)
            self._requests = []

    @property
    def requests(self) -> list[RecordedRequest]:
        with self._lock:
            return list(self._requests)

    @property
    def open_connections(self) -> int:
        """Client connections the server has accepted and not yet closed."""
        with self._lock:
            return len(self._open)

    @property
    def accepted_connections(self) -> int:
        with self._lock:
            return self._accepted

    def wait_for(self, condition: Callable[[], bool], timeout: float = 2.0) -> bool:
        """Poll `condition` until it holds or `timeout` passes: closes arrive late."""
        deadline = time.monotonic() + timeout
        while not condition():
            if time.monotonic() >= deadline:
                return condition()
            time.sleep(0.002)
        return True

    # -------------------------------------------------------------- lifecycle

    def start(self) -> None:
        self._accept_thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._wake.send(b"x")
        self._accept_thread.join(timeout=5)  # after this no thread is added
        for thread in self._threads:
            thread.join(timeout=5)
        with self._lock:
            leftovers, self._open = set(self._open), set()
        for conn in leftovers:
            conn.close()
        for sock in (self._listener, self._wake, self._wake_reader):
            sock.close()

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    # -------------------------------------------------------------- Stopping

    def wait_readable(self, conn: socket.socket, timeout: float) -> bool:
        readable, _, _ = select.select(
            [conn, self._wake_reader], [], [], min(timeout, POLL)
        )
        if self._stop.is_set():
            raise _Disconnected
        return conn in readable

    def pause(self, seconds: float) -> None:
        self._stop.wait(seconds)

    def hold(self, event: threading.Event) -> None:
        while not event.wait(0.01):
            if self._stop.is_set():
                raise _Disconnected

    # -------------------------------------------------------------- internals

    def _accept_loop(self) -> None:
        while True:
            readable, _, _ = select.select(
                [self._listener, self._wake_reader], [], [], POLL
            )
            if self._stop.is_set():
                return
            if self._listener not in readable:
                continue
            conn, _ = self._listener.accept()
            with self._lock:
                self._open.add(conn)
                self._accepted += 1
            thread = threading.Thread(target=self._serve, args=(conn,), daemon=True)
            self._threads.append(thread)
            thread.start()

    def _serve(self, conn: socket.socket) -> None:
        buffer = bytearray()
        try:
            while True:
                request = self._read_request(conn, buffer)
                with self._lock:
                    self._requests.append(request)
                    index = len(self._requests) - 1
                    action = (
                        self._script[index] if index < len(self._script) else UNSCRIPTED
                    )
                if not action.run(conn, self):
                    break
        except (_Disconnected, OSError):
            pass  # the client went away or reset, or the server stops
        except Exception as exc:  # noqa: BLE001 - the fixture reports it
            self.errors.append(exc)
        finally:
            with self._lock:
                self._open.discard(conn)
            conn.close()

    def _recv(self, conn: socket.socket, buffer: bytearray) -> None:
        while not self.wait_readable(conn, POLL):
            pass
        data = conn.recv(65536)
        if not data:
            raise _Disconnected
        buffer += data

    def _read_request(self, conn: socket.socket, buffer: bytearray) -> RecordedRequest:
        while b"\r\n\r\n" not in buffer:
            self._recv(conn, buffer)
        end = buffer.index(b"\r\n\r\n")
        head = bytes(buffer[:end]).decode("latin-1")
        del buffer[: end + 4]
        request_line, *header_lines = head.split("\r\n")
        method, target, _version = request_line.split(" ", 2)
        headers: dict[str, str] = {}
        for line in header_lines:
            name, _, value = line.partition(":")
            key = name.strip().lower()
            value = value.strip()
            headers[key] = f"{headers[key]}, {value}" if key in headers else value
        if "chunked" in headers.get("transfer-encoding", "").lower():
            body = self._read_chunked(conn, buffer)
        else:
            length = int(headers.get("content-length", "0"))
            while len(buffer) < length:
                self._recv(conn, buffer)
            body = bytes(buffer[:length])
            del buffer[:length]
        return RecordedRequest(method, target, headers, body)

    def _read_chunked(self, conn: socket.socket, buffer: bytearray) -> bytes:
        body = bytearray()
        while True:
            while b"\r\n" not in buffer:
                self._recv(conn, buffer)
            end = buffer.index(b"\r\n")
            size = int(bytes(buffer[:end]).split(b";")[0], 16)
            del buffer[: end + 2]
            while len(buffer) < size + 2:  # the chunk and its CRLF
                self._recv(conn, buffer)
            body += buffer[:size]
            del buffer[: size + 2]
            if size == 0:
                return bytes(body)
