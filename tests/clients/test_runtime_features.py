"""Runtime features on a MockTransport: SSE, raw responses, with_options, omitted vs null,
per-call options, lenient vs strict parsing, logging redaction."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterator

import httpx
import mka1
import moonshot
import pytest
import siliconflow
from moonshot.models import ChatCompletionChunk, KimiK26ChatRequest, Message

KEY = "sk-secret-0123456789"

CHUNK = {
    "id": "cmpl-1",
    "object": "chat.completion.chunk",
    "created": 1,
    "model": "kimi-k2.6",
    "choices": [{"index": 0, "delta": {"content": "Hel"}}],
}


def sse(*events: str) -> bytes:
    return "".join(f"data: {event}\n\n" for event in events).encode()


class Recorder:
    """A MockTransport handler that records requests and replies from a list."""

    def __init__(self, *replies: httpx.Response) -> None:
        self.replies = list(replies)
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return self.replies.pop(0) if len(self.replies) > 1 else self.replies[0]


class TrackedStream(httpx.SyncByteStream):
    """A response body that records whether it was closed, yielding one event at a time."""

    def __init__(self, chunks: list[bytes]) -> None:
        self.chunks = chunks
        self.closed = False
        self.sent = 0

    def __iter__(self) -> Iterator[bytes]:
        for chunk in self.chunks:
            self.sent += 1
            yield chunk

    def close(self) -> None:
        self.closed = True


def chat_request() -> KimiK26ChatRequest:
    return KimiK26ChatRequest(
        model="kimi-k2.6", messages=[Message(role="user", content="Hi")]
    )


def moonshot_client(
    handler: Callable[[httpx.Request], httpx.Response], **options: object
) -> moonshot.Moonshot:
    client = moonshot.Moonshot(
        api_key=KEY,
        http_client=httpx.Client(transport=httpx.MockTransport(handler)),
        **options,
    )
    client.sleep = lambda seconds: None
    return client


# ----------------------------------------------------------------------------- SSE


def test_stream_true_yields_typed_chunks_until_done():
    body = sse(
        json.dumps(CHUNK),
        json.dumps({**CHUNK, "id": "cmpl-2"}),
        "[DONE]",
        json.dumps(CHUNK),
    )
    recorder = Recorder(
        httpx.Response(200, headers={"content-type": "text/event-stream"}, content=body)
    )
    client = moonshot_client(recorder)
    stream = client.chat.completions.create(**chat_request().to_dict(), stream=True)
    chunks = list(stream)
    assert [c.id for c in chunks] == ["cmpl-1", "cmpl-2"]  # nothing after [DONE]
    assert all(isinstance(c, ChatCompletionChunk) for c in chunks)
    request = recorder.requests[0]
    assert json.loads(request.content)["stream"] is True
    assert request.headers["accept"] == "text/event-stream"


def test_stream_false_or_omitted_returns_the_completion():
    completion = {
        "id": "c",
        "object": "chat.completion",
        "created": 1,
        "model": "kimi-k2.6",
        "choices": [],
    }
    recorder = Recorder(httpx.Response(200, json=completion))
    client = moonshot_client(recorder)
    assert client.chat.completions.create(**chat_request().to_dict()).id == "c"
    assert "stream" not in json.loads(recorder.requests[0].content)
    assert (
        client.chat.completions.create(**chat_request().to_dict(), stream=False).id
        == "c"
    )
    assert json.loads(recorder.requests[1].content)["stream"] is False


def test_error_event_raises_the_typed_error():
    error = {"error": {"message": "overloaded", "type": "engine_overloaded_error"}}
    body = sse(json.dumps(CHUNK), json.dumps(error))
    client = moonshot_client(
        Recorder(
            httpx.Response(
                200, headers={"content-type": "text/event-stream"}, content=body
            )
        )
    )
    stream = client.chat.completions.create(**chat_request().to_dict(), stream=True)
    received = []
    with pytest.raises(moonshot.APIError, match="overloaded") as caught:
        for chunk in stream:
            received.append(chunk)  # noqa: PERF402 - counts the chunks before the error
    assert len(received) == 1
    assert isinstance(caught.value.body, moonshot.ErrorResponse)
    assert caught.value.body.error.type == "engine_overloaded_error"


def test_leaving_a_stream_early_closes_the_connection():
    events = [sse(json.dumps({**CHUNK, "id": f"cmpl-{i}"})) for i in range(5)] + [
        sse("[DONE]")
    ]
    body = TrackedStream(events)
    client = moonshot_client(
        lambda request: httpx.Response(
            200, headers={"content-type": "text/event-stream"}, stream=body
        )
    )
    for chunk in client.chat.completions.create(
        **chat_request().to_dict(), stream=True
    ):
        assert chunk.id == "cmpl-0"
        break
    assert body.closed
    assert body.sent < len(events)
    with client.chat.completions.create(**chat_request().to_dict(), stream=True):
        pass
    assert body.closed


async def test_async_stream():
    body = sse(json.dumps(CHUNK), "[DONE]")
    client = moonshot.AsyncMoonshot(
        api_key=KEY,
        http_client=httpx.AsyncClient(
            transport=httpx.MockTransport(
                lambda request: httpx.Response(
                    200, headers={"content-type": "text/event-stream"}, content=body
                )
            )
        ),
    )
    stream = await client.chat.completions.create(
        **chat_request().to_dict(), stream=True
    )
    assert isinstance(stream, moonshot.AsyncStream)
    assert [chunk.id async for chunk in stream] == ["cmpl-1"]
    await client.close()


# ----------------------------------------------------------------------------- raw responses


def test_with_raw_response_gives_status_headers_and_parse():
    batches = {"object": "list", "data": [], "has_more": False}
    client = moonshot_client(
        Recorder(httpx.Response(200, json=batches, headers={"x-request-id": "req_42"}))
    )
    response = client.batches.with_raw_response.list(limit=1)
    assert isinstance(response, moonshot.APIResponse)
    assert response.status_code == 200
    assert response.request_id == "req_42"
    assert response.headers["content-type"] == "application/json"
    page = response.parse()
    assert isinstance(page, moonshot.SyncPage)
    assert page.data == []


async def test_async_raw_response_of_a_list():
    batches = {"object": "list", "data": [], "has_more": False}
    client = moonshot.AsyncMoonshot(
        api_key=KEY,
        http_client=httpx.AsyncClient(
            transport=httpx.MockTransport(lambda r: httpx.Response(200, json=batches))
        ),
    )
    response = await client.batches.with_raw_response.list()
    assert response.status_code == 200
    assert response.parse().body.has_more is False
    await client.close()


# ----------------------------------------------------------------------------- options


def test_with_options_copies_settings_and_shares_the_pool():
    recorder = Recorder(httpx.Response(200, json={"object": "list", "data": []}))
    client = moonshot_client(recorder, max_retries=5)
    copy = client.with_options(timeout=3.0, default_headers={"X-Team": "eval"})
    assert copy._http_client is client._http_client
    assert copy.max_retries == 5 and copy.timeout == 3.0
    assert copy.sleep is client.sleep
    copy.files.list()
    assert recorder.requests[-1].headers["x-team"] == "eval"
    assert recorder.requests[-1].extensions["timeout"]["read"] == 3.0
    copy.close()  # the copy does not own the pool
    client.files.list()
    assert len(recorder.requests) == 2


def test_with_options_on_behalf_of_overrides_the_client_header():
    recorder = Recorder(
        httpx.Response(200, json={"object": "list", "data": [], "has_more": False})
    )
    client = mka1.MKA1(
        api_key=KEY,
        on_behalf_of="user-1",
        http_client=httpx.Client(transport=httpx.MockTransport(recorder)),
    )
    client.with_options(on_behalf_of="user-2").batches.list()
    client.batches.list()
    assert [r.headers["x-on-behalf-of"] for r in recorder.requests] == [
        "user-2",
        "user-1",
    ]


def test_omitted_arguments_are_not_sent_and_none_is_sent_as_null():
    batch = {
        "id": "b", "object": "batch", "endpoint": "/v1/chat/completions", "input_file_id": "f",
        "completion_window": "24h", "status": "validating", "created_at": 1, "max_concurrency": 1,
        "request_counts": {"total": 0, "completed": 0, "failed": 0},
    }  # fmt: skip
    recorder = Recorder(httpx.Response(200, json=batch))
    client = mka1.MKA1(
        api_key=KEY, http_client=httpx.Client(transport=httpx.MockTransport(recorder))
    )
    client.batches.create(
        input_file_id="f", endpoint="/v1/chat/completions", completion_window="24h"
    )
    client.batches.create(
        input_file_id="f",
        endpoint="/v1/chat/completions",
        completion_window="24h",
        metadata=None,
    )
    first, second = (json.loads(r.content) for r in recorder.requests)
    assert "metadata" not in first and "max_concurrency" not in first
    assert second["metadata"] is None


def test_per_call_extra_headers_query_body_and_timeout():
    recorder = Recorder(
        httpx.Response(200, json={"object": "list", "data": [], "has_more": False})
    )
    client = moonshot_client(recorder)
    client.batches.list(
        limit=2,
        extra_headers={"X-Trace": "t1"},
        extra_query={"beta": True},
        timeout=httpx.Timeout(1.5),
    )
    request = recorder.requests[0]
    assert request.headers["x-trace"] == "t1"
    assert request.url.params["beta"] == "true" and request.url.params["limit"] == "2"
    assert request.extensions["timeout"] == httpx.Timeout(1.5).as_dict()
    client.batches.cancel("b1", extra_body={"reason": "test"})
    assert json.loads(recorder.requests[1].content) == {"reason": "test"}


def test_max_retries_per_call():
    recorder = Recorder(httpx.Response(503, text="busy"))
    client = moonshot_client(recorder)
    with pytest.raises(moonshot.InternalServerError):
        client.files.list(max_retries=0)
    assert len(recorder.requests) == 1
    with pytest.raises(moonshot.InternalServerError):
        client.files.list(max_retries=1)
    assert len(recorder.requests) == 3


# ----------------------------------------------------------------------------- lenient / strict

DRIFTED = {
    "id": "batch_1", "object": "batch", "endpoint": "/v1/chat/completions", "errors": None,
    "input_file_id": "file_1", "completion_window": "24h", "status": "in_queue", "created_at": 1741685413,
    "request_counts": "pending", "metadata": {"job": 7},
}  # fmt: skip


def test_a_body_breaking_the_schema_is_kept_as_received():
    client = siliconflow.SiliconFlow(
        api_key=KEY,
        http_client=httpx.Client(
            transport=httpx.MockTransport(lambda r: httpx.Response(200, json=DRIFTED))
        ),
    )
    batch = client.batches.retrieve("batch_1")
    assert isinstance(batch, siliconflow.BatchObject)
    assert batch.request_counts == "pending"  # kept as received
    assert batch.created_at == 1741685413 and batch.status == "in_queue"
    assert batch.metadata.model_extra == {"job": 7}


def test_strict_response_validation_raises():
    client = siliconflow.SiliconFlow(
        api_key=KEY,
        strict_response_validation=True,
        http_client=httpx.Client(
            transport=httpx.MockTransport(lambda r: httpx.Response(200, json=DRIFTED))
        ),
    )
    with pytest.raises(siliconflow.APIResponseValidationError) as caught:
        client.batches.retrieve("batch_1")
    assert caught.value.status_code == 200
    assert caught.value.body == DRIFTED


# ----------------------------------------------------------------------------- logging


def test_debug_log_redacts_the_api_key(monkeypatch, caplog):
    monkeypatch.setenv("MOONSHOT_LOG", "debug")
    client = moonshot_client(
        Recorder(httpx.Response(200, json={"object": "list", "data": []}))
    )
    with caplog.at_level(logging.DEBUG, logger="moonshot"):
        client.files.list()
    text = caplog.text
    assert "GET https://api.moonshot.ai/v1/files" in text
    assert "<redacted>" in text
    assert KEY not in text
    assert KEY not in repr(client)
