"""The generated MKA1 client against specs/mka1.yaml, on an httpx.MockTransport.

Response bodies are the examples of the reference pages in /work/shared/providers/mka1/ and
seed 004 (cancel), with the SDK's required `max_concurrency` added to batch objects.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import mka1
import pytest
from client_harness import (
    Op,
    Reply,
    accepts,
    check_request,
    check_result,
    dump,
    error_statuses,
    json_reply,
    raw_reply,
    spec_responses,
    status_error_class,
)
from mka1.models import (
    BatchErrorData,
    BatchListResponse,
    BatchObject,
    BatchObjectErrors,
    BatchRequestCounts,
    FileContentError,
    FileDeleteResponse,
    FileListResponse,
    FileObject,
    GatewayRateLimitError,
)

PROVIDER = "mka1"
BASE_URL = "https://apigw.mka1.com"
API_KEY = "mk-test-0123456789"
CLIENT_USER = "end-user-42"
CALL_USER = "end-user-7"

# ----------------------------------------------------------------------------- bodies

FILE = {  # upload-file / retrieve-file example
    "id": "file-abc123",
    "object": "file",
    "bytes": 125000,
    "created_at": 1704067200,
    "filename": "product-manual.pdf",
    "purpose": "assistants",
    "status": "processed",
}

BATCH_INPUT_FILE = {
    "id": "file_abc123",
    "object": "file",
    "bytes": 2048,
    "created_at": 1704067100,
    "filename": "requests.jsonl",
    "purpose": "batch",
    "expires_at": None,
    "sha256": "5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8",
}

FILE_LIST = {  # list-files example
    "object": "list",
    "data": [FILE],
    "first_id": "file-abc123",
    "last_id": "file-abc123",
    "has_more": False,
}

BATCH_COMPLETED = {  # create-a-batch example, plus the SDK's required max_concurrency
    "id": "batch_aa87e2b1112a455b8deabed784372198",
    "object": "batch",
    "endpoint": "/v1/chat/completions",
    "errors": None,
    "input_file_id": "file_abc123",
    "completion_window": "24h",
    "status": "completed",
    "output_file_id": "file_def456",
    "error_file_id": None,
    "created_at": 1704067200,
    "in_progress_at": 1704067260,
    "expires_at": 1704153600,
    "finalizing_at": 1704070800,
    "completed_at": 1704070860,
    "failed_at": None,
    "expired_at": None,
    "cancelling_at": None,
    "cancelled_at": None,
    "request_counts": {"total": 3, "completed": 3, "failed": 0},
    "max_concurrency": 8,
    "metadata": {"description": "evaluation job"},
}

BATCH_VALIDATING = {
    **BATCH_COMPLETED,
    "status": "validating",
    "output_file_id": None,
    "in_progress_at": None,
    "finalizing_at": None,
    "completed_at": None,
    "request_counts": {"total": 0, "completed": 0, "failed": 0},
}

BATCH_FAILED = {  # the OpenAI-style errors object of the SDK's BatchErrors
    **BATCH_VALIDATING,
    "status": "failed",
    "failed_at": 1704067210,
    "metadata": None,
    "errors": {
        "object": "list",
        "data": [
            {
                "code": "invalid_json_line",
                "message": "Line 2 is not valid JSON",
                "param": None,
                "line": 2,
            }
        ],
    },
}

BATCH_CANCELLING = {  # seed 004
    **BATCH_COMPLETED,
    "status": "cancelling",
    "cancelling_at": 1704070860,
}

OUTPUT_JSONL = (
    json.dumps(
        {
            "id": "batch_req_1",
            "custom_id": "request-1",
            "response": {"status_code": 200, "body": {"object": "chat.completion"}},
            "error": None,
        }
    )
    + "\n"
).encode()

REQUESTS_JSONL = (
    b'{"custom_id": "request-1", "method": "POST", "url": "/v1/chat/completions", '
    b'"body": {"model": "auto", "messages": [{"role": "user", "content": "Hello"}]}}\n'
)


def _check_failed(batch: BatchObject) -> None:
    assert batch.status == "failed"
    assert isinstance(batch.errors, BatchObjectErrors)
    [error] = batch.errors.data
    assert isinstance(error, BatchErrorData)
    assert error.code == "invalid_json_line" and error.line == 2 and error.param is None


def _check_completed(batch: BatchObject) -> None:
    assert batch.status == "completed" and batch.errors is None
    assert isinstance(batch.request_counts, BatchRequestCounts)
    assert batch.request_counts.completed == 3
    assert batch.max_concurrency == 8
    assert batch.metadata == {"description": "evaluation job"}


def _check_batch_page(page: BatchListResponse) -> None:
    completed, failed = page.data
    _check_completed(completed)
    _check_failed(failed)


OPERATIONS = [
    Op(
        "files.create",
        lambda c, **kw: c.files.create(file=REQUESTS_JSONL, purpose="batch", **kw),
        "POST",
        "/api/v1/llm/files",
        BATCH_INPUT_FILE,
        FileObject,
        form={"purpose": "batch"},
        upload=(None, REQUESTS_JSONL),
        check=lambda r: (
            r.purpose == "batch" and r.sha256 is not None and r.expires_at is None
        ),
    ),
    Op(
        "files.list",
        lambda c, **kw: c.files.list(**kw),
        "GET",
        "/api/v1/llm/files",
        FILE_LIST,
        FileListResponse,
        check=lambda r: (
            isinstance(r.data[0], FileObject) and r.data[0].bytes_ == 125000
        ),
    ),
    Op(
        "files.list+filters",
        lambda c, **kw: c.files.list(
            after="file-abc123",
            limit=100,
            order="asc",
            purpose="assistants",
            sha256="5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8",
            **kw,
        ),
        "GET",
        "/api/v1/llm/files",
        FILE_LIST,
        FileListResponse,
        query={
            "after": "file-abc123",
            "limit": "100",
            "order": "asc",
            "purpose": "assistants",
            "sha256": "5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8",
        },
        check=lambda r: r.has_more is False and r.last_id == "file-abc123",
    ),
    Op(
        "files.retrieve",
        lambda c, **kw: c.files.retrieve("file-abc123", **kw),
        "GET",
        "/api/v1/llm/files/file-abc123",
        FILE,
        FileObject,
        check=lambda r: r.filename == "product-manual.pdf" and r.status == "processed",
    ),
    Op(
        "files.delete",
        lambda c, **kw: c.files.delete("file-abc123", **kw),
        "DELETE",
        "/api/v1/llm/files/file-abc123",
        {"id": "file-abc123", "object": "file", "deleted": True},
        FileDeleteResponse,
        check=lambda r: r.deleted is True,
    ),
    Op(
        "files.content",
        lambda c, **kw: c.files.content("file_def456", **kw),
        "GET",
        "/api/v1/llm/files/file_def456/content",
        OUTPUT_JSONL,
        bytes,
    ),
    Op(
        "batches.create",
        # metadata and max_concurrency are optional and not given: they must not be sent at all
        lambda c, **kw: c.batches.create(
            input_file_id="file_abc123",
            endpoint="/v1/chat/completions",
            completion_window="24h",
            **kw,
        ),
        "POST",
        "/api/v1/llm/batches",
        BATCH_VALIDATING,
        BatchObject,
        json={
            "input_file_id": "file_abc123",
            "endpoint": "/v1/chat/completions",
            "completion_window": "24h",
        },
        check=lambda r: r.status == "validating" and r.max_concurrency == 8,
    ),
    Op(
        "batches.create+all",
        lambda c, **kw: c.batches.create(
            input_file_id="file_abc123",
            endpoint="/v1/responses",
            completion_window="24h",
            metadata={"description": "evaluation job"},
            max_concurrency=4,
            **kw,
        ),
        "POST",
        "/api/v1/llm/batches",
        {**BATCH_VALIDATING, "endpoint": "/v1/responses", "max_concurrency": 4},
        BatchObject,
        json={
            "input_file_id": "file_abc123",
            "endpoint": "/v1/responses",
            "completion_window": "24h",
            "metadata": {"description": "evaluation job"},
            "max_concurrency": 4,
        },
        check=lambda r: r.endpoint == "/v1/responses" and r.max_concurrency == 4,
    ),
    Op(
        "batches.create+null-metadata",
        # metadata is nullable: an explicit None is sent as null, unlike an omitted argument
        lambda c, **kw: c.batches.create(
            input_file_id="file_abc123",
            endpoint="/v1/embeddings",
            completion_window="24h",
            metadata=None,
            **kw,
        ),
        "POST",
        "/api/v1/llm/batches",
        {**BATCH_VALIDATING, "endpoint": "/v1/embeddings", "metadata": None},
        BatchObject,
        json={
            "input_file_id": "file_abc123",
            "endpoint": "/v1/embeddings",
            "completion_window": "24h",
            "metadata": None,
        },
        check=lambda r: r.metadata is None,
    ),
    Op(
        "batches.list",
        lambda c, **kw: c.batches.list(**kw),
        "GET",
        "/api/v1/llm/batches",
        {
            "object": "list",
            "data": [BATCH_COMPLETED, BATCH_FAILED],
            "first_id": BATCH_COMPLETED["id"],
            "last_id": BATCH_COMPLETED["id"],
            "has_more": False,
        },
        BatchListResponse,
        check=_check_batch_page,
    ),
    Op(
        "batches.list+page",
        lambda c, **kw: c.batches.list(
            after="batch_aa87e2b1112a455b8deabed784372198", limit=20, **kw
        ),
        "GET",
        "/api/v1/llm/batches",
        {"object": "list", "data": [], "has_more": False},
        BatchListResponse,
        query={"after": "batch_aa87e2b1112a455b8deabed784372198", "limit": "20"},
        check=lambda r: r.data == [] and r.first_id is None,
    ),
    Op(
        "batches.retrieve",
        lambda c, **kw: c.batches.retrieve(
            "batch_aa87e2b1112a455b8deabed784372198", **kw
        ),
        "GET",
        "/api/v1/llm/batches/batch_aa87e2b1112a455b8deabed784372198",
        BATCH_COMPLETED,
        BatchObject,
        check=_check_completed,
    ),
    Op(
        "batches.retrieve+failed",
        lambda c, **kw: c.batches.retrieve(
            "batch_aa87e2b1112a455b8deabed784372198", **kw
        ),
        "GET",
        "/api/v1/llm/batches/batch_aa87e2b1112a455b8deabed784372198",
        BATCH_FAILED,
        BatchObject,
        check=_check_failed,
    ),
    Op(
        "batches.cancel",
        lambda c, **kw: c.batches.cancel(
            "batch_aa87e2b1112a455b8deabed784372198", **kw
        ),
        "POST",
        "/api/v1/llm/batches/batch_aa87e2b1112a455b8deabed784372198/cancel",
        BATCH_CANCELLING,
        BatchObject,
        check=lambda r: r.status == "cancelling" and r.cancelling_at == 1704070860,
    ),
]

SPEC_PATHS = {
    "files.create": "/api/v1/llm/files",
    "files.list": "/api/v1/llm/files",
    "files.retrieve": "/api/v1/llm/files/{file_id}",
    "files.delete": "/api/v1/llm/files/{file_id}",
    "files.content": "/api/v1/llm/files/{file_id}/content",
    "batches.create": "/api/v1/llm/batches",
    "batches.list": "/api/v1/llm/batches",
    "batches.retrieve": "/api/v1/llm/batches/{batch_id}",
    "batches.cancel": "/api/v1/llm/batches/{batch_id}/cancel",
}
MAIN_OPERATIONS = [op for op in OPERATIONS if "+" not in op.id]


def test_the_table_covers_every_operation_of_the_spec() -> None:
    table = {(op.method, SPEC_PATHS[op.id]) for op in MAIN_OPERATIONS}
    assert table == set(spec_responses(PROVIDER))


@pytest.mark.parametrize("op", OPERATIONS, ids=lambda op: op.id)
async def test_operation(op: Op, mode: str, make_client) -> None:
    """X-On-Behalf-Of set on the client goes out with every operation."""
    harness = make_client(PROVIDER, mode, op.reply(), on_behalf_of=CLIENT_USER)
    result = await harness.call(op.call)
    check_request(
        harness, op, base_url=BASE_URL, api_key=API_KEY, on_behalf_of=CLIENT_USER
    )
    check_result(result, op)


@pytest.mark.parametrize("op", MAIN_OPERATIONS, ids=lambda op: op.id)
async def test_on_behalf_of_per_call_overrides_the_client(
    op: Op, mode: str, make_client
) -> None:
    harness = make_client(PROVIDER, mode, op.reply(), on_behalf_of=CLIENT_USER)
    result = await harness.call(op.call, on_behalf_of=CALL_USER)
    check_request(
        harness, op, base_url=BASE_URL, api_key=API_KEY, on_behalf_of=CALL_USER
    )
    check_result(result, op)


@pytest.mark.parametrize("op", MAIN_OPERATIONS, ids=lambda op: op.id)
async def test_on_behalf_of_per_call_without_client_default(
    op: Op, mode: str, make_client
) -> None:
    harness = make_client(PROVIDER, mode, op.reply())
    await harness.call(op.call, on_behalf_of=CALL_USER)
    assert harness.request.headers.get_list("x-on-behalf-of") == [CALL_USER]


@pytest.mark.parametrize("op", MAIN_OPERATIONS, ids=lambda op: op.id)
async def test_no_on_behalf_of_header_unless_set(
    op: Op, mode: str, make_client
) -> None:
    harness = make_client(PROVIDER, mode, op.reply())
    await harness.call(op.call)
    assert "x-on-behalf-of" not in harness.request.headers


# ----------------------------------------------------------------------------- errors
# ----------------------------------------------------------------------------- errors


@dataclass(frozen=True)
class ErrorCase:
    """An error response on the wire and what the raised error must carry."""

    kind: (
        str  # "gateway" (429), "typed" (getFileContent's schema) or "untyped" (4XX/5XX)
    )
    status: int
    wire: Any  # a JSON value, or text when content_type is not JSON
    message: str  # must appear in the error's message
    body_is_right: Callable[[Any], bool]
    content_type: str = "application/json"

    def reply(self) -> Reply:
        if self.content_type == "application/json":
            return json_reply(self.wire, status=self.status)
        return raw_reply(self.wire, status=self.status, content_type=self.content_type)


def _untyped_json(status: int, body: dict[str, Any], message: str) -> ErrorCase:
    """No schema: the body is the decoded JSON, not a model."""
    return ErrorCase(
        "untyped",
        status,
        body,
        message,
        lambda parsed: parsed == body and not hasattr(parsed, "model_dump"),
    )


def _untyped_text(status: int, text: str, content_type: str) -> ErrorCase:
    """No schema and no JSON: the body is the text."""
    return ErrorCase(
        "untyped", status, text, text, lambda parsed: parsed == text, content_type
    )


def _typed(status: int, message: str, error_type: str) -> ErrorCase:
    """getFileContent's {"error": {"message", "type", "code": integer}}."""
    return ErrorCase(
        "typed",
        status,
        {"error": {"message": message, "type": error_type, "code": status}},
        message,
        lambda body: (
            isinstance(body, FileContentError)
            and body.error is not None
            and (body.error.message, body.error.type, body.error.code)
            == (message, error_type, status)
        ),
    )


