"""How a Prism test calls one operation and what it checks.

`exercise()` builds the provider's sync or async client on the Prism server, records
every exchange with an httpx event hook, makes the call, and then checks:
- exactly one request went out and Prism found no violation in it (otherwise the test
  fails with Prism's own messages from the `sl-violations` header);
- Prism's answer matches the spec, except for the violations a row documents;
- the result is the documented model (a page of the documented item model for cursor
  lists, the raw bytes for downloads), and dumping it gives back every field of the body
  Prism sent, extra fields included: nothing was dropped or renamed;
- a static cursor page that has more results fetches the next one, with a cursor Prism
  accepts.

Flavours: "static" answers with the spec's examples, parsed by a default client
(lenient); "dynamic-N" sends `Prefer: dynamic=true, seed=sdkforge-N` (random data, extra
properties, reproducible through the seed) and parses with
strict_response_validation=True.
"""

from __future__ import annotations

import functools
import inspect
import json
import ssl
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pydantic
import pytest

from tests.support import Provider, refuse_sleep

UPLOAD_CONTENT = (
    b'{"custom_id": "request-1", "method": "POST", "url": "/v1/chat/completions", '
    b'"body": {"model": "kimi-k2.6", '
    b'"messages": [{"role": "user", "content": "Hi"}]}}\n'
    b'{"custom_id": "request-2", "method": "POST", "url": "/v1/chat/completions", '
    b'"body": {"model": "kimi-k2.6", '
    b'"messages": [{"role": "user", "content": "Bye"}]}}\n'
)

# --------------------------------------------------------------------------- flavours


@dataclass(frozen=True)
class Flavour:
    name: str
    prefer: str | None
    strict: bool

    def __str__(self) -> str:
        return self.name


SEEDS = ("1", "2", "3")
STATIC = Flavour("static", None, strict=False)
FLAVOURS = [
    STATIC,
    *(Flavour(f"dynamic-{s}", f"dynamic=true, seed=sdkforge-{s}", True) for s in SEEDS),
]

# --------------------------------------------------------------------------- operations

Call = Callable[[Any, Path], Any]
"""(client, upload file path) -> result, or an awaitable of it for async clients."""


@dataclass(frozen=True)
class Op:
    """One row of an operation table."""

    name: str
    """The method as called, e.g. "files.create"."""
    call: Call
    returns: type
    """The documented result: a model, bytes, or a cursor list's response model."""
    items: type | None = None
    """For a cursor list (returns a page): the model of each item."""
    upload: bool = False
    """The call sends UPLOAD_CONTENT as a multipart file part."""
    static_response_violations: Sequence[str] = ()
    """Response violations Prism reports on the spec's own example (known quirks)."""
    client_kwargs: dict[str, Any] = field(default_factory=dict)
    envelope: str | None = None
    """The field of the response body the result is, for a provider that wraps it."""
    variant: str = ""
    """Names one of several rows of the same method (the test id shows it)."""

    def __str__(self) -> str:
        return f"{self.name}({self.variant})" if self.variant else self.name


# --------------------------------------------------------------------------- recording


@dataclass
class Exchange:
    request: httpx.Request
    status_code: int
    headers: httpx.Headers
    content: bytes

    @property
    def violations(self) -> list[dict[str, Any]]:
        header = self.headers.get("sl-violations")
        return list(json.loads(header)) if header else []

    def json(self) -> Any:
        return json.loads(self.content)


class Exchanges:
    """httpx response hooks that keep every request with its response."""

    def __init__(self) -> None:
        self.items: list[Exchange] = []

    def _record(self, response: httpx.Response) -> None:
        self.items.append(
            Exchange(
                response.request,
                response.status_code,
                response.headers,
                response.content,
            )
        )

    def sync_hook(self, response: httpx.Response) -> None:
        response.read()
        self._record(response)

    async def async_hook(self, response: httpx.Response) -> None:
        await response.aread()
        self._record(response)

    def describe(self) -> str:
        lines = []
        for exchange in self.items:
            lines.append(
                f"{exchange.request.method} {exchange.request.url} -> "
                f"{exchange.status_code}"
            )
            lines.extend(f"    {describe(v)}" for v in exchange.violations)
            if exchange.status_code >= 400:
                lines.append(f"    body: {exchange.content[:500]!r}")
        return "\n".join(lines) or "(no request was sent)"


def describe(violation: dict[str, Any]) -> str:
    location = ".".join(str(part) for part in violation.get("location", []))
    return f"[{violation.get('severity')}] {location}: {violation.get('message')}"


def _side(violation: dict[str, Any]) -> str:
    location = violation.get("location") or [""]
    return str(location[0])


# --------------------------------------------------------------------------- the check


@dataclass
class Outcome:
    result: Any
    exchanges: Exchanges


@functools.cache
def _ssl_context() -> ssl.SSLContext:
    """One context for every test client: loading the CA bundle per client costs ~0.2 s
    (Prism is plain http on 127.0.0.1, so it is never even used)."""
    return httpx.create_ssl_context()


