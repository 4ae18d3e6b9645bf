"""The generated SiliconFlow client against specs/siliconflow.yaml, on an httpx.MockTransport.

Response bodies are the examples of the provider pages in /work/shared/providers/siliconflow/
and seed 003 (cancel): the upload envelope with camelCase `createdAt`, the doubly nested file
list, the batch with the undocumented status "in_queue" and nulls in non-nullable fields.
"""

from __future__ import annotations

import pytest
import siliconflow
from client_harness import (
    Op,
    check_request,
    check_result,
    dump,
    error_statuses,
    json_reply,
    raw_reply,
    spec_responses,
    status_error_class,
)
from siliconflow.models import (
    BatchListItem,
    BatchListResponse,
    BatchMetadata,
    BatchObject,
    BatchReplace,
    ErrorBody,
    FileListItem,
    FileListResponse,
    FileObject,
    RateLimitErrorModel,
)

PROVIDER = "siliconflow"
BASE_URL = "https://api.siliconflow.cn/v1"
API_KEY = "sk-siliconflow-test-0123456789"

# ----------------------------------------------------------------------------- bodies

UPLOAD_ENVELOPE = {  # docs.siliconflow.cn upload-file example
    "code": 20000,
    "message": "Ok",
    "status": True,
    "data": {
        "id": "file-jkvytbjtow",
        "object": "file",
        "bytes": 8509,
        "createdAt": 1741685396,
        "filename": "requests.jsonl",
        "purpose": "batch",
    },
}

FILE_LIST_ENVELOPE = {  # get-file-list example: data.data[], inner object "file"
    "code": 20000,
    "message": "Ok",
    "status": True,
    "data": {
        "data": [
            {
                "id": "file-kkhtqklcnm",
                "object": "file",
                "bytes": 806,
                "created_at": 1741777570,
                "filename": "requests-2.jsonl",
                "purpose": "batch",
                "line_count": 2,
            }
        ],
        "object": "file",
    },
}

BATCH_IN_QUEUE = {  # create-batch / cancel-batch (seed 003) example
    "id": "batch_rdyqgrcgjg",
    "object": "batch",
    "endpoint": "/v1/chat/completions",
    "errors": None,
    "input_file_id": "file-jkvytbjtow",
    "completion_window": "24h",
    "status": "in_queue",
    "output_file_id": None,
    "error_file_id": None,
    "created_at": 1741685413,
    "in_progress_at": None,
    "expires_at": 1741771813,
    "finalizing_at": None,
    "completed_at": None,
    "failed_at": None,
    "expired_at": None,
    "cancelling_at": None,
    "cancelled_at": None,
    "request_counts": None,
    "metadata": {"description": "nightly eval job"},
}

BATCH_RETRIEVED = {
    **BATCH_IN_QUEUE,
    "errors": [],
    "request_counts": {},
}  # get-batch example

BATCH_CANCELLING = {
    **BATCH_IN_QUEUE,
    "status": "cancelling",
    "cancelling_at": 1741685500,
    "request_counts": {"total": 2, "completed": 1, "failed": 0},  # the guide's shape
}

BATCH_LIST = {  # get-batch-list example (file_name on items, free metadata keys)
    "object": "list",
    "data": [
        {
            "id": "batch_id",
            "object": "batch",
            "endpoint": "/v1/chat/completions",
            "errors": None,
            "input_file_id": "file-id",
            "completion_window": "24h",
            "status": "in_queue",
            "output_file_id": None,
            "error_file_id": None,
            "created_at": 1749023566,
            "in_progress_at": None,
            "expires_at": 1749109966,
            "finalizing_at": None,
            "completed_at": None,
            "failed_at": None,
            "expired_at": None,
            "cancelling_at": None,
            "cancelled_at": None,
            "request_counts": None,
            "metadata": {"batch_description": "", "name": "batch"},
            "file_name": "requests_name.json",
        }
    ],
    "first_id": "first_batch_id",
    "last_id": "last_batch_id",
    "has_more": False,
}

