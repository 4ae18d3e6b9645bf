"""The in-memory fake every generated package has (`<package>.testing`): it answers each
operation with the spec's example, keeps files and batches for the batch workflow, and
works for the sync and the async client."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from moonshot.testing import ROUTES, FakeMoonshot
from siliconflow.testing import FakeSiliconFlow


def test_an_operation_outside_the_workflow_answers_with_its_example() -> None:
    fake = FakeMoonshot()
    [route] = [r for r in ROUTES if (r.method, r.path) == ("get", "/v1/models")]
    assert route.example is not None and route.role == ""
    with fake.client() as client:
        models = list(client.models.list())
    assert [m.id for m in models] == [
        item["id"] for item in json.loads(route.example)["data"]
    ]
    assert [str(r.url) for r in fake.requests] == ["https://api.moonshot.ai/v1/models"]


def test_an_unknown_id_is_a_404_of_the_package() -> None:
    import moonshot

    with FakeMoonshot().client() as client, pytest.raises(moonshot.NotFoundError):
        client.batches.retrieve("batch_nope")


async def test_the_async_client_runs_a_batch_on_the_fake(tmp_path: Path) -> None:
    import siliconflow

    source = tmp_path / "requests.jsonl"
    with siliconflow.BatchWriter(source, url="/v1/chat/completions") as writer:
        writer.add("a", {"model": "m", "messages": []})
        writer.add("b", {"model": "m", "messages": []})
    fake = FakeSiliconFlow()
    async with fake.async_client() as client:
        lines = [
            line
            async for line in client.batches.run(
                source, endpoint="/v1/chat/completions", completion_window="24h"
            )
        ]
    assert [line.custom_id for line in lines] == ["a", "b"]
    [batch] = fake.batches.values()
    assert batch["status"] == "completed"
    # SiliconFlow has no download: its result file id is a URL, served by the fake.
    assert str(batch["output_file_id"]).startswith("https://")
    uploaded = fake.files[str(batch["input_file_id"])]
    assert uploaded.content == source.read_bytes()
    assert uploaded.record["filename"] == "requests.jsonl"
