"""A small stateful fake of each provider's Files + Batch API, served on 127.0.0.1.

One `FakeProvider` per flavour (`FakeMoonshot`, `FakeSiliconFlow`, `FakeMKA1`) speaks that
provider's wire format as recorded in specs/*.yaml:

- Moonshot: server root + `/v1/files`, `/v1/batches`...; bare objects; errors are
  `ErrorResponse` `{"error": {"message", "type", "code": str}}`; batch list has `has_more`
  only (no first_id/last_id); completion_window "12h".."7d".
- SiliconFlow: the client's base URL ends in `/v1` and the paths are `/files`, `/batches`...;
  file responses are wrapped in `{code, message, status, data}` (upload: `createdAt`; list:
  doubly nested `data.data` with `created_at` and `line_count`); batches are NOT wrapped,
  start `in_queue`, list items add `file_name`; errors: `{code, message, data}` for 400,
  bare JSON strings for 401/403/404; completion_window "24h".."336h".  SiliconFlow documents
  no file retrieve/delete/content endpoint, so this fake has none (404 "404 page not
  found").  Its batch guide only says "the URL of the batch result file is valid for one
  month" without naming the field that carries it; the fake puts that URL (a
  storage-style path on this server, no API key needed) in `output_file_id`, the only
  result handle the batch object has.  That is an assumption, see the workflow tests.
- MKA1: gateway root + `/api/v1/llm/...`; bare objects; `File` with `sha256`/`expires_at`;
  `BatchObject` with `max_concurrency`, `expired_at`, OpenAI-style `errors`; lists with
  `has_more` + `first_id`/`last_id`; completion_window const "24h"; errors
  `{"error": {"message", "type", "code": int}}`.  When `on_behalf_of` is set, every request
  must carry that `X-On-Behalf-Of` value (403 otherwise).

Every flavour checks the bearer token, stores multipart uploads, validates a batch's input
file (JSONL, custom_id, url == endpoint), advances a batch one status per retrieve
(initial -> in_progress -> finalizing -> completed; cancelling -> cancelled), writes the
output file on completion (one result line per input line) and serves file content with
chunked transfer encoding.  Each request is recorded in `requests` for the tests.
"""

from __future__ import annotations

import email.parser
import email.policy
import hashlib
import json
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, ClassVar, Self
from urllib.parse import parse_qs, urlsplit

JSON = dict[str, Any]

CLOCK_START = 1_760_000_000
CONTENT_CHUNK_SIZE = 64  # small on purpose: a result line spans several chunks
GATE_TIMEOUT = 2.0  # seconds the content gate waits for the client (see `gate_content`)


class HTTPError(Exception):
    """Raised by a route: becomes a response with the flavour's error body."""

    def __init__(self, status: int, message: str, kind: str = "") -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.kind = kind


@dataclass
class RecordedRequest:
    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]  # lower-case names

    def param(self, name: str) -> str | None:
        values = self.query.get(name)
        return values[0] if values else None


@dataclass
class StoredFile:
    id: str
    filename: str
    purpose: str
    content: bytes
    created_at: int


@dataclass
class StoredBatch:
    id: str
    input_file_id: str
    endpoint: str
    completion_window: str
    status: str
    created_at: int
    metadata: dict[str, str] | None
    extra: JSON = field(default_factory=dict)
    output_file_id: str | None = None
    error_file_id: str | None = None
    times: dict[str, int | None] = field(default_factory=dict)
    total: int = 0
    completed: int = 0
    failed: int = 0


@dataclass
class ContentServed:
    """How one file-content response was sent."""

    file_id: str
    chunks: int
    size: int
    gate_timed_out: bool | None = None