REQUESTS_JSONL = (
    b'{"custom_id": "request-1", "method": "POST", "url": "/v1/chat/completions", "body": '
    b'{"model": "deepseek-ai/DeepSeek-V3", "messages": [{"role": "user", "content": "Hi"}]}}\n'
)


def _check_upload(uploaded: FileObject) -> None:
    assert uploaded.created_at == 1741685396  # camelCase createdAt on the wire
    assert uploaded.bytes_ == 8509


def _check_file_list(files: FileListResponse) -> None:
    assert files.object == "file"
    [file] = files.data or []
    assert isinstance(file, FileListItem)
    assert file.created_at == 1741777570 and file.line_count == 2


def _check_in_queue(batch: BatchObject) -> None:
    assert batch.status == "in_queue"
    assert batch.errors is None and batch.request_counts is None
    assert isinstance(batch.metadata, BatchMetadata)
    assert batch.metadata.description == "nightly eval job"


def _check_batch_list(page: BatchListResponse) -> None:
    assert page.has_more is False and page.last_id == "last_batch_id"
    [item] = page.data or []
    assert isinstance(item, BatchListItem)
    assert item.file_name == "requests_name.json" and item.status == "in_queue"
    assert item.metadata is not None
    assert item.metadata.model_extra == {"batch_description": "", "name": "batch"}


OPERATIONS = [
    Op(
        "files.create",
        lambda c: c.files.create(purpose="batch", file=REQUESTS_JSONL),
        "POST",
        "/files",
        UPLOAD_ENVELOPE,
        FileObject,
        form={"purpose": "batch"},
        upload=(None, REQUESTS_JSONL),
        check=_check_upload,
        envelope="data",
    ),
    Op(
        "files.list",
        lambda c: c.files.list(purpose="batch"),
        "GET",
        "/files",
        FILE_LIST_ENVELOPE,
        FileListResponse,
        envelope="data",
        query={"purpose": "batch"},
        check=_check_file_list,
    ),
    Op(
        "files.list+limit",
        lambda c: c.files.list(purpose="batch", limit=5),
        "GET",
        "/files",
        FILE_LIST_ENVELOPE,
        FileListResponse,
        envelope="data",
        query={"purpose": "batch", "limit": "5"},
        check=_check_file_list,
    ),
    Op(
        "batches.create",
        # metadata and replace are optional and not given: they must not be sent at all
        lambda c: c.batches.create(
            input_file_id="file-jkvytbjtow",
            endpoint="/v1/chat/completions",
            completion_window="24h",
        ),
        "POST",
        "/batches",
        BATCH_IN_QUEUE,
        BatchObject,
        json={
            "input_file_id": "file-jkvytbjtow",
            "endpoint": "/v1/chat/completions",
            "completion_window": "24h",
        },
        check=_check_in_queue,
    ),
    Op(
        "batches.create+metadata+replace",
        lambda c: c.batches.create(
            input_file_id="file-jkvytbjtow",
            endpoint="/v1/chat/completions",
            completion_window="24h",
            metadata=BatchMetadata(description="nightly eval job"),
            replace=BatchReplace(model="deepseek-ai/DeepSeek-V3"),
        ),
        "POST",
        "/batches",
        BATCH_IN_QUEUE,
        BatchObject,
        json={  # the request example of the create-batch page
            "input_file_id": "file-jkvytbjtow",
            "endpoint": "/v1/chat/completions",
            "completion_window": "24h",
            "metadata": {"description": "nightly eval job"},
            "replace": {"model": "deepseek-ai/DeepSeek-V3"},
        },
        check=_check_in_queue,
    ),
    Op(
        "batches.list",
        lambda c: c.batches.list(),
        "GET",
        "/batches",
        BATCH_LIST,
        BatchListResponse,
        check=_check_batch_list,
    ),
    Op(
        "batches.list+page",
        lambda c: c.batches.list(limit=1, after="batch_rdyqgrcgjg"),
        "GET",
        "/batches",
        BATCH_LIST,
        BatchListResponse,
        query={"limit": "1", "after": "batch_rdyqgrcgjg"},
        check=_check_batch_list,
    ),
    Op(
        "batches.retrieve",
        lambda c: c.batches.retrieve("batch_rdyqgrcgjg"),
        "GET",
        "/batches/batch_rdyqgrcgjg",
        BATCH_RETRIEVED,
        BatchObject,
        check=lambda r: (
            r.status == "in_queue"
            and r.errors == []
            and r.request_counts.to_dict() == {}
        ),
    ),
    Op(
        "batches.cancel",
        lambda c: c.batches.cancel("batch_rdyqgrcgjg"),
        "POST",
        "/batches/batch_rdyqgrcgjg/cancel",
        BATCH_CANCELLING,
        BatchObject,
        # Typed by specs/overlays/siliconflow.yaml (the reference says "Empty Object").
        check=lambda r: r.status == "cancelling" and r.request_counts.completed == 1,
    ),
]

