"""The generated Moonshot client against specs/moonshot.yaml, on an httpx.MockTransport.

Response bodies follow the provider pages in /work/shared/providers/moonshot/ and the seeds
(ids such as batch_xxx / file-xxx, the live file status "ok", the batch output JSONL line).
"""

from __future__ import annotations

import json

import moonshot
import pytest
from client_harness import (
    Op,
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
from moonshot.models import (
    BalanceResponse,
    BatchListResponse,
    BatchObject,
    ChatCompletionResponse,
    ErrorResponse,
    EstimateTokenResponse,
    FileDeleteResponse,
    FileListResponse,
    FileObject,
    Message,
    ModelListResponse,
)

PROVIDER = "moonshot"
BASE_URL = "https://api.moonshot.ai"
API_KEY = "sk-moonshot-test-0123456789"

# ----------------------------------------------------------------------------- bodies

FILE_OBJECT = {
    "id": "file-xxx",
    "object": "file",
    "bytes": 1832,
    "created_at": 1711475054,
    "filename": "requests.jsonl",
    "purpose": "batch",
    "status": "ok",  # the docs say "ready"; live api.moonshot.ai answers "ok"
    "status_details": "",
}

BATCH_VALIDATING = {
    "id": "batch_xxx",
    "object": "batch",
    "endpoint": "/v1/chat/completions",
    "input_file_id": "file-xxx",
    "completion_window": "24h",
    "status": "validating",
    "output_file_id": None,
    "error_file_id": None,
    "created_at": 1711475054,
    "in_progress_at": None,
    "expires_at": 1711561454,
    "finalizing_at": None,
    "completed_at": None,
    "failed_at": None,
    "cancelling_at": None,
    "cancelled_at": None,
    "request_counts": {"completed": 0, "failed": 0, "total": 0},
    "metadata": {"job": "nightly-eval"},
}

BATCH_COMPLETED = {  # the example of https://platform.kimi.ai/docs/api/batches-list
    "id": "batch_xxx",
    "object": "batch",
    "endpoint": "/v1/chat/completions",
    "input_file_id": "file_xxx",
    "completion_window": "24h",
    "status": "completed",
    "output_file_id": "file_yyy",
    "error_file_id": None,
    "created_at": 1711475054,
    "in_progress_at": 1711475055,
    "expires_at": 1711561454,
    "finalizing_at": 1711475100,
    "completed_at": 1711475110,
    "failed_at": None,
    "cancelling_at": None,
    "cancelled_at": None,
    "request_counts": {"completed": 100, "failed": 0, "total": 100},
    "metadata": None,
}

BATCH_CANCELLING = {
    **BATCH_VALIDATING,
    "status": "cancelling",
    "in_progress_at": 1711475055,
    "cancelling_at": 1711475200,
    "request_counts": {"completed": 40, "failed": 2, "total": 100},
}

# One line of a batch output file (guide-batch-api), downloaded via GET /v1/files/{id}/content.
OUTPUT_JSONL = (
    json.dumps(
        {
            "id": "request-1",
            "custom_id": "request-1",
            "response": {
                "status_code": 200,
                "request_id": "",
                "body": {
                    "id": "chatcmpl-xxx",
                    "object": "chat.completion",
                    "created": 1711475054,
                    "model": "kimi-k2.6",
                    "choices": [
                        {
                            "index": 0,
                            "message": {
                                "role": "assistant",
                                "content": "This text belongs to the Technology category.",
                            },
                            "finish_reason": "stop",
                        }
                    ],
                    "usage": {
                        "prompt_tokens": 30,
                        "completion_tokens": 10,
                        "total_tokens": 40,
                    },
                },
            },
            "error": None,
        }
    )
    + "\n"
).encode()

MODEL_LIST = {
    "object": "list",
    "data": [
        {
            "id": "kimi-k2.6",
            "object": "model",
            "created": 1776000000,
            "owned_by": "moonshot",
            "context_length": 262144,
            "supports_image_in": True,
            "supports_video_in": True,
            "supports_reasoning": True,
        }
    ],
}

BALANCE = {
    "code": 0,
    "data": {
        "available_balance": 49.58894,
        "voucher_balance": 46.58893,
        "cash_balance": 3.00001,
    },
    "scode": "0x0",
    "status": True,
}

CHAT_COMPLETION = {
    "id": "chatcmpl-xxx",
    "object": "chat.completion",
    "created": 1711475054,
    "model": "kimi-k2.6",
    "choices": [
        {
            "index": 0,
            "message": {
                "role": "assistant",
                "content": "This text belongs to the Technology category.",
            },
            "finish_reason": "stop",
        }
    ],
    "usage": {
        "prompt_tokens": 30,
        "completion_tokens": 10,
        "total_tokens": 40,
        "cached_tokens": 0,
    },
}

# One line of a batch input file (guide-batch-api).
REQUESTS_JSONL = (
    b'{"custom_id": "request-1", "method": "POST", "url": "/v1/chat/completions", "body": '
    b'{"model": "kimi-k2.6", "messages": [{"role": "user", "content": "Hello"}]}}\n'
)

CLASSIFY = "Classify this text: AI is transforming the world"


def _check_file(file: FileObject) -> None:
    assert file.bytes_ == 1832 and file.purpose == "batch" and file.status == "ok"


def _check_batch_created(batch: BatchObject) -> None:
    assert batch.status == "validating"
    assert batch.request_counts.total == 0
    assert batch.metadata == {"job": "nightly-eval"}
    assert batch.output_file_id is None


def _check_batch_list(page: BatchListResponse) -> None:
    assert page.has_more is False
    [batch] = page.data
    assert isinstance(batch, BatchObject)
    assert batch.status == "completed" and batch.output_file_id == "file_yyy"
    assert batch.request_counts.completed == 100 and batch.metadata is None


def _check_chat(completion: ChatCompletionResponse) -> None:
    assert completion.choices is not None
    choice = completion.choices[0]
    assert (
        choice.message is not None
        and choice.message.content
        == CHAT_COMPLETION["choices"][0]["message"]["content"]
    )  # type: ignore[index]
    assert choice.finish_reason == "stop"
    assert completion.usage is not None and completion.usage.total_tokens == 40


OPERATIONS = [
    Op(
        "models.list",
        lambda c: c.models.list(),
        "GET",
        "/v1/models",
        MODEL_LIST,
        ModelListResponse,
        check=lambda r: (
            r.data[0].context_length == 262144 and r.data[0].supports_reasoning is True
        ),
    ),
    Op(
        "billing.check_balance",
        lambda c: c.billing.check_balance(),
        "GET",
        "/v1/users/me/balance",
        BALANCE,
        BalanceResponse,
        check=lambda r: r.data.available_balance == 49.58894 and r.status is True,
    ),
    Op(
        "files.create",
        lambda c: c.files.create(file=REQUESTS_JSONL, purpose="batch"),
        "POST",
        "/v1/files",
        FILE_OBJECT,
        FileObject,
        form={"purpose": "batch"},
        upload=(None, REQUESTS_JSONL),
        check=_check_file,
    ),
    Op(
        "files.list",
        lambda c: c.files.list(),
        "GET",
        "/v1/files",
        {"object": "list", "data": [FILE_OBJECT]},
        FileListResponse,
        check=lambda r: (
            isinstance(r.data[0], FileObject) and r.data[0].id == "file-xxx"
        ),
    ),
    Op(
        "files.retrieve",
        lambda c: c.files.retrieve("file-xxx"),
        "GET",
        "/v1/files/file-xxx",
        FILE_OBJECT,
        FileObject,
        check=_check_file,
    ),
    Op(
        "files.delete",
        lambda c: c.files.delete("file-xxx"),
        "DELETE",
        "/v1/files/file-xxx",
        {"id": "file-xxx", "object": "file", "deleted": True},
        FileDeleteResponse,
        check=lambda r: r.deleted is True,
    ),
    Op(
        "files.content",
        lambda c: c.files.content("file_yyy"),
        "GET",
        "/v1/files/file_yyy/content",
        OUTPUT_JSONL,
        bytes,
    ),
    Op(
        "chat.completions.create",
        # Keyword arguments: a model for a message, and a dict for another.
        lambda c: c.chat.completions.create(
            model="kimi-k2.6",
            messages=[
                Message(role="user", content=CLASSIFY),
                {"role": "user", "content": "Answer in one word."},
            ],
            max_completion_tokens=256,
        ),
        "POST",
        "/v1/chat/completions",
        CHAT_COMPLETION,
        ChatCompletionResponse,
        json={
            "model": "kimi-k2.6",
            "messages": [
                {"role": "user", "content": CLASSIFY},
                {"role": "user", "content": "Answer in one word."},
            ],
            "max_completion_tokens": 256,
        },
        check=_check_chat,
    ),
    Op(
        "utilities.estimate_token_count",
        lambda c: c.utilities.estimate_token_count(
            model="kimi-k2.6",
            messages=[
                Message(role="system", content="You are Kimi."),
                Message(role="user", content="Hello"),
            ],
        ),
        "POST",
        "/v1/tokenizers/estimate-token-count",
        {"data": {"total_tokens": 80}},
        EstimateTokenResponse,
        json={
            "model": "kimi-k2.6",
            "messages": [
                {"role": "system", "content": "You are Kimi."},
                {"role": "user", "content": "Hello"},
            ],
        },
        check=lambda r: r.data.total_tokens == 80,
    ),
    Op(
        "batches.create",
        # metadata is optional and not given: it must not be sent at all
        lambda c: c.batches.create(
            input_file_id="file-xxx",
            endpoint="/v1/chat/completions",
            completion_window="24h",
        ),
        "POST",
        "/v1/batches",
        BATCH_VALIDATING,
        BatchObject,
        json={
            "input_file_id": "file-xxx",
            "endpoint": "/v1/chat/completions",
            "completion_window": "24h",
        },
        check=_check_batch_created,
    ),
    Op(
        "batches.create+metadata",
        lambda c: c.batches.create(
            input_file_id="file-xxx",
            endpoint="/v1/chat/completions",
            completion_window="3d",
            metadata={"job": "nightly-eval"},
        ),
        "POST",
        "/v1/batches",
        BATCH_VALIDATING,
        BatchObject,
        json={
            "input_file_id": "file-xxx",
            "endpoint": "/v1/chat/completions",
            "completion_window": "3d",
            "metadata": {"job": "nightly-eval"},
        },
        check=_check_batch_created,
    ),
    Op(
        "batches.list",
        lambda c: c.batches.list(),
        "GET",
        "/v1/batches",
        {"object": "list", "data": [BATCH_COMPLETED], "has_more": False},
        BatchListResponse,
        check=_check_batch_list,
    ),
    Op(
        "batches.list+page",
        lambda c: c.batches.list(after="batch_xxx", limit=10),
        "GET",
        "/v1/batches",
        {"object": "list", "data": [BATCH_COMPLETED], "has_more": False},
        BatchListResponse,
        query={"after": "batch_xxx", "limit": "10"},
        check=_check_batch_list,
    ),
    Op(
        "batches.retrieve",
        lambda c: c.batches.retrieve("batch_xxx"),
        "GET",
        "/v1/batches/batch_xxx",
        BATCH_COMPLETED,
        BatchObject,
        check=lambda r: r.status == "completed" and r.completed_at == 1711475110,
    ),
    Op(
        "batches.cancel",
        lambda c: c.batches.cancel("batch_xxx"),
        "POST",
        "/v1/batches/batch_xxx/cancel",
        BATCH_CANCELLING,
        BatchObject,
        check=lambda r: r.status == "cancelling" and r.cancelling_at == 1711475200,
    ),
]

# The spec paths of the operations, for the coverage check and the error table.
SPEC_PATHS = {
    "models.list": "/v1/models",
    "billing.check_balance": "/v1/users/me/balance",
    "files.create": "/v1/files",
    "files.list": "/v1/files",
    "files.retrieve": "/v1/files/{file_id}",
    "files.delete": "/v1/files/{file_id}",
    "files.content": "/v1/files/{file_id}/content",
    "chat.completions.create": "/v1/chat/completions",
    "utilities.estimate_token_count": "/v1/tokenizers/estimate-token-count",
    "batches.create": "/v1/batches",
    "batches.list": "/v1/batches",
    "batches.retrieve": "/v1/batches/{batch_id}",
    "batches.cancel": "/v1/batches/{batch_id}/cancel",
}
MAIN_OPERATIONS = [op for op in OPERATIONS if "+" not in op.id]


def test_the_table_covers_every_operation_of_the_spec() -> None:
    table = {(op.method, SPEC_PATHS[op.id]) for op in MAIN_OPERATIONS}
    assert table == set(spec_responses(PROVIDER))


@pytest.mark.parametrize("op", OPERATIONS, ids=lambda op: op.id)
async def test_operation(op: Op, mode: str, make_client) -> None:
    harness = make_client(PROVIDER, mode, op.reply())
    result = await harness.call(op.call)
    check_request(harness, op, base_url=BASE_URL, api_key=API_KEY)
    check_result(result, op)


# ----------------------------------------------------------------------------- errors

# One realistic ErrorResponse per status, from https://platform.kimi.ai/docs/api/errors.
ERROR_BODIES = {
    400: (
        "invalid_request_error",
        "File size is zero, please confirm and re-upload the file",
    ),
    401: ("incorrect_api_key_error", "Incorrect API key provided"),
    404: ("resource_not_found_error", "The requested resource was not found"),
    500: ("server_error", "Internal server error, please try again later"),
}

ERROR_CASES = [
    pytest.param(op, int(status), id=f"{op.id}-{status}")
    for op in MAIN_OPERATIONS
    for status in error_statuses(PROVIDER)[op.method, SPEC_PATHS[op.id]]
]


def test_error_table_covers_every_documented_status() -> None:
    assert {int(s) for _, s in (case.values for case in ERROR_CASES)} == set(
        ERROR_BODIES
    )
    assert len(ERROR_CASES) == sum(len(v) for v in error_statuses(PROVIDER).values())


@pytest.mark.parametrize(("op", "status"), ERROR_CASES)
async def test_documented_error(op: Op, status: int, mode: str, make_client) -> None:
    error_type, message = ERROR_BODIES[status]
    body = {"error": {"message": message, "type": error_type, "code": f"E{status}"}}
    harness = make_client(
        PROVIDER, mode, json_reply(body, status=status), max_retries=0
    )

    with pytest.raises(status_error_class(moonshot, status)) as caught:
        await harness.call(op.call)

    error = caught.value
    assert isinstance(error, moonshot.APIStatusError) and isinstance(
        error, moonshot.APIError
    )
    assert error.status_code == status and error.response.status_code == status
    assert isinstance(error.body, ErrorResponse)
    assert error.body.error.message == message
    assert error.body.error.type == error_type
    assert error.body.error.code == f"E{status}"
    assert message in str(error)
    assert len(harness.recorder.requests) == 1


@pytest.mark.parametrize(
    ("status", "error_type", "message"),
    [
        (
            403,
            "permission_denied_error",
            "Your IP is not allowed to access this organization",
        ),
        (429, "rate_limit_reached_error", "Organization-level RPM limit reached"),
        (503, "server_unavailable", "The service is temporarily unavailable"),
    ],
)
async def test_statuses_only_on_the_errors_page(
    status: int, error_type: str, message: str, mode: str, make_client
) -> None:
    """403/429/503 are on the errors page, not in the spec: still the right class and message."""
    body = {"error": {"message": message, "type": error_type}}
    harness = make_client(
        PROVIDER, mode, json_reply(body, status=status), max_retries=0
    )
    with pytest.raises(status_error_class(moonshot, status)) as caught:
        await harness.call(lambda c: c.batches.retrieve("batch_xxx"))
    assert caught.value.status_code == status
    assert message in caught.value.message


# ----------------------------------------------------------------------------- content download


async def test_file_content_accepts_the_documented_text_plain(
    mode: str, make_client
) -> None:
    """GET /v1/files/{file_id}/content is documented as text/plain only: the Accept header
    must admit it, or a server that negotiates content may answer 406."""
    text = "Extracted text of xlnet.pdf\n"
    harness = make_client(
        PROVIDER, mode, raw_reply(text, content_type="text/plain; charset=utf-8")
    )
    content = await harness.call(lambda c: c.files.content("file-xxx"))
    assert content == text.encode()
    accept = harness.request.headers["accept"]
    assert accepts(accept, "text/plain"), f"Accept: {accept}"


# ----------------------------------------------------------------------------- unknown data


async def test_unknown_fields_and_enum_values_are_kept(mode: str, make_client) -> None:
    body = {
        **BATCH_COMPLETED,
        "status": "queued_for_review",  # not one of the 8 documented statuses
        "expired_at": None,  # not in Moonshot's BatchObject
        "errors": {"object": "list", "data": []},
        "request_counts": {"completed": 1, "failed": 0, "total": 2, "skipped": 1},
    }
    harness = make_client(PROVIDER, mode, json_reply(body))
    batch = await harness.call(lambda c: c.batches.retrieve("batch_xxx"))

    assert isinstance(batch, BatchObject)
    assert batch.status == "queued_for_review"
    assert batch.model_extra == {
        "expired_at": None,
        "errors": {"object": "list", "data": []},
    }
    assert batch.errors == {"object": "list", "data": []}
    assert batch.request_counts.model_extra == {"skipped": 1}
    assert batch.request_counts.skipped == 1  # type: ignore[attr-defined]
    assert dump(batch) == body


async def test_unknown_file_purpose_and_status_are_kept(mode: str, make_client) -> None:
    body = {**FILE_OBJECT, "purpose": "voice", "status": "ready", "sha256": "9f86d081"}
    harness = make_client(PROVIDER, mode, json_reply(body))
    file = await harness.call(lambda c: c.files.retrieve("file-xxx"))
    assert file.purpose == "voice" and file.status == "ready"
    assert file.sha256 == "9f86d081"  # type: ignore[attr-defined]
    assert dump(file) == body


@pytest.mark.parametrize(
    "base_url",
    [
        "https://api.moonshot.ai/v1",  # as Moonshot's documentation writes it
        "https://api.moonshot.ai/v1/",
        "https://api.moonshot.ai",
        "https://gateway.example/moonshot/v1",
    ],
)
async def test_the_documented_base_url_reaches_v1_once(
    base_url: str, mode: str, make_client, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`base_path = "/v1"`: a base URL ending in /v1 (the documented one) and one without
    both send `/v1/batches`, never `/v1/v1/batches`; from the environment too."""
    host = base_url.removesuffix("/").removesuffix("/v1")
    harness = make_client(
        PROVIDER, mode, json_reply({"object": "list", "data": []}), base_url=base_url
    )
    await harness.call(lambda c: c.batches.list())
    assert str(harness.request.url).startswith(f"{host}/v1/batches")
    monkeypatch.setenv("MOONSHOT_BASE_URL", base_url)
    from_env = make_client(PROVIDER, mode, json_reply({"object": "list", "data": []}))
    await from_env.call(lambda c: c.batches.list())
    assert str(from_env.request.url).startswith(f"{host}/v1/batches")
