"""Batch files: request lines written as JSONL with the provider's limits checked before
anything is uploaded, and result lines read back one at a time, typed, each a success or
a failure (a line-level `error`, or a response whose status is not 2xx)."""

from __future__ import annotations

import json
import os
from collections.abc import AsyncIterable, AsyncIterator, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any, Generic, Self, TypeVar, overload

import pydantic

from ._constants import BATCH_MAX_BYTES, BATCH_MAX_LINES, BATCH_ONE_MODEL
from ._errors import SDKError
from ._models import construct
from ._types import as_mapping

__all__ = [
    "BatchFailure",
    "BatchLimitError",
    "BatchResult",
    "BatchWriter",
    "aread_batch_results",
    "read_batch_results",
]

R = TypeVar("R")

CHUNK_SIZE = 1 << 20
"""Bytes read from a result file at a time: a line is kept only until it is parsed."""


class BatchLimitError(SDKError):
    """A request line the provider would refuse (too many lines or bytes, a repeated
    `custom_id`, a second model where one file takes one); nothing was written for it.
    """

    def __init__(self, message: str, *, line: int, custom_id: str) -> None:
        super().__init__(f"line {line} ({custom_id}): {message}")
        self.line = line
        self.custom_id = custom_id


class BatchWriter:
    """Writes the request lines of a batch input file, checking what the provider limits.

    `body` is a request model, or a mapping of its JSON fields. Use it as a context
    manager, or `close()` it, before uploading the file."""

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        url: str,
        method: str = "POST",
        max_lines: int | None = BATCH_MAX_LINES,
        max_bytes: int | None = BATCH_MAX_BYTES,
        one_model: bool = BATCH_ONE_MODEL,
    ) -> None:
        self.path = Path(path)
        self.url = url
        self.method = method
        self.max_lines = max_lines
        self.max_bytes = max_bytes
        self.one_model = one_model
        self.lines = 0
        self.bytes_written = 0
        self._ids: set[str] = set()
        self._model: object = None
        self._file = self.path.open("wb")

    def add(
        self, custom_id: str, body: pydantic.BaseModel | Mapping[str, object]
    ) -> None:
        """Append one request; raises BatchLimitError, writing nothing, if the provider
        would refuse it."""
        fields = (
            body.model_dump(mode="json", by_alias=True, exclude_unset=True)
            if isinstance(body, pydantic.BaseModel)
            else dict(body)
        )
        number = self.lines + 1

        def refused(message: str) -> BatchLimitError:
            return BatchLimitError(message, line=number, custom_id=custom_id)

        if custom_id in self._ids:
            raise refused("custom_id is already used by an earlier line")
        if self.max_lines is not None and number > self.max_lines:
            raise refused(f"a batch takes at most {self.max_lines} lines")
        model = fields.get("model")
        if self.one_model and self.lines and model != self._model:
            raise refused(f"model {model!r}: this file's lines use {self._model!r}")
        line = {
            "custom_id": custom_id,
            "method": self.method,
            "url": self.url,
            "body": fields,
        }
        encoded = (json.dumps(line, ensure_ascii=False) + "\n").encode()
        if (
            self.max_bytes is not None
            and self.bytes_written + len(encoded) > self.max_bytes
        ):
            raise refused(f"a batch file takes at most {self.max_bytes} bytes")
        self._file.write(encoded)
        self._ids.add(custom_id)
        if number == 1:
            self._model = model
        self.lines = number
        self.bytes_written += len(encoded)

    def close(self) -> None:
        self._file.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


@dataclass(frozen=True)
class BatchResult(Generic[R]):
    """A request of the batch that succeeded: its response body, parsed."""

    custom_id: str
    status_code: int
    body: R
    request_id: str | None
    line: int
    """Where it is in the result file (from 1)."""


@dataclass(frozen=True)
class BatchFailure:
    """A request of the batch that failed: a line-level `error`, or a response with a
    status that is not 2xx (its error body in `body`)."""

    custom_id: str | None
    message: str
    code: str | None
    status_code: int | None
    body: object
    line: int


