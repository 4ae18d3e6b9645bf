"""An in-memory stand-in for the API, to test code that uses this package without a
network (`testing.py` binds it to the package's clients).

Each operation answers with its example from the spec. Where the package has a batch
API, files and batches are kept: an upload stores the file, a batch moves one status
further at each retrieve (to `completed`, or from `cancelling` to `cancelled`), and on
completion its output file holds one answer per request line of its input file."""

from __future__ import annotations

import email.parser
import itertools
import json
import re
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import httpx

from ._types import as_mapping

__all__: list[str] = []

NEXT_STATUS = {
    "validating": "in_progress",
    "in_queue": "in_progress",
    "in_progress": "finalizing",
    "finalizing": "completed",
    "cancelling": "cancelled",
}
"""How a batch moves at each retrieve."""

RESULT_PREFIX = "/_fake/files/"
"""Where result files are served when the API has no download of its own: their ids are
URLs, as such providers give."""


@dataclass(frozen=True)
class Route:
    """One operation: how to recognise its request, and what it answers."""

    method: str
    path: str
    """The path template, `/v1/batches/{batch_id}`."""
    status: int
    example: str | None
    """The success body as JSON text; None for a body of bytes or none."""
    role: str = ""
    """Its part in the batch lifecycle (`upload`, `batch`, ...), or "" for an example."""
    envelope: str | None = None
    """The example's field that holds the result, when the API wraps it."""


@dataclass
class StoredFile:
    record: dict[str, Any]
    content: bytes


@dataclass
class _State:
    files: dict[str, StoredFile] = field(default_factory=dict[str, StoredFile])
    batches: dict[str, dict[str, Any]] = field(
        default_factory=dict[str, dict[str, Any]]
    )


