"""`client.batches.run()`, `resume()` and `results()` against each provider's fake, with
the sync and the async client: the input written with BatchWriter, the result lines
typed, the failed requests (the error file's 404 lines) told apart from the answers."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
from workflow_helpers import ENDPOINT, Harness

QUESTIONS = {"ok-1": "First?", "fail-1": "Second?", "ok-2": "Third?"}


def write_requests(h: Harness, path: Path) -> None:
    with h.case.package.BatchWriter(path, url=ENDPOINT) as writer:
        for custom_id, question in QUESTIONS.items():
            writer.add(
                custom_id,
                {
                    "model": "test-model",
                    "messages": [{"role": "user", "content": question}],
                },
            )


async def collect(h: Harness, lines: Any) -> list[Any]:
    if h.is_async:
        return [line async for line in lines]
    return list(lines)


async def test_run_gives_every_line_typed(h: Harness, tmp_path: Path) -> None:
    source = tmp_path / "requests.jsonl"
    write_requests(h, source)
    seen: list[Any] = []

    lines = await collect(
        h,
        h.client.batches.run(
            source,
            endpoint=ENDPOINT,
            completion_window=h.case.completion_window,
            poll_interval=0.01,
            on_poll=seen.append,
        ),
    )

    package = h.case.package
    answers = [line for line in lines if isinstance(line, package.BatchResult)]
    failures = [line for line in lines if isinstance(line, package.BatchFailure)]
    assert [a.custom_id for a in answers] == ["ok-1", "ok-2"]
    assert all(a.status_code == 200 and a.request_id for a in answers)
    if h.case.name == "moonshot":
        # Moonshot's spec has the batch's one endpoint: its body is that model.
        assert all(type(a.body).__name__ == "ChatCompletionResponse" for a in answers)
        contents = [a.body.choices[0].message.content for a in answers]
    else:
        contents = [a.body["choices"][0]["message"]["content"] for a in answers]
    assert contents == ["answer to: First?", "answer to: Third?"]
    # The 404 in the error file is a failure, not an answer.
    [failure] = failures
    assert (failure.custom_id, failure.status_code, failure.code) == (
        "fail-1",
        404,
        "model_not_found",
    )
    assert failure.message == "the model does not exist"
    # One upload, one batch, polled until completed.
    [batch] = h.fake.batches.values()
    assert seen[-1].id == batch.id and seen[-1].status == "completed"
    assert h.fake.files[batch.input_file_id].content == source.read_bytes()


async def test_resume_reads_a_batch_created_earlier(h: Harness, tmp_path: Path) -> None:
    source = tmp_path / "requests.jsonl"
    write_requests(h, source)
    batch = await h.create_batch(await h.upload(source))

    lines = await collect(h, h.client.batches.resume(batch.id, poll_interval=0.01))

    assert sorted(line.custom_id for line in lines) == sorted(QUESTIONS)
    assert len(h.fake.batches) == 1  # nothing created again


async def test_an_interrupted_run_cancels_if_asked(h: Harness, tmp_path: Path) -> None:
    source = tmp_path / "requests.jsonl"
    write_requests(h, source)
    h.fake.stall_batches = True
    interrupt = asyncio.CancelledError if h.is_async else KeyboardInterrupt

    def on_poll(batch: Any) -> None:
        raise interrupt()

    for cancel in (False, True):
        with pytest.raises(interrupt):
            await collect(
                h,
                h.client.batches.run(
                    source,
                    endpoint=ENDPOINT,
                    completion_window=h.case.completion_window,
                    poll_interval=0.01,
                    on_poll=on_poll,
                    cancel_on_interrupt=cancel,
                ),
            )
    kept, cancelled = h.fake.batches.values()
    assert kept.status == "in_progress"
    assert cancelled.status == "cancelling"


async def test_nothing_is_sent_before_the_first_line_is_asked_for(
    h: Harness, tmp_path: Path
) -> None:
    source = tmp_path / "requests.jsonl"
    write_requests(h, source)
    lines = h.client.batches.run(
        source, endpoint=ENDPOINT, completion_window=h.case.completion_window
    )
    assert h.fake.requests == []
    await (lines.aclose() if h.is_async else asyncio.sleep(0, lines.close()))
