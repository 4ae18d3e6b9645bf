"""Server-sent events: a typed stream of events that ends at `[DONE]`."""

from __future__ import annotations

import json
import re
from collections.abc import AsyncIterator, Callable, Iterable, Iterator
from dataclasses import dataclass
from types import TracebackType
from typing import Any, Generic, TypeVar

import httpx
import pydantic

from ._errors import (
    APIError,
    APIResponseValidationError,
    ResponseTooLargeError,
    connection_error,
)
from ._models import adapter
from ._types import as_mapping

__all__ = ["AsyncStream", "Stream"]

T = TypeVar("T")

MAX_EVENT_SIZE = 16 * 1024 * 1024
"""The largest server-sent event read, in characters: a line or event that grows past it
ends the stream with ResponseTooLargeError instead of filling memory."""
_LINE_BREAK = re.compile("\r\n|\r|\n")


class _EventTooLarge(Exception):
    pass


class _LineSplitter:
    """The stream's lines (split at CRLF, CR or LF) from its text in chunks; a line that
    grows past MAX_EVENT_SIZE raises instead of filling memory."""

    def __init__(self) -> None:
        self._pending = ""

    def feed(self, text: str) -> list[str]:
        pending = self._pending + text
        # A CR at the end may be the first half of a CRLF: wait for the next chunk.
        held = "\r" if pending.endswith("\r") else ""
        *lines, rest = _LINE_BREAK.split(pending[: len(pending) - len(held)])
        self._pending = rest + held
        if len(self._pending) > MAX_EVENT_SIZE:
            raise _EventTooLarge
        return lines

    def end(self) -> list[str]:
        rest, self._pending = self._pending.rstrip("\r"), ""
        return [rest] if rest else []


def _lines(texts: Iterable[str]) -> Iterator[str]:
    splitter = _LineSplitter()
    for text in texts:
        yield from splitter.feed(text)
    yield from splitter.end()


@dataclass
class ServerSentEvent:
    event: str | None = None
    data: str = ""
    id: str | None = None


class _Decoder:
    """The event-stream format: `field: value` lines, a blank line ends an event."""

    def __init__(self) -> None:
        self._event: str | None = None
        self._data: list[str] = []
        self._id: str | None = None
        self._size = 0

    def feed(self, line: str) -> ServerSentEvent | None:
        if not line:
            if not self._data and self._event is None:
                return None
            event = ServerSentEvent(self._event, "\n".join(self._data), self._id)
            self._event, self._data, self._size = None, [], 0
            return event
        if line.startswith(":"):
            return None
        name, _, value = line.partition(":")
        value = value.removeprefix(" ")
        if name == "event":
            self._event = value
        elif name == "data":
            self._data.append(value)
            self._size += len(value)
            if self._size > MAX_EVENT_SIZE:
                raise _EventTooLarge
        elif name == "id":
            self._id = value
        return None

    def events(self, lines: Iterable[str]) -> Iterator[ServerSentEvent]:
        for line in lines:
            event = self.feed(line)
            if event is not None:
                yield event


class _StreamBase(Generic[T]):
    def __init__(
        self,
        response: httpx.Response,
        event_type: Any,
        error_body: Callable[[Any], Any],
    ) -> None:
        self.response = response
        self._event_type = event_type
        self._error_body = error_body

    def _decode(self, event: ServerSentEvent) -> T | None:
        """The event's item, None at `[DONE]`; an error event raises."""
        if event.data.strip() == "[DONE]":
            return None
        payload: Any = None
        try:
            payload = json.loads(event.data)
        except ValueError:
            payload = event.data
        mapping = as_mapping(payload)
        if event.event == "error" or (mapping is not None and "error" in mapping):
            body = self._error_body(payload)
            error = mapping.get("error") if mapping is not None else payload
            error_mapping = as_mapping(error)
            message = error_mapping.get("message") if error_mapping else error
            raise APIError(
                str(message or "error event"), self.response.request, body=body
            )
        try:
            item: T = adapter(self._event_type).validate_python(payload)
        except pydantic.ValidationError as exc:
            raise APIResponseValidationError(
                self.response, payload, f"An event does not match its schema: {exc}"
            ) from None
        return item


class Stream(_StreamBase[T]):
    """Iterate for the events; leaving the loop early, `with` or `close()` ends the connection."""

    def __iter__(self) -> Iterator[T]:
        try:
            for event in _Decoder().events(_lines(self.response.iter_text())):
                item = self._decode(event)
                if item is None:
                    return
                yield item
        except httpx.TransportError as exc:
            raise connection_error(self.response.request, exc) from exc
        except _EventTooLarge:
            raise ResponseTooLargeError(self.response.request, MAX_EVENT_SIZE) from None
        finally:
            self.close()

    def close(self) -> None:
        self.response.close()

    def __enter__(self) -> Stream[T]:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


class AsyncStream(_StreamBase[T]):
    """`async for` the events; `async with` or `close()` ends the connection at once
    (leaving the loop early ends it when the event loop finalizes the iterator)."""

    async def __aiter__(self) -> AsyncIterator[T]:
        decoder, splitter = _Decoder(), _LineSplitter()
        try:
            async for text in self.response.aiter_text():
                for event in decoder.events(splitter.feed(text)):
                    item = self._decode(event)
                    if item is None:
                        return
                    yield item
            for event in decoder.events(splitter.end()):
                item = self._decode(event)
                if item is None:
                    return
                yield item
        except httpx.TransportError as exc:
            raise connection_error(self.response.request, exc) from exc
        except _EventTooLarge:
            raise ResponseTooLargeError(self.response.request, MAX_EVENT_SIZE) from None
        finally:
            await self.close()

    async def close(self) -> None:
        await self.response.aclose()

    async def __aenter__(self) -> AsyncStream[T]:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.close()
