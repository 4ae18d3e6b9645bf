"""Fixtures of the fault-injection tests: a scripted server and clients aimed at it.

`generated/` is put on sys.path by tests/conftest.py, so the generated packages import.
"""

from __future__ import annotations

import ssl
from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx
import pytest
from fault_harness import FaultClient, MakeClient
from fault_server import FaultServer

from tests.support import Provider

ENVIRONMENT = [
    f"{prefix}_{suffix}"
    for prefix in ("MOONSHOT", "SILICONFLOW", "MKA1")
    for suffix in ("API_KEY", "BASE_URL", "LOG")
] + [
    f"{name}{suffix}"
    for name in ("HTTP", "HTTPS", "ALL", "http", "https", "all")
    for suffix in ("_PROXY", "_proxy")
]

DEFAULT_TIMEOUT = httpx.Timeout(5.0)
"""Long enough for any scripted answer, short enough that a hang fails the test."""


@pytest.fixture(autouse=True)
def _clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """No key, base URL, log level or proxy from the developer's shell."""
    for name in ENVIRONMENT:
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(scope="session")
def _shared_ssl_context() -> ssl.SSLContext:
    return httpx.create_ssl_context()


@pytest.fixture(autouse=True)
def _reuse_ssl_context(
    monkeypatch: pytest.MonkeyPatch, _shared_ssl_context: ssl.SSLContext
) -> None:
    """Speed only: the clients talk plain HTTP to 127.0.0.1, yet every httpx client
    builds a TLS context and loads the CA bundle, most of a client's construction
    time. Here they all share one."""
    monkeypatch.setattr(
        httpx._transports.default,
        "create_ssl_context",
        lambda **_: _shared_ssl_context,
    )


@pytest.fixture(params=["sync", "async"])
def mode(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def server() -> Iterator[FaultServer]:
    """A fresh fault server for the test; it must not have failed itself."""
    with FaultServer() as fault_server:
        yield fault_server
    assert fault_server.errors == [], f"the fault server failed: {fault_server.errors}"


@pytest.fixture
async def make_client(server: FaultServer) -> AsyncIterator[MakeClient]:
    """make_client(provider, mode, **client_kwargs) -> FaultClient on the fault server.

    api_key, base_url and a 5 s timeout are filled in unless given.
    """
    made: list[FaultClient] = []

    def factory(provider: Provider, mode: str, **kwargs: Any) -> FaultClient:
        kwargs.setdefault("api_key", "sk-fault-test-0123456789")
        kwargs.setdefault("base_url", server.url + provider.base_path)
        kwargs.setdefault("timeout", DEFAULT_TIMEOUT)
        client_class = provider.sync_class if mode == "sync" else provider.async_class
        fault_client = FaultClient(client_class(**kwargs), provider, mode)
        made.append(fault_client)
        return fault_client

    yield factory

    for fault_client in made:
        await fault_client.close()
