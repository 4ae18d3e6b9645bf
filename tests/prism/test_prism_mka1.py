"""Every operation of the generated MKA1 client against `prism mock specs/mka1.yaml`.

9 operations, sync and async, static examples and seeded dynamic data (see
prism_harness). X-On-Behalf-Of is sent from the client for some rows and per call for
others; Prism checks it against the shared `OnBehalfOf` header parameter. Eight
operations document only `4XX`/`5XX` without a schema, so a request Prism rejects gets
an empty 422 there: the failure message then comes from the `sl-violations` header
alone.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from mka1.models import (
    BatchListResponse,
    BatchObject,
    FileDeleteResponse,
    FileListResponse,
    FileObject,
)
from prism_harness import (
    FLAVOURS,
    Flavour,
    Op,
    client_operations,
    exercise,
    table_operations,
)
from prism_server import PrismServer

from tests.support import PROVIDERS

PROVIDER = PROVIDERS["mka1"]
FILE_ID = "file-abc123"
BATCH_ID = "batch_aa87e2b1112a455b8deabed784372198"
ON_BEHALF = {"on_behalf_of": "end-user-42"}

OPERATIONS = [
    Op(
        "files.create",
        lambda c, path: c.files.create(
            # (filename, content, content type): MKA1 wants a nonblank filename.
            file=("requests.jsonl", path.read_bytes(), "application/jsonl"),
            purpose="batch",
            on_behalf_of="end-user-7",
        ),
        FileObject,
        upload=True,
    ),
    Op(
        "files.list",
        lambda c, _: c.files.list(
            after=FILE_ID, limit=100, order="asc", purpose="batch", sha256="ab12cd"
        ),
        FileListResponse,
        items=FileObject,
        client_kwargs=ON_BEHALF,
    ),
    Op("files.retrieve", lambda c, _: c.files.retrieve(FILE_ID), FileObject),
    Op(
        "files.delete",
        lambda c, _: c.files.delete(FILE_ID, on_behalf_of="end-user-7"),
        FileDeleteResponse,
    ),
    Op(
        "files.content",
        lambda c, _: c.files.content(FILE_ID),
        bytes,
        client_kwargs=ON_BEHALF,
    ),
    Op(
        "batches.create",
        lambda c, _: c.batches.create(
            input_file_id=FILE_ID,
            endpoint="/v1/chat/completions",
            completion_window="24h",
            metadata={"project": "nightly-eval"},
            max_concurrency=4,
        ),
        BatchObject,
        client_kwargs=ON_BEHALF,
    ),
    Op(
        "batches.list",
        lambda c, _: c.batches.list(after=BATCH_ID, limit=2),
        BatchListResponse,
        items=BatchObject,
    ),
    Op("batches.retrieve", lambda c, _: c.batches.retrieve(BATCH_ID), BatchObject),
    Op(
        "batches.cancel",
        lambda c, _: c.batches.cancel(BATCH_ID, on_behalf_of="end-user-7"),
        BatchObject,
    ),
]


def test_the_table_covers_every_operation() -> None:
    assert table_operations(OPERATIONS) == client_operations(PROVIDER)
    assert len(client_operations(PROVIDER)) == 9


@pytest.mark.parametrize("flavour", FLAVOURS, ids=str)
@pytest.mark.parametrize("op", OPERATIONS, ids=str)
async def test_operation(
    op: Op, flavour: Flavour, mode: str, mka1_prism: PrismServer, upload_file: Path
) -> None:
    await exercise(PROVIDER, op, mode, flavour, mka1_prism.base_url, upload_file)