GATEWAY_429 = ErrorCase(  # rate-limiting page: `error` is a plain string
    "gateway",
    429,
    {"error": "Rate limit exceeded"},
    "Rate limit exceeded",
    lambda body: (
        isinstance(body, GatewayRateLimitError) and body.error == "Rate limit exceeded"
    ),
)

# Representatives of the schema-less 4XX/5XX responses.
UNTYPED = [
    _untyped_json(
        400,
        {
            "error": {
                "message": "Vector store search is unavailable",
                "type": "feature_unavailable",
            }
        },
        "Vector store search is unavailable",
    ),
    _untyped_json(401, {"message": "Unauthorized"}, "Unauthorized"),
    _untyped_text(403, "Forbidden", "text/plain; charset=utf-8"),
    _untyped_json(
        404, {"error": {"message": "No such file: file-abc123"}}, "No such file"
    ),
    _untyped_json(
        409,
        {"error": {"message": "File was added to a vector store during deletion"}},
        "File was added to a vector store during deletion",
    ),
    _untyped_json(
        500, {"message": "An unexpected error occurred"}, "An unexpected error"
    ),
    _untyped_text(
        502,
        "<html><head><title>502 Bad Gateway</title></head><body>Bad Gateway</body></html>",
        "text/html",
    ),
    _untyped_json(
        503,
        {"message": "failure to get a peer from the ring-balancer"},
        "failure to get a peer from the ring-balancer",
    ),
]