SPEC_PATHS = {
    "files.create": "/files",
    "files.list": "/files",
    "batches.create": "/batches",
    "batches.list": "/batches",
    "batches.retrieve": "/batches/{batch_id}",
    "batches.cancel": "/batches/{batch_id}/cancel",
}
MAIN_OPERATIONS = [op for op in OPERATIONS if "+" not in op.id]


def test_the_table_covers_every_operation_of_the_spec() -> None:
    table = {(op.method, SPEC_PATHS[op.id]) for op in MAIN_OPERATIONS}
    assert table == set(spec_responses(PROVIDER))


def test_only_the_documented_operations_exist() -> None:
    """SiliconFlow documents no file retrieve, delete or content download."""
    client = siliconflow.SiliconFlow(api_key=API_KEY)
    try:
        wrappers = {"with_raw_response", "with_streaming_response"}
        public = {name for name in dir(client.files) if not name.startswith("_")}
        assert public == {"create", "list"} | wrappers
        public = {name for name in dir(client.batches) if not name.startswith("_")}
        workflow = {"wait", "run", "resume", "results"}
        assert public == {"create", "list", "retrieve", "cancel"} | workflow | wrappers
    finally:
        client.close()


@pytest.mark.parametrize("op", OPERATIONS, ids=lambda op: op.id)
async def test_operation(op: Op, mode: str, make_client) -> None:
    harness = make_client(PROVIDER, mode, op.reply())
    result = await harness.call(op.call)
    check_request(harness, op, base_url=BASE_URL, api_key=API_KEY)
    check_result(result, op)


# ----------------------------------------------------------------------------- errors

# status -> (body on the wire, check of the parsed error body). Bodies are the examples of the
# reference pages (400/401/403/404/503/504) and the FAQ (400 with data null); 429 has no code.
ERROR_BODIES = {
    400: (
        {
            "code": 20012,
            "message": "Model does not exist. Please check it carefully.",
            "data": None,
        },
        lambda body: (
            isinstance(body, ErrorBody)
            and body.code == 20012
            and body.message == "Model does not exist. Please check it carefully."
            and body.data is None
        ),
    ),
    401: ("Invalid token", lambda body: body == "Invalid token"),
    403: ("Forbidden", lambda body: body == "Forbidden"),
    404: ("404 page not found", lambda body: body == "404 page not found"),
    429: (
        {
            "message": "Request was rejected due to rate limiting. If you want more, "
            "please contact contact@siliconflow.cn",
            "data": None,
        },
        lambda body: (
            isinstance(body, RateLimitErrorModel)
            and body.message is not None
            and body.message.startswith("Request was rejected due to rate limiting")
            and body.data is None
        ),
    ),
    503: (
        {
            "code": 50505,
            "message": "Model service overloaded. Please try again later.",
            "data": "string",
        },
        lambda body: (
            isinstance(body, ErrorBody)
            and body.code == 50505
            and body.message == "Model service overloaded. Please try again later."
            and body.data == "string"
        ),
    ),
    504: ("string", lambda body: body == "string"),
}

ERROR_CASES = [
    pytest.param(op, int(status), id=f"{op.id}-{status}")
    for op in MAIN_OPERATIONS
    for status in error_statuses(PROVIDER)[op.method, SPEC_PATHS[op.id]]
]