@overload
def read_batch_results(
    source: str | os.PathLike[str] | Iterable[bytes],
) -> Iterator[BatchResult[dict[str, Any]] | BatchFailure]: ...
@overload
def read_batch_results(
    source: str | os.PathLike[str] | Iterable[bytes], response_type: type[R]
) -> Iterator[BatchResult[R] | BatchFailure]: ...
def read_batch_results(
    source: str | os.PathLike[str] | Iterable[bytes], response_type: Any = None
) -> Iterator[BatchResult[Any] | BatchFailure]:
    """The lines of a result (or error) file, one at a time: from a path, or from the
    chunks of a download, never whole in memory."""
    if isinstance(source, (str, os.PathLike)):
        with Path(source).open("rb") as file:
            yield from _results(iter(lambda: file.read(CHUNK_SIZE), b""), response_type)
    else:
        yield from _results(source, response_type)


def _results(
    chunks: Iterable[bytes], response_type: Any
) -> Iterator[BatchResult[Any] | BatchFailure]:
    for number, text in enumerate(_split_lines(chunks), 1):
        if text.strip():
            yield _line(text, number, response_type)


@overload
def aread_batch_results(
    source: AsyncIterable[bytes],
) -> AsyncIterator[BatchResult[dict[str, Any]] | BatchFailure]: ...
@overload
def aread_batch_results(
    source: AsyncIterable[bytes], response_type: type[R]
) -> AsyncIterator[BatchResult[R] | BatchFailure]: ...
async def aread_batch_results(
    source: AsyncIterable[bytes], response_type: Any = None
) -> AsyncIterator[BatchResult[Any] | BatchFailure]:
    """`read_batch_results` over the chunks of an async download."""
    partial: list[bytes] = []
    number = 0
    async for chunk in source:
        for text in _complete_lines(chunk, partial):
            number += 1
            if text.strip():
                yield _line(text, number, response_type)
    if partial:
        yield _line(b"".join(partial), number + 1, response_type)


def _split_lines(chunks: Iterable[bytes]) -> Iterator[bytes]:
    partial: list[bytes] = []
    for chunk in chunks:
        yield from _complete_lines(chunk, partial)
    if partial:
        yield b"".join(partial)


def _complete_lines(chunk: bytes, partial: list[bytes]) -> Iterator[bytes]:
    """The lines `chunk` completes; what it leaves unfinished stays in `partial`."""
    start = 0
    while (end := chunk.find(b"\n", start)) != -1:
        partial.append(chunk[start:end])
        yield b"".join(partial)
        partial.clear()
        start = end + 1
    if start < len(chunk):
        partial.append(chunk[start:])


def _line(
    text: bytes, number: int, response_type: Any
) -> BatchResult[Any] | BatchFailure:
    try:
        line = as_mapping(json.loads(text))
    except ValueError as exc:
        line = None
        reason = f"not JSON: {exc}"
    else:
        reason = "not a JSON object"
    if line is None:
        return BatchFailure(
            None, f"line {number} is {reason}", None, None, None, number
        )
    custom_id = line.get("custom_id")
    custom_id = None if custom_id is None else str(custom_id)
    response = as_mapping(line.get("response"))
    status = response.get("status_code") if response is not None else None
    status_code = status if isinstance(status, int) else None
    body = response.get("body") if response is not None else None
    error = line.get("error")
    if error is not None or response is None:
        code, message = _code_and_message(error)
        return BatchFailure(
            custom_id, message or "no response", code, status_code, error, number
        )
    if status_code is None or not 200 <= status_code < 300:
        error_body = as_mapping(body)
        code, message = _code_and_message(
            error_body.get("error") if error_body is not None else None
        )
        return BatchFailure(
            custom_id,
            message or f"status {status_code}",
            code,
            status_code,
            body,
            number,
        )
    request_id = response.get("request_id")
    parsed = (
        dict(as_mapping(body) or {})
        if response_type is None
        else construct(response_type, body)
    )
    return BatchResult(
        custom_id or "",
        status_code,
        parsed,
        str(request_id) if request_id else None,
        number,
    )


def _code_and_message(error: object) -> tuple[str | None, str | None]:
    """`code` (or `type`) and `message` of an error object, if it is one."""
    fields = as_mapping(error)
    if fields is None:
        return None, None if error is None else str(error)
    code = fields.get("code", fields.get("type"))
    message = fields.get("message")
    return (
        None if code is None else str(code),
        None if message is None else str(message),
    )