# getFileContent's typed errors, with the spec's response descriptions as messages.
TYPED = {
    400: _typed(400, "Invalid request - File ID is required", "invalid_request_error"),
    401: _typed(
        401, "Unauthorized - Invalid or missing authentication", "authentication_error"
    ),
    404: _typed(404, "File not found", "not_found_error"),
    500: _typed(500, "Internal server error", "server_error"),
}


def _error_cases() -> list[Any]:
    """Every documented error response of every operation, from the spec."""
    cases = []
    for op in MAIN_OPERATIONS:
        documented = error_statuses(PROVIDER)[op.method, SPEC_PATHS[op.id]]
        exact = {int(s) for s in documented if s.isdigit()}
        for key in documented:
            if key == "429":
                chosen = [GATEWAY_429]
            elif key.isdigit():
                chosen = [TYPED[int(key)]]
            else:  # "4XX" / "5XX": each representative not documented on its own
                chosen = [
                    case
                    for case in UNTYPED
                    if str(case.status)[0] == key[0] and case.status not in exact
                ]
            for case in chosen:
                cases.append(pytest.param(op, case, id=f"{op.id}-{key}-{case.status}"))
    return cases


ERROR_CASES = _error_cases()


def test_error_table_shape() -> None:
    """429, 4XX and 5XX on every operation; typed 400/401/404/500 only on getFileContent."""
    kinds = {(op.id, case.kind) for op, case in (p.values for p in ERROR_CASES)}
    for op in MAIN_OPERATIONS:
        assert (op.id, "gateway") in kinds and (op.id, "untyped") in kinds
        assert ((op.id, "typed") in kinds) == (op.id == "files.content")
    typed = sorted(
        case.status
        for _, case in (p.values for p in ERROR_CASES)
        if case.kind == "typed"
    )
    assert typed == sorted(TYPED)


