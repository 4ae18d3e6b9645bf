"""Behaviour every generated client shares, checked on all three providers, sync and async:
configuration from the environment, non-JSON error bodies, file uploads, retries."""

from __future__ import annotations

import importlib
import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from client_harness import (
    json_reply,
    multipart_of,
    raise_reply,
    raw_reply,
    url_without_query,
)

from tests.support import PROVIDERS


@dataclass(frozen=True)
class Probe:
    """A few calls per provider, with minimal valid answers, for the shared tests."""

    get: Callable[[Any], Any]  # a GET without arguments
    get_path: str
    get_body: Any
    post: Callable[[Any], Any]  # a POST without a body (cancel)
    post_path: str
    post_body: Any
    upload: Callable[
        ..., Any
    ]  # lambda client, file: client.files.create(file=file, purpose="batch")
    upload_body: Any
    envelope: str | None = None  # the field of a body that holds the result

    @property
    def uploaded(self) -> Any:
        """What the upload returns: its body, or what the body's envelope holds."""
        return (
            self.upload_body
            if self.envelope is None
            else self.upload_body[self.envelope]
        )


PROBES = {
    "moonshot": Probe(
        get=lambda c: c.models.list(),
        get_path="/v1/models",
        get_body={"object": "list", "data": []},
        post=lambda c: c.batches.cancel("batch_xxx"),
        post_path="/v1/batches/batch_xxx/cancel",
        post_body={
            "id": "batch_xxx",
            "object": "batch",
            "endpoint": "/v1/chat/completions",
            "input_file_id": "file-xxx",
            "completion_window": "24h",
            "status": "cancelling",
            "created_at": 1711475054,
            "request_counts": {"completed": 0, "failed": 0, "total": 10},
        },
        upload=lambda c, file: c.files.create(file=file, purpose="batch"),
        upload_body={
            "id": "file-xxx",
            "object": "file",
            "bytes": 11,
            "created_at": 1711475054,
            "filename": "requests.jsonl",
            "purpose": "batch",
            "status": "ok",
        },
    ),
    "siliconflow": Probe(
        get=lambda c: c.batches.list(),
        get_path="/batches",
        get_body={"object": "list", "data": [], "has_more": False},
        post=lambda c: c.batches.cancel("batch_rdyqgrcgjg"),
        post_path="/batches/batch_rdyqgrcgjg/cancel",
        post_body={"id": "batch_rdyqgrcgjg", "object": "batch", "status": "cancelling"},
        upload=lambda c, file: c.files.create(purpose="batch", file=file),
        upload_body={
            "code": 20000,
            "message": "Ok",
            "status": True,
            "data": {
                "id": "file-jkvytbjtow",
                "object": "file",
                "createdAt": 1741685396,
            },
        },
        envelope="data",
    ),
    "mka1": Probe(
        get=lambda c: c.batches.list(),
        get_path="/api/v1/llm/batches",
        get_body={"object": "list", "data": [], "has_more": False},
        post=lambda c: c.batches.cancel("batch_aa87e2b1112a455b8deabed784372198"),
        post_path="/api/v1/llm/batches/batch_aa87e2b1112a455b8deabed784372198/cancel",
        post_body={
            "id": "batch_aa87e2b1112a455b8deabed784372198",
            "object": "batch",
            "endpoint": "/v1/chat/completions",
            "input_file_id": "file_abc123",
            "completion_window": "24h",
            "status": "cancelling",
            "created_at": 1704067200,
            "request_counts": {"total": 3, "completed": 1, "failed": 0},
            "max_concurrency": 8,
        },
        upload=lambda c, file: c.files.create(file=file, purpose="batch"),
        upload_body={
            "id": "file_abc123",
            "object": "file",
            "bytes": 11,
            "created_at": 1704067100,
            "filename": "requests.jsonl",
            "purpose": "batch",
        },
    ),
}

provider_names = pytest.mark.parametrize("provider", list(PROVIDERS))

# ----------------------------------------------------------------------------- configuration


@provider_names
async def test_api_key_from_the_environment(
    provider: str, mode: str, make_client, monkeypatch
) -> None:
    spec, probe = PROVIDERS[provider], PROBES[provider]
    monkeypatch.setenv(f"{spec.env_prefix}_API_KEY", "env-key-123")
    harness = make_client(provider, mode, json_reply(probe.get_body), api_key=None)
    await harness.call(probe.get)
    assert harness.request.headers["authorization"] == "Bearer env-key-123"
    assert url_without_query(harness.request) == spec.base_url + probe.get_path


