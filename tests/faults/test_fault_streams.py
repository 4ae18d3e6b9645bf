"""Faults once a streamed body has begun: a file download or a server-sent-event stream
cut by a reset, and a stream the caller leaves early while the server still holds it
open. A started body is not retried, and its connection must still be let go."""

from __future__ import annotations

import inspect
import json
import threading
from pathlib import Path
from typing import Any

import moonshot.models
import pytest
from fault_harness import (
    FaultClient,
    MakeClient,
    assert_delays,
    assert_no_connection_left_open,
    eventually,
)
from fault_server import FaultServer, hang_mid_body, reset_mid_body

from tests.support import PROVIDERS, Provider

FILE_ID = "file_1"
DOWNLOAD_PREFIX = b'{"custom_id": "r1", "body": {}}\n' * 64

CHUNK = {"id": "chatcmpl-1", "object": "chat.completion.chunk", "choices": []}
SSE_PREFIX = f"data: {json.dumps(CHUNK)}\n\n".encode()
CHAT_REQUEST = moonshot.models.KimiK26ChatRequest(
    model="kimi-k2.6",
    messages=[moonshot.models.Message(role="user", content="Hello")],
)


async def download(client: FaultClient, path: Path) -> None:
    """files.with_streaming_response.content(...) into `path`, sync or async."""
    streaming = client.client.files.with_streaming_response.content(FILE_ID)
    if client.mode == "sync":
        with streaming as response:
            response.stream_to_file(path)
    else:
        async with streaming as response:
            await response.stream_to_file(path)


@pytest.mark.parametrize(
    "provider", [PROVIDERS["moonshot"], PROVIDERS["mka1"]], ids=str
)  # SiliconFlow documents no file content endpoint
async def test_download_reset_mid_body_lets_the_connection_go(
    provider: Provider,
    mode: str,
    server: FaultServer,
    make_client: MakeClient,
    tmp_path: Path,
) -> None:
    server.script(
        reset_mid_body(200, DOWNLOAD_PREFIX, "application/octet-stream"),
    )
    client = make_client(provider, mode)

    # A transport failure inside a streamed body is the package's own error too.
    with pytest.raises(provider.error("APIConnectionError")):
        await download(client, tmp_path / "out.jsonl")

    assert len(server.requests) == 1, "a body already being streamed is not retried"
    assert server.requests[0].path.endswith(f"/files/{FILE_ID}/content")
    assert_delays(client.sleeps, [])
    await assert_no_connection_left_open(client, server)


def open_chat_stream(client: FaultClient) -> Any:
    return client.client.chat.completions.create(**CHAT_REQUEST.to_dict(), stream=True)


async def first_chunks(client: FaultClient, stream: Any, count: int) -> list[Any]:
    """Up to `count` chunks, then leave the loop (early, if the stream has more)."""
    chunks: list[Any] = []
    if client.mode == "sync":
        for chunk in stream:
            chunks.append(chunk)
            if len(chunks) == count:
                break
    else:
        async for chunk in stream:
            chunks.append(chunk)
            if len(chunks) == count:
                break
    return chunks


async def test_event_stream_reset_after_first_event(
    mode: str, server: FaultServer, make_client: MakeClient
) -> None:
    """The first event arrives; then (once the test has it) the connection is reset."""
    provider = PROVIDERS["moonshot"]
    release = threading.Event()
    server.script(reset_mid_body(200, SSE_PREFIX, "text/event-stream", release=release))
    client = make_client(provider, mode)
    stream = open_chat_stream(client)
    if inspect.isawaitable(stream):
        stream = await stream
    lost = provider.error("APIConnectionError")

    if mode == "sync":
        events = iter(stream)
        first = next(events)
        release.set()
        with pytest.raises(lost):
            next(events)
    else:
        async_events = aiter(stream)
        first = await anext(async_events)
        release.set()
        with pytest.raises(lost):
            await anext(async_events)

    assert first.id == "chatcmpl-1"
    assert len(server.requests) == 1, "a stream already under way is not retried"
    assert json.loads(server.requests[0].body)["stream"] is True
    assert_delays(client.sleeps, [])
    await assert_no_connection_left_open(client, server)


async def test_event_stream_left_early_closes_its_connection(
    mode: str, server: FaultServer, make_client: MakeClient
) -> None:
    """The server sends one event and holds the stream open; breaking out of the loop
    must close the connection itself, before the client is closed."""
    provider = PROVIDERS["moonshot"]
    server.script(hang_mid_body(SSE_PREFIX, "text/event-stream"))
    client = make_client(provider, mode)
    stream = open_chat_stream(client)
    if inspect.isawaitable(stream):
        stream = await stream

    chunks = await first_chunks(client, stream, count=1)

    assert [chunk.id for chunk in chunks] == ["chatcmpl-1"]
    assert await eventually(lambda: server.open_connections == 0), (
        "leaving the stream early did not close its connection"
    )
    await assert_no_connection_left_open(client, server)