@pytest.mark.parametrize(("op", "case"), ERROR_CASES)
async def test_documented_error(
    op: Op, case: ErrorCase, mode: str, make_client
) -> None:
    harness = make_client(PROVIDER, mode, case.reply(), max_retries=0)

    with pytest.raises(status_error_class(mka1, case.status)) as caught:
        await harness.call(op.call)

    error = caught.value
    assert isinstance(error, mka1.APIStatusError)
    assert error.status_code == case.status
    assert case.body_is_right(error.body), f"body {error.body!r}"
    assert case.message in str(error)
    assert len(harness.recorder.requests) == 1


# ----------------------------------------------------------------------------- content download


async def test_file_content_accepts_the_documented_media_types(
    mode: str, make_client
) -> None:
    """The 200 of getFileContent is binary (octet-stream, jsonl, x-ndjson, text/plain): the
    Accept header must admit them, not only application/json."""
    harness = make_client(
        PROVIDER, mode, raw_reply(OUTPUT_JSONL, content_type="application/jsonl")
    )
    content = await harness.call(lambda c: c.files.content("file_def456"))
    assert content == OUTPUT_JSONL
    accept = harness.request.headers["accept"]
    for media_type in (
        "application/octet-stream",
        "application/jsonl",
        "application/x-ndjson",
        "text/plain",
    ):
        assert accepts(accept, media_type), f"Accept: {accept} refuses {media_type}"
    # A stored file of a type the spec does not list (an image, a PDF) is accepted last.
    assert accept.endswith(", */*;q=0.1")
    assert accepts(accept, "application/pdf")