@provider_names
async def test_api_key_argument_wins_over_the_environment(
    provider: str, mode: str, make_client, monkeypatch
) -> None:
    spec, probe = PROVIDERS[provider], PROBES[provider]
    monkeypatch.setenv(f"{spec.env_prefix}_API_KEY", "env-key-123")
    harness = make_client(
        provider, mode, json_reply(probe.get_body), api_key="arg-key-456"
    )
    await harness.call(probe.get)
    assert harness.request.headers["authorization"] == "Bearer arg-key-456"


@provider_names
@pytest.mark.parametrize("suffix", ["", "/"])
async def test_base_url_from_the_environment(
    provider: str, suffix: str, mode: str, make_client, monkeypatch
) -> None:
    spec, probe = PROVIDERS[provider], PROBES[provider]
    monkeypatch.setenv(
        f"{spec.env_prefix}_BASE_URL", "https://llm-proxy.internal.example/gw" + suffix
    )
    harness = make_client(provider, mode, json_reply(probe.get_body))
    await harness.call(probe.get)
    assert (
        url_without_query(harness.request)
        == "https://llm-proxy.internal.example/gw" + probe.get_path
    )


@provider_names
async def test_base_url_argument_wins_over_the_environment(
    provider: str, mode: str, make_client, monkeypatch
) -> None:
    spec, probe = PROVIDERS[provider], PROBES[provider]
    monkeypatch.setenv(f"{spec.env_prefix}_BASE_URL", "https://from-env.example")
    harness = make_client(
        provider,
        mode,
        json_reply(probe.get_body),
        base_url="http://127.0.0.1:8080/mock/",
    )
    await harness.call(probe.get)
    assert (
        url_without_query(harness.request)
        == "http://127.0.0.1:8080/mock" + probe.get_path
    )


@provider_names
async def test_default_base_url_is_the_spec_server(
    provider: str, mode: str, make_client
) -> None:
    spec, probe = PROVIDERS[provider], PROBES[provider]
    harness = make_client(provider, mode, json_reply(probe.post_body))
    await harness.call(probe.post)
    assert harness.request.method == "POST"
    assert str(harness.request.url) == spec.base_url + probe.post_path


@provider_names
@pytest.mark.parametrize("client_mode", ["sync", "async"])
def test_missing_api_key_raises_sdk_error(provider: str, client_mode: str) -> None:
    spec = PROVIDERS[provider]
    client_class = spec.sync_class if client_mode == "sync" else spec.async_class
    with pytest.raises(spec.package.SDKError) as caught:
        client_class()
    assert f"{spec.env_prefix}_API_KEY" in str(caught.value)
    assert not isinstance(caught.value, spec.package.APIError)


@provider_names
async def test_repr_does_not_leak_the_api_key(
    provider: str, mode: str, make_client, monkeypatch
) -> None:
    spec = PROVIDERS[provider]
    harness = make_client(provider, mode, api_key="sk-very-secret-value-9876")
    assert "sk-very-secret-value-9876" not in repr(harness.client)
    assert "sk-very-secret-value-9876" not in str(harness.client)
    assert spec.base_url in repr(harness.client)
    monkeypatch.setenv(f"{spec.env_prefix}_API_KEY", "sk-env-secret-5432")
    from_env = make_client(provider, mode, api_key=None)
    assert "sk-env-secret-5432" not in repr(from_env.client)


# ----------------------------------------------------------------------------- non-JSON error bodies

# The gateway page Moonshot documents for 504 (errors page: "the gateway returns an HTML timeout page").
HTML_504 = (
    "<html>\r\n<head><title>504 Gateway Time-out</title></head>\r\n<body>\r\n"
    "<center><h1>504 Gateway Time-out</h1></center>\r\n<hr><center>nginx</center>\r\n"
    "</body>\r\n</html>\r\n"
)


@provider_names
async def test_html_gateway_timeout_page(provider: str, mode: str, make_client) -> None:
    spec, probe = PROVIDERS[provider], PROBES[provider]
    harness = make_client(
        provider,
        mode,
        raw_reply(HTML_504, status=504, content_type="text/html"),
        max_retries=0,
    )
    with pytest.raises(spec.package.InternalServerError) as caught:
        await harness.call(probe.get)
    error = caught.value
    assert error.status_code == 504
    assert error.body == HTML_504
    assert HTML_504.strip() in error.message
    assert "504 Gateway Time-out" in str(error)