class FakeAPI(httpx.MockTransport):
    """An httpx transport answering as the API would, from memory; `requests` holds
    every request it was sent."""

    def __init__(self, routes: Sequence[Route]) -> None:
        super().__init__(self._handle)
        self.routes = tuple(routes)
        self.requests: list[httpx.Request] = []
        self.state = _State()
        self._ids = itertools.count(1)
        self._patterns = [(route, _pattern(route.path)) for route in self.routes]
        self._has_download = any(route.role == "download" for route in self.routes)

    @property
    def files(self) -> dict[str, StoredFile]:
        return self.state.files

    @property
    def batches(self) -> dict[str, dict[str, Any]]:
        return self.state.batches

    def _handle(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        path = request.url.path
        if path.startswith(RESULT_PREFIX):
            return self._content(path[len(RESULT_PREFIX) :])
        for route, pattern in self._patterns:
            found = pattern.search(path)
            if found and request.method.lower() == route.method:
                return self._answer(route, request, list(found.groups()))
        return _error(404, f"no operation {request.method} {path}")

    def _answer(
        self, route: Route, request: httpx.Request, ids: list[str]
    ) -> httpx.Response:
        example = json.loads(route.example) if route.example is not None else None
        handler = getattr(self, f"_{route.role}", None) if route.role else None
        if handler is None:
            if example is None:
                return httpx.Response(route.status, content=b"")
            return httpx.Response(route.status, json=example)
        result: httpx.Response | object = handler(request, ids, _held(example, route))
        if isinstance(result, httpx.Response):
            return result
        return httpx.Response(route.status, json=_wrapped(example, route, result))

    # -- files -----------------------------------------------------------------------

    def _upload(self, request: httpx.Request, ids: list[str], example: Any) -> object:
        parts = _form_parts(request)
        filename, content = parts.get("file", ("upload", b""))
        file_id = f"file-{next(self._ids)}"
        record = dict(as_mapping(example) or {})
        values: dict[str, object] = {
            "id": file_id,
            "object": "file",
            "bytes": len(content),
            "filename": filename,
            "purpose": parts.get("purpose", ("", b""))[1].decode(),
            "created_at": int(time.time()),
            "createdAt": int(time.time()),
        }
        record.update({k: v for k, v in values.items() if k in record or k == "id"})
        self.files[file_id] = StoredFile(record, content)
        return record

    def _file(self, request: httpx.Request, ids: list[str], example: Any) -> object:
        stored = self.files.get(ids[0])
        return _error(404, f"no file {ids[0]}") if stored is None else stored.record

    def _files(self, request: httpx.Request, ids: list[str], example: Any) -> object:
        records = [stored.record for stored in reversed(self.files.values())]
        return _listed(example, records)

    def _content(self, file_id: str) -> httpx.Response:
        stored = self.files.get(file_id)
        if stored is None:
            return _error(404, f"no file {file_id}")
        return httpx.Response(200, content=stored.content)

    def _download(
        self, request: httpx.Request, ids: list[str], example: Any
    ) -> httpx.Response:
        return self._content(ids[0])

    # -- batches ---------------------------------------------------------------------

    def _create(self, request: httpx.Request, ids: list[str], example: Any) -> object:
        asked = as_mapping(json.loads(request.content or b"{}")) or {}
        input_file = self.files.get(str(asked.get("input_file_id")))
        if input_file is None:
            return _error(400, f"no input file {asked.get('input_file_id')}")
        batch = dict(as_mapping(example) or {})
        lines = [line for line in input_file.content.splitlines() if line.strip()]
        status = batch.get("status")
        batch.update(
            {
                **{k: v for k, v in asked.items() if k in batch or k == "metadata"},
                "id": f"batch_{next(self._ids)}",
                "status": (
                    status if status in ("validating", "in_queue") else "validating"
                ),
                "created_at": int(time.time()),
                "output_file_id": None,
                "error_file_id": None,
                "request_counts": {"total": len(lines), "completed": 0, "failed": 0},
            }
        )
        self.batches[str(batch["id"])] = batch
        return batch

    def _batch(self, request: httpx.Request, ids: list[str], example: Any) -> object:
        batch = self.batches.get(ids[0])
        if batch is None:
            return _error(404, f"no batch {ids[0]}")
        following = NEXT_STATUS.get(str(batch.get("status")))
        if following is not None:
            batch["status"] = following
            if following == "completed":
                self._complete(batch)
        return batch

    def _batches(self, request: httpx.Request, ids: list[str], example: Any) -> object:
        return _listed(example, list(reversed(self.batches.values())))

    def _cancel(self, request: httpx.Request, ids: list[str], example: Any) -> object:
        batch = self.batches.get(ids[0])
        if batch is None:
            return _error(404, f"no batch {ids[0]}")
        if batch.get("status") in ("completed", "failed", "expired", "cancelled"):
            return _error(400, f"batch {ids[0]} is {batch['status']}")
        batch["status"] = "cancelling"
        return batch

    def _complete(self, batch: dict[str, Any]) -> None:
        stored = self.files[str(batch["input_file_id"])]
        answers: list[dict[str, object]] = []
        for number, raw in enumerate(stored.content.splitlines(), 1):
            line = as_mapping(json.loads(raw)) if raw.strip() else None
            if line is None:
                continue
            answers.append(
                {
                    "id": f"batch_req_{number}",
                    "custom_id": line.get("custom_id"),
                    "response": {
                        "status_code": 200,
                        "request_id": f"req_{number}",
                        "body": self._example_for(str(line.get("url"))),
                    },
                    "error": None,
                }
            )
        file_id = f"file-{next(self._ids)}"
        content = b"".join(json.dumps(a).encode() + b"\n" for a in answers)
        record = {"id": file_id, "object": "file", "bytes": len(content)}
        self.files[file_id] = StoredFile(record, content)
        batch["output_file_id"] = (
            file_id
            if self._has_download
            else f"https://fake.invalid{RESULT_PREFIX}{file_id}"
        )
        batch["request_counts"] = {
            "total": len(answers),
            "completed": len(answers),
            "failed": 0,
        }

    def _example_for(self, url: str) -> object:
        """The answer to a request line: the example of the operation at its URL."""
        for route, pattern in self._patterns:
            if route.method == "post" and pattern.search(url) and route.example:
                return json.loads(route.example)
        return {}


def _pattern(template: str) -> re.Pattern[str]:
    """The path's end, `{...}` matching one segment: a base URL may add to its start."""
    first, *rest = re.split(r"\{[^}]*\}", template)
    literal = [re.escape(first.lstrip("/")), *map(re.escape, rest)]
    return re.compile("(?:^|/)" + "([^/]+)".join(literal) + "$")


def _held(example: Any, route: Route) -> Any:
    if route.envelope is None:
        return example
    envelope = as_mapping(example)
    return envelope.get(route.envelope) if envelope is not None else None


def _wrapped(example: Any, route: Route, result: object) -> object:
    if route.envelope is None:
        return result
    return {**(as_mapping(example) or {}), route.envelope: result}


def _listed(example: Any, items: list[dict[str, Any]]) -> object:
    page = dict(as_mapping(example) or {})
    page["data"] = items
    for name, value in (
        ("has_more", False),
        ("first_id", items[0]["id"] if items else None),
        ("last_id", items[-1]["id"] if items else None),
    ):
        if name in page:
            page[name] = value
    return page


def _error(status: int, message: str) -> httpx.Response:
    return httpx.Response(
        status, json={"error": {"message": message, "type": "fake_error"}}
    )


def _form_parts(request: httpx.Request) -> dict[str, tuple[str, bytes]]:
    """The parts of a multipart body: name -> (filename, content)."""
    head = f"Content-Type: {request.headers.get('content-type', '')}\r\n\r\n".encode()
    message = email.parser.BytesParser().parsebytes(head + request.content)
    parts: dict[str, tuple[str, bytes]] = {}
    for part in message.walk():
        name = part.get_param("name", header="content-disposition")
        if name is None or part.is_multipart():
            continue
        payload = part.get_payload(decode=True)
        content = payload if isinstance(payload, bytes) else b""
        parts[str(name)] = (str(part.get_filename() or ""), content)
    return parts