async def test_file_content_is_binary_safe(mode: str, make_client) -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe"
    harness = make_client(PROVIDER, mode, raw_reply(png, content_type="image/png"))
    assert await harness.call(lambda c: c.files.content("file-img")) == png


# ----------------------------------------------------------------------------- unknown data


async def test_unknown_fields_and_enum_values_are_kept(mode: str, make_client) -> None:
    body = {
        **BATCH_COMPLETED,
        "status": "paused",  # not one of the 8 documented statuses
        "priority": "low",
        "request_counts": {"total": 3, "completed": 3, "failed": 0, "retried": 1},
    }
    harness = make_client(PROVIDER, mode, json_reply(body))
    batch = await harness.call(lambda c: c.batches.retrieve(BATCH_COMPLETED["id"]))
    assert batch.status == "paused"
    assert batch.model_extra == {"priority": "low"}
    assert batch.priority == "low"
    assert batch.request_counts.retried == 1
    assert dump(batch) == body


async def test_unknown_file_purpose_and_status_are_kept(mode: str, make_client) -> None:
    body = {
        **FILE,
        "purpose": "realtime_audio",
        "status": "archived",
        "vector_store_ids": ["vs_1"],
    }
    harness = make_client(
        PROVIDER, mode, json_reply({**FILE_LIST, "data": [body], "next_page": None})
    )
    page = await harness.call(lambda c: c.files.list())
    [file] = page.data
    assert file.purpose == "realtime_audio" and file.status == "archived"
    assert file.vector_store_ids == ["vs_1"]
    assert page.body.model_extra == {"next_page": None}