@provider_names
async def test_plain_text_401(provider: str, mode: str, make_client) -> None:
    spec, probe = PROVIDERS[provider], PROBES[provider]
    text = "Invalid Authentication"
    harness = make_client(
        provider,
        mode,
        raw_reply(text, status=401, content_type="text/plain"),
        max_retries=0,
    )
    with pytest.raises(spec.package.AuthenticationError) as caught:
        await harness.call(probe.get)
    assert caught.value.status_code == 401
    assert caught.value.body == text
    assert text in caught.value.message


@provider_names
async def test_empty_error_body(provider: str, mode: str, make_client) -> None:
    spec, probe = PROVIDERS[provider], PROBES[provider]
    harness = make_client(provider, mode, raw_reply(b"", status=404), max_retries=0)
    with pytest.raises(spec.package.NotFoundError) as caught:
        await harness.call(probe.get)
    assert caught.value.status_code == 404
    assert caught.value.body == ""
    assert "404" in caught.value.message


# ----------------------------------------------------------------------------- uploads

DATA = b'{"custom_id": "request-1"}\n'


def _file_part(harness) -> Any:  # type: ignore[no-untyped-def]
    parts = multipart_of(harness.request)
    assert set(parts) == {"file", "purpose"}
    assert parts["purpose"].data == b"batch" and parts["purpose"].filename is None
    assert parts["file"].data == DATA
    return parts["file"]


@provider_names
@pytest.mark.parametrize("as_type", [Path, str], ids=["Path", "str"])
async def test_upload_from_a_path(
    provider: str, as_type: type, mode: str, make_client, tmp_path: Path
) -> None:
    probe = PROBES[provider]
    path = tmp_path / "requests.jsonl"
    path.write_bytes(DATA)
    harness = make_client(provider, mode, json_reply(probe.upload_body))
    await harness.call(probe.upload, file=as_type(path))
    assert harness.request.method == "POST"
    assert _file_part(harness).filename == "requests.jsonl"


@provider_names
async def test_upload_from_bytes(provider: str, mode: str, make_client) -> None:
    probe = PROBES[provider]
    harness = make_client(provider, mode, json_reply(probe.upload_body))
    result = await harness.call(probe.upload, file=DATA)
    filename = _file_part(harness).filename
    assert (
        filename and filename.strip() and filename != "blob"
    )  # MKA1 rejects blank / "blob"
    assert (
        result.model_dump(mode="json", by_alias=True, exclude_unset=True)
        == probe.uploaded
    )


@provider_names
async def test_upload_from_a_binary_file_object(
    provider: str, mode: str, make_client, tmp_path: Path
) -> None:
    probe = PROBES[provider]
    path = tmp_path / "batch-input.jsonl"
    path.write_bytes(DATA)
    harness = make_client(provider, mode, json_reply(probe.upload_body))
    with path.open("rb") as handle:
        await harness.call(probe.upload, file=handle)
    assert _file_part(harness).filename == "batch-input.jsonl"


@provider_names
async def test_upload_from_an_in_memory_file_object(
    provider: str, mode: str, make_client
) -> None:
    probe = PROBES[provider]
    harness = make_client(provider, mode, json_reply(probe.upload_body))
    await harness.call(probe.upload, file=io.BytesIO(DATA))
    filename = _file_part(harness).filename
    assert filename and filename.strip() and filename != "blob"


@provider_names
@pytest.mark.parametrize(
    ("file", "content_type"),
    [
        pytest.param(("batch-input.jsonl", DATA), None, id="(name, bytes)"),
        pytest.param(
            ("batch-input.jsonl", DATA, "application/jsonl"),
            "application/jsonl",
            id="(name, bytes, type)",
        ),
        pytest.param(
            ("batch-input.jsonl", io.BytesIO(DATA)), None, id="(name, file object)"
        ),
    ],
)
async def test_upload_with_an_explicit_filename(
    provider: str, file: tuple, content_type: str | None, mode: str, make_client
) -> None:
    """FileInput documents (filename, content[, content type]) tuples."""
    probe = PROBES[provider]
    if isinstance(file[1], io.BytesIO):
        file = (file[0], io.BytesIO(DATA))  # a fresh stream for each run
    harness = make_client(provider, mode, json_reply(probe.upload_body))
    await harness.call(probe.upload, file=file)
    part = _file_part(harness)
    assert part.filename == "batch-input.jsonl"
    if content_type is not None:
        assert part.content_type == content_type


