"""Listing batches page by page, and cancelling one, against each provider's fake.

The fake lists newest first and pages with `after`/`limit`/`has_more` (+ `first_id`/
`last_id` for SiliconFlow and MKA1; Moonshot's list has `has_more` only), so the client
must take the cursor from `last_id` where the provider sends it, else from the last item.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from workflow_helpers import Harness, write_input_jsonl


async def create_three_batches(h: Harness, tmp_path: Path) -> list[str]:
    source = tmp_path / "requests.jsonl"
    write_input_jsonl(source)
    file_id = await h.upload(source)
    return [(await h.create_batch(file_id)).id for _ in range(3)]


async def test_list_batches_page_by_page(h: Harness, tmp_path: Path) -> None:
    oldest, middle, newest = await create_three_batches(h, tmp_path)

    page = await h.list_first_page(limit=2)
    assert [b.id for b in page.data] == [newest, middle]
    assert page.has_next_page()

    second = await h.next_page(page)
    assert [b.id for b in second.data] == [oldest]
    assert not second.has_next_page()

    requests = h.fake.requests_to("GET", "/batches")
    assert [(r.param("limit"), r.param("after")) for r in requests] == [
        ("2", None),
        ("2", middle),
    ]
    if h.case.name == "siliconflow":
        assert {b.file_name for b in page.data} == {"requests.jsonl"}


async def test_iterating_a_page_yields_every_batch(h: Harness, tmp_path: Path) -> None:
    oldest, middle, newest = await create_three_batches(h, tmp_path)

    batches = await h.list_all(h.client.batches, limit=2)

    assert [b.id for b in batches] == [newest, middle, oldest]
    assert {b.status for b in batches} == {h.case.initial_status}
    requests = h.fake.requests_to("GET", "/batches")
    assert [r.param("after") for r in requests] == [None, middle]


@pytest.mark.parametrize("case", ["mka1"], indirect=True)
async def test_mka1_lists_files_page_by_page(h: Harness, tmp_path: Path) -> None:
    ids = []
    for n in range(3):
        source = tmp_path / f"part-{n}.jsonl"
        write_input_jsonl(source, count=1)
        ids.append(await h.upload(source))

    files = await h.list_all(h.client.files, limit=2)

    assert [f.id for f in files] == ids[::-1]  # order=desc is the default
    requests = h.fake.requests_to("GET", "/files")
    assert [(r.param("limit"), r.param("after")) for r in requests] == [
        ("2", None),
        ("2", ids[1]),
    ]


async def test_cancel_a_batch(h: Harness, tmp_path: Path) -> None:
    first, second, _ = await create_three_batches(h, tmp_path)

    cancelling = await h.call(h.client.batches.cancel(second))
    assert (cancelling.id, cancelling.status) == (second, "cancelling")
    assert cancelling.cancelling_at is not None

    cancelled = await h.call(h.client.batches.retrieve(second))
    assert (cancelled.status, cancelled.output_file_id) == ("cancelled", None)
    assert cancelled.cancelled_at is not None
    assert h.fake.batches[first].status == h.case.initial_status  # others untouched

    with pytest.raises(h.case.package.BadRequestError) as info:
        await h.call(h.client.batches.cancel(second))
    assert info.value.status_code == 400
    assert "cannot be cancelled" in str(info.value)


@pytest.mark.parametrize("case", ["moonshot"], indirect=True)
async def test_moonshot_list_without_has_more_pages_until_an_empty_page(
    h: Harness, tmp_path: Path
) -> None:
    """Moonshot's spec marks has_more optional.  The contract: without has_more there is
    a next page while the page is non-empty and has a last id."""
    oldest, middle, newest = await create_three_batches(h, tmp_path)
    h.fake.omit_has_more = True  # type: ignore[attr-defined]

    batches = await h.list_all(h.client.batches, limit=2)

    assert [b.id for b in batches] == [newest, middle, oldest]
    requests = h.fake.requests_to("GET", "/batches")
    assert [r.param("after") for r in requests] == [None, middle, oldest]
