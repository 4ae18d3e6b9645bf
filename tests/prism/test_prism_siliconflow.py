"""Every SiliconFlow client operation against `prism mock specs/siliconflow.yaml`.

6 operations, sync and async, static examples and seeded dynamic data (see
prism_harness).

Quirks of specs/siliconflow.yaml that show here, as published:
- The upload and list-files `purpose` is an enum with the single value "batch" (quirk
  16); list-files requires it. Any other purpose is a request violation.
- Batch examples show `null` on fields typed string/integer, with no `nullable` (quirk
  12). Prism with --errors refuses to serve such an example (500), so static mode runs
  against the server without --errors and expects exactly these response violations; the
  client must still parse the body, nulls included.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from prism_harness import (
    FLAVOURS,
    STATIC,
    Flavour,
    Op,
    client_operations,
    exercise,
    table_operations,
)
from prism_server import PrismServer
from siliconflow.models import (
    BatchListItem,
    BatchListResponse,
    BatchMetadata,
    BatchObject,
    BatchReplace,
    FileListItem,
    FileListResponse,
    FileObject,
)

from tests.support import PROVIDERS

PROVIDER = PROVIDERS["siliconflow"]
FILE_ID = "file-jkvytbjtow"
BATCH_ID = "batch_rdyqgrcgjg"

# Fields whose published example is null although their type is not nullable (quirk 12).
NULL_EXAMPLES = {
    "output_file_id": "string",
    "error_file_id": "string",
    "in_progress_at": "integer",
    "finalizing_at": "integer",
    "completed_at": "integer",
    "failed_at": "integer",
    "expired_at": "integer",
    "cancelling_at": "integer",
    "cancelled_at": "integer",
}


def null_example_violations(prefix: str = "") -> list[str]:
    """Prism's messages for the null examples of a BatchObject at `prefix`."""
    return [
        f"[Error] response.body.{prefix}{name}: "
        f"Response body property {prefix}{name} must be {kind}"
        for name, kind in NULL_EXAMPLES.items()
    ]


def _upload(client: Any, path: Path) -> Any:
    """Upload an open binary file (Moonshot sends a path, MKA1 a tuple)."""

    def sync() -> Any:
        with path.open("rb") as handle:
            return client.files.create(purpose="batch", file=handle)

    async def asynchronous() -> Any:
        with path.open("rb") as handle:
            return await client.files.create(purpose="batch", file=handle)

    return asynchronous() if type(client).__name__.startswith("Async") else sync()


OPERATIONS = [
    Op("files.create", _upload, FileObject, upload=True, envelope="data"),
    Op(
        "files.list",
        lambda c, _: c.files.list(purpose="batch", limit=5),
        FileListResponse,
        items=FileListItem,
        envelope="data",
    ),
    Op(
        "batches.create",
        lambda c, _: c.batches.create(
            input_file_id=FILE_ID,
            endpoint="/v1/chat/completions",
            completion_window="24h",
            metadata=BatchMetadata(description="nightly eval job", team="search"),
            replace=BatchReplace(model="deepseek-ai/DeepSeek-V3"),
        ),
        BatchObject,
        static_response_violations=null_example_violations(),
    ),
    Op(
        "batches.list",
        lambda c, _: c.batches.list(limit=2, after=BATCH_ID),
        BatchListResponse,
        items=BatchListItem,
        static_response_violations=null_example_violations("data.0."),
    ),
    Op(
        "batches.retrieve",
        lambda c, _: c.batches.retrieve(BATCH_ID),
        BatchObject,
        static_response_violations=null_example_violations(),
    ),
    Op(
        "batches.cancel",
        lambda c, _: c.batches.cancel(BATCH_ID),
        BatchObject,
        static_response_violations=null_example_violations(),
    ),
]


def test_the_table_covers_every_operation() -> None:
    assert table_operations(OPERATIONS) == client_operations(PROVIDER)
    assert len(client_operations(PROVIDER)) == 6


@pytest.mark.parametrize("flavour", FLAVOURS, ids=str)
@pytest.mark.parametrize("op", OPERATIONS, ids=str)
async def test_operation(
    op: Op,
    flavour: Flavour,
    mode: str,
    siliconflow_prism: PrismServer,
    siliconflow_examples_prism: PrismServer,
    upload_file: Path,
) -> None:
    server = siliconflow_examples_prism if flavour is STATIC else siliconflow_prism
    await exercise(PROVIDER, op, mode, flavour, server.base_url, upload_file)


async def test_null_examples_parse_as_none(
    mode: str, siliconflow_examples_prism: PrismServer, upload_file: Path
) -> None:
    """The published nulls reach the client, which keeps them as None (quirk 12)."""
    op = next(op for op in OPERATIONS if op.name == "batches.retrieve")
    outcome = await exercise(
        PROVIDER, op, mode, STATIC, siliconflow_examples_prism.base_url, upload_file
    )
    body = outcome.exchanges.items[0].json()
    assert all(body[name] is None for name in NULL_EXAMPLES), body
    assert all(getattr(outcome.result, name) is None for name in NULL_EXAMPLES)
    # The published `{}`: a RequestCounts (typed by specs/overlays/siliconflow.yaml) with none set.
    assert outcome.result.request_counts.to_dict() == {}