def test_every_operation_documents_the_same_seven_errors() -> None:
    for statuses in error_statuses(PROVIDER).values():
        assert sorted(int(s) for s in statuses) == sorted(ERROR_BODIES)
    assert len(ERROR_CASES) == 6 * 7


@pytest.mark.parametrize(("op", "status"), ERROR_CASES)
async def test_documented_error(op: Op, status: int, mode: str, make_client) -> None:
    wire_body, body_is_right = ERROR_BODIES[status]
    harness = make_client(
        PROVIDER, mode, json_reply(wire_body, status=status), max_retries=0
    )

    with pytest.raises(status_error_class(siliconflow, status)) as caught:
        await harness.call(op.call)

    error = caught.value
    assert isinstance(error, siliconflow.APIStatusError)
    assert error.status_code == status
    assert body_is_right(error.body), f"body {error.body!r}"
    message = wire_body if isinstance(wire_body, str) else wire_body["message"]
    assert message in str(error)
    assert len(harness.recorder.requests) == 1


async def test_bare_string_error_sent_as_text(mode: str, make_client) -> None:
    """A 401 whose "Invalid token" comes without JSON quotes is still the text."""
    harness = make_client(
        PROVIDER,
        mode,
        raw_reply("Invalid token", status=401, content_type="text/plain"),
        max_retries=0,
    )
    with pytest.raises(siliconflow.AuthenticationError) as caught:
        await harness.call(lambda c: c.files.list(purpose="batch"))
    assert caught.value.body == "Invalid token"
    assert "Invalid token" in caught.value.message


# ----------------------------------------------------------------------------- unknown data


async def test_unknown_fields_are_kept(mode: str, make_client) -> None:
    body = {
        **UPLOAD_ENVELOPE,
        "trace_id": "f3c1d2",
        "data": {**UPLOAD_ENVELOPE["data"], "line_count": 2, "status": "processed"},
    }
    harness = make_client(PROVIDER, mode, json_reply(body))
    uploaded = await harness.call(
        lambda c: c.files.create(purpose="batch", file=b"{}\n")
    )
    # The method returns what the envelope holds; the envelope is on the raw response.
    assert uploaded.model_extra == {"line_count": 2, "status": "processed"}
    assert uploaded.line_count == 2
    assert dump(uploaded) == body["data"]


async def test_an_envelope_that_holds_nothing_is_an_error(
    mode: str, make_client
) -> None:
    """A 200 whose envelope reports a failure (data null) is not an empty file."""
    body = {"code": 20012, "message": "Model does not exist.", "data": None}
    harness = make_client(PROVIDER, mode, json_reply(body))
    with pytest.raises(siliconflow.APIResponseValidationError) as caught:
        await harness.call(lambda c: c.files.create(purpose="batch", file=b"{}\n"))
    assert "holds no 'data'" in str(caught.value)
    assert "Model does not exist." in str(caught.value)
    assert caught.value.body == body


async def test_a_list_of_one_purpose_needs_no_purpose(mode: str, make_client) -> None:
    """`purpose` is required and can only be "batch": it defaults to it, and is sent."""
    harness = make_client(PROVIDER, mode, json_reply(FILE_LIST_ENVELOPE))
    files = await harness.call(lambda c: c.files.list())
    assert [f.id for f in files.data] == [
        f["id"] for f in FILE_LIST_ENVELOPE["data"]["data"]
    ]
    assert harness.recorder.requests[-1].url.params["purpose"] == "batch"


async def test_any_batch_status_is_kept(mode: str, make_client) -> None:
    """Batch status has no enum: the guide's in_queue and anything newer parse as strings."""
    harness = make_client(
        PROVIDER,
        mode,
        json_reply({**BATCH_RETRIEVED, "status": "in_queue"}),
        json_reply({**BATCH_RETRIEVED, "status": "validating"}),
        json_reply(
            {**BATCH_RETRIEVED, "status": "paused_by_operator", "priority": "low"}
        ),
    )
    statuses = []
    for _ in range(3):
        batch = await harness.call(lambda c: c.batches.retrieve("batch_rdyqgrcgjg"))
        statuses.append(batch.status)
    assert statuses == ["in_queue", "validating", "paused_by_operator"]
    assert batch.priority == "low"