@provider_names
async def test_retried_upload_sends_the_same_bytes(
    provider: str, mode: str, make_client
) -> None:
    """A file object is read once: the retry after a 503 sends the same content again."""
    probe = PROBES[provider]
    harness = make_client(
        provider,
        mode,
        raw_reply("upstream overloaded", status=503),
        json_reply(probe.upload_body),
    )
    await harness.call(probe.upload, file=io.BytesIO(DATA))
    first, second = harness.recorder.requests
    assert multipart_of(first)["file"].data == multipart_of(second)["file"].data == DATA
    assert len(harness.sleeps) == 1


# ----------------------------------------------------------------------------- retries


@provider_names
@pytest.mark.parametrize("status", [408, 409, 429, 500, 502, 503, 504])
async def test_retryable_status_is_retried(
    provider: str, status: int, mode: str, make_client
) -> None:
    """Retried where the package's policy says so: 408, 409, 429 and 5xx by default; the
    statuses MKA1 publishes (x-speakeasy-retries: 429, 500, 502, 503, 504) for it."""
    probe = PROBES[provider]
    harness = make_client(
        provider,
        mode,
        json_reply({"error": {"message": "busy"}}, status=status),
        json_reply(probe.post_body),
    )
    published = importlib.import_module(f"{provider}._constants").RETRY_STATUSES
    if published and str(status) not in published:
        with pytest.raises(Exception) as raised:
            await harness.call(probe.post)
        assert getattr(raised.value, "status_code", None) == status
        assert len(harness.recorder.requests) == 1 and harness.sleeps == []
        return
    result = await harness.call(probe.post)
    assert result.id == probe.post_body["id"]
    first, second = harness.recorder.requests
    assert first.headers["idempotency-key"] == second.headers["idempotency-key"]
    assert len(harness.sleeps) == 1 and 0 < harness.sleeps[0] <= 0.5


@provider_names
async def test_retry_after_header_is_honoured(
    provider: str, mode: str, make_client
) -> None:
    probe = PROBES[provider]
    harness = make_client(
        provider,
        mode,
        json_reply(
            {"error": "Rate limit exceeded"}, status=429, headers={"Retry-After": "3"}
        ),
        json_reply(probe.get_body),
    )
    await harness.call(probe.get)
    assert harness.sleeps == [3.0]
    assert len(harness.recorder.requests) == 2


@provider_names
async def test_retries_are_bounded(provider: str, mode: str, make_client) -> None:
    spec, probe = PROVIDERS[provider], PROBES[provider]
    harness = make_client(provider, mode, raw_reply("down", status=500))
    with pytest.raises(spec.package.InternalServerError):
        await harness.call(probe.get)
    assert len(harness.recorder.requests) == 3  # 1 + DEFAULT_MAX_RETRIES
    assert len(harness.sleeps) == 2 and all(s > 0 for s in harness.sleeps)


@provider_names
@pytest.mark.parametrize("status", [400, 401, 403, 404, 422])
async def test_client_errors_are_not_retried(
    provider: str, status: int, mode: str, make_client
) -> None:
    spec, probe = PROVIDERS[provider], PROBES[provider]
    harness = make_client(provider, mode, json_reply({"message": "no"}, status=status))
    with pytest.raises(spec.package.APIStatusError) as caught:
        await harness.call(probe.get)
    assert caught.value.status_code == status
    assert len(harness.recorder.requests) == 1 and harness.sleeps == []


@provider_names
@pytest.mark.parametrize(
    ("failure", "error_name"),
    [
        (httpx.ConnectError, "APIConnectionError"),
        (httpx.ReadTimeout, "APITimeoutError"),
    ],
)
async def test_transport_failures(
    provider: str,
    failure: type[httpx.TransportError],
    error_name: str,
    mode: str,
    make_client,
) -> None:
    spec, probe = PROVIDERS[provider], PROBES[provider]
    harness = make_client(provider, mode, raise_reply(failure))
    with pytest.raises(spec.package.APIConnectionError) as caught:
        await harness.call(probe.get)
    assert type(caught.value) is getattr(spec.package, error_name)
    assert len(harness.recorder.requests) == 3 and len(harness.sleeps) == 2


@provider_names
async def test_connection_error_then_success(
    provider: str, mode: str, make_client
) -> None:
    probe = PROBES[provider]
    harness = make_client(
        provider, mode, raise_reply(httpx.ConnectError), json_reply(probe.get_body)
    )
    await harness.call(probe.get)
    assert len(harness.recorder.requests) == 2 and len(harness.sleeps) == 1
