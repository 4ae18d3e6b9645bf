"""Raw and streamed access to responses: `with_raw_response` and `with_streaming_response`.

A wrapper runs the ordinary method with a response mode set in a context variable, so
the method keeps its exact signature and the runtime returns the response object
instead of the parsed result.
"""

from __future__ import annotations

import asyncio
import contextvars
import functools
import os
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from types import TracebackType
from typing import Any, Generic, Literal, ParamSpec, TypeVar

import httpx

from ._constants import PACKAGE
from ._errors import connection_error

__all__ = [
    "APIResponse",
    "AsyncStreamedAPIResponse",
    "StreamedAPIResponse",
]

P = ParamSpec("P")
R = TypeVar("R")

ResponseMode = Literal["parsed", "raw", "stream"]
response_mode: contextvars.ContextVar[ResponseMode] = contextvars.ContextVar(
    f"{PACKAGE}_response_mode", default="parsed"
)

_REQUEST_ID_HEADERS = ("x-request-id", "request-id", "x-trace-id")


class _ResponseInfo:
    http_response: httpx.Response

    @property
    def status_code(self) -> int:
        return self.http_response.status_code

    @property
    def headers(self) -> httpx.Headers:
        return self.http_response.headers

    @property
    def request_id(self) -> str | None:
        for name in _REQUEST_ID_HEADERS:
            if name in self.http_response.headers:
                return self.http_response.headers[name]
        return None


class APIResponse(_ResponseInfo, Generic[R]):
    """A complete response: status, headers, and `parse()` for the usual result."""

    def __init__(
        self, http_response: httpx.Response, parse: Callable[[httpx.Response], Any]
    ) -> None:
        self.http_response = http_response
        self._parse = parse

    def parse(self) -> R:
        result: R = self._parse(self.http_response)
        return result

    @property
    def content(self) -> bytes:
        return self.http_response.content

    @property
    def text(self) -> str:
        return self.http_response.text


class StreamedAPIResponse(_ResponseInfo, Generic[R]):
    """A response whose body has not been read: iterate it or write it to a file."""

    def __init__(
        self, http_response: httpx.Response, parse: Callable[[httpx.Response], Any]
    ) -> None:
        self.http_response = http_response
        self._parse = parse

    def iter_bytes(self, chunk_size: int | None = None) -> Iterator[bytes]:
        try:
            yield from self.http_response.iter_bytes(chunk_size)
        except httpx.TransportError as exc:
            raise connection_error(self.http_response.request, exc) from exc

    def stream_to_file(
        self, path: str | os.PathLike[str], *, chunk_size: int | None = None
    ) -> None:
        """Write the body to `path` chunk by chunk, never holding all of it."""
        with open(path, "wb") as file:
            file.writelines(self.iter_bytes(chunk_size))

    def parse(self) -> R:
        self.http_response.read()
        result: R = self._parse(self.http_response)
        return result

    def close(self) -> None:
        self.http_response.close()


class AsyncStreamedAPIResponse(_ResponseInfo, Generic[R]):
    """The async twin of `StreamedAPIResponse`."""

    def __init__(
        self, http_response: httpx.Response, parse: Callable[[httpx.Response], Any]
    ) -> None:
        self.http_response = http_response
        self._parse = parse

    async def iter_bytes(self, chunk_size: int | None = None) -> AsyncIterator[bytes]:
        try:
            async for chunk in self.http_response.aiter_bytes(chunk_size):
                yield chunk
        except httpx.TransportError as exc:
            raise connection_error(self.http_response.request, exc) from exc

    async def stream_to_file(
        self, path: str | os.PathLike[str], *, chunk_size: int | None = None
    ) -> None:
        """Write the body to `path` chunk by chunk, never holding all of it."""
        # File I/O runs in a thread so the event loop never blocks on the disk.
        file = await asyncio.to_thread(open, path, "wb")
        try:
            async for chunk in self.iter_bytes(chunk_size):
                await asyncio.to_thread(file.write, chunk)
        finally:
            await asyncio.to_thread(file.close)

    async def parse(self) -> R:
        await self.http_response.aread()
        result: R = self._parse(self.http_response)
        return result

    async def close(self) -> None:
        await self.http_response.aclose()


class ResponseContextManager(Generic[R]):
    """Sends the request on entry; closes the response on exit."""

    def __init__(self, send: Callable[[], Any]) -> None:
        self._send = send
        self._response: StreamedAPIResponse[R] | None = None

    def __enter__(self) -> StreamedAPIResponse[R]:
        response: StreamedAPIResponse[R] = self._send()
        self._response = response
        return response

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self._response is not None:
            self._response.close()


class AsyncResponseContextManager(Generic[R]):
    """Sends the request on entry; closes the response on exit."""

    def __init__(self, send: Callable[[], Awaitable[Any]]) -> None:
        self._send = send
        self._response: AsyncStreamedAPIResponse[R] | None = None

    async def __aenter__(self) -> AsyncStreamedAPIResponse[R]:
        response: AsyncStreamedAPIResponse[R] = await self._send()
        self._response = response
        return response

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self._response is not None:
            await self._response.close()


def _call_in_mode(mode: ResponseMode, call: Callable[[], Any]) -> Any:
    token = response_mode.set(mode)
    try:
        return call()
    finally:
        response_mode.reset(token)


async def _await_in_mode(mode: ResponseMode, call: Callable[[], Awaitable[Any]]) -> Any:
    token = response_mode.set(mode)
    try:
        return await call()
    finally:
        response_mode.reset(token)


def to_raw_response_wrapper(func: Callable[P, R]) -> Callable[P, APIResponse[R]]:
    @functools.wraps(func)
    def wrapped(*args: P.args, **kwargs: P.kwargs) -> APIResponse[R]:
        response: APIResponse[R] = _call_in_mode("raw", lambda: func(*args, **kwargs))
        return response

    return wrapped


def async_to_raw_response_wrapper(
    func: Callable[P, Awaitable[R]],
) -> Callable[P, Awaitable[APIResponse[R]]]:
    @functools.wraps(func)
    async def wrapped(*args: P.args, **kwargs: P.kwargs) -> APIResponse[R]:
        response: APIResponse[R] = await _await_in_mode(
            "raw", lambda: func(*args, **kwargs)
        )
        return response

    return wrapped


def to_streamed_response_wrapper(
    func: Callable[P, R],
) -> Callable[P, ResponseContextManager[R]]:
    @functools.wraps(func)
    def wrapped(*args: P.args, **kwargs: P.kwargs) -> ResponseContextManager[R]:
        return ResponseContextManager(
            lambda: _call_in_mode("stream", lambda: func(*args, **kwargs))
        )

    return wrapped


def async_to_streamed_response_wrapper(
    func: Callable[P, Awaitable[R]],
) -> Callable[P, AsyncResponseContextManager[R]]:
    @functools.wraps(func)
    def wrapped(*args: P.args, **kwargs: P.kwargs) -> AsyncResponseContextManager[R]:
        return AsyncResponseContextManager(
            lambda: _await_in_mode("stream", lambda: func(*args, **kwargs))
        )

    return wrapped
