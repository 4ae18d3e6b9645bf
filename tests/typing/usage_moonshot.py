"""Type-checked with mypy --strict by tests/test_typing.py; never run."""

from __future__ import annotations

from typing import assert_type

from moonshot import AsyncMoonshot, AsyncPage, Moonshot, Stream, SyncPage
from moonshot.models import (
    BatchObject,
    ChatCompletionChunk,
    ChatCompletionResponse,
    Message,
)


def sync_usage(client: Moonshot, message: Message) -> None:
    page = client.batches.list(limit=2)
    assert_type(page, SyncPage[BatchObject])
    for batch in page:
        assert_type(batch, BatchObject)
    assert_type(page.get_next_page(), SyncPage[BatchObject])
    raw = client.batches.with_raw_response.retrieve("batch_abc123")
    assert_type(raw.parse(), BatchObject)
    with client.files.with_streaming_response.content("file_abc123") as response:
        response.stream_to_file("out.jsonl")
    # Keyword arguments; a message may be a model or a dict.
    answer = client.chat.completions.create(
        model="kimi-k2.6",
        messages=[message, {"role": "user", "content": "Hi"}],
    )
    assert_type(answer, ChatCompletionResponse)
    stream = client.chat.completions.create(
        model="kimi-k2.6", messages=[message], stream=True
    )
    assert_type(stream, Stream[ChatCompletionChunk])
    batch = client.batches.create(
        input_file_id="file_abc123",
        completion_window="24h",
        metadata={"team": "search"},
    )
    assert_type(batch, BatchObject)
    assert_type(client.batches.wait("batch_abc123"), BatchObject)
    assert_type(client.with_options(max_retries=0), Moonshot)


async def async_usage(client: AsyncMoonshot) -> None:
    async for batch in client.batches.list():
        assert_type(batch, BatchObject)
    page = await client.batches.list()
    assert_type(page, AsyncPage[BatchObject])
    raw = await client.batches.with_raw_response.cancel("batch_abc123")
    assert_type(raw.parse(), BatchObject)
    async with client.files.with_streaming_response.content("file_abc123") as response:
        await response.stream_to_file("out.jsonl")
    assert_type(await client.batches.wait("batch_abc123"), BatchObject)
