"""The whole batch workflow, end to end, against the stateful fake of each provider:
upload a JSONL file, create a batch, wait for it, download the output as a stream.

Each test runs for Moonshot, SiliconFlow and MKA1, with the sync and the async client.
The fake advances a batch one status per retrieve (validating/in_queue -> in_progress ->
finalizing -> completed), so wait() must poll exactly three times and sleep twice.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from workflow_helpers import (
    ON_BEHALF_OF,
    Harness,
    download_url,
    read_jsonl,
    request_counts,
    write_input_jsonl,
)

POLL_INTERVAL = 0.25


async def download_results(h: Harness, batch: Any, out: Path) -> None:
    """Download the batch's output the way the provider documents it."""
    if h.case.name == "siliconflow":
        # SiliconFlow documents no file-content endpoint (and the client has none); its
        # batch guide only says the result file's URL stays valid for a month.  The fake
        # puts that URL in output_file_id (an assumption: the guide names no field).
        assert not hasattr(h.client.files, "content")
        assert batch.output_file_id.startswith(h.fake.root_url + "/sf-batch-results/")
        await download_url(h.mode, batch.output_file_id, out)
    else:
        await h.stream_content_to_file(batch.output_file_id, out)


async def test_upload_create_wait_and_stream_the_output(
    h: Harness, tmp_path: Path
) -> None:
    source = tmp_path / "requests.jsonl"
    custom_ids = write_input_jsonl(source)

    file_id = await h.upload(source)
    stored = h.fake.files[file_id]
    assert (stored.filename, stored.purpose) == ("requests.jsonl", "batch")
    assert stored.content == source.read_bytes()

    batch = await h.create_batch(file_id)
    assert (batch.input_file_id, batch.status) == (file_id, h.case.initial_status)
    assert batch.output_file_id is None

    done = await h.call(h.client.batches.wait(batch.id, poll_interval=POLL_INTERVAL))

    assert (done.id, done.status) == (batch.id, "completed")
    assert done.output_file_id
    assert request_counts(done) == {"total": 3, "completed": 3, "failed": 0}
    assert h.polls(batch.id) == 3  # in_progress, finalizing, completed
    # The wait between polls grows by half each time.
    assert h.sleeps == [POLL_INTERVAL, POLL_INTERVAL * 1.5]

    out = tmp_path / "downloads" / "output.jsonl"
    out.parent.mkdir()
    await download_results(h, done, out)

    served = h.fake.content_served[-1]
    assert served.chunks > 1, "the fake sent the output in several chunks"
    assert out.read_bytes() == h.fake.files[served.file_id].content
    results = read_jsonl(out)
    assert [line["custom_id"] for line in results] == custom_ids
    for line in results:
        assert line["error"] is None
        assert line["response"]["status_code"] == 200
        body = line["response"]["body"]
        assert body["object"] == "chat.completion"
        assert body["choices"][0]["message"]["role"] == "assistant"

    api_requests = [r for r in h.fake.requests if r.path.startswith(h.fake.prefix)]
    posts = [r for r in api_requests if r.method == "POST"]
    keys = [r.headers.get("idempotency-key") for r in posts]
    assert len(posts) == 2 and all(keys) and len(set(keys)) == 2
    if h.case.name == "mka1":
        assert {r.headers.get("x-on-behalf-of") for r in api_requests} == {ON_BEHALF_OF}


@pytest.mark.parametrize("case", ["moonshot", "mka1"], indirect=True)
async def test_file_content_is_streamed_not_buffered(
    h: Harness, tmp_path: Path
) -> None:
    """The fake holds back the body after its first chunk until the test has that chunk:
    a client that reads the whole body first makes the fake's gate time out."""
    source = tmp_path / "requests.jsonl"
    write_input_jsonl(source)
    file_id = await h.upload(source)
    content = h.fake.files[file_id].content
    h.fake.gate_content = True

    if h.is_async:
        async with h.client.files.with_streaming_response.content(file_id) as response:
            chunks = response.iter_bytes()
            first = await anext(chunks)
            h.fake.release_content()
            rest = b"".join([chunk async for chunk in chunks])
    else:
        with h.client.files.with_streaming_response.content(file_id) as response:
            chunks = response.iter_bytes()
            first = next(chunks)
            h.fake.release_content()
            rest = b"".join(chunks)

    assert first and first + rest == content
    assert h.fake.content_served[-1].gate_timed_out is False


async def test_wait_returns_a_cancelled_batch_without_sleeping(
    h: Harness, tmp_path: Path
) -> None:
    source = tmp_path / "requests.jsonl"
    write_input_jsonl(source)
    batch = await h.create_batch(await h.upload(source))
    cancelling = await h.call(h.client.batches.cancel(batch.id))
    assert cancelling.status == "cancelling"

    done = await h.call(h.client.batches.wait(batch.id, poll_interval=POLL_INTERVAL))

    assert (done.status, done.output_file_id) == ("cancelled", None)
    assert h.polls(batch.id) == 1
    assert h.sleeps == []


async def test_wait_gives_up_at_its_deadline(h: Harness, tmp_path: Path) -> None:
    source = tmp_path / "requests.jsonl"
    write_input_jsonl(source)
    batch = await h.create_batch(await h.upload(source))
    h.fake.stall_batches = True  # the batch never leaves in_progress

    seen: list[Any] = []
    with pytest.raises(h.case.package.WaitTimeoutError) as raised:
        await h.call(
            h.client.batches.wait(
                batch.id,
                poll_interval=0.05,
                max_poll_interval=0.1,
                deadline=0.5,
                on_poll=seen.append,
            )
        )

    assert issubclass(h.case.package.WaitTimeoutError, h.case.package.SDKError)
    assert h.fake.batches[batch.id].status == "in_progress"
    # The error carries the last state seen; on_poll saw every one.
    assert raised.value.last.status == "in_progress" and raised.value.last is seen[-1]
    assert h.polls(batch.id) == len(seen) >= 2
    # 0.05, then half as long again each time, up to 0.1; never past the deadline.
    assert h.sleeps[:3] == pytest.approx([0.05, 0.075, 0.1])
    assert set(h.sleeps[2:]) == {0.1}
    assert sum(h.sleeps) <= 0.5


@pytest.mark.parametrize("case", ["mka1"], indirect=True)
async def test_wait_sends_per_request_options(
    h: Harness, make_harness: Any, tmp_path: Path
) -> None:
    """MKA1 refuses any request without the end user's X-On-Behalf-Of: a client set up
    without one still waits, given `on_behalf_of` for the wait's own calls."""
    source = tmp_path / "requests.jsonl"
    write_input_jsonl(source)
    batch = await h.create_batch(await h.upload(source))
    bare = make_harness(on_behalf_of=None)
    with pytest.raises(h.case.package.PermissionDeniedError):
        await bare.call(bare.client.batches.wait(batch.id, poll_interval=0.01))
    done = await bare.call(
        bare.client.batches.wait(
            batch.id, poll_interval=0.01, on_behalf_of=ON_BEHALF_OF
        )
    )
    assert done.status == "completed"
