"""The fake providers speak each provider's wire format: checked through the generated
clients (sync and async) with the operations that exist today."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from workflow_helpers import (
    ENDPOINT,
    ON_BEHALF_OF,
    Harness,
    ssl_context,
    write_input_jsonl,
)

AUTH_MESSAGES = {
    "moonshot": "Invalid Authentication",  # ErrorResponse {"error": {...}}
    "siliconflow": "Invalid token",  # a bare JSON string
    "mka1": "Invalid Authentication",  # {"error": {"message", "type", "code": int}}
}

WINDOWS = {  # provider: (accepted, rejected)
    "moonshot": (["12h", "1d", "7d"], ["6h", "8d", "24"]),
    "siliconflow": (["24h", "336h"], ["12h", "337h", "1d"]),
    "mka1": (["24h"], ["48h", "1d"]),
}


async def test_a_wrong_api_key_is_rejected(make_harness, case) -> None:  # type: ignore[no-untyped-def]
    h: Harness = make_harness(api_key="sk-wrong")

    with pytest.raises(case.package.AuthenticationError) as info:
        await h.call(h.client.batches.list(limit=1))

    assert info.value.status_code == 401
    assert AUTH_MESSAGES[case.name] in str(info.value)
    if case.name == "siliconflow":
        assert info.value.body == "Invalid token"


async def test_completion_window_is_checked_per_provider(
    h: Harness, tmp_path: Path
) -> None:
    source = tmp_path / "requests.jsonl"
    write_input_jsonl(source)
    file_id = await h.upload(source)
    accepted, rejected = WINDOWS[h.case.name]

    for window in accepted:
        batch = await h.call(
            h.client.batches.create(
                input_file_id=file_id, endpoint=ENDPOINT, completion_window=window
            )
        )
        assert batch.completion_window == window
    for window in rejected:
        with pytest.raises(h.case.package.BadRequestError, match="completion_window"):
            await h.call(
                h.client.batches.create(
                    input_file_id=file_id, endpoint=ENDPOINT, completion_window=window
                )
            )


async def test_a_batch_needs_a_valid_input_file(h: Harness, tmp_path: Path) -> None:
    source = tmp_path / "requests.jsonl"
    source.write_text('{"custom_id": "a", "method": "POST", "url": "/v1/embeddings"}\n')
    file_id = await h.upload(source)

    for input_file_id, message in [
        (file_id, "url must be POST /v1/chat/completions"),
        ("file-missing", "not found"),
    ]:
        with pytest.raises(h.case.package.BadRequestError, match=message):
            await h.call(
                h.client.batches.create(
                    input_file_id=input_file_id,
                    endpoint=ENDPOINT,
                    completion_window=h.case.completion_window,
                )
            )
    assert h.fake.batches == {}


@pytest.mark.parametrize("case", ["moonshot", "mka1"], indirect=True)
async def test_file_metadata_content_and_delete(h: Harness, tmp_path: Path) -> None:
    source = tmp_path / "requests.jsonl"
    write_input_jsonl(source)
    file_id = await h.upload(source)

    info = await h.call(h.client.files.retrieve(file_id))
    assert (info.id, info.filename, info.bytes_) == (
        file_id,
        "requests.jsonl",
        source.stat().st_size,
    )
    assert await h.call(h.client.files.content(file_id)) == source.read_bytes()
    assert h.fake.content_served[-1].chunks > 1

    deleted = await h.call(h.client.files.delete(file_id))
    assert (deleted.id, deleted.deleted) == (file_id, True)
    with pytest.raises(h.case.package.NotFoundError):
        await h.call(h.client.files.retrieve(file_id))


@pytest.mark.parametrize("case", ["siliconflow"], indirect=True)
async def test_siliconflow_file_envelopes_and_no_content_endpoint(
    h: Harness, tmp_path: Path
) -> None:
    source = tmp_path / "requests.jsonl"
    write_input_jsonl(source)

    # The envelope is unwrapped: the methods return what its `data` holds.
    uploaded = await h.call(h.client.files.create(file=source, purpose="batch"))
    assert uploaded.created_at == h.fake.files[uploaded.id].created_at
    raw = await h.call(
        h.client.files.with_raw_response.create(file=source, purpose="batch")
    )
    envelope = raw.http_response.json()
    assert (envelope["code"], envelope["message"], envelope["status"]) == (
        20000,
        "Ok",
        True,
    )

    listed = await h.list_all(h.client.files)
    assert [(f.id, f.line_count) for f in listed] == [
        (uploaded.id, 3),
        (envelope["data"]["id"], 3),
    ]

    # No retrieve/delete/content operation is documented, so neither the client nor
    # the fake has one.
    for name in ("retrieve", "delete", "content"):
        assert not hasattr(h.client.files, name)
    async with httpx.AsyncClient(verify=ssl_context()) as http:
        response = await http.get(
            f"{h.fake.base_url}/files/{uploaded.id}/content",
            headers={"Authorization": f"Bearer {h.case.api_key}"},
        )
    assert (response.status_code, response.json()) == (404, "404 page not found")


@pytest.mark.parametrize("case", ["mka1"], indirect=True)
async def test_mka1_fake_requires_the_on_behalf_of_header(make_harness) -> None:  # type: ignore[no-untyped-def]
    plain: Harness = make_harness(on_behalf_of=None)
    with pytest.raises(plain.case.package.PermissionDeniedError, match="None"):
        await plain.call(plain.client.batches.list())

    h: Harness = make_harness()
    page = await h.call(h.client.batches.list())
    assert page.data == []
    # a per-call value replaces the client's and is passed through as sent
    with pytest.raises(h.case.package.PermissionDeniedError, match="someone-else"):
        await h.call(h.client.batches.list(on_behalf_of="someone-else"))

    sent = [r.headers.get("x-on-behalf-of") for r in h.fake.requests]
    assert sent == [None, ON_BEHALF_OF, "someone-else"]


async def test_fake_bodies_match_the_spec_models(make_harness, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """With strict_response_validation every body the fake sends must fit the models
    generated from the provider's spec."""
    h: Harness = make_harness(strict_response_validation=True)
    source = tmp_path / "requests.jsonl"
    write_input_jsonl(source)
    file_id = await h.upload(source)
    first = await h.create_batch(file_id)
    second = await h.create_batch(file_id)
    await h.call(h.client.batches.cancel(second.id))

    done = await h.call(h.client.batches.wait(first.id, poll_interval=0.01))
    cancelled = await h.call(h.client.batches.wait(second.id, poll_interval=0.01))
    listed = await h.list_all(h.client.batches, limit=1)

    assert (done.status, cancelled.status) == ("completed", "cancelled")
    assert [b.id for b in listed] == [second.id, first.id]
    if h.case.name == "siliconflow":
        files = await h.list_all(h.client.files)
        assert [f.id for f in files] == [file_id]
    else:
        output = await h.call(h.client.files.retrieve(done.output_file_id))
        assert (output.purpose, output.bytes_) == (
            "batch",
            len(h.fake.files[output.id].content),
        )