async def test_a_required_field_the_server_left_out_is_named_when_read(
    mode: str, make_client
) -> None:
    """MKA1's SDK requires max_concurrency; a server that leaves it out still gives a
    batch (lenient parsing), and reading the field says what is missing."""
    sent = {k: v for k, v in BATCH_COMPLETED.items() if k != "max_concurrency"}
    harness = make_client(PROVIDER, mode, json_reply(sent))
    batch = await harness.call(lambda c: c.batches.retrieve(sent["id"]))
    assert batch.status == "completed"
    with pytest.raises(mka1.MissingFieldError) as raised:
        _ = batch.max_concurrency
    assert isinstance(raised.value, AttributeError)
    assert str(raised.value).startswith(
        "BatchObject.max_concurrency: the API's response"
    )
    assert getattr(batch, "max_concurrency", None) is None
    with pytest.raises(AttributeError) as unknown:
        _ = batch.no_such_field
    assert not isinstance(unknown.value, mka1.MissingFieldError)


async def test_models_give_back_what_the_server_sent(mode: str, make_client) -> None:
    harness = make_client(PROVIDER, mode, json_reply(BATCH_COMPLETED))
    batch = await harness.call(lambda c: c.batches.retrieve(BATCH_COMPLETED["id"]))
    assert batch.to_dict() == BATCH_COMPLETED
    assert json.loads(batch.to_json()) == BATCH_COMPLETED
    assert "\n" not in batch.to_json(indent=None)


async def test_a_parsed_model_knows_its_request_id(mode: str, make_client) -> None:
    harness = make_client(
        PROVIDER, mode, json_reply(BATCH_COMPLETED, headers={"x-request-id": "req_42"})
    )
    batch = await harness.call(lambda c: c.batches.retrieve(BATCH_COMPLETED["id"]))
    assert batch._request_id == "req_42"
    assert "_request_id" not in batch.to_dict()