async def exercise(
    provider: Provider,
    op: Op,
    mode: str,
    flavour: Flavour,
    base_url: str,
    upload_path: Path,
) -> Outcome:
    """Call `op` on Prism at `base_url` and check the exchange and the result."""
    exchanges = Exchanges()
    headers = {"Prefer": flavour.prefer} if flavour.prefer else {}
    http_client: httpx.Client | httpx.AsyncClient
    if mode == "sync":
        http_client = httpx.Client(
            verify=_ssl_context(), event_hooks={"response": [exchanges.sync_hook]}
        )
        client_class = provider.sync_class
    else:
        http_client = httpx.AsyncClient(
            verify=_ssl_context(), event_hooks={"response": [exchanges.async_hook]}
        )
        client_class = provider.async_class
    client = client_class(
        api_key=provider.test_key,
        base_url=base_url,
        max_retries=0,  # a Prism error must surface at once, never be retried
        timeout=30.0,
        default_headers=headers,
        http_client=http_client,
        strict_response_validation=flavour.strict,
        **op.client_kwargs,
    )
    client.sleep = refuse_sleep(mode)  # a Prism test must never retry
    try:
        try:
            result = op.call(client, upload_path)
            if inspect.isawaitable(result):
                result = await result
        except provider.package.SDKError as exc:  # every error the client raises
            pytest.fail(
                f"{provider.name} {op} ({mode}, {flavour.name}) raised "
                f"{type(exc).__name__}: {exc}\n{exchanges.describe()}"
            )
        check_exchange(op, flavour, exchanges)
        check_result(provider, op, mode, exchanges.items[0], result)
        if op.items is not None and flavour is STATIC:
            await check_next_page(op, result, exchanges)
    finally:
        if isinstance(http_client, httpx.AsyncClient):
            await http_client.aclose()
        else:
            http_client.close()
    return Outcome(result, exchanges)


def check_exchange(op: Op, flavour: Flavour, exchanges: Exchanges) -> None:
    assert len(exchanges.items) == 1, exchanges.describe()
    exchange = exchanges.items[0]
    violations = exchange.violations
    rejected = [describe(v) for v in violations if _side(v) == "request"]
    if rejected:
        pytest.fail(
            f"Prism found the request of {op} invalid:\n  " + "\n  ".join(rejected)
        )
    expected = op.static_response_violations if flavour is STATIC else ()
    reported = [describe(v) for v in violations if _side(v) != "request"]
    assert sorted(reported) == sorted(expected), (
        f"Prism's answer to {op} and the spec disagree (--errors is off only "
        f"for documented quirks):\n  " + "\n  ".join(reported)
    )
    if flavour.prefer is not None:
        assert exchange.request.headers.get("Prefer") == flavour.prefer
    if op.upload:
        content_type = exchange.request.headers.get("Content-Type", "")
        assert content_type.startswith("multipart/form-data; boundary="), content_type
        exchange.request.read()
        assert UPLOAD_CONTENT in exchange.request.content


def check_result(
    provider: Provider, op: Op, mode: str, exchange: Exchange, result: Any
) -> None:
    assert 200 <= exchange.status_code < 300, exchange.status_code
    if op.returns is bytes:
        assert isinstance(result, bytes), type(result)
        assert result == exchange.content
        return
    body = result
    if op.items is not None:
        page_class = (
            provider.package.SyncPage if mode == "sync" else provider.package.AsyncPage
        )
        assert isinstance(result, page_class), type(result)
        body = result.body
        assert all(isinstance(item, op.items) for item in result.data), result.data
        assert result.data == list(body.data)
    assert isinstance(body, op.returns), f"{type(body)} is not {op.returns}"
    assert isinstance(body, pydantic.BaseModel)
    # Every field Prism sent is in the model under its wire name, with the same value.
    sent = exchange.json()
    assert body.model_dump(mode="json", by_alias=True, exclude_unset=True) == (
        sent if op.envelope is None else sent[op.envelope]
    )


async def check_next_page(op: Op, page: Any, exchanges: Exchanges) -> None:
    """A static page with more results fetches the next one with a valid cursor."""
    if not page.has_next_page():
        return
    expected_cursor = getattr(page.body, "last_id", None) or page.data[-1].id
    next_page = page.get_next_page()
    if inspect.isawaitable(next_page):
        next_page = await next_page
    assert len(exchanges.items) == 2, exchanges.describe()
    request = exchanges.items[1].request
    assert request.url.params["after"] == expected_cursor
    rejected = [
        describe(v) for v in exchanges.items[1].violations if _side(v) == "request"
    ]
    assert not rejected, f"Prism rejected the next-page request: {rejected}"
    assert isinstance(next_page.body, op.returns)


# --------------------------------------------------------------------------- coverage

HELPERS = {"wait", "run", "resume", "results"}
"""Public resource methods that are not HTTP operations (wait() polls retrieve; the batch
workflow's run(), resume() and results() call the operations; tests/workflow)."""
WRAPPERS = {"with_raw_response", "with_streaming_response"}


def client_operations(provider: Provider) -> set[str]:
    """Every operation method of the provider's sync client, as "resource.method"."""
    client = provider.sync_class(
        api_key=provider.test_key, base_url="http://127.0.0.1:9"
    )
    resources_module = f"{provider.package.__name__}.resources"
    found: set[str] = set()

    def walk(obj: Any, prefix: str) -> None:
        for name in dir(obj):
            if name.startswith("_") or name in WRAPPERS:
                continue
            value = getattr(obj, name)
            if type(value).__module__.startswith(resources_module):
                walk(value, f"{prefix}{name}.")
            elif prefix and inspect.ismethod(value) and name not in HELPERS:
                found.add(f"{prefix}{name}")

    try:
        walk(client, "")
    finally:
        client.close()
    return found


def table_operations(operations: Sequence[Op]) -> set[str]:
    return {op.name for op in operations}
