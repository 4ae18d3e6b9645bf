"""A user's batch job, written once for Moonshot. Run on SiliconFlow or MKA1, the import
line below is all that changes (tests/workflow/test_portability.py does just that)."""

from __future__ import annotations

from pathlib import Path

from moonshot import BatchResult, BatchWriter, NotFoundError
from moonshot import Moonshot as Client

ENDPOINT = "/v1/chat/completions"
QUESTIONS = ["What is 2 + 2?", "Name a prime.", "Spell 'batch'."]


def run_job(client: Client, workdir: Path, done: list[str]) -> None:
    """The ten steps; each appends its name to `done` once it has worked."""
    source = workdir / "requests.jsonl"
    with BatchWriter(source, url=ENDPOINT) as writer:
        for number, question in enumerate(QUESTIONS):
            writer.add(
                f"question-{number}",
                {
                    "model": "test-model",
                    "messages": [{"role": "user", "content": question}],
                },
            )
    done.append("write the input file")

    uploaded = client.files.create(file=source, purpose="batch")
    assert uploaded.filename == "requests.jsonl"
    done.append("upload it")

    batch = client.batches.create(
        input_file_id=uploaded.id,
        endpoint=ENDPOINT,
        completion_window="24h",
        metadata={"job": "nightly"},
    )
    assert batch.input_file_id == uploaded.id
    done.append("create a batch")

    assert client.batches.retrieve(batch.id).id == batch.id
    done.append("retrieve it")

    assert batch.id in [listed.id for listed in client.batches.list(limit=10)]
    done.append("list batches")

    finished = client.batches.wait(batch.id, poll_interval=0.01)
    counts = finished.request_counts
    assert finished.status == "completed"
    assert counts and (counts.total, counts.completed, counts.failed) == (3, 3, 0)
    done.append("wait for it")

    answers = [
        line.custom_id
        for line in client.batches.results(finished)
        if isinstance(line, BatchResult)
    ]
    assert answers == [f"question-{number}" for number in range(len(QUESTIONS))]
    done.append("read the results")

    assert uploaded.id in [file.id for file in client.files.list()]
    done.append("list files")

    second = client.batches.create(
        input_file_id=uploaded.id, endpoint=ENDPOINT, completion_window="24h"
    )
    assert client.batches.cancel(second.id).status in ("cancelling", "cancelled")
    done.append("cancel a batch")

    try:
        client.batches.retrieve("batch_does_not_exist")
    except NotFoundError as error:
        assert error.status_code == 404
        done.append("a missing batch is a NotFoundError")
