"""A deadline for each attempt of a request, beside httpx's per-operation timeouts.

httpx bounds each socket operation: a server that sends one header line a second never
trips a 3 s read timeout. Sync httpx has no overall timeout, so the transport a sync client
creates for itself connects through a network backend whose every connect, read and write
waits at most until the deadline of the attempt under way (`attempt_deadline`). The async
client bounds an attempt with `asyncio.timeout` instead.
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import ssl
import time
from collections.abc import AsyncIterator, Iterable, Iterator

import httpcore
import httpx

__all__: list[str] = []

_deadline: contextvars.ContextVar[float | None] = contextvars.ContextVar(
    "deadline", default=None
)

_EXPIRED = "the request's deadline passed"

SocketOption = (
    tuple[int, int, int]
    | tuple[int, int, bytes | bytearray]
    | tuple[int, int, None, int]
)


def attempt_end(request: httpx.Request) -> float | None:
    """When an attempt of `request` starting now must be over (`time.monotonic()`): no
    attempt outlives the longest timeout the caller set."""
    timeouts = request.extensions.get("timeout", {})
    finite = [value for value in timeouts.values() if value is not None]
    return time.monotonic() + max(finite) if finite else None


@contextlib.contextmanager
def attempt_deadline(until: float | None) -> Iterator[None]:
    """Socket operations of this context's requests end at `until` at the latest."""
    token = _deadline.set(until)
    try:
        yield
    finally:
        _deadline.reset(token)


@contextlib.asynccontextmanager
async def async_attempt_deadline(
    until: float | None, request: httpx.Request
) -> AsyncIterator[None]:
    """The async attempt ends at `until` at the latest, in httpx's words if it must."""
    loop = asyncio.get_running_loop()
    at = None if until is None else loop.time() + (until - time.monotonic())
    try:
        async with asyncio.timeout_at(at):
            yield
    except TimeoutError as exc:
        raise httpx.ReadTimeout(_EXPIRED, request=request) from exc


def _bounded(
    timeout: float | None, expired: type[httpcore.TimeoutException]
) -> float | None:
    """`timeout`, cut to what is left before the deadline; `expired` once it has passed."""
    until = _deadline.get()
    if until is None:
        return timeout
    left = until - time.monotonic()
    if left <= 0:
        raise expired(_EXPIRED)
    return left if timeout is None else min(timeout, left)


class _DeadlineStream(httpcore.NetworkStream):
    def __init__(self, stream: httpcore.NetworkStream) -> None:
        self._stream = stream

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._stream.read(max_bytes, _bounded(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._stream.write(buffer, _bounded(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._stream.close()

    def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        bounded = _bounded(timeout, httpcore.ConnectTimeout)
        return _DeadlineStream(
            self._stream.start_tls(ssl_context, server_hostname, bounded)
        )

    def get_extra_info(self, info: str) -> object:
        return self._stream.get_extra_info(info)


class _DeadlineBackend(httpcore.NetworkBackend):
    def __init__(self) -> None:
        self._backend = httpcore.SyncBackend()

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[SocketOption] | None = None,
    ) -> httpcore.NetworkStream:
        bounded = _bounded(timeout, httpcore.ConnectTimeout)
        return _DeadlineStream(
            self._backend.connect_tcp(
                host, port, bounded, local_address, socket_options
            )
        )

    def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[SocketOption] | None = None,
    ) -> httpcore.NetworkStream:
        bounded = _bounded(timeout, httpcore.ConnectTimeout)
        return _DeadlineStream(
            self._backend.connect_unix_socket(path, bounded, socket_options)
        )

    def sleep(self, seconds: float) -> None:
        self._backend.sleep(seconds)


class DeadlineTransport(httpx.HTTPTransport):
    """httpx's default transport, its connection pool built on the deadline backend."""

    def __init__(self) -> None:
        super().__init__()
        # httpx's own default limits, which it does not export.
        limits = httpx.Limits(max_connections=100, max_keepalive_connections=20)
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(),
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            network_backend=_DeadlineBackend(),
        )