class FakeProvider:
    """Common state machine and HTTP plumbing; subclasses give the wire format."""

    flavour: ClassVar[str]
    prefix: ClassVar[str]  # path prefix of the API on the server
    base_path: ClassVar[str]  # what the client's base_url adds to the server root
    initial_status: ClassVar[str]
    file_prefix: ClassVar[str] = "file-"
    default_batch_limit: ClassVar[int | None] = 20
    content_type: ClassVar[str] = "application/jsonl"

    def __init__(self, api_key: str) -> None:
        self.api_key = api_key
        self.requests: list[RecordedRequest] = []
        self.files: dict[str, StoredFile] = {}
        self.batches: dict[str, StoredBatch] = {}
        self.content_served: list[ContentServed] = []
        self.stall_batches = False  # batches stay in_progress forever (wait timeout)
        self.gate_content = False  # hold back the body after its first chunk
        self._gate = threading.Event()
        self._lock = threading.RLock()
        self._counter = 0
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # ----------------------------------------------------------------- lifecycle

    def start(self) -> Self:
        fake = self

        class Handler(_Handler):
            provider = fake

        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        server.daemon_threads = True
        server.block_on_close = False
        self._server = server
        self._thread = threading.Thread(
            target=server.serve_forever,
            kwargs={"poll_interval": 0.01},
            name=f"fake-{self.flavour}",
            daemon=True,
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self._gate.set()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    @property
    def root_url(self) -> str:
        assert self._server is not None, "start() the fake first"
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    @property
    def base_url(self) -> str:
        """The base_url to give the provider's client."""
        return self.root_url + self.base_path

    def release_content(self) -> None:
        """Let a gated file-content response send the rest of its body."""
        self._gate.set()

    # ----------------------------------------------------------------- queries for tests

    def requests_to(self, method: str, path: str) -> list[RecordedRequest]:
        """Recorded requests with this method and API path (without the prefix)."""
        with self._lock:
            return [
                r
                for r in self.requests
                if r.method == method and r.path == self.prefix + path
            ]

    # ----------------------------------------------------------------- ids, clock

    def _next(self) -> int:
        with self._lock:
            self._counter += 1
            return self._counter

    def _now(self) -> int:
        return CLOCK_START + self._next()

    # ----------------------------------------------------------------- dispatch

    ROUTES: ClassVar[list[tuple[str, str, str]]] = [
        ("POST", r"/files", "upload_file"),
        ("GET", r"/files", "list_files"),
        ("GET", r"/files/(?P<file_id>[^/]+)", "retrieve_file"),
        ("DELETE", r"/files/(?P<file_id>[^/]+)", "delete_file"),
        ("GET", r"/files/(?P<file_id>[^/]+)/content", "file_content"),
        ("POST", r"/batches", "create_batch"),
        ("GET", r"/batches", "list_batches"),
        ("GET", r"/batches/(?P<batch_id>[^/]+)", "retrieve_batch"),
        ("POST", r"/batches/(?P<batch_id>[^/]+)/cancel", "cancel_batch"),
    ]
    UNSUPPORTED: ClassVar[frozenset[str]] = frozenset()

    def handle(self, handler: _Handler, method: str, target: str, body: bytes) -> None:
        parts = urlsplit(target)
        query = parse_qs(parts.query, keep_blank_values=True)
        record = RecordedRequest(
            method,
            parts.path,
            query,
            {k.lower(): v for k, v in handler.headers.items()},
        )
        with self._lock:
            self.requests.append(record)
        try:
            if self.handle_extra(handler, record):
                return
            if not parts.path.startswith(self.prefix + "/"):
                raise HTTPError(404, "404 page not found", "not_found")
            route_path = parts.path[len(self.prefix) :]
            self.check_auth(record)
            for route_method, pattern, name in self.ROUTES:
                match = re.fullmatch(pattern, route_path)
                if match and route_method == method and name not in self.UNSUPPORTED:
                    getattr(self, "route_" + name)(
                        handler, record, body, **match.groupdict()
                    )
                    return
            raise HTTPError(404, "404 page not found", "not_found")
        except HTTPError as exc:
            status, payload = self.error_body(exc)
            handler.send_json(status, payload)

    def handle_extra(self, handler: _Handler, record: RecordedRequest) -> bool:
        """Requests outside the API (SiliconFlow's result URL); True when handled."""
        return False

    def check_auth(self, record: RecordedRequest) -> None:
        if record.headers.get("authorization") != f"Bearer {self.api_key}":
            raise HTTPError(401, "Invalid Authentication", "invalid_authentication")

    # ----------------------------------------------------------------- files

    def route_upload_file(
        self, handler: _Handler, record: RecordedRequest, body: bytes
    ) -> None:
        fields, uploads = parse_multipart(record.headers.get("content-type", ""), body)
        purpose = fields.get("purpose")
        if not purpose:
            raise HTTPError(400, "purpose is required", "invalid_request")
        if purpose not in self.purposes():
            raise HTTPError(400, f"unsupported purpose {purpose!r}", "invalid_request")
        if "file" not in uploads:
            raise HTTPError(400, "file is required", "invalid_request")
        filename, content = uploads["file"]
        if not filename.strip():
            raise HTTPError(400, "file needs a filename", "invalid_request")
        stored = self.store_file(filename, purpose, content)
        handler.send_json(200, self.upload_body(stored))

    def store_file(self, filename: str, purpose: str, content: bytes) -> StoredFile:
        number = self._next()
        stored = StoredFile(
            f"{self.file_prefix}{number:04d}",
            filename,
            purpose,
            content,
            CLOCK_START + number,
        )
        with self._lock:
            self.files[stored.id] = stored
        return stored

    def get_file(self, file_id: str) -> StoredFile:
        with self._lock:
            stored = self.files.get(file_id)
        if stored is None:
            raise HTTPError(404, f"file {file_id} not found", "not_found")
        return stored

    def route_list_files(
        self, handler: _Handler, record: RecordedRequest, body: bytes
    ) -> None:
        with self._lock:
            files = list(self.files.values())
        handler.send_json(200, self.file_list_body(files, record))

    def route_retrieve_file(
        self, handler: _Handler, record: RecordedRequest, body: bytes, file_id: str
    ) -> None:
        handler.send_json(200, self.file_body(self.get_file(file_id)))

    def route_delete_file(
        self, handler: _Handler, record: RecordedRequest, body: bytes, file_id: str
    ) -> None:
        stored = self.get_file(file_id)
        with self._lock:
            del self.files[file_id]
        handler.send_json(200, {"id": stored.id, "object": "file", "deleted": True})

    def route_file_content(
        self, handler: _Handler, record: RecordedRequest, body: bytes, file_id: str
    ) -> None:
        stored = self.get_file(file_id)
        self.send_chunked(handler, stored.id, stored.content, self.content_type)

    def send_chunked(
        self, handler: _Handler, file_id: str, content: bytes, content_type: str
    ) -> None:
        """Send `content` with Transfer-Encoding: chunked, CONTENT_CHUNK_SIZE at a time.

        With `gate_content`, only the first chunk goes out until the test calls
        `release_content()` (or GATE_TIMEOUT passes): a client that reads the whole body
        before handing out the first bytes makes `gate_timed_out` true.
        """
        served = ContentServed(file_id, 0, len(content))
        with self._lock:
            self.content_served.append(served)
        handler.send_response(200)
        handler.send_header("Content-Type", content_type)
        handler.send_header("Transfer-Encoding", "chunked")
        handler.end_headers()
        for index, start in enumerate(range(0, len(content), CONTENT_CHUNK_SIZE)):
            chunk = content[start : start + CONTENT_CHUNK_SIZE]
            handler.wfile.write(b"%X\r\n%s\r\n" % (len(chunk), chunk))
            handler.wfile.flush()
            served.chunks += 1
            if index == 0 and self.gate_content:
                served.gate_timed_out = not self._gate.wait(GATE_TIMEOUT)
        handler.wfile.write(b"0\r\n\r\n")
        handler.wfile.flush()

    # ----------------------------------------------------------------- batches

    def route_create_batch(
        self, handler: _Handler, record: RecordedRequest, body: bytes
    ) -> None:
        try:
            request = json.loads(body or b"null")
        except ValueError:
            raise HTTPError(400, "body is not JSON", "invalid_request") from None
        if not isinstance(request, dict):
            raise HTTPError(400, "body must be a JSON object", "invalid_request")
        for name in ("input_file_id", "endpoint", "completion_window"):
            if not isinstance(request.get(name), str):
                raise HTTPError(400, f"{name} is required", "invalid_request")
        endpoint = request["endpoint"]
        if endpoint not in self.endpoints():
            raise HTTPError(400, f"unsupported endpoint {endpoint}", "invalid_request")
        window = request["completion_window"]
        if not self.valid_window(window):
            raise HTTPError(
                400, f"invalid completion_window {window!r}", "invalid_request"
            )
        stored = self.get_input_file(request["input_file_id"])
        lines = self.check_input_lines(stored, endpoint)
        number = self._next()
        batch = StoredBatch(
            id=f"batch_{self.flavour}_{number:04d}",
            input_file_id=stored.id,
            endpoint=endpoint,
            completion_window=window,
            status=self.initial_status,
            created_at=CLOCK_START + number,
            metadata=request.get("metadata"),
            extra={
                k: v
                for k, v in request.items()
                if k
                not in ("input_file_id", "endpoint", "completion_window", "metadata")
            },
            total=len(lines),
        )
        batch.times["expires_at"] = batch.created_at + 86_400
        with self._lock:
            self.batches[batch.id] = batch
        handler.send_json(200, self.batch_body(batch, created=True))

    def get_input_file(self, file_id: str) -> StoredFile:
        with self._lock:
            stored = self.files.get(file_id)
        if stored is None:
            raise HTTPError(400, f"input file {file_id} not found", "invalid_request")
        if stored.purpose != "batch":
            raise HTTPError(400, "input file purpose must be batch", "invalid_request")
        return stored

    def check_input_lines(self, stored: StoredFile, endpoint: str) -> list[JSON]:
        lines: list[JSON] = []
        seen: set[str] = set()
        for number, raw in enumerate(stored.content.decode().splitlines(), 1):
            if not raw.strip():
                continue
            try:
                line = json.loads(raw)
            except ValueError:
                raise HTTPError(
                    400, f"line {number} is not JSON", "invalid_request"
                ) from None
            custom_id = line.get("custom_id")
            if not isinstance(custom_id, str) or custom_id in seen:
                raise HTTPError(
                    400, f"line {number}: missing or repeated custom_id", "invalid"
                )
            if line.get("url") != endpoint or line.get("method") != "POST":
                raise HTTPError(
                    400, f"line {number}: url must be POST {endpoint}", "invalid"
                )
            seen.add(custom_id)
            lines.append(line)
        if not lines:
            raise HTTPError(400, "input file is empty", "invalid_request")
        return lines

    def get_batch(self, batch_id: str) -> StoredBatch:
        with self._lock:
            batch = self.batches.get(batch_id)
        if batch is None:
            raise HTTPError(404, f"batch {batch_id} not found", "not_found")
        return batch

    def route_retrieve_batch(
        self, handler: _Handler, record: RecordedRequest, body: bytes, batch_id: str
    ) -> None:
        batch = self.get_batch(batch_id)
        with self._lock:
            self.advance(batch)
        handler.send_json(200, self.batch_body(batch))

    NEXT_STATUS: ClassVar[dict[str, str]] = {
        "validating": "in_progress",
        "in_queue": "in_progress",
        "in_progress": "finalizing",
        "finalizing": "completed",
        "cancelling": "cancelled",
    }

    def advance(self, batch: StoredBatch) -> None:
        """One step of the batch's life, taken on each retrieve."""
        if self.stall_batches and batch.status != "cancelling":
            if batch.status == self.initial_status:
                batch.status = "in_progress"
                batch.times["in_progress_at"] = self._now()
            return
        new = self.NEXT_STATUS.get(batch.status)
        if new is None:
            return
        batch.status = new
        batch.times[f"{new}_at"] = self._now()
        if new == "completed":
            self.complete(batch)

    FAILING = "fail-"
    """A request line whose custom_id starts so fails: a 404 line in the error file."""

    def complete(self, batch: StoredBatch) -> None:
        stored = self.files[batch.input_file_id]
        results, failures = [], []
        for index, raw in enumerate(stored.content.decode().splitlines(), 1):
            if not raw.strip():
                continue
            line = json.loads(raw)
            if str(line.get("custom_id", "")).startswith(self.FAILING):
                failures.append(self.failed_line(batch, index, line))
            else:
                results.append(self.result_line(batch, index, line))
        content = "".join(json.dumps(r) + "\n" for r in results).encode()
        output = self.store_file(
            f"{batch.id}_output.jsonl", self.output_purpose(), content
        )
        batch.output_file_id = self.output_handle(output)
        if failures:
            errors = "".join(json.dumps(r) + "\n" for r in failures).encode()
            batch.error_file_id = self.output_handle(
                self.store_file(
                    f"{batch.id}_errors.jsonl", self.output_purpose(), errors
                )
            )
        batch.completed, batch.failed = len(results), len(failures)

    def failed_line(self, batch: StoredBatch, index: int, line: JSON) -> JSON:
        return {
            "id": f"batch_req_{batch.id}_{index}",
            "custom_id": line["custom_id"],
            "response": {
                "status_code": 404,
                "request_id": f"req_{index:04d}",
                "body": {
                    "error": {
                        "message": "the model does not exist",
                        "type": "invalid_request_error",
                        "code": "model_not_found",
                    }
                },
            },
            "error": None,
        }

    def result_line(self, batch: StoredBatch, index: int, line: JSON) -> JSON:
        body = line.get("body") or {}
        model = (batch.extra.get("replace") or {}).get("model") or body.get("model")
        messages = body.get("messages") or [{"content": ""}]
        question = messages[-1].get("content", "")
        return {
            "id": f"batch_req_{batch.id}_{index}",
            "custom_id": line["custom_id"],
            "response": {
                "status_code": 200,
                "request_id": f"req_{index:04d}",
                "body": {
                    "id": f"chatcmpl-{batch.id}-{index}",
                    "object": "chat.completion",
                    "created": batch.created_at,
                    "model": model,
                    "choices": [
                        {
                            "index": 0,
                            "message": {
                                "role": "assistant",
                                "content": f"answer to: {question}",
                            },
                            "finish_reason": "stop",
                        }
                    ],
                    "usage": {
                        "prompt_tokens": 10,
                        "completion_tokens": 5,
                        "total_tokens": 15,
                    },
                },
            },
            "error": None,
        }

    def route_cancel_batch(
        self, handler: _Handler, record: RecordedRequest, body: bytes, batch_id: str
    ) -> None:
        batch = self.get_batch(batch_id)
        with self._lock:
            if batch.status not in (
                self.initial_status,
                "validating",
                "in_progress",
                "finalizing",
            ):
                raise HTTPError(
                    400,
                    f"batch {batch_id} is {batch.status} and cannot be cancelled",
                    "invalid_request",
                )
            batch.status = "cancelling"
            batch.times["cancelling_at"] = self._now()
        handler.send_json(200, self.batch_body(batch))

    def route_list_batches(
        self, handler: _Handler, record: RecordedRequest, body: bytes
    ) -> None:
        with self._lock:
            batches = list(self.batches.values())[::-1]  # newest first
        page, has_more = self.paginate(
            [b.id for b in batches], record, self.default_batch_limit
        )
        items = [self.batch_list_item(self.batches[i]) for i in page]
        handler.send_json(200, self.list_body(items, has_more))

    def paginate(
        self, ids: list[str], record: RecordedRequest, default_limit: int | None
    ) -> tuple[list[str], bool]:
        after = record.param("after")
        limit_text = record.param("limit")
        try:
            limit = int(limit_text) if limit_text is not None else default_limit
        except ValueError:
            raise HTTPError(
                400, "limit must be an integer", "invalid_request"
            ) from None
        if limit is not None and limit < 1:
            raise HTTPError(400, "limit must be at least 1", "invalid_request")
        if after is not None:
            if after not in ids:
                raise HTTPError(400, f"unknown cursor {after}", "invalid_request")
            ids = ids[ids.index(after) + 1 :]
        if limit is None:
            return ids, False
        return ids[:limit], len(ids) > limit

    # ----------------------------------------------------------------- wire format

    def purposes(self) -> frozenset[str]:
        raise NotImplementedError

    def endpoints(self) -> frozenset[str]:
        return frozenset({"/v1/chat/completions"})

    def valid_window(self, window: str) -> bool:
        raise NotImplementedError

    def output_purpose(self) -> str:
        # Not OpenAI's "batch_output": neither Moonshot's nor MKA1's purpose enum has it.
        return "batch"

    def output_handle(self, output: StoredFile) -> str:
        """What goes in the batch's output_file_id."""
        return output.id

    def error_body(self, exc: HTTPError) -> tuple[int, Any]:
        raise NotImplementedError

    def file_body(self, stored: StoredFile) -> JSON:
        raise NotImplementedError

    def upload_body(self, stored: StoredFile) -> Any:
        return self.file_body(stored)

    def file_list_body(self, files: list[StoredFile], record: RecordedRequest) -> Any:
        return {"object": "list", "data": [self.file_body(f) for f in files]}

    def batch_body(self, batch: StoredBatch, created: bool = False) -> JSON:
        raise NotImplementedError

    def batch_list_item(self, batch: StoredBatch) -> JSON:
        return self.batch_body(batch)

    def list_body(self, items: list[JSON], has_more: bool) -> JSON:
        return {
            "object": "list",
            "data": items,
            "first_id": items[0]["id"] if items else None,
            "last_id": items[-1]["id"] if items else None,
            "has_more": has_more,
        }

    def _times(self, batch: StoredBatch, names: tuple[str, ...]) -> JSON:
        return {name: batch.times.get(name) for name in names}


class FakeMoonshot(FakeProvider):
    flavour = "moonshot"
    prefix = "/v1"
    base_path = ""
    initial_status = "validating"
    content_type = "text/plain; charset=utf-8"  # as the spec types the endpoint

    def __init__(self, api_key: str) -> None:
        super().__init__(api_key)
        self.omit_has_more = False  # the spec marks has_more optional

    def purposes(self) -> frozenset[str]:
        return frozenset({"file-extract", "image", "video", "batch"})

    def valid_window(self, window: str) -> bool:
        match = re.fullmatch(r"(\d+)([hd])", window)
        if not match:
            return False
        hours = int(match[1]) * (24 if match[2] == "d" else 1)
        return 12 <= hours <= 7 * 24

    def error_body(self, exc: HTTPError) -> tuple[int, Any]:
        kind = {
            "invalid_authentication": "invalid_authentication_error",
            "not_found": "resource_not_found_error",
        }.get(exc.kind, "invalid_request_error")
        return exc.status, {
            "error": {"message": exc.message, "type": kind, "code": kind}
        }

    def file_body(self, stored: StoredFile) -> JSON:
        return {
            "id": stored.id,
            "object": "file",
            "bytes": len(stored.content),
            "created_at": stored.created_at,
            "filename": stored.filename,
            "purpose": stored.purpose,
            "status": "ready",
            "status_details": "",
        }

    def batch_body(self, batch: StoredBatch, created: bool = False) -> JSON:
        return {
            "id": batch.id,
            "object": "batch",
            "endpoint": batch.endpoint,
            "input_file_id": batch.input_file_id,
            "completion_window": batch.completion_window,
            "status": batch.status,
            "output_file_id": batch.output_file_id,
            "error_file_id": batch.error_file_id,
            "created_at": batch.created_at,
            **self._times(
                batch,
                (
                    "in_progress_at",
                    "expires_at",
                    "finalizing_at",
                    "completed_at",
                    "failed_at",
                    "cancelling_at",
                    "cancelled_at",
                ),
            ),
            "request_counts": {
                "completed": batch.completed,
                "failed": batch.failed,
                "total": batch.total,
            },
            "metadata": batch.metadata,
        }

    def list_body(self, items: list[JSON], has_more: bool) -> JSON:
        if self.omit_has_more:
            return {"object": "list", "data": items}
        return {"object": "list", "data": items, "has_more": has_more}


class FakeSiliconFlow(FakeProvider):
    flavour = "siliconflow"
    prefix = "/v1"
    base_path = "/v1"
    initial_status = "in_queue"
    default_batch_limit = None  # the spec gives `limit` no default
    UNSUPPORTED = frozenset({"retrieve_file", "delete_file", "file_content"})
    RESULTS_PREFIX = "/sf-batch-results/"

    def purposes(self) -> frozenset[str]:
        return frozenset({"batch"})

    def valid_window(self, window: str) -> bool:
        match = re.fullmatch(r"(\d+)h", window)
        return bool(match) and 24 <= int(match[1]) <= 336  # type: ignore[index]

    def output_purpose(self) -> str:
        return "batch_output"  # not an upload: only reachable through its URL

    def output_handle(self, output: StoredFile) -> str:
        # The guide: "the URL of the batch result file is valid for one month".
        token = hashlib.sha256(output.content).hexdigest()[:16]
        return f"{self.root_url}{self.RESULTS_PREFIX}{output.id}.jsonl?token={token}"

    def handle_extra(self, handler: _Handler, record: RecordedRequest) -> bool:
        if record.method != "GET" or not record.path.startswith(self.RESULTS_PREFIX):
            return False
        file_id = record.path[len(self.RESULTS_PREFIX) :].removesuffix(".jsonl")
        stored = self.files.get(file_id)
        token = record.param("token")
        if stored is None or token != hashlib.sha256(stored.content).hexdigest()[:16]:
            handler.send_json(403, "Forbidden")
            return True
        self.send_chunked(handler, stored.id, stored.content, "application/jsonl")
        return True

    def error_body(self, exc: HTTPError) -> tuple[int, Any]:
        if exc.status == 401:
            return 401, "Invalid token"
        if exc.status == 403:
            return 403, "Forbidden"
        if exc.status == 404:
            return 404, "404 page not found"
        return exc.status, {"code": 20015, "message": exc.message, "data": None}

    def upload_body(self, stored: StoredFile) -> Any:
        return {
            "code": 20000,
            "message": "Ok",
            "status": True,
            "data": {
                "id": stored.id,
                "object": "file",
                "bytes": len(stored.content),
                "createdAt": stored.created_at,
                "filename": stored.filename,
                "purpose": stored.purpose,
            },
        }

    def file_list_body(self, files: list[StoredFile], record: RecordedRequest) -> Any:
        purpose = record.param("purpose")
        if purpose is None:
            raise HTTPError(400, "purpose is required", "invalid_request")
        limit = int(record.param("limit") or 10)
        chosen = [f for f in files if f.purpose == purpose][:limit]
        return {
            "code": 20000,
            "message": "Ok",
            "status": True,
            "data": {
                "object": "file",
                "data": [
                    {
                        "id": f.id,
                        "object": "file",
                        "bytes": len(f.content),
                        "created_at": f.created_at,
                        "filename": f.filename,
                        "purpose": f.purpose,
                        "line_count": len(f.content.splitlines()),
                    }
                    for f in chosen
                ],
            },
        }

    def batch_body(self, batch: StoredBatch, created: bool = False) -> JSON:
        return {
            "id": batch.id,
            "object": "batch",
            "endpoint": batch.endpoint,
            "errors": None if created else [],
            "input_file_id": batch.input_file_id,
            "completion_window": batch.completion_window,
            "status": batch.status,
            "output_file_id": batch.output_file_id,
            "error_file_id": batch.error_file_id,
            "created_at": batch.created_at,
            **self._times(
                batch,
                (
                    "in_progress_at",
                    "expires_at",
                    "finalizing_at",
                    "completed_at",
                    "failed_at",
                    "expired_at",
                    "cancelling_at",
                    "cancelled_at",
                ),
            ),
            # null on create (as in the reference example), counts afterwards (guide)
            "request_counts": None
            if created
            else {
                "total": batch.total,
                "completed": batch.completed,
                "failed": batch.failed,
            },
            "metadata": batch.metadata,
        }

    def batch_list_item(self, batch: StoredBatch) -> JSON:
        return {
            **self.batch_body(batch),
            "file_name": self.files[batch.input_file_id].filename,
        }


class FakeMKA1(FakeProvider):
    flavour = "mka1"
    prefix = "/api/v1/llm"
    base_path = ""
    initial_status = "validating"
    file_prefix = "file_"

    def __init__(self, api_key: str, on_behalf_of: str | None = None) -> None:
        super().__init__(api_key)
        self.on_behalf_of = on_behalf_of

    def check_auth(self, record: RecordedRequest) -> None:
        super().check_auth(record)
        if self.on_behalf_of is not None:
            sent = record.headers.get("x-on-behalf-of")
            if sent != self.on_behalf_of:
                raise HTTPError(
                    403,
                    f"X-On-Behalf-Of must be {self.on_behalf_of!r}, got {sent!r}",
                    "permission_denied",
                )

    def purposes(self) -> frozenset[str]:
        return frozenset(
            {"assistants", "batch", "fine-tune", "vision", "user_data", "evals"}
        )

    def endpoints(self) -> frozenset[str]:
        return frozenset(
            {
                "/v1/chat/completions",
                "/v1/responses",
                "/v1/embeddings",
                "/v1/images/generations",
            }
        )

    def valid_window(self, window: str) -> bool:
        return window == "24h"

    def error_body(self, exc: HTTPError) -> tuple[int, Any]:
        return exc.status, {
            "error": {
                "message": exc.message,
                "type": exc.kind or "invalid_request_error",
                "code": exc.status,
            }
        }

    def file_body(self, stored: StoredFile) -> JSON:
        return {
            "id": stored.id,
            "object": "file",
            "bytes": len(stored.content),
            "created_at": stored.created_at,
            "filename": stored.filename,
            "purpose": stored.purpose,
            "expires_at": None,
            "sha256": hashlib.sha256(stored.content).hexdigest(),
        }

    def file_list_body(self, files: list[StoredFile], record: RecordedRequest) -> Any:
        purpose = record.param("purpose")
        chosen = [f for f in files if purpose is None or f.purpose == purpose]
        if (record.param("order") or "desc") == "desc":
            chosen.reverse()
        by_id = {f.id: f for f in chosen}
        page, has_more = self.paginate([f.id for f in chosen], record, 10000)
        return self.list_body([self.file_body(by_id[i]) for i in page], has_more)

    def batch_body(self, batch: StoredBatch, created: bool = False) -> JSON:
        return {
            "id": batch.id,
            "object": "batch",
            "endpoint": batch.endpoint,
            "errors": None,
            "input_file_id": batch.input_file_id,
            "completion_window": batch.completion_window,
            "status": batch.status,
            "output_file_id": batch.output_file_id,
            "error_file_id": batch.error_file_id,
            "created_at": batch.created_at,
            **self._times(
                batch,
                (
                    "in_progress_at",
                    "expires_at",
                    "finalizing_at",
                    "completed_at",
                    "failed_at",
                    "expired_at",
                    "cancelling_at",
                    "cancelled_at",
                ),
            ),
            "request_counts": {
                "total": batch.total,
                "completed": batch.completed,
                "failed": batch.failed,
            },
            "max_concurrency": batch.extra.get("max_concurrency", 8),
            "metadata": batch.metadata,
        }


FAKES: dict[str, type[FakeProvider]] = {
    "moonshot": FakeMoonshot,
    "siliconflow": FakeSiliconFlow,
    "mka1": FakeMKA1,
}


# --------------------------------------------------------------------------- HTTP


class _Handler(BaseHTTPRequestHandler):
    provider: ClassVar[FakeProvider]
    protocol_version = "HTTP/1.1"  # keep-alive and chunked responses
    disable_nagle_algorithm = True  # no 40 ms delayed-ACK stalls between small writes
    timeout = 10  # an idle keep-alive connection does not hold its thread forever

    def log_message(self, format: str, *args: Any) -> None:
        pass  # quiet

    def _read_body(self) -> bytes:
        if self.headers.get("transfer-encoding", "").lower() == "chunked":
            return b"".join(self._read_chunks())
        length = int(self.headers.get("content-length") or 0)
        return self.rfile.read(length) if length else b""

    def _read_chunks(self) -> Iterator[bytes]:
        while True:
            size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
            if size == 0:
                while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                    pass
                return
            yield self.rfile.read(size)
            self.rfile.readline()

    def _dispatch(self) -> None:
        body = self._read_body()
        self.provider.handle(self, self.command, self.path, body)

    do_GET = do_POST = do_DELETE = _dispatch

    def send_json(self, status: int, payload: Any) -> None:
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


def parse_multipart(
    content_type: str, body: bytes
) -> tuple[dict[str, str], dict[str, tuple[str, bytes]]]:
    """Form fields and uploads ({name: (filename, bytes)}) of a multipart/form-data body."""
    if not content_type.startswith("multipart/form-data"):
        raise HTTPError(400, "expected multipart/form-data", "invalid_request")
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
        b"Content-Type: " + content_type.encode() + b"\r\n\r\n" + body
    )
    fields: dict[str, str] = {}
    uploads: dict[str, tuple[str, bytes]] = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        filename = part.get_filename()
        payload = part.get_payload(decode=True) or b""
        if not isinstance(name, str):
            continue
        if filename is not None:
            uploads[name] = (filename, payload)
        else:
            fields[name] = payload.decode()
    return fields, uploads
